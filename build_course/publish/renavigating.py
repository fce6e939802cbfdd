"""A served site whose navigation changed, brought up to date without a full build.

A page's title changed, a page was added or removed: every page of the site
shows the navigation, so every page changes, and MkDocs' build of 1,000
lessons takes many seconds. Here the configuration, files and navigation are
made again in memory as MkDocs' build makes them (``navigate``: a fraction of
a second), each page that did not change keeps what the last build read from
it (``read``), and only the pages the change shows at once are rendered
(``first``: the changed pages, the home page and the pages whose previous or
next link changed). ``Background`` then rebuilds the whole site with the new
navigation, one step at a time, as MkDocs' ``build`` does (every page read
and rendered in the same order, the theme's own pages such as 404.html and
the sitemap, and the search index last), so that the site ends up as a full
build makes it.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import jinja2
from mkdocs.commands.build import (
    _build_extra_template,
    _build_page,
    _build_theme_template,
    _populate_page,
)
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel, get_files, set_exclusions
from mkdocs.structure.nav import Navigation, get_navigation
from mkdocs.structure.pages import Page

SERVED = InclusionLevel.is_in_serve  # what MkDocs' build renders when it serves
READ = ("markdown", "meta", "content", "toc", "_title_from_render", "present_anchor_ids")
"""What MkDocs' build reads from a page and makes of its Markdown."""


@dataclass
class Site:
    """What MkDocs builds a site with; a page is rendered again with it."""

    config: MkDocsConfig
    files: Files
    nav: Navigation
    env: jinja2.Environment

    def pages(self) -> list[File]:
        return self.files.documentation_pages(inclusion=SERVED)


def navigate(config_file: Path, site_url: str, site_dir: Path, env: jinja2.Environment) -> Site:
    """docs/ as it is now: the configuration, files and navigation, made as
    MkDocs' build makes them (with its plugins' events), and a page for each
    Markdown file (not read yet). ``env`` is the theme's Jinja environment of
    an earlier build (mkdocs.yml did not change, and its templates are compiled)."""
    config = load_config(config_file=str(config_file), site_dir=str(site_dir))
    config.site_url = site_url
    config = config.plugins.on_config(config)
    files = get_files(config)
    files.add_files_from_theme(env, config)
    files = config.plugins.on_files(files, config=config)
    set_exclusions(files, config)
    nav = config.plugins.on_nav(get_navigation(files, config), config=config, files=files)
    site = Site(config, files, nav, env)
    for file in site.pages():
        if file.page is None:
            Page(None, file, config)
    return site


def read(site: Site, earlier: Site, changed: set[str]) -> None:
    """Read each page: a page ``changed`` (or new) from docs/, any other as
    ``earlier`` read it."""
    for file in site.pages():
        known = earlier.files.get_file_from_path(file.src_uri)
        if file.src_uri not in changed and known and known.page and known.page.content is not None:
            for name in READ:
                setattr(file.page, name, getattr(known.page, name))
        else:
            _populate_page(file.page, site.config, site.files)
    site.env = site.config.plugins.on_env(site.env, config=site.config, files=site.files)


def first(site: Site, earlier: Site, changed: set[str]) -> list[Page]:
    """The pages to render before the browser reloads: those ``changed``,
    the home page, and those whose previous or next page is another or
    has another title (in the site's order)."""
    before = _links(earlier)
    return [file.page for file in site.pages()
            if file.src_uri in changed or file.page.is_homepage
            or before.get(file.src_uri) != _links_of(file.page)]


def _links(site: Site) -> dict[str, tuple]:
    return {file.src_uri: _links_of(file.page) for file in site.pages() if file.page}


def _links_of(page: Page) -> tuple:
    return tuple((other.url, str(other.title)) if other else None
                 for other in (page.previous_page, page.next_page))


