"""Markdown of other course tools, as their lessons are really written:
kramdown challenges with their solutions, Carpentries challenges whose
solution names or judges numbered options, pandoc attribute lists. Texts
written for these tests (gardening, weather, cooking, astronomy)."""

from __future__ import annotations

from pathlib import Path

from build_course.build.rendering import render_lesson, render_quiz
from build_course.importer.importing import import_text
from build_course.importer.markdown_inline import marked
from build_course.model import SourceText


def _part(text: str, name: str = "t.md"):
    return import_text(SourceText(Path(name), text, "utf-8"), name)


def _questions(part):
    return [q for lesson in part.lessons for quiz in lesson.quizzes for q in quiz.questions]


def _lesson_text(part) -> str:
    return "\n".join(render_lesson(part, lesson).text for lesson in part.lessons)


# A kramdown challenge whose options list and nested solution end with a
# blank quote line (">"): markdown-it counts the blank lines after such a
# quote into it, so the class line no longer stands at the quote's end.
KRAMDOWN_GARDEN = """---
title: "Watering"
teaching: 10
exercises: 5
---

## When to water

Water early in the morning, when less is lost to the sun.

> ## Which plant needs least?
>
> Which of these plants needs the least water in summer?
>
> 1.  `basil`
> 2.  `lavender`
> 3.  `lettuce`
>
> > ## Solution
> >
> > **2** is correct. Lavender grows wild on dry hills.
> {: .solution}
>
{: .challenge}


> ## Mulch
>
> Why does a layer of mulch save water?
>
> > ## Solution
> > It keeps the sun off the soil, so less water evaporates.
> {: .solution}
>
{: .challenge}

## Tools

A watering can with a rose spreads the water gently.
"""


def test_kramdown_challenge_ending_in_a_blank_quote_line_keeps_its_solution():
    part = _part(KRAMDOWN_GARDEN)
    [lesson] = part.lessons
    assert [s.title for s in lesson.sections] == ["When to water", "Tools"]
    choice, open_ = _questions(part)
    assert choice.kind == "single_choice"
    assert choice.options == ["basil", "lavender", "lettuce"]
    assert choice.correct == [1]
    assert "Lavender grows wild" in choice.explanation and choice.model_answer is None
    assert open_.kind == "open"
    assert open_.model_answer == "It keeps the sun off the soil, so less water evaporates."
    text = _lesson_text(part)
    assert "Lavender" not in text and "evaporates" not in text  # answers stay off the lesson


# Carpentries Workbench challenges: a question with code before its numbered
# options; solutions that name the right option, or judge every option.
WORKBENCH_WEATHER = """---
title: Reading the Weather
teaching: 20
exercises: 10
---

## Pressure

Falling pressure often means rain is coming.

:::::::::::::::::::::::::::::::::::::::  challenge

## Reading a barometer

The barometer in the hall shows these readings over a morning:

```output
1012 hPa at 06:00
1004 hPa at 12:00
```

What weather should you expect this afternoon?

1. Clear skies
2. Rain
3. Snow in July

:::::::::::::::  solution

## Solution

Option 2 is the solution. A fall of eight hectopascals in six hours is fast.

:::::::::::::::::::::::::

::::::::::::::::::::::::::::::::::::::::::::::::::

:::::::::::::::::::::::::::::::::::::::  challenge

## Cloud names

Which of these are names of clouds?

1. `cumulus`
2. `barometer`
3. `cirrus`
4. `isobar`

:::::::::::::::  solution

## Solution

1. Yes: puffy fair-weather clouds.
2. No: it measures pressure.
3. Yes: thin high clouds of ice.
4. No: a line on a map joining equal pressures.

:::::::::::::::::::::::::

::::::::::::::::::::::::::::::::::::::::::::::::::

:::::::::::::::::::::::::::::::::::::::  challenge

## Steps to forecast

Put the forecast steps in order:

1. Read the barometer
2. Look at the sky

:::::::::::::::  solution

1. Look at the sky first.
2. Then read the barometer.

:::::::::::::::::::::::::

::::::::::::::::::::::::::::::::::::::::::::::::::
"""


