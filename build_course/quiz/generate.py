"""Generate a self-check for a lesson that has none, from its own structure.

A lesson of at least ``MIN_WORDS`` words, in a source without exercises of
its own, gets up to ``MAX_QUESTIONS`` questions, each made from something
the lesson states in a shape that leaves one right answer:

- a term and its explanation (``Term – text``, ``Term: text``, a
  definition): "Which term is meant: ...?", the other terms as distractors;
- three to five of them: "Match each term to its explanation" (matching),
  when no two of their explanations (or terms) are alike;
- a quotation with its attribution: "Who said ...?", other quoted people;
- a list under a lead-in that names it: which of these is one of them,
  which step comes after another, or name its points (``named_lists``);
- a section's first sentence: "In which section does this stand?", the
  lesson's other sections as options;
- a section's first sentence: what does the lesson say first there (open;
  only to bring a self-check up to MIN_QUESTIONS);
- a section's first sentence with a word of its heading in it: fill in the
  blank (open; the word is the model answer), never a function word, a word
  the sentence repeats, one of the course's most frequent words, or a verb
  after a preposition ("in _____ a complaint": many verbs would do);
- a sentence with a bold key term (sources that keep bold: Markdown, Word,
  web pages): fill in the term (open), where the lesson first marks it.

Which word makes a blank was measured on the sample course's candidate
sentences, every one read: a heading's word 14 sound of 17 (16 of 17 now
that a verb after a preposition is never one); the rarest of them by
wordfreq's English frequencies (Zipf < 4.5) 7 of 9; the best of YAKE's 30
keywords of the lesson 19 of 26. Neither library helped, and they would add
about 60 MB (wordfreq's word lists) and 95 MB (YAKE's numpy and networkx)
to the install, so neither is used.

Distractors come from the same course and are of the same type. No two
questions of a self-check give each other away (a blank's sentence quoted
by another). Each question says where in the lesson its answer stands (``Question.see``) and
is marked ``generated``. Nothing random: options are ordered by a hash of
their text, so the same lesson gives the same questions in the same order.
A lesson where nothing sound can be made gets none, and a review note.
"""

from __future__ import annotations

import hashlib
import json
import pickle
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from build_course.diagnostics import Diagnostic, Severity, Topic
from build_course.importer import cues
from build_course.importer.markdown_inline import plain
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
from build_course.quiz import named_lists as nl
from build_course.quiz.kinds import QuestionKind
from build_course.quiz.wording import (
    WORD,
    alike,
    choice,
    clip,
    content,
    digest,
    norm,
    sections,
    sentences,
    stem,
    stems,
    text_of,
    unique,
)

MIN_WORDS = 300
MAX_QUESTIONS = 5
MIN_QUESTIONS = 3  # the sections' main points fill a self-check up to this
COMMON = 15  # the course's most frequent words are never a blank
TITLE = "Self-check"


@dataclass
class Pools:
    """What the whole course offers as distractors, by type."""

    terms: list[str]
    people: list[str]
    common: set[str]
    """The course's most frequent words (as stems): too easy to be a blank."""
    lists: list[nl.NamedList] = field(default_factory=list)
    """Every named list of the course (distractors for another)."""
    lesson_lists: dict[int, list[nl.NamedList]] = field(default_factory=dict)
    """The same lists by their lesson (``id(lesson)``)."""
    fingerprint: str = ""
    """A digest of the pools as another part's questions see them: the same
    fingerprint, the same questions for a part that did not change."""


Memo = Callable[[Part], dict | None]
"""Where to keep what was derived from a part for the next build of the same
import (``serve``), or None: what it adds to the pools, its self-checks."""


def _forgetting(part: Part) -> None:
    return None


