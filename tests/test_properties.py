"""Properties of the importer and the renderer, on generated text.

- Importing any text raises nothing but ``CourseError``, and every lesson
  and quiz it makes renders.
- Plain paragraphs keep every word: cleaning, segmenting and structuring
  may move text around, never lose it.
- ``md_text`` is exact: whatever a source says, Markdown shows those
  characters and nothing else (no markup, no lost character).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import markdown
import yaml
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from build_course.build.rendering import md_text, render_course, render_lesson, render_quiz
from build_course.diagnostics import CourseError
from build_course.importer import cues
from build_course.importer.importing import import_text
from build_course.importer.reading import decode_source
from build_course.model import Course, Page, Part, SourceText

REPO = Path(__file__).resolve().parents[1]
SETTINGS = settings(max_examples=100, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


def import_and_render(text: str) -> tuple[Part, str] | None:
    """Import ``text`` as a source; its rendered lessons and quizzes, or None
    if the importer refused it with a CourseError."""
    try:
        part = import_text(SourceText(Path("generated.txt"), text, "utf-8"), "generated.txt")
    except CourseError:
        return None
    part.slug = "generated"
    pages = []
    for lesson in part.lessons:
        pages.append(render_lesson(part, lesson).text)
        if lesson.quizzes:
            pages.append(render_quiz(part, lesson).text)
    return part, "\n".join(pages)


def read_import_render(data: bytes) -> list[Page] | None:
    """The whole pipeline but writing: decode, import, render every page."""
    try:
        source = decode_source(data, Path("generated.txt"), "generated.txt")
        part = import_text(source, "generated.txt")
    except CourseError:
        return None
    part.slug = "generated"
    return render_course(Course("Course", "", [part]))


# ---- any text ----------------------------------------------------------------

SHAPES = ["\n", "\n", "\n\n", " ", " ", "\t", "\f", "1. ", "2) ", "A. ", "a) ", "• ", "- ",
          "o ", "* ", "Answers\n", "Check for Understanding\n", "Lesson 1: ", "Chapter 2 - ",
          "Book ─ ", "Definition: ", "Duration: 5 minutes\n", "Alice: ", "“", "”", "\"", " – ",
          ":", "Page 3 of 9\n", "12\n", "facebook twitter\n", "Goals\n", "References\n",
          "http://example.com/x", "<script>", "{: x }", "#", "!!! ", "\u00a0", "\ufeff"]

any_text = st.lists(st.one_of(st.sampled_from(SHAPES),
                              st.text(st.characters(blacklist_categories=("Cs",)), max_size=12),
                              st.text("abcdefgh XYZ.,?!", min_size=1, max_size=40)),
                    max_size=60).map("".join)


def _corpus_lines() -> list[str]:
    lines: list[str] = []
    for path in sorted((REPO / "source").glob("*.txt")):
        lines += path.read_text(encoding="utf-8").split("\n")
    return lines or ["no corpus"]


CORPUS = _corpus_lines()


@st.composite
def mutated_corpus(draw) -> str:
    """A run of lines from the real sources, cut, repeated and scribbled on."""
    start = draw(st.integers(0, len(CORPUS) - 1))
    lines = CORPUS[start:start + draw(st.integers(1, 120))]
    for _ in range(draw(st.integers(0, 8))):
        i = draw(st.integers(0, len(lines)))
        action = draw(st.sampled_from(["drop", "dup", "insert", "indent", "cut"]))
        if action == "insert" or not lines:
            lines.insert(i, draw(st.sampled_from(SHAPES + CORPUS[:50])))
            continue
        i = min(i, len(lines) - 1)
        if action == "drop":
            del lines[i]
        elif action == "dup":
            lines.insert(i, lines[i])
        elif action == "indent":
            lines[i] = " " * draw(st.integers(1, 6)) + lines[i]
        else:
            lines[i] = lines[i][:draw(st.integers(0, max(len(lines[i]), 0)))]
    return "\n".join(lines)


@SETTINGS
@given(any_text)
def test_importing_any_text_raises_only_course_errors(text):
    import_and_render(text)


@SETTINGS
@given(mutated_corpus())
def test_importing_mutated_sources_raises_only_course_errors(text):
    import_and_render(text)


@SETTINGS
@given(st.one_of(any_text.map(lambda t: t.encode("utf-8")),
                 any_text.map(lambda t: t.encode("utf-16")),
                 st.binary(max_size=200),
                 mutated_corpus().map(lambda t: t.encode("cp1252", errors="replace"))))
def test_every_page_has_front_matter_that_parses(data):
    pages = read_import_render(data)
    for page in pages or []:
        assert page.text.startswith("---\n")
        front = yaml.safe_load(page.text.split("\n---\n", 1)[0][4:])
        assert isinstance(front, dict) and front["generator"] == "build-course"
        assert front["title"] == page.title


@SETTINGS
@given(st.sampled_from(range(0, len(CORPUS), 40)).flatmap(
    lambda start: st.just("\n".join(CORPUS[start:start + 200]))))
def test_warnings_point_at_lines_of_the_source(text):
    done = import_and_render(text)
    if done:
        lines = text.count("\n") + 1
        for item in done[0].diagnostics:
            assert 0 <= item.line <= lines, item


# ---- plain paragraphs keep their words -----------------------------------------

_STRUCTURE_WORDS = set(cues.SHARE_WORDS) | {
    "lesson", "chapter", "module", "unit", "part", "answer", "answers", "key", "quiz",
    "practice", "activity", "exercise", "exercises", "questions", "worksheet", "solutions",
    "goals", "objectives", "definition", "duration", "time", "readings", "references"}
VOCABULARY = [w for w in (
    "customer service listen patience welcome greet smile answer store staff manager "
    "problem solve calm polite thank people return refund order deliver promise trust "
    "honest quality clear voice phone email message respond quickly kindly always never "
    "before after every other their about would could should might which where").split()
    if w not in _STRUCTURE_WORDS]
MARKUP = ["*", "_", "`", "[x]", "{", "}", "#", "&amp;", "&", "\\", "|", "!", ">", "<", "<b>",
          "~", "(", ")", "+", "=", "http://example.com/a_b", "{{", "%}", "<!--", "-->"]

word = st.sampled_from(VOCABULARY)
paragraph = st.tuples(word, st.lists(st.one_of(word, word, word, st.sampled_from(MARKUP)),
                                     min_size=2, max_size=30)).map(
    lambda t: " ".join([t[0].capitalize(), *t[1]]) + ".")


@SETTINGS
@given(st.lists(paragraph, min_size=1, max_size=12))
def test_plain_paragraphs_keep_every_word(paragraphs):
    text = "\n\n".join(paragraphs) + "\n"
    done = import_and_render(text)
    assert done is not None
    rendered = done[1]
    for source_paragraph in paragraphs:
        for token in source_paragraph.split():
            token = token.strip(".")
            if len(token) >= 4 and token.isalpha():
                assert token.lower() in rendered.lower(), (token, source_paragraph)


@SETTINGS
@given(st.lists(paragraph, min_size=2, max_size=8))
def test_plain_paragraphs_show_exactly_on_the_page(paragraphs):
    """Rendered to HTML as MkDocs does, each paragraph reads as written."""
    text = "\n\n".join(paragraphs) + "\n"
    part, rendered = import_and_render(text)
    visible = _squash(html_text(to_html(rendered.split("\n---\n", 1)[1])))
    for source_paragraph in paragraphs:
        assert _squash(source_paragraph) in visible


# ---- md_text is exact --------------------------------------------------------------

EXTENSIONS = ["toc", "tables", "fenced_code", "admonition", "attr_list", "def_list",
              "md_in_html", "pymdownx.details", "pymdownx.superfences"]


def to_html(text: str) -> str:
    return markdown.markdown(text, extensions=EXTENSIONS)


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.parts.append(data)


def html_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    parser.close()
    return "".join(parser.parts)


def html_tags(html: str) -> list[str]:
    parser = _Text()
    parser.feed(html)
    parser.close()
    return parser.tags


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


source_chars = st.characters(blacklist_categories=("Cs", "Cc", "Co", "Cn", "Zl", "Zp"))
line_of_text = st.one_of(
    st.text(source_chars, min_size=1, max_size=40),
    st.lists(st.one_of(st.sampled_from(MARKUP + ["!!! note", "??? x", "~~~", ": ", "1. ",
                                                 "2019.", "1)", "- ", "+ ", "=", "---", "***",
                                                 "    ", "    code", "[^1]", "*[x]: y",
                                                 "[x]: http://a", "&#60;", "&copy;", "<div>",
                                                 "{ #id }", "{: .c }", "\\#", "C#", "# x #"]),
                       st.text(source_chars, max_size=6)),
             min_size=1, max_size=10).map("".join),
).map(str.strip).filter(bool)


@SETTINGS
@given(line_of_text)
@example("&#0")  # hypothesis found it: a character reference without its ";"
@example("&copy 2020, Q&A")
def test_md_text_shows_exactly_the_source_text(text):
    urls = re.findall(r"https?://\S+", text)
    assume(not urls)  # a bare URL becomes a link: its text is checked in the next test
    for template, tag in (("{}", "p"), ("## {}", "h2"), ("- {}", "li"), ("1. {}", "li")):
        html = to_html(template.format(md_text(text)))
        assert _squash(html_text(html)) == _squash(text), (template, html)
        assert set(html_tags(html)) <= {tag, "p", "ul", "ol"}, (template, html)


@SETTINGS
@given(st.text(st.sampled_from("abc/._-?=#&"), min_size=1, max_size=20),
       st.sampled_from(["", ".", ",", ")", "!"]))
def test_md_text_links_bare_urls(path, after):
    url = f"https://example.com/{path}"
    html = to_html(f"See {md_text(url + after)} now")
    assert "<a href=" in html
    text = _squash(html_text(html))
    assert text == f"See {url}{after} now" or text.startswith("See https://example.com/")


# ---- the manifest and front matter ----------------------------------------

_SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
                     st.text(max_size=30))
_YAML_VALUES = st.recursive(_SCALARS, lambda inner: st.lists(inner, max_size=4)
                            | st.dictionaries(st.text(max_size=12), inner, max_size=4),
                            max_leaves=12)
_MANIFEST_KEYS = st.sampled_from(["title", "description", "site_url", "version", "sources",
                                  "titel", "file", ""])


def _load_manifest_text(tmp: Path, text: str):
    from build_course.manifest import load_manifest

    path = tmp / "course.yml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    return load_manifest(path, "source/course.yml")


@SETTINGS
@given(data=st.dictionaries(_MANIFEST_KEYS, _YAML_VALUES | st.lists(
    st.dictionaries(st.sampled_from(["file", "title", "publisher", "original", "x"]),
                    _YAML_VALUES, max_size=4) | _SCALARS, max_size=4), max_size=6))
def test_any_manifest_loads_or_fails_with_a_located_error(tmp_path_factory, data):
    """Whatever YAML course.yml holds, loading it gives a manifest of strings
    or a CourseError at a line of the file, never another exception."""
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    _check_manifest(tmp_path_factory.mktemp("m"), text)


@SETTINGS
@given(text=st.text(alphabet=st.sampled_from(list("title: sources-file\n'\"[]{}&*!|>#%@` \t"
                                                  "https://x<>é\x00\ufeff")), max_size=200))
def test_any_manifest_text_loads_or_fails_with_a_located_error(tmp_path_factory, text):
    _check_manifest(tmp_path_factory.mktemp("m"), text)


def _check_manifest(folder: Path, text: str) -> None:
    from build_course.manifest import SourceEntry, site_url_problem

    try:
        manifest = _load_manifest_text(folder, text)
    except CourseError as exc:
        lines = text.count("\n") + 2
        assert all(d.file == "source/course.yml" and 0 <= d.line <= lines and d.message
                   for d in exc.diagnostics)
        return
    for key in ("title", "description", "site_url", "version"):
        assert isinstance(getattr(manifest, key), str)
    assert not manifest.site_url or not site_url_problem(manifest.site_url)
    assert all(isinstance(e, SourceEntry) and e.file and isinstance(e.title, str)
               for e in manifest.sources)


@SETTINGS
@given(meta=st.dictionaries(st.sampled_from(["title", "part", "other"]), _YAML_VALUES,
                            max_size=3),
       body=st.text(max_size=80))
def test_any_front_matter_imports_or_fails_with_a_located_error(meta, body):
    """An author's lesson with any front matter is a lesson (its title the
    front matter's, when that is text) or a CourseError, nothing else."""
    from build_course.importer.authored import import_markdown

    front = yaml.safe_dump(meta, allow_unicode=True)
    text = "---\n" + front + "---\n" + body
    source = SourceText(Path("lesson.md"), text, "utf-8")
    try:
        part = import_markdown(source, "source/lesson.md", None)
    except CourseError as exc:
        assert all(d.file == "source/lesson.md" and d.line >= 0 for d in exc.diagnostics)
        return
    [lesson] = part.lessons
    # the title as YAML reads it back: a line break in it (U+0085 is one to
    # YAML) is folded to a space, '0\x850' is written '0\x85  0' and read '0 0'
    title = (yaml.safe_load(front) or {}).get("title")
    if isinstance(title, str) and title.strip():
        assert lesson.title == title.strip()
    assert isinstance(lesson.title, str) and lesson.title


@SETTINGS
@given(text=st.text(alphabet=st.sampled_from(list("-: title\n'\"[]{}&*!|>#x")), max_size=120))
def test_any_front_matter_text_imports_or_fails_with_a_located_error(text):
    from build_course.importer.authored import import_markdown

    source = SourceText(Path("lesson.md"), "---\n" + text, "utf-8")
    try:
        import_markdown(source, "source/lesson.md", None)
    except CourseError:
        pass
