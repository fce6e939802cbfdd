"""Lesson pages dumped by lynx and w3m: box labels, code labels, exercises.

A lesson site prints a box's kind as a label line over the box's own title
("Challenge" over "Counting the jars"), and a code block's language over the
block ("PYTHON", "OUTPUT"). Every text here is written for these tests
(pottery, beekeeping, a toy language), in the shapes lynx and w3m leave.
"""

from __future__ import annotations

from pathlib import Path

from build_course.diagnostics import Report
from build_course.importer.importing import import_text
from build_course.model import Heading, ListBlock, Paragraph, RawMarkdown, SourceText

LYNX_LESSON = """\
   Skip to main content
   (BUTTON) Menu
     * Clay Basics
     * Glazes
     __________________________________________________________________

Wedging and centring

   Clay has to be wedged before it goes on the wheel: wedging drives out
   the air and makes the clay the same all through.

Checking the clay

   Cut the block with a wire and look at the faces:

PYTHON

counts = check(block)
print(counts)

OUTPUT

Hello Clay
no bubbles

   Both faces should be smooth.
   Callout

Why does air matter?

   A bubble left in the clay grows in the kiln and can crack the pot
   open.
   Challenge

Counting the bubbles

   Wedge a small block and cut it twice.
    1. How many bubbles do you see on the first cut?
    2. Why are there fewer on the second cut?

   (BUTTON)

Show me the solution

    1. Usually three or four, near the edge of the block.
    2. Wedging pushed them out between the two cuts.

Centring

   Wet the clay and press it down with both palms while the wheel turns.
"""

W3M_LESSON = """\
Skip to main content

Bees in winter

A colony does not sleep through the cold: the bees cluster and shiver to keep the queen warm, and
they eat the honey stored in summer.

Feeding

Check the weight of the hive by lifting its back edge a little.

SHELL

 $ weigh --hive 3

OUTPUT

weight: 21 kg

If the hive feels light, give it fondant on the top bars.

Challenge

Is the hive heavy enough?

 1. What does a hive weigh in a good autumn?

 2. How much honey does a colony eat in one winter?

Show me the solution

 1. Around thirty kilograms, frames and bees included.

 2. Between ten and twenty kilograms, more in a long winter.

Note

Never open the hive on a cold day.

Spring

The cluster breaks up once the days are warm enough for the bees to fly.
"""


def _lesson(text: str):
    part = import_text(SourceText(Path("page.txt"), text, "utf-8"), "page.txt")
    assert part.family == "web"
    return part, part.lessons[0]


def _headings(lesson) -> list[str]:
    return [b.text for b in lesson.blocks if isinstance(b, Heading)]


def _words(lesson) -> str:
    """The text of the lesson's blocks, joined."""
    return " ".join(getattr(b, "text", "") for b in lesson.blocks)


def _code(lesson) -> list[str]:
    return [b.text for b in lesson.blocks if isinstance(b, RawMarkdown)]


def test_lynx_box_label_goes_and_its_title_is_no_section_even_when_it_asks():
    _, lesson = _lesson(LYNX_LESSON)
    headings = _headings(lesson)
    assert "Why does air matter?" in headings  # the box's heading...
    assert "Why does air matter?" not in [s.title for s in lesson.sections]  # ...no section
    assert not any("Why does air matter?" in c for c in _code(lesson))
    assert "Callout" not in headings and "Challenge" not in headings
    text = " ".join(getattr(b, "text", "") for b in lesson.blocks)
    assert "Callout" not in text and "Challenge" not in text


def test_lynx_code_labels_go_and_the_block_under_them_is_code():
    _, lesson = _lesson(LYNX_LESSON)
    headings = _headings(lesson)
    assert "PYTHON" not in headings and "OUTPUT" not in headings
    code = "\n".join(_code(lesson))
    assert "print(counts)" in code
    assert "Hello Clay" in code  # output that reads like a heading stays code


