"""Moodle's GIFT format: a quiz bank written as text, read as its questions.

A GIFT file holds questions separated by blank lines, each an optional
``::name::``, its text, and its answers in braces::

    // comments start with two slashes
    $CATEGORY: $course$/Weather
    ::Q1:: Which instrument measures air pressure? {=Barometer ~Thermometer}
    ::Q2:: Clouds are made of water droplets. {T}
    ::Q3:: Warm air rises because it is {=less dense ~denser} than cold air.
    ::Q4:: Describe how a sea breeze forms. {}

- ``{=right ~wrong}``: one right option, single choice; weights
  (``~%50%a ~%50%b ~%-100%c``) with several positive ones: multiple choice;
- ``{T}``, ``{FALSE}``: true/false;
- ``{=answer =other}`` (right answers only): short answer, open with the
  first as its model answer; ``{#1822}`` (numerical): open, the number its answer;
- ``{=term -> match ...}``: matching;
- ``{}``: an essay, open (reflection when it asks for the learner's own
  views), its general feedback (``####...``) the model answer;
- answers inside the text (``... {=less dense ~denser} than ...``): the
  missing word, shown as a blank in the prompt;
- ``#feedback`` after an answer: the explanation; ``[html]``,
  ``[markdown]`` marks go (tags too), escapes (``\\=``, ``\\{``...) are read;
- ``$CATEGORY:`` starts a lesson named after its last part; questions
  named ``Quiz title: Question`` (as ``export gift`` writes them) form one
  quiz per title; text without answers (a description) stays in the lesson.

Nothing is invented: an essay without feedback has no model answer.
"""

from __future__ import annotations

import re
from html import unescape

from build_course.diagnostics import Report, Topic
from build_course.importer import cues
from build_course.importer.cleaning import RawLine
from build_course.importer.line_facts import LineFacts
from build_course.importer.structuring import name_lessons
from build_course.model import ExerciseLink, Lesson, Paragraph, Question, Quiz
from build_course.quiz.kinds import QuestionKind

_NAME = re.compile(r"^::((?:[^:\\]|\\.|:(?!:))*)::")
_FORMAT = re.compile(r"^\s*\[(?:html|markdown|plain|moodle)\]\s*", re.I)
_OPEN = re.compile(r"(?<!\\)\{")
_CLOSE = re.compile(r"(?<!\\)\}")
_MARK = re.compile(r"(?<!\\)([=~])")
_WEIGHT = re.compile(r"^%(-?\d+(?:\.\d+)?)%")
_FEEDBACK = re.compile(r"(?<!\\)#")
_TRUTH = re.compile(r"^(T|TRUE|F|FALSE)\s*(?:(?<!\\)#(.*))?$", re.S)
# An answer block's start: "{=", "{~", "{T}", "{FALSE#..." (strong), "{}", "{#3:2}" (weak:
# TeX writes "{#1}" too), or "{" ending its line (answers on the lines under it).
# (not after a letter, ^ or _: TeX's \\hat{F}, A^{T})
_ANSWER_START = re.compile(r"(?<![\\$\w^_])\{\s*"
                           r"(?:(?P<strong>[=~](?![=~])|(?:T|F|TRUE|FALSE)\s*[#}])"
                           r"|\}|#[\d.=\s-]|$)")
_CLOSED = re.compile(r"\{[^{}]*?\w[^{}]*\}|\{\s*\}")  # a block closed on its line, with words
_TAG = re.compile(r"<[^>]+>")
_CATEGORY = re.compile(r"^\$CATEGORY:\s*(.*)$")


