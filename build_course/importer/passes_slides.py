"""Slides printed to PDF and extracted as text: each page a slide, opening
on its title (``Before you lift``) over its bullets or text. Titles in
sentence case read as no heading, and the join would glue one to the last
bullet of the page before; the evidence is the repetition: most pages open
so."""

from __future__ import annotations

import re

from build_course.diagnostics import Report
from build_course.importer.cleaning import RawLine
from build_course.importer.passes_pdf import pages_of

# A line that starts as a list item does ("• Lift", "2. Bend", "b) Gas"): no title.
_ITEM_START = re.compile(r"^(?:[•▪●◦\-*–]\s|\(?\d{1,3}[.)]\s|\(?[a-z][.)]\s)")
_MIN_SLIDES = 3
_SHARE = 0.6  # of the pages with two lines or more


def mark_slide_titles(raw: list[RawLine], report: Report) -> None:
    """Where the pages (split by form feeds) are slides, each page's first
    line is its title: a heading. Pages are slides when three or more, and
    most of them, open on a short line that ends no sentence and is no list
    item, over a list item or a longer line that does not go on in lower case."""
    if not any(r.form_feed for r in raw):
        return  # pages guessed from the text are too rough to count
    pages = [page for page in pages_of(raw) if len(page) >= 2]
    titled = [page[0] for page in pages if _opens_on_title(page)]
    if len(titled) < _MIN_SLIDES or len(titled) < _SHARE * len(pages):
        return
    for r in titled:
        if not r.kind:
            r.kind = "heading"
    report.note(titled[0].line, f"read as slides: {len(titled)} of {len(pages)} pages open on "
                "a title, each taken for a heading")


def _opens_on_title(page: list[RawLine]) -> bool:
    first, second = page[0], page[1]
    text = first.text
    return len(text) <= 60 and len(text.split()) <= 8 and (text[0].isupper() or text[0].isdigit()) \
        and not text.endswith((".", ",", ";", ":", "?", "!")) and not _ITEM_START.match(text) \
        and (bool(_ITEM_START.match(second.text)) or len(second.text) > len(text)) \
        and not second.text[:1].islower()  # "Example: If the participant" over "decided to"
