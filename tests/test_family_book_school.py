"""School books of the plain-text family (imp-book): margin notes, thought
breaks, transcriber's notes, a bare "ANSWERS." key at the book's end and
lettered true-or-false statements, each on small texts written for these tests."""

from __future__ import annotations

from pathlib import Path

from build_course.build.rendering import render_lesson
from build_course.importer.cleaning import raw_lines
from build_course.importer.families import detect_family
from build_course.importer.importing import import_text
from build_course.model import SourceText
from build_course.quiz.kinds import QuestionKind

_HEAD = """The Project Gutenberg EBook of A Weather Reader, by B. Author

This eBook is for the use of anyone anywhere at no cost and with
almost no restrictions whatsoever.

Title: A Weather Reader

*** START OF THIS PROJECT GUTENBERG EBOOK A WEATHER READER ***




Produced by Kind Volunteers




"""
_TAIL = """



End of the Project Gutenberg EBook of A Weather Reader, by B. Author

*** END OF THIS PROJECT GUTENBERG EBOOK A WEATHER READER ***
"""


def _part(body: str):
    text = _HEAD + body + _TAIL
    return import_text(SourceText(Path("weather.txt"), text, "utf-8"), "weather.txt")


def _md(part) -> str:
    return "\n".join(render_lesson(part, lesson).text for lesson in part.lessons)


def _notes(part) -> str:
    return "\n".join(d.message for d in part.diagnostics)


RAIN = """LESSON I.

CLOUDS AND RAIN.

[Sidenote: Vapour.]

Water rises from the sea and the lakes as an invisible vapour, and it
is carried upward by the warm air until it reaches a colder layer.

There the vapour turns again into tiny drops of water, which we see as
a cloud drifting across the sky; when the drops grow heavy enough they
[Sidenote: Rain.]
fall to the ground as rain, and the streams carry them back to the sea.

       *       *       *       *       *

A cloud that touches the ground is called a fog, and sailors fear it
more than a storm.

EXERCISES.

1. What does the vapour turn into in the cold layer?

2. What is a cloud that touches the ground called?


LESSON II.

WIND.

The wind is air in motion. Warm air is light and rises, and the cool
air around it flows in to take its place, and so a breeze begins.

EXERCISES.

Say whether each statement is true or false:

(a) Warm air is lighter than cool air.

(b) The wind is water in motion.

1. Why does the cool air flow in?


ANSWERS.

LESSON I.

1. Into tiny drops of water.

2. A fog.

LESSON II.

(a) True. (b) False.

1. To take the place of the warm air.


Transcriber's Notes:

Spelling has been kept as printed. Italics are shown between
_underscores_.
"""


def test_a_margin_note_is_a_paragraph_or_goes_where_it_cuts_one():
    part = _part(RAIN)
    md = _md(part)
    assert "Sidenote" not in md and "\nVapour.\n" in md
    assert "when the drops grow heavy enough they fall to the ground as rain" in md
    assert "margin note set inside a paragraph" in _notes(part)


def test_a_thought_break_is_no_list_item():
    md = _md(_part(RAIN))
    assert "* *" not in md.replace("\\*", "*")
    assert "called a fog, and sailors fear it more than a storm." in md


def test_transcribers_notes_at_the_end_go_with_their_paragraphs():
    part = _part(RAIN)
    assert "Spelling has been kept" not in _md(part)
    assert not any("Transcriber" in s.text for lesson in part.lessons for s in lesson.blocks
                   if hasattr(s, "text"))
    assert "dropped the transcriber's notes" in _notes(part)


def test_a_bare_answers_heading_sends_each_lessons_keys_back():
    part = _part(RAIN)
    assert [lesson.title for lesson in part.lessons] == ["CLOUDS AND RAIN.", "WIND."]
    first = part.lessons[0].quizzes[0].questions
    assert [q.model_answer for q in first] == ["Into tiny drops of water.", "A fog."]


