"""Intranet hosting: the built site behind a real web server (nginx) under a sub-path,
no request outside the site, and the offline zip.

The nginx tests skip when nginx is not installed (.ci/run installs it).
"""

from __future__ import annotations

import grp
import importlib.util
import os
import pwd
import shutil
import socket
import subprocess
import time
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from build_course.build import parallel as workers
from build_course.cli import main
from build_course.manifest import Manifest
from build_course.project import Project
from build_course.publish.assets import AssetCheck, external_assets
from build_course.publish.crawl import MISSING, crawl
from build_course.publish.crawl import main as crawl_main
from build_course.publish.engine import NO_SITE_URL
from build_course.publish.packaging import package_site, zip_name

ROOT = Path(__file__).resolve().parent.parent
PREFIX = "/training/"
QUIZ = "webucator-customer-service-basics/customer-service-basics-quiz/"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def build(project: Path, *args: str) -> Path:
    """Copy the shipped course to ``project`` and build it; return its site/."""
    shutil.copytree(ROOT / "source", project / "source")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    assert main(["--project", str(project), "build", "--strict", *args]) == 0
    return project / "site"


@contextmanager
def nginx(sites: dict[str, Path], folder: Path, port: int) -> Iterator[str]:
    """nginx on 127.0.0.1:port serving each site under its prefix (``/training/``…),
    its own config, pid file, logs and temp paths all in ``folder``; stopped by its PID."""
    folder.mkdir(parents=True, exist_ok=True)
    for temp in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (folder / temp).mkdir(exist_ok=True)
    locations = "".join(f"""
    location {prefix} {{
      alias {site}/;
      error_page 404 {prefix}404.html;
    }}""" for prefix, site in sites.items())
    mime = "include /etc/nginx/mime.types;" if Path("/etc/nginx/mime.types").exists() else (
        "types { text/html html; text/css css; application/javascript js; "
        "application/json json; image/png png; image/svg+xml svg; }")
    user = f"user {pwd.getpwuid(os.getuid()).pw_name} {grp.getgrgid(os.getgid()).gr_name};" \
        if os.getuid() == 0 else ""
    conf = folder / "nginx.conf"
    conf.write_text(f"""
{user}
daemon off;
worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/error.log;
events {{ worker_connections 64; }}
http {{
  {mime}
  default_type application/octet-stream;
  access_log {folder}/access.log;
  client_body_temp_path {folder}/body;
  proxy_temp_path {folder}/proxy;
  fastcgi_temp_path {folder}/fastcgi;
  uwsgi_temp_path {folder}/uwsgi;
  scgi_temp_path {folder}/scgi;
  server {{
    listen 127.0.0.1:{port};
    server_name localhost;{locations}
  }}
}}
""", encoding="utf-8")
    process = subprocess.Popen([shutil.which("nginx"), "-c", str(conf), "-p", str(folder),
                                "-e", str(folder / "error.log")],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    log = (folder / "error.log").read_text(errors="replace") \
                        if (folder / "error.log").exists() else ""
                    pytest.fail(f"nginx did not start: {process.stderr.read().decode()} {log}")
                time.sleep(0.05)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()  # SIGTERM to the master by its PID: it stops its worker
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)
        process.stderr.close()


def engine_installed(name: str) -> str:
    if name == "zensical" and importlib.util.find_spec("zensical") is None:
        pytest.skip("zensical is not installed (pip install 'build-course[zensical]')")
    return name


@pytest.fixture(scope="module", params=["mkdocs", "zensical"])
def served(tmp_path_factory: pytest.TempPathFactory,
           request: pytest.FixtureRequest) -> Iterator[dict[str, str]]:
    """The shipped course built (by each engine) for http://127.0.0.1:PORT/training/ and
    served there; beside it, under /plain/, the same course built without site_url."""
    if shutil.which("nginx") is None:
        pytest.skip("nginx is not installed")
    engine = engine_installed(request.param)
    tmp = tmp_path_factory.mktemp(f"hosting-{engine}")
    port = free_port()
    site = build(tmp / "course", "--site-url", f"http://127.0.0.1:{port}{PREFIX}",
                 "--engine", engine)
    plain = build(tmp / "plain", "--engine", engine)
    with nginx({PREFIX: site, "/plain/": plain}, tmp / "nginx", port) as origin:
        yield {"origin": origin, "root": origin + PREFIX, "plain": origin + "/plain/",
               "site": str(site), "engine": engine}