def test_workbench_challenges_whose_solution_names_or_judges_numbered_options():
    barometer, clouds, steps = _questions(_part(WORKBENCH_WEATHER))
    assert barometer.kind == "single_choice"
    assert barometer.prompt.startswith("The barometer in the hall shows")
    assert barometer.options == ["Clear skies", "Rain", "Snow in July"]
    assert barometer.correct == [1]
    assert any("1004 hPa" in getattr(b, "text", "") for b in barometer.body)  # code stays
    assert clouds.kind == "multiple_choice"
    assert clouds.options == ["cumulus", "barometer", "cirrus", "isobar"]
    assert clouds.correct == [0, 2]
    assert "thin high clouds" in clouds.explanation
    # a numbered solution that is no verdict per option: an open question, as written
    assert steps.kind == "open" and not steps.options
    assert steps.model_answer.startswith("Look at the sky first.")


def test_a_solution_naming_no_option_leaves_the_question_open():
    text = WORKBENCH_WEATHER.replace("Option 2 is the solution.", "Rain, most likely.")
    barometer = _questions(_part(text))[0]
    assert barometer.kind == "open" and not barometer.correct
    assert barometer.model_answer.startswith("Rain, most likely.")


# pandoc attribute lists: after images, links and code, on spans, at the end
# of headings; reference links whose labels are defined in another file.
ATTRIBUTES_KITCHEN = """---
title: Knife Skills
teaching: 5
exercises: 0
---

## Holding the knife {#grip .unnumbered}

![](fig/grip.png){alt='A hand holding a chef knife by the blade'}

Pinch the blade with your thumb and finger, press [Ctrl]{.kbd} to zoom the
picture, and read the [safety notes][safety-notes] first. A list `xs[0][1]`
stays code, and `dice`{.verb} stays code too. Sets like {a, b} stay text.

## Cutting

Curl your fingers into a claw. See [the guide](https://example.org/knives){target="_blank"}.
"""


def test_pandoc_attribute_lists_and_unresolved_reference_links_leave_their_text():
    part = _part(ATTRIBUTES_KITCHEN)
    [lesson] = part.lessons
    assert [s.title for s in lesson.sections] == ["Holding the knife", "Cutting"]
    text = _lesson_text(part)
    assert "alt=" not in text and "{.kbd}" not in text and "{#grip" not in text
    assert "target=" not in text and "[safety-notes]" not in text
    assert "press Ctrl to zoom" in text and "read the safety notes first" in text
    assert "`xs[0][1]`" in text and "`dice`" in text and r"\{a, b\}" in text
    assert "[the guide](<https://example.org/knives>)" in text


def test_indexing_in_prose_is_no_reference_link():
    assert marked("the cell grid[row][col] and [1][2]")[0] == "the cell grid[row][col] and [1][2]"
    assert marked("see [the moons][moons] of Mars")[0] == "see the moons of Mars"


def test_numbered_choice_renders_on_the_quiz_page():
    part = _part(WORKBENCH_WEATHER)
    page = render_quiz(part, part.lessons[0]).text
    assert "Clear skies" in page and "1004 hPa" in page


# MyST: an exercise's text written inside its {exercise-start} fence (the
# fence left open after the options), with a hint directive in it.
MYST_STARS = """---
jupytext:
  text_representation:
    format_name: myst
---

# Star Brightness

## Magnitudes

A smaller magnitude means a brighter star.

## Exercises

```{exercise-start}
:label: star_ex1

Sirius has magnitude -1.46 and Vega 0.03. Which looks brighter?

```{hint}
:class: dropdown

Smaller is brighter.
```

```{exercise-end}
```

```{solution-start} star_ex1
:class: dropdown
```

Sirius, since its magnitude is smaller.

```{solution-end}
```
"""