def test_lettered_statements_under_a_true_or_false_instruction_are_questions():
    questions = _part(RAIN).lessons[1].quizzes[0].questions
    kinds = [q.kind for q in questions]
    assert kinds == [QuestionKind.TRUE_FALSE, QuestionKind.TRUE_FALSE, QuestionKind.OPEN]
    assert questions[0].prompt == "Warm air is lighter than cool air."
    assert [q.correct for q in questions[:2]] == [[0], [1]]
    assert questions[2].model_answer == "To take the place of the warm air."


def test_lettered_statements_without_a_key_invent_no_verdict():
    body = RAIN[:RAIN.index("ANSWERS.")]
    questions = _part(body).lessons[1].quizzes[0].questions
    assert questions[0].kind == QuestionKind.TRUE_FALSE and questions[0].correct == []
    assert questions[1].prompt == "The wind is water in motion."


def test_lettered_lines_that_ask_stay_what_they_were():
    body = RAIN.replace("(b) The wind is water in motion.", "(b) Is the wind water in motion?")
    questions = _part(body).lessons[1].quizzes[0].questions
    assert all("Is the wind water" not in q.prompt or q.kind != QuestionKind.TRUE_FALSE
               for q in questions)


ESSAYS = """                            THE BAKER'S BOOK

                                   BY

                               C. WRITER




I

_The Art of Baking_


[Sidenote: _The oven._]

A baker who knows his oven knows half his trade, for no two ovens heat
alike and each must be learnt by trial and by patience.

One master of the craft put it plainly. Old Tobias Grant writes:

[Sidenote: _Grant's rule._]

     "Bread wants a steady heat and a patient hand; the loaf that
     is hurried will be heavy in the middle and burnt on the crust,
     and no art of the baker will mend it when once it is out of
     the oven and cooling upon the board."

The rule holds for cakes no less than for bread.[1]

FOOTNOTES:

[1] See the chapter on cakes.




II

_Flour and Yeast_


[Sidenote: _Kinds of flour._]

Flour is ground from wheat, and the finer it is sifted the whiter the
loaf, though the coarser flour makes the sweeter bread of the two.

[Sidenote: _Yeast._]

Yeast is a living plant, and it works best in a warm room where no
draught can chill the dough while it rises.

The old rhyme says:

    Knead it well and let it rise,
    Bake it brown before your eyes.
"""


def test_margin_notes_do_not_outvote_chapter_titles_in_italics():
    part = _part(ESSAYS)
    assert [lesson.title for lesson in part.lessons] == ["The Art of Baking", "Flour and Yeast"]


def test_a_quotation_set_in_and_wrapped_is_one_paragraph():
    md = _md(_part(ESSAYS))
    assert ("the loaf that is hurried will be heavy in the middle and burnt on the crust, and "
            "no art of the baker will mend it") in md


def test_verse_set_in_keeps_its_lines():
    md = _md(_part(ESSAYS))
    assert "Knead it well and let it rise,\n" in md or "Knead it well and let it rise,  \n" in md


def test_a_line_that_introduces_a_quotation_is_no_heading():
    part = _part(ESSAYS)
    sections = [b.text for lesson in part.lessons for b in lesson.blocks
                if type(b).__name__ == "Heading"]
    assert not any("writes" in s or "rhyme says" in s for s in sections)
    assert "Old Tobias Grant writes:" in _md(part)


def test_a_footnotes_label_heads_no_section_and_no_self_check():
    part = _part(ESSAYS)
    sections = [b.text for lesson in part.lessons for b in lesson.blocks
                if type(b).__name__ == "Heading"]
    assert not any("FOOTNOTES" in s for s in sections)
    assert "See the chapter on cakes." in _md(part)
    assert not any("FOOTNOTES" in q.prompt for lesson in part.lessons
                   for quiz in lesson.quizzes for q in quiz.questions)


