"""Shapes of text lines that several stages ask about."""

from __future__ import annotations

import re
from functools import lru_cache

from build_course.importer import cues

TERMINAL = tuple(".!?:;\"”’)")
_NUMBERED_LABEL = re.compile(r"^[A-Z][\w-]{1,15} \d{1,3}[:.]\s+\S")
# A line led by a number ("12. ...", "(1003) ..."): up to 999 such a number is
# an item's; from 1,000 on only when it continues a run (see runs_on).
LEADING_NUMBER = re.compile(r"^\(?(\d{1,6})[.)]\s")
LONG_NUMBER = 1000


def runs_on(numbers: list[int]) -> list[bool]:
    """For line-leading numbers in text order: is each an item's number? A
    number below 1,000 is; a larger one only when it continues the run, the
    number before it being one less or the one after it one more (998, 999,
    1000, 1001), so that a year starting a sentence ("1999. The ...") stays
    prose."""
    out = []
    for i, n in enumerate(numbers):
        out.append(n < LONG_NUMBER
                   or (i > 0 and numbers[i - 1] == n - 1)
                   or (i + 1 < len(numbers) and numbers[i + 1] == n + 1))
    return out


@lru_cache(maxsize=4096)  # cleaning asks of a line, and segmenting asks again
def looks_like_heading(text: str) -> bool:
    """A short line in title case that does not end like a sentence, or a
    numbered label such as ``Case 2: The customer is angry``."""
    if len(text) > 90 or text.endswith((".", ",", ";")) or not text[:1].isupper():
        return False  # (a numbered label starts with a capital too)
    if _NUMBERED_LABEL.match(text):
        return True
    if len(text) > 70:
        return False
    words = text.split()
    if not 0 < len(words) <= 10 or not title_case(words):
        return False
    letters = sum(map(str.isalpha, text))
    # no more digits than letters, else a date, a figure... (letters are
    # most of the text: then digits cannot be more)
    return letters >= 2 and (2 * letters >= len(text) or sum(map(str.isdigit, text)) <= letters)


def title_case(words: list[str]) -> bool:
    """Most content words start with a capital (small words do not count)."""
    content = capital = 0
    for w in words:
        if w.lower().strip("()") not in cues.SMALL_WORDS:
            content += 1
            if w.lstrip("(“\"'")[:1].isupper() or w[:1].isdigit():
                capital += 1
    return content > 0 and capital / content >= 0.6


_NOT_WORD = re.compile(r"[^\w ]")
# the ASCII characters that _NOT_WORD matches
_ASCII_NOT_WORD = bytes(b for b in range(128) if not (chr(b).isalnum() or chr(b) in "_ "))


def normalised(text: str) -> str:
    """Lowercase, without punctuation: only word characters and spaces (to
    compare titles, headings, items and answers as words)."""
    text = text.lower()
    if text.isascii():  # the usual case: bytes.translate is much faster than the regex
        return text.encode("ascii").translate(None, _ASCII_NOT_WORD).decode("ascii").strip()
    return _NOT_WORD.sub("", text).strip()


def may_hold_a_digit(text: str) -> bool:
    """A quick test before a search for \\d: ASCII digits are found by a
    substring search, many times faster than the regex engine's scan; a
    text that is not ASCII may hold another script's digits."""
    return not text.isascii() or "0" in text or "1" in text or "2" in text or "3" in text \
        or "4" in text or "5" in text or "6" in text or "7" in text or "8" in text or "9" in text
