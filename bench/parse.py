"""Parse speed: wlinterp's parser against CPython's ``ast.parse`` on the same program.

One run generates a 10,000-line WLanguage program and the equivalent Python program from one
list of abstract statements (same statements, variables and literals; WLanguage closes blocks
with END, Python indents), then times, in this process and interleaved:

* ``wlinterp.parser.parse(Source(wl_text))`` (lexing, LALR parsing and AST building), and
* ``ast.parse(py_text)`` (CPython's C tokenizer and PEG parser, and the conversion to ``ast`` nodes).

The machine this runs on is shared and noisy, so only medians and ratios are reported.

    python bench/parse.py                 # the benchmark (9 interleaved repetitions)
    python bench/parse.py --verify        # also run both programs and compare their output
    python bench/parse.py --profile       # also cProfile one wlinterp parse
    python bench/parse.py --write /tmp/x  # keep the generated bench.wl and bench.py
"""

from __future__ import annotations

import argparse
import ast
import contextlib
import gc
import io
import platform
import random
import statistics
import sys
import time
import tokenize
from dataclasses import dataclass, field
from pathlib import Path

TARGET_RATIO = 3.0
RELEASE = "Trace(1)\n"  # a tiny program parsed to drop the reference wlinterp keeps to its last parse
MODULO = 1000  # every int variable is kept in [0, MODULO) so both languages agree on every value

# ====================================================================== abstract program
#
# Expressions and statements know how to write themselves in both languages. Expressions are
# written without implicit precedence differences: the generator parenthesizes every mix of
# AND/OR (same precedence in WLanguage, AND tighter in Python).


class Expr:
    def wl(self) -> str:
        raise NotImplementedError

    def py(self) -> str:
        raise NotImplementedError


@dataclass
class Lit(Expr):
    value: int | str

    def wl(self) -> str:
        return f'"{self.value}"' if isinstance(self.value, str) else str(self.value)

    py = wl  # same spelling: integers and plain double-quoted strings


@dataclass
class Var(Expr):
    name: str

    def wl(self) -> str:
        return self.name

    py = wl


@dataclass
class Bin(Expr):
    op: str  # + - * % (same spelling and precedence in both languages)
    left: Expr
    right: Expr

    def wl(self) -> str:
        return f"{self.left.wl()} {self.op} {self.right.wl()}"

    def py(self) -> str:
        return f"{self.left.py()} {self.op} {self.right.py()}"


@dataclass
class Paren(Expr):
    inner: Expr

    def wl(self) -> str:
        return f"({self.inner.wl()})"

    def py(self) -> str:
        return f"({self.inner.py()})"


_PY_COMPARE = {"=": "==", "<>": "!=", "<": "<", "<=": "<=", ">": ">", ">=": ">="}


@dataclass
class Compare(Expr):
    op: str  # WLanguage spelling
    left: Expr
    right: Expr

    def wl(self) -> str:
        return f"{self.left.wl()} {self.op} {self.right.wl()}"

    def py(self) -> str:
        return f"{self.left.py()} {_PY_COMPARE[self.op]} {self.right.py()}"


@dataclass
class Logic(Expr):
    op: str  # AND | OR
    left: Expr
    right: Expr

    def wl(self) -> str:
        return f"{self.left.wl()} {self.op} {self.right.wl()}"

    def py(self) -> str:
        return f"{self.left.py()} {self.op.lower()} {self.right.py()}"


@dataclass
class Not(Expr):
    inner: Expr

    def wl(self) -> str:
        return f"NOT {self.inner.wl()}"

    def py(self) -> str:
        return f"not {self.inner.py()}"


# WLanguage built-in → Python spelling ("{0}" is the first argument …)
_PY_BUILTINS = {
    "Trace": "print({args})",
    "Length": "len({args})",
    "ArrayCount": "len({args})",
    "NumToString": "str({args})",
    "ArrayAdd": "{0}.append({1})",
}


@dataclass
class Call(Expr):
    name: str
    args: list[Expr]

    def wl(self) -> str:
        return f"{self.name}({', '.join(a.wl() for a in self.args)})"

    def py(self) -> str:
        rendered = [a.py() for a in self.args]
        template = _PY_BUILTINS.get(self.name)
        if template is None:  # a procedure of the program: same name, same call
            return f"{self.name}({', '.join(rendered)})"
        return template.format(*rendered, args=", ".join(rendered))


_PY_TYPES = {"int": "int", "string": "str", "array of int": "list[int]"}


class Stmt:
    def wl(self, depth: int) -> list[str]:
        raise NotImplementedError

    def py(self, depth: int) -> list[str]:
        raise NotImplementedError


