"""``serve`` after a change of the navigation (a title, a page or a source
added or removed): the pages the change shows first, the rest in the
background; the site ends up as a full build makes it, and a page asked for
before the background reached it is rendered with the new navigation."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import copy_project

from build_course.cli import main, write_course
from build_course.project import Project
from build_course.publish import renavigating
from build_course.publish.engine import build_site
from build_course.publish.serving import SiteBuilder, _Server

URL = "http://127.0.0.1:8123/"
ATTITUDE = "tutorialspoint-customer-service/attitude.md"


def _builder(tmp_path: Path, said: list[str]) -> tuple[Project, SiteBuilder]:
    project = Project(copy_project(tmp_path / "course"))
    write_course(project)
    site = tmp_path / "served"
    site.mkdir()
    return project, SiteBuilder(project, site, URL, said.append, lambda: write_course(project))


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in folder.rglob("*") if p.is_file()}


def _retitle(project: Project) -> None:
    page = project.docs / ATTITUDE
    text = page.read_text("utf-8")
    assert 'title: "Attitude"' in text
    page.write_text(text.replace('title: "Attitude"', 'title: "A Helpful Attitude"'), "utf-8")


def _unlist(project: Project, name: str) -> None:
    """``name`` out of source/ and out of the manifest."""
    (project.source / name).unlink()
    manifest = project.manifest.read_text("utf-8")
    entry = re.compile(rf"  - file: {re.escape(name)}\n(    .*\n)*")
    assert entry.search(manifest)
    project.manifest.write_text(entry.sub("", manifest, count=1), "utf-8")


def _changes(project: Project) -> list[tuple[str, object]]:
    source = project.source / "tutorialspoint-customer-service.txt"
    extra = project.docs / "tutorialspoint-customer-service/more-on-tone.md"
    return [
        ("a title in docs/", lambda: _retitle(project)),
        ("a title in a source", lambda: source.write_text(source.read_text("utf-8").replace(
            "Customer Service ─ Generating Business", "Customer Service ─ Winning Business"),
            "utf-8")),
        ("a page added", lambda: extra.write_text(
            "# More on tone\n\nA page of my own about the tone of a reply.\n", "utf-8")),
        ("a page removed", extra.unlink),
        ("a source added", lambda: main(["--project", str(project.root), "new",
                                         "Handling Complaints"])),
        ("a source removed", lambda: _unlist(project, "servicing-customers-competency-guide.txt")),
    ]


def test_a_navigation_change_ends_as_a_full_build_makes_the_site(tmp_path: Path, monkeypatch):
    """After each change and its background pass, the site folder holds what
    MkDocs' full build of the same docs/ makes (build-course build's site
    step, at the same address), byte for byte: every page, 404.html, the
    sitemap and the search index. SOURCE_DATE_EPOCH fixes the build date,
    which a full build writes into the sitemap and its gzip header (a build
    on another day or second differs there by design)."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    said: list[str] = []
    project, builder = _builder(tmp_path, said)
    try:
        assert builder()
        before = _files(builder.site_dir)
        for name, change in _changes(project):
            change()
            assert builder(), name
            assert " and the navigation in " in said[-1], (name, said[-1])  # not a full build
            builder._background.join()
            assert said[-1].startswith("background: "), (name, said[-1])
            full = tmp_path / "full"
            build_site(project.mkdocs_yml, full, site_url=URL)
            served = _files(builder.site_dir)
            assert sorted(served) == sorted(_files(full)), name
            assert [p for p, data in served.items() if _files(full)[p] != data] == [], name
            assert served != before, name
            before = served
    finally:
        builder.stop()


def _get(server: _Server, path: str) -> str:
    answer: list[str] = []
    body = server._serve_request({"PATH_INFO": path}, lambda status, headers: answer.append(
        status))
    assert answer == ["200 OK"], path
    return b"".join(body).decode("utf-8")


def test_a_page_served_after_a_title_change_shows_it_in_its_navigation(tmp_path: Path,
                                                                      monkeypatch):
    """Before the background pass reaches a page, the server renders the
    page when it is asked for: its navigation shows the new title at once."""
    monkeypatch.setattr(renavigating.Background, "start", lambda self: None)  # never reaches it
    said: list[str] = []
    project, builder = _builder(tmp_path, said)
    server = _Server(builder, host="127.0.0.1", port=0, root=str(builder.site_dir))
    try:
        assert builder()
        other = builder.site_dir / "tutorialspoint-customer-service/generating-business/index.html"
        assert ">Attitude<" in re.sub(r"\s+", "", other.read_text("utf-8"))
        _retitle(project)
        assert builder()
        assert "rebuilt 4 pages and the navigation" in said[-1]  # itself, home, two neighbours
        assert "A Helpful Attitude" in _get(server, "/tutorialspoint-customer-service/attitude/")
        assert "A Helpful Attitude" in _get(server, "/")
        assert "A Helpful Attitude" not in other.read_text("utf-8")  # not rendered yet
        page = _get(server, "/tutorialspoint-customer-service/generating-business/")
        assert "A Helpful Attitude" in page
        assert ">Attitude<" not in re.sub(r"\s+", "", page)
        assert "A Helpful Attitude" in other.read_text("utf-8")
    finally:
        server.server_close()
        builder.stop()


@pytest.mark.parametrize("kind", ["mkdocs.yml", "a picture"])
def test_other_changes_build_the_whole_site(tmp_path: Path, kind: str):
    said: list[str] = []
    project, builder = _builder(tmp_path, said)
    try:
        assert builder()
        if kind == "mkdocs.yml":
            project.mkdocs_yml.write_text(project.mkdocs_yml.read_text("utf-8").replace(
                "site_name: Customer Service Essentials", "site_name: Service"), "utf-8")
        else:
            (project.docs / "logo.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>",
                                                   "utf-8")
        assert builder()
        assert said[-1].startswith("rebuilt the site in ")
        assert builder._background is None
    finally:
        builder.stop()
