"""Watching source/ while serving: a change rewrites docs/ once.

The watcher looks at source/ (the texts and the manifest) a few times a
second, by the files' sizes and modification times: cheap, and the same on
every system. A change calls back once the files have stopped changing. The
callback (the build of docs/) writes only the pages that change; the site
engine, which watches docs/, then rebuilds the site from them. Nothing here
knows which engine that is.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
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


class SourceWatcher:
    """Calls ``changed()`` after each change in ``folder``, in a thread."""

    def __init__(self, folder: Path, changed: Callable[[], None], interval: float = 0.3) -> None:
        self.folder = folder
        self.changed = changed
        self.interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="source-watcher", daemon=True)
        self._last = snapshot(folder)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=10)

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            now = snapshot(self.folder)
            if now == self._last:
                continue
            while not self._stop.wait(self.interval):  # until the saves are over
                later = snapshot(self.folder)
                if later == now:
                    break
                now = later
            self._last = now
            self.changed()
