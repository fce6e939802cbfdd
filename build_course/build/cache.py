"""The import cache: what each source became, kept between builds.

Importing a source (read, clean, segment, structure) is the slow part of a
build, and a source that did not change imports the same way again. The
cache keeps each source's ``Imported`` (its part, its text and the line keys
of the duplicate check) as JSON (``datajson``: data, which reading cannot
make run code, as a pickle could), under a key made of:

- the file's bytes (SHA-256), its path and the name shown in messages;
- its manifest entry (title, publisher, original; not its line number,
  which no part of the import reads);
- the importer's version: a hash of the package's Python code (the model's
  dataclasses included), ftfy's version and Python's, so that a changed
  importer or model starts afresh.

The entries live in one SQLite database, a row per source name, and a
build's new entries go in at its end, in one transaction. A file per
source was the first design; creating hundreds of files cost a cold build
more kernel time than pickling them (about 0.6 ms a file on a virtual
machine's disk), and a transaction keeps the cache whole when a build is
killed halfway.

A hit is decoded anew on every load, so a build that changes what it got
(``mark_duplicates`` empties a duplicate's lessons) never changes the cache.
Anything wrong with the cache (a damaged database, an entry from another
version or of another shape, a value of the wrong type, a database another
build holds locked too long) makes it a miss.
The folder can be deleted at any time.

``STATS`` counts, per process, the sources imported and those taken from a
cache, so that a build or the benchmark can say "1 of 396 re-imported".
"""

from __future__ import annotations

import atexit
import dataclasses
import hashlib
import os
import sqlite3
import sys
from collections import Counter
from pathlib import Path

import ftfy
import markdown_it
import mdit_py_plugins

from build_course.build import parallel as workers
from build_course.build.datajson import Codec, DecodeError
from build_course.importer.importing import Imported

CACHE_DIR = ".build-course-cache"  # under the project folder
PACKAGE = Path(__file__).resolve().parent.parent  # the whole package

# "imported" (cache misses or no cache), "reused" (hits), "in_workers" (of the
# imported, those a worker process imported: see building.import_all)
STATS: Counter = Counter()


