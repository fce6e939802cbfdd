"""The ``course`` MkDocs plugin: what a course site needs from MkDocs.

- the navigation the build recorded in ``docs/.build-course.json``, used
  when mkdocs.yml has no ``nav`` of its own (mkdocs.yml stays the author's);
- the quiz script and style, served from the site itself;
- theme overrides (``build_course/overrides``: the search dialog's
  accessible name), after mkdocs.yml's own ``custom_dir``;
- ``*.md.new`` files (new versions of pages an author edited) left out;
- the ``sane_lists`` Markdown extension (a numbered list keeps its start);
- a warning (so ``--strict`` fails) for any page that would load something
  from outside the site: an intranet or offline copy must make no request
  elsewhere. Links (``<a href>``) to other sites are fine.
"""

from __future__ import annotations

import html
import logging
import os
from pathlib import Path

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from build_course.publish.assets import CSS, JS, AssetCheck, external_asset_warning, served
from build_course.publish.site_config import (
    EXCLUDED,
    MARKDOWN_EXTENSIONS,
    extension_names,
    recorded_nav,
    safe_url,
)

log = logging.getLogger("mkdocs.plugins.course")
OVERRIDES = str(Path(__file__).parent.parent / "overrides")


class CoursePlugin(BasePlugin):
    built: tuple | None = None
    """(files, nav, env) of the last build: ``build-course serve`` renders a
    changed page again with them (publish/serving.py)."""

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self._assets = AssetCheck()

    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        self.built = (files, self._nav, env)
        return env

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if config.site_url:
            # The build checks the manifest's and --site-url's address; one
            # from mkdocs.yml is not, and themes print it unescaped in
            # attributes (the canonical link): what would end one is encoded.
            config.site_url = safe_url(config.site_url)
        if not config.nav:
            config.nav = recorded_nav(Path(config.docs_dir))
        _add_overrides(config)
        for name in MARKDOWN_EXTENSIONS:
            if name not in extension_names(config.markdown_extensions):
                config.markdown_extensions.append(name)
        for path in CSS:
            if path not in config.extra_css:
                config.extra_css.append(path)
        for path in JS:
            if path not in [str(s) for s in config.extra_javascript]:
                config.extra_javascript.append(path)
        return config

    def on_nav(self, nav, *, config: MkDocsConfig, files: Files):
        """Titles come from source text, and MkDocs' templates print them
        without escaping: escape them once here (Markup is not escaped twice)."""
        self._nav = nav
        config.site_name = _escaped(config.site_name)
        for item in _walk(nav.items):
            if item.title is not None:
                item.title = _escaped(item.title)
        return nav

    def on_page_markdown(self, markdown: str, *, page, config: MkDocsConfig, files: Files) -> str:
        if isinstance(page.meta.get("title"), str):
            page.meta["title"] = _escaped(page.meta["title"])
        return markdown

    def on_post_page(self, output: str, *, page, config: MkDocsConfig) -> str:
        self._assets.page(page.file.src_uri, output)
        return output

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Warn (in page order) of what a page would load from elsewhere;
        ``--strict`` makes that fail the build."""
        found, unchecked = self._assets.finish()
        for page, url, where in found:
            log.warning("%s", external_asset_warning(page, url, where))
        if unchecked:
            log.warning("%d pages were not checked for assets from outside the site: the "
                        "check's process stopped; build again", unchecked)

    def on_build_error(self, *, error: Exception) -> None:
        self._assets.close()

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        docs = os.path.realpath(config.docs_dir)
        for file in list(files):
            if file.src_uri.endswith(EXCLUDED.lstrip("*")):
                files.remove(file)
            elif file.src_dir and os.path.realpath(file.src_dir) == docs \
                    and file.abs_src_path and not _inside(file.abs_src_path, docs):
                log.warning("docs/%s: a link to a file outside docs/, left out of the site; "
                            "copy the file into docs/ instead of linking to it", file.src_uri)
                files.remove(file)
        for path in CSS + JS:
            files.append(File.generated(config, path, content=served(Path(path).name)))
        return files


def _add_overrides(config: MkDocsConfig) -> None:
    """Our templates before the theme's, after the author's ``custom_dir``."""
    dirs = config.theme.dirs
    if OVERRIDES not in dirs:
        dirs.insert(1 if config.theme.custom_dir else 0, OVERRIDES)


def _inside(path: str, folder: str) -> bool:
    """Whether ``path``, its links followed, lies in ``folder`` (a real path)."""
    return os.path.commonpath([os.path.realpath(path), folder]) == folder


def _escaped(text: str) -> Markup:
    return text if isinstance(text, Markup) else Markup(html.escape(str(text), quote=False))


def _walk(items):
    for item in items:
        yield item
        yield from _walk(getattr(item, "children", None) or [])
