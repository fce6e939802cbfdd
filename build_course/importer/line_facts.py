"""Facts about a text's lines that the family detectors share, found once.

Finding a text's family asks up to nine detectors (``families.FAMILIES``),
and each looks through the same lines for marks of its own: a ``[`` for a
form field, a ``{`` for a GIFT answer, a ``|`` or a ``»`` for a navigation
bar, a ``*`` at the start of a line for a starred heading... Most texts
hold none of most of them. ``LineFacts`` keeps the lines' texts joined into
one string, where a character is looked for at C speed, and each line's
first character, so that a detector whose mark appears nowhere answers at
once, and one whose mark appears tests only the lines that hold it (the
same test as before, on fewer lines: what a detector finds is unchanged).

Looking for one character is nearly free; looking for a longer string, or
matching a pattern, over the whole text costs about as much as a quick
test of each line: detectors look for a character first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import AnyStr

from build_course.importer.cleaning import RawLine
from build_course.importer.shapes import TERMINAL


@dataclass(frozen=True)
class LineFacts:
    """One text's lines (``RawLine.text``), as the detectors look at them."""

    texts: list[str]
    """The lines' texts, in order (none empty)."""
    firsts: str
    """Each line's first character, in order: ``firsts[k] == texts[k][0]``."""

    @classmethod
    def of(cls, raw: list[RawLine]) -> LineFacts:
        """The facts of ``raw``, a text's ``RawLine``s."""
        return cls.of_texts([r.text for r in raw])

    @classmethod
    def of_texts(cls, texts: list[str]) -> LineFacts:
        return cls(texts, "".join([t[0] for t in texts]))

    def first(self, count: int) -> LineFacts:
        """The facts of the first ``count`` lines."""
        if count >= len(self.texts):
            return self
        return LineFacts(self.texts[:count], self.firsts[:count])

    @cached_property
    def joined(self) -> str:
        """The texts joined with a newline between them."""
        return "\n".join(self.texts)

    @cached_property
    def long_lines(self) -> list[str]:
        """The texts of 40 characters or more, in order: long enough to show
        whether a text was wrapped (the worksheet and PDF detectors ask both)."""
        return [t for t in self.texts if len(t) >= 40]

    @cached_property
    def lasts(self) -> str:
        """Each line's last character, in order."""
        return "".join([t[-1] for t in self.texts])

    def lines_ending(self, chars: re.Pattern[str]) -> list[int]:
        """The indices of the lines whose last character ``chars`` matches, in order."""
        return [m.start() for m in chars.finditer(self.lasts)]

    @cached_property
    def non_ascii(self) -> list[int]:
        """The indices of the lines that hold a character beyond ASCII."""
        if self.joined.isascii():
            return []
        return [k for k, t in enumerate(self.texts) if not t.isascii()]

    @cached_property
    def private_use(self) -> bool:
        """May a line hold a character of the private use area (an icon
        font's glyph)? In UTF-8 each starts with the byte EE or EF (as do a
        few rare others), which is looked for faster than a range of characters."""
        if self.joined.isascii():
            return False
        data = self.joined.encode("utf-8", "surrogatepass")
        return b"\xee" in data or b"\xef" in data

    def has(self, *needles: str) -> bool:
        """Does a line hold one of ``needles``?"""
        return any(_may_hold(self.joined, needle) and needle in self.joined
                   for needle in needles)

    def starts(self, chars: str) -> bool:
        """Does a line start with one of ``chars``?"""
        return any(char in self.firsts for char in chars)

    def lines_starting(self, chars: str | re.Pattern[str]) -> list[int]:
        """The indices of the lines that start with one of ``chars`` (each
        once; or with a character that the pattern ``chars`` matches), in order."""
        if isinstance(chars, re.Pattern):
            return [m.start() for m in chars.finditer(self.firsts)]
        found: list[int] = []
        for char in chars:
            at = self.firsts.find(char)
            while at >= 0:
                found.append(at)
                at = self.firsts.find(char, at + 1)
        return sorted(found) if len(chars) > 1 else found

    def lines_holding(self, *needles: str) -> list[int]:
        """The indices of the lines that hold one of ``needles`` (none of
        which holds a newline), in order."""
        return lines_holding(self.joined, needles)


def lines_holding(joined: AnyStr, needles: tuple[AnyStr, ...]) -> list[int]:
    """The indices of the lines of ``joined`` (lines with a newline between
    them; text, or its UTF-8) that hold one of ``needles``, in order. A
    line's index is counted by the newlines before it."""
    newline = "\n" if isinstance(joined, str) else b"\n"
    found: list[int] = []
    line = last = 0
    for at in _hits(joined, needles):
        line += joined.count(newline, last, at)
        last = at
        if not found or found[-1] != line:
            found.append(line)
    return found


def _hits(joined: AnyStr, needles: tuple[AnyStr, ...]) -> list[int]:
    """Where ``needles`` stand in ``joined``, in order: each needle once a
    line at most (the search goes on at the next line)."""
    newline = "\n" if isinstance(joined, str) else b"\n"
    hits: list[int] = []
    for needle in needles:
        at = joined.find(needle) if _may_hold(joined, needle) else -1
        while at >= 0:
            hits.append(at)
            end = joined.find(newline, at + len(needle))
            at = joined.find(needle, end + 1) if end >= 0 else -1
    hits.sort()
    return hits


def _may_hold(joined: AnyStr, needle: AnyStr) -> bool:
    """False when a character of ``needle`` is nowhere in ``joined``: one
    character is looked for much faster than a string of several."""
    return len(needle) == 1 or all(needle[k:k + 1] in joined for k in range(len(needle)))


def open_ended(texts: list[str]) -> int:
    """How many of ``texts`` stop without a sentence's end (``shapes.TERMINAL``,
    whose ends are single characters: their last characters are counted at C
    speed, not each text asked whether it ends with one of nine)."""
    lasts = "".join([t[-1] for t in texts])
    return len(lasts) - sum(lasts.count(end) for end in TERMINAL)
