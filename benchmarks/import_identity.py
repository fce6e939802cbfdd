"""Does a change to the importer leave its output exactly as it was?

    .venv/bin/python benchmarks/import_identity.py --write REF_DIR
    .venv/bin/python benchmarks/import_identity.py --compare REF_DIR

For work that must not change what the importer makes (speed-ups): the first
form stores, per text, the ``inspect --json`` model and the import as the
cache stores it (every field of the part, its diagnostics, the duplicate
check's line keys), made by the code checked out now; the second makes them
again and names every text whose output differs (the files stay in REF_DIR,
beside ``*.new``, for a diff).

The texts: the corpus (``/work/shared/corpus/raw`` or --corpus), each also
with its words permuted as the benchmark permutes them and cut into halves
(other shapes of the same families); source/ (as one folder, so the
duplicate check runs); a synthetic course of the benchmark (bench.py's
``make_course``, as one folder); a PDF and a Word file made here.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

CORPUS = Path("/work/shared/corpus/raw")


def corpus_variants(corpus: Path, folder: Path) -> list[Path]:
    """The corpus texts, permuted and halved copies of each, written to ``folder``."""
    import bench

    if not corpus.is_dir():
        return []
    texts = {path.name: path.read_bytes().decode("utf-8", "surrogateescape")
             for path in sorted(corpus.iterdir()) if path.is_file()}
    groups = bench.vocabulary(list(texts.values()), bench.protected_words())
    paths = []
    for name, text in texts.items():
        lines = text.split("\n")
        half = len(lines) // 2
        variants = {"permuted": bench.apply(bench.permutation(groups, 7), text),
                    "first-half": "\n".join(lines[:half]), "second-half": "\n".join(lines[half:])}
        for kind, variant in variants.items():
            path = folder / f"{Path(name).stem}-{kind}.txt"
            path.write_bytes(variant.encode("utf-8", "surrogateescape"))
            paths.append(path)
    return paths


def made_files(folder: Path) -> list[Path]:
    """A PDF and a Word file, if reportlab and python-docx are installed."""
    paths = []
    try:
        from pdf_import import make_pdf
        pdf = folder / "manual.pdf"
        pdf.write_bytes(make_pdf(4))
        paths.append(pdf)
    except ImportError:
        pass
    try:
        import docx
    except ImportError:
        return paths
    document = docx.Document()
    document.add_heading("Handling Returns", level=1)
    document.add_paragraph("A return starts at the counter, with the receipt checked first.")
    for item in ("Receipt checked", "Item inspected", "Refund issued"):
        document.add_paragraph(item, style="List Bullet")
    document.add_heading("Questions", level=2)
    document.add_paragraph("1. What is checked first?")
    buffer = io.BytesIO()
    document.save(buffer)
    word = folder / "returns.docx"
    word.write_bytes(buffer.getvalue())
    return paths + [word]


def outputs(paths: list[Path]) -> dict[str, bytes]:
    """name -> the inspect model and the cached import of each text (one run
    of ``inspect`` over all of ``paths``: folders are one call each)."""
    from build_course.build.cache import dumps
    from build_course.build.inspecting import inspect_paths
    from build_course.build.pipeline import import_one

    out = {}
    for path in paths:
        model = inspect_paths([path])
        label = path.name if path.is_file() else f"{path.parent.name}-{path.name}"
        out[f"{label}.inspect.json"] = json.dumps(model, indent=1, ensure_ascii=False).encode()
        for file in ([path] if path.is_file() else sorted(path.iterdir())):
            if file.suffix != ".yml":
                name = file.name if path.is_file() else f"{label}-{file.name}"
                cached = dumps("", import_one(file, None, file.name))
                out[f"{name}.import.json"] = cached or b"(not encodable)"
    return out


def texts(work: Path, corpus: Path, lessons: int) -> list[Path]:
    import bench

    variants = work / "variants"
    variants.mkdir()
    course = work / "course"
    bench.make_course(course, lessons)
    return ([p for p in sorted(corpus.iterdir()) if p.is_file()] if corpus.is_dir() else []) \
        + corpus_variants(corpus, variants) + [ROOT / "source", course / "source"] \
        + made_files(work)


def main(argv: list[str] | None = None) -> int:
    if os.environ.get("PYTHONHASHSEED") != "0":  # the cache's frozensets in a stable order
        return subprocess.run([sys.executable, __file__, *(argv or sys.argv[1:])],
                              env={**os.environ, "PYTHONHASHSEED": "0"}).returncode
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    what = parser.add_mutually_exclusive_group(required=True)
    what.add_argument("--write", type=Path, metavar="DIR", help="store the outputs in DIR")
    what.add_argument("--compare", type=Path, metavar="DIR", help="compare with DIR's outputs")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--lessons", type=int, default=1000,
                        help="lessons of the synthetic course (default 1000)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        if args.write:
            args.write.mkdir(parents=True, exist_ok=True)
            paths = texts(work, args.corpus, args.lessons)
            shutil.rmtree(args.write / "inputs", ignore_errors=True)
            shutil.copytree(work, args.write / "inputs", symlinks=True)
            (args.write / "inputs.json").write_text(json.dumps(
                [str(p.relative_to(work)) if p.is_relative_to(work) else str(p) for p in paths]))
        else:  # the very texts the reference was made from (made anew, they would follow
            # the code: the benchmark's permutations keep the words the package mentions)
            shutil.copytree(args.compare / "inputs", work, dirs_exist_ok=True, symlinks=True)
            paths = [work / p for p in json.loads((args.compare / "inputs.json").read_text())]
        made = outputs(paths)
        made = {name: data.replace(tmp.encode(), b"<tmp>") for name, data in made.items()}
    if args.write:
        for name, data in made.items():
            (args.write / name).write_bytes(data)
        print(f"{len(made)} outputs written to {args.write}")
        return 0
    differ = []
    for name, data in made.items():
        stored = args.compare / name
        if not stored.exists() or stored.read_bytes() != data:
            differ.append(name)
            (args.compare / (name + ".new")).write_bytes(data)
    missing = {p.name for p in args.compare.glob("*.json")} - set(made) - {"inputs.json"}
    digest = hashlib.sha256(b"".join(made[name] for name in sorted(made))).hexdigest()[:16]
    print(f"{len(made)} outputs (digest {digest}); {len(differ)} differ, {len(missing)} missing")
    for name in (differ + sorted(missing))[:20]:
        print("  ", name)
    return 1 if differ or missing else 0


if __name__ == "__main__":
    sys.exit(main())
