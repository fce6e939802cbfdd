"""Publish: build the static site from docs/ with MkDocs.

MkDocs writes into a staging folder beside ``site/``; only when it
succeeds does that folder replace ``site/``, so a failed build leaves the
last good site in place.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Callable
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, ConfigurationError

from build_course.build.writing import prepare_swap, swap_in
from build_course.diagnostics import CourseError


class _Counter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []
        self.errors: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        kept = self.errors if record.levelno >= logging.ERROR else self.messages
        kept.append(record.getMessage())


NO_SITE_URL = ("note: no site_url (set it in source/course.yml or pass --site-url URL); "
               "every page works at any address except the 404 page, whose links assume /")


def build_site(config_file: Path, site_dir: Path, strict: bool = False,
               site_url: str | None = None,
               prepare: Callable[[MkDocsConfig], None] | None = None) -> list[str]:
    """Build the site into ``site_dir``; return MkDocs' warnings.

    ``prepare`` may change the loaded configuration before MkDocs builds
    (the offline copy does); without it, a missing site_url is said once.
    """
    overrides = {"site_url": site_url} if site_url else {}
    counter = _Counter()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(counter)
    staging = prepare_swap(site_dir)
    staging.mkdir()
    try:
        config = load_config(config_file=str(config_file), site_dir=str(staging),
                             strict=strict, **overrides)
        if prepare is not None:
            prepare(config)
        elif not config.site_url:
            print(NO_SITE_URL)
        mkdocs_build(config)
        swap_in(staging, site_dir)
    except (ConfigurationError, Abort) as exc:
        said = "; ".join(counter.errors) or str(exc)  # what MkDocs logged, or its exception
        raise CourseError(str(config_file.name), 0, f"MkDocs stopped: {said}",
                          f"fix it in {config_file.name}; the previous site was kept") from None
    finally:
        logger.removeHandler(counter)
        shutil.rmtree(staging, ignore_errors=True)
    return counter.messages
