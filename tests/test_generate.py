"""Generated self-checks: made from a lesson's own structure, sound, marked,
deterministic, and under the author's control. Lessons written for the test
(gardening, bookkeeping, first aid)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from build_course.build.rendering import render_lesson, render_quiz
from build_course.cli import main
from build_course.importer.importing import import_text
from build_course.model import Part, SourceText
from build_course.quiz.generate import MIN_WORDS, _pools, generate_self_checks
from build_course.quiz.named_lists import named_lists, which_questions
from build_course.quiz.syntax import parse_blocks

FILLER = ("Keep notes of what you do each week, and look back at them at the end of the "
          "season to see what worked and what did not work in your own garden.\n\n")

GARDEN = f"""Growing Vegetables at Home

Planning the Beds

A bed one metre wide can be reached from both sides without stepping on the soil.

{FILLER * 4}

Every bed needs these things to do well through the summer:

- Six hours of sun on most days
- Soil that drains after heavy rain
- Water close at hand for dry spells

Feeding the Soil

Compost feeds the soil with what the kitchen and garden throw away.

{FILLER * 4}

“The nation that destroys its soil destroys itself.” – Franklin Roosevelt, President

Useful Words

Mulch – a layer of straw or bark laid on the soil to keep water in
Tilth – the crumbly state of soil that is ready for sowing seed
Humus – the dark part of the soil made from rotted plant matter
Loam – soil with a balance of sand, silt and clay particles

Watering Well

Deep watering twice a week beats a light sprinkle every evening.

{FILLER * 4}
"""

LEDGER = f"""Keeping the Books

Why Records Matter

A business that keeps no records cannot tell whether it makes money.

{FILLER * 4}

“Beware of little expenses; a small leak will sink a great ship.” – Benjamin Franklin, Printer

“Never take your eyes off the cash flow: it is the lifeblood.” – Richard Branson, Founder

Terms of the Trade

Asset – something the business owns that has a value in money
Liability – a debt the business owes to a supplier or a bank
Equity – what would be left for the owners after every debt is paid
Accrual – income or cost counted when earned, not when the cash moves

Closing the Month

At the end of each month the books are balanced and checked.

{FILLER * 4}
"""

FIRST_AID = """Treating a Small Burn

Cool the burn under cold running water for twenty minutes.

Exercises

1. How long should a burn be cooled?
2. What should you never put on a burn?

Answers

