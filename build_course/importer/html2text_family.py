"""Web pages converted to text by html2text (``html2text page.html``).

html2text marks headings with stars (``****** Title ******`` for a level-1
heading, ``***** Section *****`` for level 2, one star fewer per level),
indents lists (``*``, then ``o`` for sub-items) and boxes (a note, an
exercise and its nested solution: a starred title and its text, indented
together), hard-wraps paragraphs at the page width without blank lines
between them, and keeps the site's navigation above the first heading.

This is not Markdown (a Markdown parser would take the indented lists for
code and run the paragraphs together), but its structure is explicit. So
the text is rewritten as Markdown, with every word of it escaped, and goes
the Markdown family's way: headings at their levels, boxes as divs (an
exercise box is a challenge, its solution box the answer, a box of lesson
metadata gives the objectives), lists nested by indent, a paragraph ended
where the next line's first word would have fitted on the line. The site
navigation before the first heading is dropped and summed up on the review
list, as are rules between pages and the page's own title line.
"""

from __future__ import annotations

import re
from dataclasses import fields, is_dataclass

from build_course.diagnostics import Report, Topic
from build_course.importer import cues
from build_course.importer.line_facts import LineFacts
from build_course.importer.markdown_family import markdown_lessons
from build_course.importer.markdown_inline import escape
from build_course.importer.passes_web import nav_bar as _nav_bar
from build_course.importer.passes_web import permalink_hash, prev_next_alone, share_button
from build_course.importer.shapes import TERMINAL
from build_course.model import Lesson

_STARS = re.compile(r"^(?P<stars>\*{3,6}) (?P<title>\S.*?) (?P=stars)$")
_RULE = re.compile(r"^([=_━─-])\1{9,}$")
_LETTERED = re.compile(r"^[a-hA-H][.)] (?=\S)")  # html2text's marks of a lettered list
_BULLET = re.compile(r"^(?P<mark>[*o+•-]|\d{1,3}[.)]) (?P<text>\S.*)$")
_NUMBER = re.compile(r"^\d{1,3}(\.\d{1,3})*\.?\s+")  # a heading's section number
_LONG_ITEM = re.compile(r"^(?P<mark>\d{4,6}[.)]) (?P<text>\S.*)$")  # item 1000 and on
_FORM_FIELD = re.compile(r"^\[[ _]{3,}\]$")
_PUA = re.compile("[\ue000-\uf8ff]")
_CODE_LABEL = re.compile(r"^[A-Z][A-Z0-9+#]{1,11}$")  # a code block's language: "BASH"
_LINE_START = re.compile(r"^([#>+=~:|-]|\d{1,9}[.)])")
_BROKEN_AT_HYPHEN = re.compile(r"[^\W\d_]-$")
# Lines of program code: a comment or preprocessor line, a statement or a
# brace at the end, an XML tag on its own, an assignment or a call.
_CODE = re.compile(
    r"^(//|/\*|\*/|#(include|ifdef|ifndef|endif|define|if|else)\b|<[/?!]?[\w:-]+[^>]*/?>$"
    r"|[{}()\]]+[;,]?$|\$ \S)|[;{]\s*(//.*)?$|^[\w.\[\]]+\s*(=|\+=|-=)\s*\S|^[\w.:]+\(.*\)$"
    r"|::|->|^(import|from) [\w.]+( import\b| as\b|$)|^#\S|^\w+(\.\w+)+$")
_COMMENT = ("//", "#", "/*", "--", "<!--")
_WORD = re.compile(r"^[(\"“‘]?[A-Za-z][a-z’']*[)\"”’,.:;!?]*$")


def detect_html2text(raw: list, facts: LineFacts | None = None) -> list[str]:
    """Evidence: headings starred at both ends, at two levels or more."""
    facts = facts or LineFacts.of(raw)
    starred = [(r, m) for k in facts.lines_starting("*")
               if (r := raw[k]).text[:3] == "***" and (m := _STARS.match(r.text))]
    levels = {len(m.group("stars")) for _, m in starred}
    if len(starred) < 3 or len(levels) < 2:
        return []
    return [f"{len(starred)} headings starred at both ends by html2text "
            f"(line {starred[0][0].line}...), at {len(levels)} levels"]


