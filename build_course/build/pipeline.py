"""The build, read top to bottom as the pipeline:

    manifest = load_manifest(...)          the course and the order of its parts
    imported = import every source         read, clean, segment, structure (only
                                           what changed; on every core)
    mark_duplicates(imported)              a text that repeats another is skipped
    pages = render_course(course)          Markdown pages, in memory
    write_docs(docs, pages)                the only writes to docs/
    build_site(mkdocs.yml, site/)          MkDocs, into a fresh folder, then swapped in

Nothing is written until every source has been read and structured, so a
content error leaves docs/ and site/ as they were.
"""

from __future__ import annotations

import contextlib
import gc
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from build_course.build import parallel as workers
from build_course.build.cache import STATS, ImportCache, wait_for_saves
from build_course.build.identity import edited_titles, keep_addresses
from build_course.build.moving import renamed_report
from build_course.build.page_checks import check_docs, check_edited_quizzes, check_edits
from build_course.build.record import load_record
from build_course.build.remembering import Memory
from build_course.build.rendering import MAX_HEADINGS, course_nav, render_course
from build_course.build.writing import WriteResult, write_docs
from build_course.diagnostics import CourseError, Severity, UsageError
from build_course.importer.authored import import_markdown
from build_course.importer.importing import Imported, import_bytes, import_source, mark_duplicates
from build_course.importer.markdown_family import foreign_markdown
from build_course.importer.reading import read_source
from build_course.manifest import Manifest, SourceEntry, load_manifest
from build_course.model import Course, Diagnostic, Heading, Lesson, Page, Part
from build_course.project import Project
from build_course.quiz.generate import generate_self_checks
from build_course.slugs import slugify, unique

SOURCE_SUFFIXES = (".txt", ".text", ".md", ".gift", ".pdf", ".docx", ".html", ".htm",
                   ".qmd", ".rmd", ".markdown")  # (Quarto, R Markdown: another tool's, imported)


@dataclass
class BuildResult:
    manifest: Manifest
    course: Course
    pages: list[Page]
    nav: list
    diagnostics: list[Diagnostic] = field(default_factory=list)
    written: WriteResult | None = None  # set once docs/ is written
    renamed: dict[str, str] = field(default_factory=dict)
    """Edited lesson pages kept at their address: page -> the address its
    lesson has now (see identity.keep_addresses)."""


def build_docs(project: Project, force: set[str] = frozenset(),
               jobs: int | None = None) -> BuildResult:
    """The whole build up to docs/: import every source, render the pages,
    check the author's edited quizzes, write docs/. Prints nothing: the
    result holds what each source became, the diagnostics and what was
    written. Nothing is written when any step finds an error."""
    require_source(project)
    result = import_and_render(project, jobs)
    force = {path.removeprefix("docs/") for path in force}
    if unknown := sorted(force - {page.path for page in result.pages}):
        raise UsageError("--force", 0, f"this build makes no page {', '.join(unknown)}",
                         "name a page as it is under docs/, e.g. --force part/lesson.md")
    problems = check_edited_quizzes(project)
    if problems:
        raise CourseError.of(problems)
    result.written = write_docs(project.docs, result.pages, result.nav, force)
    return result


def require_source(project: Project) -> None:
    """UsageError unless the project has a source/ folder."""
    if not project.source.is_dir():
        raise UsageError(project.display(project.source), 0, "there is no source/ folder",
                         "run build-course in the course folder, or pass --project DIR")


def check_project(project: Project) -> list[Diagnostic]:
    """Every error and warning of the project, ordered by file and line
    (what would stop a build is an error here too)."""
    require_source(project)
    problems: list[Diagnostic] = []
    produced = None
    try:
        result = import_and_render(project)
        problems += result.diagnostics + renamed_report(result.renamed)
        produced = {page.path for page in result.pages}
    except CourseError as exc:
        problems += exc.diagnostics
    if project.docs.is_dir():
        problems += check_docs(project) + check_edits(project, produced)
    elif project.docs.exists():
        problems.append(Diagnostic("docs", 0, "this is a file, and the build writes the "
                                   "pages into a folder docs/", "move or delete the file",
                                   Severity.ERROR))
    return sorted(problems, key=lambda d: (d.file, d.line))