def _wl_pad(depth: int) -> str:
    return "\t" * depth


def _py_pad(depth: int) -> str:
    return "    " * depth


@dataclass
class Comment(Stmt):
    text: str

    def wl(self, depth: int) -> list[str]:
        return [f"{_wl_pad(depth)}// {self.text}"]

    def py(self, depth: int) -> list[str]:
        return [f"{_py_pad(depth)}# {self.text}"]


@dataclass
class Declare(Stmt):
    name: str
    type: str  # int | string | array of int
    init: Expr

    def wl(self, depth: int) -> list[str]:
        return [f"{_wl_pad(depth)}{self.name} is {self.type} = {self.init.wl()}"]

    def py(self, depth: int) -> list[str]:
        return [f"{_py_pad(depth)}{self.name}: {_PY_TYPES[self.type]} = {self.init.py()}"]


@dataclass
class Assign(Stmt):
    name: str
    op: str  # = += -=
    value: Expr

    def wl(self, depth: int) -> list[str]:
        return [f"{_wl_pad(depth)}{self.name} {self.op} {self.value.wl()}"]

    def py(self, depth: int) -> list[str]:
        return [f"{_py_pad(depth)}{self.name} {self.op} {self.value.py()}"]


@dataclass
class CallStmt(Stmt):
    call: Call

    def wl(self, depth: int) -> list[str]:
        return [f"{_wl_pad(depth)}{self.call.wl()}"]

    def py(self, depth: int) -> list[str]:
        return [f"{_py_pad(depth)}{self.call.py()}"]


def _body(stmts: list[Stmt], lang: str, depth: int) -> list[str]:
    out: list[str] = []
    for s in stmts:
        out.extend(s.wl(depth) if lang == "wl" else s.py(depth))
    return out


@dataclass
class If(Stmt):
    branches: list[tuple[Expr, list[Stmt]]]  # IF, then ELSE IF …
    orelse: list[Stmt] | None = None

    def wl(self, depth: int) -> list[str]:
        pad = _wl_pad(depth)
        out: list[str] = []
        for i, (cond, body) in enumerate(self.branches):
            out.append(f"{pad}{'IF' if i == 0 else 'ELSE IF'} {cond.wl()} THEN")
            out.extend(_body(body, "wl", depth + 1))
        if self.orelse is not None:
            out.append(f"{pad}ELSE")
            out.extend(_body(self.orelse, "wl", depth + 1))
        out.append(f"{pad}END")
        return out

    def py(self, depth: int) -> list[str]:
        pad = _py_pad(depth)
        out: list[str] = []
        for i, (cond, body) in enumerate(self.branches):
            out.append(f"{pad}{'if' if i == 0 else 'elif'} {cond.py()}:")
            out.extend(_body(body, "py", depth + 1))
        if self.orelse is not None:
            out.append(f"{pad}else:")
            out.extend(_body(self.orelse, "py", depth + 1))
        return out


@dataclass
class For(Stmt):
    var: str
    start: Expr
    stop: Expr  # inclusive, as in WLanguage
    body: list[Stmt]

    def wl(self, depth: int) -> list[str]:
        pad = _wl_pad(depth)
        return [f"{pad}FOR {self.var} = {self.start.wl()} TO {self.stop.wl()}", *_body(self.body, "wl", depth + 1),
                f"{pad}END"]

    def py(self, depth: int) -> list[str]:
        head = f"{_py_pad(depth)}for {self.var} in range({self.start.py()}, {self.stop.py()} + 1):"
        return [head, *_body(self.body, "py", depth + 1)]


@dataclass
class ForEach(Stmt):
    var: str
    array: str
    body: list[Stmt]

    def wl(self, depth: int) -> list[str]:
        pad = _wl_pad(depth)
        return [f"{pad}FOR EACH {self.var} OF {self.array}", *_body(self.body, "wl", depth + 1), f"{pad}END"]

    def py(self, depth: int) -> list[str]:
        return [f"{_py_pad(depth)}for {self.var} in {self.array}:", *_body(self.body, "py", depth + 1)]


@dataclass
class While(Stmt):
    cond: Expr
    body: list[Stmt]

    def wl(self, depth: int) -> list[str]:
        pad = _wl_pad(depth)
        return [f"{pad}WHILE {self.cond.wl()}", *_body(self.body, "wl", depth + 1), f"{pad}END"]

    def py(self, depth: int) -> list[str]:
        return [f"{_py_pad(depth)}while {self.cond.py()}:", *_body(self.body, "py", depth + 1)]


