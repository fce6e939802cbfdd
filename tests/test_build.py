"""The whole course, built from source/ into a temporary folder."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

from build_course.cli import main


class _Text(HTMLParser):
    """Collects visible text and <details> contents of an HTML page."""

    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.details = 0
        self.in_details: list[str] = []
        self.outside: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag == "details":
            self.details += 1
        if tag in ("script", "style"):
            self.skip += 1

    def handle_endtag(self, tag):
        if tag == "details":
            self.details -= 1
        if tag in ("script", "style"):
            self.skip -= 1

    def handle_data(self, data):
        if self.skip:
            return
        self.text.append(data)
        (self.in_details if self.details else self.outside).append(data)


def _page(site: Path, path: str) -> _Text:
    parser = _Text()
    parser.feed((site / path / "index.html").read_text(encoding="utf-8"))
    return parser


def test_every_source_became_pages(built_course: Path):
    docs = built_course / "docs"
    lessons = sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md"))
    assert "index.md" in lessons
    assert "webucator-customer-service-basics/customer-service-basics.md" in lessons
    assert "webucator-customer-service-basics/customer-service-basics-quiz.md" in lessons
    assert "introduction-to-customer-service-lesson-1/introduction-to-customer-service-quiz.md" \
        in lessons
    # the e-book: an about page and nine chapters, each with a generated self-check
    ebook = [p for p in lessons if p.startswith("tutorialspoint-customer-service/")]
    assert len(ebook) == 10 + 9
    assert len([p for p in ebook if p.endswith("-quiz.md")]) == 9
    # the stripped copy of the web tutorial is not published again
    assert not any(p.startswith("customer-service-basics-stripped-copy") for p in lessons)


def test_lesson_pages_have_front_matter_and_title(built_course: Path):
    page = (built_course / "docs/webucator-customer-service-basics/customer-service-basics.md")
    text = page.read_text(encoding="utf-8")
    front = text.split("---")[1]
    assert 'title: "Customer Service Basics"' in front
    assert 'source: "webucator-customer-service-basics.txt"' in front
    html = _page(built_course / "site", "webucator-customer-service-basics/customer-service-basics")
    assert "Customer Service Basics" in "".join(html.text)
    assert "facebook twitter" not in "".join(html.text)


def test_quiz_answers_are_hidden_in_details(built_course: Path):
    html = _page(built_course / "site",
                 "webucator-customer-service-basics/customer-service-basics-quiz")
    hidden = " ".join(html.in_details)
    assert "Answer: C." in hidden
    assert "Martha apologizing" in hidden  # an open question's model answer
    outside = " ".join(html.outside)
    assert "Answer: C." not in outside and "Martha apologizing" not in outside
    raw = (built_course / "site/webucator-customer-service-basics/customer-service-basics-quiz"
           / "index.html").read_text(encoding="utf-8")
    assert raw.count("<details") == 12  # every question here has an answer or model answer
    assert raw.count('class="admonition question ') == 12


def test_lesson_links_to_its_quiz_where_the_exercise_stood(built_course: Path):
    text = (built_course / "docs/webucator-customer-service-basics/customer-service-basics.md"
            ).read_text(encoding="utf-8")
    before, after = text.split("## Internal and External Customers")
    assert "customer-service-basics-quiz.md#check-for-understanding-defining-customer-service" \
        in before
    assert "Answer:" not in text


def test_worksheet_questions_are_reflections_without_answers(built_course: Path):
    text = (built_course / "docs/introduction-to-customer-service-lesson-1"
            / "introduction-to-customer-service-quiz.md").read_text(encoding="utf-8")
    assert text.count('!!! question reflection "Question') == 5
    assert "??? success" not in text


def test_duplicate_text_appears_once_in_the_site(built_course: Path):
    needle = "Martha was late arriving at work one morning"
    pages = [p for p in (built_course / "site").rglob("*.html") if needle in p.read_text("utf-8")]
    assert [p.parent.name for p in pages] == ["customer-service-basics-quiz"]


def test_navigation_is_in_course_order_with_human_titles(built_course: Path):
    record = json.loads((built_course / "docs/.build-course.json").read_text("utf-8"))
    nav = record["nav"]
    assert list(nav[0]) == ["Home"]
    parts = [next(iter(entry)) for entry in nav[1:]]
    assert parts == ["Customer Service Basics", "Customer Service",
                     "Introduction to Customer Service", "Servicing Customers"]
    basics = nav[1]["Customer Service Basics"]
    assert basics == [{"Customer Service Basics": "webucator-customer-service-basics/"
                       "customer-service-basics.md"},
                      {"Quiz: Customer Service Basics": "webucator-customer-service-basics/"
                       "customer-service-basics-quiz.md"}]
    home = (built_course / "site/index.html").read_text("utf-8")
    assert "Tutorials Point" in home and "001_807baf5d14a60db0.txt" not in home  # no file names


def test_build_prints_one_line_per_source(tmp_path: Path, capsys):
    from conftest import copy_project

    project = copy_project(tmp_path)
    assert main(["--project", str(project), "build", "--docs-only"]) == 0
    out = capsys.readouterr().out
    assert "webucator-customer-service-basics.txt: 1 lesson, 10 sections, 5 quizzes, " \
        "12 questions, 0 warnings" in out
    assert "customer-service-basics-stripped-copy.txt: skipped, it repeats " \
        "webucator-customer-service-basics.txt" in out
    assert not (project / "site").exists()


def test_rebuild_is_deterministic(tmp_path: Path):
    from conftest import copy_project

    project = copy_project(tmp_path)
    main(["--project", str(project), "build", "--docs-only"])
    first = {p: p.read_bytes() for p in (project / "docs").rglob("*") if p.is_file()}
    main(["--project", str(project), "build", "--docs-only"])
    second = {p: p.read_bytes() for p in (project / "docs").rglob("*") if p.is_file()}
    assert first == second


def test_missing_manifest_file_is_an_error(tmp_path: Path, capsys):
    from conftest import copy_project

    project = copy_project(tmp_path)
    manifest = project / "source/course.yml"
    manifest.write_text(manifest.read_text("utf-8") + "  - file: nowhere.txt\n", "utf-8")
    assert main(["--project", str(project), "build", "--docs-only"]) == 1
    err = capsys.readouterr().err
    assert re.search(r"source/course.yml:\d+: the source file 'nowhere.txt' does not exist", err)
    assert not (project / "docs").exists()


def test_unlisted_source_is_built_after_listed_ones(tmp_path: Path):
    from conftest import copy_project

    project = copy_project(tmp_path)
    (project / "source/aaa-extra.txt").write_text(
        "Telephone Manners\n\nAnswer the phone by the third ring.\n", "utf-8")
    main(["--project", str(project), "build", "--docs-only"])
    nav = json.loads((project / "docs/.build-course.json").read_text("utf-8"))["nav"]
    assert next(iter(nav[-1])) == "Telephone Manners"


def test_author_edit_survives_rebuild(tmp_path: Path, capsys):
    from conftest import copy_project

    project = copy_project(tmp_path)
    main(["--project", str(project), "build", "--docs-only"])
    page = project / "docs/servicing-customers-competency-guide/servicing-customers.md"
    definition = "Anticipating, meeting, and exceeding the needs"
    page.write_text(page.read_text("utf-8").replace(definition, "An author's note. " + definition),
                    "utf-8")
    main(["--project", str(project), "build", "--docs-only"])
    assert "An author's note. Anticipating" in page.read_text("utf-8")
    source = project / "source/servicing-customers-competency-guide.txt"
    source.write_text(source.read_text("utf-8").replace(definition, "One more word. " + definition),
                      "utf-8")
    capsys.readouterr()
    main(["--project", str(project), "build", "--docs-only"])
    assert "An author's note. Anticipating" in page.read_text("utf-8")
    # both changed the same line: a conflict, marked in the merge beside the page
    merge = (page.parent / (page.name + ".new")).read_text("utf-8")
    assert "One more word." in merge and "An author's note." in merge
    assert "docs/servicing-customers-competency-guide/servicing-customers.md: your edit and " \
        "the new import conflict" in capsys.readouterr().err


def test_a_large_course_groups_its_navigation_and_keeps_the_home_page_compact():
    from build_course.build.rendering import course_nav, render_home
    from build_course.model import Course, Lesson, Part

    parts = [Part(source=f"s{n}.txt", title=f"Part {n}", slug=f"s{n}",
                  lessons=[Lesson(title=f"Lesson {n}", line=1, slug=f"l{n}")])
             for n in range(1, 31)]
    nav = course_nav(Course("Big", "", parts))
    assert [next(iter(entry)) for entry in nav] == ["Home", "Parts 1–25", "Parts 26–30"]
    assert nav[2]["Parts 26–30"][0] == {"Part 26": [{"Lesson 26": "s26/l26.md"}]}
    home = render_home(Course("Big", "", parts)).text
    assert "\n## " not in home  # one line a part, no heading per part
    assert "30. Part 30 · [Lesson 30](s30/l30.md){ .bc-lesson }\n" in home  # its state: quiz.js
