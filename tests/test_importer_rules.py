"""Single cleaning passes and segmenting rules, each called alone on a small
text written for the test (several topics: gardening, bookkeeping, first aid)."""

from __future__ import annotations

from build_course.diagnostics import Report, Severity
from build_course.importer import cleaning, segmenting
from build_course.importer.families import PDF, PLAIN, detect_family
from build_course.model import Dialogue, Heading, Line, ListBlock, Paragraph, Quote


def _raw(text: str) -> list[cleaning.RawLine]:
    return cleaning.raw_lines(text)


def _kept(raw: list[cleaning.RawLine]) -> list[str]:
    return [r.text for r in raw if r.keep]


def _lines(*texts: str, bullet: str = "") -> list[Line]:
    return [Line(text, n, bullet=bullet) for n, text in enumerate(texts, start=1)]


# ---- cleaning passes --------------------------------------------------------

def test_drop_page_numbers_drops_lone_numbers_and_reports_each():
    raw = _raw("Pruning roses in spring\n12\nPage 3 of 10\n- 4 -\nxii\n"
               "Cut above an outward-facing bud.\n")
    report = Report("roses.txt")
    cleaning.drop_page_numbers(raw, report)
    assert _kept(raw) == ["Pruning roses in spring", "Cut above an outward-facing bud."]
    assert [d.line for d in report.items] == [2, 3, 4, 5]
    assert {d.severity for d in report.items} == {Severity.NOTE}


def test_drop_page_numbers_keeps_a_number_inside_a_sentence():
    raw = _raw("Water the beds 3 times a week.\n2024 was a dry year.\n")
    cleaning.drop_page_numbers(raw, Report("x"))
    assert _kept(raw) == ["Water the beds 3 times a week.", "2024 was a dry year."]


def test_mark_page_starts_takes_the_page_space_off_the_first_line():
    raw = _raw("Ledgers record every sale and every purchase made\n"
               " Journal entries come first, then the ledger.\n")
    cleaning.mark_page_starts(raw, Report("x"))
    second = raw[1]
    assert (second.page_start, second.indent, second.text) == (
        True, 0, "Journal entries come first, then the ledger.")
    assert not raw[0].page_start


def test_mark_page_starts_reads_a_form_feed_as_a_new_page():
    raw = _raw("End of the first page of the ledger chapter.\n\fTrial balances\n")
    cleaning.mark_page_starts(raw, Report("x"))
    assert raw[1].page_start and raw[1].text == "Trial balances"


def test_drop_running_headers_drops_short_lines_repeated_at_page_edges():
    steps = ["Check the scene is safe before you approach the person",
             "Call for help when you can and stay with them",
             "Do not move them unless they are in danger where they lie",
             "Keep them warm and talk to them calmly until help comes"]
    raw = _raw("".join(f"\fFIRST AID MANUAL {n}\n{step}\nand write down what happened.\n"
                       if n % 2 else f"\fFIRST AID MANUAL {n}\n{step}\n"
                       for n, step in enumerate(steps, start=1)))
    cleaning.mark_page_starts(raw, Report("x"))
    report = Report("x")
    cleaning.drop_running_headers(raw, report)
    assert not any(t.startswith("FIRST AID MANUAL") for t in _kept(raw))
    assert len(report.items) == 4


def test_drop_running_headers_keeps_a_line_that_repeats_away_from_page_edges():
    body = "\n".join(["Press firmly on the wound."] + [f"Line {n} of the long page text here."
                                                      for n in range(12)])
    raw = _raw("\f" + body + "\n" + body + "\n" + body)
    cleaning.mark_page_starts(raw, Report("x"))
    cleaning.drop_running_headers(raw, Report("x"))
    assert _kept(raw).count("Press firmly on the wound.") == 2  # the one at the page top goes


def test_find_chapter_markers_starts_a_chapter_at_the_marker_page():
    text = ("\fSoil basics\nSoil holds water and air for the roots of plants and trees.\n"
            "Garden Guide ─ Soil Basics\n"
            "\fCompost\nCompost feeds the soil with what the garden throws away each week.\n"
            "Garden Guide ─ Compost\n")
    raw = _raw(text)
    cleaning.mark_page_starts(raw, Report("x"))
    report = Report("x")
    cleaning.find_chapter_markers(raw, report)
    assert [r.chapter for r in raw if r.chapter] == ["Soil Basics", "Compost"]
    assert not any("Garden Guide" in t for t in _kept(raw))


