"""Import: one raw text to one ``Part`` (read, clean, segment, structure),
and the check across sources for a text that repeats another."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from build_course.diagnostics import Diagnostic, Report, Topic
from build_course.importer import formats
from build_course.importer._textfast import non_ascii
from build_course.importer.families import read_lessons
from build_course.importer.markdown_family import markdown_lessons
from build_course.importer.reading import decode_source, read_bytes
from build_course.importer.structuring import name_lessons
from build_course.manifest import SourceEntry
from build_course.model import UNTITLED, Lesson, Part, SourceText


@dataclass
class Imported:
    """A part and the text it came from (kept for the duplicate check)."""

    part: Part
    source: SourceText
    # For the duplicate check (kept in the cache): each line's key, joined
    # by "\n"; how many lines have one; the long ones.
    keys_text: str | None = field(default=None, repr=False)
    line_count: int = -1
    long_lines: frozenset[str] = field(default=frozenset(), repr=False)

    def content_lines(self) -> list[tuple[int, str]]:
        """(line number, key) of the source's lines that have a key."""
        return [(n, key) for n, key in enumerate(self._keys(), start=1) if key]

    def key_set(self) -> set[str]:
        """The keys of the source's lines."""
        return set(self._keys()) - {""}

    def _keys(self) -> list[str]:
        self.duplicate_keys()
        return self.keys_text.split("\n")

    def duplicate_keys(self) -> tuple[int, frozenset[str]]:
        """(lines with a key, the long keys): what the duplicate check compares."""
        if self.keys_text is None:
            keys = line_keys(self.source.text)
            self.keys_text = "\n".join(keys)
            self.line_count = len(keys) - keys.count("")
            self.long_lines = frozenset([key for key in keys if len(key) >= LONG_LINE])
        return self.line_count, self.long_lines


def import_source(path: Path, entry: SourceEntry | None = None,
                  display: str | None = None) -> Imported:
    """Read, clean and structure one source file (the build's cache wraps
    this in ``build.pipeline``, the one place it does)."""
    name = display or str(path)
    return import_bytes(read_bytes(path, name), path, name, entry)


def import_bytes(data: bytes, path: Path, name: str, entry: SourceEntry | None) -> Imported:
    """The import of a source's raw bytes, with the line keys of the duplicate check.
    A PDF, Word or HTML file is converted to Markdown first (``formats``)."""
    report = Report(name)
    if path.suffix.lower() in formats.SUFFIXES:
        source, part = _import_file(data, path, name, entry, report)
    else:
        source = decode_source(data, path, name, report)
        part = import_text(source, name, entry, report)
    imported = Imported(part, source)
    imported.duplicate_keys()
    return imported


def _import_file(data: bytes, path: Path, name: str, entry: SourceEntry | None,
                 report: Report) -> tuple[SourceText, Part]:
    """A file whose format knows its structure: converted to Markdown, read
    as course Markdown; every diagnostic names its place in the file."""
    family, convert = formats.converters()[path.suffix.lower()]
    converted = convert(data, name)
    source = SourceText(path, converted.markdown, family)
    lessons = markdown_lessons(converted.markdown, report)
    for place, message in converted.notes:
        report.note(0, message, topic=Topic.DROPPED)
        report.items[-1].place = place
    for item in report.items:
        if item.line and not item.place and item.line <= len(converted.places):
            item.place = converted.places[item.line - 1]
    return source, _part(source, name, entry, lessons, family, converted.evidence, report)


def import_text(source: SourceText, name: str, entry: SourceEntry | None = None,
                report: Report | None = None) -> Part:
    """One decoded source to a part: its family found, cleaned by the
    family's passes, segmented and structured; every stage reports into
    ``report`` (a new one if none is given)."""
    report = report or Report(name)
    found, lessons, named = read_lessons(source.text, report)
    return _part(source, name, entry, lessons, found.family.name, found.evidence, report, named)


def _part(source: SourceText, name: str, entry: SourceEntry | None, lessons: list,
          family: str, evidence: list[str], report: Report,
          named: tuple[str, str] | None = None) -> Part:
    """The part: titled by the manifest, else its one lesson, else the title
    the text gives itself (``named``: the title and where it stands), else
    its file's name."""
    entry = entry or SourceEntry(file=source.path.name, line=0)
    single = lessons[0].title if len(lessons) == 1 and lessons[0].title != UNTITLED else ""
    title = entry.title or single
    if not title and named:
        title = named[0]
        report.note(0, f"the part's title '{title}' taken from {named[1]}", topic=Topic.TITLE)
    title = title or _title_from_name(source.path)
    if len(lessons) == 1 and lessons[0].title == UNTITLED:
        _retitle(lessons[0], title, report)
    part = Part(source=source.path.name, title=title, display=name, publisher=entry.publisher,
                original=entry.original, lessons=lessons, family=family,
                family_evidence=evidence)
    part.diagnostics = report.items
    return part


def _retitle(lesson: Lesson, title: str, report: Report) -> None:
    """The one lesson of a text that names it nowhere takes its part's title
    (the manifest's, or the file's name), its quizzes too."""
    for quiz in lesson.quizzes:
        quiz.title = quiz.title.replace(UNTITLED, title)
    lesson.title = title
    name_lessons([lesson])
    report.note(lesson.line, f"the lesson is titled '{title}' after its part (the text names "
                "itself nowhere)", topic=Topic.TITLE)


