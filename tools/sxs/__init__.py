"""sxs: turn Microsoft side-by-side localized articles into a bilingual MkDocs site.

`sxs import` (importer.py) is the pipeline read -> frontmatter -> parse -> align ->
render -> write; pages.py documents the front matter every generated page carries.
"""

__version__ = "0.1.0"
