import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as spf from '../../docs/assets/spf/index.js';
import { zoneResolver } from './helpers/zone.js';

test('public API', () => {
  for (const name of ['checkHost', 'inspect', 'parseRecord', 'selectRecord', 'parseAddress', 'cachedResolver', 'DnsError', 'limits']) {
    assert.ok(spf[name], name);
  }
  assert.equal(spf.limits.MAX_LOOKUP, 10);
});

test('checkHost result shape', async () => {
  const resolver = zoneResolver({ 'example.test': [{ TXT: 'v=spf1 ip4:192.0.2.0/24 -all' }] });
  const r = await spf.checkHost({ ip: '192.0.2.5', domain: 'example.test', sender: 'a@example.test', helo: 'mx.example.test', receiver: 'rx.example' }, { resolver });
  assert.equal(r.result, 'pass');
  assert.equal(r.explanation, undefined);
  assert.deepEqual(r.lookups, { dns: 0, void: 0 });
  assert.ok(Array.isArray(r.warnings));
  assert.equal(r.tree.domain, 'example.test');
  assert.equal(r.tree.record, 'v=spf1 ip4:192.0.2.0/24 -all');
  assert.equal(r.tree.terms[0].matched, true);
});

test('the domain defaults to the sender\'s', async () => {
  const resolver = zoneResolver({ 'example.test': [{ TXT: 'v=spf1 -all' }] });
  const r = await spf.checkHost({ ip: '192.0.2.5', sender: 'a@example.test' }, { resolver });
  assert.equal(r.result, 'fail');
});
