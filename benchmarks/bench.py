"""Benchmark the course build at 10, 100 and 1,000 lessons.

    .venv/bin/python benchmarks/bench.py [--sizes 10 100 1000] [--runs N]
                                         [--json out.json] [--no-site] [--no-cache]
                                         [--jobs N] [--keep DIR]

For each size a synthetic course is made in a temporary folder from the
sample texts in source/: every template is copied many times, each copy with
its words permuted (same length, same case, the importer's cue words kept) so
that copies differ from one another (the duplicate check does not fold them)
while keeping their shape: numbering, indentation, line lengths, exercises and
answer keys. The stripped copy stays a duplicate of its own Webucator copy, as
in the real course. A course.yml lists every copy.

Each size runs in its own subprocess (so that its peak resident set can be
read) and is timed over several runs (median, min-max):

- import: manifest, read, clean, segment, structure, duplicate check, naming
  (the steps of pipeline.import_and_render before rendering), shared between the
  benchmark's process and --jobs - 1 workers as a build does (default: one
  process per core); its CPU time counts the workers';
- render: render_course + course_nav (Markdown pages in memory);
- write: write_docs into an empty docs/;
- site: build_site (MkDocs + Material) of the same docs/, into site/, in a
  process of its own (as after a build, the next run starts without its heap);
- incremental: one source changed, then import + render + write_docs again;
- serve (--serve): ``build-course serve`` on the course, then the time from
  an edit to the served page showing it (polled over HTTP every 20 ms), for
  an edit of a page in docs/ and for an edit of a source, a few times each,
  how many rebuilds each edit caused, and the CPU the server and its
  children use over 20 s while nothing changes; then edits that change the
  navigation (a title in docs/, a title in a source, a page added to docs/
  and removed): the seconds to the page served with the change, and to the
  background pass done (the rest of the site as a full build makes it).

The import cache (build_course/cache.py, in the course's .build-course-cache/)
is on unless --no-cache: it is emptied before each full run, so import times
and throughput are those of a cold import (which also fills the cache); the
incremental and no-change runs use it, and report how many sources were
really re-imported (cache.STATS), not how many were listed.

The figures are printed as a table and written as JSON (--json).
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import os
import platform
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "source"
PACKAGE = ROOT / "build_course"
ASSETS = PACKAGE / "assets"
DEFAULT_JSON = Path(__file__).resolve().parent / "results.json"

# The templates in the order they are cycled; lessons each one makes are
# measured by importing it (the stripped copy makes none: it is a duplicate).
TEMPLATES = [
    ("webucator-customer-service-basics.txt", "Customer Service Basics", "Webucator"),
    ("customer-service-basics-stripped-copy.txt", "Customer Service Basics (stripped copy)",
     "Webucator"),
    ("introduction-to-customer-service-lesson-1.txt", "Introduction to Customer Service",
     "Customer service course worksheet"),
    ("servicing-customers-competency-guide.txt", "Servicing Customers", "Competency guide"),
    ("tutorialspoint-customer-service.txt", "Customer Service", "Tutorials Point"),
]
DUPLICATE_OF = {
    "customer-service-basics-stripped-copy.txt": "webucator-customer-service-basics.txt"}
LARGE = 1000  # sizes from here on default to a single run


# ---- the synthetic course ------------------------------------------------

_WORD = re.compile(r"[A-Za-z]+")


def protected_words() -> set[str]:
    """Every word the importer's code mentions (cue words, labels, number
    words...), so that permuting words never adds or removes a cue."""
    words: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        words.update(w.lower() for w in _WORD.findall(path.read_text(encoding="utf-8")))
    return words


def vocabulary(texts: list[str], protected: set[str]) -> dict[int, list[str]]:
    """The words that may be permuted, grouped by length."""
    words = {w.lower() for text in texts for w in _WORD.findall(text)}
    groups: dict[int, list[str]] = {}
    for word in sorted(words):
        if len(word) >= 4 and word not in protected:
            groups.setdefault(len(word), []).append(word)
    return groups


def permutation(groups: dict[int, list[str]], seed: int) -> dict[str, str]:
    """A word-for-word mapping, same length to same length."""
    mapping: dict[str, str] = {}
    for length, words in groups.items():
        shuffled = list(words)
        random.Random(seed * 1009 + length).shuffle(shuffled)
        mapping.update(zip(words, shuffled))
    return mapping


def apply(mapping: dict[str, str], text: str) -> str:
    def swap(m: re.Match) -> str:
        word = m.group(0)
        new = mapping.get(word.lower())
        if new is None:
            return word
        if word.isupper() and len(word) > 1:
            return new.upper()
        if word[0].isupper():
            return new[0].upper() + new[1:]
        return new
    return _WORD.sub(swap, text)


def lessons_per_template() -> dict[str, int]:
    from build_course.importer.importing import import_source, mark_duplicates
    from build_course.manifest import SourceEntry

    imported = [import_source(SOURCE / name, SourceEntry(file=name, line=0)) for name, _, _ in
                TEMPLATES]
    mark_duplicates(imported)
    return {name: len(item.part.lessons) for (name, _, _), item in zip(TEMPLATES, imported)}


def plan(lessons: int, per_template: dict[str, int]) -> list[tuple[int, str]]:
    """(copy number, template) pairs whose lessons add up to ``lessons``:
    the templates are cycled; one too big for what is left is skipped."""
    chosen: list[tuple[int, str]] = []
    left, copy = lessons, 0
    while left > 0:
        copy += 1
        added = False
        for name, _, _ in TEMPLATES:
            count = per_template[name]
            if name in DUPLICATE_OF:  # only beside the copy it repeats
                if chosen and chosen[-1] == (copy, DUPLICATE_OF[name]):
                    chosen.append((copy, name))
                continue
            if 0 < count <= left:
                chosen.append((copy, name))
                left -= count
                added = True
                if left == 0:
                    break
        if not added:
            raise SystemExit(f"cannot make a course of exactly {lessons} lessons")
    return chosen


def make_course(root: Path, lessons: int) -> dict:
    """Write source/*.txt, source/course.yml and mkdocs.yml under ``root``."""
    source = root / "source"
    source.mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    texts = {name: (SOURCE / name).read_bytes().decode("utf-8") for name, _, _ in TEMPLATES}
    groups = vocabulary(list(texts.values()), protected_words())
    meta = {name: (title, publisher) for name, title, publisher in TEMPLATES}
    manifest = ["title: Synthetic Course", "description: A benchmark course.", "sources:"]
    raw = 0
    files = []
    for copy, name in plan(lessons, lessons_per_template()):
        mapping = permutation(groups, copy)
        data = apply(mapping, texts[name]).encode("utf-8")
        file = f"{copy:04d}-{Path(name).stem}.txt"
        (source / file).write_bytes(data)
        raw += len(data)
        files.append(file)
        title, publisher = meta[name]
        manifest += [f"  - file: {file}",
                     f"    title: {json.dumps(apply(mapping, title) + f' {copy}')}",
                     f"    publisher: {json.dumps(publisher)}",
                     f"    original: {name}"]
    (source / "course.yml").write_text("\n".join(manifest) + "\n", encoding="utf-8")
    return {"sources": len(files), "raw_bytes": raw, "files": files}


# ---- edit to page updated, while serving ----------------------------------

def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _fetch(url: str) -> str:
    import urllib.request

    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", errors="replace")
    except OSError:
        return ""


def _until(check, limit: float) -> float | None:
    """Seconds until ``check()`` holds (polled every 20 ms), None past ``limit``."""
    start = time.perf_counter()
    while time.perf_counter() - start < limit:
        if check():
            return time.perf_counter() - start
        time.sleep(0.02)
    return None


def serve_latency(root: Path, edits: int = 3) -> dict:
    """``build-course serve`` on the course at ``root``: edit-to-page-updated
    seconds for edits in docs/ and in source/, and the rebuilds each caused."""
    import threading

    port = _free_port()
    base = f"http://127.0.0.1:{port}/"
    lines: list[str] = []
    process = subprocess.Popen(
        [sys.executable, "-m", "build_course", "--project", str(root), "serve", "--port",
         str(port)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=ROOT)
    threading.Thread(target=lambda: lines.extend(line.rstrip() for line in process.stdout),
                     daemon=True).start()
    try:
        start = _until(lambda: any(line.startswith("serving on") for line in lines), 1800)
        if start is None:
            raise SystemExit("serve did not start:\n" + "\n".join(lines[-20:]))
        record = json.loads((root / "docs/.build-course.json").read_text(encoding="utf-8"))
        lessons = sorted((path, entry) for path, entry in record["pages"].items()
                         if isinstance(entry, dict) and entry.get("kind") == "lesson")
        figures = {"startup_s": start, "docs_edit_s": [], "source_edit_s": [],
                   "rebuilds_per_edit": [], "idle_cpu": _idle_cpu(process.pid, 20)}
        for n in range(edits):
            path, _ = lessons[(n * 7919) % len(lessons)]
            page = root / "docs" / path
            figures["docs_edit_s"].append(_edit_and_wait(
                page, base + path.removesuffix(".md") + "/", f"Docsedit{n}marker", lines,
                figures, process.pid, "docs_edit"))
            path, entry = lessons[(n * 104729 + 1) % len(lessons)]
            last = max((p for p, e in lessons if e.get("source") == entry["source"]),
                       key=lambda p: record["pages"][p].get("position", 0))
            figures["source_edit_s"].append(_edit_and_wait(
                root / "source" / entry["source"], base + last.removesuffix(".md") + "/",
                f"Sourceedit{n}marker", lines, figures, process.pid, "source_edit"))
        figures["navigation"] = _navigation_edits(root, base, record, lessons, lines,
                                                  process.pid)
        figures["idle_cpu_after_edits"] = _idle_cpu(process.pid, 20)
        return figures
    finally:
        process.terminate()
        process.wait(timeout=60)


def _navigation_edits(root: Path, base: str, record: dict, lessons: list, lines: list[str],
                      pid: int) -> dict:
    """Edits that change the navigation (a title in docs/, a title in a
    source, a page added to docs/ and removed again): for each, the seconds
    from the edit to the page served with it (the edited page showing its
    new title; the added page; the removed page gone and the home page
    served), and to the background pass done ("background: " said); the
    server's CPU from the edit to the page served."""
    path, entry = lessons[len(lessons) // 2]
    page = root / "docs" / path
    url = base + path.removesuffix(".md") + "/"
    text = page.read_text(encoding="utf-8")
    retitled = text.replace('\ntitle: "', '\ntitle: "Docsretitled ', 1)
    assert retitled != text, f"no title: in {page}"
    figures = {}
    figures["docs/ title"] = _nav_edit(lambda: page.write_text(retitled, encoding="utf-8"),
                                       lambda: "Docsretitled" in _fetch(url), lines, pid)
    figures["source title"] = _source_retitle(root, record, lessons, base, lines, pid)
    added = page.parent / "bench-added-page.md"
    added_url = url.rsplit("/", 2)[0] + "/bench-added-page/"
    figures["page added"] = _nav_edit(lambda: added.write_text(
        "# Benchaddedpage\n\nA page added while serving.\n", encoding="utf-8"),
        lambda: "Benchaddedpage" in _fetch(added_url), lines, pid)
    figures["page removed"] = _nav_edit(
        added.unlink, lambda: not _fetch(added_url) and "</html>" in _fetch(base), lines, pid)
    return figures


def _source_retitle(root: Path, record: dict, lessons: list, base: str, lines: list[str],
                    pid: int) -> dict:
    """A lesson's title fixed in its source (a title found once in it): the
    page is the one the record names with the new title."""
    for _, entry in lessons[len(lessons) // 3:]:
        source = root / "source" / entry["source"]
        text = source.read_text(encoding="utf-8")
        if len(entry["title"]) > 8 and text.count(entry["title"]) == 1:
            break
    else:
        raise SystemExit("no lesson title found once in its source")
    new = entry["title"] + " Sourceretitled"

    def served() -> bool:
        record = json.loads((root / "docs/.build-course.json").read_text(encoding="utf-8"))
        now = [p for p, e in record["pages"].items()
               if isinstance(e, dict) and e.get("title") == new]
        return bool(now) and new in _fetch(base + now[0].removesuffix(".md") + "/")
    return _nav_edit(lambda: source.write_text(text.replace(entry["title"], new),
                                               encoding="utf-8"), served, lines, pid)


def _nav_edit(change, served, lines: list[str], pid: int) -> dict:
    """Seconds from ``change`` to ``served()`` holding, and to the next
    "background: " line; the server's CPU seconds to the page served; the
    rebuilds it caused and what the last one said."""
    def count(prefix: str) -> int:
        return sum(1 for line in lines if line.startswith(prefix))

    done, rebuilt = count("background: "), count("rebuilt ")
    start, cpu = time.perf_counter(), _tree_cpu(pid)
    change()
    page = _until(served, 300)
    cpu_after = _tree_cpu(pid)
    if page is None:
        raise SystemExit("a navigation edit never reached the page:\n" + "\n".join(lines[-20:]))
    background = None
    if _until(lambda: count("background: ") > done, 900) is not None:
        background = time.perf_counter() - start
    time.sleep(2)  # a second rebuild, if the edit caused one, would be under way by now
    return {"page_s": page, "background_s": background, "rebuilds": count("rebuilt ") - rebuilt,
            "page_cpu_s": None if cpu is None or cpu_after is None else round(cpu_after - cpu, 2),
            "said": next((line for line in reversed(lines) if line.startswith("rebuilt ")), "")}


def _idle_cpu(pid: int, seconds: float) -> dict | None:
    """The CPU a process and its children use while nothing changes, in
    percent of one core, overall and second by second (from /proc: None
    elsewhere)."""
    time.sleep(2)  # the first build's after-effects
    samples = []
    before = _tree_cpu(pid)
    for _ in range(int(seconds)):
        time.sleep(1)
        after = _tree_cpu(pid)
        if before is None or after is None:
            return None
        samples.append(round(100 * (after - before), 1))
        before = after
    return {"percent": sum(samples) / len(samples), "per_second": samples}


def _tree_cpu(pid: int) -> float | None:
    """CPU seconds of ``pid``, its ended children and its live descendants."""
    def stat(p: int) -> list[str] | None:
        try:
            return Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return None

    fields = stat(pid)
    if fields is None:
        return None
    ticks = sum(int(v) for v in fields[11:15])  # utime, stime, cutime, cstime
    others = {int(e.name): stat(int(e.name)) for e in Path("/proc").glob("[0-9]*")}
    tree, grown = {pid}, True
    while grown:
        found = {p for p, f in others.items() if f and int(f[1]) in tree} - tree
        tree |= found
        grown = bool(found)
    ticks += sum(int(others[p][11]) + int(others[p][12]) for p in tree - {pid})
    return ticks / os.sysconf("SC_CLK_TCK")


def _edit_and_wait(path: Path, url: str, marker: str, lines: list[str], figures: dict,
                   pid: int, kind: str) -> float:
    """Seconds from the edit to the page served with it; the CPU the server
    spent meanwhile goes to ``figures[kind + "_cpu_s"]`` (a figure a busy
    machine does not inflate as it does the seconds)."""
    before = sum(1 for line in lines if line.startswith("rebuilt "))
    text = path.read_text(encoding="utf-8")
    cpu = _tree_cpu(pid)
    path.write_text(text + f"\n{marker} closes this text.\n", encoding="utf-8")
    seconds = _until(lambda: marker in _fetch(url), 600)
    if seconds is None:
        raise SystemExit(f"the edit of {path.name} never reached {url}:\n" + "\n".join(lines[-20:]))
    after = _tree_cpu(pid)
    if cpu is not None and after is not None:
        figures.setdefault(f"{kind}_cpu_s", []).append(round(after - cpu, 2))
    time.sleep(2)  # a second rebuild, if the edit caused one, would be under way by now
    figures["rebuilds_per_edit"].append(
        sum(1 for line in lines if line.startswith("rebuilt ")) - before)
    return seconds


# ---- one size, in a subprocess ---------------------------------------------

def _rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    """Peak resident set so far of this process (or of the largest of its
    ended children: the import's workers), in MiB; ru_maxrss is KiB on Linux."""
    peak = resource.getrusage(who).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def _cpu() -> float:
    """CPU seconds of this process and of its ended children (the import's workers).
    Not os.times(): it counts in clock ticks (10 ms), so a small step reads 0."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def _stats(values: list[float]) -> dict:
    return {"median": statistics.median(values), "min": min(values), "max": max(values),
            "values": values}


def _import(project, options: dict):
    """pipeline.import_and_render, split at the render step so each is timed."""
    from build_course.build import pipeline as building
    from build_course.build.cache import STATS
    from build_course.importer.importing import mark_duplicates
    from build_course.manifest import load_manifest

    manifest = load_manifest(project.manifest, project.display(project.manifest))
    files = building.source_files(project, manifest)
    before = STATS["imported"]
    t0 = time.perf_counter()
    imported = building.import_all(project, files, jobs=options["jobs"],
                                   use_cache=options["cache"])
    t1 = time.perf_counter()
    mark_duplicates(imported)
    t2 = time.perf_counter()
    parts = [item.part for item in imported]
    building.name_parts(parts)
    return manifest, imported, parts, {"import_all": t1 - t0, "mark_duplicates": t2 - t1,
                                       "reimported": STATS["imported"] - before}


def _docs(project, docs: Path, options: dict) -> dict:
    """Import, render and write once; the time of each step and what was written."""
    from build_course.build.cache import wait_for_saves
    from build_course.build.pipeline import no_garbage_collection
    from build_course.build.rendering import course_nav, render_course
    from build_course.build.writing import write_docs
    from build_course.model import Course

    # The last step's import cache may still be saving in the background;
    # a build is a new process, which finds it saved (the last one waited).
    wait_for_saves()
    t0, c0 = time.perf_counter(), _cpu()
    with no_garbage_collection():  # as pipeline.import_and_render
        manifest, imported, parts, inner = _import(project, options)
        t1, c1 = time.perf_counter(), _cpu()
        course = Course(manifest.title, manifest.description, parts)
        pages = render_course(course)
        nav = course_nav(course)
    t2 = time.perf_counter()
    result = write_docs(docs, pages, nav)
    t3, c3 = time.perf_counter(), _cpu()
    return {"import": t1 - t0, "render": t2 - t1, "write": t3 - t2, **inner,
            "cpu_import": c1 - c0, "cpu_docs": c3 - c0,
            "sources": len(imported), "lessons": sum(len(p.lessons) for p in parts),
            "duplicates": sum(1 for p in parts if p.duplicate_of),
            "pages": pages, "written": len(result.written), "unchanged": len(result.unchanged)}


def _change(path: Path, step: int) -> None:
    """Change one word of the longest line of ``path`` (same length, so the
    line's shape is kept); ``step`` alternates between two versions."""
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    index = max(range(len(lines)), key=lambda i: len(lines[i]))
    words = list(_WORD.finditer(lines[index]))
    word = max(words, key=lambda m: len(m.group(0)))
    new = ("Q" if step % 2 else "Z") * len(word.group(0))
    lines[index] = lines[index][:word.start()] + new + lines[index][word.end():]
    path.write_text("\n".join(lines), encoding="utf-8")


def worker(size: int, runs: int, root: Path, options: dict) -> dict:
    from build_course.build import parallel as workers
    from build_course.build.cache import ImportCache, wait_for_saves
    from build_course.project import Project

    baseline = _rss_mb()
    made = make_course(root, size)
    project = Project(root)
    site, cache = options["site"], options["cache"]
    cache_dir = ImportCache.for_project(root).folder if cache else None
    jobs = options["jobs"] if options["jobs"] is not None else workers.default_jobs()
    figures: dict = {"lessons_requested": size, "sources": made["sources"],
                     "raw_bytes": made["raw_bytes"], "runs": runs, "cache": cache,
                     "jobs": jobs}
    times: dict[str, list[float]] = {k: [] for k in
                                     ("import", "import_all", "mark_duplicates", "render",
                                      "write", "docs", "site", "full", "plain_site",
                                      "zensical_site")}
    cpu: dict[str, list[float]] = {"import": [], "docs": [], "site": []}
    rss_docs = rss_workers = rss_site = 0.0
    reimported_full = []
    for _ in range(runs):
        wait_for_saves()  # before the cache goes: the last run may be saving to it
        shutil.rmtree(project.docs, ignore_errors=True)
        shutil.rmtree(project.site, ignore_errors=True)
        if cache_dir:
            shutil.rmtree(cache_dir, ignore_errors=True)  # a cold import
        step = _docs(project, project.docs, options)
        reimported_full.append(step["reimported"])
        for key in ("import", "import_all", "mark_duplicates", "render", "write"):
            times[key].append(step[key])
        docs_time = step["import"] + step["render"] + step["write"]
        times["docs"].append(docs_time)
        cpu["import"].append(step["cpu_import"])
        cpu["docs"].append(step["cpu_docs"])
        rss_docs = rss_docs or _rss_mb()
        rss_workers = rss_workers or _rss_mb(resource.RUSAGE_CHILDREN)
        if site:
            built = _site(project)
            times["site"].append(built["time"])
            cpu["site"].append(built["cpu"])
            rss_site = max(rss_site, built["rss_mb"])
            times["full"].append(docs_time + times["site"][-1])
            if options["plain"]:
                plain = _site(project, _plain_config(project), project.root / "site-plain")
                times["plain_site"].append(plain["time"])
            if options["zensical"]:
                shutil.rmtree(project.root / ".cache", ignore_errors=True)  # a cold build
                zensical = _site(project, site=project.root / "site-zensical",
                                 engine="zensical")
                times["zensical_site"].append(zensical["time"])
    figures.update(lessons=step["lessons"], pages=len(step["pages"]),
                   duplicates=step["duplicates"], pages_written_full=step["written"],
                   reimported_full=min(reimported_full))
    if cache_dir:
        wait_for_saves()
        figures["cache_bytes"] = sum(f.stat().st_size for f in cache_dir.iterdir())
    figures["time_s"] = {k: _stats(v) for k, v in times.items() if v}
    figures["cpu_s"] = {k: _stats(v) for k, v in cpu.items() if v}  # its workers' included
    median = figures["time_s"]
    figures["import_mb_per_s"] = made["raw_bytes"] / 1e6 / median["import"]["median"]
    cpu_import = figures["cpu_s"]["import"]["median"]
    figures["import_mb_per_cpu_s"] = (made["raw_bytes"] / 1e6 / cpu_import
                                      if cpu_import > 0 else None)  # a clock too coarse
    figures["docs_bytes"] = sum(len(p.text.encode("utf-8")) for p in step["pages"])
    if site:
        figures["docs_to_site_ratio"] = median["docs"]["median"] / median["site"]["median"]
        # issue 13's target: the import under a tenth of the MkDocs build; also
        # over CPU time, steadier on a busy machine (the import's workers counted)
        figures["import_to_site_ratio"] = median["import"]["median"] / median["site"]["median"]
        figures["import_to_site_cpu_ratio"] = (figures["cpu_s"]["import"]["median"]
                                               / figures["cpu_s"]["site"]["median"])
        if "zensical_site" in median:
            figures["zensical_to_mkdocs_ratio"] = (median["zensical_site"]["median"]
                                                   / median["site"]["median"])
        if "plain_site" in median:
            figures["site_to_plain_ratio"] = (median["site"]["median"]
                                              / median["plain_site"]["median"])
        figures["site_bytes"] = sum(f.stat().st_size for f in project.site.rglob("*")
                                    if f.is_file())
        largest = max(project.site.rglob("*.html"), key=lambda f: f.stat().st_size)
        figures["largest_page"] = {"page": str(largest.relative_to(project.site)),
                                   "html": largest.stat().st_size}
        index = project.site / "search" / "search_index.json"
        figures["search_index_bytes"] = index.stat().st_size if index.exists() else 0
        quiz = next((p.path for p in step["pages"] if p.path.endswith("-quiz.md")), None)
        figures["quiz_page"] = page_weight(project.site, quiz) if quiz else None
    figures["rss_mb"] = {"baseline": baseline, "after_docs": rss_docs, "peak": _rss_mb(),
                         "workers_peak": rss_workers, "site_peak": rss_site}
    figures["incremental"] = incremental(project, made["files"], runs, median, options)
    return figures


_SITE_CHILD = """
import json, resource, sys, time
from pathlib import Path
from build_course.publish.engines import build_with
t0, c0 = time.perf_counter(), time.process_time()
build_with(sys.argv[3], Path(sys.argv[1]), Path(sys.argv[2]))
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"time": time.perf_counter() - t0, "cpu": time.process_time() - c0,
                  "rss_mb": peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024}))
"""


def _site(project, config: Path | None = None, site: Path | None = None,
          engine: str = "mkdocs") -> dict:
    """The engine's build, timed in a process of its own. A build runs MkDocs after
    the import, and the next build is a new process: run here, MkDocs' heap
    would weigh on the next run's import (forking a larger process). Zensical's
    time includes what build-course adds around it (the generated configuration,
    the docs/ copy, the quiz files, the asset check) and its own process."""
    config, site = config or project.mkdocs_yml, site or project.site
    done = subprocess.run([sys.executable, "-c", _SITE_CHILD, str(config), str(site), engine],
                          capture_output=True, text=True, cwd=ROOT)
    if done.returncode != 0:
        raise SystemExit(f"{engine} failed:\n{done.stdout}{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _plain_config(project) -> Path:
    """The project's mkdocs.yml without the course plugin, its navigation
    written out: MkDocs and Material (navigation.prune) alone, on the same
    docs/, to show what the plugin costs."""
    import yaml

    from build_course.build.writing import load_record

    config = yaml.safe_load(project.mkdocs_yml.read_text(encoding="utf-8"))
    config["plugins"] = [p for p in config.get("plugins", [])
                         if p != "course" and not (isinstance(p, dict) and "course" in p)]
    config["nav"] = load_record(project.docs).nav
    path = project.root / "mkdocs-plain.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False),
                    encoding="utf-8")
    return path


def incremental(project, files: list[str], runs: int, full: dict, options: dict) -> dict:
    """Change one source (mid-course, one lesson, no duplicate beside it), then
    import + render + write_docs; docs/ holds the full build before."""
    singles = [f for f in files if "competency-guide" in f] or files
    changed = singles[len(singles) // 2]
    times, imports, written, unchanged, reimported = [], [], [], [], []
    for run in range(runs):
        _change(project.source / changed, run)
        step = _docs(project, project.docs, options)
        times.append(step["import"] + step["render"] + step["write"])
        imports.append(step["import"])
        written.append(step["written"])
        unchanged.append(step["unchanged"])
        reimported.append(step["reimported"])
    noop = _docs(project, project.docs, options)
    out = {"changed_source": changed, "sources_changed": 1,
           "sources_reimported": max(reimported), "sources_reimported_runs": reimported,
           "pages_rewritten": max(written), "pages_unchanged": min(unchanged),
           "pages_rewritten_runs": written,
           "time_s": _stats(times), "import_s": _stats(imports),
           "noop_time_s": noop["import"] + noop["render"] + noop["write"],
           "noop_import_s": noop["import"],
           "noop_sources_reimported": noop["reimported"],
           "noop_pages_rewritten": noop["written"]}
    out["vs_full_docs"] = out["time_s"]["median"] / full["docs"]["median"]
    if "full" in full:
        out["vs_full_build"] = out["time_s"]["median"] / full["full"]["median"]
    return out


# ---- weights ----------------------------------------------------------------

class _Refs(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.refs: list[tuple[str, str]] = []  # (kind, url)

    def handle_starttag(self, tag: str, attrs) -> None:
        a = dict(attrs)
        if tag == "script" and a.get("src"):
            self.refs.append(("js", a["src"]))
        elif tag == "link" and a.get("href"):
            rel = (a.get("rel") or "").lower().split()
            if "stylesheet" in rel:
                self.refs.append(("css", a["href"]))
            elif "icon" in rel:
                self.refs.append(("icon", a["href"]))
            elif {"preload", "modulepreload"} & set(rel):
                self.refs.append(("preload", a["href"]))
        elif tag == "img" and a.get("src"):
            self.refs.append(("img", a["src"]))


def page_weight(site: Path, md_path: str) -> dict:
    """Bytes of one built page and of the local CSS and JS it loads."""
    stem = md_path[:-3]
    html_file = site / stem / "index.html"
    if not html_file.exists():
        html_file = site / f"{stem}.html"
    html = html_file.read_bytes()
    parser = _Refs()
    parser.feed(html.decode("utf-8"))
    out = {"page": str(html_file.relative_to(site)), "html": len(html), "css": 0, "js": 0,
           "other": 0, "external": [], "files": {}}
    for kind, url in parser.refs:
        parts = urlsplit(url)
        if parts.scheme or parts.netloc:
            out["external"].append(url)
            continue
        target = (html_file.parent / unquote(parts.path)).resolve()
        if not target.is_file() or str(target) in out["files"]:
            continue
        size = target.stat().st_size
        out["files"][str(target.relative_to(site.resolve()))] = size
        out[kind if kind in ("css", "js") else "other"] += size
    out["total"] = out["html"] + out["css"] + out["js"]
    gz = len(gzip.compress(html)) + sum(
        len(gzip.compress((site / f).read_bytes())) for f in out["files"]
        if f.endswith((".css", ".js")))
    out["total_gzip"] = gz
    return out


def asset_weights() -> dict:
    """The project's own JS and CSS that every page loads (the course plugin's
    lists; the offline copy's search shim is not loaded by a served site), as
    the site serves them (minified: what the 20 KB budget counts)."""
    from build_course.publish.assets import served
    from build_course.publish.mkdocs_plugin import CSS, JS

    names = [Path(p).name for p in CSS + JS]
    files = {name: len(served(name)) for name in names}
    gz = sum(len(gzip.compress(served(name))) for name in names)
    return {"files": files,
            "js": sum(v for k, v in files.items() if k.endswith(".js")),
            "css": sum(v for k, v in files.items() if k.endswith(".css")),
            "total": sum(files.values()), "total_gzip": gz,
            "source_total": sum((ASSETS / name).stat().st_size for name in names)}


# ---- the parent -------------------------------------------------------------

def run_size(size: int, runs: int, options: dict, keep: Path | None) -> dict:
    base = Path(tempfile.mkdtemp(prefix=f"bench-{size}-"))
    root = base / "course"
    result = base / "result.json"
    command = [sys.executable, __file__, "--worker", str(size), "--runs", str(runs),
               "--root", str(root), "--result", str(result)]
    command += [] if options["site"] else ["--no-site"]
    command += [] if options["cache"] else ["--no-cache"]
    command += [] if options["jobs"] is None else ["--jobs", str(options["jobs"])]
    command += ["--plain-mkdocs"] if options["plain"] else []
    command += [] if options["zensical"] else ["--no-zensical"]
    try:
        t0 = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True)
        wall = time.perf_counter() - t0
        if done.returncode != 0:
            sys.stderr.write(done.stdout + done.stderr)
            raise SystemExit(f"the benchmark of size {size} failed")
        figures = json.loads(result.read_text(encoding="utf-8"))
        figures["worker_wall_s"] = wall
        if options.get("serve"):
            print(f"size {size}: serving, editing...", file=sys.stderr, flush=True)
            figures["serve"] = serve_latency(root)
        if keep:
            target = keep / f"course-{size}"
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(root, target)
            figures["kept"] = str(target)
        return figures
    finally:
        shutil.rmtree(base, ignore_errors=True)


def _git_commit() -> str:
    try:
        return subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
                              capture_output=True, text=True).stdout.strip()
    except OSError:
        return ""


def _span(stat: dict | None, digits: int = 2) -> str:
    if not stat:
        return "-"
    if stat["min"] == stat["max"]:
        return f"{stat['median']:.{digits}f}"
    return f"{stat['median']:.{digits}f} ({stat['min']:.{digits}f}-{stat['max']:.{digits}f})"


def table(report: dict) -> str:
    rows = []
    for f in report["sizes"]:
        t = f["time_s"]
        inc = f["incremental"]
        quiz = f.get("quiz_page") or {}
        rows.append([
            str(f["lessons"]), str(f["pages"]), str(f["sources"]), str(f["runs"]),
            str(f["jobs"]),
            f"{f['raw_bytes'] / 1e6:.2f}",
            _span(t["import"]), f"{f['import_mb_per_s']:.2f}",
            f"{f['import_mb_per_cpu_s']:.2f}" if f["import_mb_per_cpu_s"] else "-",
            _span(t["mark_duplicates"], 3), _span(t["render"]), _span(t["write"]),
            _span(t.get("site")), _span(t.get("plain_site")), _span(t.get("zensical_site")),
            f"{f['docs_to_site_ratio']:.2f}" if "docs_to_site_ratio" in f else "-",
            f"{f['import_to_site_ratio']:.3f}" if "import_to_site_ratio" in f else "-",
            f"{f['import_to_site_cpu_ratio']:.3f}" if "import_to_site_cpu_ratio" in f else "-",
            f"{inc['time_s']['median']:.2f}", f"{inc['import_s']['median']:.2f}",
            f"{inc['sources_reimported']}/{f['sources']}", f"{inc['noop_time_s']:.2f}",
            f"{inc['pages_rewritten']}/{f['pages']}",
            f"{f['rss_mb']['peak']:.0f}", f"{f['rss_mb']['workers_peak']:.0f}",
            f"{f['rss_mb'].get('site_peak', 0):.0f}" if f['rss_mb'].get('site_peak') else "-",
            f"{quiz['total'] / 1024:.0f}" if quiz else "-",
            f"{f['largest_page']['html'] / 1024:.0f}" if "largest_page" in f else "-",
            f"{f['search_index_bytes'] / 1024:.0f}" if "search_index_bytes" in f else "-",
        ])
    head = ["lessons", "pages", "srcs", "runs", "jobs", "raw MB", "import s", "MB/s", "MB/cpu-s",
            "dupes s", "render s", "write s", "mkdocs s", "plain mkdocs s", "zensical s",
            "docs/mkdocs", "import/mkdocs", "cpu import/mkdocs",
            "incr s", "incr import s",
            "reimported", "noop s", "rewritten", "peak RSS MB", "worker RSS MB",
            "mkdocs RSS MB", "quiz page KB", "max page KB", "search idx KB"]
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(head)]
    lines = ["  ".join(h.rjust(w) for h, w in zip(head, widths)),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.rjust(w) for c, w in zip(r, widths)) for r in rows]
    a = report["assets"]
    lines.append("")
    lines.append("project assets as served: "
                 + ", ".join(f"{k} {v} B" for k, v in a["files"].items())
                 + f" (total {a['total']} B, {a['total_gzip']} B gzipped; readable source "
                 f"{a['source_total']} B)")
    for f in report["sizes"]:
        quiz = f.get("quiz_page")
        if quiz:
            lines.append(f"quiz page at {f['lessons']} lessons ({quiz['page']}): "
                         f"HTML {quiz['html']} + CSS {quiz['css']} + JS {quiz['js']} = "
                         f"{quiz['total']} B ({quiz['total_gzip']} B gzipped)")
    lines.append("jobs: worker processes of the import (see building.import_all); MB/cpu-s: "
                 "import throughput over CPU time, the workers' included (steadier on a busy "
                 "machine); peak RSS: this process (import, render, write); worker RSS: the "
                 "largest import worker; mkdocs RSS: the MkDocs build, in a process of its own; "
                 "plain mkdocs: the same docs/ built without the course plugin "
                 "(--plain-mkdocs); zensical: the same docs/ built by Zensical, cold (its "
                 ".cache/ emptied), with what build-course adds around it")
    cached = all(f.get("cache") for f in report["sizes"])
    lines.append("times: median (min-max) seconds; import = read+clean+segment+structure+"
                 "duplicate check" + (", cold (import cache emptied first)" if cached else "")
                 + "; docs/mkdocs = (import+render+write)/mkdocs; import/mkdocs = import/mkdocs "
                 "(issue 13: under 0.10 at 1,000 lessons), also over CPU seconds (the import's "
                 "workers counted); incr = one source changed, "
                 "import+render+write again; reimported = sources really re-imported then"
                 + (" (the others come from the import cache)" if cached else
                    " (no import cache: --no-cache)")
                 + "; noop = the same with nothing changed")
    return "\n".join(lines)


def serve_table(sizes: list[dict]) -> str:
    lines = ["", "serve: edit to page updated (seconds, each edit; polled every 20 ms)"]
    for f in sizes:
        s = f["serve"]
        lines.append(f"  {f['lessons']} lessons: start {s['startup_s']:.1f} s; docs/ edit "
                     + ", ".join(f"{v:.2f}" for v in s["docs_edit_s"]) + "; source/ edit "
                     + ", ".join(f"{v:.2f}" for v in s["source_edit_s"])
                     + "".join(f"; server CPU per {what} edit "
                               + ", ".join(f"{v:.2f}" for v in s[f"{what}_edit_cpu_s"])
                               for what in ("docs", "source") if s.get(f"{what}_edit_cpu_s"))
                     + "; rebuilds per edit " + ", ".join(map(str, s["rebuilds_per_edit"]))
                     + "".join(f"; idle CPU {when} {i['percent']:.1f}% of a core (max "
                               f"{max(i['per_second']):.0f}% in a second)"
                               for when, i in (("at start", s.get("idle_cpu")),
                                               ("after the edits",
                                                s.get("idle_cpu_after_edits"))) if i))
        for what, n in s.get("navigation", {}).items():
            lines.append(f"    {what}: page {n['page_s']:.2f} s (server CPU {n['page_cpu_s']} s), "
                         "background done "
                         + (f"{n['background_s']:.1f} s" if n["background_s"] else "never")
                         + f", {n['rebuilds']} rebuild(s): {n['said']}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000],
                        help="course sizes in lessons (default: 10 100 1000)")
    parser.add_argument("--runs", type=int, default=None,
                        help=f"runs per size (default: 3, and 1 from {LARGE} lessons on)")
    parser.add_argument("--json", type=Path, default=DEFAULT_JSON,
                        help="where to write the figures (default: benchmarks/results.json)")
    parser.add_argument("--no-site", action="store_true", help="skip the MkDocs build")
    parser.add_argument("--no-cache", action="store_true",
                        help="no import cache (every build re-imports every source)")
    parser.add_argument("--jobs", type=int, default=None,
                        help="worker processes for the import (default: one per core; "
                             "1: import in the benchmark's process)")
    parser.add_argument("--keep", type=Path, help="copy each synthetic course here")
    parser.add_argument("--plain-mkdocs", action="store_true",
                        help="also build the same docs/ with MkDocs and Material alone "
                             "(no course plugin), to show what the plugin costs")
    parser.add_argument("--no-zensical", action="store_true",
                        help="skip the Zensical build (skipped anyway when it is not installed)")
    parser.add_argument("--serve", action="store_true",
                        help="also run build-course serve on each course and time edits "
                             "(docs/ and source/) until the served page shows them")
    parser.add_argument("--worker", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--root", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--result", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if any(s < 1 for s in args.sizes) or (args.runs is not None and args.runs < 1) \
            or (args.jobs is not None and args.jobs < 1):
        parser.error("sizes, runs and jobs must be at least 1")

    options = {"site": not args.no_site, "cache": not args.no_cache, "jobs": args.jobs,
               "plain": args.plain_mkdocs, "serve": args.serve,
               "zensical": not args.no_site and not args.no_zensical
               and importlib.util.find_spec("zensical") is not None}
    if args.worker is not None:
        sys.path.insert(0, str(ROOT))
        figures = worker(args.worker, args.runs or 1, args.root, options)
        args.result.write_text(json.dumps(figures), encoding="utf-8")
        return 0

    report = {"meta": {"python": platform.python_version(), "platform": platform.platform(),
                       "cpus": os.cpu_count(), "commit": _git_commit(),
                       "date": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
                       **options},
              "assets": asset_weights(), "sizes": []}
    for size in sorted(args.sizes):
        runs = args.runs or (1 if size >= LARGE else 3)
        print(f"size {size}: {runs} run(s)...", file=sys.stderr, flush=True)
        report["sizes"].append(run_size(size, runs, options, args.keep))
    print(table(report))
    serving = [f for f in report["sizes"] if "serve" in f]
    if serving:
        print(serve_table(serving))
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, indent=1), encoding="utf-8")
    print(f"figures written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
