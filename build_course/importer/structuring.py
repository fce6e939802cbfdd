"""Structure: build lessons and quizzes from blocks.

A source becomes a ``Part``. A source whose cleaning found chapters becomes
one lesson per chapter (text before the first chapter is an "about" page);
any other source is one lesson. Each lesson then goes through ``STEPS`` in
order: find its title, its objectives, its exercises (which become quizzes),
and the level of each heading.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from build_course.diagnostics import Report, Topic
from build_course.importer import cues
from build_course.importer.exercises import extract_exercises, heads_questions, keys_in_a_run
from build_course.importer.segmenting import misspelt_cue, segment
from build_course.importer.shapes import may_hold_a_digit as _may_hold_a_digit
from build_course.importer.shapes import normalised as _norm
from build_course.model import (
    UNTITLED,
    Block,
    Definition,
    ExerciseLink,
    Heading,
    Lesson,
    Line,
    ListBlock,
    ListItem,
    Paragraph,
    Quote,
)
from build_course.slugs import slugify, unique

Step = Callable[[Lesson, Report], None]

# Matched from the punctuation the mark comes after (which a substitution puts
# back): a lookbehind there would make the search try every position. A dot or
# a comma after a digit is a number's ("version 3.4.0 (2015)", "1,5 and"), not a mark's.
_FOOTNOTE = re.compile(r"(?P<after>[”\"’]|(?<![\d.])[.,;])(?P<mark>\d{1,2})(?=\s|$)")
# A quick test before that search (in a text that holds a digit): a digit right after
# one of those marks. Starting with a set of characters, it is scanned for many times
# faster than _FOOTNOTE is.
_FOOTNOTE_HINT = re.compile(r"[”\"’.,;]\d")


def build_lessons(lines: list[Line], report: Report, extra_steps: Sequence[Step] = ()
                  ) -> list[Lesson]:
    """Turn a cleaned source into lessons, one per chapter (or just one).
    ``extra_steps`` (a family's own) run before the heading levels are set."""
    chapters = _chapters(lines, report)
    at = STEPS.index(set_heading_levels)
    steps = [*STEPS[:at], *extra_steps, *STEPS[at:]]
    lessons = [_lesson(lines, hint, report, steps) for hint, lines in chapters]
    if len(chapters) > 1 and not chapters[0][0]:
        lessons[0].role = "about"
    lessons = [lesson for lesson in lessons if lesson.blocks or lesson.quizzes]
    name_lessons(lessons)
    return lessons


def name_lessons(lessons: list[Lesson]) -> None:
    """Give each lesson, and each quiz of a lesson, a unique slug."""
    taken: set[str] = set()
    for lesson in lessons:
        lesson.slug = unique(slugify(lesson.title), taken)
        quiz_slugs: set[str] = set()
        for quiz in lesson.quizzes:
            quiz.slug = unique(slugify(quiz.title), quiz_slugs)


def _chapters(lines: list[Line], report: Report) -> list[tuple[str, list[Line]]]:
    if not any(line.chapter for line in lines):
        return [("", lines)]
    chapters: list[tuple[str, list[Line]]] = [("", [])]
    for line in lines:
        if line.chapter:
            chapters.append((line.chapter, []))
        chapters[-1][1].append(line)
    chapters = chapters if chapters[0][1] else chapters[1:]
    _send_back_keys(chapters, report)
    return chapters


def _send_back_keys(chapters: list[tuple[str, list[Line]]], report: Report) -> None:
    """A book's answers at its end, after a heading ("Answers to the
    Exercises"), one chapter marker ("CHAPTER II") per chapter answered: each
    chapter's keys go to the end of that chapter, under the heading, where
    its exercises find them. Only while every marker names an earlier chapter;
    keys under a marker of a chapter that is not in the text stay, with a note."""
    named = {_norm(lines[0].kicker): n for n, (_, lines) in enumerate(chapters)
             if lines and lines[0].kicker}
    at = next((k for k, (_, lines) in enumerate(chapters[:-1]) if len(named) >= 2
               and lines and cues.ANSWERS_HEADING.match(lines[-1].text)
               and _norm(chapters[k + 1][0]) in named), None)
    if at is None:
        return
    heading = chapters[at][1].pop()
    keys = 0
    for hint, lines in chapters[at + 1:]:
        target = named.get(_norm(hint))
        keyed = bool(lines) and all(line.bullet or len(line.text) <= 80
                                    or keys_in_a_run(line.text) for line in lines)
        if target is None and keys and keyed:
            report.note(lines[0].line, f"the answers under '{hint}' name a chapter that is not "
                        "in the text; left unattached, as they stand", topic=Topic.ANSWERS)
        if target is None or target > at or not keyed:
            break
        chapters[target][1].append(replace(heading, kind="heading", chapter="", kicker=""))
        chapters[target][1].extend(replace(line, chapter="", kicker="") for line in lines)
        keys += 1
    if keys:
        del chapters[at + 1:at + 1 + keys]
    else:
        chapters[at][1].append(heading)


def _lesson(lines: list[Line], hint: str, report: Report, steps: list[Step]) -> Lesson:
    blocks = segment(lines)
    lesson = Lesson(title=hint, line=lines[0].line if lines else 0, blocks=blocks)
    if hint and lines:
        lesson.kicker = lines[0].kicker
    for step in steps:
        step(lesson, report)
    return lesson


# ---- steps ---------------------------------------------------------------

def take_title(lesson: Lesson, report: Report) -> None:
    """``Lesson: Title`` or ``Course Lesson 1:`` + a title line name the
    lesson; else a chapter marker does; else a first heading."""
    blocks = lesson.blocks
    heads: Block | None = None  # the title's heading, when it heads questions too
    if not lesson.title and _title_field(lesson, report):
        return
    for i, block in enumerate(blocks[:4]):
        if not isinstance(block, Heading) or block.role == "exercise":
            continue  # ("Part 1: Before the lift" over questions to answer heads no lesson)
        m = cues.TITLE_LABEL.match(block.text)
        if not m or not (m.group(2) or m.group(3)):
            continue
        before = blocks[:i]
        kicker = [b.text for b in before if isinstance(b, Heading)]
        if m.group(3):
            _titled(lesson, m.group(3).strip(), f"the label '{block.text}'", block.line, report)
            end = i + 1
        elif i + 1 < len(blocks) and _may_be_title(blocks[i + 1]):
            _titled(lesson, blocks[i + 1].text, f"the line after the label '{block.text}'",
                    blocks[i + 1].line, report)
            kicker.append(block.text)
            end = i + 2
        else:
            continue
        # headings above the label become the kicker; any other text stays
        blocks[:end] = [b for b in before if not isinstance(b, Heading)]
        lesson.kicker = " · ".join(kicker)
        return
    first = next((i for i, b in enumerate(blocks[:5]) if isinstance(b, Heading)), None)
    if not lesson.title and first != 0 and _title_line(blocks):
        line = blocks.pop(0)
        _titled(lesson, line.text, "the text's first line (a short line above its first "
                "paragraph)", line.line, report)
    elif not lesson.title and first is not None:
        heading = blocks.pop(first)  # any text above it stays, as text
        _titled(lesson, heading.text, "the first heading", heading.line, report)
        if (questions := heads_questions(heading, blocks, first)) is not None:
            blocks.insert(questions, heading)  # the title heads the exercise under it too
            heads = heading
    elif lesson.title:
        _titled(lesson, lesson.title, "a running chapter marker", lesson.line, report)
    if not lesson.title:
        lesson.title = UNTITLED
        report.warn(lesson.line, "no title found for this lesson",
                    "start the text with a title line, or set a title in source/course.yml",
                    topic=Topic.TITLE)
    _unhead_title(lesson, report, heads)


def _title_field(lesson: Lesson, report: Report) -> bool:
    """``Unit title: Safe food handling`` among the first blocks names the
    lesson; the headings above it (``UNIT OF COMPETENCY``, the document's
    kind) become its kicker."""
    blocks = lesson.blocks
    for i, block in enumerate(blocks[:6]):
        if isinstance(block, (Heading, Paragraph)) and block.text[:1].isupper() \
                and (m := cues.TITLE_FIELD.match(block.text)):  # "title: x" is front matter
            _titled(lesson, m.group("title").strip(), f"the field '{block.text}'", block.line,
                    report)
            lesson.kicker = " · ".join(b.text for b in blocks[:i] if isinstance(b, Heading)
                                       and not cues.TITLE_FIELD.match(b.text))
            blocks[:i + 1] = [b for b in blocks[:i] if not isinstance(b, Heading)]
            return True
    return False


def _unhead_title(lesson: Lesson, report: Report, heads: Block | None = None) -> None:
    """The lesson's last heading, when it repeats the lesson's title (a back
    cover, a leaflet's last panel), is no section of it: a paragraph, with a
    note. (A section named like the lesson, with more after it, stays; so
    does ``heads``, the title's own heading put back over its questions.)"""
    blocks = lesson.blocks
    i = next((k for k in range(len(blocks) - 1, 0, -1) if isinstance(blocks[k], Heading)), 0)
    if i and blocks[i] is not heads \
            and " ".join(blocks[i].text.split()).lower() == " ".join(lesson.title.split()).lower():
        blocks[i] = Paragraph(blocks[i].text, blocks[i].line)
        report.note(blocks[i].line, f"'{blocks[i].text}' at the end repeats the lesson's "
                    "title: kept as a paragraph, not a section", topic=Topic.HEADING)


def _titled(lesson: Lesson, title: str, where: str, line: int, report: Report) -> None:
    """Give ``lesson`` its title and say where it came from; a lesson that
    has one already took it from its chapter's running marker."""
    if lesson.title:
        title, line = lesson.title, lesson.line
        where = (f"the line after its chapter line '{lesson.kicker}'" if lesson.kicker
                 else "a running chapter marker")
    lesson.title = title
    report.note(line, f"lesson title '{lesson.title}' taken from {where}", topic=Topic.TITLE)


def _title_line(blocks: list[Block]) -> bool:
    """The text opens with a short line that is no sentence ("Lab safety",
    in sentence case, which no heading rule takes) right above a paragraph
    of running text: that line is the title."""
    if len(blocks) < 2 or not isinstance(blocks[0], Paragraph) \
            or not isinstance(blocks[1], Paragraph):
        return False
    title, body = blocks[0].text, blocks[1].text
    return len(title) <= 70 and 0 < len(title.split()) <= 8 and title[:1].isupper() \
        and not title.endswith((".", "?", "!", ":", ",", ";")) \
        and len(body.split()) >= 12 and body.endswith((".", "!", "?", ":"))


def _may_be_title(block: Block) -> bool:
    """A heading, or a short paragraph that does not end a sentence."""
    return isinstance(block, Heading) or (
        isinstance(block, Paragraph) and len(block.text) <= 100
        and not block.text.endswith((".", "?", "!")))


def take_objectives(lesson: Lesson, report: Report) -> None:
    """A goals heading followed by a list: the lesson's objectives."""
    blocks = lesson.blocks
    for i, block in enumerate(blocks[:-1]):
        if isinstance(block, Heading) and block.role == "goals" \
                and isinstance(blocks[i + 1], ListBlock):
            lesson.objectives = [item.text for item in blocks[i + 1].items]
            lesson.objectives_title = block.text
            del blocks[i:i + 2]
            return


def attribute_quotes(lesson: Lesson, report: Report) -> None:
    """A quote announced by ``... a quote by Peter Drucker, ...:`` gets that name."""
    for previous, block in zip(lesson.blocks, lesson.blocks[1:]):
        if isinstance(block, Quote) and not block.attribution and isinstance(previous, Paragraph) \
                and previous.text.endswith(":") and (m := cues.QUOTE_BY.search(previous.text)):
            block.attribution = m.group(1)


def name_definitions(lesson: Lesson, report: Report) -> None:
    """A bare ``Definition:`` defines the heading above it (or the lesson)."""
    term = lesson.title
    for block in lesson.blocks:
        if isinstance(block, Heading):
            term = block.text
        elif isinstance(block, Definition) and not block.term:
            block.term = term


def mark_list_roles(lesson: Lesson, report: Report) -> None:
    """Lists under a readings or activities heading take its role."""
    role = ""
    for block in lesson.blocks:
        if isinstance(block, Heading):
            role = block.role if block.role in ("readings", "activities") else (
                "activities" if role == "activities" and block.level > 2 else "")
        elif isinstance(block, ListBlock) and role and not block.role:
            block.role = role


_TERM_COLON = re.compile(r"^(?P<term>[A-Z][^:.!?]{1,60}):\s+(?P<text>\S.*)$")


def bold_terms(lesson: Lesson, report: Report) -> None:
    """Bullets of the form ``Term: explanation`` (two or more in a list)
    keep the term, shown in bold."""
    for block in lesson.blocks:
        if not isinstance(block, ListBlock) or block.ordered:
            continue
        found = [(item, m) for item in block.items
                 if ":" in item.text and (m := _TERM_COLON.match(item.text))
                 and len(m.group("term").split()) <= 6]
        if len(found) >= 2:
            for item, m in found:
                item.term, item.text = m.group("term"), m.group("text")


def drop_footnote_marks(lesson: Lesson, report: Report) -> None:
    """``company”1 That`` is a footnote mark glued to a quote; the note
    itself is not in the text, so the mark goes (and is reported)."""
    for block in lesson.blocks:
        if isinstance(block, Paragraph) and _may_hold_a_digit(block.text) \
                and _FOOTNOTE_HINT.search(block.text) and (m := _FOOTNOTE.search(block.text)):
            report.note(block.line, "removed footnote mark "
                        f"'{m.group('mark')}' (its note is not in the text)")
            block.text = _FOOTNOTE.sub(r"\g<after>", block.text)


def set_heading_levels(lesson: Lesson, report: Report) -> None:
    """Level 2 by default; level 3 for a heading that sits under another:
    inside a section that an exercise names, announced by a counted lead-in
    ("four steps ... as follows:"), naming an item of the list above it, or
    following a heading that has no text of its own."""
    blocks = lesson.blocks
    # where the headings and exercise links stand: all that the rules below look at,
    # besides the block right before a heading and the lists (found once, not per rule)
    marks = [i for i, b in enumerate(blocks) if isinstance(b, (Heading, ExerciseLink))]
    headings = [i for i in marks if isinstance(blocks[i], Heading)]
    for i in headings:
        blocks[i].level = 2
    _levels_named_by_exercises(blocks, marks)
    _levels_counted(blocks, headings)
    _levels_from_list_items(blocks)
    _levels_from_empty_parents(blocks, marks)


def _levels_named_by_exercises(blocks: list[Block], marks: list[int]) -> None:
    """The headings between an exercise's link and the heading its title
    names (the section it is the exercise of) are level 3."""
    for n, k in enumerate(marks):
        link = blocks[k]
        if not isinstance(link, ExerciseLink):
            continue
        name = _norm(link.quiz.title.split(":", 1)[-1])
        for m in range(n - 1, -1, -1):
            other = blocks[marks[m]]
            if isinstance(other, ExerciseLink):
                break
            if _norm(other.text) == name:
                for inner in marks[m + 1:n]:  # (all headings: no link stands between)
                    blocks[inner].level = 3
                break


def _levels_counted(blocks: list[Block], headings: list[int]) -> None:
    for i in headings:
        block = blocks[i - 1] if i else None
        if isinstance(block, Paragraph) and block.text.endswith(":") \
                and (m := cues.COUNTED.search(block.text)):
            word = m.group(1).lower()
            count = int(word) if word.isdigit() else cues.NUMBER_WORDS[word]
            for inner in [j for j in headings if j >= i][:count]:
                blocks[inner].level = 3


def _levels_from_list_items(blocks: list[Block]) -> None:
    """A heading that names an item of a list above it, under the same
    level-2 heading, is level 3."""
    items: dict[str, list[str]] = {}  # the items' texts since the last level-2 heading, by lead
    for block in blocks:
        if isinstance(block, ListBlock):
            for item in block.items:
                items.setdefault(_lead(item.text), []).append(item.text)
        elif isinstance(block, Heading):
            if items and _names_an_item(_norm(block.text), items):
                block.level = 3
            elif block.level == 2:
                items = {}


def _names_an_item(name: str, items: dict[str, list[str]]) -> bool:
    """``name`` (a heading's, normalised) is one of ``items`` normalised
    (only the items whose lead it may start with are: see _lead)."""
    return any(_norm(text) == name for text in items.get(name[:3], []) + items.get("", []))


def _lead(text: str) -> str:
    """What ``_norm(text)`` starts with, as far as a quick test tells: a text
    led by three ASCII letters or digits starts with them, lowered; any
    other text may start with anything ("")."""
    lead = text[:3]
    return lead.lower() if len(lead) == 3 and lead.isascii() and lead.isalnum() else ""


def _levels_from_empty_parents(blocks: list[Block], marks: list[int]) -> None:
    inside = False
    for i in marks:
        block = blocks[i]
        if isinstance(block, ExerciseLink):
            inside = False
            continue
        if block.level != 2:
            continue
        if i + 1 < len(blocks) and isinstance(blocks[i + 1], Heading):
            inside = True  # a parent: its children follow
        elif inside:
            block.level = 3


def note_heading_guesses(lesson: Lesson, report: Report) -> None:
    """Headings taken on weak evidence go on the review list: long ones,
    all-capitals words, and those not in strict title case; and exercises
    named by a heading one letter off an exercise phrase."""
    for quiz in lesson.quizzes:
        if phrase := misspelt_cue(quiz.title):
            report.note(quiz.line, f"took '{quiz.title}' for an exercise heading: it is one "
                        f"letter off '{phrase}'", topic=Topic.HEADING)
    for block in lesson.blocks:
        if not isinstance(block, Heading) or block.role == "exercise":
            continue
        words = block.text.split()
        weak = len(words) >= 8 or block.text.isupper() or not title_case_strict(words)
        if weak:
            report.note(block.line, f"took '{block.text}' for a level-{block.level} heading; "
                        "check that it is one, at that level", topic=Topic.HEADING)


def note_list_numbers(lesson: Lesson, report: Report) -> None:
    """A numbered list whose numbers skip or repeat (1, 2, 2, 4: often an
    extraction's doing) is published numbered on from its first item (1, 2,
    3, 4); the source's numbers go on the review list. Numbers all alike
    (Markdown's "1. 1. 1.") are a way of writing a list, not a doubt; nor
    are letters, which may be Roman numbers ("i) ii) iii)")."""
    for block in lesson.blocks:
        if isinstance(block, ListBlock) and block.ordered and not block.lettered:
            _note_numbers(block.items, report)


def _note_numbers(items: list[ListItem], report: Report) -> None:
    numbers = [item.number for item in items]
    if None in numbers or len(set(numbers)) == 1:
        return
    first = numbers[0]
    wrong = next((n for n, number in enumerate(numbers) if number != first + n), None)
    if wrong is None:
        return
    said = ", ".join(map(str, numbers))
    report.note(items[wrong].line, f"the numbered list's items are numbered {said} in the "
                f"source; published numbered on from its first ({first} to "
                f"{first + len(numbers) - 1})", "check the source for a step left out, "
                "repeated or out of order", topic=Topic.OTHER)


def title_case_strict(words: list[str]) -> bool:
    """Every word but the small ones (of, and, with...) starts with a capital."""
    return all(not w[:1].isalpha() or w[:1].isupper() or w.lower().strip("()") in cues.SMALL_WORDS
               for w in words)  # (a word led by a letter is in capitals when its letter is)


STEPS = [take_title, take_objectives, attribute_quotes, name_definitions, mark_list_roles,
         bold_terms, drop_footnote_marks, extract_exercises, set_heading_levels,
         note_heading_guesses, note_list_numbers]
