"""PDF: characters with their font and position (pdfplumber), made into Markdown.

- the body's font size is the size most characters have; a line in a larger
  size is a heading (the largest size the title, then ##, ###), a short line
  all in bold at the body's size a ### heading;
- running headers and footers: lines in the top or bottom eighth of a page
  whose text (digits aside) stands there on at least half the pages; page
  numbers alone in those margins;
- two columns: a vertical band near the middle, wider than a space, that no
  word crosses; the left column is read before the right;
- list items from bullet glyphs (a glyph the font could not map included)
  and numbers, options from letters ("a)"), their hanging lines joined to them;
- words hyphenated at a line's end joined; paragraphs end at a gap larger
  than the line spacing;
- tables whose cells are clear (pdfplumber's table finder, most cells
  filled) as Markdown tables.

pdfplumber (on pdfminer.six) was chosen over pypdfium2 because it gives each
character's font name and size and finds ruled tables; pypdfium2 reads
faster but gives neither without the raw C API. The benchmark reports the
pages per second.

A PDF without a text layer (a scan) is an error that suggests OCR; an
encrypted or damaged PDF is an error naming the file.
"""

from __future__ import annotations

import io
import re
import statistics
import sys
from collections import Counter
from dataclasses import dataclass, field

from build_course.diagnostics import CourseError
from build_course.importer import cues
from build_course.importer.formats.converted import Converted
from build_course.importer.markdown_inline import pipe_table
from build_course.importer.shapes import LONG_NUMBER, runs_on

_BULLETS = "•●▪◦‣■□►▸➢✓✔–-*\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf06c\uf0a8"
# a glyph, or a character the font could not map ("(cid:127)"): a bullet lost in extraction
_BULLET = re.compile(rf"^(?:[{re.escape(_BULLETS)}]|\(cid:\d+\))\s*")
_CID = re.compile(r"\(cid:\d+\)")
_LETTER = re.compile(r"^\(?[a-hA-H][.)]\s+")
_NUMBER = re.compile(r"^(\d{1,6})[.)]\s+")
_PAGE_NUMBER = re.compile(r"^(page\s+)?\d{1,4}(\s*(of|/)\s*\d{1,4})?$", re.I)
_DIGITS = re.compile(r"\d+")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")
_ITEMS = ("bullet", "number", "option")
MARGIN = 0.125  # the top and bottom eighth of a page hold its running header and footer
GUTTER = 12  # points: wider than the space between two words
_ENCRYPTED = ("this PDF is encrypted (it needs a password)",
              "save a copy without the password and put that in source/")


@dataclass
class _Line:
    text: str
    page: int
    top: float
    bottom: float
    x0: float
    x1: float
    size: float
    bold: bool
    kind: str = ""  # "heading1".."heading3", "chapter", "bullet", "number", "option", "table"
    markdown: list[str] = field(default_factory=list)  # a table's own lines


def convert(data: bytes, name: str) -> Converted:
    """The Markdown of a PDF's text (see the module docstring)."""
    pages = _read(data, name)
    lines = [line for page in pages for line in page]
    if not any(line.text.strip() or line.kind == "table" for line in lines):
        raise CourseError(name, 0, "this PDF has no text layer (it is a scan, or pictures of "
                          "text)", "run OCR on it first (for example: ocrmypdf in.pdf out.pdf) "
                          "and put the result in source/")
    notes: list[tuple[str, str]] = []
    body = _body_size(lines)
    lines = _drop_furniture(lines, len(pages), body, notes)
    _classify(lines, body)
    _chapter_openings(lines)
    markdown, places = _markdown(lines)
    sizes = sorted({round(x.size) for x in lines if x.kind.startswith("heading")}, reverse=True)
    evidence = [f"read from the PDF's characters: {len(pages)} pages, body text {body:.0f} pt",
                f"headings in {', '.join(f'{s} pt' for s in sizes) or 'no larger size'}"]
    return Converted("\n".join(markdown) + "\n", evidence, places, notes)


