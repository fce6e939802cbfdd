"""``check`` and ``build`` agree on what is an error, and a page's
headings stay few enough for MkDocs to build it in linear time."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from build_course.build.rendering import MAX_HEADINGS
from build_course.cli import main

REPO = Path(__file__).resolve().parents[1]


def make_project(tmp_path: Path, files: dict[str, str]) -> Path:
    root = tmp_path / "course"
    (root / "source").mkdir(parents=True)
    for name, text in files.items():
        (root / "source" / name).write_text(text, encoding="utf-8")
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    return root


UNMATCHED_ANSWER = """Lesson: Choosing Well

A few words on choosing the right thing for a customer in the shop.

Check for Understanding: Three Options

Duration: 5 minutes.

  1. Which of these is the right one?
    1. The first option here
    2. The second option here
    3. The third option here

Answers

  1. 28
"""


def test_a_quiz_whose_answer_names_no_option_is_a_warning_for_build_and_check(tmp_path, capsys):
    root = make_project(tmp_path, {"choosing.txt": UNMATCHED_ANSWER})
    assert main(["--project", str(root), "build", "--docs-only"]) == 0
    assert "matches none of the question's options" in capsys.readouterr().err
    assert main(["--project", str(root), "check"]) == 0
    out = capsys.readouterr().out
    assert "0 errors" in out and "matches none of the question's options" in out


def test_a_lesson_of_thousands_of_equal_headings_is_capped_with_a_warning(tmp_path, capsys):
    text = "Greeting Customers Warmly\n\n" + "Say Hello Now\n\n" * (MAX_HEADINGS + 200)
    root = make_project(tmp_path, {"same.txt": text})
    assert main(["--project", str(root), "build"]) == 0
    assert "from here on they are bold lines" in capsys.readouterr().err
    [page] = (root / "site" / "same").glob("*/index.html")
    ids = re.findall(r'<h2 id="([^"]+)"', page.read_text(encoding="utf-8"))
    assert len(ids) == MAX_HEADINGS and len(set(ids)) == len(ids)
    assert "say-hello-now_1" in ids
