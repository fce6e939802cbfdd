"""Speed tricks of reading, kept apart from its rules.

``fix_text`` is ftfy's ``fix_text`` (with the reading's settings), line by
line, for what it returns; it is only faster. ftfy is slow per call and
most texts need nothing from it: the lines with a non-ASCII character are
checked together first, with a search that is equivalent to ftfy's own
mojibake heuristic (``is_bad``) but looks only around non-ASCII characters
(its pattern's alternatives are read with CPython's ``re`` parser, which
is private: where that fails, whole lines are searched as ftfy does).
"""

from __future__ import annotations

import re
import unicodedata

import ftfy
from ftfy.badness import BADNESS_RE, is_bad
from ftfy.chardata import CONTROL_CHARS, LIGATURES

_FTFY = ftfy.TextFixerConfig(
    unescape_html=False,  # "&lt;" in a tutorial is text, keep it
    uncurl_quotes=False,  # typographic quotes are wanted
    fix_character_width=False,
    explain=False,
)


def char_class(codes) -> re.Pattern:
    return re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(set(codes))) + "]")


# What ftfy's fixers other than the mojibake repair act on, with _FTFY: C1
# controls, Latin ligatures, line breaks, surrogates, terminal escapes and
# the control characters it removes. Text without any of them, in NFC, and
# that ftfy's own mojibake heuristic (``is_bad``) passes, is returned by
# ftfy unchanged; such text skips ftfy, which is slow per call.
_FTFY_TOUCHES = char_class([*range(0x80, 0xA0), *LIGATURES, *CONTROL_CHARS, 0x0D, 0x2028,
                             0x2029, 0x1B, *range(0xD800, 0xE000)])
# is_bad's one anchored sequence ("^[ÃÂ] "), for a whole text at each line start.
_BAD_LINE_START = re.compile("^[ÃÂ] ", re.M)
_NON_ASCII = re.compile("[^\x00-\x7f]+")
_ASCII = bytes(range(128))


def _badness_window() -> tuple[int, list[list[frozenset[str]]]]:
    """How far from a non-ASCII character a BADNESS_RE match can reach:
    its longest match, if each of its alternatives needs a non-ASCII
    character and none looks around or ignores case (else 0: search whole
    lines). Also, for each alternative, the sets of non-ASCII characters
    its items match: a text without a character of one of them cannot
    match it, and most texts are such for every alternative."""
    try:
        from re import _constants as sre
        from re import _parser as parser
        tree = parser.parse(BADNESS_RE.pattern, BADNESS_RE.flags)
        [(op, (_, alternatives))] = tree.data
    except (ImportError, ValueError, TypeError, AttributeError):
        return 0, []

    def non_ascii(op, av) -> frozenset[str]:
        """What a one-character item matches, if only non-ASCII (else nothing)."""
        if op is sre.LITERAL:
            return frozenset({chr(av)}) if av > 127 else frozenset()
        if op is sre.IN and all((o is sre.LITERAL and a > 127)
                                or (o is sre.RANGE and a[0] > 127) for o, a in av):
            return frozenset(chr(c) for o, a in av
                             for c in ([a] if o is sre.LITERAL else range(a[0], a[1] + 1)))
        return frozenset()
    if op is not sre.BRANCH or "(?" in BADNESS_RE.pattern or BADNESS_RE.flags & re.IGNORECASE:
        return 0, []
    needs = [[chars for o, a in alt.data if (chars := non_ascii(o, a))] for alt in alternatives]
    if not all(needs):
        return 0, []
    return tree.getwidth()[1], needs


_WINDOW, _BADNESS_NEEDS = _badness_window()


def _need_bits(alternatives: list[list[frozenset[str]]]) -> tuple[dict[str, int], list[int]]:
    """The needs of the alternatives as bits, one for each item of each:
    for each character, the items it can be; for each alternative, all its items."""
    of_char: dict[str, int] = {}
    of_alternative = []
    bit = 1
    for needs in alternatives:
        mask = 0
        for chars in needs:
            for char in chars:
                of_char[char] = of_char.get(char, 0) | bit
            mask, bit = mask | bit, bit << 1
        of_alternative.append(mask)
    return of_char, of_alternative