GEOGRAPHY = """                       A FIRST BOOK OF GEOGRAPHY

                                   BY

                                E. WRITER




LESSON I.

THE COMPASS.

A compass has a needle that always points to the north. When we face
the north, the east is on our right hand and the west on our left.

QUESTIONS.--Where does the needle point? Which way is on our right
hand when we face the north? Which way is on our left?


LESSON II.

HILLS AND VALLEYS.

A hill is land that rises above the land around it. The low land
between two hills is a valley, and a stream often runs along it.

QUESTIONS.

What is a hill?
What is the low land between two hills called?
What often runs along a valley?


LESSON III.

DISTANCES.

A road from the village to the town is twelve miles long, and the road
from the town to the port is thirty miles long.

EXAMPLES.

1. How far is it from the village to the port?   _Ans._ 42 miles.

2. How much longer is the second road than the first?   _Ans._ 18
miles.

3. A carter goes from the town to the port and back. How far does he
travel?   _Ans._ 60 miles.


LESSON IV.

THE SEASONS.

Why is it cold in winter? Why are the days short? The sun is low in the
sky, and its rays fall slanting on the ground.
"""


def test_run_in_questions_head_an_exercise_each_a_question():
    questions = _part(GEOGRAPHY).lessons[0].quizzes[0].questions
    assert [q.prompt for q in questions] == [
        "Where does the needle point?",
        "Which way is on our right hand when we face the north?",
        "Which way is on our left?"]


def test_questions_set_one_under_another_are_questions_each():
    questions = _part(GEOGRAPHY).lessons[1].quizzes[0].questions
    assert [q.prompt for q in questions] == [
        "What is a hill?", "What is the low land between two hills called?",
        "What often runs along a valley?"]
    assert all(not q.model_answer and not q.correct for q in questions)  # nothing invented


def test_sums_with_their_answers_set_off_are_an_exercise_not_a_table():
    part = _part(GEOGRAPHY)
    questions = part.lessons[2].quizzes[0].questions
    assert [q.model_answer for q in questions] == ["42 miles.", "18 miles.", "60 miles."]
    assert questions[2].prompt == "A carter goes from the town to the port and back. How far " \
        "does he travel?"
    assert "```" not in _md(part)


def test_a_lessons_questions_in_its_prose_stay_its_prose():
    part = _part(GEOGRAPHY)
    assert not part.lessons[3].quizzes
    assert "Why is it cold in winter? Why are the days short? The sun is low" in _md(part)


ITALIAN = """                        EASY ITALIAN LESSONS

                                   BY

                                G. WRITER




LESSON I.

NOUNS.

1. Italian nouns ending in _-o_ are mostly masculine, and those ending
in _-a_ are mostly feminine.

VOCABULARY.

  il gatto, the cat.           la porta, the door.
  il vino, the wine.           la strada, the street.

EXERCISE I.

1. Il gatto e la porta.

2. Il vino e la strada.

Translate into Italian:

1. The cat and the street.

2. The door and the wine.


LESSON II.

ADJECTIVES.

2. An adjective agrees with its noun: _il gatto nero_, _la porta nera_.

VOCABULARY.

  nero, black.                 bianco, white.

EXERCISE II.

1. Il gatto ---- (black).

2. La porta ---- (white).


KEY TO THE EXERCISES.

EXERCISE I.

1. The cat and the door. 2. The wine and the street.

EXERCISE II.

1. nero. 2. bianca.
"""


def test_a_key_at_the_end_headed_by_the_exercises_titles_goes_to_each():
    part = _part(ITALIAN)
    first, second = (lesson.quizzes[0].questions for lesson in part.lessons)
    assert [q.model_answer for q in second] == ["nero.", "bianca."]
    assert [q.model_answer for q in first[:2]] == ["The cat and the door.",
                                                   "The wine and the street."]
    assert not any(q.prompt in ("nero.", "bianca.") for lesson in part.lessons
                   for quiz in lesson.quizzes for q in quiz.questions)


def test_an_instruction_between_an_exercises_questions_heads_the_next_ones():
    part = _part(ITALIAN)
    questions = part.lessons[0].quizzes[0].questions
    assert [q.prompt for q in questions] == ["Il gatto e la porta.", "Il vino e la strada.",
                                             "The cat and the street.", "The door and the wine."]
    assert not questions[2].model_answer  # the key names 1 and 2 once: the first two
    assert "Translate into Italian:" in [p.text for p in part.lessons[0].quizzes[0].intro]


