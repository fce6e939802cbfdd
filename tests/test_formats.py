"""PDF, Word and web-page files in source/: made here by real tools (reportlab,
python-docx) from texts written for the tests, then imported like text."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from build_course.cli import main
from build_course.diagnostics import CourseError
from build_course.importer.importing import import_source

reportlab = pytest.importorskip("reportlab")
docx = pytest.importorskip("docx")

HEADER = "Ladder Safety Handbook"
SECTIONS = {
    "Before You Climb": ["Check the feet, rungs and locks of the ladder before each use.",
                         "Set the ladder on firm, level ground, one metre out for every four "
                         "metres up, and make sure nobody will walk under it while you work. "
                         "A ladder that rocks is never used until it is fixed."],
    "While You Work": ["Keep three points of contact with the ladder at all times, and never "
                       "stand on the top two rungs, however short the job seems to be."],
}
BULLETS = ["Wear shoes with dry soles", "Carry tools in a belt, not in your hands",
           "Ask someone to foot the ladder"]
QUIZ = [("How far out should the foot of the ladder be for every four metres up?",
         ["Half a metre", "One metre", "Two metres"]),
        ("Which rungs must you never stand on?", ["The bottom two", "The middle ones",
                                                  "The top two"])]


WORDS = ("apple", "birch", "cedar", "daisy", "elder", "fern", "grape", "hazel", "iris",
         "juniper", "kale", "lemon", "maple", "nettle", "olive", "poppy")


def _pdf(columns: bool = False, pages: int = 3) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    width, height = A4

    def furniture(number: int) -> None:
        pdf.setFont("Helvetica", 9)
        pdf.drawString(72, height - 40, HEADER)
        pdf.drawString(width / 2, 30, str(number))

    def write(lines: list[tuple[str, float, str]], x: float, y: float) -> float:
        for text, size, font in lines:
            pdf.setFont(font, size)
            pdf.drawString(x, y, text)
            y -= size * 1.5
        return y

    furniture(1)
    y = write([("Working Safely on Ladders", 20, "Helvetica-Bold")], 72, height - 100) - 10
    for title, paragraphs in SECTIONS.items():
        y = write([(title, 14, "Helvetica-Bold")], 72, y) - 4
        for paragraph in paragraphs:
            words, line = paragraph.split(), ""
            rows = []
            for word in words:
                if len(line) + len(word) > 70:
                    rows.append(line)
                    line = ""
                line += ("" if not line else " ") + word
            rows.append(line)
            y = write([(r, 11, "Helvetica") for r in rows], 72, y) - 6
    y = write([("What to Wear", 14, "Helvetica-Bold")], 72, y) - 4
    y = write([("\u2022 " + b, 11, "Helvetica") for b in BULLETS], 72, y)
    pdf.showPage()
    furniture(2)
    y = write([("Exercises", 14, "Helvetica-Bold")], 72, height - 100) - 4
    for n, (question, options) in enumerate(QUIZ, start=1):
        y = write([(f"{n}. {question}", 11, "Helvetica")], 72, y)
        y = write([(f"{'abc'[i]}) {o}", 11, "Helvetica") for i, o in enumerate(options)], 90, y)
    y = write([("Answers", 14, "Helvetica-Bold")], 72, y - 10) - 4
    write([("1. b", 11, "Helvetica"), ("2. c", 11, "Helvetica")], 72, y)
    pdf.showPage()
    for number in range(3, pages + 1):
        furniture(number)
        y = write([("Inspection Records", 14, "Helvetica-Bold")], 72, height - 80)
        text = [(f"Inspection record {number}: the ladder was checked and found sound.", 11,
                 "Helvetica")]
        if columns:
            left = [(f"Left {word} about feet and rungs.", 10, "Helvetica") for word in WORDS]
            right = [(f"Right {word} about locks and ropes.", 10, "Helvetica") for word in WORDS]
            write(left, 72, y - 10)
            write(right, width / 2 + 20, y - 10)
        else:
            write(text, 72, y - 10)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


DOCX_QUIZ = [("What must you keep for every claim?", ["A copy", "The original receipt",
                                                       "A photo"]),
             ("Who receives the claim form?", ["Finance", "Your manager", "Nobody"])]


def _docx() -> bytes:
    document = docx.Document()
    document.add_heading("Filing Your Expenses", level=0)
    document.add_paragraph("Every receipt you keep saves you money at the end of the year.")
    document.add_heading("What to Keep", level=1)
    para = document.add_paragraph("Keep the ")
    para.add_run("original").bold = True
    para.add_run(" receipt, not a copy, for ")
    para.add_run("every").italic = True
    para.add_run(" claim.")
    document.add_paragraph("Receipts for travel", style="List Bullet")
    document.add_paragraph("Train and bus tickets", style="List Bullet 2")
    document.add_paragraph("Receipts for meals", style="List Bullet")
    document.add_heading("How to File", level=1)
    for step in ("Scan the receipt", "Fill in the claim form", "Send both to finance"):
        document.add_paragraph(step, style="List Number")
    table = document.add_table(rows=2, cols=2)
    for (r, c), text in {(0, 0): "Item", (0, 1): "Limit", (1, 0): "Meal",
                         (1, 1): "25 euros"}.items():
        table.cell(r, c).text = text
    document.add_heading("Exercises", level=1)
    for question, options in DOCX_QUIZ:
        document.add_paragraph(question, style="List Number")
        for letter, option in zip("abc", options):
            document.add_paragraph(f"{letter}) {option}", style="List Number 2")
    document.add_heading("Answers", level=1)
    # Word goes on numbering the questions after the steps above (4, 5), and
    # the key, typed by hand, names them so
    for number, key in ((4, "b"), (5, "a")):
        document.add_paragraph(f"{number}. {key}")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


HTML = """<!doctype html><html><head><title>Pivot Tables | Office Skills</title>
<meta name="description" content="Learn pivot tables"></head><body>
<nav><a href="/">Home</a> » <a href="/t">Tutorials</a> » Spreadsheets</nav>
<div class="cookie">We use cookies to improve your visit. <button>Accept</button></div>
<div class="share"><a>Facebook</a> <a>Twitter</a></div>
<main><article><h1>Making a Pivot Table</h1>
<p>A pivot table sums up many rows of data in a few lines, so that you can see totals by
category at a glance without writing a single formula yourself.</p>
<h2>Steps</h2><ol><li>Select the data, headings included.</li>
<li>Choose Insert, then Pivot Table.</li><li>Drag a field to Rows and another to Values.</li></ol>
<h2>Practice</h2><ol><li>What does a pivot table do?<ol type="a"><li>It sums up rows</li>
<li>It deletes rows</li></ol></li></ol><h3>Answers</h3><ol><li>a</li></ol>
</article></main><section class="comments"><h3>3 Comments</h3><p>Great post, thanks!</p>
</section><footer>© 2024 Office Skills. All rights reserved.</footer></body></html>"""


def _import(tmp_path: Path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return import_source(path, None, f"source/{name}").part


def _markdown(part) -> str:
    from build_course.build.rendering import render_lesson

    return "\n".join(render_lesson(part, lesson).text for lesson in part.lessons)


# ---- PDF --------------------------------------------------------------------------------

def test_a_short_pdfs_alternating_running_headers_go_though_each_stands_once(tmp_path):
    """Two pages: the book's title over the even one, the chapter's over the
    odd one, each set small at the page's top, so neither repeats."""
    from reportlab.lib.pagesizes import A5
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A5)
    width, height = A5
    sentence = "Keep the rope dry and coil it loosely after every climb so it lasts. "
    for number, header in ((1, "Knots and Ropes"), (2, "A Climber's Handbook")):
        pdf.setFont("Helvetica-Oblique", 8)
        pdf.drawString(40, height - 30, header)
        pdf.drawCentredString(width / 2, 25, str(number + 20))
        y = height - 70
        if number == 1:
            pdf.setFont("Helvetica-Bold", 16)
            pdf.drawString(40, y, "Caring for Your Rope")
            y -= 30
        pdf.setFont("Helvetica", 10)
        for _ in range(12):
            pdf.drawString(40, y, sentence[:60])
            y -= 14
        pdf.showPage()
    pdf.save()
    part = _import(tmp_path, "ropes.pdf", buffer.getvalue())
    [lesson] = part.lessons
    assert lesson.title == "Caring for Your Rope"
    page = _markdown(part)
    assert "Knots and Ropes" not in page and "A Climber's Handbook" not in page
    assert "Keep the rope dry" in page


