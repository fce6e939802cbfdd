"""Worksheets and workbooks: answer space, form fields, facilitator notes.

A worksheet is printed to be written on: lines of underscores or dots where
the learner writes (``______``, ``........``), a ``Name: ____ Date: ____``
header, notes for the facilitator only, and questions numbered by a word
processor whose numbering was lost on copying (every question ``1.``). On a
course site the answer space and the form fields are not content (they go,
summed up on the review list), the facilitator's notes are not for learners
(they go, each named on the review list), and a run of questions all
numbered 1 is numbered again, 1, 2, 3..., with a note. A blank inside a
sentence (``The capital is ____.``) is part of the question and stays.
"""

from __future__ import annotations

import re

from build_course.diagnostics import Report, Topic
from build_course.importer import cues
from build_course.importer.cleaning import RawLine
from build_course.importer.line_facts import LineFacts, open_ended
from build_course.importer.shapes import TERMINAL, looks_like_heading

_FILL_CHARS = "_.…-–—"
_FILL = re.compile(rf"^[\s{re.escape(_FILL_CHARS)}]*$")
_FILL_FIRST = re.compile(rf"[\s{re.escape(_FILL_CHARS)}]")  # what answer space starts with
_NUMBERED = re.compile(r"^(\d{1,3})([.)])(\s+)(?=\S)")
_FIELD_BLANK = re.compile(r"[_.…]{3}")  # every cues.FORM_FIELD match ends with one


def _fill_in(text: str) -> bool:
    """A line of answer space: only underscores, dots or dashes (five or more)."""
    first = text[:1]  # (most lines fail here, before the slower match)
    return len(text) >= 5 and (first in _FILL_CHARS or first.isspace()) \
        and _FILL.match(text) is not None and any(c in text for c in "_.…")


def _form_fields(text: str) -> bool:
    """``Name: ______ Date: ______``: labels from the form table, each with its blank."""
    if not ("_" in text or "…" in text or "..." in text) or not _FIELD_BLANK.search(text):
        return False  # no blank for a field (FORM_FIELD is slow to search, _FIELD_BLANK too)
    shaped = _LABELLED_BLANK.sub("", text) if len(_LABELLED_BLANK.findall(text)) >= 2 else text
    rest = cues.FORM_FIELD.sub("", shaped)
    return rest != text and not rest.strip(" _.…:|")


# A form's field by shape: a label of one to three words, a colon, its blank
# ("Unit code: ______"); two or more on one line are a form's row, however the
# form names them (one alone may be a blank to fill in: "Capital of France: ____").
_LABELLED_BLANK = re.compile(r"(?:^|(?<=\s))[A-Z][\w'’]*(?: [\w'’]+){0,2}\s*:\s*[_.…]{3,}")


def worksheet_evidence(raw: list[RawLine], facts: LineFacts | None = None) -> list[str]:
    """Why ``raw`` reads as a worksheet (empty: it does not): a ``Name:
    ____`` form header, or answer space under two or more questions (a
    numbered line or one that ends with "?"). A rule of underscores alone
    is no evidence: text dumps of web pages draw rules so."""
    facts = facts or LineFacts.of(raw)
    if _pages(raw, facts) >= 2:
        return []  # pages: a PDF's text
    copied = _word_copy_bullets(raw, facts)
    # (the lines that can be answer space, by their first character, are asked first)
    space = {k for k in facts.lines_starting(_FILL_FIRST) if _fill_in(facts.texts[k])}
    if copied < 3 and _extracted_from_pdf(facts, space):
        return []
    fields = [r for r in raw[:40] if _form_fields(r.text)]
    asked = sum(1 for k in space if k and k - 1 not in space
                and ((text := raw[k - 1].text).endswith("?") or _NUMBERED.match(text)))
    evidence = []
    if copied >= 3:  # a guide copied from Word: one line per paragraph, never hard-wrapped
        evidence.append(f"{copied} list items copied from Word ('·' or 'o' set off by its "
                        "tab stop)")
    if fields:
        evidence.append(f"a form header '{fields[0].text}' (line {fields[0].line})")
    if asked >= 2:
        evidence.append(f"answer space (____ or ....) under {asked} questions")
    return evidence


