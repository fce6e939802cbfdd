"""Quizzes wherever they stand (issue 13), on texts written for these tests as
an unseen author would have them: one text per shape, in several topics."""

from __future__ import annotations

from pathlib import Path

from build_course.importer.importing import import_text
from build_course.model import ListBlock, SourceText
from build_course.quiz.kinds import QuestionKind


def _part(text: str):
    return import_text(SourceText(Path("t.txt"), text, "utf-8"), "t.txt")


def _quizzes(text: str):
    return [quiz for lesson in _part(text).lessons for quiz in lesson.quizzes]


def _questions(text: str):
    return [q for quiz in _quizzes(text) for q in quiz.questions]


def _notes(text: str) -> list[str]:
    return [d.message for d in _part(text).diagnostics]


# ---- questions right under the title, with space to write in ---------------

UNDERSCORE_WORKSHEET = """Seed Saving: Worksheet for the Allotment

Name: ______________  Date: ________

1. Which vegetables in your own plot could you save seed from?
______________________________________________
______________________________________________

2. Where would you dry the seed heads?
______________________________________________

3. How will you label the packets you keep?
______________________________________________
"""

DOTTED_HANDOUT = """Renting a First Flat

1. List three costs, besides the rent, that a tenant pays.
..................................................................
..................................................................

2. Explain what a deposit protects.
..................................................................

3. Describe what you would check on your own first viewing.
..................................................................
"""

RULED_HANDOUT = ("Looking After a Sourdough Starter\n\n"
                 "1. How often should a starter be fed?\n\n\n\n"
                 "2. What does a layer of grey liquid on top mean?\n\n\n\n"
                 "3. Why should a starter be kept out of the fridge before baking?\n\n\n\n")


def test_numbered_questions_with_underscores_under_the_title_are_a_quiz():
    part = _part(UNDERSCORE_WORKSHEET)
    [lesson] = part.lessons
    assert lesson.title == "Seed Saving: Worksheet for the Allotment"
    [quiz] = lesson.quizzes
    assert [q.prompt for q in quiz.questions] == [
        "Which vegetables in your own plot could you save seed from?",
        "Where would you dry the seed heads?", "How will you label the packets you keep?"]
    assert all(q.kind is QuestionKind.REFLECTION for q in quiz.questions)  # a worksheet's
    assert not any(isinstance(b, ListBlock) for b in lesson.blocks)


def test_numbered_prompts_with_dotted_lines_are_open_or_reflection_questions():
    questions = _questions(DOTTED_HANDOUT)
    assert [q.kind for q in questions] == [QuestionKind.OPEN, QuestionKind.OPEN,
                                           QuestionKind.REFLECTION]
    assert not any(q.model_answer or q.correct for q in questions)  # nothing invented


def test_blank_ruled_lines_after_each_question_are_answer_space():
    part = _part(RULED_HANDOUT)
    [lesson] = part.lessons
    assert lesson.title == "Looking After a Sourdough Starter"
    [quiz] = lesson.quizzes
    assert len(quiz.questions) == 3
    assert all(q.kind is QuestionKind.OPEN for q in quiz.questions)
    assert any("kind guessed" in n for n in _notes(RULED_HANDOUT))


def test_a_numbered_list_under_a_title_without_answer_space_stays_a_list():
    text = ("Looking After Cast Iron\n\n1. Dry the pan at once.\n2. Rub in a little oil.\n"
            "3. Store it with the lid off.\n")
    assert not _quizzes(text)
    spaced = ("Packing for a Hike\n\nBring water.\n\n\n\nWear boots.\n\n\n\n1. Map\n\n\n\n"
              "2. Compass\n\n\n\nA torch helps too.\n\n\n\nSo do spare socks.\n")
    assert not _quizzes(spaced)  # a text spaced so throughout: the gaps are no evidence


def test_a_cue_title_over_numbered_questions_heads_them():
    text = """Practice Questions

1. What gas do plants give off by day?
2. Name the tube that carries water up a stem.
3. Why do leaves wilt in a drought?

Answers

1. Oxygen
2. Xylem
3. They lose more water than the roots take up.
"""
    part = _part(text)
    [lesson] = part.lessons
    [quiz] = lesson.quizzes
    assert [q.model_answer for q in quiz.questions] == [
        "Oxygen", "Xylem", "They lose more water than the roots take up."]
    tips = "Practice Tips\n\n1. Warm up first.\n2. Play slowly.\n3. Rest your hands.\n"
    assert not _quizzes(tips)  # a cue word, but nothing asks and no key follows


