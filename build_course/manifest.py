"""The course manifest, ``source/course.yml``.

    title: Customer Service Essentials        # the course title
    description: A short course for ...       # optional, shown on the home page
    site_url: https://intranet.example/cs/    # optional
    mastery_score: 80                         # optional: % to pass, in an LMS (SCORM)
    sources:                                  # the order of the parts
      - file: webucator-customer-service-basics.txt
        title: Customer Service Basics        # optional: found in the text
        publisher: Webucator                  # optional: shown as attribution
        original: 000_d4e74cce0eb2e755.txt    # optional: the file as received

Every key is checked; a typo gets the line and the key it was meant to be.
"""

from __future__ import annotations

import difflib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath, PureWindowsPath

import yaml

from build_course.diagnostics import CourseError

# libyaml's loader where PyYAML has it: the pure Python one takes a fifth of a
# second for a manifest of 400 sources.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_UNSEEN_BREAKS = dict.fromkeys(map(ord, "\x85\u2028\u2029"), " ")
COURSE_KEYS = ("title", "description", "site_url", "version", "mastery_score",
               "generate_questions", "sources")
SOURCE_KEYS = ("file", "title", "publisher", "original", "generate_questions")
# Switches: a self-check is generated for lessons without exercises unless turned off.
_FLAGS = {"true": True, "yes": True, "on": True, "false": False, "no": False, "off": False}


@dataclass
class SourceEntry:
    file: str
    line: int
    title: str = ""
    publisher: str = ""
    original: str = ""
    generate_questions: bool = True
    """False: no self-check is generated for this source's lessons."""


@dataclass
class Manifest:
    path: Path
    title: str = "Course"
    description: str = ""
    site_url: str = ""
    version: str = ""
    mastery_score: int | None = None
    generate_questions: bool = True
    """False: no self-check is generated for any lesson of the course."""
    sources: list[SourceEntry] = field(default_factory=list)


