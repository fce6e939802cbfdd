"""Quiz syntaxes of other course tools that Markdown itself does not know.

They are found in the source lines before the Markdown is parsed (markdown-it
would read ``>>question<<`` as nested quotes and ``[x]`` as text), outside
fenced code (a multiple-choice question inside a code block is content):

edX problem Markdown::

    >>Which are prime?||Check all that apply.<<
    [x] 2
    [ ] 4          (checkboxes: several may be right; ``[!]`` = shuffle flag)
    (x) 3          (radio buttons: one is right)
    = 42           (a text answer)
    [explanation] ... [explanation]

LiaScript::

    Which is prime?
    [( )] 4
    [(X)] 5        (``[[X]]`` boxes: several may be right; ``[[42]]`` a text answer)

mkdocs-quiz::

    <quiz>
    Which is prime?
    - [x] 5
    - [ ] 4
    Optional explanation.
    </quiz>

webexercises (R Markdown, Quarto), a question on one line::

    * Scores on an IQ test `r mcq(c("Uniform", answer = "Normal"))`
    * Two decimal places: `r fitb(c("0.25", ".25"))`   ``torf(TRUE)``: true/false

Each question found is a ``Found``: the lines it spans and the ``Question``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from build_course.importer import cues
from build_course.importer.markdown_inline import marked, markup, plain
from build_course.model import Paragraph, Question, RawMarkdown
from build_course.quiz.kinds import QuestionKind, is_true_false

_EDX_STEM = re.compile(r"^ {0,3}(?:\\?>){2}(?P<stem>.*?)(?:\\?<){2}\s*$")
_EDX_BOX = re.compile(r"^ {0,3}\[(?P<flag>!?)\s*(?P<mark>[xX]?)\]\s+(?P<text>\S.*)$")
_EDX_RADIO = re.compile(r"^ {0,3}\((?P<flag>!?)\s*(?P<mark>[xX]?)\)\s+(?P<text>\S.*)$")
_EDX_TEXT = re.compile(r"^ {0,3}(?:=|or=)\s*(?P<text>\S.*)$")
_EDX_DROPDOWN = re.compile(r"^ {0,3}\[\[(?P<options>[^\[\]]*,[^\[\]]*)\]\]\s*$")
_EDX_EXPLANATION = re.compile(r"^ {0,3}\[explanation\]\s*$", re.I)
_EDX_HINT = re.compile(r"^ {0,3}\|\|.*\|\|\s*$")  # ||Think of the grain size.||
_FEEDBACK = re.compile(r"\s*\{\{(?P<body>.*?)\}\}\s*")
_FEEDBACK_LABEL = re.compile(r"^\s*(?:(?:un)?selected|s|u)\s*:\s*", re.I)
_QUIZ_OPEN = re.compile(r"^ {0,3}<quiz>\s*$", re.I)
_QUIZ_CLOSE = re.compile(r"^ {0,3}</quiz>\s*$", re.I)
_TASK = re.compile(r"^ {0,3}[-*+]\s+\[(?P<mark>[xX ])\]\s+(?P<text>\S.*)$")
_FENCE = re.compile(r"^ {0,3}(?P<fence>`{3,}|~{3,})(?P<info>.*)$")


@dataclass
class Found:
    """A question written in a quiz syntax: source lines ``start``..``end``
    (0-based, end excluded) and what they ask."""

    start: int
    end: int
    question: Question
    syntax: str
    stem_markdown: str = ""
    """The question's whole stem as Markdown, when it is more than a paragraph."""
    explained_markdown: str = ""
    """The explanation as Markdown, when it is more than a paragraph."""