def test_every_page_and_asset_answers_under_the_sub_path(served):
    report = crawl(served["root"])
    assert report.problems == []
    assert len(report.pages) >= 15
    assert all(url.startswith(served["root"]) for url in report.fetched)
    assert all(status < 400 for url, status in report.fetched.items() if MISSING not in url)
    fetched = " ".join(report.fetched)
    index = "search/search_index.json" if served["engine"] == "mkdocs" else "/search.json"
    for needed in (index, "assets/course/quiz.js", "workers/search", "/main.", QUIZ):
        assert needed in fetched


def test_the_404_page_works_under_the_sub_path_when_site_url_is_set(served):
    report = crawl(served["root"])
    missing = served["root"] + MISSING
    assert report.fetched[missing] == 404
    assert served["root"] + "assets/course/quiz.css" in report.fetched


def test_without_site_url_only_the_404_page_leaves_the_prefix(served):
    report = crawl(served["plain"])
    assert report.problems, "the 404 page's links should assume /"
    assert all(problem.startswith(served["plain"] + MISSING) for problem in report.problems)
    assert len(report.pages) >= 15


def test_crawl_command_exit_codes(served, capsys):
    assert crawl_main([served["root"]]) == 0
    assert capsys.readouterr().out.strip().endswith(", 0 problems")
    assert crawl_main([served["plain"]]) == 1
    assert "outside" in capsys.readouterr().out


def test_crawl_reports_a_missing_asset(served, tmp_path):
    site = Path(served["site"])
    css = site / "assets" / "course" / "quiz.css"
    kept = tmp_path / "quiz.css"
    shutil.move(css, kept)
    try:
        report = crawl(served["root"])
    finally:
        shutil.move(kept, css)
    assert any("quiz.css: HTTP 404" in problem for problem in report.problems)


def test_build_says_once_that_site_url_is_missing(tmp_path, capsys):
    build(tmp_path / "a")
    assert capsys.readouterr().out.count(NO_SITE_URL) == 1
    shutil.rmtree(tmp_path / "a" / "source")
    build(tmp_path / "a", "--site-url", "https://intranet.example/training/")
    assert NO_SITE_URL not in capsys.readouterr().out


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_strict_build_fails_on_an_external_asset_but_not_on_a_link(tmp_path, caplog, capsys,
                                                                    engine):
    engine_installed(engine)
    project = tmp_path / "course"
    build(project, "--engine", engine)
    page = next((project / "docs").glob("*/*.md"))
    text = page.read_text(encoding="utf-8")
    page.write_text(text + "\n\n[a link elsewhere is fine](https://example.org/)\n",
                    encoding="utf-8")
    assert main(["--project", str(project), "build", "--strict", "--engine", engine]) == 0
    page.write_text(text + '\n\n<img src="https://example.org/logo.png" alt="logo">\n',
                    encoding="utf-8")
    caplog.clear()
    capsys.readouterr()
    assert main(["--project", str(project), "build", "--strict", "--engine", engine]) == 1
    said = caplog.text + capsys.readouterr().err  # MkDocs logs it; the Zensical run prints it
    assert "https://example.org/logo.png" in said and "outside the site" in said


