"""The ``build-course`` command.

Exit codes: 0 success, 1 content errors (messages say file:line), 2 usage
errors. No traceback reaches an author for a problem in their input.
"""

from __future__ import annotations

import argparse
import errno
import json
import os
import signal
import sys
import threading
from pathlib import Path

from build_course.build import pipeline as building
from build_course.build.inspecting import inspect_paths, outline
from build_course.build.locking import project_lock
from build_course.build.moving import renamed_report
from build_course.build.reported import only_new
from build_course.build.writing import WriteResult
from build_course.diagnostics import (
    EXIT_CONTENT,
    EXIT_OK,
    EXIT_USAGE,
    CourseError,
    UsageError,
    review_list,
)
from build_course.manifest import SITE_URL_HINT, site_url_problem
from build_course.project import Project, starter_mkdocs
from build_course.publish.engines import DEFAULT_ENGINE, ENGINES, build_with


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt  # so that a terminated build cleans up like Ctrl-C


def main(argv: list[str] | None = None) -> int:
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _interrupt)
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        if not getattr(args, "locked", False):
            return args.run(args)
        with project_lock(args.project):  # one build at a time per project
            return args.run(args)
    except CourseError as exc:
        print(exc.format_message(), file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("interrupted; docs/ and site/ are as they were before this step", file=sys.stderr)
        return EXIT_CONTENT
    except OSError as exc:  # the disk, not the course: full, read-only, a file size limit...
        print(os_error_message(exc, Project(args.project.resolve())), file=sys.stderr)
        return EXIT_CONTENT
    except RecursionError:
        print("error: a text nests too deeply for the build (lists or quotes hundreds of levels "
              "deep); flatten it", file=sys.stderr)
        return EXIT_CONTENT


_OS_HINTS = {
    errno.ENOSPC: "the disk is full: free some space and run the command again",
    errno.EDQUOT: "your disk quota is used up: free some space and run the command again",
    errno.EFBIG: "a file grew past the size this system allows (see ulimit -f)",
    errno.EACCES: "check the permissions of that file or folder",
    errno.EPERM: "check the permissions of that file or folder",
    errno.EROFS: "the file system is read-only: build in a writable folder",
    errno.EISDIR: "a folder stands where a file belongs: move it away",
    errno.ENOTDIR: "a file stands where a folder belongs: move it away",
    errno.EEXIST: "something stands where the build makes a folder: move it away",
}


def os_error_message(exc: OSError, project: Project) -> str:
    """``file: what went wrong; how to fix it`` for an error of the system."""
    what = exc.strerror or str(exc)
    hint = _OS_HINTS.get(exc.errno, "check that path and run the command again")
    if not exc.filename:
        return f"{project.root}: {what[:1].lower() + what[1:]}; {hint}"
    path = Path(exc.filename)
    if exc.errno in (errno.EACCES, errno.EPERM) and (folder := _closed_folder(path, project)):
        # "source/course.yml: permission denied" when it is source/ that cannot be opened
        return (f"{project.display(folder)}: this folder cannot be opened (permission denied); "
                "give the user who runs the build read access to it "
                f"(for example chmod -R u+rX {project.display(folder)})")
    return f"{project.display(path)}: {what[:1].lower() + what[1:]}; {hint}"


def _closed_folder(path: Path, project: Project) -> Path | None:
    """The first folder of the project on the way to ``path`` (or ``path``
    itself) that this user may not list or enter, if any."""
    path = path if path.is_absolute() else Path.cwd() / path
    for folder in [*reversed(path.parents), path]:
        if folder.is_relative_to(project.root) and os.path.isdir(folder) \
                and not os.access(folder, os.R_OK | os.X_OK):
            return folder
    return None


def _port(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"'{text}' is not a port (a number from 1 to 65535)")
    return int(text)


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number of 1 or more")
    return int(text)


def _site_url(text: str) -> str:
    if problem := site_url_problem(text):
        raise argparse.ArgumentTypeError(f"{problem}; {SITE_URL_HINT}")
    return text


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="build-course",
                                     description="Turn raw tutorial texts into a course site.")
    parser.add_argument("--project", type=Path, default=Path("."),
                        help="the folder holding source/, docs/ and mkdocs.yml (default: .)")
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    build = commands.add_parser("build", help="write docs/ from source/ and build site/")
    build.add_argument("--docs-only", action="store_true", help="stop after writing docs/")
    build.add_argument("--strict", action="store_true", help="fail on any MkDocs warning")
    build.add_argument("--site-url", type=_site_url, help="the URL the site is served from")
    build.add_argument("--force", action="append", default=[], metavar="PAGE",
                       help="overwrite PAGE (path under docs/) even if an author edited it")
    _engine_option(build)
    build.add_argument("--jobs", type=_positive, metavar="N",
                       help="processes that share the import (default: one per core)")
    build.set_defaults(run=_build, locked=True)

    serve = commands.add_parser("serve", help="build, then serve with live reload")
    serve.add_argument("--port", type=_port, default=8000)
    _engine_option(serve)
    serve.set_defaults(run=_serve)

    check = commands.add_parser("check", help="check sources, manifest and docs/ without building")
    check.add_argument("--strict", action="store_true", help="treat warnings as errors")
    check.set_defaults(run=_check)

    new = commands.add_parser("new", help="start a lesson of your own in source/")
    new.add_argument("title", help="the lesson's title")
    new.set_defaults(run=_new)

    resolve = commands.add_parser("resolve", help="end the conflict of an edited page")
    resolve.add_argument("page", metavar="PAGE", help="the page, as docs/a/b.md")
    choice = resolve.add_mutually_exclusive_group(required=True)
    for how, what in (("mine", "keep your page as it is"),
                      ("theirs", "take the new import (an orphaned page: delete it)"),
                      ("merged", "take PAGE.md.new, its conflict marks edited out")):
        choice.add_argument(f"--{how}", dest="how", action="store_const", const=how, help=what)
    resolve.set_defaults(run=_resolve, locked=True)

    move = commands.add_parser("move", help="move an edited page whose lesson was renamed to "
                                            "the lesson's new address")
    move.add_argument("page", metavar="PAGE", help="the page, as docs/a/b.md")
    move.set_defaults(run=_move, locked=True)

    diff = commands.add_parser("diff", help="show what the import would change in a page")
    diff.add_argument("page", metavar="PAGE", help="the page, as docs/a/b.md")
    diff.set_defaults(run=_diff)

    package = commands.add_parser("package", help="build, then zip the site for offline use")
    package.add_argument("--output", type=Path,
                         help="folder for the zip (default: dist/ in the project)")
    package.add_argument("--scorm", action="store_true",
                         help="a SCORM 1.2 package for an LMS instead of the offline copy")
    _engine_option(package)
    package.set_defaults(run=_package, locked=True)

    export = commands.add_parser("export", help="write the quizzes for an LMS's question bank")
    export.add_argument("format", choices=("gift", "qti"),
                        help="gift: Moodle's GIFT text; qti: a QTI 2.1 package")
    export.add_argument("--output", type=Path,
                        help="folder for the file (default: dist/ in the project)")
    export.set_defaults(run=_export, locked=True)

    handout = commands.add_parser("handout", help="print the lessons with their worksheets, "
                                  "and the answer keys, as PDF files in dist/handout/")
    handout.add_argument("--paper", choices=("a4", "letter"), default="a4",
                         help="the page size (default: a4)")
    handout.set_defaults(run=_handout, locked=True)

    inspect = commands.add_parser("inspect", help="show what the importer understood")
    inspect.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    inspect.add_argument("--json", action="store_true", help="print the model as JSON")
    inspect.set_defaults(run=_inspect)
    return parser


