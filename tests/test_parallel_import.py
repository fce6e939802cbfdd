"""Many sources are imported in worker processes: the same course, the same
errors, the same cache as an import in one process."""

from __future__ import annotations

import dataclasses
import multiprocessing
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from build_course.build import cache as cache_module
from build_course.build import parallel as workers
from build_course.build import pipeline as building
from build_course.build.cache import STATS, ImportCache, wait_for_saves
from build_course.diagnostics import CourseError
from build_course.importer.importing import mark_duplicates
from build_course.manifest import load_manifest
from build_course.project import Project

SOURCE = Path(__file__).resolve().parent.parent / "source"

pytestmark = pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(),
                                reason="worker processes are forked")


@pytest.fixture
def many_sources(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Project:
    """A project of three copies of each sample text (15 sources), with
    workers allowed even if the test run has threads of its own."""
    (tmp_path / "source").mkdir()
    for n in range(3):
        for text in sorted(SOURCE.glob("*.txt")):
            shutil.copy(text, tmp_path / "source" / f"{n}-{text.name}")
    monkeypatch.setattr(workers, "can_fork", lambda: True)
    return Project(tmp_path)


def _import(project: Project, jobs: int, use_cache: bool = True) -> list[dict]:
    manifest = load_manifest(project.manifest, "source/course.yml")
    imported = building.import_all(project, building.source_files(project, manifest),
                                   jobs=jobs, use_cache=use_cache)
    mark_duplicates(imported)
    return [dataclasses.asdict(item.part) | {"text": item.source.text} for item in imported]


def test_workers_import_what_one_process_imports(many_sources):
    assert len(building.text_files(many_sources.source)) >= building.PARALLEL_MIN
    alone = _import(many_sources, jobs=1, use_cache=False)
    before = STATS["in_workers"]
    together = _import(many_sources, jobs=2, use_cache=False)
    assert 0 < STATS["in_workers"] - before < 15  # shared between this process and a worker
    assert together == alone
    # One copy of each sample stands, but the stripped copy, which repeats another.
    assert sum(1 for part in together if not part["duplicate_of"]) == 4


def test_what_workers_import_is_cached_for_the_next_build(many_sources):
    first = _import(many_sources, jobs=2)
    wait_for_saves()  # saved in the background (the next import waits for it too)
    with ImportCache.for_project(many_sources.root) as cache:
        assert len(cache.names()) == 15
    imported, reused = STATS["imported"], STATS["reused"]
    assert _import(many_sources, jobs=2) == first
    assert (STATS["imported"] - imported, STATS["reused"] - reused) == (0, 15)


def test_the_cache_keeps_each_import_as_it_was_made(many_sources):
    expected = _import(many_sources, jobs=1, use_cache=False)
    manifest = load_manifest(many_sources.manifest, "source/course.yml")
    imported = building.import_all(many_sources, building.source_files(many_sources, manifest),
                                   jobs=1)
    assert cache_module._SAVERS  # a child process saves them
    for item in imported:  # what the build does next must not reach the cache
        item.part.lessons.clear()
        item.part.title = "changed"
    reused = STATS["reused"]
    assert _import(many_sources, jobs=1) == expected
    assert STATS["reused"] - reused == 15


SLOW_SAVE_BUILD = """
import sys, time
from build_course.build import cache
save_now = cache.ImportCache._save_now
def slow(self, keep):
    if self._pending:
        time.sleep(2)
    return save_now(self, keep)
cache.ImportCache._save_now = slow
from build_course.cli import main
sys.exit(main(["--project", sys.argv[1], "build", "--docs-only"]))
"""


def test_a_build_ends_only_when_its_cache_is_saved(many_sources, tmp_path):
    # Output to a file: a pipe would wait for the saving child too.
    with open(tmp_path / "output", "w") as output:
        done = subprocess.run([sys.executable, "-c", SLOW_SAVE_BUILD, str(many_sources.root)],
                              stdout=output, stderr=output, timeout=120)
    assert done.returncode == 0, (tmp_path / "output").read_text()
    with ImportCache.for_project(many_sources.root) as cache:
        assert len(cache.names()) == 15


def test_errors_in_workers_are_all_reported_in_order(many_sources):
    source = many_sources.source
    (source / "1-broken.txt").write_bytes(b"%PDF-1.7 binary")
    (source / "2-empty.txt").write_text("  \n\n", encoding="utf-8")
    messages = []
    for jobs in (1, 2):
        with pytest.raises(CourseError) as raised:
            _import(many_sources, jobs=jobs)
        messages.append(raised.value.format_message())
    assert messages[0] == messages[1]
    assert messages[1].splitlines() == [
        "source/1-broken.txt:1: this is a PDF document, not text; give the file the ending "
        ".pdf: the build reads PDF files",
        "source/2-empty.txt:1: the file has no text; put the tutorial's text in it or "
        "remove it from source/"]


def _children(pid: int) -> list[int]:
    """The processes whose parent is ``pid`` (from /proc)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_a_build_stopped_during_the_import_stops_its_workers(tmp_path: Path):
    (tmp_path / "source").mkdir()
    text = (SOURCE / "tutorialspoint-customer-service.txt").read_text(encoding="utf-8")
    for n in range(1000):  # seconds of import (faster each session), shared with workers
        (tmp_path / "source" / f"{n:04d}.txt").write_text(f"Copy {n}\n\n{text}", "utf-8")
    build = subprocess.Popen([sys.executable, "-m", "build_course", "--project", str(tmp_path),
                              "build", "--docs-only"], stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while not (workers := _children(build.pid)) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert workers, "the build started no workers"
    build.send_signal(signal.SIGTERM)
    _, errors = build.communicate(timeout=60)  # (read while waiting: a full pipe would block it)
    assert build.returncode == 1
    assert "interrupted" in errors
    deadline = time.monotonic() + 10
    while any(Path(f"/proc/{pid}").exists() for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(Path(f"/proc/{pid}").exists() for pid in workers)
    assert not (tmp_path / "docs").exists()


def _slowly(i: int) -> int:
    time.sleep(0.02)  # so that the worker surely takes tasks too
    return i


def test_shared_work_comes_back_in_order():
    got = workers.share(40, _slowly, lambda i: -i, lambda i, v: i if v == -i else (i, v), jobs=3)
    assert got == list(range(40))


def test_a_failing_or_dying_worker_is_reported_not_waited_for():
    with pytest.raises(workers.WorkerFailed, match="ZeroDivisionError"):
        workers.share(40, _slowly, lambda i: 1 / 0, lambda i, v: v, jobs=2)
    with pytest.raises(workers.WorkerFailed, match="stopped before its work was done"):
        workers.share(40, _slowly, lambda i: os._exit(3), lambda i, v: v, jobs=2)


def test_build_jobs_option(many_sources, capsys):
    from build_course.cli import main

    project = str(many_sources.root)
    before = STATS["in_workers"]
    assert main(["--project", project, "build", "--docs-only", "--jobs", "1"]) == 0
    assert STATS["in_workers"] == before  # this process alone
    (many_sources.root / ".build-course-cache").rename(many_sources.root / "old-cache")
    assert main(["--project", project, "build", "--docs-only", "--jobs", "2"]) == 0
    assert STATS["in_workers"] > before
    with pytest.raises(SystemExit) as stopped:
        main(["--project", project, "build", "--jobs", "0"])
    assert stopped.value.code == 2
    assert "'0' is not a whole number of 1 or more" in capsys.readouterr().err
