"""Exercises wherever they stand (importer/exercises.py), on small texts written
for these tests in several topics: titles, option shapes, answer keys, kinds."""

from __future__ import annotations

from pathlib import Path

import pytest

from build_course.build.rendering import render_quiz
from build_course.importer.importing import import_text
from build_course.model import ExerciseLink, ListBlock, SourceText
from build_course.quiz.kinds import QuestionKind
from build_course.quiz.syntax import parse_blocks


def _part(text: str):
    return import_text(SourceText(Path("t.txt"), text, "utf-8"), "t.txt")


def _questions(text: str):
    part = _part(text)
    return [q for lesson in part.lessons for quiz in lesson.quizzes for q in quiz.questions]


def _notes(text: str) -> list[str]:
    return [d.message for d in _part(text).diagnostics]


BALLOTS = """Night Sky Basics

1. Which planet is closest to the Sun?
□ Venus
⊠ Mercury
□ Mars
2. What makes the Moon shine?
⊠ Reflected sunlight
□ Its own light
□ Light from Earth's cities
"""


def test_ballot_boxes_without_a_heading_are_a_quiz_with_the_marked_answers():
    questions = _questions(BALLOTS)
    assert [q.prompt for q in questions] == ["Which planet is closest to the Sun?",
                                             "What makes the Moon shine?"]
    assert questions[0].options == ["Venus", "Mercury", "Mars"]
    assert [q.correct for q in questions] == [[1], [0]]
    assert all(q.kind is QuestionKind.SINGLE_CHOICE for q in questions)


LETTERED = """Rivers of the World

Rivers carry water to the sea.

Review Questions

1. Which river is the longest?
a) The Thames
b) The Nile
c) The Seine
Answer: (b)
2. Where does the Danube end?
(a) In the Black Sea
(b) In the North Sea
Answer: a

Deltas

A delta forms where a river slows down.
"""


def test_lettered_options_and_answers_after_each_question():
    part = _part(LETTERED)
    [lesson] = part.lessons
    [quiz] = lesson.quizzes
    assert quiz.title == "Review Questions"
    assert [q.options for q in quiz.questions] == [
        ["The Thames", "The Nile", "The Seine"], ["In the Black Sea", "In the North Sea"]]
    assert [q.correct for q in quiz.questions] == [[1], [0]]
    assert [s.title for s in lesson.sections] == ["Deltas"]  # the next section stays
    assert any(isinstance(b, ExerciseLink) for b in lesson.blocks)


KEYED = """Bread at Home

Knead the dough until it is smooth.

Test Yourself

1. How long should dough rise?
A. Five minutes
B. About an hour
C. Two days
2. Which ingredient makes the dough rise?
A. Salt
B. Yeast

Answers

1. B 2. B 4. A
"""


def test_a_key_line_after_the_quiz_pairs_by_number_and_stray_keys_stay_unattached():
    questions = _questions(KEYED)
    assert [q.correct for q in questions] == [[1], [1]]
    notes = _notes(KEYED)
    assert any("keys for questions 4 are not in the text" in n for n in notes), notes


TRUE_FALSE = """Cells

Every living thing is made of cells.

Check Your Progress

State whether the following statements are True or False.

1. Plant cells have a cell wall.
2. Red blood cells have a nucleus in adults.
3. Some organisms have only one cell.

Answer key

1. True 2. False
"""


def test_statements_after_a_true_or_false_instruction_are_true_false_questions():
    questions = _questions(TRUE_FALSE)
    assert [q.kind for q in questions] == [QuestionKind.TRUE_FALSE] * 3
    assert all(q.options == ["True", "False"] for q in questions)
    assert [q.correct for q in questions] == [[0], [1], []]  # the third has no key: none invented


SELECT_ALL = """Metals

Quiz

Select all that apply.

1. Which of these are metals?
a. Copper
b. Glass
c. Iron
Answer: a, c
"""


def test_several_correct_options_make_a_multiple_choice_question():
    [question] = _questions(SELECT_ALL)
    assert question.kind is QuestionKind.MULTIPLE_CHOICE
    assert question.correct == [0, 2]


NO_KEY = """Composting

Exercises

1. Name two materials that should not go into a compost heap.
2. Describe your own experience of keeping a garden.
"""


def test_without_an_answer_nothing_is_invented_and_the_kind_guess_is_noted():
    questions = _questions(NO_KEY)
    assert [q.kind for q in questions] == [QuestionKind.OPEN, QuestionKind.REFLECTION]
    assert all(q.model_answer is None and q.correct == [] for q in questions)
    assert any("without an answer in the source; kind guessed" in n for n in _notes(NO_KEY))


