"""The same docs/ and mkdocs.yml built by MkDocs and by Zensical: what the
course needs (navigation, quiz files, escaping, the asset check) reaches
the site under both, and the author's mkdocs.yml is never changed."""

from __future__ import annotations

import importlib.util
import json
import os
import re
from pathlib import Path

import pytest
import yaml
from conftest import copy_project

from build_course.cli import main
from build_course.publish.assets import served
from build_course.publish.site_config import author_settings, course_additions
from build_course.publish.zensical import escaped_nav

needs_zensical = pytest.mark.skipif(importlib.util.find_spec("zensical") is None,
                                    reason="zensical is not installed")
ENGINES = ["mkdocs", pytest.param("zensical", marks=needs_zensical)]
QUIZ = "webucator-customer-service-basics/customer-service-basics-quiz/index.html"


def built(tmp_path: Path, engine: str, *args: str) -> Path:
    project = copy_project(tmp_path)
    assert main(["--project", str(project), "build", "--engine", engine, *args]) == 0
    return project


def nav_titles(page: str) -> list[str]:
    return [re.sub(r"\s+", " ", t).strip() for t in re.findall(
        r'<a[^>]*class="md-nav__link[^"]*"[^>]*>(?:\s|<[^>]+>)*([^<]+)', page)]


@pytest.mark.parametrize("engine", ENGINES)
def test_both_engines_give_the_recorded_navigation_and_the_quiz_files(tmp_path, engine):
    project = built(tmp_path, engine, "--strict")
    site = project / "site"
    page = (site / QUIZ).read_text(encoding="utf-8")
    titles = nav_titles(page)
    nav = json.loads((project / "docs/.build-course.json").read_text(encoding="utf-8"))["nav"]
    parts = [next(iter(entry)) for entry in nav]  # navigation.prune: other parts folded
    for title in parts + ["Quiz: Customer Service Basics"]:
        assert title in titles, (title, titles)
    assert 'assets/course/quiz.js"' in page and 'assets/course/quiz.css"' in page
    assert (site / "assets/course/quiz.js").read_bytes() == served("quiz.js")  # minified
    assert "<details" in page  # the answers, readable without JavaScript


@pytest.mark.parametrize("engine", ENGINES)
def test_the_search_dialog_is_named_in_the_html_itself(tmp_path, engine):
    """Through a theme override (MkDocs; Zensical's own is named), not a script."""
    page = (built(tmp_path, engine) / "site/index.html").read_text(encoding="utf-8")
    [dialog] = re.findall(r'<div class="md-search"[^>]*role="dialog"[^>]*>', page)
    assert 'aria-label="Search"' in dialog
    assert "md-search[role=dialog]" not in \
        (Path(__file__).parent.parent / "build_course/assets/quiz.js").read_text("utf-8")


def test_an_authors_own_search_partial_still_wins(tmp_path):
    project = copy_project(tmp_path)
    (project / "overrides/partials").mkdir(parents=True)
    (project / "overrides/partials/search.html").write_text(
        '<div class="md-search" role="dialog" aria-label="Find in the course"></div>', "utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace(
        "  name: material\n", "  name: material\n  custom_dir: overrides\n"), "utf-8")
    assert main(["--project", str(project), "build"]) == 0
    page = (project / "site/index.html").read_text(encoding="utf-8")
    assert 'aria-label="Find in the course"' in page and 'aria-label="Search"' not in page


@needs_zensical
def test_zensical_leaves_mkdocs_yml_and_docs_as_they_were(tmp_path):
    project = copy_project(tmp_path)
    assert main(["--project", str(project), "build", "--docs-only"]) == 0
    before = {p: p.read_bytes() for p in [project / "mkdocs.yml", *(project / "docs").rglob("*")]
              if p.is_file()}
    assert main(["--project", str(project), "build", "--engine", "zensical"]) == 0
    after = {p: p.read_bytes() for p in [project / "mkdocs.yml", *(project / "docs").rglob("*")]
             if p.is_file()}
    assert after == before
    left = sorted(p.name for p in project.iterdir() if p.name.startswith(".build-course-zen"))
    assert left == []


