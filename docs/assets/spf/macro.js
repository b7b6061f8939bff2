// Macros (RFC 7208 §7): parsed once with the record, so a bad macro is a
// syntax error anywhere in the record (§4.6), then expanded per evaluation.

import { permerror } from './errors.js';
import { macroI, formatAddress } from './ip.js';
import { MAX_NAME } from './limits.js';

/** Letters allowed in any macro-string, and the ones only allowed in explanation text (§7.2). */
const LETTERS = 'slodiphv';
const EXP_ONLY = 'crt';
const DELIMITERS = '.-+,/_=';

/**
 * Parse a macro-string into tokens.
 * @param {string} text
 * @param {{ exp?: boolean, spaces?: boolean, offset?: number }} opts
 *   exp: c, r, t are allowed (explanation text); spaces: SP allowed (explain-string).
 *   offset: position of text in the record, for error positions.
 * @returns {Array<{lit:string}|{letter:string, upper:boolean, digits:number, reverse:boolean, delims:string}>}
 */
export function parseMacroString(text, { exp = false, spaces = false, offset = 0 } = {}) {
  const tokens = [];
  let lit = '';
  const flush = () => { if (lit) tokens.push({ lit }); lit = ''; };
  const fail = (i, msg, reason, args) => { throw permerror('syntax', msg, { position: offset + i, reason, args }); };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const code = ch.charCodeAt(0);
    if (ch !== '%') {
      // macro-literal = %x21-24 / %x26-7E: visible 7-bit ASCII only (§3.1, §7.1).
      if ((code >= 0x21 && code <= 0x7e) || (spaces && code === 0x20)) { lit += ch; continue; }
      if (code > 0x7e) fail(i, 'non-ASCII character', 'non-ascii');
      fail(i, `invalid character ${JSON.stringify(ch)}`, 'char', { char: `U+${code.toString(16).toUpperCase().padStart(4, '0')}` });
    }
    const next = text[i + 1];
    if (next === '%') { lit += '%'; i++; continue; }
    if (next === '_') { lit += ' '; i++; continue; }
    if (next === '-') { lit += '%20'; i++; continue; }
    if (next !== '{') fail(i, "'%' must be followed by '{', '%', '_' or '-'", 'percent');
    const end = text.indexOf('}', i + 2);
    if (end < 0) fail(i, 'unterminated macro', 'unterminated');
    const m = /^([a-zA-Z])([0-9]*)(r?)([.\-+,/_=]*)$/i.exec(text.slice(i + 2, end));
    if (!m) fail(i, `invalid macro ${text.slice(i, end + 1)}`, 'macro', { macro: text.slice(i, end + 1) });
    const letter = m[1].toLowerCase();
    if (!LETTERS.includes(letter) && !(exp && EXP_ONLY.includes(letter))) {
      if (EXP_ONLY.includes(letter)) fail(i, `macro %{${m[1]}} is only allowed in explanation text`, 'exp-only', { macro: `%{${m[1]}}` });
      fail(i, `unknown macro letter ${m[1]}`, 'letter', { macro: `%{${m[1]}}` });
    }
    // The DIGIT transformer "MUST be nonzero" (§7.3); leading zeros read the same.
    if (m[2] !== '' && Number(m[2]) === 0) fail(i, 'macro digit transformer must be nonzero', 'zero-digits');
    flush();
    tokens.push({
      letter, upper: m[1] !== letter, digits: m[2] === '' ? 0 : Number(m[2]),
      reverse: m[3] !== '', delims: m[4] || '.',
    });
    i = end;
  }
  flush();
  return tokens;
}

// toplabel = ( *alphanum ALPHA *alphanum ) / ( 1*alphanum "-" *( alphanum / "-" ) alphanum )
const DOMAIN_END_RE = /\.(?:[a-z0-9]*[a-z][a-z0-9]*|[a-z0-9]+-[a-z0-9-]*[a-z0-9])\.?$/i;

/**
 * Parse a domain-spec (§7.1): a macro-string that ends in a macro-expand or in
 * "." toplabel [ "." ]. The toplabel check is on the text as written, not
 * after expansion (suite: invalid-hello-macro).
 */
export function parseDomainSpec(text, { offset = 0 } = {}) {
  if (text === '') throw permerror('syntax', 'empty domain-spec', { position: offset, reason: 'empty-domain' });
  const tokens = parseMacroString(text, { offset });
  const last = tokens[tokens.length - 1];
  const endsInMacro = /(%\{[^}]*\}|%%|%_|%-)$/.test(text);
  if (!endsInMacro && !(last.lit !== undefined && DOMAIN_END_RE.test(text))) {
    throw permerror('syntax', `"${text}" does not end in a valid top-level label`, { position: offset, reason: 'toplabel', args: { domain: text } });
  }
  return tokens;
}

/** Has this token list a macro (so its value depends on the message)? */
export const hasMacro = (tokens) => tokens.some((t) => t.letter);

// unreserved = ALPHA / DIGIT / "-" / "." / "_" / "~" (§7.3, RFC 3986)
const escapeURL = (s) => Array.from(new TextEncoder().encode(s), (b) => {
  const c = String.fromCharCode(b);
  return /[A-Za-z0-9\-._~]/.test(c) ? c : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
}).join('');

/**
 * Expand parsed tokens.
 * @param tokens from parseMacroString/parseDomainSpec
 * @param ctx { sender, local, senderDomain, domain, addr, helo, receiver, now, validatedName: async () => string }
 */
export async function expand(tokens, ctx) {
  let out = '';
  for (const t of tokens) {
    if (t.lit !== undefined) { out += t.lit; continue; }
    let value = await letterValue(t.letter, ctx);
    const parts = value.split(new RegExp(`[${t.delims.replace(/[-\\\]/]/g, '\\$&')}]`));
    if (t.reverse) parts.reverse();
    const kept = t.digits ? parts.slice(-t.digits) : parts;
    value = kept.join('.');
    out += t.upper ? escapeURL(value) : value;
  }
  return out;
}

async function letterValue(letter, ctx) {
  switch (letter) {
    case 's': return ctx.sender;
    case 'l': return ctx.local;
    case 'o': return ctx.senderDomain;
    case 'd': return ctx.domain;
    case 'i': return macroI(ctx.addr);
    case 'p': return ctx.validatedName ? ctx.validatedName() : 'unknown';
    case 'v': return ctx.addr.family === 4 ? 'in-addr' : 'ip6';
    case 'h': return ctx.helo;
    case 'c': return formatAddress(ctx.addr.bytes);
    case 'r': return ctx.receiver || 'unknown';
    case 't': return String(Math.floor((ctx.now ?? Date.now()) / 1000));
    default: throw permerror('syntax', `unknown macro letter ${letter}`);
  }
}

/**
 * Turn an expanded domain-spec into a query name (§4.8, §7.3): drop a final
 * dot, and if it is longer than 253 characters remove labels from the left.
 */
export function toQueryName(expanded) {
  let name = expanded.endsWith('.') ? expanded.slice(0, -1) : expanded;
  while (name.length > MAX_NAME && name.includes('.')) name = name.slice(name.indexOf('.') + 1);
  return name;
}
