"""The Markdown family on shapes found in other course tools' lesson files,
on small texts written for these tests (gardening, weather, pottery...)."""

from __future__ import annotations

from pathlib import Path

from build_course.diagnostics import review_list
from build_course.importer.importing import import_text
from build_course.model import SourceText


def _part(text: str, name: str = "t.txt"):
    return import_text(SourceText(Path(name), text, "utf-8"), name)


def test_a_short_page_that_opens_with_its_heading_is_markdown():
    text = ("# Further reading\n\n"
            "- [Growing tomatoes](https://example.org/tomatoes)\n"
            "- [Compost in small gardens](https://example.org/compost)\n"
            "- A seed catalogue from your local library\n")
    part = _part(text)
    assert part.family == "markdown"
    assert [lesson.title for lesson in part.lessons] == ["Further reading"]


def test_a_heading_later_in_a_plain_text_is_not_enough():
    text = ("Notes on clouds, written after the field trip.\n\n"
            "# 3 layers were seen\n\n"
            "See [the atlas](https://example.org/atlas) and [the glossary](https://example.org/g).\n")
    assert _part(text).family != "markdown"


def test_review_list_names_dropped_teacher_boxes_in_the_plural():
    text = ("# Pottery: glazing\n\n"
            "```{instructor-note}\nBring the kiln log.\n```\n\n"
            "Glaze is glass melted onto clay. Dip the pot for three seconds.\n\n"
            "```{instructor-note}\nShow a crawled glaze.\n```\n\n"
            "## Firing\n\nFire slowly to avoid cracks. Note the cone number.\n")
    messages = " ".join(d.message for d in review_list(_part(text).diagnostics))
    assert "dropped 2 lines as boxes for teachers" in messages


HANDS_ON = """# Weather station

## Setup

* [Station manual](https://example.org/manual)

## Exercises

!!! warning "Important"
    Do this part outdoors, away from walls.

### Reading the barometer

The barometer shows pressure in hectopascals. Note the value:

```sh
station read --pressure
```

**Exercise:** Read the pressure twice, an hour apart. Did it rise or fall? Why?

!!! info
    Log each reading:

    ```sh
    station log
    ```

??? success "Answer"
    It falls before rain: low pressure brings clouds.

Keep the log for a week.

**Question 2:** Which reading was the highest of the week?

??? success "Answer"
    The one on the clearest day.

### Wind

Face the vane into the wind and read the scale.
"""


def _code_blocks(part) -> list[str]:
    """The first lesson's code blocks, as Markdown."""
    return [b.text for b in part.lessons[0].blocks if type(b).__name__ == "RawMarkdown"]


def _review_words(part) -> str:
    """The part's review list, its messages joined."""
    return " ".join(d.message for d in review_list(part.diagnostics))


def _questions(part):
    return [q for lesson in part.lessons for quiz in lesson.quizzes for q in quiz.questions]


def test_a_labelled_task_before_an_answer_box_is_the_exercise_with_its_answer():
    part = _part(HANDS_ON)
    questions = _questions(part)
    assert [q.prompt for q in questions] == [
        "Read the pressure twice, an hour apart. Did it rise or fall? Why?",
        "Which reading was the highest of the week?"]
    assert questions[0].model_answer.startswith("It falls before rain")
    assert questions[1].model_answer == "The one on the clearest day."
    assert [quiz.title for quiz in part.lessons[0].quizzes] == ["Exercise", "Question 2"]
    text = "\n".join(b.text for b in part.lessons[0].blocks if hasattr(b, "text"))
    assert "Keep the log for a week." in text  # the text before the label stays in the lesson
    assert "low pressure brings clouds" not in text  # no answer shown in the lesson


def test_an_exercises_heading_over_sub_sections_is_a_section_not_a_quiz():
    part = _part(HANDS_ON)
    lesson = part.lessons[0]
    headings = [b.text for b in lesson.blocks if type(b).__name__ == "Heading"]
    assert headings == ["Setup", "Exercises", "Reading the barometer", "Wind"]
    assert all(q.prompt != "Important" for q in _questions(part))


