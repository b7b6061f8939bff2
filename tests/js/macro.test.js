import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseMacroString, parseDomainSpec, expand, toQueryName } from '../../docs/assets/spf/macro.js';
import { parseAddress } from '../../docs/assets/spf/ip.js';

// RFC 7208 §7.4 examples.
const ctx = (ip) => ({
  sender: 'strong-bad@email.example.com', local: 'strong-bad', senderDomain: 'email.example.com',
  domain: 'email.example.com', addr: parseAddress(ip), helo: 'mx.example.org', receiver: 'mx.example.net', now: 1e12,
});
const x = (s, ip = '192.0.2.3', exp = false) => expand(parseMacroString(s, { exp, spaces: exp }), ctx(ip));

test('RFC 7208 §7.4 examples', async () => {
  const cases = {
    '%{s}': 'strong-bad@email.example.com',
    '%{o}': 'email.example.com',
    '%{d}': 'email.example.com',
    '%{d4}': 'email.example.com',
    '%{d3}': 'email.example.com',
    '%{d2}': 'example.com',
    '%{d1}': 'com',
    '%{dr}': 'com.example.email',
    '%{d2r}': 'example.email',
    '%{l}': 'strong-bad',
    '%{l-}': 'strong.bad',
    '%{lr}': 'strong-bad',
    '%{lr-}': 'bad.strong',
    '%{l1r-}': 'strong',
    '%{ir}.%{v}._spf.%{d2}': '3.2.0.192.in-addr._spf.example.com',
    '%{lr-}.lp._spf.%{d2}': 'bad.strong.lp._spf.example.com',
    '%{lr-}.lp.%{ir}.%{v}._spf.%{d2}': 'bad.strong.lp.3.2.0.192.in-addr._spf.example.com',
    '%{ir}.%{v}.%{l1r-}.lp._spf.%{d2}': '3.2.0.192.in-addr.strong.lp._spf.example.com',
    '%{d2}.trusted-domains.example.net': 'example.com.trusted-domains.example.net',
  };
  for (const [macro, want] of Object.entries(cases)) assert.equal(await x(macro), want, macro);
  // Nibbles are upper-case like pyspf; DNS names compare case-insensitively.
  assert.equal((await x('%{ir}.%{v}._spf.%{d2}', '2001:db8::cb01')).toLowerCase(),
    '1.0.b.c.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6._spf.example.com');
});

test('escapes and explanation-only letters', async () => {
  assert.equal(await x('a%%b%_c%-d'), 'a%b c%20d');
  assert.equal(await x('%{L}'), 'strong-bad');
  assert.equal(await x('%{S}'), 'strong-bad%40email.example.com');
  assert.equal(await x('%{c} %{r} %{t}', '2001:DB8::1', true), '2001:db8::1 mx.example.net 1000000000');
  assert.throws(() => parseMacroString('%{c}'), { result: 'permerror' });
  assert.throws(() => parseDomainSpec('%{r}.example.com'), { result: 'permerror' });
});

test('syntax errors carry their position', () => {
  const pos = (s) => { try { parseMacroString(s, { offset: 10 }); } catch (e) { return e.details.position; } return null; };
  assert.equal(pos('ab%(ir)'), 12);
  assert.equal(pos('abc%'), 13);
  assert.equal(pos('%{x}'), 10);
  assert.equal(pos('%{d0}'), 10, 'a zero digit transformer');
  assert.equal(pos('a\rb'), 11);
  assert.equal(pos('caf\u00e9'), 13, 'non-ASCII');
  assert.equal(pos('%{d'), 10);
  assert.equal(pos('%{d2r+-}'), null);
});

test('domain-spec must end in a macro or a valid toplabel (§7.1)', () => {
  for (const ok of ['example.com', 'example.com.', '%{d}', 'a.%{d}', 'foo.example.xn--zckzah', 'foo:bar/baz.example.com', 'x.%%']) {
    assert.doesNotThrow(() => parseDomainSpec(ok), ok);
  }
  for (const bad of ['', 'museum', 'museum.', 'abc.123', 'example.-com', 'example.com:8080', '%{d}com', 'foo.example.com\0', '-all']) {
    assert.throws(() => parseDomainSpec(bad), { result: 'permerror', code: 'syntax' }, bad);
  }
});

test('query names drop the final dot and are truncated from the left past 253 characters (§7.3)', () => {
  assert.equal(toQueryName('example.com.'), 'example.com');
  const long = `${'a'.repeat(60)}.${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(60)}.example.com`;
  const q = toQueryName(long);
  assert.ok(q.length <= 253);
  assert.equal(q, `${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(60)}.example.com`);
});
