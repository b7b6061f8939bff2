// The checker as the reader sees it: the only module that touches the DOM.
// Everything from DNS is set with text nodes (never innerHTML), so a TXT
// record holding markup renders as the characters it is.

import { checkHost, inspect, cachedResolver } from './index.js';
import { dohResolver } from './doh.js';
import { parseAddress } from './ip.js';
import { STRINGS, RESULTS, describeTerm, describeWarning, describeError, describeSyntax, pickLang } from './i18n.js';
import { MAX_LOOKUP, MAX_VOID_LOOKUPS, LOOKUP_TIMEOUT_MS, CHECK_DEADLINE_MS } from './limits.js';

let instances = 0;

/** Build an element; string children become text nodes. */
function el(tag, attrs, ...kids) {
  const n = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') n.className = v;
    else n.setAttribute(k, v === true ? '' : String(v));
  }
  for (const k of kids.flat(Infinity)) {
    if (k === undefined || k === null || k === false) continue;
    n.append(k instanceof Node ? k : document.createTextNode(String(k)));
  }
  return n;
}

function loadStyle() {
  const href = new URL('./spf.css', import.meta.url).href;
  if (document.querySelector(`link[data-spf-css]`)) return;
  document.head.append(el('link', { rel: 'stylesheet', href, 'data-spf-css': true }));
}

/** The DoH endpoints the site was built with (mkdocs.yml extra.doh, SXS_DOH_URL). */
export function resolverUrls(doc = document) {
  const meta = doc.querySelector('meta[name="sxs-doh"]');
  return (meta ? meta.getAttribute('content') || '' : '').split(/\s+/).filter(Boolean);
}

/** Turn a checker placeholder (<div data-spf-checker>) into the checker. */
export function mount(root) {
  if (root.hasAttribute('data-spf-mounted')) return;
  root.setAttribute('data-spf-mounted', '');
  loadStyle();
  const lang = pickLang(document.documentElement.lang);
  const S = STRINGS[lang];
  const id = `sxs-spf-${++instances}`;
  const timeoutMs = Number(root.dataset.timeoutMs) || LOOKUP_TIMEOUT_MS;
  const deadlineMs = Number(root.dataset.deadlineMs) || CHECK_DEADLINE_MS;

  const domain = el('input', {
    id: `${id}-domain`, name: 'domain', type: 'text', inputmode: 'url', autocomplete: 'off',
    autocapitalize: 'off', spellcheck: 'false', placeholder: S.domainHint, required: true,
  });
  const ip = el('input', { id: `${id}-ip`, name: 'ip', type: 'text', autocomplete: 'off', spellcheck: 'false', placeholder: '192.0.2.10' });
  const sender = el('input', { id: `${id}-sender`, name: 'sender', type: 'text', autocomplete: 'off', spellcheck: 'false', placeholder: `user@${lang === 'ko' ? 'contoso.com' : 'contoso.com'}` });
  const button = el('button', { type: 'submit', class: 'sxs-spf__check' }, S.check);
  const form = el('form', { class: 'sxs-spf__form', 'aria-label': S.title, novalidate: true },
    el('div', { class: 'sxs-spf__row' },
      el('label', { for: domain.id }, S.domain), domain, button),
    el('details', { class: 'sxs-spf__more' },
      el('summary', {}, S.optional),
      el('div', { class: 'sxs-spf__field' }, el('label', { for: ip.id }, S.ip), ip),
      el('div', { class: 'sxs-spf__field' }, el('label', { for: sender.id }, S.sender), sender)));
  const region = el('section', { class: 'sxs-spf__result', role: 'region', 'aria-label': S.region, 'aria-live': 'polite' });
  root.replaceChildren(el('div', { class: 'sxs-spf' }, form, region));

  const params = new URLSearchParams(location.search);
  domain.value = params.get('domain') || '';
  ip.value = params.get('ip') || '';
  sender.value = params.get('sender') || '';
  if (ip.value || sender.value) form.querySelector('details').open = true;

  let run = 0;
  async function check() {
    const mine = ++run;
    const d = normalizeDomain(domain.value);
    const addr = ip.value.trim();
    const from = sender.value.trim();
    syncUrl(d, addr, from);
    if (!d) { region.replaceChildren(el('p', { class: 'sxs-spf__error' }, S.needDomain)); domain.focus(); return; }
    if (addr && !parseAddress(addr)) { region.replaceChildren(el('p', { class: 'sxs-spf__error' }, S.badIp(addr))); return; }
    const urls = resolverUrls();
    if (!urls.length) { region.replaceChildren(el('p', { class: 'sxs-spf__error' }, S.noResolver)); return; }
    region.setAttribute('aria-busy', 'true');
    region.replaceChildren(el('p', { class: 'sxs-spf__status' }, S.checking(d)));
    button.disabled = true;
    const resolver = cachedResolver(dohResolver({ urls, fetch: (...a) => fetch(...a), timeoutMs }));
    const started = performance.now();
    try {
      const [full, verdict] = await Promise.all([
        inspect(d, { resolver, deadlineMs }),
        addr ? checkHost({ ip: addr, domain: d, sender: from || undefined, helo: d }, { resolver, deadlineMs }) : null,
      ]);
      if (mine !== run) return;
      region.replaceChildren(...render({ lang, d, addr, full, verdict, ms: performance.now() - started }));
    } catch (e) {
      if (mine !== run) return;
      region.replaceChildren(el('p', { class: 'sxs-spf__error' }, `${S.dnsFailed}: ${(e && e.message) || e}`));
    } finally {
      if (mine === run) { region.removeAttribute('aria-busy'); button.disabled = false; }
    }
  }

  form.addEventListener('submit', (ev) => { ev.preventDefault(); check(); });
  // A shared link (?domain=...) opens on its result: following it is the reader asking.
  if (domain.value) check();
}

