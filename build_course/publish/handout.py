"""The printable handout: per part and for the whole course, the lessons with
their worksheets as one PDF, and the answers apart in a key.

Everything is read back from docs/ (so an author's edits count), in the
order of the navigation the build recorded: a part of the navigation is a
part of the handout, a page with ``quiz: true`` the worksheet of the lesson
its front matter names. The HTML made here is printed by ``printing``.

Files, in the output folder (``dist/handout/``), ``COURSE`` being the
course title's slug and ``PART`` the part's folder under docs/:

- ``COURSE.pdf`` and ``COURSE-answers.pdf``: the whole course and its key;
- ``COURSE-PART.pdf`` and ``COURSE-PART-answers.pdf``: each part and its key.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape
from importlib import resources
from pathlib import Path

from build_course.build.rendering import human_name
from build_course.diagnostics import CourseError
from build_course.model import Course
from build_course.publish.handout_pages import (
    PageContext,
    PrintPage,
    anchor,
    front_matter,
    key_answer,
    print_page,
)
from build_course.publish.printing import check_available, write_pdf
from build_course.publish.site_config import recorded_nav
from build_course.slugs import slugify, unique

PAPERS = {"a4": "A4", "letter": "letter"}


def write_handouts(docs: Path, model: Course, folder: Path,
                   paper: str = "a4") -> list[tuple[Path, int]]:
    """Print every handout and key of the course ``model`` into ``folder``;
    (file, pages) of each. A PDF of an earlier run that this one did not
    write (a part gone or renamed) is removed."""
    check_available()
    course, description = model.title, model.description
    parts = course_parts(docs, attributions(model))
    if not parts:
        raise CourseError("docs", 0, "the course has no lessons to print",
                          "build it first (build-course build) and check source/")
    pages = PageCache(docs, parts)
    for leftover in folder.glob(".*.pdf.part"):  # of a run that was stopped
        leftover.unlink()
    written = []
    for handout in handouts(course, parts):
        for name, html in ((handout.name, worksheet_html(course, description, handout, pages,
                                                         paper)),
                           (f"{handout.name}-answers", key_html(course, handout, pages, paper))):
            path = folder / f"{name}.pdf"
            written.append((path, write_pdf(html, path, docs)))
    kept = {path for path, _ in written}
    for old in folder.glob(f"{handouts(course, [])[0].name}*.pdf"):
        if old not in kept:
            old.unlink()
    return written


@dataclass
class HandoutLesson:
    title: str
    page: str
    """The lesson page, under docs/."""
    quiz: str = ""
    """Its quiz page, if it has one."""
    source: str = ""
    """The source file it came from (its front matter's ``source``)."""


@dataclass
class HandoutPart:
    number: int
    title: str
    name: str
    """For the file names: the part's folder under docs/."""
    lessons: list[HandoutLesson] = field(default_factory=list)
    attribution: str = ""
    """Who published the original, as the home page says it."""


@dataclass
class Handout:
    """One PDF to print and its key: a part, or the whole course."""

    name: str
    """The file name without ``.pdf``; the key's ends in ``-answers``."""
    title: str
    parts: list[HandoutPart]
    whole: bool = False
    """The whole course's, not a part's."""


def attributions(course: Course) -> dict[str, str]:
    """Each source file's attribution, as the home page gives it."""
    found = {}
    for part in course.parts:
        original = human_name(part.original)
        if part.publisher or original:
            found[part.source] = (f"Source: {part.publisher + ', ' if part.publisher else ''}"
                                  f"“{part.title}”" + (f" (original: {original})" if original
                                                       and original != part.title else "")
                                  + ".")
    return found


def course_parts(docs: Path, sources: dict[str, str] | None = None) -> list[HandoutPart]:
    """The course's parts and lessons, in the order of the recorded
    navigation; ``sources``: attributions by source file (``attributions``)."""
    parts: list[HandoutPart] = []
    taken = {"answers"}
    for title, entries in _nav_parts(recorded_nav(docs) or []):
        part = HandoutPart(len(parts) + 1, title, "")
        for page in entries:
            _add_page(part, docs, page)
        if part.lessons:
            folder = part.lessons[0].page.rpartition("/")[0]
            part.name = _file_name(slugify(folder or title), taken)
            part.attribution = (sources or {}).get(part.lessons[0].source, "")
            parts.append(part)
    return parts


def _file_name(slug: str, taken: set[str]) -> str:
    """A name no other part's PDF or key has (``x`` and ``x-answers``)."""
    name = unique(slug, taken)
    while f"{name}-answers" in taken:
        name = unique(slug, taken)
    taken.add(f"{name}-answers")
    return name


def _nav_parts(nav: list) -> list[tuple[str, list[str]]]:
    """(title, pages) of each part; groups of parts ("Parts 26–50") opened."""
    found = []
    for item in nav:
        if not isinstance(item, dict):
            continue
        for title, value in item.items():
            if not isinstance(value, list):
                continue
            pages = [v for entry in value if isinstance(entry, dict)
                     for v in entry.values() if isinstance(v, str)]
            if pages:
                found.append((str(title), pages))
            else:
                found += _nav_parts(value)
    return found


def _add_page(part: HandoutPart, docs: Path, page: str) -> None:
    meta = page_meta(docs / page)
    if meta is None:
        return
    if meta.get("quiz") is True:
        lesson_page = f"{page.rpartition('/')[0]}/{meta.get('lesson')}".lstrip("/")
        lesson = next((item for item in part.lessons if item.page == lesson_page),
                      part.lessons[-1] if part.lessons else None)
        if lesson is not None and not lesson.quiz:
            lesson.quiz = page
        return
    part.lessons.append(HandoutLesson(str(meta.get("title") or page), page,
                                      source=str(meta.get("source") or "")))


def page_meta(path: Path) -> dict | None:
    """A page's front matter ({} without one); None when the page is missing."""
    try:
        return front_matter(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return None


def handouts(course_title: str, parts: list[HandoutPart]) -> list[Handout]:
    """The whole course's handout, then one per part."""
    course = slugify(course_title) or "course"
    return [Handout(course, course_title, parts, whole=True)] + [
        Handout(f"{course}-{part.name}", part.title, [part]) for part in parts]


class PageCache:
    """Each page rendered once, for the part's handout and the whole course's."""

    def __init__(self, docs: Path, parts: list[HandoutPart]) -> None:
        self.docs = docs
        self._pages: dict[str, PrintPage] = {}
        self._part_of = {page: part.number for part in parts for lesson in part.lessons
                         for page in (lesson.page, lesson.quiz) if page}

    def get(self, page: str, title: str, quiz: bool, worksheet: str = "") -> PrintPage:
        """``page`` for print; ``worksheet``: its quiz page, printed after it."""
        if page not in self._pages:
            part = self._part_of.get(page)
            anchors = {p: anchor(p) for p, n in self._part_of.items() if n == part}
            text = (self.docs / page).read_text(encoding="utf-8")
            context = PageContext(self.docs, page, anchors)
            self._pages[page] = print_page(text, context, title, quiz, worksheet)
        return self._pages[page]


def worksheet_html(course: str, description: str, handout: Handout, pages: PageCache,
                   paper: str = "a4") -> str:
    """The handout to print: a cover with the contents, then each lesson
    (from a new page) followed by its worksheet."""
    body = [_cover(course, description if handout.whole else "", handout, "Lessons and worksheets",
                   f"The answers are in a separate key: {handout.name}-answers.pdf."),
            _contents(handout)]
    for part in handout.parts:
        label = f"Part {part.number} · {part.title}"
        body.append(f'<section class="part" data-title="{escape(label)}">')
        for position, lesson in enumerate(part.lessons):
            body.append(_lesson(lesson, label if position == 0 else "", pages))
        body.append("</section>")
    return _document(course, handout, "".join(body), paper)


def _lesson(lesson: HandoutLesson, part_label: str, pages: PageCache) -> str:
    page = pages.get(lesson.page, lesson.title, quiz=False, worksheet=lesson.quiz)
    html = [f'<article class="lesson" id="{anchor(lesson.page)}" '
            f'data-title="{escape(lesson.title)}">']
    if part_label:
        html.append(f'<p class="part-label">{escape(part_label)}</p>')
    html.append(page.html)
    if lesson.quiz:
        quiz = pages.get(lesson.quiz, lesson.title, quiz=True)
        html.append(f'<section class="worksheet" id="{anchor(lesson.quiz)}">'
                    f'<h2 class="ws-title">Worksheet: {escape(lesson.title)}</h2>'
                    f"{quiz.html}</section>")
    html.append("</article>")
    return "".join(html)


def key_html(course: str, handout: Handout, pages: PageCache, paper: str = "a4") -> str:
    """The answer key: each question's title and its answer, by lesson and exercise."""
    body = [_cover(course, "", handout, "Answer key",
                   f"For the worksheets of {handout.name}.pdf. Generated questions are marked "
                   "(generated), as on the site.")]
    for part in handout.parts:
        label = f"Part {part.number} · {part.title}"
        body.append(f'<section class="part key" data-title="{escape(label)}">'
                    f'<h2 class="part-label">{escape(label)}</h2>')
        lessons = [lesson for lesson in part.lessons if lesson.quiz]
        for lesson in lessons:
            body.append(_key_lesson(lesson, pages))
        if not lessons:
            body.append('<p class="none">This part has no questions.</p>')
        body.append("</section>")
    return _document(course, handout, "".join(body), paper)


def _key_lesson(lesson: HandoutLesson, pages: PageCache) -> str:
    page = pages.get(lesson.quiz, lesson.title, quiz=True)
    html = [f'<section class="key-lesson" data-title="{escape(lesson.title)}">'
            f'<h3>{escape(lesson.title)}</h3>']
    exercise = None
    context = PageContext(pages.docs, lesson.quiz)
    for entry in page.key:
        if entry.exercise != exercise:
            if exercise is not None:
                html.append("</dl>")
            exercise = entry.exercise
            if exercise != lesson.title:
                html.append(f"<h4>{escape(exercise)}</h4>")
            html.append('<dl class="answers">')
        generated = " generated" if entry.question.generated else ""
        html.append(f'<div class="answer{generated}"><dt>{escape(entry.title)}</dt>'
                    f"<dd>{key_answer(entry.question, context)}</dd></div>")
    if exercise is not None:
        html.append("</dl>")
    if not page.key:
        html.append('<p class="none">No questions.</p>')
    html.append("</section>")
    return "".join(html)


def _cover(course: str, description: str, handout: Handout, what: str, note: str) -> str:
    html = ['<header class="cover">']
    if not handout.whole:
        html.append(f'<p class="kicker">{escape(course)} · Part {handout.parts[0].number}</p>')
    html.append(f'<h1>{escape(handout.title)}</h1><p class="what">{escape(what)}</p>')
    if description:
        html.append(f'<p class="description">{escape(description)}</p>')
    html.append(f'<p class="note">{escape(note)}</p></header>')
    return "".join(html)


def _contents(handout: Handout) -> str:
    html = ['<nav class="contents"><h2>Contents</h2>']
    for part in handout.parts:
        if len(handout.parts) > 1:
            html.append(f"<h3>Part {part.number} · {escape(part.title)}</h3>")
        if part.attribution:
            html.append(f'<p class="source">{escape(part.attribution)}</p>')
        html.append("<ol>")
        html += [f'<li><a href="#{anchor(lesson.page)}">{escape(lesson.title)}'
                 f'{" (with worksheet)" if lesson.quiz else ""}</a></li>'
                 for lesson in part.lessons]
        html.append("</ol>")
    html.append("</nav>")
    return "".join(html)


def _document(course: str, handout: Handout, body: str, paper: str) -> str:
    css = resources.files("build_course").joinpath("assets/handout.css").read_text("utf-8")
    css = css.replace("size: A4;", f"size: {PAPERS[paper]};")
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
            f"<title>{escape(handout.title)}</title><style>{css}</style></head>"
            f'<body data-course="{escape(course)}">{body}</body></html>')
