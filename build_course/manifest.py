"""The course manifest, ``source/course.yml``.

    title: Customer Service Essentials        # the course title
    description: A short course for ...       # optional, shown on the home page
    site_url: https://intranet.example/cs/    # optional
    sources:                                  # the order of the parts
      - file: webucator-customer-service-basics.txt
        title: Customer Service Basics        # optional: found in the text
        publisher: Webucator                  # optional: shown as attribution
        original: 000_d4e74cce0eb2e755.txt    # optional: the file as received

Every key is checked; a typo gets the line and the key it was meant to be.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .errors import CourseError, CourseErrors

COURSE_KEYS = ("title", "description", "site_url", "version", "sources")
SOURCE_KEYS = ("file", "title", "publisher", "original")


@dataclass
class SourceEntry:
    file: str
    line: int
    title: str = ""
    publisher: str = ""
    original: str = ""


@dataclass
class Manifest:
    path: Path
    title: str = "Course"
    description: str = ""
    site_url: str = ""
    version: str = ""
    sources: list[SourceEntry] = field(default_factory=list)


def load_manifest(path: Path, display: str) -> Manifest:
    """Read and check the manifest; a missing manifest is an empty one."""
    if not path.exists():
        return Manifest(path=path)
    try:
        node = yaml.compose(path.read_text(encoding="utf-8"))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        raise CourseError(display, line, f"bad YAML at column {column}: {exc.problem}",
                          "fix the indentation or quoting there") from None
    except UnicodeDecodeError:
        raise CourseError(display, 0, "the manifest is not UTF-8 text",
                          "save it as UTF-8") from None
    errors: list[CourseError] = []
    manifest = _course(node, path, display, errors)
    if errors:
        raise CourseErrors(errors)
    return manifest


def _course(node, path: Path, display: str, errors: list[CourseError]) -> Manifest:
    manifest = Manifest(path=path)
    if node is None:
        return manifest
    if not isinstance(node, yaml.MappingNode):
        errors.append(CourseError(display, node.start_mark.line + 1,
                                  "the manifest must be a mapping of keys",
                                  "start with 'title: ...' and 'sources:'"))
        return manifest
    for key, value in _pairs(node, COURSE_KEYS, display, errors):
        if key == "sources":
            manifest.sources = _sources(value, display, errors)
        else:
            setattr(manifest, key, _scalar(value, key, display, errors))
    return manifest


def _sources(node, display: str, errors: list[CourseError]) -> list[SourceEntry]:
    if not isinstance(node, yaml.SequenceNode):
        errors.append(CourseError(display, node.start_mark.line + 1,
                                  "'sources' must be a list",
                                  "write each source as '- file: NAME'"))
        return []
    entries: list[SourceEntry] = []
    seen: dict[str, int] = {}
    for item in node.value:
        line = item.start_mark.line + 1
        if isinstance(item, yaml.ScalarNode):
            entry = SourceEntry(file=item.value, line=line)
        elif isinstance(item, yaml.MappingNode):
            values = {k: _scalar(v, k, display, errors)
                      for k, v in _pairs(item, SOURCE_KEYS, display, errors)}
            if "file" not in values:
                errors.append(CourseError(display, line, "this source has no 'file'",
                                          "add 'file: NAME.txt' (a file in source/)"))
                continue
            entry = SourceEntry(line=line, **values)
        else:
            errors.append(CourseError(display, line, "a source must be a file name or a mapping",
                                      "write '- file: NAME.txt'"))
            continue
        if entry.file in seen:
            errors.append(CourseError(display, line, f"'{entry.file}' is listed twice "
                                      f"(first on line {seen[entry.file]})", "remove one entry"))
            continue
        seen[entry.file] = line
        entries.append(entry)
    return entries


def _pairs(node, allowed: tuple[str, ...], display: str, errors: list[CourseError]):
    for key_node, value in node.value:
        key = key_node.value
        if key in allowed:
            yield key, value
            continue
        close = difflib.get_close_matches(str(key), allowed, n=1)
        hint = f"did you mean '{close[0]}'?" if close else f"allowed keys: {', '.join(allowed)}"
        errors.append(CourseError(display, key_node.start_mark.line + 1,
                                  f"unknown key '{key}'", hint))


def _scalar(node, key: str, display: str, errors: list[CourseError]) -> str:
    if isinstance(node, yaml.ScalarNode):
        return str(node.value)
    errors.append(CourseError(display, node.start_mark.line + 1,
                              f"'{key}' must be a single value", "write it on one line"))
    return ""
