"""Quiz texts of the shapes question banks take (exercises.py, markdown_family.py),
on small texts written for these tests in several topics."""

from __future__ import annotations

from pathlib import Path

from build_course.importer.importing import import_text
from build_course.model import Heading, SourceText
from build_course.quiz.kinds import QuestionKind


def _part(text: str):
    return import_text(SourceText(Path("t.txt"), text, "utf-8"), "t.txt")


def _bank(questions) -> str:
    """A Markdown question bank as interview-question repositories write
    one: a numbered heading, code, options "- A: ...", the answer folded."""
    out = ["# Shell Puzzles", ""]
    for n, (heading, code, options, answer) in enumerate(questions, start=1):
        out += ["---", "", f"###### {n}. {heading}", "", "```bash", code, "```", ""]
        out += [f"- {'ABCDEFGH'[k]}: {o}" for k, o in enumerate(options)]
        out += ["", "<details><summary><b>Answer</b></summary>", "<p>", ""]
        out += [f"#### Answer: {answer[0]}", "", answer[1], "", "</p>", "</details>", ""]
    return "\n".join(out) + "\n"


SHELL = _bank([
    ("What is printed?", "echo $((7 / 2))", ["`3.5`", "`3`", "`4`"],
     ("B", "Shell arithmetic keeps whole numbers.")),
    ("Which one is true?", "x=5; y=x", ["`y` holds 5", "`y` holds the letter x"],
     ("B", "Without a dollar sign the name is text.")),
    ("A pipe joins standard output to standard input.", "ls | wc -l", ["true", "false"],
     ("A", "That is what a pipe does.")),
])


def test_a_markdown_question_bank_with_lettered_options_and_folded_answers():
    [lesson] = _part(SHELL).lessons
    assert not [b for b in lesson.blocks if isinstance(b, Heading)]  # the questions' headings
    [quiz] = lesson.quizzes
    questions = quiz.questions
    assert [q.prompt for q in questions] == [
        "What is printed?", "Which one is true?",
        "A pipe joins standard output to standard input."]
    assert questions[0].options == ["3.5", "3", "4"]
    assert questions[0].options_markdown == ["`3.5`", "`3`", "`4`"]
    assert [q.correct for q in questions] == [[1], [1], [0]]
    assert [q.kind for q in questions] == [QuestionKind.SINGLE_CHOICE, QuestionKind.SINGLE_CHOICE,
                                           QuestionKind.TRUE_FALSE]
    assert questions[0].explanation == "Shell arithmetic keeps whole numbers."
    assert not any(q.model_answer for q in questions)


def test_a_folded_answer_that_names_no_option_leaves_the_question_open():
    text = SHELL.replace("#### Answer: B\n\nShell arithmetic",
                         "#### Answer: it depends\n\nShell arithmetic")
    first = _part(text).lessons[0].quizzes[0].questions[0]
    assert first.kind is QuestionKind.OPEN and not first.correct
    assert first.model_answer.startswith("Answer: it depends")