def _read(data: bytes, name: str) -> list[list[_Line]]:
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            total = len(pdf.pages)
            pages = []
            for number, page in enumerate(pdf.pages, start=1):
                if total >= 50 and number % 50 == 0:
                    print(f"{name}: read {number} of {total} pages", file=sys.stderr, flush=True)
                pages.append(_page_lines(page, number))
                page.flush_cache()
            return pages
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise CourseError(name, 0, *_ENCRYPTED) from None
    except Exception as exc:  # noqa: BLE001 - pdfminer raises many kinds of its own on bad files
        cause = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else exc
        if isinstance(cause, PDFPasswordIncorrect | PDFEncryptionError) \
                or "password" in repr(exc).lower():
            raise CourseError(name, 0, *_ENCRYPTED) from None
        raise CourseError(name, 0, f"this PDF cannot be read ({type(cause).__name__})",
                          "open it in a PDF reader and save it again, or export it anew") \
            from None


def _page_lines(page, number: int) -> list[_Line]:
    tables = [t for t in page.find_tables() if _clear(t)]
    words = page.extract_words(extra_attrs=["size", "fontname"], keep_blank_chars=False)
    words = [w for w in words if not any(_inside(w, t.bbox) for t in tables)]
    words = _upright(words)
    gutter = _gutter(words, page.width)
    columns = [[w for w in words if w["x1"] <= gutter], [w for w in words if w["x0"] >= gutter]] \
        if gutter else [words]
    lines: list[_Line] = []
    for column in columns:
        lines += _lines_of(column, number)
    for table in tables:
        x0, top, x1, bottom = table.bbox
        lines.append(_Line("", number, top, bottom, x0, x1, 0.0, False, "table",
                           _table(table.extract())))
    if not gutter:
        lines.sort(key=lambda x: x.top)
    return lines


def _upright(words: list[dict]) -> list[dict]:
    """The page's words without those set sideways (a figure's labels, a
    stamp up the margin), which would be read letter by letter; unless most
    of the page is so set (a table turned to fit the page: its text)."""
    sideways = sum(1 for w in words if not w.get("upright", True))
    if not sideways or sideways * 3 > len(words):
        return words
    return [w for w in words if w.get("upright", True)]


def _clear(table) -> bool:
    rows = table.extract()
    return len(rows) >= 2 and len(rows[0]) >= 2 and all(len(r) == len(rows[0]) for r in rows) \
        and sum(1 for r in rows for c in r if c and c.strip()) >= len(rows) * len(rows[0]) * 0.7


def _inside(word: dict, bbox: tuple) -> bool:
    x0, top, x1, bottom = bbox
    return word["x0"] >= x0 - 1 and word["x1"] <= x1 + 1 and word["top"] >= top - 1 \
        and word["bottom"] <= bottom + 1


def _gutter(words: list[dict], width: float) -> float | None:
    """The x of a vertical band near the page's middle, wider than a space,
    that no word overlaps, with many words on both sides; else None."""
    if len(words) < 40:
        return None
    for x in range(int(width * 0.35), int(width * 0.65), 2):
        crossing = sum(1 for w in words if w["x0"] < x + GUTTER and w["x1"] > x)
        left = sum(1 for w in words if w["x1"] <= x)
        right = sum(1 for w in words if w["x0"] >= x + GUTTER)
        if crossing == 0 and left >= len(words) * 0.3 and right >= len(words) * 0.3:
            return float(x + GUTTER / 2)
    return None


def _lines_of(words: list[dict], page: int) -> list[_Line]:
    """Words grouped into lines by their baseline, in reading order."""
    rows: list[list[dict]] = []
    for word in sorted(words, key=lambda w: (round(w["bottom"]), w["x0"])):
        if rows and abs(rows[-1][0]["bottom"] - word["bottom"]) <= 2:
            rows[-1].append(word)
        else:
            rows.append([word])
    lines = []
    for row in rows:
        row.sort(key=lambda w: w["x0"])
        size = statistics.median(w["size"] for w in row)
        bold = all("bold" in w["fontname"].lower() or "black" in w["fontname"].lower()
                   for w in row)
        lines.append(_Line(" ".join(w["text"] for w in row), page, min(w["top"] for w in row),
                           max(w["bottom"] for w in row), row[0]["x0"], row[-1]["x1"], size,
                           bold))
    return lines