def code_lines(lines: list[str]) -> set[int]:
    """Lines inside fenced code (the fences included), where nothing is a quiz.
    A MyST directive fence (```` ```{exercise} ````) holds Markdown, not code."""
    inside: set[int] = set()
    open_fence = ""
    start = 0
    for n, line in enumerate(lines):
        m = _FENCE.match(line)
        if open_fence:
            if m and m.group("fence")[0] == open_fence[0] \
                    and len(m.group("fence")) >= len(open_fence) and not m.group("info").strip():
                inside.update(range(start, n + 1))
                open_fence = ""
        elif m and not (m.group("info").strip().startswith("{")
                        and not m.group("info").strip().startswith(CODE_DIRECTIVES)):
            open_fence, start = m.group("fence"), n
    if open_fence:
        inside.update(range(start, len(lines)))
    return inside


CODE_DIRECTIVES = ("{code", "{sourcecode", "{literalinclude", "{raw", "{math", "{r", "{python",
                   "{ojs", "{bash", "{sh")


def find_questions(lines: list[str], code: set[int] | None = None,
                   lia: bool | None = None) -> list[Found]:
    """The questions of ``lines`` in edX, LiaScript or mkdocs-quiz syntax
    (``code``: the lines of fenced code, ``lia``: a LiaScript course, when known)."""
    code = code_lines(lines) if code is None else code
    lia = lia_course(lines) if lia is None else lia
    found: list[Found] = []
    n = 0
    while n < len(lines):
        hit = None
        if n not in code:
            if "`r " in lines[n] and (asked := webex_questions(lines[n], n)):
                found += asked
                n += 1
                continue
            hit = _edx(lines, n, code) or _mkdocs_quiz(lines, n) \
                or _lia_matrix(lines, n, code) or _liascript(lines, n, code, lia)
        if hit:
            found.append(hit)
            n = hit.end
        else:
            n += 1
    return found


# ---- edX ---------------------------------------------------------------------

def _edx(lines: list[str], n: int, code: set[int]) -> Found | None:
    if not (m := _EDX_STEM.match(lines[n])):
        return None
    stem, _, hint = m.group("stem").partition("||")
    # the text after "||" is the instruction ("Check all that apply"): part of the prompt
    question = Question(" ".join(filter(None, [plain(stem), plain(hint)])), n + 1)
    asked = [stem, hint]
    boxes = radios = 0
    feedback: list[str] = []
    explained: list[str] = []
    answered = None
    pairs: list[tuple[str, str]] = []
    end = n + 1
    j = n + 1
    while j < len(lines) and j not in code:
        line = lines[j]
        if not line.strip():
            j += 1
            continue
        if _EDX_HINT.match(line):  # a hint: the question's, not the lesson's
            j += 1
            end = j
            continue
        if _RULE.match(line):
            break
        if (box := _EDX_BOX.match(line)) or (radio := _EDX_RADIO.match(line)):
            hit = box or radio
            boxes, radios = boxes + bool(box), radios + (not box)
            text, said = _strip_feedback(hit.group("text"))
            feedback += said
            if hit.group("mark"):
                question.correct.append(len(question.options))
            _option(question, text)
        elif (d := _EDX_DROPDOWN.match(line)) and not question.options:
            for option in d.group("options").split(","):
                option = option.strip()
                if option.startswith("(") and option.endswith(")"):
                    option = option[1:-1].strip()
                    question.correct.append(len(question.options))
                _option(question, option)
            radios += 1
        elif t := _EDX_TEXT.match(line):
            answered = answered or t.group("text")
            question.model_answer = question.model_answer or plain(answered)
        elif _EDX_EXPLANATION.match(line):
            close = next((k for k in range(j + 1, len(lines)) if _EDX_EXPLANATION.match(lines[k])),
                         None)
            if close is None:
                break
            explained.append(" ".join(x.strip() for x in lines[j + 1:close] if x.strip()))
            j = close
        elif not question.options and (pair := _EDX_PAIR.match(line)) \
                and (pairs or len(question.prompt) < 2000):
            pairs.append((pair.group("term"), pair.group("text")))  # Term : its definition
        elif not question.options and not pairs and answered is None and not explained \
                and not _EDX_STEM.match(line) and len(question.prompt) < 2000:
            question.prompt = " ".join(filter(None, [question.prompt, plain(line)]))
            asked.append(line)
        else:
            break
        j += 1
        end = j
    if len(pairs) >= 2 and not question.options and question.model_answer is None:
        _texts(question, asked, explained + feedback)
        _pairs(question, pairs)
        return Found(n, end, question, "edX")
    asked += [f"{term} : {text}" for term, text in pairs]  # no matching: part of the stem
    if not question.options and question.model_answer is None:
        return None
    _texts(question, asked, explained + feedback, answered)
    question.kind = _choice_kind(question, several=boxes > radios)
    if not question.options:
        question.kind = QuestionKind.OPEN
    return Found(n, end, question, "edX")


