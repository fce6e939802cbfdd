"""Build the site with Zensical, the successor of Material for MkDocs.

Zensical reads mkdocs.yml but runs no third-party plugin, so what the
``course`` plugin gives MkDocs is given here another way, leaving the
author's mkdocs.yml untouched:

- a generated configuration, ``.build-course-zensical.yml`` beside
  mkdocs.yml, that ``INHERIT``s from it and adds only what it lacks (the
  recorded navigation, the quiz script and style, ``*.md.new`` excluded,
  the classic look of Material); it is removed after the build. It must
  stand beside mkdocs.yml: Zensical 0.0.73 reads the relative paths of the
  configuration it inherits (``theme.custom_dir``) from the generated file's
  folder, and stops (a Rust panic) on an absolute ``docs_dir``. ``serve``
  does not watch it (nor Zensical's ``.cache/``): publish/serving.py;
- the quiz files copied into the built site;
- the external-asset check run over the built pages.

Zensical runs in a process of its own (its Rust runtime keeps global
state); it must write inside the project, so it builds into a hidden
folder there that then replaces ``site_dir`` as the MkDocs build does.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from build_course.build.writing import prepare_swap, remove, swap_in
from build_course.diagnostics import CourseError, UsageError
from build_course.publish.assets import (
    CSS,
    JS,
    WORKER_SHIM,
    external_asset_warning,
    external_assets,
    served,
)
from build_course.publish.site_config import (
    MARKDOWN_EXTENSIONS,
    author_settings,
    course_additions,
    safe_url,
)

GENERATED = ".build-course-zensical.yml"
BUILD_DIR = ".build-course-zensical-site"
DOCS_COPY = ".build-course-zensical-docs"
INSTALL = "install it with: pip install 'build-course[zensical]'"
_ANSI = re.compile(r"\x1b\[[0-9;]*m")
_WHERE = re.compile(r"\[\s*(\S+?):(\d+)(?::\d+)?\s*\]")


def available() -> bool:
    return importlib.util.find_spec("zensical") is not None


def build_zensical_site(config_file: Path, site_dir: Path, strict: bool = False,
                        site_url: str | None = None, offline: bool = False) -> list[str]:
    """Build the site into ``site_dir`` with Zensical; return its warnings
    and those of the external-asset check."""
    if not available():
        raise UsageError(config_file.name, 0, "the Zensical engine is not installed", INSTALL)
    root = config_file.parent
    build_dir, generated = root / BUILD_DIR, root / GENERATED
    for leftover in (build_dir, root / DOCS_COPY, generated):  # a killed build's, whatever
        remove(leftover)
    try:
        text, warnings = _configuration(config_file, site_url, offline)
        generated.write_text(text, encoding="utf-8")
        warnings += _run(root, generated, strict)
        _add_course_files(build_dir, offline)
        warnings += asset_warnings(build_dir)
        if strict and warnings:
            raise CourseError(config_file.name, 0, "Zensical warned (--strict):\n  "
                              + "\n  ".join(warnings), "fix these; the previous site was kept")
        site_dir.parent.mkdir(parents=True, exist_ok=True)
        staging = prepare_swap(site_dir)
        shutil.move(build_dir, staging)
        swap_in(staging, site_dir)
    finally:
        for leftover in (build_dir, root / DOCS_COPY, generated):
            remove(leftover)
    return warnings


def _configuration(config_file: Path, site_url: str | None,
                   offline: bool) -> tuple[str, list[str]]:
    """The generated configuration, and the warnings of copying docs/."""
    try:
        settings = author_settings(config_file)
    except yaml.YAMLError as exc:  # MkDocs says so itself; Zensical's configuration is ours
        mark = getattr(exc, "problem_mark", None)
        raise CourseError(config_file.name, mark.line + 1 if mark else 0,
                          f"not valid YAML ({getattr(exc, 'problem', None) or exc})",
                          "fix the YAML; the previous site was kept") from None
    docs_dir = config_file.parent / str(settings.get("docs_dir") or "docs")
    config: dict = {"INHERIT": config_file.name, **course_additions(settings, docs_dir),
                    "site_dir": BUILD_DIR, "docs_dir": DOCS_COPY}
    warnings = _copy_docs(docs_dir, config_file.parent / DOCS_COPY)
    if "nav" in config:
        config["nav"] = escaped_nav(config["nav"])
    if settings.get("markdown_extensions") is None:
        config["markdown_extensions"] = default_extensions()
    theme = settings.get("theme") if isinstance(settings.get("theme"), dict) else {}
    if "variant" not in theme:
        config["theme"] = {"variant": "classic"}  # Material's look, as under MkDocs
    if site_url or settings.get("site_url"):
        config["site_url"] = safe_url(str(site_url or settings["site_url"]))
    if offline:
        config["use_directory_urls"] = False
        extra = settings.get("extra") if isinstance(settings.get("extra"), dict) else {}
        if WORKER_SHIM not in (extra.get("polyfills") or []):
            config["extra"] = {"polyfills": [WORKER_SHIM]}
    return ("# Generated by build-course for one Zensical build; edit mkdocs.yml instead.\n"
            + yaml.safe_dump(config, allow_unicode=True, sort_keys=False)), warnings


def default_extensions() -> dict:
    """Zensical's own Markdown extensions (those it uses when mkdocs.yml
    names none: naming any replaces them all) and the course's. Functions in
    their settings are given by name, as a configuration names them."""
    from zensical.config import DEFAULT_MARKDOWN_EXTENSIONS

    def plain(value):
        if callable(value):
            return f"{value.__module__}.{value.__name__}"
        if isinstance(value, dict):
            return {k: plain(v) for k, v in value.items()}
        return [plain(v) for v in value] if isinstance(value, list) else value
    return {**plain(DEFAULT_MARKDOWN_EXTENSIONS), **{name: {} for name in MARKDOWN_EXTENSIONS}}


def escaped(title: str) -> str:
    """A title from a source, safe where Zensical prints it as HTML. Only
    ``<`` needs escaping there; Zensical escapes titles in attributes itself,
    so escaping ``&`` would show "Q&amp;A" to screen readers."""
    return title.replace("<", "&lt;")


def escaped_nav(nav: list) -> list:
    """The recorded navigation with its titles (text from sources) escaped:
    Zensical prints navigation titles into pages as they are."""
    def entry(item):
        if isinstance(item, dict):
            return {escaped(str(k)): entry(v) for k, v in item.items()}
        if isinstance(item, list):
            return [entry(i) for i in item]
        return item
    return entry(nav)


def _copy_docs(docs: Path, copy: Path) -> list[str]:
    """docs/ as Zensical reads it, and warnings: page titles (front matter,
    text from a source) escaped, as the ``course`` plugin does under MkDocs;
    a link to a file outside docs/ left out, as there. docs/ itself stays as
    the build and the author left it."""
    if not docs.is_dir():
        raise CourseError("docs", 0, "there is no docs/ folder to build",
                          "run build-course build first")
    real, warnings = os.path.realpath(docs), []

    def left_out(folder: str, names: list[str]) -> set[str]:
        out = {n for n in names if n.endswith(".md.new") or n == ".build-course.json"}
        for name in set(names) - out:
            path = os.path.join(folder, name)
            if os.path.commonpath([os.path.realpath(path), real]) != real:
                out.add(name)
                warnings.append(f"docs/{Path(path).relative_to(docs).as_posix()}: a link to a "
                                "file outside docs/, left out of the site; copy the file into "
                                "docs/ instead of linking to it")
        return out

    shutil.copytree(docs, copy, ignore=left_out)
    for page in copy.rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        front = _FRONT.match(text)
        if front and "<" in front[1]:
            page.write_text(_escaped_front(front[1]) + text[front.end():], encoding="utf-8")
    return warnings


_FRONT = re.compile(r"---\n(.*?\n)---\n", re.S)


def _escaped_front(front: str) -> str:
    try:
        meta = yaml.safe_load(front)
    except yaml.YAMLError:
        return f"---\n{front}---\n"
    if isinstance(meta, dict) and isinstance(meta.get("title"), str):
        meta["title"] = escaped(meta["title"])
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n"


def _run(root: Path, generated: Path, strict: bool) -> list[str]:
    command = [sys.executable, "-m", "zensical", "build", "-f", str(generated)]
    env = {**os.environ, "NO_COLOR": "1"}
    run = subprocess.run(command + (["--strict"] if strict else []), cwd=root, env=env,
                         capture_output=True, text=True)
    output = _ANSI.sub("", run.stdout + run.stderr)
    warnings = zensical_warnings(output)
    if run.returncode != 0:
        said = "\n  ".join(warnings or [line for line in output.splitlines() if line.strip()][-8:])
        raise CourseError(generated.with_name("mkdocs.yml").name, 0,
                          f"Zensical stopped:\n  {said}",
                          "fix the problem above; the previous site was kept")
    return warnings


def zensical_warnings(output: str) -> list[str]:
    """``docs/page.md:12: message`` for each warning in Zensical's report
    (``Zensical: message`` for one that names no page)."""
    found: list[str] = []
    message = None
    for line in output.splitlines():
        head = re.match(r"\s*(Warning|Error):\s*(.*)", line)
        if head:
            if message:
                found.append(f"Zensical: {message}")
            message = head[2].strip()
            continue
        where = _WHERE.search(line)
        if message and where:
            found.append(f"docs/{where[1]}:{where[2]}: {message}")
            message = None
    if message:
        found.append(f"Zensical: {message}")
    return found


def _add_course_files(site: Path, offline: bool) -> None:
    for path in CSS + JS + [WORKER_SHIM]:
        target = site / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(served(Path(path).name))
    index = site / "search.json"
    if offline and index.is_file():
        # Zensical's search reads search.js (not search.json) from disk
        data = index.read_text(encoding="utf-8")
        (site / "search.js").write_text(f"var __index = {data}", encoding="utf-8")


def asset_warnings(site: Path) -> list[str]:
    """The external-asset check over every built page, in path order."""
    warnings = []
    for page in sorted(site.rglob("*.html")):
        name = page.relative_to(site).as_posix()
        for url, where in external_assets(page.read_text(encoding="utf-8", errors="replace")):
            warnings.append(external_asset_warning(name, url, where))
    return warnings