def _drop_furniture(lines: list[_Line], pages: int, body: float, notes: list) -> list[_Line]:
    """Running headers, footers and page numbers: in a page's margins, and
    there on half the pages or more (or a lone page number). A line larger
    than the body text repeats in shape only when it is a heading ("Section
    4: ..."), so such a line must repeat word for word."""
    bottoms: dict[int, float] = {}
    for line in lines:
        bottoms[line.page] = max(bottoms.get(line.page, 0), line.bottom)
    height = max(bottoms.values()) / (1 - MARGIN / 2) if bottoms else 0

    def marginal(line: _Line) -> bool:
        return line.kind != "table" and (line.top < height * MARGIN
                                         or line.bottom > height * (1 - MARGIN))

    def shape(line: _Line) -> str:
        return line.text.strip().lower() if line.size > body * 1.1 else _shape(line.text)

    shapes: dict[str, set[int]] = {}
    for line in lines:
        if marginal(line):
            shapes.setdefault(shape(line), set()).add(line.page)
    firsts = {}  # page -> its first line
    for line in lines:
        firsts.setdefault(line.page, line)

    def small_header(line: _Line) -> bool:
        """A page's first line, at its top, set smaller than the body text: a
        running header even where it stands on one page only (a short text's
        headers alternate: the book's title, the chapter's)."""
        return pages >= 2 and firsts[line.page] is line and line.top < height * MARGIN \
            and line.size < body * 0.9 and line.kind != "table"

    kept = []
    for line in lines:
        repeated = pages >= 2 and len(shapes.get(shape(line), ())) >= max(2, pages / 2)
        if (marginal(line) and (repeated or _PAGE_NUMBER.match(line.text.strip()))) \
                or small_header(line):
            notes.append((f"page {line.page}", f"dropped running header or page number "
                                               f"'{line.text}'"))
            continue
        kept.append(line)
    return kept


def _shape(text: str) -> str:
    return _DIGITS.sub("#", text.strip().lower())


def _body_size(lines: list[_Line]) -> float:
    sizes: Counter = Counter()
    for line in lines:
        if line.kind != "table":
            sizes[round(line.size, 1)] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 10.0


def _classify(lines: list[_Line], body: float) -> None:
    long_items = _long_numbered(lines)
    larger = sorted({round(x.size) for x in lines if x.kind != "table" and x.size >= body * 1.15},
                    reverse=True)
    rank = {size: min(n + 1, 3) for n, size in enumerate(larger)}
    for line in lines:
        text = line.text.strip()
        if line.kind == "table" or not text:
            continue
        if round(line.size) in rank and len(text) <= 120:
            line.kind = f"heading{rank[round(line.size)]}"
        elif _BULLET.match(text) and len(_BULLET.sub("", text)) > 1:
            line.kind = "bullet"
        elif (m := _NUMBER.match(text)) and (len(m.group(1)) <= 3 or id(line) in long_items):
            line.kind = "number"
        elif _LETTER.match(text):
            line.kind = "option"
        elif line.bold and len(text) <= 80 and not text.endswith((".", ",", ";")):
            line.kind = "heading3"


def _chapter_openings(lines: list[_Line]) -> None:
    """Headings that open their pages as chapter lines (``Chapter Two:
    Field Tests``, ``CHAPTER 3``), two at least, each numbered its own (of a
    number's several, the last: a contents page's line comes first), are the
    chapters: the top level, whatever their size (a manual may set them no
    larger than its sections), each a level-1 heading, so a lesson. A bare
    ``CHAPTER 3`` takes the heading under it as its title; a title wrapped
    after a small word (``Principles of``) takes its next line."""
    firsts: dict[int, int] = {}  # page -> index of its first line
    for k, line in enumerate(lines):
        firsts.setdefault(line.page, k)
    found: dict[str, int] = {}  # chapter label -> index of its last opening
    for k in firsts.values():
        line = lines[k]
        if line.kind.startswith("heading") and line.text[:1].isalpha() \
                and (label := _chapter_label(line.text.strip())):
            found[label] = k
    if len(found) < 2:
        return
    gone = set()
    for k in found.values():
        line, after = lines[k], lines[k + 1] if k + 1 < len(lines) else None
        line.kind = "chapter"
        text = line.text.strip()
        bare = bool(cues.CHAPTER_MARKER.match(text))
        if after is not None and after.page == line.page and after.kind.startswith("heading") \
                and (bare or text.rsplit(" ", 1)[-1].lower() in _SMALL_WORDS):
            line.text = after.text.strip() if bare else f"{text} {after.text.strip()}"
            gone.add(k + 1)
    lines[:] = [line for k, line in enumerate(lines) if k not in gone]


