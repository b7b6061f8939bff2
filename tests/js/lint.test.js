import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inspect, checkHost } from '../../docs/assets/spf/index.js';
import { zoneResolver } from './helpers/zone.js';

const M365 = { 'spf.protection.outlook.com': [{ TXT: 'v=spf1 ip4:40.92.0.0/15 -all' }] };
const codes = async (zone, domain = 'x.test') => (await inspect(domain, { resolver: zoneResolver({ ...M365, ...zone }) })).warnings;
const has = (ws, code) => ws.find((w) => w.code === code);

test('a clean Microsoft 365 record', async () => {
  const ws = await codes({ 'x.test': [{ TXT: 'v=spf1 include:spf.protection.outlook.com -all' }] });
  assert.deepEqual(ws.map((w) => w.code), ['m365-ok']);
});

test('no record, several records, syntax error with its position', async () => {
  assert.ok(has(await codes({ 'x.test': [{ A: '192.0.2.1' }] }), 'no-record'));
  assert.equal(has(await codes({ 'x.test': [{ TXT: 'v=spf1 -all' }, { TXT: 'v=spf1 +all' }] }), 'multiple-records').count, 2);
  const syn = has(await codes({ 'x.test': [{ TXT: 'v=spf1 ip4:192.0.2.300 -all' }] }), 'syntax');
  assert.equal(syn.position, 11);
  assert.equal(syn.term, 'ip4:192.0.2.300');
  assert.ok(has(await codes({}, 'not a domain'), 'invalid-domain'));
});

test('+all, ?all, no all, ptr, terms after all', async () => {
  assert.equal(has(await codes({ 'x.test': [{ TXT: 'v=spf1 +all' }] }), 'plus-all').severity, 'error');
  assert.ok(has(await codes({ 'x.test': [{ TXT: 'v=spf1 ?all' }] }), 'neutral-all'));
  assert.ok(has(await codes({ 'x.test': [{ TXT: 'v=spf1 ip4:192.0.2.1' }] }), 'no-all'));
  assert.ok(!has(await codes({ 'x.test': [{ TXT: 'v=spf1 redirect=y.test' }], 'y.test': [{ TXT: 'v=spf1 -all' }] }), 'no-all'));
  assert.ok(has(await codes({ 'x.test': [{ TXT: 'v=spf1 ptr -all' }] }), 'ptr'));
  const after = has(await codes({ 'x.test': [{ TXT: 'v=spf1 -all ip4:192.0.2.1' }] }), 'after-all');
  assert.equal(after.term, 'ip4:192.0.2.1');
  assert.equal(after.position, 12);
});

test('duplicate includes, lookup and void limits, the term that crosses', async () => {
  const dup = has(await codes({
    'x.test': [{ TXT: 'v=spf1 include:y.test include:z.test -all' }],
    'y.test': [{ TXT: 'v=spf1 include:z.test' }], 'z.test': [{ TXT: 'v=spf1 ip4:192.0.2.1' }],
  }), 'duplicate-include');
  assert.deepEqual([dup.target, dup.count], ['z.test', 2]);
  const lim = has(await codes({
    'x.test': [{ TXT: 'v=spf1 a include:y.test mx -all' }, { A: '192.0.2.1' }, { MX: [0, 'x.test'] }],
    'y.test': [{ TXT: `v=spf1 ${'a '.repeat(9)}` }, { A: '192.0.2.2' }],
  }), 'lookup-limit');
  assert.equal(lim.count, 12);
  assert.equal(lim.domain, 'y.test');
  assert.equal(lim.term, 'a');
  const ws = await codes({ 'x.test': [{ TXT: 'v=spf1 a:n1.test a:n2.test exists:n3.test -all' }] });
  assert.equal(ws.filter((w) => w.code === 'void-lookup').length, 3);
  assert.equal(has(ws, 'void-limit').count, 3);
});

test('long records: over 255 bytes must be split, over 512 is too big for UDP', async () => {
  const ips = (n) => Array.from({ length: n }, (_, i) => `ip4:198.51.${i}.0/24`).join(' ');
  const mid = await codes({ 'x.test': [{ TXT: [`v=spf1 ${ips(16)}`, ' -all'] }] });
  assert.ok(has(mid, 'string-too-long'));
  assert.ok(!has(mid, 'record-too-long'));
  assert.ok(has(await codes({ 'x.test': [{ TXT: `v=spf1 ${ips(35)} -all` }] }), 'record-too-long'));
});

test('5.7.23: does the policy authorize Microsoft 365?', async () => {
  const w = has(await codes({ 'x.test': [{ TXT: 'v=spf1 include:_spf.google.test -all' }], '_spf.google.test': [{ TXT: 'v=spf1 ip4:192.0.2.0/24 ~all' }] }), 'm365-missing');
  assert.equal(w.severity, 'warning');
  const nested = await codes({ 'x.test': [{ TXT: 'v=spf1 include:y.test -all' }], 'y.test': [{ TXT: 'v=spf1 include:spf.protection.outlook.com' }] });
  assert.ok(has(nested, 'm365-ok'));
});

test('a verdict carries warnings too', async () => {
  const r = await checkHost({ ip: '192.0.2.1', domain: 'x.test' }, { resolver: zoneResolver({ 'x.test': [{ TXT: 'v=spf1 ptr +all' }] }) });
  assert.equal(r.result, 'pass');
  assert.ok(has(r.warnings, 'plus-all'));
  assert.ok(has(r.warnings, 'ptr'));
});

test('an included domain without a record is reported once', async () => {
  const ws = await codes({ 'x.test': [{ TXT: 'v=spf1 include:none.test -all' }], 'none.test': [{ A: '192.0.2.9' }] });
  assert.deepEqual(ws.filter((w) => w.code === 'target-no-record').map((w) => w.domain), ['none.test']);
});

test('Microsoft 365 is authorized only by an include that is reached (not one after all)', async () => {
  const after = await codes({ 'x.test': [{ TXT: 'v=spf1 -all include:spf.protection.outlook.com' }] });
  assert.ok(has(after, 'after-all'));
  assert.ok(has(after, 'm365-missing'));
  assert.ok(!has(after, 'm365-ok'));
  const ignored = await codes({ 'x.test': [{ TXT: 'v=spf1 ~all redirect=spf.protection.outlook.com' }] });
  assert.ok(!has(ignored, 'm365-ok'), 'redirect is ignored when the record has all (§6.1)');
});
