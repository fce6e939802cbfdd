"""Web pages dumped or copied as text (lynx, w3m, a browser's copy).

A dump keeps the page's furniture (skip links, menus, breadcrumbs, sign-in
links, share buttons, cookie notices, footers, reader comments) and loses
its markup: headings are bare lines, found here from the dump's shape (a
line at the margin while the text is indented, as lynx prints; a short line
alone between blank lines, as w3m prints; an underline; an icon glyph that
was a permalink; ``****** title ******``), and paragraphs are hard-wrapped at
the dump's width, so a line is joined to the next only where the next word
would not have fitted. Table cells that lynx centres are joined by their
common centre. The only words known are those in ``cues``.
"""

from __future__ import annotations

import bisect
import re
import textwrap
from collections import Counter
from collections.abc import Callable

from build_course.diagnostics import Report
from build_course.importer import cues
from build_course.importer.cleaning import RawLine, blank_line_blocks
from build_course.importer.line_facts import LineFacts, lines_holding
from build_course.importer.shapes import TERMINAL

_PUA = re.compile("[\ue000-\uf8ff]")
_PERMALINK = re.compile("[^\\W_][\ue000-\uf8ff¶]$")  # a heading's anchor, glued to its end
_GLUED_ICON = re.compile("[^\\W\\d_][\ue000-\uf8ff]")  # after a word: not a PDF's bullet
_UNDERLINE = re.compile(r"^(={3,}|-{3,}|~{3,})$")
_ARROWS = "←→«»‹› "
_LETTERS_ONLY = re.compile(r"[\W_]+")
_SECTION_NUMBER = re.compile(r"^\d{1,2}(\.\d{1,2})*\.?\s+")
_SUBSECTION = re.compile(r"^(\d{1,2}(?:\.\d{1,2})*\.)\d{1,2}\.? +")  # '3.2.1 ', parent '3.2.'
_RULE = re.compile(r"^([_━─═*~·.]{5,}|[=\-]{10,})$")
# (w3m's wide field ends up '[ ]Search' or '[ ]' once runs of spaces are collapsed)
_FORM_FIELD = re.compile(r"^\[[ _]{3,}\]|^\[ \](?=\w|$)")
_STARRED = re.compile(r"^([*=#]{3,})\s*(?P<title>[^\W_](.*?[^\s*=#])?)\s*\1$")
_LYNX_REFERENCE_MARK = re.compile(r"\[\d{1,4}\](?=\S)")
_UNDERSCORED_LINK = re.compile(r"^(\* |o |\d{1,3}\. )?[^\W_]+(_[^\W_]+){2,}$")
_FILE_NAME = re.compile(r"[/\\]|\.[a-z]{1,5}$")  # a path or a file name: 'app/views.py'
_LINKS_ONLY = re.compile(r"^(\[\d{1,4}\][^\[\]]{1,40}?\s*)+$")
_REFERENCE_LINE = re.compile(r"^(\d{1,4}\. \S+://\S+|(visible|hidden) links:)$", re.I)
_MATH_PREAMBLE = re.compile(r"^(\\\(|\\\[|\$\$)\s*\\(re)?newcommand|^(\\\(|\\\[)\s*\\def\\")
_MATH_CLOSE = re.compile(r"(\\\)|\\\]|\$\$)$")
_CODE_LINE = re.compile(
    r"^(\$ |>>> |<{5,}|={5,}$|>{5,}|@@|diff -|\+\+\+ |--- |#include|import |def |class "
    r"|public |\w+\s*\(.*\)\s*[;{]$)|;\s*(//.*)?$|[{}]$|^//"
    r"|^[│┃┌┏├┣└┗╔╠╚║]|^\+[-=]+\+|^\|.*\|$")  # and rows and borders of a drawn table
_WEB_GLYPHS = "*+•□☆○◦▪■‣#@o"
_WEB_BULLET = re.compile(f"^[{re.escape(_WEB_GLYPHS)}] (?=\\S)")
_ITEM = re.compile(r"^([*+•□☆○◦▪■‣#@o]|\d{1,3}[.)]|[a-z][.)]) (?=\S)")
_BUTTONS = re.compile(r"^(\[[^\[\]\d][^\[\]]{0,29}\]\s*)+$")  # w3m's [Search] [Close]
_IMAGE = re.compile(r"^\[[\w.-]+\.(png|jpe?g|gif|svg|webp)\](\s*\{[^}]*\})?$"
                    r"|^\[(img|image|inline|embed|object)\]$|^i?frame: \S+$", re.I)
_NUMBER_ALONE = re.compile(r"^\d{1,3}\.$")
_LETTERED = re.compile(r"^\(?[A-Za-z][.)] (?=\S)")
_SHORT_CHROME = re.compile(f"(?:{cues.WEB_CHROME.pattern})|(?:{cues.COOKIE_BUTTONS.pattern})",
                           re.I)
_PREV_NEXT_ALONE = re.compile(r"^[«‹←]?\s*(prev|previous|next)\s*:?\s*[»›→]?$", re.I)
_PREV_NEXT = re.compile(r"(?i)\b(prev|previous|next)\b")
# "Previous  Overview: Scripting  Next": the links before and after, around the way up
_PREV_NEXT_AROUND = re.compile(r"(?i)^[«‹←]?\s*(prev|previous)\b\W+(\w+\W+){0,5}next\s*[»›→]?$")
_HAS_SEPARATOR = re.compile(r"[|»›→]| [>/•·] ")
_CODE_CHARS = re.compile(r"[{}()\[\];=<>&\\$]")
_LETTERS = re.compile(r"[^\W\d_]{2}")
_LABEL = re.compile(r"^[A-Z][\w ]{0,20}:$")
_CODE_LABEL = re.compile(r"^[A-Z][A-Z0-9+#]{1,11}$")  # a code block's language: "BASH", "R"


# ---- detection -------------------------------------------------------------

def detect(raw: list[RawLine], facts: LineFacts | None = None) -> list[str]:
    """Evidence that ``raw`` is a web page dumped as text: two kinds of it,
    or one that is enough on its own. (Each test looks first for the
    characters its evidence needs, in ``facts``: most texts have none.)"""
    facts = facts or LineFacts.of(raw)
    head = _head(raw, facts)
    found = [what for what, test in _EVIDENCE if test(raw, facts, head)]
    if len(found) == 1:
        found += [what for what, test in _EVIDENCE_SECOND if test(raw, facts, head)]
    alone = [what for what, test in _EVIDENCE_ENOUGH_ALONE if test(raw, facts, head)]
    return [*found, *alone] if alone or len(found) >= 2 else []


def _head(raw: list[RawLine], facts: LineFacts) -> LineFacts:
    """The first 400 lines, without lynx's link numbers (``[3]Home``) and an
    e-text's licence lines (``*** START OF ...``: no heading)."""
    top = facts.first(400)
    marked = [k for k in facts.lines_holding("[") if k < 400]
    licence = [k for k in top.lines_starting("*") if top.texts[k][:3] == "***"
               and (cues.LICENCE_START.match(top.texts[k]) or cues.LICENCE_END.match(top.texts[k]))]
    if not marked and not licence:
        return top  # (most texts)
    texts = list(top.texts)
    for k in marked:
        texts[k] = _LYNX_REFERENCE_MARK.sub("", texts[k])
    for k in reversed(licence):
        del texts[k]
    return LineFacts.of_texts(texts)


def _skip_or_button(raw: list[RawLine], facts: LineFacts, head: LineFacts) -> bool:
    return any(head.texts[k].lower().startswith(("skip", "(button)", "toggle"))
               and cues.WEB_CHROME.match(head.texts[k]) for k in head.lines_starting("sS(tT"))


def _skip_link(text: str) -> bool:
    """``Skip to content``, also as an item of the menu that opens the page
    (``• Skip to main content``)."""
    text = _unbulleted(text)
    return text[:7].lower() == "skip to" and bool(cues.WEB_CHROME.match(text))


def _lynx_rule(r: RawLine) -> bool:
    """A rule as lynx (``____``, indented, long) or w3m (``━━━━``) draws it."""
    first = r.text[0]
    return (first in "━─" or (first == "_" and r.indent >= 3 and len(r.text) >= 40)) \
        and bool(_RULE.match(r.text))


def _permalinks(raw: list[RawLine], facts: LineFacts) -> int:
    """How many heading-shaped lines alone between blank lines end with the
    same glyph glued to their last word (a permalink, drawn by an icon font)."""
    # (the glyph, '¶' or an icon, is beyond ASCII: only such lines are asked)
    glyphs = Counter(r.text[-1] for k in facts.non_ascii
                     if k < 3000
                     and ("\ue000" <= (r := raw[k]).text[-1] <= "\uf8ff" or r.text[-1] == "¶")
                     and len(r.text) <= 100
                     and _PERMALINK.search(r.text)
                     and r.blank_before and (k + 1 == len(raw) or raw[k + 1].blank_before)
                     and _heading_shaped(r.text[:-1]))
    return glyphs.most_common(1)[0][1] if glyphs else 0


def _permalink_headings(raw: list[RawLine], facts: LineFacts, head: LineFacts) -> bool:
    return (facts.private_use or "¶" in facts.joined) and _permalinks(raw, facts) >= 3


def _form_field(raw: list[RawLine], facts: LineFacts, head: LineFacts) -> bool:
    return any(_FORM_FIELD.match(head.texts[k]) for k in head.lines_starting("["))


