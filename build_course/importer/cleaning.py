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
from build_course.importer.shapes import (
    LEADING_NUMBER,
    LONG_NUMBER,
    TERMINAL,
    looks_like_heading,
    runs_on,
)
from build_course.model import Line

_BULLET_GLYPHS = "•·▪◦‣●○■□►▸➢✓✔\uf0b7\uf0a7\uf076\uf0d8\uf0fc*"
_GLYPH_BULLET = re.compile(rf"^([{re.escape(_BULLET_GLYPHS)}]|[-–—](?=\s))\s*(?=\S)")
_GLYPH_FIRST = frozenset(_BULLET_GLYPHS + "-–—")
_MARKED_BOXES = frozenset("⊠☒☑")
_O_BULLET = re.compile(r"^o\s+(?=[A-Z“\"‘(])")
_NUMBERED = re.compile(r"^(\d{1,3})[.)]\s+(?=\S)")
_LONG_NUMBERED = re.compile(r"^(\d{4,6})[.)]\s+(?=\S)")
_LETTERED = re.compile(r"^([A-Za-z])[.)]\s+(?=\S)")
_MARKER = re.compile(r"^(?P<prefix>\S.{1,50}?)\s+[─━–—]\s+(?P<title>\S.{0,80}?)$")
_MULTI_SPACE = re.compile(r"(?<=\S) {2,}")
# kinds a family's passes give a line that make it a block of its own
_MARKED_KINDS = frozenset(("heading", "exercise", "code", "box", "label"))
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
    # what a family's passes found from layout: "heading", "exercise" (a
    # heading that names an exercise), "code" (a line of a code block: kept
    # as it stands), "box" (a box's title: a heading that is no section),
    # "label" (a label inside an exercise: a bold line), "text" (never a
    # heading); "" when unknown
    kind: str = ""
    form_feed: bool = False  # a form feed put the page start here
    # the line as it stood, where runs of spaces inside it (table columns,
    # aligned code) were made one in ``text``; "" when there were none
    spaced: str = ""
    # set by _classify: the list marker found (see Line) and the text after it
    bullet: str = ""
    number: int | None = None
    body: str = ""
    kicker: str = ""  # with ``chapter``: the chapter's label ("CHAPTER I")
    # how wide the line stood in the dump when marks were taken out of ``text``
    # (lynx's link numbers "[12]"): its wrap is measured on that; 0 when none were
    printed: int = 0


Pass = Callable[[list[RawLine], Report], None]


def clean(raw: list[RawLine], passes: Sequence[Pass], wrapped: bool,
          report: Report) -> list[Line]:
    """Clean one source's raw lines into logical lines: run its family's
    ``passes``, then join what was wrapped (``wrapped``: lines stop
    mid-sentence, as PDF extractors leave them)."""
    for pass_ in passes:
        pass_(raw, report)
    return _join(raw, wrapped)


def join_lines(raw: list[RawLine], wrapped: bool) -> list[Line]:
    """``raw``'s logical lines, as ``clean`` joins them after its passes."""
    return _join(raw, wrapped)


def normalise_spaces(text: str) -> str:
    """Tabs and odd spaces made spaces, zero-width ones gone."""
    # The space mapping, one character at a time, is the same over the
    # whole text as line by line, and most texts need none of it.
    for char, replacement in _SPACE_REPLACEMENTS:
        if char in text:
            text = text.replace(char, replacement)
    return text


def raw_lines(text: str) -> list[RawLine]:
    """The lines of ``text`` that are not blank, white space normalised."""
    text = normalise_spaces(text)
    out = []
    append = out.append
    blank_before = True
    form_feeds = "\f" in text
    page_break = False  # a form feed since the last line: the next line starts a page
    for number, line in enumerate(text.split("\n"), start=1):
        if form_feeds and "\f" in line:
            line, page_break = line.replace("\f", ""), True
        line = line.rstrip()
        if not line:
            blank_before = True
            continue
        stripped = line.lstrip(" ")
        indent = len(line) - len(stripped)
        if "  " in stripped:
            append(RawLine(_MULTI_SPACE.sub(" ", stripped), number, indent, blank_before,
                           page_break, spaced=stripped))
        else:
            append(RawLine(stripped, number, indent, blank_before, page_break))
        if page_break:
            out[-1].form_feed = True
        blank_before = page_break = False
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
            report.dropped(r.line, "share-button line", r.text)


