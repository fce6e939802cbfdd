"""What the build says to an author: one diagnostic type, one collector,
one exception.

- ``Diagnostic``: a problem or a doubt at a place, printed as
  ``file:line: what is wrong; how to fix it``, with a ``Severity``.
- ``Report``: the collector every stage reports into (reading, cleaning,
  structuring, the duplicate check); what it holds travels with the part.
- ``CourseError``: the one exception that reaches an author (in the manner
  of Click's ``ClickException``): it carries one or more error diagnostics
  and the exit code; the command line prints ``format_message()`` and
  exits with ``exit_code``, never a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

# Exit codes, documented in the README.
EXIT_OK = 0
EXIT_CONTENT = 1
EXIT_USAGE = 2


class Severity(StrEnum):
    """How much a diagnostic matters (a ``str``: compares equal to its value)."""

    ERROR = "error"  # the build stops: nothing is written
    WARNING = "warning"  # something to fix; the build goes on
    NOTE = "note"  # a guess of the importer's, on the review list


class Topic(StrEnum):
    """What a review note is about; the review list is ranked in this order,
    the doubts with the most consequence for a learner first."""

    TITLE = "title"  # where a lesson's title came from
    DROPPED = "dropped"  # content taken out (running headers, menus, boilerplate...)
    ANSWERS = "answers"  # answer keys not attached, or partly attached
    KIND = "kind"  # a question whose kind was guessed
    HEADING = "heading"  # a heading taken on weak evidence
    OTHER = "other"
    ROUTINE = "routine"  # routine drops (page numbers): one summary line


@dataclass
class Diagnostic:
    """A problem found in an input, reported as ``file:line: message; hint``."""

    file: str
    """The file as shown to the author (relative to the project where it can be)."""
    line: int
    """1-based line in that file; 0 when the problem is about the whole file."""
    message: str
    """What is wrong, in the author's terms."""
    hint: str = ""
    """How to fix it."""
    severity: Severity = Severity.WARNING
    topic: Topic = Topic.OTHER
    """For a review note: what it is about (ranks the review list)."""
    group: str = ""
    """Notes of one group (e.g. "page number") are summed up as one line."""
    place: str = ""
    """Where in a PDF or Word file ("page 3", "paragraph 12"), said instead of the line."""

    def format(self) -> str:
        where = f"{self.file}:{self.place}" if self.place else \
            f"{self.file}:{self.line}" if self.line else self.file
        text = f"{where}: {self.message}"
        return f"{text}; {self.hint}" if self.hint else text


class Report:
    """Collects the diagnostics of one source, as the stages find them."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.items: list[Diagnostic] = []

    def add(self, line: int, message: str, hint: str = "",
            severity: Severity = Severity.WARNING) -> None:
        self.items.append(Diagnostic(self.name, line, message, hint, Severity(severity)))

    def warn(self, line: int, message: str, hint: str = "", topic: Topic = Topic.OTHER) -> None:
        """Something the author should fix."""
        self.items.append(Diagnostic(self.name, line, message, hint, Severity.WARNING, topic))

    def note(self, line: int, message: str, hint: str = "", topic: Topic = Topic.OTHER) -> None:
        """A guess of the importer's, for the review list."""
        self.items.append(Diagnostic(self.name, line, message, hint, Severity.NOTE, topic))

    def dropped(self, line: int, what: str, text: str, routine: bool = False) -> None:
        """A line taken out of the text as ``what`` ("running header"):
        summed up with the others of its kind on the review list."""
        self.items.append(Diagnostic(self.name, line, f"dropped {what} '{text}'", "",
                                     Severity.NOTE, Topic.ROUTINE if routine else Topic.DROPPED,
                                     what))


_RANK = list(Topic)


def review_list(diagnostics: list[Diagnostic], samples: int = 3) -> list[Diagnostic]:
    """What a person should look at in an import, the most consequential
    first (see ``Topic``): the notes, and the warnings that are about a
    reviewed topic. Notes of one group ("running header") become one line
    that counts them and shows a few; routine drops come last."""
    picked = [d for d in diagnostics
              if d.severity == Severity.NOTE or (d.severity == Severity.WARNING
                                                 and d.topic != Topic.OTHER)]
    out: list[Diagnostic] = []
    groups: dict[tuple[str, str], list[Diagnostic]] = {}
    for item in picked:
        if item.group:
            groups.setdefault((item.file, item.group), []).append(item)
        else:
            out.append(item)
    for (_, what), items in groups.items():
        out.append(items[0] if len(items) == 1 else _summed(what, items, samples))
    return sorted(out, key=lambda d: (_RANK.index(d.topic), d.file, d.line))


def _summed(what: str, items: list[Diagnostic], samples: int) -> Diagnostic:
    shown = ", ".join(f"'{_quoted(d.message)}' (line {d.line})" for d in items[:samples])
    more = f" and {len(items) - samples} more" if len(items) > samples else ""
    first = items[0]
    plural = _plural(what)
    return Diagnostic(first.file, first.line, f"dropped {len(items)} lines as {plural}: "
                      f"{shown}{more}", "", Severity.NOTE, first.topic, first.group)


def _plural(what: str) -> str:
    """'box for teachers' -> 'boxes for teachers', 'directive' -> 'directives'."""
    head, sep, tail = what.partition(" for ")
    noun = f"{head}es" if head.endswith(("s", "x", "ch", "sh")) else f"{head}s"
    return noun + sep + tail


def _quoted(message: str) -> str:
    return message.split("'", 1)[1].rsplit("'", 1)[0] if message.count("'") >= 2 else message


class CourseError(Exception):
    """A problem in the author's input: one or more error diagnostics."""

    exit_code = EXIT_CONTENT

    def __init__(self, file: str, line: int, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.diagnostics = [Diagnostic(file, line, message, hint, Severity.ERROR)]

    @classmethod
    def combine(cls, errors: list[CourseError]) -> CourseError:
        """Several errors collected before giving up once, as one."""
        return cls.of([d for error in errors for d in error.diagnostics])

    @classmethod
    def of(cls, diagnostics: list[Diagnostic]) -> CourseError:
        """One exception for several problems, each reported as an error."""
        first = diagnostics[0]
        error = cls(first.file, first.line, first.message, first.hint)
        error.diagnostics = [Diagnostic(d.file, d.line, d.message, d.hint, Severity.ERROR)
                             for d in diagnostics]
        return error

    # the first diagnostic's fields, for code and tests that look at one error
    file = property(lambda self: self.diagnostics[0].file)
    line = property(lambda self: self.diagnostics[0].line)
    message = property(lambda self: self.diagnostics[0].message)
    hint = property(lambda self: self.diagnostics[0].hint)

    @property
    def errors(self) -> list[CourseError]:
        """Each problem as an exception of its own."""
        return [type(self).of([d]) for d in self.diagnostics]

    def __reduce__(self):
        # Rebuilt from its diagnostics when a worker process hands it back.
        return _rebuild, (type(self), self.diagnostics)

    def format_message(self) -> str:
        return "\n".join(d.format() for d in self.diagnostics)


def _rebuild(cls: type[CourseError], diagnostics: list[Diagnostic]) -> CourseError:
    return cls.of(diagnostics)


class UsageError(CourseError):
    """The command was called wrongly."""

    exit_code = EXIT_USAGE
