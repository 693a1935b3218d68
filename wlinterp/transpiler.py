"""Writes a checked program as a readable Python module that runs as the interpreter does (the faithful style), one method per AST node kind.

The generated module keeps the program's names and comments, puts each PROCEDURE in a
``def`` and the main code in ``main()``, and calls ``wlinterp.semantics`` wherever WinDev and
Python differ and the static types leave a doubt: two integers add with ``+``, a FOR over
integer bounds is a ``range``, but adding a string to an unknown value is ``sem.add``.
Built-ins and the email library are reached through the same registry the interpreter uses
(``wl.Trace``, ``wl.call(session, "StartSession")``), so the two cannot drift apart.
"""

from __future__ import annotations

import builtins
import keyword
import math
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from . import nodes as n
from . import ranges
from . import semantics as sem
from .directives import compile_condition
from .errors import Diagnostic, WLRuntimeError
from .pyformat import INDENT, LINE_LENGTH, PyFormatter, py_string
from .pyrt import type_spec
from .registry import REGISTRY, Builtin, Member, TypeInfo
from .runtime import RunOptions
from .source import Span, ident_key

__all__ = ["TranspileError", "Transpiled", "transpile_program"]

SIMPLE = {"int", "real", "numeric", "currency", "string", "boolean", "buffer"}
NUMERIC = {"int", "real", "numeric", "currency"}
_ANNOTATIONS = {"int": "int", "string": "str", "boolean": "bool"}
# names the generated module itself uses
_RESERVED = {"wl", "sem", "Ref", "DEFAULT", "Program", "main", "sys"}
# ruff's default rules flag these as ambiguous names (E741)
_AMBIGUOUS = {"l", "O", "I"}
_PY_RETURN_TYPES = {"int": "int", "str": "string", "bool": "boolean"}


class TranspileError(Exception):
    """The program uses something the transpiler cannot write faithfully: diagnostics say what and where."""

    def __init__(self, diagnostics: list[Diagnostic]):
        super().__init__("; ".join(d.message for d in diagnostics))
        self.diagnostics = diagnostics


@dataclass
class Transpiled:
    """The Python text, and the diagnostics met on the way (warnings only when it succeeded)."""

    text: str
    diagnostics: list[Diagnostic] = field(default_factory=list)


# ------------------------------------------------------------------------------ symbols


@dataclass(eq=False)
class Symbol:
    """A WLanguage variable, constant or parameter, and how the Python module holds it."""

    name: str
    kind: str  # variable | constant | parameter | loop | let | placeholder
    fn: Function | None  # None: a module-level (shared) name
    type: n.TypeRef | None = None
    py: str = ""
    shared: bool = False  # main-code variable used by a procedure: a module global
    boxed: bool = False  # held in a Ref: passed by reference to a procedure that writes it
    written_param: bool = False  # a parameter the procedure writes: it receives a Ref
    local: bool = False  # a LOCAL parameter
    read: bool = False  # named anywhere (read or written)
    value_read: bool = False  # its value is read somewhere (not only assigned)
    let_type: str | None = None  # for let: the static type of its first value
    # a loop variable's value types, one per loop that sets it (None: unknown); one sure type makes it static
    loop_types: set[str | None] = field(default_factory=set)
    # a FOR EACH stores its values as they are (no conversion): a declared type no longer says what it holds
    unsure: bool = False
    # an undeclared loop variable that a FOR EACH sets (it may go through nothing); while the analysis runs it
    # has no sure type, until it is known whether it is read where no pass may have set it
    each_bound: bool = False
    maybe_empty: bool = False

    @property
    def type_name(self) -> str | None:
        if self.type is not None:
            return self.type.name if self.type.kind == "simple" else type_spec(self.type)
        return self.let_type

    @property
    def cell_type(self) -> str:
        """The type name the interpreter's Cell carries (what by-reference passing compares)."""
        if self.kind in ("variable", "parameter", "constant") and self.type is not None:
            return self.type.name
        if self.kind == "let":
            return self.let_type or ""
        return ""

    @property
    def is_ref(self) -> bool:
        return self.boxed or self.written_param


@dataclass(eq=False)
class Function:
    """The main code or a procedure: its symbols in declaration order and what it touches."""

    node: n.Procedure | None
    parent: Function | None = None
    symbols: dict[str, Symbol] = field(default_factory=dict)
    params: list[Symbol] = field(default_factory=list)
    internal: list[Function] = field(default_factory=list)
    # module-level names it assigns (needs ``global``) and enclosing names it assigns (``nonlocal``)
    globals_written: set[str] = field(default_factory=set)
    nonlocals_written: set[str] = field(default_factory=set)
    declare_global: bool = False

    @property
    def name(self) -> str:
        return self.node.name if self.node is not None else "main"


# ------------------------------------------------------------------------------ the transpiler


