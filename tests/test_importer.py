# ruff: noqa: W291, W293  (the PDF sample keeps its trailing spaces on purpose)
"""Each importer rule on small texts of the same families, other topics."""

from __future__ import annotations

from pathlib import Path

from build_course.build.rendering import md_text, render_lesson, render_quiz
from build_course.diagnostics import Report, Topic, review_list
from build_course.importer.families import clean_text
from build_course.importer.importing import import_text
from build_course.importer.reading import decode_source
from build_course.model import (
    Definition,
    Dialogue,
    ExerciseLink,
    Heading,
    ListBlock,
    Paragraph,
    Quote,
    SourceText,
)
from build_course.quiz.kinds import QuestionKind


def _part(text: str, name: str = "t.txt"):
    return import_text(SourceText(Path(name), text, "utf-8"), name)


# A PDF extraction of a gardening e-book: running chapter markers that close
# each chapter's first page, a footer and page number, blank lines between
# wrapped lines, bullets whose glyph was lost.
GARDEN_PDF = """ About this Book 

This book teaches the basics of growing vegetables in a small garden and on a balcony, 

with examples for every season of the year. 
 Soil is where every garden starts. Good soil holds water, feeds the roots and lets air 

reach them. In this chapter we look at what soil is made of and how to improve it. 

What Is Soil? 

Soil is a mix of minerals, organic matter, water and air. The balance of these decides 

how well plants grow in it: 

 Sand drains fast 

 Clay holds water and nutrients but can become hard 

 Loam is a mix of both and suits most vegetables 

 

 Home Gardening ─ Soil 
 Improving Your Soil 

Add compost every spring. Compost feeds the soil life, which in turn feeds the plants, 

and it makes heavy clay easier to dig. 

Home Gardening 

14 
 Water in the morning, not at noon, so that less of it evaporates before it reaches the 

roots of your plants. 

Watering Deeply 

Water less often but deeply, so that roots grow down: 

 Check the soil with a finger before watering 

 Use a can with a fine rose for seedlings 

 Home Gardening ─ Watering 
 Mulching 

A layer of mulch keeps the soil moist and cool in summer. 
"""


def test_pdf_chapters_start_where_their_first_page_starts():
    part = _part(GARDEN_PDF)
    titles = [lesson.title for lesson in part.lessons]
    assert titles == ["About this Book", "Soil", "Watering"]
    assert part.lessons[0].role == "about"
    soil = part.lessons[1]
    first = soil.blocks[0]
    assert isinstance(first, Paragraph) and first.text.startswith("Soil is where every garden")
    water = part.lessons[2]
    assert water.blocks[0].text.startswith("Water in the morning, not at noon")


def test_pdf_running_markers_footers_and_page_numbers_never_reach_a_page():
    part = _part(GARDEN_PDF)
    # the body of each page (its front matter names the part: the markers' book title)
    pages = "\n".join(render_lesson(part, lesson).text.split("\n---\n", 1)[1]
                      for lesson in part.lessons)
    assert part.title == "Home Gardening"
    assert "Home Gardening" not in pages
    assert "\n14\n" not in pages
    notes = [d.message for d in part.diagnostics]
    assert any("page number '14'" in n for n in notes)


def test_pdf_wrapped_lines_join_into_one_paragraph():
    part = _part(GARDEN_PDF)
    paragraphs = [b.text for b in part.lessons[1].blocks if isinstance(b, Paragraph)]
    assert ("Soil is where every garden starts. Good soil holds water, feeds the roots and lets "
            "air reach them. In this chapter we look at what soil is made of and how to improve "
            "it.") in paragraphs


def test_pdf_lost_glyph_bullets_become_one_list_with_wrapped_items_kept_whole():
    part = _part(GARDEN_PDF)
    lists = [b for b in part.lessons[1].blocks if isinstance(b, ListBlock)]
    assert [item.text for item in lists[0].items] == [
        "Sand drains fast", "Clay holds water and nutrients but can become hard",
        "Loam is a mix of both and suits most vegetables"]


def test_pdf_headings_are_found_by_shape():
    part = _part(GARDEN_PDF)
    headings = [b.text for lesson in part.lessons for b in lesson.blocks
                if isinstance(b, Heading)]
    assert headings == ["What Is Soil?", "Improving Your Soil", "Watering Deeply", "Mulching"]


# A web copy about spreadsheets: exercises under another title, answer
# lists that restart at 1, a dialogue, a quote with its link.
SHEETS_WEB = """share email print
Lesson 2 - Formulas in Spreadsheets

"A spreadsheet is only as good as its formulas." (https://example.org/quotes)

Objectives

  • Write a formula.
  • Copy a formula without breaking it.

Writing Formulas

A formula starts with an equals sign.

Exercise: Your First Formula

Time: 10 minutes.

Read the conversation, then answer the questions.

Ana: My total is wrong again.

Ben: Did you start the formula with an equals sign?

Ana: No, I typed the word SUM.

  1. What did Ana forget?
  2. Which of these is a valid formula?
    1. SUM(A1:A3)
    2. =SUM(A1:A3)
    3. =SUM A1 A3
  3. A formula may start with a plus sign in every spreadsheet program.
    1. True.
    2. False.
  4. Which cells are summed by =SUM(A1:A2)?
    1. A1
    2. A2
    3. B1


  1. Answers will vary, but should mention the equals sign.
  2. B. =SUM(A1:A3)
  3. False.
  4. A and B.

Copying Formulas

Relative references move with the copy.
"""


