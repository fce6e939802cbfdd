"""Sources are read only through paths that lie in source/: a symbolic
link out of it is refused with a message, and a manifest entry must name
a source text (a known suffix), not any file."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from build_course.cli import main

REPO = Path(__file__).resolve().parents[1]
LESSON = "Greeting Customers\n\nSay hello to every customer who comes in, and smile.\n"
SECRET = "secret-token-of-the-build-machine\n"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "course"
    (root / "source").mkdir(parents=True)
    (root / "source" / "greeting.txt").write_text(LESSON, encoding="utf-8")
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    (tmp_path / "host").mkdir()
    (tmp_path / "host" / "secret.txt").write_text(SECRET, encoding="utf-8")
    (tmp_path / "host" / "secret").write_text(SECRET, encoding="utf-8")
    return root


def run(project: Path, capsys, *args: str) -> tuple[int, str]:
    code = main(["--project", str(project), *args])
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err
    return code, out.out + out.err


def published(root: Path) -> str:
    return "".join(p.read_text(encoding="utf-8", errors="replace")
                   for folder in ("docs", "site") if (root / folder).exists()
                   for p in (root / folder).rglob("*") if p.is_file())


def test_a_symlink_in_source_to_a_file_outside_is_refused(project, capsys):
    (project / "source" / "passwd.txt").symlink_to(project.parent / "host" / "secret.txt")
    assert main(["--project", str(project), "build"]) == 1
    err = capsys.readouterr().err
    assert "source/passwd.txt: a link to a file outside source/" in err
    assert "secret-token" not in published(project)
    assert main(["--project", str(project), "check"]) == 1


def test_a_listed_entry_through_a_linked_folder_outside_is_refused(project, capsys):
    (project / "source" / "root").symlink_to(project.parent / "host")
    (project / "source" / "course.yml").write_text(
        "title: T\nsources:\n  - file: root/secret.txt\n", encoding="utf-8")
    assert main(["--project", str(project), "build"]) == 1
    assert "source/course.yml:3: 'root/secret.txt' leads outside source/" \
        in capsys.readouterr().err
    assert "secret-token" not in published(project)


def test_a_listed_entry_without_a_source_suffix_is_refused(project, capsys):
    (project / "source" / "notes").write_text(LESSON, encoding="utf-8")
    (project / "source" / "course.yml").write_text(
        "title: T\nsources:\n  - file: notes\n", encoding="utf-8")
    assert main(["--project", str(project), "build"]) == 1
    assert "source/course.yml:3: 'notes' is not a source text" in capsys.readouterr().err


def test_a_listed_folder_is_called_a_folder_not_missing(project, capsys):
    (project / "source" / "chapter.txt").mkdir()
    (project / "source" / "course.yml").write_text(
        "title: T\nsources:\n  - file: chapter.txt\n", encoding="utf-8")
    assert main(["--project", str(project), "check"]) == 1
    assert "source/course.yml:3: 'chapter.txt' is a folder" in capsys.readouterr().out


def test_a_listed_fifo_is_called_not_a_regular_file(project, capsys):
    os.mkfifo(project / "source" / "pipe.txt")
    (project / "source" / "course.yml").write_text(
        "title: T\nsources:\n  - file: pipe.txt\n", encoding="utf-8")
    assert main(["--project", str(project), "check"]) == 1
    assert "source/course.yml:3: 'pipe.txt' is not a regular file" in capsys.readouterr().out


def test_a_symlink_inside_source_is_still_a_source(project, capsys):
    (project / "source" / "texts").mkdir()
    (project / "source" / "texts" / "welcome.txt").write_text(
        "Welcoming Visitors\n\nOffer every visitor a seat and a glass of water.\n",
        encoding="utf-8")
    (project / "source" / "welcome.txt").symlink_to(project / "source" / "texts" / "welcome.txt")
    assert main(["--project", str(project), "build", "--docs-only"]) == 0
    assert "glass of water" in published(project)


def test_a_page_in_docs_linked_to_a_file_outside_is_left_out_of_the_site(project, capsys):
    assert main(["--project", str(project), "build"]) == 0
    (project / "docs" / "leak.md").symlink_to(project.parent / "host" / "secret.txt")
    assert main(["--project", str(project), "build"]) == 0
    assert "secret-token" not in "".join(
        p.read_text(encoding="utf-8", errors="replace")
        for p in (project / "site").rglob("*") if p.is_file())


NFC, NFD = "caf\u00e9.txt", "cafe\u0301.txt"


def test_a_listed_name_spelled_in_another_unicode_form_finds_its_file(project, capsys):
    (project / "source" / NFD).write_text("Coffee Service\n\nServe the coffee hot, with a "
                                         "smile and a spoon.\n", encoding="utf-8")
    (project / "source" / "course.yml").write_text(f"title: T\nsources:\n  - file: {NFC}\n",
                                                   encoding="utf-8")
    code, text = run(project, capsys, "build", "--docs-only")
    assert code == 0, text
    assert "does not exist" not in text and "repeats" not in text
    published = "".join(p.read_text(encoding="utf-8").split("---\n", 2)[2]  # the page, not
                        for p in (project / "docs").rglob("*.md"))  # its meta description
    assert published.count("Serve the coffee hot") == 1


def test_two_files_whose_names_differ_only_in_unicode_form_are_an_error(project, capsys):
    for name in (NFC, NFD):
        (project / "source" / name).write_text(f"Coffee {len(name)}\n\nServe it hot, please, "
                                               "to every guest.\n", encoding="utf-8")
    code, text = run(project, capsys, "check")
    assert code == 1 and "looks the same as" in text and "rename one of the two files" in text
