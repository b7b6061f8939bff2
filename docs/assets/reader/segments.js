// The segments of an article's HTML, and the pairing of one language's segments with the
// other's, for the bilingual reading (bilingual.js). No DOM here: node runs it in tests/js/.
//
// A segment is the text a block element holds directly: a paragraph, a heading (without its
// permalink), a list item or table cell up to its first nested block. The two language files of
// an article are line-aligned, so the same Markdown renders both into the same sequence of
// blocks: pairing goes by position, and where a translation changed the structure, by the
// longest common subsequence of the segments' signatures. The HTML is what a browser's
// serializer writes (innerHTML), regular enough for a tag scanner.

export const SEGMENT_TAGS = new Set(["p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th", "dt", "dd",
  "figcaption", "summary"])
export const BLOCK_TAGS = new Set([...SEGMENT_TAGS, "ul", "ol", "dl", "table", "thead", "tbody", "tr", "blockquote",
  "div", "pre", "details", "figure", "hr", "section", "form", "textarea"])
export const OPAQUE_TAGS = new Set(["pre", "script", "style", "textarea", "svg", "template", "noscript"]) // no segments inside

// A comment, or a tag (a quoted attribute value may hold ">").
const TAG = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b(?:[^>"']|"[^"]*"|'[^']*')*>/g
const PERMALINK = /<a class="headerlink"[^>]*>[\s\S]*?<\/a>/g
const MARKUP = /<[^>]+>/g
const OPENING = /<([a-zA-Z][a-zA-Z0-9]*)\b/g
const CODE = /<code>([\s\S]*?)<\/code>/g

// The segments of `html`, in document order: {tag, html, ordinal}, `ordinal` being the element's
// rank among the elements of SEGMENT_TAGS outside OPAQUE_TAGS, as querySelectorAll would list
// them (segments without text are left out, so ordinals can skip).
export function segments (html) {
  const found = []
  let open = null // {tag, ordinal, start}
  let opaque = 0
  let ordinal = 0
  for (const match of html.matchAll(TAG)) {
    if (match[2] === undefined) continue // a comment
    const closing = match[1] === "/"
    const name = match[2].toLowerCase()
    const isOpaque = OPAQUE_TAGS.has(name)
    if (isOpaque) opaque += closing ? -1 : 1
    if (opaque && !(isOpaque && !closing)) continue
    if (open && (BLOCK_TAGS.has(name) || isOpaque)) {
      const inner = html.slice(open.start, match.index).replace(PERMALINK, "").trim()
      found.push({ tag: open.tag, html: inner, ordinal: open.ordinal })
      open = null
    }
    if (!closing && SEGMENT_TAGS.has(name) && !opaque) {
      open = { tag: name, ordinal: ordinal++, start: match.index + match[0].length }
    }
  }
  return found.filter(segment => text(segment) !== "")
}

// What a reader reads: the segment without markup, its spaces collapsed.
export function text (segment) {
  return segment.html.replace(MARKUP, " ").split(/\s+/).filter(Boolean).join(" ")
}

// What a translation keeps: the block's tag, its inline tags and its code spans.
export function signature (segment) {
  const inline = [...segment.html.matchAll(OPENING)].map(m => m[1].toLowerCase())
  const code = [...segment.html.matchAll(CODE)].map(m => m[1])
  return [segment.tag, ...inline, ...code]
}

// [index in mine, index in theirs] of the segments that translate each other and differ.
export function pair (mine, theirs) {
  const sameBlocks = mine.length === theirs.length && mine.every((segment, i) => segment.tag === theirs[i].tag)
  const candidates = sameBlocks
    ? mine.map((_, i) => [i, i])
    : commonSubsequence(mine.map(key), theirs.map(key)) // a translation changed the structure
  return candidates.filter(([a, b]) => text(mine[a]) !== text(theirs[b]))
}

function key (segment) {
  return signature(segment).join("\u0000")
}

// [i, j] of a longest common subsequence of two lists of strings, in order (where two are as
// long, items of `a` are skipped before items of `b`). The common head and tail are matched first:
// translations differ in a few places, so the quadratic table covers only the middle.
export function commonSubsequence (a, b) {
  let head = 0
  while (head < a.length && head < b.length && a[head] === b[head]) head++
  let tail = 0
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++
  const n = a.length - head - tail
  const m = b.length - head - tail
  // longest[i * (m + 1) + j]: the length of an LCS of a[head + i:] and b[head + j:] (middles only)
  const longest = new Uint32Array((n + 1) * (m + 1))
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      longest[i * (m + 1) + j] = a[head + i] === b[head + j]
        ? longest[(i + 1) * (m + 1) + j + 1] + 1
        : Math.max(longest[(i + 1) * (m + 1) + j], longest[i * (m + 1) + j + 1])
    }
  }
  const pairs = []
  for (let k = 0; k < head; k++) pairs.push([k, k])
  let i = 0
  let j = 0
  while (i < n && j < m) {
    if (a[head + i] === b[head + j]) {
      pairs.push([head + i, head + j])
      i++
      j++
    } else if (longest[(i + 1) * (m + 1) + j] >= longest[i * (m + 1) + j + 1]) {
      i++
    } else {
      j++
    }
  }
  for (let k = tail; k > 0; k--) pairs.push([a.length - k, b.length - k])
  return pairs
}

// A link or image address of a segment taken from the page at `pageUrl`, for another page of the
// same site: relative addresses resolve against `pageUrl` (written from the site's root), a
// fragment stays on the reading page when `isHere(fragment)` (the converter gives a heading the
// same id in both languages), absolute ones stay as they are.
export function rebase (value, pageUrl, isHere = () => false) {
  if (/^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|\/)/.test(value)) return value
  if (value.startsWith("#") && isHere(fragment(value))) return value
  const url = new URL(value, pageUrl)
  return url.pathname + url.search + url.hash
}

function fragment (value) {
  try {
    return decodeURIComponent(value.slice(1))
  } catch {
    return value.slice(1) // not percent-encoded text: the id as written
  }
}
