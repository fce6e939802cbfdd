"""What every engine needs from a course beyond the author's mkdocs.yml.

Both engines get the same things, each in its own way (the ``course``
MkDocs plugin, or the configuration generated for Zensical):

- the navigation the build recorded in ``docs/.build-course.json``, when
  mkdocs.yml has no ``nav`` of its own;
- the quiz script and style (static files: the quiz behaviour is plain
  JavaScript over the rendered Markdown, not an engine hook);
- ``*.md.new`` files (new versions of pages an author edited) left out;
- Python-Markdown's ``sane_lists`` extension, without which a numbered
  list always starts at 1 (a list the source goes on with at step 4 would
  restart; build/rendering.py writes each list's real start).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import quote

import yaml

from build_course.publish.assets import CSS, JS

EXCLUDED = "*.md.new"
MARKDOWN_EXTENSIONS = ["sane_lists"]
"""The Markdown extensions a course's pages need beyond the author's."""
URL_SAFE = "-._~:/?#[]@!$&()*+,;=%"  # RFC 3986 characters that are not markup


def safe_url(url: str) -> str:
    """A site_url from mkdocs.yml (the build checks only the manifest's and
    --site-url's) with what would end an HTML attribute percent-encoded."""
    return quote(url, safe=URL_SAFE)


def recorded_nav(docs_dir: Path) -> list | None:
    """The navigation ``build-course build`` recorded beside the pages, if any."""
    try:
        nav = json.loads((docs_dir / ".build-course.json").read_text(encoding="utf-8")).get("nav")
    except (OSError, ValueError, AttributeError):
        return None
    return nav if isinstance(nav, list) and nav else None


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml's plain settings; ``!ENV``, ``!!python/name`` and
    other tags become None (the engine resolves them, not us)."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def author_settings(config_file: Path) -> dict[str, Any]:
    """The author's mkdocs.yml as plain data (with its INHERIT resolved)."""
    data = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_TolerantLoader) or {}
    if not isinstance(data, dict):
        return {}
    parent = data.pop("INHERIT", None)
    if isinstance(parent, str) and (config_file.parent / parent).is_file():
        return {**author_settings(config_file.parent / parent), **data}
    return data


def extension_names(extensions: Any) -> set[str]:
    """The names in a ``markdown_extensions`` setting (a list of names and
    one-entry mappings, or a mapping)."""
    if isinstance(extensions, dict):
        return {str(k) for k in extensions}
    names: set[str] = set()
    for entry in extensions if isinstance(extensions, list) else []:
        names |= {str(k) for k in entry} if isinstance(entry, dict) else {str(entry)}
    return names


def course_additions(settings: dict[str, Any], docs_dir: Path) -> dict[str, Any]:
    """What to add to the author's settings: only what they lack, so that
    merging (lists are appended, mappings merged) keeps everything theirs."""
    added: dict[str, Any] = {}
    nav = recorded_nav(docs_dir)
    if not settings.get("nav") and nav:
        added["nav"] = nav
    css = [p for p in CSS if p not in (settings.get("extra_css") or [])]
    given_js = [s if isinstance(s, str) else (s or {}).get("path")
                for s in settings.get("extra_javascript") or []]
    js = [p for p in JS if p not in given_js]
    if css:
        added["extra_css"] = css
    if js:
        added["extra_javascript"] = js
    extensions = settings.get("markdown_extensions")
    lacking = [e for e in MARKDOWN_EXTENSIONS if e not in extension_names(extensions)]
    if lacking and isinstance(extensions, list):
        added["markdown_extensions"] = lacking
    elif lacking and isinstance(extensions, dict):
        added["markdown_extensions"] = {name: {} for name in lacking}
    excluded = settings.get("exclude_docs") or ""
    if EXCLUDED not in str(excluded).split():
        added["exclude_docs"] = f"{str(excluded).rstrip()}\n{EXCLUDED}\n".lstrip()
    return added
