"""Random well-formed WLanguage programs, for the differential test of the interpreter against the faithful transpilation (issue 7).

``ProgramGenerator`` writes one program as text (English keywords, tab-indented) from a
stream of choices. The choices come from a ``Chooser``: ``DrawChooser`` wraps hypothesis's
``draw`` (so ``programs()`` is a strategy that shrinks to small programs), ``RandomChooser``
wraps a seeded ``random.Random`` (what ``bench/fuzz_transpiler.py`` uses to run thousands).

Every program is meant to compile and to end quickly, whatever it computes:

- names come from fixed lists, none of them a keyword, a built-in or a duration unit; every
  variable is declared before it is read, never twice in one procedure, and a procedure only
  reads the main code's variables declared before its first statement (the globals);
- every loop that could run long starts with a guard, ``GuardN++`` then ``IF GuardN > 8 THEN
  BREAK``, on a global counter, so each loop statement runs at most 8 passes in the whole run;
  the only loops without one are outermost FORs with small literal bounds and ``LOOP (n)``;
- a procedure only calls those written before it, itself only through a ``Depth`` that goes
  down, so calls form a finite tree;
- values cannot explode: ``*`` multiplies by a small literal, ``^`` raises a literal, and an
  expression reads at most one string variable at full length (``Left(s, 3)`` does not count).

Runtime errors are welcome (a division by zero, an index out of range, ``"ab"`` stored in an
int): both engines must then stop alike, after the same output.
"""

from __future__ import annotations

import contextlib
import io
import random
import re
import signal
import threading
import traceback
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from hypothesis import strategies as st

__all__ = ["Chooser", "DrawChooser", "ProgramGenerator", "RandomChooser", "TooLong", "comparable", "explain", "generate",
           "programs", "run_both", "time_limit"]

T = TypeVar("T")

# ------------------------------------------------------------------------------ choices


class Chooser:
    """Where a generator's decisions come from; the first option of a list is the simplest (what shrinking goes to)."""

    def integer(self, low: int, high: int) -> int:
        raise NotImplementedError

    def choice(self, options: Sequence[T]) -> T:
        return options[self.integer(0, len(options) - 1)]

    def chance(self, percent: int) -> bool:
        """True ``percent`` times in 100; shrinks to False."""
        return self.integer(0, 99) >= 100 - percent

    def weighted(self, options: Sequence[tuple[int, T]]) -> T:
        """One option, chosen in proportion to its weight; options with weight 0 are left out."""
        live = [(w, o) for w, o in options if w > 0]
        pick = self.integer(0, sum(w for w, _ in live) - 1)
        for weight, option in live:
            if pick < weight:
                return option
            pick -= weight
        raise AssertionError("unreachable")


class RandomChooser(Chooser):
    """Choices from a seeded ``random.Random``: the same seed gives the same program."""

    def __init__(self, rng: random.Random):
        self.rng = rng

    def integer(self, low: int, high: int) -> int:
        return self.rng.randint(low, high)


class DrawChooser(Chooser):
    """Choices drawn from hypothesis, so that a failing program shrinks."""

    def __init__(self, draw: Callable[[Any], Any]):
        self.draw = draw

    def integer(self, low: int, high: int) -> int:
        return self.draw(st.integers(min_value=low, max_value=high))


# ------------------------------------------------------------------------------ vocabulary

# kinds of values the generator keeps track of
NUM, STR, BOOL, AINT, ASTR, ANY = "num", "str", "bool", "aint", "astr", "any"
SCALARS = (NUM, STR, BOOL)
# declared types by kind; "int" and "real" are both NUM
TYPES = {"int": NUM, "real": NUM, "string": STR, "boolean": BOOL, "array of int": AINT, "array of string": ASTR,
         "Variant": ANY}

# Names: none is a keyword in any language, a built-in, or a duration unit (2 s, 3 min …).
# Python-flavoured ones (list, id, sum, type, main, sys, wl, sem, Ref) test the transpiler's renaming.
GLOBAL_NAMES = ["Total", "Label", "Ratio", "Flag", "Nums", "Words", "Mixed", "Limit", "Amount", "Other", "Réponse",
                "list", "Score", "Base", "Extra", "Data", "Word", "sum", "main", "wl"]
LOCAL_NAMES = ["Tmp", "Acc", "Part", "Buf", "Num", "Cur", "Sub", "Bag", "Tally", "Note", "id", "type", "sem", "sys",
               "Ref", "Len2", "Aux", "Cell", "Mark", "Pile"]
PARAM_NAMES = ["a", "b", "c", "Arg", "Qty", "Txt", "Opt", "Ok", "Arr", "Inp"]
MAIN_LOOP_NAMES = ["i", "k", "Idx"]
PROC_LOOP_NAMES = ["n", "q", "Pos"]
MAIN_EACH_NAMES = ["Item", "Row"]
PROC_EACH_NAMES = ["Elem", "Rank"]
PROC_NAMES = ["Compute", "Mix", "Grow", "Check", "Twice"]
INTERNAL_NAMES = ["Helper", "Inner"]
GUARDS = 8
GUARD_LIMIT = 8

INT_LITERALS = ["1", "0", "2", "3", "5", "7", "10", "12", "42", "100", "-1", "-3", "1000000"]
REAL_LITERALS = ["1.5", "0.5", "2.25", "0.1", "3.75", "-2.5", "0.2", "10.0"]
STRING_LITERALS = ['"a"', '""', '"Ab"', '"abc"', '"ABC"', '"12"', '" 7 "', '"3.5"', '"-4"', '"x1"', '"1x"', '"é"',
                   '"a b"', '"0"', '"1.0"', '""""', '"+2"', '"Ébc"', '" abc "']
NUMERIC_STRINGS = ['"12"', '" 7 "', '"3.5"', '"-4"', '"0"', '"1.0"', '"+2"', '"1"']
NEEDLES = ['"a"', '"b"', '" "', '"1"']
COMPARISONS = ["=", "<>", "<", "<=", ">", ">="]
STRING_COMPARISONS = ["~=", "[=", "=]", "[=]", "~~", "[~", "~]", "[~]"]


# ------------------------------------------------------------------------------ what the generator tracks


@dataclass
class Var:
    """A variable the code being written may use."""

    name: str
    kind: str
    writable: bool = True
    # declared by let: its type is the one of its first value, known only when it runs (see argument())
    inferred: bool = False


@dataclass
class Param:
    name: str
    kind: str
    local: bool
    typed: bool
    type_text: str = ""
    default: str | None = None


@dataclass
class Proc:
    """A procedure already written (callable by those written after it)."""

    name: str
    params: list[Param]
    returns: str | None  # the kind of its RESULT, None when it returns nothing
    recursive: bool = False


@dataclass
class Scope:
    """One procedure (or the main code) being written."""

    proc: Proc | None
    callable: list[Proc]
    loop_names: list[str]
    each_names: list[str]
    internal: bool = False
    blocks: list[list[Var]] = field(default_factory=lambda: [[]])
    declared: set[str] = field(default_factory=set)  # every name declared here, in any block (no redeclaring)
    referenced: set[str] = field(default_factory=set)
    outer: list[Var] = field(default_factory=list)  # what the code around sees: globals, or the enclosing procedure's
    loops: int = 0
    in_try: bool = False
    depth_param: str | None = None

    def visible(self) -> list[Var]:
        seen: dict[str, Var] = {}
        for var in self.outer:
            seen[var.name.casefold()] = var
        for block in self.blocks:
            for var in block:
                seen[var.name.casefold()] = var
        return list(seen.values())


def _fold(name: str) -> str:
    """Identifiers ignore case and accents."""
    text = unicodedata.normalize("NFD", name.casefold())
    return "".join(c for c in text if not unicodedata.combining(c))