def html2text_lessons(text: str, report: Report) -> list[Lesson]:
    """The lessons of an html2text dump, through the Markdown family."""
    markdown, origin = to_markdown(text.replace("\t", "    ").split("\n"), report)
    mark = len(report.items)
    lessons = markdown_lessons("\n".join(markdown), report)
    _remap(lessons, origin)
    for item in report.items[mark:]:
        item.line = origin[item.line - 1] if 0 < item.line <= len(origin) else item.line
    return lessons


def to_markdown(lines: list[str], report: Report) -> tuple[list[str], list[int]]:
    """Markdown lines for ``lines``, and for each the source line it came from."""
    writer = _Writer(lines, report)
    starred = [(n, m) for n, line in enumerate(lines) if (m := _STARS.match(line.strip()))]
    first = _first_heading(lines, starred)
    end = _footer(lines, starred)
    _drop_navigation(lines[:first], report)
    for n in range(first, end):
        writer.line(n, report)
    for n in range(end, len(lines)):
        if lines[n].strip():
            report.dropped(n + 1, "page footer line", lines[n].strip()[:60])
    writer.close_fence(len(lines))
    writer.close_flat()
    writer.close_boxes(0)
    writer.close_labelled(0)
    return writer.out, writer.origin


def _first_heading(lines: list[str], starred: list[tuple[int, re.Match]]) -> int:
    """Where the page starts: its first level-1 heading at the margin (a
    sidebar's starred "EPISODES" or "RESOURCES" above it is navigation),
    else its first heading."""
    first = next((n for n, m in starred if len(m.group("stars")) == 6 and lines[n][:1] == "*"),
                 starred[0][0] if starred else 0)
    return _title_again(lines, starred, first)


def _title_again(lines: list[str], starred: list[tuple[int, re.Match]], first: int) -> int:
    """The page's title heading again under a theme's header that repeats it
    over a list of the page's sections ("Contents"): the page starts there."""
    again = next(((n, m) for n, m in starred if n > first and len(m.group("stars")) == 6), None)
    if again is None or _bare_title(again[1]) != _bare_title(_STARS.match(lines[first].strip())):
        return first
    between = [line.strip() for line in lines[first + 1:again[0]] if line.strip()]
    if all(_STARS.match(t) or _BULLET.match(t) for t in between):
        return again[0]
    return first


def _bare_title(m: re.Match | None) -> str:
    title = _PUA.sub("", m.group("title")).rstrip("¶#").strip() if m else ""
    return _NUMBER.sub("", title).lower()  # a book numbers its chapter below, not above


FOOTER_LINES = 15
"""A footer is short: a copyright or "built with" line after the last
heading starts one when at most this many lines follow it."""


def _footer(lines: list[str], starred: list[tuple[int, re.Match]]) -> int:
    """Where the page's footer starts (``len(lines)`` when it has none):
    reader comments (``***** 3 Comments *****``) and all after them, with the
    previous/next links just above them, are furniture too."""
    comments = next((n for n, m in starred[1:] if cues.COMMENTS_HEADING.match(m.group("title"))),
                    None)
    if comments is not None:
        return _furniture_above(lines, comments)
    for n in range(max(len(lines) - FOOTER_LINES - 1, 1), len(lines)):
        text = lines[n].strip()
        if lines[n][:1] != " " and _RULE.match(lines[n - 1].strip()) \
                and cues.WEB_FOOTER.match(text):
            return n  # under a rule: the footer, and what follows it (a search panel)
        if lines[n][:1] == "*" and (m := _STARS.match(text)) \
                and cues.WEB_FOOTER.match(m.group("title")):
            return _furniture_above(lines, n)  # "*** Copyright © ... ***"
    last = max((n for n, _ in starred), default=0)
    for n in range(last + 1, len(lines)):
        line = lines[n]
        if line[:1] != " " and prev_next_alone(line.strip()) \
                and sum(1 for rest in lines[n + 1:] if rest.strip()) <= 2 * FOOTER_LINES:
            return n  # the links to the pages before and after, and the sidebar under them
        if line[:1] != " " and cues.WEB_FOOTER.match(line.strip()):
            if sum(1 for rest in lines[n + 1:] if rest.strip()) <= FOOTER_LINES:
                return n
            break
    return len(lines)


def _furniture_above(lines: list[str], n: int) -> int:
    """Where the furniture right above line ``n`` starts: links to the pages
    before and after, share buttons, and the page's starred headings (at the
    margin: a box's title is indented) left with nothing under them (``Post
    navigation``, ``Share this:``, ``**** previous_episode ****``)."""
    while n > 0:
        line = lines[n - 1]
        text = line.strip().replace("_", " ")
        if text and not _nav_bar(text) and not share_button(text) \
                and not (line[:1] == "*" and _STARS.match(line.strip())):
            break
        n -= 1
    return n


