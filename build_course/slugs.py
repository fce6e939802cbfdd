"""Safe, stable names for pages and anchors."""

from __future__ import annotations

import re
import unicodedata

# Names Windows refuses for a file, whatever the extension.
_RESERVED = re.compile(r"^(con|prn|aux|nul|com\d|lpt\d)$")


def slugify(text: str, limit: int = 60) -> str:
    """``"../../etc/Passwd"`` -> ``"etc-passwd"``; never empty, never a path."""
    text = re.sub(r"['’]", "", text)
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    slug = slug[:limit].rstrip("-") or "page"
    return f"{slug}-page" if _RESERVED.match(slug) else slug


def unique(slug: str, taken: set[str]) -> str:
    """``slug``, or ``slug-2``, ``slug-3``... if already taken; records it."""
    candidate, n = slug, 2
    while candidate in taken:
        candidate, n = f"{slug}-{n}", n + 1
    taken.add(candidate)
    return candidate
