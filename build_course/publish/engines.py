"""Which engine builds the site: MkDocs 1.6 + Material 9 (the default while
Zensical is below 1.0) or Zensical. Both build the same docs/ and the same
mkdocs.yml; what a course needs beyond them is in ``site_config``."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from build_course.publish.assets import WORKER_SHIM

ENGINES = ("mkdocs", "zensical")
DEFAULT_ENGINE = "mkdocs"


def build_with(engine: str, config_file: Path, site_dir: Path, strict: bool = False,
               site_url: str | None = None, offline: bool = False) -> list[str]:
    """Build ``site_dir`` from ``config_file`` with ``engine``; return its warnings.

    ``offline``: page links end in ``index.html`` and search works from
    disk (with the worker stand-in), for a copy opened from ``file://``.
    """
    if engine == "zensical":
        from build_course.publish.zensical import build_zensical_site

        return build_zensical_site(config_file, site_dir, strict, site_url, offline)
    from build_course.publish.engine import build_site

    return build_site(config_file, site_dir, strict=strict, site_url=site_url,
                      prepare=_mkdocs_offline if offline else None)


def _mkdocs_offline(config: MkDocsConfig) -> None:
    config.use_directory_urls = False
    config.site_url = None
    polyfills = list(config.extra.get("polyfills") or [])
    if WORKER_SHIM not in polyfills:
        polyfills.append(WORKER_SHIM)
    config.extra["polyfills"] = polyfills