def test_text_inside_a_gated_exercise_fence_is_the_exercise():
    [question] = _questions(_part(MYST_STARS))
    assert question.prompt == "Sirius has magnitude -1.46 and Vega 0.03. Which looks brighter?"
    assert question.model_answer == "Sirius, since its magnitude is smaller."
    assert "Smaller is brighter." in " ".join(getattr(b, "text", "") for b in question.body)


# Jekyll (the Carpentries' older lessons): Liquid marks in link targets,
# a link target wrapped onto the next line, template tag paragraphs.
JEKYLL_BIRDS = """---
title: "Counting Birds"
teaching: 10
exercises: 0
---
Count every bird you [identify]({{ page.root }}/reference/#identify) in ten
minutes, and keep your [tally]({{ page.root }}{% link tally.md %}) tidy.
The template mark `[x]({{ y }})` in code stays as it is.

![Tally sheet](
{{ page.root }}{% link fig/tally.png %})

![](fig/robin.png){alt='A robin: costs $5 to $10 to feed a year'}

{% if site.kind == "lesson" %}
{% include links.md %}
{% endif %}
"""


def test_jekyll_template_marks_leave_links_as_text_and_tag_lines_go():
    part = _part(JEKYLL_BIRDS)
    assert part.family == "markdown"
    text = _lesson_text(part)
    assert "you identify in ten minutes, and keep your tally tidy." in text
    assert "`[x]({{ y }})`" in text
    assert "page.root" not in text.replace("`[x]({{ y }})`", "") and "{%" not in text
    assert "alt=" not in text and "$5" not in text


def test_front_matter_and_a_template_tag_make_a_jekyll_page():
    part = _part("---\ntitle: Pond Life\nlayout: page\n---\nFrogs lay eggs in spring.\n\n"
                 "{% include links.md %}\n", "pond.txt")
    assert part.family == "markdown" and part.lessons[0].title == "Pond Life"
    assert "include" not in _lesson_text(part)


# An R learnr tutorial: exercise chunks with solution, hint and check chunks,
# a list of tasks each with its own exercise and solution, hidden chunks.
LEARNR_TIDES = '''---
title: "Tides with `R`"
output: learnr::tutorial
runtime: shiny_prerendered
---

```{r setup, include=FALSE}
library(learnr)
tides <- read.csv("tides.csv")
```

## High water

Tides rise twice a day. Print the first rows of the table:

```{r peek, exercise = TRUE}
head(tides)
```

Now keep only the rows above two metres.

```{r high, exercise = TRUE}

```

```{r high-solution}
subset(tides, height > 2)
```

```{r high-hint-1}
# use subset()
```

```{r high-check}
grade_this_code()
```

### Exercise 1

Use the chunks below to find the tides that

1. Came before noon

    ```{r ex1a, exercise = TRUE}

    ```
    ```{r ex1a-solution}
    subset(tides, hour < 12)
    ```

1. Were lower than one metre

    ```{r ex1b, exercise = TRUE}

    ```
    ```{r ex1b-solution}
    subset(tides, height < 1)
    ```

### Exercise 2

What pulls the water? Explain in a sentence.

```{r ex2, exercise = TRUE}

```

### Exercise 3

How many high tides were there in March?

```{r ex3, exercise = TRUE}

```

```{r ex3-solution}
nrow(subset(tides, month == 3 & height > 2))
```

```{r quiz, echo = FALSE}
question("Which bodies cause tides?",
  answer("The Moon", correct = TRUE),
  answer("The Sun", correct = TRUE),
  answer("Mars"),
  type = "multiple"
)
```
'''