def _navigation_bars(raw: list[RawLine], facts: LineFacts, head: LineFacts) -> bool:
    """A navigation bar among the first and last 60 lines."""
    ends = [t for t in facts.texts[:60] + facts.texts[-60:] if len(t) <= 100]  # (a bar is short)
    # A bar has a separator or says 'prev' or 'next' (in any case): only such
    # lines are asked. Those words are found in the lines' UTF-8, whose lower()
    # is much faster than str.lower() and finds them where it would (no
    # character beyond ASCII lowers to their letters).
    joined = "\n".join(ends)
    lowered = joined.encode("utf-8", "surrogatepass").lower()
    candidates = {*lines_holding(joined, ("|", "»", "›", "→", " > ", " / ")),  # _HAS_SEPARATOR
                  *lines_holding(lowered, (b"prev", b"next"))}
    return any(_nav_bar(ends[k]) for k in sorted(candidates))


def _rules(raw: list[RawLine], facts: LineFacts, head: LineFacts) -> bool:
    return sum(1 for k in facts.lines_starting("━─_") if k < 3000 and _lynx_rule(raw[k])) >= 2


def _lynx_marks(raw: list[RawLine], facts: LineFacts, head: LineFacts) -> bool:
    return sum(1 for k in facts.lines_holding("[")
               if k < 2000 and _LYNX_REFERENCE_MARK.search(facts.texts[k])) >= 3 \
        and "References" in facts.texts


def _icon_glyphs(raw: list[RawLine], facts: LineFacts, head: LineFacts) -> bool:
    return facts.private_use and sum(
        1 for k in facts.non_ascii
        if k < 3000 and _PUA.search(facts.texts[k]) and _GLUED_ICON.search(facts.texts[k])) >= 2


def _long_menu(raw: list[RawLine], facts: LineFacts, head: LineFacts) -> bool:
    # (twelve items need twelve lines that start with a list glyph)
    return sum(facts.firsts.count(glyph) for glyph in _WEB_GLYPHS) >= 12 \
        and _menu_run(raw) >= 12


_EVIDENCE = (
    ("a 'Skip to content' or 'Toggle navigation' line, or lynx '(BUTTON)' labels",
     _skip_or_button),
    ("an empty form field '[      ]'", _form_field),
    ("navigation bars ('A | B', 'Prev Next', breadcrumbs)", _navigation_bars),
    ("horizontal rules drawn as '____' or '━━━━'", _rules),
    ("lynx's numbered link markers and References list", _lynx_marks),
    ("icon-font glyphs (private use characters)", _icon_glyphs),
    ("table cells centred by lynx", lambda raw, facts, head: bool(_centred_width(raw))),
    ("a long menu of short link lines", _long_menu),
    ("a site's furniture after the text (a comments or sidebar heading, a copyright footer)",
     lambda raw, facts, head: _furniture_at_end(raw)),
    ("a menu line that ends with the account links ('Courses Blog Sign in')",
     lambda raw, facts, head: any(_account_menu(t) for t in facts.texts[:10]
                                  if t[-1] in "nNpPtTrR")),  # (how each account link ends)
)


def _starred_heading(raw: list[RawLine], facts: LineFacts, head: LineFacts) -> bool:
    return any(head.texts[k][:3] in ("***", "===") and _STARRED.match(head.texts[k])
               for k in head.lines_starting("*="))


def _underscored_links(raw: list[RawLine], facts: LineFacts, head: LineFacts) -> bool:
    return "_" in facts.joined and sum(1 for k in head.lines_holding("_")
               if _UNDERSCORED_LINK.match(head.texts[k])) >= 3


# Marks looked for only beside one kind of the evidence above (most texts
# have none of it, and a page with two kinds needs no more).
_EVIDENCE_SECOND = (
    ("a dumper's list glyphs ('□' items nested under '•', '+' under '*')",
     lambda raw, facts, head: facts.starts("•*") and _nested_glyphs(raw)),
    ("a heading starred at both ends by html2text", _starred_heading),
    ("link texts whose spaces html2text made '_'", _underscored_links),
)


def _breadcrumb_at_top(raw: list[RawLine], facts: LineFacts, head: LineFacts) -> bool:
    top = head.first(30)
    return top.has("»", "›", "→", " > ") and any(_breadcrumb(t) for t in top.texts)


_EVIDENCE_ENOUGH_ALONE = (
    ("a skip link opening the text",
     lambda raw, facts, head: any(_skip_link(t) for t in head.texts[:5])),
    ("lynx's line of the page's link relations ('#prev next')",
     lambda raw, facts, head: bool(head.texts) and _link_relations(head.texts[0])),
    ("a breadcrumb trail at the top", _breadcrumb_at_top),
    ("headings ending with a permalink glyph", _permalink_headings),
    ("lynx's References list of numbered addresses",
     lambda raw, facts, head: "References" in facts.texts and _lynx_references(raw)),
)


def nav_bar(text: str) -> bool:
    """Is ``text`` a bar of navigation links (``« Previous | Next »``)?"""
    return bool(text) and (_nav_bar(text) or _is_chrome(text))


def share_button(text: str) -> bool:
    """A line of share buttons (``Share: Facebook Twitter``), or one of the
    buttons listed under ``Share this:`` (``* Email``)."""
    return _share_line(text) or (bool(_WEB_BULLET.match(text)) and all(
        w in cues.SHARE_WORDS for w in _share_words(text[2:]) or ["-"]))


def _furniture_at_end(raw: list[RawLine]) -> bool:
    """Among the last 40 lines, a copyright footer and a comments or sidebar
    heading ("3 Comments", "Related posts")."""
    tail = [r.text for r in raw[-40:] if len(r.text) <= 80]
    return any(cues.WEB_FOOTER.match(t) for t in tail) and any(
        cues.COMMENTS_HEADING.match(t) or cues.WEB_SIDEBAR_HEADING.match(t) for t in tail)


_ACCOUNT_LINKS = re.compile(r"\s(?:sign in|sign up|log ?in|log out|register|my account)$", re.I)


def _account_menu(text: str) -> bool:
    """``Trail School Courses Blog Sign in``: a short line of capitalised link
    words that ends with the site's account links."""
    m = _ACCOUNT_LINKS.search(text) if len(text) <= 80 else None
    words = text[:m.start()].split() if m else []
    return 3 <= len(words) <= 8 and all(w[:1].isupper() for w in words)


_REFERENCE_LINE = re.compile(r"^\d{1,4}\. [a-z][a-z+.-]*:\S")


def _lynx_references(raw: list[RawLine]) -> bool:
    """lynx's list of the page's links at its end: ``References``, then
    ``1. https://...`` lines."""
    for i in range(len(raw) - 1, max(len(raw) - 3000, 0) - 1, -1):
        if raw[i].text == "References":
            after = raw[i + 1:i + 4]
            return len(after) == 3 and all(_REFERENCE_LINE.match(r.text) for r in after)
    return False


def _breadcrumb(text: str) -> bool:
    """``Home » Guides » Tomatoes``: three or more short parts."""
    for separator in ("»", "›", "→", " > "):
        if separator not in text:
            continue
        parts = [p.strip() for p in text.split(separator)]
        if len(parts) >= 3 and all(0 < len(p.split()) <= 5 for p in parts) \
                and (separator != " > " or all(p[0].isupper() and _nav_item(p) for p in parts)):
            return True  # 'Home > Courses > Lesson 3' (a bare '>' only between named links)
    return False


def _nav_bar(text: str) -> bool:
    """``Home » Tutorials » Tips``, ``[ Index | Main ]``, ``Sign in | Register``,
    ``Previous Next``."""
    if len(text) > 100:
        return False
    lower = text.lower()
    if ("prev" in lower or "next" in lower) and _PREV_NEXT.search(text) \
            and (cues.WEB_CHROME.match(text) or _PREV_NEXT_AROUND.match(text)):
        return True
    if not _HAS_SEPARATOR.search(text):
        return False  # the usual line: no separator, no need to split it
    inner = text.strip("[] ")
    for separator in ("|", "»", "›", " > ", "→", " / ", " • ", " · "):
        parts = [p.strip() for p in inner.split(separator)]
        if separator == " > " and not all(p[:1].isupper() for p in parts):
            continue  # "Home > Guides", not a shell's "cat notes.txt > all.txt"
        if separator in (" • ", " · ") and any(
                cues.CREDIT_LINE.match(p) or any(c.isdigit() for c in p) for p in parts):
            continue  # "About • Careers", not a byline "By Sam Reyes · 4 May 2026 · 8 min read"
        if len(parts) >= 2 and all(_nav_item(p) or _SHORT_CHROME.match(p) for p in parts):
            return separator != " / " or len(parts) >= 3
    return False


def _nav_item(part: str) -> bool:
    """A link's words: a few, with letters, no sentence end, no code, not
    ending on a small word ("Words and")."""
    words = part.split()
    return 0 < len(words) <= 5 and not part.endswith((".", "?", "!", ",", ":")) \
        and bool(_LETTERS.search(part)) and not _CODE_CHARS.search(part) \
        and (words[-1].lower() not in cues.SMALL_WORDS or bool(_SHORT_CHROME.match(part)))


def _menu_run(raw: list[RawLine]) -> int:
    """The longest run of short list items without sentence punctuation."""
    best = run = 0
    for r in raw[:1500]:
        bullet = r.text[1:2] == " " and _WEB_BULLET.match(r.text) is not None
        if bullet and len(r.text) <= 70 and not r.text.endswith(TERMINAL):
            run += 1
            best = max(best, run)
        elif not r.blank_before or bullet:
            run = 0
    return best