def mark_sentence_headings(raw: list[RawLine], report: Report) -> None:
    """In a text of one line per paragraph, a short line in sentence case
    (``Performance criteria``) that stands alone between blank lines, over a
    list or a paragraph twice its length, is a heading when two or more such
    lines are found (one alone may be a line of prose: it stays a paragraph).
    Headings not in title case go on the review list (structuring)."""
    kept = [r for r in raw if r.keep]
    found = [r for r, after in zip(kept[1:], kept[2:])
             if r.blank_before and after.blank_before and not r.kind
             and _sentence_heading(r.text) and _under_heading(after.text, len(r.text))]
    if len(found) >= 2:
        for r in found:
            r.kind = "heading"


def _sentence_heading(text: str) -> bool:
    words = text.split()
    return 1 <= len(words) <= 6 and len(text) <= 50 and text[:1].isupper() \
        and text[-1:].isalnum() and words[-1].lower() not in _OPEN_WORDS \
        and not text[:1].isdigit() and text[:1] not in _GLYPH_FIRST


def _under_heading(text: str, width: int) -> bool:
    """What may stand under a heading: a list item, or a paragraph twice as long."""
    return text[:1] in _GLYPH_FIRST or bool(_NUMBERED.match(text)) \
        or (len(text) >= max(40, 2 * width) and text.endswith(TERMINAL))


def mark_page_starts(raw: list[RawLine], report: Report) -> None:
    """PDF text: a line that starts with one space right after a text line
    (or a form feed) starts a new page; that one space is the page's, not
    the line's. A page that starts with a list item keeps a second space."""
    if any(r.form_feed for r in raw):
        return  # form feeds mark the pages
    for r in raw:
        if r.indent >= 1 and (not r.blank_before or r.line == 1):
            r.indent = max(r.indent - 1, 0)
            r.page_start = True


def drop_page_numbers(raw: list[RawLine], report: Report) -> None:
    """A lone number (``8``, ``Page 3 of 10``, ``- 4 -``, ``xii``) is a page number."""
    for r in raw:
        if r.keep and cues.PAGE_NUMBER.match(r.text):
            r.keep = False
            report.dropped(r.line, "page number", r.text, routine=True)


def find_chapter_markers(raw: list[RawLine], report: Report) -> None:
    """Running chapter markers: ``Book Title ─ Chapter Title`` lines whose
    prefix repeats. Each marker closes its chapter's first page, so the
    chapter starts at the page that holds it. Lines that are the bare prefix
    are running headers too. A prefix whose lines all carry one title (their
    page numbers aside) on three pages or more marks no chapters."""
    # _MARKER is slow: only lines with one of its dashes (none ASCII) try it
    found = [(i, m) for i, r in enumerate(raw)
             if r.keep and not r.text.isascii() and _has_marker_dash(r.text)
             and (m := _MARKER.match(r.text))]
    found = [(i, m) for i, m in found if not m.group("prefix").endswith(":")
             and _title_shaped(m.group("title"))]
    if found and any(r.form_feed for r in raw):  # (asked once, not for each marker)
        found = [(i, m) for i, m in found if _at_page_break(raw, i)]
    prefixes = Counter(m.group("prefix").strip() for _, m in found)
    titles: dict[str, set[str]] = {}  # prefix -> the titles after it, digits folded
    for _, m in found:
        titles.setdefault(m.group("prefix").strip(), set()).add(_shape(m.group("title")))
    # one title only, its page number aside ("Handbook ─ Page 3 of 30"): a running
    # header or footer (the page furniture passes' work), not chapters
    running = {p for p, n in prefixes.items() if n >= 2 and (len(titles[p]) > 1 or n == 2)}
    if not running:
        return
    page_of = _page_starts(raw)
    for i, m in found:
        if m.group("prefix").strip() in running:
            raw[i].keep = False
            report.dropped(raw[i].line, "chapter marker", raw[i].text)
            start = page_of[i]
            if start is not None and not start.chapter:
                start.chapter = m.group("title").strip()
    for r in raw:
        if r.keep and r.text in running:
            r.keep = False
            report.dropped(r.line, "running header", r.text)


def _has_marker_dash(text: str) -> bool:
    return "─" in text or "—" in text or "–" in text or "━" in text


