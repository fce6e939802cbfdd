"""``build-course serve``: serves the site and re-imports a changed source."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from conftest import copy_project


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def _wait_for(url: str, needle: str, seconds: float = 60) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if needle in _get(url):
            return True
        time.sleep(0.5)
    return False


def test_serve_rebuilds_a_page_when_its_source_changes(tmp_path: Path):
    project = copy_project(tmp_path)
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "build_course", "--project", str(project), "serve",
         "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}"
        assert _wait_for(base + "/", "Customer Service Essentials")
        source = project / "source/servicing-customers-competency-guide.txt"
        source.write_text(source.read_text("utf-8") + "\nA line added while serving.\n", "utf-8")
        page = base + "/servicing-customers-competency-guide/servicing-customers/"
        assert _wait_for(page, "A line added while serving.")
    finally:
        server.terminate()
        server.wait(timeout=20)