def _link_relations(text: str) -> bool:
    """``#prev next``, ``#[1]next [2]prev`` (the references already gone)."""
    words = text[1:].split() if text[:1] == "#" and text[1:2] != " " else []
    return bool(words) and all(w.lower() in cues.LINK_RELATIONS for w in words)


def _nested_glyphs(raw: list[RawLine]) -> bool:
    """Twice or more a ``□`` item right under a ``•`` item (or its
    siblings) and indented deeper, w3m's marks for a list in a list; or a
    ``+`` item under a ``*`` one, lynx's."""
    found, outer, inner = 0, -1, ""
    for r in raw[:3000]:
        first = r.text[0]
        if first in "•*" and r.text[1:2] == " ":
            outer, inner = r.indent, "□" if first == "•" else "+"
        elif first == inner and r.text[1:2] == " " and not r.blank_before and 0 <= outer < r.indent:
            found += 1
            if found >= 2:
                return True
        elif r.blank_before:
            outer = -1
    return False


def _centred_width(raw: list[RawLine]) -> int:
    """Twice the centre column of lynx's centred table cells, or 0: many
    indented lines of different indents share one centre."""
    sums = Counter(2 * r.indent + len(r.text) for r in raw if r.indent >= 4)
    if not sums:
        return 0
    centre, _ = sums.most_common(1)[0]
    near = [r for r in raw if r.indent >= 4 and abs(2 * r.indent + len(r.text) - centre) <= 2]
    indents = Counter(r.indent for r in near)
    if len(near) >= 10 and len(indents) >= 4 and indents.most_common(1)[0][1] <= len(near) // 2:
        return centre
    return 0


# ---- passes ------------------------------------------------------------------

_BOX_TOP = "┌┏╔"
_BOX_LINE = "┌┏╔│┃║├┣╠└┗╚"
_BOX_SEPARATOR = "├┣╠└┗╚"
_BOX_BAR = re.compile("[│┃║]")


def unbox_label_tables(raw: list[RawLine], report: Report) -> None:
    """A table w3m drew with borders whose first column labels the second
    (``│ Question 1: │ What is ... │``, ``│ Answer: │ ...``): a layout
    table, read as its rows, each a paragraph that starts with its label,
    as lynx prints such a table. Other drawn tables stay as drawn."""
    i = 0
    while i < len(raw):
        if raw[i].text[0] not in _BOX_TOP:
            i += 1
            continue
        end = i + 1
        while end < len(raw) and raw[end].text[0] in _BOX_LINE and not raw[end].blank_before:
            end += 1
        rows = _box_rows(raw[i:end])
        if rows is None:
            i = end
            continue
        width = raw[i].indent + len(raw[i].text)  # the page's: paragraphs wrapped at it
        lines = [line for row in rows for line in _row_lines(row, raw[i], width)]
        report.note(raw[i].line, f"read a table of {len(rows)} rows drawn with borders as "
                    "labelled paragraphs (its first column labels the second)")
        raw[i:end] = lines
        i += len(lines)


def _box_rows(block: list[RawLine]) -> list[tuple[str, list[str]]] | None:
    """The rows (label, lines of the second cell, the cell's lines wrapped
    at its width joined) of a two-column drawn table whose first cells are
    short labels; None for any other."""
    rows: list[tuple[list[str], list[str]]] = []
    cells: tuple[list[str], list[str]] = ([], [])
    width = 0
    for r in block[1:]:
        if r.text[0] in _BOX_SEPARATOR:
            if cells[0] or cells[1]:
                rows.append(cells)
            cells = ([], [])
            continue
        parts = _BOX_BAR.split(r.spaced or r.text)
        if len(parts) != 4 or parts[0].strip() or parts[3].strip():
            return None
        if parts[1].strip():
            cells[0].append(parts[1].strip())
        width = max(width, len(parts[2]))
        if parts[2].strip():
            cells[1].append(parts[2].rstrip()[1:] if parts[2][:1] == " " else parts[2].rstrip())
        elif cells[1] and cells[1][-1]:
            cells[1].append("")  # a blank line inside the cell: paragraphs apart
    labels = [" ".join(c[0]) for c in rows]
    if len(rows) < 2 or not all(labels) or not all(
            len(t) <= 30 and len(t.split()) <= 4 and not t.endswith(TERMINAL[:3]) for t in labels):
        return None
    # labels as such ("Answer:"), or cells of running text: no table of data
    colons = sum(1 for t in labels if t.endswith(":"))
    if colons * 2 < len(rows) and sum(len(" ".join(c[1])) for c in rows) < 60 * len(rows):
        return None
    return [(label, _unwrap_cell(c[1], width)) for label, c in zip(labels, rows)]


def _unwrap_cell(lines: list[str], width: int) -> list[str]:
    """A cell's lines, each joined to the one before where that one was
    wrapped at the cell's width (the next word would not have fitted);
    indented lines (code) and blank ones stand as they are."""
    out: list[str] = []
    last = 0  # the width of the line before, as it stood in the cell
    for text in lines:
        first = text.split(" ", 1)[0]
        if out and out[-1] and text[:1] not in (" ", "") and out[-1][:1] != " " \
                and last + 1 + len(first) > width - 2:
            out[-1] += " " + text
        else:
            out.append(text)
        last = len(text) + 1
    return out


def _row_lines(row: tuple[str, list[str]], first: RawLine, width: int) -> list[RawLine]:
    """A row's label and its cell's text, wrapped at the page's width as the
    dump wraps a paragraph; the cell's indented lines (code) as they were."""
    label, lines = row
    out: list[RawLine] = []
    blank = True
    for n, text in enumerate(lines):
        if not text:
            blank = True
            continue
        if n == 0:
            text = f"{label} {text}"
        stripped = text.lstrip(" ")
        indent = len(text) - len(stripped)
        if indent:
            spaced = stripped if "  " in stripped else ""
            out.append(RawLine(" ".join(stripped.split()), first.line, indent, blank,
                               spaced=spaced))
        else:
            for k, part in enumerate(textwrap.wrap(stripped, width)):
                out.append(RawLine(part, first.line, 0, blank and k == 0))
        blank = False
    return out or [RawLine(label, first.line, 0, True)]


def drop_icon_glyphs(raw: list[RawLine], report: Report) -> None:
    """Icon-font glyphs (private use characters) go; a short line that ended
    with one was a heading with its permalink anchor."""
    dropped = 0
    hashes = _hash_permalinks(raw)
    for r in raw:
        if r.text.endswith("¶") and len(r.text) > 1:
            r.text = r.text[:-1].rstrip() + "\ue000"  # a pilcrow permalink: as an icon's
        elif hashes and r.text[-1] == "#" and r.line in hashes:
            r.text = permalink_hash(r.text) + "\ue000"  # "Setup#": a theme's '#' permalink
        if not _PUA.search(r.text):
            continue
        ends = bool(_PUA.match(r.text[-1]))
        r.text = _PUA.sub("", r.text).strip()
        dropped += 1
        if not r.text:
            r.keep = False
        elif ends and r.blank_before and len(r.text) <= 100 and r.indent == 0:
            # a code block's caption ("app/views.py¶") has a permalink too
            r.kind = "text" if " " not in r.text and _FILE_NAME.search(r.text) else "heading"
    if dropped:
        report.note(raw[0].line, f"removed icon-font glyphs from {dropped} lines")


def _hash_permalinks(raw: list[RawLine]) -> set[int]:
    """The lines of heading-shaped text alone between blank lines that end
    with a '#' glued to their last word (``Setup#``), when three or more
    do: the permalink that pydata and book themes draw as '#'."""
    found = {r.line for k, r in enumerate(raw)
             if r.text[-1] == "#" and len(r.text) > 2 and r.blank_before
             and (k + 1 == len(raw) or raw[k + 1].blank_before)
             and (r.text[-2].isalnum() or r.text[-2] in ")?!#") and _heading_shaped(r.text[:-1])}
    return found if len(found) >= 3 else set()


def prev_next_alone(text: str) -> bool:
    """``previous``, ``Next »``: a link to the page before or after, alone."""
    return len(text) <= 20 and bool(_PREV_NEXT_ALONE.match(text))


def permalink_hash(text: str) -> str:
    """``text`` without the '#' a permalink glued to its end, where it is one:
    not the '#' of a name such as C# ('Learning C#'), unless doubled ('C##')."""
    words = text.rsplit(" ", 1)
    if text.endswith("##") or len(words[-1]) > 2 or not words[-1][:1].isupper():
        return text[:-1].rstrip()
    return text


def drop_math_preamble(raw: list[RawLine], report: Report) -> None:
    """A MathJax macro preamble (``\\(\\newcommand{...} ... \\)``) that
    the browser would hide."""
    i = 0
    while i < len(raw):
        if _MATH_PREAMBLE.match(raw[i].text):
            j = i
            while j < len(raw) and j - i < 200 and not _MATH_CLOSE.search(raw[j].text):
                j += 1
            for r in raw[i:j + 1]:
                r.keep = False
                report.dropped(r.line, "math macro preamble line", r.text)
            i = j
        i += 1