# ---- true/false marked at the statement's end --------------------------------

def test_statements_marked_t_or_f_at_their_end_are_true_false_without_the_mark():
    text = """Reading a Weather Map

Isobars join places of equal pressure.

Practice

1. Isobars close together mean strong wind. (T/F)
2. A cold front is drawn with semicircles. True or False
3. High pressure usually brings settled weather. T or F

Answers: 1. T 2. F 3. T
"""
    questions = _questions(text)
    assert [q.prompt for q in questions] == [
        "Isobars close together mean strong wind.", "A cold front is drawn with semicircles.",
        "High pressure usually brings settled weather."]
    assert all(q.kind is QuestionKind.TRUE_FALSE for q in questions)
    assert [q.correct for q in questions] == [[0], [1], [0]]


# ---- keys at the chapter's end, named by the exercise's title ----------------

CHAPTER_KEYS = """Chapter 4: Bread

Yeast makes dough rise.

Review Questions

1. What does yeast feed on?
(A) Salt
(B) Sugar
(C) Oil

2. What gas makes dough rise?
(A) Carbon dioxide
(B) Oxygen

Shaping a Loaf

Fold the dough towards you.

Quiz

1. Why is dough left to prove a second time?
(A) To cool it
(B) To let it rise again

Answers to the Chapter's Exercises

Review Questions: 1. B 2. A
Quiz: 1. B
Test Yourself: 1. C
"""


def test_chapter_end_keys_named_by_exercise_title_go_to_that_exercise():
    quizzes = _quizzes(CHAPTER_KEYS)
    assert [q.title for q in quizzes] == ["Review Questions", "Quiz"]
    assert [q.correct for q in quizzes[0].questions] == [[1], [0]]
    assert [q.correct for q in quizzes[1].questions] == [[1]]
    assert any("not in the text" in n and "C" in n for n in _notes(CHAPTER_KEYS))


def test_a_chapter_key_that_pairs_with_nothing_stays_with_a_note():
    text = """Knots

A reef knot joins two ropes.

Quiz

1. Which knot makes a fixed loop?
a) Bowline
b) Clove hitch

Answers to the Workbook

Unit 7: 4. c 5. a
"""
    [quiz] = _quizzes(text)
    assert quiz.questions[0].correct == []  # nothing invented
    assert any("could be paired" in n or "not in the text" in n for n in _notes(text))


def test_the_lessons_text_above_worksheet_questions_stays_in_the_lesson():
    text = """Reading a Bus Timetable

Each column of a timetable is one journey. Read down the column to see when
the bus reaches each stop, and across a row to see every bus at one stop.

1. When does the first bus leave the station?
______________________________________________

2. Which stop does the last bus miss?
______________________________________________
"""
    [lesson] = _part(text).lessons
    [quiz] = lesson.quizzes
    assert quiz.title == "Reading a Bus Timetable" and len(quiz.questions) == 2
    assert lesson.blocks[0].text.startswith("Each column of a timetable")
    assert not quiz.intro


# ---- options on one line; keys that are words -----------------------------------

def test_capital_lettered_options_on_the_questions_line_are_its_options():
    text = """Dog Training

Reward a dog the moment it does the right thing.

Knowledge Check

1. When should a reward come? A. At once B. After a minute C. At dinner
2. Which reward suits a puppy best? A) A small treat B) A long walk
3. Mr. A. Brown trained which breed? Write it down.

Answers
1. A
2. A
"""
    questions = _questions(text)
    assert [q.options for q in questions[:2]] == [
        ["At once", "After a minute", "At dinner"], ["A small treat", "A long walk"]]
    assert [q.correct for q in questions[:2]] == [[0], [0]]
    assert questions[2].options == []  # one capital with a full stop is no option run


def test_a_key_line_of_words_numbered_in_its_run_gives_each_blank_its_answer():
    for key in ("Answers: 1. Lisbon 2. three 3. the Atlantic", "Answers\n\n1. Lisbon 2. three "
                "3. the Atlantic"):
        text = f"""Portugal

Portugal lies on the Atlantic coast of Europe.

Exercises

Fill in the blanks.
1. The capital of Portugal is _____.
2. Portugal has _____ land border crossings to Spain on the main road map.
3. Its whole coast faces _____.

{key}
"""
        questions = _questions(text)
        assert [q.model_answer for q in questions] == ["Lisbon", "three", "the Atlantic"]


