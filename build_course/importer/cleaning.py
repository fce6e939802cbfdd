"""Clean: find what is not content, and join what was wrapped.

Input is decoded text split into ``RawLine``s (``raw_lines``) and the
text's family (``families.py``), which names the passes to run; output is a
list of logical ``Line`` objects, one per paragraph, heading or list item,
each with the raw line number where it starts. The working list holds the
raw lines that are not blank, each knowing whether a blank line came before
it. Each pass takes and changes the working list, and reports what it
dropped (into the source's ``Report``) so an author can review it. Every
pass has the same signature, ``pass_(raw, report)``.

Nothing here knows a sample's words: running headers and chapter markers
are found by repetition, page starts by the shape PDF extractors leave
(a line that starts with one space right after a text line), page numbers
by being a lone number, wrapped lines by line length, case and punctuation.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from build_course.diagnostics import Report
from build_course.importer import cues
from build_course.importer.shapes import TERMINAL, looks_like_heading
from build_course.model import Line

_BULLET_GLYPHS = "•·▪◦‣●○■□►▸➢✓✔\uf0b7\uf0a7\uf076\uf0d8\uf0fc*"
_GLYPH_BULLET = re.compile(rf"^([{re.escape(_BULLET_GLYPHS)}]|[-–—](?=\s))\s*(?=\S)")
_GLYPH_FIRST = frozenset(_BULLET_GLYPHS + "-–—")
_O_BULLET = re.compile(r"^o\s+(?=[A-Z“\"‘(])")
_NUMBERED = re.compile(r"^(\d{1,3})[.)]\s+(?=\S)")
_LETTERED = re.compile(r"^([A-Za-z])[.)]\s+(?=\S)")
_MARKER = re.compile(r"^(?P<prefix>\S.{1,50}?)\s+[─━–—]\s+(?P<title>\S.{0,80}?)$")
_MULTI_SPACE = re.compile(r"(?<=\S) {2,}")
_SPACE_REPLACEMENTS = (("\u00a0", " "), ("\u2007", " "), ("\u202f", " "), ("\t", "    "),
                       ("\u200b", ""), ("\ufeff", ""))


@dataclass(slots=True)
class RawLine:
    text: str  # without leading/trailing white space; never empty
    line: int
    indent: int
    blank_before: bool  # a blank line (or the start of the text) is right before it
    page_start: bool = False
    chapter: str = ""
    keep: bool = True
    # what a family's passes found from layout: "heading", "code" (a line of a
    # code block: kept as it stands), "text" (never a heading); "" when unknown
    kind: str = ""
    # set by _classify: the list marker found (see Line) and the text after it
    bullet: str = ""
    number: int | None = None
    body: str = ""


Pass = Callable[[list[RawLine], Report], None]


def clean(raw: list[RawLine], passes: Sequence[Pass], wrapped: bool,
          report: Report) -> list[Line]:
    """Clean one source's raw lines into logical lines: run its family's
    ``passes``, then join what was wrapped (``wrapped``: lines stop
    mid-sentence, as PDF extractors leave them)."""
    for pass_ in passes:
        pass_(raw, report)
    return _join(raw, wrapped)


def raw_lines(text: str) -> list[RawLine]:
    """The lines of ``text`` that are not blank, white space normalised."""
    # The space mapping, one character at a time, is the same over the
    # whole text as line by line, and most texts need none of it.
    for char, replacement in _SPACE_REPLACEMENTS:
        if char in text:
            text = text.replace(char, replacement)
    out = []
    append = out.append
    blank_before = True
    for number, line in enumerate(text.split("\n"), start=1):
        line = line.rstrip()
        if not line:
            blank_before = True
            continue
        stripped = line.lstrip(" ")
        indent = len(line) - len(stripped)
        append(RawLine(_MULTI_SPACE.sub(" ", stripped) if "  " in stripped else stripped,
                       number, indent, blank_before))
        blank_before = False
    return out


# ---- passes ------------------------------------------------------------

def drop_share_buttons(raw: list[RawLine], report: Report) -> None:
    """Drop a top line of share-button words: ``facebook twitter``."""
    for r in raw[:5]:
        if r.line > 5:
            break
        words = r.text.lower().replace(",", " ").replace("|", " ").split()
        if words and all(w in cues.SHARE_WORDS for w in words):
            r.keep = False
            report.note(r.line, f"dropped share-button line '{r.text}'")


def mark_page_starts(raw: list[RawLine], report: Report) -> None:
    """PDF text: a line that starts with one space right after a text line
    (or a form feed) starts a new page; that one space is the page's, not
    the line's. A page that starts with a list item keeps a second space."""
    for r in raw:
        if r.text.startswith("\f") or (r.indent >= 1 and (not r.blank_before or r.line == 1)):
            r.text = r.text.lstrip("\f ")
            r.indent = max(r.indent - 1, 0)
            r.page_start = True


