"""``build-course inspect``: what the importer understood, as data.

The Markdown in the model is rendered by the same code, from the same part,
as the build writes to docs/ (a manifest beside the files is honoured).
"""

from __future__ import annotations

from pathlib import Path

from build_course.build.pipeline import import_one, name_parts, text_files
from build_course.build.rendering import render_lesson, render_quiz
from build_course.diagnostics import CourseError, review_list
from build_course.importer.importing import Imported, mark_duplicates
from build_course.manifest import Manifest, load_manifest
from build_course.model import Lesson, Part, Question
from build_course.quiz.generate import generate_self_checks


def inspect_paths(paths: list[Path]) -> dict:
    """The JSON model of every text under ``paths`` (files, or folders)."""
    files = []
    for path in paths:
        if path.is_dir():
            files += text_files(path)
        else:
            files.append(path)
    imported, errors = [], []
    manifests: dict[Path, Manifest | None] = {}
    switches: dict[str, bool] = {}
    for path in files:
        manifest = _manifest(path, manifests)
        entry = next((e for e in manifest.sources if e.file == path.name), None) \
            if manifest else None
        switches[path.name] = (manifest.generate_questions if manifest else True) \
            and (entry.generate_questions if entry else True)
        try:
            imported.append(import_one(path, entry, str(path)))
        except CourseError as exc:
            errors.append(exc)
    if errors:
        raise CourseError.combine(errors)
    mark_duplicates(imported)
    parts = [item.part for item in imported]
    generate_self_checks(parts, lambda part: switches.get(part.source, True))
    name_parts(parts)
    return {"sources": [_source(path, item) for path, item in zip(files, imported)]}


def _manifest(path: Path, manifests: dict[Path, Manifest | None]) -> Manifest | None:
    """The manifest beside ``path``, if any; each folder's is read once."""
    folder = path.parent.resolve()
    if folder not in manifests:
        manifest_path = folder / "course.yml"
        manifests[folder] = load_manifest(manifest_path, str(manifest_path)) \
            if manifest_path.exists() else None
    return manifests[folder]


def _source(path: Path, item: Imported) -> dict:
    part = item.part
    return {
        "source": str(path),
        "title": part.title,
        "publisher": part.publisher,
        "encoding": item.source.encoding,
        "family": {"name": part.family, "evidence": part.family_evidence},
        "duplicate_of": part.duplicate_of,
        "lessons": [_lesson(part, lesson) for lesson in part.lessons],
        "warnings": [{"line": d.line, "message": d.message, "hint": d.hint}
                     for d in part.diagnostics if d.severity == "warning"],
        "review": [{"line": d.line, "topic": d.topic.value, "message": d.message}
                   | ({"place": d.place} if d.place else {})
                   for d in review_list(part.diagnostics)],
    }


def _lesson(part: Part, lesson: Lesson) -> dict:
    quiz_page = render_quiz(part, lesson) if lesson.quizzes else None
    return {
        "title": lesson.title,
        "slug": lesson.slug,
        "role": lesson.role,
        "markdown": render_lesson(part, lesson).text,
        "objectives": lesson.objectives,
        "sections": [{"title": s.title, "level": s.level, "line": s.line} for s in lesson.sections],
        "quizzes": [{
            "title": quiz.title,
            "slug": quiz.slug,
            "duration": quiz.duration or None,
            "markdown": quiz_page.text,
            "questions": [_question(q) for q in quiz.questions],
        } for quiz in lesson.quizzes],
    }


def _question(question: Question) -> dict:
    found = {"prompt": question.prompt, "kind": question.kind, "options": question.options,
             "correct": question.correct, "model_answer": question.model_answer,
             "generated": question.generated, "line": question.line}
    if question.terms:  # matching: correct[i] is the option of terms[i]
        found["terms"] = question.terms
    return found


def outline(model: dict) -> str:
    """A readable outline of the model."""
    lines = []
    for source in model["sources"]:
        lines.append(f"{source['source']}: {source['title']}")
        family = source["family"]
        if family["name"]:
            lines.append(f"  read as: {family['name']} ({'; '.join(family['evidence'])})")
        if source["duplicate_of"]:
            lines.append(f"  duplicate of {source['duplicate_of']}: not published again")
        for lesson in source["lessons"]:
            about = " (about)" if lesson["role"] == "about" else ""
            lines.append(f"  lesson: {lesson['title']}{about}")
            for section in lesson["sections"]:
                lines.append(f"  {'  ' * section['level']}{section['title']}")
            for quiz in lesson["quizzes"]:
                lines.append(f"    quiz: {quiz['title']} ({len(quiz['questions'])} questions)")
                for q in quiz["questions"]:
                    lines.append(f"      [{q['kind']}] {q['prompt'][:70]}")
        for warning in source["warnings"]:
            lines.append(f"  warning: line {warning['line']}: {warning['message']}")
        if source["review"]:
            lines.append("  to review, most important first:")
        for item in source["review"]:
            where = item.get("place") or f"line {item['line']}"
            lines.append(f"    {item['topic']}: {where}: {item['message']}")
    return "\n".join(lines)
