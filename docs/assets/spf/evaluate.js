// check_host() of RFC 7208 §4-§6, building the evaluated record tree as it
// goes. Two modes share the code:
//  - verdict: an IP is given; evaluation is lazy and stops where the RFC stops.
//  - inspection: no IP; nothing but "all" matches, so every include and
//    redirect is walked, and the limits are counted, not enforced, so the
//    reader sees where they are crossed.
// Every lookup a record will need is started as soon as the record is parsed
// (prefetch), so a verdict costs about one round trip per include level.

import { SpfError, permerror, temperror } from './errors.js';
import { parseRecord, parseTerm, selectRecord, LOOKUP_TERMS } from './record.js';
import { expand, parseMacroString, toQueryName } from './macro.js';
import { parseAddress, parseIPv4, parseIPv6, matchPrefix, reverseName, sameAddress } from './ip.js';
import { cachedResolver, withDeadline } from './resolver.js';
import { prefetch, PREFETCH_BUDGET } from './prefetch.js';
import {
  MAX_LOOKUP, MAX_VOID_LOOKUPS, MAX_MX, MAX_PTR, MAX_LABEL, MAX_NAME, CHECK_DEADLINE_MS,
} from './limits.js';

const IP_LETTERS = new Set(['i', 'p', 'c', 'v']);

/** Can this name be sent as a DNS query (RFC 1035 §2.3.4)? Otherwise it is treated as non-existent. */
export function validQueryName(name) {
  if (!name || name.length > MAX_NAME) return false;
  return name.split('.').every((l) => l.length > 0 && new TextEncoder().encode(l).length <= MAX_LABEL);
}

/** <domain> of check_host() must be a well-formed multi-label name (§4.3), else the result is none. */
export function wellFormedDomain(name) {
  return validQueryName(name) && name.includes('.') && /^[A-Za-z0-9_.-]+$/.test(name)
    && !/^[0-9]+$/.test(name.slice(name.lastIndexOf('.') + 1));
}

/** Terms of a record that failed to parse, each parsed alone so the reader sees which one is wrong. */
function describeTerms(record) {
  const out = [];
  const re = /[^ ]+/g;
  re.lastIndex = Math.min(6, record.length);
  let m;
  while ((m = re.exec(record))) {
    try {
      const t = parseTerm(m[0], m.index);
      out.push({ text: t.text, kind: t.kind, name: t.name, qualifier: t.qualifier, position: t.position, domainText: t.domainText });
    } catch (e) {
      out.push({ text: m[0], kind: 'invalid', position: m.index, invalid: true, error: { message: e.message, ...e.details } });
    }
  }
  return out;
}

const strip = (name) => (name.endsWith('.') ? name.slice(0, -1) : name);

/**
 * @param {{ip?, domain?, sender?, helo?, receiver?}} params
 * @param {{resolver, deadlineMs?, clock?, now?}} options
 */
export async function evaluate(params, options) {
  const s = new Session(params, options);
  const root = s.newNode(s.domain);
  let out = { result: 'none', mechanism: null, exp: null };
  let error = null;
  try {
    if (params.ip && !s.addr) throw permerror('bad-ip', `"${params.ip}" is not an IP address`);
    if (!wellFormedDomain(s.domain)) {
      root.invalid = true;
    } else {
      out = await s.checkDomain(root, [s.domain.toLowerCase()]);
    }
    if (s.analysis) {
      // Inspection counts past the limits; the policy itself is still broken for any unlisted IP.
      if (s.dns > MAX_LOOKUP) throw permerror('lookup-limit', `${s.dns} DNS lookups, more than ${MAX_LOOKUP}`);
      if (s.void > MAX_VOID_LOOKUPS) throw permerror('void-limit', `${s.void} void lookups, more than ${MAX_VOID_LOOKUPS}`);
      if (s.firstError) throw s.firstError;
    }
  } catch (e) {
    if (!(e instanceof SpfError)) throw e;
    out = { result: e.result, mechanism: null, exp: null };
    error = { code: e.code, message: e.message, ...e.details };
  }
  const explanation = out.result === 'fail' && out.exp && !s.analysis ? await s.explain(out.exp) : undefined;
  return {
    result: out.result,
    explanation,
    mechanism: out.mechanism,
    lookups: { dns: s.dns, void: s.void },
    tree: root,
    error,
    analysis: s.analysis,
  };
}

