"""The web family: pages dumped or copied as text by lynx, w3m or a browser.

Every text here is written for these tests (gardening, baking, bicycles,
astronomy), in the shapes lynx and w3m leave.
"""

from __future__ import annotations

from pathlib import Path

from build_course.diagnostics import Report
from build_course.importer import passes_web as web
from build_course.importer.cleaning import raw_lines
from build_course.importer.families import clean_text, detect_family
from build_course.importer.importing import import_text
from build_course.model import Heading, ListBlock, Paragraph, RawMarkdown, SourceText

W3M_PAGE = """\
Skip to content
Garden Club Online
[                    ]

  • Home
  • Vegetables
  • Flowers
  • Tools
  • Compost
  • Events
  • Contact
  • About us

Home » Guides » Vegetables » Tomatoes

Sign in | Register

Growing tomatoes from seed\uf0c1

Facebook Twitter Email

Tomatoes need warmth, light and patience: sow them indoors six to eight weeks before the last
frost, in small pots of fine compost, and keep them somewhere bright.

Sowing the seeds\uf0c1

Fill each pot with compost and firm it gently with the base of another pot.

  • Sow two seeds per pot, a finger's depth down, and cover them lightly with more compost so
    that they stay dark.
  • Water from below.

Hardening off\uf0c1

Put the young plants outside for a few hours each day in the last two weeks.

$ echo "done"
done

We use cookies to improve your visit. By continuing you accept our cookie policy.
Accept

Advertisement

Previous Next
━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
© Copyright Garden Club.

3 Comments

Great guide, thanks! My tomatoes came up in four days.
"""

LYNX_PAGE = """\
   Skip to main content
   (BUTTON) Menu
     * Bakery Basics
     * Breads
     * Cakes
     * Pastry
     * Glossary
     * Contact
     __________________________________________________________________

   Previous Next

Baking a simple loaf

   Bread needs only four things: flour, water, salt and yeast. The rest
   is time, warmth and a little care while the dough rises and bakes.

Kneading
     __________________________________________________________________

   Knead the dough for ten minutes until it is smooth and springs back
   when you press it with a finger.
     * Use a floured board.
     * Rest the dough if it
       tears.

   To check the oven, type:
gas-mark 6

   Bake for thirty minutes.

   Back To Top
"""


def _raw(text: str):
    return raw_lines(text)


def _blocks(text: str):
    part = import_text(SourceText(Path("page.txt"), text, "utf-8"), "page.txt")
    return part, part.lessons[0]


# ---- detection -------------------------------------------------------------

def test_a_w3m_dump_is_detected_from_its_furniture():
    found = detect_family(_raw(W3M_PAGE))
    assert found.family.name == "web"
    assert len(found.evidence) >= 2


def test_a_lynx_dump_is_detected_from_its_furniture():
    found = detect_family(_raw(LYNX_PAGE))
    assert found.family.name == "web"


def test_plain_prose_with_one_bar_is_not_a_web_page():
    text = ("Stars are born in clouds of gas and dust that collapse under gravity.\n\n"
            "Red | Blue\n\n"
            "The colour of a star tells its temperature: blue stars are hotter than red ones.\n")
    assert detect_family(_raw(text)).family.name != "web"


# ---- furniture ----------------------------------------------------------------

def test_navigation_breadcrumbs_and_sign_in_go_and_the_title_is_the_page_heading():
    part, lesson = _blocks(W3M_PAGE)
    assert lesson.title == "Growing tomatoes from seed"
    text = "\n".join(getattr(b, "text", "") for b in lesson.blocks)
    for gone in ("Home »", "Sign in", "Vegetables", "Facebook", "cookies", "Advertisement",
                 "Previous", "Copyright", "Great guide", "Skip to"):
        assert gone not in text, gone
    assert any("dropped" in d.message for d in part.diagnostics)


def test_breadcrumb_is_never_the_title_even_without_a_menu():
    text = ("Home » Recipes » Bread\n\nSourdough starter\n\n"
            "Mix equal weights of flour and water in a jar, cover it and leave it somewhere warm.\n"
            "\nFeed it every day for a week.\n")
    report = Report("t")
    found, lines = clean_text(text, report)
    assert found.family.name != "web" or all("»" not in line.text for line in lines)
    part, lesson = _blocks(text)
    assert "»" not in lesson.title


def test_icon_glyphs_go_and_mark_the_heading():
    raw = _raw("Intro\n\nSowing the seeds\uf0c1\n\nText.\n")
    web.drop_icon_glyphs(raw, Report("t"))
    assert [r.text for r in raw] == ["Intro", "Sowing the seeds", "Text."]
    assert raw[1].kind == "heading"


def test_a_math_macro_preamble_is_dropped():
    raw = _raw("Title\n\\(\\newcommand{\\R}{\\mathbb R} \\\n"
               "newcommand{\\N}{\\mathbb N}\n\\)\nThe set \\(\\R\\) is the real line.\n")
    web.drop_math_preamble(raw, Report("t"))
    assert [r.text for r in raw if r.keep] == ["Title", "The set \\(\\R\\) is the real line."]


def test_starred_headings_and_rules():
    raw = _raw("****** Saddle height ******\n\nRaise it until your leg is almost straight.\n"
               "\nGears\n________________\n")
    web.drop_chrome(raw, Report("t"))
    kept = [r for r in raw if r.keep]
    assert [(r.text, r.kind) for r in kept] == [
        ("Saddle height", "heading"), ("Raise it until your leg is almost straight.", ""),
        ("Gears", "heading")]


def test_lynx_link_markers_and_references_go():
    raw = _raw("Read the [1]star chart first.\n\nReferences\n\n   1. https://example.org/a\n"
               "   2. https://example.org/b\n")
    web.drop_link_references(raw, Report("t"))
    assert [r.text for r in raw if r.keep] == ["Read the star chart first."]


def test_reader_comments_go():
    raw = _raw("Oil the chain.\n\nLeave a Reply\n\nNice one!\n")
    web.drop_comments(raw, Report("t"))
    assert [r.text for r in raw if r.keep] == ["Oil the chain."]


# ---- headings, lists, code, joining ------------------------------------------------

def test_w3m_headings_lists_code_and_wraps():
    part, lesson = _blocks(W3M_PAGE)
    headings = [b.text for b in lesson.blocks if isinstance(b, Heading)]
    assert headings == ["Sowing the seeds", "Hardening off"]
    lists = [b for b in lesson.blocks if isinstance(b, ListBlock)]
    assert [item.text for item in lists[0].items] == [
        "Sow two seeds per pot, a finger's depth down, and cover them lightly with more "
        "compost so that they stay dark.", "Water from below."]
    paragraphs = [b.text for b in lesson.blocks if isinstance(b, Paragraph)]
    assert paragraphs[0].startswith("Tomatoes need warmth") and paragraphs[0].endswith("bright.")
    code = [b.text for b in lesson.blocks if isinstance(b, RawMarkdown)]
    assert code == ['```\n$ echo "done"\ndone\n```']