def importer_version() -> str:
    """A hash of what the import depends on besides its input."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*.py")):
        digest.update(str(path.relative_to(PACKAGE)).encode("utf-8") + b"\0")
        digest.update(path.read_bytes() + b"\0")
    digest.update(f"ftfy {ftfy.__version__}; markdown-it-py {markdown_it.__version__}; "
                  f"mdit-py-plugins {mdit_py_plugins.__version__}; python {sys.version}; "
                  f"cache format {FORMAT}".encode())
    return digest.hexdigest()


_VERSION: str | None = None


def _version() -> str:
    global _VERSION
    if _VERSION is None:
        _VERSION = importer_version()
    return _VERSION


class ImportCache:
    """One cache folder. ``get`` reads an entry by a key from ``key``; ``put``,
    ``hold`` and ``write`` keep new entries until ``save``, which stores them."""

    FILE = "imports.sqlite3"
    TIMEOUT = 10  # seconds to wait for another build that holds the database

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.hits = 0
        self.misses = 0
        self._pending: dict[str, tuple] = {}  # name -> (key, import or its dumps)
        self._db: sqlite3.Connection | None = None
        self._off = False  # the database cannot be used: no cache this time
        self._remade = False  # a damaged database was deleted

    @classmethod
    def for_project(cls, root: Path) -> ImportCache:
        return cls(Path(root) / CACHE_DIR)

    def __enter__(self) -> ImportCache:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def key(self, data: bytes, path: Path, display: str, entry) -> str:
        """The cache key of one source: its bytes, names, entry, the importer."""
        # (a source entry's fields are plain values: no need of asdict's deep copy)
        fields = {} if entry is None else {f.name: getattr(entry, f.name)
                                           for f in dataclasses.fields(entry) if f.name != "line"}
        digest = hashlib.sha256(data)
        digest.update(repr((str(path), display, sorted(fields.items()), _version()))
                      .encode("utf-8"))
        return digest.hexdigest()

    def stored_keys(self) -> dict[str, str]:
        """Each source name the cache holds an entry for, with that entry's key
        (one query: a cold build of many sources asks once, not once a source)."""
        keys = dict(self._query("SELECT name, key FROM imports", ()))
        keys.update((name, key) for name, (key, _) in self._pending.items())
        return keys

    def get(self, display: str, key: str):
        """The cached import of a source, as new objects, or None."""
        if display in self._pending:
            stored, data = self._pending[display]
            data = data if isinstance(data, bytes) else dumps(stored, data)
        else:
            row = self._query("SELECT key, data FROM imports WHERE name = ?", (display,))
            if not row:
                return None
            stored, data = row[0]
        if stored != key or data is None:
            return None
        try:
            stored_key, imported = loads(data)
            if stored_key != key:
                raise ValueError("another key")
        except Exception:  # noqa: BLE001 - a damaged or foreign entry is a miss
            return None
        self.hits += 1
        STATS["reused"] += 1
        return imported

    def put(self, display: str, key: str, imported) -> None:
        """Keep a source's import (as it is now) for ``save``; it replaces
        the source's older version. An import that cannot be written is skipped."""
        if (data := dumps(key, imported)) is not None:
            self.write(display, key, data)

    def hold(self, display: str, key: str, imported) -> None:
        """``put``, but encoded only by ``save``: nothing may change
        ``imported`` before then."""
        self._pending[display] = (key, imported)

    def write(self, display: str, key: str, data: bytes) -> None:
        """Keep ``dumps(key, imported)`` of a source for ``save`` (see ``put``)."""
        self._pending[display] = (key, data)

    def save(self, keep: set[str] | None = None, background: bool = False) -> int:
        """Store the kept entries and, given ``keep`` (source names as shown
        in messages), remove the entries of the other sources; how many
        were removed. A cache that cannot be written is left as it was.

        With ``background``, where forking is safe, a child process stores
        them (as they are now) while this one goes on: pickling a large
        import and writing it cost a tenth of a cold build's import, and
        rendering leaves a core free. ``wait_for_saves`` waits for it;
        the next import and the end of this process do."""
        if background and len(self._pending) >= BACKGROUND_MIN and workers.can_fork():
            self._let_go()  # the child opens a connection of its own
            if pid := os.fork():
                _SAVERS.append(pid)
                self._pending.clear()
                return 0
            try:  # the child
                self._save_now(keep)
                self._let_go()
            finally:
                os._exit(0)
        return self._save_now(keep)

    def _save_now(self, keep: set[str] | None) -> int:
        rows = [(name, key, data if isinstance(data, bytes) else dumps(key, data))
                for name, (key, data) in self._pending.items()]
        self._pending.clear()
        rows = [row for row in rows if row[2] is not None]  # what could not be written
        if not rows and keep is None:
            return 0
        db = self._connect()
        if db is None:
            return 0
        try:
            with db:  # one transaction
                db.executemany("INSERT OR REPLACE INTO imports VALUES (?, ?, ?)", rows)
                if keep is None:
                    return 0
                names = [name for (name,) in db.execute("SELECT name FROM imports")]
                gone = [(name,) for name in names if name not in keep]
                db.executemany("DELETE FROM imports WHERE name = ?", gone)
                return len(gone)
        except sqlite3.Error as exc:
            self._fail(exc)
            return 0

    def names(self) -> set[str]:
        """The names of the sources the cache holds an entry for."""
        return {name for (name,) in self._query("SELECT name FROM imports", ())} \
            | set(self._pending)

    def close(self) -> None:
        """Store what is pending and let go of the database."""
        self.save()
        self._let_go()

    def _let_go(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    def _query(self, sql: str, args: tuple) -> list:
        db = self._connect()
        if db is None:
            return []
        try:
            return db.execute(sql, args).fetchall()
        except sqlite3.Error as exc:
            self._fail(exc)
            return []

    def _connect(self) -> sqlite3.Connection | None:
        if self._db is None and not self._off:
            file = self.folder / self.FILE
            try:
                self.folder.mkdir(parents=True, exist_ok=True)
                if not file.exists():
                    _remove_old_entries(self.folder)
                db = sqlite3.connect(file, timeout=self.TIMEOUT)
                # The cache can always be made again: no waiting for the disk.
                db.execute("PRAGMA synchronous = OFF")
                db.execute("CREATE TABLE IF NOT EXISTS imports "
                           "(name TEXT PRIMARY KEY, key TEXT NOT NULL, data BLOB NOT NULL)")
                self._db = db
            except (OSError, sqlite3.Error) as exc:
                self._fail(exc)
        return self._db

    def _fail(self, exc: Exception) -> None:
        """A damaged database is deleted, and a new one made (once); any
        other trouble (locked too long, read-only) means no cache for the
        rest of this build."""
        self._let_go()
        damaged = isinstance(exc, sqlite3.DatabaseError) \
            and not isinstance(exc, sqlite3.OperationalError)
        if damaged and not self._remade and _unlink(self.folder / self.FILE):
            self._remade = True
        else:
            self._off = True


# Fewer new entries than this are saved at once: forking would cost more.
BACKGROUND_MIN = 8
_SAVERS: list[int] = []  # this process's background saves (see ImportCache.save)


def wait_for_saves() -> None:
    """Wait until this process's background saves of the cache are done."""
    while _SAVERS:
        try:
            os.waitpid(_SAVERS.pop(), 0)
        except ChildProcessError:
            pass


atexit.register(wait_for_saves)


def _remove_old_entries(folder: Path) -> None:
    """The first design's files (one ``*.pickle`` per source) are of no more use."""
    for file in folder.glob("*.pickle"):
        _unlink(file)


FORMAT = "datajson 1"
_CODEC: Codec | None = None


def _codec() -> Codec:
    global _CODEC
    if _CODEC is None:
        _CODEC = Codec(_Entry)
    return _CODEC


@dataclasses.dataclass
class _Entry:
    """What a row holds: the key it was made under, and the import."""

    key: str
    imported: Imported


def dumps(key: str, imported) -> bytes | None:
    """A source's import as a cache entry holds it (None if it cannot be written)."""
    try:
        return _codec().dumps(_Entry(key, imported))
    except (TypeError, ValueError, RecursionError):
        return None


def loads(data: bytes):
    """The (key, import) of ``dumps``; DecodeError for anything else."""
    entry = _codec().loads(data)
    if not isinstance(entry, _Entry):
        raise DecodeError("not a cache entry")
    return entry.key, entry.imported


def _unlink(path: Path) -> int:
    try:
        path.unlink()
        return 1
    except OSError:
        return 0
