// Warnings about a published policy, read off the evaluated record tree.
// Each is { code, severity: 'error'|'warning'|'info', domain, term?, position?, ... };
// i18n.js turns codes into the reader's language, with a suggested fix.

import { MAX_LOOKUP, MAX_VOID_LOOKUPS, MAX_TXT_STRING, MAX_RECORD_BYTES } from './limits.js';

/** Microsoft 365's outbound servers, the usual missing piece behind 5.7.23. */
export const M365_INCLUDE = 'spf.protection.outlook.com';

const bytes = (s) => new TextEncoder().encode(s).length;

/** Visit every record node, with the chain of redirects that made it the policy. */
function walk(node, visit, policy = true) {
  visit(node, policy);
  for (const t of node.terms || []) {
    if (t.child) walk(t.child, visit, policy && t.name === 'redirect');
  }
}

export function lint(r) {
  const out = [];
  const add = (code, severity, extra) => out.push({ code, severity, ...extra });
  const root = r.tree;
  const includes = new Map();
  let m365 = false;

  if (root.invalid) add('invalid-domain', 'error', { domain: root.domain });
  else if (root.noRecord) add('no-record', 'error', { domain: root.domain });

  walk(root, (node, policy) => {
    const domain = node.domain;
    if (node.records) add('multiple-records', 'error', { domain, count: node.records.length });
    if (node.error && node.error.code === 'syntax') {
      const { position, term, message, reason, args } = node.error;
      add('syntax', 'error', { domain, position, term, message, reason, args });
    }
    if (node !== root && node.noRecord) add('target-no-record', 'error', { domain });
    if (!node.record || (node.error && node.error.code === 'syntax')) return;
    const size = bytes(node.record);
    if (size > MAX_RECORD_BYTES) add('record-too-long', 'warning', { domain, size });
    else if (size > MAX_TXT_STRING) add('string-too-long', 'info', { domain, size });

    let allSeen = null;
    for (const t of node.terms) {
      if (allSeen && (t.kind === 'mechanism' || t.name === 'redirect')) {
        add('after-all', 'warning', { domain, term: t.text, position: t.position, all: allSeen.text });
      }
      if (t.kind === 'mechanism' && t.name === 'all') {
        allSeen ||= t;
        if (t.qualifier === '+') add('plus-all', 'error', { domain, term: t.text, position: t.position });
        if (t.qualifier === '?' && policy) add('neutral-all', 'warning', { domain, term: t.text, position: t.position });
      }
      if (t.name === 'ptr') add('ptr', 'warning', { domain, term: t.text, position: t.position });
      if (t.name === 'include' || t.name === 'redirect') {
        const target = (t.target || t.domainText || '').toLowerCase();
        // Only a reached term authorizes: an include after "all", a redirect beside "all" (§6.1) is never used.
        const reached = t.name === 'include' ? !allSeen : !node.hasAll;
        if (target === M365_INCLUDE && reached) m365 = true;
        if (t.name === 'include' && target) includes.set(target, (includes.get(target) || 0) + 1);
      }
      if (t.void) add('void-lookup', 'warning', { domain, term: t.text, position: t.position, target: t.target });
      if (t.loop) add('loop', 'error', { domain, term: t.text, position: t.position, target: t.target });
      if (t.overMxLimit) add('mx-limit', 'error', { domain, term: t.text, position: t.position });
      if (t.needsIp) add('needs-ip', 'info', { domain, term: t.text, position: t.position });
      // (the include's target node, visited next, reports its missing record: once is enough)
    }
    if (policy && !allSeen && !node.terms.some((t) => t.name === 'redirect')) {
      add('no-all', 'warning', { domain });
    }
  });

  for (const [target, n] of includes) if (n > 1) add('duplicate-include', 'warning', { target, count: n });

  const dns = r.lookups.dns;
  if (dns > MAX_LOOKUP) {
    const first = findTerm(root, (t) => t.overLimit);
    add('lookup-limit', 'error', { count: dns, domain: first && first.domain, term: first && first.term.text, position: first && first.term.position });
  }
  if (r.lookups.void > MAX_VOID_LOOKUPS) add('void-limit', 'error', { count: r.lookups.void });
  if (r.error && (r.error.code === 'dns-timeout' || r.error.code === 'dns-error')) {
    add(r.error.code, 'error', { domain: r.error.name, type: r.error.type, message: r.error.message });
  }
  if (root.record && !(root.error && root.error.code === 'syntax')) {
    if (m365) add('m365-ok', 'info', {});
    else if (r.analysis) add('m365-missing', 'warning', { domain: root.domain });
  }
  return out;
}

function findTerm(node, pred) {
  for (const t of node.terms || []) {
    if (pred(t)) return { domain: node.domain, term: t };
    if (t.child) {
      const hit = findTerm(t.child, pred);
      if (hit) return hit;
    }
  }
  return null;
}
