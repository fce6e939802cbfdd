"""Write: the only stage that touches ``docs/``.

A build plans what to write, stages the new texts in a folder beside docs/
with a journal, then replaces only the pages that change, one by one. Each
replacement takes the page aside, checks that it is still what the build read
(else an author saved meanwhile: their text is put back and wins), and links
the new text in only where no file has appeared since; a save is never lost.
A build killed while replacing is finished from the journal by the next one
(``recover``), so docs/ is always the old or the new version once recovered.

The record (see record.py) says what the build last wrote to each page. A
page whose text differs from it was edited by an author. When the build has
something new for an edited page, the author's text and the new import are
merged three ways with the last written text as base (``merge3``): a clean
merge replaces the page; a conflict leaves the page as it is and writes
``PAGE.md.new`` with the conflict marked, until ``build-course resolve``.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import merge3

from build_course.build.record import (
    RECORD,
    Bases,
    Entry,
    Record,
    digest,
    file_digest,
    load_record,
    record_text,
)
from build_course.diagnostics import CourseError
from build_course.model import Page

__all__ = ["RECORD", "WriteResult", "digest", "load_record", "write_docs", "recover",
           "merge_texts", "replace_file", "atomic_write", "safe_path", "prepare_swap", "swap_in"]


@dataclass
class WriteResult:
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # author edits, nothing new to offer
    merged: list[str] = field(default_factory=list)  # author edits + new import, merged
    conflicts: list[str] = field(default_factory=list)  # new conflicts: PAGE.md.new beside
    waiting: list[str] = field(default_factory=list)  # conflicts reported before, unresolved
    removed: list[str] = field(default_factory=list)
    orphaned: list[str] = field(default_factory=list)  # edited pages no source produces
    raced: list[str] = field(default_factory=list)  # saved by an author during this build


@dataclass
class _Op:
    path: str  # under docs/
    text: str | None  # None: delete the file
    expected: str | None  # the file's digest when planned (None: absent)


@dataclass
class _Plan:
    record: Record
    bases: Bases
    result: WriteResult = field(default_factory=WriteResult)
    ops: list[_Op] = field(default_factory=list)
    before: dict[str, Entry | None] = field(default_factory=dict)  # entries ops change

    def op(self, path: str, text: str | None, expected: str | None, entry_path: str) -> None:
        self.ops.append(_Op(path, text, expected))
        self.before.setdefault(entry_path, self.record.pages.get(entry_path))


def write_docs(docs: Path, pages: list[Page], nav: list,
               force: set[str] = frozenset()) -> WriteResult:
    """Write ``pages`` under ``docs``, keeping (and merging) authors' edits
    unless forced. Files whose text would not change are not touched."""
    prepare_swap(docs)  # the whole-folder swap of older versions, if one was killed
    if docs.exists() and not docs.is_dir():
        raise CourseError(docs.name, 0, f"this is a file, and the build writes the pages into "
                          f"a folder {docs.name}/", "move or delete the file")
    recover(docs)
    docs.mkdir(parents=True, exist_ok=True)
    try:
        old_text = (docs / RECORD).read_text(encoding="utf-8")
    except OSError:
        old_text = None
    plan = _Plan(load_record(docs), Bases(docs))
    tree = _Tree(docs)
    for page in pages:
        _plan_page(tree, page, plan, page.path in force)
    _plan_stale(docs, {p.path for p in pages}, plan)
    plan.record.nav = nav
    data = plan.record.to_data()
    text = record_text(data)
    if plan.ops:
        _commit(docs, plan, data)
    elif text != old_text:  # unchanged: untouched, so watchers stay quiet
        atomic_write(docs / RECORD, text)
    if text != old_text or plan.ops:  # a raced page keeps its old base
        plan.bases.save(_referenced(plan.record) | _referenced(load_record(docs)))
    return plan.result


def _referenced(record: Record) -> set[str]:
    return {d for e in record.pages.values() for d in (e.digest, e.pending) if d}


# ---- planning ------------------------------------------------------------

def _plan_page(tree: _Tree, page: Page, plan: _Plan, forced: bool) -> None:
    target = tree.path(page.path)
    new = plan.bases.add(page.text)
    current = file_digest(target)
    entry = plan.record.pages.get(page.path)
    fresh = Entry(new, page.source, page.lesson, page.position, page.kind, page.title)
    if current == new:
        plan.record.pages[page.path] = fresh
        plan.result.unchanged.append(page.path)
        _drop_new_version(tree, page.path, entry, plan)
    elif current is None or forced or (entry and current == entry.digest) \
            or (entry is None and plan.bases.get(current) is not None):
        # (the last: the record is gone, but the page is a text the build wrote)
        plan.op(page.path, page.text, current, page.path)
        plan.record.pages[page.path] = fresh
        plan.result.written.append(page.path)
        _drop_new_version(tree, page.path, entry, plan)
    else:
        _plan_edited(tree, page, plan, entry, fresh, target)


def _plan_edited(tree: _Tree, page: Page, plan: _Plan, entry: Entry | None, fresh: Entry,
                 target: Path) -> None:
    """An author edited the page (or wrote one where the build writes one)."""
    if entry and fresh.digest == entry.digest:
        plan.result.kept.append(page.path)
        _keep_identity(entry, fresh)
        return
    if entry and entry.pending == fresh.digest:
        plan.result.waiting.append(page.path)  # reported when it arose
        _keep_identity(entry, fresh)
        return
    mine = target.read_bytes().decode("utf-8", errors="replace")
    base = plan.bases.get(entry.digest) if entry else None
    merged, clean = merge_texts(base or "", mine, page.text, page.path)
    if clean and base is not None:
        plan.op(page.path, merged, digest(mine), page.path)
        plan.record.pages[page.path] = fresh  # the new import is the next base
        plan.result.merged.append(page.path)
        return
    new_version = tree.path(page.path + ".new")
    plan.op(page.path + ".new", merged, file_digest(new_version), page.path)
    recorded = entry or Entry("")
    plan.record.pages[page.path] = Entry(recorded.digest, fresh.source, fresh.lesson,
                                         fresh.position, fresh.kind, recorded.title,
                                         pending=fresh.digest)
    plan.result.conflicts.append(page.path)


def _keep_identity(entry: Entry, fresh: Entry) -> None:
    entry.source, entry.lesson, entry.position, entry.kind, entry.title = (
        fresh.source, fresh.lesson, fresh.position, fresh.kind, fresh.title)
    entry.orphan = False


def _drop_new_version(tree: _Tree, path: str, entry: Entry | None, plan: _Plan) -> None:
    """A page the build (re)wrote or that already matches: its conflict is over."""
    new_version = tree.path(path + ".new")
    found = file_digest(new_version)
    if found is not None:
        plan.op(path + ".new", None, found, path)


def _plan_stale(docs: Path, current: set[str], plan: _Plan) -> None:
    stale = sorted(set(plan.record.pages) - current)
    found = {path: file_digest(safe_path(docs, path)) for path in stale}
    # an edited page that is kept keeps the unedited pages of its lesson (its
    # quiz), which it links to
    kept = {(e.source, e.lesson) for path in stale if (e := plan.record.pages[path]).lesson
            and found[path] not in (None, e.digest)}
    for path in stale:
        entry = plan.record.pages[path]
        if found[path] is None:
            del plan.record.pages[path]
        elif found[path] == entry.digest and (entry.source, entry.lesson) not in kept:
            plan.op(path, None, found[path], path)
            del plan.record.pages[path]
            plan.result.removed.append(path)
        elif found[path] != entry.digest:
            entry.orphan = True
            plan.result.orphaned.append(path)


def _digest_of_file(path: Path) -> str | None:
    try:
        return digest(path.read_bytes())
    except FileNotFoundError:
        return None


def merge_texts(base: str, mine: str, theirs: str, path: str) -> tuple[str, bool]:
    """The author's text and the new import merged with ``base``; True when
    no change of one side overlaps a change of the other."""
    merge = merge3.Merge3(base.splitlines(True), mine.splitlines(True), theirs.splitlines(True))
    clean = not any(region[0] == "conflict" for region in merge.merge_regions())
    lines = merge.merge_lines(name_a=f"your edit (docs/{path})", name_b="the new import")
    return "".join(lines), clean


# ---- committing ------------------------------------------------------------

def _staging(docs: Path) -> Path:
    return docs.with_name(f".{docs.name}-writing")


def _commit(docs: Path, plan: _Plan, record: dict) -> None:
    """Stage every new text and a journal, then replace the files."""
    staging = _staging(docs)
    remove(staging)  # a killed build's, whatever it is
    staging.mkdir(parents=True)
    ops = []
    for n, op in enumerate(plan.ops):
        staged = None
        if op.text is not None:
            staged = str(n)
            with open(staging / staged, "w", encoding="utf-8", newline="\n") as stream:
                stream.write(op.text)
        ops.append([op.path, staged, op.expected])
    before = {path: (entry.__dict__ if entry else None) for path, entry in plan.before.items()}
    journal = {"ops": ops, "record": record, "before": before}
    atomic_write(staging / "journal.json", json.dumps(journal, ensure_ascii=False))
    before_replacing(docs)
    plan.result.raced = _apply(docs, staging, journal)
    shutil.rmtree(staging, ignore_errors=True)


def before_replacing(docs: Path) -> None:
    """Called once everything is staged, before the first page is replaced
    (a seam for the tests that save a page at that moment)."""


def recover(docs: Path) -> list[str]:
    """Finish the writing of a build that was killed midway (from its
    journal), or drop what it staged before it began replacing files."""
    staging = _staging(docs)
    journal_path = staging / "journal.json"
    raced: list[str] = []
    if journal_path.exists():
        try:
            journal = json.loads(journal_path.read_text(encoding="utf-8"))
        except ValueError:
            journal = None  # killed while writing the journal: nothing replaced yet
        if journal:
            raced = _apply(docs, staging, journal)
    shutil.rmtree(staging, ignore_errors=True)
    return raced


def _apply(docs: Path, staging: Path, journal: dict) -> list[str]:
    """Replace each file of the journal that is still as planned; the
    record's entry of a file an author changed meanwhile stays as it was,
    so the next build sees their edit (and merges the new import with it)."""
    record = journal["record"]
    raced = []
    for path, staged, expected in journal["ops"]:
        target = safe_path(docs, path)
        source = staging / staged if staged else None
        if not replace_file(target, source, expected):
            raced.append(path)
            owner = path.removesuffix(".new") if path.endswith(".new") else path
            previous = journal["before"].get(owner)
            if previous is None:
                record["pages"].pop(owner, None)
            else:
                record["pages"][owner] = {k: v for k, v in previous.items() if v or k == "digest"}
    atomic_write(docs / RECORD, record_text(record))
    return raced


def replace_file(target: Path, staged: Path | None, expected: str | None) -> bool:
    """Put ``staged`` (None: nothing) at ``target`` if ``target`` is still
    what was planned (digest ``expected``, None: absent). False, leaving the
    author's file, when it was saved since; also when it is saved during the
    replacement itself: the file is taken aside before it is compared, and
    the new one linked in only where nothing has appeared since."""
    new = _digest_of_file(staged) if staged else None
    aside = target.with_name(f".{target.name}.aside")
    if aside.exists() and not target.exists():
        os.rename(aside, target)  # a build killed with the page aside
    aside.unlink(missing_ok=True)
    if expected is not None:
        try:
            os.rename(target, aside)
        except FileNotFoundError:
            return new is None  # the author deleted it
        if _digest_of_file(aside) != expected:
            _put_back(aside, target)
            return _digest_of_file(target) == new
    elif target.exists():
        return _digest_of_file(target) == new  # already done (a recovery), or the author's
    if staged is None:
        aside.unlink(missing_ok=True)
        return True
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        _link(staged, target)
    except FileExistsError:  # saved in the instant the page was aside: theirs stays
        aside.unlink(missing_ok=True)
        return False
    aside.unlink(missing_ok=True)
    return True


def _link(staged: Path, target: Path) -> None:
    """``staged`` at ``target``, failing if ``target`` exists."""
    try:
        os.link(staged, target)
    except FileExistsError:
        raise
    except OSError:  # no hard links on this file system: copy, refusing to overwrite
        with open(staged, "rb") as source, open(target, "xb") as out:
            shutil.copyfileobj(source, out)


def _put_back(aside: Path, target: Path) -> None:
    try:
        os.link(aside, target)
    except FileExistsError:
        pass  # saved again meanwhile: that newer save stays
    except OSError:
        if not target.exists():
            os.rename(aside, target)
            return
    aside.unlink(missing_ok=True)


# ---- helpers ---------------------------------------------------------------

class _Tree:
    """docs/ while pages are planned: each folder is checked once, not once
    per page (safe_path costs a page some ten system calls)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._folders: dict[str, Path] = {}  # a page's folder, as in its path -> resolved

    def path(self, relative: str) -> Path:
        """``safe_path(root, relative)``, resolved once per folder."""
        folder, _, name = relative.rpartition("/")
        if folder not in self._folders or name in ("", ".", ".."):
            self._folders[folder] = safe_path(self.root, folder or ".")
        target = self._folders[folder] / name
        return safe_path(self.root, relative) if target.is_symlink() else target


