"""``build-course serve``: one rebuild per change, whatever changed; idle
between changes; an author's edit in docs/ served and kept."""

from __future__ import annotations

import re
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


def _get(url: str, timeout: float = 2) -> str:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
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

    def follow_reloads(self) -> None:
        """Poll for reloads as an open page does (MkDocs' live-reload script:
        ``/livereload/EPOCH/ID`` answers when the site's version moves on)."""
        self.reloaded: list[int] = []
        epoch = int(re.search(r"livereload\((\d+),", _get(self.base + "/"))[1])

        def poll(epoch: int = epoch) -> None:
            while self.process.poll() is None:
                said = _get(f"{self.base}/livereload/{epoch}/1", timeout=90)
                if said.isdigit() and int(said) > epoch:
                    epoch = int(said)
                    self.reloaded.append(epoch)
        threading.Thread(target=poll, daemon=True).start()

    def reloads(self) -> int:
        return len(self.reloaded)

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


def _once(server: _Serving, change, path: str, text: str) -> tuple[int, int]:
    """(rebuilds, reloads of an open page) that ``change`` took."""
    before = server.reloads()
    rebuilds = _change(server, change, path, text)
    return rebuilds, server.reloads() - before


def test_serve_rebuilds_once_per_change_and_keeps_an_edit(tmp_path: Path):
    project = copy_project(tmp_path)
    server = _Serving(project)
    try:
        assert _wait_for(lambda: any(line.startswith("serving on") for line in server.lines))
        assert _wait_for(lambda: server.page_has("/", "Customer Service Essentials"))
        page = project / "docs/tutorialspoint-customer-service/attitude.md"
        stamps = _stamps(project / "docs")
        started = server.rebuilds()
        server.follow_reloads()

        edited = page.read_text("utf-8") + "\nA line the author added while serving.\n"
        assert _once(server, lambda: page.write_text(edited, "utf-8"),
                       "/tutorialspoint-customer-service/attitude/",
                       "A line the author added while serving.") == (1, 1)
        time.sleep(QUIET)
        assert server.rebuilds() == started + 1, server.lines  # idle since
        assert server.reloads() == 1
        assert page.read_text("utf-8") == edited  # kept
        after = _stamps(project / "docs")
        assert {p: t for p, t in after.items() if t != stamps.get(p)} == {
            "tutorialspoint-customer-service/attitude.md": after[
                "tutorialspoint-customer-service/attitude.md"]}  # nothing else was written

        source = project / "source/servicing-customers-competency-guide.txt"
        assert _once(server, lambda: source.write_text(
            source.read_text("utf-8") + "\nA line added to the source while serving.\n", "utf-8"),
            "/servicing-customers-competency-guide/servicing-customers/",
            "A line added to the source while serving.") == (1, 1)

        manifest = project / "source/course.yml"
        assert _once(server, lambda: manifest.write_text(manifest.read_text("utf-8").replace(
            "title: Servicing Customers", "title: Serving Customers Well"), "utf-8"),
            "/", "Serving Customers Well") == (1, 1)

        settings = project / "mkdocs.yml"
        assert _once(server, lambda: settings.write_text(settings.read_text("utf-8").replace(
            "site_name: Customer Service Essentials", "site_name: The Service Handbook"),
            "utf-8"), "/", "The Service Handbook</title>") == (1, 1)

        assert page.read_text("utf-8") == edited

        retitled = edited.replace('title: "Attitude"', 'title: "A Helpful Attitude"')
        assert retitled != edited
        assert _once(server, lambda: page.write_text(retitled, "utf-8"), "/",
                       "A Helpful Attitude") == (1, 1)  # the home page (and navigation) show it
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
        server.follow_reloads()

        # one build and one reload of the open page per change: the build's own
        # files (its generated configuration beside mkdocs.yml, Zensical's cache,
        # the lock) call for no other
        edited = page.read_text("utf-8") + "\nA line the author added while serving.\n"
        assert _once(server, lambda: page.write_text(edited, "utf-8"),
                     "/tutorialspoint-customer-service/attitude/",
                     "A line the author added while serving.") == (1, 1), server.lines
        time.sleep(QUIET)
        assert server.rebuilds() == started + 1, server.lines  # idle since
        assert server.reloads() == 1
        assert page.read_text("utf-8") == edited  # kept
        after = _stamps(project / "docs")
        assert {p for p, t in after.items() if t != stamps.get(p)} == {
            "tutorialspoint-customer-service/attitude.md"}  # nothing else was written

        source = project / "source/servicing-customers-competency-guide.txt"
        assert _once(server, lambda: source.write_text(
            source.read_text("utf-8") + "\nA line added to the source while serving.\n", "utf-8"),
            "/servicing-customers-competency-guide/servicing-customers/",
            "A line added to the source while serving.") == (1, 1)
        assert page.read_text("utf-8") == edited

        settings = project / "mkdocs.yml"
        assert _once(server, lambda: settings.write_text(settings.read_text("utf-8").replace(
            "site_name: Customer Service Essentials", "site_name: The Service Handbook"),
            "utf-8"), "/", "The Service Handbook</title>") == (1, 1)
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


def _article(page_html: str) -> str:
    """A page's article (its content), without what a server adds around it."""
    start = page_html.index("<article")
    return page_html[start:page_html.index("</article>", start)]


