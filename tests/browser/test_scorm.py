"""The SCORM 1.2 package in a simulated LMS, in Chromium: an LMS page holds the
``API`` object (a recording one of ours, or the scorm-again runtime from npm)
and opens the package's launch page in a frame; answering the quiz sets the
score and the status, the answers go into cmi.suspend_data and come back in
a later visit, and leaving the course finishes the session."""

from __future__ import annotations

import functools
import json
import re
import shutil
import subprocess
import threading
import zipfile
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote

import pytest

pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
if shutil.which("chromium") is None:
    pytest.skip("chromium is not installed", allow_module_level=True)

from playwright.sync_api import expect  # noqa: E402

from build_course.cli import main  # noqa: E402

LESSON = """---
title: "Opening hours"
---

The shop opens at nine and closes at six, every day but Sunday.

## Check yourself

!!! question single-choice "Question 1"

    When does the shop open?

    - A. At eight.
    - B. At nine.

    ??? success "Show answer"

        **Answer: B.** It opens at nine.

!!! question single-choice "Question 2"

    When does it close?

    - A. At six.
    - B. At seven.

    ??? success "Show answer"

        **Answer: A.**

!!! question true-false "Question 3"

    The shop opens on Sundays.

    - A. True.
    - B. False.

    ??? success "Show answer"

        **Answer: B.**
"""

# An LMS page of our own: window.API records every call; the CMI values it starts
# with come from the address's #fragment (a later visit's saved suspend_data).
RECORDING_LMS = """<!doctype html><html><head><meta charset="utf-8"><title>LMS</title><script>
var calls = [], data = {"cmi.core.lesson_status": "not attempted"};
Object.assign(data, location.hash ? JSON.parse(decodeURIComponent(location.hash.slice(1))) : {});
function call(name, f) { return function (k, v) { calls.push([name, k, v]); return f(k, v); }; }
window.API = {
  LMSInitialize: call("LMSInitialize", function () { return "true"; }),
  LMSFinish: call("LMSFinish", function () { return "true"; }),
  LMSGetValue: call("LMSGetValue", function (k) { return data[k] || ""; }),
  LMSSetValue: call("LMSSetValue", function (k, v) { data[k] = v; return "true"; }),
  LMSCommit: call("LMSCommit", function () { return "true"; }),
  LMSGetLastError: function () { return "0"; },
  LMSGetErrorString: function () { return ""; },
  LMSGetDiagnostic: function () { return ""; }
};
function value(k) { return data[k] || ""; }
function called(name) { return calls.filter(function (c) { return c[0] === name; }).length; }
</script></head><body>
<iframe id="sco" src="course/scorm-launch.html" style="width:1300px;height:850px"></iframe>
</body></html>"""

# The same with the scorm-again runtime (SCORM 1.2) as the LMS side.
SCORM_AGAIN_LMS = """<!doctype html><html><head><meta charset="utf-8"><title>LMS</title>
<script src="scorm12.min.js"></script><script>
window.API = new Scorm12API({ autocommit: false, logLevel: 5 });
var finished = 0;
window.API.on("LMSFinish", function () { finished++; });
function value(k) {
  return k.split(".").slice(1).reduce(function (o, part) { return o[part]; }, window.API.cmi);
}
function called(name) { return name === "LMSFinish" ? finished : 0; }
</script></head><body>
<iframe id="sco" src="course/scorm-launch.html" style="width:1300px;height:850px"></iframe>
</body></html>"""


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def scorm_again(tmp_path_factory: pytest.TempPathFactory) -> Path | None:
    """scorm-again's SCORM 1.2 runtime from npm; None (its tests skip) without npm."""
    npm = shutil.which("npm")
    if npm is None:
        return None
    folder = tmp_path_factory.mktemp("scorm-again")
    try:
        subprocess.run([npm, "install", "--no-audit", "--no-fund", "--silent", "--prefix",
                        str(folder), "scorm-again@3"], capture_output=True, timeout=180,
                       check=True)
    except (subprocess.SubprocessError, OSError):
        return None
    script = folder / "node_modules/scorm-again/dist/scorm12.min.js"
    return script if script.is_file() else None


@pytest.fixture(scope="module")
def lms(tmp_path_factory: pytest.TempPathFactory, engine: str,
        scorm_again: Path | None) -> Iterator[str]:
    """The package of a small course (mastery 60), unzipped under an LMS's pages, served."""
    yield from _served_package(tmp_path_factory, engine, scorm_again, LESSON)


