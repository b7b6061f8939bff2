// A resolver over in-memory zone data in the shape of the openspf suite's
// `zonedata`: { name: [ {TXT|SPF: text|[strings]}, {A: ip}, {MX: [pref, host]},
// {PTR: name}, {CNAME: name}, 'TIMEOUT', ... ] }. SPF records are served as
// TXT unless the name has TXT entries of its own ("TXT: NONE" included).

import { DnsError } from '../../../docs/assets/spf/resolver.js';

const strip = (n) => String(n).replace(/\.$/, '').toLowerCase();

export function zoneResolver(zonedata, { log } = {}) {
  const zone = new Map();
  for (const [name, entries] of Object.entries(zonedata || {})) zone.set(strip(name), entries || []);

  const answer = (name, type, depth) => {
    const entries = zone.get(strip(name));
    if (!entries) return [];
    const of = (t) => entries.filter((e) => e && typeof e === 'object' && t in e).map((e) => e[t]);
    let values;
    if (type === 'TXT') {
      const own = of('TXT');
      values = own.length ? own.filter((v) => v !== 'NONE') : of('SPF');
      values = values.map((v) => (Array.isArray(v) ? v.join('') : String(v)));
    } else if (type === 'MX') {
      values = of('MX').map(([preference, exchange]) => ({ preference, exchange: String(exchange) }));
    } else {
      values = of(type).map(String);
    }
    if (values.length) return values;
    const cname = of('CNAME')[0];
    if (cname !== undefined) {
      if (depth >= 8) throw new DnsError('SERVFAIL', `CNAME loop at ${name}`);
      return answer(cname, type, depth + 1);
    }
    if (entries.includes('TIMEOUT')) throw new DnsError('TIMEOUT', `timeout for ${name}`);
    return [];
  };

  return async (name, type) => {
    if (log) log.push(`${type} ${name}`);
    return answer(name, type, 0);
  };
}
