"""Authors' edits in docs/: merged with a changed source, conflicts resolved,
never lost to a build that writes at the same moment, warnings said once."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import copy_project

from build_course.build import writing
from build_course.cli import main

LESSON = """---
title: Greeting Visitors
---

Stand up when a visitor walks in.

Say good morning before anything else.

Ask how you can help, then listen to the whole answer.

Offer a seat if they will wait more than a minute.

Tell them who will come to meet them.

Thank them when they leave.
"""
PAGE = "docs/greeting/greeting-visitors.md"


def _project(tmp_path: Path) -> Path:
    (tmp_path / "source").mkdir()
    (tmp_path / "source/course.yml").write_text(
        "title: Front Desk Basics\nsources:\n  - file: greeting.md\n", encoding="utf-8")
    (tmp_path / "source/greeting.md").write_text(LESSON, encoding="utf-8")
    return tmp_path


def _run(project: Path, capsys, *args: str) -> tuple[int, str]:
    code = main(["--project", str(project), *args])
    out = capsys.readouterr()
    return code, out.out + out.err


def _build(project: Path, capsys) -> str:
    code, output = _run(project, capsys, "build", "--docs-only")
    assert code == 0, output
    return output


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture
def built(tmp_path: Path, capsys) -> Path:
    project = _project(tmp_path)
    _build(project, capsys)
    return project


def test_an_edit_and_a_source_change_far_apart_merge_cleanly(built: Path, capsys):
    page = built / PAGE
    _edit(page, "Stand up when", "Always stand up when")
    _edit(built / "source/greeting.md", "Thank them when they leave.", "Thank them by name.")
    output = _build(built, capsys)
    text = page.read_text(encoding="utf-8")
    assert "Always stand up when" in text and "Thank them by name." in text
    assert "Thank them when they leave." not in text
    assert not (built / (PAGE + ".new")).exists()
    assert [line for line in output.splitlines() if "merged" in line] == [
        f"{PAGE}: your edit and the new import merged (build-course diff {PAGE} shows no "
        "more to take)"]
    # the merge is the author's page now, the new import its base: nothing more to say
    again = _build(built, capsys)
    assert "merged" not in again and "conflict" not in again
    assert page.read_text(encoding="utf-8") == text


def _conflict(project: Path, capsys) -> str:
    _edit(project / PAGE, "Say good morning", "Say hello")
    _edit(project / "source/greeting.md", "Say good morning", "Say good afternoon")
    return _build(project, capsys)


def test_a_conflict_keeps_the_page_and_marks_the_merge_beside_it(built: Path, capsys):
    output = _conflict(built, capsys)
    page = (built / PAGE).read_text(encoding="utf-8")
    assert "Say hello" in page and "afternoon" not in page
    merge = (built / (PAGE + ".new")).read_text(encoding="utf-8")
    assert f"<<<<<<< your edit ({PAGE})\nSay hello" in merge
    assert "=======\nSay good afternoon" in merge and ">>>>>>> the new import" in merge
    assert output.count("conflict") == 1 and f"build-course resolve {PAGE}" in output
    assert "conflict" not in _build(built, capsys)  # said once
    code, checked = _run(built, capsys, "check")
    assert f"{PAGE}: your edit and the new import conflict" in checked  # check says it always
    code, shown = _run(built, capsys, "diff", PAGE)
    assert code == 0 and "-Say hello" not in shown and "+<<<<<<< your edit" in shown


@pytest.mark.parametrize("how", ["mine", "theirs", "merged"])
def test_resolve_ends_a_conflict_for_good(built: Path, capsys, how: str):
    _conflict(built, capsys)
    new_version = built / (PAGE + ".new")
    if how == "merged":
        code, output = _run(built, capsys, "resolve", PAGE, "--merged")
        assert code == 1 and f"{PAGE}.new:" in output and "conflict mark" in output
        assert "Traceback" not in output
        text = new_version.read_text(encoding="utf-8")
        start, end = text.index("<<<<<<<"), text.index(">>>>>>> the new import\n")
        new_version.write_text(text[:start] + "Say hello, good afternoon\n"
                               + text[end + len(">>>>>>> the new import\n"):], encoding="utf-8")
    code, output = _run(built, capsys, "resolve", PAGE, f"--{how}")
    assert code == 0, output
    page = (built / PAGE).read_text(encoding="utf-8")
    expected = {"mine": "Say hello before", "theirs": "Say good afternoon before",
                "merged": "Say hello, good afternoon\n"}[how]
    assert expected in page
    assert not new_version.exists()
    again = _build(built, capsys)
    assert "conflict" not in again and not new_version.exists()
    assert (built / PAGE).read_text(encoding="utf-8") == page
    code, checked = _run(built, capsys, "check")
    assert "conflict" not in checked


def test_resolve_refuses_a_page_without_conflict(built: Path, capsys):
    code, output = _run(built, capsys, "resolve", PAGE, "--theirs")
    assert code == 2 and "nothing to resolve" in output
    code, output = _run(built, capsys, "resolve", "docs/no/such.md", "--mine")
    assert code == 2 and "no such page" in output


def test_a_save_made_after_planning_is_kept(built: Path, capsys, monkeypatch):
    """The author saves the page after the build read it and staged the new
    version, just before the build replaces it: the save wins, and the next
    build merges the new import into it."""
    page = built / PAGE
    saved = page.read_text(encoding="utf-8").replace("Stand up", "Rise")

    def save(docs: Path) -> None:
        page.write_text(saved, encoding="utf-8")

    monkeypatch.setattr(writing, "before_replacing", save)
    _edit(built / "source/greeting.md", "Thank them when they leave.", "Thank them by name.")
    output = _build(built, capsys)
    assert page.read_text(encoding="utf-8") == saved
    assert f"{PAGE}: saved while the build was writing; your save was kept" in output
    monkeypatch.undo()
    _build(built, capsys)
    text = page.read_text(encoding="utf-8")
    assert "Rise when" in text and "Thank them by name." in text


def test_a_save_made_while_the_page_is_aside_is_kept(built: Path, capsys, monkeypatch):
    """The narrowest window: the build has taken the page aside to compare
    it, and the author's editor writes the file again at that instant."""
    page = built / PAGE
    saved = page.read_text(encoding="utf-8").replace("Stand up", "Rise")
    link = writing._link

    def racing_link(staged: Path, target: Path) -> None:
        if target == page.resolve():
            target.write_text(saved, encoding="utf-8")
        link(staged, target)

    monkeypatch.setattr(writing, "_link", racing_link)
    _edit(built / "source/greeting.md", "Thank them when they leave.", "Thank them by name.")
    output = _build(built, capsys)
    assert page.read_text(encoding="utf-8") == saved
    assert "your save was kept" in output
    assert not [p for p in page.parent.iterdir() if p.name.startswith(".")]