def safe_path(root: Path, relative: str) -> Path:
    """``root / relative``, refusing anything that would land outside root."""
    target = (root / relative).resolve()
    if not target.is_relative_to(root.resolve()):
        raise CourseError(relative, 0, "this page path leaves docs/",
                          "rename the source file or title")
    return target


def prepare_swap(folder: Path) -> Path:
    """Finish or undo the swap of a build that was killed, and return the
    (empty) staging path for this build's new version of ``folder``.
    Whatever such a build left (a folder, a file, a link, read-only
    contents) goes."""
    old = folder.with_name(f".{folder.name}-old")
    staging = folder.with_name(f".{folder.name}-staging")
    if old.exists() or old.is_symlink():
        if folder.exists() or folder.is_symlink():
            remove(old)
        else:
            old.rename(folder)
    remove(staging)
    return staging


def swap_in(staging: Path, folder: Path) -> None:
    """Replace ``folder`` by ``staging``: two renames, undone by prepare_swap
    if the build dies between them."""
    old = folder.with_name(f".{folder.name}-old")
    if folder.exists() or folder.is_symlink():
        folder.rename(old)
    staging.rename(folder)
    try:
        remove(old)
    except OSError:
        pass  # the next build's prepare_swap tries again


def remove(path: Path) -> None:
    """Delete ``path`` whatever it is: a folder (read-only parts made
    writable first), a file or a symbolic link (not what it points to)."""
    if path.is_symlink() or path.is_file():
        path.unlink()
    elif path.exists():
        try:
            shutil.rmtree(path)
        except PermissionError:
            _make_writable(path)
            shutil.rmtree(path)


def _make_writable(folder: Path) -> None:
    """Let the owner list, enter and change every folder under ``folder``."""
    mode = stat.S_IRWXU
    os.chmod(folder, os.stat(folder).st_mode | mode)
    for parent, folders, _ in os.walk(folder):
        for name in folders:
            child = os.path.join(parent, name)
            if not os.path.islink(child):
                os.chmod(child, os.stat(child).st_mode | mode)


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