def test_web_exercise_becomes_a_quiz_with_paired_answer_key():
    part = _part(SHEETS_WEB)
    lesson = part.lessons[0]
    assert lesson.title == "Formulas in Spreadsheets"
    assert lesson.objectives == ["Write a formula.", "Copy a formula without breaking it."]
    [quiz] = lesson.quizzes
    assert quiz.title == "Exercise: Your First Formula"
    assert quiz.duration == "10 minutes"
    kinds = [q.kind for q in quiz.questions]
    assert kinds == [QuestionKind.OPEN, QuestionKind.SINGLE_CHOICE, QuestionKind.TRUE_FALSE,
                     QuestionKind.MULTIPLE_CHOICE]
    assert quiz.questions[0].model_answer.startswith("Answers will vary")
    assert quiz.questions[1].correct == [1]
    assert quiz.questions[2].correct == [1]
    assert quiz.questions[3].correct == [0, 1]
    [dialogue] = [b for b in quiz.intro if isinstance(b, Dialogue)]
    assert [t.speaker for t in dialogue.turns] == ["Ana", "Ben", "Ana"]
    assert any(isinstance(b, ExerciseLink) for b in lesson.blocks)
    assert not [d for d in part.diagnostics if d.severity == "warning"]


def test_web_quote_keeps_its_link_and_share_line_is_dropped():
    part = _part(SHEETS_WEB)
    page = render_lesson(part, part.lessons[0]).text
    assert "share email print" not in page
    [q] = [b for b in part.lessons[0].blocks if isinstance(b, Quote)]
    assert q.link == "https://example.org/quotes"
    assert '"A spreadsheet is only as good as its formulas."' in q.text


def test_quiz_page_hides_answers_in_details_and_letters_options():
    part = _part(SHEETS_WEB)
    page = render_quiz(part, part.lessons[0]).text
    assert f"    - B. {md_text('=SUM(A1:A3)')}" in page
    assert '??? success "Show answer"' in page
    assert "**Answer: A, B.**" in page
    assert '??? success "Show model answer"' in page


def test_answer_key_mismatch_warns_with_its_line():
    text = SHEETS_WEB.replace("  4. A and B.\n", "")
    part = _part(text)
    warnings = [d for d in part.diagnostics if d.severity == "warning"]
    assert any("4 questions but its answer list has 3 answers" in w.message for w in warnings)
    assert all(w.line > 0 for w in warnings)


def test_answer_letter_with_no_such_option_warns():
    part = _part(SHEETS_WEB.replace("  2. B. =SUM(A1:A3)", "  2. F. =SUM(A1:A3)"))
    messages = [d.format() for d in part.diagnostics if d.severity == "warning"]
    assert any("answer letter F has no such option" in m and "t.txt:" in m for m in messages)


def test_exercise_without_cue_word_is_found_by_its_answer_key():
    text = ("Knots\n\nA knot joins two ropes.\n\nTry These\n\n"
            "  1. Which knot joins two ropes?\n    1. Bowline\n    2. Sheet bend\n"
            "  2. Is a reef knot safe for climbing?\n    1. Yes\n    2. No\n\n\n"
            "  1. B. Sheet bend\n  2. B. No\n")
    part = _part(text)
    [quiz] = part.lessons[0].quizzes
    assert [q.correct for q in quiz.questions] == [[1], [1]]


# A lesson with a worksheet, in another topic.
FIRST_AID = """First Aid Course Lesson 3:
Treating Burns
Cool a burn under running water for twenty minutes.
Why Cooling Matters
Heat keeps damaging the skin after the burn, as the “afterburn effect”2 shows.
Cool water – Stops the damage
Cling film – Keeps the wound clean
REVIEW QUESTIONS
1. Describe a burn you have seen treated. What was done well?

2. What would you tell a friend who wants to put butter on a burn?
"""


def test_worksheet_becomes_reflection_questions_and_terms_get_bold_names():
    part = _part(FIRST_AID)
    lesson = part.lessons[0]
    assert lesson.title == "Treating Burns"
    assert lesson.kicker == "First Aid Course Lesson 3"
    [quiz] = lesson.quizzes
    assert [q.kind for q in quiz.questions] == [QuestionKind.REFLECTION] * 2
    assert all(q.model_answer is None for q in quiz.questions)
    [terms] = [b for b in lesson.blocks if isinstance(b, ListBlock)]
    assert [(i.term, i.text) for i in terms.items] == [
        ("Cool water", "Stops the damage"), ("Cling film", "Keeps the wound clean")]
    page = render_lesson(part, lesson).text
    assert "**Cool water** – Stops the damage" in page
    assert "effect”2" not in page and "effect” shows" in page