def test_the_books_key_does_not_outvote_the_lessons_titles():
    part = _part(ITALIAN)
    assert [lesson.title for lesson in part.lessons] == ["NOUNS.", "ADJECTIVES."]


PAPERS = """                   EXAMINATION PAPERS IN BOTANY

                    Set to Pupil Teachers, 1901.




PAPER I.

(Two hours are allowed.)

1. Describe the parts of a flower, and say what each part does for the
plant.

2. Why do the leaves of most plants turn towards the light?

3. Name three plants that climb.


PAPER II.

(Two hours are allowed.)

1. What is the use of the root hairs?

2. Why are many flowers brightly coloured?

3. True or false: a fern has seeds.


ANSWERS TO PAPER II.

1. They take in water and salts from the soil.

2. To draw the insects that carry their pollen.

3. False.
"""


def test_papers_numbered_on_divide_the_book_into_lessons():
    part = _part(PAPERS)
    assert [lesson.title for lesson in part.lessons] == ["PAPER I.", "PAPER II."]
    assert "Describe the parts of a flower" in _md(part)  # no title page swallowed it
    assert "(Two hours are allowed.)" in _md(part)  # a note under the line, not a title


def test_questions_over_their_answers_heading_make_a_quiz_without_a_cue():
    part = _part(PAPERS)
    assert not part.lessons[0].quizzes  # no key: its questions stay as they stand
    questions = part.lessons[1].quizzes[0].questions
    assert [q.model_answer for q in questions[:2]] == [
        "They take in water and salts from the soil.",
        "To draw the insects that carry their pollen."]
    assert questions[2].kind == QuestionKind.TRUE_FALSE and questions[2].correct == [1]


def test_division_words_that_skip_or_stand_beside_chapters_divide_nothing():
    skipping = PAPERS.replace("PAPER II.", "PAPER III.")
    assert len(_part(skipping).lessons) == 1
    chapters = "CHAPTER I\n\nPLANTS\n\n" + PAPERS.replace("PAPER II.", "CHAPTER II\n\nMORE")
    assert all(not lesson.title.startswith("PAPER") for lesson in _part(chapters).lessons)


def test_a_word_list_one_a_line_keeps_its_lines_and_heads_nothing():
    body = ITALIAN.replace("  nero, black.                 bianco, white.\n",
                           "nero, black.\nbianco, white.\nrosso, red.\nVERDE, GREEN.\n")
    part = _part(body)
    md = _md(part)
    assert "nero, black.\n" in md and "\nrosso, red.\n" in md
    assert "black. bianco" not in md
    assert not any(b.text == "VERDE, GREEN." for lesson in part.lessons for b in lesson.blocks
                   if type(b).__name__ == "Heading")


def test_a_short_wrapped_paragraph_is_still_joined():
    rule = "2. An adjective agrees with its noun: _il gatto nero_, _la porta nera_."
    wrapped = "An adjective agrees with its noun in gender and in number, and it\nstands after it."
    body = ITALIAN.replace(rule, wrapped)
    assert "in gender and in number, and it stands after it." in _md(_part(body))


FIRST_AID = """CHAPTER I.

BLEEDING.

Bleeding from a small wound is stopped by pressing a clean pad on the
wound and holding it there for some minutes, and a limb that still
bleeds is raised above the level of the heart.

EXERCISE 1.

1. How is bleeding from a small wound stopped?

2. What is done with a limb that still bleeds?

EXERCISE 2.

1. Where should the limb be raised to?

2. True or false: the pad is held for a few seconds only.

ANSWERS.

Exercise 1.--1. By pressing a clean pad on it. 2. It is raised.

Exercise 2.--1. Above the level of the heart. 2. False.


CHAPTER II.

BURNS.

A burn is cooled at once under cold running water for ten minutes or
more, and its blisters are never broken.
"""


