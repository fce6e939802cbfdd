"""Generate a self-check for a lesson that has none, from its own structure.

A lesson of at least ``MIN_WORDS`` words, in a source without exercises of
its own, gets up to ``MAX_QUESTIONS`` questions, each made from something
the lesson states in a shape that leaves one right answer:

- a term and its explanation (``Term – text``, ``Term: text``, a
  definition): "Which term is meant: ...?", the other terms as distractors;
- a quotation with its attribution: "Who said ...?", other quoted people;
- a list under a lead-in ("... in these ways:"): name its points (open,
  the list as model answer; items of other lists as distractors were
  measured unsafe: in a course on one subject they were often true too);
- a section's first sentence: "In which section does this stand?", the
  lesson's other sections as options;
- a section's first sentence: what does the lesson say first there (open;
  only to bring a self-check up to MIN_QUESTIONS);
- a section's first sentence with a word of its heading in it: fill in the
  blank (open; the word is the model answer), never a function word, a word
  the sentence repeats, or one of the course's most frequent words.

Distractors come from the same course and are of the same type. Each
question says where in the lesson its answer stands (``Question.see``) and
is marked ``generated``. Nothing random: options are ordered by a hash of
their text, so the same lesson gives the same questions in the same order.
A lesson where nothing sound can be made gets none, and a review note.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from build_course.diagnostics import Diagnostic, Severity, Topic
from build_course.importer import cues
from build_course.model import (
    Definition,
    Heading,
    Lesson,
    ListBlock,
    Paragraph,
    Part,
    Question,
    Quiz,
    Quote,
)
from build_course.quiz.kinds import QuestionKind

MIN_WORDS = 300
MAX_QUESTIONS = 5
MIN_QUESTIONS = 3  # the sections' main points fill a self-check up to this
COMMON = 15  # the course's most frequent words are never a blank
OPTIONS = 4  # the right one and up to three distractors (at least two)
TITLE = "Self-check"
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"])")


@dataclass
class Pools:
    """What the whole course offers as distractors, by type."""

    terms: list[str]
    people: list[str]
    common: set[str]
    """The course's most frequent words (as stems): too easy to be a blank."""


def generate_self_checks(parts: list[Part], enabled: Callable[[Part], bool]) -> None:
    """Add a generated self-check to every lesson that should have one."""
    live = [p for p in parts if not p.duplicate_of]
    pools = _pools(live)
    for part in live:
        if not enabled(part) or any(lesson.quizzes for lesson in part.lessons):
            continue  # generation is off, or the author wrote exercises of their own
        for lesson in part.lessons:
            if lesson.role == "lesson" and _words(lesson) >= MIN_WORDS:
                _self_check(part, lesson, pools)


def _self_check(part: Part, lesson: Lesson, pools: Pools) -> None:
    questions = pick(candidates(lesson, pools))
    if not questions:
        part.diagnostics.append(Diagnostic(
            part.display or part.source, lesson.line,
            f"no sound self-check question could be made from the lesson '{lesson.title}'",
            "write exercises of your own for it", Severity.NOTE, Topic.OTHER))
        return
    quiz = Quiz(TITLE, lesson.line, slug="self-check", questions=questions)
    quiz.intro = [Paragraph("These questions were generated from the lesson's own text. "
                            "Each answer says where in the lesson it stands.", lesson.line)]
    lesson.quizzes.append(quiz)  # the lesson page links to its quiz page


def pick(found: dict[str, list[Question]]) -> list[Question]:
    """Up to MAX_QUESTIONS, taking each type in turn so that one shape does
    not fill the self-check; the sections' main points only fill up to
    MIN_QUESTIONS."""
    chosen: list[Question] = []
    queues = [list(qs) for kind, qs in found.items() if kind != "point"]
    while len(chosen) < MAX_QUESTIONS and any(queues):
        for queue in queues:
            if queue and len(chosen) < MAX_QUESTIONS:
                chosen.append(queue.pop(0))
    used = {q.see for q in chosen}
    points = [q for q in found.get("point", []) if q.see not in used]
    return chosen + points[:max(0, MIN_QUESTIONS - len(chosen))]


def candidates(lesson: Lesson, pools: Pools) -> dict[str, list[Question]]:
    """Every sound question the lesson offers, by generator, in lesson order."""
    return {
        "term": list(_term_questions(lesson, pools)),
        "list": list(_list_questions(lesson)),
        "section": list(_section_questions(lesson)),
        "quote": list(_quote_questions(lesson, pools)),
        "blank": list(_blank_questions(lesson, pools)),
        "point": list(_point_questions(lesson)),
    }


# ---- what the lesson states ------------------------------------------------------