1. Twenty minutes.
2. Ice or butter.
"""


def _part(text: str, name: str) -> Part:
    part = import_text(SourceText(Path(name), text, "utf-8"), name)
    part.display = name
    return part


def _generated(part: Part) -> list:
    return [q for lesson in part.lessons for quiz in lesson.quizzes for q in quiz.questions
            if q.generated]


def _course() -> list[Part]:
    parts = [_part(GARDEN, "garden.txt"), _part(LEDGER, "ledger.txt")]
    generate_self_checks(parts, lambda part: True)
    return parts


def test_the_test_lessons_are_long_enough():
    assert all(len(text.split()) >= MIN_WORDS for text in (GARDEN, LEDGER))


def test_a_lesson_without_exercises_gets_a_marked_self_check_with_places():
    garden, _ = _course()
    questions = _generated(garden)
    assert 3 <= len(questions) <= 5
    assert all(q.generated and q.see for q in questions)
    [lesson] = garden.lessons
    assert lesson.quizzes[0].title == "Self-check"
    page = render_lesson(garden, lesson).text
    assert "](growing-vegetables-at-home-quiz.md)" in page  # the lesson links to it


def test_term_questions_have_one_right_term_and_other_terms_as_distractors():
    garden, ledger = _course()
    terms = {"Mulch", "Tilth", "Humus", "Loam", "Asset", "Liability", "Equity", "Accrual"}
    explained = {"Mulch": "straw or bark", "Tilth": "crumbly", "Humus": "rotted plant",
                 "Loam": "sand, silt", "Asset": "owns", "Liability": "debt the business owes",
                 "Equity": "left for the owners", "Accrual": "when earned"}
    found = [q for q in _generated(garden) + _generated(ledger) if "Which term" in q.prompt]
    assert found
    for q in found:
        [right] = q.correct
        assert q.options[right] in terms and explained[q.options[right]] in q.prompt
        assert set(q.options) <= terms and len(set(q.options)) == len(q.options) >= 3
        for i, option in enumerate(q.options):  # no distractor is also true
            assert i == right or explained[option] not in q.prompt


def test_a_quote_asks_who_said_it_among_the_course_s_quoted_people():
    _, ledger = _course()
    [q] = [q for q in _generated(ledger) if "Who does the lesson quote" in q.prompt
           and "little expenses" in q.prompt]
    assert q.options[q.correct[0]] == "Benjamin Franklin"
    assert set(q.options) == {"Benjamin Franklin", "Richard Branson", "Franklin Roosevelt"}


def test_a_named_list_asks_for_its_points_with_the_list_as_answer():
    garden, _ = _course()
    [q] = [q for q in _generated(garden) if "lists 3 points" in q.prompt]
    assert q.kind == "open" and "Every bed needs these things" in q.prompt
    assert q.model_answer == ("Six hours of sun on most days; Soil that drains after heavy "
                              "rain; Water close at hand for dry spells")
    assert q.see == "Planning the Beds"


def test_a_blank_is_a_word_of_the_heading_in_the_section_s_first_sentence():
    garden, _ = _course()
    blanks = [q for q in _generated(garden) if q.prompt.startswith("Fill in the blank")]
    assert blanks
    for q in blanks:
        sentence = q.prompt.split("“", 1)[1].rstrip("”")
        assert "_____" in sentence and q.model_answer.lower()[:5] in q.see.lower()


def test_generation_is_deterministic():
    def shown(parts):
        return [(q.prompt, q.options, q.correct, q.model_answer) for p in parts
                for q in _generated(p)]
    assert shown(_course()) == shown(_course())


def test_no_generation_beside_the_author_s_own_exercises_or_for_a_short_lesson():
    own = _part(FIRST_AID, "burns.txt")
    short = _part("Pressing a Wound\n\nPress firmly on the wound with a clean pad.\n",
                  "wound.txt")
    generate_self_checks([own, short, _part(GARDEN, "garden.txt")], lambda part: True)
    assert not _generated(own) and not _generated(short)


def test_a_lesson_with_nothing_to_ask_gets_none_and_a_review_note():
    text = "Notes\n\n" + ("the wind blew across the fields all day long and " * 40) + "\n"
    part = _part(text, "notes.txt")
    generate_self_checks([part], lambda part: True)
    assert not _generated(part)
    assert any("no sound self-check question" in d.message for d in part.diagnostics)


# ---- through the build ---------------------------------------------------------------------

def _project(tmp_path: Path, manifest: str = "") -> Path:
    (tmp_path / "source").mkdir(parents=True)
    (tmp_path / "source" / "garden.txt").write_text(GARDEN, encoding="utf-8")
    (tmp_path / "source" / "ledger.txt").write_text(LEDGER, encoding="utf-8")
    if manifest:
        (tmp_path / "source" / "course.yml").write_text(manifest, encoding="utf-8")
    return tmp_path


def _build(project: Path) -> int:
    return main(["--project", str(project), "build", "--docs-only"])


def test_the_quiz_page_marks_generated_questions_and_check_accepts_them(tmp_path):
    project = _project(tmp_path)
    assert _build(project) == 0
    page = (project / "docs" / "garden" / "growing-vegetables-at-home-quiz.md").read_text()
    assert re.search(r'^!!! question [\w-]+ generated "Question 1 \(generated\)"$', page, re.M)
    assert "*See: " in page
    found, problems = parse_blocks(page, "quiz.md")
    assert found and all(b.question.generated for b in found) and not problems
    assert main(["--project", str(project), "check"]) == 0


def test_inspect_json_sets_generated(tmp_path, capsys):
    project = _project(tmp_path)
    assert main(["inspect", str(project / "source"), "--json"]) == 0
    model = json.loads(capsys.readouterr().out)
    questions = [q for s in model["sources"] for lesson in s["lessons"]
                 for quiz in lesson["quizzes"] for q in quiz["questions"]]
    assert questions and all(q["generated"] is True for q in questions)


def test_the_manifest_turns_generation_off_for_a_source_or_the_course(tmp_path):
    one = _project(tmp_path / "one", "title: T\nsources:\n  - file: garden.txt\n"
                   "    generate_questions: false\n  - ledger.txt\n")
    assert _build(one) == 0
    assert not list((one / "docs" / "garden").glob("*quiz*"))
    assert list((one / "docs" / "ledger").glob("*quiz*"))
    every = _project(tmp_path / "every", "title: T\ngenerate_questions: no\nsources:\n"
                     "  - garden.txt\n  - ledger.txt\n")
    assert _build(every) == 0
    assert not list((every / "docs").rglob("*quiz*"))


def test_a_wrong_switch_is_an_error_with_its_line(tmp_path, capsys):
    project = _project(tmp_path, "title: T\ngenerate_questions: maybe\n")
    assert _build(project) == 1
    assert "source/course.yml:2: 'generate_questions' must be true or false" \
        in capsys.readouterr().err


def test_an_edited_question_is_kept_and_a_removed_one_not_made_again(tmp_path):
    project = _project(tmp_path)
    assert _build(project) == 0
    quiz = project / "docs" / "garden" / "growing-vegetables-at-home-quiz.md"
    blocks = re.split(r"(?=^!!! question )", quiz.read_text(encoding="utf-8"), flags=re.M)
    head, first, second, rest = blocks[0], blocks[1], blocks[2], blocks[3:]
    edited = first.replace(" generated ", " ").replace("(generated)", "(mine)")
    quiz.write_text(head + edited + "".join(rest), encoding="utf-8")  # second one removed
    source = project / "source" / "garden.txt"
    source.write_text(source.read_text(encoding="utf-8") + "\nOne more line at the end.\n",
                      encoding="utf-8")
    assert _build(project) == 0
    after = quiz.read_text(encoding="utf-8")
    assert "(mine)" in after
    assert second.split("\n", 2)[2].strip()[:60] not in after


def test_a_copy_of_a_project_builds_the_same_questions(tmp_path):
    first = _project(tmp_path / "a")
    assert _build(first) == 0
    second = tmp_path / "b"
    shutil.copytree(first / "source", second / "source")
    assert _build(second) == 0
    name = "garden/growing-vegetables-at-home-quiz.md"
    assert (first / "docs" / name).read_text() == (second / "docs" / name).read_text()


# ---- named lists, steps and bold terms (lessons in Markdown) --------------------------------

BEES = f"""# Keeping Bees

