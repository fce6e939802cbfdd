"""Texts of every family that the corpus does not hold: shapes made by real
tools (w3m, lynx, pdftotext, pypdf) from pages and handouts written for these
tests (bookkeeping, first aid, gardening, spreadsheets, lab safety)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from build_course.importer.cleaning import raw_lines
from build_course.importer.families import detect_family
from build_course.importer.importing import import_text
from build_course.model import SourceText


def _part(text: str, name: str = "page.txt"):
    return import_text(SourceText(Path(name), text, "utf-8"), name)


# w3m draws a search box as a wide empty field glued to its button, and
# prints a breadcrumb with bare '>' between the links; no lynx markers.
W3M_BOOKKEEPING = """\
We use cookies to improve your experience. Accept all Manage preferences
LedgerSite

  • Courses
  • Blog
  • Sign in

[                    ]Search
Home > Courses > Accounting basics > Lesson 3

Lesson 3: Recording a sale

By Ann Clerk · Updated 4 June 2024 · 6 min read

A sale on credit raises what customers owe the business and raises its
income at the same time; no cash moves until the customer pays the invoice
at the end of the month, when the debt is cleared again.

Debits and credits

The receivable account is debited and the sales account credited with the
invoice total, so that the two sides of the journal entry stay equal.
"""


def test_a_w3m_dump_with_a_search_field_and_a_bare_breadcrumb_is_a_web_page():
    found = detect_family(raw_lines(W3M_BOOKKEEPING))
    assert found.family.name == "web"


def test_a_byline_under_the_title_is_neither_the_title_nor_kept():
    part = _part(W3M_BOOKKEEPING)
    lesson = part.lessons[0]
    assert lesson.title.endswith("Recording a sale")
    assert "Ann Clerk" not in repr(lesson.blocks)
    assert [s.title for s in lesson.sections] == ["Debits and credits"]


def test_a_sentence_starting_with_by_is_no_byline():
    text = W3M_BOOKKEEPING.replace(
        "By Ann Clerk · Updated 4 June 2024 · 6 min read",
        "By the end of 2024 every invoice must be sent electronically.")
    assert "every invoice must be sent" in repr(_part(text).lessons[0].blocks)


def _book(answers_heading: str = "ANSWERS TO THE QUESTIONS") -> str:
    licence = (
        "The Project Gutenberg eBook of Plain Bookkeeping, by Tom Ledger\n\n"
        "This eBook is for the use of anyone anywhere in the United States and\n"
        "most other parts of the world at no cost and with almost no restrictions\n"
        "whatsoever.\n\n"
        "*** START OF THE PROJECT GUTENBERG EBOOK PLAIN BOOKKEEPING ***\n\n\n\n")
    prose = (
        "A merchant who keeps no books cannot tell at the end of the year whether\n"
        "he has gained or lost by his trade, and the first duty of the clerk is\n"
        "therefore to write down every sale and every purchase on the day that it\n"
        "is made, in a plain hand, so that another may read the entry after him.\n\n"
        "The entries are made first in the day book and are afterwards carried to\n"
        "the ledger, where each customer and each kind of goods has a page of its\n"
        "own, with what is owed on the left and what is paid on the right side.\n\n")
    chapters = []
    for numeral, title, questions in (
            ("I", "THE DAY BOOK", ["What is written in the day book?", "When is it written?"]),
            ("II", "THE LEDGER", ["Where are the entries carried?", "What has a page of its own?"]),
            ("III", "THE BALANCE", ["What does the balance show?"])):
        numbered = "".join(f"{n}. {q}\n" for n, q in enumerate(questions, 1))
        chapters.append(f"\n\n\nCHAPTER {numeral}\n\n{title}\n\n\n{prose}QUESTIONS\n\n"
                        f"{numbered}\n")
    answers = (f"\n\n\n{answers_heading}\n\n\nCHAPTER I\n\n1. Every sale and every purchase.\n"
               "2. On the day of the sale.\n\nCHAPTER II\n\n1. To the ledger.\n"
               "2. A customer, and each kind of goods.\n\n\n\n")
    return licence + "".join(chapters) + answers + \
        "*** END OF THE PROJECT GUTENBERG EBOOK PLAIN BOOKKEEPING ***\n"


def test_a_books_answers_at_its_end_go_to_each_chapters_exercises():
    part = _part(_book(), "book.txt")
    assert [lesson.title for lesson in part.lessons] == \
        ["THE DAY BOOK", "THE LEDGER", "THE BALANCE"]
    answers = [[q.model_answer for quiz in lesson.quizzes for q in quiz.questions]
               for lesson in part.lessons]
    assert answers == [["Every sale and every purchase.", "On the day of the sale."],
                       ["To the ledger.", "A customer, and each kind of goods."],
                       [None]]


def test_chapter_markers_after_a_heading_that_is_no_answer_key_stay_chapters():
    part = _part(_book("NOTES ON THE TEXT"), "book.txt")
    assert len(part.lessons) == 5
    assert all(q.model_answer is None for lesson in part.lessons
               for quiz in lesson.quizzes for q in quiz.questions)


QUIZ_WITH_TRUE_FALSE_LINE = """\
Mulching

A layer of bark or straw on the soil keeps moisture in and weeds down; lay it
in spring, when the soil is moist and warm, and keep it clear of plant stems.

Quiz

1. Which month suits mulching best?

A. January
B. April
C. August

Answer: B

2. Mulch keeps moisture in the soil.

True / False

Answer: True

3. In your own words, describe the mulch you would choose for your garden.
"""


def test_true_false_under_a_statement_is_its_options_not_an_instruction_for_the_rest():
    quiz = _part(QUIZ_WITH_TRUE_FALSE_LINE).lessons[0].quizzes[0]
    kinds = [q.kind.value for q in quiz.questions]
    assert kinds[:2] == ["single_choice", "true_false"]
    assert kinds[2] != "true_false"  # nothing says question 3 is true or false
    assert quiz.questions[1].options == ["True", "False"] and quiz.questions[1].correct == [0]


TRUE_FALSE_LEAD = """\
Lab safety

Goggles protect the eyes from splashes and must be worn whenever liquids are \
poured or heated, even by those who only watch the experiment being done.

Self-check

1. What protects the eyes from splashes?
2. True or false: goggles may be taken off while only watching.

Answers

1. Goggles 2. False
"""


def test_a_question_that_opens_with_true_or_false_is_a_true_false_question():
    quiz = _part(TRUE_FALSE_LEAD).lessons[0].quizzes[0]
    assert len(quiz.questions) == 2
    second = quiz.questions[1]
    assert second.kind.value == "true_false" and second.correct == [1]


def test_a_sentence_case_first_line_above_a_paragraph_is_the_title():
    text = ("Watering seedlings\n\nSeedlings dry out quickly in a warm room, so check the "
            "compost every morning and water from below when its surface turns pale.\n\n"
            "Hardening Off\n\nA week outdoors by day, indoors by night, readies them.\n")
    lesson = _part(text).lessons[0]
    assert lesson.title == "Watering seedlings"
    assert [s.title for s in lesson.sections] == ["Hardening Off"]


def test_a_short_line_above_a_short_line_is_no_title():
    text = ("Read this first\n\nKeep the lid on.\n\nStoring Compost\n\nA bin with a lid keeps "
            "rain out, and a compost heap that stays too wet turns sour and smells.\n")
    lesson = _part(text).lessons[0]
    assert lesson.title == "Storing Compost"


SELECT_ALL = """\
Spreadsheet Basics

