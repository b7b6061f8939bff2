// One language's search index (tools/sxs/site/search/index.py) and the query against it.
// No DOM here: node runs it in tests/js/ and the benchmark's checks.
import { normalize, words } from "./tokenize.js"

const SYNONYM_WEIGHT = 0.8 // a page with the reader's own word ranks above one with its synonym
const PREFIX_WEIGHT = 0.6 // a word still being typed: completions count, but less
const PREFIX_LIMIT = 30
const COVERAGE_POWER = 2 // pages with every query word rank well above pages with some
const WEIGHT_STEPS = 16 // as in index.py: a posting is gap * WEIGHT_STEPS + weight
const LAST_DIGITS = "0123456789abcdefghijklmnopqrstuv"
const DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ!#$%&*"

export class SearchIndex {
  constructor (data) {
    this.language = data.language
    this.docs = data.docs.map(([url, title, summary]) => ({ url, title, summary }))
    this.postings = new Map(Object.entries(data.terms)) // term -> encoded postings, decoded when used
    this.decoded = new Map()
    this.vocabulary = null // sorted terms, made on the first prefix query
    this.synonyms = new Map() // key -> entries of every group holding it
    for (const group of data.synonyms) {
      for (const [key] of group) {
        this.synonyms.set(key, [...(this.synonyms.get(key) ?? []), ...group.filter(([other]) => other !== key)])
      }
    }
  }

  // [{doc, score, terms}] best first; `terms` are the page's terms that matched, for highlighting.
  search (query, limit = 10) {
    const groups = this.groups(query)
    const scores = new Map()
    let known = 0
    for (const group of groups) {
      const best = new Map() // doc -> [score, terms] of the group's best alternative
      let found = false
      for (const { terms, weight, across } of group) {
        const present = [...new Set(terms)].filter(term => this.postings.has(term))
        if (present.length === 0) continue
        found = true
        const inner = new Set(terms.slice(across)) // the word's own terms, not the one across a space
        const sums = new Map() // doc -> [score, matched terms, how many of them inner]
        for (const term of present) {
          const idf = this.idf(term)
          for (const [doc, w] of this.decode(term)) {
            const entry = sums.get(doc) ?? [0, [], 0]
            entry[0] += idf * w * weight
            entry[1].push(term)
            entry[2] += inner.has(term)
            sums.set(doc, entry)
          }
        }
        // The mean over the word's terms, so that a synonym of more bigrams does not outweigh the
        // word; a page with only some of them (`드라이브` for `원드라이브`) matches the word less.
        const core = inner.size
        for (const [doc, [sum, matched, own]] of sums) {
          const score = sum / core * (own / core) ** 2
          if (!best.has(doc) || best.get(doc)[0] < score) best.set(doc, [score, matched])
        }
      }
      if (!found) continue // a word no page has (a typo, a stop word) does not count against pages
      known++
      for (const [doc, [score, terms]] of best) {
        const total = scores.get(doc) ?? { doc, score: 0, matched: 0, terms: new Set() }
        total.score += score
        total.matched++
        for (const term of terms) total.terms.add(term)
        scores.set(doc, total)
      }
    }
    const results = [...scores.values()].map(({ doc, score, matched, terms }) =>
      ({ doc: this.docs[doc], score: score * (matched / known) ** COVERAGE_POWER, terms }))
    results.sort((a, b) => b.score - a.score)
    return results.slice(0, limit)
  }

  // Each query word as alternatives {terms, weight}: itself, its synonyms, its completions.
  groups (query) {
    const queryWords = words(query)
    const typing = queryWords.length > 0 && queryWords.at(-1).end === normalize(query).length
    return queryWords.map((word, i) => {
      const alternatives = [{ terms: word.terms, weight: 1, across: word.across }]
      for (const [, terms] of this.synonyms.get(word.stem) ?? []) {
        alternatives.push({ terms, weight: SYNONYM_WEIGHT, across: 0 })
      }
      if (typing && i === queryWords.length - 1 && !/[\uac00-\ud7a3]/.test(word.token) && word.token.length >= 2) {
        for (const term of this.completions(word.token)) alternatives.push({ terms: [term], weight: PREFIX_WEIGHT, across: 0 })
      }
      return alternatives
    })
  }

  completions (prefix) {
    this.vocabulary ??= [...this.postings.keys()].sort()
    let low = 0
    let high = this.vocabulary.length
    while (low < high) {
      const middle = (low + high) >> 1
      if (this.vocabulary[middle] < prefix) low = middle + 1
      else high = middle
    }
    const found = []
    for (let i = low; i < this.vocabulary.length && found.length < PREFIX_LIMIT; i++) {
      if (!this.vocabulary[i].startsWith(prefix)) break
      if (this.vocabulary[i] !== prefix) found.push(this.vocabulary[i])
    }
    return found
  }

  idf (term) {
    const df = this.decode(term).length
    return Math.log(1 + (this.docs.length - df + 0.5) / (df + 0.5))
  }

  // [[doc, weight], ...] of a term; see `encode` in tools/sxs/site/search/index.py.
  decode (term) {
    let postings = this.decoded.get(term)
    if (postings) return postings
    postings = []
    let doc = 0
    let number = 0
    for (const char of this.postings.get(term)) {
      const last = LAST_DIGITS.indexOf(char)
      if (last < 0) {
        number = number * 32 + DIGITS.indexOf(char)
        continue
      }
      number = number * 32 + last
      doc += Math.floor(number / WEIGHT_STEPS)
      postings.push([doc, number % WEIGHT_STEPS])
      number = 0
    }
    this.decoded.set(term, postings)
    return postings
  }
}
