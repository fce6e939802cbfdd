"""Dataclasses to JSON and back, for the import cache: data that cannot
run code when it is read (a pickle can: a cache entry under the right key
that called ``os.system`` ran it on the next build).

The codec is generic: it knows the dataclasses reachable through the type
hints of a root class (``Imported``: its part, lessons, blocks, quizzes...),
so a field another change adds to the model is stored with the rest. An
object is a JSON object with its class name under ``"@"``, a number under
``"@id"``, and its fields; an object met again (an exercise's quiz is in
the lesson's blocks and in its quizzes) is ``{"@ref": number}``, so the
decoded model shares it as the original did. Paths and frozensets are
tagged (``"@path"``, ``"@frozenset"``).

Reading builds objects without calling their ``__init__`` and checks every
field against its type hint (an enum's value becomes the enum again): an
unknown class, a missing or extra field, a value of the wrong type is a
``DecodeError``, which the cache takes for a miss.
"""

from __future__ import annotations

import dataclasses
import enum
import json
import types
import typing
from collections.abc import Callable
from pathlib import Path, PurePath
from typing import Any

_NOTHING = object()


class DecodeError(ValueError):
    """The data is not what ``Codec.dumps`` writes for these classes."""


class Codec:
    """JSON of the dataclasses reachable from ``root`` through type hints."""

    def __init__(self, root: type) -> None:
        self.classes: dict[str, type] = {}
        self._fields: dict[type, tuple[str, ...]] = {}
        self._checks: dict[type, list[tuple[str, Callable[[Any], Any]]]] = {}
        self._add(root)

    # ---- the classes -----------------------------------------------------

    def _add(self, cls: type) -> None:
        if cls in self._fields:
            return
        name = cls.__qualname__
        if self.classes.get(name, cls) is not cls:
            raise TypeError(f"two dataclasses named {name}: the codec cannot tell them apart")
        self.classes[name] = cls
        self._fields[cls] = tuple(f.name for f in dataclasses.fields(cls))
        try:
            hints = typing.get_type_hints(cls)
        except NameError:  # a hint naming what the module imports for type checking only
            hints = {}
        self._checks[cls] = [(f, self._checker(hints.get(f, Any))) for f in self._fields[cls]]

    def _checker(self, hint) -> Callable[[Any], Any]:
        """A function that returns a decoded value as the field holds it, or
        raises DecodeError; dataclasses met on the way are added."""
        origin, args = typing.get_origin(hint), typing.get_args(hint)
        if hint is Any or hint is object:
            return _same
        if origin in (typing.Union, types.UnionType):
            return _any_of([self._checker(arg) for arg in args])
        if origin in (list, set, frozenset, tuple):
            return _collection(origin, self._checker(args[0]) if args else _same)
        if origin is dict:
            return _instance(dict)
        if hint is None or hint is type(None):
            return _instance(type(None))
        if isinstance(hint, type) and dataclasses.is_dataclass(hint):
            self._add(hint)
            return _instance(hint)
        if isinstance(hint, type) and issubclass(hint, enum.Enum):
            return _enum(hint)
        if isinstance(hint, type) and issubclass(hint, PurePath):
            return _instance(PurePath)
        if hint is float:
            return _instance((int, float))
        if isinstance(hint, type):
            return _instance(hint)
        return _same  # a hint the codec does not know: the value is taken as it is

    # ---- writing -----------------------------------------------------------

    def dumps(self, value) -> bytes:
        """``value`` as JSON; TypeError for what the codec cannot write."""
        seen: dict[int, int] = {}
        fields = self._fields

        def tagged(item):
            names = fields.get(type(item))
            if names is not None:
                number = seen.get(id(item))
                if number is not None:
                    return {"@ref": number}
                number = seen[id(item)] = len(seen)
                data = {"@": type(item).__qualname__, "@id": number}
                for name in names:
                    data[name] = getattr(item, name)
                return data
            if isinstance(item, enum.Enum):
                return item.value  # the field's hint makes it the enum again
            if isinstance(item, PurePath):
                return {"@path": str(item)}
            if isinstance(item, frozenset | set):
                return {f"@{type(item).__name__}": list(item)}
            raise TypeError(f"{type(item).__name__} is not data the cache can hold")

        text = json.dumps(value, default=tagged, ensure_ascii=False, check_circular=False,
                          separators=(",", ":"))
        return text.encode("utf-8", "surrogatepass")  # a lone surrogate goes and comes back

    # ---- reading -----------------------------------------------------------

    def loads(self, data: bytes):
        """The value ``dumps`` wrote; DecodeError for anything else."""
        made: dict[int, Any] = {}
        classes, checks = self.classes, self._checks

        def hook(item: dict):
            name = item.get("@", _NOTHING)
            if name is _NOTHING:
                return _tagged(item, made)
            cls = classes.get(name)
            number = item.get("@id")
            if cls is None or type(number) is not int or number in made \
                    or len(item) != len(checks[cls]) + 2:
                raise DecodeError(f"an unexpected object ({str(name)[:40]})")
            obj = object.__new__(cls)
            for field, check in checks[cls]:
                value = item.get(field, _NOTHING)
                if value is _NOTHING:
                    raise DecodeError(f"{name} has no {field}")
                object.__setattr__(obj, field, check(value))
            made[number] = obj
            return obj

        try:
            return json.loads(data.decode("utf-8", "surrogatepass"), object_hook=hook)
        except DecodeError:
            raise
        except (ValueError, TypeError, KeyError, RecursionError, UnicodeDecodeError) as exc:
            raise DecodeError(str(exc)[:200]) from None