A cell holds a number, a text or a formula; a formula starts with an equals sign \
and is worked out again whenever a cell it names changes.

Quiz

1. Which of these may a cell hold? Select all that apply.

A. A formula
B. A chart legend
C. A number

Answer: A formula; A number

2. Which of these starts a formula?

A. An equals sign
B. A dollar sign

Answer: A dollar sign; A percent sign
"""


def test_a_select_all_answer_that_names_its_options_marks_them_all():
    quiz = _part(SELECT_ALL).lessons[0].quizzes[0]
    assert quiz.questions[0].correct == [0, 2]
    assert quiz.questions[1].correct == []  # one named part is no option: nothing is guessed


LYNX_LETTERED_OPTIONS = """\
   Soil Testing

   A soil test tells the gardener how acid the soil is and which of the
   main plant foods it lacks, so that lime and fertiliser go where needed.

Quiz

   Question 1. Which reading shows an acid soil?

   A. pH 5.5
   B. pH 7.0
   C. pH 8.0

   Answer: A

   Question 2. Which food do leaves need most?

   A. Nitrogen
   B. Calcium

   Answer: A
"""


def test_options_lettered_in_an_indented_dump_are_options_not_questions():
    quiz = _part(LYNX_LETTERED_OPTIONS).lessons[0].quizzes[0]
    assert [q.options for q in quiz.questions] == [["pH 5.5", "pH 7.0", "pH 8.0"],
                                                   ["Nitrogen", "Calcium"]]
    assert [q.correct for q in quiz.questions] == [[0], [0]]


def test_short_lettered_options_in_a_w3m_dump_are_no_preformatted_block():
    text = W3M_BOOKKEEPING + """
Quiz

Question 1. Which entry records a cash sale?

A. Cash = debit, Sales = credit
B. Sales = debit, Cash = credit
C. Cash = credit, Stock = debit