def test_an_unanswered_question_renders_a_note_that_the_quiz_syntax_accepts():
    part = _part(NO_KEY)
    page = render_quiz(part, part.lessons[0]).text
    body = page.split("---\n", 2)[2]
    blocks, problems = parse_blocks(body, "quiz.md")
    assert problems == []
    assert [b.question.kind for b in blocks] == [QuestionKind.OPEN, QuestionKind.REFLECTION]
    assert "Show model answer" not in page


LABELLED = """Answers to the History Quiz

Question 1:

When did the Roman Republic begin?

Answer:

In about 509 BC, when the last king was driven out.

Question 2:

Who crossed the Rubicon?

Answer:

Julius Caesar, in 49 BC.
"""


def test_question_and_answer_labels_make_open_questions_with_model_answers():
    questions = _questions(LABELLED)
    assert [q.prompt for q in questions] == ["When did the Roman Republic begin?",
                                             "Who crossed the Rubicon?"]
    assert [q.kind for q in questions] == [QuestionKind.OPEN] * 2
    assert questions[1].model_answer == "Julius Caesar, in 49 BC."


INLINE = """Greetings in Spanish

Practice

Translate into Spanish:

1. Good morning. 2. How are you? 3.
Thank you very much. 4. See you tomorrow.
"""


def test_questions_numbered_in_the_run_of_a_paragraph_are_split():
    questions = _questions(INLINE)
    assert [q.prompt for q in questions] == ["Good morning.", "How are you?",
                                             "Thank you very much.", "See you tomorrow."]


PROSE_LIST = """Planning a Trip

Pack light and check the weather.

1. Book the tickets early.
2. Choose a bag with wheels.
3. Leave a copy of your passport at home.
"""


def test_a_numbered_list_that_is_no_exercise_stays_in_the_lesson():
    part = _part(PROSE_LIST)
    [lesson] = part.lessons
    assert lesson.quizzes == []
    assert any(isinstance(b, ListBlock) for b in lesson.blocks)


def test_a_ticked_ballot_box_in_wrapped_text_stays_its_own_marked_line():
    from build_course.diagnostics import Report
    from build_course.importer.cleaning import clean, raw_lines

    text = ("3. Which gas do plants take in from the air during the day\n\n"
            "⊠ Carbon dioxide taken in through the small pores of the leaves\n"
            "□ Oxygen, which they only give out\n"
            "□ Nitrogen straight from the air, which they cannot use\n\n"
            "4. Which part of the plant holds most of its chlorophyll\n"
            "□ The roots\n⊠ The leaves\n")
    lines = clean(raw_lines(text), [], True, Report("t.txt"))
    assert [(line.bullet, line.text[:12]) for line in lines] == [
        ("1", "Which gas do"), ("•", "⊠ Carbon dio"), ("•", "Oxygen, whic"),
        ("•", "Nitrogen str"), ("1", "Which part o"), ("•", "The roots"), ("•", "⊠ The leaves")]


WORKED = """Fractions

Chapter Review

1. Add the fractions below.
   1. 1/2 + 1/4
   2. 1/3 + 1/6

Solution

1. Three quarters, since 1/2 is two quarters.
2. One half, since 1/3 is two sixths.

2. Which is larger, 3/4 or 2/3? Explain.

Solution

3/4, because 9/12 is more than 8/12.
"""


def test_a_worked_solution_is_the_model_answer_and_its_numbered_lines_stay_in_it():
    questions = _questions(WORKED)
    assert len(questions) == 2
    first, second = questions
    assert first.kind is QuestionKind.OPEN and first.options == []
    assert first.prompt.startswith("Add the fractions below. 1. 1/2 + 1/4")
    assert first.model_answer.startswith("1. Three quarters")
    assert "2. One half" in first.model_answer
    assert second.model_answer == "3/4, because 9/12 is more than 8/12."


ACTIVITY = """Fire Safety

Practical Exercise: Using an Extinguisher

Purpose: This short exercise lets you practise the steps of using an extinguisher.

Instructions:

1. Form groups of three.
2. Take turns naming each step aloud.

Escape Routes

Every floor has two ways out.
"""


