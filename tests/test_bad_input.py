"""Bad input gets a clear message, never a traceback.

Every content problem is printed as ``file:line: what is wrong; how to fix
it`` and the build exits 1; a usage problem exits 2; anything the build can
make sense of (odd encodings, line endings, control characters) builds, with
a warning where something was dropped.
"""

from __future__ import annotations

import codecs
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from build_course.cli import main

REPO = Path(__file__).resolve().parents[1]

# "file:line: message; hint" (the line is left out only when no line applies).
MESSAGE = re.compile(r"^(warning: )?[^:\n]+(:\d+)?: [^;\n]+; \S.*$")

LESSON = """Serving Customers Well

Good service keeps customers coming back to the store every week.

Listening Carefully

Listen to what the customer says before you answer the question.
"""


def make_project(tmp_path: Path, files: dict[str, str | bytes],
                 manifest: str | None = None) -> Path:
    """A course folder: source/ with ``files`` (and course.yml), mkdocs.yml."""
    project = tmp_path / "course"
    source = project / "source"
    source.mkdir(parents=True)
    for name, content in files.items():
        data = content.encode("utf-8") if isinstance(content, str) else content
        (source / name).write_bytes(data)
    if manifest is not None:
        (source / "course.yml").write_text(manifest, encoding="utf-8")
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    return project


def build(project: Path, capsys) -> tuple[int, str, str]:
    """Run ``build-course build --docs-only`` in-process: (exit code, out, err)."""
    code = main(["--project", str(project), "build", "--docs-only"])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def docs_text(project: Path) -> str:
    """Every page written under docs/, concatenated (home page last)."""
    pages = sorted((project / "docs").rglob("*.md"), key=lambda p: p.name == "index.md")
    return "\n".join(p.read_text(encoding="utf-8") for p in pages)


def lesson_pages(project: Path) -> list[Path]:
    return sorted(p for p in (project / "docs").rglob("*.md") if p.name != "index.md")


def assert_messages(err: str) -> list[str]:
    """Every line on stderr has the ``file:line: message; hint`` form."""
    lines = [line for line in err.splitlines() if line.strip()]
    for line in lines:
        assert MESSAGE.match(line), f"badly formed message: {line!r}"
    return lines


# ---- files that are not usable text -----------------------------------------

@pytest.mark.parametrize("content", [b"", b"   \n\t\n  \r\n", "\u00a0\n\u2003\n"],
                         ids=["empty", "whitespace", "unicode-spaces"])
def test_a_file_without_text_is_an_error(tmp_path, capsys, content):
    project = make_project(tmp_path, {"blank.txt": content, "good.txt": LESSON})
    code, _, err = build(project, capsys)
    assert code == 1
    (line,) = assert_messages(err)
    assert line.startswith("source/blank.txt:1: the file has no text; ")
    assert not (project / "docs").exists(), "nothing is written when a source is bad"


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"


@pytest.mark.parametrize(("content", "kind", "advice"), [
    (PNG, "PNG image", "save it as text (.txt)"),
    (PDF, "PDF document", "give the file the ending .pdf: the build reads PDF files")])
def test_a_renamed_binary_is_refused_with_advice(tmp_path, capsys, content, kind, advice):
    project = make_project(tmp_path, {"chapter one.txt": content})
    code, _, err = build(project, capsys)
    assert code == 1
    (line,) = assert_messages(err)
    assert line.startswith("source/chapter one.txt:1: ")
    assert kind in line and advice in line


def test_random_binary_is_refused(tmp_path, capsys):
    data = bytes(range(256)) * 40
    project = make_project(tmp_path, {"data.txt": data})
    code, _, err = build(project, capsys)
    assert code == 1
    assert "looks like a binary file" in assert_messages(err)[0]


def test_every_bad_source_is_reported_at_once(tmp_path, capsys):
    project = make_project(tmp_path, {"a.txt": b"", "b.txt": PNG, "c.txt": LESSON})
    code, _, err = build(project, capsys)
    assert code == 1
    lines = assert_messages(err)
    assert [line.split(":")[0] for line in lines] == ["source/a.txt", "source/b.txt"]


