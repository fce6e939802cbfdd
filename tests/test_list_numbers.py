"""A numbered list keeps the number it starts from: a procedure the source
takes up again at step 4 after a note is published from 4, on the site
(either engine) and in the handout; numbers that skip or repeat are numbered
on from the first and put on the review list."""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from build_course.build.rendering import render_blocks
from build_course.cli import main
from build_course.importer.importing import import_text
from build_course.model import ListBlock, SourceText
from build_course.publish.site_config import author_settings, course_additions

needs_zensical = pytest.mark.skipif(importlib.util.find_spec("zensical") is None,
                                    reason="zensical is not installed")
ENGINES = ["mkdocs", pytest.param("zensical", marks=needs_zensical)]

TILL = """Opening the Shop

Before the shop opens, the first person in sets up the till and the floor.

1. Switch on the till and wait for the green light.
2. Enter your staff code.
3. Count the float in the drawer.

Note: if the float is short, call the supervisor before going on.

4. Print the opening slip.
5. File the slip in the blue folder.
6. Unlock the front door.

Closing is the same in reverse.
"""

# An author's own page: a numbered list, then a bulleted one
AUTHORS_PAGE = """---
title: Keys
---

# Keys

1. Take the key from the hook.
2. Sign the key book.

- The spare key stays in the safe.
- Nobody takes it home.
"""

PAGE = "till/opening-the-shop/index.html"


def project(tmp_path: Path, text: str = TILL) -> Path:
    (tmp_path / "source").mkdir()
    (tmp_path / "source/till.txt").write_text(text, encoding="utf-8")
    (tmp_path / "source/course.yml").write_text(
        "title: Shop Basics\nsources:\n  - file: till.txt\n    title: Opening the Shop\n",
        encoding="utf-8")
    return tmp_path


def build(folder: Path, engine: str = "mkdocs") -> None:
    assert main(["--project", str(folder), "build", "--jobs", "1", "--engine", engine]) == 0


def lists(html: str) -> list[tuple[str, list[str]]]:
    """(opening tag, item texts) of each list in a page's content."""
    content = html[html.index('<article class="md-content__inner'):]
    found = re.findall(r"(<[ou]l[^>]*>)(.*?)</[ou]l>", content, re.S)
    return [(tag, [re.sub(r"<[^>]+>", "", li).strip()
                   for li in re.findall(r"<li>(.*?)</li>", body, re.S)]) for tag, body in found]


def test_the_page_keeps_the_source_numbers():
    part = import_text(SourceText(Path("till.txt"), TILL, "utf-8"), "till.txt")
    blocks = [b for b in part.lessons[0].blocks if isinstance(b, ListBlock)]
    assert [[item.number for item in b.items] for b in blocks] == [[1, 2, 3], [4, 5, 6]]
    assert not [d for d in part.diagnostics if "numbered" in d.message]


@pytest.mark.parametrize("engine", ENGINES)
def test_a_list_taken_up_again_after_a_note_starts_at_its_own_number(tmp_path, engine):
    folder = project(tmp_path)
    build(folder, engine)
    markdown = next((folder / "docs/till").glob("*.md")).read_text(encoding="utf-8")
    assert "\n4. Print the opening slip.\n5. File the slip" in markdown
    html = (folder / "site" / PAGE).read_text(encoding="utf-8")
    assert lists(html) == [
        ("<ol>", ["Switch on the till and wait for the green light.", "Enter your staff code.",
                  "Count the float in the drawer."]),
        ('<ol start="4">', ["Print the opening slip.", "File the slip in the blue folder.",
                            "Unlock the front door."])]


@pytest.mark.parametrize("engine", ENGINES)
def test_an_older_mkdocs_yml_without_sane_lists_still_keeps_the_start(tmp_path, engine):
    """A project made before the starter listed ``sane_lists``: the course
    plugin (MkDocs) or the generated configuration (Zensical) adds it; the
    author's mkdocs.yml stays as it was."""
    folder = project(tmp_path)
    build(folder)
    config = folder / "mkdocs.yml"
    config.write_text(re.sub(r"\n  - sane_lists[^\n]*", "", config.read_text("utf-8")), "utf-8")
    before = config.read_text("utf-8")
    assert "sane_lists" not in before
    build(folder, engine)
    assert config.read_text("utf-8") == before
    assert '<ol start="4">' in (folder / "site" / PAGE).read_text(encoding="utf-8")


@needs_zensical
def test_zensical_with_no_markdown_extensions_keeps_its_own_and_the_start(tmp_path):
    """Naming any extension replaces Zensical's defaults: they are named too."""
    folder = project(tmp_path)
    build(folder)
    config = folder / "mkdocs.yml"
    settings = yaml.safe_load(config.read_text("utf-8"))
    del settings["markdown_extensions"]
    config.write_text(yaml.safe_dump(settings), encoding="utf-8")
    (folder / "docs/keys.md").write_text(AUTHORS_PAGE + "\n!!! note\n\n    Ring twice.\n",
                                         encoding="utf-8")
    build(folder, "zensical")
    assert '<ol start="4">' in (folder / "site" / PAGE).read_text(encoding="utf-8")
    assert 'class="admonition note"' in (folder / "site/keys/index.html").read_text("utf-8")


