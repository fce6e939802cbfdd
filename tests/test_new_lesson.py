"""``build-course new`` edits the manifest as a round-trip: every comment
and the order of the keys stay; a bad title or a broken manifest stops it
before anything is written."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from build_course.cli import main

MANIFEST = """\
# Our course: these comments are the team's notes.
title: "Serving Customers"   # the title shown on every page
sources:
  # the basics come first
  - file: basics.txt
    title: Basics  # keep this title
description: >-
  A short course on serving
  customers well.
site_url: https://intranet.example/cs/   # where it is served
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "source").mkdir()
    (tmp_path / "source" / "course.yml").write_text(MANIFEST, encoding="utf-8")
    (tmp_path / "source" / "basics.txt").write_text("Basics\n\nSmile at people.\n")
    return tmp_path


def test_new_keeps_every_comment_and_the_key_order_when_sources_is_not_last(project):
    assert main(["--project", str(project), "new", "Handling Phone Complaints"]) == 0
    text = (project / "source" / "course.yml").read_text(encoding="utf-8")
    for line in MANIFEST.splitlines():
        assert line in text
    data = yaml.safe_load(text)
    assert list(data) == ["title", "sources", "description", "site_url"]
    assert data["sources"][-1] == {"file": "handling-phone-complaints.md",
                                   "title": "Handling Phone Complaints"}


@pytest.mark.parametrize("title", ["", "   ", "\x07"])
def test_new_with_an_empty_title_is_a_usage_error_and_writes_nothing(project, title, capsys):
    assert main(["--project", str(project), "new", title]) == 2
    assert "cannot be a lesson's title" in capsys.readouterr().err
    assert not list((project / "source").glob("*.md"))
    assert (project / "source" / "course.yml").read_text(encoding="utf-8") == MANIFEST


def test_new_with_a_broken_manifest_says_where_and_writes_no_lesson(project, capsys):
    (project / "source" / "course.yml").write_text("title: [unclosed\n", encoding="utf-8")
    assert main(["--project", str(project), "new", "Greeting Walk-In Customers"]) == 1
    assert "source/course.yml:2: bad YAML" in capsys.readouterr().err
    assert not list((project / "source").glob("*.md"))