@dataclass
class Procedure(Stmt):
    name: str
    params: list[tuple[str, str]]  # (name, type)
    returns: str | None  # "int" or None
    body: list[Stmt]
    result: Expr | None

    def wl(self, depth: int) -> list[str]:
        params = ", ".join(f"{p} is {t}" for p, t in self.params)
        head = f"PROCEDURE {self.name}({params})" + (f": {self.returns}" if self.returns else "")
        tail = [f"RESULT {self.result.wl()}"] if self.result is not None else []
        return [head, *_body(self.body, "wl", 0), *tail]  # a procedure runs to the next one: no END

    def py(self, depth: int) -> list[str]:
        params = ", ".join(f"{p}: {_PY_TYPES[t]}" for p, t in self.params)
        head = f"def {self.name}({params})" + (f" -> {_PY_TYPES[self.returns]}:" if self.returns else ":")
        tail = [f"    return {self.result.py()}"] if self.result is not None else []
        return [head, *_body(self.body, "py", 1), *tail]


@dataclass
class Program:
    main: list[Stmt]
    procedures: list[Procedure]

    def wl(self) -> str:
        # WLanguage: the main code first, then the procedures (the grammar's `program: body procedure*`)
        lines = _body(self.main, "wl", 0)
        for proc in self.procedures:
            lines.extend(proc.wl(0))
        return "\n".join(lines) + "\n"

    def py(self) -> str:
        # Python: the same procedures, defined before the main code so that the program also runs
        lines: list[str] = []
        for proc in self.procedures:
            lines.extend(proc.py(0))
        lines.extend(_body(self.main, "py", 0))
        return "\n".join(lines) + "\n"


def count_statements(stmts: list[Stmt]) -> int:
    total = 0
    for s in stmts:
        total += 1
        if isinstance(s, If):
            total += sum(count_statements(b) for _, b in s.branches) + count_statements(s.orelse or [])
        elif isinstance(s, (For, ForEach, While, Procedure)):
            total += count_statements(s.body)
    return total


# ====================================================================== generator

_WORDS = ["alpha", "beta", "gamma", "delta", "mail", "inbox", "sender", "subject", "north", "south",
          "ready", "sent", "draft", "queue", "retry", "done", "smtp", "relay", "box", "note"]
_INT_BASES = ["total", "count", "price", "score", "level", "offset", "amount", "weight", "index", "rank"]
_STR_BASES = ["label", "title", "status", "code", "tag"]


@dataclass
class Scope:
    """The names a piece of code may read and assign."""

    ints: list[str]  # assignable, always in [0, MODULO)
    readonly_ints: list[str]  # parameters and loop variables: read, never assigned (non-negative)
    strings: list[str]
    readonly_strings: list[str]
    arrays: list[str]
    signed: list[str]  # may be negative: only traced and compared
    counters: list[str]  # one WHILE counter per nesting level
    callable_procs: list[Procedure]
    in_loop: bool = False
    loop_vars: list[str] = field(default_factory=list)
    # FOR and FOR EACH variable prefixes. Procedures use their own: WLanguage's main-code variables
    # are visible in procedures, so a procedure's undeclared `FOR i1` would drive the caller's i1.
    for_prefix: str = "i"
    each_prefix: str = "e"

    def readable_ints(self) -> list[str]:
        return self.ints + self.readonly_ints + self.loop_vars