def test_one_answers_heading_after_two_exercises_keys_each_by_its_label():
    first, second = _part(FIRST_AID).lessons[0].quizzes
    assert [q.model_answer for q in first.questions] == ["By pressing a clean pad on it.",
                                                         "It is raised."]
    assert second.questions[0].model_answer == "Above the level of the heart."
    assert second.questions[1].correct == [1]


PICTURES = """                         THE PICTURE READER

                                   BY

                                J. WRITER




CONTENTS

                                                    PAGE
   I. The Two Goats                                    3
  II. The Fox and the Crow                             5
 III. The Ant and the Grasshopper                      7
  IV. The Wind and the Sun                             9




I.

[Illustration: THE TWO GOATS ON THE BRIDGE.]

Two goats met on a narrow bridge over a deep river. Neither would go
back, and so they fought, and both fell into the water below.


II. The Fox and the Crow.

A crow sat in a tree with a piece of cheese in her beak, and a fox who
wanted it began to praise her fine voice until she opened her beak.


III. The Ant and the Grasshopper.

All summer the ant stored grain while the grasshopper sang, and when
the winter came the grasshopper had nothing to eat.


IV. The Wind and the Sun.

The wind blew hard to take a traveller's coat from him, but he held it
the tighter; the sun shone warm, and he took it off himself.
"""


def test_a_chapter_line_without_a_title_takes_its_title_from_the_contents():
    part = _part(PICTURES)
    assert [lesson.title for lesson in part.lessons] == [
        "The Two Goats", "The Fox and the Crow.", "The Ant and the Grasshopper.",
        "The Wind and the Sun."]
    assert "THE TWO GOATS ON THE BRIDGE." in _md(part)  # the caption stays, as a caption


FARM = """CHAPTER I.

THE SOIL.

[Pg 1]

Soil is rock that frost and rain have broken into fine grains, mixed
with the remains of plants.[1] A good soil holds water{2} and lets the
air reach the roots.

[Footnote 1: See the chapter on manures.]

                                    [Pg 2]

-----

Clay holds water longest and sand the shortest time of all.


CHAPTER II.

PLOUGHING.

The plough turns the soil over so that the weeds are buried.
"""


def test_printed_page_numbers_and_rules_go_and_footnotes_lose_their_brackets():
    part = _part(FARM)
    md = _md(part)
    assert "Pg" not in md and "{2}" not in md and "-----" not in md
    assert "holds water and lets the air reach the roots." in md
    assert "[1] See the chapter on manures." in md.replace("\\[", "[").replace("\\]", "]")
    assert [lesson.title for lesson in part.lessons] == ["THE SOIL.", "PLOUGHING."]


STARS = """CHAPTER I.

THE SUN.

The sun is the nearest star to the earth, and it gives us our light and
our heat.

QUESTIONS.

1. What is the nearest star?

2. What does the sun give us?


CHAPTER II.

THE MOON.

The moon goes round the earth once in about a month, and it shines only
by the light of the sun.

QUESTIONS.

3. How long does the moon take to go round the earth?

4. By what light does the moon shine?


ANSWERS TO THE QUESTIONS.

1. The sun.

2. Light and heat.

3. About a month.

4. By the light of the sun.
"""


def test_a_key_at_the_end_numbered_on_through_the_chapters_goes_to_each():
    part = _part(STARS)
    first, second = (lesson.quizzes[0].questions for lesson in part.lessons)
    assert [q.model_answer for q in first] == ["The sun.", "Light and heat."]
    assert [q.model_answer for q in second] == ["About a month.", "By the light of the sun."]
    assert "ANSWERS TO THE QUESTIONS" not in _md(part)


def test_questions_numbered_anew_in_each_chapter_keep_a_key_they_cannot_share():
    body = STARS.replace("3. How long", "1. How long").replace("4. By what", "2. By what")
    part = _part(body)
    assert not any(q.model_answer for q in part.lessons[0].quizzes[0].questions)


def _centred(text: str, width: int = 70) -> str:
    return "\n".join(line.strip().center(width).rstrip() if line.strip() else ""
                     for line in text.splitlines())