def test_learnr_exercise_chunks_become_questions_with_their_solutions():
    part = _part(LEARNR_TIDES, "tides.Rmd")
    [lesson] = part.lessons
    assert lesson.title == "Tides with R"
    quizzes = [(q.title, [x.prompt for x in q.questions]) for q in lesson.quizzes]
    assert quizzes == [
        ("Question", ["Now keep only the rows above two metres."]),
        ("Exercise 1", ["Came before noon", "Were lower than one metre"]),
        ("Exercise 2", ["What pulls the water? Explain in a sentence."]),
        ("Exercise 3", ["How many high tides were there in March?",
                        "Which bodies cause tides?"])]
    keep, noon, low, pull, march, bodies = _questions(part)
    assert keep.model_answer == "subset(tides, height > 2)"
    assert (noon.model_answer, low.model_answer) == ("subset(tides, hour < 12)",
                                                     "subset(tides, height < 1)")
    assert pull.model_answer is None  # no solution chunk: nothing invented
    assert march.model_answer == "nrow(subset(tides, month == 3 & height > 2))"
    assert bodies.kind == "multiple_choice" and bodies.correct == [0, 1]
    assert lesson.quizzes[2].intro == [] and "Use the chunks below" in " ".join(
        getattr(b, "text", "") for b in lesson.quizzes[1].intro)
    text = _lesson_text(part)
    assert "head(tides)" in text and "Tides rise twice a day." in text
    for hidden in ("library(learnr)", "subset(", "grade_this_code", "use subset()"):
        assert hidden not in text
    dropped = [d.message for d in part.diagnostics if "hidden R chunk" in d.message]
    assert len(dropped) == 3  # setup, hint, check (the quiz chunk is its question)


# A LiaScript course: its header comment, narration and animation marks,
# options with list dashes, indented quizzes, selections, hints, solutions.
LIASCRIPT_BEES = """<!--
author:   A. Keeper
version:  0.2.0
language: en
narrator: UK English Female
comment:  Bees and their hives.
-->

# Keeping Bees

                     --{{0}}--
A hive holds one queen and thousands of workers.

      {{1}}
Workers gather nectar and pollen.

## Check yourself

Which of these live in a hive?

- [[X]] workers
- [[ ]] wasps
- [[X]] drones
[[?]] think of the colony's own members

How many queens lead one colony?

    [( )] two
    [(X)] one

What do bees make from nectar?

    [[honey]]
************************************************
Workers evaporate the nectar and seal it in wax cells.
************************************************

This frame is held up to the light:

```text
| comb | brood | honey |
```

[[ pollen | (brood) | wax ]]

Pick the season when swarms leave:

[[  winter
| ( late spring )
|   autumn
]]
"""


def test_liascript_course_quizzes():
    part = _part(LIASCRIPT_BEES)
    [lesson] = part.lessons
    assert lesson.title == "Keeping Bees" and part.family == "markdown"
    live, queens, honey, frame, swarm = _questions(part)
    assert (live.kind, live.options, live.correct) == ("multiple_choice",
                                                       ["workers", "wasps", "drones"], [0, 2])
    assert (queens.kind, queens.options, queens.correct) == ("single_choice", ["two", "one"], [1])
    assert (honey.kind, honey.model_answer) == ("open", "honey")
    assert "evaporate the nectar" in honey.explanation
    assert frame.prompt == "This frame is held up to the light:"
    assert (frame.options, frame.correct) == (["pollen", "brood", "wax"], [1])
    assert any("| comb | brood |" in getattr(b, "text", "") for b in frame.body)
    assert (swarm.options, swarm.correct) == (["winter", "late spring", "autumn"], [1])
    text = _lesson_text(part)
    assert "{{" not in text and "A hive holds one queen" in text
    assert "Workers gather nectar" in text and "colony's own members" not in text
    assert "author:" not in text


def test_an_indented_quiz_line_outside_a_liascript_course_is_code():
    text = ("# Writing Quizzes\n\n## Options\n\nA quiz line looks like this:\n\n"
            "    [[X]] a right option\n    [[ ]] a wrong one\n\n## Next\n\n"
            "Use `lia` to **preview** it, then [publish](https://example.org).\n")
    part = _part(text, "howto.txt")
    assert part.family == "markdown" and not _questions(part)
    assert "```\n[[X]] a right option\n[[ ]] a wrong one\n```" in _lesson_text(part)


