import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { localize, resultName, resultMeaning, describeTerm, describeWarning, describeSyntax, describeError } from '../../docs/assets/spf/i18n.js';
import { parseRecord } from '../../docs/assets/spf/record.js';
import { LOCALES, spf } from './helpers/locales.js';

const read = (f) => readFileSync(new URL(`../../docs/assets/spf/${f}`, import.meta.url), 'utf8');
const CODES = [...new Set([...read('lint.js').matchAll(/add\('([a-z0-9-]+)'/g)].map((m) => m[1]))];
const OTHERS = LOCALES.filter((code) => code !== 'en');
const en = spf('en');

test('the locales the checker speaks: every locale file', () => {
  assert.deepEqual(LOCALES, ['ar', 'en', 'ko', 'zh-CN']);
});

test('the accessible names the issue asks for', () => {
  const ko = spf('ko');
  assert.equal(ko.text('domain'), '도메인');
  assert.equal(en.text('domain'), 'Domain');
  assert.equal(ko.text('check'), '검사');
  assert.equal(en.text('check'), 'Check');
  assert.equal(ko.text('region'), 'SPF 결과');
  assert.equal(en.text('region'), 'SPF result');
  assert.equal(spf('zh-CN').text('domain'), '域');
  assert.equal(spf('ar').text('domain'), 'المجال');
  for (const code of LOCALES) {
    const L = spf(code);
    for (const k of ['ip', 'sender']) assert.ok(!L.text(k).includes(L.text('domain')), `${code} ${k}: no other label contains the domain label`);
  }
});

test('a text is filled by name; a missing value is left out, a missing text shows its key', () => {
  const L = localize({ greet: 'Hello {name}{rest}, {name}', plain: '{ not a field }' }, 'en');
  assert.equal(L.text('greet', { name: 'Ana' }), 'Hello Ana, Ana');
  assert.equal(L.text('plain'), '{ not a field }');
  assert.equal(L.text('nowhere'), 'nowhere');
  assert.equal(en.text('bad-ip', { ip: '1.2.3' }), '“1.2.3” is not an IP address. Example: 192.0.2.10 or 2001:db8::10');
  assert.equal(spf('ko').text('checking', { domain: 'contoso.com' }), 'contoso.com의 SPF 레코드를 조회하는 중…');
});

test('counts take the plural form of the language, else .other', () => {
  assert.equal(en.count('branch-lookups', 1), '1 lookup');
  assert.equal(en.count('branch-lookups', 3), '3 lookups');
  assert.equal(spf('ko').count('branch-lookups', 1), '조회 1회');
  assert.equal(spf('zh-CN').count('branch-lookups', 2), '2 次查找');
  // Arabic has six forms; a form the file does not give is .other's
  assert.equal(spf('ar').count('branch-lookups', 2), 'عمليات البحث: 2');
});

test('every result has a name and a meaning in every locale', () => {
  for (const code of LOCALES) {
    for (const r of ['pass', 'fail', 'softfail', 'neutral', 'none', 'permerror', 'temperror']) {
      const L = spf(code);
      assert.notEqual(resultName(r, L), `result.${r}`, `${code} ${r}`);
      assert.ok(resultMeaning(r, L).length > 10, `${code} ${r}`);
    }
  }
  assert.equal(resultName('softfail', spf('ko')), '약한 실패(softfail)');
});

test('every warning lint can raise is translated, with a fix where one applies', () => {
  assert.ok(CODES.length >= 20, CODES.join());
  const w = { domain: 'example.com', term: 'ptr', position: 3, count: 12, size: 600, target: 'x.example', all: '-all', type: 'TXT' };
  for (const code of [...CODES, 'dns-timeout', 'dns-error']) {
    const english = describeWarning({ ...w, code }, en);
    assert.notEqual(english[0], code, `en ${code}`);
    assert.doesNotMatch(english.join(' '), /\{[a-z]+\}|undefined/, `en ${code}`);
    if (code !== 'm365-ok') assert.ok(english[1], `en fix for ${code}`);
    for (const lang of OTHERS) {
      const own = describeWarning({ ...w, code }, spf(lang));
      assert.notEqual(own[0], english[0], `${lang} ${code}`);
      assert.doesNotMatch(own.join(' '), /\{[a-z]+\}|undefined/, `${lang} ${code}`);
      if (code !== 'm365-ok') assert.ok(own[1] && own[1] !== english[1], `${lang} fix for ${code}`);
    }
  }
  assert.deepEqual(describeWarning({ ...w, code: 'after-all' }, en), ['example.com: ptr after -all is never evaluated (at character 4).', 'Move ptr before -all.']);
  assert.deepEqual(describeWarning({ code: 'lookup-limit', count: 11, domain: 'a.test', term: 'mx' }, spf('ko'))[0],
    'DNS 조회가 11회로 한도 10회를 넘습니다 (a.test의 mx에서 초과). 결과는 permerror입니다.');
  assert.equal(describeWarning({ code: 'lookup-limit', count: 11 }, en)[0], '11 DNS lookups, over the limit of 10: a permerror.');
  assert.deepEqual(describeWarning({ code: 'no-such-code' }, en), ['no-such-code', '']);
});

test('every term is explained in every locale', () => {
  const { terms } = parseRecord('v=spf1 a mx:example.com ptr ip4:192.0.2.0/24 ip6:2001:db8::/32 include:x.example exists:%{i}.x.example ?all redirect=r.example exp=e.example foo=bar');
  for (const t of terms) {
    for (const code of LOCALES) assert.ok(describeTerm(t, spf(code)).length > 10, `${code} ${t.text}`);
  }
  assert.equal(describeTerm(terms[3], en), 'Servers in the address range 192.0.2.0/24. On a match the result is pass.');
  assert.equal(describeTerm(terms[7], spf('zh-CN')), '之前未匹配的所有服务器：中性 (neutral)。');
  assert.equal(describeTerm(terms[0], spf('ko')), '이 도메인의 A/AAAA 주소에 해당하는 서버 (DNS 조회 1회). 일치하면 결과는 통과(pass).');
});

test('every syntax error reason and error code reads in every locale', () => {
  const text = read('record.js') + read('macro.js');
  const reasons = new Set([...text.matchAll(/fail\([^;]*?, '([a-z-]+)'(?:, \{[^)]*\})?\)/g), ...text.matchAll(/reason: '([a-z-]+)'/g)].map((m) => m[1]));
  assert.ok(reasons.size >= 20, [...reasons].join());
  const args = { char: 'U+000D', macro: '%{x}', domain: 'a.123', name: 'mx', family: 'IPv4', value: '1.2.3', max: 32 };
  for (const reason of reasons) {
    const english = describeSyntax({ reason, args, message: 'ENGLISH' }, en);
    assert.notEqual(english, 'ENGLISH', reason);
    for (const lang of OTHERS) assert.ok(![english, 'ENGLISH'].includes(describeSyntax({ reason, args, message: 'ENGLISH' }, spf(lang))), `${lang} ${reason}`);
  }
  assert.equal(describeSyntax({ reason: 'unknown-reason', message: 'ENGLISH' }, en), 'ENGLISH');
  const evalSrc = read('evaluate.js');
  const codes = new Set([...evalSrc.matchAll(/(?:permerror|temperror)\('([a-z-]+)'/g), ...evalSrc.matchAll(/timeout \? '([a-z-]+)' : '([a-z-]+)'/g)]
    .flatMap((m) => m.slice(1).filter(Boolean)));
  for (const code of [...codes, 'syntax']) {
    const e = { code, message: 'ENGLISH', domain: 'x.test', position: 3, reason: 'term', count: 2, term: 'include:y.test', name: 'x.test', type: 'TXT' };
    for (const lang of LOCALES) {
      const said = describeError(e, spf(lang));
      assert.notEqual(said, 'ENGLISH', `${lang} ${code}`);
      assert.doesNotMatch(said, /\{[a-z]+\}|undefined/, `${lang} ${code}`);
    }
  }
  assert.equal(describeError({ code: 'syntax', position: 0, reason: 'version' }, en), 'Syntax error in the record at character 1: the record does not start with v=spf1');
});
