import { test } from 'node:test';
import assert from 'node:assert/strict';
import { prefetch, PREFETCH_BUDGET } from '../../docs/assets/spf/prefetch.js';
import { parseRecord } from '../../docs/assets/spf/record.js';
import { parseAddress } from '../../docs/assets/spf/ip.js';
import { zoneResolver } from './helpers/zone.js';

const ZONE = {
  'x.test': [{ TXT: 'v=spf1 a mx ptr exists:%{i}.bl.test include:y.test redirect=z.test ip4:192.0.2.1 exp=why.test' }],
  'x.test.mx': [],
  'y.test': [{ TXT: 'v=spf1 a:deeper.test include:w.test' }],
  'w.test': [{ TXT: 'v=spf1 mx:w.test' }, { MX: [10, 'mx.w.test'] }],
  'z.test': [{ TXT: 'v=spf1 -all' }],
};

function session(ip, log) {
  const resolve = zoneResolver({ ...ZONE, 'x.test': [...ZONE['x.test'], { MX: [0, 'mx1.x.test'] }] }, { log });
  const addr = ip ? parseAddress(ip) : null;
  return {
    addr, analysis: !addr, addrType: addr && addr.family === 6 ? 'AAAA' : 'A', prefetchBudget: PREFETCH_BUDGET,
    queryQuiet: (n, t) => { const p = resolve(n, t); p.catch(() => {}); return p; },
    ctx: (domain) => ({ domain, addr, sender: 'a@x.test', local: 'a', senderDomain: 'x.test', helo: 'x.test' }),
  };
}
const settle = () => new Promise((r) => setTimeout(r, 20));

test('a parsed record starts every lookup its terms can need, and recurses into targets', async () => {
  const log = [];
  prefetch(session('192.0.2.3', log), parseRecord(ZONE['x.test'][0].TXT), 'x.test', 0);
  await settle();
  for (const q of ['A x.test', 'MX x.test', 'A mx1.x.test', 'PTR 3.2.0.192.in-addr.arpa', 'A 192.0.2.3.bl.test',
    'TXT y.test', 'TXT z.test', 'A deeper.test', 'TXT w.test', 'MX w.test', 'A mx.w.test']) {
    assert.ok(log.includes(q), `${q} in ${log.join(', ')}`);
  }
  assert.ok(!log.some((q) => q.includes('why.test')), 'exp= is looked up only for a fail');
  assert.ok(!log.some((q) => q.startsWith('AAAA')), 'only the client family');
});

test('inspection (no IP) fetches both families and skips IP-dependent names', async () => {
  const log = [];
  prefetch(session(null, log), parseRecord(ZONE['x.test'][0].TXT), 'x.test', 0);
  await settle();
  assert.ok(log.includes('A x.test') && log.includes('AAAA x.test'));
  assert.ok(!log.some((q) => q.includes('bl.test') || q.startsWith('PTR')));
});

test('the budget bounds what a hostile tree can make us fetch', async () => {
  const log = [];
  const s = session('192.0.2.3', log);
  s.prefetchBudget = 3;
  prefetch(s, parseRecord(ZONE['x.test'][0].TXT), 'x.test', 0);
  await settle();
  assert.equal(log.length, 3);
});
