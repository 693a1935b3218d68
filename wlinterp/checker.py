"""Finds a program's mistakes before it runs: unknown names, procedures and types, wrong argument counts, misplaced statements.

WinDev refuses to compile such a program, and so does ``wlinterp check`` (design §4); with
``--lenient`` the same findings are warnings and the program runs anyway.
"""

from __future__ import annotations

import difflib
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from . import nodes as n
from .directives import compile_condition
from .errors import Diagnostic, WLRuntimeError
from .lexer import KeywordUse
from .registry import REGISTRY, UNLIMITED, Builtin, TypeInfo
from .runtime import RunOptions
from .source import Span, ident_key
from .vocabulary import VOCABULARY

__all__ = ["CheckResult", "check", "detect_language"]


@dataclass
class CheckResult:
    diagnostics: list[Diagnostic]
    # every name that resolved to a built-in, for the translation tools (design §8)
    builtin_uses: list[tuple[Span, Builtin]] = field(default_factory=list)
    language: str = "en"


@dataclass
class _Symbol:
    name: str
    span: Span | None
    kind: str  # "variable" | "constant" | "parameter" | "loop"
    type_ref: n.TypeRef | None = None


class _Scope:
    """The names visible in one procedure (and, through ``parent``, its enclosing ones and the globals)."""

    def __init__(self, parent: _Scope | None = None, procedures: dict[str, n.Procedure] | None = None):
        self.symbols: dict[str, _Symbol] = {}
        self.parent = parent
        self.procedures = procedures or {}

    def find(self, name: str) -> _Symbol | None:
        key = ident_key(name)
        scope: _Scope | None = self
        while scope is not None:
            if key in scope.symbols:
                return scope.symbols[key]
            scope = scope.parent
        return None

    def find_procedure(self, name: str) -> n.Procedure | None:
        key = ident_key(name)
        scope: _Scope | None = self
        while scope is not None:
            if key in scope.procedures:
                return scope.procedures[key]
            scope = scope.parent
        return None

    def visible(self) -> list[_Symbol]:
        seen: list[_Symbol] = []
        scope: _Scope | None = self
        while scope is not None:
            seen.extend(scope.symbols.values())
            scope = scope.parent
        return seen


def detect_language(keywords: list[KeywordUse]) -> str:
    """The language most of the program's keywords are written in (English on a tie)."""
    votes: Counter[str] = Counter()
    for use in keywords:
        langs = VOCABULARY.languages.get((use.terminal, " ".join(ident_key(w) for w in use.text.split())))
        if langs and len(langs) < 3:
            for lang in langs:
                votes[lang] += 1 / len(langs)
    if not votes:
        return "en"
    best = max(votes.values())
    for lang in ("en", "fr", "es"):
        if votes[lang] == best:
            return lang
    return "en"


def check(
    program: n.Program,
    path: str = "<input>",
    options: RunOptions | None = None,
    keywords: list[KeywordUse] | None = None,
) -> CheckResult:
    """Every problem the program has, at once."""
    options = options or RunOptions()
    language = options.lang if options.lang in ("en", "fr", "es") else detect_language(keywords or [])
    checker = _Checker(program, path, options, language)
    checker.run()
    return CheckResult(checker.diagnostics, checker.builtin_uses, language)


