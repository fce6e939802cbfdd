"""``build-course inspect``: its JSON shape, and golden files per sample.

The golden files in tests/golden/ were read once by a person against the raw
texts. When the importer changes on purpose, run
``pytest tests/test_inspect_golden.py --update-golden`` and review the diff.
"""

from __future__ import annotations

import difflib
import json
import re
from pathlib import Path

import pytest

from build_course.cli import main
from build_course.quiz.kinds import QuestionKind

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).parent / "golden"
KINDS = {kind.value for kind in QuestionKind}  # as the JSON writes them


@pytest.fixture(scope="module")
def model(pytestconfig) -> dict:
    import os
    from contextlib import redirect_stdout
    from io import StringIO

    here = os.getcwd()
    os.chdir(ROOT)
    try:
        out = StringIO()
        with redirect_stdout(out):
            assert main(["inspect", "source", "--json"]) == 0
    finally:
        os.chdir(here)
    return json.loads(out.getvalue())


def test_json_has_the_documented_shape(model: dict):
    assert set(model) == {"sources"}
    for source in model["sources"]:
        assert {"source", "title", "duplicate_of", "lessons", "warnings"} <= set(source)
        for warning in source["warnings"]:
            assert isinstance(warning["line"], int) and warning["message"]
        for lesson in source["lessons"]:
            assert {"title", "slug", "markdown", "sections", "quizzes"} <= set(lesson)
            for section in lesson["sections"]:
                assert isinstance(section["title"], str) and section["level"] in (2, 3)
            for quiz in lesson["quizzes"]:
                assert {"title", "markdown", "questions"} <= set(quiz)
                for q in quiz["questions"]:
                    assert q["kind"] in KINDS
                    assert all(0 <= c < len(q["options"]) for c in q["correct"])
                    assert isinstance(q["generated"], bool)  # True: made by the build
                    if q["kind"] == "reflection":
                        assert q["model_answer"] is None and q["correct"] == []


def test_markdown_in_json_is_what_the_build_writes(model: dict, built_course: Path):
    source = next(s for s in model["sources"] if s["source"].endswith("basics.txt"))
    lesson = source["lessons"][0]
    written = built_course / "docs/webucator-customer-service-basics" / f"{lesson['slug']}.md"
    # inspect reads a source alone: the lesson's place in the course is the build's to say
    place = r"\nLesson \d+ of \d+ · [^\n]*\n\{: \.bc-place \}\n"
    assert re.search(place, written.read_text(encoding="utf-8"))
    assert lesson["markdown"] == re.sub(place, "", written.read_text(encoding="utf-8"))
    quiz = written.with_name(f"{lesson['slug']}-quiz.md")
    assert lesson["quizzes"][0]["markdown"] == quiz.read_text(encoding="utf-8")


def test_the_samples_match_what_was_asked(model: dict):
    by_name = {Path(s["source"]).name: s for s in model["sources"]}
    web = by_name["webucator-customer-service-basics.txt"]
    [lesson] = web["lessons"]
    assert lesson["title"] == "Customer Service Basics"
    assert [len(q["questions"]) for q in lesson["quizzes"]] == [3, 4, 2, 1, 2]
    assert [s["title"] for s in lesson["sections"]] == [
        "Defining Customer Service", "Internal and External Customers", "Internal Customers",
        "External Customers", "Interacting with Customers", "Amiable Customers",
        "Aggressive Customers", "Angry Customers", "Handling Stress",
        "Understanding What the Customer Wants"]
    ebook = by_name["tutorialspoint-customer-service.txt"]
    assert [x["title"] for x in ebook["lessons"]][1:] == [
        "Introduction", "Attitude", "Understanding Customer's Problem", "Generating Business",
        "In-Person Customer Service", "Customer Service Over Phone", "Difficult Customers",
        "Electronic Customer Service", "Mini Case Study"]
    assert by_name["customer-service-basics-stripped-copy.txt"]["duplicate_of"] == \
        "webucator-customer-service-basics.txt"
    worksheet = by_name["introduction-to-customer-service-lesson-1.txt"]["lessons"][0]
    assert worksheet["title"] == "Introduction to Customer Service"
    assert [q["kind"] for q in worksheet["quizzes"][0]["questions"]] == ["reflection"] * 5


@pytest.mark.parametrize("name", sorted(p.name for p in (ROOT / "source").glob("*.txt")))
def test_golden(model: dict, name: str, pytestconfig):
    source = next(s for s in model["sources"] if Path(s["source"]).name == name)
    actual = json.dumps(source, indent=1, ensure_ascii=False) + "\n"
    golden = GOLDEN / (Path(name).stem + ".json")
    if pytestconfig.getoption("--update-golden") or not golden.exists():
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
    expected = golden.read_text(encoding="utf-8")
    if actual != expected:
        diff = "".join(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True),
                                            str(golden), "current output", n=2))
        pytest.fail(f"output differs from {golden.name} (rerun with --update-golden "
                    f"if the change is intended):\n{diff[:6000]}")
