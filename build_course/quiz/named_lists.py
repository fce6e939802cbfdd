"""Questions on a lesson's named lists: a list under a lead-in that names
what it holds ("Here are some tips for ...:", "There are four steps in ...
These are as follows:" over four sub-headings).

- which of these is one of them (single choice). The distractors are items
  of other named lists of the lesson (then of the course) whose lead-in
  names another kind of thing (``cues.LIST_KINDS``: not tips for tips, nor
  tips for traits), and that share no telling word with the target list,
  its lead-in or its section's text: in a course on one subject another
  list's item is often true of this one too, and that is where it shows.
  With fewer than two such distractors the question is the open one below.
- name its points (open, the list as the model answer).
- a list of steps, counted ("the four steps") or numbered: which step comes
  right after another (or first, of three), over the list's own items, so
  that no option but the right one can be true.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from build_course.importer import cues
from build_course.model import Heading, Lesson, ListBlock, Paragraph, Question
from build_course.quiz import wording as w
from build_course.quiz.kinds import QuestionKind

MAX_ITEM_WORDS = 15  # an option longer than this is hard to read among others
PER_LIST = 2  # distractors from any one list
LOOK = 60  # lists of other lessons looked at for distractors
_POINTING = frozenset("this it its them they such those".split())


@dataclass
class NamedList:
    """A list and what its lead-in says it holds."""

    section: str
    lead: str
    """The lead-in's sentence that names the list, as it stands (with the
    sentence before it where it points back: "To ensure this, ...")."""
    items: list[str]
    steps: bool
    """Counted or numbered steps: the order is the lesson's."""
    guard: set[str]
    """Stems of the lead-in, the items and the section's own text: a
    distractor with one of these may be true of the list too."""
    kind: str = ""
    """What the lead-in says the list holds (``cues.LIST_KINDS``), or ""."""
    options: list[tuple[str, set[str], bool]] = field(default_factory=list)
    """(item, its stems, whether it reads as advice) for the items short
    enough to be an option: worked out once, looked at for every other list."""


def named_lists(lesson: Lesson) -> list[NamedList]:
    """The lesson's lists under a lead-in that names them, in lesson order."""
    pairs = list(w.sections(lesson))
    found = []
    for k, (section, block) in enumerate(pairs):
        if isinstance(block, Paragraph) and block.text.endswith(":") and k + 1 < len(pairs):
            if named := _named(section, block.text, [b for _, b in pairs[k + 1:]]):
                named.guard |= _section_stems(pairs, section)
                found.append(named)
    return found


def _named(section: str, lead_text: str, after: list[object]) -> NamedList | None:
    first = after[0]
    count, counted = _count(lead_text)
    if isinstance(first, ListBlock) and not first.role:
        items = [_option(item.term or item.text) for item in first.items]
        steps = first.ordered or count == len(items)
    elif isinstance(first, Heading) and first.level == 3 and count:
        items = [_sentence_case(_option(t), after) for t in _sub_headings(after)]
        steps = True
    else:
        return None
    lead = counted if count == len(items) else _last(lead_text)
    words = w.WORD.findall(w.sentences(lead)[-1]) if lead else []
    last = words[-1].lower() if words else ""
    if not 3 <= len(items) <= 8 or not all(1 <= len(t.split()) <= 20 for t in items) \
            or len(words) < 5 or not w.content(last) or last in cues.VAGUE_ENDINGS \
            or (isinstance(first, Heading) and count != len(items)):
        return None
    guard = w.stems(lead_text) | set().union(*(w.stems(t) for t in items))
    kind = next((cues.LIST_KINDS[x.lower()] for x in words if x.lower() in cues.LIST_KINDS), "")
    options = [(t, w.stems(t), bool(cues.PRESCRIPTIVE.search(t))) for t in items
               if len(t.split()) <= MAX_ITEM_WORDS]
    return NamedList(section, lead, items, steps and bool(cues.STEPS_NAMED.search(lead)),
                     guard, kind, options)


def _count(text: str) -> tuple[int, str]:
    """The count a lead-in gives ("There are four steps in ...") and its
    sentence; 0 and "" for none."""
    for sentence in w.sentences(text):
        if m := cues.COUNTED.search(sentence):
            word = m.group(1).lower()
            return int(word) if word.isdigit() else cues.NUMBER_WORDS[word], sentence
    return 0, ""


def _last(text: str) -> str:
    """The lead-in's last sentence, with the one before it where it points
    back ("Like any communication, ... To ensure this, follow these guidelines:")."""
    found = w.sentences(text)
    if len(found) > 1 and set(w.norm(found[-1]).split()) & _POINTING:
        return " ".join(found[-2:])
    return found[-1] if found else ""


def _sub_headings(after: list[object]) -> list[str]:
    items = []
    for block in after:
        if isinstance(block, Heading):
            if block.level < 3:
                break
            items.append(block.text)
    return items


def _option(text: str) -> str:
    return text.strip().rstrip(".;,").strip()


