"""``build-course handout``: the printable PDFs, read back as a person and a
program would: turned into PNG pages (pdftoppm) and into text (pdftotext).
Each answer stands in the key and never in a worksheet; each lesson starts a
page; the pages are not blank."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from build_course.cli import main
from build_course.publish.handout_pages import PageContext, print_page
from build_course.publish.quiz_pages import course_quizzes

pytestmark = pytest.mark.skipif(
    not (shutil.which("pdftoppm") and shutil.which("pdftotext")),
    reason="pdftoppm and pdftotext (Debian: poppler-utils) are not installed")

RETURNS = """---
title: Handling returns
part: Returns and refunds
---

A customer may return an item within thirty days, with the receipt. See the
[policy page](https://example.org/returns) for the details.

## Check yourself

!!! question single-choice "Question 1"

    How long does a customer have to return an item?

    - A. Seven days.
    - B. Thirty days.

    ??? success "Show answer"

        **Answer: B.** Calendar days count, weekends included.

!!! question multiple-choice "Question 2"

    Which of these does a return need?

    - A. The item.
    - B. A manager's signature.
    - C. The receipt.

    ??? success "Show answer"

        **Answer: A, C.** Signatures are for refunds above a limit.

!!! question true-false "Question 3"

    A customer can return an opened parcel.

    - A. True.
    - B. False.

    ??? success "Show answer"

        **Answer: A.** Opened parcels are fine when complete.

!!! question open "Question 4"

    Why do we ask for the receipt?

    ??? success "Show model answer"

        It proves where and when the parcel was bought.

!!! question reflection "Question 5"

    Think of a return you handled: what went well?

    *Reflect and write your own answer: there is no single right answer.*

!!! question matching "Question 6"

    Match each document to what it proves.

    1. Receipt
    2. Warranty card
    3. Gift slip

    *Explanations:*

    - A. That the maker repairs a fault for a year.
    - B. That the item was a present, without its price.
    - C. Where, when and for how much it was bought.

    ??? success "Show answer"

        **Answer: 1 C, 2 A, 3 B.**
"""

PHONE = """---
title: Answering the phone
part: The front desk
---

Answer the phone before the third ring, and say the company's name first.
<script>alert("printed as text")</script>

## Check yourself

!!! question open "Question 1"

    What does the caller hear first?

    ??? success "Show model answer"

        The name of our firm, spoken calmly.
"""

ANSWERS = ["Calendar days count, weekends included", "Signatures are for refunds above a limit",
           "Opened parcels are fine when complete", "It proves where and when the parcel",
           "The name of our firm, spoken calmly"]
PROMPTS = ["How long does a customer have to return an item?",
           "Which of these does a return need?", "Why do we ask for the receipt?",
           "Think of a return you handled", "What does the caller hear first?"]


def run(project: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "build_course", "--project", str(project),
                           *args], capture_output=True, text=True, timeout=600)


def pdf_text(path: Path) -> str:
    done = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True)
    return done.stdout


def png_pages(path: Path, folder: Path) -> list[Path]:
    """The PDF's pages as PNG images (what a person would look at)."""
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(path), str(folder / "page")],
                   check=True, capture_output=True)
    return sorted(folder.glob("page-*.png"))


def ink(png: Path) -> float:
    """The share of a page's pixels that are not white."""
    from PIL import Image

    image = Image.open(png).convert("L")
    dark = sum(count for value, count in enumerate(image.histogram()) if value < 200)
    return dark / (image.width * image.height)


