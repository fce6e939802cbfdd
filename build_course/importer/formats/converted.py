"""What a converter makes of a file (see the package docstring)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class Converted:
    """A file turned into Markdown."""

    markdown: str
    evidence: list[str]
    """What the converter found (shown by inspect as the family's evidence)."""
    places: list[str] = field(default_factory=list)
    """For line n of ``markdown`` (1-based), ``places[n - 1]``: where it stood."""
    notes: list[tuple[str, str]] = field(default_factory=list)
    """(place, message) of what was left out or guessed."""


Converter = Callable[[bytes, str], Converted]
