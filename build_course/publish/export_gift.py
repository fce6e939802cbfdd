"""``build-course export gift``: the course's questions in Moodle's GIFT format.

One ``$CATEGORY`` per lesson (under the course's), then each question:

- single choice: ``{=right ~wrong}``, the answer key's explanation as the
  right answer's feedback;
- multiple choice: ``{~%50%right ~%-100%wrong}``: the right options share
  100 %, the wrong ones share -100 % (choosing everything gives nothing);
  Moodle gives partial credit where the site's quiz is all-or-nothing;
- true/false: ``{T}`` or ``{F}``;
- open: an essay (``{}``) with the model answer as general feedback
  (``{####…}``), shown to the learner after answering;
- reflection: an essay with no feedback (there is no right answer).

Texts are Markdown (``[markdown]``), with GIFT's special characters escaped
and line breaks written as ``\\n`` (a blank line would end the question).
A choice question whose answer key is missing cannot be scored: it is
written as an essay, so nothing is lost.
"""

from __future__ import annotations

from pathlib import Path

from build_course.model import Question
from build_course.publish.quiz_pages import ExportQuiz
from build_course.quiz.kinds import CHOICE_KINDS, QuestionKind

_SPECIAL = str.maketrans({c: "\\" + c for c in "\\~=#{}:"})
# The percentages Moodle accepts for an answer's weight.
_WEIGHTS = [100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20,
            16.66667, 14.28571, 12.5, 11.11111, 10, 5]


def escaped(text: str) -> str:
    """Text as GIFT data: its special characters escaped, lines joined by \\n."""
    lines = [line.rstrip() for line in text.strip().split("\n")]
    return "\\n".join(line.translate(_SPECIAL) for line in lines)


def weight(share: int) -> str:
    """100 / share as the nearest percentage Moodle accepts."""
    value = min(_WEIGHTS, key=lambda w: abs(w - 100 / share))
    return f"{value:g}"


def gift(course_title: str, quizzes: list[ExportQuiz]) -> str:
    """The whole GIFT file."""
    out = [f"// {course_title}: questions exported by build-course", ""]
    lesson = None
    for quiz in quizzes:
        if quiz.lesson != lesson:
            lesson = quiz.lesson
            category = "/".join(part.replace("/", "//") for part in (course_title, lesson))
            out += [f"$CATEGORY: $course$/{category}", ""]
        for title, question in quiz.questions:
            name = escaped(f"{quiz.title}: {title}" if quiz.title != quiz.lesson else title)
            out += [f"::{name}::[markdown]{escaped(question.prompt)} {answers(question)}", ""]
    return "\n".join(out)


def answers(question: Question) -> str:
    """The ``{…}`` part of a question."""
    kind = question.kind
    if kind in CHOICE_KINDS and question.correct and question.options:
        if kind == QuestionKind.TRUE_FALSE:
            truth = question.options[question.correct[0]].strip(" .").lower() == "true"
            return "{" + ("T" if truth else "F") + _feedback(question.explanation) + "}"
        if kind == QuestionKind.SINGLE_CHOICE and len(question.correct) == 1:
            return "{" + " ".join(
                ("=" if i in question.correct else "~") + escaped(option)
                + (_feedback(question.explanation) if i in question.correct else "")
                for i, option in enumerate(question.options)) + "}"
        right = len(question.correct)
        wrong = len(question.options) - right
        return "{" + " ".join(
            (f"~%{weight(right)}%" if i in question.correct else f"~%-{weight(wrong)}%")
            + escaped(option) for i, option in enumerate(question.options)) + _general(
            question.explanation) + "}"
    if kind == QuestionKind.MATCHING and question.correct and question.terms:
        # "=term -> its explanation"; an explanation no term has: "= -> text" (a distractor)
        pairs = [f"={escaped(term)} -> {escaped(question.options[c])}"
                 for term, c in zip(question.terms, question.correct)]
        pairs += [f"= -> {escaped(o)}" for i, o in enumerate(question.options)
                  if i not in question.correct]
        return "{" + " ".join(pairs) + _general(question.explanation) + "}"
    model = question.model_answer if kind == QuestionKind.OPEN else None
    return "{" + _general(model or "") + "}"


def _feedback(text: str) -> str:
    return f"#{escaped(text)}" if text.strip() else ""


def _general(text: str) -> str:
    return f"####{escaped(text)}" if text.strip() else ""


def write_gift(path: Path, course_title: str, quizzes: list[ExportQuiz]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.part")
    partial.write_text(gift(course_title, quizzes), encoding="utf-8")
    partial.replace(path)
    return path
