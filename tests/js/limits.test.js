import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as limits from '../../docs/assets/spf/limits.js';

test('RFC 7208 §4.6.4 limits', () => {
  assert.equal(limits.MAX_LOOKUP, 10);
  assert.equal(limits.MAX_VOID_LOOKUPS, 2);
  assert.equal(limits.MAX_MX, 10);
  assert.equal(limits.MAX_PTR, 10);
  assert.equal(limits.MAX_TXT_STRING, 255);
  assert.equal(limits.MAX_RECORD_BYTES, 512);
  assert.ok(limits.LOOKUP_TIMEOUT_MS < limits.CHECK_DEADLINE_MS);
});

test('every limit is cited to its RFC section', () => {
  const src = readFileSync(new URL('../../docs/assets/spf/limits.js', import.meta.url), 'utf8');
  const blocks = src.split(/\n(?=\/\*\*)/).filter((b) => b.includes('export const'));
  assert.ok(blocks.length >= 8);
  for (const b of blocks) assert.match(b, /RFC \d+/, b);
});
