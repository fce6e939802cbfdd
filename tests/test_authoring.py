"""Authors' side: the quiz syntax, check, own lessons, new, edits and --force."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import copy_project

from build_course.cli import main
from build_course.quiz.kinds import QuestionKind
from build_course.quiz.syntax import parse_blocks

GOOD = '''Intro text.

!!! question single-choice "Question 1"

    Which is right?

    - A. Not this.
    - B. This.

    ??? success "Show answer"

        **Answer: B.** Because.

!!! question open "Question 2"

    Why?

    ??? success "Show model answer"

        Because it is.

!!! question "Question 3"

    Think about it.

    *Reflect and write your own answer: there is no single right answer.*
'''


def test_parser_reads_each_kind():
    blocks, problems = parse_blocks(GOOD, "page.md")
    assert problems == []
    kinds = [(b.question.kind, b.question.line) for b in blocks]
    assert kinds == [(QuestionKind.SINGLE_CHOICE, 3), (QuestionKind.OPEN, 14),
                     (QuestionKind.REFLECTION, 22)]
    single = blocks[0].question
    assert single.options == ["Not this.", "This."] and single.correct == [1]
    assert single.explanation == "Because."
    assert blocks[1].question.model_answer == "Because it is."


@pytest.mark.parametrize("change, message", [
    ("**Answer: B.** Because.", None),
    ("**Answer: F.** Because.", "page.md:3: answer letter F has no such option; "
                                "use a letter from A to B"),
    ("**Answer: A, B.** Because.", "page.md:3: a single-choice question has more than one "
                                   "answer letter; mark it 'multiple-choice' or keep one letter"),
    ("No letter here.", "page.md:3: this choice question has no correct option; add "
                        "'??? success \"Show answer\"' with '**Answer: B.**' under it"),
])
def test_parser_reports_malformed_answers_with_their_line(change, message):
    text = GOOD.replace("**Answer: B.** Because.", change)
    problems = [p.format() for p in parse_blocks(text, "page.md")[1]]
    assert problems == ([message] if message else [])


def test_parser_reports_empty_prompt_and_missing_model_answer():
    text = GOOD.replace("    Which is right?\n", "").replace("        Because it is.\n", "")
    problems = [p.format() for p in parse_blocks(text, "page.md")[1]]
    assert problems == [
        "page.md:3: this question has no prompt; write the question as the block's first "
        "paragraph",
        "page.md:13: this open question has no model answer; add '??? success \"Show model "
        "answer\"' with the answer, or mark it 'reflection'"]


def _project(tmp_path: Path) -> Path:
    project = copy_project(tmp_path)
    assert main(["--project", str(project), "build", "--docs-only"]) == 0
    return project


def test_check_reports_broken_docs_with_file_and_line(tmp_path: Path, capsys):
    project = _project(tmp_path)
    page = project / "docs/webucator-customer-service-basics/customer-service-basics-quiz.md"
    text = page.read_text("utf-8").replace("**Answer: C.**", "**Answer: F.**", 1)
    page.write_text(text, "utf-8")
    lesson = project / "docs/servicing-customers-competency-guide/servicing-customers.md"
    lesson.write_text(lesson.read_text("utf-8") + "\nSee [the guide](no-such-page.md).\n", "utf-8")
    broken_line = len(lesson.read_text("utf-8").split("\n")) - 1
    capsys.readouterr()
    assert main(["--project", str(project), "check"]) == 1
    out = capsys.readouterr().out
    line = text.split("\n").index('!!! question single-choice "Question 3"') + 1
    assert (f"error: docs/webucator-customer-service-basics/customer-service-basics-quiz.md:{line}:"
            " answer letter F has no such option; use a letter from A to D") in out
    assert (f"error: docs/servicing-customers-competency-guide/servicing-customers.md:"
            f"{broken_line}: the link to 'no-such-page.md' leads nowhere") in out
    assert "2 errors, 1 warnings" in out


def test_check_passes_the_shipped_course_and_strict_fails_on_warnings(tmp_path: Path, capsys):
    project = _project(tmp_path)
    assert main(["--project", str(project), "check"]) == 0
    assert main(["--project", str(project), "check", "--strict"]) == 1  # the duplicate's warning


def test_check_reports_manifest_typo_and_bad_front_matter(tmp_path: Path, capsys):
    project = _project(tmp_path)
    manifest = project / "source/course.yml"
    manifest.write_text(manifest.read_text("utf-8").replace("    publisher: Webucator\n",
                                                            "    publsher: Webucator\n", 1))
    page = project / "docs/index.md"
    page.write_text(page.read_text("utf-8").replace('title: "', 'title: "unclosed', 1)
                    .replace('"\ngenerator', '\ngenerator', 1), "utf-8")
    capsys.readouterr()
    assert main(["--project", str(project), "check"]) == 1
    out = capsys.readouterr().out
    line = manifest.read_text("utf-8").split("\n").index("    publsher: Webucator") + 1
    assert f"error: source/course.yml:{line}: unknown key 'publsher'; did you mean 'publisher'?" \
        in out
    assert "error: docs/index.md:" in out and "bad YAML in the front matter" in out


def test_a_malformed_quiz_an_author_edited_stops_the_build(tmp_path: Path, capsys):
    project = _project(tmp_path)
    page = project / "docs/webucator-customer-service-basics/customer-service-basics-quiz.md"
    page.write_text(page.read_text("utf-8").replace("**Answer: C.**", "**Answer: Q.**", 1))
    before = {p: p.read_bytes() for p in (project / "docs").rglob("*") if p.is_file()}
    capsys.readouterr()
    assert main(["--project", str(project), "build"]) == 1
    assert "answer letter Q has no such option" in capsys.readouterr().err
    assert {p: p.read_bytes() for p in (project / "docs").rglob("*") if p.is_file()} == before
    assert not (project / "site").exists()


def test_new_lesson_joins_the_course_with_each_quiz_kind(tmp_path: Path, capsys):
    project = copy_project(tmp_path)
    assert main(["--project", str(project), "new", "Handling Phone Complaints"]) == 0
    assert (project / "source/handling-phone-complaints.md").exists()
    assert "handling-phone-complaints.md" in (project / "source/course.yml").read_text("utf-8")
    assert main(["--project", str(project), "build", "--strict"]) == 0
    nav = json.loads((project / "docs/.build-course.json").read_text("utf-8"))["nav"]
    assert nav[-1] == {"Handling Phone Complaints": [
        {"Handling Phone Complaints": "handling-phone-complaints/handling-phone-complaints.md"},
        {"Quiz: Handling Phone Complaints":
         "handling-phone-complaints/handling-phone-complaints-quiz.md"}]}
    quiz = (project / "docs/handling-phone-complaints/handling-phone-complaints-quiz.md"
            ).read_text("utf-8")
    kinds = [line.split()[2] for line in quiz.split("\n") if line.startswith("!!! question")]
    assert kinds == [kind.css_class for kind in QuestionKind]
    home = (project / "site/index.html").read_text("utf-8")
    assert "handling-phone-complaints/handling-phone-complaints/" in home
    lesson = (project / "docs/handling-phone-complaints/handling-phone-complaints.md"
              ).read_text("utf-8")
    assert "handling-phone-complaints-quiz.md#check-yourself" in lesson
    assert "!!! question" not in lesson


def test_an_authors_lesson_with_a_broken_question_is_an_error(tmp_path: Path, capsys):
    project = copy_project(tmp_path)
    (project / "source/mine.md").write_text(
        "---\ntitle: Mine\n---\n\nText.\n\n!!! question single-choice \"Q\"\n\n    Pick.\n\n"
        "    - A. One.\n", "utf-8")
    assert main(["--project", str(project), "build", "--docs-only"]) == 1
    err = capsys.readouterr().err
    assert "source/mine.md:7: this choice question has no correct option" in err
    assert not (project / "docs").exists()


def test_removed_source_deletes_unedited_pages_and_keeps_edited_ones(tmp_path: Path, capsys):
    project = _project(tmp_path)
    (project / "source/servicing-customers-competency-guide.txt").unlink()
    (project / "source/introduction-to-customer-service-lesson-1.txt").unlink()
    manifest = project / "source/course.yml"
    lines = manifest.read_text("utf-8").split("\n")
    start = lines.index("  - file: introduction-to-customer-service-lesson-1.txt")
    manifest.write_text("\n".join(lines[:start]) + "\n", "utf-8")
    edited = project / "docs/servicing-customers-competency-guide/servicing-customers.md"
    edited.write_text(edited.read_text("utf-8") + "\nMy note.\n", "utf-8")
    capsys.readouterr()
    assert main(["--project", str(project), "build", "--docs-only"]) == 0
    err = capsys.readouterr().err
    assert edited.exists()
    name = "docs/servicing-customers-competency-guide/servicing-customers.md"
    assert (f"{name}: you edited this page but no source produces it any more; it was kept: "
            f"build-course resolve {name} --mine keeps it as your own page, --theirs deletes it"
            ) in err
    assert not (project / "docs/introduction-to-customer-service-lesson-1").exists() or not any(
        (project / "docs/introduction-to-customer-service-lesson-1").iterdir())
    assert main(["--project", str(project), "build", "--docs-only"]) == 0
    assert name not in capsys.readouterr().err  # said once
    assert main(["--project", str(project), "check"]) == 0
    assert f"{name}: you edited this page but no source produces it" in capsys.readouterr().out
    assert main(["--project", str(project), "resolve", name, "--mine"]) == 0
    assert "kept as your own page" in capsys.readouterr().out
    assert main(["--project", str(project), "check"]) == 0
    assert name not in capsys.readouterr().out and edited.exists()


def test_force_takes_the_new_version(tmp_path: Path, capsys):
    project = _project(tmp_path)
    page = project / "docs/servicing-customers-competency-guide/servicing-customers.md"
    original = page.read_text("utf-8")
    page.write_text(original + "\nMy note.\n", "utf-8")
    source = project / "source/servicing-customers-competency-guide.txt"
    source.write_text(source.read_text("utf-8") + "\nA new closing line.\n", "utf-8")
    main(["--project", str(project), "build", "--docs-only"])
    assert page.read_text("utf-8").endswith("My note.\n")
    relative = "servicing-customers-competency-guide/servicing-customers.md"
    assert main(["--project", str(project), "build", "--docs-only", "--force", relative]) == 0
    assert "A new closing line." in page.read_text("utf-8")
    assert "My note." not in page.read_text("utf-8")
    assert not page.with_name(page.name + ".new").exists()


def test_the_authoring_guide_has_one_valid_example_per_kind():
    import re

    guide = (Path(__file__).parent.parent / "AUTHORING.md").read_text("utf-8")
    examples = re.findall(r"```markdown\n(!!! question.*?)```", guide, re.S)
    kinds = []
    for example in examples:
        blocks, problems = parse_blocks(example, "AUTHORING.md")
        assert problems == [] and len(blocks) == 1
        kinds.append(blocks[0].question.kind)
    assert sorted(kinds) == sorted(QuestionKind)
