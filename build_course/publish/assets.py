"""The course's own static assets (quiz script and style) and the check that
a built page loads nothing from outside the site (an intranet or offline
copy must make no request elsewhere; links to other sites are fine)."""

from __future__ import annotations

import multiprocessing
import re
import signal
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

import lxml.html
import rcssmin
import rjsmin
from lxml import etree

from build_course.build import parallel as workers

ASSETS = Path(__file__).parent.parent / "assets"
CSS = ["assets/course/quiz.css"]
JS = ["assets/course/quiz.js"]
# Offline copies only: stands in for Web Workers on file:// pages (search runs in one).
WORKER_SHIM = "assets/course/file-worker.js"


def served(name: str) -> bytes:
    """An asset as the site serves it: scripts and styles minified (comments and
    spaces out, nothing renamed), so that the readable source in assets/ need not
    be squeezed to keep a page's own JS and CSS under its 20 KB budget."""
    text = (ASSETS / name).read_text(encoding="utf-8")
    if name.endswith(".js"):
        text = rjsmin.jsmin(text)
    elif name.endswith(".css"):
        text = rcssmin.cssmin(text)
    return text.encode("utf-8")


def external_asset_warning(page: str, url: str, where: str) -> str:
    return (f"{page}: the page loads {url} ({where}) from outside the site; a course site makes "
            "no request elsewhere: save the file in docs/ and refer to it by a relative path, "
            "or remove it")


def _leave_ctrl_c_to_the_build() -> None:
    # Ctrl-C reaches every process of the terminal's group: the build stops
    # this one itself, without a KeyboardInterrupt traceback from it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


class AssetCheck:
    """``external_assets`` over every page of a build, in a process of its
    own where forking is safe: parsing every page took a tenth of MkDocs'
    build of a large course, and MkDocs leaves the other cores idle."""

    def __init__(self) -> None:
        self._pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"),
                                         initializer=_leave_ctrl_c_to_the_build) \
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
