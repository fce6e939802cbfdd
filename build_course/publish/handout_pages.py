"""One page of docs/ as print HTML for the handout.

The page's Markdown is rendered with raw HTML escaped (the build's own
``<div ... markdown>`` wrappers are unwrapped, attribute lists dropped); its
question blocks become worksheet questions (the options, or ruled lines to
write on, and never the answer) and, apart, entries of the answer key.
Links to pages of the same handout become links inside the PDF; other
relative links keep their text only. Images are taken from docs/ alone.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

import yaml
from markdown_it import MarkdownIt
from mdit_py_plugins.admon import admon_plugin
from mdit_py_plugins.deflist import deflist_plugin

from build_course.model import Question
from build_course.quiz.kinds import QuestionKind, option_letter
from build_course.quiz.syntax import QuestionBlock, parse_blocks
from build_course.slugs import slugify

OPEN_LINES = 4
"""Ruled lines to write on under an open question..."""
REFLECTION_LINES = 7
"""...and under a reflection question (notes are longer)."""

SHORT_QUESTION = 15
"""Printed lines (of the 45 to 48 a page holds) up to which a question is
kept on one page: pushing a taller one to the next page would leave more
than a third of the page blank, so it may break between its options or
ruled lines (handout.css keeps its prompt with the first of them)."""
_LINE = 95
"""Characters a printed line holds (an option's line, less its box: 85)."""

KEEP_WITH_QUESTION = 600
"""Characters of Markdown (a heading and a few lines) kept on one page with
the question that follows them."""

_ATTR = r"(?:[.#][\w-]+|[\w-]+=(?:\"[^\"]*\"|'[^']*'|[^\s}]+))"
_ATTRS = rf"\{{:?\s*{_ATTR}(?:\s+{_ATTR})*\s*\}}"
_ATTR_LINE = re.compile(rf"^\s*{_ATTRS}\s*$")
_ATTR_END = re.compile(rf"\s*{_ATTRS}\s*$")
_ATTR_AFTER_LINK = re.compile(rf"(?<=\)){_ATTRS}")
_WRAPPER = re.compile(r"^\s*</?div\b[^>]*>\s*$")
_HEADING = re.compile(r"^## +(?P<title>.+?)(?: *\{[^}]*\})? *$")
_FRONT = re.compile(r"\A---\n(.*?\n)---\n", re.S)
_QUIZ_INTRO = "Self-check questions for the lesson"
_EXTERNAL = re.compile(r"^(?:https?|mailto):", re.I)
_LINK = re.compile(r"\[[^\]]*\]\(<?(?P<href>[^)\s>]+)>?\)")
_RULE = re.compile(r"^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$")
_FOLLOWS = "see the worksheet that follows"


def _markdown() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])
    md.use(admon_plugin).use(deflist_plugin)
    md.add_render_rule("link_open", _link_open)
    md.add_render_rule("image", _image)
    return md


@dataclass
class PageContext:
    """Where a page stands: for its links and images."""

    docs: Path
    page: str
    """The page's path under docs/."""
    anchors: dict[str, str] = field(default_factory=dict)
    """Pages of the same handout (path under docs/) -> their anchor in it."""


def anchor(page: str) -> str:
    """The id a page's section has in a handout."""
    return "pg-" + slugify(page, limit=200)


def _link_open(renderer, tokens, idx, options, env) -> str:
    token = tokens[idx]
    href = token.attrGet("href") or ""
    context: PageContext = env["context"]
    if _EXTERNAL.match(href):
        shown = "" if token.markup == "autolink" else ' class="url"'
        return f'<a href="{escape(href)}"{shown}>'
    target = _relative(context.page, href.partition("#")[0])
    if target in context.anchors:
        return f'<a href="#{context.anchors[target]}">'
    return "<a>"


def _relative(page: str, href: str) -> str:
    if not href or "://" in href or href.startswith("/"):
        return ""
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), href))


def _image(renderer, tokens, idx, options, env) -> str:
    token = tokens[idx]
    context: PageContext = env["context"]
    alt = renderer.renderInlineAsText(token.children or [], options, env)
    target = _relative(context.page, (token.attrGet("src") or "").partition("#")[0])
    path = (context.docs / target).resolve() if target else None
    docs = context.docs.resolve()
    if path is None or not path.is_relative_to(docs) or not path.is_file():
        return f'<span class="no-image">[{escape(alt or "image")}]</span>'
    return f'<img src="{escape(path.as_uri())}" alt="{escape(alt)}">'


