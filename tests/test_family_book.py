"""Plain-text books, worksheets and question-and-answer texts (imp-book's
families), each rule on small texts written for these tests."""

from __future__ import annotations

import textwrap
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from build_course.build.rendering import render_lesson, render_quiz
from build_course.diagnostics import CourseError, Report
from build_course.importer import passes_book as book
from build_course.importer import passes_qa as qa
from build_course.importer import passes_worksheet as worksheet
from build_course.importer.cleaning import raw_lines
from build_course.importer.families import clean_text, detect_family
from build_course.importer.importing import import_bytes, import_text
from build_course.importer.segmenting import segment
from build_course.model import (
    Dialogue,
    ExerciseLink,
    Heading,
    Line,
    ListBlock,
    Paragraph,
    RawMarkdown,
    SourceText,
)
from build_course.quiz.kinds import QuestionKind


def _part(text: str, name: str = "book.txt"):
    return import_text(SourceText(Path(name), text, "utf-8"), name)


def _notes(part) -> str:
    return "\n".join(d.message for d in part.diagnostics)


def _md(part) -> str:
    return "\n".join(render_lesson(part, lesson).text for lesson in part.lessons)


# A beekeeping primer as an e-text library publishes it: licence block,
# title page, a contents list naming chapters this excerpt lacks, two
# chapters whose titles stand on the line after "CHAPTER", run-in headings,
# italics, a numbered question list, and the closing licence lines.
BEES = """The Library EBook of The Beekeeper's Primer, by A. Writer

This eBook is for the use of anyone anywhere at no cost and with
almost no restrictions whatsoever.

Title: The Beekeeper's Primer

*** START OF THIS LIBRARY EBOOK THE BEEKEEPER'S PRIMER ***




Produced by Volunteer Readers and the
Online Typing Team




  THE BEEKEEPER'S PRIMER

  BY
  A. WRITER

  RIVERTON · LAKESIDE
  FIELD PRESS COMPANY

  COPYRIGHT, 1902


CONTENTS

       I. THE HIVE                                  1

      II. THE SEASONS                               9

     III. SWARMING                                 17

      IV. HONEY AND WAX                            25



CHAPTER I

THE HIVE


=The Colony.=--A colony of bees lives in a hive made of wooden frames
that hang side by side like the pages of a book. Each frame holds a
sheet of comb, and the bees fill the cells with brood, pollen and
honey as the year turns.

=The Queen.=--Every colony has one queen. She lays all the eggs of the
colony, sometimes two thousand in a single day, and the workers feed
and clean her. The _workers_ do every other task of the hive.


QUESTIONS FOR REVIEW

     1. What does a frame of the hive hold?

     2. How many queens live in one colony, and what do they
        do?

     3. Which bees feed the queen?




CHAPTER II

THE SEASONS


=Spring.=--In spring the colony grows quickly because the first
flowers give nectar and pollen, and the queen lays more eggs each
week than the week before.

=Winter.=--In winter the bees gather in a tight cluster and keep one
another warm by moving their wing muscles without flying at all.

End of the Library EBook of The Beekeeper's Primer, by A. Writer

*** END OF THIS LIBRARY EBOOK THE BEEKEEPER'S PRIMER ***

This file should be named primer.txt.
"""


def test_a_book_is_read_as_a_book_with_its_evidence():
    found = detect_family(raw_lines(BEES))
    assert found.family.name == "book"
    assert any("licence block" in e for e in found.evidence)


def test_a_web_page_copied_as_text_is_not_a_book():
    page = "\n".join(f"Paragraph {n} of the page says what it has to say in one line, "
                     "as a copied web page does, without any wrapping at all." for n in range(30))
    assert detect_family(raw_lines(page)).family.name != "book"


def test_licence_title_page_and_contents_go_and_are_reported():
    part = _part(BEES)
    md = _md(part)
    for gone in ("use of anyone anywhere", "START OF THIS", "END OF THIS", "Produced by",
                 "should be named", "FIELD PRESS", "COPYRIGHT", "SWARMING", "End of the Library"):
        assert gone not in md
    notes = _notes(part)
    assert "licence header" in notes and "licence footer" in notes and "title page" in notes
    # the contents list names two chapters that this text does not hold
    assert "names 2 entries that are not in this text: SWARMING; HONEY AND WAX" in notes


def test_a_chapter_line_and_its_title_make_a_lesson():
    part = _part(BEES)
    assert [lesson.title for lesson in part.lessons] == ["THE HIVE", "THE SEASONS"]
    assert part.lessons[0].kicker == "CHAPTER I"
    assert [s.title for s in part.lessons[1].sections] == ["Spring", "Winter"]


def test_run_in_headings_become_sections_and_markup_goes():
    lesson = _part(BEES).lessons[0]
    assert [s.title for s in lesson.sections] == ["The Colony", "The Queen"]
    paragraphs = [b.text for b in lesson.blocks if isinstance(b, Paragraph)]
    assert paragraphs[0].startswith("A colony of bees lives in a hive made of wooden frames that")
    assert "The workers do every other task" in paragraphs[1]
    assert "=" not in _md(_part(BEES)).split("---", 2)[2]


def test_numbered_questions_apart_keep_their_numbers_and_wraps():
    lesson = _part(BEES).lessons[0]
    [quiz] = lesson.quizzes
    assert [q.prompt for q in quiz.questions] == [
        "What does a frame of the hive hold?",
        "How many queens live in one colony, and what do they do?",
        "Which bees feed the queen?"]
    assert all(q.model_answer is None for q in quiz.questions)  # nothing invented


# A grammar lesson of an old language course: the line after "LESSON 4."
# is the first of several centred section headings, numbered paragraphs
# run through the book, indented examples, a two-column vocabulary, a
# reading passage numbered inline, and translation sentences numbered inline.
GRAMMAR = """                              LESSON 4.


                        THE PLURAL OF NOUNS.

17. The plural of a noun is formed by adding the ending "-s" to the
singular form, and an adjective that goes with the noun takes the
same ending, so that both words agree in number with each other:

   la hundo granda, the big dog.
   la hundos grandas, the big dogs.
   la domo alta kaj larga,
      the tall and wide house.


                        THE DEFINITE ARTICLE.

18. The article "la" never changes its form, whatever the number or
the gender of the noun that follows it in the sentence.


                              VOCABULARY

   hundo = dog.                       domo = house.
   granda = big.                      alta = tall.
   larga = wide.                      kaj = and.


                           READING LESSON.

1. La hundo estas granda. 2. La hundos estas grandas. 3. La domo
estas alta kaj larga. 4. La hundo kaj la domo.


                      SENTENCES FOR TRANSLATION.

1. The dog is big. 2. The dogs are big. 3. The house is tall and
wide. 4. The big dogs and the tall house.



                              LESSON 5.


                        THE ACCUSATIVE CASE.

19. The object of a verb takes the ending "-n", so that the order of
the words in a sentence may change without changing its meaning.


                        WORD ORDER.

20. The subject usually comes first, but any order is allowed when
the endings show which word is the subject and which the object. A
learner should still begin with the plain order, and leave the others
until the endings are known well enough to be read without thinking.
"""


def test_a_marker_followed_by_its_first_section_titles_the_lesson_itself():
    part = _part(GRAMMAR, "grammar.txt")
    assert [lesson.title for lesson in part.lessons] == ["LESSON 4.", "LESSON 5."]
    assert [s.title for s in part.lessons[0].sections][:2] == [
        "THE PLURAL OF NOUNS.", "THE DEFINITE ARTICLE."]
    assert [s.title for s in part.lessons[1].sections] == ["THE ACCUSATIVE CASE.", "WORD ORDER."]


def test_numbered_paragraphs_are_paragraphs_with_their_own_numbers():
    lesson = _part(GRAMMAR, "grammar.txt").lessons[0]
    assert not any(isinstance(b, ListBlock) for b in lesson.blocks)
    texts = [b.text for b in lesson.blocks if isinstance(b, Paragraph)]
    assert texts[0].startswith("17. The plural of a noun is formed")
    assert "agree in number with each other:" in texts[0]
    # indented examples keep their lines; a deeper line continues the one above
    assert texts[1:4] == ["la hundo granda, the big dog.", "la hundos grandas, the big dogs.",
                          "la domo alta kaj larga, the tall and wide house."]


