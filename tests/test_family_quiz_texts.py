"""Quiz texts of the shapes question banks take (exercises.py, markdown_family.py),
on small texts written for these tests in several topics."""

from __future__ import annotations

from pathlib import Path

from build_course.importer.importing import import_text
from build_course.model import Heading, SourceText
from build_course.quiz.kinds import QuestionKind


def _part(text: str):
    return import_text(SourceText(Path("t.txt"), text, "utf-8"), "t.txt")


def _bank(questions) -> str:
    """A Markdown question bank as interview-question repositories write
    one: a numbered heading, code, options "- A: ...", the answer folded."""
    out = ["# Shell Puzzles", ""]
    for n, (heading, code, options, answer) in enumerate(questions, start=1):
        out += ["---", "", f"###### {n}. {heading}", "", "```bash", code, "```", ""]
        out += [f"- {'ABCDEFGH'[k]}: {o}" for k, o in enumerate(options)]
        out += ["", "<details><summary><b>Answer</b></summary>", "<p>", ""]
        out += [f"#### Answer: {answer[0]}", "", answer[1], "", "</p>", "</details>", ""]
    return "\n".join(out) + "\n"


SHELL = _bank([
    ("What is printed?", "echo $((7 / 2))", ["`3.5`", "`3`", "`4`"],
     ("B", "Shell arithmetic keeps whole numbers.")),
    ("Which one is true?", "x=5; y=x", ["`y` holds 5", "`y` holds the letter x"],
     ("B", "Without a dollar sign the name is text.")),
    ("A pipe joins standard output to standard input.", "ls | wc -l", ["true", "false"],
     ("A", "That is what a pipe does.")),
])


def test_a_markdown_question_bank_with_lettered_options_and_folded_answers():
    [lesson] = _part(SHELL).lessons
    assert not [b for b in lesson.blocks if isinstance(b, Heading)]  # the questions' headings
    [quiz] = lesson.quizzes
    questions = quiz.questions
    assert [q.prompt for q in questions] == [
        "What is printed?", "Which one is true?",
        "A pipe joins standard output to standard input."]
    assert questions[0].options == ["3.5", "3", "4"]
    assert questions[0].options_markdown == ["`3.5`", "`3`", "`4`"]
    assert [q.correct for q in questions] == [[1], [1], [0]]
    assert [q.kind for q in questions] == [QuestionKind.SINGLE_CHOICE, QuestionKind.SINGLE_CHOICE,
                                           QuestionKind.TRUE_FALSE]
    assert questions[0].explanation == "Shell arithmetic keeps whole numbers."
    assert not any(q.model_answer for q in questions)


def test_a_folded_answer_that_names_no_option_leaves_the_question_open():
    text = SHELL.replace("#### Answer: B\n\nShell arithmetic",
                         "#### Answer: it depends\n\nShell arithmetic")
    first = _part(text).lessons[0].quizzes[0].questions[0]
    assert first.kind is QuestionKind.OPEN and not first.correct
    assert first.model_answer.startswith("Answer: it depends")


EXAM = """Bicycle Maintenance Test
Name: ____________________  Date: __________

PART I. MULTIPLE CHOICE
Directions: Write the letter of the best answer.

1. Which part moves the chain between sprockets?
A. Derailleur    B. Saddle    C. Spoke    D. Valve

2. What does a chain need every few weeks?
A. Paint    B. Oil    C. Water    D. Sand

PART II. TRUE OR FALSE

3. Brake pads wear down with use.
4. A tyre holds the most air when it is warm and punctured.

PART III. IDENTIFICATION

5. The tool that lifts a tyre off its rim.
6. The valve type found on most racing bikes.

ANSWER KEY
1. A
2. B
3. TRUE
4. FALSE
5. Tyre lever
6. Presta
"""


def test_an_exam_in_parts_ends_each_instruction_at_the_next_part_title():
    [lesson] = _part(EXAM).lessons
    [quiz] = lesson.quizzes
    questions = quiz.questions
    assert [q.kind for q in questions] == [QuestionKind.SINGLE_CHOICE] * 2 \
        + [QuestionKind.TRUE_FALSE] * 2 + [QuestionKind.OPEN] * 2
    assert questions[3].prompt == "A tyre holds the most air when it is warm and punctured."
    assert questions[4].prompt == "The tool that lifts a tyre off its rim."  # no part title in it
    assert [q.model_answer for q in questions[4:]] == ["Tyre lever", "Presta"]
    assert [q.correct for q in questions[:4]] == [[0], [1], [0], [1]]


