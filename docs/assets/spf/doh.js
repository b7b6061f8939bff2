// DNS over HTTPS (RFC 8484): DNS wire format (RFC 1035 §4) encoded by hand,
// sent as GET ?dns=<base64url> so answers can be HTTP-cached. `fetch` is an
// argument: the browser passes window.fetch, tests pass a fake or Node's.

import { DnsError } from './resolver.js';
import { formatAddress } from './ip.js';
import { LOOKUP_TIMEOUT_MS } from './limits.js';

export const TYPES = { A: 1, CNAME: 5, PTR: 12, MX: 15, TXT: 16, AAAA: 28, OPT: 41 };
const RCODES = ['NOERROR', 'FORMERR', 'SERVFAIL', 'NXDOMAIN', 'NOTIMP', 'REFUSED'];

const utf8 = new TextEncoder();
const text = new TextDecoder('utf-8'); // non-fatal: bad bytes become U+FFFD, which SPF rejects as non-ASCII

/** Encode a query: ID 0 (RFC 8484 §4.1, cache friendly), RD set, one question, EDNS0 OPT. */
export function encodeQuery(name, type) {
  const code = TYPES[type];
  if (!code) throw new TypeError(`unsupported type ${type}`);
  const labels = name.replace(/\.$/, '').split('.').map((l) => utf8.encode(l));
  if (labels.some((l) => l.length === 0 || l.length > 63)) throw new DnsError('SERVFAIL', `invalid name ${name}`);
  const qname = labels.reduce((n, l) => n + 1 + l.length, 1);
  if (qname > 255) throw new DnsError('SERVFAIL', `name too long ${name}`);
  const out = new Uint8Array(12 + qname + 4 + 11);
  const dv = new DataView(out.buffer);
  dv.setUint16(2, 0x0100); // RD
  dv.setUint16(4, 1); // QDCOUNT
  dv.setUint16(10, 1); // ARCOUNT: the OPT record
  let o = 12;
  for (const l of labels) { out[o++] = l.length; out.set(l, o); o += l.length; }
  out[o++] = 0;
  dv.setUint16(o, code); dv.setUint16(o + 2, 1); o += 4; // IN
  // OPT (RFC 6891): root owner, type 41, UDP size 4096, no options.
  out[o] = 0; dv.setUint16(o + 1, TYPES.OPT); dv.setUint16(o + 3, 4096);
  return out;
}

