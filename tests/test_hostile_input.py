"""Hostile input stays text.

A tutorial is data: HTML, Markdown extensions' syntax, Jinja and front
matter in a source must show on the built site as the characters they are,
and no name in a source may make the build write outside docs/.
"""

from __future__ import annotations

import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from build_course.cli import main

REPO = Path(__file__).resolve().parents[1]

# What must show as text, character for character.
PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[click me](javascript:alert(1))",
    "<javascript:alert(1)>",
    "<!-- x -->",
    "{{ config }}",
    "{% include 'x' %}",
    '{: onclick="alert(1)" }',
    "<div markdown onmouseover=alert(1)>hover</div>",
    "&lt;b&gt; &amp; &#60;script&#62;",
]

HOSTILE = """---
title: evil
---
Handling Hostile Text

This paragraph has <script>alert(1)</script> in it, and <img src=x onerror=alert(1)> too.

Follow [click me](javascript:alert(1)) or <javascript:alert(1)> now,
or http://example.com/"onmouseover="alert(1) later.

[ref]: javascript:alert(1)

An HTML comment <!-- x --> sits here, with {{ config }} and {% include 'x' %} in Jinja.

The next line tries an attribute list on this paragraph.
{: onclick="alert(1)" }

Raw <div markdown onmouseover=alert(1)>hover</div> and &lt;b&gt; &amp; &#60;script&#62; entities.

!!! danger "An admonition that should be text"

??? note "A details block that should be text"

~~~
a fence that should be text
~~~

: a definition that should be text

Alice: Hello <script>alert(1)</script> there, how are you today?
Bob: Fine, thanks <img src=x onerror=alert(1)> for asking me.

“Quality <script>alert(1)</script> is what the customer gets.” – Peter Drucker

Check for Understanding
1. What does <b onmouseover=alert(1)>this</b> do?
   A. <script>alert(1)</script>
   B. {: onclick="alert(1)" }
2. Explain {{ config }} in your own words.

Answers
1. A. <script>alert(1)</script>
2. It is <img src=x onerror=alert(1)> text.
"""

CLEAN = """Greeting Customers

Say hello to every customer who comes into the store, and smile.
"""


