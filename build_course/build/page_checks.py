"""Checks of the pages in docs/: front matter, quiz blocks, links and anchors.

``check_docs`` checks every page (for ``build-course check``);
``check_edited_quizzes`` the quiz blocks of the pages an author edited
(before a build writes anything).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from markdown.extensions.toc import slugify as toc_slugify

from build_course.build.record import file_digest
from build_course.build.writing import digest, load_record
from build_course.diagnostics import CourseError, Severity
from build_course.importer.authored import split_front_matter
from build_course.model import Diagnostic
from build_course.project import Project
from build_course.quiz.syntax import parse_blocks

_LINK = re.compile(r"\]\((?P<target>[^)\s]+)(?: \"[^\"]*\")?\)")
_HEADING = re.compile(r"^#{1,6} +(?P<text>.+?)(?: *\{[^}]*\})? *$")
_ATTR_ID = re.compile(r"\{[^}]*#(?P<id>[\w-]+)[^}]*\}")


def check_docs(project: Project) -> list[Diagnostic]:
    pages = sorted(project.docs.rglob("*.md"))
    known = {page.resolve() for page in pages}
    problems: list[Diagnostic] = []
    for page in pages:
        name = project.display(page)
        text, problem = page_text(page.read_bytes(), name)
        if problem:
            problems.append(problem)
            continue
        body, offset, issues = front_matter(text, name)
        problems += issues
        problems += parse_blocks(body, name, offset)[1]
        problems += _links(page, text, name, known)
    return problems


def check_edited_quizzes(project: Project) -> list[Diagnostic]:
    """Quiz errors in pages an author wrote or edited (the build's own pages
    were checked when they were made)."""
    record = load_record(project.docs)
    problems = []
    for relative in markdown_files(project.docs):
        page = project.docs / relative
        if record.digest_of(relative) == file_digest(page):
            continue
        data = page.read_bytes()
        name = project.display(page)
        text, problem = page_text(data, name)
        if problem:
            problems.append(problem)
            continue
        body, offset, issues = front_matter(text, name)
        problems += [d for d in issues + parse_blocks(body, name, offset)[1]
                     if d.severity == "error"]
    return problems


def markdown_files(docs: Path) -> list[str]:
    """The ``*.md`` files under ``docs`` (not in linked folders), as paths
    relative to it, in path order (as sorted(docs.rglob("*.md")), at a
    fraction of its cost: a serve rebuild at 1,000 lessons lists them)."""
    found = []
    for folder, _, files in os.walk(docs):
        base = os.path.relpath(folder, docs).replace(os.sep, "/")
        prefix = "" if base == "." else base + "/"
        found += [prefix + name for name in files if name.endswith(".md")]
    return sorted(found, key=lambda path: path.split("/"))


def page_text(data: bytes, name: str) -> tuple[str, Diagnostic | None]:
    """A page's text, or an error at the line of its first byte that is not
    UTF-8 (MkDocs stops on such a page with a traceback)."""
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        return "", Diagnostic(name, line, "this page is not UTF-8 text",
                              "save it as UTF-8 (your editor's 'encoding' setting)",
                              Severity.ERROR)


def check_edits(project: Project, produced: set[str] | None) -> list[Diagnostic]:
    """Conflicts waiting for ``build-course resolve``, and edited pages that
    no source produces any more (``produced``: the pages the build makes now;
    None: the import failed, so the last build's word is taken)."""
    problems = []
    for path, entry in sorted(load_record(project.docs).pages.items()):
        target = project.docs / path
        name = f"docs/{path}"
        if entry.pending and (project.docs / (path + ".new")).exists():
            problems.append(Diagnostic(
                name, 0, f"your edit and the new import conflict; the merge is in {name}.new",
                f"end it with build-course resolve {name} --mine, --theirs or --merged"))
        elif (path not in produced if produced is not None else entry.orphan) \
                and target.exists() and digest(target.read_bytes()) != entry.digest:
            problems.append(Diagnostic(
                name, 0, "you edited this page but no source produces it any more",
                f"build-course resolve {name} --mine keeps it as your own page, "
                "--theirs deletes it"))
    return problems


def front_matter(text: str, name: str) -> tuple[str, int, list[Diagnostic]]:
    """The page body, the number of lines before it, and front-matter problems."""
    try:
        meta, body, offset = split_front_matter(text, name)
    except CourseError as exc:
        return text, 0, exc.diagnostics
    if text.startswith("---\n") and not meta.get("title"):
        return body, offset, [Diagnostic(name, 1, "this page has no title in its front matter",
                                         "add 'title: ...'", "warning")]
    return body, offset, []


def _links(page: Path, text: str, name: str, known: set[Path]) -> list[Diagnostic]:
    problems = []
    for number, line in enumerate(text.split("\n"), start=1):
        for m in _LINK.finditer(line):
            target = m.group("target").strip("<>")
            if re.match(r"^[a-z][a-z0-9+.-]*:", target, re.I) or target.startswith("/"):
                continue  # an external link, or an absolute one: not ours to check
            path, _, anchor = target.partition("#")
            goal = (page.parent / path).resolve() if path else page.resolve()
            if path and goal not in known and not goal.exists():
                problems.append(Diagnostic(name, number, f"the link to '{target}' leads nowhere",
                                           "correct the file name (relative to this page)",
                                           "error"))
            elif anchor and goal.suffix == ".md" and goal.exists() \
                    and anchor not in _anchors(goal.read_text(encoding="utf-8", errors="replace")):
                problems.append(Diagnostic(name, number, f"'{target}': no heading with the id "
                                           f"'{anchor}'", "correct the anchor", "warning"))
    return problems


def _anchors(text: str) -> set[str]:
    found = set(_ATTR_ID.findall(text))
    for line in text.split("\n"):
        if m := _HEADING.match(line):
            found.add(toc_slugify(m.group("text"), "-"))
    return found