def _title_shaped(title: str) -> bool:
    """A chapter's title, not a sentence run in after a label (``CAUTION – Do
    not give it to children. Ask...``): short, no sentence ends inside or at its end."""
    return len(title) <= 60 and ". " not in title and ": " not in title \
        and not title.rstrip().endswith((".", ",", ";"))


def running_prefix(raw: list[RawLine]) -> tuple[str, str] | None:
    """The book's title that its chapter markers (``Book ─ Chapter``, dropped
    by ``find_chapter_markers``) share, and where it was found; None without."""
    prefixes = Counter(m.group("prefix").strip() for r in raw
                       if not r.keep and not r.text.isascii() and (m := _MARKER.match(r.text)))
    prefix, n = prefixes.most_common(1)[0] if prefixes else ("", 0)
    return (prefix, f"the chapter markers ('{prefix} ─ ...', {n} lines)") if n >= 2 else None


def _at_page_break(raw: list[RawLine], i: int) -> bool:
    """A marker stands at a page's top or foot, not inside its text (asked
    where form feeds tell the pages; a guessed page start may be off by lines)."""
    # within two lines of a page's start, or of its end (a footer or a page
    # number may stand after the marker), or of the text's end
    return i + 3 > len(raw) or any(r.page_start for r in raw[max(i - 1, 0):i + 4])


def drop_running_headers(raw: list[RawLine], report: Report,
                         may_drop: Callable[[str], bool] | None = None) -> list[RawLine]:
    """Short lines that repeat on three or more pages are headers or footers
    (of the lines ``may_drop`` allows, when given); the lines dropped."""
    near_edge = _near_page_edge(raw)
    if not near_edge:
        return []  # no page start known: no line near one
    counts = Counter(_shape(r.text) for r in raw if r.keep and len(r.text) <= 70)
    dropped = []
    for r in raw:
        if r.keep and r.line in near_edge and counts.get(_shape(r.text), 0) >= 3 \
                and (may_drop is None or may_drop(r.text)):
            r.keep = False
            report.dropped(r.line, "running header", r.text)
            dropped.append(r)
    return dropped


_DIGITS = re.compile(r"\d\d*")  # not "\d+": the regex engine finds a lone class faster


_DIGIT_BYTES = b"0123456789"


def _shape(text: str) -> str:
    """``text`` lowercased, each run of digits made one "#"."""
    lower = text.lower()
    # Most lines have no digit: bytes.translate tells it of an ASCII line far
    # faster than the regex finds it (in ASCII, \d is 0-9).
    if text.isascii() and len(text.encode().translate(None, _DIGIT_BYTES)) == len(text):
        return lower
    return _DIGITS.sub("#", lower)


def _near_page_edge(raw: list[RawLine]) -> set[int]:
    """The numbers of the lines at most four lines from a page start (the
    text's first line starts its first page)."""
    return {n for r in raw if r.page_start for n in range(r.line - 4, r.line + 5)} \
        | set(range(1, 6))


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
    # (only a wrapped text's join asks for its width)
    kept = [r for r in raw if r.keep] if wrapped else []
    width = _typical_width(kept) if wrapped else 0
    blanks_part = wrapped and _blank_lines_part(kept)
    lines: list[Line] = []
    parts: list[str] = []  # the pieces of lines[-1]
    joined: list[tuple[Line, list[str]]] = []  # the lines of two pieces or more, with them
    tail = 0  # length of the last raw line of lines[-1]
    blank_before = False  # a blank line since the last kept line
    long_items = _LongItems(raw)
    rewrapped = set() if wrapped else _wrapped_paragraphs(raw, long_items)
    for r in raw:
        blank_before = blank_before or r.blank_before
        if not r.keep:
            continue
        _classify(r, wrapped, long_items)
        # (unwrapped, a line goes on only from a list item, with no blank line between)
        if lines and (r.line in rewrapped
                      or ((wrapped or not blank_before and lines[-1].bullet)
                          and _continues(lines[-1], parts, tail, r, blank_before, wrapped,
                                         width, blanks_part))):
            if len(parts) == 1:
                joined.append((lines[-1], parts))
            parts.append(r.body)
        else:
            # positional arguments: keywords would make this call slow
            lines.append(Line(r.body, r.line, r.indent, r.bullet, r.number, r.page_start,
                              r.chapter, r.kind, r.kicker))
            parts = [r.body]
        tail = len(r.text) + r.indent
        blank_before = False
    words = _Vocabulary(raw) if wrapped else None
    for line, pieces in joined:
        line.text = _glue(pieces, words)
    for line in lines:
        if "\u00ad" in line.text:  # a soft hyphen: invisible, and it only broke a word
            line.text = line.text.replace("\u00ad", "")
    return _merge_sandwiched(lines) if wrapped else lines


