"""Quiz export: GIFT (parsed by gift-pegjs, the GIFT parser from npm, when npm
is there) and a QTI 2.1 package (read back as a QTI player would: manifest,
items, declared responses, choices, the scoring template)."""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from build_course.cli import main

LESSON = """---
title: "Handling returns"
---

A customer may return an item within thirty days, with the receipt.

## Check yourself

!!! question single-choice "Question 1"

    How long does a customer have to return an item {with a receipt}?

    - A. Seven days.
    - B. Thirty days: a month = 30 days.

    ??? success "Show answer"

        **Answer: B.** The policy says thirty days; see section #2.

!!! question multiple-choice "Question 2"

    Which of these does a return need?

    - A. The item.
    - B. A manager's signature.
    - C. The receipt.
    - D. The original box.

    ??? success "Show answer"

        **Answer: A, C.**

!!! question true-false "Question 3"

    A customer can return an item without a receipt.

    - A. True.
    - B. False.

    ??? success "Show answer"

        **Answer: B.**

!!! question open "Question 4"

    Why do we ask for the receipt?

    ??? success "Show model answer"

        It shows where and when the item was bought.

        And for how much.

!!! question reflection "Question 5"

    Think of a return you handled: what went well?

    *Reflect and write your own answer: there is no single right answer.*
"""


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("export")
    (folder / "source").mkdir()
    (folder / "source/handling-returns.md").write_text(LESSON, encoding="utf-8")
    (folder / "source/course.yml").write_text(
        "title: 'Returns: the basics'\nsources:\n  - file: handling-returns.md\n",
        encoding="utf-8")
    assert main(["--project", str(folder), "export", "gift"]) == 0
    assert main(["--project", str(folder), "export", "qti"]) == 0
    return folder


@pytest.fixture(scope="module")
def gift_parser(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """gift-pegjs from npm; skips (never fails) without npm, e.g. offline."""
    npm = shutil.which("npm")
    if npm is None or shutil.which("node") is None:
        pytest.skip("gift-pegjs: npm or node is not installed")
    folder = tmp_path_factory.mktemp("gift-pegjs")
    try:
        subprocess.run([npm, "install", "--no-audit", "--no-fund", "--silent", "--prefix",
                        str(folder), "gift-pegjs@1"], capture_output=True, timeout=180,
                       check=True)
    except (subprocess.SubprocessError, OSError) as exc:
        pytest.skip(f"gift-pegjs: npm install failed ({exc})")
    return folder / "node_modules" / "gift-pegjs"


def parse_gift(parser: Path, path: Path) -> list[dict]:
    script = ("const m = require(process.argv[1]); const parse = m.parse || m;"
              "const text = require('fs').readFileSync(process.argv[2], 'utf8');"
              "console.log(JSON.stringify(parse(text)));")
    done = subprocess.run(["node", "-e", script, str(parser), str(path)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_gift_parses_with_every_kind_of_question(project, gift_parser):
    questions = parse_gift(gift_parser, project / "dist/returns-the-basics.gift")
    category, single, multiple, true_false, open_, reflection = questions
    assert category == {"type": "Category", "title": "$course$/Returns: the basics/Handling "
                        "returns"}
    assert single["type"] == "MC" and single["stem"]["format"] == "markdown"
    # Markdown, as in the quiz page (where a brace is escaped for attr_list)
    assert single["stem"]["text"] == ("How long does a customer have to return an item "
                                      "\\{with a receipt\\}?")
    assert [(c["text"]["text"], c["isCorrect"]) for c in single["choices"]] == [
        ("Seven days.", False), ("Thirty days: a month = 30 days.", True)]
    assert single["choices"][1]["feedback"]["text"].endswith(
        "The policy says thirty days; see section #2.")
    assert [(c["isCorrect"], c["weight"]) for c in multiple["choices"]] == [
        (False, 50), (False, -50), (False, 50), (False, -50)]  # weights: right share 100
    assert true_false["type"] == "TF" and true_false["isTrue"] is False
    assert open_["type"] == "Essay"
    assert open_["globalFeedback"]["text"] == ("It shows where and when the item was bought."
                                               "\n\nAnd for how much.")
    assert reflection["type"] == "Essay" and reflection["globalFeedback"] is None


QTI = "{http://www.imsglobal.org/xsd/imsqti_v2p1}"
CP = "{http://www.imsglobal.org/xsd/imscp_v1p1}"


def read_qti(path: Path) -> list[etree._Element]:
    """The package's items, found through its manifest as a QTI player finds them."""
    with zipfile.ZipFile(path) as archive:
        manifest = etree.fromstring(archive.read("imsmanifest.xml"))
        assert manifest.tag == f"{CP}manifest"
        items = []
        for resource in manifest.iter(f"{CP}resource"):
            assert resource.get("type") == "imsqti_item_xmlv2p1"
            assert [f.get("href") for f in resource.iter(f"{CP}file")] == [resource.get("href")]
            items.append(etree.fromstring(archive.read(resource.get("href"))))
    return items


def test_qti_items_are_read_back_with_their_keys(project):
    items = read_qti(project / "dist/returns-the-basics-qti21.zip")
    assert len(items) == 5
    for item in items:
        assert item.tag == f"{QTI}assessmentItem"
        assert {"identifier", "title", "adaptive", "timeDependent"} <= set(item.attrib)
        declared = {d.get("identifier") for d in item.iter(f"{QTI}responseDeclaration")}
        used = {i.get("responseIdentifier") for i in item.iter() if i.get("responseIdentifier")}
        assert used == declared == {"RESPONSE"}
    single, multiple, true_false, open_, reflection = items

    def key(item) -> tuple[str, list[str], list[str]]:
        declaration = item.find(f"{QTI}responseDeclaration")
        choices = [c.get("identifier") for c in item.iter(f"{QTI}simpleChoice")]
        right = [v.text for v in declaration.iter(f"{QTI}value")]
        assert set(right) <= set(choices)
        return declaration.get("cardinality"), choices, right

    assert key(single) == ("single", ["choice_1", "choice_2"], ["choice_2"])
    assert key(multiple) == ("multiple", [f"choice_{n}" for n in range(1, 5)],
                             ["choice_1", "choice_3"])
    assert key(true_false)[2] == ["choice_2"]
    assert single.find(f"{QTI}responseProcessing").get("template").endswith("match_correct")
    assert single.find(f".//{QTI}choiceInteraction").get("maxChoices") == "1"
    assert multiple.find(f".//{QTI}choiceInteraction").get("maxChoices") == "0"
    prompt = "".join(single.find(f".//{QTI}prompt").itertext())
    assert prompt == "How long does a customer have to return an item {with a receipt}?"
    for essay in (open_, reflection):
        assert essay.find(f".//{QTI}extendedTextInteraction") is not None
    rubric = open_.find(f".//{QTI}rubricBlock")
    assert rubric.get("view") == "scorer"
    assert [p.text for p in rubric] == ["It shows where and when the item was bought.",
                                         "And for how much."]
    assert reflection.find(f".//{QTI}rubricBlock") is None