def test_an_exercises_heading_over_numbered_exercises_still_makes_a_quiz():
    text = ("# Knots\n\nA knot holds by friction.\n\n## Exercises\n\n"
            "1. Tie a bowline. Which end is loaded?\n2. Tie a reef knot. Why does it slip?\n\n"
            "### Notes\n\nPractise with a thick rope.\n")
    assert len(_questions(_part(text))) == 2


def test_content_tabs_become_titled_text_and_icons_go():
    text = ("# Glazing at home\n\n## Mixing\n\n:material-flask: Mix the glaze:\n\n"
            '=== "Dipping"\n\n    Dip the pot for **three** seconds.\n\n'
            '=== "Brushing"\n\n    Brush three coats, each dry before the next.\n\n'
            "Let it dry overnight.\n\n"
            "**Exercise:** Which method gives an even coat?\n\n"
            '??? success "Answer"\n    Dipping.\n\n'
            '    === "Why"\n\n        One movement covers the pot.\n')
    part = _part(text)
    assert part.family == "markdown"
    lesson = part.lessons[0]
    texts = [b.text for b in lesson.blocks if hasattr(b, "text")]
    assert texts[:6] == ["Mixing", "Mix the glaze:", "Dipping", "Dip the pot for three seconds.",
                         "Brushing", "Brush three coats, each dry before the next."]
    assert not any("===" in t or ":material" in t for t in texts)
    answer = _questions(part)[0].model_answer
    assert "===" not in answer and "One movement covers the pot." in answer


def test_a_text_that_opens_with_a_heading_and_has_a_sub_heading_is_markdown():
    text = ("# Bird song\n\nMost songbirds sing at dawn.\n\n## Listening\n\n"
            "Sit still for ten minutes and count the voices you hear.\n")
    part = _part(text)
    assert part.family == "markdown"
    assert part.lessons[0].title == "Bird song"


MYST_TIDES = """---
kernelspec:
  name: python3
---

# Tides

## Bulges

:::{prf:definition} Tidal force
:label: def-tide

The pull on the near side minus the pull on the centre.
:::

:::{prf:theorem}
There are two bulges.
:::

```{list-table} Heights
:header-rows: 1

* - Port
  - Height
* - Brest
  - 7 m
```

One more sentence.
"""


def test_myst_list_table_is_a_table_and_proof_boxes_keep_their_kind():
    lesson = _part(MYST_TIDES).lessons[0]
    kinds = [type(b).__name__ for b in lesson.blocks]
    assert "ListBlock" not in kinds  # the table's rows are no list items
    table = next(b for b in lesson.blocks if type(b).__name__ == "RawMarkdown")
    assert table.text.splitlines() == ["| Port | Height |", "|---|---|", "| Brest | 7 m |"]
    texts = [b.text for b in lesson.blocks if type(b).__name__ == "Paragraph"]
    assert texts[:4] == ["Definition (Tidal force)",
                         "The pull on the near side minus the pull on the centre.",
                         "Theorem", "There are two bulges."]
    assert "Heights" in texts


EDX_RIVERS = """## Rivers

Rivers carry water from high ground to the sea.

>>What is the place where a river begins called?<<

= source
or= spring

---

>>Which of these carry sediment? Check all that apply.<<

[x] Floods
[ ] Droughts
[x] Meltwater

||Think of fast water.||

>>How long is the Thames in kilometres, roughly?<<

= 346 +- 10

The delta is where the river splits before the sea.
"""


def test_edx_text_answers_end_at_a_rule_and_hints_and_later_prose_stay_out_of_prompts():
    part = _part(EDX_RIVERS)
    questions = _questions(part)
    assert [q.prompt for q in questions] == [
        "What is the place where a river begins called?",
        "Which of these carry sediment? Check all that apply.",
        "How long is the Thames in kilometres, roughly?"]
    assert questions[0].model_answer == "source"
    assert questions[1].correct == [0, 2]
    markdown = "\n".join(b.text for b in part.lessons[0].blocks if hasattr(b, "text"))
    assert "||" not in markdown
    assert "The delta is where the river splits" in markdown