def generate_self_checks(parts: list[Part], enabled: Callable[[Part], bool],
                         memo: Memo = _forgetting) -> str:
    """Add a generated self-check to every lesson that should have one; the
    pools' fingerprint. A part's self-checks depend on the part and the
    pools only: with the same pools, ``memo`` gives them without generating."""
    live = [p for p in parts if not p.duplicate_of]
    # the course's pools in the order of the sources' names: the same
    # distractors whatever order the manifest (or inspect) gives the parts
    pools = _pools(sorted(live, key=lambda p: p.source), memo)
    for part in live:
        if not enabled(part) or any(lesson.quizzes for lesson in part.lessons):
            continue  # generation is off, or the author wrote exercises of their own
        made, notes = _part_checks(part, pools, memo(part))
        for index, quiz in made:
            part.lessons[index].quizzes.append(quiz)  # the lesson page links to its quiz page
        part.diagnostics += notes
    return pools.fingerprint


def _part_checks(part: Part, pools: Pools, kept: dict | None) -> tuple[list, list]:
    """(lesson index, self-check) for the part's lessons, and review notes."""
    key = ("self-checks", pools.fingerprint)
    if kept is not None and key in kept:
        return pickle.loads(kept[key])  # a copy: the build changes what it gets
    made, notes = [], []
    for index, lesson in enumerate(part.lessons):
        if lesson.role == "lesson" and _words(lesson) >= MIN_WORDS:
            quiz = _self_check(lesson, pools)
            if quiz:
                made.append((index, quiz))
            else:
                notes.append(Diagnostic(
                    part.display or part.source, lesson.line,
                    f"no sound self-check question could be made from the lesson "
                    f"'{lesson.title}'", "write exercises of your own for it",
                    Severity.NOTE, Topic.OTHER))
    if kept is not None:
        for old in [k for k in kept if k[0] == "self-checks"]:
            del kept[old]
        kept[key] = pickle.dumps((made, notes), protocol=5)
    return made, notes


def _self_check(lesson: Lesson, pools: Pools) -> Quiz | None:
    questions = pick(candidates(lesson, pools))
    if not questions:
        return None
    quiz = Quiz(TITLE, lesson.line, slug="self-check", questions=questions)
    quiz.intro = [Paragraph("These questions were generated from the lesson's own text. "
                            "Each answer says where in the lesson it stands.", lesson.line)]
    return quiz


def pick(found: dict[str, list[Question]]) -> list[Question]:
    """Up to MAX_QUESTIONS, taking each type in turn so that one shape does
    not fill the self-check, and none that another one's prompt gives away;
    recalling a list or a section's main point only fills up to MIN_QUESTIONS."""
    chosen: list[Question] = []
    queues = [list(qs) for kind, qs in found.items() if kind not in FILLERS]
    while len(chosen) < MAX_QUESTIONS and any(queues):
        for queue in queues:
            if queue and len(chosen) < MAX_QUESTIONS:
                _add(chosen, queue.pop(0))
    used = {q.see for q in chosen}
    fill = found.get("recall", []) + [q for q in found.get("point", []) if q.see not in used]
    for question in fill:
        if len(chosen) < MIN_QUESTIONS:
            _add(chosen, question)
    return chosen


FILLERS = ("recall", "point")


def _add(chosen: list[Question], question: Question) -> None:
    if not any(question.prompt == other.prompt or _gives_away(question, other)
               or _gives_away(other, question) for other in chosen):
        chosen.append(question)


def _gives_away(asked: Question, other: Question) -> bool:
    """Whether ``other`` quotes what ``asked`` wants recalled (a blank's
    whole sentence, a section's first sentence), or blanks the same sentence."""
    answer = _recalled(asked)
    return len(answer.split()) >= 4 and (norm(answer) in norm(other.prompt)
                                         or norm(answer) == norm(_recalled(other)))


def _recalled(question: Question) -> str:
    answer = question.model_answer or ""
    said = question.prompt.partition("“")[2].rstrip("”")
    return said.replace("_____", answer, 1) if "_____" in said else answer


