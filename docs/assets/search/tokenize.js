// Text to search words and index terms: the query side of tools/sxs/site/search/tokenize.py,
// the same algorithm (tests/site/test_search_parity.py compares the two on random text).
import * as english from "./english.js"
import * as korean from "./korean.js"

const WORD = /[\uac00-\ud7a3]+|[a-z0-9]+(?:\.[a-z0-9]+)*/g
const SUFFIXES = new Set(korean.SUFFIXES)
const HANGUL = /^[\uac00-\ud7a3]/
const DIGIT = /[0-9]/

export function normalize (text) {
  return text.normalize("NFKC").toLowerCase()
}

function latin (token) {
  if (token.includes(".")) {
    const parts = []
    for (const part of token.split(".")) {
      const word = latin(part)
      if (word && !/^[0-9]+$/.test(part) && !parts.includes(word.stem)) parts.push(word.stem)
    }
    return { stem: token, terms: [token, ...parts.filter(part => part !== token)] }
  }
  if (DIGIT.test(token)) return { stem: token, terms: [token] }
  if (token.length < 2 || english.STOP_WORDS.has(token)) return null
  const stem = english.stem(token)
  return { stem, terms: [stem] }
}

// Words of `text`, each {stem, terms, across, start, end, token}: `across` is 1 when the first
// term is the bigram across the space before the word; start and end index normalize(text).
export function words (text) {
  const found = []
  const normal = normalize(text)
  let previousEnd = -1
  let previousHangul = null // the last Hangul word, bare (no particle), while only spaces follow it
  for (const match of normal.matchAll(WORD)) {
    const token = match[0]
    const start = match.index
    const end = start + token.length
    if (previousHangul && !/^\s+$/.test(normal.slice(previousEnd, start))) previousHangul = null
    let word = null
    if (HANGUL.test(token)) {
      const stem = korean.stem(token)
      if ((start === previousEnd && SUFFIXES.has(token)) || korean.STOP_WORDS.has(stem)) {
        previousHangul = null
      } else {
        const across = previousHangul ? [previousHangul.at(-1) + stem[0]] : []
        word = { stem, terms: [...across, ...korean.bigrams(stem)], across: across.length }
        previousHangul = stem === token ? stem : null
      }
    } else {
      previousHangul = null
      word = latin(token)
    }
    if (word) found.push({ across: 0, ...word, start, end, token })
    previousEnd = end
  }
  return found
}

export function terms (text) {
  return words(text).flatMap(word => word.terms)
}
