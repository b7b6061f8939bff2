// Public API of the SPF engine: check_host() (RFC 7208) over any resolver.
// No dependencies, no globals: the caller passes the resolver (and, for DoH,
// fetch), so the same code runs in the browser and in Node.

import { evaluate } from './evaluate.js';
import { lint } from './lint.js';
import { cachedResolver } from './resolver.js';

export { parseRecord, selectRecord } from './record.js';
export { parseAddress } from './ip.js';
export { cachedResolver, DnsError } from './resolver.js';
export * as limits from './limits.js';

/**
 * check_host(<ip>, <domain>, <sender>) of RFC 7208 §4.
 * @param {{ip: string, domain?: string, sender?: string, helo?: string, receiver?: string}} params
 * @param {{resolver: (name: string, type: string) => Promise<any[]>, deadlineMs?: number}} options
 * @returns {Promise<{result, explanation, mechanism, lookups: {dns, void}, warnings, tree, error}>}
 */
export async function checkHost(params, options) {
  const r = await evaluate(params, options);
  return { ...r, warnings: lint(r) };
}

/**
 * Inspect a domain's policy without a client IP: walk every include and
 * redirect, count lookups against the limits without stopping at them, and
 * collect warnings. `result` is what an IP listed nowhere would get.
 */
export async function inspect(domain, options) {
  const r = await evaluate({ domain }, options);
  return { ...r, warnings: lint(r) };
}

/** One cached resolver for a verdict and an inspection run side by side. */
export const shareResolver = cachedResolver;