def test_lynx_challenge_label_makes_its_title_an_exercise_answered_item_by_item():
    _, lesson = _lesson(LYNX_LESSON)
    quiz = next(q for q in lesson.quizzes if q.title == "Counting the bubbles")
    assert [q.prompt for q in quiz.questions] == [
        "How many bubbles do you see on the first cut?",
        "Why are there fewer on the second cut?"]
    assert quiz.questions[0].model_answer.startswith("Usually three or four")
    assert quiz.questions[1].model_answer.startswith("Wedging pushed them out")
    assert "Counting the bubbles" not in [s.title for s in lesson.sections]
    assert "Centring" in [s.title for s in lesson.sections]


def test_w3m_labels_the_same_way():
    _, lesson = _lesson(W3M_LESSON)
    headings = _headings(lesson)
    assert "SHELL" not in headings and "OUTPUT" not in headings
    code = "\n".join(_code(lesson))
    assert "weigh --hive 3" in code and "weight: 21 kg" in code
    quiz = next(q for q in lesson.quizzes if q.title == "Is the hive heavy enough?")
    assert [q.model_answer.split(",")[0] for q in quiz.questions] == [
        "Around thirty kilograms", "Between ten and twenty kilograms"]


def test_a_box_label_over_a_sentence_is_left_alone():
    """"Note" over a line of advice is the box's own title over its text:
    nothing goes, and the advice stays text."""
    _, lesson = _lesson(W3M_LESSON)
    text = [getattr(b, "text", "") for b in lesson.blocks]
    assert "Never open the hive on a cold day." in text


def test_an_upper_case_word_over_prose_is_not_a_code_label():
    text = W3M_LESSON.replace(
        "SHELL\n\n $ weigh --hive 3\n\nOUTPUT\n\nweight: 21 kg\n",
        "WARNING\n\nBees sting when the hive is opened in the rain, so wait for a dry day and\n"
        "wear a veil.\n")
    _, lesson = _lesson(text)
    assert not any("wear a veil" in c for c in _code(lesson))


SPHINX_LYNX = """\
   #Index Search Kiln firing - a short course in ceramics

   Kiln firing
   ____________________

   The course
     * Loading
          + Shelves and posts
          + Cones
     * Firing
     * Cooling

   Kiln firing
     *
     * Loading
     * Edit on GitHub
     __________________________________________________________________

Loading

   Objectives
     * Place the shelves so that the heat moves freely
     * Read a cone after the firing

Shelves and posts

   Pots must not touch each other or the walls of the kiln: a glaze that
   runs will weld them together, and a pot against the wall fires unevenly.

# read the cone pack after the firing
cones = read_pack(kiln)

   The script prints each cone's bend, from `cone 04` to `cone 6`.

# the hottest shelf is usually the top one
hottest = max(cones)
print(f"`{hottest}` is the top")

   Each `cone` has a `number` pressed into it.
   Cones bend when the heat work is enough, not at one fixed temperature,
   which is why a slow firing bends them at a lower reading.

Cones

   A cone pack stands where it can be seen through the spy hole.

   Previous Next
     __________________________________________________________________

   © Copyright The Pottery Group.

   Built with Sphinx using a theme provided by Read the Docs.
"""


def test_code_comments_in_a_dump_do_not_make_it_markdown():
    """``# comment`` lines in a dump's code blocks are shaped as ATX
    headings; the page's furniture says it is a dump."""
    part, lesson = _lesson(SPHINX_LYNX)
    assert part.family == "web"
    assert "read the cone pack after the firing" not in _headings(lesson)


def test_lynx_link_line_goes_and_the_title_is_the_page_heading_above_its_objectives():
    _, lesson = _lesson(SPHINX_LYNX)
    assert lesson.title == "Loading"
    assert lesson.objectives == ["Place the shelves so that the heat moves freely",
                                 "Read a cone after the firing"]
    assert [s.title for s in lesson.sections] == ["Shelves and posts", "Cones"]
    words = _words(lesson)
    assert "#Index" not in words and "The course" not in words


def test_real_markdown_with_headings_and_marks_stays_markdown():
    text = ("# Glazes\n\nA glaze is `glass` on clay.\n\n## Mixing\n\nStir **well** and use a "
            "[sieve](https://example.org).\n\n## Applying\n\nDip the pot for `three` seconds.\n")
    part = import_text(SourceText(Path("page.txt"), text, "utf-8"), "page.txt")
    assert part.family == "markdown"


# ---- html2text (the C program: starred headings, no blank lines) -----------