class _Analysis:
    """Who declares what, who reads and writes what, and which parameters are written (so shared by reference)."""

    def __init__(self, program: n.Program, lenient: bool):
        self.program = program
        self.lenient = lenient
        self.main = Function(None)
        self.functions: dict[int, Function] = {}
        self.procedures: dict[str, n.Procedure] = {ident_key(p.name): p for p in program.procedures}
        self.module: dict[str, Symbol] = {}  # shared names, by key
        self.placeholders: list[Symbol] = []
        # each Name node resolved: id(node) -> Symbol
        self.resolved: dict[int, Symbol] = {}
        # procedure resolution of a call: id(Call) -> (Function of callee)
        self.calls: dict[int, Function] = {}
        self.writes: dict[int, list[Symbol]] = {}  # id(Function) -> symbols written (rebound) in it
        self.by_ref_args: list[tuple[Function, n.Call, Function]] = []
        self._typing: set[int] = set()  # procedures whose result type is being worked out (recursion)
        self._results: dict[int, str | None] | None = None  # result types, once the analysis has run
        self.loop_symbols: list[Symbol] = []  # variables a loop brings into being (undeclared loop variables)
        # by function: those that must exist from its start, as the interpreter's cell does (see loop_inits_needed)
        self.loop_inits: dict[int, list[Symbol]] = {}
        self._assumed: dict[int, str] = {}
        # by function: the variables of other functions (ids of Symbols) it or its callees may rebind
        self.reach: dict[int, set[int]] = {}
        self._uses: dict[int, str] | None = None  # see array_uses
        self._one_based: dict[int, bool] = {}  # see one_based
        self._standing: dict[int, set[int]] = {}  # see _stands_for

    # ------------------------------------------------------------------ building

    def run(self) -> None:
        self.functions[id(None)] = self.main
        for procedure in self.program.procedures:
            self.functions[id(procedure)] = Function(procedure)
        self._internal(self.main, self.program.body)
        for procedure in self.program.procedures:
            self._internal(self.functions[id(procedure)], procedure.body)
        self._walk_function(self.main)
        for procedure in self.program.procedures:
            self._walk_function(self.functions[id(procedure)])
        self._settle_references()
        self._spread_unsure()
        self.loop_inits_needed()
        self._results = {}  # from here on what a procedure returns no longer changes: worked out once

    def _internal(self, fn: Function, body: n.Block) -> None:
        for procedure in n.internal_procedures(body):
            inner = Function(procedure, parent=fn)
            self.functions[id(procedure)] = inner
            fn.internal.append(inner)
            self._internal(inner, procedure.body)

    def _walk_function(self, fn: Function) -> None:
        if fn.node is not None:
            for param in fn.node.params:
                if param.variadic:
                    continue
                symbol = Symbol(param.name, "parameter", fn, param.type, local=param.local)
                fn.symbols[ident_key(param.name)] = symbol
                fn.params.append(symbol)
                if param.default is not None:
                    self._expr(param.default, fn)
        body = fn.node.body if fn.node is not None else self.program.body
        self._block(body, fn)
        for inner in fn.internal:
            self._walk_function(inner)

    def _declare(self, name: str, kind: str, fn: Function, type_ref: n.TypeRef | None = None) -> Symbol:
        key = ident_key(name)
        if fn.declare_global and fn is not self.main:
            symbol = Symbol(name, kind, None, type_ref, shared=True)
            self.module[key] = symbol
            self.main.symbols.setdefault(key, symbol)
            return symbol
        symbol = Symbol(name, kind, fn, type_ref)
        fn.symbols[key] = symbol
        return symbol

    def lookup(self, name: str, fn: Function) -> Symbol | None:
        key = ident_key(name)
        scope: Function | None = fn
        while scope is not None:
            if key in scope.symbols:
                return scope.symbols[key]
            scope = scope.parent
        if key in self.main.symbols:
            return self.main.symbols[key]
        return self.module.get(key)

    def find_procedure(self, name: str, fn: Function) -> Function | None:
        key = ident_key(name)
        scope: Function | None = fn
        while scope is not None:
            for inner in scope.internal:
                if ident_key(inner.name) == key:
                    return inner
            scope = scope.parent
        for inner in self.main.internal:
            if ident_key(inner.name) == key:
                return inner
        procedure = self.procedures.get(key)
        return self.functions[id(procedure)] if procedure is not None else None

    # ------------------------------------------------------------------ statements

    def _block(self, block: n.Block, fn: Function) -> None:
        for stmt in block:
            self._stmt(stmt, fn)

    def _read_outside(self, block: n.Block, symbol: Symbol) -> bool:
        """Whether the variable is read other than in the body of a loop that sets it first (internal procedures included)."""
        for stmt in block:
            if isinstance(stmt, n.Procedure):
                if self._read_outside(stmt.body, symbol):
                    return True
                continue
            for expr in n.statement_exprs(stmt):
                if any(isinstance(node, n.Name) and self.resolved.get(id(node)) is symbol for node in n.walk_expr(expr)):
                    return True
            if isinstance(stmt, (n.For, n.ForEach, n.ForEachString)):
                names = stmt.names if isinstance(stmt, n.ForEach) else (stmt.var,)
                if any(ident_key(name) == ident_key(symbol.name) for name in names):
                    continue  # its body reads the value this loop just gave the variable
            if any(self._read_outside(inner, symbol) for inner in n.blocks_of(stmt)):
                return True
        return False

    def _stmt(self, stmt: Any, fn: Function) -> None:
        if isinstance(stmt, n.Declare):
            if stmt.init is not None:
                self._expr(stmt.init, fn)
            for name in stmt.names:
                self._declare(name, "variable", fn, stmt.type)
        elif isinstance(stmt, n.Let):
            self._expr(stmt.value, fn)
            symbol = self._declare(stmt.name, "let", fn)
            symbol.let_type = self.static_type(stmt.value, fn)
            source = self.resolved.get(id(stmt.value)) if isinstance(stmt.value, n.Name) else None
            if source is not None and source.cell_type in sem.CONVERSIONS:
                symbol.let_type = source.cell_type  # let x = Total: the type Total was declared with, as the interpreter
            elif symbol.let_type in ("real", "numeric", "currency"):
                symbol.let_type = None  # a real that holds a whole number is stored as one: the interpreter then says int
            if symbol.let_type is None:
                # its type is known when it runs: a Ref keeps it (2.5 then 2 is still a real, which 2 alone does not say)
                symbol.boxed = True
        elif isinstance(stmt, n.Assign):
            self._expr(stmt.value, fn)
            self._target(stmt.target, fn, reads=stmt.op != "=")
        elif isinstance(stmt, n.IncDec):
            self._target(stmt.target, fn, reads=True)
        elif isinstance(stmt, n.ExprStmt):
            self._expr(stmt.expr, fn)
        elif isinstance(stmt, n.If):
            for condition, body in stmt.branches:
                self._expr(condition, fn)
                self._block(body, fn)
            if stmt.orelse is not None:
                self._block(stmt.orelse, fn)
        elif isinstance(stmt, n.Switch):
            self._expr(stmt.subject, fn)
            for case in stmt.cases:
                for value in case.values:
                    self._expr(value.value, fn)
                    if value.high is not None:
                        self._expr(value.high, fn)
                self._block(case.body, fn)
            if stmt.default is not None:
                self._block(stmt.default, fn)
        elif isinstance(stmt, n.For):
            step_ok = stmt.step is None or _int_literal(stmt.step) is not None or self.static_type(stmt.step, fn) == "int"
            self._loop_var(stmt.var, fn, stmt, "int" if step_ok and self.static_type(stmt.start, fn) == "int" else None)
            for part in (stmt.start, stmt.stop, stmt.step):
                if part is not None:
                    self._expr(part, fn)
            self._block(stmt.body, fn)
        elif isinstance(stmt, n.ForEach):
            self._expr(stmt.iterable, fn)
            element = self.element_type(stmt.iterable, fn)
            kinds = [element, "int"] if (self.static_type(stmt.iterable, fn) or "").startswith("array") else [element]
            for position, name in enumerate(stmt.names):
                self._loop_var(name, fn, stmt, kinds[position] if position < len(kinds) else None)
            self._block(stmt.body, fn)
        elif isinstance(stmt, n.ForEachString):
            self._expr(stmt.source, fn)
            self._expr(stmt.separator, fn)
            self._loop_var(stmt.var, fn, stmt, "string")
            self._block(stmt.body, fn)
        elif isinstance(stmt, n.While):
            self._expr(stmt.condition, fn)
            self._block(stmt.body, fn)
        elif isinstance(stmt, n.Loop):
            if stmt.count is not None:
                self._expr(stmt.count, fn)
            self._block(stmt.body, fn)
        elif isinstance(stmt, n.Result):
            if stmt.value is not None:
                self._expr(stmt.value, fn)
        elif isinstance(stmt, n.Try):
            for block in (stmt.body, stmt.handler, stmt.orelse):
                if block is not None:
                    self._block(block, fn)
        elif isinstance(stmt, n.ConstantBlock):
            for constant in stmt.constants:
                self._expr(constant.value, fn)
                self._declare(constant.name, "constant", fn)
        elif isinstance(stmt, n.Scope):
            fn.declare_global = stmt.kind == "GLOBAL"
            if stmt.declaration is not None:
                self._stmt(stmt.declaration, fn)
        elif isinstance(stmt, n.CompileIf):
            chosen = self.compiled_branch(stmt)
            if chosen is not None:
                self._block(chosen, fn)

    @staticmethod
    def compiled_branch(stmt: n.CompileIf) -> n.Block | None:
        """The branch a <COMPILE IF> keeps, for the default configuration (a Windows executable)."""
        return stmt.body if compile_condition(stmt.condition, RunOptions()) else stmt.orelse

    def _loop_var(self, name: str, fn: Function, loop: Any, kind: str | None = None) -> None:
        symbol = self.lookup(name, fn)
        if symbol is None:
            symbol = self._declare(name, "loop", fn)
            self.loop_symbols.append(symbol)
        if symbol.kind == "loop" and not isinstance(loop, n.For):
            symbol.each_bound = symbol.maybe_empty = True
        elif not isinstance(loop, n.For) and symbol.kind != "loop" and (kind is None or kind != symbol.type_name):
            symbol.unsure = True  # the interpreter's FOR EACH sets the cell without converting to its type
        self._written(symbol, fn, kind)

    def loop_inits_needed(self) -> None:
        """Which undeclared loop variables must exist from the start of their function, and which then lose their sure type.

        The interpreter creates the variable (empty) when the first loop that sets it starts,
        before any pass: after a FOR EACH over an empty array it is empty, not unset, and a
        variable handed by reference to a procedure needs its Ref before the first pass. Reads
        that no loop could have reached first are compile errors, so creating it when the
        function starts gives the same values (a FOR always sets it: it alone needs nothing).
        """
        for symbol in self.loop_symbols:
            body = symbol.fn.node.body if symbol.fn is not None and symbol.fn.node is not None else self.program.body
            # a variable of the main code that procedures share may be read in any of them
            bodies = [body] + ([f.node.body for f in self.functions.values() if f.node is not None] if symbol.shared else [])
            empty_possible = symbol.each_bound and any(self._read_outside(b, symbol) for b in bodies)
            if symbol.is_ref or empty_possible:
                self.loop_inits.setdefault(id(symbol.fn), []).append(symbol)
                if not symbol.is_ref:
                    symbol.loop_types.add(None)  # it may hold nothing: no sure type
            symbol.maybe_empty = False

    def _written(self, symbol: Symbol, fn: Function, kind: str | None = None) -> None:
        """``symbol`` is rebound in ``fn``; ``kind`` is the type a loop stores in it (None for any other write)."""
        self.writes.setdefault(id(fn), []).append(symbol)
        symbol.loop_types.add(kind)
        if symbol.fn is not fn:
            if symbol.fn is None or symbol.fn is self.main:
                if fn is not self.main:
                    self._share(symbol)
                fn.globals_written.add(ident_key(symbol.name))
            else:
                fn.nonlocals_written.add(ident_key(symbol.name))

    def _share(self, symbol: Symbol) -> None:
        if not symbol.shared:
            symbol.shared = True
            self.module[ident_key(symbol.name)] = symbol

    def _target(self, target: Any, fn: Function, reads: bool) -> None:
        if isinstance(target, n.Name):
            symbol = self._resolve(target, fn, reading=reads)
            if symbol is not None:
                self._written(symbol, fn)
                if not reads:
                    return
            return
        if isinstance(target, n.Member):
            self._expr(target.target, fn)
            if isinstance(target.target, n.Name) and self.static_type(target.target, fn) is None:
                # an empty variant written through becomes a dynamic object: the variable is rebound
                symbol = self.resolved.get(id(target.target))
                if symbol is not None:
                    self._written(symbol, fn)
        elif isinstance(target, n.Index):
            self._expr(target.target, fn)
            self._expr(target.index, fn)
        elif isinstance(target, n.Substring):
            self._expr(target, fn)
            self._target(target.target, fn, reads=True)
        else:
            self._expr(target, fn)

    # ------------------------------------------------------------------ expressions

    def _resolve(self, expr: n.Name, fn: Function, reading: bool = True) -> Symbol | None:
        symbol = self.lookup(expr.name, fn)
        if symbol is None:
            if REGISTRY.lookup(expr.name) is not None:
                return None
            if not self.lenient:
                return None
            symbol = Symbol(expr.name, "placeholder", None, shared=True)
            self.module[ident_key(expr.name)] = symbol
            self.main.symbols[ident_key(expr.name)] = symbol
            self.placeholders.append(symbol)
        self.resolved[id(expr)] = symbol
        symbol.read = True
        symbol.value_read = symbol.value_read or reading
        if symbol.fn is not fn and symbol.fn is not None and symbol.fn is self.main and fn is not self.main:
            self._share(symbol)
        return symbol

    def _expr(self, expr: Any, fn: Function) -> None:
        if isinstance(expr, n.Name):
            self._resolve(expr, fn)
            return
        if isinstance(expr, n.Call):
            callee = expr.callee
            if isinstance(callee, n.Name):
                target = self.find_procedure(callee.name, fn)
                if target is not None:
                    self.calls[id(expr)] = target
                    self.by_ref_args.append((fn, expr, target))
                elif REGISTRY.lookup(callee.name) is None and self.lookup(callee.name, fn) is not None:
                    self._resolve(callee, fn)
            else:
                self._expr(callee, fn)
            for arg in expr.args:
                self._expr(arg, fn)
            return
        for child in n.children(expr):
            self._expr(child, fn)

    # ------------------------------------------------------------------ by reference

    def _settle_references(self) -> None:
        """Which parameters are written (directly or by passing them on by reference), and which variables need a Ref."""
        for fn in self.functions.values():
            for symbol in self.writes.get(id(fn), []):
                if symbol.kind == "parameter" and not symbol.local and symbol.fn is not None:
                    symbol.written_param = True
        for _caller, call, callee in self.by_ref_args:
            for param, arg in zip(self._params(callee), call.args):
                # an element handed to an untyped parameter is read where the procedure uses it, as the array is then
                if param is not None and param.type is None and not param.local and isinstance(arg, n.Index):
                    param.written_param = True
        changed = True
        while changed:
            changed = False
            self.reach = reach = self._writes_reachable()
            for _caller, call, callee in self.by_ref_args:
                for param, arg in zip(self._params(callee), call.args):
                    if param is None or not param.written_param or not isinstance(arg, n.Name):
                        continue
                    symbol = self.resolved.get(id(arg))
                    if symbol is None or not self.shares(param, symbol):
                        continue
                    if symbol.kind == "parameter" and not symbol.local and not symbol.written_param:
                        symbol.written_param = True
                        changed = True
            for _caller, call, callee in self.by_ref_args:
                if self._aliases_change(call, callee, reach.get(id(callee), set())):
                    changed = True
        for _caller, call, callee in self.by_ref_args:
            for param, arg in zip(self._params(callee), call.args):
                if param is None or not param.written_param or not isinstance(arg, n.Name):
                    continue
                symbol = self.resolved.get(id(arg))
                if symbol is not None and not symbol.written_param and self.shares(param, symbol):
                    symbol.boxed = True

    def fixed_size(self, symbol: Symbol) -> int | None:
        """The size of an array that keeps at least its declared size: declared once with a size, local to its
        function, and only ever indexed (never passed, rebound, looped over or resized). None otherwise."""
        declared = symbol.type
        if self.array_uses(symbol) != "indexed" or declared is None or declared.size is None:
            return None
        return declared.size

    def one_based(self, symbol: Symbol) -> bool:
        """A fixed array of simple values, only indexed, whose elements are never handed to a procedure: it can be a
        Python list of its own, indexed from 1 like the array (position 0 unused)."""
        if id(symbol) not in self._one_based:
            self._one_based[id(symbol)] = self._is_one_based(symbol)
        return self._one_based[id(symbol)]

    def _is_one_based(self, symbol: Symbol) -> bool:
        element = symbol.type.element if symbol.type is not None else None
        if self.fixed_size(symbol) is None or element is None or element.kind != "simple" or element.name not in SIMPLE:
            return False
        key = ident_key(symbol.name)
        for fn in self.functions.values():
            body = fn.node.body if fn.node is not None else self.program.body
            for stmt in n.walk(body):
                for expr in n.statement_exprs(stmt):
                    for node in n.walk_expr(expr):
                        if isinstance(node, n.Call) and id(node) in self.calls and any(
                                isinstance(arg, n.Index) and isinstance(arg.target, n.Name)
                                and ident_key(arg.target.name) == key for arg in node.args):
                            return False  # an element may be shared by reference: it needs the array
        return True

    def array_uses(self, symbol: Symbol) -> str | None:
        """How a local array that keeps its list is used: ``indexed`` only, or also counted and appended to
        (``grows``); None for any other array or use (passed, rebound, looped over, shrunk, declared twice)."""
        if self._uses is None:
            self._uses = self._array_uses()
        return self._uses.get(id(symbol))

    def _array_uses(self) -> dict[int, str]:
        """array_uses for every array of the program, in one walk over it."""
        candidates: dict[str, list[Symbol]] = {}
        for fn in self.functions.values():
            for symbol in fn.symbols.values():
                declared = symbol.type
                if (symbol.kind == "variable" and not symbol.shared and not symbol.is_ref and symbol.fn is not None
                        and declared is not None and declared.kind == "array" and declared.element is not None):
                    candidates.setdefault(ident_key(symbol.name), []).append(symbol)
        uses = {id(symbol): "indexed" for symbols in candidates.values() for symbol in symbols}
        declarations: dict[int, int] = {}
        for fn in self.functions.values():
            body = fn.node.body if fn.node is not None else self.program.body
            for stmt in n.walk(body):
                self._array_statement(stmt, fn, candidates, uses, declarations)
        return {key: use for key, use in uses.items() if use and declarations.get(key) == 1}

    def _array_statement(self, stmt: Any, fn: Function, candidates: dict[str, list[Symbol]], uses: dict[int, str],
                         declarations: dict[int, int]) -> None:
        looped: list[str] = []
        if isinstance(stmt, n.Declare):
            for name in stmt.names:
                symbol = self.lookup(name, fn)
                if symbol is not None and id(symbol) in uses and fn is symbol.fn:
                    declarations[id(symbol)] = declarations.get(id(symbol), 0) + 1
                    if stmt.init is not None or stmt.by_reference:
                        uses[id(symbol)] = ""
        elif isinstance(stmt, (n.For, n.ForEachString)):
            looped = [stmt.var]
        elif isinstance(stmt, n.ForEach):
            looped = list(stmt.names)
        for name in looped:  # a loop over a name of an array, wherever it is: that array is left alone
            for symbol in candidates.get(ident_key(name), []):
                uses[id(symbol)] = ""
        for expr in n.statement_exprs(stmt):
            names = [node for node in n.walk_expr(expr) if isinstance(node, n.Name) and ident_key(node.name) in candidates]
            if not names:
                continue
            indexed, appended = self._array_places(expr, fn)
            for node in names:
                symbol = self.resolved.get(id(node)) or self.lookup(node.name, fn)
                if symbol is None or not uses.get(id(symbol)):
                    continue
                if id(node) in appended:
                    uses[id(symbol)] = "grows"
                elif id(node) not in indexed:
                    uses[id(symbol)] = ""

    def _array_places(self, expr: Any, fn: Function) -> tuple[set[int], set[int]]:
        """The ids of the nodes of an expression that stand where an array is only indexed, and where it is only
        counted or appended to (``t.Count``, ``t.Add(x)``, ``ArrayAdd(t, x)``, ``ArrayCount(t)``)."""
        indexed: set[int] = set()
        appended: set[int] = set()
        methods: set[int] = set()
        for node in n.walk_expr(expr):
            if isinstance(node, n.Index):
                indexed.add(id(node.target))
            elif isinstance(node, n.Call) and isinstance(node.callee, n.Member):
                member = self.member(node.callee, fn)
                methods.add(id(node.callee))
                if member is not None and member.grows:
                    appended.add(id(node.callee.target))
            elif isinstance(node, n.Call) and isinstance(node.callee, n.Name) and id(node) not in self.calls:
                entry = REGISTRY.lookup(node.callee.name) if self.lookup(node.callee.name, fn) is None else None
                if entry is not None and entry.grows and node.args:
                    appended.add(id(node.args[0]))
                elif entry is not None and entry.python is not None and not entry.changes_argument:
                    appended.update(id(arg) for arg in node.args)  # a plain Python form reads its arguments
            elif isinstance(node, n.Member) and id(node) not in methods:
                member = self.member(node, fn)
                if member is not None and member.kind == "property":
                    appended.add(id(node.target))
        return indexed, appended

    def _spread_unsure(self) -> None:
        """A parameter that is the caller's variable holds what that variable holds: an unsure type stays unsure."""
        changed = True
        while changed:
            changed = False
            for _caller, call, callee in self.by_ref_args:
                for param, arg in zip(self._params(callee), call.args):
                    if param is None or param.unsure or not isinstance(arg, n.Name):
                        continue
                    symbol = self.resolved.get(id(arg))
                    if symbol is not None and symbol.unsure and self.shares(param, symbol):
                        param.unsure = changed = True

    def _writes_reachable(self) -> dict[int, set[int]]:
        """For each function, the variables of other functions (ids of Symbols) it or anything it calls may rebind."""
        direct = {id(fn): {id(s) for s in self.writes.get(id(fn), []) if s.fn is not fn} for fn in self.functions.values()}
        calls: dict[int, set[int]] = {}
        for caller, call, callee in self.by_ref_args:
            calls.setdefault(id(caller), set()).add(id(callee))
            # handing another function's variable to a parameter the callee writes rebinds it too
            for param, arg in zip(self._params(callee), call.args):
                if param is not None and param.written_param and isinstance(arg, n.Name):
                    symbol = self.resolved.get(id(arg))
                    if symbol is not None and symbol.fn is not caller and self.shares(param, symbol):
                        direct[id(caller)].add(id(symbol))
        return _closure(direct, calls)

    def _aliases_change(self, call: n.Call, callee: Function, rebound: set[int]) -> bool:
        """Parameters that must share the caller's variable through a Ref although the procedure never writes them.

        A parameter passed by reference is the caller's variable: when that variable changes during
        the call (a global the procedure or its callees assign, or the same variable passed again to
        a parameter that is written), reading the parameter shows the change. Returns whether one
        parameter was newly marked.
        """
        marked = False
        by_symbol: dict[int, list[Symbol]] = {}
        for param, arg in zip(self._params(callee), call.args):
            if param is None or param.local or not isinstance(arg, n.Name):
                continue
            symbol = self.resolved.get(id(arg))
            if symbol is None or not self.shares(param, symbol):
                continue
            by_symbol.setdefault(id(symbol), []).append(param)
            if not param.written_param and ({id(symbol)} | self._stands_for(symbol)) & rebound:
                param.written_param = marked = True
        for params in by_symbol.values():
            if len(params) > 1 and any(p.written_param for p in params):
                for param in params:
                    if not param.written_param:
                        param.written_param = marked = True
        return marked

    def _stands_for(self, symbol: Symbol) -> set[int]:
        """The variables (Symbol ids) a parameter may be, through the calls that share one with it, at any depth."""
        if not self._standing:
            self._standing = self._standing_all()
        return self._standing.get(id(symbol), set())

    def _standing_all(self) -> dict[int, set[int]]:
        direct: dict[int, set[int]] = {}  # parameter -> the variables calls share with it (their ids)
        for _caller, call, callee in self.by_ref_args:
            for param, arg in zip(self._params(callee), call.args):
                if param is None or param.local or not isinstance(arg, n.Name):
                    continue
                passed = self.resolved.get(id(arg))
                if passed is not None and self.shares(param, passed):
                    direct.setdefault(id(param), set()).add(id(passed))
        standing = _closure(direct, direct)  # what a parameter passed on stands for, it stands for too
        standing[0] = set()  # computed, even when nothing stands for anything
        return standing

    @staticmethod
    def shares(param: Symbol, argument: Symbol) -> bool:
        """Whether the interpreter may pass this variable by reference to this parameter.

        An untyped parameter stands for whatever its caller passed: a variable of any type may be behind it.
        """
        return param.type is None or argument.cell_type == param.type.name or _untyped_reference(argument)

    def _params(self, fn: Function) -> list[Symbol | None]:
        assert fn.node is not None
        by_name = {ident_key(p.name): p for p in fn.params}
        return [None if p.variadic else by_name.get(ident_key(p.name)) for p in fn.node.params]

    # ------------------------------------------------------------------ static types

    def static_type(self, expr: Any, fn: Function) -> str | None:
        """What the value is sure to be: int, real, string, boolean, a type name … or None when unknown."""
        if isinstance(expr, n.Number):
            return "real" if isinstance(expr.value, float) else "int"
        if isinstance(expr, (n.String, n.Interpolated, n.OptionalConcat)):
            return "string"
        if isinstance(expr, (n.Boolean, n.Compare, n.Logical, n.Not, n.Interval, n.InRange, n.InList)):
            return "boolean"
        if isinstance(expr, n.Name):
            symbol = self.resolved.get(id(expr)) or self.lookup(expr.name, fn)
            if symbol is not None:
                if (symbol.kind == "parameter" and symbol.type is None) or symbol.unsure or symbol.maybe_empty:
                    return None
                if symbol.kind == "loop":
                    kinds = symbol.loop_types
                    return next(iter(kinds)) if len(kinds) == 1 and not symbol.is_ref else None
                return symbol.type_name
            entry = REGISTRY.lookup(expr.name)
            if entry is not None and entry.kind == "constant":
                return _value_type(entry.value)
            return None
        if isinstance(expr, n.Binary):
            left, right = self.static_type(expr.left, fn), self.static_type(expr.right, fn)
            if expr.op == "+" and left == "string":
                return "string"
            if expr.op in "+-*%" and left == right == "int":
                return "int"
            return None
        if isinstance(expr, n.Negate):
            return "int" if self.static_type(expr.operand, fn) == "int" else None
        if isinstance(expr, n.Call) and isinstance(expr.callee, n.Name):
            if id(expr) in self.calls:
                return self.result_type(self.calls[id(expr)])
            entry = REGISTRY.lookup(expr.callee.name)
            if entry is not None and entry.kind == "function":
                return _return_type(entry)
            return None
        if isinstance(expr, n.Member):
            member = self.member(expr, fn)
            return member.type if member is not None and member.kind == "property" else None
        if isinstance(expr, n.Index):
            container = self.static_type(expr.target, fn)
            if container == "string":
                return "string"
            if container is not None and container.startswith(("array of ", "associative array of ")):
                element = container.split(" of ", 1)[1]
                parts = element.split(" ", 1)
                element = parts[1] if parts[0].isdigit() and len(parts) > 1 else element
                return element if element in SIMPLE else None
            return None
        if isinstance(expr, n.Substring):
            return "string" if self.static_type(expr.target, fn) == "string" else None
        return None

    def result_type(self, fn: Function) -> str | None:
        """What a procedure surely returns: every path ends in RESULT with values of one simple type."""
        if self._results is not None and not self._typing:
            if id(fn) not in self._results:
                self._results[id(fn)] = self._result_type(fn)
            return self._results[id(fn)]
        return self._result_type(fn)

    def _result_type(self, fn: Function) -> str | None:
        if fn.node is None:
            return None
        if id(fn) in self._typing:
            return self._assumed.get(id(fn))  # a recursive call: what the other paths say, once known
        body = fn.node.body
        if not body or not isinstance(body[-1], n.Result) or body[-1].value is None:
            return None
        results = [stmt for stmt in n.walk(body) if isinstance(stmt, (n.Result, n.Return))]
        if any(isinstance(stmt, n.Return) or stmt.value is None for stmt in results):
            return None
        self._typing.add(id(fn))
        try:
            # first the paths that do not recurse, then all of them with that type assumed for the recursion
            base = {self.static_type(stmt.value, fn) for stmt in results if not self._recurses(stmt.value, fn)}  # type: ignore[union-attr]
            kind = base.pop() if len(base) == 1 else None
            if kind not in SIMPLE:
                return None
            self._assumed[id(fn)] = kind
            kinds = {self.static_type(stmt.value, fn) for stmt in results}  # type: ignore[union-attr]
        finally:
            self._typing.discard(id(fn))
            self._assumed.pop(id(fn), None)
        return kind if kinds == {kind} else None

    def _recurses(self, expr: Any, fn: Function) -> bool:
        return any(isinstance(node, n.Call) and self.calls.get(id(node)) is fn for node in n.walk_expr(expr))

    def element_type(self, expr: Any, fn: Function) -> str | None:
        """The element type of an array of a simple type (what FOR EACH gives its variable)."""
        container = self.static_type(expr, fn)
        if container is None or not container.startswith("array of "):
            return None
        element = container[len("array of "):]
        size, _, rest = element.partition(" ")
        element = rest if size.isdigit() and rest else element
        return element if element in SIMPLE else None

    def owner_info(self, expr: Any, fn: Function) -> TypeInfo | None:
        kind = self.static_type(expr, fn)
        if kind is None:
            if isinstance(expr, n.Name) and expr.name and self.lookup(expr.name, fn) is None:
                entry = REGISTRY.lookup(expr.name)
                if entry is not None and entry.kind == "variable" and entry.holds is not None:
                    return REGISTRY.type_info(entry.holds)
            return None
        if kind.startswith("array of"):
            return REGISTRY.type_info("array")
        if kind.startswith("associative array of"):
            return REGISTRY.type_info("associative array")
        return REGISTRY.type_info(kind)

    def member(self, expr: n.Member, fn: Function) -> Member | None:
        info = self.owner_info(expr.target, fn)
        return info.member(expr.name) if info is not None and info.python_class is not None else None