@pytest.fixture(scope="module")
def course(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("handout")
    (folder / "source").mkdir()
    (folder / "source/returns.md").write_text(RETURNS, encoding="utf-8")
    (folder / "source/phone.md").write_text(PHONE, encoding="utf-8")
    (folder / "source/course.yml").write_text(
        "title: Front desk basics\nsources:\n  - file: returns.md\n  - file: phone.md\n",
        encoding="utf-8")
    done = run(folder, "handout")
    assert done.returncode == 0, done.stderr
    return folder


def test_a_handout_and_a_key_per_part_and_for_the_whole_course(course):
    names = sorted(p.name for p in (course / "dist/handout").glob("*.pdf"))
    assert names == ["front-desk-basics-answers.pdf", "front-desk-basics-phone-answers.pdf",
                     "front-desk-basics-phone.pdf", "front-desk-basics-returns-answers.pdf",
                     "front-desk-basics-returns.pdf", "front-desk-basics.pdf"]


def test_the_pages_as_images_count_and_show_something(course, tmp_path):
    folder = course / "dist/handout"
    counts = {}
    for pdf in folder.glob("*.pdf"):
        pages = png_pages(pdf, tmp_path / pdf.stem)
        counts[pdf.stem] = len(pages)
        assert all(ink(page) > 0.003 for page in pages), pdf.name  # no blank page
    # a cover, then each lesson from a new page: two lessons, each on one page or two
    assert 3 <= counts["front-desk-basics"] <= 5
    assert 2 <= counts["front-desk-basics-returns"] <= 3
    assert counts["front-desk-basics-phone"] == 2
    # the whole course is its parts under one cover
    assert counts["front-desk-basics"] == (counts["front-desk-basics-returns"]
                                           + counts["front-desk-basics-phone"] - 1)
    assert counts["front-desk-basics-answers"] == 1  # six short answers


def test_answers_stand_in_the_key_and_never_in_a_worksheet(course):
    folder = course / "dist/handout"
    worksheets = [p for p in folder.glob("*.pdf") if not p.stem.endswith("-answers")]
    for pdf in worksheets:
        text = " ".join(pdf_text(pdf).split())
        for answer in ANSWERS:
            assert answer not in text, (pdf.name, answer)
        assert "Answer:" not in text and "Model answer" not in text
    whole = " ".join(pdf_text(folder / "front-desk-basics.pdf").split())
    key = " ".join(pdf_text(folder / "front-desk-basics-answers.pdf").split())
    for prompt in PROMPTS:
        assert prompt in whole and prompt not in key
    for answer in ANSWERS:
        assert answer in key
    assert "A, C." in key and "no single right answer" in key
    returns_key = " ".join(pdf_text(folder / "front-desk-basics-returns-answers.pdf").split())
    assert ANSWERS[0] in returns_key and ANSWERS[-1] not in returns_key


def test_a_matching_question_prints_as_two_columns_and_its_key_lists_the_pairs(course):
    folder = course / "dist/handout"
    sheet = pdf_text(folder / "front-desk-basics-returns.pdf")
    assert "Write the letter of each term's explanation on its line." in sheet
    # two columns: a term and an explanation on one printed line
    assert any("1. Receipt" in line and "A. That the maker repairs" in line
               for line in sheet.splitlines())
    assert "Receipt: C." not in " ".join(sheet.split())
    key = " ".join(pdf_text(folder / "front-desk-basics-returns-answers.pdf").split())
    for pair in ("1. Receipt: C. Where, when and for how much it was bought.",
                 "2. Warranty card: A. That the maker repairs a fault for a year.",
                 "3. Gift slip: B. That the item was a present, without its price."):
        assert pair in key


def test_each_lesson_starts_a_page_with_header_and_page_numbers(course):
    pages = [p for p in pdf_text(course / "dist/handout/front-desk-basics.pdf").split("\f")
             if p.strip()]
    assert f"Page 1 of {len(pages)}" in pages[0]
    assert f"Page {len(pages)} of {len(pages)}" in pages[-1]
    for title in ("Handling returns", "Answering the phone"):
        page = next(p for p in pages[1:] if title in "\n".join(p.strip().splitlines()[1:5]))
        header = page.strip().splitlines()[0]
        assert "Front desk basics" in header and "Part " in header


def test_a_lesson_points_to_its_worksheet_not_to_a_web_page(course):
    """On screen a lesson ends with a "Check your understanding" button and its exercise box
    says "Take the self-check"; on paper the worksheet follows."""
    text = " ".join(pdf_text(course / "dist/handout/front-desk-basics-returns.pdf").split())
    lesson, _, worksheet = text.partition("Worksheet: Handling returns")
    assert re.search(r"Check yourself \d+ questions\. See the worksheet that follows\.", lesson)
    assert "self-check" not in text.lower() and "Check your understanding" not in text
    assert worksheet.startswith(" Check yourself Question 1")


def test_only_links_to_the_worksheet_that_follows_are_reworded(tmp_path):
    text = ("# A lesson\n\nRead [the next lesson](next.md) first; then [try these](lesson-quiz.md#"
            "a).\n\n***\n\n[Go to the quiz](lesson-quiz.md){ .md-button }\n")
    context = PageContext(tmp_path, "part/lesson.md")
    printed = print_page(text, context, "A lesson", quiz=False, worksheet="part/lesson-quiz.md")
    assert "then see the worksheet that follows." in printed.html
    assert "the next lesson" in printed.html
    assert "Go to the quiz" not in printed.html and "<hr" not in printed.html
    alone = print_page(text, context, "A lesson", quiz=False).html  # no worksheet printed
    assert "try these" in alone and "Go to the quiz" in alone


def test_source_html_is_printed_as_text(course):
    text = pdf_text(course / "dist/handout/front-desk-basics-phone.pdf")
    assert '<script>alert("printed as text")</script>' in " ".join(text.split())


class _NoPango:
    """Importing weasyprint fails as it does where Pango is missing."""

    def find_spec(self, name, path=None, target=None):
        if name == "weasyprint":
            raise OSError("cannot load library 'libpango-1.0-0': no such file")
        return None


@pytest.mark.parametrize("missing", ["package", "pango"])
def test_without_weasyprint_one_line_says_how_to_install_it(course, monkeypatch, capsys,
                                                           missing):
    if missing == "package":
        monkeypatch.setitem(sys.modules, "weasyprint", None)  # import weasyprint fails
    else:
        monkeypatch.delitem(sys.modules, "weasyprint", raising=False)
        monkeypatch.setattr(sys, "meta_path", [_NoPango(), *sys.meta_path])
    assert main(["--project", str(course), "handout"]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert "pip install" in err and "pango" in err.lower()


def test_images_come_from_docs_only(tmp_path):
    docs = tmp_path / "docs"
    (docs / "part").mkdir(parents=True)
    (docs / "part/chart.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / "secret.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    text = "# A lesson\n\n![A chart](chart.png)\n\n![Not ours](../../secret.png)\n"
    page = print_page(text, PageContext(docs, "part/lesson.md"), "A lesson", quiz=False)
    assert (docs / "part/chart.png").resolve().as_uri() in page.html
    assert "secret.png" not in page.html and "[Not ours]" in page.html


def test_the_shipped_course_every_question_keyed_generated_marked(built_course, tmp_path):
    done = run(built_course, "handout")
    assert done.returncode == 0, done.stderr
    folder = built_course / "dist/handout"
    key = pdf_text(folder / "customer-service-essentials-answers.pdf")
    whole = pdf_text(folder / "customer-service-essentials.pdf")
    quizzes = course_quizzes(built_course / "docs")
    titles = [title for quiz in quizzes for title, _ in quiz.questions]
    assert sum("(generated)" in t for t in titles) >= 5
    flat_key, flat_whole = " ".join(key.split()), " ".join(whole.split())
    # who published each part's original, as on the home page, with the contents
    home = (built_course / "docs/index.md").read_text(encoding="utf-8")
    sources = [line.strip("*") for line in home.splitlines() if line.startswith("*Source: ")]
    assert len(sources) >= 4 and all(source in flat_whole for source in sources)
    # what only the screen has: the quiz pages' instructions and answer buttons
    for screen in ("Self-check questions for the lesson", "Show answer", "Show model answer",
                   "Rate your answer", "press Check", "Take the self-check",
                   "Check your understanding: take"):
        assert screen not in flat_whole and screen not in flat_key
    assert flat_key.count("(generated)") >= sum("(generated)" in t for t in titles)
    for quiz in quizzes:
        for _, question in quiz.questions:
            answer = " ".join((question.model_answer or "").split("\n\n")[0].split())
            # a source's long model answer is in no lesson's text (a generated one is)
            if answer and len(answer) > 60 and not question.generated:
                assert answer[:60] in flat_key and answer[:60] not in flat_whole
    pages = len(png_pages(folder / "customer-service-essentials.pdf", tmp_path / "whole"))
    parts = [p for p in folder.glob("customer-service-essentials-*.pdf")
             if not p.stem.endswith("-answers")]
    part_pages = sum(len(png_pages(p, tmp_path / p.stem)) for p in parts)
    lessons = len([p for p in (built_course / "docs").rglob("*.md")
                   if p.name != "index.md" and not p.stem.endswith("-quiz")])
    assert pages >= lessons + 1  # a cover, and each lesson from a new page
    # the whole course is its parts under one cover (a contents page may grow by one)
    assert part_pages - len(parts) <= pages <= part_pages - len(parts) + 2


def test_parts_are_read_from_the_navigation_groups_included(tmp_path):
    from build_course.publish.handout import course_parts

    docs = tmp_path / "docs"
    for folder in ("answers", "b"):
        (docs / folder).mkdir(parents=True)
        (docs / folder / "one.md").write_text('---\ntitle: "One"\n---\n\n# One\n')
        (docs / folder / "one-quiz.md").write_text(
            '---\ntitle: "Quiz: One"\nlesson: "one.md"\nquiz: true\n---\n\n# Quiz: One\n')
    nav = [{"Home": "index.md"},
           {"Parts 1–2": [{"First": [{"One": "answers/one.md"},
                                     {"Quiz: One": "answers/one-quiz.md"}]},
                          {"Second": [{"One": "b/one.md"}, {"Gone": "b/gone.md"}]}]}]
    (docs / ".build-course.json").write_text(f'{{"nav": {json.dumps(nav)}}}')
    first, second = course_parts(docs)
    assert (first.number, first.title, second.title) == (1, "First", "Second")
    assert [(lesson.page, lesson.quiz) for lesson in first.lessons] == [
        ("answers/one.md", "answers/one-quiz.md")]
    assert [(lesson.page, lesson.quiz) for lesson in second.lessons] == [("b/one.md", "")]
    # a part's file never takes the name of the whole course's key
    assert first.name == "answers-2" and second.name == "b"


def test_titles_and_text_from_sources_are_escaped(tmp_path):
    from lxml import html as lxml_html

    from build_course.publish.handout import (
        Handout,
        HandoutLesson,
        HandoutPart,
        PageCache,
        key_html,
        worksheet_html,
    )

    docs = tmp_path / "docs"
    (docs / "p").mkdir(parents=True)
    hostile = 'Tips "&" <script>alert(1)</script>'
    (docs / "p/l.md").write_text(f"# {hostile}\n\n<img src=x onerror=alert(2)>\n")
    (docs / "p/l-quiz.md").write_text(
        '---\nlesson: "l.md"\nquiz: true\n---\n\n# Quiz\n\n'
        '!!! question open "Q <b>1</b>"\n\n    Why <em>now</em>?\n\n'
        '    ??? success "Show model answer"\n\n        Because <script>x</script>.\n')
    part = HandoutPart(1, hostile, "p", [HandoutLesson(hostile, "p/l.md", "p/l-quiz.md")],
                       attribution=f"Source: {hostile}.")
    handout = Handout("c", hostile, [part], whole=True)
    pages = PageCache(docs, [part])
    for document in (worksheet_html(hostile, hostile, handout, pages),
                     key_html(hostile, handout, pages)):
        tree = lxml_html.fromstring(document)
        assert not tree.xpath("//script | //img | //b | //em")
        assert hostile in tree.text_content()
    assert "Because <script>x</script>." in lxml_html.fromstring(
        key_html(hostile, handout, pages)).text_content()


def test_letter_paper(course, tmp_path):
    project = shutil.copytree(course, tmp_path / "course")
    done = run(project, "handout", "--paper", "letter")
    assert done.returncode == 0, done.stderr
    for pdf in (project / "dist/handout").glob("*.pdf"):
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
        assert "612 x 792 pts (letter)" in info, pdf.name
    a4 = subprocess.run(["pdfinfo", str(course / "dist/handout/front-desk-basics.pdf")],
                        capture_output=True, text=True).stdout
    assert "595.276 x 841.89 pts (A4)" in a4 or "595 x 842 pts (A4)" in a4


def _tall_question(n: int) -> str:
    """A single-choice question of mine, over half a page high."""
    doings = ["greets the caller by name", "repeats the order number back",
              "writes down the delivery date", "checks the name on the account",
              "offers to call back within the hour", "explains the returns policy",
              "confirms the refund amount", "says what happens next"]
    options = "\n".join(
        f"    - {chr(65 + i)}. The clerk {doings[(i + n) % 8]}, then waits for the caller to "
        "say whether that is right, without hurrying them or talking over them while they "
        "look for their papers, and notes on the call sheet what was agreed before going "
        "on to the next call." for i in range(7))
    return (f'!!! question single-choice "Question {n}"\n\n'
            "    A caller rings about a parcel that has not come. They are upset and talk fast. "
            "You have\n    their account open, and three other calls are waiting. What should "
            f"happen first in case {n}?\n\n{options}\n\n"
            '    ??? success "Show answer"\n\n'
            "        **Answer: A.** Say back what you heard before promising anything: the "
            "caller hears that\n        they were understood, and a wrong order number is "
            "caught before it costs a second call.\n        Promises come after, and only "
            "those the shop can keep.\n")


CALLS = ("---\ntitle: Taking calls\npart: Phone work\n---\n\n"
         "Calls come in all day. This lesson is about the first minute of a call.\n\n"
         "## Check yourself\n\n" + "\n".join(_tall_question(n) for n in range(1, 11)))

MM = 72 / 25.4


def page_fill(pdf: Path) -> list[float]:
    """How far down each page's text area (A4 less the 18 mm and 20 mm
    margins) its content reaches, 0 to 1; the running header and footer,
    in the margins, do not count."""
    import pdfplumber

    fills = []
    with pdfplumber.open(pdf) as document:
        for page in document.pages:
            top, bottom = 18 * MM, page.height - 20 * MM
            ends = [box["bottom"] for box in page.chars + page.rects + page.lines
                    if box["top"] >= top - 2 and box["bottom"] <= bottom + 1]
            fills.append((max(ends, default=top) - top) / (bottom - top))
    return fills


def page_lines(pdf: Path) -> list[list[str]]:
    pages = pdf_text(pdf).split("\f")
    return [[line.strip() for line in page.splitlines() if line.strip()]
            for page in (pages[:-1] if not pages[-1].strip() else pages)]


@pytest.fixture(scope="module")
def three_parts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("three-parts")
    (folder / "source").mkdir()
    for name, text in (("calls.md", CALLS), ("returns.md", RETURNS), ("phone.md", PHONE)):
        (folder / "source" / name).write_text(text, encoding="utf-8")
    (folder / "source/course.yml").write_text(
        "title: Front desk\nsources:\n  - file: calls.md\n  - file: returns.md\n"
        "  - file: phone.md\n", encoding="utf-8")
    done = run(folder, "handout")
    assert done.returncode == 0, done.stderr
    return folder / "dist/handout"


def test_tall_questions_break_inside_and_leave_no_page_a_third_blank(three_parts):
    """A question is kept on one page only if short: pushing a tall one on
    left about half of every page blank (one question a page)."""
    pdf = three_parts / "front-desk-calls.pdf"
    pages, fills = page_lines(pdf), page_fill(pdf)
    assert len(pages) == len(fills) >= 4
    for number, fill in enumerate(fills[1:-1], start=2):  # the cover; the lesson's end
        assert fill >= 0.75, (number, [round(f, 2) for f in fills])
    # a question that breaks keeps its prompt with its first two options...
    for page in pages[1:-1]:
        last = next(line for line in reversed(page) if not line.startswith("Taking calls"))
        assert not last.startswith(("Question", "A caller", "their account", "Choose one")), page
    # ...and every question is there, each option once
    text = " ".join(pdf_text(pdf).split())
    assert [int(n) for n in re.findall(r"Question (\d+)", text)] == list(range(1, 11))
    assert len(re.findall(r"[A-G]\. The clerk", text)) == 70


def test_a_short_question_is_still_kept_on_one_page(three_parts):
    for page in page_lines(three_parts / "front-desk.pdf"):
        if "What does the caller hear first?" in page:
            at = page.index("What does the caller hear first?")
            assert page[at + 1].startswith("Your answer:")  # its lines under it, same page


def test_the_key_header_names_the_part_whose_answers_begin_on_the_page(three_parts):
    """A page where a part begins under the last answers of the part before
    is headed with the part that begins (string-set on the part's label);
    a page with no part label, with the part it goes on with."""
    pages = page_lines(three_parts / "front-desk-answers.pdf")
    labels = [[line for line in page if re.match(r"Part \d · ", line)] for page in pages]
    # a part begins under the answers of the part before (here part 1's, which fill a page)
    assert any(found and page.index(found[0]) > 3 for page, found in zip(pages[1:], labels[1:]))
    current = ""
    for number, (page, found) in enumerate(zip(pages[1:], labels[1:]), start=2):
        header = page[0]
        assert header.startswith("Front desk"), (number, page[:2])
        expected = found[0] if found else current
        assert header.endswith(expected), (number, header, expected)
        current = found[-1] if found else current


def test_a_tall_box_in_a_lesson_breaks_rather_than_leave_half_a_page_blank(tmp_path):
    """A note is kept on one page only if short, as a question is."""
    para = ("A call has three parts: the greeting, the question and the promise. The greeting "
            "sets the tone, the question finds what the caller needs, and the promise says "
            "what happens next and when. Most trouble comes from a promise made too early. ")
    steps = "\n".join(f"    - Step {n}: note the caller's words about the parcel on the call "
                      "sheet, with the time, before you answer anything." for n in range(1, 19))
    (tmp_path / "source").mkdir()
    (tmp_path / "source/calls.md").write_text(
        f"---\ntitle: Taking calls\npart: Phone work\n---\n\n{para * 3}\n\n{para * 3}\n\n"
        f'!!! note "Before you pick up the phone"\n\n    Read these steps once a week.\n\n'
        f"{steps}\n\nThat is all.\n", encoding="utf-8")
    (tmp_path / "source/course.yml").write_text("title: Phone work\nsources:\n"
                                                "  - file: calls.md\n", encoding="utf-8")
    done = run(tmp_path, "handout")
    assert done.returncode == 0, done.stderr
    pdf = tmp_path / "dist/handout/phone-work.pdf"
    fills = page_fill(pdf)
    assert len(fills) == 3 and fills[1] >= 0.75, fills  # the cover, the lesson on two pages
    text = " ".join(pdf_text(pdf).split())
    assert [int(n) for n in re.findall(r"Step (\d+):", text)] == list(range(1, 19))