_EDX_PAIR = re.compile(
    r"^ {0,3}(?P<term>[^\s:\[\](){}<>#|][^:\[\]{}<>|]{0,78}?)\s+:\s+(?P<text>\S.*)$")


def _pairs(question: Question, pairs: list[tuple[str, str]]) -> None:
    """A matching question: each term with its definition, the definitions
    offered in alphabetical order (as written, each would stand by its term)."""
    question.terms = [plain(term) for term, _ in pairs]
    definitions = [plain(text) for _, text in pairs]
    order = sorted(range(len(definitions)), key=lambda k: definitions[k].casefold())
    question.options = [definitions[k] for k in order]
    question.correct = [order.index(k) for k in range(len(definitions))]
    question.kind = QuestionKind.MATCHING


def _strip_feedback(text: str) -> tuple[str, list[str]]:
    said = [_FEEDBACK_LABEL.sub("", m.group("body")).strip() for m in _FEEDBACK.finditer(text)]
    return _FEEDBACK.sub(" ", text).strip(), [s for s in said if s]


def _option(question: Question, source: str) -> None:
    """An option written in inline Markdown: its plain text, and its marks."""
    text, markdown = marked(source)
    question.options.append(text)
    question.options_markdown.append(markup(text, markdown))


def _pieces(sources: list[str]) -> tuple[str, str]:
    """Lines of inline Markdown as one text: (plain, safe Markdown)."""
    pairs = [pair for pair in map(marked, sources) if pair[0]]
    return " ".join(t for t, _ in pairs), " ".join(m for _, m in pairs)


def _texts(question: Question, asked: list[str], explained: list[str],
           answered: str | None = None) -> None:
    """The prompt, the explanation and the model answer from their lines of
    inline Markdown: their plain text, and their marks (code, emphasis,
    links) as a body of one paragraph, the way prose keeps them; options'
    marks only where some option has any."""
    question.prompt, markdown = _pieces(asked)
    if markup(question.prompt, markdown):
        question.body = [Paragraph(question.prompt, question.line, markdown=markdown)]
    question.explanation, markdown = _pieces(explained)
    if markup(question.explanation, markdown):
        question.explanation_body = [Paragraph(question.explanation, question.line,
                                               markdown=markdown)]
    if answered is not None:
        question.model_answer, markdown = marked(answered)
        if markup(question.model_answer, markdown):
            question.answer_body = [Paragraph(question.model_answer, question.line,
                                              markdown=markdown)]
    if not any(question.options_markdown):
        question.options_markdown = []


def _choice_kind(question: Question, several: bool) -> QuestionKind:
    if not several and is_true_false(question.options):
        return QuestionKind.TRUE_FALSE
    return QuestionKind.MULTIPLE_CHOICE if several else QuestionKind.SINGLE_CHOICE


# ---- LiaScript -----------------------------------------------------------------