def drop_chrome(raw: list[RawLine], report: Report) -> None:
    """Lines of site furniture: skip links, buttons, form fields, navigation
    bars, breadcrumbs, share buttons, cookie notices, horizontal rules (the
    line above a rule, with no blank between, is a heading underlined)."""
    for i, r in enumerate(raw):
        if not r.keep:
            continue
        if r.text[-1] == "]" and (m := cues.EDIT_LINK.search(r.text)) and m.start():
            r.text = r.text[:m.start()]  # "Uses[edit]": the wiki's link to edit the section
        if "^" in r.text[:6] or "^[" in r.text:
            r.text = _citation_marks(r.text)
        text = r.text
        above = raw[i - 1] if i else None
        if _UNDERLINE.match(text) and above and above.keep and not r.blank_before \
                and abs(len(text) - len(above.text) - above.indent + r.indent) <= 2 \
                and _heading_shaped(above.text) and not _in_columns(above):  # a table's head
            above.kind, r.keep = "heading", False  # "Title" over "=====" of its length
            continue
        if _RULE.match(text):
            if above and above.keep and not r.blank_before and above.blank_before \
                    and _heading_shaped(above.text) and not _in_columns(above) \
                    and len(text) >= len(above.text) - 2 \
                    and not above.text.endswith((".", ",", ";")):
                above.kind = "heading"
            r.keep = False
            continue
        if i == 0 and text[0] == "#" and text[1:2].isalpha():
            for o in raw[:next((j for j, o in enumerate(raw) if j and o.blank_before), 1)]:
                o.keep = False  # lynx's line of the page's <link>s: "#Index Search ..."
                report.dropped(o.line, "page furniture line", o.text)
            continue
        if cues.SOLUTION_BUTTON.match(text):
            after = raw[i + 1] if i + 1 < len(raw) else None
            if after is None or _RULE.match(after.text):
                r.keep = False  # a link to the solution's own page, at the exercise's end
                report.dropped(r.line, "solution link", text)
            else:
                r.text = "Solution"
            continue
        if (m := _STARRED.match(text)) and (r.blank_before or text[0] != "="):  # not a
            # test runner's "==== 3 passed ====" under its command
            r.text, r.kind = m.group("title"), "heading"
            continue
        if "|" in text and _table_row(raw, i):
            continue  # "Name | Value" over "---- | -----": a table, not a bar of links
        if r.kind == "heading" and not _PREV_NEXT.search(text):
            continue  # a heading with its permalink ("Login¶"), not a link to log in
        if _is_chrome(text) or _IMAGE.match(text) or (text[0] == "[" and _BUTTONS.match(text)) \
                or (i < 10 and _account_menu(text)):
            r.keep = False
            report.dropped(r.line, "page furniture line", text)
            if above and above.keep and r.blank_before and above.blank_before \
                    and cues.WEB_FOOTER.match(text) and _credit(above.text):
                above.keep = False  # "By Ann Lee" over "© 2024 ..."
                report.dropped(above.line, "page furniture line", above.text)
            _drop_rest_of_notice(raw, i, report)
            if len(text) <= 60 and _share_line(text):
                _drop_share_items(raw, i, report)
            after = raw[i + 1] if i + 1 < len(raw) else None
            if _PREV_NEXT_ALONE.match(text) and after and after.keep \
                    and _heading_shaped(after.text) and len(after.text.split()) <= 8:
                after.keep = False  # the title of the page a "Next" link leads to
                report.dropped(after.line, "page furniture line", after.text)
    _drop_footer_tail(raw, report)
    _drop_closing_footer(raw, report)


_CITATION_CARET = re.compile(r"\^(?=\[\d{1,3}\])")
_BACK_LINK = re.compile(r"^((?:\d{1,3}[.)]|[*+•]) )?\^ ")  # "1. ^ Smith": a reference's


def _citation_marks(text: str) -> str:
    """A wiki's citations as the dump draws them: ``soil.^[1]`` (a raised
    reference mark) is ``soil.[1]``; ``^ Smith, J. (2010)`` (the reference's
    link back to the text) is ``Smith, J. (2010)``."""
    text = _CITATION_CARET.sub("", text)
    return _BACK_LINK.sub(r"\1", text)


def _credit(text: str) -> bool:
    """``By Ann Lee``: a page's credit to its author (a few words, no sentence)."""
    return len(text.split()) <= 7 and not text.endswith(TERMINAL) \
        and bool(cues.CREDIT_LINE.match(text))


def _table_row(raw: list[RawLine], i: int) -> bool:
    """A line with ``|`` in it right above or under another one."""
    return (i > 0 and not raw[i].blank_before and "|" in raw[i - 1].text) or (
        i + 1 < len(raw) and not raw[i + 1].blank_before and "|" in raw[i + 1].text)


FOOTER_LINES = 15
"""A footer is short: a copyright or "built with" line right under a rule
starts one when at most this many lines follow it."""


def _drop_footer_tail(raw: list[RawLine], report: Report) -> None:
    """The page's footer, from its first line under a rule (``© ...``,
    ``Built with ...``) to the end: what follows it is furniture too (a
    search box's or a shortcuts panel's text, hidden until asked for)."""
    start = max(len(raw) - FOOTER_LINES - 1, 1)
    for k in range(start, len(raw)):
        r = raw[k]
        if r.blank_before and _RULE.match(raw[k - 1].text) and cues.WEB_FOOTER.match(r.text):
            for o in raw[k:]:
                if o.keep:
                    o.keep = False
                    report.dropped(o.line, "page footer line", o.text)
            return


def _drop_closing_footer(raw: list[RawLine], report: Report) -> None:
    """A footer without a rule above it: from a footer line (``This page
    was last edited ...``, ``Text is available under ...``, a copyright in
    the last lines) near the end, when all after it is footer lines or links
    (``Privacy policy``), with the links right above it."""
    tail = [r for r in raw if r.keep][-3 * FOOTER_LINES:]
    start = None
    for k in range(len(tail) - 1, -1, -1):
        r = tail[k]
        bare = _unbulleted(r.text)
        if cues.WEB_FOOTER.match(bare) or (k >= len(tail) - 3 and _COPYRIGHT.search(bare)):
            start = k  # (the copyright may stand inside the page's last lines: "Portions ... ©")
        elif k and not r.blank_before and not _WEB_BULLET.match(r.text):
            continue  # the wrapped rest of the line above: it goes or stays with it
        elif not _link_text(bare):
            break
        elif start is not None:
            start = k  # links above the footer's first line ("About", "Careers") are the footer's
    if start is None or len(tail) - start > 2 * FOOTER_LINES:
        return
    for r in tail[start:]:
        r.keep = False
        report.dropped(r.line, "page footer line", r.text)


_COPYRIGHT = re.compile(r"©|\(c\) \d{4}|\bcopyright \d{4}|\ball rights reserved\b", re.I)


def _unbulleted(text: str) -> str:
    return text[2:] if _WEB_BULLET.match(text) else text


def _link_text(text: str) -> bool:
    """A few words without a sentence's end: a link's text (``Privacy policy``)."""
    return len(text) <= 40 and len(text.split()) <= 5 and not text.endswith(TERMINAL)


def _drop_rest_of_notice(raw: list[RawLine], i: int, report: Report) -> None:
    """A long line of furniture (a cookie notice, a licence footer) that
    stops mid-sentence goes on on the next lines of its block: they go too."""
    notice = raw[i]
    j = i + 1
    while len(raw[j - 1].text) >= 40 and not raw[j - 1].text.endswith(TERMINAL) \
            and j < len(raw) and raw[j].keep and not raw[j].blank_before \
            and raw[j].indent == notice.indent:
        raw[j].keep = False
        report.dropped(raw[j].line, "page furniture line", raw[j].text)
        j += 1


def _is_chrome(text: str) -> bool:
    bare = text.strip(_ARROWS)
    if bare != text and (cues.WEB_CHROME.match(bare) or len(bare.split()) <= 6):
        return bool(bare) and not bare.endswith((".", "?", "!"))  # "« Previous", "Next lesson »"
    short = len(text) <= 60
    if (short and _SHORT_CHROME.match(text)) or cues.WEB_FOOTER.match(text) \
            or (text[0] == "[" and _FORM_FIELD.match(text)):
        return True
    if "ookie" in text and cues.COOKIE_NOTICE.search(text):
        return True
    if not short:
        return _nav_bar(text)
    return _share_line(text) or _nav_bar(text)


def _share_line(text: str) -> bool:
    """``Share: Facebook Twitter``, ``Share this:``; not a heading ``Email``."""
    words = _share_words(text)
    shares = sum(1 for w in words if w in cues.SHARE_WORDS)
    return bool(words) and all(w in cues.SHARE_WORDS or w in _SHARE_FILLER for w in words) \
        and (shares >= 2 or (shares > 0 and ("share" in words or "follow" in words)))


_SHARE_FILLER = ("on", "this", "via", "us", "follow", "page", "article")


def _share_words(text: str) -> list[str]:
    return [w for w in (w.strip(":,|·") for w in text.lower().split()) if w]


def _drop_share_items(raw: list[RawLine], i: int, report: Report) -> None:
    """The buttons listed under a share label (``Share this:`` over
    ``* Twitter``, ``* Email``): items of share words only."""
    j = i + 1
    while j < len(raw) and raw[j].keep and _WEB_BULLET.match(raw[j].text) \
            and share_button(raw[j].text):
        raw[j].keep = False
        report.dropped(raw[j].line, "share-button line", raw[j].text)
        j += 1


