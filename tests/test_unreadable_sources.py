"""A source folder or file the build may not read (issue 18): ``build``,
``check`` and ``inspect`` say ``file: what is wrong; how to fix it`` with
exit code 1 and no traceback, and the last good docs/ stays as it was.

The real command runs in a child process whom file permissions bind. Root
reads anything, so when the tests run as root the child gives up the two
capabilities that let it (it stays root, so it can still reach an
interpreter under /root); where that is not allowed, it becomes 'nobody'
and the project belongs to 'nobody'."""

from __future__ import annotations

import ctypes
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
NOBODY = 65534
_PR_CAPBSET_DROP = 24
_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH = 1, 2

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")


def _drop_read_override() -> None:
    libc = ctypes.CDLL(None, use_errno=True)
    for cap in (_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH):
        if libc.prctl(_PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def _become_nobody() -> None:
    os.setgroups([])
    os.setgid(NOBODY)
    os.setuid(NOBODY)


def _bound_by_permissions() -> tuple[Callable[[], None] | None, bool]:
    """(what the child runs before the command, whether the project must be
    handed to 'nobody')."""
    if os.geteuid() != 0:
        return None, False
    for before, to_nobody in ((_drop_read_override, False), (_become_nobody, True)):
        try:
            probe = subprocess.run([sys.executable, "-c", "import build_course"],
                                   preexec_fn=before, capture_output=True, cwd="/")
        except (OSError, subprocess.SubprocessError):
            continue
        if probe.returncode == 0:
            return before, to_nobody
    pytest.skip("cannot run the build here as a user whom file permissions bind")


@pytest.fixture
def course() -> Iterator[Path]:
    # not under pytest's tmp_path: its root is private to the user who runs the tests
    top = Path(tempfile.mkdtemp(prefix="unreadable-"))
    root = top / "course"
    (root / "source" / "evening").mkdir(parents=True)
    (root / "source" / "opening.txt").write_text(
        "Opening the Shop\n\nUnlock the front door at eight and switch on the till.\n",
        encoding="utf-8")
    (root / "source" / "evening" / "closing.txt").write_text(
        "Closing the Shop\n\nCount the till before you lock the door at night.\n",
        encoding="utf-8")
    (root / "source" / "course.yml").write_text(
        "title: Shop Basics\nsources:\n  - file: opening.txt\n  - file: evening/closing.txt\n",
        encoding="utf-8")
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    top.chmod(0o755)
    yield root
    for path in [root, *root.rglob("*")]:
        if path.is_dir() and not path.is_symlink():
            path.chmod(0o755)
    shutil.rmtree(top)


def _run(root: Path, *args: str) -> tuple[int, str]:
    before, to_nobody = _bound_by_permissions()
    if to_nobody:
        for path in [root, *root.rglob("*")]:
            os.chown(path, NOBODY, NOBODY, follow_symlinks=False)
    env = {**os.environ, "HOME": str(root.parent), "PYTHONDONTWRITEBYTECODE": "1"}
    done = subprocess.run([sys.executable, "-m", "build_course", "--project", str(root), *args],
                          preexec_fn=before, capture_output=True, text=True, env=env,
                          cwd=root, timeout=300)
    text = done.stdout + done.stderr
    assert "Traceback" not in text, text
    return done.returncode, text


def _docs(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted((root / "docs").rglob("*")) if p.is_file()}


def _locked(root: Path, path: Path) -> None:
    """Make ``path`` unreadable, and make sure the child cannot read it."""
    path.chmod(0)
    code, _ = _run(root, "inspect", str(path / "closing.txt" if path.is_dir() else path))
    if code == 0:
        pytest.skip("this system lets the build read a file without permission")


def test_a_source_folder_that_cannot_be_opened_is_named_and_docs_stay(course):
    assert _run(course, "build", "--docs-only")[0] == 0
    good = _docs(course)
    assert any("closing" in name for name in good)
    _locked(course, course / "source" / "evening")
    for command in (["build", "--docs-only"], ["check"]):
        code, text = _run(course, *command)
        assert code == 1, text
        assert "source/evening: this folder cannot be opened (permission denied); " \
               "give the user who runs the build read access" in text, text
    assert _docs(course) == good


def test_the_source_folder_itself_that_cannot_be_opened_is_named_not_the_manifest(course):
    assert _run(course, "build", "--docs-only")[0] == 0
    good = _docs(course)
    (course / "source").chmod(0)
    for command in (["build", "--docs-only"], ["check"], ["inspect", "source"]):
        code, text = _run(course, *command)
        if code == 0:
            pytest.skip("this system lets the build read a folder without permission")
        assert code == 1, text
        assert text.strip().startswith("source: this folder cannot be opened"), text
        assert "course.yml" not in text
    assert _docs(course) == good


def test_a_source_file_that_cannot_be_read_is_named_with_a_fix_and_docs_stay(course):
    assert _run(course, "build", "--docs-only")[0] == 0
    good = _docs(course)
    _locked(course, course / "source" / "opening.txt")
    for command in (["build", "--docs-only"], ["check"]):
        code, text = _run(course, *command)
        assert code == 1, text
        assert "source/opening.txt: cannot read the file (Permission denied); " \
               "check that it exists and is readable" in text, text
    assert _docs(course) == good