def test_columns_stay_preformatted_and_inline_numbers_split_only_in_exercises():
    lesson = _part(GRAMMAR, "grammar.txt").lessons[0]
    [table] = [b for b in lesson.blocks if isinstance(b, RawMarkdown)]
    assert table.text.startswith("```\nhundo = dog.") and table.text.endswith("\n```")
    reading = [b.text for b in lesson.blocks if isinstance(b, Paragraph)
               and b.text.startswith("1. La hundo")]
    assert reading == ["1. La hundo estas granda. 2. La hundos estas grandas. 3. La domo "
                       "estas alta kaj larga. 4. La hundo kaj la domo."]
    [quiz] = lesson.quizzes
    assert [q.prompt for q in quiz.questions] == [
        "The dog is big.", "The dogs are big.", "The house is tall and wide.",
        "The big dogs and the tall house."]


def test_a_fence_inside_a_table_cannot_close_its_code_block():
    text = ("Signs are short marks that stand for longer words.\n\n"
            "   ```   = fence.          <b>   = bold.\n   ~~~   = tilde.          |x|   = bar.\n")
    lines = book.join_book(raw_lines(text), text.split("\n"))
    assert [line.kind for line in lines] == ["", "code"]
    [_, table] = segment(lines)
    assert table.text == ("````\n```   = fence.          <b>   = bold.\n"
                          "~~~   = tilde.          |x|   = bar.\n````")


# A catechism on caring for houseplants: topics in capitals, each a run of
# questions in italics, each followed by its answer paragraph(s).
PLANTS = """CARE OF HOUSEPLANTS

*** START OF THE EBOOK CARE OF HOUSEPLANTS ***


PART I

INDOOR PLANTS


WATERING

_How often should a fern be watered?_

Whenever the soil feels dry to the touch, which in a warm room may be
every second day.

_What water is best?_

Rain water kept at the temperature of the room; cold water from the
tap chills the roots.

_What are the signs of too much water, and what should be done
about it?_

Yellow leaves and a sour smell from the pot. The pot should be left to
dry for a week.

If the smell remains, the plant should be put into fresh soil.


LIGHT

_Where should a fern stand?_

Near a window that gets the morning sun but not the sun of noon.

_Does a cactus need the same?_

No; it wants all the sun it can get.
"""


def test_questions_with_answer_paragraphs_become_a_self_check_per_topic():
    part = _part(PLANTS, "plants.txt")
    [lesson] = part.lessons
    assert lesson.title == "INDOOR PLANTS"
    assert [s.title for s in lesson.sections] == ["WATERING", "LIGHT"]
    assert [quiz.title for quiz in lesson.quizzes] == ["WATERING", "LIGHT"]
    water, light = lesson.quizzes
    assert [q.prompt for q in water.questions] == [
        "How often should a fern be watered?", "What water is best?",
        "What are the signs of too much water, and what should be done about it?"]
    assert all(q.kind == QuestionKind.OPEN for q in water.questions + light.questions)
    assert water.questions[2].model_answer == ("Yellow leaves and a sour smell from the pot. "
                                               "The pot should be left to dry for a week.\n\n"
                                               "If the smell remains, the plant should be put "
                                               "into fresh soil.")
    assert light.questions[1].model_answer == "No; it wants all the sun it can get."
    # the text stays in the lesson, with a link to each self-check after its topic
    assert sum(isinstance(b, ExerciseLink) for b in lesson.blocks) == 2
    assert "Rain water kept at the temperature" in _md(part)
    assert "No; it wants all the sun" in render_quiz(part, lesson).text


def test_prose_with_a_question_or_two_is_not_a_catechism():
    text = BEES.replace("=The Queen.=--Every", "Who rules the hive?\n\nEvery")
    lesson = _part(text).lessons[0]
    assert [quiz.title for quiz in lesson.quizzes] == ["QUESTIONS FOR REVIEW"]


def test_latin_1_bytes_and_crlf_line_ends_are_read():
    data = BEES.replace("\n", "\r\n").encode("latin-1")
    imported = import_bytes(data, Path("primer.txt"), "primer.txt", None)
    md = _md(imported.part)
    assert "\r" not in md and "\ufffd" not in md
    assert imported.part.family == "book"


def test_markup_is_taken_off_and_its_words_stay():
    assert book.strip_markup("the _trunk_ and =limbs=, a == b, snake_case") == \
        "the trunk and limbs, a == b, snake_case"


def test_each_pass_reports_what_it_dropped():
    report = Report("x")
    raw = raw_lines(BEES)
    book.drop_licence(raw, report)
    book.drop_front_matter(raw, report)
    dropped = [r.text for r in raw if not r.keep]
    assert dropped[0].startswith("The Library EBook") and "CONTENTS" in dropped
    assert "CHAPTER I" not in dropped
    assert len(report.items) >= 3


def test_lines_are_joined_within_a_paragraph_only():
    found, lines = clean_text(BEES, Report("x"))
    texts = [line.text for line in lines]
    assert "Spring" in texts and any(t.startswith("In spring the colony grows quickly because "
                                                  "the first flowers give nectar") for t in texts)
    assert not any("Spring" in t and "Winter" in t for t in texts)
    heading_lines = [line.text for line in lines if line.kind == "heading"]
    assert "QUESTIONS FOR REVIEW" in heading_lines
    assert isinstance(_part(BEES).lessons[1].blocks[0], Heading)


# A reflection worksheet copied from a word processor: a form header, a
# note for the facilitator, questions whose numbering was lost (all "1."),
# lines to write on, and a blank inside one question.
LISTENING = """Reflection Worksheet: Active Listening
Name: ________________  Date: ___________

Facilitator use only
Allow ten minutes. Pairs work best; collect the sheets afterwards.

Questions
1. Describe a time when someone really listened to you.
__________________________________________
__________________________________________
1. What did the listener do that showed attention?
__________________________________________
1. Which habit of yours gets in the way of listening?
..........................................
1. What is one thing you will try this week?
__________________________________________
1. The opposite of active listening is ________ listening.
__________________________________________
"""


def test_a_worksheet_is_read_as_one_with_its_evidence():
    found = detect_family(raw_lines(LISTENING))
    assert found.family.name == "worksheet"
    assert any("form header" in e for e in found.evidence)
    assert any("answer space" in e for e in found.evidence)


def test_name_and_date_are_not_a_dialogue_and_answer_space_goes():
    part = _part(LISTENING, "listening.txt")
    [lesson] = part.lessons
    assert lesson.title == "Reflection Worksheet: Active Listening"
    assert not any(type(b).__name__ == "Dialogue" for b in lesson.blocks)
    md = _md(part) + render_quiz(part, lesson).text
    assert "Name:" not in md and "_______________" not in md.replace("\\_", "_").replace(
        "________ listening", "")
    assert "answer space" in _notes(part)


def test_facilitator_notes_are_not_shown_to_learners():
    part = _part(LISTENING, "listening.txt")
    md = _md(part) + render_quiz(part, part.lessons[0]).text
    assert "Allow ten minutes" not in md and "Facilitator" not in md
    assert "facilitator only" in _notes(part)


def test_questions_all_numbered_one_are_numbered_again_in_one_quiz():
    part = _part(LISTENING, "listening.txt")
    [quiz] = part.lessons[0].quizzes
    assert [q.prompt for q in quiz.questions] == [
        "Describe a time when someone really listened to you.",
        "What did the listener do that showed attention?",
        "Which habit of yours gets in the way of listening?",
        "What is one thing you will try this week?",
        "The opposite of active listening is ________ listening."]
    assert "numbered 1 to 5 again" in _notes(part)


def test_a_note_to_the_teacher_on_one_line_is_that_line_only():
    text = ("Fractions Workbook\nName: __________\n\nTeacher's note: pupils may use the wall "
            "chart.\nA fraction names a part of a whole.\n\nQuestions\n1. What is half of "
            "ten?\n______\n2. What is a third of nine?\n______\n")
    part = _part(text, "fractions.txt")
    md = _md(part)
    assert "wall chart" not in md and "A fraction names a part of a whole." in md
    assert len(part.lessons[0].quizzes[0].questions) == 2