export function base64url(bytes) {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const malformed = (why) => new DnsError('SERVFAIL', `malformed DNS answer (${why})`);

/** Read a possibly compressed name at `offset`; returns [name, offsetAfter]. */
function readName(buf, offset) {
  const labels = [];
  let o = offset;
  let after = -1;
  for (let jumps = 0; ; jumps++) {
    if (o >= buf.length || jumps > 64) throw malformed('bad name');
    const len = buf[o];
    if (len === 0) { o++; break; }
    if ((len & 0xc0) === 0xc0) {
      if (o + 1 >= buf.length) throw malformed('bad pointer');
      if (after < 0) after = o + 2;
      o = ((len & 0x3f) << 8) | buf[o + 1];
      continue;
    }
    if (len > 63 || o + 1 + len > buf.length) throw malformed('bad label');
    labels.push(text.decode(buf.subarray(o + 1, o + 1 + len)));
    o += 1 + len;
  }
  return [labels.join('.'), after < 0 ? o : after];
}

/**
 * Decode a response to `name`/`type` into the resolver's answer shape:
 * TXT: joined strings; A/AAAA: address text; MX: {preference, exchange}; PTR: names.
 * NXDOMAIN and NODATA give []; other RCODEs and malformed data throw DnsError.
 */
export function decodeResponse(bytes, name, type) {
  const buf = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  if (buf.length < 12) throw malformed('short message');
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const flags = dv.getUint16(2);
  if (!(flags & 0x8000)) throw malformed('not a response');
  const rcode = flags & 0xf;
  if (rcode === 3) return [];
  if (rcode !== 0) throw new DnsError('SERVFAIL', `resolver answered ${RCODES[rcode] || `RCODE ${rcode}`}`);
  const qd = dv.getUint16(4);
  const an = dv.getUint16(6);
  let o = 12;
  const want = name.replace(/\.$/, '').toLowerCase();
  for (let i = 0; i < qd; i++) {
    const [q, next] = readName(buf, o);
    if (next + 4 > buf.length) throw malformed('short question');
    if (q.toLowerCase() !== want || dv.getUint16(next) !== TYPES[type]) throw malformed('answer to another question');
    o = next + 4;
  }
  const rrs = [];
  for (let i = 0; i < an; i++) {
    const [owner, next] = readName(buf, o);
    if (next + 10 > buf.length) throw malformed('short record');
    const rtype = dv.getUint16(next);
    const rdlen = dv.getUint16(next + 8);
    const start = next + 10;
    if (start + rdlen > buf.length) throw malformed('short rdata');
    rrs.push({ owner: owner.toLowerCase(), rtype, start, rdlen });
    o = start + rdlen;
  }
  // Follow the CNAME chain from the question (RFC 1034 §3.6.2), in any order.
  const names = new Set([want]);
  for (let grew = true; grew;) {
    grew = false;
    for (const rr of rrs) {
      if (rr.rtype === TYPES.CNAME && names.has(rr.owner)) {
        const target = readName(buf, rr.start)[0].toLowerCase();
        if (!names.has(target)) { names.add(target); grew = true; }
      }
    }
  }
  const answers = [];
  for (const rr of rrs) {
    if (rr.rtype !== TYPES[type] || !names.has(rr.owner)) continue;
    answers.push(rdata(buf, dv, rr, type));
  }
  return answers;
}

function rdata(buf, dv, { start, rdlen }, type) {
  const end = start + rdlen;
  switch (type) {
    case 'A':
    case 'AAAA':
      if (rdlen !== (type === 'A' ? 4 : 16)) throw malformed(`${type} of ${rdlen} bytes`);
      return formatAddress(buf.slice(start, end));
    case 'MX': {
      if (rdlen < 3) throw malformed('short MX');
      return { preference: dv.getUint16(start), exchange: readName(buf, start + 2)[0] };
    }
    case 'PTR':
      return readName(buf, start)[0];
    case 'TXT': {
      const parts = [];
      for (let o = start; o < end;) {
        const len = buf[o];
        if (o + 1 + len > end) throw malformed('bad TXT string');
        parts.push(buf.subarray(o + 1, o + 1 + len));
        o += 1 + len;
      }
      const joined = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
      let at = 0;
      for (const p of parts) { joined.set(p, at); at += p.length; }
      return text.decode(joined);
    }
    default:
      throw malformed(`type ${type}`);
  }
}

/**
 * A resolver over RFC 8484 endpoints, tried in order: the next one is asked
 * when one times out, fails or answers garbage, and an endpoint that failed
 * goes to the back of the line for later lookups, so one blocked resolver
 * costs one timeout, not one per lookup.
 * @param {{urls: string[], fetch: Function, timeoutMs?: number}} options
 */
export function dohResolver({ urls, fetch, timeoutMs = LOOKUP_TIMEOUT_MS }) {
  if (!urls || urls.length === 0) throw new TypeError('dohResolver needs at least one URL');
  if (typeof fetch !== 'function') throw new TypeError('dohResolver needs fetch');
  const order = [...urls];
  const demote = (url) => {
    const i = order.indexOf(url);
    if (i >= 0 && order.length > 1) { order.splice(i, 1); order.push(url); }
  };
  return async (name, type) => {
    const query = base64url(encodeQuery(name, type));
    let last;
    for (const url of [...order]) {
      try {
        return await exchange(fetch, url, query, name, type, timeoutMs);
      } catch (e) {
        last = e instanceof DnsError ? e : new DnsError('SERVFAIL', `${url}: ${(e && e.message) || e}`);
        demote(url);
      }
    }
    throw last;
  };
}

async function exchange(fetch, url, query, name, type, timeoutMs) {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => { timedOut = true; controller.abort(); }, timeoutMs);
  try {
    const res = await fetch(`${url}${url.includes('?') ? '&' : '?'}dns=${query}`, {
      method: 'GET',
      headers: { accept: 'application/dns-message' },
      signal: controller.signal,
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
    });
    if (!res.ok) throw new DnsError('SERVFAIL', `${url} answered HTTP ${res.status}`);
    const ctype = (res.headers.get('content-type') || '').toLowerCase();
    if (!ctype.startsWith('application/dns-message')) {
      throw new DnsError('SERVFAIL', `${url} answered ${ctype || 'no content type'}, not application/dns-message`);
    }
    return decodeResponse(new Uint8Array(await res.arrayBuffer()), name, type);
  } catch (e) {
    if (timedOut) throw new DnsError('TIMEOUT', `${url} did not answer ${type} ${name} within ${timeoutMs} ms`);
    throw e;
  } finally {
    clearTimeout(timer);
  }
}
