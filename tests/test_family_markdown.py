"""The Markdown family on shapes found in other course tools' lesson files,
on small texts written for these tests (gardening, weather, pottery...)."""

from __future__ import annotations

from pathlib import Path

from build_course.diagnostics import review_list
from build_course.importer.importing import import_text
from build_course.model import SourceText


def _part(text: str, name: str = "t.txt"):
    return import_text(SourceText(Path(name), text, "utf-8"), name)


def test_a_short_page_that_opens_with_its_heading_is_markdown():
    text = ("# Further reading\n\n"
            "- [Growing tomatoes](https://example.org/tomatoes)\n"
            "- [Compost in small gardens](https://example.org/compost)\n"
            "- A seed catalogue from your local library\n")
    part = _part(text)
    assert part.family == "markdown"
    assert [lesson.title for lesson in part.lessons] == ["Further reading"]


def test_a_heading_later_in_a_plain_text_is_not_enough():
    text = ("Notes on clouds, written after the field trip.\n\n"
            "# 3 layers were seen\n\n"
            "See [the atlas](https://example.org/atlas) and [the glossary](https://example.org/g).\n")
    assert _part(text).family != "markdown"


def test_review_list_names_dropped_teacher_boxes_in_the_plural():
    text = ("# Pottery: glazing\n\n"
            "```{instructor-note}\nBring the kiln log.\n```\n\n"
            "Glaze is glass melted onto clay. Dip the pot for three seconds.\n\n"
            "```{instructor-note}\nShow a crawled glaze.\n```\n\n"
            "## Firing\n\nFire slowly to avoid cracks. Note the cone number.\n")
    messages = " ".join(d.message for d in review_list(_part(text).diagnostics))
    assert "dropped 2 lines as boxes for teachers" in messages