def remove_gone(site: Site, earlier: Site) -> list[str]:
    """Delete the files of ``earlier``'s pages that ``site`` has no more
    (and the folders they leave empty); their addresses."""
    kept = {file.abs_dest_path for file in site.files}
    gone = [file for file in earlier.pages() if file.abs_dest_path not in kept]
    for file in gone:
        with contextlib.suppress(OSError):  # gone already
            os.remove(file.abs_dest_path)
            folder = os.path.dirname(file.abs_dest_path)
            while folder != site.config.site_dir and not os.listdir(folder):
                os.rmdir(folder)
                folder = os.path.dirname(folder)
    return [file.dest_uri for file in gone]


def render(site: Site, pages: Iterable[Page]) -> None:
    """Render ``pages`` again (read already) into the site's folder, with
    the course's check of what each page loads."""
    course = site.config.plugins.get("course")
    if course:
        course.on_pre_build(config=site.config)
    documents = site.pages()
    for page in pages:
        _render(site, documents, page)
    if course:
        course.on_post_build(config=site.config)


def _render(site: Site, documents: list[File], page: Page) -> None:
    _build_page(page, site.config, documents, site.nav, site.env,
                excluded=page.file.inclusion.is_excluded())


class _Cancelled(Exception):
    pass


class Background(threading.Thread):
    """A whole site rebuilt after its navigation changed, as MkDocs' build
    makes it, one step (a page read, a page rendered...) at a time under
    ``lock``, so that a page can be served in between; ``cancel`` stops it
    between two steps. ``written`` is told of each page written;
    ``finished`` gets the site and the seconds it took, under the lock."""

    def __init__(self, make: Callable[[], Site], lock: threading.Lock,
                 written: Callable[[File], None],
                 finished: Callable[[Site, float], None]) -> None:
        super().__init__(name="site-background", daemon=True)
        self.make, self.lock, self.written, self.finished = make, lock, written, finished
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()
        if self.is_alive() and threading.current_thread() is not self:
            self.join()

    def run(self) -> None:
        started = time.perf_counter()
        site = None
        try:
            with self.lock:
                site = self.make()
                site.config.plugins.on_pre_build(config=site.config)
            for step in _steps(site, self.written):
                with self.lock:
                    if self._cancel.is_set():
                        raise _Cancelled
                    step()
            with self.lock:
                if not self._cancel.is_set():
                    self.finished(site, time.perf_counter() - started)
        except Exception as exc:  # noqa: BLE001 - said; the next change starts again
            if site is not None:
                site.config.plugins.on_build_error(error=exc)
            if not isinstance(exc, _Cancelled):
                print(f"error: the site was not brought up to date in the background: {exc}",
                      file=sys.stderr, flush=True)


def _steps(site: Site, written: Callable[[File], None]) -> Iterator[Callable[[], object]]:
    """MkDocs' build after its navigation is made, step by step (each step
    is made once the one before it ran)."""
    config, files = site.config, site.files
    pages = site.pages()
    for file in pages:
        yield partial(_populate_page, file.page, config, files)
    yield lambda: setattr(site, "env", config.plugins.on_env(site.env, config=config,
                                                            files=files))
    yield partial(files.copy_static_files, dirty=True, inclusion=SERVED)
    for template in config.theme.static_templates:
        yield partial(_build_theme_template, template, site.env, files, config, site.nav)
    for template in config.extra_templates:
        yield partial(_build_extra_template, template, files, config, site.nav)
    for file in pages:
        yield partial(_render_written, site, pages, file, written)
    yield partial(_validate_anchors, site)
    yield partial(config.plugins.on_post_build, config=config)


def _render_written(site: Site, pages: list[File], file: File,
                    written: Callable[[File], None]) -> None:
    _render(site, pages, file.page)
    written(file)


def _validate_anchors(site: Site) -> None:
    level = site.config.validation.links.anchors
    for file in site.pages():
        file.page.validate_anchor_links(files=site.files, log_level=level)
