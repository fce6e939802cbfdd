"""Families of raw text: what kind of mess a text is, found from evidence.

A tutorial comes as a PDF extraction, a web page dumped as text, a plain
text book, Markdown from another course tool, a worksheet... Each family
has its own artefacts, so each has its own cleaning passes. A family is
data: a name, a detector that returns the evidence it found (nothing when
the text is not of the family), and the list of passes to run. Adding a
family means writing its detector and listing its passes here, in
``FAMILIES`` (the first family whose detector finds evidence wins; ``plain``,
last, takes any text), plus tests on texts of that family.

``detect_family`` returns the family with its evidence, which ``inspect``
shows, so an author can see why a text was read the way it was.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from build_course.diagnostics import Report
from build_course.importer import cleaning as c
from build_course.importer import passes_book as book
from build_course.importer import passes_pdf as pdf
from build_course.importer import passes_qa as qa
from build_course.importer import passes_slides as slides
from build_course.importer import passes_web as web
from build_course.importer import passes_worksheet as worksheet
from build_course.importer.cleaning import Pass, RawLine
from build_course.importer.gift import gift_evidence, gift_lessons
from build_course.importer.html2text_family import detect_html2text, html2text_lessons
from build_course.importer.line_facts import LineFacts, open_ended
from build_course.importer.markdown_family import detect_markdown, markdown_lessons
from build_course.importer.pdf_columns import MIN_ROWS, column_starts, read_columns
from build_course.importer.shapes import TERMINAL
from build_course.importer.structuring import Step, build_lessons
from build_course.model import Lesson, Line

Detector = Callable[[list[RawLine], LineFacts], list[str]]
Joiner = Callable[[list[RawLine], list[str]], list[Line]]


@dataclass(frozen=True)
class Family:
    """A kind of raw text and how to clean it."""

    name: str
    """Short name, shown by ``inspect`` ("pdf", "plain", ...)."""
    summary: str
    """What texts of this family are, in a few words."""
    detect: Detector
    """The evidence that a text is of this family (given its raw lines and
    the facts about them that all detectors share); empty when it is not."""
    passes: Sequence[Pass]
    """The cleaning passes, in order (see ``cleaning``)."""
    wrapped: bool = False
    """Lines stop mid-sentence and are joined by length, case and
    punctuation; a lone leading space may be a bullet glyph lost in extraction."""
    lessons: Callable[[str, Report], list[Lesson]] | None = None
    """Replaces cleaning, segmenting and structuring: the family makes its
    lessons from the whole text (Markdown, which a parser reads)."""
    join: Joiner | None = None
    """The family's own way to join raw lines into logical lines (given the
    raw lines and the text's lines as they stand); None: the common join."""
    steps: Sequence[Step] = ()
    """Structuring steps of the family's own, run on each lesson (see
    ``structuring.build_lessons``)."""
    read: Callable[[str], list[RawLine] | None] | None = None
    """How the family reads the text's lines when they are not read one by
    one (None: as ``cleaning.raw_lines`` reads them)."""
    part_title: Callable[[list[RawLine]], tuple[str, str] | None] | None = None
    """The title that a text of several lessons gives itself, found in its
    raw lines after the passes (dropped lines included), and where it was
    found; None: the text names itself nowhere (the part is named after its
    file)."""


@dataclass(frozen=True)
class Detection:
    """The family of one text, and why."""

    family: Family
    evidence: list[str]


def _pdf_evidence(raw: list[RawLine], facts: LineFacts) -> list[str]:
    """PDF-style text: form feeds between pages, a converter's page markers,
    two columns side by side, most long lines stopping mid-sentence, or
    (pages joined without form feeds) a running header whose page number
    counts up."""
    pages = sum(1 for r in raw if r.page_start)
    found = [f"{pages} form feeds (page breaks)"] if pages >= 2 else []
    # (only the lines that start as a page marker can: most lines are not asked)
    starting = [raw[k] for k in facts.lines_starting("".join(pdf._MARKER_FIRST))]
    if (marks := len(pdf.page_markers(starting))) >= 2:
        found.append(f"{marks} page markers left by a converter ('--- Page 2 ---')")
    if not found and (columns := _side_by_side(raw)):
        found.append(f"two columns side by side on {columns} page(s) (pdftotext -layout)")
    wrapped = _hard_wrapped(facts.texts, facts.long_lines) or _goes_on_in_lower_case(raw)
    if not found and not wrapped and (headers := pdf.counted_headers(_glued_numbers(raw, facts))):
        found.append(f"{headers} running headers with page numbers that count up")
    if not found and wrapped and qa.qa_evidence(raw, facts):
        return []  # an FAQ typed at a fixed width: its lines are wrapped, not a PDF's
    return found + wrapped


