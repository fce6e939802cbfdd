"""Markdown from other course tools, parsed with a real Markdown parser.

Course tools write Markdown with their own extensions: YAML front matter,
MyST directives (```` ```{exercise} ````, ```` ```{code-cell} ````, gated
``{exercise-start}``/``{exercise-end}``), Carpentries fenced divs
(``::: challenge`` / ``::: solution``), Jekyll/kramdown blockquotes with a
class line after them (``{: .challenge}``), and quiz syntaxes
(``markdown_quizzes``). markdown-it-py (CommonMark, with mdit-py-plugins
for front matter, colon fences, MyST roles and targets, dollar math and
definition lists) parses the text; ``build_blocks`` turns its syntax tree
into the model's blocks: headings, paragraphs (plain text plus safe
Markdown of their inline marks), nested lists, quotes, code and tables,
and ``Exercise`` markers where the source has an exercise, a challenge or a
question. ``markdown_family`` makes lessons and quizzes of them.

Nothing of the source's HTML is published: HTML blocks and tags are left
out (and counted on the review list), links keep their target only when it
is a web address.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from html import unescape

import yaml
from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode
from mdit_py_plugins.admon import admon_plugin
from mdit_py_plugins.colon_fence import colon_fence_plugin
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.dollarmath import dollarmath_plugin
from mdit_py_plugins.front_matter import front_matter_plugin
from mdit_py_plugins.myst_blocks import myst_block_plugin
from mdit_py_plugins.myst_role import myst_role_plugin

from build_course.diagnostics import Report
from build_course.importer import cues
from build_course.importer.markdown_inline import (
    code_span,
    escape,
    escape_math,
    inline,
    pipe_table,
)
from build_course.importer.markdown_quizzes import (
    Found,
    code_lines,
    find_questions,
    learnr_questions,
    lia_course,
    r_arguments,
)
from build_course.importer.segmenting import heading_role
from build_course.model import (
    Heading,
    ListBlock,
    ListItem,
    Paragraph,
    Question,
    Quote,
    RawMarkdown,
)

PARSER = (MarkdownIt("commonmark").enable("table").use(front_matter_plugin)
          .use(colon_fence_plugin).use(myst_block_plugin).use(myst_role_plugin)
          .use(dollarmath_plugin).use(deflist_plugin).use(admon_plugin))

_DIRECTIVE = re.compile(r"^\{(?P<name>[\w:.-]+)\}\s*(?P<arg>.*)$")
_OPTION = re.compile(r"^:(?P<key>[\w-]+):\s*(?P<value>.*)$")
_IAL = re.compile(r"^(?P<quotes>(?: {0,3}>)*)\s*\{:\s*(?P<body>[^}]*)\}\s*$")
_TITLE_ATTRIBUTE = re.compile(r"\btitle=([\"'])(.*?)\1")
_IAL_CLASS = re.compile(r"\.([\w-]+)")
_DIV = re.compile(r"^(?P<indent> {0,3})(?P<colons>:{3,})(?P<info>.*)$")
_DETAILS_OPEN = re.compile(r"<details\b[^>]*>", re.I)
_DETAILS_CLOSE = re.compile(r"</details\s*>", re.I)
_SUMMARY = re.compile(r"<summary\b[^>]*>(?P<summary>.*?)</summary\s*>", re.I | re.S)
_ANSWER_WORD = re.compile(rf"\b({'|'.join(sorted(cues.MD_SOLUTIONS))})s?\b", re.I)
_TAGS = re.compile(r"</?[A-Za-z][^>]*>")
_R_CHUNK = re.compile(r"^\{r([\s,}]|$)", re.I)  # an R Markdown chunk: {r quiz, echo=FALSE}
_LANGUAGE = re.compile(r"^[\w+#.-]{1,30}$")
_PLACEHOLDER = "{imported-question}"
_INLINE_PLACEHOLDER = re.compile(r"`?\{imported-question\} (\d+)`?")
_LIST_MARK = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+")
# Jekyll/Liquid/Jinja tags and variables alone: {% include links.md %}, {{ endcols }}
_TEMPLATE_TAG = re.compile(r"^((\{%.*?%\}|\{\{[^{}]*\}\})\s*)+$")
_CODE_SPAN = re.compile(r"(`+[^`]*`+)")
_LINK_TEMPLATE = re.compile(r"(\]\(\s*)(?:\{\{[^{}]*\}\}|\{%[^{}]*%\})+")
# Material for MkDocs' icons (":fontawesome-solid-file-pdf:", ":material-check:"): a
# picture on the other site, a stray word here
_ICON = re.compile(r":(?:material|fontawesome|octicons|simple)-[a-z0-9-]+:(?:\{[^{}]*\})?\s?")
_IMAGE_ATTRIBUTES = re.compile(r"(!\[[^\]]*\]\([^()\s]*(?:\s+\"[^\"]*\")?\))\{[^{}]*\}")
_REMOVED = re.compile(r"\bremove[-_](?:cell|input)\b")  # MyST-NB cell tags
_CODE_NAMES = frozenset("code-cell code-block code sourcecode literalinclude".split())
_MATH_NAMES = frozenset("math equation".split())
_LANGUAGE_NAMES = {"ipython": "python", "ipython3": "python", "python3": "python",
                   "language-python": "python", "r": "r", "{r}": "r"}


@dataclass
class Exercise:
    """An exercise of the source (a challenge, a directive, a quiz question):
    its stem's blocks and, once found, its solution's blocks."""

    name: str  # what the source calls it: "exercise", "challenge", "question"...
    title: str
    line: int
    stem: list = field(default_factory=list)
    answer: list = field(default_factory=list)
    label: str = ""
    question: Question | None = None  # a question already parsed (a quiz syntax)


@dataclass
class Solution:
    """A solution standing apart from its exercise (MyST ``{solution} label``)."""

    label: str
    line: int
    blocks: list = field(default_factory=list)


@dataclass
class Gate:
    """A gated directive's edge: ``{exercise-start}``, ``{solution-end}``..."""

    name: str
    label: str
    line: int
    title: str = ""