def _liascript(lines: list[str], n: int, code: set[int], lia: bool = False) -> Found | None:
    """Option lines ``[( )]``/``[[ ]]`` (a list's dash before them allowed), a
    ``[[answer]]`` line or a ``[[ a | (b) | c ]]`` selection, after the
    paragraph that asks (a blank line or a code block may stand between);
    hint lines ``[[?]]``; a solution between two ``***`` lines after them.
    In a LiaScript course (``lia``) the lines may be indented as code."""
    if "[" not in lines[n][:12] or not (first := _lia_line(lines[n], lia)):
        return None
    start, asked, body = _lia_asked(lines, n, code)
    if not asked:
        return None
    question = Question(plain(" ".join(asked)), start + 1)
    boxes = radios = 0
    answered = None
    j = n
    hit: tuple | None = first
    while hit:
        kind, mark, text = hit
        if kind == "text":
            answered = text
        elif kind == "select":
            j = _lia_selection(lines, j, question)
            radios += 1
        elif kind != "hint":
            boxes, radios = boxes + (kind == "box"), radios + (kind == "radio")
            if mark:
                question.correct.append(len(question.options))
            _option(question, text)
        j += 1
        hit = _lia_line(lines[j], lia) if j < len(lines) and j not in code else None
    if not question.options and answered is None:
        return None
    j, explained = _lia_solution(lines, j)
    _texts(question, asked, explained, answered)
    if body:
        question.body = [Paragraph(question.prompt, question.line, markdown=_pieces(asked)[1]),
                         *body]
    question.kind = _choice_kind(question, several=boxes > radios) if question.options \
        else QuestionKind.OPEN
    return Found(start, j, question, "LiaScript")


_LIA_MATRIX_HEAD = re.compile(r"^\s{0,3}\[\s*((?:\[[^\[\]]+\]\s*){2,})\]\s*$")
_LIA_MATRIX_ROW = re.compile(r"^\s{0,3}\[\s*((?:\(\s*[xX]?\s*\)\s*){2,})\]\s*(?P<text>\S.*)$")


def _lia_matrix(lines: list[str], n: int, code: set[int]) -> Found | None:
    """A LiaScript matrix quiz: a header of column labels ``[[yes] [no]]``,
    then one row a statement, its right column marked ``[( ) (X)] Mars``: a
    matching question (each statement to its column). Rows of boxes ``[[X]
    [ ]]`` (several right per row) are not read."""
    if "[[" not in lines[n][:8] or not (head := _LIA_MATRIX_HEAD.match(lines[n])):
        return None
    columns = [c.strip() for c in re.findall(r"\[([^\[\]]+)\]", head.group(1))]
    question = Question("", n + 1, kind=QuestionKind.MATCHING, options=columns)
    j = n + 1
    while j < len(lines) and j not in code and (row := _LIA_MATRIX_ROW.match(lines[j])):
        cells = re.findall(r"\(\s*([xX]?)\s*\)", row.group(1))
        marked = [k for k, cell in enumerate(cells) if cell]
        if len(cells) != len(columns) or len(marked) != 1:
            return None
        question.terms.append(plain(row.group("text")))
        question.correct.append(marked[0])
        j += 1
    start, asked, _ = _lia_asked(lines, n, code)
    if len(question.terms) < 2 or not asked:
        return None
    _texts(question, asked, [])
    return Found(start, j, question, "LiaScript")


def _lia_asked(lines: list[str], n: int, code: set[int]) -> tuple[int, list[str], list]:
    """The lines of the paragraph that asks the question whose options start
    at line ``n``: right above, or above blank lines, comments and one code
    block (the code goes into the question's body). (start, lines, body)."""
    k = n
    while k > 0 and (not lines[k - 1].strip() or _COMMENT.match(lines[k - 1])):
        k -= 1
    body: list = []
    if k > 0 and k - 1 in code:  # a fenced block between the question and its options
        end = k
        while k > 0 and k - 1 in code:
            k -= 1
        fence = _FENCE.match(lines[k])
        language = fence.group("info").strip().split(" ")[0] if fence else ""
        text = "\n".join(lines[k:end])
        body = [RawMarkdown(text, k + 1)] if fence and language[:1] != "{" else []
        while k > 0 and not lines[k - 1].strip():
            k -= 1
    start = k
    while start > 0 and lines[start - 1].strip() and start - 1 not in code \
            and not lines[start - 1].lstrip().startswith(("#", "|", ">", "<", "```", "~~~")) \
            and not _lia_line(lines[start - 1], True):
        start -= 1
    return start, [line.strip() for line in lines[start:k]], body