/**
 * What a reader types or pastes, as a DNS name: a URL or an address is cut
 * down to its domain, and an internationalized name (한국.kr) becomes its
 * A-label (xn--3e0b707e.kr) through the URL parser, the browser's IDNA.
 */
export function normalizeDomain(input) {
  let d = String(input || '').trim();
  if (d.includes('://')) { try { d = new URL(d).hostname; } catch { /* keep as typed */ } }
  if (d.includes('@')) d = d.slice(d.lastIndexOf('@') + 1);
  d = d.replace(/\.$/, '');
  if (/[^\x00-\x7f]/.test(d)) { try { d = new URL(`http://${d}/`).hostname; } catch { /* keep as typed */ } }
  return d;
}

function syncUrl(d, ip, sender) {
  const url = new URL(location.href);
  for (const [k, v] of [['domain', d], ['ip', ip], ['sender', sender]]) {
    if (v) url.searchParams.set(k, v); else url.searchParams.delete(k);
  }
  history.replaceState(history.state, '', url);
}

function resultBadge(result, lang) {
  const [name, text] = RESULTS[lang][result];
  return el('p', { class: `sxs-spf__verdict sxs-spf__verdict--${result}` },
    el('strong', { class: 'sxs-spf__badge', 'data-result': result }, name), ' ', text);
}

function render({ lang, d, addr, full, verdict }) {
  const S = STRINGS[lang];
  const out = [];
  if (verdict) {
    const v = [el('h3', {}, S.verdict), el('p', {}, S.verdictFor(addr, d)), resultBadge(verdict.result, lang)];
    if (verdict.mechanism) v.push(el('p', { class: 'sxs-spf__decided' }, S.decidedBy(verdict.mechanism.text, verdict.mechanism.domain)));
    else if (['neutral', 'pass', 'fail', 'softfail'].includes(verdict.result)) v.push(el('p', {}, S.decidedDefault));
    if (verdict.error) v.push(errorDetail(verdict.error, lang));
    if (verdict.explanation !== undefined) v.push(el('p', {}, `${S.explanation}: `, el('q', {}, verdict.explanation)));
    out.push(el('div', { class: 'sxs-spf__section', 'data-part': 'verdict' }, v));
  } else {
    const parts = [resultBadge(full.result, lang)];
    if (full.tree.record && !full.error) parts[0] = el('p', { 'data-part': 'unlisted' }, S.unlisted(RESULTS[lang][full.result][0]));
    if (full.error) parts.push(errorDetail(full.error, lang));
    out.push(el('div', { class: 'sxs-spf__section', 'data-part': 'summary', 'data-result': full.result }, parts));
  }
  out.push(meters(full, S));
  out.push(warnings(full.warnings, lang, S));
  out.push(recordSection(full.tree, lang, S));
  if (full.tree.record) {
    out.push(el('div', { class: 'sxs-spf__section', 'data-part': 'tree' },
      el('h3', {}, S.tree), el('ul', { class: 'sxs-spf__tree' }, treeNode(full.tree, S, lang))));
  }
  return out;
}

/** An error result in the reader's language; a resolver's own words stay beside it, verbatim. */
function errorDetail(e, lang) {
  const p = el('p', { class: 'sxs-spf__detail' }, describeError(e, lang));
  if (e.code === 'dns-timeout' || e.code === 'dns-error') p.append(' ', el('code', {}, e.message));
  return p;
}