Answer: A
"""
    quiz = _part(text).lessons[0].quizzes[0]
    assert quiz.questions[0].options[0] == "Cash = debit, Sales = credit"
    assert quiz.questions[0].correct == [0]


# ---- PDF extractions (shapes pdftotext and pypdf give a reportlab handout) --

_PROSE = ("Measure the liquid at eye level, with the cylinder standing on the bench,\n"
          "and read the bottom of the curved surface rather than its edges, because\n"
          "the liquid climbs the glass a little and the edge would read too high for\n"
          "anyone who uses it, which is why the mark is always read at the middle.\n")
_PROSE_TWO = ("Broken glass goes into the box marked for it and never into the bin for\n"
              "paper, where the cleaners would put their hands; sweep the small pieces\n"
              "with a brush and pan and pick up none of them with your fingers at all.\n")


def _handout(body_one: str, body_two: str) -> str:
    header, footer = "Chemistry Lab Safety Handbook | Unit 4", "Example College 2024"
    return (f"{header}\n\nUnit 4: Handling Glassware\n{_PROSE}\n{body_one}\n{footer}\n\nPage 1\n"
            f"\f{header}\n\n{_PROSE_TWO}\n{body_two}\n{footer}\n\nPage 2\n\f")



def _body(text: str) -> str:
    return "\n".join(repr(b) for b in _part(text, "handout.txt").lessons[0].blocks)


def test_a_two_page_handouts_running_header_and_footer_go():
    body = _body(_handout("4.1 Cleaning\n" + _PROSE, "4.2 Storing\n" + _PROSE))
    assert "Handbook | Unit 4" not in body and "Example College" not in body
    assert "Page 2" not in body


def test_a_column_of_bullet_glyphs_printed_before_its_lines_is_a_list():
    column = ("Before heating a flask:\n\n•\n•\n•\n\ncheck the glass for cracks;\n"
              "clamp the neck loosely;\npoint the mouth away from people.\n")
    part = _part(_handout(column, _PROSE), "handout.txt")
    lists = [b for b in part.lessons[0].blocks if type(b).__name__ == "ListBlock"]
    assert [i.text for i in lists[0].items] == [
        "check the glass for cracks;", "clamp the neck loosely;",
        "point the mouth away from people."]


def test_a_column_of_list_numbers_printed_before_its_lines_is_a_numbered_list():
    column = ("To rinse a burette:\n\n1\n2\n3\n\nEmpty it into the sink.\n"
              "Rinse it twice with distilled water.\nRinse it once with the solution.\n")
    part = _part(_handout(column, _PROSE), "handout.txt")
    lists = [b for b in part.lessons[0].blocks if type(b).__name__ == "ListBlock"]
    assert [(i.number, i.text) for i in lists[0].items] == [
        (1, "Empty it into the sink."), (2, "Rinse it twice with distilled water."),
        (3, "Rinse it once with the solution.")]


def test_list_numbers_each_above_its_item_as_pypdf_prints_them_are_kept():
    steps = ("To rinse a burette:\n1\nEmpty it into the sink.\n2\n"
             "Rinse it twice with distilled water.\n3\nRinse it once with the solution.\n")
    text = (f"Unit 4: Handling Glassware\n{_PROSE}{_PROSE}{steps}{_PROSE}{_PROSE}")
    part = _part(text, "handout.txt")
    lists = [b for b in part.lessons[0].blocks if type(b).__name__ == "ListBlock"]
    assert [i.number for i in lists[0].items] == [1, 2, 3]


def test_a_glyph_column_whose_paragraph_has_more_lines_bullets_only_its_first_line():
    column = ("Before heating:\n\n•\n•\n\nthe glass is checked for cracks and the neck is\n"
              "clamped loosely, pointing away from people, and the flame is small.\n"
              "Then heat gently.\n")
    body = _body(_handout(column, _PROSE))
    assert "Then heat gently." in body
    part = _part(_handout(column, _PROSE), "handout.txt")
    lists = [b for b in part.lessons[0].blocks if type(b).__name__ == "ListBlock"]
    assert all(len(b.items) == 1 for b in lists)


def test_page_numbers_that_count_up_across_pages_still_go():
    pages = "".join(f"{_PROSE if n % 2 else _PROSE_TWO}\n{n}\n\f" for n in range(1, 5))
    body = _body("Unit 4: Handling Glassware\n" + pages)
    assert "Paragraph(text='2'" not in body and "Paragraph(text='3'" not in body


# ---- html2text (the Debian converter): no blank lines between paragraphs ----

H2T_PAGE = """\
Garden Notes
****** Pruning roses ******
Roses flower on new wood, so a hard cut in late winter gives more blooms in
summer than a light trim in autumn does; cut just above an outward bud.
***** When to prune *****
Prune when the worst frosts are over and the buds begin to swell.
***** Quiz *****
Question 1. When do roses flower best after a hard cut?
A. The same winter
B. The next summer
Answer: B
Question 2. Roses flower on new wood.
True / False
Answer: True
«_Previous:_Planting_bulbs | Next:_Feeding_roses_»
***** 2 Comments *****
Jo says:
Lovely roses this year thanks to this page.
"""


def test_html2text_short_lines_end_their_paragraphs_so_options_stay_apart():
    quiz = _part(H2T_PAGE).lessons[0].quizzes[0]
    first, second = quiz.questions
    assert first.options == ["The same winter", "The next summer"] and first.correct == [1]
    assert second.kind.value == "true_false" and second.correct == [0]


def test_html2text_reader_comments_and_the_links_above_them_go():
    lesson = _part(H2T_PAGE).lessons[0]
    text = repr(lesson.blocks) + repr(lesson.quizzes)
    assert "Jo says" not in text and "Comments" not in text and "Feeding" not in text


def test_a_line_of_cue_words_alone_in_sentence_case_is_a_heading():
    text = ("Composting at Home\n\nLearning objectives:\n\n- Build a heap\n- Turn it\n\n"
            "A heap needs green and brown waste in layers, air and a little water.\n\n"
            "Check your understanding\n\n1. What does a heap need?\n\n"
            "Answer key\n\n1. Green and brown waste, air and water.\n")
    lesson = _part(text).lessons[0]
    assert lesson.quizzes[0].title == "Check your understanding"
    assert lesson.quizzes[0].questions[0].model_answer.startswith("Green and brown")


def test_a_sentence_that_opens_with_a_cue_word_stays_a_paragraph():
    text = ("Composting at Home\n\nA heap needs green and brown waste in layers, air and "
            "a little water, and it is ready when it smells of earth.\n\n"
            "Practice makes a good heap\n\nTurn it every few weeks.\n")
    lesson = _part(text).lessons[0]
    assert lesson.sections == [] and not lesson.quizzes


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(["Exercises", "Practice", "Answers", "Objectives", "Quiz", "Key",
                        "Solutions", "Readings", "Activity", "Check your understanding"]),
       st.lists(st.sampled_from(["help", "makes", "gardener", "better", "soon", "compost",
                                 "grow", "beds", "quickly"]), min_size=1, max_size=5))
def test_a_short_sentence_that_opens_with_cue_words_never_becomes_a_heading(cue, words):
    line = " ".join([cue, *words])
    text = ("Composting at Home\n\nA heap needs green and brown waste in layers, air and "
            f"a little water, and it is ready when it smells of earth.\n\n{line}\n\n"
            "Turn the heap every few weeks with a fork.\n")
    lesson = _part(text).lessons[0]
    assert line not in [s.title for s in lesson.sections]
    assert not lesson.quizzes


def test_a_lesson_line_with_its_title_in_capitals_right_under_it_starts_a_lesson():
    licence = ("The Project Gutenberg eBook of A Kitchen Catechism, by R. Cook\n\n"
               "This eBook is for the use of anyone anywhere in the United States and\n"
               "most other parts of the world at no cost.\n\n"
               "*** START OF THE PROJECT GUTENBERG EBOOK A KITCHEN CATECHISM ***\n\n\n\n")
    lessons = []
    for numeral, title in (("I", "OF BREAD."), ("II", "OF SOUP.")):
        qa = "".join(f"Q. Why is the {w} kept covered while it stands in the kitchen?\n"
                     f"A. That the dust and the flies may not settle upon the {w}, and\n"
                     "that it may not grow dry before it is wanted at the table.\n\n"
                     for w in ("dough", "stock", "loaf"))
        lessons.append(f"\n\nLESSON {numeral}.\n{title}\n\n{qa}")
    text = licence + "".join(lessons) + \
        "\n\n*** END OF THE PROJECT GUTENBERG EBOOK A KITCHEN CATECHISM ***\n"
    part = _part(text, "catechism.txt")
    assert [lesson.title for lesson in part.lessons] == ["OF BREAD.", "OF SOUP."]


def test_a_catechism_that_is_no_book_is_split_at_its_lesson_lines_too():
    lessons = []
    for numeral, title in (("I", "OF KNIVES."), ("II", "OF PANS.")):
        qa = "".join(f"Q. Why is the {w} put away after use?\n"
                     f"A. So that nobody is hurt by the {w} left lying out.\n\n"
                     for w in ("blade", "handle", "lid"))
        lessons.append(f"LESSON {numeral}.\n{title}\n\n{qa}")
    part = _part("\n".join(lessons), "catechism.txt")
    assert [lesson.title for lesson in part.lessons] == ["OF KNIVES.", "OF PANS."]
    assert [len(lesson.quizzes[0].questions) for lesson in part.lessons] == [3, 3]


def test_an_exercise_heading_after_a_part_label_is_an_exercise():
    text = ("Cell References\n\nA reference with a dollar sign stays fixed when the formula "
            "is copied to another cell of the sheet.\n\nPart B: Exercises\n\n"
            "1. Which sign fixes a reference?\n\na) $\nb) #\n\nAnswer: a\n")
    quiz = _part(text).lessons[0].quizzes[0]
    assert quiz.title == "Part B: Exercises" and quiz.questions[0].correct == [0]


def _challenge(solution: str) -> str:
    return ("---\ntitle: Pruning\nteaching: 5\nexercises: 5\n---\n\n"
            "Prune roses in late winter, above an outward bud.\n\n"
            "> ## Which is true?\n>\n> 1. Roses flower on old wood.\n"
            "> 2. Roses flower on new wood.\n> 3. Roses need no pruning.\n>\n"
            f"> > ## Solution\n{solution}> {{: .solution}}\n{{: .challenge}}\n")


def test_a_challenge_of_numbered_statements_whose_solution_names_one_is_a_choice():
    question = _part(_challenge("> > 2 is correct: they flower on new wood.\n"),
                     "pruning.md").lessons[0].quizzes[0].questions[0]
    assert question.prompt == "Which is true?"
    assert question.options[1] == "Roses flower on new wood." and question.correct == [1]


def test_a_solution_that_judges_every_numbered_statement_picks_the_yes():
    solution = ("> > 1. No: old wood flowers less.\n> > 2. Yes.\n"
                "> > 3. No: unpruned roses grow leggy.\n")
    question = _part(_challenge(solution), "pruning.md").lessons[0].quizzes[0].questions[0]
    assert question.correct == [1] and question.kind == "single_choice"
    assert "unpruned roses grow leggy" in question.explanation


def test_a_numbered_solution_that_judges_nothing_picks_none():
    solution = ("> > 1. Old wood flowers less.\n> > 2. New wood flowers.\n"
                "> > 3. Unpruned roses grow leggy.\n")
    question = _part(_challenge(solution), "pruning.md").lessons[0].quizzes[0].questions[0]
    assert question.correct == [] and question.model_answer


def test_a_running_header_that_ends_with_the_same_number_on_every_page_names_nothing():
    page = "Kitchen Safety Handbook | Unit 3\n{prose}\n{n}\n"
    prose = [_PROSE, _PROSE_TWO, _PROSE.replace("liquid", "oil"),
             _PROSE_TWO.replace("glass", "china")]
    text = "Unit 3: Knives and Burns\n" + _PROSE_TWO.replace("Broken", "Chipped") + "".join(
        page.format(prose=p, n=n) for n, p in enumerate(prose, 2))
    part = _part(text, "handout.txt")
    assert part.lessons[0].title.endswith("Knives and Burns")
    assert "Handbook | Unit" not in _body(text)


def test_lettered_options_run_into_a_question_are_its_options():
    text = ("Boiling Water\n\nPure water boils at one hundred degrees when the air "
            "presses on it as it usually does.\n\nExercises\n\n"
            "1. At what temperature does pure water boil? (a) 90 degrees. (b) 100 degrees.\n"
            "2. Explain (a) why water boils and (b) why salt raises its boiling point.\n\n"
            "Answers\n\n1. (b)\n")
    first, second = _part(text).lessons[0].quizzes[0].questions
    assert first.options == ["90 degrees.", "100 degrees."] and first.correct == [1]
    assert second.options == [] and "(b) why salt" in second.prompt


def test_a_books_answer_key_chapter_that_opens_with_its_first_answer_has_no_title():
    text = _book().replace("CHAPTER I\n\nTHE DAY BOOK", "CHAPTER I. THE DAY BOOK") \
        .replace("CHAPTER II\n\nTHE LEDGER", "CHAPTER II. THE LEDGER") \
        .replace("CHAPTER III\n\nTHE BALANCE", "CHAPTER III. THE BALANCE") \
        .replace(".\n2. ", ".\n\n2. ")  # each answer alone between blank lines
    part = _part(text, "book.txt")
    assert [lesson.title for lesson in part.lessons] == \
        ["THE DAY BOOK", "THE LEDGER", "THE BALANCE"]
    assert part.lessons[1].quizzes[0].questions[0].model_answer == "To the ledger."


def test_a_one_line_key_after_a_label_with_bare_spaces_answers_the_questions():
    text = ("Raised Beds\n\nA raised bed warms early in spring and drains well, so crops "
            "go in sooner.\n\nTest yourself\n\n1. How many hours of sun does a bed need?\n\n"
            "a) Two\nb) Six\n\n2. What fills the bed?\n\na) Sand\nb) Topsoil and compost\n\n"
            "Answers: 1 b, 2 b\n")
    quiz = _part(text).lessons[0].quizzes[0]
    assert [q.correct for q in quiz.questions] == [[1], [1]]


def test_w3m_numbered_questions_with_indented_lettered_options_are_no_code_block():
    text = W3M_BOOKKEEPING + """
