"""What kind a question is, and how its options are lettered.

The kind is stored and written as its value (``single_choice``); in the
quiz syntax and in the page markup it is a class with a hyphen
(``!!! question single-choice``), which is what ``assets/quiz.js`` reads.
To add a kind, add it here, to ``rendering.render_question``'s answer block
and to quiz.js's handling of the class.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from enum import StrEnum


class QuestionKind(StrEnum):
    SINGLE_CHOICE = "single_choice"
    """Options, exactly one of them correct."""
    MULTIPLE_CHOICE = "multiple_choice"
    """Options, several of them correct ("select all that apply")."""
    TRUE_FALSE = "true_false"
    """A statement judged true or false (options True and False)."""
    OPEN = "open"
    """Answerable from the lesson: the source gives a model answer (or none)."""
    REFLECTION = "reflection"
    """No right answer: personal experience, opinion, planning."""
    MATCHING = "matching"
    """Terms (``terms``) each matched to one of the explanations (``options``);
    ``correct[i]`` is the explanation of term i."""

    @property
    def css_class(self) -> str:
        """The class in the quiz syntax and the page: ``single-choice``."""
        return self.value.replace("_", "-")

    @property
    def has_options(self) -> bool:
        return self in CHOICE_KINDS

    @classmethod
    def from_class(cls, name: str) -> QuestionKind | None:
        """The kind a class names (``true-false``), or None."""
        try:
            return cls(name.replace("-", "_"))
        except ValueError:
            return None


CHOICE_KINDS = frozenset({QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE,
                          QuestionKind.TRUE_FALSE})

_NOT_WORD = re.compile(r"[^\w]+")


def is_true_false(options: Sequence[str]) -> bool:
    """Two options that say True and False (in either order, any case,
    with or without a full stop)."""
    return len(options) == 2 and {_NOT_WORD.sub("", o).lower() for o in options} == {
        "true", "false"}


def infer_kind(options: Sequence[str], correct: Sequence[int],
               model_answer: str | None) -> QuestionKind:
    """The kind a question's content shows: a model answer makes it open,
    no options a reflection; True/False options a true/false question;
    more than one correct option a multiple-choice one."""
    if model_answer is not None:
        return QuestionKind.OPEN
    if not options:
        return QuestionKind.REFLECTION
    if is_true_false(options):
        return QuestionKind.TRUE_FALSE
    return QuestionKind.MULTIPLE_CHOICE if len(correct) > 1 else QuestionKind.SINGLE_CHOICE


# ---- option letters --------------------------------------------------------

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def option_letter(index: int) -> str:
    """A, B, ... Z, then AA, AB, ... (as spreadsheet columns): never a
    character past Z."""
    if index < 0:
        raise ValueError(f"no letter for option index {index}")
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = LETTERS[rest] + letters
    return letters


def option_index(letters: str) -> int:
    """The option index a letter names: ``A`` -> 0, ``c`` -> 2, ``AA`` -> 26."""
    index = 0
    for letter in letters.upper():
        position = LETTERS.find(letter)
        if position < 0 or not letter:
            raise ValueError(f"{letters!r} is not an option letter")
        index = index * 26 + position + 1
    if not index:
        raise ValueError("an empty option letter")
    return index - 1
