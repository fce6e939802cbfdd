"""What changed in a folder while serving: its files' sizes and times.

A server's builder compares a snapshot with the one it took last time: a
change in source/ rebuilds docs/, a change in docs/ the pages concerned.
Sizes and modification times are cheap to read and the same on every system;
nothing here knows which site engine serves.
"""

from __future__ import annotations

import os
from pathlib import Path
from stat import S_ISREG

Snapshot = dict[str, tuple[int, int]]


def snapshot(folder: Path) -> Snapshot:
    """Each file under ``folder`` (not in linked folders, as Path.rglob):
    (modification time, size). os.walk, at a fraction of rglob's cost: a
    rebuild while serving a course of 1,000 lessons looks at 2,000 files."""
    found: Snapshot = {}
    for parent, _, files in os.walk(folder):
        base = os.path.relpath(parent, folder).replace(os.sep, "/")
        prefix = "" if base == "." else base + "/"
        for name in files:
            try:
                stat = os.stat(os.path.join(parent, name))
            except OSError:
                continue  # removed meanwhile, or a broken link
            if S_ISREG(stat.st_mode):
                found[prefix + name] = (stat.st_mtime_ns, stat.st_size)
    return found
