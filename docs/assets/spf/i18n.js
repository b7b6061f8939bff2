// The checker's words: terms, warnings and results turned into sentences in the
// page's language. The texts are data, the `spf` section of the page's locale
// file (tools/sxs/locales/<code>.yml), which the build hands to the page
// (tools/sxs/site/spf_texts.py); `{name}` in a text is filled with a value.
// Functions return plain strings; the widget sets them with textContent, so
// nothing here is ever parsed as HTML.

/** The result a qualifier gives on a match (RFC 7208 §4.6.2). */
const QUALIFIER_RESULT = { '+': 'pass', '-': 'fail', '~': 'softfail', '?': 'neutral' };

/** Codes that share one text. */
const WARNING_TEXT = { 'dns-timeout': 'dns', 'dns-error': 'dns' };
const ERROR_TEXT = { 'include-none': 'target-none', 'redirect-none': 'target-none' };

const FIELD = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/**
 * A locale's texts (`{ key: text }`) in language `lang` (a BCP 47 code, for
 * plural rules): `text(key, values)` fills a text's fields (a missing text
 * shows its key, a missing value nothing); `count(key, n, values)` takes
 * `key.one`, `key.other`... by the language's plural rules, with `{count}`.
 */
export function localize(texts, lang) {
  const own = texts || {};
  let rules;
  try { rules = new Intl.PluralRules(lang || 'en'); } catch { rules = new Intl.PluralRules('en'); }
  const text = (key, values = {}) => {
    const template = Object.prototype.hasOwnProperty.call(own, key) ? String(own[key]) : key;
    return template.replace(FIELD, (_, name) => (values[name] === undefined || values[name] === null ? '' : String(values[name])));
  };
  const has = (key) => Object.prototype.hasOwnProperty.call(own, key);
  const count = (key, n, values = {}) => {
    const form = `${key}.${rules.select(n)}`;
    return text(has(form) ? form : `${key}.other`, { ...values, count: n });
  };
  return { lang, text, has, count };
}

/** A result's name and its one-sentence meaning. */
export const resultName = (result, L) => L.text(`result.${result}`);
export const resultMeaning = (result, L) => L.text(`result.${result}.text`);

/** One sentence on what a term does. */
export function describeTerm(t, L) {
  const target = t.domainText || L.text('term.this-domain');
  if (t.invalid) return L.text('term.invalid', { reason: describeSyntax(t.error, L) });
  if (t.kind === 'modifier') {
    if (t.name === 'redirect' || t.name === 'exp') return L.text(`term.${t.name}`, { target });
    return L.text('term.unknown-modifier', { name: t.name });
  }
  const result = resultName(QUALIFIER_RESULT[t.qualifier || '+'], L);
  const values = { target, result, range: (t.text || '').replace(/^[-+~?]?ip[46]:/i, '') };
  switch (t.name) {
    case 'all':
      return L.text('term.all', values);
    case 'include':
    case 'a':
    case 'mx':
    case 'ptr':
    case 'exists':
      return L.text('term.on-match', { description: L.text(`term.${t.name}`, values), result });
    case 'ip4':
    case 'ip6':
      return L.text('term.on-match', { description: L.text('term.ip', values), result });
    default:
      return '';
  }
}

/** A warning's message and suggested fix ('' where none applies). */
export function describeWarning(w, L) {
  const key = `warning.${WARNING_TEXT[w.code] || w.code}`;
  if (!L.has(key)) return [w.code, ''];
  const values = {
    ...w,
    domain: w.domain || '',
    term: w.term || '',
    at: w.position !== undefined ? L.text('warning.at', { position: w.position + 1 }) : '',
    where: w.term ? L.text('warning.lookup-limit.where', { term: w.term, domain: w.domain }) : '',
    reason: w.code === 'syntax' ? describeSyntax(w, L) : '',
  };
  return [L.text(key, values), L.has(`${key}.fix`) ? L.text(`${key}.fix`, values) : ''];
}

/** Why a record does not parse, in the reader's language (else the engine's English). */
export function describeSyntax(err, L) {
  if (!err) return '';
  const key = `syntax.${err.reason}`;
  return err.reason && L.has(key) ? L.text(key, err.args || {}) : err.message || '';
}

/** An error result (permerror, temperror) in one sentence. */
export function describeError(e, L) {
  if (e.code === 'syntax') {
    const values = { domain: e.domain, position: e.position + 1, reason: describeSyntax(e, L) };
    return L.text(e.domain ? 'error.syntax-in' : 'error.syntax', values);
  }
  const key = `error.${ERROR_TEXT[e.code] || e.code}`;
  return L.has(key) ? L.text(key, e) : e.message || e.code;
}
