"""The site behind nginx under /training/, in Chromium: navigation, a quiz and search
work there, and nothing is requested outside the site (every request is recorded)."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator

import pytest

pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
if shutil.which("chromium") is None:
    pytest.skip("chromium is not installed", allow_module_level=True)
if shutil.which("nginx") is None:
    pytest.skip("nginx is not installed", allow_module_level=True)

from playwright.sync_api import expect  # noqa: E402
from test_hosting import PREFIX, QUIZ, build, free_port, nginx  # noqa: E402

from .conftest import search  # noqa: E402


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory, engine: str) -> Iterator[str]:
    tmp = tmp_path_factory.mktemp(f"intranet-{engine}")
    port = free_port()
    site = build(tmp / "course", "--site-url", f"http://127.0.0.1:{port}{PREFIX}",
                 "--engine", engine)
    with nginx({PREFIX: site}, tmp / "nginx", port) as origin:
        yield origin + PREFIX


def test_a_learners_visit_requests_nothing_outside_the_site(page, root, requests):
    page.goto(root)
    expect(page.locator("h1").first).to_be_visible()
    # a lesson, reached through the navigation
    page.locator("nav.md-nav--primary a:visible", has_text="Customer Service Basics").first.click()
    expect(page).to_have_url(re.compile(re.escape(root) + "webucator-customer-service-basics/"))
    # the quiz, answered
    page.locator(f'a[href$="{QUIZ.split("/")[1]}/"]').first.click()
    expect(page).to_have_url(root + QUIZ)
    question = page.locator(".admonition.question").nth(2)
    question.get_by_role("radio", name=re.compile("Go the extra mile")).check()
    question.get_by_role("button", name="Check").click()
    expect(question.locator(".bcq-feedback")).to_have_text("✓ Correct.")
    expect(page.locator(".bcq-score")).to_contain_text("1 of 12 correct")
    # search, and a result followed
    search(page, "stress")
    expect(page).to_have_url(re.compile(re.escape(root)))
    expect(page.locator("article h1").first).to_be_visible()
    assert requests, "no request was recorded"
    outside = [url for url in requests if not url.startswith(root)]
    assert outside == []
    assert any(url.endswith(("/search_index.json", "/search.json")) for url in requests)


def test_the_404_page_is_styled_under_the_sub_path(page, root, requests):
    response = page.goto(root + "no-such-lesson/")
    assert response.status == 404
    expect(page.locator("h1")).to_contain_text("404")
    assert any(url.endswith(".css") for url in requests)
    assert [url for url in requests if not url.startswith(root)] == []
    # its links lead back into the site
    page.locator("a.md-logo:visible").first.click()
    expect(page).to_have_url(root)


def test_footer_navigation_stays_under_the_prefix(page, root, requests):
    page.goto(root)
    for _ in range(3):
        page.locator("a.md-footer__link--next").click()
        expect(page).to_have_url(re.compile(re.escape(root) + ".+/$"))
    assert [url for url in requests if not url.startswith(root)] == []
