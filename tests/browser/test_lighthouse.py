"""Lighthouse (npm's, in Chromium) scores accessibility and SEO 1.0 on the home page, a
lesson and a quiz, under each engine. Performance is measured, not asserted: see
benchmarks/lighthouse.py, which this test runs on the site the browser tests serve.

Skips (never fails) without chromium, node and npm, or when npm cannot install it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BENCHMARK = ROOT / "benchmarks" / "lighthouse.py"

if not (shutil.which("chromium") and shutil.which("node") and shutil.which("npm")):
    pytest.skip("Lighthouse needs chromium, node and npm", allow_module_level=True)


@pytest.fixture(scope="session")
def lighthouse_modules(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where ``npm install lighthouse`` put it: $LIGHTHOUSE_MODULES, or a temporary folder."""
    given = os.environ.get("LIGHTHOUSE_MODULES")
    if given:
        return Path(given)
    folder = tmp_path_factory.mktemp("lighthouse")
    try:
        subprocess.run([shutil.which("npm"), "install", "--no-audit", "--no-fund", "--silent",
                        "--prefix", str(folder), "lighthouse@12"], capture_output=True,
                       timeout=300, check=True)
    except (subprocess.SubprocessError, OSError) as exc:
        pytest.skip(f"lighthouse: npm install failed ({exc})")
    return folder


def test_accessibility_and_seo_are_full_on_home_lesson_and_quiz(base_url, lighthouse_modules,
                                                                  tmp_path):
    out = tmp_path / "lighthouse.json"
    run = subprocess.run([sys.executable, str(BENCHMARK), "--url", base_url, "--runs", "1",
                          "--categories", "accessibility", "seo", "--modules",
                          str(lighthouse_modules), "--json", str(out)],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    pages = json.loads(out.read_text(encoding="utf-8"))["given"]["pages"]
    assert set(pages) == {"home", "lesson", "quiz"}
    for name, page in pages.items():
        assert not page["errors"], (name, page["errors"])
        assert page["scores"] == {"accessibility": 1, "seo": 1}, (name, page["failing"])
