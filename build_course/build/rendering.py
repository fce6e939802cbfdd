"""Render: turn the course model into Markdown pages.

Page layout lives in Jinja2 templates (``templates/*.md.j2``, StrictUndefined);
blocks are turned into Markdown by one small function per block kind
(``BLOCK_RENDERERS``). Source text is data: ``md_text`` escapes everything
in it that Markdown, HTML or attribute lists would read as markup, so a
``<script>`` or ``{: onclick=...}`` in a tutorial shows as text. Text that
a source wrote in Markdown comes with its safe Markdown beside it (the
``markdown`` of paragraphs, list items and options; the blocks of a
question's stem, answer and explanation: see importer/markdown_inline.py,
which keeps the marks and leaves raw HTML out), and ``md_text`` publishes
that as it is.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import jinja2
from markdown.extensions.toc import slugify as toc_slugify

from build_course.model import (
    Block,
    Course,
    Definition,
    Dialogue,
    ExerciseLink,
    Heading,
    Lesson,
    ListBlock,
    ListItem,
    Page,
    Paragraph,
    Part,
    Question,
    Quiz,
    Quote,
    RawMarkdown,
)
from build_course.quiz.kinds import QuestionKind, option_letter
from build_course.quiz.syntax import EXPLANATIONS, NO_ANSWER

_URL = re.compile(r"https?://[^\s<>\"'`]+[^\s<>\"'`.,;:!?)\]]")
# Inline markup: Markdown's escapable characters, HTML's "<", ">" and entity
# "&", and a "#" that ends a line (a heading would drop it as a closing "#").
# ("&" before "#" or a letter: "&#0", "&copy" read as character references even
# without their ";", in Python-Markdown and in browsers)
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]{}<>|]|&(?=[#A-Za-z])|#(?=[ \t]*(?:\n|$)))")
# What starts a block at the start of a line: headings, lists ("-", "+",
# "2019."), and the marks of admonitions ("!!!"), details ("???"), fences
# ("~~~"), definitions (":") and setext underlines ("=").
_LINE_START = re.compile(r"^([ \t]*)(?:(\d+)([.)])|([#+!-])|([=~?:]))", re.M)
_ENTITIES = {"<": "&lt;", ">": "&gt;", "&": "&amp;"}


def md_text(text: str, markdown: str = "") -> str:
    """Source text for Markdown: ``markdown`` as it is where the importer
    made it (a Markdown source's safe Markdown of ``text``), else ``text``
    escaped, its bare URLs made links."""
    if markdown:
        return markdown
    out = []
    position = 0
    for m in _URL.finditer(text):
        out.append(_escape(text[position:m.start()]))
        out.append(f"<{m.group(0)}>")
        position = m.end()
    out.append(_escape(text[position:]))
    return _LINE_START.sub(_escape_line_start, "".join(out))


def _escape(text: str) -> str:
    return _INLINE_SPECIAL.sub(lambda m: _ENTITIES.get(m.group(1)[0], "\\" + m.group(1)), text)


def _escape_line_start(m: re.Match) -> str:
    indent, number, after_number, escapable, other = m.groups()
    if number:
        return f"{indent}{number}\\{after_number}"  # "2019\. A year", not a list
    if escapable:
        return f"{indent}\\{escapable}"
    return f"{indent}&#{ord(other)};"  # not escapable with "\" in Markdown


def yaml_str(text: str) -> str:
    """A YAML scalar that is always a plain string (JSON is valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


_ENV = jinja2.Environment(
    loader=jinja2.FileSystemLoader(Path(__file__).parent.parent / "templates"),
    undefined=jinja2.StrictUndefined,
    autoescape=False,  # the output is Markdown; md_text does the escaping
    keep_trailing_newline=True,
    trim_blocks=True,
    lstrip_blocks=True,
)
_ENV.filters["md"] = md_text
_ENV.filters["yaml"] = yaml_str


# ---- paths -------------------------------------------------------------

def lesson_path(part: Part, lesson: Lesson) -> str:
    return f"{lesson.folder or part.slug}/{lesson.slug}.md"


def quiz_path(part: Part, lesson: Lesson) -> str:
    return f"{lesson.folder or part.slug}/{lesson.slug}-quiz.md"


# ---- blocks ------------------------------------------------------------

# Headings a page may have. MkDocs' search plugin (Material's) looks each
# heading up in the page's table of contents from its start: 16,000
# headings on a page took two minutes, 100,000 nine. Later headings are
# bold lines (the build warns of them: pipeline.name_pages).
MAX_HEADINGS = 300


def render_blocks(blocks: list[Block], quiz_link: str = "") -> str:
    seen: dict[str, int] = {}
    return "\n\n".join(_heading_once(b, seen) if type(b) is Heading
                       else BLOCK_RENDERERS[type(b)](b, quiz_link) for b in blocks)


def _heading_once(block: Heading, seen: dict[str, int]) -> str:
    """A heading; one whose text came before on the page gets its id here
    (``slug_1``, ``slug_2``..., as Markdown's toc would name it: the toc
    finds a free id for a repeated heading by trying each suffix in turn)."""
    seen[""] = seen.get("", 0) + 1
    if seen[""] > MAX_HEADINGS:
        return f"**{md_text(block.text)}**"
    text = _heading(block, "")
    slug = toc_slugify(block.text, "-")
    count = seen.get(slug, 0)
    seen[slug] = count + 1
    return f"{text} {{ #{slug}_{count} }}" if count and slug else text


def _heading(block: Heading, _link: str) -> str:
    return f"{'#' * block.level} {md_text(block.text)}"


def _paragraph(block: Paragraph, _link: str) -> str:
    return md_text(block.text, block.markdown)


def _list(block: ListBlock, _link: str) -> str:
    lines: list[str] = []
    _list_items(block.items, block.ordered, 0, lines, keep_start=not block.lettered)
    if block.role in ("readings", "activities"):
        # a reference list or an activity list: marked so that styles can tell
        return f'<div class="{block.role}" markdown>\n\n' + "\n".join(lines) + "\n\n</div>"
    return "\n".join(lines)


def list_start(items: list[ListItem]) -> int:
    """The number a numbered list starts from: its first item's own (a list
    that goes on after a figure starts at 4). The items after it are numbered
    on from there, whatever numbers the source gave them (a skip or a repeat
    is the extraction's; the importer notes it for review). Python-Markdown
    keeps the start only with its ``sane_lists`` extension, which both
    engines are given (publish/site_config.py)."""
    number = items[0].number if items else None
    return number if number is not None else 1


# Deeper lists are drawn at this depth: Python-Markdown parses a nested list
# by recursion, and 260 levels ended MkDocs' build with a RecursionError.
MAX_LIST_DEPTH = 12


def _list_items(items: list[ListItem], ordered: bool, depth: int, lines: list[str],
                keep_start: bool = True) -> None:
    """``keep_start``: false for a lettered list, and for the items under
    an item, numbered from 1 as before: letters are numbers only for the
    importer, and a first "i)" is more often a Roman one than the ninth letter."""
    depth = min(depth, MAX_LIST_DEPTH)
    for n, item in enumerate(items, start=list_start(items) if keep_start else 1):
        marker = f"{n}." if ordered else "-"
        text = md_text(item.text, item.markdown)
        if item.term:
            text = f"**{md_text(item.term)}**{item.term_sep} {text}"
        lines.append(f"{'    ' * depth}{marker} {text}")
        if item.children:
            _list_items(item.children, ordered, depth + 1, lines, keep_start=False)


def _quote(block: Quote, _link: str) -> str:
    text = f"> {md_text(block.text)}"
    source = f"[source](<{block.link}>)" if block.link else ""
    who = md_text(block.attribution)
    if who or source:
        credit = f"{who} ({source})" if who and source else who or source
        text += f"\n>\n> — {credit}"
    return text


def _dialogue(block: Dialogue, _link: str) -> str:
    turns = [f"> **{md_text(t.speaker)}:** {md_text(t.text)}" for t in block.turns]
    return '<div class="dialogue" markdown>\n\n' + "\n>\n".join(turns) + "\n\n</div>"


def _definition(block: Definition, _link: str) -> str:
    return f"{md_text(block.term)}\n:   {md_text(block.text)}"


def _exercise(block: ExerciseLink, quiz_link: str) -> str:
    quiz = block.quiz
    facts = [f"{len(quiz.questions)} question{'s' if len(quiz.questions) != 1 else ''}"]
    if quiz.duration:
        facts.append(md_text(quiz.duration))
    return (f'!!! example bc-box "{md_text(quiz.title)}"\n\n'
            f"    {' · '.join(facts)}. [Take the self-check]({quiz_link}#{quiz.slug})")


def _raw(block: RawMarkdown, _link: str) -> str:
    return block.text


BLOCK_RENDERERS = {RawMarkdown: _raw, Heading: _heading, Paragraph: _paragraph, ListBlock: _list,
                   Quote: _quote, Dialogue: _dialogue, Definition: _definition,
                   ExerciseLink: _exercise}


# ---- questions -----------------------------------------------------------

def render_question(question: Question, number: int) -> str:
    """One question in the quiz syntax (see AUTHORING.md)."""
    body = [render_blocks(question.body) if question.body else md_text(question.prompt)]
    if question.terms:
        body.append("\n".join(f"{n}. {md_text(term)}"
                              for n, term in enumerate(question.terms, start=1)))
        body.append(EXPLANATIONS)  # else Markdown runs the two lists into one
    if question.options:
        body.append("\n".join(f"- {option_letter(i)}. {_option(question, i)}"
                              for i in range(len(question.options))))
    body.append(_answer(question))
    inner = "\n\n".join(body)
    kind = QuestionKind(question.kind).css_class
    if question.generated:
        return f'!!! question {kind} generated "Question {number} (generated)"\n\n' \
            + _indent(inner)
    return f'!!! question {kind} "Question {number}"\n\n' + _indent(inner)


def _answer(question: Question) -> str:
    if question.kind == QuestionKind.REFLECTION:
        return "*Reflect and write your own answer: there is no single right answer.*"
    if not question.correct and question.model_answer is None and not question.explanation:
        return NO_ANSWER  # the source gives none: nothing is invented
    if question.kind == QuestionKind.OPEN:
        text = render_blocks(question.answer_body) if question.answer_body \
            else md_text(question.model_answer or "")
        if question.model_answer is not None:  # what the source says after its answer
            text += _explanation(question)
        return '??? success "Show model answer"\n\n' + _indent(text + _see(question))
    if not question.correct:  # an answer that names no option (the import warned of it)
        said = f"\n\n{md_text('The source says: ' + question.explanation)}" \
            if question.explanation else ""
        return NO_ANSWER + said + _see(question)
    if question.kind == QuestionKind.MATCHING:
        pairs = ", ".join(f"{n} {option_letter(c)}" for n, c in enumerate(question.correct, 1))
        text = f"**Answer: {pairs}.**"
        if question.explanation:
            text += f"\n\n{md_text(question.explanation)}"
        return '??? success "Show answer"\n\n' + _indent(text + _see(question))
    letters = ", ".join(option_letter(c) for c in question.correct)
    text = f"**Answer: {letters}.**"
    if question.correct and len(question.correct) == 1:
        text += f" {_option(question, question.correct[0])}"
    text += _explanation(question)
    return '??? success "Show answer"\n\n' + _indent(text + _see(question))


def _explanation(question: Question) -> str:
    if question.explanation_body:
        return f"\n\n{render_blocks(question.explanation_body)}"
    return f"\n\n{md_text(question.explanation)}" if question.explanation else ""


def _option(question: Question, index: int) -> str:
    marks = question.options_markdown
    return md_text(question.options[index],
                   marks[index] if len(marks) == len(question.options) else "")


def _see(question: Question) -> str:
    return f"\n\n*See: {md_text(question.see)}.*" if question.see else ""


def _indent(text: str) -> str:
    return "\n".join(f"    {line}" if line else "" for line in text.split("\n"))


# ---- pages ---------------------------------------------------------------

def summary(text: str, limit: int = 160) -> str:
    """A page's meta description: the text on one line, cut at a word near ``limit``."""
    text = " ".join(text.replace("*", "").split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:.") + "…"


READING_SPEED = 200  # words a minute, a common estimate for study reading


def render_lesson(part: Part, lesson: Lesson, position: int = 0,
                  place: tuple[int, int] | None = None) -> Page:
    """A lesson's page; ``place``: (its number, the course's number of lessons)."""
    quiz_file = Path(quiz_path(part, lesson)).name if lesson.quizzes else ""
    body = render_blocks(lesson.blocks, quiz_file)
    minutes = max(1, round(len(re.findall(r"\w+", body)) / READING_SPEED))
    first = next((b.text for b in lesson.blocks if type(b) is Paragraph and b.text.strip()), "")
    text = _ENV.get_template("lesson.md.j2").render(
        part=part, lesson=lesson, quiz_file=quiz_file, body=body, place=place, minutes=minutes,
        description=summary(" ".join(lesson.objectives) or first or lesson.title))
    return Page(lesson_path(part, lesson), text, lesson.title, part.source, lesson.slug,
                position, "lesson")


def render_quiz(part: Part, lesson: Lesson, position: int = 0) -> Page:
    exercises, first = [], 1  # questions are numbered through the page, under one score
    for quiz in lesson.quizzes:
        exercises.append((quiz, render_blocks(quiz.intro), _questions(quiz, first)))
        first += len(quiz.questions)
    kinds = {q.kind for quiz in lesson.quizzes for q in quiz.questions}
    text = _ENV.get_template("quiz.md.j2").render(
        part=part, lesson=lesson, lesson_file=Path(lesson_path(part, lesson)).name,
        exercises=exercises, instructions=quiz_instructions(kinds),
        description=summary(f"Self-check quiz on the lesson {lesson.title}: {first - 1} "
                            f"question{'s' if first != 2 else ''}. {quiz_instructions(kinds)}"))
    return Page(quiz_path(part, lesson), text, f"Quiz: {lesson.title}", part.source,
                lesson.slug, position, "quiz")


def _questions(quiz: Quiz, first: int = 1) -> str:
    return "\n\n".join(render_question(q, n) for n, q in enumerate(quiz.questions, start=first))


_CHOICE = {QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE, QuestionKind.TRUE_FALSE}


def quiz_instructions(kinds: set[str]) -> str:
    """What to do on a quiz page, for the kinds of question it holds only."""
    steps = []
    if kinds & _CHOICE:
        steps.append("choose your answer and press **Check** (without scripts: open "
                     "**Show answer**)")
    if QuestionKind.MATCHING in kinds:
        steps.append("choose each term's explanation and press **Check** (without scripts: "
                     "write each term's letter, then open **Show answer**)")
    if QuestionKind.OPEN in kinds:
        steps.append("write your answer, then reveal the model answer and rate yourself")
    if QuestionKind.REFLECTION in kinds:
        steps.append("write your own notes where a question asks you to reflect: "
                     "there is no single right answer")
    text = "; ".join(steps) or "answer each question"
    return text[0].upper() + text[1:] + "."


def render_home(course: Course, titles: dict[str, str] | None = None) -> Page:
    """The home page; ``titles``: a lesson's title where its page's front
    matter (edited by an author) says otherwise, by page path."""
    compact = sum(1 for part in course.parts if part.lessons) > NAV_GROUP
    titles = titles or {}

    def title(part: Part, lesson: Lesson) -> str:
        return titles.get(lesson_path(part, lesson), lesson.title)

    first = next(((part, part.lessons[0]) for part in course.parts if part.lessons), None)
    text = _ENV.get_template("home.md.j2").render(
        course=course, lesson_path=lesson_path, quiz_path=quiz_path, compact=compact,
        title=title, scored=scored_questions, human=human_name, first=first,
        description=summary(course.description or f"A self-study course: {course.title}."))
    return Page("index.md", text, course.title, kind="home")


def scored_questions(lesson: Lesson) -> int:
    """Questions of a lesson's quiz that get a score (quiz.js counts the same)."""
    return sum(1 for quiz in lesson.quizzes for q in quiz.questions
               if q.kind != QuestionKind.REFLECTION and _answer(q).startswith("???"))


_FILE_NAME = re.compile(r"^[\w.-]+\.[A-Za-z0-9]{1,5}$")


def human_name(original: str) -> str:
    """The original's title as a reader would name it; a bare file name
    ("000_d4e7.txt") names nothing for a reader and is left out."""
    return "" if _FILE_NAME.match(original.strip()) else original.strip()


def render_course(course: Course, titles: dict[str, str] | None = None,
                  memo: Callable[[Part], dict | None] = lambda part: None,
                  context: object = None) -> list[Page]:
    """Every page of the course, home page first (``titles``: see render_home).
    A lesson's pages depend on its part's import, its place and address, and
    ``context``: ``memo`` keeps them for a part (see build/remembering.py)."""
    pages = [render_home(course, titles)]
    count, number = sum(len(part.lessons) for part in course.parts), 0
    for part in course.parts:
        kept = memo(part)
        before, now = (kept or {}).get("pages", {}), {}
        for position, lesson in enumerate(part.lessons):
            number += 1
            key = (position, (number, count), part.slug, lesson.folder, lesson.slug, context)
            now[key] = before.get(key) or _lesson_pages(part, lesson, position, (number, count))
            pages += now[key]
        if kept is not None:
            kept["pages"] = now
    return pages


def _lesson_pages(part: Part, lesson: Lesson, position: int, place: tuple[int, int]) -> list:
    pages = [render_lesson(part, lesson, position, place)]
    if lesson.quizzes:
        pages.append(render_quiz(part, lesson, position))
    return pages


NAV_GROUP = 25  # parts per navigation group in a large course


def course_nav(course: Course, titles: dict[str, str] | None = None) -> list:
    """The MkDocs navigation: home, then each part with its lessons and
    quizzes. A course of more than NAV_GROUP parts groups them by position
    ("Parts 26–50"), because every page carries the top level of the
    navigation: 400 parts there would make each page several times larger."""
    parts = [_part_nav(part, titles or {}) for part in course.parts if part.lessons]
    if len(parts) > NAV_GROUP:
        parts = [{f"Parts {i + 1}–{min(i + NAV_GROUP, len(parts))}": parts[i:i + NAV_GROUP]}
                 for i in range(0, len(parts), NAV_GROUP)]
    return [{"Home": "index.md"}, *parts]


def _part_nav(part: Part, titles: dict[str, str]) -> dict:
    """A part's entries; a page's title is its front matter's where an author
    changed it (``titles``, by page path)."""
    entries = []
    for lesson in part.lessons:
        path = lesson_path(part, lesson)
        entries.append({titles.get(path, lesson.title): path})
        if lesson.quizzes:
            path = quiz_path(part, lesson)
            entries.append({titles.get(path, f"Quiz: {lesson.title}"): path})
    return {part.title: entries}
