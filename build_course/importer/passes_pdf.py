"""Cleaning passes for text extracted from PDFs (pdftotext, -layout, pypdf).

Each pass has the signature of every cleaning pass, ``pass_(raw, report)``
(see ``cleaning``). Nothing here knows a document's words: page furniture is
found by repeating on several pages at the page's edge (or by carrying a page
number and repeating), section numbers by their shape, bullet glyphs by being
the same odd character in front of several lines.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable

from build_course.diagnostics import Report, Topic
from build_course.importer import cleaning as c
from build_course.importer import cues
from build_course.importer.cleaning import RawLine
from build_course.importer.shapes import TERMINAL, looks_like_heading

EDGE = 4  # how many lines at the top and at the foot of a page may be furniture
# A glyph a PDF extractor leaves for a bullet, alone on its line or in front of
# the text: private-use Symbol/Wingdings code points, C1 controls, shapes
# (not the ballot boxes □ ⊠, which mark a quiz's options).
GLYPHS = "\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf06e\uf0a8\uf0e0\uf0f0\x84\x95•●▪◆▲❏◦‣►▸➢➤✓✔"
# Wingdings bullets that an extractor without the font's map prints as a letter.
LETTER_GLYPHS = "§Øqnlüv"
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x83\x85-\x94\x96-\x9f]")
_LONE_GLYPHS = re.compile(rf"^[{re.escape(GLYPHS)}]+$")
# U+0084 read as Windows-1252 is „: doubled, or before a space, it is a bullet.
_LEAD_GLYPHS = re.compile(rf"^(?:[{re.escape(GLYPHS)}]+\s*|„„\s*|„\s+)")
_GLYPH_START = frozenset(GLYPHS + "„")  # what _LONE_GLYPHS and _LEAD_GLYPHS start with
_SECTION_NUMBER = re.compile(r"^\d{1,2}(?:\.\d{1,2})+\.?$")
_LABEL = re.compile(r"^(?:\d{1,2}[.)]|\(\d{1,2}\)|\(?[ivx]{1,5}\)|\(?[a-h]\))$")
_NUMBERED_HEADING = re.compile(r"^(\d{1,2}(?:\.\d{1,2})+)\.?\s+(?P<title>\S.*)$")
_SINGLE_NUMBER_HEADING = re.compile(r"^(\d{1,2})\.\s+(?P<title>\S.*)$")
_NUMBERED_LINE = re.compile(r"^(?:\d{1,3}|[a-zA-Z])[.)]\s")
_NUMBER_AT_START = re.compile(r"^(\d{1,4})\s+(\S.*)$")
_NUMBER_AT_END = re.compile(r"^(\S.*?)\s+(\d{1,4})$")
_DIGITS = re.compile(r"\d+")
_LETTER_SPACED = re.compile(r"\b([A-Z]) (?=[A-Z]{2,}\b)")
_COLUMN_GAP = re.compile(r"\s{3,}")  # between the columns of a line set out by -layout
_DOT_LEADER = re.compile(r"(?:\.\s?){4,}\s*\d{0,4}$|(?:…\s?)+(?:[.…]\s?)+\s*\d{1,4}$")
_BALLOT_BOXES = "□☐⊠☒☑"  # a quiz's option marks: never page furniture


# ---- pages -------------------------------------------------------------

def mark_page_markers(raw: list[RawLine], report: Report) -> None:
    """A converter's page marker (``--- Page 3 ---``, ``[Page 3]``) is a page
    break, as a form feed is; a bare rule of dashes counts only where marked
    pages are found. A line that is only a lone number stays for
    ``drop_page_numbers``."""
    if len(page_markers(raw)) < 2:
        return
    breaks = {id(r) for r in raw if r.text[:1] in _MARKER_FIRST
              and cues.PAGE_MARKER.match(r.text) and not _page_number(r.text)}
    after = False
    for r in raw:
        if id(r) in breaks:
            r.keep, after = False, True
            report.dropped(r.line, "page marker", r.text, routine=True)
        elif after and r.keep:
            r.page_start = r.form_feed = True
            after = False


_MARKER_FIRST = frozenset("-=#*<[(_~pP")


def page_markers(raw: list[RawLine]) -> list[RawLine]:
    """The lines that mark a page break with its number (``--- Page 3 ---``)."""
    return [r for r in raw if r.text[:1] in _MARKER_FIRST and cues.PAGE_MARKER.match(r.text)
            and not _page_number(r.text) and any(map(str.isdigit, r.text))]


def drop_converter_wrappers(raw: list[RawLine], report: Report) -> None:
    """A converter's lines around the text (``--- Begin of file x.pdf ---``,
    ``==> x.pdf <==``, ``<document>``, a code fence) among its first and last
    three lines go."""
    kept = [r for r in raw if r.keep]
    for r in kept[:3] + kept[-3:] if len(kept) > 6 else kept:
        if r.keep and len(r.text) <= 120 and cues.CONVERTER_WRAPPER.match(r.text):
            r.keep = False
            report.dropped(r.line, "converter wrapper", r.text)


def mark_layout_pages(raw: list[RawLine], report: Report) -> None:
    """Without form feeds, a line that starts with one space right after a
    text line starts a new page (some extractors leave that space); with
    form feeds, or where most lines start with spaces, that space means
    nothing. A text whose lines all start with some spaces has them taken off."""
    base = base_indent(raw)
    if base:
        for r in raw:
            r.indent = max(r.indent - base, 0)
    if base or any(r.form_feed for r in raw):
        return
    for r in raw:
        if r.indent >= 1 and (not r.blank_before or r.line == 1):
            r.indent -= 1
            r.page_start = True


def base_indent(raw: list[RawLine]) -> int:
    """The indent most long lines share (0 for most texts)."""
    counts = Counter(r.indent for r in raw if len(r.text) >= 40)
    if not counts:
        return 0
    indent, n = counts.most_common(1)[0]
    return indent if n * 2 > sum(counts.values()) else 0


def pages_of(raw: list[RawLine]) -> list[list[RawLine]]:
    """The kept lines, page by page (one page when no page starts are known)."""
    pages: list[list[RawLine]] = [[]]
    for r in raw:
        if r.page_start and pages[-1]:
            pages.append([])
        if r.keep:
            pages[-1].append(r)
    return [page for page in pages if page]


def drop_page_furniture(raw: list[RawLine], report: Report) -> None:
    """Pages split by form feeds: lines at a page's top or foot that repeat
    on three or more pages (two of a short document) are running headers and
    footers, whatever their digits and letter spacing. The running header
    that reads as a title names the text (``RawLine.chapter`` of its first
    line) unless chapters are already known."""
    pages = pages_of(raw)
    if len(pages) < 2 or not any(r.form_feed for r in raw):
        return  # guessed pages are too rough for this (cleaning.drop_running_headers)
    seen: dict[str, set[int]] = defaultdict(set)  # key -> the pages it stands on
    for n, page in enumerate(pages):
        for _, r in _edge(page):
            if _may_be_furniture(r.text):
                seen[_key(r.text)].add(n)
    need = 3 if len(pages) > 4 else 2
    running = {key for key, found in seen.items() if len(found) >= need} - _chapter_openings(pages)
    headings = _recurring_headings(pages, seen, running)
    running -= headings
    adrift = _adrift(pages, seen, running | headings, need)
    running |= {_key(r.text) for r in adrift}
    tops: dict[str, list[tuple[int, int]]] = defaultdict(list)  # key -> (page, place)
    texts: dict[str, str] = {}  # key -> how the header is written (not in capitals if it can)
    for n, page in enumerate(pages):
        for pos, r in _edge(page):
            if _may_be_furniture(r.text) and (key := _key(r.text)) in running:
                r.keep = False
                report.dropped(r.line, "running header or footer", r.text)
                if pos >= 0 and (title := _title_in(r)):
                    tops[key].append((n, pos))
                    if key not in texts or texts[key].isupper():
                        texts[key] = title
    for r in adrift:
        if r.keep:
            r.keep = False
            report.dropped(r.line, "running header or footer", r.text)
    # on a quarter of the pages at least (three at least), the most pages (a "continued"
    # heading repeats on a few), then on the
    # first page (the cover names the document), then nearest the body
    headers = {texts[key]: (len(found), any(n == 0 for n, _ in found),
                            sum(pos for _, pos in found) / len(found))
               for key, found in tops.items() if len(found) >= max(3, len(pages) // 4)}
    _name_text(raw, headers, report)


def _recurring_headings(pages: list[list[RawLine]], seen: dict[str, set[int]],
                        running: set[str]) -> set[str]:
    """Of the ``running`` keys, those that stand inside pages too, twice at
    least and half as often as at their edges: a heading that each chapter
    has again (``Signs and Symptoms``, ``Key Points``), which now and then
    falls at a page's top, not a running header (which the text has inside
    a page once at most, as its title or its chapter's heading)."""
    if not running:
        return set()
    inside: Counter[str] = Counter()
    for page in pages:
        edge = {id(r) for _, r in _edge(page)}
        for r in page:
            if len(r.text) <= 80 and id(r) not in edge and (key := _key(r.text)) in running:
                inside[key] += 1
    return {key for key, n in inside.items() if n >= 2 and 2 * n >= len(seen[key])}


