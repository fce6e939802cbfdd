"""What changed in a folder while serving: its files' sizes and times.

A server's builder compares a snapshot with the one it took last time: a
change in source/ rebuilds docs/, a change in docs/ the pages concerned.
Sizes and modification times are cheap to read and the same on every system;
nothing here knows which site engine serves.
"""

from __future__ import annotations

from pathlib import Path

Snapshot = dict[str, tuple[int, int]]


def snapshot(folder: Path, pattern: str = "*") -> Snapshot:
    """Each file under ``folder``: (modification time, size)."""
    found: Snapshot = {}
    if not folder.is_dir():
        return found
    for path in folder.rglob(pattern):
        try:
            stat = path.stat()
        except OSError:
            continue  # removed meanwhile
        if path.is_file():
            found[path.relative_to(folder).as_posix()] = (stat.st_mtime_ns, stat.st_size)
    return found