class Page(HTMLParser):
    """What a browser would make of a page: elements, text, comments."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict, str]] = []
        self.comments: list[str] = []
        self.text: list[str] = []
        self._in: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        if tag in ("script", "style"):
            self._in.append(tag)
            if tag == "script":
                self.scripts.append((dict(attrs), ""))

    def handle_endtag(self, tag):
        if self._in and self._in[-1] == tag:
            self._in.pop()

    def handle_data(self, data):
        if self._in:
            if self._in[-1] == "script":
                attrs, text = self.scripts[-1]
                self.scripts[-1] = (attrs, text + data)
        else:
            self.text.append(data)

    def handle_comment(self, data):
        self.comments.append(data)

    @property
    def visible(self) -> str:
        return re.sub(r"\s+", " ", "".join(self.text))


def assert_inert(page: Page, where: str) -> None:
    """No element runs code from a source."""
    for tag, attrs in page.elements:
        for name, value in attrs.items():
            assert not name.lower().startswith("on"), f"{where}: <{tag} {name}={value!r}>"
            if name.lower() in ("href", "src", "action", "formaction", "xlink:href"):
                assert not (value or "").strip().lower().startswith("javascript:"), \
                    f"{where}: <{tag} {name}={value!r}>"
    for attrs, text in page.scripts:
        if not attrs.get("src"):
            assert "alert" not in text, f"{where}: an inline script from the source: {text!r}"
    for comment in page.comments:
        assert comment.strip() != "x", f"{where}: the source's comment became a comment"


def make_project(tmp_path: Path, files: dict[str, str], manifest: str | None = None) -> Path:
    project = tmp_path / "course"
    (project / "source").mkdir(parents=True)
    for name, text in files.items():
        (project / "source" / name).write_text(text, encoding="utf-8")
    if manifest is not None:
        (project / "source" / "course.yml").write_text(manifest, encoding="utf-8")
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    return project


def build(project: Path, capsys, *extra: str) -> tuple[int, str]:
    code = main(["--project", str(project), "build", *extra])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, err


def html_pages(site: Path) -> dict[str, Page]:
    return {str(p.relative_to(site)): Page(p.read_text(encoding="utf-8"))
            for p in sorted(site.rglob("*.html"))}


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    project = make_project(tmp_path_factory.mktemp("hostile"),
                           {"a-hostile.txt": HOSTILE, "b-clean.txt": CLEAN})
    code = main(["--project", str(project), "build"])
    assert code == 0
    return project


def test_no_page_runs_code_from_a_source(hostile_site):
    pages = html_pages(hostile_site / "site")
    assert len(pages) >= 4
    for where, page in pages.items():
        assert_inert(page, where)


def test_hostile_pages_have_no_more_scripts_than_a_clean_page(hostile_site):
    pages = html_pages(hostile_site / "site")
    clean = next(p for name, p in pages.items() if name.startswith("b-clean/"))
    for where, page in pages.items():
        if where != "404.html":
            assert len(page.scripts) == len(clean.scripts), where
            assert all(a.get("src") for a, _ in page.scripts) == \
                all(a.get("src") for a, _ in clean.scripts), where


def test_hostile_text_is_visible_as_text(hostile_site):
    pages = html_pages(hostile_site / "site")
    lesson = " ".join(p.visible for name, p in pages.items() if name.startswith("a-hostile/")
                      and "quiz" not in name)
    for payload in PAYLOADS:
        assert payload in lesson, payload
    for text in ("---", "title: evil", '!!! danger "An admonition that should be text"',
                 '??? note "A details block', "~~~", ": a definition that should be text",
                 'or http://example.com/"onmouseover="alert(1) later', "[ref]: javascript:alert(1)",
                 "Hello <script>alert(1)</script> there",
                 "Quality <script>alert(1)</script> is what"):
        assert text in lesson, text


def test_hostile_quiz_text_is_visible_as_text(hostile_site):
    pages = html_pages(hostile_site / "site")
    (quiz,) = [p for name, p in pages.items() if name.startswith("a-hostile/") and "quiz" in name]
    for text in ("What does <b onmouseover=alert(1)>this</b> do?",
                 "A. <script>alert(1)</script>", 'B. {: onclick="alert(1)" }',
                 "Explain {{ config }} in your own words.",
                 "It is <img src=x onerror=alert(1)> text."):
        assert text in quiz.visible, text


def test_no_markdown_extension_fires_on_source_text(hostile_site):
    pages = html_pages(hostile_site / "site")
    (lesson,) = [p for name, p in pages.items() if name.startswith("a-hostile/")
                 and "quiz" not in name]
    classes = " ".join(a.get("class") or "" for _, a in lesson.elements)
    tags = {tag for tag, _ in lesson.elements}
    assert "danger" not in classes and "note" not in classes
    assert "dl" not in tags, "a ':' line became a definition list"
    assert "pre" not in tags, "a '~~~' line became a code block"


def test_the_search_index_is_inert(hostile_site):
    index = json.loads((hostile_site / "site" / "search" / "search_index.json")
                       .read_text(encoding="utf-8"))
    for doc in index["docs"]:
        for field in ("title", "text"):
            assert_inert(Page(doc[field]), f"search index {doc['location']} {field}")
            assert "<script" not in doc[field] and "<img" not in doc[field]


def test_the_docs_keep_front_matter_of_their_own_only(hostile_site):
    for page in (hostile_site / "docs").rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        front = text.split("\n---\n", 1)[0]
        assert "evil" not in front, page
        assert text.startswith("---\n")


HOSTILE_TITLE = """Lesson 1: Evil <script>alert(1)</script> <img src=x onerror=alert(1)>

