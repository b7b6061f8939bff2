// Latin words to index terms, as tools/sxs/site/search/english.py does it: error codes as typed,
// the locale's stop words dropped, Porter's (1980) inflectional steps 1a, 1b, 1c and 5a. Keep the
// two files in step.

function consonant (word, i) {
  const c = word[i]
  if ("aeiou".includes(c)) return false
  if (c === "y") return i === 0 || !consonant(word, i - 1)
  return true
}

function measure (stem) {
  let m = 0
  let previousVowel = false
  for (let i = 0; i < stem.length; i++) {
    const isConsonant = consonant(stem, i)
    if (isConsonant && previousVowel) m++
    previousVowel = !isConsonant
  }
  return m
}

function hasVowel (stem) {
  for (let i = 0; i < stem.length; i++) if (!consonant(stem, i)) return true
  return false
}

function cvc (stem) {
  const n = stem.length
  return n >= 3 && consonant(stem, n - 1) && !consonant(stem, n - 2) && consonant(stem, n - 3) &&
    !"wxy".includes(stem[n - 1])
}

export function stem (word) {
  if (word.length <= 2) return word
  if (word.endsWith("sses") || word.endsWith("ies")) word = word.slice(0, -2)
  else if (word.endsWith("s") && !word.endsWith("ss")) word = word.slice(0, -1)
  if (word.endsWith("eed")) {
    if (measure(word.slice(0, -3)) > 0) word = word.slice(0, -1)
  } else {
    for (const suffix of ["ed", "ing"]) {
      const base = word.slice(0, -suffix.length)
      if (word.endsWith(suffix) && hasVowel(base)) {
        word = base
        const n = word.length
        if (word.endsWith("at") || word.endsWith("bl") || word.endsWith("iz")) word += "e"
        else if (n >= 2 && word[n - 1] === word[n - 2] && consonant(word, n - 1) && !"lsz".includes(word[n - 1])) {
          word = word.slice(0, -1)
        } else if (measure(word) === 1 && cvc(word)) word += "e"
        break
      }
    }
  }
  if (word.endsWith("y") && hasVowel(word.slice(0, -1))) word = word.slice(0, -1) + "i"
  if (word.endsWith("e")) {
    const base = word.slice(0, -1)
    const m = measure(base)
    if (m > 1 || (m === 1 && !cvc(base))) word = base
  }
  return word
}

const DIGIT = /[0-9]/

export class Script {
  constructor (spec) {
    this.stopWords = new Set(spec.stop_words)
  }

  latin (token) {
    if (token.includes(".")) {
      const parts = []
      for (const part of token.split(".")) {
        const word = this.latin(part)
        if (word && !/^[0-9]+$/.test(part) && !parts.includes(word.stem)) parts.push(word.stem)
      }
      return { stem: token, terms: [token, ...parts.filter(part => part !== token)] }
    }
    if (DIGIT.test(token)) return { stem: token, terms: [token] }
    if (token.length < 2 || this.stopWords.has(token)) return null
    const stemmed = stem(token)
    return { stem: stemmed, terms: [stemmed] }
  }

  // A word still being typed completes from its letters as typed (`printe`: `printer`).
  word (token) {
    const word = this.latin(token)
    return [word && { ...word, prefix: token }, null]
  }
}