def _adrift(pages: list[list[RawLine]], seen: dict[str, set[int]], running: set[str],
            need: int) -> list[RawLine]:
    """A footer that an extraction without ``-layout`` printed between a
    page's two columns: inside the page, a line standing alone (a blank line
    before and after it) whose text is at the edge of another page, on
    ``need`` pages in all. The lines so found."""
    found: dict[str, list[tuple[int, RawLine]]] = defaultdict(list)
    for n, page in enumerate(pages):
        for k, r in enumerate(page[:-1]):
            if k and r.blank_before and page[k + 1].blank_before \
                    and (key := _key(r.text)) in seen and key not in running \
                    and n not in seen[key] and _may_be_furniture(r.text) \
                    and len(r.text.split()) >= 2 and not _is_label(r.text):
                found[key].append((n, r))
    return [r for key, places in found.items()
            if len(seen[key] | {n for n, _ in places}) >= need
            and len({n for n, _ in places}) == len(places) for _, r in places]


def drop_guessed_headers(raw: list[RawLine], report: Report) -> None:
    """Without form feeds, pages are guessed: ``cleaning.drop_running_headers``
    drops what repeats near their starts, but never a list's label (``3)``,
    ``iv)``), which repeats in every list. The header on the most pages, if it
    reads as a title, names the text (as ``drop_page_furniture`` does)."""
    if any(r.form_feed for r in raw):
        return  # drop_page_furniture knows the pages
    dropped = c.drop_running_headers(raw, report, _may_be_furniture)
    counts = Counter(r.text for r in dropped if _title_like(r.text))
    _name_text(raw, {text: (n,) for text, n in counts.items() if n >= 3}, report)


def drop_paged_twice(raw: list[RawLine], report: Report) -> None:
    """Without form feeds, a short document's header or footer may stand on
    two pages only: too few for ``drop_guessed_headers``. A line that repeats
    right beside page numbers that count up (``1`` ... ``2``, ``Page 1`` ...
    ``Page 2``), once beside each, is page furniture; one that only repeats,
    at the text's top and at a guessed page start, may be: it stays, with a
    note on the review list. A header on three pages or more that reads as
    a title names the text."""
    if any(r.form_feed for r in raw):
        return  # drop_page_furniture knows the pages
    numbers = _page_number_places(raw)
    seen = [places for places in _furniture_groups(raw, numbers).values() if len(places) >= 2]
    headers: dict[str, tuple[int]] = {}  # the dropped ones that read as titles
    for places in sorted(seen):  # in the order of their first lines
        if len(places) > max(len(numbers), 2):
            continue
        beside = {_page_beside(i, numbers) for i in places}
        if None not in beside and len(beside) == len(places):
            for i in places:
                raw[i].keep = False
                report.dropped(raw[i].line, "running header or footer", raw[i].text)
            if len(places) >= 3 and _title_like(raw[places[0]].text):
                headers[raw[places[0]].text] = (len(places),)
        elif len(places) == 2 and _at_page_edges(raw, places):
            first = raw[places[0]]
            report.note(first.line, f"'{first.text}' stands at the top of the text and again "
                        f"at line {raw[places[1]].line}: it may be a running header; "
                        "kept (no page numbers beside it)", topic=Topic.DROPPED)
    _name_text(raw, headers, report)  # the one on the most pages names the text


def _furniture_groups(raw: list[RawLine], numbers: dict[int, int]) -> dict[str, list[int]]:
    """The lines that may be furniture (``_furniture_line``), by key, for the
    keys that can count in ``drop_paged_twice``: those of such lines beside a
    page number, or where the text's first line stands (once lines beside
    page numbers before it go, as they may). A line is keyed only when its
    first character can start one of those keys (most lines' cannot)."""
    beside = {j for i in numbers for j in range(i - 2, i + 3)}
    wanted = {_key(raw[i].text) for i in beside | _top_places(raw, beside)
              if 0 <= i < len(raw) and _furniture_line(raw[i])}
    leads = {key[0] for key in wanted}
    same: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(raw):
        if _may_lead(r.text, leads) and _furniture_line(r) and (key := _key(r.text)) in wanted:
            same[key].append(i)
    return same


def _furniture_line(r: RawLine) -> bool:
    return r.keep and len(r.text) <= 80 and _may_be_furniture(r.text) and not _page_number(r.text)


def _top_places(raw: list[RawLine], droppable: set[int]) -> set[int]:
    """Where the text's first kept line stands, and the line after it; and
    the same for the next kept line while the one before may go."""
    places: set[int] = set()
    for i, r in enumerate(raw):
        if r.keep:
            places.update((i, i + 1))
            if i not in droppable:
                break
    return places


def _may_lead(text: str, leads: set[str]) -> bool:
    """Can ``text``'s key (``_key``) start with one of ``leads``? Its first
    character, lowered, is one; or the key leaves it out (a digit, a space,
    '#'); or it is not ASCII (lowering may make it two)."""
    first = text[:1]
    return first.lower() in leads or first in "# " or first.isdigit() or not first.isascii()


def _page_number_places(raw: list[RawLine]) -> dict[int, int]:
    """Where lone page numbers that count up stand: raw index -> number
    (a lone number that counts neither from the one before nor to the next
    is content)."""
    found = [(i, int(d.group())) for i, r in enumerate(raw)
             if _page_number(r.text) and (d := _DIGITS.search(r.text))]
    counting = _counting(raw)
    found = [(i, n) for i, n in found if id(raw[i]) not in counting]
    return {i: n for k, (i, n) in enumerate(found)
            if (k > 0 and found[k - 1][1] == n - 1) or (k + 1 < len(found)
                                                         and found[k + 1][1] == n + 1)}


def _page_beside(i: int, numbers: dict[int, int]) -> int | None:
    """The page number within two lines of raw line ``i``, if any."""
    return next((numbers[j] for j in range(i - 2, i + 3) if j in numbers), None)


def _at_page_edges(raw: list[RawLine], places: list[int]) -> bool:
    """The first place is at the text's top, the second after a blank line
    (where an extractor joined two pages) or near a guessed page start."""
    first_kept = next((i for i, r in enumerate(raw) if r.keep), 0)
    return places[0] - first_kept <= 1 and (
        raw[places[1]].blank_before
        or any(r.page_start for r in raw[max(places[1] - 2, 0):places[1] + 3]))


def _may_be_furniture(text: str) -> bool:
    """Short, with words (three letters at least), and not a quiz's line: a
    numbered question (``17. What will ...``) or a ballot-box option; nor a
    line that announces what follows (``Example:``), asks (``... or a
    combination?``, a question's wrapped end) or ends a sentence begun on
    the line before (``subjects are chosen.``): a header or footer does not.
    (The character tests first: most lines fail one.)"""
    return len(text) <= 80 and text[-1:] not in ":?" and text[:1] not in _BALLOT_BOXES \
        and not (text[:1].islower() and text[-1] == "." and " " in text) \
        and _letters(text, 3) \
        and not _numbered_item(text)


_NUMBERED_ITEM = re.compile(r"^\(?\d{1,3}[.)]\s")


def _letters(text: str, n: int) -> bool:
    """``text`` has ``n`` letters at least (most lines start with them: no count then)."""
    return len(text) >= n and text[:n].isalpha() or sum(map(str.isalpha, text)) >= n


def _numbered_item(text: str) -> bool:
    """``17. What will ...``, ``(3) Name ...`` (the pattern only where a digit
    or a bracket comes first)."""
    return (text[:1] == "(" or text[:1].isdecimal()) and _NUMBERED_ITEM.match(text) is not None


def _page_number(text: str) -> bool:
    """``cues.PAGE_NUMBER`` matches ``text`` (asked only where the line ends as
    a page number can: most lines end otherwise, and the pattern is slow)."""
    end = text[-1:]
    return (end.isdecimal() or end in _PAGE_NUMBER_ENDS) \
        and cues.PAGE_NUMBER.match(text) is not None


# What a page number can end with: a digit (``isdecimal``), a dash (``- 4 -``), a Roman
# numeral's letter in either case (with the two that match ``i`` ignoring case).
_PAGE_NUMBER_ENDS = frozenset("-–—ivxlcdmIVXLCDMİı")


def join_centred_headings(raw: list[RawLine], report: Report) -> None:
    """A heading set centred that wrapped (``Managing a Small`` over
    ``Greenhouse``, as ``-layout`` prints a title in a narrow column): two
    lines in a row, both heading-shaped and indented past the text, centred
    on the same place, the line after them body text again. They are one
    heading; a title line over a different, left-aligned line is not."""
    kept = [r for r in raw if r.keep]
    body = Counter(r.indent for r in kept if len(r.text) >= 40).most_common(1)
    margin = body[0][0] if body else 0
    # (the indents first: most lines stand at the margin)
    starts = [i for i in range(len(kept) - 2)
              if kept[i].indent > margin and kept[i + 1].indent >= margin + 3]
    free = 0  # the lines before it were joined
    for i in starts:
        if i < free:
            continue
        first, second, after = kept[i], kept[i + 1], kept[i + 2]
        if abs((2 * first.indent + len(first.text))
               - (2 * second.indent + len(second.text))) <= 4 \
                and after.indent <= margin + 1 and len(first.text) + len(second.text) <= 80 \
                and looks_like_heading(first.text) and looks_like_heading(second.text) \
                and not first.text.endswith(":") and not second.page_start:
            first.text, first.kind = f"{first.text} {second.text}", "heading"
            second.keep = False
            report.note(first.line, f"joined the heading '{first.text}', wrapped over two "
                        "centred lines", topic=Topic.HEADING)
            free = i + 3