def drop_page_numbers(raw: list[RawLine], report: Report) -> None:
    """A lone number (``8``, ``Page 3 of 10``, ``- 4 -``, ``xii``) is a page number."""
    for r in raw:
        if r.keep and cues.PAGE_NUMBER.match(r.text):
            r.keep = False
            report.note(r.line, f"dropped page number '{r.text}'")


def find_chapter_markers(raw: list[RawLine], report: Report) -> None:
    """Running chapter markers: ``Book Title ─ Chapter Title`` lines whose
    prefix repeats. Each marker closes its chapter's first page, so the
    chapter starts at the page that holds it. Lines that are the bare prefix
    are running headers too."""
    # _MARKER is slow, and its dashes are not ASCII: ASCII lines need not try it.
    found = [(i, _MARKER.match(r.text)) for i, r in enumerate(raw)
             if r.keep and not r.text.isascii()]
    found = [(i, m) for i, m in found if m and not m.group("prefix").endswith(":")]
    prefixes = Counter(m.group("prefix").strip() for _, m in found)
    running = {p for p, n in prefixes.items() if n >= 2}
    if not running:
        return
    page_of = _page_starts(raw)
    for i, m in found:
        if m.group("prefix").strip() in running:
            raw[i].keep = False
            report.note(raw[i].line, f"dropped chapter marker '{raw[i].text}'")
            start = page_of[i]
            if start is not None and not start.chapter:
                start.chapter = m.group("title").strip()
    for r in raw:
        if r.keep and r.text in running:
            r.keep = False
            report.note(r.line, f"dropped running header '{r.text}'")


def drop_running_headers(raw: list[RawLine], report: Report) -> None:
    """Short lines that repeat on three or more pages are headers or footers."""
    counts = Counter(_shape(r.text) for r in raw if r.keep and len(r.text) <= 70)
    near_edge = _near_page_edge(raw)
    for r in raw:
        if r.keep and r.line in near_edge and counts.get(_shape(r.text), 0) >= 3:
            r.keep = False
            report.note(r.line, f"dropped running header '{r.text}'")


_DIGITS = re.compile(r"\d\d*")  # not "\d+": the regex engine finds a lone class faster


def _shape(text: str) -> str:
    return _DIGITS.sub("#", text.lower())


def _near_page_edge(raw: list[RawLine]) -> set[int]:
    """The numbers of the lines at most four lines from a page start."""
    return {n for r in raw if r.page_start for n in range(r.line - 4, r.line + 5)}


def _page_starts(raw: list[RawLine]) -> list[RawLine | None]:
    """For each raw line, the page start at or before it; before the first
    one, line 1 (None if line 1 is blank)."""
    starts, current = [], raw[0] if raw and raw[0].line == 1 else None
    for r in raw:
        if r.page_start and r.keep:
            current = r
        starts.append(current)
    return starts


# ---- joining -----------------------------------------------------------