def test_template_variables_alone_in_a_paragraph_are_the_other_site_s_not_text():
    text = ("---\njupytext:\n  formats: md:myst\n---\n\n# Fractions\n\n"
            "{{ leftcol }}\n\nA fraction has a numerator and a `denominator`.\n\n"
            "{{ rightcol | replace(\"col\", \"col-4\") }}\n\nHalf of four is two.\n\n"
            "{{ endcols }} {% endset %}\n\nWrite {{ x }} in your notes.\n")
    lesson = _part(text).lessons[0]
    texts = [b.text for b in lesson.blocks if hasattr(b, "text")]
    assert texts == ["A fraction has a numerator and a denominator.", "Half of four is two.",
                     "Write {{ x }} in your notes."]


def test_display_math_lines_that_start_like_list_items_join_the_line_before():
    text = ("# Orbits\n\n## Energy\n\nThe energy of a satellite is\n\n$$\nE = \\frac{1}{2} m v^2\n"
            "- \\frac{G M m}{r}\n+ C % a constant\n- D\n$$\n\nwhere $r$ is the distance.\n\n"
            "- a list item stays\n")
    lesson = _part(text).lessons[0]
    math = next(b.text for b in lesson.blocks if type(b).__name__ == "RawMarkdown")
    # a TeX comment ends its line: what follows it must stay on a line of its own
    assert math.split("\n") == [
        "$$", "E = \\frac{1}{2} m v^2 - \\frac{G M m}{r} + C % a constant", "- D", "$$"]
    lists = [b for b in lesson.blocks if type(b).__name__ == "ListBlock"]
    assert [i.text for b in lists for i in b.items] == ["a list item stays"]


def test_code_cell_options_as_yaml_leave_the_code_and_removed_cells_go():
    text = ("---\nkernelspec:\n  name: python3\n---\n\n# Rainfall\n\n"
            "```{code-cell} ipython3\n---\nmystnb:\n  figure:\n    caption: Monthly rain\n"
            "tags: [hide-input]\n---\nplot(rain)\n```\n\n"
            "```{code-cell} ipython3\n:tags: [remove-cell]\nsecret_setup()\n```\n\n"
            "```{code-cell} ipython3\n---\ntags: [remove-input]\n---\nmake_table()\n```\n\n"
            "Rain falls mostly in winter.\n")
    part = _part(text)
    code = _code_blocks(part)
    assert code == ["```python\nplot(rain)\n```"]
    messages = _review_words(part)
    assert "code cell the page removes" in messages


def test_a_solution_box_headed_hint_helps_and_does_not_answer():
    text = ("---\ntitle: Knots\n---\n\n## Knots\n\nA knot holds by friction.\n\n"
            "::::::::::::::::::::::::::::::::::::: challenge\n\n## Which knot?\n\n"
            "Which knot joins two ropes of the same thickness?\n\n"
            ":::::::::::::::: solution\n\n## Hint\n\nThink of sailors.\n\n::::::::::::::::\n\n"
            ":::::::::::::::: solution\n\n## Solution\n\nThe reef knot.\n\n::::::::::::::::\n"
            ":::::::::::::::::::::::::::::::::::::::::::::::::::\n")
    question = _questions(_part(text))[0]
    assert question.model_answer == "The reef knot."
    assert "Think of sailors." in [b.text for b in question.body if hasattr(b, "text")]


WEBEX_BIRDS = """# Garden birds

## Identifying birds

Robins have a red breast. Wrens are small and brown.

`r hide("Show the code")`

Robins defend their gardens all year.

`r unhide()`

Answer the questions below:

* Which bird has a red breast? `r mcq(sample(c(answer = "Robin", "Wren", "Sparrow")))`
* A wren is larger than a robin. `r torf(FALSE)`
* How many eggs does a robin usually lay? `r fitb(c("5", "five"), width = 3)`
* Our count this year was `r nrow(birds)` birds.
* Birds that eat seeds `r mcq(c("are all large", answer = "have short beaks"))` in most cases.

`r hide()`

The robin, false, five.

`r unhide()`

## Feeding

Put out seeds in winter.
"""


