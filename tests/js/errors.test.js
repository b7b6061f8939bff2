import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SpfError, permerror, temperror } from '../../docs/assets/spf/errors.js';

test('error results carry a stable code and details', () => {
  const e = permerror('syntax', 'bad term', { position: 7 });
  assert.ok(e instanceof SpfError && e instanceof Error);
  assert.equal(e.result, 'permerror');
  assert.equal(e.code, 'syntax');
  assert.equal(e.details.position, 7);
  assert.equal(temperror('dns-timeout', 'slow').result, 'temperror');
  assert.deepEqual(temperror('x', 'y').details, {});
});