H2T_LESSON = """\
Skip_to_main_content
[Pottery Club]
***** EPISODES *****
1._Clay
 Current Chapter  2. Throwing
    * Centring_the_clay
3._Glazing
===============================================================================
****** Throwing ******
Last updated on 2025-03-01 |
Edit_this_page
 Expand All Solutions
Centring the clay
===============================================================================
Wet the clay and press it down with both palms while the wheel turns, until it
runs true under your hands without any wobble.
BASH
$ wheel --speed 120
Callout
**** Keep your elbows in ****
Brace your elbows against your knees so that the clay moves and you do not.
Challenge
**** Opening the pot ****
How deep should the first hole go?
*** Show me the solution ***
Stop about a finger's width from the wheel head, so the base stays thick
enough.
Pulling the walls
===============================================================================
Squeeze the wall between two fingers and lift slowly, one pull per turn of the
wheel.
===============================================================================
This lesson is subject to the Code_of_Conduct
"""


def test_html2text_page_starts_at_its_level_1_heading_and_finds_its_ruled_headings():
    part, lesson = _lesson_of(H2T_LESSON, "html2text")
    assert lesson.title == "Throwing"
    assert [s.title for s in lesson.sections] == ["Centring the clay", "Pulling the walls"]
    words = _words(lesson)
    assert "EPISODES" not in words and "Edit" not in words and "Expand" not in words
    assert "BASH" not in words and "Callout" not in words and "Challenge" not in words


def test_html2text_labelled_challenge_is_an_exercise_with_its_solution():
    _, lesson = _lesson_of(H2T_LESSON, "html2text")
    [quiz] = lesson.quizzes
    assert quiz.title == "Opening the pot"
    [question] = quiz.questions
    assert question.prompt == "How deep should the first hole go?"
    assert question.model_answer.startswith("Stop about a finger's width")
    assert "Keep your elbows in" not in [s.title for s in lesson.sections]


def _lesson_of(text: str, family: str):
    part = import_text(SourceText(Path("page.txt"), text, "utf-8"), "page.txt")
    assert part.family == family
    return part, part.lessons[0]


# ---- a lesson page's overview card (lynx) ------------------------------------

CARD_LYNX = """\
   Skip to main content
     __________________________________________________________________

Smoking the hive

Overview

Questions

     * Why does smoke calm the bees?

Objectives

     * Light a smoker and keep it
       burning.
     * Open a hive without alarming the colony.

   Smoke hides the alarm scent that guard bees release, so the colony
   does not rush to defend the entrance when the roof comes off.

Lighting the smoker

   Start with paper, add dry grass, and pump the bellows until white
   smoke comes out steadily.
   Key Points
     * Cool white smoke, never hot flames.
     * Two puffs at the entrance, then wait a minute.

   Previous Next
"""


def test_overview_card_questions_and_closing_key_points_are_metadata_on_the_review_list():
    report = Report("page.txt")
    lesson = import_text(SourceText(Path("page.txt"), CARD_LYNX, "utf-8"), "page.txt",
                         report=report).lessons[0]
    assert lesson.title == "Smoking the hive"
    assert lesson.objectives == ["Light a smoker and keep it burning.",
                                 "Open a hive without alarming the colony."]
    assert [s.title for s in lesson.sections] == ["Lighting the smoker"]
    words = _words(lesson)
    assert "Why does smoke calm" not in words and "Cool white smoke" not in words
    assert not lesson.quizzes or not any(
        "smoke calm" in q.prompt for quiz in lesson.quizzes for q in quiz.questions)
    dropped = " ".join(i.message for i in report.items)
    assert "lesson metadata" in dropped and "Why does smoke calm" in dropped


def test_questions_and_key_points_without_an_objectives_card_stay():
    text = CARD_LYNX.replace("Objectives\n\n     * Light a smoker and keep it\n       burning.\n"
                             "     * Open a hive without alarming the colony.\n\n", "")
    _, lesson = _lesson(text)
    words = " ".join(getattr(b, "text", "") for b in lesson.blocks) + " ".join(
        item.text for b in lesson.blocks for item in getattr(b, "items", []))
    assert "Cool white smoke" in words


