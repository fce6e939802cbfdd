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