def test_an_activity_without_questions_is_one_task_and_its_steps_are_not_questions():
    part = _part(ACTIVITY)
    [lesson] = part.lessons
    [quiz] = lesson.quizzes
    [task] = quiz.questions
    assert task.prompt == ("This short exercise lets you practise the steps of using an "
                           "extinguisher.")
    assert task.kind is QuestionKind.REFLECTION and task.model_answer is None
    assert [s.title for s in lesson.sections] == ["Escape Routes"]


STEPS = """Version Control

Exercise: Undo a change

Practise undoing a change you have not committed yet.

1. Edit a file in your project.
2. Look at the change with git diff.
3. Undo it.

Solution

Run git restore with the file's name, then check with git status.
"""


def test_numbered_steps_with_one_solution_are_one_task_with_its_model_answer():
    [task] = _questions(STEPS)
    assert task.prompt.startswith("Practise undoing a change")
    assert task.kind is QuestionKind.OPEN
    assert task.model_answer.startswith("Run git restore")


GROUPED = """Units

Exercises

Exercise 1.1. Try these in your head.

1. How many grams are in two kilograms?
2. How many metres are in a kilometre?

Exercise 1.2. Now with a calculator.

1. How many seconds are in a day?
"""


def test_numbered_exercises_restart_their_question_numbers_without_making_a_key():
    questions = _questions(GROUPED)
    assert [q.prompt[:16] for q in questions] == [
        "How many grams a", "How many metres ", "How many seconds"]
    assert all(q.model_answer is None for q in questions)


CHAPTER_KEYS = """Weather

Check Your Progress A

1. What is humidity?
2. State whether the following statements are True or False.
i) Warm air holds more water than cold air. ii) Fog is a cloud at ground level.
iii) Wind blows from low to high pressure.

Clouds

Clouds form when air cools.

Check Your Progress B

1) Which cloud brings thunder?
a) Cirrus
b) Cumulonimbus

Answers to Check Your Progress

A
2 i) True ii) True iii) False
B
1) b 4) a
"""


def test_keys_at_the_chapters_end_go_to_their_exercises_and_unknown_ones_stay():
    part = _part(CHAPTER_KEYS)
    [lesson] = part.lessons
    first, second = lesson.quizzes
    statements = first.questions[1:]
    assert [q.prompt for q in statements] == ["Warm air holds more water than cold air.",
                                              "Fog is a cloud at ground level.",
                                              "Wind blows from low to high pressure."]
    assert [q.correct for q in statements] == [[0], [0], [1]]
    assert first.questions[0].model_answer is None  # no key for it: nothing invented
    assert second.questions[0].correct == [1]
    notes = [d.message for d in part.diagnostics]
    assert any("1 key(s) name questions that are not in the text, left unattached (4) a)" in n
               for n in notes), notes


DISCUSSION = """Flood Response

Discussion Questions

Read the situation again before you answer.

Who should the team leader call first?

Should the team open the shelter before the water rises?
"""


def test_paragraphs_that_ask_in_an_exercise_without_numbers_are_its_questions():
    questions = _questions(DISCUSSION)
    assert [q.prompt for q in questions] == [
        "Who should the team leader call first?",
        "Should the team open the shelter before the water rises?"]
    assert all(q.model_answer is None for q in questions)


FILL_IN = """Maps

Self-check

1) What does a compass rose show?
2) Fill in the blanks.
i) The line at 0 degrees latitude is the ………… ii) Lines of longitude meet at the …………

Answers to Self-check

2) i) equator ii) poles
"""


def test_blanks_to_fill_in_are_open_questions_with_the_key_as_model_answer():
    questions = _questions(FILL_IN)
    assert [q.kind for q in questions] == [QuestionKind.OPEN] * 3
    assert [q.model_answer for q in questions] == [None, "equator", "poles"]


TABLE_KEY = """Birds

Knowledge Check

1. Which bird cannot fly?
a) Sparrow
b) Penguin
2. Which bird is a raptor?
a) Duck
b) Robin
c) Hawk ✓

Answer Key

| Question | Answer |
| 1 | b |
"""


def test_a_key_set_out_as_a_table_and_a_tick_after_an_option():
    questions = _questions(TABLE_KEY)
    assert [q.correct for q in questions] == [[1], [2]]
    assert questions[1].options == ["Duck", "Robin", "Hawk"]


MATCHING = """Tools

Exercise

1. Which tool drives nails?
2. Match each tool with its use.
a) Saw
b) Drill
i) makes holes
ii) cuts wood

Answers

1. A hammer. 2. a-ii, b-i
"""