class Session {
  constructor(params, options) {
    this.resolve = cachedResolver(options.resolver);
    this.clock = options.clock || Date.now;
    this.deadline = this.clock() + (options.deadlineMs ?? CHECK_DEADLINE_MS);
    this.now = options.now;
    this.addr = params.ip ? parseAddress(String(params.ip)) : null;
    this.analysis = !params.ip;
    this.addrType = this.addr && this.addr.family === 6 ? 'AAAA' : 'A';
    this.helo = params.helo || '';
    this.receiver = params.receiver || '';
    // §4.3: an empty MAIL FROM is replaced by postmaster@HELO; an empty local-part by "postmaster".
    let sender = params.sender || '';
    if (!sender && this.helo) sender = `postmaster@${this.helo}`;
    const at = sender.lastIndexOf('@');
    this.local = at >= 0 ? sender.slice(0, at) : '';
    this.senderDomain = at >= 0 ? sender.slice(at + 1) : sender;
    if (!this.senderDomain && params.domain) this.senderDomain = params.domain;
    if (!this.local) this.local = 'postmaster';
    this.sender = `${this.local}@${this.senderDomain}`;
    this.domain = strip(String(params.domain || this.senderDomain || '').trim());
    this.dns = 0;
    this.void = 0;
    this.firstError = null;
    this.prefetchBudget = PREFETCH_BUDGET;
    this.validated = new Map();
  }

  newNode(domain) {
    return { domain, record: null, records: null, terms: [], result: null, lookups: 0, error: null };
  }

  ctx(domain) {
    return {
      sender: this.sender, local: this.local, senderDomain: this.senderDomain, domain,
      addr: this.addr, helo: this.helo, receiver: this.receiver, now: this.now,
      validatedName: () => this.validatedName(domain),
    };
  }

  /** One DNS query, bounded by the deadline; a failure is a temperror (§4.4, §5). */
  async query(name, type) {
    if (!validQueryName(name)) return [];
    let answers;
    try {
      answers = await withDeadline(this.resolve(name, type), this.deadline, this.clock);
    } catch (e) {
      const timeout = e && e.code === 'TIMEOUT';
      throw temperror(timeout ? 'dns-timeout' : 'dns-error',
        `${type} lookup of ${name} failed: ${(e && e.message) || e}`, { name, type });
    }
    if (!Array.isArray(answers)) throw temperror('dns-error', `${type} lookup of ${name} gave no answer list`, { name, type });
    return answers;
  }

  /** Start a query early without awaiting it; failures surface when awaited. */
  queryQuiet(name, type) {
    const p = this.query(name, type);
    p.catch(() => {});
    return p;
  }

  countLookup(tn) {
    this.dns++;
    tn.lookupIndex = this.dns;
    if (this.dns > MAX_LOOKUP) {
      tn.overLimit = true;
      if (!this.analysis) {
        throw permerror('lookup-limit', `more than ${MAX_LOOKUP} DNS lookups`, { term: tn.text, position: tn.position });
      }
    }
  }

  countVoid(tn) {
    this.void++;
    tn.void = true;
    if (this.void > MAX_VOID_LOOKUPS) {
      if (this.void === MAX_VOID_LOOKUPS + 1) tn.overVoidLimit = true;
      if (!this.analysis) {
        throw permerror('void-limit', `more than ${MAX_VOID_LOOKUPS} void lookups`, { term: tn.text, position: tn.position });
      }
    }
  }

  /** Evaluate the record of node.domain; fills node in, returns { result, mechanism, exp }. */
  async checkDomain(node, stack) {
    const start = this.dns;
    try {
      const out = await this.checkRecord(node, stack);
      node.result = out.result;
      return out;
    } catch (e) {
      if (e instanceof SpfError) {
        node.result = e.result;
        if (!e.details.domain) {
          e.details.domain = node.domain;
          node.error = { code: e.code, message: e.message, ...e.details };
        }
      }
      throw e;
    } finally {
      node.lookups = this.dns - start;
    }
  }