def test_pdf_headings_from_font_size_and_running_furniture_gone(tmp_path):
    part = _import(tmp_path, "ladders.pdf", _pdf())
    assert part.family == "pdf-file"
    [lesson] = part.lessons
    assert lesson.title == "Working Safely on Ladders"
    assert [s.title for s in lesson.sections] == ["Before You Climb", "While You Work",
                                                  "What to Wear", "Inspection Records"]
    page = _markdown(part)
    assert HEADER not in page
    assert "\n2\n" not in page and "\n1\n" not in page
    assert "one metre out for every four metres up, and make sure nobody will walk" in page
    for bullet in BULLETS:
        assert f"- {bullet}" in page


def test_pdf_quiz_with_its_key(tmp_path):
    part = _import(tmp_path, "ladders.pdf", _pdf())
    [quiz] = part.lessons[0].quizzes
    assert [q.options for q in quiz.questions] == [o for _, o in QUIZ]
    assert [q.correct for q in quiz.questions] == [[1], [2]]


def test_pdf_two_columns_are_read_one_after_the_other(tmp_path):
    part = _import(tmp_path, "columns.pdf", _pdf(columns=True))
    page = _markdown(part)
    assert page.index("Left poppy") < page.index("Right apple")
    assert page.index("Left apple") < page.index("Left birch")


