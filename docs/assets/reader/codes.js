/* Error-code finder on the home page: codes pasted by the reader are found here, in the
   browser, and matched against the list of codes the site's articles are about. Nothing is
   sent anywhere. Keep the patterns in step with tools/sxs/site/error_codes.py. */
(function () {
  "use strict";

  function escape(word) { return word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }

  /** The patterns, with the words that make a number a code (every locale file's, which the
      finder's element carries in data-words, longest first). */
  function patterns(words) {
    var word = "(?:" + words.map(escape).join("|") + ")";
    var named = "(?<![A-Za-z])" + word + "[ \\t]*:?[ \\t]*(?:code[ \\t]*:?[ \\t]*)?";
    var at = function (m) { return m.index + m[0].length - m[1].length; };
    return [
      { re: /(?<![A-Za-z0-9_.])(?:([245]\d\d)[ -])?([245]\.\d{1,3}\.\d{1,3})(?![A-Za-z0-9_.]*\d)/g,
        key: function (m) { return m[2]; } },
      { re: /(?<![A-Za-z0-9_])AADSTS(\d{4,7})(?![A-Za-z0-9_])/gi,
        key: function (m) { return "AADSTS" + m[1]; } },
      { re: /(?<![A-Za-z0-9_])0x([0-9a-f]{4,8})(?![A-Za-z0-9_])/gi,
        key: function (m) { return "0x" + m[1].toUpperCase(); } },
      { re: new RegExp(word + "[ \\t]*:?[ \\t]*(?:code[ \\t]*:?[ \\t]*)?(\\d{1,5}-\\d{1,5})(?![\\d-]|\\.\\d)", "gi"),
        key: function (m) { return m[1]; }, at: at },
      { re: new RegExp(named + "(\\d{3,10}(?:\\/\\d{3,10})*)(?![A-Za-z0-9_]|[.,:\\/-]\\d|[ -][245]\\.\\d)", "gi"),
        key: function (m) { return m[1].split("/"); }, at: at },
      { re: new RegExp(named + "0x([0-9a-f]{1,3})(?![A-Za-z0-9_])", "gi"),
        key: function (m) { return "0x" + m[1].toUpperCase(); }, at: at }
    ];
  }
  var PATTERNS = patterns(["error", "code"]);

  /** The code keys in a text, in order of appearance, each once. */
  function findCodes(text) {
    var found = [];
    PATTERNS.forEach(function (pattern) {
      var m;
      pattern.re.lastIndex = 0;
      while ((m = pattern.re.exec(text)) !== null) {
        var at = pattern.at ? pattern.at(m) : m.index;
        [].concat(pattern.key(m)).forEach(function (key) { found.push([at, key]); }); // "550/553": two codes
      }
    });
    found.sort(function (a, b) { return a[0] - b[0]; });
    var keys = [];
    found.forEach(function (f) { if (keys.indexOf(f[1]) < 0) keys.push(f[1]); });
    return keys;
  }

  function mount(root) {
    if (root.dataset.sxsMounted) return;
    root.dataset.sxsMounted = "1";
    try {
      PATTERNS = patterns(JSON.parse(root.getAttribute("data-words") || '["error", "code"]'));
    } catch (e) { /* keep the English words */ }
    var input = root.querySelector("textarea");
    var result = root.querySelector(".sxs-codes__result");
    var matches = root.querySelector(".sxs-codes__matches");
    var known = {};
    root.querySelectorAll(".sxs-codes__list > li[data-sxs-code]").forEach(function (li) {
      known[li.getAttribute("data-sxs-code")] = li;
    });
    function update() {
      var text = input.value;
      matches.textContent = "";
      if (!text.trim()) {
        result.textContent = "";
        matches.hidden = true;
        return;
      }
      var keys = findCodes(text).filter(function (k) { return known[k]; });
      keys.forEach(function (k) { matches.appendChild(known[k].cloneNode(true)); });
      matches.hidden = keys.length === 0;
      result.textContent = keys.length
        ? result.getAttribute("data-found").replace("{codes}", keys.join(", "))
        : result.getAttribute("data-none");
    }
    input.addEventListener("input", update);
    update();
  }

  function mountAll() { document.querySelectorAll("[data-sxs-codes]").forEach(mount); }
  window.sxsFindCodes = findCodes;
  if (typeof document$ !== "undefined") document$.subscribe(mountAll); // Material's instant navigation
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mountAll);
  else mountAll();
})();
