"""The Markdown family: a source written in Markdown by another course tool.

Detected from the Markdown's own syntax, never from a file's suffix (the
texts often come as .txt): ATX headings with fences, front matter, MyST
directives, fenced divs, kramdown classes, quiz syntaxes. Such a text is
not cleaned and segmented line by line: ``markdown_blocks`` parses it, and
``markdown_lessons`` makes lessons of the blocks:

- exercises (directives, challenges, quiz-syntax questions) become quizzes:
  those under an exercise heading (``## Exercises``) form that heading's
  quiz, with the text between them as its introduction; any other forms a
  quiz of its own where it stood; a solution is its exercise's model answer;
- the front matter's ``title`` names the lesson; without it, a single
  top-level heading does; several top-level headings with headings under
  them are several lessons (units of a course file);
- the usual structuring steps follow (objectives, quotes, list roles,
  exercises written as numbered lists); headings keep the source's levels.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from build_course.diagnostics import Report, Topic
from build_course.importer import cues
from build_course.importer.line_facts import LineFacts
from build_course.importer.markdown_blocks import (
    Exercise,
    Gate,
    Inline,
    Solution,
    StarterCode,
    demote_headings,
    fold_gates,
    parse,
    plain_text,
)
from build_course.importer.markdown_inline import escape, markup, plain
from build_course.importer.markdown_quizzes import lia_course
from build_course.importer.segmenting import heading_role
from build_course.importer.structuring import (
    attribute_quotes,
    extract_exercises,
    mark_list_roles,
    name_definitions,
    name_lessons,
    note_list_numbers,
    take_objectives,
)
from build_course.model import (
    UNTITLED,
    ExerciseLink,
    Heading,
    Lesson,
    ListBlock,
    Paragraph,
    Question,
    Quiz,
    RawMarkdown,
)
from build_course.quiz.kinds import QuestionKind, infer_kind

_ATX = re.compile(r"^#{1,6}[ \t]+\S")
_YAML_KEY = re.compile(r"^[\w-]+:(\s|$)")
_SYNTAX = (
    ("MyST directive", re.compile(r"^(```+|:::+)\s*\{[\w:.-]+\}")),
    ("fenced div", re.compile(r"^:::+\s*[\w.{]")),
    ("kramdown class line", re.compile(r"^(>\s*)*\{:\s*\.[\w-]+")),
    ("edX question", re.compile(r"^(\\?>){2}.*(\\?<){2}$")),
    ("LiaScript choice", re.compile(r"^\[(\(|\[)[xX ]?(\)|\])\]")),
    ("mkdocs-quiz block", re.compile(r"^<\??quiz\??>$")),
    ("R Markdown chunk", re.compile(r"^```+\s*\{r[\s,}]", re.I)),
)
_LIQUID_TAG = re.compile(r"^\{%-?\s*[a-z]+\b.*%\}$")  # {% include links.md %}
_SYNTAX_FIRST = "`:>{\\[<"  # the characters a line that _SYNTAX matches can start with
_MARKUP_FIRST = _SYNTAX_FIRST + "#~|-"  # and a heading, a fence or a table rule
_INLINE_MARKS = re.compile(r"\*\*\S|\]\(|`[^`]+`|^</?(details|summary|div|img|br|table)\b")
_TABLE_RULE = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)+\|?$")


def detect_markdown(raw: list, facts: LineFacts | None = None) -> list[str]:
    """Evidence that ``raw`` (the text's ``RawLine``s) is Markdown: a course
    tool's syntax (twice, or with a heading), or ATX headings with fences,
    tables, inline marks or front matter. Empty when that is not enough
    (front matter alone is not: a plain text may start with one)."""
    facts = facts or LineFacts.of(raw)
    front = _front_matter_end(raw)
    # the lines not indented as code that may be syntax, a heading, a fence or a table rule
    shallow = [r for k in facts.lines_starting(_MARKUP_FIRST) if (r := raw[k]).indent < 4]
    syntax, hits = [], 0
    marked = [r for r in shallow if r.text[:1] in _SYNTAX_FIRST]
    for name, pattern in _SYNTAX:
        found = [r.line for r in marked if pattern.match(r.text)]
        if found:
            syntax.append(f"{len(found)} {name} line(s) (line {found[0]}...)")
            hits += len(found)
    # a heading stands after a blank line; a comment in code does not
    headings = [r for r in shallow if r.text[:1] == "#" and r.blank_before and _ATX.match(r.text)]
    fences = sum(1 for r in shallow if r.text.startswith(("```", "~~~")))
    # **bold**, a link, `code` or an HTML tag: each needs a string looked for first
    marked_lines = {*facts.lines_holding("**", "](", "`"), *facts.lines_starting("<")}
    marks = sum(1 for k in marked_lines if _INLINE_MARKS.search(facts.texts[k]))
    tables = sum(1 for r in shallow if r.text[:1] in "|:-" and _TABLE_RULE.match(r.text))
    shape = []
    levels = {len(r.text) - len(r.text.lstrip("#")) for r in headings}
    # a text that opens with its heading needs less: a short page of links under one title
    opens = bool(headings) and headings[0] is next((r for r in raw if r.text), None)
    if (len(headings) >= 2 and (fences >= 2 or marks >= 3 or tables)) or (headings and front) \
            or (len(headings) >= 3 and len(levels) >= 2) \
            or (opens and (fences >= 2 or marks >= 2 or tables or len(levels) >= 2)):
        shape.append(f"{len(headings)} ATX headings (line {headings[0].line}...), "
                     f"{fences // 2} fenced block(s), {tables} table(s), "
                     f"{marks} line(s) with inline marks")
    if facts.texts and "<!--" in facts.texts[0] and lia_course(facts.texts[:120]):
        syntax.append("LiaScript course header (line 1...)")
        hits += 2
    if front and (liquid := [r.line for r in marked if _LIQUID_TAG.match(r.text)]):
        syntax.append(f"{len(liquid)} Liquid tag line(s) (line {liquid[0]}...)")
        hits += 1
    # a course tool's syntax twice, or once beside a heading or front matter (a Jekyll page)
    if not shape and not (hits >= 2 or (hits and (headings or front))):
        return []
    return ([f"YAML front matter (lines 1-{front})"] if front else []) + syntax + shape


def foreign_markdown(text: str) -> list[str]:
    """Evidence that a ``.md`` file in source/ was written for another course
    tool, not as an author's own lesson: front matter keys that another tool
    writes (jupytext, layout, teaching...: ``cues.FOREIGN_FRONT_MATTER``; an
    author's own keys beside ``title`` and ``part`` are left alone), or
    another tool's syntax (directives, fenced divs, kramdown classes, quiz
    syntaxes)."""
    evidence = []
    lines = text.split("\n")
    if lines and lines[0].strip() == "---":
        end = next((n for n, line in enumerate(lines[1:80], start=1) if line.rstrip() == "---"), 0)
        keys = {m.group(0).rstrip(": ") for line in lines[1:end] if (m := _YAML_KEY.match(line))}
        if foreign := sorted(k for k in keys if k.lower() in cues.FOREIGN_FRONT_MATTER):
            evidence.append(f"front matter keys {', '.join(foreign)}")
    if lia_course(lines):
        evidence.append("LiaScript course header")
    in_fence = False
    for n, line in enumerate(lines, start=1):
        stripped = line.strip()
        if stripped.startswith(("```", "~~~")) and not stripped.startswith(("```{", "~~~{")):
            in_fence = not in_fence
        if in_fence or len(line) - len(line.lstrip(" ")) >= 4:
            continue
        hit = next((name for name, pattern in _SYNTAX if pattern.match(stripped)), None)
        if hit:
            evidence.append(f"{hit} at line {n}")
            break
    return evidence


def _front_matter_end(raw: list) -> int:
    if not raw or raw[0].line != 1 or raw[0].text != "---":
        return 0
    keys = 0
    for r in raw[1:80]:
        if r.text == "---" and r.indent == 0:
            return r.line if keys else 0
        keys += r.indent == 0 and bool(_YAML_KEY.match(r.text))
    return 0


def markdown_lessons(text: str, report: Report) -> list[Lesson]:
    """A Markdown source's lessons, with their quizzes."""
    parsed = parse(text, report)
    blocks = _drop_chrome(parsed.blocks, parsed.link_lists, report)
    blocks = _attach_solutions(_headed_exercises(fold_gates(blocks), report), report)
    blocks, objectives = _metadata(blocks, parsed.meta, report)
    lessons = _split(_group_quizzes(blocks), parsed.meta, report)
    if lessons and objectives:
        lessons[0].objectives = objectives
    for lesson in lessons:
        _take_objectives(lesson)
        lesson.blocks = model_blocks(lesson.blocks)
        _levels(lesson)
        _mark_parent_sections(lesson.blocks)
        lesson.quizzes = [b.quiz for b in lesson.blocks if isinstance(b, ExerciseLink)]
        for step in STEPS:
            step(lesson, report)
        lesson.quizzes.sort(key=lambda quiz: quiz.line)  # in the source's order, wherever made
    lessons = [lesson for lesson in lessons if lesson.blocks or lesson.quizzes]
    name_lessons(lessons)
    return lessons


STEPS = [take_objectives, attribute_quotes, name_definitions, mark_list_roles, extract_exercises,
         note_list_numbers]
"""The structuring steps that Markdown needs: its headings, titles and
levels are the source's own, not guessed."""


# ---- a web page saved as Markdown (Python's html2text, a browser extension) ---

def _drop_chrome(blocks: list, link_lists: set[int], report: Report) -> list:
    """A site's furniture: lines such as "Skip to content" or "Back to top";
    menus (lists of links only) above the first heading; a footer (a
    copyright or "built with" line after the last heading), with the menus
    and short lines after it when nothing else follows."""
    headings = [k for k, b in enumerate(blocks) if isinstance(b, Heading)]
    first, last = (headings[0], headings[-1]) if headings else (len(blocks), len(blocks))
    footer = next((k for k in range(last, len(blocks)) if isinstance(blocks[k], Paragraph)
                   and cues.WEB_FOOTER.match(blocks[k].text)), None)
    dropped = set()
    if footer is not None:
        tail = range(footer + 1, len(blocks))
        dropped = {footer, *tail} if all(_furniture(blocks[k], link_lists) for k in tail) \
            else {footer}
    out = []
    for k, block in enumerate(blocks):
        menu = k < first and id(block) in link_lists and len(block.items) >= 2
        if isinstance(block, Paragraph) and _MDX_STATEMENTS.match(block.text):
            report.dropped(block.line, "MDX import or export statement", block.text[:60])
        elif menu or k in dropped or (isinstance(block, Paragraph)
                                      and cues.WEB_CHROME.match(block.text)):
            text = block.text if isinstance(block, Paragraph) else \
                " | ".join(item.text for item in getattr(block, "items", []))
            report.dropped(block.line, "page furniture line", text[:60])
        else:
            out.append(block)
    return out


# MDX (Docusaurus and the like): the page's import and export statements are code for
# the site's builder, not text ("import Tabs from '@theme/Tabs';").
_MDX_STATEMENTS = re.compile(
    r"^(?:(?:import\s[^;'\"]*\bfrom\s*['\"][^'\"]+['\"]|import\s*['\"][^'\"]+['\"]"
    r"|export\s+(?:const|let|default|function)\s[^;]*)\s*;?\s*)+$")


def _furniture(block, link_lists: set[int]) -> bool:
    return id(block) in link_lists or (isinstance(block, Paragraph) and len(block.text) < 80)


# ---- exercises and solutions -------------------------------------------------

def _attach_solutions(blocks: list, report: Report) -> list:
    """A solution is the answer of the exercise its label names, else of
    the exercise right before it (in the same section); a solution after
    plain text makes an exercise of that text: the blocks under an exercise
    heading, else the few blocks since the last heading."""
    out: list = []
    labelled: dict[str, Exercise] = {}
    last: Exercise | None = None
    for block in blocks:
        if isinstance(block, Inline):
            out += block
            continue
        if not isinstance(block, Solution):
            out.append(block)
            if isinstance(block, Exercise):
                last = block
                if block.label:
                    labelled[block.label] = block
            elif isinstance(block, Heading):
                last = None  # a new section: an unlabelled solution is not for the exercise above
            continue
        target = labelled.get(block.label) if block.label else None
        target = target or (last if out and out[-1] is last else None) or _asked(out)
        target = target or last
        if target is None and (target := _asked_last(out)) is not None:
            report.note(target.line, "the paragraph before a solution taken for its exercise")
        if target is None:
            report.note(block.line, "a solution stands before any exercise: kept in the text")
            out += block.blocks
        else:
            target.answer += block.blocks
            last = target
    return out


def _headed_exercises(blocks: list, report: Report) -> list:
    """Exercises written as headings: "## Exercises" with "### Exercise 1",
    "### Exercise 2" under it become exercises (labelled by their numbers);
    a "## Solutions" section whose headings or numbered items name the same
    numbers ("### Solution to Exercise 1") gives their answers, and leaves
    the lesson. Without such sub-headings nothing changes."""
    heads = [k for k, b in enumerate(blocks) if isinstance(b, Heading)]
    if not any(blocks[k].role == "exercise" for k in heads) \
            or not any(blocks[k].role == "answers" for k in heads):
        return blocks
    out: list = []
    asked: set[str] = set()
    k = 0
    while k < len(blocks):
        block = blocks[k]
        end = _section_end(blocks, k) if isinstance(block, Heading) else k + 1
        parts = _numbered_parts(blocks[k + 1:end], block.level) \
            if isinstance(block, Heading) and block.role in ("exercise", "answers") else []
        if parts and block.role == "answers" \
                and not {_number_label(head.text) for head, _ in parts} <= asked:
            report.note(block.line, f"'{block.text}' names exercises that are not there: "
                        "kept in the text")
            parts = []
        if parts:
            if block.role == "exercise":
                exercises = [_exercise(head, body) for head, body in parts]
                asked |= {e.label for e in exercises}
                out += [block, *exercises]
            else:
                report.note(block.line, f"'{block.text}': {len(parts)} answers given to the "
                            "exercises they name by number")
                out += [Solution(_number_label(head.text), head.line, demote_headings(body))
                        for head, body in parts]
            k = end
            continue
        out.append(block)
        k += 1
    return out


def _section_end(blocks: list, k: int) -> int:
    level = blocks[k].level
    return next((j for j in range(k + 1, len(blocks))
                 if isinstance(blocks[j], Heading) and blocks[j].level <= level), len(blocks))


def _numbered_parts(section: list, level: int) -> list[tuple[Heading, list]]:
    """The sub-sections of a section when it is made of them only, each with
    a heading that holds a number ("Exercise 2", "Solution to Exercise 2");
    else []."""
    if not section or not isinstance(section[0], Heading) or section[0].level <= level:
        return []
    parts: list[tuple[Heading, list]] = []
    for block in section:
        if isinstance(block, Heading) and block.level == section[0].level:
            if not _NUMBER.search(block.text):
                return []
            parts.append((block, []))
        else:
            parts[-1][1].append(block)
    return parts


def _exercise(head: Heading, body: list) -> Exercise:
    return Exercise("exercise", head.text, head.line, stem=demote_headings(body),
                    label=_number_label(head.text))


def _number_label(text: str) -> str:
    return "#" + _NUMBER.search(text).group(1)


_NUMBER = re.compile(r"(?<![\w.])(\d{1,3}(?:\.\d{1,3})*)(?![\w.]*\w)")


def _asked(out: list) -> Exercise | None:
    """The exercise that the text before a solution asks, taken out of ``out``:
    an exercise heading's section, or up to three blocks since the last heading."""
    start = len(out)
    while start > 0 and not isinstance(out[start - 1], Heading | Exercise | ExerciseLink):
        start -= 1
    head = out[start - 1] if start else None
    stem = out[start:]
    if not stem or any(isinstance(b, tuple) for b in stem):
        return None
    # "**Exercise:** Run it. Does it still work?", then a note or code, then the answer
    labelled = next((k for k in range(len(stem) - 1, max(-1, len(stem) - 7), -1)
                     if isinstance(stem[k], Paragraph) and cues.EXERCISE_LEAD.match(stem[k].text)),
                    None)
    if labelled is not None:
        title, first = _unlabelled(stem[labelled])
        exercise = Exercise("labelled", title, first.line, stem=[first, *stem[labelled + 1:]])
        del out[start + labelled:]
        out.append(exercise)
        return exercise
    if isinstance(head, Heading) and (head.role == "exercise" or cues.EXERCISES_WORD.search(
            head.text)):
        # the heading stays: it names the quiz, and ends the section before it
        exercise = Exercise("exercise", "", head.line, stem=stem)
        del out[start:]
    elif isinstance(stem[-1], StarterCode):  # the task is the paragraph before the code
        lead = len(out) - 2 if len(stem) > 1 and isinstance(stem[-2], Paragraph) else len(out) - 1
        exercise = Exercise("question", "", out[lead].line, stem=out[lead:])
        del out[lead:]
    elif len(stem) <= 3 and isinstance(stem[-1], Paragraph | ListBlock):
        if isinstance(head, Heading) and not isinstance(stem[0], Paragraph) \
                and (m := _NUMBERED_HEADING.match(head.text)) \
                and (head.text.endswith("?") or _lettered_options(stem[-1])):
            start -= 1  # "###### 3. What is printed?" over code and options: the question
            stem = [Paragraph(m.group(1), head.line), *stem]
        exercise = Exercise("question", "", stem[0].line, stem=stem)
        del out[start:]
    else:
        return None
    out.append(exercise)
    return exercise


def _unlabelled(paragraph: Paragraph) -> tuple[str, Paragraph]:
    """("Exercise", the paragraph without its label) for "**Exercise:** Run it"."""
    label, _, rest = paragraph.text.partition(":")
    marks = re.match(rf"^\s*([*_]{{0,2}}){re.escape(label.strip())}\s*(:?)\s*\1\s*:?\s*",
                     paragraph.markdown or "")
    markdown = paragraph.markdown[marks.end():] if marks else paragraph.markdown
    return label.strip(), Paragraph(rest.strip(), paragraph.line, markdown=markdown)


# A heading that may be a numbered question: "3. What is printed?", "Q3. Which one is true?".
_NUMBERED_HEADING = re.compile(r"^(?:q(?:uestion)?\s*)?\d{1,3}[.):]\s+(.+)$", re.I)


def _asked_last(out: list) -> Exercise | None:
    """Where the text before a solution is longer than an exercise (an
    explanation, then "show that ..." and a formula): the last paragraph
    since the last heading, and what follows it, is the exercise; the
    solution stays hidden behind it. None: no paragraph there."""
    start = len(out)
    while start > 0 and not isinstance(out[start - 1], Heading | Exercise | ExerciseLink):
        start -= 1
    lead = next((k for k in range(len(out) - 1, start - 1, -1)
                 if isinstance(out[k], Paragraph)), None)
    if lead is None or any(isinstance(b, tuple) for b in out[lead:]):
        return None
    exercise = Exercise("question", "", out[lead].line, stem=out[lead:])
    del out[lead:]
    out.append(exercise)
    return exercise


@dataclass
class _Objectives:
    """An objectives box, until the lesson it stands in takes it."""

    items: list[str]
    line: int


def _metadata(blocks: list, meta: dict, report: Report) -> tuple[list, list[str]]:
    """Objectives from the front matter (and objectives boxes, kept for
    their lesson); the other metadata boxes (questions the lesson answers,
    key points) are left out."""
    objectives = [str(o) for o in meta.get("objectives") or [] if isinstance(o, str | int)] \
        if isinstance(meta.get("objectives"), list) else []
    out = []
    for block in blocks:
        if not isinstance(block, tuple):
            out.append(block)
            continue
        _, name, inner = block
        lists = [b for b in inner if isinstance(b, ListBlock)]
        line = inner[0].line if inner else 0
        if name == "objectives" and lists:
            out.append(_Objectives([item.text for item in lists[0].items], line))
        else:
            report.dropped(line, "lesson metadata box", name)
    return out, objectives


def _take_objectives(lesson: Lesson) -> None:
    for block in lesson.blocks:
        if isinstance(block, _Objectives) and not lesson.objectives:
            lesson.objectives = block.items
    lesson.blocks = [b for b in lesson.blocks if not isinstance(b, _Objectives)]


def _group_quizzes(blocks: list) -> list:
    """Exercises become quizzes, linked where they stood. The text's one
    level-1 heading is its title, whatever its words ("# Tides: let's practice")."""
    out: list = []
    heads = [b for b in blocks if isinstance(b, Heading)]
    title = heads[0] if heads and heads[0].level == 1 \
        and sum(h.level == 1 for h in heads) == 1 else None
    if title is not None and title.role == "exercise":
        title.role = ""
        k = blocks.index(title)
        end = next((j for j in range(k + 1, len(blocks)) if isinstance(blocks[j], Heading)),
                   len(blocks))
        section = blocks[k + 1:end]
        if not any(isinstance(b, Exercise) for b in section) and any(
                isinstance(b, ListBlock) and b.ordered
                or isinstance(b, Paragraph) and b.text.rstrip().endswith("?") for b in section):
            # its questions are plain text: an exercise heading under the title heads them
            blocks = [*blocks[:k + 1], Heading(title.text, title.line, 2, "exercise"),
                      *blocks[k + 1:]]
    i = 0
    while i < len(blocks):
        block = blocks[i]
        if isinstance(block, Heading) and block is not title:
            end = next((j for j in range(i + 1, len(blocks)) if isinstance(blocks[j], Heading)),
                       len(blocks))
            section = blocks[i + 1:end]
            if any(isinstance(b, Exercise) for b in section) and (
                    block.role == "exercise" or cues.EXERCISES_WORD.search(block.text)
                    or (block.level > 1 and _only_questions(section))):  # (not the title)
                out += _exercise_section(block, section)
                i = end
                continue
        if isinstance(block, Exercise):
            if _untitled_question(block) and out and isinstance(out[-1], ExerciseLink) \
                    and i and _untitled_question(blocks[i - 1]):
                out[-1].quiz.questions.append(_question(block, []))  # a run of them: one quiz
                out[-1].quiz.title = "Questions"
                i += 1
                continue
            quiz = Quiz(block.title or block.name.capitalize(), block.line)
            quiz.questions.append(_question(block, []))
            out.append(ExerciseLink(quiz, block.line))
        else:
            out.append(block)
        i += 1
    return out


def _untitled_question(block) -> bool:
    """A question made of the text before a solution (see _asked), untitled."""
    return isinstance(block, Exercise) and block.name == "question" and not block.title \
        and block.question is None


def _only_questions(section: list) -> bool:
    """A section of quiz-syntax questions (edX, LiaScript...), after at most
    two lines of introduction: a quiz, whatever its heading says."""
    lead = 0
    while lead < len(section) and isinstance(section[lead], Paragraph):
        lead += 1
    rest = section[lead:]
    return lead <= 2 and bool(rest) and all(
        isinstance(b, Exercise) and b.question is not None for b in rest)


def _exercise_section(heading: Heading, section: list) -> list:
    """An exercise heading's section: one quiz; text before the first
    exercise introduces it, text between two leads into the next, text after
    the last stays in the lesson."""
    quiz = Quiz(heading.text, heading.line)
    last = max(k for k, b in enumerate(section) if isinstance(b, Exercise))
    lead: list = []
    for block in section[:last + 1]:
        if not isinstance(block, Exercise):
            lead.append(block)
        elif not quiz.questions:
            quiz.intro, lead = model_blocks(lead), []
            quiz.questions.append(_question(block, []))
        else:
            quiz.questions.append(_question(block, lead))
            lead = []
    return [ExerciseLink(quiz, heading.line), *section[last + 1:]]


def _question(exercise: Exercise, lead: list) -> Question:
    """The question an exercise asks: a parsed quiz-syntax question as it
    is, else the stem's first paragraph as the prompt and the whole stem as
    its body; a solution is the model answer, never invented."""
    exercise.stem, exercise.answer = model_blocks(exercise.stem), model_blocks(exercise.answer)
    if exercise.question is not None:
        question = exercise.question
        if exercise.answer and not question.explanation:
            question.explanation = plain_text(exercise.answer)
            question.explanation_body = exercise.answer
        return question
    stem = lead + exercise.stem
    # a labelled task ("**Exercise:** ...") asks its own paragraph; the text before leads to it
    first = next((b for b in (exercise.stem if exercise.name == "labelled" else stem)
                  if isinstance(b, Paragraph)), None)
    prompt = first.text if first else (plain_text(stem) or exercise.title)
    question = Question(prompt, first.line if first else exercise.line)
    if len(stem) > 1 or (first and markup(first.text, first.markdown)):
        question.body = stem
    if exercise.answer:
        question.model_answer = plain_text(exercise.answer)
        question.answer_body = exercise.answer
    if _numbered_choice(question, exercise, stem) or _lettered_choice(question, stem):
        return question
    # without a solution nothing is invented: a reflection when the source
    # calls it a discussion or it asks for the learner's own views, else open
    question.kind = QuestionKind.REFLECTION if exercise.name in cues.MD_REFLECTIONS or (
        question.model_answer is None and cues.REFLECTION_PROMPT.search(plain_text(stem))) \
        else QuestionKind.OPEN
    return question


def _numbered_choice(question: Question, exercise: Exercise, stem: list) -> bool:
    """A challenge whose stem ends in a numbered list of short options (after
    its question, with code or other text before it), and whose solution
    names one of them by its number ("Option 2 is correct") or judges each
    in a numbered list of its own ("1. No: ...", "2. Yes: ..."): a choice
    question on those options. Only then."""
    lists = [b for b in stem if isinstance(b, ListBlock)]
    if len(lists) != 1 or stem[-1] is not lists[0] or not lists[0].ordered \
            or not question.model_answer:
        return False
    items = lists[0].items
    if not (2 <= len(items) <= 10) or any(i.children or len(i.text) > 160 for i in items):
        return False
    correct = _picked(exercise.answer, len(items))
    if not correct:
        return False
    lead = stem[:-1]
    first = next((b for b in lead if isinstance(b, Paragraph)), None)
    question.prompt = first.text if first else exercise.title
    question.options = [i.text for i in items]
    marks = [markup(i.text, i.markdown) for i in items]
    question.options_markdown = marks if any(marks) else []
    question.correct = correct
    question.explanation, question.model_answer = question.model_answer, None
    question.explanation_body, question.answer_body = question.answer_body, []
    question.body = lead if len(lead) > 1 or (first and markup(first.text, first.markdown)) \
        else []
    question.kind = QuestionKind.SINGLE_CHOICE if len(correct) == 1 \
        else QuestionKind.MULTIPLE_CHOICE
    return True


_OPTION_LETTER = re.compile(r"^\(?([A-Ha-h])(?:[:.]|\))\s+(?=\S)")
_ANSWER_LETTERS = re.compile(  # "D", "(b)", "A, C", "B. the option's text"
    r"^\(?([A-H])\)?((?:\s*(?:,|&|and)\s*\(?[A-H]\)?)*)\s*(?:$|[.:)]\s*)(.*)$", re.I | re.S)


def _lettered_options(block) -> bool:
    """A list of two to eight items lettered in turn from A (or a)."""
    if not isinstance(block, ListBlock) or not 2 <= len(block.items) <= 8:
        return False
    marks = [_OPTION_LETTER.match(i.text) for i in block.items]
    return all(marks) and not any(i.children for i in block.items) \
        and "".join(m.group(1) for m in marks).upper() == "ABCDEFGH"[:len(marks)]


def _lettered_choice(question: Question, stem: list) -> bool:
    """A question whose stem ends in a list of options lettered in turn ("- A:
    ...", "- B: ...", or "a)", "(a)", "A."), after its prompt: a choice
    question on those options. Its solution's first paragraph names the
    right one(s) by letter ("Answer: D", "B", "A, C"), the rest explains;
    a solution that names no option leaves the question as it was, and
    without one no option is marked right (nothing invented)."""
    if len(stem) < 2 or not _lettered_options(stem[-1]):
        return False
    items = stem[-1].items
    marks = [_OPTION_LETTER.match(i.text) for i in items]
    correct: list[int] = []
    explanation = ""
    if question.model_answer is not None:
        first, _, rest = question.model_answer.partition("\n\n")
        label = cues.ANSWER_LABEL.match(first.strip())
        m = _ANSWER_LETTERS.match(label.group(1) if label else first.strip())
        if not m:
            return False
        letters = [m.group(1), *re.findall(r"[A-H]", m.group(2), re.I)]
        correct = sorted({ord(x.upper()) - ord("A") for x in letters})
        if correct[-1] >= len(items):
            return False
        explanation = "\n\n".join(p for p in (m.group(3).strip(), rest.strip()) if p)
    lead = stem[:-1]
    first_paragraph = next((b for b in lead if isinstance(b, Paragraph)), None)
    question.prompt = first_paragraph.text if first_paragraph else question.prompt
    question.options = [i.text[m.end():].strip() for i, m in zip(items, marks)]
    shown = [markup(o, _OPTION_LETTER.sub("", i.markdown, count=1).strip())
             for o, i in zip(question.options, items)]
    question.options_markdown = shown if any(shown) else []
    question.correct = correct
    question.explanation, question.model_answer = explanation, None
    question.explanation_body = question.answer_body[1:] if explanation else []
    question.answer_body = []
    question.body = lead if len(lead) > 1 else []
    question.kind = infer_kind(question.options, correct, None)
    return True


def _picked(answer: list, count: int) -> list[int]:
    """The options (0-based) that a solution marks right, of ``count``
    numbered options: one named by its number in the solution's first
    paragraph, or those a numbered list of verdicts, one per option, says yes
    to; empty when the solution says neither."""
    if not answer:
        return []
    first = answer[0]
    if isinstance(first, Paragraph):
        m = cues.MD_OPTION_PICKED.match(first.text.strip())
        return [int(m.group(1)) - 1] if m and 1 <= int(m.group(1)) <= count \
            and not any(isinstance(b, ListBlock) for b in answer) else []
    if not isinstance(first, ListBlock) or not first.ordered or len(first.items) != count \
            or [i.number for i in first.items] not in ([None] * count, list(range(1, count + 1))):
        return []
    verdicts = [cues.MD_VERDICT.match(i.text) for i in first.items]
    said = [k for k, v in enumerate(verdicts) if v]
    right = [k for k in said if verdicts[k].group(1).lower() in cues.MD_VERDICT_YES]
    # every option judged; or only the right ones said so, the others explained
    return right if len(said) == count or (right and right == said) else []


def model_blocks(blocks: list) -> list:
    """Only the model's blocks: an exercise or a solution nested where no
    quiz is made of it (inside another exercise) gives its blocks, in place."""
    out: list = []
    for block in blocks:
        if isinstance(block, Exercise):
            title = [Paragraph(block.title, block.line, markdown=f"**{escape(block.title)}**")] \
                if block.title else []
            out += title + model_blocks(block.stem) + model_blocks(block.answer)
            if block.question is not None:
                out.append(Paragraph(block.question.prompt, block.line))
        elif isinstance(block, StarterCode):
            out += [RawMarkdown(block.text, block.line)] if block.text else []
        elif isinstance(block, Solution | Inline):
            out += model_blocks(list(block.blocks if isinstance(block, Solution) else block))
        elif not isinstance(block, Gate | tuple | _Objectives):
            out.append(block)
    return out


# ---- lessons -------------------------------------------------------------------

def _split(blocks: list, meta: dict, report: Report) -> list[Lesson]:
    """One lesson, titled by the front matter or its one top heading; or one
    lesson per top heading when there are several with headings under them."""
    title = plain(meta["title"]) if isinstance(meta.get("title"), str) else ""  # `code` -> code
    headings = [k for k, b in enumerate(blocks) if isinstance(b, Heading) and b.role != "exercise"]
    line = blocks[0].line if blocks else 1
    if title.strip() or not headings:
        if not title.strip():
            report.warn(line, "no title found for this lesson",
                        "start the text with a '# Title' line, or set a title in source/course.yml",
                        topic=Topic.TITLE)
        else:
            report.note(1, f"lesson title '{title.strip()}' taken from the front matter",
                        topic=Topic.TITLE)
            if headings and _same(blocks[headings[0]].text, title):
                blocks = blocks[:headings[0]] + blocks[headings[0] + 1:]  # the title again
        return [Lesson(title.strip() or UNTITLED, line, blocks=blocks)]
    top = min(blocks[k].level for k in headings)
    tops = [k for k in headings if blocks[k].level == top]
    if len(tops) > 1 and any(blocks[k].level > top for k in headings):
        lessons = []
        for n, k in enumerate(tops):
            end = tops[n + 1] if n + 1 < len(tops) else len(blocks)
            lessons.append(Lesson(blocks[k].text, blocks[k].line, blocks=blocks[k + 1:end]))
        lessons[0].blocks[:0] = blocks[:tops[0]]
        report.note(blocks[tops[0]].line, f"{len(tops)} lessons, one per level-{top} heading "
                    "(each has headings under it)", topic=Topic.TITLE)
        return lessons
    first = tops[0]
    report.note(blocks[first].line, f"lesson title '{blocks[first].text}' taken from the "
                f"{'only' if len(tops) == 1 else 'first'} level-{top} heading", topic=Topic.TITLE)
    return [Lesson(blocks[first].text, blocks[first].line,
                   blocks=blocks[:first] + blocks[first + 1:])]


def _same(one: str, other: str) -> bool:
    return " ".join(one.split()).casefold() == " ".join(other.split()).casefold()


def _levels(lesson: Lesson) -> None:
    """The lesson's highest headings are level 2, the ones under them 3..."""
    headings = [b for b in lesson.blocks if isinstance(b, Heading)]
    if not headings:
        return
    shift = 2 - min(h.level for h in headings)
    for heading in headings:
        heading.level = min(6, max(2, heading.level + shift))


def _mark_parent_sections(blocks: list) -> None:
    """A heading that a cue word names an exercise heading ("## Exercises")
    but that heads sub-sections of the lesson's own (not "### Exercise 2"),
    with no question before the first of them, is a section over them: the
    hands-on part of a lesson, not a quiz (its "Important" box is no question)."""
    for k, block in enumerate(blocks):
        if not isinstance(block, Heading) or not cues.EXERCISES_WORD.search(block.text):
            continue
        nxt = next((j for j in range(k + 1, len(blocks)) if isinstance(blocks[j], Heading)), None)
        if nxt is None or blocks[nxt].level <= block.level:
            continue
        sub = blocks[nxt].text
        lead = blocks[k + 1:nxt]
        if cues.EXERCISES_WORD.search(sub) or _NUMBER.search(sub) or heading_role(sub) \
                or any(isinstance(b, ListBlock | ExerciseLink)
                       or (isinstance(b, Paragraph) and b.text.rstrip().endswith("?"))
                       for b in lead):
            continue
        block.role = "sections"