def drop_navigation(raw: list[RawLine], report: Report) -> None:
    """The menus, site name and breadcrumbs above the page's main heading.
    The main heading is the last heading-shaped line before the first
    sentence of text (stepping back over headings such as ``Objectives``);
    what stands above it goes only when it reads as navigation: mostly
    short lines without sentence punctuation."""
    kept = [r for r in raw if r.keep]
    first = next((k for k, r in enumerate(kept) if _is_sentence(r, kept[k + 1:k + 2])), None)
    if first is None:
        return
    main = _main_heading(kept, first)
    if main is None or main == 0:
        return
    above = kept[:main]
    short = sum(1 for r in above if len(r.text) <= 70 and not r.text.endswith((".", "?", "!")))
    furniture_after = any(not r.keep and above[-1].line < r.line < kept[main].line for r in raw)
    if short < 0.8 * len(above) or (len(above) < 3 and not furniture_after):
        return  # a title and a subtitle above the text are not a menu; a site name is
    for r in above:
        r.keep = False
        report.dropped(r.line, "navigation line", r.text)
    kept[main].kind = "heading"
    for r in kept[main + 1:first]:
        if _byline(r.text):
            r.keep = False
            report.dropped(r.line, "byline", r.text)


def _is_sentence(r: RawLine, after: list[RawLine]) -> bool:
    """A line of running text: long, and ending a sentence or going on on the next line."""
    text = r.text
    if len(text) < 45 or text.count(" ") < 7 or _nav_bar(text):
        return False
    goes_on = bool(after) and not after[0].blank_before and not _WEB_BULLET.match(after[0].text)
    long = len(text.split()) >= 12
    return text.endswith((".", ":")) or (long and text.endswith(("?", "!"))) or goes_on


def _main_heading(kept: list[RawLine], first: int) -> int | None:
    """The page's own heading: the last heading-shaped line above the first
    sentence, where the dump puts headings if one stands there (lynx: left
    of the running text; w3m: alone between blank lines), so that a tagline
    under the title (``From the free encyclopedia``) is not taken for it."""
    placed = _heading_place(kept)
    found = _last_heading_above(kept, first, placed) if placed else None
    return found if found is not None else _last_heading_above(kept, first, None)


def _heading_place(kept: list[RawLine]) -> Callable[[int], bool] | None:
    """Where the dump's layout shows its headings, as a test of a line's place."""
    body = _body_indent(kept)
    if body >= 2:
        return lambda k: kept[k].indent < body
    if _few_blanks(kept):
        return None  # a browser's copy: no layout to go by
    return lambda k: k + 1 == len(kept) or kept[k + 1].blank_before


def _last_heading_above(kept: list[RawLine], first: int,
                        placed: Callable[[int], bool] | None) -> int | None:
    k = first - 1
    while k >= 0:
        r = kept[k]
        if _heading_shaped(r.text) and (r.blank_before or (k and not kept[k - 1].blank_before)) \
                and (placed is None or placed(k)):
            if not cues.PAGE_METADATA_HEADING.match(r.text) and not cues.LESSON_TIMES.match(
                    r.text) and not _byline(r.text) and not cues.WEB_BOX_LABEL.match(r.text):
                return _chapter_above(kept, _above_metadata(kept, k))
        k -= 1
    return None


def _chapter_above(kept: list[RawLine], k: int) -> int:
    """The page's own heading when the first section's ('6.1 Equations')
    stands right under it and it names the section's parent number
    ('Chapter 6 Blocks', '6 Blocks')."""
    r = kept[k]
    if k == 0 or not r.text[:1].isdigit() or not (m := _SUBSECTION.match(r.text)):
        return k
    above = kept[k - 1]
    parent = m.group(1)[:-1]
    if r.blank_before and above.blank_before and _heading_shaped(above.text) \
            and re.search(rf"(^|\s){re.escape(parent)}([\s.:]|$)", above.text):
        return k - 1
    return k


def _above_metadata(kept: list[RawLine], k: int) -> int:
    """The page's own heading when a box of lesson metadata (``Objectives``
    and its items, an overview card) stands between it and the first
    section's heading ``k``."""
    card = _card_above(kept, k)
    j = k - len(card)
    if card and j > 0 and kept[j - 1].blank_before and _heading_shaped(kept[j - 1].text) \
            and not cues.PAGE_METADATA_HEADING.match(kept[j - 1].text):
        return j - 1
    return k


def _byline(text: str) -> bool:
    """``By Ann Lee · 3 May 2024``: who wrote the page and when, not a heading."""
    return len(text) <= 100 and not text.endswith(TERMINAL) and bool(cues.BYLINE.match(text))


def _heading_shaped(text: str) -> bool:
    return (len(text) <= 100 and text[:1].isalnum()
            and not _WEB_BULLET.match(text)
            and not text.endswith((".", ",", ";")) and len(text.split()) <= 14
            and not (text[-1] in "\"”’" and text[:-1].endswith((".", ",", ";", "!", "?"))))


def drop_comments(raw: list[RawLine], report: Report) -> None:
    """Reader comments, from their heading (``3 Comments``, ``Leave a
    Reply``) to the end of the page; a sidebar after the text (``Recent
    posts``, ``Categories``) from its heading on, when no running text follows."""
    kept = [r for r in raw if r.keep]
    last_sentence = next((k for k in range(len(kept) - 1, -1, -1)
                          if _is_sentence(kept[k], kept[k + 1:k + 2])), -1)
    for k, r in enumerate(kept):
        if cues.COMMENTS_HEADING.match(r.text):
            what = "reader comment"
        elif cues.WEB_SIDEBAR_HEADING.match(r.text) and k > last_sentence:
            what = "sidebar"
        else:
            continue
        for other in kept[k:]:
            other.keep = False
            report.dropped(other.line, f"{what} line", other.text)
        return


def drop_link_references(raw: list[RawLine], report: Report) -> None:
    """lynx's numbered link markers (``see the [3]manual``), lines that are
    only links (``[3]Home [4]About``: a menu), and the References list of
    addresses it prints at the end."""
    for k, r in enumerate(raw):
        if r.keep and r.text == "References" and k + 1 < len(raw) \
                and _REFERENCE_LINE.match(raw[k + 1].text):
            tail = [o for o in raw[k:] if o.keep]
            if all(_REFERENCE_LINE.match(o.text) or o is r for o in tail):
                for o in tail:
                    o.keep = False
                    report.dropped(o.line, "link address", o.text, routine=True)
                break
    for r in raw:
        if r.keep and "[" in r.text:
            if _LINKS_ONLY.match(r.text) and len(_LYNX_REFERENCE_MARK.findall(r.text)) >= 2:
                r.keep = False
                report.dropped(r.line, "link-only menu line", r.text)
                continue
            r.printed, r.text = len(r.text), _LYNX_REFERENCE_MARK.sub("", r.text)


def mark_labels(raw: list[RawLine], report: Report) -> None:
    """Labels a lesson page prints above its boxes and code blocks. A box's
    kind (``Challenge``, ``Callout``: ``cues.WEB_BOX_LABEL``) alone on its
    line, right above a short line at its indent or left of it that stands
    alone, labels that line, the box's title (which may ask: ``What's in a
    name?``): the label goes and the title is the box's heading, which ends
    an exercise before it but is no section of the lesson (a callout's),
    or an exercise's heading when the label names one; a box's kind alone
    over a sentence is its title too. A code block's language (``BASH``, ``OUTPUT``) alone
    on its line above a block set apart from the running text goes, and
    that block is code. A goals label (``Objectives``) over the items it
    indents is their heading, as is a key points label."""
    kept = [r for r in raw if r.keep]
    body = _body_indent(kept)
    _mark_named_solutions(kept)
    for k, r in enumerate(kept):  # "Exercise 3.1:" alone: the exercise's title
        if r.text[-1] == ":" and r.blank_before and not r.kind and len(r.text) <= 24 \
                and (k + 1 == len(kept) or kept[k + 1].blank_before) \
                and (m := cues.QUESTION_LABEL.match(r.text)) and not m.group(2) \
                and cues.EXERCISE_HEADING.match(r.text[:-1]):
            r.text, r.kind = r.text[:-1], "exercise"
    for k in range(len(kept) - 2):
        r, title, after = kept[k], kept[k + 1], kept[k + 2]
        if r.blank_before and title.blank_before and not r.kind and len(r.text) <= 100 \
                and cues.HINT_LABEL.match(r.text):
            r.kind = "label"  # "Hint: ..." alone: a bold line inside its exercise, no heading
            continue
        if r.blank_before and title.blank_before and not r.kind and _numbered_solution(r.text):
            first = r.text.split()[-1] == "1"  # "Solution 1", "Solution 2": one answer
            r.text, r.kind = ("Solution", "heading") if first else (r.text, "label")
            continue
        if title.blank_before and r.blank_before and not r.kind and _heading_shaped(r.text) \
                and _capital_start(r.text) and (solution := _boxed_solution(kept, k, body)):
            r.kind, solution.kind = "exercise", "heading"
            continue
        if not r.kind and (cues.GOALS_HEADING.match(r.text) or cues.KEY_POINTS_HEADING.match(
                r.text)) and _WEB_BULLET.match(title.text) and title.indent > r.indent:
            r.kind = "heading"  # a box's "Objectives" over its items (lynx indents both)
            continue
        if not title.blank_before or title.kind or len(r.text) > 16 or not r.text[:1].isupper():
            continue
        if cues.WEB_BOX_LABEL.match(r.text) and title.indent <= r.indent and after.blank_before \
                and _heading_shaped(title.text) and _capital_start(title.text) \
                and not title.text.endswith(":"):
            r.keep = False
            report.dropped(r.line, "box label", r.text, routine=True)
            title.kind = "exercise" if cues.EXERCISE_HEADING.match(r.text) else "box"
        elif cues.WEB_BOX_LABEL.match(r.text) and r.blank_before and not r.kind \
                and not cues.EXERCISE_HEADING.match(r.text) \
                and not cues.KEY_POINTS_HEADING.match(r.text) and _is_sentence(title, [after]):
            r.kind = "box"  # "Note" over its text: the box's title, no section
        elif _CODE_LABEL.match(r.text) and r.blank_before and not cues.WEB_BOX_LABEL.match(r.text):
            if block := _labelled_code(kept, k + 1, body):
                r.keep = False
                report.dropped(r.line, "code block label", r.text, routine=True)
                _as_code(block)


