"""What transpiled programs run on: built-ins by their WLanguage names, typed storage, by-reference cells, and the ``wlinterp run`` command line and run report.

A faithful transpilation starts with ``wl = Program("NAME.wl")`` and writes ``wl.Trace(…)``,
``wl.new("array of int")`` or ``wl.call(session, "StartSession")``: each goes through the same
registry entry, conversion rule or member lookup the interpreter uses (``wlinterp.objects``,
``wlinterp.semantics``), so the two engines cannot drift apart.
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from . import objects as obj
from . import semantics as sem
from .errors import Diagnostic, WLRuntimeError
from .nodes import TypeRef
from .registry import REGISTRY
from .runtime import RunOptions, Runtime
from .source import Span
from .values import WLArray, WLAssociativeArray, WLDuration, array_slot

__all__ = ["DEFAULT", "ElementRef", "Program", "Ref", "sem", "type_ref"]


class _Default:
    """The value of a parameter left out with ``*``: the procedure uses its default."""

    def __repr__(self) -> str:
        return "DEFAULT"


DEFAULT: Any = _Default()


def type_ref(spec: str) -> TypeRef:
    """A declared type from its written form: ``int``, ``array of 5 string``, ``associative array of int`` …"""
    if spec.startswith("associative array of "):
        return TypeRef("associative array", "assoc", type_ref(spec[len("associative array of "):]))
    if spec.startswith("array of "):
        rest = spec[len("array of "):]
        size, _, element = rest.partition(" ")
        if size.isdigit() and element:
            return TypeRef("array", "array", type_ref(element), int(size))
        return TypeRef("array", "array", type_ref(rest))
    return TypeRef(spec)


def type_spec(ref: TypeRef) -> str:
    """The written form ``type_ref`` reads back."""
    if ref.kind == "assoc":
        return "associative array of " + type_spec(ref.element or TypeRef("Variant"))
    if ref.kind == "array":
        size = f"{ref.size} " if ref.size else ""
        return f"array of {size}" + type_spec(ref.element or TypeRef("Variant"))
    return ref.name


_CONVERTERS: dict[str, obj.Converter] = {}


def converter(spec: str | None) -> obj.Converter:
    if spec is None:
        return None
    if spec not in _CONVERTERS:
        _CONVERTERS[spec] = obj.converter(type_ref(spec))
    return _CONVERTERS[spec]


class Ref:
    """A variable passed by reference: the procedure reads ``.value`` and writes with ``.set()``, the caller sees it.

    ``spec`` is the variable's declared type: what is stored converts to it, as in the caller.
    """

    __slots__ = ("_convert", "spec", "value")

    def __init__(self, value: Any = None, spec: str | None = None):
        self.spec = spec
        self._convert = converter(spec)
        self.value = self._convert(value) if self._convert is not None else value

    @classmethod
    def like(cls, value: Any) -> Ref:
        """A variable declared by ``let``: what is stored later converts to the type of this first value."""
        kind = obj.inferred_type(value)
        return cls(value, kind)

    @classmethod
    def constant(cls, value: Any) -> Ref:
        """A CONSTANT handed by reference to a procedure: writing to it is the interpreter's error."""
        return _ConstantRef(value)

    def set(self, value: Any) -> None:
        self.value = self._convert(value) if self._convert is not None else value

    def __repr__(self) -> str:
        return f"Ref({self.value!r})"


class _ConstantRef(Ref):
    __slots__ = ()

    def set(self, value: Any) -> None:
        raise WLRuntimeError("a constant cannot be changed")


class ElementRef:
    """An array element passed by reference: reads and writes go to the array."""

    __slots__ = ("container", "index")

    def __init__(self, container: Any, index: Any):
        if not isinstance(container, (WLArray, WLAssociativeArray)):
            raise WLRuntimeError(f"a value of type {sem.type_name_of(container)} cannot be indexed")
        self.container = container
        self.index = index

    @property
    def value(self) -> Any:
        return self.container.get(self.index)

    def set(self, value: Any) -> None:
        self.container.set(self.index, value)


