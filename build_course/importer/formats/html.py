"""Web pages (.html): the main content only (trafilatura), as Markdown.

trafilatura finds the page's main content and leaves out navigation,
cookie notices, share buttons, advertisements and comments; headings,
lists (numbered ones keep their numbers), tables, bold and italic come from
the HTML itself. A page that only redirects elsewhere is an error.
"""

from __future__ import annotations

import re

from build_course.diagnostics import CourseError
from build_course.importer import cues
from build_course.importer.formats.converted import Converted

_REFRESH = re.compile(rb"<meta[^>]+http-equiv=[\"']?refresh[\"']?[^>]*>", re.I)
_TARGET = re.compile(rb"url\s*=\s*['\"]?([^'\">\s]+)", re.I)
_NESTED = re.compile(r"^( +)(?=(?:[-*+]|\d{1,3}[.)]) )", re.M)
_HEADING_LINE = re.compile(r"^#{1,6} .*\]$", re.M)


def _without_edit_link(m: re.Match) -> str:
    """``## Uses[edit]``: a wiki's link to edit the section is no part of its heading."""
    heading = m.group(0)
    if not cues.EDIT_LINK.search(heading.replace("\\[", "[").replace("\\]", "]")):
        return heading
    # (the converter escapes the brackets: "Uses\\[edit\\]")
    return heading[:heading.rfind("\\[" if heading.endswith("\\]") else "[")].rstrip()


def convert(data: bytes, name: str) -> Converted:
    """The Markdown of a saved web page's main content."""
    import trafilatura

    html = data.decode("utf-8", errors="replace")
    markdown = trafilatura.extract(html, output_format="markdown", include_formatting=True,
                                   include_tables=True, include_links=False,
                                   include_comments=False, include_images=False,
                                   favor_recall=True)
    if not markdown or not markdown.strip():
        if (m := _REFRESH.search(data)) and (target := _TARGET.search(m.group(0))):
            where = target.group(1).decode("utf-8", "replace")
            raise CourseError(name, 0, f"this page only redirects to {where}",
                              "save the page it leads to and put that in source/")
        raise CourseError(name, 0, "no main text was found in this web page",
                          "save the page with its text (not only its frame or scripts)")
    markdown = _NESTED.sub(lambda m: m.group(1) * 2, markdown)  # nested lists: 4 spaces a level
    markdown = _HEADING_LINE.sub(_without_edit_link, markdown)
    if not markdown.lstrip().startswith("# "):
        meta = trafilatura.extract_metadata(html)
        if meta is not None and meta.title:
            markdown = f"# {meta.title}\n\n{markdown}"
    lines = markdown.count("\n") + 1
    return Converted(markdown.rstrip() + "\n", ["the page's main content, found by trafilatura "
                                                 "(navigation, notices and comments left out)"],
                     [f"line {n}" for n in range(1, lines + 1)])