def test_a_scanned_pdf_says_so_and_suggests_ocr(tmp_path):
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    pdf.rect(50, 50, 200, 200, fill=1)  # a picture, no text
    pdf.showPage()
    pdf.save()
    with pytest.raises(CourseError) as raised:
        _import(tmp_path, "scan.pdf", buffer.getvalue())
    assert "no text layer" in raised.value.message and "OCR" in raised.value.hint


def test_an_encrypted_pdf_is_an_error_naming_the_file(tmp_path):
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, encrypt=pdfencrypt.StandardEncryption("secret",
                                                                     ownerPassword="owner"))
    pdf.drawString(72, 700, "Hidden text")
    pdf.save()
    with pytest.raises(CourseError) as raised:
        _import(tmp_path, "locked.pdf", buffer.getvalue())
    assert raised.value.format_message().startswith("source/locked.pdf: this PDF is encrypted")


def test_a_damaged_pdf_is_an_error_not_a_traceback(tmp_path, capsys):
    (tmp_path / "source").mkdir()
    (tmp_path / "source" / "broken.pdf").write_bytes(b"%PDF-1.4\nnot really a pdf\n%%EOF")
    assert main(["--project", str(tmp_path), "build", "--docs-only"]) == 1
    err = capsys.readouterr().err
    assert "source/broken.pdf" in err and "Traceback" not in err


# ---- Word -------------------------------------------------------------------------------

def test_word_styles_lists_emphasis_and_tables(tmp_path):
    part = _import(tmp_path, "expenses.docx", _docx())
    assert part.family == "word-file"
    [lesson] = part.lessons
    assert lesson.title == "Filing Your Expenses"
    assert [s.title for s in lesson.sections][:2] == ["What to Keep", "How to File"]
    page = _markdown(part)
    assert "**original**" in page and "*every*" in page
    assert "- Receipts for travel\n    - Train and bus tickets\n- Receipts for meals" in page
    assert "1. Scan the receipt\n2. Fill in the claim form\n3. Send both to finance" in page
    assert "| Meal | 25 euros |" in page


def test_word_numbered_questions_with_nested_options_and_a_key_are_a_quiz(tmp_path):
    [lesson] = _import(tmp_path, "expenses.docx", _docx()).lessons
    [quiz] = lesson.quizzes
    assert [(q.prompt, q.options, q.correct) for q in quiz.questions] == [
        ("What must you keep for every claim?", ["A copy", "The original receipt", "A photo"],
         [1]),
        ("Who receives the claim form?", ["Finance", "Your manager", "Nobody"], [0])]