_DIGIT = re.compile(r"\d")
_NUMBER_FIRST = re.compile(r"\d{1,4}\s")


def _glued_numbers(raw: list[RawLine], facts: LineFacts) -> list[RawLine]:
    """The lines that end with a digit or start with a number and a space, in
    order: the only ones that ``counted_headers`` can count (a header's page
    number is glued to one end: 'Title 12', '12 Title'; not '1. An item')."""
    ends = {*facts.lines_ending(_DIGIT),
            *(k for k in facts.lines_starting(_DIGIT) if _NUMBER_FIRST.match(facts.texts[k]))}
    return [raw[k] for k in sorted(ends)]


def _side_by_side(raw: list[RawLine]) -> int:
    """How many pages (split at form feeds, if any) print two columns on the
    same lines, as ``pdftotext -layout`` does (``pdf_columns.column_starts``:
    a fifth of a page's lines, five at least, start text at the same place
    after a run of spaces, the text on their left reaching close to it)."""
    spaced = [r.spaced for r in raw if r.spaced]
    if sum(s.count("  ") for s in spaced) < MIN_ROWS:
        # a column starts after a run of spaces on MIN_ROWS lines of a page at least
        return 0  # (and most texts have no such run, or a few)
    pages: list[list[str]] = [[]]
    for r in raw:
        if r.form_feed:
            pages.append([])
        pages[-1].append(" " * r.indent + (r.spaced.strip() if r.spaced else r.text))
    return sum(1 for rows in pages if len(column_starts(rows)) > 1)


_LIST_MARK = re.compile(r"^(?:[a-zA-Z]|\d{1,3}|[ivx]{1,4})[.)]\s")


def _hard_wrapped(texts: list[str], long_lines: list[str] | None = None) -> list[str]:
    """Most long lines stop mid-sentence near the text's width: they were
    wrapped there. (A line that stops without punctuation well short of the
    width, such as a term list's line or a quotation's attribution in a
    text of one-line paragraphs, is no sign of wrapping.) ``long_lines``:
    the texts of 40 characters or more, when they are known."""
    if long_lines is None:
        long_lines = [t for t in texts if len(t) >= 40]
    if len(long_lines) < 8:  # a page set in narrow columns: lines of 25 to 40 characters
        long_lines = [t for t in texts if len(t) >= 25 and t[:1].isalpha()
                      and not _LIST_MARK.match(t)]  # list items end without a stop
    if len(long_lines) < 8:
        return []
    width = sorted(map(len, long_lines))[int(len(long_lines) * 0.9)]
    share = open_ended([t for t in long_lines if len(t) >= 0.6 * width]) / len(long_lines)
    if share < 0.35:
        return []
    return [f"{share:.0%} of {len(long_lines)} long lines stop mid-sentence (hard-wrapped)"]


def _goes_on_in_lower_case(raw: list[RawLine]) -> list[str]:
    """Lines that stop mid-sentence and whose sentence goes on, in lower case,
    on the next line (no blank line between): a text wrapped at widths that
    vary (a short page, a leaflet in boxes: ``_hard_wrapped`` finds no one
    width). Three at least, and a quarter of the lines that could be (a text
    of one line per paragraph has next to none)."""
    could = went_on = 0
    for before, r in zip(raw, raw[1:]):
        if len(before.text) >= 25:
            could += 1
            if r.text[:1].islower() and not r.blank_before \
                    and not before.text.endswith(TERMINAL):
                went_on += 1
    if went_on < 3 or went_on * 4 < could:
        return []
    return [f"{went_on} of {could} lines stop mid-sentence and go on in lower case "
            "on the next (hard-wrapped)"]


def _anything(raw: list[RawLine], facts: LineFacts | None = None) -> list[str]:
    return ["no other family's evidence: lines are paragraphs, headings and list items"]