Say hello to every customer who comes into the store, and smile.
"""


def test_a_hostile_title_stays_text(tmp_path, capsys):
    project = make_project(tmp_path, {"evil.txt": HOSTILE_TITLE},
                           "title: Course <script>alert(2)</script>\n"
                           "sources:\n  - file: evil.txt\n"
                           "    publisher: <img src=x onerror=alert(3)>\n")
    code, err = build(project, capsys)
    assert code == 0, err
    pages = html_pages(project / "site")
    for where, page in pages.items():
        assert_inert(page, where)
        assert not any(tag == "img" and attrs.get("src") == "x" for tag, attrs in page.elements)
    (lesson,) = [p for name, p in pages.items() if name.startswith("evil/")]
    assert "Evil <script>alert(1)</script>" in lesson.visible


def test_text_before_a_lesson_label_is_kept(tmp_path, capsys):
    text = "---\ntitle: evil\n---\n" + HOSTILE_TITLE
    project = make_project(tmp_path, {"evil.txt": text})
    code, err = build(project, capsys, "--docs-only")
    assert code == 0, err
    (page,) = [p for p in (project / "docs").rglob("*.md") if p.name != "index.md"]
    assert "title: evil" in page.read_text(encoding="utf-8").split("\n---\n", 1)[1]


# ---- names -------------------------------------------------------------------

# What a build may write in a project: nothing else, anywhere.
PROJECT_ENTRIES = {"docs", "source", "mkdocs.yml", ".build-course-cache", ".build-course.lock"}
RESERVED = re.compile(r"^(con|prn|aux|nul|com\d|lpt\d)$", re.I)


@pytest.mark.parametrize("title", ["../../etc/passwd", "..\\..\\windows\\win.ini", "CON",
                                   "/etc/passwd", "~/.ssh/id_rsa", ".", "..", "nul.txt"])
def test_titles_never_write_outside_docs(tmp_path, capsys, title):
    files = {
        "CON.txt": f"Lesson 1: {title}\n\nSay hello to every customer in the store.\n",
        "aux.txt": "Lesson 2: Aux\n\nGreet them at the door with a warm smile.\n",
        "..txt": "Lesson 3: Dots\n\nThank every customer before they leave.\n",
        "lpt1.text": "Lesson 4: Printer\n\nKeep the counter tidy for the next person.\n",
    }
    manifest = f"sources:\n  - file: CON.txt\n    title: {json.dumps(title)}\n"
    project = make_project(tmp_path, files, manifest)
    before = set(tmp_path.parent.iterdir())
    code, err = build(project, capsys, "--docs-only")
    assert code == 0, err
    assert set(tmp_path.parent.iterdir()) == before, "nothing written beside the test folder"
    written = [p for p in tmp_path.rglob("*") if p.is_file()]
    for path in written:
        relative = path.relative_to(project)
        assert relative.parts[0] in PROJECT_ENTRIES, relative
    pages = [p for p in (project / "docs").rglob("*.md")]
    assert len(pages) == 5, pages
    for page in pages:
        for part in page.relative_to(project / "docs").parts:
            assert not RESERVED.match(part.split(".")[0]), page
            assert not part.startswith("."), page


def test_a_full_build_with_hostile_names_stays_in_the_project(tmp_path, capsys):
    files = {"CON.txt": "Lesson 1: ../../../../etc/passwd\n\nSay hello to every customer.\n"}
    project = make_project(tmp_path, files, 'title: "../../site"\nsite_url: ""\n')
    before = set(tmp_path.parent.iterdir())
    code, err = build(project, capsys)
    assert code == 0, err
    assert set(tmp_path.parent.iterdir()) == before
    assert {p.name for p in project.iterdir()} == PROJECT_ENTRIES | {"site"}
    assert not any(p.name == "passwd" for p in tmp_path.rglob("*"))


@pytest.mark.parametrize("path", ["../outside.md", "part/../../outside.md", "/tmp/outside.md",
                                  "link/page.md", "part/linked.md"])
def test_write_docs_never_writes_outside_docs(tmp_path, path):
    from build_course.build.writing import write_docs
    from build_course.diagnostics import CourseError
    from build_course.model import Page

    docs, outside = tmp_path / "docs", tmp_path / "outside"
    (docs / "part").mkdir(parents=True)
    outside.mkdir()
    (docs / "link").symlink_to(outside, target_is_directory=True)  # as an author might
    (docs / "part" / "linked.md").symlink_to(outside / "page.md")
    with pytest.raises(CourseError, match="this page path leaves docs/"):
        write_docs(docs, [Page("index.md", "# Home\n"), Page(path, "# Out\n")], [])
    assert list(outside.iterdir()) == []
    assert not (tmp_path / "outside.md").exists()