def _pages(raw: list[RawLine], facts: LineFacts) -> int:
    """Lines that start a page (after a form feed)."""
    if "\f" not in facts.firsts:  # (the usual text: no line starts with one)
        return sum(1 for r in raw if r.form_feed)
    return sum(1 for r in raw if r.form_feed or r.text.startswith("\f"))


def _word_copy_bullets(raw: list[RawLine], facts: LineFacts) -> int:
    """Lines that start with Word's list glyphs as a copy keeps them: ``·``
    (or ``o``, ``§`` under one) and the tab stop after it, two spaces or
    more (non-breaking ones, made spaces on reading)."""
    if "·" not in facts.firsts:
        return 0
    dots = sum(1 for r in raw if r.text[:2] == "· " and r.spaced.startswith("·  "))
    if not dots:
        return 0
    return dots + sum(1 for r in raw if r.text[:2] in ("o ", "§ ")
                      and r.spaced.startswith(f"{r.text[0]}  "))


def _extracted_from_pdf(facts: LineFacts, space: set[int]) -> bool:
    """Most long lines (answer ``space`` aside) stop mid-sentence: a PDF
    extraction, which the PDF family reads (its passes come first). (Page
    breaks, the other sign, were asked first.)"""
    if space:
        long_lines = [t for k, t in enumerate(facts.texts) if len(t) >= 40 and k not in space]
    else:
        long_lines = facts.long_lines
    return len(long_lines) >= 8 and open_ended(long_lines) >= 0.35 * len(long_lines)




def mark_blank_exercises(raw: list[RawLine], report: Report) -> None:
    """A heading without a cue word over two or more numbered questions,
    each with space to write in (answer-space lines under it, or a blank in
    or after its sentence), and hardly a numbered line without: the section
    is an exercise (``RawLine.kind`` "exercise"), and its answer-space lines
    go. Answer space may also be blank lines: two or more after each question,
    where the text leaves no such gaps elsewhere. Questions right under the
    text's first line (a worksheet with no heading of its own) make that
    line, the lesson's title, the exercise's heading too."""
    kept = [r for r in raw if r.keep]
    # each line's shape, asked once (the loop changes only lines it has passed):
    # numbered (a digit first), asking over answer space ("?" last), and such a
    # question with space to write in
    is_numbered = [r.text[:1].isdigit() and _NUMBERED.match(r.text) is not None for r in kept]
    asks = [r.text[-1:] == "?" and _asks_over_space(kept, k) for k, r in enumerate(kept)]
    questions = [k for k in range(len(kept)) if is_numbered[k] or asks[k]]
    if len(questions) < 2:
        return  # (quick) fewer than two questions
    wide = _blank_space(kept)
    spaced = {k for k in questions if _space_to_write(kept, k, wide)}
    if len(spaced) < 2:
        return  # fewer than two questions with space to write in
    head: RawLine | None = kept[0] if _title_head(kept[0]) else None
    space: list[RawLine] = []
    asked = numbered = 0
    for k, r in enumerate(kept):
        if asks[k]:
            r.kind = "question"  # never a heading, however it is cased
            asked += head is not None
            numbered += head is not None
        elif k > 0 and _section_heading(r, kept[k - 1]):
            _mark(head, asked, numbered, space, report)
            head, space, asked, numbered = r, [], 0, 0
        elif head is not None and _fill_in(r.text):
            space.append(r)
        elif head is not None and is_numbered[k]:
            numbered += 1
            if k in spaced:
                asked += 1
                space.append(r)  # its answer space at the end of the line goes too
    _mark(head, asked, numbered, space, report)


def _asks_over_space(kept: list[RawLine], k: int) -> bool:
    """An unnumbered line that asks ("?"), with answer space right under it:
    a question to write the answer to (``What is a delta?`` over ``______``)."""
    return kept[k].text.endswith("?") and not kept[k].kind and k + 1 < len(kept) \
        and _fill_in(kept[k + 1].text)


def _space_to_write(kept: list[RawLine], k: int, wide: frozenset[int] = frozenset()) -> bool:
    """A blank in or after the sentence of ``kept[k]``, choices to circle after
    it (``T / F``), or answer space under it."""
    text = kept[k].text
    return _has_blank(text) or k in wide \
        or (k + 1 < len(kept) and _fill_in(kept[k + 1].text)) \
        or ("/" in text and cues.CIRCLE_CHOICES.search(text) is not None)


