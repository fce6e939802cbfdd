"""What a ``serve`` process keeps in memory between its builds, by import.

For each source, under its import's identity (its name as shown and its
import-cache key, which covers its bytes, its manifest entry and the
importer's version): the import itself, pickled (unpickling one is several
times faster than reading it from the import cache; a copy each build, since
the build changes what it gets), and what the build derived from it, in a
dict the stages fill (generate.py: what the part adds to the distractor
pools and its self-checks; rendering.py: its pages). What a stage keeps
there depends on the import and on nothing else but what the stage puts in
its key, so a rebuild after one source changed takes everything else from
here and makes the same pages as a build from scratch.
"""

from __future__ import annotations

import pickle
from typing import Any

from build_course.model import Part

Identity = tuple[str, str]  # (display, cache key)


class Memory:
    def __init__(self) -> None:
        self.imports: dict[Identity, bytes] = {}
        self.derived: dict[Identity, dict[str, Any]] = {}
        self._parts: dict[int, Identity] = {}  # id() of this build's parts

    def imported(self, identity: Identity) -> Any | None:
        """A fresh copy of a remembered import, or None."""
        data = self.imports.get(identity)
        return pickle.loads(data) if data is not None else None

    def keep(self, imports: list[tuple[Identity, Any]]) -> None:
        """This build's imports (with a part each): remembered, and the
        only ones (what was derived from others is forgotten)."""
        self.imports = {identity: self.imports.get(identity) or pickle.dumps(item, protocol=5)
                        for identity, item in imports}
        self.derived = {identity: self.derived.get(identity, {}) for identity in self.imports}
        self._parts = {id(item.part): identity for identity, item in imports}

    def of(self, part: Part) -> dict[str, Any] | None:
        """What is kept for ``part`` of this build (None: a part not
        remembered, such as an author's Markdown lesson)."""
        identity = self._parts.get(id(part))
        return self.derived[identity] if identity is not None else None