def _join(raw: list[RawLine], wrapped: bool) -> list[Line]:
    """Turn raw lines into logical lines: list items found, wraps joined.
    The pieces of a line are joined once at the end: gluing as we go would
    copy a long paragraph once per wrapped line."""
    width = _typical_width([r for r in raw if r.keep])
    lines: list[Line] = []
    pieces: list[list[str]] = []
    tail = 0  # length of the last raw line of lines[-1]
    blank_before = False  # a blank line since the last kept line
    for r in raw:
        blank_before = blank_before or r.blank_before
        if not r.keep:
            continue
        _classify(r, wrapped)
        if lines and _continues(lines[-1], pieces[-1], tail, r, blank_before, wrapped, width):
            pieces[-1].append(r.body)
        else:
            # positional arguments: keywords would make this call slow
            lines.append(Line(r.body, r.line, r.indent, r.bullet, r.number, r.page_start,
                              r.chapter, r.kind))
            pieces.append([r.body])
        tail = len(r.text) + r.indent
        blank_before = False
    for line, parts in zip(lines, pieces):
        if len(parts) > 1:
            line.text = _glue(parts)
    return _merge_sandwiched(lines) if wrapped else lines


def _merge_sandwiched(lines: list[Line]) -> list[Line]:
    """A text line between two items of one list is the wrapped rest of
    the item before it: extraction lost its indent, not its place."""
    out: list[Line] = []
    for i, line in enumerate(lines):
        prev = out[-1] if out else None
        after = lines[i + 1] if i + 1 < len(lines) else None
        if (prev and after and not line.bullet and prev.bullet and prev.bullet == after.bullet
                and not line.text.endswith(":") and not line.page_start
                and not looks_like_heading(line.text)):
            prev.text = _glue([prev.text, line.text])
            continue
        out.append(line)
    return out


def _classify(r: RawLine, wrapped: bool) -> None:
    """Find ``r``'s list marker: set its bullet, number and body."""
    text = r.text
    r.body = text
    if r.kind in ("heading", "code"):
        return  # the family's passes found what the line is; no list marker
    first = text[:1]  # each pattern needs its own first character (isdigit covers \d)
    if first in _GLYPH_FIRST and (m := _GLYPH_BULLET.match(text)):
        r.bullet, r.body = "•", text[m.end():]
    elif first == "o" and (m := _O_BULLET.match(text)):
        r.bullet, r.body = "o", text[m.end():]
    elif first.isdigit() and (m := _NUMBERED.match(text)):
        r.bullet, r.number, r.body = "1", int(m.group(1)), text[m.end():]
    elif r.indent > 0 and text[1:2] in (".", ")") and (m := _LETTERED.match(text)):
        r.bullet, r.number = "a", ord(m.group(1).lower()) - 96
        r.body = text[m.end():]
    elif wrapped and r.indent >= 1:
        r.bullet = " "  # the glyph was lost in extraction; only its space is left


def _continues(prev: Line, parts: list[str], tail: int, r: RawLine, blank_before: bool,
               wrapped: bool, width: int) -> bool:
    """Is ``r`` the wrapped rest of ``prev`` (whose pieces so far are
    ``parts``, the last raw one ``tail`` characters long)?"""
    if r.bullet or r.chapter or r.kind in ("heading", "code") or prev.kind in ("heading", "code"):
        return False
    end = parts[-1]
    if not wrapped:
        return not blank_before and prev.bullet != "" and r.indent > prev.indent \
            and not end.endswith(TERMINAL)
    text = r.body
    starts_lower = text[:1].islower() or text[:1] in ",;)"
    if starts_lower and not end.endswith((".", "!", "?", ":")):
        return True
    if end.endswith(":") or looks_like_heading(text) \
            or (len(parts) == 1 and looks_like_heading(end)):
        return False
    if prev.bullet and end.endswith(TERMINAL):
        return False  # a list item that ended its sentence; what follows is a paragraph
    return tail >= 0.75 * width


def _glue(parts: list[str]) -> str:
    out = [parts[0]]
    for part in parts[1:]:
        left = out[-1]
        if not (left.endswith("-") and not left.endswith(" -") and part[:1].islower()):
            out.append(" ")  # "customer-" + "facing": a hyphen at a wrap is part of the word
        out.append(part)
    return "".join(out)


def _typical_width(raw: list[RawLine]) -> int:
    lengths = sorted(len(r.text) + r.indent for r in raw)
    if not lengths:
        return 80
    return max(lengths[int(len(lengths) * 0.9) - 1 if len(lengths) > 1 else 0], 40)