Test yourself

 1. Which is debited?
    a) Sales
    b) Receivables
 2. Which is credited?
    a) Sales
    b) Cash

"""
    quiz = _part(text).lessons[0].quizzes[0]
    assert [q.options for q in quiz.questions] == [["Sales", "Receivables"], ["Sales", "Cash"]]


def test_options_lettered_a_paren_run_into_a_question_are_split_too():
    text = ("Raised Beds\n\nA raised bed warms early in spring and drains well.\n\n"
            "Quiz\n\n1. How many hours of sun does a bed need? a) Two b) Six\n\nAnswer: b\n")
    question = _part(text).lessons[0].quizzes[0].questions[0]
    assert question.options == ["Two", "Six"] and question.correct == [1]


REVIEW_FORMS = """\
Kitchen Hygiene

Raw meat and cooked food are kept apart in the fridge, and hands are washed between them.

Review Questions

Q1. Where does raw meat go in the fridge?
A) The top shelf
B) The bottom shelf
Correct answer: B

Q2) Washing hands once a day is enough in a kitchen. (True/False)
Ans: False

Q3. Which of these spread germs? (Select all that apply)
[ ] Raw chicken
[ ] A clean plate
[ ] Dirty cloths
Answer: Raw chicken, Dirty cloths
"""


def test_answer_lines_t_f_marks_at_the_end_and_bracket_boxes_in_one_review():
    quiz = _part(REVIEW_FORMS).lessons[0].quizzes[0]
    assert [q.kind.value for q in quiz.questions] == \
        ["single_choice", "true_false", "multiple_choice"]
    assert [q.correct for q in quiz.questions] == [[1], [1], [0, 2]]
    assert quiz.questions[2].options == ["Raw chicken", "A clean plate", "Dirty cloths"]


def test_an_answer_line_in_title_case_is_no_heading():
    text = REVIEW_FORMS.replace("Correct answer: B", "Answer: B")
    assert _part(text).lessons[0].quizzes[0].questions[0].correct == [1]


def _narrow(text: str) -> str:
    """``text`` wrapped at 45 columns, as one column of a two-column page."""
    import textwrap  # noqa: PLC0415
    return "\n".join(textwrap.fill(p, 45) for p in text.split("\n\n")) + "\n"


TOMATOES = ("Sow tomato seeds indoors in early spring, about six weeks before the last frost, "
            "in small pots of seed compost kept somewhere warm and bright until they sprout.")


def test_sentence_case_headings_numbered_without_dots_in_a_run_from_1_are_headings():
    page = "".join(f"{n} {title}\n{_narrow(TOMATOES)}\n"
                   for n, title in ((1, "Sowing"), (2, "Planting out"), (3, "Feeding the plants")))
    text = f"Growing Tomatoes\n\n{page}\f{_narrow(_PROSE)}\f{_narrow(_PROSE_TWO)}\f"
    sections = [s.title for s in _part(text, "guide.txt").lessons[0].sections]
    assert sections[:3] == ["1 Sowing", "2 Planting out", "3 Feeding the plants"]


def test_a_pdf_quiz_with_options_on_one_line_and_answer_lines_under_them():
    quiz = ("4 Quiz\n\n1. When are tomato seeds sown?\n(a) In autumn (b) In early spring "
            "(c) In summer\nAnswer: (b)\n\n2. Where are they kept?\n(a) Somewhere warm "
            "(b) Somewhere cold\nAnswer: (a)\n")
    text = f"Growing Tomatoes\n\n{_narrow(TOMATOES)}\n{_narrow(TOMATOES)}\f{quiz}\f"
    questions = _part(text, "guide.txt").lessons[0].quizzes[0].questions
    assert questions[0].options == ["In autumn", "In early spring", "In summer"]
    assert [q.correct for q in questions] == [[1], [0]]


def test_a_wrapped_sentence_that_goes_on_with_solution_is_joined():
    text = ("Growing Tomatoes\n\n" + _narrow(TOMATOES) + "\nA split fruit has no single\n"
            "solution. Water evenly and the splits stop in a week or two at most.\n\f"
            + _narrow(TOMATOES) + "\f" + _narrow(_PROSE) + "\f")
    assert "no single solution. Water evenly" in _body(text)


# ---- question numbers of 1,000 and more (issue 18) ---------------------------

def _long_quiz(first: int, key: str = "list") -> str:
    """A drill whose questions run past 999 (a bank numbered on from earlier
    drills), with its key as a list, on one line, or after each question."""
    lines = ["Reading a Tide Table", "",
             "2024. The year the harbour gauge was replaced, the tables were recomputed",
             "from a full year of readings, and every port moved by a few minutes.", "",
             "Review Questions", ""]
    numbers = range(first, first + 10)
    for n in numbers:
        lines += [f"{n}. Which tide does table {n} show first?", "a) The morning tide",
                  "b) The evening tide"]
        if key == "each":
            lines.append(f"Answer: ({'ab'[n % 2]})")
        lines.append("")
    if key == "list":
        lines += ["Answer Key", ""] + [f"{n}. {'ab'[n % 2]}" for n in numbers]
    elif key == "line":
        lines += ["Answer Key", "", ", ".join(f"{n} {'ab'[n % 2]}" for n in numbers)]
    return "\n".join(lines) + "\n"


def test_questions_numbered_past_999_are_all_in_the_quiz_with_their_answers():
    for key in ("list", "line", "each"):
        questions = [q for quiz in _part(_long_quiz(995, key)).lessons[0].quizzes
                     for q in quiz.questions]
        assert [q.prompt for q in questions] == [
            f"Which tide does table {n} show first?" for n in range(995, 1005)], key
        assert [q.options for q in questions] == [["The morning tide", "The evening tide"]] * 10
        assert [q.correct for q in questions] == [[n % 2] for n in range(995, 1005)], key


def test_a_quiz_that_starts_at_1000_is_a_run_from_its_first_question():
    questions = _part(_long_quiz(1000)).lessons[0].quizzes[0].questions
    assert [q.correct for q in questions] == [[n % 2] for n in range(1000, 1010)]


def test_a_paragraph_that_opens_with_a_year_stays_a_paragraph():
    lesson = _part(_long_quiz(995)).lessons[0]
    [paragraph] = [b for b in lesson.blocks if "gauge" in repr(b)]
    assert type(paragraph).__name__ == "Paragraph"
    assert paragraph.text.startswith("2024. The year the harbour gauge")
    alone = "Harbour Notes\n\n1999. The old pier was pulled down that winter.\n"
    assert type(_part(alone).lessons[0].blocks[0]).__name__ == "Paragraph"


def test_a_pdf_files_questions_past_999_keep_their_options(tmp_path):
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph as Para
    from reportlab.platypus import SimpleDocTemplate

    from build_course.importer.importing import import_source

    style = getSampleStyleSheet()
    story = [Para("Reading a Tide Table", style["Title"]),
             Para("Review Questions", style["Heading2"])]
    for n in range(997, 1003):
        story += [Para(f"{n}. Which tide does table {n} show first?", style["BodyText"]),
                  Para("a) The morning tide", style["BodyText"]),
                  Para("b) The evening tide", style["BodyText"])]
    story.append(Para("Answer Key", style["Heading2"]))
    story += [Para(f"{n}. {'ab'[n % 2]}", style["BodyText"]) for n in range(997, 1003)]
    path = tmp_path / "tides.pdf"
    SimpleDocTemplate(str(path), pagesize=A4).build(story)
    part = import_source(path, None, "source/tides.pdf").part
    questions = part.lessons[0].quizzes[0].questions
    assert [q.options for q in questions] == [["The morning tide", "The evening tide"]] * 6
    assert [q.correct for q in questions] == [[n % 2] for n in range(997, 1003)]


# ---- a short PDF read by pypdf: its furniture stands on two pages only ------

_CHAIN = ("Cleaning the Chain\n"
          " A clean chain runs quietly and lasts twice as long as one left to gather\n"
          "grit, because the dirt mixed with oil grinds the rollers and the teeth of\n"
          "the sprockets every time the pedals turn round on a wet or a dusty road.\n"
          "Wipe the chain with a rag while turning the pedals backwards, then brush\n"
          "the rollers with a little degreaser and rinse them with warm soapy water.\n")
_BRAKES = ("Checking the Brakes\n"
           "Squeeze each lever hard: it should stop well before it touches the bar,\n"
           "and the wheel should not turn when you push the bicycle forwards with the\n"
           "lever held. Pads worn down to their grooves are replaced before a ride,\n"
           "never after it, because worn pads score the rims of the wheels quickly.\n")


def _pypdf_pages(furniture: list[str]) -> str:
    """Two pages as pypdf prints a handout whose header and footer were drawn
    before its text: the page's furniture first, pages joined by a newline."""
    first = "\n".join(line.format(n=1) for line in furniture)
    second = "\n".join(line.format(n=2) for line in furniture)
    return f"{first}\n{_CHAIN}{_PROSE}\n{second}\n{_BRAKES}{_PROSE_TWO}\n"


