// The search engine (docs/assets/search/engine.js) on small hand-made indexes, and the highlighter.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SearchIndex, shard } from '../../docs/assets/search/engine.js';
import { highlight as highlightIn } from '../../docs/assets/search/highlight.js';
import { loadTokenizer } from '../../docs/assets/search/tokenize.js';

// Specs as docs.json carries them (tools/sxs/site/search/tokenize.py), with short word lists of
// the tests' own: the locale files' lists are tested on the Python side, which writes them.
const tokenizer = await loadTokenizer([
  {
    module: 'korean', pattern: '[\uac00-\ud7a3]+',
    suffixes: ['합니다', '되지', '에서', '가', '를', '을', '이', '에'], stop_words: ['않아요', '않습니다'],
  },
  { module: 'english', pattern: '[a-z0-9]+(?:\\.[a-z0-9]+)*', stop_words: ['a', 'the', 'of'] },
  { module: 'han', pattern: '[\u3041-\u3096\u30a1-\u30fa\u30fc-\u30ff\u4e00-\u9fff]+', stop_words: ['如何'] },
  {
    module: 'arabic', pattern: '[\u0620-\u065f\u0670-\u06d3]+', drop: '\u064e\u0640', fold: { 'إ': 'ا', 'ة': 'ه' },
    prefixes: ['وال', 'ال', 'و', 'ب'], suffixes: ['ات', 'ه'], stop_words: ['في'],
  },
]);
const termsOf = (text) => tokenizer.terms(text);

const LAST = '0123456789abcdefghijklmnopqrstuv';
const MORE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ!#$%&*';

function encode(numbers) { // as `encode` in tools/sxs/site/search/index.py
  return numbers.map((n) => {
    let out = LAST[n % 32];
    for (n = Math.floor(n / 32); n; n = Math.floor(n / 32)) out = MORE[n % 32] + out;
    return out;
  }).join('');
}

// An index of pages [title, text] in `shards` postings files: every term weighs 4, 12 when in the
// title. `index.fetched` lists the shards asked for, in order.
function indexOf(pages, synonyms = [], shards = 8) {
  const postings = {};
  pages.forEach(([title, text], doc) => {
    const inTitle = new Set(termsOf(title));
    for (const term of new Set([...termsOf(text), ...inTitle])) {
      (postings[term] ??= []).push([doc, inTitle.has(term) ? 12 : 4]);
    }
  });
  const files = Array.from({ length: shards }, () => ({}));
  for (const [term, list] of Object.entries(postings)) {
    files[shard(term, shards)][term] = encode(list.map(([doc, w], i) => (doc - (i ? list[i - 1][0] : 0)) * 16 + w));
  }
  const fetched = [];
  const index = new SearchIndex({
    version: 4, language: 'ko', shards, synonyms,
    docs: pages.map(([title, text], i) => [`p${i}/`, title, text.slice(0, 80)]),
  }, async (number) => { fetched.push(number); return files[number]; }, tokenizer);
  index.fetched = fetched;
  return index;
}

const urls = async (index, query) => (await index.search(query, 5)).map((r) => r.doc.url);

test('postings decode what the Python side encodes', async () => {
  // encode([20, 3 * 16 + 5, 1000 * 16 + 15]) in tools/sxs/site/search/index.py
  const index = new SearchIndex({ version: 4, language: 'ko', shards: 1, docs: [], synonyms: [] }, async () => ({ tt: 'kBlPUf' }), tokenizer);
  await index.search('tt');
  assert.deepEqual(index.decode('tt'), [[1, 4], [4, 5], [1004, 15]]);
});

test('a term\'s shard is FNV-1a (32 bits) of its first two characters', () => {
  assert.equal(shard('a', 2 ** 32), 0xe40c292c); // FNV-1a's published test vectors
  assert.equal(shard('', 2 ** 32), 0x811c9dc5);
  assert.equal(shard('abc', 97), shard('ab', 97));
  assert.equal(shard('메일이', 1000), shard('메일', 1000));
});

