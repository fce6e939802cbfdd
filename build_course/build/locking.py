"""One build at a time per project.

Two builds of one project at once used to interleave their swaps of docs/
and site/: both said success and left a site with pages missing. A build
takes ``.build-course.lock`` in the project folder first: an exclusive
POSIX record lock (``lockf``) on it, and its PID written in it so that a
second build can say whom it waits for. The kernel drops the lock when its
holder dies, however it dies, so the file of a killed build (a PID that no
longer runs) is no obstacle: the next build takes the lock over. A record
lock, unlike ``flock``, is not inherited by forked children (import
workers, the cache's background save, the asset check), so one of them
outliving a killed build cannot keep the lock. The holder must not open
the file a second time: closing any descriptor of it drops the lock.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import sys
from collections.abc import Iterator
from pathlib import Path

from build_course.diagnostics import CourseError

LOCK_FILE = ".build-course.lock"
_HELD: dict[Path, int] = {}  # lock files this process holds -> how many times


@contextlib.contextmanager
def project_lock(root: Path) -> Iterator[None]:
    """Hold the project's build lock for the ``with`` block, waiting (and
    saying so) while another build holds it. Re-entrant within a process."""
    path = Path(root).resolve() / LOCK_FILE
    if not path.parent.is_dir():  # no project: the build says so
        yield
        return
    if path in _HELD:
        _HELD[path] += 1
        try:
            yield
        finally:
            _HELD[path] -= 1
        return
    handle = _open(path)
    try:
        _acquire(handle, path)
        _HELD[path] = 1
        try:
            yield
        finally:
            del _HELD[path]
            os.ftruncate(handle, 0)  # no PID: nobody holds it
    finally:
        os.close(handle)  # releases the lock


def _open(path: Path) -> int:
    try:
        return os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise CourseError(str(path), 0, f"cannot make the build's lock file ({exc.strerror})",
                          "make the project folder writable") from None


def _acquire(handle: int, path: Path) -> None:
    try:
        fcntl.lockf(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        if exc.errno not in (errno.EAGAIN, errno.EACCES):  # no locks on this file system
            return
        holder = holder_pid(path)
        who = f"(PID {holder}) " if holder else ""
        print(f"another build {who}is running in this project; waiting for it to finish "
              f"({path.name} holds its PID; Ctrl-C to stop waiting)", file=sys.stderr)
        fcntl.lockf(handle, fcntl.LOCK_EX)
    os.ftruncate(handle, 0)
    os.pwrite(handle, f"{os.getpid()}\n".encode(), 0)


def holder_pid(path: Path) -> int | None:
    """The PID written in the lock file ``path``, if any."""
    try:
        text = path.read_text(encoding="ascii", errors="replace").strip()
    except OSError:
        return None
    return int(text) if text.isdigit() else None
