"""Quiz export: GIFT (parsed by gift-pegjs, the GIFT parser from npm, when npm
is there) and a QTI 2.1 package, read by pyslet (an independent QTI 2.1
implementation that rejects content QTI's model does not allow, and scores an
item by its response processing) and read back as a QTI player would: manifest,
items, declared responses, choices, the scoring template."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import warnings
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from build_course.cli import main
from build_course.model import Question
from build_course.publish import export_qti
from build_course.quiz.kinds import QuestionKind

with warnings.catch_warnings():  # pyslet (2017) still offers its Python 2 names
    warnings.simplefilter("ignore", DeprecationWarning)
    import pyslet.imscpv1p2 as imscp
    import pyslet.qtiv2.xml as qtixml
    from pyslet.qtiv2 import interactions, variables

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

!!! question matching "Question 6"

    Match each document to what it proves.

    1. Receipt
    2. Warranty card
    3. Gift slip

    *Explanations:*

    - A. That the maker repairs a fault for a year.
    - B. That the item was a present, without its price.
    - C. Where, when and for how much the item was bought.
    - D. That the customer is a member of the loyalty club.

    ??? success "Show answer"

        **Answer: 1 C, 2 A, 3 B.**
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
    category, single, multiple, true_false, open_, reflection, matching = questions
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
    assert matching["type"] == "Matching"
    assert [(m["subquestion"]["text"], m["subanswer"]) for m in matching["matchPairs"]] == [
        ("Receipt", "Where, when and for how much the item was bought."),
        ("Warranty card", "That the maker repairs a fault for a year."),
        ("Gift slip", "That the item was a present, without its price."),
        ("", "That the customer is a member of the loyalty club.")]  # a distractor


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
    assert len(items) == 6
    for item in items:
        assert item.tag == f"{QTI}assessmentItem"
        assert {"identifier", "title", "adaptive", "timeDependent"} <= set(item.attrib)
        declared = {d.get("identifier") for d in item.iter(f"{QTI}responseDeclaration")}
        used = {i.get("responseIdentifier") for i in item.iter() if i.get("responseIdentifier")}
        assert used == declared == {"RESPONSE"}
    single, multiple, true_false, open_, reflection, matching = items

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
    declaration = matching.find(f"{QTI}responseDeclaration")
    assert (declaration.get("cardinality"), declaration.get("baseType")) == ("multiple",
                                                                             "directedPair")
    assert [v.text for v in declaration.iter(f"{QTI}value")] == [
        "term_1 text_3", "term_2 text_1", "term_3 text_2"]
    sets = matching.findall(f".//{QTI}simpleMatchSet")
    assert ["".join(c.itertext()) for c in sets[0]] == ["Receipt", "Warranty card", "Gift slip"]
    assert len(sets[1]) == 4


def pyslet_items(path: Path) -> list:
    """The package's items as pyslet reads them: through its manifest, each
    item parsed into QTI's object model (QTIValidityError when an element stands
    where QTI's content model does not allow it)."""
    package = imscp.ContentPackage(str(path))
    try:
        found = []
        for resource in package.manifest.root.Resources.Resource:
            assert resource.type == "imsqti_item_xmlv2p1"
            document = qtixml.QTIDocument(
                baseURI=resource.resolve_uri(resource.get_entry_point().href))
            document.read()
            found.append(document.root)
        return found
    finally:
        package.close()


def score(item, chosen: list[str]) -> float:
    """SCORE after pyslet runs the item's response processing on ``chosen``."""
    declaration = item.ResponseDeclaration[0]
    state = variables.ItemSessionState(item)
    state.begin_session()
    if declaration.cardinality == variables.Cardinality.multiple:
        response = variables.MultipleContainer(declaration.baseType)
        response.set_value(chosen)
    else:
        (one,) = chosen
        response = variables.SingleValue.new_value(declaration.baseType, one)
    state["RESPONSE"] = response
    item.ResponseProcessing.run(state)
    return state["SCORE"].value


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_qti_package_reads_and_scores_in_an_independent_qti_implementation(project):
    items = pyslet_items(project / "dist/returns-the-basics-qti21.zip")
    assert [type(i).__name__ for i in items] == ["AssessmentItem"] * 6
    single, multiple, true_false, open_, reflection, matching = items
    choices = [c.identifier for c in multiple.find_children_depth_first(
        interactions.SimpleChoice)]
    assert choices == ["choice_1", "choice_2", "choice_3", "choice_4"]
    assert score(single, ["choice_2"]) == 1 and score(single, ["choice_1"]) == 0
    assert score(true_false, ["choice_2"]) == 1 and score(true_false, ["choice_1"]) == 0
    assert score(multiple, ["choice_1", "choice_3"]) == 1
    for partial in (["choice_1"], ["choice_1", "choice_2", "choice_3"], []):
        assert score(multiple, partial) == 0
    pairs = [c.identifier for c in matching.find_children_depth_first(
        interactions.SimpleAssociableChoice)]
    assert pairs == ["term_1", "term_2", "term_3", "text_1", "text_2", "text_3", "text_4"]
    right = [("term_1", "text_3"), ("term_2", "text_1"), ("term_3", "text_2")]
    assert score(matching, right) == 1
    assert score(matching, list(reversed(right))) == 1  # pairs, in any order
    for wrong in (right[:2], [*right[:2], ("term_3", "text_4")],
                  [("term_1", "text_1"), ("term_2", "text_3"), ("term_3", "text_2")]):
        assert score(matching, wrong) == 0  # all or nothing
    for essay in (open_, reflection):
        assert essay.ResponseProcessing is None
        assert list(essay.find_children_depth_first(interactions.ExtendedTextInteraction))


AWKWARD = [  # Markdown whose HTML QTI's content model does not take as it is
    "### A heading\n\nText, then a rule:\n\n---\n\n> quoted, with a [link](https://example.org)",
    "Loose text <div>beside a block</div> and <table><tr><td>a table</td></tr></table>",
    "<ul>text in a list<li>an item</li></ul><li>an item alone</li><a>no href</a><br/>",
    "- one\n- two\n\n1. three\n\n```\ncode < 1\n```\n\n<blockquote>just text</blockquote>",
]


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
@pytest.mark.parametrize("text", AWKWARD)
def test_qti_item_content_fits_qtis_model_whatever_the_markdown(text):
    for question in (
            Question(text, 1, QuestionKind.SINGLE_CHOICE, options=[text, "plain"], correct=[0]),
            Question(text, 1, QuestionKind.OPEN, model_answer=text)):
        data = etree.tostring(export_qti.item("item-1", "T", question), encoding="UTF-8")
        document = qtixml.QTIDocument()
        document.read(src=io.BytesIO(data))  # raises QTIValidityError on misplaced content
        words = [w for w in ("heading", "quoted", "beside", "table", "item alone", "no href",
                             "three", "code < 1", "just text") if w in text]
        assert all(w in "".join(etree.fromstring(data).itertext()) for w in words)