PARTS = """Seeds and Sprouting

A seed holds a tiny plant and the food it needs to start growing.

Exercises

A. Fill in the blanks.

1. A seed needs water, air and ______ to sprout.
2. The first root of a seedling is the ______.

B. Answer these questions.

1. Why does a seed swell in water?
2. Which part of the seed feeds the young plant?

Answers

A. 1. warmth 2. radicle
B. 1. It takes the water in. 2. The seed leaves.
"""


def test_lettered_parts_of_an_exercise_are_quizzes_keyed_by_their_letters():
    [lesson] = _part(PARTS).lessons
    assert [q.title for q in lesson.quizzes] == ["Exercises A", "Exercises B"]
    first, second = lesson.quizzes
    assert [q.model_answer for q in first.questions] == ["warmth", "radicle"]
    assert [q.model_answer for q in second.questions] == ["It takes the water in.",
                                                          "The seed leaves."]
    assert "Fill in the blanks." in [b.text for b in first.intro]
    assert not any(getattr(b, "text", "").startswith(("A. 1.", "B. 1.")) for b in lesson.blocks)


def test_lettered_parts_whose_numbers_do_not_restart_stay_one_exercise():
    text = PARTS.replace("B. Answer these questions.\n\n1.", "B. Answer these questions.\n\n3.")
    [lesson] = _part(text).lessons
    assert len(lesson.quizzes) == 1  # one part numbered from 1: no lettered parts


def _pdf_like(body: str) -> str:
    """``body`` as pdftotext -layout prints a unit: wrapped prose, page breaks."""
    first = ("Hand tools last for years when they are cleaned after use and kept dry in a\n"
             "rack, and a worker who knows each tool by name can find the right one at once\n"
             "when a job needs it, which saves time on every site and keeps the crew safe.\n")
    second = ("A blunt chisel slips off the work and cuts the hand that holds it, so the edge\n"
              "is honed on a stone before each job and the handle is checked for splits that\n"
              "could give way under the blows of a mallet on a cold morning in the yard.\n")
    last = ("Oil keeps rust away from the jaws of pliers and the thread of a vice, and a\n"
            "dry cloth wipes off the dust that would otherwise grind the moving parts down\n"
            "over the months of a long building season between one spring and the next.\n")
    return f"1.1    CARE OF TOOLS\n\n{first}\n{second}\f{body}\f{last}"


JUDGED = _pdf_like("""Check Your Progress A

1)     What is a hand tool?
2)     State whether the following tools are cutting tools or striking tools
       i)     Chisel
       ii)    Mallet
       iii)   Hacksaw
       iv)    Sledgehammer
       v)     Knife
       vi)    Hammer
3)     Which tool is used to tighten a nut ?
       i)     Spanner
       ii)    Pliers

1.2    ANSWERS TO CHECK YOUR PROGRESS

A      2        i) Cutting    ii) Striking     iii) Cutting    iv) Striking
                v) Cutting    vi) Striking
""")


def test_numbered_items_under_an_instruction_are_judged_in_turn_not_options():
    questions = [q for lesson in _part(JUDGED).lessons for quiz in lesson.quizzes
                 for q in quiz.questions]
    assert [q.prompt[:30] for q in questions] == [
        "What is a hand tool?", "State whether the following to", "Which tool is used to tighten "]
    judged = questions[1]
    assert judged.kind is QuestionKind.OPEN and not judged.options
    assert "i) Chisel" in judged.prompt and "vi) Hammer" in judged.prompt
    assert judged.model_answer.startswith("i) Cutting ii) Striking iii) Cutting")
    assert questions[2].options == ["Spanner", "Pliers"]  # the next question, not an item


PARTS_THEN_STATEMENTS = _pdf_like("""Check Your Progress B

1)     Name two tools that cut wood.
2)     i)      List three tools you used this week.
       ii) Sort them into cutting tools and striking tools, and say which of them
            you would sharpen first
3)     State whether the following statements are True or False.
       i)      A file is a striking tool.
       ii)     A saw cuts across the grain.
       iii)    A mallet is made of steel.

1.2    ANSWERS TO CHECK YOUR PROGRESS

B      3      i) False ii) True iii) False
""")