def candidates(lesson: Lesson, pools: Pools) -> dict[str, list[Question]]:
    """Every sound question the lesson offers, by generator, in lesson order."""
    lists = pools.lesson_lists.get(id(lesson)) or nl.named_lists(lesson)
    bold = list(_bold_questions(lesson, pools))
    marked = {norm(_recalled(q)) for q in bold}  # the author's key term, not a heading word
    matched = list(_match_questions(lesson))
    asked = {norm(t) for q in matched for t in q.terms}  # a term question would give one away
    return {
        "match": matched,
        "term": [q for q in _term_questions(lesson, pools)
                 if norm(q.options[q.correct[0]]) not in asked],
        "bold": bold,
        "list": list(nl.which_questions(lists, pools.lists, pools.common)),
        "order": list(nl.order_questions(lists)),
        "section": list(_section_questions(lesson)),
        "quote": list(_quote_questions(lesson, pools)),
        "blank": [q for q in _blank_questions(lesson, pools) if norm(_recalled(q)) not in marked],
        "recall": [nl.recall_question(n) for n in lists],
        "point": list(_point_questions(lesson)),
    }


# ---- what the lesson states ------------------------------------------------------

def _terms(lesson: Lesson) -> list[tuple[str, str, str]]:
    """(section, term, explanation) of the lesson."""
    found = []
    for section, block in sections(lesson):
        if isinstance(block, ListBlock):
            found += [(section, item.term, item.text) for item in block.items if item.term]
        elif isinstance(block, Definition) and block.term:
            found.append((section, block.term, block.text))
    return found


def _person(quote: Quote) -> str:
    return quote.attribution.split(",")[0].strip()


def _pools(parts: list[Part], memo: Memo = _forgetting) -> Pools:
    terms, people, lists, found = [], [], [], Counter()
    by_lesson: dict[int, list[nl.NamedList]] = {}
    fingerprints = []
    remembered = any(memo(part) is not None for part in parts)
    for part in parts:
        added = _contribution(part, memo(part), remembered)
        terms += added.terms
        people += added.people
        for lesson, named in zip(part.lessons, added.lists):
            by_lesson[id(lesson)] = named
            lists += named
        # in the order of first use in the course, as if counted in one go:
        # the same ties in most_common
        found.update(added.stems)
        fingerprints.append(added.fingerprint)
    common = {w for w, _ in found.most_common(COMMON)}
    return Pools(unique(terms), unique(people), common, lists, by_lesson,
                 _fingerprint([fingerprints, sorted(common)]) if remembered else "")


@dataclass
class _Added:
    """What one part adds to the pools (read, never changed: it is kept)."""

    terms: list[str]
    people: list[str]
    lists: list[list[nl.NamedList]]  # by lesson
    stems: Counter
    fingerprint: str = ""


def _contribution(part: Part, kept: dict | None, fingerprinted: bool) -> _Added:
    """What ``part`` adds to the pools; its fingerprint when the build keeps
    what it derives (a part not kept counts too: an author's lesson)."""
    if kept is not None and "pools" in kept:
        return kept["pools"]
    added = _Added([], [], [], Counter())
    counts: Counter = Counter()
    for lesson in part.lessons:
        added.terms += [term for _, term, _ in _terms(lesson)]
        added.people += [_person(b) for b in lesson.blocks
                         if isinstance(b, Quote) and b.attribution]
        added.lists.append(nl.named_lists(lesson))
        counts.update(WORD.findall(_text(lesson).lower()))
    for word, n in counts.items():  # each distinct word once, not each of its uses
        if content(word):
            added.stems[stem(word)] += n
    if fingerprinted:  # what other lessons' questions see of it (its words: through common)
        added.fingerprint = _fingerprint([added.terms, added.people,
                                          [[_list_key(n) for n in named]
                                           for named in added.lists]])
    if kept is not None:
        kept["pools"] = added
    return added


