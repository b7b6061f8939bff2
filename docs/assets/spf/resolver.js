// The resolver as the evaluator uses it: answers cached for one check (so a
// prefetch and the evaluation share one query), and every lookup bounded by
// the check's deadline, so a silent resolver cannot hang a verdict.

/** Error thrown by resolvers for a lookup that failed (not for NXDOMAIN). */
export class DnsError extends Error {
  constructor(code, message) {
    super(message);
    this.name = 'DnsError';
    this.code = code; // 'TIMEOUT' | 'SERVFAIL'
  }
}

/**
 * Wrap `resolver(name, type)` with a per-check promise cache.
 * A wrapped resolver passed in again is returned as is, so the verdict and the
 * full inspection of one domain can share answers.
 */
export function cachedResolver(resolver) {
  if (resolver && resolver.cached) return resolver;
  const cache = new Map();
  const wrapped = (name, type) => {
    const key = `${type} ${name.toLowerCase()}`;
    let p = cache.get(key);
    if (!p) {
      p = Promise.resolve().then(() => resolver(name, type));
      p.catch(() => {}); // a failed prefetch is reported when (if) it is awaited
      cache.set(key, p);
    }
    return p;
  };
  wrapped.cached = true;
  wrapped.cache = cache;
  return wrapped;
}

/** Race a lookup against an absolute deadline (ms since epoch, from `clock`). */
export function withDeadline(promise, deadline, clock = Date.now) {
  const left = deadline - clock();
  if (left <= 0) return Promise.reject(new DnsError('TIMEOUT', 'the check ran out of time'));
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new DnsError('TIMEOUT', 'the check ran out of time')), left);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