def import_and_render(project: Project, jobs: int | None = None) -> BuildResult:
    """Read every source of the project and render its pages (no writing);
    ``jobs`` processes share the import (see import_all)."""
    manifest = load_manifest(project.manifest, project.display(project.manifest))
    with no_garbage_collection():
        imported = import_all(project, source_files(project, manifest), jobs)
        # An author's own lessons are never folded: lessons started from one
        # template share its example questions, and are not copies.
        mark_duplicates([item for item in imported if not authored(item.part)])
        parts = [item.part for item in imported]
        pools = generate_self_checks(parts, generation_switch(manifest), _memo)
        name_parts(parts)
        record = load_record(project.docs)
        renamed = keep_addresses(parts, record, project.docs)
        titles = edited_titles(parts, record, project.docs)
        course = Course(manifest.title, manifest.description, parts)
        # what a part's pages depend on beyond its import and its place
        context = (pools, manifest.generate_questions)
        pages, nav = render_course(course, titles, _memo, context), course_nav(course, titles)
    diagnostics = [d for part in parts for d in part.diagnostics]
    return BuildResult(manifest, course, pages, nav, diagnostics, renamed=renamed)


def generation_switch(manifest: Manifest) -> Callable[[Part], bool]:
    """Whether a part's lessons get a generated self-check: on unless the
    course or the part's manifest entry turns it off."""
    by_file = {Path(entry.file).name: entry.generate_questions for entry in manifest.sources}
    return lambda part: manifest.generate_questions and by_file.get(part.source, True)


def source_files(project: Project, manifest: Manifest) -> list[tuple[Path, SourceEntry | None]]:
    """Manifest entries in order, then any other text in source/ by name.

    Each is read through its real path, which must lie in source/: a
    symbolic link out of it (to /etc/passwd, or a folder linked to /) would
    publish a file of the machine that builds the site."""
    errors = []
    listed = []
    for entry in manifest.sources:
        path = same_name(project.source / entry.file)
        where = (project.display(manifest.path), entry.line)
        if problem := _listed_problem(project, path, entry.file):
            errors.append(CourseError(*where, *problem))
        else:
            listed.append((path, entry))
    names = {_nfc(entry.file) for entry in manifest.sources}
    others = []
    seen: dict[str, Path] = {}
    for path in text_files(project.source):
        if _nfc(path.name) in seen:
            errors.append(CourseError(project.display(path), 0, _TWIN.format(seen[_nfc(path.name)]
                                                                          .name), _TWIN_HINT))
            continue
        seen[_nfc(path.name)] = path
        if _nfc(path.name) in names:
            continue
        if _outside(project, path):
            errors.append(CourseError(project.display(path), 0, *_OUTSIDE))
        else:
            others.append((path, None))
    if errors:
        raise CourseError.combine(errors)
    return listed + others


_TWIN = ("this file's name looks the same as '{}' but is written with other Unicode "
         "characters (an accent as a letter of its own, or combined)")
_TWIN_HINT = "rename one of the two files"


def _nfc(name: str) -> str:
    return unicodedata.normalize("NFC", name)


def same_name(path: Path) -> Path:
    """``path``, or the file beside it whose name differs only in Unicode
    normalisation ("café" typed with "é" or with "e" and a combining accent:
    the manifest and the file system may spell it either way)."""
    if path.exists() or path.is_symlink() or not path.parent.is_dir():
        return path
    wanted = _nfc(path.name)
    return next((p for p in path.parent.iterdir() if _nfc(p.name) == wanted), path)


_OUTSIDE = ("a link to a file outside source/; only files in source/ are published",
            "copy the file into source/ instead of linking to it")


def _outside(project: Project, path: Path) -> bool:
    return not path.resolve().is_relative_to(project.source.resolve())


def _listed_problem(project: Project, path: Path, name: str) -> tuple[str, str] | None:
    """(what is wrong, how to fix it) with a manifest entry's file, or None."""
    if path.suffix.lower() not in SOURCE_SUFFIXES:
        return (f"'{name}' is not a source text (a source ends in "
                f"{', '.join(SOURCE_SUFFIXES)})",
                "name a .txt, .md, .qmd, .Rmd, .pdf, .docx or .html file in source/")
    if _outside(project, path):
        return f"'{name}' leads outside source/ (through a symbolic link)", _OUTSIDE[1]
    if path.is_dir():
        return f"'{name}' is a folder, not a file", "name a file in source/"
    if path.exists() and not path.is_file():
        return f"'{name}' is not a regular file", "put the text in a plain file in source/"
    if not path.exists():
        return (f"the source file '{name}' does not exist",
                "check its name in source/ or remove the entry")
    return None