# ------------------------------------------------------------------------------ the generator


class ProgramGenerator:
    """Writes one random program from a chooser's decisions."""

    def __init__(self, chooser: Chooser, size: int | None = None):
        self.r = chooser
        self.budget = size if size is not None else chooser.integer(6, 40)
        self.procs: list[Proc] = []
        self.globals: list[Var] = []
        self.guard = 0
        self.labels = 0
        self._str_refs = 0  # full-length string variable reads still allowed in the current expression
        self._element_args: list[str] | None = None  # arrays whose first element a call statement passes

    # ------------------------------------------------------------------ the program

    def program(self) -> str:
        globals_lines = self._globals()
        procedure_texts: list[list[str]] = []
        for position in range(self.r.integer(0, 3)):
            procedure_texts.append(self._procedure(PROC_NAMES[position]))
        main = Scope(None, list(self.procs), MAIN_LOOP_NAMES, MAIN_EACH_NAMES, outer=list(self.globals))
        main.declared = {_fold(v.name) for v in self.globals}
        body: list[str] = []
        if self.r.chance(15):
            body += self._internal_procedure(main, 0)
        body += self._statements(main, 0, self.r.integer(3, 12), top=True)
        for proc in self.procs:
            if self.r.chance(60):
                body += self._call_statement(main, 0, proc)
        lines = ["// generated by tests/program_gen.py", *globals_lines, *body]
        for text in procedure_texts:
            lines += ["", *text]
        return "\n".join(lines) + "\n"

    def _globals(self) -> list[str]:
        lines = [", ".join(f"Guard{g}" for g in range(1, GUARDS + 1)) + " are int"]
        names = list(GLOBAL_NAMES)
        wanted = [("int", 2), ("real", 1), ("string", 2), ("boolean", 1), ("array of int", 1), ("array of string", 1)]
        scope = Scope(None, [], [], [], outer=[])
        for type_text, count in wanted:
            for _ in range(count if self.r.chance(80) else 1):
                name = names.pop(self.r.integer(0, len(names) - 1))
                lines.append(self._declaration(scope, name, type_text, top=True))
                self.globals.append(Var(name, TYPES[type_text]))
                scope.blocks[0].append(self.globals[-1])
        for _ in range(self.r.integer(0, 2)):
            name = names.pop(self.r.integer(0, len(names) - 1))
            lines.append(self._extra_global(scope, name))
            scope.blocks[0].append(self.globals[-1])
        return lines

    def _extra_global(self, scope: Scope, name: str) -> str:
        form = self.r.integer(0, 4)
        if form == 4:
            kind = self.r.choice([NUM, STR])
            value = self.r.choice(INT_LITERALS[:8] if kind == NUM else STRING_LITERALS[:8])
            self.globals.append(Var(name, kind, writable=False))
            return f"CONSTANT {name} = {value}"
        if form == 0:
            kind = self.r.choice(SCALARS)
            value = self.expr(scope, kind, 1)
            self.globals.append(Var(name, kind, inferred=True))
            return f"let {name} = {value}"
        if form == 1:
            self.globals.append(Var(name, ANY))
            return f"{name} is Variant" + (f" = {self.expr(scope, self.r.choice(SCALARS), 1)}" if self.r.chance(60) else "")
        if form == 2:
            self.globals.append(Var(name, AINT))
            return f"{name} is array of {self.r.integer(1, 3)} int"
        self.globals.append(Var(name, NUM))
        return f"{name} is int = {self.r.choice(NUMERIC_STRINGS)}"

    def _declaration(self, scope: Scope, name: str, type_text: str, top: bool = False) -> str:
        kind = TYPES[type_text]
        if kind in (AINT, ASTR):
            if self.r.chance(80):
                element = NUM if kind == AINT else STR
                items = ", ".join(self.expr(scope, element, 0) for _ in range(self.r.integer(1, 3)))
                return f"{name} is {type_text} = [{items}]"
            return f"{name} is {type_text}"
        if self.r.chance(25 if top else 35):
            return f"{name} is {type_text}"
        return f"{name} is {type_text} = {self.stored_value(scope, kind, 1)}"

    def stored_value(self, scope: Scope, kind: str, depth: int) -> str:
        """A value for a variable of ``kind``: usually of that kind, sometimes one it converts from (or fails to)."""
        if kind in (NUM, BOOL) and self.r.chance(15):
            text = self.expr(scope, STR, depth)
            # a literal that can never convert is a compile error: keep those to computed strings
            return self.r.choice(NUMERIC_STRINGS) if self.r.chance(85) or text.startswith('"') else text
        if kind == STR and self.r.chance(15):
            return self.expr(scope, self.r.choice([NUM, BOOL]), depth)
        if kind == BOOL and self.r.chance(10):
            return self.r.choice(["1", "0", '"1"', '"0"', "2.5"])
        if kind == ANY:
            return self.expr(scope, self.r.choice(SCALARS), depth)
        return self.expr(scope, kind, depth)

    # ------------------------------------------------------------------ procedures

    def _procedure(self, name: str) -> list[str]:
        recursive = self.r.chance(20)
        params: list[Param] = []
        used: set[str] = set()
        header: list[str] = []
        if recursive:
            params.append(Param("Depth", NUM, local=True, typed=True, type_text="int"))
            header.append("LOCAL Depth is int")
        for _ in range(self.r.integer(0, 3)):
            pname = self.r.choice(PARAM_NAMES if not self.r.chance(10) else [g.name for g in self.globals])
            if _fold(pname) in used or _fold(pname) == "depth":
                continue
            used.add(_fold(pname))
            param, text = self._param(pname, default_allowed=True)
            if params and params[-1].default is not None and param.default is None and self.r.chance(50):
                continue  # mostly keep the defaults last, as usual code does
            params.append(param)
            header.append(text)
        returns = self.r.weighted([(3, NUM), (2, STR), (1, BOOL), (2, None)])
        proc = Proc(name, params, returns, recursive)
        annotation = ""
        if returns is not None and self.r.chance(30):
            annotation = " : " + {NUM: "int", STR: "string", BOOL: "boolean"}[returns]
        scope = Scope(proc, list(self.procs), PROC_LOOP_NAMES, PROC_EACH_NAMES, outer=list(self.globals))
        scope.depth_param = "Depth" if recursive else None
        for param in params:
            var = Var(param.name, param.kind, writable=param.name != "Depth")
            scope.blocks[0].append(var)
            scope.declared.add(_fold(param.name))
        lines = [f"PROCEDURE {name}({', '.join(header)}){annotation}"]
        if recursive:
            base = f" RESULT {self.expr(scope, returns, 1)}" if returns is not None else " RETURN"
            lines.append(f"IF Depth <= 0 THEN{base}")
        if self.r.chance(20):
            lines += self._internal_procedure(scope, 0)
        self.procs.append(proc)  # a recursive procedure may call itself from here on
        lines += self._statements(scope, 0, self.r.integer(1, 7), top=True)
        if returns is not None:
            lines.append(f"RESULT {self.expr(scope, returns, 2)}")
        if not recursive:
            pass
        return lines

    def _param(self, name: str, default_allowed: bool) -> tuple[Param, str]:
        local = self.r.chance(30)
        typed = self.r.chance(60)
        type_text = self.r.choice(["int", "string", "real", "boolean", "array of int"]) if typed else ""
        kind = TYPES[type_text] if typed else self.r.choice([NUM, STR, NUM, BOOL, AINT])
        text = ("LOCAL " if local else "") + name + (f" is {type_text}" if typed else "")
        default = None
        if default_allowed and kind in SCALARS and self.r.chance(30):
            empty = Scope(None, [], [], [])
            default = self.expr(empty, kind, 0)
            text += f" = {default}"
        return Param(name, kind, local, typed, type_text, default), text

    def _internal_procedure(self, scope: Scope, indent: int) -> list[str]:
        name = self.r.choice(INTERNAL_NAMES)
        if any(p.name == name for p in scope.callable):
            return []
        params: list[Param] = []
        header: list[str] = []
        for pname in PARAM_NAMES[: self.r.integer(0, 2)]:
            if _fold(pname) in {_fold(v.name) for v in scope.visible()}:
                continue
            param, text = self._param(pname, default_allowed=False)
            params.append(param)
            header.append(text)
        returns = self.r.weighted([(2, NUM), (1, STR), (1, None)])
        proc = Proc(name, params, returns)
        inner = Scope(proc, [p for p in scope.callable if not p.recursive], PROC_LOOP_NAMES, PROC_EACH_NAMES,
                      internal=True, outer=scope.visible())
        for param in params:
            inner.blocks[0].append(Var(param.name, param.kind))
            inner.declared.add(_fold(param.name))
        pad = "\t" * indent
        lines = [f"{pad}INTERNAL PROCEDURE {name}({', '.join(header)})"]
        lines += self._statements(inner, indent + 1, self.r.integer(1, 4), top=True)
        if returns is not None:
            lines.append(f"{pad}\tRESULT {self.expr(inner, returns, 2)}")
        lines.append(f"{pad}END")
        scope.referenced |= inner.referenced
        scope.callable.append(proc)
        return lines

    # ------------------------------------------------------------------ statements

    def _statements(self, scope: Scope, indent: int, count: int, top: bool = False) -> list[str]:
        lines: list[str] = []
        for _ in range(count):
            if self.budget <= 0:
                break
            self.budget -= 1
            lines += self.statement(scope, indent, top)
        return lines

    def _block(self, scope: Scope, indent: int, count: int, loop: bool = False) -> list[str]:
        scope.blocks.append([])
        if loop:
            scope.loops += 1
        lines = self._statements(scope, indent, count)
        if loop:
            scope.loops -= 1
        scope.blocks.pop()
        return lines

    def statement(self, scope: Scope, indent: int, top: bool = False) -> list[str]:
        in_proc = scope.proc is not None
        nested = len(scope.blocks)
        kinds = [
            (10, self.s_trace),
            (8, self.s_assign),
            (4, self.s_compound),
            (4, self.s_declare),
            (2, self.s_let),
            (3, self.s_array),
            (5 if nested < 4 else 1, self.s_if),
            (2 if nested < 4 else 0, self.s_single_if),
            (2 if nested < 4 else 0, self.s_switch),
            (3 if nested < 4 else 0, self.s_for),
            (2 if nested < 4 else 0, self.s_foreach),
            (1 if nested < 4 else 0, self.s_foreach_string),
            (2 if nested < 4 else 0, self.s_while),
            (2 if nested < 4 else 0, self.s_loop),
            (3 if scope.callable else 0, self.s_call),
            (2 if not scope.in_try and nested < 4 else 0, self.s_try),
            (2 if scope.loops else 0, self.s_break),
            (2 if in_proc else 0, self.s_exit),
            (1 if in_proc or scope.in_try else 0, self.s_throw),
            (1, self.s_substring_write),
        ]
        return self.r.weighted(kinds)(scope, indent)

    def _pad(self, indent: int) -> str:
        return "\t" * indent

    def _declare_name(self, scope: Scope, pool: list[str]) -> str | None:
        """A name not yet declared in this procedure (nor read here as someone else's)."""
        free = [n for n in pool if _fold(n) not in scope.declared and _fold(n) not in scope.referenced
                and _fold(n) not in {_fold(v.name) for v in scope.outer}]
        if not free:
            return None
        name = self.r.choice(free)
        scope.declared.add(_fold(name))
        return name

    def s_trace(self, scope: Scope, indent: int) -> list[str]:
        self.labels += 1
        args = [f'"L{self.labels}"'] if self.r.chance(70) else []
        for _ in range(self.r.integer(1, 3)):
            args.append(self.expr(scope, self.r.weighted([(3, NUM), (3, STR), (2, BOOL), (1, ANY)]), 0))
        if self.r.chance(10):
            arrays = self.vars(scope, (AINT, ASTR))
            if arrays:
                args.append(self.ref(scope, self.r.choice(arrays)))
        return [f"{self._pad(indent)}Trace({', '.join(args)})"]

    def s_assign(self, scope: Scope, indent: int) -> list[str]:
        targets = [v for v in self.vars(scope, (NUM, STR, BOOL, ANY)) if v.writable]
        if not targets:
            return self.s_declare(scope, indent)
        var = self.r.choice(targets)
        return [f"{self._pad(indent)}{self.ref(scope, var)} = {self.stored_value(scope, var.kind, 0)}"]

    def s_compound(self, scope: Scope, indent: int) -> list[str]:
        targets = [v for v in self.vars(scope, (NUM, STR, ANY)) if v.writable]
        if not targets:
            return self.s_trace(scope, indent)
        var = self.r.choice(targets)
        name = self.ref(scope, var)
        pad = self._pad(indent)
        if var.kind == STR:
            return [f"{pad}{name} += {self.short_string(scope)}"]
        form = self.r.integer(0, 4)
        if form == 0:
            return [f"{pad}{name}++"]
        if form == 1:
            return [f"{pad}{name}--"]
        if form == 2:
            return [f"{pad}{name} += {self.expr(scope, NUM, 1)}"]
        if form == 3:
            return [f"{pad}{name} -= {self.expr(scope, NUM, 1)}"]
        return [f"{pad}{name} *= {self.r.choice(['2', '-1', '3', '0.5'])}"]

    def s_declare(self, scope: Scope, indent: int) -> list[str]:
        pad = self._pad(indent)
        if self.r.chance(15):
            names = [self._declare_name(scope, LOCAL_NAMES) for _ in range(2)]
            if None in names:
                return self.s_trace(scope, indent)
            type_text = self.r.choice(["int", "string", "real"])
            for name in names:
                scope.blocks[-1].append(Var(name, TYPES[type_text]))  # type: ignore[arg-type]
            return [f"{pad}{names[0]}, {names[1]} are {type_text}"]
        name = self._declare_name(scope, LOCAL_NAMES)
        if name is None:
            return self.s_trace(scope, indent)
        type_text = self.r.weighted([(4, "int"), (2, "real"), (4, "string"), (2, "boolean"), (2, "array of int"),
                                     (1, "array of string"), (1, "Variant")])
        if type_text == "Variant":
            line = f"{pad}{name} is Variant = {self.stored_value(scope, ANY, 1)}"
        else:
            line = pad + self._declaration(scope, name, type_text)
        scope.blocks[-1].append(Var(name, TYPES[type_text]))
        return [line]

    def s_let(self, scope: Scope, indent: int) -> list[str]:
        name = self._declare_name(scope, LOCAL_NAMES)
        if name is None:
            return self.s_trace(scope, indent)
        kind = self.r.choice(SCALARS)
        value = self.expr(scope, kind, 1)
        scope.blocks[-1].append(Var(name, kind, inferred=True))
        return [f"{self._pad(indent)}let {name} = {value}"]

    def s_array(self, scope: Scope, indent: int) -> list[str]:
        arrays = [v for v in self.vars(scope, (AINT, ASTR)) if v.writable]
        pad = self._pad(indent)
        if not arrays:
            return self.s_trace(scope, indent)
        var = self.r.choice(arrays)
        name = self.ref(scope, var)
        element = NUM if var.kind == AINT else STR
        form = self.r.weighted([(4, "add"), (3, "write"), (2, "read"), (1, "whole"), (1, "count"), (1, "delete"),
                                (1 if var.kind == AINT else 0, "bump")])
        if form == "bump":
            index = self.index_expr(scope, name)
            step = self.r.choice(["++", "--", " += 2", " -= 1", " *= 3", ' += "1"'])
            return [f"{pad}IF {name}..Count >= {index} THEN {name}[{index}]{step}"]
        if form == "add":
            value = self.stored_value(scope, element, 1)
            return [pad + self.r.choice([f"Add({name}, {value})", f"{name}.Add({value})", f"ArrayAdd({name}, {value})"])]
        if form == "write":
            index = self.index_expr(scope, name)
            return [f"{pad}IF {name}..Count >= {index} THEN {name}[{index}] = {self.stored_value(scope, element, 1)}"
                    if self.r.chance(92) else f"{pad}{name}[{index}] = {self.stored_value(scope, element, 1)}"]
        if form == "read":
            index = self.index_expr(scope, name)
            return [f'{pad}IF {index} <= ArrayCount({name}) THEN Trace("at", {index}, {name}[{index}])']
        if form == "whole":
            others = [v for v in arrays if v.kind == var.kind and v is not var] + self.vars(scope, (var.kind,))
            source = self.r.choice(others)
            if source is var or self.r.chance(30):
                items = ", ".join(self.expr(scope, element, 0) for _ in range(self.r.integer(0, 3)))
                return [f"{pad}{name} = [{items}]"] if items else [f"{pad}ArrayDeleteAll({name})"]
            return [f"{pad}{name} = {self.ref(scope, source)}"]
        if form == "delete":
            return [f"{pad}IF {name}.Count > 0 THEN ArrayDelete({name}, 1)"]
        return [f"{pad}Trace({self.r.choice(['ArrayCount', 'Count'])}({name}), {name}.Count, {name}..Count)"]

    def index_expr(self, scope: Scope, array: str) -> str:
        return self.r.weighted([(4, "1"), (2, "2"), (3, f"{array}..Count"), (1, "3"), (2, self.expr(scope, NUM, 2)),
                                (1, "0"), (1, "1.0")])

    def s_substring_write(self, scope: Scope, indent: int) -> list[str]:
        targets = [v for v in self.vars(scope, (STR,)) if v.writable]
        if not targets:
            return self.s_trace(scope, indent)
        name = self.ref(scope, self.r.choice(targets))
        start = self.r.choice(["1", "2", "3"])
        sub = self.r.choice([f"[[{start}]]", f"[[{start} TO {self.r.choice(['2', '4'])}]]", f"[[{start} ON 2]]"])
        return [f"{self._pad(indent)}{name}{sub} = {self.r.choice(STRING_LITERALS[:6])}"]

    def _then_statement(self, scope: Scope) -> str:
        """A statement that fits on the line of a single-line IF."""
        if scope.loops and self.r.chance(25):
            return self.r.choice(["BREAK", "CONTINUE"])
        return self.r.choice([self.s_trace, self.s_assign, self.s_compound])(scope, 0)[0]

    def s_if(self, scope: Scope, indent: int) -> list[str]:
        pad = self._pad(indent)
        lines = [f"{pad}IF {self.condition(scope)}" + (" THEN" if self.r.chance(80) else "")]
        lines += self._block(scope, indent + 1, self.r.integer(1, 3))
        for _ in range(self.r.choice([0, 0, 1, 2])):
            lines.append(f"{pad}ELSE IF {self.condition(scope)} THEN")
            lines += self._block(scope, indent + 1, self.r.integer(1, 2))
        if self.r.chance(50):
            lines.append(f"{pad}ELSE")
            lines += self._block(scope, indent + 1, self.r.integer(1, 2))
        lines.append(f"{pad}END")
        return lines

    def s_single_if(self, scope: Scope, indent: int) -> list[str]:
        line = f"{self._pad(indent)}IF {self.condition(scope)} THEN {self._then_statement(scope)}"
        if self.r.chance(40):
            line += f" ELSE {self._then_statement(scope)}"
        return [line]

    def s_switch(self, scope: Scope, indent: int) -> list[str]:
        pad = self._pad(indent)
        kind = self.r.choice([NUM, STR])
        lines = [f"{pad}SWITCH {self.expr(scope, kind, 1)}"]
        for _ in range(self.r.integer(1, 3)):
            form = self.r.weighted([(4, "values"), (2, "range"), (2, "compare")])
            if form == "values":
                values = ", ".join(self.case_value(scope, kind) for _ in range(self.r.integer(1, 3)))
            elif form == "range":
                values = f"{self.case_value(scope, kind)} TO {self.case_value(scope, kind)}"
            else:
                values = f"{self.r.choice(['>', '<', '>=', '<=', '<>'])} {self.case_value(scope, kind)}"
            if self.r.chance(30):
                lines.append(f"{pad}\tCASE {values}: {self._then_statement(scope)}")
            else:
                lines.append(f"{pad}\tCASE {values}" + (":" if self.r.chance(30) else ""))
                lines += self._block(scope, indent + 2, self.r.integer(1, 2))
        if self.r.chance(60):
            lines.append(f"{pad}\tOTHER CASE" + (":" if self.r.chance(30) else ""))
            lines += self._block(scope, indent + 2, self.r.integer(1, 2))
        lines.append(f"{pad}END")
        return lines

    def case_value(self, scope: Scope, kind: str) -> str:
        if self.r.chance(80):
            return self.r.choice(INT_LITERALS[:10] + REAL_LITERALS[:2] if kind == NUM else STRING_LITERALS)
        return self.expr(scope, self.r.choice([kind, kind, NUM, STR]), 1)

    # ------------------------------------------------------------------ loops

    def _guard(self, indent: int) -> list[str]:
        self.guard = self.guard % GUARDS + 1
        pad = self._pad(indent)
        step = self.r.choice([f"Guard{self.guard}++", f"Guard{self.guard} += 1", f"Guard{self.guard} = Guard{self.guard} + 1"])
        return [f"{pad}{step}", f"{pad}IF Guard{self.guard} > {GUARD_LIMIT} THEN BREAK"]

    def _loop_var(self, scope: Scope, pool: list[str]) -> tuple[str, list[str], Var | None]:
        """A loop variable: an existing numeric variable, a new declared one, or an undeclared name."""
        form = self.r.weighted([(5, "undeclared"), (2, "declared"), (1, "existing")])
        if form == "existing":
            candidates = [v for v in self.vars(scope, (NUM, ANY)) if v.writable and v.kind == NUM]
            if candidates:
                var = self.r.choice(candidates)
                return self.ref(scope, var), [], None
        if form == "declared":
            name = self._declare_name(scope, LOCAL_NAMES)
            if name is not None:
                type_text = self.r.weighted([(4, "int"), (2, "real"), (1, "string"), (1, "Variant")])
                var = Var(name, NUM if type_text != "string" else STR)
                scope.blocks[-1].append(var)
                return name, [f"{name} is {type_text}"], var
        free = [n for n in pool if _fold(n) not in {_fold(v.name) for v in scope.visible()}]
        name = self.r.choice(free or pool)
        known = next((v for v in scope.visible() if _fold(v.name) == _fold(name)), None)
        if known is not None:
            return self.ref(scope, known), [], None
        var = Var(name, NUM)
        scope.declared.add(_fold(name))
        return name, [], var

    def s_for(self, scope: Scope, indent: int) -> list[str]:
        pad = self._pad(indent)
        name, prelude, new_var = self._loop_var(scope, scope.loop_names)
        natural = scope.loops == 0 and self.r.chance(40)
        if natural:
            start = self.r.integer(0, 3)
            stop = self.r.integer(-1, 5)
            step = self.r.choice([1, 1, 2, -1])
            if step < 0:
                start, stop = stop + 2, start - 1
            header = f"FOR {name} = {start} {self.r.choice(['TO', '_TO_'])} {stop}" + (f" STEP {step}" if step != 1 else "")
        else:
            start = self.r.weighted([(4, self.r.choice(INT_LITERALS[:6])), (2, self.expr(scope, NUM, 2)),
                                     (1, self.r.choice(REAL_LITERALS[:3] + NUMERIC_STRINGS[:2]))])
            stop = self.r.weighted([(3, self.r.choice(INT_LITERALS[:9])), (3, self.bound_var(scope)), (2, self.expr(scope, NUM, 2))])
            step = self.r.weighted([(6, ""), (2, self.r.choice(["2", "-1", "-2", "3"])), (1, self.r.choice(["0.5", "-0.5", "1.5"])),
                                    (1, self.expr(scope, NUM, 1))])
            header = f"FOR {name} = {start} {self.r.choice(['TO', 'TO', '_TO_'])} {stop}" + (f" STEP {step}" if step else "")
        lines = [pad + line for line in prelude] + [pad + header]
        if new_var is not None:
            scope.blocks[-1].append(new_var)
            new_var.writable = True
        body = [] if natural else self._guard(indent + 1)
        scope.blocks.append([])
        scope.loops += 1
        if not natural and self.r.chance(30):
            body += self._modify_bound(scope, indent + 1, name, stop)
        body += self._statements(scope, indent + 1, self.r.integer(1, 3))
        scope.loops -= 1
        scope.blocks.pop()
        # a variable the loop did not bring into being may be written under another name (a parameter by reference)
        if natural and (new_var is None or any(_writes(line, name) for line in body)):
            body = self._guard(indent + 1) + body
        lines += body
        lines.append(f"{pad}END")
        if self.r.chance(40):
            lines.append(f'{pad}Trace("after FOR", {name})')
        return lines

    def bound_var(self, scope: Scope) -> str:
        candidates = [v for v in self.vars(scope, (NUM,)) if v.writable]
        return self.ref(scope, self.r.choice(candidates)) if candidates else self.r.choice(INT_LITERALS[:6])

    def _modify_bound(self, scope: Scope, indent: int, var: str, stop: str) -> list[str]:
        pad = self._pad(indent)
        options = [f"{pad}{var} = {var} + {self.r.choice(['1', '2', '-1'])}"]
        if stop.replace("_", "").isalnum() and not stop.lstrip("-").isdigit() and stop.isidentifier():
            options += [f"{pad}{stop} = {stop} + 1", f"{pad}IF {var} = 2 THEN {stop} = {self.r.choice(['1', '4', '6'])}",
                        f"{pad}{stop}--"]
        return [self.r.choice(options)]

    def s_foreach(self, scope: Scope, indent: int) -> list[str]:
        pad = self._pad(indent)
        arrays = self.vars(scope, (AINT, ASTR))
        if not arrays:
            return self.s_trace(scope, indent)
        array = self.r.choice(arrays)
        element = NUM if array.kind == AINT else STR
        value_name, prelude, new_var = self._each_var(scope, element)
        names = [value_name]
        index_var = None
        if self.r.chance(50):
            index_name, more, index_var = self._loop_var(scope, scope.each_names[1:] + scope.loop_names)
            if _fold(index_name) != _fold(value_name):
                names.append(index_name)
                prelude += more
            else:
                index_var = None
        keyword = self.r.choice(["FOR EACH", "FOR EACH ELEMENT", "FOR ALL"])
        of = self.r.choice(["OF", "OF", "IN"])
        lines = [pad + line for line in prelude]
        lines.append(f"{pad}{keyword} {', '.join(names)} {of} {self.ref(scope, array)}")
        for var in (new_var, index_var):
            if var is not None:
                scope.blocks[-1].append(var)
        body = self._guard(indent + 1)
        scope.blocks.append([])
        scope.loops += 1
        if self.r.chance(20) and array.writable:
            body.append(f"{pad}\tAdd({self.ref(scope, array)}, {self.stored_value(scope, element, 1)})")
        body += self._statements(scope, indent + 1, self.r.integer(1, 3))
        scope.loops -= 1
        scope.blocks.pop()
        lines += body
        lines.append(f"{pad}END")
        return lines

    def s_foreach_string(self, scope: Scope, indent: int) -> list[str]:
        pad = self._pad(indent)
        name, prelude, new_var = self._each_var(scope, STR)
        source = self.r.choice(['"a,b,,c"', '"1 2 3"', '""', "Label"]) if self.r.chance(50) else self.text(scope, 1)
        if source == "Label":
            source = self._leaf_var(scope, STR) or '"x,y"'
        separator = self.r.choice(['","', '" "', '"a"', '""', '", "'])
        lines = [pad + line for line in prelude]
        lines.append(f"{pad}FOR EACH STRING {name} OF {source} SEPARATED BY {separator}")
        if new_var is not None:
            scope.blocks[-1].append(new_var)
        lines += self._guard(indent + 1)
        lines += self._block(scope, indent + 1, self.r.integer(1, 3), loop=True)
        lines.append(f"{pad}END")
        return lines

    def _each_var(self, scope: Scope, element: str) -> tuple[str, list[str], Var | None]:
        if self.r.chance(25):
            name = self._declare_name(scope, LOCAL_NAMES)
            if name is not None:
                type_text = self.r.choice(["int", "string", "Variant"])
                var = Var(name, element if type_text == "Variant" else TYPES[type_text])
                return name, [f"{name} is {type_text}"], var
        pool = scope.each_names[:1] + ["Val" + "ue"]
        free = [n for n in pool if _fold(n) not in {_fold(v.name) for v in scope.visible()}]
        name = self.r.choice(free or pool)
        known = next((v for v in scope.visible() if _fold(v.name) == _fold(name)), None)
        if known is not None:
            return self.ref(scope, known), [], None
        scope.declared.add(_fold(name))
        return name, [], Var(name, element)

    def s_while(self, scope: Scope, indent: int) -> list[str]:
        pad = self._pad(indent)
        counters = [v for v in self.vars(scope, (NUM,)) if v.writable]
        if counters and self.r.chance(60):
            counter = self.ref(scope, self.r.choice(counters))
            condition = f"{counter} {self.r.choice(['<', '<=', '<>'])} {self.r.choice(INT_LITERALS[:8])}"
            step = [f"{pad}\t{counter}{self.r.choice(['++', ' += 1', ' += 2', '--'])}"]
        else:
            condition, step = self.condition(scope), []
        lines = [f"{pad}WHILE {condition}", *self._guard(indent + 1)]
        scope.blocks.append([])
        scope.loops += 1
        body = self._statements(scope, indent + 1, self.r.integer(1, 3))
        scope.loops -= 1
        scope.blocks.pop()
        lines += step + body if self.r.chance(50) else body + step
        lines.append(f"{pad}END")
        return lines

    def s_loop(self, scope: Scope, indent: int) -> list[str]:
        pad = self._pad(indent)
        counted = self.r.chance(40)
        natural = counted and scope.loops == 0 and self.r.chance(60)
        header = f"LOOP ({self.r.choice(['0', '1', '2', '3', '2.5'])})" if natural else (
            f"LOOP ({self.expr(scope, NUM, 1)})" if counted else "LOOP")
        lines = [pad + header] + ([] if natural else self._guard(indent + 1))
        lines += self._block(scope, indent + 1, self.r.integer(1, 3), loop=True)
        if not counted and self.r.chance(50):
            lines.append(f"{pad}\tIF {self.condition(scope)} THEN BREAK")
        lines.append(f"{pad}END")
        return lines

    def s_break(self, scope: Scope, indent: int) -> list[str]:
        word = self.r.choice(["BREAK", "CONTINUE"])
        if self.r.chance(80):
            return [f"{self._pad(indent)}IF {self.condition(scope)} THEN {word}"]
        return [f"{self._pad(indent)}{word}"]

    def s_exit(self, scope: Scope, indent: int) -> list[str]:
        proc = scope.proc
        assert proc is not None
        word = f"RESULT {self.expr(scope, proc.returns, 1)}" if proc.returns is not None else "RETURN"
        if self.r.chance(80):
            return [f"{self._pad(indent)}IF {self.condition(scope)} THEN {word}"]
        return [f"{self._pad(indent)}{word}"]

    def s_throw(self, scope: Scope, indent: int) -> list[str]:
        code = self.r.choice(["1", "12", "999", "7"])
        message = self.r.choice(['"boom"', '"bad value"', '""'])
        throw = f"ExceptionThrow({code}, {message})" if self.r.chance(80) else f"ExceptionThrow({code})"
        return [f"{self._pad(indent)}IF {self.condition(scope)} THEN {throw}"]

    def s_try(self, scope: Scope, indent: int) -> list[str]:
        pad = self._pad(indent)
        lines = [f"{pad}WHEN EXCEPTION IN"]
        scope.in_try = True
        scope.blocks.append([])
        risky = self.r.choice([
            lambda: f"{pad}\tTrace({self.expr(scope, NUM, 1)} / {self.r.choice(['0', '(1 - 1)', self.zero(scope)])})",
            lambda: f"{pad}\tExceptionThrow({self.r.choice(['5', '42', '1000'])}, {self.expr(scope, STR, 1)})",
            lambda: f"{pad}\tTrace({self.expr(scope, NUM, 1)} % 0)",
            lambda: f"{pad}\tIF {self.condition(scope)} THEN ExceptionThrow(3, \"maybe\")",
            lambda: f'{pad}\tTrace("no error")',
        ])()
        body = self._statements(scope, indent + 1, self.r.integer(1, 3))
        position = self.r.integer(0, len(body))
        lines += body[:position] + [risky] + body[position:] if _splittable(body, position, indent + 1) else body + [risky]
        scope.blocks.pop()
        scope.in_try = False
        lines.append(f"{pad}DO")
        selector = self.r.choice(["errMessage", "", "errCode"])
        handler = [f'{pad}\tTrace("caught", ExceptionInfo({selector}))']
        if self.r.chance(40):
            handler.append(f"{pad}\tTrace(ExceptionInfo(errCode), ExceptionInfo(errMessage))")
        lines += handler
        lines += self._block(scope, indent + 1, self.r.integer(0, 2))
        if self.r.chance(30):
            lines.append(f"{pad}ELSE")
            lines += self._block(scope, indent + 1, self.r.integer(1, 2))
        lines.append(f"{pad}END")
        return lines

    def zero(self, scope: Scope) -> str:
        candidates = self.vars(scope, (NUM,))
        return self.ref(scope, self.r.choice(candidates)) if candidates else "0"

    def s_call(self, scope: Scope, indent: int) -> list[str]:
        proc = self.r.choice(scope.callable)
        return self._call_statement(scope, indent, proc)

    def _call_statement(self, scope: Scope, indent: int, proc: Proc) -> list[str]:
        self._element_args = []
        call = self.call(scope, proc)
        elements, self._element_args = self._element_args, None
        if call is None:
            return self.s_trace(scope, indent)
        if proc.returns is not None and self.r.chance(50):
            call = f'Trace("{proc.name} gives", {call})'
        if elements:
            # an element passed by reference exists: the interpreter only reads it when the procedure does
            tests = " AND ".join(f"{array}..Count >= 1" for array in dict.fromkeys(elements))
            call = f"IF {tests} THEN {call}"
        return [self._pad(indent) + call]

    def call(self, scope: Scope, proc: Proc) -> str | None:
        """A call with arguments that fit its parameters (mostly variables, so that by-reference passing shows)."""
        if proc.recursive and scope.proc is proc:
            if scope.loops or len(scope.blocks) > 2 or scope.depth_param is None:
                return None
            args = ["Depth - 1"]
        elif proc.recursive:
            args = [self.r.choice(["0", "1", "2", "3"])]
        else:
            args = []
        params = proc.params[1:] if proc.recursive else proc.params
        given = len(params)
        while given > 0 and params[given - 1].default is not None and self.r.chance(50):
            given -= 1
        for param in params[:given]:
            if param.default is not None and self.r.chance(30):
                args.append("*")
                continue
            args.append(self.argument(scope, param))
        return f"{proc.name}({', '.join(args)})"

    def argument(self, scope: Scope, param: Param) -> str:
        if param.kind in (AINT, ASTR):
            arrays = self.vars(scope, (param.kind,)) or self.vars(scope, (AINT, ASTR))
            return self.ref(scope, self.r.choice(arrays)) if arrays else "[1, 2]"
        variables = [v for v in self.vars(scope, (param.kind,) if self.r.chance(75) else SCALARS + (ANY,))
                     if not (v.inferred and param.typed) and v.writable]
        # a let's runtime type decides whether the interpreter shares it, and a CONSTANT passed to a
        # parameter that is written stops the interpreter ("a constant cannot be changed"): both doubts
        if variables and self.r.chance(60):
            return self.ref(scope, self.r.choice(variables))
        if self._element_args is not None and self.r.chance(15):
            arrays = self.vars(scope, (AINT, ASTR))
            if arrays:
                array = self.ref(scope, self.r.choice(arrays))
                self._element_args.append(array)
                return f"{array}[1]"
        value = self.stored_value(scope, param.kind, 1)
        if re.fullmatch(r"\w+\[[^\]]*\]", value):
            # a bare element read is an element passed by reference (see _call_statement): keep those guarded
            return self.r.choice(NUMERIC_STRINGS if param.kind == NUM else STRING_LITERALS)
        return value

    # ------------------------------------------------------------------ expressions

    def vars(self, scope: Scope, kinds: tuple[str, ...]) -> list[Var]:
        return [v for v in scope.visible() if v.kind in kinds]

    def ref(self, scope: Scope, var: Var) -> str:
        """A variable's name as the program writes it this time (identifiers ignore case and accents)."""
        scope.referenced.add(_fold(var.name))
        name = var.name
        if self.r.chance(10):
            name = name.swapcase() if self.r.chance(50) else _fold(name)
        return name

    def condition(self, scope: Scope) -> str:
        return self.expr(scope, BOOL, 0, top=True)

    def expr(self, scope: Scope, kind: str | None, depth: int, top: bool = True) -> str:
        """An expression of ``kind`` (a NUM, STR, BOOL or ANY value), at most ``3 - depth`` levels deep."""
        if top:
            self._str_refs = 1
        if kind is None or kind == ANY:
            kind = self.r.choice(SCALARS)
        return {NUM: self.num, STR: self.text, BOOL: self.boolean}[kind](scope, depth)

    def _leaf_var(self, scope: Scope, kind: str) -> str | None:
        candidates = self.vars(scope, (kind,))
        if kind != STR and self.r.chance(10):
            candidates += self.vars(scope, (ANY,))
        if kind == STR:
            if self._str_refs <= 0:
                return None
            self._str_refs -= 1
        return self.ref(scope, self.r.choice(candidates)) if candidates else None

    def num(self, scope: Scope, depth: int) -> str:
        leaf = depth >= 3
        form = self.r.weighted([
            (4, "literal"), (5, "var"), (1, "real"),
            (0 if leaf else 4, "add"), (0 if leaf else 2, "sub"), (0 if leaf else 2, "mul"), (0 if leaf else 2, "div"),
            (0 if leaf else 1, "mod"), (0 if leaf else 1, "pow"), (0 if leaf else 1, "neg"), (0 if leaf else 2, "mixed"),
            (0 if leaf else 2, "func"), (0 if leaf else 1, "element"), (0 if leaf else 2, "call"), (0 if leaf else 1, "paren"),
        ])
        if form == "literal":
            return self.r.choice(INT_LITERALS)
        if form == "real":
            return self.r.choice(REAL_LITERALS)
        if form == "var":
            return self._leaf_var(scope, NUM) or self.r.choice(INT_LITERALS)
        d = depth + 1
        if form in ("add", "sub"):
            return f"{self.num(scope, d)} {'+' if form == 'add' else '-'} {self.num(scope, d)}"
        if form == "mul":
            return f"{self.num(scope, d)} * {self.r.choice(['2', '3', '-1', '0.5', '10'])}"
        if form == "div":
            divisor = self.r.weighted([(12, self.r.choice(["2", "3", "4", "0.5", "-2"])), (1, self.num(scope, d)),
                                       (1 if scope.in_try else 0, "0")])
            return f"{self.num(scope, d)} {self.r.choice(['/', '/'])} {divisor}"
        if form == "mod":
            return f"{self.num(scope, d)} % {self.r.choice(['2', '3', '-3', '2.5', '0'] if scope.in_try else ['2', '3', '-3', '2.5'])}"
        if form == "pow":
            return f"{self.r.choice(['2', '3', '-2', '1.5', '10'])} ^ {self.r.choice(['0', '1', '2', '3', '-1'])}"
        if form == "neg":
            inner = self.num(scope, 3)
            return f"-{inner}" if self.r.chance(50) and not inner.startswith("-") else f"-({self.num(scope, d)})"
        if form == "mixed":
            return self.r.choice([
                lambda: f"{self.num(scope, d)} + {self.r.choice(NUMERIC_STRINGS)}",
                lambda: f"{self.r.choice(NUMERIC_STRINGS)} * 1",
                lambda: f"{self.num(scope, d)} + {self.text(scope, d)}",
                lambda: f"{self.num(scope, d)} - {self.r.choice(NUMERIC_STRINGS + ['True'])}",
                lambda: f"{self.num(scope, d)} + {self.boolean(scope, 3)}",
            ])()
        if form == "func":
            return self.r.choice([
                lambda: f"Length({self.text(scope, d)})",
                lambda: f"Val({self.text(scope, d)})",
                lambda: f"Position({self.text(scope, d)}, {self.r.choice(NEEDLES)})",
                lambda: f"ArrayCount({self._array_name(scope) or '[1, 2]'})",
            ])()
        if form == "element":
            array = self._array_name(scope, AINT) if self.r.chance(35) else None
            if array is None:
                return self.r.choice(INT_LITERALS)
            return f"{array}[{self.r.choice(['1', '1', '2', f'{array}..Count'])}]"
        if form == "call":
            return self._call_expr(scope, NUM) or self.r.choice(INT_LITERALS)
        return f"({self.num(scope, d)})"

    def _array_name(self, scope: Scope, kind: str | None = None) -> str | None:
        arrays = self.vars(scope, (kind,) if kind else (AINT, ASTR))
        return self.ref(scope, self.r.choice(arrays)) if arrays else None

    def _call_expr(self, scope: Scope, kind: str) -> str | None:
        procs = [p for p in scope.callable if p.returns == kind or (p.returns is not None and self.r.chance(10))]
        if not procs:
            return None
        return self.call(scope, self.r.choice(procs))

    def short_string(self, scope: Scope) -> str:
        if self.r.chance(70):
            return self.r.choice(STRING_LITERALS[:8])
        return self.r.choice([lambda: f"Left({self._bounded(scope, 2)}, 2)", lambda: self.num(scope, 2),
                              lambda: f"NumToString({self.num(scope, 3)})"])()

    def text(self, scope: Scope, depth: int) -> str:
        leaf = depth >= 3
        form = self.r.weighted([
            (4, "literal"), (5, "var"),
            (0 if leaf else 4, "concat"), (0 if leaf else 2, "mixed"), (0 if leaf else 3, "func"),
            (0 if leaf else 2, "substring"), (0 if leaf else 1, "interp"), (0 if leaf else 1, "optional"),
            (0 if leaf else 1, "element"), (0 if leaf else 1, "call"), (0 if leaf else 1, "prefixed"),
        ])
        d = depth + 1
        if form == "literal":
            return self.r.choice(STRING_LITERALS) if self.r.chance(97) else "Null"
        if form == "var":
            return self._leaf_var(scope, STR) or self.r.choice(STRING_LITERALS)
        if form == "concat":
            return f"{self.text(scope, d)} + {self.text(scope, d)}"
        if form == "mixed":
            return self.r.choice([
                lambda: f"{self.text(scope, d)} + {self.num(scope, d)}",
                lambda: f'"n=" + {self.num(scope, d)}',
                lambda: f"{self.text(scope, d)} + {self.boolean(scope, 3)}",
                lambda: f"{self.r.choice(STRING_LITERALS)} + {self.num(scope, d)}",
            ])()
        if form == "func":
            return self.r.choice([
                lambda: f"Upper({self.text(scope, d)})",
                lambda: f"Lower({self.text(scope, d)})",
                lambda: f"NoSpace({self.text(scope, d)})",
                lambda: f"Left({self._bounded(scope, d)}, {self.r.choice(['0', '1', '2', '5'])})",
                lambda: f"Right({self._bounded(scope, d)}, {self.r.choice(['1', '2', '3'])})",
                lambda: f"Middle({self._bounded(scope, d)}, {self.r.choice(['1', '2', '3'])}, {self.r.choice(['1', '2'])})",
                lambda: f"NumToString({self.num(scope, d)})",
                lambda: f"Repeat({self.r.choice(STRING_LITERALS[:5])}, {self.r.choice(['0', '2', '3'])})",
                # the replacement is as long as what it replaces: the text cannot grow
                lambda: f'Replace({self.text(scope, d)}, "a", "b")',
                lambda: f'Complete({self.r.choice(STRING_LITERALS[:5])}, 4, "-")',
            ])()
        if form == "substring":
            target = self._bounded(scope, d)
            return target + self.r.choice(["[[1 TO 2]]", "[[2]]", "[[2 TO]]", "[[TO 2]]", "[[1 ON 3]]", "[[3 TO 1]]", "[[0 TO 2]]"])
        if form == "interp":
            # the expression between [% %] holds no string literal: its quotes would end the string
            inside = self._leaf_var(scope, self.r.choice(SCALARS)) or self.r.choice(INT_LITERALS)
            if self.r.chance(30):
                inside += f" + {self.r.choice(INT_LITERALS[:5])}"
            return f'"<[%{inside}%]>"'
        if form == "optional":
            return f'{self.text(scope, d)} + ["-"] + {self.text(scope, d)}'
        if form == "element":
            array = self._array_name(scope, ASTR) if self.r.chance(35) else None
            if array is None:
                return self.r.choice(STRING_LITERALS)
            return f"{array}[{self.r.choice(['1', '1', '2', f'{array}..Count'])}]"
        if form == "call":
            return self._call_expr(scope, STR) or self.r.choice(STRING_LITERALS)
        target = self._leaf_var(scope, STR)
        if target is None:
            return self.r.choice(STRING_LITERALS)
        return f"{target}.{self.r.choice(['Upper()', 'Lower()', 'Left(2)'])}"

    def _bounded(self, scope: Scope, depth: int) -> str:
        """A string read only in part (Left, substrings): it does not count as a full-length read."""
        saved = self._str_refs
        self._str_refs = 1
        value = self.text(scope, 3 if depth >= 3 else depth)
        self._str_refs = saved
        return value

    def operand(self, scope: Scope, kind: str, depth: int) -> str:
        """An operand of a comparison: comparisons do not chain, so a boolean one is in brackets unless it is a single word."""
        text = self.expr(scope, kind, depth, top=False)
        if kind == BOOL and not text.replace("_", "").isalnum():
            return f"({text})"
        return text

    def boolean(self, scope: Scope, depth: int) -> str:
        leaf = depth >= 3
        form = self.r.weighted([
            (2, "literal"), (2, "var"), (0 if leaf else 6, "compare"), (0 if leaf else 2, "strcmp"),
            (0 if leaf else 2, "interval"), (0 if leaf else 2, "in"), (0 if leaf else 2, "not"), (0 if leaf else 3, "logic"),
            (0 if leaf else 1, "contains"), (0 if leaf else 1, "call"),
        ])
        d = depth + 1
        if form == "literal":
            return self.r.choice(["True", "False"])
        if form == "var":
            return self._leaf_var(scope, BOOL) or self.r.choice(["True", "False"])
        if form == "compare":
            left_kind, right_kind = self.r.weighted([(4, (NUM, NUM)), (3, (STR, STR)), (2, (NUM, STR)), (1, (STR, NUM)),
                                                      (1, (BOOL, BOOL)), (1, (BOOL, NUM))])
            left, right = self.operand(scope, left_kind, d), self.operand(scope, right_kind, d)
            return f"{left} {self.r.choice(COMPARISONS)} {right}"
        if form == "strcmp":
            return f"{self.text(scope, d)} {self.r.choice(STRING_COMPARISONS)} {self.text(scope, d)}"
        if form == "interval":
            kind = self.r.choice([NUM, NUM, STR])
            subject = self.expr(scope, kind, d, top=False)
            if self.r.chance(40):
                return f"{subject} = {self.expr(scope, kind, 3, top=False)} TO {self.expr(scope, kind, 3, top=False)}"
            return (f"{self.expr(scope, kind, 3, top=False)} {self.r.choice(['<', '<='])} {subject} "
                    f"{self.r.choice(['<', '<='])} {self.expr(scope, kind, 3, top=False)}")
        if form == "in":
            kind = self.r.choice([NUM, STR])
            items = ", ".join(self.expr(scope, self.r.choice([kind, kind, NUM, STR]), 3, top=False) for _ in range(self.r.integer(1, 3)))
            return f"{self.expr(scope, kind, d, top=False)} {self.r.choice(['IN', 'IN', 'NOT IN', '_IN_'])} ({items})"
        if form == "not":
            return f"NOT {self.boolean(scope, d)}" if self.r.chance(50) else f"NOT ({self.boolean(scope, d)})"
        if form == "logic":
            op = self.r.choice(["AND", "OR", "_AND_", "_OR_"])
            left, right = self.boolean(scope, d), self.boolean(scope, d)
            if self.r.chance(50):
                return f"({left}) {op} ({right})"
            return f"{left} {op} {right}"
        if form == "contains":
            return f"Contains({self.text(scope, d)}, {self.r.choice(NEEDLES)})"
        return self._call_expr(scope, BOOL) or self.r.choice(["True", "False"])