test('a query fetches only the shards of its terms, each once, and retries one that failed', async () => {
  const index = indexOf([['전자 메일 배달 문제', '메일이 배달되지 않습니다.'], ['프린터 연결', '프린터를 연결합니다.']], [], 64);
  const wanted = [...new Set(termsOf('메일 배달').map((term) => shard(term, 64)))].sort((a, b) => a - b);
  assert.deepEqual([...index.shardsOf('메일 배달')].sort((a, b) => a - b), wanted);
  assert.deepEqual(await urls(index, '메일 배달'), ['p0/']);
  assert.deepEqual([...index.fetched].sort((a, b) => a - b), wanted);
  await urls(index, '배달');
  assert.equal(index.fetched.length, wanted.length, 'loaded shards are kept');

  let fail = true;
  const flaky = new SearchIndex({ version: 4, language: 'ko', shards: 1, docs: [['p0/', '메일', '메일']], synonyms: [] },
    async () => { if (fail) throw new Error('503'); return { 메일: '0c' }; }, tokenizer);
  await assert.rejects(flaky.search('메일'), /503/);
  fail = false;
  assert.deepEqual((await flaky.search('메일')).map((r) => r.doc.url), ['p0/']);
});

test('the synonyms\' shards and the completions\' shard are fetched too', () => {
  const synonyms = [[['비밀번호', ['비밀', '밀번', '번호']], ['암호', ['암호']]]];
  const index = indexOf([['암호', '암호']], synonyms, 1024);
  assert.deepEqual(index.shardsOf('비밀번호'), new Set(['비밀', '밀번', '번호', '암호'].map((term) => shard(term, 1024))));
  assert.deepEqual(index.shardsOf('aadsts9'), new Set([shard('aadsts9', 1024)]));
  assert.equal(shard('aadsts9', 1024), shard('aadsts9000411', 1024));
});

test('particles, endings and compounds find the spaced words of the page', async () => {
  const index = indexOf([['전자 메일 배달 문제', '메일이 배달되지 않습니다.'], ['프린터 연결', '프린터를 연결합니다.']]);
  assert.deepEqual(await urls(index, '메일이 배달되지 않아요'), ['p0/']);
  assert.deepEqual(await urls(index, '전자메일 배달을'), ['p0/']);
  assert.deepEqual(await urls(index, '메일배달'), ['p0/']);
});

test('a synonym finds the page, below a page with the reader\'s own word', async () => {
  const synonyms = [[['비밀번호', ['비밀', '밀번', '번호']], ['암호', ['암호']]]];
  const index = indexOf([['암호 변경', '암호를 바꿉니다.'], ['프린터', '프린터 연결'], ['비밀번호 변경', '비밀번호를 바꿉니다.']], synonyms);
  assert.deepEqual(await urls(index, '비밀번호를 변경'), ['p2/', 'p0/']);
  assert.deepEqual(await urls(index, '암호'), ['p0/', 'p2/']);
});

test('pages with every query word come first', async () => {
  const index = indexOf([
    ['구독 만료', '구독이 만료되었습니다.'],
    ['구독 구독 구독', '구독 구독 구독 구독 구독 구독 정보'],
    ['인증서 만료', '인증서가 만료됩니다.'],
  ]);
  assert.deepEqual((await urls(index, '구독 만료')).slice(0, 1), ['p0/']);
  assert.deepEqual((await urls(index, '인증서 만료')).slice(0, 1), ['p2/']);
});

test('a partial bigram match of a word counts less than the whole word', async () => {
  const index = indexOf([['네트워크 드라이브 연결', '드라이브를 연결합니다. 드라이브'], ['OneDrive 동기화', 'OneDrive 동기화 문제']],
    [[['원드라이브', ['원드', '드라', '라이', '이브']], ['onedrive', ['onedrive']]]]);
  assert.deepEqual((await urls(index, '원드라이브 동기화')).slice(0, 1), ['p1/']);
});