def test_underscore_rules_alone_do_not_make_a_worksheet():
    text = "Title\n\n" + "\n".join(f"Line {n} of a page.\n____________________" for n in range(5))
    assert detect_family(raw_lines(text)).family.name != "worksheet"


def test_chapter_lines_with_the_title_on_the_line_or_the_number_in_words():
    text = ("*** START OF THE EBOOK KEEPING ACCOUNTS ***\n\n\nCHAPTER ONE\n\nFIRST STEPS\n\n"
            "An account book has two sides, one for what comes in and one for what\n"
            "goes out, and each entry names its day, its sum and its reason.\n\n"
            "CHAPTER II. KEEPING RECORDS\n\n"
            "Records are kept in ink, and a mistake is crossed out with one line so\n"
            "that it can still be read by whoever checks the book at the year's end.\n\n"
            "Chapter 3: Closing the Year\n\nAt the end of the year the two sides are added up.\n")
    part = _part(text, "accounts.txt")
    assert [(lesson.kicker, lesson.title) for lesson in part.lessons] == [
        ("CHAPTER ONE", "FIRST STEPS"), ("CHAPTER II", "KEEPING RECORDS"),
        ("Chapter 3", "Closing the Year")]
    assert "CHAPTER" not in _md(part).replace("*CHAPTER", "")


# An FAQ copied from a cycling club's page: one line per paragraph, Q:/A: labels.
BIKES = """Bicycle Care FAQ

Tyres
Q: How often should I pump up my tyres?
A: Once a week for road tyres; mountain tyres lose air more slowly and can wait two weeks.
Q: What pressure is right?
A: The range is printed on the side of the tyre. Stay inside it.
Chains
Q: When does a chain need oil? A: When it squeaks, or after a ride in the rain.
Q: Which oil should I use?
A: A light chain oil. Wipe off what the chain does not take up.
"""


def test_an_faq_becomes_self_checks_without_its_labels():
    found = detect_family(raw_lines(BIKES))
    assert found.family.name == "qa"
    part = _part(BIKES, "bikes.txt")
    [lesson] = part.lessons
    assert [quiz.title for quiz in lesson.quizzes] == ["Tyres", "Chains"]
    chains = lesson.quizzes[1].questions
    assert [(q.prompt, q.model_answer) for q in chains] == [
        ("When does a chain need oil?", "When it squeaks, or after a ride in the rain."),
        ("Which oil should I use?", "A light chain oil. Wipe off what the chain does not take up.")]
    assert not any(type(b).__name__ == "Dialogue" for b in lesson.blocks)
    assert "Q:" not in _md(part)


def test_an_exercise_that_is_one_task_is_a_question_in_its_place():
    text = BEES.replace("End of the Library", "EXERCISE.\n\nDraw a frame of the hive and "
                        "name what its cells hold in spring.\n\n\nEnd of the Library")
    text = text.replace("QUESTIONS FOR REVIEW", "EXERCISE.\n\nDescribe the queen's work.\n\n\n"
                        "QUESTIONS FOR REVIEW")
    first, second = _part(text).lessons
    assert [(quiz.title, len(quiz.questions)) for quiz in first.quizzes] == [
        ("EXERCISE.", 1), ("QUESTIONS FOR REVIEW", 3)]
    assert first.quizzes[0].questions[0].prompt == "Describe the queen's work."
    assert second.quizzes[0].questions[0].prompt.startswith("Draw a frame of the hive")


def test_word_processor_glyphs_make_three_levels_of_bullets():
    nb = "\u00a0"
    text = (f"Handling Equipment\n\nCompetencies:\n\n·{nb}{nb}{nb}{nb} Lift with care\n\n"
            f"o{nb}{nb} Bend the knees\n\n§{nb} Keep the back straight\n\n"
            f"§{nb} Hold the load close\n\n·{nb}{nb}{nb}{nb} Store tools after use\n\n"
            "The rules are set out in § 3 of the manual.\n")
    part = _part(text, "equipment.txt")
    [lists] = [b for b in part.lessons[0].blocks if isinstance(b, ListBlock)]
    lift, store = lists.items
    assert (lift.text, store.text) == ("Lift with care", "Store tools after use")
    [knees] = lift.children
    assert [c.text for c in knees.children] == ["Keep the back straight", "Hold the load close"]
    assert "§ 3 of the manual" in _md(part)


def test_practical_questions_of_a_textbook_are_answerable_from_its_lesson():
    lesson = _part(BEES.replace("QUESTIONS FOR REVIEW", "PRACTICAL QUESTIONS")).lessons[0]
    [quiz] = lesson.quizzes
    assert {q.kind for q in quiz.questions} == {QuestionKind.OPEN}
    assert all(q.model_answer is None for q in quiz.questions)


SOIL = """*** START OF THE EBOOK A CATECHISM OF THE SOIL ***


CHAPTER I

WHAT SOIL IS


1. What is soil made of?

Of broken rock, the remains of plants and animals, water and air, mixed
in proportions that differ from one field to the next.

2. Why does soil differ from field to field?

Because the rock beneath it differs, and so does the way water moves
through it over the years.

3. What is humus?

The dark part of the soil, made from plants that have rotted down.
"""


def test_numbered_questions_of_a_catechism_keep_their_answers():
    [lesson] = _part(SOIL, "soil.txt").lessons
    [quiz] = lesson.quizzes
    assert quiz.title == "WHAT SOIL IS"
    assert [(q.prompt, (q.model_answer or "")[:20]) for q in quiz.questions] == [
        ("What is soil made of?", "Of broken rock, the "),
        ("Why does soil differ from field to field?", "Because the rock ben"),
        ("What is humus?", "The dark part of the")]
    # the numbers stay in the lesson's text, each question with its own
    md = _md(_part(SOIL, "soil.txt"))
    assert "1. What is soil made of?" in md and "2\\. Why does soil differ" in md


def test_a_chapter_title_wrapped_over_two_lines_is_one_title():
    text = BEES.replace("CHAPTER II\n\nTHE SEASONS",
                        "CHAPTER II\n\nTHE SEASONS AND WHAT THE BEES\nDO IN EACH")
    part = _part(text)
    assert [lesson.title for lesson in part.lessons] == [
        "THE HIVE", "THE SEASONS AND WHAT THE BEES DO IN EACH"]


def test_a_book_without_chapters_is_titled_from_its_licence_header():
    text = BEES.replace("CHAPTER I\n\nTHE HIVE\n\n", "")
    text = text.replace("CHAPTER II\n\nTHE SEASONS\n\n", "")
    [lesson] = _part(text).lessons
    assert lesson.title == "The Beekeeper's Primer"
    assert [s.title for s in lesson.sections][:2] == ["The Colony", "The Queen"]


def test_an_older_editions_licence_lines_go_too():
    text = ("The Etext of Pond Life\n\nSmall print about the etext, its uses and its "
            "limits.\n\n*END*THE SMALL PRINT! FOR PUBLIC DOMAIN ETEXTS*Ver.04.29.93*END*\n\n\n"
            + BEES[BEES.index("CHAPTER I\n"):BEES.index("End of the Library")]
            + "End of the Project Etext of Pond Life\n\nMore small print.\n")
    part = _part(text, "pond.txt")
    md = _md(part)
    assert "SMALL PRINT" not in md and "More small print" not in md and "Etext" not in md
    assert [lesson.title for lesson in part.lessons] == ["THE HIVE", "THE SEASONS"]


def test_chapters_numbered_by_a_roman_numeral_alone():
    text = BEES.replace("CHAPTER I\n", "I.\n").replace("CHAPTER II\n", "II.\n")
    part = _part(text)
    assert [(lesson.kicker, lesson.title) for lesson in part.lessons] == [
        ("I.", "THE HIVE"), ("II.", "THE SEASONS")]
    assert detect_family(raw_lines(text.split("*** START")[1])).family.name == "book"


