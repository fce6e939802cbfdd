"""What generated questions are made of, shared by ``generate`` and
``named_lists``: a lesson's sections, words and their stems, likeness,
clipping, and a single-choice question whose options are ordered by a hash
(never at random)."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator

from build_course.importer import cues
from build_course.model import Heading, Lesson, ListBlock, Question
from build_course.quiz.kinds import QuestionKind

OPTIONS = 4  # the right one and up to three distractors (at least two)
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"])")


def sections(lesson: Lesson) -> Iterator[tuple[str, object]]:
    """(the heading a block stands under, the block) for the lesson's body."""
    section = lesson.title
    for block in lesson.blocks:
        if isinstance(block, Heading):
            section = block.text
        yield section, block


def text_of(block: object) -> str:
    if isinstance(block, ListBlock):
        return " ".join(f"{item.term} {item.text}" for item in block.items)
    return getattr(block, "text", "")


def choice(prompt: str, right: str, pool: list[str], see: str) -> Question | None:
    """A single-choice question with ``right`` and up to three distractors
    from ``pool`` (none like the right answer or like each other); None
    when fewer than two distractors can be had."""
    distractors: list[str] = []
    # from a place in the pool that the prompt's hash picks, onwards: the same
    # every time, and a look at a few candidates, not at the whole course's
    start = index(prompt, len(pool)) if pool else 0
    for other in pool[start:] + pool[:start]:
        if not alike(other, right) and not any(alike(other, d) for d in distractors):
            distractors.append(other)
        if len(distractors) == OPTIONS - 1:
            break
    if len(distractors) < 2:
        return None
    return ordered_choice(prompt, right, distractors, see)


def ordered_choice(prompt: str, right: str, others: list[str], see: str) -> Question:
    """``right`` among ``others``, in an order the prompt's hash sets."""
    options = sorted([right, *others], key=lambda t: digest(prompt + "|" + t))
    return Question(prompt, 0, QuestionKind.SINGLE_CHOICE, options=options,
                    correct=[options.index(right)], generated=True, see=see)


def content(word: str) -> bool:
    lower = word.lower()
    return len(word) >= 4 and lower not in cues.SMALL_WORDS and lower not in cues.FUNCTION_WORDS


def stem(word: str) -> str:
    return word.lower().replace("’", "'")[:6]


def stems(text: str) -> set[str]:
    return {stem(w) for w in WORD.findall(text) if content(w)}


def norm(text: str) -> str:
    return " ".join(WORD.findall(text.lower()))


def alike(a: str, b: str) -> bool:
    wa, wb = set(norm(a).split()), set(norm(b).split())
    return not wa or not wb or len(wa & wb) / min(len(wa), len(wb)) >= 0.6


def unique(texts: list[str]) -> list[str]:
    seen, out = set(), []
    for text in texts:
        if text and norm(text) not in seen:
            seen.add(norm(text))
            out.append(text)
    return out


def sentences(text: str) -> list[str]:
    return [s.strip() for s in SENTENCE_END.split(text) if s.strip()]


def clip(text: str, words: int = 40) -> str:
    parts = text.split()
    return text if len(parts) <= words else " ".join(parts[:words]) + " …"


def digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def index(seed: str, size: int) -> int:
    return int(digest(seed), 16) % size