def _value_type(value: Any) -> str | None:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "int"
    if isinstance(value, str):
        return "string"
    return None


_RETURN_TYPES: dict[int, str | None] = {}


def _return_type(entry: Builtin) -> str | None:
    """A built-in's result type, from its Python annotation (int, str, bool), when it is sure."""
    key = id(entry)
    if key not in _RETURN_TYPES:
        annotation = getattr(entry.impl, "__annotations__", {}).get("return")
        _RETURN_TYPES[key] = _PY_RETURN_TYPES.get(annotation) if isinstance(annotation, str) else None
    return _RETURN_TYPES[key]


def _pure(expr: Any) -> bool:
    """No call anywhere inside: evaluating it twice, late or not at all changes nothing."""
    if isinstance(expr, n.Call):
        return False
    return all(_pure(child) for child in n.children(expr))


def transpile_program(program: n.Program, comments: list[tuple[Span, str]], source_name: str,
                      lenient: bool = False) -> Transpiled:
    """The faithful Python module for a parsed and checked program."""
    analysis = _Analysis(program, lenient)
    analysis.run()
    bounds: dict[int, tuple[int, int]] = {}
    lists: set[int] = set()
    for _ in range(3):
        writer = _Writer(analysis, comments, source_name, lenient, bounds, lists)
        written = writer.module()
        # what every call gives an integer parameter and which arrays are read straight are known once written:
        # writing again with them may find more (each pass builds only on what the one before proved)
        found = (writer.parameter_bounds(), writer.fast_arrays)
        if found == (bounds, lists):
            break
        bounds, lists = found
    return written


# ------------------------------------------------------------------------------ writing


