"""Builds AST nodes from the parser's reductions, one callback per grammar rule."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from . import nodes as n
from .errors import Diagnostic
from .lexer import Token, duration_milliseconds, number_value, string_value
from .source import Span

__all__ = ["AstBuilder", "BuildContext"]

_INTERPOLATION = re.compile(r"\[%(.*?)%\]", re.DOTALL)

_COMPOUND_OPS = {"EQ": "=", "PLUSEQ": "+=", "MINUSEQ": "-=", "STAREQ": "*=", "SLASHEQ": "/="}
_LOGICAL_OPS = {"AND": "AND", "OR": "OR", "AND_SC": "AND_SC", "OR_SC": "OR_SC"}
_IN_MODES = {"IN": "IN", "IN_SC": "IN_SC", "NOT_IN": "NOT_IN"}
_BLOCK_TERMINALS = {"IF", "SWITCH", "FOR", "FOR_EACH", "FOR_EACH_STRING", "WHILE", "LOOP"}


@dataclass
class BuildContext:
    """What one parse needs besides the tokens: where to report, and how to read nested pieces."""

    path: str
    report: Callable[[Diagnostic], None]
    # parses the text of a [% … %] part; given the text and the span of the string holding it
    parse_interpolation: Callable[[str, Span], n.Expr | None]
    # the canonical name of a type written in any language (unknown types come back as written)
    type_name: Callable[[str], str]
    lvalue_errors: list[Span] = field(default_factory=list)


def _span(item: Any) -> Span | None:
    if isinstance(item, Token):
        return Span(item.line, item.column, item.end_line, item.end_column)
    if isinstance(item, n.Node):
        return item.span
    return None


def _between(first: Any, last: Any) -> Span | None:
    start = _span(first)
    end = _span(last)
    if start is None:
        return end
    return start.to(end)


def _last(children: list) -> Any:
    for child in reversed(children):
        if child is not None and not isinstance(child, (tuple, list)):
            return child
        if isinstance(child, tuple) and child and isinstance(child[-1], n.Node):
            return child[-1]
    return None


def _is_lvalue(expr: Any) -> bool:
    return isinstance(expr, (n.Name, n.Member, n.Index, n.Substring))


class AstBuilder:
    """The parser's callbacks. ``context`` is set by the parser front-end before each parse."""

    context: BuildContext

    # ------------------------------------------------------------------ program

    def program(self, c: list) -> n.Program:
        body, *procedures = c
        return n.Program(body, tuple(procedures), span=Span(1, 1, 1, 1))

    def interpolation(self, c: list) -> n.Expr:
        return c[0]

    def body(self, c: list) -> n.Block:
        return tuple(c)

    def procedure(self, c: list) -> n.Procedure:
        keyword, name, _lp, params, _rp, _colon, return_type, body = c
        return n.Procedure(
            str(name), params or (), return_type, body, False, span=_between(keyword, name)
        )

    def internal_procedure(self, c: list) -> n.Procedure:
        keyword, name, _lp, params, _rp, _colon, return_type, body, end = c
        return n.Procedure(str(name), params or (), return_type, body, True, span=_between(keyword, end))

    def params(self, c: list) -> tuple[n.Param, ...]:
        return tuple(p for p in c if isinstance(p, n.Param))

    def param(self, c: list) -> n.Param:
        local, name, type_ref, _eq, default = c
        return n.Param(
            str(name), local is not None, type_ref, default, span=_between(local or name, default or type_ref or name)
        )

    def variadic_param(self, c: list) -> n.Param:
        return n.Param("*", variadic=True, span=_span(c[0]))

    def param_type(self, c: list) -> n.TypeRef:
        return c[-1]

    # ------------------------------------------------------------------ declarations

    def declaration(self, c: list) -> n.Declare:
        names = tuple(str(t) for t in c if isinstance(t, Token) and t.type == "NAME")
        type_ref = next(x for x in c if isinstance(x, n.TypeRef))
        init = c[-1]
        by_reference = False
        value = None
        if isinstance(init, tuple):
            by_reference = init[0] == "<-"
            value = init[1]
        return n.Declare(names, type_ref, value, by_reference, span=_between(c[0], value or type_ref))

    def initializer(self, c: list) -> tuple[str, n.Expr]:
        return ("<-" if c[0].type == "LARROW" else "=", c[1])

    def let_stmt(self, c: list) -> n.Let:
        return n.Let(str(c[1]), c[3], span=_between(c[0], c[3]))

    def simple_type(self, c: list) -> n.TypeRef:
        article, name = c
        return n.TypeRef(self.context.type_name(str(name)), span=_between(article or name, name))

    def array_type(self, c: list) -> n.TypeRef:
        article, keyword, size, element = c
        return n.TypeRef(
            "array", "array", element, self._number(size, number_value) if size is not None else None,
            span=_between(article or keyword, element),
        )

    def assoc_type(self, c: list) -> n.TypeRef:
        article, keyword, element = c
        return n.TypeRef("associative array", "assoc", element, span=_between(article or keyword, element))

    def local_stmt(self, c: list) -> n.Scope:
        return n.Scope("LOCAL", c[1], span=_between(c[0], c[1] or c[0]))

    def global_stmt(self, c: list) -> n.Scope:
        return n.Scope("GLOBAL", c[1], span=_between(c[0], c[1] or c[0]))

    def constant_line(self, c: list) -> n.ConstantBlock:
        constant = n.Constant(str(c[1]), c[3], span=_between(c[1], c[3]))
        return n.ConstantBlock((constant,), span=_between(c[0], c[3]))

    def constant_block(self, c: list) -> n.ConstantBlock:
        constants = tuple(x for x in c if isinstance(x, n.Constant))
        return n.ConstantBlock(constants, span=_between(c[0], c[-1]))

    def constant_def(self, c: list) -> n.Constant:
        return n.Constant(str(c[0]), c[2], span=_between(c[0], c[2]))

    # ------------------------------------------------------------------ simple statements

    def assignment(self, c: list) -> n.Assign:
        target, op_token, value = c
        op = _COMPOUND_OPS[op_token.type]
        self._check_target(target, op_token)
        if op == "+=":
            concat = _optional_concat_of(target, value)
            if concat is not None:
                return n.Assign(target, "=", concat, span=_between(target, value))
        return n.Assign(target, op, value, span=_between(target, value))

    def incdec(self, c: list) -> n.IncDec:
        target, op = c
        self._check_target(target, op)
        return n.IncDec(target, str(op), span=_between(target, op))

    def prefix_incdec(self, c: list) -> n.IncDec:
        op, target = c
        self._check_target(target, op)
        return n.IncDec(target, str(op), span=_between(op, target))

    def call_stmt(self, c: list) -> n.ExprStmt:
        expr = c[0]
        if not isinstance(expr, n.Call):
            shown = expr.name if isinstance(expr, n.Name) else "this expression"
            hint = "a statement is a declaration, an assignment (x = …) or a call (f(…))"
            if isinstance(expr, n.Name):
                from .vocabulary import VOCABULARY

                close = _close_keyword(expr.name, VOCABULARY)
                if close:
                    hint = f"did you mean the keyword '{close}'?"
            self._error(f"'{shown}' is not a statement", expr.span, hint)
        return n.ExprStmt(expr, span=expr.span)

    def return_stmt(self, c: list) -> n.Return:
        return n.Return(span=_span(c[0]))

    def result_stmt(self, c: list) -> n.Result:
        return n.Result(c[1], span=_between(c[0], c[1] or c[0]))

    def break_stmt(self, c: list) -> n.Break:
        return n.Break(span=_span(c[0]))

    def continue_stmt(self, c: list) -> n.Continue:
        return n.Continue(span=_span(c[0]))

    def single_if(self, c: list) -> n.If:
        keyword, cond, _then, body, _else, orelse = c
        return n.If(
            ((cond, (body,)),), (orelse,) if orelse is not None else None, span=_between(keyword, orelse or body)
        )

    # ------------------------------------------------------------------ blocks

    def if_block(self, c: list) -> n.If:
        keyword, cond, _then, body, *rest = c
        end = rest.pop()
        orelse = rest.pop()
        branches = [(cond, body)] + [x for x in rest if isinstance(x, tuple)]
        return n.If(tuple(branches), orelse, span=_between(keyword, end))

    def else_if(self, c: list) -> tuple[n.Expr, n.Block]:
        return (c[1], c[3])

    def else_clause(self, c: list) -> n.Block:
        return c[1]

    def switch_block(self, c: list) -> n.Switch:
        keyword, subject, *rest = c
        end = rest.pop()
        default = rest.pop()
        return n.Switch(subject, tuple(rest), default, span=_between(keyword, end))

    def case_clause(self, c: list) -> n.Case:
        keyword, values = c[0], c[1]
        inline = c[3] if len(c) == 5 else None
        body = c[-1]
        if inline is not None:
            body = (inline, *body)
        return n.Case(values, body, span=_between(keyword, _last(list(values))))

    def case_values(self, c: list) -> tuple[n.CaseValue, ...]:
        return tuple(x for x in c if isinstance(x, n.CaseValue))

    def other_case(self, c: list) -> n.Block:
        inline = c[2]
        body = c[-1]
        return (inline, *body) if inline is not None else body

    def case_equal(self, c: list) -> n.CaseValue:
        return n.CaseValue("equal", c[0], span=_span(c[0]))

    def case_range(self, c: list) -> n.CaseValue:
        return n.CaseValue("range", c[0], c[2], span=_between(c[0], c[2]))

    def case_compare(self, c: list) -> n.CaseValue:
        return n.CaseValue("compare", c[1], None, str(c[0]), span=_between(c[0], c[1]))

    def for_block(self, c: list) -> n.For:
        keyword, var, _eq, start, to, stop, _step, step, body, end = c
        return n.For(str(var), start, stop, step, to.type == "TO_ONCE", body, span=_between(keyword, end))

    def for_each_block(self, c: list) -> n.ForEach:
        keyword = c[0]
        names = tuple(str(t) for t in c[2:] if isinstance(t, Token) and t.type == "NAME")
        iterable, body, end = c[-3], c[-2], c[-1]
        return n.ForEach(names, iterable, body, span=_between(keyword, end))

    def for_each_string_block(self, c: list) -> n.ForEachString:
        keyword, var, _of, source, _sep, separator, body, end = c
        return n.ForEachString(str(var), source, separator, body, span=_between(keyword, end))

    def while_block(self, c: list) -> n.While:
        keyword, cond, body, end = c
        return n.While(cond, body, span=_between(keyword, end))

    def loop_block(self, c: list) -> n.Loop:
        keyword, _lp, count, _rp, body, end = c
        return n.Loop(count, body, span=_between(keyword, end))

    def try_block(self, c: list) -> n.Try:
        keyword, body, _do, handler, _else, orelse, end = c
        return n.Try(body, handler, orelse, span=_between(keyword, end))

    def compile_if(self, c: list) -> n.CompileIf:
        keyword, cond, _close, body, _else, orelse, end = c
        return n.CompileIf(cond, body, orelse, span=_between(keyword, end))

    # ------------------------------------------------------------------ expressions

    def logical(self, c: list) -> n.Logical:
        left, op, right = c
        return n.Logical(_LOGICAL_OPS[op.type], left, right, span=_between(left, right))

    def not_op(self, c: list) -> n.Not:
        return n.Not(c[1], span=_between(c[0], c[1]))

    def compare(self, c: list) -> n.Compare:
        left, op, right = c
        return n.Compare(str(op), left, right, span=_between(left, right))

    def interval(self, c: list) -> n.Interval:
        low, low_op, subject, high_op, high = c
        return n.Interval(low, str(low_op), subject, str(high_op), high, span=_between(low, high))

    def range_test(self, c: list) -> n.InRange:
        subject, _eq, low, _to, high = c
        return n.InRange(subject, low, high, span=_between(subject, high))

    def in_test(self, c: list) -> n.InList:
        subject, op, _lp, items, rp = c
        return n.InList(subject, items, _IN_MODES[op.type], span=_between(subject, rp))

    def binary(self, c: list) -> n.Expr:
        left, op, right = c
        span = _between(left, right)
        if op.type == "PLUS":
            if isinstance(left, n.OptionalConcat) and left.right is None:
                return n.OptionalConcat(left.left, left.separator, right, span=span)
            if _is_bracketed(right):
                return n.OptionalConcat(left, right.items[0], None, span=span)
        return n.Binary(str(op), left, right, span=span)

    def negate(self, c: list) -> n.Negate:
        return n.Negate(str(c[0]), c[1], span=_between(c[0], c[1]))

    def call(self, c: list) -> n.Call:
        callee, _lp, args, rp = c
        return n.Call(callee, args, span=_between(callee, rp))

    def member(self, c: list) -> n.Member:
        return n.Member(c[0], str(c[2]), False, span=_between(c[0], c[2]))

    def property(self, c: list) -> n.Member:
        return n.Member(c[0], str(c[2]), True, span=_between(c[0], c[2]))

    def index(self, c: list) -> n.Expr:
        target, _lb, sub, rb = c
        if sub[0] == "at":
            return n.Index(target, sub[1], span=_between(target, rb))
        return n.Substring(target, sub[0], sub[1], sub[2], False, span=_between(target, rb))

    def substring(self, c: list) -> n.Substring:
        target, _lb, sub, rb = c
        return n.Substring(target, sub[0], sub[1], sub[2] if len(sub) > 2 else None, True, span=_between(target, rb))

    def sub_at(self, c: list) -> tuple:
        return ("at", c[0], None)

    def sub_range(self, c: list) -> tuple:
        return ("range", c[0], c[2])

    def sub_from(self, c: list) -> tuple:
        return ("from", c[0], None)

    def sub_upto(self, c: list) -> tuple:
        return ("upto", None, c[1])

    def sub_count(self, c: list) -> tuple:
        return ("count", c[0], c[2])

    def args(self, c: list) -> tuple[n.Expr, ...]:
        return tuple(x for x in c if x is not None and not (isinstance(x, Token) and x.type == "COMMA"))

    def default_arg(self, c: list) -> n.DefaultArg:
        return n.DefaultArg(span=_span(c[0]))

    def paren(self, c: list) -> n.Expr:
        return c[1]

    def array_literal(self, c: list) -> n.ArrayLiteral:
        return n.ArrayLiteral(c[1], span=_between(c[0], c[2]))

    # ------------------------------------------------------------------ atoms

    def name(self, c: list) -> n.Name:
        return n.Name(str(c[0]), span=_span(c[0]))

    def integer(self, c: list) -> n.Number:
        return n.Number(self._number(c[0], number_value), span=_span(c[0]))

    def real(self, c: list) -> n.Number:
        return n.Number(self._number(c[0], number_value), span=_span(c[0]))

    def duration(self, c: list) -> n.Duration:
        return n.Duration(self._number(c[0], duration_milliseconds), span=_span(c[0]))

    def _number(self, token: Token, read: Callable[[str], int | float]) -> int | float:
        try:
            return read(token.value)
        except OverflowError as too_big:
            self._error(str(too_big), _span(token), "write a smaller number")
            return 0

    def true(self, c: list) -> n.Boolean:
        return n.Boolean(True, span=_span(c[0]))

    def false(self, c: list) -> n.Boolean:
        return n.Boolean(False, span=_span(c[0]))

    def null(self, c: list) -> n.Null:
        return n.Null(span=_span(c[0]))

    def string(self, c: list) -> n.Expr:
        token = c[0]
        return self._text(string_value(token.value), _span(token))

    def block_string(self, c: list) -> n.Expr:
        token = c[0]
        return self._text(token.value, _span(token))

    # ------------------------------------------------------------------ helpers

    def _text(self, text: str, span: Span | None) -> n.Expr:
        if "[%" not in text:
            return n.String(text, span=span)
        parts: list[str | n.Expr] = []
        cursor = 0
        for m in _INTERPOLATION.finditer(text):
            if m.start() > cursor:
                parts.append(text[cursor : m.start()])
            expr = self.context.parse_interpolation(m.group(1), span)
            parts.append(expr if expr is not None else m.group())
            cursor = m.end()
        if cursor < len(text):
            parts.append(text[cursor:])
        if all(isinstance(p, str) for p in parts):
            return n.String("".join(parts), span=span)  # type: ignore[arg-type]
        return n.Interpolated(tuple(parts), span=span)

    def _check_target(self, target: Any, op: Token) -> None:
        if not _is_lvalue(target):
            self._error(
                f"cannot assign with '{op}' here: the left side is not a variable, member or element",
                target.span,
                "to compare values, use the comparison inside an IF",
            )

    def _error(self, message: str, span: Span | None, hint: str = "") -> None:
        self.context.report(Diagnostic("error", "syntax", message, span, hint, self.context.path))


def _is_bracketed(expr: Any) -> bool:
    return isinstance(expr, n.ArrayLiteral) and len(expr.items) == 1


def _optional_concat_of(target: n.Expr, value: n.Expr) -> n.OptionalConcat | None:
    """``s += [sep]`` and ``s += [sep] + t`` are optional concatenations onto ``s``."""
    if _is_bracketed(value):
        return n.OptionalConcat(target, value.items[0], None, span=value.span)  # type: ignore[union-attr]
    if isinstance(value, n.Binary) and value.op == "+" and _is_bracketed(value.left):
        return n.OptionalConcat(target, value.left.items[0], value.right, span=value.span)  # type: ignore[union-attr]
    return None


def _close_keyword(word: str, vocabulary: Any) -> str:
    import difflib

    from .source import ident_key

    spellings = {key: terminal for (terminal, key) in vocabulary.languages if " " not in key}
    match = difflib.get_close_matches(ident_key(word), list(spellings), n=1, cutoff=0.75)
    return match[0].upper() if match else ""
