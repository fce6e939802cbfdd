"""The ``course`` MkDocs plugin: what a course site needs from MkDocs.

- the navigation the build recorded in ``docs/.build-course.json``, used
  when mkdocs.yml has no ``nav`` of its own (mkdocs.yml stays the author's);
- the quiz script and style, served from the site itself;
- ``*.md.new`` files (new versions of pages an author edited) left out;
- a warning (so ``--strict`` fails) for any page that would load something
  from outside the site: an intranet or offline copy must make no request
  elsewhere. Links (``<a href>``) to other sites are fine.
"""

from __future__ import annotations

import html
import json
import logging
import multiprocessing
import re
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

import lxml.html
from lxml import etree
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from . import workers

log = logging.getLogger("mkdocs.plugins.course")
ASSETS = Path(__file__).parent / "assets"
CSS = ["assets/course/quiz.css"]
JS = ["assets/course/quiz.js"]


class CoursePlugin(BasePlugin):
    serving = False

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    def on_serve(self, server, *, config: MkDocsConfig, builder):
        source = Path(config.config_file_path).parent / "source"
        if source.is_dir():
            server.watch(str(source))
        return server

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """While serving, a change in source/ re-imports (what changed) and
        rewrites docs/ exactly as ``build-course build`` does, before MkDocs builds."""
        self._assets = AssetCheck()
        if not self.serving:
            return
        from .building import Project
        from .cli import write_course
        from .errors import CourseError, CourseErrors

        try:
            result = write_course(Project(Path(config.config_file_path).parent))
            if self._nav_from_record:
                config.nav = result.nav
        except (CourseError, CourseErrors) as exc:
            log.error("build-course: %s", exc.format_message())

    _nav_from_record = False

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if not config.nav:
            record = Path(config.docs_dir) / ".build-course.json"
            try:
                config.nav = json.loads(record.read_text(encoding="utf-8")).get("nav")
                self._nav_from_record = True
            except (OSError, ValueError):
                pass
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
            log.warning("%s: the page loads %s (%s) from outside the site; a course site "
                        "makes no request elsewhere: save the file in docs/ and refer to it "
                        "by a relative path, or remove it", page, url, where)
        if unchecked:
            log.warning("%d pages were not checked for assets from outside the site: the "
                        "check's process stopped; build again", unchecked)

    def on_build_error(self, *, error: Exception) -> None:
        self._assets.close()

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        for file in list(files):
            if file.src_uri.endswith(".md.new"):
                files.remove(file)
        for path in CSS + JS:
            source = ASSETS / Path(path).name
            files.append(File.generated(config, path, abs_src_path=str(source)))
        return files


class AssetCheck:
    """``external_assets`` over every page of a build, in a process of its
    own where forking is safe: parsing every page took a tenth of MkDocs'
    build of a large course, and MkDocs leaves the other cores idle."""

    def __init__(self) -> None:
        self._pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork")) \
            if workers.can_fork() else None
        self._pages: list[tuple[str, Future | list]] = []

    def page(self, name: str, page_html: str) -> None:
        found = self._pool.submit(external_assets, page_html) if self._pool \
            else external_assets(page_html)
        self._pages.append((name, found))

    def finish(self) -> tuple[list[tuple[str, str, str]], int]:
        """(page, url, where) of every external asset, in page order, and
        how many pages could not be checked (the check's process died)."""
        found, unchecked = [], 0
        try:
            for name, assets in self._pages:
                if isinstance(assets, Future):
                    try:
                        assets = assets.result()
                    except Exception:  # noqa: BLE001 - the process died: reported, not raised
                        unchecked += 1
                        continue
                found += [(name, url, where) for url, where in assets]
        finally:
            self.close()
        return found, unchecked

    def close(self) -> None:
        self._pages = []
        if self._pool:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None


def _escaped(text: str) -> Markup:
    return text if isinstance(text, Markup) else Markup(html.escape(str(text), quote=False))


def _walk(items):
    for item in items:
        yield item
        yield from _walk(getattr(item, "children", None) or [])


# Attributes whose URL the browser fetches by itself (an <a href> waits for a click).
_FETCHED = {"src": None, "srcset": None, "poster": None, "data": {"object"},
            "background": None}
_LINK_RELS = {"stylesheet", "icon", "shortcut", "apple-touch-icon", "preload", "prefetch",
              "modulepreload", "preconnect", "dns-prefetch", "manifest", "prerender"}
_CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)|@import\s+['"]([^'"]+)""", re.I)


def _is_external(url: str) -> bool:
    url = url.strip()
    return url.startswith("//") or re.match(r"(?i)(https?|ftp|wss?):", url) is not None


# What may fetch: an element with one of these attributes, an <object> with
# data, a <link>, a <style>. XPath picks them out in C; most of a page is not.
_CANDIDATES = etree.XPath(
    "//*[@src or @srcset or @poster or @background or @style] | //object[@data]"
    " | //link[@href] | //style")


def external_assets(page_html: str) -> list[tuple[str, str]]:
    """(url, where) for everything in the page that a browser would fetch
    from elsewhere. lxml parses a page many times faster than html.parser,
    which took a third of MkDocs' build of a large course."""
    try:
        root = lxml.html.document_fromstring(page_html)
    except (etree.ParserError, ValueError):  # an empty page
        return []
    found: list[tuple[str, str]] = []
    for element in _CANDIDATES(root):
        tag = element.tag
        for name, value in element.attrib.items():
            tags = _FETCHED.get(name, ())
            if name in _FETCHED and (tags is None or tag in tags):
                urls = [part.split()[0] for part in value.split(",") if part.strip()] \
                    if name == "srcset" else [value]
                found += [(url, f"<{tag} {name}>") for url in urls if _is_external(url)]
        rels = set(element.get("rel", "").lower().split())
        if tag == "link" and rels & _LINK_RELS and _is_external(element.get("href", "")):
            found.append((element.get("href"), f"<link rel={element.get('rel')}>"))
        found += _css(element.get("style", ""), f"<{tag} style>")
        if tag == "style":
            found += _css(element.text or "", "<style>")
    return found


def _css(text: str, where: str) -> list[tuple[str, str]]:
    return [(url, where) for match in _CSS_URL.finditer(text)
            if _is_external(url := match[1] or match[2])]