class _Checker:
    def __init__(self, program: n.Program, path: str, options: RunOptions, language: str):
        self.program = program
        self.path = path
        self.options = options
        self.lenient = options.lenient
        self.language = language
        self.diagnostics: list[Diagnostic] = []
        self.builtin_uses: list[tuple[Span, Builtin]] = []
        self.loop_depth = 0
        self.in_procedure = False
        procedures: dict[str, n.Procedure] = {}
        for procedure in program.procedures:
            key = ident_key(procedure.name)
            if key in procedures:
                self._error("syntax", f"procedure '{procedure.name}' is declared twice", procedure.span,
                            f"the first one is at line {procedures[key].span.line}" if procedures[key].span else "")
            procedures[key] = procedure
        # the main code's INTERNAL PROCEDUREs come first there, as they do in any procedure
        internal = {ident_key(p.name): p for p in n.internal_procedures(program.body)}
        self.globals = _Scope(procedures={**procedures, **internal})
        for name in options.defines:
            self.globals.symbols[ident_key(name)] = _Symbol(name, None, "variable")

    # ------------------------------------------------------------------ reporting

    def _error(self, code: str, message: str, span: Span | None, hint: str = "", demotable: bool = False) -> None:
        severity = "warning" if demotable and self.lenient else "error"
        self.diagnostics.append(Diagnostic(severity, code, message, span, hint, self.path))

    # ------------------------------------------------------------------ walking

    def run(self) -> None:
        self.block(self.program.body, self.globals)
        for procedure in self.program.procedures:
            self.procedure(procedure, self.globals)

    def procedure(self, procedure: n.Procedure, outer: _Scope) -> None:
        internal = {ident_key(p.name): p for p in n.internal_procedures(procedure.body)}
        scope = _Scope(outer, internal)
        for param in procedure.params:
            if param.variadic:
                continue
            if param.type is not None:
                self.type_ref(param.type)
            if param.default is not None:
                self.expr(param.default, scope)
            scope.symbols[ident_key(param.name)] = _Symbol(param.name, param.span, "parameter", param.type)
        if procedure.return_type is not None:
            self.type_ref(procedure.return_type)
        saved = (self.loop_depth, self.in_procedure)
        self.loop_depth, self.in_procedure = 0, True
        self.block(procedure.body, scope)
        self.loop_depth, self.in_procedure = saved

    def block(self, block: n.Block, scope: _Scope) -> None:
        for stmt in block:
            self.stmt(stmt, scope)

    def stmt(self, stmt: Any, scope: _Scope) -> None:
        handler = getattr(self, "stmt_" + type(stmt).__name__.lower())
        handler(stmt, scope)

    def declare(self, name: str, span: Span | None, kind: str, scope: _Scope, type_ref: n.TypeRef | None = None) -> None:
        scope.symbols[ident_key(name)] = _Symbol(name, span, kind, type_ref)

    # ------------------------------------------------------------------ statements

    def stmt_declare(self, stmt: n.Declare, scope: _Scope) -> None:
        self.type_ref(stmt.type)
        if stmt.init is not None:
            self.expr(stmt.init, scope)
            self.literal_fits(stmt.type, stmt.init)
        for name in stmt.names:
            self.declare(name, stmt.span, "variable", scope, stmt.type)

    def stmt_let(self, stmt: n.Let, scope: _Scope) -> None:
        self.expr(stmt.value, scope)
        self.declare(stmt.name, stmt.span, "variable", scope)

    def stmt_assign(self, stmt: n.Assign, scope: _Scope) -> None:
        self.expr(stmt.value, scope)
        self.target(stmt.target, scope, reads=stmt.op != "=")
        if isinstance(stmt.target, n.Name):
            symbol = scope.find(stmt.target.name)
            if symbol is not None and symbol.type_ref is not None:
                self.literal_fits(symbol.type_ref, stmt.value)

    def stmt_incdec(self, stmt: n.IncDec, scope: _Scope) -> None:
        self.target(stmt.target, scope, reads=True)

    def stmt_exprstmt(self, stmt: n.ExprStmt, scope: _Scope) -> None:
        self.expr(stmt.expr, scope)

    def stmt_if(self, stmt: n.If, scope: _Scope) -> None:
        for condition, body in stmt.branches:
            self.condition(condition, scope)
            self.block(body, scope)
        if stmt.orelse is not None:
            self.block(stmt.orelse, scope)

    def stmt_switch(self, stmt: n.Switch, scope: _Scope) -> None:
        self.expr(stmt.subject, scope)
        for case in stmt.cases:
            for value in case.values:
                self.expr(value.value, scope)
                if value.high is not None:
                    self.expr(value.high, scope)
            self.block(case.body, scope)
        if stmt.default is not None:
            self.block(stmt.default, scope)

    def _loop_var(self, name: str, span: Span | None, scope: _Scope) -> None:
        if scope.find(name) is None:
            self.declare(name, span, "loop", scope)

    def _loop_body(self, body: n.Block, scope: _Scope) -> None:
        self.loop_depth += 1
        self.block(body, scope)
        self.loop_depth -= 1

    def stmt_for(self, stmt: n.For, scope: _Scope) -> None:
        for part in (stmt.start, stmt.stop, stmt.step):
            if part is not None:
                self.expr(part, scope)
        self._loop_var(stmt.var, stmt.span, scope)
        self._loop_body(stmt.body, scope)

    def stmt_foreach(self, stmt: n.ForEach, scope: _Scope) -> None:
        self.expr(stmt.iterable, scope)
        for name in stmt.names:
            self._loop_var(name, stmt.span, scope)
        self._loop_body(stmt.body, scope)

    def stmt_foreachstring(self, stmt: n.ForEachString, scope: _Scope) -> None:
        self.expr(stmt.source, scope)
        self.expr(stmt.separator, scope)
        self._loop_var(stmt.var, stmt.span, scope)
        self._loop_body(stmt.body, scope)

    def stmt_while(self, stmt: n.While, scope: _Scope) -> None:
        self.condition(stmt.condition, scope)
        self._loop_body(stmt.body, scope)

    def stmt_loop(self, stmt: n.Loop, scope: _Scope) -> None:
        if stmt.count is not None:
            self.expr(stmt.count, scope)
        self._loop_body(stmt.body, scope)

    def _in_loop(self, stmt: Any, word: str) -> None:
        if self.loop_depth == 0:
            keyword = VOCABULARY.spelling(word, self.language)
            self._error("syntax", f"{keyword} is only allowed inside a loop", stmt.span,
                        "BREAK and CONTINUE belong in FOR, FOR EACH, WHILE or LOOP")

    def stmt_break(self, stmt: n.Break, scope: _Scope) -> None:
        self._in_loop(stmt, "BREAK")

    def stmt_continue(self, stmt: n.Continue, scope: _Scope) -> None:
        self._in_loop(stmt, "CONTINUE")

    def stmt_return(self, stmt: n.Return, scope: _Scope) -> None:
        return None

    def stmt_result(self, stmt: n.Result, scope: _Scope) -> None:
        if stmt.value is not None:
            self.expr(stmt.value, scope)

    def stmt_try(self, stmt: n.Try, scope: _Scope) -> None:
        self.block(stmt.body, scope)
        self.block(stmt.handler, scope)
        if stmt.orelse is not None:
            self.block(stmt.orelse, scope)

    def stmt_constantblock(self, stmt: n.ConstantBlock, scope: _Scope) -> None:
        for constant in stmt.constants:
            self.expr(constant.value, scope)
            self.declare(constant.name, constant.span, "constant", scope)

    def stmt_scope(self, stmt: n.Scope, scope: _Scope) -> None:
        if stmt.declaration is not None:
            self.stmt_declare(stmt.declaration, self.globals if stmt.kind == "GLOBAL" else scope)

    def stmt_compileif(self, stmt: n.CompileIf, scope: _Scope) -> None:
        try:
            chosen = compile_condition(stmt.condition, self.options)
        except WLRuntimeError as error:
            self._error("syntax", error.message, error.span or stmt.span)
            return
        if chosen:
            self.block(stmt.body, scope)
        elif stmt.orelse is not None:
            self.block(stmt.orelse, scope)

    def stmt_procedure(self, stmt: n.Procedure, scope: _Scope) -> None:
        saved = self.loop_depth
        self.procedure(stmt, scope)
        self.loop_depth = saved

    # ------------------------------------------------------------------ types

    def type_ref(self, type_ref: n.TypeRef) -> TypeInfo | None:
        if type_ref.kind != "simple":
            if type_ref.element is not None:
                self.type_ref(type_ref.element)
            return None
        info = REGISTRY.type_info(type_ref.name)
        if info is not None:
            return info
        reason = REGISTRY.unsupported_reason(type_ref.name)
        if reason is not None:
            self._error("unsupported", f"the type '{type_ref.name}' is not supported: {reason}", type_ref.span, demotable=True)
            return None
        close = _closest(type_ref.name, REGISTRY.all_type_spellings())
        hint = f"did you mean '{close}'?" if close else ""
        if self.lenient:
            hint = (hint + " " if hint else "") + "it runs as an empty variant"
        self._error("type", f"unknown type '{type_ref.name}'", type_ref.span, hint, demotable=True)
        return None

    def literal_fits(self, type_ref: n.TypeRef, value: n.Expr) -> None:
        """A literal that can never convert to the declared type is a compile-time type error."""
        if type_ref.kind != "simple" or not isinstance(value, n.String):
            return
        info = REGISTRY.type_info(type_ref.name)
        if info is None or info.convert is None:
            return
        try:
            info.convert(value.value)
        except WLRuntimeError as error:
            self._error("type", error.message, value.span, error.hint)

    # ------------------------------------------------------------------ expressions

    def condition(self, expr: n.Expr, scope: _Scope) -> None:
        self.expr(expr, scope)
        if isinstance(expr, (n.String, n.Interpolated)):
            self._error("type", "a string cannot be used as a condition", expr.span, 'compare it instead, e.g. IF s <> "" THEN')

    def target(self, target: n.Expr, scope: _Scope, reads: bool) -> None:
        if isinstance(target, n.Name):
            symbol = scope.find(target.name)
            if symbol is not None:
                if symbol.kind == "constant":
                    self._error("type", f"'{target.name}' is a constant and cannot be changed", target.span,
                                f"it is declared at line {symbol.span.line}" if symbol.span else "")
                return
            entry = REGISTRY.lookup(target.name)
            if entry is not None and entry.kind in ("constant", "variable"):
                self._error("type", f"'{target.name}' is a built-in {entry.kind} and cannot be changed", target.span)
                return
            self.unknown_name(target, scope)
            # reported once: later uses of the name stay quiet (and run as a variant when lenient)
            self.declare(target.name, target.span, "variable", self.globals)
            return
        self.expr(target, scope, assigned=True)

    def expr(self, expr: Any, scope: _Scope, assigned: bool = False) -> None:
        kind = type(expr)
        if kind is n.Name:
            self.name(expr, scope)
        elif kind is n.Call:
            self.call(expr, scope)
        elif kind is n.Member:
            self.expr(expr.target, scope)
            self.member(expr, scope, method=False)
        elif kind is n.Interpolated:
            for part in expr.parts:
                if not isinstance(part, str):
                    self.expr(part, scope)
        elif kind is n.DefaultArg:
            self._error("syntax", "'*' keeps a parameter's default and is only allowed as an argument of a procedure", expr.span)
        else:
            for child in _children(expr):
                self.expr(child, scope)

    def name(self, expr: n.Name, scope: _Scope) -> None:
        if scope.find(expr.name) is not None:
            return
        entry = REGISTRY.lookup(expr.name)
        if entry is not None and entry.kind in ("constant", "variable"):
            self.builtin_uses.append((expr.span, entry))  # type: ignore[arg-type]
            return
        if entry is not None and entry.kind == "function":
            self._error("syntax", f"'{expr.name}' is a function: call it with ( )", expr.span, f"write {expr.name}()")
            return
        if scope.find_procedure(expr.name) is not None:
            self._error("syntax", f"'{expr.name}' is a procedure: call it with ( )", expr.span, f"write {expr.name}()")
            return
        self.unknown_name(expr, scope)
        self.declare(expr.name, expr.span, "variable", self.globals)

    def unknown_name(self, expr: n.Name, scope: _Scope) -> None:
        reason = REGISTRY.unsupported_reason(expr.name)
        if reason is not None:
            self._error("unsupported", f"'{expr.name}' is {reason}", expr.span,
                        f"supply a value with --define {expr.name}=…", demotable=True)
            return
        candidates = {s.name: s for s in scope.visible() if s.name}
        close = _closest(expr.name, list(candidates))
        if close:
            where = candidates[close].span
            hint = f"did you mean '{close}'" + (f" (declared at line {where.line})?" if where else "?")
        else:
            hint = f"declare it (e.g. {self._declaration_example(expr.name)}) or supply it with --define {expr.name}=…"
        self._error("undeclared", f"unknown variable '{expr.name}'", expr.span, hint, demotable=True)

    def _declaration_example(self, name: str) -> str:
        """``x is string`` as the program's language writes it."""
        string_type = REGISTRY.type_info("string")
        type_name = string_type.spellings.get(self.language, ("string",))[0] if string_type else "string"
        return f"{name} {VOCABULARY.spelling('IS', self.language).lower()} {type_name}"

    def call(self, expr: n.Call, scope: _Scope) -> None:
        callee = expr.callee
        for arg in expr.args:
            if not isinstance(arg, n.DefaultArg):
                self.expr(arg, scope)
        if isinstance(callee, n.Name):
            self.call_name(callee, expr, scope)
        elif isinstance(callee, n.Member):
            self.expr(callee.target, scope)
            self.member(callee, scope, method=True, call=expr)
        else:
            self.expr(callee, scope)
            self._error("syntax", "only procedures, functions and methods can be called", expr.span)

    def call_name(self, callee: n.Name, expr: n.Call, scope: _Scope) -> None:
        procedure = scope.find_procedure(callee.name)
        if procedure is not None:
            self.procedure_arity(procedure, expr)
            return
        entry = REGISTRY.lookup(callee.name)
        if entry is not None:
            self.builtin_uses.append((callee.span, entry))  # type: ignore[arg-type]
            self.builtin_arity(entry, expr, callee.name)
            return
        symbol = scope.find(callee.name)
        if symbol is not None:
            self._error("syntax", f"'{callee.name}' is a variable, not a procedure", callee.span)
            return
        self.defaults_only_for_procedures(expr)
        reason = REGISTRY.unsupported_reason(callee.name)
        if reason is not None:
            self._error("unsupported", f"'{callee.name}' is {reason}", callee.span, demotable=True)
            return
        spellings = list(REGISTRY.all_spellings(("function",))) + [p.name for p in self._procedures(scope)]
        close = _closest(callee.name, spellings)
        hint = f"did you mean '{close}'?" if close else "declare it with PROCEDURE, or check its spelling"
        self._error("unknown-function", f"unknown procedure or function '{callee.name}'", callee.span, hint, demotable=True)

    def _procedures(self, scope: _Scope) -> list[n.Procedure]:
        found: list[n.Procedure] = []
        current: _Scope | None = scope
        while current is not None:
            found.extend(current.procedures.values())
            current = current.parent
        return found

    def defaults_only_for_procedures(self, expr: n.Call) -> None:
        for arg in expr.args:
            if isinstance(arg, n.DefaultArg):
                self._error("syntax", "'*' keeps a parameter's default and is only allowed as an argument of a procedure", arg.span)

    def procedure_arity(self, procedure: n.Procedure, expr: n.Call) -> None:
        params = [p for p in procedure.params if not p.variadic]
        variadic = len(params) != len(procedure.params)
        required = sum(1 for p in params if p.default is None)
        given = len(expr.args)
        if given > len(params) and not variadic:
            self._error("arity", f"'{procedure.name}' takes at most {len(params)} argument{_s(len(params))}, {given} given",
                        expr.span, _signature(procedure))
            return
        missing = [p.name for p in params[given:] if p.default is None]
        if missing and given < required:
            self._error("arity", f"'{procedure.name}' needs {required} argument{_s(required)}, {given} given",
                        expr.span, _signature(procedure))
        for arg, param in zip(expr.args, params):
            if isinstance(arg, n.DefaultArg) and param.default is None:
                self._error("arity", f"'*' keeps a default, but parameter '{param.name}' has none", arg.span, _signature(procedure))

    def builtin_arity(self, entry: Builtin, expr: n.Call, written: str) -> None:
        self.defaults_only_for_procedures(expr)
        if entry.kind == "variable":
            if expr.args or not entry.callable_variable:
                self._error("syntax", f"'{written}' is a variable, not a function", expr.span)
            return
        if entry.kind != "function":
            self._error("syntax", f"'{written}' is a constant, not a function", expr.span)
            return
        least, most = entry.arity()
        given = len(expr.args)
        if least <= given <= most:
            return
        if least == most:
            expected = f"{least} argument{_s(least)}"
        elif most >= UNLIMITED:
            expected = f"at least {least} argument{_s(least)}"
        else:
            expected = f"{least} to {most} arguments"
        self._error("arity", f"'{written}' takes {expected}, {given} given", expr.span)

    def member(self, expr: n.Member, scope: _Scope, method: bool, call: n.Call | None = None) -> None:
        info = self.static_type(expr.target, scope)
        if info is None or not info.members:
            if method and call is not None:
                entry = REGISTRY.lookup(expr.name)
                if entry is not None and entry.kind == "function":
                    least, most = entry.arity()
                    given = len(call.args) + 1
                    if not least <= given <= most:
                        self._error("arity", f"'{expr.name}' takes {least} to {most} arguments (counting the one before the dot), {given} given", call.span)
            return
        member = info.member(expr.name)
        wanted = "method" if method else "property"
        if member is not None and member.kind == wanted:
            if method and call is not None and info.python_class is not None:
                least, most = member.arity(info.python_class)
                if not least <= len(call.args) <= most:
                    expected = f"{least}" if least == most else f"{least} to {most}"
                    self._error("arity", f"'{expr.name}' takes {expected} argument(s), {len(call.args)} given", call.span)
            return
        if method and member is None:
            entry = REGISTRY.lookup(expr.name)
            if entry is not None and entry.kind == "function":
                return  # prefixed syntax: v.Function(args)
        close = _closest(expr.name, [m.name for m in info.members.values() if m.kind == wanted])
        hint = f"did you mean '{close}'?" if close else f"its {wanted}s are: " + ", ".join(
            sorted({m.name for m in info.members.values() if m.kind == wanted})
        )
        self._error("type", f"{info.name} has no {wanted} '{expr.name}'", expr.span, hint)

    def static_type(self, expr: n.Expr, scope: _Scope) -> TypeInfo | None:
        """The declared type of a variable, when the program says it."""
        if isinstance(expr, n.Name):
            symbol = scope.find(expr.name)
            if symbol is not None and symbol.type_ref is not None:
                if symbol.type_ref.kind == "array":
                    return REGISTRY.type_info("array")
                if symbol.type_ref.kind == "simple":
                    return REGISTRY.type_info(symbol.type_ref.name)
        return None


def _children(expr: Any) -> list[Any]:
    found: list[Any] = []
    for slot in getattr(type(expr), "__slots__", ()):
        if slot == "span":
            continue
        value = getattr(expr, slot)
        if isinstance(value, n.Node):
            found.append(value)
        elif isinstance(value, tuple):
            found.extend(v for v in value if isinstance(v, n.Node))
    return found


def _closest(word: str, candidates: list[str]) -> str:
    keyed: dict[str, str] = {}
    for candidate in candidates:
        keyed.setdefault(ident_key(candidate), candidate)
    match = difflib.get_close_matches(ident_key(word), list(keyed), n=1, cutoff=0.7)
    return keyed[match[0]] if match else ""


def _s(count: int) -> str:
    return "" if count == 1 else "s"


def _signature(procedure: n.Procedure) -> str:
    parts = []
    for param in procedure.params:
        text = "*" if param.variadic else (("LOCAL " if param.local else "") + param.name)
        if param.default is not None:
            text += " = …"
        parts.append(text)
    return f"{procedure.name}({', '.join(parts)})"

