"""Cleaning and segmenting fast: each shortcut gives what the longer way
gives (a dispatch skips only rules that cannot match, a gate only texts
that the test it guards would turn down)."""

from __future__ import annotations

import random

from build_course.importer import _textfast, cleaning, cues, reading, segmenting, shapes
from build_course.importer._textfast import has_control
from build_course.importer.cleaning import raw_lines
from build_course.model import Line


def _segment_by_every_rule(lines: list[Line]) -> list:
    """``segment`` as it reads: every rule of ``RULES`` asked in turn."""
    blocks, i = [], 0
    while i < len(lines):
        for rule in segmenting.RULES:
            if found := rule(lines, i):
                block, i = found
                blocks.append(block)
                break
    return blocks


def test_segment_asks_only_the_rules_that_can_match():
    lines = [Line("Feeding Hens", 1), Line("Grain", 2, bullet="•"),
             Line("Grit", 3, bullet="•", kind="text"), Line("Water", 4, bullet="1", number=1),
             Line("Check the trough daily.", 5), Line("Molting", 6, kind="heading"),
             Line("x = 1", 7, kind="code"), Line("y = 2", 8, kind="code"),
             Line("Hint: count them", 9, kind="label"), Line("Definition: a flock", 10),
             Line("Ann: Where is the ladder?", 11), Line("Bob: In the shed.", 12),
             Line('"Eggs first." – Old Saying', 13), Line("Perch – a bar to sleep on", 14),
             Line("Nest – a box to lay in", 15), Line("What do hens eat", 16, kind="question"),
             Line("Grain", 17, bullet="•", kind="heading"), Line("the end.", 18)]
    for start in range(len(lines)):
        assert segmenting.segment(lines[start:]) == _segment_by_every_rule(lines[start:])


def _misspelt_by_scan(text: str) -> str:
    """``misspelt_cue`` without its gate on the ends of the text."""
    text = segmenting._without_number(text).lower().rstrip(" :")
    if not 10 <= len(text) <= 30:
        return ""
    return next((p for p in segmenting._PHRASES_NEAR.get(len(text), ())
                 if segmenting._one_off(text, p)), "")


def test_the_gate_on_misspelt_cues_lets_every_one_letter_slip_through():
    for phrase in cues.EXERCISE_PHRASES:
        slips = set()
        for i in range(len(phrase) + 1):
            slips.add(phrase[:i] + phrase[i + 1:])  # a letter left out
            for letter in "aqz -":
                slips.add(phrase[:i] + letter + phrase[i + 1:])  # changed
                slips.add(phrase[:i] + letter + phrase[i:])  # added
        for text in slips | {phrase.title(), f"3.2 {phrase}:", "Tending the Orchard"}:
            assert segmenting.misspelt_cue(text) == _misspelt_by_scan(text), text
        assert segmenting.misspelt_cue(phrase[:3] + "x" + phrase[4:]) == phrase


def _glue_piece_by_piece(parts: list[str]) -> str:
    out = parts[0]
    for part in parts[1:]:
        out = cleaning._glue([out, part])
    return out


def test_glue_joins_with_spaces_unless_a_hyphen_ends_a_piece():
    for parts in (["Bees carry", "pollen from", "flower to flower."],
                  ["a well-known", "fact - or so", "they say"],
                  ["a long-", "awaited spring"], ["sun-", "Dried tomatoes"],
                  ["accu\u00ad", "rately"], ["one"]):
        assert cleaning._glue(parts) == _glue_piece_by_piece(parts), parts


def _lines_of(text: str, wrapped: bool = False) -> list[tuple]:
    return [(line.text, line.bullet, line.number)
            for line in cleaning.join_lines(raw_lines(text), wrapped)]


def test_a_long_number_starts_an_item_only_within_a_run():
    text = "998. Oats\n999. Barley\n1000. Rye\n1001. Millet\n\n1999. The year it rained.\n"
    assert [n for _, _, n in _lines_of(text)] == [998, 999, 1000, 1001, None]
    assert _lines_of("2024. A dry summer.\n")[0] == ("2024. A dry summer.", "", None)


