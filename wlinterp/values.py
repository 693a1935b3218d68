"""Runtime values that Python has no type for: 1-based arrays, associative arrays, durations, dates, dynamic objects."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from .errors import WLRuntimeError
from .source import ident_key

__all__ = [
    "EMPTY_VALUES",
    "DynamicObject",
    "WLArray",
    "WLAssociativeArray",
    "WLDate",
    "WLDateTime",
    "WLDuration",
    "WLObject",
    "WLTime",
    "array_slot",
]


_PLAIN = {"int": int, "string": str, "boolean": bool}


def array_slot(index: Any, size: int) -> int:
    """The 0-based position of a 1-based array index, or the runtime error WinDev gives for it."""
    if isinstance(index, bool) or not isinstance(index, (int, float)) or int(index) != index:
        raise WLRuntimeError(f"array index must be an integer, not {index!r}")
    position = int(index)
    if not 1 <= position <= size:
        where = "the array is empty" if size == 0 else f"valid indexes are 1 to {size}"
        raise WLRuntimeError(
            f"array index {position} is out of range: {where}",
            hint="use Add() (or ArrayAdd) to append an element",
        )
    return position - 1


class WLArray:
    """A WLanguage array: indexed from 1, of one element type, growing only through Add/Insert.

    ``make_default`` builds the value a new element starts with (0, "", an empty Email …).
    """

    __slots__ = ("convert", "element_type", "growable", "items", "make_default", "plain")

    def __init__(self, items: list[Any] | None = None, element_type: str = "variant",
                 make_default: Callable[[], Any] | None = None, convert: Callable[[Any], Any] | None = None,
                 growable: bool = False):
        self.items = items if items is not None else []
        self.element_type = element_type
        self.make_default = make_default or (lambda: None)
        # how a stored value becomes the element type ("5" in an array of int is 5)
        self.convert = convert
        # a value of this Python type is stored as it is (the conversion would give it back unchanged)
        self.plain = _PLAIN.get(element_type, object) if convert is not None else object
        # WinDev's <growth=N> arrays (and the Email structure's) grow when written past their end
        self.growable = growable

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self) -> Iterator[Any]:
        return iter(self.items)

    def _slot(self, index: Any) -> int:
        return array_slot(index, len(self.items))

    def get(self, index: Any) -> Any:
        items = self.items
        if type(index) is int and 0 < index <= len(items):  # the usual case, without _slot's checks
            return items[index - 1]
        return items[self._slot(index)]

    def set(self, index: Any, value: Any) -> None:
        items = self.items
        if type(index) is int and 0 < index <= len(items):  # the usual case first
            convert = self.convert
            items[index - 1] = value if convert is None or type(value) is self.plain else convert(value)
            return
        if self.growable and isinstance(index, int) and not isinstance(index, bool) and index > len(items):
            items.extend(self.make_default() for _ in range(index - len(items)))
        slot = index - 1 if type(index) is int and 0 < index <= len(items) else self._slot(index)
        convert = self.convert
        items[slot] = value if convert is None or type(value) is self.plain else convert(value)

    def add(self, value: Any) -> int:
        self.items.append(self.convert(value) if self.convert else value)
        return len(self.items)

    @property
    def count(self) -> int:
        return len(self.items)

    def clear(self) -> None:
        self.items.clear()

    def delete(self, index: Any) -> None:
        del self.items[self._slot(index)]

    def insert(self, index: Any, value: Any) -> None:
        position = int(index)
        if not 1 <= position <= len(self.items) + 1:
            raise WLRuntimeError(f"cannot insert at index {position}: valid positions are 1 to {len(self.items) + 1}")
        self.items.insert(position - 1, self.convert(value) if self.convert else value)

    def copy(self) -> WLArray:
        return WLArray(list(self.items), self.element_type, self.make_default, self.convert, self.growable)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, WLArray) and self.items == other.items

    def __repr__(self) -> str:
        return f"WLArray({self.items!r})"


class WLAssociativeArray:
    """An associative array; its keys are case-sensitive unless it is declared otherwise (``ccIgnoreCase`` in WinDev)."""

    __slots__ = ("convert", "element_type", "entries", "make_default")

    def __init__(self, element_type: str = "variant", make_default: Callable[[], Any] | None = None,
                 convert: Callable[[Any], Any] | None = None):
        self.entries: dict[Any, tuple[Any, Any]] = {}
        self.element_type = element_type
        self.make_default = make_default or (lambda: None)
        self.convert = convert

    @staticmethod
    def _key(key: Any) -> Any:
        return key

    def get(self, key: Any) -> Any:
        entry = self.entries.get(self._key(key))
        if entry is None:
            raise WLRuntimeError(f"the associative array has no element {key!r}")
        return entry[1]

    def set(self, key: Any, value: Any) -> None:
        slot = self._key(key)
        written = self.entries[slot][0] if slot in self.entries else key  # the key keeps its first spelling
        self.entries[slot] = (written, self.convert(value) if self.convert else value)

    def __len__(self) -> int:
        return len(self.entries)

    @property
    def count(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[Any]:
        return (value for _key, value in self.entries.values())

    def keys(self) -> list[Any]:
        return [key for key, _value in self.entries.values()]

    def copy(self) -> WLAssociativeArray:
        clone = WLAssociativeArray(self.element_type, self.make_default, self.convert)
        clone.entries = dict(self.entries)
        return clone


@dataclass(frozen=True)
class WLDuration:
    """A duration, kept in milliseconds."""

    milliseconds: int | float

    @property
    def seconds(self) -> float:
        return self.milliseconds / 1000

    def __str__(self) -> str:
        # WinDev shows a duration as DDHHMMSSCCC
        ms = int(round(self.milliseconds))
        sign = "-" if ms < 0 else ""
        ms = abs(ms)
        days, ms = divmod(ms, 86_400_000)
        hours, ms = divmod(ms, 3_600_000)
        minutes, ms = divmod(ms, 60_000)
        seconds, ms = divmod(ms, 1000)
        return f"{sign}{days:02d}{hours:02d}{minutes:02d}{seconds:02d}{ms:03d}"


@dataclass(frozen=True)
class WLDate:
    """A date; in a string it reads YYYYMMDD as in WinDev."""

    value: _dt.date

    def __str__(self) -> str:
        return self.value.strftime("%Y%m%d")


@dataclass(frozen=True)
class WLTime:
    """A time of day; in a string it reads HHMMSSCC (hundredths) as in WinDev."""

    value: _dt.time

    def __str__(self) -> str:
        return self.value.strftime("%H%M%S") + f"{self.value.microsecond // 10_000:02d}"


@dataclass(frozen=True)
class WLDateTime:
    """A date and time; in a string it reads YYYYMMDDHHMMSSCCC (milliseconds) as in WinDev."""

    value: _dt.datetime

    def __str__(self) -> str:
        return self.value.strftime("%Y%m%d%H%M%S") + f"{self.value.microsecond // 1000:03d}"


class WLObject:
    """Base of the built-in object types (sessions, Email …): members looked up by name, in any language.

    Subclasses list their members in the registry; ``get_member``/``set_member`` go through it.
    """

    wl_type: str = "object"


class DynamicObject:
    """A variant that was given members (``v.name = "x"``): members by case-insensitive name."""

    __slots__ = ("members",)

    def __init__(self) -> None:
        self.members: dict[str, tuple[str, Any]] = {}

    def get(self, name: str) -> Any:
        entry = self.members.get(ident_key(name))
        return entry[1] if entry else None

    def set(self, name: str, value: Any) -> None:
        self.members[ident_key(name)] = (name, value)


# The values an unassigned variable of a simple type holds.
EMPTY_VALUES: dict[str, Any] = {
    "int": 0,
    "real": 0.0,
    "numeric": 0,
    "currency": 0,
    "string": "",
    "boolean": False,
    "variant": None,
    "buffer": "",
}
