"""How faithfully the importer understands real texts: a score per text and a mean.

Usage::

    .venv/bin/python benchmarks/fidelity.py CORPUS [--min 0.6] [--verbose] [--json OUT]

CORPUS holds ``raw/`` (the texts) and ``gold/`` (one JSON per text: what a
careful editor would make of it; format in the corpus's README). The texts
are imported in this process, as ``build-course inspect RAW --json`` does,
and each text's model is held against its gold on the same five measures
as the corpus's own scorer (``score_fidelity.py``), so the figures agree:

- lessons:  gold lesson titles found, in order;
- sections: F1 of the ordered section headings (quiz titles and the gold's
  optional headings left out);
- quizzes:  per gold question: found by its prompt, kind, options, answer
  (and nothing invented where the gold has no answer); extra questions
  lower the score;
- clean:    artefacts (running headers, page numbers, glyphs) absent and
  hard-wrapped sentences joined in one paragraph;
- lists:    list items in the lesson Markdown within 15% of the gold count.

It prints one line per text and ``fidelity: X`` last, and exits 1 when the
mean is below ``--min`` (CI's floor).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from difflib import SequenceMatcher
from pathlib import Path

_LIST_ITEM = re.compile(r"^[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+\S", re.M)
_QUIZ_WORDS = re.compile(r"check (for|your) understanding|self-check|\bquiz\b|objectives"
                         r"|lesson goals")
# Which model kinds count for a gold kind (a true/false item may be a choice of two).
_KINDS = {"single_choice": {"single_choice"}, "multi_choice": {"multiple_choice", "multi_choice"},
          "true_false": {"true_false", "single_choice"}, "open": {"open"},
          "reflection": {"reflection", "open"}}


def norm(text: str | None) -> str:
    """Compared form: NFKC, straight quotes, no Markdown marks, no leading
    letter or number, white space folded, lower case, no final '.' or ':'."""
    text = unicodedata.normalize("NFKC", text or "")
    text = text.translate(str.maketrans("’‘“”", "''\"\""))
    text = re.sub(r"[*_`#>]", "", text)
    text = re.sub(r"^\s*(?:[A-Da-d]|\d+)[.)]\s+", "", text)
    return re.sub(r"\s+", " ", text).strip().rstrip(".:").lower()


def alike(a: str, b: str, cut: float = 0.85) -> bool:
    a, b = norm(a), norm(b)
    return bool(a and b) and (a == b or SequenceMatcher(None, a, b).ratio() >= cut)


def common(gold: list, got: list, equal) -> int:
    """Length of the longest common subsequence under ``equal``."""
    row = [0] * (len(got) + 1)
    for g in gold:
        previous, row = row, [0]
        for j, item in enumerate(got):
            row.append(previous[j] + 1 if equal(g, item) else max(previous[j + 1], row[j]))
    return row[-1]


def f1(gold: list[str], got: list[str]) -> float:
    if not gold and not got:
        return 1.0
    k = common(gold, got, alike)
    precision, recall = (k / len(got) if got else 0.0), (k / len(gold) if gold else 0.0)
    return 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)


# ---- the five measures ----------------------------------------------------------

def lesson_score(gold: dict, lessons: list[dict]) -> float:
    wanted = [lesson["title"] for lesson in gold["lessons"]]
    got = [lesson.get("title", "") for lesson in lessons]
    return common(wanted, got, lambda a, b: alike(a, b) or norm(b).endswith(norm(a))) / len(wanted)


def section_score(gold: dict, lessons: list[dict]) -> float:
    wanted = [s for lesson in gold["lessons"] for s in lesson["sections"]]
    optional = gold.get("optional_sections", []) + [
        quiz["title"] for lesson in gold["lessons"] for quiz in lesson["quizzes"]]

    def counted(title: str) -> bool:
        if any(alike(title, w) for w in wanted):
            return True
        t = norm(title)
        return not any(alike(title, o) or (norm(o) and norm(o) in t) for o in optional) \
            and not _QUIZ_WORDS.search(t)

    heads = [s.get("title", "") for lesson in lessons for s in lesson.get("sections") or []]
    with_titles = [t for lesson in lessons
                   for t in [lesson.get("title", "")] + [s.get("title", "")
                                                         for s in lesson.get("sections") or []]]
    return max(f1(wanted, [t for t in heads if counted(t)]),
               f1(wanted, [t for t in with_titles if counted(t)]))


def _answers(question: dict) -> list[str]:
    options = question.get("options") or []
    found = [options[i] for i in question.get("correct") or []
             if isinstance(i, int) and 0 <= i < len(options)]
    return found + ([question["model_answer"]] if question.get("model_answer") else [])


def question_score(gold: dict, questions: list[dict], used: set[int]) -> tuple[float, str]:
    stem = gold["text"]
    pool = [q for q in questions if alike(stem, (q.get("prompt") or "")[:len(stem) + 5], 0.8)]
    pool = [q for q in pool if id(q) not in used] or pool
    if not pool:
        return 0.0, f"missing: {stem[:50]}"
    q = pool[0]
    used.add(id(q))
    parts = [1.0, 1.0 if q.get("kind") in _KINDS[gold["kind"]] else 0.0]
    if gold["options"]:
        parts.append(f1(gold["options"], q.get("options") or []))
    if gold["answer"] is None:
        parts.append(0.0 if _answers(q) else 1.0)
    else:
        want = gold["answer"]
        parts.append(1.0 if any(alike(want, a[:len(want) + 5], 0.8)
                                or norm(a).startswith(norm(want)) for a in _answers(q)) else 0.0)
    score = sum(parts) / len(parts)
    return score, "" if score == 1 else f"partial {score:.2f}: {stem[:40]} (kind={q.get('kind')})"


def quiz_score(gold: dict, lessons: list[dict]) -> tuple[float, list[str]]:
    wanted = [q for lesson in gold["lessons"] for quiz in lesson["quizzes"]
              for q in quiz["questions"]]
    got = [q for lesson in lessons for quiz in lesson.get("quizzes") or []
           for q in quiz.get("questions") or []]
    if not wanted:
        if not got or all(q.get("generated") for q in got):
            return 1.0, []
        return 0.5, [f"{len(got)} questions where the source has none"]
    used: set[int] = set()
    scored = [question_score(g, got, used) for g in wanted]
    score = sum(s for s, _ in scored) / len(scored)
    notes = [n for _, n in scored if n]
    if len(got) > len(wanted):
        score *= len(wanted) / len(got)
        notes.append(f"{len(got) - len(wanted)} questions more than the source has")
    return score, notes


def list_score(gold: dict, markdown: str) -> float | None:
    counts = [lesson.get("list_items") for lesson in gold["lessons"]]
    if not counts or not all(isinstance(n, int) for n in counts):
        return None
    want, got = sum(counts), len(_LIST_ITEM.findall(markdown))
    error = abs(got - want)
    return 1.0 if error <= max(1, 0.15 * want) else max(0.0, 1 - error / max(want, 10))


def clean_score(gold: dict, markdown: str) -> tuple[float, list[str]]:
    if not markdown.strip():
        return 0.0, ["no Markdown"]
    notes, checks = [], 0
    squeezed = re.sub(r"[ \t]+", " ", markdown)
    lines = {line.strip() for line in markdown.splitlines()}
    for artefact in gold.get("artefacts", []):
        checks += 1
        if artefact.startswith("\n") and artefact.endswith("\n") and artefact.strip():
            present = artefact.strip() in lines
        else:
            present = artefact in markdown or re.sub(r"[ \t]+", " ", artefact) in squeezed
        if present:
            notes.append(f"artefact present: {artefact!r}")
    for artefact in gold.get("artefact_lines", []):
        checks += 1
        if artefact in lines:
            notes.append(f"artefact line present: {artefact!r}")
    paragraphs = [norm(p) for p in re.split(r"\n\s*\n", markdown)]
    for sentence in gold.get("joined", []):
        checks += 1
        if not any(norm(sentence) in p for p in paragraphs):
            notes.append(f"not one paragraph: {sentence[:50]!r}")
    return (1.0 - len(notes) / checks if checks else 1.0), notes


def score_text(gold: dict, model: dict) -> tuple[dict[str, float], list[str]]:
    """The measures of one text's model against its gold, and what is off."""
    if gold.get("duplicate_of"):
        ok = Path(model.get("duplicate_of") or "").name == gold["duplicate_of"]
        return {"duplicate": 1.0 if ok else 0.0}, [] if ok else ["not marked as a duplicate"]
    lessons = model.get("lessons") or []
    lesson_md = "\n".join(lesson.get("markdown") or "" for lesson in lessons)
    quiz_md = "\n".join(quiz.get("markdown") or "" for lesson in lessons
                        for quiz in lesson.get("quizzes") or [])
    quizzes, quiz_notes = quiz_score(gold, lessons)
    clean, clean_notes = clean_score(gold, lesson_md + quiz_md)
    parts = {"lessons": lesson_score(gold, lessons), "sections": section_score(gold, lessons),
             "quizzes": quizzes, "clean": clean}
    if (lists := list_score(gold, lesson_md)) is not None:
        parts["lists"] = lists
    return parts, quiz_notes + clean_notes


