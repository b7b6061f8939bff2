// Processing limits, each named after the rule it comes from (cf. pyspf's
// MAX_LOOKUP = 10). Exceeding any of the RFC ones is a permerror.

/** RFC 7208 §4.6.4: mechanisms and modifiers that cause DNS queries (include, a, mx, ptr, exists, redirect). */
export const MAX_LOOKUP = 10;

/** RFC 7208 §4.6.4: DNS queries answering no data or NXDOMAIN ("void lookups"); SHOULD, default 2. */
export const MAX_VOID_LOOKUPS = 2;

/** RFC 7208 §4.6.4: MX records a single "mx" mechanism may look at; more is a permerror. */
export const MAX_MX = 10;

/** RFC 7208 §4.6.4 and §5.5: PTR names a "ptr" mechanism or %{p} may validate; the rest are ignored. */
export const MAX_PTR = 10;

/** RFC 1035 §3.3: one TXT character-string carries at most 255 bytes. */
export const MAX_TXT_STRING = 255;

/** RFC 7208 §3.4: a record should fit, with the rest of the answer, in a 512-byte UDP reply. */
export const MAX_RECORD_BYTES = 512;

/** RFC 1035 §2.3.4: a label is at most 63 octets, a name at most 253 characters of text. */
export const MAX_LABEL = 63;
export const MAX_NAME = 253;

/** RFC 7208 §4.6.4 asks for an overall limit of at least 20 s for an MTA; a reader waits less. */
export const CHECK_DEADLINE_MS = 15000;

/** One DoH exchange (RFC 8484 leaves timeouts to the client) before it counts as a timeout; per configured resolver. */
export const LOOKUP_TIMEOUT_MS = 4000;
