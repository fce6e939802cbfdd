"""benchmarks/fidelity.py scores a model against its gold: on a small corpus
written for the test, a faithful import scores 1 and each kind of harm costs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEXT = """Growing Tomatoes

Choosing a Spot

Tomatoes need six hours of sun a day and shelter from the wind.

Watering

Water deeply twice a week, at the base of the plant.

- Mulch keeps the soil moist.
- Morning watering dries the leaves by night.
"""
GOLD = {"file": "tomatoes.txt", "title": "Growing Tomatoes",
        "lessons": [{"title": "Growing Tomatoes", "sections": ["Choosing a Spot", "Watering"],
                     "list_items": 2, "quizzes": []}],
        "artefacts": ["\n12\n"], "joined": ["Water deeply twice a week, at the base of the plant."]}


def _run(tmp_path: Path, gold: dict, *args: str) -> subprocess.CompletedProcess:
    (tmp_path / "raw").mkdir(exist_ok=True)
    (tmp_path / "gold").mkdir(exist_ok=True)
    (tmp_path / "raw" / "tomatoes.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "gold" / "tomatoes.json").write_text(json.dumps(gold), encoding="utf-8")
    return subprocess.run([sys.executable, str(ROOT / "benchmarks" / "fidelity.py"),
                           str(tmp_path), *args], capture_output=True, text=True, cwd=ROOT)


def test_a_faithful_import_scores_one(tmp_path):
    out = _run(tmp_path, GOLD)
    assert out.returncode == 0, out.stderr
    assert "tomatoes.txt: 1.000 lessons=1.00 sections=1.00 quizzes=1.00 clean=1.00 lists=1.00" \
        in out.stdout
    assert out.stdout.splitlines()[-1] == "fidelity: 1.000"


def test_a_missing_section_and_a_wrong_list_count_cost(tmp_path):
    gold = json.loads(json.dumps(GOLD))
    gold["lessons"][0]["sections"].append("Harvesting")
    gold["lessons"][0]["list_items"] = 12
    out = _run(tmp_path, gold, "--verbose")
    line = next(x for x in out.stdout.splitlines() if x.startswith("tomatoes.txt"))
    assert "sections=0.80" in line and "lists=0.17" in line  # 1 - 10 items off / 12


def test_the_floor_fails_the_run(tmp_path):
    gold = json.loads(json.dumps(GOLD))
    gold["lessons"][0]["title"] = "Growing Peppers Under Glass"
    out = _run(tmp_path, gold, "--min", "0.95")
    assert out.returncode == 1
    assert "below the floor" in out.stderr