PDF = Family(
    "pdf", "text extracted from a PDF: hard-wrapped, with page furniture", _pdf_evidence,
    [c.drop_share_buttons, pdf.drop_converter_wrappers, pdf.mark_page_markers,
     pdf.mark_layout_pages, pdf.mend_bullet_glyphs, pdf.join_centred_headings,
     # pages: numbers, chapter markers, headers and footers (numbers again once they go)
     pdf.join_chapter_numbers, pdf.drop_echoed_headers,
     pdf.drop_page_numbers, c.find_chapter_markers, pdf.mark_chapter_pages,
     pdf.mark_opening_chapter,
     pdf.drop_page_furniture,
     pdf.drop_page_numbers, slides.mark_slide_titles,
     pdf.drop_guessed_headers, pdf.drop_paged_twice,
     pdf.drop_numbered_headers,
     pdf.drop_contents_leaders,  # (before the worksheet's: a leader is no space to write in)
     worksheet.mark_blank_exercises, worksheet.drop_form_fields,  # a worksheet printed
     pdf.drop_watermarks, pdf.join_drop_caps, pdf.mend_column_breaks,
     pdf.drop_continued_headings, pdf.drop_figure_labels, pdf.join_continuation_marks,
     # numbers and shapes that say what a line is
     pdf.join_split_numbers, pdf.mark_captions, pdf.mark_table_rows, pdf.mark_numbered_headings,
     pdf.mark_definition_lists, pdf.carry_chapters],
    wrapped=True, read=read_columns, part_title=pdf.part_title)
WEB = Family(
    "web", "a web page dumped or copied as text (lynx, w3m, a browser): page furniture, "
    "headings known only from layout", lambda raw, facts: _unpaged(web.detect(raw, facts), raw),
    [book.drop_licence,
     web.drop_link_references, web.unbox_label_tables, web.drop_icon_glyphs,
     web.drop_math_preamble, web.drop_chrome,
     web.drop_navigation, web.drop_comments, web.drop_unlisted_contents, web.mark_labels,
     web.mark_headings,
     web.drop_overview, web.drop_page_contents, web.drop_emptied_headings,
     web.mark_code,
     web.normalise_bullets, web.join_lines, book.title_from_licence])


def _unpaged(found: list[str], raw: list[RawLine]) -> list[str]:
    """A web page's evidence, unless form feeds split the text into pages: a
    PDF's extraction whose headers ('Handbook | Version 2') look like a
    navigation bar (a dump of a web page has no form feeds)."""
    return [] if found and sum(1 for r in raw if r.form_feed) >= 2 else found


_ATX_SHAPED = re.compile(r"^#{1,6} +\S")


def _markdown_evidence(raw: list[RawLine], facts: LineFacts) -> list[str]:
    """Markdown's evidence, unless it is only lines shaped as ATX headings,
    most of them going on with the next line (a comment over its code), in
    a text that html2text's headings or a web page's furniture show to be a dump."""
    found = detect_markdown(raw, facts)
    if found and all(" ATX headings " in e for e in found) and (
            _indented_headings(raw)
            or (_glued_headings(raw)
                and (detect_html2text(raw, facts) or web.detect(raw, facts)))):
        return []
    return found


def _indented_headings(raw: list[RawLine]) -> bool:
    """Every ``# ...`` line is indented: comments in code that a dump
    (w3m) indents, not headings, which Markdown writes at the margin."""
    return all(r.indent for r in raw if r.text[:1] == "#" and _ATX_SHAPED.match(r.text))


def _glued_headings(raw: list[RawLine]) -> bool:
    """Most ``# ...`` lines after a blank line have no blank line after them."""
    shaped = [k for k, r in enumerate(raw)
              if r.text[:1] == "#" and r.blank_before and _ATX_SHAPED.match(r.text)]
    glued = sum(1 for k in shaped if k + 1 < len(raw) and not raw[k + 1].blank_before)
    return glued * 2 > len(shaped)


MARKDOWN = Family(
    "markdown", "Markdown from another course tool (MyST, Carpentries, Jekyll, edX...)",
    _markdown_evidence, [], lessons=markdown_lessons)
HTML2TEXT = Family(
    "html2text", "a web page converted by html2text: starred headings, indented boxes and lists",
    lambda raw, facts: [] if book.licence_start(raw, facts) else detect_html2text(raw, facts),
    [], lessons=html2text_lessons)
