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
from pathlib import Path

from build_course.diagnostics import CourseError, Diagnostic, Report
from build_course.importer._textfast import char_class, fix_text, has_control
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
_CONTROLS = char_class(_CONTROL_CODES)
_C1_CONTROLS = re.compile("[\x80-\x9f]")


def decode_source(data: bytes, path: Path, name: str,
                  report: Report | None = None) -> SourceText:
    """Decode raw bytes of a source; see the module docstring for the order.
    What was removed is reported into ``report``."""
    _refuse_binary(data, name)
    text, encoding = _decode(data)
    warnings: list[Diagnostic] = []
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # (UTF-8 bytes hold the text's ASCII controls as they are; line ends are none)
    if has_control(text, data if encoding == "utf-8" else None) \
            and (m := _CONTROLS.search(text)):
        what = "NUL bytes" if m.group(0) == "\x00" else \
            f"control characters (the first is U+{ord(m.group(0)):04X})"
        warnings.append(Diagnostic(name, _line_of(text, m.start()), f"{what} removed",
                                   "save the file as plain text"))
        text = _CONTROLS.sub("", text)
    text, kept = fix_text(text)
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


# Formats the build reads, when the file has their ending.
_BINARY_HINTS = {b"%PDF": "give the file the ending .pdf: the build reads PDF files",
                 b"PK\x03\x04": "a Word document: give it the ending .docx, which the build "
                                 "reads"}


def _refuse_binary(data: bytes, name: str) -> None:
    head = data[:8]
    for signature, kind in _BINARY_SIGNATURES.items():
        if head.startswith(signature):
            raise CourseError(name, 1, f"this is {kind}, not text",
                              _BINARY_HINTS.get(signature, "save it as text (.txt) or as a PDF, "
                                                "Word (.docx) or web page (.html) file"))
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
            decoded.append(_cp1252(line))
            found.add("cp1252")
    return "\n".join(decoded), "+".join(sorted(found, reverse=True))


# The five bytes cp1252 leaves undefined; read as latin-1 (the same code point).
_CP1252_UNDEFINED = frozenset(b"\x81\x8d\x8f\x90\x9d")


def _cp1252(line: bytes) -> str:
    """cp1252, with latin-1 for the five bytes it leaves undefined."""
    try:
        return line.decode("cp1252")
    except UnicodeDecodeError:
        return "".join(chr(byte) if byte in _CP1252_UNDEFINED else bytes([byte]).decode("cp1252")
                       for byte in line)


def _line_of(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1