class _Writer:
    """Emits the module: one method per statement and expression kind."""

    def __init__(self, analysis: _Analysis, comments: list[tuple[Span, str]], source_name: str, lenient: bool,
                 parameter_bounds: dict[int, tuple[int, int]] | None = None, lists: set[int] | None = None):
        self.a = analysis
        self.fast_arrays: set[int] = set()  # arrays (Symbol ids) read or written through their list
        # those a previous pass found: their list gets a name of its own where they are declared
        self.lists = self._list_names(lists or set())
        # those of them that are a Python list indexed from 1 (see _Analysis.one_based): by Symbol id
        self.padded = {key for key in self.lists if self._one_based(key)}
        # integer parameters never written, by Symbol id: the smallest and largest value any call gives them
        self.param_bounds = parameter_bounds or {}
        self.call_bounds: dict[int, list[tuple[int, int] | None]] = {}  # what each call gave, as written
        self.source_name = source_name
        self.lenient = lenient
        self.out = PyFormatter()
        self.comments = sorted(comments, key=lambda c: (c[0].line, c[0].column))
        self._next_comment = 0
        self.diagnostics: list[Diagnostic] = []
        self.fn: Function = analysis.main
        self.uses: set[str] = set()
        self._temps = 0
        self._loops: list[str | None] = []  # per enclosing loop: the increment a CONTINUE must run first
        self._loop_reads: dict[tuple[int, str], bool] = {}  # see _only_loop_reads
        self._bounds: dict[int, tuple[int, int]] = {}  # the range loop variables around, by Symbol id: their values
        self._facts = ranges.Facts()  # what the function being written holds where (see wlinterp.ranges)
        self._names_taken: set[str] = set()
        self._name_symbols()

    # ------------------------------------------------------------------ names

    def _name_symbols(self) -> None:
        module_taken = set(_RESERVED)
        for procedure in self.a.program.procedures:
            module_taken.add(procedure.name)
        for symbol in self.a.module.values():
            symbol.py = self._fresh(symbol.name, module_taken)
        for fn in self.a.functions.values():
            # a nested def may reuse an enclosing function's names: its own variable hides that one, as in WLanguage
            taken = set(module_taken)
            for inner in fn.internal:
                inner_name = self._fresh(inner.name, taken)
                inner.node_py = inner_name  # type: ignore[attr-defined]
            for symbol in fn.symbols.values():
                if not symbol.py:
                    symbol.py = self._fresh(symbol.name, taken, unused=self._unused(fn, symbol))
        self._names_taken = module_taken

    def _unused(self, fn: Function, symbol: Symbol) -> bool:
        """A name Python never reads: a variable never named, or a parameter the procedure only assigns (a plain
        local there, which ruff's F841 would flag); its Python name starts with ``_``."""
        if symbol.kind != "parameter":
            return not symbol.value_read
        # a default that is not a literal is filled in by a prologue that reads the parameter
        prologue = fn.node is not None and any(
            param.default is not None and self._literal_default(param) is None
            and ident_key(param.name) == ident_key(symbol.name) for param in fn.node.params)
        return symbol.read and not symbol.value_read and not symbol.is_ref and not prologue

    @staticmethod
    def _fresh(name: str, taken: set[str], unused: bool = False) -> str:
        base = name
        if unused and not base.startswith("_"):
            base = "_" + base  # ruff's F841 leaves names that start with _ alone
        if keyword.iskeyword(base) or keyword.issoftkeyword(base) or hasattr(builtins, base) or base in _AMBIGUOUS:
            base += "_"
        candidate = base
        while candidate in taken:
            candidate += "_"
        taken.add(candidate)
        return candidate

    def _list_names(self, wanted: set[int]) -> dict[int, str]:
        taken = {symbol.py for fn in self.a.functions.values() for symbol in fn.symbols.values()}
        taken |= {symbol.py for symbol in self.a.module.values()}
        names = {}
        for fn in self.a.functions.values():
            for symbol in fn.symbols.values():
                if id(symbol) in wanted:
                    names[id(symbol)] = self._fresh(f"{symbol.py}_items", taken)
        return names

    def _one_based(self, key: int) -> bool:
        return any(self.a.one_based(symbol) for fn in self.a.functions.values() for symbol in fn.symbols.values()
                   if id(symbol) == key)

    def _padded(self, target: Any) -> Symbol | None:
        """The array an index reads, when it is a list indexed from 1 in this pass."""
        symbol = self.symbol(target) if isinstance(target, n.Name) else None
        return symbol if symbol is not None and id(symbol) in self.padded else None

    def _list_of(self, container: str, target: n.Name) -> str:
        """The Python list behind an array read straight: its own name when it has one, else ``t.items``."""
        symbol = self.symbol(target)
        assert symbol is not None
        self.fast_arrays.add(id(symbol))
        if id(symbol) in self.padded:
            return symbol.py
        return self.lists.get(id(symbol), f"{container}.items")

    def temp(self, hint: str) -> str:
        self._temps += 1
        return f"_{hint}{self._temps if self._temps > 1 else ''}"

    # ------------------------------------------------------------------ the module

    def module(self) -> Transpiled:
        out = self.out
        out.line(f'"""{self._docstring()}"""')
        out.blank()
        imports_at = out.mark()
        out.blank(2)
        first = self.a.program.procedures[0].span if self.a.program.procedures else None
        self._function(self.a.main, end_line=first.line if first else None)
        for procedure in self.a.program.procedures:
            out.blank(2)
            self._comments_before(procedure.span.line if procedure.span else 0)
            self._function(self.a.functions[id(procedure)])
        self._comments_before(10**9)
        names = ["Program"] + sorted(self.uses & {"DEFAULT", "Ref", "sem"})
        lenient = ", lenient=True" if self.lenient else ""
        out.insert(imports_at, ["", "import sys", "", f"from wlinterp.pyrt import {', '.join(sorted(names, key=str.lower))}",
                                "", f"wl = Program({py_string(self._file_name())}{lenient})"])
        out.blank(2)
        where = self.source_name.replace("\\", "/").rsplit("/", 1)[-1]
        out.line(f"# the line of {where} each statement above comes from, for the positions of runtime errors")
        out.statement(f"SOURCE_MAP = {py_string(out.source_map_text())}")
        out.line("wl.source_map(SOURCE_MAP, __file__)")
        out.blank(2)
        out.line('if __name__ == "__main__":')
        out.indent()
        out.line("sys.exit(wl.run(main))")
        out.dedent()
        errors = [d for d in self.diagnostics if d.severity == "error"]
        if errors:
            raise TranspileError(errors)
        return Transpiled(out.text(), self.diagnostics)

    def _file_name(self) -> str:
        return self.source_name.replace("\\", "/").rsplit("/", 1)[-1]

    def _docstring(self) -> str:
        name = self._file_name()
        stem = name.rsplit(".", 1)[0]
        return (f"{name}, transpiled by wlinterp (faithful style).\n\n"
                f"Run it with: python {stem}.py [--smtp capture|live|HOST:PORT] [--outbox DIR] [--report FILE.json]\n")

    # ------------------------------------------------------------------ functions

    def _function(self, fn: Function, end_line: int | None = None) -> None:
        out = self.out
        saved_fn, saved_loops = self.fn, self._loops
        self.fn, self._loops = fn, []
        if fn.node is None:
            params = [f"{s.py}=None" for s in self.a.placeholders]
            out.line(f"def main({', '.join(params)}) -> None:", fn_span=None)
        else:
            py_name = getattr(fn, "node_py", fn.node.name)
            out.line(f"def {py_name}({self._signature(fn)}):", span=fn.node.span)
        out.indent()
        start = out.mark()
        self._scope_lines(fn)
        self._param_prologue(fn)
        for inner in fn.internal:
            if out.mark() > start:
                out.blank()
            self._comments_before(inner.node.span.line if inner.node and inner.node.span else 0)
            self._function(inner)
            out.blank()
        for symbol in self.a.loop_inits.get(id(fn), []):
            # a variable a loop brings into being exists, empty, from here (see loop_inits_needed)
            self.uses.add("Ref") if symbol.is_ref else None
            out.line(f"{symbol.py} = Ref()" if symbol.is_ref else f"{symbol.py} = None")
        body = fn.node.body if fn.node is not None else self.a.program.body
        if fn.node is None and self.a.placeholders:
            names = ", ".join(s.py for s in self.a.placeholders)
            out.line(f"# not declared in the program ({names}): give them values with --define NAME=…")
        saved_facts = self._facts
        self._facts = self._range_facts(fn, body)
        self._block(body, self._trailing_comments_end(fn, end_line))
        if out.mark() == start or not out.has_statement_since(start):
            out.line("pass")
        out.dedent()
        self.fn, self._loops, self._facts = saved_fn, saved_loops, saved_facts

    def _range_facts(self, fn: Function, body: n.Block) -> ranges.Facts:
        """The intervals of the function's integer variables and the sizes of its arrays where they are read."""
        context = _RangeContext(self, fn)
        known = {symbol: self.param_bounds[id(symbol)] for symbol in fn.params
                 if id(symbol) in self.param_bounds and context.integer(symbol.name) is symbol}
        return ranges.analyse(body, context, known)

    def _trailing_comments_end(self, fn: Function, end_line: int | None) -> int | None:
        """Comments after a function's last statement stay in it, up to the blank line or PROCEDURE that follows."""
        if fn.node is not None:
            return fn.node.span.end_line + 1 if fn.node.span else None
        if end_line is None:
            return 10**9
        # the comment block right above the first PROCEDURE describes it, not the main code
        line = end_line
        index = len(self.comments) - 1
        while index >= 0 and self.comments[index][0].line >= end_line:
            index -= 1
        while index >= 0 and self.comments[index][0].line == line - 1:
            line -= 1
            index -= 1
        return line

    def _scope_lines(self, fn: Function) -> None:
        globals_ = sorted({self.a.module[k].py for k in fn.globals_written if k in self.a.module and not self.a.module[k].is_ref
                           and self.a.module[k].kind != "placeholder"}
                          | ({s.py for s in self.a.module.values() if s.kind != "placeholder" and fn is self.a.main
                              and s.fn in (self.a.main, None) and not s.is_ref} if fn is self.a.main else set())
                          | ({s.py for s in self.a.module.values() if s.is_ref and s.fn in (self.a.main, None)}
                             if fn is self.a.main else set()))
        placeholders = {s.py for s in self.a.placeholders}
        globals_ = [g for g in globals_ if g not in placeholders]
        if globals_:
            self._scope_names("global", globals_)
        nonlocals: set[str] = set()
        for key in fn.nonlocals_written:
            symbol: Symbol | None = None
            scope = fn.parent
            while scope is not None and symbol is None:
                symbol = scope.symbols.get(key)
                scope = scope.parent
            if symbol is not None and not symbol.is_ref and not symbol.shared:
                nonlocals.add(symbol.py)
        if nonlocals:
            self._scope_names("nonlocal", sorted(nonlocals))

    def _scope_names(self, keyword: str, names: list[str]) -> None:
        """``global a, b …`` in as many statements as it takes to stay within the line length (ruff would use backslashes)."""
        room = LINE_LENGTH - len(INDENT) * self.out.depth - len(keyword) - 1
        line: list[str] = []
        for name in names:
            if line and len(", ".join([*line, name])) > room:
                self.out.line(f"{keyword} {', '.join(line)}")
                line = []
            line.append(name)
        self.out.line(f"{keyword} {', '.join(line)}")

    def _signature(self, fn: Function) -> str:
        assert fn.node is not None
        parts: list[str] = []
        by_key = {ident_key(s.name): s for s in fn.params}
        for param in fn.node.params:
            if param.variadic:
                parts.append("*_more")
                continue
            symbol = by_key[ident_key(param.name)]
            text = symbol.py
            if param.default is not None:
                literal = self._literal_default(param)
                text += "=" + (literal if literal is not None else "DEFAULT")
                if literal is None:
                    self.uses.add("DEFAULT")
            elif _required_after_default(fn.node, param):
                text += "=DEFAULT"  # Python wants a default here; the prologue refuses a call that leaves it out
                self.uses.add("DEFAULT")
            parts.append(text)
        return ", ".join(parts)

    def _literal_default(self, param: n.Param) -> str | None:
        """A default that is a plain literal (after its conversion), written in the signature; None: computed in the body."""
        default = param.default
        if self._star_used(param) or self._written(param):
            return None
        value: Any
        if isinstance(default, (n.Number, n.String, n.Boolean)):
            value = default.value
        elif isinstance(default, n.Negate) and isinstance(default.operand, n.Number) and default.op == "-":
            value = -default.operand.value
        elif isinstance(default, n.Null):
            value = None
        else:
            return None
        if param.type is not None and param.type.kind == "simple" and param.type.name in sem.CONVERSIONS:
            try:
                value = sem.convert_to(param.type.name, value)
            except WLRuntimeError:
                return None
        if param.local or not param.type or param.type.name in SIMPLE:
            return _literal(value)
        return None

    def _written(self, param: n.Param) -> bool:
        for fn in self.a.functions.values():
            if fn.node is not None and param in fn.node.params:
                return any(s.written_param for s in fn.params if ident_key(s.name) == ident_key(param.name))
        return False

    def _star_used(self, param: n.Param) -> bool:
        for _caller, call, callee in self.a.by_ref_args:
            if callee.node is None:
                continue
            for declared, arg in zip(callee.node.params, call.args):
                if declared is param and isinstance(arg, n.DefaultArg):
                    return True
        return False

    def _param_prologue(self, fn: Function) -> None:
        if fn.node is None:
            return
        by_key = {ident_key(s.name): s for s in fn.params}
        for param in fn.node.params:
            if param.variadic:
                continue
            symbol = by_key[ident_key(param.name)]
            if param.default is None and _required_after_default(fn.node, param):
                self.out.line(f"if {symbol.py} is DEFAULT:")
                self.out.indent()
                self.out.line(f"wl.missing({py_string(param.name)})")
                self.out.dedent()
            # a parameter the caller gives by value (LOCAL, or of another type) that this procedure passes on
            # by reference to one that writes it: its own Ref, made on entry
            boxed = symbol.boxed and not symbol.written_param
            if boxed:
                self.uses.add("Ref")
            if param.default is not None and self._literal_default(param) is None:
                self.out.line(f"if {symbol.py} is DEFAULT:")
                self.out.indent()
                value = self._stored(self.expr(param.default), param.default, symbol)
                self.out.statement(f"{symbol.py} = {'Ref(' + value + self._spec_arg(symbol) + ')' if symbol.is_ref else value}")
                self.uses.add("Ref") if symbol.is_ref else None
                self.out.dedent()
                if boxed:
                    self.out.line("else:")
                    self.out.indent()
                    self.out.line(f"{symbol.py} = Ref({symbol.py}{self._spec_arg(symbol)})")
                    self.out.dedent()
            elif boxed:
                self.out.line(f"{symbol.py} = Ref({symbol.py}{self._spec_arg(symbol)})")
            # conversions and LOCAL copies happen at the call, where the argument's type is known

    # ------------------------------------------------------------------ comments and blocks

    def _comments_before(self, line: int, trailing_for: Span | None = None) -> None:
        while self._next_comment < len(self.comments) and self.comments[self._next_comment][0].line < line:
            span, text = self.comments[self._next_comment]
            self._next_comment += 1
            for piece in _comment_lines(text):
                self.out.line(piece)

    def _trailing_comment(self, span: Span | None) -> str:
        """The comment written at the end of the statement's first line, as one Python comment ("" if none)."""
        if span is None:
            return ""
        found: list[str] = []
        while (self._next_comment < len(self.comments)
               and self.comments[self._next_comment][0].line == span.line
               and self.comments[self._next_comment][0].column > span.column):
            text = self.comments[self._next_comment][1]
            self._next_comment += 1
            found.extend(_comment_lines(text))
        return "# " + " ".join(piece[1:].strip() for piece in found) if found else ""

    def _block(self, block: n.Block, end_line: int | None = None) -> None:
        for stmt in block:
            if isinstance(stmt, n.Procedure):
                continue  # internal procedures are written at the top of their function
            if stmt.span is not None:
                self._comments_before(stmt.span.line)
            self._stmt(stmt)
        if end_line is not None:
            self._comments_before(end_line)

    def _body(self, block: n.Block | None, end_line: int | None = None) -> None:
        self.out.indent()
        start = self.out.mark()
        if block:
            self._block(block, end_line)
        if not self.out.has_statement_since(start):
            self.out.line("pass")
        self.out.dedent()

    def _stmt(self, stmt: Any) -> None:
        method = getattr(self, "stmt_" + type(stmt).__name__.lower())
        method(stmt)

    def emit(self, text: str, stmt: Any) -> None:
        self.out.statement(text, span=stmt.span, comment=self._trailing_comment(stmt.span))

    def header(self, text: str, stmt: Any, span: Span | None = None) -> None:
        where = span or stmt.span
        self.out.statement(text, span=where, comment=self._trailing_comment(where))

    # ------------------------------------------------------------------ variables: reading and writing

    def symbol(self, name: n.Name) -> Symbol | None:
        return self.a.resolved.get(id(name)) or self.a.lookup(name.name, self.fn)

    def read(self, symbol: Symbol) -> str:
        return f"{symbol.py}.value" if symbol.is_ref else symbol.py

    def write(self, symbol: Symbol, value: str) -> str:
        return f"{symbol.py}.set({value})" if symbol.is_ref else f"{symbol.py} = {value}"

    def _spec_arg(self, symbol: Symbol) -> str:
        spec = self._store_spec(symbol)
        return f", {py_string(spec)}" if spec else ""

    @staticmethod
    def _store_spec(symbol: Symbol) -> str | None:
        """The declared type a store into this variable converts to (None: stored as it is)."""
        if symbol.type is None:
            return None
        if symbol.type.kind == "simple" and symbol.type.name == "Variant":
            return None
        return type_spec(symbol.type)

    def _convert_code(self, spec: str | None, value: str) -> str:
        if spec is None:
            return value
        if spec in sem.CONVERSIONS:
            self.uses.add("sem")
            return f"sem.convert_to({py_string(spec)}, {value})"
        return f"wl.convert({py_string(spec)}, {value})"

    def _stored(self, value: str, expr: Any, symbol: Symbol) -> str:
        """The code of ``value`` as stored into ``symbol`` (converted to its type unless it surely is already)."""
        if symbol.is_ref:
            return value  # the Ref converts
        if symbol.kind == "let":
            if symbol.let_type is not None and self._static(expr) == symbol.let_type:
                return value
            if symbol.let_type in sem.CONVERSIONS:
                return self._convert_code(symbol.let_type, value)
            return f"wl.like({symbol.py}, {value})"
        spec = self._store_spec(symbol)
        if spec is None:
            return value
        if spec.startswith(("array of", "associative array of")) and not isinstance(expr, n.ArrayLiteral):
            return self._convert_code(spec, value)  # storing an array copies it: B = A, then B.Add(x), leaves A alone
        static = self._static(expr)
        if static == spec or (spec in ("real", "numeric", "currency") and static in ("int", "real")):
            return value
        return self._convert_code(spec, value)

    def _whole_quotient(self, expr: Any, symbol: Symbol) -> str | None:
        """``a // d`` for ``a / d`` stored in an integer, when ``a`` is proven a small non-negative integer and ``d``
        a positive literal: WinDev truncates the real quotient, which is then Python's floor division, exactly."""
        if (not isinstance(expr, n.Binary) or expr.op != "/" or symbol.is_ref or symbol.kind == "let"
                or self._store_spec(symbol) != "int" or self.a.static_type(expr.left, self.fn) != "int"):
            return None
        divisor = _int_literal(expr.right)
        bounds = self._interval(expr.left)
        if divisor is None or not 0 < divisor <= 2**16 or bounds is None or not 0 <= bounds[0] <= bounds[1] < 2**31:
            return None
        return f"{self.expr(expr.left, 11)} // {divisor}"

    def _static(self, expr: Any) -> str | None:
        if expr is None:
            return None
        if isinstance(expr, _Typed):
            return expr.kind
        return self.a.static_type(expr, self.fn)

    def _initial(self, type_ref: n.TypeRef) -> str:
        if type_ref.kind == "simple":
            simple = {"int": "0", "real": "0.0", "numeric": "0", "currency": "0", "string": '""', "boolean": "False",
                      "buffer": '""', "Variant": "None"}
            if type_ref.name in simple:
                return simple[type_ref.name]
            if REGISTRY.type_info(type_ref.name) is None and self.lenient:
                return "None"
        return f"wl.new({py_string(type_spec(type_ref))})"

    # ------------------------------------------------------------------ statements

    def stmt_declare(self, stmt: n.Declare) -> None:
        first: Symbol | None = None
        for name in stmt.names:
            symbol = self.a.lookup(name, self.fn)
            assert symbol is not None
            if stmt.init is None:
                value = self._initial(stmt.type)
            elif first is not None:
                value = self._stored(self.read(first), None, symbol)
            elif stmt.by_reference:
                value = self.expr(stmt.init)
            else:
                value = self._whole_quotient(stmt.init, symbol) or self._stored(self.expr(stmt.init), stmt.init, symbol)
            if stmt.init is not None and stmt.type.kind != "simple" and first is None and not stmt.by_reference:
                if stmt.type.kind == "array" and isinstance(stmt.init, n.ArrayLiteral):
                    items = "".join(", " + self.expr(item) for item in stmt.init.items)
                    unsized = n.TypeRef(stmt.type.name, "array", stmt.type.element)  # the literal sets the size
                    value = f"wl.new({py_string(type_spec(unsized))}{items})"
                else:
                    value = self._convert_code(type_spec(stmt.type), self.expr(stmt.init))
            self._define(symbol, value, stmt)
            first = first or symbol

    def _define(self, symbol: Symbol, value: str, stmt: Any) -> None:
        if symbol.is_ref:
            self.uses.add("Ref")
            if symbol.kind == "let":  # its type is that of its first value, known when it runs
                self.emit(f"{symbol.py} = Ref.like({value})", stmt)
            elif symbol.kind == "constant":
                self.emit(f"{symbol.py} = Ref.constant({value})", stmt)
            else:
                self.emit(f"{symbol.py} = Ref({value}{self._spec_arg(symbol)})", stmt)
            return
        if id(symbol) in self.padded:
            assert symbol.type is not None
            self.emit(f"{symbol.py} = wl.one_based({py_string(type_spec(symbol.type))})", stmt)
            self.out.line(f"# {symbol.py}[0] is not used: the list is indexed from 1, as the array is")
            return
        if id(symbol) in self.lists:
            self.emit(f"{symbol.py} = {value}", stmt)
            # the array keeps this list (it is only indexed, within its size): its elements, 1-based
            alias = self.lists[id(symbol)]
            self.out.line(f"{alias} = {symbol.py}.items  # {symbol.py}[i] is {alias}[i - 1]")
            return
        annotation = ""
        if (not symbol.shared and not symbol.unsure and symbol.type is not None and symbol.type.kind == "simple"
                and symbol.type.name in _ANNOTATIONS):
            annotation = ": " + _ANNOTATIONS[symbol.type.name]
        self.emit(f"{symbol.py}{annotation} = {value}", stmt)

    def stmt_let(self, stmt: n.Let) -> None:
        symbol = self.a.lookup(stmt.name, self.fn)
        assert symbol is not None
        self._define(symbol, self.expr(stmt.value), stmt)

    def stmt_assign(self, stmt: n.Assign) -> None:
        target = stmt.target
        symbol = self.symbol(target) if isinstance(target, n.Name) and stmt.op == "=" else None
        quotient = self._whole_quotient(stmt.value, symbol) if symbol is not None else None
        if symbol is not None and quotient is not None:
            self.emit(self.write(symbol, quotient), stmt)
            return
        value = self.expr(stmt.value)
        temp: str | None = None
        if self._value_first(stmt):
            temp = self.temp("value")
            self.emit(f"{temp} = {value}", stmt)
            value = temp
        if stmt.op != "=" and isinstance(target, n.Name) and stmt.op in ("+=", "-=", "*="):
            symbol = self.symbol(target)
            kinds = (self.a.static_type(target, self.fn), self.a.static_type(stmt.value, self.fn))
            if symbol is not None and not symbol.is_ref and symbol.kind != "let" and kinds in (("int", "int"), ("string", "string")) \
                    and (kinds[0] == "int" or stmt.op == "+="):
                self.emit(f"{symbol.py} {stmt.op} {value}", stmt)
                return
        if stmt.op != "=":
            value = self._arith(stmt.op[0], target, stmt.value, self._current(target, stmt), temp)
        self._assign(target, value, stmt.value if stmt.op == "=" else _Typed(self._compound_type(stmt)), stmt)

    def _current(self, target: Any, stmt: Any) -> str:
        """The code that reads a compound assignment's target. The interpreter reads the target, then works out
        where to write: an index with a call in it runs twice, read first; a temporary keeps that order."""
        code = self.expr(target)
        if isinstance(target, n.Name) or _pure(target):
            return code
        current = self.temp("current")
        self.emit(f"{current} = {code}", stmt)
        return current

    def _value_first(self, stmt: n.Assign) -> bool:
        """Whether the value must be computed before the target is touched, as the interpreter does.

        ``x += F()`` reads x after F() ran (F may change x), and ``t[i] = F()`` writes to the array
        ``t`` names once F() has run. Python reads the target first; a temporary keeps the order.
        """
        if isinstance(stmt.target, n.Name) and stmt.op == "=":
            return False
        if self._may_change_variables(stmt.value, stmt.target):
            return True
        return stmt.op != "=" and not isinstance(stmt.target, n.Name) and not self.quiet(stmt.value)

    def _may_change_variables(self, expr: Any, target: Any = None) -> bool:
        """Whether evaluating the expression may change the program's variables (with ``target``: those it reads).

        A method call, or a built-in that changes an array, may; a procedure call may rebind the
        variables it or its callees assign and those it takes by reference and writes.
        """
        for node in n.walk_expr(expr):
            if isinstance(node, n.Call):
                callee = self.a.calls.get(id(node))
                if callee is not None:
                    if target is None or self._call_rebinds(node, callee, target):
                        return True
                    continue
                if not isinstance(node.callee, n.Name):
                    return True
                entry = REGISTRY.lookup(node.callee.name)
                if entry is None or entry.changes_argument:
                    return True
        return False

    def _call_rebinds(self, call: n.Call, callee: Function, target: Any) -> bool:
        """Whether this procedure call may rebind a variable read in ``target``."""
        read = {id(self.symbol(node)) for node in n.walk_expr(target) if isinstance(node, n.Name) and self.symbol(node)}
        if read & self.a.reach.get(id(callee), set()):
            return True
        written = _written_positions(callee)
        return any(isinstance(arg, n.Name) and id(self.symbol(arg)) in read and (written is None or position in written)
                   for position, arg in enumerate(call.args))

    def _compound_type(self, stmt: n.Assign) -> str | None:
        return self.a.static_type(n.Binary(stmt.op[0], stmt.target, stmt.value), self.fn)

    def stmt_incdec(self, stmt: n.IncDec) -> None:
        target = stmt.target
        op = "+" if stmt.op == "++" else "-"
        one = n.Number(1)
        if isinstance(target, n.Name):
            symbol = self.symbol(target)
            if symbol is not None and not symbol.is_ref and self.a.static_type(target, self.fn) == "int":
                self.emit(f"{symbol.py} {op}= 1", stmt)
                return
        value = self._arith(op, target, one, self._current(target, stmt), "1")
        self._assign(target, value, _Typed(self.a.static_type(n.Binary(op, target, one), self.fn)), stmt)

    def _assign(self, target: Any, value: str, value_expr: Any, stmt: Any) -> None:
        if isinstance(target, n.Name):
            symbol = self.symbol(target)
            if symbol is None:
                self.emit(f"wl.set_unknown({py_string(target.name)}, {value})", stmt)
                return
            self.emit(self.write(symbol, self._stored(value, value_expr, symbol)), stmt)
        elif isinstance(target, n.Member):
            self._assign_member(target, value, value_expr, stmt)
        elif isinstance(target, n.Index):
            container = self.expr(target.target)
            index = self.expr(target.index)
            same_type = self._element_type(target) == self._static(value_expr)
            if self._padded(target.target) is not None:
                if self._index_in_range(target) and same_type:
                    self.emit(f"{self._list_of(container, target.target)}[{index}] = {value}", stmt)
                else:
                    self.emit(f"wl.put({container}, {index}, {value}, {py_string(self._element_type(target) or '')})", stmt)
            elif self._index_in_range(target) and same_type:
                # an element of the array's own type at an index proven in range: the list's slot, as set() would do
                self.emit(f"{self._list_of(container, target.target)}[{self._slot(target.index)}] = {value}", stmt)
            elif self._is_array(target.target):
                self.emit(f"{container}.set({index}, {value})", stmt)
            else:
                self.emit(f"wl.set_index({container}, {index}, {value})", stmt)
        elif isinstance(target, n.Substring):
            start, end = self._substring_args(target)
            text = self.expr(target.target)
            replaced = f"wl.replace_substring({text}, {py_string(target.mode)}, {start}, {end}, {value})"
            self._assign(target.target, replaced, _Typed("string"), stmt)
        else:
            self.emit(f"wl.cannot_assign({value})", stmt)

    def _assign_member(self, target: n.Member, value: str, value_expr: Any, stmt: Any) -> None:
        member = self.a.member(target, self.fn)
        owner = self.expr(target.target)
        if member is not None and member.kind == "property" and not member.read_only:
            stored = value
            if member.type is not None:
                static = self.a.static_type(value_expr, self.fn) if not isinstance(value_expr, _Typed) else value_expr.kind
                if static != member.type:
                    stored = self._convert_code(member.type, value)
            self.emit(f"{owner}.{member.attribute} = {stored}", stmt)
            return
        name = member.name if member is not None else _canonical_member(target.name)
        if isinstance(target.target, n.Name) and self.a.static_type(target.target, self.fn) is None:
            symbol = self.symbol(target.target)
            if symbol is not None:
                self.emit(self.write(symbol, f"wl.set({owner}, {py_string(name)}, {value})"), stmt)
                return
        self.emit(f"wl.set({owner}, {py_string(name)}, {value})", stmt)

    def stmt_exprstmt(self, stmt: n.ExprStmt) -> None:
        self.emit(self.expr(stmt.expr), stmt)

    def stmt_if(self, stmt: n.If) -> None:
        for position, (condition, body) in enumerate(stmt.branches):
            keyword_ = "if" if position == 0 else "elif"
            self.header(f"{keyword_} {self.truth(condition)}:", stmt, condition.span if position else stmt.span)
            self._body(body, self._next_line(stmt, position))
        if stmt.orelse is not None:
            self.out.line("else:")
            self._body(stmt.orelse, stmt.span.end_line if stmt.span else None)

    @staticmethod
    def _next_line(stmt: n.If, position: int) -> int | None:
        if position + 1 < len(stmt.branches):
            span = stmt.branches[position + 1][0].span
            return span.line if span else None
        if stmt.orelse:
            first = stmt.orelse[0].span
            return first.line if first else None
        return stmt.span.end_line if stmt.span else None

    def stmt_switch(self, stmt: n.Switch) -> None:
        subject_type = self.a.static_type(stmt.subject, self.fn)
        if isinstance(stmt.subject, n.Name) and self.symbol(stmt.subject) is not None:
            subject = self.expr(stmt.subject)
        else:
            subject = self.temp("subject")
            self.emit(f"{subject} = {self.expr(stmt.subject)}", stmt)
        first = True
        for case in stmt.cases:
            tests = [self._case_test(subject, subject_type, value) for value in case.values]
            condition = " or ".join(tests) if len(tests) > 1 else tests[0]
            self.header(f"{'if' if first else 'elif'} {condition}:", case)
            self._body(case.body)
            first = False
        if stmt.default is not None:
            if first:
                self._block(stmt.default)
            else:
                self.out.line("else:")
                self._body(stmt.default)

    def _case_test(self, subject: str, subject_type: str | None, case: n.CaseValue) -> str:
        value = self.expr(case.value)
        value_type = self.a.static_type(case.value, self.fn)
        if case.kind == "equal":
            if subject_type == value_type and subject_type in ("int", "string"):
                return f"{subject} == {value}"
            self.uses.add("sem")
            return f"sem.equals({subject}, {value})"
        if case.kind == "range":
            high = self.expr(case.high)
            if subject_type == value_type == self.a.static_type(case.high, self.fn) == "int":
                return f"{value} <= {subject} <= {high}"  # Python's chain also reads high only past low
            return self._in_range(subject, value, case.high)
        self.uses.add("sem")
        return f"sem.compare({py_string(case.op)}, {subject}, {value})"

    # ------------------------------------------------------------------ loops

    def stmt_for(self, stmt: n.For) -> None:
        var = self.a.lookup(stmt.var, self.fn)
        assert var is not None
        if self._range_ok(stmt, var):
            self._for_range(stmt, var)
        else:
            self._for_general(stmt, var)

    def _range_ok(self, stmt: n.For, var: Symbol) -> bool:
        """A FOR that a Python range() runs exactly: integer bounds that cannot move, a variable only the loop drives."""
        if var.is_ref or var.shared or var.kind == "let":
            return False
        if var.kind == "variable" and (var.type is None or var.type.name != "int"):
            return False
        if var.kind not in ("variable", "loop"):
            return False
        ints = all(self.a.static_type(part, self.fn) == "int" for part in (stmt.start, stmt.stop))
        step = _int_literal(stmt.step) if stmt.step is not None else 1
        if step is None and stmt.step is not None and self._any_step_ok(stmt):
            step = 1  # wl.steps() works out the direction when the loop starts
        if not ints or step is None or step == 0:
            return False
        if _assigns(stmt.body, var.name, self.a.calls):
            return False
        if not stmt.once and not self._stable(stmt.stop, stmt.body):
            return False
        return self._only_loop_reads(var)

    def _any_step_ok(self, stmt: n.For) -> bool:
        """A STEP that is an integer worked out once, which wl.steps() can hand to range() (reading it before the
        bound changes nothing: neither can fail nor change a variable)."""
        return (self.a.static_type(stmt.step, self.fn) == "int" and self.quiet(stmt.step) and self.quiet(stmt.stop)
                and not self._may_change_variables(stmt.step) and not self._may_change_variables(stmt.stop))

    def _stable(self, expr: Any, body: n.Block) -> bool:
        if isinstance(expr, n.Number):
            return True
        if isinstance(expr, n.Negate):
            return self._stable(expr.operand, body)
        if isinstance(expr, n.Name):
            symbol = self.symbol(expr)
            if symbol is None or symbol.is_ref or symbol.shared:
                return False
            return not _assigns(body, symbol.name, self.a.calls) and not _calls_internal(body, self.a.calls)
        return False

    def _only_loop_reads(self, var: Symbol) -> bool:
        """Every read of the variable is inside a FOR over it, so the value a range leaves behind is never seen."""
        key = ident_key(var.name)
        known = self._loop_reads.get((id(self.fn), key))
        if known is None:  # the same for every loop over it in this function: worked out once
            body = self.fn.node.body if self.fn.node is not None else self.a.program.body
            known = not any(key in _names_read(inner.node.body) for inner in self.fn.internal if inner.node is not None) \
                and _reads_outside_loops(body, key) == 0
            self._loop_reads[(id(self.fn), key)] = known
        return known

    def _for_range(self, stmt: n.For, var: Symbol) -> None:
        step = _int_literal(stmt.step) if stmt.step is not None else 1
        bounds = self._loop_bounds(stmt, step)
        if bounds is not None:
            self._bounds[id(var)] = bounds
        try:
            self._range_loop(stmt, var, step)
        finally:
            self._bounds.pop(id(var), None)

    def _range_loop(self, stmt: n.For, var: Symbol, step: int | None) -> None:
        if step is None:
            steps = self._interval(stmt.step)
            if steps is not None and steps[0] > 0:  # a STEP proven positive: range() as it is
                stop = f"{self.expr(stmt.stop, 11)} + 1" if _int_literal(stmt.stop) is None else str(_int_literal(stmt.stop) + 1)
                self.header(f"for {var.py} in range({self.expr(stmt.start)}, {stop}, {self.expr(stmt.step)}):", stmt)
                self._loop_body(stmt.body, stmt)
                return
        if step is None:  # a STEP known when the loop starts: its sign says which way range() goes
            args = f"{self.expr(stmt.start)}, {self.expr(stmt.stop)}, {self.expr(stmt.step)}"
            self.header(f"for {var.py} in wl.steps({args}):", stmt)
            self._loops.append(None)
            self._body(stmt.body, stmt.span.end_line if stmt.span else None)
            self._loops.pop()
            return
        start = self.expr(stmt.start)
        stop_literal = _int_literal(stmt.stop)
        if stop_literal is not None:
            stop = str(stop_literal + (1 if step > 0 else -1))
        else:
            stop = f"{self.expr(stmt.stop, 11)} {'+' if step > 0 else '-'} 1"
        args = f"{start}, {stop}" if step == 1 else f"{start}, {stop}, {step}"
        if step == 1 and _int_literal(stmt.start) == 0:
            args = stop  # range(0, n) is range(n)
        self.header(f"for {var.py} in range({args}):", stmt)
        self._loops.append(None)
        self._body(stmt.body, stmt.span.end_line if stmt.span else None)
        self._loops.pop()

    def _for_general(self, stmt: n.For, var: Symbol) -> None:
        self.emit(self.write(var, self._stored(self.expr(stmt.start), stmt.start, var)), stmt)
        step_literal = _int_literal(stmt.step) if stmt.step is not None else 1
        if step_literal is not None and step_literal != 0:
            step = str(step_literal)
        else:
            step = self.temp("step")
            self.emit(f"{step} = wl.step({self.expr(stmt.step)})", stmt)
        if stmt.once:
            bound = self.temp("bound")
            stop = self.expr(stmt.stop)
            if self.a.static_type(stmt.stop, self.fn) not in ("int", "real"):
                self.uses.add("sem")
                stop = f"sem.to_number({stop})"  # _TO_ reads its bound once, as a number
            self.emit(f"{bound} = {stop}", stmt)
        else:
            bound = self.expr(stmt.stop)
        current = self.read(var)
        var_int = self.a.static_type(n.Name(stmt.var), self.fn) == "int" and not var.is_ref and var.kind != "let"
        if var_int and step_literal:
            increment = f"{var.py} += {step_literal}" if step_literal > 0 else f"{var.py} -= {-step_literal}"
        else:
            self.uses.add("sem")
            increment = self.write(var, self._stored(f"sem.add(sem.to_number({current}), {step})", None, var))
        # the interpreter computes the bound before it reads the variable: a bound that may change it comes first
        bound_first = not stmt.once and self._may_change_variables(stmt.stop, n.Name(stmt.var))
        if var_int and step_literal and (stmt.once or self.a.static_type(stmt.stop, self.fn) == "int"):
            if bound_first:
                condition = f"{bound} {'>=' if step_literal > 0 else '<='} {current}"
            else:
                condition = f"{current} {'<=' if step_literal > 0 else '>='} {bound}"
        elif bound_first:
            condition = f"wl.going(limit={bound}, current={current}, step={step})"
        else:
            condition = f"wl.going({current}, {bound}, {step})"
        self.header(f"while {condition}:", stmt)
        self._loops.append(increment)
        self.out.indent()
        start = self.out.mark()
        self._block(stmt.body, stmt.span.end_line if stmt.span else None)
        self.out.line(increment)
        self.out.dedent()
        self._loops.pop()
        del start

    def stmt_foreach(self, stmt: n.ForEach) -> None:
        symbols = [self.a.lookup(name, self.fn) for name in stmt.names]
        collection = self.expr(stmt.iterable)
        if len(symbols) == 1 and self._is_array(stmt.iterable):
            source = f"list({collection})"
        else:
            source = f"wl.rows({collection}, {len(symbols)})"
        self._for_each(symbols, source, stmt)

    def _for_each(self, symbols: list[Symbol | None], source: str, stmt: Any) -> None:
        direct = [s for s in symbols if s is not None and not s.is_ref]
        if len(direct) == len(symbols):
            targets = ", ".join(s.py for s in symbols if s is not None)
            self.header(f"for {targets} in {source}:", stmt)
            self._loop_body(stmt.body, stmt)
            return
        row = self.temp("row")
        self.header(f"for {row} in {source}:", stmt)
        self.out.indent()
        for position, symbol in enumerate(symbols):
            assert symbol is not None
            item = row if len(symbols) == 1 else f"{row}[{position}]"
            self.out.line(f"{symbol.py}.value = {item}" if symbol.is_ref else f"{symbol.py} = {item}")
        self._loops.append(None)
        self._block(stmt.body, stmt.span.end_line if stmt.span else None)
        self._loops.pop()
        self.out.dedent()

    def _loop_body(self, body: n.Block, stmt: Any) -> None:
        self._loops.append(None)
        self._body(body, stmt.span.end_line if stmt.span else None)
        self._loops.pop()

    def stmt_foreachstring(self, stmt: n.ForEachString) -> None:
        symbol = self.a.lookup(stmt.var, self.fn)
        source = f"wl.pieces({self.expr(stmt.source)}, {self.expr(stmt.separator)})"
        self._for_each([symbol], source, stmt)

    def stmt_while(self, stmt: n.While) -> None:
        self.header(f"while {self.truth(stmt.condition)}:", stmt)
        self._loop_body(stmt.body, stmt)

    def stmt_loop(self, stmt: n.Loop) -> None:
        if stmt.count is None:
            self.header("while True:", stmt)
        else:
            self.header(f"for _ in wl.repeat({self.expr(stmt.count)}):", stmt)
        self._loop_body(stmt.body, stmt)

    def stmt_break(self, stmt: n.Break) -> None:
        self.emit("break", stmt)

    def stmt_continue(self, stmt: n.Continue) -> None:
        increment = self._loops[-1] if self._loops else None
        if increment is not None:
            self.out.line(increment)
        self.emit("continue", stmt)

    def stmt_return(self, stmt: n.Return) -> None:
        self.emit("return", stmt)

    def stmt_result(self, stmt: n.Result) -> None:
        if stmt.value is None or self.fn.node is None:
            if stmt.value is not None:
                self.emit(self.expr(stmt.value), stmt)
            self.emit("return", stmt)
            return
        self.emit(f"return {self.expr(stmt.value)}", stmt)

    def stmt_try(self, stmt: n.Try) -> None:
        self.header("try:", stmt)
        self._body(stmt.body)
        error = "_error"
        self.out.line(f"except wl.Failure as {error}:")
        self.out.indent()
        self.out.line(f"wl.caught({error})")
        if stmt.handler:
            self._block(stmt.handler)
        self.out.dedent()
        if stmt.orelse is not None:
            self.out.line("else:")
            self._body(stmt.orelse)

    def stmt_constantblock(self, stmt: n.ConstantBlock) -> None:
        for constant in stmt.constants:
            symbol = self.a.lookup(constant.name, self.fn)
            assert symbol is not None
            self._define(symbol, self.expr(constant.value), constant)

    def stmt_scope(self, stmt: n.Scope) -> None:
        if stmt.declaration is not None:
            self.stmt_declare(stmt.declaration)

    def stmt_compileif(self, stmt: n.CompileIf) -> None:
        chosen = self.a.compiled_branch(stmt)
        if chosen:
            self._block(chosen)

    def stmt_procedure(self, stmt: n.Procedure) -> None:
        return None

    # ------------------------------------------------------------------ expressions

    def truth(self, expr: Any) -> str:
        """A condition: booleans as they are, anything else through sem.to_bool (which refuses strings)."""
        if self.a.static_type(expr, self.fn) == "boolean":
            return self.expr(expr)
        self.uses.add("sem")
        return f"sem.to_bool({self.expr(expr)})"

    def expr(self, expr: Any, context: int = 0) -> str:
        """The Python code of an expression, parenthesised if its precedence is below ``context``."""
        code, precedence = getattr(self, "expr_" + type(expr).__name__.lower())(expr)
        return f"({code})" if precedence < context else code

    def expr_name(self, expr: n.Name) -> tuple[str, int]:
        symbol = self.symbol(expr)
        if symbol is not None:
            return self.read(symbol), 16
        entry = REGISTRY.lookup(expr.name)
        if entry is not None:
            if entry.kind == "function":
                return f"wl.{entry.name}()", 16
            return f"wl.{entry.name}", 16
        return f"wl.unknown({py_string(expr.name)})", 16

    def expr_number(self, expr: n.Number) -> tuple[str, int]:
        return _literal(expr.value), 16

    def expr_string(self, expr: n.String) -> tuple[str, int]:
        return py_string(expr.value), 16

    def expr_boolean(self, expr: n.Boolean) -> tuple[str, int]:
        return ("True" if expr.value else "False"), 16

    def expr_null(self, expr: n.Null) -> tuple[str, int]:
        return "None", 16

    def expr_duration(self, expr: n.Duration) -> tuple[str, int]:
        return f"wl.duration({_literal(expr.milliseconds)})", 16

    def expr_interpolated(self, expr: n.Interpolated) -> tuple[str, int]:
        parts: list[str] = []
        for part in expr.parts:
            if isinstance(part, str):
                if part:
                    parts.append(py_string(part))
            elif self.a.static_type(part, self.fn) == "string":
                parts.append(self.expr(part, 11))
            else:
                self.uses.add("sem")
                parts.append(f"sem.to_string({self.expr(part)})")
        if not parts:
            return '""', 16
        return " + ".join(parts), 10 if len(parts) > 1 else 16

    def expr_arrayliteral(self, expr: n.ArrayLiteral) -> tuple[str, int]:
        return f"wl.array({', '.join(self.expr(item) for item in expr.items)})", 16

    def expr_binary(self, expr: n.Binary) -> tuple[str, int]:
        return self._arith_code(expr.op, expr.left, expr.right, self.expr, self.expr)

    def _arith(self, op: str, left_expr: Any, right_expr: Any, left: str, right: str | None) -> str:
        """``left op right`` for a compound assignment: ``left`` is the target's code (an atom); ``right``, when
        given, a temporary's name, else the right operand is written here, parenthesised as its place needs."""
        code, _ = self._arith_code(op, left_expr, right_expr, lambda e, c=0: left,
                                   lambda e, c=0: right if right is not None else self.expr(right_expr, c))
        return code

    def _arith_code(self, op: str, left_expr: Any, right_expr: Any, left_code: Any, right_code: Any) -> tuple[str, int]:
        left_type = self.a.static_type(left_expr, self.fn)
        right_type = self.a.static_type(right_expr, self.fn)
        if op in "+-*" and left_type == right_type == "int":
            return f"{left_code(left_expr, 10 if op != '*' else 11)} {op} {right_code(right_expr, 11 if op != '*' else 12)}", (10 if op != "*" else 11)
        if op == "+" and left_type == "string":
            if right_type == "string":
                return f"{left_code(left_expr, 10)} + {right_code(right_expr, 11)}", 10
            if right_type == "int":  # an integer's text is Python's
                return f"{left_code(left_expr, 10)} + str({right_code(right_expr)})", 10
            self.uses.add("sem")
            return f"{left_code(left_expr, 10)} + sem.to_string({right_code(right_expr)})", 10
        if op == "%" and left_type == "int" and (_int_literal(right_expr) or 0) > 0:
            bounds = self._interval(left_expr)
            if bounds is not None and bounds[0] >= 0:  # Python's % and WLanguage's agree on what is not negative
                return f"{left_code(left_expr, 11)} % {right_code(right_expr, 12)}", 11
        names = {"+": "add", "-": "subtract", "*": "multiply", "/": "divide", "%": "modulo", "^": "power"}
        self.uses.add("sem")
        return f"sem.{names[op]}({left_code(left_expr)}, {right_code(right_expr)})", 16

    def expr_logical(self, expr: n.Logical) -> tuple[str, int]:
        chained = self._chained(expr)
        if chained is not None:
            return chained, 5
        left, right = self.truth(expr.left), self.truth(expr.right)
        if self.python_logic(expr):
            word = "and" if expr.op.startswith("AND") else "or"
            precedence = 3 if word == "and" else 2
            return f"{_paren(left, expr.left, precedence, self)} {word} {_paren(right, expr.right, precedence + 1, self)}", precedence
        # AND and OR evaluate both sides (D-LOGIC), even when the first decides
        return f"wl.{'both' if expr.op == 'AND' else 'either'}({left}, {right})", 16

    def python_logic(self, expr: n.Logical) -> bool:
        """Whether ``a AND b`` may be written with Python's ``and``, which skips ``b`` when ``a`` decides.

        WLanguage's AND and OR evaluate both sides (D-LOGIC): skipping the right one is only the
        same when evaluating it can neither fail (a string as a condition, a division by zero, an
        index out of range) nor have an effect. _AND_ and _OR_ do skip it.
        """
        if expr.op in ("AND_SC", "OR_SC"):
            return True
        literal = isinstance(expr.left, n.Boolean) or isinstance(expr.right, n.Boolean)
        return not literal and self.quiet(expr.right, truth=True)

    def quiet(self, expr: Any, truth: bool = False) -> bool:
        """Evaluating the expression (and, with ``truth``, taking it as a condition) cannot raise a WLanguage error."""
        kind = self.a.static_type(expr, self.fn)
        if truth and kind not in ("boolean", "int", "real"):
            return False  # sem.to_bool refuses strings and anything that is not a number
        if isinstance(expr, (n.Number, n.String, n.Boolean, n.Null)):
            return True
        if isinstance(expr, n.Name):
            return self.symbol(expr) is not None
        values = {"int", "real", "string", "boolean"}
        if isinstance(expr, (n.Compare, n.InList, n.Interval, n.InRange)):
            # comparing simple values never fails; an array or an object could (it has no text)
            return all(self.quiet(part) and self.a.static_type(part, self.fn) in values for part in n.children(expr))
        if isinstance(expr, (n.Not, n.Logical)):
            return all(self.quiet(part, truth=True) for part in n.children(expr))
        if isinstance(expr, n.Binary):
            left, right = (self.a.static_type(part, self.fn) for part in (expr.left, expr.right))
            sure = (expr.op in "+-*" and left == right == "int") or (expr.op == "+" and left == "string" and right in values)
            return sure and self.quiet(expr.left) and self.quiet(expr.right)
        if isinstance(expr, n.Negate):
            return kind == "int" and self.quiet(expr.operand)
        return False

    def _chained(self, expr: n.Logical) -> str | None:
        """``a < b AND b < c`` over plain Python comparisons, written ``a < b < c`` (the same, with b read once)."""
        if expr.op not in ("AND", "AND_SC") or not (isinstance(expr.left, n.Compare) and isinstance(expr.right, n.Compare)):
            return None
        if not (_pure(expr.left) and _pure(expr.right)) or (expr.op == "AND" and not self.quiet(expr.right)):
            return None  # a < b < c skips b < c when a < b is False: only right when b < c cannot fail
        left, right = self.expr(expr.left), self.expr(expr.right)
        if left.startswith(("sem.", "not ")) or right.startswith(("sem.", "not ")):
            return None
        middle_left, middle_right = self.expr(expr.left.right, 6), self.expr(expr.right.left, 6)
        if middle_left != middle_right or not left.endswith(" " + middle_left) or not right.startswith(middle_right + " "):
            return None
        return left + right[len(middle_right):]

    def expr_not(self, expr: n.Not) -> tuple[str, int]:
        inner = self.truth(expr.operand)
        return f"not {_paren(inner, expr.operand, 4, self)}", 4

    def expr_negate(self, expr: n.Negate) -> tuple[str, int]:
        kind = self.a.static_type(expr.operand, self.fn)
        if expr.op == "+":
            if kind in ("int", "real"):
                return self.expr(expr.operand), 16
            self.uses.add("sem")
            return f"sem.to_number({self.expr(expr.operand)})", 16
        if kind == "int":
            return f"-{self.expr(expr.operand, 12)}", 12
        self.uses.add("sem")
        return f"sem.negate({self.expr(expr.operand)})", 16

    def expr_compare(self, expr: n.Compare) -> tuple[str, int]:
        left_type = self.a.static_type(expr.left, self.fn)
        right_type = self.a.static_type(expr.right, self.fn)
        python = {"=": "==", "<>": "!=", "<": "<", "<=": "<=", ">": ">", ">=": ">="}
        both_literal = _literal_node(expr.left) and _literal_node(expr.right)  # linters flag constant comparisons
        if expr.op in python and left_type == right_type and left_type in ("int", "string") and not both_literal:
            return f"{self.expr(expr.left, 6)} {python[expr.op]} {self.expr(expr.right, 6)}", 5
        self.uses.add("sem")
        if expr.op == "=":
            return f"sem.equals({self.expr(expr.left)}, {self.expr(expr.right)})", 16
        if expr.op == "<>":
            return f"not sem.equals({self.expr(expr.left)}, {self.expr(expr.right)})", 4
        return f"sem.compare({py_string(expr.op)}, {self.expr(expr.left)}, {self.expr(expr.right)})", 16

    def expr_interval(self, expr: n.Interval) -> tuple[str, int]:
        self.uses.add("sem")
        subject, low, high = self.expr(expr.subject), self.expr(expr.low), self.expr(expr.high)
        return (f"wl.interval({subject}, {py_string(expr.low_op)}, {low}, {py_string(expr.high_op)}, {high})", 16)

    def expr_inrange(self, expr: n.InRange) -> tuple[str, int]:
        return self._in_range(self.expr(expr.subject), self.expr(expr.low), expr.high), 16

    def _in_range(self, subject: str, low: str, high: Any) -> str:
        """``subject = low TO high`` and ``CASE low TO high``: the interpreter evaluates ``high`` only when ``low`` is passed."""
        if _pure(high) and self.quiet(high):
            return f'wl.interval({subject}, "<=", {low}, "<=", {self.expr(high)})'
        return f"wl.in_range({subject}, {low}, lambda: {self.expr(high)})"

    def expr_inlist(self, expr: n.InList) -> tuple[str, int]:
        subject = self.expr(expr.subject)
        items = ", ".join(self.expr(item) for item in expr.items)
        if expr.mode == "IN_SC":
            lazy = ", ".join(f"lambda: {self.expr(item)}" for item in expr.items)
            return f"wl.among({subject}, {lazy})", 16
        code = f"wl.in_list({subject}, {items})"
        return (f"not {code}", 4) if expr.mode == "NOT_IN" else (code, 16)

    def expr_optionalconcat(self, expr: n.OptionalConcat) -> tuple[str, int]:
        self.uses.add("sem")
        right = f", {self.expr(expr.right)}" if expr.right is not None else ""
        return f"sem.optional_concat({self.expr(expr.left)}, {self.expr(expr.separator)}{right})", 16

    def expr_defaultarg(self, expr: n.DefaultArg) -> tuple[str, int]:
        self.uses.add("DEFAULT")
        return "DEFAULT", 16

    def expr_member(self, expr: n.Member) -> tuple[str, int]:
        member = self.a.member(expr, self.fn)
        owner = self.expr(expr.target, 15)
        if member is not None and member.kind == "property":
            return f"{owner}.{member.attribute}", 15
        name = member.name if member is not None else _canonical_member(expr.name)
        return f"wl.get({self.expr(expr.target)}, {py_string(name)})", 16

    def _index_in_range(self, expr: n.Index) -> bool:
        """An index into an array that keeps its declared size, proven between 1 and that size (see fixed_size)."""
        if not isinstance(expr.target, n.Name):
            return False
        symbol = self.symbol(expr.target)
        if symbol is None or symbol.fn is not self.fn:
            return False
        size = self.a.fixed_size(symbol)
        if self.a.array_uses(symbol) is not None:  # an array that only grows: at least its size here
            size = max(size or 0, self._facts.sizes.get(id(expr), 0))
        if _int_literal(expr.index) is not None and id(symbol) not in self.padded:
            return False  # t[2] reads better as it is; the speed is in loops
        bounds = self._interval(expr.index)
        return size is not None and bounds is not None and 1 <= bounds[0] and bounds[1] <= size

    def _slot(self, index: Any) -> str:
        """The list position of a 1-based index: ``i - 1``, or ``i`` for ``i + 1``."""
        if isinstance(index, n.Binary) and index.op in "+-":
            amount = _int_literal(index.right)
            if amount is not None:
                shift = amount - 1 if index.op == "+" else -amount - 1
                if shift == 0:
                    return self.expr(index.left)
                return f"{self.expr(index.left, 11)} {'+' if shift > 0 else '-'} {abs(shift)}"
        return self.expr(n.Binary("-", index, n.Number(1)))

    def _element_type(self, expr: n.Index) -> str | None:
        symbol = self.symbol(expr.target) if isinstance(expr.target, n.Name) else None
        if symbol is None or symbol.type is None or symbol.type.element is None:
            return None
        return symbol.type.element.name if symbol.type.element.kind == "simple" else None

    def _interval(self, expr: Any) -> tuple[int, int] | None:
        """The smallest and largest values an integer expression can take here (None: not known)."""
        if isinstance(expr, n.Number) and type(expr.value) is int:
            return (expr.value, expr.value)
        if isinstance(expr, n.Name):
            symbol = self.symbol(expr)
            if symbol is None:
                return None
            known = self._bounds.get(id(symbol)) or self.param_bounds.get(id(symbol))
            flow = self._facts.names.get(id(expr))  # what every run can hold here (wlinterp.ranges)
            if flow is not None:
                low = max(flow[0], known[0]) if known is not None else flow[0]
                high = min(flow[1], known[1]) if known is not None else flow[1]
                if not (math.isinf(low) or math.isinf(high)) and low <= high:
                    return (int(low), int(high))
            return known
        if isinstance(expr, n.Negate) and expr.op == "-":
            inner = self._interval(expr.operand)
            return (-inner[1], -inner[0]) if inner is not None else None
        if isinstance(expr, n.Binary) and expr.op in "+-*":
            left, right = self._interval(expr.left), self._interval(expr.right)
            if left is None or right is None:
                return None
            if expr.op == "+":
                return (left[0] + right[0], left[1] + right[1])
            if expr.op == "-":
                return (left[0] - right[1], left[1] - right[0])
            products = [a * b for a in left for b in right]
            return (min(products), max(products))
        return None

    def _loop_bounds(self, stmt: n.For, step: int | None) -> tuple[int, int] | None:
        """The values a FOR written as a range gives its variable (None: not known)."""
        start, stop = self._interval(stmt.start), self._interval(stmt.stop)
        if step is None:
            steps = self._interval(stmt.step)
            step = 0 if steps is None or steps[0] <= 0 <= steps[1] else steps[0]
        if start is None or stop is None or step == 0:
            return None
        return (start[0], stop[1]) if step > 0 else (stop[0], start[1])

    def _is_array(self, expr: Any) -> bool:
        kind = self.a.static_type(expr, self.fn)
        return kind is not None and kind.startswith(("array of", "associative array of"))

    def expr_index(self, expr: n.Index) -> tuple[str, int]:
        container, index = self.expr(expr.target, 15), self.expr(expr.index)
        if self._padded(expr.target) is not None:
            if self._index_in_range(expr):
                return f"{self._list_of(container, expr.target)}[{index}]", 15
            return f"wl.item({container}, {index})", 16
        if self._index_in_range(expr):
            return f"{self._list_of(container, expr.target)}[{self._slot(expr.index)}]", 15
        if self._is_array(expr.target):
            return f"{container}.get({index})", 15
        return f"wl.index({self.expr(expr.target)}, {index})", 16

    def _substring_args(self, expr: n.Substring) -> tuple[str, str]:
        start = self.expr(expr.start) if expr.start is not None else "None"
        end = self.expr(expr.end) if expr.end is not None and expr.mode != "at" else "None"
        return start, end

    def expr_substring(self, expr: n.Substring) -> tuple[str, int]:
        container = self.expr(expr.target)
        start, end = self._substring_args(expr)
        args = [container, py_string(expr.mode), start]
        if end != "None":
            args.append(end)
        return f"wl.substring({', '.join(args)})", 16

    def expr_call(self, expr: n.Call) -> tuple[str, int]:
        callee = expr.callee
        if isinstance(callee, n.Name):
            target = self.a.calls.get(id(expr))
            if target is not None:
                return self._procedure_call(expr, target), 16
            entry = REGISTRY.lookup(callee.name)
            if entry is not None:  # variables are not callable: a name with () is a procedure or a built-in
                if entry.kind == "variable" and entry.callable_variable and not expr.args:
                    return f"wl.{entry.name}", 16
                plain = self._plain_python(entry, expr.args)
                if plain is not None:
                    return plain, 16
                args = ", ".join(self.expr(arg) for arg in expr.args)
                return f"wl.{entry.name}({args})", 16
            args = ", ".join(self.expr(arg) for arg in expr.args)
            return f"wl.nothing({py_string(callee.name)}{', ' if args else ''}{args})", 16
        if isinstance(callee, n.Member):
            owner = self.expr(callee.target)
            args = [self.expr(arg) for arg in expr.args]
            info = self.a.owner_info(callee.target, self.fn)
            member = info.member(callee.name) if info is not None else None
            if member is None and info is None and self.a.static_type(callee.target, self.fn) in SIMPLE:
                entry = REGISTRY.lookup(callee.name)
                if entry is not None and entry.kind == "function":
                    return f"wl.{entry.name}({', '.join([owner, *args])})", 16
            if (member is not None and member.kind == "method" and not member.can_fail and not member.runtime
                    and info is not None and info.python_class is not None and self._arity_fits(member, info, args)):
                # a plain method of a value whose type is sure: the same Python method the interpreter calls
                return f"{self.expr(callee.target, 15)}.{member.attribute}({', '.join(args)})", 15
            name = member.name if member is not None else _canonical_member(callee.name)
            return f"wl.call({', '.join([owner, py_string(name), *args])})", 16
        return f"wl.call({self.expr(callee)}, \"\")", 16

    def _plain_python(self, entry: Any, args: list[Any]) -> str | None:
        """The plain Python the registry gives for a built-in (``len(s)``) when its arguments' types are sure to fit."""
        python = getattr(entry, "python", None)
        if python is None:
            return None
        form, kinds = python
        if len(args) != len(kinds):
            return None
        for arg, kind in zip(args, kinds):
            static = self.a.static_type(arg, self.fn)
            if static is None or not (static == kind or (kind == "array" and static.startswith("array of"))):
                return None
        return form.format(*(self.expr(arg) for arg in args))

    @staticmethod
    def _arity_fits(member: Member, info: TypeInfo, args: list[str]) -> bool:
        least, most = member.arity(info.python_class)  # type: ignore[arg-type]
        return least <= len(args) <= most

    def _procedure_call(self, expr: n.Call, target: Function) -> str:
        assert target.node is not None
        params = target.node.params
        by_key = {ident_key(s.name): s for s in target.params}
        args: list[str] = []
        for position, arg in enumerate(expr.args):
            param = params[position] if position < len(params) else (params[-1] if params and params[-1].variadic else None)
            if param is None or param.variadic:
                args.append(self.expr(arg))
                continue
            symbol = by_key[ident_key(param.name)]
            args.append(self._argument(arg, symbol))
        self._record_bounds(expr, target, by_key)
        py_name = getattr(target, "node_py", target.node.name)
        return f"{py_name}({', '.join(args)})"

    def _record_bounds(self, expr: n.Call, target: Function, by_key: dict[str, Symbol]) -> None:
        """What this call gives each parameter, when it is an integer whose bounds are known here."""
        assert target.node is not None
        for position, param in enumerate(target.node.params):
            if param.variadic:
                break
            arg = expr.args[position] if position < len(expr.args) else None
            bounds: tuple[int, int] | None = None
            if arg is None or isinstance(arg, n.DefaultArg):
                value = _int_literal(param.default) if param.default is not None else None
                bounds = (value, value) if value is not None else None
            elif self.a.static_type(arg, self.fn) == "int":
                bounds = self._interval(arg)
            self.call_bounds.setdefault(id(by_key[ident_key(param.name)]), []).append(bounds)

    def parameter_bounds(self) -> dict[int, tuple[int, int]]:
        """Integer parameters that no code writes and whose every call gave bounded values: the union of those."""
        written = {id(symbol) for symbols in self.a.writes.values() for symbol in symbols}
        found = {}
        for fn in self.a.functions.values():
            for symbol in fn.params:
                given = self.call_bounds.get(id(symbol))
                if (not given or any(b is None for b in given) or id(symbol) in written or symbol.is_ref
                        or symbol.shared or symbol.type is None or symbol.type.kind != "simple" or symbol.type.name != "int"):
                    continue
                found[id(symbol)] = (min(b[0] for b in given if b), max(b[1] for b in given if b))
        return found

    def _passed(self, arg: Any, param: Symbol) -> str:
        """A value for a parameter the procedure does not write: as the interpreter binds it (shared, converted or copied)."""
        code = self.expr(arg)
        if isinstance(arg, n.Name) and not param.local:
            symbol = self.symbol(arg)
            if symbol is not None and (param.type is None or symbol.cell_type == param.type.name):
                return code  # the interpreter shares the variable itself: nothing converts
        spec = self._store_spec(param)
        if spec is None:
            return f"wl.copied({code})" if param.local and not self._simple_value(arg) else code
        static = self.a.static_type(arg, self.fn)
        collection = spec.startswith(("array of", "associative array of"))  # storing one copies it (a LOCAL's own copy)
        if not collection and (static == spec or (spec in ("real", "numeric", "currency") and static in ("int", "real"))):
            return code
        return self._convert_code(spec, code)

    def _simple_value(self, arg: Any) -> bool:
        return self.a.static_type(arg, self.fn) in SIMPLE

    def _argument(self, arg: Any, param: Symbol) -> str:
        if isinstance(arg, n.DefaultArg):
            self.uses.add("DEFAULT")
            return "DEFAULT"
        if not param.written_param:
            return self._passed(arg, param)
        spec = self._spec_arg(param)
        if isinstance(arg, n.Name):
            symbol = self.symbol(arg)
            if symbol is not None and symbol.is_ref and self.a.shares(param, symbol):
                if param.type is not None and symbol.cell_type != param.type.name:
                    return f"wl.share({symbol.py}{spec})"  # known when it runs: what the parameter stands for
                return symbol.py
        if isinstance(arg, n.Index) and param.type is None:
            return f"wl.element({self.expr(arg.target)}, {self.expr(arg.index)})"
        self.uses.add("Ref")
        return f"Ref({self.expr(arg)}{spec})"


