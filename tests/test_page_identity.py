"""Every page has a path of its own: a lesson named like another lesson's
quiz page gets a suffix and a warning, and an author's own lessons, which
share the template's example questions, are never folded as duplicates."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from build_course.cli import main

REPO = Path(__file__).resolve().parents[1]
EXERCISE = ("Check for Understanding: Finding Leads \n\nDuration: 5 minutes. \n\n"
            "  1. Where do most new customers of a small shop come from? \n"
            "  2. Whom would you ask first for the name of a friend? \n\n")
QUIZ_NIGHT = (" Customer Service ─ Generating Business Quiz  \n\nOn Fridays the shop runs a quiz "
              "night that brings people in from the street. \n\nThey come for the questions and "
              "stay for the coffee. \n\n \n\n")


def project_with_colliding_names(tmp_path: Path) -> Path:
    """The shipped tutorial, with an exercise in its chapter "Generating
    Business" and, after it, a chapter "Generating Business Quiz"."""
    root = tmp_path / "course"
    (root / "source").mkdir(parents=True)
    text = (REPO / "source" / "tutorialspoint-customer-service.txt").read_text(encoding="utf-8")
    marker = " Customer Service ─ Generating Business  \n"
    end = text.index(" Customer Service ─", text.index(marker) + len(marker))
    (root / "source" / "tutorial.txt").write_text(text[:end] + EXERCISE + QUIZ_NIGHT + text[end:],
                                                  encoding="utf-8")
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    return root


def nav_files(nav) -> list[str]:
    if isinstance(nav, str):
        return [nav]
    if isinstance(nav, list):
        return [f for item in nav for f in nav_files(item)]
    return [f for value in nav.values() for f in nav_files(value)]


def test_a_lesson_named_like_another_lessons_quiz_page_gets_a_suffix_and_a_warning(
        tmp_path, capsys):
    root = project_with_colliding_names(tmp_path)
    assert main(["--project", str(root), "build", "--docs-only"]) == 0
    err = capsys.readouterr().err
    assert "another page of this part is named 'generating-business-quiz'" in err
    folder = root / "docs" / "tutorial"
    assert "Finding Leads" in (folder / "generating-business-quiz.md").read_text(encoding="utf-8")
    assert "quiz night" in (folder / "generating-business-quiz-2.md").read_text(encoding="utf-8")
    nav = nav_files(json.loads((root / "docs" / ".build-course.json").read_text())["nav"])
    assert len(nav) == len(set(nav))
    assert set(nav) == {p.relative_to(root / "docs").as_posix()
                        for p in (root / "docs").rglob("*.md")}


def test_an_authors_own_lessons_from_the_template_are_never_folded_as_duplicates(
        tmp_path, capsys):
    root = tmp_path / "course"
    (root / "source").mkdir(parents=True)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    texts = {"Handling Phone Complaints": "Let the caller finish before you answer anything.",
             "Greeting Walk-In Customers": "Look up and say hello within ten seconds."}
    for title, paragraph in texts.items():
        assert main(["--project", str(root), "new", title]) == 0
        path = next(p for p in (root / "source").glob("*.md") if title.split()[0].lower() in p.name)
        path.write_text(path.read_text(encoding="utf-8").replace(
            "Write the lesson here, in Markdown: paragraphs, lists, `## Headings`, quotes.",
            paragraph), encoding="utf-8")
    capsys.readouterr()
    assert main(["--project", str(root), "build", "--docs-only"]) == 0
    out = capsys.readouterr().out
    assert "repeats" not in out
    published = "".join(p.read_text(encoding="utf-8") for p in (root / "docs").rglob("*.md"))
    for paragraph in texts.values():
        assert paragraph in published