def _engine_option(command: argparse.ArgumentParser) -> None:
    command.add_argument("--engine", choices=ENGINES, default=DEFAULT_ENGINE,
                         help=f"what builds the site (default: {DEFAULT_ENGINE}; "
                              "zensical needs: pip install 'build-course[zensical]')")


def _build(args: argparse.Namespace) -> int:
    project, result = _docs_written(args, set(args.force), mkdocs_yml=not args.docs_only)
    if args.docs_only:
        return EXIT_OK
    url = args.site_url or result.manifest.site_url or None
    warnings = build_with(args.engine, project.mkdocs_yml, project.site, strict=args.strict,
                          site_url=url)
    for warning in warnings:  # MkDocs' logger has no handler of its own here
        print(f"warning: {warning}", file=sys.stderr)
    print(f"site: {project.display(project.site)}/index.html"
          + (f" ({len(warnings)} {_NAMES[args.engine]} warnings)" if warnings else ""))
    return EXIT_OK


_NAMES = {"mkdocs": "MkDocs", "zensical": "Zensical"}


def _docs_written(args: argparse.Namespace, force: set[str] = frozenset(),
                  mkdocs_yml: bool = True) -> tuple[Project, building.BuildResult]:
    """The project of ``args``, with docs/ written (and mkdocs.yml made if missing)."""
    project = Project(args.project.resolve())
    result = write_course(project, force, getattr(args, "jobs", None))
    if mkdocs_yml:
        _ensure_mkdocs_yml(project, result.manifest.title)
    return project, result


