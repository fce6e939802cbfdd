"""The line facts that the family detectors share (importer/line_facts.py):
each way of finding lines gives exactly the lines a test of every line gives."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from build_course.importer.cleaning import raw_lines
from build_course.importer.families import detect_family
from build_course.importer.line_facts import LineFacts, lines_holding, open_ended
from build_course.importer.shapes import TERMINAL

GARDEN = """Home | Beds | Tools

Planting garlic
In autumn, set each clove 5 cm deep [1].
Why plant now? The roots grow before the frost.
\u00b6 Mulch keeps the bed moist.
*** a starred line ***
"""

# lines of a few characters that the detectors look for, and others
_LINE = st.text(alphabet="ab |»/>?[*_\u00e9\u0130K\ue001 ", min_size=1, max_size=12) \
    .map(str.strip).filter(bool)


def test_lines_holding_finds_each_line_once_in_order():
    facts = LineFacts.of(raw_lines(GARDEN))
    assert facts.lines_holding("[") == [2]
    assert facts.lines_holding("?", "|") == [0, 3]
    assert facts.lines_holding(" | ") == [0]
    assert facts.lines_holding("frost", "roots") == [3]
    assert facts.lines_holding("{") == []


def test_lines_starting_by_characters_or_pattern():
    facts = LineFacts.of(raw_lines(GARDEN))
    assert facts.lines_starting("*\u00b6") == [4, 5]
    assert facts.lines_starting(re.compile(r"[HW]")) == [0, 3]
    assert facts.lines_ending(re.compile(r"\d")) == []
    assert facts.starts("P") and not facts.starts("{")


def test_first_lines_and_characters_beyond_ascii():
    facts = LineFacts.of(raw_lines(GARDEN))
    assert facts.first(2).texts == ["Home | Beds | Tools", "Planting garlic"]
    assert facts.first(2).joined == "Home | Beds | Tools\nPlanting garlic"
    assert facts.non_ascii == [4]
    assert facts.long_lines == ["In autumn, set each clove 5 cm deep [1].",
                                "Why plant now? The roots grow before the frost."]
    assert not facts.private_use
    assert LineFacts.of(raw_lines("Intro \ue001\n")).private_use


def test_lines_holding_in_utf8_finds_the_same_lines():
    texts = ["Caf\u00e9 \u00bb Menu", "plain words", "Next \u203a Back"]
    data = "\n".join(texts).encode()
    assert lines_holding(data, ("\u00bb".encode(), "\u203a".encode())) == [0, 2]
    assert lines_holding(data.lower(), (b"next",)) == [2]


@given(st.lists(_LINE, min_size=1, max_size=30),
       st.lists(st.sampled_from(["|", " / ", "?", "[", "ab", "\u00e9", "K"]), min_size=1,
                max_size=3))
def test_lines_holding_is_a_test_of_every_line(texts, needles):
    facts = LineFacts.of_texts(texts)
    expected = [k for k, t in enumerate(texts) if any(n in t for n in needles)]
    assert facts.lines_holding(*needles) == expected
    assert facts.has(*needles) == bool(expected)


@given(st.lists(_LINE, min_size=1, max_size=30), st.sampled_from(["*", "[|", "a\u0130", "K*?"]))
def test_lines_starting_is_a_test_of_every_line(texts, chars):
    facts = LineFacts.of_texts(texts)
    assert facts.lines_starting(chars) == [k for k, t in enumerate(texts) if t[0] in chars]


def test_a_navigation_bar_in_mixed_case_is_still_found():
    # the bar (no separator) is found by its words in any case, beside characters beyond ASCII
    page = ("pReViOuS NeXt\n\nBaking bread \u00e9\n\n"
            + "Knead the dough for ten minutes until it is smooth.\n" * 3
            + "\n[  ]\n\n\u00a9 2024 Bakers' Guild\n")
    found = detect_family(raw_lines(page))
    assert found.family.name == "web"
    assert any("navigation bars" in e for e in found.evidence)


def test_open_ended_counts_the_texts_that_stop_mid_sentence():
    # open_ended counts last characters: every sentence end must be one character
    assert all(len(end) == 1 for end in TERMINAL)
    texts = ["The tide turns at noon.", "and the boats", "wait (for it)", "Why?",
             "so \u201cwe\u201d"]
    assert open_ended(texts) == sum(1 for t in texts if not t.endswith(TERMINAL)) == 1