def blank_line_blocks(raw: list[RawLine]) -> list[list[RawLine]]:
    """``raw`` in blocks, split where a line has a blank line before it."""
    blocks: list[list[RawLine]] = []
    for r in raw:
        if r.blank_before or not blocks:
            blocks.append([])
        blocks[-1].append(r)
    return blocks


def _wrapped_paragraphs(raw: list[RawLine], long_items: _LongItems) -> set[int]:
    """In a text of one line per paragraph, the blocks (lines with no blank
    line between them) that are one paragraph hard-wrapped all the same: no
    list marker or marked line in the block, every line but the last near
    the block's width, and somewhere a line that stops mid-sentence with the
    next going on in lower case. The numbers of the lines that go on from the
    line before them."""
    found: set[int] = set()
    block: list[RawLine] = []
    for r in [*raw, None]:
        if r is None or r.blank_before or not r.keep:
            if len(block) > 1 and _one_paragraph(block, long_items):
                found.update(line.line for line in block[1:])
            block = []
        if r is not None and r.keep:
            block.append(r)
    return found


def _one_paragraph(block: list[RawLine], long_items: _LongItems) -> bool:
    width = max(len(r.text) for r in block)
    if width < 40 or any(len(r.text) < 0.6 * width for r in block[:-1]):
        return False
    for r in block:
        _classify(r, False, long_items)
        if r.bullet or r.kind in _MARKED_KINDS:
            return False
    return any(not a.text.endswith(TERMINAL) and b.text[:1].islower()
               for a, b in zip(block, block[1:]))


def _merge_sandwiched(lines: list[Line]) -> list[Line]:
    """A text line between two items of one list is the wrapped rest of
    the item before it: extraction lost its indent, not its place."""
    out: list[Line] = []
    for line, after in zip(lines, [*lines[1:], None]):
        prev = out[-1] if out else None
        if (prev and after and not line.bullet and prev.bullet and prev.bullet == after.bullet
                and not line.text.endswith(":") and not line.page_start
                and not looks_like_heading(line.text)):
            prev.text = _glue([prev.text, line.text])
            continue
        out.append(line)
    return out


class _LongItems:
    """``_long_numbered_items(raw)``, found when first asked about: most
    texts have no line led by a number of four digits or more, and only
    such a line is asked about."""

    def __init__(self, raw: list[RawLine]) -> None:
        self._raw = raw
        self._found: set[int] | None = None

    def __contains__(self, line: int) -> bool:
        if self._found is None:
            self._found = _long_numbered_items(self._raw)
        return line in self._found


def _long_numbered_items(raw: list[RawLine]) -> set[int]:
    """The raw line numbers of items numbered 1,000 or more: those that
    continue the run of numbered lines around them (shapes.runs_on)."""
    led = [(r.line, int(m.group(1))) for r in raw
           if r.keep and r.text[:2].lstrip("(")[:1].isdigit()
           and (m := LEADING_NUMBER.match(r.text))]
    if not any(n >= LONG_NUMBER for _, n in led):
        return set()
    numbers = [n for _, n in led]
    return {line for (line, n), item in zip(led, runs_on(numbers))
            if item and n >= LONG_NUMBER}


def _classify(r: RawLine, wrapped: bool,
              long_items: frozenset[int] | set[int] | _LongItems = frozenset()) -> None:
    """Find ``r``'s list marker: set its bullet, number and body. A number of
    four digits or more marks an item only when ``r`` is in ``long_items``."""
    text = r.text
    r.body = text
    if r.kind in _MARKED_KINDS:
        return  # the family's passes found what the line is; no list marker
    first = text[:1]  # each pattern needs its own first character (isdigit covers \d)
    if first in _GLYPH_FIRST and (m := _GLYPH_BULLET.match(text)):
        r.bullet, r.body = "•", text[m.end():]
    elif first in _MARKED_BOXES and text[1:2] in (" ", ""):
        r.bullet = "•"  # a ticked ballot box: the option marked right (the quiz reads the mark)
    elif first == "o" and (m := _O_BULLET.match(text)):
        r.bullet, r.body = "o", text[m.end():]
    elif first.isdigit() and ((m := _NUMBERED.match(text))
                              or ((m := _LONG_NUMBERED.match(text)) and r.line in long_items)):
        r.bullet, r.number, r.body = "1", int(m.group(1)), text[m.end():]
    elif r.indent > 0 and text[1:2] in (".", ")") and (m := _LETTERED.match(text)):
        r.bullet, r.number = "a", ord(m.group(1).lower()) - 96
        r.body = text[m.end():]
    elif wrapped and r.indent == 1 and (r.blank_before or r.page_start) \
            and not text[:1].islower():
        # the glyph was lost in extraction; only its space is left. Deeper
        # indents are layout (columns, centring, hanging lines), not bullets
        r.bullet = " "


