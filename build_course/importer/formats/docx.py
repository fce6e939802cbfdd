"""Word (.docx): paragraph styles, list numbering and runs (python-docx), made into Markdown.

- "Title" and "Heading N" styles give the outline (# to ####);
- a paragraph with list numbering is a list item, nested by its level,
  bulleted or numbered as its numbering definition says (numbers counted
  per list and level, so each item keeps the number Word shows);
- bold and italic runs are kept (** and *);
- tables become Markdown tables;
- images are skipped, each with a note naming its paragraph.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections import defaultdict

from build_course.diagnostics import CourseError
from build_course.importer import passes_worksheet as worksheet
from build_course.importer.formats.converted import Converted
from build_course.importer.markdown_inline import pipe_table

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HEADING = re.compile(r"^heading\s*(\d)$", re.I)
_STYLE_LEVEL = re.compile(r"^list\b.*\s(\d)$", re.I)
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def convert(data: bytes, name: str) -> Converted:
    """The Markdown of a Word document (see the module docstring)."""
    document = _open(data, name)
    formats = _list_formats(document)
    counters: dict[tuple[str, int], int] = defaultdict(int)
    out: list[str] = []
    places: list[str] = []
    notes: list[tuple[str, str]] = []
    number = 0
    previous_list = False
    run: list[int] = []  # the levels of the list items just above
    titled = any(p.style is not None and p.style.name.lower() == "title"
                 for p in document.paragraphs)
    sheet = _Worksheet()
    for block in document.element.body.iterchildren():
        if block.tag == _W + "p":
            number += 1
            place = f"paragraph {number}"
            from docx.text.paragraph import Paragraph

            paragraph = Paragraph(block, document)
            if block.findall(f".//{_W}drawing") or block.findall(f".//{_W}pict"):
                notes.append((place, "an image was left out (the course has no copy of it)"))
            text = _runs(paragraph)
            style = paragraph.style.name if paragraph.style is not None else ""
            if not text.strip() or sheet.leaves_out(paragraph.text, style, place):
                continue
            if not previous_list:
                run.clear()
            item = _list_item(paragraph, formats, counters, text, run)
            if item:
                if not previous_list:
                    _blank(out, places, place)
                out.append(item)
                places.append(place)
                previous_list = True
                continue
            previous_list = False
            for line in sheet.lines(text, place):
                _blank(out, places, place)
                out.append(_heading(paragraph.style.name if paragraph.style is not None else "",
                                    titled) + line)
                places.append(place)
        elif block.tag == _W + "tbl":
            if sheet.leaves_out_table(block, f"table after paragraph {number}"):
                continue
            previous_list = False
            _blank(out, places, f"table after paragraph {number}")
            for row in _table(block):
                out.append(row)
                places.append(f"table after paragraph {number}")
    notes.extend(sheet.notes())
    levels = sorted({line.split(" ")[0] for line in out if line.startswith("#")})
    evidence = [f"read from the Word document's styles: {number} paragraphs, "
                f"headings {' '.join(levels) or 'none'}, "
                f"{sum(1 for line in out if line.lstrip().startswith(('- ', '1.')))} list items"]
    return Converted("\n".join(out) + "\n", evidence, places, notes)


class _Worksheet:
    """What a worksheet printed from Word holds that is not for a course page
    (passes_worksheet says the same of text): paragraphs of answer space,
    form fields (``Name: ____``, in a paragraph or a table of them), and a
    note for the facilitator (a heading such as "Facilitator notes" and its
    section, or one paragraph that starts with such a label)."""

    def __init__(self) -> None:
        self.space: list[str] = []
        self.dropped: list[tuple[str, str]] = []
        self.facilitator = False  # inside a facilitator's section, up to the next heading
        self.first = True  # the document's first paragraph, its title ("Facilitator Guide: ...")

    def leaves_out(self, text: str, style: str, place: str) -> bool:
        heading = style.lower() == "title" or bool(_HEADING.match(style.strip()))
        if self.facilitator and not heading:
            self.dropped.append((place, f"left out a note for the facilitator: '{text[:40]}'"))
            return True
        self.facilitator, first = False, self.first
        self.first = False
        if not first and style.lower() != "title" and (label := worksheet.facilitator_label(text)):
            self.facilitator = label == "block"
            self.dropped.append((place, f"left out a note for the facilitator: '{text[:40]}' "
                                 "(put it in an instructor page if learners should not see it)"))
            return True
        if worksheet.answer_space(text):
            self.space.append(place)
            return True
        if worksheet.form_fields(text):
            self.dropped.append((place, f"left out form fields '{text.strip()[:40]}'"))
            return True
        return False

    def lines(self, text: str, place: str) -> list[str]:
        """``text`` as it stands, or, where it holds a line of answer space after
        a line break (a question, then dots to write on), its lines without
        that space, each a paragraph of its own."""
        lines = text.split("\n")
        bare = [line.replace("\\_", "_") for line in lines]
        if len(lines) == 1 or not any(worksheet.answer_space(b) for b in bare):
            return [text]
        self.space.extend(place for b in bare if worksheet.answer_space(b))
        return [worksheet.without_answer_space(line)
                for line, b in zip(lines, bare) if b.strip() and not worksheet.answer_space(b)]

    def leaves_out_table(self, table, place: str) -> bool:
        cells = [" ".join("".join(t.text or "" for t in p.iter(_W + "t"))
                          for p in tc.iter(_W + "p")).strip() for tc in table.iter(_W + "tc")]
        cells = [c for c in cells if c]
        if self.facilitator:
            self.dropped.append((place, "left out a table in a note for the facilitator"))
            return True
        if not cells or not all(worksheet.form_fields(c) for c in cells):
            return False
        self.dropped.append((place, f"left out a table of form fields '{cells[0][:40]}'"))
        return True

    def notes(self) -> list[tuple[str, str]]:
        found = list(self.dropped)
        if self.space:
            found.append((self.space[0], f"left out {len(self.space)} paragraph(s) of answer "
                          "space (lines to write on)"))
        return found


def _open(data: bytes, name: str):
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        return docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise CourseError(name, 0, f"this Word document cannot be read ({type(exc).__name__})",
                          "open it in Word or LibreOffice and save it again as .docx") from None


def _blank(out: list[str], places: list[str], place: str) -> None:
    if out and out[-1] != "":
        out.append("")
        places.append(place)


def _heading(style: str, titled: bool) -> str:
    """The Markdown heading mark of a paragraph style: "Title" is the
    lesson's title; "Heading 1" is too in a document without a Title."""
    if style.lower() == "title":
        return "# "
    if m := _HEADING.match(style.strip()):
        return "#" * min(int(m.group(1)) + (1 if titled else 0), 6) + " "
    return ""


