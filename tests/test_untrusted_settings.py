"""Settings that reach HTML: a site_url is an http(s) address without markup
(else an error at its line), and one that still holds what HTML reads as
markup (from mkdocs.yml, which the build does not check) is encoded."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from build_course.cli import main

REPO = Path(__file__).resolve().parents[1]
INJECTION = 'https://x/"><img src=x onerror=alert(document.domain)>'
LESSON = "Greeting Customers\n\nSay hello to every customer who comes in, and smile.\n"


def project_with(tmp_path: Path, manifest: str) -> Path:
    project = tmp_path / "course"
    (project / "source").mkdir(parents=True)
    (project / "source" / "greeting.txt").write_text(LESSON, encoding="utf-8")
    (project / "source" / "course.yml").write_text(manifest, encoding="utf-8")
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    return project


def test_site_url_with_markup_in_the_manifest_is_an_error_at_its_line(tmp_path, capsys):
    project = project_with(tmp_path, f"title: T\nsite_url: '{INJECTION}'\n")
    assert main(["--project", str(project), "build"]) == 1
    err = capsys.readouterr().err
    assert "source/course.yml:2: the site_url has a character" in err
    assert not (project / "site").exists()
    assert main(["--project", str(project), "check"]) == 1
    assert "source/course.yml:2:" in capsys.readouterr().out


@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://host/", "https://", "intranet/x",
                                 "https://host/a b"])
def test_site_url_that_is_not_an_http_address_is_an_error(tmp_path, capsys, url):
    project = project_with(tmp_path, f"title: T\nsite_url: '{url}'\n")
    assert main(["--project", str(project), "check"]) == 1
    assert "source/course.yml:2: the site_url" in capsys.readouterr().out


def test_site_url_option_with_markup_is_a_usage_error(tmp_path, capsys):
    project = project_with(tmp_path, "title: T\n")
    with pytest.raises(SystemExit) as stop:
        main(["--project", str(project), "build", "--site-url", INJECTION])
    assert stop.value.code == 2
    assert "--site-url: the site_url has a character" in capsys.readouterr().err


def test_site_url_from_mkdocs_yml_is_encoded_where_it_lands(tmp_path, capsys):
    project = project_with(tmp_path, "title: T\n")
    with open(project / "mkdocs.yml", "a", encoding="utf-8") as stream:
        stream.write(f"site_url: '{INJECTION}'\n")
    assert main(["--project", str(project), "build"]) == 0
    for page in (project / "site").rglob("*.html"):
        text = page.read_text(encoding="utf-8")

        assert "onerror=alert(document.domain)>" not in text, page
    assert "%22%3E%3Cimg" in (project / "site" / "404.html").read_text(encoding="utf-8")


def test_title_null_in_the_manifest_is_no_title(tmp_path, capsys):
    project = project_with(tmp_path, "title: null\n")
    assert main(["--project", str(project), "build", "--docs-only"]) == 0
    assert "null" not in (project / "docs" / "index.md").read_text(encoding="utf-8")


def test_a_new_projects_starter_mkdocs_yml_names_the_site_after_the_course(tmp_path):
    # the title is data: quotes, a colon and markup stay text in YAML and HTML
    title = 'Knots: the "basics" <b>'
    project = project_with(tmp_path, f"title: '{title}'\n")
    (project / "mkdocs.yml").unlink()
    assert main(["--project", str(project), "build"]) == 0
    settings = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    assert settings["site_name"] == title
    home = (project / "site" / "index.html").read_text(encoding="utf-8")
    assert "Customer Service Essentials" not in home
    assert "<b>" not in home.split("<body", 1)[1].split("md-content", 1)[0]
