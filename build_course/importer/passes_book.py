"""Plain-text books (Project Gutenberg and the like): evidence and passes.

A plain-text book is hard-wrapped at a fixed width (about 70 columns) with
paragraphs separated by blank lines; it may be wrapped in a licence block,
open with a title page and a contents list, start its chapters with a
``CHAPTER I`` line (its title on the next line), centre its headings, mark
``_italic_`` and ``=bold=`` words, and start a paragraph with a run-in
heading (``=Growth.=--The body grows...``, ``PRESENT USE.--Let us...``).

The passes drop what is not the book (each drop goes on the review list),
mark chapters and headings, and ``join_book`` turns blank-line-separated
blocks into logical lines: a paragraph is joined whole; list items,
indented examples and verse keep their lines; a block laid out in columns
(a table, a diagram) stays preformatted.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from build_course.diagnostics import Report, Topic
from build_course.importer import cues
from build_course.importer.cleaning import RawLine, _classify, _glue
from build_course.importer.line_facts import LineFacts
from build_course.importer.shapes import looks_like_heading
from build_course.model import ExerciseLink, Heading, Lesson, Line, Paragraph, Question, Quiz
from build_course.quiz.kinds import QuestionKind

_TERMINAL = (".", "!", "?", ":", ";")
# "... 15" (or "1-30") at the end of a contents line
_PAGE_REF = re.compile(r"\s*(\.\s*){0,40}\s*\d{1,4}(\s*[-–]\s*\d{1,4})?$")
_ROMAN_LEAD = re.compile(r"^([ivxlcdm]{1,7}|\d{1,3})[.)]?\s+", re.I)
_COLUMNS = re.compile(r"\S {3,}\S")
_FOOTNOTE_LINE = re.compile(r"^\[\d{1,3}\]\s")
# A run-in heading: "=Words.=--Text", "_Words._--Text", "WORDS.--Text", "WORDS.[7]--Text".
_RUN_IN_MARKED = re.compile(
    r"^(?P<mark>[=_])(?P<head>[^=_]{2,80}?)(?P=mark)\s*(?:--|—)\s*(?P<rest>\S.*)$"
    r"|^(?P<mark2>=)(?P<head2>[^=]{2,80}?[.:?!])=\s+(?P<rest2>\S.*)$")
_RUN_IN_CAPS = re.compile(
    r"^(?P<head>[\"“]?[A-Z][^\-—]{1,80}?[.?!][\"”]?)(?P<anchor>\[\d{1,3}\])?(?:--|—)"
    r"(?P<rest>\S.*)$")
_BOLD = re.compile(r"(?<![\w=])=(?=\S)([^=\n]{1,200}?)(?<=\S)=(?![\w=])")
_ITALIC = re.compile(r"(?<![\w_])_(?=\S)([^_\n]{1,400}?)(?<=\S)_(?![\w_])")
_INLINE_NUMBER = re.compile(r"(?:^|(?<=\s))(\d{1,3})\.\s+")


# ---- evidence ------------------------------------------------------------

def book_evidence(raw: list[RawLine], facts: LineFacts | None = None) -> list[str]:
    """Why ``raw`` reads as a plain-text book (empty: it does not): a licence
    block; or paragraphs wrapped at a fixed width below 80 columns and
    chapter lines or run-in headings (``_italic_`` marks are shown, not
    enough: converted web pages have them too)."""
    evidence = []
    start = licence_start(raw, facts)
    if start:
        evidence.append(f"a licence block closes at line {start.line}")
    width, share = _wrap_width(raw)
    if share >= 0.75:
        evidence.append(f"{share:.0%} of its paragraph lines are wrapped at about {width} columns")
    elif not start:
        return []  # neither a licence nor a book's wrapping: its signs would not count
    signs = []
    markers = [r for i, r in enumerate(raw) if r.blank_before and _marker(r.text)
               and _single(raw, i)] or [raw[i] for i in _numeral_markers(raw)] \
        or [raw[i] for i in _numeral_markers(raw, titled=True)] \
        or [raw[i] for i in _division_markers(raw)]
    if len(markers) >= 2:
        signs.append(f"{len(markers)} chapter lines such as '{markers[0].text}'")
    elif markers and markers[0] is raw[0] and cues.CHAPTER_MARKER.match(raw[0].text) \
            and not any(r.form_feed for r in raw):  # one chapter cut out of a book, no PDF's
        signs.append(f"it opens with a chapter line, '{raw[0].text}'")
    runs = sum(1 for r in raw if r.blank_before and _run_in(r.text))
    if runs >= 2:
        signs.append(f"{runs} run-in headings")
    asked = _asked_and_answered(raw)
    if asked >= 3:
        signs.append(f"{asked} questions, each a paragraph followed by its answer")
    if not start and not (share >= 0.75 and signs):
        return []
    marks = sum(1 for r in raw if "_" in r.text and _ITALIC.search(r.text))
    if marks >= 5:
        signs.append(f"{marks} lines with _italic_ marks")
    return evidence + signs


def licence_start(raw: list[RawLine], facts: LineFacts | None = None) -> RawLine | None:
    """The line that opens the book after its licence header (``*** START OF
    ... ***``), if one stands among the first 400 lines. Its starred lines
    are no html2text headings."""
    if facts is not None and not facts.starts("*"):
        return None  # (most texts) no line starts with a star
    return next((r for i, r in enumerate(raw[:400])
                 if r.text[:1] == "*" and _licence_mark(raw, i, cues.LICENCE_START)), None)


def _licence_mark(raw: list[RawLine], i: int, pattern: re.Pattern) -> int:
    """How many lines the licence block's line at ``raw[i]`` takes (``***
    START OF ... ***``, which a long title may wrap over two): 0, 1 or 2."""
    text = raw[i].text
    if text[:1] != "*":
        return 0
    if pattern.match(text):
        return 1
    after = raw[i + 1] if i + 1 < len(raw) else None
    return 2 if after and not after.blank_before and pattern.match(f"{text} {after.text}") else 0


def _asked_and_answered(raw: list[RawLine]) -> int:
    """Paragraphs that end with "?" followed by one that does not (a
    catechism's question and its answer), counted by blank-line blocks."""
    ends = []  # (last line of each block, its length in characters)
    for r in raw:
        if r.blank_before or not ends:
            ends.append([r.text, len(r.text)])
        else:
            ends[-1][0] = r.text
            ends[-1][1] += len(r.text)
    return sum(1 for (q, size), (a, _) in zip(ends, ends[1:]) if size <= 300
               and q.rstrip(" _*").endswith("?") and not a.rstrip(" _*").endswith("?"))


def wrapped_at_width(raw: list[RawLine]) -> bool:
    """Most of the paragraph lines of ``raw`` are wrapped at one width."""
    return _wrap_width(raw)[1] >= 0.75


def _wrap_width(raw: list[RawLine]) -> tuple[int, float]:
    """The width a book's paragraphs are wrapped at, and the share of their
    long inner lines (not a paragraph's last) that come within 16 columns of it."""
    inner = [n for r, after in zip(raw, raw[1:])
             if not after.blank_before and r.indent <= 4 and after.indent <= 4
             and (n := len(r.text) + r.indent) >= 40]
    if len(inner) < 8:
        return 0, 0.0
    width = sorted(inner)[int(len(inner) * 0.95)]
    if width > 80:
        return width, 0.0
    near = sum(1 for n in inner if n >= width - 16)
    return width, near / len(inner)


# ---- passes --------------------------------------------------------------

def drop_licence(raw: list[RawLine], report: Report) -> None:
    """The licence block before ``*** START OF ... ***`` and after ``*** END
    OF ... ***`` is not the book, nor the credits paragraph after it."""
    start = next((i for i, r in enumerate(raw[:400])
                  if r.text[:1] == "*" and _licence_mark(raw, i, cues.LICENCE_START)), None)
    if start is not None:
        end = start + _licence_mark(raw, start, cues.LICENCE_START)
        if end < len(raw) and cues.CREDITS.match(raw[end].text):
            end += 1
            while end < len(raw) and not raw[end].blank_before:
                end += 1
        _drop(raw[:end], report, "the licence header and credits")
    stop = next((i for i, r in enumerate(raw)
                 if r.text[:1] == "*" and _licence_mark(raw, i, cues.LICENCE_END)), None)
    if stop is None:  # older editions: "End of the Project ... Etext" and the rest
        stop = next((i for i in range(max(len(raw) - 400, 0), len(raw))
                     if cues.LICENCE_CLOSING.match(raw[i].text)), None)
    if stop is not None:
        first = stop
        for i in range(stop - 1, max(stop - 4, -1), -1):
            if cues.LICENCE_CLOSING.match(raw[i].text):
                first = i
        _drop(raw[first:], report, "the licence footer")


def drop_notes_and_illustrations(raw: list[RawLine], report: Report) -> None:
    """``[Transcriber's Note: ...]`` goes, and so does a ``Transcriber's
    Notes`` heading with the paragraphs under it; ``[Illustration: caption]``
    keeps its caption as a paragraph (the picture is not in the text), and
    ``[Sidenote: ...]`` its note; a thought break (``*   *   *``) goes."""
    i, breaks = 0, []
    while i < len(raw):
        r = raw[i]
        if r.keep and ("[P" in r.text or "[p" in r.text or "{" in r.text):
            _drop_page_markers(r, breaks)
        if not r.keep or r.text[:1] not in "[*Tt-":
            i += 1
            continue
        if r.text[:1] in "*-":
            if _THOUGHT_BREAK.match(r.text) or (_RULE_LINE.match(r.text) and _single(raw, i)):
                r.keep = False
                breaks.append(r)
            i += 1
            continue
        if r.text[:1] in "Tt":
            if r.blank_before and cues.TRANSCRIBER_HEADING.match(r.text):
                end = _note_end(raw, i)
                _drop(raw[i:end], report, "the transcriber's notes")
                i = end
            else:
                i += 1
            continue
        end = _bracket_end(raw, i)
        if cues.TRANSCRIBER_NOTE.match(r.text):
            _drop(raw[i:end], report, "a transcriber's note")
        elif m := cues.FOOTNOTE_BLOCK.match(r.text):
            _footnote(raw[i:end], m)
        elif m := cues.SIDENOTE.match(r.text):
            end = _sidenote(raw, i, end, m.end(), report)
        elif m := cues.ILLUSTRATION.match(r.text):
            r.text = r.text[m.end():]
            last = raw[end - 1]
            last.text = last.text[:-1].rstrip() if last.text.endswith("]") else last.text
            for line in raw[i:end]:
                line.keep = bool(line.text)
                line.kind = "text"  # a caption: a paragraph of its own, never a heading
            for line in raw[i + 1:end]:
                line.blank_before = False  # one caption, whatever blank line it held
            captioned = any(line.keep for line in raw[i:end])
            report.note(r.line, "an illustration is not in the text; its caption is kept"
                        if captioned else "dropped an illustration placeholder")
        i = end
    if breaks:
        report.note(breaks[0].line, f"dropped {len(breaks)} thought break(s) and printed "
                    "page number(s) ('* * *', '-----', '[Pg 12]')", topic=Topic.ROUTINE)


_THOUGHT_BREAK = re.compile(r"^\*(?:\s+\*){2,}$")
_RULE_LINE = re.compile(r"^-{3,}$")


def _drop_page_markers(r: RawLine, dropped: list[RawLine]) -> None:
    """``[Pg 12]`` or ``{12}`` (cues.PRINTED_PAGE): a printed page's number,
    alone on its line (the line goes) or inside the text (the marker goes)."""
    text = cues.PRINTED_PAGE.sub("", r.text).strip()
    if text == r.text:
        return
    dropped.append(r)
    r.text = text
    r.keep = bool(text)


def _footnote(note: list[RawLine], m: re.Match) -> None:
    """``[Footnote 1: See ...]``: the footnote as a paragraph of its own,
    ``[1] See ...`` (never a heading)."""
    mark = f"[{m.group(1)}] " if m.group(1) else ""
    note[0].text = mark + note[0].text[m.end():]
    last = note[-1]
    last.text = last.text[:-1].rstrip() if last.text.endswith("]") else last.text
    for line in note:
        line.keep = bool(line.text)
        line.kind = "text"


def _note_end(raw: list[RawLine], i: int) -> int:
    """Where the transcriber's notes headed at ``raw[i]`` end: at the next
    chapter line, thought break or line shaped as a heading alone between
    blank lines, or at the text's end."""
    for j in range(i + 1, len(raw)):
        r = raw[j]
        if r.blank_before and r.keep and (_marker(r.text) or _THOUGHT_BREAK.match(r.text) or (
                _single(raw, j) and _opening_heading(r.text))):
            return j
    return len(raw)


def _sidenote(raw: list[RawLine], i: int, end: int, start: int, report: Report) -> int:
    """A margin note between paragraphs is a paragraph of its own (never a
    heading); one set inside a paragraph, between two of its lines, goes
    (with a note) so that the paragraph joins again."""
    note = raw[i:end]
    if end < len(raw) and not raw[end].blank_before and not note[0].blank_before:
        _drop(note, report, "a margin note set inside a paragraph")
        del raw[i:end]  # out of the paragraph, which a dropped line would end
        return i
    note[0].text = note[0].text[start:]
    last = note[-1]
    last.text = last.text[:-1].rstrip() if last.text.endswith("]") else last.text
    for line in note:
        line.keep = bool(line.text)
        line.kind = "text"
    return end


def _bracket_end(raw: list[RawLine], i: int) -> int:
    """The index after the line that closes the bracket opened at ``raw[i]``
    (a caption may hold one blank line: ``[Illustration: PLATE I`` / blank /
    ``VIOLIN]``); at the first blank line if no line closes it."""
    gap = None
    for j in range(i, min(i + 12, len(raw))):
        if j > i and (raw[j].blank_before or raw[j].text.startswith("[")):
            if gap is not None or raw[j].text.startswith("["):
                break
            gap = j
        if raw[j].text.endswith("]"):
            return j + 1
    return gap if gap is not None else i + 1


def drop_front_matter(raw: list[RawLine], report: Report) -> None:
    """The title page (short lines before the first paragraph, chapter or
    contents, after a licence block: an excerpt has none) and the contents
    list go; the review list names the chapters the contents list has that
    the text does not. A short line alone that opens what is left, shaped
    as a heading (``Preface.``, ``The Author to the Reader``), heads it."""
    _drop_front_matter(raw, report)
    kept = [r for r in raw[:2000] if r.keep][:2]
    if kept and kept[0].blank_before and (len(kept) < 2 or kept[1].blank_before) \
            and not kept[0].kind and not _marker(kept[0].text) and _opening_heading(kept[0].text):
        kept[0].kind = "heading"


def _opening_heading(text: str) -> bool:
    """A heading's shape: in capitals or title case, up to eight words, no figures."""
    return len(text.split()) <= 8 and not any(c.isdigit() for c in text) \
        and (text.isupper() or looks_like_heading(text.rstrip(".")))


_PAGE_LIST = re.compile(r"\d{1,4}(?:-\d{1,4})?[;.,]?$")


def drop_back_index(raw: list[RawLine], report: Report) -> None:
    """An index at the book's end (``INDEX`` alone in its second half, then
    entries most of which end with page numbers: ``Weber, 67, 96, 244``)
    points to pages the course does not have: it goes, up to the next
    chapter line, with a note."""
    kept = [r for r in raw if r.keep]
    start = next((k for k in range(len(kept) - 1, len(kept) // 2, -1)
                  if kept[k].blank_before and cues.BOOK_INDEX_HEADING.match(kept[k].text)
                  and _single(kept, k)), None)
    if start is None:
        return
    end = next((k for k in range(start + 1, len(kept)) if _marker(kept[k].text)), len(kept))
    entries = kept[start + 1:end]
    paged = sum(1 for r in entries if _PAGE_LIST.search(r.text))
    if len(entries) >= 5 and paged * 10 >= 6 * len(entries):
        _drop(kept[start:end], report, "the index (it points to the printed book's pages)")


def _drop_front_matter(raw: list[RawLine], report: Report) -> None:
    kept = [r for r in raw if r.keep]
    if not kept:
        return
    if kept[0].text[:1] == "[" and licence_start(raw) is not None:
        kept = _drop_opening_note(kept, report)
    width = _wrap_width(kept)[0] or 72
    licensed = licence_start(raw) is not None
    first = next((i for i, r in enumerate(kept) if _starts_body(kept, i, width)), len(kept)) \
        if licensed else 0
    numerals = (_numeral_markers(kept) or _division_markers(kept)) if first else []
    if numerals and numerals[0] < first:
        first = numerals[0]  # "I" alone, the first chapter's line: the body starts there
    elif 0 < first < len(kept) and _single(kept, first - 1) \
            and _front_heading(kept[first - 1].text) \
            and not cues.BOOK_CONTENTS_HEADING.match(kept[first].text) \
            and not _marker(kept[first].text):
        first -= 1  # "PREFACE." right above the first paragraph is its heading
    if 0 < first < len(kept):
        _drop(kept[:first], report, "the title page")
    contents = next((i for i, r in enumerate(kept[:len(kept) // 2])
                     if r.blank_before and cues.BOOK_CONTENTS_HEADING.match(r.text)), None)
    if contents is None:
        return
    numerals = set(_numeral_markers(kept)) | set(_numeral_markers(kept, titled=True))
    end = _repeated_entry(kept, contents, width, numerals)
    if end is None:
        end = contents + 1
        while end < len(kept) and not _marker(kept[end].text) and end not in numerals \
                and not _is_prose(kept, end, width):
            end += 1
    lines = kept[contents + 1:end]
    base = min((r.indent for r in lines), default=0)
    # an entry's description, or its title wrapped, is indented under it or
    # goes on from a long line
    starts = [k for k, r in enumerate(lines) if r.blank_before or k == 0] + [len(lines)]
    summaries = {k for k, after in zip(starts, starts[1:]) if after - k >= 3}
    entries = [_entry(r.text) for k, r in enumerate(lines) if r.indent <= base + 2
               and (r.blank_before or k == 0 or len(lines[k - 1].text) < 0.6 * width)
               and k not in summaries]  # a block of three lines or more: a summary
    _drop(kept[contents:end], report, "the contents list")
    for r in kept[contents + 1:end]:
        r.kind = "contents"  # its entries may title chapters whose lines give no title
    body = {_key(r.text) for r in kept[end:] if r.blank_before and len(r.text) <= 90}
    body |= {_key(m.group("title")) for r in kept[end:] if r.blank_before
             and (m := cues.CHAPTER_MARKER_TITLED.match(r.text))}
    entries = [m.group("title") if (m := cues.CHAPTER_MARKER_TITLED.match(e))
               and _key(m.group("title")) in body else e for e in entries]
    missing = [e for e in entries if e and _key(e) not in body
               and not set(_key(e).split()) <= cues.CONTENTS_COLUMNS]
    if missing:
        more = f" and {len(missing) - 6} more" if len(missing) > 6 else ""
        shown = "; ".join(missing[:6]) + more
        report.note(kept[contents].line, f"the contents list names {len(missing)} entries that "
                    f"are not in this text: {shown}", topic=Topic.DROPPED)


def _drop_opening_note(kept: list[RawLine], report: Report) -> list[RawLine]:
    """A note in brackets that opens the e-text, before its title page
    (``[This e-text includes characters that require UTF-8 ...]``): the
    transcriber's, about the file, not the book. An illustration's or a
    margin note's brackets are the book's."""
    if cues.ILLUSTRATION.match(kept[0].text) or cues.SIDENOTE.match(kept[0].text):
        return kept
    end = next((j for j in range(min(40, len(kept))) if kept[j].text.endswith("]")), None)
    if end is None or any(_marker(r.text) for r in kept[:end + 1]):
        return kept
    _drop(kept[:end + 1], report, "the transcriber's note that opens the e-text")
    return kept[end + 1:]


def _repeated_entry(kept: list[RawLine], contents: int, width: int, numerals: set[int]
                    ) -> int | None:
    """Where the body starts again with the contents list's first entry (a
    list that names chapter lines itself ends there), when no paragraph at
    the margin stands before it; None if it does not."""
    first = next((i for i in range(contents + 1, min(contents + 8, len(kept)))
                  if _key(kept[i].text)
                  and not set(_key(kept[i].text).split()) <= cues.CONTENTS_COLUMNS), None)
    if first is None:
        return None
    key = _key(kept[first].text)
    for j in range(first + 1, len(kept)):
        r = kept[j]
        if r.blank_before and r.indent <= 1 and _is_prose(kept, j, width) \
                and _lower_case(r.text):
            break  # a paragraph (an entry wrapped over two lines is in title case)
        if r.blank_before and len(r.text) <= 90 and _key(r.text) == key:
            above = cues.CHAPTER_MARKER.match(kept[j - 1].text) or j - 1 in numerals
            return j - 1 if above else j  # "PART I" above its title
    return None


def _lower_case(text: str) -> bool:
    words = text.split()
    return sum(1 for w in words if w[:1].islower()) * 2 >= len(words)


def _starts_body(kept: list[RawLine], i: int, width: int) -> bool:
    """A chapter line, the contents heading, or a paragraph or a sentence at
    the margin (an indented one is a note or a quotation before the title page)."""
    r = kept[i]
    return bool(_marker(r.text) or cues.BOOK_CONTENTS_HEADING.match(r.text)
                or r.indent <= 2 and (_is_prose(kept, i, width) or _sentence(r.text)))


def _front_heading(text: str) -> bool:
    """A heading such as ``PREFACE.`` or ``Introduction``: a few words, one of
    four letters or more, no figures (unlike "W. P. 6" or "BK. 1.")."""
    words = text.split()
    return 0 < len(words) <= 4 and not any(c.isdigit() for c in text) \
        and any(sum(c.isalpha() for c in w) >= 4 for w in words) \
        and (text.isupper() or looks_like_heading(text.rstrip(".")))


def _sentence(text: str) -> bool:
    """A line that reads as a sentence, which no title page holds: five words
    or more, most in lower case, and a full stop, "!" or "?" at the end."""
    words = text.split()
    return len(words) >= 5 and text.endswith((".", "!", "?")) \
        and sum(1 for w in words if w[:1].islower()) * 2 >= len(words)


def _is_prose(kept: list[RawLine], i: int, width: int) -> bool:
    """The first line of a paragraph: a block of two or more lines, this one
    long and not in capitals, and a sentence ending in the block; not a block
    in italics from end to end (a title page's byline), nor one that ends
    with a page number (a contents entry's summary: "... rhapsodists.  _Page 3_")."""
    r = kept[i]
    if not r.blank_before or len(r.text) + r.indent < 0.75 * width or r.text.isupper() \
            or _PAGE_REF.search(r.text):
        return False
    j = i + 1
    while j < len(kept) and not kept[j].blank_before:
        j += 1
    last = kept[j - 1].text
    if r.text.startswith("_") and last.endswith("_") or _PAGE_REF.search(last.strip("_=* ")):
        return False
    return j - i >= 2 and any(k.text.rstrip("_=*").endswith((".", "!", "?", ".)", ".]", '."'))
                              for k in kept[i:j])


def _entry(text: str) -> str:
    return _ROMAN_LEAD.sub("", _PAGE_REF.sub("", text)).strip()


def _key(text: str) -> str:
    return re.sub(r"[\W_]+", " ", _entry(text)).strip().lower()


def find_chapters(raw: list[RawLine], report: Report) -> None:
    """``CHAPTER I`` on its own line starts a lesson; the line after it is
    its title, unless it is the first of the chapter's section headings: it
    shares its shape with two or more other headings of its chapter. A book
    styles all its chapters alike, so the chapters vote (a tie: sections),
    and a line with a heading right under it is a title all the same."""
    kept = [r for r in raw if r.keep]
    markers = [i for i, r in enumerate(kept) if r.blank_before and _marker(r.text)
               and (_single(kept, i) or _title_right_under(kept, i))] or _numeral_markers(kept) \
        or _division_markers(kept)
    titled = set() if markers else set(markers := _numeral_markers(kept, titled=True))
    if not markers:
        _title_from_header(raw, kept, report)
        return
    bounds = list(zip(markers, markers[1:] + [len(kept)]))
    listed: dict[str, str] | None = None  # the contents list's titles, when one is wanted
    votes = [_title_vote(kept, i + 1, end) for i, end in bounds
             if not cues.CHAPTER_MARKER_TITLED.match(kept[i].text) and i not in titled]
    titles = sum(1 for v in votes if v) > sum(1 for v in votes if v is False)
    for i, end in bounds:
        marker = kept[i]
        marker.keep = False
        title = kept[i + 1] if i + 1 < end else None
        if (m := (_NUMERAL_TITLED if i in titled else cues.CHAPTER_MARKER_TITLED).match(
                marker.text)) and title:  # ("I." alone in a titled run: titled below)
            title.chapter, title.kicker = m.group("title").strip(), m.group("label")
            continue
        n = 1 if _title_right_under(kept, i) else _title_lines(kept, i + 1, end)
        if n and (titles or _heading_under(kept, i + n, end) or not kept[i + 1].blank_before):
            for line in kept[i + 1:i + 1 + n]:
                line.keep = False
            nxt = kept[i + 1 + n] if i + 1 + n < end else None
            name, kicker = " ".join(r.text for r in kept[i + 1:i + 1 + n]), marker.text
        else:
            nxt, name, kicker = title, marker.text, ""
            if listed is None and (not n or kept[i + 1].kind == "text"):
                listed = _contents_titles(raw)  # no line can title it: the contents may
            if listed and (not n or kept[i + 1].kind == "text") \
                    and (named := listed.get(_label_number(marker.text))):
                name, kicker = named, marker.text  # "I." whose title only the contents give
        if nxt is None:
            continue
        nxt.chapter = name
        nxt.kicker = kicker


_CONTENTS_ENTRY = re.compile(r"^(?:[A-Za-z]{3,12}\.?\s+)?([IVXLC]{1,7}|\d{1,3})[.:]?\s+(\S.*)$")


def _contents_titles(raw: list[RawLine]) -> dict[str, str]:
    """The dropped contents list's entries by their numbers (``I. The Lost
    Kitten    5`` -> {"I": "The Lost Kitten"})."""
    titles = {}
    for r in raw:
        if r.kind == "contents" and (m := _CONTENTS_ENTRY.match(r.text)):
            title = _PAGE_REF.sub("", m.group(2)).strip()
            if title and not title.isdigit():
                titles.setdefault(m.group(1), title)
    return titles


def _label_number(text: str) -> str:
    """The number of a chapter line: ``CHAPTER IV.`` -> "IV", ``I.`` -> "I"."""
    return (text.split() or [""])[-1].rstrip(".:")


_LIST_ITEM = re.compile(r"^(\d{1,3}[.)]|\(?[a-h]\))\s")
_NUMERAL_LINE = re.compile(r"^([IVXLC]{1,7})\.?$")
# "IV. The Doctor Comes." (not a contents entry: "IV. THE HIVE    25")
_NUMERAL_TITLED = re.compile(
    r"^(?P<label>([IVXLC]{1,7}))\.\s(?P<title>[^\W\d_](?:(?!   ).){1,80}[^,;:\d\s])$")
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def _numeral_markers(lines: list[RawLine], titled: bool = False) -> list[int]:
    """Chapters marked by a roman numeral alone on a line (``IV.``): two or
    more such lines, alone between blank lines, numbered on without a gap.
    ``titled``: by a numeral and the chapter's title (``IV. The Doctor
    Comes.``), three or more such lines."""
    found = [(i, _roman(m.group(1)), m.re is _NUMERAL_TITLED) for i, r in enumerate(lines)
             if r.blank_before and r.text[:1] in "IVXLC" and _single(lines, i)
             and (m := _NUMERAL_LINE.match(r.text)
                  or (titled and _NUMERAL_TITLED.match(r.text)))]
    if not titled:
        values = [v for _, v, _ in found]
        if len(found) < 2 or any(b != a + 1 for a, b in zip(values, values[1:])):
            return []
        return [i for i, _, _ in found]
    # the longest run numbered on without a gap (a glossary may number its own lines)
    runs: list[list[tuple[int, int, bool]]] = []
    for entry in found:
        if runs and entry[1] == runs[-1][-1][1] + 1:
            runs[-1].append(entry)
        else:
            runs.append([entry])
    run = max(runs, key=len, default=[])
    return [i for i, _, _ in run] if sum(1 for *_, named in run if named) >= 3 else []


def _division_markers(lines: list[RawLine]) -> list[int]:
    """``PAPER I.``, ``PAPER II.`` ... (cues.BOOK_DIVISION_MARKER) alone
    between blank lines, one word throughout, numbered on from 1 without a
    gap: two or more such lines divide the book as chapter lines do."""
    found = [(i, m) for i, r in enumerate(lines) if r.blank_before and r.text[:1].isalpha()
             and len(r.text) <= 16 and (m := cues.BOOK_DIVISION_MARKER.match(r.text))
             and _single(lines, i)]
    if len(found) < 2 or len({m.group(1).lower() for _, m in found}) > 1:
        return []
    values = [int(n) if (n := m.group(2)).isdigit() else _roman(n.upper()) for _, m in found]
    if values[0] != 1 or any(b != a + 1 for a, b in zip(values, values[1:])):
        return []
    return [i for i, _ in found]


def _roman(text: str) -> int:
    total = 0
    for char, after in zip(text, text[1:] + " "):
        value = _ROMAN[char]
        total += -value if after != " " and _ROMAN[after] > value else value
    return total


def part_title(raw: list[RawLine]) -> tuple[str, str] | None:
    """A book of several chapters is titled as the licence header's "Title:"
    line names it; None without that line."""
    field = next((m for r in raw[:60] if not r.keep
                  and (m := cues.BOOK_TITLE_FIELD.match(r.text))), None)
    return (field.group("title").strip(), "the licence header's Title line") if field else None


def title_from_licence(raw: list[RawLine], report: Report) -> None:
    """A text that a licence header opened (a web page's dump published as an
    e-text) is titled as its "Title:" line names it."""
    if licence_start(raw) is not None:
        _title_from_header(raw, [r for r in raw if r.keep], report)


def _title_from_header(raw: list[RawLine], kept: list[RawLine], report: Report) -> None:
    """A book without chapter lines is one lesson, titled as the licence
    header's "Title:" line names the book (its title page is gone)."""
    field = next((m for r in raw[:60] if not r.keep
                  and (m := cues.BOOK_TITLE_FIELD.match(r.text))), None)
    if field and kept and not kept[0].chapter:
        kept[0].chapter = field.group("title").strip()
        report.note(kept[0].line, f"lesson title '{kept[0].chapter}' taken from the licence "
                    "header's Title line", topic=Topic.TITLE)


def _marker(text: str) -> bool:
    """A chapter line: ``CHAPTER I``, or ``CHAPTER I. TITLE`` whose title reads
    as one (capitals, or a heading's shape)."""
    if cues.CHAPTER_MARKER.match(text):
        return True
    m = cues.CHAPTER_MARKER_TITLED.match(text)
    title = m.group("title").rstrip(".") if m else ""
    return bool(title) and (title.isupper() or looks_like_heading(title))


def _title_vote(kept: list[RawLine], i: int, end: int) -> bool | None:
    """Does the line after a chapter line read as the chapter's title (None:
    it cannot be one)?"""
    n = _title_lines(kept, i, end)
    if not n or len(kept[i].text) > 80:
        return None
    if _heading_under(kept, i + n - 1, end):
        return True
    shape = _shape(kept[i])
    alike = sum(1 for j in range(i + n, end) if _single(kept, j) and _shape(kept[j]) == shape
                and kept[j].kind != "text"  # a margin note or a caption heads nothing
                and not cues.ANSWERS_HEADING.match(kept[j].text)  # nor does the book's key
                and not _is_exercise(kept[j].text) and not _sentence(kept[j].text)
                and not _LIST_ITEM.match(kept[j].text))  # a sentence or an item heads nothing
    return alike < 2


def _title_lines(kept: list[RawLine], i: int, end: int) -> int:
    """How many lines the title after a chapter line has: 1 for a line alone,
    2 or 3 for a title in capitals wrapped over them; 0 for no title."""
    if i >= end or not kept[i].blank_before or _LIST_ITEM.match(kept[i].text):
        return 0  # "1. Nitrogen and oxygen.": the chapter's first item (its answers), no title
    if kept[i].text[:1] == "(" and kept[i].text.endswith((")", ").")):
        return 0  # "(Time allowed, two hours.)": a note under the chapter line
    j = i + 1
    while j < end and not kept[j].blank_before:
        j += 1
    if j - i == 1:
        return 1
    if j - i <= 3 and all(r.text.isupper() and len(r.text) <= 70 for r in kept[i:j]):
        return j - i
    return 0


def _heading_under(kept: list[RawLine], last: int, end: int) -> bool:
    """A heading right under the line ``last`` (the title's last line)."""
    return last + 1 < end and _single(kept, last + 1) and _heading_shape(kept[last + 1])


def _title_right_under(kept: list[RawLine], i: int) -> bool:
    """``LESSON II.`` with its title in capitals on the very next line
    (``OF ACIDS.``), and a blank line after the title."""
    if i + 2 >= len(kept) or kept[i + 1].blank_before or not kept[i + 2].blank_before:
        return False
    title = kept[i + 1].text
    return len(title) <= 70 and title.isupper() and not _marker(title)


def _single(kept: list[RawLine], i: int) -> bool:
    """A line alone between blank lines."""
    return kept[i].blank_before and (i + 1 >= len(kept) or kept[i + 1].blank_before)


def _shape(r: RawLine) -> tuple[bool, bool, str]:
    return r.indent >= 6, r.text.isupper(), r.text[-1:] if not r.text[-1:].isalnum() else ""


def _heading_shape(r: RawLine) -> bool:
    return len(r.text) <= 60 and r.text.isupper()


def _is_exercise(text: str) -> bool:
    return bool(cues.EXERCISE_HEADING.match(text) or cues.BOOK_EXERCISE_HEADING.match(text))


def split_run_in_headings(raw: list[RawLine], report: Report) -> None:
    """``=Growth of the Body.=--The body grows...`` (or ``GROWTH.--The
    body...``) at the start of a paragraph: a heading, then the paragraph.
    Taken only when the text has two or more of them."""
    found = [(i, m) for i, r in enumerate(raw) if r.keep and r.blank_before and r.kind != "text"
             and (m := _run_in(r.text))]
    heads = Counter(_run_in_head(m).lower() for _, m in found)
    # the same head again and again ("CHORUS.--", "NOTE.--") is a label, not a section's;
    # "QUESTIONS.--What ...?" heads its lesson's exercise however often it comes
    asks = [(i, m) for i, m in found if _is_exercise(_run_in_head(m))]
    found = [(i, m) for i, m in found if heads[_run_in_head(m).lower()] < 3]
    if len(found) < 2:
        found = []
    found = sorted(set(found) | set(asks), key=lambda pair: pair[0])
    if not found:
        return
    out: list[RawLine] = []
    last = 0
    for i, m in found:
        out.extend(raw[last:i])
        r = raw[i]
        head = _run_in_head(m)
        out.append(RawLine(head, r.line, r.indent, True, chapter=r.chapter, kicker=r.kicker,
                           kind="heading"))
        out.append(RawLine(m.group("rest") or m.group("rest2"), r.line, r.indent, True))
        last = i + 1
    out.extend(raw[last:])
    raw[:] = out


def _run_in_head(m: re.Match) -> str:
    head = (m.group("head") or m.group("head2")).strip()
    if head.endswith((".", ":")) and not head.endswith(".."):
        head = head[:-1].rstrip()
    return head


def _run_in(text: str) -> re.Match | None:
    if text[:1] in "=_":
        return _RUN_IN_MARKED.match(text)
    if "--" not in text and "—" not in text:
        return None
    m = _RUN_IN_CAPS.match(text)
    if not m:
        return None
    words = [w for w in re.findall(r"[A-Za-z]+", m.group("head"))]
    caps = sum(1 for w in words if w.isupper())
    return m if words and words[0].isupper() and caps / len(words) >= 0.6 else None


def _drop(lines: list[RawLine], report: Report, what: str) -> None:
    lines = [r for r in lines if r.keep]
    if not lines:
        return
    for r in lines:
        r.keep = False
    sample = "; ".join(f"'{r.text[:40]}'" for r in lines[:3])
    report.note(lines[0].line, f"dropped {what}: {len(lines)} lines (lines {lines[0].line}-"
                f"{lines[-1].line}), starting {sample}", topic=Topic.DROPPED)


# ---- joining ---------------------------------------------------------------

def join_book(raw: list[RawLine], text_lines: list[str]) -> list[Line]:
    """Blank-line-separated blocks to logical lines (see the module's doc)."""
    out: list[Line] = []
    state = {"number": None, "exercise": False}
    blocks = _blocks(raw)
    paragraphs = _numbered_paragraphs(blocks)
    speakers = _speakers(blocks)
    i = 0
    while i < len(blocks):
        end = _columns_run(blocks, i, text_lines)
        if end > i:
            out.append(_pre([r for block in blocks[i:end] for r in block], text_lines))
            i = end
            continue
        if _drawing(blocks[i]):
            out.append(_pre(blocks[i], text_lines))
            i += 1
            continue
        if len(blocks[i]) == 1 and (_introduces(blocks, i) or _over_footnotes(blocks, i)
                                    or _speaker(blocks[i][0].text) in speakers or (
                state["exercise"] and blocks[i][0].text.endswith(":") and not blocks[i][0].kind
                and not blocks[i][0].chapter)):
            blocks[i][0].kind = "text"  # in an exercise: "Translate into Spanish:" instructs
        _join_block(blocks[i], out, state, last=i == len(blocks) - 1, numbered=i in paragraphs)
        i += 1
    for line in out:
        if line.kind != "code":
            line.text = strip_markup(line.text)
        if line.chapter:
            line.chapter = strip_markup(line.chapter)
    _keys_to_exercises(out)
    _keys_by_number(out)
    return out


def _keys_by_number(out: list[Line]) -> None:
    """A question book that numbers its questions on through its chapters
    (``4.`` goes on from chapter I's ``3.``) and keys them all at its end
    (``ANSWERS TO THE QUESTIONS.`` over ``1. ...`` to ``5. ...``): each
    exercise's keys go right after it, under the key's heading. Only where
    every number belongs to one exercise and every key names one of them."""
    heads = [k for k, line in enumerate(out) if line.kind == "heading" or line.chapter]
    if not heads or not cues.ANSWERS_HEADING.match(out[heads[-1]].text):
        return
    key = heads[-1]
    keys = out[key + 1:]
    if len(keys) < 2 or _number_of(keys[0]) is None:
        return
    owner: dict[int, int] = {}  # question number -> where its exercise's questions end
    for start, end in zip(heads, heads[1:]):
        if out[start].kind != "heading" or not _is_exercise(out[start].text):
            continue
        numbers = [n for line in out[start + 1:end] if (n := _number_of(line)) is not None]
        if any(n in owner for n in numbers):
            return
        owner.update((n, end) for n in numbers)
    numbered = [n for line in keys if (n := _number_of(line)) is not None]
    if len({owner.get(n) for n in numbered}) < 2 or any(n not in owner for n in numbered):
        return
    groups: dict[int, list[Line]] = {}
    at = owner[numbered[0]]
    for line in keys:
        if (n := _number_of(line)) is not None:
            at = owner[n]
        groups.setdefault(at, []).append(line)  # a key's own lines go with it
    heading = replace(out[key], chapter="", kicker="")
    del out[key:]
    for at in sorted(groups, reverse=True):
        out[at:at] = [heading] + groups[at]


def _number_of(line: Line) -> int | None:
    """A numbered item's or numbered paragraph's number (``4. How long ...``)."""
    if line.bullet == "1":
        return line.number
    m = _PARAGRAPH_NUMBER.match(line.text) if line.text[:1].isdigit() else None
    return int(m.group(1)) if m else None


def _keys_to_exercises(out: list[Line]) -> None:
    """The book's key at its end (``KEY TO THE EXERCISES.``), its groups
    headed by the exercises' own titles (``EXERCISE I.``, each title once in
    the book): each group goes right after its exercise, under the key's
    heading, where the exercise finds its answers (else one lesson's
    exercise took them all, the next group's title starting an exercise of
    answers). Groups that name no exercise, or a title found twice, keep the
    whole key where it stands."""
    heads = [k for k, line in enumerate(out) if line.kind == "heading"]
    key = next((k for k in reversed(heads) if cues.ANSWERS_HEADING.match(out[k].text)), None)
    if key is None or key + 1 >= len(out) or out[key + 1].kind != "heading":
        return
    seen = Counter(_key(out[k].text) for k in heads if k < key and _is_exercise(out[k].text))
    titled = {_key(out[k].text): k for k in heads if k < key and _is_exercise(out[k].text)}
    groups = [k for k in heads if k > key]
    if not groups or any(seen[_key(out[k].text)] != 1 for k in groups):
        return
    bounds = list(zip(groups, groups[1:] + [len(out)]))
    moves = []
    for start, end in bounds:
        target = titled[_key(out[start].text)]
        at = next((j for j in range(target + 1, key + 1)
                   if out[j].kind == "heading" or out[j].chapter), key)
        moves.append((at, [replace(out[key], chapter="", kicker="")] + out[start + 1:end]))
    del out[key:]
    for at, lines in sorted(moves, key=lambda move: move[0], reverse=True):
        out[at:at] = lines


_FOOTNOTE_MARK = re.compile(r"^\[(?:\d{1,3}|[A-Z])\]\s")


def _over_footnotes(blocks: list[list[RawLine]], i: int) -> bool:
    """``FOOTNOTES:`` over ``[1] ...`` or ``[A] ...``: a label, not a section."""
    text = blocks[i][0].text
    return text[:1] in "FfNn" and i + 1 < len(blocks) and cues.FOOTNOTES_HEADING.match(text) \
        is not None and _FOOTNOTE_MARK.match(blocks[i + 1][0].text) is not None


_SPEAKER = re.compile(r"^_?((?:[^\W\d_]{1,12}\.[ ]?){1,2}?)_?[ ]+(?=[^\W\d_]|[«\"“(—-])")


def _speaker(text: str) -> str:
    """The speaker's label that opens a line of a play or a dialogue
    (``Mag. Et tū, Brūte!``, ``Q. Cic. Mihi pilam dā!``), or ""."""
    m = _SPEAKER.match(text) if text[:1].isupper() or text[:1] == "_" else None
    return m.group(1).strip() if m else ""


def _speakers(blocks: list[list[RawLine]]) -> set[str]:
    """Labels that open three or more lines alone in their blocks: the
    speakers of a play, whose one-line speeches are never headings."""
    labels = Counter(label for block in blocks if len(block) == 1 and "." in block[0].text[:16]
                     and (label := _speaker(block[0].text)))
    return {label for label, n in labels.items() if n >= 3 and not _NUMERAL_LINE.match(label)}


def _introduces(blocks: list[list[RawLine]], i: int) -> bool:
    """``Wagner says:`` alone over a quotation or verse set in (past a margin
    note or caption), or over a paragraph that opens with a quotation mark
    (``Augustus says to Cinna:`` / ``"Take a chair ...``): a sentence that
    introduces it, not a heading. Over a block set in without quotation
    marks, its last word must be in lower case, as a heading's is not."""
    first = blocks[i][0]
    text = first.text.rstrip("\"”'’")  # 'In the fable of "The Wolf and the Dog:"'
    if not text.endswith(":") or first.kind or first.chapter:
        return False
    after = next((b for b in blocks[i + 1:i + 4] if not (len(b) == 1 and b[0].kind == "text")),
                 None)
    if after is None:
        return False
    if after[0].text[:1] in "\"“«":
        return True
    words = text.rstrip(":").split()
    return bool(words) and words[-1][:1].islower() \
        and min(r.indent for r in after) > first.indent + 1


def _blocks(raw: list[RawLine]) -> list[list[RawLine]]:
    """Kept lines in blocks: a blank line or a dropped line ends a block."""
    blocks: list[list[RawLine]] = []
    current: list[RawLine] = []
    for r in raw:
        if not r.keep or r.blank_before or r.chapter or r.kind == "heading":
            if current:
                blocks.append(current)
            current = []
        if r.keep:
            current.append(r)
    if current:
        blocks.append(current)
    return blocks


def _columns_run(blocks: list[list[RawLine]], i: int, text_lines: list[str]) -> int:
    """The end of a run of blocks laid out in columns (a table, a diagram)
    that starts at ``blocks[i]``: each block has a line with columns (runs of
    three or more spaces inside), the run has two or more such lines, and
    only blank lines stand between its blocks. ``i`` if there is none."""
    count, j = 0, i
    while j < len(blocks):
        block = blocks[j]
        found = sum(1 for r in block if _has_columns(text_lines[r.line - 1]))
        if not found or block[0].kind == "heading" or (j > i and not _only_blanks_between(
                blocks[j - 1][-1].line, block[0].line, text_lines)):
            break
        count += found
        j += 1
    return j if count >= 2 else i


_WORD = re.compile(r"[^\W\d_]{2}")


def _drawing(block: list[RawLine]) -> bool:
    """An indented block of two lines or more, most of them without a word
    (``-----``, ``O     O``, ``/``): a diagram drawn in characters."""
    return len(block) >= 2 and min(r.indent for r in block) >= 2 and block[0].kind != "heading" \
        and sum(1 for r in block if not _WORD.search(r.text)) * 2 > len(block)


def _has_columns(line: str) -> bool:
    line = line.strip()
    if "   " not in line:
        return False
    if "ns." in line and (m := cues.SET_OFF_ANSWER.search(line)):
        line = line[:m.start() + 1]  # "...left?   _Ans._ 53.": a question and its answer
    if _COLUMNS.search(line) is None:
        return False
    cells = _CELL_GAP.split(line)
    return not (all(_OPTION_CELL.match(c) for c in cells)  # "(a) goed   (b) went": options
                or all(_KEY_CELL.match(c) for c in cells))  # "1. b      2. a": a key's row


_CELL_GAP = re.compile(r" {3,}")
_OPTION_CELL = re.compile(r"^\(?[a-hA-H][.)]\s+\S")
_KEY_CELL = re.compile(r"^\d{1,3}[.)]?\s+\(?[a-hA-H]\)?\.?$")


def _only_blanks_between(after: int, before: int, text_lines: list[str]) -> bool:
    return all(not text_lines[n - 1].strip() for n in range(after + 1, before))


_PARAGRAPH_NUMBER = re.compile(r"^(\d{1,4})\.\s+\S")
_ITEM_NUMBER = re.compile(r"^\d{1,4}[.)]\s")


def _numbered_paragraphs(blocks: list[list[RawLine]]) -> set[int]:
    """The blocks that are numbered paragraphs (``4. The Drill Regulations are
    ...``, wrapped over lines of their own) in a text that numbers its
    paragraphs: six or more such blocks, numbered up to 10 or more, mostly
    counting up, the count going on past unnumbered paragraphs (twice or
    more). They stay paragraphs with their numbers, not items of lists that
    start and stop."""
    found = [(k, int(m.group(1))) for k, block in enumerate(blocks)
             if len(block) >= 2 and block[0].indent <= 1 and not block[0].kind
             and (m := _PARAGRAPH_NUMBER.match(block[0].text))
             and not any(_ITEM_NUMBER.match(r.text) for r in block[1:])]
    if len(found) < 6 or max(n for _, n in found) < 10:
        return set()
    rising = sum(1 for (_, a), (_, b) in zip(found, found[1:]) if b > a)
    numbered = {k for k, _ in found}
    past_prose = sum(1 for k, _ in found if k > 0 and k - 1 not in numbered
                     and len(blocks[k - 1]) >= 2 and not _ITEM_NUMBER.match(blocks[k - 1][0].text))
    return numbered if rising >= 0.8 * (len(found) - 1) and past_prose >= 2 else set()


def _join_block(block: list[RawLine], out: list[Line], state: dict, last: bool,
                numbered: bool = False) -> None:
    first = block[0]
    if first.chapter:
        state["exercise"] = False  # a new chapter: its exercise is still to come
    # a line in capitals that ends the text ("THE END") heads nothing
    if first.kind == "heading" or (len(block) == 1 and not last and _forced_heading(first)):
        out.append(_line(first, first.text, kind="heading"))
        state["number"] = None
        state["exercise"] = _is_exercise(first.text)
        return
    if not last and _centred_title(block):  # a heading in capitals centred over two lines
        text = _glue([r.text for r in block])
        out.append(_line(first, text, kind="heading"))
        state["number"] = None
        state["exercise"] = _is_exercise(text)
        return
    for r in block:
        _classify(r, False)
    if first.bullet and not numbered and not _FOOTNOTE_LINE.match(first.text) \
            and _join_list(block, out, state):
        return
    state["number"] = None
    base = min(r.indent for r in block)
    if base >= 2 and len(block) > 1:
        _join_indented(block, out)
        return
    if len(block) >= 2 and all(r.text.rstrip("_*").endswith("?") for r in block):
        for r in block:  # questions set one under another, not a paragraph wrapped
            out.append(_line(r, r.text))
        return
    if len(block) >= 3 and all(len(r.text) <= 40 for r in block) and not _runs_on_lines(block):
        for r in block:  # a word list, verse, an address: lines no wrapping makes (no headings)
            out.append(_line(r, r.text, kind="text"))
        return
    if state["exercise"] and (asked := _questions_run_on(_glue([r.text for r in block]))):
        out.extend(_line(first, question) for question in asked)
        return
    pieces = [first]
    for r in block[1:]:
        if _FOOTNOTE_LINE.match(r.text) and pieces[-1].text.endswith(_TERMINAL + ("]",)):
            out.append(_line(pieces[0], _glue([p.text for p in pieces])))
            pieces = []
        pieces.append(r)
    out.append(_line(pieces[0], _glue([p.text for p in pieces])))


_ASKED = re.compile(r"(?<=\?)\s+(?=[\"“'(]?[A-Z])")


def _questions_run_on(text: str) -> list[str]:
    """An exercise's paragraph of questions run on (``What did Nell have?
    Where did the kitten go?``): each a question; none when a sentence in it
    does not ask."""
    if text.count("?") < 2 or not text.rstrip("_*").endswith("?"):
        return []
    asked = _ASKED.split(text)
    return asked if len(asked) >= 2 and all(q.rstrip("_*").endswith("?") for q in asked) else []


def _centred_title(block: list[RawLine]) -> bool:
    """Two or three lines in capitals, centred (set in six columns or more),
    none longer than 60 characters: one heading wrapped."""
    return 2 <= len(block) <= 3 and all(
        r.indent >= 6 and len(r.text) <= 60 and r.text.isupper() and not r.kind for r in block)


def _runs_on_lines(block: list[RawLine]) -> bool:
    """Half the lines of a block or more stop mid-sentence and go on in lower
    case on the next: a sentence wrapped narrow (beside a picture), not a list."""
    runs = sum(1 for r, after in zip(block, block[1:])
               if r.text[-1:].isalnum() and after.text[:1].islower())
    return runs * 2 >= len(block) - 1


def _forced_heading(r: RawLine) -> bool:
    """A line alone in its block, in capitals or centred in title case."""
    text = r.text
    if r.kind == "text" or len(text) > 70 or not text[:1].isalnum() and text[:1] not in "\"“":
        return False
    if text.isupper() and sum(map(str.isalpha, text)) >= 3:
        return True
    return r.indent >= 6 and not text.endswith((".", ",", ";", ")")) and text.istitle()


def _join_list(block: list[RawLine], out: list[Line], state: dict) -> bool:
    """Items start at a marker no deeper than the first item's; other lines
    continue the item above. Numbered items must run on (one slip in ten
    is allowed: sources misnumber); one item alone is a list item only if
    it is numbered 1 or continues the list just before it. A paragraph
    numbered inline (``1. First. 2. Second.``) is a list under an exercise
    heading, else a paragraph. Returns False when the block is no list."""
    first = block[0]
    top = first.indent
    items: list[list[RawLine]] = []
    for r in block:
        if r.bullet and r.indent <= top + 1:
            items.append([r])
        else:
            items[-1].append(r)
    whole = _glue([r.text for r in block]) if first.bullet == "1" and len(items) < 3 else ""
    if inline := _split_inline(whole):
        if not state["exercise"]:
            return False
        for n, text in enumerate(inline, start=1):
            out.append(Line(text, first.line, first.indent, "1", n, chapter=first.chapter,
                            kicker=first.kicker))
        state["number"] = len(inline)
        return True
    numbers = [item[0].number for item in items]
    if first.bullet == "1" and not _runs_on(numbers, state["number"]):
        return False
    for item, number in zip(items, numbers):
        r = item[0]
        text = _glue([r.body] + [p.text for p in item[1:]])
        out.append(Line(text, r.line, r.indent, r.bullet, number, chapter=r.chapter,
                        kicker=r.kicker))
    state["number"] = numbers[-1] if first.bullet == "1" else None
    return True


def _runs_on(numbers: list[int | None], before: int | None) -> bool:
    if len(numbers) == 1:
        # 1, or the next number (or the same one again: a slip of the source's)
        return numbers[0] == 1 or (before is not None and numbers[0] in (before, before + 1))
    slips = sum(1 for a, b in zip(numbers, numbers[1:]) if a is None or b != a + 1)
    return slips <= (len(numbers) - 1) // 10 + (1 if len(numbers) >= 20 else 0)


def _split_inline(text: str) -> list[str] | None:
    """``1. First. 2. Second. 3. Third.``: items numbered inside one
    paragraph, the numbers running 1, 2, 3... (three or more)."""
    cuts, want = [], 2
    for m in _INLINE_NUMBER.finditer(text):
        if m.start() > 0 and int(m.group(1)) == want:
            cuts.append(m)
            want += 1
    if len(cuts) < 2:
        return None
    bounds = [0] + [m.start() for m in cuts] + [len(text)]
    parts = [text[a:b].strip() for a, b in zip(bounds, bounds[1:])]
    return [_INLINE_NUMBER.sub("", part, count=1).strip() for part in parts]


def _join_indented(block: list[RawLine], out: list[Line]) -> None:
    """Examples, verse, quotations: a line continues the one above when it
    is indented deeper, or when the one above stops mid-sentence and it
    starts in lower case. None of its lines is a heading (a cast list, a
    poem's lines)."""
    base = min(r.indent for r in block)
    if _wrapped_quotation(block):
        out.append(_line(block[0], _glue([r.text for r in block])))
        return
    pieces = [block[0]]
    for r in block[1:]:
        above = pieces[-1].text
        start = r.text.lstrip("_\"“'(")[:1]
        if r.indent > base or (not above.endswith(_TERMINAL) and start.islower()):
            pieces.append(r)
            continue
        out.append(_line(pieces[0], _glue([p.text for p in pieces]), kind="text"))
        pieces = [r]
    out.append(_line(pieces[0], _glue([p.text for p in pieces]), kind="text"))


def _wrapped_quotation(block: list[RawLine]) -> bool:
    """An indented block of prose wrapped at a width (a quotation set in):
    three lines or more, each but the last 45 characters or longer and within
    16 of the longest, half of them or more stopping mid-sentence (verse
    and examples stop at their punctuation, or are short)."""
    if len(block) < 3:
        return False
    inner = block[:-1]
    longest = max(len(r.text) for r in inner)
    if any(len(r.text) < max(45, longest - 16) for r in inner):
        return False
    return sum(1 for r in inner if r.text[-1:].isalnum()) * 2 >= len(inner)


def _pre(block: list[RawLine], text_lines: list[str]) -> Line:
    """The lines of ``block`` as they stand (with the blank lines between its
    pieces), less their common indent."""
    rows = [row.rstrip() for row in text_lines[block[0].line - 1:block[-1].line]]
    base = min(len(row) - len(row.lstrip(" ")) for row in rows if row)
    first = block[0]
    return Line("\n".join(row[base:] for row in rows), first.line, first.indent,
                chapter=first.chapter, kicker=first.kicker, kind="code")


def _line(r: RawLine, text: str, kind: str = "") -> Line:
    kind = kind or (r.kind if r.kind in ("text", "question") else "")  # never a heading
    return Line(text, r.line, r.indent, chapter=r.chapter, kicker=r.kicker, kind=kind)


def strip_markup(text: str) -> str:
    """``_italic_`` and ``=bold=`` marks go; their words stay."""
    if "_" in text:
        text = _ITALIC.sub(r"\1", text)
    if "=" in text:
        text = _BOLD.sub(r"\1", text)
    return text


# ---- structuring -----------------------------------------------------------

def task_exercises(lesson: Lesson, report: Report) -> None:
    """An exercise that is one task in a paragraph or two (``EXERCISE II.``
    then "Which word in the following pairs...?"), with no numbered items,
    is a quiz of one question per paragraph, in its place among the others."""
    blocks = lesson.blocks
    found = False
    for i, block in enumerate(blocks):
        if not (isinstance(block, Heading) and block.role == "exercise"):
            continue
        end = next((j for j in range(i + 1, len(blocks))
                    if isinstance(blocks[j], Heading | ExerciseLink)), len(blocks))
        tasks = blocks[i + 1:end]
        if not tasks or len(tasks) > 3 or not all(isinstance(b, Paragraph) for b in tasks):
            continue
        quiz = Quiz(block.text, block.line)
        quiz.questions = [Question(b.text, b.line, kind=_task_kind(b.text)) for b in tasks]
        lesson.quizzes.append(quiz)
        blocks[i:end] = [ExerciseLink(quiz, block.line)] + [None] * (end - i - 1)
        found = True
    if found:
        blocks[:] = [b for b in blocks if b is not None]
        lesson.quizzes.sort(key=lambda quiz: quiz.line)


def _task_kind(text: str) -> QuestionKind:
    """A task about the learner's own experience or views is a reflection;
    any other is answerable from the lesson (no model answer is invented)."""
    return QuestionKind.REFLECTION if cues.REFLECTION_PROMPT.search(text) else QuestionKind.OPEN
