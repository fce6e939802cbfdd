"""Question-and-answer texts (catechisms, FAQs): a question, then its answer.

A lesson written as questions, each a paragraph that ends with ``?`` and is
followed by its answer (one paragraph or more), keeps that text as it
stands and gains a self-check per section: each question with its answer
as the model answer (kind ``open``). Taken only on evidence: three or more
such pairs that make up most of the lesson's paragraphs. Nothing is
invented: a question without an answer paragraph after it is not taken.
"""

from __future__ import annotations

import re

from build_course.diagnostics import Report, Topic
from build_course.importer import cues
from build_course.importer.cleaning import RawLine
from build_course.importer.line_facts import LineFacts
from build_course.model import (
    Block,
    ExerciseLink,
    Heading,
    Lesson,
    ListBlock,
    Paragraph,
    Question,
    Quiz,
)
from build_course.quiz.kinds import QuestionKind

_MIN_PAIRS = 3
_MIN_SHARE = 0.6  # of the lesson's paragraphs that are questions or their answers
_MAX_QUESTION = 300  # characters: a longer paragraph that ends with "?" is prose


def qa_self_check(lesson: Lesson, report: Report) -> None:
    """Question/answer paragraphs become a self-check per section: in every
    section when they make up most of the lesson, else in the sections they
    make up most of (an introduction before a catechism stays as it is)."""
    sections = _sections(lesson.blocks)
    pairs = [pair for _, _, found in sections for pair in found]
    if len(pairs) < _MIN_PAIRS:
        return
    if not _dense(pairs, lesson.blocks):
        starts = [0] + [end for _, end, _ in sections]
        sections = [(heading, end, found if _dense_section(found, lesson.blocks[start:end])
                     else []) for (heading, end, found), start in zip(sections, starts)]
        pairs = [pair for _, _, found in sections for pair in found]
        if len(pairs) < _MIN_PAIRS:
            return
    out: list[Block] = []
    last = 0
    for heading, end, found in sections:
        if not found:
            continue
        title = heading.text if heading else lesson.title
        quiz = Quiz(title, found[0][0].line)
        quiz.questions = [_question(q, answers) for q, answers in found]
        lesson.quizzes.append(quiz)
        out.extend(lesson.blocks[last:end])
        out.append(ExerciseLink(quiz, found[-1][1][-1].line))
        last = end
    out.extend(lesson.blocks[last:])
    lesson.blocks[:] = out
    lesson.quizzes.sort(key=lambda quiz: quiz.line)
    report.note(pairs[0][0].line, f"read {len(pairs)} questions, each followed by its answer, "
                "as self-check questions with model answers (the text stays in the lesson)",
                topic=Topic.KIND)


def _dense_section(pairs: list[tuple[Block, list[Block]]], blocks: list[Block]) -> bool:
    return len(pairs) >= 2 and _dense(pairs, blocks)


def _dense(pairs: list[tuple[Block, list[Block]]], blocks: list[Block]) -> bool:
    """Questions and their answers make up most of the paragraphs of ``blocks``."""
    paragraphs = sum(1 for b in blocks if isinstance(b, Paragraph) or _is_question(b))
    return sum(1 + len(answers) for _, answers in pairs) >= _MIN_SHARE * paragraphs


def _question(q: Block, answers: list[Block]) -> Question:
    return Question(_prompt(q), q.line, kind=QuestionKind.OPEN,
                    model_answer="\n\n".join(_answer_text(a) for a in answers))


def _answer_text(block: Block) -> str:
    if isinstance(block, Paragraph):  # its label goes ("Ans.--A hive is ...")
        return cues.QA_ANSWER_LABEL.sub("", block.text, count=1) if block.text[:1] in "Aa_" \
            else block.text
    return "\n".join(f"{item.number}. {item.text}" if block.ordered and item.number is not None
                     else f"- {item.text}" for item in block.items)


def _prompt(block: Block) -> str:
    """A question's text without its number (``12. What is ...?``)."""
    if isinstance(block, ListBlock):
        return block.items[0].text
    return _NUMBER.sub("", block.text, count=1)


_NUMBER = re.compile(r"^\d{1,3}[.)]\s+")


