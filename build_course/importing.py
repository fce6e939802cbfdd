"""Import: one raw text to one ``Part`` (read, clean, segment, structure),
and the check across sources for a text that repeats another."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from pathlib import Path

from .cleaning import clean
from .manifest import SourceEntry
from .model import Diagnostic, Part, SourceText
from .reading import read_source
from .structuring import Report, build_lessons


@dataclass
class Imported:
    """A part and the text it came from (kept for the duplicate check)."""

    part: Part
    source: SourceText


def import_source(path: Path, entry: SourceEntry | None = None,
                  display: str | None = None) -> Imported:
    """Read, clean and structure one source file."""
    name = display or str(path)
    source = read_source(path, name)
    return Imported(import_text(source, name, entry), source)


def import_text(source: SourceText, name: str, entry: SourceEntry | None = None) -> Part:
    report = Report(name)
    cleaned = clean(source.text, name)
    lessons = build_lessons(cleaned, report)
    entry = entry or SourceEntry(file=source.path.name, line=0)
    single = lessons[0].title if len(lessons) == 1 else ""
    title = entry.title or single or _title_from_name(source.path)
    part = Part(source=source.path.name, title=title, display=name, publisher=entry.publisher,
                original=entry.original, lessons=lessons)
    part.warnings = source.warnings + cleaned.notes + report.items
    for item in cleaned.notes:
        item.severity = "note"
    return part


def _title_from_name(path: Path) -> str:
    words = re.sub(r"[_-]+", " ", path.stem).strip()
    return words[:1].upper() + words[1:] if words else "Untitled"


# ---- duplicates ----------------------------------------------------------

_NON_WORD = re.compile(r"[\W_]+")


def _content_lines(text: str) -> list[tuple[int, str]]:
    out = []
    for number, line in enumerate(text.split("\n"), start=1):
        key = _NON_WORD.sub(" ", line.lower()).strip()
        key = re.sub(r"^\d+ ", "", key)
        if key:
            out.append((number, key))
    return out


def mark_duplicates(imported: list[Imported], threshold: float = 0.8) -> None:
    """Of two sources where most long lines of the smaller stand in the
    larger, the smaller duplicates the larger (whatever their order): its
    lessons are dropped and the lines it adds are reported."""
    keys = [_content_lines(item.source.text) for item in imported]
    sets = [{key for _, key in lines} for lines in keys]
    for i, j in itertools.combinations(range(len(imported)), 2):
        small, large = (i, j) if len(keys[i]) <= len(keys[j]) else (j, i)
        if imported[small].part.duplicate_of or imported[large].part.duplicate_of:
            continue
        long_lines = {key for key in sets[small] if len(key) >= 25}
        if long_lines and len(long_lines & sets[large]) / len(long_lines) >= threshold:
            _mark(imported[small].part, imported[large].part, keys[small], sets[large])


def _mark(part: Part, original: Part, lines: list[tuple[int, str]], original_keys: set) -> None:
    part.duplicate_of = original.source
    part.lessons = []
    part.warnings = []  # its lessons are gone, and with them what there was to review
    extra = [(n, k) for n, k in lines if k not in original_keys]
    if extra:
        shown = ", ".join(f"line {n} '{k}'" for n, k in extra[:5])
        more = f" and {len(extra) - 5} more" if len(extra) > 5 else ""
        part.warnings.append(Diagnostic(
            part.display or part.source, extra[0][0],
            f"this text repeats {original.source} but has {len(extra)} lines it lacks: "
            f"{shown}{more}", f"move what is worth keeping into {original.source}"))