def test_a_build_killed_while_replacing_is_finished_by_the_next(built: Path, capsys,
                                                                monkeypatch):
    page = built / PAGE
    _edit(built / "source/greeting.md", "Thank them when they leave.", "Thank them by name.")

    def killed(docs: Path) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(writing, "before_replacing", killed)
    code, _ = _run(built, capsys, "build", "--docs-only")
    assert code == 1 and "Thank them when they leave." in page.read_text(encoding="utf-8")
    monkeypatch.undo()
    writing.recover(built / "docs")
    assert "Thank them by name." in page.read_text(encoding="utf-8")
    assert "conflict" not in _build(built, capsys)


def test_a_warning_is_said_once_until_it_changes(tmp_path: Path, capsys):
    project = copy_project(tmp_path)  # one source repeats another, with lines of its own
    first = _build(project, capsys)
    warnings = [line for line in first.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 1 and "repeats" in warnings[0]
    assert "warning:" not in _build(project, capsys)
    code, checked = _run(project, capsys, "check")
    assert "repeats" in checked  # check shows all, always
    copy = project / "source/customer-service-basics-stripped-copy.txt"
    text = copy.read_text(encoding="utf-8")
    copy.write_text("A text of its own now, repeating no other.\n", encoding="utf-8")
    assert "repeats" not in _build(project, capsys)
    copy.write_text(text, encoding="utf-8")
    assert "repeats" in _build(project, capsys)  # it went away and came back: said again
