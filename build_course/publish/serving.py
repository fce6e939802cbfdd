"""``build-course serve``: the site, rebuilt once per change.

MkDocs' live-reload server (whichever engine builds) watches source/, docs/
and mkdocs.yml and calls
the builder once the files stop changing. The builder looks at what changed
since its last call (by the files' sizes and times, build/watching.py). A
changed source (or manifest) first rebuilds docs/, through the same build
as ``build-course build`` (it writes only the pages that change; what did
not change, each other source's import, self-checks and pages, comes from
memory: build/remembering.py). Then, for
docs/ and mkdocs.yml:

- nothing the site shows (a ``PAGE.md.new``, the build's own files): no build;
- pages only, with the same titles and the same navigation: those pages are
  rendered again, with the navigation, files and theme of the last build
  (a second or less at 1,000 lessons, where a full build takes tens);
- pages and the navigation (a page's title, a page added or removed, in
  docs/ or through a source): the navigation is made again in memory and
  only the pages the change shows at once are rendered before the browser
  reloads (the changed pages, the home page, the pages whose previous or
  next link changed); the rest of the site follows in the background, one
  page at a time (publish/renavigating.py), and a page asked for before the
  background reached it is rendered before it is served. The background
  pass ends with the theme's own pages (404, sitemap) and the search index,
  and leaves the site as a full build makes it; the next change stops it
  and starts it again. After an author changed a page's title, docs/ is
  built first, for the home page and navigation;
- anything else (mkdocs.yml, a picture or other file): a full MkDocs build.

The search index is refreshed by full builds and by the background pass
that follows a change of the navigation (not after an edit that keeps it).
The watches report
changes only: a file being opened or read is none (see CHANGES); and none of
the files a build writes for itself (its lock, its cache, the record of
docs/, Zensical's generated configuration and cache: see ``_own_file``), so
that a build never calls for another. A call of the builder that builds
nothing (a change the site does not show, or a page the build of docs/ just
wrote, seen after it) reloads no browser (``_Server``): an author's one
change is one build and one reload (the background pass reloads none).

With ``--engine zensical`` every change the site shows is a full Zensical
build (as ``build-course build --engine zensical`` makes it: a second or two
for the sample course); the same server serves it, so the guarantees are the
same: one build per change, none while nothing changes, the address said once.
Zensical's own ``serve`` is not used: it would watch and build on its own,
without docs/ rebuilt from source/ first and without the course's additions.
"""

from __future__ import annotations

import contextlib
import logging
import os
import posixpath
import shutil
import socket
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