@pytest.mark.parametrize("html, found", [
    ('<script src="https://unpkg.com/x"></script>', ["https://unpkg.com/x"]),
    ('<link rel="stylesheet" href="//fonts.googleapis.com/css">', ["//fonts.googleapis.com/css"]),
    ('<link rel="preconnect" href="https://fonts.gstatic.com">', ["https://fonts.gstatic.com"]),
    ('<img srcset="a.png 1x, http://x.org/b.png 2x">', ["http://x.org/b.png"]),
    ('<div style="background: url(\'https://x.org/bg.png\')"></div>', ["https://x.org/bg.png"]),
    ("<style>@import 'https://x.org/a.css';</style>", ["https://x.org/a.css"]),
    ('<a href="https://example.org/">fine</a><img src="img/a.png">', []),
    ('<link rel="canonical" href="https://intranet.example/">', []),
    ('<img src="data:image/png;base64,AAAA">', []),
    ('<IMG SRC="&#104;ttps://x.org/a.png">', ["https://x.org/a.png"]),
    ('<img src="https://x.org/first.png" src="b.png">', ["https://x.org/first.png"]),
    ('<script>s = "<img src=\'https://x.org/a.png\'>"</script>', []),
    ('<textarea><img src="https://x.org/a.png"></textarea>', []),  # text, as a browser reads it
    ('<!-- <img src="https://x.org/a.png"> -->', []),
])
def test_external_assets(html, found):
    assert [url for url, _ in external_assets(html)] == found


PAGES = [("a.md", '<p>fine</p><img src="img/a.png">'),
         ("b.md", '<img src="https://x.org/b.png"><script src="//x.org/b.js"></script>'),
         ("c.md", ""),
         ("d.md", '<link rel="stylesheet" href="https://x.org/d.css">')]


@pytest.mark.parametrize("fork", [True, False])
def test_asset_check_reports_in_page_order(monkeypatch, fork):
    monkeypatch.setattr(workers, "can_fork", lambda: fork)
    check = AssetCheck()
    assert (check._pool is not None) == fork  # in a process of its own where it can
    for name, page in PAGES:
        check.page(name, page)
    assert check.finish() == ([("b.md", "https://x.org/b.png", "<img src>"),
                               ("b.md", "//x.org/b.js", "<script src>"),
                               ("d.md", "https://x.org/d.css", "<link rel=stylesheet>")], 0)


def test_asset_check_whose_process_dies_says_so(monkeypatch):
    monkeypatch.setattr(workers, "can_fork", lambda: True)
    check = AssetCheck()
    check.page("a.md", '<img src="https://x.org/a.png">')
    check._pages.append(("b.md", check._pool.submit(os._exit, 3)))
    found, unchecked = check.finish()
    assert unchecked >= 1 and found in ([], [("a.md", "https://x.org/a.png", "<img src>")])


def test_shipped_site_loads_nothing_from_elsewhere(built_course):
    for page in (built_course / "site").rglob("*.html"):
        assert external_assets(page.read_text(encoding="utf-8")) == [], page


def test_offline_zip(built_course, tmp_path):
    manifest = Manifest(path=built_course / "source" / "course.yml",
                        title="Customer Service Essentials")
    assert zip_name(manifest) == "customer-service-essentials-0.1-offline.zip"
    manifest.version = "2.0"
    assert zip_name(manifest) == "customer-service-essentials-2.0-offline.zip"
    before = {p: p.stat().st_mtime_ns for p in (built_course / "site").rglob("*")}
    path = package_site(Project(built_course), manifest, tmp_path / "out")
    assert path == tmp_path / "out" / "customer-service-essentials-2.0-offline.zip"
    assert {p: p.stat().st_mtime_ns for p in (built_course / "site").rglob("*")} == before
    with zipfile.ZipFile(path) as archive:
        top = "customer-service-essentials-2.0-offline/"
        assert all(name.startswith(top) for name in archive.namelist())  # one folder
        names = {name.removeprefix(top) for name in archive.namelist()}
        home = archive.read(top + "index.html").decode("utf-8")
        assert f"{QUIZ[:-1]}.html" in names
        assert "search/search_index.js" in names and "assets/course/file-worker.js" in names
        assert external_assets(home) == []
        assert 'href="webucator-customer-service-basics/customer-service-basics.html"' in home
        for name in names:
            if name.endswith(".html"):
                assert external_assets(archive.read(top + name).decode("utf-8")) == [], name


def test_package_command(tmp_path, capsys):
    project = tmp_path / "course"
    shutil.copytree(ROOT / "source", project / "source")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    assert main(["--project", str(project), "package"]) == 0
    assert "offline copy:" in capsys.readouterr().out
    assert (project / "dist/customer-service-essentials-0.1-offline.zip").is_file()
    assert [p.name for p in project.iterdir() if p.suffix == ".zip"] == []
    assert not (project / "site").exists()