def _is_question(block: Block) -> bool:
    """A paragraph that asks (numbered or not), or a list of one such item
    (a numbered question alone between answers)."""
    if isinstance(block, ListBlock) and len(block.items) == 1 and not block.items[0].children:
        text = block.items[0].text
    elif isinstance(block, Paragraph):
        if block.asks:
            return True
        text = block.text
    else:
        return False
    return text.rstrip().endswith("?") and len(text) <= _MAX_QUESTION \
        and not text.startswith(_SPEECH)  # a turn of a dialogue, not a catechism's question


_SPEECH = ('"', "“", "«", "„", "--", "—", "–", "'", "‘")


def _sections(blocks: list[Block]
              ) -> list[tuple[Heading | None, int, list[tuple[Block, list[Block]]]]]:
    """Per section (the heading that opens it, or None before the first): the
    index where it ends, and its (question, answer paragraphs) pairs."""
    out: list[tuple[Heading | None, int, list[tuple[Block, list[Block]]]]] = []
    heading: Heading | None = None
    pairs: list[tuple[Block, list[Block]]] = []
    current: tuple[Block, list[Block]] | None = None
    for i, block in enumerate(blocks):
        if isinstance(block, Heading):
            out.append((heading, i, pairs))
            heading, pairs, current = block, [], None
        elif _is_question(block):
            current = (block, [])
            pairs.append(current)
        elif isinstance(block, Paragraph) and current is not None:
            current[1].append(block)
        elif isinstance(block, ListBlock) and current is not None and current[1] \
                and not _is_question(block):
            current[1].append(block)  # "... for three reasons:" and the list of them
        else:
            current = None
    out.append((heading, len(blocks), pairs))
    for _, _, found in out:
        found[:] = [(q, answers) for q, answers in found if answers]
    return out


# ---- evidence and passes (texts that are question-and-answer throughout) --

def qa_evidence(raw: list[RawLine], facts: LineFacts | None = None) -> list[str]:
    """Why ``raw`` reads as question-and-answer text (empty: it does not):
    three or more questions each followed by an answer, which together make
    up half of its lines or more."""
    facts = facts or LineFacts.of(raw)
    if answered := labelled_pairs(raw, facts):
        return [f"{len(answered)} questions labelled as such ('Q:'), each answered on a "
                "line labelled as the answer ('A:')"]
    # (a question holds a "?": only such lines are asked whether they ask)
    asking = [k for k in facts.lines_holding("?") if k < len(raw) - 1 and _asks(facts.texts[k])]
    pairs = sum(1 for k in asking
                if not _asks(after := raw[k + 1].text) and len(after) > 1)
    if pairs < _MIN_PAIRS or 2 * pairs < 0.5 * len(raw):
        return []
    found = [f"{pairs} questions each followed by an answer"]
    labelled = sum(1 for r in raw if cues.QA_QUESTION_LABEL.match(r.text))
    if labelled >= 2:
        found.append(f"{labelled} lines labelled as questions ('Q:')")
    return found


def labelled_pairs(raw: list[RawLine], facts: LineFacts | None = None) -> list[int]:
    """The lines of questions labelled as such (``Q: ...``) that their answer,
    labelled too (``A: ...``), follows within a few lines, when there are two
    or more and they run from the first half of the text on (an FAQ)."""
    facts = facts or LineFacts.of(raw)
    # Two questions at least, each labelled at the start of a line ('Q: ...',
    # 'Q' or its number first) and answered on a line of its own labelled too
    # ('A: ...'): of the lines that start so, the fewer kind is matched first,
    # and most texts have fewer than two of it.
    questions = facts.lines_starting(_LABEL_FIRST)
    gates = [(questions, _question_label), (facts.lines_starting("aA_"), _answer_label)]
    for lines, test in sorted(gates, key=lambda gate: len(gate[0])):
        if sum(1 for k in lines if test(facts.texts[k])) < 2:
            return []
    found = []
    labels = [i for i in questions if _question_label(raw[i].text)]
    for i in labels:
        for j in range(i + 1, min(i + _QUESTION_LINES + 1, len(raw))):
            if cues.QA_QUESTION_LABEL.match(raw[j].text) or _OPTION.match(raw[j].text):
                break  # a quiz's question, with its options
            if _answer_at(raw, j):
                if len(_ANSWER_WORDS.findall(raw[j].text)) >= 3 \
                        or cues.QA_ANSWER_ALONE.match(raw[j].text):
                    found.append(i)  # not a key ("Answer: B", "Ans: False")
                break
    if len(found) < 2 or found[0] > len(raw) // 2:
        return []
    return found