_COMMENT = re.compile(r"^\s*<!--.*-->\s*$")


def _lia_line(line: str, lia: bool) -> tuple[str, bool, str] | None:
    """(kind, marked right, its text in Markdown) of a LiaScript line."""
    m = _LIA_LINE.match(line)
    if not m and _LIA_OPEN_SELECTION.match(line) and (lia or len(line) - len(line.lstrip()) < 4):
        return "select", True, ""  # [[ a  (its options go on on "| b" lines)
    if not m or (not lia and len(m.group("indent")) > 3):
        return None
    inner, text, dash = m.group("inner"), m.group("text").strip(), m.group("dash")
    if inner in ("[?]", "[ ?]"):
        return "hint", False, text
    if mark := _LIA_MARK.match(inner):
        return ("box" if inner[0] == "[" else "radio"), mark.group(1).strip() != "", text
    if dash or text or inner[0] != "[":
        return None
    answer = inner[1:-1].strip()
    if "|" in answer:
        return "select", True, answer
    if answer and (lia or "," not in answer) and "[" not in answer:
        return "text", True, answer
    return None


_LIA_LINE = re.compile(r"^(?P<indent>\s*)(?P<dash>[-*+]\s+)?\[(?P<inner>\[[^\]]*\]?|\([xX ]?\))"
                       r"\](?P<text>.*)$")
_LIA_OPEN_SELECTION = re.compile(r"^\s*\[\[[^\]]*$")
_LIA_MARK = re.compile(r"^[\[(]([xX ]?)[\])]$")
_LIA_SELECTION = re.compile(r"\[\[(?P<body>.*?)\]\]", re.S)


def _lia_selection(lines: list[str], j: int, question: Question) -> int:
    """``[[ a | (b) | c ]]``, on one line or continued on ``| ...`` lines up to
    ``]]``: the options, those in brackets right. The selection's last line."""
    end = j
    while "]]" not in lines[end] and end + 1 < len(lines) and end - j < 50 \
            and lines[end + 1].strip().startswith(("|", "]]")):
        end += 1
    m = _LIA_SELECTION.search("\n".join(lines[j:end + 1]))
    for option in (m.group("body").split("|") if m else []):
        option = option.strip()
        if option.startswith("(") and option.endswith(")"):
            option = option[1:-1].strip()
            question.correct.append(len(question.options))
        if option:
            _option(question, option)
    return end


def _lia_solution(lines: list[str], j: int) -> tuple[int, list[str]]:
    """A solution written between two lines of asterisks right after a quiz:
    (the line after it, its lines); (j, []) when there is none."""
    if j >= len(lines) or not _STARS.match(lines[j]):
        return j, []
    close = next((k for k in range(j + 1, min(len(lines), j + 200)) if _STARS.match(lines[k])),
                 None)
    if close is None:
        return j, []
    return close + 1, [line.strip() for line in lines[j + 1:close] if line.strip()]


_STARS = re.compile(r"^\s*\*{3,}\s*$")


def lia_course(lines: list[str]) -> bool:
    """A LiaScript course: it opens with an HTML comment whose ``key: value``
    lines name the course (author, narrator, import...)."""
    first = next((line for line in lines[:20] if line.strip()), "")
    if not first.lstrip().startswith("<!--"):
        return False
    keys = set()
    for line in lines[:120]:
        if m := _LIA_KEY.match(line):
            keys.add(m.group(1).lower())
        if "-->" in line:
            break
    return len(keys & cues.LIASCRIPT_KEYS) >= 2 and bool(keys & cues.LIASCRIPT_OWN_KEYS)