# ---- encodings ---------------------------------------------------------------

FRENCH = "Café Crème\n\nIt’s the café’s “best” crème brûlée, façade and naïve résumé.\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "latin-1",
                                      "utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_encodings_are_read_right(tmp_path, capsys, encoding):
    text = FRENCH if encoding != "latin-1" else FRENCH.translate(
        str.maketrans("’“”", "'\"\""))  # latin-1 has no curly quotes
    project = make_project(tmp_path, {"french.txt": text.encode(encoding)})
    code, _, err = build(project, capsys)
    assert code == 0, err
    assert_messages(err)
    docs = docs_text(project)
    assert "\ufeff" not in docs, "no byte-order mark in the output"
    assert "\x00" not in docs
    for word in ("Café Crème", "crème brûlée", "façade", "naïve résumé"):
        assert word in docs
    if encoding != "latin-1":
        assert "It’s the café’s “best”" in docs


def test_invalid_utf8_falls_back_to_cp1252(tmp_path, capsys):
    data = "Price List\n\nThe caf\xe9 serves tea at \x80 2 \x96 it\x92s cheap.\n"
    project = make_project(tmp_path, {"menu.txt": data.encode("latin-1")})
    code, _, err = build(project, capsys)
    assert code == 0, err
    docs = docs_text(project)
    assert "The café serves tea at € 2 – it’s cheap." in docs


def test_utf8_and_cp1252_pasted_together_keep_both(tmp_path, capsys):
    data = ("Two Sources\n\nThis line is UTF-8: café, naïve.\n\n".encode()
            + "This line is cp1252: it’s a résumé.\n".encode("cp1252"))
    project = make_project(tmp_path, {"mixed.txt": data})
    code, _, err = build(project, capsys)
    assert code == 0, err
    docs = docs_text(project)
    assert "This line is UTF-8: café, naïve." in docs
    assert "This line is cp1252: it’s a résumé." in docs


# ---- line endings, tabs, control characters -------------------------------------

def test_crlf_and_cr_line_endings_build_like_lf(tmp_path, capsys):
    outputs = []
    for n, ending in enumerate(["\n", "\r\n", "\r"]):
        project = make_project(tmp_path / str(n), {"lesson.txt": LESSON.replace("\n", ending)})
        code, _, err = build(project, capsys)
        assert code == 0, err
        outputs.append(docs_text(project))
    assert "\r" not in outputs[1] + outputs[2]
    assert outputs[0] == outputs[1] == outputs[2]
    assert "## Listening Carefully" in outputs[0]


def test_tabs_are_spaces(tmp_path, capsys):
    text = "Tabbed\tTitle\n\n\tGood service\tkeeps customers\tcoming back.\n\n\t\t\n"
    project = make_project(tmp_path, {"tabs.txt": text})
    code, _, err = build(project, capsys)
    assert code == 0, err
    docs = docs_text(project)
    assert "Good service keeps customers coming back." in docs
    assert "\t" not in docs


def test_nul_bytes_are_removed_with_a_warning(tmp_path, capsys):
    text = b"Null Bytes\n\nFirst line is fine.\n\nSecond\x00 line has\x00 NULs.\n"
    project = make_project(tmp_path, {"nul.txt": text})
    code, _, err = build(project, capsys)
    assert code == 0, err
    (line,) = assert_messages(err)
    assert line.startswith("warning: source/nul.txt:5: NUL bytes removed; ")
    assert "Second line has NULs." in docs_text(project)