def _sections(lesson: Lesson) -> Iterator[tuple[str, object]]:
    """(the heading a block stands under, the block) for the lesson's body."""
    section = lesson.title
    for block in lesson.blocks:
        if isinstance(block, Heading):
            section = block.text
        yield section, block


def _terms(lesson: Lesson) -> list[tuple[str, str, str]]:
    """(section, term, explanation) of the lesson."""
    found = []
    for section, block in _sections(lesson):
        if isinstance(block, ListBlock):
            found += [(section, item.term, item.text) for item in block.items if item.term]
        elif isinstance(block, Definition) and block.term:
            found.append((section, block.term, block.text))
    return found


def _person(quote: Quote) -> str:
    return quote.attribution.split(",")[0].strip()


def _body_lists(lesson: Lesson) -> Iterator[tuple[str, str, ListBlock]]:
    """(section, lead-in, list) for lists introduced by a line ending in ':'."""
    previous = None
    for section, block in _sections(lesson):
        if isinstance(block, ListBlock) and not block.role and isinstance(previous, Paragraph) \
                and previous.text.endswith(":"):
            yield section, _last_sentence(previous.text).rstrip(":").strip(), block
        previous = block


def _pools(parts: list[Part]) -> Pools:
    terms, people, counts = [], [], Counter()
    for part in parts:
        for lesson in part.lessons:
            terms += [term for _, term, _ in _terms(lesson)]
            people += [_person(b) for b in lesson.blocks if isinstance(b, Quote) and b.attribution]
            counts.update(_WORD.findall(_text(lesson).lower()))
    stems: Counter = Counter()
    for word, n in counts.items():  # each distinct word once, not each of its uses
        if _content(word):
            stems[_stem(word)] += n
    return Pools(_unique(terms), _unique(people), {w for w, _ in stems.most_common(COMMON)})


# ---- the generators -----------------------------------------------------------------

def _term_questions(lesson: Lesson, pools: Pools) -> Iterator[Question]:
    terms = _terms(lesson)
    for section, term, text in terms:
        if len(text.split()) < 4 or len(term.split()) > 6 or _norm(term) in _norm(text):
            continue
        near = [t for _, t, _ in terms if t != term] + pools.terms
        if q := _choice(f"Which term does the lesson explain as: “{_clip(text)}”?", term,
                        near, section):
            yield q


def _quote_questions(lesson: Lesson, pools: Pools) -> Iterator[Question]:
    for section, block in _sections(lesson):
        if isinstance(block, Quote) and block.attribution:
            said = block.text.strip("“”\"")
            if q := _choice(f"Who does the lesson quote as saying: “{_clip(said)}”?",
                            _person(block), pools.people, section):
                yield q


def _list_questions(lesson: Lesson) -> Iterator[Question]:
    """Recall: name the points of a list (a choice among items of other lists
    would be unsafe: in a course on one subject they are often true too)."""
    for section, lead, block in _body_lists(lesson):
        texts = [item.text for item in block.items]
        last = lead.split()[-1].lower() if lead else ""
        if not 3 <= len(texts) <= 8 or not all(_short(t) for t in texts) \
                or len(lead.split()) < 5 or not _content(last) or last in cues.VAGUE_ENDINGS:
            continue
        yield Question(f"The lesson lists {len(texts)} points for: “{_clip(lead)}”. "
                       "Name as many of them as you can.", 0, QuestionKind.OPEN,
                       model_answer="; ".join(t.rstrip(".;") for t in texts), generated=True,
                       see=section)


def _section_questions(lesson: Lesson) -> Iterator[Question]:
    """Where a section's first sentence stands, when that sentence names no
    heading and shares more words with its own section than with any other
    (else the question would be a trick)."""
    headings = _unique([b.text for b in lesson.blocks if isinstance(b, Heading) and b.level == 2])
    if len(headings) < 3:
        return
    texts = _section_texts(lesson)
    section_stems = {h: _stems(texts.get(h, "")) for h in headings}
    for heading, sentence in _first_sentences(lesson):
        if heading not in headings or any(_mentions(sentence, h) for h in headings):
            continue
        stems = _stems(sentence)
        # its own section without the sentence itself
        own = _stems(texts.get(heading, "").replace(sentence, ""))
        share = {h: len(stems & (own if h == heading else section_stems[h])) for h in headings}
        if share[heading] > max(v for h, v in share.items() if h != heading):
            if q := _choice(f"In which section of the lesson does this stand: “{sentence}”?",
                            heading, headings, heading):
                yield q


def _section_texts(lesson: Lesson) -> dict[str, str]:
    texts: dict[str, list[str]] = {}
    for section, block in _sections(lesson):
        texts.setdefault(section, []).append(_text_of(block))
    return {section: " ".join(parts) for section, parts in texts.items()}


def _stems(text: str) -> set[str]:
    return {_stem(w) for w in _WORD.findall(text) if _content(w)}