_LIA_KEY = re.compile(r"^\s*(?:<!--\s*)?([A-Za-z_]+)\s*:")


# ---- mkdocs-quiz -------------------------------------------------------------

def _mkdocs_quiz(lines: list[str], n: int) -> Found | None:
    """``<quiz>`` ... ``</quiz>``: a question in Markdown (code blocks too),
    then task-list options ``- [x]``, then what to show after the answer; or a
    text with blanks ``[[answer]]`` (fill in), what to show after a ``---``."""
    if _OLD_QUIZ_OPEN.match(lines[n]):
        return _mkdocs_quiz_fields(lines, n)
    if not _QUIZ_OPEN.match(lines[n]):
        return None
    close = next((k for k in range(n + 1, len(lines)) if _QUIZ_CLOSE.match(lines[k])), None)
    if close is None:
        return None
    body = [_NOTE_MARK.sub("", line) if "<!--" in line else line for line in lines[n + 1:close]]
    code = code_lines(body)
    tasks = [k for k, line in enumerate(body) if k not in code and _TASK.match(line)]
    question = Question("", n + 2)
    if tasks:
        for k in tasks:
            m = _TASK.match(body[k])
            if m.group("mark").strip():
                question.correct.append(len(question.options))
            _option(question, m.group("text"))
        asked, explained = body[:tasks[0]], body[tasks[-1] + 1:]
        question.kind = _choice_kind(question, several=len(question.correct) > 1)
    else:
        rule = next((k for k, line in enumerate(body) if k not in code and _RULE.match(line)),
                    len(body))
        asked, explained = body[:rule], body[rule + 1:]
        blanks = [m.group(1).strip() for k, line in enumerate(asked) if k not in code
                  for m in _BLANK.finditer(line)]
        if not blanks:
            return None
        asked = [line if k in code else _BLANK.sub("_____", line) for k, line in enumerate(asked)]
        question.kind, question.model_answer = QuestionKind.OPEN, "; ".join(blanks)
    found = Found(n, close + 1, question, "mkdocs-quiz")
    _quiz_texts(found, asked, explained)
    return found


def _quiz_texts(found: Found, asked: list[str], explained: list[str]) -> None:
    """The prompt (its first paragraph outside code) and the explanation of a
    question written in Markdown lines; where they hold more than one
    paragraph (code, lists...), their Markdown, for the builder to parse."""
    question = found.question
    first = _first_paragraph(asked)
    _texts(question, [" ".join(line.strip() for line in first)],
           [" ".join(line.strip() for line in explained if line.strip())],
           question.model_answer)
    if _more_than_a_paragraph(asked):
        found.stem_markdown = "\n".join(asked)
    if _more_than_a_paragraph(explained):
        found.explained_markdown = "\n".join(explained)
        question.explanation = plain(" ".join(_first_paragraph(explained))) \
            or question.explanation


def _first_paragraph(lines: list[str]) -> list[str]:
    code = code_lines(lines)
    out: list[str] = []
    for k, line in enumerate(lines):
        if k in code or not line.strip():
            if out:
                break
            continue
        out.append(line)
    return out


def _more_than_a_paragraph(lines: list[str]) -> bool:
    text = "\n".join(lines).strip()
    return "\n\n" in text or bool(code_lines(lines))


_NOTE_MARK = re.compile(r"\s*<!--.*?-->")  # an annotation mark: <!-- (1)! -->
_RULE = re.compile(r"^ {0,3}(?:-{3,}|\*{3,}|_{3,})\s*$")
_BLANK = re.compile(r"\[\[([^\[\]]+)\]\]")


# ---- R learnr ----------------------------------------------------------------

