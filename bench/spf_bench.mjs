// Time to an SPF verdict with 50 ms added to every DNS lookup, as a ratio to
// the critical path (include depth + 1) × 50 ms: the prefetching evaluator
// should approach 1.0, a one-lookup-at-a-time evaluator would be at
// (number of lookups) / (depth + 1).
//
//   node bench/spf_bench.mjs            in-process resolver with added latency
//   node bench/spf_bench.mjs --doh URL  same zones through a DoH server, e.g.
//     python tests/browser/doh_server.py --port 8053 --delay 0.05 (DoH mode
//     uses that server's DEFAULT_ZONE: scenario "deep" only)

import { checkHost } from '../docs/assets/spf/index.js';
import { dohResolver } from '../docs/assets/spf/doh.js';
import { zoneResolver } from '../tests/js/helpers/zone.js';

const RTT = 50;
const RUNS = 7;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const ips = (n, base) => Array.from({ length: n }, (_, i) => `ip4:${base}.${i}.0/24`).join(' ');

// Each scenario: zone, domain, a client IP that matches nothing (every term is
// evaluated), and its include depth. `chain` is the true longest chain of
// dependent lookups: a leaf's `a` needs the leaf's record first (+1), an MX
// answer must arrive before its A lookups can start (+2), so (depth + 1) is a
// lower bound only for trees whose leaves hold ip4/ip6 alone.
const SCENARIOS = [
  {
    name: 'flat (ip4 only)', domain: 'flat.example', depth: 0, chain: 1,
    zone: { 'flat.example': [{ TXT: `v=spf1 ${ips(5, '10.1')} -all` }] },
  },
  {
    name: 'Microsoft 365 + Google-style tree', domain: 'm365.example', depth: 2, chain: 3,
    zone: {
      'm365.example': [{ TXT: 'v=spf1 include:spf.protection.outlook.example include:_spf.google.example ~all' }],
      'spf.protection.outlook.example': [{ TXT: `v=spf1 ${ips(6, '40.92')} -all` }],
      '_spf.google.example': [{ TXT: 'v=spf1 include:_netblocks.google.example include:_netblocks2.google.example include:_netblocks3.google.example ~all' }],
      '_netblocks.google.example': [{ TXT: `v=spf1 ${ips(10, '35.190')} ~all` }],
      '_netblocks2.google.example': [{ TXT: 'v=spf1 ip6:2001:4860:4000::/36 ip6:2404:6800:4000::/36 ~all' }],
      '_netblocks3.google.example': [{ TXT: `v=spf1 ${ips(8, '172.217')} ~all` }],
    },
  },
  {
    name: 'wide (8 includes, a and exists)', domain: 'wide.example', depth: 1, chain: 2,
    zone: {
      'wide.example': [{ TXT: `v=spf1 ${Array.from({ length: 8 }, (_, i) => `include:s${i}.wide.example`).join(' ')} -all` }],
      ...Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`s${i}.wide.example`,
        [{ TXT: i % 2 ? `v=spf1 ${ips(3, `10.${i}`)} ~all` : 'v=spf1 ip4:192.0.2.0/24 ?all' }]])),
    },
  },
  {
    name: 'deep chain with a terms (depth 4)', domain: 'deep.example', depth: 4, chain: 6,
    zone: {
      'deep.example': [{ TXT: 'v=spf1 a include:l1.deep.example -all' }, { A: '192.0.2.1' }],
      'l1.deep.example': [{ TXT: 'v=spf1 a include:l2.deep.example' }, { A: '192.0.2.2' }],
      'l2.deep.example': [{ TXT: 'v=spf1 a include:l3.deep.example' }, { A: '192.0.2.3' }],
      'l3.deep.example': [{ TXT: 'v=spf1 a include:l4.deep.example' }, { A: '192.0.2.4' }],
      'l4.deep.example': [{ TXT: 'v=spf1 a ip4:198.51.100.0/24' }, { A: '192.0.2.5' }],
    },
  },
  {
    name: 'mx at the leaf (depth 1)', domain: 'mx.example', depth: 1, chain: 4,
    zone: {
      'mx.example': [{ TXT: 'v=spf1 mx include:mail.mx.example -all' }, { MX: [10, 'in1.mx.example'] }, { MX: [20, 'in2.mx.example'] }],
      'mail.mx.example': [{ TXT: 'v=spf1 mx ~all' }, { MX: [10, 'out.mx.example'] }],
      'in1.mx.example': [{ A: '192.0.2.10' }], 'in2.mx.example': [{ A: '192.0.2.11' }], 'out.mx.example': [{ A: '192.0.2.12' }],
    },
  },
];

function delayed(resolver, ms, counter) {
  return async (name, type) => { counter.n++; if (ms) await sleep(ms); return resolver(name, type); };
}

async function timeVerdict(makeResolver, domain) {
  const times = [];
  let lookups = 0;
  let result;
  for (let i = 0; i < RUNS; i++) {
    const counter = { n: 0 };
    const resolver = makeResolver(counter);
    const t0 = performance.now();
    const r = await checkHost({ ip: '203.0.113.200', domain }, { resolver });
    times.push(performance.now() - t0);
    lookups = counter.n;
    result = r.result;
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)], lookups, result };
}

async function main() {
  const doh = process.argv.indexOf('--doh');
  const rows = [];
  if (doh > 0) {
    const url = process.argv[doh + 1];
    const r = await timeVerdict((counter) => delayed(dohResolver({ urls: [url], fetch }), 0, counter), 'deep.test');
    rows.push({ name: `deep.test over DoH (${url})`, depth: 4, chain: 7, ...r });
  } else {
    for (const s of SCENARIOS) {
      const base = zoneResolver(s.zone);
      const r = await timeVerdict((counter) => delayed(base, RTT, counter), s.domain);
      rows.push({ ...s, ...r });
    }
  }
  console.log(`SPF time to verdict, ${RTT} ms per lookup, median of ${RUNS} runs (client IP matches nothing)`);
  console.log('scenario | result | lookups | ms | (depth+1)x50 | ratio | true chain ratio');
  let worst = 0;
  for (const r of rows) {
    const critical = (r.depth + 1) * RTT;
    const ratio = r.ms / critical;
    worst = Math.max(worst, r.ms / (r.chain * RTT));
    console.log(`${r.name} | ${r.result} | ${r.lookups} | ${r.ms.toFixed(0)} | ${critical} | ${ratio.toFixed(2)} | ${(r.ms / (r.chain * RTT)).toFixed(2)}`);
  }
  console.log(`worst ratio to the true dependency chain: ${worst.toFixed(2)}`);
}

main();