def test_numerals_that_skip_are_not_chapters():
    assert book._numeral_markers(raw_lines("Intro text.\n\nI.\n\nSome text.\n\nIII.\n\nMore.")) \
        == []
    assert book._roman("XIV") == 14 and book._roman("XL") == 40


# ---- properties ----------------------------------------------------------------

BOOK_SHAPES = ["\n", "\n", "\n\n", "\n\n\n", " ", "    ", "CHAPTER I\n", "LESSON 2.\n", "IV.\n",
               "=Head.=--", "HEAD.--", "_", "=", "[Illustration: ", "]", "[Transcriber's Note: ",
               "CONTENTS\n", "*** END OF THE EBOOK X ***\n", "Produced by ", "Title: ", "Q: ",
               "A: ", "1. ", "2. ", "1.\n", "________\n", "Name: ____ Date: ____\n",
               "Facilitator use only\n", "§ ", "·\u00a0\u00a0 ", "o  ", "?", "   |   ", "```"]
book_text = st.lists(st.one_of(st.sampled_from(BOOK_SHAPES),
                               st.text("abcdefgh XYZ.,?!", min_size=1, max_size=40)),
                     max_size=80).map(lambda pieces: "*** START OF THE EBOOK X ***\n" + "".join(
                         pieces))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(book_text, book_text.map(lambda t: t.replace("*** START OF THE EBOOK X ***\n",
                                                             "Name: ____ Date: ____\n"))))
def test_any_book_or_worksheet_text_imports_and_renders(text):
    try:
        part = _part(text, "generated.txt")
    except CourseError:
        return
    part.slug = "generated"
    for lesson in part.lessons:
        render_lesson(part, lesson)
        if lesson.quizzes:
            render_quiz(part, lesson)


