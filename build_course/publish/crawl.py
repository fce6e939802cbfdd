"""Check a deployed course site: every page and asset answers, nothing leaves the site.

    python -m build_course.crawl http://intranet.example/training/

Starting from the given address (the site's root, ending in ``/``), it
fetches every page, stylesheet, script, image and the search index that the
pages refer to, and reports:

- any address that answers with an error (4xx or 5xx);
- any reference to the same server outside the site's folder (a link that
  leaves the sub-path: the site was built for another address);
- anything a page would load from another server (a link ``<a href>`` to
  another site is fine: the learner chooses to follow it);
- the 404 page: a missing address must answer 404 with a page whose own
  links stay inside the site (true when site_url was set at build time).

Exit code 0 when all is well, 1 otherwise; one line per problem.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

from build_course.publish.assets import external_assets

_CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)""", re.I)
MISSING = "build-course-crawl-no-such-page/"


@dataclass
class CrawlReport:
    root: str
    fetched: dict[str, int] = field(default_factory=dict)  # url -> HTTP status
    pages: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


class _Refs(HTMLParser):
    """Every address a page refers to, as (url, is_link): links wait for a click."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.refs: list[tuple[str, bool]] = []
        self.config = ""
        self._in_config = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "a" and values.get("href"):
            self.refs.append((values["href"], True))
        elif tag == "link" and values.get("href"):
            self.refs.append((values["href"], "alternate" in values.get("rel", "")))
        for name in ("src", "poster", "data"):
            if values.get(name):
                self.refs.append((values[name], False))
        for part in values.get("srcset", "").split(","):
            if part.strip():
                self.refs.append((part.split()[0], False))
        self._in_config = tag == "script" and values.get("id") == "__config"

    def handle_endtag(self, tag: str) -> None:
        self._in_config = False

    def handle_data(self, data: str) -> None:
        if self._in_config:
            self.config += data


def _fetch(url: str, timeout: float) -> tuple[int, str, bytes]:
    request = urllib.request.Request(url, headers={"User-Agent": "build-course-crawl"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            return response.status, response.headers.get_content_type(), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers.get_content_type() if exc.headers else "", exc.read()


def crawl(root: str, timeout: float = 10.0, limit: int = 10000) -> CrawlReport:
    """Fetch the whole site under ``root``; return what was found."""
    if not root.endswith("/"):
        root += "/"
    report = CrawlReport(root)
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(root))
    queue: list[tuple[str, str]] = [(root, "the start address")]
    seen = {root}

    def refer(ref: str, base: str, is_link: bool, where: str) -> None:
        url = urldefrag(urljoin(base, ref.strip()))[0]
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            return
        if f"{parts.scheme}://{parts.netloc}" != origin:
            if not is_link:
                report.problems.append(f"{where}: loads {url} from another server")
            return
        if not url.startswith(root):
            report.problems.append(f"{where}: refers to {url}, outside {root}")
            return
        if url not in seen and len(seen) < limit:
            seen.add(url)
            queue.append((url, where))

    def visit(url: str, where: str, expect: int = 200) -> None:
        try:
            status, kind, body = _fetch(url, timeout)
        except (OSError, ValueError) as exc:
            report.problems.append(f"{url}: no answer ({exc}); referred to by {where}")
            return
        report.fetched[url] = status
        if status != expect:
            report.problems.append(f"{url}: HTTP {status}; referred to by {where}")
            if status >= 400 and expect < 400:
                return
        if kind == "text/html":
            report.pages.append(url)
            text = body.decode("utf-8", "replace")
            parser = _Refs()
            parser.feed(text)
            parser.close()
            for ref, is_link in parser.refs:
                refer(ref, url, is_link, url)
            for asset, _ in external_assets(text):
                refer(asset, url, False, url)
            index = "search.json" if _ZENSICAL.search(text) else "search/search_index.json"
            _theme_config(parser.config, url, lambda ref: refer(ref, url, False, url), index)
        elif kind == "text/css":
            for match in _CSS_URL.finditer(body.decode("utf-8", "replace")):
                if not match[1].startswith("data:"):
                    refer(match[1], url, False, url)

    while queue:
        visit(*queue.pop(0))
    seen.add(root + MISSING)  # its own links to itself (#__skip under Zensical) are not new
    visit(root + MISSING, "the 404 check (a missing address)", expect=404)
    while queue:
        visit(*queue.pop(0))
    return report


# Zensical writes its search index at the site's root (Material: search/search_index.json).
_ZENSICAL = re.compile(r'<meta\s+name="generator"\s+content="zensical', re.I)


def _theme_config(text: str, page: str, refer, index: str) -> None:
    """Material's page settings name the search script (relative to the page) and,
    through ``base``, the site root where its ``index`` is."""
    try:
        config = json.loads(text) if text.strip() else {}
    except ValueError:
        return
    base = urljoin(page, config.get("base", "."))
    if not base.endswith("/"):
        base += "/"
    if config.get("search"):
        refer(urljoin(page, config["search"]))
        refer(urljoin(base, index))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m build_course.crawl",
                                     description="Check a deployed course site.")
    parser.add_argument("url", help="the site's address, e.g. http://intranet.example/training/")
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds per request")
    args = parser.parse_args(argv)
    if urlsplit(args.url).scheme not in ("http", "https"):
        parser.error("give an http:// or https:// address")
    report = crawl(args.url, args.timeout)
    for problem in report.problems:
        print(problem)
    print(f"{len(report.pages)} pages, {len(report.fetched)} addresses checked, "
          f"{len(report.problems)} problems")
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