@dataclass
class Parsed:
    """What the builder found: blocks (with the markers above), front matter."""

    blocks: list
    meta: dict
    link_lists: set[int] = field(default_factory=set)
    """ids of the lists whose every item is only a link (a site's menu, maybe)."""


def parse(text: str, report: Report) -> Parsed:
    """``text`` (a whole Markdown source) as blocks and front matter."""
    lines = text.split("\n")
    if "`{" in text:
        _chunk_headers(lines)
    code = code_lines(lines)
    lia = lia_course(lines)
    found = find_questions(lines, code, lia)
    _template_marks(lines, code)
    if '=== "' in text:
        _content_tabs(lines, code)
    if "`r " in text:
        _webex_boxes(lines, code)
    if lia:
        _lia_effects(lines, code)
    lines = _placeholders(lines, found)
    ials = _kramdown_classes(lines)
    lines = _nest_divs(lines)
    builder = _Builder(report, ials, found)
    blocks = builder.nodes(SyntaxTreeNode(PARSER.parse("\n".join(lines))).children, 0)
    builder.summarise()
    return Parsed(blocks, builder.meta, builder.link_lists)


def _template_marks(lines: list[str], code: set[int]) -> None:
    """Outside code: a site template's marks in a link's target
    (``[loop]({{ page.root }}/reference/#loop)``, which would break the link
    into text) and an image's attribute list (``![](fig.svg){alt='...'}``,
    whose text may hold ``$`` signs read as math) are taken out."""
    for n, line in enumerate(lines):
        if ":" in line and n not in code and _ICON.search(line):
            line = lines[n] = _ICON.sub("", line)
        if ("{{" in line or "{%" in line or "){" in line) and n not in code:
            if n and lines[n - 1].endswith("](") and n - 1 not in code:
                line = "](" + line  # the target goes on from the line above
                lines[n - 1] = lines[n - 1][:-2]
            parts = _CODE_SPAN.split(line)  # code spans stay as written
            for k in range(0, len(parts), 2):
                parts[k] = _LINK_TEMPLATE.sub(r"\1", parts[k])
                parts[k] = _IMAGE_ATTRIBUTES.sub(r"\1", parts[k]) if "![" in parts[k] else parts[k]
            lines[n] = "".join(parts)


_CONTENT_TAB = re.compile(r'^(\s*)===[+!]?(\s+"[^"]*"\s*)$')


def _content_tabs(lines: list[str], code: set[int]) -> None:
    """Material for MkDocs' content tabs (``=== "Linux"`` over an indented
    block) are written as the titled boxes they show as: each tab's title in
    bold over its text (``!!! tab "Linux"``, which the admonition reader takes)."""
    for n, line in enumerate(lines):
        if "===" in line and n not in code and (m := _CONTENT_TAB.match(line)):
            lines[n] = f"{m.group(1)}!!! tab{m.group(2)}"


_WEBEX_HIDE = re.compile(r"^\s*`r\s+(?P<fn>hide|unhide)\s*\((?P<args>[^`]*)\)\s*`\s*$")


def _webex_boxes(lines: list[str], code: set[int]) -> None:
    """webexercises' ```r hide("Solution")``` ... ```r unhide()``` lines (a
    button that shows what is between) become the box they make: a solution
    when the button says so, else a box under the button's words."""
    for n, line in enumerate(lines):
        if n not in code and "hide" in line and (m := _WEBEX_HIDE.match(line)):
            if m.group("fn") == "unhide":
                lines[n] = ":::"
                continue
            title = (r_arguments(m.group("args")) or ["Solution"])[0]  # hide()'s default
            lines[n] = "::: solution" if _details_kind(title) == "solution" \
                else f'::: {{.box title="{title.replace(chr(34), chr(39))}"}}'