def test_the_extension_is_added_only_where_mkdocs_yml_lacks_it(tmp_path):
    config = tmp_path / "mkdocs.yml"
    for given, added in [("markdown_extensions:\n  - toc:\n      permalink: true\n",
                          ["sane_lists"]),
                         ("markdown_extensions:\n  toc: {}\n", {"sane_lists": {}}),
                         ("markdown_extensions:\n  - sane_lists\n", None),
                         ("markdown_extensions:\n  sane_lists: {}\n", None)]:
        config.write_text(f"site_name: S\n{given}", encoding="utf-8")
        extensions = course_additions(author_settings(config), tmp_path).get(
            "markdown_extensions")
        assert extensions == added, given


@pytest.mark.parametrize("engine", ENGINES)
def test_an_authors_numbered_then_bulleted_lists_stay_two_lists(tmp_path, engine):
    """Without ``sane_lists`` Python-Markdown made the bullets items 3 and 4
    of the numbered list."""
    folder = project(tmp_path)
    build(folder)
    (folder / "docs/keys.md").write_text(AUTHORS_PAGE, encoding="utf-8")
    build(folder, engine)
    html = (folder / "site/keys/index.html").read_text(encoding="utf-8")
    assert lists(html) == [
        ("<ol>", ["Take the key from the hook.", "Sign the key book."]),
        ("<ul>", ["The spare key stays in the safe.", "Nobody takes it home."])]


def test_numbers_that_skip_or_repeat_run_on_from_the_first_and_are_noted(tmp_path):
    text = TILL.replace("3. Count", "2. Count") \
        .replace("5. File", "7. File").replace("6. Unlock", "8. Unlock")
    folder = project(tmp_path, text)
    build(folder)
    markdown = next((folder / "docs/till").glob("*.md")).read_text(encoding="utf-8")
    assert re.findall(r"^(\d+)\. ", markdown, re.M) == ["1", "2", "3", "4", "5", "6"]
    part = import_text(SourceText(Path("till.txt"), text, "utf-8"), "till.txt")
    notes = [d.format() for d in part.diagnostics if "numbered" in d.message]
    assert notes == [
        "till.txt:7: the numbered list's items are numbered 1, 2, 2 in the source; published "
        "numbered on from its first (1 to 3); check the source for a step left out, repeated "
        "or out of order",
        "till.txt:12: the numbered list's items are numbered 4, 7, 8 in the source; published "
        "numbered on from its first (4 to 6); check the source for a step left out, repeated "
        "or out of order"]


def test_a_lettered_list_starts_at_1_as_before():
    """Its letters are numbers only for the importer; a first "i)" is more
    often Roman than the ninth letter, and "9." would mislead."""
    text = ("Keys and Locks\n\nThe shop has two kinds of lock.\n\n"
            "   i) The till drawer, which locks with the small key.\n"
            "   j) The front door, which locks with the long key.\n\nKeep both keys on you.\n")
    part = import_text(SourceText(Path("keys.txt"), text, "utf-8"), "keys.txt")
    [block] = [b for b in part.lessons[0].blocks if isinstance(b, ListBlock)]
    assert block.lettered and [item.number for item in block.items] == [9, 10]
    assert "\n1. The till drawer, which locks with the small key.\n2. The front door" \
        in render_blocks(part.lessons[0].blocks)


def test_markdowns_all_ones_are_a_way_of_writing_a_list_not_a_doubt(tmp_path, capsys):
    (tmp_path / "source").mkdir()
    (tmp_path / "source/keys.md").write_text(
        "# Keys\n\nHow to lend a key.\n\n1. Take it from the hook.\n1. Sign the book.\n"
        "1. Hand it over.\n", encoding="utf-8")
    assert main(["--project", str(tmp_path), "build", "--jobs", "1"]) == 0
    html = next((tmp_path / "site").rglob("keys/index.html")).read_text(encoding="utf-8")
    assert lists(html) == [("<ol>", ["Take it from the hook.", "Sign the book.",
                                     "Hand it over."])]
    capsys.readouterr()
    assert main(["--project", str(tmp_path), "check"]) == 0
    assert "numbered" not in capsys.readouterr().out


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="pdftotext is not installed")
def test_the_handout_prints_the_list_from_its_own_number(tmp_path):
    folder = project(tmp_path)
    assert main(["--project", str(folder), "handout"]) == 0
    text = subprocess.run(["pdftotext", "-layout", str(folder / "dist/handout/shop-basics.pdf"),
                           "-"], capture_output=True, text=True, check=True).stdout
    steps = re.findall(r"^\s*(\d+)\. (Switch|Enter|Count|Print|File|Unlock)", text, re.M)
    assert steps == [("1", "Switch"), ("2", "Enter"), ("3", "Count"), ("4", "Print"),
                     ("5", "File"), ("6", "Unlock")]