def _blank_questions(lesson: Lesson, pools: Pools) -> Iterator[Question]:
    for heading, sentence in _first_sentences(lesson):
        keys = {_stem(w) for w in _WORD.findall(heading) if _content(w)}
        words = _WORD.findall(sentence)
        stems = [_stem(w) for w in words]
        blanks = [w for w in words if len(w) >= 5 and _content(w) and _stem(w) in keys
                  and stems.count(_stem(w)) == 1 and _stem(w) not in pools.common]
        if not blanks:
            continue
        word = blanks[0]
        blanked = re.sub(rf"\b{re.escape(word)}\b", "_____", sentence, count=1)
        yield Question(f"Fill in the blank: “{blanked}”", 0, QuestionKind.OPEN,
                       model_answer=word, generated=True, see=heading)


def _point_questions(lesson: Lesson) -> Iterator[Question]:
    """Recall a section's opening point: open, its first sentence as the model answer."""
    for heading, sentence in _first_sentences(lesson):
        yield Question(f"What does the lesson say first in the section “{heading}”?", 0,
                       QuestionKind.OPEN, model_answer=sentence, generated=True, see=heading)


def _first_sentences(lesson: Lesson) -> Iterator[tuple[str, str]]:
    """(heading, the first sentence of its first paragraph), for sentences
    of 6 to 30 words."""
    after: str | None = None
    for block in lesson.blocks:
        if isinstance(block, Heading):
            after = block.text
        elif isinstance(block, Paragraph) and after is not None:
            sentence = _SENTENCE_END.split(block.text, maxsplit=1)[0].strip()
            if 6 <= len(sentence.split()) <= 30 and sentence.endswith((".", "!")):
                yield after, sentence
            after = None
        else:
            after = None


# ---- making a choice question ---------------------------------------------------------

def _choice(prompt: str, right: str, pool: list[str], see: str) -> Question | None:
    """A single-choice question with ``right`` and up to three distractors
    from ``pool`` (none like the right answer or like each other); None
    when fewer than two distractors can be had."""
    distractors: list[str] = []
    # from a place in the pool that the prompt's hash picks, onwards: the same
    # every time, and a look at a few candidates, not at the whole course's
    start = _index(prompt, len(pool)) if pool else 0
    for other in pool[start:] + pool[:start]:
        if not _alike(other, right) and not any(_alike(other, d) for d in distractors):
            distractors.append(other)
        if len(distractors) == OPTIONS - 1:
            break
    if len(distractors) < 2:
        return None
    options = sorted([right, *distractors], key=lambda t: _hash(prompt + "|" + t))
    return Question(prompt, 0, QuestionKind.SINGLE_CHOICE, options=options,
                    correct=[options.index(right)], generated=True, see=see)


# ---- small helpers ----------------------------------------------------------------------

def _words(lesson: Lesson) -> int:
    count = 0
    for block in lesson.blocks:
        if isinstance(block, Paragraph | Quote | Definition):
            count += len(block.text.split())
        elif isinstance(block, ListBlock):
            count += sum(len(item.text.split()) + len(item.term.split()) for item in block.items)
    return count


def _text(lesson: Lesson) -> str:
    return " ".join(_text_of(block) for block in lesson.blocks)


def _text_of(block: object) -> str:
    if isinstance(block, ListBlock):
        return " ".join(f"{item.term} {item.text}" for item in block.items)
    return getattr(block, "text", "")


def _short(text: str) -> bool:
    return 1 <= len(text.split()) <= 20


def _content(word: str) -> bool:
    lower = word.lower()
    return len(word) >= 4 and lower not in cues.SMALL_WORDS and lower not in cues.FUNCTION_WORDS


def _stem(word: str) -> str:
    return word.lower().replace("’", "'")[:6]


def _norm(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def _alike(a: str, b: str) -> bool:
    wa, wb = set(_norm(a).split()), set(_norm(b).split())
    return not wa or not wb or len(wa & wb) / min(len(wa), len(wb)) >= 0.6


def _mentions(sentence: str, heading: str) -> bool:
    keys = {_stem(w) for w in _WORD.findall(heading) if _content(w)}
    return any(_stem(w) in keys for w in _WORD.findall(sentence))


def _unique(texts: list[str]) -> list[str]:
    seen, out = set(), []
    for text in texts:
        if text and _norm(text) not in seen:
            seen.add(_norm(text))
            out.append(text)
    return out


def _last_sentence(text: str) -> str:
    return _SENTENCE_END.split(text)[-1]


def _clip(text: str, words: int = 40) -> str:
    parts = text.split()
    return text if len(parts) <= words else " ".join(parts[:words]) + " …"


def _hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def _index(seed: str, size: int) -> int:
    return int(_hash(seed), 16) % size