class Generator:
    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.chunks = 0

    # ---------------------------------------------------------------- expressions

    def int_operand(self, scope: Scope, calls: bool = True) -> Expr:
        r = self.rng.random()
        names = scope.readable_ints()
        if r < 0.45 and names:
            return Var(self.rng.choice(names))
        if r < 0.65:
            return Lit(self.rng.randint(0, 99))
        if r < 0.85 and calls:
            int_procs = [p for p in scope.callable_procs if p.returns == "int"]
            if int_procs:
                return self.proc_call(self.rng.choice(int_procs), scope)
        if r < 0.92 and (scope.strings or scope.readonly_strings):
            return Call("Length", [Var(self.rng.choice(scope.strings + scope.readonly_strings))])
        if scope.arrays:
            return Call("ArrayCount", [Var(self.rng.choice(scope.arrays))])
        return Lit(self.rng.randint(0, 99))

    def proc_call(self, proc: Procedure, scope: Scope) -> Call:
        args: list[Expr] = []
        for _, kind in proc.params:
            if kind == "int":
                args.append(self.int_operand(scope, calls=False))
            else:
                args.append(self.string_operand(scope))
        return Call(proc.name, args)

    def int_expr(self, scope: Scope) -> Expr:
        """Two to four non-negative operands joined by + and at most one *: then `% MODULO`."""
        expr = self.int_operand(scope)
        used_star = False
        for _ in range(self.rng.randint(1, 3)):
            op = "+"
            if not used_star and self.rng.random() < 0.35:
                op, used_star = "*", True
            expr = Bin(op, expr, self.int_operand(scope))
        return Bin("%", Paren(expr), Lit(MODULO))

    def string_operand(self, scope: Scope) -> Expr:
        names = scope.strings + scope.readonly_strings
        if names and self.rng.random() < 0.6:
            return Var(self.rng.choice(names))
        return Lit(self.rng.choice(_WORDS))

    def compare(self, scope: Scope, calls: bool = True) -> Expr:
        names = scope.strings + scope.readonly_strings
        if names and self.rng.random() < 0.2:
            op = self.rng.choice(["=", "<>"])
            return Compare(op, Var(self.rng.choice(names)), self.string_operand(scope))
        if scope.signed and self.rng.random() < 0.15:
            return Compare(self.rng.choice(["<", ">=", "<>"]), Var(self.rng.choice(scope.signed)), Lit(0))
        op = self.rng.choice(["=", "<>", "<", "<=", ">", ">="])
        left = self.int_operand(scope, calls=calls)
        if self.rng.random() < 0.3:
            left = Bin("+", left, self.int_operand(scope, calls=False))
        return Compare(op, left, self.int_operand(scope, calls=False))

    def condition(self, scope: Scope) -> Expr:
        """A condition. Only its first comparison may call a procedure: WLanguage's AND and OR
        evaluate both sides, Python's stop early, and a procedure may Trace."""
        r = self.rng.random()
        if r < 0.55:
            return self.compare(scope)
        if r < 0.85:
            return Logic(self.rng.choice(["AND", "OR"]), self.compare(scope), self.compare(scope, calls=False))
        if r < 0.93:
            return Not(self.compare(scope))
        # three terms: parenthesize the first pair, AND and OR do not bind alike in both languages
        first = Paren(Logic(self.rng.choice(["AND", "OR"]), self.compare(scope), self.compare(scope, calls=False)))
        return Logic(self.rng.choice(["AND", "OR"]), first, self.compare(scope, calls=False))

    # ---------------------------------------------------------------- statements

    def trace(self, scope: Scope) -> Stmt:
        args: list[Expr] = [Lit(self.rng.choice(_WORDS))]
        for _ in range(self.rng.randint(1, 2)):
            r = self.rng.random()
            names = scope.strings + scope.readonly_strings
            if r < 0.5:
                args.append(self.int_operand(scope))
            elif r < 0.7 and names:
                args.append(Bin("+", Var(self.rng.choice(names)), Lit("/")))
            elif r < 0.85 and scope.signed:
                args.append(Var(self.rng.choice(scope.signed)))
            else:
                args.append(Call("NumToString", [self.int_operand(scope, calls=False)]))
        return CallStmt(Call("Trace", args))

    def simple(self, scope: Scope) -> Stmt:
        rng = self.rng
        choices = ["assign"] * 5 + ["augment"] * 2 + ["trace"] * 2
        if scope.signed:
            choices.append("diff")
        if scope.strings and not scope.in_loop:
            choices += ["concat"] * 2
        if any(p.returns is None for p in scope.callable_procs):
            choices.append("void_call")
        kind = rng.choice(choices) if scope.ints else "trace"
        if kind == "assign":
            return Assign(rng.choice(scope.ints), "=", self.int_expr(scope))
        if kind == "augment":
            target = rng.choice(scope.ints)
            return Assign(target, "=", Bin("%", Paren(Bin("+", Var(target), self.int_operand(scope))), Lit(MODULO)))
        if kind == "diff":
            names = scope.readable_ints()
            return Assign(rng.choice(scope.signed), "=", Bin("-", Var(rng.choice(names)), self.int_operand(scope)))
        if kind == "concat":
            target = rng.choice(scope.strings)
            value = Bin("+", self.string_operand(scope), Bin("+", Lit(rng.choice(["-", ":", " "])), Lit(rng.choice(_WORDS))))
            return Assign(target, "=", value)
        if kind == "void_call":
            proc = rng.choice([p for p in scope.callable_procs if p.returns is None])
            return CallStmt(self.proc_call(proc, scope))
        return self.trace(scope)

    def block(self, scope: Scope, depth: int, size: tuple[int, int]) -> list[Stmt]:
        return [self.statement(scope, depth) for _ in range(self.rng.randint(*size))]

    def statement(self, scope: Scope, depth: int) -> Stmt:
        rng = self.rng
        if depth >= 3 or rng.random() < 0.55:
            return self.simple(scope)
        kinds = ["if"] * 3 + ["for"] * 2
        if scope.arrays:
            kinds.append("foreach")
        if depth < len(scope.counters):
            kinds.append("while")
        kind = rng.choice(kinds)
        inner = depth + 1
        if kind == "if":
            branches = [(self.condition(scope), self.block(scope, inner, (1, 3)))]
            for _ in range(rng.choice([0, 0, 1, 1, 2])):
                branches.append((self.condition(scope), self.block(scope, inner, (1, 2))))
            orelse = self.block(scope, inner, (1, 2)) if rng.random() < 0.6 else None
            return If(branches, orelse)
        loop_scope = Scope(**{**scope.__dict__, "in_loop": True, "loop_vars": list(scope.loop_vars)})
        if kind == "for":
            var = f"{scope.for_prefix}{depth + 1}"
            loop_scope.loop_vars.append(var)
            stop: Expr = Lit(rng.randint(2, 4))
            if scope.arrays and rng.random() < 0.3:
                stop = Call("ArrayCount", [Var(rng.choice(scope.arrays))])
            return For(var, Lit(rng.choice([0, 1, 1])), stop, self.block(loop_scope, inner, (1, 4)))
        if kind == "foreach":
            var = f"{scope.each_prefix}{depth + 1}"
            loop_scope.loop_vars.append(var)
            return ForEach(var, rng.choice(scope.arrays), self.block(loop_scope, inner, (1, 3)))
        counter = scope.counters[depth]
        body = self.block(loop_scope, inner, (1, 3))
        body.append(Assign(counter, "+=", Lit(1)))
        loop = While(Compare("<", Var(counter), Lit(rng.randint(2, 3))), body)
        return _Seq([Assign(counter, "=", Lit(0)), loop])

    # ---------------------------------------------------------------- procedures and chunks

    def procedure(self, number: int) -> Procedure:
        rng = self.rng
        returns = "int" if rng.random() < 0.75 else None
        name = f"{'Compute' if returns else 'Show'}{rng.choice(['Total', 'Score', 'Mix', 'Step', 'Rank'])}{number}"
        params = [(f"p{k}", "int") for k in range(1, rng.randint(2, 3) + 1)]
        if rng.random() < 0.4:
            params.append(("txt", "string"))
        scope = Scope(
            ints=["acc", "tmp"], readonly_ints=[p for p, t in params if t == "int"], strings=[],
            readonly_strings=[p for p, t in params if t == "string"], arrays=[], signed=[],
            counters=["wc"], callable_procs=[],  # no calls between procedures: run time stays small
            for_prefix="k", each_prefix="x",
        )
        body: list[Stmt] = [
            Declare("acc", "int", Bin("%", Paren(Bin("+", Var(params[0][0]), Var(params[1][0]))), Lit(MODULO))),
            Declare("tmp", "int", Lit(rng.randint(0, 9))),
            Declare("wc", "int", Lit(0)),
        ]
        body += self.block(scope, 0, (2, 5))
        result = self.int_expr(scope) if returns else None
        if returns is None:
            body.append(self.trace(scope))
        return Procedure(name, params, returns, _flatten(body), result)

    def chunk(self, procs: list[Procedure]) -> list[Stmt]:
        rng = self.rng
        self.chunks += 1
        c = self.chunks
        ints = [f"{base}{c}" for base in rng.sample(_INT_BASES, rng.randint(3, 5))]
        strings = [f"{base}{c}" for base in rng.sample(_STR_BASES, rng.randint(1, 2))]
        arrays = [f"list{c}"] if rng.random() < 0.6 else []
        counters = [f"w{c}a", f"w{c}b"]
        signed = [f"delta{c}"]
        out: list[Stmt] = [Comment(f"part {c}: {rng.choice(_WORDS)} {rng.choice(_WORDS)}")]
        for name in ints:
            out.append(Declare(name, "int", Lit(rng.randint(0, 99))))
        for name in strings:
            out.append(Declare(name, "string", Lit(rng.choice(_WORDS))))
        for name in arrays:
            out.append(Declare(name, "array of int", _ArrayLit([rng.randint(0, 99) for _ in range(rng.randint(2, 5))])))
        for name in counters:
            out.append(Declare(name, "int", Lit(0)))
        out.append(Declare(signed[0], "int", Bin("-", Var(ints[0]), Var(ints[1]))))
        scope = Scope(ints=ints, readonly_ints=[], strings=strings, readonly_strings=[], arrays=arrays,
                      signed=signed, counters=counters, callable_procs=procs)
        if arrays and rng.random() < 0.5:
            out.append(CallStmt(Call("ArrayAdd", [Var(arrays[0]), self.int_operand(scope)])))
        out += self.block(scope, 0, (4, 8))
        return _flatten(out)

    def program(self, lines: int, procedures: int = 60) -> Program:
        procs: list[Procedure] = []
        for number in range(1, procedures + 1):
            procs.append(self.procedure(number))
        proc_lines = sum(len(p.wl(0)) for p in procs)
        main: list[Stmt] = []
        main_lines = 0
        while True:
            chunk = self.chunk(procs)
            size = len(_body(chunk, "wl", 0))
            if proc_lines + main_lines + size > lines:
                break
            main += chunk
            main_lines += size
        # pad with one-line statements (one line in each language) to exactly `lines` WLanguage lines
        for k in range(lines - proc_lines - main_lines):
            main.append(CallStmt(Call("Trace", [Lit("pad"), Lit(k)])))
        return Program(main, procs)