def test_comment_lines_in_fenced_code_are_no_sections():
    text = ("---\ntitle: Building Images\nlayout: page\n---\n\n## The recipe\n\n"
            "A recipe file lists the steps:\n\n```\nFROM base:1\n## install the tools\n"
            "RUN setup --all\n### and clean up\n```\n\n## Running it\n\nStart the box.\n")
    [lesson] = _part(text).lessons
    assert [s.title for s in lesson.sections] == ["The recipe", "Running it"]


def test_an_r_chunk_header_with_backticks_still_opens_its_chunk():
    text = ('---\ntitle: Rainfall\noutput: learnr::tutorial\n---\n\n## Totals\n\n'
            '```{r fig1, echo = FALSE, fig.cap = "Monthly `rain` in mm"}\nplot(rain)\n```\n\n'
            '### Test yourself\n\n```{r quiz1, echo = FALSE}\n'
            'question("Which month is wettest here?",\n  answer("June"),\n'
            '  answer("November", correct = TRUE)\n)\n```\n')
    part = _part(text, "rain.Rmd")
    [question] = _questions(part)
    assert question.options == ["June", "November"] and question.correct == [1]
    assert "plot(rain)" not in _lesson_text(part)


# mkdocs-quiz as its current version writes it: options after a blank line,
# code in the question and in what follows the answer, fill-in blanks,
# annotation marks.
MKDOCS_QUIZ_TEA = """# Brewing Tea

## Water

Green tea wants water below boiling.

<quiz>
Which teas want water below boiling? <!-- (1)! -->

- [x] green
- [ ] black
- [x] white

Hotter water makes them bitter.
</quiz>

<quiz>
```python
steep(minutes=3)
```
The call above steeps the leaves for [[3]] minutes.

---
Longer makes the cup stronger:

```python
steep(minutes=5)
```
</quiz>

## Serving

Pour into warmed cups.
"""


def test_mkdocs_quiz_with_code_blanks_and_explanations():
    part = _part(MKDOCS_QUIZ_TEA)
    which, blank = _questions(part)
    assert which.prompt == "Which teas want water below boiling?"
    assert (which.kind, which.options, which.correct) == ("multiple_choice",
                                                          ["green", "black", "white"], [0, 2])
    assert which.explanation == "Hotter water makes them bitter."
    assert blank.kind == "open" and blank.model_answer == "3"
    assert blank.prompt == "The call above steeps the leaves for _____ minutes."
    assert [type(b).__name__ for b in blank.body] == ["RawMarkdown", "Paragraph"]
    assert "steep(minutes=5)" in blank.explanation_body[-1].text
    text = _lesson_text(part)
    assert "[[3]]" not in text and "quiz>" not in text and "(1)!" not in text
    page = render_quiz(part, part.lessons[0]).text
    assert "steep(minutes=3)" in page and "steep(minutes=5)" in page and "(1)!" not in page


def test_a_first_heading_that_repeats_the_front_matter_title_is_no_section():
    text = ("---\ntitle: Fractions\nlayout: lesson\n---\n\n# Fractions\n\n## Adding\n\n"
            "Make the denominators equal first: 1/2 + 1/3 = 5/6.\n\n## Exercises\n\n"
            "1. What is 1/2 + 1/4?\n2. Why must the denominators be equal?\n\n## Solutions\n\n"
            "1. 3/4\n2. Only parts of the same size can be counted together.\n")
    [lesson] = _part(text, "fractions.txt").lessons
    assert lesson.title == "Fractions"
    assert [s.title for s in lesson.sections] == ["Adding"]
    assert [q.model_answer for q in lesson.quizzes[0].questions] == [
        "3/4", "Only parts of the same size can be counted together."]
    other = text.replace("# Fractions\n", "# Adding Fractions\n")
    assert [s.title for s in _part(other, "f.txt").lessons[0].sections][0] == "Adding Fractions"


