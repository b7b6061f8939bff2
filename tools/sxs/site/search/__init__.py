"""Search in the page's language: one index per language, built with the site, read by docs/assets/search/.

Material's own search merges every language into one index and splits words only on spaces,
which fails Korean, Chinese and Arabic readers (particles, compounds written without spaces, no
spaces at all, prefixes glued to words). This package builds, for each language, a small inverted
index of terms made by script: syllable or character bigrams, light-stemmed Arabic words, stemmed
Latin words. A locale file (tools/sxs/locales/) chooses its script's module and gives its word
lists, which the index carries to the browser; the modules of the same names in
`docs/assets/search/` treat the query exactly the same way, and tests/site/test_search_parity.py
checks that the two sides agree.

- `korean.py`, `han.py`, `arabic.py`, `english.py`: how one run of a script becomes a word and its
  index terms.
- `tokenize.py`: text to words and terms with the scripts of a language (the contract shared with
  the JavaScript side).
- `synonyms.py`: a locale's reviewed synonym list.
- `index.py`: pages to the index files (a table of pages, postings in shards fetched as queries
  need them); `feature.py`: the plugin feature that writes them.
"""