def test_drop_share_buttons_only_at_the_top():
    raw = _raw("Facebook | Twitter | Email\nHow to balance a cash book\n" + "x\n" * 6
               + "Facebook Twitter\n")
    cleaning.drop_share_buttons(raw, Report("x"))
    assert _kept(raw)[0] == "How to balance a cash book"
    assert _kept(raw)[-1] == "Facebook Twitter"


# ---- families ---------------------------------------------------------------

def test_hard_wrapped_text_is_read_as_a_pdf_extraction_with_its_evidence():
    sentence = ("A ledger is a book in which a business records the money that it receives "
                "and the money that it spends over the course of a year of trading. ")
    words = (sentence * 6).split()
    wrapped = "\n".join(" ".join(words[i:i + 9]) for i in range(0, len(words), 9))
    found = detect_family(_raw(wrapped))
    assert found.family is PDF
    assert "stop mid-sentence" in found.evidence[0]


def test_one_line_per_paragraph_is_plain():
    text = "\n\n".join(["Compost needs green and brown material in equal parts."] * 10)
    assert detect_family(_raw(text)).family is PLAIN


# ---- segmenting rules -------------------------------------------------------

def test_list_block_nests_by_indent_and_keeps_numbers():
    lines = [Line("Prepare the bed", 1, 0, "1", 1), Line("Dig it over", 2, 4, "•"),
             Line("Rake it level", 3, 4, "•"), Line("Sow the seed", 4, 0, "1", 2)]
    block, end = segmenting.list_block(lines, 0)
    assert end == 4 and block.ordered
    assert [(i.text, i.number, [c.text for c in i.children]) for i in block.items] == [
        ("Prepare the bed", 1, ["Dig it over", "Rake it level"]), ("Sow the seed", 2, [])]


def test_list_block_ends_where_numbering_restarts():
    lines = [Line("Debit", 1, 0, "1", 1), Line("Credit", 2, 0, "1", 2),
             Line("A", 3, 0, "1", 1)]
    block, end = segmenting.list_block(lines, 0)
    assert end == 2 and len(block.items) == 2


def test_list_block_needs_a_marker():
    assert segmenting.list_block(_lines("Keep the wound clean."), 0) is None


def test_dialogue_needs_two_speakers():
    lines = _lines("Nurse: Where does it hurt?", "Patient: My left ankle.")
    block, end = segmenting.dialogue(lines, 0)
    assert isinstance(block, Dialogue) and end == 2
    assert [t.speaker for t in block.turns] == ["Nurse", "Patient"]
    assert segmenting.dialogue(_lines("Nurse: Where does it hurt?", "Nurse: Here?"), 0) is None


def test_dialogue_is_not_made_of_labels():
    assert segmenting.dialogue(_lines("Note: wear gloves.", "Tip: wash hands."), 0) is None


def test_quote_with_attribution():
    [line] = _lines("“The soil is the great connector of lives.” – Wendell Berry, Writer")
    block, _ = segmenting.quote([line], 0)
    assert isinstance(block, Quote) and block.attribution == "Wendell Berry, Writer"


def test_term_list_needs_two_terms():
    lines = _lines("Asset – something the business owns", "Liability – something it owes")
    block, end = segmenting.term_list(lines, 0)
    assert isinstance(block, ListBlock) and block.role == "terms" and end == 2
    assert [i.term for i in block.items] == ["Asset", "Liability"]
    assert segmenting.term_list(lines[:1], 0) is None


def test_heading_is_short_title_case_and_not_last():
    lines = _lines("Treating Minor Burns", "Cool the burn under running water.")
    block, _ = segmenting.heading(lines, 0)
    assert isinstance(block, Heading) and block.text == "Treating Minor Burns"
    assert segmenting.heading(lines, 1) is None  # a sentence
    assert segmenting.heading(_lines("Text.", "Treating Minor Burns"), 1) is None  # the end


def test_heading_with_a_colon_and_its_role():
    lines = _lines("Review Questions:", "1. What is compost?")
    block, _ = segmenting.heading(lines, 0)
    assert (block.text, block.role) == ("Review Questions", "exercise")


def test_paragraph_takes_anything():
    block, end = segmenting.paragraph(_lines("the rest of a sentence, lower case"), 0)
    assert isinstance(block, Paragraph) and end == 1
