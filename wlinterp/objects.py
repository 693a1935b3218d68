"""What values do when a program declares, reads, writes or calls through them: typed storage, members, methods, indexes and substrings.

The interpreter and transpiled programs both go through these functions, so a property, an
array element or a method call behaves the same whichever engine runs the program. Errors are
raised without a position: the caller knows which piece of source it was running.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from . import semantics as sem
from .errors import WLRuntimeError
from .nodes import TypeRef
from .registry import REGISTRY, Builtin, Member, TypeInfo
from .runtime import Runtime
from .values import DynamicObject, WLArray, WLAssociativeArray

__all__ = [
    "LARGEST_ARRAY",
    "Converter",
    "call_builtin",
    "call_method",
    "converter",
    "copied",
    "get_index",
    "get_member",
    "inferred_type",
    "member_of",
    "new_value",
    "rows",
    "string_pieces",
    "set_index",
    "set_member",
    "substring",
    "substring_bounds",
]

Converter = Callable[[Any], Any] | None

# beyond this an array declaration is refused rather than left to exhaust memory
LARGEST_ARRAY = 10_000_000
_SIMPLE_CONVERTERS: dict[str, Converter] = {}


# ------------------------------------------------------------------------------ typed storage


def converter(type_ref: TypeRef | None) -> Converter:
    """How a value becomes the declared type when it is stored (None: stored as it is)."""
    if type_ref is None:
        return None
    if type_ref.kind != "simple":
        return lambda value: _collection_from(value, type_ref)
    if type_ref.name not in _SIMPLE_CONVERTERS:
        info = REGISTRY.type_info(type_ref.name)
        _SIMPLE_CONVERTERS[type_ref.name] = info.convert if info is not None else None
    return _SIMPLE_CONVERTERS[type_ref.name]


_IMMUTABLE = (int, float, str, bool, bytes, type(None))


def new_value(type_ref: TypeRef, lenient: bool = False) -> Any:
    """The value a fresh variable of this type holds (0, "", an empty array, a new Email …)."""
    if type_ref.kind == "array":
        element = type_ref.element or TypeRef("Variant")
        make = _maker(element, lenient)
        array = WLArray(None, element.name, make, converter(element))
        size = type_ref.size or 0
        if size > LARGEST_ARRAY:
            raise WLRuntimeError(f"an array of {size} elements is larger than wlinterp can hold ({LARGEST_ARRAY})")
        first = make() if size else None
        if type(first) in _IMMUTABLE:  # 0, "", False…: one value serves every element
            array.items = [first] * size
        else:
            array.items = [first, *(make() for _ in range(size - 1))] if size else []
        return array
    if type_ref.kind == "assoc":
        element = type_ref.element or TypeRef("Variant")
        return WLAssociativeArray(element.name, _maker(element, lenient), converter(element))
    info = REGISTRY.type_info(type_ref.name)
    if info is None:
        if lenient:
            return None
        raise WLRuntimeError(f"unknown type '{type_ref.name}'", diagnostic_code="type")
    return info.make()


def _maker(type_ref: TypeRef, lenient: bool) -> Callable[[], Any]:
    return lambda: new_value(type_ref, lenient)


def _collection_from(value: Any, type_ref: TypeRef) -> Any:
    """Assigning to an array variable copies the elements, converted to its element type."""
    if type_ref.kind == "array" and isinstance(value, WLArray):
        target = new_value(TypeRef(type_ref.name, "array", type_ref.element))
        for item in value.items:
            target.add(item)
        return target
    if type_ref.kind == "assoc" and isinstance(value, WLAssociativeArray):
        target = new_value(type_ref)
        for key, item in value.entries.values():
            target.set(key, item)
        return target
    raise WLRuntimeError(f"cannot store a {sem.type_name_of(value)} in an {type_ref.name} variable", diagnostic_code="type")


def copied(value: Any) -> Any:
    """What a LOCAL parameter receives: its own copy of an array, the value itself otherwise."""
    return value.copy() if isinstance(value, (WLArray, WLAssociativeArray)) else value


def inferred_type(value: Any) -> str | None:
    """The type ``let x = value`` gives x (D-INFER)."""
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "int"
    if isinstance(value, float):
        return "real"
    if isinstance(value, str):
        return "string"
    return None


# ------------------------------------------------------------------------------ members


def member_of(owner: Any, name: str) -> tuple[TypeInfo | None, Member | None]:
    info = REGISTRY.type_of_value(owner)
    return info, (info.member(name) if info is not None else None)


def _no_property(owner: Any, info: TypeInfo | None, name: str) -> WLRuntimeError:
    what = info.name if info is not None else sem.type_name_of(owner)
    return WLRuntimeError(f"{what} has no property '{name}'", diagnostic_code="type")


def get_member(owner: Any, name: str, lenient: bool = False) -> Any:
    """``owner.name`` read: a property of a built-in type, or a dynamic object's field."""
    if isinstance(owner, DynamicObject):
        return owner.get(name)
    if owner is None:
        if lenient:
            return None
        raise WLRuntimeError(f"'{name}' is read from a Null value")
    info, member = member_of(owner, name)
    if member is None or member.kind != "property":
        raise _no_property(owner, info, name)
    return getattr(owner, member.attribute)