def test_webexercises_inline_questions_and_hidden_boxes():
    part = _part(WEBEX_BIRDS, "birds.Rmd")
    questions = _questions(part)
    assert [(q.prompt, q.kind.value) for q in questions] == [
        ("Which bird has a red breast?", "single_choice"),
        ("A wren is larger than a robin.", "true_false"),
        ("How many eggs does a robin usually lay?", "open"),
        ("Birds that eat seeds ____ in most cases.", "single_choice")]
    assert questions[0].options == ["Robin", "Wren", "Sparrow"] and questions[0].correct == [0]
    assert questions[1].correct == [1]
    assert questions[2].model_answer == "5"
    assert questions[3].correct == [1]
    lesson = part.lessons[0]
    texts = [b.text for b in lesson.blocks if hasattr(b, "text")]
    assert "Our count this year was r nrow(birds) birds." in " ".join(
        i.text for b in lesson.blocks if type(b).__name__ == "ListBlock" for i in b.items)
    assert "Robins defend their gardens all year." in texts  # a box the button shows
    assert "The robin, false, five." not in " ".join(texts)  # hide(): a solution
    assert questions[3].explanation == "The robin, false, five."
    assert "Feeding" in texts


def test_quarto_and_r_markdown_files_in_source_are_source_texts(tmp_path):
    from build_course.build.pipeline import text_files

    for name in ("a.qmd", "b.Rmd", "c.markdown", "d.md", "e.R"):
        (tmp_path / name).write_text("# Tea\n\nBoil the water.\n", encoding="utf-8")
    assert [p.name for p in text_files(tmp_path)] == ["a.qmd", "b.Rmd", "c.markdown", "d.md"]


def test_a_prefixed_solution_class_is_a_solution():
    text = ("---\ntitle: Tea\nformat: html\n---\n\n## Brewing\n\nTea releases tannins.\n\n"
            "## Question\n\nExplain why black tea turns bitter if brewed too long.\n\n"
            "::: {.webex-solution}\nMore tannins dissolve.\n:::\n\nServe it hot.\n")
    part = _part(text, "tea.qmd")
    assert [(q.prompt, q.model_answer) for q in _questions(part)] == [
        ("Explain why black tea turns bitter if brewed too long.", "More tannins dissolve.")]
    texts = [b.text for b in part.lessons[0].blocks if hasattr(b, "text")]
    assert "More tannins dissolve." not in texts and "Serve it hot." in texts


def test_the_one_level_1_heading_is_the_title_even_when_it_names_practice():
    text = ("# Knots: let's practice\n\nA sailor ties a line to a ring.\n\n"
            "Which knot should the sailor use?\n\n"
            "```{admonition} Answer\n:class: tip, dropdown\n\n"
            "A round turn and two half hitches.\n```\n")
    part = _part(text)
    assert [lesson.title for lesson in part.lessons] == ["Knots: let's practice"]
    assert _questions(part)[0].model_answer == "A round turn and two half hitches."


def test_a_title_heading_over_plain_questions_still_heads_their_quiz():
    text = ("# Exercises\n\n1. Tie a `bowline`. Which end is loaded?\n"
            "2. Tie a `reef knot`. Why does it slip?\n")
    part = _part(text, "knots.md")
    assert [lesson.title for lesson in part.lessons] == ["Exercises"]
    assert len(_questions(part)) == 2


def test_tex_braces_are_no_gift_answers():
    text = ("# Fitting\n\n## The test\n\nThe statistic is\n\n"
            "$$\nD = \\sup_x |\\hat{F}(x) - F(x)|\n$$\n\n"
            "where $\\hat{F}$ is the empirical distribution and $A^{T}$ a transpose.\n\n"
            "We test $H_0: \\hat{F} \\sim F$ against $\\mathcal{F}$ and $x_{T}$.\n")
    assert _part(text).family == "markdown"


