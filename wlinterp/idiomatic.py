"""Writes a checked program as the Python a developer would port it to (the idiomatic style): plain Python and the standard library, with a ``# wlinterp:`` comment wherever it may behave differently from WinDev.

The module imports nothing from wlinterp: the helpers it needs (a ``Mail`` built with
EmailMessage, an ``SmtpSession`` over smtplib with STARTTLS, TLS, login and XOAUTH2, reading
sessions over imaplib and poplib, an OAuth 2.0 sign-in) are copied into it from
``wlinterp.idiomatic_lib``. Built-ins are written as their registry entry's
idiom says; a failure the WLanguage tested (``IF NOT session.StartSession() THEN``) becomes a
``try``/``except MailError``. What has no idiomatic form is an ``unsupported`` diagnostic, never
silently different Python.
"""

from __future__ import annotations

import builtins
import keyword
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import nodes as n
from .errors import Diagnostic
from .pyformat import PyFormatter, py_string
from .registry import REGISTRY, Builtin, Idiom, Member, TypeInfo
from .source import Span, ident_key
from .transpiler import Transpiled, TranspileError, _Analysis, _comment_lines, _literal

__all__ = ["transpile_idiomatic"]

_LIBRARY = Path(__file__).with_name("idiomatic_lib.py")
_PART = re.compile(r"^# part: (?P<name>\w+)(?: \(needs: (?P<needs>[\w ]+)\))?$", re.MULTILINE)
_DEFAULTS = {"int": "0", "real": "0.0", "numeric": "0", "currency": "0", "string": '""', "boolean": "False",
             "buffer": 'b""', "Variant": "None"}
_ANNOTATIONS = {"int": "int", "real": "float", "string": "str", "boolean": "bool"}
_COMPARISONS = {"=": "==", "<>": "!=", "<": "<", "<=": "<=", ">": ">", ">=": ">="}
# names the module's own helpers take
_TAKEN = {"main", "sys", "error", "structure", "sessions", "put", "start_named", "session_of", "set_timeout",
          "email_status", "check_address", "Mail", "Attachment", "SmtpSession", "MailError", "UnavailableSession",
          "STANDARD_PORTS", "DEFAULT_TIMEOUT", "ServerAccount", "tls_context", "token_value", "read_into",
          "MailboxSession", "ImapSession", "Pop3Session", "MAILBOX_PORTS", "OAUTH_TIMEOUT", "OAuth2Provider",
          "AuthToken", "authorize", "refresh"}


class Unsupported(Exception):
    """A construct the idiomatic style cannot write: it becomes an ``unsupported`` diagnostic."""


@dataclass
class IdiomArg:
    """An argument as an idiom sees it: its Python code, its static type and, for a literal or constant, its value."""

    code: str
    type: str | None = None
    constant: Any = None
    atomic: bool = True


def transpile_idiomatic(compiled: Any, lenient: bool = False) -> Transpiled:
    """The idiomatic module for a compiled program; TranspileError lists what it cannot write."""
    if not compiled.ok:
        raise TranspileError([d for d in compiled.diagnostics if d.severity == "error"])
    analysis = _Analysis(compiled.parsed.program, lenient)
    analysis.run()
    return _Writer(analysis, compiled.parsed.comments, compiled.source.path).module()


def snake(name: str) -> str:
    """``MyEmailSession`` → ``my_email_session``: the names of a Python module."""
    text = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name)
    text = re.sub(r"(?<=[A-Z])(?=[A-Z][a-z])", "_", text)
    return text.lower()


