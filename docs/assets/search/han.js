// Chinese and Japanese words to index terms, as tools/sxs/site/search/han.py does it: a run of Han
// and Kana characters cut into overlapping bigrams. Keep the two files in step.
import { bigrams } from "./korean.js"

export class Script {
  constructor (spec) {
    this.stopWords = new Set(spec.stop_words)
  }

  word (token) {
    if (this.stopWords.has(token)) return [null, null]
    return [{ stem: token, terms: bigrams(token), positional: true }, null]
  }
}