def _blank_space(kept: list[RawLine]) -> frozenset[int]:
    """The numbered lines followed by two or more blank lines (ruled space
    to write in, printed blank), when two or more are and the text leaves
    such gaps hardly anywhere else (a text spaced so throughout is no
    evidence). The last line counts with the others: its gap is the end."""
    wide, elsewhere = set(), 0
    for k in range(len(kept) - 1):
        if kept[k + 1].line - kept[k].line >= 3:
            if _NUMBERED.match(kept[k].text):
                wide.add(k)
            else:
                elsewhere += 1
    if len(wide) < 2 or elsewhere * 2 > len(wide):
        return frozenset()
    if _NUMBERED.match(kept[-1].text):
        wide.add(len(kept) - 1)
    return frozenset(wide)


def _title_head(first: RawLine) -> bool:
    """The text's first line, when it can head the questions right under it."""
    return not _NUMBERED.match(first.text) and not _fill_in(first.text) \
        and (first.kind == "heading" or looks_like_heading(first.text))


def _has_blank(text: str) -> bool:
    """A blank to write in: four underscores, five dots or three ellipses in a row
    (substrings: much faster than searching a pattern)."""
    return "____" in text or "....." in text or "………" in text


def _section_heading(r: RawLine, before: RawLine) -> bool:
    """Marked a heading, or shaped like one (after any section number) after a
    blank line or a sentence's end."""
    if r.kind:
        return r.kind == "heading"
    if not (r.blank_before or before.text.endswith((".", "?", "!"))):
        return False
    text = r.text[m.end():] if r.text[:1].isdecimal() and (m := _SECTION_NUMBER.match(r.text)) \
        else r.text
    return not _fill_in(text) and not _NUMBERED.match(text) and looks_like_heading(text)


_SECTION_NUMBER = re.compile(r"^\d{1,2}(?:\.\d{1,2})+\.?\s+(?=\S)")  # "2.6 Let Us Sum Up"


def _mark(head: RawLine | None, asked: int, numbered: int, space: list[RawLine],
          report: Report) -> None:
    if head is None or asked < 2 or asked * 3 < numbered * 2:
        return
    for r in space:  # a question's answer space at its line's end goes
        if (m := _trailing_space(r.text)) and r.text[:m.start()].endswith(("?", ":", ".")):
            r.text = r.text[:m.start()]
    if not cues.EXERCISE_HEADING.match(head.text):  # else a cue word names it one already
        head.kind = "exercise"
        report.note(head.line, f"'{head.text}' read as an exercise: {asked} questions"
                    " under it, each with space to write the answer", topic=Topic.HEADING)
    for r in space:
        if _fill_in(r.text):
            r.keep = False
            report.dropped(r.line, "answer space", r.text[:40], routine=True)


def drop_form_fields(raw: list[RawLine], report: Report) -> None:
    """``Name: ______ Date: ______`` lines go (a printed form's, not content)."""
    for r in raw:
        if r.keep and _form_fields(r.text):
            r.keep = False
            report.dropped(r.line, "form field", r.text[:40])


def drop_answer_space(raw: list[RawLine], report: Report) -> None:
    """Lines of answer space and form-field lines go; so does the answer
    space that ends a short label (``a) Your pencil ..........``) or a question
    (``What is net pay? ..........``). A blank inside a sentence, or ending a
    longer one, is the question's and stays. The line after answer space
    starts a paragraph of its own, as after a blank line."""
    gap = False
    for r in raw:
        if not r.keep:
            continue
        r.blank_before = r.blank_before or gap
        gap = False
        if _fill_in(r.text) or _form_fields(r.text):
            r.keep, gap = False, True
            what = "answer space" if _fill_in(r.text) else "form field"
            report.dropped(r.line, what, r.text[:40], routine=what == "answer space")
        elif (m := _trailing_space(r.text)) and (
                len((before := r.text[:m.start()]).split()) <= 4
                or before.endswith(("?", ":", "."))):
            r.text = before  # a label's, or a question's, answer space