@dataclass
class _ArrayLit(Expr):
    items: list[int]

    def wl(self) -> str:
        return "[" + ", ".join(str(i) for i in self.items) + "]"

    py = wl


@dataclass
class _Seq(Stmt):
    """Several statements generated together (a WHILE with the reset of its counter)."""

    stmts: list[Stmt]

    def wl(self, depth: int) -> list[str]:
        return _body(self.stmts, "wl", depth)

    def py(self, depth: int) -> list[str]:
        return _body(self.stmts, "py", depth)


def _flatten(stmts: list[Stmt]) -> list[Stmt]:
    out: list[Stmt] = []
    for s in stmts:
        if isinstance(s, _Seq):
            out += _flatten(s.stmts)
            continue
        if isinstance(s, If):
            s.branches = [(c, _flatten(b)) for c, b in s.branches]
            s.orelse = _flatten(s.orelse) if s.orelse is not None else None
        elif isinstance(s, (For, ForEach, While)):
            s.body = _flatten(s.body)
        out.append(s)
    return out


# ====================================================================== measuring


def wl_token_count(text: str) -> int:
    """Tokens the wlinterp lexer hands to the parser (the _NL ending each line and END included)."""
    from wlinterp import lexer as wl_lexer
    from wlinterp.parser import parse
    from wlinterp.source import Source

    original = wl_lexer.Lexer.tokens
    count = 0

    def counting(self, pstate):  # type: ignore[no-untyped-def]
        nonlocal count
        for token in original(self, pstate):
            count += 1
            yield token

    wl_lexer.Lexer.tokens = counting  # type: ignore[method-assign]
    try:
        parse(Source(text))
    finally:
        wl_lexer.Lexer.tokens = original  # type: ignore[method-assign]
    return count


