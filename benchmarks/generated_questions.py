"""Every question the build generates for a course, with its lesson and answer,
for a person to read and judge (issue: every lesson gets a self-check).

Usage::

    .venv/bin/python benchmarks/generated_questions.py [SOURCE_FOLDER]   (default: source/)

Prints, per lesson, each generated question, its options (the right one
marked with *), its answer and where in the lesson it stands; then how many
lessons got a self-check and how many questions were made.
"""

from __future__ import annotations

import sys
from pathlib import Path

from build_course.build.inspecting import inspect_paths
from build_course.quiz.kinds import option_letter


def main(folder: Path) -> int:
    lessons = questions = 0
    for source in inspect_paths([folder])["sources"]:
        for lesson in source["lessons"]:
            made = [q for quiz in lesson["quizzes"] for q in quiz["questions"] if q["generated"]]
            if not made:
                continue
            lessons += 1
            print(f"\n== {Path(source['source']).name}: {lesson['title']} ({len(made)})")
            for n, q in enumerate(made, start=questions + 1):
                print(f"{n}. [{q['kind']}] {q['prompt']}")
                for term, c in zip(q.get("terms", []), q["correct"]):
                    print(f"   = {term} -> {q['options'][c]}")
                for i, option in enumerate([] if q.get("terms") else q["options"]):
                    mark = "*" if i in q["correct"] else " "
                    print(f"   {mark} {option_letter(i)}. {option}")
                if q["model_answer"]:
                    print(f"   answer: {q['model_answer']}")
            questions += len(made)
    print(f"\n{questions} generated questions in {lessons} lessons")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("source")))
