import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseRecord, selectRecord, isSpfRecord } from '../../docs/assets/spf/record.js';

test('record selection (§4.5)', () => {
  assert.ok(isSpfRecord('v=spf1'));
  assert.ok(isSpfRecord('V=SpF1 -all'));
  assert.ok(!isSpfRecord('v=spf10'));
  assert.ok(!isSpfRecord('v=spf1-all'));
  assert.ok(!isSpfRecord(' v=spf1'));
  assert.deepEqual(selectRecord(['google-site-verification=x', 'v=spf1 -all']).record, 'v=spf1 -all');
  const two = selectRecord(['v=spf1 -all', 'v=spf1 ~all']);
  assert.equal(two.record, null);
  assert.equal(two.candidates.length, 2);
});

test('terms, qualifiers, positions', () => {
  const r = parseRecord('v=spf1  +a ~mx:example.com/24//64 -ip4:192.0.2.0/24 ?ip6:2001:db8::/32 include:_spf.example.com exists:%{i}.x.example.com ptr all redirect=example.net exp=why.example.com x-foo=%{d}');
  const names = r.terms.map((t) => t.name);
  assert.deepEqual(names, ['a', 'mx', 'ip4', 'ip6', 'include', 'exists', 'ptr', 'all', 'redirect', 'exp', 'x-foo']);
  assert.equal(r.terms[0].position, 8);
  assert.equal(r.terms[1].result, 'softfail');
  assert.equal(r.terms[1].cidr4, 24);
  assert.equal(r.terms[1].cidr6, 64);
  assert.equal(r.terms[1].domainText, 'example.com');
  assert.equal(r.terms[2].prefix, 24);
  assert.equal(r.terms[3].prefix, 32);
  assert.equal(r.redirect.domainText, 'example.net');
  assert.equal(r.exp.domainText, 'why.example.com');
  assert.equal(r.terms[10].known, false);
});

test('a and mx take the CIDR suffix from the end (domain-specs may hold "/")', () => {
  const [t] = parseRecord('v=spf1 a:foo:bar/baz.example.com').terms;
  assert.equal(t.domainText, 'foo:bar/baz.example.com');
  assert.equal(t.cidr4, undefined);
  assert.equal(parseRecord('v=spf1 a//0').terms[0].cidr6, 0);
});

test('syntax errors are permerrors with the position in the record', () => {
  const at = (rec) => { try { parseRecord(rec); } catch (e) { assert.equal(e.result, 'permerror'); return e.details.position; } return null; };
  assert.equal(at('v=spf1 ip4:1.2.3.4 -all moo'), 24);
  assert.equal(at('v=spf1 -all.'), 8);
  assert.equal(at('v=spf1 -all:foo'), 11);
  assert.equal(at('v=spf1 a/33'), 8);
  assert.equal(at('v=spf1 a//129'), 8);
  assert.equal(at('v=spf1 ip4:1.2.3.4/032'), 18);
  assert.equal(at('v=spf1 ip4:1.2.3'), 11);
  assert.equal(at('v=spf1 ip4:010.0.0.1'), 11);
  assert.equal(at('v=spf1 ip4:1.2.3.4//32'), 18);
  assert.equal(at('v=spf1 ip6::CAFE::BABE'), 11);
  assert.equal(at('v=spf1 ptr/0'), 10);
  assert.equal(at('v=spf1 include:'), 15);
  assert.equal(at('v=spf1 exists'), 13);
  assert.equal(at('v=spf1 redirect:example.com'), 7);
  assert.equal(at('v=spf1 1up=foo'), 7);
  assert.equal(at('v=spf1 =all'), 7);
  assert.equal(at('v=spf1 exp= -all'), 11);
  assert.equal(at('v=spf1 -all foo=%abc'), 16);
  assert.equal(at('v=spf1 redirect=a.example redirect=b.example'), 26);
  assert.equal(at('v=spf1 a:ctrl.example.com\rptr -all'), 25);
  assert.equal(at('v=spf1 \u0080a:example.net'), 7);
  assert.equal(at('v=spf1 a:example.com -all'), null);
  assert.equal(at('v=spf1 default=+'), null, 'unknown modifiers are ignored');
});

test('any text either parses or is a permerror with a position inside the record (fuzz)', async () => {
  const { SpfError } = await import('../../docs/assets/spf/errors.js');
  let seed = 7;
  const rand = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
  const pieces = ['a', 'mx', 'ptr', 'all', 'include', 'exists', 'ip4', 'ip6', 'redirect', 'exp', ':', '/', '//', '=', '%{', '}',
    '%', 'd', 'i', 'r', '1', '24', '128', '.', '-', '+', '~', '?', ' ', 'example.com', '192.0.2.1', '::1', '\t', '\u00e9', '<b>'];
  for (let n = 0; n < 3000; n++) {
    let text = 'v=spf1 ';
    for (let k = rand(12); k > 0; k--) text += pieces[rand(pieces.length)];
    try {
      parseRecord(text);
    } catch (e) {
      assert.ok(e instanceof SpfError, `${JSON.stringify(text)}: ${e}`);
      assert.equal(e.result, 'permerror');
      assert.ok(e.details.position >= 0 && e.details.position <= text.length, `${JSON.stringify(text)} at ${e.details.position}`);
    }
  }
});
