"""Error paths an author can reach: each says ``file:line: what is wrong;
how to fix it``, with the documented exit code and no traceback, and
``check`` calls an error what ``build`` refuses."""

from __future__ import annotations

import os
import resource
import shutil
import signal
import subprocess
import sys
import time
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


def test_mkdocs_yml_that_is_a_folder_is_a_message_not_a_traceback(project, capsys):
    (project / "mkdocs.yml").unlink()
    (project / "mkdocs.yml").mkdir()
    code, text = run(project, capsys, "build")
    assert code == 1 and "mkdocs.yml: is a directory; a folder stands where a file belongs" in text


def test_package_output_that_is_a_file_is_a_message_not_a_traceback(project, capsys):
    (project / "taken").write_text("a file", encoding="utf-8")
    code, text = run(project, capsys, "package", "--output", str(project / "taken"))
    assert code == 1 and "taken: file exists;" in text


@pytest.mark.parametrize("port", ["70000", "0", "http"])
def test_serve_on_an_invalid_port_is_a_usage_error(project, capsys, port):
    with pytest.raises(SystemExit) as stop:
        main(["--project", str(project), "serve", "--port", port])
    assert stop.value.code == 2
    assert "is not a port" in capsys.readouterr().err


def test_inspect_of_a_device_or_a_fifo_is_refused_not_read_for_ever(tmp_path, capsys):
    os.mkfifo(tmp_path / "pipe.txt")
    for path in ("/dev/zero", str(tmp_path / "pipe.txt")):
        assert main(["inspect", path]) == 2
        assert "not a regular file or folder" in capsys.readouterr().err


def test_a_file_size_limit_during_the_build_is_a_message_not_a_traceback(project):
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (4000, 4000))

    done = subprocess.run([sys.executable, "-m", "build_course", "--project", str(project),
                           "build"], preexec_fn=limit, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "file too large; a file grew past the size this system allows" in done.stderr


def test_ctrl_c_at_any_moment_of_start_up_prints_no_traceback(project):
    # Python's own start-up, before any of the tool's code runs, is not the
    # tool's to guard: the delays count from the time the interpreter takes
    # to reach the package now (it grows on a busy machine).
    began = time.monotonic()
    subprocess.run([sys.executable, "-c", "import build_course"], check=True)
    python_start = time.monotonic() - began
    for delay in (0.1, 0.4, 0.9):
        process = subprocess.Popen([sys.executable, "-m", "build_course", "--project",
                                    str(project), "build", "--docs-only"],
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(python_start + delay)  # somewhere in the tool's start-up
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=300)
        assert "Traceback" not in err, err


def test_a_page_in_docs_that_is_not_utf8_is_an_error_for_check_and_build(project, capsys):
    assert run(project, capsys, "build", "--docs-only")[0] == 0
    (project / "docs" / "notes.md").write_bytes(b"---\ntitle: Notes\n---\ncaf\xe9 au lait\n")
    for command in ("check", "build"):
        code, text = run(project, capsys, command)
        assert code == 1 and "docs/notes.md:4: this page is not UTF-8 text" in text, command


def test_an_edited_page_with_broken_front_matter_stops_the_build(project, capsys):
    assert run(project, capsys, "build", "--docs-only")[0] == 0
    page = next((project / "docs").glob("*/*.md"))
    page.write_text("---\ntitle: [Greeting\n---\nEdited text.\n", encoding="utf-8")
    code, text = run(project, capsys, "build")
    assert code == 1 and "bad YAML in the front matter" in text
    assert not (project / "site").exists()


def test_force_with_a_page_the_build_does_not_make_is_a_usage_error(project, capsys):
    code, text = run(project, capsys, "build", "--docs-only", "--force", "greeting/nothing.md")
    assert code == 2 and "--force: this build makes no page greeting/nothing.md" in text
    code, text = run(project, capsys, "build", "--docs-only", "--force",
                     "docs/greeting/greeting-customers.md")
    assert code == 0, text


def test_a_mkdocs_configuration_error_is_said_not_swallowed(project, capsys):
    (project / "mkdocs.yml").write_text("site_name: Course\nnav: 5\n", encoding="utf-8")
    code, text = run(project, capsys, "build")
    assert code == 1
    assert "mkdocs.yml: MkDocs stopped: Config value 'nav': Expected nav to be a list" in text


def test_mkdocs_warnings_are_printed_not_only_counted(project, capsys):
    assert run(project, capsys, "build")[0] == 0
    (project / "docs" / "extra.md").write_text("# Extra\n\n[a link](nowhere.md)\n",
                                               encoding="utf-8")
    code, text = run(project, capsys, "build")
    assert code == 0 and "warning:" in text and "nowhere.md" in text


def test_bullets_nested_hundreds_deep_build_and_keep_every_item(project, capsys):
    lines = ["Deep Lists", "", "The list below nests deeper at each line, on purpose.", ""]
    lines += ["    " * i + f"- item number {i} of the list" for i in range(260)]
    (project / "source" / "deep.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, text = run(project, capsys, "build")
    assert code == 0, text
    [page] = (project / "site" / "deep").glob("*/index.html")
    assert page.read_text(encoding="utf-8").count("item number") == 260


def test_a_deleted_record_does_not_turn_the_builds_own_pages_into_edits(project, capsys):
    assert run(project, capsys, "build", "--docs-only")[0] == 0
    (project / "docs" / ".build-course.json").unlink()
    (project / "source" / "greeting.txt").write_text(
        LESSON.replace("and smile", "and smile warmly"), encoding="utf-8")
    code, text = run(project, capsys, "build", "--docs-only")
    assert code == 0 and "your edit" not in text and "kept" not in text
    page = project / "docs" / "greeting" / "greeting-customers.md"
    assert "smile warmly" in page.read_text(encoding="utf-8")
    assert not page.with_name(page.name + ".new").exists()


def test_a_source_repeated_through_a_yaml_alias_is_reported_at_the_alias(project, capsys):
    (project / "source" / "course.yml").write_text(
        "title: T\nsources:\n  - &first\n    file: greeting.txt\n    title: Greeting\n"
        "  - *first\n", encoding="utf-8")
    code, text = run(project, capsys, "check")
    assert code == 1 and "source/course.yml:6: 'greeting.txt' is listed twice" in text


@pytest.mark.parametrize("record", ['[1, 2]', '{"pages": [], "nav": 5}',
                                    '{"pages": {"greeting/greeting-customers.md": 5}}', "{"])
def test_a_wrongly_shaped_build_record_is_no_record_not_a_traceback(project, capsys, record):
    assert run(project, capsys, "build", "--docs-only")[0] == 0
    (project / "docs" / ".build-course.json").write_text(record, encoding="utf-8")
    code, text = run(project, capsys, "build")
    assert code == 0, text
    assert (project / "site" / "index.html").is_file()
