"""Lessons that authors write themselves, in Markdown, in ``source/``.

    ---
    title: Handling Phone Complaints     # required (or a first '# ' heading)
    part: Our Own Lessons                # optional: the part's title
    ---

    Lesson text in Markdown ...

    ## Check yourself                    # a heading right above questions
                                         # names the exercise
    !!! question single-choice "Question 1"
        ...

Question blocks (the syntax of ``quizzes``) move to the lesson's quiz page;
the lesson keeps a link where they stood, as for imported tutorials. The
author's Markdown is theirs: it is published as written, not escaped.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from build_course.diagnostics import CourseError
from build_course.manifest import SourceEntry
from build_course.model import ExerciseLink, Lesson, Part, Quiz, RawMarkdown, SourceText
from build_course.quiz.kinds import QuestionKind
from build_course.quiz.syntax import find_blocks, parse_blocks
from build_course.slugs import slugify, unique

_HEADING = re.compile(r"^(?P<hashes>#{1,6}) +(?P<text>.+?) *$")
NEW_LESSON = """---
title: {title}
---

Write the lesson here, in Markdown: paragraphs, lists, `## Headings`, quotes.

## Check yourself

One example of each kind of question; keep, change or delete them.

!!! question {single_choice} "Question 1"

    Which option is correct?

    - A. This one is not.
    - B. This one is.

    ??? success "Show answer"

        **Answer: B.** Say here why B is right.

!!! question {multiple_choice} "Question 2"

    Which two options are correct?

    - A. This one.
    - B. Not this one.
    - C. And this one.

    ??? success "Show answer"

        **Answer: A, C.**

!!! question {true_false} "Question 3"

    A statement the learner judges.

    - A. True.
    - B. False.

    ??? success "Show answer"

        **Answer: A.**

!!! question {open} "Question 4"

    A question with a model answer.

    ??? success "Show model answer"

        What a good answer would say.

!!! question {reflection} "Question 5"

    A question with no single right answer.

    *Reflect and write your own answer: there is no single right answer.*

!!! question {matching} "Question 6"

    Match each term to its explanation.

    1. A term.
    2. Another term.

    *Explanations:*

    - A. What the other term means.
    - B. What the first term means.

    ??? success "Show answer"

        **Answer: 1 B, 2 A.**
"""


def import_markdown(source: SourceText, name: str, entry: SourceEntry | None) -> Part:
    """An author's Markdown lesson as a part with one lesson."""
    meta, body, offset = split_front_matter(source.text, name)
    lines = body.split("\n")
    title = str(meta.get("title") or "").strip()
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is not None and (m := _HEADING.match(lines[first])) and len(m.group("hashes")) == 1:
        title = title or m.group("text")
        lines[first] = ""  # the page template writes the title
    if not title:
        raise CourseError(name, 1, "this lesson has no title",
                          "add front matter with 'title: ...' at the top")
    lesson = Lesson(title=title, line=offset + 1, slug=slugify(title))
    lesson.blocks, lesson.quizzes = _split(lines, name, offset)
    entry = entry or SourceEntry(file=source.path.name, line=0)
    return Part(source=source.path.name, title=entry.title or str(meta.get("part") or title),
                display=name, publisher=entry.publisher, original=entry.original,
                lessons=[lesson])


def split_front_matter(text: str, name: str) -> tuple[dict, str, int]:
    """(front matter, body, number of lines before the body). The front
    matter runs from a first line ``---`` to the next line ``---`` (which
    may be the second line: an empty front matter, or the file's end)."""
    if not text.startswith("---\n"):
        return {}, text, 0
    lines = text.split("\n")
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() == "---"), None)
    if end is None:
        raise CourseError(name, 1, "the front matter is not closed", "end it with a line '---'")
    try:
        meta = yaml.safe_load("\n".join(lines[1:end])) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise CourseError(name, mark.line + 2 if mark else 1, "bad YAML in the front matter",
                          "fix the quoting or indentation there") from None
    except RecursionError:
        raise CourseError(name, 2, "the front matter nests too deeply",
                          "write 'title: ...' on one line") from None
    if not isinstance(meta, dict):
        raise CourseError(name, 2, "the front matter is not a mapping", "write 'title: ...'")
    for key in ("title", "part"):
        if isinstance(meta.get(key), dict | list):
            raise CourseError(name, 2, f"'{key}' in the front matter must be a single value",
                              f"write '{key}: ...' on one line")
    return meta, "\n".join(lines[end + 1:]), end + 1


def _split(lines: list[str], name: str, offset: int):
    """Lesson blocks (Markdown and exercise links) and the quizzes."""
    blocks, quizzes, errors = [], [], []
    taken: set[str] = set()
    position = 0
    for start, end in _runs(find_blocks(lines), lines):
        head = _heading_above(lines, position, start)
        title = _HEADING.match(lines[head]).group("text") if head is not None else "Self-check"
        cut = head if head is not None else start
        text = "\n".join(lines[start:end])
        found, problems = parse_blocks(text, name, offset + start)
        errors += [p for p in problems if p.severity == "error"]
        intro = "\n".join(lines[head + 1:start]).strip() if head is not None else ""
        quiz = Quiz(title, offset + cut + 1, slug=unique(slugify(title), taken),
                    intro=[RawMarkdown(intro, offset + head + 2)] if intro else [],
                    questions=[b.question for b in found])
        _add_markdown(blocks, lines[position:cut], offset + position)
        blocks.append(ExerciseLink(quiz, offset + cut + 1))
        quizzes.append(quiz)
        position = end
    _add_markdown(blocks, lines[position:], offset + position)
    if errors:
        raise CourseError.of(errors)
    return blocks, quizzes


def _runs(blocks: list[tuple[int, int]], lines: list[str]) -> list[tuple[int, int]]:
    """Question blocks with only blank lines between them form one exercise."""
    runs: list[tuple[int, int]] = []
    for start, end in blocks:
        if runs and not any(line.strip() for line in lines[runs[-1][1]:start]):
            runs[-1] = (runs[-1][0], end)
        else:
            runs.append((start, end))
    return runs


def _heading_above(lines: list[str], position: int, start: int) -> int | None:
    """The heading that introduces the questions at ``start``, if the text
    between them is only an introduction (no other heading)."""
    for i in range(start - 1, position - 1, -1):
        if _HEADING.match(lines[i]):
            return i
    return None


def _add_markdown(blocks: list, lines: list[str], line: int) -> None:
    text = "\n".join(lines).strip("\n")
    if text.strip():
        blocks.append(RawMarkdown(text, line + 1))


def new_lesson(source_dir: Path, title: str) -> Path:
    """Create ``source/<slug>.md`` from the template; refuse to overwrite."""
    path = source_dir / f"{slugify(title)}.md"
    if path.exists():
        raise CourseError(str(path), 0, "a lesson with this name exists already",
                          "choose another title or edit that file")
    source_dir.mkdir(parents=True, exist_ok=True)
    kinds = {kind.value: kind.css_class for kind in QuestionKind}
    path.write_text(NEW_LESSON.format(title=_yaml_title(title), **kinds), encoding="utf-8")
    return path


def _yaml_title(title: str) -> str:
    import json
    return json.dumps(title, ensure_ascii=False)
