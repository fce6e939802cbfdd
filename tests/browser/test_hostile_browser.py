"""Hostile text in a source, loaded in Chromium: nothing runs, nothing is injected."""

from __future__ import annotations

import functools
import shutil
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest

pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
if shutil.which("chromium") is None:
    pytest.skip("Debian's chromium is not installed", allow_module_level=True)

from test_hostile_input import HOSTILE, HOSTILE_TITLE  # noqa: E402

from .conftest import ROOT  # noqa: E402


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory, engine: str) -> str:
    project = tmp_path_factory.mktemp(f"hostile-{engine}")
    (project / "source").mkdir()
    (project / "source/evil.txt").write_text(HOSTILE, encoding="utf-8")
    (project / "source/evil-title.txt").write_text(HOSTILE_TITLE, encoding="utf-8")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    run = subprocess.run([sys.executable, "-m", "build_course", "--project", str(project),
                          "build", "--engine", engine], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    server = ThreadingHTTPServer(("127.0.0.1", 0),
                                 functools.partial(_Quiet, directory=str(project / "site")))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/", project / "site"
    server.shutdown()


def test_no_dialog_opens_and_no_element_is_injected(page, hostile_site):
    base, site = hostile_site
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    pages = sorted(p.parent.relative_to(site).as_posix() for p in site.rglob("index.html")
                   if "evil" in p.parent.as_posix() or p.parent == site)
    assert len(pages) >= 3
    for path in pages:
        page.goto(base + ("" if path == "." else path + "/"))
        page.wait_for_load_state("load")
        for link in page.locator("article a[href]:visible").all()[:3]:
            link.hover()
        injected = page.evaluate("""() => ({
            img: document.querySelectorAll('img[src="x"]').length,
            inline: [...document.scripts].filter(s => !s.src && /alert/.test(s.text)).length,
            handlers: [...document.querySelectorAll('*')].filter(
                e => [...e.attributes].some(a => a.name.startsWith('on'))).length,
            js: [...document.querySelectorAll('a[href]')].filter(
                a => a.getAttribute('href').trim().toLowerCase().startsWith('javascript:')).length,
        })""")
        assert injected == {"img": 0, "inline": 0, "handlers": 0, "js": 0}, path
    assert dialogs == []
    page.goto(base + "evil/handling-hostile-text/")
    assert "<script>alert(1)</script>" in page.locator("article").inner_text()
