"""``build-course package --scorm``: the course as a SCORM 1.2 package.

``dist/<course>-<version>-scorm12.zip`` holds ``imsmanifest.xml`` at its
root and the site beside it, built as the offline copy is (page links end in
``.html``, search works without a server), so it runs from any LMS's file
store and from disk.

One item, one SCO, for the whole course. The site is one unit with its own
navigation, its quizzes are spread over many pages, and the score an LMS
records is the course's: correct answers over all scored questions. One
item per lesson would make the LMS show its own table of contents beside the
site's, reload on every lesson and keep a score per lesson that SCORM 1.2
cannot roll up. The item launches ``scorm-launch.html``: it opens the LMS
session once (``LMSInitialize``), shows the site in a frame, and closes it
(``LMSFinish``) when the learner leaves, so moving between pages does not end
the session; the pages report to it through ``assets/course/scorm.js``.
``mastery_score`` from ``source/course.yml`` becomes the item's
``adlcp:masteryscore`` and the script's pass mark.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from pathlib import Path
from xml.sax.saxutils import quoteattr

import lxml.html
from lxml import etree

from build_course.manifest import Manifest
from build_course.project import Project
from build_course.publish.assets import served
from build_course.publish.engines import DEFAULT_ENGINE
from build_course.publish.packaging import _finish as finish_offline
from build_course.publish.packaging import built_zip, zip_name
from build_course.slugs import slugify

LAUNCH = "scorm-launch.html"
SCRIPT = "assets/course/scorm.js"
COURSE_DATA = "assets/course/scorm-course.js"
_QUIZ_TAG = re.compile(r'<script src="([^"]*?)assets/course/quiz\.js"')
# A scored question, as quiz.js counts them: a question box with an answer to reveal.
_SCORED = etree.XPath("//article//div[contains(concat(' ', normalize-space(@class), ' '),"
                      " ' question ')][details]")


def scorm_zip_name(manifest: Manifest) -> str:
    """``customer-service-essentials-0.1-scorm12.zip``."""
    return zip_name(manifest, "scorm12")


def package_scorm(project: Project, manifest: Manifest, output: Path | None = None,
                  engine: str = DEFAULT_ENGINE) -> Path:
    """Build the site for an LMS and zip it with its manifest; return the zip's path."""
    def finish(site: Path) -> None:
        finish_offline(site)
        add_scorm(site, manifest)
    return built_zip(project, output or project.root / "dist", scorm_zip_name(manifest),
                     engine, finish)


def add_scorm(site: Path, manifest: Manifest) -> None:
    """Make a built offline site a SCORM 1.2 package (in place)."""
    quizzes, questions = {}, hashlib.sha256()
    for page in sorted(site.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        if not _QUIZ_TAG.search(text):
            continue
        name = page.relative_to(site).as_posix()
        scored = _SCORED(lxml.html.document_fromstring(text))
        if scored:
            quizzes[name] = len(scored)
            for box in [name, *(b.text_content() for b in scored)]:
                questions.update(box.encode("utf-8") + b"\0")
        page.write_text(_QUIZ_TAG.sub(_with_scorm_scripts, text, count=1), encoding="utf-8")
    (site / SCRIPT).write_bytes(served("scorm.js"))
    # key: the questions' fingerprint; answers saved by their place on a page (the compact
    # suspend_data of a large course) go back only into the same questions.
    data = {"mastery": manifest.mastery_score, "quizzes": quizzes,
            "key": questions.hexdigest()[:8]}
    (site / COURSE_DATA).write_text(
        "window.BUILD_COURSE_SCORM = " + json.dumps(data, ensure_ascii=True) + ";\n",
        encoding="utf-8")
    (site / LAUNCH).write_text(launch_page(manifest.title), encoding="utf-8")
    files = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
    (site / "imsmanifest.xml").write_text(ims_manifest(manifest, files), encoding="utf-8")


def _with_scorm_scripts(match: re.Match) -> str:
    prefix = match[1]
    return (f'<script src="{prefix}{COURSE_DATA}"></script>'
            f'<script src="{prefix}{SCRIPT}"></script>{match[0]}')


def launch_page(title: str) -> str:
    """The SCO's launch page: the session, and the site in a frame."""
    name = html.escape(title)
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{name}</title>
<style>html, body, iframe {{ margin: 0; border: 0; width: 100%; height: 100%; display: block }}
</style>
</head>
<body>
<iframe id="course" title="{name}" data-src="index.html"></iframe>
<noscript><p><a href="index.html">Open the course: {name}</a></p></noscript>
<script src="{COURSE_DATA}"></script>
<script src="{SCRIPT}" data-launch></script>
</body>
</html>
"""


def ims_manifest(manifest: Manifest, files: list[str]) -> str:
    """imsmanifest.xml (SCORM 1.2, IMS CP 1.1.2): one organization, one item, one SCO."""
    ident = "build-course-" + (slugify(manifest.title) or "course")
    title = html.escape(manifest.title, quote=False)
    mastery = (f"\n        <adlcp:masteryscore>{manifest.mastery_score}</adlcp:masteryscore>"
               if manifest.mastery_score is not None else "")
    listed = "\n".join(f"      <file href={quoteattr(name)}/>" for name in files
                       if name != "imsmanifest.xml")
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier={quoteattr(ident)} version={quoteattr(manifest.version or "0.1")}
    xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
    xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd \
http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd \
http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="course">
    <organization identifier="course">
      <title>{title}</title>
      <item identifier="course-item" identifierref="course-sco" isvisible="true">
        <title>{title}</title>{mastery}
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="course-sco" type="webcontent" adlcp:scormtype="sco" href="{LAUNCH}">
{listed}
    </resource>
  </resources>
</manifest>
"""