H2T_CARD = """\
****** Glazing ******
***** Overview *****
**** Questions ****
    * Why does a glaze crawl?
**** Objectives ****
    * Mix a glaze to the right
      thickness.
    * Dip a bisque pot evenly.
Sieve the glaze twice before you use it, and stir it again every few minutes
while you work.
Dipping
===============================================================================
Hold the pot by its foot and dip it for three seconds.
***** Prerequisites *****
    * A bisque-fired pot
    * A bucket of glaze
Keep the bucket covered between sessions.
Key Points
    * Sieve twice, stir often.
===============================================================================
"""


def test_html2text_overview_card_and_key_points_are_metadata_prerequisites_stay():
    report = Report("page.txt")
    part = import_text(SourceText(Path("page.txt"), H2T_CARD, "utf-8"), "page.txt",
                       report=report)
    assert part.family == "html2text"
    [lesson] = part.lessons
    assert lesson.objectives == ["Mix a glaze to the right thickness.",
                                 "Dip a bisque pot evenly."]
    assert [s.title for s in lesson.sections] == ["Dipping", "Prerequisites"]
    items = [item.text for b in lesson.blocks for item in getattr(b, "items", [])]
    assert items == ["A bisque-fired pot", "A bucket of glaze"]
    dropped = " ".join(i.message for i in report.items)
    assert "Why does a glaze crawl?" in dropped and "Overview" in dropped


# ---- docs pages: code that looks like furniture, the footer's tail -----------

DOCS_LYNX = """\
   Skip to content
     * Home
     * Guide
     __________________________________________________________________

Keeping notes

   Notes are plain text files, one per topic, kept in a folder of their
   own so that every tool can read them.

Joining notes

   Join every note into one file, and keep a table of their sizes:
cat intro.txt tools.txt > all.txt
Name  | Lines
----- | -----
intro | 12

   The joined file is what you print.
     __________________________________________________________________

   Copyright © 2024 The Notes Project.

   Documentation built with a generator.

Search

   (BUTTON) ×Close

   From here you can search these documents. Enter your search terms
   below.
"""


def test_a_shell_redirect_and_a_table_in_code_are_not_navigation_bars():
    _, lesson = _lesson(DOCS_LYNX)
    code = "\n".join(_code(lesson))
    assert "cat intro.txt tools.txt > all.txt" in code
    assert "Name | Lines" in code.replace("  ", " ") or "Name  | Lines" in code


def test_what_follows_the_footer_under_its_rule_goes():
    _, lesson = _lesson(DOCS_LYNX)
    assert [s.title for s in lesson.sections] == ["Joining notes"]
    words = _words(lesson)
    assert "search these documents" not in words and "Copyright" not in words


def test_html2text_heading_loses_its_permalink_glyph_and_the_footer_tail_goes():
    text = ("***** Pages *****\n****** Keeping notes\uf0c1 ******\nNotes are plain text "
            "files, one per topic, kept in a folder of their own.\n***** Joining notes "
            "\uf0c1 *****\nJoin them into one file before you print it, so that the pages "
            "come out in order.\n" + "=" * 79 + "\nCopyright © 2024 The Notes Project.\n"
            "*** Search ***\nFrom here you can search these documents.\n")
    part, lesson = _lesson_of(text, "html2text")
    assert lesson.title == "Keeping notes"
    assert [s.title for s in lesson.sections] == ["Joining notes"]
    words = _words(lesson)
    assert "search these documents" not in words


# ---- older lesson pages (Jekyll): overview with timings, boxed challenges ----

JEKYLL_LYNX = """\
   (BUTTON) Toggle navigation Home
     * Setup
     * Episodes

   previous episode

Kiln Club

   next episode

Reading kiln logs

Overview

   Teaching: 20 min
   Exercises: 10 min
   Questions
     * What does a kiln log record?

   Objectives
     * Read the peak temperature from a log.

   A kiln controller writes one line per minute while it fires, and the
   log is the first thing to read when a firing goes wrong.
log = read_log("firing.txt")
peak(log)

ValueError: no readings after minute 90

   The controller stopped writing at minute ninety, so the peak is
   unknown.

Reading a log

     Look at the log of a firing that cracked two pots, then answer the
     questions below:
    1. At which minute did the temperature stop rising?
    2. Which segment of the schedule was running then?

Solution

    1. At minute seventy, when the kiln reached its soak temperature.
    2. The second segment, the slow climb.

Cooling

   Let the kiln cool below a hundred degrees before you open it.
     __________________________________________________________________

   Copyright © 2024 Kiln Club

   Edit on GitHub / Contributing / Source
"""


