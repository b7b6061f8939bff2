import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluate, validQueryName, wellFormedDomain } from '../../docs/assets/spf/evaluate.js';
import { zoneResolver } from './helpers/zone.js';
import { DnsError } from '../../docs/assets/spf/resolver.js';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const ZONE = {
  'example.test': [{ TXT: 'v=spf1 ip4:192.0.2.0/24 include:a.example.test include:b.example.test -all exp=why.example.test' }],
  'a.example.test': [{ TXT: 'v=spf1 a include:a2.example.test ~all' }, { A: '198.51.100.1' }],
  'a2.example.test': [{ TXT: 'v=spf1 ip4:198.51.100.128/25 -all' }],
  'b.example.test': [{ TXT: 'v=spf1 mx -all' }, { MX: [10, 'mx.b.example.test'] }],
  'mx.b.example.test': [{ A: '203.0.113.7' }],
  'why.example.test': [{ TXT: '%{i} is not one of %{d}\'s servers' }],
  'loop1.test': [{ TXT: 'v=spf1 include:loop2.test -all' }],
  'loop2.test': [{ TXT: 'v=spf1 include:loop1.test -all' }],
  'many.test': [{ TXT: `v=spf1 ${'a '.repeat(11)}-all` }, { A: '192.0.2.1' }],
  'voids.test': [{ TXT: 'v=spf1 a:n1.test a:n2.test a:n3.test -all' }],
};

test('verdicts name the deciding mechanism and the domain whose record held it', async () => {
  const resolver = zoneResolver(ZONE);
  const r = await evaluate({ ip: '203.0.113.7', domain: 'example.test' }, { resolver });
  assert.equal(r.result, 'pass');
  assert.deepEqual(r.mechanism, { domain: 'example.test', text: 'include:b.example.test', position: 47 });
  assert.deepEqual(r.lookups, { dns: 5, void: 0 });
  const inc = r.tree.terms.find((t) => t.text === 'include:a.example.test');
  assert.equal(inc.child.lookups, 2, 'a + include:a2 spent in that branch');
  assert.equal(inc.lookupIndex, 1);
});

test('exp= is expanded for a fail, with the record\'s own domain', async () => {
  const r = await evaluate({ ip: '192.0.2.200', domain: 'example.test', sender: 'x@example.test' }, { resolver: zoneResolver(ZONE) });
  assert.equal(r.result, 'pass');
  const f = await evaluate({ ip: '2001:db8::1', domain: 'example.test' }, { resolver: zoneResolver(ZONE) });
  assert.equal(f.result, 'fail');
  assert.equal(f.explanation, "2.0.0.1.0.D.B.8.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.1 is not one of example.test's servers");
});

test('inspection without an IP walks the whole tree and counts past the limit', async () => {
  const r = await evaluate({ domain: 'many.test' }, { resolver: zoneResolver(ZONE) });
  assert.equal(r.analysis, true);
  assert.equal(r.lookups.dns, 11);
  assert.equal(r.result, 'permerror');
  assert.equal(r.error.code, 'lookup-limit');
  const over = r.tree.terms.filter((t) => t.overLimit);
  assert.equal(over.length, 1);
  assert.equal(over[0].lookupIndex, 11);
  const v = await evaluate({ ip: '192.0.2.99', domain: 'many.test' }, { resolver: zoneResolver(ZONE) });
  assert.equal(v.result, 'permerror');
});

test('loops: inspection marks them, a verdict ends at the lookup limit', async () => {
  const r = await evaluate({ domain: 'loop1.test' }, { resolver: zoneResolver(ZONE) });
  assert.ok(r.tree.terms[0].child.terms[0].loop);
  const v = await evaluate({ ip: '192.0.2.1', domain: 'loop1.test' }, { resolver: zoneResolver(ZONE) });
  assert.equal(v.result, 'permerror');
  assert.equal(v.error.code, 'lookup-limit');
});

test('void lookups: the third is a permerror (§4.6.4)', async () => {
  const v = await evaluate({ ip: '192.0.2.1', domain: 'voids.test' }, { resolver: zoneResolver(ZONE) });
  assert.equal(v.result, 'permerror');
  assert.equal(v.error.code, 'void-limit');
  assert.equal(v.lookups.void, 3);
});

test('lookups of one record run in parallel: time ≈ (depth + 1) round trips', async () => {
  const base = zoneResolver(ZONE);
  let inflight = 0;
  let peak = 0;
  const resolver = async (name, type) => {
    inflight++; peak = Math.max(peak, inflight);
    await sleep(40);
    inflight--;
    return base(name, type);
  };
  const t0 = Date.now();
  const r = await evaluate({ ip: '2001:db8::1', domain: 'example.test' }, { resolver });
  const ms = Date.now() - t0;
  assert.equal(r.result, 'fail');
  // Chain: TXT example.test, TXT a/b, then a2's TXT and b's MX, then the MX host's AAAA: 4 round trips
  // (a sequential evaluator needs 7 plus the exp lookup).
  assert.ok(ms < 4 * 40 + 100, `${ms} ms`);
  assert.ok(peak >= 3, `peak ${peak} concurrent lookups`);
});

test('a resolver that never answers ends in temperror at the deadline', async () => {
  const t0 = Date.now();
  const r = await evaluate({ ip: '192.0.2.1', domain: 'example.test' }, { resolver: () => new Promise(() => {}), deadlineMs: 120 });
  assert.equal(r.result, 'temperror');
  assert.equal(r.error.code, 'dns-timeout');
  assert.ok(Date.now() - t0 < 1000);
});