def _chunk_headers(lines: list[str]) -> None:
    """An R Markdown chunk's header may hold backticks (``fig.cap = "`x`"``),
    which end a fence's info string for CommonMark: the fence would not
    open, and the next chunk's would be read as its code. They become quotes."""
    for n, line in enumerate(lines):
        if line.startswith("```") and (m := _CHUNK_HEADER.match(line)) and "`" in m.group(2):
            lines[n] = m.group(1) + m.group(2).replace("`", "'")


_CHUNK_HEADER = re.compile(r"^(`{3,}\s*)(\{[A-Za-z].*\}\s*)$")


def _lia_effects(lines: list[str], code: set[int]) -> None:
    """A LiaScript course's animation and narration marks (``{{1}}``,
    ``--{{2}}--``, indented as code) are blanked: the text they time stays."""
    for n, line in enumerate(lines):
        if "{{" in line and n not in code and _LIA_EFFECT.match(line):
            lines[n] = ""


_LIA_EFFECT = re.compile(r"^\s*(?:--)?\{\{\d+(?:-\d+)?\}\}(?:--)?\s*(?:<!--.*-->)?\s*$")


def _placeholders(lines: list[str], found: list[Found]) -> list[str]:
    """Each question found by a quiz syntax becomes a fence the builder
    knows, on the question's own lines (so line numbers stay; a question
    takes two lines at least: its stem and an option or answer)."""
    out = list(lines)
    for n, hit in enumerate(found):
        if hit.end - hit.start == 1:  # a question on one line (webexercises): a code span
            span = f"`{_PLACEHOLDER} {n}`"
            if _PLACEHOLDER in out[hit.start]:  # another question of the same line
                out[hit.start] += " " + span
            else:
                mark = _LIST_MARK.match(out[hit.start])
                out[hit.start] = (mark.group(0) if mark else "") + span
            continue
        out[hit.start:hit.end] = [""] * (hit.end - hit.start)
        out[hit.start] = f"```{_PLACEHOLDER} {n}"
        out[hit.start + 1] = "```"
    return out


def _kramdown_classes(lines: list[str]) -> dict[int, tuple[int, list[str]]]:
    """Kramdown's ``{: .challenge}`` line names the class of the block it
    follows: it is recorded by line with its depth (how many quote marks
    lead it) and blanked (keeping its quote marks), so that it does not run
    on into the paragraph above."""
    classes: dict[int, tuple[int, list[str]]] = {}
    for n, line in enumerate(lines):
        if "{:" in line and (m := _IAL.match(line)):
            classes[n] = (m.group("quotes").count(">"), _IAL_CLASS.findall(m.group("body")))
            lines[n] = m.group("quotes")
    return classes


def _nest_divs(lines: list[str]) -> list[str]:
    """Pandoc's fenced divs close the innermost open one with any ``:::``
    line; the colon-fence parser closes a fence only with as many colons
    as it opened with. Each fence is rewritten with more colons the
    further out it is, so both read it the same."""
    depth, marks = 0, []
    for n, line in enumerate(lines):
        m = _DIV.match(line)
        if not m:
            continue
        if m.group("info").strip():
            marks.append((n, depth))
            depth += 1
        elif depth:
            depth -= 1
            marks.append((n, depth))
    if not marks:
        return lines
    deepest = max(d for _, d in marks)
    out = list(lines)
    for n, d in marks:
        m = _DIV.match(lines[n])
        out[n] = f"{m.group('indent')}{':' * (3 + deepest - d)}{m.group('info')}"
    return out


