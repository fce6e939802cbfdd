"""The project: the folder that holds source/, docs/, site/ and mkdocs.yml."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

STARTER_MKDOCS = Path(__file__).parent / "starter-mkdocs.yml"


@dataclass
class Project:
    """Where things are: the folder that holds source/, docs/ and mkdocs.yml."""

    root: Path

    @property
    def source(self) -> Path:
        return self.root / "source"

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    @property
    def site(self) -> Path:
        return self.root / "site"

    @property
    def manifest(self) -> Path:
        return self.source / "course.yml"

    @property
    def mkdocs_yml(self) -> Path:
        return self.root / "mkdocs.yml"

    def display(self, path: Path) -> str:
        try:
            return str(path.relative_to(self.root))
        except ValueError:
            return str(path)
