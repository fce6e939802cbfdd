"""The import cache: a source that did not change is not imported again."""

from __future__ import annotations

import dataclasses
import enum
import json
import re
import shutil
import sqlite3
from pathlib import Path

import pytest

from build_course.build.cache import STATS, ImportCache
from build_course.build.datajson import Codec, DecodeError
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


class _RunsCode:
    """A pickle that calls os.system when it is loaded."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        import os
        return os.system, (f"touch {self.marker}",)


def test_a_cache_entry_that_would_run_code_is_never_run(tmp_path):
    import pickle

    [path] = _copy(tmp_path, WEBUCATOR)
    marker = tmp_path / "ran"
    expected = _model(import_source(path, None, str(path)))
    with ImportCache.for_project(tmp_path) as cache:
        key = cache.key(path.read_bytes(), path, str(path), None)
        cache.write(str(path), key, pickle.dumps((key, _RunsCode(marker))))
    with ImportCache.for_project(tmp_path) as cache:
        assert _model(import_cached(path, cache=cache)) == expected
        assert (cache.hits, cache.misses) == (0, 1)
    assert not marker.exists()


def test_a_wrongly_typed_cache_entry_is_a_miss(tmp_path):
    [path] = _copy(tmp_path, WEBUCATOR)
    with ImportCache.for_project(tmp_path) as cache:
        expected = _model(import_cached(path, cache=cache))
        key = cache.key(path.read_bytes(), path, str(path), None)
    db = sqlite3.connect(tmp_path / ".build-course-cache" / ImportCache.FILE)
    [(data,)] = db.execute("SELECT data FROM imports").fetchall()
    good = json.dumps(json.loads(data), separators=(",", ":"))
    broken = [re.sub(r'"line":(\d+)', r'"line":"\1"', good, count=1),  # a wrong type
              good.replace('"@":"Paragraph"', '"@":"Popen"', 1),  # unknown class
              good.replace('"text":', '"txet":', 1),  # a field missing
              json.dumps({"@": "_Entry", "@id": 0, "key": key, "imported": None})]
    for text in broken:
        assert text != good
        with ImportCache.for_project(tmp_path) as cache:
            cache.write(str(path), key, text.encode())
        with ImportCache.for_project(tmp_path) as cache:
            assert _model(import_cached(path, cache=cache)) == expected
            assert (cache.hits, cache.misses) == (0, 1), text[:80]


class Colour(enum.Enum):
    RED = "red"
    BLUE = "blue"


@dataclasses.dataclass
class Leaf:
    name: str
    colour: Colour = Colour.RED
    where: Path | None = None


@dataclasses.dataclass
class Tree:
    leaves: list[Leaf]
    first: Leaf | None
    tags: frozenset[str]
    span: tuple[int, int]
    weight: float = 1.0
    added_later: list[str] = dataclasses.field(default_factory=list)


def test_the_cache_codec_round_trips_any_dataclass_keeping_shared_objects():
    leaf = Leaf("oak", Colour.BLUE, Path("/tmp/oak"))
    tree = Tree([leaf, Leaf("ash")], leaf, frozenset({"a", "b"}), (1, 2), 3, ["new field"])
    codec = Codec(Tree)
    back = codec.loads(codec.dumps(tree))
    assert back == tree
    assert back.first is back.leaves[0]
    assert isinstance(back.leaves[0].colour, Colour) and isinstance(back.span, tuple)


def test_the_cache_codec_refuses_what_it_does_not_know():
    codec = Codec(Tree)
    with pytest.raises(TypeError):
        codec.dumps(Tree([object()], None, frozenset(), (1, 2)))
    for text in ['{"@":"Leaf","@id":0,"name":"x","colour":"green","where":null}',
                 '{"@":"Leaf","@id":0,"name":3,"colour":"red","where":null}',
                 '{"@":"Leaf","@id":0,"name":"x","colour":"red","where":null,"more":1}',
                 '{"@ref":4}', '{"@path":7}', "[1,"]:
        with pytest.raises(DecodeError):
            codec.loads(text.encode())


def test_a_changed_model_is_a_cache_miss(tmp_path, monkeypatch):
    from build_course.build import cache as cache_module

    [path] = _copy(tmp_path, WEBUCATOR)
    with ImportCache.for_project(tmp_path) as cache:
        import_cached(path, cache=cache)
    monkeypatch.setattr(cache_module, "_VERSION", None)
    monkeypatch.setattr(cache_module, "PACKAGE", tmp_path / "package")
    (tmp_path / "package").mkdir()
    (tmp_path / "package" / "model.py").write_text("class Part: new_field: int\n")
    with ImportCache.for_project(tmp_path) as cache:
        import_cached(path, cache=cache)
        assert (cache.hits, cache.misses) == (0, 1)