class _Builder:
    """Walks the syntax tree; ``line`` offsets map a nested parse (a
    directive's content) back to the source's lines."""

    def __init__(self, report: Report, ials: dict[int, tuple[int, list[str]]],
                 found: list[Found]):
        self.report = report
        self.ials = {n: classes for n, (_, classes) in ials.items()}
        self.ial_depths = ials
        self.ial_lines = sorted(ials)
        self.quote_depth = 0  # how many blockquotes hold the node being built
        self.found = found
        self.meta: dict = {}
        self.dropped_html: list[tuple[int, str]] = []
        self._last_gate: Gate | None = None
        self.link_lists: set[int] = set()  # a <details> whose <summary> may follow

    def summarise(self) -> None:
        for line, text in self.dropped_html:
            self.report.dropped(line, "HTML block", " ".join(text.split())[:60])

    def nodes(self, nodes: list[SyntaxTreeNode], offset: int) -> list:
        out: list = []
        for node in nodes:
            out += self.node(node, offset)
        return out

    def node(self, node: SyntaxTreeNode, offset: int) -> list:
        line = (node.map[0] if node.map else 0) + offset + 1
        handler = getattr(self, "_" + node.type, None)
        if handler is None:
            return self.nodes(node.children, offset)
        return handler(node, offset, line)

    # -- simple blocks ------------------------------------------------------

    def _heading(self, node, offset, line):
        plain, _ = inline(node.children[0] if node.children else None)
        if not plain:
            return []
        return [Heading(plain, line, level=int(node.tag[1:]), role=heading_role(plain))]

    def _paragraph(self, node, offset, line):
        child = node.children[0] if node.children else None
        plain, marked = inline(child)
        if not plain.strip():
            if child and any(c.type == "html_inline" for c in child.children):
                self.dropped_html.append((line, child.content))
            return []
        if plain.startswith(("{%", "{{")) and _TEMPLATE_TAG.match(plain):
            return []  # the other site's template, not text
        if _PLACEHOLDER in plain:
            return self._inline_questions(plain, marked, line)
        return [Paragraph(plain, line, markdown=marked)]

    def _inline_questions(self, plain: str, marked: str, line: int) -> list:
        """A paragraph holding one-line questions' placeholders: its text
        around them, and the questions."""
        texts, marks = _INLINE_PLACEHOLDER.split(plain), _INLINE_PLACEHOLDER.split(f" {marked} ")
        out: list = []
        for k, text in enumerate(texts):
            if k % 2:
                hit = self.found[int(text)]
                out.append(Exercise("question", "", hit.start + 1, question=hit.question))
            elif text.strip() and len(marks) == len(texts):
                out.append(Paragraph(text.strip(), line, markdown=marks[k].strip()))
        return out

    def _html_block(self, node, offset, line):
        content = node.content
        if "<details" in content.lower() or "</details" in content.lower() \
                or "<summary" in content.lower():
            return self._details(content, offset, line)
        self.dropped_html.append((line, content))
        return []

    def _details(self, content: str, offset: int, line: int) -> list:
        """``<details><summary>Solution</summary> ... </details>``: a box
        that hides its text until the learner opens it; its summary says
        whether it is a solution, an exercise or another box."""
        out: list = []
        rest = content
        opened = _DETAILS_OPEN.search(rest)
        summary = _SUMMARY.search(rest)
        if opened or summary:
            title = _tag_text(summary.group("summary")) if summary else ""
            end = max(opened.end() if opened else 0, summary.end() if summary else 0)
            if opened:
                out.append(Gate(_details_kind(title) + "-start", "", line, title=title))
            elif out_gate := self._last_gate:
                out_gate.title, out_gate.name = title, _details_kind(title) + "-start"
            line += rest.count("\n", 0, end)
            rest = rest[end:]
        closing = _DETAILS_CLOSE.search(rest)
        if not (opened or summary or closing):  # "<summary" with no ">": no tag, HTML to drop
            self.dropped_html.append((line, content))  # (parsed again, it would come back here)
            return []
        body = rest[:closing.start()] if closing else rest
        if body.strip():
            out += self.nodes(SyntaxTreeNode(PARSER.parse(_TAGS.sub("", body))).children, line - 1)
        if closing:
            out.append(Gate("details-end", "", line))
        self._last_gate = out[0] if out and isinstance(out[0], Gate) and opened else None
        return out

    def _front_matter(self, node, offset, line):
        try:
            meta = yaml.safe_load(node.content)
        except yaml.YAMLError:
            self.report.note(line, "the front matter is not valid YAML: left out")
            return []
        if isinstance(meta, dict):
            self.meta = meta
        return []

    def _hr(self, node, offset, line):
        return []

    _myst_target = _myst_line_comment = _myst_block_break = _hr

    def _code_block(self, node, offset, line):
        return [_code(node.content, "", line)]

    def _math_block(self, node, offset, line):
        return [display_math(node.content, line)]

    _math_block_label = _amsmath = _math_block

    def _table(self, node, offset, line):
        rows = [[inline(cell.children[0] if cell.children else None)[1]
                 for cell in row.children] for section in node.children for row in section.children]
        if not rows:
            return []
        return [RawMarkdown("\n".join(pipe_table(rows)), line)]

    def _dl(self, node, offset, line):
        items: list[ListItem] = []
        for child in node.children:
            if child.type == "dt":
                term, _ = inline(child.children[0] if child.children else None)
                items.append(ListItem("", line, term=term))
            elif child.type == "dd" and items:
                texts = [b for b in self.nodes(child.children, offset) if isinstance(b, Paragraph)]
                items[-1].text = " ".join(b.text for b in texts)
                items[-1].markdown = " ".join(b.markdown or escape(b.text) for b in texts)
        return [ListBlock(items, line, role="terms")] if items else []

    # -- lists ----------------------------------------------------------------

    def _bullet_list(self, node, offset, line):
        """A list; exercises and boxes found in its items follow it. A list
        whose items hold solutions is a list of questions, one per item."""
        firsts = [(item.map[0] if item.map else 0) + offset + 1 for item in node.children]
        contents = [self.nodes(item.children, offset) for item in node.children]
        if any(isinstance(b, Solution) for blocks in contents for b in blocks):
            return [_item_exercise(blocks, first) for blocks, first in zip(contents, firsts)]
        escaped: list = []
        items = self._items(node, contents, firsts, escaped)
        if not items:
            return escaped
        block = ListBlock(items, line, ordered=node.type == "ordered_list")
        if all(_only_a_link(item) for item in node.children):
            self.link_lists.add(id(block))
        return [block, *escaped]

    _ordered_list = _bullet_list

    def _items(self, node, contents: list[list], firsts: list[int],
               escaped: list) -> list[ListItem]:
        items = []
        for item, blocks, first in zip(node.children, contents, firsts):
            texts, children = [], []
            for block in blocks:
                if isinstance(block, ListBlock):
                    children += block.items
                elif isinstance(block, Paragraph):
                    texts.append((block.text, block.markdown or escape(block.text)))
                elif isinstance(block, RawMarkdown):
                    code = "\n".join(block.text.split("\n")[1:-1])
                    texts.append((code, code_span(" ".join(code.split("\n")))))
                elif isinstance(block, Heading | Quote):
                    texts.append((block.text, escape(block.text)))
                else:
                    escaped.append(block)
            if not texts and not children and escaped:
                continue  # an item that held only a question: the question follows the list
            number = int(item.info) if item.info.isdigit() else None
            entry = ListItem(" ".join(t for t, _ in texts), first, number, children)
            entry.markdown = " ".join(m for _, m in texts)
            items.append(entry)
        return items

    # -- quotes, kramdown blocks ------------------------------------------------

    def _blockquote(self, node, offset, line):
        classes = self._quote_class(line - 1, (node.map[1] if node.map else -1) + offset)
        self.quote_depth += 1
        inner = self.nodes(node.children, offset)
        self.quote_depth -= 1
        name = _exercise_name(classes)
        if name == "solution":
            return [Solution("", line, _answer_blocks(inner))]
        if name:
            return [_exercise(name, line, inner)]
        if classes and classes[0] in cues.MD_METADATA:
            return [("meta", classes[0], inner)]
        if classes:  # a callout, a checklist...: its text, without its heading
            return demote_headings(inner)
        if inner and all(isinstance(b, Paragraph) for b in inner):
            return [Quote(" ".join(b.text for b in inner), line)]
        return inner

    def _quote_class(self, start: int, end: int) -> list[str]:
        """The classes of the ``{: ...}`` line that closes a blockquote of
        source lines ``start``..``end``: the first line of the quote's own
        depth after its start (markdown-it may count blank lines after a
        quote into it, so its end alone does not say)."""
        k = bisect_right(self.ial_lines, start)
        while k < len(self.ial_lines) and self.ial_lines[k] <= end:
            depth, classes = self.ial_depths[self.ial_lines[k]]
            if depth == self.quote_depth:
                return classes
            k += 1
        return []

    # -- fences: code, MyST directives, placeholders ------------------------------

    def _fence(self, node, offset, line):
        info = node.info.strip()
        end = (node.map[1] if node.map else -1) + offset
        if info.startswith(_PLACEHOLDER):
            hit = self.found[int(info.split()[1])]
            if hit.stem_markdown:
                hit.question.body = self._markdown(hit.stem_markdown, hit.start + 1)
            if hit.explained_markdown:
                hit.question.explanation_body = self._markdown(hit.explained_markdown,
                                                               hit.start + 1)
            return [Exercise("question", "", hit.start + 1, question=hit.question)]
        if _R_CHUNK.match(info):
            return self._r_chunk(node, line)
        m = _DIRECTIVE.match(info)
        if not m:
            language = self.ials.get(end, [""])[0] if end in self.ials else ""
            return [_code(node.content, info.split()[0] if info else language, line)]
        name = m.group("name").lower()
        return self._directive(name, m.group("arg").strip(), node.content, line, offset)

    def _colon_fence(self, node, offset, line):
        """``:::{exercise} Title`` (MyST), ``::: challenge`` (pandoc, Carpentries),
        ``::: {.callout-tip title="Exercise"}`` (Quarto)."""
        info = node.info.strip()
        if m := _DIRECTIVE.match(info):
            name, arg = m.group("name"), m.group("arg")
        elif info.startswith("{"):
            attributes = info.strip("{} ")
            classes = _IAL_CLASS.findall(attributes)
            titled = _TITLE_ATTRIBUTE.search(attributes)
            name, arg = (classes[0] if classes else ""), (titled.group(2) if titled else "")
        else:
            name, _, arg = info.partition(" ")
        return self._directive(name.lower().lstrip("."), arg.strip(), node.content, line, offset)

    def _markdown(self, text: str, line: int) -> list:
        """The model's blocks of a piece of Markdown (a quiz's stem)."""
        blocks = self.nodes(SyntaxTreeNode(PARSER.parse(text)).children, line)
        return [b for b in blocks if isinstance(b, Paragraph | ListBlock | RawMarkdown | Quote)]

    def _r_chunk(self, node, line):
        """An R Markdown chunk: learnr's questions; its exercise's starter
        code, solution, hints and checks (by the chunk's label: ``x``
        with ``exercise = TRUE``, ``x-solution``, ``x-hint-2``, ``x-check``);
        a chunk whose code the page does not show (``include``/``echo =
        FALSE``: setup, or output we cannot make) goes; else code."""
        questions = learnr_questions(node.content, line + 1)
        if questions:
            return [Exercise("question", "", q.line, question=q) for q in questions]
        label, options = _chunk_options(node.info)
        code = _code(node.content, "r", line)
        role = _R_ROLE.search(label)
        if role and role.group(1) == "solution":
            return [Solution(label[:role.start()], line, [code])]
        if options.get("exercise", "").upper() in ("TRUE", "T"):
            return [StarterCode(code.text if node.content.strip() else "", line)]
        if role or any(options.get(k, "").upper() in ("FALSE", "F") for k in ("include", "echo")):
            self.report.dropped(line, "hidden R chunk", label or node.content.strip()[:40])
            return []
        return [code]

    def _directive(self, name: str, arg: str, content: str, line: int, offset: int) -> list:
        options, body, skipped = _options(content)
        label = options.get("label", "")
        if name in _CODE_NAMES:
            if _REMOVED.search(options.get("tags", "")):  # the page never shows it
                self.report.dropped(line, "code cell the page removes", body.strip()[:40])
                return []
            if not body.strip():  # {literalinclude} file.py: the file is not in the text
                self.report.dropped(line, "directive", f"{name} {arg}".strip())
                return []
            return [_code(body, arg.split(" ")[0] if arg else "", line)]
        if name in _MATH_NAMES:
            return [display_math(body, line)]
        if name.endswith(("-start", "-end")):
            # {exercise-start} Title / :label: ex1 ... {solution-start} ex1
            opens_exercise = name.endswith("-start") and _exercise_name([name[:-6]]) != "solution"
            gate = Gate(name, label if opens_exercise else arg or label, line,
                        title=arg if opens_exercise else "")
            # a text written inside the gate's own fence is the gated text's beginning (or end)
            inner = self.nodes(SyntaxTreeNode(PARSER.parse(body)).children, line + skipped) \
                if body.strip() else []
            return [gate, *inner] if name.endswith("-start") else [*inner, gate]
        if name in cues.MD_DROPPED:
            self.report.dropped(line, "directive", name)
            return []
        inner_offset = line + skipped
        inner = self.nodes(SyntaxTreeNode(PARSER.parse(body)).children, inner_offset)
        if name == "list-table" and (table := _list_table(inner, line)):
            title = [Paragraph(arg, line, markdown=f"**{escape(arg)}**")] if arg else []
            return title + [table]
        kind = _exercise_name([name])
        if kind == "solution":
            return [Solution(arg, line, _answer_blocks(inner))]
        if kind:
            return [_exercise(kind, line, inner, title=_arg_title(arg), label=label)]
        if name in cues.MD_METADATA:
            return [("meta", name, inner)]
        if name in cues.MD_HIDDEN:
            self.report.dropped(line, "box for teachers", name)
            return []
        if name.startswith("prf:"):  # sphinx-proof: "Theorem (Two bulges)", "Proof"
            kind = name[4:].replace("-", " ").capitalize()
            arg = f"{kind} ({arg})" if arg else kind
        return _titled_box(arg, inner, line, label)

    def _admonition(self, node, offset, line):
        """``!!! question "Exercise 1"`` / ``??? success "Answer"`` (mkdocs-material)."""
        title_node = next((c for c in node.children if c.type == "admonition_title"), None)
        title = inline(title_node.children[0] if title_node and title_node.children else None)[0]
        inner = self.nodes([c for c in node.children if c is not title_node], offset)
        name = str(node.meta.get("tag", "")).lower()
        kind = _exercise_name([name])
        if kind == "solution":
            return [Solution("", line, _answer_blocks(inner))]
        if kind:
            return [_exercise(kind, line, inner, title=title)]
        return _titled_box(title, inner, line, "")