def test_a_header_on_two_pypdf_pages_beside_their_numbers_goes():
    part = _part(_pypdf_pages(["Cycle Workshop Handout", "Riverside Bike Co-op", "{n}"]),
                 "chain.txt")
    [lesson] = part.lessons
    assert lesson.title == "Cleaning the Chain"
    body = repr(lesson.blocks) + repr(lesson.sections)
    assert "Cycle Workshop" not in body and "Riverside" not in body
    assert [s.title for s in lesson.sections] == ["Checking the Brakes"]
    dropped = [d.message for d in part.diagnostics if "running header" in d.message]
    assert dropped and "Riverside Bike Co-op" in " ".join(dropped)


def test_a_line_on_two_pages_without_page_numbers_stays_with_a_note():
    part = _part(_pypdf_pages(["Cycle Workshop Handout"]), "chain.txt")
    [lesson] = part.lessons
    text = repr(lesson.blocks) + repr(lesson.sections) + lesson.title
    assert text.count("Cycle Workshop Handout") >= 2  # weak evidence: both kept
    assert any("may be a running header" in d.message for d in part.diagnostics)


def test_a_heading_that_repeats_away_from_page_numbers_stays():
    text = _pypdf_pages(["Cycle Workshop Handout", "{n}"]).replace(
        "Broken glass", "Cleaning the Chain\nBroken glass")
    lesson = _part(text, "chain.txt").lessons[0]
    assert lesson.title == "Cleaning the Chain"
    assert "Cleaning the Chain" in repr(lesson.sections) + repr(lesson.blocks)


# ---- worksheets: questions with space to write, under a heading of their own -

_PAINT_INTRO = ("Preparing a Wall for Paint\n\n"
                "Fill cracks and holes with filler, let it dry hard, and sand it flush with "
                "the wall; paint shows every bump that is left under it.\n\n"
                "Wash the wall with sugar soap and rinse it with clean water, because paint "
                "does not grip grease, and let the wall dry for a day before the first coat.\n\n")
_PAINT_QUESTIONS = ("Your Own Room\n\n"
                    "1. Which walls in your room need filling before they are painted?\n"
                    "______________________________________________\n"
                    "______________________________________________\n"
                    "2. Why is a wall washed before it is painted?\n"
                    "______________________________________________\n"
                    "3. How long should a washed wall dry?\n"
                    "______________________________________________\n")


def _quizzes(text: str, name: str = "sheet.txt"):
    return [q for lesson in _part(text, name).lessons for q in lesson.quizzes]


def test_numbered_questions_with_answer_space_under_a_plain_heading_are_an_exercise():
    part = _part(_PAINT_INTRO + _PAINT_QUESTIONS, "sheet.txt")
    [lesson] = part.lessons
    [quiz] = lesson.quizzes
    assert quiz.title == "Your Own Room"
    assert [q.prompt for q in quiz.questions] == [
        "Which walls in your room need filling before they are painted?",
        "Why is a wall washed before it is painted?", "How long should a washed wall dry?"]
    assert all(q.correct == [] and not q.model_answer for q in quiz.questions)  # none invented
    assert "____" not in repr(lesson.blocks) and lesson.sections == []
    assert any("read as an exercise" in d.message for d in part.diagnostics)


def _wrapped_intro() -> str:
    """The introduction as a PDF extraction gives it: hard-wrapped, no blank lines."""
    import textwrap

    title, *paragraphs = _PAINT_INTRO.strip().split("\n\n")
    paragraphs.append("Cover the floor and the skirting with dust sheets and masking tape, "
                      "and take the switch plates off, so that nothing is painted by mistake.")
    return title + "\n" + "\n".join(textwrap.fill(p, 58) for p in paragraphs) + "\n"