from mkdocs.commands.build import _populate_page
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import File
from watchdog.events import (
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer
from watchdog.observers.polling import PollingObserver

from build_course.build.record import RECORD, load_record
from build_course.build.watching import Snapshot, snapshot
from build_course.diagnostics import CourseError, UsageError
from build_course.project import Project
from build_course.publish.renavigating import (
    Background,
    Site,
    first,
    navigate,
    read,
    remove_gone,
    render,
)


class _Said(logging.Handler):
    """MkDocs' warnings, each said once while serving (not at every rebuild)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.said: set[str] = set()

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if message not in self.said:
            self.said.add(message)
            print(f"warning: {message}", file=sys.stderr, flush=True)


class _Server(LiveReloadServer):
    """MkDocs' live-reload server, except that a call of the builder that
    built nothing reloads no browser. MkDocs' server moves the site's version
    (its "epoch", which each open page polls for) on after every call; here
    the builder says whether it built, and a call that did not leaves the
    version where the browsers have it."""

    def __init__(self, builder: SiteBuilder, **options) -> None:
        super().__init__(builder=self._build, **options)
        self._site_builder = builder

    def _build(self) -> None:
        if not self._site_builder():
            with self._epoch_cond:  # the private state MkDocs 1.6 keeps (it gets no release)
                self._wanted_epoch = self._visible_epoch

    def _serve_request(self, environ, start_response):
        """A page still showing the navigation before the last change is
        rendered before it is served (the background pass has not reached it)."""
        path = environ["PATH_INFO"].encode("latin-1").decode("utf-8", "ignore")
        if path.startswith(self.mount_path):
            inside = path[len(self.mount_path):] + ("index.html" if path.endswith("/") else "")
            self._site_builder.fresh(posixpath.normpath("/" + inside).lstrip("/"))
        return super()._serve_request(environ, start_response)


class SiteBuilder:
    """Builds the site into ``site_dir``: in full, or only the changed pages,
    or (a navigation changed) the pages the change shows first and the rest
    in the background (publish/renavigating.py)."""

    def __init__(self, project: Project, site_dir: Path, url: str,
                 say: Callable[[str], None], rebuild_docs: Callable[[], None],
                 engine: str = "mkdocs") -> None:
        self.project, self.site_dir, self.url, self.say = project, site_dir, url, say
        self.rebuild_docs, self.engine = rebuild_docs, engine
        self._warned: set[str] = set()
        self._sources: Snapshot | None = None
        self._seen: Snapshot = {}
        self._nav = None
        self._state: Site | None = None  # what the site's pages are rendered with
        self._lock = threading.Lock()  # one rendering at a time: builder, background, requests
        self._waiting: dict[str, File] = {}  # pages not rendered since the navigation changed
        self._behind = False  # whether the background pass is owed
        self._background: Background | None = None

    def __call__(self) -> bool:
        """Build what changed since the last call; whether the site changed."""
        self.stop()
        with self._lock:
            built = self._build(time.perf_counter())
        if self._behind and self._state is not None:
            self._background = Background(self._navigate, self._lock, self._written,
                                          self._finished)
            self._background.start()
        return built

    def stop(self) -> None:
        """Stop the background pass, if any (the next call starts it again)."""
        if self._background is not None:
            self._background.cancel()
            self._background = None

    def fresh(self, site_path: str) -> None:
        """Render the page at ``site_path`` (in the site folder) now if it
        still shows the navigation before the last change."""
        if site_path not in self._waiting:
            return
        with self._lock:
            file = self._waiting.pop(site_path, None)
            if file is not None and self._state is not None:
                render(self._state, [file.page])

    def _build(self, started: float) -> bool:
        docs_s = self._docs_from_sources()
        shown, nav_changed = self._changes()
        if not shown and not nav_changed:
            return False
        pages = self._pages(shown, nav_changed)
        if pages and self._rebuild_pages(pages):
            self.say(f"rebuilt {_n(len(pages), 'page')} in {time.perf_counter() - started:.1f} s"
                     + (f" (docs/ {docs_s:.1f} s)" if docs_s >= 0.05 else ""))
            return True
        if pages:  # an author changed a page's title: the navigation and home page show it
            self.rebuild_docs()
            shown = sorted(set(shown) | set(self._changes()[0]))
        if self._renavigable(shown):
            done, left = self._renavigate(shown)
            self.say(f"rebuilt {_n(done, 'page')} and the navigation in "
                     f"{time.perf_counter() - started:.1f} s (the other {left} pages follow "
                     "in the background)")
            return True
        if not self._full():
            return False
        self.say(f"rebuilt the site in {time.perf_counter() - started:.1f} s")
        return True

    def _docs_from_sources(self) -> float:
        """docs/ rebuilt if a source changed; the seconds it took."""
        started = time.perf_counter()
        sources = snapshot(self.project.source)
        if self._sources is not None and sources != self._sources:
            self.rebuild_docs()  # writes only the pages that change, seen below
        self._sources = sources
        return time.perf_counter() - started

    def _changes(self) -> tuple[list[str], bool]:
        """The files the site shows that changed since the last look, and
        whether the recorded navigation did."""
        now = self._look()
        changed = sorted(path for path in set(now) | set(self._seen)
                         if now.get(path) != self._seen.get(path))
        self._seen = now
        nav = load_record(self.project.docs).nav
        nav_changed, self._nav = nav != self._nav, nav
        return [path for path in changed if _shown(path)], nav_changed

    def _look(self) -> Snapshot:
        seen = {f"docs/{path}": stamp for path, stamp in snapshot(self.project.docs).items()}
        with contextlib.suppress(OSError):
            stat = self.project.mkdocs_yml.stat()
            seen["mkdocs.yml"] = (stat.st_mtime_ns, stat.st_size)
        return seen

    def _pages(self, shown: list[str], nav_changed: bool) -> list[str] | None:
        """The pages to render again, or None when the navigation changes."""
        if self._state is None or nav_changed:
            return None
        pages = []
        for path in shown:
            file = self._state.files.get_file_from_path(path.removeprefix("docs/")) \
                if path.startswith("docs/") and path.endswith(".md") else None
            if file is None or file.page is None or not (self.project.docs / file.src_uri).exists():
                return None  # added, removed, not a page, or mkdocs.yml
            pages.append(file.src_uri)
        return pages

    def _rebuild_pages(self, pages: list[str]) -> bool:
        """Read and render ``pages`` again; False (none rendered) when one's title changed."""
        site = self._state
        found = [site.files.get_file_from_path(src_uri).page for src_uri in pages]
        for page in found:
            title = str(page.meta.get("title"))
            _populate_page(page, site.config, site.files)
            if str(page.meta.get("title")) != title:
                return False  # the navigation shows titles
        render(site, found)
        for page in found:
            self._waiting.pop(page.file.dest_uri, None)
        return True

    def _renavigable(self, shown: list[str]) -> bool:
        """Whether only pages changed (with the navigation): no full build needed."""
        return self.engine == "mkdocs" and self._state is not None \
            and all(path.startswith("docs/") and path.endswith(".md") for path in shown)

    def _navigate(self) -> Site:
        return navigate(self.project.mkdocs_yml, self.url, self.site_dir, self._state.env)

    def _renavigate(self, shown: list[str]) -> tuple[int, int]:
        """The navigation made again, the pages the change shows rendered
        first; (pages rendered, pages left to the background)."""
        earlier, site = self._state, self._navigate()
        changed = {path.removeprefix("docs/") for path in shown}
        read(site, earlier, changed)
        remove_gone(site, earlier)
        pages = first(site, earlier, changed)
        render(site, pages)
        self._state, self._behind = site, True
        rendered = {page.file.src_uri for page in pages}
        self._waiting = {file.dest_uri: file for file in site.pages()
                         if file.src_uri not in rendered}
        return len(pages), len(self._waiting)

    def _written(self, file: File) -> None:
        self._waiting.pop(file.dest_uri, None)

    def _finished(self, site: Site, seconds: float) -> None:
        self._state, self._behind, self._waiting = site, False, {}
        self.say(f"background: {_n(len(site.pages()), 'page')}, the sitemap and the search "
                 f"index brought up to date in {seconds:.1f} s")

    def _full(self) -> bool:
        """A full build; False when it failed (said, and the last site still served)."""
        self._state, self._behind, self._waiting = None, False, {}
        if self.engine == "zensical":
            return self._zensical()
        config = load_config(config_file=str(self.project.mkdocs_yml), site_dir=str(self.site_dir))
        config.site_url = self.url
        mkdocs_build(config, serve_url=self.url)
        course = config.plugins.get("course")
        self._state = Site(config, *course.built) if course and course.built else None
        return True

    def _zensical(self) -> bool:
        from build_course.publish.zensical import build_zensical_site

        try:
            warnings = build_zensical_site(self.project.mkdocs_yml, self.site_dir,
                                           site_url=self.url)
        except CourseError as exc:
            print(exc.format_message(), file=sys.stderr, flush=True)
            return False
        for warning in warnings:
            if warning not in self._warned:  # each said once while serving
                self._warned.add(warning)
                print(f"warning: {warning}", file=sys.stderr, flush=True)
        return True


def _shown(path: str) -> bool:
    """Whether the site shows ``path`` (docs/ files starting with "." and
    ``*.md.new`` are left out of it; the record's navigation is compared apart)."""
    if path == "mkdocs.yml":
        return True
    parts = path.split("/")
    return not any(part.startswith(".") for part in parts) and not path.endswith(".md.new") \
        and parts[-1] != RECORD


def _n(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


# What an author's save, a deletion or a rename makes; not a file being
# opened or read (by an editor, git, or the builder itself: its reading of
# docs/ called it again at once, for ever, at 40% of a core at 1,000 lessons).
CHANGES = [FileCreatedEvent, FileModifiedEvent, FileDeletedEvent, FileMovedEvent,
           FileClosedEvent, DirCreatedEvent, DirDeletedEvent, DirMovedEvent]


class _ChangesOnly:
    """An observer whose watches report changes only (see CHANGES), and no
    change of a file that ``ignored`` names: MkDocs' server rebuilds on any
    event it is given."""

    ignored: Callable[[str], bool] = staticmethod(lambda path: False)

    def schedule(self, event_handler, path, *, recursive=False, event_filter=None, **options):
        return super().schedule(_Filtered(event_handler, self.ignored), path,
                                recursive=recursive, event_filter=CHANGES, **options)


class _Filtered(FileSystemEventHandler):
    """``handler``, given only the events of files that ``ignored`` does not
    name (a file moved in or out counts when either end is not ignored)."""

    def __init__(self, handler: FileSystemEventHandler, ignored: Callable[[str], bool]) -> None:
        super().__init__()
        self.handler, self.ignored = handler, ignored

    def dispatch(self, event) -> None:
        ends = [end for end in (event.src_path, getattr(event, "dest_path", "")) if end]
        if not all(self.ignored(os.fsdecode(end)) for end in ends):
            self.handler.dispatch(event)


def _own_file(project: Project) -> Callable[[str], bool]:
    """Which files serve does not watch: in the project folder, all but
    mkdocs.yml (the build's lock file, Zensical's generated configuration
    and its cache are written there by the build itself; nothing else
    there is part of the site); anywhere, the build's own files and folders
    (``.build-course*``: the import cache, the record of docs/)."""
    root = os.path.abspath(project.root)
    config = os.path.abspath(project.mkdocs_yml)

    def ignored(path: str) -> bool:
        path = os.path.abspath(path)
        if os.path.dirname(path) == root:
            return path != config
        inside = os.path.relpath(path, root).split(os.sep)
        return any(part.startswith(OWN_PREFIX) for part in inside)
    return ignored


OWN_PREFIX = ".build-course"
"""How the names of the files a build writes for itself begin."""


class _EventsObserver(_ChangesOnly, Observer):
    pass


class _PollingObserver(_ChangesOnly, PollingObserver):
    pass


def _observer(paths: list[Path], ignored: Callable[[str], bool]):
    """The system's own file events (inotify on Linux) where they work for
    ``paths``: a change is seen at once, and nothing is read while nothing
    changes (MkDocs' default polls every file twice a second); else polling.
    Either reports changes only, and none of the files ``ignored`` names."""
    probe = _EventsObserver()
    try:
        for path in paths:
            probe.schedule(FileSystemEventHandler(), str(path), recursive=True)
        probe.start()  # fails when the system's watches run out
    except OSError:
        observer = _PollingObserver(timeout=0.5)
    else:
        observer = _EventsObserver()
    finally:
        if probe.is_alive():
            probe.stop()
            probe.join(timeout=5)
    observer.ignored = ignored
    return observer


def _check_port(port: int) -> None:
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server does
        try:
            probe.bind(("127.0.0.1", port))
        except OSError as exc:
            raise UsageError("--port", 0, f"cannot serve on port {port} ({exc.strerror})",
                             "pass --port with a free port") from None


def serve(project: Project, port: int, rebuild_docs: Callable[[], None],
          engine: str = "mkdocs") -> None:
    """Serve the site on 127.0.0.1:``port`` until interrupted; ``rebuild_docs``
    is called after each change in source/ (the server's builder calls it,
    so that docs/ and the site are never built at the same time)."""
    url = f"http://127.0.0.1:{port}/"
    if engine == "zensical":
        from build_course.publish.zensical import INSTALL, available

        if not available():
            raise UsageError("--engine", 0, "the Zensical engine is not installed", INSTALL)
    _check_port(port)
    site_dir = Path(tempfile.mkdtemp(prefix="build-course-serve-"))
    said = _Said()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(said)
    logger.propagate = False  # MkDocs' own messages: only the warnings, once
    say = lambda text: print(text, flush=True)  # noqa: E731
    builder = SiteBuilder(project, site_dir, url, say, rebuild_docs, engine)
    server = _Server(builder, host="127.0.0.1", port=port, root=str(site_dir))
    watched = [project.source, project.docs]
    server.observer = _observer([p for p in watched if p.exists()], _own_file(project))
    try:
        builder()
        for path in watched:
            server.watch(str(path))
        # mkdocs.yml through its folder: an editor that saves by renaming a
        # new file over it would leave a watch of the file itself on the old one
        server.watch(str(project.root), recursive=False)
        print(f"serving on {url} (Ctrl-C to stop)", flush=True)
        server.serve()
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
        builder.stop()
        logger.removeHandler(said)
        logger.propagate = True
        shutil.rmtree(site_dir, ignore_errors=True)