def test_a_matching_question_with_a_key_is_a_matching_question():
    first, matching = _questions(MATCHING)
    assert first.model_answer == "A hammer."
    assert matching.kind is QuestionKind.MATCHING
    assert matching.prompt == "Match each tool with its use."
    assert (matching.terms, matching.options) == (["Saw", "Drill"], ["makes holes", "cuts wood"])
    assert matching.correct == [1, 0] and matching.model_answer is None


BAKING_MATCH = """Bread

Exercise

1. Why does dough need salt?
2. Match the words with their meanings.
(a) Knead
(b) Prove
(c) Bake
1) cook in a hot oven
2) work the dough by hand
3) leave the dough to rise

Answers

1. For taste and to slow the yeast. 2. a-2, b-3, c-1
"""


def test_matching_with_numbered_explanations_and_a_key_of_pairs():
    [first, matching] = _questions(BAKING_MATCH)
    assert matching.kind is QuestionKind.MATCHING
    assert matching.terms == ["Knead", "Prove", "Bake"]
    assert [matching.options[c] for c in matching.correct] == [
        "work the dough by hand", "leave the dough to rise", "cook in a hot oven"]
    assert first.model_answer == "For taste and to slow the yeast."
    part = _part(BAKING_MATCH)
    [block] = [b for b in parse_blocks(render_quiz(part, part.lessons[0]).text, "q.md")[0]
               if b.question.kind is QuestionKind.MATCHING]
    assert (block.question.terms, block.question.correct) == (matching.terms, matching.correct)
    assert parse_blocks(render_quiz(part, part.lessons[0]).text, "q.md")[1] == []


@pytest.mark.parametrize("key", ["a-ii", "a-ii, b-ii", "a-ii, b-i, c-i", "Saw makes holes"])
def test_a_key_that_does_not_pair_every_item_once_leaves_an_open_question(key):
    [_, matching] = _questions(MATCHING.replace("a-ii, b-i", key))
    assert matching.kind is QuestionKind.OPEN and matching.model_answer == key
    assert "a) Saw" in matching.prompt and "ii) cuts wood" in matching.prompt


# ---- keys of options lettered on from the question before --------------------

_LETTERED_ON = """Harbour safety

Boats keep to the right of the channel and slow down near the moorings at
all times, and every crew member wears a buoyancy aid on the water.

Quiz

1. Where do boats slow down?
a) Near the moorings
b) In the open sea
c) Nowhere

2. What does every crew member wear?
d) A buoyancy aid
e) A hat
f) Boots

Answers: 1. a 2. {second}
"""


def _questions_and_notes(text: str):
    part = _part(text)
    [quiz] = part.lessons[0].quizzes
    return quiz.questions, [d.message for d in part.diagnostics]


def test_keys_of_options_lettered_on_from_the_question_before_name_its_own_options():
    (first, second), notes = _questions_and_notes(_LETTERED_ON.format(second="d"))
    assert first.correct == [0]
    assert second.options == ["A buoyancy aid", "A hat", "Boots"] and second.correct == [0]
    assert any("lettered from d)" in n for n in notes)


def test_a_one_word_key_of_a_which_question_is_its_answer_not_a_true_or_false_verdict():
    text = _LETTERED_ON.format(second="d").replace(
        "Answers: 1. a 2. d", "3. Which side of the channel do boats keep to?\nAnswer: right\n\n"
        "4. Boats may speed near the moorings.\nAnswer: wrong")
    (_, _, which, statement), _ = _questions_and_notes(text)
    assert which.kind is QuestionKind.OPEN and which.options == []
    assert which.model_answer == "right"
    assert statement.kind is QuestionKind.TRUE_FALSE and statement.correct == [1]


def test_a_key_letter_before_the_first_option_names_none():
    (_, second), notes = _questions_and_notes(_LETTERED_ON.format(second="b"))
    assert second.correct == []
    assert any("answer letter B names no option" in n for n in notes)


def test_a_labelled_line_of_keys_may_mix_letters_and_short_answers():
    text = _LETTERED_ON.format(second="d").replace(
        "Answers: 1. a 2. d",
        "3. Which side of the channel do boats keep to?\n\nAnswers: 1. a 2. d 3. the right side")
    (first, second, which), notes = _questions_and_notes(text)
    assert first.correct == [0] and second.correct == [0]
    assert which.prompt == "Which side of the channel do boats keep to?"
    assert which.model_answer == "the right side"
