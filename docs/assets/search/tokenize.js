// Text to search words and index terms: the query side of tools/sxs/site/search/tokenize.py, the
// same algorithm with the same scripts, whose specs (pattern, word lists) docs.json carries as
// "tokenizer"; each script's module is ./<module>.js (tests/site/test_search_parity.py compares
// the two sides).

export function normalize (text) {
  return text.normalize("NFKC").toLowerCase()
}

// The tokenizer of an index's specs, each script's module imported once.
export async function loadTokenizer (specs) {
  const modules = await Promise.all(specs.map(spec => import(`./${spec.module}.js`)))
  return new Tokenizer(specs, modules)
}

export class Tokenizer {
  constructor (specs, modules) {
    this.scripts = specs.map((spec, i) => new modules[i].Script(spec))
    this.pattern = new RegExp(specs.map(spec => `(${spec.pattern})`).join("|"), "g")
  }

  // Words of `text`, each {stem, terms, across, positional, prefix, start, end, token}: `across`
  // is 1 when the first term is the bigram across the space before the word, `positional` when
  // the other terms are the bigrams of the stem from its start, `prefix` what completions of the
  // word still being typed begin with (none: no completions); start and end index normalize(text).
  words (text) {
    const found = []
    const normal = normalize(text)
    let previousEnd = -1
    let carried = null // [the previous run's script, what it passes on]
    for (const match of normal.matchAll(this.pattern)) {
      const number = match.findIndex((group, i) => i > 0 && group !== undefined) - 1
      const token = match[0]
      const start = match.index
      const end = start + token.length
      const spaced = /^\s+$/.test(normal.slice(previousEnd, start))
      const before = carried && carried[0] === number && spaced ? carried[1] : null
      const [word, carry] = this.scripts[number].word(token, start === previousEnd, before)
      if (word) found.push({ across: 0, positional: false, ...word, start, end, token })
      carried = carry ? [number, carry] : null
      previousEnd = end
    }
    return found
  }

  terms (text) {
    return this.words(text).flatMap(word => word.terms)
  }
}