def write_course(project: Project, force: set[str] = frozenset(),
                 jobs: int | None = None) -> building.BuildResult:
    """Build docs/ and print what each source became."""
    result = building.build_docs(project, force, jobs)
    print_result(project, result)
    return result


def print_result(project: Project, result: building.BuildResult) -> None:
    """The build's summary: a line a source, then the warnings and the news
    about edited pages that the last build did not print already."""
    for part in result.course.parts:
        print(building.summary_line(part))
    warnings = [f"warning: {item.format()}" for item in result.diagnostics
                if item.severity != "note"] + edit_report(result.written)
    warnings += [item.format() for item in renamed_report(result.renamed)]
    for line in only_new(project.root, warnings):
        print(line, file=sys.stderr)
    for path in result.written.merged:
        print(f"docs/{path}: your edit and the new import merged (build-course diff "
              f"docs/{path} shows no more to take)")
    if any(d.severity == "note" for d in result.diagnostics):
        print("review the importer's guesses, line by line: build-course check")
    written = result.written
    print(f"docs: {len(written.written) + len(written.merged)} written, "
          f"{len(written.unchanged)} unchanged")


def edit_report(written: WriteResult) -> list[str]:
    """What an author must decide about their edited pages, a line each."""
    lines = [f"docs/{path}: your edit and the new import conflict; the merge is in "
             f"docs/{path}.new: end it with build-course resolve docs/{path} "
             f"--mine, --theirs or --merged (build-course diff docs/{path} shows it)"
             for path in written.conflicts]
    lines += [f"docs/{path}: you edited this page but no source produces it any more; it was "
              f"kept: build-course resolve docs/{path} --mine keeps it as your own page, "
              "--theirs deletes it" for path in written.orphaned]
    lines += [f"docs/{path}: saved while the build was writing; your save was kept (build "
              "again to take the new import)" for path in written.raced]
    return lines


def _ensure_mkdocs_yml(project: Project, title: str) -> None:
    if not project.mkdocs_yml.exists():
        project.mkdocs_yml.write_text(starter_mkdocs(title), encoding="utf-8")
        print("created a starter mkdocs.yml (it is yours to edit; the build never rewrites it)")


def _serve(args: argparse.Namespace) -> int:
    from build_course.publish.serving import serve

    building.remember_imports()  # each rebuild re-reads only the sources that changed
    with project_lock(args.project):
        project, _ = _docs_written(args)

    def rebuild_docs() -> None:
        try:
            with project_lock(project.root):  # one build at a time, also while serving
                write_course(project)
        except CourseError as exc:
            print(exc.format_message(), file=sys.stderr, flush=True)
        sys.stdout.flush()

    serve(project, args.port, rebuild_docs, args.engine)
    return EXIT_OK


def _check(args: argparse.Namespace) -> int:
    project = Project(args.project.resolve())
    problems = building.check_project(project)
    for item in problems:
        if item.severity != "note":
            print(f"{item.severity}: {item.format()}")
    notes = [d for d in problems if d.severity == "note"]
    review = review_list(problems)
    if review:
        print(f"to review ({len(notes)} guesses the importer made; most important first):")
        for item in review:
            print(f"{item.topic}: {item.format()}")
    errors = sum(1 for d in problems if d.severity == "error")
    warnings = len(problems) - errors - len(notes)
    print(f"{errors} errors, {warnings} warnings, {len(notes)} to review")
    return EXIT_CONTENT if errors or (args.strict and warnings) else EXIT_OK


