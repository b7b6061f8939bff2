"""Korean words to index terms: strip a trailing particle or ending, then cut into syllable bigrams.

Bigrams find compounds written with or without spaces (`전자메일` and `전자 메일` share `전자`, `메일`)
and words inside longer words (`만료` in `만료되지`). Stripping the particle first keeps `메일이`
and `메일을` from adding noise bigrams (`일이`, `일을`) on both sides. A bare word (no particle)
and the next, apart only by spaces, also share the bigram across the space (`화면 공유` has
`면공`, `메일이 배달` has none), so that a compound typed without spaces (`화면공유`) and machine
translation's split words (`테 넌 트`) still meet. Keep this file in step with
the Korean part of docs/assets/search/tokenize.js.
"""

from __future__ import annotations

# Particles (조사) and the endings of 하다/되다 verbs most often glued to a noun. A one-syllable
# suffix is stripped only from words of three syllables or more, so that nouns ending in one
# (`추가`, `결과`, `회의`, `제한`) stay whole; a longer suffix needs one syllable left.
SUFFIXES: tuple[str, ...] = tuple(
    sorted(
        set(
            "이 가 을 를 은 는 에 의 와 과 도 만 로 나 랑 에서 에게 으로 까지 부터 이나 에는 "
            "에도 에서는 으로는 로는 이란 라는 이라는 처럼 보다 마다 와의 과의 에서의 으로의 "
            "로의 한테 께서 이랑 이고 이며 이에요 예요 입니다 인가요 인데 하다 하기 하는 "
            "하려면 하려고 하면 하고 하지 해요 해야 합니다 했습니다 했어요 할 한 함 해서 하여 "
            "하세요 하십시오 하나요 하는데 할까요 하는지 되다 되지 되는 되어 돼요 되었습니다 "
            "됐어요 된 될 됨 되면 되고 됩니다 되나요 되었나요 되어야 됐는데 되는데 되는지 "
            "안돼요 안됨 안되요".split()
        ),
        key=lambda suffix: (-len(suffix), suffix),
    )
)


# Words that say little about the page sought: negation (`안 돼요` is `되지 않음` in the articles),
# question words, bare endings, and the stray syllables machine translation leaves (`에 대 한`).
STOP_WORDS = frozenset(
    "안 못 수 및 더 잘 좀 왜 또 그 저 것 때 등 대 한 어떻게 않아요 않음 않습니다 않는 않고 없어요 없음 "
    "없습니다 없나요 있나요 있어요 있습니다 돼요 됩니다 합니다 해요 하나요 되나요".split()
)


def stem(word: str) -> str:
    """`word` (lower-cased Hangul syllables) without its particle or ending, if it has one."""
    for suffix in SUFFIXES:
        keep = len(word) - len(suffix)
        if word.endswith(suffix) and keep >= (2 if len(suffix) == 1 else 1):
            return word[:keep]
    return word


def bigrams(word: str) -> list[str]:
    """Overlapping syllable pairs; a one-syllable word is its own term."""
    if len(word) < 2:
        return [word]
    return [word[i : i + 2] for i in range(len(word) - 1)]
