/*
 * A redirect page (mkdocs-redirects writes one for each page that moved upstream) leads to its
 * canonical address, keeping the fragment the reader asked for. It replaces the page's inline
 * script, which the site's security policy would block (tools/sxs/site/security.py); without
 * script the page's meta refresh still leads there, without the fragment.
 */
(function () {
  "use strict";
  var link = document.querySelector('link[rel="canonical"]');
  if (!link) return;
  var target = new URL(link.href);
  if (location.hash) target.hash = location.hash;
  location.replace(target.href);
})();