## Reading the Colony

A colony changes with every season, and a keeper learns to read it at a glance.

{FILLER * 3}

A strong colony shows these signs of good health:

- Workers carry pollen into the hive
- The brood lies in a compact pattern
- The queen lays eggs every day

Beekeepers name these causes of colony loss:

- Varroa mites feeding on larvae
- Starvation in late winter
- Smoke from a careless keeper's torch

## Opening a Hive

Opening a hive calls for a calm keeper and a calm afternoon.

{FILLER * 3}

Follow these tips when you open a hive in spring:

- Work on a warm and windless afternoon
- Puff cool white smoke at the entrance
- Move slowly and keep your gloves on

Keep these points in mind when you close a hive at dusk:

- Slide the cover back without crushing bees
- Check that the entrance is not blocked
- Write down what you saw in the notebook

## Harvesting Honey

There are four steps in harvesting honey from a hive. These are as follows:

### Remove the Frames

Lift out the frames whose cells are sealed with wax.

### Uncap the Comb

Slice the wax caps off both sides with a warm knife.

### Spin the Extractor

Turn the frames in the extractor until the comb is empty.

### Strain the Honey

Pour the honey through a fine cloth into clean jars.
"""

MONTH_END = f"""# Closing the Month

## The Routine

Every month ends with the same short routine in a small business.

{FILLER * 4}