def test_control_characters_are_removed_with_a_warning(tmp_path, capsys):
    text = "Bell \x07Title\n\nEscape \x1b[31m codes and DEL\x7f and\x81 \x9d here.\n"
    project = make_project(tmp_path, {"ctl.txt": text})
    code, _, err = build(project, capsys)
    assert code == 0, err
    (line,) = assert_messages(err)
    assert line.startswith("warning: source/ctl.txt:1: control characters")
    docs = docs_text(project)
    assert "# Bell Title" in docs
    assert "Escape \\[31m codes and DEL and here." in docs
    assert not re.search("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]", docs)


def test_c1_controls_that_are_mojibake_are_repaired(tmp_path, capsys):
    text = "Quotes\n\nIt\u00e2\u0080\u0099s the caf\u00c3\u00a9\u00e2\u0080\u0099s menu.\n"
    project = make_project(tmp_path, {"moji.txt": text})
    code, _, err = build(project, capsys)
    assert code == 0, err
    assert "It’s the café’s menu." in docs_text(project)


# ---- size ----------------------------------------------------------------------

def test_a_one_megabyte_line_does_not_hang(tmp_path, capsys):
    words = "customer service means listening well and answering clearly"
    line = (words + " ") * (1_000_000 // (len(words) + 1))
    project = make_project(tmp_path, {"long.txt": "A Very Long Line\n\n" + line + ".\n"})
    code, _, err = build(project, capsys)
    assert code == 0, err
    assert "answering clearly customer" in docs_text(project)


def test_a_50_mb_text_builds(tmp_path, capsys):
    """A 50 MB text of web-page paragraphs is read and written whole."""
    para = ("Paragraph {n} explains how to greet a customer, listen with care and answer "
            "every question with patience, so that people feel welcome and come back.\n\n")
    text = "Serving Customers\n\n" + "".join(
        (f"Section Number {n}\n\n" if n % 10 == 0 else "") + para.format(n=n)
        for n in range(1, 330_000))
    assert len(text) > 50_000_000
    project = make_project(tmp_path, {"big.txt": text})
    code, _, err = build(project, capsys)
    assert code == 0, err
    assert "Paragraph 329999 explains" in docs_text(project)


def pdf_style_text(pages: int) -> str:
    """Hard-wrapped text as PDF extractors write it: running chapter markers,
    page numbers, lines cut mid-sentence (~10 kB a page)."""
    page = "".join(
        f" Chapter {n // 40} ─ Serving Customers\n"
        f"Paragraph {n} explains how to greet a customer, listen with care and\n"
        "answer every question with patience, so that people feel welcome and come\n"
        "back again; it goes on for a while, the way that PDF text always does.\n\n"
        for n in range(1, 41))
    return "".join(page.replace("Paragraph ", f"Part {p} paragraph ") + f"{p}\n"
                   for p in range(1, pages + 1))


def test_a_large_pdf_style_text_builds_in_time(tmp_path):
    """2 MB of PDF-style text builds (in a subprocess with a generous limit,
    so that a quadratic build would fail the test instead of hanging the suite;
    the time itself is measured by the benchmark, not here)."""
    project = make_project(tmp_path, {"big.txt": pdf_style_text(200)})
    try:
        done = subprocess.run([sys.executable, "-m", "build_course", "--project", str(project),
                               "build", "--docs-only"], capture_output=True, text=True,
                              timeout=300)
    except subprocess.TimeoutExpired:
        pytest.fail("building 2 MB of PDF-style text did not finish in 5 minutes")
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert "Part 200 paragraph 40 explains" in docs_text(project)


# ---- quizzes -------------------------------------------------------------------

QUIZ = """Serving Customers Well

Good service keeps customers coming back to the store.

Check for Understanding
1. What is service?
   A. Helping people
   B. Ignoring people
2. Who is a customer?
   A. Anyone you serve
   B. Nobody at all

Answers
{answers}
"""


def quiz_warnings(tmp_path, capsys, answers: str) -> list[str]:
    project = make_project(tmp_path, {"quiz.txt": QUIZ.format(answers=answers)})
    code, out, err = build(project, capsys)
    assert code == 0, err
    assert "1 quiz, 2 questions" in out
    return [line for line in assert_messages(err)]


def test_fewer_answers_than_questions_is_a_warning(tmp_path, capsys):
    lines = quiz_warnings(tmp_path, capsys, "1. A. Helping people")
    assert any(line.startswith("warning: source/quiz.txt:14: ") and "2 questions" in line
               and "1 answers" in line for line in lines), lines
    assert any(line.startswith("warning: source/quiz.txt:9: ") and "no answer" in line
               for line in lines), lines


def test_more_answers_than_questions_is_a_warning(tmp_path, capsys):
    lines = quiz_warnings(tmp_path, capsys, "1. A.\n2. A.\n3. B.")
    assert any(line.startswith("warning: source/quiz.txt:14: ") and "3 answers" in line
               for line in lines), lines


def test_an_answer_letter_without_its_option_names_the_line(tmp_path, capsys):
    lines = quiz_warnings(tmp_path, capsys, "1. A. Helping people\n2. D.")
    assert any(line.startswith("warning: source/quiz.txt:15: answer letter D has no such "
                               "option") for line in lines), lines


def test_an_answer_that_matches_no_option_names_the_line(tmp_path, capsys):
    lines = quiz_warnings(tmp_path, capsys, "1. A. Helping people\n2. Somebody else")
    assert any(line.startswith("warning: source/quiz.txt:15: ") and "matches none" in line
               for line in lines), lines


def test_a_question_without_options_builds(tmp_path, capsys):
    text = QUIZ.format(answers="1. Helping people.\n2. Anyone you serve.")
    text = re.sub(r"\n   [AB]\..*", "", text)
    project = make_project(tmp_path, {"open.txt": text})
    code, out, err = build(project, capsys)
    assert code == 0, err
    assert "2 questions" in out
    docs = docs_text(project)
    assert "Show model answer" in docs and "Anyone you serve." in docs


def test_a_quiz_without_answers_builds(tmp_path, capsys):
    text = QUIZ.split("\nAnswers")[0] + "\nThat is all for today, thank you.\n"
    project = make_project(tmp_path, {"noanswers.txt": text})
    code, out, err = build(project, capsys)
    assert code == 0, err
    assert_messages(err)
    assert "The source gives no answer to this question." in docs_text(project)
    assert "none given" not in docs_text(project)  # which check calls an error


def test_headings_only(tmp_path, capsys):
    text = "Customer Service\n\nWho Are Customers\n\nHandling Stress\n\nClosing Thoughts\n"
    project = make_project(tmp_path, {"headings.txt": text})
    code, _, err = build(project, capsys)
    assert code == 0, err
    assert_messages(err)
    docs = docs_text(project)
    for heading in ("Who Are Customers", "Handling Stress", "Closing Thoughts"):
        assert heading in docs


@pytest.mark.parametrize("text", ["1. One\n2. Two\n", "Answers\n1. A.\n", "- \n-\n•\n",
                                  "Lesson 1:\n", "Lesson\n\nLesson\n", "?\n!\n:\n#\n"])
def test_fragments_build_or_fail_cleanly(tmp_path, capsys, text):
    project = make_project(tmp_path, {"fragment.txt": text})
    code, _, err = build(project, capsys)
    assert code in (0, 1)
    assert_messages(err)


# ---- the manifest ----------------------------------------------------------------

def manifest_error(tmp_path, capsys, manifest: str | bytes,
                   files: dict | None = None) -> list[str]:
    project = make_project(tmp_path, files or {"a.txt": LESSON, "b.txt": QUIZ})
    path = project / "source" / "course.yml"
    path.write_bytes(manifest.encode() if isinstance(manifest, str) else manifest)
    code, _, err = build(project, capsys)
    assert code == 1
    return assert_messages(err)


def test_a_typo_in_a_manifest_key_says_line_and_did_you_mean(tmp_path, capsys):
    lines = manifest_error(tmp_path, capsys,
                           "title: Course\nsources:\n  - file: a.txt\n    tilte: A\n")
    assert lines == ["source/course.yml:4: unknown key 'tilte'; did you mean 'title'?"]


def test_a_typo_in_a_top_level_key(tmp_path, capsys):
    lines = manifest_error(tmp_path, capsys, "title: Course\nsoruces:\n  - a.txt\n")
    assert lines == ["source/course.yml:2: unknown key 'soruces'; did you mean 'sources'?"]


def test_a_line_break_editors_do_not_show_does_not_shift_the_line(tmp_path, capsys):
    # NEL and the Unicode line separator end a line for YAML, not in an editor
    lines = manifest_error(tmp_path, capsys,
                           "title: 'Course\x85 one'\ndescription: a\u2028b\n"
                           "sources:\n  - file: a.txt\n    tilte: A\n")
    assert lines == ["source/course.yml:5: unknown key 'tilte'; did you mean 'title'?"]


def test_a_missing_source_file_is_named(tmp_path, capsys):
    lines = manifest_error(tmp_path, capsys, "sources:\n  - a.txt\n  - file: nope.txt\n")
    (line,) = lines
    assert line.startswith("source/course.yml:3: the source file 'nope.txt' does not exist; ")


def test_a_duplicated_entry_is_named(tmp_path, capsys):
    lines = manifest_error(tmp_path, capsys, "sources:\n  - a.txt\n  - b.txt\n  - file: a.txt\n")
    (line,) = lines
    assert line.startswith("source/course.yml:4: 'a.txt' is listed twice (first on line 2)")


def test_a_duplicated_key_is_named(tmp_path, capsys):
    lines = manifest_error(tmp_path, capsys, "title: One\nsources: [a.txt]\ntitle: Two\n")
    assert lines[0].startswith("source/course.yml:3: 'title' is given twice (first on line 1)")


@pytest.mark.parametrize(("manifest", "where"), [
    ("title: Course\nsources:\n  - file: a.txt\n   title: bad indent\n", ":4: "),
    ("title: 'unclosed\nsources: []\n", ":3: "),
    ("title: Course\n\tsources: []\n", ":2: "),
    ("sources: [a.txt\n", ":2: "),
])
def test_bad_yaml_says_line_and_column(tmp_path, capsys, manifest, where):
    (line,) = manifest_error(tmp_path, capsys, manifest)
    assert line.startswith("source/course.yml" + where + "bad YAML at column "), line


def test_a_control_character_in_the_manifest(tmp_path, capsys):
    (line,) = manifest_error(tmp_path, capsys, "title: Course\nsources:\n  - a.txt\x07\n")
    assert line.startswith("source/course.yml:3: bad YAML at column 10: "), line


def test_a_manifest_that_is_not_utf8(tmp_path, capsys):
    (line,) = manifest_error(tmp_path, capsys, "title: Caf\xe9\n".encode("latin-1"))
    assert line.startswith("source/course.yml:1: the manifest is not UTF-8 text; ")


def test_a_manifest_that_is_a_folder(tmp_path, capsys):
    project = make_project(tmp_path, {"a.txt": LESSON})
    (project / "source" / "course.yml").mkdir()
    code, _, err = build(project, capsys)
    assert code == 1
    assert assert_messages(err)[0].startswith("source/course.yml: cannot read the manifest")


@pytest.mark.parametrize("manifest", ["- a.txt\n", "just a string\n", "sources: a.txt\n",
                                      "sources:\n  - [a.txt]\n", "sources:\n  - title: A\n",
                                      "title: [A, B]\n", "sources:\n  - file:\n"])
def test_manifest_of_the_wrong_shape(tmp_path, capsys, manifest):
    lines = manifest_error(tmp_path, capsys, manifest)
    assert all(line.startswith("source/course.yml:") for line in lines)


@pytest.mark.parametrize("name", ["/etc/passwd", "../../../../../../etc/passwd",
                                  "..\\..\\secret.txt", "C:\\Windows\\win.ini"])
def test_a_manifest_cannot_name_a_file_outside_source(tmp_path, capsys, name):
    (line,) = manifest_error(tmp_path, capsys, f"sources:\n  - file: '{name}'\n")
    assert line.startswith("source/course.yml:2: ") and "outside source/" in line


def test_an_empty_manifest_and_empty_sources_are_fine(tmp_path, capsys):
    for manifest in ("", "# nothing yet\n", "title: Course\nsources:\n"):
        project = make_project(tmp_path / str(len(manifest)), {"a.txt": LESSON}, manifest)
        code, _, err = build(project, capsys)
        assert code == 0, err


def test_a_manifest_with_a_bom_and_dot_slash(tmp_path, capsys):
    project = make_project(tmp_path, {"a.txt": LESSON})
    (project / "source" / "course.yml").write_bytes(
        codecs.BOM_UTF8 + b"title: Course\nsources:\n  - file: ./a.txt\n")
    code, out, err = build(project, capsys)
    assert code == 0, err
    assert out.count("a.txt:") == 1, "listed once, built once"


# ---- usage ---------------------------------------------------------------------

def test_no_source_folder_is_a_usage_error(tmp_path, capsys):
    code, _, err = build(tmp_path, capsys)
    assert code == 2
    assert assert_messages(err)[0].startswith("source: there is no source/ folder; ")


def test_an_unknown_option_is_a_usage_error(tmp_path, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--project", str(tmp_path), "build", "--no-such-option"])
    assert exc.value.code == 2
    assert "Traceback" not in capsys.readouterr().err


def test_a_source_with_no_text_files_builds_a_home_page(tmp_path, capsys):
    project = make_project(tmp_path, {"notes.md": "# not a source\n"})
    code, _, err = build(project, capsys)
    assert code == 0, err
    assert (project / "docs" / "index.md").exists()


# ---- file names ------------------------------------------------------------------

def test_file_names_with_spaces_and_non_ascii_letters(tmp_path, capsys):
    files = {"Customer Service 101.txt": LESSON,
             "Café Señor – Übung.txt": QUIZ.format(answers="1. A.\n2. A."),
             "урок один.txt": "Первый урок\n\nДобро пожаловать на курс обслуживания.\n"}
    project = make_project(tmp_path, files)
    code, out, err = build(project, capsys)
    assert code == 0, err
    for name in files:
        assert f"{name}: 1 lesson" in out
    folders = sorted(p.name for p in (project / "docs").iterdir() if p.is_dir())
    assert folders == ["cafe-senor-ubung", "customer-service-101", "page"]
    assert "Добро пожаловать на курс обслуживания." in docs_text(project)


def test_names_that_make_the_same_page_name_are_both_built(tmp_path, capsys):
    files = {"Lesson 1.txt": LESSON,
             "lesson-1.txt": "Handling Complaints\n\nStay calm and thank the customer.\n",
             "LESSON_1.text": "Saying Goodbye\n\nThank every customer before they leave.\n"}
    project = make_project(tmp_path, files)
    code, _, err = build(project, capsys)
    assert code == 0, err
    pages = lesson_pages(project)
    assert len(pages) == 3
    assert len({p.parent for p in pages}) == 3, "each source gets its own folder"
    texts = [p.read_text(encoding="utf-8") for p in pages]
    for phrase in ("Good service keeps customers", "Stay calm and thank",
                   "Thank every customer before"):
        assert sum(phrase in t for t in texts) == 1


def test_two_lessons_with_the_same_title_get_different_pages(tmp_path, capsys):
    text = ("Lesson 1: Greeting\n\nSay hello to every customer who comes in.\n\n"
            " Course ─ Greeting\nThe first chapter ends here and the next one starts now\n"
            "with more text, in the way that PDF extraction leaves it on the page.\n")
    project = make_project(tmp_path, {"same.txt": text})
    code, _, err = build(project, capsys)
    assert code == 0, err
    pages = lesson_pages(project)
    assert len({p.name for p in pages}) == len(pages)