def _runs(paragraph) -> str:
    parts = []
    for run in paragraph.runs:
        text = _MD_SPECIAL.sub(r"\\\1", run.text)
        if not text.strip():
            parts.append(text)
            continue
        lead, core, tail = _split_space(text)
        if run.bold:
            core = f"**{core}**"
        if run.italic:
            core = f"*{core}*"
        parts.append(lead + core + tail)
    return "".join(parts).strip()


def _split_space(text: str) -> tuple[str, str, str]:
    core = text.strip()
    start = text.index(core)
    return text[:start], core, text[start + len(core):]


def _list_formats(document) -> dict[tuple[str, int], str]:
    """(numId, level) -> the numbering format ("bullet", "decimal", ...)."""
    try:
        numbering = document.part.numbering_part.element
    except (KeyError, NotImplementedError, AttributeError):
        return {}
    abstract = {}
    for node in numbering.findall(_W + "abstractNum"):
        levels = {}
        for lvl in node.findall(_W + "lvl"):
            fmt = lvl.find(_W + "numFmt")
            levels[int(lvl.get(_W + "ilvl"))] = fmt.get(_W + "val") if fmt is not None else ""
        abstract[node.get(_W + "abstractNumId")] = levels
    formats = {}
    for num in numbering.findall(_W + "num"):
        ref = num.find(_W + "abstractNumId")
        levels = abstract.get(ref.get(_W + "val"), {}) if ref is not None else {}
        for level, fmt in levels.items():
            formats[(num.get(_W + "numId"), level)] = fmt
    return formats


def _numbering(paragraph) -> tuple[str, int] | None:
    """(numId, level) of a list paragraph: its own numbering, else its
    style's (or the style's base's); "List Bullet 2" is at level 2."""
    props = paragraph._p.find(f"{_W}pPr/{_W}numPr")
    num_id = level = None
    if props is not None:
        num, lvl = props.find(_W + "numId"), props.find(_W + "ilvl")
        num_id = num.get(_W + "val") if num is not None else None
        level = int(lvl.get(_W + "val")) if lvl is not None else None
    style = paragraph.style
    while num_id is None and style is not None:
        found = style.element.find(f"{_W}pPr/{_W}numPr")
        if found is not None and (num := found.find(_W + "numId")) is not None:
            num_id = num.get(_W + "val")
            lvl = found.find(_W + "ilvl")
            level = level if level is not None else (
                int(lvl.get(_W + "val")) if lvl is not None else None)
        style = style.base_style
    if num_id is None or num_id == "0":
        return None
    if level is None:
        m = _STYLE_LEVEL.search(paragraph.style.name if paragraph.style is not None else "")
        level = int(m.group(1)) - 1 if m else 0
    return num_id, level


def _list_item(paragraph, formats: dict, counters: dict, text: str, run: list[int]) -> str:
    """The Markdown list item a numbered paragraph is, or "". ``run`` holds
    the levels of the list items right above it (emptied by other text):
    an item is indented one step under the nearest item of a lower level."""
    found = _numbering(paragraph)
    if found is None:
        return ""
    num_id, level = found
    while run and run[-1] >= level:
        run.pop()
    depth = len(run)
    run.append(level)
    for key in [k for k in counters if k[1] > level]:
        counters[key] = 0  # a deeper list restarts under each item
    fmt = formats.get((num_id, level)) or formats.get((num_id, 0), "bullet")
    indent = "    " * depth
    if fmt in ("bullet", "none", ""):
        return f"{indent}- {text}"
    counters[(num_id, level)] += 1
    return f"{indent}{counters[(num_id, level)]}. {text}"


def _table(table) -> list[str]:
    rows = []
    for tr in table.iter(_W + "tr"):
        cells = []
        for tc in tr.iter(_W + "tc"):
            text = " ".join("".join(t.text or "" for t in p.iter(_W + "t"))
                            for p in tc.iter(_W + "p")).strip()
            cells.append(_MD_SPECIAL.sub(r"\\\1", " ".join(text.split())))
        rows.append(cells)
    return pipe_table(rows)
