"""Exercises: the questions a lesson holds, wherever they stand, become quizzes.

An exercise is found in one of three ways:

- a heading that names one (``cues.EXERCISE_HEADING``: "Exercises", "Check Your
  Progress", "Review Questions", "1.9 Exercises"...): the section under it, up to
  the next heading that is not one of its own (a question's label, an answer key);
- a heading whose section holds numbered questions and, after them, a numbered
  list that restarts at 1 with answer-like items (a key, without a cue word);
- no heading at all: a run of questions whose shape shows a quiz, two or more
  with options ("a)", "(a)", "A.", ballot boxes) or labelled "Question 1:".

Inside an exercise each block is read as pieces (a paragraph, a list item, a
heading), and each piece is one of: a question ("3.", "3)", "Question 3:"); an
option ("a)", "(a)", "A.", "a.", "□", "⊠", a list item under a question); an
answer right after its question ("Answer: (b)", or "Answer:" and paragraphs); an
answer key (a heading "Answers", then numbered keys, "1. b 2. c" lines); an
instruction (true or false; select all that apply); or text: the rest of a
prompt before its options, or the exercise's introduction.

Answers come from the question's own answer, else from a key with its number,
else from marks on its options. Nothing is invented: without any of these, a
choice question has no correct option and an open one no model answer, and the
review list says so. Question numbers are kept per exercise (a key pairs by
them).
"""

from __future__ import annotations

import difflib
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import accumulate

from build_course.diagnostics import Report, Topic
from build_course.importer import cues
from build_course.importer.shapes import LONG_NUMBER, may_hold_a_digit, runs_on
from build_course.importer.shapes import normalised as _norm
from build_course.model import (
    Block,
    Definition,
    Dialogue,
    ExerciseLink,
    Heading,
    Lesson,
    ListBlock,
    ListItem,
    Paragraph,
    Question,
    Quiz,
    Quote,
    RawMarkdown,
)
from build_course.quiz.kinds import QuestionKind, infer_kind, option_index, option_letter

_MARKED = "⊠☒☑✓✔■▣◼"
_UNMARKED = "□☐◻○◯❏"
_BRACKET_BOX = re.compile(r"^\[([ xX✓✔])\]\s+(?=\S)")
_GLYPH_OPTION = re.compile(rf"^([{_MARKED}{_UNMARKED}])\s*(?=\S)")
_ROMAN_OPTION = re.compile(r"^(?:\((i{1,3}|iv|vi{0,3})\)|(i{1,3}|iv|vi{0,3})\))\s+(?=\S)")
_ROMAN_ANSWER = re.compile(r"^\(?(i{1,3}|iv|vi{0,3})\)?(?:[.)]?\s+(?P<rest>\S.*))?$")
_LOWER_LETTER = re.compile(r"^(?:\(([a-h])\)|([a-h])[.)])\s+(?=\S)")
# "(a) True. (b) False.": the keys of lettered statements.
_LETTER_KEY = re.compile(r"(?:^|(?<=\s))\(?([a-h])\)\s*(true|false|t|f)\b\.?", re.I)
_LETTER_OPTION = re.compile(r"^(?:\(([a-hA-H])\)|([a-hA-H])[.)])\s+(?=\S)")
_NUMBERED = re.compile(r"^\(?(\d{1,3})[.)](?!\d)\s*(?=\S|$)")
_LONG_NUMBERED = re.compile(r"^\(?(\d{1,6})[.)](?!\d)\s*(?=\S|$)")
_ROMAN = re.compile(r"^\(?([ivx]{1,4})[.)]\s*(?=\S|$)")
_INLINE_NUMBER = re.compile(r"(?:(?<=\s)|^)(\d{1,3})([.)])(?=\s|$)")
_PAREN_NUMBER = re.compile(r"^\d{1,3}\)")
_KEY_PAIR = re.compile(
    r"(?:^|(?<=[\s,;]))(\d{1,6}|[ivx]{1,5})(?:\s*[.):\-–]\s*|\s+)\(?([a-h]|true|false|t|f)\)?"
    r"(?=$|[\s,;.])", re.I)


# A number's last character, a key after it and what may follow the key: in an ASCII
# text, lowered, each pair that _KEY_PAIR finds holds one of these (it starts with a
# set of characters, so the engine skips to them: a quick test before _KEY_PAIR).
_KEY_HINT = re.compile(r"[\divx](?:\s*[.):\-–]\s*|\s+)\(?(?:[a-h]|true|false|t|f)\)?(?:$|[\s,;.])")


def _may_hold_keys(text: str) -> bool:
    """Two keys or more may stand in ``text`` (see _KEY_PAIR)."""
    return not text.isascii() or len(_KEY_HINT.findall(text.lower())) >= 2