def _item_exercise(blocks: list, line: int) -> Exercise:
    """A list item that holds its solution: a question, the item's text its stem."""
    exercise = Exercise("question", "", line)
    for block in blocks:
        if isinstance(block, Solution):
            exercise.answer += block.blocks
        else:
            exercise.stem.append(block)
    return exercise


class StarterCode(RawMarkdown):
    """An exercise's starter code (learnr: a chunk with ``exercise = TRUE``),
    its text empty where the learner starts from nothing."""


_R_ROLE = re.compile(r"-(solution|hint(?:-\d+)?|check|code-check|error-check|tests|setup)$")
_CHUNK_OPTION = re.compile(r"([\w.]+)\s*=\s*(\"[^\"]*\"|'[^']*'|[^,}]+)")


def _chunk_options(info: str) -> tuple[str, dict[str, str]]:
    """An R chunk's label and options: ``{r ex1, exercise = TRUE}``."""
    inner = info.strip().lstrip("{")[1:].rstrip("}")
    head, _, _ = inner.strip(" ,").partition(",")
    label = head.strip() if head.strip() and "=" not in head else ""
    return label, {k: v.strip().strip("\"'") for k, v in _CHUNK_OPTION.findall(inner)}


def _only_a_link(item: SyntaxTreeNode) -> bool:
    """A list item whose whole text is one link."""
    if len(item.children) != 1 or item.children[0].type != "paragraph":
        return False
    parts = [c for c in item.children[0].children[0].children
             if not (c.type == "text" and not c.content.strip())]
    return len(parts) == 1 and parts[0].type == "link"


