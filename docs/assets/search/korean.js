// Korean words to index terms, as tools/sxs/site/search/korean.py does it: strip a trailing
// particle or ending, then cut into syllable bigrams; neighbours
// apart only by spaces share the bigram across the space (tokenize.js). Keep the two files in step.

export const SUFFIXES = [...new Set([
  "이", "가", "을", "를", "은", "는", "에", "의", "와", "과", "도", "만", "로", "나", "랑",
  "에서", "에게", "으로", "까지", "부터", "이나", "에는", "에도", "에서는", "으로는", "로는",
  "이란", "라는", "이라는", "처럼", "보다", "마다", "와의", "과의", "에서의", "으로의", "로의",
  "한테", "께서", "이랑", "이고", "이며", "이에요", "예요", "입니다", "인가요", "인데",
  "하다", "하기", "하는", "하려면", "하려고", "하면", "하고", "하지", "해요", "해야", "합니다",
  "했습니다", "했어요", "할", "한", "함", "해서", "하여", "하세요", "하십시오", "하나요", "하는데",
  "할까요", "하는지", "되다", "되지", "되는", "되어", "돼요", "되었습니다", "됐어요", "된", "될",
  "됨", "되면", "되고", "됩니다", "되나요", "되었나요", "되어야", "됐는데", "되는데", "되는지",
  "안돼요", "안됨", "안되요",
])].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0))

// Words that say little about the page sought (negation, question words, bare endings, the
// stray syllables machine translation leaves).
export const STOP_WORDS = new Set((
  "안 못 수 및 더 잘 좀 왜 또 그 저 것 때 등 대 한 어떻게 않아요 않음 않습니다 않는 않고 없어요 없음 " +
  "없습니다 없나요 있나요 있어요 있습니다 돼요 됩니다 합니다 해요 하나요 되나요").split(" "))

// A one-syllable suffix only leaves words of three syllables or more (추가, 결과 stay whole).
export function stem (word) {
  for (const suffix of SUFFIXES) {
    const keep = word.length - suffix.length
    if (word.endsWith(suffix) && keep >= (suffix.length === 1 ? 2 : 1)) return word.slice(0, keep)
  }
  return word
}

export function bigrams (word) {
  if (word.length < 2) return [word]
  const pairs = []
  for (let i = 0; i < word.length - 1; i++) pairs.push(word.slice(i, i + 2))
  return pairs
}
