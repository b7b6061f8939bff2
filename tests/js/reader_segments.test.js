// The segments of an article's HTML and their pairing across languages (docs/assets/reader/segments.js),
// on HTML as a browser serializes it (innerHTML).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { commonSubsequence, pair, rebase, segments, signature, text } from '../../docs/assets/reader/segments.js';

const KO = '<h1 id="t">제목 <em>강조</em><a class="headerlink" href="#t" title="제목 링크">¶</a></h1>\n'
  + '<p>첫 <strong>문장</strong></p>\n<ul>\n<li>단계<ul>\n<li>하위</li>\n</ul>\n</li>\n<li>\n<p>느슨한</p>\n</li>\n</ul>\n'
  + '<div class="highlight"><pre><span></span><code><p>code</p></code></pre></div>\n'
  + '<table><tbody><tr><td>셀</td><td>42</td></tr></tbody></table>';
const EN = '<h1 id="t">Title <em>stressed</em><a class="headerlink" href="#t" title="Permanent link">¶</a></h1>\n'
  + '<p>First <strong>sentence</strong></p>\n<ul>\n<li>Step<ul>\n<li>Sub</li>\n</ul>\n</li>\n<li>\n<p>Loose</p>\n</li>\n</ul>\n'
  + '<div class="highlight"><pre><span></span><code><p>code</p></code></pre></div>\n'
  + '<table><tbody><tr><td>Cell</td><td>42</td></tr></tbody></table>';

test('segments are the text blocks hold directly, with their rank among such elements', () => {
  assert.deepEqual(segments(KO), [
    { tag: 'h1', html: '제목 <em>강조</em>', ordinal: 0 }, // the permalink is not part of the heading's text
    { tag: 'p', html: '첫 <strong>문장</strong>', ordinal: 1 },
    { tag: 'li', html: '단계', ordinal: 2 }, // up to the nested list
    { tag: 'li', html: '하위', ordinal: 3 },
    // the loose item (ordinal 4) holds only whitespace: no segment
    { tag: 'p', html: '느슨한', ordinal: 5 },
    { tag: 'td', html: '셀', ordinal: 6 }, // nothing from inside <pre>
    { tag: 'td', html: '42', ordinal: 7 },
  ]);
});

test('no segments inside scripts, templates, svg or comments; a quoted ">" stays inside its tag', () => {
  const html = '<p title="a > b">one</p><!-- <p>not a paragraph</p> --><template><p>inert</p></template>'
    + '<svg><text><p>drawn</p></text></svg><script>"<p>"</script><li>two <a href="x">link</a></li>';
  assert.deepEqual(segments(html), [
    { tag: 'p', html: 'one', ordinal: 0 },
    { tag: 'li', html: 'two <a href="x">link</a>', ordinal: 1 },
  ]);
});

test('a segment ends at any block, even one an inline element holds', () => {
  assert.deepEqual(segments('<p>a <span>b <div>c</div></span> d</p>').map(s => s.html), ['a <span>b']);
});

test('pairs by position and leaves out identical text', () => {
  assert.deepEqual(pair(segments(KO), segments(EN)), [[0, 0], [1, 1], [2, 2], [3, 3], [4, 4], [5, 5]]); // "42" is the same
});

test('pairs by signature alignment when the structure differs', () => {
  const mine = segments('<p>하나 <code>a</code></p><p>둘</p><ul><li>셋</li></ul>');
  const theirs = segments('<p>Two</p><ul><li>Three</li></ul>');
  assert.deepEqual(pair(mine, theirs), [[1, 0], [2, 1]]); // the first Korean line has no English one
});

test('alignment keeps inline tags and code spans apart', () => {
  const mine = segments('<p>가 <a href="x">링크</a></p><p>나 <code>x</code></p><p>다 <code>y</code></p><h2>라</h2>');
  const theirs = segments('<p>C <code>y</code></p><p>A <a href="x">link</a></p><h2>D</h2>');
  // the paragraph with code "y" moved first: of the two paragraphs that could pair, in order, the one
  // that comes first in the other language does; the heading pairs after it
  assert.deepEqual(pair(mine, theirs), [[2, 0], [3, 2]]);
});

test('signature: the tag, the inline tags in order, the code spans', () => {
  const segment = { tag: 'li', html: 'Run <code>sxs import</code> with <a href="#o"><em>--out</em></a>' };
  assert.deepEqual(signature(segment), ['li', 'code', 'a', 'em', 'sxs import']);
});

test('segment text ignores markup and spacing', () => {
  assert.equal(text({ tag: 'p', html: 'A <a href="x">link</a>\n and\u00a0 more' }), 'A link and more');
});

test('common subsequence: head and tail first, the middle by the table', () => {
  assert.deepEqual(commonSubsequence(['a', 'b', 'c', 'd'], ['a', 'x', 'c', 'd']), [[0, 0], [2, 2], [3, 3]]);
  assert.deepEqual(commonSubsequence(['a', 'b', 'c', 'b', 'd'], ['b', 'd', 'c', 'b']), [[1, 0], [2, 2], [3, 3]]);
  assert.deepEqual(commonSubsequence(['p', 'q'], ['q', 'p']), [[1, 0]]); // as long: items of the first skipped first
  assert.deepEqual(commonSubsequence([], ['a']), []);
  assert.deepEqual(commonSubsequence(['a', 'a'], ['a']), [[0, 0]]);
});

test('common subsequence of long lists that differ in a few places', () => {
  const a = Array.from({ length: 3000 }, (_, i) => `s${i}`);
  const b = [...a.slice(0, 1000), 'new', ...a.slice(1001, 2500), ...a.slice(2600)];
  const pairs = commonSubsequence(a, b);
  assert.equal(pairs.length, 2899);
  assert.ok(pairs.every(([i, j]) => a[i] === b[j]));
  assert.deepEqual(pairs[1000], [1001, 1001]);
  assert.deepEqual(pairs.at(-1), [2999, 2899]);
});

test('rebase: relative addresses from the fetched page, written from the root; the rest as is', () => {
  const page = 'http://127.0.0.1:8000/en/articles/set/page/';
  assert.equal(rebase('../../spf-checker/', page), '/en/articles/spf-checker/');
  assert.equal(rebase('../media/a%20b.png', page), '/en/articles/set/media/a%20b.png');
  assert.equal(rebase('other/?q=1#x', page), '/en/articles/set/page/other/?q=1#x');
  for (const absolute of ['https://learn.microsoft.com/x', 'mailto:a@b.c', '/root/', '//host/x', 'data:image/png;base64,AA']) {
    assert.equal(rebase(absolute, page), absolute);
  }
});

test('rebase: a fragment stays on this page when this page has its id, else leads to the fetched page', () => {
  const page = 'http://127.0.0.1:8000/en/articles/page/';
  const here = new Set(['shared-id', '한국어']);
  const isHere = id => here.has(id);
  assert.equal(rebase('#shared-id', page, isHere), '#shared-id');
  assert.equal(rebase('#%ED%95%9C%EA%B5%AD%EC%96%B4', page, isHere), '#%ED%95%9C%EA%B5%AD%EC%96%B4');
  assert.equal(rebase('#english-only', page, isHere), '/en/articles/page/#english-only');
  assert.equal(rebase('#%E0%A4%A', page, isHere), '/en/articles/page/#%E0%A4%A'); // not percent-encoded text
});
