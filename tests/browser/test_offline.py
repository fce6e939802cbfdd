"""The offline copy: unzipped, opened from disk (file://) in Chromium; pages,
navigation, quizzes and search work, and nothing is requested from the network."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest

pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
if shutil.which("chromium") is None:
    pytest.skip("chromium is not installed", allow_module_level=True)

from playwright.sync_api import expect  # noqa: E402

from build_course.manifest import load_manifest  # noqa: E402
from build_course.project import Project  # noqa: E402
from build_course.publish.packaging import package_site  # noqa: E402

from .conftest import search  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory, engine: str) -> str:
    from build_course.cli import main

    project = tmp_path_factory.mktemp(f"offline-{engine}")
    shutil.copytree(ROOT / "source", project / "source")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    assert main(["--project", str(project), "build", "--docs-only"]) == 0
    manifest = load_manifest(project / "source" / "course.yml", "source/course.yml")
    archive = package_site(Project(project), manifest, project / "out", engine=engine)
    unpacked = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(archive) as zipped:
        zipped.extractall(unpacked)
    return (unpacked / archive.name.removesuffix(".zip") / "index.html").as_uri()


def test_quiz_from_disk(page, home, requests):
    page.goto(home)
    page.locator("nav.md-nav--primary a:visible", has_text="Customer Service Basics").first.click()
    expect(page).to_have_url(re.compile(r"/webucator-customer-service-basics/[^/]+\.html$"))
    page.locator('a[href$="customer-service-basics-quiz.html"]').first.click()
    expect(page.locator("article[data-bcq]")).to_have_count(1)
    question = page.locator(".admonition.question").nth(2)
    question.get_by_role("radio", name=re.compile("Go the extra mile")).check()
    question.get_by_role("button", name="Check").click()
    expect(question.locator(".bcq-feedback")).to_have_text("✓ Correct.")
    wrong = page.locator(".admonition.question").nth(10)
    wrong.get_by_role("radio", name="A. True.").check()
    wrong.get_by_role("button", name="Check").click()
    expect(page.locator(".bcq-score")).to_have_text("1 of 12 correct (2 of 12 answered)")
    # reload: the score is kept in this browser
    page.reload()
    expect(page.locator(".bcq-score")).to_have_text("1 of 12 correct (2 of 12 answered)")
    assert [url for url in requests if not url.startswith("file://")] == []


def test_search_from_disk(page, home, requests):
    page.goto(home)
    search(page, "stress")
    expect(page).to_have_url(re.compile(r"\.html(#.*)?$"))
    expect(page.locator("article h1").first).to_be_visible()
    assert [url for url in requests if not url.startswith("file://")] == []