class _RangeContext:
    """What wlinterp.ranges needs to know of one function: which names it follows, static types, calls."""

    def __init__(self, writer: _Writer, fn: Function):
        self.w, self.a, self.fn = writer, writer.a, fn
        self._integers: dict[int, bool] = {}
        body = fn.node.body if fn.node is not None else self.a.program.body
        # a variable written by an internal procedure, or aliased by ``x is int <- y``, changes where no
        # statement of this function says so: it is not followed
        self._elsewhere = {ident_key(name) for inner in fn.internal if inner.node is not None
                           for name in _assigned_names(inner.node.body)}
        for stmt in n.walk(body):
            if isinstance(stmt, n.Declare) and stmt.by_reference:
                self._elsewhere.update(ident_key(name) for name in stmt.names)
                if isinstance(stmt.init, n.Name):
                    self._elsewhere.add(ident_key(stmt.init.name))
        self._wanted = _names_that_matter(body, self.a.calls)
        self._ints: dict[int, bool] = {}
        self._changed: dict[int, set[object]] = {}

    def _symbol(self, name: n.Name | str) -> Symbol | None:
        if isinstance(name, n.Name):
            return self.a.resolved.get(id(name)) or self.a.lookup(name.name, self.fn)
        return self.a.lookup(name, self.fn)

    def integer(self, name: n.Name | str) -> Symbol | None:
        symbol = self._symbol(name)
        if symbol is None:
            return None
        if id(symbol) not in self._integers:
            self._integers[id(symbol)] = self._followed(symbol)
        return symbol if self._integers[id(symbol)] else None

    def _followed(self, symbol: Symbol) -> bool:
        if ident_key(symbol.name) not in self._wanted:
            return False  # nothing the writer asks depends on it: following it would only cost time
        if (symbol.fn is not self.fn or symbol.kind not in ("variable", "loop", "parameter") or symbol.shared
                or symbol.is_ref or symbol.unsure or ident_key(symbol.name) in self._elsewhere):
            return False
        if symbol.kind == "loop":
            return self.a.static_type(n.Name(symbol.name), self.fn) == "int"
        return symbol.type is not None and symbol.type.kind == "simple" and symbol.type.name == "int"

    def array(self, name: n.Name | str) -> Symbol | None:
        symbol = self._symbol(name)
        if symbol is None or symbol.fn is not self.fn or self.a.array_uses(symbol) is None:
            return None
        return symbol

    def is_int(self, expr: Any) -> bool:
        known = self._ints.get(id(expr))
        if known is None:
            known = self._ints[id(expr)] = self.a.static_type(expr, self.fn) == "int"
        return known

    def changed_by_calls(self, stmt: Any) -> set[object]:
        if id(stmt) not in self._changed:
            self._changed[id(stmt)] = self._changed_by_calls(stmt)
        return self._changed[id(stmt)]

    def _changed_by_calls(self, stmt: Any) -> set[object]:
        changed: set[object] = set()
        for expr in n.statement_exprs(stmt):
            for node in n.walk_expr(expr):
                callee = self.a.calls.get(id(node)) if isinstance(node, n.Call) else None
                if callee is None:
                    continue  # a built-in gets values, never a variable
                written = _written_positions(callee)
                for position, arg in enumerate(node.args):
                    symbol = self.integer(arg) if isinstance(arg, n.Name) else None
                    if symbol is not None and (written is None or position in written):
                        changed.add(symbol)
        return changed

    def appends_to(self, call: n.Call) -> Symbol | None:
        if isinstance(call.callee, n.Member) and isinstance(call.callee.target, n.Name):
            member = self.a.member(call.callee, self.fn)
            return self.array(call.callee.target) if member is not None and member.grows else None
        if isinstance(call.callee, n.Name) and id(call) not in self.a.calls and call.args:
            entry = REGISTRY.lookup(call.callee.name) if self.a.lookup(call.callee.name, self.fn) is None else None
            if entry is not None and entry.grows and isinstance(call.args[0], n.Name):
                return self.array(call.args[0])
        return None

    def compiled_branch(self, stmt: n.CompileIf) -> n.Block | None:
        return self.a.compiled_branch(stmt)


