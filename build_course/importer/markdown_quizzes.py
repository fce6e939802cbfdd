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

Each question found is a ``Found``: the lines it spans and the ``Question``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from build_course.importer.markdown_inline import marked, markup, plain
from build_course.model import Paragraph, Question
from build_course.quiz.kinds import QuestionKind, is_true_false

_EDX_STEM = re.compile(r"^ {0,3}(?:\\?>){2}(?P<stem>.*?)(?:\\?<){2}\s*$")
_EDX_BOX = re.compile(r"^ {0,3}\[(?P<flag>!?)\s*(?P<mark>[xX]?)\]\s+(?P<text>\S.*)$")
_EDX_RADIO = re.compile(r"^ {0,3}\((?P<flag>!?)\s*(?P<mark>[xX]?)\)\s+(?P<text>\S.*)$")
_EDX_TEXT = re.compile(r"^ {0,3}(?:=|or=)\s*(?P<text>\S.*)$")
_EDX_DROPDOWN = re.compile(r"^ {0,3}\[\[(?P<options>[^\[\]]*,[^\[\]]*)\]\]\s*$")
_EDX_EXPLANATION = re.compile(r"^ {0,3}\[explanation\]\s*$", re.I)
_FEEDBACK = re.compile(r"\s*\{\{(?P<body>.*?)\}\}\s*")
_FEEDBACK_LABEL = re.compile(r"^\s*(?:(?:un)?selected|s|u)\s*:\s*", re.I)
_LIA_RADIO = re.compile(r"^ {0,3}\[\((?P<mark>[xX ]?)\)\]\s*(?P<text>.*)$")
_LIA_BOX = re.compile(r"^ {0,3}\[\[(?P<mark>[xX ]?)\]\]\s*(?P<text>.*)$")
_LIA_TEXT = re.compile(r"^ {0,3}\[\[(?P<text>[^\]\[,]{2,}|[^\]\[xX ,])\]\]\s*$")
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


def find_questions(lines: list[str], code: set[int] | None = None) -> list[Found]:
    """The questions of ``lines`` in edX, LiaScript or mkdocs-quiz syntax
    (``code``: the lines of fenced code, when known)."""
    code = code_lines(lines) if code is None else code
    found: list[Found] = []
    n = 0
    while n < len(lines):
        hit = None
        if n not in code:
            hit = _edx(lines, n, code) or _mkdocs_quiz(lines, n) or _liascript(lines, n, code)
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
    end = n + 1
    j = n + 1
    while j < len(lines) and j not in code:
        line = lines[j]
        if not line.strip():
            j += 1
            continue
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
        elif not question.options and not _EDX_STEM.match(line) and len(question.prompt) < 2000:
            question.prompt = " ".join(filter(None, [question.prompt, plain(line)]))
            asked.append(line)
        else:
            break
        j += 1
        end = j
    if not question.options and question.model_answer is None:
        return None
    _texts(question, asked, explained + feedback, answered)
    question.kind = _choice_kind(question, several=boxes > radios)
    if not question.options:
        question.kind = QuestionKind.OPEN
    return Found(n, end, question, "edX")


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

def _liascript(lines: list[str], n: int, code: set[int]) -> Found | None:
    """Option lines ``[( )]``/``[[ ]]`` (or a ``[[answer]]`` line) after a paragraph."""
    if not lines[n].lstrip().startswith("[") or not _lia_line(lines[n]):
        return None
    start = n
    while start > 0 and lines[start - 1].strip() and start - 1 not in code \
            and not lines[start - 1].lstrip().startswith("#"):
        start -= 1
    asked = " ".join(line.strip() for line in lines[start:n])
    question = Question(plain(asked), start + 1)
    boxes = 0
    answered = None
    j = n
    while j < len(lines) and j not in code and (hit := _lia_line(lines[j])):
        kind, mark, text = hit
        if kind == "text":
            answered = text
        else:
            boxes += kind == "box"
            if mark:
                question.correct.append(len(question.options))
            _option(question, text)
        j += 1
    if not question.prompt:
        return None
    _texts(question, [asked], [], answered)
    question.kind = _choice_kind(question, several=boxes > 0) if question.options \
        else QuestionKind.OPEN
    return Found(start, j, question, "LiaScript")


def _lia_line(line: str) -> tuple[str, bool, str] | None:
    """(kind, marked right, its text in Markdown) of a LiaScript line."""
    if m := _LIA_RADIO.match(line):
        return "radio", m.group("mark").strip() != "", m.group("text")
    if m := _LIA_BOX.match(line):
        return "box", m.group("mark").strip() != "", m.group("text")
    if m := _LIA_TEXT.match(line):
        return "text", True, m.group("text")
    return None


# ---- mkdocs-quiz -------------------------------------------------------------

def _mkdocs_quiz(lines: list[str], n: int) -> Found | None:
    if _OLD_QUIZ_OPEN.match(lines[n]):
        return _mkdocs_quiz_fields(lines, n)
    if not _QUIZ_OPEN.match(lines[n]):
        return None
    close = next((k for k in range(n + 1, len(lines)) if _QUIZ_CLOSE.match(lines[k])), None)
    if close is None:
        return None
    body = lines[n + 1:close]
    tasks = [k for k, line in enumerate(body) if _TASK.match(line)]
    if not tasks:
        return None
    question = Question("", n + 2)
    for k in tasks:
        m = _TASK.match(body[k])
        if m.group("mark").strip():
            question.correct.append(len(question.options))
        _option(question, m.group("text"))
    _texts(question, [" ".join(line.strip() for line in body[:tasks[0]] if line.strip())],
           [" ".join(line.strip() for line in body[tasks[-1] + 1:] if line.strip())])
    question.kind = _choice_kind(question, several=len(question.correct) > 1)
    return Found(n, close + 1, question, "mkdocs-quiz")


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
