import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cachedResolver, withDeadline, DnsError } from '../../docs/assets/spf/resolver.js';

test('answers are cached per check, names case-insensitively', async () => {
  let calls = 0;
  const r = cachedResolver(async (name, type) => { calls++; return [`${type} ${name}`]; });
  const [a, b] = await Promise.all([r('Example.COM', 'TXT'), r('example.com', 'TXT')]);
  assert.deepEqual(a, b);
  await r('example.com', 'A');
  assert.equal(calls, 2);
  assert.equal(cachedResolver(r), r, 'wrapping twice shares the cache');
});

test('failures are cached too, and only surface when awaited', async () => {
  let calls = 0;
  const r = cachedResolver(async () => { calls++; throw new DnsError('SERVFAIL', 'boom'); });
  r('x.example', 'TXT'); // not awaited: must not be an unhandled rejection
  await assert.rejects(r('x.example', 'TXT'), { code: 'SERVFAIL' });
  assert.equal(calls, 1);
});

test('withDeadline gives TIMEOUT for a lookup that never ends', async () => {
  const t0 = Date.now();
  await assert.rejects(withDeadline(new Promise(() => {}), Date.now() + 50), { code: 'TIMEOUT' });
  assert.ok(Date.now() - t0 < 1000);
  await assert.rejects(withDeadline(Promise.resolve(1), Date.now() - 1), { code: 'TIMEOUT' });
  assert.equal(await withDeadline(Promise.resolve(1), Date.now() + 1000), 1);
});
