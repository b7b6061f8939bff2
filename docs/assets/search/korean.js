// Korean words to index terms, as tools/sxs/site/search/korean.py does it: strip a trailing
// particle or ending (the locale's `suffixes`, longest first), then cut into syllable bigrams;
// neighbours apart only by spaces share the bigram across the space. Keep the two files in step.

export function bigrams (word) {
  if (word.length < 2) return [word]
  const pairs = []
  for (let i = 0; i < word.length - 1; i++) pairs.push(word.slice(i, i + 2))
  return pairs
}

export class Script {
  constructor (spec) {
    this.suffixes = spec.suffixes
    this.gluedSuffixes = new Set(spec.suffixes)
    this.stopWords = new Set(spec.stop_words)
  }

  // A one-syllable suffix only leaves words of three syllables or more (추가, 결과 stay whole).
  stem (word) {
    for (const suffix of this.suffixes) {
      const keep = word.length - suffix.length
      if (word.endsWith(suffix) && keep >= (suffix.length === 1 ? 2 : 1)) return word.slice(0, keep)
    }
    return word
  }

  word (token, glued, before) {
    const stem = this.stem(token)
    if ((glued && this.gluedSuffixes.has(token)) || this.stopWords.has(stem)) return [null, null]
    const across = before ? [before.at(-1) + stem[0]] : []
    const word = { stem, terms: [...across, ...bigrams(stem)], across: across.length, positional: true }
    return [word, stem === token ? stem : null]
  }
}
