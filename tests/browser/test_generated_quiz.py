"""A generated self-check in a real browser: marked as generated, answered like
any question, and its answer says where in the lesson it stands."""

from __future__ import annotations

import re
import shutil

import pytest

pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
if shutil.which("chromium") is None:
    pytest.skip("chromium is not installed", allow_module_level=True)

from playwright.sync_api import expect  # noqa: E402

GUIDE_QUIZ = "servicing-customers-competency-guide/servicing-customers-quiz/"


def _quote_question(page, base_url: str):
    page.goto(base_url + GUIDE_QUIZ)
    expect(page.locator("article[data-bcq]")).to_have_count(1)
    boxes = page.locator(".admonition.question.generated")
    expect(boxes.first).to_contain_text("(generated)")
    return boxes.filter(has_text="Your most unhappy customers")


def test_a_generated_question_is_marked_and_answered_right(page, base_url):
    q = _quote_question(page, base_url)
    expect(q).to_have_count(1)
    q.get_by_role("radio", name=re.compile("Bill Gates")).check()
    q.get_by_role("button", name="Check").click()
    expect(q.locator(".bcq-feedback")).to_have_text("✓ Correct.")
    expect(q.get_by_text(re.compile("^See: "))).to_be_visible()


def test_a_generated_question_answered_wrong_names_the_right_answer(page, base_url):
    q = _quote_question(page, base_url)
    q.get_by_role("radio", name=re.compile("Walt Disney")).check()
    q.get_by_role("button", name="Check").click()
    expect(q.locator(".bcq-feedback")).to_contain_text("✗ Incorrect. The answer is")
    expect(q.locator(".bcq-opt").filter(has_text="Bill Gates")).to_contain_text("✓ Correct answer")


STEPS_QUIZ = "tutorialspoint-customer-service/generating-business-quiz/"


def test_a_generated_which_step_comes_next_question_is_answered(page, base_url):
    page.goto(base_url + STEPS_QUIZ)
    q = page.locator(".admonition.question.generated").filter(has_text="comes right after")
    expect(q).to_have_count(1)
    expect(q).to_contain_text("Understand the problem")
    q.get_by_role("radio", name=re.compile("Reiterate what you have understood")).check()
    q.get_by_role("button", name="Check").click()
    expect(q.locator(".bcq-feedback")).to_have_text("✓ Correct.")
    expect(q.get_by_text(re.compile("^See: How to Address Complaints"))).to_be_visible()


PHONE_QUIZ = "tutorialspoint-customer-service/customer-service-over-phone-quiz/"
# each term, and the start of its explanation in the lesson
PAIRS = {"Smile genuinely": "Smile when you are talking", "Sound honest": "Be honest",
         "Use customer’s name": "Address the caller by name"}


def _matching_question(page, base_url: str):
    page.goto(base_url + PHONE_QUIZ)
    expect(page.locator("article[data-bcq]")).to_have_count(1)
    q = page.locator(".admonition.question.matching.generated")
    expect(q).to_have_count(1)
    return q


def _choose(q, term: str, start: str) -> None:
    """Pick, in the term's select, the explanation that starts with ``start``."""
    select = q.get_by_role("combobox", name=term)
    value = select.evaluate("(s, start) => Array.from(s.options).find("
                            "o => o.text.startsWith(start)).value", start)
    select.select_option(value)


def test_a_matching_question_is_a_labelled_select_per_term(page, base_url):
    q = _matching_question(page, base_url)
    expect(q.locator("select")).to_have_count(3)
    legend = q.locator("legend")
    expect(legend).to_contain_text("Match each term to its explanation.")
    for term in PAIRS:
        select = q.get_by_role("combobox", name=term)
        expect(select.locator("option")).to_have_count(4)  # "Choose…" and the three
        assert select.bounding_box()["height"] >= 44
        size = select.evaluate("s => getComputedStyle(s).fontSize")
        assert size == legend.evaluate("l => getComputedStyle(l).fontSize")
    # the same order in every select and on every visit, not the page's A, B, C
    orders = [s.evaluate("s => Array.from(s.options).map(o => o.text).join('|')")
              for s in q.locator("select").all()]
    assert len(set(orders)) == 1
    expect(q.locator("details")).to_be_hidden()