def test_lynx_headings_at_the_margin_and_pre_lines():
    part, lesson = _blocks(LYNX_PAGE)
    assert lesson.title == "Baking a simple loaf"
    assert [b.text for b in lesson.blocks if isinstance(b, Heading)] == ["Kneading"]
    items = [i.text for b in lesson.blocks if isinstance(b, ListBlock) for i in b.items]
    assert items == ["Use a floured board.", "Rest the dough if it tears."]
    assert any(isinstance(b, RawMarkdown) and "gas-mark 6" in b.text for b in lesson.blocks)
    text = " ".join(getattr(b, "text", "") for b in lesson.blocks)
    assert "Back To Top" not in text and "Bakery Basics" not in text


def test_short_lines_of_a_paragraph_are_not_joined_past_their_end():
    raw = _raw("Mars is red because of iron oxide in its dust.\nJupiter is a gas giant.\n")
    web.mark_headings(raw, Report("t"))
    web.join_lines(raw, Report("t"))
    assert [r.text for r in raw if r.keep] == [
        "Mars is red because of iron oxide in its dust.", "Jupiter is a gas giant."]


def test_centred_table_cells_are_joined_and_labelled():
    cells = [
        "Question 1:",
        "",
        "Why does the Moon show phases to us",
        "as it goes around the Earth each month?",
        "Answer:",
        "",
        "Because we see a different part of",
        "its sunlit half as it moves.",
        "Question 2:",
        "",
        "What is a light year, and why do astronomers",
        "use it for distances between the stars?",
        "Answer:",
        "",
        "It is the distance light travels in",
        "one year, about ten trillion kilometres.",
    ]
    text = "\n".join(c and c.center(78).rstrip() for c in cells) + "\n"
    raw = _raw(text)
    web.mark_headings(raw, Report("t"))
    web.join_lines(raw, Report("t"))
    assert [r.text for r in raw if r.keep] == [
        "Question 1: Why does the Moon show phases to us as it goes around the Earth each month?",
        "Answer: Because we see a different part of its sunlit half as it moves.",
        "Question 2: What is a light year, and why do astronomers use it for distances between "
        "the stars?",
        "Answer: It is the distance light travels in one year, about ten trillion kilometres."]


def test_a_number_alone_starts_the_exercise_that_follows():
    raw = _raw("Exercises\n\n1.\n\nName the planet nearest the Sun.\nSolution.\nMercury.\n")
    web.mark_headings(raw, Report("t"))
    web.join_lines(raw, Report("t"))
    kept = [r.text for r in raw if r.keep]
    assert kept[:2] == ["Exercises", "1. Name the planet nearest the Sun."]


def test_prose_in_a_web_page_never_becomes_a_heading_or_a_list():
    text = W3M_PAGE.replace(
        "Fill each pot", "Short lines stay text\n\nFill each pot")
    part, lesson = _blocks(text)
    headings = [b.text for b in lesson.blocks if isinstance(b, Heading)]
    assert "Tomatoes need warmth, light and patience" not in " ".join(headings)


BROWSER_COPY = """\
Home » Tutorials » Garden Skills » Compost
Sign in | Register
Making compost at home
Share: Facebook Twitter Email
We use cookies to make this site work. By using it you accept our cookie policy.
Accept all
Compost turns kitchen scraps and garden waste into food for the soil; it needs air and time.
What goes in
Mix green waste, such as grass and peelings, with brown waste, such as dry leaves and card.
Material\tKind\tRots in
Grass\tgreen\tweeks
Leaves\tbrown\tmonths
Advertisement
Turning the heap
Turn the heap every few weeks so that air reaches the middle. A heap that smells has too little air.
Practice
1. Name two kinds of green waste.
2. Why does a heap need air?
Previous | Next
2 Comments
Sam: Mine took a year, but it worked!
"""


def test_a_browser_copy_keeps_its_lesson_and_loses_its_furniture():
    part, lesson = _blocks(BROWSER_COPY)
    assert part.family == "web"
    assert lesson.title == "Making compost at home"
    headings = [b.text for b in lesson.blocks if isinstance(b, Heading)]
    assert headings[:2] == ["What goes in", "Turning the heap"]
    text = " ".join(getattr(b, "text", "") for b in lesson.blocks)
    for gone in ("»", "Sign in", "Facebook", "cookie", "Accept all", "Advertisement",
                 "Previous", "Sam:", "Comments"):
        assert gone not in text, gone
    # the table's rows stay rows: one preformatted block, never headings
    tables = [b.text for b in lesson.blocks if isinstance(b, RawMarkdown)]
    assert len(tables) == 1 and "Grass" in tables[0] and "Leaves" in tables[0]
    # one line per paragraph: nothing joined across paragraphs
    assert any(isinstance(b, Paragraph) and b.text.endswith("time.") for b in lesson.blocks)


def test_permalinked_headings_and_box_titles():
    text = ("Telescopes\uf0c1\n\nA telescope gathers light with a lens or a mirror and brings "
            "it to a focus.\n\nRefractors\uf0c1\n\nA refractor uses a lens.\n\nNote\n\n"
            "Lenses bend colours by different amounts.\n\nReflectors\uf0c1\n\n"
            "A reflector uses a curved mirror.\n\n(optional) Exercise 2: Grind a mirror\n\n"
            "Describe how a mirror is ground and polished by hand.\n")
    part, lesson = _blocks(text)
    assert part.family == "web"
    assert lesson.title == "Telescopes"
    assert [b.text for b in lesson.blocks if isinstance(b, Heading)] == [
        "Refractors", "Note", "Reflectors"]  # "(optional) ...": a box's text, not a heading


def test_numbered_and_underlined_headings_keep_their_numbers():
    text = ("Skip to content\n\nSite | Blog | About\n\nBicycle care\n\n"
            "Look after a bicycle and it will look after you for many years of riding.\n\n"
            "1 Cleaning\n\nWash the frame with soapy water and a soft brush after muddy rides.\n\n"
            "2.1 Chains\n\nOil the chain every few weeks, then wipe off what is left on it.\n\n"
            "Brakes\n======\n\nCheck the pads for wear before each long ride in the hills.\n")
    part, lesson = _blocks(text)
    assert part.family == "web"
    assert lesson.title == "Bicycle care"
    assert [b.text for b in lesson.blocks if isinstance(b, Heading)] == [
        "1 Cleaning", "2.1 Chains", "Brakes"]


def test_arrow_links_and_follow_buttons_are_furniture():
    assert web._is_chrome("« Previous lesson")
    assert web._is_chrome("Next: Tides →")
    assert web._is_chrome("Follow us on Twitter")
    assert web._is_chrome("This website uses cookies to improve your experience.")
    assert not web._is_chrome("<<<<<<< HEAD")
    assert not web._is_chrome("The tide rises twice a day.")


def test_the_pages_own_contents_list_goes():
    text = ("Skip to content\n\nHome | Guides\n\nTides\n\nOn this page\n\n  • Why tides happen\n"
            "  • Spring and neap tides\n  • Reading a tide table\n\n"
            "The sea rises and falls twice a day as the Moon pulls on the oceans of the Earth.\n\n"
            "Why tides happen\n\nThe Moon's pull is strongest on the side nearest it.\n\n"
            "Spring and neap tides\n\nWhen Sun and Moon line up, tides are larger than usual.\n\n"
            "Reading a tide table\n\nEach row gives a time and a height of high or low water.\n")
    part, lesson = _blocks(text)
    assert lesson.title == "Tides"
    assert not any(isinstance(b, ListBlock) for b in lesson.blocks)
    assert "On this page" not in " ".join(getattr(b, "text", "") for b in lesson.blocks)
    assert len([b for b in lesson.blocks if isinstance(b, Heading)]) == 3


