"""The build record: what the build last wrote to each page of docs/, and
where each page came from.

``docs/.build-course.json`` keeps, for each page, the digest of the text the
build last wrote there, the source and lesson it came from (so that renaming a
source or a title keeps an edited page attached), and, while a conflict waits
for the author, the digest of the new version. The texts themselves, the bases
of three-way merges, are kept by digest in one SQLite file beside the import
cache (``.build-course-cache/bases.sqlite``), out of docs/ so that neither
MkDocs nor git sees them: a page the author edits can then be merged with the
next import. Without them (the cache deleted) an edited page whose source
changed gets a conflict to resolve instead of a merge.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import time
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

RECORD = ".build-course.json"
BASES = ".build-course-cache/bases.sqlite"  # under the project folder


def digest(text: str | bytes) -> str:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return hashlib.sha256(data).hexdigest()


# path -> (its stat when digested, the digest, when it was digested)
_DIGESTED: dict[str, tuple[tuple[int, int, int, int], str, int]] = {}
_SETTLED_NS = 2_000_000_000  # a change within this long of a digest might share its times


def file_digest(path: Path) -> str | None:
    """The digest of the file at ``path`` (None: there is none), for
    planning and checking: read again only when its inode, size or times
    changed since it was last digested in this process (a rebuild while
    serving reads only the pages that changed, as git's index does).
    Replacing a file compares a fresh digest (writing.replace_file)."""
    try:
        stat = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        _DIGESTED.pop(str(path), None)
        return None
    signature = (stat.st_ino, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns)
    known = _DIGESTED.get(str(path))
    if known and known[0] == signature and known[2] - stat.st_ctime_ns > _SETTLED_NS:
        return known[1]
    now = time.time_ns()
    try:
        found = digest(path.read_bytes())
    except (FileNotFoundError, NotADirectoryError):
        return None
    _DIGESTED[str(path)] = (signature, found, now)
    return found


@dataclass
class Entry:
    """One page as the build last wrote it."""

    digest: str
    source: str = ""  # the source file it came from ("" for the home page)
    lesson: str = ""  # the lesson's slug when it was written
    position: int = 0  # the lesson's place in its source
    kind: str = ""  # "home", "lesson" or "quiz"
    title: str = ""  # the title the build gave it (an author's own shows in the navigation)
    pending: str = ""  # a conflict's new version, until resolved
    orphan: bool = False  # edited, and no source produces it any more

    @classmethod
    def load(cls, value) -> Entry:
        if isinstance(value, str):  # a record of an older build: the digest alone
            return cls(value)
        try:
            return cls(**value)
        except TypeError:  # a field of another version
            return cls(**{k: v for k, v in value.items() if k in cls.__dataclass_fields__})


@dataclass
class Record:
    pages: dict[str, Entry] = field(default_factory=dict)
    nav: list | None = None

    def digest_of(self, path: str) -> str | None:
        entry = self.pages.get(path)
        return entry.digest if entry else None

    def to_data(self) -> dict:
        pages = {path: {k: v for k, v in vars(entry).items() if v or k == "digest"}
                 for path, entry in self.pages.items()}  # (asdict copies deeply: slow)
        return {"nav": self.nav, "pages": pages}

    def to_text(self) -> str:
        return record_text(self.to_data())


def record_text(data: dict) -> str:
    """The record as JSON, a page a line (readable in a diff; json.dumps with
    indent is pure Python and took a fifth of a one-page rebuild at 1,000 lessons)."""
    def dump(value) -> str:
        return json.dumps(value, sort_keys=True, ensure_ascii=False)

    pages = ",\n".join(f" {dump(path)}: {dump(entry)}"
                       for path, entry in sorted(data["pages"].items()))
    return f'{{"nav": {dump(data["nav"])},\n"pages": {{\n{pages}\n}}}}\n'


def load_record(docs: Path) -> Record:
    try:
        data = _record_data(docs / RECORD)
        pages = {path: Entry.load(value) for path, value in (data.get("pages") or {}).items()}
        return Record(pages, data.get("nav"))
    except (OSError, ValueError, TypeError, AttributeError):
        return Record()


_PARSED: dict[str, tuple[tuple[int, int, int, int], dict]] = {}


def _record_data(path: Path) -> dict:
    """The record's JSON, parsed again only when the file changed (a build
    reads it several times; it is only ever replaced whole, by a new file)."""
    stat = os.stat(path)
    signature = (stat.st_ino, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns)
    known = _PARSED.get(str(path))
    if known and known[0] == signature:
        return known[1]  # read, never changed: Entry.load copies what it takes
    data = json.loads(path.read_text(encoding="utf-8"))
    _PARSED[str(path)] = (signature, data)
    return data


class Bases:
    """Texts the build wrote (or offers in a conflict), by digest."""

    def __init__(self, docs: Path) -> None:
        self.path = docs.parent / BASES
        self._new: dict[str, str] = {}

    def add(self, text: str) -> str:
        key = digest(text)
        self._new[key] = text
        return key

    def get(self, key: str) -> str | None:
        if key in self._new:
            return self._new[key]
        if not self.path.exists():
            return None
        try:
            with closing(sqlite3.connect(self.path)) as db:
                row = db.execute("SELECT text FROM base WHERE digest = ?", (key,)).fetchone()
        except sqlite3.Error:
            return None
        return row[0] if row else None

    def save(self, keep: set[str]) -> None:
        """Store the texts added since, and forget those no page refers to."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with closing(sqlite3.connect(self.path)) as db, db:
                db.execute("CREATE TABLE IF NOT EXISTS base (digest TEXT PRIMARY KEY, text TEXT)")
                have = {row[0] for row in db.execute("SELECT digest FROM base")}
                added = [(k, t) for k, t in self._new.items() if k in keep and k not in have]
                db.executemany("INSERT OR REPLACE INTO base VALUES (?, ?)", added)
                db.executemany("DELETE FROM base WHERE digest = ?",
                               [(k,) for k in have - keep])
        except sqlite3.DatabaseError:
            self.path.unlink(missing_ok=True)  # damaged: merges fall back to conflicts
        self._new.clear()