def test_statements_after_a_question_in_parts_keep_their_number_and_keys():
    questions = [q for lesson in _part(PARTS_THEN_STATEMENTS).lessons for quiz in lesson.quizzes
                 for q in quiz.questions]
    assert [q.kind for q in questions] == [QuestionKind.OPEN] * 2 + [QuestionKind.TRUE_FALSE] * 3
    assert questions[1].prompt.startswith("i) List three tools")
    assert "ii) Sort them" in questions[1].prompt  # its parts, in its prompt
    assert [q.prompt for q in questions[2:]] == [
        "A file is a striking tool.", "A saw cuts across the grain.", "A mallet is made of steel."]
    assert [q.correct for q in questions[2:]] == [[1], [0], [1]]


MATCH_THEN_STATEMENTS = _pdf_like("""Check Your Progress C

1)     Name the tool that drives a nail.
2)     Match the tools in Column 1 with their uses in Column 2.

               Tools                                  Uses
       i) Plane                             a) Smooths a board
       ii) Bradawl                          b) Starts a screw hole
       iii) Try square                      c) Checks a right angle

3)     State whether the following statements are True or False.
       i)     A plane removes thin shavings.
       ii)    A bradawl is a kind of hammer.
       iii)   A try square measures weight.
       iv)    A chisel needs a sharp edge.
       v)     Pliers cut glass.
       vi)    A mallet has a wooden head.

1.2    ANSWERS TO CHECK YOUR PROGRESS

C)     2.   i) a  ii) b  iii) c
       3.   i) True  ii) False  iii) False  iv) True
            v) False  vi) True
""")


def test_statements_after_a_table_of_items_to_match_stay_in_the_exercise():
    [lesson] = _part(MATCH_THEN_STATEMENTS).lessons
    [quiz] = lesson.quizzes
    questions = quiz.questions
    assert [q.kind for q in questions] == [QuestionKind.OPEN] * 2 + [QuestionKind.TRUE_FALSE] * 6
    assert questions[1].model_answer == "i) a ii) b iii) c"
    # the key's second line ("v) False vi) True") answers the last two statements
    assert [q.correct for q in questions[2:]] == [[0], [1], [1], [0], [1], [0]]


def test_a_number_left_of_a_lettered_list_starts_a_list_of_its_own():
    from build_course.importer.segmenting import segment
    from build_course.model import Line, ListBlock

    lines = [Line("Chisel", 1, indent=7, bullet="a", number=1),
             Line("Mallet", 2, indent=7, bullet="a", number=2),
             Line("State whether the following are true.", 3, indent=0, bullet="1", number=5),
             Line("A saw cuts across the grain.", 4, indent=7, bullet="a", number=1)]
    blocks = segment(lines)
    assert [type(b) for b in blocks] == [ListBlock, ListBlock]
    assert [i.text for i in blocks[0].items] == ["Chisel", "Mallet"]
    assert blocks[1].items[0].number == 5 and not blocks[1].lettered


GIFT_BANK = """// Pond life: questions for the field trip

$CATEGORY: $course$/top/Pond Life

::Frogs 1:: Where do frogs lay their eggs? {
=In water #Frogspawn needs water to hatch.
~In trees
~Under stones
}

::Frogs 2:: A tadpole breathes with gills. {TRUE}

::Frogs 3:: Which two are amphibians? {~%50%Newt ~%50%Toad ~%-100%Pike}

$CATEGORY: $course$/top/Pond Plants

::Plants 1:: Duckweed floats on the {=surface ~bottom} of the pond.

::Plants 2:: What colour is a healthy water lily leaf? {=green =dark green}

::Plants 3:: Which pond plant do you think is the most useful, and why? {}

::Plants 4:: Explain why ponds need plants. {####They give oxygen and shelter.}
"""


def test_a_gift_bank_is_read_as_its_questions_one_lesson_per_category():
    part = _part(GIFT_BANK)
    assert [lesson.title for lesson in part.lessons] == ["Pond Life", "Pond Plants"]
    frogs = part.lessons[0].quizzes[0].questions
    assert [q.kind for q in frogs] == [QuestionKind.SINGLE_CHOICE, QuestionKind.TRUE_FALSE,
                                       QuestionKind.MULTIPLE_CHOICE]
    assert frogs[0].options == ["In water", "In trees", "Under stones"]
    assert frogs[0].correct == [0] and frogs[0].explanation == "Frogspawn needs water to hatch."
    assert frogs[1].correct == [0] and frogs[2].correct == [0, 1]
    plants = part.lessons[1].quizzes[0].questions
    assert plants[0].prompt == "Duckweed floats on the _____ of the pond."
    assert plants[0].options == ["surface", "bottom"] and plants[0].correct == [0]
    assert (plants[1].kind, plants[1].model_answer) == (QuestionKind.OPEN, "green")
    assert plants[2].kind is QuestionKind.REFLECTION and plants[2].model_answer is None
    assert plants[3].model_answer == "They give oxygen and shelter."


