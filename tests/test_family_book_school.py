"""School books of the plain-text family (imp-book): margin notes, thought
breaks, transcriber's notes, a bare "ANSWERS." key at the book's end and
lettered true-or-false statements, each on small texts written for these tests."""

from __future__ import annotations

from pathlib import Path

from build_course.build.rendering import render_lesson
from build_course.importer.importing import import_text
from build_course.model import SourceText
from build_course.quiz.kinds import QuestionKind

_HEAD = """The Project Gutenberg EBook of A Weather Reader, by B. Author

This eBook is for the use of anyone anywhere at no cost and with
almost no restrictions whatsoever.

Title: A Weather Reader

*** START OF THIS PROJECT GUTENBERG EBOOK A WEATHER READER ***




Produced by Kind Volunteers




"""
_TAIL = """



End of the Project Gutenberg EBook of A Weather Reader, by B. Author

*** END OF THIS PROJECT GUTENBERG EBOOK A WEATHER READER ***
"""


def _part(body: str):
    text = _HEAD + body + _TAIL
    return import_text(SourceText(Path("weather.txt"), text, "utf-8"), "weather.txt")


def _md(part) -> str:
    return "\n".join(render_lesson(part, lesson).text for lesson in part.lessons)


def _notes(part) -> str:
    return "\n".join(d.message for d in part.diagnostics)


RAIN = """LESSON I.

CLOUDS AND RAIN.

[Sidenote: Vapour.]

Water rises from the sea and the lakes as an invisible vapour, and it
is carried upward by the warm air until it reaches a colder layer.

There the vapour turns again into tiny drops of water, which we see as
a cloud drifting across the sky; when the drops grow heavy enough they
[Sidenote: Rain.]
fall to the ground as rain, and the streams carry them back to the sea.

       *       *       *       *       *

A cloud that touches the ground is called a fog, and sailors fear it
more than a storm.

EXERCISES.

1. What does the vapour turn into in the cold layer?

2. What is a cloud that touches the ground called?


LESSON II.

WIND.

The wind is air in motion. Warm air is light and rises, and the cool
air around it flows in to take its place, and so a breeze begins.

EXERCISES.

Say whether each statement is true or false:

(a) Warm air is lighter than cool air.

(b) The wind is water in motion.

1. Why does the cool air flow in?


ANSWERS.

LESSON I.

1. Into tiny drops of water.

2. A fog.

LESSON II.

(a) True. (b) False.

1. To take the place of the warm air.


Transcriber's Notes:

Spelling has been kept as printed. Italics are shown between
_underscores_.
"""


def test_a_margin_note_is_a_paragraph_or_goes_where_it_cuts_one():
    part = _part(RAIN)
    md = _md(part)
    assert "Sidenote" not in md and "\nVapour.\n" in md
    assert "when the drops grow heavy enough they fall to the ground as rain" in md
    assert "margin note set inside a paragraph" in _notes(part)


def test_a_thought_break_is_no_list_item():
    md = _md(_part(RAIN))
    assert "* *" not in md.replace("\\*", "*")
    assert "called a fog, and sailors fear it more than a storm." in md


def test_transcribers_notes_at_the_end_go_with_their_paragraphs():
    part = _part(RAIN)
    assert "Spelling has been kept" not in _md(part)
    assert not any("Transcriber" in s.text for lesson in part.lessons for s in lesson.blocks
                   if hasattr(s, "text"))
    assert "dropped the transcriber's notes" in _notes(part)


def test_a_bare_answers_heading_sends_each_lessons_keys_back():
    part = _part(RAIN)
    assert [lesson.title for lesson in part.lessons] == ["CLOUDS AND RAIN.", "WIND."]
    first = part.lessons[0].quizzes[0].questions
    assert [q.model_answer for q in first] == ["Into tiny drops of water.", "A fog."]


def test_lettered_statements_under_a_true_or_false_instruction_are_questions():
    questions = _part(RAIN).lessons[1].quizzes[0].questions
    kinds = [q.kind for q in questions]
    assert kinds == [QuestionKind.TRUE_FALSE, QuestionKind.TRUE_FALSE, QuestionKind.OPEN]
    assert questions[0].prompt == "Warm air is lighter than cool air."
    assert [q.correct for q in questions[:2]] == [[0], [1]]
    assert questions[2].model_answer == "To take the place of the warm air."


def test_lettered_statements_without_a_key_invent_no_verdict():
    body = RAIN[:RAIN.index("ANSWERS.")]
    questions = _part(body).lessons[1].quizzes[0].questions
    assert questions[0].kind == QuestionKind.TRUE_FALSE and questions[0].correct == []
    assert questions[1].prompt == "The wind is water in motion."


def test_lettered_lines_that_ask_stay_what_they_were():
    body = RAIN.replace("(b) The wind is water in motion.", "(b) Is the wind water in motion?")
    questions = _part(body).lessons[1].quizzes[0].questions
    assert all("Is the wind water" not in q.prompt or q.kind != QuestionKind.TRUE_FALSE
               for q in questions)
