"""Segment: classify logical lines into blocks.

``RULES`` is an ordered list; each rule looks at ``lines[i]`` (and maybe a
few lines after it) and returns ``(block, next_index)`` or ``None``. The
first rule that matches wins; ``paragraph`` always matches.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from build_course.importer import cues
from build_course.importer.markdown_inline import escape
from build_course.importer.shapes import looks_like_heading, title_case
from build_course.model import (
    Block,
    Definition,
    Dialogue,
    Heading,
    Line,
    ListBlock,
    ListItem,
    Paragraph,
    Quote,
    RawMarkdown,
    Turn,
)

Rule = Callable[[list[Line], int], "tuple[Block, int] | None"]

_SPEAKER = re.compile(r"^(?P<who>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2}):\s+(?P<text>\S.*)$")
_TERM = re.compile(r"^(?P<term>[^–—:]{2,60}?)\s+[–—]\s+(?P<text>\S.*)$")
_URL_TAIL = re.compile(r"\s*\((?P<url>https?://[^\s()]+)\)\s*$")
_QUOTE_WHOLE = re.compile(r"^[“\"](?P<q>.+)[”\"]$")
_QUOTE_ATTRIBUTED = re.compile(
    r"^[“\"]?(?P<q>[^“”\"]{10,}?)[”\"]\s*[-–—]\s*(?P<who>[^-–—]{2,120})$")


def segment(lines: list[Line]) -> list[Block]:
    """Classify ``lines`` into blocks, in order: the first rule of ``RULES``
    that matches at a line wins. ``marked`` matches every line of a marked
    kind and no other, ``list_block`` every other list item and no other
    line, so the other rules are asked only of lines that are neither."""
    blocks: list[Block] = []
    i, end = 0, len(lines)
    while i < end:
        line = lines[i]
        if line.kind in _MARKED_KINDS:
            block, i = marked(lines, i)
        elif line.bullet:
            block, i = list_block(lines, i)
        else:
            for rule in _TEXT_RULES:
                if found := rule(lines, i):
                    block, i = found
                    break
        blocks.append(block)
    return blocks


def marked(lines: list[Line], i: int):
    """A line whose family's passes found it to be a heading, or a run of
    code lines (kept as they stand, in a fence)."""
    kind = lines[i].kind
    if kind == "heading":
        return Heading(lines[i].text, lines[i].line, role=heading_role(lines[i].text)), i + 1
    if kind == "exercise":  # a heading over questions with answer space (passes_worksheet)
        return Heading(lines[i].text, lines[i].line, role="exercise"), i + 1
    if kind == "box":  # a box's title (a callout's): it ends an exercise, but is no section
        return Heading(lines[i].text, lines[i].line, role="box"), i + 1
    if kind == "label":  # a label inside an exercise ("Hint: ..."): a bold line
        return Paragraph(lines[i].text, lines[i].line, markdown=f"**{escape(lines[i].text)}**"), \
            i + 1
    if kind != "code":
        return None
    j = i
    while j < len(lines) and lines[j].kind == "code":
        j += 1
    return RawMarkdown(code_fence([line.text for line in lines[i:j]]), lines[i].line), j


def code_fence(code: list[str]) -> str:
    """``code`` in a fence longer than any run of backticks in it."""
    longest = max((len(run) for line in code for run in _BACKTICKS.findall(line)), default=0)
    fence = "`" * max(3, longest + 1)
    return "\n".join([fence, *code, fence])


_BACKTICKS = re.compile(r"`+")


def list_block(lines: list[Line], i: int):
    """Consecutive list items, nested by indent and then by glyph::

        • item            1. question
          o sub item         1. option
    A numbered top-level item that restarts at 1 starts a new list (an
    answer key after its questions)."""
    first = lines[i]
    if not first.bullet:
        return None
    rank = {first.bullet: 0}  # each glyph's rank, in the order glyphs appear
    run, keys = [first], [(first.indent, 0)]
    top, last_top = keys[0], first.number
    j = i + 1
    while j < len(lines) and lines[j].bullet:
        line = lines[j]
        if first.bullet == "a" and line.bullet == "1" and line.indent < first.indent:
            break  # "5) ..." left of a lettered list's items: the next numbered item, not its own
        key = (line.indent, rank.setdefault(line.bullet, len(rank)))
        if key < top:
            top, last_top = key, None
        if key == top:
            if line.number == 1 and last_top:
                break  # numbering restarts: a new list (often the answer key)
            last_top = line.number
        run.append(line)
        keys.append(key)
        j += 1
    ordered = first.bullet in "1a"
    return ListBlock(_nest(run, keys), first.line, ordered=ordered,
                     lettered=first.bullet == "a"), j


def _nest(run: list[Line], keys: list[tuple[int, int]]) -> list[ListItem]:
    """The items of ``run``, each under the nearest item above it with a
    smaller key (indent, then glyph rank)."""
    if keys.count(keys[0]) == len(keys):  # a flat list (the usual case): nothing to nest
        return [ListItem(line.text, line.line, line.number) for line in run]
    depth = {key: n for n, key in enumerate(sorted(set(keys)))}
    root = ListItem("", run[0].line)
    stack: list[tuple[int, ListItem]] = [(-1, root)]
    for line, key in zip(run, keys):
        level = depth[key]
        while stack[-1][0] >= level:
            stack.pop()
        item = ListItem(line.text, line.line, line.number)
        stack[-1][1].children.append(item)
        stack.append((level, item))
    return root.children


def definition(lines: list[Line], i: int):
    """``Definition: text``."""
    if lines[i].text[:1] in "dD" and (m := cues.DEFINITION.match(lines[i].text)):
        return Definition("", m.group(2).strip(), lines[i].line), i + 1
    return None


_BLANKS = re.compile(r"^[\s_.…]*(?:\S+\s*:\s*[_.…]+\s*)*$")


def dialogue(lines: list[Line], i: int):
    """Two or more turns by two or more speakers::

        Martha: Oh! I did not know you were coming.
        Mr. Jones: Yes, I have been waiting."""
    text = lines[i].text
    colon = text.find(":")  # the speaker's name ends at the first colon, in three words
    if colon < 0 or not "A" <= text[:1] <= "Z" or text.count(" ", 0, colon) > 2:
        return None  # most lines: no "Speaker:" to start a turn
    turns = []
    j = i
    while j < len(lines) and not lines[j].bullet and ":" in lines[j].text \
            and (m := _SPEAKER.match(lines[j].text)):
        if cues.NOT_SPEAKERS.match(m.group("who")) or _BLANKS.match(m.group("text")):
            break  # a label, or a form field to write in ("Name: ______"): no turn
        turns.append(Turn(m.group("who"), m.group("text").strip(), lines[j].line))
        j += 1
    if len(turns) >= 2 and len({t.speaker for t in turns}) >= 2:
        return Dialogue(turns, lines[i].line), j
    return None


def quote(lines: list[Line], i: int):
    """A quotation, with its link or attribution; its own quote marks are
    kept, and a lost opening mark is put back::

        "Quality is what the customer gets out of it." (http://example.com/q)
        Do it so well they come back.” – Walt Disney, Founder"""
    text = lines[i].text
    if '"' not in text and "”" not in text:
        return None  # both shapes end the quotation with a closing mark
    link = ""
    if "http" in text and (m := _URL_TAIL.search(text)):
        link, text = m.group("url"), text[:m.start()]
    if _QUOTE_WHOLE.match(text):
        return Quote(text, lines[i].line, link=link), i + 1
    if m := _QUOTE_ATTRIBUTED.match(text):
        who = m.group("who").strip()
        if title_case(who.split(",")[0].split()):
            said = text[:m.start("who")].rstrip(" -–—")
            if said[0] not in "“\"":
                said = _OPENING[said[-1]] + said
            return Quote(said, lines[i].line, attribution=who, link=link), i + 1
    return None


_OPENING = {"”": "“", '"': '"'}


def term_list(lines: list[Line], i: int):
    """Two or more ``Term – explanation`` lines form a list of terms."""
    j = i
    while j < len(lines) and not lines[j].bullet and _has_dash(lines[j].text) \
            and (j == i or not (lines[j].kind in _BLOCK_KINDS or lines[j].chapter)) \
            and (m := _TERM.match(lines[j].text)) and len(m.group("term").split()) <= 6:
        j += 1
    if j - i < 2 or all(looks_like_heading(_TERM.match(line.text).group("text"))
                        for line in lines[i:j]):
        return None  # "Plants – Worksheet" over "Part A – Key Words": titles, not terms
    items = []
    for line in lines[i:j]:
        m = _TERM.match(line.text)
        items.append(ListItem(m.group("text"), line.line, term=m.group("term"), term_sep=" –"))
    return ListBlock(items, lines[i].line, role="terms"), j


_BLOCK_KINDS = ("heading", "exercise", "code")  # a line a family's pass found to stand alone


def _has_dash(text: str) -> bool:
    return "–" in text or "—" in text


def heading(lines: list[Line], i: int):
    """A short line that does not read as a sentence: ``Handling Stress``,
    ``Who Are Customers?``, ``WORKSHEET``, ``Relevant Readings:``."""
    text = lines[i].text
    if lines[i].kind in ("text", "question"):
        return None  # the family's passes found from layout that it is not one
    if i + 1 >= len(lines) and not lines[i].chapter:
        return None  # a document does not end with a heading
    if _in_lettered_run(lines, i):
        return None  # "A. Red" over "B. Black": a question's options
    if text.endswith(":"):
        words = text.rstrip(":").split(maxsplit=6)  # a seventh word is one too many
        if len(words) > 6 or not (title_case(words) or _cue_heading(text)):
            return None
        text = text[:-1].rstrip()
    elif not looks_like_heading(text) and not _cue_heading(text):
        return None
    if (m := cues.ANSWER_LABEL.match(lines[i].text)) and m.group(1).strip():
        return None  # "Correct answer: B", "Ans: False": a question's answer
    if "by " in text[:25].lower() and cues.CREDIT_LINE.match(text):
        return None  # "Compiled by the Garden Society": a credit under the title
    return Heading(text, lines[i].line, role=heading_role(text)), i + 1


def _in_lettered_run(lines: list[Line], i: int) -> bool:
    """Line ``i`` is lettered ``A.`` or ``B)`` (a capital) and the line before
    it has the letter before, or the line after it the letter after, with
    the same mark: options, not headings."""
    text = lines[i].text
    if len(text) < 4 or text[1] not in ".)" or text[2] != " " or not "A" <= text[0] <= "Z":
        return False
    before = lines[i - 1].text if i else ""
    after = lines[i + 1].text if i + 1 < len(lines) else ""
    return after[:3] == f"{chr(ord(text[0]) + 1)}{text[1]} " \
        or before[:3] == f"{chr(ord(text[0]) - 1)}{text[1]} "


_WHOLE_LINE_CUES = (cues.EXERCISE_HEADING, cues.GOALS_HEADING, cues.ANSWERS_HEADING,
                    cues.READINGS_HEADING)


def _cue_heading(text: str) -> bool:
    """A line that is nothing but a heading's cue words, in sentence case
    ("Check your understanding", "Learning objectives", "Answer key")."""
    bare = text.rstrip(": ")
    return len(bare) <= 40 and (bare[:1].isupper() or bare[:1].isdigit()) and any(
        (m := cue.match(bare)) and m.end() == len(bare) for cue in _WHOLE_LINE_CUES)


_ROLES = (("answers", cues.EXERCISE_ANSWERS),  # "Exercise Solutions" before "Exercise..."
          ("exercise", cues.EXERCISE_HEADING), ("exercise", cues.BOOK_EXERCISE_HEADING),
          ("answers", cues.ANSWERS_HEADING),
          ("goals", cues.GOALS_HEADING), ("readings", cues.READINGS_HEADING),
          ("activities", cues.ACTIVITIES_HEADING))


_SECTION_PREFIX = re.compile(r"^\d{1,2}(?:\.\d{1,2})*\.?\s+")


def _without_number(text: str) -> str:
    """``text`` without its section number ("2.9 ")."""
    return _SECTION_PREFIX.sub("", text) if text[:1].isdecimal() else text


def heading_role(text: str) -> str:
    """The role that cue words give a heading ("exercise", "goals"...), or "" (none)."""
    bare = _without_number(text)  # "2.9 Review Questions" is an exercise heading
    for role, pattern in _ROLES:
        # an old textbook's "DRILL" heads exercises; "5. DRILL." is one of a manual's sections
        if pattern.search(text if pattern is cues.BOOK_EXERCISE_HEADING else bare):
            return role
    return "exercise" if misspelt_cue(text) else ""


def misspelt_cue(text: str) -> str:
    """The exercise phrase (``cues.EXERCISE_PHRASES``) that ``text`` (without
    its section number) is one letter off, or "" (none, or spelt right)."""
    text = _without_number(text).lower().rstrip(" :")
    if not 10 <= len(text) <= 30 or (text[:_END] not in _PHRASE_HEADS
                                     and text[-_END:] not in _PHRASE_TAILS):
        return ""
    return next((p for p in _PHRASES_NEAR.get(len(text), ()) if _one_off(text, p)), "")


# For each length, the exercise phrases one letter longer, as long, or one shorter, in order.
_PHRASES_NEAR = {n: tuple(p for p in cues.EXERCISE_PHRASES if abs(len(p) - n) <= 1)
                 for n in range(10, 31)}
# A text one letter off a phrase is at least the shortest phrase's length less one,
# and keeps the phrase's first _END letters or its last _END (the letter is off in
# one half): a text that starts and ends unlike every phrase is none of them.
_END = (min(map(len, cues.EXERCISE_PHRASES)) - 1) // 2
_PHRASE_HEADS = frozenset(p[:_END] for p in cues.EXERCISE_PHRASES)
_PHRASE_TAILS = frozenset(p[-_END:] for p in cues.EXERCISE_PHRASES)


def _one_off(a: str, b: str) -> bool:
    """``a`` and ``b`` differ by exactly one letter: changed, added or left out."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    # one letter off: its first half or its last half is unchanged (a quick test)
    half = min(len(a), len(b)) // 2
    if a[:half] != b[:half] and a[half - min(len(a), len(b)):] != b[half - min(len(a), len(b)):]:
        return False
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1:] == b[i + 1:]
    return a[i:] == b[i + 1:] if len(a) < len(b) else a[i + 1:] == b[i:]


def paragraph(lines: list[Line], i: int):
    """Anything else is a paragraph."""
    return Paragraph(lines[i].text, lines[i].line, asks=lines[i].kind == "question"), i + 1


RULES: list[Rule] = [marked, list_block, definition, dialogue, quote, term_list, heading, paragraph]
_MARKED_KINDS = frozenset(("heading", "exercise", "box", "label", "code"))  # what ``marked`` takes
_TEXT_RULES = RULES[2:]  # for a line neither of a marked kind nor a list item
