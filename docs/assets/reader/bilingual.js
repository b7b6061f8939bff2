// Bilingual reading: on an article page, the other language's text of every segment, in place
// (under each segment) or side by side (wide screens: one row per segment, a column per
// language). Each language's page is built from its own language only: its reader bar
// (overrides/partials/sxs/article-header.html) names the other language's page, which is
// fetched when the reader turns the aid on; segments.js pairs its segments with this page's.
// Two toggle buttons (aria-pressed), keyboard-operable like any button; the choice is kept in
// localStorage and applies to every article page until changed. Nothing on hover.

const KEY = "sxs.bilingual" // "off" | "inline" | "side"
const ARTICLE = "article.md-content__inner"
const HEADER = ".sxs-article-header" // the page's own notices and buttons: no segments of the article

function saved () {
  try { return localStorage.getItem(KEY) || "off" } catch { return "off" }
}
function save (mode) {
  try { localStorage.setItem(KEY, mode) } catch { /* storage refused: this page only */ }
}

class LoadError extends Error {}

// The segments of an article element, each with its element: {tag, html, ordinal, element}.
function segmentsOf (article, { segments, SEGMENT_TAGS, OPAQUE_TAGS }) {
  const opaque = [...OPAQUE_TAGS].join(",")
  const elements = [...article.querySelectorAll([...SEGMENT_TAGS].join(","))].filter(e => !e.closest(opaque))
  const found = segments(article.innerHTML).map(segment => ({ ...segment, element: elements[segment.ordinal] }))
  if (found.some(({ tag, element }) => element?.localName !== tag)) throw new LoadError("segments out of step")
  return found.filter(({ element }) => !element.closest(HEADER))
}

// The other language's page, as segments whose links and images resolve from this page.
async function fetchSegments (address, module) {
  const response = await fetch(address)
  if (!response.ok) throw new LoadError(`HTTP ${response.status}`)
  const page = new DOMParser().parseFromString(await response.text(), "text/html") // inert: loads nothing
  const article = page.querySelector(ARTICLE)
  if (!article) throw new LoadError("no article")
  article.querySelector(HEADER)?.remove()
  const isHere = id => document.getElementById(id) !== null
  for (const name of ["href", "src"]) {
    for (const element of article.querySelectorAll(`[${name}]`)) {
      element.setAttribute(name, module.rebase(element.getAttribute(name), response.url, isHere))
    }
  }
  for (const element of article.querySelectorAll("[id], [name]")) { // ids must stay unique once shown
    element.removeAttribute("id")
    element.removeAttribute("name")
  }
  return segmentsOf(article, module)
}

// Wrap a segment's own inline content and add the other language's text beside it.
function enrich (element, html, lang, dir, { BLOCK_TAGS, OPAQUE_TAGS }) {
  const own = document.createElement("span")
  own.className = "sxs-own"
  let node = element.firstChild
  while (node && !(node.nodeType === Node.ELEMENT_NODE &&
    (BLOCK_TAGS.has(node.localName) || OPAQUE_TAGS.has(node.localName) || node.classList.contains("headerlink")))) {
    const next = node.nextSibling
    own.append(node)
    node = next
  }
  const other = document.createElement("span")
  other.className = "sxs-alt"
  other.lang = lang
  other.dir = dir // an English line in a right-to-left page still reads left to right
  other.innerHTML = html
  const pair = document.createElement("span")
  pair.className = "sxs-seg"
  pair.append(own, other)
  element.insertBefore(pair, node)
}

export function mountReading (bar, article) {
  const address = new URL(bar.dataset.sxsOther, location.href)
  const lang = bar.dataset.sxsOtherLang
  const dir = bar.dataset.sxsOtherDir || "ltr"
  const status = bar.querySelector("[data-sxs-status]")
  let loading = null

  // Fetch, pair and add the other language's text, once; a failure lets the next click try again.
  const load = () => {
    loading ??= (async () => {
      if (address.origin !== location.origin) throw new LoadError("not this site")
      const module = await import("./segments.js")
      const theirs = await fetchSegments(address, module)
      const mine = segmentsOf(article, module)
      for (const [a, b] of module.pair(mine, theirs)) enrich(mine[a].element, theirs[b].html, lang, dir, module)
    })().catch(error => { loading = null; throw error })
    return loading
  }

  const render = mode => {
    article.classList.toggle("sxs-bilingual", mode !== "off")
    article.classList.toggle("sxs-sbs", mode === "side")
    for (const button of bar.querySelectorAll("[data-sxs-mode]")) {
      const pressed = button.dataset.sxsMode === "inline" ? mode !== "off" : mode === "side"
      button.setAttribute("aria-pressed", String(pressed))
    }
  }

  let shown = 0 // the latest choice, so that a slow load cannot undo a newer one
  const show = async mode => {
    const ticket = ++shown
    if (mode !== "off") {
      try {
        await load()
      } catch (error) { // the page stays as it was
        const reason = error instanceof LoadError ? error.message : bar.dataset.sxsOffline
        if (ticket === shown) status.textContent = `${bar.dataset.sxsFailed} (${reason})`
        return
      }
    }
    if (ticket !== shown) return
    status.textContent = ""
    render(mode)
  }

  bar.hidden = false
  bar.addEventListener("click", event => {
    const button = event.target.closest("[data-sxs-mode]")
    if (!button) return
    const pressed = button.getAttribute("aria-pressed") === "true"
    const mode = button.dataset.sxsMode
    const next = pressed ? (mode === "side" ? "inline" : "off") : mode
    save(next)
    show(next)
  })
  const mode = saved()
  if (mode !== "off") show(mode)
}

function mount () {
  const bar = document.querySelector("[data-sxs-reader]")
  const article = document.querySelector(ARTICLE)
  if (!bar || !article || bar.dataset.sxsMounted) return
  bar.dataset.sxsMounted = "1"
  mountReading(bar, article)
}

// Material's instant navigation swaps pages without running scripts again.
if (typeof window.document$?.subscribe === "function") window.document$.subscribe(mount)
else mount() // a module runs once the document is parsed
