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
        "single_choice", "multiple_choice", "true_false", "open", "reflection"]
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
