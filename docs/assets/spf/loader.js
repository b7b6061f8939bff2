// Tiny loader on every page: the checker's code is fetched only on pages
// holding a checker (<div data-spf-checker></div>), so other pages stay light.
// Material's instant navigation swaps pages without reloading scripts, so the
// check also runs on each `document$` emission when that feature is on.

const SELECTOR = '[data-spf-checker]:not([data-spf-mounted])';

function boot() {
  const nodes = document.querySelectorAll(SELECTOR);
  if (nodes.length === 0) return;
  import('./widget.js').then(({ mount }) => nodes.forEach((n) => mount(n)));
}

if (window.document$ && typeof window.document$.subscribe === 'function') window.document$.subscribe(boot);
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot);
else boot();