def test_a_centred_line_alone_is_a_heading():
    body = ("   Clouds form when moist air rises and cools until its water vapour condenses\n"
            "   into tiny droplets that float in the sky and scatter the light of the Sun.\n")
    text = ("   Skip to main content\n   (BUTTON) Menu\n\n" + "Clouds\n\n" + body + "\n"
            + "Kinds of cloud".center(80).rstrip() + "\n\n" + body)
    part, lesson = _blocks(text)
    assert [b.text for b in lesson.blocks if isinstance(b, Heading)] == ["Kinds of cloud"]


LYNX_BLOG = """\
   [1]Skip to content
   [2]Pond Notes
   [3]Home [4]About [5]Contact

Keeping a wildlife pond

   Posted on [6]May 2, 2024 by [7]Kim
   Share this: [8]Facebook [9]Twitter

   A pond needs a shallow edge so that frogs and birds can get in and out,
   and plants that cover about a third of its surface in summer.

Plants to choose

     * Water mint
     * Marsh marigold

  2 thoughts on "Keeping a wildlife pond"

    1. Lee says:
       Lovely, thanks!

Recent Posts

     * [10]Bird boxes

References

   Visible links:
   1. https://example.org/
   2. https://example.org/ponds
"""


def test_a_lynx_blog_page_with_its_link_list():
    part, lesson = _blocks(LYNX_BLOG)
    assert part.family == "web"
    assert lesson.title == "Keeping a wildlife pond"
    assert [b.text for b in lesson.blocks if isinstance(b, Heading)] == ["Plants to choose"]
    text = " ".join(getattr(b, "text", "") for b in lesson.blocks)
    text += " ".join(i.text for b in lesson.blocks if isinstance(b, ListBlock) for i in b.items)
    for gone in ("Pond Notes", "Home", "Posted on", "Share", "thoughts", "Lee", "Recent",
                 "Bird boxes", "https://", "["):
        assert gone not in text, gone
    assert "Water mint" in text


def test_a_sidebar_heading_with_text_after_it_stays():
    raw = _raw("Categories\n\nSorting sorts rows into classes by one of their values, "
               "which we call categories here.\n")
    web.drop_comments(raw, Report("t"))
    assert all(r.keep for r in raw)


# ---- property: prose in a dump stays prose ------------------------------------------

import textwrap  # noqa: E402

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_WORDS = ("river stone meadow lantern harbour orchard kettle violin pebble meadow cloud "
          "garden window ladder candle forest bridge mountain quiet gentle bright slowly "
          "often under over through across beside the a of and with from to").split()
_sentence = st.lists(st.sampled_from(_WORDS), min_size=4, max_size=18).map(
    lambda ws: " ".join([ws[0].capitalize(), *ws[1:]]) + ".")
_paragraph = st.lists(_sentence, min_size=1, max_size=5).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(st.lists(_paragraph, min_size=1, max_size=6), st.sampled_from([0, 3]))
def test_dumped_prose_comes_out_as_its_paragraphs(paragraphs, indent):
    """Hard-wrapped paragraphs of a w3m (margin 0) or lynx (margin 3) dump
    are joined back, each one paragraph: never a heading, never a list."""
    margin = " " * indent
    body = "\n\n".join(textwrap.fill(p, 78 - indent, initial_indent=margin,
                                     subsequent_indent=margin) for p in paragraphs)
    text = (f"{margin}Skip to main content\n\n{margin}Home | Lessons | About\n\n"
            f"Lantern making\n\n{body}\n\n{margin}Previous Next\n")
    part, lesson = _blocks(text)
    assert lesson.title == "Lantern making"
    assert all(isinstance(b, Paragraph) for b in lesson.blocks), lesson.blocks
    assert [b.text for b in lesson.blocks] == paragraphs


def test_a_tex_command_cut_at_its_backslash_is_joined_whole():
    line = "The area of the circle is the integral of the function over the disc, " \
           "written as \\"
    raw = _raw(line + "\nint f \\, dA in most books on calculus.\n")
    web.mark_headings(raw, Report("t"))
    web.join_lines(raw, Report("t"))
    assert [r.text for r in raw if r.keep] == [line + "int f \\, dA in most books on calculus."]


def test_a_worksheet_with_fill_in_lines_and_a_table_is_not_a_web_page():
    text = ("Reading log\n\nName: ________________ Date: ________\n\n"
            "Yes | No\n\n1. What did you read this week?\n\n"
            "________________________________________\n\n"
            "2. Which part did you like best, and why?\n\n"
            "________________________________________\n\n"
            "while (pages > 10 && pages < 100) { read(); }\n")
    assert detect_family(_raw(text)).family.name != "web"


def test_one_word_headings_that_name_a_topic_are_not_furniture():
    for word in ("Search", "Menu", "Register", "Print", "Email", "Top"):
        assert not web._is_chrome(word), word
    assert web._is_chrome("Search this site")
    assert web._is_chrome("Print this page")


def test_a_solution_label_with_a_full_stop_is_a_label():
    raw = _raw("1.\n\nName the largest planet.\nSolution.\nJupiter.\n")
    web.mark_headings(raw, Report("t"))
    web.normalise_bullets(raw, Report("t"))
    assert [r.text for r in raw] == ["1.", "Name the largest planet.", "Solution", "Jupiter."]


def test_a_docs_site_page_with_pilcrows_and_next_links():
    text = ("Skip to content\n\nGarden Docs\n\n  • Home\n  • Sowing\n  • Watering\n\n"
            "Watering¶\n\nWater in the morning so that leaves dry before the evening comes.\n\n"
            "How much¶\n\nGive each plant a full can once a week in dry weather.\n\n"
            "When¶\n\nEarly morning is best, before the sun is high.\n\n"
            "Previous\nSowing\nNext\nHarvest\n\nMade with a static site generator\n")
    part, lesson = _blocks(text)
    assert lesson.title == "Watering"
    assert [b.text for b in lesson.blocks if isinstance(b, Heading)] == ["How much", "When"]
    shown = " ".join(getattr(b, "text", "") for b in lesson.blocks)
    for gone in ("¶", "Harvest", "Sowing", "Made with", "Previous"):
        assert gone not in shown, gone


def test_a_drawn_table_stays_a_table_and_image_placeholders_go():
    text = ("Skip to content\n\nPlanets\n\nThe four inner planets are small and made of rock, "
            "unlike the giants further out.\n\n"
            "┌─────────┬──────────┐\n│ Planet  │ Moons    │\n├─────────┼──────────┤\n"
            "│ Earth   │ 1        │\n│ Mars    │ 2        │\n└─────────┴──────────┘\n\n"
            "[IMG]\n\nIFRAME: https://example.org/orbit\n\n"
            "Mars has two small moons, Phobos and Deimos, both shaped like potatoes.\n")
    part, lesson = _blocks(text)
    assert lesson.title == "Planets"
    assert not [b for b in lesson.blocks if isinstance(b, Heading)]
    tables = [b.text for b in lesson.blocks if isinstance(b, RawMarkdown)]
    assert len(tables) == 1 and "│ Mars    │ 2        │" in tables[0]
    shown = " ".join(getattr(b, "text", "") for b in lesson.blocks)
    assert "[IMG]" not in shown and "IFRAME" not in shown


