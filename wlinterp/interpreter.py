"""Runs a program by walking its AST, statement by statement, with WinDev's semantics.

Every statement goes through ``exec_block``: that is where a trace hook sees each one.
Values follow ``semantics``; built-ins come from the registry; WLanguage exceptions
(``ExceptionThrow`` and fatal errors such as a division by zero) are ``WLRuntimeError``s
that ``WHEN EXCEPTION IN`` catches and that end the run when nothing does.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from . import nodes as n
from . import objects as obj
from . import semantics as sem
from .directives import compile_condition
from .errors import WLRuntimeError
from .registry import REGISTRY
from .runtime import Runtime
from .source import Span, ident_key
from .values import DynamicObject, WLArray, WLAssociativeArray, WLDuration

__all__ = ["Cell", "Interpreter"]

Converter = obj.Converter


class Cell:
    """A variable's storage; by-reference parameters share the caller's cell."""

    __slots__ = ("constant", "convert", "type_name", "value")

    def __init__(self, value: Any, convert: Converter = None, constant: bool = False, type_name: str = ""):
        self.value = value
        self.convert = convert
        self.constant = constant
        self.type_name = type_name


class _ElementRef:
    """An array element passed by reference: reads and writes go to the array."""

    __slots__ = ("constant", "container", "convert", "index", "type_name")

    def __init__(self, container: Any, index: Any):
        self.container = container
        self.index = index
        self.convert = None
        self.constant = False
        self.type_name = ""

    @property
    def value(self) -> Any:
        return self.container.get(self.index)

    @value.setter
    def value(self, new: Any) -> None:
        self.container.set(self.index, new)


class Frame:
    """One procedure call's variables and internal procedures; ``parent`` leads to the globals."""

    __slots__ = ("declare_global", "parameters", "parent", "procedures", "vars")

    def __init__(self, parent: Frame | None = None):
        self.vars: dict[str, Cell] = {}
        self.parent = parent
        self.procedures: dict[str, n.Procedure] = {}
        self.declare_global = False
        self.parameters: WLArray | None = None


class _Break(Exception):
    pass


class _Continue(Exception):
    pass


class _Return(Exception):
    def __init__(self, value: Any = None):
        self.value = value


_ARITHMETIC: dict[str, Callable[[Any, Any], Any]] = {
    "+": sem.add,
    "-": sem.subtract,
    "*": sem.multiply,
    "/": sem.divide,
    "%": sem.modulo,
    "^": sem.power,
}
_COMPOUND = {"+=": sem.add, "-=": sem.subtract, "*=": sem.multiply, "/=": sem.divide}