def test_a_corrupt_docx_is_an_error_naming_the_file(tmp_path):
    with pytest.raises(CourseError) as raised:
        _import(tmp_path, "broken.docx", b"PK\x03\x04 not a zip at all")
    assert raised.value.file == "source/broken.docx"


# ---- web pages ------------------------------------------------------------------------

def test_a_web_page_keeps_its_main_content_only(tmp_path):
    part = _import(tmp_path, "pivot.html", HTML.encode())
    [lesson] = part.lessons
    assert lesson.title == "Making a Pivot Table"
    page = _markdown(part)
    for chrome in ("Home", "cookies", "Facebook", "Great post", "All rights reserved"):
        assert chrome not in page
    assert "1. Select the data, headings included." in page
    [quiz] = lesson.quizzes
    [question] = quiz.questions
    assert question.options == ["It sums up rows", "It deletes rows"]
    assert question.correct == [0]


def test_a_wiki_pages_section_edit_links_are_no_part_of_its_headings(tmp_path):
    html = ("<html><body><div id='content'><h1>Pond Dipping</h1>"
            "<p>Pond dipping is a simple way to see the small animals that live in still "
            "water, and children can do it safely with a net and a white tray.</p>"
            "<h2>What you need<span class='editsection'>[<a href='#'>edit</a>]</span></h2>"
            "<p>A long-handled net, a white tray half full of pond water, and a magnifier "
            "for looking closely at what you catch before you put it back.</p>"
            "<h2>How to dip<span class='editsection'>[<a href='#'>edit</a> | "
            "<a href='#'>edit source</a>]</span></h2>"
            "<p>Sweep the net slowly in a figure of eight near the plants at the edge, then "
            "turn it inside out into the tray and wait for the water to settle.</p>"
            "</div></body></html>")
    [lesson] = _import(tmp_path, "ponds.html", html.encode()).lessons
    assert [s.title for s in lesson.sections] == ["What you need", "How to dip"]


def test_a_page_that_only_redirects_is_an_error(tmp_path):
    html = b'<html><head><meta http-equiv="refresh" content="0; url=https://example.org/new">' \
           b"</head><body></body></html>"
    with pytest.raises(CourseError) as raised:
        _import(tmp_path, "moved.html", html)
    assert "only redirects to https://example.org/new" in raised.value.message


# ---- the same model through inspect and build ---------------------------------------------

def test_inspect_and_build_treat_files_like_text(tmp_path, capsys):
    source = tmp_path / "source"
    source.mkdir()
    (source / "ladders.pdf").write_bytes(_pdf())
    (source / "expenses.docx").write_bytes(_docx())
    (source / "pivot.html").write_bytes(HTML.encode())
    assert main(["inspect", str(source), "--json"]) == 0
    model = json.loads(capsys.readouterr().out)
    assert {s["family"]["name"] for s in model["sources"]} == {"pdf-file", "word-file",
                                                                "web-page-file"}
    assert all(s["lessons"] and s["lessons"][0]["markdown"] for s in model["sources"])
    assert main(["--project", str(tmp_path), "build", "--docs-only"]) == 0
    assert (tmp_path / "docs" / "ladders" / "working-safely-on-ladders.md").exists()
    assert main(["--project", str(tmp_path), "check"]) == 0


def test_the_review_list_names_the_page_of_a_pdf_and_the_paragraph_of_a_word_file(tmp_path):
    from build_course.diagnostics import review_list

    pdf = [d.format() for d in review_list(_import(tmp_path, "ladders.pdf", _pdf()).diagnostics)]
    assert any(line.startswith("source/ladders.pdf:page 1: dropped") for line in pdf), pdf
    document = docx.Document()
    document.add_heading("Reading a Map", level=0)
    document.add_paragraph("North is at the top of most maps, and the scale is in a corner.")
    document.add_picture(io.BytesIO(_png()))
    buffer = io.BytesIO()
    document.save(buffer)
    word = [d.format() for d in review_list(_import(tmp_path, "map.docx",
                                                    buffer.getvalue()).diagnostics)]
    assert "source/map.docx:paragraph 3: an image was left out (the course has no copy of it)" \
        in word


def _png() -> bytes:
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(
            ">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    raw = b"\x00\xff\x00\x00"  # one red pixel
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)) \
        + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
