// The checker as the reader sees it: the only module that touches the DOM.
// Everything from DNS is set with text nodes (never innerHTML), so a TXT
// record holding markup renders as the characters it is.

import { checkHost, inspect, cachedResolver } from './index.js';
import { dohResolver } from './doh.js';
import { parseAddress } from './ip.js';
import { localize, resultName, resultMeaning, describeTerm, describeWarning, describeError, describeSyntax } from './i18n.js';
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

/**
 * The page's checker texts: the JSON the build puts beside the checker
 * (<div hidden data-sxs-texts="spf" data-texts="...">, tools/sxs/site/spf_texts.py),
 * `{ lang, texts }` in the page's language.
 */
export function pageTexts(doc = document) {
  const node = doc.querySelector('[data-sxs-texts="spf"]');
  let data = {};
  try { data = node ? JSON.parse(node.dataset.texts) : {}; } catch { /* no texts: keys show */ }
  return localize(data.texts, data.lang || doc.documentElement.lang);
}

/** Turn a checker placeholder (<div data-spf-checker>) into the checker. */
export function mount(root) {
  if (root.hasAttribute('data-spf-mounted')) return;
  root.setAttribute('data-spf-mounted', '');
  loadStyle();
  const L = pageTexts();
  const id = `sxs-spf-${++instances}`;
  const timeoutMs = Number(root.dataset.timeoutMs) || LOOKUP_TIMEOUT_MS;
  const deadlineMs = Number(root.dataset.deadlineMs) || CHECK_DEADLINE_MS;

  const domain = el('input', {
    id: `${id}-domain`, name: 'domain', type: 'text', inputmode: 'url', autocomplete: 'off',
    autocapitalize: 'off', spellcheck: 'false', placeholder: L.text('domain-hint'), required: true,
  });
  const ip = el('input', { id: `${id}-ip`, name: 'ip', type: 'text', autocomplete: 'off', spellcheck: 'false', placeholder: '192.0.2.10' });
  const sender = el('input', { id: `${id}-sender`, name: 'sender', type: 'text', autocomplete: 'off', spellcheck: 'false', placeholder: 'user@contoso.com' });
  const button = el('button', { type: 'submit', class: 'sxs-spf__check' }, L.text('check'));
  const form = el('form', { class: 'sxs-spf__form', 'aria-label': L.text('title'), novalidate: true },
    el('div', { class: 'sxs-spf__row' },
      el('label', { for: domain.id }, L.text('domain')), domain, button),
    el('details', { class: 'sxs-spf__more' },
      el('summary', {}, L.text('optional')),
      el('div', { class: 'sxs-spf__field' }, el('label', { for: ip.id }, L.text('ip')), ip),
      el('div', { class: 'sxs-spf__field' }, el('label', { for: sender.id }, L.text('sender')), sender)));
  const region = el('section', { class: 'sxs-spf__result', role: 'region', 'aria-label': L.text('region'), 'aria-live': 'polite' });
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
    if (!d) { region.replaceChildren(el('p', { class: 'sxs-spf__error' }, L.text('need-domain'))); domain.focus(); return; }
    if (addr && !parseAddress(addr)) { region.replaceChildren(el('p', { class: 'sxs-spf__error' }, L.text('bad-ip', { ip: addr }))); return; }
    const urls = resolverUrls();
    if (!urls.length) { region.replaceChildren(el('p', { class: 'sxs-spf__error' }, L.text('no-resolver'))); return; }
    region.setAttribute('aria-busy', 'true');
    region.replaceChildren(el('p', { class: 'sxs-spf__status' }, L.text('checking', { domain: d })));
    button.disabled = true;
    const resolver = cachedResolver(dohResolver({ urls, fetch: (...a) => fetch(...a), timeoutMs }));
    try {
      const [full, verdict] = await Promise.all([
        inspect(d, { resolver, deadlineMs }),
        addr ? checkHost({ ip: addr, domain: d, sender: from || undefined, helo: d }, { resolver, deadlineMs }) : null,
      ]);
      if (mine !== run) return;
      region.replaceChildren(...render({ L, d, addr, full, verdict }));
    } catch (e) {
      if (mine !== run) return;
      region.replaceChildren(el('p', { class: 'sxs-spf__error' }, L.text('dns-failed', { message: (e && e.message) || e })));
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

function resultBadge(result, L) {
  return el('p', { class: `sxs-spf__verdict sxs-spf__verdict--${result}` },
    el('strong', { class: 'sxs-spf__badge', 'data-result': result }, resultName(result, L)), ' ', resultMeaning(result, L));
}

function render({ L, d, addr, full, verdict }) {
  const out = [];
  if (verdict) {
    const v = [el('h3', {}, L.text('verdict')), el('p', {}, L.text('verdict-for', { ip: addr, domain: d })), resultBadge(verdict.result, L)];
    if (verdict.mechanism) v.push(el('p', { class: 'sxs-spf__decided' }, L.text('decided-by', { term: verdict.mechanism.text, domain: verdict.mechanism.domain })));
    else if (['neutral', 'pass', 'fail', 'softfail'].includes(verdict.result)) v.push(el('p', {}, L.text('decided-default')));
    if (verdict.error) v.push(errorDetail(verdict.error, L));
    if (verdict.explanation !== undefined) v.push(el('p', {}, L.text('explanation'), el('q', {}, verdict.explanation)));
    out.push(el('div', { class: 'sxs-spf__section', 'data-part': 'verdict' }, v));
  } else {
    const parts = [resultBadge(full.result, L)];
    if (full.tree.record && !full.error) parts[0] = el('p', { 'data-part': 'unlisted' }, L.text('unlisted', { result: resultName(full.result, L) }));
    if (full.error) parts.push(errorDetail(full.error, L));
    out.push(el('div', { class: 'sxs-spf__section', 'data-part': 'summary', 'data-result': full.result }, parts));
  }
  out.push(meters(full, L));
  out.push(warnings(full.warnings, L));
  out.push(recordSection(full.tree, L));
  if (full.tree.record) {
    out.push(el('div', { class: 'sxs-spf__section', 'data-part': 'tree' },
      el('h3', {}, L.text('tree')), el('ul', { class: 'sxs-spf__tree' }, treeNode(full.tree, L))));
  }
  return out;
}

/** An error result in the reader's language; a resolver's own words stay beside it, verbatim. */
function errorDetail(e, L) {
  const p = el('p', { class: 'sxs-spf__detail' }, describeError(e, L));
  if (e.code === 'dns-timeout' || e.code === 'dns-error') p.append(' ', el('code', {}, e.message));
  return p;
}

function meters(full, L) {
  const row = (label, n, max, part) => el('div', { class: 'sxs-spf__meter', 'data-part': part },
    el('span', { class: 'sxs-spf__meter-label' }, label),
    el('meter', { min: 0, max: Math.max(max, n), value: n, low: max * 0.7, high: max, optimum: 0, 'aria-label': `${label} ${L.text('meter', { count: n, max })}` }),
    el('span', { class: n > max ? 'sxs-spf__over' : '' }, L.text('meter', { count: n, max })));
  return el('div', { class: 'sxs-spf__section sxs-spf__meters' },
    row(L.text('lookups'), full.lookups.dns, MAX_LOOKUP, 'lookups'),
    row(L.text('voids'), full.lookups.void, MAX_VOID_LOOKUPS, 'voids'));
}

function warnings(list, L) {
  const items = list.map((w) => {
    const [msg, fix] = describeWarning(w, L);
    return el('li', { class: `sxs-spf__warning sxs-spf__warning--${w.severity}`, 'data-code': w.code },
      el('strong', {}, L.text(`severity.${w.severity}`)), msg,
      fix ? el('span', { class: 'sxs-spf__fix' }, el('br'), L.text('fix', { fix })) : null);
  });
  return el('div', { class: 'sxs-spf__section', 'data-part': 'warnings' },
    el('h3', {}, L.text('warnings')), items.length ? el('ul', {}, items) : el('p', {}, L.text('no-warnings')));
}

function recordSection(node, L) {
  const parts = [el('h3', {}, L.text('record'))];
  if (node.records) {
    parts.push(el('ul', {}, node.records.map((r) => el('li', {}, el('code', { class: 'sxs-spf__record' }, r)))));
  } else if (!node.record) {
    parts.push(el('p', {}, L.text('no-record-shown')));
  } else {
    const err = node.error && node.error.code === 'syntax' ? node.error : null;
    parts.push(el('pre', { class: 'sxs-spf__pre' }, el('code', { class: 'sxs-spf__record' }, markError(node.record, err))));
    if (err) parts.push(el('p', { class: 'sxs-spf__error' }, L.text('syntax-at', { position: err.position + 1, reason: describeSyntax(err, L) })));
    if (node.terms.length) {
      parts.push(el('table', { class: 'sxs-spf__terms' },
        el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, L.text('column.term')), el('th', { scope: 'col' }, L.text('column.meaning')))),
        el('tbody', {}, node.terms.map((t) => el('tr', {}, el('td', {}, el('code', {}, t.text)), el('td', {}, describeTerm(t, L)))))));
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

function treeNode(node, L) {
  const head = [el('code', { class: 'sxs-spf__domain' }, node.domain), ' ',
    el('span', { class: 'sxs-spf__count' }, L.count('branch-lookups', node.lookups))];
  if (node.result) head.push(' ', el('span', { class: 'sxs-spf__result-name', 'data-result': node.result }, resultName(node.result, L)));
  const kids = [];
  if (node.record) kids.push(el('li', { class: 'sxs-spf__rec' }, el('code', {}, node.record)));
  if (node.error && node.error.code !== 'syntax') kids.push(el('li', { class: 'sxs-spf__error' }, errorDetail(node.error, L)));
  for (const t of node.terms || []) {
    if (!t.lookup && !t.child) continue;
    const line = [el('code', {}, t.text)];
    if (t.lookupIndex) line.push(' ', el('span', { class: 'sxs-spf__count' }, `#${t.lookupIndex}`));
    if (t.void) line.push(' ', el('span', { class: 'sxs-spf__tag' }, L.text('void-mark')));
    if (t.loop) line.push(' ', el('span', { class: 'sxs-spf__tag' }, L.text('loop-mark')));
    if (!t.evaluated) line.push(' ', el('span', { class: 'sxs-spf__muted' }, L.text('not-evaluated')));
    if (t.overLimit && t.lookupIndex === MAX_LOOKUP + 1) line.push(' ', el('strong', { class: 'sxs-spf__over', 'data-part': 'limit-crossed' }, L.text('over-limit')));
    if (t.overVoidLimit) line.push(' ', el('strong', { class: 'sxs-spf__over' }, L.text('over-void')));
    if (t.child) line.push(el('ul', {}, treeNode(t.child, L)));
    kids.push(el('li', {}, line));
  }
  return el('li', { 'data-domain': node.domain }, head, kids.length ? el('ul', {}, kids) : null);
}
