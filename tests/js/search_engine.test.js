// The search engine (docs/assets/search/engine.js) on small hand-made indexes, and the highlighter.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SearchIndex } from '../../docs/assets/search/engine.js';
import { highlight } from '../../docs/assets/search/highlight.js';
import { terms as termsOf } from '../../docs/assets/search/tokenize.js';

const LAST = '0123456789abcdefghijklmnopqrstuv';
const MORE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ!#$%&*';

function encode(numbers) { // as `encode` in tools/sxs/site/search/index.py
  return numbers.map((n) => {
    let out = LAST[n % 32];
    for (n = Math.floor(n / 32); n; n = Math.floor(n / 32)) out = MORE[n % 32] + out;
    return out;
  }).join('');
}

// An index of pages [title, text]: every term weighs 4, 12 when in the title.
function indexOf(pages, synonyms = []) {
  const postings = {};
  pages.forEach(([title, text], doc) => {
    const inTitle = new Set(termsOf(title));
    for (const term of new Set([...termsOf(text), ...inTitle])) {
      (postings[term] ??= []).push([doc, inTitle.has(term) ? 12 : 4]);
    }
  });
  const terms = {};
  for (const [term, list] of Object.entries(postings)) {
    terms[term] = encode(list.map(([doc, w], i) => (doc - (i ? list[i - 1][0] : 0)) * 16 + w));
  }
  return new SearchIndex({
    version: 1, language: 'ko', terms, synonyms,
    docs: pages.map(([title, text], i) => [`p${i}/`, title, text.slice(0, 80)]),
  });
}

const urls = (index, query) => index.search(query, 5).map((r) => r.doc.url);

test('postings decode what the Python side encodes', () => {
  // encode([20, 3 * 16 + 5, 1000 * 16 + 15]) in tools/sxs/site/search/index.py
  const index = new SearchIndex({ version: 1, language: 'ko', docs: [], synonyms: [], terms: { t: 'kBlPUf' } });
  assert.deepEqual(index.decode('t'), [[1, 4], [4, 5], [1004, 15]]);
});

test('particles, endings and compounds find the spaced words of the page', () => {
  const index = indexOf([['전자 메일 배달 문제', '메일이 배달되지 않습니다.'], ['프린터 연결', '프린터를 연결합니다.']]);
  assert.deepEqual(urls(index, '메일이 배달되지 않아요'), ['p0/']);
  assert.deepEqual(urls(index, '전자메일 배달을'), ['p0/']);
  assert.deepEqual(urls(index, '메일배달'), ['p0/']);
});

test('a synonym finds the page, below a page with the reader\'s own word', () => {
  const synonyms = [[['비밀번호', ['비밀', '밀번', '번호']], ['암호', ['암호']]]];
  const index = indexOf([['암호 변경', '암호를 바꿉니다.'], ['프린터', '프린터 연결'], ['비밀번호 변경', '비밀번호를 바꿉니다.']], synonyms);
  assert.deepEqual(urls(index, '비밀번호를 변경'), ['p2/', 'p0/']);
  assert.deepEqual(urls(index, '암호'), ['p0/', 'p2/']);
});

test('pages with every query word come first', () => {
  const index = indexOf([
    ['구독 만료', '구독이 만료되었습니다.'],
    ['구독 구독 구독', '구독 구독 구독 구독 구독 구독 정보'],
    ['인증서 만료', '인증서가 만료됩니다.'],
  ]);
  assert.deepEqual(urls(index, '구독 만료').slice(0, 1), ['p0/']);
  assert.deepEqual(urls(index, '인증서 만료').slice(0, 1), ['p2/']);
});

test('a partial bigram match of a word counts less than the whole word', () => {
  const index = indexOf([['네트워크 드라이브 연결', '드라이브를 연결합니다. 드라이브'], ['OneDrive 동기화', 'OneDrive 동기화 문제']],
    [[['원드라이브', ['원드', '드라', '라이', '이브']], ['onedrive', ['onedrive']]]]);
  assert.deepEqual(urls(index, '원드라이브 동기화').slice(0, 1), ['p1/']);
});

test('the word being typed is completed; a finished word is not', () => {
  const index = indexOf([['Teams 로그인 오류 AADSTS9000411', 'AADSTS9000411 오류'], ['오류', '오류 코드']]);
  assert.deepEqual(urls(index, 'AADSTS900'), ['p0/']);
  assert.deepEqual(urls(index, 'aadsts900 '), []);
  assert.deepEqual(urls(index, 'aadsts9000411 '), ['p0/']);
});

test('error codes as typed', () => {
  const index = indexOf([['550 5.7.501 액세스 거부', '오류 550 5.7.501'], ['오류 코드 5.7.23', '5.7.23 SPF'], ['0x80070005 오류', '정품 인증']]);
  assert.deepEqual(urls(index, '550 5.7.501'), ['p0/']);
  assert.deepEqual(urls(index, '5.7.23'), ['p1/']);
  assert.deepEqual(urls(index, '0X80070005'), ['p2/']);
  assert.deepEqual(urls(index, '5.7.50'), ['p0/'], 'completed while typed');
  assert.deepEqual(urls(index, '5.7.50 '), [], 'a typed code is not the prefix of another');
});

test('a word no page has does not hide the pages the other words find', () => {
  const index = indexOf([['메일 배달', '메일 배달']]);
  assert.deepEqual(urls(index, '메일 배달 qwertyuiop'), ['p0/']);
  assert.deepEqual(urls(index, 'qwertyuiop'), []);
  assert.deepEqual(urls(index, '   '), []);
});

test('highlight marks the matched bigrams and words, in the original text', () => {
  assert.deepEqual(highlight('전자 메일 배달 문제', new Set(['메일', '배달'])), [[3, 5], [6, 8]]);
  assert.deepEqual(highlight('메일이 배달되지 않음', new Set(['메일', '배달'])), [[0, 2], [4, 6]]);
  assert.deepEqual(highlight('테넌트를 삭제', new Set(['테넌', '넌트'])), [[0, 3]]);
  assert.deepEqual(highlight('Configuring Outlook.com', new Set(['configur', 'outlook'])), [[0, 11], [12, 23]]);
  assert.deepEqual(highlight('오류 ＡＡＤＳＴＳ５０', new Set(['aadsts50'])), [[3, 11]]);
  assert.deepEqual(highlight('ﬁle sharing', new Set(['file'])), [[0, 3]]);
});
