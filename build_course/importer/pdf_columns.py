"""Columns printed side by side (``pdftotext -layout``), read one after another.

A layout extraction prints a page's columns on the same lines, separated by
runs of spaces, so reading line by line interleaves them. On each page
(pages are split by form feeds) a column is found where many lines have text
that starts at the same place after a run of spaces, with text on its left
that reaches close to it. The page is then read in bands: the lines above
the first line with two columns (a title across the page; not the lines of a
column that starts higher than the one on its left), each column from top to
bottom, and the lines well below the last line with two columns (a
footer band). Each piece keeps the number of the raw line it came from.
"""

from __future__ import annotations

import re
from collections import Counter

from build_course.importer.cleaning import RawLine, normalise_spaces

_GAP = re.compile(r"\S( {2,})(?=\S)")
_MULTI_SPACE = re.compile(r"(?<=\S) {2,}")
MIN_START = 20  # a column starts at least this far in
MIN_ROWS = 5  # lines that show a column start before it counts


def read_columns(text: str) -> list[RawLine] | None:
    """``text``'s lines with each page's columns read one after another, or
    None when no page has columns (then the text is read line by line)."""
    if "   " not in text:
        return None  # no run of spaces: no columns
    pages = [page.split("\n") for page in normalise_spaces(text).split("\f")]
    starts = [column_starts(rows) for rows in pages]
    if all(len(found) == 1 for found in starts):
        return None
    offset, out = 1, []
    for n, (rows, found) in enumerate(zip(pages, starts)):
        pieces = _read_page(rows, found, offset)
        if pieces and n:
            pieces[0].page_start = pieces[0].form_feed = True
        out += pieces
        offset += len(rows) - 1
    return out


def column_starts(rows: list[str]) -> list[int]:
    """Where the page's columns start: 0, and each place where at least
    ``MIN_ROWS`` lines (a fifth of the page's text lines) start text after a
    run of spaces, with their text on the left reaching close to it."""
    starts: Counter[int] = Counter()
    reach: dict[int, list[int]] = {}
    text_rows = 0
    for row in rows:
        stripped = row.strip()
        if not stripped:
            continue
        text_rows += 1
        if "  " not in stripped:
            continue  # no run of spaces inside the row: no column starts in it
        for m in _GAP.finditer(row):
            x = m.end(1)
            if x >= MIN_START:
                starts[x] += 1
                reach.setdefault(x, []).append(m.start(1))
    merged: list[tuple[int, int, list[int]]] = []  # start, count, ends of the text on its left
    for x in sorted(starts):
        if merged and x - merged[-1][0] <= 2:
            start, count, ends = merged[-1]
            best = start if starts[start] >= starts[x] else x
            merged[-1] = (best, count + starts[x], ends + reach[x])
        else:
            merged.append((x, starts[x], list(reach[x])))
    need = max(MIN_ROWS, text_rows // 5)
    found = [0]
    for x, count, ends in merged:
        ends.sort()
        if count >= need and ends[len(ends) * 2 // 3] >= x - 20 and x - found[-1] >= MIN_START \
                and (x >= 30 or ends[len(ends) // 2] >= x - 8):
            found.append(x)
    return found


def _read_page(rows: list[str], starts: list[int], offset: int) -> list[RawLine]:
    cells = [_cut(row, starts) for row in rows]
    multi = [i for i, row in enumerate(cells) if len(row) > 1]
    if not multi:
        return _band(rows, range(len(rows)), offset)
    first, last = multi[0], multi[-1]
    first = _columns_top(cells, first)
    foot = _footer_start(cells, last)
    out = _band(rows, range(first), offset)
    for column in range(len(starts)):
        out += _column(cells, column, range(first, foot), starts[column], offset)
    return out + _band(rows, range(foot, len(rows)), offset)


def _columns_top(cells: list[dict[int, tuple[int, str]]], first: int) -> int:
    """The first row of the columns above ``first`` (the first row with two
    columns): rows right above it (no blank row between) whose text flows
    into a column, and rows of a column that starts higher than the one on
    its left (text only in that column, blank rows between)."""
    while first:
        above = first - 1
        while above >= 0 and not cells[above]:
            above -= 1
        if above < 0 or (above < first - 1 and min(cells[above]) == 0):
            break
        first = above
    return first


def _cut(row: str, starts: list[int]) -> dict[int, tuple[int, str]]:
    """The pieces of ``row`` by column: column -> (start, text)."""
    cuts = [0]
    for x in starts[1:]:
        for p in (x, x - 1, x + 1, x - 2, x + 2):
            if 2 <= p < len(row) and row[p] != " " and row[p - 2:p] == "  ":
                cuts.append(p)
                break
    cuts.append(len(row))
    out: dict[int, tuple[int, str]] = {}
    for a, b in zip(cuts, cuts[1:]):
        piece = row[a:b]
        if piece.strip():
            start = a + len(piece) - len(piece.lstrip(" "))
            column = max(k for k, x in enumerate(starts) if x <= start + 2)
            if column in out:  # two pieces in one column: keep them together
                first, text = out[column]
                out[column] = (first, text + " " + piece.strip())
            else:
                out[column] = (start, piece.strip())
    return out


def _footer_start(cells: list[dict[int, tuple[int, str]]], last: int) -> int:
    """The first row of the band under the columns: after two or more blank
    rows below the last row with two columns (else the page's end)."""
    blank = 0
    for i in range(last + 1, len(cells)):
        if not cells[i]:
            blank += 1
        elif blank >= 2:
            return i
        else:
            blank = 0
    return len(cells)


def _column(cells: list[dict[int, tuple[int, str]]], column: int, rows: range, start: int,
            offset: int) -> list[RawLine]:
    out: list[RawLine] = []
    previous = None
    if column:  # indents from its leftmost text (a hanging indent may be the common one)
        start = min((cells[i][column][0] for i in rows if column in cells[i]), default=start)
    for i in rows:
        if column not in cells[i]:
            continue
        at, text = cells[i][column]
        # a row that the other column fills is no blank line in this one
        blank = previous is None or (i - previous > 2 or any(
            not cells[k] for k in range(previous + 1, i)))
        out.append(_raw_line(text, offset + i, max(at - start, 0), blank))
        previous = i
    return out


def _band(rows: list[str], band: range, offset: int) -> list[RawLine]:
    out: list[RawLine] = []
    blank = True
    for i in band:
        row = rows[i].rstrip()
        if not row.strip():
            blank = True
            continue
        stripped = row.lstrip(" ")
        out.append(_raw_line(stripped, offset + i, len(row) - len(stripped), blank))
        blank = False
    return out


def _raw_line(text: str, line: int, indent: int, blank_before: bool) -> RawLine:
    return RawLine(_MULTI_SPACE.sub(" ", text.strip()), line, indent, blank_before)