def text_files(folder: Path) -> list[Path]:
    """The source texts in ``folder``, by name (regular files, or links to them)."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir()
                  if p.suffix.lower() in SOURCE_SUFFIXES and p.is_file())


def import_all(project: Project, files: list[tuple[Path, SourceEntry | None]],
               jobs: int | None = None, use_cache: bool = True) -> list[Imported]:
    """Import every file; collect every file's error before giving up.

    Sources the import cache holds come from it. The others are imported
    in ``jobs`` worker processes (default: one per core) when there are
    enough of them to pay for starting the workers, else in this process."""
    with no_garbage_collection():
        return _import_all(project, files, jobs, use_cache)


@contextlib.contextmanager
def no_garbage_collection():
    """The cycle collector off for a while. The import and the rendering
    make hundreds of thousands of objects and no garbage cycles; the
    collector, run again and again over the growing heap, took a fifth of
    the import's time and half of the duplicate check's."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _import_all(project: Project, files: list[tuple[Path, SourceEntry | None]],
                jobs: int | None, use_cache: bool) -> list[Imported]:
    named = [(path, entry, project.display(path)) for path, entry in files]
    if not use_cache:
        return _import_tasks(named, jobs, None)
    wait_for_saves()  # this process's last build may still be saving what it imported
    with ImportCache.for_project(project.root) as cache:  # saves what it got at the end
        imported = _import_tasks(named, jobs, cache)
        cache.save(keep={display for _, _, display in named}, background=True)
        return imported


def import_cached(path: Path, entry: SourceEntry | None = None, display: str | None = None,
                  cache: ImportCache | None = None) -> Imported:
    """One source, as a build imports it: from ``cache`` when neither it nor
    the importer changed since, else imported (and held for the cache)."""
    return _import_tasks([(path, entry, display or str(path))], 1, cache)[0]


def _import_tasks(files: list[tuple[Path, SourceEntry | None, str]], jobs: int | None,
                  cache: ImportCache | None) -> list[Imported]:
    """The one place the cache wraps the importer: hits come from it, the
    rest are imported (shared between processes when there are many)."""
    tasks = [_task(path, entry, display, cache) for path, entry, display in files]
    stored = cache.stored_keys() if cache else {}
    results: list = [_remembered(t) or (cache.get(t.display, t.key)
                                        if cache and t.key and stored.get(t.display) == t.key
                                        else None)
                     for t in tasks]
    missing = [i for i, found in enumerate(results) if found is None]
    todo = [tasks[i] for i in missing]
    jobs = workers.default_jobs() if jobs is None else jobs
    if jobs > 1 and len(todo) >= PARALLEL_MIN and workers.can_fork():
        done = _import_shared(todo, cache, jobs)
    else:
        done = [_import_task(task, cache) for task in todo]
    STATS["imported"] += sum(1 for task in todo if task.data is not None)
    if cache:
        cache.misses += len(todo)
    for i, result in zip(missing, done):
        results[i] = result
    errors = [r for r in results if isinstance(r, CourseError)]
    if len(errors) == 1 and len(results) == 1:
        raise errors[0]
    if errors:
        raise CourseError.combine(errors)
    _remember(tasks, results)
    return results


_MEMORY: Memory | None = None  # while this process serves


def remember_imports() -> None:
    """Keep each import, and what the build derives from it, in memory for
    the next build in this process (for ``serve``; see build/remembering.py):
    a one-source rebuild of a large course re-imports, generates and renders
    that source only."""
    global _MEMORY
    _MEMORY = Memory()


def _remembered(task: _Task) -> Imported | None:
    if _MEMORY is None or not task.key:
        return None
    return _MEMORY.imported((task.display, task.key))


def _remember(tasks: list[_Task], results: list[Imported]) -> None:
    if _MEMORY is not None:
        _MEMORY.keep([((task.display, task.key), result)
                      for task, result in zip(tasks, results) if task.key])


def _memo(part: Part) -> dict | None:
    """What this process remembers of ``part``'s import (see remembering.py)."""
    return _MEMORY.of(part) if _MEMORY is not None else None


@dataclass
class _Task:
    """A source to import: its raw bytes (None for an author's Markdown
    lesson, or a file that cannot be read) and their cache key."""

    path: Path
    entry: SourceEntry | None
    display: str
    data: bytes | None = None
    key: str = ""


def _task(path: Path, entry: SourceEntry | None, display: str,
          cache: ImportCache | None) -> _Task:
    task = _Task(path, entry, display)
    if path.suffix.lower() != ".md":
        try:
            task.data = path.read_bytes()
        except OSError:
            return task  # import_one says why
        task.key = cache.key(task.data, path, display, entry) if cache else ""
    return task


def _import_task(task: _Task, cache: ImportCache | None) -> Imported | CourseError:
    """One source through the importer (and into the cache); its error is
    returned, not raised, so that a worker process hands it back too."""
    try:
        if task.data is None:
            return import_one(task.path, task.entry, task.display)
        imported = import_bytes(task.data, task.path, task.display, task.entry)
    except CourseError as exc:
        return exc
    if cache:
        cache.hold(task.display, task.key, imported)  # saved before anything changes it
    return imported


# Fewer sources than this are imported in this process alone: starting
# workers and passing their results back would cost more than it saves.
PARALLEL_MIN = 8