def _drop_navigation(lines: list[str], report: Report) -> None:
    for n, line in enumerate(lines, start=1):
        if line.strip():
            report.dropped(n, "site navigation line", line.strip()[:60])


class _Writer:
    def __init__(self, lines: list[str], report: Report):
        self.lines = lines
        self.report = report
        self.width = max((len(line.rstrip()) for line in lines), default=80)
        self.out: list[str] = []
        self.origin: list[int] = []
        self.boxes: list[tuple[int, str]] = []  # (indent, kind) of the open boxes
        self.last_number: int | None = None  # the number of the last item written
        self.opened: dict[int, int] = {}  # each open box's depth: its "::: kind" line in out
        self.items: list[int] = []  # indents of the open list levels
        self.meta: list[tuple[int, str]] | None = None  # a metadata box's lines
        self.flat_meta = False  # the metadata are an overview card's headings, not a box
        self.had_card = False  # the page opened with such a card
        self.prose = False  # the last line written was running text
        self.code = code_lines(lines)
        self.fence: int | None = None  # the indent taken off code lines, while a fence is open
        self.label: str = ""  # a box's kind printed on the line above its starred title
        self.labelled: list[tuple[int, str]] = []  # (level, kind) of the open labelled boxes

    def emit(self, n: int, text: str) -> None:
        self.out.append(text)
        self.origin.append(n + 1)

    def line(self, n: int, report: Report) -> None:
        raw = self.lines[n].rstrip()
        text = raw.strip()
        indent = len(raw) - len(raw.lstrip(" "))
        if not text:
            return
        if (_RULE.match(text) and indent < max(self.box_indent(), 1)) or _FORM_FIELD.match(text):
            if text[0] == "=" and self.underlined(n):
                return
            self.close_flat()
            self.close_fence(n)
            self.close_boxes(0)
            self.close_labelled(0)
            return
        bare = text.replace("_", " ")  # html2text wrote a link's spaces as "_"
        if indent <= 1 and (cues.WEB_CHROME.match(bare) or cues.WEB_FOOTER.match(text)
                            or (len(bare) <= 60 and _nav_bar(bare))):
            report.dropped(n + 1, "page furniture", text)
            return
        if indent == 0 and n + 1 < len(self.lines) and not self.boxes and self.meta is None:
            after = self.lines[n + 1].strip()
            if cues.WEB_BOX_LABEL.match(text) and _STARS.match(after) \
                    and self.lines[n + 1][:1] != " ":
                self.label = text
                report.dropped(n + 1, "box label", text, routine=True)
                return
            if _CODE_LABEL.match(text) and text.lower() in cues.CODE_LABELS:
                self.code.update(self.labelled_code(n + 1))
            if _CODE_LABEL.match(text) and n + 1 in self.code and (
                    n not in self.code or text.lower() in cues.CODE_LABELS):
                report.dropped(n + 1, "code block label", text, routine=True)
                return
        m = _STARS.match(text)
        if self.flat_meta:
            if indent or (m and cues.PAGE_METADATA_HEADING.match(m.group("title"))):
                self.meta.append((n, m.group("title") if m else text))
                return
            self.close_flat()
        elif indent == 0 and not m and self.had_card and cues.KEY_POINTS_HEADING.match(text) \
                and n + 1 < len(self.lines) and self.lines[n + 1][:1] == " " \
                and _BULLET.match(self.lines[n + 1].strip()):
            self.flat_meta, self.meta = True, [(n, text)]  # the key points closing the page
            return
        self.close_boxes(indent, inclusive=bool(m))  # a box title closes its sibling box
        if self.meta is not None:
            self.meta.append((n, text))
            return
        if n not in self.code:
            self.close_fence(n)
        if m:
            self.heading(n, indent, m.group("title"), len(m.group("stars")), report)
        elif ((b := _BULLET.match(text)) and (self.items or indent > self.box_indent())) or (
                (b := _LONG_ITEM.match(text)) and self.items and self.continues(b, indent)):
            self.bullet(n, indent, b.group("mark"), b.group("text"))
        elif self.items and indent > self.items[-1] and _LETTERED.match(text):
            self.bullet(n, indent, "*", text)  # <ol type="a"> under an item: options, "a. ..."
        elif self.items and indent > self.items[-1]:
            self.out[-1] += " " + _literal(text, start=False)  # the item goes on
        else:
            self.text(n, indent, raw, text)

    def box_indent(self) -> int:
        return self.boxes[-1][0] if self.boxes else 0

    def blank(self, n: int) -> None:
        if self.out and self.out[-1] != "":
            self.emit(n, "")
        self.items = []
        self.prose = False

    def heading(self, n: int, indent: int, title: str, stars: int, report: Report) -> None:
        if not title.isascii():
            title = _PUA.sub("", title).rstrip("¶").strip()  # a permalink drawn by an icon font
        if title[-1:] == "#":
            title = permalink_hash(title)
        if "_" in title and " " not in title:
            title = title.replace("_", " ")  # html2text wrote the link's spaces as "_"
        if indent == 0:
            self.close_boxes(0)
            self.close_labelled(7 - stars)
            if self.opens_card(n, title):
                self.flat_meta = self.had_card = True
                self.meta = [(n, title)]
                return
            if self.labelled_box(n, title, 7 - stars):
                return
            if self.page_title(n, stars):
                report.note(n + 1, f"took '{title}' for the page's own title, above its lessons",
                            topic=Topic.TITLE)
                return
            self.blank(n)
            self.emit(n, f"{'#' * (7 - stars)} {_literal(title, start=False)}")
            self.blank(n)
            return
        self.close_boxes(indent)
        kind = _box_kind(title)
        self.blank(n)
        if kind == "solution":
            self.answered()
        self.boxes.append((indent, kind))
        if kind == "meta":
            self.meta = []
            return
        self.opened[len(self.boxes) - 1] = len(self.out)
        self.open_box(n, kind, title)

    def answered(self) -> None:
        """A solution box inside a box of no kind of its own: that box was
        an exercise (a challenge titled without a cue word)."""
        if self.boxes and self.boxes[-1][1] == "callout":
            self.boxes[-1] = (self.boxes[-1][0], "challenge")
            self.out[self.opened[len(self.boxes) - 1]] = "::: challenge"

    def underlined(self, n: int) -> bool:
        """A short line alone, ruled off right under it, is a level-2 heading
        whose anchor kept html2text from starring it: it becomes one."""
        above = self.lines[n - 1].strip() if n else ""
        if not (self.prose and above and self.out and self.out[-1] == _literal(above)
                and (len(self.out) < 2 or self.out[-2] == "")
                and self.lines[n - 1][:1] != " " and len(above.split()) <= 12
                and above[:1].isupper() and not above.endswith((*TERMINAL, ":", ","))):
            return False
        self.out.pop()
        self.origin.pop()
        self.close_labelled(2)
        self.blank(n - 1)
        self.emit(n - 1, f"## {_literal(above, start=False)}")
        self.blank(n)
        return True

    def opens_card(self, n: int, title: str) -> bool:
        """A starred metadata heading (``Overview``, ``Questions``) at the
        margin that the objectives' starred heading follows before any text
        at the margin opens the page's overview card (not a box: the items
        under its headings are indented, the card is not)."""
        if not cues.PAGE_METADATA_HEADING.match(title) or cues.GOALS_HEADING.match(title):
            return False
        for line in self.lines[n + 1:n + 60]:
            if line[:1] == " " or not line.strip():
                continue
            m = _STARS.match(line.strip())
            if not m or not cues.PAGE_METADATA_HEADING.match(m.group("title")):
                return False
            if cues.GOALS_HEADING.match(m.group("title")):
                return True
        return False

    def close_flat(self) -> None:
        if self.flat_meta:
            self.flat_meta = False
            self.flush_meta(0)
            self.blank(self.last())

    def labelled_box(self, n: int, title: str, level: int) -> bool:
        """A starred title under a box's kind label opens that box; a
        solution's title inside a labelled box opens its solution (``Show me
        the solution``, ``Solution 2``), a hint's its hint (a callout)."""
        label, self.label = self.label, ""
        kind = _box_kind(label) if label else ""
        if kind in cues.MD_REFLECTIONS:
            kind = "callout"  # a page's discussion box: prompts for the room, kept as content
        if not label and self.labelled:
            bare = title.rstrip("0123456789 ") if title[-1:].isdigit() else title
            if cues.SOLUTION_BUTTON.match(title) or _box_kind(bare) == "solution":
                kind = "solution"
            elif cues.HINT_LABEL.match(title):
                kind = "callout"
        if kind in ("", "meta"):
            return False
        self.close_fence(n)
        self.blank(n)
        self.labelled.append((level, kind))
        self.open_box(n, kind, title)
        return True

    def open_box(self, n: int, kind: str, title: str) -> None:
        """A ``::: kind`` box's opening line and, but for a solution's, its title."""
        self.emit(n, f"::: {kind}")
        self.blank(n)
        if kind != "solution":
            self.emit(n, f"## {_literal(title, start=False)}")
            self.blank(n)

    def close_labelled(self, level: int) -> None:
        """Close the labelled boxes that a heading of ``level`` ends (level 0: all)."""
        while self.labelled and self.labelled[-1][0] >= level:
            self.labelled.pop()
            self.close_fence(self.last() + 1)
            self.blank(self.last())
            self.emit(self.last(), ":::")
            self.blank(self.last())

    def page_title(self, n: int, stars: int) -> bool:
        """A top heading right above another of the same level names the page."""
        after = next((line.strip() for line in self.lines[n + 1:] if line.strip()), "")
        m = _STARS.match(after)
        return bool(m) and len(m.group("stars")) == stars and not self.out

    def close_boxes(self, indent: int, inclusive: bool = True) -> None:
        while self.boxes and (self.boxes[-1][0] >= indent if inclusive
                              else self.boxes[-1][0] > indent):
            box_indent, kind = self.boxes.pop()
            if kind == "meta":
                self.flush_meta(box_indent)
            else:
                self.close_fence(self.last() + 1)  # the box's code ends with it
                self.blank(self.last())
                self.emit(self.last(), ":::")
            self.blank(self.last())

    def last(self) -> int:
        """The source line (0-based) of the last line written."""
        return self.origin[-1] - 1 if self.origin else 0

    def flush_meta(self, box_indent: int) -> None:
        """A metadata box: its objectives (a goals label and the items under
        it) become an objectives div; the rest (times, questions, key
        points) is lesson metadata and goes, on the review list."""
        lines, self.meta = self.meta or [], None
        goal = next((k for k, (_, text) in enumerate(lines) if cues.GOALS_HEADING.match(text)),
                    len(lines))
        end = goal + 1
        if goal < len(lines):
            self.emit(lines[goal][0], "::: objectives")
            self.blank(lines[goal][0])
            while end < len(lines) and (_BULLET.match(lines[end][1]) or (
                    self.out[-1].startswith("* ") and not _label(lines[end][1]))):
                n, text = lines[end]
                if b := _BULLET.match(text):
                    self.emit(n, f"* {_literal(b.group('text'), start=False)}")
                else:
                    self.out[-1] += " " + _literal(text, start=False)
                end += 1
            self.blank(lines[goal][0])
            self.emit(lines[goal][0], ":::")
        for n, text in lines[:goal] + lines[end:]:
            self.report.dropped(n + 1, "lesson metadata line", text[:60])

    def labelled_code(self, start: int) -> list[int]:
        """The lines from ``start`` that a code label names: the first, and
        those after it up to one that reads as prose, a starred title, an
        item or another label (html2text leaves no blank line after a block)."""
        found = []
        for k in range(start, min(start + 200, len(self.lines))):
            line = self.lines[k].strip()
            if not line or (found and _prose(self.lines[k])) or _STARS.match(line) \
                    or _BULLET.match(line) \
                    or (_CODE_LABEL.match(line) and line.lower() in cues.CODE_LABELS):
                break  # (the line right under the label is code, however wordy)
            found.append(k)
        return found

    def continues(self, item: re.Match, indent: int) -> bool:
        """An item numbered 1,000 or more goes on the numbered list it is in
        (its number follows the last item's at its indent), as a list does
        past 999; a number that starts a line otherwise ('2024. ...') is text."""
        return self.last_number is not None and self.items[-1] == indent \
            and int(item.group("mark")[:-1]) == self.last_number + 1

    def bullet(self, n: int, indent: int, mark: str, text: str) -> None:
        while self.items and self.items[-1] > indent:
            self.items.pop()
        if not self.items or self.items[-1] < indent:
            if not self.items and self.out and self.out[-1] != "":
                self.emit(n, "")
            self.items.append(indent)
        self.prose = False
        marker = f"{mark[:-1]}." if mark[:1].isdigit() else "*"  # numbers are kept
        self.last_number = int(mark[:-1]) if mark[:1].isdigit() else None
        self.emit(n, f"{'    ' * (len(self.items) - 1)}{marker} {_literal(text, start=False)}")

    def text(self, n: int, indent: int, raw: str, text: str) -> None:
        if n in self.code:
            self.code_line(n, raw)
            return
        self.close_fence(n)
        if self.items:
            self.blank(n)
        if self.prose and self.ended(n):
            self.blank(n)
        elif self.prose and _BROKEN_AT_HYPHEN.search(self.out[-1]):
            self.out[-1] += _literal(text, start=False)  # "discovery-" / "quality": one word
            return
        self.emit(n, _literal(text))
        self.prose = True

    def code_line(self, n: int, raw: str) -> None:
        if self.fence is None:
            self.blank(n)
            self.fence = self.box_indent()
            self.emit(n, "```")
        self.emit(n, raw[min(self.fence, len(raw) - len(raw.lstrip(" "))):])
        self.prose = False

    def close_fence(self, n: int) -> None:
        if self.fence is not None:
            self.emit(max(n - 1, 0), "```")
            self.fence = None
            self.blank(n)

    def ended(self, n: int) -> bool:
        """The line before ``n`` ends its paragraph: the first word of line
        ``n`` would have fitted after it, so the converter did not wrap it."""
        before = self.lines[n - 1].rstrip()
        word = self.lines[n].split(maxsplit=1)[0] if self.lines[n].strip() else ""
        return len(before) + 1 + len(word) <= self.width and (
            before.endswith(TERMINAL) or len(before) + 1 + len(word) <= 0.6 * self.width)