def _served_package(tmp_path_factory: pytest.TempPathFactory, engine: str,
                    scorm_again: Path | None, lesson: str) -> Iterator[str]:
    project = tmp_path_factory.mktemp(f"scorm-{engine}")
    (project / "source").mkdir()
    (project / "source/opening-hours.md").write_text(lesson, encoding="utf-8")
    (project / "source/course.yml").write_text(
        "title: Shop Basics\nversion: '2.1'\nmastery_score: 60\n"
        "sources:\n  - file: opening-hours.md\n", encoding="utf-8")
    assert main(["--project", str(project), "package", "--scorm", "--engine", engine]) == 0
    archive = project / "dist/shop-basics-2.1-scorm12.zip"
    root = project / "lms"
    with zipfile.ZipFile(archive) as zipped:
        zipped.extractall(root / "course")
    (root / "recording.html").write_text(RECORDING_LMS, encoding="utf-8")
    if scorm_again:
        shutil.copy(scorm_again, root / "scorm12.min.js")
        (root / "scorm-again.html").write_text(SCORM_AGAIN_LMS, encoding="utf-8")
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()
    server.server_close()


def open_quiz(page, url: str):
    """The LMS page, then the course's quiz inside the launch page's frame."""
    page.goto(url)
    course = page.frame_locator("#sco").frame_locator("#course")
    course.locator('a[href$="-quiz.html"]').first.click()
    expect(course.locator("article[data-bcq]")).to_have_count(1)
    return course


def answer(course, n: int, choice: str) -> None:
    box = course.locator(".admonition.question").nth(n - 1)
    box.get_by_role("radio", name=re.compile("^" + re.escape(choice))).check()
    box.get_by_role("button", name="Check").click()
    expect(box.locator(".bcq-feedback")).not_to_be_empty()


def value(page, key: str) -> str:
    return str(page.evaluate("k => value(k)", key))


def leave(page) -> None:
    """The learner leaves the course: the LMS closes the activity's frame."""
    page.evaluate("document.getElementById('sco').src = 'about:blank'")
    page.wait_for_function("called('LMSFinish') >= 1")


@pytest.mark.parametrize("runtime", ["recording", "scorm-again"])
def test_answering_the_quiz_sets_score_and_status(page, lms, scorm_again, runtime):
    if runtime == "scorm-again" and scorm_again is None:
        pytest.skip("scorm-again: npm is not installed or the install failed")
    url = lms + f"{runtime}.html"
    course = open_quiz(page, url)
    page.wait_for_function("value('cmi.core.lesson_status') === 'incomplete'")
    answer(course, 1, "B.")  # right
    page.wait_for_function("value('cmi.core.score.raw') == '33'")
    assert value(page, "cmi.core.lesson_status") == "incomplete"
    answer(course, 2, "B.")  # wrong
    answer(course, 3, "B.")  # right: 2 of 3, 67 >= the mastery score 60
    page.wait_for_function("value('cmi.core.score.raw') == '67'")
    assert value(page, "cmi.core.lesson_status") == "passed"
    saved = value(page, "cmi.suspend_data")
    assert 0 < len(saved) <= 4096
    assert json.loads(saved)["v"] == 1
    leave(page)
    assert value(page, "cmi.core.lesson_status") == "passed"  # kept by the LMS after leaving


def test_below_the_mastery_score_everything_answered_is_failed(page, lms):
    course = open_quiz(page, lms + "recording.html")
    answer(course, 1, "A.")
    answer(course, 2, "A.")
    answer(course, 3, "A.")
    page.wait_for_function("value('cmi.core.score.raw') == '33'")
    assert value(page, "cmi.core.lesson_status") == "failed"
    leave(page)
    assert re.fullmatch(r"\d{4}:\d{2}:\d{2}", value(page, "cmi.core.session_time"))
    finish = page.evaluate("calls.map(c => c[0])")
    assert finish.count("LMSInitialize") == 1 and finish[-1] == "LMSFinish"
    assert "LMSCommit" in finish[finish.index("LMSInitialize"):]


def test_a_later_visit_resumes_from_suspend_data(browser, lms):
    first = browser.new_context()
    page = first.new_page()
    course = open_quiz(page, lms + "recording.html")
    answer(course, 1, "B.")
    page.wait_for_function("value('cmi.core.score.raw') == '33'")
    leave(page)
    assert value(page, "cmi.core.exit") == "suspend"  # unfinished: the LMS keeps the data
    saved = {"cmi.suspend_data": value(page, "cmi.suspend_data"),
             "cmi.core.lesson_status": "incomplete"}
    first.close()
    later = browser.new_context()  # another browser: nothing in its localStorage
    page = later.new_page()
    course = open_quiz(page, lms + "recording.html#" + quote(json.dumps(saved)))
    box = course.locator(".admonition.question").nth(0)
    expect(box.locator(".bcq-feedback")).to_have_text("✓ Correct.")
    expect(course.locator(".bcq-score")).to_have_text("1 of 3 correct (1 of 3 answered)")
    later.close()


