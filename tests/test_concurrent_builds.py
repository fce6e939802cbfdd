"""One build at a time per project, and what a killed build leaves is
cleaned up by the next. These run the real command in processes."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from build_course.build.locking import LOCK_FILE, project_lock

REPO = Path(__file__).resolve().parents[1]
TOPICS = ["Greeting Visitors", "Answering The Phone", "Taking Messages", "Closing A Call",
          "Handling Returns", "Writing Receipts"]


def lesson(topic: str, round_: int) -> str:
    return (f"{topic}\n\nRevision {round_}: this lesson is about {topic.lower()}, one step at "
            "a time, with care for the person in front of you.\n\nKeep notes of what was "
            "agreed, and check them again before the end of the day.\n")


def make_project(tmp_path: Path) -> Path:
    root = tmp_path / "course"
    (root / "source").mkdir(parents=True)
    for topic in TOPICS:
        (root / "source" / f"{topic.lower().replace(' ', '-')}.txt").write_text(
            lesson(topic, 0), encoding="utf-8")
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    return root


def start_build(root: Path, log: Path) -> subprocess.Popen:
    stream = open(log, "w", encoding="utf-8")  # noqa: SIM115 - closed with the process
    process = subprocess.Popen([sys.executable, "-m", "build_course", "--project", str(root),
                                "build", "--jobs", "1"], stdout=stream, stderr=stream)
    stream.close()
    return process


def site_pages(root: Path) -> set[str]:
    return {p.relative_to(root / "site").as_posix() for p in (root / "site").rglob("*.html")}


def assert_whole_site(root: Path, expected: set[str]) -> None:
    assert site_pages(root) == expected
    assert (root / "site" / "index.html").is_file()
    assert (root / "site" / "assets" / "course" / "quiz.js").is_file()
    assert (root / "site" / "search" / "search_index.json").is_file()


def test_two_builds_at_once_both_succeed_and_leave_a_whole_site(tmp_path):
    root = make_project(tmp_path)
    assert start_build(root, tmp_path / "first.log").wait() == 0
    expected = site_pages(root)
    for round_ in range(1, 4):
        for topic in TOPICS[:round_]:
            (root / "source" / f"{topic.lower().replace(' ', '-')}.txt").write_text(
                lesson(topic, round_), encoding="utf-8")
        builds = [start_build(root, tmp_path / f"{round_}-{n}.log") for n in range(2)]
        codes = [b.wait(timeout=300) for b in builds]
        assert codes == [0, 0], [(tmp_path / f"{round_}-{n}.log").read_text() for n in range(2)]
        assert_whole_site(root, expected)
        page = (root / "docs" / "answering-the-phone" / "answering-the-phone.md")
        assert ("Revision " + str(round_)) in page.read_text(encoding="utf-8") or round_ < 2


def test_a_second_build_waits_and_says_which_process_holds_the_lock(tmp_path):
    root = make_project(tmp_path)
    log = tmp_path / "waiting.log"
    with project_lock(root):
        build = start_build(root, log)
        for _ in range(600):  # until it says it waits (a safety limit, not a timing test)
            if "waiting" in log.read_text(encoding="utf-8") or build.poll() is not None:
                break
            time.sleep(0.1)
        assert build.poll() is None, log.read_text(encoding="utf-8")
        assert f"another build (PID {os.getpid()}) is running" in log.read_text(encoding="utf-8")
    assert build.wait(timeout=300) == 0
    assert (root / "site" / "index.html").is_file()


def test_a_lock_file_left_by_a_dead_build_is_taken_over(tmp_path):
    root = make_project(tmp_path)
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    (root / LOCK_FILE).write_text(f"{dead.pid}\n", encoding="ascii")
    log = tmp_path / "build.log"
    assert start_build(root, log).wait(timeout=300) == 0
    assert "waiting" not in log.read_text(encoding="utf-8")


def test_a_build_killed_at_any_moment_leaves_the_next_build_a_whole_site(tmp_path):
    root = make_project(tmp_path)
    assert start_build(root, tmp_path / "first.log").wait() == 0
    expected = site_pages(root)
    for round_, delay in enumerate([0.5, 1.0, 1.5, 2.0, 2.5], start=1):
        (root / "source" / "taking-messages.txt").write_text(
            lesson("Taking Messages", round_), encoding="utf-8")
        build = start_build(root, tmp_path / f"killed-{round_}.log")
        time.sleep(delay)  # somewhere in the build; where does not matter
        build.send_signal(signal.SIGKILL)
        build.wait()
        log = tmp_path / f"next-{round_}.log"
        assert start_build(root, log).wait(timeout=300) == 0, log.read_text(encoding="utf-8")
        assert_whole_site(root, expected)
        assert not [p.name for p in root.iterdir() if p.name.endswith(("-old", "-staging"))]


def _site_old_is_a_file(root: Path) -> None:
    (root / ".site-old").write_text("left over", encoding="utf-8")


def _docs_old_is_a_symlink(root: Path) -> None:
    (root / ".docs-old").symlink_to(root / "source")


def _docs_staging_is_a_file(root: Path) -> None:
    (root / ".docs-staging").write_text("left over", encoding="utf-8")


def _site_old_is_read_only(root: Path) -> None:
    shutil.copytree(root / "site", root / ".site-old")
    for folder, _, _ in os.walk(root / ".site-old", topdown=False):
        os.chmod(folder, 0o500)


def _site_is_a_file(root: Path) -> None:
    shutil.rmtree(root / "site")
    (root / "site").write_text("not a folder", encoding="utf-8")


def _docs_is_a_symlink(root: Path) -> None:
    shutil.move(root / "docs", root / "docs-elsewhere")
    (root / "docs").symlink_to(root / "docs-elsewhere")


@pytest.mark.parametrize("leftover", [_site_old_is_a_file, _docs_old_is_a_symlink,
                                      _docs_staging_is_a_file, _site_old_is_read_only,
                                      _site_is_a_file, _docs_is_a_symlink])
def test_what_a_killed_build_left_is_cleaned_up_by_the_next(tmp_path, leftover):
    root = make_project(tmp_path)
    assert start_build(root, tmp_path / "first.log").wait() == 0
    expected = site_pages(root)
    leftover(root)
    (root / "source" / "taking-messages.txt").write_text(lesson("Taking Messages", 9),
                                                         encoding="utf-8")
    log = tmp_path / "next.log"
    assert start_build(root, log).wait(timeout=300) == 0, log.read_text(encoding="utf-8")
    assert_whole_site(root, expected)
    assert not [p.name for p in root.iterdir() if p.name.endswith(("-old", "-staging"))]
    assert (root / "source").is_dir() and list((root / "source").iterdir())
