"""Read: turn the bytes of a raw tutorial into text.

Decoding is tried in a fixed, reasoned order: a byte-order mark wins (UTF-32
before UTF-16, whose BOM is a prefix of UTF-32-LE's); then UTF-16 without a
BOM, recognised by its zero bytes; then strict UTF-8; then, for a file that is
not valid UTF-8, each line on its own: UTF-8 if it is valid, else cp1252 (what
Windows tools and most "ANSI" exports write), with latin-1 for the five bytes
cp1252 leaves undefined; a file pasted together from both keeps both right.
ftfy then repairs mojibake such as ``â€™``. Control characters (other than
tab and form feed) are removed and reported. Line numbers are those of the
raw file.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from pathlib import Path

import ftfy
from ftfy.badness import BADNESS_RE, is_bad
from ftfy.chardata import CONTROL_CHARS, LIGATURES

from build_course.diagnostics import CourseError, Diagnostic, Report
from build_course.model import SourceText

# File signatures of formats people rename to .txt by mistake.
_BINARY_SIGNATURES = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive (or a .docx/.epub file)",
    b"\xd0\xcf\x11\xe0": "an old Microsoft Office document",
    b"{\\rtf": "an RTF document",
}

_FTFY = ftfy.TextFixerConfig(
    unescape_html=False,  # "&lt;" in a tutorial is text, keep it
    uncurl_quotes=False,  # typographic quotes are wanted
    fix_character_width=False,
    explain=False,
)


def _char_class(codes) -> re.Pattern:
    return re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(set(codes))) + "]")


# What ftfy's fixers other than the mojibake repair act on, with _FTFY: C1
# controls, Latin ligatures, line breaks, surrogates, terminal escapes and
# the control characters it removes. Text without any of them, in NFC, and
# that ftfy's own mojibake heuristic (``is_bad``) passes, is returned by
# ftfy unchanged; such text skips ftfy, which is slow per call.
_FTFY_TOUCHES = _char_class([*range(0x80, 0xA0), *LIGATURES, *CONTROL_CHARS, 0x0D, 0x2028,
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
assert _FTFY.fix_c1_controls and _FTFY.fix_latin_ligatures and _FTFY.fix_line_breaks \
    and _FTFY.fix_surrogates and _FTFY.remove_terminal_escapes and _FTFY.remove_control_chars \
    and not _FTFY.fix_character_width and not _FTFY.uncurl_quotes \
    and not _FTFY.unescape_html and _FTFY.normalization == "NFC"


def read_source(path: Path, display: str | None = None,
                report: Report | None = None) -> SourceText:
    """Read and decode one source file; raise CourseError if it is not text."""
    name = display or str(path)
    return decode_source(read_bytes(path, name), path, name, report)


def read_bytes(path: Path, name: str) -> bytes:
    """The raw bytes of a source; CourseError if it cannot be read."""
    try:
        return path.read_bytes()
    except OSError as exc:
        raise CourseError(name, 0, f"cannot read the file ({exc.strerror})",
                          "check that it exists and is readable") from None


# Characters no text means: C0 controls but tab, line ends and form feed
# (PDF extractors mark pages with it), DEL, and the non-characters
# U+FFFE/U+FFFF. YAML, HTML and terminals all trip on them. C1 controls are
# kept for ftfy, which reads them as mojibake; those it leaves are removed.
_CONTROL_CODES = [*range(0x09), 0x0B, *range(0x0E, 0x20), 0x7F, 0xFFFE, 0xFFFF]
_CONTROLS = _char_class(_CONTROL_CODES)
_ASCII_CONTROLS = bytes(c for c in _CONTROL_CODES if c < 0x80)
_C1_CONTROLS = re.compile("[\x80-\x9f]")


def decode_source(data: bytes, path: Path, name: str,
                  report: Report | None = None) -> SourceText:
    """Decode raw bytes of a source; see the module docstring for the order.
    What was removed is reported into ``report``."""
    _refuse_binary(data, name)
    text, encoding = _decode(data)
    warnings: list[Diagnostic] = []
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _has_control(text) and (m := _CONTROLS.search(text)):
        what = "NUL bytes" if m.group(0) == "\x00" else \
            f"control characters (the first is U+{ord(m.group(0)):04X})"
        warnings.append(Diagnostic(name, _line_of(text, m.start()), f"{what} removed",
                                   "save the file as plain text"))
        text = _CONTROLS.sub("", text)
    text, kept = _fix_text(text)
    if not kept and (m := _C1_CONTROLS.search(text)):  # a kept text has no C1 control
        if not warnings:
            warnings.append(Diagnostic(name, _line_of(text, m.start()), "control characters "
                                       f"(the first is U+{ord(m.group(0)):04X}) removed",
                                       "save the file as plain text"))
        text = _C1_CONTROLS.sub("", text)
    if not text.strip():
        raise CourseError(name, 1, "the file has no text",
                          "put the tutorial's text in it or remove it from source/")
    if report is not None:
        report.items += warnings
    return SourceText(path=path, text=text, encoding=encoding)


def _has_control(text: str) -> bool:
    """Whether _CONTROLS finds one; bytes.translate finds the ASCII ones
    much faster than its search does."""
    data = text.encode("utf-8", "surrogatepass")
    return len(data.translate(None, _ASCII_CONTROLS)) < len(data) \
        or "\ufffe" in text or "\uffff" in text


def _fix_text(text: str) -> tuple[str, bool]:
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
    present = set(non_ascii(text))
    if not any(all(not chars.isdisjoint(present) for chars in needs)
               for needs in _BADNESS_NEEDS):
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


def _refuse_binary(data: bytes, name: str) -> None:
    head = data[:8]
    for signature, kind in _BINARY_SIGNATURES.items():
        if head.startswith(signature):
            raise CourseError(name, 1, f"this is {kind}, not text",
                              "extract its text first (for a PDF: pdftotext FILE OUT.txt) "
                              "and put the .txt file in source/")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or _utf16_order(data):
        return
    sample = data[:4096]
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if sample and controls / len(sample) > 0.10:
        raise CourseError(name, 1, "this looks like a binary file, not text",
                          "extract its text first and put the .txt file in source/")


_CONTROL_BYTES = bytes([*range(9), *range(14, 32)])


def _utf16_order(data: bytes) -> str:
    """"utf-16-le" or "utf-16-be" for UTF-16 text without a BOM, else "".

    Text in a Latin script has a zero high byte in most of its code units;
    binary data and UTF-8 almost never have zeros on one side only."""
    sample = data[:4096]
    if len(sample) < 4 or len(data) % 2:
        return ""
    even, odd = sample[0::2], sample[1::2]
    zero_even, zero_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    if zero_odd >= 0.5 and zero_even == 0:
        return "utf-16-le"
    if zero_even >= 0.5 and zero_odd == 0:
        return "utf-16-be"
    return ""


def _decode(data: bytes) -> tuple[str, str]:
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return data.decode("utf-32", errors="replace"), "utf-32"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), "utf-16"
    if order := _utf16_order(data):
        return data.decode(order, errors="replace"), order
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    decoded, found = [], set()
    for line in data.split(b"\n"):  # line by line: a file pasted from both keeps both
        try:
            decoded.append(line.decode("utf-8"))
            if not line.isascii():
                found.add("utf-8")
        except UnicodeDecodeError:
            decoded.append(line.decode("cp1252", errors="latin-1-fallback"))
            found.add("cp1252")
    return "\n".join(decoded), "+".join(sorted(found, reverse=True))


def _latin1_fallback(error: UnicodeDecodeError) -> tuple[str, int]:
    return error.object[error.start:error.end].decode("latin-1"), error.end


codecs.register_error("latin-1-fallback", _latin1_fallback)


def _line_of(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1