def test_a_wrapped_cookie_notice_goes_whole():
    text = ("Skip to content\n\nKites\n\n"
            "We use cookies on this site to understand how you use it and to improve\n"
            "your visit, as our policy explains in full\n"
            "detail.\n\n"
            "A kite flies when the wind pushes on its face and the line holds it at an angle.\n")
    part, lesson = _blocks(text)
    assert [b.text for b in lesson.blocks] == [
        "A kite flies when the wind pushes on its face and the line holds it at an angle."]


def test_a_long_lynx_heading_wrapped_at_the_margin_is_one_heading():
    title = ("Why the leaves of deciduous trees in temperate forests change colour every "
             "autumn before they fall")
    head, rest = title[:title.rindex(" ", 0, 78)], title[title.rindex(" ", 0, 78) + 1:]
    text = ("   Skip to main content\n   (BUTTON) Menu\n\nLeaves\n\n"
            "   Chlorophyll breaks down as the days shorten and the cold nights come,\n"
            "   and other pigments show through.\n\n"
            f"{head}\n{rest}\n\n"
            "   Red comes from pigments that the leaf makes fresh in the last weeks.\n")
    part, lesson = _blocks(text)
    assert [b.text for b in lesson.blocks if isinstance(b, Heading)] == [title]
    assert not any(isinstance(b, RawMarkdown) for b in lesson.blocks)


_PIECES = ["Skip to content", "", "  • Home", "[    ]", "Previous Next", "━━━━━━━━━━",
           "Title\uf0c1", "     ____________________________________________", "1.", "Solution.",
           "Question 2:", "   Answer:", "$ ls", "\\(\\newcommand{\\R}{x}", "\\)", "References",
           "   1. https://example.org/", "[3]Home [4]About", "Home » A » B", "= = =", "¶",
           "    indented words here", "A line of plain text that goes on for a while and",
           "ends here.", "3 Comments", "Recent Posts", "│ a │ b │", "o item", "+ item"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=0, max_size=40))
def test_any_mix_of_web_furniture_imports_without_error(pieces):
    text = "Skip to content\n" + "\n".join(pieces) + "\n"
    part = import_text(SourceText(Path("page.txt"), text, "utf-8"), "page.txt")
    assert part.family == "web"


def test_labels_with_no_text_after_them_import_without_error():
    text = "Skip to content\nQuestion 2:\nQuestion 2:\n1.\n"
    part = import_text(SourceText(Path("page.txt"), text, "utf-8"), "page.txt")
    assert part.family == "web"


def test_check_marks_at_line_ends_in_a_pdf_are_no_permalinks():
    text = ("Safety checklist\n\nWear gloves when handling the chemicals in the store room\uf0fc\n"
            "Close the lids of all the bottles after use every time\uf0fc\n"
            "Label every bottle with its contents and the date it was opened\uf0fc\n")
    assert detect_family(_raw(text)).family.name != "web"


def test_a_pdf_with_glued_bullet_glyphs_and_a_list_is_not_a_web_page():
    items = "".join(f"\uf0b7Step {n} of the drill\n" for n in range(1, 11))
    text = ("Fire drill\n\nWhen the alarm sounds, everyone leaves the building by the nearest "
            "exit and\nwaits at the assembly point until the warden has counted them all.\n\n"
            + items + "\n• Keep calm\n• Walk\n• Do not run\n• Help others\n• Stay together\n"
            "• Listen\n• Wait\n• Count\n• Report\n")
    assert detect_family(_raw(text)).family.name != "web"


def test_w3m_buttons_go_and_a_numbered_reference_stays():
    raw = _raw("[Toggle theme] [Menu]\n\n[Search]\n\nBirds\n\n[1] A field guide to the birds.\n")
    web.drop_chrome(raw, Report("t"))
    assert [r.text for r in raw if r.keep] == ["Birds", "[1] A field guide to the birds."]


def test_table_rows_copied_with_single_spaces_are_not_headings():
    text = ("Home » Shop » Fruit\nFruit prices\n"
            "Prices change with the season, so check this table before you go to the market.\n"
            "Fruit Price Weight\nApples 3 1 kg\nPears 4 1 kg\n"
            "Pears cost more in spring, when the stored crop runs low and few are left.\n")
    part, lesson = _blocks(text)
    assert lesson.title == "Fruit prices"
    assert not [b for b in lesson.blocks if isinstance(b, Heading)]


# ---- detection of dumps that show only a few of a page's marks ----------------

W3M_BOOK_PAGE = """\
 1. 2  Watering

Allotment Handbook

  • Introduction
  • 1  Soil
  • 2  Watering
      □ 2.1 When to water
      □ 2.2 How much
  • 3  Pests
      □ 3.1 Slugs
      □ 3.2 Aphids
  • 4  Harvest
  • 5  Storage
  • 6  Seeds
  • 7  Tools

2  Watering

Water early in the morning, when less of it is lost to the sun and the leaves have the whole
day to dry.

2.1 When to water

Push a finger into the soil: if it is dry at the first knuckle, the bed needs water.

 # count the beds
 beds = ["carrots", "beans", "leeks"]

 # water each in turn
 for bed in beds:
     print("watering", bed)

2.2 How much

A deep soak once a week does more good than a sprinkle every day.
"""


def test_a_w3m_page_with_comments_in_its_code_is_no_markdown() -> None:
    """w3m indents a code block's lines, '# comment' among them: no Markdown
    heading stands indented, so the page is a web dump (its nested list
    glyphs and long menu say so), not Markdown with comments for headings."""
    raw = raw_lines(W3M_BOOK_PAGE)
    detection = detect_family(raw)
    assert detection.family.name == "web"
    _, lesson = _blocks(W3M_BOOK_PAGE)
    headings = [b.text for b in lesson.blocks if isinstance(b, Heading)]
    assert "count the beds" not in headings and "water each in turn" not in headings
    assert "2.1 When to water" in headings


def test_markdown_headings_at_the_margin_stay_markdown() -> None:
    text = ("# Knots\n\nA knot holds when it is dressed.\n\n## The bowline\n\n"
            "Make a loop, **pass the end** up through it.\n\n## The hitch\n\n"
            "Two turns and `a tuck`.\n\n### Tying it\n\nPull **both ends**.\n")
    assert detect_family(raw_lines(text)).family.name == "markdown"


def test_lynx_link_relations_line_makes_a_dump() -> None:
    """lynx prints a page's <link rel> names on its first line; nothing else
    starts so."""
    text = ("#prev next\n\n   Bread rises when the yeast has sugar and warmth enough to work,"
            "\n   and it falls again if it is left too long.\n\nShaping\n\n"
            "   Fold the dough over itself and turn it a quarter each time.\n")
    assert detect_family(raw_lines(text)).family.name == "web"
    assert not web._link_relations("#hashtag and more")
    assert not web._link_relations("# prev next")