class _Writer:
    """Emits the idiomatic module, and is the context the registry's idioms write through."""

    def __init__(self, analysis: _Analysis, comments: list[tuple[Span, str]], source_name: str):
        self.a = analysis
        self.source_name = source_name
        self.out = PyFormatter()
        self.comments = sorted(comments, key=lambda c: (c[0].line, c[0].column))
        self._next_comment = 0
        self.diagnostics: list[Diagnostic] = []
        self.parts: set[str] = set()
        self.fn = analysis.main
        self.notes: list[str] = []
        self._error_names: list[str] = []  # the ``except … as error`` names around the code being written
        self._procedure_names: dict[int, str] = {}
        self._error_used = False
        self._said: set[str] = set()
        # the type of each FOR EACH variable over a list of objects, while its loop is written (by id of its symbol)
        self._element_types: dict[int, str] = {}
        self._guarded = False  # the statement being written is in a try whose except handles its MailError
        self._name_symbols()

    # ------------------------------------------------------------------ names

    def _fresh(self, name: str, taken: set[str]) -> str:
        base = snake(name)
        if keyword.iskeyword(base) or keyword.issoftkeyword(base) or hasattr(builtins, base) or base in _TAKEN:
            base += "_"
        candidate = base
        while candidate in taken:
            candidate += "_"
        taken.add(candidate)
        return candidate

    def _name_symbols(self) -> None:
        module: set[str] = set(_TAKEN)
        for fn in self.a.functions.values():
            if fn.node is not None:
                self._procedure_names[id(fn)] = self._fresh(fn.node.name, module)
        for fn in self.a.functions.values():
            taken = set(module)
            for symbol in fn.symbols.values():
                symbol.py = self._fresh(symbol.name, taken)
        for symbol in self.a.module.values():
            if not symbol.py:
                symbol.py = self._fresh(symbol.name, set(module))

    # ------------------------------------------------------------------ the module

    def module(self) -> Transpiled:
        out = self.out
        main_at = out.mark()
        first = self.a.program.procedures[0].span if self.a.program.procedures else None
        self._function(self.a.main, first.line if first else None)
        for procedure in self.a.program.procedures:
            out.blank(2)
            self._comments_before(procedure.span.line if procedure.span else 0)
            self._function(self.a.functions[id(procedure)])
        self._comments_before(10**9)
        out.blank(2)
        out.line('if __name__ == "__main__":')
        out.indent()
        out.line("main()")
        out.dedent()
        if self.diagnostics:
            raise TranspileError(self.diagnostics)
        body_text = "\n".join(entry.text for entry in out.entries[main_at:])
        library = self._library(body_text)
        header = [f'"""{self._docstring()}"""', ""] + library + ["", ""]
        out.insert(main_at, header)
        return Transpiled(out.text(), [])

    def _docstring(self) -> str:
        name = self.source_name.replace("\\", "/").rsplit("/", 1)[-1]
        return (f"{name} as idiomatic Python, written by wlinterp as the start of a port (it needs no wlinterp).\n\n"
                'Lines marked "# wlinterp:" are where it may behave differently from WinDev.\n')

    def _library(self, body: str) -> list[str]:
        """The helper parts the program uses, their imports, as lines."""
        text = _LIBRARY.read_text(encoding="utf-8")
        found = {m.group("name"): m for m in _PART.finditer(text)}
        order = list(found)
        chosen: set[str] = set()
        pending = list(self.parts)
        while pending:
            part = pending.pop()
            if part in chosen or part not in found:
                continue
            chosen.add(part)
            needs = found[part].group("needs")
            pending.extend(needs.split() if needs else [])
        blocks: list[str] = []
        for name in order:
            if name in chosen:
                start = found[name].end()
                following = [found[other].start() for other in order if found[other].start() > start]
                blocks.append(text[start:min(following) if following else len(text)].strip("\n"))
        code = "\n\n\n".join(blocks)
        imports = self._imports(text[found["imports"].end():found[order[1]].start()], code + "\n" + body)
        lines = ["from __future__ import annotations", "", *imports]
        if code:
            lines += ["", "", *code.split("\n")]
        return lines

    @staticmethod
    def _imports(block: str, code: str) -> list[str]:
        kept: list[str] = []
        groups: list[list[str]] = [[]]
        for line in block.strip().splitlines():
            if not line.strip():
                groups.append([])
                continue
            if line.startswith("from __future__"):
                continue
            names = re.findall(r"\w+", line.split(" import ", 1)[1]) if line.startswith("from ") else [line.split()[-1]]
            used = [name for name in names if re.search(rf"\b{re.escape(name)}\b", code)]
            if not used:
                continue
            if line.startswith("from "):
                groups[-1].append(f"{line.split(' import ')[0]} import {', '.join(used)}")
            else:
                groups[-1].append(line)
        if "sys." in code and not any("import sys" in line for group in groups for line in group):
            groups[0].append("import sys")
            groups[0].sort(key=lambda line: line.split()[1])
        for group in groups:
            if group:
                kept.extend(group)
        return kept

    # ------------------------------------------------------------------ functions and blocks

    def _function(self, fn: Any, end_line: int | None = None) -> None:
        out = self.out
        saved, said = self.fn, self._said
        self.fn, self._said = fn, set()
        if fn.node is None:
            out.line("def main() -> None:")
        else:
            params = []
            for param in fn.node.params:
                if param.variadic:
                    self._unsupported("a procedure with a variable number of parameters", param.span)
                    continue
                symbol = fn.symbols[ident_key(param.name)]
                if symbol.written_param:
                    self._unsupported(f"parameter '{param.name}' changed for the caller (by reference): return it instead",
                                      param.span)
                text = symbol.py
                if param.default is not None:
                    text += "=" + self._safe_expr(param.default)
                params.append(text)
            out.line(f"def {self._procedure_names[id(fn)]}({', '.join(params)}):")
        out.indent()
        start = out.mark()
        globals_ = sorted(self.a.module[k].py for k in fn.globals_written if k in self.a.module)
        if globals_ and fn.node is not None:
            out.line(f"global {', '.join(globals_)}")
        for inner in fn.internal:
            self._comments_before(inner.node.span.line if inner.node and inner.node.span else 0)
            self._function(inner)
            out.blank()
        body = fn.node.body if fn.node is not None else self.a.program.body
        self._block(body, end_line if fn.node is None else (fn.node.span.end_line + 1 if fn.node.span else None))
        if not out.has_statement_since(start):
            out.line("pass")
        out.dedent()
        self.fn, self._said = saved, said

    def _comments_before(self, line: int) -> None:
        while self._next_comment < len(self.comments) and self.comments[self._next_comment][0].line < line:
            _span, text = self.comments[self._next_comment]
            self._next_comment += 1
            for piece in _comment_lines(text):
                self.out.line(piece)

    def _trailing(self, span: Span | None) -> str:
        found: list[str] = []
        while (span is not None and self._next_comment < len(self.comments)
               and self.comments[self._next_comment][0].line == span.line
               and self.comments[self._next_comment][0].column > span.column):
            found.extend(piece[1:].strip() for piece in _comment_lines(self.comments[self._next_comment][1]))
            self._next_comment += 1
        # a note is said once per function: the first place it applies stands for the others
        notes = [f"wlinterp: {note}" for note in dict.fromkeys(self.notes) if note not in self._said]
        self._said.update(self.notes)
        self.notes = []
        parts = found + notes
        return "# " + "; ".join(parts) if parts else ""

    def _block(self, block: n.Block, end_line: int | None = None) -> None:
        statements = [stmt for stmt in block if not isinstance(stmt, n.Procedure)]
        skip = False
        for stmt, following in zip(statements, [*statements[1:], None]):
            if skip:
                skip = False
                continue
            if stmt.span is not None:
                self._comments_before(stmt.span.line)
            try:
                if following is not None and self._null_test_of(stmt, following):
                    self._try_assignment(stmt, following)
                    skip = True
                else:
                    self._stmt(stmt)
            except Unsupported as problem:
                self._unsupported(str(problem), stmt.span)
                self.notes = []
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

    def _unsupported(self, what: str, span: Span | None) -> None:
        self.diagnostics.append(Diagnostic(
            "error", "unsupported", f"the idiomatic style cannot write {what}", span,
            "transpile with --style faithful, which writes every program", self.source_name,
        ))

    def emit(self, text: str, stmt: Any) -> None:
        self.out.statement(text, span=stmt.span, comment=self._trailing(stmt.span))

    # ------------------------------------------------------------------ the idioms' context

    def need(self, *parts: str) -> None:
        self.parts.update(parts)

    def unsupported(self, what: str) -> str:
        raise Unsupported(what)

    def template(self, form: str, args: list[IdiomArg], owner: str | None = None, value: str | None = None) -> str:
        """Fill ``{0}``, ``{*}``, ``{owner}``, ``{value}``: an argument that is not a whole call argument is parenthesised if it must be."""

        def fill(match: re.Match[str]) -> str:
            key = match.group(1)
            if key == "*":
                return ", ".join(arg.code for arg in args)
            if key in ("owner", "value"):
                return owner if key == "owner" else value  # type: ignore[return-value]
            arg = args[int(key)]
            before, after = form[:match.start()].rstrip()[-1:], form[match.end():].lstrip()[:1]
            whole = before in ("(", ",") and after in (")", ",")
            return arg.code if whole or arg.atomic else f"({arg.code})"

        return re.sub(r"\{(\*|\d+|owner|value)\}", fill, form)

    def error_text(self, args: list[IdiomArg]) -> str:
        """ErrorInfo(): the message of the exception being handled."""
        if not self._error_names:
            raise Unsupported("ErrorInfo() outside the handling of a failure (write it in the except block)")
        if args and args[0].constant not in (None, 1):
            raise Unsupported("ErrorInfo with a selector other than errMessage")
        self._error_used = True
        return f"str({self._error_names[-1]})"

    def error_occurred(self) -> str:
        if self._error_names:
            return "True"
        self.notes.append("failures raise MailError, so this point is reached only when the last operation worked")
        return "False"

    def string_build(self, args: list[IdiomArg]) -> str:
        """StringBuild("%1 of %2", a, b) with a literal template: a format string."""
        if not args or not isinstance(args[0].constant, str):
            raise Unsupported("StringBuild with a template that is not a literal string")
        text = args[0].constant.replace("{", "{{").replace("}", "}}")
        text = re.sub(r"%(\d)", lambda m: "{" + str(int(m.group(1)) - 1) + "}", text)
        return f"{py_string(text)}.format({', '.join(arg.code for arg in args[1:])})"

    # ------------------------------------------------------------------ statements

    def _stmt(self, stmt: Any) -> None:
        method = getattr(self, "s_" + type(stmt).__name__.lower(), None)
        if method is None:
            raise Unsupported(f"a {type(stmt).__name__} statement")
        method(stmt)

    def _assigned(self, stmt: Any) -> tuple[Any, Any] | None:
        """(the target, the value) of ``x = value`` or ``x is T = value``; None for other statements."""
        if isinstance(stmt, n.Assign) and stmt.op == "=":
            return stmt.target, stmt.value
        if isinstance(stmt, n.Declare) and stmt.init is not None and len(stmt.names) == 1 and not stmt.by_reference:
            return n.Name(stmt.names[0]), stmt.init
        return None

    def _null_test_of(self, stmt: Any, following: Any) -> bool:
        """``x = Call()`` then ``IF x = Null THEN … RETURN END``, where Call raises MailError when it fails (AuthIdentify)."""
        assigned = self._assigned(stmt)
        if assigned is None or not self._raises(assigned[1]) or self._error_names:
            return False
        if not isinstance(following, n.If) or len(following.branches) != 1 or following.orelse is not None:
            return False
        condition, body = following.branches[0]
        exits = bool(body) and isinstance(body[-1], (n.Return, n.Result))  # else x would be unset after a failure
        return (exits and isinstance(condition, n.Compare) and condition.op == "=" and isinstance(condition.right, n.Null)
                and _same_target(condition.left, assigned[0]))

    def _try_assignment(self, stmt: Any, test: n.If) -> None:
        """The failure the IF handled becomes the except block of the assignment."""
        self.out.statement("try:", span=stmt.span)
        self.out.indent()
        self._guarded = True  # the except below handles its failure
        try:
            self._stmt(stmt)
        finally:
            self._guarded = False
        if test.span is not None:
            self._comments_before(test.span.line)
        self.out.dedent()
        self.need("errors")
        self._handler(test.branches[0][1], test.span)

    def _handler(self, failure: n.Block, span: Span | None = None) -> None:
        """``except MailError as error:`` and the block that handles it (without ``as error`` when unused)."""
        self._error_names.append("error")
        self._error_used = False
        handler = self.out.mark()
        self.out.statement("except MailError as error:", span=span, comment=self._trailing(span))
        self._body(failure)
        if not self._error_used:  # an unused name is a lint warning
            self.out.entries[handler].text = self.out.entries[handler].text.replace(" as error:", ":")
        self._error_names.pop()

    def _note_uncaught(self, value: Any) -> None:
        if self._raises(value) and not self._error_names and not self._guarded:
            self.notes.append("WinDev goes on when this fails; MailError stops the program here")

    def s_declare(self, stmt: n.Declare) -> None:
        if stmt.by_reference:
            raise Unsupported("a declaration by reference (<-)")
        for name in stmt.names:
            symbol = self.a.lookup(name, self.fn)
            assert symbol is not None
            if stmt.init is not None:
                self._note_uncaught(stmt.init)
                value = self._converted(stmt.init, stmt.type)
            else:
                value = self._initial(stmt.type)
            annotation = ""
            if stmt.type.kind == "simple" and stmt.type.name in _ANNOTATIONS and not symbol.shared:
                annotation = ": " + _ANNOTATIONS[stmt.type.name]
            self.emit(f"{symbol.py}{annotation} = {value}", stmt)

    def _initial(self, type_ref: n.TypeRef) -> str:
        if type_ref.kind == "array":
            element = type_ref.element or n.TypeRef("Variant")
            if type_ref.size:
                default = _DEFAULTS.get(element.name)
                if default is None:
                    raise Unsupported(f"a fixed-size array of {element.name}")
                return f"[{default}] * {type_ref.size}"
            return "[]"
        if type_ref.kind == "assoc":
            return "{}"
        if type_ref.name in _DEFAULTS:
            return _DEFAULTS[type_ref.name]
        info = REGISTRY.type_info(type_ref.name)
        if info is None or info.idiom is None or not isinstance(info.idiom.form, str):
            raise Unsupported(f"a variable of type {type_ref.name}")
        self.need(*info.idiom.parts)
        return info.idiom.form

    def _converted(self, expr: Any, type_ref: n.TypeRef) -> str:
        code = self._safe_expr(expr)
        kind = self.a.static_type(expr, self.fn)
        if type_ref.kind != "simple" or type_ref.name not in _ANNOTATIONS or kind == type_ref.name:
            return code
        if type_ref.name == "real" and kind == "int":
            return code
        converter = {"int": "int", "real": "float", "string": "str", "boolean": "bool"}[type_ref.name]
        self.notes.append(f"WinDev converts the value to {type_ref.name} on every assignment")
        return f"{converter}({code})"

    def s_let(self, stmt: n.Let) -> None:
        symbol = self.a.lookup(stmt.name, self.fn)
        assert symbol is not None
        self.emit(f"{symbol.py} = {self._safe_expr(stmt.value)}", stmt)

    def s_assign(self, stmt: n.Assign) -> None:
        target = stmt.target
        if stmt.op != "=":
            if not isinstance(target, n.Name):
                raise Unsupported("a compound assignment to a member or an element")
            value = self.expr(stmt.value)
            if stmt.op == "+=" and self.a.static_type(target, self.fn) == "string" \
                    and self.a.static_type(stmt.value, self.fn) != "string":
                value = f"str({value})"
            self.emit(f"{self._name(target)} {stmt.op} {value}", stmt)
            return
        self._note_uncaught(stmt.value)
        self.emit(self._assignment(target, stmt.value), stmt)

    def _assignment(self, target: Any, value_expr: Any) -> str:
        if isinstance(target, n.Name):
            symbol = self.a.resolved.get(id(target)) or self.a.lookup(target.name, self.fn)
            value = self._converted(value_expr, symbol.type) if symbol is not None and symbol.type is not None else self.expr(value_expr)
            return f"{self._name(target)} = {value}"
        if isinstance(target, n.Member):
            member, info = self._member(target)
            if member is None or member.idiom is None:
                raise Unsupported(f"the property {target.name}")
            self.need(*member.idiom.parts)
            owner = self.expr(target.target, 15)
            value = self._member_value(member, value_expr)
            form = member.idiom.form
            if isinstance(form, tuple):
                return self.template(form[1], [], owner, value)
            if not isinstance(form, str) or not form.isidentifier():
                raise Unsupported(f"writing the property {target.name}")
            return f"{owner}.{form} = {value}"
        if isinstance(target, n.Index):
            container = self.expr(target.target, 15)
            value = self.expr(value_expr)
            if self._structure_list(target.target):
                self.need("legacy")
                return f"put({self.expr(target.target)}, {self.expr(target.index)}, {value})"
            return f"{container}[{self._index(target)}] = {value}"
        raise Unsupported("assigning to this kind of target")

    def _member_value(self, member: Member, value_expr: Any) -> str:
        constant = self._constant_entry(value_expr)
        if constant is not None and constant.idiom is not None and isinstance(constant.idiom.form, str):
            return constant.idiom.form
        return self.expr(value_expr)

    def s_incdec(self, stmt: n.IncDec) -> None:
        if not isinstance(stmt.target, n.Name):
            raise Unsupported("++ or -- on a member or an element")
        self.emit(f"{self._name(stmt.target)} {'+=' if stmt.op == '++' else '-='} 1", stmt)

    def s_exprstmt(self, stmt: n.ExprStmt) -> None:
        code = self.expr(stmt.expr)
        self._note_uncaught(stmt.expr)
        self.emit(code, stmt)

    def s_if(self, stmt: n.If) -> None:
        if len(stmt.branches) == 1 and self._failure_test(stmt.branches[0][0]) is not None:
            self._try_if(stmt)
            return
        for position, (condition, body) in enumerate(stmt.branches):
            word = "if" if position == 0 else "elif"
            self.out.statement(f"{word} {self.expr(condition)}:", span=condition.span if position else stmt.span,
                               comment=self._trailing(condition.span if position else stmt.span))
            self._body(body)
        if stmt.orelse is not None:
            self.out.line("else:")
            self._body(stmt.orelse)

    def _failure_test(self, condition: Any) -> tuple[Any, bool] | None:
        """(the call, True when the branch runs on failure) for IF call / IF NOT call / IF call = False …; None otherwise."""
        negated = False
        if isinstance(condition, n.Not):
            condition, negated = condition.operand, True
        if isinstance(condition, n.Compare) and condition.op in ("=", "<>") and isinstance(condition.right, n.Boolean):
            negated = negated ^ (condition.right.value is False) ^ (condition.op == "<>")
            condition = condition.left
        elif isinstance(condition, n.Compare) and condition.op in ("=", "<>") and isinstance(condition.right, n.Null):
            # a function that answers Null when it fails (AuthRefreshToken)
            negated = negated ^ (condition.op == "=")
            condition = condition.left
        if isinstance(condition, n.Call) and self._raises(condition):
            return condition, negated
        return None

    def _try_if(self, stmt: n.If) -> None:
        condition, body = stmt.branches[0]
        test = self._failure_test(condition)
        assert test is not None
        call, on_failure = test
        failure, success = (body, stmt.orelse) if on_failure else (stmt.orelse, body)
        self.out.statement("try:", span=stmt.span, comment=self._trailing(stmt.span))
        self.out.indent()
        self.out.statement(self.expr(call), span=stmt.span)
        self.out.dedent()
        self.need("errors")
        if failure:
            self._handler(failure)
        else:
            self.out.line("except MailError:")
            self.out.indent()
            self.out.line("# wlinterp: the program goes on after a failure, as the WLanguage did")
            self.out.line("pass")
            self.out.dedent()
        if success:
            self.out.line("else:")
            self._body(success)

    def s_switch(self, stmt: n.Switch) -> None:
        subject = self.expr(stmt.subject, 6)
        first = True
        for case in stmt.cases:
            tests = []
            for value in case.values:
                if value.kind == "equal":
                    tests.append(f"{subject} == {self.expr(value.value, 6)}")
                elif value.kind == "range":
                    tests.append(f"{self.expr(value.value, 6)} <= {subject} <= {self.expr(value.high, 6)}")
                elif value.op in _COMPARISONS:
                    tests.append(f"{subject} {_COMPARISONS[value.op]} {self.expr(value.value, 6)}")
                else:
                    raise Unsupported(f"a CASE with {value.op}")
            self.out.statement(f"{'if' if first else 'elif'} {' or '.join(tests)}:", span=case.span,
                               comment=self._trailing(case.span))
            self._body(case.body)
            first = False
        if stmt.default is not None:
            self.out.line("else:")
            self._body(stmt.default)

    def s_for(self, stmt: n.For) -> None:
        var = self.a.lookup(stmt.var, self.fn)
        assert var is not None
        step = self.expr(stmt.step) if stmt.step is not None else "1"
        descending = step.startswith("-")
        stop = self.expr(stmt.stop, 11)
        bound = f"{stop} - 1" if descending else f"{stop} + 1"
        if isinstance(stmt.stop, n.Number) and isinstance(stmt.stop.value, int):
            bound = str(stmt.stop.value - 1 if descending else stmt.stop.value + 1)
        args = [self.expr(stmt.start), bound] + ([step] if step != "1" else [])
        if not stmt.once:
            self.notes.append("range() reads the bound once; WinDev's FOR reads it again on each pass")
        self.out.statement(f"for {var.py} in range({', '.join(args)}):", span=stmt.span, comment=self._trailing(stmt.span))
        self._body(stmt.body)

    def s_foreach(self, stmt: n.ForEach) -> None:
        names = [self.a.lookup(name, self.fn) for name in stmt.names]
        collection = self.expr(stmt.iterable)
        if len(names) == 1:
            header = f"for {names[0].py} in {collection}:"  # type: ignore[union-attr]
        elif len(names) == 2:
            header = f"for {names[1].py}, {names[0].py} in enumerate({collection}, 1):"  # type: ignore[union-attr]
        else:
            raise Unsupported("FOR EACH with three variables")
        self.out.statement(header, span=stmt.span, comment=self._trailing(stmt.span))
        element = self._element_type(stmt.iterable)
        if element is not None and names[0] is not None:
            self._element_types[id(names[0])] = element
        self._body(stmt.body)
        self._element_types.pop(id(names[0]), None)

    def _element_type(self, collection: Any) -> str | None:
        """What a list of objects holds (``array of Email``, a message's attachments), for the loop variable."""
        kind = self._kind(collection) or ""
        if not kind.startswith("array of "):
            return None
        element = kind[len("array of "):]
        return element if REGISTRY.type_info(element) is not None else None

    def s_foreachstring(self, stmt: n.ForEachString) -> None:
        symbol = self.a.lookup(stmt.var, self.fn)
        if isinstance(stmt.source, n.String) and isinstance(stmt.separator, n.String) and stmt.separator.value:
            pieces = ", ".join(py_string(piece) for piece in stmt.source.value.split(stmt.separator.value))
            source = f"[{pieces}]"
        else:
            source = f"{self.expr(stmt.source, 15)}.split({self.expr(stmt.separator)})"
        header = f"for {symbol.py} in {source}:"  # type: ignore[union-attr]
        self.out.statement(header, span=stmt.span, comment=self._trailing(stmt.span))
        self._body(stmt.body)

    def s_while(self, stmt: n.While) -> None:
        self.out.statement(f"while {self.expr(stmt.condition)}:", span=stmt.span, comment=self._trailing(stmt.span))
        self._body(stmt.body)

    def s_loop(self, stmt: n.Loop) -> None:
        header = "while True:" if stmt.count is None else f"for _ in range({self.expr(stmt.count)}):"
        self.out.statement(header, span=stmt.span, comment=self._trailing(stmt.span))
        self._body(stmt.body)

    def s_break(self, stmt: n.Break) -> None:
        self.emit("break", stmt)

    def s_continue(self, stmt: n.Continue) -> None:
        self.emit("continue", stmt)

    def s_return(self, stmt: n.Return) -> None:
        self.emit("return", stmt)

    def s_result(self, stmt: n.Result) -> None:
        self.emit(f"return {self.expr(stmt.value)}" if stmt.value is not None else "return", stmt)

    def s_try(self, stmt: n.Try) -> None:
        self.out.statement("try:", span=stmt.span, comment=self._trailing(stmt.span))
        self._body(stmt.body)
        self._error_names.append("error")
        self.out.line("except Exception as error:  # wlinterp: WHEN EXCEPTION IN catches WLanguage errors")
        self._body(stmt.handler)
        self._error_names.pop()
        if stmt.orelse is not None:
            self.out.line("else:")
            self._body(stmt.orelse)

    def s_constantblock(self, stmt: n.ConstantBlock) -> None:
        for constant in stmt.constants:
            symbol = self.a.lookup(constant.name, self.fn)
            self.emit(f"{symbol.py} = {self.expr(constant.value)}", constant)  # type: ignore[union-attr]

    def s_compileif(self, stmt: n.CompileIf) -> None:
        chosen = self.a.compiled_branch(stmt)
        if chosen:
            self._block(chosen)

    def s_scope(self, stmt: n.Scope) -> None:
        if stmt.declaration is not None:
            self.s_declare(stmt.declaration)

    # ------------------------------------------------------------------ expressions

    def _safe_expr(self, expr: Any) -> str:
        return self.expr(expr)

    def expr(self, expr: Any, context: int = 0) -> str:
        method = getattr(self, "e_" + type(expr).__name__.lower(), None)
        if method is None:
            raise Unsupported(f"a {type(expr).__name__} expression")
        code, precedence = method(expr)
        return f"({code})" if precedence < context else code

    def _arg(self, expr: Any) -> IdiomArg:
        said = len(self.notes)
        code, precedence = getattr(self, "e_" + type(expr).__name__.lower())(expr)
        constant: Any = None
        if isinstance(expr, (n.Number, n.String, n.Boolean)):
            constant = expr.value
        entry = self._constant_entry(expr)
        if entry is not None:
            constant = entry.value
            del self.notes[said:]  # a constant's value serves the idiom (ErrorInfo(errMessage)), not the code
        return IdiomArg(code, self._kind(expr), constant, precedence >= 15)

    def _kind(self, expr: Any) -> str | None:
        if isinstance(expr, n.Name):
            symbol = self.a.resolved.get(id(expr)) or self.a.lookup(expr.name, self.fn)
            if symbol is not None and id(symbol) in self._element_types:
                return self._element_types[id(symbol)]
        kind = self.a.static_type(expr, self.fn)
        if kind is not None:
            return kind
        idiom: Idiom | None = None
        if isinstance(expr, n.Member):
            member, _info = self._member(expr)
            idiom = member.idiom if member is not None else None
        elif isinstance(expr, n.Call) and isinstance(expr.callee, n.Member):
            member, _info = self._member(expr.callee)
            idiom = member.idiom if member is not None else None
        elif isinstance(expr, n.Call) and isinstance(expr.callee, n.Name) and id(expr) not in self.a.calls:
            entry = REGISTRY.lookup(expr.callee.name)
            idiom = entry.idiom if entry is not None else None
        return idiom.type if idiom is not None and idiom.type else None

    def _constant_entry(self, expr: Any) -> Builtin | None:
        if isinstance(expr, n.Name) and self.a.lookup(expr.name, self.fn) is None:
            entry = REGISTRY.lookup(expr.name)
            if entry is not None and entry.kind == "constant":
                return entry
        return None

    def _name(self, expr: n.Name) -> str:
        symbol = self.a.resolved.get(id(expr)) or self.a.lookup(expr.name, self.fn)
        if symbol is None:
            raise Unsupported(f"the name {expr.name}")
        return symbol.py

    def e_name(self, expr: n.Name) -> tuple[str, int]:
        symbol = self.a.resolved.get(id(expr)) or self.a.lookup(expr.name, self.fn)
        if symbol is not None:
            return symbol.py, 16
        entry = REGISTRY.lookup(expr.name)
        if entry is not None and entry.kind == "constant" and entry.idiom is None and isinstance(entry.value, (int, str)):
            self.notes.append(f"{entry.value!r} is WinDev's {entry.name}")
            return _literal(entry.value), 16
        if entry is None or entry.idiom is None:
            raise Unsupported(f"the built-in {expr.name}" if entry is not None else f"the undeclared name {expr.name}")
        return self._idiom(entry.idiom, []), 16

    def e_number(self, expr: n.Number) -> tuple[str, int]:
        return _literal(expr.value), 16

    def e_string(self, expr: n.String) -> tuple[str, int]:
        return py_string(expr.value), 16

    def e_boolean(self, expr: n.Boolean) -> tuple[str, int]:
        return ("True" if expr.value else "False"), 16

    def e_null(self, expr: n.Null) -> tuple[str, int]:
        return "None", 16

    def e_interpolated(self, expr: n.Interpolated) -> tuple[str, int]:
        pieces = []
        for part in expr.parts:
            if isinstance(part, str):
                pieces.append(part.replace("{", "{{").replace("}", "}}"))
            else:
                inner = self.expr(part)
                if '"' in inner or "\\" in inner:
                    raise Unsupported("an interpolated expression holding quotes")
                pieces.append("{" + inner + "}")
        return "f" + py_string("".join(pieces)), 16

    def e_arrayliteral(self, expr: n.ArrayLiteral) -> tuple[str, int]:
        return f"[{', '.join(self.expr(item) for item in expr.items)}]", 16

    def e_binary(self, expr: n.Binary) -> tuple[str, int]:
        left_type = self.a.static_type(expr.left, self.fn)
        right_type = self.a.static_type(expr.right, self.fn)
        if expr.op == "+":
            left, right = self.expr(expr.left, 10), self.expr(expr.right, 11)
            if left_type == "string" and right_type not in ("string", None):
                right = f"str({self.expr(expr.right)})"
            elif left_type != right_type and None in (left_type, right_type):
                self.notes.append("WinDev's + joins text when the left side is text, and adds numbers otherwise")
            return f"{left} + {right}", 10
        if expr.op == "-":
            return f"{self.expr(expr.left, 10)} - {self.expr(expr.right, 11)}", 10
        if expr.op == "*":
            return f"{self.expr(expr.left, 11)} * {self.expr(expr.right, 12)}", 11
        if expr.op == "/":
            return f"{self.expr(expr.left, 11)} / {self.expr(expr.right, 12)}", 11
        if expr.op == "%":
            self.notes.append("Python's % takes the sign of the divisor; WinDev's takes the dividend's")
            return f"{self.expr(expr.left, 11)} % {self.expr(expr.right, 12)}", 11
        return f"{self.expr(expr.left, 14)} ** {self.expr(expr.right, 13)}", 13

    def e_logical(self, expr: n.Logical) -> tuple[str, int]:
        word = "and" if expr.op.startswith("AND") else "or"
        precedence = 3 if word == "and" else 2
        if expr.op in ("AND", "OR") and isinstance(expr.right, n.Call):
            self.notes.append(f"Python's {word} stops early; WinDev's {expr.op} evaluates both sides")
        return f"{self.expr(expr.left, precedence)} {word} {self.expr(expr.right, precedence + 1)}", precedence

    def e_not(self, expr: n.Not) -> tuple[str, int]:
        return f"not {self.expr(expr.operand, 4)}", 4

    def e_negate(self, expr: n.Negate) -> tuple[str, int]:
        return (f"-{self.expr(expr.operand, 12)}" if expr.op == "-" else self.expr(expr.operand)), 12

    def e_compare(self, expr: n.Compare) -> tuple[str, int]:
        left, right = self.expr(expr.left, 6), self.expr(expr.right, 6)
        if expr.op in ("=", "<>") and isinstance(expr.right, n.Null):
            return f"{left} {'is' if expr.op == '=' else 'is not'} None", 5
        if expr.op in _COMPARISONS:
            kinds = {self._kind(expr.left), self._kind(expr.right)}
            if len(kinds) > 1 and None in kinds:
                self.notes.append("WinDev compares a number and a numeric string as numbers")
            return f"{left} {_COMPARISONS[expr.op]} {right}", 5
        if expr.op == "[=":
            return f"{self.expr(expr.left, 15)}.startswith({self.expr(expr.right)})", 15
        if expr.op == "=]":
            return f"{self.expr(expr.left, 15)}.endswith({self.expr(expr.right)})", 15
        if expr.op == "[=]":
            return f"{right} in {left}", 5
        if expr.op == "~=":
            return f"{self.expr(expr.left, 15)}.strip().casefold() == {self.expr(expr.right, 15)}.strip().casefold()", 5
        raise Unsupported(f"the comparison {expr.op}")

    def e_interval(self, expr: n.Interval) -> tuple[str, int]:
        return (f"{self.expr(expr.low, 6)} {_COMPARISONS[expr.low_op]} {self.expr(expr.subject, 6)} "
                f"{_COMPARISONS[expr.high_op]} {self.expr(expr.high, 6)}"), 5

    def e_inrange(self, expr: n.InRange) -> tuple[str, int]:
        return f"{self.expr(expr.low, 6)} <= {self.expr(expr.subject, 6)} <= {self.expr(expr.high, 6)}", 5

    def e_inlist(self, expr: n.InList) -> tuple[str, int]:
        items = ", ".join(self.expr(item) for item in expr.items)
        items = f"({items},)" if len(expr.items) == 1 else f"({items})"
        word = "not in" if expr.mode == "NOT_IN" else "in"
        return f"{self.expr(expr.subject, 6)} {word} {items}", 5

    def _index(self, expr: n.Index) -> str:
        kind = self.a.static_type(expr.target, self.fn) or ""
        if kind.startswith("associative array"):
            return self.expr(expr.index)
        if isinstance(expr.index, n.Number) and isinstance(expr.index.value, int):
            return str(expr.index.value - 1)
        return f"{self.expr(expr.index, 10)} - 1"

    def e_index(self, expr: n.Index) -> tuple[str, int]:
        return f"{self.expr(expr.target, 15)}[{self._index(expr)}]", 15

    def e_substring(self, expr: n.Substring) -> tuple[str, int]:
        text = self.expr(expr.target, 15)
        start = self.expr(expr.start, 10) if expr.start is not None else "1"
        if expr.mode == "at":
            return f"{text}[{start} - 1]", 15
        if expr.mode == "range":
            return f"{text}[{start} - 1 : {self.expr(expr.end)}]", 15
        if expr.mode == "from":
            return f"{text}[{start} - 1 :]", 15
        if expr.mode == "upto":
            return f"{text}[: {self.expr(expr.end)}]", 15
        return f"{text}[{start} - 1 : {start} - 1 + {self.expr(expr.end, 10)}]", 15

    def _member(self, expr: n.Member) -> tuple[Member | None, TypeInfo | None]:
        info = self._owner_type(expr.target)
        return (info.member(expr.name) if info is not None else None), info

    def _owner_type(self, target: Any) -> TypeInfo | None:
        if isinstance(target, n.Name) and self.a.lookup(target.name, self.fn) is None:
            entry = REGISTRY.lookup(target.name)
            if entry is not None and entry.idiom is not None and entry.idiom.type:
                return REGISTRY.type_info(entry.idiom.type)
        kind = self._kind(target)
        if kind is None:
            return None
        if kind == "array" or kind.startswith("array of"):
            return REGISTRY.type_info("array")
        if kind.startswith("associative array of"):
            return REGISTRY.type_info("associative array")
        return REGISTRY.type_info(kind)

    def _structure_list(self, expr: Any) -> bool:
        if not isinstance(expr, n.Member):
            return False
        owner = self._owner_type(expr.target)
        return owner is not None and owner.name == "Email structure"

    def e_member(self, expr: n.Member) -> tuple[str, int]:
        member, _info = self._member(expr)
        if member is None or member.idiom is None:
            raise Unsupported(f"the property {expr.name}")
        self.need(*member.idiom.parts)
        owner = self.expr(expr.target, 15)
        form = member.idiom.form
        if isinstance(form, tuple):
            form = form[0]
        if isinstance(form, str) and form.isidentifier():
            return f"{owner}.{form}", 15
        if isinstance(form, str):
            return self.template(form, [], owner), 15
        raise Unsupported(f"the property {expr.name}")

    def e_call(self, expr: n.Call) -> tuple[str, int]:
        callee = expr.callee
        if isinstance(callee, n.Name):
            target = self.a.calls.get(id(expr))
            if target is not None:
                args = ", ".join(self.expr(arg) for arg in expr.args)
                return f"{self._procedure_names[id(target)]}({args})", 15
            entry = REGISTRY.lookup(callee.name)
            if entry is None or entry.idiom is None:
                raise Unsupported(f"the function {entry.name if entry else callee.name}")
            code = self._idiom(entry.idiom, [self._arg(arg) for arg in expr.args])
            return code, 15 if re.fullmatch(r"[\w.\[\]]*\(.*\)|[\w.]+", code) else 4
        if isinstance(callee, n.Member):
            info = self._owner_type(callee.target)
            member = info.member(callee.name) if info is not None else None
            if member is None or member.idiom is None or isinstance(member.idiom.form, tuple):
                raise Unsupported(f"the method {callee.name}")
            self.need(*member.idiom.parts)
            args = [self._arg(arg) for arg in expr.args]
            owner = self.expr(callee.target, 15)
            if callable(member.idiom.form):
                return member.idiom.form(self, args, owner), 15
            return self.template(member.idiom.form, args, owner), 15
        raise Unsupported("calling this expression")

    def _idiom(self, idiom: Idiom, args: list[IdiomArg]) -> str:
        self.need(*idiom.parts)
        if idiom.note:
            self.notes.append(idiom.note)
        if callable(idiom.form):
            return idiom.form(self, args)
        if isinstance(idiom.form, tuple):
            return self.template(idiom.form[0], args)
        return self.template(idiom.form, args)

    def _raises(self, expr: Any) -> bool:
        """A call whose idiom raises MailError when the operation fails."""
        if not isinstance(expr, n.Call):
            return False
        callee = expr.callee
        if isinstance(callee, n.Name) and id(expr) not in self.a.calls:
            entry = REGISTRY.lookup(callee.name)
            return entry is not None and entry.idiom is not None and entry.idiom.raises
        if isinstance(callee, n.Member):
            info = self._owner_type(callee.target)
            member = info.member(callee.name) if info is not None else None
            return member is not None and member.idiom is not None and member.idiom.raises
        return False


def _same_target(left: Any, right: Any) -> bool:
    """The same variable or member, as written (nodes compare without their spans; names without their case)."""
    if isinstance(left, n.Name) and isinstance(right, n.Name):
        return ident_key(left.name) == ident_key(right.name)
    if isinstance(left, n.Member) and isinstance(right, n.Member):
        return ident_key(left.name) == ident_key(right.name) and _same_target(left.target, right.target)
    return False
