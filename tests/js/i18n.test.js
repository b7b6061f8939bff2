import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { STRINGS, RESULTS, describeTerm, describeWarning, pickLang } from '../../docs/assets/spf/i18n.js';
import { parseRecord } from '../../docs/assets/spf/record.js';

const LINT_SRC = readFileSync(new URL('../../docs/assets/spf/lint.js', import.meta.url), 'utf8');
const CODES = [...new Set([...LINT_SRC.matchAll(/add\('([a-z0-9-]+)'/g)].map((m) => m[1]))];

test('the accessible names the issue asks for', () => {
  assert.equal(STRINGS.ko.domain, '도메인');
  assert.equal(STRINGS.en.domain, 'Domain');
  assert.equal(STRINGS.ko.check, '검사');
  assert.equal(STRINGS.en.check, 'Check');
  assert.equal(STRINGS.ko.region, 'SPF 결과');
  assert.equal(STRINGS.en.region, 'SPF result');
  for (const k of ['ip', 'sender']) {
    assert.ok(!STRINGS.ko[k].includes('도메인') && !STRINGS.en[k].includes('Domain'), 'no other label contains the domain label');
  }
});

test('Korean and English have the same keys and every result', () => {
  assert.deepEqual(Object.keys(STRINGS.ko).sort(), Object.keys(STRINGS.en).sort());
  for (const lang of ['ko', 'en']) {
    for (const r of ['pass', 'fail', 'softfail', 'neutral', 'none', 'permerror', 'temperror']) assert.equal(RESULTS[lang][r].length, 2);
  }
});

test('every warning lint can raise is translated, with a fix where one applies', () => {
  assert.ok(CODES.length >= 20, CODES.join());
  const w = { domain: 'example.com', term: 'ptr', position: 3, count: 12, size: 600, target: 'x.example', all: '-all', type: 'TXT' };
  for (const code of [...CODES, 'dns-timeout', 'dns-error']) {
    const ko = describeWarning({ ...w, code }, 'ko');
    const en = describeWarning({ ...w, code }, 'en');
    assert.notEqual(ko[0], code, `ko ${code}`);
    assert.notEqual(en[0], code, `en ${code}`);
    assert.notEqual(ko[0], en[0], code);
    if (code !== 'm365-ok') assert.ok(ko[1] && en[1], `fix for ${code}`);
  }
});

test('every term is explained in both languages', () => {
  const { terms } = parseRecord('v=spf1 a mx:example.com ptr ip4:192.0.2.0/24 ip6:2001:db8::/32 include:x.example exists:%{i}.x.example ?all redirect=r.example exp=e.example foo=bar');
  for (const t of terms) {
    for (const lang of ['ko', 'en']) assert.ok(describeTerm(t, lang).length > 10, `${lang} ${t.text}`);
  }
  assert.match(describeTerm(terms[3], 'en'), /192\.0\.2\.0\/24/);
});

test('language follows <html lang>', () => {
  assert.equal(pickLang('ko'), 'ko');
  assert.equal(pickLang('ko-KR'), 'ko');
  assert.equal(pickLang('en'), 'en');
  assert.equal(pickLang(''), 'en');
});

test('every syntax error reason and error code reads in both languages', async () => {
  const { describeSyntax, describeError } = await import('../../docs/assets/spf/i18n.js');
  const read = (f) => readFileSync(new URL(`../../docs/assets/spf/${f}`, import.meta.url), 'utf8');
  const text = read('record.js') + read('macro.js');
  const reasons = new Set([...text.matchAll(/fail\([^;]*?, '([a-z-]+)'(?:, \{[^)]*\})?\)/g), ...text.matchAll(/reason: '([a-z-]+)'/g)].map((m) => m[1]));
  assert.ok(reasons.size >= 20, [...reasons].join());
  for (const reason of reasons) {
    const args = { char: 'U+000D', macro: '%{x}', domain: 'a.123', name: 'mx', family: 'IPv4', value: '1.2.3', max: 32 };
    const ko = describeSyntax({ reason, args, message: 'ENGLISH' }, 'ko');
    const en = describeSyntax({ reason, args, message: 'ENGLISH' }, 'en');
    assert.ok(ko !== 'ENGLISH' && en !== 'ENGLISH' && ko !== en, reason);
  }
  const evalSrc = read('evaluate.js');
  const codes = new Set([...evalSrc.matchAll(/(?:permerror|temperror)\('([a-z-]+)'/g), ...evalSrc.matchAll(/timeout \? '([a-z-]+)' : '([a-z-]+)'/g)]
    .flatMap((m) => m.slice(1).filter(Boolean)));
  for (const code of [...codes, 'syntax']) {
    const e = { code, message: 'ENGLISH', domain: 'x.test', position: 3, reason: 'term', count: 2, term: 'include:y.test', name: 'x.test', type: 'TXT' };
    assert.notEqual(describeError(e, 'ko'), 'ENGLISH', code);
    assert.notEqual(describeError(e, 'en'), 'ENGLISH', code);
  }
});
