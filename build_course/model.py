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
from build_course.quiz.kinds import QuestionKind


@dataclass
class SourceText:
    """A raw tutorial file, decoded."""

    path: Path
    """Where the file is."""
    text: str
    """Its text: decoded, mojibake repaired, line ends made "\\n", controls removed."""
    encoding: str
    """The encoding it was read in ("utf-8", "cp1252", "utf-16"...)."""


@dataclass(slots=True)
class Line:
    """One logical line after cleaning (wrapped lines already joined)."""

    text: str
    """The line's text, without its list marker."""
    line: int
    """The 1-based line in the raw file where it starts."""
    indent: int = 0
    """Leading spaces in the raw text."""
    bullet: str = ""
    """The kind of list marker found: "" (not a list item), "•" (any bullet
    glyph or dash), "o" (a letter o used as a bullet), "1" (a number),
    "a" (a letter), " " (a bullet glyph lost in extraction: only its space is left)."""
    number: int | None = None
    """The item's number (for "1" and "a" bullets: a=1, b=2...)."""
    page_start: bool = False
    """The first line of a page of a PDF extraction."""
    chapter: str = ""
    """The chapter title, on the first line of a chapter found by its markers."""
    kind: str = ""
    """What a family's passes found from layout: "heading", "exercise" (a
    heading that names an exercise), "code" (a line of a code block, kept as
    it stands), "box" (a box's title: a heading that is no section), "label"
    (a label inside an exercise: a bold line), "text" (never a heading); ""
    when unknown."""
    kicker: str = ""
    """With ``chapter``: the chapter's label, shown above its title ("CHAPTER I")."""


# ---- blocks -------------------------------------------------------------

@dataclass
class Heading:
    text: str
    line: int
    level: int = 2
    """2 for a section, 3 for a section within one."""
    role: str = ""
    """What the heading announces: "", "exercise", "answers", "goals",
    "readings" or "activities" (from the cue words in importer/cues.py)."""


@dataclass
class Paragraph:
    text: str
    line: int
    markdown: str = ""
    """Safe Markdown of the text with its inline marks (imported Markdown)."""
    asks: bool = False
    """A question found by its label ("Q: Name the three states of water."),
    which may not end with a question mark."""


@dataclass
class ListItem:
    text: str
    line: int
    number: int | None = None
    """The item's own number in a numbered list (kept, never renumbered)."""
    children: list[ListItem] = field(default_factory=list)
    """Nested items (or a question's options)."""
    term: str = ""
    """"Being prompt" in "Being prompt: Whatever ..."; shown in bold."""
    term_sep: str = ":"
    """What stood between the term and the text (":" or " –")."""
    markdown: str = ""
    """Safe Markdown of the text with its inline marks (imported Markdown)."""


@dataclass
class ListBlock:
    items: list[ListItem]
    line: int
    ordered: bool = False
    """Numbered or lettered (rendered with the items' own numbers)."""
    lettered: bool = False
    """Its items were lettered (``a.``, ``B)``): their numbers stand for letters."""
    role: str = ""
    """"", "goals", "readings", "activities" or "terms" (a list of Term – text)."""


@dataclass
class Quote:
    text: str
    """The quotation, with its quote marks."""
    line: int
    attribution: str = ""
    """Who said it, when the text names them."""
    link: str = ""
    """Where it was quoted from, when the text gives an address."""


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

