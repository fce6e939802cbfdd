"""Lighthouse scores of the course's home page, a lesson and a quiz.

    .venv/bin/python benchmarks/lighthouse.py [--engine mkdocs zensical] [--runs N]
        [--categories performance accessibility seo best-practices]
        [--url BASE] [--plain] [--modules DIR] [--json out.json]

The shipped course (source/ and mkdocs.yml) is built with each engine into a
temporary folder and served under /training/ by nginx configured as HOSTING.md
recommends (gzip, cache headers); without nginx, or with --plain, by Python's
http.server (no compression). --url BASE scores a site already served there
instead (no build).

Lighthouse (12, the npm package, mobile profile: simulated slow 4G and a
4x slower CPU) runs in Debian's Chromium. It is installed with npm into
--modules (default ~/.cache/build-course-lighthouse) unless it is there.
Each page is scored --runs times (default 3): the median of each category is
printed, with the audits of accessibility and SEO that did not pass (any
would keep those below 1.0) and the performance metrics of the median run.
Without the performance category the waits for a quiet network and CPU are
skipped (only timings need them): that is how tests/browser/test_lighthouse.py
runs it.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import grp
import importlib.util
import json
import os
import pwd
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNNER = Path(__file__).with_name("lighthouse_pages.mjs")
PREFIX = "/training/"
PAGES = {"home": "",
         "lesson": "webucator-customer-service-basics/customer-service-basics/",
         "quiz": "webucator-customer-service-basics/customer-service-basics-quiz/"}
CATEGORIES = ["performance", "accessibility", "seo", "best-practices"]
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu",
                  "--disable-background-networking", "--disable-component-update",
                  "--no-first-run", "--disable-sync"]
DEFAULT_MODULES = Path.home() / ".cache" / "build-course-lighthouse"
# HOSTING.md's nginx settings: compression, and the cache headers.
NGINX_SITE = """
  gzip on;
  gzip_types text/css application/javascript application/json image/svg+xml;
  location {prefix} {{
    alias {site}/;
    error_page 404 {prefix}404.html;
    add_header Cache-Control "no-cache";
  }}
  location {prefix}assets/ {{
    alias {site}/assets/;
    add_header Cache-Control "public, max-age=604800";
  }}"""


def install_lighthouse(modules: Path) -> Path:
    """``npm install lighthouse`` into ``modules`` unless it is there."""
    if not (modules / "node_modules/lighthouse/core/index.js").is_file():
        npm = shutil.which("npm")
        if npm is None:
            raise SystemExit("lighthouse: npm is not installed (Debian: apt-get install npm)")
        modules.mkdir(parents=True, exist_ok=True)
        subprocess.run([npm, "install", "--no-audit", "--no-fund", "--silent", "--prefix",
                        str(modules), "lighthouse@12"], check=True, timeout=600)
    return modules


def lighthouse(modules: Path, urls: list[str], categories: list[str]) -> list[dict]:
    """One report a URL (scores, audits not passed, metrics), all in one Chromium."""
    chrome = shutil.which("chromium") or shutil.which("chromium-browser")
    if chrome is None or shutil.which("node") is None:
        raise SystemExit("lighthouse: chromium and node are needed")
    args = {"modules": str(modules), "chrome": chrome, "flags": CHROMIUM_FLAGS,
            "categories": categories, "quick": "performance" not in categories, "urls": urls}
    run = subprocess.run(["node", str(RUNNER), json.dumps(args)], capture_output=True,
                         text=True, timeout=120 + 60 * len(urls))
    if run.returncode != 0:
        raise SystemExit(f"lighthouse failed: {run.stderr.strip()[-2000:]}")
    return [json.loads(line) for line in run.stdout.splitlines() if line.startswith("{")]


def build(project: Path, engine: str) -> Path:
    """The shipped course built by ``engine`` in ``project``; its site/."""
    shutil.copytree(ROOT / "source", project / "source")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    run = subprocess.run([sys.executable, "-m", "build_course", "--project", str(project),
                          "build", "--engine", engine], capture_output=True, text=True)
    if run.returncode != 0:
        raise SystemExit(f"build with {engine} failed:\n{run.stdout}{run.stderr}")
    return project / "site"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def nginx(site: Path, folder: Path) -> Iterator[str]:
    """nginx serving ``site`` under PREFIX as HOSTING.md says; stopped by its PID."""
    for temp in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (folder / temp).mkdir(parents=True, exist_ok=True)
    port = _free_port()
    user = f"user {pwd.getpwuid(os.getuid()).pw_name} {grp.getgrgid(os.getgid()).gr_name};" \
        if os.getuid() == 0 else ""
    temps = "".join(f"  {name}_temp_path {folder}/{temp};\n" for name, temp in
                    [("client_body", "body"), ("proxy", "proxy"), ("fastcgi", "fastcgi"),
                     ("uwsgi", "uwsgi"), ("scgi", "scgi")])
    conf = folder / "nginx.conf"
    conf.write_text(f"""{user}
