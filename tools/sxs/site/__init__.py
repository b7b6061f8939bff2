"""The site's MkDocs plugin: everything the knowledge base adds to Material and static-i18n."""
