"""Worksheets and workbooks (passes_worksheet, formats/docx), on small texts
written for these tests in several topics."""

from __future__ import annotations

from pathlib import Path

from build_course.importer.importing import import_text
from build_course.model import Heading, ListBlock, SourceText
from build_course.quiz.kinds import QuestionKind


def _part(text: str):
    return import_text(SourceText(Path("t.txt"), text, "utf-8"), "t.txt")


UNNUMBERED = """The Water Cycle

Read the text and underline the words you do not know.

Water falls as rain, runs down to the sea and rises again as vapour when the sun warms it.

Now answer the questions.
What Makes the Water Rise?
 ..........................................
Where Does the Rain Go?
 ..........................................
Why Is the Sea Salty?
 ..........................................
"""


def test_unnumbered_questions_over_answer_space_are_questions_not_headings():
    [lesson] = _part(UNNUMBERED).lessons
    headings = [b.text for b in lesson.blocks if isinstance(b, Heading)]
    assert not any(text.endswith("?") for text in headings)
    [quiz] = lesson.quizzes
    assert [q.prompt for q in quiz.questions] == [
        "What Makes the Water Rise?", "Where Does the Rain Go?", "Why Is the Sea Salty?"]
    assert all(q.kind is QuestionKind.OPEN and not q.model_answer for q in quiz.questions)


HEADED_FAQ = """Bread at Home

Why Does Dough Rise?

Yeast feeds on the sugar in the flour and gives off gas, which the gluten holds in bubbles.

How Long Should It Rest?

An hour in a warm room is enough for most loaves; a cold room needs twice as long.
"""


def test_title_case_questions_without_answer_space_stay_headings():
    [lesson] = _part(HEADED_FAQ).lessons
    assert not lesson.quizzes
    assert [b.text for b in lesson.blocks if isinstance(b, Heading)] == [
        "Why Does Dough Rise?", "How Long Should It Rest?"]


def _word_sheet_with_line_breaks() -> bytes:
    import io

    import docx

    document = docx.Document()
    document.add_heading("Levers", 1)
    document.add_paragraph("A lever turns about a fixed point, the pivot.")
    paragraph = document.add_paragraph("Answer in your own words.")
    for question, space in [("Where is the pivot of a seesaw?", "." * 40),
                            ("What does a longer handle change?", "_" * 40)]:
        run = paragraph.add_run()
        run.add_break()
        run.add_text(question)
        run.add_break()
        run.add_text(space)
    paragraph.add_run().add_break()
    paragraph.add_run("Name the lever in a pair of scissors. " + "…" * 12)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_answer_space_after_a_line_break_in_a_word_paragraph_goes():
    from build_course.importer.importing import import_bytes

    part = import_bytes(_word_sheet_with_line_breaks(), Path("levers.docx"), "levers.docx",
                        None).part
    [lesson] = part.lessons
    paragraphs = [b.text for b in lesson.blocks if not isinstance(b, Heading)]
    assert "Where is the pivot of a seesaw?" in paragraphs
    assert "What does a longer handle change?" in paragraphs
    assert "Name the lever in a pair of scissors." in paragraphs
    assert not any("...." in p or "\\_\\_" in p or "…" in p for p in paragraphs)
    assert any("2 paragraph(s) of answer space" in d.message for d in part.diagnostics)


NBSP = "\u00a0"
GUIDE = (
    "Unit of Competency: Operate a Forklift\nUnit Code: TLILIC0003\n\n"
    "Element 1: Prepare for the work\nPerformance Criteria\n"
    "1.1\tWork requirements are identified from the work order\n"
    "1.2\tHazards in the work area are identified and reported\n"
    "1.3\tThe forklift is checked before use against the checklist\n\n"
    "Element 2: Shift the load\nPerformance Criteria\n"
    "2.1\tThe load is lifted within the rated capacity of the forklift\n"
    "2.2\tThe load is moved along the planned route at a safe speed\n\n"
    "Range Statement\nChecks before use may include:\n"
    f"·{NBSP * 7} tyres and wheels\n·{NBSP * 7} hydraulic system\n"
    f"o{NBSP * 2} hoses\no{NBSP * 2} fluid level\n§{NBSP} leaks under the mast\n"
    f"·{NBSP * 7} warning devices\n"
)


def test_a_competency_guide_copied_from_word_is_no_pdf_text():
    from build_course.importer.cleaning import raw_lines
    from build_course.importer.families import detect_family

    assert detect_family(raw_lines(GUIDE)).family.name == "worksheet"
    [lesson] = _part(GUIDE).lessons
    headings = [b.text for b in lesson.blocks if isinstance(b, Heading)]
    assert not any(h.startswith(("1.1", "2.1")) for h in headings)  # criteria are no headings
    [checks] = [b for b in lesson.blocks if isinstance(b, ListBlock)]
    assert [i.text for i in checks.items] == ["tyres and wheels", "hydraulic system",
                                             "warning devices"]
    assert [c.text for c in checks.items[1].children] == ["hoses", "fluid level"]
    assert [c.text for c in checks.items[1].children[1].children] == ["leaks under the mast"]


def test_word_glyphs_in_a_paged_text_leave_it_a_pdf():
    from build_course.importer.cleaning import raw_lines
    from build_course.importer.families import detect_family

    paged = GUIDE.replace("Element 2", "\fElement 2").replace("Range Statement",
                                                              "\fRange Statement")
    assert detect_family(raw_lines(paged)).family.name == "pdf"


COPIED_SHEET = """Composting at School
Name: ____________________   Date: ____________
Read the compost guide before you start.
Part 1: Starting the heap
1. Which kitchen scraps can go on the heap?
________________________________________
2. Why should the heap be turned each week?
________________________________________
3. What happens if the heap is too wet?
________________________________________
"""


def test_a_part_label_over_questions_with_answer_space_heads_the_exercise_not_the_lesson():
    [lesson] = _part(COPIED_SHEET).lessons
    assert lesson.title == "Composting at School"
    [quiz] = lesson.quizzes
    assert quiz.title == "Part 1: Starting the heap"
    assert len(quiz.questions) == 3


FORM_SHEET = """Knife Skills Worksheet
Learner name: ______________________  Date: __________
Assessor: ______________________

Answer each question in the space provided.

Questions
1. Why is a sharp knife safer than a blunt one?
________________________________________
2. How should you carry a knife in a busy kitchen?
________________________________________

For the trainer
Expected answers: it needs less force; point down, by your side.

Learner declaration
I declare that these answers are my own work.
Signature: ____________________
"""


def test_form_fields_by_their_shape_and_a_bare_for_the_trainer_note_go():
    part = _part(FORM_SHEET)
    [lesson] = part.lessons
    text = " ".join(getattr(b, "text", "") for b in lesson.blocks)
    for gone in ("Learner name", "Assessor", "Signature", "Expected answers", "For the trainer"):
        assert gone not in text
    assert len(lesson.quizzes[0].questions) == 2
    # the note ends at the next heading-shaped line: the declaration is the learner's
    assert any("for the facilitator only: 2 lines" in d.message for d in part.diagnostics)


def test_one_labelled_blank_alone_is_a_blank_to_fill_in_not_a_form_field():
    text = ("Capitals Worksheet\nName: ________  Date: ______\n\n"
            "Write the capital of each country.\n\nCapital of France: ____________\n"
            "Capital of Spain: ____________\n")
    part = _part(text)
    assert not any("Capital" in d.message for d in part.diagnostics if "form field" in d.message)
    assert any("form field" in d.message for d in part.diagnostics)  # the Name/Date row goes