def _title_case_by_lists(words: list[str]) -> bool:
    content = [w for w in words if w.lower().strip("()") not in cues.SMALL_WORDS]
    capital = [w for w in content if w.lstrip("(“\"'")[:1].isupper() or w[:1].isdigit()]
    return bool(content) and len(capital) / len(content) >= 0.6


def _heading_by_every_test(text: str) -> bool:
    """``looks_like_heading`` with its tests in their plain order, all counted."""
    if len(text) > 90 or text.endswith((".", ",", ";")):
        return False
    if shapes._NUMBERED_LABEL.match(text):
        return True
    if len(text) > 70 or not text[:1].isupper():
        return False
    words = text.split()
    if not 0 < len(words) <= 10 or not _title_case_by_lists(words):
        return False
    letters = sum(map(str.isalpha, text))
    return letters >= 2 and sum(map(str.isdigit, text)) <= letters


HEADING_OR_NOT = ["Pruning Young Apple Trees", "How to Sharpen a Chisel", "WORKSHOP SAFETY",
                  "Step 3: Mix the mortar until it holds its shape on the trowel edge, then stop",
                  "Case 12. The pump that would not prime", "the rest of a line", "12 March 2024",
                  "Table 4 1998 2001 2005", "A", "", "Tips for (Small) Gardens", "“Quoted Title”",
                  "Loading the Kiln and Firing It Slowly Over a Long Weekend With Friends Around",
                  "Ⅻ Chapters", "Über die Brücke", "Mix, Pour, Set", "Why Bees Swarm?",
                  "R2 D2 C3", "Of and the", "Glazes: 3 Recipes", "  Indented Title"]


def test_looks_like_heading_and_title_case_give_what_each_test_in_turn_gives():
    for text in HEADING_OR_NOT:
        assert shapes.looks_like_heading(text) == _heading_by_every_test(text), text
        assert shapes.title_case(text.split()) == _title_case_by_lists(text.split()), text


def test_chapter_markers_are_looked_for_in_lines_with_their_dashes():
    for dash in "─━–—":
        assert cleaning._has_marker_dash(f"Beekeeping {dash} Hive Tools")
        assert cleaning._MARKER.match(f"Beekeeping {dash} Hive Tools")
    assert not cleaning._has_marker_dash("Beekeeping - Hive Tools ‑ ‒ ― −")
    assert not any(cleaning._MARKER.match(f"Beekeeping {dash} Hive Tools") for dash in "-‑‒―−")


def test_control_characters_are_found_in_the_utf8_bytes_as_in_the_text():
    for text in ("plain", "tab\tand\fform feed", "bell\x07", "nul\x00 byte", "esc\x1b[0m",
                 "del\x7f", "odd \ufffe", "\uffff", "café\r\nthé", "naïve \x0b", "€ \x85"):
        found = bool(reading._CONTROLS.search(text))
        assert has_control(text, text.encode("utf-8", "surrogatepass")) == found, text
        assert has_control(text) == found, text


def _may_match_by_items(present: str) -> bool:
    chars = set(present)
    return any(all(not item.isdisjoint(chars) for item in needs)
               for needs in _textfast._BADNESS_NEEDS)


def test_the_mojibake_test_by_bits_asks_what_each_item_asks():
    rng = random.Random(13)
    pool = sorted(_textfast._CHAR_BITS) + list("é’“”–•«»ñü")
    for _ in range(3000):
        present = "".join(rng.sample(pool, rng.randint(0, 5)))
        assert _textfast._may_match_badness(present) == _may_match_by_items(present), present
    assert _textfast._may_match_badness(_textfast.non_ascii("donâ€™t stop, cafÃ©"))
    assert not _textfast._may_match_badness(_textfast.non_ascii("don’t stop – café"))
    assert _textfast.fix_text("donâ€™t stop\nplain line") == ("don’t stop\nplain line", False)


def test_a_line_shape_folds_digit_runs_as_the_pattern_does():
    for text in ("Page 12 of 40", "HIVE NOTES", "Chapter 3 – Swarms", "Page ٣ of ٤٠", "x² + 1",
                 "v1.2.10", "no digits here", "", "Üben 7", "12"):
        assert cleaning._shape(text) == cleaning._DIGITS.sub("#", text.lower()), text