_WORD = st.text("abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=9)
_SENTENCE = st.lists(_WORD, min_size=6, max_size=18).map(lambda w: " ".join(w).capitalize() + ".")
prose = st.lists(_SENTENCE, min_size=2, max_size=6).map(" ".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(prose, min_size=2, max_size=8))
# wrapped so that two lines start with "q. ", which a question label ("Q. ...?") matches
@example(["The ferry leaves the north pier at nine and reaches the island by half past q. "
          "Gulls follow it all the way across the bay.",
          "Tickets are sold on board and the fare is paid in coins or by card at q. "
          "Children under five travel free of charge."])
def test_wrapped_prose_of_a_book_stays_paragraphs_with_every_word(paragraphs):
    body = "\n\n".join(textwrap.fill(p, 70) for p in paragraphs)
    part = _part("*** START OF THE EBOOK X ***\n\n" + body + "\n", "prose.txt")
    blocks = [b for lesson in part.lessons for b in lesson.blocks]
    assert all(isinstance(b, Paragraph) for b in blocks)
    assert [b.text for b in blocks] == paragraphs


def test_a_question_label_goes_only_where_it_labels_a_question():
    raw = raw_lines("The bus stops by the market at eight and the next one comes at half\n"
                    "q. Nobody waits long in the morning.\n\n"
                    "Seats upstairs are free and the view of the river is best from\n"
                    "q. Tourists like the front row.\n\n"
                    "Q. How early should a loaf be set\nto rise?\nA. The night before.\n\n"
                    "Q: Why is the oven warmed first?\nA: So the crust sets at once.\n")
    qa.strip_labels(raw, Report("x"))
    assert [r.text for r in raw] == [
        "The bus stops by the market at eight and the next one comes at half",
        "q. Nobody waits long in the morning.",
        "Seats upstairs are free and the view of the river is best from",
        "q. Tourists like the front row.",
        "How early should a loaf be set", "to rise?", "The night before.",
        "Why is the oven warmed first?", "So the crust sets at once."]


def test_form_fields_on_lines_of_their_own_are_never_a_dialogue():
    lines = [Line("Name: ______________", 1), Line("Date: ........", 2),
             Line("Class: ______ Period: ______", 3)]
    assert not any(isinstance(b, Dialogue) for b in segment(lines))
    talk = [Line("Ana: Is the kettle on?", 1), Line("Ben: It boiled a minute ago.", 2)]
    assert isinstance(segment(talk)[0], Dialogue)


def test_a_catechism_after_a_long_introduction_is_found_in_its_sections():
    intro = "".join(f"Paragraph {n} of the introduction says how the book came to be written.\n\n"
                    for n in range(8))
    text = PLANTS.replace("WATERING\n", "INTRODUCTION\n\n" + intro + "\nWATERING\n")
    [lesson] = _part(text, "plants.txt").lessons
    assert [quiz.title for quiz in lesson.quizzes] == ["WATERING", "LIGHT"]


def test_the_preface_heading_stays_when_the_title_page_goes():
    text = BEES.replace("\nCONTENTS\n", "\nPREFACE.\n\n\nThis primer is meant for beginners "
                        "who keep one hive and wish to\nkeep it well. Each chapter ends with "
                        "questions for the reader.\n\n\nCONTENTS.\n")
    part = _part(text)
    assert [(lesson.title, lesson.role) for lesson in part.lessons] == [
        ("PREFACE.", "about"), ("THE HIVE", "lesson"), ("THE SEASONS", "lesson")]
    md = _md(part)
    assert "COPYRIGHT" not in md and "CONTENTS" not in md and "SWARMING" not in md


def test_answer_space_after_a_short_label_goes_and_a_blank_in_a_sentence_stays():
    report = Report("x")
    raw = raw_lines("a) Your pencil ..........\nb) The longest river in the world is the ______\n"
                    "c) ______ is the capital of Peru.\n")
    worksheet.drop_answer_space(raw, report)
    assert [r.text for r in raw] == ["a) Your pencil",
                                     "b) The longest river in the world is the ______",
                                     "c) ______ is the capital of Peru."]


def test_run_in_headings_in_bold_without_a_dash_or_with_an_em_dash():
    text = BEES.replace("=The Colony.=--A colony", "=The Colony.= A colony").replace(
        "=The Queen.=--Every", "THE QUEEN.—Every").replace(
        "=Spring.=--In spring", "=Spring:= In spring")
    first, second = _part(text).lessons
    assert [s.title for s in first.sections] == ["The Colony", "THE QUEEN"]
    assert [s.title for s in second.sections][0] == "Spring"


def test_a_line_in_capitals_that_ends_the_book_is_no_heading():
    text = BEES.replace("End of the Library", "THE END\n\nEnd of the Library")
    last = _part(text).lessons[-1]
    assert isinstance(last.blocks[-1], Paragraph) and last.blocks[-1].text == "THE END"


def test_a_list_of_chapter_links_is_no_chapter_line():
    nav = ("Contents\n\nChapter 1: Getting Started\n   Section 1.1 The Machine\n\n"
           "Chapter 2: Names and Things\n   Section 2.1 Variables\n\n")
    text = nav + "\n\n".join(textwrap.fill(p, 70) for p in [
        "This page of an online textbook lists its chapters at the top, as a menu of links "
        "that a text dump keeps one under the other, without a blank line between them.",
        "The chapters are not in this page, so the menu must not cut the page into lessons, "
        "nor make it read as a book that was wrapped at a fixed width by its publisher."] * 3)
    assert detect_family(raw_lines(text)).family.name != "book"


def test_facilitator_notes_go_from_a_plain_guide_but_not_its_title():
    text = ("Facilitator Guide: Team Meetings\n\nMeetings start on time and end with actions.\n\n"
            "Facilitator notes:\nBring the timer and the flip chart.\n\nKeeping Time\n"
            "Each item on the agenda has a time beside it.\n")
    part = _part(text, "meetings.txt")
    assert part.family == "plain"
    assert part.lessons[0].title == "Facilitator Guide: Team Meetings"
    md = _md(part)
    assert "flip chart" not in md and "Each item on the agenda" in md


def test_a_question_number_printed_twice_keeps_both_questions():
    text = BEES.replace("     3. Which bees feed the queen?",
                        "     2. Which bees feed the queen?\n\n     3. Where is the honey kept?")
    [quiz] = _part(text).lessons[0].quizzes
    assert [q.prompt for q in quiz.questions] == [
        "What does a frame of the hive hold?",
        "How many queens live in one colony, and what do they do?",
        "Which bees feed the queen?", "Where is the honey kept?"]
    assert all(not q.options for q in quiz.questions)


def test_a_catechism_wrapped_at_a_fixed_width_is_read_as_a_book_without_a_licence():
    body = "\n\n".join(textwrap.fill(p, 66) for p in [
        "_How often should a fern be watered in a warm room during the summer months?_",
        "Whenever the soil feels dry to the touch, which in a warm room may be every second "
        "day; in winter once a week is enough, and the pot should never stand in water.",
        "_What water is best for ferns and for the other plants of the house?_",
        "Rain water kept at the temperature of the room; cold water from the tap chills the "
        "roots and hard water leaves a white crust on the soil after a few weeks.",
        "_Where should a fern stand when the winter sun is low in the sky?_",
        "Near a window that gets the morning sun but not the sun of noon, and away from the "
        "stove, whose dry heat browns the tips of the fronds within a few days."])
    text = "WATERING AND LIGHT\n\n" + body + "\n"
    found = detect_family(raw_lines(text))
    assert found.family.name == "book"
    assert any("followed by its answer" in e for e in found.evidence)
    [lesson] = _part(text, "ferns.txt").lessons
    assert len(lesson.quizzes[0].questions) == 3


# A numbered catechism on weather as an e-text library publishes it: the
# licence lines are starred like html2text headings; lessons are named by
# ordinal words ("LESSON FIRST") with their title on the next line; each
# question is numbered and labelled ("4. Q."), its answer labelled on the
# next line; one task does not ask ("Name ..."), and one answer goes on
# into a numbered list.
WEATHER = """The Library EBook of A Weather Catechism, by Nobody

Title: A Weather Catechism

*** START OF THIS LIBRARY EBOOK A WEATHER CATECHISM ***




LESSON FIRST
OF CLOUDS


1. Q. What is a cloud?
A. A cloud is a great many small drops of water floating together in
the air, so light that the wind carries them along.

2. Q. Why do some clouds give rain?
A. Their drops grow heavy as they join one another, and at last they
fall to the ground as rain.

5. Q. Name the three chief kinds of cloud.
A. The heaped cloud, the layered cloud and the feathered cloud.



LESSON SECOND
OF WINDS


6. Q. What is wind?
A. Wind is air moving from a place where it is heavy towards a place
where it is lighter.

7. Q. How is the strength of the wind known?
A. The strength of the wind is known--

1. By the bending of the trees and the smoke of chimneys.
2. By the waves it raises on open water.

8. Q. Which wind brings the most rain to a western coast?
A. The wind that comes from the sea, because it has gathered moisture
over the water.

*** END OF THIS LIBRARY EBOOK A WEATHER CATECHISM ***

***** This file should be named weather.txt *****
"""


def test_starred_licence_lines_do_not_make_a_book_an_html2text_page():
    found = detect_family(raw_lines(WEATHER))
    assert found.family.name == "book"


def test_lessons_named_by_ordinal_words_are_chapters():
    part = _part(WEATHER)
    assert [lesson.title for lesson in part.lessons] == ["OF CLOUDS", "OF WINDS"]
    assert [lesson.kicker for lesson in part.lessons] == ["LESSON FIRST", "LESSON SECOND"]


def test_numbered_and_labelled_questions_are_a_self_check_with_their_answers():
    part = _part(WEATHER)
    clouds, winds = part.lessons
    assert not clouds.sections and not winds.sections  # no question became a heading
    [quiz] = clouds.quizzes
    assert [q.prompt for q in quiz.questions] == [
        "What is a cloud?", "Why do some clouds give rain?",
        "Name the three chief kinds of cloud."]
    assert [q.kind for q in quiz.questions] == [QuestionKind.OPEN] * 3
    assert quiz.questions[0].model_answer.startswith("A cloud is a great many small drops")
    # the task that does not ask keeps its answer, apart from the question before it
    assert quiz.questions[1].model_answer.endswith("fall to the ground as rain.")
    assert quiz.questions[2].model_answer == (
        "The heaped cloud, the layered cloud and the feathered cloud.")
    [quiz] = winds.quizzes
    strength = quiz.questions[1]
    assert strength.prompt == "How is the strength of the wind known?"
    assert strength.model_answer == (
        "The strength of the wind is known--\n\n"
        "1. By the bending of the trees and the smoke of chimneys.\n"
        "2. By the waves it raises on open water.")
    assert quiz.questions[2].model_answer.startswith("The wind that comes from the sea")


# A gardening handbook whose licence line is wrapped over two lines; its
# contents list names the parts and chapters by their own chapter lines,
# each with an indented summary; an address to the reader stands before
# the first part; each chapter's title is on the line after "Chapter I.",
# and the chapters hold one-line paragraphs in sentences.
GARDEN = """The Library eBook, The Small Garden Handbook, by A. Gardener


Title: The Small Garden Handbook


***START OF THE LIBRARY EBOOK THE SMALL GARDEN HANDBOOK, WITH NOTES ON
THE KITCHEN GARDEN***




THE SMALL GARDEN HANDBOOK


Contents.


The Author to the Reader.


Part First.

Soil.


Chapter I. Knowing the Soil.

    Sand and Clay--How to Tell Them Apart--Feeding a Poor Soil

Chapter II. Digging.

    When to Dig--Double Digging


Part Second.

Chapter I. Sowing Seeds.




The Author to the Reader.


This little book is written for those who have a small plot behind the
house and wish to grow their own vegetables without a great deal of
labour or expense, and it asks nothing of them but a spade and patience.




Part First.

Soil.




Chapter I.

Knowing the Soil.


A soil is mostly sand, silt or clay, and most gardens hold some of all
three in different measures, which the gardener learns to judge by hand.

Sand feels gritty and falls apart when squeezed.

Clay feels smooth and keeps its shape when squeezed.

A poor soil is fed with well-rotted manure or compost in the autumn, so
that the worms may carry it down before the spring.




Chapter II.

Digging.


Dig when the soil is moist but not wet, for wet soil packs hard as it
dries and keeps the air from the roots of the young plants.

Never dig a soil that sticks to the spade.




Part Second.

Chapter I.

Sowing Seeds.


Seeds are sown in shallow drills drawn with the corner of a hoe along a
tight line, and covered with fine soil no deeper than twice their size.

*** END OF THE LIBRARY EBOOK THE SMALL GARDEN HANDBOOK, WITH NOTES ON
THE KITCHEN GARDEN ***
"""


def test_a_licence_line_wrapped_over_two_lines_still_opens_and_closes_the_book():
    part = _part(GARDEN)
    md = _md(part)
    assert "START OF" not in md and "END OF" not in md and "KITCHEN GARDEN" not in md
    assert part.title == "The Small Garden Handbook"


def test_a_contents_list_of_chapter_lines_ends_where_the_body_repeats_its_first_entry():
    part = _part(GARDEN)
    titles = [lesson.title for lesson in part.lessons]
    assert titles == ["The Author to the Reader.", "Knowing the Soil.", "Digging.",
                      "Sowing Seeds."]
    assert "Sand and Clay--How to Tell" not in _md(part)  # the contents' summaries go
    notes = _notes(part)
    assert "dropped the contents list" in notes
    assert "not in this text" not in notes  # "Chapter I. Knowing the Soil." is in it


def test_one_line_sentences_in_chapters_do_not_outvote_their_titles():
    part = _part(GARDEN)
    soil = part.lessons[1]
    assert soil.kicker == "Chapter I."
    paragraphs = [b.text for b in soil.blocks if isinstance(b, Paragraph)]
    assert "Sand feels gritty and falls apart when squeezed." in paragraphs
    assert not soil.sections


# A club's FAQ typed in an editor at a fixed width: a centred header, two
# sections underlined with tildes and equals signs, "Q:"/"A:" labels with
# hanging indents, one question that states rather than asks, and one
# answer under an "A:" of its own.
CLUB_FAQ = """
                     The Riverside Rowing Club

                  -- Frequently Asked Questions --


Joining
~~~~~~~
Q: Who may join the club, and is there an age limit for new
   members?
A: Anyone who can swim fifty metres may join. Juniors start at twelve
   and need a parent's signature on the form.

Q: How much does a season cost?
A: The fee covers the boats, the coaching and the insurance, and it is
   paid in two parts, in spring and in autumn.


On the water
============
Q: The boat keeps turning towards one bank while we row.
A: One side is pulling harder than the other. Ask the cox to call the
   stroke rate and watch the blades of the rower in front of you.

Q: What happens when the river is in flood?
A:
   No boat goes out when the flood board is red, and the coaches hold a
   session on the rowing machines in the boathouse instead.
"""


def test_a_labelled_faq_typed_at_a_fixed_width_is_read_as_one():
    found = detect_family(raw_lines(CLUB_FAQ))
    assert found.family.name == "qa"  # its wrapped lines are no PDF's
    assert "4 questions labelled" in found.evidence[0]


def test_a_labelled_faq_keeps_its_sections_and_gains_a_self_check_per_section():
    [lesson] = _part(CLUB_FAQ, "faq.txt").lessons
    assert [s.title for s in lesson.sections] == ["Joining", "On the water"]
    joining, water = lesson.quizzes
    assert [q.prompt for q in joining.questions] == [
        "Who may join the club, and is there an age limit for new members?",
        "How much does a season cost?"]
    assert joining.questions[0].model_answer == (
        "Anyone who can swim fifty metres may join. Juniors start at twelve and need a "
        "parent's signature on the form.")
    # a labelled question that does not ask is a question all the same
    assert water.questions[0].prompt == "The boat keeps turning towards one bank while we row."
    assert water.questions[0].model_answer.startswith("One side is pulling harder")
    assert water.questions[1].model_answer.startswith("No boat goes out when the flood")
    md = _md(_part(CLUB_FAQ, "faq.txt"))
    assert "Q:" not in md and "A:" not in md and "~~~" not in md and "===" not in md


def test_a_quiz_with_options_and_a_key_is_no_faq():
    quiz = ("Knots\n\nA bowline makes a loop that does not slip.\n\nQuestions\n\n"
            "Q1. Which knot makes a fixed loop?\nA) A bowline\nB) A reef knot\n"
            "Answer: A\n\nQ2. A reef knot joins two ropes of the same size.\nAns: True\n")
    assert detect_family(raw_lines(quiz)).family.name != "qa"


def test_a_run_in_label_repeated_again_and_again_heads_no_section():
    verses = "".join(
        f"\n\n{n}. The {word} comes down the valley road,\nand every door is open wide.\n\n"
        f"REFRAIN.--Sing, for the {word} is here,\nsing, for the year goes round.\n"
        for n, word in enumerate(["spring", "summer", "harvest"], start=1))
    text = ("Title: Songs of the Year\n\n*** START OF THIS LIBRARY EBOOK SONGS ***\n\n\n"
            "=The Planting.=--Seeds go in when the ground is warm enough to hold them.\n\n"
            "=The Reaping.=--Grain is cut when the ears hang heavy and golden." + verses
            + "\n*** END OF THIS LIBRARY EBOOK SONGS ***\n")
    [lesson] = _part(text).lessons
    assert [s.title for s in lesson.sections] == ["The Planting", "The Reaping"]
    assert "REFRAIN.--Sing, for the harvest is here" in _md(_part(text))


def test_statements_with_choices_to_circle_make_a_true_false_exercise():
    text = ("Volcanoes – Worksheet\n\nName: ______________   Date: __________\n\n"
            "Read the page on volcanoes first.\n\nTrue or False\n\nCircle T or F.\n\n"
            "1. Lava is molten rock above the ground.   T / F\n"
            "2. Every volcano is still active.   T / F\n"
            "3. Ash can travel hundreds of kilometres.   T / F\n")
    [lesson] = _part(text, "volcanoes.txt").lessons
    [quiz] = lesson.quizzes
    assert quiz.title == "True or False"
    assert [q.kind for q in quiz.questions] == [QuestionKind.TRUE_FALSE] * 3
    assert [q.prompt for q in quiz.questions][0] == "Lava is molten rock above the ground."
    assert all(not q.correct for q in quiz.questions)  # no answer invented


def test_bullets_of_a_symbol_font_copied_as_letters_are_items():
    text = ("Stacking Shelves\n\nHeavy goods go on the lowest shelves and light ones at the "
            "top, so that nothing falls when a shelf is reached for.\n\nActivities\n\n"
            "Ø  Stack one bay with a colleague and check each shelf's load.\n\n"
            "Ø  List the goods in your section from heaviest to lightest.\n\n"
            "ü  Ask your supervisor to sign off the bay.\n")
    [lesson] = _part(text, "shelves.txt").lessons
    [items] = [b.items for b in lesson.blocks if isinstance(b, ListBlock)]
    assert [i.text for i in items][:2] == [
        "Stack one bay with a colleague and check each shelf's load.",
        "List the goods in your section from heaviest to lightest."]
    assert "ü Ask your supervisor" in _md(_part(text, "shelves.txt"))  # one tick: no list


# An orchard manual: a title page with a byline in italics over two lines,
# a contents list whose entries carry summaries ending in page numbers, and
# chapters numbered by a numeral alone with their titles in italics.
ORCHARD = """Title: The Home Orchard

*** START OF THIS LIBRARY EBOOK THE HOME ORCHARD ***



THE HOME ORCHARD

BY

R. GROWER

_Author of "The Kitchen Garden," "Hedges and Their Care," and other
little books for the country householder._

NEW TOWN
1901



CONTENTS


_Planting_

Choosing the trees--Digging the holes--Staking young trees against
the wind--Watering in the first summer, and how much water a young
tree needs in a dry week.                                    _Page 3_

_Pruning_

Winter and summer pruning--Cutting to an outward bud--Thinning crowded
branches--Tools for the work, and keeping them sharp and clean from
one tree to the next.                                        _Page 9_



I

_Planting_


Fruit trees are planted in the dormant season, between the fall of the
leaves and the swelling of the buds, when the soil is neither frozen
nor waterlogged.



II

_Pruning_


An apple tree is pruned in winter to shape it and in summer to keep its
growth in check, and every cut is made just above a bud.

*** END OF THIS LIBRARY EBOOK THE HOME ORCHARD ***
"""


def test_a_byline_in_italics_and_summaries_with_page_numbers_are_front_matter():
    part = _part(ORCHARD)
    assert [lesson.title for lesson in part.lessons] == ["Planting", "Pruning"]
    md = _md(part)
    for gone in ("R. GROWER", "Author of", "Digging the holes", "_Page", "NEW TOWN"):
        assert gone not in md
    notes = _notes(part)
    assert "dropped the title page" in notes and "dropped the contents list" in notes
    assert "not in this text" not in notes  # the summaries are no entries


def test_a_web_page_dump_published_with_a_licence_loses_it_and_takes_its_title():
    rule = "   " + "_" * 60 + "\n\n"
    page = ("Title: Knots for Sailors\n\n*** START OF THIS LIBRARY EBOOK KNOTS ***\n\n"
            "Skip to content\n\n" + rule +
            "                              Knots for Sailors\n\n"
            "   * Contents\n   * Bowline\n   * Reef knot\n   * Clove hitch\n   * Index\n\n"
            "                                   Bowline\n\n"
            "   A bowline makes a loop at the end of a rope that neither slips nor\n"
            "   jams, and it unties easily after a heavy load.\n\n" + rule +
            "*** END OF THIS LIBRARY EBOOK KNOTS ***\n\nThe licence says more here.\n")
    assert detect_family(raw_lines(page)).family.name == "web"
    part = _part(page, "knots.txt")
    md = _md(part)
    assert "START OF" not in md and "licence says" not in md
    assert part.lessons[0].title == "Knots for Sailors"


# A children's reader in French: a transcriber's note indented before the
# title page, its chapter list headed "INDEX." at the front with column
# headings, chapters numbered by a numeral and their title on one line (the
# first by its numeral alone), dialogue whose turns ask and answer, and a
# word list at the end that numbers its own lines.
READER = """Title: Petites Lectures

*** START OF THIS LIBRARY EBOOK PETITES LECTURES ***



    Le texte en italiques est indiqué ici comme _italiques_, et les
    illustrations de l'original ne sont pas reproduites dans ce texte.



                       PETITES LECTURES

                             PAR

                          A. AUTEUR



INDEX.

     Chap.                            Page.

        I. Le Jardin                      5
       II. Le Chat                        7
      III. La Pluie                       9
       IV. Le Soleil                     11



I.


Le jardin est derrière la maison. Il y a des fleurs rouges et jaunes,
et un grand arbre où les oiseaux chantent le matin.



II. Le Chat.


«Où est le chat? dit Marie.

--Il dort sous la table, dit Jean.

--Pourquoi dort-il toujours?

--Parce qu'il a chassé les souris toute la nuit.»



III. La Pluie.


Il pleut. Les enfants restent à la maison et regardent les gouttes qui
tombent sur les vitres de la fenêtre.



IV. Le Soleil.


Le soleil brille après la pluie, et les enfants sortent jouer dans le
jardin mouillé avec le chat.



MOTS.


I.

le jardin, la fleur, l'arbre


II.

le chat, la souris, la table

*** END OF THIS LIBRARY EBOOK PETITES LECTURES ***
"""


def test_chapters_numbered_with_their_titles_on_the_line_make_lessons():
    part = _part(READER)
    assert [lesson.title for lesson in part.lessons] == [  # "I." alone: titled by the contents
        "Le Jardin", "Le Chat.", "La Pluie.", "Le Soleil."]
    assert [lesson.kicker for lesson in part.lessons][1:] == ["II", "III", "IV"]
    md = _md(part)
    assert "le chat, la souris" in md  # the word list stays, in the last lesson
    notes = _notes(part)
    assert "dropped the contents list" in notes and "not in this text" not in notes
    assert "PETITES LECTURES\n" not in md and "A. AUTEUR" not in md  # the title page goes


def test_a_dialogue_whose_turns_ask_is_no_catechism():
    part = _part(READER)
    assert not any(lesson.quizzes for lesson in part.lessons)


def test_a_title_and_a_part_heading_with_dashes_are_no_list_of_terms():
    text = ("Magnets – Worksheet\n\nName: ______________   Date: __________\n\n"
            "Part A – Key Words\n\n1) A magnet attracts ____________.\n\n"
            "2) Like poles ____________ each other.\n\n"
            "Part B – Try It\n\nHold two magnets together and write what happens.\n")
    [lesson] = _part(text, "magnets.txt").lessons
    assert lesson.title == "Magnets – Worksheet"
    assert not [b for b in lesson.blocks if isinstance(b, ListBlock)]
    [quiz] = lesson.quizzes
    assert quiz.title == "Part A – Key Words" and len(quiz.questions) == 2


def test_terms_with_their_explanations_stay_a_list_of_terms():
    text = ("Tools\n\nA gardener keeps a few tools clean and sharp.\n\n"
            "Spade – a flat blade for digging and cutting turf.\n"
            "Hoe – a thin blade on a long handle, pushed through the soil to cut weeds.\n")
    [lesson] = _part(text, "tools.txt").lessons
    [terms] = [b for b in lesson.blocks if isinstance(b, ListBlock)]
    assert [i.term for i in terms.items] == ["Spade", "Hoe"]


def _word_worksheet(title: str = "Safe Lifting – Workbook") -> bytes:
    import io

    import docx

    document = docx.Document()
    document.add_heading(title, 0)
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Name: ____________________"
    table.rows[0].cells[1].text = "Date: ____________"
    document.add_paragraph("Work through this sheet after the lifting session.")
    document.add_heading("Questions", 1)
    for question in ["Why should you check the route before lifting?",
                     "What should you do if a load is too heavy?"]:
        document.add_paragraph(question, style="List Number")
        document.add_paragraph("_" * 60)
    document.add_heading("Facilitator notes", 1)
    document.add_paragraph("Expected answers: trip hazards; ask for help.")
    document.add_heading("Further reading", 1)
    document.add_paragraph("The lifting guide on the staff noticeboard.")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_a_word_worksheet_loses_its_form_fields_answer_space_and_facilitator_notes():
    part = import_bytes(_word_worksheet(), Path("lifting.docx"), "lifting.docx", None).part
    [lesson] = part.lessons
    [quiz] = lesson.quizzes
    assert [q.prompt for q in quiz.questions] == [
        "Why should you check the route before lifting?",
        "What should you do if a load is too heavy?"]
    md = _md(part)
    for gone in ("Name:", "Date:", "\\_\\_\\_", "Facilitator", "Expected answers"):
        assert gone not in md
    assert "The lifting guide on the staff noticeboard." in md  # the next section stays
    notes = _notes(part)
    assert "form fields" in notes and "facilitator" in notes
    assert "2 paragraph(s) of answer space" in notes


def test_a_facilitator_guide_keeps_its_title():
    part = import_bytes(_word_worksheet("Facilitator Guide: Safe Lifting"), Path("guide.docx"),
                        "guide.docx", None).part
    assert part.lessons[0].title == "Facilitator Guide: Safe Lifting"


def test_a_numbered_section_named_like_an_old_exercise_heading_is_a_section():
    calls = "".join(f"\n\n{n}. {name}.\n\n[Music illustration]\n\nPlayed {when}.\n"
                    for n, (name, when) in enumerate([
                        ("REVEILLE", "at first light"), ("ASSEMBLY", "to form the company"),
                        ("DRILL", "before the morning exercise"), ("MESS", "at meal times")],
                        start=1))
    text = ("Title: The Camp Bugler\n\n*** START OF THIS LIBRARY EBOOK THE CAMP BUGLER ***\n\n"
            "BUGLE CALLS\n\nThe bugler sounds each call from the same place in the camp, "
            "facing the tents, so that every soldier can hear it clearly." + calls)
    [lesson] = _part(text).lessons
    assert not lesson.quizzes  # "3. DRILL." heads a call, not an exercise
    assert [s.title for s in lesson.sections][-2:] == ["3. DRILL.", "4. MESS."]
    assert "Music illustration" not in _md(_part(text))


def test_a_diagram_drawn_in_characters_stays_as_drawn():
    text = ("Title: Mouth Shapes\n\n*** START OF THIS LIBRARY EBOOK MOUTH SHAPES ***\n\n"
            "CHAPTER THE FIRST\n\nOPEN VOWELS\n\n"
            "The open vowel is sung with the mouth wide and the tongue low, as the "
            "drawing shows:\n\n"
            "    ---------------\n   O               O\n    ---------------\n\n"
            "The closed vowel is sung with the lips drawn in and the tongue raised "
            "towards the roof of the mouth.\n\n"
            "CHAPTER THE SECOND\n\nCLOSED VOWELS\n\n"
            "Closed vowels carry less far in a large hall, and a singer gives them "
            "more breath to make up for it.\n")
    part = _part(text)
    assert [lesson.title for lesson in part.lessons] == ["OPEN VOWELS", "CLOSED VOWELS"]
    assert [lesson.kicker for lesson in part.lessons] == ["CHAPTER THE FIRST",
                                                          "CHAPTER THE SECOND"]
    assert not part.lessons[0].sections  # "O   O" heads nothing
    assert "```\n ---------------\nO               O\n ---------------\n```" in _md(part)


def test_an_faqs_topics_in_sentence_case_head_its_questions():
    text = ("Bicycle Hire FAQ\n\nBooking a bike\n\nHow do I book a bike?\n"
            "Book online or at the kiosk by the station, up to a week ahead.\n\n"
            "Can I book for a group?\nYes, for up to twelve riders; call us for more.\n\n"
            "On the road\n\nWhat if I get a puncture?\n"
            "Call the number on the handlebar and we will bring a spare bike to you.\n\n"
            "Do you lend helmets?\nEvery hire includes a helmet and a lock at no cost.\n")
    [lesson] = _part(text, "faq.txt").lessons
    assert [s.title for s in lesson.sections] == ["Booking a bike", "On the road"]
    assert [q.title for q in lesson.quizzes] == ["Booking a bike", "On the road"]
    assert lesson.quizzes[1].questions[0].model_answer.startswith("Call the number")


# A grammar primer as a catechism whose answers follow their questions on
# the very next line (no label, no blank line between them).
PRIMER = """Title: A Little Grammar

*** START OF THIS LIBRARY EBOOK A LITTLE GRAMMAR ***


LESSON I.

NOUNS.


What is a noun?
A noun is the name of a person, place or thing; as, _John_, _London_,
_book_.

How many kinds of nouns are there?
Two: proper nouns and common nouns, and each of them is used in the
sentences of every day.

What is a proper noun?
A proper noun is the name of one particular person, place or thing,
and always begins with a capital letter.

Why do we need common nouns at all when every thing could have a name
of its own?
Because there are far too many things to name each one of them, so we
name the kinds of things instead.

*** END OF THIS LIBRARY EBOOK A LITTLE GRAMMAR ***
"""


def test_answers_on_the_line_after_their_questions_are_a_self_check():
    [lesson] = _part(PRIMER).lessons
    [quiz] = lesson.quizzes
    assert [q.prompt for q in quiz.questions] == [
        "What is a noun?", "How many kinds of nouns are there?", "What is a proper noun?",
        "Why do we need common nouns at all when every thing could have a name of its own?"]
    assert quiz.questions[0].model_answer == (
        "A noun is the name of a person, place or thing; as, John, London, book.")
    assert quiz.questions[3].model_answer.startswith("Because there are far too many")


def test_a_question_inside_a_paragraph_of_prose_splits_nothing():
    prose = ("Title: Musings\n\n*** START OF THIS LIBRARY EBOOK MUSINGS ***\n\n"
             + "".join(f"\nThe {word} was late that year, and the farmers said so to anyone "
                       f"who would listen. Was it\nthe cold spring?\nNobody could say, "
                       "though every one of them had a theory of his own to\noffer at the "
                       "market on a Saturday morning before the stalls were packed away.\n"
                       for word in ["harvest", "frost", "rain", "thaw"]))
    part = _part(prose, "musings.txt")
    assert not part.lessons[0].quizzes
    paragraphs = [b.text for b in part.lessons[0].blocks if isinstance(b, Paragraph)]
    assert len(paragraphs) == 4


def test_a_title_right_above_the_first_chapter_line_is_the_title_page():
    text = PRIMER.replace("\n\nLESSON I.\n", "\n\nA LITTLE GRAMMAR\n\n\nLESSON I.\n")
    part = _part(text)
    assert "dropped the title page: 1 lines" in _notes(part)
    assert [lesson.title for lesson in part.lessons] == ["NOUNS."]


def test_lessons_named_with_the_ordinal_first_are_chapters():
    text = (WEATHER.replace("LESSON FIRST\n", "FIRST LESSON.\n")
            .replace("LESSON SECOND\n", "SECOND LESSON.\n"))
    part = _part(text)
    assert [lesson.title for lesson in part.lessons] == ["OF CLOUDS", "OF WINDS"]
    assert [lesson.kicker for lesson in part.lessons] == ["FIRST LESSON.", "SECOND LESSON."]


BUDGET = """Budgeting Basics Worksheet

Name ..........................................  Date ....................

Section 1: Income and spending

1. What is the difference between a need and a want?
..........................................................................
..........................................................................

2. List three fixed costs a household might have.
..........................................................................
..........................................................................

3. Why is it useful to keep receipts for a month?
..........................................................................

Section 2: Your own budget

1. How much money do you spend on food in a typical week?
..........................................................................

2. Which of your spending would you cut first if you had to save, and why?
..........................................................................

Answers

Section 1
1. A need is something you must have to live; a want is something you would like.
2. Rent, insurance, loan payments.
3. It shows where your money actually goes.
"""


def test_an_answer_key_split_by_headings_that_name_the_exercises_is_attached():
    [lesson] = _part(BUDGET, "budget.txt").lessons
    spending, own = lesson.quizzes
    assert [q.model_answer for q in spending.questions] == [
        "A need is something you must have to live; a want is something you would like.",
        "Rent, insurance, loan payments.", "It shows where your money actually goes."]
    assert [q.model_answer for q in own.questions] == [None, None]  # nothing invented
    assert "Rent, insurance" not in _md(_part(BUDGET, "budget.txt"))  # not in plain view


def test_a_word_bank_after_the_blanks_is_the_exercises_not_the_last_questions():
    text = ("Plants – Worksheet\n\nName: ______________   Date: __________\n\n"
            "Part A – Key Words\n\n1) The ____________ takes water from the soil.\n\n"
            "2) Leaves make food in ____________.\n\nWord bank: roots, sunlight, stem\n")
    [quiz] = _part(text, "plants.txt").lessons[0].quizzes
    assert quiz.questions[1].prompt == "Leaves make food in ____________."
    assert [p.text for p in quiz.intro] == ["Word bank: roots, sunlight, stem"]


def test_a_manuals_numbered_paragraphs_stay_paragraphs_from_the_first():
    paragraphs = "".join(
        f"\n\n{n}. The {word} is checked before every launch by the crew member on duty, who "
        f"signs the log\nbook and reports any fault to the coxswain at once.\n"
        + ("\nA fault that cannot be put right grounds the boat until the station officer "
           "has seen it\nand signed it off in the same log book.\n" if n % 4 == 2 else "")
        for n, word in enumerate(["hull", "engine", "fuel", "radio", "lights", "anchor", "pump",
                                  "winch", "flares", "compass", "lifejackets", "tow line"],
                                 start=1))
    text = ("Title: Lifeboat Station Orders\n\n*** START OF THIS LIBRARY EBOOK ORDERS ***\n\n"
            "CHAPTER I\n\nCHECKS BEFORE LAUNCH" + paragraphs)
    [lesson] = _part(text).lessons
    assert not any(isinstance(b, ListBlock) for b in lesson.blocks)
    texts = [b.text for b in lesson.blocks if isinstance(b, Paragraph)]
    assert texts[0].startswith("1. The hull is checked") and texts[1].startswith("2. The engine")
    assert any(t.startswith("12. The tow line") for t in texts)


def test_an_index_of_page_numbers_at_the_end_goes_and_a_caption_holds_its_blank_line():
    index = "".join(f"\n{word}, {n}, {n + 7}\n" for n, word in enumerate(
        ["Apples", "Blossom", "Canker", "Digging", "Espalier", "Frost", "Grafting"], start=3))
    text = (ORCHARD.replace("*** END OF", "[Illustration: PLATE I\n\nA WALL-TRAINED PEAR]\n\n"
                            "INDEX\n" + index + "\n*** END OF"))
    part = _part(text)
    md = _md(part)
    assert "Espalier" not in md and "INDEX" not in md
    assert "PLATE I A WALL-TRAINED PEAR" in md  # one caption, no heading
    assert not part.lessons[-1].sections
    assert "dropped the index" in _notes(part)


def test_a_credit_line_under_the_title_is_no_heading():
    text = ("KEEPING HENS: COMMON QUESTIONS\n\nEdited by the Hill Farm Poultry Group\n\n"
            "Q1: How many eggs does a hen lay?\nA1: About five a week in spring and summer, "
            "fewer in winter when the days are short.\n\n"
            "Q2: Do hens need a cockerel to lay?\nA2: No. A cockerel is needed only for eggs "
            "that will hatch into chicks.\n\n"
            "Q3: How much space do they need?\nA3: At least one square metre of run for each "
            "hen, and a dry house to roost in at night.\n")
    part = _part(text)
    [lesson] = part.lessons
    assert not any(isinstance(b, Heading) for b in lesson.blocks)
    [quiz] = lesson.quizzes
    assert quiz.title != "Edited by the Hill Farm Poultry Group"
    assert len(quiz.questions) == 3


def test_a_credit_line_is_no_heading_whatever_its_first_word():
    for credit in ("Adapted by the Hill Farm Poultry Group", "Compiled by Ann Lee"):
        text = (f"Keeping Hens\n\n{credit}\n\nHens lay best with fourteen hours of light a day, "
                "so in winter they lay fewer eggs unless the house is lit for them.\n\n"
                "A dry house, clean water and grit for their crops keep them healthy all year.\n")
        [lesson] = _part(text).lessons
        assert not any(isinstance(b, Heading) for b in lesson.blocks), credit