def _tagged(item: dict, made: dict[int, Any]):
    if len(item) == 1:
        (tag, value), = item.items()
        if tag == "@ref" and type(value) is int and value in made:
            return made[value]
        if tag == "@path" and type(value) is str:
            return Path(value)
        if tag in ("@frozenset", "@set") and type(value) is list:
            return (frozenset if tag == "@frozenset" else set)(value)
    if any(key.startswith("@") for key in item):
        raise DecodeError("an unexpected tag")
    return item


def _same(value):
    return value


def _instance(kinds) -> Callable[[Any], Any]:
    def check(value):
        if isinstance(value, kinds):
            return value
        raise DecodeError(f"a {type(value).__name__} where {kinds} belongs")
    check.kinds = kinds
    return check


def _enum(cls: type[enum.Enum]) -> Callable[[Any], Any]:
    def check(value):
        try:
            return cls(value)
        except (ValueError, TypeError):
            raise DecodeError(f"{value!r} is no {cls.__name__}") from None
    return check


def _any_of(checks: list[Callable[[Any], Any]]) -> Callable[[Any], Any]:
    kinds = [getattr(check, "kinds", None) for check in checks]
    if all(kinds):  # only isinstance checks: one call
        return _instance(tuple(k for group in kinds
                               for k in (group if isinstance(group, tuple) else (group,))))

    def check(value):
        for one in checks:
            try:
                return one(value)
            except DecodeError:
                pass
        raise DecodeError(f"{type(value).__name__} fits none of the field's types")
    return check


def _collection(kind: type, element: Callable[[Any], Any]) -> Callable[[Any], Any]:
    stored = list if kind in (list, tuple) else kind  # tuples are JSON lists
    kinds = getattr(element, "kinds", None)

    def check(value):
        if not isinstance(value, stored):
            raise DecodeError(f"a {type(value).__name__} where a {kind.__name__} belongs")
        if element is _same:
            items = value
        elif kinds is not None:
            for item in value:
                if not isinstance(item, kinds):
                    raise DecodeError(f"a {type(item).__name__} in a {kind.__name__} of {kinds}")
            items = value
        else:
            items = [element(item) for item in value]
            if kind is not tuple:
                items = kind(items)
        return tuple(items) if kind is tuple else items
    return check
