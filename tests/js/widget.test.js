// The widget is exercised in Chromium by tests/browser/test_spf_checker.py;
// here, the rules that keep it safe and the engine portable, checked on the source.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';

const DIR = new URL('../../docs/assets/spf/', import.meta.url);
const src = (f) => readFileSync(new URL(f, DIR), 'utf8').replace(/\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '');
const modules = readdirSync(DIR).filter((f) => f.endsWith('.js'));

test('DNS data reaches the page as text only', () => {
  for (const f of modules) {
    assert.doesNotMatch(src(f), /innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function/, f);
  }
});

test('only the widget and its loader touch the DOM or browser globals', () => {
  for (const f of modules.filter((m) => !['widget.js', 'loader.js'].includes(m))) {
    assert.doesNotMatch(src(f), /\b(window|document|location|history|navigator|localStorage|globalThis)\b/, f);
  }
});

test('the engine has no dependencies: only relative imports', () => {
  for (const f of modules) {
    for (const m of src(f).matchAll(/\bfrom\s+'([^']+)'|import\('([^']+)'\)/g)) {
      assert.match(m[1] || m[2], /^\.\//, `${f}: ${m[0]}`);
    }
  }
});