def test_html2text_page_with_one_starred_heading_is_a_dump() -> None:
    """html2text stars a heading and underscores its link texts; one such
    heading and a navigation bar make a web page, not a PDF's text."""
    text = ("                [ Chapter_Index | Main_Index ]\n"
            "==========================================================\n"
            "***** Answers on the Night Sky *****\n"
            "These are sample answers to the questions on stars and planets. Many other\n"
            "answers are correct too.\n"
            "Question 1: Why do stars twinkle?\n"
            "Answer: Their light passes through moving air that bends it one way and then\n"
            "another.\n")
    detection = detect_family(raw_lines(text))
    assert detection.family.name == "web"
    _, lesson = _blocks(text)
    assert lesson.title == "Answers on the Night Sky"


def test_lynx_nested_list_glyphs_are_evidence() -> None:
    lynx = ("     * Bicycles\n     * Frames\n          + Steel\n          + Aluminium\n"
            "     * Wheels\n          + Spokes\n")
    assert web._nested_glyphs(raw_lines(lynx))
    plain = "* Bicycles\n* Frames\n\n+ Steel\n+ Aluminium\n"
    assert not web._nested_glyphs(raw_lines(plain))


W3M_SECTIONS_PAGE = """\
                         [ Previous Section | Next Section | Chapter Index | Main Index ]
━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━

Counting Loops

━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━

A loop that counts runs its body a known number of times, and the count is kept in a variable
that the loop itself changes on every pass.

4.2.1  Counting Up

Start the count at one and stop after the last value. In outline:

repeat for each number from 1 to 10:
    say the number
    wait a second
say "done"

That is all there is to it, though the limit may come from the user instead.

4.2.2  nested loops

A loop may hold another loop, which then runs in full on every pass of the outer one, as the
hands of a clock do.
"""


def test_numbered_subsections_with_the_dumps_gap_and_a_lowercase_title_are_headings() -> None:
    """w3m and lynx leave two spaces after a section number ('4.2.1  Counting
    Up'): no table's columns. A title in lower case under the same parent
    number as its siblings ('4.2.2  nested loops') is a heading too."""
    _, lesson = _blocks(W3M_SECTIONS_PAGE)
    headings = [b.text for b in lesson.blocks if isinstance(b, Heading)]
    assert "4.2.1 Counting Up" in headings and "4.2.2 nested loops" in headings


def test_pseudocode_at_the_margin_is_kept_as_code() -> None:
    """Short lines at two indents, none a sentence nor a list item: the
    page's <pre> (pseudocode), printed at the text's margin; its lines stay
    lines, not one paragraph each."""
    _, lesson = _blocks(W3M_SECTIONS_PAGE)
    code = [b for b in lesson.blocks if isinstance(b, RawMarkdown) and "```" in b.text]
    assert code and "    say the number" in code[0].text
    assert not any(isinstance(b, Paragraph) and b.text.startswith("say the number")
                   for b in lesson.blocks)


def test_a_term_and_its_definition_are_no_code() -> None:
    block = _raw("Frost\n    the first night below freezing, when tender plants die.\n")
    assert not web._indented_structure(block, 100)
    assert not web._indented_structure(_raw("* Tomatoes\n    need warmth\n"), 100)


def test_the_chapter_heading_over_its_first_numbered_section_is_the_title() -> None:
    """A book page's title ('Chapter 4 Knots') with its first section
    ('4.1 The reef knot') right under it: the page is the chapter, not the
    section; the site's name above them goes with the menu."""
    text = """\
  • Sailing Notes
  • 3 Rigging
      □ 3.1 Halyards
  • 4 Knots
      □ 4.1 The reef knot
      □ 4.2 The clove hitch
  • 5 Weather
      □ 5.1 Clouds
  • 6 Tides
  • 7 Charts
  • 8 Radio
  • 9 Safety
  • 10 Mooring

Sailing Notes

Chapter 4 Knots

4.1 The reef knot

Right over left and left over right makes a knot that lies flat and holds under a steady pull.

4.2 The clove hitch

Two turns round a post, the second crossing the first, hold a line that pulls one way.
"""
    _, lesson = _blocks(text)
    assert lesson.title == "Chapter 4 Knots"
    headings = [b.text for b in lesson.blocks if isinstance(b, Heading)]
    assert "4.1 The reef knot" in headings


def test_a_callout_label_is_never_the_page_title() -> None:
    text = """\
Skip to content

  • Home
  • Lessons
      □ Pruning
      □ Grafting
  • Tools
      □ Saws
  • About
  • Contact
  • Links
  • Shop
  • News
  • Events
  • Blog

Grafting Apple Trees

Warning

Grafting knives are very sharp: always cut away from the hand that holds the scion, and keep a
plaster within reach.
"""
    _, lesson = _blocks(text)
    assert lesson.title == "Grafting Apple Trees"


W3M_LABEL_TABLE = """\
                                                               [ Chapter Index | Main Index ]
━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━

Answers for the Quiz on Weather

These are sample answers to the quiz on clouds, fronts and rain. Other answers may be just as
good as the ones given here.

┌──────────────┬─────────────────────────────────────────────────────────────────────────────┐
│ Question 1:  │ Why does dew form on grass on a clear, still night while the air above      │
│              │ stays dry?                                                                  │
├──────────────┼─────────────────────────────────────────────────────────────────────────────┤
│ Answer:      │ The grass loses its heat to the clear sky faster than the air does. When it │
│              │ is colder than the dew point, water from the air right above it condenses   │
│              │ on its blades.                                                              │
│              │                                                                             │
│              │ On a cloudy night the clouds send heat back and little dew forms.           │
├──────────────┼─────────────────────────────────────────────────────────────────────────────┤
│ Question 2:  │ Name each of these clouds:                                                  │
│              │                                                                             │
│              │ a)    a grey sheet                                                          │
│              │                                                                             │
│              │ b)    a tall tower                                                          │
├──────────────┼─────────────────────────────────────────────────────────────────────────────┤
│ Answer:      │ A grey sheet that covers the whole sky is stratus. A tall tower with a flat │
│              │ top spread out like an anvil is cumulonimbus, the cloud of thunderstorms.   │
└──────────────┴─────────────────────────────────────────────────────────────────────────────┘
━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
                                                               [ Chapter Index | Main Index ]
"""


def test_a_drawn_table_of_labelled_rows_is_read_as_questions_and_answers() -> None:
    """w3m draws a layout table's borders: a first column of labels
    ('Question 1:', 'Answer:') over a second of text makes labelled
    paragraphs, as lynx prints the same table, and so a quiz with its
    answers; the text of a cell is one paragraph however the cell wrapped it."""
    part, lesson = _blocks(W3M_LABEL_TABLE)
    assert lesson.title == "Answers for the Quiz on Weather"
    questions = [q for quiz in lesson.quizzes for q in quiz.questions]
    assert [q.prompt[:20] for q in questions] == ["Why does dew form on", "Name each of these c"]
    assert questions[0].model_answer.startswith(
        "The grass loses its heat to the clear sky faster than the air does. When it is colder")
    # the lettered parts of the second question are no options: its answer explains
    assert questions[1].kind == "open" and questions[1].model_answer.startswith("A grey sheet")
    assert not any("┌" in b.text or "│" in b.text for b in lesson.blocks
                   if isinstance(b, (Paragraph, RawMarkdown)))