  async checkRecord(node, stack) {
    const { domain } = node;
    if (!validQueryName(domain)) {
      node.invalid = true;
      return { result: 'none', mechanism: null, exp: null };
    }
    const txts = await this.query(domain, 'TXT');
    const { record, candidates } = selectRecord(txts.map(String));
    if (candidates.length === 0) {
      node.noRecord = true;
      return { result: 'none', mechanism: null, exp: null };
    }
    if (candidates.length > 1) {
      node.records = candidates;
      throw permerror('multiple-records', `${domain} has ${candidates.length} SPF records`, { count: candidates.length });
    }
    node.record = record;
    let parsed;
    try {
      parsed = parseRecord(record); // syntax errors anywhere: permerror before evaluating (§4.6)
    } catch (e) {
      node.terms = describeTerms(record);
      throw e;
    }
    node.terms = parsed.terms.map((t) => ({
      text: t.text, kind: t.kind, name: t.name, qualifier: t.qualifier, result: t.result,
      position: t.position, domainText: t.domainText, lookup: LOOKUP_TERMS.has(t.name) && t.kind === 'mechanism'
        || t.name === 'redirect', evaluated: false,
    }));
    node.hasAll = parsed.terms.some((t) => t.kind === 'mechanism' && t.name === 'all');
    prefetch(this, parsed, domain, stack.length);

    for (let i = 0; i < parsed.terms.length; i++) {
      const term = parsed.terms[i];
      if (term.kind !== 'mechanism') continue;
      const tn = node.terms[i];
      tn.evaluated = true;
      if (await this.mechanism(term, tn, domain, stack)) {
        tn.matched = true;
        return {
          result: term.result,
          mechanism: { domain, text: term.text, position: term.position },
          exp: parsed.exp ? { term: parsed.exp, domain } : null,
        };
      }
    }
    // §6.1: redirect applies when no mechanism matched and there is no "all".
    if (parsed.redirect && !node.hasAll) {
      const tn = node.terms[parsed.terms.indexOf(parsed.redirect)];
      tn.evaluated = true;
      this.countLookup(tn);
      const target = await this.target(parsed.redirect, tn, domain);
      if (target === null) return { result: 'neutral', mechanism: null, exp: null };
      const child = this.newNode(target);
      tn.child = child;
      if (this.analysis && stack.includes(target.toLowerCase())) {
        tn.loop = true;
        return { result: 'neutral', mechanism: null, exp: null };
      }
      const out = await this.checkDomain(child, [...stack, target.toLowerCase()]);
      // §6.1: a redirect to a domain without a record is a permerror, not none.
      if (out.result === 'none') {
        throw permerror('redirect-none', `redirect target ${target} has no SPF record`, { term: tn.text, position: tn.position });
      }
      return out; // the target's exp= applies, not ours (§6.2)
    }
    return { result: 'neutral', mechanism: null, exp: null };
  }

  /** The expanded target of a term (its domain-spec, or the current domain); null if it needs the IP we lack. */
  async target(term, tn, domain) {
    if (!term.domainSpec) { tn.target = domain; return domain; }
    if (this.analysis && term.domainSpec.some((t) => IP_LETTERS.has(t.letter))) {
      tn.needsIp = true;
      return null;
    }
    const name = toQueryName(await expand(term.domainSpec, this.ctx(domain)));
    tn.target = name;
    return name;
  }

  async addresses(name) {
    if (this.analysis) {
      const [a, aaaa] = await Promise.all([this.queryQuiet(name, 'A'), this.queryQuiet(name, 'AAAA')]);
      return [...a, ...aaaa];
    }
    return this.query(name, this.addrType);
  }

  inCidr(text, term) {
    const bytes = this.addr.family === 4 ? parseIPv4(String(text)) : parseIPv6(String(text));
    if (!bytes) return false;
    const prefix = this.addr.family === 4 ? term.cidr4 ?? 32 : term.cidr6 ?? 128;
    return matchPrefix(this.addr.bytes, bytes, prefix);
  }

  async mechanism(term, tn, domain, stack) {
    switch (term.name) {
      case 'all':
        return true;
      case 'ip4':
      case 'ip6':
        // ip4 matches IPv4 clients only, ip6 IPv6 only (an IPv4-mapped client is IPv4, §5).
        if (this.analysis || (term.name === 'ip4') !== (this.addr.family === 4)) return false;
        return matchPrefix(this.addr.bytes, term.network, term.prefix);
      case 'a': {
        this.countLookup(tn);
        const name = await this.target(term, tn, domain);
        if (name === null) return false;
        const answers = await this.addresses(name);
        tn.addresses = answers.map(String);
        if (answers.length === 0) { this.countVoid(tn); return false; }
        return !this.analysis && answers.some((a) => this.inCidr(a, term));
      }
      case 'mx':
        return this.mx(term, tn, domain);
      case 'ptr':
        return this.ptr(term, tn, domain);
      case 'exists': {
        this.countLookup(tn);
        const name = await this.target(term, tn, domain);
        if (name === null) return false;
        const answers = await this.query(name, 'A'); // always A, whatever the client's family (§5.7)
        tn.addresses = answers.map(String);
        if (answers.length === 0) { this.countVoid(tn); return false; }
        return !this.analysis;
      }
      case 'include':
        return this.include(term, tn, domain, stack);
      default:
        return false;
    }
  }