def _names_that_matter(body: n.Block, procedure_calls: dict[int, Any]) -> set[str]:
    """The integer names whose intervals the writer may ask for (array indexes, quotients, remainders, steps,
    procedure arguments), with every name their values come from or are compared with (by ident key)."""

    def keys(expr: Any) -> set[str]:
        return {ident_key(node.name) for node in n.walk_expr(expr) if isinstance(node, n.Name)} if expr is not None else set()

    wanted: set[str] = set()
    links: list[tuple[set[str], set[str]]] = []  # (names, what they depend on): once one of them matters, so do those
    for stmt in n.walk(body):
        if isinstance(stmt, n.Procedure):
            continue
        if isinstance(stmt, n.Declare) and stmt.init is not None:
            links.append(({ident_key(name) for name in stmt.names}, keys(stmt.init)))
        elif isinstance(stmt, n.Assign) and isinstance(stmt.target, n.Name):
            links.append(({ident_key(stmt.target.name)}, keys(stmt.value)))
        elif isinstance(stmt, n.For):
            links.append(({ident_key(stmt.var)}, keys(stmt.start) | keys(stmt.stop) | keys(stmt.step)))
            if stmt.step is not None and not isinstance(stmt.step, n.Number):
                wanted |= keys(stmt.step)
        for expr in n.statement_exprs(stmt):
            for node in n.walk_expr(expr):
                if isinstance(node, n.Index):
                    wanted |= keys(node.index)
                elif isinstance(node, n.Binary) and node.op in "/%":
                    wanted |= keys(node.left)
                elif isinstance(node, n.Call) and id(node) in procedure_calls:
                    wanted |= set().union(*(keys(arg) for arg in node.args))
                elif isinstance(node, (n.Compare, n.InRange)):
                    sides = [keys(part) for part in n.children(node)]
                    everything = set().union(*sides)
                    links.extend((side, everything) for side in sides)
    changed = True
    while changed:
        changed = False
        for names, sources in links:
            if names & wanted and not sources <= wanted:
                wanted |= sources
                changed = True
    return wanted


