"""Time ``build-course handout`` on the sample course and on synthetic ones.

    .venv/bin/python benchmarks/handout.py [--sizes 0 10 100] [--keep DIR]

Size 0 is the shipped course (source/); other sizes are synthetic courses of
that many lessons, made as bench.py makes them. For each: docs/ is built
first (``build --docs-only``, not timed), then ``handout`` runs in a process
of its own (its import and rendering of every page, the printing of the
whole course, each part and each key); the figures printed are its wall
time, the CPU time and peak resident set of that process, the number of
PDF files, their pages and bytes. Printed, never asserted.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import ROOT, make_course  # noqa: E402

_RUN = ("import resource, sys\nfrom build_course.cli import main\n"
        "code = main(['--project', sys.argv[1], 'handout'])\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\n"
        "sys.exit(code)")
"""The handout in a process of its own, which prints its peak resident set (KB)."""


def _course(root: Path, size: int) -> None:
    if size == 0:
        shutil.copytree(ROOT / "source", root / "source")
        shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    else:
        make_course(root, size)
    command = [sys.executable, "-m", "build_course", "--project", str(root), "build",
               "--docs-only"]
    subprocess.run(command, check=True, capture_output=True)


def _pages(pdf: Path) -> int:
    done = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True)
    return next((int(line.split()[-1]) for line in done.stdout.splitlines()
                 if line.startswith("Pages:")), 0)


def measure(size: int, keep: Path | None) -> dict:
    root = Path(tempfile.mkdtemp(prefix=f"handout-{size}-", dir=keep))
    _course(root, size)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", _RUN, str(root)], check=True,
                          capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    pdfs = sorted((root / "dist/handout").glob("*.pdf"))
    pages = {p.name: _pages(p) for p in pdfs} if shutil.which("pdfinfo") else {}
    figures = {
        "lessons": size or "sample",
        "seconds": round(wall, 2),
        "cpu_seconds": round(after.ru_utime + after.ru_stime
                             - before.ru_utime - before.ru_stime, 2),
        "peak_rss_mb": round(int(done.stderr.split()[-1]) / 1024),
        "files": len(pdfs),
        "pages": sum(pages.values()),
        "whole_course_pages": pages.get(min(pdfs, key=lambda p: len(p.name)).name),
        "bytes": sum(p.stat().st_size for p in pdfs),
    }
    if keep is None:
        shutil.rmtree(root, ignore_errors=True)
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[0, 10, 100])
    parser.add_argument("--keep", type=Path, help="keep the courses in this folder")
    args = parser.parse_args(argv)
    for size in args.sizes:
        print(json.dumps(measure(size, args.keep)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
