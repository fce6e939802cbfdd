"""The build: import every source (in parallel, through the cache), render pages, write docs/."""