def _tag_text(html: str) -> str:
    """The text of a bit of HTML: tags out, entities decoded."""
    return " ".join(unescape(_TAGS.sub("", html)).split())


def _details_kind(summary: str) -> str:
    """What a ``<details>`` box is, from its summary ("Show the solution")."""
    if summary and (heading_role(summary) == "answers" or cues.SOLUTION_BUTTON.match(summary)
                    or _ANSWER_WORD.search(summary)):
        return "solution"
    if summary and heading_role(summary) == "exercise":
        return "exercise"
    return "details"


def _options(content: str) -> tuple[dict, str, int]:
    """A directive's ``:key: value`` lines, the rest of its content, and how
    many lines the options took."""
    lines = content.split("\n")
    options = {}
    n = 0
    if lines[0].strip() == "---":  # the options as a block of YAML between two --- lines
        end = next((k for k in range(1, min(len(lines), 40)) if lines[k].strip() == "---"), 0)
        for k in range(1, end):
            key, colon, value = lines[k].partition(":")
            if colon and key.strip() and not key.startswith((" ", "\t")):
                options[key.strip()] = value.strip()
        n = end + 1 if end else 0
    while n < len(lines) and (m := _OPTION.match(lines[n].strip())):
        options[m.group("key")] = m.group("value").strip()
        n += 1
    if n < len(lines) and not lines[n].strip() and n:
        n += 1
    return options, "\n".join(lines[n:]), n