def _new(args: argparse.Namespace) -> int:
    from build_course.importer.authored import new_lesson
    from build_course.manifest import load_manifest, register_source

    project = Project(args.project.resolve())
    title = " ".join(args.title.split())
    if not title or not title.isprintable():
        raise UsageError("new", 0, f"{args.title!r} cannot be a lesson's title",
                         'give it a title of words, e.g. build-course new "Handling Complaints"')
    load_manifest(project.manifest, project.display(project.manifest))  # broken: say so first
    path = new_lesson(project.source, title)
    try:
        register_source(project.manifest, path.name, title)
    except BaseException:
        path.unlink(missing_ok=True)  # not half done: no lesson the manifest does not list
        raise
    print(f"created {project.display(path)} (with one example of each kind of question) "
          f"and added it to {project.display(project.manifest)}")
    return EXIT_OK


def _package(args: argparse.Namespace) -> int:
    from build_course.publish.packaging import package_site

    project, result = _docs_written(args)
    if args.scorm:
        from build_course.publish.scorm import package_scorm

        zip_path = package_scorm(project, result.manifest, args.output, engine=args.engine)
        print(f"SCORM 1.2 package: {zip_path}")
        return EXIT_OK
    zip_path = package_site(project, result.manifest, args.output, engine=args.engine)
    print(f"offline copy: {zip_path}")
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    from build_course.publish.export_gift import write_gift
    from build_course.publish.export_qti import write_qti
    from build_course.publish.quiz_pages import course_quizzes
    from build_course.slugs import slugify

    project, result = _docs_written(args, mkdocs_yml=False)
    quizzes = course_quizzes(project.docs)
    title = result.manifest.title
    folder = (args.output or project.root / "dist").resolve()
    name = slugify(title) or "course"
    if args.format == "gift":
        path = write_gift(folder / f"{name}.gift", title, quizzes)
    else:
        path = write_qti(folder / f"{name}-qti21.zip", title, quizzes)
    count = sum(len(q.questions) for q in quizzes)
    print(f"{args.format.upper()}: {path} ({count} questions)")
    return EXIT_OK


def _handout(args: argparse.Namespace) -> int:
    from build_course.publish.handout import write_handouts
    from build_course.publish.printing import check_available

    check_available()  # before the build: say at once what is missing
    project, result = _docs_written(args, mkdocs_yml=False)
    folder = project.root / "dist" / "handout"
    written = write_handouts(project.docs, result.course, folder, args.paper)
    for path, pages in written:
        print(f"{project.display(path)}: {pages} pages")
    return EXIT_OK


def _resolve(args: argparse.Namespace) -> int:
    from build_course.build.resolving import resolve

    print(resolve(Project(args.project.resolve()), args.page, args.how))
    return EXIT_OK


def _move(args: argparse.Namespace) -> int:
    from build_course.build.moving import move

    project = Project(args.project.resolve())
    building.require_source(project)
    print(move(project, args.page, building.import_and_render(project).renamed))
    write_course(project)  # the navigation and the home page lead to the new address
    return EXIT_OK


def _diff(args: argparse.Namespace) -> int:
    from build_course.build.resolving import diff

    project = Project(args.project.resolve())
    result = building.import_and_render(project)
    text = diff(project, args.page, result.pages)
    print(text or f"{args.page}: the build would not change it", end="" if text else "\n")
    return EXIT_OK


def _inspect(args: argparse.Namespace) -> int:
    for path in args.paths:
        if not path.exists():
            raise UsageError(str(path), 0, "no such file or folder", "check the path")
        if not path.is_dir() and not path.is_file():  # a device or a pipe: read for ever
            raise UsageError(str(path), 0, "not a regular file or folder",
                             "name a text file or a folder of them")
    model = inspect_paths(args.paths)
    if args.json:
        print(json.dumps(model, indent=2, ensure_ascii=False))
    else:
        print(outline(model))
    return EXIT_OK


def run() -> None:
    """Console-script entry point."""
    try:
        sys.exit(main())
    except KeyboardInterrupt:  # before or after main's own handler
        sys.exit(EXIT_CONTENT)
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else EXIT_USAGE
        sys.exit(code)