def load_manifest(path: Path, display: str) -> Manifest:
    """Read and check the manifest; a missing manifest is an empty one."""
    if not path.exists():
        return Manifest(path=path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CourseError(display, 0, f"cannot read the manifest ({exc.strerror})",
                          "make it a readable file, or remove it") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise CourseError(display, line, "the manifest is not UTF-8 text",
                          "save it as UTF-8") from None
    # YAML also breaks lines at NEL, LS and PS, which editors show inside a
    # line: read as spaces, a message's line number is the line the author sees.
    text = text.translate(_UNSEEN_BREAKS)
    try:
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        raise CourseError(display, line, f"bad YAML at column {column}: {exc.problem}",
                          "fix the indentation or quoting there") from None
    except yaml.YAMLError as exc:  # e.g. a control character the YAML reader refuses
        position = getattr(exc, "position", 0)
        line = text.count("\n", 0, position) + 1
        column = position - (text.rfind("\n", 0, position) + 1) + 1
        raise CourseError(display, line, f"bad YAML at column {column}: "
                          f"{getattr(exc, 'reason', None) or exc}",
                          "remove the character or retype the line") from None
    errors: list[CourseError] = []
    manifest = _course(node, path, display, errors, lambda: _alias_lines(text))
    if errors:
        raise CourseError.combine(errors)
    return manifest


def _course(node, path: Path, display: str, errors: list[CourseError],
            aliases=lambda: []) -> Manifest:
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
            manifest.sources = _sources(value, display, errors, aliases)
        elif key == "generate_questions":
            manifest.generate_questions = _flag(value, key, display, errors)
        elif (text := _scalar(value, key, display, errors)) and key == "site_url" \
                and (problem := site_url_problem(text)):
            errors.append(CourseError(display, value.start_mark.line + 1, problem, SITE_URL_HINT))
        elif text and key == "mastery_score":
            manifest.mastery_score = _mastery(text, value.start_mark.line + 1, display, errors)
        elif text:
            setattr(manifest, key, text)  # an empty value keeps the default
    return manifest


def _mastery(text: str, line: int, display: str, errors: list[CourseError]) -> int | None:
    if text.isdigit() and int(text) <= 100:
        return int(text)
    errors.append(CourseError(display, line, f"mastery_score '{text}' is not a whole number "
                              "from 0 to 100", "write the percentage a learner needs to pass, "
                              "e.g. 'mastery_score: 80'"))
    return None


SITE_URL_HINT = "write the address the site is served from, e.g. https://intranet.example/course/"
# What a site address may hold: the characters RFC 3986 allows in a URL,
# but the quotes and angle brackets that would end an HTML attribute or tag
# (no whitespace or control character either).
_URL_CHARS = re.compile(r"[A-Za-z0-9\-._~:/?#\[\]@!$&()*+,;=%]*")
_URL_SHAPE = re.compile(r"https?://[^/?#@\s]+(?:[/?#].*)?", re.I | re.S)


def site_url_problem(url: str) -> str:
    """Why ``url`` cannot be the site's address, or "": it must be an
    http(s) URL with a host and nothing that is markup in HTML."""
    if not _URL_SHAPE.fullmatch(url):
        return f"the site_url '{url}' is not an http:// or https:// address with a host"
    if not _URL_CHARS.fullmatch(url):
        bad = next(c for c in url if not _URL_CHARS.fullmatch(c))
        return f"the site_url has a character no address holds ({bad!r})"
    return ""


def _alias_lines(text: str) -> list[int]:
    """The lines of the text's YAML aliases (``*name``), in order."""
    try:
        return [t.start_mark.line + 1 for t in yaml.scan(text, Loader=_LOADER)
                if isinstance(t, yaml.AliasToken)]
    except yaml.YAMLError:
        return []


def _sources(node, display: str, errors: list[CourseError], aliases=lambda: []
             ) -> list[SourceEntry]:
    if isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null"):
        return []  # "sources:" with nothing under it yet
    if not isinstance(node, yaml.SequenceNode):
        errors.append(CourseError(display, node.start_mark.line + 1,
                                  "'sources' must be a list",
                                  "write each source as '- file: NAME'"))
        return []
    entries: list[SourceEntry] = []
    seen: dict[str, int] = {}
    nodes: set[int] = set()
    previous = 0
    for item in node.value:
        # An alias (*name) is the anchored node itself, marked where the
        # anchor is: its own line is found among the text's aliases.
        line = item.start_mark.line + 1 if id(item) not in nodes \
            else next((n for n in aliases() if n > previous), previous)
        nodes.add(id(item))
        previous = line
        if isinstance(item, yaml.ScalarNode):
            entry = SourceEntry(file=item.value, line=line)
        elif isinstance(item, yaml.MappingNode):
            values = {k: _flag(v, k, display, errors) if k == "generate_questions"
                      else _scalar(v, k, display, errors)
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
        if problem := _file_problem(entry.file):
            errors.append(CourseError(display, line, problem,
                                      "name a file in source/, e.g. 'file: lesson-1.txt'"))
            continue
        entry.file = PurePosixPath(entry.file.replace("\\", "/")).as_posix()
        if entry.file in seen:
            errors.append(CourseError(display, line, f"'{entry.file}' is listed twice "
                                      f"(first on line {seen[entry.file]})", "remove one entry"))
            continue
        seen[entry.file] = line
        entries.append(entry)
    return entries


def _file_problem(name: str) -> str:
    """Why ``name`` cannot be a source, or "": it must name a file in source/."""
    if not name.strip():
        return "this source's file name is empty"
    path = PurePosixPath(name.replace("\\", "/"))
    if path.is_absolute() or PureWindowsPath(name).is_absolute() or ".." in path.parts:
        return f"the source file '{name}' is outside source/"
    return ""


def _pairs(node, allowed: tuple[str, ...], display: str, errors: list[CourseError]):
    seen: dict[str, int] = {}
    for key_node, value in node.value:
        key = key_node.value if isinstance(key_node, yaml.ScalarNode) else "?"
        line = key_node.start_mark.line + 1
        if key in allowed and key in seen:
            errors.append(CourseError(display, line, f"'{key}' is given twice "
                                      f"(first on line {seen[key]})", "remove one of them"))
            continue
        if key in allowed:
            seen[key] = line
            yield key, value
            continue
        close = difflib.get_close_matches(str(key), allowed, n=1)
        hint = f"did you mean '{close[0]}'?" if close else f"allowed keys: {', '.join(allowed)}"
        errors.append(CourseError(display, line, f"unknown key '{key}'", hint))


def _flag(node, key: str, display: str, errors: list[CourseError]) -> bool:
    """A yes/no setting (true, false, yes, no, on, off)."""
    text = _scalar(node, key, display, errors).strip().lower()
    if text not in _FLAGS:
        errors.append(CourseError(display, node.start_mark.line + 1,
                                  f"'{key}' must be true or false, not '{text}'",
                                  f"write '{key}: false' to turn it off"))
        return True
    return _FLAGS[text]


def _scalar(node, key: str, display: str, errors: list[CourseError]) -> str:
    if isinstance(node, yaml.ScalarNode):
        return "" if node.tag.endswith(":null") else str(node.value)  # 'title: null' is no title
    errors.append(CourseError(display, node.start_mark.line + 1,
                              f"'{key}' must be a single value", "write it on one line"))
    return ""


def register_source(path: Path, file: str, title: str) -> None:
    """Add a source at the end of the manifest's ``sources``. The file is
    edited with a round-trip YAML library (ruamel.yaml): every comment, key
    order and quoting of the author's stays as it was."""
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    editor = YAML()  # round-trip
    editor.preserve_quotes = True
    editor.width = 4096  # no re-wrapping of long lines
    editor.indent(mapping=2, sequence=4, offset=2)  # "  - file: ..." as the shipped manifest
    text = path.read_text(encoding="utf-8-sig") if path.exists() else "title: Course\n"
    data = editor.load(text)
    if data is None:
        data = CommentedMap()
    if not isinstance(data, dict):
        raise CourseError(str(path), 1, "the manifest is not a mapping of keys",
                          "start it with 'title: ...' and 'sources:'")
    if not isinstance(data.get("sources"), list):
        data["sources"] = CommentedSeq()
    data["sources"].append(CommentedMap([("file", file), ("title", title)]))
    partial = path.with_name(f".{path.name}.new")
    with open(partial, "w", encoding="utf-8", newline="\n") as stream:
        editor.dump(data, stream)
    os.replace(partial, path)
