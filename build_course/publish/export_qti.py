"""``build-course export qti``: the course's questions as a QTI 2.1 package.

A zip (IMS Content Packaging 1.1) with ``imsmanifest.xml`` listing one
``imsqti_item_xmlv2p1`` resource per question, each an ``assessmentItem``:

- single choice and true/false: a ``choiceInteraction`` of one choice,
  scored by the standard ``match_correct`` template, its rules also written
  out in the item (the specification prefers an item's own rules, and a
  player that cannot fetch the template still scores it);
- multiple choice: a ``choiceInteraction`` of any number of choices, all
  right ones and no wrong one for the point (as on the site);
- open: an ``extendedTextInteraction``, the model answer in a
  ``rubricBlock`` for scorers, to mark by hand;
- reflection: an ``extendedTextInteraction`` with nothing to mark.

Texts are Markdown (code blocks and tables included) rendered to XHTML in
QTI's namespace (only elements QTI's content model has, links only to web
addresses; anything else becomes its text). A stem of more than one line (a
code block, a list, a table under the question) stands in the item's body
above the choices, since a ``prompt`` holds inline content only.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import markdown
from lxml import etree

from build_course.model import Question
from build_course.publish.quiz_pages import ExportQuiz
from build_course.quiz.kinds import CHOICE_KINDS, QuestionKind
from build_course.slugs import slugify

QTI = "http://www.imsglobal.org/xsd/imsqti_v2p1"
CP = "http://www.imsglobal.org/xsd/imscp_v1p1"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
MATCH_CORRECT = "http://www.imsglobal.org/question/qti_v2p1/rp_templates/match_correct"
# QTI 2.1's XHTML: which elements are kept, and what each may hold.
_INLINE = {"a", "strong", "em", "b", "i", "code", "span", "sub", "sup", "br"}
_HOLDS_INLINE = _INLINE | {"p", "pre", "h1", "h2", "h3", "h4", "h5", "h6"}
_BLOCK = {"p", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "blockquote", "div",
          "table"}
_HOLDS = {**{t: "inline" for t in _HOLDS_INLINE}, "ul": "list", "ol": "list",
          "blockquote": "block", "div": "flow", "li": "flow", "br": "nothing", "table": "rows"}
_MARKDOWN = ["fenced_code", "tables"]
_WEB = ("http://", "https://", "mailto:")


def _q(tag: str) -> str:
    return f"{{{QTI}}}{tag}"


def _score_and_body(root: etree._Element) -> etree._Element:
    """The item's SCORE outcome (0 until a response processing sets it)
    and its empty body, declared in the order QTI wants them."""
    outcome = etree.SubElement(root, _q("outcomeDeclaration"), identifier="SCORE",
                               cardinality="single", baseType="float")
    etree.SubElement(etree.SubElement(outcome, _q("defaultValue")), _q("value")).text = "0"
    return etree.SubElement(root, _q("itemBody"))


def item(identifier: str, title: str, question: Question) -> etree._Element:
    """One question as a QTI 2.1 ``assessmentItem``."""
    root = etree.Element(_q("assessmentItem"), nsmap={None: QTI, "xsi": XSI})
    root.set(f"{{{XSI}}}schemaLocation",
             f"{QTI} http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd")
    for name, value in (("identifier", identifier), ("title", title), ("adaptive", "false"),
                        ("timeDependent", "false")):
        root.set(name, value)
    if question.kind == QuestionKind.MATCHING and question.correct and question.terms:
        return _matching(root, question)
    choice = question.kind in CHOICE_KINDS and bool(question.correct) and bool(question.options)
    multiple = choice and (len(question.correct) > 1 or question.kind == "multiple_choice")
    response = etree.SubElement(root, _q("responseDeclaration"), identifier="RESPONSE",
                                cardinality="multiple" if multiple else "single",
                                baseType="identifier" if choice else "string")
    if choice:
        values = etree.SubElement(response, _q("correctResponse"))
        for index in question.correct:
            etree.SubElement(values, _q("value")).text = f"choice_{index + 1}"
    body = _score_and_body(root)
    if choice:
        interaction = etree.SubElement(body, _q("choiceInteraction"),
                                       responseIdentifier="RESPONSE", shuffle="false",
                                       maxChoices="0" if multiple else "1")
        if "\n" in question.prompt.strip():  # blocks: above the choices
            _content(body, question.prompt)
            body.append(interaction)
        else:
            _content(etree.SubElement(interaction, _q("prompt")), question.prompt, inline=True)
        for index, option in enumerate(question.options):
            simple = etree.SubElement(interaction, _q("simpleChoice"),
                                      identifier=f"choice_{index + 1}")
            _content(simple, option, inline=True)
        _match_correct(root)
        return root
    _content(body, question.prompt)
    etree.SubElement(body, _q("extendedTextInteraction"), responseIdentifier="RESPONSE")
    if question.model_answer:
        rubric = etree.SubElement(body, _q("rubricBlock"), view="scorer")
        _content(rubric, question.model_answer)
    return root


def _matching(root: etree._Element, question: Question) -> etree._Element:
    """A ``matchInteraction``: the terms (``term_N``) in one set, the
    explanations (``text_N``) in the other; the key as directed pairs, scored
    right only when every pair is."""
    response = etree.SubElement(root, _q("responseDeclaration"), identifier="RESPONSE",
                                cardinality="multiple", baseType="directedPair")
    values = etree.SubElement(response, _q("correctResponse"))
    for n, c in enumerate(question.correct, start=1):
        etree.SubElement(values, _q("value")).text = f"term_{n} text_{c + 1}"
    body = _score_and_body(root)
    interaction = etree.SubElement(body, _q("matchInteraction"), responseIdentifier="RESPONSE",
                                   shuffle="false", maxAssociations=str(len(question.terms)))
    _content(etree.SubElement(interaction, _q("prompt")), question.prompt, inline=True)
    for prefix, texts in (("term", question.terms), ("text", question.options)):
        group = etree.SubElement(interaction, _q("simpleMatchSet"))
        for n, text in enumerate(texts, start=1):
            # an explanation may be the key of several terms (a matrix quiz's column)
            most = 1 if prefix == "term" else max(1, question.correct.count(n - 1))
            _content(etree.SubElement(group, _q("simpleAssociableChoice"),
                                      identifier=f"{prefix}_{n}", matchMax=str(most)),
                     text, inline=True)
    _match_correct(root)
    return root


def _match_correct(root: etree._Element) -> None:
    """``responseProcessing``: SCORE 1 when the response is the correct one, else 0."""
    processing = etree.SubElement(root, _q("responseProcessing"), template=MATCH_CORRECT)
    condition = etree.SubElement(processing, _q("responseCondition"))
    branch = etree.SubElement(condition, _q("responseIf"))
    match = etree.SubElement(branch, _q("match"))
    etree.SubElement(match, _q("variable"), identifier="RESPONSE")
    etree.SubElement(match, _q("correct"), identifier="RESPONSE")
    for parent, score in ((branch, "1"), (etree.SubElement(condition, _q("responseElse")), "0")):
        outcome = etree.SubElement(parent, _q("setOutcomeValue"), identifier="SCORE")
        etree.SubElement(outcome, _q("baseValue"), baseType="float").text = score


def _content(parent: etree._Element, text: str, inline: bool = False) -> None:
    """Markdown ``text`` as XHTML children of ``parent`` (in QTI's namespace):
    inline content (a prompt, a choice) or blocks (an item's body, a rubric)."""
    html = markdown.markdown(text or "", extensions=_MARKDOWN)
    try:
        fragment = etree.fromstring(f"<div>{html}</div>")
    except etree.XMLSyntaxError:
        fragment = etree.fromstring("<div><p/></div>")
        fragment[0].text = text
    if inline:  # the paragraphs' contents only
        for p in list(fragment):
            if p.tag == "p":
                index = fragment.index(p)
                fragment.remove(p)
                holder = etree.Element("span")
                holder.text, holder[:], holder.tail = p.text, list(p), p.tail
                fragment.insert(index, holder)
        parent.text = (parent.text or "") + (fragment.text or "")
        parent.extend(_qti(child, "inline") for child in fragment)
    elif _loose_text(fragment):  # text beside the blocks: all in one div
        parent.append(_qti(fragment, "block"))
    else:
        parent.extend(_qti(child, "block") for child in fragment)


def _loose_text(node: etree._Element) -> bool:
    return any(t and t.strip() for t in [node.text, *(child.tail for child in node)])


def _qti(node: etree._Element, where: str) -> etree._Element:
    """``node`` as an element QTI's content model allows ``where`` it stands
    (``inline``, ``block``, ``flow`` or ``list``): an ``li`` in a list, an ``a``
    with its (required) ``href``, an element that may not hold loose text
    made a ``div``; anything else a ``span`` among inline content, else a ``div``."""
    tag = node.tag if isinstance(node.tag, str) else ""
    fits = {"inline": _INLINE, "block": _BLOCK, "flow": _INLINE | _BLOCK, "list": {"li"}}
    if where == "list":
        tag = "li"
    elif tag not in fits[where] or (tag == "a" and not _web(node.get("href"))):
        tag = "span" if where == "inline" else "div"
    elif _HOLDS[tag] in ("block", "list", "rows") and _loose_text(node):
        tag = "div"
    if tag == "table":
        return _table(node)
    copy = etree.Element(_q(tag))
    if tag == "a":
        copy.set("href", node.get("href"))
    copy.text, copy.tail = node.text, node.tail
    if tag == "br":
        copy.text = None
        return copy
    copy.extend(_qti(child, _HOLDS[tag]) for child in node)
    return copy


def _table(node: etree._Element) -> etree._Element:
    """A table as QTI's model has it: its rows in ``thead`` or ``tbody``, cells
    in rows (anything else in a row becomes a cell)."""
    table = etree.Element(_q("table"))
    table.tail = node.tail
    groups: dict[str, etree._Element] = {}
    for row in node.iter("tr"):
        if next(row.iterancestors("table"), None) is not node:
            continue  # a row of a table inside a cell: that cell's
        group = "thead" if row.getparent().tag == "thead" else "tbody"
        if group not in groups:
            groups[group] = etree.Element(_q(group))
        copy = etree.SubElement(groups[group], _q("tr"))
        for cell in row:
            cell_copy = _qti(cell, "flow")
            if not (isinstance(cell.tag, str) and cell.tag in ("th", "td")):
                cell_copy, holder = etree.Element(_q("td")), cell_copy
                cell_copy.append(holder)
            else:
                cell_copy.tag = _q(cell.tag)
            cell_copy.tail = None
            copy.append(cell_copy)
    if "tbody" not in groups:
        groups["tbody"] = etree.Element(_q("tbody"))
        etree.SubElement(etree.SubElement(groups["tbody"], _q("tr")), _q("td"))
    table.extend(groups[g] for g in ("thead", "tbody") if g in groups)
    return table


def _web(href: str | None) -> bool:
    return bool(href) and href.strip().lower().startswith(_WEB)


def package(course_title: str, quizzes: list[ExportQuiz]) -> dict[str, bytes]:
    """The package's files: ``imsmanifest.xml`` and one XML file per item."""
    files: dict[str, bytes] = {}
    nsmap = {None: CP, "xsi": XSI}
    manifest = etree.Element(f"{{{CP}}}manifest", nsmap=nsmap,
                             identifier="build-course-" + (slugify(course_title) or "course"))
    manifest.set(f"{{{XSI}}}schemaLocation",
                 f"{CP} http://www.imsglobal.org/xsd/imscp_v1p1.xsd "
                 f"{QTI} http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd")
    etree.SubElement(manifest, f"{{{CP}}}organizations")
    resources = etree.SubElement(manifest, f"{{{CP}}}resources")
    number = 0
    for quiz in quizzes:
        for title, question in quiz.questions:
            number += 1
            ident = f"item-{number:04d}"
            name = f"items/{ident}.xml"
            label = f"{quiz.lesson}: {quiz.title}: {title}" if quiz.title != quiz.lesson \
                else f"{quiz.lesson}: {title}"
            files[name] = etree.tostring(item(ident, label, question), xml_declaration=True,
                                         encoding="UTF-8", pretty_print=True)
            resource = etree.SubElement(resources, f"{{{CP}}}resource", identifier=ident,
                                        type="imsqti_item_xmlv2p1", href=name)
            etree.SubElement(resource, f"{{{CP}}}file", href=name)
    files["imsmanifest.xml"] = etree.tostring(manifest, xml_declaration=True, encoding="UTF-8",
                                              pretty_print=True)
    return files


def write_qti(path: Path, course_title: str, quizzes: list[ExportQuiz]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.part")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in sorted(package(course_title, quizzes).items()):
            archive.writestr(name, data)
    partial.replace(path)
    return path