def _answer_at(raw: list[RawLine], j: int) -> bool:
    """``raw[j]`` is an answer's label (``A: ...``, ``A:`` alone), not the
    first of lettered options (``A. pH 5.5`` over ``B. pH 7.0``)."""
    text = raw[j].text
    if not _answer_label(text):
        return False
    return j + 1 >= len(raw) or not _OPTION_B.match(raw[j + 1].text)


def _question_label(text: str) -> bool:
    return bool(cues.QA_QUESTION_LABEL.match(text))


def _answer_label(text: str) -> bool:
    return bool(cues.QA_ANSWER_LABEL.match(text) or cues.QA_ANSWER_ALONE.match(text))


_LABEL_FIRST = re.compile(r"[Qq\d]")
_OPTION_B = re.compile(r"^\(?[Bb][.)]\s")
_OPTION = re.compile(r"^(\(?[A-Da-d][.)]|\[.?\]|[□☐■●○◯])\s")
_ANSWER_WORDS = re.compile(r"\w+")  # the label is one of them


def _asks(text: str) -> bool:
    return len(text) <= _MAX_QUESTION and text.rstrip(" _*").endswith("?")


_INLINE_ANSWER = re.compile(r"\?\s+(?=(a|ans|answer)\s*[:.)]\s+\S)", re.I)


_QUESTION_LINES = 6  # lines a labelled question may be wrapped over


def _labelled_questions(raw: list[RawLine]) -> tuple[set[int], set[int]]:
    """The indices of the lines whose question label labels a question: the
    text after the label asks (``?``) on that line or on the lines it is
    wrapped over, before a blank line or another label; and of those whose
    label labels a task that does not ask (``Q. Say the rule.``) but is
    answered on the next lines (``A. ...``). A line of prose that only
    starts with such a label (``... in row\nq. Then ...``) keeps it."""
    found: set[int] = set()
    tasks: set[int] = set()
    for i, r in enumerate(raw):
        if not (r.keep and (m := cues.QA_QUESTION_LABEL.match(r.text))):
            continue
        if "?" in r.text[m.end():]:
            found.add(i)
            continue
        for j in range(i + 1, min(i + _QUESTION_LINES, len(raw))):
            after = raw[j]
            if after.blank_before or cues.QA_QUESTION_LABEL.match(after.text):
                break
            if _answer_at(raw, j):
                tasks.add(i)
                break
            if "?" in after.text:
                found.add(i)
                break
    return found, tasks


def strip_labels(raw: list[RawLine], report: Report) -> None:
    """``Q: ...?`` and ``A: ...`` labels go (the page shows questions and
    answers by their place), when two or more questions carry one; an
    answer on the question's line (``Q: ...? A: ...``) gets a line of its own.
    A label goes only where it labels a question (see ``_labelled_questions``):
    no word of prose is taken for one. A question keeps what it is (kind
    "question": never a heading, and a question even where it does not ask,
    as in ``Q. Name the three ...``)."""
    questions, tasks = _labelled_questions(raw)
    questions |= tasks
    if len(questions) < 2:
        return
    out: list[RawLine] = []
    after_question = asking = answer_next = task = False
    for i, r in enumerate(raw):
        if i in questions and (m := cues.QA_QUESTION_LABEL.match(r.text)):
            text = r.text[m.end():]
            r.kind = r.kind or "question"
            r.blank_before = True
            if split := _INLINE_ANSWER.search(text):
                r.text = text[:split.start() + 1]
                answer = cues.QA_ANSWER_LABEL.sub("", text[split.end():], count=1)
                out.append(r)
                out.append(RawLine(answer, r.line, r.indent, True, kind="text"))
            else:
                r.text = text
                out.append(r)
                task = i in tasks
                after_question, asking = True, task or "?" not in text
                continue
        elif r.keep and after_question and cues.QA_ANSWER_ALONE.match(r.text):
            r.keep = False  # "A:" alone: the answer starts on the next line
            out.append(r)
            after_question, asking, answer_next = False, False, True
            continue
        elif r.keep and after_question and (m := cues.QA_ANSWER_LABEL.match(r.text)):
            r.text = r.text[m.end():]
            r.blank_before = True
            r.kind = r.kind or "text"  # an answer, never a heading
            out.append(r)
        elif answer_next and r.keep:
            r.blank_before, r.kind = True, r.kind or "text"
            out.append(r)
        elif after_question and asking and not r.blank_before:
            out.append(r)  # the question goes on over this line: its answer may follow
            asking = task or "?" not in r.text
            continue
        else:
            out.append(r)
        after_question = answer_next = False
    raw[:] = out
    report.note(raw[0].line if raw else 0, "took the 'Q:' and 'A:' labels off the questions "
                "and their answers", topic=Topic.OTHER)