_R_STRING = r"""(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')"""
_LEARNR_QUESTION = re.compile(
    rf"\bquestion(?:_checkbox|_radio|_text|_numeric)?\s*\(\s*(?:text\s*=\s*)?(?P<prompt>{_R_STRING})")
_LEARNR_ANSWER = re.compile(
    rf"\banswer(?:_fn)?\s*\(\s*(?:text\s*=\s*)?(?P<text>{_R_STRING})(?P<rest>[^()]*)\)")
_LEARNR_SEVERAL = re.compile(r"\btype\s*=\s*[\"'](?:multiple|checkbox)[\"']")
_LEARNR_CORRECT = re.compile(r"\bcorrect\s*=\s*T(?:RUE)?\b")


def learnr_questions(code: str, line: int) -> list[Question]:
    """The ``question("...", answer("...", correct = TRUE), ...)`` calls of
    an R code chunk (learnr tutorials), in order."""
    starts = list(_LEARNR_QUESTION.finditer(code))
    questions = []
    for k, m in enumerate(starts):
        end = starts[k + 1].start() if k + 1 < len(starts) else len(code)
        question = Question("", line + code.count("\n", 0, m.start()))
        answers = list(_LEARNR_ANSWER.finditer(code, m.end(), end))
        if "_text" in m.group(0) or "_numeric" in m.group(0):  # answers to type, as they are
            right = [_r_string(a.group("text")) for a in answers
                     if _LEARNR_CORRECT.search(a.group("rest"))]
            question.kind, question.model_answer = QuestionKind.OPEN, right[0] if right else None
        for a in answers if question.kind != QuestionKind.OPEN else []:
            if _LEARNR_CORRECT.search(a.group("rest")):
                question.correct.append(len(question.options))
            _option(question, _r_string(a.group("text")))  # learnr's texts are Markdown
        _texts(question, [_r_string(m.group("prompt"))], [])
        if question.kind != QuestionKind.OPEN:
            several = "question_checkbox" in m.group(0) or len(question.correct) > 1 \
                or _LEARNR_SEVERAL.search(code, m.end(), end) is not None
            question.kind = _choice_kind(question, several)
        questions.append(question)
    return questions


def _r_string(literal: str) -> str:
    return re.sub(r"\\(.)", r"\1", literal[1:-1])


_OLD_QUIZ_OPEN = re.compile(r"^ {0,3}<\?quiz\?>\s*$", re.I)
_OLD_QUIZ_CLOSE = re.compile(r"^ {0,3}<\?/quiz\?>\s*$", re.I)
_QUIZ_FIELD = re.compile(r"^\s*(?P<key>question|answer-correct|answer|content)\s*:\s*(?P<text>.*)$",
                         re.I)


def _mkdocs_quiz_fields(lines: list[str], n: int) -> Found | None:
    """mkdocs-quiz's first syntax: ``<?quiz?>`` with ``question:``,
    ``answer-correct:``, ``answer:`` and ``content:`` lines, to ``<?/quiz?>``."""
    close = next((k for k in range(n + 1, len(lines)) if _OLD_QUIZ_CLOSE.match(lines[k])), None)
    if close is None:
        return None
    question = Question("", n + 2)
    content: list[str] = []
    asked = ""
    for line in lines[n + 1:close]:
        m = _QUIZ_FIELD.match(line)
        key = m.group("key").lower() if m else ""
        if key == "question":
            asked = m.group("text")
        elif key in ("answer", "answer-correct") and not content:
            if key == "answer-correct":
                question.correct.append(len(question.options))
            _option(question, m.group("text"))
        elif key == "content" or content:
            content.append(m.group("text") if key == "content" else line)
    _texts(question, [asked], [])
    if not question.prompt or not question.options:
        return None
    question.explanation = " ".join(_TAG.sub(" ", " ".join(content)).split())  # HTML: its text
    question.kind = _choice_kind(question, several=len(question.correct) > 1)
    return Found(n, close + 1, question, "mkdocs-quiz")