def test_a_hard_wrapped_worksheet_read_as_pdf_text_keeps_its_exercise():
    text = _wrapped_intro() + _PAINT_QUESTIONS.replace("?\n", "? ..........................\n", 1)
    assert detect_family(raw_lines(text)).family.name == "pdf"
    [quiz] = _quizzes(text)
    assert [q.prompt for q in quiz.questions] == [
        "Which walls in your room need filling before they are painted?",
        "Why is a wall washed before it is painted?", "How long should a washed wall dry?"]
    assert "____" not in repr(_part(text, "sheet.txt").lessons[0].blocks)


def test_fill_in_sentences_under_a_plain_heading_are_an_exercise():
    text = (_PAINT_INTRO + "Words to Remember\n\n"
            "1. Cracks are filled with ________ and sanded flush.\n"
            "2. A wall is washed with ________ soap.\n"
            "3. Paint does not grip ________.\n")
    [quiz] = _quizzes(text)
    assert quiz.title == "Words to Remember"
    assert [q.prompt for q in quiz.questions][1] == "A wall is washed with ________ soap."


def test_numbered_steps_without_answer_space_stay_a_list():
    text = (_PAINT_INTRO + "Painting the Wall\n\n"
            "1. Cut in along the ceiling and the corners with a brush.\n"
            "2. Roll the paint on in a W, then fill it in without lifting the roller.\n"
            "3. Let the first coat dry for four hours before the second.\n")
    lesson = _part(text, "sheet.txt").lessons[0]
    assert lesson.quizzes == [] and [s.title for s in lesson.sections] == ["Painting the Wall"]


def test_questions_ending_in_dots_to_write_on_are_no_contents_list():
    questions = "".join(f"{n}. {q} ..........................................\n" for n, q in (
        (1, "Why is a wall washed before it is painted?"),
        (2, "Name two things that stop paint from gripping."),
        (3, "How long should a washed wall dry?")))
    intro = _wrapped_intro()
    text = intro + intro.split("\n", 1)[1] + "\nCheck Your Understanding\n\n" + questions
    assert detect_family(raw_lines(text)).family.name == "pdf"
    [quiz] = _part(text, "sheet.txt").lessons[0].quizzes
    assert [q.prompt for q in quiz.questions] == [
        "Why is a wall washed before it is painted?",
        "Name two things that stop paint from gripping.", "How long should a washed wall dry?"]


# ---- the title of a part of several lessons: the text's own, not its file's --

def test_a_book_of_several_chapters_is_titled_by_its_licence_header_title_line():
    text = _book().replace("whatsoever.\n\n", "whatsoever.\n\nTitle: Plain Bookkeeping\n\n"
                           "Author: Tom Ledger\n\n", 1)
    part = _part(text, "pg_4471_bookkeeping.txt")
    assert len(part.lessons) == 3
    assert part.title == "Plain Bookkeeping"
    assert any("the part's title 'Plain Bookkeeping'" in d.message for d in part.diagnostics)


def test_a_book_without_a_title_line_is_named_after_its_file():
    part = _part(_book(), "pg_4471_bookkeeping.txt")
    assert part.title == "Pg 4471 bookkeeping"


def test_a_pdf_books_chapter_markers_name_the_part():
    chapter = ("{title}\n"
               "Soil is a living thing: worms, fungi and bacteria turn dead leaves into\n"
               "food for plants, and a spade of good soil holds more living things than\n"
               "there are people on the earth, most of them far too small to be seen.\n"
               "Feed it with compost and mulch, and walk on it as little as you can.\n\n"
               "Home Gardening ─ {title}\n\f")
    text = "".join(chapter.format(title=t) for t in ("Soil", "Seeds", "Watering"))
    part = _part(text, "garden_notes.txt")
    assert [lesson.title for lesson in part.lessons] == ["Soil", "Seeds", "Watering"]
    assert part.title == "Home Gardening"


def test_a_manifest_title_still_wins_over_the_texts_own():
    from build_course.manifest import SourceEntry

    text = _book().replace("whatsoever.\n\n", "whatsoever.\n\nTitle: Plain Bookkeeping\n\n", 1)
    part = import_text(SourceText(Path("b.txt"), text, "utf-8"), "b.txt",
                       SourceEntry(file="b.txt", line=3, title="Bookkeeping for Shops"))
    assert part.title == "Bookkeeping for Shops"
    assert not any("the part's title" in d.message for d in part.diagnostics)


# ---- an exercise of several tasks, each under its own title -----------------

_TASKS = """Sharpening a Chisel

A sharp chisel cuts cleanly and safely; a blunt one needs force and slips.

Honing the Bevel

Hold the bevel flat on the stone and push it forward with even pressure.

Practice Exercises

Bonus task A: Flatten the back of a new chisel

 1. Rub the back of the chisel on the coarse stone.

 2. Check the scratch pattern: is it even across the whole back?

 3. Move to the fine stone when it is.

Solution

The back is flat when the scratches reach the edge all along it; a hollow shows.

Bonus task B: Put a micro-bevel on the edge

 1. Raise the handle a few degrees.

 2. Take five light strokes on the fine stone.

Sharpening Gouges

A gouge is rolled on the stone as it is pushed, so that its whole curve is honed.
"""


def test_an_exercise_of_several_titled_tasks_has_one_question_per_task():
    lesson = _part(_TASKS, "chisel.txt").lessons[0]
    [quiz] = lesson.quizzes
    assert quiz.title == "Practice Exercises"
    first, second = quiz.questions
    assert first.prompt.startswith("Rub the back of the chisel on the coarse stone. 2. Check")
    assert first.model_answer.startswith("The back is flat when the scratches reach the edge")
    assert second.prompt.startswith("Raise the handle a few degrees.")
    assert second.model_answer is None  # no solution in the source: none invented
    assert first.body[0].text == "Bonus task A: Flatten the back of a new chisel"  # kept, shown
    assert [s.title for s in lesson.sections][-1] == "Sharpening Gouges"


def test_one_titled_task_is_read_as_the_exercise_as_before():
    text = _TASKS.split("Bonus task B")[0] + "Sharpening Gouges\n\nA gouge is rolled.\n"
    [quiz] = _part(text, "chisel.txt").lessons[0].quizzes
    assert all(not q.body or q.body[0].text != "Bonus task A: Flatten the back of a new chisel"
               for q in quiz.questions)


# ---- pdftotext -layout: ragged columns side by side, no form feed -----------

def _side_by_side(left: list[str], right: list[str], at: int = 51) -> str:
    """Two columns as pdftotext -layout prints a page: the left column's lines
    padded to where the right one starts (ragged right, as a leaflet sets them)."""
    import textwrap

    def lines(blocks: list[str]) -> list[str]:
        out: list[str] = []
        for block in blocks:
            out += [block] if len(block) < 30 else textwrap.wrap(block, 44)
            out.append("")
        return out

    a, b = lines(left), lines(right)
    a += [""] * (len(b) - len(a))
    b += [""] * (len(a) - len(b))
    rows = [(" " + x).ljust(at) + y if y else " " + x for x, y in zip(a, b)]
    return "Village Bakery Notes\n\n\n" + "\n".join(r.rstrip() for r in rows) + "\n"


