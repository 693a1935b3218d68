"""The one registry of built-in names: functions, constants, variables and types, each under its EN/FR/ES spellings.

Modules that implement built-ins declare their names next to their code with the decorators
and helpers here; nothing else in the project spells a built-in name. Lookups ignore case and
accents (``ChaineConstruit`` finds ``ChaîneConstruit``). The registry fills itself on first use
by importing the modules listed in ``_PROVIDERS``.
"""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from .source import ident_key

__all__ = [
    "Idiom",
    "REGISTRY",
    "UNLIMITED",
    "Builtin",
    "Member",
    "Registry",
    "TypeInfo",
    "names",
]

UNLIMITED = 10_000

# Modules whose import registers built-ins; the email library joins here.
_PROVIDERS = ("wlinterp.builtins_core", "stdlib_email")


def names(en: str | Iterable[str], fr: str | Iterable[str] = (), es: str | Iterable[str] = ()) -> dict[str, tuple[str, ...]]:
    """Spellings by language; a single string or several (the first is the preferred one)."""

    def as_tuple(value: str | Iterable[str]) -> tuple[str, ...]:
        return (value,) if isinstance(value, str) else tuple(value)

    return {"en": as_tuple(en), "fr": as_tuple(fr), "es": as_tuple(es)}


@dataclass(frozen=True)
class Idiom:
    """How the idiomatic transpilation writes a built-in in plain Python.

    ``form`` is a template (``{0}``, ``{1}`` … the arguments, ``{*}`` all of them, ``{owner}`` the
    value a member belongs to) or a function ``form(context, args)`` returning the code (a method's
    is ``form(context, args, owner)``); ``parts``
    are the helper parts of wlinterp.idiomatic_lib the code needs; ``note`` says where the Python
    may behave differently from WinDev (it becomes a ``# wlinterp:`` comment).
    """

    form: str | tuple[str, str] | Callable[..., str]  # a property read and written differently: (read, write)
    parts: tuple[str, ...] = ()
    note: str = ""
    # the operation raises MailError when it fails (WinDev returns False): tests of its result become try/except
    raises: bool = False
    # what the value is there ("array" for a list, or a WLanguage type name), when the code does not say
    type: str = ""


@dataclass
class Builtin:
    """A built-in function, constant or variable.

    ``kind`` is ``function``, ``constant`` or ``variable``. A function is called as
    ``impl(runtime, *args)``; a variable's ``impl(runtime)`` reads it; a constant is ``value``.
    ``can_fail`` functions clear ErrorOccurred when called (design §4).
    """

    kind: str
    spellings: dict[str, tuple[str, ...]]
    impl: Callable[..., Any] | None = None
    value: Any = None
    can_fail: bool = False
    # a variable that may also be written with () (``ErrorOccurred()``)
    callable_variable: bool = False
    # for the transpiler: the plain Python that does the same when the arguments have these static
    # types ("string", "int", "array" for any array), as ("len({0})", ("string",))
    python: tuple[str, tuple[str, ...]] | None = None
    # for the idiomatic transpilation: the plain Python a developer would write instead
    idiom: Idiom | None = None
    # it changes the array it is given (ArrayAdd): the transpiler must not reorder it around reads of that array
    changes_argument: bool = False
    # it only appends one element to the array it is given (ArrayAdd): indexes valid before stay valid
    grows: bool = False
    # for a variable: the type of the value it holds, when that is always one type (the legacy Email structure)
    holds: str | None = None
    _arity: tuple[int, int] | None = field(default=None, repr=False)

    @property
    def name(self) -> str:
        return self.spellings["en"][0]

    def spelling(self, lang: str) -> str:
        spelled = self.spellings.get(lang) or self.spellings["en"]
        return spelled[0]

    def arity(self) -> tuple[int, int]:
        """Least and most arguments a function takes (the runtime argument excluded)."""
        if self._arity is None:
            least, most = 0, 0
            params = list(inspect.signature(self.impl).parameters.values())[1:]  # type: ignore[arg-type]
            for param in params:
                if param.kind is param.VAR_POSITIONAL:
                    most = UNLIMITED
                elif param.default is param.empty:
                    least += 1
                    most += 1
                else:
                    most += 1
            self._arity = (least, most)
        return self._arity


@dataclass
class Member:
    """A property or method of a built-in type, mapped to the Python attribute or method that implements it."""

    kind: str  # "property" | "method"
    spellings: dict[str, tuple[str, ...]]
    attribute: str
    # properties: the WLanguage type a written value converts to ("int", "string" …, or None)
    type: str | None = None
    read_only: bool = False
    can_fail: bool = False
    # the method takes the run's Runtime as its first argument (it reports WLanguage errors)
    runtime: bool = False
    # for the idiomatic transpilation: a property's attribute name there, or a template with {owner}
    idiom: Idiom | None = None
    # a method that only appends one element to its array (``t.Add(x)``): indexes valid before stay valid
    grows: bool = False

    @property
    def name(self) -> str:
        return self.spellings["en"][0]

    def arity(self, owner: type) -> tuple[int, int]:
        """Least and most arguments a method takes in WLanguage (self and the runtime left out)."""
        function = getattr(owner, self.attribute)
        skip = 2 if self.runtime else 1
        least, most = 0, 0
        for param in list(inspect.signature(function).parameters.values())[skip:]:
            if param.kind is param.VAR_POSITIONAL:
                most = UNLIMITED
            elif param.default is param.empty:
                least, most = least + 1, most + 1
            else:
                most += 1
        return least, most


