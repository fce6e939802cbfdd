"""The import cache: what each source became, kept between builds.

Importing a source (read, clean, segment, structure) is the slow part of a
build, and a source that did not change imports the same way again. The
cache keeps each source's ``Imported`` (its part, its text and the line keys
of the duplicate check) as a pickle, under a key made of:

- the file's bytes (SHA-256), its path and the name shown in messages;
- its manifest entry (title, publisher, original; not its line number,
  which no part of the import reads);
- the importer's version: a hash of the package's Python code, ftfy's
  version and Python's, so that a changed importer starts afresh.

A hit is unpickled anew on every load, so a build that changes what it got
(``mark_duplicates`` empties a duplicate's lessons) never changes the cache.
Anything wrong with a cache file (unreadable, truncated, from another
version) makes it a miss. The folder can be deleted at any time.

``STATS`` counts, per process, the sources imported and those taken from a
cache, so that a build or the benchmark can say "1 of 396 re-imported".
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import pickle
import sys
import tempfile
from collections import Counter
from pathlib import Path

import ftfy

CACHE_DIR = ".build-course-cache"  # under the project folder
PACKAGE = Path(__file__).resolve().parent

# "imported" (cache misses or no cache), "reused" (hits), "in_workers" (of the
# imported, those a worker process imported: see building.import_all)
STATS: Counter = Counter()


def importer_version() -> str:
    """A hash of what the import depends on besides its input."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*.py")):
        digest.update(str(path.relative_to(PACKAGE)).encode("utf-8") + b"\0")
        digest.update(path.read_bytes() + b"\0")
    digest.update(f"ftfy {ftfy.__version__}; python {sys.version}; pickle "
                  f"{pickle.HIGHEST_PROTOCOL}".encode())
    return digest.hexdigest()


_VERSION: str | None = None


def _version() -> str:
    global _VERSION
    if _VERSION is None:
        _VERSION = importer_version()
    return _VERSION


class ImportCache:
    """One cache folder. ``get`` and ``put`` work by a key from ``key``."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.hits = 0
        self.misses = 0
        self._files: dict[str, set[str]] | None = None  # see _entries

    @classmethod
    def for_project(cls, root: Path) -> ImportCache:
        return cls(Path(root) / CACHE_DIR)

    def key(self, data: bytes, path: Path, display: str, entry) -> str:
        """The cache key of one source: its bytes, names, entry, the importer."""
        fields = {} if entry is None else {k: v for k, v in dataclasses.asdict(entry).items()
                                           if k != "line"}
        digest = hashlib.sha256(data)
        digest.update(repr((str(path), display, sorted(fields.items()), _version()))
                      .encode("utf-8"))
        return digest.hexdigest()

    def _file(self, display: str, key: str) -> Path:
        # One entry per source name: a new version replaces the old (see put).
        name = hashlib.sha256(display.encode("utf-8")).hexdigest()[:16]
        return self.folder / f"{name}-{key[:40]}.pickle"

    def get(self, display: str, key: str):
        """The cached import of a source, as new objects, or None."""
        file = self._file(display, key)
        try:
            data = file.read_bytes()
        except OSError:
            return None
        try:
            stored_key, imported = loads(data)
            if stored_key != key:
                raise ValueError("another key")
        except Exception:  # noqa: BLE001 - a damaged or foreign file is a miss
            _unlink(file)
            return None
        self.hits += 1
        STATS["reused"] += 1
        return imported

    def put(self, display: str, key: str, imported) -> None:
        """Store a source's import (as it is now), replacing the source's
        older versions. A cache that cannot be written is skipped."""
        if (data := dumps(key, imported)) is not None:
            self.write(display, key, data)

    def write(self, display: str, key: str, data: bytes) -> None:
        """Store ``dumps(key, imported)`` of a source (see ``put``)."""
        file = self._file(display, key)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            versions = self._entries().setdefault(file.name.split("-", 1)[0], set())
            for old in versions - {file.name}:
                _unlink(self.folder / old)
            handle, temp = tempfile.mkstemp(dir=self.folder, prefix=".tmp-", suffix=".pickle")
        except OSError:
            return
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temp, file)
            versions.clear()
            versions.add(file.name)
        except OSError:
            _unlink(Path(temp))

    def _entries(self) -> dict[str, set[str]]:
        """The cache files of each source (by the first part of their name),
        listed once: listing the folder for every write made a cold build
        of many sources slow in proportion to their square."""
        if self._files is None:
            self._files = {}
            for name in os.listdir(self.folder):
                if name.endswith(".pickle") and not name.startswith("."):
                    self._files.setdefault(name.split("-", 1)[0], set()).add(name)
        return self._files

    def prune(self, keep: set[str]) -> int:
        """Remove the entries of sources whose names are not in ``keep``
        (names as shown in messages); returns how many were removed."""
        if not self.folder.is_dir():
            return 0
        kept = {hashlib.sha256(d.encode("utf-8")).hexdigest()[:16] for d in keep}
        removed = 0
        for file in self.folder.glob("*.pickle"):
            if file.name.split("-", 1)[0] not in kept:
                removed += _unlink(file)
        return removed


def dumps(key: str, imported) -> bytes | None:
    """A source's import as a cache file holds it (None if it cannot be pickled)."""
    try:
        return pickle.dumps((key, imported), protocol=pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, TypeError, AttributeError, RecursionError):
        return None


def loads(data: bytes):
    """The (key, import) of ``dumps``."""
    return pickle.loads(data)


def _unlink(path: Path) -> int:
    try:
        path.unlink()
        return 1
    except OSError:
        return 0