def gift_evidence(raw: list[RawLine], facts: LineFacts | None = None) -> list[str]:
    """Why ``raw`` reads as GIFT: two answer blocks or more (``{=...``,
    ``{~...``, ``{T}``) in questions named ``::name::`` or standing at their
    ends, or three named questions with braces. Empty: it does not."""
    if not (facts or LineFacts.of(raw)).has("{"):
        return []  # (most texts) no answer block, so no evidence however many names
    named = strong = weak = 0
    for k, r in enumerate(raw):
        text = r.text
        if "{" not in text and not text.startswith("::"):
            continue  # (most lines: one look for each character)
        named += text.startswith("::") and _NAME.match(text) is not None
        if "{" in text and (m := _ANSWER_START.search(text)):
            below = raw[k + 1].text[:1] if k + 1 < len(raw) else ""
            closed = _CLOSED.match(text, m.start())
            if m.group("strong") and (closed or below in "=~}" and below) \
                    or text.endswith("{") and below in "=~" and below:
                strong += 1  # "{=a ~b}", "{=a" over "~b" lines, "{" over "=a" lines
            elif not text.endswith("{") and closed:
                weak += 1
    if strong >= 2 and (named >= 2 or strong >= 3) or named >= 3 and strong + weak >= 3:
        return [f"{strong + weak} GIFT answer blocks ({{=right ~wrong}}, {{T}}, ...), "
                f"{named} named questions (::name::)"]
    return []


def gift_lessons(text: str, report: Report) -> list[Lesson]:
    """The lessons of a GIFT file (see the module docstring)."""
    lessons: list[Lesson] = []
    title = ""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    chunk: list[tuple[int, str]] = []
    for n, line in enumerate([*lines, ""], start=1):
        stripped = line.strip()
        if stripped.startswith("//"):
            if n == 1 and len(stripped) <= 82 and len(lines) > 1 and not lines[1].strip():
                title = stripped.lstrip("/ ").strip()  # a header, a blank line under it
            continue
        if m := _CATEGORY.match(stripped):
            _question(chunk, lessons, report)
            chunk = []
            lessons.append(Lesson(_category_title(m.group(1)), n))
            continue
        if stripped:
            chunk.append((n, line))
            continue
        _question(chunk, lessons, report)
        chunk = []
    lessons = [lesson for lesson in lessons if lesson.blocks]
    if lessons and lessons[0].title == "":
        first = lessons[0]
        first.title = title or "Questions"
        for quiz in first.quizzes:
            quiz.title = first.title if quiz.title == "Questions" else quiz.title
        where = "the first comment line" if title else "nothing: the file names no category"
        report.note(first.line, f"lesson title '{first.title}' taken from {where}",
                    topic=Topic.TITLE)
    name_lessons(lessons)
    return lessons


def _category_title(path: str) -> str:
    parts = [p for p in re.split(r"(?<!/)/(?!/)", path.strip()) if p and p != "$course$"]
    return parts[-1].replace("//", "/").strip() if parts else ""


def _question(chunk: list[tuple[int, str]], lessons: list[Lesson], report: Report) -> None:
    """The question (or description) of one blank-line-separated chunk."""
    if not chunk:
        return
    if not lessons:
        lessons.append(Lesson("", chunk[0][0]))
    lesson, line = lessons[-1], chunk[0][0]
    text = "\n".join(t for _, t in chunk).strip()
    name = ""
    if m := _NAME.match(text):
        name, text = _unescape(m.group(1)).strip(), text[m.end():]
    html = text.lstrip().lower().startswith("[html]")
    text = _FORMAT.sub("", text)
    opened = _OPEN.search(text)
    closed = _CLOSE.search(text, opened.end()) if opened else None
    if not opened or not closed:
        lesson.blocks.append(Paragraph(_plain(text, html), line))  # a description
        return
    before, inside, after = text[:opened.start()], text[opened.end():closed.start()], \
        text[closed.end():]
    after = after.strip()
    blank = "" if not after else " _____" if after[:1] in ".,;:!?)" else " _____ "
    prompt = _plain(f"{before.rstrip()}{blank}{after}", html)
    question = Question(prompt, line)
    _answers(question, inside, html, report)
    _quiz_for(lesson, name, line).questions.append(question)


def _quiz_for(lesson: Lesson, name: str, line: int) -> Quiz:
    """The lesson's quiz this question goes in: named by the part of its
    name before ": " when the lesson's questions are named so, else one
    quiz per lesson."""
    title = name.split(": ", 1)[0] if ": " in name else ""
    last = lesson.quizzes[-1] if lesson.quizzes else None
    if last is not None and (not title or last.title == title):
        return last
    quiz = Quiz(title or lesson.title or "Questions", line)
    lesson.quizzes.append(quiz)
    lesson.blocks.append(ExerciseLink(quiz, line))
    return quiz