def test_a_matching_question_answered_right(page, base_url):
    q = _matching_question(page, base_url)
    q.get_by_role("button", name="Check").click()
    expect(q.locator(".bcq-feedback")).to_have_text("Choose an explanation for every term first.")
    for term, start in PAIRS.items():
        _choose(q, term, start)
    q.get_by_role("button", name="Check").click()
    expect(q.locator(".bcq-feedback")).to_have_text("✓ Correct: every term matched.")
    expect(q.locator(".bcq-pair.bcq-right")).to_have_count(3)
    expect(q.get_by_text(re.compile("^See: "))).to_be_visible()
    page.reload()  # kept in this browser
    q = page.locator(".admonition.question.matching")
    expect(q.locator(".bcq-feedback")).to_have_text("✓ Correct: every term matched.")
    expect(q.get_by_role("combobox", name="Sound honest")).to_be_disabled()


def test_a_matching_question_answered_wrong_then_tried_again(page, base_url):
    q = _matching_question(page, base_url)
    _choose(q, "Smile genuinely", PAIRS["Sound honest"])
    _choose(q, "Sound honest", PAIRS["Smile genuinely"])
    _choose(q, "Use customer’s name", PAIRS["Use customer’s name"])
    q.get_by_role("button", name="Check").click()
    expect(q.locator(".bcq-feedback")).to_have_text("✗ Incorrect: 1 of 3 matched. All or nothing.")
    wrong = q.locator(".bcq-pair.bcq-wrong")
    expect(wrong).to_have_count(2)
    expect(wrong.first).to_contain_text("✗ Incorrect. The answer is: Smile when you are talking")
    expect(q.locator(".bcq-pair.bcq-right")).to_contain_text("✓ Correct")
    q.get_by_role("button", name=re.compile("^Try again")).click()
    q = page.locator(".admonition.question.matching")
    expect(q.locator(".bcq-pair.bcq-wrong")).to_have_count(0)
    for term in PAIRS:
        expect(q.get_by_role("combobox", name=term)).to_have_value("")
    expect(q.get_by_role("combobox", name="Smile genuinely")).to_be_focused()


def test_without_javascript_a_matching_question_shows_both_lists_and_its_answer(browser,
                                                                                 base_url):
    ctx = browser.new_context(java_script_enabled=False)
    pg = ctx.new_page()
    pg.goto(base_url + PHONE_QUIZ)
    q = pg.locator(".admonition.question.matching")
    expect(q.locator("ol > li")).to_have_text(list(PAIRS))
    expect(q.locator("ul > li")).to_have_count(3)
    expect(q.locator("select")).to_have_count(0)
    answer = q.get_by_text(re.compile(r"^Answer: 1 [A-C], 2 [A-C], 3 [A-C]\.$"))
    expect(answer).to_be_hidden()
    q.locator("summary").click()
    expect(answer).to_be_visible()
    letters = dict(li.split(". ", 1) for li in q.locator("ul > li").all_inner_texts())
    for pair, (term, start) in zip(answer.inner_text().rstrip(".").split(": ")[1].split(", "),
                                   PAIRS.items()):
        assert letters[pair.split()[1]].startswith(start), (term, pair)
    ctx.close()


def test_axe_finds_no_violations_in_a_matching_question(page, base_url, axe_js):
    q = _matching_question(page, base_url)
    page.add_script_tag(path=str(axe_js))
    rule = "{runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice']}"
    for step in ("before", "checked"):
        if step == "checked":
            for term, start in PAIRS.items():
                _choose(q, term, start)
            _choose(q, "Sound honest", PAIRS["Smile genuinely"])
            q.get_by_role("button", name="Check").click()
        result = page.evaluate(f"axe.run({{include: [['.bcq.matching']]}}, {rule})")
        problems = [(v["id"], [n["target"] for n in v["nodes"]]) for v in result["violations"]]
        assert not problems, (step, problems)
