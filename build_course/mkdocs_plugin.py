"""The ``course`` MkDocs plugin: what a course site needs from MkDocs.

- the navigation the build recorded in ``docs/.build-course.json``, used
  when mkdocs.yml has no ``nav`` of its own (mkdocs.yml stays the author's);
- the quiz script and style, served from the site itself;
- ``*.md.new`` files (new versions of pages an author edited) left out.
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

ASSETS = Path(__file__).parent / "assets"
CSS = ["assets/course/quiz.css"]
JS = ["assets/course/quiz.js"]


class CoursePlugin(BasePlugin):
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if not config.nav:
            record = Path(config.docs_dir) / ".build-course.json"
            try:
                config.nav = json.loads(record.read_text(encoding="utf-8")).get("nav")
            except (OSError, ValueError):
                pass
        for path in CSS:
            if path not in config.extra_css:
                config.extra_css.append(path)
        for path in JS:
            if path not in [str(s) for s in config.extra_javascript]:
                config.extra_javascript.append(path)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        for file in list(files):
            if file.src_uri.endswith(".md.new"):
                files.remove(file)
        for path in CSS + JS:
            source = ASSETS / Path(path).name
            files.append(File.generated(config, path, abs_src_path=str(source)))
        return files
