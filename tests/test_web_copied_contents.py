"""A web page copied from a browser (select all, paste): its own table of
contents without list marks, its feedback widget, its byline. The pages
here are written for these tests (a baking blog, a cycling club's guide)."""

from __future__ import annotations

from pathlib import Path

from build_course.importer.importing import import_text
from build_course.model import Heading, SourceText

_PAGE = """Skip to main content
Crumb & Co
Recipes
Classes
Log in
Recipes / Bread / Basics
Your First Sourdough Loaf
By Sam Reyes · Updated 4 May 2026 · 8 min read
{label}
Feeding the starter
Mixing the dough
Shaping and baking
Feeding the starter
Feed the starter with equal weights of flour and water the evening before you bake.
Mixing the dough
Mix the flour, water and starter until no dry flour is left, then rest the dough.
Shaping and baking
Shape the dough into a tight ball, let it rise, and bake it in a hot covered pot.
Was this article helpful?
Yes
No
"""


def _lesson(text: str):
    part = import_text(SourceText(Path("page.txt"), text, "utf-8"), "page.txt")
    assert len(part.lessons) == 1
    return part.lessons[0]


def _markdown_lines(lesson) -> list[str]:
    return [b.text for b in lesson.blocks if hasattr(b, "text")]


def test_a_copied_table_of_contents_goes_and_its_titles_stay_headings():
    lesson = _lesson(_PAGE.format(label="In this article"))
    assert lesson.title == "Your First Sourdough Loaf"
    headings = [b.text for b in lesson.blocks if isinstance(b, Heading)]
    assert headings == ["Feeding the starter", "Mixing the dough", "Shaping and baking"]
    texts = _markdown_lines(lesson)
    assert "In this article" not in texts
    assert texts.count("Feeding the starter") == 1
    assert not any("helpful" in t for t in texts)


def test_lines_that_repeat_side_by_side_are_no_contents():
    # a checklist given again for each ride of the week: each line stands
    # again later, in order, but in a list, never over a section's text
    items = ["Spare tube", "Tyre levers", "Mini pump"]
    days = ["Monday", "Wednesday", "Friday", "Sunday"]
    text = "Skip to main content\nLog in\nPacking for club rides\n" + "".join(
        f"Before the {day} ride, check that your saddle bag holds all of these things.\n"
        + "\n".join(items) + "\n" for day in days) + "That is all you need for a safe ride.\n"
    lesson = _lesson(text)
    rendered = "\n".join(item for b in lesson.blocks
                         for item in ([b.text] if hasattr(b, "text") else
                                      [i.text for i in getattr(b, "items", [])]))
    assert rendered.count("Tyre levers") == len(days)


_LYNX_SHORT = """   [1]Pond Club [2]Events [3]Sign in

                          Feeding Koi in Winter

   Koi eat less as the water cools. Below ten degrees, stop feeding them
   and let them rest near the bottom of the pond.

Signs of trouble

   A fish that stays at the surface in cold weather may be ill.

References

   1. https://pond.example/
   2. https://pond.example/events
   3. https://pond.example/login
"""

_W3M_SHORT = """Pond Club Events Shop Sign in

Feeding Koi in Winter

Koi eat less as the water cools. Below ten degrees, stop feeding them and let
them rest near the bottom of the pond.

Signs of trouble

A fish that stays at the surface in cold weather may be ill.

Related posts

  • Building a pond filter

2 Comments

Lovely koi! — Jo

© 2026 Pond Club. All rights reserved.
"""


def test_a_short_lynx_dump_is_told_by_its_references_list():
    lesson = _lesson(_LYNX_SHORT)
    assert lesson.title == "Feeding Koi in Winter"
    texts = _markdown_lines(lesson)
    assert not any("pond.example" in t or t == "References" for t in texts)


def test_a_short_w3m_dump_is_told_by_its_menu_and_its_furniture():
    lesson = _lesson(_W3M_SHORT)
    assert lesson.title == "Feeding Koi in Winter"
    texts = _markdown_lines(lesson)
    assert not any(t.startswith(("Pond Club", "Related posts", "2 Comments", "Lovely", "©"))
                   for t in texts)
