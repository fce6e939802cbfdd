"""Moving an edited page to its lesson's new address: ``build-course move``.

When a lesson's source file or title is renamed, an edited page of it stays
at its old address (build/identity.py), so that links to it keep working.
``move`` takes it, when its author asks, to the address the lesson has now:
the lesson page, its quiz page and any ``PAGE.md.new`` beside them, with
their record entries (and so their bases: the next build merges the new
import into the moved page as into any edited page). Each file is renamed,
never rewritten: an author's text is moved as it is.
"""

from __future__ import annotations

import os
from pathlib import Path

from build_course.build.record import Record, digest, load_record
from build_course.build.resolving import page_path
from build_course.build.writing import RECORD, atomic_write, safe_path
from build_course.diagnostics import CourseError, Diagnostic, Severity, Topic, UsageError
from build_course.project import Project


def renamed_report(renamed: dict[str, str]) -> list[Diagnostic]:
    """A note for each edited page kept at its old address, naming ``move``."""
    return [Diagnostic(f"docs/{old}", 0, f"its lesson was renamed and now has the address "
                       f"docs/{new}; you edited this page, so it stays where it is",
                       f"build-course move docs/{old} moves it there (with its quiz page)",
                       Severity.NOTE, Topic.TITLE)
            for old, new in sorted(renamed.items())]


def move(project: Project, page: str, renamed: dict[str, str]) -> str:
    """Move ``page`` (a lesson page or its quiz page) and its lesson's other
    pages to the address the lesson has now; what was done."""
    path = page_path(project, page)
    record = load_record(project.docs)
    lesson = _lesson_page(path, record)
    if lesson not in renamed:
        raise UsageError(f"docs/{path}", 0, "this page is at the address its lesson has; "
                         "there is nothing to move", "move a page that build or check says "
                         "stays at its old address")
    moves = [(old, to) for old, to in _pages(lesson, renamed[lesson])
             if (project.docs / old).exists() or old in record.pages]
    for _, to in moves:
        _check_free(project.docs, to, record)
    for old, to in moves:
        _move_page(project.docs, old, to, record)
    atomic_write(project.docs / RECORD, record.to_text())
    return "\n".join(f"docs/{old}: moved to docs/{to}" for old, to in moves)


def _lesson_page(path: str, record: Record) -> str:
    entry = record.pages.get(path)
    if entry and entry.kind == "quiz":
        return path.removesuffix("-quiz.md") + ".md"
    return path


def _pages(lesson: str, new: str) -> list[tuple[str, str]]:
    """(old, new) for the lesson page, its quiz page and their PAGE.md.new."""
    quiz = (lesson.removesuffix(".md") + "-quiz.md", new.removesuffix(".md") + "-quiz.md")
    pairs = [(lesson, new), quiz]
    return pairs + [(old + ".new", to + ".new") for old, to in pairs]


def _check_free(docs: Path, to: str, record: Record) -> None:
    """The new address must be free, or hold a page the build wrote there
    and nobody edited (a fresh copy of the import, replaced by the move)."""
    target = safe_path(docs, to)
    if not target.exists() or to.endswith(".new"):
        return  # (a conflict's merge is the build's, and is moved over)
    entry = record.pages.get(to)
    if entry is None or digest(target.read_bytes()) != entry.digest:
        raise CourseError(f"docs/{to}", 0, "a page you edited is already at the new address",
                          f"resolve it first (build-course resolve docs/{to} --mine or "
                          "--theirs), or move it away, then move again")


def _move_page(docs: Path, old: str, to: str, record: Record) -> None:
    source, target = safe_path(docs, old), safe_path(docs, to)
    target.parent.mkdir(parents=True, exist_ok=True)
    if source.exists():
        os.replace(source, target)
        _remove_if_empty(source.parent, docs)
    if old in record.pages:
        record.pages[to] = record.pages.pop(old)


def _remove_if_empty(folder: Path, docs: Path) -> None:
    if folder != docs.resolve() and folder.is_relative_to(docs.resolve()):
        try:
            folder.rmdir()
        except OSError:
            pass  # not empty
