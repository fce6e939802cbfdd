"""The benchmark runs at its smallest size and writes the figures it promises.

No wall-clock assertions: only that every figure is there and positive.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "benchmarks" / "bench.py"


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> dict:
    out = tmp_path_factory.mktemp("bench") / "results.json"
    done = subprocess.run([sys.executable, str(BENCH), "--sizes", "3", "--runs", "1",
                           "--plain-mkdocs", "--json", str(out)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "lessons" in done.stdout  # the table
    return json.loads(out.read_text(encoding="utf-8"))


def _positive(value) -> bool:
    return isinstance(value, int | float) and value > 0


def test_one_size_with_the_course_it_asked_for(report):
    assert report["meta"]["site"] is True
    [size] = report["sizes"]
    assert size["lessons_requested"] == 3
    assert size["lessons"] == 3
    assert size["runs"] == 1
    assert size["duplicates"] >= 1  # the stripped copy stays a duplicate
    for key in ("sources", "raw_bytes", "pages", "pages_written_full", "docs_bytes",
                "import_mb_per_s", "docs_to_site_ratio", "import_to_site_ratio", "site_bytes",
                "search_index_bytes"):
        assert _positive(size[key]), key
    assert size["pages_written_full"] == size["pages"]


def test_every_step_is_timed(report):
    [size] = report["sizes"]
    for step in ("import", "import_all", "mark_duplicates", "render", "write", "docs",
                 "site", "full", "plain_site"):
        stat = size["time_s"][step]
        assert set(stat) >= {"median", "min", "max", "values"}, step
        assert len(stat["values"]) == 1
        assert _positive(stat["median"]), step
        assert stat["min"] <= stat["median"] <= stat["max"]
    for step in ("import", "docs", "site"):
        assert _positive(size["cpu_s"][step]["median"]), step
    if report["meta"]["zensical"]:  # both engines' build times
        assert _positive(size["time_s"]["zensical_site"]["median"])
        assert _positive(size["zensical_to_mkdocs_ratio"])
    assert _positive(size["import_mb_per_cpu_s"])
    assert _positive(size["site_to_plain_ratio"])
    assert size["largest_page"]["html"] >= size["quiz_page"]["html"]


def test_incremental_rebuild_counts(report):
    [size] = report["sizes"]
    inc = size["incremental"]
    assert inc["sources_changed"] == 1
    assert inc["sources_reimported"] == 1  # the others come from the import cache
    assert inc["noop_sources_reimported"] == 0
    assert 1 <= inc["pages_rewritten"] < size["pages"]
    assert inc["noop_pages_rewritten"] == 0
    for key in ("noop_time_s", "vs_full_docs", "vs_full_build"):
        assert _positive(inc[key]), key
    assert _positive(inc["time_s"]["median"])


def test_memory_and_weights(report):
    [size] = report["sizes"]
    assert size["rss_mb"]["peak"] >= size["rss_mb"]["after_docs"] >= size["rss_mb"]["baseline"]
    assert _positive(size["rss_mb"]["baseline"])
    assets = report["assets"]
    assert _positive(assets["js"]) and _positive(assets["css"])
    assert assets["total"] == sum(assets["files"].values())
    quiz = size["quiz_page"]
    assert quiz["page"].endswith(".html")
    for key in ("html", "css", "js", "total", "total_gzip"):
        assert _positive(quiz[key]), key
    assert quiz["total"] == quiz["html"] + quiz["css"] + quiz["js"]
    assert any(name.endswith("quiz.js") for name in quiz["files"])  # the project's own script
    assert quiz["external"] == []  # the site works offline