MATCHING = LESSON.split("!!! question")[0] + """!!! question matching "Question 1"

    Match each day to the shop's hours.

    1. Monday
    2. Saturday
    3. Sunday

    *Explanations:*

    - A. Closed all day.
    - B. Nine to six.
    - C. Ten to four.

    ??? success "Show answer"

        **Answer: 1 B, 2 C, 3 A.**
"""


@pytest.fixture(scope="module")
def matching_lms(tmp_path_factory: pytest.TempPathFactory, engine: str,
                 scorm_again: Path | None) -> Iterator[str]:
    yield from _served_package(tmp_path_factory, engine, scorm_again, MATCHING)


def test_a_matching_question_is_scored_saved_and_resumed(browser, matching_lms):
    first = browser.new_context()
    page = first.new_page()
    course = open_quiz(page, matching_lms + "recording.html")
    box = course.locator(".admonition.question.matching")
    for day, hours in (("Monday", "Nine to six."), ("Saturday", "Ten to four."),
                       ("Sunday", "Closed all day.")):
        box.get_by_role("combobox", name=day).select_option(label=hours)
    box.get_by_role("button", name="Check").click()
    page.wait_for_function("value('cmi.core.score.raw') == '100'")
    assert value(page, "cmi.core.lesson_status") == "passed"
    data = json.loads(value(page, "cmi.suspend_data"))
    [state] = [p["q"] for p in data["p"].values()]
    [(_, answered)] = state.items()
    assert answered["pick"] == ["B", "C", "A"] and answered["ok"] is True
    leave(page)
    first.close()
    # a later visit in another browser: the answers come back from the LMS ...
    saved = {"cmi.suspend_data": json.dumps(data), "cmi.core.lesson_status": "passed"}
    later = browser.new_context()
    page = later.new_page()
    box = open_quiz(page, matching_lms + "recording.html#" + quote(json.dumps(saved))).locator(
        ".admonition.question.matching")
    expect(box.locator(".bcq-feedback")).to_have_text("✓ Correct: every term matched.")
    expect(box.get_by_role("combobox", name="Saturday")).to_have_value("C")
    later.close()
    # ... and from the compact form (right or wrong only, by place): each row's answer shown
    for page_state in data["p"].values():
        page_state["q"] = {"0-": {"done": True, "ok": False}}
    saved["cmi.suspend_data"] = json.dumps(data)
    again = browser.new_context()
    page = again.new_page()
    box = open_quiz(page, matching_lms + "recording.html#" + quote(json.dumps(saved))).locator(
        ".admonition.question.matching")
    expect(box.locator(".bcq-feedback")).to_have_text(
        "✗ Incorrect: 0 of 3 matched. All or nothing.")
    expect(box.locator(".bcq-pair").nth(2)).to_contain_text("The answer is: Closed all day.")
    again.close()


def test_outside_an_lms_the_package_works_and_reports_nothing(page, lms):
    page.goto(lms + "course/scorm-launch.html")
    course = page.frame_locator("#course")
    course.locator('a[href$="-quiz.html"]').first.click()
    answer(course, 1, "B.")
    expect(course.locator(".bcq-score")).to_have_text("1 of 3 correct (1 of 3 answered)")
    page.goto(lms + "course/index.html")  # opened without the launch page, too
    expect(page.locator("a.bc-quiz + .bc-status").first).to_contain_text("1 of 3 right")


# A course of 1,000 quiz pages: the package's own pages, and its course data (routed) listing
# 999 more quiz pages whose answers this browser already holds, as quiz.js keeps them.
OTHERS = 999


def other_state(k: int, questions: int) -> dict:
    """Page k's answers: choices right and wrong, checked or not, open questions rated."""
    q = {}
    for i in range(questions):
        kind = (k + i) % 5
        if kind == 0:
            q[f"{i}-h{k}"] = {"sel": [1], "done": True, "ok": True}
        elif kind == 1:
            q[f"{i}-h{k}"] = {"sel": [0], "done": True, "ok": False}
        elif kind == 2:
            q[f"{i}-h{k}"] = {"sel": [0]}  # chosen, not checked
        elif kind == 3:
            q[f"{i}-h{k}"] = {"text": "My answer.", "rev": True,
                              "rate": ["got", "partly", "not", None][k % 4]}
    ok = sum(1 for s in q.values() if s.get("ok") or s.get("rate") == "got")
    done = sum(1 for s in q.values() if s.get("done") or s.get("rate"))
    return {"v": 1, "q": q, "n": {"9-x": "A note."}, "s": [ok, done, questions]}