def _mark_named_solutions(kept: list[RawLine]) -> None:
    """``Solution to Exercise 4.1`` alone on its line, after ``Exercise 4.1``
    alone on its own (sphinx-exercise's boxes): the exercise's title, and
    its solution's."""
    alone = {}
    for k, r in enumerate(kept):
        if not r.blank_before or (k + 1 < len(kept) and not kept[k + 1].blank_before) \
                or len(r.text) > 60:
            continue
        if (m := cues.SOLUTION_TO.match(r.text)) and (
                exercise := alone.get(m.group("label").lower())) is not None and not exercise.kind:
            exercise.kind = "exercise"
            r.text, r.kind = "Solution", "heading"
            _intro_above(kept, kept.index(exercise))
        elif not r.kind:
            alone[r.text.lower()] = r


def _intro_above(kept: list[RawLine], k: int) -> None:
    """An exercises heading over a paragraph that introduces the exercise
    boxes under it ('In the following exercises, ...'): a box's title, so
    that paragraph is text, not a question."""
    for j in range(k - 1, max(k - 8, 0), -1):
        o = kept[j]
        if o.kind == "exercise" or (o.kind == "heading" and not cues.EXERCISE_HEADING.match(
                o.text)):
            return
        if o.blank_before and cues.EXERCISE_HEADING.match(o.text) and j < k - 1 \
                and all(not t.kind for t in kept[j + 1:k]):
            o.kind = "box"
            return


def _boxed_solution(kept: list[RawLine], k: int, body: int) -> RawLine | None:
    """The solution's label (``Solution`` alone on its line) of the box
    that the title at ``k`` opens: a box indented past the running text
    (a blockquote), its title at the margin (lynx) or inside it (w3m), with
    its solution inside it (w3m) or the next title at the margin (lynx)."""
    title, first = kept[k], kept[k + 1]
    if title.indent == 0 and body >= 2 and first.indent >= body + 2:
        for o in kept[k + 1:k + 200]:  # lynx: the next line that stands as a title at the margin
            if o.indent == 0 and o.blank_before and _heading_shaped(o.text) \
                    and _capital_start(o.text) and not cues.PROGRAM_MESSAGE.match(o.text):
                return o if _solution_label(o.text) else None
        return None
    if not (title.indent >= body + 2 and first.indent >= title.indent):
        return None
    for o in kept[k + 1:k + 200]:  # w3m: a label alone inside the box
        if o.blank_before and o.indent < title.indent:
            return None
        if o.blank_before and _solution_label(o.text):
            return o if o is not first else None  # a box of its own words first
    return None


def _numbered_solution(text: str) -> bool:
    """``Solution 1``: one of an exercise's solutions, numbered."""
    label, _, number = text.rpartition(" ")
    return number.isdigit() and len(number) <= 2 and _solution_label(label)


def _solution_label(text: str) -> bool:
    return len(text) <= 20 and text.lower() in cues.MD_SOLUTIONS


def _labelled_code(kept: list[RawLine], start: int, body: int) -> list[RawLine]:
    """The code block under a code label: its lines from ``start``, set
    apart from the running text by their indent (past blank lines too, while
    they keep the block's indent and are not list items or headings), or a
    block at the text's indent that does not read as prose; [] if none."""
    first = kept[start]
    if first.indent == body:
        block = [first]
        for o in kept[start + 1:]:
            if o.blank_before or o.kind:
                break
            block.append(o)
        width = _width(kept)
        short = len(block) == 1 and len(first.text.split()) <= 8  # "Hello, world!" printed
        prose = (block[-1].text.endswith(TERMINAL) and not short) or _ITEM.match(first.text) \
            or any(_wrapped(a, b, width, lower=False) for a, b in zip(block, block[1:]))
        return [] if prose or first.kind else block
    block = [first]
    for o in kept[start + 1:]:
        if o.kind or (o.blank_before and (o.indent != first.indent or _ITEM.match(o.text) or (
                first.indent == 0 and _heading_shaped(o.text) and _capital_start(o.text)))):
            break
        block.append(o)
    return [] if first.kind else block


def mark_headings(raw: list[RawLine], report: Report) -> None:
    """Headings from the dump's shape: at the margin while the text is
    indented (lynx), or alone between blank lines (w3m); other lines are
    text, never headings; a box's title (a note, an exercise's part) is a
    heading too. A text with hardly any blank lines (a browser's copy) has
    its headings before paragraphs and lists."""
    kept = [r for r in raw if r.keep]
    body = _body_indent(kept)
    width = 0 if _centred_width(kept) else _width(kept)  # no centred headings among centred cells
    few_blanks = _few_blanks(kept)
    wrap = _width(kept)
    parents = _numbered_parents(kept)
    numbered = body < 2 and bool(parents) and _mostly_numbered(kept)
    for k, r in enumerate(kept):
        if r.kind:
            continue
        after = kept[k + 1] if k + 1 < len(kept) else None
        alone = r.blank_before and (after is None or after.blank_before)
        shaped = _heading_shaped(r.text) and (
            _capital_start(r.text) or _numbered_sibling(r.text, parents)) and not r.text.endswith(
            (":", "?", "!")) and not _CODE_LINE.search(r.text) and not _in_columns(r) \
            and not cues.PROGRAM_MESSAGE.match(r.text) and not _labelled_keys(r.text)
        if shaped and alone and r.indent >= 8 and after is not None \
                and abs(2 * r.indent + len(r.text) - width) <= 3:
            r.kind = "heading"  # centred on the page
        elif body >= 2:  # lynx: headings at the margin, text indented, <pre> at the margin too
            if r.indent == 0 and _wrapped_heading(kept[k - 1] if k else None, r, wrap):
                kept[k - 1].text += " " + r.text
                r.keep = False
            elif r.indent == 0:
                r.kind = "heading" if shaped and r.blank_before and not _output_line(
                    r, after, wrap) else "pre"
            else:
                r.kind = "pre" if k and kept[k - 1].kind == "pre" and not r.blank_before \
                    and (_CODE_LINE.search(r.text) or (r.indent != body and not _ITEM.match(
                        r.text))) else "text"  # code indented as it was, not as text is
        elif shaped and alone and r.indent == 0 and len(r.text.split()) <= 12 \
                and after is not None:
            # a page whose headings carry numbers: a line alone without one is text
            # that leads to a code block or a formula ("Here is one solution")
            r.kind = "text" if numbered and not r.text[:1].isdigit() \
                and not _cue_heading(r.text) else "heading"
        elif few_blanks:  # a browser's copy: one line per paragraph, few blank lines
            r.kind = "heading" if shaped and len(r.text.split()) <= 10 and after is not None \
                and (len(after.text) >= 60 or _ITEM.match(after.text)) \
                and _after_text(kept[k - 1] if k else None) else "text"
        else:
            r.kind = "text"
    run: list[RawLine] = []
    for r in kept + [None]:
        if r is not None and r.kind == "pre":
            run.append(r)
        elif run:
            _as_code(run)
            run = []


def _labelled_keys(text: str) -> bool:
    """``Answers: 1. a 2. c``: an answer key's label with the keys after it
    on its line (``Answers`` alone may head a section of them)."""
    return bool((m := cues.ANSWER_KEY_LABEL.match(text)) and text[m.end():].strip())


def _numbered_parents(kept: list[RawLine]) -> set[str]:
    """The parents ('3.2.') of lines numbered as subsections ('3.2.1 Setup')
    that stand alone with a capital: their headings' numbering."""
    return {m.group(1) for k, r in enumerate(kept)
            if r.text[:1].isdigit() and r.blank_before and (m := _SUBSECTION.match(r.text))
            and r.text[m.end():m.end() + 1].isupper()
            and (k + 1 == len(kept) or kept[k + 1].blank_before)}


def _mostly_numbered(kept: list[RawLine]) -> bool:
    """Four or more of the short lines alone are numbered as sections
    ('4.2 Loops', '4.2.1. While'): the page numbers its headings."""
    numbered = 0
    for k, r in enumerate(kept):
        if r.text[:1].isdigit() and r.blank_before and r.indent == 0 \
                and (k + 1 == len(kept) or kept[k + 1].blank_before) \
                and _heading_shaped(r.text) and _SUBSECTION.match(r.text):
            numbered += 1
            if numbered >= 4:
                return True
    return False


def _cue_heading(text: str) -> bool:
    """A heading the usual words make one though it has no number
    ('Exercises', 'Summary', 'Solution', 'Note')."""
    return bool(cues.EXERCISE_HEADING.match(text) or cues.ANSWERS_HEADING.match(text)
                or cues.WEB_BOX_LABEL.match(text) or cues.PAGE_METADATA_HEADING.match(text)
                or cues.GOALS_HEADING.match(text) or cues.KEY_POINTS_HEADING.match(text)
                or cues.GLOSSARY_HEADING.match(text) or cues.READINGS_HEADING.match(text))