# ------------------------------------------------------------------------------ helpers


def _writes(line: str, name: str) -> bool:
    """Whether a generated line may write the loop variable ``name`` (then its loop needs a guard): it assigns it or calls a procedure."""
    spellings = f"({re.escape(name)}|{re.escape(_fold(name))})"
    if re.search(rf"(?i)(?<![\w\"]){spellings}(\[\[[^\]]*\]\])?\s*(\+\+|--|\+=|-=|\*=|=(?!=))", line):
        return True
    if re.match(rf"(?i)\s*FOR\b.*\b{spellings}\b", line):
        return True  # an inner FOR or FOR EACH that drives it
    return any(re.search(rf"\b{proc}\(", line) for proc in PROC_NAMES + INTERNAL_NAMES)


def _splittable(body: list[str], position: int, indent: int) -> bool:
    """Whether a line may be inserted before ``body[position]`` without landing inside a block."""
    if position == len(body):
        return True
    line = body[position]
    stripped = line[indent:]
    return not stripped.startswith(("\t", "ELSE", "END", "CASE", "OTHER", "DO"))


# ------------------------------------------------------------------------------ checking a program with both engines


class TooLong(BaseException):
    """A program ran past its time limit: a bug of the generator (a loop without guard) or of an engine.

    A BaseException, so that no ``except Exception`` on the way (an engine's internal-error guard) swallows it.
    """


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise TooLong in the main thread after ``seconds`` (where SIGALRM exists; elsewhere no limit)."""
    if not hasattr(signal, "SIGALRM") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expired(_signum: int, _frame: Any) -> None:
        raise TooLong(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _crash_report(engine: str, exc: BaseException) -> dict[str, Any]:
    """A report standing for an engine that raised instead of reporting (a finding in itself)."""
    text = "".join(traceback.format_exception_only(type(exc), exc)).strip()
    return {"status": f"crash of the {engine}: {text}", "diagnostics": [], "output": [], "error_occurred": False,
            "error_info": "", "messages": []}


def run_both(text: str, outbox: str, path: str = "gen.wl") -> tuple[dict[str, Any], dict[str, Any]]:
    """The run reports of the interpreter and of the faithful transpilation of one program (compiled once)."""
    from wlinterp.pipeline import compile_source, run_compiled, run_transpiled
    from wlinterp.runtime import RunOptions
    from wlinterp.source import Source

    options = RunOptions(outbox=outbox)
    compiled = compile_source(Source(text, path), options)
    reports = []
    for engine, run in (("interpreter", run_compiled), ("transpiled program", run_transpiled)):
        try:
            reports.append(run(compiled, options, io.StringIO()).report())
        except Exception as exc:  # noqa: BLE001 - an engine that raises is what we are looking for
            reports.append(_crash_report(engine, exc))
    return reports[0], reports[1]


def comparable(report: dict[str, Any]) -> dict[str, Any]:
    """What both engines must agree on: the comparison tests/test_transpiler.py makes (status, output, error state)."""
    from .test_transpiler import comparable as agreed

    return agreed(report)


def _shown(report: dict[str, Any]) -> str:
    lines = [f"  status: {report['status']}"]
    lines += [f"  {entry['kind']}: {entry['text']!r}" for entry in report["output"]]
    lines.append(f"  error_occurred: {report['error_occurred']}, error_info: {report['error_info']!r}")
    lines += [f"  {d.get('severity')} line {d.get('line')}: {d.get('message')}" for d in report.get("diagnostics", [])]
    return "\n".join(lines)


def explain(text: str, interpreted: dict[str, Any], transpiled: dict[str, Any], path: str = "gen.wl") -> str:
    """A mismatch, for a person: the program, both reports, and the Python it was transpiled to."""
    import wlinterp

    try:
        python = wlinterp.transpile(text, path=path)
    except Exception as exc:  # noqa: BLE001
        python = f"(cannot transpile: {exc!r})"
    numbered = "\n".join(f"{number:4} | {line}" for number, line in enumerate(text.splitlines(), 1))
    return (f"the engines disagree on this program:\n{numbered}\n\n"
            f"interpreter:\n{_shown(interpreted)}\n\ntranspiled program:\n{_shown(transpiled)}\n\n"
            f"the Python ({path}):\n{python}")


def generate(chooser: Chooser) -> str:
    """One program, from these choices."""
    return ProgramGenerator(chooser).program()


@st.composite
def programs(draw: Callable[[Any], Any]) -> str:
    """A hypothesis strategy: the text of a random well-formed WLanguage program."""
    return generate(DrawChooser(draw))
