"""Question kinds: one enum, one inference, option letters past Z."""

from __future__ import annotations

import pytest

from build_course.build.rendering import render_question
from build_course.model import Question
from build_course.quiz.kinds import (
    QuestionKind,
    infer_kind,
    is_true_false,
    option_index,
    option_letter,
)
from build_course.quiz.syntax import parse_blocks


def test_kind_values_are_the_strings_the_json_and_pages_use():
    assert [k.value for k in QuestionKind] == [
        "single_choice", "multiple_choice", "true_false", "open", "reflection", "matching"]
    assert QuestionKind.TRUE_FALSE == "true_false"
    assert QuestionKind.MULTIPLE_CHOICE.css_class == "multiple-choice"
    assert QuestionKind.from_class("true-false") is QuestionKind.TRUE_FALSE
    assert QuestionKind.from_class("admonition") is None


@pytest.mark.parametrize("options", [["True", "False"], ["false.", "TRUE"], ["True.", "False."]])
def test_true_false_is_told_one_way_whatever_the_case_order_or_stop(options):
    assert is_true_false(options)
    assert infer_kind(options, [0], None) is QuestionKind.TRUE_FALSE


def test_true_false_needs_exactly_those_two_options():
    assert not is_true_false(["True", "False", "Not given"])
    assert not is_true_false(["Truly", "Falsely"])


def test_inference_from_content():
    assert infer_kind([], [], "Photosynthesis needs light.") is QuestionKind.OPEN
    assert infer_kind([], [], None) is QuestionKind.REFLECTION
    assert infer_kind(["Paris", "Rome"], [1], None) is QuestionKind.SINGLE_CHOICE
    assert infer_kind(["Paris", "Rome"], [], None) is QuestionKind.SINGLE_CHOICE
    assert infer_kind(["oak", "rose", "pine"], [0, 2], None) is QuestionKind.MULTIPLE_CHOICE


def test_letters_run_past_z_without_punctuation():
    letters = [option_letter(i) for i in range(30)]
    assert letters[:3] == ["A", "B", "C"] and letters[25] == "Z"
    assert letters[26:28] == ["AA", "AB"]
    assert all(letter.isalpha() and letter.isupper() for letter in letters)
    assert [option_index(letter) for letter in letters] == list(range(30))
    assert option_index("c") == 2
    with pytest.raises(ValueError):
        option_index("[")
    with pytest.raises(ValueError):
        option_letter(-1)


def test_a_rendered_question_reads_back_with_its_kind_even_past_z():
    options = [f"Station {n}" for n in range(28)]
    question = Question("Which station is the terminus?", 1, QuestionKind.SINGLE_CHOICE,
                        options=options, correct=[27])
    text = render_question(question, 1)
    assert "- AB. Station 27" in text and "**Answer: AB.**" in text
    assert text.startswith('!!! question single-choice "Question 1"')
    [block], problems = parse_blocks(text, "q.md")
    assert problems == []
    assert block.question.kind is QuestionKind.SINGLE_CHOICE
    assert block.question.correct == [27] and block.question.options == options


def test_the_syntax_infers_true_false_without_a_kind_class():
    text = ('!!! question "Question 1"\n\n    Sound travels faster in water than in air.\n\n'
            '    - A. False\n    - B. True\n\n    ??? success "Show answer"\n\n'
            '        **Answer: B.**\n')
    [block], problems = parse_blocks(text, "q.md")
    assert problems == []
    assert block.question.kind is QuestionKind.TRUE_FALSE


# ---- matching ------------------------------------------------------------------

KNOTS = Question("Match each knot to what it is for.", 0, QuestionKind.MATCHING,
                 terms=["Bowline", "Clove hitch", "Reef knot"],
                 options=["Joining two ends of the same rope around a bundle.",
                          "A fixed loop at the end of a line that will not slip.",
                          "Tying a line quickly to a post or a rail."],
                 correct=[1, 2, 0], explanation="Practise each one ten times.", see="Knots")


def test_a_matching_question_reads_back_as_it_was_rendered():
    text = render_question(KNOTS, 4)
    assert "1. Bowline\n2. Clove hitch\n3. Reef knot\n\n*Explanations:*\n\n- A. Joining" \
        in text.replace("\n    ", "\n")
    assert "**Answer: 1 B, 2 C, 3 A.**" in text
    [block], problems = parse_blocks(text, "knots-quiz.md")
    back = block.question
    assert problems == []
    assert back.kind is QuestionKind.MATCHING
    assert (back.prompt, back.terms, back.options, back.correct) == (
        KNOTS.prompt, KNOTS.terms, KNOTS.options, KNOTS.correct)
    assert back.explanation.startswith("Practise each one ten times.")
    assert render_question(back, 4).startswith(text.split("??? success")[0])


MATCHING = """Some text.

!!! question matching "Question 1"

    Match each tool to its use.

{terms}

{between}

    - A. Cutting wood along the grain.
    - B. Driving nails.
    - C. Tightening nuts.

    ??? success "Show answer"

        **Answer: {key}.**
"""


def matching_problems(terms: str = "    1. Saw\n    2. Hammer\n    3. Spanner",
                      between: str = "    *Explanations:*", key: str = "1 A, 2 B, 3 C"):
    text = MATCHING.format(terms=terms, between=between, key=key)
    _, problems = parse_blocks(text, "tools-quiz.md")
    return [(p.file, p.line, p.message, p.hint) for p in problems]


def test_a_well_formed_matching_question_has_no_problems():
    assert matching_problems() == []


@pytest.mark.parametrize(("change", "says", "hint"), [
    ({"key": "1 A, 2 A, 3 C"}, "gives two terms the same explanation", "one right pairing"),
    ({"key": "1 A, 3 C"}, "does not give every term exactly one explanation", "1 to 3"),
    ({"key": "1 A, 2 B"}, "does not give every term exactly one explanation", "1 to 3"),
    ({"key": "1 A, 2 B, 3 D"}, "letter D has no such explanation", "from A to C"),
    ({"terms": "    1. Saw\n    3. Hammer\n    4. Spanner"}, "not numbered 1, 2, 3",
     "in order"),
    ({"terms": "    1. Saw", "key": "1 A"}, "fewer than two terms", "'1. term'"),
    ({"terms": "    1. Saw\n    2. Hammer\n    3. Spanner\n    4. Drill",
      "key": "1 A, 2 B, 3 C, 4 C"}, "4 terms but 3 explanations", "'- A. text'"),
    ({"between": ""}, "nothing between them", "'*Explanations:*'"),
])
def test_matching_check_errors_name_the_file_line_and_fix(change, says, hint):
    [(file, line, message, fix)] = matching_problems(**change)
    assert (file, line) == ("tools-quiz.md", 3)
    assert says in message and hint in fix


def test_a_matching_question_without_a_key_is_an_error():
    text = MATCHING.format(terms="    1. Saw\n    2. Hammer", between="    *Explanations:*",
                           key="x").split("    ??? success")[0]
    _, problems = parse_blocks(text, "tools-quiz.md")
    assert [p.message for p in problems] == ["this matching question has no key"]
