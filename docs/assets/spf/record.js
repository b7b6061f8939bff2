// SPF record selection (RFC 7208 §4.5) and parsing (§4.6, §5, §6, §12 ABNF).
// Every parse error is a permerror carrying the character position in the
// record, so the interface can point at it.

import { permerror } from './errors.js';
import { parseDomainSpec, parseMacroString } from './macro.js';
import { parseIPv4, parseIPv6 } from './ip.js';

const VERSION_RE = /^v=spf1(?: |$)/i;

/** Is this TXT string an SPF version 1 record (§4.5: "v=spf1" then SP or end)? */
export const isSpfRecord = (txt) => VERSION_RE.test(txt);

/**
 * Pick the SPF record among a name's TXT strings (§4.5).
 * @returns {{ record: string|null, candidates: string[] }} record is null for
 *   none; several candidates is a permerror for the caller to raise.
 */
export function selectRecord(txts) {
  const candidates = txts.filter(isSpfRecord);
  return { record: candidates.length === 1 ? candidates[0] : null, candidates };
}

export const MECHANISMS = ['all', 'include', 'a', 'mx', 'ptr', 'ip4', 'ip6', 'exists'];
/** Terms that cost one DNS lookup against MAX_LOOKUP (§4.6.4). */
export const LOOKUP_TERMS = new Set(['include', 'a', 'mx', 'ptr', 'exists', 'redirect']);

const QUALIFIERS = { '+': 'pass', '-': 'fail', '~': 'softfail', '?': 'neutral' };
const MODIFIER_RE = /^([a-zA-Z][a-zA-Z0-9\-_.]*)=/;
const NAME_RE = /^[a-zA-Z][a-zA-Z0-9\-_.]*/;

/**
 * Parse a record already selected by selectRecord.
 * @returns {{ text, terms: Term[], redirect: Term|null, exp: Term|null }}
 *   Term = { kind: 'mechanism'|'modifier', name, qualifier?, result?, text,
 *            position, domainSpec?, domainText?, cidr4?, cidr6?, network? , value? }
 */
export function parseRecord(text) {
  if (!isSpfRecord(text)) throw permerror('syntax', 'record does not start with v=spf1', { position: 0, reason: 'version' });
  const terms = [];
  let redirect = null;
  let exp = null;
  const re = /[^ ]+/g;
  re.lastIndex = 6;
  let m;
  while ((m = re.exec(text))) {
    const term = parseTerm(m[0], m.index);
    if (term.kind === 'modifier' && (term.name === 'redirect' || term.name === 'exp')) {
      // §6: these two MUST NOT appear more than once each.
      if ((term.name === 'redirect' ? redirect : exp) !== null) {
        throw permerror('syntax', `${term.name}= appears more than once`,
          { position: term.position, term: term.text, reason: 'duplicate', args: { name: term.name } });
      }
      if (term.name === 'redirect') redirect = term; else exp = term;
    }
    terms.push(term);
  }
  return { text, terms, redirect, exp };
}