_TRAILING_SPACE = re.compile(r"\s*(?:_{5,}|(?:\\_){5,}|\.{5,}|…{3,})\s*$")  # (\_: Markdown's)


def _trailing_space(text: str) -> re.Match | None:
    """The answer space that ends ``text``, if any. (The search is slow: only
    a line that holds such space somewhere is searched.)"""
    if "_____" in text or "....." in text or "………" in text or "\\_" in text:
        return _TRAILING_SPACE.search(text)
    return None


def drop_facilitator_notes(raw: list[RawLine], report: Report) -> None:
    """``Facilitator use only`` (or ``Notes for the instructor:``) and what
    follows it up to the next heading; a note with its text on the same
    line (``Teacher's note: ...``) is that line only."""
    first = next((i for i, r in enumerate(raw) if r.keep), len(raw))
    i = first + 1  # the first line is the text's title ("Facilitator Guide: ...")
    while i < len(raw):
        r = raw[i]
        m = _facilitator_note(r.text) if r.keep else None
        if not m:
            i += 1
            continue
        end = i + 1
        if not r.text[m.end():].strip(" :.-–—)]"):
            while end < len(raw) and not _heading_after_note(raw[end]):
                end += 1
        gone = [x for x in raw[i:end] if x.keep]
        for x in gone:
            x.keep = False
        sample = "; ".join(f"'{x.text[:40]}'" for x in gone[:3])
        report.note(r.line, f"left out a note for the facilitator only: {len(gone)} lines "
                    f"(lines {gone[0].line}-{gone[-1].line}): {sample}",
                    "put it in an instructor page if learners should not see it",
                    topic=Topic.DROPPED)
        i = end


def _facilitator_note(text: str) -> re.Match | None:
    """``cues.FACILITATOR_NOTE``'s match, asked only of a line that starts as
    one can (a bracket, or a letter of "for", "notes" or a role's name)."""
    first = text[:1]
    return cues.FACILITATOR_NOTE.match(text) if first in _NOTE_FIRST or first.isspace() else None


# (the letters that match those of "[(fitlaen" ignoring case, with the two dotted i's)
_NOTE_FIRST = frozenset("[(AEFILNTaefilntİı")


def _heading_after_note(r: RawLine) -> bool:
    text = r.text
    return r.keep and (looks_like_heading(text) or text.isupper()
                       or bool(cues.EXERCISE_HEADING.match(text))
                       or _sentence_case_heading(r)) \
        and not cues.FACILITATOR_NOTE.match(text)


def _sentence_case_heading(r: RawLine) -> bool:
    """``Learner declaration`` after a blank line: a short capitalised line
    that ends no sentence, as Word's headings copy."""
    return r.blank_before and r.text[:1].isupper() and len(r.text.split()) <= 5 \
        and not r.text.endswith(TERMINAL)


def renumber_lost_numbering(raw: list[RawLine], report: Report) -> None:
    """Three or more numbered lines in a row (answer space between them
    does not count) all numbered 1: the word processor's numbering was
    lost. They are numbered 1, 2, 3... again."""
    run: list[RawLine] = []
    for r in [r for r in raw if r.keep] + [None]:
        m = _NUMBERED.match(r.text) if r is not None else None
        if m and (r.indent == (run[0].indent if run else r.indent)):
            run.append(r)
            continue
        if len(run) >= 3 and all(_NUMBERED.match(x.text).group(1) == "1" for x in run):
            for n, x in enumerate(run, start=1):
                x.text = _NUMBERED.sub(lambda k, n=n: f"{n}{k.group(2)}{k.group(3)}", x.text, 1)
            report.note(run[0].line, f"{len(run)} questions were all numbered 1 (a word "
                        "processor's numbering lost on copying): numbered 1 to "
                        f"{len(run)} again", topic=Topic.OTHER)
        run = [r] if m else []


_WORD_BULLET = re.compile(r"^(·|o)\s+\S")
_WORD_GLYPHS = frozenset("·o")  # (what _WORD_BULLET starts with: asked first)
_SECTION_BULLET = re.compile(r"^§\s+(?=[^\W\d])")