_MD = _markdown()


def clean(text: str) -> str:
    """Markdown without what only the site uses: attribute lists and the
    build's ``<div ... markdown>`` wrappers (their content stays)."""
    lines = []
    for line in text.split("\n"):
        if _ATTR_LINE.match(line) or _WRAPPER.match(line):
            continue
        if line.lstrip().startswith("#"):
            line = _ATTR_END.sub("", line)
        lines.append(_ATTR_AFTER_LINK.sub("", line))
    return "\n".join(lines)


def markdown_html(text: str, context: PageContext, shift: int = 0) -> str:
    """Markdown as HTML, raw HTML escaped, headings ``shift`` levels down."""
    tokens = _MD.parse(clean(text))
    if shift:
        for token in tokens:
            if token.type in ("heading_open", "heading_close"):
                token.tag = f"h{min(6, int(token.tag[1]) + shift)}"
    _mark_tall_boxes(tokens)
    return _MD.renderer.render(tokens, _MD.options, {"context": context})


def _mark_tall_boxes(tokens: list) -> None:
    """An admonition taller than a short question (``SHORT_QUESTION``
    lines) gets the class "tall": handout.css keeps only a short box on one
    page, and a tall one pushed to the next would leave a third of a page blank."""
    open_boxes: list[list] = []  # [its opening token, its lines so far], innermost last
    for token in tokens:
        if token.type == "admonition_open":
            open_boxes.append([token, 1])
        elif token.type == "admonition_close" and open_boxes:
            opening, lines = open_boxes.pop()
            if lines > SHORT_QUESTION:
                opening.attrJoin("class", "tall")
            if open_boxes:
                open_boxes[-1][1] += lines
        elif open_boxes and token.type in ("inline", "fence", "code_block"):
            open_boxes[-1][1] += sum(-(-len(line) // _LINE) or 1
                                     for line in token.content.strip().split("\n"))


def inline_html(text: str, context: PageContext) -> str:
    return _MD.renderInline(clean(text), {"context": context})


@dataclass
class KeyEntry:
    """A question as the answer key lists it."""

    exercise: str
    title: str
    question: Question


@dataclass
class PrintPage:
    """A page for the handout: its worksheet HTML and its answer-key entries."""

    title: str
    html: str
    key: list[KeyEntry] = field(default_factory=list)


def print_page(text: str, context: PageContext, title: str, quiz: bool,
               worksheet: str = "") -> PrintPage:
    """``text``, a page of docs/ with its front matter, for the handout. A
    quiz page loses its title and its on-screen instructions (the handout
    gives its own) and its headings go a level down, under the worksheet's.
    A lesson whose quiz page ``worksheet`` is printed after it says so where
    it linked to that page."""
    body = _FRONT.sub("", text, count=1)
    offset = text.count("\n", 0, len(text) - len(body))
    lines = body.split("\n")
    if quiz:
        lines = _without_screen_intro(lines, str(front_matter(text).get("lesson") or ""))
    elif worksheet:
        lines = _worksheet_follows(lines, context.page, worksheet)
    blocks, _ = parse_blocks("\n".join(lines), context.page, offset)
    html, key, done = [], [], 0
    exercise = title
    for block in blocks:
        lead = "\n".join(lines[done:block.start])
        exercise = _exercise(lines, done, block.start, exercise)
        question_title = block.title or f"Question {len(key) + 1}"
        lead_html = markdown_html(lead, context, int(quiz))
        printed = worksheet_question(block, question_title, context)
        # a short introduction with a heading stays with its first question:
        # on one page with a short one, with the start of a tall one
        if len(lead) <= KEEP_WITH_QUESTION and re.search(r"^#", lead, re.M):
            html.append(f'<div class="keep">{lead_html}{printed}</div>'
                        if kept_whole(block.question)
                        else f'<div class="lead">{lead_html}</div>{printed}')
        else:
            html.append(lead_html + printed)
        key.append(KeyEntry(exercise, question_title, block.question))
        done = block.end
    html.append(markdown_html("\n".join(lines[done:]), context, int(quiz)))
    return PrintPage(title, "".join(html), key)


def front_matter(text: str) -> dict:
    """A page's front matter ({} without one, or a broken one)."""
    front = _FRONT.match(text)
    try:
        meta = yaml.safe_load(front[1]) if front else {}
    except yaml.YAMLError:
        return {}
    return meta if isinstance(meta, dict) else {}


def _without_screen_intro(lines: list[str], lesson: str) -> list[str]:
    """A quiz page's lines less its '# Quiz: ...' title and the paragraph
    under it that links to the lesson and tells how to use the page on screen."""
    for i, line in enumerate(lines):
        if line.startswith("# "):
            rest = lines[i + 1:]
            j = next((k for k, text in enumerate(rest) if text.strip()), len(rest))
            end = next((k for k in range(j, len(rest)) if not rest[k].strip()), len(rest))
            paragraph = " ".join(rest[j:end])
            if paragraph.startswith(_QUIZ_INTRO) or (lesson and f"]({lesson})" in paragraph):
                rest = rest[:j] + [""] * (end - j) + rest[end:]
            return lines[:i] + [""] + rest  # line numbers kept
        if line.strip():
            break
    return lines


def _worksheet_follows(lines: list[str], page: str, worksheet: str) -> list[str]:
    """A lesson's lines, its links to its quiz page (on screen: "Take the
    self-check") reading "see the worksheet that follows", and a line that is
    only such a link (the closing button) dropped with the rule above it."""
    kept = list(lines)
    for i, line in enumerate(lines):
        plain = _ATTR_AFTER_LINK.sub("", line)
        links = [link for link in _LINK.finditer(plain) if _to(link, page) == worksheet]
        if not links:
            continue
        if plain.strip() == links[0][0]:
            kept[i] = ""
            above = next((j for j in range(i - 1, -1, -1) if kept[j].strip()), None)
            if above is not None and _RULE.match(kept[above]):
                kept[above] = ""
        else:
            kept[i] = _LINK.sub(lambda link: _follows(link, page, worksheet), plain)
    return kept


def _to(link: re.Match, page: str) -> str:
    return _relative(page, link["href"].partition("#")[0])


def _follows(link: re.Match, page: str, worksheet: str) -> str:
    if _to(link, page) != worksheet:
        return link[0]
    before = link.string[:link.start()].rstrip()
    if before.lstrip(" >") and not before.endswith((".", "!", "?", ":")):
        return _FOLLOWS
    return _FOLLOWS.capitalize() + ("" if link.string[link.end():].strip() else ".")


def _exercise(lines: list[str], start: int, end: int, current: str) -> str:
    for line in reversed(lines[start:end]):
        if m := _HEADING.match(line):
            return m["title"]
    return current


_HOW = {QuestionKind.SINGLE_CHOICE: "Choose one answer.",
        QuestionKind.MULTIPLE_CHOICE: "Choose all the answers that apply.",
        QuestionKind.TRUE_FALSE: "True or false? Choose one."}


def worksheet_question(block: QuestionBlock, title: str, context: PageContext) -> str:
    """A question as printed on the worksheet: never its answer."""
    question = block.question
    kind = question.kind
    classes = ["question", kind.css_class] + (["generated"] if question.generated else []) \
        + (["short"] if kept_whole(question) else [])
    html = [f'<section class="{" ".join(classes)}">',
            f'<h4 class="q-title">{escape(title)}</h4>',
            f'<div class="prompt">{_stem_html(question.prompt, context)}</div>']
    if kind == QuestionKind.MATCHING:
        html.append(_matching_columns(question, context))
    elif kind.has_options:
        box = "box round" if kind != QuestionKind.MULTIPLE_CHOICE else "box"
        html.append(f'<p class="how">{_HOW[kind]}</p><ol class="options">')
        html += [f'<li><span class="{box}"></span><b>{option_letter(i)}.</b> '
                 f'{inline_html(text, context)}</li>' for i, text in enumerate(question.options)]
        html.append("</ol>")
    else:
        reflect = kind == QuestionKind.REFLECTION
        label = ("Your notes (there is no single right answer):" if reflect
                 else "Your answer:")
        rules = '<div class="rule"></div>' * (REFLECTION_LINES if reflect else OPEN_LINES)
        html.append(f'<div class="write"><p class="how">{label}</p>{rules}</div>')
    html.append("</section>")
    return "".join(html)


def kept_whole(question: Question) -> bool:
    """Whether ``question`` is printed on one page: a short one, which,
    pushed to the next page, leaves at most a third of a page blank. (A
    matching question's two columns do not break whatever its height.)"""
    return printed_lines(question) <= SHORT_QUESTION


def printed_lines(question: Question) -> int:
    """About how many lines ``question`` takes on the worksheet: its title,
    its prompt, the line saying how to answer, and its options, terms or
    ruled lines (a ruled line is about one and a half lines high)."""
    def lines(text: str, width: int = _LINE) -> int:
        return sum(-(-len(line) // width) or 1 for line in text.strip().split("\n"))
    kind = question.kind
    if kind == QuestionKind.MATCHING:  # two columns, two fifths and three fifths wide
        body = max(sum(lines(t, _LINE // 3) for t in question.terms),
                   sum(lines(t, _LINE // 2) for t in question.options))
    elif kind.has_options:
        body = sum(lines(text, _LINE - 10) for text in question.options)
    else:
        body = 3 * (REFLECTION_LINES if kind == QuestionKind.REFLECTION else OPEN_LINES) // 2
    return 2 + lines(question.prompt) + 1 + body


def _stem_html(prompt: str, context: PageContext) -> str:
    """A prompt of one line inline; a stem of several (code, a list, a table) as blocks."""
    return markdown_html(prompt, context) if "\n" in prompt.strip() \
        else inline_html(prompt, context)


def _matching_columns(question: Question, context: PageContext) -> str:
    """Terms on the left, each with a blank for its letter; the lettered explanations right."""
    terms = "".join(f'<li><span class="blank"></span> {n}. {inline_html(term, context)}</li>'
                    for n, term in enumerate(question.terms, start=1))
    texts = "".join(f"<li><b>{option_letter(i)}.</b> {inline_html(text, context)}</li>"
                    for i, text in enumerate(question.options))
    return ('<p class="how">Write the letter of each term\'s explanation on its line.</p>'
            f'<div class="match"><ol class="terms">{terms}</ol>'
            f'<ol class="options">{texts}</ol></div>')


def key_answer(question: Question, context: PageContext) -> str:
    """A question's answer as the key gives it."""
    if question.kind == QuestionKind.MATCHING:
        if not question.correct:
            return '<p class="none">The source gives no answer to this question.</p>'
        pairs = "".join(
            f"<li>{n}. {inline_html(term, context)}: <b class=\"letters\">"
            f"{option_letter(c)}.</b> {inline_html(question.options[c], context)}</li>"
            for n, (term, c) in enumerate(zip(question.terms, question.correct), start=1))
        explanation = question.explanation.strip()
        return f'<ul class="pairs">{pairs}</ul>' + (
            markdown_html(explanation, context) if explanation else "")
    if question.kind == QuestionKind.REFLECTION:
        return '<p class="none">A reflection: there is no single right answer.</p>'
    if question.kind.has_options:
        if not question.correct:
            return '<p class="none">The source gives no answer to this question.</p>'
        letters = ", ".join(option_letter(i) for i in question.correct)
        texts = [question.options[i] for i in question.correct if i < len(question.options)]
        shown = "; ".join(inline_html(t, context) for t in texts)
        html = f'<p><b class="letters">{escape(letters)}.</b> {shown}</p>'
        paragraphs = [p.strip() for p in question.explanation.strip().split("\n\n")]
        if paragraphs and paragraphs[0].rstrip(".") in {t.rstrip(".") for t in texts}:
            paragraphs = paragraphs[1:]  # the correct option's text, said again
        explanation = "\n\n".join(p for p in paragraphs if p)
        return html + (markdown_html(explanation, context) if explanation else "")
    if not (question.model_answer or "").strip():
        return '<p class="none">The source gives no answer to this question.</p>'
    return '<p class="model">Model answer:</p>' + markdown_html(question.model_answer, context)