function meters(full, S) {
  const row = (label, n, max, part) => el('div', { class: 'sxs-spf__meter', 'data-part': part },
    el('span', { class: 'sxs-spf__meter-label' }, label),
    el('meter', { min: 0, max: Math.max(max, n), value: n, low: max * 0.7, high: max, optimum: 0, 'aria-label': `${label} ${S.meterText(n, max)}` }),
    el('span', { class: n > max ? 'sxs-spf__over' : '' }, S.meterText(n, max)));
  return el('div', { class: 'sxs-spf__section sxs-spf__meters' },
    row(S.lookups, full.lookups.dns, MAX_LOOKUP, 'lookups'),
    row(S.voids, full.lookups.void, MAX_VOID_LOOKUPS, 'voids'));
}

function warnings(list, lang, S) {
  const items = list.map((w) => {
    const [msg, fix] = describeWarning(w, lang);
    return el('li', { class: `sxs-spf__warning sxs-spf__warning--${w.severity}`, 'data-code': w.code },
      el('strong', {}, `${S.severity[w.severity]}: `), msg,
      fix ? el('span', { class: 'sxs-spf__fix' }, el('br'), S.fix, fix) : null);
  });
  return el('div', { class: 'sxs-spf__section', 'data-part': 'warnings' },
    el('h3', {}, S.warnings), items.length ? el('ul', {}, items) : el('p', {}, S.noWarnings));
}

function recordSection(node, lang, S) {
  const parts = [el('h3', {}, S.record)];
  if (node.records) {
    parts.push(el('ul', {}, node.records.map((r) => el('li', {}, el('code', { class: 'sxs-spf__record' }, r)))));
  } else if (!node.record) {
    parts.push(el('p', {}, S.noRecordShown));
  } else {
    const err = node.error && node.error.code === 'syntax' ? node.error : null;
    parts.push(el('pre', { class: 'sxs-spf__pre' }, el('code', { class: 'sxs-spf__record' }, markError(node.record, err))));
    if (err) parts.push(el('p', { class: 'sxs-spf__error' }, `${S.position(err.position)}: ${describeSyntax(err, lang)}`));
    if (node.terms.length) {
      parts.push(el('table', { class: 'sxs-spf__terms' },
        el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, S.term), el('th', { scope: 'col' }, S.meaning))),
        el('tbody', {}, node.terms.map((t) => el('tr', {}, el('td', {}, el('code', {}, t.text)), el('td', {}, describeTerm(t, lang)))))));
    }
  }
  return el('div', { class: 'sxs-spf__section', 'data-part': 'record' }, parts);
}

/** The record with the erroneous term highlighted from the error position on. */
function markError(record, err) {
  if (!err || err.position === undefined) return [record];
  const start = err.position;
  let end = record.indexOf(' ', start);
  if (end < 0) end = record.length;
  return [record.slice(0, start), el('mark', {}, record.slice(start, end) || ' '), record.slice(end)];
}

function treeNode(node, S, lang) {
  const head = [el('code', { class: 'sxs-spf__domain' }, node.domain), ' ',
    el('span', { class: 'sxs-spf__count' }, S.branchLookups(node.lookups))];
  if (node.result) head.push(' ', el('span', { class: 'sxs-spf__result-name', 'data-result': node.result }, RESULTS[lang][node.result][0]));
  const kids = [];
  if (node.record) kids.push(el('li', { class: 'sxs-spf__rec' }, el('code', {}, node.record)));
  if (node.error && node.error.code !== 'syntax') kids.push(el('li', { class: 'sxs-spf__error' }, errorDetail(node.error, lang)));
  for (const t of node.terms || []) {
    if (!t.lookup && !t.child) continue;
    const line = [el('code', {}, t.text)];
    if (t.lookupIndex) line.push(' ', el('span', { class: 'sxs-spf__count' }, `#${t.lookupIndex}`));
    if (t.void) line.push(' ', el('span', { class: 'sxs-spf__tag' }, S.voidMark));
    if (t.loop) line.push(' ', el('span', { class: 'sxs-spf__tag' }, S.loopMark));
    if (!t.evaluated) line.push(' ', el('span', { class: 'sxs-spf__muted' }, S.notEvaluated));
    if (t.overLimit && t.lookupIndex === MAX_LOOKUP + 1) line.push(' ', el('strong', { class: 'sxs-spf__over', 'data-part': 'limit-crossed' }, S.overLimit));
    if (t.overVoidLimit) line.push(' ', el('strong', { class: 'sxs-spf__over' }, S.overVoid));
    if (t.child) line.push(el('ul', {}, treeNode(t.child, S, lang)));
    kids.push(el('li', {}, line));
  }
  return el('li', { 'data-domain': node.domain }, head, kids.length ? el('ul', {}, kids) : null);
}
