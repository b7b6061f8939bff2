// Where a result's title or summary shows the matched terms: [start, end) ranges of the text.
// No DOM here; ui.js turns the ranges into <mark> elements.
import { normalize } from "./tokenize.js"

// The normalized text, and for each of its positions the position in `text` it came from
// (NFKC can change a character's length).
function normalized (text) {
  let normal = ""
  const origin = []
  for (let i = 0; i < text.length;) {
    const char = String.fromCodePoint(text.codePointAt(i))
    const form = normalize(char)
    for (let k = 0; k < form.length; k++) origin.push(i)
    normal += form
    i += char.length
  }
  origin.push(text.length)
  return { normal, origin }
}

// `tokenizer` reads `text` as it read the query (tokenize.js).
export function highlight (text, terms, tokenizer) {
  const { normal, origin } = normalized(text)
  const ranges = []
  for (const word of tokenizer.words(normal)) {
    if (word.positional) {
      // The stem begins the token; its i-th term after the bigram across the space covers
      // characters i and i + 1 (a one-character stem is its own term).
      word.terms.slice(word.across).forEach((term, i) => {
        if (terms.has(term)) ranges.push([word.start + i, word.start + i + term.length])
      })
    } else if (word.terms.some(term => terms.has(term))) {
      ranges.push([word.start, word.end])
    }
  }
  ranges.sort((a, b) => a[0] - b[0])
  const merged = []
  for (const [start, end] of ranges) {
    const last = merged.at(-1)
    if (last && start <= last[1]) last[1] = Math.max(last[1], end)
    else merged.push([start, end])
  }
  return merged.map(([start, end]) => [origin[start], origin[end]])
}