def test_a_drawn_table_of_data_stays_as_drawn() -> None:
    table = _raw("┌────────┬───────┐\n│ Planet │ Moons │\n├────────┼───────┤\n"
                 "│ Earth  │ 1     │\n├────────┼───────┤\n│ Mars   │ 2     │\n└────────┴───────┘\n")
    before = [r.text for r in table]
    web.unbox_label_tables(table, Report("t"))
    assert [r.text for r in table] == before


SPHINX_BOOK_PAGE = """\
Skip to main content

Back to top

  • Getting started
  • Watering
  • Pruning
  • Sowing
  • Harvest
  • Storage
  • Tools
  • Pests
  • Soil
  • Compost
  • Seeds
  • Weather

Pruning Roses#

Roses flower on new wood, so a hard cut in late winter gives more blooms in summer.

Sign In#

The club's shed is locked: sign in at the gate with the warden before you borrow the shears.

tools/shears.txt¶

clean the blades
oil the spring

Cutting Back#

Cut each cane just above an outward-facing bud, at a slant that sheds the rain.

$ count-canes
========== 12 canes found ==========

Cane    Length   Buds
----------------------
first   40 cm    3

previous

Watering

next

Sowing
"""


def test_sphinx_book_theme_permalinks_are_no_part_of_headings() -> None:
    """pydata and book themes draw a heading's permalink as '#': it goes
    (three headings or more end so); a heading that reads like a sign-in
    link stays a heading when it has its permalink; a code block's caption
    (a file name with its pilcrow) is no heading; the titles of the pages a
    'previous'/'next' link leads to go with it; a test runner's '=== 12
    found ===' line and a table's head over dashes are no headings."""
    _, lesson = _blocks(SPHINX_BOOK_PAGE)
    assert lesson.title == "Pruning Roses"
    headings = [b.text for b in lesson.blocks if isinstance(b, Heading)]
    assert headings == ["Sign In", "Cutting Back"]


def test_a_hash_is_a_permalink_only_after_a_word_that_is_no_name() -> None:
    assert web.permalink_hash("Cutting Back#") == "Cutting Back"
    assert web.permalink_hash("Learning C#") == "Learning C#"
    assert web.permalink_hash("Learning C##") == "Learning C#"


def test_html2text_headings_lose_their_permalinks() -> None:
    text = ("****** Knots¶ ******\nA knot holds when it is dressed and set.\n"
            "***** The Bowline¶ *****\nMake a small loop and pass the end up through it.\n"
            "***** The Hitch# *****\nTwo turns and a tuck hold a line to a post.\n"
            "***** Learning C# *****\nA language, named with its sharp.\n")
    part, lesson = _blocks(text)
    assert lesson.title == "Knots"
    headings = [b.text for b in lesson.blocks if isinstance(b, Heading)]
    assert headings == ["The Bowline", "The Hitch", "Learning C#"]


HTML2TEXT_BOOK_THEME = """\
    * Getting_started
    * Pruning

****** Pruning Roses ******
***** Contents *****
    * When_to_Prune
    * How_to_Cut

****** Pruning Roses# ******
Roses flower on new wood, so a hard cut in late winter gives more blooms.
***** When to Prune# *****
Late winter, before the buds swell, while the plant is still asleep.
***** How to Cut# *****
Just above an outward-facing bud, at a slant that sheds the rain.

previous
Watering

next
Sowing
 Contents
    * When_to_Prune
    * How_to_Cut
By The Garden Club
"""


def test_html2text_book_theme_header_and_footer_go() -> None:
    """A book theme repeats the page's title over its 'Contents' list: the
    page starts at the title's second heading (one lesson, not two); the
    'previous'/'next' links near the end and the sidebar under them go."""
    part = import_text(SourceText(Path("page.txt"), HTML2TEXT_BOOK_THEME, "utf-8"), "page.txt")
    assert [lesson.title for lesson in part.lessons] == ["Pruning Roses"]
    lesson = part.lessons[0]
    headings = [b.text for b in lesson.blocks if isinstance(b, Heading)]
    assert headings == ["When to Prune", "How to Cut"]
    text = " ".join(getattr(b, "text", "") for b in lesson.blocks)
    assert "Watering" not in text and "Sowing" not in text and "Garden Club" not in text


def test_a_credit_to_the_author_over_the_copyright_goes() -> None:
    raw = _raw("Skip to content\n\nThe end of the lesson text, which is long enough to read.\n\n"
               "By The Garden Club\n\n© Copyright 2024 The Garden Club.\n")
    web.drop_chrome(raw, Report("t"))
    assert [r.text for r in raw if r.keep] == [
        "The end of the lesson text, which is long enough to read."]


W3M_NUMBERED_BOOK_PAGE = """\
Skip to main content

  • 1. Seeds
  • 2. Soil
  • 3. Watering
  • 4. Pruning
  • 5. Harvest
  • 6. Storage
  • 7. Pests
  • 8. Tools
  • 9. Compost
  • 10. Weather
  • 11. Records
  • 12. Index

3. Watering#

3.1. Overview#

Plants drink most in the morning, before the sun takes the water away, so we water
them early.

The can we use holds

litres = 10

3.2. Timing#

Early in the day is best, and never at noon, when drops on the leaves can scorch them.

3.3. Amounts#

A deep soak once a week does more than a sprinkle every day.

3.4. Exercises#

Exercise 3.1

How many litres does a bed of four square metres need in a week, at ten litres a metre?

Solution to Exercise 3.1

Here is one way

beds = 4
print(beds * 10)

Exercise 3.2

Write a rule that says when to water a pot plant.

Solution to Exercise 3.2

Water it when the top of the soil is dry to the touch.
"""


def test_a_numbered_book_page_takes_only_numbered_lines_for_headings() -> None:
    """Where the page numbers its headings ('3.2. Timing'), a short line
    alone without a number is text leading to a code block ('The can we use
    holds', 'Here is one way'), not a heading; the usual words ('Exercise',
    'Solution') still head their boxes."""
    _, lesson = _blocks(W3M_NUMBERED_BOOK_PAGE)
    assert lesson.title == "3. Watering"
    sections = [b.text for b in lesson.blocks if isinstance(b, Heading) and not b.role]
    assert sections[:3] == ["3.1. Overview", "3.2. Timing", "3.3. Amounts"]
    assert "The can we use holds" not in sections and "Here is one way" not in sections


def test_exercises_with_solutions_named_after_them_make_questions_with_answers() -> None:
    """sphinx-exercise's boxes: 'Exercise 3.1' alone over its text, then
    'Solution to Exercise 3.1' over the answer."""
    _, lesson = _blocks(W3M_NUMBERED_BOOK_PAGE)
    questions = [q for quiz in lesson.quizzes for q in quiz.questions]
    assert [q.prompt[:12] for q in questions] == ["How many lit", "Write a rule"]
    assert questions[0].model_answer.startswith("Here is one way")
    assert questions[1].model_answer.startswith("Water it when")


def test_lynx_code_lines_indented_as_the_code_was_stay_in_its_block() -> None:
    text = ("#prev next\n\nMeasuring Rain\n\n   A gauge is read each morning at nine, "
            "and the level is written in the book.\n"
            "def total(days):\n    sum = 0\n    for d in days:\n        sum = sum + d\n"
            "    return sum\n\n   Then the gauge is emptied for the next day.\n")
    _, lesson = _blocks(text)
    code = [b.text for b in lesson.blocks if isinstance(b, RawMarkdown) and "```" in b.text]
    assert code and "    sum = 0" in code[0] and "return sum" in code[0]