def _arg_title(arg: str) -> str:
    return "" if not arg or re.fullmatch(r"[\w-]+", arg) and "_" in arg else arg


def _code(content: str, language: str, line: int) -> RawMarkdown:
    language = language.strip("{}").lower()
    language = _LANGUAGE_NAMES.get(language, language.removeprefix("language-"))
    if not _LANGUAGE.match(language or "-"):
        language = ""
    longest = max((len(run) for run in re.findall(r"`{3,}", content)), default=2)
    fence = "`" * (longest + 1)
    body = content.rstrip("\n").replace("\r", "")
    return RawMarkdown(f"{fence}{language}\n{body}\n{fence}", line)


def _exercise_name(classes: list[str]) -> str:
    for name in classes:
        name = name.lower().lstrip(".")
        # a tool's prefix before the box's kind: webexercises' .webex-solution
        name = name.rsplit("-", 1)[-1] if "-" in name and name.rsplit("-", 1)[-1] in \
            cues.MD_SOLUTIONS | cues.MD_EXERCISES else name
        if name in cues.MD_SOLUTIONS:
            return "solution"
        if name in cues.MD_EXERCISES or name in cues.MD_REFLECTIONS:
            return name
    return ""


def _exercise(name: str, line: int, inner: list, title: str = "", label: str = "") -> Exercise:
    """An exercise from a directive, a div or a kramdown block: a heading
    at its top is its title; solutions inside it are its answer."""
    exercise = Exercise(name, title, line, label=label)
    inner = fold_gates(inner)
    if not title and inner and isinstance(inner[0], Heading):
        exercise.title = inner.pop(0).text
    for block in inner:
        if isinstance(block, Solution) and is_hint(block):
            exercise.stem += block.blocks  # "## Hint" in a solution box: help, not the answer
        elif isinstance(block, Solution):
            exercise.answer += block.blocks
        elif isinstance(block, Inline):
            exercise.stem += block
        else:
            exercise.stem.append(block)
    exercise.stem = demote_headings(exercise.stem)
    return exercise


def is_hint(solution: Solution) -> bool:
    """A solution box headed "Hint" (a Carpentries ``::: solution`` over
    ``## Hint``): it helps with the exercise, it does not answer it."""
    first = solution.blocks[0] if solution.blocks else None
    return isinstance(first, Paragraph) and cues.HINT_TITLE.match(first.text.strip()) is not None


