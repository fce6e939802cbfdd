"""Stable page identity: renaming a source or a title keeps an edited page
attached and at its address; a page's front-matter title is what the
navigation and the home page show."""

from __future__ import annotations

import json
import subprocess
import sys
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


def _cli(project: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "build_course", "--project", str(project),
                           *args], capture_output=True, text=True, timeout=300)


def test_move_takes_an_edited_page_and_its_quiz_to_the_renamed_lessons_address(tmp_path: Path):
    """Through the command: a lesson (with a quiz page) whose title is renamed
    keeps its edited page at the old address, and build and check name the
    command that moves it; ``move`` moves both pages and their record entries,
    and the build then merges the new import into the moved page."""
    (tmp_path / "source").mkdir()
    (tmp_path / "source/course.yml").write_text("title: Front Desk\nsources: []\n", "utf-8")
    assert _cli(tmp_path, "new", "Greeting Visitors").returncode == 0
    assert _cli(tmp_path, "build", "--docs-only").returncode == 0
    old, quiz = "greeting-visitors/greeting-visitors", "greeting-visitors/greeting-visitors-quiz"
    page = tmp_path / f"docs/{old}.md"
    assert (tmp_path / f"docs/{quiz}.md").exists()
    _edit(page, "Write the lesson here, in Markdown", "An aside of the author's. In Markdown")
    _edit(tmp_path / "source/greeting-visitors.md", 'title: "Greeting Visitors"',
          'title: "Greeting Callers"')

    built = _cli(tmp_path, "build", "--docs-only")
    assert built.returncode == 0, built.stderr
    command = f"build-course move docs/{old}.md"
    assert command in built.stdout + built.stderr
    assert "An aside of the author's." in page.read_text("utf-8")  # kept at its address
    assert command in _cli(tmp_path, "check").stdout

    moved = _cli(tmp_path, "move", f"docs/{quiz}.md")  # the quiz page names the lesson too
    assert moved.returncode == 0, moved.stderr
    new, new_quiz = "greeting-visitors/greeting-callers", "greeting-visitors/greeting-callers-quiz"
    assert f"docs/{old}.md: moved to docs/{new}.md" in moved.stdout
    assert f"docs/{quiz}.md: moved to docs/{new_quiz}.md" in moved.stdout
    assert not page.exists() and not (tmp_path / f"docs/{quiz}.md").exists()
    text = (tmp_path / f"docs/{new}.md").read_text("utf-8")
    assert "An aside of the author's." in text and "# Greeting Callers" in text  # merged
    assert f"({Path(new_quiz).name}.md)" in text  # its link to the moved quiz page
    record = json.loads((tmp_path / "docs/.build-course.json").read_text("utf-8"))["pages"]
    assert {f"{new}.md", f"{new_quiz}.md"} <= set(record)
    assert not {f"{old}.md", f"{quiz}.md"} & set(record)
    assert _nav_paths(tmp_path)[f"{new}.md"] == "Greeting Callers"
    assert f"({new}.md)" in (tmp_path / "docs/index.md").read_text("utf-8")

    again = _cli(tmp_path, "build", "--docs-only")
    assert "move" not in again.stdout + again.stderr
    assert "no source produces" not in again.stdout + again.stderr
    checked = _cli(tmp_path, "check")
    assert "move" not in checked.stdout and "no source produces" not in checked.stdout
    assert "An aside of the author's." in (tmp_path / f"docs/{new}.md").read_text("utf-8")

    nothing = _cli(tmp_path, "move", f"docs/{new}.md")
    assert nothing.returncode == 2
    assert nothing.stderr.startswith(f"docs/{new}.md: this page is at the address its lesson")
    assert "Traceback" not in nothing.stderr