class Program:
    """One transpiled program's link to wlinterp: its run's built-ins, state and command line."""

    def __init__(self, source_name: str, lenient: bool = False):
        self.source_name = source_name
        self.lenient = lenient
        self._rt: Runtime | None = None
        self._lines: dict[int, Span] = {}
        self._module_file = ""

    # ------------------------------------------------------------------ the run's state

    @property
    def rt(self) -> Runtime:
        if self._rt is None:
            raise RuntimeError("the program is not running: call wl.run(main)")
        return self._rt

    def __getattr__(self, name: str) -> Any:
        """A built-in by its WLanguage name: a function to call, a constant, or a variable's current value."""
        if name.startswith("__"):
            raise AttributeError(name)
        entry = REGISTRY.lookup(name)
        if entry is None:
            raise AttributeError(f"wlinterp has no built-in named {name!r}")
        if entry.kind == "constant":
            self.__dict__[name] = entry.value
            return entry.value
        if entry.kind == "variable":
            return entry.impl(self.rt)  # type: ignore[misc]
        rt = self.rt

        def function(*args: Any) -> Any:
            return obj.call_builtin(rt, entry, list(args))

        function.__name__ = name
        self.__dict__[name] = function  # later calls skip the lookup; the cache goes with the run
        return function

    # ------------------------------------------------------------------ typed storage

    def new(self, spec: str, *items: Any) -> Any:
        """The value a new variable of this declared type holds; an array may start with ``items``."""
        value = obj.new_value(type_ref(spec), self.lenient)
        for item in items:
            value.add(item)
        return value

    def one_based(self, spec: str) -> list[Any]:
        """A fixed array that only its own function indexes, as a Python list indexed from 1 (position 0 unused)."""
        return [None, *self.new(spec).items]

    def item(self, items: list[Any], index: Any) -> Any:
        """``t[index]`` for a list made by one_based(): an array's checks and errors."""
        if type(index) is int and 0 < index < len(items):
            return items[index]
        return items[array_slot(index, len(items) - 1) + 1]

    def put(self, items: list[Any], index: Any, value: Any, spec: str) -> None:
        """``t[index] = value`` for a list made by one_based(): the index checked, then the value converted."""
        if type(index) is not int or not 0 < index < len(items):
            index = array_slot(index, len(items) - 1) + 1
        items[index] = self.convert(spec, value)

    def convert(self, spec: str, value: Any) -> Any:
        """``value`` stored in a variable of this declared type."""
        convert = converter(spec)
        return convert(value) if convert is not None else value

    def like(self, current: Any, value: Any) -> Any:
        """A store into a variable declared by ``let``: it keeps the type its first value gave it."""
        kind = obj.inferred_type(current)
        return sem.convert_to(kind, value) if kind is not None else value

    def copied(self, value: Any) -> Any:
        return obj.copied(value)

    # ------------------------------------------------------------------ members, indexes, calls

    def get(self, owner: Any, name: str) -> Any:
        return obj.get_member(owner, name, self.lenient)

    def set(self, owner: Any, name: str, value: Any) -> Any:
        """Write a property; returns the owner, a new dynamic object when it was an empty variant."""
        if owner is None:
            from .values import DynamicObject

            owner = DynamicObject()
        obj.set_member(owner, name, value)
        return owner

    def call(self, owner: Any, name: str, *args: Any) -> Any:
        """A method call, ``owner.name(args)``."""
        return obj.call_method(self.rt, owner, name, list(args), self.lenient)

    def index(self, container: Any, index: Any) -> Any:
        return obj.get_index(container, index, self.lenient)

    def set_index(self, container: Any, index: Any, value: Any) -> None:
        obj.set_index(container, index, value)

    def share(self, passed: Any, spec: str) -> Any:
        """An untyped parameter handed on to one of type ``spec``: shared when the variable it stands for has that type."""
        if isinstance(passed, Ref) and passed.spec == spec:
            return passed
        return Ref(passed.value if isinstance(passed, (Ref, ElementRef)) else passed, spec)

    def element(self, container: Any, index: Any) -> ElementRef | Ref:
        """An argument ``t[i]`` for a parameter the procedure writes: the element itself when ``t`` is an array."""
        if isinstance(container, (WLArray, WLAssociativeArray)):
            return ElementRef(container, index)
        return Ref(obj.get_index(container, index, self.lenient))

    def substring(self, container: Any, mode: str, start: Any = None, end: Any = None) -> Any:
        return obj.substring(container, mode, start, end)

    def replace_substring(self, text: Any, mode: str, start: Any, end: Any, value: Any) -> str:
        return obj.replace_substring(text, mode, start, end, value)

    # ------------------------------------------------------------------ literals and operators

    def array(self, *items: Any) -> WLArray:
        """``[a, b, c]``"""
        return WLArray(list(items))

    def duration(self, milliseconds: int | float) -> WLDuration:
        return WLDuration(milliseconds)

    def both(self, left: bool, right: bool) -> bool:
        """``a AND b``: WLanguage evaluates both sides even when the first decides (D-LOGIC)."""
        return left and right

    def either(self, left: bool, right: bool) -> bool:
        """``a OR b``, both sides evaluated."""
        return left or right

    def interval(self, subject: Any, low_op: str, low: Any, high_op: str, high: Any) -> bool:
        """``low < subject <= high`` and its siblings; also ``subject = low TO high``."""
        return sem.compare(low_op, low, subject) and sem.compare(high_op, subject, high)

    def in_range(self, subject: Any, low: Any, high: Callable[[], Any]) -> bool:
        """``subject = low TO high`` and ``CASE low TO high``: ``high`` is only evaluated when ``subject >= low``, as the interpreter does."""
        return sem.compare(">=", subject, low) and sem.compare("<=", subject, high())

    def in_list(self, subject: Any, *items: Any) -> bool:
        """``subject IN (a, b, c)``: every item evaluated, then compared with ``=``."""
        return any(sem.equals(subject, item) for item in items)

    def among(self, subject: Any, *items: Callable[[], Any]) -> bool:
        """``subject _IN_ (a, b)``: items evaluated one by one until one matches."""
        return any(sem.equals(subject, item()) for item in items)

    def missing(self, name: str) -> None:
        """A call left out a parameter that has no default (``P(a = 1, b)`` called as ``P(5)``): the interpreter's error."""
        raise WLRuntimeError(f"parameter '{name}' has no value and no default")

    def nothing(self, name: str, *args: Any) -> None:
        """A call to a procedure the program never defines (allowed with --lenient): it does nothing."""
        return None

    def unknown(self, name: str) -> None:
        """A name the program never declares (allowed with --lenient): an empty variant."""
        return None

    # ------------------------------------------------------------------ conditions and loops

    def rows(self, collection: Any, width: int) -> list[Any]:
        """What FOR EACH goes through: values, or (value, index[, position]) rows of ``width`` items."""
        found = obj.rows(collection, self.lenient)
        return [row[0] for row in found] if width == 1 else [row[:width] for row in found]

    def pieces(self, text: Any, separator: Any) -> list[str]:
        """What FOR EACH STRING goes through."""
        return obj.string_pieces(text, separator)

    def repeat(self, count: Any) -> Iterator[None]:
        """``LOOP(n)``: n turns (a fractional n counts up)."""
        remaining = sem.to_number(count)
        while remaining > 0:
            remaining -= 1
            yield None

    def step(self, step: Any) -> int | float:
        """A FOR loop's STEP, which cannot be 0."""
        value = sem.to_number(step)
        if value == 0:
            raise WLRuntimeError("a FOR loop cannot have a STEP of 0")
        return value

    def steps(self, start: int, stop: int, step: int) -> range:
        """The values of ``FOR v = start TO stop STEP step`` for integers, whatever the step's sign."""
        if step == 0:
            raise WLRuntimeError("a FOR loop cannot have a STEP of 0")
        return range(start, stop + 1 if step > 0 else stop - 1, step)

    def going(self, current: Any, limit: Any, step: int | float) -> bool:
        """Whether a FOR loop goes on: its variable has not passed its bound in the STEP's direction."""
        bound, value = sem.to_number(limit), sem.to_number(current)  # the bound's error first, as the interpreter's
        return value <= bound if step > 0 else value >= bound

    def caught(self, error: BaseException) -> None:
        """Entering a WHEN EXCEPTION handler: the exception becomes what ExceptionInfo() describes."""
        if isinstance(error, RecursionError):
            error = WLRuntimeError("stack overflow: too many nested procedure calls")
        self.rt.current_exception = error  # type: ignore[assignment]

    Failure = (WLRuntimeError, RecursionError)

    # ------------------------------------------------------------------ running

    def source_map(self, table: str, module_file: str = "") -> None:
        """Where each generated line comes from (``PY=LINE`` pairs), for the positions of runtime errors."""
        self._module_file = module_file
        for pair in table.split():
            python_line, _, line = pair.partition("=")
            self._lines[int(python_line)] = Span(int(line), 1, int(line), 1)

    def run(self, main: Callable[..., Any], argv: Sequence[str] | None = None) -> int:
        """The command line of a transpiled program: the same options and run report as ``wlinterp run``."""
        from .cli import options_from_args, print_summary, run_options_parser, write_report
        from .diagnostics import render_all

        args = run_options_parser(f"python {Path(self._module_file or self.source_name).name}").parse_args(argv)
        options = options_from_args(args)
        options.lenient = self.lenient  # decided when the program was transpiled
        outcome = self.execute(main, options, sys.stdout)
        render_all(outcome.diagnostics, None, sys.stderr)
        report = outcome.report()
        print_summary(report, options)
        write_report(args.report, report)
        return outcome.exit_code

    def execute(self, main: Callable[..., Any], options: RunOptions, stdout: IO[str] | None = None) -> Any:
        """Run ``main`` on a fresh runtime; returns the pipeline's Outcome (status, diagnostics, report)."""
        from .pipeline import Outcome, deep_enough, fatal_diagnostic, internal_diagnostic

        deep_enough()
        runtime = Runtime(options, stdout)
        self._rt = runtime
        self._forget_functions()
        status, diagnostics = "ok", []
        try:
            main(**self._placeholders(main, options))
        except WLRuntimeError as error:
            status = "runtime-error"
            if error.span is None:
                error.span = self._where(error)
            diagnostics.append(fatal_diagnostic(error, self.source_name, "en"))
        except RecursionError:
            status = "runtime-error"
            diagnostics.append(Diagnostic("error", "runtime", "stack overflow: procedures called each other too deeply",
                                          None, "", self.source_name))
        except MemoryError:
            status = "runtime-error"
            diagnostics.append(Diagnostic("error", "runtime", "the program ran out of memory", None,
                                          "look for an array or a string that grows without end", self.source_name))
        except Exception as exc:  # noqa: BLE001 - a bug must still end as a diagnostic and a report
            status = "runtime-error"
            diagnostics.append(internal_diagnostic(exc, "runtime", self.source_name))
        finally:
            runtime.close()
        return Outcome(status, diagnostics, runtime)

    def _forget_functions(self) -> None:
        """Built-ins cached by an earlier run are bound to that run's runtime."""
        for name in [k for k, v in self.__dict__.items() if callable(v) and not k.startswith("_")]:
            del self.__dict__[name]

    @staticmethod
    def _placeholders(main: Callable[..., Any], options: RunOptions) -> dict[str, Any]:
        """Names the program uses without declaring them are main()'s parameters: --define fills them."""
        import inspect

        from .source import ident_key

        given = {ident_key(name): value for name, value in options.defines.items()}
        wanted = inspect.signature(main).parameters
        return {name: given[ident_key(name)] for name in wanted if ident_key(name) in given}

    def _where(self, error: BaseException) -> Span | None:
        """The WLanguage position of the innermost generated line the error went through."""
        found = None
        for frame in traceback.extract_tb(error.__traceback__):
            if frame.filename == self._module_file and frame.lineno in self._lines:
                found = self._lines[frame.lineno]
        return found