daemon off;
worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/error.log;
events {{ worker_connections 64; }}
http {{
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
{temps}  server {{
    listen 127.0.0.1:{port};{NGINX_SITE.format(prefix=PREFIX, site=site)}
  }}
}}
""", encoding="utf-8")
    process = subprocess.Popen([shutil.which("nginx"), "-c", str(conf), "-p", str(folder),
                                "-e", str(folder / "error.log")],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_for(port, process)
        yield f"http://127.0.0.1:{port}{PREFIX}"
    finally:
        process.terminate()
        process.wait(timeout=10)


def _wait_for(port: int, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 10
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                raise SystemExit("nginx did not start") from None
            time.sleep(0.05)


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def python_server(site: Path) -> Iterator[str]:
    """Python's http.server, no compression: the site at the root."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()


def score(base: str, modules: Path, categories: list[str], runs: int) -> dict[str, dict]:
    """Per page: the median score of each category over ``runs``, the audits
    not passed (of any run) and the metrics of the run nearest the median."""
    urls = [base + path for path in PAGES.values()]
    reports = [lighthouse(modules, urls, categories) for _ in range(runs)]
    result = {}
    for i, name in enumerate(PAGES):
        mine = [run[i] for run in reports]
        medians = {c: statistics.median(r["scores"].get(c) or 0 for r in mine)
                   for c in mine[0]["scores"]}
        middle = min(mine, key=lambda r: abs((r["scores"].get("performance") or 0)
                                            - medians.get("performance", 0)))
        failing = {(f["category"], f["id"]): f for r in mine for f in r["failing"]}
        result[name] = {"url": mine[0]["url"], "scores": medians,
                        "all_scores": [r["scores"] for r in mine],
                        "failing": list(failing.values()), "metrics": middle["metrics"],
                        "errors": [e for r in mine for e in r["errors"]]}
    return result


def show(engine: str, served: str, pages: dict[str, dict], categories: list[str]) -> None:
    print(f"\n{engine}, served by {served}")
    print(f"{'page':8}" + "".join(f"{c:>16}" for c in categories))
    for name, page in pages.items():
        print(f"{name:8}" + "".join(f"{page['scores'].get(c, float('nan')):>16.2f}"
                                    for c in categories))
    for name, page in pages.items():
        metrics = page["metrics"]
        if metrics:
            print(f"  {name}: FCP {metrics.get('first-contentful-paint', 0):.0f} ms, LCP "
                  f"{metrics.get('largest-contentful-paint', 0):.0f} ms, TBT "
                  f"{metrics.get('total-blocking-time', 0):.0f} ms, CLS "
                  f"{metrics.get('cumulative-layout-shift', 0):.3f}, "
                  f"{metrics.get('total-byte-weight', 0) / 1024:.0f} KiB transferred")
        for audit in page["failing"]:
            if audit["category"] in ("accessibility", "seo"):
                print(f"  {name}: {audit['category']}: {audit['id']} ({audit['title']}) "
                      f"{audit['value']}")
        for error in page["errors"]:
            print(f"  {name}: Lighthouse: {error}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engine", nargs="+", default=["mkdocs", "zensical"],
                        choices=["mkdocs", "zensical"])
    parser.add_argument("--categories", nargs="+", default=CATEGORIES, choices=CATEGORIES)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--url", help="score the site served at this address (no build)")
    parser.add_argument("--plain", action="store_true",
                        help="serve with Python's http.server, without compression")
    parser.add_argument("--modules", type=Path, default=DEFAULT_MODULES,
                        help="where npm installs lighthouse (kept between runs)")
    parser.add_argument("--json", type=Path, help="write every figure here")
    args = parser.parse_args(argv)
    modules = install_lighthouse(args.modules)
    results: dict[str, dict] = {}
    if args.url:
        base = args.url if args.url.endswith("/") else args.url + "/"
        results["given"] = {"served": base, "pages": score(base, modules, args.categories,
                                                           args.runs)}
        show("the given site", base, results["given"]["pages"], args.categories)
    for engine in [] if args.url else args.engine:
        if engine == "zensical" and importlib.util.find_spec("zensical") is None:
            print(f"\n{engine}: not installed, skipped")
            continue
        with tempfile.TemporaryDirectory(prefix="lighthouse-") as tmp:
            site = build(Path(tmp) / "project", engine)
            plain = args.plain or shutil.which("nginx") is None
            server = python_server(site) if plain else nginx(site, Path(tmp) / "nginx")
            served = "Python's http.server (no compression)" if plain else "nginx with gzip"
            with server as base:
                pages = score(base, modules, args.categories, args.runs)
            results[engine] = {"served": served, "pages": pages}
            show(engine, served, pages, args.categories)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
