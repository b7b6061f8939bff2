import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const src = readFileSync(new URL('../../docs/assets/spf/loader.js', import.meta.url), 'utf8').replace(/\/\/.*$/gm, '');

test('the loader imports the widget only when a checker is on the page', () => {
  const loader = src;
  assert.match(loader, /querySelectorAll\(SELECTOR\)/);
  assert.match(loader, /if \(nodes\.length === 0\) return;\s*import\('\.\/widget\.js'\)/);
  assert.doesNotMatch(loader, /^import /m);
});

test('the loader follows Material instant navigation (document$) and plain page loads', () => {
  assert.match(src, /window\.document\$\.subscribe\(boot\)/);
  assert.match(src, /DOMContentLoaded/);
});
