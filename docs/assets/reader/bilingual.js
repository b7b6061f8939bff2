/* Bilingual reading: on an article page, show the other language's text of every segment,
   in place (under each segment) or side by side (wide screens: one row per segment, a
   column per language). The text comes from <template id="sxs-alt"> (written at build
   time by tools/sxs/site/bilingual.py); segments carry data-sxs-seg="N".
   Two toggle buttons (aria-pressed), keyboard-operable like any button; the choice is kept
   in localStorage and applies to every article page until changed. Nothing on hover. */
(function () {
  "use strict";

  var KEY = "sxs.bilingual"; // "off" | "inline" | "side"
  var BLOCKS = /^(UL|OL|DL|TABLE|BLOCKQUOTE|DIV|PRE|DETAILS|FIGURE|P)$/;

  function load() {
    try { return localStorage.getItem(KEY) || "off"; } catch (e) { return "off"; }
  }
  function save(mode) {
    try { localStorage.setItem(KEY, mode); } catch (e) { /* private mode: this page only */ }
  }

  /** Wrap a segment's own inline content and add the other language's text beside it. */
  function enrich(segment, alt, lang) {
    var own = document.createElement("span");
    own.className = "sxs-own";
    var node = segment.firstChild;
    while (node) {
      var next = node.nextSibling;
      var isBlock = node.nodeType === 1 && BLOCKS.test(node.nodeName);
      var isPermalink = node.nodeType === 1 && node.classList.contains("headerlink");
      if (isBlock || isPermalink) break;
      own.appendChild(node);
      node = next;
    }
    var other = document.createElement("span");
    other.className = "sxs-alt";
    other.lang = lang;
    other.innerHTML = alt.innerHTML;
    var pair = document.createElement("span");
    pair.className = "sxs-seg";
    pair.appendChild(own);
    pair.appendChild(other);
    segment.insertBefore(pair, node);
  }

  function apply(root, mode) {
    var template = document.getElementById("sxs-alt");
    if (mode !== "off" && template && !root.dataset.sxsEnriched) {
      root.dataset.sxsEnriched = "1";
      var lang = template.getAttribute("data-lang");
      var alts = template.content;
      root.querySelectorAll("[data-sxs-seg]").forEach(function (segment) {
        var alt = alts.querySelector('[data-sxs-alt="' + segment.getAttribute("data-sxs-seg") + '"]');
        if (alt) enrich(segment, alt, lang);
      });
    }
    root.classList.toggle("sxs-bilingual", mode !== "off");
    root.classList.toggle("sxs-sbs", mode === "side");
    document.querySelectorAll("[data-sxs-mode]").forEach(function (button) {
      var pressed = button.getAttribute("data-sxs-mode") === "inline" ? mode !== "off" : mode === "side";
      button.setAttribute("aria-pressed", String(pressed));
    });
  }

  function mount() {
    var bar = document.querySelector("[data-sxs-reader]");
    var root = document.querySelector("article.md-content__inner");
    if (!bar || !root || !document.getElementById("sxs-alt") || bar.dataset.sxsMounted) return;
    bar.dataset.sxsMounted = "1";
    bar.hidden = false;
    bar.addEventListener("click", function (event) {
      var button = event.target.closest("[data-sxs-mode]");
      if (!button) return;
      var pressed = button.getAttribute("aria-pressed") === "true";
      var mode = button.getAttribute("data-sxs-mode");
      var next = pressed ? (mode === "side" ? "inline" : "off") : mode;
      save(next);
      apply(root, next);
    });
    apply(root, load());
  }

  if (typeof document$ !== "undefined") document$.subscribe(mount); // Material's instant navigation
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mount);
  else mount();
})();