def py_token_count(text: str) -> int:
    """Python tokens the parser sees: NEWLINE, INDENT and DEDENT included; comments and blank-line NLs not."""
    skip = {tokenize.NL, tokenize.COMMENT, tokenize.ENCODING, tokenize.ENDMARKER}
    return sum(1 for t in tokenize.generate_tokens(io.StringIO(text).readline) if t.type not in skip)


def verify(wl_text: str, py_text: str) -> tuple[bool, str]:
    """Run both programs; equivalent programs print the same lines."""
    from wlinterp import run_text

    outcome = run_text(wl_text, "bench.wl")
    report = outcome.report()
    if report["status"] != "ok":
        problems = "; ".join(f"{d.get('line', '')} {d.get('message')}" for d in report["diagnostics"][:5])
        return False, f"wlinterp run ended with status {report['status']}: {problems}"
    wl_out = [e["text"] for e in report["output"]]
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        exec(compile(py_text, "bench.py", "exec"), {"__name__": "bench"})  # noqa: S102 - our own generated code
    py_out = buffer.getvalue().splitlines()
    if wl_out == py_out:
        return True, f"both programs printed the same {len(wl_out)} lines"
    for i, (a, b) in enumerate(zip(wl_out, py_out)):
        if a != b:
            return False, f"output line {i + 1} differs: wlinterp {a!r}, Python {b!r}"
    return False, f"wlinterp printed {len(wl_out)} lines, Python {len(py_out)}"