def word_bullets(raw: list[RawLine], report: Report) -> None:
    """A list copied from a word processor keeps its glyphs: ``·`` (level 1),
    ``o`` (level 2; with its tab stop, before a capital or not) and ``§``
    (level 3, from a symbol font). Where the text
    has two or more ``·``/``o`` items, a ``§`` before a word is the third
    level's glyph, not a section sign (``§ 3`` stays as it is)."""
    _symbol_font_bullets(raw)
    glyphs = [r for r in raw
              if r.text[:1] in _WORD_GLYPHS and r.keep and _WORD_BULLET.match(r.text)]
    if len(glyphs) < 2:
        return
    deepest = max(r.indent for r in glyphs)
    dots = [r.indent for r in glyphs if r.text.startswith("·")]
    for r in raw:
        if dots and r.keep and r.text.startswith("o ") and r.spaced.startswith("o  "):
            # the second level's "o", set off by the word processor's tab
            # stop (two spaces or more): a glyph whatever case follows it
            r.text, r.indent = "◦ " + r.text[2:], max(r.indent, max(dots) + 1)
        elif r.keep and r.text.startswith("§") and (m := _SECTION_BULLET.match(r.text)):
            # a bullet glyph one level below "o": deeper than any "·" or "o" item
            r.text, r.indent = "▪ " + r.text[m.end():], max(r.indent, deepest + 2)


# Bullets from a symbol font (Wingdings) that a copy turned into the Latin-1
# letter of the same code: "Ø" (an arrow, U+F0D8), "ü" (a tick, U+F0FC).
_SYMBOL_BULLET = re.compile(r"^([Øü])\s+(?=[^\W\d_])")


def _symbol_font_bullets(raw: list[RawLine]) -> None:
    """Two or more lines that start with the same such letter and a space
    are items: the letter becomes a bullet glyph."""
    found = [(r, m) for r in raw if r.keep and r.text[:1] in "Øü"
             and (m := _SYMBOL_BULLET.match(r.text))]
    for glyph in {m.group(1) for _, m in found}:
        items = [(r, m) for r, m in found if m.group(1) == glyph]
        if len(items) >= 2:
            for r, m in items:
                r.text = "• " + r.text[m.end():]


# ---- the same, for a Word document's paragraphs (formats.docx) -----------

def answer_space(text: str) -> bool:
    """A paragraph that is only space to write in (``______``, ``......``)."""
    return _fill_in(text.strip())


def without_answer_space(text: str) -> str:
    """``text`` without the answer space that ends a question or a label
    (``What is net pay? ......``); a blank inside a sentence stays."""
    text = text.strip()
    m = _trailing_space(text)
    if m and (len((before := text[:m.start()]).split()) <= 4 or before.endswith(("?", ":", "."))):
        return before
    return text


def form_fields(text: str) -> bool:
    """A paragraph (or a table cell) of form fields: ``Name: ____  Date: ____``."""
    return _form_fields(text.strip())


def facilitator_label(text: str) -> str:
    """"block" for a note for the facilitator that heads what follows
    (``Facilitator notes``), "line" for one with its text on the line
    (``Teacher's note: ...``), "" for anything else."""
    m = cues.FACILITATOR_NOTE.match(text.strip())
    if not m:
        return ""
    return "line" if text.strip()[m.end():].strip(" :.-–—)]") else "block"



_CELL_GAP = re.compile(r"\S(?:\s{3,}|\t)\S")


def mark_column_rows(raw: list[RawLine], report: Report) -> None:
    """Two lines or more in a row set out in columns (``Hub      A. Network
    layer``: a table, a matching exercise's two lists side by side) are
    rows, never headings."""
    if not any(r.spaced for r in raw):
        return  # (quick) no line was set out with runs of spaces
    run: list[RawLine] = []
    for r in [*raw, None]:
        row = r is not None and r.keep and bool(r.spaced) \
            and _CELL_GAP.search(r.spaced.strip()) is not None
        if not row or r.blank_before:  # a blank line ends a table
            _as_rows(run)
            run = []
        if row:
            run.append(r)


def _as_rows(run: list[RawLine]) -> None:
    if len(run) >= 2:
        for r in run:
            r.kind = r.kind or "text"