def mend_column_breaks(raw: list[RawLine], report: Report) -> None:
    """Two columns read without ``-layout`` can come out of order: the rest
    of a sentence cut at the foot of a column (``needs a doctor.``) stands
    elsewhere on the page, at the start of a block, in lower case. Where a
    page has exactly one block that stops mid-sentence and exactly one block
    that opens in lower case, that opening, up to its sentence's end, goes
    back after the line it continues (with a note)."""
    for page in pages_of(raw):
        blocks = c.blank_line_blocks(page)
        cut = [b for b in blocks if len(b) >= 2 and b[0].text[:1].isupper()
               and not b[-1].text.endswith(TERMINAL) and len(b[-1].text) >= 30]
        rests = [b for b in blocks if b[0].text[:1].islower() and not b[0].page_start]
        if len(cut) != 1 or len(rests) != 1 or cut[0] is rests[0]:
            continue
        rest = rests[0]
        end = next((k for k, r in enumerate(rest) if r.text.endswith((".", "!", "?"))), None)
        if end is None or end > 3:
            continue
        moved = rest[:end + 1]
        if end + 1 < len(rest):
            rest[end + 1].blank_before = True
        moved[0].blank_before = False
        for r in moved:
            raw.remove(r)
        at = raw.index(cut[0][-1]) + 1
        raw[at:at] = moved
        report.note(moved[0].line, f"moved '{moved[0].text[:40]}' after line {cut[0][-1].line}, "
                    "whose sentence it ends (two columns read out of order)")


def drop_page_numbers(raw: list[RawLine], report: Report) -> None:
    """A lone number at a page's top or foot is a page number (anywhere,
    when pages are not known): ``8``, ``Page 3 of 10``, ``- 4 -``, ``xii``.
    Inside a page, a lone number may be content (an option, a result)."""
    pages = pages_of(raw) if any(r.form_feed for r in raw) else []
    if len(pages) < 2:
        _drop_unpaged_numbers(raw, report)
        return
    counting = _counting(raw)
    for page in pages:
        for _, r in _edge(page):
            if _page_number(r.text) and id(r) not in counting:
                r.keep = False
                report.dropped(r.line, "page number", r.text, routine=True)


def _drop_unpaged_numbers(raw: list[RawLine], report: Report) -> None:
    """Pages unknown (or guessed): a lone number that stands more than once is a result
    (``42`` after ``>>> 6 * 7``), not a page number, which is printed once."""
    numbers = [r for r in raw if r.keep and _page_number(r.text)]
    lone = Counter(r.text for r in numbers)
    if 1 not in lone.values():
        return  # (no number printed once: no need to find those that count)
    counting = _counting(raw)
    for r in numbers:
        if lone[r.text] == 1 and id(r) not in counting:
            r.keep = False
            report.dropped(r.line, "page number", r.text, routine=True)


def _counting(raw: list[RawLine]) -> set[int]:
    """The ids of lone numbers that count up from 1 on lines in a row, or
    on every other line: a list's numbers, which ``join_split_numbers`` joins
    to their items, not page numbers."""
    kept = [r for r in raw if r.keep]
    counting: set[int] = set()
    for i in [i for i, r in enumerate(kept) if r.text == "1"]:  # (where a count starts)
        if run := _counted(kept, i):
            counting.update(id(x) for x in kept[i:i + run])
        elif run := _counted(kept, i, 2):
            counting.update(id(x) for x in kept[i:i + 2 * run:2])
    return counting


def _chapter_openings(pages: list[list[RawLine]]) -> set[str]:
    """Keys of chapter lines (``Chapter 3``) at page tops that open their
    chapters: no such line stands on two pages in a row, as a running header
    naming the chapter does on each of its pages. Their numbers differ, so
    they share a key, but they are no furniture."""
    tops: dict[str, list[int]] = defaultdict(list)  # text -> pages it heads
    for n, page in enumerate(pages):
        for pos, r in _edge(page):
            if pos >= 0 and cues.CHAPTER_MARKER.match(r.text):
                tops[r.text].append(n)
    repeated = {_key(text) for text, found in tops.items()
                if any(b - a == 1 for a, b in zip(found, found[1:]))}
    return {_key(text) for text in tops} - repeated


