"""Write: the only stage that touches ``docs/``.

A build that changes pages writes them into a copy of docs/ that replaces
it whole (two renames), so an interrupted build leaves the previous docs/ as
it was; the record alone may change in place, written atomically.
The build keeps a record, ``docs/.build-course.json``, of what it wrote to
each page. A page whose text differs from that record was edited by an
author: it is kept, and when the build has something new for it, the new
version goes beside it as ``PAGE.md.new`` and is reported.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from build_course.diagnostics import CourseError
from build_course.model import Page

RECORD = ".build-course.json"


@dataclass
class WriteResult:
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # author edits, nothing new to offer
    conflicts: list[str] = field(default_factory=list)  # author edits, new version beside
    removed: list[str] = field(default_factory=list)
    orphaned: list[str] = field(default_factory=list)  # edited pages no source produces


def digest(text: str | bytes) -> str:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return hashlib.sha256(data).hexdigest()


def load_record(docs: Path) -> dict:
    try:
        record = json.loads((docs / RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {"pages": {}, "nav": None}
    record.setdefault("pages", {})
    record.setdefault("nav", None)
    return record


def write_docs(docs: Path, pages: list[Page], nav: list,
               force: set[str] = frozenset()) -> WriteResult:
    """Write ``pages`` under ``docs``, keeping authors' edits (unless forced).

    When any page changes, the new docs/ is made in a copy beside it and
    swapped in whole, so that an interrupted build leaves the previous docs/
    as it was, not half old and half new."""
    staging = prepare_swap(docs)
    docs.mkdir(parents=True, exist_ok=True)
    if not _changes(docs, pages):
        return _write_in(docs, pages, nav, force)  # at most the record changes
    shutil.copytree(docs, staging, symlinks=True)
    result = _write_in(staging, pages, nav, force)
    swap_in(staging, docs)
    return result


def prepare_swap(folder: Path) -> Path:
    """Finish or undo the swap of a build that was killed, and return the
    (empty) staging path for this build's new version of ``folder``."""
    old = folder.with_name(f".{folder.name}-old")
    staging = folder.with_name(f".{folder.name}-staging")
    if old.exists():
        if folder.exists():
            shutil.rmtree(old)
        else:
            old.rename(folder)
    shutil.rmtree(staging, ignore_errors=True)
    return staging


def swap_in(staging: Path, folder: Path) -> None:
    """Replace ``folder`` by ``staging``: two renames, undone by prepare_swap
    if the build dies between them."""
    old = folder.with_name(f".{folder.name}-old")
    if folder.exists():
        folder.rename(old)
    staging.rename(folder)
    shutil.rmtree(old, ignore_errors=True)


def _changes(docs: Path, pages: list[Page]) -> bool:
    """Would writing ``pages`` touch any file but the record?"""
    recorded = load_record(docs)["pages"]
    current = {p.path for p in pages}
    if any(path not in current and (docs / path).exists() for path in recorded):
        return True
    for page in pages:
        target = docs / page.path
        if not target.exists() or digest(target.read_bytes()) != digest(page.text):
            return True
    return False


def _write_in(docs: Path, pages: list[Page], nav: list, force: set[str]) -> WriteResult:
    record = load_record(docs)
    recorded: dict[str, str] = record["pages"]
    result = WriteResult()
    tree = _Tree(docs)
    for page in pages:
        _write_page(tree, page, recorded, page.path in force, result)
    _remove_stale(docs, {p.path for p in pages}, recorded, result)
    record["nav"] = nav
    text = json.dumps(record, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    if not (docs / RECORD).exists() or (docs / RECORD).read_text(encoding="utf-8") != text:
        atomic_write(docs / RECORD, text)  # unchanged: untouched, so watchers stay quiet
    return result


class _Tree:
    """docs/ while pages are written into it: each folder is checked and
    made once, not once per page (safe_path and mkdir cost a page some
    twenty system calls, a third of writing a large course)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._folders: dict[str, Path] = {}  # a page's folder, as in its path -> resolved
        self._made: set[Path] = set()

    def path(self, relative: str) -> Path:
        """``safe_path(root, relative)``, made once per folder."""
        folder, _, name = relative.rpartition("/")
        if folder not in self._folders or name in ("", ".", ".."):
            self._folders[folder] = safe_path(self.root, folder or ".")
        target = self._folders[folder] / name
        return safe_path(self.root, relative) if target.is_symlink() else target

    def write(self, path: Path, text: str) -> None:
        # Pages are written only into the staging copy of docs/ (write_docs),
        # which nobody reads before it is swapped in whole: a plain write will
        # do (a temporary file and a rename per page cost a third more on a
        # slow disk).
        if path.parent not in self._made:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._made.add(path.parent)
        with open(path, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)


def _write_page(tree: _Tree, page: Page, recorded: dict, forced: bool,
                result: WriteResult) -> None:
    target = tree.path(page.path)
    new = digest(page.text)
    try:
        current = digest(target.read_bytes())
    except FileNotFoundError:
        current = None
    if current is not None:
        if current == new:
            recorded[page.path] = new
            result.unchanged.append(page.path)
            return
        if current != recorded.get(page.path) and not forced:
            if recorded.get(page.path) == new:
                result.kept.append(page.path)
            else:
                tree.write(target.with_name(target.name + ".new"), page.text)
                result.conflicts.append(page.path)
            return
    tree.write(target, page.text)
    target.with_name(target.name + ".new").unlink(missing_ok=True)  # a stale new version
    recorded[page.path] = new
    result.written.append(page.path)


def _remove_stale(docs: Path, current: set[str], recorded: dict, result: WriteResult) -> None:
    for path in sorted(set(recorded) - current):
        target = safe_path(docs, path)
        if not target.exists():
            del recorded[path]
        elif digest(target.read_bytes()) == recorded[path]:
            target.unlink()
            del recorded[path]
            result.removed.append(path)
        else:
            result.orphaned.append(path)


def safe_path(root: Path, relative: str) -> Path:
    """``root / relative``, refusing anything that would land outside root."""
    target = (root / relative).resolve()
    if not target.is_relative_to(root.resolve()):
        raise CourseError(relative, 0, "this page path leaves docs/",
                          "rename the source file or title")
    return target


def atomic_write(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` so that readers see the old or the new file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