def set_member(owner: Any, name: str, value: Any) -> None:
    """``owner.name = value``: the value converts to the property's type; read-only properties refuse."""
    if isinstance(owner, DynamicObject):
        owner.set(name, value)
        return
    info, member = member_of(owner, name)
    if member is None or member.kind != "property":
        raise _no_property(owner, info, name)
    if member.read_only:
        raise WLRuntimeError(f"{member.name} is read-only")
    if member.type is not None:
        convert = converter(TypeRef(member.type))
        if convert is not None:
            value = convert(value)
    setattr(owner, member.attribute, value)


# ------------------------------------------------------------------------------ calls


class NoMethod(WLRuntimeError):
    """The value has no method of that name (its position is the member's, not the whole call's)."""


def call_builtin(rt: Runtime, entry: Builtin, args: list[Any]) -> Any:
    """Call a built-in function: a function that can fail first clears ErrorOccurred (design §4)."""
    if entry.kind == "variable" and entry.callable_variable and not args:
        return entry.impl(rt)  # type: ignore[misc]
    if entry.kind != "function":
        raise WLRuntimeError(f"'{entry.name}' is not a function")
    if entry.can_fail:
        rt.clear_error()
    return entry.impl(rt, *args)  # type: ignore[misc]


def call_method(rt: Runtime, owner: Any, name: str, args: list[Any], lenient: bool = False) -> Any:
    """``owner.name(args)``: a method of a built-in type, or the prefixed form of a function (``s.Left(3)``)."""
    info, member = member_of(owner, name)
    if member is not None and member.kind == "method":
        least, most = member.arity(type(owner))
        if not least <= len(args) <= most:
            expected = f"{least}" if least == most else f"{least} to {most}"
            raise WLRuntimeError(f"{member.name} takes {expected} argument(s), {len(args)} given", diagnostic_code="arity")
        if member.can_fail:
            rt.clear_error()
        method = getattr(owner, member.attribute)
        return method(rt, *args) if member.runtime else method(*args)
    if owner is None and lenient:
        return None
    entry = REGISTRY.lookup(name)
    if entry is not None and entry.kind == "function":
        return call_builtin(rt, entry, [owner, *args])  # prefixed syntax: s.Left(3) is Left(s, 3)
    what = info.name if info is not None else sem.type_name_of(owner)
    raise NoMethod(f"{what} has no method '{name}'", diagnostic_code="type")


# ------------------------------------------------------------------------------ indexes and substrings


def get_index(container: Any, index: Any, lenient: bool = False) -> Any:
    """``container[index]``: an array element, an associative array's entry, or one character of a string."""
    if isinstance(container, (WLArray, WLAssociativeArray)):
        return container.get(index)
    if isinstance(container, str):
        position = sem.convert_to("int", index)
        return container[position - 1 : position] if position >= 1 else ""
    if container is None and lenient:
        return None
    raise WLRuntimeError(f"a value of type {sem.type_name_of(container)} cannot be indexed")


def set_index(container: Any, index: Any, value: Any) -> None:
    if isinstance(container, (WLArray, WLAssociativeArray)):
        container.set(index, value)
        return
    raise WLRuntimeError(f"a value of type {sem.type_name_of(container)} cannot be indexed")


def substring_bounds(mode: str, start: Any, end: Any, size: int) -> tuple[int, int]:
    """0-based [begin, stop) of a 1-based WLanguage substring (``mode`` as in nodes.Substring), clipped to ``size``."""
    first = sem.convert_to("int", start) if start is not None else 1
    if mode == "at":
        stop = first
    elif mode in ("range", "upto"):
        stop = sem.convert_to("int", end)
    elif mode == "count":
        stop = first + sem.convert_to("int", end) - 1
    else:
        stop = size
    begin = max(first, 1) - 1
    return begin, max(begin, min(stop, size))


def substring(container: Any, mode: str, start: Any = None, end: Any = None) -> Any:
    """``s[[i TO j]]`` and its siblings; on an array, the elements in that range."""
    if isinstance(container, WLArray):
        begin, stop = substring_bounds(mode, start, end, len(container))
        return WLArray(container.items[begin:stop], container.element_type, container.make_default, container.convert)
    text = sem.to_string(container)
    begin, stop = substring_bounds(mode, start, end, len(text))
    return text[begin:stop]


def replace_substring(text: Any, mode: str, start: Any, end: Any, value: Any) -> str:
    """The string ``text`` with the range ``s[[…]]`` names replaced by ``value`` (assigning to a substring)."""
    whole = sem.to_string(text)
    begin, stop = substring_bounds(mode, start, end, len(whole))
    return whole[:begin] + sem.to_string(value) + whole[stop:]


# ------------------------------------------------------------------------------ loops


def rows(collection: Any, lenient: bool = False) -> list[tuple[Any, ...]]:
    """What FOR EACH goes through, snapshot first: (value, index) of an array, (value, key, index) of an associative one."""
    if isinstance(collection, WLArray):
        return [(value, position) for position, value in enumerate(list(collection.items), 1)]
    if isinstance(collection, WLAssociativeArray):
        return [(value, key, position) for position, (key, value) in enumerate(list(collection.entries.values()), 1)]
    if collection is None and lenient:
        return []
    raise WLRuntimeError(
        f"FOR EACH goes through an array, not a {sem.type_name_of(collection)}",
        hint="for the pieces of a string use FOR EACH STRING … SEPARATED BY …",
    )


def string_pieces(text: Any, separator: Any) -> list[str]:
    """What FOR EACH STRING goes through: the text cut at each separator."""
    whole, sep = sem.to_string(text), sem.to_string(separator)
    return whole.split(sep) if sep else [whole]
