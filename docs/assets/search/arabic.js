// Arabic words to index terms, as tools/sxs/site/search/arabic.py does it (which says why):
// normalized by the locale's `drop` and `fold`, then light-stemmed with its `prefixes` and
// `suffixes`. Keep the two files in step.

const ONE_LETTER_KEEPS = 4
const PREFIX_KEEPS = 2
const SUFFIX_KEEPS = 2

export class Script {
  constructor (spec) {
    this.drop = new Set(spec.drop)
    this.fold = new Map(Object.entries(spec.fold))
    this.prefixes = spec.prefixes
    this.suffixes = spec.suffixes
    this.stopWords = new Set(spec.stop_words)
  }

  normal (word) {
    let out = ""
    for (const char of word) if (!this.drop.has(char)) out += this.fold.get(char) ?? char
    return out
  }

  // The first prefix that leaves enough, then longer ones while one does (arabic.py says why).
  withoutPrefixes (word) {
    let first = true
    for (let stripped = true; stripped;) {
      stripped = false
      for (const prefix of this.prefixes) {
        const oneLetter = prefix.length === 1
        const keeps = oneLetter ? ONE_LETTER_KEEPS : PREFIX_KEEPS
        if ((first || !oneLetter) && word.startsWith(prefix) && word.length - prefix.length >= keeps) {
          word = word.slice(prefix.length)
          first = false
          stripped = true
          break
        }
      }
    }
    return word
  }

  withoutSuffixes (word) {
    for (const suffix of this.suffixes) {
      if (word.endsWith(suffix) && word.length - suffix.length >= SUFFIX_KEEPS) word = word.slice(0, -suffix.length)
    }
    return word
  }

  // A word still being typed completes from its letters after the prefixes (`البري`: `بريد`).
  word (token) {
    const normal = this.normal(token)
    const prefix = this.withoutPrefixes(normal)
    const stem = this.withoutSuffixes(prefix)
    if (normal.length < 2 || this.stopWords.has(normal) || this.stopWords.has(stem)) return [null, null]
    return [{ stem, terms: [stem], prefix }, null]
  }
}
