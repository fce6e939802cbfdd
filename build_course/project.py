"""The project: the folder that holds source/, docs/, site/ and mkdocs.yml."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

STARTER_MKDOCS = Path(__file__).parent / "starter-mkdocs.yml"
_SITE_NAME = re.compile(r"^site_name: .*$", re.M)


def starter_mkdocs(site_name: str) -> str:
    """The starter mkdocs.yml for a new project, the site named ``site_name``
    (the course's title: a new author's site never carries the sample's name)."""
    text = STARTER_MKDOCS.read_text(encoding="utf-8")
    return _SITE_NAME.sub(lambda _: "site_name: " + json.dumps(site_name, ensure_ascii=False),
                          text, count=1)


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
