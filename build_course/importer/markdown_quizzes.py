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

from build_course.importer.markdown_inline import plain
from build_course.model import Question
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


def find_questions(lines: list[str]) -> list[Found]:
    """The questions of ``lines`` in edX, LiaScript or mkdocs-quiz syntax."""
    code = code_lines(lines)
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
    boxes = radios = 0
    feedback: list[str] = []
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
            question.options.append(plain(text))
        elif (d := _EDX_DROPDOWN.match(line)) and not question.options:
            for option in d.group("options").split(","):
                option = option.strip()
                if option.startswith("(") and option.endswith(")"):
                    option = option[1:-1].strip()
                    question.correct.append(len(question.options))
                question.options.append(plain(option))
            radios += 1
        elif t := _EDX_TEXT.match(line):
            question.model_answer = question.model_answer or plain(t.group("text"))
        elif _EDX_EXPLANATION.match(line):
            close = next((k for k in range(j + 1, len(lines)) if _EDX_EXPLANATION.match(lines[k])),
                         None)
            if close is None:
                break
            explanation = plain(" ".join(x.strip() for x in lines[j + 1:close] if x.strip()))
            question.explanation = " ".join(filter(None, [question.explanation, explanation]))
            j = close
        elif not question.options and not _EDX_STEM.match(line) and len(question.prompt) < 2000:
            question.prompt = " ".join(filter(None, [question.prompt, plain(line)]))
        else:
            break
        j += 1
        end = j
    if not question.options and question.model_answer is None:
        return None
    if feedback:
        question.explanation = " ".join(filter(None, [question.explanation, *feedback]))
    question.kind = _choice_kind(question, several=boxes > radios)
    if not question.options:
        question.kind = QuestionKind.OPEN
    return Found(n, end, question, "edX")


def _strip_feedback(text: str) -> tuple[str, list[str]]:
    said = [_FEEDBACK_LABEL.sub("", m.group("body")).strip() for m in _FEEDBACK.finditer(text)]
    return _FEEDBACK.sub(" ", text).strip(), [plain(s) for s in said if s]


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
    prompt = plain(" ".join(line.strip() for line in lines[start:n]))
    question = Question(prompt, start + 1)
    boxes = 0
    j = n
    while j < len(lines) and j not in code and (hit := _lia_line(lines[j])):
        kind, mark, text = hit
        if kind == "text":
            question.model_answer = text
        else:
            boxes += kind == "box"
            if mark:
                question.correct.append(len(question.options))
            question.options.append(text)
        j += 1
    if not prompt:
        return None
    question.kind = _choice_kind(question, several=boxes > 0) if question.options \
        else QuestionKind.OPEN
    return Found(start, j, question, "LiaScript")


def _lia_line(line: str) -> tuple[str, bool, str] | None:
    if m := _LIA_RADIO.match(line):
        return "radio", m.group("mark").strip() != "", plain(m.group("text"))
    if m := _LIA_BOX.match(line):
        return "box", m.group("mark").strip() != "", plain(m.group("text"))
    if m := _LIA_TEXT.match(line):
        return "text", True, plain(m.group("text"))
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
    prompt = plain(" ".join(line.strip() for line in body[:tasks[0]] if line.strip()))
    question = Question(prompt, n + 2)
    for k in tasks:
        m = _TASK.match(body[k])
        if m.group("mark").strip():
            question.correct.append(len(question.options))
        question.options.append(plain(m.group("text")))
    after = plain(" ".join(line.strip() for line in body[tasks[-1] + 1:] if line.strip()))
    question.explanation = after
    question.kind = _choice_kind(question, several=len(question.correct) > 1)
    return Found(n, close + 1, question, "mkdocs-quiz")


# ---- R learnr ----------------------------------------------------------------

_R_STRING = r"""(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')"""
_LEARNR_QUESTION = re.compile(
    rf"\bquestion(?:_checkbox|_radio|_text|_numeric)?\s*\(\s*(?:text\s*=\s*)?(?P<prompt>{_R_STRING})")
_LEARNR_ANSWER = re.compile(
    rf"\banswer(?:_fn)?\s*\(\s*(?:text\s*=\s*)?(?P<text>{_R_STRING})(?P<rest>[^()]*)\)")
_LEARNR_CORRECT = re.compile(r"\bcorrect\s*=\s*T(?:RUE)?\b")


def learnr_questions(code: str, line: int) -> list[Question]:
    """The ``question("...", answer("...", correct = TRUE), ...)`` calls of
    an R code chunk (learnr tutorials), in order."""
    starts = list(_LEARNR_QUESTION.finditer(code))
    questions = []
    for k, m in enumerate(starts):
        end = starts[k + 1].start() if k + 1 < len(starts) else len(code)
        question = Question(_r_string(m.group("prompt")), line + code.count("\n", 0, m.start()))
        for a in _LEARNR_ANSWER.finditer(code, m.end(), end):
            if _LEARNR_CORRECT.search(a.group("rest")):
                question.correct.append(len(question.options))
            question.options.append(_r_string(a.group("text")))
        several = "question_checkbox" in m.group(0) or len(question.correct) > 1
        if "_text" in m.group(0) or "_numeric" in m.group(0):
            question.kind = QuestionKind.OPEN
            answers = [question.options[c] for c in question.correct]
            question.model_answer = answers[0] if answers else None
            question.options, question.correct = [], []
        else:
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
    for line in lines[n + 1:close]:
        m = _QUIZ_FIELD.match(line)
        key = m.group("key").lower() if m else ""
        if key == "question":
            question.prompt = plain(m.group("text"))
        elif key in ("answer", "answer-correct") and not content:
            if key == "answer-correct":
                question.correct.append(len(question.options))
            question.options.append(plain(m.group("text")))
        elif key == "content" or content:
            content.append(m.group("text") if key == "content" else line)
    if not question.prompt or not question.options:
        return None
    question.explanation = " ".join(_TAG.sub(" ", " ".join(content)).split())
    question.kind = _choice_kind(question, several=len(question.correct) > 1)
    return Found(n, close + 1, question, "mkdocs-quiz")


_TAG = re.compile(r"</?[A-Za-z][^>]*>")
