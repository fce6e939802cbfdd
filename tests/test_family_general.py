"""Texts of every family that the corpus does not hold: shapes made by real
tools (w3m, lynx, pdftotext, pypdf) from pages and handouts written for these
tests (bookkeeping, first aid, gardening, spreadsheets, lab safety)."""

from __future__ import annotations

from pathlib import Path

from build_course.importer.cleaning import raw_lines
from build_course.importer.families import detect_family
from build_course.importer.importing import import_text
from build_course.model import SourceText


def _part(text: str, name: str = "page.txt"):
    return import_text(SourceText(Path(name), text, "utf-8"), name)


# w3m draws a search box as a wide empty field glued to its button, and
# prints a breadcrumb with bare '>' between the links; no lynx markers.
W3M_BOOKKEEPING = """\
We use cookies to improve your experience. Accept all Manage preferences
LedgerSite

  • Courses
  • Blog
  • Sign in

[                    ]Search
Home > Courses > Accounting basics > Lesson 3

Lesson 3: Recording a sale

By Ann Clerk · Updated 4 June 2024 · 6 min read

A sale on credit raises what customers owe the business and raises its
income at the same time; no cash moves until the customer pays the invoice
at the end of the month, when the debt is cleared again.

Debits and credits

The receivable account is debited and the sales account credited with the
invoice total, so that the two sides of the journal entry stay equal.
"""


def test_a_w3m_dump_with_a_search_field_and_a_bare_breadcrumb_is_a_web_page():
    found = detect_family(raw_lines(W3M_BOOKKEEPING))
    assert found.family.name == "web"


def test_a_byline_under_the_title_is_neither_the_title_nor_kept():
    part = _part(W3M_BOOKKEEPING)
    lesson = part.lessons[0]
    assert lesson.title.endswith("Recording a sale")
    assert "Ann Clerk" not in repr(lesson.blocks)
    assert [s.title for s in lesson.sections] == ["Debits and credits"]


def test_a_sentence_starting_with_by_is_no_byline():
    text = W3M_BOOKKEEPING.replace(
        "By Ann Clerk · Updated 4 June 2024 · 6 min read",
        "By the end of 2024 every invoice must be sent electronically.")
    assert "every invoice must be sent" in repr(_part(text).lessons[0].blocks)
