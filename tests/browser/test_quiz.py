"""Quiz pages in a real browser: answering, score, storage, keyboard, no-JS, print."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import rcssmin
import rjsmin

pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
if shutil.which("chromium") is None:
    pytest.skip("chromium is not installed", allow_module_level=True)

from playwright.sync_api import expect  # noqa: E402

from .conftest import FIXTURE, NOTES, QUIZ  # noqa: E402

ASSETS = Path(__file__).resolve().parents[2] / "build_course" / "assets"
SCORED = 12  # choice and open questions on the Customer Service Basics quiz


def question(page, n: int):
    """The n-th question box on the page (1-based, across exercises)."""
    return page.locator(".admonition.question").nth(n - 1)


def expect_score(page, right: int, answered: int, total: int = SCORED) -> None:
    expect(page.locator(".bcq-score")).to_have_text(
        f"{right} of {total} correct ({answered} of {total} answered)")


def open_quiz(page, base_url: str, path: str = QUIZ):
    page.goto(base_url + path)
    expect(page.locator("article[data-bcq]")).to_have_count(1)
    return page


def test_single_choice_is_a_radio_group_lettered_in_source_order(page, base_url):
    q = question(open_quiz(page, base_url), 3)
    prompt = "When providing customer service, it is always important to:"
    group = q.get_by_role("group", name=prompt)
    expect(group).to_have_count(1)
    expect(group.get_by_role("radio")).to_have_count(4)
    expect(group.locator(".bcq-letter")).to_have_text(["A.", "B.", "C.", "D."])
    expect(group.locator("label").nth(2)).to_contain_text("Go the extra mile")
    expect(q.locator("details")).to_be_hidden()  # the answer waits for Check


def test_true_false_is_a_radio_group(page, base_url):
    q = question(open_quiz(page, base_url), 11)
    expect(q.get_by_role("radio")).to_have_count(2)
    q.get_by_role("radio", name="B. False.").check()
    q.get_by_role("button", name="Check").click()
    expect(q.locator(".bcq-feedback")).to_have_text("✓ Correct.")


def test_right_answer(page, base_url):
    q = question(open_quiz(page, base_url), 3)
    q.get_by_role("radio", name=re.compile("Go the extra mile")).check()
    q.get_by_role("button", name="Check").click()
    feedback = q.locator(".bcq-feedback")
    expect(feedback).to_have_text("✓ Correct.")
    expect(feedback).to_have_attribute("aria-live", "polite")
    expect(q.locator(".bcq-opt").nth(2)).to_contain_text("✓ Correct, your choice")
    expect(q.locator("details")).to_have_attribute("open", "")
    expect(q.get_by_text("Answer: C.")).to_be_visible()
    expect(q.get_by_role("radio").first).to_be_disabled()
    expect_score(page, 1, 1)


def test_wrong_answer(page, base_url):
    q = question(open_quiz(page, base_url), 3)
    q.get_by_role("radio", name=re.compile("^A\\.")).check()
    q.get_by_role("button", name="Check").click()
    expect(q.locator(".bcq-feedback")).to_have_text("✗ Incorrect. The answer is C.")
    expect(q.locator(".bcq-opt").nth(0)).to_contain_text("✗ Your choice, incorrect")
    expect(q.locator(".bcq-opt").nth(2)).to_contain_text("✓ Correct answer")
    expect(q.get_by_text("Answer: C.")).to_be_visible()
    expect_score(page, 0, 1)


def test_check_without_a_choice_asks_for_one(page, base_url):
    q = question(open_quiz(page, base_url), 3)
    q.get_by_role("button", name="Check").click()
    expect(q.locator(".bcq-feedback")).to_have_text("Choose an option first.")
    expect(q.locator("details")).to_be_hidden()


def test_multiple_choice_is_all_or_nothing_and_names_wrong_choices(page, base_url):
    q = question(open_quiz(page, base_url, FIXTURE), 1)
    expect(q.get_by_role("group", name=re.compile("Choose all that apply"))).to_have_count(1)
    expect(q.get_by_role("checkbox")).to_have_count(4)
    q.get_by_role("checkbox", name=re.compile("^A\\.")).check()
    q.get_by_role("checkbox", name=re.compile("^B\\.")).check()
    q.get_by_role("button", name="Check").click()
    expect(q.locator(".bcq-feedback")).to_have_text(
        "✗ Incorrect. Wrong choices: B. Missed: C. All or nothing: the answer is A, C.")
    expect(page.locator(".bcq-score")).to_have_text("0 of 1 correct (1 of 1 answered)")


def test_multiple_choice_right(page, base_url):
    q = question(open_quiz(page, base_url, FIXTURE), 1)
    q.get_by_role("checkbox", name=re.compile("^A\\.")).check()
    q.get_by_role("checkbox", name=re.compile("^C\\.")).check()
    q.get_by_role("button", name="Check").click()
    expect(q.locator(".bcq-feedback")).to_have_text("✓ Correct.")
    expect(page.locator(".bcq-score")).to_have_text("1 of 1 correct (1 of 1 answered)")


def test_open_question_reveal_and_self_rating(page, base_url):
    q = question(open_quiz(page, base_url), 1)
    expect(q.locator("details")).to_be_hidden()
    q.get_by_role("textbox", name="Your answer").fill("No, it was rude.")
    q.get_by_role("button", name="Reveal model answer").click()
    expect(q.get_by_text("No, Martha's behavior is not appropriate.")).to_be_visible()
    rating = q.get_by_role("group", name="How did your answer compare?")
    rating.get_by_role("button", name="Got it").click()
    expect(rating.get_by_role("button", name="✓ Got it")).to_have_attribute("aria-pressed", "true")
    expect(q.locator(".bcq-feedback")).to_contain_text("You rated this: Got it")
    expect_score(page, 1, 1)
    rating.get_by_role("button", name="Partly").click()
    expect_score(page, 0, 1)


def answer_some(page):
    q3 = question(page, 3)
    q3.get_by_role("radio", name=re.compile("Go the extra mile")).check()
    q3.get_by_role("button", name="Check").click()
    q4 = question(page, 4)
    q4.get_by_role("radio", name=re.compile("Thanking them")).check()
    q4.get_by_role("button", name="Check").click()
    q1 = question(page, 1)
    q1.get_by_role("textbox", name="Your answer").fill("She should apologise.")
    q1.get_by_role("button", name="Reveal model answer").click()
    q1.get_by_role("button", name="Got it").click()
    expect_score(page, 2, 3)


def test_progress_survives_reload(page, base_url):
    answer_some(open_quiz(page, base_url))
    page.reload()
    expect(page.locator("article[data-bcq]")).to_have_count(1)
    expect_score(page, 2, 3)
    expect(question(page, 3).locator(".bcq-feedback")).to_have_text("✓ Correct.")
    extra_mile = question(page, 3).get_by_role("radio", name=re.compile("Go the extra mile"))
    expect(extra_mile).to_be_checked()
    expect(question(page, 4).locator(".bcq-feedback")).to_contain_text("✗ Incorrect.")
    expect(question(page, 1).get_by_role("textbox", name="Your answer")).to_have_value(
        "She should apologise.")
    expect(question(page, 1).get_by_role("button", name="✓ Got it")).to_have_attribute(
        "aria-pressed", "true")
    keys = page.evaluate("Object.keys(localStorage)")
    assert [k for k in keys if "quiz" in k] == ["build-course-quiz:/:" + QUIZ]


def test_unchecked_choice_is_kept_too(page, base_url):
    q = question(open_quiz(page, base_url), 3)
    q.get_by_role("radio", name=re.compile("^B\\.")).check()
    page.reload()
    expect(question(page, 3).get_by_role("radio", name=re.compile("^B\\."))).to_be_checked()
    expect(question(page, 3).locator(".bcq-feedback")).to_have_text("")


def test_starting_over_clears_the_page(page, base_url):
    answer_some(open_quiz(page, base_url))
    page.get_by_role("button", name="Start the whole quiz over").click()
    expect_score(page, 0, 0)
    expect(page.locator(".bcq-said")).to_contain_text("Answers cleared.")
    q3 = question(page, 3)
    expect(q3.get_by_role("radio", name=re.compile("Go the extra mile"))).not_to_be_checked()
    expect(q3.get_by_role("radio").first).to_be_enabled()
    expect(q3.locator("details")).to_be_hidden()
    expect(question(page, 1).get_by_role("textbox", name="Your answer")).to_have_value("")
    expect(page.get_by_role("button", name="Start the whole quiz over")).to_be_focused()
    page.reload()
    expect_score(page, 0, 0)


@pytest.mark.parametrize("width", [390, 1280])
def test_questions_are_body_size_and_touch_targets_44_px(page, base_url, width):
    page.set_viewport_size({"width": width, "height": 900})
    q3 = question(open_quiz(page, base_url), 3)
    q3.get_by_role("radio", name=re.compile("^A\\.")).check()
    q3.get_by_role("button", name="Check").click()
    size = "e => parseFloat(getComputedStyle(e).fontSize)"
    body = page.locator("article > p").first.evaluate(size)
    assert q3.locator("legend").evaluate(size) >= body
    for option in q3.locator(".bcq-opt").all():
        assert option.evaluate(size) >= body
        assert option.bounding_box()["height"] >= 44
    for button in page.locator("article .bcq-btn:visible").all():
        box = button.bounding_box()
        assert box["height"] >= 44 and box["width"] >= 44, button.inner_text()
    # the verdict is a line of its own: the option's text keeps its width
    chosen = q3.locator(".bcq-opt").first
    text, mark = chosen.locator("span").nth(1), chosen.locator(".bcq-mark")
    expect(mark).to_have_text("✗ Your choice, incorrect")
    assert mark.bounding_box()["y"] >= text.bounding_box()["y"] + text.bounding_box()["height"] - 1
    untouched = q3.locator(".bcq-opt").nth(1).locator("span").nth(1)
    assert abs(text.bounding_box()["width"] - untouched.bounding_box()["width"]) < 1


def test_numbers_run_through_the_page_and_instructions_fit_it(page, base_url):
    open_quiz(page, base_url)
    titles = page.locator(".admonition.question > .admonition-title").all_inner_texts()
    assert titles == [f"Question {n}" for n in range(1, SCORED + 1)]
    expect(page.locator("article")).to_contain_text("press Check")
    open_quiz(page, base_url, NOTES)
    expect(page.locator("article")).not_to_contain_text("press Check")
    expect(page.locator("article")).to_contain_text("no single right answer")


def test_try_again_resets_one_question(page, base_url):
    answer_some(open_quiz(page, base_url))
    q3, q4 = question(page, 3), question(page, 4)
    expect(q3.get_by_role("button", name="Try again")).to_have_accessible_name(
        "Try again: Question 3")
    q4.get_by_role("button", name="Try again").click()
    expect_score(page, 2, 2)
    q4 = question(page, 4)
    expect(q4.get_by_role("radio").first).to_be_focused()
    expect(q4.get_by_role("radio").first).to_be_enabled()
    expect(q4.locator(".bcq-feedback")).to_have_text("")
    expect(q4.get_by_role("button", name="Try again")).to_be_hidden()
    expect(question(page, 3).locator(".bcq-feedback")).to_have_text("✓ Correct.")
    page.reload()
    expect_score(page, 2, 2)
    expect(question(page, 4).get_by_role("button", name="Check")).to_be_enabled()


def test_every_control_in_the_tab_order_has_a_name(page, base_url):
    open_quiz(page, base_url)
    for _ in range(12):
        page.keyboard.press("Tab")
        name = page.evaluate("""() => { const e = document.activeElement;
            return (e.labels && e.labels.length) || e.getAttribute('aria-label')
              || e.getAttribute('title') || e.textContent.trim() || e.placeholder; }""")
        assert name, page.evaluate("document.activeElement.outerHTML")


def test_keyboard_only(page, base_url):
    open_quiz(page, base_url)
    question(page, 2).get_by_role("button", name="Reveal model answer").focus()
    page.keyboard.press("Tab")  # into question 3's radio group
    q3 = question(page, 3)
    expect(q3.get_by_role("radio").first).to_be_focused()
    page.keyboard.press("Space")
    expect(q3.get_by_role("radio").first).to_be_checked()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    expect(q3.get_by_role("radio", name=re.compile("Go the extra mile"))).to_be_checked()
    page.keyboard.press("Tab")
    check = q3.get_by_role("button", name="Check")
    expect(check).to_be_focused()
    outline = check.evaluate("b => getComputedStyle(b).outlineStyle")
    assert outline not in ("", "none"), "focus must be visible"
    page.keyboard.press("Enter")
    expect(q3.locator(".bcq-feedback")).to_have_text("✓ Correct.")
    expect(q3.get_by_role("button", name="Checked")).to_be_focused()  # focus is not lost

    q1 = question(page, 1)
    q1.get_by_role("textbox", name="Your answer").focus()
    page.keyboard.type("Apologise first.")
    page.keyboard.press("Tab")
    expect(q1.get_by_role("button", name="Reveal model answer")).to_be_focused()
    page.keyboard.press("Space")
    expect(q1.get_by_text("No, Martha's behavior is not appropriate.")).to_be_visible()
    page.keyboard.press("Tab")  # the model answer's summary
    page.keyboard.press("Tab")
    expect(q1.get_by_role("button", name="Got it")).to_be_focused()
    page.keyboard.press("Enter")
    expect_score(page, 2, 2)


def test_reflection_keeps_notes_and_shows_no_answer(page, base_url):
    open_quiz(page, base_url, NOTES)
    q = question(page, 2)
    expect(q.locator("details")).to_have_count(0)
    q.get_by_role("textbox", name="Your notes").fill("Students; staff.")
    expect(page.locator(".bcq-panel")).to_have_count(0)  # nothing to score here
    page.reload()
    expect(page.locator("article[data-bcq]")).to_have_count(1)
    notes = question(page, 2).get_by_role("textbox", name="Your notes")
    expect(notes).to_have_value("Students; staff.")
    expect(question(page, 2)).not_to_contain_text("Answer:")


def _page_with(browser, script: str) -> tuple:
    """A page of a fresh context where ``script`` runs first; its script errors."""
    ctx = browser.new_context()
    ctx.add_init_script(script)
    pg = ctx.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(exc.stack or str(exc)))
    return ctx, pg, errors


def test_blocked_storage_degrades_to_no_saving(browser, base_url):
    ctx, pg, errors = _page_with(browser, "Object.defineProperty(window, 'localStorage', {get()"
                                 " { throw new DOMException('denied', 'SecurityError'); }});")
    q = question(open_quiz(pg, base_url), 3)
    q.get_by_role("radio", name=re.compile("Go the extra mile")).check()
    q.get_by_role("button", name="Check").click()
    expect(q.locator(".bcq-feedback")).to_have_text("✓ Correct.")
    expect(pg.locator(".bcq-panel")).to_contain_text("can't be saved")
    ctx.close()
    # Material's own bundle reports the blocked storage; quiz.js must not.
    assert not [e for e in errors if "quiz.js" in e], errors


def test_full_storage_degrades_to_no_saving(browser, base_url):
    ctx, pg, errors = _page_with(browser, "Storage.prototype.setItem = function () "
                                 "{ throw new DOMException('full', 'QuotaExceededError'); };")
    q = question(open_quiz(pg, base_url), 3)
    q.get_by_role("radio", name=re.compile("^A\\.")).check()
    q.get_by_role("button", name="Check").click()
    expect(q.locator(".bcq-feedback")).to_contain_text("✗ Incorrect.")
    ctx.close()
    assert not errors, errors


def test_without_javascript_the_answers_are_in_details(browser, base_url):
    ctx = browser.new_context(java_script_enabled=False)
    pg = ctx.new_page()
    pg.goto(base_url + QUIZ)
    q = question(pg, 3)
    expect(q.locator("li")).to_have_count(4)
    expect(q.locator(".bcq-btn")).to_have_count(0)
    details = q.locator("details")
    expect(details).not_to_have_attribute("open", "")
    expect(q.get_by_text("Answer: C.")).to_be_hidden()
    details.locator("summary").click()
    expect(details).to_have_attribute("open", "")
    expect(q.get_by_text("Answer: C.")).to_be_visible()
    ctx.close()


def test_print_hides_controls_and_unopened_answers(page, base_url):
    q3 = question(open_quiz(page, base_url), 3)
    q3.get_by_role("radio", name=re.compile("Go the extra mile")).check()
    q3.get_by_role("button", name="Check").click()
    page.emulate_media(media="print")
    for button in page.locator("article button").all():
        expect(button).to_be_hidden()
    for area in page.locator("article textarea").all():
        expect(area).to_be_hidden()
    expect(page.locator("article summary").first).to_be_hidden()
    expect(q3.get_by_text("Answer: C.")).to_be_visible()  # opened on screen: printed
    expect(q3.locator(".bcq-feedback")).to_be_visible()
    expect(question(page, 4).get_by_text("Answer: B.")).to_be_hidden()
    expect(page.locator(".bcq-score")).to_be_visible()
    page.emulate_media(media="screen")
    expect(q3.get_by_role("button", name="Checked")).to_be_visible()


def test_assets_are_small_and_self_contained(site_dir):
    # the budget is what the browser loads: the built site's copies (minified)
    served = [site_dir / "assets" / "course" / name for name in ("quiz.js", "quiz.css")]
    assert sum(len(path.read_bytes()) for path in served) < 20_000
    js = (ASSETS / "quiz.js").read_text(encoding="utf-8")
    css = (ASSETS / "quiz.css").read_text(encoding="utf-8")
    assert served[0].read_text(encoding="utf-8") == rjsmin.jsmin(js)
    assert served[1].read_text(encoding="utf-8") == rcssmin.cssmin(css)
    for text in (js, css):
        assert not re.search(r"https?:|@import|url\(|fetch\(|XMLHttpRequest|sendBeacon", text)


@pytest.mark.parametrize("path", [QUIZ, NOTES, FIXTURE])
def test_axe_finds_no_violations_in_the_quiz_ui(page, base_url, axe_js, path):
    open_quiz(page, base_url, path)
    for box in page.locator(".admonition.question").all():  # every state: checked, revealed
        for button in box.get_by_role("button", name=re.compile("^(Check|Reveal)")).all():
            choice = box.locator("input").first
            if choice.count():
                choice.check()
            button.click()
    page.add_script_tag(path=str(axe_js))
    result = page.evaluate("""axe.run({include: [['.bcq'], ['.bcq-panel']]},
        {runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice']})""")
    problems = [(v["id"], [n["target"] for n in v["nodes"]]) for v in result["violations"]]
    assert not problems, problems


LESSON = "webucator-customer-service-basics/customer-service-basics/"
SHORT = "tutorialspoint-customer-service/understanding-customers-problem"  # 3 questions


def home_status(page, href: str):
    link = page.locator(f"article a[href$='{href}/']")
    return link.locator("xpath=following-sibling::span[contains(@class,'bc-status')][1]")


def test_home_page_shows_progress_continue_and_clears_after_confirming(page, base_url):
    q = question(open_quiz(page, base_url), 3)
    q.get_by_role("radio", name=re.compile("Go the extra mile")).check()
    q.get_by_role("button", name="Check").click()
    page.goto(base_url)
    expect(home_status(page, "customer-service-basics-quiz")).to_have_text(
        " (1 of 12 right, 1 answered)")
    # its lesson is begun with its quiz; the other lessons are not
    expect(home_status(page, "customer-service-basics")).to_have_text(" (opened)")
    expect(home_status(page, "tutorialspoint-customer-service/attitude")).to_have_text(
        " (not started)")
    progress = page.locator(".bc-progress")
    expect(progress).to_contain_text("0 of 13 lessons done, 1 of ")
    expect(progress).to_contain_text(" questions right.")
    go = page.locator("#bc-continue")
    expect(go).to_have_text("Continue: Quiz: Customer Service Basics")
    go.click()
    expect(page).to_have_url(base_url + QUIZ)

    page.goto(base_url)
    clear = page.get_by_role("button", name="Clear my progress…")
    clear.click()
    ask = page.get_by_role("group", name="Clear my progress")
    expect(ask).to_contain_text("every quiz answer, score and rating, your reflection notes")
    ask.get_by_role("button", name="No, keep it").click()
    expect(ask).to_be_hidden()
    expect(home_status(page, "customer-service-basics-quiz")).to_contain_text("1 of 12 right")
    clear.click()
    page.get_by_role("button", name="Yes, clear my progress").click()
    expect(home_status(page, "customer-service-basics-quiz")).to_have_text(" (not started)")
    expect(page.get_by_text("Progress cleared.")).to_be_visible()
    expect(progress).to_contain_text("0 of 13 lessons done, 0 of ")
    page.reload()
    expect(go).to_have_text(re.compile("^Start with the first lesson"))
    page.goto(base_url + QUIZ)
    expect(page.locator(".bcq-score")).to_have_text("0 of 12 correct (0 of 12 answered)")


@pytest.mark.parametrize("width", [390, 1280])
def test_a_lesson_knows_its_place_and_can_be_marked_done(page, base_url, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(base_url + LESSON)
    place = page.locator("article .bc-place")
    expect(place).to_have_text(re.compile(
        r"^Lesson 1 of 13 · Customer Service Basics · about \d+ minutes of reading$"))
    done = page.get_by_role("button", name="Mark this lesson as done")
    expect(done).to_have_attribute("aria-pressed", "false")
    assert done.bounding_box()["height"] >= 44
    done.click()
    expect(done).to_have_attribute("aria-pressed", "true")
    page.goto(base_url)
    expect(home_status(page, "customer-service-basics")).to_have_text(" (✓ done)")
    expect(page.locator(".bc-progress")).to_contain_text("1 of 13 lessons done")
    page.goto(base_url + "tutorialspoint-customer-service/attitude/")
    expect(page.locator("article .bc-place")).to_contain_text("Lesson 4 of 13 · Customer Service")


def test_finishing_a_quiz_marks_its_lesson_done(page, base_url):
    open_quiz(page, base_url, SHORT + "-quiz/")
    for n in range(1, 4):  # whatever their kinds (the questions are generated)
        q = question(page, n)
        if q.get_by_role("button", name="Reveal model answer").count():
            q.get_by_role("button", name="Reveal model answer").click()
            q.get_by_role("button", name="Partly").click()
        else:
            q.get_by_role("radio").first.check()
            q.get_by_role("button", name="Check").click()
    page.goto(base_url)
    expect(home_status(page, SHORT)).to_have_text(" (✓ done)")
    expect(home_status(page, SHORT + "-quiz")).to_have_text(
        re.compile(r" \(\d of 3 right, 3 answered\)"))
    page.goto(base_url + SHORT + "/")
    expect(page.get_by_role("button", name="Mark this lesson as done")).to_have_attribute(
        "aria-pressed", "true")


def test_home_page_names_sources_without_file_names(page, base_url):
    page.goto(base_url)
    expect(page.locator("article")).to_contain_text("Source: Webucator, “Customer Service Basics”.")
    assert not re.search(r"\w+_[0-9a-f]{8,}\.txt", page.locator("article").inner_text())




@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("path", [LESSON, QUIZ, ""])
def test_axe_finds_no_serious_or_critical_violations_on_whole_pages(page, base_url, axe_js,
                                                                     path, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(base_url + path)
    page.wait_for_load_state("load")
    page.add_script_tag(path=str(axe_js))
    result = page.evaluate("axe.run(document)")  # every rule, not only the WCAG-tagged ones
    problems = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:5])
                for v in result["violations"] if v["impact"] in ("serious", "critical")]
    assert not problems, problems


@pytest.mark.parametrize("path", [LESSON, QUIZ, ""])
def test_every_page_has_a_meta_description(page, base_url, path):
    page.goto(base_url + path)
    description = page.locator("meta[name=description]").get_attribute("content")
    assert 20 < len(description) <= 161
    if path == LESSON:  # from the lesson's objectives
        assert description.startswith("Learn the definition of customer service.")
    if path == QUIZ:
        assert description.startswith("Self-check quiz on the lesson Customer Service Basics: 12")


def test_a_quiz_prints_as_a_worksheet_with_room_to_write(page, base_url):
    space = "e => parseFloat(getComputedStyle(e, '::after').height) || 0"
    open_quiz(page, base_url)
    page.emulate_media(media="print")
    open_q, choice = question(page, 1), question(page, 3)
    assert open_q.evaluate(space) >= 100
    assert choice.evaluate(space) == 0
    page.emulate_media(media="screen")
    assert open_q.evaluate(space) == 0
    open_q.get_by_role("textbox", name="Your answer").fill("Apologise first.")
    page.emulate_media(media="print")
    assert open_q.evaluate(space) == 0  # what was written prints instead
    expect(open_q.locator(".bcq-print")).to_have_text("Apologise first.")
    open_quiz(page, base_url, NOTES)
    assert question(page, 2).evaluate(space) >= 100  # a reflection question


def test_without_javascript_a_quiz_prints_room_to_write_too(browser, base_url):
    ctx = browser.new_context(java_script_enabled=False)
    pg = ctx.new_page()
    pg.goto(base_url + QUIZ)
    pg.emulate_media(media="print")
    assert question(pg, 1).evaluate("e => parseFloat(getComputedStyle(e, '::after').height)") >= 100
    ctx.close()


@pytest.mark.parametrize("path", [QUIZ, NOTES])
def test_printed_pages_are_filled_and_a_question_title_stays_with_its_text(page, base_url, path):
    """Chromium's print (A4): kept whole, a question box a third of a page tall left that
    much blank; it may break between options and across its writing space instead."""
    import io

    import pdfplumber

    open_quiz(page, base_url, path)
    with pdfplumber.open(io.BytesIO(page.pdf(format="A4"))) as pdf:
        assert len(pdf.pages) >= 2
        for sheet in pdf.pages[:-1]:
            lines = sheet.extract_text_lines()
            assert lines[-1]["bottom"] / sheet.height > 0.65, (sheet.page_number, lines[-1])
            assert not re.fullmatch(r"Question \d+.*", lines[-1]["text"]), lines[-1]["text"]


TITLE_GAP = """fit => {
  const h1 = document.querySelector('article h1'), text = document.createRange();
  const words = [...h1.childNodes].filter(node => node.nodeType === Node.TEXT_NODE);
  text.setStartBefore(words[0]);
  text.setEndAfter(words[words.length - 1]);
  if (fit) {  // the title's text just fits its line, whatever the engine's font
    h1.style.whiteSpace = 'nowrap';
    const width = text.getBoundingClientRect().width;
    h1.style.whiteSpace = '';
    h1.style.width = `${Math.ceil(width) + 2}px`;
  }
  const body = document.querySelector("article > p:not(.bc-place)"), line = getComputedStyle(body);
  const next = h1.nextElementSibling.getBoundingClientRect().top;
  return [next - text.getBoundingClientRect().bottom, parseFloat(line.lineHeight)];
}"""


def test_a_lesson_title_is_followed_by_its_place_without_a_gap_on_a_phone(page, base_url):
    """At 390 px the title nearly filled its line: Material's hidden permalink (¶) wrapped
    alone onto a second line, an empty line between the title and "Lesson n of N"."""
    gaps = {}
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(base_url + LESSON)
        expect(page.locator("article h1 + .bc-place")).to_be_visible()
        gaps[width], line = page.evaluate(TITLE_GAP, False)
    # the permalink, out of the line's way, overflows nothing
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
    gaps["fitted"], _ = page.evaluate(TITLE_GAP, True)
    for gap in (gaps[390], gaps["fitted"]):
        assert 0 < gap < 1.5 * line and abs(gap - gaps[1280]) < 2, gaps


def test_take_the_self_check_stays_on_one_line_on_a_phone(page, base_url, tmp_path):
    """At 390 px the exercise box's link broke at its hyphen ("Take the self-" /
    "check"); the text stays as written (a plain hyphen: read and found as such)."""
    page.set_viewport_size({"width": 390, "height": 900})
    page.goto(base_url + LESSON)
    links = page.locator("article .bc-box a", has_text="Take the self-check")
    assert links.count() >= 3
    for link in links.all():
        assert link.inner_text() == "Take the self-check"
        assert link.evaluate("a => a.getClientRects().length") == 1
        box = link.evaluate("a => [a.getBoundingClientRect().right, "
                            "a.closest('.admonition').getBoundingClientRect().right]")
        assert box[0] <= box[1]  # inside its box, not over its edge
    links.first.scroll_into_view_if_needed()
    page.screenshot(path=tmp_path / "self-check-390.png")


def test_the_boxes_the_build_writes_are_body_size_an_authors_keep_the_themes(page, base_url):
    page.set_viewport_size({"width": 390, "height": 900})
    page.goto(base_url + LESSON)
    size = "e => parseFloat(getComputedStyle(e).fontSize)"
    body = page.locator("article > p").first.evaluate(size)
    assert body == 16
    goals = page.locator("article .admonition.abstract").filter(has_text="Lesson Goals")
    exercises = page.locator("article .admonition.example").filter(has_text="Take the self-check")
    expect(exercises.first).to_be_visible()
    for box in [goals, *exercises.all()]:
        assert box.locator("li, p:not(.admonition-title)").first.evaluate(size) == body
    authors = page.evaluate("""() => {
      const box = document.createElement('div');
      box.className = 'admonition note';
      box.innerHTML = '<p class="admonition-title">Note</p><p>An author\\'s own note.</p>';
      document.querySelector('article').append(box);
      return parseFloat(getComputedStyle(box.lastElementChild).fontSize);
    }""")
    assert authors < body  # Material's 12.8 px, as the author saw it
