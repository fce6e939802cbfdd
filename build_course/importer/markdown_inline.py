"""Inline Markdown of an imported source, as plain text and as safe Markdown.

A paragraph parsed by markdown-it is a list of inline tokens. The importer
needs two things from it: the plain text (to find titles, questions and
answers, and to compare) and Markdown to publish that keeps emphasis, code,
math and web links but nothing that could run or break the page: raw HTML
is left out, link targets other than http(s) and mail keep only their text,
and MyST roles (``{doc}`previous lecture <functions>```) become their text.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode
from mdit_py_plugins.dollarmath import dollarmath_plugin
from mdit_py_plugins.myst_role import myst_role_plugin

_SPECIAL = re.compile(r"([\\`*_\[\]{}|]|[<>&])")
_ENTITIES = {"<": "&lt;", ">": "&gt;", "&": "&amp;"}
_SAFE_LINK = re.compile(r"^(https?://|mailto:)[^\s<>\"']+$", re.I)
_ROLE_TARGET = re.compile(r"^(?P<text>.*?)\s*<[^<>]*>$", re.S)
_BACKTICKS = re.compile(r"`+")
_LABEL = re.compile(r"^[\w:.-]+$")
_BREAK = re.compile(r"<br\s*/?>$", re.I)  # a line break in HTML: words on either side stay apart
# A pandoc/kramdown attribute list: {#id .class key=value key="a value"} ({: ...} in kramdown).
_ATTRIBUTES = r"""\{:?\s*(?:(?:[#.][\w:.-]+|[\w:-]+=(?:"[^"]*"|'[^']*'|[^\s"'{}]+))\s*)+\}"""
_LEADING_ATTRIBUTES = re.compile("^" + _ATTRIBUTES)
_TRAILING_ATTRIBUTES = re.compile(r"\s*" + _ATTRIBUTES + r"\s*$")
# A span with attributes, [text]{.kbd}; a reference link whose label is defined
# in a file we do not have, [text][label] (not after a word: veg[1][2] is code).
_SPAN = re.compile(
    r"(?<![\w\]])\[([^\[\]]*[^\W\d_][^\[\]]*)\](?:" + _ATTRIBUTES + r"|\[[^\[\]]*\])")


_INLINE = MarkdownIt("commonmark").use(myst_role_plugin).use(dollarmath_plugin)


def plain(text: str) -> str:
    """The plain text of one line of inline Markdown (``*even*`` -> ``even``)."""
    return marked(text)[0]


def marked(text: str) -> tuple[str, str]:
    """(plain text, safe Markdown) of one line of inline Markdown."""
    if not text.strip():
        return "", ""
    tokens = _INLINE.parseInline(text)
    return inline(SyntaxTreeNode(tokens).children[0]) if tokens else (text, escape(text))


def escape(text: str) -> str:
    """``text`` as literal Markdown: no character of it marks anything up."""
    return _SPECIAL.sub(lambda m: _ENTITIES.get(m.group(1), "\\" + m.group(1)), text)


def markup(text: str, markdown: str) -> str:
    """``markdown`` (the safe Markdown of ``text``) where it marks anything
    up, else "" (the page escapes plain text itself)."""
    return markdown if markdown != escape(text) else ""


def code_span(code: str) -> str:
    """``code`` as an inline code span, fenced by enough backticks."""
    longest = max((len(run) for run in _BACKTICKS.findall(code)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if code.startswith("`") or code.endswith("`") else ""
    return f"{fence}{pad}{code}{pad}{fence}"


def role_text(name: str, content: str) -> str:
    """What a MyST role shows: ``{ref}`text <target>``` shows ``text``."""
    if m := _ROLE_TARGET.match(content):
        return m.group("text") or content
    return content


def inline(node: SyntaxTreeNode | None) -> tuple[str, str]:
    """(plain text, safe Markdown) of an ``inline`` node."""
    plain: list[str] = []
    marked: list[str] = []
    children = node.children if node else []
    for k, child in enumerate(children):
        if child.type == "text" and ("{" in child.content or "][" in child.content):
            _one(_Text(_attributes_out(child.content, children, k)), plain, marked)
        else:
            _one(child, plain, marked)
    return _squeeze("".join(plain)), _escape_start(_squeeze("".join(marked)))


class _Text:
    """A text node with its text changed."""

    type = "text"
    children: list = []

    def __init__(self, content: str):
        self.content = content


def _attributes_out(text: str, siblings: list, k: int) -> str:
    """A text without the attribute lists that pandoc and kramdown put after
    an image, a link or code (``![](a.png){alt='...'}``), at the end of a
    heading (``{#intro}``) and on spans (``[Ctrl]{.kbd}``), and with
    unresolved reference links as their text."""
    if k and siblings[k - 1].type in ("image", "link", "code_inline"):
        text = _LEADING_ATTRIBUTES.sub("", text)
    if k == len(siblings) - 1:
        text = _TRAILING_ATTRIBUTES.sub("", text)
    return _SPAN.sub(r"\1", text) if "[" in text else text


_START = re.compile(r"^(\d{1,9})([.)])|^([#+!-])|^([=~?:])")


def _escape_start(text: str) -> str:
    """A text that begins like a block (``+ x``, ``2019. A year``, ``!!! x``,
    ``: x``) where the source escaped it: escaped again, so it stays text."""
    m = _START.match(text)
    if not m:
        return text
    number, after, escapable, other = m.groups()
    if number:
        return f"{number}\\{after}{text[m.end():]}"
    if escapable:
        return "\\" + text
    return f"&#{ord(other)};{text[1:]}"


def _squeeze(text: str) -> str:
    return " ".join(text.split())


def _one(node: SyntaxTreeNode, plain: list[str], marked: list[str]) -> None:
    kind = node.type
    if kind == "text":
        plain.append(node.content)
        marked.append(escape(node.content))
    elif kind in ("softbreak", "hardbreak") \
            or (kind == "html_inline" and _BREAK.match(node.content)):
        plain.append(" ")
        marked.append(" ")
    elif kind == "code_inline":
        plain.append(node.content)
        marked.append(code_span(node.content))
    elif kind in ("math_inline", "math_single"):
        plain.append(f"${node.content}$")
        marked.append(f"${escape_math(node.content)}$")
    elif kind == "myst_role":
        _role(node, plain, marked)
    elif kind in ("strong", "em"):
        mark = "**" if kind == "strong" else "*"
        text = _children(node, plain)
        marked.append(f"{mark}{text}{mark}" if text else "")
    elif kind == "link":
        _link(node, plain, marked)
    elif kind == "image":
        alt = node.attrs.get("alt") or node.content
        plain.append(str(alt or ""))
        marked.append(escape(str(alt or "")))
    else:  # html_inline and anything a plugin adds: its text only, never markup
        for child in node.children:
            _one(child, plain, marked)


def escape_math(tex: str) -> str:
    """TeX is kept as written, but ``<`` and ``&`` must not open HTML."""
    return tex.replace("&", "&amp;").replace("<", "&lt;")


def _role(node: SyntaxTreeNode, plain: list[str], marked: list[str]) -> None:
    name = str(node.meta.get("name", ""))
    text = role_text(name, node.content)
    if name == "eq" and _LABEL.match(text):  # a reference to a labelled equation
        text = f"({text})"
    elif name.startswith(("cite", "footcite")):  # a citation we cannot resolve: its key
        text = f"[{text}]"
    elif name == "numref":
        text = " ".join(text.replace("%s", "").split())
    if name in ("math", "eq") and not text.startswith("("):
        plain.append(f"${text}$")
        marked.append(f"${escape_math(text)}$")
    elif name in ("code", "literal", "command", "file", "kbd", "samp"):
        plain.append(text)
        marked.append(code_span(text))
    else:
        plain.append(text)
        marked.append(escape(text))


def _children(node: SyntaxTreeNode, plain: list[str]) -> str:
    """A node's children: their plain text added to ``plain``, their marked
    text returned (stripped), for the mark or link around it."""
    inner: list[str] = []
    for child in node.children:
        _one(child, plain, inner)
    return "".join(inner).strip()


def _link(node: SyntaxTreeNode, plain: list[str], marked: list[str]) -> None:
    text = _children(node, plain)
    href = str(node.attrs.get("href", ""))
    if _SAFE_LINK.match(href) and text:
        marked.append(f"[{text}](<{href}>)")
    else:  # a page of the other course's site, or a script: the text stays
        marked.append(text)


def pipe_table(rows: list[list[str]]) -> list[str]:
    """Rows of cells (Markdown already) as a pipe table's lines, the first
    row its header; short rows padded with empty cells. No rows, no lines."""
    if not rows:
        return []
    width = max(len(row) for row in rows)
    rows = [row + [""] * (width - len(row)) for row in rows]
    return ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * width] + \
        ["| " + " | ".join(row) + " |" for row in rows[1:]]