PLAIN = Family("plain", "text with one line per paragraph (a web page copied as text)",
               _anything, [c.drop_share_buttons, worksheet.mark_column_rows,
                           worksheet.drop_facilitator_notes,
                           worksheet.mark_blank_exercises, worksheet.word_bullets,
                           c.mark_sentence_headings])

BOOK = Family(
    "book", "a plain-text book (Project Gutenberg and the like): wrapped at a fixed width, "
    "paragraphs between blank lines, chapters, a licence block", book.book_evidence,
    [book.drop_licence, book.drop_front_matter, book.drop_back_index,
     book.drop_notes_and_illustrations,
     book.find_chapters, book.split_run_in_headings, qa.strip_labels, qa.split_asked_blocks],
    join=book.join_book, steps=[qa.qa_self_check, book.task_exercises],
    part_title=book.part_title)

WORKSHEET = Family(
    "worksheet", "a worksheet or workbook: answer space to write on, a Name/Date header, "
    "notes for the facilitator", worksheet.worksheet_evidence,
    [c.drop_share_buttons, worksheet.mark_column_rows, worksheet.drop_facilitator_notes,
     worksheet.mark_blank_exercises, worksheet.drop_answer_space,
     worksheet.renumber_lost_numbering, worksheet.word_bullets, c.mark_sentence_headings])

def _join_qa(raw: list[RawLine], text_lines: list[str]) -> list[Line]:
    """An FAQ typed at a fixed width is joined as a book is (by blank-line
    blocks); one too short to show its width, without labels, as a PDF's
    text is (its lines stop mid-sentence); one of a line per paragraph, or
    labelled (``strip_labels`` marked its questions), as any such text."""
    kept = [r for r in raw if r.keep]
    if book.wrapped_at_width(kept):
        return book.join_book(raw, text_lines)
    wrapped = not any(r.kind == "question" for r in kept) \
        and bool(_hard_wrapped([r.text for r in kept]) or _goes_on_in_lower_case(kept))
    return c.join_lines(raw, wrapped=wrapped)


QA = Family(
    "qa", "questions each followed by its answer (a catechism, an FAQ)", qa.qa_evidence,
    [c.drop_share_buttons, qa.mark_underlined_headings, book.find_chapters, qa.strip_labels,
     qa.mark_topic_headings],
    steps=[qa.qa_self_check], join=_join_qa)

GIFT = Family("gift", "a Moodle GIFT quiz bank: questions with their answers in braces",
              gift_evidence, [], lessons=gift_lessons)

FAMILIES: list[Family] = [MARKDOWN, HTML2TEXT, GIFT, WEB, BOOK, WORKSHEET, PDF, QA, PLAIN]


def detect_family(raw: list[RawLine]) -> Detection:
    """The first family in ``FAMILIES`` that finds evidence in ``raw``."""
    facts = LineFacts.of(raw)
    for family in FAMILIES:
        if evidence := family.detect(raw, facts):
            return Detection(family, evidence)
    return Detection(PLAIN, _anything(raw))


def clean_text(text: str, report: Report) -> tuple[Detection, list[Line]]:
    """``text``'s family, and its logical lines cleaned by that family's passes."""
    raw = c.raw_lines(text)
    found = detect_family(raw)
    return found, _clean(raw, text, found.family, report)[1]


def _clean(raw: list[RawLine], text: str, family: Family, report: Report
           ) -> tuple[list[RawLine], list[Line]]:
    """The family's passes over its lines (read its way), then its own join
    (or the common one): the raw lines as the passes left them, and the lines."""
    if family.read and (reread := family.read(text)) is not None:
        raw = reread
    if family.join is None:
        return raw, c.clean(raw, family.passes, family.wrapped, report)
    for pass_ in family.passes:
        pass_(raw, report)
    return raw, family.join(raw, text.split("\n"))


def read_lessons(text: str, report: Report
                 ) -> tuple[Detection, list[Lesson], tuple[str, str] | None]:
    """``text``'s family, the lessons that family makes of it, and the title
    the text gives itself when it holds several lessons, with where it
    stands (None if it names itself nowhere)."""
    raw = c.raw_lines(text)
    found = detect_family(raw)
    if found.family.lessons is not None:
        return found, found.family.lessons(text, report), None
    raw, lines = _clean(raw, text, found.family, report)
    lessons = build_lessons(lines, report, found.family.steps)
    named = None
    if len(lessons) > 1 and found.family.part_title is not None:
        named = found.family.part_title(raw)
    return found, lessons, named