def test_what_export_gift_writes_reads_back_the_same():
    from build_course.publish.export_gift import gift
    from build_course.publish.quiz_pages import ExportQuiz

    part = _part(GIFT_BANK)
    exported = [ExportQuiz("x.md", lesson.title, quiz.title,
                           [(f"Question {n}", q) for n, q in enumerate(quiz.questions, 1)])
                for lesson in part.lessons for quiz in lesson.quizzes]
    again = _part(gift("Field Trip", exported))
    before = [(q.prompt, q.kind, q.options, q.correct, q.model_answer)
              for lesson in part.lessons for quiz in lesson.quizzes for q in quiz.questions]
    after = [(q.prompt, q.kind, q.options, q.correct, q.model_answer)
             for lesson in again.lessons for quiz in lesson.quizzes for q in quiz.questions]
    assert after == before
    assert [lesson.title for lesson in again.lessons] == ["Pond Life", "Pond Plants"]


def test_code_with_braces_is_no_gift_bank():
    text = ("Counting Loops\n\nA loop repeats its body.\n\nint main() {\n"
            "    int total = 0;\n    for (int i = 0; i < 3; i++) {\n        total += i;\n    }\n"
            "    struct point p = {0};\n    return total;\n}\n\nThe loop runs three times.\n")
    assert _part(text).family != "gift"


def test_stray_braces_in_prose_are_no_gift_bank():
    text = "Customer { ~.\n\nCustomer { ~.\n\nCustomer { ~ %}.\n\nA {= b } line.\n"
    assert _part(text).family != "gift"


def test_an_answer_letter_followed_by_a_dash_and_its_reason():
    text = ("Sorting Laundry\n\nReview Questions\n\n1. Which wash suits wool?\na) Hot\nb) Cold\n"
            "Answer: B — heat shrinks wool.\n2. Which goes with whites?\na) Red socks\n"
            "b) White towels\nAnswer: b – colours run.\n")
    questions = _part(text).lessons[0].quizzes[0].questions
    assert [q.correct for q in questions] == [[1], [1]]
    assert [q.explanation for q in questions] == ["heat shrinks wool.", "colours run."]


PRINTED_SHEET = """Garden Course

Bees and Pollen
Lessons and worksheets

Page 1 of 3
\fGarden Course

Worksheet: Bees and Pollen
Question 1
Which part of the flower makes pollen?
Choose one answer.

A. The anther
B. The petal
C. The green stem
Question 2
Which two insects carry pollen? (Choose two.)

A. Bees
B. Butterflies
C. Woodlice
D. Some earthworms
Question 3
Bees see ultraviolet light.
True or false? Choose one.

A. True
B. False

Bees and Pollen

Page 2 of 3
\fGarden Course

Question 4
Why do flowers make nectar?
Your answer:

Bees and Pollen

Page 3 of 3
\f"""


def test_a_printed_worksheet_keeps_each_question_label_apart_from_the_last_option():
    questions = [q for lesson in _part(PRINTED_SHEET).lessons for quiz in lesson.quizzes
                 for q in quiz.questions]
    assert [q.prompt[:25] for q in questions] == [
        "Which part of the flower ", "Which two insects carry p", "Bees see ultraviolet ligh",
        "Why do flowers make necta"]
    assert questions[0].options == ["The anther", "The petal", "The green stem"]
    assert questions[1].options[-1] == "Some earthworms"  # not "... Question 3"
    assert questions[1].kind is QuestionKind.MULTIPLE_CHOICE  # "(Choose two.)"
    assert questions[2].kind is QuestionKind.TRUE_FALSE
    assert questions[3].prompt == "Why do flowers make nectar?"  # its "Your answer:" line goes


def test_markdown_that_holds_gift_like_braces_stays_markdown():
    text = ("# Sets\n\nA set is written with braces.\n\n```python\nodd = {1, 3, 5}\n```\n\n"
            "The set {=x} holds one thing.\n\nThe note {T} marks a true line.\n\n"
            "## Practice\n\nWrite the set {~a} as a list.\n")
    assert _part(text).family == "markdown"
