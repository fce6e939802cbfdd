"""``build-course package``: a zip of the site that works from disk.

The offline copy is built into a temporary folder (``site/`` is left as it
is) with page links that end in ``index.html`` (``use_directory_urls:
false``), so a learner can unzip it and open ``index.html`` from disk.
Search works there too: its index is written as a script
(``search/search_index.js``, as Material's offline plugin does), and a small
stand-in for Web Workers (``assets/course/file-worker.js``, which browsers
refuse on ``file://`` pages) runs the theme's search script in a hidden frame.
Nothing is fetched from outside the copy.
"""

from __future__ import annotations

import re
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

from build_course.manifest import Manifest
from build_course.project import Project
from build_course.publish.assets import WORKER_SHIM, served
from build_course.publish.engines import DEFAULT_ENGINE, build_with
from build_course.slugs import slugify


def zip_name(manifest: Manifest, kind: str = "offline") -> str:
    """``customer-service-essentials-0.1-offline.zip`` (``kind``: what the zip holds)."""
    version = re.sub(r"[^A-Za-z0-9.]+", "-", manifest.version).strip("-.") or "0.1"
    return f"{slugify(manifest.title)}-{version}-{kind}.zip"


def package_site(project: Project, manifest: Manifest, output: Path | None = None,
                 engine: str = DEFAULT_ENGINE) -> Path:
    """Build an offline copy of the site and zip it (into ``dist/`` unless
    told otherwise); return the zip's path."""
    name = zip_name(manifest)
    return built_zip(project, output or project.root / "dist", name, engine, _finish,
                     folder=name.removesuffix(".zip"))


def built_zip(project: Project, output: Path, name: str, engine: str,
              finish: Callable[[Path], None], folder: str = "") -> Path:
    """The site built for use from disk into a temporary folder, ``finish``ed
    there, and zipped as ``output/name`` (written whole or not at all, so a
    reader never sees half a zip); ``folder``: the one folder its files are in
    (none: at the zip's root)."""
    output = output.resolve()
    output.mkdir(parents=True, exist_ok=True)
    target = output / name
    with tempfile.TemporaryDirectory(prefix="build-course-zip-") as tmp:
        site = Path(tmp) / "site"
        build_with(engine, project.mkdocs_yml, site, offline=True)
        finish(site)
        partial = target.with_name(f".{target.name}.part")
        _zip(site, partial, folder)
        partial.replace(target)
    return target


def _finish(site: Path) -> None:
    shim = site / WORKER_SHIM
    shim.parent.mkdir(parents=True, exist_ok=True)
    shim.write_bytes(served(Path(WORKER_SHIM).name))
    index = site / "search" / "search_index.json"
    if index.is_file():
        data = index.read_text(encoding="utf-8")
        (site / "search" / "search_index.js").write_text(f"var __index = {data}",
                                                          encoding="utf-8")
    (site / "README.txt").write_text(
        "Offline copy of the course. Open index.html in a web browser:\n"
        "pages, quizzes and search work from disk, with no network.\n"
        "Quiz progress is kept in this browser only.\n", encoding="utf-8")


def _zip(site: Path, target: Path, folder: str) -> None:
    """Everything in ``folder``: the offline copy's is named like the zip, so
    that unzipping it makes that folder, not a spill of files into the
    current one; a SCORM package's files are at its root (""), as LMSs want."""
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(site.rglob("*")):
            if path.is_file():
                archive.write(path, f"{folder}/" * bool(folder)
                              + path.relative_to(site).as_posix())
