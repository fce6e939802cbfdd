"""Stable page identity: an author's edited page stays attached to its lesson.

The build record keeps, for each page, the source and the lesson (its slug
and its place in the source) it came from. When a source file is renamed, or
a lesson's title (and so its slug) changes, the lesson's pages would move to
a new address and the author's edited page would be left behind, orphaned.
``keep_addresses`` finds such a lesson by its old identity and, when one of
its pages was edited, keeps the lesson at its old address: the edited page
stays where it is (links to it keep working) and the new import is merged
into it as for any edit.

``build-course move`` (build/moving.py) moves such a page, when its author
asks, to the address its lesson has now.

``edited_titles`` gives the navigation and the home page the title an author
set in an edited page's front matter.
"""

from __future__ import annotations

from pathlib import Path

from build_course.build.record import Entry, Record, file_digest
from build_course.build.rendering import lesson_path, quiz_path
from build_course.diagnostics import CourseError
from build_course.importer.authored import split_front_matter
from build_course.model import Part


def keep_addresses(parts: list[Part], record: Record, docs: Path) -> dict[str, str]:
    """Give a renamed lesson with an edited page its recorded folder and slug;
    for each lesson so kept, the address of its page -> the one its source
    gives it now (``build-course move`` moves it there)."""
    sources = {part.source for part in parts}
    by_source: dict[tuple, str] = {}
    by_lesson: dict[tuple, str] = {}  # lessons of sources that are gone (renamed files)
    for path, entry in record.pages.items():
        if entry.kind == "lesson":
            by_source[(entry.source, entry.position)] = path
            if entry.source not in sources:
                by_lesson.setdefault((entry.lesson, entry.position), path)
    kept: dict[str, str] = {}
    if not by_source:
        return kept
    taken = {lesson_path(p, lesson) for p in parts for lesson in p.lessons}
    for part in parts:
        for position, lesson in enumerate(part.lessons):
            new = lesson_path(part, lesson)
            if new in record.pages:
                continue  # at its recorded address already
            old = by_source.get((part.source, position)) or by_lesson.get((lesson.slug, position))
            if old and old not in taken and _edited_lesson(old, record, docs):
                folder, _, name = old.rpartition("/")
                lesson.folder, lesson.slug = folder, name.removesuffix(".md")
                taken.add(old)
                kept[old] = new
    return kept


def _edited_lesson(path: str, record: Record, docs: Path) -> bool:
    quiz = path.removesuffix(".md") + "-quiz.md"
    return any(_edited(docs, p, record.pages.get(p)) for p in (path, quiz))


def _edited(docs: Path, path: str, entry: Entry | None) -> bool:
    found = file_digest(docs / path)
    return entry is not None and found is not None and found != entry.digest


def edited_titles(parts: list[Part], record: Record, docs: Path) -> dict[str, str]:
    """The front-matter title of each edited lesson or quiz page where the
    author changed it (it differs from the one the build last wrote there),
    by page path."""
    titles = {}
    for part in parts:
        for lesson in part.lessons:
            pages = [(lesson_path(part, lesson), lesson.title)]
            if lesson.quizzes:
                pages.append((quiz_path(part, lesson), f"Quiz: {lesson.title}"))
            for path, given in pages:
                title = _edited_title(docs, path, record.pages.get(path))
                if title and title != given:
                    titles[path] = title
    return titles


def _edited_title(docs: Path, path: str, entry: Entry | None) -> str:
    if entry is None or not entry.title or file_digest(docs / path) in (None, entry.digest):
        return ""
    try:
        data = (docs / path).read_bytes()
    except OSError:
        return ""
    try:
        meta, _, _ = split_front_matter(data.decode("utf-8", errors="replace"), f"docs/{path}")
    except CourseError:
        return ""  # check reports it
    title = meta.get("title") if isinstance(meta, dict) else None
    title = title.strip() if isinstance(title, str) else ""
    return title if title != entry.title else ""