def _numbered_sibling(text: str, parents: set[str]) -> bool:
    """``3.2.4 while loops``: numbered under the same parent as headings
    that start with a capital, so a heading, though its first word is not."""
    return bool(parents) and text[:1].isdigit() and (m := _SUBSECTION.match(text)) is not None \
        and m.group(1) in parents


def _in_columns(r: RawLine) -> bool:
    """Runs of spaces inside the line (a table's columns, aligned code), not
    only the gap a dump leaves after a section number (``3.2  Loops``)."""
    return bool(r.spaced) and "  " in _SECTION_NUMBER.sub("", r.spaced, count=1)


def _output_line(r: RawLine, after: RawLine | None, width: int) -> bool:
    """A line at lynx's margin that a program printed, not a heading: one
    that another line at the margin follows without a blank line (lynx sets
    a heading off with one) and does not finish."""
    return after is not None and not after.blank_before and after.indent == 0 \
        and not _wrapped(r, after, width, lower=False)


def _after_text(before: RawLine | None) -> bool:
    """A browser's copy puts a heading after a paragraph, a heading or a
    table in columns, not after a short line (a table's rows copied with
    single spaces), unless that line is the page's byline."""
    return before is None or before.kind == "heading" or len(before.text) >= 60 \
        or before.text.endswith(TERMINAL) or bool(before.spaced) \
        or bool(cues.BYLINE.match(before.text))


def _wrapped_heading(heading: RawLine | None, r: RawLine, width: int) -> bool:
    """``r`` is the rest of a heading the dump wrapped at its width."""
    return heading is not None and heading.kind == "heading" and not r.blank_before \
        and _heading_shaped(r.text) and not _CODE_LINE.search(r.text) \
        and _wrapped(heading, r, width, lower=False)


def drop_overview(raw: list[RawLine], report: Report) -> None:
    """A lesson page's overview card: its title (``Overview``), timing lines
    (``Teaching: 10 min``) and the questions it lists (a metadata label and
    its bulleted items) right above or below its objectives (a goals
    heading and its items) are lesson metadata, as html2text's boxes of them are: they go, on the
    review list, with the key points that end such a page; the objectives
    stay, to become the lesson's."""
    kept = [r for r in raw if r.keep]
    goals = next((k for k, r in enumerate(kept[:400]) if r.kind == "heading"
                  and cues.GOALS_HEADING.match(r.text)), None)
    if goals is None:
        return
    card = _card_above(kept, goals)
    goals_end = goals + 1 + len(_item_run(kept, goals + 1))
    if goals_end < len(kept) and _metadata(kept[goals_end].text):
        items = _item_run(kept, goals_end + 1)
        if items and all(_WEB_BULLET.match(r.text) or not _ITEM.match(r.text) for r in items):
            card += [kept[goals_end], *items]  # questions under the objectives
    card += _key_points(kept)
    for r in card:
        r.keep = False
        report.dropped(r.line, "lesson metadata line", r.text)


def _card_above(kept: list[RawLine], goals: int) -> list[RawLine]:
    """The card's lines above its objectives: from its first metadata line
    (``Overview``, ``Teaching: 10 min``, ``Questions``) down, nothing but
    metadata lines and the bulleted items under them; [] if none."""
    for k in range(max(goals - 40, 0), goals):
        if not _card_line(kept[k].text):
            continue
        j = k
        while j < goals:
            if _card_line(kept[j].text):
                j += 1
                continue
            items = _item_run(kept, j)
            if not items or not _WEB_BULLET.match(items[0].text):
                break
            j += len(items)
        if j == goals:
            return kept[k:goals]
    return []


def _card_line(text: str) -> bool:
    return bool(cues.PAGE_METADATA_HEADING.match(text) or cues.LESSON_TIMES.match(text))


def _key_points(kept: list[RawLine]) -> list[RawLine]:
    """The key points that close a page whose objectives card opened it:
    their label and the items that end the text (but for a few lines)."""
    for k in range(len(kept) - 2, max(len(kept) - 40, 0) - 1, -1):
        if cues.KEY_POINTS_HEADING.match(kept[k].text):
            items = _item_run(kept, k + 1)
            rest = kept[k + 1 + len(items):]  # a licence line of the footer may stay
            return [kept[k], *items] if items and len(rest) <= 3 and not any(
                r.kind == "heading" or _ITEM.match(r.text) for r in rest) else []
    return []


def _metadata(text: str) -> bool:
    return bool(cues.PAGE_METADATA_HEADING.match(text)) and not cues.GOALS_HEADING.match(text)


def _item_run(kept: list[RawLine], k: int) -> list[RawLine]:
    """The list items from ``k`` on, with the lines their wraps go on on."""
    run: list[RawLine] = []
    item = 0  # the indent of the last item
    for r in kept[k:]:
        if r.kind == "heading":
            break
        if _ITEM.match(r.text):
            item = r.indent
        elif not (run and not r.blank_before and r.indent > item):
            break
        run.append(r)
    return run


def drop_page_contents(raw: list[RawLine], report: Report) -> None:
    """A list whose items are the page's own headings is its table of
    contents (a sidebar's "On this page"): it goes, with its label."""
    kept = [r for r in raw if r.keep]
    titles = {_title_key(r.text) for r in kept if r.kind == "heading"}
    if len(titles) < 3:
        return
    run: list[int] = []
    for k, r in enumerate([*kept, None]):
        if r is not None and r.kind == "text" and _ITEM.match(r.text):
            run.append(k)
            continue
        items = [kept[i] for i in run]
        if len(items) >= 3 and sum(_title_key(o.text[len(_ITEM.match(o.text).group(0)):])
                                   in titles for o in items) >= 0.8 * len(items):
            label = kept[run[0] - 1] if run[0] else None
            if label is not None and label.kind != "code" and len(label.text.split()) <= 4 \
                    and not label.text.endswith(TERMINAL[:3]):
                items.insert(0, label)
            for o in items:
                o.keep = False
                report.dropped(o.line, "contents-list line", o.text)
        run = []


def drop_emptied_headings(raw: list[RawLine], report: Report) -> None:
    """A heading left at the text's end with nothing under it but lines
    dropped as furniture (``Post navigation`` over its ``Next post:`` link,
    ``Share this:``'s buttons, the comments) was that furniture's label: it
    goes too (a heading with text or another heading under it stays)."""
    end = len(raw)
    for k in range(len(raw) - 1, -1, -1):
        r = raw[k]
        if not r.keep:
            continue
        if r.kind != "heading" or k + 1 == end:
            return
        r.keep = False
        report.dropped(r.line, "heading of page furniture", r.text)
        end = k


def drop_unlisted_contents(raw: list[RawLine], report: Report) -> None:
    """A page's table of contents copied without list marks ("In this
    article" over the section titles, a line each): three short lines in a
    row, each of which stands again later, in the same order and apart (a
    section's heading has text under it; a quiz's options that repeat stand
    side by side). They go, with their label (``cues.CONTENTS_LABEL``)."""
    kept = [r for r in raw if r.keep]
    keys = [_key(r.text) if len(r.text) <= 60 and r.kind != "code"
            and not r.text.endswith(TERMINAL) else "" for r in kept]
    places: dict[str, list[int]] = {}  # a short line's key -> where it stands
    for k, key in enumerate(keys):
        if key:
            places.setdefault(key, []).append(k)
    k = 0
    while k < len(kept):
        run = _contents_run(kept, keys, places, k) if len(places.get(keys[k], ())) > 1 else []
        if len(run) >= 3:
            if k and cues.CONTENTS_LABEL.match(kept[k - 1].text):
                run.insert(0, kept[k - 1])
            for r in run:
                r.keep = False
                report.dropped(r.line, "contents-list line", r.text)
        k += max(len(run), 1)


def _contents_run(kept: list[RawLine], keys: list[str], places: dict[str, list[int]],
                  k: int) -> list[RawLine]:
    """The lines from ``k`` on that stand again after the run, in order,
    each time over a line of text (a heading over its section, not a line
    of a list or of code that repeats)."""
    run: list[RawLine] = []
    first = last = len(kept)
    for j in range(k, len(kept)):
        after = j if not run else max(j, last + 1)
        again = next((i for i in places.get(keys[j], ()) if i > after and i + 1 < len(kept)
                      and len(kept[i + 1].text) >= 40), None) if keys[j] else None
        if again is None or j >= first:
            break
        first = again if not run else first
        run.append(kept[j])
        last = again
    return run


def _key(text: str) -> str:
    return " ".join(_LETTERS_ONLY.sub(" ", text.lower()).split())


def _title_key(text: str) -> str:
    """A heading's key without its section number: a contents list may
    number the titles its headings do not (``1 Setup`` for ``Setup``)."""
    if text[:1].isdigit() and (m := _SECTION_NUMBER.match(text)):
        text = text[m.end():]
    return _key(text)


def _capital_start(text: str) -> bool:
    """Starts with a capital, after a section number if any (``2.1 Setup``)."""
    if text[:1].isdigit() and (m := _SECTION_NUMBER.match(text)):
        text = text[m.end():]
    return text[:1].isupper()


def _body_indent(kept: list[RawLine]) -> int:
    """The indent of running text: 3 in lynx's dumps, 0 in w3m's."""
    indents = Counter(r.indent for r in kept if len(r.text) >= 50 and not _ITEM.match(r.text))
    if not indents or indents[0] >= 0.4 * sum(indents.values()):
        return 0
    return indents.most_common(1)[0][0]


