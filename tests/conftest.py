"""Shared fixtures: a copy of the shipped course, built once per session."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite tests/golden/ from the current output (review the git diff!)")


def copy_project(target: Path) -> Path:
    """A fresh project folder with the shipped sources and mkdocs.yml."""
    shutil.copytree(ROOT / "source", target / "source")
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    return target


@pytest.fixture(scope="session")
def built_course(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped course built into a temporary folder (docs/ and site/)."""
    from build_course.cli import main

    project = copy_project(tmp_path_factory.mktemp("course"))
    assert main(["--project", str(project), "build", "--strict"]) == 0
    return project
