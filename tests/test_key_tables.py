"""Answer keys set out as a table of question numbers and answers, some of
the answers numbers themselves. The quiz is written for these tests."""

from __future__ import annotations

from pathlib import Path

from build_course.importer.importing import import_bytes, import_text
from build_course.model import Heading, SourceText

_QUIZ = """Practice Test: Kitchen Maths

Work out each answer, then check it against the key at the end.

1. How many grams are in a kilogram?
a. 10
b. 100
c. 1000

2. A recipe for 4 serves how many if you double it? ______

3. How many millilitres are in half a litre? ______

Answer Key

Question   Answer
1          c
2          8
3          500
"""


def test_numbers_in_a_key_table_are_answers():
    part = import_text(SourceText(Path("quiz.txt"), _QUIZ, "utf-8"), "quiz.txt")
    questions = [q for lesson in part.lessons for quiz in lesson.quizzes for q in quiz.questions]
    assert [(q.correct, q.model_answer) for q in questions] == [([2], None), ([], "8"),
                                                                ([], "500")]


def test_rows_set_out_in_columns_are_never_headings():
    text = ("Knife Skills\n\nA chef uses a different cut for each dish, and names each one.\n\n"
            "Dice         A. Thin strips\nJulienne     B. Small cubes\n"
            "Chiffonade   C. Ribbons of leaves\n\n"
            "Practise each cut ten times before the next class.\n")
    part = import_text(SourceText(Path("cuts.txt"), text, "utf-8"), "cuts.txt")
    assert not [b for b in part.lessons[0].blocks if isinstance(b, Heading)]


def test_capital_lettered_options_at_the_top_are_options_not_the_title():
    # Aiken's layout: no title, a question, options "A." "B." "C.", its key
    text = ("Which knot makes a fixed loop at the end of a rope?\nA. Reef knot\nB. Bowline\n"
            "C. Clove hitch\nANSWER: B\n\nWhich knot joins two ropes of the same size?\n"
            "A. Reef knot\nB. Sheet bend\nANSWER: A\n")
    part = import_text(SourceText(Path("knots.txt"), text, "utf-8"), "knots.txt")
    [lesson] = part.lessons
    assert (part.title, lesson.title, lesson.slug) == ("Knots", "Knots", "knots")
    first, second = [q for quiz in lesson.quizzes for q in quiz.questions]
    assert first.options == ["Reef knot", "Bowline", "Clove hitch"]
    assert [first.options[c] for c in first.correct] == ["Bowline"]
    assert [second.options[c] for c in second.correct] == ["Reef knot"]


def test_answers_behind_a_show_answers_button_are_the_keys():
    page = b"""<html><head><title>Tides | Sea School</title></head><body><main><article>
<h1>Reading a Tide Table</h1>
<p>A tide table gives the time and height of each high and low water for a port.</p>
<h2>Check your understanding</h2>
<ol><li>How many high waters are there on most days?<ul><li>a) one</li><li>b) two</li></ul></li>
<li>What does the height of a tide count from?</li></ol>
<details><summary>Show answers</summary><p>1. b 2. Chart datum.</p></details>
</article></main></body></html>"""

    part = import_bytes(page, Path("tides.html"), "tides.html", None).part
    [lesson] = part.lessons
    first, second = [q for quiz in lesson.quizzes for q in quiz.questions]
    assert [first.options[c] for c in first.correct] == ["two"]
    assert second.model_answer == "Chart datum."
    assert "Show answers" not in [getattr(b, "text", "") for b in lesson.blocks]
