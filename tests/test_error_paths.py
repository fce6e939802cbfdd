"""Error paths an author can reach: each says ``file:line: what is wrong;
how to fix it``, with the documented exit code and no traceback, and
``check`` calls an error what ``build`` refuses."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from build_course.cli import main

REPO = Path(__file__).resolve().parents[1]
LESSON = "Greeting Customers\n\nSay hello to every customer who comes in, and smile.\n"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "course"
    (root / "source").mkdir(parents=True)
    (root / "source" / "greeting.txt").write_text(LESSON, encoding="utf-8")
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    return root


def run(project: Path, capsys, *args: str) -> tuple[int, str]:
    code = main(["--project", str(project), *args])
    out = capsys.readouterr()
    text = out.out + out.err
    assert "Traceback" not in text
    return code, text


def test_docs_that_is_a_file_is_an_error_for_build_and_check(project, capsys):
    (project / "docs").write_text("not a folder", encoding="utf-8")
    code, text = run(project, capsys, "build")
    assert code == 1 and "docs: this is a file" in text and "move or delete" in text
    code, text = run(project, capsys, "check")
    assert code == 1 and "docs: this is a file" in text


def test_check_without_a_source_folder_is_a_usage_error_as_build_is(project, capsys):
    shutil.rmtree(project / "source")
    assert run(project, capsys, "build")[0] == 2
    code, text = run(project, capsys, "check")
    assert code == 2 and "there is no source/ folder" in text


def test_an_empty_front_matter_is_valid_not_unclosed(project, capsys):
    (project / "source" / "own.md").write_text("---\n---\n# Our Own Lesson\n\nText of ours.\n",
                                               encoding="utf-8")
    code, text = run(project, capsys, "build", "--docs-only")
    assert code == 0, text
    assert "Text of ours." in (project / "docs" / "own" / "our-own-lesson.md").read_text()


def test_a_front_matter_title_that_is_a_list_is_an_error_at_its_file(project, capsys):
    (project / "source" / "own.md").write_text("---\ntitle: [a, b]\n---\nText.\n",
                                               encoding="utf-8")
    code, text = run(project, capsys, "build", "--docs-only")
    assert code == 1 and "source/own.md:2: 'title' in the front matter must be a single value" \
        in text
