"""Plain data passed between the pipeline stages.

read -> SourceText -> clean -> list[Line] -> segment -> list[Block]
-> structure -> Part (lessons, sections, quizzes) -> render -> Page -> write.

Every object that came from a source carries ``line``: the 1-based line
number in the raw file, so that any warning can point an author at it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from build_course.diagnostics import Diagnostic


@dataclass
class SourceText:
    """A raw tutorial file, decoded."""

    path: Path
    text: str
    encoding: str


@dataclass(slots=True)
class Line:
    """One logical line after cleaning (wrapped lines already joined).

    ``indent`` counts leading spaces in the raw text; ``bullet`` is the list
    marker that was found ("-" for any bullet glyph, "1." style for numbers),
    or "" when the line is not a list item.
    """

    text: str
    line: int
    indent: int = 0
    bullet: str = ""
    number: int | None = None
    level: int = 0
    page_start: bool = False
    chapter: str = ""  # set on the first line of a chapter found by markers


# ---- blocks -------------------------------------------------------------

@dataclass
class Heading:
    text: str
    line: int
    level: int = 2
    role: str = ""  # "", "exercise", "answers", "goals", "readings", "activities"


@dataclass
class Paragraph:
    text: str
    line: int


@dataclass
class ListItem:
    text: str
    line: int
    number: int | None = None
    children: list[ListItem] = field(default_factory=list)
    term: str = ""  # "Being prompt" in "Being prompt: Whatever ..."; shown in bold
    term_sep: str = ":"


@dataclass
class ListBlock:
    items: list[ListItem]
    line: int
    ordered: bool = False
    role: str = ""  # "", "goals", "readings", "activities", "terms"


@dataclass
class Quote:
    text: str
    line: int
    attribution: str = ""
    link: str = ""


@dataclass
class Turn:
    speaker: str
    text: str
    line: int


@dataclass
class Dialogue:
    turns: list[Turn]
    line: int


@dataclass
class Definition:
    term: str
    text: str
    line: int


@dataclass
class RawMarkdown:
    """Markdown an author wrote: published as written, never escaped."""

    text: str
    line: int


@dataclass
class ExerciseLink:
    """Where an exercise stood in a lesson; rendered as a link to the quiz."""

    quiz: Quiz
    line: int


Block = Heading | Paragraph | ListBlock | Quote | Dialogue | Definition | ExerciseLink | RawMarkdown


# ---- quizzes ------------------------------------------------------------

QUESTION_KINDS = ("single_choice", "multiple_choice", "true_false", "open", "reflection")


@dataclass
class Question:
    prompt: str
    line: int
    kind: str = "reflection"
    options: list[str] = field(default_factory=list)
    correct: list[int] = field(default_factory=list)
    model_answer: str | None = None
    explanation: str = ""
    generated: bool = False


@dataclass
class Quiz:
    """One exercise: its scenario and its questions."""

    title: str
    line: int
    slug: str = ""
    duration: str = ""
    intro: list[Block] = field(default_factory=list)
    questions: list[Question] = field(default_factory=list)


@dataclass
class Section:
    title: str
    level: int
    line: int


@dataclass
class Lesson:
    title: str
    line: int
    slug: str = ""
    blocks: list[Block] = field(default_factory=list)
    kicker: str = ""  # a banner or label shown above the title ("Lesson 1")
    objectives: list[str] = field(default_factory=list)
    objectives_title: str = "Objectives"
    quizzes: list[Quiz] = field(default_factory=list)
    role: str = "lesson"  # "lesson" or "about"

    @property
    def sections(self) -> list[Section]:
        found = []
        for b in self.blocks:
            if isinstance(b, Heading) and b.role != "exercise":
                found.append(Section(b.text, b.level, b.line))
            elif isinstance(b, RawMarkdown):
                for n, line in enumerate(b.text.split("\n")):
                    hashes, _, text = line.partition(" ")
                    if hashes in ("##", "###") and text.strip():
                        found.append(Section(text.strip(), len(hashes), b.line + n))
        return found


@dataclass
class Part:
    """What one source became: a part of the course with its lessons."""

    source: str
    title: str
    display: str = ""  # the source's path as shown in messages
    slug: str = ""
    publisher: str = ""
    original: str = ""
    lessons: list[Lesson] = field(default_factory=list)
    duplicate_of: str | None = None
    family: str = ""
    """The family its raw text was read as (see ``importer/families.py``)."""
    family_evidence: list[str] = field(default_factory=list)
    """Why: what the family's detector found."""
    diagnostics: list[Diagnostic] = field(default_factory=list)
    """Every warning and review note of the source, from reading to structuring."""


@dataclass
class Page:
    """A file for docs/: its path relative to docs/ and its text."""

    path: str
    text: str
    title: str = ""
