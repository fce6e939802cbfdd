"""A document that names itself in a field ("Unit title: ...") under a
heading that only says what kind of document it is; exercise headings
qualified by what they check ("Knowledge questions"). Texts written for
these tests: a forklift unit, a barista course outline."""

from __future__ import annotations

from pathlib import Path

from build_course.importer.importing import import_text
from build_course.model import SourceText

_UNIT = """UNIT OF COMPETENCY

Unit code:\tTLI-0042

Unit title:\tOperate a forklift safely

Application

This unit covers the pre-start check, driving with a load and parking a counterbalance forklift.

Knowledge questions

1.\tWhat must be checked before the first shift of the day?
2.\tWhy is a load carried low while driving?
"""


def _part(text: str):
    return import_text(SourceText(Path("unit.txt"), text, "utf-8"), "unit.txt")


def test_a_title_field_names_the_lesson_over_the_kind_of_document():
    lesson = _part(_UNIT).lessons[0]
    assert lesson.title == "Operate a forklift safely"
    assert lesson.kicker.startswith("UNIT OF COMPETENCY")


def test_knowledge_questions_are_an_exercise():
    lesson = _part(_UNIT).lessons[0]
    assert [q.prompt for quiz in lesson.quizzes for q in quiz.questions] == [
        "What must be checked before the first shift of the day?",
        "Why is a load carried low while driving?"]


def test_a_title_field_deep_in_the_text_names_nothing():
    text = ("Barista Basics\n\nThe course has four short sessions, each about an hour long.\n\n"
            "Grinding\n\nGrind just before brewing, and set the grind finer for espresso.\n\n"
            "Milk\n\nSteam the milk to about sixty degrees, no hotter, for a sweet taste.\n\n"
            "Tasting\n\nTaste each shot and write down what you changed since the last one.\n\n"
            "Session title: Latte art\n\nPour from high, then bring the jug close to draw.\n")
    assert _part(text).lessons[0].title == "Barista Basics"


def test_front_matter_in_a_plain_text_is_no_title_field():
    text = "---\ntitle: notes\n---\nSafe Lifting\n\nBend your knees and keep the load close.\n"
    assert _part(text).lessons[0].title == "Safe Lifting"
