"""Files whose format already knows the structure: PDF, Word, web pages.

Each converter reads the file with a maintained library, uses what the
format knows (font sizes and positions, paragraph styles and list
numbering, HTML elements) and returns Markdown, which the Markdown family
then reads like any course Markdown: the same exercises, answer keys,
duplicate check, review list and rendering as for text.

``Converted.places`` names, for each line of that Markdown, where it came
from in the file ("page 3", "paragraph 12"), so that the review list and
warnings point into the file the author has.
"""

from __future__ import annotations

from build_course.importer.formats.converted import Converter


def converters() -> dict[str, tuple[str, Converter]]:
    """File suffix -> (family name, converter). The libraries load only when needed."""
    from build_course.importer.formats import docx, html, pdf

    return {".pdf": ("pdf-file", pdf.convert), ".docx": ("word-file", docx.convert),
            ".html": ("web-page-file", html.convert), ".htm": ("web-page-file", html.convert)}


SUFFIXES = (".pdf", ".docx", ".html", ".htm")