TREES = _centred("""TREE-PLANTING DAY

A PROGRAMME FOR SCHOOLS

BY

M. WRITER

THE SCHOOL BOOK COMPANY
NEW YORK AND CHICAGO""") + """


INTRODUCTION.

A day set apart each spring for planting trees teaches children to care
for the woods and the roadsides, and leaves something behind them that
will grow for a hundred years after they are gone.


""" + _centred("""A SONG FOR THE DAY.

Plant the oak upon the hill,
Plant the willow by the rill,
Plant the maple by the way,
Shade for travellers every day.
Plant the elm beside the door,
Shade for children evermore.""") + """


THE BEST TREES.

The oak, the maple and the elm are the best trees for a schoolyard, for
they grow tall and live long, and their roots do not lift the walks.
"""


def test_a_licensed_book_that_centres_its_lines_is_no_web_page():
    found = detect_family(raw_lines(_HEAD + TREES + _TAIL))
    assert found.family.name == "book"
    part = _part(TREES)
    headings = [b.text for lesson in part.lessons for b in lesson.blocks
                if type(b).__name__ == "Heading"]
    assert "INTRODUCTION." in headings and "THE BEST TREES." in headings


def test_no_cue_is_defined_twice():
    import ast

    from build_course.importer import cues
    tree = ast.parse(Path(cues.__file__).read_text(encoding="utf-8"))
    names = [t.id for node in tree.body if isinstance(node, ast.Assign)
             for t in node.targets if isinstance(t, ast.Name)]
    assert sorted({n for n in names if names.count(n) > 1}) == []


CAST = """[This e-text uses characters with macrons (ā ē ī ō ū); if they do not
show, set your reader to UTF-8.]


                        A SCHOOL PLAY IN LATIN

                                  By

                              N. WRITER




PERSONS OF THE PLAY

  Magister
  Marcus
  Quintus
  Servus


THE SCHOOLROOM

The benches stand in rows, and the boys play with nuts before the master
comes in and calls them to their places.

    Arma virumque cano, Troiae qui primus ab oris
    Italiam fato profugus Laviniaque venit
    litora, multum ille et terris iactatus et alto.
"""


def test_an_opening_bracketed_note_goes_and_the_title_page_with_it():
    part = _part(CAST)
    notes = "\n".join(d.message for d in part.diagnostics)
    md = _md(part)
    assert "UTF-8" not in md and "N. WRITER" not in md
    assert "transcriber's note that opens the e-text" in notes and "title page" in notes


def test_lines_of_an_indented_block_are_never_headings():
    part = _part(CAST)
    headings = [b.text for lesson in part.lessons for b in lesson.blocks
                if type(b).__name__ == "Heading"]
    assert not any(name in headings for name in ("Magister", "Marcus", "Servus"))
    assert "Arma virumque cano, Troiae qui primus ab oris" in _md(part)


PLAY = """                          THE MARKET SCENE

                                  By

                              O. WRITER




SCENE I.

The market place; stalls of fruit and bread. A boy comes in with a
basket on his arm.

_Puer._ Salve, mercator!

_Merc._ Salve, puer! Quid vis?

_Puer._ Panem volo.

_Merc._ Ecce panem! Duo asses.

_Puer._ Gratias tibi ago.

_Merc._ Vale!
"""


def test_one_line_speeches_of_a_play_are_never_headings():
    part = _part(PLAY)
    headings = [b.text for lesson in part.lessons for b in lesson.blocks
                if type(b).__name__ == "Heading"]
    assert not any(h.startswith(("Puer", "Merc")) for h in headings)
    assert "Panem volo." in _md(part)


def test_an_answers_label_with_a_dash_leaves_the_model_answer():
    body = """CHAPTER I.

THE HIVE.

1. What is a hive?

_Ans._--The house in which a colony of bees lives and stores its honey.

2. How many queens has a hive?

_Ans._--One queen only.

3. What do the workers do?

_Ans._--They gather nectar and build the comb.
"""
    questions = _part(body).lessons[0].quizzes[0].questions
    assert [q.model_answer[:9] for q in questions] == ["The house", "One queen", "They gath"]