_TAG = re.compile(r"</?[A-Za-z][^>]*>")


# ---- webexercises (R Markdown, Quarto) ------------------------------------------

WEBEX_CALL = re.compile(r"`r\s+(?P<fn>mcq|longmcq|torf|fitb)\s*\((?P<args>[^`]*)\)\s*`")
_LIST_MARK = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+")
_R_NAMED = re.compile(r"^\s*(?P<name>[\w.]+)\s*=\s*(?P<value>.*)$", re.S)


def webex_questions(line: str, n: int) -> list[Found]:
    """The questions a line asks with webexercises' inline R calls, one per
    call: the line's text (the call's place a blank when text goes on after
    it) is the prompt; ``answer = `` marks the right option; fitb's first
    answer is the model answer; torf is true/false."""
    calls = list(WEBEX_CALL.finditer(line))
    text = _LIST_MARK.sub("", line, count=1)
    stem = WEBEX_CALL.sub(lambda m: "" if not m.string[m.end():].strip(" .") else r"\_\_\_\_",
                          text).strip()
    found = []
    for call in calls:
        question = Question("", n + 1)
        args = _r_args(call.group("args"))
        fn = call.group("fn")
        if fn == "torf" and args:
            question.options = ["True", "False"]
            question.correct = [0 if args[0][1].strip().upper() in ("TRUE", "T") else 1]
            question.kind = QuestionKind.TRUE_FALSE
        elif fn == "fitb" and args:
            answers = _r_values(args[0][1])
            question.model_answer = answers[0] if answers else None
            question.kind = QuestionKind.OPEN
        elif fn in ("mcq", "longmcq") and args:
            for name, value in _r_args(_r_inner_c(args[0][1])):
                if name == "answer":
                    question.correct.append(len(question.options))
                _option(question, _r_value(value))
            question.kind = _choice_kind(question, several=len(question.correct) > 1)
        if question.kind is QuestionKind.OPEN and question.model_answer is None \
                or fn != "fitb" and len(question.options) < 2:
            return []  # a call we cannot read (its options in a variable): the line stays text
        _texts(question, [stem], [], question.model_answer)
        found.append(Found(n, n + 1, question, "webexercises"))
    return found


def _r_inner_c(expression: str) -> str:
    """The arguments of the first ``c(...)`` in ``sample(c(...))``, or the expression."""
    start = expression.find("c(")
    if start < 0:
        return expression
    depth, k = 0, start + 1
    for k in range(start + 1, len(expression)):
        depth += {"(": 1, ")": -1}.get(expression[k], 0) if expression[k] in "()" else 0
        if depth == 0:
            break
    return expression[start + 2:k]


def _r_args(text: str) -> list[tuple[str, str]]:
    """Top-level comma-separated arguments as (name or "", value), strings kept whole."""
    args, depth, quote, start = [], 0, "", 0
    for k, char in enumerate(text + ","):
        if quote:
            quote = "" if char == quote and text[k - 1] != "\\" else quote
        elif char in "\"'":
            quote = char
        elif char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
        elif char == "," and depth == 0:
            piece = text[start:k].strip()
            start = k + 1
            if piece:
                named = _R_NAMED.match(piece)
                quoted = piece[:1] in "\"'"
                args.append((named.group("name"), named.group("value").strip())
                            if named and not quoted else ("", piece))
    return args


def _r_values(expression: str) -> list[str]:
    inner = _r_inner_c(expression) if expression.startswith("c(") else expression
    return [_r_value(value) for name, value in _r_args(inner) if not name]


def _r_value(value: str) -> str:
    value = value.strip()
    return _r_string(value) if value[:1] in "\"'" and value[-1:] == value[:1] else value


def r_arguments(text: str) -> list[str]:
    """The unnamed arguments of an R call's argument list, strings unquoted."""
    return [_r_value(value) for name, value in _r_args(text) if not name]