# ---- a PDF extraction's numbered exercise with statements under instructions ----

_METER_PROSE = [
    "Water meters record how much water a household uses. Readings are taken every quarter, "
    "and the bill is worked out from the difference between two readings.",
    "A leak shows as a meter that keeps turning when every tap in the house is closed, so a "
    "careful reader checks the dial at night before going to bed.",
    "Smart meters send their readings by radio, which saves a visit but needs a battery that "
    "lasts about fifteen years before the whole unit is replaced.",
    "Meters sit in a box under the pavement or inside the house near the stopcock, and their "
    "dials are read from left to right, ignoring the red figures."]


def _meter_unit() -> str:
    import textwrap  # noqa: PLC0415
    prose = ["\n".join(textwrap.wrap(p, 78)) for p in _METER_PROSE]
    return (f"3.3    READING THE METER\n\n{prose[0]}\n\n{prose[1]}\n\n"
            f"                                              11\n\f{prose[2]}\n\n"
            """3.4    Check Your Progress A

1)     Name two ways a household can save water.
       ……………………………………………………………………………………
       ……………………………………………………………………………………

2)     Explain how a bill is worked out from two readings.
       ……………………………………………………………………………………

3)     State whether the following statements are True or False.
       i) Meters are read every quarter.
       ii) A turning meter with every tap closed shows a leak.
       iii) Bills are worked out from one reading.

                                              12
\f4      Supply the missing words :
       i) A meter records how much ……………… a household uses.
       ii) Readings are taken every ………………
       iii) A turning meter may show a ………………

                                              13
\f3.5    LET US SUM UP

""" + prose[3] + """

3.6    ANSWERS TO CHECK YOUR PROGRESS

A)     3)     i)      True ii) True iii) False
       4)     i)      water
              ii)     quarter
              iii)    leak
""")


def test_a_pdf_exercise_with_a_numbered_instruction_without_its_dot_over_statements():
    part = _part(_meter_unit())
    [lesson] = part.lessons
    [quiz] = lesson.quizzes
    questions = quiz.questions
    assert [q.prompt for q in questions[:2]] == [
        "Name two ways a household can save water.",
        "Explain how a bill is worked out from two readings."]  # the answer space is gone
    assert [q.kind for q in questions] == [QuestionKind.OPEN] * 2 + [
        QuestionKind.TRUE_FALSE] * 3 + [QuestionKind.OPEN] * 3
    assert [q.correct for q in questions[2:5]] == [[0], [0], [1]]
    assert [q.model_answer for q in questions[5:]] == ["water", "quarter", "leak"]
    assert questions[5].prompt.startswith("A meter records how much")
    # the next numbered section ends the exercise and stays a heading of the lesson
    assert any(getattr(b, "text", "") == "3.5 LET US SUM UP" for b in lesson.blocks)


# ---- statements' keys amid the questions; questions numbered "3)" in a paragraph ----

def test_statement_keys_right_after_the_statements_answer_them():
    text = """Bees

Worker bees are all female.

Self-Check

1) Name the three castes of a hive.
2) State whether the following statements are True or False.
i) Drones are male.
ii) The queen collects nectar.
iii) Workers build the comb.
i) True ii) False iii) True
3) Why do bees dance?
"""
    questions = _questions(text)
    assert [q.prompt for q in questions][-1] == "Why do bees dance?"
    assert [q.correct for q in questions[1:4]] == [[0], [1], [0]]


def test_statement_keys_that_name_no_statement_here_stay_unattached_and_questions_go_on():
    text = """Bread Faults

A dense loaf was under-proved.

Review Questions

1) Why does a loaf collapse in the oven?
2) What makes a crust too pale?
i) True ii) False iii) True iv) False
3) How can you tell dough has proved enough?
"""
    questions = _questions(text)
    assert [q.prompt for q in questions] == [
        "Why does a loaf collapse in the oven?", "What makes a crust too pale?",
        "How can you tell dough has proved enough?"]
    assert not any(q.model_answer or q.correct for q in questions)
    assert any("name statements that are not in this exercise" in n for n in _notes(text))