_LEFT = ["Mixing the Dough",
         "Flour, water, salt and yeast are all a plain loaf needs; the water should feel "
         "neither warm nor cold on the inside of the wrist, and the salt is kept apart "
         "from the yeast until both are in the bowl.",
         "Kneading",
         "Push the dough away with the heel of the hand, fold it back and turn it, for ten "
         "minutes, until it is smooth and springs back when it is pressed with a finger."]
_RIGHT = ["Proving",
          "Cover the bowl and leave the dough somewhere warm until it has doubled in size, "
          "which takes about an hour in a warm kitchen and longer in a cold one.",
          "Baking",
          "Bake the loaf in a hot oven for half an hour; it is done when the base sounds "
          "hollow when it is tapped, and it cools on a rack so that the crust stays crisp."]


def test_columns_side_by_side_without_form_feeds_are_read_one_after_the_other():
    text = _side_by_side(_LEFT, _RIGHT)
    found = detect_family(raw_lines(text))
    assert found.family.name == "pdf" and "two columns side by side" in found.evidence[0]
    lesson = _part(text, "bakery.txt").lessons[0]
    titles = [s.title for s in lesson.sections]
    assert titles == ["Mixing the Dough", "Kneading", "Proving", "Baking"]
    body = repr(lesson.blocks)
    assert "the salt is kept apart from the yeast until both are in the bowl." in body


def test_a_centred_heading_wrapped_in_a_column_is_one_heading():
    title = ("     Baking Bread in a\n"
             "        Village Oven\n")  # both lines centred on the same place
    text = _side_by_side(_LEFT, _RIGHT).replace("\n\n\n", "\n\n\n" + title, 1)
    part = _part(text, "bakery.txt")
    lesson = part.lessons[0]
    assert "Baking Bread in a Village Oven" in [lesson.title] + [s.title for s in lesson.sections]
    assert "Village Oven" not in [s.title for s in lesson.sections]
    assert any("wrapped over two centred lines" in d.message for d in part.diagnostics)


def test_a_centred_title_over_a_left_aligned_heading_stays_two_headings():
    title = "        Baking Bread\n"
    text = _side_by_side(_LEFT, _RIGHT).replace("\n\n\n", "\n\n\n" + title, 1)
    lesson = _part(text, "bakery.txt").lessons[0]
    titles = [lesson.title] + [s.title for s in lesson.sections]
    assert "Baking Bread" in titles and "Mixing the Dough" in titles


def test_a_footer_printed_between_two_columns_goes_like_the_one_at_a_page_foot():
    # pdftotext without -layout: page 1's footer comes after its left column
    left = ("Glazing Stoneware\n" + _PROSE + "\n")
    right = ("Loading the Kiln\n" + _PROSE_TWO + "\n")
    text = (f"Studio Pottery Handbook\n\n{left}\nRiverside Clay Studio\n\n{right}\nPage 1\n\f"
            f"Studio Pottery Handbook\n\nFiring Schedules\n{_PROSE}\n"
            f"Riverside Clay Studio\n\nPage 2\n\f")
    part = _part(text, "pottery.txt")
    lesson = part.lessons[0]
    everything = lesson.title + repr(lesson.sections) + repr(lesson.blocks)
    assert "Riverside Clay Studio" not in everything
    assert [s.title for s in lesson.sections] == ["Loading the Kiln", "Firing Schedules"]


def test_a_line_alone_inside_a_page_that_is_no_footer_stays():
    text = (f"Studio Pottery Handbook\n\nGlazing Stoneware\n{_PROSE}\n\nWedge the clay well\n\n"
            f"{_PROSE_TWO}\nPage 1\n\fStudio Pottery Handbook\n\nFiring Schedules\n{_PROSE}\n"
            f"Riverside Clay Studio\n\nPage 2\n\f")
    lesson = _part(text, "pottery.txt").lessons[0]
    assert "Wedge the clay well" in repr(lesson.blocks) + repr(lesson.sections)


# pdftotext without -layout on two columns that share their lines' places:
# the right column's first line (the end of the left column's last sentence)
# comes out at the top of the page
_CAST_IRON = """\
Kitchen Care Sheet

rinsed and dried at once.
Caring for Cast Iron
A cast iron pan lasts a lifetime when it is seasoned: a thin layer of oil
baked on at a high heat fills the pores of the metal and stops it rusting,
and every meal cooked in it with a little fat adds to that layer again.
A new pan comes with a factory coating that is thin and uneven, so season
it twice more at home before the first meal, wiping the oil off until the
surface looks almost dry, since thick oil turns sticky in the oven.

Washing Up
Wash the pan while it is still warm with hot water and a brush; a drop of
soap does no harm to a well seasoned pan, but it should never soak in the
sink overnight, and after washing it must always be

Page 1
\f"""


def test_the_end_of_a_sentence_read_out_of_column_order_goes_back_to_its_start():
    part = _part(_CAST_IRON, "pan.txt")
    body = repr(part.lessons[0].blocks)
    assert "after washing it must always be rinsed and dried at once." in body
    assert any("two columns read out of order" in d.message for d in part.diagnostics)


def test_a_paragraph_that_opens_in_lower_case_alone_is_not_moved():
    text = _CAST_IRON.replace("after washing it must always be\n", "after washing dry it.\n")
    body = repr(_part(text, "pan.txt").lessons[0].blocks)
    assert "dry it. rinsed" not in body and "rinsed and dried at once." in body


# html2text prints an <ol type="a"> inside a numbered item as "a." lines,
# indented under the item's text
H2T_LETTERED = """\
****** Knitting Basics ******
Casting on puts the first row of loops on the needle; the long-tail method
gives an edge that stretches, and it is the one most patterns assume.
***** Quick Quiz *****
   1. Which cast-on gives an edge that stretches?
         a. The cable cast-on
         b. The long-tail cast-on
   2. What does casting on put on the needle?
         a. The first row of loops
         b. The last row of stitches
***** Answers *****
   1. b
   2. a
"""


def test_html2text_lettered_options_under_a_numbered_question_are_its_options():
    found = detect_family(raw_lines(H2T_LETTERED))
    assert found.family.name == "html2text"
    [quiz] = _part(H2T_LETTERED, "knit.txt").lessons[0].quizzes
    assert [q.options for q in quiz.questions] == [
        ["The cable cast-on", "The long-tail cast-on"],
        ["The first row of loops", "The last row of stitches"]]
    assert [q.correct for q in quiz.questions] == [[1], [0]]


def test_a_page_of_narrow_columns_read_by_pypdf_is_pdf_text_and_its_lines_join():
    import textwrap

    paragraphs = [
        "Prune apple trees in winter, when the leaves have fallen and the shape of the "
        "branches can be seen clearly from the ground.",
        "Take out dead, diseased and crossing branches first, then thin the centre so that "
        "light and air reach the fruit buds.",
        "Never remove more than a quarter of the crown in one year, or the tree answers "
        "with a thicket of upright shoots."]
    text = "Winter Pruning\n" + "".join(textwrap.fill(p, 34) + "\n" for p in paragraphs)
    found = detect_family(raw_lines(text))
    assert found.family.name == "pdf"
    body = repr(_part(text, "orchard.txt").lessons[0].blocks)
    assert "the shape of the branches can be seen clearly from the ground." in body