def _in_run(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Key pairs whose number is a question's: one of 1,000 or more only where
    it continues the run of the pair before or after it (shapes.runs_on)."""
    numbers = [int(n) if n.isdigit() else 0 for n, _ in pairs]
    if max(numbers, default=0) < LONG_NUMBER:
        return pairs
    return [pair for pair, ok in zip(pairs, runs_on(numbers)) if ok]


_LETTER_ANSWER = re.compile(
    r"^\(?([a-h])\)?((?:\s*(?:,|&|\band\b|\s)\s*\(?[a-h]\)?(?![\w']))*)"
    r"(?:\s*[.)]\s*(?P<rest>.*)|\s+[—–]\s*(?P<said>.*))?$", re.I)  # "B. why", "A — why"
_SINGLE_LETTER = re.compile(r"\b[a-h]\b", re.I)
_LONE_NUMBER = re.compile(r"^\d{1,4}$")
_NOT_WORD = re.compile(r"[^\w ]")


@dataclass(slots=True)
class _Piece:
    """One line of an exercise as the reader sees it."""

    text: str
    line: int
    number: int | None = None  # a numbered list item's number
    depth: int = 0  # nesting of a list item; 0 for anything else
    item: bool = False
    heading: bool = False
    under_number: bool = False  # a list item under a numbered item (an option)
    code: bool = False  # a code block (Markdown as found): never a question or an option
    lettered: bool = False  # an item of a lettered list ('A.', 'b)'): its number is a letter
    long_number: bool = False  # led by a number of 1,000 or more that continues a run
    asks: bool = False  # an unnumbered question right above its lettered options
    asked: bool = False  # a paragraph the family's passes found to be a question
    cued: bool = True  # may hold an instruction cue (False: _mark_cued found none)


@dataclass
class _Found:
    """A question as read, before its answer is settled."""

    question: Question
    number: int | None
    answer: str = ""
    answer_line: int = 0
    worked: bool = False  # the answer is a worked solution ("Answer:"/"Solution" and text)
    marked: list[int] = field(default_factory=list)
    true_false: bool = False
    select_all: bool = False
    worksheet: bool = False  # under a worksheet or practical-activity title
    from_item: bool = False  # numbered as a list item (not a paragraph or label)
    parent: int | None = None  # a statement "iii)" under numbered instruction 3
    sub: int | None = None  # the statement's own (roman) number
    parts: list[str] = field(default_factory=list)  # a matching question's items, labelled
    match_prompt: str = ""  # its instruction, before its items
    instruction: bool = False  # a matching instruction alone: no question without its items
    roman: bool = False  # its options are numbered (i), (ii)...: so is its key
    task_label: bool = False  # "Exercise 1.2. Do this." with no questions under it
    lettered: bool = False  # a statement lettered "(b)" under a true-or-false instruction
    first_letter: str = ""  # the letter of its first option, where its options are lettered


# ---- the step --------------------------------------------------------------

def extract_exercises(lesson: Lesson, report: Report) -> None:
    """Each exercise in the lesson becomes a quiz; the lesson keeps a link
    where it stood."""
    blocks = lesson.blocks
    read: dict[int, list[_Found]] = {}  # id of each quiz -> its questions as read
    i = 0
    quiet: list[int] = [0]  # blocks before quiet[0] were seen to hold no headless quiz
    capitals = _sections_in_capitals(blocks)
    # an answer key without a cue word needs two numbered lists (_has_answer_key);
    # extracting exercises only takes blocks away, so a lesson without them never has one
    ordered = [b for b in blocks if isinstance(b, ListBlock) and b.ordered]
    # ... or one list of questions each with its answer ("1. How many? Ans. 53.")
    keyed = (len(ordered) >= 2 or any(b.items and "ns." in b.items[0].text for b in ordered)) \
        and _may_hold_answer_key(ordered, blocks)
    looks = _Looks()
    while i < len(blocks):
        if _plain(blocks[i]):
            i += 1
            continue
        end, heading = _exercise_at(blocks, i, quiet, looks, capitals, keyed)
        if end is None:
            if isinstance(blocks[i], Heading) and _chapter_key(lesson, i, read, report):
                continue
            i += 1
            continue
        title = heading.text if heading else _untitled(lesson)
        body = blocks[i + 1:end] if heading else blocks[i:end]
        line = heading.line if heading else body[0].line
        tasks = _task_parts(body)
        if not tasks and (groups := _lettered_groups(body)):
            i = _read_groups(lesson, i, end - len(groups[-1][2]) + groups[-1][3], title, groups,
                             read, report)
            continue
        quiz, found = _read_tasks(title, line, tasks, report) if tasks \
            else _read(title, line, body, report)
        if quiz.questions:
            read[id(quiz)] = found
            lesson.quizzes.append(quiz)
            blocks[i:end] = [ExerciseLink(quiz, quiz.line)]
        i += 1
    for quiz in lesson.quizzes:
        if id(quiz) in read:
            _note_guesses(quiz, read[id(quiz)], report)


def _plain(block: Block) -> bool:
    """The usual block: a paragraph that no number or label leads and that
    does not ask. No exercise starts at it (see _exercise_at), and it is no
    answer key: the look for exercises passes over it."""
    return isinstance(block, Paragraph) and not _may_lead(block.text) \
        and not block.text.rstrip().endswith("?")


_GROUP_LABEL = re.compile(r"^([A-H])[.)]\s+(\S.*)$")


def _lettered_groups(body: list[Block]) -> list[tuple[str, Paragraph, list[Block], int]] | None:
    """An exercise in lettered parts, each an instruction over questions
    numbered from 1 (``A. Fill in the blanks.`` / ``1. ...`` / ``B. Answer
    these questions.`` / ``1. ...``): (letter, its label, its blocks, how many
    of them are its questions; an answer key after the last part is no
    part's), or None (fewer than two parts, or text before the first)."""
    labels = [k for k, b in enumerate(body) if isinstance(b, Paragraph) and b.text[:1] in "ABCDEFGH"
              and _GROUP_LABEL.match(b.text) and not b.text.endswith("?")
              and k + 1 < len(body) and (first := _first_piece(body[k + 1])) is not None
              and (_question_start(first) or (0, ""))[0] == 1]
    letters = "".join(body[k].text[0] for k in labels)
    if len(labels) < 2 or labels[0] != 0 or letters != "ABCDEFGH"[:len(labels)]:
        return None
    groups = []
    for k, end in zip(labels, labels[1:] + [len(body)]):
        part = body[k + 1:end]
        asked = next((j for j, b in enumerate(part)
                      if isinstance(b, Heading) and cues.ANSWERS_HEADING.match(b.text)), len(part))
        groups.append((body[k].text[0], body[k], part, asked))
    return groups


def _read_groups(lesson: Lesson, at: int, end: int, title: str,
                 groups: list[tuple[str, Paragraph, list[Block], int]],
                 read: dict[int, list[_Found]], report: Report) -> int:
    """Each lettered part of the exercise at ``lesson.blocks[at]`` becomes a
    quiz titled with the exercise's title and its letter (the letter a key
    at the chapter's end names it by); the blocks from ``end`` on (the key)
    stay in the lesson. The index of the first block after the links."""
    links: list[Block] = []
    for letter, label, part, asked in groups:
        instruction = Paragraph(_GROUP_LABEL.match(label.text).group(2), label.line)
        quiz, found = _read(f"{title} {letter}", label.line, [instruction, *part[:asked]], report)
        if quiz.questions:
            read[id(quiz)] = found
            lesson.quizzes.append(quiz)
            links.append(ExerciseLink(quiz, quiz.line))
        else:
            links += [label, *part[:asked]]
    lesson.blocks[at:end] = links
    return at + len(links)


# A line that is, or starts with, a true/false pair: "True / False", "(T/F)", "True or false:".
_TRUE_FALSE_LEAD = re.compile(
    f"^[(\\[]?(?:{cues.TRUE_FALSE_INSTRUCTION.pattern})[)\\]]?\\s*[:.\\-–]?\\s*", re.I)
_TRUE_FALSE_TAIL = re.compile(
    f"(?:[(\\[]\\s*(?:{cues.TRUE_FALSE_INSTRUCTION.pattern})\\s*[)\\]]"
    f"|(?<=[.!])\\s*(?:{cues.TRUE_FALSE_INSTRUCTION.pattern}))\\s*[.?:]?$", re.I)


# Any of the cues an instruction line holds (see _Reader._instruction).
_INSTRUCTION_CUE = re.compile("|".join(f"(?:{cue.pattern})" for cue in (
    cues.SELECT_ALL, cues.TRUE_FALSE_INSTRUCTION, cues.FILL_IN_INSTRUCTION)), re.I)


def _may_instruct(text: str) -> bool:
    """A quick test: ``text`` may hold one of the instruction cues (select
    all, true or false, fill in). The usual piece does not."""
    if not text.isascii():
        return True
    lowered = text.lower()
    for hint in cues.INSTRUCTION_HINTS:  # (a loop: a generator costs more than most searches)
        if hint.search(lowered):
            return True
    return False


def _mark_cued(pieces: list[_Piece]) -> None:
    """Clears ``cued`` on each piece that holds none of the instruction
    hints (see _may_instruct), searching each hint once in all the pieces'
    text (joined by NULs, which no hint matches), not once per piece: the
    usual exercise holds no cue, and most of a search's cost is the call."""
    texts = [piece.text.lower() if piece.text.isascii() else "" for piece in pieces]
    starts = list(accumulate((len(text) + 1 for text in texts), initial=0))
    joined = "\0".join(texts)
    cued = [not piece.text.isascii() for piece in pieces]
    for hint in cues.INSTRUCTION_HINTS:
        at = 0
        while m := hint.search(joined, at):
            k = bisect_right(starts, m.start()) - 1
            cued[k] = True
            at = starts[k + 1]  # on from the next piece
    for piece, flag in zip(pieces, cued):
        piece.cued = flag


# In a line of ASCII, lowered, what each instruction cue cannot match without: a quick
# test before its search (a slow one: each alternative of a cue starts with \b, so the
# engine tries them all at every character).
_T_OR_F = re.compile(r"(?:or|/)\s*[tf]\b")  # "T or F", "t/f"
_CHOOSE_SOME = re.compile(r"(?:ose|ect|ick|ark) (?:two|three|four|[234])\b")  # "choose two"


def _may_select_all(lowered: str) -> bool:
    return " all" in lowered or "more than one" in lowered or "apply" in lowered \
        or (("ose " in lowered or "ect " in lowered or "ick " in lowered or "ark " in lowered)
            and _CHOOSE_SOME.search(lowered) is not None)


def _may_true_false(lowered: str) -> bool:
    return "true" in lowered or _T_OR_F.search(lowered) is not None


def _may_fill_in(lowered: str) -> bool:
    return "fill in" in lowered or "complete the" in lowered


def _instruction_cued(text: str) -> bool:
    """``text`` holds one of the instruction cues (each searched only where
    its words may stand)."""
    if not text.isascii():
        return _INSTRUCTION_CUE.search(text) is not None
    lowered = text.lower()
    return (_may_select_all(lowered) and cues.SELECT_ALL.search(text) is not None) \
        or (_may_true_false(lowered) and cues.TRUE_FALSE_INSTRUCTION.search(text) is not None) \
        or (_may_fill_in(lowered) and cues.FILL_IN_INSTRUCTION.search(text) is not None)


def _asks_to_match(text: str) -> bool:
    if text.isascii() and cues.MATCH_HINT not in text.lower():
        return False  # the usual piece: a quick test, not the search
    return cues.MATCH_INSTRUCTION.search(text) is not None


def _select_all(text: str) -> bool:
    if text.isascii() and not _may_select_all(text.lower()):
        return False  # the usual text: a quick test, not the search
    return cues.SELECT_ALL.search(text) is not None


def _true_false_tail(text: str) -> bool:
    """A statement of three words or more marked at its end: ``... were made. (True/False)``,
    ``... at the top. T or F``."""
    m = _TRUE_FALSE_TAIL.search(text)
    return m is not None and len(text[:m.start()].split()) >= 3


def _statement(prompt: str) -> str:
    """A true/false question's statement without its mark: ``True or false: ...``,
    ``... (T/F)``."""
    if (m := _TRUE_FALSE_TAIL.search(prompt)) and len(prompt[:m.start()].split()) >= 3:
        prompt = prompt[:m.start()].rstrip()
    if (m := _TRUE_FALSE_LEAD.match(prompt)) and len(prompt[m.end():].split()) >= 3:
        prompt = prompt[m.end():]
        prompt = prompt[:1].upper() + prompt[1:]
    return prompt


_KEY_MARK = re.compile(
    r"(?P<group>(?<![\w.(])[A-H](?=[.)]?\s+(?:\d{1,3}[.):]?\s|\(?(?:i{1,3}|iv|vi{0,3}|ix|x)\))))"
    r"|(?P<number>(?<![\w.,])(?:(?P<chapter>\d{1,2})\.(?=\d))?(?P<minor>\d{1,3}))"
    r"(?:[.):](?=\s|$)|(?=\s*$)"
    r"|(?=\s+(?:\(|(?:i{1,3}|iv|vi{0,3}|ix|x)\)|[a-hA-H](?=[\s,;.)]|$)|[Tt]rue\b|[Ff]alse\b|[TF]\b)))"
    r"|(?P<roman>(?<![\w(])\(?(?:i{1,3}|iv|vi{0,3}|ix|x)\))"
    r"|(?P<lost>(?<=\s)\)(?=\s+(?:[Tt]rue|[Ff]alse)\b))")  # "ii) True ) False": iii's mark lost


def _chapter_key(lesson: Lesson, i: int, read: dict[int, list[_Found]],
                 report: Report) -> bool:
    """A heading "Answers to ..." after the lesson's exercises: its keys
    ("A 3 i) True ii) False", "1. b 2. c") go to the exercises they name (by a
    group letter that ends an exercise's title, else in order). Attached
    keys leave the lesson (the quiz shows them); a key for a question that
    is not in the text stays, with a note."""
    heading = lesson.blocks[i]
    if not isinstance(heading, Heading) or not lesson.quizzes \
            or not cues.ANSWERS_HEADING.match(heading.text) \
            or heading.text.rstrip(": ").lower() in ("answer", "solution"):
        return False
    end = _section_end(lesson.blocks, i)
    titles = [q.title for q in lesson.quizzes if id(q) in read]
    text = " ".join(f"{_ROMANS[_ROMAN_LETTERS[p.number] - 1]}) {p.text}"
                    if p.item and p.lettered and p.number in _ROMAN_LETTERS  # "v) False vi) ..."
                    else f"{p.number}. {p.text}" if p.item and p.number is not None
                    else _key_heading(p.text, titles) if p.heading else p.text
                    for b in lesson.blocks[i + 1:end] for p in _pieces(b) if not p.code)
    groups = _titled_key_groups(text, titles)
    attached, stray = _attach_keys(lesson.quizzes, groups, read, report)
    if not attached:
        if stray:
            report.note(heading.line, f"answer key '{heading.text}': none of its {len(stray)} "
                        "key(s) could be paired with a question in the text; it stays in the "
                        "lesson as text", topic=Topic.ANSWERS)
        return False
    if stray:
        shown = "; ".join(f"{_key_name(n, sub)} {key[:40]}" for n, sub, key in stray[:3])
        report.note(heading.line, f"answer key '{heading.text}': {len(stray)} key(s) name "
                    f"questions that are not in the text, left unattached ({shown}"
                    f"{'; ...' if len(stray) > 3 else ''})", topic=Topic.ANSWERS)
    if len(stray) > attached:
        return False  # mostly unattached: the key stays in the lesson, as text
    del lesson.blocks[i:end]
    return True


def _key_heading(text: str, titles: list[str]) -> str:
    """A heading inside an answer key that names one exercise by the start of
    its title ("Section 1" for "Section 1: Income and spending"): that title
    and a colon, which start its keys; any other heading as it stands."""
    name = _norm(text)
    named = [t for t in titles if name and (_norm(t) == name or _norm(t).startswith(name + " "))]
    return f"{named[0]}:" if len(named) == 1 else text


_KEY_TITLE_END = re.compile(r"\s*(?::|\s[-–—])\s+(?=\(?\d)|\.?(?:--|—)\s*(?=\(?\d)")


def _titled_key_groups(text: str, titles: list[str]) -> list:
    """The key groups of ``text`` (see _key_groups); an exercise's title and a
    colon or dash ("Review Questions: 1. b 2. c") start the keys of that
    exercise, labelled with its title; a title of an exercise that is not in
    the lesson ("Test Yourself: 1. c") starts keys that pair with nothing."""
    by_title = {_norm(t): t for t in titles}
    cuts = []  # (start of the title, end of its colon, the title)
    for m in _KEY_TITLE_END.finditer(text):
        words = text[:m.start()].split()[-6:]
        for n in range(len(words), 0, -1):
            name = " ".join(words[-n:])
            cue = cues.EXERCISE_HEADING.match(name)
            if _norm(name) in by_title or (name[:1].isupper() and cue and cue.end() == len(name)):
                cuts.append((m.start() - len(name), m.end(), by_title.get(_norm(name), name)))
                break
    groups = _key_groups(text[:cuts[0][0]] if cuts else text)
    for (_, begin, title), after in zip(cuts, [c[0] for c in cuts[1:]] + [len(text)]):
        groups += [(title, keys) for _, keys in _key_groups(text[begin:after])]
    return groups


def _key_number(m: re.Match) -> int:
    chapter = m.group("chapter")
    return _decimal(chapter, m.group("minor")) if chapter else int(m.group("minor"))


_IN_A_FORMULA = frozenset("/=+-*^×÷")


def _key_name(number: int | None, sub: int | None) -> str:
    roman = f" {_ROMANS[sub - 1]})" if sub else ""
    if number is not None and number >= _DECIMAL_BASE:
        return f"{(number - _DECIMAL_BASE) // 1000}.{number % 1000}{roman}"
    return f"{number if number is not None else ''}{')' if number is not None else ''}{roman}"


def _key_groups(text: str) -> list[tuple[str, list[tuple[int | None, int | None, str]]]]:
    """(group label, [(number, statement number, key)]) in the order written:
    ``A 3 i) True ii) False B 1) b 2) c 4) i) Sale of Goods Act ii) ...``."""
    marks = []
    romans: dict[int, int | None] = {}  # a roman mark's start -> its value
    expected_roman = 1
    last: int | None = None  # the last key's number: keys go up (or start again at 1)
    for m in _KEY_MARK.finditer(text):
        if m.group("lost"):
            if expected_roman == 1:
                continue  # a bracket, not the mark of a statement whose number was lost
            romans[m.start()] = expected_roman
            expected_roman += 1
        elif m.group("roman"):
            value = _roman_value(m.group("roman").strip("()"))
            if value not in (1, expected_roman, expected_roman + 1):  # one may be lost
                continue  # "v)" inside a key's text, not the next statement
            romans[m.start()] = value
            expected_roman = (value or 0) + 1
        elif m.group("number"):
            number = _key_number(m)
            before = text[max(0, m.start() - 1):m.start()]
            if last is not None and number <= last and (number != 1 or before == "(") \
                    or before and before in _IN_A_FORMULA:
                continue  # "10/43 = 0.23", "2 of 3 = 6" inside a key's text
            expected_roman, last = 1, number
        elif m.group("group"):
            last = None
        marks.append(m)
    groups: list[tuple[str, list]] = [("", [])]
    number: int | None = None
    pending = False  # the number before has no key yet: a letter after it is its key
    for m, after in zip(marks, marks[1:] + [None]):
        value = text[m.end():after.start() if after else len(text)].strip(" ,;")
        if m.group("group") and pending:
            groups[-1][1].append((number, None, f"{m.group('group')} {value}".strip()))
            pending = False
        elif m.group("group"):
            groups.append((m.group("group"), []))
            number = None
        elif m.group("number"):
            number = _key_number(m)
            pending = not value
            if value:
                groups[-1][1].append((number, None, value))
        elif value:
            pending = False
            groups[-1][1].append((number, romans[m.start()], value))
    return [(label, keys) for label, keys in groups if keys]


def _attach_keys(quizzes: list[Quiz], groups: list, read: dict[int, list[_Found]],
                 report: Report) -> tuple[int, list[tuple[int | None, int | None, str]]]:
    """(how many keys were attached, the keys left) of ``groups`` on ``quizzes``."""
    attached, stray = 0, []
    open_quizzes = [q for q in quizzes if id(q) in read]
    for n, (label, keys) in enumerate(groups):
        named = [q for q in open_quizzes if label and (q.title.split()[-1:] == [label]
                                                       or q.title == label)]
        quiz = named[0] if named else (open_quizzes[n] if not label and n < len(open_quizzes)
                                       else None)
        if quiz is None:
            stray += keys
            continue
        found = read[id(quiz)]
        judged: dict[int, list[str]] = {}  # a question's items, keyed each in turn
        for number, sub, key in keys:
            match = [f for f in found if (f.parent, f.sub) == (number, sub)
                     or (sub is None and f.number == number and f.sub is None)]
            if not match and sub is not None and number is not None \
                    and _judged_items(found, number, sub):
                judged.setdefault(number, []).append(f"{_ROMANS[sub - 1]}) {key}")
                continue
            if not match or match[0].answer or match[0].question.correct:
                stray.append((number, sub, key))
                continue
            match[0].answer = key
            _settle(match[0], report, True)
            attached += 1
        for number, items in judged.items():
            question = next(f for f in found if f.number == number and f.sub is None)
            question.answer = " ".join(items)  # "i) Consumer product. ii) ..."
            _settle(question, report, True)
            attached += 1
    return attached, stray


def _judged_items(found: list[_Found], number: int, sub: int) -> bool:
    """Question ``number`` holds its items in its prompt (``i) Electricity
    ii) Shoes``, see _items_to_judge), item ``sub`` among them: the key of
    that item is part of its answer."""
    question = next((f for f in found if f.number == number and f.sub is None), None)
    return question is not None and not question.answer and sub <= len(_ROMANS) \
        and not question.question.options and f" {_ROMANS[sub - 1]}) " in question.question.prompt


def heads_questions(heading: Heading, blocks: list[Block], at: int) -> int | None:
    """Where the questions that the lesson's title ``heading`` heads start
    in ``blocks`` (from ``at``), or None: a worksheet or a quiz with no
    heading of its own. The cleaning passes marked the title an exercise's
    heading from the answer space under its questions (they start at the
    first numbered question), or its cue words name one and, right under it
    or after a paragraph or two, numbered lines ask (half of them end with
    "?") or an answer key follows them."""
    if heading.role != "exercise":
        return None
    cued = _names_exercise_by_cue(heading.text)
    for k in range(at, min(len(blocks), at + 3 if cued else at + 40)):
        pieces = _pieces(blocks[k])
        if isinstance(blocks[k], Heading) or not pieces:
            return None
        if _question_start(pieces[0]) is not None or pieces[0].asked:
            break
        if cued and not isinstance(blocks[k], Paragraph):
            return None
    else:
        return None
    if not cued:
        return k  # marked from layout (passes_worksheet.mark_blank_exercises)
    starts = [start[1] for block in blocks[k:k + 40] if not isinstance(block, Heading)
              for piece in _pieces(block) if (start := _question_start(piece))]
    asked = sum(text.rstrip().endswith("?") for text in starts)
    keyed = any(isinstance(b, Heading) and b.role == "answers" for b in blocks[k:])
    return k if len(starts) >= 2 and (asked * 2 >= len(starts) or keyed) else None


def _names_exercise_by_cue(text: str) -> bool:
    bare = re.sub(r"^\d{1,2}(?:\.\d{1,2})*\.?\s+", "", text)
    return bool(cues.EXERCISE_HEADING.search(bare) or cues.BOOK_EXERCISE_HEADING.search(bare))


def _untitled(lesson: Lesson) -> str:
    return f"Self-check: {lesson.title}" if lesson.title else "Self-check"


def _sections_in_capitals(blocks: list[Block]) -> bool:
    """The lesson's first three headings or more before its first exercise
    are all in capitals (``BATTERY LOCATION``): its sections are headed so."""
    seen = 0
    for block in blocks:
        if isinstance(block, Heading):
            if _names_exercise(block):
                break
            if not block.text.isupper():
                return False
            seen += 1
    return seen >= 3


def _exercise_at(blocks: list[Block], i: int, quiet: list[int], looks: _Looks,
                 capitals: bool = False, keyed: bool = True) -> tuple[int | None, Heading | None]:
    """(end, heading) of the exercise that starts at ``blocks[i]``, or (None, None).
    ``quiet[0]``: where the last look for a run of questions without a
    heading stopped, having found none (a later start in that run is not
    looked at again: the look is linear in the lesson, not quadratic).
    ``capitals``: the lesson's sections are headed in capitals; an exercise
    headed otherwise holds the headings not in capitals after it (its
    scenario, its scripts), up to the next section or exercise. ``keyed``: the
    lesson may hold an answer key without a cue word (False: no need to look)."""
    block = blocks[i]
    if isinstance(block, Heading) and (_names_exercise(block)
                                       or (keyed and _has_answer_key(blocks, i, looks))):
        return _section_end(blocks, i, capitals=capitals and not block.text.isupper(),
                            looks=looks), block
    if isinstance(block, ExerciseLink) or i < quiet[0]:
        return None, None
    if keyed and (end := _keyed_list(blocks, i)):
        return end, None
    shaped, stop = _quiz_shaped(blocks, i, looks)
    if shaped:
        return _section_end(blocks, i, start_inside=True, looks=looks), None
    quiet[0] = stop
    return None, None


def _keyed_list(blocks: list[Block], i: int) -> int:
    """A numbered list of questions right above ``ANSWERS TO PAPER II.`` (an
    answers heading) and a numbered list that restarts at 1, no longer than
    the first: questions and their key without an exercise heading (an old
    examination paper's). The end of the key, or 0."""
    if i + 2 >= len(blocks) or not isinstance(first := blocks[i], ListBlock) \
            or not first.ordered or not isinstance(heading := blocks[i + 1], Heading) \
            or not cues.ANSWERS_HEADING.match(heading.text):
        return 0
    key = blocks[i + 2]
    if not isinstance(key, ListBlock) or not key.ordered or key.items[0].number != 1 \
            or len(key.items) > len(first.items) or first.items[0].number != 1:
        return 0
    asked = sum(1 for item in first.items if "?" in item.text)
    return i + 3 if asked * 2 >= len(first.items) or len(key.items) == len(first.items) else 0


def _names_exercise(heading: Heading) -> bool:
    if heading.role in ("sections", "box"):  # over sub-sections or boxes, whatever its words
        return False
    return heading.role == "exercise" or bool(cues.EXERCISE_HEADING.match(heading.text)) \
        and not cues.EXERCISE_ANSWERS.match(heading.text)


def _section_end(blocks: list[Block], start: int, start_inside: bool = False,
                 capitals: bool = False, looks: _Looks | None = None) -> int:
    """The index of the first heading after ``start`` that is not the
    exercise's own (an answer key's, a question's label, a sub-exercise's;
    with ``capitals``, one not in capitals that names no exercise)."""
    looks = looks or _Looks()
    last = None  # the number of the last question seen
    for j in range(start if start_inside else start + 1, len(blocks)):
        block = blocks[j]
        if isinstance(block, ExerciseLink):
            return j
        if isinstance(block, Heading) and j != start and not looks.own_heading(block) \
                and not (j == start + 1 and not start_inside) \
                and not (capitals and not block.text.isupper() and not _names_exercise(block)) \
                and not _numbering_goes_on(blocks, j, last, looks):
            return j
        if isinstance(block, Heading) and j > start + 1 and _keys_by_title(blocks, j):
            return j  # the keys of several exercises, each by its title: the chapter's
        if isinstance(block, Heading) and last is not None \
                and block.text.startswith(f"{last + 1} "):
            last += 1  # "4 Fill in the blanks": a question's number without its dot
        if numbers := looks.numbers(block):
            last = numbers[-1]
    return len(blocks)


def _keys_by_title(blocks: list[Block], j: int) -> bool:
    """An answers heading whose first line names an exercise ("Exercise A: 1. b"),
    or right over a heading of its own ("Answers" over "Part A", then keys)."""
    if not cues.ANSWERS_HEADING.match(blocks[j].text) or j + 1 >= len(blocks):
        return False
    if isinstance(blocks[j + 1], Heading) and not _own_heading(blocks[j + 1]) \
            and j + 2 < len(blocks) and isinstance(blocks[j + 2], ListBlock):
        return True  # the keys of each exercise under a heading that names it
    pieces = _pieces(blocks[j + 1])
    m = _KEY_TITLE_END.search(pieces[0].text[:60]) if pieces else None
    name = pieces[0].text[:m.start()] if m else ""  # "Exercise 1:", "Exercise 1.--1. b"
    return bool(name) and bool(cues.EXERCISE_HEADING.match(name))


def _chapter_answers(text: str) -> bool:
    """"Answers to Check Your Progress", "2.8 Answers": the key of several
    exercises (a bare "Answers" belongs to the exercise above it)."""
    return bool(cues.ANSWERS_HEADING.match(text)) and (
        text[:1].isdigit() or cues.ANSWERS_TO.match(text) is not None)


_DECIMAL_SECTION = re.compile(r"^\d{1,2}\.\d{1,2}\.?\s+\S")


def _numbering_goes_on(blocks: list[Block], j: int, last: int | None, looks: _Looks) -> bool:
    """A heading-shaped line amid an exercise's questions (a table's head, a
    question without its full stop): the heading itself, or a question in
    the few blocks after it, carries on from question ``last``."""
    if last is None or _DECIMAL_SECTION.match(blocks[j].text):
        return False  # "2.6 Let Us Sum Up": the text's next section
    if blocks[j].text.startswith(f"{last + 1} "):
        return True
    for block in blocks[j + 1:j + 12]:
        if isinstance(block, Heading) and _names_exercise(block):
            return False
        if numbers := looks.numbers(block):
            return last < numbers[0] <= last + 2
    return False


def _own_heading(heading: Heading) -> bool:
    """A heading-shaped line that belongs to an exercise: an answer key's
    title, a question's label, a question, an option, a key's group letter."""
    text = heading.text
    if _names_exercise(heading) or _chapter_answers(text) or heading.role == "box":
        return False  # the next exercise, the answers to all the chapter's exercises, a box
    if (lead := _TRUE_FALSE_LEAD.match(text)) and not text[lead.end():].strip(" .:()[]"):
        return True  # "True / False" under a statement: its two options
    if heading.role == "answers" or text.endswith("?") or (len(text) <= 3 and text.isalpha()):
        return True
    for shape in _OWN_HEADING_SHAPES:  # (a loop: a generator costs more than most matches)
        if shape.match(text):
            return True
    return False


# What a heading-shaped line of an exercise's own starts with (see _own_heading).
_OWN_HEADING_SHAPES = (cues.ANSWERS_HEADING, cues.QUESTION_LABEL, cues.STEPS_LABEL,
                       cues.TASK_LABEL, cues.ANSWER_LABEL, _LETTER_OPTION, _GLYPH_OPTION,
                       _NUMBERED)


def _has_answer_key(blocks: list[Block], start: int, looks: _Looks) -> bool:
    """Without a cue word: a numbered list followed by a second numbered
    list that restarts at 1, no longer than the first, is questions + key."""
    section = blocks[start + 1:_section_end(blocks, start, looks=looks)]
    lists = [b for b in section if isinstance(b, ListBlock) and b.ordered]
    if lists and len(items := lists[0].items) >= 2 and sum(
            1 for item in items if "ns." in item.text
            and cues.TRAILING_VALUE_ANSWER.search(item.text)) * 3 >= 2 * len(items):
        return True  # "1. How many are left? Ans. 53.": questions, each with its answer
    for first, second in zip(lists, lists[1:]):
        if section.index(second) == section.index(first) + 1 and _key_after(first, second):
            return sum(_answer_like(item.text) for item in second.items) * 2 >= len(second.items)
    return False


def _may_hold_answer_key(ordered: list[ListBlock], blocks: list[Block]) -> bool:
    """What _has_answer_key looks for is in the lesson: a numbered list
    right after another that may be its key (the lists that taking an
    exercise away brings together stand before the blocks still to look at),
    or under an answers heading right after it (_keyed_list), or a numbered
    list (of ``ordered``) of questions most of which hold an answer ("1. How
    many are left? Ans. 53.")."""
    return any(_key_after(first, second) for first, second in zip(blocks, blocks[1:])) \
        or any(_key_after(first, key) and isinstance(heading, Heading)  # _keyed_list's
               and cues.ANSWERS_HEADING.match(heading.text) is not None
               for first, heading, key in zip(blocks, blocks[1:], blocks[2:])) \
        or any(len(b.items) >= 2 and sum(1 for item in b.items if "ns." in item.text) * 3
               >= 2 * len(b.items) for b in ordered)


def _key_after(first: Block, second: Block) -> bool:
    """``second`` may be the key of the questions in ``first``: both numbered
    lists, the second restarting at 1 and no longer than the first."""
    return isinstance(first, ListBlock) and isinstance(second, ListBlock) \
        and first.ordered and second.ordered \
        and second.items[0].number == 1 and len(second.items) <= len(first.items)


def _answer_like(text: str) -> bool:
    return bool(_LETTER_ANSWER.match(text) or cues.OPEN_ANSWER.match(text)
                or (text.split(maxsplit=1) or [""])[0].strip(".,").lower() in _TRUE_FALSE_WORDS)


_TRUE_FALSE_WORDS = cues.TRUE_WORDS | cues.FALSE_WORDS
# A part's title inside an exercise: in capitals ("PART III. IDENTIFICATION",
# "B. SHORT ANSWERS") or led by a roman numeral ("IV. Essay").
_PART_TITLE = re.compile(r"^(?:[^a-z]*[A-Z]{2}[^a-z]*|[IVX]{1,4}\.\s+\S.*)$")


def _quiz_shaped(blocks: list[Block], i: int, looks: _Looks) -> tuple[bool, int]:
    """A run of questions without a heading: at ``blocks[i]`` a question
    starts, and in the blocks up to the next heading two or more questions
    have options, or two or more carry a "Question N" label. Also: the index
    where the look stopped."""
    if _unnumbered(blocks[i]) and not _asks_over_options(blocks, i):
        return False, i  # the usual block: a paragraph that neither a number leads nor asks
    first = _first_piece(blocks[i])
    if first is None:
        return False, i
    unnumbered = _question_start(first) is None
    if unnumbered and not _asks_over_options(blocks, i):
        return False, i
    labelled = with_options = questions = answered = asking = 0
    counted = True  # the current question's options are counted
    stem = ""  # the current question's text
    stop = min(i + 400, len(blocks))
    for j in range(i, stop):
        block = blocks[j]
        if isinstance(block, Heading) and not looks.own_heading(block):
            stop = j
            break
        for piece in looks.pieces(block):
            if cues.QUESTION_LABEL.match(piece.text):
                labelled += 1
            if (start := _question_start(piece)) is not None or _asks_over_options(blocks, j):
                questions += 1
                counted = False
                stem = start[1] if start else piece.text
            elif not counted and (option := _option(piece, False)) is not None:
                with_options += 1  # a lettered or ballot-box option: a list item is not enough
                counted = True
                answered += option[1]
                asking += _asks(stem)
            elif unnumbered and not answered and cues.ANSWER_LABEL.match(piece.text):
                answered = 1
    # questions without numbers need an answer too (else: a lesson's points under a question);
    # numbered ones without answers, one stem at least that asks (else: an outline's points,
    # "1. Growing the crops." over "a. Variety selection")
    return labelled >= 2 or (with_options >= 2 and with_options * 2 >= questions
                             and (answered or (not unnumbered and asking))), stop


def _asks(stem: str) -> bool:
    """A question's stem that asks: a question mark, a colon or a blank to
    fill, or a sentence left open for its options to end (four words or
    more, no full stop)."""
    stem = stem.rstrip()
    return "?" in stem or stem.endswith(":") or "__" in stem or "…" in stem or "..." in stem \
        or (len(stem.split()) >= 4 and not stem.endswith((".", "!")))


def _asks_over_options(blocks: list[Block], j: int) -> bool:
    """``blocks[j]`` is an unnumbered paragraph that asks, right above a
    lettered or ballot-box option (a quiz written without numbers)."""
    block = blocks[j]
    if not isinstance(block, Paragraph) or not block.text.rstrip().endswith("?") \
            or j + 1 >= len(blocks) or _NUMBERED.match(block.text) \
            or _option(_Piece(block.text, block.line), False) is not None:
        return False
    after = _pieces(blocks[j + 1])
    return bool(after) and _option(after[0], False) is not None


def _mark_asking(pieces: list[_Piece]) -> None:
    """Unnumbered paragraphs that ask, right above a lettered option: questions."""
    for piece, after in zip(pieces, pieces[1:]):
        if not (piece.item or piece.heading or piece.code) and piece.text.rstrip().endswith("?") \
                and _question_start(piece) is None and _option(piece, False) is None \
                and _option(after, False) is not None:
            piece.asks = True  # (not "(b) What is ...?": a question's part, or an option)


# ---- pieces ----------------------------------------------------------------

class _Looks:
    """What the look for exercises in a lesson asks of its blocks, each
    answer worked out once: the scans (_section_end, _numbering_goes_on,
    _quiz_shaped) pass over the same blocks several times. Keyed by the
    block's id; the block is kept with its answers, so that no new block
    takes its id while they live (one call of extract_exercises)."""

    def __init__(self) -> None:
        self._pieces: dict[int, tuple[Block, list[_Piece]]] = {}
        self._numbers: dict[int, tuple[Block, list[int]]] = {}
        self._own: dict[int, tuple[Heading, bool]] = {}

    def own_heading(self, heading: Heading) -> bool:
        """``_own_heading(heading)``."""
        known = self._own.get(id(heading))
        if known is None:
            known = self._own[id(heading)] = (heading, _own_heading(heading))
        return known[1]

    def pieces(self, block: Block) -> list[_Piece]:
        """``_pieces(block)``, to read only (the reader makes its own)."""
        known = self._pieces.get(id(block))
        if known is None:
            known = self._pieces[id(block)] = (block, _pieces(block))
        return known[1]

    def numbers(self, block: Block) -> list[int]:
        """The numbers of the questions that start in ``block``, in order
        (not the statements "i)", "v)" of a lettered list: their numbers
        are letters)."""
        known = self._numbers.get(id(block))
        if known is None:
            numbers: list[int] = []
            if isinstance(block, ListBlock):
                _list_numbers(block.items, False, block.lettered, numbers)
            elif not _unnumbered(block):
                numbers = [start[0] for piece in self.pieces(block)
                           if (start := _question_start(piece)) is not None]
            known = self._numbers[id(block)] = (block, numbers)
        return known[1]


def _list_numbers(items: list[ListItem], under_number: bool, lettered: bool,
                  out: list[int]) -> None:
    """The numbers that _question_start finds in the pieces of a list's
    ``items`` (see _pieces), without making the pieces: an item's own number
    (not under a numbered item's), or a "Question 3" label's; none of the
    items of a ``lettered`` list's top level (their numbers are letters)."""
    for item in items:
        if not lettered and item.number is not None and not under_number:
            out.append(item.number)
        elif not lettered:
            text = f"{item.term}{item.term_sep} {item.text}" if item.term else item.text
            if _may_lead(text) and (m := cues.QUESTION_LABEL.match(text)):
                out.append(int(m.group(1)))
        if item.children:
            _list_numbers(item.children, item.number is not None, False, out)


def _pieces(block: Block) -> list[_Piece]:
    if isinstance(block, Heading):
        return [_Piece(block.text, block.line, heading=True)]
    if isinstance(block, Paragraph):
        return [_Piece(block.text, block.line, asked=block.asks)]
    if isinstance(block, ListBlock):
        out: list[_Piece] = []
        _item_pieces(block.items, 0, False, out)
        if block.lettered:
            for piece in out:
                piece.lettered = piece.depth == 0
        return out
    if isinstance(block, Quote):
        return [_Piece(block.text, block.line)]
    if isinstance(block, Definition):
        return [_Piece(f"{block.term}: {block.text}" if block.term else block.text, block.line)]
    if isinstance(block, Dialogue):
        return [_Piece(f"{t.speaker}: {t.text}", t.line) for t in block.turns]
    if isinstance(block, RawMarkdown):
        return [_Piece(block.text, block.line, code=True)]
    return []


def _item_pieces(items: list[ListItem], depth: int, under_number: bool,
                 out: list[_Piece]) -> None:
    for item in items:
        out.append(_item_piece(item, depth, under_number))
        if item.children:  # (the usual item has none: no call)
            _item_pieces(item.children, depth + 1, item.number is not None, out)


def _item_piece(item: ListItem, depth: int, under_number: bool) -> _Piece:
    text = f"{item.term}{item.term_sep} {item.text}" if item.term else item.text
    return _Piece(text, item.line, item.number, depth, item=True, under_number=under_number)


def _first_piece(block: Block) -> _Piece | None:
    """``_pieces(block)[0]`` (None for none), without a list's other pieces."""
    if isinstance(block, Paragraph):  # the usual block
        return _Piece(block.text, block.line)
    if isinstance(block, ListBlock):
        return _item_piece(block.items[0], 0, False) if block.items else None
    pieces = _pieces(block)
    return pieces[0] if pieces else None


# What a numbered or labelled question can start with, digits aside: "(3)", and the
# first letters of cues.QUESTION_LABEL's words ("Question", "Q", "Problem", "Exercise").
_QUESTION_LEADS = frozenset("(qQpPeE")


def _may_lead(text: str) -> bool:
    """``text`` may start a numbered or labelled question: it starts with a
    digit, a bracket or a label's first letter."""
    first = text[:1]
    return first.isdecimal() or first in _QUESTION_LEADS


def _unnumbered(block: Block) -> bool:
    """A paragraph or a heading that no number or question label leads: no
    question starts in it (a quick test before making its pieces)."""
    return isinstance(block, (Paragraph, Heading)) and not _may_lead(block.text)


def _question_start(piece: _Piece) -> tuple[int, str] | None:
    """(number, text) when ``piece`` starts a numbered or labelled question."""
    if piece.item and piece.number is not None and not piece.under_number:
        return piece.number, piece.text
    if not _may_lead(piece.text):
        return None  # the usual line: neither a number nor a label leads it
    if m := cues.QUESTION_LABEL.match(piece.text):
        return int(m.group(1)), m.group(2).strip()
    if not piece.item and ((m := _NUMBERED.match(piece.text))
                           or piece.long_number and (m := _LONG_NUMBERED.match(piece.text))):
        return int(m.group(1)), piece.text[m.end():].strip()
    if not piece.item and not piece.heading and (m := _DECIMAL_NUMBERED.match(piece.text)) \
            and len(piece.text.split()) >= 6:
        return _decimal(m.group(1), m.group(2)), piece.text[m.end():].strip()
    return None


# "1.35 Pet names. The city ...": a textbook's exercise numbered in its chapter (a
# paragraph; a short heading-shaped line is a section's). Its key is "1.35 (a) ...".
_DECIMAL_NUMBERED = re.compile(r"^(\d{1,2})\.(\d{1,3})\.?\s+(?=[A-Z(\"“'])")


_DECIMAL_BASE = 1_000_000  # above any number a text gives a question itself


def _decimal(chapter: str, number: str) -> int:
    """Exercise 1.35's number: 1,001,035 (kept apart from 2.35's and from a
    drill's 1035, in sequence with 1.36's)."""
    return _DECIMAL_BASE + int(chapter) * 1000 + int(number)


def _mark_long_numbers(pieces: list[_Piece]) -> None:
    """Paragraphs led by a number of 1,000 or more start questions, as those
    below do, where the number continues the run of the numbered paragraphs
    around it (shapes.runs_on): '1000.' after '999.', never '1999. The ...'."""
    led = [(piece, int(m.group(1))) for piece in pieces
           if not piece.item and (m := _LONG_NUMBERED.match(piece.text))]
    if all(n < LONG_NUMBER for _, n in led):
        return
    for (piece, n), on in zip(led, runs_on([n for _, n in led])):
        piece.long_number = on and n >= LONG_NUMBER


def _option(piece: _Piece, in_question: bool) -> tuple[str, bool] | None:
    """(text, marked) when ``piece`` is an option of the question above it."""
    text, marked = _trailing_mark(piece.text)
    if text.startswith("*") and (m := _LETTER_OPTION.match(text[1:].lstrip())):
        return text[1:].lstrip()[m.end():].strip(), True  # "*b) Nile": the right one
    if m := _GLYPH_OPTION.match(text):
        return text[m.end():].strip(), marked or m.group(1) in _MARKED
    if m := _LETTER_OPTION.match(text):
        return text[m.end():].strip(), marked
    if m := _BRACKET_BOX.match(text):  # "[ ] Cash", "[x] Stock": a check box drawn in text
        return text[m.end():].strip(), marked or m.group(1) != " "
    if in_question and (m := _ROMAN_OPTION.match(text)):  # "(ii) Sand" (statements aside)
        return text[m.end():].strip(), marked
    if in_question and piece.item:
        return text, marked
    return None


_MARK_ENDS = "✓✔☑)*"


def _trailing_mark(text: str) -> tuple[str, bool]:
    """``c) Paris ✓`` or ``c) Paris (correct)``: the option's text and whether it
    is marked right."""
    # (MARKED_RIGHT, slow to search, ends with one of these before spaces)
    if text.rstrip()[-1:] in _MARK_ENDS and (m := cues.MARKED_RIGHT.search(text)):
        return text[:m.start()].rstrip(), True
    return text, False


def _split_inline_numbers(pieces: list[_Piece]) -> list[_Piece]:
    """``1. Have you a pen? 2. Yes, I have. 3.`` (questions numbered in the
    run of a paragraph, as a book sets short exercises) becomes one piece per
    number; only numbers that follow on from the last one split."""
    out: list[_Piece] = []
    expected: int | None = None
    mark = "."  # the questions' own mark after their number: "3." or "3)"
    for piece in _split_labels(pieces):
        start = _question_start(piece)
        if start is not None:
            expected = start[0] + 1
            # a list item's own mark is gone: "3)" then only after a sentence's end
            mark = ")" if _PAREN_NUMBER.match(piece.text) else "?" if piece.item else "."
        if expected is None or (f"{expected}." not in piece.text
                                and f"{expected})" not in piece.text):
            out.append(piece)
            continue
        cuts = []
        for m in _INLINE_NUMBER.finditer(piece.text):
            if int(m.group(1)) == expected and _same_mark(piece.text, m, mark) \
                    and (m.start() > 0 or start is None):
                cuts.append(m)
                expected += 1
        if not cuts:
            out.append(piece)
            continue
        out.extend(_cut(piece, cuts))
    return _glue_dangling(out)


def _same_mark(text: str, m: re.Match, mark: str) -> bool:
    """Whether the number ``m`` inside ``text`` is marked as the questions are
    ("?": unknown, then "3." anywhere, "3)" after a sentence's end or a blank)."""
    if mark != "?":
        return m.group(2) == mark
    return m.group(2) == "." or text[:m.start()].rstrip()[-1:] in (".", "?", "!", "…", "_")


_INLINE_ROMAN = re.compile(r"(?:(?<=\s)|^)\(?(i{1,3}|iv|vi{0,3}|ix|x)\)\s+(?=\S)")
_BARE_NUMBER = re.compile(r"^(\d{1,3})\s+(?=[A-Za-z(]|[\d$£€]\S*$)")  # "3 b", "4 443"
_ROMANS = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"]
# A list item lettered "i)", "v)" or "x)" (cleaning numbers letters a=1...) under a
# true-or-false instruction: the roman statement numbers 1, 5 and 10.
_ROMAN_LETTERS = {9: 1, 22: 5, 24: 10}
_ROMAN_LETTERS_INV = {v: k for k, v in _ROMAN_LETTERS.items()}


def _roman_value(text: str) -> int | None:
    text = text.lower()
    return _ROMANS.index(text) + 1 if text in _ROMANS else None


def _split_romans(piece: _Piece) -> list[_Piece]:
    """``i) One statement. ii) Another.``: statements numbered i), ii)... in
    the run of one line, in sequence, become pieces of their own."""
    if piece.code or "i)" not in piece.text or _key_shaped(piece.text):
        return [piece]  # "i) True ii) False iii) True": a key, read whole
    # an item of a lettered list "i)" (its own mark taken off by the list) that runs on "ii) ..."
    implied = piece.item and (piece.lettered or piece.under_number) \
        and piece.number in _ROMAN_LETTERS  # "v) ... vi) ...", at the top or under a question
    cuts, expected = [], _ROMAN_LETTERS[piece.number] + 1 if implied else None
    for m in _INLINE_ROMAN.finditer(piece.text):
        value = _roman_value(m.group(1))
        if expected is None or value == expected:
            cuts.append(m.start())
            expected = (value or 0) + 1
    if cuts and cuts[0] == 0 and piece.item and piece.number is not None and not implied:
        return [piece]  # "4. i) Write ... ii) List ...": question 4's parts, in its prompt
    if len(cuts) < (1 if implied else 2):
        return [piece]
    out = [_Piece(piece.text[:cuts[0]].strip(), piece.line, piece.number, piece.depth,
                  piece.item, piece.heading, piece.under_number,
                  lettered=piece.lettered)] if cuts[0] > 0 else []
    for start, end in zip(cuts, cuts[1:] + [len(piece.text)]):
        out.append(_Piece(piece.text[start:end].strip(), piece.line))
    return [p for p in out if p.text]


def _key_shaped(text: str) -> bool:
    """Two or more keys ("i) True ii) b", "1 c, 2 b") and hardly anything else."""
    pairs = _KEY_PAIR.findall(text)
    return len(pairs) >= 2 and sum(len(a) + len(b) + 2 for a, b in pairs) >= 0.5 * len(text)


# In every exercise label ("Exercise 1.2."): a quick test before a search for one.
_DOTTED_NUMBER = re.compile(r"\d\.\d")


def _split_labels(pieces: list[_Piece]) -> list[_Piece]:
    """``... between them? Exercise 1.2. Start the ...``: a numbered exercise's
    label joined to the line before it starts a piece of its own."""
    out = []
    for piece in [part for whole in pieces for part in _split_romans(whole)]:
        cut = None if piece.code or not may_hold_a_digit(piece.text) \
            or not _DOTTED_NUMBER.search(piece.text) else next(
            (m.start() for m in cues.EXERCISE_LABEL.finditer(piece.text)
             if m.start() > 0 and piece.text[:m.start()].rstrip()[-1:] in ".?!"), None)
        if cut is None:
            out.append(piece)
            continue
        out.append(_Piece(piece.text[:cut].rstrip(), piece.line, piece.number, piece.depth,
                          piece.item, piece.heading, piece.under_number))
        out.append(_Piece(piece.text[cut:], piece.line))
    return out


def _cut(piece: _Piece, cuts: list[re.Match]) -> list[_Piece]:
    out = []
    head = piece.text[:cuts[0].start()].strip()
    if head:
        out.append(_Piece(head, piece.line, piece.number, piece.depth, piece.item,
                          piece.heading))
    for m, after in zip(cuts, cuts[1:] + [None]):
        text = piece.text[m.end():after.start() if after else None].strip()
        out.append(_Piece(f"{m.group(1)}. {text}".rstrip(), piece.line))
    return out


def _glue_dangling(pieces: list[_Piece]) -> list[_Piece]:
    """A number left at a piece's end (``... 3.``) takes the next piece's text."""
    out: list[_Piece] = []
    for piece in pieces:
        prev = out[-1] if out else None
        if prev and not prev.item and (m := _NUMBERED.match(prev.text)) \
                and not prev.text[m.end():].strip() and not piece.heading \
                and _question_start(piece) is None:
            prev.text = f"{prev.text.strip()} {piece.text}"
            continue
        out.append(piece)
    return out


# ---- reading an exercise ---------------------------------------------------

def read_exercise(title: str, line: int, body: list[Block], report: Report) -> Quiz:
    """The quiz that ``body`` (the blocks under the exercise's heading) holds."""
    return _read(title, line, body, report)[0]


def _read(title: str, line: int, body: list[Block], report: Report
          ) -> tuple[Quiz, list[_Found]]:
    quiz = Quiz(title, line)
    reader = _Reader(quiz, report)
    owner: dict[int, Block] = {}  # id of each piece -> its block
    pieces: list[_Piece] = []
    for block in body:
        if isinstance(block, Paragraph) and (m := cues.DURATION.match(block.text)):
            quiz.duration = m.group(2).rstrip(".")
            continue
        if not (found := _pieces(block)):
            quiz.intro.append(block)
        for piece in found:
            owner[id(piece)] = block
        pieces += found
    _mark_long_numbers(pieces)
    pieces = _split_inline_numbers(pieces)
    _mark_asking(pieces)
    _mark_cued(pieces)
    taken = [reader.takes(piece) for piece in pieces]
    blocks_taken = {id(owner.get(id(p))) for p, t in zip(pieces, taken) if t}
    for piece, took in zip(pieces, taken):
        block = owner.get(id(piece))
        if took:
            continue
        if block is not None and id(block) not in blocks_taken:
            if not quiz.intro or quiz.intro[-1] is not block:
                quiz.intro.append(block)  # a whole block of introduction keeps its shape
        else:
            quiz.intro.append(Paragraph(piece.text, piece.line))
    if not reader.found:
        reader.label_tasks()
    if not reader.found:
        if len(reader.task_answer.split()) < 3:
            reader.task_answer = ""  # a stray label after "Solution", not a solution
        _unnumbered_questions(quiz, reader) or _one_task(quiz, reader)
    elif _steps_of_one_task(quiz, reader.found):
        _join_steps(quiz, reader)
    reader.label_tasks()
    reader.settle()
    return quiz, reader.found


def _task_parts(body: list[Block]) -> list[tuple[Block, list[Block]]] | None:
    """An exercise of several tasks, each under a title of its own (a short
    line, no sentence, right above the task's list of steps): each task,
    by its title, or None (under fewer than two titles, or with text before
    the first, the exercise is read as a whole)."""
    titles = [k for k, block in enumerate(body[:-1])
              if isinstance(body[k + 1], ListBlock) and _task_title(block)]
    if len(titles) < 2 or titles[0] != 0:
        return None
    ends = titles[1:] + [len(body)]
    return [(body[k], body[k + 1:end]) for k, end in zip(titles, ends)]


def _task_title(block: Block) -> bool:
    text = block.text if isinstance(block, (Paragraph, Heading)) else ""
    if isinstance(block, Heading) and block.role:
        return False  # "Solution", "Answers"
    return 0 < len(text.split()) <= 12 and not text.endswith((".", "?", "!", ";", ","))


def _read_tasks(title: str, line: int, tasks: list[tuple[Block, list[Block]]],
                report: Report) -> tuple[Quiz, list[_Found]]:
    """One question per task: its steps are the prompt (the page shows the
    task's title, steps and what follows them), the text under its
    "Solution" heading the model answer; none is invented where it has none."""
    quiz = Quiz(title, line)
    reader = _Reader(quiz, report)
    stems = []
    for name, blocks in tasks:
        answer_at = next((k for k, b in enumerate(blocks) if isinstance(b, Heading)
                          and b.role == "answers"), len(blocks))
        stem, solution = blocks[:answer_at], blocks[answer_at + 1:]
        answer = " ".join(b.text for b in solution if isinstance(b, Paragraph))
        reader.found.append(_Found(Question(_steps_text(stem[0]), name.line), None,
                                   answer=answer, worked=bool(answer)))
        stems.append(([Paragraph(name.text, name.line), *stem], solution))
    reader.settle()
    for question, (stem, solution) in zip(quiz.questions, stems):
        question.body = stem  # the task's title, its steps as a list, code and tips after them
        if len(solution) > 1 or any(not isinstance(b, Paragraph) for b in solution):
            question.answer_body = solution
    return quiz, reader.found


def _steps_text(block: Block) -> str:
    """A task's steps as one line of text (the list's numbers after the first kept)."""
    if isinstance(block, ListBlock):
        return " ".join(f"{item.number}. {item.text}" if block.ordered and n else item.text
                        for n, item in enumerate(block.items))
    return getattr(block, "text", "")


def _steps_of_one_task(quiz: Quiz, found: list[_Found]) -> bool:
    """Numbered lines that are the steps of one task: a statement of the
    task stands before them (or they are the items of one numbered list,
    the task's whole text), they are mostly instructions (few end with a
    question mark), and one worked solution follows the last."""
    stated = any(isinstance(b, Paragraph) for b in quiz.intro)
    if len(found) < 2 or any(f.task_label for f in found) or not (stated or all(
            f.from_item and f.number == n for n, f in enumerate(found, start=1))):
        return False
    if any(f.answer or f.marked or f.question.options for f in found[:-1]):
        return False
    asked = sum(f.question.prompt.rstrip().endswith("?") for f in found)
    return found[-1].worked and bool(found[-1].answer) and asked * 2 < len(found)


def _join_steps(quiz: Quiz, reader: _Reader) -> None:
    found = reader.found
    steps = " ".join(f"{f.number}. {f.question.prompt}" if f.number is not None
                     else f.question.prompt for f in found)
    reader.task_answer = found[-1].answer
    reader.found = []
    reader.steps = True
    quiz.intro.append(Paragraph(steps, found[0].question.line))
    _one_task(quiz, reader)


def _unnumbered_questions(quiz: Quiz, reader: _Reader) -> bool:
    """An exercise without numbers whose paragraphs ask: each paragraph that
    ends with a question mark is a question (a solution then belongs to the
    exercise as one task, unless there is only one question)."""
    asked = [b for b in quiz.intro if isinstance(b, Paragraph) and b.text.endswith("?")
             and len(b.text.split()) <= 80]
    if not asked or (len(asked) > 1 and reader.task_answer) \
            or (len(asked) == 1 and not cues.QUESTIONS_TITLE.search(quiz.title)):
        return False  # one question in an "Exercise" is its task (see _one_task)
    worksheet = bool(cues.WORKSHEET_HEADING.search(quiz.title))
    for block in asked:
        quiz.intro.remove(block)
        reader.found.append(_Found(Question(block.text, block.line), None, worksheet=worksheet,
                                   answer=reader.task_answer if len(asked) == 1 else "",
                                   worked=True))
    return True


def _one_task(quiz: Quiz, reader: _Reader) -> None:
    """An exercise without questions is one task, when it shows it is one:
    a task label ("Purpose: ..."), steps under "Instructions:", or a
    solution. Its statement is the prompt; the solution, the model answer."""
    paragraphs = [b for b in quiz.intro if isinstance(b, Paragraph)]
    labelled = next((p for p in paragraphs if cues.TASK_LABEL.match(p.text)), None)
    named = cues.TASK_HEADING.search(quiz.title)
    if not paragraphs or not (labelled or reader.steps or reader.task_answer or named):
        return
    first = labelled or paragraphs[0]
    quiz.intro.remove(first)
    prompt = cues.TASK_LABEL.sub("", first.text)
    reader.found.append(_Found(
        Question(prompt, first.line), None, answer=reader.task_answer, worked=True,
        worksheet=bool(cues.WORKSHEET_HEADING.search(quiz.title))))


def _trailing_answer(prompt: str) -> re.Match | None:
    """``... ? Ans. (c)``, ``How many are left? Ans. 53.``: an answer after its
    question, on its line (both labels hold "ans": a quick test first)."""
    if "ans" not in prompt.lower():
        return None
    if (tail := cues.TRAILING_ANSWER.search(prompt)) and tail.start() > 0:
        return tail
    if "ns." in prompt or "er." in prompt:
        return cues.TRAILING_VALUE_ANSWER.search(prompt)
    return None


class _Reader:
    """Reads an exercise's pieces in order (see the module's docstring)."""

    def __init__(self, quiz: Quiz, report: Report) -> None:
        self.quiz, self.report = quiz, report
        self.found: list[_Found] = []
        self.keys: dict[int, tuple[str, int]] = {}
        self.key_line = 0
        self.mode = "intro"  # intro, prompt, options, answer, explanation, keys, task, match
        self.true_false = cues.TRUE_FALSE_INSTRUCTION.search(quiz.title) is not None
        self.worksheet = bool(cues.WORKSHEET_HEADING.search(quiz.title))  # see _Found.worksheet
        self.select_all = False
        self.answer_last: int | None = None  # the last number of a list inside an answer
        self.group = 0  # where the questions of the current numbered exercise start
        self.steps = False  # under "Instructions:": numbered lines are steps, not questions
        self.parent: int | None = None  # the number of the instruction over statements
        self.blanks = False  # under "Fill in the blanks": statements i), ii)... to complete
        self.match_parts = 0  # the parts a matching question has so far
        self.task_answer = ""  # a solution given to an exercise that has no questions
        self.labels: list[tuple[int, int, str]] = []  # "Exercise 1.2. ...": (where, line, text)
        self.label_answers: dict[int, tuple[str, int]] = {}  # an answer right under a label
        self.split_solution = False  # a numbered "Solution" read as each question's answer
        self.last_key: int | None = None

    # each piece: True when taken
    def takes(self, piece: _Piece) -> bool:
        text = piece.text.strip()
        if not text:
            return True
        if self.mode == "task":
            number = f"{piece.number}. " if piece.item and piece.number is not None else ""
            self.task_answer = f"{self.task_answer}\n\n{number}{text}".strip()
            return True
        if piece.code:
            return self._text(piece, text)
        if not self.found and cues.STEPS_LABEL.match(text):
            self.steps = True
            return False
        if self.mode == "keys" and self._key(piece, text):
            return True
        if self._answers_heading(piece, text) or self._answer(piece, text):
            return True
        if self._key_line(piece, text) or (self.true_false and self._letter_keys(piece, text)):
            return True
        if self.mode == "match" and self._match_part(piece, text):
            return True
        if self._match_instruction(piece, text):
            return True
        if self._instruction(piece, text):
            return False  # the instruction stays, in the introduction
        if self._next_instruction(piece, text):
            return True
        if piece.lettered and self.found and self.mode in ("prompt", "options") \
                and not (self.true_false or self.blanks) and not text.endswith("?"):
            self._add_option(*_trailing_mark(text), _letter_of(piece))  # 'A. ...': an option
            return True
        if self._question(piece, text):
            return True
        if self.found and self.mode in ("prompt", "options") \
                and (option := _option(piece, True)) is not None:
            self._add_option(*option, _letter_of(piece))
            self.found[-1].roman = self.found[-1].roman or bool(_ROMAN_OPTION.match(text))
            return True
        return self._text(piece, text)

    def label_tasks(self) -> None:
        """``Exercise 1.2. Add them with =SUM(A1:A10).`` with no numbered
        questions after it: a task of its own, its text the prompt (before,
        it stood in the introduction), with the answer right under it."""
        intro = self.quiz.intro
        for k in range(len(self.labels) - 1, -1, -1):
            where, line, text = self.labels[k]
            end = self.labels[k + 1][0] if k + 1 < len(self.labels) else len(self.found)
            m = cues.EXERCISE_LABEL.match(text)
            block = next((b for b in intro if isinstance(b, Paragraph) and b.line == line
                          and b.text == text), None)
            if end > where or m is None or block is None or len(text[m.end():].split()) < 3:
                continue  # the label heads the numbered questions after it
            intro.remove(block)
            answer, answer_line = self.label_answers.get(line, ("", 0))
            self.found.insert(where, _Found(Question(text[m.end():].strip(), line), None,
                                            answer=answer, answer_line=answer_line,
                                            worked=bool(answer), task_label=True))
        self.labels = []

    def _answers_heading(self, piece: _Piece, text: str) -> bool:
        if len(text) > 60 or not cues.ANSWERS_HEADING.match(text.rstrip(":")):
            return False
        singular = text.rstrip(": ").lower() in ("answer", "solution", "ans")
        if singular and not self.found:
            self.mode = "task"  # the solution of an exercise that is one task
            return True
        if singular and self.found and self.mode != "keys":
            self.mode = "answer"
            self.found[-1].answer_line = piece.line
            self.found[-1].worked = True
            return True
        self.mode = "keys"
        return True

    def _answer(self, piece: _Piece, text: str) -> bool:
        if self.mode == "keys":
            return False
        m = cues.ANSWER_LABEL.match(text)
        if not m or not m.group(1).strip():
            return False
        if self.labels and self.labels[-1][0] == len(self.found):  # under "Exercise 1.2. ..."
            self.label_answers[self.labels[-1][1]] = (m.group(1).strip(), piece.line)
            return True
        if not self.found:
            return False
        current = self.found[-1]
        current.answer = m.group(1).strip()
        current.answer_line = piece.line
        self.mode = "answer"
        return True

    def _key_line(self, piece: _Piece, text: str) -> bool:
        if not self.found:
            return False
        if piece.item and piece.number is not None:
            text = f"{piece.number}. {text}"  # the list took the first number off
        labelled = cues.ANSWER_KEY_LABEL.match(text)
        text = text[labelled.end():] if labelled else text  # "Answers: 1 c, 2 b"
        pairs = _in_run(_KEY_PAIR.findall(text)) if _may_hold_keys(text) else []
        if labelled and (len(pairs) < 2 or _covered(pairs) < 0.5 * len(text)):
            # "Answers: 1. Paris 2. 100 3. full stop", "Answers: 1. a 2. c 3. right"
            pairs = _numbered_run(text) or pairs
        if len(pairs) < 2 or _covered(pairs) < 0.5 * len(text):
            return False
        if not any(number.isdigit() for number, _ in pairs):
            return self._statement_keys(piece, pairs)
        self.mode = "keys"
        self.key_line = self.key_line or piece.line
        for number, key in pairs:
            if number.isdigit():
                self.keys.setdefault(int(number), (key, piece.line))
        return True

    def _statement_keys(self, piece: _Piece, pairs: list[tuple[str, str]]) -> bool:
        """``i) True ii) False`` amid the questions: the keys of the statements
        just above it, when each names one of them that has no answer yet;
        else keys of statements that are not here (displaced from another
        exercise): left unattached, with a note. The questions go on after it."""
        parent = self.found[-1].parent
        subs = {f.sub: f for f in self.found if f.sub is not None and f.parent == parent}
        named = [(subs.get(_roman_value(n)), key) for n, key in pairs]
        if subs and all(f is not None and not f.answer for f, _ in named):
            for found, key in named:
                found.answer, found.answer_line = key, piece.line
        else:
            self.report.note(piece.line, f"exercise '{self.quiz.title}': the keys "
                             f"'{piece.text[:60]}' name statements that are not in this "
                             "exercise; left unattached", topic=Topic.ANSWERS)
        self.mode = "options"  # what follows is no part of the question above
        return True

    def _key(self, piece: _Piece, text: str) -> bool:
        if self._key_line(piece, text) or self._letter_keys(piece, text):
            return True
        if "|" in text or "\t" in text:  # a row of a key set out as a table: "| 3 | b |"
            cells = [c.strip() for c in re.split(r"[|\t]", text) if c.strip()]
            if len(cells) >= 2 and cells[0].rstrip(".)").isdigit():
                self.keys[int(cells[0].rstrip(".)"))] = (" ".join(cells[1:]), piece.line)
                self.key_line = self.key_line or piece.line
            return True  # a header row or a rule of the table
        start = _question_start(piece)
        if start is not None:
            run = _numbered_run(f"{start[0]}. {start[1]}") if start[0] == 1 else []
            for number, key in run or [(str(start[0]), start[1])]:  # "1. Paris 2. 100"
                self.keys[int(number)] = (key, piece.line)
                self.last_key = int(number)
            self.key_line = self.key_line or piece.line
            return True
        if (m := _BARE_NUMBER.match(text)) and len(text) <= 40 and not piece.item:
            self.keys[int(m.group(1))] = (text[m.end():], piece.line)  # a table row "3 b"
            self.key_line = self.key_line or piece.line
            return True
        if piece.heading or len(text) <= 3:
            return True  # a sub-heading of the key ("A", "Quiz 2")
        if self.last_key is not None:
            key, line = self.keys[self.last_key]
            self.keys[self.last_key] = (f"{key} {text}".strip(), line)
            return True
        return False

    def _letter_keys(self, piece: _Piece, text: str) -> bool:
        """``(a) True. (b) False.`` in an answer key: the verdicts of the
        lettered statements, each given to the last statement of its letter
        that has no answer yet."""
        if text[:1] not in "(abcdefgh" or not (pairs := _LETTER_KEY.findall(text)) \
                or sum(len(a) + len(b) + 4 for a, b in pairs) < 0.8 * len(text):
            return False
        statements = [f for f in self.found if f.lettered]
        for letter, verdict in pairs:
            sub = ord(letter.lower()) - 96
            found = next((f for f in statements if f.sub == sub and not f.answer), None)
            if found is not None:
                found.answer, found.answer_line = verdict, piece.line
        return bool(statements)

    def _match_part(self, piece: _Piece, text: str) -> bool:
        """A part of a matching question: a short item, lettered or numbered."""
        if piece.heading or len(text.split()) > 12 or cues.ANSWERS_HEADING.match(text) \
                or text.endswith("?"):
            return False  # (a question after the instruction: no item to match)
        start = _question_start(piece)
        if not (piece.item or _LETTER_OPTION.match(text) or _ROMAN.match(text) or start):
            return False
        label = "" if not piece.item or piece.number is None \
            else f"{chr(96 + piece.number)}. " if piece.lettered and piece.number <= 26 \
            else f"{piece.number}. "
        question = self.found[-1].question
        if not self.match_parts:
            self.found[-1].match_prompt = question.prompt
        self.found[-1].parts.append(label + text)
        question.prompt += f"{'; ' if self.match_parts else ' '}{label}{text}"
        self.match_parts += 1
        return True

    def _instruction(self, piece: _Piece, text: str) -> bool:
        cued = piece.cued and _instruction_cued(text)
        if cued and cues.SELECT_ALL.search(text) and (not self.found or self.mode != "prompt") \
                and _question_start(piece) is None:
            self.select_all = True  # over the questions after it (a question's own is its)
        if self._numbered_instruction(piece, text):
            return True
        if not cued:
            return False
        true_false = cues.TRUE_FALSE_INSTRUCTION.search(text) is not None
        if not (true_false or cues.FILL_IN_INSTRUCTION.search(text)) or "?" in text:
            return False
        if true_false and self._true_false_pair(text):
            return True
        start = _question_start(piece)
        if true_false and start and (((m := _TRUE_FALSE_LEAD.match(start[1]))
                                      and len(start[1][m.end():].split()) >= 3)
                                     or _true_false_tail(start[1])):
            return False  # "3. True or false: butter heals burns.": a question of its own
        if start is None and (m := _BARE_NUMBER.match(text)):
            start = (int(m.group(1)), text[m.end():])  # "4 Fill in the blanks"
        body = start[1] if start else text
        if len(body.split()) > 25:
            return False
        self.true_false, self.blanks = true_false, not true_false
        self.parent = start[0] if start else None
        self.mode = "intro" if not self.found else "options"
        return True

    def _next_instruction(self, piece: _Piece, text: str) -> bool:
        """``Translate into Spanish:`` after a list of questions that are
        sentences (``3. El perro y la mesa.``): the instruction of the
        questions after it, numbered anew from 1 (not a key); it goes in the
        introduction, with the first one."""
        if not self.found or self.mode != "prompt" or piece.item or not text.endswith(":") \
                or "?" in text or len(text.split()) > 12 \
                or cues.ANSWERS_HEADING.match(text) or cues.ANSWER_LABEL.match(text):
            return False
        current = self.found[-1]
        if current.question.options or not current.from_item \
                or not current.question.prompt.endswith((".", "!")):
            return False  # "What can the user enter:" after its code: the stem goes on
        self.quiz.intro.append(Paragraph(text, piece.line))
        self.group, self.mode = len(self.found), "intro"
        self.true_false = self.blanks = False
        self.parent = None
        return True

    def _match_instruction(self, piece: _Piece, text: str) -> bool:
        """``Match the following.`` standing alone (not a numbered question):
        a matching question, its items under it."""
        if piece.item or piece.heading or not _asks_to_match(text) \
                or len(text.split()) > 25 or _question_start(piece) is not None:
            return False
        self.found.append(_Found(Question(text, piece.line), None, instruction=True))
        self.mode, self.match_parts = "match", 0
        return True

    def _numbered_instruction(self, piece: _Piece, text: str) -> bool:
        """``4 Fill in the blanks:`` as a heading, or a line that ends with a
        colon, led by the next question's number without its mark: an
        instruction over statements ``i)``, ``ii)``..., each a question of its
        own (whatever its words say: its kind comes from its key)."""
        if not self.found or piece.item or "?" in text \
                or not (piece.heading or text.endswith(":")) or len(text.split()) > 12 \
                or not (m := _BARE_NUMBER.match(text)):
            return False
        numbers = [f.number for f in self.found if f.number is not None] + [self.parent or 0]
        if int(m.group(1)) != max(numbers) + 1:
            return False
        self.true_false, self.blanks, self.parent = False, True, int(m.group(1))
        self.mode = "options"
        return True

    def _true_false_pair(self, text: str) -> bool:
        """``True / False`` alone under a statement that has no options yet:
        that statement's two options, not an instruction for the questions after it."""
        current = self.found[-1] if self.found else None
        if current is None or self.mode != "prompt" or current.question.prompt.endswith("?") \
                or _TRUE_FALSE_LEAD.sub("", text).strip(" .:()[]"):
            return False
        current.true_false = True
        self.mode = "options"
        return True

    def _question(self, piece: _Piece, text: str) -> bool:
        if cues.EXERCISE_LABEL.match(text) and not piece.item:
            self.group = len(self.found)  # "Exercise 1.2. ...": its questions number anew
            self.labels.append((len(self.found), piece.line, text))
            self.mode = "intro"
            return False
        start = _question_start(piece)
        roman, letter = None, None
        statements = self.true_false or self.blanks
        if start is None and statements and self.parent and piece.under_number \
                and piece.number in _ROMAN_LETTERS:
            start = (piece.number, text)  # "i)" nested under the numbered instruction
        if start is None and statements and (roman := _ROMAN.match(text)):
            start = (None, text[roman.end():].strip())
        if start is None and self.true_false and not text.endswith("?"):
            if piece.lettered and piece.number:
                start, letter = (None, text), piece.number  # "(b) Steam is visible."
            elif not piece.item and (m := _LOWER_LETTER.match(text)):
                start, letter = (None, text[m.end():]), ord(m.group(1) or m.group(2)) - 96
        if start is None and (piece.asked or piece.asks
                              and not (self.found and self.mode == "prompt")):
            start = (None, text)  # "What is ...?" over "A. ..." "B. ...": a question unnumbered
        if start is None or (self.steps and not self.found):
            return False
        number, prompt = start
        last = self._last_number()
        if self.mode == "answer" and number is not None and last is not None and (
                number <= last or number == (self.answer_last or -1) + 1):
            if number == 1 and not self.found[-1].answer and self._asked_in_numbers():
                self.mode, self.split_solution = "keys", True  # "Solution" answers each in turn
                self.keys[1] = (prompt, piece.line)
                self.last_key = 1
                self.key_line = piece.line
                return True
            self.answer_last = number
            return False  # a numbered list inside a worked answer
        if number is not None and number == last and number > 1 and piece.item \
                and self.mode in ("prompt", "options") and self.found[-1].from_item:
            # the same number twice in a row: a slip of the source's numbering
            self.report.note(piece.line, f"question number {number} is printed twice; "
                             "both are kept as questions, in order", topic=Topic.OTHER)
        elif number is not None and last is not None and number <= last:
            restart = number == 1 and piece.item and self.found[-1].from_item
            if number == 1 and (self.mode == "keys" or _answer_like(prompt) or restart):
                self.mode = "keys"
                self.key_line = self.key_line or piece.line
                self.keys[1] = (prompt, piece.line)
                self.last_key = 1
                return True
            if self.mode == "prompt" and piece.item:
                return False  # "1." under a question that has no options yet: an option
            if number != 1:
                return False
        self.answer_last = None
        sub = _roman_value(roman.group(1)) if roman else letter
        if sub is None and number is not None and self.true_false and prompt.endswith("?") \
                and any(f.lettered for f in self.found):
            self.true_false = False  # a question asked after the lettered statements
        if statements and piece.item and number in _ROMAN_LETTERS and self.parent:
            number, sub = None, _ROMAN_LETTERS[number]  # "i)" read as the letter i
        if sub is None and statements and self.parent is not None:
            # after a numbered instruction ("3) State whether..."), question 4 ends its statements
            self.true_false = self.blanks = False
            self.parent = None
        cued = piece.cued and _may_instruct(prompt)  # (the prompt is the end of the piece's text)
        found = _Found(Question(prompt, piece.line), number, parent=self.parent if sub else None,
                       sub=sub, true_false=self.true_false, lettered=letter is not None,
                       select_all=self.select_all
                       or (cued and cues.SELECT_ALL.search(prompt) is not None),
                       worksheet=self.worksheet,
                       from_item=piece.item)
        if tail := _trailing_answer(prompt):
            found.question.prompt = prompt = prompt[:tail.start()].rstrip()  # "...? Ans. (c)"
            found.answer, found.answer_line = tail.group(1), piece.line
            cued = _may_instruct(prompt)
        if cued and (((lead := _TRUE_FALSE_LEAD.match(prompt))
                                       and len(prompt[lead.end():].split()) >= 3)
                                      or _true_false_tail(prompt)):
            found.true_false = True  # "True or false: ...", "... were made. (True/False)"
        self.found.append(found)
        self.mode = "match" if _asks_to_match(prompt) else "prompt"
        self.match_parts = 0
        return True

    def _last_number(self) -> int | None:
        """The number of the last numbered question of the current group."""
        for k in range(len(self.found) - 1, self.group - 1, -1):
            if self.found[k].number is not None:
                return self.found[k].number
        return None

    def _asked_in_numbers(self) -> bool:
        """The exercise's questions so far are items numbered 1, 2, 3...,
        most of them asking: a solution numbered as they are answers each."""
        group = self.found[self.group:]
        asked = sum(f.question.prompt.rstrip().endswith("?") for f in group)
        return len(group) >= 2 and asked * 2 >= len(group) and all(
            f.from_item and f.number == n for n, f in enumerate(group, start=1))

    def _unsplit_solution(self) -> None:
        """A solution numbered otherwise than the questions stays the last one's answer."""
        numbers = {f.number for f in self.found[self.group:]}
        if not self.split_solution or set(self.keys) == numbers:
            return
        last = self.found[-1]
        last.answer = "\n\n".join(f"{n}. {self.keys[n][0]}" for n in sorted(self.keys))
        self.keys = {}

    def _add_option(self, text: str, marked: bool, letter: str = "") -> None:
        current = self.found[-1]
        if not current.question.options:
            current.first_letter = letter
        if marked:
            current.marked.append(len(current.question.options))
        current.question.options.append(text)
        self.mode = "options"

    def _text(self, piece: _Piece, text: str) -> bool:
        if not self.found or self.mode == "intro":
            return False
        if piece.heading and _PART_TITLE.match(text) and not text.endswith("?"):
            # "PART III. IDENTIFICATION" between questions: the next part of the
            # exercise (in its introduction), whose questions no earlier instruction rules
            self.true_false = self.blanks = self.select_all = False
            self.parent, self.mode = None, "intro"
            return False
        current = self.found[-1]
        if cues.WORD_BANK.match(text):
            self.quiz.intro.append(Paragraph(text, piece.line))  # for every blank, not one
            return True
        if self.mode == "prompt":
            current.question.prompt = f"{current.question.prompt} {text}".strip()
            return True
        if self.mode == "answer" and _keyed(current):
            self.mode = "explanation"  # the key was the answer; what follows explains it
        if self.mode == "answer":
            if piece.item and piece.number is not None:
                text = f"{piece.number}. {text}"
            current.answer = f"{current.answer}\n\n{text}".strip()
            return True
        if _LONE_NUMBER.match(text):
            self.report.dropped(piece.line, "page number", text, routine=True)
            return True
        current.question.explanation = f"{current.question.explanation}\n\n{text}".strip()
        return True

    # after the last piece
    def settle(self) -> None:
        quiz, report = self.quiz, self.report
        for found in [f for f in self.found if f.instruction and not f.parts]:
            self.found.remove(found)  # "Match the ..." over no items: the exercise's instruction
            quiz.intro.append(Paragraph(found.question.prompt, found.question.line))
        self._unsplit_solution()
        for found in self.found:
            _split_radio_buttons(found)
            key = found.answer or (self.keys.get(found.number, ("", 0))[0]
                                   if found.number is not None else "")
            _split_inline_options(found.question, _LONE_LETTER.match(key.strip()) is not None)
        quiz.questions = [f.question for f in self.found]
        by_number = {f.number: f for f in self.found if f.number is not None}
        stray = sorted(n for n in self.keys if n not in by_number)
        if self.keys and (stray or len(self.keys) != len(self.found)):
            report.warn(self.key_line, f"exercise '{quiz.title}' has {len(self.found)} questions "
                        f"but its answer list has {len(self.keys)} answers",
                        "check that each question has one numbered answer, in order",
                        topic=Topic.ANSWERS)
        if stray:
            report.note(self.key_line, f"answer key of '{quiz.title}': keys for questions "
                        f"{', '.join(map(str, stray))} are not in the text; left unattached",
                        topic=Topic.ANSWERS)
        for found in self.found:
            key = self.keys.get(found.number) if found.number is not None else None
            if not found.answer and key:
                found.answer, found.answer_line = key
            _settle(found, report, bool(self.keys))


def _note_guesses(quiz: Quiz, found: list[_Found], report: Report) -> None:
    """The review note on the questions whose kind was guessed: no answer
    (after the keys at the chapter's end): open or reflection, or choice from
    their shape."""
    guessed = [f for f in found
               if not (f.answer or f.marked or f.question.correct or f.worksheet
                       or f.true_false or f.question.kind is QuestionKind.MATCHING)]
    if guessed:
        kinds = sorted({f.question.kind.value for f in guessed})
        report.note(guessed[0].question.line,
                    f"exercise '{quiz.title}': {len(guessed)} question(s) without an answer "
                    f"in the source; kind guessed ({', '.join(kinds)})", topic=Topic.KIND)


# Options written on in one line, one style per question: "(a) x (b) y", "a) x b) y",
# "A) x B) y", "A. x B. y" (a capital and a full stop: "a." is too often a word's end).
_INLINE_OPTIONS = [re.compile(p) for p in (
    r"(?:(?<=\s)|^)\(([a-h])\)\s+(?=\S)", r"(?:(?<=\s)|^)\(([A-H])\)\s+(?=\S)",
    r"(?:(?<=\s)|^)([a-h])\)\s+(?=\S)", r"(?:(?<=\s)|^)([A-H])\)\s+(?=\S)",
    r"(?:(?<=\s)|^)([A-H])\.\s+(?=\S)")]


def _inline_marks(text: str, first: str) -> list[re.Match]:
    """The option marks in ``text`` of the first style whose letters run on
    from ``first`` ("a" for a prompt, "b" for an option holding the rest)."""
    if first + ")" not in text and first.upper() + ")" not in text \
            and first.upper() + "." not in text:
        return []
    for pattern in _INLINE_OPTIONS:
        marks = list(pattern.finditer(text))
        letters = "".join(m.group(1) for m in marks).lower()
        if marks and letters == "abcdefgh"[ord(first) - ord("a"):][:len(marks)]:
            return marks
    return []


_RADIO = re.compile(r"(?:(?<=\s)|^)\(([ xX*•✓✔])\)\s+(?=\S)")


def _split_radio_buttons(found: _Found) -> None:
    """``Which bird cannot fly? ( ) Sparrow (x) Penguin ( ) Eagle``: radio
    buttons drawn in text, an empty one among them, the filled one(s) marked."""
    question = found.question
    if question.options or "( )" not in question.prompt:
        return
    marks = list(_RADIO.finditer(question.prompt))
    if len(marks) < 2 or marks[0].start() == 0:
        return
    text = question.prompt
    question.prompt = text[:marks[0].start()].strip()
    for k, (m, after) in enumerate(zip(marks, [*marks[1:], None])):
        question.options.append(text[m.end():after.start() if after else len(text)].strip())
        if m.group(1) != " ":
            found.marked.append(k)


_LONE_LETTER = re.compile(r"^\(?[a-h]\)?\.?$", re.I)


def _split_inline_options(question: Question, lettered_key: bool = False) -> None:
    """``Why does it go out? (a) It is hot. (b) The air is used.``: options
    written on with the question (or joined to it), lettered from (a) on;
    after a stem left open (``The past of go is (a) goed (b) went``) only
    where the key is a letter."""
    if len(question.options) == 1:  # "(a) In autumn (b) In spring": all on the option's line
        marks = _inline_marks(question.options[0], "b")
        if marks:
            text = question.options[0]
            question.options = [text[:marks[0].start()].strip()] + [
                text[m.end():after.start() if after else len(text)].strip()
                for m, after in zip(marks, [*marks[1:], None])]
        return
    if question.options:
        return
    marks = _inline_marks(question.prompt, "a")
    if len(marks) < 2 or marks[0].start() == 0 or not (
            lettered_key or question.prompt[:marks[0].start()].rstrip().endswith(
                ("?", ":", "_", "…"))):
        return  # "Explain (a) why ... and (b) how ...": one question in parts
    text = question.prompt
    question.prompt = text[:marks[0].start()].strip()
    question.options = [text[m.end():after.start() if after else len(text)].strip()
                        for m, after in zip(marks, [*marks[1:], None])]


def keys_in_a_run(text: str) -> bool:
    """``1. One. 2. Nectar and pollen. 3. ...``: a line of keys numbered in
    its run from 1 (a book's answers to one chapter), however long."""
    m = _NUMBERED.match(text)
    if not m or m.group(1) != "1":
        return False
    expected = 2
    for inline in _INLINE_NUMBER.finditer(text, m.end()):
        expected += int(inline.group(1)) == expected
    return expected > 2


def _numbered_run(text: str) -> list[tuple[str, str]]:
    """``1. Paris 2. 100 3. full stop``: (number, text) of each key numbered
    in the run of one line, from 1 on and in sequence; none when fewer than
    two, or when one is empty or longer than a short key ("1. Multiply by 2.
    Then add 3." is one worked answer)."""
    m = _NUMBERED.match(text)
    if not m or m.group(1) != "1":
        return []
    cuts, expected = [m], 2
    for inline in _INLINE_NUMBER.finditer(text, m.end()):
        if int(inline.group(1)) == expected:
            cuts.append(inline)
            expected += 1
    keys = [(c.group(1), text[c.end():after.start() if after else len(text)].strip(" ,;"))
            for c, after in zip(cuts, [*cuts[1:], None])]
    return keys if len(keys) >= 2 and all(0 < len(key.split()) <= 8 for _, key in keys) else []


def _settle(found: _Found, report: Report, keyed: bool) -> None:
    """The question's answer and kind, from what was read."""
    question = found.question
    answer = found.answer.strip()
    if question.prompt.endswith(":") and (m := cues.EMPTY_ANSWER_LABEL.search(question.prompt)):
        question.prompt = question.prompt[:m.start()]  # "... growth. Your answer:"
    if question.options and not found.marked and _parts_not_options(question, answer):
        parts = " ".join(f"({letter}) {o}" for letter, o in zip("abcdefgh", question.options))
        question.prompt = f"{question.prompt} {parts}".strip()
        question.options, question.correct = [], []  # the question's parts, answered in turn
    elif question.options and not found.marked and _items_to_judge(found, answer):
        items = " ".join(f"{n}) {o}" for n, o in zip(_ROMANS, question.options))
        question.prompt = f"{question.prompt} {items}".strip()
        question.options, question.correct = [], []  # judged each in turn, not chosen from
    if question.options:
        if answer:
            _choice_answer(found, answer, report)
        elif found.marked:
            question.correct = list(found.marked)
        elif keyed:
            report.warn(question.line, "this choice question has no answer in the answer list",
                        "add its answer (e.g. 'B. option text') to the answer list",
                        topic=Topic.ANSWERS)
        question.kind = infer_kind(question.options, question.correct, question.model_answer)
        if question.kind == QuestionKind.SINGLE_CHOICE \
                and (found.select_all or _select_all(question.prompt)):  # (its final prompt)
            question.kind = QuestionKind.MULTIPLE_CHOICE
        return
    verdict = _true_false(answer)
    if found.true_false or (answer and verdict is not None and len(answer.split()) <= 2
                            and not cues.WH_QUESTION.match(question.prompt)):
        question.prompt = _statement(question.prompt)
        question.options = ["True", "False"]
        if verdict is not None:
            question.correct = [0 if verdict else 1]
        question.kind = QuestionKind.TRUE_FALSE
        return
    if answer and found.parts and not question.body and _matching(found, answer):
        return
    if answer:
        question.model_answer = answer
        question.kind = QuestionKind.OPEN
        return
    question.kind = _open_or_reflection(question.prompt, found)


_BLANK_RUN = re.compile(r"_{4,}|\.{5,}|…{3,}")  # space to write in
_PART_MARK = re.compile(r"(?:^|(?<=\s))\(([a-h])\)\s*(?=\S)")


def _parts_not_options(question: Question, answer: str) -> bool:
    """Lettered lines that are a question's parts, not options to choose
    from: its answer answers them in turn ("(a) An experiment. (b) Lucy."),
    or, without an answer, most of them ask ("(a) What type of study is this?")
    or leave space to write ("(i) Growth stage:", "(ii) Steel furniture ......"),
    or the question asks for the learner's own examples or views."""
    options = question.options
    if answer:
        marks = list(_PART_MARK.finditer(answer))
        letters = "".join(m.group(1) for m in marks)
        return len(marks) >= 2 and letters == "abcdefgh"[:len(marks)] and all(
            len(answer[m.end():after.start() if after else len(answer)].strip(" ,;.").split())
            >= 1 and _NOT_WORD.sub("", answer[m.end():after.start() if after else None]).strip()
            for m, after in zip(marks, [*marks[1:], None]))
    asks = sum(o.rstrip().endswith(("?", ":")) or bool(_BLANK_RUN.search(o)) for o in options)
    return len(options) >= 2 and (asks * 2 > len(options)
                                  or bool(cues.REFLECTION_PROMPT.search(question.prompt)))


def _items_to_judge(found: _Found, answer: str) -> bool:
    """Items numbered i), ii)... under an instruction that asks no question
    (``State whether the following are consumer or industrial goods`` over
    ``i) Electricity`` ``ii) Shoes``...), more than five of them or with no
    mark to choose by: each is to be judged or sorted in turn, not one chosen;
    unless the key names one of them (``(ii)``)."""
    question = found.question
    if not found.roman or question.prompt.rstrip().endswith(("?", ":", "_", "…")) \
            or len(question.options) < 2 or len(question.options) > len(_ROMANS):
        return False
    return not (answer and _ROMAN_ANSWER.match(answer.strip()) and len(answer.split()) <= 3)


_MATCH_PART = re.compile(r"^\(?([a-z]|[ivx]{1,4}|\d{1,2})[.)]\s+(\S.*)$", re.I)
_MATCH_PAIR = re.compile(r"\(?([a-z]|[ivx]{1,4}|\d{1,2})\)?\s*(?:->|[-–—→=:])?\s*"
                       r"\(?([a-z]|[ivx]{1,4}|\d{1,2})\)?\.?", re.I)
_SERIES = [list("abcdefghijklmnopqrstuvwxyz"), _ROMANS, [str(n) for n in range(1, 100)]]


def _matching(found: _Found, answer: str) -> bool:
    """A matching question whose key pairs its items ("a-ii, b-i"): its
    terms (the first labelled series), its explanations (the second) and one
    explanation per term. False, and nothing changed, when the items or the
    key do not read so."""
    parts = [m.groups() for p in found.parts if (m := _MATCH_PART.match(p))]
    if len(parts) != len(found.parts):
        return False
    left = _series([label.lower() for label, _ in parts])
    right = _series([label.lower() for label, _ in parts[left:]])
    if not 2 <= left <= right or left + right != len(parts):
        return False
    pairs = [m.groups() if (m := _MATCH_PAIR.fullmatch(p.strip())) else None
             for p in re.split(r"[,;]\s*|\s+(?=\(?\w+\)?\s*[-–—→=:])", answer.strip(" ."))
             if p.strip()]
    terms = [label.lower() for label, _ in parts[:left]]
    texts = [label.lower() for label, _ in parts[left:]]
    key = {a.lower(): b.lower() for a, b in (p for p in pairs if p)}
    if None in pairs or len(pairs) != left or sorted(key) != sorted(terms) \
            or not set(key.values()) <= set(texts) or len(set(key.values())) != left:
        return False
    question = found.question
    question.prompt = found.match_prompt.strip()
    question.terms = [text for _, text in parts[:left]]
    question.options = [text for _, text in parts[left:]]
    question.correct = [texts.index(key[label]) for label in terms]
    question.kind = QuestionKind.MATCHING
    return True


def _series(labels: list[str]) -> int:
    """How many of ``labels``, from the first, run in order as a, b, c / i, ii /
    1, 2 from the first one's place in its series."""
    best = 0
    for series in _SERIES:
        if labels and labels[0] in series:
            start = series.index(labels[0])
            count = 0
            while count < len(labels) and start + count < len(series) \
                    and labels[count] == series[start + count]:
                count += 1
            best = max(best, count)
    return best


def _open_or_reflection(prompt: str, found: _Found) -> QuestionKind:
    """Without an answer: a reflection when the question asks for the
    learner's own experience, opinion or plans, or stands in a worksheet or
    a practical activity; else open."""
    if found.worksheet or cues.REFLECTION_PROMPT.search(prompt):
        return QuestionKind.REFLECTION
    return QuestionKind.OPEN


def _covered(pairs: list[tuple[str, str]]) -> int:
    """How much of a key line its (number, key) pairs take up."""
    return sum(len(number) + len(key) + 2 for number, key in pairs)


def _letter_of(piece: _Piece) -> str:
    """The letter an option is lettered with (lower case), or ""."""
    if piece.lettered and piece.number:
        return chr(ord("a") + piece.number - 1)
    m = _LETTER_OPTION.match(piece.text)
    return (m.group(1) or m.group(2)).lower() if m else ""


def _from_first_letter(found: _Found, letters: tuple[list[int], str], report: Report
                       ) -> tuple[list[int], str]:
    """Keys for options lettered from ``found.first_letter`` on: lettered on
    from the question before (``e)`` after ``d)``), or with their first
    options lost in the text (a) glued to the question): ``f`` names the
    second option after ``e)``. A letter before the first names none."""
    shift = ord(found.first_letter) - ord("a")
    indexes, rest = letters
    line = found.answer_line or found.question.line
    report.note(line, f"the options of '{found.question.prompt[:40]}' are lettered from "
                f"{found.first_letter}): its key's letters are read from there",
                topic=Topic.ANSWERS)
    if before := [i for i in indexes if i < shift]:
        report.warn(line, f"answer letter {option_letter(before[0])} names no option: the "
                    f"options start at {found.first_letter})",
                    "check the question's options and its key", topic=Topic.ANSWERS)
    return [i - shift for i in indexes if i >= shift], rest


def _true_false(answer: str) -> bool | None:
    word = answer.split(maxsplit=1)[0].strip(".,;:()").lower() if answer else ""
    if word in cues.TRUE_WORDS:
        return True
    if word in cues.FALSE_WORDS:
        return False
    return None


def _choice_answer(found: _Found, text: str, report: Report) -> None:
    question = found.question
    n = len(question.options)
    letters = _answer_letters(text)
    if found.roman and (m := _ROMAN_ANSWER.match(text.strip())):  # "(ii)" for options (i)...
        letters = [(_roman_value(m.group(1)) or 1) - 1], (m.group("rest") or "").strip()
    elif letters is not None and found.first_letter not in ("", "a"):
        letters = _from_first_letter(found, letters, report)
    if letters is not None:
        indexes, rest = letters
        question.correct = [i for i in indexes if i < n]
        if rest and indexes and not _similar(rest, _option_text(question, indexes[0])):
            question.explanation = (rest + "\n\n" + question.explanation).strip()
        bad = [i for i in indexes if i >= n]
        if bad:
            report.warn(found.answer_line, f"answer letter {option_letter(bad[0])} has no such "
                        f"option (the question has {n} options)",
                        "correct the letter in the answer list", topic=Topic.ANSWERS)
        return
    if (verdict := _true_false(text)) is not None and _is_true_false(question.options):
        question.correct = [i for i, o in enumerate(question.options)
                            if _norm(o).startswith("true" if verdict else "false")]
        return
    wanted = _norm(text)
    matches = [i for i, option in enumerate(question.options) if _norm(option) == wanted][:1]
    question.correct = matches or _options_named(question.options, text)
    matches = question.correct
    if not matches and (found.worked and len(text.split()) > 6 or _explained(text)):
        # a worked solution, not a choice: the "options" were the question's parts
        parts = "; ".join(f"{n}. {o}" for n, o in enumerate(question.options, start=1))
        question.prompt = f"{question.prompt} {parts}"
        question.options, question.model_answer = [], text
        return
    if not matches:
        question.explanation = (text + "\n\n" + question.explanation).strip()
        report.warn(found.answer_line, f"the answer '{text}' matches none of the question's "
                    "options", "start the answer with the option's letter, e.g. 'B. ...'",
                    topic=Topic.ANSWERS)


def _keyed(found: _Found) -> bool:
    """A choice question answered on its label's line by a key (``Answer: b``,
    ``Answer: False``, an option's text), not by a worked solution: the
    answer is whole, and paragraphs after it explain it (were they joined to
    the key, it would name no option)."""
    question, answer = found.question, found.answer
    if not question.options or found.worked or "\n" in answer:
        return False
    return _answer_letters(answer) is not None \
        or (_true_false(answer) is not None and _is_true_false(question.options)) \
        or _norm(answer) in {_norm(option) for option in question.options}


def _explained(text: str) -> bool:
    """An answer of sentences (two or more, or a long one): an explanation,
    never an option's text."""
    return len(text.split()) > 12 and text.rstrip()[-1:] in ".!?\"”)" and (
        text.count(". ") >= 1 or len(text.split()) > 25)


def _options_named(options: list[str], text: str) -> list[int]:
    """``Bank loan; Owner's capital``, ``Cash and Stock``: the options an
    answer names by their texts, when every part of it is one; else none."""
    index = {_norm(o): i for i, o in enumerate(options)}
    for separator in (r"\s*;\s*", r"\s*,\s*(?:and\s+)?|\s+and\s+"):
        parts = [_norm(p) for p in re.split(separator, text.strip().rstrip(".")) if p.strip()]
        if len(parts) >= 2 and all(p in index for p in parts):
            return sorted({index[p] for p in parts})
    return []


def _is_true_false(options: list[str]) -> bool:
    return len(options) == 2 and {_norm(o) for o in options} == {"true", "false"}


def _answer_letters(text: str) -> tuple[list[int], str] | None:
    """``B``, ``(b)``, ``a, c``, ``A and B.``, ``B. the option's text``: the
    option indexes and the text after them; None when the answer is no letter."""
    m = _LETTER_ANSWER.match(text.strip())
    if not m:
        return None
    letters = [m.group(1)] + _SINGLE_LETTER.findall(m.group(2) or "")
    return [option_index(x) for x in letters], (m.group("rest") or m.group("said") or "").strip()


def _similar(a: str, b: str) -> bool:
    a, b = _norm(a), _norm(b)
    if a == b:
        return True
    matcher = difflib.SequenceMatcher(None, a, b)  # its quick ratios bound its ratio from above
    return matcher.real_quick_ratio() >= 0.8 and matcher.quick_ratio() >= 0.8 \
        and matcher.ratio() >= 0.8


def _option_text(question: Question, index: int) -> str:
    return question.options[index] if index < len(question.options) else ""