def test_jekyll_lynx_title_is_the_page_heading_above_overview_timings_and_questions():
    _, lesson = _lesson(JEKYLL_LYNX)
    assert lesson.title == "Reading kiln logs"
    assert lesson.objectives == ["Read the peak temperature from a log."]
    words = _words(lesson)
    assert "Teaching" not in words and "What does a kiln log record?" not in words


def test_an_error_message_at_lynx_margin_is_code_not_a_heading():
    _, lesson = _lesson(JEKYLL_LYNX)
    assert "ValueError: no readings after minute 90" not in _headings(lesson)
    assert [s.title for s in lesson.sections] == ["Cooling"]


def test_a_boxed_challenge_whose_next_title_is_its_solution_is_an_exercise():
    _, lesson = _lesson(JEKYLL_LYNX)
    [quiz] = lesson.quizzes
    assert quiz.title == "Reading a log"
    assert [q.model_answer.split(",")[0] for q in quiz.questions] == [
        "At minute seventy", "The second segment"]


def test_w3m_boxed_challenge_with_its_solution_inside_is_an_exercise():
    text = ("Skip to content\n\nWheel care\n\nClean the wheel head after every session, while "
            "the slip is still soft and comes away with a sponge.\n\n"
            "    Drying the splash pan\n\n    Why should the splash pan be emptied before the "
            "slip in it dries?\n\n        Solution\n\n        Dry slip turns to dust, and clay "
            "dust is bad to breathe.\n\nStoring tools\n\nKeep the tools in a dry box so that "
            "the wire does not rust.\n")
    _, lesson = _lesson(text)
    [quiz] = lesson.quizzes
    assert quiz.title == "Drying the splash pan"
    assert quiz.questions[0].model_answer.startswith("Dry slip turns to dust")


H2T_JEKYLL = """\
Toggle navigation     Home
    * Setup
****** Firing schedules ******
     ***** Overview *****
     Teaching: 10 min
     Objectives
         * Write a bisque schedule.
***** Ramps *****
A schedule is a list of ramps, each a rate of climb and a temperature to
hold.
     ***** Reading a schedule *****
     How long does the first ramp of this schedule take?
     ramp(rate=100, target=600)
     -------------------------------------------
     RampError: rate too high for this kiln
          ***** Solution *****
          Six hours: six hundred degrees at one hundred an hour.
          ramp(rate=100, target=600)
     ***** Key Points *****
         * Ramps climb, holds soak.
**** previous_episode ****
**** next_episode ****
*** Copyright © 2024 Kiln Club ***
                *** Edit_on_GitHub / Contributing / Source ***
"""


def test_html2text_box_holding_a_solution_is_an_exercise_and_its_rule_is_its_text():
    _, lesson = _lesson_of(H2T_JEKYLL, "html2text")
    [quiz] = lesson.quizzes
    assert quiz.title == "Reading a schedule"
    [question] = quiz.questions
    assert question.prompt.startswith("How long does the first ramp")
    assert question.model_answer.startswith("Six hours")


def test_html2text_footer_of_starred_links_and_copyright_goes():
    _, lesson = _lesson_of(H2T_JEKYLL, "html2text")
    assert [s.title for s in lesson.sections] == ["Ramps"]
    words = _words(lesson)
    assert "episode" not in words and "Copyright" not in words


def test_a_paragraph_that_starts_with_a_plus_sign_is_no_list_item():
    text = ("Skip to content\n\nJoining strings\n\n"
            "+ usually adds numbers, but between two strings it joins them, so that the\n"
            "   text of both comes out as one longer string.\n\n"
            "   Try it with two words of your own before going on.\n")
    text = text.replace("\n+ usually", "\n   + usually")
    _, lesson = _lesson(text)
    first = next(b for b in lesson.blocks if isinstance(b, Paragraph))
    assert first.text.replace("\u00a0", " ").startswith("+ usually adds numbers, but between")
    assert first.text.endswith("comes out as one longer string.")
    assert not any(getattr(b, "items", None) for b in lesson.blocks)


