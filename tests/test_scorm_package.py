"""The SCORM 1.2 package's files: the manifest at the root (IMS CP 1.1.2 with
ADL's SCORM 1.2 extensions), one SCO launching the site, every file listed,
the mastery score from course.yml; and that score checked in course.yml."""

from __future__ import annotations

import zipfile

from conftest import copy_project
from lxml import etree

from build_course.cli import main

CP = "{http://www.imsproject.org/xsd/imscp_rootv1p1p2}"
ADLCP = "{http://www.adlnet.org/xsd/adlcp_rootv1p2}"


def test_package_has_the_manifest_at_its_root_and_one_sco(tmp_path, capsys):
    project = copy_project(tmp_path)
    manifest = project / "source/course.yml"
    manifest.write_text(manifest.read_text(encoding="utf-8") + "version: 1.2\n"
                        "mastery_score: 75\n", encoding="utf-8")
    assert main(["--project", str(project), "package", "--scorm"]) == 0
    path = project / "dist/customer-service-essentials-1.2-scorm12.zip"
    assert f"SCORM 1.2 package: {path}" in capsys.readouterr().out
    with zipfile.ZipFile(path) as archive:
        names = set(archive.namelist())
        root = etree.fromstring(archive.read("imsmanifest.xml"))
        launch = archive.read("scorm-launch.html").decode("utf-8")
        quiz = archive.read("webucator-customer-service-basics/"
                            "customer-service-basics-quiz.html").decode("utf-8")
    assert root.tag == f"{CP}manifest"
    assert root.findtext(f"{CP}metadata/{CP}schemaversion") == "1.2"
    items = root.findall(f".//{CP}organization/{CP}item")
    assert len(items) == 1 and items[0].findtext(f"{ADLCP}masteryscore") == "75"
    [resource] = root.findall(f"{CP}resources/{CP}resource")
    assert resource.get(f"{ADLCP}scormtype") == "sco"
    assert resource.get("identifier") == items[0].get("identifierref")
    assert resource.get("href") == "scorm-launch.html"
    listed = {f.get("href") for f in resource.findall(f"{CP}file")}
    assert listed == names - {"imsmanifest.xml"}
    assert "index.html" in names and "search/search_index.js" in names  # the site, offline
    assert 'data-src="index.html"' in launch
    # the reporting script is loaded before the quiz script, on quiz pages only
    assert quiz.index("assets/course/scorm.js") < quiz.index("assets/course/quiz.js")


def test_without_a_mastery_score_the_item_has_none(tmp_path):
    project = copy_project(tmp_path)
    assert main(["--project", str(project), "package", "--scorm", "--output",
                 str(tmp_path / "out")]) == 0
    [path] = (tmp_path / "out").glob("*-scorm12.zip")
    with zipfile.ZipFile(path) as archive:
        root = etree.fromstring(archive.read("imsmanifest.xml"))
        data = archive.read("assets/course/scorm-course.js").decode("utf-8")
    assert root.find(f".//{ADLCP}masteryscore") is None
    assert '"mastery": null' in data


def test_a_mastery_score_must_be_a_percentage(tmp_path, capsys):
    project = copy_project(tmp_path)
    manifest = project / "source/course.yml"
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(text + "mastery_score: 80%\n", encoding="utf-8")
    assert main(["--project", str(project), "package", "--scorm"]) == 1
    line = len(text.splitlines()) + 1
    assert f"course.yml:{line}: mastery_score '80%' is not a whole number from 0 to 100" \
        in capsys.readouterr().err