def test_a_question_numbered_with_a_bracket_inside_the_paragraph_before_is_split():
    text = """Maps

A legend explains a map's symbols.

Review Questions

1) What does a legend show?
2) Name the symbols on this map. Church ………… Bridge ………… 3) Draw a map of your own street.
"""
    questions = _questions(text)
    assert [q.prompt for q in questions][1:] == [
        "Name the symbols on this map. Church ………… Bridge …………",
        "Draw a map of your own street."]
    inside = _questions("Cakes\n\nCake rises.\n\nReview Questions\n\n"
                        "1. Put in order: 1) mix 2) bake 3) cool\n2. Why cool a cake?\n")
    assert inside[0].prompt == "Put in order: 1) mix 2) bake 3) cool"


# ---- a textbook's end-of-chapter exercises with parts, solutions at the end ----------

TEXTBOOK_CHAPTER = """Growing Trials

A trial compares plots that differ in one treatment only, so that a difference in
the harvest can be put down to that treatment.

End-of-Chapter Exercises

5. Mulch and moisture. A gardener covers half of her beds with straw and leaves
the rest bare, then measures the soil's moisture each morning for a month.
(a) Is this an experiment or an observational study?
(b) What is the response variable?
(c) Name one thing that could spoil the comparison.

6. Seed depth. Two rows of beans are sown at different depths.
(a) Which variable does the gardener control?
(b) What should she measure?

7. Choosing plots. A club wants 12 plots for a trial.
(a) Take the 12 plots nearest the gate.
(b) Draw 12 plots at random from the allotment's list.
(c) Take every plot in two rows chosen at random.

Exercise Solutions

1. (a) Experiment. (b) Yield.
3. (a) 24 hours. (b) 10/40 = 0.25.
5. (a) An experiment: she applies the mulch. (b) The soil's moisture. (c) Shade
from a hedge over some beds for 24 hours a day.
9. (a) Random. (b) Stratified.
"""


def test_parts_answered_in_turn_by_a_key_at_the_chapters_end_make_an_open_question():
    part = _part(TEXTBOOK_CHAPTER)
    [lesson] = part.lessons
    [quiz] = lesson.quizzes
    assert quiz.title == "End-of-Chapter Exercises"
    first, second, third = quiz.questions
    assert first.kind is QuestionKind.OPEN and not first.options
    assert first.prompt.endswith("(b) What is the response variable? "
                                 "(c) Name one thing that could spoil the comparison.")
    assert first.model_answer.startswith("(a) An experiment: she applies the mulch. (b)")
    assert first.model_answer.endswith("for 24 hours a day.")  # '24' is no key of its own
    # parts that ask, without a key: an open question with nothing invented
    assert second.kind is QuestionKind.OPEN and not second.model_answer and not second.options
    # lettered lines that do not ask, without a key: choice by shape, on the review list
    assert third.options and not third.correct
    notes = [d.message for d in part.diagnostics]
    assert any("kind guessed" in n and "single_choice" in n for n in notes)
    assert any("1, 3, 9 are not in the text" in n for n in notes)  # odd keys only
    assert not any(isinstance(b, ListBlock) for b in lesson.blocks)  # the key left the lesson


DECIMAL_EXERCISES = """Chapter 2: Ferments

2.1 Lactic Acid

Cabbage sours because bacteria turn its sugars into lactic acid.

Review Exercises

2.14 Brine strength. A cook salts shredded cabbage at two strengths and tastes
both jars after a week.
(a) Which jar sours faster?
(b) Why does salt slow the ferment?

2.15 Kahm yeast. A white film grows on a jar of pickles.
(a) Is it mould?
(b) What should the cook do?

Solutions to Selected Exercises

2.13 (a) Lactic acid. (b) Warmth.
2.15 (a) No: a flat film is kahm yeast. (b) Skim it off, then keep (1) the cabbage
under the brine and (2) the air out.
3.15 (a) Vinegar. (b) Sugar.
"""