test('a failing or garbage-answering resolver gives temperror', async () => {
  const fail = await evaluate({ ip: '192.0.2.1', domain: 'example.test' }, {
    resolver: async () => { throw new DnsError('SERVFAIL', 'resolver answered SERVFAIL'); },
  });
  assert.equal(fail.result, 'temperror');
  assert.equal(fail.error.code, 'dns-error');
  assert.match(fail.error.message, /TXT lookup of example\.test failed: resolver answered SERVFAIL/);
  const garbage = await evaluate({ ip: '192.0.2.1', domain: 'example.test' }, { resolver: async () => 'v=spf1 +all' });
  assert.equal(garbage.result, 'temperror');
});

test('sender defaults (§4.3) and domain validity', async () => {
  const log = [];
  const resolver = zoneResolver({ 'helo.test': [{ TXT: 'v=spf1 -all exp=e.helo.test' }], 'e.helo.test': [{ TXT: '%{s}' }] }, { log });
  const r = await evaluate({ ip: '192.0.2.1', sender: '', helo: 'helo.test' }, { resolver });
  assert.equal(r.explanation, 'postmaster@helo.test');
  const none = await evaluate({ ip: '192.0.2.1', domain: 'localhost' }, { resolver });
  assert.equal(none.result, 'none');
  assert.ok(validQueryName('a.b'));
  assert.ok(!validQueryName(`${'a'.repeat(64)}.com`));
  assert.ok(!validQueryName('a..b'));
  assert.ok(wellFormedDomain('_spf.example.com'));
  assert.ok(!wellFormedDomain('[192.0.2.1]'));
  assert.ok(!wellFormedDomain('192.0.2.1'));
});

test('a bad client IP is a permerror, not a crash', async () => {
  const r = await evaluate({ ip: '010.1.1.1', domain: 'example.test' }, { resolver: zoneResolver(ZONE) });
  assert.equal(r.result, 'permerror');
  assert.equal(r.error.code, 'bad-ip');
});

test('random policies never crash the evaluator: every outcome is one of the seven results (fuzz)', async () => {
  let seed = 11;
  const rand = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
  const names = ['r.test', 'a.test', 'b.test', 'c.test', 'gone.test'];
  const terms = ['a', 'mx', 'ptr', '-all', '~all', '?all', 'ip4:192.0.2.0/24', 'ip6:2001:db8::/32', 'exists:%{i}.a.test',
    'include:a.test', 'include:b.test', 'include:c.test', 'include:gone.test', 'redirect=b.test', 'exp=c.test', 'a:%{d}', 'mx/24', 'a//64',
    'include:%{d2}', 'x=%{l}', 'ptr:%{o}', 'bad!', 'include:t.test'];
  const RESULTS = new Set(['pass', 'fail', 'softfail', 'neutral', 'none', 'permerror', 'temperror']);
  for (let n = 0; n < 300; n++) {
    const zone = {};
    for (const name of names.slice(0, 4)) {
      const rec = Array.from({ length: rand(6) }, () => terms[rand(terms.length)]).join(' ');
      zone[name] = [{ TXT: `v=spf1 ${rec}` }, { A: `192.0.2.${rand(255)}` }, { MX: [rand(20), names[rand(4)]] }, { AAAA: '2001:db8::5' }];
    }
    zone['t.test'] = ['TIMEOUT'];
    zone['5.0.2.192.in-addr.arpa'] = [{ PTR: names[rand(4)] }];
    for (const ip of ['192.0.2.5', '2001:db8::5', undefined]) {
      const r = await evaluate({ ip, domain: 'r.test', sender: 'u@r.test' }, { resolver: zoneResolver(zone), deadlineMs: 2000 });
      assert.ok(RESULTS.has(r.result), JSON.stringify(zone));
      assert.ok(r.lookups.dns <= 10 || ip === undefined || r.result === 'permerror');
    }
  }
});

test('void lookups: an mx or ptr term whose host has no address counts once (§4.6.4 counts terms; pyspf too)', async () => {
  const zone = {
    'mxvoid.test': [{ TXT: 'v=spf1 exists:n1.test exists:n2.test mx -all' }, { MX: [10, 'gone.mxvoid.test'] }, { MX: [20, 'mx.mxvoid.test'] }],
    'mx.mxvoid.test': [{ A: '192.0.2.25' }],
    'onevoid.test': [{ TXT: 'v=spf1 mx -all' }, { MX: [10, 'gone.mxvoid.test'] }, { MX: [20, 'gone2.mxvoid.test'] }, { MX: [30, 'mx.mxvoid.test'] }],
    'ptrvoid.test': [{ TXT: 'v=spf1 exists:n1.test exists:n2.test ptr -all' }],
    '1.2.0.192.in-addr.arpa': [{ PTR: 'gone.ptrvoid.test' }, { PTR: 'ok.ptrvoid.test' }],
    'ok.ptrvoid.test': [{ A: '192.0.2.1' }],
  };
  const resolver = zoneResolver(zone);
  const mx = await evaluate({ ip: '192.0.2.99', domain: 'mxvoid.test' }, { resolver });
  assert.deepEqual([mx.result, mx.error && mx.error.code, mx.lookups.void], ['permerror', 'void-limit', 3]);
  const one = await evaluate({ ip: '192.0.2.25', domain: 'onevoid.test' }, { resolver });
  assert.deepEqual([one.result, one.lookups.void], ['pass', 1]);
  const ptr = await evaluate({ ip: '192.0.2.1', domain: 'ptrvoid.test' }, { resolver });
  assert.deepEqual([ptr.result, ptr.error && ptr.error.code, ptr.lookups.void], ['permerror', 'void-limit', 3]);
});
