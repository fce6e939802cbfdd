"""The PDF family: single cleaning passes on small texts, and whole imports.

Every text here is written for these tests, in several topics (a boat
manual, a bakery handbook, a chemistry unit, a first-aid guide...).
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from build_course.diagnostics import Report
from build_course.importer import cleaning as c
from build_course.importer import passes_pdf as pdf
from build_course.importer.families import PDF, detect_family
from build_course.importer.importing import import_text
from build_course.model import Heading, ListBlock, Paragraph, SourceText
from tests.test_properties import SETTINGS, import_and_render


def _raw(text: str) -> list[c.RawLine]:
    return c.raw_lines(text)


def _kept(raw: list[c.RawLine]) -> list[str]:
    return [r.text for r in raw if r.keep]


def _part(text: str):
    return import_text(SourceText(Path("t.txt"), text, "utf-8"), "t.txt")


def _blocks(text: str):
    return [b for lesson in _part(text).lessons for b in lesson.blocks]


# ---- pages and their furniture ---------------------------------------------

BOAT_TOPICS = ("rig the sail", "steer with the tiller", "tie a bowline", "read the wind",
               "come about safely")


def _boat_pages(footer: str = "Internal use only") -> str:
    pages = []
    for n, topic in enumerate(BOAT_TOPICS, start=1):
        pages.append(
            f"SAILING BASICS\nHandling the Dinghy\n\nThis page tells how to {topic} and "
            f"what to watch for when\nthe wind comes round; keep your head low.\n"
            "Practise it on calm water first, with\nsomeone experienced in the boat.\n\n"
            f"{footer}\n{n + 10}\n")
    return "\f".join(pages)


def test_form_feeds_start_pages_and_make_the_text_a_pdf():
    raw = _raw("One page of text.\n\fAnother page.\n\n\fA third page.\n")
    assert [r.page_start for r in raw] == [False, True, True]
    assert all(r.form_feed for r in raw[1:])
    assert "form feeds" in detect_family(raw).evidence[0]
    assert detect_family(raw).family is PDF


def test_running_headers_and_footers_go_by_repetition_at_page_edges():
    raw = _raw(_boat_pages())
    report = Report("t")
    pdf.drop_page_numbers(raw, report)
    pdf.drop_page_furniture(raw, report)
    kept = _kept(raw)
    assert not any(t in kept for t in ("SAILING BASICS", "Handling the Dinghy",
                                       "Internal use only", "11", "15"))
    assert sum(t.startswith("This page tells") for t in kept) == 5


def test_title_comes_from_the_header_nearest_the_body_never_from_a_footer():
    part = _part(_boat_pages())
    assert [lesson.title for lesson in part.lessons] == ["Handling the Dinghy"]
    assert "Internal use only" not in str(part.lessons[0].blocks)


def test_a_header_set_out_in_columns_names_the_text_by_its_title_column():
    """``pdftotext -layout`` keeps a header's columns apart: the title on the
    left, an edition or date on the right. The title column names the text,
    not the first numbered section."""
    pages = []
    for n, topic in enumerate(("Mixing Mortar", "Laying Bricks", "Pointing Joints"), start=1):
        pages.append(f"Garden Wall Building Guide                      Edition 2, 2024\n\n"
                     f"{n}. {topic}\n\nWet the bricks before you {topic.lower()} so "
                     "that they do not\ndraw the water out of the mortar too fast.\n\n"
                     f"Page {n}\n")
    part = _part("\f".join(pages))
    assert [lesson.title for lesson in part.lessons] == ["Garden Wall Building Guide"]
    assert not any("Edition" in str(b) for b in _blocks("\f".join(pages)))


def test_a_header_beside_numbered_footers_goes_without_page_breaks():
    """pypdf joins pages without a form feed: the footer that carries the page
    number tells where a page ends, and the title repeated right after it on
    each next page is the running header, not a section heading."""
    pages = []
    topics = ("Choosing Rope", "Tying the Knot", "Testing the Load", "Storing the Rope")
    for n, topic in enumerate(topics, start=1):
        pages.append(f"Climbing Wall Rope Handbook\n{n}. {topic}\nCheck the rope before you "
                     f"start on {topic.lower()} and\nlook for wear along the whole length of "
                     "it, from one end\nto the other, with the rope running through your "
                     f"hands.\nFor staff training only Page {n}")
    part = _part("\n".join(pages))
    headings = [b.text for b in _blocks("\n".join(pages)) if isinstance(b, Heading)]
    assert [lesson.title for lesson in part.lessons] == ["Climbing Wall Rope Handbook"]
    assert headings == [f"{n}. {topic}" for n, topic in enumerate(topics, start=1)]


def test_letter_spaced_footers_with_varying_page_numbers_are_one_footer():
    pages = [f"Proofing dough takes time and a warm corner of the kitchen, page {n}.\n\n"
             f"B AKERY H ANDBOOK {n}\n" for n in range(3, 8)]
    raw = _raw("\f".join(pages))
    pdf.drop_page_furniture(raw, Report("t"))
    assert not any("H ANDBOOK" in t for t in _kept(raw))
    assert pdf.unspace("B AKERY H ANDBOOK") == "BAKERY HANDBOOK"


def test_a_lone_number_inside_a_page_is_content():
    page = "How many eggs go into one loaf?\n\nTop of the list\n4\nBottom of the list\n"
    pages = "\f".join([f"Header\n{page}filler line one\nfiller line two\nfiller three\n"
                       f"filler four\n{n}\n" for n in range(1, 5)])
    raw = _raw(pages)
    pdf.drop_page_numbers(raw, Report("t"))
    assert _kept(raw).count("4") == 4  # the answer stays on every page
    assert "1" not in _kept(raw) and "3" not in _kept(raw)


def test_headers_glued_to_page_numbers_go_without_page_breaks():
    text = ("Titration Basics\nA burette delivers acid drop by drop into the flask below.\n"
            "2 Unit 4. Acids and Bases\nThe indicator turns pink at the end point.\n"
            "4.2. Strong Acids\nStrong acids give up every proton in water.\n"
            "4 Unit 4. Acids and Bases\nWeak acids hold on to some of them.\n"
            "4.2. Strong Acids 5\nA table of constants helps here.\n"
            "6 Unit 4. Acids and Bases\nBuffers resist a change in pH.\n")
    raw = _raw(text)
    pdf.drop_numbered_headers(raw, Report("t"))
    kept = _kept(raw)
    assert not any("Unit 4." in t for t in kept)
    assert "4.2. Strong Acids 5" not in kept and "4.2. Strong Acids" in kept
    assert raw[0].chapter == "Acids and Bases"  # the label "Unit 4." is not the title


def test_dot_leader_contents_and_its_heading_go():
    text = ("Contents\n1 Knots ........ 3\n2 Sails ........ 7\n3 Tides …… 12\n\n"
            "1 Knots\nA reef knot joins two ropes of the same size.\n")
    raw = _raw(text)
    pdf.drop_contents_leaders(raw, Report("t"))
    assert _kept(raw) == ["1 Knots", "A reef knot joins two ropes of the same size."]


def test_leaders_of_ellipses_and_dots_mixed_are_contents_but_blanks_to_fill_are_not():
    text = ("I. FIRST STEPS……………………………………. 3\nA. Lighting a Stove………………… .. 4\n"
            "B. Boiling Water…………………………………………………………. 6\n\n"
            "Fill in the blanks:\ni) A stove burns best at……………………\n"
            "ii) ……………..is lit with a match.\niii) Water boils faster with a…………\n")
    raw = _raw(text)
    pdf.drop_contents_leaders(raw, Report("t"))
    assert _kept(raw) == ["Fill in the blanks:", "i) A stove burns best at……………………",
                          "ii) ……………..is lit with a match.",
                          "iii) Water boils faster with a…………"]


# ---- glyphs ------------------------------------------------------------------

def test_a_glyph_alone_on_its_line_bullets_the_next_line():
    raw = _raw("Pack these:\n\uf0a7\n\nA torch\n\n\uf0a7\n\nA whistle\n")
    pdf.mend_bullet_glyphs(raw, Report("t"))
    assert _kept(raw) == ["Pack these:", "• A torch", "• A whistle"]


def test_control_character_and_wingdings_letter_bullets_become_bullets():
    raw = _raw("\x84\x84 Wash your hands\nq Boil the water\nq Cool it\nq Pour it\n"
               "Rinse\x07 the cup\n")
    pdf.mend_bullet_glyphs(raw, Report("t"))
    assert _kept(raw) == ["• Wash your hands", "• Boil the water", "• Cool it", "• Pour it",
                          "Rinse the cup"]


# ---- numbers -------------------------------------------------------------------

def test_a_section_number_split_from_its_title_joins_it_as_a_heading():
    raw = _raw("3.4\n\nCOOLING THE REACTOR\n\nWater flows through the jacket around it.\n")
    pdf.join_split_numbers(raw, Report("t"))
    kept = [r for r in raw if r.keep]
    assert kept[0].text == "3.4 COOLING THE REACTOR" and kept[0].kind == "heading"


def test_a_run_of_labels_takes_the_texts_after_it_in_order():
    raw = _raw("1)\n2)\n\nWhat is a mole?\n\nWhat is a molar mass?\n\nMore text.\n")
    pdf.join_split_numbers(raw, Report("t"))
    assert _kept(raw) == ["1) What is a mole?", "2) What is a molar mass?", "More text."]


def test_numbered_section_headings_keep_their_numbers_and_are_not_list_items():
    text = ("First Aid at Work\n\n"
            "4. Burns and Scalds\n"
            "Cool the burn under running water for twenty minutes and do not use ice or butter.\n\f"
            "5. Emergency Procedures\n"
            "Call the emergency number first, then send someone to meet the ambulance outside.\n\f"
            "5.1 Calling for Help\n"
            "Give your address, the number of people hurt and what happened to each of them.\n")
    blocks = _blocks(text)
    headings = [b.text for b in blocks if isinstance(b, Heading)]
    assert headings == ["4. Burns and Scalds", "5. Emergency Procedures", "5.1 Calling for Help"]
    assert not any(isinstance(b, ListBlock) for b in blocks)


def test_a_numbered_list_stays_a_list():
    text = ("Steps for the Dough\n\n1. Mix the flour and water.\n2. Knead It Well\n"
            "3. Leave it to rise for an hour in a warm place.\n\n"
            "When it has doubled, shape it and bake it in a hot oven for forty minutes.\n")
    blocks = _blocks(text)
    lists = [b for b in blocks if isinstance(b, ListBlock)]
    assert len(lists) == 1 and len(lists[0].items) == 3


# ---- joining -------------------------------------------------------------------

def test_a_hyphen_that_broke_a_word_goes_and_one_that_joins_two_stays():
    text = ("In summer heat-related illness is common and many workers suffer from it in the "
            "fields.\n\fThe body cools itself by sweating, and the environ-\nment makes this "
            "harder when the air is humid and still in the after-\nnoon; heat-\nrelated "
            "illness then follows, and some workers need help from their co-workers.\n\f"
            "In the afternoon the air is at its hottest and the related risks grow quickly.\n")
    part = _part(text)
    assert part.family == "pdf"
    paragraph = " ".join(b.text for b in part.lessons[0].blocks if isinstance(b, Paragraph))
    assert "environment makes" in paragraph
    assert "heat-related illness then" in paragraph
    assert "after-noon" not in paragraph and "afternoon" in paragraph


# ---- do no harm: lines that start with a space ------------------------------------

def test_prose_whose_lines_all_start_with_a_space_stays_prose():
    text = "".join(
        f" The harbour master keeps a log of every boat that enters the {topic} basin and\n"
        f" the time it leaves again, so that the tide tables can be checked against it later.\n\n"
        for topic in ("north", "south", "east")).replace("\n\n", "\n\n\f", 2)
    blocks = _blocks(text)
    assert not any(isinstance(b, (ListBlock, Heading)) for b in blocks)
    said = " ".join(b.text for b in blocks if isinstance(b, Paragraph))
    assert all(f"the {topic} basin and the time" in said for topic in ("north", "south", "east"))


WORDS = ("river boat harbour tide anchor rope sail crew deck engine fuel weather chart "
         "compass current wind storm mooring channel buoy lighthouse signal course speed").split()
sentence = st.lists(st.sampled_from(WORDS), min_size=8, max_size=16).map(
    lambda ws: " ".join([ws[0].capitalize(), *ws[1:]]) + ".")


@st.composite
def prose_text(draw) -> tuple[str, int]:
    """Paragraphs of sentences, hard-wrapped at one width with no short lines,
    every line starting with the same spaces (as some extractors leave them)."""
    width = draw(st.integers(60, 90))
    indent = " " * draw(st.integers(0, 4))
    paragraphs = []
    for _ in range(draw(st.integers(1, 5))):
        words = " ".join(draw(st.lists(sentence, min_size=3, max_size=6))).split()
        lines, line = [], ""
        for w in words:
            if line and len(line) + 1 + len(w) > width:
                lines.append(line)
                line = w
            else:
                line = f"{line} {w}" if line else w
        if len(line) < width * 0.6 and lines:  # no short lines: the tail joins the last
            lines[-1] += " " + line
        else:
            lines.append(line)
        paragraphs.append("\n".join(indent + ln for ln in lines))
    gap = draw(st.sampled_from(["\n\n", "\n\n\n", "\n\f"]))
    return gap.join(paragraphs) + "\n", len(paragraphs)


@SETTINGS
@given(prose_text())
def test_prose_paragraphs_never_become_list_items_or_headings(case):
    text, _ = case
    done = import_and_render(text)
    assert done is not None
    for lesson in done[0].lessons:
        for block in lesson.blocks:
            assert not isinstance(block, (ListBlock, Heading)), (block, text)


# ---- columns (pdftotext -layout) ------------------------------------------------

LEFT = ["Bread needs four things:", "flour, water, salt and", "yeast. Mix them well and",
        "knead the dough for ten", "minutes on a floured", "board until it is smooth."]
RIGHT = ["Proving takes an hour in", "a warm corner. The dough", "should double in size",
         "before you shape it and", "put it in the hot oven", "for forty minutes."]


def _two_columns() -> str:
    rows = [f"  {a:<36}{b}" for a, b in zip(LEFT, RIGHT)]
    page = "Baking at Home\n\n" + "\n".join(rows) + "\n\n\n        Village Bakery Handbook\n"
    return page + "\f" + page.replace("Baking at Home", "Baking at Home Again")


def test_columns_printed_side_by_side_are_read_one_after_the_other():
    from build_course.importer.pdf_columns import read_columns
    raw = read_columns(_two_columns())
    texts = [r.text for r in raw]
    page = ["Baking at Home", *LEFT, *RIGHT, "Village Bakery Handbook"]
    assert texts[:len(page)] == page
    assert raw[1].line == 3 and raw[1 + len(LEFT)].line == 3  # each piece keeps its line
    assert raw[len(page)].page_start and raw[len(page)].form_feed


def test_a_single_column_with_spaced_labels_is_not_split():
    from build_course.importer.pdf_columns import read_columns
    text = "".join(f"{n})     The Harbour Act of 19{n}{n} and what it asks of owners\n"
                   for n in range(1, 9))
    assert read_columns(text + "\f" + text) is None


def test_a_title_wrapped_after_a_small_word_is_one_heading():
    text = ("Keeping Bees in a Garden or\non a Flat Roof\n\n"
            + "The hive needs shelter from the wind and a clear flight path, so place it where "
              "the bees\nfly up and over the fence rather than across the path of people.\n" * 5
            + "\f" + "More text follows on the next page about feeding the bees in winter.\n"
            + "\f" + "And a last page about the honey harvest in the late summer months.\n")
    part = _part(text)
    assert part.lessons[0].title == "Keeping Bees in a Garden or on a Flat Roof"


def test_doubled_c1_bullets_read_as_windows_quotes_are_bullets():
    raw = _raw("„„ Drink water often\n„„ Rest in the shade\n„Wort“ bleibt ein Zitat\n")
    pdf.mend_bullet_glyphs(raw, Report("t"))
    assert _kept(raw) == ["• Drink water often", "• Rest in the shade", "„Wort“ bleibt ein Zitat"]


# ---- figures and repeated headings ----------------------------------------------

def test_a_run_of_short_labels_after_the_text_has_begun_is_a_figure():
    text = ("The diagram below shows the parts of a bicycle that you should check before a "
            "long ride.\n\nSaddle\n\nHandlebar\nFront Brake\nChain\n(rear)\n\n"
            "Figure 2.1 The Bicycle\n"
            "Check the tyres first: they should be hard when you squeeze them.\n"
            "Steps:\n1)\n2)\n3) Oil\n• Chain\n• Brakes\n□ Bell\n42\n")
    raw = _raw(text)
    pdf.drop_figure_labels(raw, Report("t"))
    kept = _kept(raw)
    assert not any(t in kept for t in ("Saddle", "Handlebar", "Front Brake", "Chain", "(rear)"))
    assert kept[-8:] == ["Steps:", "1)", "2)", "3) Oil", "• Chain", "• Brakes", "□ Bell", "42"]


def test_short_lines_without_a_figures_evidence_are_a_list_that_stays():
    text = ("Before a long ride, pack a few things in the bag under the saddle of the bike.\n"
            "Pump\nSpare Tube\nTyre Levers\nRain Cape\n"
            "Then check the brakes and the lights before you leave the house.\n")
    raw = _raw(text)
    pdf.drop_figure_labels(raw, Report("t"))
    assert "Spare Tube" in _kept(raw) and "Rain Cape" in _kept(raw)


def test_labels_before_the_text_begins_are_a_title_page():
    raw = _raw("Module 3\nRadio Use\nParticipant Manual\nMay 2012\n\n"
               "This module shows how to use a hand-held radio during an emergency.\n")
    pdf.drop_figure_labels(raw, Report("t"))
    assert _kept(raw)[:2] == ["Module 3", "Radio Use"]


def test_a_continued_heading_repeats_the_one_before():
    raw = _raw("KNOTS\nA reef knot joins two ropes.\nKNOTS (CONTINUED)\nA bowline makes a loop.\n"
               "SAILS (continued)\n")
    pdf.drop_continued_headings(raw, Report("t"))
    assert _kept(raw) == ["KNOTS", "A reef knot joins two ropes.", "A bowline makes a loop.",
                          "SAILS (continued)"]


def test_a_section_number_printed_inside_a_list_goes_to_the_next_title():
    raw = _raw("4.2 TIDES\nSay whether each is true:\ni)\nThe moon pulls the sea.\n4.3\n\nii)\n\n"
               "Tides come twice a day.\n\nSUMMING UP\n\nTides follow the moon.\n")
    report = Report("t")
    pdf.join_split_numbers(raw, report)
    kept = [r for r in raw if r.keep]
    assert [r.text for r in kept] == ["4.2 TIDES", "Say whether each is true:",
                                      "i) The moon pulls the sea.", "ii) Tides come twice a day.",
                                      "4.3 SUMMING UP", "Tides follow the moon."]
    assert kept[4].kind == "heading"
    assert any("moved the section number '4.3'" in d.message for d in report.items)


def test_a_stray_section_number_that_does_not_follow_stays_where_it_is():
    raw = _raw("4.2 TIDES\ni)\nThe moon pulls the sea.\n7.1\n\nii)\n\nTides come twice a day.\n\n"
               "SUMMING UP\n")
    pdf.join_split_numbers(raw, Report("t"))
    assert "SUMMING UP" in _kept(raw)


def test_a_caption_is_text_and_a_continuation_mark_joins_a_listing_line():
    raw = _raw("Figure 3.1 : The Water Cycle\nerror CS0117: 'Console' has no\n↪\n"
               "definition for 'WiteLine'\n")
    pdf.mark_captions(raw, Report("t"))
    pdf.join_continuation_marks(raw, Report("t"))
    assert raw[0].kind == "text"
    assert _kept(raw)[1] == "error CS0117: 'Console' has no definition for 'WiteLine'"


def test_a_paragraph_with_a_word_broken_at_a_wrap_is_not_a_title():
    text = ("Keeping Bees\n\nThe British Beekeepers Asso-\nciation for Town and Country\n"
            "(BBKA) runs courses for new keepers in spring and in autumn every year.\n"
            + "The hive needs shelter from the wind and a clear flight path, so place it where "
              "the bees\nfly up and over the fence rather than across the path of people.\n" * 5
            + "\fMore text follows on the next page about feeding the bees in winter.\n"
            + "\fAnd a last page about the honey harvest in the late summer months.\n")
    blocks = _part(text).lessons[0].blocks
    assert not any(isinstance(b, Heading) for b in blocks)
    assert any(b.text.startswith("The British Beekeepers Association for Town and Country (BBKA)")
               for b in blocks if isinstance(b, Paragraph))


# ---- converter wrappers, watermarks, drop caps ------------------------------------

def test_a_converters_page_markers_are_page_breaks():
    text = "".join(f"--- Page {n} ---\nThe canal lock raises boats from one level to the next "
                   f"one, step {n}.\n" for n in range(1, 4))
    raw = _raw(text)
    assert "page markers" in detect_family(raw).evidence[-1]
    pdf.mark_page_markers(raw, Report("t"))
    kept = [r for r in raw if r.keep]
    assert [r.text[:9] for r in kept] == ["The canal"] * 3
    assert all(r.page_start and r.form_feed for r in kept)


def test_a_watermark_on_most_pages_goes_wherever_it_stands():
    pages = [(f"Mixing concrete needs sand, gravel and cement in the right measure {n}.\n"
              f"DRAFT\nAdd water slowly and stir until it is smooth, then pour it {n}.\n")
             + "CEMENT\n" * (n == 1) for n in range(4)]
    raw = _raw("\f".join(pages))
    pdf.drop_watermarks(raw, Report("t"))
    assert "DRAFT" not in _kept(raw) and "CEMENT" in _kept(raw)


def test_a_drop_cap_joins_its_word_when_the_text_uses_that_word():
    raw = _raw("T\nhe river rises in the hills and runs to the sea.\n\n"
               "W HEN it floods, when the rain is heavy, the fields are under water.\n\n"
               "C programs are compiled before they are run.\n")
    pdf.join_drop_caps(raw, Report("t"))
    assert _kept(raw) == ["The river rises in the hills and runs to the sea.",
                          "WHEN it floods, when the rain is heavy, the fields are under water.",
                          "C programs are compiled before they are run."]


def test_blank_lines_part_paragraphs_unless_every_line_has_one():
    body = ("Who keeps the key to the boat house when the club is closed for\nthe winter?\n\n"
            "Where are the oars stored?\n\n"
            "The captain answers both questions at the first meeting of the\nyear, in spring.\n")
    text = body + "".join(f"\fPage {word} is about the sails, the ropes and the mast, which the "
                          f"crew check\nbefore they leave the harbour in the {word} morning.\n"
                          for word in ("two", "three"))
    paragraphs = [b.text for b in _blocks(text) if isinstance(b, Paragraph)]
    assert paragraphs[:3] == [
        "Who keeps the key to the boat house when the club is closed for the winter?",
        "Where are the oars stored?",
        "The captain answers both questions at the first meeting of the year, in spring."]


def test_an_exercise_box_with_its_purpose_is_not_a_dialogue():
    text = ("Radio Practice\n\nPractical Exercise: Calling the Base\n"
            "Purpose: This exercise lets you practise a call to the base before the real one.\n"
            "Instructions:\n"
            "1. Turn the radio on and pick the channel that your team uses.\n"
            "2. Call the base and wait for the answer before you speak again.\n")
    blocks = _blocks(text)
    assert not any(type(b).__name__ == "Dialogue" for b in blocks)


def test_a_quiz_handout_keeps_its_numbered_stems_and_options_at_page_edges():
    pages = []
    for n in range(1, 6):
        pages.append(f"{n}. What will be printed by the following loop?\nfor i in range({n}):\n"
                     f"    print(i)\n□ 0 1\n⊠ 0 1 2\n□ 1 2\n□ Nothing\n\n{n}\n")
    raw = _raw("\f".join(pages))
    report = Report("t")
    pdf.drop_page_numbers(raw, report)
    pdf.drop_page_furniture(raw, report)
    kept = _kept(raw)
    assert sum(t.endswith("What will be printed by the following loop?") for t in kept) == 5
    assert kept.count("□ Nothing") == 5 and kept.count("□ 1 2") == 5


def test_list_labels_are_never_taken_for_running_headers():
    text = "".join(f" Chapter page {n} starts here with a line about knots and ropes and more.\n"
                   f"i)\nTie a reef knot {n}.\nii)\nTie a bowline {n}.\n3)\nCoil the rope {n}.\n\n"
                   for n in range(1, 6))
    raw = _raw(text)
    pdf.mark_layout_pages(raw, Report("t"))
    pdf.drop_guessed_headers(raw, Report("t"))
    kept = _kept(raw)
    assert kept.count("i)") == 5 and kept.count("ii)") == 5 and kept.count("3)") == 5


def test_term_paragraphs_in_a_row_are_a_list_but_a_glossary_stays_paragraphs():
    text = ("The recipe card has three parts:\n"
            "flour: Plain white flour, sifted twice so that the bread rises well and\n"
            "evenly in the tin.\n"
            "water: Lukewarm, never hot, or the yeast dies before it can work.\n"
            "salt: A pinch, added last.\n\n"
            "Key Words\n"
            "yeast: A living thing that makes the dough rise.\n"
            "proving: Leaving the dough to rise in a warm place.\n"
            "crust: The hard outside of the loaf.\n")
    raw = _raw(text)
    pdf.mark_definition_lists(raw, Report("t"))
    kept = _kept(raw)
    assert [t[:8] for t in kept if t.startswith("• ")] == ["• flour:", "• water:", "• salt: "]
    assert "yeast: A living thing that makes the dough rise." in kept


def test_rows_of_key_value_cells_are_a_table_not_headings():
    raw = _raw("Flags\nA--Anchor B--Boat\nC--Crew\nD--Deck E--Engine\nF--Fog\nG\n")
    pdf.mark_table_rows(raw, Report("t"))
    assert [r.kind for r in raw] == ["", "text", "text", "text", "text", ""]


def test_a_soft_hyphen_at_a_wrap_glues_the_word_and_goes():
    text = ("The lock keeper opens the gates slowly and care\u00ad\nfully so that the water "
            "rises without a wave that could rock the boats.\n") * 4
    text += "\fA second page.\n\fA third.\n"
    first = _blocks(text)[0]
    assert "and carefully so that" in first.text and "\u00ad" not in first.text


def test_sections_numbered_without_a_dot_are_headings_when_they_run_in_order():
    para = ("The results of the survey are set out below, one table for each of the six "
            "harbours that were visited in the summer.\n")
    text = ("Harbour Survey\n\n1 Introduction\n" + para + "\n2 Method Used\n" + para
            + "\n3 Results\n" + para + "\f" + para + "\f" + para)
    headings = [b.text for b in _blocks(text) if isinstance(b, Heading)]
    assert headings == ["1 Introduction", "2 Method Used", "3 Results"]
    alone = "Harbour Survey\n\n" + para + "\n10 Downing Street\n" + para + "\f" + para + "\f" + para
    assert not any(isinstance(b, Heading) for b in _blocks(alone))


def test_odd_and_even_headers_the_one_on_the_cover_names_the_text():
    cover = "GARDEN POND HANDBOOK\n\nA guide for owners of small ponds in town gardens.\n\n1\n"
    topics = ["digging the hole", "laying the liner", "planting the edges", "adding the fish",
              "cleaning the filter", "keeping herons away"]
    pages = [cover] + [
        f"{'Garden Pond Handbook' if n % 2 else 'Water Gardening Series'}\n\n"
        f"This page is about {topic}, which takes a weekend if the weather\nholds and the "
        f"soil is not too hard to work with a spade.\n\nInternal use only\n{n}\n"
        for n, topic in enumerate(topics, start=2)]
    part = _part("\f".join(pages))
    assert [lesson.title for lesson in part.lessons] == ["Garden Pond Handbook"]


def test_a_converters_wrapper_lines_around_the_text_go():
    body = "".join(f"Line {n} of the ferry timetable notes, which run on for a while.\n"
                   for n in range(8))
    raw = _raw("==> ferry.pdf <==\n--- Begin of extracted text ---\n" + body
               + "The end of the text is near, says line nine.\n[End of extracted text]\n")
    pdf.drop_converter_wrappers(raw, Report("t"))
    kept = _kept(raw)
    assert kept[0].startswith("Line 0")
    assert kept[-1] == "The end of the text is near, says line nine."


# ---- lines that go on from the line above ----------------------------------

# a pypdf page: no blank lines, no form feeds, lines hard-wrapped mid-sentence
HARBOUR = ("Skippers who keep a log of each passage find it easier to plan the next one,\n"
           "because the notes tell them how long the crossing took against the tide and\n"
           "where the wind shifted; a log also helps the harbour master if a boat is late\n"
           "and someone has to work out where it may be. Keep it in pencil, since ink runs\n"
           "when the pages get wet, and write the times in the same clock as the tables.\n")

def test_a_title_shaped_line_that_ends_a_wrapped_sentence_joins_it():
    text = ("Harbour Skills\n1.1. Reading a Tide Table\n" + HARBOUR +
            "A harbour may only be entered at high water, so skippers read the table the\n"
            "port publishes each month, under the rules of the Small Craft (Coastal\n"
            "Waters) Act, 1998 and Pilotage Order\n"
            "Before leaving, check the times twice. The tool prints the words\n"
            "Good Morning!\n"
            "when the table has loaded; the same is true of the printed copy.\n"
            "1.2. Planning the Passage\n"
            "Start from the tide times and work back to the hour you must leave the berth.\n")
    blocks = _blocks(text)
    assert [b.text for b in blocks if isinstance(b, Heading)] == [
        "1.1. Reading a Tide Table", "1.2. Planning the Passage"]
    prose = " ".join(b.text for b in blocks if isinstance(b, Paragraph))
    assert "Small Craft (Coastal Waters) Act, 1998 and Pilotage Order" in prose
    assert "prints the words Good Morning!" in prose


def test_what_a_sentence_announces_with_a_colon_is_not_a_heading():
    text = ("Engine Care\n2.1. Starting the Engine\n" + HARBOUR +
            "Turn the key once and wait. When it starts, the panel shows a line like this:\n"
            "Engine Ready 2.4.0 (Diesel, Port Side)\n"
            "The first figure is the software version and may differ on older boats.\n"
            "2.2. Stopping the Engine\n"
            "Let it idle for a minute before you turn the key back, then close the fuel tap.\n")
    blocks = _blocks(text)
    assert [b.text for b in blocks if isinstance(b, Heading)] == [
        "2.1. Starting the Engine", "2.2. Stopping the Engine"]
    assert any(b.text == "Engine Ready 2.4.0 (Diesel, Port Side)" for b in blocks
               if isinstance(b, Paragraph))  # the version keeps its last digit


def test_a_heading_after_a_finished_sentence_stays_a_heading():
    text = ("Mooring Lines\n"
            "Bow and stern lines hold the boat against the pontoon in any wind that blows.\n"
            "Spring Lines\n"
            "Springs stop the boat from surging forward and back along the berth when the\n"
            "wake of a passing ship reaches it, and they take the strain off the cleats.\n"
            "Fenders\n"
            "Hang them at the widest part of the hull, level with the pontoon's edge.\n")
    raw = _raw(text)
    pdf.mark_numbered_headings(raw, Report("t"))
    assert [r.kind for r in raw] == [""] * 7


# ---- columns that do not line up -------------------------------------------

GARDEN_LEFT = ["Gardeners should do the following:", "",
               "• Water the beds early in the morning, before",
               "  the sun is high and the soil warms up.",
               "• Mulch around young plants to keep the",
               "  moisture in the ground for longer.",
               "• Check the leaves for pests every week."]
GARDEN_RIGHT_TOP = ["• Label each row when you sow it.",
                    "• Keep a note of what grew well.",
                    "",
                    "Further Reading",
                    "Allotment Society [2019]. Growing vegetables on a",
                    " small plot. Leeds: Allotment Society Press,",
                    " Second Edition, pages 12 to 40.",
                    "Green, A. [2021]. Compost for beginners.",
                    " Bristol, UK: Garden Books Ltd and the Soil",
                    " Association Trust, third printing."]


def _garden_page() -> str:
    """A two-column page whose right column starts higher than the left
    one (a photo stands above the left column), as ``-layout`` prints it."""
    rows = [" " * 48 + text if text else "" for text in GARDEN_RIGHT_TOP[:4]]
    for k, left in enumerate(GARDEN_LEFT):
        right = GARDEN_RIGHT_TOP[4 + k] if 4 + k < len(GARDEN_RIGHT_TOP) else ""
        rows.append(f"{left:<48}{right}".rstrip())
    return "\n".join(rows) + "\n"


def test_a_column_that_starts_higher_is_read_after_the_column_on_its_left():
    from build_course.importer.pdf_columns import read_columns
    page = _garden_page()
    raw = read_columns(page + "\f" + page)
    texts = [r.text for r in raw]
    left = [t for t in GARDEN_LEFT if t]
    assert texts[:len(left)] == [t.strip() for t in left]
    assert texts[len(left):len(left) + 2] == ["• Label each row when you sow it.",
                                             "• Keep a note of what grew well."]
    # a row that the left column fills is no blank line in the right one
    second = next(r for r in raw if r.text.startswith("small plot"))
    assert not second.blank_before and second.indent == 1  # a hanging indent, kept


def test_a_references_hanging_lines_are_not_headings():
    page = _garden_page()
    blocks = _blocks("Growing Food\n\n" + page + "\f" + page.replace("Gardeners", "Growers"))
    headings = [b.text for b in blocks if isinstance(b, Heading)]
    assert "Bristol, UK: Garden Books Ltd and the Soil" not in headings
    assert any(getattr(b, "text", "") == "Green, A. [2021]. Compost for beginners. Bristol, "
               "UK: Garden Books Ltd and the Soil Association Trust, third printing."
               for b in blocks)
    items = [i.text for b in blocks if isinstance(b, ListBlock) for i in b.items]
    assert items[:5] == ["Water the beds early in the morning, before the sun is high and the "
                         "soil warms up.", "Mulch around young plants to keep the moisture in "
                         "the ground for longer.", "Check the leaves for pests every week.",
                         "Label each row when you sow it.", "Keep a note of what grew well."]


def test_a_short_line_right_over_a_paragraph_is_not_a_figure_label():
    text = ("The back page of the leaflet shows where to write to us and how to reach the "
            "helpline at any hour.\n\fRiverside Garden Centre\n14 Mill Lane\nYork YO1 7AA\n"
            "Opening Hours Apply\n\nContact Us\nWrite to the address above or call the "
            "helpline during opening hours for advice.\n")
    raw = _raw(text)
    pdf.drop_figure_labels(raw, Report("t"))
    assert _kept(raw)[1] == "Contact Us"  # the mailing panel above it went


# ---- exercise headings misspelt ------------------------------------------------

def test_an_exercise_heading_one_letter_off_is_still_an_exercise_with_a_note():
    from build_course.importer.segmenting import heading_role, misspelt_cue
    assert heading_role("5.9 REVIEW QUESTlONS") == "exercise"  # a misread glyph
    assert heading_role("Check Your Progres") == "exercise"  # a letter left out
    assert misspelt_cue("4.2 Review Questions") == ""  # spelt right: no doubt to note
    assert heading_role("Preview Sessions") == "" and heading_role("Revision Notes") == ""
    text = ("UNIT 5 SOIL AND WATER\n\n5.1 SOIL TYPES\n\n"
            "Clay holds water for a long time and drains slowly after rain,\n"
            "while sand lets it through at once and dries out within a day.\n"
            "Loam, a mix of the two with some humus, suits most garden crops.\n\n"
            "\f5.2 WATERING\n\nWater in the morning so that the leaves dry before the night.\n"
            "A deep soaking once a week is better than a sprinkle every day,\n"
            "because it makes the roots grow down to where the soil stays moist.\n\n"
            "\f5.3 TERMINAL QUESTlONS\n\n1) Why does clay drain slowly?\n\n"
            "2) When is the best time of day to water a garden?\n\n"
            "3) Why is a weekly soaking better than daily sprinkling?\n")
    report = Report("t.txt")
    part = import_text(SourceText(Path("t.txt"), text, "utf-8"), "t.txt", report=report)
    quiz = part.lessons[0].quizzes[0]
    assert quiz.title == "5.3 TERMINAL QUESTlONS" and len(quiz.questions) == 3
    assert all(q.kind == "open" and not q.model_answer for q in quiz.questions)
    assert any("one letter off 'terminal questions'" in d.message for d in report.items)


# ---- a short extraction -----------------------------------------------------

def test_a_short_leaflet_wrapped_at_varying_widths_is_pdf_text():
    text = ("Before you go out on the ice:\n"
            "• Check the thickness at the shore and again every few\n"
            "metres, since ice is thinner where streams run in.\n"
            "• Carry ice picks on a cord round your neck, so that\n"
            "your hands are free when you need them most.\n"
            "Safe Ice Guide\n"
            "Never go alone: tell someone where you are going and\n"
            "when you will be back, and keep your phone in a dry bag.\n")
    found = detect_family(_raw(text))
    assert found.family is PDF and "go on in lower case" in found.evidence[0]
    items = [i.text for b in _blocks(text) if isinstance(b, ListBlock) for i in b.items]
    assert items == ["Check the thickness at the shore and again every few metres, since ice "
                     "is thinner where streams run in.", "Carry ice picks on a cord round "
                     "your neck, so that your hands are free when you need them most."]


def test_one_line_paragraphs_stay_plain_text():
    text = ("Check the thickness of the ice at the shore and again every few metres.\n"
            "Carry ice picks on a cord round your neck, so that your hands are free.\n"
            "Never go alone, and tell someone where you are going and when you return.\n"
            "keep your phone in a dry bag in an inside pocket, close to your body\n")
    assert detect_family(_raw(text)).family.name == "plain"


# ---- exercise boxes in a manual whose sections are headed in capitals --------

def _kayak_manual(section: str = "LAUNCHING", exercise_sub: str = "Scenario") -> str:
    return (
        "PADDLING SAFELY\n\nCHOOSING A KAYAK\nA sit-on-top kayak is stable and easy to get back "
        "onto after a capsize, which\nmakes it the best boat for a first season on sheltered "
        "water.\n\nCHOOSING A PADDLE\nThe paddle should reach your raised fingertips when it "
        "stands upright beside\nyou; a longer one suits a wider boat.\n\nCARRYING THE BOAT\n"
        "Two people carry a kayak by its handles, one at each end, with their backs straight\n"
        "and their knees bent as they lift it.\n\n"
        "Practical Exercise: Reading the Water\nPurpose: To practise spotting currents and "
        "eddies from the bank.\nInstructions:\n1. Walk along the bank in pairs.\n"
        "2. Mark on the map each place where the water moves differently.\n\n"
        f"{exercise_sub}\nThe river is high after a night of rain, and a fallen tree lies "
        "across the\nnear side of the bend below the bridge.\n\n"
        f"{section}\nLaunch from a shallow, sandy place with no current, and keep the boat "
        "afloat\nso that its hull is not scraped on the stones.\n")


def test_an_exercise_holds_its_sub_headings_until_the_next_section_in_capitals():
    lesson = _part(_kayak_manual()).lessons[0]
    assert [s.title for s in lesson.sections] == [
        "CHOOSING A KAYAK", "CHOOSING A PADDLE", "CARRYING THE BOAT", "LAUNCHING"]
    quiz = lesson.quizzes[0]
    assert quiz.title == "Practical Exercise: Reading the Water"
    assert "fallen tree" in repr(quiz)  # the scenario is the exercise's own
    assert "Launch from a shallow" not in repr(quiz)


def test_with_sections_in_title_case_an_exercise_ends_at_the_next_heading():
    text = _kayak_manual().replace("CHOOSING A KAYAK", "Choosing a Kayak")
    lesson = _part(text).lessons[0]
    assert "Scenario" in [s.title for s in lesson.sections]
    assert "fallen tree" not in repr(lesson.quizzes[0])


GARLIC = ["Plant the cloves in late autumn, pointed end up, two fingers deep and a hand\n"
          "apart, in soil that drains well; they need a cold spell to split into bulbs.\n",
          "Lift the bulbs when half of the leaves have turned yellow, on a dry day, and\n"
          "leave them to cure in an airy shed for three weeks before you store them.\n",
          "Keep the largest bulbs of the crop for planting next year: large cloves grow\n"
          "into large bulbs, and a stock that suits your soil improves every season.\n",
          "Rust shows as orange spots on the leaves in a wet summer; it seldom harms the\n"
          "bulbs much, but move the crop to another bed the following autumn.\n"]


def test_a_back_cover_that_repeats_the_title_is_no_section():
    text = (f"Growing Garlic\n\nPlanting\n{GARLIC[0]}\fHarvest\n{GARLIC[1]}\f"
            f"Storing\n{GARLIC[2]}\fPests\n{GARLIC[3]}\f"
            f"More Help\n{GARLIC[0]}\nGrowing Garlic\n\nLeaflet No. 12, printed 2024\n\f")
    lesson = _part(text).lessons[0]
    assert lesson.title == "Growing Garlic"
    assert [s.title for s in lesson.sections] == [
        "Planting", "Harvest", "Storing", "Pests", "More Help"]
    middle = (f"Growing Garlic\n\nPlanting\n{GARLIC[0]}\nGrowing Garlic\n{GARLIC[1]}\f"
              f"Harvest\n{GARLIC[2]}\f{GARLIC[3]}\f")
    assert "Growing Garlic" in [s.title for s in _part(middle).lessons[0].sections]


# ---- pypdf: the title from a running header ------------------------------------

CANOE = ["Load the canoe evenly, heavy bags low and in the middle, so that it sits level\n"
         "in the water and turns easily when the current pushes at the bow.\n",
         "Kneel rather than sit when the water gets rough: a low centre of weight keeps\n"
         "the boat upright, and your knees brace against the sides as you paddle.\n",
         "On a portage, carry the canoe upside down on your shoulders with the yoke at\n"
         "the back of your neck, and let a partner walk ahead to watch the path.\n",
         "Tie the canoe down on the car roof at both ends and across the middle, and\n"
         "check the knots again after the first few miles of the drive home.\n"]


def test_without_page_breaks_the_header_beside_page_numbers_names_the_text():
    heads = ["Loading", "Rough Water", "Portages", "Driving Home"]
    pages = [f"{n + 1}\nCanoe Tripping Handbook\n{heads[n]}\n{CANOE[n]}" for n in range(4)]
    text = "canoe tripping\nhandbook\nspring edition\nthird printing\n" + "".join(pages)
    part = _part(text)
    assert part.lessons[0].title == "Canoe Tripping Handbook"


def test_a_dated_footer_glued_to_its_page_number_never_names_the_text():
    pages = [f"Paddle Club Notes, May 2019 pg {n}\nSection {n}\n{CANOE[n - 1]}"
             for n in range(1, 5)]
    part = _part("Canoe Skills for Beginners\n" + "".join(pages))
    assert part.lessons[0].title == "Canoe Skills for Beginners"


def test_labels_printed_after_their_texts_go_back_to_them_in_order():
    text = ("4.8 REVIEW QUESTIONS\n\n1)\n\n"
            "Why does a sourdough starter need feeding every day? Is\nthe flour important?\n"
            "How long should a loaf prove in a cold kitchen?\n"
            "What makes a crust crisp? Explain the part the steam plays.\n\n2)\n3)\n\n"
            "Note: These questions are for your practice only.\n")
    raw = _raw(text)
    pdf.join_split_numbers(raw, Report("t"))
    assert _kept(raw) == [
        "4.8 REVIEW QUESTIONS",
        "1) Why does a sourdough starter need feeding every day? Is", "the flour important?",
        "2) How long should a loaf prove in a cold kitchen?",
        "3) What makes a crust crisp? Explain the part the steam plays.",
        "Note: These questions are for your practice only."]


def test_one_label_after_a_text_is_the_next_item_with_its_own_text():
    text = ("5)\n\nWhy does bread go stale?\n\nTrue False True\n\n6)\n\n"
            "Describe how you would store a loaf for a week.\n")
    raw = _raw(text)
    pdf.join_split_numbers(raw, Report("t"))
    assert _kept(raw) == ["5) Why does bread go stale?", "True False True",
                          "6) Describe how you would store a loaf for a week."]


def test_a_contents_list_without_leaders_goes_when_its_titles_head_the_text():
    text = ("KNOTS FOR SAILORS\n\nCONTENTS\nPage 2\nThe Bowline\nThe Reef Knot\nPage 3-4\n"
            "Cleat Hitch\n\nWITH THANKS TO\nAnn Lee\nThe harbour club for the photographs.\n\n"
            "THE BOWLINE\nA loop that does not slip, tied round your waist or a post.\n\n"
            "THE REEF KNOT\nIt joins two ends of one rope, as when reefing a sail.\n\n"
            "CLEAT HITCH\nIt makes a line fast to a cleat on the pontoon.\n")
    raw = _raw(text)
    pdf.drop_contents_leaders(raw, Report("t"))
    assert _kept(raw)[:4] == ["KNOTS FOR SAILORS", "WITH THANKS TO", "Ann Lee",
                              "The harbour club for the photographs."]
    assert "THE BOWLINE" in _kept(raw)


def test_short_lines_under_a_contents_heading_that_head_nothing_stay():
    text = ("Contents\nOne rope\nTwo cleats\nA boat hook\n\n"
            "The Bowline\nA loop that does not slip, tied round your waist or a post.\n")
    raw = _raw(text)
    pdf.drop_contents_leaders(raw, Report("t"))
    assert _kept(raw)[:3] == ["One rope", "Two cleats", "A boat hook"]


def test_short_lines_after_a_colon_are_a_list_whose_bullets_were_lost():
    text = ("Pitching a tent takes ten minutes once you know its parts and the order in\n"
            "which they go up; practise in the garden before the first trip out. The\n"
            "parts that come in the bag are:\nInner Tent\nFlysheet\nPoles\nGuy Lines\n\n"
            "The flysheet goes over the poles and keeps the rain off the inner tent, so\n"
            "it must not touch it anywhere or the water will soak through at that spot.\n")
    items = [i.text for b in _blocks(text) if isinstance(b, ListBlock) for i in b.items]
    assert items == ["Inner Tent", "Flysheet", "Poles", "Guy Lines"]


def test_short_lines_without_a_colon_before_them_stay_headings():
    raw = _raw("The last part of the trip is the walk out, which takes longer than it looks.\n"
               "Trip Planning\nTime\nObjectives\nPlan the route and tell someone about it.\n")
    pdf.drop_figure_labels(raw, Report("t"))
    assert [r.text for r in raw][1:4] == ["Trip Planning", "Time", "Objectives"]


ORCHARD = ("Apple trees need a sunny, sheltered place and soil that holds water without\n"
           "becoming waterlogged; prepare the ground a month before planting.\n")


def _orchard_unit(structure: str) -> str:
    sections = ["Objectives", "Introduction", "Choosing Trees", "Planting", "Pruning",
                "Let Us Sum Up"]
    body = "".join(f"3.{n} {title.upper()}\n{ORCHARD}\n" for n, title in enumerate(sections))
    return f"UNIT 3 ORCHARDS\n\n{structure}\n" + body


def test_a_contents_list_under_another_heading_goes_when_its_titles_head_the_text():
    numbers = "\n".join(f"3.{n}" for n in range(6))
    structure = ("Structure\n" + numbers + "\n\nObjectives\nIntroduction\nChoosing Trees\n"
                 "Planting\nPruning\nLet Us Sum Up\n")
    raw = _raw(_orchard_unit(structure))
    pdf.drop_contents_leaders(raw, Report("t"))
    assert _kept(raw)[:3] == ["UNIT 3 ORCHARDS", "3.0 OBJECTIVES", ORCHARD.split("\n")[0]]


def test_short_lines_that_come_again_but_head_no_text_stay():
    cheat = "Memory Aid\nSun\nShelter\nSoil\nWater\nSpacing\n"
    raw = _raw("UNIT 3 ORCHARDS\n\n" + cheat + "\n" + ORCHARD + "\nChecklist\n" + cheat)
    pdf.drop_contents_leaders(raw, Report("t"))
    assert _kept(raw)[1:7] == ["Memory Aid", "Sun", "Shelter", "Soil", "Water", "Spacing"]


# ---- chapters that open on a page of their own --------------------------------

_GARDEN_HEADER = "GROWING VEGETABLES AT HOME                                          {n}"


def _garden_reader(answers: bool = True) -> str:
    """A course reader as pdftotext prints it: a running header with the page
    number, each chapter on a new page under "Chapter N" and its title, review
    questions after each chapter and, with ``answers``, the keys at the back
    grouped by chapter."""
    pages = [
        ["Chapter 1", "Preparing the Soil", "",
         "Good soil holds water without staying wet. Dig in a bucket of compost for every",
         "square metre of bed before the first planting of the year.", "",
         "Review Questions", "",
         "1. How much compost does a square metre of bed need?",
         "   a) a handful", "   b) a bucket", "   c) a barrow",
         "2. Why should soil not stay wet?"],
        ["Chapter 2", "Sowing Seeds", "",
         "Sow small seeds shallow and large seeds deep. Keep the seed bed moist until the",
         "first leaves show, then water less often but more deeply.", "",
         "Review Questions", "",
         "1. How deep should small seeds be sown?",
         "   a) shallow", "   b) deep",
         "2. When may watering become less frequent?"],
    ]
    if answers:
        pages.append(["Answers to Review Questions", "", "Chapter 1", "1. b",
                      "2. Roots rot in soil that stays wet.", "", "Chapter 2", "1. a",
                      "2. Once the first leaves show."])
    return "\f".join("\n".join([_GARDEN_HEADER.format(n=n + 1), "", *page, ""])
                     for n, page in enumerate(pages))


def test_chapters_opening_on_their_pages_become_lessons_with_their_keys():
    part = _part(_garden_reader())
    assert [lesson.title for lesson in part.lessons] == ["Preparing the Soil", "Sowing Seeds"]
    assert part.title == "GROWING VEGETABLES AT HOME"  # the running header, page numbers aside
    quizzes = [quiz for lesson in part.lessons for quiz in lesson.quizzes]
    assert [[(q.correct, q.model_answer) for q in quiz.questions] for quiz in quizzes] == [
        [([1], None), ([], "Roots rot in soil that stays wet.")],
        [([0], None), ([], "Once the first leaves show.")]]
    texts = [b.text for lesson in part.lessons for b in lesson.blocks if hasattr(b, "text")]
    assert not any(t.startswith(("Chapter", "GROWING")) for t in texts)


def test_one_chapter_line_alone_opens_no_lessons():
    text = _garden_reader(answers=False).split("\f")[0]
    part = _part(text + "\f" + _GARDEN_HEADER.format(n=2) + "\n\nMore about soil follows here.\n")
    assert len(part.lessons) == 1


def test_a_chapter_line_on_every_page_of_its_chapter_is_a_running_header():
    pages = [f"Chapter {n}\n\nThe {word} page of the chapter tells about pruning roses in the "
             f"spring.\nCut above an outward-facing bud.\n" for n, word in
             [(1, "first"), (1, "second"), (1, "third"), (2, "fourth"), (2, "fifth")]]
    raw = _raw("\f".join(pages))
    report = Report("t.txt")
    for pass_ in PDF.passes[:PDF.passes.index(pdf.drop_page_furniture) + 1]:
        pass_(raw, report)
    assert not any(t.startswith("Chapter") for t in _kept(raw))


def test_chapter_lines_that_open_their_chapters_are_no_running_headers():
    # each "Chapter N" once, at the top of the page its chapter starts on, a
    # sentence under it (so no title): kept, though the three share a shape
    pages = [f"Chapter {n}\nThe {word} chapter tells about pruning roses in the spring.\n"
             f"Cut above an outward-facing bud.\n" for n, word in
             [(1, "first"), (2, "second"), (3, "third"), (4, "fourth")]]
    raw = _raw("\f".join(pages))
    report = Report("t.txt")
    for pass_ in PDF.passes[:PDF.passes.index(pdf.drop_page_furniture) + 1]:
        pass_(raw, report)
    assert [t for t in _kept(raw) if t.startswith("Chapter")] == [
        "Chapter 1", "Chapter 2", "Chapter 3", "Chapter 4"]


def test_pages_joined_without_form_feeds_are_told_by_their_counting_headers():
    # pypdf joins pages with a newline: the header and its page number are
    # the only sign of a page, and of a PDF in a text this short
    text = _garden_reader().replace("\f", "\n").replace(
        _GARDEN_HEADER.format(n=""), "GROWING VEGETABLES AT HOME ")
    assert detect_family(_raw(text)).family is PDF
    part = _part(text)
    assert [lesson.title for lesson in part.lessons] == ["Preparing the Soil", "Sowing Seeds"]
    assert all(q.correct or q.model_answer for lesson in part.lessons
               for quiz in lesson.quizzes for q in quiz.questions)


def test_numbered_steps_are_no_running_headers():
    steps = "\n\n".join(f"Step {n}\n\nPour the {w} cup of water into the pot and stir." for n, w
                        in [(1, "first"), (2, "second"), (3, "third"), (4, "last")])
    assert detect_family(_raw("Making soup\n\n" + steps + "\n")).family is not PDF

# ---- generalisation: lecture notes and review sheets -----------------------

def _paged(pages: list[str]) -> list[c.RawLine]:
    return _raw("\f".join(pages))


def test_a_label_or_a_question_at_page_edges_is_no_running_footer():
    body = "Knead the dough for ten minutes until it springs back when pressed.\n"
    pages = [f"{body}\nWorked example:\n", f"{body}\n3. Why does bread rise, and what\n"
             "feeds the yeast while it does?\n", f"{body}\nWorked example:\n",
             f"{body}\n7. What makes a crust hard, and what\nfeeds the yeast while it does?\n",
             f"{body}\nWorked example:\n"]
    raw = _paged(pages)
    pdf.drop_page_furniture(raw, Report("t"))
    assert _kept(raw).count("Worked example:") == 3
    assert _kept(raw).count("feeds the yeast while it does?") == 2


def test_chapter_lines_numbered_apart_from_the_pages_stay():
    body = "Rivers carry sand to the sea and drop it where the water slows down.\n"
    pages = ["Part 1\n" + body * 3, body * 3, "Part 2\n" + body * 3, body * 3,
             "Part 3\n" + body * 3]
    raw = _paged(pages)
    pdf.drop_page_furniture(raw, Report("t"))
    assert [t for t in _kept(raw) if t.startswith("Part")] == ["Part 1", "Part 2", "Part 3"]


def test_a_numbered_questions_last_line_that_asks_on_is_no_heading():
    raw = _raw("Answer each question in a sentence or two, in your own words please.\n\n"
               "4. How is a glacier formed? Say where the ice comes from.\n"
               "What Happens When It Melts?\n\n"
               "5. Why do rivers bend? Give one reason in a sentence.\n")
    pdf.mark_numbered_headings(raw, Report("t"))
    assert _kept(raw)[1] == ("4. How is a glacier formed? Say where the ice comes from. "
                             "What Happens When It Melts?")


def test_a_table_of_figures_is_no_numbered_running_header():
    rows = "".join(f"{n} {n} 0.{n}500 0.{n}493\n" for n in range(1, 6))
    raw = _raw("The table gives each count with its two shares, worked out by hand.\n\n"
               + rows + "\nThe shares agree to two places in every row of the table.\n")
    pdf.drop_numbered_headers(raw, Report("t"))
    assert sum(1 for t in _kept(raw) if t[:1].isdigit()) == 5


def test_a_title_then_a_blank_line_then_code_in_lower_case_stay_apart():
    text = ("Lab 4: Counting Birds\n\nimport birds\n\nThis lab counts the birds that visit the "
            "feeder in a week and compares\nthe counts with last year's, day by day, by hand "
            "and then in code.\n\fEach line of the log gives the day, the species and the\n"
            "number seen; read it in and sum it up by species first. Then plot the sums\n"
            "for each week and mark the weeks when the weather was cold or wet,\n"
            "since fewer birds come to the feeder then.\n")
    lines = c.join_lines(_raw(text), True)
    assert [line.text for line in lines[:2]] == ["Lab 4: Counting Birds", "import birds"]


def test_chapter_lines_without_leaders_among_a_contents_lists_leaders_go():
    contents = ("Contents\n\n1 Seeds\n\n2\n\nSowing . . . . . . . . . . . . 3\n\n"
                "Watering . . . . . . . . . . . 4\n\n2 Pots\n\n6\n\n"
                "Compost . . . . . . . . . . . 6\n\nRepotting . . . . . . . . . 8\n\n"
                "Summary\n\n9\n\n")
    raw = _raw("Growing From Seed\n\n" + contents + "1 Seeds\nSow thinly in damp compost, "
               "cover lightly, and keep the tray warm until they come up.\n")
    pdf.drop_contents_leaders(raw, Report("t"))
    assert _kept(raw)[:2] == ["Growing From Seed", "1 Seeds"]
    assert _kept(raw)[2].startswith("Sow thinly")


def test_a_heading_each_chapter_has_again_is_no_running_header_at_a_page_top():
    body = "Keep the patient warm and dry, and check the breathing every few minutes.\n"
    pages = []
    for topic in ["Sprains", "Burns", "Stings", "Cuts", "Shock"]:
        pages.append(f"Warning Signs\n{body}{body}\n{topic}\n{body}Warning Signs\n{body}"
                     f"Field Guide to First Aid\n")
    raw = _paged(pages)
    pdf.drop_page_furniture(raw, Report("t"))
    assert _kept(raw).count("Warning Signs") == 10
    assert "Field Guide to First Aid" not in _kept(raw)


def test_a_label_run_into_a_sentence_after_a_dash_is_no_chapter_marker():
    lines = [f"WARNING – Do not use it on children under {n}. Ask a doctor first."
             for n in (2, 4, 6)]
    raw = _raw("\n\n".join(lines) + "\n")
    c.find_chapter_markers(raw, Report("t"))
    assert _kept(raw) == lines


_FIELD = ("Set the radio to the net's frequency before you leave, and check in with the\n"
          "net control station as soon as you arrive at the shelter or the command post.\n")


def test_chapter_lines_with_their_titles_at_page_tops_open_lessons():
    pages = [f"Chapter {word}: {title}\n{_FIELD}{_FIELD}\n{_FIELD}"
             for word, title in (("One", "Getting on the Air"), ("Two", "Net Procedure"),
                                 ("Three", "Passing Messages in"))]
    pages[2] = pages[2].replace("in\n", "in\nDisaster Areas\n", 1)
    part = _part("\f".join(pages))
    assert [lesson.title for lesson in part.lessons] == [
        "Chapter One: Getting on the Air", "Chapter Two: Net Procedure",
        "Chapter Three: Passing Messages in Disaster Areas"]


def test_titled_chapter_lines_without_page_breaks_must_count_up_far_apart():
    body = _FIELD * 12
    titles = {1: "Antennas", 2: "Batteries", 3: "Repeaters"}
    counted = "".join(f"\nChapter {n}: {titles[n]}\n{body}" for n in (1, 2, 3))
    raw = _raw(counted)
    assert detect_family(raw).family is PDF
    part = _part(counted)
    assert [lesson.title for lesson in part.lessons] == [
        f"Chapter {n}: {titles[n]}" for n in (1, 2, 3)]
    jumbled = "".join(f"\nChapter {n}: {titles[n]}\n{body}" for n in (1, 3, 2))
    assert len(_part(jumbled).lessons) == 1


def test_a_chapter_line_at_a_page_top_over_a_blank_line_and_its_title_opens_a_lesson():
    pages = [f"CHAPTER {n}\n\n{title}\n{_FIELD}{_FIELD}\n{_FIELD}"
             for n, title in ((1, "Getting on the Air"), (2, "Net Procedure"))]
    part = _part("\f".join(pages))
    assert [lesson.title for lesson in part.lessons] == ["Getting on the Air", "Net Procedure"]


def test_a_numbered_line_that_leads_into_a_list_is_no_heading():
    raw = _raw("Store the roots where the air stays cold and damp all winter long, out of the "
               "frost.\n\n2.3. Several kinds of store can be used, including:\n"
               "a. a clamp of straw and earth\nb. a buried barrel\n\n2.4 Key Terms:\n"
               "A clamp is a heap of roots covered with straw and then with soil to keep frost "
               "out.\n")
    pdf.mark_numbered_headings(raw, Report("t"))
    kinds = {r.text: r.kind for r in raw}
    assert kinds["2.3. Several kinds of store can be used, including:"] != "heading"
    assert kinds["2.4 Key Terms:"] == "heading"


def test_a_title_in_capitals_wrapped_after_a_small_word_is_one_line():
    text = ("BE READY FOR A\nHEATWAVE\n\nDrink water often, every fifteen minutes or so, even "
            "when you\nare not thirsty, and rest in the shade when you can.\n")
    lines = c.join_lines(_raw(text), True)
    assert lines[0].text == "BE READY FOR A HEATWAVE"
    lines = c.join_lines(_raw("APPENDIX A\nWIND CHILL TABLE\n\n" + text), True)
    assert lines[0].text == "APPENDIX A"


def test_a_glossary_set_out_as_terms_beside_their_meanings_is_no_pair_of_columns():
    from build_course.importer.pdf_columns import column_starts
    terms = [("Bowline", "A knot that makes a fixed loop at the end of a line; it does not slip"),
             ("Cleat", "A fitting with two horns that a line is made fast to on deck"),
             ("Halyard", "The line that hoists a sail up the mast and holds it there"),
             ("Jib Sheet", "The line that trims the small sail in front of the mast"),
             ("Tiller", "The bar fixed to the rudder that the helmsman steers the boat with"),
             ("Windward", "The side the wind blows from, the opposite of leeward")]
    rows = []
    for term, meaning in terms:
        rows += [f"   {term:<20}{meaning[:45]}", f"{'':23}{meaning[45:]}", ""]
    assert column_starts(rows) == [0]


def test_a_line_at_the_top_of_a_few_pages_of_many_does_not_name_the_text():
    body = "Slice the apples thin and dip them in lemon juice so that they keep their colour.\n"
    pages = [("Fruit\n" if n in (3, 6, 9) else "") + body * 4 for n in range(16)]
    raw = _paged(pages)
    pdf.drop_page_furniture(raw, Report("t"))
    assert not any(r.chapter for r in raw)
    raw = _paged(["Drying Food at Home\n" + body * 4 for _ in range(16)])
    pdf.drop_page_furniture(raw, Report("t"))
    assert next(r.chapter for r in raw if r.keep) == "Drying Food at Home"


def test_a_footer_with_a_dash_and_its_page_number_marks_no_chapters():
    body = "Report every incident to the shift supervisor before the end of the shift.\n"
    pages = [f"Staff Handbook — Conduct at Work\n{body * 3}\nPRIVATE — Guard Services Ltd — "
             f"Page {n} of 4\n" for n in range(1, 5)]
    raw = _paged(pages)
    c.find_chapter_markers(raw, Report("t"))
    assert not any(r.chapter for r in raw)
    assert sum(t.startswith("PRIVATE") for t in _kept(raw)) == 4


def test_form_feeds_keep_a_handbook_with_bar_separated_headers_a_pdf():
    body = ("Report every incident to the shift supervisor before the end of the shift, and\n"
            "write it up in the log book the same day while the details are fresh.\n")

    def centred(text: str) -> str:
        return " " * (50 - len(text) // 2) + text + "\n\n"

    cells = ["GUARD SERVICES", "Northern Region", "SAFETY FIRST | REPORT EVERYTHING", "PRIVATE",
             "Issued to staff only", "Second edition", "Not for sale", "Keep it with you"]
    cover = "Staff Handbook" + " " * 60 + "Version 2 | May 2026\n\n" + "".join(map(centred, cells))
    text = cover + "\f".join(f"\n{body * 4}\n" + centred(f"Page {n}") for n in range(1, 5))
    assert detect_family(_raw(text)).family is PDF


def test_a_pdf_files_label_set_sideways_is_not_read_letter_by_letter():
    reportlab = __import__("pytest").importorskip("reportlab")
    from reportlab.pdfgen import canvas

    from build_course.importer.formats.pdf import convert

    buffer = __import__("io").BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(595, 842))
    y = 760
    for n in range(30):
        pdf.setFont("Helvetica", 11)
        pdf.drawString(72, y, f"Keep the cellar between one and four degrees, line {n} here.")
        y -= 18
    pdf.saveState()
    pdf.translate(540, 300)
    pdf.rotate(90)
    pdf.setFont("Helvetica", 8)
    pdf.drawString(0, 0, "Temperature scale in degrees")
    pdf.restoreState()
    pdf.showPage()
    pdf.save()
    markdown = convert(buffer.getvalue(), "cellar.pdf").markdown
    assert "line 29 here" in markdown
    body = {w for n in range(30)
            for w in f"Keep the cellar between one and four degrees, line {n} here.".split()}
    assert set(markdown.split()) - body <= {"#"}  # not 'T', 'e', 'erutarepmeT'...
    assert reportlab


def test_an_outline_with_lettered_points_is_no_quiz_but_open_stems_are():
    lead = ("The book covers the whole year of a kitchen garden, month by month, and this is\n"
            "a brief outline of the topics it takes in turn.\n\n")
    outline = ("1. Choosing the right seeds for the plot.\na. Early kinds\nb. Late kinds\n"
               "2. Sowing and planting out in spring.\na. Under glass\nb. In the open\n"
               "3. Watering\na. Cans\nb. Hoses\n")
    assert not any(lesson.quizzes for lesson in _part(lead + outline).lessons)
    asked = ("1. The month to sow broad beans outdoors is\na. March\nb. July\n"
             "2. Which tool breaks up heavy soil best?\na. A fork\nb. A rake\n")
    assert sum(len(q.questions) for lesson in _part(lead + asked).lessons
               for q in lesson.quizzes) == 2


def _chaptered_pdf(chapters: list[tuple[str, str]]) -> bytes:
    """A PDF file: each chapter on its pages, its line in bold at the body's
    size (as a manual may set it), a section heading in bold under it."""
    __import__("pytest").importorskip("reportlab")
    from reportlab.pdfgen import canvas

    buffer = __import__("io").BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(595, 842))
    for label, title in chapters:
        y = 780
        for text, font in [(label, "Helvetica-Bold"), (title, "Helvetica-Bold"),
                           ("Before You Start", "Helvetica-Bold")] + [
                ("Tie the knot slowly the first time and dress it neatly before you load it.",
                 "Helvetica")] * 20:
            if text:
                pdf.setFont(font, 11)
                pdf.drawString(72, y, text)
                y -= 18
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def test_a_pdf_files_chapter_lines_at_page_tops_are_its_top_headings():
    from build_course.importer.formats.pdf import convert

    markdown = convert(_chaptered_pdf([("Chapter One: Knots for the", "Camp"),
                                       ("Chapter Two: Splices", "")]), "k.pdf").markdown
    tops = [line for line in markdown.splitlines() if line.startswith("# ")]
    assert tops == ["# Chapter One: Knots for the Camp", "# Chapter Two: Splices"]
    pages = [("CHAPTER 1", "Knots"), ("", ""), ("", ""), ("CHAPTER 2", "Splices"), ("", "")]
    markdown = convert(_chaptered_pdf(pages), "k.pdf").markdown
    assert [line for line in markdown.splitlines() if line.startswith("# ")] == [
        "# Knots", "# Splices"]


def test_a_tables_rows_led_by_a_word_are_no_running_header_and_name_nothing():
    rows = "".join(f"Quarts {n} {n + 5} {n + 5}\n" for n in (10, 15, 20, 25))
    raw = _raw("Pack the cabbage firmly into the crock, salting each layer as you go along.\n"
               "The brine must cover it; add more if it does not after a day or two.\n"
               + rows + "Keep the crock cool while the cabbage ferments over the weeks.\n")
    pdf.drop_numbered_headers(raw, Report("t"))
    assert sum(t.startswith("Quarts") for t in _kept(raw)) == 4
    assert not any(r.chapter for r in raw)


def test_bare_chapter_lines_over_titles_without_page_breaks_open_lessons_when_counted():
    body = _FIELD * 12
    titles = {1: "Antennas", 2: "Batteries", 3: "Repeaters"}
    text = "".join(f"CHAPTER {n}\n{titles[n]}\n{body}" for n in (1, 2, 3))
    assert [lesson.title for lesson in _part(text).lessons] == list(titles.values())
    close = "".join(f"CHAPTER {n}\n{titles[n]}\n" for n in (1, 2, 3)) + body
    assert len(_part(close).lessons) == 1


def test_a_heading_continued_after_a_dash_on_the_next_page_goes():
    raw = _raw("Helping Children\nSit at their level and speak slowly and simply to them.\n"
               "\fHelping Children - continued\nAsk what they already know before telling more.\n")
    pdf.drop_continued_headings(raw, Report("t"))
    assert "Helping Children - continued" not in _kept(raw)


def test_a_contents_list_with_leaders_is_no_worksheet_exercise():
    from build_course.importer.families import clean_text

    entries = "".join(f"{n}. {title}{'.' * 60}{n * 6}\n" for n, title in
                      enumerate(["Making Contact", "Keeping Safe", "Calming Down",
                                 "Finding Needs", "Practical Help"], start=1))
    body = ("Greet the person, say who you are and what you can do, and ask what they need\n"
            "right now; keep it short and let them lead the conversation at their own pace.\n")
    text = "Field Guide\n\nTable of Contents\n" + entries + "\f" + body * 6 + "\f" + body * 6
    report = Report("t")
    clean_text(text, report)
    assert not any("read as an exercise" in d.message for d in report.items)
    assert not any(lesson.quizzes for lesson in _part(text).lessons)


_LOOPS = ("A loop runs the same statements again and again, once for each item of a list,\n"
          "until the list is used up; the variable takes each item in turn, as shown below.\n")


def test_a_chapters_word_number_and_wrapped_title_at_the_top_title_the_text():
    pages = ["Chapter\n\n4\n\nLoops, lists and\nother sequences\n\n" + _LOOPS * 4,
             _LOOPS * 5 + "\n31\n", _LOOPS * 5 + "\n32\n"]
    part = _part("\f".join(pages))
    assert [lesson.title for lesson in part.lessons] == ["Loops, lists and other sequences"]
    assert "Chapter" not in str(part.lessons[0].blocks[:2])


def test_a_title_wrapped_around_its_chapter_line_as_layout_sets_it_titles_the_text():
    pages = ["Loops, lists and\n" + " " * 60 + "Chapter 4\nother sequences\n" + _LOOPS * 4,
             _LOOPS * 5 + "\n31\n", _LOOPS * 5 + "\n32\n"]
    part = _part("\f".join(pages))
    assert [lesson.title for lesson in part.lessons] == ["Loops, lists and other sequences"]


def test_an_odd_pages_header_naming_its_section_beside_the_page_number_goes():
    pages = ["3.1. Counting loops\n" + _LOOPS * 3 + "3.2. Nested loops\n" + _LOOPS * 2,
             "3.2. Nested loops\n\n21\n\n" + _LOOPS * 4,
             "22\n\nChapter 3. Loops\n\n" + _LOOPS * 3 + "3.3. Leaving a loop early\n" + _LOOPS]
    raw = _paged(pages)
    pdf.drop_echoed_headers(raw, Report("t"))
    assert _kept(raw).count("3.2. Nested loops") == 1
    assert "Chapter 3. Loops" in _kept(raw)  # not elsewhere in the text: another pass's
    raw = _paged([p.replace("3.2. Nested loops\n\n21", "3.2. Nested loops\nThe inner loop")
                  for p in pages])
    pdf.drop_echoed_headers(raw, Report("t"))
    assert _kept(raw).count("3.2. Nested loops") == 2  # no page number beside it


def test_a_title_over_its_chapter_line_or_between_word_and_number_titles_the_text():
    rest = [_LOOPS * 5 + "\n31\n", _LOOPS * 5 + "\n32\n"]
    for top in ("Chapter\n\nLoops\n\n4\n\n", "Loops\n" + " " * 60 + "Chapter 4\n"):
        part = _part("\f".join([top + _LOOPS * 4, *rest]))
        assert [lesson.title for lesson in part.lessons] == ["Loops"], top


def test_a_word_of_two_letters_atop_each_page_is_no_running_header():
    """``OK`` (a stamp, a check mark's word) heads each page of a bakery's
    checklist: fewer than three letters are never taken for furniture."""
    page = ("OK\nWeigh the flour and the salt before the dough is mixed.\n"
            "Set the oven to the heat the recipe card gives.\nBake the loaves.\n")
    raw = _raw("\f".join([page] * 4))
    pdf.mark_layout_pages(raw, Report("x"))
    pdf.drop_page_furniture(raw, Report("x"))
    assert _kept(raw).count("OK") == 4
    assert not pdf._label_like("T") and pdf._label_like("Oven")


# ---- slides printed to PDF ---------------------------------------------------

def _slides(pages: list[tuple[str, list[str]]]) -> str:
    """Slides as pdftotext extracts them: a page each, its title over its
    bullets, the deck's footer and the page number at its foot."""
    out = []
    for n, (title, lines) in enumerate(pages, start=1):
        out.append("\n".join([title, *lines, "", "Harbour Rowing Club | Novice course", "",
                              str(n), ""]))
    return "\f".join(out)


def test_slides_open_each_page_on_a_title_that_stays_a_heading():
    text = _slides([
        ("Rowing for beginners", ["• A first course for new members", "• Four evenings"]),
        ("Getting into the boat", ["• Hold the gunwales and step onto the centre line",
                                   "• Sit down before you let go of the pontoon"]),
        ("Your first strokes", ["• Legs first, then the back, then the arms",
                                "• Hands away before the body swings forward"]),
        ("Coming back in", ["• Approach the pontoon slowly and against the current",
                            "• Keep your oar flat on the water as you come alongside"]),
    ])
    part = _part(text)
    [lesson] = part.lessons
    assert lesson.title == "Rowing for beginners"
    assert [b.text for b in lesson.blocks if isinstance(b, Heading)] == [
        "Getting into the boat", "Your first strokes", "Coming back in"]
    items = [i.text for b in lesson.blocks if isinstance(b, ListBlock) for i in b.items]
    assert "Sit down before you let go of the pontoon" in items  # no title glued to it
    assert any("read as slides" in d.message for d in part.diagnostics)


def test_pages_that_open_mid_sentence_are_no_slides():
    page = ("Before a long outing check the weather forecast, the tide tables and the\n"
            "state of the river at the club's notice board, and tell someone ashore.\n")
    text = "\f".join(f"Safety note {n}\ncontinues here with more words than the title has\n"
                     f"{page}\n{n}\n" for n in range(1, 6))
    part = _part(text)
    assert not any("read as slides" in d.message for d in part.diagnostics)


def test_a_pages_header_that_repeats_the_title_under_it_goes():
    body = ("Coil the rope loosely after every climb and keep it out of the sun,\n"
            "which weakens the fibres long before any wear can be seen on them,\n"
            "and wash it now and then in cool water with a little soap so that\n"
            "the grit caught in its sheath does not cut the core when it runs\n"
            "over an edge. Hang it to dry in the shade, away from a fire, and\n"
            "never store it in a car, where the heat of a summer day can reach\n"
            "far more than the makers allow for.\n")
    more = ("Check the whole length by hand before each trip, feeling for soft\n"
            "spots, stiff places or a sheath worn through to the white core, and\n"
            "retire a rope that has held a long fall, however sound it looks.\n")
    text = (f"Caring for Your Rope\n\nCaring for Your Rope\n{body}\n21\n\f"
            f"Knots and Ropes\n\n{more}\n22\n\f")
    part = _part(text)
    [lesson] = part.lessons
    assert lesson.title == "Caring for Your Rope"
    assert not any(isinstance(b, Heading) and b.text == "Caring for Your Rope"
                   for b in lesson.blocks)
    assert any("running header 'Caring for Your Rope'" in d.message for d in part.diagnostics)