def test_exercises_numbered_in_their_chapter_pair_with_keys_numbered_so():
    part = _part(DECIMAL_EXERCISES)
    [lesson] = part.lessons
    [quiz] = lesson.quizzes
    assert [q.prompt[:15] for q in quiz.questions] == ["Brine strength.", "Kahm yeast. A w"]
    assert not quiz.questions[0].model_answer  # 2.14 has no key (2.13's is another's)
    assert quiz.questions[1].model_answer.startswith("(a) No: a flat film is kahm yeast.")
    assert quiz.questions[1].model_answer.endswith("(2) the air out.")  # no keys 1 and 2
    notes = " ".join(d.message for d in part.diagnostics)
    assert "2.13" in notes and "3.15" in notes  # keys of exercises not in the text, unattached
    assert any(getattr(b, "text", "") == "2.1 Lactic Acid" for b in lesson.blocks)


# ---- select-all in one question's prompt; "Correct answer(s):"; matching alone -----

def test_select_all_in_one_prompt_is_that_questions_and_correct_answers_label_keys_it():
    text = """Chess Pieces

Each piece moves in its own way.

Practice Questions

Question 1. Which pieces move diagonally? (Select all that apply.)
A) Bishop
B) Queen
C) Rook
Correct answer(s): A and B

Question 2. Which piece can jump over others?
A) Knight
B) Rook
Correct answer(s): A
"""
    questions = _questions(text)
    assert [q.kind for q in questions] == [QuestionKind.MULTIPLE_CHOICE,
                                           QuestionKind.SINGLE_CHOICE]
    assert [q.correct for q in questions] == [[0, 1], [0]]


def test_a_matching_instruction_alone_over_numbered_and_lettered_items_is_one_question():
    text = """Currencies

Each country issues its own money.

Exercises

Match the following.
1. Japan
2. Mexico
3. India
a. Peso
b. Rupee
c. Yen

Answer: 1-c, 2-a, 3-b
"""
    [question] = _questions(text)
    assert question.kind is QuestionKind.MATCHING
    assert question.terms == ["Japan", "Mexico", "India"]
    assert question.options == ["Peso", "Rupee", "Yen"]
    assert question.correct == [2, 0, 1]
    # an instruction over questions that ask is the exercise's introduction, no question
    asked = ("Rivers\n\nRivers run to the sea.\n\nExercises\n\nMatch the rivers in the "
             "questions below.\n1. Which river flows through Cairo?\n"
             "2. Which river flows through Paris?\n")
    [quiz] = _quizzes(asked)
    assert [q.prompt for q in quiz.questions] == ["Which river flows through Cairo?",
                                                 "Which river flows through Paris?"]


# ---- more titles, roman options, an answer on the question's line, titled keys ------

def test_multiple_choice_questions_with_roman_options_and_roman_keys():
    text = """Rocks

Granite cools slowly deep underground.

Multiple Choice Questions

1. Which rock forms from cooled magma?
(i) Limestone
(ii) Granite
(iii) Shale
2. Which rock fizzes in acid?
(i) Limestone
(ii) Basalt

Answers: 1. (ii) 2. (i)
"""
    [quiz] = _quizzes(text)
    assert quiz.title == "Multiple Choice Questions"
    assert [q.options for q in quiz.questions] == [["Limestone", "Granite", "Shale"],
                                                   ["Limestone", "Basalt"]]
    assert [q.correct for q in quiz.questions] == [[1], [0]]


def test_a_quick_quiz_of_statements_each_with_true_false_under_it_and_a_key_line():
    text = """Lungs

We breathe about twelve times a minute at rest.

Quick Quiz

1) The left lung is smaller than the right.
   True / False
2) Air enters the blood in the bronchi.
   True / False

Answers: 1) True 2) False
"""
    questions = _questions(text)
    assert [q.kind for q in questions] == [QuestionKind.TRUE_FALSE] * 2
    assert [q.correct for q in questions] == [[0], [1]]


def test_an_answer_at_the_end_of_the_questions_line_answers_it():
    text = """Sound

Sound needs a medium to travel through.

Test Yourself

1. Through which does sound travel fastest? Ans. (c)
(a) Air
(b) Water
(c) Steel
2. Can sound cross a vacuum? Answer: False
"""
    questions = _questions(text)
    assert questions[0].prompt == "Through which does sound travel fastest?"
    assert questions[0].correct == [2]
    assert questions[1].kind is QuestionKind.TRUE_FALSE and questions[1].correct == [1]