# A competency guide in another topic: · and o bullets with no-break spaces.
GUIDE = ("Managing Projects\n\nDefinition:\u00a0 Planning and steering work to a goal.\n\n"
         "·\u00a0\u00a0\u00a0\u00a0\u00a0 Set a clear goal.\n\n"
         "·\u00a0\u00a0\u00a0\u00a0\u00a0 Plan the steps:\n\n"
         "o\u00a0\u00a0 List the tasks.\n\no\u00a0\u00a0 Order them.\n\n"
         "Plans are nothing; planning is everything.” – Dwight Eisenhower, General\n\n"
         "Relevant Readings:\n\n  • Lock, D. (2020). Project Management.\n")


def test_guide_bullets_nest_and_no_marker_survives():
    part = _part(GUIDE)
    lesson = part.lessons[0]
    [definition] = [b for b in lesson.blocks if isinstance(b, Definition)]
    assert definition.term == "Managing Projects"
    lists = [b for b in lesson.blocks if isinstance(b, ListBlock)]
    assert [i.text for i in lists[0].items] == ["Set a clear goal.", "Plan the steps:"]
    assert [i.text for i in lists[0].items[1].children] == ["List the tasks.", "Order them."]
    assert lists[1].role == "readings"
    [q] = [b for b in lesson.blocks if isinstance(b, Quote)]
    assert q.text == "“Plans are nothing; planning is everything.”"
    assert q.attribution == "Dwight Eisenhower, General"
    page = render_lesson(part, lesson).text
    assert "·" not in page and "\u00a0" not in page and "\no " not in page


def test_cleaning_keeps_line_numbers_of_the_raw_text():
    _, lines = clean_text("Title\n\n\n\nFirst paragraph here.\n", Report("x.txt"))
    assert [(line.text, line.line) for line in lines] == [
        ("Title", 1), ("First paragraph here.", 5)]


def test_encodings_and_mojibake_are_read_right():
    text = "Customer’s needs – and “quotes”."
    for data in (text.encode("utf-8"), b"\xef\xbb\xbf" + text.encode("utf-8"),
                 text.encode("utf-16"), text.encode("cp1252")):
        assert decode_source(data, Path("x.txt"), "x.txt").text == text
    # UTF-8 read as cp1252 (latin-1 for the bytes cp1252 leaves undefined), saved as UTF-8
    mojibake = "".join(chr(b) if b in b"\x81\x8d\x8f\x90\x9d" else bytes([b]).decode("cp1252")
                       for b in text.encode("utf-8")).encode("utf-8")
    assert decode_source(mojibake, Path("x.txt"), "x.txt").text == text


def test_source_text_is_escaped_in_markdown():
    assert md_text("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;"
    assert md_text("{: onclick=x }").startswith("\\{")
    assert md_text("# not a heading") == "\\# not a heading"
    assert md_text("see http://example.com/a_b.") == "see <http://example.com/a_b>."


def test_weak_heading_guesses_go_on_the_review_list():
    part = _part("Burns\n\nCool it first.\n\nCool the Burn then Cover It\n\nUse cling film.\n")
    notes = [d.format() for d in part.diagnostics
             if d.severity == "note" and d.topic == Topic.HEADING]
    assert notes == ["t.txt:5: took 'Cool the Burn then Cover It' for a level-2 heading; "
                     "check that it is one, at that level"]


def test_the_review_list_says_where_the_title_came_from_and_ranks_by_consequence():
    text = ("Grafting Fruit Trees\n\nMake the cut on a dry day.\n\n"
            "Cool the Scion then Bind It Tight With Tape\n\nWrap the union firmly.\n")
    review = review_list(_part(text).diagnostics)
    assert [d.topic for d in review] == [Topic.TITLE, Topic.HEADING]
    assert review[0].format() == ("t.txt:1: lesson title 'Grafting Fruit Trees' taken from "
                                  "the first heading")


def test_routine_drops_are_one_summary_line_and_come_last():
    report = Report("m.txt")
    for line in (4, 9, 14, 19):
        report.dropped(line, "page number", str(line // 5 + 1), routine=True)
    report.dropped(2, "running header", "SAFETY MANUAL")
    report.dropped(7, "running header", "SAFETY MANUAL")
    report.note(5, "took 'Ladders' for a level-2 heading", topic=Topic.HEADING)
    review = [d.format() for d in review_list(report.items, samples=2)]
    assert review == [
        "m.txt:2: dropped 2 lines as running headers: 'SAFETY MANUAL' (line 2), "
        "'SAFETY MANUAL' (line 7)",
        "m.txt:5: took 'Ladders' for a level-2 heading",
        "m.txt:4: dropped 4 lines as page numbers: '1' (line 4), '2' (line 9) and 2 more"]
