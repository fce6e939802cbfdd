"""``build-course serve``: one rebuild per change, whatever changed; idle
between changes; an author's edit in docs/ served and kept."""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest
from conftest import copy_project

QUIET = 15  # seconds without a change in which no rebuild may happen


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def _wait_for(what, seconds: float = 90) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if what():
            return True
        time.sleep(0.3)
    return False


class _Serving:
    """``build-course serve`` in a process of its own; its output, line by line."""

    def __init__(self, project: Path, *options: str) -> None:
        self.port = _free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.lines: list[str] = []
        self.process = subprocess.Popen(
            [sys.executable, "-m", "build_course", "--project", str(project), "serve",
             "--port", str(self.port), *options],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.append(line.rstrip("\n"))

    def rebuilds(self) -> int:
        return sum(1 for line in self.lines if line.startswith("rebuilt "))

    def page_has(self, path: str, text: str) -> bool:
        return text in _get(self.base + path)

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


def _stamps(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_mtime_ns
            for p in folder.rglob("*") if p.is_file()}


def _change(server: _Serving, change, path: str, text: str) -> int:
    """Make ``change``, wait until ``path`` shows ``text``; the rebuilds it took."""
    before = server.rebuilds()
    change()
    assert _wait_for(lambda: server.page_has(path, text)), server.lines
    time.sleep(3)  # a second rebuild, if there were one, would be under way by now
    return server.rebuilds() - before


def test_serve_rebuilds_once_per_change_and_keeps_an_edit(tmp_path: Path):
    project = copy_project(tmp_path)
    server = _Serving(project)
    try:
        assert _wait_for(lambda: any(line.startswith("serving on") for line in server.lines))
        assert _wait_for(lambda: server.page_has("/", "Customer Service Essentials"))
        page = project / "docs/tutorialspoint-customer-service/attitude.md"
        stamps = _stamps(project / "docs")
        started = server.rebuilds()

        edited = page.read_text("utf-8") + "\nA line the author added while serving.\n"
        assert _change(server, lambda: page.write_text(edited, "utf-8"),
                       "/tutorialspoint-customer-service/attitude/",
                       "A line the author added while serving.") == 1
        time.sleep(QUIET)
        assert server.rebuilds() == started + 1, server.lines  # idle since
        assert page.read_text("utf-8") == edited  # kept
        after = _stamps(project / "docs")
        assert {p: t for p, t in after.items() if t != stamps.get(p)} == {
            "tutorialspoint-customer-service/attitude.md": after[
                "tutorialspoint-customer-service/attitude.md"]}  # nothing else was written

        source = project / "source/servicing-customers-competency-guide.txt"
        assert _change(server, lambda: source.write_text(
            source.read_text("utf-8") + "\nA line added to the source while serving.\n", "utf-8"),
            "/servicing-customers-competency-guide/servicing-customers/",
            "A line added to the source while serving.") == 1

        manifest = project / "source/course.yml"
        assert _change(server, lambda: manifest.write_text(manifest.read_text("utf-8").replace(
            "title: Servicing Customers", "title: Serving Customers Well"), "utf-8"),
            "/", "Serving Customers Well") == 1

        settings = project / "mkdocs.yml"
        assert _change(server, lambda: settings.write_text(settings.read_text("utf-8").replace(
            "site_name: Customer Service Essentials", "site_name: The Service Handbook"),
            "utf-8"), "/", "The Service Handbook</title>") == 1

        assert page.read_text("utf-8") == edited

        retitled = edited.replace('title: "Attitude"', 'title: "A Helpful Attitude"')
        assert retitled != edited
        assert _change(server, lambda: page.write_text(retitled, "utf-8"), "/",
                       "A Helpful Attitude") == 1  # the home page (and navigation) show it
        assert page.read_text("utf-8") == retitled
        output = "\n".join(server.lines)
        assert output.count("serving on http://127.0.0.1:") == 1
        # the first build, the source, the manifest, the title (for home page and navigation)
        assert output.count("docs: ") == 4
    finally:
        server.stop()


def test_serve_with_zensical_rebuilds_once_per_change_and_keeps_an_edit(tmp_path: Path):
    pytest.importorskip("zensical", reason="the zensical extra is not installed")
    project = copy_project(tmp_path)
    server = _Serving(project, "--engine", "zensical")
    try:
        assert _wait_for(lambda: any(line.startswith("serving on") for line in server.lines))
        assert _wait_for(lambda: server.page_has("/", "Customer Service Essentials"))
        home = _get(server.base + "/")  # served: the server watches the files by now
        assert "assets/course/quiz.js" in home
        assert "/livereload" in home  # the server's reload script: the browser follows changes
        page = project / "docs/tutorialspoint-customer-service/attitude.md"
        stamps = _stamps(project / "docs")
        started = server.rebuilds()

        edited = page.read_text("utf-8") + "\nA line the author added while serving.\n"
        assert _change(server, lambda: page.write_text(edited, "utf-8"),
                       "/tutorialspoint-customer-service/attitude/",
                       "A line the author added while serving.") == 1
        time.sleep(QUIET)
        assert server.rebuilds() == started + 1, server.lines  # idle since
        assert page.read_text("utf-8") == edited  # kept
        after = _stamps(project / "docs")
        assert {p for p, t in after.items() if t != stamps.get(p)} == {
            "tutorialspoint-customer-service/attitude.md"}  # nothing else was written

        source = project / "source/servicing-customers-competency-guide.txt"
        assert _change(server, lambda: source.write_text(
            source.read_text("utf-8") + "\nA line added to the source while serving.\n", "utf-8"),
            "/servicing-customers-competency-guide/servicing-customers/",
            "A line added to the source while serving.") == 1
        assert page.read_text("utf-8") == edited

        settings = project / "mkdocs.yml"
        assert _change(server, lambda: settings.write_text(settings.read_text("utf-8").replace(
            "site_name: Customer Service Essentials", "site_name: The Service Handbook"),
            "utf-8"), "/", "The Service Handbook</title>") == 1
        output = "\n".join(server.lines)
        assert output.count("serving on http://127.0.0.1:") == 1
        assert "Traceback" not in output
        # what Zensical needs in the project (its configuration, docs/ as it reads them,
        # its site) is gone after each build; mkdocs.yml stays the author's
        assert not list(project.glob(".build-course-zensical*"))
        assert "The Service Handbook" in settings.read_text("utf-8")
    finally:
        server.stop()


def test_serve_with_zensical_says_a_broken_build_and_serves_the_last_site(tmp_path: Path):
    pytest.importorskip("zensical", reason="the zensical extra is not installed")
    project = copy_project(tmp_path)
    server = _Serving(project, "--engine", "zensical")
    try:
        assert _wait_for(lambda: any(line.startswith("serving on") for line in server.lines))
        assert _wait_for(lambda: server.page_has("/", "Customer Service Essentials"))
        settings = project / "mkdocs.yml"
        good = settings.read_text("utf-8")
        settings.write_text(good + "\nnav: [unclosed\n", "utf-8")
        assert _wait_for(lambda: any("mkdocs.yml" in line for line in server.lines[1:]), 60), \
            server.lines
        assert "Customer Service Essentials" in _get(server.base + "/")  # the last site
        assert _change(server, lambda: settings.write_text(good.replace(
            "site_name: Customer Service Essentials", "site_name: The Service Handbook"),
            "utf-8"), "/", "The Service Handbook</title>") == 1
        assert "Traceback" not in "\n".join(server.lines)
    finally:
        server.stop()


def test_imports_remembered_while_serving_build_what_a_fresh_build_does(tmp_path: Path,
                                                                         monkeypatch):
    """serve keeps each import in memory; the build changes what it gets (a
    duplicate source loses its lessons), so what it remembers must be a copy."""
    from build_course.build import pipeline
    from build_course.cli import main

    served, fresh = copy_project(tmp_path / "served"), copy_project(tmp_path / "fresh")
    remembered: dict = {}
    for n in range(3):
        for project in (served, fresh):
            source = project / "source/servicing-customers-competency-guide.txt"
            source.write_text(source.read_text("utf-8") + f"\nClosing line {n}.\n", "utf-8")
        monkeypatch.setattr(pipeline, "_REMEMBERED", remembered)
        assert main(["--project", str(served), "build", "--docs-only"]) == 0
        remembered = pipeline._REMEMBERED
        assert len(remembered) == 5  # every source
        monkeypatch.setattr(pipeline, "_REMEMBERED", None)
        assert main(["--project", str(fresh), "build", "--docs-only"]) == 0
        pages = {p.relative_to(served / "docs").as_posix(): p.read_bytes()
                 for p in (served / "docs").rglob("*.md")}
        assert pages == {p.relative_to(fresh / "docs").as_posix(): p.read_bytes()
                         for p in (fresh / "docs").rglob("*.md")}


def test_serve_watches_changes_not_reads(tmp_path: Path):
    """Reading a watched file (an editor, git, or the builder reading the
    record) is no change: it once called the builder, whose own reading
    called it again, for ever."""
    from watchdog.events import FileSystemEventHandler

    from build_course.publish.serving import _observer

    page = tmp_path / "docs/part/page.md"
    page.parent.mkdir(parents=True)
    page.write_text("# A page\n", "utf-8")
    seen: list[str] = []
    handler = FileSystemEventHandler()
    handler.on_any_event = lambda event: seen.append(type(event).__name__)
    observer = _observer([tmp_path / "docs"])
    observer.schedule(handler, str(tmp_path / "docs"), recursive=True)
    observer.start()
    try:
        time.sleep(1)  # the watch in place
        for _ in range(3):
            page.read_bytes()
        time.sleep(2)
        assert seen == []
        page.write_text("# A page, edited\n", "utf-8")
        assert _wait_for(lambda: "FileModifiedEvent" in seen, 10), seen
    finally:
        observer.stop()
        observer.join(timeout=5)