def test_html2text_book_header_with_the_title_unnumbered_goes() -> None:
    text = ("****** Watering ******\n***** Contents *****\n    * 3.1._Overview\n"
            "    * 3.2._Timing\n\n****** 3. Watering# ******\n"
            "Plants drink most in the morning, before the sun is high.\n"
            "***** 3.1. Overview# *****\nWater early.\n***** 3.2. Timing# *****\nNever at noon.\n")
    part = import_text(SourceText(Path("page.txt"), text, "utf-8"), "page.txt")
    assert [lesson.title for lesson in part.lessons] == ["3. Watering"]


def test_the_paragraph_that_introduces_exercise_boxes_is_no_question() -> None:
    text = W3M_NUMBERED_BOOK_PAGE + """
3.5. Advanced Exercises#

In the following exercises, we will write a watering plan together.

Exercise 3.3

How much water does a greenhouse of twenty pots need over a week of July?

Solution to Exercise 3.3

About a litre a pot a day: one hundred and forty litres in the week.
"""
    _, lesson = _blocks(text)
    prompts = [q.prompt for quiz in lesson.quizzes for q in quiz.questions]
    assert len(prompts) == 3
    assert not any(p.startswith("In the following exercises") for p in prompts)
    assert prompts[-1].startswith("How much water does a greenhouse")


LYNX_EXERCISES_PAGE = """\
                                            [ Chapter Index | Main Index ]
     __________________________________________________________________

Programming Exercises on Bread
     __________________________________________________________________

   This page holds exercises on baking bread. For each one, a link leads
   to a possible solution on a page of its own.
     __________________________________________________________________

Exercise 4.1:

   Write a program that scales a recipe for one loaf up to any number of
   loaves, rounding each weight to the nearest gram.

                                                          See the Solution
     __________________________________________________________________

Exercise 4.2:

   Write a program that tells the baker when to shape the dough, given
   the time it went in to rise. If the user types

He said, "The dough is ready."

   the program should answer with the time of shaping.

                                                          See the Solution
     __________________________________________________________________
"""


def test_exercise_labels_with_a_colon_and_links_to_solution_pages() -> None:
    """'Exercise 4.1:' alone titles an exercise; 'See the Solution' at its
    end links to another page (no answer here, none invented); a quoted
    sentence alone is no heading."""
    _, lesson = _blocks(LYNX_EXERCISES_PAGE)
    questions = [q for quiz in lesson.quizzes for q in quiz.questions]
    assert [q.prompt[:20] for q in questions] == ["Write a program that", "Write a program that"]
    assert all(not q.model_answer and q.kind == "open" for q in questions)
    assert not [b for b in lesson.blocks if isinstance(b, Heading) and not b.role]


# ---- a blog post's furniture around its lesson and its quiz ------------------

def _blog_post(lynx: bool) -> str:
    """A blog engine's post dumped by lynx (text indented, headings at the
    margin) or w3m (all at the margin): the site's name and menu, a contents
    box with numbered items,
    a quiz whose keys stand on one labelled line, share buttons, links to
    the posts before and after under a heading of their own, comments."""
    pad = "   " if lynx else ""
    bullet = "*" if lynx else "•"
    lines = [
        f"{pad}[1]Skip to content" if lynx else "Skip to content", "",
        f"{pad}Kitchen Basics", "",
        f"{pad}  {bullet} Home", f"{pad}  {bullet} Recipes", f"{pad}  {bullet} About", "",
        "Proving Bread Dough at Home", "",
        f"{pad}Posted on March 3, 2026 by Sam Ortiz", "",
        f"{pad}Proving gives the yeast time to fill the dough with gas, so the loaf",
        f"{pad}rises in the oven instead of baking into a dense brick.", "",
        f"{pad}Contents",
        f"{pad}  {bullet} 1 Where to prove",
        f"{pad}  {bullet} 2 How long it takes",
        f"{pad}  {bullet} 3 Quick quiz", "",
        "Where to prove", "",
        f"{pad}A warm, draught-free spot works best: an oven with only its light",
        f"{pad}switched on keeps the dough at about thirty degrees.", "",
        "How long it takes", "",
        f"{pad}Most doughs double in one to two hours. Press a floured finger into",
        f"{pad}the dough: if the dent springs back slowly, it is ready to bake.", "",
        "Quick quiz", "",
        f"{pad} 1. What does the yeast fill the dough with while it proves overnight?",
        f"{pad}    a) Water",
        f"{pad}    b) Gas",
        f"{pad}    c) Flour",
        f"{pad} 2. How do you test that the dough has proved long enough before baking?",
        f"{pad}    a) Press a floured finger into it",
        f"{pad}    b) Weigh it",
        f"{pad}    c) Taste it", "",
        f"{pad}Answers: 1. b 2. a", "",
        "Share this:", "",
        f"{pad}  {bullet} Facebook",
        f"{pad}  {bullet} Email", "",
        "Post navigation", "",
        f"{pad}Previous post: Choosing a flour",
        f"{pad}Next post: Shaping a round loaf", "",
        "2 thoughts on “Proving Bread Dough at Home”", "",
        f"{pad}Lee says: my kitchen is cold, the oven trick works.",
    ]
    return "\n".join(lines) + "\n"


def _all_text(lesson) -> str:
    return " ".join(getattr(b, "text", "") for b in lesson.blocks) + " " + " ".join(
        item.text for b in lesson.blocks if isinstance(b, ListBlock) for item in b.items)


def test_a_blog_posts_quiz_keeps_its_options_and_takes_its_labelled_keys():
    for lynx in (True, False):
        part, lesson = _blocks(_blog_post(lynx))
        [quiz] = lesson.quizzes
        first, second = quiz.questions
        # the first option is not glued to a question that nearly fills its line
        assert first.prompt.endswith("overnight?")
        assert first.options == ["Water", "Gas", "Flour"]
        assert [first.correct, second.correct] == [[1], [0]]
        # the line of keys is no heading and never shown in the lesson
        assert not any("Answers" in getattr(b, "text", "") for b in lesson.blocks)


def test_a_blog_posts_numbered_contents_share_buttons_and_post_links_go():
    for lynx in (True, False):
        part, lesson = _blocks(_blog_post(lynx))
        assert part.lessons[0].title == "Proving Bread Dough at Home"
        headings = [b.text for b in lesson.blocks if isinstance(b, Heading)]
        assert headings == ["Where to prove", "How long it takes"]
        text = _all_text(lesson)
        for furniture in ("Contents", "Facebook", "Email", "Previous post", "Next post",
                          "Shaping", "Post navigation", "Lee says"):
            assert furniture not in text, (lynx, furniture)
        assert "draught-free spot" in text and "springs back slowly" in text


# ---- a wiki's article --------------------------------------------------------

