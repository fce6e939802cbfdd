"""Questions written in Markdown by another course tool keep their marks.

A challenge's stem with code, a list and a table, and questions in quiz
syntaxes (edX, mkdocs-quiz, LiaScript, learnr) with inline code, emphasis
and links reach the quiz page, `check`, the handout and the GIFT and QTI
exports as Markdown, not as escaped characters; HTML in them stays inert.
Texts written for these tests (file handling, baking)."""

from __future__ import annotations

import io
import warnings
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from test_exports import gift_parser, parse_gift  # noqa: F401 (a fixture)
from test_hostile_input import Page, assert_inert, html_pages, make_project

from build_course.build.rendering import render_quiz
from build_course.cli import main
from build_course.importer.importing import import_text
from build_course.model import SourceText
from build_course.publish.handout_pages import PageContext, print_page
from build_course.quiz.syntax import parse_blocks

with warnings.catch_warnings():  # pyslet (2017) still offers its Python 2 names
    warnings.simplefilter("ignore", DeprecationWarning)
    import pyslet.qtiv2.xml as qtixml

EPISODE = """---
title: Reading files
teaching: 10
exercises: 5
---

## Opening a file

Call `open()` with a path; read **The Python Tutorial** for more.

::: challenge

## Which mode

What does `open(path, "w")` do to an **existing** file? See the
[manual](https://docs.python.org/3/library/functions.html#open).

```python
with open("notes.txt", "w") as f:
    f.write("hello")
```

- it is opened for *writing*
- nothing is read

| Mode | Means |
|------|-------|
| `r` | read |

::: solution

It **empties** the file first: open it with `"a"` to keep its text.

:::
:::

## Check yourself

>>Which call reads the *whole* file as one `str`?<<
(x) `f.read()`
( ) `f.readline()`, [once](https://example.org/once)
[explanation]
`read()` with no size reads to the **end**.
[explanation]

<quiz>
Which mode adds to the *end* of a file?
- [x] `"a"` (**append**)
- [ ] `"x"`
</quiz>
"""

MORE = """# Proving dough

## Questions

Which flour rises best in a `starter`?
[( )] *rye*, if it is old
[(X)] **strong** white flour

```{r quiz}
question("What does `rise()` return?",
  answer("a *number*", correct = TRUE),
  answer("nothing"))
```

::: challenge

Which statement about `yeast` is true?

1. `yeast` dies at *room* temperature
2. `yeast` feeds on **sugar**

::: solution

2 is correct: `yeast` turns sugar into gas.

:::
:::
"""

HOSTILE = """---
title: Unsafe words
teaching: 5
---

## Check yourself

>>Is <script>alert(1)</script> run, or <img src=x onerror="alert(2)"> shown?<<
(x) `<script>` stays text <img src=y onerror=alert(3)>
( ) It runs <script>alert(4)</script>
[explanation]
Tags <b onmouseover=alert(5)>are</b> data, and [this](javascript:alert(6)) no link.
[explanation]

::: challenge

What does <img src=z onerror=alert(7)> `do`?

::: solution

Nothing <script>alert(8)</script>: it is **data**.

:::
:::
"""


def _quiz_page(text: str, name: str = "t.md") -> str:
    part = import_text(SourceText(Path(name), text, "utf-8"), name)
    return "\n".join(render_quiz(part, lesson).text for lesson in part.lessons
                     if lesson.quizzes)


def _questions(text: str) -> list:
    part = import_text(SourceText(Path("t.md"), text, "utf-8"), "t.md")
    return [q for lesson in part.lessons for quiz in lesson.quizzes for q in quiz.questions]


def test_quiz_syntax_questions_keep_code_emphasis_and_links_on_the_page():
    page = _quiz_page(EPISODE) + _quiz_page(MORE)
    for marked in ("Which call reads the *whole* file as one `str`?",
                   "- A. `f.read()`",
                   "- B. `f.readline()`, [once](<https://example.org/once>)",
                   "`read()` with no size reads to the **end**.",
                   "Which mode adds to the *end* of a file?",
                   '- A. `"a"` (**append**)',
                   "- A. *rye*, if it is old", "- B. **strong** white flour",
                   "What does `rise()` return?", "- A. a *number*",
                   "Which statement about `yeast` is true?",
                   "- B. `yeast` feeds on **sugar**",
                   "**Answer: B.** `yeast` feeds on **sugar**",
                   "2 is correct: `yeast` turns sugar into gas."):
        assert marked in page, marked
    assert "\\`" not in page and "\\*" not in page


def test_plain_texts_stay_plain_for_the_importer_and_inspect():
    prompts = {q.prompt: q.options for q in _questions(EPISODE) + _questions(MORE)}
    assert prompts["Which call reads the whole file as one str?"] == [
        "f.read()", "f.readline(), once"]
    assert prompts["Which statement about yeast is true?"] == [
        "yeast dies at room temperature", "yeast feeds on sugar"]
    assert prompts["What does rise() return?"] == ["a number", "nothing"]