def test_an_answer_key_after_several_exercises_names_each_by_its_title():
    text = """Verbs: Past Simple

We use the past simple for finished actions.

Exercise A

Complete the sentences.
1. Yesterday I ______ (walk) home.
2. She ______ (cook) dinner.

Exercise B

1. He (go / went) out early.
2. They (eat / ate) at noon.

Answer key
Exercise A: 1. walked 2. cooked
Exercise B: 1. went 2. ate
"""
    quizzes = _quizzes(text)
    assert [[q.model_answer for q in quiz.questions] for quiz in quizzes] == [
        ["walked", "cooked"], ["went", "ate"]]


def test_lettered_lines_with_space_to_write_or_under_a_reflection_are_parts():
    text = """Local Markets

Markets change with the seasons.

Review Questions

1. Name one stall for each kind of goods:
(i) Fresh food ……………
(ii) Clothes ……………
(iii) Tools ……………
2. Give examples of stalls in your own town:
(a) Weekly
(b) Seasonal
3. Which market is held at night?
(a) The flower market
(b) The fish market
"""
    first, second, third = _questions(text)
    assert not first.options and first.prompt.endswith("(c) Tools ……………")
    assert not second.options and second.kind is QuestionKind.REFLECTION
    assert third.options == ["The flower market", "The fish market"]  # a choice, unanswered


# ---- a plain-text book's answers at its end, chapter by chapter --------------------

def _bee_book(extra: str = "") -> str:
    import textwrap  # noqa: PLC0415
    colony = textwrap.fill(
        "The honey bee lives in a colony of many thousands. Each colony has one queen, a few "
        "hundred drones and a great number of workers, who gather nectar and pollen from the "
        "flowers of the fields around the hive.", 70)
    comb = textwrap.fill(
        "Wax is made by young worker bees from glands under the abdomen. They build the comb "
        "in six-sided cells, which hold the most honey for the least wax, and the queen lays "
        "her eggs in the cells at the centre of the comb.", 70)
    return f"""The Project Gutenberg eBook of Bees for Beginners

*** START OF THE PROJECT GUTENBERG EBOOK BEES FOR BEGINNERS ***

BEES FOR BEGINNERS

CHAPTER I

THE COLONY

{colony}

{colony}

QUESTIONS

1. How many queens has a colony?

2. What do the workers gather?

CHAPTER II

THE COMB

{comb}

{comb}

QUESTIONS

1. Who makes the wax?

2. Why are the cells six-sided?

3. Where does the queen lay her eggs?

ANSWERS TO THE QUESTIONS

CHAPTER I

1. One. 2. Nectar and pollen.

CHAPTER II

1. Young worker bees. 2. They hold the most honey for the least wax. 3. In the cells at
the centre of the comb.
{extra}
*** END OF THE PROJECT GUTENBERG EBOOK BEES FOR BEGINNERS ***
"""


def test_a_books_answers_at_its_end_go_to_each_chapters_questions():
    part = _part(_bee_book())
    answers = [[q.model_answer for q in quiz.questions]
               for lesson in part.lessons for quiz in lesson.quizzes]
    assert answers == [["One.", "Nectar and pollen."],
                       ["Young worker bees.", "They hold the most honey for the least wax.",
                        "In the cells at the centre of the comb."]]
    part = _part(_bee_book("\nCHAPTER IX\n\n1. Smoke. 2. In spring.\n"))
    notes = [d.message for d in part.diagnostics]
    assert any("'CHAPTER IX' name a chapter that is not in the text" in n for n in notes)


def test_radio_buttons_drawn_in_text_are_options_and_the_filled_one_is_right():
    text = """Birds

Birds have hollow bones.

Quiz

1. Which bird cannot fly?
( ) Sparrow
(x) Penguin
( ) Eagle
2. Which bird lays the largest egg? (*) Ostrich ( ) Hen
3. Which month is it now? (x) and (y) are the axes of the chart above.
"""
    questions = _questions(text)
    assert [q.options for q in questions[:2]] == [["Sparrow", "Penguin", "Eagle"],
                                                  ["Ostrich", "Hen"]]
    assert [q.correct for q in questions[:2]] == [[1], [0]]
    assert not questions[2].options  # no empty button: no radio buttons