def mark_code(raw: list[RawLine], report: Report) -> None:
    """Preformatted blocks (lines without a blank between, none wrapped as
    prose is): one with a line of code in it, the output that follows a
    command, or three or more short lines that are not sentences."""
    kept = [r for r in raw if r.keep and r.kind not in ("heading", "code", "exercise", "box")]
    width = _width(kept)
    titles = [r.line for r in raw if r.keep and r.kind in ("heading", "exercise", "box")]
    after_code = False
    for block in blank_line_blocks(kept):
        if after_code and _title_before(titles, block[0].line):
            after_code = False  # a heading between: this block is no output of that code
        wrapped = any(_wrapped(a, b, width, lower=False) for a, b in zip(block, block[1:]))
        code = not wrapped and (any(_CODE_LINE.search(r.text) for r in block)
                                or (after_code and _output_like(block))
                                or _preformatted(block, width))
        if code or _table(block, wrapped):
            _as_code(block)
        after_code = code and (after_code or block[-1].text.startswith("$ ")
                               or _output_like(block))
    run: list[RawLine] = []  # rows of a table inside a block: kept as they stand
    for r in [*kept, None]:
        if r is not None and r.spaced and r.kind == "text" and not (run and r.blank_before):
            run.append(r)
            continue
        if len(run) >= 2:
            _as_code(run)
        run = [r] if r is not None and r.spaced and r.kind == "text" else []


def _title_before(titles: list[int], line: int) -> bool:
    """A title stands right before ``line`` (among the text's kept lines)."""
    at = bisect.bisect_left(titles, line)
    return at > 0 and line - titles[at - 1] <= 3


def _as_code(block: list[RawLine]) -> None:
    """Mark ``block`` as code, each line as it stood, indented as it was
    against the block's first line."""
    for r in block:
        r.kind = "code"
        r.text = " " * max(r.indent - block[0].indent, 0) + (r.spaced or r.text)


def _table(block: list[RawLine], wrapped: bool) -> bool:
    """Rows of a table: most lines hold columns set apart by runs of spaces,
    or a table w3m drew with borders (its lines as wide as the page)."""
    return (not wrapped and len(block) >= 2 and sum(1 for r in block if r.spaced) * 2 > len(block)
            ) or all(r.text[0] in _BOX_LINE for r in block)


def _output_like(block: list[RawLine]) -> bool:
    """What a command printed: lines of several indents, or not ending as sentences do."""
    if len({r.indent for r in block}) > 1:
        return True
    return not block[-1].text.endswith((".", ":")) or len(block) >= 3


def _preformatted(block: list[RawLine], width: int) -> bool:
    """Three or more short lines that are not sentences, and not a question's
    lettered options ("A. Assets = Liabilities + Equity", "(b) ...")."""
    if all(_LETTERED.match(r.text) or _ITEM.match(r.text) for r in block):
        return False  # numbered questions and their lettered options
    if len(block) >= 2 and _indented_structure(block, width):
        return True
    return len(block) >= 3 and all(
        len(r.text) + r.indent <= 0.6 * width and not r.text.endswith((".", ":"))
        and not _WEB_BULLET.match(r.text) and not _NUMBER_ALONE.match(r.text) for r in block)


def _indented_structure(block: list[RawLine], width: int) -> bool:
    """Short lines at two indents or more, the first at the least, none a
    list item nor a sentence: code or pseudocode (``while ...:`` and its
    body), which a dump prints at the text's margin, indented as it was."""
    least = min(r.indent for r in block)
    return block[0].indent == least and any(r.indent > least for r in block) and all(
        len(r.text) + r.indent <= 0.6 * width and not r.text.endswith(".")
        and not _ITEM.match(r.text) and not _LETTERED.match(r.text) for r in block)


def _width(kept: list[RawLine]) -> int:
    lengths = sorted(r.indent + _printed(r) for r in kept)
    # a dump is at least 60 columns wide; a short text's longest line is no measure
    return max(lengths[int(len(lengths) * 0.95)], 60) if lengths else 80


def _printed(r: RawLine) -> int:
    """How wide ``r`` stood in the dump (before its link numbers went)."""
    return max(len(r.text), r.printed)


def _wrapped(a: RawLine, b: RawLine, width: int, lower: bool = True) -> bool:
    """``a`` stops where the dump wrapped it: ``b``'s first word would not
    have fitted on it; or ``a`` stops mid-sentence and ``b`` goes on in
    lower case."""
    first = b.text.split(" ", 1)[0]
    if a.indent + _printed(a) + 1 + len(first) > width - 2:
        return True
    return lower and b.text[:1].islower() and not a.text.endswith(TERMINAL) and len(a.text) >= 30


def normalise_bullets(raw: list[RawLine], report: Report) -> None:
    """The dump's bullets (``*``, ``+``, ``o``, ``•``, ``□``, ``☆``) become one
    glyph; a label ``Solution.`` loses its full stop. A line that only
    starts as a bullet does (``+ usually means addition, ...``) is a
    paragraph's first line when the line it wraps onto stands at its
    marker's indent (an item's wrapped lines hang under its text): its
    sign is kept, glued to the word after it by a no-break space, so that
    it marks no item."""
    kept = [r for r in raw if r.keep]
    width = _width(kept)
    for k, r in enumerate(kept):
        if r.kind == "text" and _WEB_BULLET.match(r.text) and r.text[0] != "•":
            after = kept[k + 1] if k + 1 < len(kept) else None
            if r.text[0] not in "*o" and after is not None and not after.blank_before \
                    and after.kind == "text" and after.indent == r.indent \
                    and _wrapped(r, after, width, lower=False):
                r.text = r.text[0] + "\u00a0" + r.text[2:]  # "+ usually ...": prose
                continue
            r.text = "• " + r.text[2:]
        elif r.text.endswith(".") and len(r.text) <= 20 \
                and cues.ANSWERS_HEADING.match(r.text[:-1]):
            r.text = r.text[:-1]  # "Solution." is a label, as "Solution" is


def join_lines(raw: list[RawLine], report: Report) -> None:
    """Wrapped lines are joined: a paragraph or list item goes on where the
    dump's width stopped it; lynx's centred cells go on along their centre.
    A number alone on its line (``1.``) and a cell label (``Question 3:``,
    or ``Answer:`` in a centred cell) start the text that follows them."""
    kept = [r for r in raw if r.keep]
    # a browser's copy has one line per paragraph: no line goes on on the next
    width = 10 ** 6 if _few_blanks(kept) and not _hard_wrapped(kept) else _width(kept)
    centre = _centred_width(kept)
    head: RawLine | None = None
    prev: RawLine | None = None
    lone_label = False
    for r in kept:
        if r.kind in ("code", "heading"):
            head = prev = None
            continue
        if head is not None and prev is not None and lone_label and not _WEB_BULLET.match(r.text) \
                and not _starts_item(r):
            head.text = _label_prefix(head.text) + r.text
            r.keep, prev, lone_label = False, r, False
            continue
        if head is not None and prev is not None and _goes_on(head, prev, r, width, centre):
            head.text = _glue(head.text, r.text)
            r.keep, prev = False, r
            continue
        head = prev = r
        lone_label = _starts_item(r) or bool(
            centre and _centred(r, centre) and _LABEL.match(r.text))


def _few_blanks(kept: list[RawLine]) -> bool:
    """Hardly any blank lines: a browser's copy, not a dump (which puts
    blank lines around paragraphs, lists and headings)."""
    return sum(1 for r in kept if r.blank_before) < 0.1 * len(kept)


def _hard_wrapped(kept: list[RawLine]) -> bool:
    """Many long lines stop mid-sentence: a dump, not a browser's copy
    (which has one line per paragraph)."""
    long = [r.text for r in kept if len(r.text) >= 40 and r.kind == "text"]
    return sum(1 for t in long if not t.endswith(TERMINAL)) >= 0.25 * len(long)


def _starts_item(r: RawLine) -> bool:
    text = r.text
    return len(text) <= 14 and bool(_NUMBER_ALONE.match(text) or cues.QUESTION_CELL.match(text))


def _label_prefix(text: str) -> str:
    return text + " "  # "1." or "Question 3:" stays with its text: the quiz reader's cue


def _goes_on(head: RawLine, prev: RawLine, r: RawLine, width: int, centre: int) -> bool:
    if r.blank_before or _WEB_BULLET.match(r.text) or _starts_item(r) or _starts_item(prev):
        return False
    if prev.text.endswith(("?", ":")) and _LETTERED.match(r.text):
        return False  # "... each leader?" over "a) All of it": a question's first option
    if centre and _centred(prev, centre) and _centred(r, centre):
        return not _LABEL.match(r.text) and not _LABEL.match(prev.text)
    if head is prev and _ITEM.match(head.text):
        indent_ok = r.indent > head.indent
    else:
        indent_ok = r.indent == prev.indent
    return indent_ok and _wrapped(prev, r, width)


def _centred(r: RawLine, centre: int) -> bool:
    return r.indent >= 2 and abs(2 * r.indent + len(r.text) - centre) <= 3


def _glue(left: str, right: str) -> str:
    if left.endswith("-") and not left.endswith(" -") and right[:1].islower():
        return left + right
    if left.endswith("\\") and not left.endswith("\\\\") and right[:1].isalpha():
        return left + right  # a TeX command cut at its backslash: "\\" + "wedge"
    return left + " " + right
