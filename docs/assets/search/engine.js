// One language's search index (tools/sxs/site/search/index.py) and the query against it: the
// table of pages comes first, each postings file (shard) when a query first has a term in it.
// No DOM here: node runs it in tests/js/ and the benchmark's checks.
import { loadTokenizer, normalize } from "./tokenize.js"

const SYNONYM_WEIGHT = 0.8 // a page with the reader's own word ranks above one with its synonym
const PREFIX_WEIGHT = 0.6 // a word still being typed: completions count, but less
const PREFIX_LIMIT = 30
const COVERAGE_POWER = 2 // pages with every query word rank well above pages with some
const WEIGHT_STEPS = 16 // as in index.py: a posting is gap * WEIGHT_STEPS + weight
const LAST_DIGITS = "0123456789abcdefghijklmnopqrstuv"
const DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ!#$%&*"

// The postings file of `term`, as `shard` in index.py: FNV-1a (32 bits) of its first two
// characters, so that the completions of a word being typed are all in the word's own file.
export function shard (term, shards) {
  let value = 2166136261
  for (const char of term.slice(0, 2)) value = Math.imul(value ^ char.codePointAt(0), 16777619) >>> 0
  return value % shards
}

export class SearchIndex {
  // The index of docs.json `data`, with its tokenizer's script modules loaded.
  static async open (data, fetchShard) {
    return new SearchIndex(data, fetchShard, await loadTokenizer(data.tokenizer))
  }

  // `data` is docs.json; `fetchShard(number)` resolves to that postings file's {term: postings};
  // `tokenizer` reads queries as the index's pages were read (tokenize.js).
  constructor (data, fetchShard, tokenizer) {
    this.language = data.language
    this.tokenizer = tokenizer
    this.shards = data.shards
    this.fetchShard = fetchShard
    this.docs = data.docs.map(([url, title, summary]) => ({ url, title, summary }))
    this.loading = new Map() // shard number -> promise, kept for the session once it has loaded
    this.postings = new Map() // term -> encoded postings, of the shards loaded; decoded when used
    this.decoded = new Map()
    this.vocabularies = new Map() // shard number -> its terms sorted, for completions
    this.synonyms = new Map() // key -> entries of every group holding it
    for (const group of data.synonyms) {
      for (const [key] of group) {
        this.synonyms.set(key, [...(this.synonyms.get(key) ?? []), ...group.filter(([other]) => other !== key)])
      }
    }
  }

  // [{doc, score, terms}] best first; `terms` are the page's terms that matched, for highlighting.
  // Rejects when a shard it needs fails to load; the next search asks for that shard again.
  async search (query, limit = 10) {
    await this.load(this.shardsOf(query))
    return this.rank(query, limit)
  }

  // The shards of the query words' terms, of their synonyms' and of the completions of the word
  // being typed.
  shardsOf (query) {
    const numbers = new Set()
    const add = terms => { for (const term of terms) numbers.add(shard(term, this.shards)) }
    for (const { word, completing } of this.queryWords(query)) {
      add(word.terms)
      for (const [, terms] of this.synonyms.get(word.stem) ?? []) add(terms)
      if (completing) add([word.prefix])
    }
    return numbers
  }

  // Fetches the shards not asked for yet, all at once.
  load (numbers) {
    return Promise.all([...numbers].map(number => {
      if (!this.loading.has(number)) {
        const loading = Promise.resolve(this.fetchShard(number)).then(terms => {
          for (const [term, postings] of Object.entries(terms)) this.postings.set(term, postings)
          this.vocabularies.set(number, Object.keys(terms).sort())
        }, error => {
          this.loading.delete(number)
          throw error
        })
        this.loading.set(number, loading)
      }
      return this.loading.get(number)
    }))
  }

  // `search` once the query's shards are loaded.
  rank (query, limit) {
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

  // The query's words, `completing` for the last one when it is still being typed and its script
  // completes words (Latin, Arabic: not bigrams).
  queryWords (query) {
    const found = this.tokenizer.words(query)
    const typing = found.length > 0 && found.at(-1).end === normalize(query).length
    return found.map((word, i) => ({
      word,
      completing: typing && i === found.length - 1 && word.prefix !== undefined && word.prefix.length >= 2,
    }))
  }

  // Each query word as alternatives {terms, weight}: itself, its synonyms, its completions.
  groups (query) {
    return this.queryWords(query).map(({ word, completing }) => {
      const alternatives = [{ terms: word.terms, weight: 1, across: word.across }]
      for (const [, terms] of this.synonyms.get(word.stem) ?? []) {
        alternatives.push({ terms, weight: SYNONYM_WEIGHT, across: 0 })
      }
      if (completing) {
        for (const term of this.completions(word.prefix)) alternatives.push({ terms: [term], weight: PREFIX_WEIGHT, across: 0 })
      }
      return alternatives
    })
  }

  // The first terms after `prefix` in sorted order that begin with it; all are in its shard.
  completions (prefix) {
    const vocabulary = this.vocabularies.get(shard(prefix, this.shards)) ?? []
    return vocabulary.filter(term => term.startsWith(prefix) && term !== prefix).slice(0, PREFIX_LIMIT)
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