def test_a_solution_after_a_long_explanation_hides_behind_the_paragraph_before_it():
    text = ("# Levers\n\n## Moments\n\nA lever turns about its pivot.\n\n"
            "The moment is force times distance:\n\n$$\nM = F d\n$$\n\n"
            "Two children sit on a seesaw.\n\n"
            "Where must the lighter child sit? Show it:\n\n$$\nF_1 d_1 = F_2 d_2\n$$\n\n"
            "```{admonition} Answer\n:class: tip, dropdown\n\nFurther from the pivot.\n```\n\n"
            "## Pulleys\n\nA pulley changes a force's direction.\n")
    part = _part(text)
    questions = _questions(part)
    assert [q.prompt for q in questions] == ["Where must the lighter child sit? Show it:"]
    assert questions[0].model_answer == "Further from the pivot."
    texts = [b.text for b in part.lessons[0].blocks if hasattr(b, "text")]
    assert "Two children sit on a seesaw." in texts and "Further from the pivot." not in texts


def test_a_title_over_a_note_is_no_quiz_and_an_empty_exercise_box_asks_nothing():
    text = ("# Exercise 1: Mixing paint\n\n"
            "```{admonition} Exam information\n:class: tip, dropdown\n"
            "You will not mix paint in the exam.\n```\n\nConsider red and white paint.\n\n"
            "## Task 1\n\nWhat colour do you get?\n\n```{admonition} Solution\n:class: dropdown\n\n"
            "Pink.\n```\n\n:::{card} Quiz questions\n<iframe src=\"quiz.html\"></iframe>\n:::\n")
    part = _part(text)
    assert [lesson.title for lesson in part.lessons] == ["Exercise 1: Mixing paint"]
    assert [(q.prompt, q.model_answer) for q in _questions(part)] == [
        ("What colour do you get?", "Pink.")]


def test_an_included_file_s_code_block_goes_with_a_note():
    text = ("---\njupytext:\n  formats: md:myst\n---\n\n# Loops\n\n## Syntax\n\n"
            "Here is an example:\n\n"
            "```{literalinclude} ../examples/loop.py\n:linenos:\n```\n\n"
            "```{code-block} python\n:linenos:\nfor i in range(3):\n    print(i)\n```\n")
    part = _part(text)
    code = _code_blocks(part)
    assert code == ["```python\nfor i in range(3):\n    print(i)\n```"]
    messages = _review_words(part)
    assert "literalinclude ../examples/loop.py" in messages


LIA_PLANETS = """<!--
author: A. Teacher
-->

# Planets

## Quiz

Sort the planets:

[[gas giant] [rocky]]
[(X) ( )]  Jupiter
[( ) (X)]  Mars
[(X) ( )]  Saturn

Which is the largest?

[( )] Mars
[(X)] Jupiter
"""


def test_liascript_matrix_quiz_is_a_matching_question():
    questions = _questions(_part(LIA_PLANETS, "planets.md"))
    matrix = questions[0]
    assert (matrix.prompt, matrix.kind.value) == ("Sort the planets:", "matching")
    assert matrix.terms == ["Jupiter", "Mars", "Saturn"]
    assert matrix.options == ["gas giant", "rocky"] and matrix.correct == [0, 1, 0]
    assert questions[1].prompt == "Which is the largest?" and questions[1].correct == [1]


def test_a_matching_column_that_keys_several_terms_can_be_matched_as_often_in_qti():
    from lxml import etree

    from build_course.publish.export_qti import item

    matrix = _questions(_part(LIA_PLANETS, "planets.md"))[0]
    text = etree.tostring(item("q1", "Planets", matrix)).decode()
    assert 'identifier="text_1" matchMax="2"' in text
    assert 'identifier="text_2" matchMax="1"' in text
