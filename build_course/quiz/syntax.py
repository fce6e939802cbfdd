"""Read and check the quiz syntax (the same syntax ``rendering`` writes).

    !!! question single-choice "Question 1"

        When providing customer service, it is always important to:

        - A. Treat the customer as though he or she knows nothing.
        - B. Go the extra mile.

        ??? success "Show answer"

            **Answer: B.** An optional explanation.

The word after ``question`` is the kind: single-choice, multiple-choice,
true-false, open (its block is "Show model answer"), reflection (no
answer block) or matching: the terms as a numbered list, the explanations
as lettered options, and the key term by term::

    !!! question matching "Question 2"

        Match each term to its explanation.

        1. Yeast
        2. Gluten

        *Explanations:*

        - A. The protein network that holds the gas.
        - B. A living fungus that makes the dough rise.

        ??? success "Show answer"

            **Answer: 1 B, 2 A.**
 A question whose source gives no answer has, instead of the
answer block, the line ``NO_ANSWER``. Without a kind word the kind is
inferred. Every problem is reported
with the line it is on; a malformed question is never silently dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from build_course.model import Diagnostic, Question
from build_course.quiz.kinds import (
    CHOICE_KINDS,
    QuestionKind,
    infer_kind,
    option_index,
    option_letter,
)

START = re.compile(r'^!!! question(?P<classes>(?: +[\w-]+)*)(?: +"(?P<title>.*)")? *$')
_DETAILS = re.compile(r'^\?\?\?\+?(?: +[\w-]+)+(?: +"(?P<summary>.*)")? *$')
_OPTION = re.compile(r"^- (?P<letter>[A-Z]{1,3})\. +(?P<text>\S.*)$")
_ANSWER = re.compile(
    r"^\*\*Answer: *(?P<letters>[A-Z]{1,3}(?: *, *[A-Z]{1,3})*)\.?\*\*(?P<rest>.*)$")
_TERM = re.compile(r"^(?P<number>\d{1,3})\. +(?P<text>\S.*)$")
_PAIRS = re.compile(
    r"^\*\*Answer: *(?P<pairs>\d+ *[A-Z]{1,3}(?: *, *\d+ *[A-Z]{1,3})*)\.?\*\*(?P<rest>.*)$")
_PAIR = re.compile(r"(\d+) *([A-Z]+)")
_REFLECT = re.compile(r"^\*[^*].*\*$")
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
EXPLANATIONS = "*Explanations:*"
"""Between a matching question's terms and its explanations: without a
paragraph between them, Markdown makes the two lists one."""
NO_ANSWER = "*The source gives no answer to this question.*"
"""Written instead of an answer block where the source gives none (nothing is invented)."""


@dataclass
class QuestionBlock:
    """A question block as found in a page: where it is and what it says."""

    start: int  # 0-based index of the '!!! question' line
    end: int  # index after its last line
    question: Question
    title: str = ""


def find_blocks(lines: list[str]) -> list[tuple[int, int]]:
    """(start, end) of every top-level question block in ``lines``."""
    blocks = []
    i = 0
    while i < len(lines):
        if START.match(lines[i]):
            j = i + 1
            while j < len(lines) and (not lines[j].strip() or lines[j].startswith("    ")):
                j += 1
            while j > i + 1 and not lines[j - 1].strip():
                j -= 1
            blocks.append((i, j))
            i = j
        else:
            i += 1
    return blocks


def parse_blocks(text: str, name: str, offset: int = 0
                 ) -> tuple[list[QuestionBlock], list[Diagnostic]]:
    """Every question block in ``text``; line numbers are ``offset`` + 1-based."""
    lines = text.split("\n")
    found, problems = [], []
    for start, end in find_blocks(lines):
        block, issues = _parse(lines, start, end, name, offset)
        found.append(block)
        problems += issues
    return found, problems


def _parse(lines: list[str], start: int, end: int, name: str, offset: int):
    head = START.match(lines[start])
    line_no = offset + start + 1
    body = [line[4:] for line in lines[start + 1:end]]
    question = Question(prompt="", line=line_no)
    kinds = [k for c in head.group("classes").split() if (k := QuestionKind.from_class(c))]
    question.generated = "generated" in head.group("classes").split()
    prompt, options, terms, details, summary = [], [], [], [], ""
    matching = QuestionKind.MATCHING in kinds
    unanswered = False
    fence = ""
    i = 0
    while i < len(body):
        line = body[i]
        if m := (not fence and _DETAILS.match(line)):
            summary = m.group("summary") or ""
            i += 1
            while i < len(body) and (not body[i].strip() or body[i].startswith("    ")):
                details.append(body[i][4:])
                i += 1
            continue
        if fence or _FENCE.match(line):  # code in the stem: nothing in it is an option
            fence = _fence(fence, line)
            if not options:
                prompt.append(line.rstrip())
        elif line.strip() == NO_ANSWER:
            unanswered = True
        elif m := _OPTION.match(line):
            options.append((m.group("letter"), m.group("text"), line_no + 1 + i))
        elif matching and (m := _TERM.match(line)) and not options:
            terms.append((int(m.group("number")), m.group("text")))
        elif matching and line.strip() == EXPLANATIONS and terms and not options:
            terms.append((0, EXPLANATIONS))  # a mark: dropped below
        elif not options and not (matching and terms):
            prompt.append(line.rstrip())
        i += 1
    question.prompt = stem(prompt)
    question.options = [text for _, text, _ in options]
    apart = (0, EXPLANATIONS) in terms
    terms = [t for t in terms if t != (0, EXPLANATIONS)]
    question.terms = [text for _, text in terms]
    issues = _fill_answer(question, details, summary, name)
    question.kind = kinds[0] if kinds else infer_kind(
        question.options, question.correct, question.model_answer)
    issues += _check(question, options, summary, name, unanswered)
    if matching:
        issues += _check_matching(question, [n for n, _ in terms], name, unanswered)
        if terms and options and not apart:
            issues.append(Diagnostic(
                name, line_no, "the explanations follow the terms with nothing between them, "
                "so the page would show them as one list",
                f"put the line '{EXPLANATIONS}' between the terms and the explanations", "error"))
    return QuestionBlock(start, end, question, head.group("title") or ""), issues


def _fence(open_fence: str, line: str) -> str:
    """The fence open after ``line`` ("" when none)."""
    m = _FENCE.match(line)
    if not open_fence:
        return m.group(1) if m else ""
    closes = m and m.group(1)[0] == open_fence[0] and len(m.group(1)) >= len(open_fence) \
        and not line.strip()[len(m.group(1)):].strip()
    return "" if closes else open_fence


def stem(lines: list[str]) -> str:
    """A question's stem as Markdown: its lines as written (a code block, a
    list or a table keeps its shape), without blank lines at its ends or the
    italic note that ends a reflection question."""
    while lines and (not lines[-1].strip() or _REFLECT.match(lines[-1].strip())
                     and any(line.strip() for line in lines[:-1])):
        lines = lines[:-1]
    while lines and not lines[0].strip():
        lines = lines[1:]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text)


def _fill_answer(question: Question, details: list[str], summary: str, name: str):
    text = "\n".join(details).strip()
    if summary.lower().startswith("show model answer"):
        question.model_answer = text
        return []
    first, _, rest = text.partition("\n")
    if m := _PAIRS.match(first.strip()):
        pairs = {int(n): option_index(x) for n, x in _PAIR.findall(m.group("pairs"))}
        question.correct = [pairs.get(n, -1) for n in range(1, max(pairs) + 1)]
        question.explanation = (m.group("rest").strip() + "\n" + rest).strip()
    elif m := _ANSWER.match(first.strip()):
        question.correct = [option_index(x) for x in re.findall(r"[A-Z]+", m.group("letters"))]
        question.explanation = (m.group("rest").strip() + "\n" + rest).strip()
    return []


def _check(question: Question, options: list, summary: str, name: str,
           unanswered: bool = False) -> list[Diagnostic]:
    line = question.line
    problems = []

    def error(message: str, hint: str) -> None:
        problems.append(Diagnostic(name, line, message, hint, "error"))

    if not question.prompt:
        error("this question has no prompt", "write the question as the block's first paragraph")
    expected = [option_letter(i) for i in range(len(options))]
    if [letter for letter, _, _ in options] != expected:
        error("the options are not lettered A, B, C... in order",
              "letter them '- A. ...', '- B. ...' in order")
    if question.kind in CHOICE_KINDS:
        if not options:
            error(f"this {question.kind.css_class.replace('-', ' ')} question has no options",
                  "add options as '- A. text' lines")
        elif not question.correct and not unanswered:
            error("this choice question has no correct option",
                  "add '??? success \"Show answer\"' with '**Answer: B.**' under it")
        for c in question.correct:
            if options and c >= len(options):
                error(f"answer letter {option_letter(c)} has no such option",
                      f"use a letter from A to {option_letter(len(options) - 1)}")
        if question.kind != QuestionKind.MULTIPLE_CHOICE and len(question.correct) > 1:
            error("a single-choice question has more than one answer letter",
                  "mark it 'multiple-choice' or keep one letter")
    elif question.kind == QuestionKind.OPEN and not (question.model_answer or "").strip() \
            and not unanswered:
        error("this open question has no model answer",
              "add '??? success \"Show model answer\"' with the answer, or mark it 'reflection'")
    return problems


def _check_matching(question: Question, numbers: list[int], name: str,
                    unanswered: bool) -> list[Diagnostic]:
    """A matching question: terms numbered 1, 2, 3... in order, at least two,
    and a key that gives each term a different explanation."""
    problems = []

    def error(message: str, hint: str) -> None:
        problems.append(Diagnostic(name, question.line, message, hint, "error"))

    count, options = len(numbers), len(question.options)
    if count < 2:
        error("this matching question has fewer than two terms",
              "list the terms as '1. term', '2. term' lines after the prompt")
    elif numbers != list(range(1, count + 1)):
        error("the terms are not numbered 1, 2, 3... in order",
              "number them '1. ...', '2. ...' in order")
    if options < count:
        error(f"this matching question has {count} terms but {options} explanations",
              "give every term its explanation as a '- A. text' line")
        return problems  # no key can pair them all
    if not question.correct:
        if not unanswered:
            error("this matching question has no key",
                  "add '??? success \"Show answer\"' with '**Answer: 1 B, 2 A.**' under it")
        return problems
    if len(question.correct) != count or -1 in question.correct:
        error("the key does not give every term exactly one explanation",
              f"write one pair for each term 1 to {count}, as '**Answer: 1 B, 2 A.**'")
    elif len(set(question.correct)) != count:
        error("the key gives two terms the same explanation",
              "match each term to a different explanation: one right pairing")
    elif max(question.correct) >= options:
        error(f"answer letter {option_letter(max(question.correct))} has no such explanation",
              f"use a letter from A to {option_letter(options - 1)}")
    return problems