def large_course(page, lms: str, questions: int) -> dict:
    """Route the package's course data to list 1,000 quiz pages (the real one in the
    middle); return {page: state} of the 999 others."""
    real = json.loads(re.search(r"= (\{.*\});", page.request.get(
        lms + "course/assets/course/scorm-course.js").text())[1])
    (name, count), = real["quizzes"].items()
    names = [f"lesson-{k:04d}-quiz.html" for k in range(OTHERS)]
    quizzes = {n: questions for n in names[:500]} | {name: count} | \
        {n: questions for n in names[500:]}
    data = dict(real, quizzes=quizzes)
    page.context.route("**/assets/course/scorm-course.js", lambda route: route.fulfill(
        content_type="text/javascript",
        body="window.BUILD_COURSE_SCORM = " + json.dumps(data) + ";"))
    return {n: other_state(k, questions) for k, n in enumerate(names)}


def stored(course, name: str):
    return course.locator("body").evaluate(
        "(b, n) => JSON.parse(localStorage.getItem('build-course-quiz:' + "
        "new URL('./', location.href).pathname.replace(/[^/]+\\/$/, '') + ':' + n))", name)


@pytest.mark.parametrize("questions, form", [(4, "2:"), (12, "3:")])
def test_a_thousand_quizzes_fit_suspend_data_and_come_back(browser, lms, questions, form):
    first = browser.new_context()
    page = first.new_page()
    others = large_course(page, lms, questions)
    page.goto(lms + "course/scorm-launch.html")  # outside the LMS: fill this browser's storage
    root = page.evaluate("new URL('./', location.href).pathname")
    page.evaluate("([root, states]) => Object.entries(states).forEach(([n, s]) => "
                  "localStorage.setItem('build-course-quiz:' + root + ':' + n, JSON.stringify(s)))",
                  [root, others])
    course = open_quiz(page, lms + "recording.html")
    answer(course, 1, "B.")  # right
    answer(course, 2, "B.")  # wrong
    ok = 1 + sum(s["s"][0] for s in others.values())
    total = 3 + questions * OTHERS
    raw = str(round(100 * ok / total))
    page.wait_for_function(f"value('cmi.core.score.raw') == '{raw}' && "
                           "value('cmi.suspend_data').length > 0")
    leave(page)
    saved = value(page, "cmi.suspend_data")
    assert len(saved) <= 4096 and saved.startswith(form)
    first.close()

    later = browser.new_context()  # another browser: only the LMS's data
    page = later.new_page()
    large_course(page, lms, questions)
    lms_data = {"cmi.suspend_data": saved, "cmi.core.lesson_status": "incomplete"}
    page.goto(lms + "recording.html#" + quote(json.dumps(lms_data)))
    page.wait_for_function(f"value('cmi.core.score.raw') == '{raw}'")  # every page's score kept
    if form == "3:":
        later.close()
        return
    course = page.frame_locator("#sco").frame_locator("#course")
    course.locator('a[href$="-quiz.html"]').first.click()
    boxes = course.locator(".admonition.question")
    expect(boxes.nth(0).locator(".bcq-feedback")).to_have_text("✓ Correct.")
    expect(boxes.nth(1).locator(".bcq-feedback")).to_contain_text("✗ Incorrect.")
    expect(course.locator(".bcq-score")).to_have_text("1 of 3 correct (2 of 3 answered)")
    for k in (0, 1, 2, 3, 998):  # the other pages' states are back in this browser
        name = f"lesson-{k:04d}-quiz.html"
        back, want = stored(course, name), others[name]
        assert back["s"] == want["s"]
        codes = {i.split("-")[0]: s for i, s in want["q"].items() if s.get("done") or s.get("rev")}
        assert set(back["q"]) == {i + "-" for i in codes}
        for i, s in codes.items():
            assert back["q"][i + "-"] == {k2: v for k2, v in s.items()
                                         if k2 in ("done", "ok", "rev") or (k2 == "rate" and v)}
    page.wait_for_function(f"value('cmi.suspend_data') == {json.dumps(saved)}")  # the same again
    later.close()
