"""Errors that reach an author: what is wrong, where, and how to fix it."""

from __future__ import annotations

# Exit codes, documented in the README.
EXIT_OK = 0
EXIT_CONTENT = 1
EXIT_USAGE = 2


class CourseError(Exception):
    """A problem in the author's input; printed as ``file:line: message; hint``."""

    exit_code = EXIT_CONTENT

    def __init__(self, file: str, line: int, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.file = file
        self.line = line
        self.message = message
        self.hint = hint

    def __reduce__(self):
        # Rebuilt from its fields when a worker process hands it back.
        return self.__class__, (self.file, self.line, self.message, self.hint)

    def format_message(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        text = f"{where}: {self.message}"
        return f"{text}; {self.hint}" if self.hint else text


class CourseErrors(Exception):
    """Several content errors collected before giving up once."""

    exit_code = EXIT_CONTENT

    def __init__(self, errors: list[CourseError]) -> None:
        super().__init__(f"{len(errors)} errors")
        self.errors = errors

    def format_message(self) -> str:
        return "\n".join(e.format_message() for e in self.errors)


class UsageError(CourseError):
    """The command was called wrongly."""

    exit_code = EXIT_USAGE
