"""Browser fixtures: the shipped course built once, served over HTTP, seen by Chromium.

Nothing here imports Playwright at collection time: test_quiz.py skips itself
when Chromium or Playwright is missing.
"""

from __future__ import annotations

import functools
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
QUIZ = "webucator-customer-service-basics/customer-service-basics-quiz/"
NOTES = "introduction-to-customer-service-lesson-1/introduction-to-customer-service-quiz/"
FIXTURE = "test-fixtures/multiple-choice/"
CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]

# Question shapes the shipped course lacks (several right answers), in the markup the
# quiz syntax renders to; placed in a page of the real site so the real assets load.
EXTRA_QUESTIONS = """
<h1>Test fixture: multiple choice</h1>
<div class="admonition question multiple-choice">
<p class="admonition-title">Question 1</p>
<p>Which of these are <em>good</em> habits?</p>
<ul>
<li>A. Listening.</li>
<li>B. Interrupting.</li>
<li>C. Thanking the customer.</li>
<li>D. Arguing.</li>
</ul>
<details class="success">
<summary>Show answer</summary>
<p><strong>Answer: A, C.</strong></p>
<p>Listen, and thank people.</p>
</details>
</div>
"""


ENGINES = ["mkdocs", "zensical"]


def needs_engine(name: str) -> str:
    """``name``, or a skip when that engine is not installed (Zensical is an extra)."""
    if name == "zensical" and importlib.util.find_spec("zensical") is None:
        pytest.skip("zensical is not installed (pip install 'build-course[zensical]')")
    return name


@pytest.fixture(scope="session", params=ENGINES)
def engine(request: pytest.FixtureRequest) -> str:
    """Every browser test of the built site runs once per engine."""
    return needs_engine(request.param)


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory, engine: str) -> Path:
    """site/ of the shipped course, built by the real command in a temporary project."""
    project = tmp_path_factory.mktemp(f"browser-course-{engine}")
    shutil.copytree(ROOT / "source", project / "source")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    run = subprocess.run([sys.executable, "-m", "build_course", "--project", str(project), "build",
                          "--engine", engine], cwd=ROOT, capture_output=True, text=True,
                         timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    site = project / "site"
    page = (site / QUIZ / "index.html").read_text(encoding="utf-8")
    page = re.sub(r"(<article[^>]*>).*?(</article>)", lambda m: m[1] + EXTRA_QUESTIONS + m[2],
                  page, count=1, flags=re.S)
    (site / FIXTURE).mkdir(parents=True)
    (site / FIXTURE / "index.html").write_text(page, encoding="utf-8")
    return site


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def base_url(site_dir: Path) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0),
                                 functools.partial(_QuietHandler, directory=str(site_dir)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=shutil.which("chromium"),
                                              args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def context(browser):
    """A fresh browser profile (empty localStorage) per test, wide enough for the sidebar."""
    ctx = browser.new_context(viewport={"width": 1400, "height": 900})
    yield ctx
    ctx.close()


@pytest.fixture
def page(context):
    """A page that fails the test on any uncaught script error."""
    errors: list[str] = []
    pg = context.new_page()
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    yield pg
    assert not errors, errors


@pytest.fixture(scope="session")
def axe_js(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """axe-core's script: $AXE_CORE_JS, or `npm install axe-core` into a temporary folder.

    Skips (never fails) when neither is possible, e.g. offline.
    """
    given = os.environ.get("AXE_CORE_JS")
    if given:
        return Path(given)
    npm = shutil.which("npm")
    if npm is None:
        pytest.skip("axe-core: npm is not installed (or set AXE_CORE_JS)")
    folder = tmp_path_factory.mktemp("axe")
    try:
        subprocess.run([npm, "install", "--no-audit", "--no-fund", "--silent", "--prefix",
                        str(folder), "axe-core"], capture_output=True, timeout=180, check=True)
    except (subprocess.SubprocessError, OSError) as exc:
        pytest.skip(f"axe-core: npm install failed ({exc})")
    script = folder / "node_modules" / "axe-core" / "axe.min.js"
    if not script.is_file():
        pytest.skip("axe-core: npm install gave no axe.min.js")
    return script


@pytest.fixture
def requests(context) -> list[str]:
    """Every URL the browser asks for during the test."""
    seen: list[str] = []
    context.on("request", lambda request: seen.append(request.url))
    context.set_default_timeout(10_000)
    return seen


def search(page, query: str) -> None:
    """Search the site and open the first result, in either engine's search box."""
    if page.locator(".md-search__button").count():
        _zensical_search(page, query)
    else:
        _material_search(page, query)


def _zensical_search(page, query: str) -> None:
    """Zensical's search is a dialog (in a shadow root, which locators enter)."""
    from playwright.sync_api import expect

    page.locator(".md-search__button").click()
    box = page.get_by_role("combobox", name="Search")
    box.press_sequentially(query)
    expect(page.get_by_role("status").filter(has_text=re.compile(r"\d+ results?"))).to_be_visible()
    page.get_by_role("listbox", name="Search results").get_by_role("option").first.click()


def _material_search(page, query: str) -> None:
    """Type a query in the header's search box until results show: the index loads when
    search is first opened, and a query typed before it is ready is not run again."""
    from playwright.sync_api import expect

    box, meta = page.locator("input.md-search__input"), page.locator(".md-search-result__meta")
    box.click()
    for _ in range(20):
        box.fill("")
        box.press_sequentially(query)
        page.wait_for_timeout(250)
        if "matching document" in meta.inner_text():
            break
    expect(meta).to_contain_text("matching document")
    page.locator(".md-search-result__item a").first.click()