def _answers(question: Question, inside: str, html: bool, report: Report) -> None:
    """The question's kind, options and answer from its ``{...}``."""
    body, _, general = inside.partition("####")
    body, general = body.strip(), _plain(general, html)
    if m := _TRUTH.match(body):
        question.kind = QuestionKind.TRUE_FALSE
        question.options = ["True", "False"]
        question.correct = [0 if m.group(1).startswith("T") else 1]
        question.explanation = _plain(m.group(2) or "", html) or general
        return
    if body.startswith("#"):  # numerical: "#1822", "#3:2", "#1..5", "#=1822:0 =%50%1821:2"
        value = body[1:].strip().lstrip("=").split()[0] if body[1:].strip() else ""
        question.kind = QuestionKind.OPEN
        question.model_answer = _number(_plain(value.split("#")[0], html)) or None
        question.explanation = general
        return
    marks = list(_MARK.finditer(body))
    if not marks:  # an essay: its general feedback is the model answer
        asks_views = cues.REFLECTION_PROMPT.search(question.prompt) is not None
        question.kind = QuestionKind.REFLECTION if asks_views and not general \
            else QuestionKind.OPEN
        question.model_answer = general or None
        return
    answers = []
    for m, after in zip(marks, [*marks[1:], None]):
        part = body[m.end():after.start() if after else len(body)].strip()
        weight = _WEIGHT.match(part)
        part = part[weight.end():] if weight else part
        answer, _, feedback = (p.strip() for p in _split_feedback(part))
        right = m.group(1) == "=" or (weight is not None and float(weight.group(1)) > 0)
        answers.append((m.group(1), right, answer, feedback))
    if any("->" in a for _, _, a, _ in answers):
        _matching(question, answers, html, general)
        return
    if all(mark == "=" for mark, _, _, _ in answers):  # short answer: the right answers only
        question.kind = QuestionKind.OPEN
        question.model_answer = _plain(answers[0][2], html) or None
        question.explanation = general
        return
    question.options = [_plain(a, html) for _, _, a, _ in answers]
    question.correct = [k for k, (_, right, _, _) in enumerate(answers) if right]
    question.kind = QuestionKind.MULTIPLE_CHOICE if len(question.correct) > 1 \
        else QuestionKind.SINGLE_CHOICE
    said = [_plain(f, html) for _, right, _, f in answers if right and f]
    question.explanation = " ".join([*said, general]).strip()
    if not question.correct:
        report.warn(question.line, "this GIFT question marks no answer right",
                    "put '=' before the right answer", topic=Topic.ANSWERS)


def _matching(question: Question, answers: list, html: bool, general: str) -> None:
    """``{=term -> match =other -> its match = -> a distractor}``."""
    terms, options, correct = [], [], []
    for _, _, answer, _ in answers:
        term, _, match = answer.partition("->")
        match = _plain(match, html)
        if match not in options:
            options.append(match)
        if term.strip():
            terms.append(_plain(term, html))
            correct.append(options.index(match))
    question.kind = QuestionKind.MATCHING
    question.terms, question.options, question.correct = terms, options, correct
    question.explanation = general


def _number(value: str) -> str:
    """A numerical answer as a reader says it: ``3:2`` is "3 (± 2)", ``1..5``
    "1 to 5", ``1822:0`` "1822"."""
    if ".." in value:
        low, _, high = value.partition("..")
        return f"{low} to {high}"
    number, _, margin = value.partition(":")
    return f"{number} (± {margin})" if margin.strip("0.") else number


def _split_feedback(part: str) -> tuple[str, str, str]:
    m = _FEEDBACK.search(part)
    return (part[:m.start()], "#", part[m.end():]) if m else (part, "", "")


def _plain(text: str, html: bool) -> str:
    """Text as the page shows it: escapes read, ``\\n`` a line break, tags gone (HTML)."""
    text = text.replace("\\n", "\n")
    if html:
        text = unescape(_TAG.sub(" ", text))
    return " ".join(_unescape(text).split())


def _unescape(text: str) -> str:
    return re.sub(r"\\([~=#{}:\\])", r"\1", text)