_SMALL_WORDS = frozenset("and or of the a an to for in on with".split())


def _chapter_label(text: str) -> str:
    """``chapter 3`` for ``CHAPTER 3``, ``Chapter 3: Title``; "" for other lines."""
    m = cues.CHAPTER_MARKER.match(text) or cues.CHAPTER_OPENING_TITLED.match(text)
    return " ".join(text.lower().rstrip(".").split()[:2]).rstrip(".:") if m else ""


def _long_numbered(lines: list[_Line]) -> set[int]:
    """The lines (by id) led by a number of 1,000 or more that continues the
    run of numbered lines around it: a year starting a sentence does not."""
    led = [(line, int(m.group(1))) for line in lines
           if line.kind != "table" and (m := _NUMBER.match(line.text.strip()))]
    if not any(n >= LONG_NUMBER for _, n in led):
        return set()
    return {id(line) for (line, n), item in zip(led, runs_on([n for _, n in led]))
            if item and n >= LONG_NUMBER}


def _markdown(lines: list[_Line]) -> tuple[list[str], list[str]]:
    """The Markdown lines, and each one's page."""
    out: list[str] = []
    places: list[str] = []
    previous: _Line | None = None
    seen_title = False
    indent = "    "  # an option nests under its item: past the item's number ("1000. ")

    def emit(text: str, page: int, blank: bool = True) -> None:
        if blank and out and out[-1] != "":
            out.append("")
            places.append(f"page {page}")
        out.append(text)
        places.append(f"page {page}")

    for line in lines:
        text = line.text.strip()
        in_list = previous is not None and previous.kind in _ITEMS
        if line.kind == "table":
            for n, row in enumerate(line.markdown):
                emit(row, line.page, blank=n == 0)
        elif line.kind == "chapter":
            emit("# " + _escape(text), line.page)
            seen_title = True
        elif line.kind.startswith("heading"):
            level = int(line.kind[-1]) + (1 if seen_title and line.kind == "heading1" else 0)
            if previous is not None and previous.kind == line.kind and previous.page == line.page \
                    and line.top - previous.bottom < line.size and out and out[-1].startswith("#"):
                out[-1] += " " + _escape(text)  # a heading wrapped over two lines
            else:
                emit("#" * level + " " + _escape(text), line.page)
            seen_title = True
        elif line.kind == "bullet":
            emit("- " + _escape(_BULLET.sub("", text, count=1)), line.page, blank=not in_list)
        elif line.kind == "number":
            m = _NUMBER.match(text)
            emit(f"{m.group(1)}. " + _escape(text[m.end():]), line.page, blank=not in_list)
            indent = " " * max(4, len(m.group(1)) + 2)
        elif line.kind == "option":  # "a) ...": nested under the item above it
            emit(indent + "- " + _escape(text), line.page, blank=not in_list)
        elif previous is not None and _continues(previous, line) and out and out[-1]:
            out[-1] = _join(out[-1], _escape(text))
            line.kind = previous.kind if previous.kind in _ITEMS else ""
        else:
            emit(_escape(text), line.page)
        previous = line
    return out, places


def _continues(previous: _Line, line: _Line) -> bool:
    """Is ``line`` the wrapped rest of ``previous`` (a paragraph or an item)?"""
    if previous.kind.startswith("heading") or previous.kind == "table":
        return False
    if previous.page != line.page:  # a paragraph that goes on over the page
        return previous.kind == "" and line.text[:1].islower()
    gap = line.top - previous.bottom
    if gap > max(previous.size, line.size) * 0.9 or abs(line.size - previous.size) > 0.6:
        return False
    if previous.kind in _ITEMS:
        return line.x0 > previous.x0 + 2  # a hanging indent
    return True


def _join(left: str, right: str) -> str:
    if left.endswith("-") and right[:1].islower() and not left.endswith(" -"):
        return left[:-1] + right
    return left + " " + right


def _escape(text: str) -> str:
    """Markdown's special characters escaped; unmapped glyphs ("(cid:9)") gone."""
    return _MD_SPECIAL.sub(r"\\\1", _CID.sub("", text).strip())


def _table(rows: list[list[str | None]]) -> list[str]:
    return pipe_table([[_escape(" ".join((c or "").split())) for c in row] for row in rows])