def test_w3m_hint_stays_in_its_exercise_and_a_one_line_output_is_code():
    text = W3M_LESSON.replace(
        "OUTPUT\n\nweight: 21 kg\n", "OUTPUT\n\nThe hive is heavy enough!\n").replace(
        "Show me the solution", "Hint: a full super weighs about fifteen kilograms\n\n"
        "Show me the solution")
    _, lesson = _lesson(text)
    assert "OUTPUT" not in _headings(lesson)
    assert any("The hive is heavy enough!" in c for c in _code(lesson))
    quiz = next(q for q in lesson.quizzes if q.title == "Is the hive heavy enough?")
    assert quiz.questions[1].model_answer.startswith("Between ten and twenty")
    assert not any(h.startswith("Hint") for h in _headings(lesson))


JEKYLL_W3M = """\
Toggle navigation Home

  • Setup
  • Episodes
      □ Clay
      □ Glazes

[                    ]
previous episode

Kiln Club

next episode

Loading the kiln

    Overview

    Teaching: 20 min
    Exercises: 0 min
    Questions
      □ How full can a kiln be?

    Objectives
      □ Load shelves so that the heat moves freely between them, and the
        pots do not touch.

Shelves

Put the heaviest pots on the lowest shelf, where the kiln heats most slowly and the
shelf is best supported, and keep a finger's width between any two pots.
The shelves stand on three posts each, never four, so that they cannot rock when the
kiln expands as it heats.

Posts

Use posts of one height on each shelf, and check them for cracks before every firing.
"""


def test_w3m_jekyll_page_is_a_web_page_titled_above_its_indented_overview():
    _, lesson = _lesson(JEKYLL_W3M)
    assert lesson.title == "Loading the kiln"
    assert lesson.objectives == ["Load shelves so that the heat moves freely between them, "
                                 "and the pots do not touch."]
    assert [s.title for s in lesson.sections] == ["Shelves", "Posts"]


def test_a_challenge_of_numbered_steps_and_one_solution_is_one_task():
    text = LYNX_LESSON.replace(
        "   Wedge a small block and cut it twice.\n"
        "    1. How many bubbles do you see on the first cut?\n"
        "    2. Why are there fewer on the second cut?\n",
        "    1. Wedge a small block of clay.\n    2. Cut it twice with the wire.\n"
        "    3. Count the bubbles on each face.\n").replace(
        "    1. Usually three or four, near the edge of the block.\n"
        "    2. Wedging pushed them out between the two cuts.\n",
        "   Fewer bubbles on the second face: wedging pushed them out.\n")
    _, lesson = _lesson(text)
    quiz = next(q for q in lesson.quizzes if q.title == "Counting the bubbles")
    [question] = quiz.questions
    assert "Wedge a small block" in question.prompt and "Count the bubbles" in question.prompt
    assert question.model_answer.startswith("Fewer bubbles")


def test_html2text_list_goes_on_past_item_999_and_a_year_stays_text():
    items = "\n".join(f"   {n}. Count {n} aloud" for n in range(996, 1003))
    text = (f"****** Counting drills ******\n***** Large numbers *****\nSay each number "
            f"aloud, slowly and clearly.\n{items}\n2024. That year the drill was set.\n"
            f"***** Small numbers *****\nStart again from one.\n")
    _, lesson = _lesson_of(text, "html2text")
    [numbers] = [b for b in lesson.blocks if getattr(b, "items", None)]
    assert [item.number for item in numbers.items] == list(range(996, 1003))
    assert any(getattr(b, "text", "").startswith("2024. That year") for b in lesson.blocks)


def test_an_exercise_with_two_numbered_solutions_keeps_both_as_its_answer():
    text = W3M_LESSON.replace(
        "Show me the solution\n\n 1. Around thirty kilograms, frames and bees included.\n\n"
        " 2. Between ten and twenty kilograms, more in a long winter.\n",
        "Solution 1\n\nWeigh the hive with a luggage scale at its back edge.\n\n"
        "Solution 2\n\nCompare it by hand with an empty hive of the same size.\n").replace(
        " 1. What does a hive weigh in a good autumn?\n\n"
        " 2. How much honey does a colony eat in one winter?\n",
        "How can you tell that a hive has enough stores for the winter?\n")
    _, lesson = _lesson(text)
    quiz = next(q for q in lesson.quizzes if q.title == "Is the hive heavy enough?")
    [question] = quiz.questions
    assert "luggage scale" in question.model_answer and "empty hive" in question.model_answer
    assert not any(h.startswith("Solution") for h in _headings(lesson))