## The Steps

A month is closed in the first week of the next one, and *never* later.

{FILLER * 3}

Follow these steps to close the month:

1. Record the last sales and bills of the month
2. Match the bank statement against the ledger
3. Count the cash left in the till
4. Print the month's profit and loss report

Some habits of careful bookkeepers:

1. They keep every receipt in one folder
2. They back up the ledger each Friday
3. They never mix private and business money
"""

BREAD = f"""# Baking Bread

## Dough

Flour and water, kneaded together, form **gluten**, a web of proteins that traps the gas.

**Note:** the water should feel warm on the back of your hand.

**Knead the dough for ten minutes.**

{FILLER * 3}

## Rising

A **starter** is a mix of flour and water that wild yeasts live in, fed every day.

Bakers keep the **starter** in a cool place between bakes, fed every day.

{FILLER * 3}

## Baking

The oven is heated with a **baking stone** inside so that the loaf rises quickly.

{FILLER * 2}
"""


def _lesson_parts(*texts: tuple[str, str]) -> list[Part]:
    parts = [_part(text, name) for name, text in texts]
    generate_self_checks(parts, lambda part: True)
    return parts


def _items(text: str, lead: str) -> list[str]:
    """The items of the list under ``lead`` in a test lesson."""
    after = text.split(lead, 1)[1].strip().split("\n\n")[0]
    return [re.sub(r"^(- |\d+\. )", "", line) for line in after.splitlines()]


ADVICE = ("these tips when you open a hive in spring:",
          "these points in mind when you close a hive at dusk:")
LISTS = {lead: _items(BEES, lead) for lead in (
    "these signs of good health:", "these causes of colony loss:", *ADVICE)}


def test_which_of_these_takes_distractors_only_from_lists_of_another_kind():
    bees, _ = _lesson_parts(("bees.md", BEES), ("month.md", MONTH_END))
    found = [q for q in _generated(bees) if "Which of these is one of them" in q.prompt]
    assert found
    for q in found:
        [lead] = [lead for lead in LISTS if lead in q.prompt]
        [right] = q.correct
        assert q.kind == "single_choice" and q.options[right] in LISTS[lead]
        assert len(q.options) >= 3 and q.see
        for i, option in enumerate(q.options):
            if i != right:  # never an item of this list, nor one that could be true of it
                assert option not in LISTS[lead]
                if lead in ADVICE:  # tips never stand in for points to keep in mind
                    assert not any(option in LISTS[other] for other in ADVICE)
                    assert "Smoke" not in option  # shares 'smoke' with a tip
        for items in LISTS.values():  # wrong options of one shape would give it away
            assert len([o for i, o in enumerate(q.options) if i != right and o in items]) <= 2


def test_distractors_never_share_a_telling_word_or_a_kind_with_the_list():
    parts = [_part(BEES, "bees.md"), _part(MONTH_END, "month.md")]
    pools = _pools(parts)
    lists = named_lists(parts[0].lessons[0])
    for q in which_questions(lists, pools.lists, pools.common):
        if "tips when you open a hive" in q.prompt:
            assert q.kind == "single_choice"
            assert not set(q.options) & set(LISTS[ADVICE[1]])
            assert "Smoke from a careless keeper's torch" not in q.options


ROSES = f"""# Growing Roses

## Pruning

Roses are pruned in late winter, before the buds break.

{FILLER * 6}

Follow these tips when you prune a rose bush:

- Cut just above an outward-facing bud
- Remove dead and crossing stems first
- Use sharp and clean secateurs

## Planting

A new rose goes into the ground in autumn, while the soil is still *warm*.

{FILLER * 2}

Keep these points in mind when you plant a new rose:

- Dig a hole twice as wide as the roots
- Set the graft union at soil level
- Water the plant in deeply afterwards
"""


def test_a_list_without_safe_distractors_is_asked_as_open_recall():
    [roses] = _lesson_parts(("roses.md", ROSES))  # two lists of advice and nothing else
    about = [q for q in _generated(roses) if "prune a rose" in q.prompt
             or "plant a new rose" in q.prompt]
    assert about and all(q.kind == "open" for q in about)
    assert any(q.model_answer == "Cut just above an outward-facing bud; Remove dead and "
               "crossing stems first; Use sharp and clean secateurs" for q in about)


def test_counted_steps_under_sub_headings_ask_which_comes_next():
    bees, _ = _lesson_parts(("bees.md", BEES), ("month.md", MONTH_END))
    steps = ["Remove the frames", "Uncap the comb", "Spin the extractor", "Strain the honey"]
    [q] = [q for q in _generated(bees) if "comes right after" in q.prompt]
    assert "There are four steps in harvesting honey from a hive." in q.prompt
    before = re.search(r"right after “(.+?)”", q.prompt).group(1)
    assert q.options[q.correct[0]] == steps[steps.index(before) + 1]
    assert set(q.options) <= set(steps) and before not in q.options
    assert q.see == "Harvesting Honey"


def test_numbered_steps_ask_for_their_order_and_numbered_habits_do_not():
    _, month = _lesson_parts(("bees.md", BEES), ("month.md", MONTH_END))
    steps = _items(MONTH_END, "steps to close the month:")
    ordered = [q for q in _generated(month) if "comes right after" in q.prompt
               or "comes first" in q.prompt]
    assert ordered and all("steps to close the month" in q.prompt for q in ordered)
    for q in ordered:
        before = re.search(r"right after “(.+?)”", q.prompt).group(1)
        assert q.options[q.correct[0]] == steps[steps.index(before) + 1]


def test_a_bold_term_is_blanked_in_its_sentence_once_and_labels_are_not():
    _, _, bread = _lesson_parts(("bees.md", BEES), ("month.md", MONTH_END), ("bread.md", BREAD))
    blanks = {q.model_answer: q for q in _generated(bread) if q.prompt.startswith("Fill in")}
    assert set(blanks) == {"gluten", "starter", "baking stone"}
    assert blanks["gluten"].prompt == ("Fill in the blank: “Flour and water, kneaded together, "
                                      "form _____, a web of proteins that traps the gas.”")
    assert blanks["gluten"].see == "Dough" and blanks["gluten"].kind == "open"
    assert "wild yeasts" in blanks["starter"].prompt  # where the lesson first marks it
    assert "_____ inside" in blanks["baking stone"].prompt


def test_bold_in_a_plain_text_source_is_not_a_key_term():
    text = BREAD.replace("# Baking Bread", "Baking Bread").replace("## ", "")
    [bread] = _lesson_parts(("bread.txt", text))
    assert not [q for q in _generated(bread) if q.model_answer in {"gluten", "starter"}
                and "**" in q.prompt]


def test_no_question_quotes_what_another_asks_for():
    bees, month = _lesson_parts(("bees.md", BEES), ("month.md", MONTH_END))
    for part in (bees, month):
        questions = _generated(part)
        for q in questions:
            if q.prompt.startswith("Fill in the blank"):
                whole = q.prompt.split("“", 1)[1].rstrip("”").replace("_____", q.model_answer)
                assert not any(whole in other.prompt for other in questions if other is not q)


def test_new_kinds_are_deterministic_whatever_the_order_of_the_sources():
    def shown(parts):
        return sorted((q.prompt, tuple(q.options), tuple(q.correct), q.model_answer)
                      for p in parts for q in _generated(p))
    texts = [("bees.md", BEES), ("month.md", MONTH_END), ("bread.md", BREAD)]
    first = shown(_lesson_parts(*texts))
    assert first == shown(_lesson_parts(*texts)) == shown(_lesson_parts(*reversed(texts)))


def test_steps_that_were_headings_read_in_sentence_case_but_keep_names():
    text = f"""# Treating a Burn

## First Minutes

A burn keeps burning the skin until it is cooled, so act at once.

{FILLER * 8}

## What to Do

There are three steps in treating a burn on the hand. These are as follows:

### Cool the Burn

Hold the burn under cool running water for twenty minutes.

### Cover the Wound

Lay a clean film over the wound without pressing on it.

### Call the Red Cross Line