def inspect_model(raw: Path) -> dict[str, dict]:
    """The inspect model of every text in ``raw``, by file name."""
    from build_course.build.inspecting import inspect_paths

    return {Path(s["source"]).name: s for s in inspect_paths([raw])["sources"]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", type=Path, help="folder with raw/ and gold/")
    parser.add_argument("--min", type=float, default=0.0, help="fail below this mean")
    parser.add_argument("--verbose", action="store_true", help="say what is off in each text")
    parser.add_argument("--json", type=Path, help="write every figure here")
    args = parser.parse_args(argv)
    models = inspect_model(args.corpus / "raw")
    results = {}
    for path in sorted((args.corpus / "gold").glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        name = gold.get("file") or path.stem + ".txt"
        parts, notes = score_text(gold, models[name]) if name in models else ({"found": 0.0},
                                                                              ["not imported"])
        total = sum(parts.values()) / len(parts)
        results[name] = {"score": total, **parts}
        print(f"{name}: {total:.3f} " + " ".join(f"{k}={v:.2f}" for k, v in parts.items()))
        if args.verbose:
            for note in notes[:40]:
                print("    " + note)
    mean = sum(r["score"] for r in results.values()) / len(results) if results else 0.0
    lowest = min(results.items(), key=lambda item: item[1]["score"]) if results else ("", {})
    if args.json:
        args.json.write_text(json.dumps({"mean": mean, "texts": results}, indent=1))
    print(f"lowest: {lowest[0]} {lowest[1].get('score', 0):.3f}")
    print(f"fidelity: {mean:.3f}")
    if mean < args.min:
        print(f"below the floor of {args.min:.3f}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