def test_html2text_labelled_challenge_with_hint_two_solutions_and_output_labels():
    text = H2T_LESSON.replace(
        "How deep should the first hole go?\n*** Show me the solution ***\n",
        "How deep should the first hole go?\n*** Hint ***\nFeel for the wheel head.\n"
        "*** Solution 1 ***\nOUTPUT\nstop here, about one finger above the wheel\n"
        "*** Solution 2 ***\n").replace(
        "Callout\n**** Keep your elbows in ****",
        "Discussion\n**** Keep your elbows in ****")
    _, lesson = _lesson_of(text, "html2text")
    [quiz] = lesson.quizzes  # the discussion box stays lesson content
    [question] = quiz.questions
    assert "stop here, about one finger" in question.model_answer
    assert "OUTPUT" not in question.model_answer
    assert "Stop about a finger's width" in question.model_answer
    assert "Keep your elbows in" in " ".join(getattr(b, "text", "") for b in lesson.blocks)


def test_w3m_note_label_over_its_text_is_a_bold_line_not_a_section():
    text = W3M_LESSON.replace(
        "Note\n\nNever open the hive on a cold day.\n",
        "Note\n\nNever open the hive on a cold day, because the cluster loses the warmth it "
        "needs.\n")
    _, lesson = _lesson(text)
    assert "Note" in _headings(lesson) and "Note" not in [s.title for s in lesson.sections]
    assert "Spring" in [s.title for s in lesson.sections]
    quiz = next(q for q in lesson.quizzes if q.title == "Is the hive heavy enough?")
    assert "cluster" not in quiz.questions[-1].model_answer  # the note ends the exercise


def test_a_callout_after_a_challenge_stays_in_the_lesson():
    text = LYNX_LESSON.replace(
        "Centring\n\n   Wet the clay",
        "   Callout\n\nWhy wet the clay?\n\n   Dry clay drags on the hands and pulls the pot "
        "off the\n   centre of the wheel.\n\nCentring\n\n   Wet the clay")
    _, lesson = _lesson(text)
    quiz = next(q for q in lesson.quizzes if q.title == "Counting the bubbles")
    assert all("Dry clay drags" not in q.model_answer for q in quiz.questions)
    assert any("Dry clay drags" in getattr(b, "text", "") for b in lesson.blocks)


# ---- a blog post's furniture above its comments (html2text) ------------------

H2T_BLOG_POST = """\
Skip_to_content
Kitchen_Basics
Menu
    * Home
    * Recipes
****** Proving Bread Dough at Home ******
Posted on March 3, 2026 by Sam_Ortiz
Previous Overview:_Baking Next
Proving gives the yeast time to fill the dough with gas, so the loaf rises in
the oven instead of baking into a dense brick.
***** Where to prove *****
A warm, draught-free spot works best: an oven with only its light switched on
keeps the dough at about thirty degrees.
**** Share this: ****
    * Facebook
    * Email
***** Post navigation *****
Previous_post:_Choosing_a_flour
Next_post:_Shaping_a_round_loaf
***** 2 thoughts on “Proving Bread Dough at Home” *****
   1. Lee says:
      My kitchen is cold, the oven trick works.
"""


def test_html2text_post_links_and_share_buttons_go_with_the_headings_they_leave_empty():
    part, lesson = _lesson_of(H2T_BLOG_POST, "html2text")
    assert lesson.title == "Proving Bread Dough at Home"
    assert [b.text for b in lesson.blocks if isinstance(b, Heading)] == ["Where to prove"]
    words = _words(lesson) + " ".join(
        item.text for b in lesson.blocks if isinstance(b, ListBlock) for item in b.items)
    for furniture in ("Share", "Facebook", "Email", "Post navigation", "Previous", "Next",
                      "Overview", "Lee says"):
        assert furniture not in words, furniture
    assert "draught-free spot" in words
