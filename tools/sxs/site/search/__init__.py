"""Search in the page's language: one index per language, built with the site, read by docs/assets/search/.

Material's own search merges every language into one index and splits words only on spaces,
which fails Korean readers (particles, compounds written without spaces, words inside words).
This package builds, for each language, a small inverted index of Hangul bigrams and stemmed
Latin words; `docs/assets/search/tokenize.js` treats the query exactly the same way, and
tests/site/test_search_parity.py checks that the two tokenizers agree.

- `korean.py`, `english.py`: how one word becomes index terms.
- `tokenize.py`: text to words and terms (the contract shared with the JavaScript side).
- `synonyms.py`: the reviewed synonym list, `data/search-synonyms.yml`.
- `index.py`: pages to the index files (a table of pages, postings in shards fetched as queries
  need them); `feature.py`: the plugin feature that writes them.
"""