/** Parse one term found at `position` of the record. */
export function parseTerm(text, position) {
  const fail = (msg, at, reason, args) => {
    throw permerror('syntax', msg, { position: position + at, term: text, reason, args });
  };
  const mod = MODIFIER_RE.exec(text);
  if (mod) {
    const name = mod[1].toLowerCase();
    const valueText = text.slice(mod[0].length);
    const at = position + mod[0].length;
    const term = { kind: 'modifier', name, text, position, value: valueText };
    if (name === 'redirect' || name === 'exp') {
      // Known modifiers are not "greedy" unknown-modifiers: their value must be a domain-spec.
      term.domainSpec = parseDomainSpec(valueText, { offset: at });
      term.domainText = valueText;
    } else {
      term.known = false;
      parseMacroString(valueText, { offset: at }); // unknown-modifier = name "=" macro-string
    }
    return term;
  }
  let i = 0;
  let qualifier = '+';
  if (QUALIFIERS[text[0]]) { qualifier = text[0]; i = 1; }
  const nm = NAME_RE.exec(text.slice(i));
  if (!nm) fail(`"${text}" is not a mechanism or modifier`, i, 'term');
  const name = nm[0].toLowerCase();
  if (!MECHANISMS.includes(name)) fail(`unknown mechanism "${nm[0]}"`, i, 'mechanism', { name: nm[0] });
  const rest = text.slice(i + nm[0].length);
  const restAt = i + nm[0].length;
  if (rest !== '' && rest[0] !== ':' && rest[0] !== '/') fail(`unexpected "${rest}" after ${name}`, restAt, 'after-name', { name });
  const term = { kind: 'mechanism', name, qualifier, result: QUALIFIERS[qualifier], text, position };

  switch (name) {
    case 'all':
      if (rest !== '') fail('"all" takes no argument', restAt, 'all-arg');
      break;
    case 'include':
    case 'exists':
      if (rest[0] !== ':') fail(`"${name}" needs ":" and a domain`, restAt, 'needs-domain', { name });
      term.domainText = rest.slice(1);
      term.domainSpec = parseDomainSpec(term.domainText, { offset: position + restAt + 1 });
      break;
    case 'ptr':
      if (rest !== '') {
        if (rest[0] !== ':') fail('"ptr" takes no CIDR length', restAt, 'ptr-cidr');
        term.domainText = rest.slice(1);
        term.domainSpec = parseDomainSpec(term.domainText, { offset: position + restAt + 1 });
      }
      break;
    case 'a':
    case 'mx': {
      // [ ":" domain-spec ] [ dual-cidr-length ]; the CIDR suffix is taken
      // from the end, as a domain-spec may itself contain "/" (suite: a-colon-domain).
      const split = /^(.*?)((?:\/[0-9]+)?(?:\/\/[0-9]+)?)$/s.exec(rest);
      const [, head, cidr] = split;
      if (head !== '') {
        if (head[0] !== ':') fail(`invalid CIDR length "${rest}"`, restAt, 'cidr');
        term.domainText = head.slice(1);
        term.domainSpec = parseDomainSpec(term.domainText, { offset: position + restAt + 1 });
      }
      const c = /^(?:\/([0-9]+))?(?:\/\/([0-9]+))?$/.exec(cidr);
      const cidrAt = restAt + head.length;
      if (c[1] !== undefined) term.cidr4 = cidrLength(c[1], 32, fail, cidrAt);
      if (c[2] !== undefined) term.cidr6 = cidrLength(c[2], 128, fail, cidrAt);
      break;
    }
    case 'ip4':
    case 'ip6': {
      if (rest[0] !== ':') fail(`"${name}" needs ":" and an address`, restAt, 'needs-address', { name });
      const body = rest.slice(1);
      const slash = body.indexOf('/');
      const addrText = slash < 0 ? body : body.slice(0, slash);
      const bytes = name === 'ip4' ? parseIPv4(addrText) : parseIPv6(addrText);
      const family = name === 'ip4' ? 'IPv4' : 'IPv6';
      if (!bytes) fail(`"${addrText}" is not a valid ${family} address`, restAt + 1, 'address', { family, value: addrText });
      term.network = bytes;
      term.domainText = addrText;
      const max = name === 'ip4' ? 32 : 128;
      if (slash >= 0) {
        const len = body.slice(slash + 1);
        if (!/^[0-9]+$/.test(len)) fail(`invalid CIDR length "/${len}"`, restAt + 1 + slash, 'cidr');
        term.prefix = cidrLength(len, max, fail, restAt + 1 + slash);
      } else term.prefix = max;
      break;
    }
    default:
      break;
  }
  return term;
}

// ip4-cidr-length = "/" ("0" / %x31-39 0*1DIGIT), at most 32; ip6 at most 128 (§5.6).
function cidrLength(digits, max, fail, at) {
  if (digits.length > 1 && digits[0] === '0') fail(`CIDR length "/${digits}" has a leading zero`, at, 'cidr-zero');
  const n = Number(digits);
  if (n > max) fail(`CIDR length /${digits} is more than ${max}`, at, 'cidr-max', { max });
  return n;
}