def test_edx_terms_with_their_definitions_are_a_matching_question():
    text = ("### Knots\n\nSailors tie a few knots again and again.\n\n#### Quiz 1\n\n"
            ">>Match each knot with its use.<<\n\nBowline : a fixed loop at the end of a line\n\n"
            "Cleat hitch : tying a line to a cleat\n\nReef knot : joining two ends of one line\n\n"
            "### Ropes\n\nRopes are laid or braided.\n")
    part = _part(text, "knots.txt")
    [question] = _questions(part)
    assert question.kind == "matching" and question.prompt == "Match each knot with its use."
    assert question.terms == ["Bowline", "Cleat hitch", "Reef knot"]
    assert [question.options[c] for c in question.correct] == [
        "a fixed loop at the end of a line", "tying a line to a cleat",
        "joining two ends of one line"]
    assert [s.title for s in part.lessons[0].sections] == ["Ropes"]
    ratio = _questions(_part(">>What is the ratio?<<\n\nspeed : distance over time\n\n= 5\n\n"
                             "## More\n\nText.\n\n## End\n\nText.\n", "r.txt"))[0]
    assert ratio.kind == "open" and ratio.model_answer == "5"
    assert ratio.prompt == "What is the ratio? speed : distance over time"


def test_an_html_line_break_keeps_the_words_apart():
    assert marked("**Tides**<br>Twice a day<BR/>in most places")[0] == \
        "Tides Twice a day in most places"


def test_myst_references_to_equations_and_citations_keep_their_labels():
    assert marked("the rate {eq}`growth-rate` holds")[0] == "the rate (growth-rate) holds"
    assert marked("as {cite}`lee2019` found")[0] == "as [lee2019] found"
    assert marked("{numref}`Figure %s <fig-orbit>` shows it")[0] == "Figure shows it"
    assert marked("inline {math}`a^2` stays")[0] == "inline $a^2$ stays"


def test_a_solution_that_marks_only_the_right_option_and_explains_the_others():
    text = WORKBENCH_WEATHER.replace(
        "1. Yes: puffy fair-weather clouds.\n2. No: it measures pressure.\n"
        "3. Yes: thin high clouds of ice.\n4. No: a line on a map joining equal pressures.",
        "1. Is correct: puffy fair-weather clouds.\n2. Measures pressure.\n"
        "3. Thin high clouds of ice, but not the answer here.\n4. A line on a map.")
    clouds = _questions(_part(text))[1]
    assert clouds.kind == "single_choice" and clouds.correct == [0]
    none = text.replace("1. Is correct: puffy", "1. Puffy")
    assert _questions(_part(none))[1].kind == "open"


SOIL = """# Soil Types

## Clay and sand

Clay holds water; sand drains it quickly. Loam mixes both.

## Exercises

### Exercise 1

Which soil drains fastest?

### Exercise 2

Why does clay crack in summer?

### Exercise 3

Think of a garden you know: which soil does it have?

## Solutions

### Solution to Exercise 1

Sand, because its grains are large.

### Solution to Exercise 2

It shrinks as it dries.
"""


def test_exercise_headings_take_their_answers_from_a_solutions_section():
    part = _part(SOIL, "soil.txt")
    [lesson] = part.lessons
    assert [s.title for s in lesson.sections] == ["Clay and sand"]
    [quiz] = lesson.quizzes
    assert quiz.title == "Exercises"
    drains, cracks, garden = quiz.questions
    assert (drains.model_answer, cracks.model_answer) == ("Sand, because its grains are large.",
                                                          "It shrinks as it dries.")
    assert garden.model_answer is None and garden.kind == "reflection"
    assert "grains are large" not in _lesson_text(part)


def test_a_solutions_section_naming_missing_exercises_stays_in_the_text():
    part = _part(SOIL.replace("Solution to Exercise 2", "Solution to Exercise 7"), "soil.txt")
    questions = _questions(part)
    assert all(q.model_answer is None for q in questions)
    assert [q.kind for q in questions] == ["open", "open", "reflection"]
    assert "It shrinks as it dries." in _lesson_text(part)
