"""Warnings said once per change.

A build remembers the warnings it printed (``.build-course-cache/reported.json``)
and prints only those it did not print last time: a warning about something
that has not changed since is not repeated build after build (``check`` shows
them all). Deleting the file only makes the next build say everything again.
"""

from __future__ import annotations

import json
from pathlib import Path

REPORTED = ".build-course-cache/reported.json"  # under the project folder


def only_new(root: Path, lines: list[str]) -> list[str]:
    """The lines of ``lines`` the last build did not print; remembers ``lines``."""
    path = root / REPORTED
    try:
        before = set(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        before = set()
    now = list(dict.fromkeys(lines))
    if set(now) != before:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(now, ensure_ascii=False), encoding="utf-8")
        except OSError:
            pass  # a read-only project: warnings are simply said again
    return [line for line in now if line not in before]