@needs_zensical
def test_zensical_keeps_the_authors_nav_and_leaves_out_new_versions(tmp_path):
    project = copy_project(tmp_path)
    assert main(["--project", str(project), "build", "--docs-only"]) == 0
    (project / "docs/index.md.new").write_text("# a new version\n", encoding="utf-8")
    with (project / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write("nav:\n  - Start here: index.md\n  - The basics: "
                     "webucator-customer-service-basics/customer-service-basics.md\n")
    assert main(["--project", str(project), "build", "--engine", "zensical"]) == 0
    home = (project / "site/index.html").read_text(encoding="utf-8")
    titles = nav_titles(home)
    assert "Start here" in titles and "The basics" in titles
    assert "Quiz: Customer Service Basics" not in titles  # the recorded nav is not added
    assert not list((project / "site").rglob("*.md.new"))


@needs_zensical
def test_zensical_warns_of_a_broken_link_with_the_page_and_line(tmp_path, capsys):
    project = copy_project(tmp_path)
    assert main(["--project", str(project), "build", "--docs-only"]) == 0
    index = project / "docs/index.md"
    lines = index.read_text(encoding="utf-8").splitlines()
    index.write_text("\n".join(lines + ["", "[gone](no-such-page.md)", ""]), encoding="utf-8")
    capsys.readouterr()
    assert main(["--project", str(project), "build", "--engine", "zensical"]) == 0
    err = capsys.readouterr().err
    assert f"docs/index.md:{len(lines) + 2}:" in err
    assert main(["--project", str(project), "build", "--engine", "zensical", "--strict"]) == 1


@needs_zensical
def test_zensical_leaves_out_a_file_linked_from_outside_docs(tmp_path, capsys):
    project = copy_project(tmp_path)
    assert main(["--project", str(project), "build", "--docs-only"]) == 0
    secret = tmp_path / "secret.txt"
    secret.write_text("not for the site\n", encoding="utf-8")
    os.symlink(secret, project / "docs/secret.txt")
    assert main(["--project", str(project), "build", "--engine", "zensical"]) == 0
    assert "docs/secret.txt: a link to a file outside docs/" in capsys.readouterr().err
    assert not (project / "site/secret.txt").exists()


def test_the_engine_must_be_one_we_know(tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--project", str(tmp_path), "build", "--engine", "hugo"])
    assert exit_.value.code == 2
    assert "invalid choice: 'hugo'" in capsys.readouterr().err


def test_additions_are_only_what_mkdocs_yml_lacks(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / ".build-course.json").write_text(json.dumps({"nav": [{"Home": "index.md"}]}))
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: S\nextra_javascript:\n  - assets/course/quiz.js\n"
                      "exclude_docs: |\n  drafts/\nplugins:\n  - search\n"
                      "extra:\n  token: !ENV [TOKEN, none]\n", encoding="utf-8")
    added = course_additions(author_settings(config), docs)
    assert added == {"nav": [{"Home": "index.md"}], "extra_css": ["assets/course/quiz.css"],
                     "exclude_docs": "drafts/\n*.md.new\n"}
    config.write_text(yaml.safe_dump({"site_name": "S", "nav": ["index.md"]}), encoding="utf-8")
    assert "nav" not in course_additions(author_settings(config), docs)


def test_navigation_titles_from_sources_cannot_open_a_tag():
    nav = [{"Evil <script>x</script>": [{"Q&A <b>": "a.md"}]}]
    assert escaped_nav(nav) == [{"Evil &lt;script>x&lt;/script>": [{"Q&A &lt;b>": "a.md"}]}]


@needs_zensical
def test_zensical_build_removes_a_killed_builds_leftovers_without_following_links(tmp_path):
    project = copy_project(tmp_path / "course")
    assert main(["--project", str(project), "build", "--docs-only"]) == 0
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (project / ".build-course-zensical-site").symlink_to(elsewhere)
    (project / ".build-course-zensical-docs").mkdir()
    (project / ".build-course-zensical-docs/stale.md").write_text("# stale\n", encoding="utf-8")
    assert main(["--project", str(project), "build", "--engine", "zensical"]) == 0
    assert list(elsewhere.iterdir()) == []
    assert not (project / "site/stale").exists()
    assert (project / "site/index.html").is_file()


def test_without_zensical_installed_the_engine_is_a_usage_error(tmp_path, capsys, monkeypatch):
    from build_course.publish import zensical

    monkeypatch.setattr(zensical, "available", lambda: False)
    project = copy_project(tmp_path)
    assert main(["--project", str(project), "build", "--engine", "zensical"]) == 2
    assert "the Zensical engine is not installed; install it with: pip install " \
           "'build-course[zensical]'" in capsys.readouterr().err


def test_zensical_warnings_without_a_page_are_kept():
    from build_course.publish.zensical import zensical_warnings

    report = ("Build started\nWarning: page does not exist\n    ╭─[ a/b.md:7:3 ]\n"
              "Warning: something about the theme\nBuild finished in 0.2s\n")
    assert zensical_warnings(report) == ["docs/a/b.md:7: page does not exist",
                                         "Zensical: something about the theme"]