def test_a_numbered_exercise_label_with_no_questions_under_it_is_a_task_of_its_own():
    text = """Functions

A function is a named sequence of statements.

4.9 Exercises

Exercise 4.1. Write a function named shout that takes a string and prints it in capitals.

Exercise 4.2. A function can be passed to another function. Try these steps:

1. Write a function that calls its argument twice.
2. Pass it the function shout from the exercise before.

Exercise 4.3. What does print(len("tea")) display?

Answer: 3
"""
    [quiz] = _quizzes(text)
    assert [q.prompt for q in quiz.questions] == [
        "Write a function named shout that takes a string and prints it in capitals.",
        "Write a function that calls its argument twice.",
        "Pass it the function shout from the exercise before.",
        'What does print(len("tea")) display?']
    assert [q.model_answer for q in quiz.questions] == [None, None, None, "3"]
    assert any(b.text.startswith("Exercise 4.2.") for b in quiz.intro)  # heads 1 and 2


def test_unnumbered_questions_over_lettered_options_with_answer_lines_are_a_quiz():
    text = """Moon Phases

The Moon's shape seems to change as it orbits the Earth.

What is the Moon called when it is fully lit?
A. New moon
B. Full moon
C. Crescent
ANSWER: B

How long is one lunar cycle?
A. About a week
B. About a month
ANSWER: B
"""
    part = _part(text)
    [lesson] = part.lessons
    [quiz] = lesson.quizzes
    assert [q.prompt for q in quiz.questions] == [
        "What is the Moon called when it is fully lit?", "How long is one lunar cycle?"]
    assert [q.correct for q in quiz.questions] == [[1], [1]]
    assert not any(b.__class__.__name__ == "Heading" for b in lesson.blocks)  # no option heads
    # a question's own prompt that asks again before its options stays one question
    code = ("Loops\n\nA loop repeats.\n\nQuiz\n\n1. Read this line: for i in range(3): print(i)"
            "\n\nWhat does it print last?\na) 2\nb) 3\n2. What does range(2) hold?\na) 0, 1\n"
            "b) 1, 2\n")
    questions = _questions(code)
    assert len(questions) == 2 and questions[0].prompt.endswith("What does it print last?")


def test_a_statement_key_whose_roman_number_the_extraction_lost_keeps_its_place():
    text = _meter_unit().replace("A)     3)     i)      True ii) True iii) False",
                                 "A)     3)     i)      True ii) True ) False")
    [quiz] = _quizzes(text)
    assert [q.correct for q in quiz.questions[2:5]] == [[0], [0], [1]]
    lone = _meter_unit().replace("A)     3)     i)      True ii) True iii) False",
                                 "A)     3)     ) True ii) True iii) False")
    [quiz] = _quizzes(lone)
    assert quiz.questions[2].correct == []  # no statement before it: nothing to count on


def test_ballot_options_that_are_runs_of_numbers_are_no_running_headers():
    import textwrap  # noqa: PLC0415
    prose = textwrap.fill(
        "A loop repeats its body while its condition holds; the counter changes on each "
        "pass, and the loop stops as soon as the condition is false, so the last value "
        "printed is the one before the condition failed.", 60)
    quiz = ("1. What does the loop print when the counter starts at 1 and stops before 4?\n\n"
            "□ 1 2 3 4\n⊠ 1 2 3\n□ 2 3 4\n□ 0 1 2 3\n\n"
            "2. What does it print when the counter goes up by two from 1 to 7?\n\n"
            "□ 1 3 5\n⊠ 1 3 5 7\n□ 2 4 6\n□ 1 2 3 4 5 6 7\n")
    after = textwrap.fill(
        "A loop whose condition never becomes false runs for ever; the program then has to be "
        "stopped by hand, which is why the counter must move towards the end each time.", 60)
    text = (f"Loops in C#\n\n{prose}\n\n1\n\fSelf-Check\n\n{quiz}\n2\n\f"
            f"Endless Loops\n\n{after}\n\n3\n\f")
    questions = _questions(text)
    assert [q.options for q in questions] == [["1 2 3 4", "1 2 3", "2 3 4", "0 1 2 3"],
                                              ["1 3 5", "1 3 5 7", "2 4 6", "1 2 3 4 5 6 7"]]
    assert [q.correct for q in questions] == [[1], [1]]


def test_a_lessons_questions_over_lettered_points_without_any_answer_stay_the_lesson():
    text = """Passwords

What makes a password strong?
a) It is long.
b) It is used for one account only.

Why use a password manager?
a) It remembers every password for you.
b) It fills them in on the right site only.
"""
    part = _part(text)
    assert not part.lessons[0].quizzes
