"""Nothing lost: a killed build leaves docs/ and site/ whole; builds repeat exactly."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import copy_project

from build_course.build.writing import recover
from build_course.cli import main


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _build(project: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "build_course", "--project", str(project),
                             "build"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM])
def test_a_build_killed_midway_leaves_docs_and_site_whole(tmp_path: Path, how):
    project = copy_project(tmp_path)
    assert main(["--project", str(project), "build"]) == 0
    old_docs, old_site = _snapshot(project / "docs"), _snapshot(project / "site")
    for source in (project / "source").glob("*.txt"):  # every page will change
        source.write_text(source.read_text("utf-8") + "\nA closing line added later.\n", "utf-8")
    assert main(["--project", str(project), "build", "--docs-only"]) == 0
    new_docs = _snapshot(project / "docs")
    for source in (project / "source").glob("*.txt"):
        text = source.read_text("utf-8").replace("\nA closing line added later.\n", "")
        source.write_text(text, "utf-8")
    assert main(["--project", str(project), "build"]) == 0  # back to the old state
    for delay in (0.3, 0.8, 1.5, 2.5):
        for source in (project / "source").glob("*.txt"):
            source.write_text(source.read_text("utf-8") + "\nA closing line added later.\n",
                              "utf-8")
        process = _build(project)
        time.sleep(delay)
        process.send_signal(how)
        process.wait(timeout=60)
        if (project / "docs").exists():
            recover(project / "docs")  # killed while replacing pages: finished from its journal
        docs = _snapshot(project / "docs") if (project / "docs").exists() else \
            _snapshot(project / ".docs-old")  # killed between the two renames of the swap
        # the previous docs/ whole, or (killed after the swap) the new one whole
        assert docs == old_docs or {p: d for p, d in docs.items() if p.endswith(".md")} == {
            p: d for p, d in new_docs.items() if p.endswith(".md")}
        site = _snapshot(project / "site") if (project / "site").exists() else \
            _snapshot(project / ".site-old")  # killed between the two renames of the swap
        assert site == old_site or site["index.html"].rstrip().endswith(b"</html>")
        # put everything back for the next round
        for source in (project / "source").glob("*.txt"):
            text = source.read_text("utf-8").replace("\nA closing line added later.\n", "")
            source.write_text(text, "utf-8")
        assert main(["--project", str(project), "build"]) == 0
        assert _snapshot(project / "docs") == old_docs
        assert not list(project.glob(".site-*")) and not list(project.glob(".docs-*"))


def test_the_same_sources_give_the_same_site(tmp_path: Path):
    first, second = copy_project(tmp_path / "a"), copy_project(tmp_path / "b")
    for project in (first, second):
        assert main(["--project", str(project), "build"]) == 0
    stamped = {"sitemap.xml", "sitemap.xml.gz"}  # MkDocs' own date stamps
    one, two = _snapshot(first / "site"), _snapshot(second / "site")
    assert sorted(one) == sorted(two)
    assert [p for p in one if p not in stamped and one[p] != two[p]] == []
    assert _snapshot(first / "docs") == _snapshot(second / "docs")
