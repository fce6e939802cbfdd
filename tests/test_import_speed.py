"""The importer's cheap pre-checks (speed) find what the slow searches they guard find."""

from __future__ import annotations

from build_course.importer.passes_pdf import _dot_leader
from build_course.importer.passes_worksheet import _form_fields
from build_course.importer.shapes import looks_like_heading


def test_a_form_field_with_the_shortest_blank_is_found():
    for line in ("Name: ___", "Date: ...", "Class: ……… Period: ___", "Student name: ________"):
        assert _form_fields(line), line
    for line in ("Name: Ada", "The date was set __ by the board", "Score: 12"):
        assert not _form_fields(line), line


def test_contents_leaders_are_found_whatever_ends_them():
    for line in ("2.1 Scope ....... 4", "Glossary . . . . . 17", "Index ..........",
                 "Preface …… 3", "Safety ....  "):
        assert _dot_leader(line), line
    for line in ("It ended... and then", "Scope of the work", "Wait.... what?"):
        assert not _dot_leader(line), line


def test_heading_shapes():
    assert looks_like_heading("Planting Tomatoes in Spring")
    assert looks_like_heading("Case 2: The customer is angry")
    assert not looks_like_heading("12 March 2024")  # more digits than letters
    assert not looks_like_heading("A")  # a stray letter
    assert not looks_like_heading("The bees fly out when the sun rises over the hill.")


def test_columns_are_found_only_where_runs_of_spaces_stand_inside_lines():
    from build_course.importer.pdf_columns import column_starts

    left = ["Bees visit the clover", "before the sun is high", "and carry the pollen",
            "back to the hive where", "the workers store it", "in the wax cells of"]
    right = ["Hives are opened in", "spring to look for the", "queen and her brood,",
             "and the frames are", "turned to the light", "one after another."]
    rows = [f"{a:<30}{b}" for a, b in zip(left, right)]
    assert column_starts(rows) == [0, 30]
    assert column_starts(["   " + a for a in left]) == [0]  # an indent is no column


def test_a_leader_of_exactly_four_dots_is_found_and_three_are_not():
    assert _dot_leader("Notes .... 9")
    assert _dot_leader("Notes . . . .")
    assert not _dot_leader("Notes ... 9")
    assert not _dot_leader("See p. 4. Then p. 5.")


def test_answer_space_is_found_whatever_it_starts_with():
    from build_course.importer.passes_worksheet import _fill_in

    for line in ("_____", "..........", "……………", "— — _ _ _", "\u2003_______", "- - - _ _"):
        assert _fill_in(line), line
    for line in ("____", "— — — — —", "Name: ____", "a) ______", "Fill in the blanks ....."):
        assert not _fill_in(line), line


def test_line_keys_are_each_lines_words_without_a_leading_number():
    import re

    from build_course.importer.importing import line_keys

    lines = ["  12  Planting   the bulbs. ", "7", " 7 ", "3 4 five", "", "   ", "--- 2 ---",
             "Café: the  menu’s first page", "Σ is a sum, 12 ways", "x_y and z", " 5. Soil",
             "12 ", "\t9 apples\t", "end"]
    expected = [re.sub(r"^\d+ ", "", " ".join(re.sub(r"[\W_]+", " ", line.lower()).split()))
                for line in lines]
    assert line_keys("\n".join(lines)) == expected
    assert line_keys("\n".join(lines[:7])) == expected[:7]  # ASCII only