ONE_CHAPTER = """LESSON XII.

THE PLOUGH.

The farmer rises early in the spring, for there is much to be done
before the ground is warm enough for the seed. He mends his fences,
cleans his tools and looks over the seed corn that he saved from the
last harvest, throwing out every ear that shows mould or rot.

When the frost is out of the ground he ploughs the fields, turning the
soil over so that the stubble of last year's crop is buried and rots
into food for the new one. The harrow follows the plough and breaks
the clods until the surface is fine and even.

In summer the crop must be kept free of weeds, for a weed takes from
the soil the water and the food that the young plants need, and the
farmer runs the cultivator between the rows every week.

QUESTIONS.

1. Why does the farmer look over his seed corn?

2. What does the harrow do?
"""


def test_one_chapter_cut_out_of_a_book_is_read_as_a_book():
    found = detect_family(raw_lines(ONE_CHAPTER))
    assert found.family.name == "book"
    text = ONE_CHAPTER
    part = import_text(SourceText(Path("ch12.txt"), text, "utf-8"), "ch12.txt")
    assert [lesson.title for lesson in part.lessons] == ["THE PLOUGH."]
    assert len(part.lessons[0].quizzes[0].questions) == 2
    assert "stubble of last year's crop is buried and rots into food" in _md(part)
    paged = ONE_CHAPTER.replace("QUESTIONS.", "\fQUESTIONS.")
    assert detect_family(raw_lines(paged)).family.name != "book"  # a PDF's page breaks


MCQ_ROW = ONE_CHAPTER.replace("""QUESTIONS.

1. Why does the farmer look over his seed corn?

2. What does the harrow do?
""", """REVIEW QUESTIONS.

1. The harrow follows the
   (a) cart   (b) plough   (c) cultivator

2. The weeds take from the soil its
   (a) water   (b) stones   (c) frost

3. The farmer mends his fences in the
   (a) winter   (b) summer   (c) spring

ANSWERS.

1. b      2. a
3. c
""")


def test_options_set_in_a_row_and_keys_in_a_row_are_no_table():
    part = import_text(SourceText(Path("ch12.txt"), MCQ_ROW, "utf-8"), "ch12.txt")
    questions = part.lessons[0].quizzes[0].questions
    assert [q.options for q in questions[:2]] == [["cart", "plough", "cultivator"],
                                                  ["water", "stones", "frost"]]
    assert [q.correct for q in questions] == [[1], [0], [2]]
    assert questions[0].prompt == "The harrow follows the"
    assert "```" not in _md(part)


def test_a_sentence_wrapped_narrow_beside_a_picture_is_still_one_paragraph():
    narrow = "[Illustration]\nA black cat sat\nupon the wall\nand watched\nthe birds all day.\n\n"
    body = ITALIAN.replace("VOCABULARY.\n\n  nero", narrow + "VOCABULARY.\n\n  nero")
    assert "A black cat sat upon the wall and watched the birds all day." in _md(_part(body))


def test_a_colon_line_over_a_quotation_is_a_sentence_whatever_its_last_word():
    body = ESSAYS.replace("One master of the craft put it plainly. Old Tobias Grant writes:",
                          "Tobias Grant to his Apprentice Walter:")
    body = body.replace("The old rhyme says:", 'In the rhyme of "The Miller:"').replace(
        "    Knead it well", '    "Knead it well')
    part = _part(body)
    headings = [b.text for lesson in part.lessons for b in lesson.blocks
                if type(b).__name__ == "Heading"]
    assert not any("Walter" in h or "Miller" in h for h in headings)


def test_a_heading_in_capitals_centred_over_two_lines_is_one_heading():
    text = ONE_CHAPTER.replace(
        "In summer the crop",
        "                     THE CARE OF THE CROP IN\n                          THE SUMMER MONTHS"
        "\n\nIn summer the crop")
    part = import_text(SourceText(Path("ch12.txt"), text, "utf-8"), "ch12.txt")
    headings = [b.text for b in part.lessons[0].blocks if type(b).__name__ == "Heading"]
    assert "THE CARE OF THE CROP IN THE SUMMER MONTHS" in headings
