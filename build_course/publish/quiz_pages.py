"""The course's quizzes as the learner sees them: read back from the quiz
pages in docs/ (so an author's edits count), for export to an LMS's
question bank. Pages come in the navigation's order."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from build_course.model import Question
from build_course.publish.site_config import recorded_nav
from build_course.quiz.syntax import parse_blocks

_FRONT = re.compile(r"\A---\n(.*?\n)---\n", re.S)
_HEADING = re.compile(r"^## +(?P<title>.+?)(?: *\{[^}]*\})? *$")


@dataclass
class ExportQuiz:
    """One exercise of a quiz page, with its questions."""

    page: str
    """The quiz page, under docs/."""
    lesson: str
    """The lesson's title."""
    title: str
    """The exercise's title."""
    questions: list[tuple[str, Question]] = field(default_factory=list)
    """(the question's title, e.g. "Question 3", the question)."""


def course_quizzes(docs: Path) -> list[ExportQuiz]:
    """Every exercise of every quiz page in docs/, in course order."""
    found: list[ExportQuiz] = []
    for path in _pages(docs):
        text = path.read_text(encoding="utf-8")
        front = _FRONT.match(text)
        meta = _meta(front[1]) if front else {}
        if meta.get("quiz") is not True:
            continue
        found += _exercises(path.relative_to(docs).as_posix(), text, meta)
    return found


def _pages(docs: Path) -> list[Path]:
    ordered = [docs / p for p in _nav_files(recorded_nav(docs) or []) if (docs / p).is_file()]
    rest = sorted(p for p in docs.rglob("*.md") if p not in set(ordered))
    return ordered + rest


def _nav_files(nav) -> list[str]:
    if isinstance(nav, str):
        return [nav]
    if isinstance(nav, dict):
        return [f for value in nav.values() for f in _nav_files(value)]
    if isinstance(nav, list):
        return [f for item in nav for f in _nav_files(item)]
    return []


def _meta(front: str) -> dict:
    try:
        meta = yaml.safe_load(front)
    except yaml.YAMLError:
        return {}
    return meta if isinstance(meta, dict) else {}


def _exercises(page: str, text: str, meta: dict) -> list[ExportQuiz]:
    lesson = str(meta.get("title") or page).removeprefix("Quiz: ")
    lines = text.split("\n")
    headings = [(i, m["title"]) for i, line in enumerate(lines) if (m := _HEADING.match(line))]
    blocks, _ = parse_blocks(text, page)
    exercises: dict[str, ExportQuiz] = {}
    for block in blocks:
        title = next((t for i, t in reversed(headings) if i < block.start), lesson)
        quiz = exercises.setdefault(title, ExportQuiz(page, lesson, title))
        quiz.questions.append((block.title or f"Question {len(quiz.questions) + 1}",
                               block.question))
    return list(exercises.values())