  async include(term, tn, domain, stack) {
    this.countLookup(tn);
    const target = await this.target(term, tn, domain);
    if (target === null) return false;
    const child = this.newNode(target);
    tn.child = child;
    if (this.analysis && stack.includes(target.toLowerCase())) { tn.loop = true; return false; }
    let out;
    try {
      out = await this.checkDomain(child, [...stack, target.toLowerCase()]);
    } catch (e) {
      // Inspection goes on past a broken branch so the whole tree is shown.
      if (this.analysis && e instanceof SpfError) { this.firstError ||= e; return false; }
      throw e;
    }
    // §5.2: none from the included domain is a permerror; only pass matches.
    if (out.result === 'none') {
      const e = permerror('include-none', `included domain ${target} has no SPF record`, { term: tn.text, position: tn.position });
      if (this.analysis) { this.firstError ||= e; tn.error = { code: e.code, message: e.message }; return false; }
      throw e;
    }
    return out.result === 'pass';
  }

  async mx(term, tn, domain) {
    this.countLookup(tn);
    const name = await this.target(term, tn, domain);
    if (name === null) return false;
    const records = await this.query(name, 'MX');
    if (records.length === 0) { this.countVoid(tn); tn.mx = []; return false; }
    if (records.length > MAX_MX) {
      tn.overMxLimit = true;
      const e = permerror('mx-limit', `${name} has ${records.length} MX records, more than ${MAX_MX}`, { term: tn.text, position: tn.position });
      if (!this.analysis) throw e;
      this.firstError ||= e;
    }
    // §5.4: no implicit MX; a null MX ("." / "") names no host.
    const hosts = records.slice(0, MAX_MX).map((r) => strip(String(r.exchange || ''))).filter(Boolean);
    const lookups = hosts.map((h) => this.queryQuiet(h, this.analysis ? 'A' : this.addrType));
    tn.mx = [];
    for (let i = 0; i < hosts.length; i++) {
      const answers = this.analysis ? await this.addresses(hosts[i]) : await lookups[i];
      tn.mx.push({ exchange: hosts[i], addresses: answers.map(String) });
      // §4.6.4 limits the *terms* whose lookups come back empty: a host without an address makes
      // this term one (once; pyspf, the reference, counts such host lookups too).
      if (answers.length === 0 && !tn.void) this.countVoid(tn);
      if (!this.analysis && answers.some((a) => this.inCidr(a, term))) return true;
    }
    return false;
  }

  async ptr(term, tn, domain) {
    this.countLookup(tn);
    const target = await this.target(term, tn, domain);
    if (this.analysis) { tn.needsIp = true; return false; }
    let names;
    try {
      names = await this.query(reverseName(this.addr), 'PTR');
    } catch (e) {
      return false; // §5.5: a DNS error on the PTR lookup means no match
    }
    if (names.length === 0) { this.countVoid(tn); return false; }
    const validated = await this.validate(names, tn);
    tn.validated = validated;
    const t = target.toLowerCase();
    return validated.some((n) => n === t || n.endsWith(`.${t}`));
  }

  /**
   * §5.5: names among the first MAX_PTR PTR answers whose A/AAAA records include the client IP.
   * For a "ptr" term (tn), a name without addresses makes it a void-lookup term, as for "mx".
   */
  async validate(names, tn = null) {
    const list = names.slice(0, MAX_PTR).map((n) => strip(String(n)).toLowerCase());
    const answers = list.map((n) => this.queryQuiet(n, this.addrType));
    const out = [];
    for (let i = 0; i < list.length; i++) {
      try {
        const found = await answers[i];
        if (found.length === 0 && tn && !tn.void) this.countVoid(tn);
        if (found.some((a) => sameAddress(this.addr, String(a)))) out.push(list[i]);
      } catch (e) {
        if (e instanceof SpfError && e.result === 'temperror') continue; // §5.5: skip that name
        throw e;
      }
    }
    return out;
  }

  /** The %{p} macro (§7.3): a validated name, preferring <domain> itself, then its subdomains. */
  async validatedName(domain) {
    if (!this.addr) return 'unknown';
    const key = domain.toLowerCase();
    if (!this.validated.has(key)) {
      this.validated.set(key, (async () => {
        let names;
        try { names = await this.query(reverseName(this.addr), 'PTR'); } catch { return 'unknown'; }
        const valid = await this.validate(names);
        return valid.find((n) => n === key) || valid.find((n) => n.endsWith(`.${key}`)) || valid[0] || 'unknown';
      })());
    }
    return this.validated.get(key);
  }

  /** §6.2: the explanation for a fail; any problem means no explanation, never an error. */
  async explain({ term, domain }) {
    try {
      const name = toQueryName(await expand(term.domainSpec, this.ctx(domain)));
      const txts = await this.query(name, 'TXT'); // not counted against the limits (suite: exp-void)
      if (txts.length !== 1) return undefined;
      const tokens = parseMacroString(String(txts[0]), { exp: true, spaces: true });
      return await expand(tokens, this.ctx(domain));
    } catch {
      return undefined;
    }
  }
}