@dataclass
class TypeInfo:
    """A built-in type: how a new variable of it starts, how a value converts to it, its members."""

    spellings: dict[str, tuple[str, ...]]
    make: Callable[[], Any]
    convert: Callable[[Any], Any] | None = None
    python_class: type | None = None
    members: dict[str, Member] = field(default_factory=dict)
    # for the idiomatic transpilation: how a new variable of this type is made there
    idiom: Idiom | None = None

    @property
    def name(self) -> str:
        return self.spellings["en"][0]

    def member(self, name: str) -> Member | None:
        return self.members.get(ident_key(name))

    def member_names(self) -> list[str]:
        return sorted({m.name for m in self.members.values()})


class Registry:
    """Built-ins by name. ``lookup`` and ``type_info`` accept any language's spelling."""

    def __init__(self) -> None:
        self._entries: dict[str, Builtin] = {}
        self._types: dict[str, TypeInfo] = {}
        self._types_by_class: dict[type, TypeInfo] = {}
        self._unsupported: list[tuple[str, str]] = []
        self._loaded = False
        self._loading = False

    # ------------------------------------------------------------------ loading

    def _ensure_loaded(self) -> None:
        if self._loaded or self._loading:
            return
        self._loading = True
        try:
            for module in _PROVIDERS:
                importlib.import_module(module)
        finally:
            self._loading = False
        self._loaded = True

    # ------------------------------------------------------------------ declaring

    def _add(self, entry: Builtin) -> Builtin:
        for spellings in entry.spellings.values():
            for spelling in spellings:
                key = ident_key(spelling)
                existing = self._entries.get(key)
                if existing is not None and existing is not entry:
                    raise ValueError(f"built-in name {spelling!r} is registered twice")
                self._entries[key] = entry
        return entry

    def function(
        self, en: str | Iterable[str], fr: str | Iterable[str] = (), es: str | Iterable[str] = (), *,
        can_fail: bool = False, python: tuple[str, tuple[str, ...]] | None = None, idiom: Idiom | None = None,
        changes_argument: bool = False, grows: bool = False,
    ) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
        """Decorator: register ``fn(runtime, *args)`` as a WLanguage function (the keywords: see Builtin)."""

        def register(fn: Callable[..., Any]) -> Callable[..., Any]:
            self._add(Builtin("function", names(en, fr, es), impl=fn, can_fail=can_fail, python=python, idiom=idiom,
                              changes_argument=changes_argument, grows=grows))
            return fn

        return register

    def variable(
        self, en: str | Iterable[str], fr: str | Iterable[str] = (), es: str | Iterable[str] = (), *,
        callable_variable: bool = False, idiom: Idiom | None = None, holds: str | None = None,
    ) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
        """Decorator: register ``fn(runtime)`` as a read-only variable (``ErrorOccurred``); ``holds``: see Builtin."""

        def register(fn: Callable[..., Any]) -> Callable[..., Any]:
            self._add(Builtin("variable", names(en, fr, es), impl=fn, callable_variable=callable_variable, idiom=idiom,
                              holds=holds))
            return fn

        return register

    def constant(self, en: str | Iterable[str], fr: str | Iterable[str] = (), es: str | Iterable[str] = (), *, value: Any,
                 idiom: Idiom | None = None) -> None:
        self._add(Builtin("constant", names(en, fr, es), value=value, idiom=idiom))

    def type(
        self, en: str | Iterable[str], fr: str | Iterable[str] = (), es: str | Iterable[str] = (), *,
        make: Callable[[], Any], convert: Callable[[Any], Any] | None = None,
        python_class: type | None = None, members: Iterable[Member] = (), idiom: Idiom | None = None,
    ) -> TypeInfo:
        info = TypeInfo(names(en, fr, es), make, convert, python_class, idiom=idiom)
        for member in members:
            for spellings in member.spellings.values():
                for spelling in spellings:
                    info.members[ident_key(spelling)] = member
        for spellings in info.spellings.values():
            for spelling in spellings:
                self._types[ident_key(spelling)] = info
        if python_class is not None:
            self._types_by_class[python_class] = info
        return info

    def unsupported(self, pattern: str, what: str) -> None:
        """Names of WinDev features outside wlinterp's scope: a regular expression and what they are."""
        self._unsupported.append((pattern, what))

    # ------------------------------------------------------------------ looking up

    def lookup(self, name: str) -> Builtin | None:
        self._ensure_loaded()
        return self._entries.get(ident_key(name))

    def type_info(self, name: str) -> TypeInfo | None:
        """A type by any spelling, singular or plural (``strings``, ``chaînes``, ``Emails``)."""
        self._ensure_loaded()
        key = ident_key(name)
        info = self._types.get(key)
        if info is None and len(key) > 1 and key[-1] in "sx":
            info = self._types.get(key[:-1])
        return info

    def type_of_value(self, value: Any) -> TypeInfo | None:
        self._ensure_loaded()
        return self._types_by_class.get(type(value))

    def canonical_type_name(self, name: str) -> str:
        info = self.type_info(name)
        return info.name if info is not None else name

    def unsupported_reason(self, name: str) -> str | None:
        import re

        self._ensure_loaded()
        for pattern, what in self._unsupported:
            if re.fullmatch(pattern, name):
                return what
        return None

    def all_spellings(self, kinds: tuple[str, ...] = ("function", "constant", "variable")) -> dict[str, Builtin]:
        """Every spelling → its entry, for did-you-mean hints."""
        self._ensure_loaded()
        result: dict[str, Builtin] = {}
        for entry in self._entries.values():
            if entry.kind in kinds:
                for spellings in entry.spellings.values():
                    for spelling in spellings:
                        result[spelling] = entry
        return result

    def all_type_spellings(self) -> list[str]:
        self._ensure_loaded()
        seen: list[str] = []
        for info in self._types.values():
            for spellings in info.spellings.values():
                seen.extend(spellings)
        return sorted(set(seen))


REGISTRY = Registry()