def _title_from_name(path: Path) -> str:
    words = re.sub(r"[_-]+", " ", path.stem).strip()
    return words[:1].upper() + words[1:] if words else "Untitled"


# ---- duplicates ----------------------------------------------------------

_NON_WORD = re.compile(r"[\W_]+")
_LEADING_NUMBER = re.compile(r"^\d+ ")
# Bytes: ASCII characters that are not word characters (and "_") become
# spaces; "\n" and the bytes of non-ASCII characters are kept.
_ASCII_NON_WORD = bytes(b if chr(b).isalnum() or b == 10 or b >= 128 else 32 for b in range(256))
# A line's start: the newline, then a space and a number (with its space) if any.
_LINE_START = re.compile(rb"\n ?(?:[0-9]+ )?")
_FIRST_NUMBER = re.compile(rb"[0-9]+ ")
_SPACES = re.compile(rb"  +")
LONG_LINE = 25  # a line key this long counts in the duplicate check


def line_keys(text: str) -> list[str]:
    """The key of each line of ``text``: its words, lowercased, joined by
    single spaces, without a leading number ("" for a line without a word)."""
    keys = _ascii_keys(text)
    if text.isascii():
        return keys
    # The lines with a non-ASCII character are redone together. Most such
    # characters (’ • – and the like) are neither word characters nor
    # cased: to a key each is a space, as ASCII punctuation is. A line with
    # another (é, Σ) is redone on its own, with Unicode's \W and lowercasing.
    lines = text.split("\n")
    odd = [index for index, line in enumerate(lines) if not line.isascii()]
    redone = "\n".join([lines[index] for index in odd])
    for char in set(non_ascii(redone)):
        if not char.isalnum() and char.lower() == char:
            redone = redone.replace(char, " ")
    for index, key in zip(odd, _ascii_keys(redone)):
        if not key.isascii():
            key = _LEADING_NUMBER.sub("", _NON_WORD.sub(" ", lines[index].lower()).strip())
        keys[index] = key
    return keys


def _ascii_keys(text: str) -> list[str]:
    """line_keys, in one pass over the whole text: right for the lines that
    are ASCII (bytes.lower and _ASCII_NON_WORD leave other characters be)."""
    data = text.encode("utf-8", "surrogatepass").lower().translate(_ASCII_NON_WORD)
    data = _SPACES.sub(b" ", data).replace(b" \n", b"\n").strip(b" ")
    data = _LINE_START.sub(b"\n", data)  # (no line ends with a space now)
    if m := _FIRST_NUMBER.match(data):
        data = data[m.end():]
    return data.decode("utf-8", "surrogatepass").split("\n")


def mark_duplicates(imported: list[Imported], threshold: float = 0.8) -> None:
    """Of two sources where most long lines of the smaller stand in the
    larger, the smaller duplicates the larger (whatever their order): its
    lessons are dropped and the lines it adds are reported.

    Pairs are taken in order, as if each were checked. A source that holds
    ``threshold`` of another's long lines holds at least one of any
    ``size - floor(threshold * size) + 1`` of them (one more, for rounding):
    only the holders of that many lines of each source, its least shared,
    can match, and only they are compared."""
    counts, long_sets = zip(*[item.duplicate_keys() for item in imported]) if imported else ((), ())
    shared = Counter(itertools.chain.from_iterable(long_sets))  # key -> sources holding it
    rarest = [sorted(keys, key=shared.__getitem__)[:len(keys) - int(threshold * len(keys)) + 2]
              for keys in long_sets]
    holders = _holders(long_sets, {key for keys in rarest for key in keys if shared[key] > 1})
    candidates = []
    for small, keys in enumerate(rarest):
        found = {large for key in keys for large in holders.get(key, ())}
        found.discard(small)
        for large in found:
            if len(long_sets[small] & long_sets[large]) / len(long_sets[small]) >= threshold:
                i, j = min(small, large), max(small, large)
                if ((i, j) if counts[i] <= counts[j] else (j, i)) == (small, large):
                    candidates.append((i, j, small, large))
    for _, _, small, large in sorted(candidates):
        if imported[small].part.duplicate_of or imported[large].part.duplicate_of:
            continue
        _mark(imported[small].part, imported[large].part, imported[small].content_lines(),
              imported[large].key_set())


def _holders(long_sets: tuple[frozenset[str], ...], wanted: set[str]) -> dict[str, list[int]]:
    """For each key in ``wanted``, the sources (by index) whose long lines hold it."""
    holders: dict[str, list[int]] = {key: [] for key in wanted}
    for index, keys in enumerate(long_sets):
        for key in keys & wanted:
            holders[key].append(index)
    return holders


def _mark(part: Part, original: Part, lines: list[tuple[int, str]], original_keys: set) -> None:
    part.duplicate_of = original.source
    part.lessons = []
    part.diagnostics = []  # its lessons are gone, and with them what there was to review
    extra = [(n, k) for n, k in lines if k not in original_keys]
    if extra:
        shown = ", ".join(f"line {n} '{k}'" for n, k in extra[:5])
        more = f" and {len(extra) - 5} more" if len(extra) > 5 else ""
        part.diagnostics.append(Diagnostic(
            part.display or part.source, extra[0][0],
            f"this text repeats {original.source} but has {len(extra)} lines it lacks: "
            f"{shown}{more}", f"move what is worth keeping into {original.source}"))


