// The openspf RFC 7208 suite (pyspf 2.0.14's copy), read from ../shared beside
// the repository; every test must give its first listed result and, where it
// names one, its explanation ("DEFAULT": no exp= applied).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadAll } from 'js-yaml';
import { checkHost } from '../../docs/assets/spf/index.js';
import { zoneResolver } from './helpers/zone.js';

const SUITE = fileURLToPath(new URL('../../../shared/conformance/spf/rfc7208-tests.yml', import.meta.url));
const scenarios = loadAll(readFileSync(SUITE, 'utf8')).filter(Boolean);

let count = 0;
for (const scenario of scenarios) {
  const resolver = zoneResolver(scenario.zonedata);
  for (const [name, t] of Object.entries(scenario.tests)) {
    count++;
    test(`${scenario.description} / ${name}`, async () => {
      const mailfrom = t.mailfrom || '';
      const domain = mailfrom.includes('@') ? mailfrom.slice(mailfrom.lastIndexOf('@') + 1) : t.helo;
      const r = await checkHost(
        { ip: t.host, domain, sender: mailfrom, helo: t.helo },
        { resolver, now: 0 },
      );
      const expected = Array.isArray(t.result) ? t.result[0] : t.result;
      assert.equal(r.result, expected, `${t.spec}: ${JSON.stringify(r.error)}`);
      if (t.explanation !== undefined) {
        assert.equal(r.explanation, t.explanation === 'DEFAULT' ? undefined : t.explanation);
      }
    });
  }
}

test('the suite has 203 tests', () => assert.equal(count, 203));