def fold_gates(blocks: list) -> list:
    """``{exercise-start}`` ... ``{exercise-end}`` (the same for solutions,
    and ``<details>`` ... ``</details>``): the blocks between two gates are
    the exercise's, the solution's or the box's; gates nest."""
    out: list = []
    open_gate: Gate | None = None
    inside: list = []
    depth = 0
    for block in blocks:
        if not isinstance(block, Gate):
            (inside if open_gate is not None else out).append(block)
        elif open_gate is None:
            if block.name.endswith("-start"):
                open_gate, inside, depth = block, [], 0
        elif block.name.endswith("-start"):
            depth += 1
            inside.append(block)
        elif depth:
            depth -= 1
            inside.append(block)
        else:
            out.append(_gated(open_gate, fold_gates(inside)))
            open_gate = None
    if open_gate is not None:
        out.append(_gated(open_gate, fold_gates(inside)))
    return out


def _gated(gate: Gate, inside: list):
    # a box inside this one that is no exercise gave back its blocks: they are this one's
    inside = [b for block in inside for b in (block if isinstance(block, Inline) else [block])]
    base = gate.name[:-len("-start")]
    if base in cues.MD_SOLUTIONS:
        return Solution(gate.label, gate.line, _answer_blocks(inside))
    if base in cues.MD_EXERCISES or base in cues.MD_REFLECTIONS:
        return _exercise(base, gate.line, inside, title=gate.title, label=gate.label)
    title = [Paragraph(gate.title, gate.line, markdown=f"**{escape(gate.title)}**")] \
        if gate.title else []
    return Inline(title + inside)


_MARK_FIRST = re.compile(r"^\s*(?:[-+*]|\d{1,3}[.)])\s")
_TEX_COMMENT = re.compile(r"(?<!\\)%")


def display_math(tex: str, line: int) -> RawMarkdown:
    """A display formula, kept as written, except that a line that starts as
    a list item would ("+ \\frac{a}{b}", "- c") goes on the line before it
    (TeX reads a line break as a space, unless a % comment ends that line)."""
    lines = escape_math(tex.strip()).split("\n")
    kept = lines[:1]
    for text in lines[1:]:
        if _MARK_FIRST.match(text) and not _TEX_COMMENT.search(kept[-1]):
            kept[-1] = f"{kept[-1].rstrip()} {text.strip()}"
        else:
            kept.append(text)
    return RawMarkdown("$$\n" + "\n".join(kept) + "\n$$", line)


def _list_table(inner: list, line: int) -> RawMarkdown | None:
    """MyST's ``{list-table}``: a list of rows, each a list of cells, as a
    pipe table (it was a nested list with empty items)."""
    if len(inner) != 1 or not isinstance(inner[0], ListBlock) \
            or not all(item.children for item in inner[0].items):
        return None
    rows = [[(cell.markdown or escape(cell.text)).replace("|", "\\|") for cell in item.children]
            for item in inner[0].items]
    return RawMarkdown("\n".join(pipe_table(rows)), line)


class Inline(list):
    """Blocks that a gate held but that are no exercise: back into the text."""


def _titled_box(title: str, inner: list, line: int, label: str) -> list:
    """A box known only by its title: "Solution" holds an answer, "Exercise 2"
    an exercise; any other keeps its text, with its title in bold."""
    title = _arg_title(title)
    if not title and inner and isinstance(inner[0], Heading):
        title, inner = inner[0].text, inner[1:]  # ::: callout / ## Solution
    if title and (heading_role(title) == "answers" or title.lower() in cues.MD_SOLUTIONS):
        return [Solution("", line, _answer_blocks(inner))]
    if title and heading_role(title) == "exercise" and inner:  # (an embedded quiz: no text)
        return [_exercise("exercise", line, inner, title=title, label=label)]
    head = [Paragraph(title, line, markdown=f"**{escape(title)}**")] if title else []
    return head + demote_headings(inner)


def _answer_blocks(blocks: list) -> list:
    """A solution's blocks, without a heading that only says "Solution"."""
    if blocks and isinstance(blocks[0], Heading) and blocks[0].role == "answers":
        blocks = blocks[1:]
    return demote_headings(blocks)


def demote_headings(blocks: list) -> list:
    """Headings inside a box (a callout, a solution) are not sections of
    the lesson: they stay as bold lines."""
    return [Paragraph(b.text, b.line, markdown=f"**{escape(b.text)}**")
            if isinstance(b, Heading) else b for b in blocks]


def plain_text(blocks: list) -> str:
    """The text of ``blocks``, one paragraph each, code as written."""
    parts = []
    for block in blocks:
        if isinstance(block, RawMarkdown):
            lines = block.text.split("\n")
            fenced = len(lines) >= 2 and lines[0].startswith("```") and lines[-1].startswith("```")
            parts.append("\n".join(lines[1:-1]) if fenced else block.text)
        elif isinstance(block, ListBlock):
            parts.append("\n".join(_item_texts(block.items)))
        elif hasattr(block, "text"):
            parts.append(block.text)
    return "\n\n".join(p for p in parts if p)


def _item_texts(items: list[ListItem]) -> list[str]:
    out = []
    for item in items:
        out.append(item.text)
        out += _item_texts(item.children)
    return out

