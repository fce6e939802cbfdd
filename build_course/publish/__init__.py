"""Publishing: drive the site engine over docs/; the MkDocs plugin, assets,
packaging and the crawl."""