def _fingerprint(value: object) -> str:
    return hashlib.sha256(json.dumps(value).encode("utf-8")).hexdigest()


def _list_key(named: nl.NamedList) -> list:
    """What another lesson's question takes from a list (named_lists._which)."""
    return [named.kind, [[text, sorted(stems), advice] for text, stems, advice in named.options]]


# ---- the generators -----------------------------------------------------------------

def _term_questions(lesson: Lesson, pools: Pools) -> Iterator[Question]:
    terms = _terms(lesson)
    for section, term, text in terms:
        if len(text.split()) < 4 or len(term.split()) > 6 or norm(term) in norm(text):
            continue
        near = [t for _, t, _ in terms if t != term] + pools.terms
        if q := choice(f"Which term does the lesson explain as: “{clip(text)}”?", term,
                       near, section):
            yield q


MATCH_PAIRS = (3, 5)  # the fewest and the most pairs of a matching question


def _match_questions(lesson: Lesson) -> Iterator[Question]:
    """Match terms to their explanations: the first section that explains
    enough terms, else the lesson's first ones; only pairs whose term the
    explanation does not name, and no explanation (or term) like another,
    so that one pairing is right."""
    usable = [(section, term, text) for section, term, text in _terms(lesson)
              if 4 <= len(text.split()) <= 40 and len(term.split()) <= 6
              and norm(term) not in norm(text)]
    by_section: dict[str, list[tuple[str, str, str]]] = {}
    for found in usable:
        by_section.setdefault(found[0], []).append(found)
    groups = [g for g in by_section.values() if len(g) >= MATCH_PAIRS[0]] + [usable]
    for group in groups:
        pairs: list[tuple[str, str, str]] = []
        for found in group:
            if not any(alike(found[2], p[2]) or alike(found[1], p[1]) for p in pairs):
                pairs.append(found)
        # one term left over where the lesson has more, for a "which term" question
        pairs = pairs[:min(MATCH_PAIRS[1], max(MATCH_PAIRS[0], len(usable) - 1))]
        if len(pairs) >= MATCH_PAIRS[0]:
            yield _matching(pairs)
            return


def _matching(pairs: list[tuple[str, str, str]]) -> Question:
    """The terms in the lesson's order, the explanations in an order their hash sets."""
    terms = [term for _, term, _ in pairs]
    texts = sorted((text for _, _, text in pairs), key=lambda t: digest("|".join(terms) + t))
    return Question("Match each term to its explanation.", 0, QuestionKind.MATCHING,
                    options=texts, terms=terms, correct=[texts.index(t) for _, _, t in pairs],
                    generated=True, see=" and ".join(unique([s for s, _, _ in pairs])))


def _quote_questions(lesson: Lesson, pools: Pools) -> Iterator[Question]:
    for section, block in sections(lesson):
        if isinstance(block, Quote) and block.attribution:
            said = block.text.strip("“”\"")
            if q := choice(f"Who does the lesson quote as saying: “{clip(said)}”?",
                           _person(block), pools.people, section):
                yield q


def _section_questions(lesson: Lesson) -> Iterator[Question]:
    """Where a section's first sentence stands, when that sentence names no
    heading and shares more words with its own section than with any other
    (else the question would be a trick)."""
    headings = unique([b.text for b in lesson.blocks if isinstance(b, Heading) and b.level == 2])
    if len(headings) < 3:
        return
    texts = _section_texts(lesson)
    section_stems = {h: stems(texts.get(h, "")) for h in headings}
    for heading, sentence in _first_sentences(lesson):
        if heading not in headings or any(_mentions(sentence, h) for h in headings):
            continue
        said = stems(sentence)
        # its own section without the sentence itself
        own = stems(texts.get(heading, "").replace(sentence, ""))
        share = {h: len(said & (own if h == heading else section_stems[h])) for h in headings}
        if share[heading] > max(v for h, v in share.items() if h != heading):
            if q := choice(f"In which section of the lesson does this stand: “{sentence}”?",
                           heading, headings, heading):
                yield q