def _assigned_names(block: n.Block) -> set[str]:
    """The names a block (and the internal procedures inside it) may assign."""
    found: set[str] = set()
    for stmt in n.walk(block):
        if isinstance(stmt, n.Procedure):
            found |= _assigned_names(stmt.body)
        elif isinstance(stmt, (n.Assign, n.IncDec)):
            root = stmt.target
            while isinstance(root, (n.Substring, n.Index, n.Member)):
                root = root.target
            if isinstance(root, n.Name):
                found.add(root.name)
        elif isinstance(stmt, (n.For, n.ForEachString)):
            found.add(stmt.var)
        elif isinstance(stmt, n.ForEach):
            found.update(stmt.names)
        found.update(arg.name for expr in n.statement_exprs(stmt) for node in n.walk_expr(expr)
                     if isinstance(node, n.Call) for arg in node.args if isinstance(arg, n.Name))
    return found


class _Typed:
    """Stands for a value whose static type is known without an expression node (a compound assignment's result)."""

    def __init__(self, kind: str | None):
        self.kind = kind


def _closure(found: dict[int, set[int]], links: dict[int, set[int]]) -> dict[int, set[int]]:
    """Each key's set grown with the sets of the keys it links to, and theirs, until nothing changes (links may loop)."""
    result = {key: set(items) for key, items in found.items()}
    changed = True
    while changed:
        changed = False
        for key, targets in links.items():
            for target in targets:
                extra = result.get(target, set()) - result.setdefault(key, set())
                if extra:
                    result[key] |= extra
                    changed = True
    return result