def _sentence_case(heading: str, after: list[object]) -> str:
    """"Thank the Customer" -> "Thank the customer": a step that was a
    heading reads like the others. A word stays as it is when the lesson
    never writes it in lower case ("Red Cross", "GP")."""
    text = " ".join(b.text for b in after if isinstance(b, Paragraph))
    lower = {x for x in w.WORD.findall(text) if x.islower()}
    first, *rest = heading.split(" ")
    return " ".join([first] + [x[0].lower() + x[1:] if x[1:].islower() and x.lower() in lower
                               else x for x in rest])


def _section_stems(pairs: list[tuple[str, object]], section: str) -> set[str]:
    """The section's paragraphs (not its lists: a list beside the target may
    be where the distractors come from)."""
    return set().union(*(w.stems(b.text) for s, b in pairs
                         if s == section and isinstance(b, Paragraph)))


# ---- the questions ------------------------------------------------------------------

def which_questions(lesson_lists: list[NamedList], course_lists: list[NamedList],
                    common: set[str]) -> Iterator[Question]:
    """Which of these is one of them; the open recall question where too few
    safe distractors can be had."""
    for target in lesson_lists:
        if q := _which(target, lesson_lists, course_lists, common):
            yield q
        else:
            yield recall_question(target)


def _which(target: NamedList, lesson_lists: list[NamedList], course_lists: list[NamedList],
           common: set[str]) -> Question | None:
    short = [t for t, stems, _ in target.options if stems - common]
    if not short or not target.kind:
        return None
    right = short[w.index(target.lead, len(short))]
    prompt = f"The lesson says: “{w.clip(target.lead)}” Which of these is one of them?"
    distractors: list[str] = []
    for named in _candidates(prompt, target, lesson_lists, course_lists):
        if _other_kind(target.kind, named.kind):
            distractors += _safe(target, named, common, right, distractors)
        if len(distractors) == w.OPTIONS - 1:
            break
    if len(distractors) < 2:
        return None
    return w.ordered_choice(prompt, right, distractors, target.section)


def _candidates(prompt: str, target: NamedList, lesson_lists: list[NamedList],
                course_lists: list[NamedList]) -> Iterator[NamedList]:
    """The lesson's other lists, then up to LOOK of the course's, each run
    from a place the prompt's hash picks: the same every time, and a look at
    a few lists, not at every list of a large course for every list."""
    others = [n for n in lesson_lists if n is not target]
    start = w.index(prompt, len(others)) if others else 0
    yield from others[start:] + others[:start]
    if course_lists:
        start = w.index(prompt, len(course_lists))
        ahead = (course_lists[(start + k) % len(course_lists)]
                 for k in range(min(LOOK, len(course_lists))))
        yield from (n for n in ahead if not any(n is m for m in lesson_lists))


def _safe(target: NamedList, named: NamedList, common: set[str], right: str,
          chosen: list[str]) -> list[str]:
    """Up to PER_LIST items of ``named`` (options of one shape would give the
    right one away) that share no telling word with the target, are not
    like the right answer or a distractor already chosen, and, among
    advice, do not read as advice themselves."""
    guard = target.guard - common
    advice = target.kind in cues.CLOSE_KINDS
    found: list[str] = []
    for item, stems, prescriptive in named.options:
        telling = stems - common
        if len(found) < PER_LIST and len(chosen) + len(found) < w.OPTIONS - 1 and telling \
                and not telling & guard and not (advice and prescriptive) \
                and not any(w.alike(item, other) for other in [right, *chosen, *found]):
            found.append(item)
    return found


def _other_kind(kind: str, other: str) -> bool:
    return bool(kind and other) and kind != other and not {kind, other} <= cues.CLOSE_KINDS


def recall_question(target: NamedList) -> Question:
    """Name the list's points (open, the list as the model answer)."""
    lead = target.lead.rstrip(":.").strip()
    return Question(f"The lesson lists {len(target.items)} points for: “{w.clip(lead)}”. "
                    "Name as many of them as you can.", 0, QuestionKind.OPEN,
                    model_answer="; ".join(target.items), generated=True, see=target.section)


def order_questions(lesson_lists: list[NamedList]) -> Iterator[Question]:
    """Which step comes right after another (or first, of three), the
    list's own other steps as the options."""
    for target in lesson_lists:
        steps = target.items
        if not target.steps or any(len(s.split()) > MAX_ITEM_WORDS for s in steps):
            continue
        said = f"The lesson says: “{w.clip(target.lead)}”"
        if len(steps) == 3:
            yield w.ordered_choice(f"{said} Which of these steps comes first?", steps[0],
                                   steps[1:], target.section)
            continue
        at = w.index(target.lead, len(steps) - 1)
        others = [s for i, s in enumerate(steps) if i not in (at, at + 1)]
        prompt = f"{said} Which step comes right after “{steps[at]}”?"
        start = w.index(prompt, len(others))
        rotated = others[start:] + others[:start]
        yield w.ordered_choice(prompt, steps[at + 1], rotated[:w.OPTIONS - 1], target.section)