def _section_texts(lesson: Lesson) -> dict[str, str]:
    texts: dict[str, list[str]] = {}
    for section, block in sections(lesson):
        texts.setdefault(section, []).append(text_of(block))
    return {section: " ".join(parts) for section, parts in texts.items()}


def _blank_questions(lesson: Lesson, pools: Pools) -> Iterator[Question]:
    for heading, sentence in _first_sentences(lesson):
        keys = {stem(w) for w in WORD.findall(heading) if content(w)}
        words = WORD.findall(sentence)
        said = [stem(w) for w in words]
        blanks = [w for i, w in enumerate(words) if len(w) >= 5 and content(w)
                  and stem(w) in keys and said.count(stem(w)) == 1
                  and stem(w) not in pools.common and not _open_verb(words, i)]
        if blanks:
            yield _blank(sentence, blanks[0], heading)


def _open_verb(words: list[str], i: int) -> bool:
    """"in addressing", "of dealing": a verb after a preposition, where
    many other verbs would do as well (handling, managing)."""
    return words[i].lower().endswith("ing") and i > 0 \
        and words[i - 1].lower() in cues.PREPOSITIONS


def _blank(sentence: str, word: str, see: str) -> Question:
    blanked = re.sub(rf"(?<![\w'’-]){re.escape(word)}(?![\w'’-])", "_____", sentence, count=1)
    return Question(f"Fill in the blank: “{blanked}”", 0, QuestionKind.OPEN,
                    model_answer=word, generated=True, see=see)


def _bold_questions(lesson: Lesson, pools: Pools) -> Iterator[Question]:
    """The sentence that holds a bold key term (Markdown, Word and web pages
    keep bold), the term blanked: open, the term as the model answer; each
    term once, where the lesson first marks it."""
    seen: set[str] = set()
    for section, block in sections(lesson):
        for marked in _marked(block):
            for sentence in _MARKED_SENTENCE_END.split(marked):
                for match in _BOLD.finditer(sentence):
                    term = plain(match.group(1)).strip()
                    if norm(term) not in seen and (q := _bold_blank(sentence, term, section,
                                                                    pools)):
                        seen.add(norm(term))
                        yield q


_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_MARKED_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[*_]*[A-Z“\"])")


def _marked(block: object) -> list[str]:
    """The block's Markdown with its marks, where its source kept them."""
    if isinstance(block, Paragraph):
        return [block.markdown] if block.markdown else []
    if isinstance(block, ListBlock):
        return [item.markdown for item in block.items if item.markdown]
    return []


def _bold_blank(marked: str, term: str, see: str, pools: Pools) -> Question | None:
    """None for a label ("**Note:** ..."), a bold line, a term of more than
    four words, one the sentence repeats or one of the course's commonest."""
    sentence = plain(marked).strip()
    terms = WORD.findall(term)
    rest = norm(sentence).split()
    if not terms or len(terms) > 4 or term.endswith(":") or sentence.startswith(term + ":") \
            or not 6 <= len(rest) <= 35 or not any(content(t) for t in terms) \
            or rest.count(norm(term).split()[0]) != 1 or not sentence.endswith((".", "!", "?")) \
            or all(stem(t) in pools.common for t in terms if content(t)):
        return None
    question = _blank(sentence, term, see)
    return question if "_____" in question.prompt else None


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
            sentence = (sentences(block.text) or [""])[0]
            if 6 <= len(sentence.split()) <= 30 and sentence.endswith((".", "!")):
                yield after, sentence
            after = None
        else:
            after = None


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
    return " ".join(text_of(block) for block in lesson.blocks)


def _mentions(sentence: str, heading: str) -> bool:
    keys = {stem(w) for w in WORD.findall(heading) if content(w)}
    return any(stem(w) in keys for w in WORD.findall(sentence))