def test_a_source_edit_while_serving_is_served_as_a_clean_build_makes_it(tmp_path: Path):
    """serve rebuilds only what a source edit changes (the rest from memory);
    what it serves and writes is what a clean build of the same sources makes,
    down to another source's self-check (a new term changes its distractors)."""
    served, clean = copy_project(tmp_path / "served"), copy_project(tmp_path / "clean")
    server = _Serving(served)
    try:
        assert _wait_for(lambda: any(line.startswith("serving on") for line in server.lines))
        # served: the watches are started by now ("serving on" is said just before)
        assert _wait_for(lambda: server.page_has("/", "Customer Service Essentials"))
        listed = "they cannot solve by themselves. \n"
        added = listed + "\n \n\n Being patient: Let the customer finish each sentence before " \
                         "you answer it. \n"
        before = server.rebuilds()
        for project in (served, clean):
            source = project / "source/tutorialspoint-customer-service.txt"
            source.write_text(source.read_text("utf-8").replace(listed, added, 1), "utf-8")
        assert _wait_for(lambda: server.rebuilds() > before), server.lines
        other = "servicing-customers-competency-guide/servicing-customers-quiz"
        page = _get(f"{server.base}/{other}/")
        edited = _get(f"{server.base}/tutorialspoint-customer-service/introduction/")
    finally:
        server.stop()
    assert "Being patient" in edited
    built = subprocess.run([sys.executable, "-m", "build_course", "--project", str(clean),
                            "build"], capture_output=True, text=True)
    assert built.returncode == 0, built.stderr
    assert _article(page) == _article((clean / f"site/{other}/index.html").read_text("utf-8"))
    assert {p.relative_to(served / "docs").as_posix(): p.read_bytes()
            for p in (served / "docs").rglob("*.md")} == {
        p.relative_to(clean / "docs").as_posix(): p.read_bytes()
        for p in (clean / "docs").rglob("*.md")}


def test_what_serve_remembers_builds_what_a_fresh_build_does(tmp_path: Path, monkeypatch):
    """serve keeps each import, its self-checks and its pages in memory; the
    build changes what it gets (a duplicate source loses its lessons), and a
    change of one source can change every self-check (the distractor pools
    and the course's common words are the whole course's): after each
    change, the pages are those of a build without memory."""
    from build_course.build import pipeline
    from build_course.build.remembering import Memory
    from build_course.cli import main

    served, fresh = copy_project(tmp_path / "served"), copy_project(tmp_path / "fresh")
    memory = Memory()
    other_quiz = served / "docs/servicing-customers-competency-guide/servicing-customers-quiz.md"
    listed = "they cannot solve by themselves. \n"
    changes = [("servicing-customers-competency-guide.txt", "\nClosing line.\n", ""),
               # a new term in the pool: other distractors in another source's self-check
               ("tutorialspoint-customer-service.txt", listed, listed + "\n \n\n Being patient: "
                "Let the customer finish each sentence before you answer it. \n"),
               ("servicing-customers-competency-guide.txt", "\nAnother closing line.\n", "")]
    quizzes = []
    for name, old, new in changes:
        for project in (served, fresh):
            source = project / "source" / name
            text = source.read_text("utf-8")
            assert not new or old in text
            source.write_text(text.replace(old, new, 1) if new else text + old, "utf-8")
        monkeypatch.setattr(pipeline, "_MEMORY", memory)
        assert main(["--project", str(served), "build", "--docs-only"]) == 0
        assert len(memory.imports) == 5  # every source
        monkeypatch.setattr(pipeline, "_MEMORY", None)
        assert main(["--project", str(fresh), "build", "--docs-only"]) == 0
        pages = {p.relative_to(served / "docs").as_posix(): p.read_bytes()
                 for p in (served / "docs").rglob("*.md")}
        assert pages == {p.relative_to(fresh / "docs").as_posix(): p.read_bytes()
                         for p in (fresh / "docs").rglob("*.md")}
        quizzes.append(other_quiz.read_text("utf-8"))
    assert quizzes[1] != quizzes[0]  # the new term reached the other source's self-check


def test_serve_watches_changes_not_reads(tmp_path: Path):
    """Reading a watched file (an editor, git, or the builder reading the
    record) is no change: it once called the builder, whose own reading
    called it again, for ever."""
    from watchdog.events import FileSystemEventHandler

    from build_course.project import Project
    from build_course.publish.serving import _observer, _own_file

    page = tmp_path / "docs/part/page.md"
    page.parent.mkdir(parents=True)
    page.write_text("# A page\n", "utf-8")
    seen: list[str] = []
    handler = FileSystemEventHandler()
    handler.on_any_event = lambda event: seen.append(Path(event.src_path).name)
    observer = _observer([tmp_path / "docs"], _own_file(Project(tmp_path)))
    observer.schedule(handler, str(tmp_path / "docs"), recursive=True)
    observer.schedule(handler, str(tmp_path), recursive=False)
    observer.start()
    try:
        time.sleep(1)  # the watch in place
        for _ in range(3):
            page.read_bytes()
        time.sleep(2)
        assert seen == []
        # the build's own files (its lock, Zensical's configuration beside
        # mkdocs.yml, the record of docs/) are no change an author made
        for own in (".build-course.lock", ".build-course-zensical.yml", "docs/.build-course.json"):
            (tmp_path / own).write_text("written by a build", "utf-8")
        (tmp_path / ".build-course-zensical.yml").unlink()
        time.sleep(2)
        assert seen == []
        page.write_text("# A page, edited\n", "utf-8")
        (tmp_path / "mkdocs.yml").write_text("site_name: Pages\n", "utf-8")
        assert _wait_for(lambda: {"page.md", "mkdocs.yml"} <= set(seen), 10), seen
        assert set(seen) == {"page.md", "mkdocs.yml"}
    finally:
        observer.stop()
        observer.join(timeout=5)