_RULE = re.compile(r"^([=~\-*^])\1{2,}$")


def mark_underlined_headings(raw: list[RawLine], report: Report) -> None:
    """A line underlined by a rule of about its length (``=====``, ``~~~~``)
    right under it is a heading; the rule goes."""
    for above, r in zip(raw, raw[1:]):
        if r.text[:1] in "=~-*^" and not r.blank_before and above.keep and r.keep \
                and _RULE.match(r.text) and abs(len(r.text) - len(above.text)) <= 2:
            above.kind, r.keep = above.kind or "heading", False


def mark_topic_headings(raw: list[RawLine], report: Report) -> None:
    """In a text of questions and answers, a short line alone between blank
    lines that ends no sentence and comes right before a question
    (``Getting a card`` over ``Who can get a card?``) heads the questions
    under it, in sentence case too."""
    kept = [r for r in raw if r.keep]
    for k in range(1, len(kept) - 1):  # the first line is the title
        r, after = kept[k], kept[k + 1]
        if r.kind or not r.blank_before or not after.blank_before \
                or not (after.kind == "question" or _asks(after.text)):
            continue
        words = r.text.split()
        if 0 < len(words) <= 8 and len(r.text) <= 60 and r.text[:1].isupper() \
                and not r.text.endswith((".", "?", "!", ":", ";", ",")) \
                and not cues.CREDIT_LINE.match(r.text):  # "Compiled by ...": under the title
            r.kind = "heading"  # (the review list names every heading taken)


_SENTENCE_END = re.compile(r"[.?!]\s+[A-Z]")


def split_asked_blocks(raw: list[RawLine], report: Report) -> None:
    """A block of lines (between blank lines) that opens with a question
    ending its line well short of the text's width, the answer on the next
    line (``What is a noun?`` over ``A noun is the name of ...``): the
    question and its answer are two paragraphs. Taken when three or more
    blocks are so made; the question may wrap over three lines."""
    kept = [r for r in raw if r.keep]
    inner = sorted(len(r.text) + r.indent for r, after in zip(kept, kept[1:])
                   if not after.blank_before)
    width = inner[int(len(inner) * 0.9)] if len(inner) >= 8 else 0
    found = []
    for k, r in enumerate(kept):
        if not width or not r.blank_before or r.kind or r.text.startswith(_SPEECH):
            continue
        for j in range(k, min(k + 3, len(kept) - 1)):
            line, after = kept[j], kept[j + 1]
            if j > k and (line.blank_before or len(kept[j - 1].text) < 0.85 * width) \
                    or after.blank_before:
                break  # the question's lines before its last are wrapped at the width
            if line.text.endswith("?") and len(line.text) + line.indent < 0.85 * width \
                    and after.text[:1].isupper() and not after.text.startswith(_SPEECH):
                if not _SENTENCE_END.search(" ".join(x.text for x in kept[k:j + 1])):
                    found.append((kept[k:j + 1], after))  # one sentence: the question
                break
    if len(found) < _MIN_PAIRS:
        return
    for question, answer in found:
        for line in question:
            line.kind = "question"
        answer.blank_before, answer.kind = True, answer.kind or "text"
    report.note(found[0][1].line, f"{len(found)} questions each with its answer on the next "
                "line: each question and its answer made paragraphs of their own",
                topic=Topic.OTHER)