Ask the Red Cross Line what to do next if the skin is broken.
"""
    [part] = _lesson_parts(("burn.md", text))
    [q] = [q for q in _generated(part) if "Which of these steps comes first?" in q.prompt]
    assert sorted(q.options) == ["Call the Red Cross Line", "Cool the burn", "Cover the wound"]
    assert q.options[q.correct[0]] == "Cool the burn"


# ---- matching ---------------------------------------------------------------------

def _matching(part: Part) -> list:
    return [q for q in _generated(part) if q.kind == "matching"]


def test_a_lesson_with_terms_gets_one_matching_question_of_its_own_pairs():
    garden, ledger = _course()
    explained = {"Mulch": "straw or bark", "Tilth": "crumbly", "Humus": "rotted plant",
                 "Loam": "sand, silt", "Asset": "owns", "Liability": "debt the business owes",
                 "Equity": "left for the owners", "Accrual": "when earned"}
    for part, section in ((garden, "Useful Words"), (ledger, "Terms of the Trade")):
        [q] = _matching(part)
        assert q.prompt == "Match each term to its explanation." and q.see == section
        assert q.generated and len(q.terms) == 3  # four in the lesson: one left for "which term"
        assert sorted(q.correct) == [0, 1, 2]  # one explanation each, none left over
        for term, c in zip(q.terms, q.correct):
            assert explained[term] in q.options[c]
        which = [q2 for q2 in _generated(part) if "Which term" in q2.prompt]
        assert all(w.options[w.correct[0]] not in q.terms for w in which)  # nothing given away


def test_matching_is_the_same_every_time():
    first = [(q.terms, q.options, q.correct) for p in _course() for q in _matching(p)]
    again = [(q.terms, q.options, q.correct) for p in _course() for q in _matching(p)]
    assert first == again and first


KITCHEN_WORDS = """Baking Bread

Getting Started

Good bread needs only flour, water, salt and yeast, and some patience.

{filler}

Words of the Bakery

{extra}Gluten – the stretchy network of proteins that traps the gas in the dough
Proofing – the last rise of the shaped loaf before it goes into the oven
Scoring – the cut made on top of the loaf so that it opens where you want
Crumb – the soft inside of the loaf, with its holes large or small

Baking Day

Heat the oven for at least half an hour before the bread goes in.

{filler}
"""
BAKING_FILLER = ("Weigh everything on a scale rather than with cups, and write down what you "
                 "changed each time so that the next loaf can be better than the last.\n\n") * 5


def _bakery(extra: str = "") -> Part:
    part = _part(KITCHEN_WORDS.format(filler=BAKING_FILLER, extra=extra), "bread.txt")
    generate_self_checks([part], lambda p: True)
    return part


def test_near_duplicate_explanations_are_never_both_in_a_matching_question():
    twin = ("Rising – the last rise of the shaped loaf before it goes into the oven, "
            "in a warm place\n")
    [q] = _matching(_bakery(twin))
    assert not {"Proofing", "Rising"} <= set(q.terms)  # either would fit both explanations
    assert len(q.terms) >= 3


def test_no_matching_question_from_fewer_than_three_usable_pairs():
    text = KITCHEN_WORDS.format(filler=BAKING_FILLER, extra="")
    text = text.replace("Scoring – the cut made on top of the loaf so that it opens where "
                        "you want\n", "").replace(
        "Crumb – the soft inside of the loaf, with its holes large or small\n", "")
    part = _part(text, "bread.txt")
    generate_self_checks([part], lambda p: True)
    assert _matching(part) == []


def test_a_generated_matching_question_reads_back_from_its_quiz_page():
    part = _bakery()
    [lesson] = part.lessons
    page = render_quiz(part, lesson).text
    assert "!!! question matching generated" in page
    blocks, problems = parse_blocks(page, "bread-quiz.md")
    assert problems == []
    [back] = [b.question for b in blocks if b.question.kind == "matching"]
    [made] = _matching(part)
    assert (back.terms, back.options, back.correct, back.generated) == (
        made.terms, made.options, made.correct, True)
