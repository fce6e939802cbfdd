"""Generated self-checks: made from a lesson's own structure, sound, marked,
deterministic, and under the author's control. Lessons written for the test
(gardening, bookkeeping, first aid)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from build_course.build.rendering import render_lesson
from build_course.cli import main
from build_course.importer.importing import import_text
from build_course.model import Part, SourceText
from build_course.quiz.generate import MIN_WORDS, generate_self_checks
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