@pytest.fixture(scope="module")
def course(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = make_project(tmp_path_factory.mktemp("mdq"),
                           {"reading-files.md": EPISODE, "unsafe.md": HOSTILE})
    for command in ("build", "export gift", "export qti"):
        assert main(["--project", str(project), *command.split()]) == 0
    return project


def _challenge_page(course: Path) -> str:
    return next(course.glob("docs/*/reading-files-quiz.md")).read_text(encoding="utf-8")


def test_a_challenge_stem_keeps_its_code_list_and_table_on_the_built_page(course):
    html = next(course.glob("site/*/reading-files-quiz/index.html")).read_text("utf-8")
    box = html[html.index("Question 1"):html.index("Question 2")]
    tree = etree.HTML(box)
    assert tree.xpath("//code[text()='open(path, \"w\")']")
    assert tree.xpath("//strong[text()='existing']")
    assert tree.xpath("//a[@href='https://docs.python.org/3/library/functions.html#open']")
    assert "f.write" in "".join(tree.xpath("//pre//text()"))
    assert tree.xpath("//li/em[text()='writing']") and tree.xpath("//table//td/code")
    assert "\\`" not in box and "\\*" not in box


def test_check_reads_the_marked_up_questions_without_a_problem(course, capsys):
    capsys.readouterr()
    assert main(["--project", str(course), "check"]) == 0
    assert "0 errors, 0 warnings" in capsys.readouterr().out


def test_a_multi_line_stem_is_read_back_whole_for_check_handout_and_exports(course):
    blocks, problems = parse_blocks(_challenge_page(course), "page")
    assert not problems
    prompt = blocks[0].question.prompt
    assert prompt.startswith("What does `open(path, \"w\")` do to an **existing** file?")
    assert '```python\nwith open("notes.txt", "w") as f:\n    f.write("hello")\n```' in prompt
    assert "\n- it is opened for *writing*\n- nothing is read\n" in prompt
    assert "| `r` | read |" in prompt
    context = PageContext(course / "docs", "p/reading-files-quiz.md")
    html = print_page(_challenge_page(course), context, "Reading files", True).html
    prompt_html = etree.HTML(html).xpath("//div[@class='prompt']")[0]
    assert prompt_html.xpath(".//pre") and prompt_html.xpath(".//table")
    assert prompt_html.xpath(".//li/em[text()='writing']")


def test_gift_carries_the_markdown_with_its_lines(course, gift_parser):  # noqa: F811
    questions = parse_gift(gift_parser, course / "dist/course.gift")
    stems = {q["stem"]["text"]: q for q in questions if q["type"] != "Category"}
    stem = next(s for s in stems if s.startswith("What does `open(path"))
    assert stems[stem]["stem"]["format"] == "markdown"
    assert '\n\n```python\nwith open("notes.txt", "w") as f:\n    f.write("hello")\n```' \
        in stem
    read = stems["Which call reads the *whole* file as one `str`?"]
    assert [c["text"]["text"] for c in read["choices"]] == [
        "`f.read()`", "`f.readline()`, [once](<https://example.org/once>)"]


def _qti_items(course: Path) -> list[bytes]:
    with zipfile.ZipFile(course / "dist/course-qti21.zip") as archive:
        return [archive.read(n) for n in sorted(archive.namelist()) if n.startswith("items/")]


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_qti_gets_xhtml_of_the_marks_and_of_the_stem_blocks(course):
    items = _qti_items(course)
    for data in items:
        qtixml.QTIDocument().read(src=io.BytesIO(data))  # QTIValidityError if misplaced
    ns = {"q": "http://www.imsglobal.org/xsd/imsqti_v2p1"}
    trees = [etree.fromstring(d) for d in items]
    challenge = next(t for t in trees if "f.write" in "".join(t.itertext()))
    body = challenge.find("q:itemBody", ns)
    assert body.xpath(".//q:pre", namespaces=ns) and body.xpath(".//q:table//q:td/q:code",
                                                                namespaces=ns)
    assert body.xpath(".//q:strong[text()='existing']", namespaces=ns)
    read = next(t for t in trees if "whole" in "".join(t.itertext()))
    assert read.xpath(".//q:prompt/q:span/q:em[text()='whole']", namespaces=ns)
    assert read.xpath(".//q:simpleChoice//q:code[text()='f.read()']", namespaces=ns)


def test_html_in_a_markdown_question_stays_inert_everywhere(course):
    pages = html_pages(course / "site")
    quiz = next(name for name in pages if name.endswith("unsafe-words-quiz/index.html"))
    page = pages[quiz]
    assert_inert(page, quiz)
    assert not [tag for tag, attrs in page.elements if tag == "img" and attrs.get("src") in
                ("x", "y", "z")]
    assert "alert(1)" in page.visible and "<script>" in page.visible  # the code span's text
    gift = (course / "dist/course.gift").read_text(encoding="utf-8")
    assert "<script" not in gift.replace("`<script>`", "") and "onerror" not in gift
    for data in _qti_items(course):
        tree = etree.fromstring(data)
        tags = {etree.QName(e).localname for e in tree.iter() if isinstance(e.tag, str)}
        assert not tags & {"script", "img", "b"}
        assert not [e for e in tree.iter() if any(a.startswith("on") for a in e.attrib)]
    handout = print_page(next(course.glob("docs/*/unsafe-words-quiz.md")).read_text("utf-8"),
                         PageContext(course / "docs", "u/unsafe-words-quiz.md"), "U", True)
    assert_inert(Page(handout.html), "handout")