_CHAR_BITS, _ALTERNATIVE_BITS = _need_bits(_BADNESS_NEEDS)


def _may_match_badness(present: str) -> bool:
    """Can an alternative of BADNESS_RE match a text whose non-ASCII
    characters are ``present``: does each of its items match one of them?
    (Asked with bits: a test per character and per alternative, not per item.)"""
    found = 0
    for char in set(present):
        found |= _CHAR_BITS.get(char, 0)
    return any(found & bits == bits for bits in _ALTERNATIVE_BITS)
assert _FTFY.fix_c1_controls and _FTFY.fix_latin_ligatures and _FTFY.fix_line_breaks \
    and _FTFY.fix_surrogates and _FTFY.remove_terminal_escapes and _FTFY.remove_control_chars \
    and not _FTFY.fix_character_width and not _FTFY.uncurl_quotes \
    and not _FTFY.unescape_html and _FTFY.normalization == "NFC"


# C0 controls but tab, line ends and form feed; DEL: the ASCII controls reading removes.
_ASCII_CONTROLS = bytes([*range(0x09), 0x0B, *range(0x0E, 0x20), 0x7F])


def has_control(text: str, utf8: bytes | None = None) -> bool:
    """Whether reading's control-character search finds one; bytes.translate finds the ASCII ones
    much faster than its search does. ``utf8``: the bytes ``text`` was decoded from as UTF-8,
    if it was (it holds the same ASCII controls: one fewer encoding)."""
    data = text.encode("utf-8", "surrogatepass") if utf8 is None else utf8
    return len(data.translate(None, _ASCII_CONTROLS)) < len(data) \
        or "\ufffe" in text or "\uffff" in text


def fix_text(text: str) -> tuple[str, bool]:
    """ftfy, line by line, so that it cannot merge or split lines and line
    numbers stay those of the raw file; and True if nothing needed fixing.

    Only lines with a non-ASCII character can need it, and most texts need
    none: those lines are checked together first."""
    if text.isascii():
        return text, True
    lines = text.split("\n")
    odd = [i for i, line in enumerate(lines) if not line.isascii()]
    sample = "\n".join([lines[i] for i in odd])
    if _WINDOW and len(sample) <= _FTFY.max_decode_length and _ftfy_keeps(sample, _looks_bad):
        return text, True
    for i in odd:
        lines[i] = _fix_line(lines[i])
    return "\n".join(lines), False


def _fix_line(line: str) -> str:
    if len(line) <= _FTFY.max_decode_length and _ftfy_keeps(line, is_bad):
        return line
    return ftfy.fix_text(line, config=_FTFY)


def _looks_bad(text: str) -> bool:
    """False when is_bad is False for every line of ``text``. A BADNESS_RE
    match needs characters most texts lack (see _badness_window); it holds
    a non-ASCII character and is at most _WINDOW long, so only the
    stretches around non-ASCII characters are searched; its one anchor
    ("^") is checked at each line start."""
    if not _may_match_badness(non_ascii(text)):
        return False
    if _BAD_LINE_START.search(text):
        return True
    start = end = -1
    for m in _NON_ASCII.finditer(text):
        if m.start() - _WINDOW > end:
            if end >= 0 and BADNESS_RE.search(text, start, end):
                return True
            start = max(m.start() - _WINDOW, 0)
        end = m.end() + _WINDOW
    return end >= 0 and bool(BADNESS_RE.search(text, start, end))


def non_ascii(text: str) -> str:
    """The non-ASCII characters of ``text``, in order (bytes.translate is
    much faster than a regex or a loop over the characters)."""
    return text.encode("utf-8", "surrogatepass").translate(None, _ASCII).decode(
        "utf-8", "surrogatepass")


def _ftfy_keeps(text: str, bad) -> bool:
    """True when ftfy.fix_text(line, config=_FTFY) would return each line of
    ``text`` unchanged: none of its fixers has anything to act on (NFC holds
    line by line: "\n" never combines) and ``bad`` finds no mojibake."""
    return not _FTFY_TOUCHES.search(text) and unicodedata.is_normalized("NFC", text) \
        and not bad(text)


