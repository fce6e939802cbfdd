"""Stable page identity: renaming a source or a title keeps an edited page
attached and at its address; a page's front-matter title is what the
navigation and the home page show."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_editing import PAGE, _build, _edit, _project, _run

OLD = "greeting/greeting-visitors.md"


@pytest.fixture
def built(tmp_path: Path, capsys) -> Path:
    project = _project(tmp_path)
    _build(project, capsys)
    return project


def _nav_paths(project: Path) -> dict[str, str]:
    nav = json.loads((project / "docs/.build-course.json").read_text("utf-8"))["nav"]
    found = {}

    def walk(items):
        for item in items:
            for title, value in item.items():
                if isinstance(value, list):
                    walk(value)
                else:
                    found[value] = title
    walk(nav)
    return found


def test_the_front_matter_title_is_what_navigation_and_home_show(built: Path, capsys):
    _edit(built / PAGE, "title: \"Greeting Visitors\"", "title: \"Welcoming Guests\"")
    _build(built, capsys)
    assert _nav_paths(built)[OLD] == "Welcoming Guests"
    home = (built / "docs/index.md").read_text("utf-8")
    assert f"[Welcoming Guests]({OLD})" in home and "[Greeting Visitors]" not in home
    assert "title: \"Welcoming Guests\"" in (built / PAGE).read_text("utf-8")  # kept


def test_a_renamed_title_keeps_the_edited_page_at_its_address(built: Path, capsys):
    _edit(built / PAGE, "Stand up when", "Always stand up when")
    _edit(built / "source/greeting.md", "title: Greeting Visitors", "title: Greeting Callers")
    output = _build(built, capsys)
    assert "no source produces" not in output and "conflict" not in output
    text = (built / PAGE).read_text("utf-8")
    assert "Always stand up when" in text and "# Greeting Callers" in text  # merged
    assert not (built / "docs/greeting/greeting-callers.md").exists()
    assert _nav_paths(built)[OLD] == "Greeting Callers"
    assert f"({OLD})" in (built / "docs/index.md").read_text("utf-8")
    code, checked = _run(built, capsys, "check")
    assert "no source produces" not in checked


def test_a_renamed_source_file_keeps_the_edited_page_attached(built: Path, capsys):
    _edit(built / PAGE, "Stand up when", "Always stand up when")
    (built / "source/greeting.md").rename(built / "source/welcome.md")
    _edit(built / "source/course.yml", "file: greeting.md", "file: welcome.md")
    _edit(built / "source/welcome.md", "Thank them when they leave.", "Thank them by name.")
    output = _build(built, capsys)
    assert "no source produces" not in output and "conflict" not in output
    text = (built / PAGE).read_text("utf-8")
    assert "Always stand up when" in text and "Thank them by name." in text
    assert 'source: "welcome.md"' in text
    assert not (built / "docs/welcome").exists()
    assert OLD in _nav_paths(built)
    record = json.loads((built / "docs/.build-course.json").read_text("utf-8"))["pages"]
    assert record[OLD]["source"] == "welcome.md"
    assert "merged" not in _build(built, capsys)  # settled


def test_an_unedited_page_follows_its_renamed_title(built: Path, capsys):
    _edit(built / "source/greeting.md", "title: Greeting Visitors", "title: Greeting Callers")
    _build(built, capsys)
    assert not (built / PAGE).exists()
    assert (built / "docs/greeting/greeting-callers.md").exists()
    assert "greeting/greeting-callers.md" in _nav_paths(built)