def _untyped_reference(symbol: Symbol) -> bool:
    """An untyped parameter that is not LOCAL: the caller's variable, whose type is only known when it runs."""
    return symbol.kind == "parameter" and symbol.type is None and not symbol.local


def _required_after_default(procedure: n.Procedure, param: n.Param) -> bool:
    """A parameter without a default after one that has one (``P(a = 1, b)``): legal in WLanguage, not in a Python signature."""
    position = procedure.params.index(param)
    return param.default is None and any(p.default is not None for p in procedure.params[:position])


def _paren(code: str, expr: Any, precedence: int, writer: _Writer) -> str:
    """Parenthesise a boolean sub-expression written with lower precedence than its context."""
    if isinstance(expr, n.Logical) and writer.python_logic(expr):
        inner = 3 if expr.op.startswith("AND") else 2
        return f"({code})" if inner < precedence else code
    if isinstance(expr, n.Compare) and code.startswith("not ") and precedence > 4:
        return f"({code})"
    if isinstance(expr, n.Not) and precedence > 4:
        return f"({code})"
    if isinstance(expr, n.Compare) and " " in code and not code.startswith(("sem.", "not ")) and precedence > 5:
        return f"({code})"
    return code


def _literal_node(expr: Any) -> bool:
    return isinstance(expr, (n.Number, n.String, n.Boolean, n.Null))


def _literal(value: Any) -> str:
    if value is None:
        return "None"
    if isinstance(value, bool):
        return "True" if value else "False"
    if isinstance(value, str):
        return py_string(value)
    if isinstance(value, float):
        text = repr(value)
        if text in ("inf", "-inf", "nan"):
            return f'float("{text}")'
        return text
    return str(value)


def _int_literal(expr: Any) -> int | None:
    if isinstance(expr, n.Number) and isinstance(expr.value, int):
        return expr.value
    if isinstance(expr, n.Negate) and expr.op == "-":
        inner = _int_literal(expr.operand)
        return -inner if inner is not None else None
    return None


def _canonical_member(name: str) -> str:
    """A member written on a value of unknown type: its English name when every reading of the spelling agrees.

    ``x.Taille`` is the Size of an attachment but also Length(x) in French: with no type to
    decide, the program's own spelling is kept and resolved when the program runs.
    """
    key = ident_key(name)
    readings = {info.members[key].name for info in _all_types() if key in info.members}
    entry = REGISTRY.lookup(name)
    if entry is not None and entry.kind == "function":
        readings.add(entry.name)
    return readings.pop() if len(readings) == 1 else name


def _all_types() -> Iterator[TypeInfo]:
    REGISTRY._ensure_loaded()
    seen: set[int] = set()
    for info in REGISTRY._types.values():
        if id(info) not in seen:
            seen.add(id(info))
            yield info


def _comment_lines(text: str) -> list[str]:
    """A WLanguage comment as Python comment lines."""
    if text.startswith("//"):
        body = text[2:]
        return ["#" + (body if body.startswith(" ") or not body else " " + body).rstrip()]
    lines = text.strip()[2:-2] if text.strip().endswith("*/") else text.strip()[2:]
    return [("# " + line.strip()).rstrip() for line in lines.splitlines() if line.strip()] or ["#"]


def _assigns(block: n.Block, name: str, procedure_calls: dict[int, Any] | None = None) -> bool:
    """Whether the block may rebind the variable: assigns it, loops over it, or hands it to a procedure."""
    key = ident_key(name)
    for stmt in n.walk(block):
        targets: list[Any] = []
        if isinstance(stmt, n.Assign | n.IncDec):
            targets.append(stmt.target)
        elif isinstance(stmt, n.For):
            targets.append(n.Name(stmt.var))
        elif isinstance(stmt, n.ForEach):
            targets.extend(n.Name(x) for x in stmt.names)
        elif isinstance(stmt, n.ForEachString):
            targets.append(n.Name(stmt.var))
        elif isinstance(stmt, (n.Declare, n.Let)):
            names = stmt.names if isinstance(stmt, n.Declare) else (stmt.name,)
            targets.extend(n.Name(x) for x in names)
        for target in targets:
            root = target
            while isinstance(root, n.Substring):
                root = root.target
            if isinstance(root, n.Name) and ident_key(root.name) == key:
                return True
        if _passes_name(stmt, key, procedure_calls):
            return True
    return False


def _passes_name(stmt: Any, key: str, procedure_calls: dict[int, Any] | None) -> bool:
    """A procedure call in the statement takes the variable as an argument that it may write by reference."""
    for expr in n.statement_exprs(stmt):
        for node in n.walk_expr(expr):
            if not isinstance(node, n.Call) or (procedure_calls is not None and id(node) not in procedure_calls):
                continue
            callee = procedure_calls.get(id(node)) if procedure_calls is not None else None
            written = _written_positions(callee)
            for position, arg in enumerate(node.args):
                if isinstance(arg, n.Name) and ident_key(arg.name) == key and (written is None or position in written):
                    return True
    return False


def _written_positions(callee: Function | None) -> set[int] | None:
    """The argument positions a procedure may write through (None: any, when it is not known)."""
    if callee is None or callee.node is None:
        return None
    by_name = {ident_key(p.name): p for p in callee.params}
    written = set()
    for position, param in enumerate(callee.node.params):
        symbol = None if param.variadic else by_name.get(ident_key(param.name))
        if symbol is None:
            return None
        if symbol.written_param:
            written.add(position)
    return written


def _calls_internal(block: n.Block, procedure_calls: dict[int, Any]) -> bool:
    """Whether the block calls an internal procedure (which may change the variables around it)."""
    return any(isinstance(node, n.Call) and id(node) in procedure_calls and procedure_calls[id(node)].parent is not None
               for stmt in n.walk(block) for expr in n.statement_exprs(stmt) for node in n.walk_expr(expr))


def _names_read(block: n.Block) -> set[str]:
    found: set[str] = set()
    for stmt in n.walk(block):
        for expr in n.statement_exprs(stmt):
            for node in n.walk_expr(expr):
                if isinstance(node, n.Name):
                    found.add(ident_key(node.name))
    return found


def _loops_over(block: n.Block, key: str) -> bool:
    """Whether a loop in the block (at any depth) sets the variable."""
    for stmt in n.walk(block):
        if isinstance(stmt, (n.For, n.ForEachString)) and ident_key(stmt.var) == key:
            return True
        if isinstance(stmt, n.ForEach) and key in {ident_key(name) for name in stmt.names}:
            return True
    return False


def _reads_outside_loops(block: n.Block, key: str) -> int:
    """How many statements outside FOR loops over ``key`` read it (or hand it to a call)."""
    count = 0
    for stmt in block:
        if isinstance(stmt, n.Procedure):
            continue
        if isinstance(stmt, n.For) and ident_key(stmt.var) == key:
            if any(isinstance(node, n.Name) and ident_key(node.name) == key
                   for part in (stmt.start, stmt.stop, stmt.step) if part is not None for node in n.walk_expr(part)):
                count += 1
            if _loops_over(stmt.body, key):
                # a loop over the same variable inside: what this body reads after it is that loop's leftover value
                count += _reads_outside_loops(stmt.body, key)
            continue
        for expr in n.statement_exprs(stmt):
            if any(isinstance(node, n.Name) and ident_key(node.name) == key for node in n.walk_expr(expr)):
                count += 1
        if isinstance(stmt, (n.ForEach, n.ForEachString)):
            names = stmt.names if isinstance(stmt, n.ForEach) else (stmt.var,)
            if key in {ident_key(x) for x in names}:
                count += 1
        for inner in n.blocks_of(stmt):
            count += _reads_outside_loops(inner, key)
    return count