def _edge(page: list[RawLine]) -> list[tuple[int, RawLine]]:
    """The lines at the top (position 0, 1, ...) and foot (-1, -2, ...) of a page."""
    edge = min(EDGE, max(len(page) // 3, 1))  # a short page is mostly text
    top = [(pos, r) for pos, r in enumerate(page[:edge])]
    rest = page[edge:]
    foot = [(-1 - pos, r) for pos, r in enumerate(reversed(rest[-edge:]))]
    return top + foot


def _key(text: str) -> str:
    """A furniture line's key: lowercase, no digits, no spaces (letter
    spacing and page numbers vary from page to page)."""
    low = text.lower()
    if not _digit_free(low):
        low = _DIGITS.sub("#", low)
    return low.replace(" ", "").strip("#")


def _digit_free(text: str) -> bool:
    """``text`` is ASCII without a digit. (Most lines are: the bytes' translate
    tells it several times faster than searching for a digit.)"""
    if not text.isascii():
        return False
    data = text.encode()
    return len(data.translate(None, b"0123456789")) == len(data)


def _title_like(text: str) -> bool:
    if cues.BOILERPLATE.search(text) or any(map(str.isdigit, text)):
        return False
    return 1 <= len(text.split()) <= 12 and text[:1].isupper()


def _title_in(r: RawLine) -> str:
    """The title a running header reads as: the whole line, or, in a line
    set out in columns (``Safety Manual        Rev. 3``, ``Course Guide
    Page 4``), the one column that reads as a title ("" when none does)."""
    if _title_like(r.text):
        return r.text
    columns = [part for part in _COLUMN_GAP.split(r.spaced) if part]
    titles = [part for part in columns if _title_like(part) and len(part.split()) >= 2]
    return titles[0] if len(columns) > 1 and len(titles) == 1 else ""


def _name_text(raw: list[RawLine], tops: dict[str, tuple[float, ...]],
               report: Report) -> None:
    """The running header with the highest figures in ``tops`` (the pages it
    stands on first) names the text."""
    if not tops or any(r.chapter for r in raw):
        return
    title = unspace(max(tops, key=lambda t: (tops[t], len(t))))
    if m := cues.TITLE_LABEL.match(title):
        title = (m.group(3) or "").strip() or title
    first = next((r for r in raw if r.keep), None)
    if first is not None:
        first.chapter = title
        report.note(first.line, f"took the lesson title '{title}' from the running header",
                    topic=Topic.TITLE)


def part_title(raw: list[RawLine]) -> tuple[str, str] | None:
    """The title of a text of several lessons: its chapter markers' common
    prefix (``cleaning.running_prefix``), else the running header that
    reads as a title (its page number aside, two words at least) and was
    dropped most often (two pages at least)."""
    if found := c.running_prefix(raw):
        return found
    headers = Counter(text for r in raw if not r.keep and len(r.text) <= 80
                      and _title_like(text := _unnumbered(unspace(r.text)))
                      and len(text.split()) >= 2 and not cues.CHAPTER_MARKER.match(text))
    header, n = headers.most_common(1)[0] if headers else ("", 0)
    return (header, f"the running header ('{header}', {n} pages)") if n >= 2 else None


def _unnumbered(text: str) -> str:
    """A header without the page number at its start or end."""
    if m := _NUMBER_AT_END.match(text):
        return m.group(1)
    return m.group(2) if (m := _NUMBER_AT_START.match(text)) else text


def unspace(text: str) -> str:
    """``P ARTICIPANT M ANUAL`` (small capitals) -> ``PARTICIPANT MANUAL``."""
    return _LETTER_SPACED.sub(r"\1", text)


# A quiz's option: a ballot box or a letter ("□ 10 12 14", "b) 10 12"), never a header.
_OPTION_START = re.compile(r"^(?:[□☐⊠☒☑◻○◯❏]\s*|\(?[a-hA-H][.)]\s+)(?=\S)")


def counted_headers(raw: list[RawLine]) -> int:
    """How many lines of the most repeated running header glued to a page
    number that counts up (``Book Title 1`` ... ``Book Title 3``, ``2 Book
    Title``): pages joined without form feeds. Its words (three at least,
    so no ``Step 1``, ``Step 2``) stand alone on their line, the page
    numbers differ. 0 with fewer than three."""
    numbers: dict[tuple[str, bool], list[int]] = defaultdict(list)
    for r in raw:
        if len(r.text) <= 90 and r.text[:1].isdigit() | r.text[-1:].isdigit() \
                and (m := _NUMBER_AT_END.match(r.text) or _NUMBER_AT_START.match(r.text)):
            start = m.re is _NUMBER_AT_START
            rest, number = (m.group(2), m.group(1)) if start else m.group(1, 2)
            if len(rest.split()) >= 3 and not rest.endswith(TERMINAL):
                numbers[(rest.lower(), start)].append(int(number))
    counting = [len(found) for found in numbers.values()
                if len(found) >= 3 and all(a < b for a, b in zip(found, found[1:]))]
    return max(counting, default=0)


def drop_numbered_headers(raw: list[RawLine], report: Report) -> None:
    """Without page breaks: a line glued to its page number (``12 Book
    Title``, ``2.3 Section Title 13``) is a running header when the rest
    repeats so on three lines, or when the rest is another line of the text
    (the section heading an odd page's header repeats)."""
    glued = []
    for r in [r for r in raw if r.text[:1].isdigit() or r.text[-1:].isdigit()]:
        if r.keep and len(r.text) <= 90 \
                and not _OPTION_START.match(r.text):  # "□ 10 11 12": a quiz's option
            m = _NUMBER_AT_START.match(r.text) or _NUMBER_AT_END.match(r.text)
            if m:
                rest = m.group(2) if m.re is _NUMBER_AT_START else m.group(1)
                if sum(map(str.isalpha, rest)) >= 3:  # not a table's row ("2 2 0.1875 0.19")
                    glued.append((r, rest, m.re is _NUMBER_AT_START))
    if not glued:
        return
    counts = Counter((_key(rest), start) for _, rest, start in glued)
    numbers: dict[tuple[str, bool], set[str]] = defaultdict(set)  # the numbers each header has
    for r, rest, start in glued:
        numbers[(_key(rest), start)].add(r.text.replace(rest, "").strip())
    others = _squeezed_lines(raw, {_squeezed(rest) for _, rest, _ in glued})
    tops: dict[str, tuple[float, ...]] = {}
    paged = []  # the headers and footers with their page numbers
    for r, rest, start in glued:
        # not "17. What is printed?" (a quiz's question), nor "Quarts 15 20" (a table's row)
        repeated = counts[(_key(rest), start)] >= 3 and len(rest.split()) >= 3 \
            and not rest.endswith("?") and sum(1 for w in rest.split() if w.isalpha()) >= 2
        echoed = _squeezed(rest) in others and len(rest) >= 6
        if repeated or echoed:
            r.keep = False
            report.dropped(r.line, "running header", r.text)
            if len(numbers[(_key(rest), start)]) == 1:
                continue  # 'Handbook | Module 2' on every page: no page number, no title
            paged.append(r)
            if repeated and _title_like(_DIGITS.sub("", rest)) and not _YEAR.search(rest):
                tops[rest] = (tops.get(rest, (0, 0))[0] + 1, 0)
    first = next((r.text for r in raw if r.keep), "")
    beside = _drop_beside_page_numbers(raw, paged, report)
    if _key(first) in beside:
        return  # the text's first line, a running header too, names it
    # the header beside the page numbers (a page's top line) before a footer's words
    headers = {text: (n,) for text, n in beside.values() if _title_like(text)}
    _name_text(raw, headers or tops, report)


def _squeezed(text: str) -> str:
    return text.replace(" ", "").lower()


def _squeezed_lines(raw: list[RawLine], wanted: set[str]) -> set[str]:
    """The kept lines, squeezed (``_squeezed``), that may be among ``wanted``:
    only those whose squeezed length can be one of theirs are squeezed, most
    lines of a text not. (Lowering never shortens a text, and keeps an ASCII
    text's length.)"""
    lengths = {len(text) for text in wanted}
    longest = max(lengths, default=0)
    return {_squeezed(r.text) for r in raw
            if r.keep and ((n := len(r.text) - r.text.count(" ")) in lengths
                           or n <= longest and not r.text.isascii())}


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")  # a footer's date ("Guide, May 2009 pg 3"): no title


def _drop_beside_page_numbers(raw: list[RawLine], paged: list[RawLine], report: Report
                              ) -> dict[str, tuple[str, int]]:
    """Without page breaks, a footer with its page number (``Manual Page 3``,
    dropped) tells where a page ends: a line that stands right beside such
    lines again and again (the other running header, ``Safety Manual`` at
    each next page's top) is furniture too, on half those pages at least.
    The keys of the lines so dropped, each with its text and how many."""
    if len(paged) < 2:
        return {}
    index = {id(r): i for i, r in enumerate(raw)}
    ends = set(index[id(r)] for r in paged)
    beside: dict[str, list[RawLine]] = defaultdict(list)
    for i in ends:
        for step in (-1, 1):
            j = i + step
            while 0 <= j < len(raw) and not raw[j].keep and j not in ends:
                j += step
            if 0 <= j < len(raw) and raw[j].keep and len(raw[j].text) <= 70 \
                    and _may_be_furniture(raw[j].text):
                beside[_key(raw[j].text)].append(raw[j])
    running = {key for key, lines in beside.items()
               if len({id(r) for r in lines}) >= max(2, len(paged) / 2)}
    for key in running:
        for r in beside[key]:
            if r.keep:
                r.keep = False
                report.dropped(r.line, "running header or footer", r.text)
    return {key: (beside[key][0].text, len(beside[key])) for key in running}


def drop_watermarks(raw: list[RawLine], report: Report) -> None:
    """A short line in capitals alone (``DRAFT``, ``SAMPLE COPY``) that stands
    on half the pages or more (three at least), wherever on the page, is a
    watermark that the extractor printed as text."""
    pages = pages_of(raw)
    if len(pages) < 3 or not any(r.form_feed for r in raw):
        return
    seen: dict[str, set[int]] = defaultdict(set)
    for n, page in enumerate(pages):
        for r in page:
            if len(r.text) <= 30 and r.text.isupper() and _WATERMARK.match(r.text):
                seen[r.text.replace(" ", "")].add(n)
    marks = {key for key, found in seen.items() if len(found) >= 3 and len(found) * 2 >= len(pages)}
    for r in raw:
        if r.keep and r.text.replace(" ", "") in marks and r.text.isupper():
            r.keep = False
            report.dropped(r.line, "watermark", r.text)


_WATERMARK = re.compile(r"^[A-Z]+(?: [A-Z]+){0,3}$")


def join_drop_caps(raw: list[RawLine], report: Report) -> None:
    """A paragraph's drop cap printed apart from its word (``T`` / ``he
    river``, ``W HEN``) joins it, when the joined word is one the text uses."""
    kept = [r for r in raw if r.keep]
    # (a lone capital is one character long; a spaced one has a space after it)
    candidates = [(r, after) for r, after in zip(kept, kept[1:])
                  if len(r.text) == 1 and _lone_cap(r, after)]
    spaced = [r for r in kept
              if r.text[1:2] == " " and r.blank_before and _SPACED_CAP.match(r.text)]
    if not candidates and not spaced:
        return
    words = {w.lower() for r in kept for w in _WORDS.findall(r.text)}
    for cap, after in candidates:
        first = after.text.split(" ", 1)[0]
        if (cap.text + first).lower() in words:
            after.text = cap.text + after.text
            after.blank_before, after.indent = cap.blank_before, cap.indent
            cap.keep = False
    for r in spaced:
        m = _SPACED_CAP.match(r.text)
        if (m.group(1) + m.group(2)).lower() in words:
            r.text = m.group(1) + r.text[m.start(2):]


def _lone_cap(r: RawLine, after: RawLine) -> bool:
    return len(r.text) == 1 and r.text in _CAPS and after.text[:1].islower()


_CAPS = frozenset("BCDEFGHJKLMNOPQRSTUVWXYZ")  # not A or I, which are words
_SPACED_CAP = re.compile(r"^([B-HJ-Z]) ([A-Za-z][a-z]*|[A-Z]+)\b")
_WORDS = re.compile(r"[A-Za-z]+")


def join_chapter_numbers(raw: list[RawLine], report: Report) -> None:
    """A chapter's word and its number printed on lines of their own at the
    text's top (``Chapter`` over ``2``, or over the title over ``2``, as a
    large number set beside the word extracts) are one line, ``Chapter 2``
    (before the number is taken for a page's)."""
    kept = [r for r in raw[:40] if r.keep][:6]
    for k, word in enumerate(kept):
        if not (word.text[:1] in _CHAPTER_FIRST and word.text.isalpha()):
            continue
        for number in kept[k + 1:k + 3]:  # the title may stand between them
            if number.text.isdigit() and len(number.text) <= 3 \
                    and cues.CHAPTER_MARKER.match(text := f"{word.text} {number.text}"):
                word.text = text
                number.keep = False
                return


def drop_echoed_headers(raw: list[RawLine], report: Report) -> None:
    """Pages split by form feeds: a line beside a lone page number at a page's
    top or foot whose words stand as another line of the text (``2.4.
    Script mode`` over ``11``: the section an odd page's header names, its
    heading elsewhere) is that running header, not the heading again."""
    if not any(r.form_feed for r in raw):
        return
    bands = []  # (header candidate, its page number) at each page's top and foot
    for page in pages_of(raw):
        if len(page) >= 2 and page[0].text.lower() == page[1].text.lower():
            page[0].keep = False  # the chapter's title as its header, over the title itself
            report.dropped(page[0].line, "running header", page[0].text)
            page = page[1:]
        if len(page) >= 4:
            bands += [(page[0], page[1]), (page[1], page[0]), (page[-1], page[-2]),
                      (page[-2], page[-1])]
    found = [r for r, number in bands if len(r.text) <= 80 and _page_number(number.text)
             and not _page_number(r.text) and _header_shaped(r.text)]
    if not found:
        return
    banded = {id(r) for r in found}
    wanted = {r.text.lower() for r in found}
    # elsewhere as a heading: right over its text (not alone between blank lines, as a
    # footer printed between two columns stands)
    elsewhere = {low for r, after in zip(raw, raw[1:]) if r.keep and len(r.text) <= 80
                 and id(r) not in banded and (low := r.text.lower()) in wanted
                 and not after.blank_before}
    for r in found:
        if r.keep and r.text.lower() in elsewhere:
            r.keep = False
            report.dropped(r.line, "running header", r.text)


def _header_shaped(text: str) -> bool:
    """A numbered section's title (``2.4. Script mode``) or a heading-shaped line."""
    m = _NUMBERED_HEADING.match(text)
    return _heading_title(m.group("title")) if m else looks_like_heading(text)


def mark_opening_chapter(raw: list[RawLine], report: Report) -> None:
    """A chapter line among the text's first lines (``Chapter 2``) with its
    title beside it (under it, over it, or wrapped around it as ``-layout``
    sets a title with the number on its right: ``Variables and`` / ``Chapter
    2`` / ``statements``) names the text's one chapter: its title is the lesson's
    (where no chapters were found otherwise)."""
    if any(r.chapter for r in raw):
        return
    kept = [r for r in raw[:40] if r.keep][:6]
    at = next((k for k, r in enumerate(kept[:4]) if r.text[:1] in _CHAPTER_FIRST
               and cues.CHAPTER_MARKER.match(r.text)), None)
    if at is None:
        return
    before = kept[at - 1] if at and kept[at - 1].text.rsplit(" ", 1)[-1].lower() in _SMALL_ENDS \
        else None
    parts = [before] if before is not None else []
    for r in kept[at + 1:at + 3]:
        if len(r.text) > 60 or r.text.endswith((".", ",", ";", ":")) or not r.text[:1].isalnum():
            break
        parts.append(r)
        if r.text.rsplit(" ", 1)[-1].lower() not in _SMALL_ENDS:
            break
    if not parts and at == 1 and _opens_title(kept[0].text) and len(kept[0].text) <= 60:
        parts = [kept[0]]  # the title over its chapter line ("Functions" / "Chapter 3")
    if not parts or len(parts) == 1 and before is not None or (
            after := next((r for r in kept if r.line > max(p.line for p in parts)), None)) is None:
        return
    title = " ".join(p.text for p in parts)
    if not _opens_title(title):
        return
    for r in [kept[at], *parts]:
        r.keep = False
    after.chapter, after.kicker = title, kept[at].text
    report.note(kept[at].line, f"took the lesson title '{title}' from its chapter line "
                f"'{kept[at].text}'", topic=Topic.TITLE)


def mark_chapter_pages(raw: list[RawLine], report: Report) -> None:
    """A chapter line (``Chapter 3``, ``UNIT II``) among a page's first two
    lines (a running header may stand above it) or after a blank line, a
    title right under it, opens a chapter (as a book starts each on a new
    page):
    the title names its lesson. Two such at least, each numbered its own,
    or the line is one chapter's label. A chapter line again after an
    answers heading (``Answers to Review Questions`` ... ``Chapter 1``)
    names the chapter the keys under it answer."""
    bare = sum(1 for r in raw if r.keep and len(r.text) <= 30 and r.text[:1].isalpha()
               and cues.CHAPTER_MARKER.match(r.text))  # (most texts: no need to know their pages)
    pages = pages_of(raw) if bare >= 2 else []
    openings = [(page[k], page[k + 1]) for page in pages for k in range(len(page) - 1)
                if len(page[k].text) <= 30 and (k < 2 or page[k].blank_before)
                and page[k].text[:1].isalpha() and cues.CHAPTER_MARKER.match(page[k].text)
                and (k < 2 or not page[k + 1].blank_before) and _opens_title(page[k + 1].text)]
    labels = {marker.text.lower() for marker, _ in openings}
    if len(openings) < 2 or len(labels) < len(openings):
        _mark_titled_openings(raw, report)
        return
    kept = [r for r in raw if r.keep]
    after = {id(r): kept[k + 1] for k, r in enumerate(kept[:-1])}
    for marker, title in openings:
        marker.keep = title.keep = False
        if (first := after.get(id(title))) is not None:
            first.chapter, first.kicker = title.text, marker.text
    _mark_answered_chapters(raw, labels)


def _mark_titled_openings(raw: list[RawLine], report: Report) -> None:
    """A chapter line with its title (``Chapter Two: Field Tests``) that opens
    a page (the text's first line too), on two pages at least, each numbered
    its own (a contents list's lines, all on one page, are not); without
    page breaks, three such lines or more numbered 1, 2, 3... with twenty
    lines at least between them: each opens a chapter, the line (wrapped
    after a small word, ``Chapter 5: Principles of`` / ``Disaster Relief``,
    joined) naming the lesson."""
    kept = [r for r in raw if r.keep]
    paged = any(r.form_feed for r in raw)
    openings = [(k, m) for k, r in enumerate(kept)
                if r.text[:1] in _CHAPTER_FIRST and (not paged or r.page_start or not k)
                and (m := cues.CHAPTER_OPENING_TITLED.match(r.text))
                and _chapter_title(m.group("title"))]
    labels = {m.group("label").lower() for _, m in openings}
    if len(openings) < 2 or len(labels) < len(openings) or not paged and (
            len(openings) < 3 or not _counts_apart(openings)):
        if not paged:
            _mark_counted_bare_openings(kept, report)
        return
    for k, m in openings:
        title = kept[k].text  # the label stays in the title, as the author wrote it
        kept[k].keep = False
        nxt = kept[k + 1] if k + 1 < len(kept) else None
        if nxt is not None and title.rsplit(" ", 1)[-1].lower() in _SMALL_ENDS \
                and _chapter_title(nxt.text) and len(nxt.text) <= 50:
            title = f"{title} {nxt.text}"
            nxt.keep = False
            nxt = kept[k + 2] if k + 2 < len(kept) else None
        if nxt is not None:
            nxt.chapter, nxt.kicker = title, m.group("label")
        report.note(kept[k].line, f"'{kept[k].text}' opens a chapter: its lesson is "
                    f"titled '{title}'", topic=Topic.TITLE)


def _mark_counted_bare_openings(kept: list[RawLine], report: Report) -> None:
    """Without page breaks (pypdf): a chapter line alone (``CHAPTER 2``) right
    over a title, three such or more numbered 1, 2, 3... twenty lines at
    least apart (not a contents list's), each opens a chapter named by
    its title."""
    openings = [(k, m) for k, r in enumerate(kept[:-1])
                if r.text[:1] in _CHAPTER_FIRST and len(r.text) <= 30
                and (m := cues.CHAPTER_MARKER.match(r.text))
                and m.group(2) and not kept[k + 1].blank_before
                and _opens_title(kept[k + 1].text)]
    if len(openings) < 3 or not _counts_apart(openings, lambda m: m.group(2)):
        return
    for k, _ in openings:
        marker, title = kept[k], kept[k + 1]
        marker.keep = title.keep = False
        if k + 2 < len(kept):
            kept[k + 2].chapter, kept[k + 2].kicker = title.text, marker.text
        report.note(marker.line, f"'{marker.text}' over '{title.text}' opens a chapter",
                    topic=Topic.TITLE)


_CHAPTER_FIRST = frozenset("CcLlPpUuMm")  # chapter, lesson, part, unit, lecture, module:
# only a line that starts so is asked about (the regular expressions are slow)
_SMALL_ENDS = frozenset("and or of the a an to for in on with".split())
_NUMBER_WORDS = {w: n for n, w in enumerate(
    "one two three four five six seven eight nine ten eleven twelve".split(), start=1)}


def _chapter_title(text: str) -> bool:
    return _title_like(text) and not text.endswith((".", ",", ";", ":"))


def _counts_apart(openings: list[tuple[int, re.Match]],
                  number: Callable[[re.Match], str] = lambda m: m.group("label").split()[-1]
                  ) -> bool:
    """The chapter lines' numbers go 1, 2, 3... (or on from their first),
    twenty kept lines at least between each and the next."""
    numbers = [_chapter_number(number(m)) for _, m in openings]
    return None not in numbers and all(b == a + 1 for a, b in zip(numbers, numbers[1:])) \
        and all(k2 - k1 >= 20 for (k1, _), (k2, _) in zip(openings, openings[1:]))


def _chapter_number(word: str) -> int | None:
    word = word.lower()
    if word.isdigit():
        return int(word)
    if word in _NUMBER_WORDS:
        return _NUMBER_WORDS[word]
    values = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
    if not all(ch in values for ch in word):
        return None
    total = 0
    for ch, after in zip(word, word[1:] + " "):
        total += -values[ch] if values.get(after, 0) > values[ch] else values[ch]
    return total


def _opens_title(text: str) -> bool:
    return _title_like(text) and not text.endswith((*TERMINAL, ",", ";", ":"))


def _mark_answered_chapters(raw: list[RawLine], labels: set[str]) -> None:
    """After an answers heading, a chapter line alone (``Chapter 2``) that
    names an opened chapter starts that chapter's keys."""
    answers = False
    for r in raw:
        if not r.keep or r.chapter:
            continue
        if cues.ANSWERS_HEADING.match(r.text):
            answers = True
        elif answers and r.text.lower() in labels:
            r.chapter = r.text


def carry_chapters(raw: list[RawLine], report: Report) -> None:
    """A chapter found on a line that was then dropped (a page's running
    header) starts at the next kept line."""
    carried = ""
    for r in raw:
        if not r.keep:
            carried = carried or r.chapter
        elif carried:
            r.chapter = r.chapter or carried
            carried = ""


# ---- glyphs ------------------------------------------------------------

def mend_bullet_glyphs(raw: list[RawLine], report: Report) -> None:
    """A bullet glyph alone on its line belongs to the next line; odd glyphs
    (private-use, control characters, a Wingdings letter that starts three or
    more lines) become ``•``; other control characters go."""
    kept = [r for r in raw if r.keep]
    if not any(r.text[0] in _GLYPH_START or not r.text.isprintable()
               or r.text[1:2] == " " and r.text[0] in LETTER_GLYPHS for r in kept):
        return  # (quick) no line starts with a glyph or holds a control character
    letters = Counter(r.text[0] for r in raw
                      if r.text[0] in LETTER_GLYPHS and r.text[1:2] == " " and len(r.text) > 2)
    letter_glyphs = {ch for ch, n in letters.items() if n >= 3}
    pending: list[RawLine] = []  # lone glyphs waiting for their lines
    for k, r in enumerate(kept):
        if not r.text.isprintable() and _CONTROL.search(r.text):  # (most lines are)
            r.text = _CONTROL.sub("", r.text).strip() or r.text
        glyph = r.text[0] in _GLYPH_START  # (both patterns need one first)
        if glyph and _LONE_GLYPHS.match(r.text):
            r.keep = False
            pending.append(r)
            continue
        if glyph and (m := _LEAD_GLYPHS.match(r.text)):
            r.text = "• " + r.text[m.end():]
        elif r.text[0] in letter_glyphs and r.text[1:2] == " ":
            r.text = "• " + r.text[2:]
        elif pending:
            for line in _column_of(kept, k, len(pending)):
                line.text = "• " + line.text
                line.indent = pending[0].indent
        pending = []


def _column_of(kept: list[RawLine], k: int, markers: int) -> list[RawLine]:
    """The lines that a column of ``markers`` glyphs printed before them
    (the extractor put the column first) stand for: as many lines as there
    are markers when the paragraph from ``kept[k]`` has exactly that many;
    else ``kept[k]`` alone."""
    end = k + 1
    while end < len(kept) and not kept[end].blank_before and kept[end].keep:
        end += 1
    return kept[k:end] if markers >= 2 and end - k == markers else kept[k:k + 1]


# ---- numbers -------------------------------------------------------------

def join_split_numbers(raw: list[RawLine], report: Report) -> None:
    """A section number or a list label alone on its line (``6.5``, ``3)``,
    ``ii)``) belongs to the text after it; a run of labels followed by as
    many lines takes them in order (``1)`` ``2)`` then two texts). A section
    number printed out of its place (inside a list) goes to the next title
    without a number, when it follows the section before (6.6, then 6.7)."""
    kept = [r for r in raw if r.keep]
    last = ""  # the last section number seen
    i = 0
    while i < len(kept):
        if kept[i].text[:1].isdecimal() and (m := _NUMBERED_HEADING.match(kept[i].text)):
            last = m.group(1)
        one = kept[i].text == "1"  # a run of counted numbers starts at 1 (see _counted)
        if one and (run := _counted(kept, i)) and (texts := _column_of(kept, i + run, run))[1:]:
            for n, text in enumerate(texts):  # '1' '2' '3' then three lines: a numbered list
                text.text = f"{kept[i + n].text}. {text.text}"
                text.indent, text.blank_before = kept[i + n].indent, kept[i + n].blank_before
                kept[i + n].keep = False
            i += run
            continue
        if one and (run := _counted(kept, i, 2)):  # '1' above its item, '2' above the next...
            for n in range(run):
                number, text = kept[i + 2 * n], kept[i + 2 * n + 1]
                text.text = f"{number.text}. {text.text}"
                text.indent, text.blank_before = number.indent, number.blank_before
                number.keep = False
            i += 2 * run
            continue
        if not kept[i].keep or not _is_label(kept[i].text):
            i += 1
            continue
        j = i
        while j < len(kept) and _is_label(kept[j].text):
            j += 1
        labels = kept[i:j]
        if len(labels) > 1 and _SECTION_NUMBER.match(labels[0].text):
            labels = labels[1:]  # a section number before a list's label: not the list's
            _give_to_title(kept, j, kept[i], last, report)
        labels += _labels_after_texts(kept, j, labels)
        for label, text in zip(labels, _texts_after(kept, j, len(labels))):
            text.text = f"{label.text} {text.text}"
            text.indent, text.blank_before = label.indent, label.blank_before
            label.keep = False
            if _SECTION_NUMBER.match(label.text) and _heading_title(text.text.split(" ", 1)[1]):
                text.kind = "heading"
                last = label.text.rstrip(".")
        i = j


def _labels_after_texts(kept: list[RawLine], j: int, labels: list[RawLine]) -> list[RawLine]:
    """The rest of a list's labels, printed after its texts (``1)``, the five
    questions, then ``2)`` ... ``5)``: the extractor put the label column
    after the text): the run of two labels or more right after the texts
    from ``j`` that goes on numbering ``labels``, when the texts start exactly
    as many paragraphs as there are labels in all (else none)."""
    number = _label_number(labels[-1].text) if labels else None
    if number is None:
        return []
    m = j
    while m < len(kept) and m - j <= 40 and not _is_label(kept[m].text):
        m += 1
    run: list[RawLine] = []
    while m < len(kept) and _label_number(kept[m].text) == number + len(run) + 1:
        run.append(kept[m])
        m += 1
    if len(run) < 2 or m < len(kept) and _is_label(kept[m].text):
        return []  # (one label after a text is the next item, its text after it)
    starts = len(_texts_after(kept, j, len(labels) + len(run) + 1))
    return run if starts == len(labels) + len(run) else []


def _label_number(text: str) -> int | None:
    """The number of a list's label (``3)``, ``3.``), or None."""
    return int(text[:-1]) if text[:-1].isdigit() and text[-1] in ".)" else None


def _give_to_title(kept: list[RawLine], j: int, number: RawLine, last: str,
                   report: Report) -> None:
    """``number`` (a section number standing inside a list) goes to the next
    title line without a number, if it is the section after ``last``."""
    if not _follows(last, number.text.rstrip(".")):
        return
    for r in kept[j:j + 40]:
        if r.keep and r.blank_before and looks_like_heading(r.text) \
                and not r.text[:1].isdigit() and not _LIST_START.match(r.text):
            report.note(r.line, f"moved the section number '{number.text}' (line "
                        f"{number.line}) to its title '{r.text}'", topic=Topic.HEADING)
            r.text = f"{number.text} {r.text}"
            r.kind = "heading"
            number.keep = False
            return


def _follows(last: str, number: str) -> bool:
    """Is ``number`` the section after ``last`` (6.6 -> 6.7, 2.9 -> 2.10)?"""
    a, b = last.split("."), number.split(".")
    return len(a) == len(b) and a[:-1] == b[:-1] and a[-1].isdigit() and b[-1].isdigit() \
        and int(b[-1]) == int(a[-1]) + 1


def _counted(kept: list[RawLine], i: int, step: int = 1) -> int:
    """How many bare numbers counting up from 1 (``1`` ``2`` ``3``, each alone
    on its line) start at ``kept[i]``, one every ``step`` lines: a list's
    numbers printed as a column (step 1) or each on a line above its item (2)."""
    n = 0
    while i + n * step < len(kept) and kept[i + n * step].text == str(n + 1) \
            and not (n and kept[i + n * step].page_start) \
            and (step == 1 or (i + n * step + 1 < len(kept)
                               and not _page_number(kept[i + n * step + 1].text))):
        n += 1
    return n if n >= 2 else 0


def _is_label(text: str) -> bool:
    """A section number or a list's label alone (``2.3``, ``4)``, ``(iv)``):
    it starts with a digit or is eight characters at most (the patterns,
    slow, are asked only then)."""
    return (text[:1].isdecimal() or len(text) <= 8) \
        and bool(_SECTION_NUMBER.match(text) or _LABEL.match(text))


def _texts_after(kept: list[RawLine], j: int, n: int) -> list[RawLine]:
    """Up to ``n`` lines from ``j`` that start paragraphs (the first need not)."""
    out: list[RawLine] = []
    for k in range(j, len(kept)):
        r = kept[k]
        if len(out) == n or _is_label(r.text):
            break
        if not out or r.blank_before or (kept[k - 1].text.endswith((".", "?", ":"))
                                         and r.text[:1].isupper()):
            out.append(r)
    return out


def mark_definition_lists(raw: list[RawLine], report: Report) -> None:
    """Three or more ``term: what it means`` paragraphs in a row (``input:
    Get data...``, ``Poetry: Words are used...``) are a list of terms, each
    an item; under a glossary heading they stay paragraphs (a glossary)."""
    kept = [r for r in raw if r.keep]
    shaped = [":" in r.text and _TERM_LINE.match(r.text) is not None for r in kept]
    if sum(shaped) < 3:
        return  # too few term lines for a list of terms
    terms = {k for k, r in enumerate(kept) if shaped[k] and not r.kind}
    glossary = False  # the last heading before the current run names a glossary
    in_runs: set[int] = set()  # the terms and their wrapped rest: no headings
    looked = 0  # kept[:looked] were looked at for a heading
    end = 0  # where the last run ended
    for start in sorted(terms):
        if start < end:
            continue  # (in the last run)
        run, end = _term_run(kept, start, terms)
        in_runs.update(range(start, end))
        if len(run) < 3:
            continue
        # headings are looked for only here, back from the run (most lines are none)
        heading = next((kept[h] for h in range(start - 1, looked - 1, -1) if h not in in_runs
                        and (kept[h].kind == "heading" or looks_like_heading(kept[h].text))),
                       None)
        looked = end
        if heading is not None:
            glossary = bool(cues.GLOSSARY_HEADING.search(heading.text))
        if not glossary:
            for item in run:
                item.text = "• " + item.text


def _term_run(kept: list[RawLine], start: int, terms: set[int]) -> tuple[list[RawLine], int]:
    """The term lines (``terms``) in a row from ``kept[start]`` (their texts'
    wrapped rest between them), and where the run ends."""
    run, end = [kept[start]], start + 1
    while end < len(kept) and (end in terms or _wraps_on(kept[end - 1], kept[end])):
        if end in terms:
            run.append(kept[end])
        end += 1
    return run, end


_TERM_LINE = re.compile(r"^[A-Za-z][\w-]*(?: [\w-]+){0,2}: +[A-Za-z“\"(]")


def _wraps_on(before: RawLine, r: RawLine) -> bool:
    return not r.blank_before and not r.text.startswith(("http", "www.")) and (
        r.text[:1].islower() or not before.text.endswith((".", "?", "!")))


def mark_table_rows(raw: list[RawLine], report: Report) -> None:
    """Three or more lines made of ``key--value`` cells (``A--Alfa B--Bravo``)
    are a table shredded by the extractor: text, never headings."""
    rows = [r for r in raw if r.keep and "--" in r.text and _CELLS.match(r.text)]
    if len(rows) >= 3:
        for r in rows:
            r.kind = r.kind or "text"


_CELLS = re.compile(r"^(?:\S+--\S+(?:\s+|$))+(?:\S{1,2}(?:\s+\S{1,2})*)?$")


def mark_captions(raw: list[RawLine], report: Report) -> None:
    """``Figure 6.2 : The Product Life Cycle`` is a caption: text, not a heading."""
    for r in raw:
        if r.keep and not r.kind and r.text[:1] in "FfTtCcEeDdIi" and cues.CAPTION.match(r.text):
            r.kind = "text"


def join_continuation_marks(raw: list[RawLine], report: Report) -> None:
    """A code listing's continuation mark alone on its line (``↪``) joins
    the lines around it: the listing wrapped one line there."""
    kept = [r for r in raw if r.keep]
    for before, mark, after in zip(kept, kept[1:], kept[2:]):
        if mark.text in _CONTINUATION and before.keep and after.keep:
            before.text = f"{before.text} {after.text}"
            mark.keep = after.keep = False


_CONTINUATION = frozenset("↪↩⤶⏎\u21b3")


def mark_numbered_headings(raw: list[RawLine], report: Report) -> None:
    """``2.5 Marketing Mix`` and ``1.1. What is a program?`` are headings,
    and keep their numbers; so is ``5. Emergency Procedures`` standing
    between paragraphs (not inside a numbered list). A title-shaped line
    that goes on from the line above it is text (``_runs_on_from``): joined
    to it when it ends that line's sentence."""
    kept = [r for r in raw if r.keep]
    bare: list[tuple[int, RawLine]] = []  # "3 Results": a number without its dot
    ends: dict[int, int] = {}  # a line that took the lines after it: where it ends
    for i, r in enumerate(kept):
        if r.kind or not r.text[:1].isdigit():
            # (a line after a blank line goes on from none: most lines are asked no more)
            if not r.kind and i and not r.blank_before \
                    and (how := _runs_on_from(kept[i - 1], r, kept[i + 1:i + 2], ends.get(i - 1))):
                r.kind = "text"
                if how == "wrapped":  # its sentence goes on: one line (joined later)
                    kept[i - 1].text += " " + r.text
                    r.keep = False
                    kept[i], ends[i] = kept[i - 1], r.line
            continue
        if (m := _NUMBERED_HEADING.match(r.text)) and _heading_title(m.group("title")):
            r.kind = "heading"
        elif (m := _SINGLE_NUMBER_HEADING.match(r.text)) and _single_title(m.group("title")) \
                and _alone(kept, i):
            r.kind = "heading"
            report.note(r.line, f"took '{r.text}' for a numbered section heading",
                        topic=Topic.HEADING)
        elif (m := _BARE_NUMBER_HEADING.match(r.text)) and _heading_title(m.group("title")) \
                and not m.group("title").endswith("?") and _alone(kept, i):
            bare.append((int(m.group(1)), r))
    # without a dot, only a run of them numbered in order (1, 2, 3...) are headings; in
    # sentence case ("2 Planting out"), only a run of three or more from 1
    numbers = {n for n, _ in bare}
    run = next(k for k in range(1, len(numbers) + 2) if k not in numbers) - 1
    for (n, r), (after, _) in zip(bare, bare[1:] + [(0, None)]):
        titled = looks_like_heading(_BARE_NUMBER_HEADING.match(r.text).group("title"))
        if (titled and (after == n + 1 or n - 1 in numbers)) or (run >= 3 and n <= run):
            r.kind = "heading"
            report.note(r.line, f"took '{r.text}' for a numbered section heading",
                        topic=Topic.HEADING)


_BARE_NUMBER_HEADING = re.compile(r"^(\d{1,2}) (?P<title>[A-Z].*)$")


def _runs_on_from(before: RawLine, r: RawLine, after: list[RawLine], end: int | None) -> str:
    """How ``r``, shaped like a heading, goes on from the line right above it
    (no blank line, no dropped line between): "wrapped" when that line's
    sentence stops on a comma, a lower-case word or inside brackets (``... the
    screen then shows the words`` over ``Good Morning!``, ``... under the Small
    Boats (Inland`` over ``Waters) Act, 1998``), or when ``r`` and the line
    ``after`` it hang indented under it (a reference's wrapped lines);
    or when that line is a numbered question and ``r`` asks on;
    "shown" when that line announces it (``... the prompt looks like
    this:``); "" when it does not (it may be a heading). ``end``: the raw line
    where ``before`` ends, if it took lines after it."""
    if r.blank_before or r.page_start or r.line != (end or before.line) + 1 or before.kind \
            or not looks_like_heading(r.text) or looks_like_heading(before.text) \
            or cues.ANSWER_LABEL.match(r.text) \
            or len(r.text) <= 14 and cues.QUESTION_LABEL.match(r.text):
        return ""  # "Answer: (a)" under a question's options is its answer, on its own line;
        # "Question 4" after the last option of question 3 is the next one's label
    text = before.text
    if r.text[-1] == "?" and "?" in text and _NUMBERED_ITEM.match(text):
        return "wrapped"  # a numbered question's last line asks on ("... How does it relate?")
    if text[-1] == ":":
        return "shown" if len(text.split()) >= 5 else ""
    if text[-1] in ",;" or text[-1].isalpha() and text.rsplit(" ", 1)[-1][:1].islower() \
            or text.count("(") > text.count(")"):
        return "wrapped"
    hanging = after and 0 < r.indent - before.indent <= 4 and after[0].indent == r.indent \
        and after[0].line == r.line + 1
    return "wrapped" if hanging else ""


def _single_title(title: str) -> bool:
    return _heading_title(title) and looks_like_heading(title) and not title.endswith("?")


def _heading_title(title: str) -> bool:
    """A section's title: short, starts with a capital, does not end a
    sentence, nor lead into a list in words of a sentence (``1.4. Several
    ways are open, including:``; ``2.1 Key Terms:`` heads)."""
    return 0 < len(title) <= 80 and title[:1].isupper() and not title.endswith((".", ",", ";")) \
        and ". " not in title and (title[-1] != ":" or looks_like_heading(title))


def _alone(kept: list[RawLine], i: int) -> bool:
    """Neither line next to ``kept[i]`` is a numbered line, and a longer
    line (text, not another title) follows it."""
    before = kept[i - 1].text if i else ""
    after = kept[i + 1].text if i + 1 < len(kept) else ""
    return not _NUMBERED_LINE.match(before) and not _NUMBERED_LINE.match(after) \
        and len(after) >= 40  # (a column of a two-column page is about 45 wide)


def drop_continued_headings(raw: list[RawLine], report: Report) -> None:
    """``Basic Anatomy (Continued)``, where ``Basic Anatomy`` came before,
    repeats a heading on the next page: it is page furniture."""
    if not any(r.keep and len(r.text) <= 90 and _continued(r.text) for r in raw):
        return  # (most texts have no such line: no need to know every line's words)
    seen: set[str] = set()
    for r in raw:
        if not r.keep or len(r.text) > 90:
            continue
        lower = r.text.lower()
        if (m := _continued(r.text)) and r.text[:m.start()].rstrip(" -–—:,").lower() in seen:
            r.keep = False
            report.dropped(r.line, "continued heading", r.text)
        else:
            seen.add(lower)


def _continued(text: str) -> re.Match | None:
    """``cues.CONTINUED``'s mark at the end of ``text`` (``(Continued)``, ``-
    cont'd.``); the search, slow, only where the line ends as the mark can
    and has "cont" in it."""
    end = text[-1:]
    if not (end in _CONTINUED_ENDS or end.isspace()) or "cont" not in text.lower():
        return None
    return cues.CONTINUED.search(text)


_CONTINUED_ENDS = frozenset("dD.)]")


def drop_figure_labels(raw: list[RawLine], report: Report) -> None:
    """Four or more short lines in a row that are neither sentences nor list
    items, after the text has begun, are the labels of a figure or a diagram
    that the extractor printed as text (``Antenna`` / ``Speaker`` / ``Time``)
    when a figure's evidence is there: a caption next to them, or they end
    their page. Otherwise, three or more in a row without blank lines after
    a colon are a list whose glyphs were lost (``_lost_bullets``); others stay."""
    kept = [r for r in raw if r.keep]
    begun = next((k for k, r in enumerate(kept) if len(r.text) >= 60), len(kept))
    labels = [i for i in range(begun + 1, len(kept)) if len(kept[i].text) <= 40
              and _label_like(kept[i].text) and not _heads_text(kept, i)]
    # (the length first: most lines are longer; a run changes only its own lines)
    breaks: set[int] | None = None  # (known once a run needs them, before any line goes)
    for run in _in_a_row(labels):
        if len(run) >= 4 and breaks is None:
            breaks = _page_breaks_after(raw)
        if len(run) >= 4 and _figure_evidence(kept, run[0], run[-1], breaks):
            for label in run:
                kept[label].keep = False
                report.dropped(kept[label].line, "figure label", kept[label].text)
        elif len(run) >= 3 and not any(kept[k].blank_before for k in run[1:]):
            _lost_bullets(kept, run, report)


def _in_a_row(indices: list[int]) -> list[list[int]]:
    """``indices`` (in order) cut into runs of numbers in a row."""
    runs: list[list[int]] = []
    for i in indices:
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def _lost_bullets(kept: list[RawLine], run: list[int], report: Report) -> None:
    """Short lines in a row (``Sugar`` / ``Temperature`` / ``Oxygen``), no
    blank line between them, after a lead-in that ends with a colon, are a
    list's items whose glyphs the extraction lost (not headings, which the
    colon does not announce); with a note. (Without the colon they may be
    headings over headings, as a lesson's title over ``Time`` and
    ``Objectives``: they stay.)"""
    lead = kept[run[0] - 1].text if run[0] else ""
    if not lead.endswith(":"):
        return
    for k in run:
        kept[k].text = "• " + kept[k].text
    report.note(kept[run[0]].line, f"took the {len(run)} short lines after '{lead[-40:]}' "
                "for a list whose bullets were lost", topic=Topic.HEADING)


def _heads_text(kept: list[RawLine], i: int) -> bool:
    """A line of text (40 characters or more) stands right under ``kept[i]``,
    on the next line of the page: ``kept[i]`` is its heading or its first
    line, not a label of a figure."""
    after = kept[i + 1] if i + 1 < len(kept) else None
    return after is not None and not after.blank_before and after.line == kept[i].line + 1 \
        and len(after.text) >= 40


def _page_breaks_after(raw: list[RawLine]) -> set[int]:
    """The kept lines (by id) that end a page or start one (only dropped
    lines, if any, between them and the page break)."""
    out, last, starting = set(), None, True
    for r in raw:
        if r.page_start:
            if last is not None:
                out.add(id(last))
            starting = True
        if r.keep:
            if starting:
                out.add(id(r))
            last, starting = r, False
    if last is not None:
        out.add(id(last))
    return out


def _figure_evidence(kept: list[RawLine], first: int, last: int, breaks: set[int]) -> bool:
    """A caption within two lines of the run, or the run ends its page or
    starts it (a diagram, a mailing panel at a page's edge)."""
    near = kept[max(first - 2, 0):first] + kept[last + 1:last + 3]
    if any(cues.CAPTION.match(r.text) for r in near):
        return True
    if first and kept[first - 1].text.endswith(":"):
        return False  # "The parts are:" announces a list
    return id(kept[last]) in breaks or id(kept[first]) in breaks


_LIST_START = re.compile(r"^(?:[•\-*]|\(?\w{1,4}[.)])\s")


def _label_like(text: str) -> bool:
    """Short words, starting with a letter or a digit glued to one (not a
    glyph, a list label, a number or code), that do not end like a sentence.
    (The character tests first: most short lines end a sentence.)"""
    return len(text) <= 40 and not text.endswith((".", "?", "!", ":", ";", ",")) \
        and "--" not in text and (text[0].isalpha() or text[0] in "(&" or text[:2].isalnum()) \
        and len(text.split()) <= 5 \
        and _letters(text, 2) \
        and not _LIST_START.match(text) and not _is_label(text) and not cues.CAPTION.match(text)


# ---- contents ------------------------------------------------------------

def _answer_space_after(before: str, leader: str) -> bool:
    """Dots after a sentence or a question, with no page number: a worksheet's
    space to write the answer, not a contents line's leader."""
    return not any(map(str.isdigit, leader)) and before.rstrip().endswith(("?", ".", ":"))


def _dot_leader(text: str) -> re.Match | None:
    """The leader of ``2.1 Scope ....... 4``. (Only a line that ends with a
    digit, a dot or a space, and holds four dots or an ellipsis, can have
    one: the search, slow, is left to those.)"""
    end = text[-1:]
    if not (end.isdecimal() or end == "." or end.isspace()) \
            or (text.count(".") < 4 and "…" not in text):
        return None
    return _DOT_LEADER.search(text)


def drop_contents_leaders(raw: list[RawLine], report: Report) -> None:
    """Lines ending in a dot leader and a page number (``2.1 Scope ....... 4``)
    are a contents list; three or more of them go, with a note. So does the
    contents list's heading (the pages it lists are the text itself), and a
    list without leaders under it (``_drop_listed_titles``)."""
    found = [r for r in raw if r.keep and (m := _dot_leader(r.text))
             and not _answer_space_after(r.text[:m.start()], r.text[m.start():])]
    if len(found) >= 3:
        for r in found:
            r.keep = False
            report.dropped(r.line, "contents line", r.text)
        _drop_among_leaders(raw, found, report)
    kept = [r for r in raw if r.keep]
    headed = False
    for k, r in enumerate(kept):  # ("contents" or "table of contents": the first letter first)
        if r.text[0] in "CcTt" and r.keep and cues.CONTENTS_HEADING.match(r.text):
            r.keep = False
            report.dropped(r.line, "contents heading", r.text)
            _drop_listed_titles(kept, k + 1, report)
            headed = True
    if not headed and len(found) < 3:
        _drop_unheaded_contents(kept, report)


def _drop_among_leaders(raw: list[RawLine], found: list[RawLine], report: Report) -> None:
    """A contents list whose chapter lines have no leader (``3.3 Expected
    Value`` over its page number ``8``, between ``Expected Value ..... 8``
    lines): the short lines among the leader lines go too, and after the
    last one, the titles each over a lone page number. Only where the
    leader lines stand close (no more than two other lines each)."""
    at = {id(r): i for i, r in enumerate(raw)}
    start, end = at[id(found[0])], at[id(found[-1])]
    heading = next((i for i in range(start - 1, max(start - 8, -1), -1)
                    if cues.CONTENTS_HEADING.match(raw[i].text)), None)
    start = heading + 1 if heading is not None else start
    among = [r for r in raw[start:end] if r.keep]
    if len(among) > 2 * len(found) + 2 or any(len(r.text) > 90 or r.text.endswith(".")
                                              for r in among):
        return
    rest = [r for r in raw[end + 1:] if r.keep]
    k = 0
    while k + 1 < len(rest) and len(rest[k].text) <= 90 and looks_like_heading(rest[k].text) \
            and cues.PAGE_REFERENCE.match(rest[k + 1].text):
        k += 2
    for r in among + rest[:k]:
        r.keep = False
        report.dropped(r.line, "contents line", r.text)


def _drop_unheaded_contents(kept: list[RawLine], report: Report) -> None:
    """A contents list under a heading of another name (``Structure``), near
    the text's top: a run of five titles or more, each a line that the text
    has again further on, two thirds of them over a line of text there (its
    heading: ``Introduction`` ... ``INTRODUCTION`` over a paragraph), with
    section numbers or page references among or before them (a column of
    numbers printed apart), and one title at a time that it lacks (``26 Let
    Us Sum Up`` for 2.6). The run goes, and the short line right above it
    that the text does not have again (its heading), with notes."""
    top = kept[:120]
    if _longest_title_run(top) < 5:
        return  # (quick) not five short lines in a row near the top
    seen_at: dict[str, int] = {}  # a short line: where it stands last
    heads_at: dict[str, int] = {}  # a short line over a line of text: where it stands last
    for k, (r, after) in enumerate(zip(kept, kept[1:])):
        if len(r.text) <= 60:
            seen_at[_bare_title(r.text)] = k
            if len(after.text) >= 40:
                heads_at[_bare_title(r.text)] = k
    start, run, best = 0, [], []  # the titles of the run so far, and of the best run
    missed = False  # one title in a run may be one the text lacks (a misprinted number)
    for k, r in enumerate(top + [None]):
        if r is not None and _between_titles(r.text):
            continue
        short = r is not None and _title_shaped(r.text)
        if short and seen_at.get(_bare_title(r.text), k) > k + 1:
            run.append(k)
            missed = False
            if len(run) > len(best):
                best, first = list(run), start
            continue
        if short and run and not missed:
            missed = True
            continue
        start, run, missed = k + 1, [], False
    headed = sum(1 for k in best if heads_at.get(_bare_title(kept[k].text), k) > k + 1)
    if len(best) < 5 or headed * 3 < len(best) * 2:
        return
    above = kept[first - 1] if first else None
    for r in kept[first:best[-1] + 1]:
        r.keep = False
        report.dropped(r.line, "contents line", r.text)
    if above is not None and len(above.text) <= 30 and looks_like_heading(above.text) \
            and seen_at.get(_bare_title(above.text), first - 1) == first - 1:
        above.keep = False
        report.dropped(above.line, "contents heading", above.text)


def _between_titles(text: str) -> bool:
    """A section number or a page reference printed apart, among a contents
    list's titles."""
    return _is_label(text) or text[-1:].isdecimal() and bool(cues.PAGE_REFERENCE.match(text))


def _title_shaped(text: str) -> bool:
    return len(text) <= 60 and not text.endswith((".", "!", ":", ";", ","))


def _longest_title_run(top: list[RawLine]) -> int:
    """The most title-shaped lines in a row (a section number or a page
    reference between them does not end the run): the most titles that an
    unheaded contents list near the top can have."""
    longest = run = 0
    for r in top:
        if _title_shaped(r.text):
            run += 1
            longest = max(longest, run)
        elif not _between_titles(r.text):
            run = 0
    return longest


def _drop_listed_titles(kept: list[RawLine], start: int, report: Report) -> None:
    """A contents list without leaders under its heading: short lines from
    ``start`` (titles, page references such as ``Page 4-5``), up to the last
    title that the text has again as a line of its own further on (its
    heading), go when two thirds of the titles up to there are so found."""
    run: list[RawLine] = []
    for r in kept[start:start + 40]:
        if len(r.text) > 60 or r.text.endswith((".", "!", ":", ";", ",")):
            break
        run.append(r)
    titles = [(n, r) for n, r in enumerate(run) if not cues.PAGE_REFERENCE.match(r.text)]
    if len(titles) < 2:
        return
    later = {_bare_title(r.text) for r in kept[start + len(run):]}
    found = [n for n, r in titles if _bare_title(r.text) in later]
    listed = [n for n, _ in titles if found and n <= found[-1]]
    if len(found) < 2 or len(found) * 3 < len(listed) * 2:
        return
    for r in run[:found[-1] + 1]:
        r.keep = False
        report.dropped(r.line, "contents line", r.text)


def _bare_title(text: str) -> str:
    """A title to compare: lower case, without its number, spaces made one."""
    return " ".join(_SECTION_START.sub("", _LIST_START.sub("", text)).lower().split())


_SECTION_START = re.compile(r"^\d{1,2}(?:\.\d{1,2})+\.?\s+")