def _blank_lines_part(kept: list[RawLine]) -> bool:
    """Do blank lines stand between paragraphs (not after every line, as in
    a double-spaced extraction, where they mean nothing)?"""
    return sum(r.blank_before for r in kept) * 2 < len(kept)


def _continues(prev: Line, parts: list[str], tail: int, r: RawLine, blank_before: bool,
               wrapped: bool, width: int, blanks_part: bool = False) -> bool:
    """Is ``r`` the wrapped rest of ``prev`` (whose pieces so far are
    ``parts``, the last raw one ``tail`` characters long)?"""
    if wrapped and r.bullet == "1" and _mid_sentence_number(prev, parts[-1], r):
        r.bullet, r.number, r.body = "", None, r.text  # "... 2) growth," + "3) maturity"
    if r.bullet or r.chapter or r.kind in _MARKED_KINDS or prev.kind in _MARKED_KINDS:
        return False
    if wrapped and r.body[:1] in "ASC" and cues.ANSWER_LABEL.match(r.body):
        return False  # "Answer: (b)" under its question (a capital: "solution. It..." goes on)
    end = parts[-1]
    if not wrapped:
        return not blank_before and prev.bullet != "" and r.indent > prev.indent \
            and not end.endswith(TERMINAL)
    if blanks_part and blank_before and end.endswith((".", "?", "!", ":")):
        return False  # a sentence ended, then a blank line: a new paragraph
    text = r.body
    starts_lower = text[:1].islower() or text[:1] in ",;)"
    if starts_lower and text.startswith(("http", "www.")) and looks_like_heading(end):
        return False  # a title, then the address under it
    if starts_lower and not end.endswith((".", "!", "?", ":")):
        # a title, a blank line, then code or a note in lower case: not its rest
        return not (blanks_part and blank_before and len(parts) == 1 and not r.page_start
                    and looks_like_heading(end))
    last = end.rsplit(" ", 1)[-1]
    if not prev.bullet and (last in _OPEN_ENDS or _capital_open_end(last, end, text)):
        # "... six factors by Cundiff and" + "Still. They are:"; a title
        # wrapped after "or" ("Preventing Illness or" + "Death at Work")
        return not looks_like_heading(end) or looks_like_heading(text)
    if len(parts) > 1 and not prev.bullet and not end.endswith(TERMINAL) \
            and not looks_like_heading(text) \
            and not (len(parts) <= 3 and not any(p.endswith("-") for p in parts)
                     and looks_like_heading(" ".join(parts))):
        return True  # a paragraph that wrapped once goes on until its sentence ends
    if end.endswith(":") or looks_like_heading(text) \
            or (len(parts) == 1 and looks_like_heading(end)):
        return False
    if prev.bullet and end.endswith(TERMINAL):
        return False  # a list item that ended its sentence; what follows is a paragraph
    return tail >= 0.75 * width


def _capital_open_end(last: str, end: str, text: str) -> bool:
    """A title in capitals wrapped after a small word (``BE PREPARED FOR A``
    over ``FLOOD``), short enough joined to stay a heading (``APPENDIX A``
    is a label, not a wrap)."""
    return last.isupper() and last.lower() in _OPEN_ENDS and len(end) + len(text) < 70 \
        and text.isupper() and end.count(" ") >= 2


_OPEN_ENDS = frozenset("and or of the a an by to with for from in on at as than that".split())
_OPEN_WORDS = _OPEN_ENDS


