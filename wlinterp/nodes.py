"""The abstract syntax tree: frozen dataclasses whose source span is left out of equality.

Leaving the span out of ``==`` is what lets the English, French and Spanish spellings of one
program build equal trees. Names keep the spelling the program used; type names are the
registry's canonical (English) names when the type is known.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Union

from .source import Span

# A procedure body, a branch of an IF …: statements in order.
Block = tuple["Stmt", ...]


@dataclass(frozen=True, slots=True)
class Node:
    span: Span | None = field(default=None, compare=False, repr=False, kw_only=True)


# ----------------------------------------------------------------------------- expressions


@dataclass(frozen=True, slots=True)
class Name(Node):
    name: str


@dataclass(frozen=True, slots=True)
class Number(Node):
    value: int | float


@dataclass(frozen=True, slots=True)
class String(Node):
    value: str


@dataclass(frozen=True, slots=True)
class Interpolated(Node):
    """A string literal holding ``[% expr %]`` parts: text and expressions in order."""

    parts: tuple[str | Expr, ...]


@dataclass(frozen=True, slots=True)
class Boolean(Node):
    value: bool


@dataclass(frozen=True, slots=True)
class Null(Node):
    pass


@dataclass(frozen=True, slots=True)
class Duration(Node):
    """A duration literal such as ``2 min 8 s``, in milliseconds."""

    milliseconds: int | float


@dataclass(frozen=True, slots=True)
class ArrayLiteral(Node):
    items: tuple[Expr, ...]


@dataclass(frozen=True, slots=True)
class Binary(Node):
    """Arithmetic: ``+ - * / % ^``."""

    op: str
    left: Expr
    right: Expr


@dataclass(frozen=True, slots=True)
class Logical(Node):
    """``AND``/``OR`` (both sides evaluated) and ``AND_SC``/``OR_SC`` (short-circuit)."""

    op: str
    left: Expr
    right: Expr


@dataclass(frozen=True, slots=True)
class Not(Node):
    operand: Expr


@dataclass(frozen=True, slots=True)
class Negate(Node):
    """Unary ``-`` or ``+``."""

    op: str
    operand: Expr


@dataclass(frozen=True, slots=True)
class Compare(Node):
    """A comparison; ``op`` is the operator as WLanguage writes it (``=``, ``<>``, ``~=``, ``[=`` …)."""

    op: str
    left: Expr
    right: Expr


@dataclass(frozen=True, slots=True)
class Interval(Node):
    """``low < subject <= high`` and its three siblings."""

    low: Expr
    low_op: str
    subject: Expr
    high_op: str
    high: Expr


@dataclass(frozen=True, slots=True)
class InRange(Node):
    """``subject = low TO high``."""

    subject: Expr
    low: Expr
    high: Expr


@dataclass(frozen=True, slots=True)
class InList(Node):
    """``subject IN (a, b)``; ``mode`` is ``IN``, ``IN_SC`` (short-circuit) or ``NOT_IN``."""

    subject: Expr
    items: tuple[Expr, ...]
    mode: str


@dataclass(frozen=True, slots=True)
class OptionalConcat(Node):
    """``left + [separator] + right``: the separator only where it is missing (``right`` may be absent)."""

    left: Expr
    separator: Expr
    right: Expr | None


@dataclass(frozen=True, slots=True)
class DefaultArg(Node):
    """``*`` in an argument list: keep the parameter's default value."""


@dataclass(frozen=True, slots=True)
class Call(Node):
    callee: Expr
    args: tuple[Expr, ...]


@dataclass(frozen=True, slots=True)
class Member(Node):
    """``target.name``, or the classic property syntax ``target..name`` when ``classic``."""

    target: Expr
    name: str
    classic: bool = False


@dataclass(frozen=True, slots=True)
class Index(Node):
    target: Expr
    index: Expr


@dataclass(frozen=True, slots=True)
class Substring(Node):
    """``s[[i]]``, ``s[[i TO j]]``, ``s[[i TO]]``, ``s[[TO j]]``, ``s[[i ON n]]`` (and single-bracket forms).

    ``mode`` is ``at``, ``range``, ``from``, ``upto`` or ``count``.
    """

    target: Expr
    mode: str
    start: Expr | None
    end: Expr | None
    double: bool = True


Expr = Union[
    Name, Number, String, Interpolated, Boolean, Null, Duration, ArrayLiteral, Binary, Logical,
    Not, Negate, Compare, Interval, InRange, InList, OptionalConcat, DefaultArg, Call, Member,
    Index, Substring,
]


# ----------------------------------------------------------------------------- types


@dataclass(frozen=True, slots=True)
class TypeRef(Node):
    """A declared type: ``kind`` is ``simple``, ``array`` or ``assoc``; arrays carry their element type."""

    name: str
    kind: str = "simple"
    element: TypeRef | None = None
    size: int | None = None


# ----------------------------------------------------------------------------- statements


@dataclass(frozen=True, slots=True)
class Declare(Node):
    names: tuple[str, ...]
    type: TypeRef
    init: Expr | None = None
    # ``x is T <- y``: the variable refers to y's value instead of copying it
    by_reference: bool = False


@dataclass(frozen=True, slots=True)
class Let(Node):
    name: str
    value: Expr


@dataclass(frozen=True, slots=True)
class Assign(Node):
    """``target = value`` or a compound form (``op`` is ``=``, ``+=``, ``-=``, ``*=`` or ``/=``)."""

    target: Expr
    op: str
    value: Expr


@dataclass(frozen=True, slots=True)
class IncDec(Node):
    target: Expr
    op: str  # "++" or "--"


@dataclass(frozen=True, slots=True)
class ExprStmt(Node):
    """A call used as a statement."""

    expr: Expr


@dataclass(frozen=True, slots=True)
class If(Node):
    """``IF``/``ELSE IF`` branches as (condition, body) pairs, then the optional ``ELSE`` body."""

    branches: tuple[tuple[Expr, Block], ...]
    orelse: Block | None = None


@dataclass(frozen=True, slots=True)
class CaseValue(Node):
    """One value of a CASE: ``kind`` is ``equal`` (value), ``range`` (value TO high) or ``compare`` (op value)."""

    kind: str
    value: Expr
    high: Expr | None = None
    op: str = "="


@dataclass(frozen=True, slots=True)
class Case(Node):
    values: tuple[CaseValue, ...]
    body: Block


@dataclass(frozen=True, slots=True)
class Switch(Node):
    subject: Expr
    cases: tuple[Case, ...]
    default: Block | None = None


@dataclass(frozen=True, slots=True)
class For(Node):
    """``FOR var = start TO stop [STEP step]``; ``once`` for ``_TO_`` (the bound is read once)."""

    var: str
    start: Expr
    stop: Expr
    step: Expr | None
    once: bool
    body: Block


@dataclass(frozen=True, slots=True)
class ForEach(Node):
    """``FOR EACH var[, index] OF iterable``."""

    names: tuple[str, ...]
    iterable: Expr
    body: Block


@dataclass(frozen=True, slots=True)
class ForEachString(Node):
    """``FOR EACH STRING var OF text SEPARATED BY separator``."""

    var: str
    source: Expr
    separator: Expr
    body: Block


@dataclass(frozen=True, slots=True)
class While(Node):
    condition: Expr
    body: Block


@dataclass(frozen=True, slots=True)
class Loop(Node):
    """``LOOP`` (left with BREAK), or ``LOOP(n)`` run n times."""

    count: Expr | None
    body: Block


@dataclass(frozen=True, slots=True)
class Break(Node):
    pass


@dataclass(frozen=True, slots=True)
class Continue(Node):
    pass


@dataclass(frozen=True, slots=True)
class Return(Node):
    pass


@dataclass(frozen=True, slots=True)
class Result(Node):
    value: Expr | None


@dataclass(frozen=True, slots=True)
class Try(Node):
    """``WHEN EXCEPTION IN body DO handler [ELSE orelse] END``."""

    body: Block
    handler: Block
    orelse: Block | None = None


@dataclass(frozen=True, slots=True)
class Constant(Node):
    name: str
    value: Expr


@dataclass(frozen=True, slots=True)
class ConstantBlock(Node):
    constants: tuple[Constant, ...]


@dataclass(frozen=True, slots=True)
class Scope(Node):
    """A ``LOCAL`` or ``GLOBAL`` line, with the declaration written on it if any."""

    kind: str
    declaration: Declare | None = None


@dataclass(frozen=True, slots=True)
class CompileIf(Node):
    """``<COMPILE IF condition>`` … ``<ELSE>`` … ``<END>``: only the chosen branch is compiled."""

    condition: Expr
    body: Block
    orelse: Block | None = None


@dataclass(frozen=True, slots=True)
class Param(Node):
    name: str
    local: bool = False
    type: TypeRef | None = None
    default: Expr | None = None
    variadic: bool = False


@dataclass(frozen=True, slots=True)
class Procedure(Node):
    name: str
    params: tuple[Param, ...]
    return_type: TypeRef | None
    body: Block
    internal: bool = False


Stmt = Union[
    Declare, Let, Assign, IncDec, ExprStmt, If, Switch, For, ForEach, ForEachString, While, Loop,
    Break, Continue, Return, Result, Try, Constant, ConstantBlock, Scope, CompileIf, Procedure,
]


@dataclass(frozen=True, slots=True)
class Program(Node):
    """A snippet: its top-level code, then its procedures."""

    body: Block
    procedures: tuple[Procedure, ...]


def blocks_of(stmt: Stmt) -> list[Block]:
    """The statement blocks a statement holds (an IF's branches, a loop's body …), in order."""
    if isinstance(stmt, If):
        return [body for _cond, body in stmt.branches] + ([stmt.orelse] if stmt.orelse else [])
    if isinstance(stmt, Switch):
        return [case.body for case in stmt.cases] + ([stmt.default] if stmt.default else [])
    if isinstance(stmt, (For, ForEach, ForEachString, While, Loop)):
        return [stmt.body]
    if isinstance(stmt, Try):
        return [stmt.body, stmt.handler] + ([stmt.orelse] if stmt.orelse else [])
    if isinstance(stmt, CompileIf):
        return [stmt.body] + ([stmt.orelse] if stmt.orelse else [])
    return []


def internal_procedures(block: Block) -> list[Procedure]:
    """The INTERNAL PROCEDUREs declared in a body, wherever they sit in its blocks (not inside each other)."""
    found: list[Procedure] = []
    for stmt in block:
        if isinstance(stmt, Procedure):
            found.append(stmt)
        else:
            for inner in blocks_of(stmt):
                found.extend(internal_procedures(inner))
    return found


def walk(block: Block) -> Iterator[Stmt]:
    """Every statement of a block and of the blocks it holds, in order (an internal procedure, not its body)."""
    for stmt in block:
        yield stmt
        if isinstance(stmt, Procedure):
            continue
        for inner in blocks_of(stmt):
            yield from walk(inner)


def statement_exprs(stmt: Stmt) -> list[Expr]:
    """The expressions a statement evaluates itself (not those of the blocks it holds)."""
    if isinstance(stmt, Declare):
        return [stmt.init] if stmt.init is not None else []
    if isinstance(stmt, (Let, Constant)):
        return [stmt.value]
    if isinstance(stmt, Assign):
        return [stmt.target, stmt.value]
    if isinstance(stmt, IncDec):
        return [stmt.target]
    if isinstance(stmt, ExprStmt):
        return [stmt.expr]
    if isinstance(stmt, If):
        return [condition for condition, _body in stmt.branches]
    if isinstance(stmt, Switch):
        return [stmt.subject] + [part for case in stmt.cases for value in case.values
                                 for part in (value.value, value.high) if part is not None]
    if isinstance(stmt, For):
        return [part for part in (stmt.start, stmt.stop, stmt.step) if part is not None]
    if isinstance(stmt, ForEach):
        return [stmt.iterable]
    if isinstance(stmt, ForEachString):
        return [stmt.source, stmt.separator]
    if isinstance(stmt, While):
        return [stmt.condition]
    if isinstance(stmt, Loop):
        return [stmt.count] if stmt.count is not None else []
    if isinstance(stmt, Result):
        return [stmt.value] if stmt.value is not None else []
    if isinstance(stmt, ConstantBlock):
        return [constant.value for constant in stmt.constants]
    if isinstance(stmt, Scope) and stmt.declaration is not None:
        return statement_exprs(stmt.declaration)
    return []


def children(expr: Expr) -> list[Expr]:
    """The sub-expressions of an expression."""
    if isinstance(expr, (Binary, Logical, Compare)):
        return [expr.left, expr.right]
    if isinstance(expr, (Not, Negate)):
        return [expr.operand]
    if isinstance(expr, (Interval, InRange)):
        return [expr.subject, expr.low, expr.high]
    if isinstance(expr, InList):
        return [expr.subject, *expr.items]
    if isinstance(expr, OptionalConcat):
        return [expr.left, expr.separator] + ([expr.right] if expr.right is not None else [])
    if isinstance(expr, Interpolated):
        return [part for part in expr.parts if not isinstance(part, str)]
    if isinstance(expr, ArrayLiteral):
        return list(expr.items)
    if isinstance(expr, Member):
        return [expr.target]
    if isinstance(expr, Index):
        return [expr.target, expr.index]
    if isinstance(expr, Substring):
        return [part for part in (expr.target, expr.start, expr.end) if part is not None]
    if isinstance(expr, Call):
        return [expr.callee, *expr.args]
    return []


def walk_expr(expr: Expr) -> Iterator[Expr]:
    """An expression and every expression inside it."""
    yield expr
    for child in children(expr):
        yield from walk_expr(child)