class Interpreter:
    """Executes one program against one runtime."""

    def __init__(self, program: n.Program, runtime: Runtime, lenient: bool = False):
        self.program = program
        self.rt = runtime
        self.lenient = lenient
        self.globals = Frame()
        self.globals.procedures = {ident_key(p.name): p for p in n.internal_procedures(program.body)}
        self.procedures: dict[str, n.Procedure] = {ident_key(p.name): p for p in program.procedures}
        self.trace_hook: Callable[[n.Node, Frame], None] | None = None
        self._internal_cache: dict[int, dict[str, n.Procedure]] = {}
        self._exec: dict[type, Callable[[Any, Frame], None]] = {
            n.Declare: self.exec_declare,
            n.Let: self.exec_let,
            n.Assign: self.exec_assign,
            n.IncDec: self.exec_incdec,
            n.ExprStmt: self.exec_expr,
            n.If: self.exec_if,
            n.Switch: self.exec_switch,
            n.For: self.exec_for,
            n.ForEach: self.exec_for_each,
            n.ForEachString: self.exec_for_each_string,
            n.While: self.exec_while,
            n.Loop: self.exec_loop,
            n.Break: self.exec_break,
            n.Continue: self.exec_continue,
            n.Return: self.exec_return,
            n.Result: self.exec_result,
            n.Try: self.exec_try,
            n.ConstantBlock: self.exec_constants,
            n.Scope: self.exec_scope,
            n.CompileIf: self.exec_compile_if,
            n.Procedure: self.exec_nothing,
        }
        self._eval: dict[type, Callable[[Any, Frame], Any]] = {
            n.Name: self.eval_name,
            n.Number: self.eval_literal,
            n.String: self.eval_literal,
            n.Boolean: self.eval_literal,
            n.Null: self.eval_null,
            n.Interpolated: self.eval_interpolated,
            n.Duration: self.eval_duration,
            n.ArrayLiteral: self.eval_array_literal,
            n.Binary: self.eval_binary,
            n.Logical: self.eval_logical,
            n.Not: self.eval_not,
            n.Negate: self.eval_negate,
            n.Compare: self.eval_compare,
            n.Interval: self.eval_interval,
            n.InRange: self.eval_in_range,
            n.InList: self.eval_in_list,
            n.OptionalConcat: self.eval_optional_concat,
            n.Call: self.eval_call,
            n.Member: self.eval_member,
            n.Index: self.eval_index,
            n.Substring: self.eval_substring,
            n.DefaultArg: self.eval_default_arg,
        }

    # ------------------------------------------------------------------ running

    def define(self, name: str, value: Any) -> None:
        """A value from ``--define``: a global that the program may not have declared."""
        self.globals.vars[ident_key(name)] = Cell(value)

    def run(self) -> None:
        """Run the top-level code; a RETURN there ends the program normally."""
        try:
            self.exec_block(self.program.body, self.globals)
        except _Return:
            pass
        except (_Break, _Continue):
            pass  # the checker rejects BREAK/CONTINUE outside loops; nothing more to do here

    def exec_block(self, block: n.Block, frame: Frame) -> None:
        execute = self._exec
        hook = self.trace_hook
        for stmt in block:
            if hook is not None:
                hook(stmt, frame)
            try:
                execute[type(stmt)](stmt, frame)
            except WLRuntimeError as error:
                if error.span is None:
                    error.span = stmt.span
                raise

    def eval(self, expr: n.Expr, frame: Frame) -> Any:
        return self._eval[type(expr)](expr, frame)

    # ------------------------------------------------------------------ variables

    def find_cell(self, name: str, frame: Frame) -> Cell | None:
        key = ident_key(name)
        scope: Frame | None = frame
        while scope is not None:
            cell = scope.vars.get(key)
            if cell is not None:
                return cell
            scope = scope.parent
        return None

    def _variant_cell(self, name: str) -> Cell:
        """Lenient mode: an undeclared name is an empty variant, created where it is first met."""
        cell = Cell(None)
        self.globals.vars[ident_key(name)] = cell
        return cell

    def converter(self, type_ref: n.TypeRef | None) -> Converter:
        return obj.converter(type_ref)

    def new_value(self, type_ref: n.TypeRef) -> Any:
        """The value a fresh variable of this type holds."""
        try:
            return obj.new_value(type_ref, self.lenient)
        except WLRuntimeError as error:
            error.span = error.span or type_ref.span
            raise

    def store(self, cell: Any, value: Any) -> None:
        if cell.constant:
            raise WLRuntimeError("a constant cannot be changed")
        convert = cell.convert
        cell.value = convert(value) if convert is not None else value

    # ------------------------------------------------------------------ statements

    def exec_nothing(self, stmt: Any, frame: Frame) -> None:
        return None

    def exec_declare(self, stmt: n.Declare, frame: Frame) -> None:
        target = self.globals if frame.declare_global else frame
        convert = self.converter(stmt.type)
        init = self.eval(stmt.init, frame) if stmt.init is not None else None
        for name in stmt.names:
            cell = Cell(self.new_value(stmt.type), convert, type_name=stmt.type.name)
            if stmt.init is not None:
                if stmt.by_reference:
                    cell.value = init
                else:
                    self.store(cell, init)
            target.vars[ident_key(name)] = cell

    def exec_let(self, stmt: n.Let, frame: Frame) -> None:
        value = self.eval(stmt.value, frame)
        type_name = obj.inferred_type(value)
        convert = self.converter(n.TypeRef(type_name)) if type_name else None
        frame.vars[ident_key(stmt.name)] = Cell(value, convert, type_name=type_name or "")

    def exec_assign(self, stmt: n.Assign, frame: Frame) -> None:
        value = self.eval(stmt.value, frame)
        if stmt.op != "=":
            value = _COMPOUND[stmt.op](self.eval(stmt.target, frame), value)
        self.assign(stmt.target, value, frame)

    def exec_incdec(self, stmt: n.IncDec, frame: Frame) -> None:
        current = self.eval(stmt.target, frame)
        self.assign(stmt.target, sem.add(current, 1) if stmt.op == "++" else sem.subtract(current, 1), frame)

    def exec_expr(self, stmt: n.ExprStmt, frame: Frame) -> None:
        self.eval(stmt.expr, frame)

    def exec_if(self, stmt: n.If, frame: Frame) -> None:
        for condition, body in stmt.branches:
            if self.truth(condition, frame):
                self.exec_block(body, frame)
                return
        if stmt.orelse is not None:
            self.exec_block(stmt.orelse, frame)

    def truth(self, condition: n.Expr, frame: Frame) -> bool:
        value = self.eval(condition, frame)
        if value is True or value is False:
            return value
        try:
            return sem.to_bool(value)
        except WLRuntimeError as error:
            error.span = error.span or condition.span
            raise

    def exec_switch(self, stmt: n.Switch, frame: Frame) -> None:
        subject = self.eval(stmt.subject, frame)
        for case in stmt.cases:
            if any(self._case_matches(subject, value, frame) for value in case.values):
                self.exec_block(case.body, frame)
                return
        if stmt.default is not None:
            self.exec_block(stmt.default, frame)

    def _case_matches(self, subject: Any, case: n.CaseValue, frame: Frame) -> bool:
        value = self.eval(case.value, frame)
        if case.kind == "equal":
            return sem.equals(subject, value)
        if case.kind == "range":
            return sem.compare(">=", subject, value) and sem.compare("<=", subject, self.eval(case.high, frame))  # type: ignore[arg-type]
        return sem.compare(case.op, subject, value)

    def _loop_cell(self, name: str, frame: Frame) -> Cell:
        cell = self.find_cell(name, frame)
        if cell is None:
            cell = frame.vars[ident_key(name)] = Cell(None)
        return cell

    def exec_for(self, stmt: n.For, frame: Frame) -> None:
        cell = self._loop_cell(stmt.var, frame)
        self.store(cell, self.eval(stmt.start, frame))
        step = sem.to_number(self.eval(stmt.step, frame)) if stmt.step is not None else 1
        if step == 0:
            raise WLRuntimeError("a FOR loop cannot have a STEP of 0", stmt.step.span if stmt.step else stmt.span)
        bound = sem.to_number(self.eval(stmt.stop, frame)) if stmt.once else None
        body = stmt.body
        while True:
            limit = bound if stmt.once else sem.to_number(self.eval(stmt.stop, frame))
            current = sem.to_number(cell.value)
            if (step > 0 and current > limit) or (step < 0 and current < limit):  # type: ignore[operator]
                return
            try:
                self.exec_block(body, frame)
            except _Break:
                return
            except _Continue:
                pass
            self.store(cell, sem.add(sem.to_number(cell.value), step))

    def exec_for_each(self, stmt: n.ForEach, frame: Frame) -> None:
        collection = self.eval(stmt.iterable, frame)
        cells = [self._loop_cell(name, frame) for name in stmt.names]
        try:
            rows = obj.rows(collection, self.lenient)
        except WLRuntimeError as error:
            error.span = error.span or stmt.iterable.span
            raise
        self._iterate(rows, cells, stmt.body, frame)

    def _iterate(self, rows: list[tuple[Any, ...]], cells: list[Cell], body: n.Block, frame: Frame) -> None:
        for row in rows:
            for cell, value in zip(cells, row):
                cell.value = value
            try:
                self.exec_block(body, frame)
            except _Break:
                return
            except _Continue:
                continue

    def exec_for_each_string(self, stmt: n.ForEachString, frame: Frame) -> None:
        pieces = obj.string_pieces(self.eval(stmt.source, frame), self.eval(stmt.separator, frame))
        self._iterate([(piece,) for piece in pieces], [self._loop_cell(stmt.var, frame)], stmt.body, frame)

    def exec_while(self, stmt: n.While, frame: Frame) -> None:
        while self.truth(stmt.condition, frame):
            try:
                self.exec_block(stmt.body, frame)
            except _Break:
                return
            except _Continue:
                continue

    def exec_loop(self, stmt: n.Loop, frame: Frame) -> None:
        remaining = sem.to_number(self.eval(stmt.count, frame)) if stmt.count is not None else None
        while remaining is None or remaining > 0:
            if remaining is not None:
                remaining -= 1
            try:
                self.exec_block(stmt.body, frame)
            except _Break:
                return
            except _Continue:
                continue

    def exec_break(self, stmt: n.Break, frame: Frame) -> None:
        raise _Break

    def exec_continue(self, stmt: n.Continue, frame: Frame) -> None:
        raise _Continue

    def exec_return(self, stmt: n.Return, frame: Frame) -> None:
        raise _Return(None)

    def exec_result(self, stmt: n.Result, frame: Frame) -> None:
        raise _Return(self.eval(stmt.value, frame) if stmt.value is not None else None)

    def exec_try(self, stmt: n.Try, frame: Frame) -> None:
        try:
            self.exec_block(stmt.body, frame)
        except RecursionError:
            self._handle(WLRuntimeError("stack overflow: too many nested procedure calls", stmt.span), stmt, frame)
        except WLRuntimeError as error:
            self._handle(error, stmt, frame)
        else:
            if stmt.orelse is not None:
                self.exec_block(stmt.orelse, frame)

    def _handle(self, error: WLRuntimeError, stmt: n.Try, frame: Frame) -> None:
        self.rt.current_exception = error
        self.exec_block(stmt.handler, frame)

    def exec_constants(self, stmt: n.ConstantBlock, frame: Frame) -> None:
        for constant in stmt.constants:
            frame.vars[ident_key(constant.name)] = Cell(self.eval(constant.value, frame), constant=True)

    def exec_scope(self, stmt: n.Scope, frame: Frame) -> None:
        frame.declare_global = stmt.kind == "GLOBAL"
        if stmt.declaration is not None:
            self.exec_declare(stmt.declaration, frame)

    def exec_compile_if(self, stmt: n.CompileIf, frame: Frame) -> None:
        if compile_condition(stmt.condition, self.rt.options):
            self.exec_block(stmt.body, frame)
        elif stmt.orelse is not None:
            self.exec_block(stmt.orelse, frame)

    # ------------------------------------------------------------------ assignment targets

    def assign(self, target: n.Expr, value: Any, frame: Frame) -> None:
        if isinstance(target, n.Name):
            cell = self.find_cell(target.name, frame)
            if cell is None:
                if not self.lenient:
                    raise WLRuntimeError(f"unknown variable '{target.name}'", target.span, diagnostic_code="undeclared")
                cell = self._variant_cell(target.name)
            self.store(cell, value)
        elif isinstance(target, n.Member):
            self.set_member(target, value, frame)
        elif isinstance(target, n.Index):
            container = self.eval(target.target, frame)
            index = self.eval(target.index, frame)
            try:
                obj.set_index(container, index, value)
            except WLRuntimeError as error:
                error.span = error.span or target.span
                raise
        elif isinstance(target, n.Substring):
            text = sem.to_string(self.eval(target.target, frame))
            start, end = self._substring_args(target, frame)
            self.assign(target.target, obj.replace_substring(text, target.mode, start, end, value), frame)
        else:
            raise WLRuntimeError("this expression cannot be assigned to", target.span)

    def set_member(self, target: n.Member, value: Any, frame: Frame) -> None:
        owner = self.eval(target.target, frame)
        if owner is None:
            # a variant that was never given a value becomes a dynamic object
            owner = DynamicObject()
            self.assign(target.target, owner, frame)
        try:
            obj.set_member(owner, target.name, value)
        except WLRuntimeError as error:
            error.span = error.span or target.span
            raise

    # ------------------------------------------------------------------ expressions

    def eval_literal(self, expr: Any, frame: Frame) -> Any:
        return expr.value

    def eval_null(self, expr: n.Null, frame: Frame) -> None:
        return None

    def eval_duration(self, expr: n.Duration, frame: Frame) -> WLDuration:
        return WLDuration(expr.milliseconds)

    def eval_default_arg(self, expr: n.DefaultArg, frame: Frame) -> Any:
        raise WLRuntimeError("'*' keeps a parameter's default value and is only allowed as an argument of a procedure", expr.span)

    def eval_name(self, expr: n.Name, frame: Frame) -> Any:
        key = ident_key(expr.name)
        scope: Frame | None = frame
        while scope is not None:
            cell = scope.vars.get(key)
            if cell is not None:
                return cell.value
            scope = scope.parent
        entry = REGISTRY.lookup(expr.name)
        if entry is not None:
            if entry.kind == "constant":
                return entry.value
            if entry.kind == "variable":
                return entry.impl(self.rt)  # type: ignore[misc]
        if self.lenient:
            return self._variant_cell(expr.name).value
        raise WLRuntimeError(f"unknown variable '{expr.name}'", expr.span, diagnostic_code="undeclared")

    def eval_interpolated(self, expr: n.Interpolated, frame: Frame) -> str:
        return "".join(part if isinstance(part, str) else sem.to_string(self.eval(part, frame)) for part in expr.parts)

    def eval_array_literal(self, expr: n.ArrayLiteral, frame: Frame) -> WLArray:
        return WLArray([self.eval(item, frame) for item in expr.items])

    def eval_binary(self, expr: n.Binary, frame: Frame) -> Any:
        left = self.eval(expr.left, frame)
        right = self.eval(expr.right, frame)
        try:
            return _ARITHMETIC[expr.op](left, right)
        except WLRuntimeError as error:
            error.span = error.span or expr.span
            raise

    def eval_logical(self, expr: n.Logical, frame: Frame) -> bool:
        op = expr.op
        if op == "AND_SC":
            return self.truth(expr.left, frame) and self.truth(expr.right, frame)
        if op == "OR_SC":
            return self.truth(expr.left, frame) or self.truth(expr.right, frame)
        left = self.truth(expr.left, frame)
        right = self.truth(expr.right, frame)  # AND and OR evaluate both sides (D-LOGIC)
        return (left and right) if op == "AND" else (left or right)

    def eval_not(self, expr: n.Not, frame: Frame) -> bool:
        return not self.truth(expr.operand, frame)

    def eval_negate(self, expr: n.Negate, frame: Frame) -> Any:
        value = self.eval(expr.operand, frame)
        try:
            return sem.negate(value) if expr.op == "-" else sem.to_number(value)
        except WLRuntimeError as error:
            error.span = error.span or expr.span
            raise

    def eval_compare(self, expr: n.Compare, frame: Frame) -> bool:
        left = self.eval(expr.left, frame)
        right = self.eval(expr.right, frame)
        try:
            return sem.compare(expr.op, left, right)
        except WLRuntimeError as error:
            error.span = error.span or expr.span
            raise

    def eval_interval(self, expr: n.Interval, frame: Frame) -> bool:
        subject = self.eval(expr.subject, frame)
        low = self.eval(expr.low, frame)
        high = self.eval(expr.high, frame)
        return sem.compare(expr.low_op, low, subject) and sem.compare(expr.high_op, subject, high)

    def eval_in_range(self, expr: n.InRange, frame: Frame) -> bool:
        subject = self.eval(expr.subject, frame)
        return sem.compare(">=", subject, self.eval(expr.low, frame)) and sem.compare(
            "<=", subject, self.eval(expr.high, frame)
        )

    def eval_in_list(self, expr: n.InList, frame: Frame) -> bool:
        subject = self.eval(expr.subject, frame)
        if expr.mode == "IN_SC":
            return any(sem.equals(subject, self.eval(item, frame)) for item in expr.items)
        values = [self.eval(item, frame) for item in expr.items]
        found = any(sem.equals(subject, value) for value in values)
        return not found if expr.mode == "NOT_IN" else found

    def eval_optional_concat(self, expr: n.OptionalConcat, frame: Frame) -> str:
        left = self.eval(expr.left, frame)
        separator = self.eval(expr.separator, frame)
        right = self.eval(expr.right, frame) if expr.right is not None else None
        return sem.optional_concat(left, separator, right)

    def eval_index(self, expr: n.Index, frame: Frame) -> Any:
        container = self.eval(expr.target, frame)
        index = self.eval(expr.index, frame)
        try:
            return obj.get_index(container, index, self.lenient)
        except WLRuntimeError as error:
            error.span = error.span or expr.span
            raise

    def _substring_args(self, expr: n.Substring, frame: Frame) -> tuple[Any, Any]:
        start = self.eval(expr.start, frame) if expr.start is not None else None
        end = self.eval(expr.end, frame) if expr.end is not None and expr.mode != "at" else None
        return start, end

    def eval_substring(self, expr: n.Substring, frame: Frame) -> Any:
        container = self.eval(expr.target, frame)
        start, end = self._substring_args(expr, frame)
        return obj.substring(container, expr.mode, start, end)

    def eval_member(self, expr: n.Member, frame: Frame) -> Any:
        owner = self.eval(expr.target, frame)
        try:
            return obj.get_member(owner, expr.name, self.lenient)
        except WLRuntimeError as error:
            error.span = error.span or expr.span
            raise

    # ------------------------------------------------------------------ calls

    def eval_call(self, expr: n.Call, frame: Frame) -> Any:
        callee = expr.callee
        try:
            if isinstance(callee, n.Name):
                procedure = self.find_procedure(callee.name, frame)
                if procedure is not None:
                    return self.call_procedure(procedure, expr.args, frame, expr.span)
                entry = REGISTRY.lookup(callee.name)
                if entry is not None:
                    return obj.call_builtin(self.rt, entry, [self.eval(a, frame) for a in expr.args])
                if self.lenient:
                    for arg in expr.args:
                        self.eval(arg, frame)
                    return None
                raise WLRuntimeError(f"unknown procedure '{callee.name}'", callee.span, diagnostic_code="unknown-function")
            if isinstance(callee, n.Member):
                return self.call_method(callee, expr, frame)
            raise WLRuntimeError("only procedures, functions and methods can be called", expr.span)
        except WLRuntimeError as error:
            error.span = error.span or expr.span
            raise

    def call_method(self, callee: n.Member, expr: n.Call, frame: Frame) -> Any:
        owner = self.eval(callee.target, frame)
        args = [self.eval(a, frame) for a in expr.args]
        try:
            return obj.call_method(self.rt, owner, callee.name, args, self.lenient)
        except obj.NoMethod as error:
            error.span = error.span or callee.span
            raise

    def find_procedure(self, name: str, frame: Frame) -> n.Procedure | None:
        key = ident_key(name)
        scope: Frame | None = frame
        while scope is not None:
            procedure = scope.procedures.get(key)
            if procedure is not None:
                return procedure
            scope = scope.parent
        return self.procedures.get(key)

    def call_procedure(self, procedure: n.Procedure, arg_nodes: tuple[n.Expr, ...], frame: Frame, span: Span | None) -> Any:
        callee_frame = Frame(frame if procedure.internal else self.globals)
        callee_frame.procedures = self._internal_procedures(procedure)
        params = procedure.params
        extra: list[Any] = []
        for position, param in enumerate(params):
            if param.variadic:
                extra = [self.eval(a, frame) for a in arg_nodes[position:]]
                break
            node = arg_nodes[position] if position < len(arg_nodes) else None
            callee_frame.vars[ident_key(param.name)] = self._bind(param, node, frame, callee_frame)
        received = [self.eval(a, frame) for a in arg_nodes] if extra else None
        if received is not None:
            callee_frame.parameters = WLArray(received)
        try:
            self.exec_block(procedure.body, callee_frame)
        except _Return as result:
            return result.value
        except (_Break, _Continue):
            return None
        except RecursionError:
            raise WLRuntimeError(
                f"stack overflow: '{procedure.name}' was called too many times without returning", span
            ) from None
        return None

    def _bind(self, param: n.Param, node: n.Expr | None, caller: Frame, callee: Frame) -> Any:
        convert = self.converter(param.type)
        type_name = param.type.name if param.type is not None else ""
        if node is None or isinstance(node, n.DefaultArg):
            if param.default is None:
                raise WLRuntimeError(f"parameter '{param.name}' has no value and no default", node.span if node else None)
            cell = Cell(None, convert, type_name=type_name)
            self.store(cell, self.eval(param.default, callee))
            return cell
        if not param.local:
            shared = self._reference(node, caller)
            if shared is not None and (param.type is None or shared.type_name == type_name):
                return shared  # by reference: the procedure writes to the caller's variable
        cell = Cell(None, convert, type_name=type_name)
        value = self.eval(node, caller)
        self.store(cell, obj.copied(value) if param.local else value)
        return cell

    def _reference(self, node: n.Expr, frame: Frame) -> Any:
        if isinstance(node, n.Name):
            return self.find_cell(node.name, frame)
        if isinstance(node, n.Index):
            container = self.eval(node.target, frame)
            if isinstance(container, (WLArray, WLAssociativeArray)):
                return _ElementRef(container, self.eval(node.index, frame))
        return None

    def _internal_procedures(self, procedure: n.Procedure) -> dict[str, n.Procedure]:
        found = self._internal_cache.get(id(procedure))
        if found is None:
            found = {ident_key(p.name): p for p in n.internal_procedures(procedure.body)}
            self._internal_cache[id(procedure)] = found
        return found