def profile(wl_text: str, top: int) -> None:
    """Where one parse spends its time: stage timings without a profiler, LALR step counts, cProfile."""
    import cProfile
    import pstats

    from wlinterp import parser as wl_parser
    from wlinterp.lexer import Lexer
    from wlinterp.source import Source

    parse = wl_parser.parse

    def timed_once(fn) -> float:  # type: ignore[no-untyped-def]
        gc.collect()
        t0 = time.perf_counter()
        fn()
        elapsed = time.perf_counter() - t0
        parse(Source(RELEASE))
        return elapsed

    def whole_parse() -> None:
        parse(Source(wl_text))

    def raw_scan() -> None:
        for _ in Lexer(Source(wl_text), lambda d: None)._scan():
            pass

    # The same parse with every reduction a no-op: lexer + LALR loop without building the AST.
    # This reaches into the parser's private machine (wlinterp.parser._machine), so it may need
    # updating when the parser changes.
    machine = wl_parser._machine()
    saved = machine.reductions
    noop = [(size, origin, _no_ast) for size, origin, _reduce in saved]

    def bare_parse() -> None:
        machine.reductions = noop
        try:
            wl_parser._Session(Source(wl_text), wl_parser.ParseResult(Source(wl_text), None), str).run()
        finally:
            machine.reductions = saved

    stages = {"whole": whole_parse, "raw": raw_scan, "bare": bare_parse}
    samples: dict[str, list[float]] = {name: [] for name in stages}
    for _ in range(7):  # interleaved, so that the machine's noise hits every stage alike
        for name, fn in stages.items():
            samples[name].append(timed_once(fn))
    whole, raw, bare = (statistics.median(samples[name]) for name in stages)
    print("\n--- stages (medians of 7 interleaved rounds, no profiler) ---")
    print(f"  whole parse                              {_ms(whole)}")
    print(f"  raw scan only (the regex layer, _scan)   {_ms(raw)}  {raw / whole:5.0%}")
    print(f"  lexer + LALR loop, no-op reductions      {_ms(bare)}  {bare / whole:5.0%}")
    print(f"    of which token layer + LALR loop       {_ms(bare - raw)}  {(bare - raw) / whole:5.0%}")
    print(f"  AST building (reducers + AstBuilder)     {_ms(whole - bare)}  {(whole - bare) / whole:5.0%}")
    parse(Source(RELEASE))

    # GC off while profiling: cProfile charges a collection to whichever function triggers it,
    # which scatters the GC's share at random (see the gc-disabled series for that share)
    profiler = cProfile.Profile()
    gc.collect()
    gc.disable()
    try:
        profiler.enable()
        parse(Source(wl_text))
        profiler.disable()
    finally:
        gc.enable()
    parse(Source(RELEASE))
    stats = pstats.Stats(profiler)
    stats.strip_dirs()
    print(f"\n--- cProfile of one wlinterp parse, GC off (the profiler inflates call-heavy code): top {top} by own time ---")
    stats.sort_stats("tottime").print_stats(top)
    print(f"--- top {top} by cumulative time ---")
    stats.sort_stats("cumulative").print_stats(top)


def _no_ast(children: list) -> None:
    return None


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f} ms"


def project_commit() -> str:
    """The commit measured (figures move with the code), or '?' outside a git checkout."""
    import subprocess  # only here: the benchmark itself needs no subprocess

    try:
        done = subprocess.run(["git", "describe", "--always", "--dirty"], cwd=Path(__file__).resolve().parent.parent,
                              capture_output=True, text=True, check=False)
    except OSError:
        return "?"
    return done.stdout.strip() or "?"