def test_a_long_list_of_short_items_is_no_narrow_column_text():
    items = "".join(f"- Seed packet number {n} of the box\n" for n in range(1, 15))
    text = "Seed Inventory\n\nThe box holds these packets, each with its date.\n\n" + items
    assert detect_family(raw_lines(text)).family.name == "plain"
    lists = [b for b in _part(text, "seeds.txt").lessons[0].blocks
             if type(b).__name__ == "ListBlock"]
    assert len(lists[0].items) == 14


def _long_book(first: int) -> str:
    """A plain-text book whose chapter drill runs past 999, one question a
    paragraph, with its answers after it (as a book numbers on its drills)."""
    lines = ["*** START OF THE EBOOK KNOTS FOR SAILORS ***", "", "", "CHAPTER IV", "",
             "THE BOWLINE", "",
             "The bowline makes a loop that will not slip or jam, and it unties easily\n"
             "after a load however heavy. Sailors tie it around a post or a ring.", "",
             "1850. The year the knot got its printed name, it was already old.", "",
             "EXERCISES", ""]
    numbers = range(first, first + 6)
    lines += [f"{n}. How many turns does the bowline in drill {n} take?\n" for n in numbers]
    lines += ["ANSWERS", ""] + [f"{n}. {n % 3 + 1} turns.\n" for n in numbers]
    return "\n".join(lines + ["*** END OF THE EBOOK KNOTS FOR SAILORS ***", ""])


def test_a_book_drill_numbered_past_999_keeps_every_question_and_answer():
    part = _part(_long_book(997), "knots.txt")
    [quiz] = part.lessons[0].quizzes
    assert [(q.prompt, q.model_answer) for q in quiz.questions] == [
        (f"How many turns does the bowline in drill {n} take?", f"{n % 3 + 1} turns.")
        for n in range(997, 1003)]
    assert "1850. The year the knot got its printed name" in repr(part.lessons[0].blocks)


# A worksheet typed in an editor that wraps: answer space makes it a
# worksheet (one line per paragraph), but its introduction is wrapped.
GARDEN_WORKSHEET = """\
Seed Sowing Worksheet

Name: ____________________   Date: ____________

Look at the seed packets on your bench before you start. Read the sowing
depth and spacing printed on the back of each one, then plan a row for
every packet in the bed you have been given.

Keep it short:
write the depth
then the spacing

1. Which seed needs the deepest sowing?
__________________________________________

2. How far apart will you sow the beans?
__________________________________________
"""


def test_a_hard_wrapped_paragraph_in_a_one_line_per_paragraph_text_is_joined():
    blocks = [b for lesson in _part(GARDEN_WORKSHEET).lessons for b in lesson.blocks]
    texts = [getattr(b, "text", "") for b in blocks]
    assert ("Look at the seed packets on your bench before you start. Read the sowing depth "
            "and spacing printed on the back of each one, then plan a row for every packet "
            "in the bed you have been given.") in texts
    # short lines of different lengths are lines of their own, wrapped or not
    assert not any("write the depth then" in t for t in texts)


# A competency guide copied from a word processor: sentence-case headings
# standing alone, "·" items with "o" sub-items set off by a tab stop.
POTTERY_GUIDE = (
    "Kiln Loading Competency Guide\n\n"
    "Performance criteria\n\n"
    "·\u00a0\u00a0\u00a0\u00a0\u00a0 Check every shelf for cracks before loading\n"
    "·\u00a0\u00a0\u00a0\u00a0\u00a0 Place the pieces so that none of them touch\n"
    "o\u00a0\u00a0 glazed bases kept off the shelf\n"
    "o\u00a0\u00a0 tall pieces at the back\n\n"
    "Knowledge evidence\n\n"
    "The learner explains why glazed pieces that touch each other fuse together in "
    "the firing.\n\n"
    "Assessor notes: for the assessor only. Accept either reason.\n"
)


def _lesson_blocks(text: str):
    return [b for lesson in _part(text).lessons for b in lesson.blocks]


def test_sentence_case_lines_alone_over_text_are_headings_when_there_are_two():
    headings = [b.text for b in _lesson_blocks(POTTERY_GUIDE) if type(b).__name__ == "Heading"]
    assert headings == ["Performance criteria", "Knowledge evidence"]


def test_one_short_line_alone_stays_a_paragraph():
    text = ("Glazing Basics\n\nRead this first\n\nDip each piece once, for a count of three, "
            "and let it dry fully before the firing.\n")
    assert not [b for b in _lesson_blocks(text) if type(b).__name__ == "Heading"]


def test_word_processor_o_items_nest_under_the_dot_items_whatever_their_case():
    lists = [b for b in _lesson_blocks(POTTERY_GUIDE) if type(b).__name__ == "ListBlock"]
    (items,) = [block.items for block in lists]
    assert [item.text for item in items[1].children] == ["glazed bases kept off the shelf",
                                                         "tall pieces at the back"]


def test_a_note_for_the_assessor_only_is_left_out():
    texts = [getattr(b, "text", "") for b in _lesson_blocks(POTTERY_GUIDE)]
    assert not any("Accept either" in t for t in texts)


def test_a_paragraph_after_a_keyed_answer_explains_it_and_the_key_still_counts():
    text = ("Ladders\n\nSet a ladder at one unit out for every four units up, on firm "
            "and level ground.\n\nCheck your understanding\n\n"
            "1. How far out goes the foot of a ladder four metres up?\na) one metre\n"
            "b) two metres\nAnswer: a\n\n"
            "The one-in-four rule keeps the ladder from sliding out or tipping back.\n\n"
            "2. Is a ladder safe on soft ground?\na) True\nb) False\nAnswer: False\n\n"
            "Soft ground lets one foot sink, and the ladder twists.\n")
    (quiz,) = _part(text).lessons[0].quizzes
    assert [q.correct for q in quiz.questions] == [[0], [1]]
    assert "one-in-four rule" in quiz.questions[0].explanation
    assert "one foot sink" in quiz.questions[1].explanation


def test_a_quiz_block_right_under_the_lessons_title_leaves_the_title_to_the_lesson():
    text = ("# Sharpening a Chisel\n\nHold the bevel flat on the stone.\n\n<?quiz?>\n"
            "question: Which side lies flat on the stone?\nanswer-correct: the bevel\n"
            "answer: the back\n<?/quiz?>\n")
    (lesson,) = _part(text, "chisel.md").lessons
    assert lesson.title == "Sharpening a Chisel"
    assert lesson.quizzes[0].questions[0].correct == [0]


BIKE_FAQ = """\
Questions About the Bike Loan Scheme

Who can borrow a bike?
Any member of staff with a permanent contract can borrow one for up to a
year, and the loan can be renewed once when the year ends.

How much does it cost?
Nothing up front: a small sum comes out of each month's pay until the
bike is paid for, over twelve months in all.

What if the bike is stolen?
Report the theft to the police and send the crime number to the scheme's
office, which arranges the insurance claim for you.
"""


def test_an_faq_wrapped_at_a_fixed_width_is_questions_and_answers_not_a_pdf():
    raw = raw_lines(BIKE_FAQ)
    assert detect_family(raw).family.name == "qa"
    (lesson,) = _part(BIKE_FAQ).lessons
    (quiz,) = lesson.quizzes
    assert [q.prompt for q in quiz.questions][0] == "Who can borrow a bike?"
    assert quiz.questions[0].model_answer == (
        "Any member of staff with a permanent contract can borrow one for up to a year, "
        "and the loan can be renewed once when the year ends.")
