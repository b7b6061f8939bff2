// The header search box (overrides/partials/search.html): loads this language's table of pages,
// and the engine, when the reader starts to search, and the postings each query needs as they
// type (engine.js); shows the best pages, matched words marked.

const LIMIT = 10

function marked (text, terms, highlight) {
  const fragment = document.createDocumentFragment()
  let at = 0
  for (const [start, end] of highlight(text, terms)) {
    fragment.append(text.slice(at, start))
    const mark = document.createElement("mark")
    mark.textContent = text.slice(start, end)
    fragment.append(mark)
    at = end
  }
  fragment.append(text.slice(at))
  return fragment
}

function resultItem ({ doc, terms }, root, highlight) {
  const item = document.createElement("li")
  item.className = "md-search-result__item"
  const link = document.createElement("a")
  link.className = "md-search-result__link"
  link.href = new URL(doc.url, root).href
  const article = document.createElement("article")
  article.className = "md-search-result__article md-typeset"
  const title = document.createElement("h2")
  title.className = "sxs-search__title"
  title.append(marked(doc.title, terms, highlight))
  const summary = document.createElement("p")
  summary.className = "sxs-search__summary"
  summary.append(marked(doc.summary, terms, highlight))
  article.append(title, summary)
  link.append(article)
  item.append(link)
  return item
}

async function fetchJson (address) {
  const response = await fetch(address)
  if (!response.ok) throw new Error(`${response.status} ${response.url}`)
  return response.json()
}

export function mountSearch (form) {
  const input = form.querySelector("input")
  const list = document.getElementById(input.getAttribute("aria-controls"))
  const meta = form.parentElement.querySelector("[data-sxs-search-meta]")
  const toggle = document.getElementById("__search")
  const address = new URL(form.dataset.index, location.href)
  const root = new URL("../../../", address) // the table is <site root>/assets/search/<language>/docs.json
  const messages = form.dataset
  let loading = null

  // The engine's own imports are asked for at once too, not one round trip after another.
  const load = () => {
    // The scripts' modules the table names (its "tokenizer") follow it.
    loading ??= Promise.all([fetchJson(address), import("./engine.js"), import("./highlight.js"),
      import("./tokenize.js")])
      .then(async ([data, { SearchIndex }, { highlight }]) => {
        const index = await SearchIndex.open(data, number => fetchJson(new URL(data.files[number], address)))
        return { index, highlight: (text, terms) => highlight(text, terms, index.tokenizer) }
      })
      .catch(error => { loading = null; throw error }) // the next keystroke tries again
    return loading
  }

  // Material's styles only clip the closed results: hide them, out of the keyboard's way too.
  const open = () => {
    if (toggle) toggle.checked = true
    list.hidden = false
    load().catch(error => { meta.textContent = `${messages.failed} (${error.message})` })
  }
  const close = () => {
    if (toggle) toggle.checked = false
    list.hidden = true
    if (form.parentElement.contains(document.activeElement)) document.activeElement.blur()
  }

  const links = () => [...list.querySelectorAll("a")]
  let shown = 0 // the query a rendering belongs to, so that a slow first load cannot overwrite a newer one
  const render = async () => {
    const query = input.value
    const ticket = ++shown
    if (!query.trim()) {
      list.replaceChildren()
      meta.textContent = messages.placeholder
      return
    }
    let index, highlight, results
    try {
      ({ index, highlight } = await load())
      results = await index.search(query, LIMIT)
    } catch (error) {
      if (ticket === shown) meta.textContent = `${messages.failed} (${error.message})`
      return
    }
    if (ticket !== shown) return // a newer query's results are on their way, or shown
    // A reader who already went down into the results stays at the same place in the new ones.
    const focused = links().indexOf(document.activeElement)
    list.replaceChildren(...results.map(result => resultItem(result, root, highlight)))
    if (focused >= 0) (links()[Math.min(focused, results.length - 1)] ?? input).focus()
    meta.textContent = results.length === 0 ? messages.none
      : results.length === 1 ? messages.one : messages.other.replace("#", String(results.length))
  }

  input.addEventListener("focus", open)
  input.addEventListener("input", render)
  form.addEventListener("submit", event => {
    event.preventDefault()
    links()[0]?.click()
  })
  form.addEventListener("reset", () => {
    setTimeout(() => { render(); input.focus() })
  })
  toggle?.addEventListener("change", () => {
    if (toggle.checked) input.focus()
    else close()
  })
  form.parentElement.addEventListener("keydown", event => {
    const all = links()
    const at = all.indexOf(document.activeElement)
    if (event.key === "Escape") {
      close()
    } else if ((event.key === "ArrowDown" || event.key === "ArrowUp") && all.length > 0) {
      event.preventDefault()
      const next = event.key === "ArrowDown" ? Math.min(at + 1, all.length - 1) : at - 1
      if (next < 0) input.focus()
      else all[next].focus()
    }
  })
  // "/" or "s" anywhere else opens the search, as in Material's own search.
  document.addEventListener("keydown", event => {
    const target = event.target
    const typing = target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
    if (!typing && !event.ctrlKey && !event.metaKey && !event.altKey && (event.key === "/" || event.key === "s")) {
      event.preventDefault()
      input.focus()
    }
  })
}

const form = document.querySelector("form[data-sxs-search]")
if (form) mountSearch(form)
