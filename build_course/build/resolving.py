"""Ending a conflict or an orphaned page: ``build-course resolve`` and ``diff``.

A conflict (``PAGE.md.new`` beside an edited page) ends with the author's page
as it is (``--mine``), the new import (``--theirs``) or ``PAGE.md.new`` once its
conflict marks are edited out (``--merged``); the record then takes the new
import as the page's base, so the same conflict is never reported again. An
orphaned page (edited, but no source produces it any more) ends by being
deleted (``--theirs``) or by becoming the author's own page (``--mine``).
Files are replaced with writing.py's ``replace_file``: a save made meanwhile
is not overwritten.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path

from build_course.build.record import Bases, Record, digest, load_record
from build_course.build.writing import RECORD, atomic_write, merge_texts, replace_file, safe_path
from build_course.diagnostics import CourseError, UsageError
from build_course.model import Page
from build_course.project import Project

_MARK = re.compile(r"^(<<<<<<< |=======$|>>>>>>> )", re.M)


def page_path(project: Project, page: str) -> str:
    """``docs/a/b.md``, ``a/b.md`` or a path to the file -> ``a/b.md``."""
    given = (project.root / page) if not page.startswith("/") else None
    candidates = [page.removeprefix("docs/")]
    if given is not None and given.resolve().is_relative_to(project.docs.resolve()):
        candidates.insert(0, given.resolve().relative_to(project.docs.resolve()).as_posix())
    for relative in candidates:
        relative = relative.removesuffix(".new")
        if (project.docs / relative).exists() or relative in load_record(project.docs).pages:
            safe_path(project.docs, relative)
            return relative
    raise UsageError(page, 0, "no such page in docs/", "give the page's path, as in docs/a/b.md")


def resolve(project: Project, page: str, how: str) -> str:
    """End the conflict (or orphan) of ``page`` as ``how`` says; what was done."""
    path = page_path(project, page)
    docs = project.docs
    record = load_record(docs)
    entry = record.pages.get(path)
    target, new_version = docs / path, docs / (path + ".new")
    if entry and entry.pending:
        text = _chosen(project, path, how, Bases(docs).get(entry.pending))
        if text is not None:
            _put(target, text)
        entry.digest, entry.pending = entry.pending, ""
        done = {"mine": "kept your page", "theirs": "took the new import",
                "merged": f"took docs/{path}.new"}[how]
    elif entry and entry.orphan:
        done = _orphan(docs, record, path, how)
    else:
        raise UsageError(f"docs/{path}", 0, "there is nothing to resolve for this page",
                         "a page with a conflict has a PAGE.md.new beside it")
    _write_record(docs, record)
    if new_version.exists():
        replace_file(new_version, None, digest(new_version.read_bytes()))
    return f"docs/{path}: {done}"


def _chosen(project: Project, path: str, how: str, theirs: str | None) -> str | None:
    if how == "mine":
        return None
    if how == "theirs":
        if theirs is None:
            raise CourseError(f"docs/{path}", 0, "the new import of this page is not kept any "
                              "more (the build's cache was deleted)",
                              "build again, then resolve")
        return theirs
    merged_path = project.docs / (path + ".new")
    if not merged_path.exists():
        raise UsageError(f"docs/{path}.new", 0, "there is no merged version",
                         "resolve with --mine or --theirs")
    merged = merged_path.read_text(encoding="utf-8")
    mark = _MARK.search(merged)
    if mark:
        line = merged.count("\n", 0, mark.start()) + 1
        raise CourseError(f"docs/{path}.new", line, "a conflict mark is still here",
                          "keep the lines you want and delete the marks, then resolve again")
    return merged


def _orphan(docs: Path, record: Record, path: str, how: str) -> str:
    if how == "theirs":
        _put(docs / path, None)
        del record.pages[path]
        return "deleted (no source produces it)"
    if how == "mine":
        del record.pages[path]
        return "kept as your own page (the build no longer tracks it)"
    raise UsageError(f"docs/{path}", 0, "no source produces this page, so there is nothing "
                     "to merge", "use --mine to keep it or --theirs to delete it")


def _put(target: Path, text: str | None) -> None:
    """``text`` at ``target`` (None: delete it), unless it is saved meanwhile."""
    staged = target.with_name(f".{target.name}.resolving")
    current = digest(target.read_bytes()) if target.exists() else None
    if text is not None:
        staged.write_text(text, encoding="utf-8", newline="\n")
    try:
        done = replace_file(target, staged if text is not None else None, current)
    finally:
        staged.unlink(missing_ok=True)
    if not done:
        raise CourseError(str(target), 0, "the page was saved while it was being resolved",
                          "resolve it again")


def _write_record(docs: Path, record: Record) -> None:
    atomic_write(docs / RECORD, record.to_text())


def diff(project: Project, page: str, pages: list[Page]) -> str:
    """A unified diff from the page as it is to what the build would make of it."""
    path = page_path(project, page)
    target = project.docs / path
    current = target.read_text(encoding="utf-8") if target.exists() else ""
    produced = {p.path: p for p in pages}
    if path not in produced:
        wanted = ""
    else:
        entry = load_record(project.docs).pages.get(path)
        wanted = produced[path].text
        if entry and current and digest(current) != entry.digest:
            base = Bases(project.docs).get(entry.digest) or ""
            wanted, _ = merge_texts(base, current, wanted, path)
    lines = difflib.unified_diff(current.splitlines(True), wanted.splitlines(True),
                                 f"docs/{path}", f"docs/{path} (after the build)")
    return "".join(lines)
