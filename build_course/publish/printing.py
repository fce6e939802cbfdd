"""Print HTML to PDF with WeasyPrint (CSS paged media in Python: page
numbers, running headers, page-break rules; it needs the Pango library,
which Debian and Ubuntu systems have). Nothing is fetched from the network:
only files (the images the handout took from docs/) are read."""

from __future__ import annotations

import logging
from pathlib import Path

from build_course.diagnostics import UsageError

INSTALL = ("install it with: pip install 'weasyprint>=68' (it comes with build-course) "
           "and the Pango library (Debian/Ubuntu: apt-get install libpango-1.0-0 "
           "libpangoft2-1.0-0; macOS: brew install pango)")


def _weasyprint():
    """The weasyprint module, or a UsageError saying how to install what is missing."""
    try:
        import weasyprint
    except (ImportError, OSError) as exc:  # OSError: the package is there, Pango is not
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise UsageError("handout", 0, f"WeasyPrint, which prints the handout, cannot run "
                         f"here ({reason[:120]})", INSTALL) from None
    return weasyprint


def check_available() -> None:
    """Raise the UsageError of a missing WeasyPrint before any work is done."""
    _weasyprint()


def write_pdf(html: str, target: Path, base: Path) -> int:
    """Print ``html`` (its relative URLs taken from ``base``) to ``target``;
    the number of pages."""
    weasyprint = _weasyprint()
    logger = logging.getLogger("weasyprint")
    if not logger.handlers:  # its warnings (an unsupported CSS property...) are ours to fix
        logger.addHandler(logging.NullHandler())
        logger.propagate = False
    fetcher = weasyprint.urls.URLFetcher(allowed_protocols={"file"})
    # presentational hints: HTML attributes as style, ``<ol start="4">`` among them
    # (a list that goes on after a figure); WeasyPrint ignores them unless asked
    document = weasyprint.HTML(string=html, base_url=str(base),
                               url_fetcher=fetcher).render(presentational_hints=True)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.part")
    document.write_pdf(partial)
    partial.replace(target)  # a reader never sees half a file
    return len(document.pages)