def _import_shared(tasks: list[_Task], cache: ImportCache | None, jobs: int) -> list:
    """``_import_task`` over ``tasks``, shared with ``jobs - 1`` workers. A
    worker's import comes back as the queue pickles it (from this process's
    own fork, never from disk: pickling and unpickling are several times
    faster than the cache's encoding, which took a tenth of this process's
    import); it is held for the cache like this process's own imports, which
    the background save encodes (``ImportCache.save``), off the import's way.

    The largest sources go first, so that the last ones taken are small: no
    process sits idle at the end while another finishes a long import."""
    order = sorted(range(len(tasks)), key=lambda i: -len(tasks[i].data or b""))
    done = _share_tasks([tasks[i] for i in order], cache, jobs)
    results: list = [None] * len(tasks)
    for i, result in zip(order, done):
        results[i] = result
    return results


def _share_tasks(tasks: list[_Task], cache: ImportCache | None, jobs: int) -> list:
    def there(i: int) -> Imported | CourseError:
        return _import_task(tasks[i], None)

    def back(i: int, value: Imported | CourseError) -> Imported | CourseError:
        STATS["in_workers"] += 1
        if cache and not isinstance(value, CourseError):
            cache.hold(tasks[i].display, tasks[i].key, value)  # saved before anything changes it
        return value

    return workers.share(len(tasks), lambda i: _import_task(tasks[i], cache), there, back, jobs)


def import_one(path: Path, entry: SourceEntry | None, display: str) -> Imported:
    """A raw tutorial goes through the importer (without the cache: import_all
    keeps it); an author's Markdown lesson (``.md``) is taken as written,
    but Markdown written for another course tool is imported."""
    if path.suffix.lower() != ".md":
        return import_source(path, entry, display)
    source = read_source(path, display)
    if foreign_markdown(source.text):
        return import_source(path, entry, display)
    return Imported(import_markdown(source, display, entry), source)


def authored(part: Part) -> bool:
    """Whether ``part`` is a lesson an author wrote in Markdown."""
    return Path(part.source).suffix.lower() == ".md"


def name_parts(parts: list[Part]) -> None:
    """Give each part a unique folder name under docs/, and each of its
    pages a unique path in it."""
    taken = {"index", "assets", "search", "javascripts", "stylesheets"}
    for part in parts:
        part.slug = unique(slugify(Path(part.source).stem), taken)
        name_pages(part)


def name_pages(part: Part) -> None:
    """Lesson pages and quiz pages (``LESSON-quiz``) share the part's
    folder: a lesson whose name another page has (a chapter "Billing Quiz"
    beside "Billing" and its quiz) gets a suffix and a warning, instead of
    one page overwriting the other."""
    taken: set[str] = set()
    for lesson in part.lessons:
        wanted = name = lesson.slug
        n = 1
        while name in taken or (lesson.quizzes and f"{name}-quiz" in taken):
            n += 1
            name = f"{wanted}-{n}"
        if name != wanted:
            lesson.slug = name
            part.diagnostics.append(Diagnostic(
                part.display or part.source, lesson.line,
                f"another page of this part is named '{wanted}'; the lesson "
                f"'{lesson.title}' is published as '{name}'",
                "give one of the two lessons another title"))
        taken.add(name)
        if lesson.quizzes:
            taken.add(f"{name}-quiz")
        _warn_of_many_headings(part, lesson)


def _warn_of_many_headings(part: Part, lesson: Lesson) -> None:
    headings = [b for b in lesson.blocks if type(b) is Heading]
    if len(headings) > MAX_HEADINGS:
        part.diagnostics.append(Diagnostic(
            part.display or part.source, headings[MAX_HEADINGS].line,
            f"the lesson '{lesson.title}' has {len(headings)} headings; from here on they are "
            f"bold lines (a page of more than {MAX_HEADINGS} takes MkDocs minutes to build)",
            "split the text into several lessons"))


def summary_line(part: Part) -> str:
    """What one source became, in one line."""
    if part.duplicate_of:
        return f"{part.source}: skipped, it repeats {part.duplicate_of}"
    quizzes = [q for lesson in part.lessons for q in lesson.quizzes]
    questions = sum(len(q.questions) for q in quizzes)
    sections = sum(len(lesson.sections) for lesson in part.lessons)
    warnings = sum(1 for d in part.diagnostics if d.severity == "warning")
    notes = len(part.diagnostics) - warnings
    review = f", {notes} to review" if notes else ""
    return (f"{part.source}: {_n(len(part.lessons), 'lesson')}, {_n(sections, 'section')}, "
            f"{_n(len(quizzes), 'quiz', 'quizzes')}, {_n(questions, 'question')}, "
            f"{_n(warnings, 'warning')}{review}")


def _n(count: int, word: str, plural: str = "") -> str:
    return f"{count} {word if count == 1 else plural or word + 's'}"