test('the word being typed is completed; a finished word is not', async () => {
  const index = indexOf([['Teams 로그인 오류 AADSTS9000411', 'AADSTS9000411 오류'], ['오류', '오류 코드']]);
  assert.deepEqual(await urls(index, 'AADSTS900'), ['p0/']);
  assert.deepEqual(await urls(index, 'aadsts900 '), []);
  assert.deepEqual(await urls(index, 'aadsts9000411 '), ['p0/']);
});

test('error codes as typed', async () => {
  const index = indexOf([['550 5.7.501 액세스 거부', '오류 550 5.7.501'], ['오류 코드 5.7.23', '5.7.23 SPF'], ['0x80070005 오류', '정품 인증']]);
  assert.deepEqual(await urls(index, '550 5.7.501'), ['p0/']);
  assert.deepEqual(await urls(index, '5.7.23'), ['p1/']);
  assert.deepEqual(await urls(index, '0X80070005'), ['p2/']);
  assert.deepEqual(await urls(index, '5.7.50'), ['p0/'], 'completed while typed');
  assert.deepEqual(await urls(index, '5.7.50 '), [], 'a typed code is not the prefix of another');
});

test('a word no page has does not hide the pages the other words find', async () => {
  const index = indexOf([['메일 배달', '메일 배달']]);
  assert.deepEqual(await urls(index, '메일 배달 qwertyuiop'), ['p0/']);
  assert.deepEqual(await urls(index, 'qwertyuiop'), []);
  assert.deepEqual(await urls(index, '   '), []);
});

test('Chinese and Japanese words are found inside the phrases they are written in', async () => {
  const index = indexOf([['管理员密码重置', '如果忘记密码，请重置密码。'], ['パスワードのリセット', 'パスワードをリセットします。']]);
  assert.deepEqual(await urls(index, '密码'), ['p0/']);
  assert.deepEqual(await urls(index, '如何重置密码'), ['p0/']);
  assert.deepEqual(await urls(index, 'リセット'), ['p1/']);
});

test('an Arabic word is found with or without its article, conjunction or preposition', async () => {
  const index = indexOf([['إعادة تعيين كلمة المرور', 'كلمة المرور الخاصة بك'], ['البريد الإلكتروني', 'إعدادات البريد']]);
  assert.deepEqual(await urls(index, 'مرور'), ['p0/']);
  assert.deepEqual(await urls(index, 'وبريد'), ['p1/']);
  assert.deepEqual(await urls(index, 'والبريد'), ['p1/']);
  assert.deepEqual(await urls(index, 'اعدادات'), ['p1/']);
  assert.deepEqual(await urls(index, 'البري'), ['p1/'], 'completed while typed, without its article');
});

test('highlight marks the matched bigrams and words, in the original text', () => {
  const highlight = (text, terms) => highlightIn(text, terms, tokenizer);
  assert.deepEqual(highlight('전자 메일 배달 문제', new Set(['메일', '배달'])), [[3, 5], [6, 8]]);
  assert.deepEqual(highlight('메일이 배달되지 않음', new Set(['메일', '배달'])), [[0, 2], [4, 6]]);
  assert.deepEqual(highlight('테넌트를 삭제', new Set(['테넌', '넌트'])), [[0, 3]]);
  assert.deepEqual(highlight('Configuring Outlook.com', new Set(['configur', 'outlook'])), [[0, 11], [12, 23]]);
  assert.deepEqual(highlight('오류 ＡＡＤＳＴＳ５０', new Set(['aadsts50'])), [[3, 11]]);
  assert.deepEqual(highlight('ﬁle sharing', new Set(['file'])), [[0, 3]]);
  assert.deepEqual(highlight('如果忘记密码，请重置', new Set(['密码', '重置'])), [[4, 6], [8, 10]]);
  assert.deepEqual(highlight('كلمة المرور', new Set(['مرور'])), [[5, 11]]);
});