def _mid_sentence_number(prev: Line, end: str, r: RawLine) -> bool:
    """A wrapped line that starts with ``3)`` inside a sentence that counts
    ``1) ... 2) ...``: the number is not a list's (which would start at 1,
    or follow the item before it, after a line that ended its sentence)."""
    number = r.number or 0
    return number > 1 and not end.endswith(TERMINAL) \
        and not (prev.bullet == "1" and prev.number == number - 1) \
        and prev.bullet != "•" \
        and not (r.indent < prev.indent and (prev.bullet == "a" or _ROMAN_LEAD.match(prev.text)))
    # (after a bulleted option, or left of a lettered or roman-numbered one ("ii) ..."),
    # "4." starts the next question)


_ROMAN_LEAD = re.compile(r"^\(?(?:i{1,3}|iv|vi{0,3}|ix|x)\)\s")


def _glue(parts: list[str], words: _Vocabulary | None = None) -> str:
    joined = " ".join(parts)
    if "- " not in joined and "\u00ad " not in joined:
        return joined  # no part ends with a hyphen: each goes on after a space
    out = [parts[0]]
    for part in parts[1:]:
        left = out[-1]
        if left.endswith("\u00ad"):
            pass  # "accu\u00ad" + "rately": glued, the soft hyphen goes with the rest
        elif left.endswith("-") and not left.endswith(" -") and part[:1].islower():
            if words is not None and words.soft_hyphen(left, part):
                out[-1] = left[:-1]  # "accu-" + "rately": the hyphen only broke the word
        else:
            out.append(" ")  # "customer-" + "facing": a hyphen at a wrap is part of the word
        out.append(part)
    return "".join(out)


_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_WORD_END = re.compile(r"([^\W\d_]+)-$")
_WORD_START = re.compile(r"^[^\W\d_]+")


class _Vocabulary:
    """The words of a text, to tell a hyphen that broke a word at a wrap
    (``accu-`` + ``rately``) from one that joins two (``heat-`` +
    ``related``). Read on first use: most texts have no hyphen at a wrap,
    and most that have one have it at a few: the lines holding each word
    asked about are read for it, until ``FEW`` words have been asked about;
    then all the text's words are gathered at once."""

    FEW = 8

    def __init__(self, raw: list[RawLine]) -> None:
        self._raw = raw
        self._lower: list[str] = []  # each raw line's text, lowercased
        self._known: dict[str, bool] = {}  # the words asked about so far
        self._words: set[str] | None = None

    def soft_hyphen(self, left: str, right: str) -> bool:
        """Is the hyphen at the end of ``left`` a soft one, to drop when
        joining ``right``? Yes unless the hyphenated word, or both halves,
        stand elsewhere in the text (and the word without it does not)."""
        head, tail = _WORD_END.search(left), _WORD_START.match(right)
        if not head or not tail:
            return False
        a, b = head.group(1).lower(), tail.group(0).lower()
        if self._has(f"{a}-{b}"):
            return False
        if self._has(a + b):
            return True
        # "heat-" + "related", "customer-" + "facing": the first half is a word
        return not (self._has(a) and (self._has(b) or len(a) >= 6))

    def _has(self, word: str) -> bool:
        if self._words is None and len(self._known) >= self.FEW:
            self._words = set().union(*(_line_words(lower, r.text)
                                        for lower, r in zip(self._lower, self._raw)))
        if self._words is not None:
            return word in self._words
        if word not in self._known:
            if not self._lower:
                self._lower = [r.text.lower() for r in self._raw]
            # a word of a line is a piece of its text: only such lines can hold it
            self._known[word] = any(word in _line_words(lower, r.text)
                                    for lower, r in zip(self._lower, self._raw) if word in lower)
        return self._known[word]


def _line_words(lower: str, text: str) -> set[str]:
    """The words of a line (``lower``: its ``text`` lowercased) that count in
    its text's vocabulary: not its first word, nor a last one cut by a hyphen
    (they may be the halves of a broken word); a hyphenated word, its halves too."""
    words = _WORD.findall(lower)[1:]
    if text.endswith("-") and words:
        words.pop()
    found = set(words)
    for word in words:
        if "-" in word:
            found.update(word.split("-"))
    return found


def _typical_width(raw: list[RawLine]) -> int:
    lengths = sorted(len(r.text) + r.indent for r in raw)
    if not lengths:
        return 80
    return max(lengths[int(len(lengths) * 0.9) - 1 if len(lengths) > 1 else 0], 40)
