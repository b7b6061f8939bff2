/* The home page's search field hands its words to the header's search box (the site's search,
   docs/assets/search/ui.js), which opens with its results; no search of its own. */
(function () {
  "use strict";

  function mount(form) {
    if (form.dataset.sxsMounted) return;
    form.dataset.sxsMounted = "1";
    var header = document.querySelector("form[data-sxs-search] input[name=query]");
    if (!header) return;
    form.hidden = false;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      header.value = form.querySelector("input").value;
      header.focus();
      header.dispatchEvent(new Event("input", { bubbles: true }));
    });
  }

  function mountAll() { document.querySelectorAll("form[data-sxs-home-search]").forEach(mount); }
  if (typeof document$ !== "undefined") document$.subscribe(mountAll); // Material's instant navigation
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mountAll);
  else mountAll();
})();
