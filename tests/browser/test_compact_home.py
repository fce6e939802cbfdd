"""A course of more than 25 parts has a compact home page (one line a part): each lesson
still shows its state there (not started, opened, done) and its quiz its score."""

from __future__ import annotations

import functools
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import ThreadingHTTPServer

import pytest

pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
if shutil.which("chromium") is None:
    pytest.skip("chromium is not installed", allow_module_level=True)

from playwright.sync_api import expect  # noqa: E402

from .conftest import ROOT, _QuietHandler  # noqa: E402

PARTS = 27
QUESTION = """
## Check yourself

!!! question single-choice "Question 1"

    Which planet of our solar system is nearest the sun?

    - A. Mercury.
    - B. Neptune.

    ??? success "Show answer"

        **Answer: A.** Mercury circles the sun in 88 days.
"""


def lesson(n: int) -> str:
    text = (f"---\ntitle: Orbit {n}\n---\n\nThe {n}th orbit is a short lesson of my own: "
            "planets keep to their paths because the sun's pull bends them.\n")
    return text + (QUESTION if n == 1 else "")


@pytest.fixture(scope="module")
def compact_url(tmp_path_factory: pytest.TempPathFactory, engine: str) -> Iterator[str]:
    project = tmp_path_factory.mktemp(f"compact-{engine}")
    (project / "source").mkdir()
    for n in range(1, PARTS + 1):
        (project / "source" / f"orbit-{n:02}.md").write_text(lesson(n), encoding="utf-8")
    sources = "".join(f"  - file: orbit-{n:02}.md\n" for n in range(1, PARTS + 1))
    (project / "source/course.yml").write_text(
        f"title: Orbits\ngenerate_questions: false\nsources:\n{sources}", encoding="utf-8")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    run = subprocess.run([sys.executable, "-m", "build_course", "--project", str(project), "build",
                          "--engine", engine], cwd=ROOT, capture_output=True, text=True,
                         timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    handler = functools.partial(_QuietHandler, directory=str(project / "site"))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()
    server.server_close()


def status(page, link):
    return link.locator("xpath=following-sibling::span[contains(@class,'bc-status')][1]")


@pytest.mark.parametrize("width", [390, 1280])
def test_each_lesson_shows_its_state_on_a_compact_home_page(page, compact_url, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(compact_url)
    article = page.locator("article")
    expect(article.get_by_role("heading", level=2)).to_have_count(0)  # one line a part
    lessons = article.locator("a.bc-lesson")
    expect(lessons).to_have_count(PARTS)
    expect(lessons.nth(2)).to_have_text("Lesson 3")  # as its page says: Lesson 3 of 27
    for n in (1, 2, 3, PARTS):
        expect(status(page, lessons.nth(n - 1))).to_have_text(" (not started)")

    quiz = article.locator("a.bc-quiz")
    quiz.click()
    page.get_by_role("radio", name="Mercury").check()
    page.get_by_role("button", name="Check").click()  # its only question: lesson 1 done
    page.goto(compact_url)
    lessons.nth(1).click()  # lesson 2 opened
    expect(page.locator(".bc-place")).to_contain_text("Lesson 2 of 27")
    expect(page.get_by_role("button", name="Mark this lesson as done")).to_be_visible()
    page.goto(compact_url)
    lessons.nth(2).click()
    page.get_by_role("button", name="Mark this lesson as done").click()
    page.goto(compact_url)

    expect(status(page, lessons.nth(0))).to_have_text(" (✓ done)")
    expect(status(page, quiz)).to_have_text(" (1 of 1 right, 1 answered)")
    expect(status(page, lessons.nth(1))).to_have_text(" (opened)")
    expect(status(page, lessons.nth(2))).to_have_text(" (✓ done)")
    expect(status(page, lessons.nth(3))).to_have_text(" (not started)")
    expect(page.locator(".bc-progress")).to_have_text(
        f"Your progress: 2 of {PARTS} lessons done, 1 of 1 questions right.")
    expect(page.locator("#bc-continue")).to_have_text("Continue: Orbit 3")
    assert page.evaluate("document.documentElement.scrollWidth") <= width  # no sideways scroll


def test_axe_finds_no_serious_or_critical_violation_on_a_compact_home_page(page, compact_url,
                                                                           axe_js):
    page.goto(compact_url)
    expect(page.locator(".bc-progress")).to_be_visible()
    page.add_script_tag(path=str(axe_js))
    result = page.evaluate("axe.run(document)")  # every rule
    problems = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:5])
                for v in result["violations"] if v["impact"] in ("serious", "critical")]
    assert not problems, problems
