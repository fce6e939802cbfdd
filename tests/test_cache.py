"""The import cache: a source that did not change is not imported again."""

from __future__ import annotations

import dataclasses
import shutil
import sqlite3
from pathlib import Path

from build_course.build.cache import STATS, ImportCache
from build_course.build.pipeline import import_cached
from build_course.importer.importing import import_source, mark_duplicates
from build_course.manifest import SourceEntry

SOURCE = Path(__file__).resolve().parent.parent / "source"
WEBUCATOR = "webucator-customer-service-basics.txt"
STRIPPED = "customer-service-basics-stripped-copy.txt"


def _copy(tmp_path: Path, *names: str) -> list[Path]:
    (tmp_path / "source").mkdir(exist_ok=True)
    return [Path(shutil.copy(SOURCE / name, tmp_path / "source" / name)) for name in names]


def _model(item) -> dict:
    return dataclasses.asdict(item.part)


def test_unchanged_source_comes_from_the_cache(tmp_path):
    [path] = _copy(tmp_path, WEBUCATOR)
    cache = ImportCache.for_project(tmp_path)
    first = import_cached(path, None, "source/x.txt", cache=cache)
    before = STATS["imported"]
    second = import_cached(path, None, "source/x.txt", cache=cache)
    assert (cache.misses, cache.hits) == (1, 1)
    assert STATS["imported"] == before
    assert _model(second) == _model(first) == _model(import_source(path, None, "source/x.txt"))
    assert second.source.text == first.source.text
    assert second.part is not first.part


def test_changing_what_was_returned_leaves_the_cache_alone(tmp_path):
    [path] = _copy(tmp_path, WEBUCATOR)
    cache = ImportCache.for_project(tmp_path)
    expected = _model(import_cached(path, cache=cache))
    got = import_cached(path, cache=cache)
    got.part.lessons.clear()
    got.part.duplicate_of = "other.txt"
    assert _model(import_cached(path, cache=cache)) == expected
    assert cache.hits == 2


def test_an_edit_or_a_new_manifest_entry_imports_again(tmp_path):
    [path] = _copy(tmp_path, WEBUCATOR)
    cache = ImportCache.for_project(tmp_path)
    import_cached(path, cache=cache)
    path.write_text(path.read_text(encoding="utf-8").replace("customer", "client", 1),
                    encoding="utf-8")
    edited = import_cached(path, cache=cache)
    assert cache.misses == 2
    cache.close()
    assert cache.names() == {str(path)}  # one entry: the old version was replaced
    entry = SourceEntry(file=path.name, line=3, title="A New Title")
    assert import_cached(path, entry, cache=cache).part.title == "A New Title"
    assert cache.misses == 3
    moved = SourceEntry(file=path.name, line=9, title="A New Title")  # only its line moved
    import_cached(path, moved, cache=cache)
    assert cache.misses == 3
    assert edited.part.title != "A New Title"


def test_a_damaged_cache_is_a_miss(tmp_path):
    [path] = _copy(tmp_path, WEBUCATOR)
    with ImportCache.for_project(tmp_path) as cache:
        expected = _model(import_cached(path, cache=cache))
    [file] = cache.folder.iterdir()
    file.write_bytes(file.read_bytes()[:100])  # a database cut short
    with ImportCache.for_project(tmp_path) as cache:
        assert _model(import_cached(path, cache=cache)) == expected
        assert (cache.hits, cache.misses) == (0, 1)
    with ImportCache.for_project(tmp_path) as cache:  # made anew
        assert _model(import_cached(path, cache=cache)) == expected
        assert (cache.hits, cache.misses) == (1, 0)


def test_an_entry_that_does_not_unpickle_is_a_miss(tmp_path):
    [path] = _copy(tmp_path, WEBUCATOR)
    with ImportCache.for_project(tmp_path) as cache:
        expected = _model(import_cached(path, cache=cache))
    key = cache.key(path.read_bytes(), path, str(path), None)
    with ImportCache.for_project(tmp_path) as cache:
        cache.write(str(path), key, b"not a pickle")
    with ImportCache.for_project(tmp_path) as cache:
        assert _model(import_cached(path, cache=cache)) == expected
        assert (cache.hits, cache.misses) == (0, 1)


def test_a_locked_cache_is_skipped_not_waited_for_forever(tmp_path, monkeypatch):
    [path] = _copy(tmp_path, WEBUCATOR)
    with ImportCache.for_project(tmp_path) as cache:
        expected = _model(import_cached(path, cache=cache))
    other = sqlite3.connect(cache.folder / ImportCache.FILE)
    other.execute("BEGIN EXCLUSIVE")  # another build, in the middle of saving
    monkeypatch.setattr(ImportCache, "TIMEOUT", 0.1)
    try:
        with ImportCache.for_project(tmp_path) as cache:
            assert _model(import_cached(path, cache=cache)) == expected
            assert (cache.hits, cache.misses) == (0, 1)
    finally:
        other.rollback()
    with ImportCache.for_project(tmp_path) as cache:  # left as it was
        import_cached(path, cache=cache)
        assert cache.hits == 1


def test_old_cache_files_are_removed(tmp_path):
    [path] = _copy(tmp_path, WEBUCATOR)
    folder = tmp_path / ".build-course-cache"
    folder.mkdir()
    (folder / "0123456789abcdef-0123.pickle").write_bytes(b"from an older version")
    with ImportCache.for_project(tmp_path) as cache:
        import_cached(path, cache=cache)
    assert [f.name for f in folder.iterdir()] == [ImportCache.FILE]


def test_duplicates_are_found_from_cached_sources(tmp_path):
    paths = _copy(tmp_path, WEBUCATOR, STRIPPED)
    cache = ImportCache.for_project(tmp_path)

    def build():
        imported = [import_cached(p, cache=cache) for p in paths]
        mark_duplicates(imported)
        return [(_model(i), [dataclasses.asdict(w) for w in i.part.diagnostics]) for i in imported]

    plain = [import_source(p) for p in paths]
    mark_duplicates(plain)
    first, second = build(), build()
    assert cache.hits == 2
    assert first == second == [(_model(i), [dataclasses.asdict(w) for w in i.part.diagnostics])
                               for i in plain]
    assert second[1][0]["duplicate_of"] == WEBUCATOR


def test_saving_with_keep_drops_the_other_sources(tmp_path):
    paths = _copy(tmp_path, WEBUCATOR, STRIPPED)
    cache = ImportCache.for_project(tmp_path)
    for p in paths:
        import_cached(p, None, f"source/{p.name}", cache=cache)
    assert cache.save(keep={f"source/{WEBUCATOR}"}) == 1
    import_cached(paths[0], None, f"source/{WEBUCATOR}", cache=cache)
    assert cache.hits == 1