@dataclass
class Question:
    prompt: str
    """The question's text, without its number."""
    line: int
    kind: QuestionKind = QuestionKind.REFLECTION
    """single_choice, multiple_choice, true_false, open (answerable from the
    lesson) or reflection (no right answer); see ``quiz/kinds.py``."""
    options: list[str] = field(default_factory=list)
    """The options' texts, without their letters (A, B, C... in order)."""
    options_markdown: list[str] = field(default_factory=list)
    """The options as safe Markdown, in the same order, where the source wrote
    them in Markdown (their inline marks kept, raw HTML left out; see
    importer/markdown_inline.py); empty for plain text, which the page escapes."""
    correct: list[int] = field(default_factory=list)
    """Indexes of the right options; empty when the source gives no key. In
    a matching question, the index of each term's explanation, term by term."""
    terms: list[str] = field(default_factory=list)
    """A matching question's terms (numbered 1, 2, 3...), matched to ``options``."""
    model_answer: str | None = None
    """The source's answer to an open question; None when it gives none
    (nothing is ever invented)."""
    explanation: str = ""
    """Text of the answer key beyond the letter: why the answer is right."""
    explanation_body: list[Block] = field(default_factory=list)
    """The explanation as blocks when the source wrote it in Markdown."""
    generated: bool = False
    """Made by the build from the lesson's text (quiz/generate.py), not
    written by the author; the page says so."""
    see: str = ""
    """Where in the lesson the answer stands (a section's title)."""
    body: list[Block] = field(default_factory=list)
    """The whole stem when it is more than plain text (code, lists, inline
    marks: imported Markdown); ``prompt`` is its plain text."""
    answer_body: list[Block] = field(default_factory=list)
    """The whole model answer when it is more than plain text (imported Markdown)."""


@dataclass
class Quiz:
    """One exercise: its scenario and its questions."""

    title: str
    line: int
    slug: str = ""
    """The quiz page's name under its lesson's folder."""
    duration: str = ""
    """How long the exercise takes, as the source says ("5 to 10 minutes")."""
    intro: list[Block] = field(default_factory=list)
    """The exercise's scenario or instructions, shown above the questions."""
    questions: list[Question] = field(default_factory=list)


@dataclass
class Section:
    title: str
    level: int
    line: int


UNTITLED = "Untitled lesson"
"""The title of a lesson whose text gives none (a part of one such lesson
gives it the part's title, from the manifest or the file's name)."""


@dataclass
class Lesson:
    title: str
    line: int
    slug: str = ""
    """The lesson page's name under its part's folder."""
    blocks: list[Block] = field(default_factory=list)
    """The lesson's body, in order."""
    kicker: str = ""
    """A banner or label shown above the title ("Lesson 1")."""
    objectives: list[str] = field(default_factory=list)
    """The lesson's goals, when the source lists them (none are made up)."""
    objectives_title: str = "Objectives"
    """The heading the source gave its goals."""
    quizzes: list[Quiz] = field(default_factory=list)
    role: str = "lesson"
    """"lesson", or "about" for the text before a book's first chapter."""
    folder: str = ""
    """Its pages' folder in docs/ when not its part's: an edited lesson keeps
    its address when its source or title is renamed (build/identity.py)."""

    @property
    def sections(self) -> list[Section]:
        found = []
        for b in self.blocks:
            if isinstance(b, Heading) and b.role not in ("exercise", "box"):
                found.append(Section(b.text, b.level, b.line))
            elif isinstance(b, RawMarkdown):
                fence = ""  # a "## comment" line in fenced code is code
                for n, line in enumerate(b.text.split("\n")):
                    if line.startswith(("```", "~~~")):
                        mark = line[:len(line) - len(line.lstrip(line[0]))]
                        fence = "" if fence and mark.startswith(fence) else fence or mark
                        continue
                    hashes, _, text = line.partition(" ")
                    if not fence and hashes in ("##", "###") and text.strip():
                        found.append(Section(text.strip(), len(hashes), b.line + n))
        return found


@dataclass
class Part:
    """What one source became: a part of the course with its lessons."""

    source: str
    """The source file's name."""
    title: str
    display: str = ""
    """The source's path as shown in messages."""
    slug: str = ""
    """The part's folder under docs/."""
    publisher: str = ""
    """Who published the original (from the manifest)."""
    original: str = ""
    """The original's title or address (from the manifest)."""
    lessons: list[Lesson] = field(default_factory=list)
    duplicate_of: str | None = None
    """The source this one repeats (its lessons are then dropped)."""
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
    """Relative to docs/, with "/" separators."""
    text: str
    title: str = ""
    source: str = ""
    """The source file it comes from (kept in the build record, so that
    renaming the source or the lesson's title keeps an edited page attached)."""
    lesson: str = ""
    """The lesson's slug."""
    position: int = 0
    """The lesson's place in its source."""
    kind: str = ""
    """"home", "lesson" or "quiz"."""


@dataclass
class Course:
    """The whole course as the renderer sees it."""

    title: str
    description: str
    parts: list[Part]
