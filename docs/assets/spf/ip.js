// IP addresses as SPF sees them (RFC 7208 §5.6, §7.3), strict like ipaddr.js:
// an address is parsed to a byte array, families never mix silently.

// ip4-network = qnum "." qnum "." qnum "." qnum, qnum = 0..255 without
// leading zeros (RFC 7208 §5.6): "010.0.0.1" could be read as octal by some
// stacks, so it is not an SPF address at all.
const QNUM = '(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9][0-9]|[0-9])';
const IPV4_RE = new RegExp(`^${QNUM}\\.${QNUM}\\.${QNUM}\\.${QNUM}$`);

/** Parse dotted-quad IPv4 text; returns 4 bytes or null. */
export function parseIPv4(text) {
  const m = IPV4_RE.exec(text);
  if (!m) return null;
  return Uint8Array.from(m.slice(1, 5), Number);
}

/** Parse RFC 4291 §2.2 IPv6 text (with optional embedded IPv4); 16 bytes or null. */
export function parseIPv6(text) {
  if (typeof text !== 'string' || !/^[0-9A-Fa-f:.]+$/.test(text)) return null;
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const groups = (part) => (part === '' ? [] : part.split(':'));
  const head = groups(halves[0]);
  const tail = halves.length === 2 ? groups(halves[1]) : [];
  const words = [];
  const pushGroups = (list, isLast) => {
    for (let i = 0; i < list.length; i++) {
      const g = list[i];
      if (isLast && i === list.length - 1 && g.includes('.')) {
        const v4 = parseIPv4(g);
        if (!v4) return false;
        words.push((v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]);
      } else if (/^[0-9A-Fa-f]{1,4}$/.test(g)) {
        words.push(parseInt(g, 16));
      } else {
        return false;
      }
    }
    return true;
  };
  const headWords = [];
  if (!pushGroups(head, halves.length === 1)) return null;
  headWords.push(...words.splice(0));
  if (!pushGroups(tail, true)) return null;
  const tailWords = words;
  let all;
  if (halves.length === 2) {
    const fill = 8 - headWords.length - tailWords.length;
    if (fill < 1) return null; // "::" stands for at least one zero group
    all = [...headWords, ...new Array(fill).fill(0), ...tailWords];
  } else {
    all = headWords;
  }
  if (all.length !== 8) return null;
  const bytes = new Uint8Array(16);
  all.forEach((w, i) => { bytes[2 * i] = w >> 8; bytes[2 * i + 1] = w & 0xff; });
  return bytes;
}

/**
 * Parse a client address. An IPv4-mapped IPv6 address (::ffff:a.b.c.d) is an
 * IPv4 address for SPF (RFC 7208 §5, last paragraph), so it comes back as one.
 * Returns { family: 4|6, bytes } or null.
 */
export function parseAddress(text) {
  if (typeof text !== 'string') return null;
  const t = text.trim();
  const v4 = parseIPv4(t);
  if (v4) return { family: 4, bytes: v4 };
  const v6 = parseIPv6(t);
  if (!v6) return null;
  if (isMapped(v6)) return { family: 4, bytes: v6.slice(12) };
  return { family: 6, bytes: v6 };
}

function isMapped(b) {
  for (let i = 0; i < 10; i++) if (b[i] !== 0) return false;
  return b[10] === 0xff && b[11] === 0xff;
}

/** True when the first `prefix` bits of a and b agree. */
export function matchPrefix(a, b, prefix) {
  if (a.length !== b.length) return false;
  const full = prefix >> 3;
  for (let i = 0; i < full; i++) if (a[i] !== b[i]) return false;
  const rest = prefix & 7;
  if (rest === 0) return true;
  const mask = (0xff << (8 - rest)) & 0xff;
  return (a[full] & mask) === (b[full] & mask);
}

/** Canonical text: dotted quad, or RFC 5952 (lowercase, longest zero run compressed). */
export function formatAddress(bytes) {
  if (bytes.length === 4) return Array.from(bytes).join('.');
  const words = [];
  for (let i = 0; i < 16; i += 2) words.push((bytes[i] << 8) | bytes[i + 1]);
  let best = -1, bestLen = 1, cur = -1, curLen = 0;
  words.forEach((w, i) => {
    if (w === 0) {
      if (cur < 0) { cur = i; curLen = 0; }
      curLen++;
      if (curLen > bestLen) { best = cur; bestLen = curLen; }
    } else cur = -1;
  });
  const hex = words.map((w) => w.toString(16));
  if (best < 0) return hex.join(':');
  return `${hex.slice(0, best).join(':')}::${hex.slice(best + bestLen).join(':')}`;
}

/**
 * The %{i} macro value (RFC 7208 §7.3): dotted quad for IPv4, dot-separated
 * nibbles for IPv6. Nibbles are upper-case like pyspf, the reference the
 * conformance suite's expected explanations come from; DNS ignores the case.
 */
export function macroI(addr) {
  if (addr.family === 4) return formatAddress(addr.bytes);
  const nibbles = [];
  for (const byte of addr.bytes) nibbles.push((byte >> 4).toString(16), (byte & 15).toString(16));
  return nibbles.join('.').toUpperCase();
}

/** Name for the PTR lookup of an address (RFC 1035 §3.5, RFC 3596 §2.5). */
export function reverseName(addr) {
  if (addr.family === 4) return `${Array.from(addr.bytes).reverse().join('.')}.in-addr.arpa`;
  return `${macroI(addr).split('.').reverse().join('.').toLowerCase()}.ip6.arpa`;
}

/** Compare a client address with an address string from DNS. */
export function sameAddress(addr, text) {
  const other = addr.family === 4 ? parseIPv4(text) : parseIPv6(text);
  return !!other && matchPrefix(addr.bytes, other, other.length * 8);
}