def code_lines(lines: list[str]) -> set[int]:
    """The lines that are program code: code-shaped lines, with the lines
    between two of them that do not read as a sentence (html2text keeps a
    <pre> block's lines as they were, without fences or blank lines)."""
    shaped = [n for n, line in enumerate(lines)
              if line.strip() and _CODE.search(line.strip()) and not _prose(line)]
    code = set(shaped)
    for a, b in zip(shaped, shaped[1:]):
        between = range(a + 1, b)
        if b - a <= 4 and not any(_prose(lines[k]) for k in between):
            code.update(k for k in between if lines[k].strip())
    return code


def _prose(line: str) -> bool:
    """Most of the line's tokens are words: a sentence, or a wrapped part of one."""
    if line.lstrip().startswith(_COMMENT):
        return False  # a comment in code, however wordy
    tokens = line.split()
    words = sum(1 for t in tokens if _WORD.match(t))
    return len(tokens) >= 5 and words >= 0.8 * len(tokens)


def _box_kind(title: str) -> str:
    lowered = title.lower().strip(" !.:?")
    if cues.ANSWERS_HEADING.match(title) or lowered in cues.MD_SOLUTIONS:
        return "solution"
    if cues.PAGE_METADATA_HEADING.match(title):
        return "meta"
    if lowered in cues.MD_REFLECTIONS or lowered in cues.MD_HIDDEN:
        return lowered  # a discussion (a reflection question), a box for teachers
    if cues.EXERCISE_HEADING.match(title) or cues.EXERCISES_WORD.search(title):
        return "challenge"
    return "callout"


def _label(text: str) -> bool:
    return bool(cues.PAGE_METADATA_HEADING.match(text) or cues.GOALS_HEADING.match(text))


def _literal(text: str, start: bool = True) -> str:
    """``text`` as Markdown that shows it as it is."""
    text = escape(text)
    if start and (m := _LINE_START.match(text)):
        mark = m.group(1)
        text = (mark[:-1] + "\\" + mark[-1] if mark[-1] in ".)" else "\\" + mark) \
            + text[len(mark):]
    return text


def _remap(obj, origin: list[int], seen: set[int] | None = None) -> None:
    """Set every ``line`` in the lessons from the Markdown's line to the source's."""
    seen = set() if seen is None else seen
    if id(obj) in seen:
        return
    seen.add(id(obj))
    if isinstance(obj, list):
        for item in obj:
            _remap(item, origin, seen)
        return
    if not is_dataclass(obj):
        return
    for f in fields(obj):
        value = getattr(obj, f.name)
        if f.name == "line" and isinstance(value, int):
            setattr(obj, f.name, origin[value - 1] if 0 < value <= len(origin) else value)
        elif isinstance(value, list) or is_dataclass(value):
            _remap(value, origin, seen)