def main() -> int:
    cli = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    cli.add_argument("--lines", type=int, default=10_000, help="WLanguage lines to generate (default 10000)")
    cli.add_argument("--reps", type=int, default=9, help="interleaved repetitions (default 9)")
    cli.add_argument("--seed", type=int, default=2026)
    cli.add_argument("--write", metavar="DIR", help="write bench.wl and bench.py there")
    cli.add_argument("--verify", action="store_true", help="run both programs and compare what they print")
    cli.add_argument("--profile", action="store_true", help="cProfile one wlinterp parse")
    cli.add_argument("--no-gc-run", action="store_true", help="skip the second series with the GC disabled")
    cli.add_argument("--top", type=int, default=25, help="rows of profile output (default 25)")
    args = cli.parse_args()

    import wlinterp
    from wlinterp.parser import parse
    from wlinterp.source import Source

    program = Generator(args.seed).program(args.lines)
    wl_text, py_text = program.wl(), program.py()
    wl_lines, py_lines = wl_text.count("\n"), py_text.count("\n")
    statements = count_statements(program.main) + count_statements(program.procedures)  # type: ignore[arg-type]
    procedure_count = len(program.procedures)
    del program  # the generator's objects would otherwise make every GC pass of the timed parses longer
    gc.collect()
    if args.write:
        folder = Path(args.write)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "bench.wl").write_text(wl_text, encoding="utf-8")
        (folder / "bench.py").write_text(py_text, encoding="utf-8")

    print(f"wlinterp {wlinterp.__version__} parse benchmark — Python {platform.python_version()} "
          f"({platform.python_implementation()}), {platform.machine()}, {sys.platform}")
    print(f"project commit: {project_commit()}")
    print(f"program: {statements} statements, {procedure_count} procedures (seed {args.seed})")
    print(f"  WLanguage {wl_lines} lines, {len(wl_text):,} chars;  Python {py_lines} lines, {len(py_text):,} chars")

    # warm-up: loads the cached parser tables (and the built-in registry) once, outside the timings
    t0 = time.perf_counter()
    warm = parse(Source(wl_text))
    first = time.perf_counter() - t0
    assert warm.program is not None and not warm.diagnostics, warm.diagnostics[:5]
    del warm
    ast.parse(py_text)
    wl_tokens, py_tokens = wl_token_count(wl_text), py_token_count(py_text)
    parse(Source(RELEASE))
    print(f"  tokens: WLanguage {wl_tokens:,} (as fed to the LALR parser, line ends and END included), "
          f"Python {py_tokens:,} (tokenize: NEWLINE/INDENT/DEDENT included, comments not)")
    print(f"first wlinterp parse (tables loaded from the cache, then parsed): {_ms(first).strip()}")

    def timed(which: str) -> float:
        """One parse from a clean heap: nothing from earlier parses stays alive to slow the GC down."""
        gc.collect()
        if which == "wl":
            t0 = time.perf_counter()
            result = parse(Source(wl_text))
            elapsed = time.perf_counter() - t0
            assert result.program is not None and not result.diagnostics, result.diagnostics[:5]
            # wlinterp keeps its last parse alive (parser._BUILDER.context → session → result → AST);
            # parse a one-liner, untimed, so that neither side is timed with 10,000 lines of AST alive
            parse(Source(RELEASE))
        else:
            t0 = time.perf_counter()
            result = ast.parse(py_text)
            elapsed = time.perf_counter() - t0
        del result
        return elapsed

    def interleaved(reps: int) -> tuple[list[float], list[float], list[float]]:
        wl_times: list[float] = []
        py_times: list[float] = []
        ratios: list[float] = []
        for rep in range(reps):
            order = ("wl", "py") if rep % 2 == 0 else ("py", "wl")  # alternate who goes first
            times = {which: timed(which) for which in order}
            wl_times.append(times["wl"])
            py_times.append(times["py"])
            ratios.append(times["wl"] / times["py"])
        return wl_times, py_times, ratios

    wl_times, py_times, ratios = interleaved(args.reps)
    wl_med, py_med = statistics.median(wl_times), statistics.median(py_times)
    ratio_med = statistics.median(ratios)
    print(f"\n{args.reps} interleaved repetitions (medians; min–max in brackets)")
    print(f"  wlinterp.parser.parse : {_ms(wl_med)}  [{min(wl_times) * 1000:.1f}–{max(wl_times) * 1000:.1f}]"
          f"  {wl_lines / wl_med:>10,.0f} lines/s  {wl_tokens / wl_med:>10,.0f} tokens/s")
    print(f"  ast.parse             : {_ms(py_med)}  [{min(py_times) * 1000:.1f}–{max(py_times) * 1000:.1f}]"
          f"  {py_lines / py_med:>10,.0f} lines/s  {py_tokens / py_med:>10,.0f} tokens/s")
    print(f"  ratio wlinterp/ast.parse: median of per-repetition ratios {ratio_med:.2f}x "
          f"(ratio of medians {wl_med / py_med:.2f}x; per-rep {min(ratios):.2f}–{max(ratios):.2f}x)")
    verdict = "MET" if ratio_med <= TARGET_RATIO else f"MISSED ({ratio_med / TARGET_RATIO - 1:.0%} over)"
    print(f"  target: at most {TARGET_RATIO:.0f}x -> {verdict}")

    if not args.no_gc_run:
        # the same again with the cyclic GC off: how much of each side is garbage-collector work
        gc.disable()
        try:
            wl_nogc, py_nogc, ratios_nogc = interleaved(args.reps)
        finally:
            gc.enable()
        wl_n, py_n = statistics.median(wl_nogc), statistics.median(py_nogc)
        print(f"\nwith gc disabled ({args.reps} interleaved repetitions, medians)")
        print(f"  wlinterp.parser.parse : {_ms(wl_n)}  (GC share with gc on: {1 - wl_n / wl_med:.0%})")
        print(f"  ast.parse             : {_ms(py_n)}  (GC share with gc on: {1 - py_n / py_med:.0%})")
        print(f"  ratio: {statistics.median(ratios_nogc):.2f}x")

    if args.verify:  # after the timings: running both programs leaves a lot behind on the heap
        ok, message = verify(wl_text, py_text)
        print(f"\nverify: {'OK' if ok else 'MISMATCH'}: {message}")
        if not ok:
            return 1
        parse(Source(RELEASE))

    if args.profile:
        profile(wl_text, args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