WIKI_ARTICLE = """\
   [1]Jump to content

Navigation menu

     * [2]Main page
     * [3]Random article
     * [4]Log in

Rainwater harvesting

   Rainwater harvesting is the collection of run-off from a roof for later
   use in the garden.^[5][1] A single downpipe can fill a barrel in an hour.^[6][2]

Contents

     * [7]1 Collection
          + [8]1.1 Gutters
     * [9]2 Storage
     * [10]3 References

Collection[[11]edit]

   Water is gathered from the roof through the gutters and a downpipe that
   feeds the tank; a mesh at the top keeps leaves and insects out of it.

Gutters[[12]edit]

   Gutters should fall gently towards the downpipe so that no water stands
   in them between showers, where mosquitoes would breed.

Storage[[13]edit | [14]edit source]

   A covered tank keeps the water dark, so that algae cannot grow in it,
   and a tap near its base makes it easy to fill a watering can.

References[[15]edit]

    1. [16]^ Harper, D. (2019). Water in the Garden. Field Press. p. 40.
    2. [17]^ Okafor, N. (2021). Small Tanks. p. 7.

   Retrieved from "https://wiki.example.org/Rainwater_harvesting"

     * This page was last edited on 3 March 2026, at 09:12.
     * Text is available under the Free Documentation License; additional
       terms may apply.

     * [18]Privacy policy
     * [19]Disclaimers

References

   1. https://wiki.example.org/Rainwater_harvesting#content
   2. https://wiki.example.org/Main_Page
   3. https://wiki.example.org/Special:Random
   4. https://wiki.example.org/Special:UserLogin
"""


def test_a_wiki_articles_edit_links_contents_citation_marks_and_footer_go():
    part, lesson = _blocks(WIKI_ARTICLE)
    headings = [b.text for b in lesson.blocks if isinstance(b, Heading)]
    assert headings == ["Collection", "Gutters", "Storage", "References"]
    text = _all_text(lesson)
    assert "run-off from a roof for later use in the garden.[1]" in text
    assert "^" not in text
    for furniture in ("Contents", "1.1 Gutters", "edit", "Retrieved from", "last edited",
                      "available under", "Privacy policy", "Disclaimers"):
        assert furniture not in text, furniture
    # the references stay, without the links back to the text
    [references] = [b for b in lesson.blocks if isinstance(b, ListBlock)]
    assert [item.text for item in references.items] == [
        "Harper, D. (2019). Water in the Garden. Field Press. p. 40.",
        "Okafor, N. (2021). Small Tanks. p. 7."]


# ---- a documentation site's tutorial: skills test and feedback widget -------

DOCS_TUTORIAL = """\
     * [1]Skip to main content
     * [2]Skip to search

                              Sorting lists

   [3]Previous [4]Overview: Data [5]Next

   In this lesson we sort a list of numbers in place and make a sorted copy
   of it, leaving the original as it was.

Sorting in place

   The sort method changes the list itself and returns nothing at all, so
   do not assign its result to a variable.

Test your skills

    1. Which call leaves the original list as it was?
         a. numbers.sort()
         b. sorted(numbers)
         c. numbers.reverse()
    2. The sort method returns the sorted list. True or false?

   Show answers

   1. b

   2. False. It sorts the list in place and returns None.

   [6]Previous [7]Overview: Data [8]Next

   Help improve PyNotes

   Was this page helpful to you?
   (BUTTON) Yes (BUTTON) No

   [9]Learn how to contribute.

References

   1. https://docs.example.org/sorting#content
   2. https://docs.example.org/sorting#search
"""


def test_a_skills_test_takes_its_shown_answers_and_the_feedback_widget_goes():
    part, lesson = _blocks(DOCS_TUTORIAL)
    assert lesson.title == "Sorting lists"
    [quiz] = lesson.quizzes
    choice, statement = quiz.questions
    assert choice.options == ["numbers.sort()", "sorted(numbers)", "numbers.reverse()"]
    assert choice.correct == [1]
    assert statement.correct == [1]  # False
    text = _all_text(lesson)
    for furniture in ("Previous", "Overview", "Help improve", "helpful", "contribute"):
        assert furniture not in text, furniture


DOCS_TUTORIAL_W3M = """\
  • Skip to main content
  • Skip to search

PyNotes

  • Guides
  • Reference

Sorting lists

In this lesson we sort a list of numbers in place and make a sorted copy of
it, leaving the original as it was.

Sorting in place

The sort method changes the list itself and returns nothing at all, so do not
assign its result to a variable.

Was this page helpful to you?

YesNo

View this page on GitHub • Report a problem with this content

Made for learners everywhere.

  • About
  • Careers

Portions of this content are ©2020–2026 by individual contributors. Content
available under a Creative Commons licence.
"""


def test_a_w3m_dump_opening_on_a_menu_of_skip_links_is_a_web_page_and_loses_its_footer():
    part, lesson = _blocks(DOCS_TUTORIAL_W3M)
    assert part.family == "web"
    assert lesson.title == "Sorting lists"
    assert [b.text for b in lesson.blocks if isinstance(b, Heading)] == ["Sorting in place"]
    text = _all_text(lesson)
    for furniture in ("Skip", "YesNo", "GitHub", "Report a problem", "About", "Careers", "©",
                      "licence"):
        assert furniture not in text, furniture
    assert "returns nothing at all" in text


def test_a_lynx_line_shortened_by_its_link_numbers_still_wraps_into_the_next():
    # the first line filled the dump's width with its link numbers; without
    # them its next line's first word ("So") would have fitted on it
    text = (
        "   [1]Skip to content\n\nCanoe Club\n\n"
        "   Members borrow the club's [12]buoyancy aids, [13]helmets or [14]decks.\n"
        "   So return them to the store after each session, that others can use them\n"
        "   too, and report any damage you find to the equipment officer at once.\n\n"
        "   Boats are booked on the sheet by the door; a booking lasts two hours and\n"
        "   can be renewed when nobody else is waiting for the same boat that day.\n\n"
        "References\n\n   1. https://club.example.org/#content\n"
        "  12. https://club.example.org/kit/aids\n  13. https://club.example.org/kit/helmets\n"
        "  14. https://club.example.org/kit/decks\n")
    part, lesson = _blocks(text)
    paragraphs = [b.text for b in lesson.blocks if isinstance(b, Paragraph)]
    assert paragraphs[0] == (
        "Members borrow the club's buoyancy aids, helmets or decks. So return them to the "
        "store after each session, that others can use them too, and report any damage you "
        "find to the equipment officer at once.")


def test_the_tagline_under_a_wiki_articles_title_is_not_taken_for_it():
    lynx = WIKI_ARTICLE.replace(
        "Rainwater harvesting\n\n   Rainwater",
        "Rainwater harvesting\n\n   From GardenWiki, the free gardening encyclopedia\n\n"
        "   Rainwater")
    assert lynx != WIKI_ARTICLE
    part, lesson = _blocks(lynx)
    assert lesson.title == "Rainwater harvesting"
    # w3m: everything at the margin; the title stands alone, the tagline over the text
    w3m = ("Skip to content\n\nMain page\n\nRandom article\n\nLog in\n\nNettle soup\n\n"
           "From GardenWiki, the free gardening encyclopedia\n"
           "Nettle soup is made from the young tops of stinging nettles picked in spring,\n"
           "before the plants flower, and cooked with potato and stock until soft.\n\n"
           "Picking\n\nWear gloves and pick only the top four leaves of each plant, away\n"
           "from roads and from ground where dogs are walked.\n")
    part, lesson = _blocks(w3m)
    assert lesson.title == "Nettle soup"
