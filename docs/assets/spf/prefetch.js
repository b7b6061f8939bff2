// Prefetch: as soon as a record is parsed, start every lookup its terms can
// need, and when an include/redirect target's record arrives, parse it and
// do the same there. Evaluation then finds the answers in the per-check
// cache, so the time to a verdict is about (include depth + 1) round trips
// instead of one round trip per lookup. Prefetching never counts against
// the RFC 7208 limits: only evaluation does.

import { parseRecord, selectRecord, LOOKUP_TERMS } from './record.js';
import { expand, toQueryName } from './macro.js';
import { reverseName } from './ip.js';
import { MAX_MX, MAX_PTR } from './limits.js';

/** Queries one check may start ahead of need (a loop or a huge tree cannot flood the resolver). */
export const PREFETCH_BUDGET = 200;
export const PREFETCH_DEPTH = 12;

const IP_LETTERS = new Set(['i', 'p', 'c', 'v']);
const strip = (name) => (name.endsWith('.') ? name.slice(0, -1) : name);

/**
 * @param session  an evaluate.js Session: queryQuiet(name, type), ctx(domain),
 *                 addr, addrType, analysis, prefetchBudget (decremented here)
 */
export function prefetch(session, parsed, domain, depth) {
  if (depth > PREFETCH_DEPTH) return;
  const s = session;
  const start = (name, type) => {
    if (s.prefetchBudget <= 0 || !name) return null;
    s.prefetchBudget--;
    return s.queryQuiet(name, type);
  };
  const addrTypes = s.analysis ? ['A', 'AAAA'] : [s.addrType];
  const run = async (t) => {
    if (!LOOKUP_TERMS.has(t.name) || (t.kind === 'modifier' && t.name !== 'redirect')) return;
    let name = domain;
    if (t.domainSpec) {
      // %{p} would cost PTR and A lookups of its own; IP macros cannot be expanded without an IP.
      if (t.domainSpec.some((x) => x.letter === 'p' || (s.analysis && IP_LETTERS.has(x.letter)))) return;
      name = toQueryName(await expand(t.domainSpec, s.ctx(domain)));
    }
    switch (t.name) {
      case 'include':
      case 'redirect': {
        const p = start(name, 'TXT');
        const { record } = selectRecord(((p && await p) || []).map(String));
        if (record) {
          let sub;
          try { sub = parseRecord(record); } catch { return; }
          prefetch(s, sub, name, depth + 1);
        }
        break;
      }
      case 'a':
        addrTypes.forEach((ty) => start(name, ty));
        break;
      case 'exists':
        start(name, 'A');
        break;
      case 'mx': {
        const p = start(name, 'MX');
        ((p && await p) || []).slice(0, MAX_MX).forEach((r) => {
          const h = strip(String(r.exchange || ''));
          if (h) addrTypes.forEach((ty) => start(h, ty));
        });
        break;
      }
      case 'ptr': {
        if (!s.addr) break;
        const p = start(reverseName(s.addr), 'PTR');
        ((p && await p) || []).slice(0, MAX_PTR).forEach((n) => start(strip(String(n)), s.addrType));
        break;
      }
      default:
        break;
    }
  };
  for (const t of parsed.terms) run(t).catch(() => {});
}
