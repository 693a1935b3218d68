"""Runs a program with WinDev's semantics by turning each statement and expression of its AST into a Python closure once, then calling them.

Every statement goes through a block runner: that is where a trace hook sees each one (a loop,
an IF or a call that runs a short block itself does what the runner would). Values follow
``semantics``; typed storage, members and calls go through ``objects``, as in transpiled
programs. A statement returns a control code (go on, BREAK, CONTINUE, RETURN) instead of
raising, and two integers add, compare or count a FOR loop without a detour through
``semantics``, whose rules give the same result for them.

Time goes into Python calls, so common shapes get closures of their own, chosen when the
node is compiled: a variable operand read from its frame's cell without a call, an integer
constant operand, ``t[i]`` and ``t[j + 1]``, a call of a procedure or built-in known in
advance (arguments bound by closures made once, frame and cells filled in place). Each
falls back to the general closure for anything it was not made for. WLanguage exceptions
(``ExceptionThrow`` and fatal errors such as a division by zero) are ``WLRuntimeError``s that
``WHEN EXCEPTION IN`` catches and that end the run when nothing does.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from typing import Any

from . import nodes as n
from . import objects as obj
from . import semantics as sem
from .directives import compile_condition
from .errors import WLRuntimeError
from .registry import REGISTRY, Builtin
from .runtime import Runtime
from .source import Span, ident_key
from .values import DynamicObject, WLArray, WLAssociativeArray, WLDuration

__all__ = ["Cell", "Interpreter"]

Converter = obj.Converter
Eval = Callable[["Frame"], Any]
Exec = Callable[["Frame"], int]

# what a statement tells the block around it
GO, BREAK, CONTINUE, RETURN = 0, 1, 2, 3

# a stored value of this Python type needs no conversion for a variable of this WLanguage type
_PLAIN = {"int": int, "string": str, "boolean": bool}


class Cell:
    """A variable's storage; by-reference parameters share the caller's cell.

    Only the value lives in the instance: how the variable converts what it stores is a class
    attribute of a subclass made once per kind of variable (``cell_class``), because building a
    cell is the commonest thing a procedure call does and one slot is the cheapest to fill.
    A bare ``Cell()`` is an untyped variant.
    """

    __slots__ = ("value",)
    convert: Converter = None
    constant = False
    type_name = ""
    plain: type | None = object  # a value of exactly this type is stored as it is; object: no value is

    def store(self, value: Any) -> None:
        if self.constant:
            raise WLRuntimeError("a constant cannot be changed")
        if type(value) is self.plain or self.convert is None:
            self.value = value
        else:
            self.value = self.convert(value)


_CELL_CLASSES: dict[tuple[Converter, str, bool], type[Cell]] = {}


def cell_class(convert: Converter = None, type_name: str = "", constant: bool = False) -> type[Cell]:
    """The Cell subclass for variables of one kind, made the first time that kind is met."""
    key = (convert, type_name, constant)
    found = _CELL_CLASSES.get(key)
    if found is None:
        attributes = {
            "__slots__": (),
            "convert": staticmethod(convert) if convert is not None else None,  # a function, not a method
            "constant": constant,
            "type_name": type_name,
            "plain": _PLAIN.get(type_name) if convert is not None else object,
        }
        found = _CELL_CLASSES[key] = type("Cell", (Cell,), attributes)
    return found


def new_cell(value: Any, convert: Converter = None, constant: bool = False, type_name: str = "") -> Cell:
    """A cell holding ``value`` as it is (no conversion: callers convert first when they must)."""
    cell = cell_class(convert, type_name, constant)()
    cell.value = value
    return cell


def _variant(value: Any) -> Cell:
    cell = Cell()
    cell.value = value
    return cell


class _ElementRef:
    """An array element passed by reference: reads and writes go to the array."""

    __slots__ = ("container", "index")
    convert: Converter = None  # as for an untyped Cell: the array converts what it stores
    constant = False
    type_name = ""
    plain: type = object  # as for a Cell: no value is of this exact type, so every store goes through store()

    def __init__(self, container: Any, index: Any):
        self.container = container
        self.index = index

    @property
    def value(self) -> Any:
        return self.container.get(self.index)

    @value.setter
    def value(self, new: Any) -> None:
        self.container.set(self.index, new)

    def store(self, value: Any) -> None:
        self.container.set(self.index, value)


class _Argument:
    """One argument of a call: its value, and where it lives when it may be passed by reference."""

    __slots__ = ("container", "default", "index", "key", "node", "value")

    def __init__(self, node: n.Expr, value: Eval):
        self.node = node
        self.value = value
        self.default = False  # ``*``: the parameter keeps its default
        self.key: str | None = None
        self.container: Eval | None = None
        self.index: Eval | None = None


class _Binding:
    """How one parameter of a procedure receives its argument, worked out once."""

    __slots__ = ("convert", "default", "key", "kind", "local", "param", "type_name", "untyped")

    def __init__(self, param: n.Param):
        self.param = param
        self.key = ident_key(param.name)
        self.convert = obj.converter(param.type)
        self.type_name = param.type.name if param.type is not None else ""
        self.kind = cell_class(self.convert, self.type_name)
        self.untyped = param.type is None
        self.local = param.local
        self.default: Eval | None = None  # compiled with the body, at the first call


class _Plan:
    """A procedure ready to call: its compiled body, its internal procedures and its parameters.

    The body (and the parameters' defaults) are compiled at the first call (``Interpreter._ready``),
    so that a call site can hold the plan of a procedure whose body is still being compiled.
    """

    __slots__ = ("body", "final", "internal", "lead", "params", "procedure", "steps", "variadic")

    def __init__(self, interpreter: Interpreter, procedure: n.Procedure):
        self.procedure = procedure
        self.internal = interpreter._internal_procedures(procedure)
        self.params = [_Binding(p) for p in procedure.params if not p.variadic]
        self.variadic = any(p.variadic for p in procedure.params)
        self.body: Exec | None = None
        self.steps: list[tuple[Exec, n.Node]] | None = None  # the body's statements, for a call that runs them itself
        # the same without a last RESULT expr, and that expression's closure with its statement: a direct call
        # evaluates it itself rather than through the statement's closure and the frame
        self.lead: list[tuple[Exec, n.Node]] | None = None
        self.final: tuple[Eval, n.Result] | None = None


class Frame:
    """One procedure call's variables and internal procedures; ``parent`` leads to the globals.

    No ``__init__``: a call fills the slots itself (``new_frame``), which costs a third of a
    Python-level constructor, and a procedure call makes one frame. A direct call leaves
    ``parameters`` unset: only a call with a variadic list gives it a value, and nothing reads it.
    """

    __slots__ = ("declare_global", "parameters", "parent", "procedures", "result", "vars")

    vars: dict[str, Any]
    parent: Frame | None
    procedures: dict[str, n.Procedure]
    declare_global: bool
    parameters: WLArray | None
    result: Any


def new_frame(parent: Frame | None = None, procedures: dict[str, n.Procedure] | None = None) -> Frame:
    frame = Frame()
    frame.vars = {}
    frame.parent = parent
    frame.procedures = procedures if procedures is not None else {}
    frame.declare_global = False
    frame.parameters = None
    frame.result = None
    return frame


_NO_VALUE = object()  # no value computed in advance

# expressions whose value is always True or False
_BOOLEAN_NODES = (n.Compare, n.Logical, n.Not)


def _internal_keys(program: n.Program) -> set[str]:
    """The names of every internal procedure of the program, at any depth."""
    keys: set[str] = set()
    pending = [program.body, *(procedure.body for procedure in program.procedures)]
    while pending:
        for procedure in n.internal_procedures(pending.pop()):
            keys.add(ident_key(procedure.name))
            pending.append(procedure.body)
    return keys


def _loop_keys(block: n.Block) -> set[str]:
    """The variables the loops of this code set (its own loops, not those of the procedures in it)."""
    keys: set[str] = set()
    for stmt in block:
        if isinstance(stmt, n.Procedure):
            continue
        if isinstance(stmt, (n.For, n.ForEachString)):
            keys.add(ident_key(stmt.var))
        elif isinstance(stmt, n.ForEach):
            keys.update(ident_key(name) for name in stmt.names)
        for inner in n.blocks_of(stmt):
            keys |= _loop_keys(inner)
    return keys


def _find(frame: Frame | None, key: str) -> Any:
    while frame is not None:
        cell = frame.vars.get(key)
        if cell is not None:
            return cell
        frame = frame.parent
    return None


# a parameter's key, the closure reading its argument, and the class of the cell to make for a copy (None: the closure gives the cell)
_Binder = tuple[str, Callable[["Frame"], Any], "type[Cell] | None"]


def _cell_maker(read: Callable[[Frame], Any], kind: type[Cell] | None) -> Callable[[Frame], Any]:
    """The cell of one argument, for a call of three parameters or more (see Interpreter._binder)."""
    if kind is None:
        return read
    convert, plain = kind.convert, kind.plain

    def copy(frame: Frame) -> Any:
        value = read(frame)
        cell = kind()
        cell.value = value if type(value) is plain or convert is None else convert(value)
        return cell

    return copy


def _no_binder(frame: Frame) -> Any:
    raise AssertionError("a procedure call bound a parameter it does not have")


def _with_span(error: WLRuntimeError, span: Span | None) -> WLRuntimeError:
    if error.span is None:
        error.span = span
    return error


def _arithmetic(operation: Callable[[Any, Any], Any], left: Any, right: Any, span: Span | None) -> Any:
    try:
        return operation(left, right)
    except WLRuntimeError as error:
        raise _with_span(error, span) from None


_ARITHMETIC: dict[str, Callable[[Any, Any], Any]] = {
    "+": sem.add,
    "-": sem.subtract,
    "*": sem.multiply,
    "/": sem.divide,
    "%": sem.modulo,
    "^": sem.power,
}
_COMPOUND = {"+=": sem.add, "-=": sem.subtract, "*=": sem.multiply, "/=": sem.divide}

# two integers add, subtract and multiply as in Python: semantics gives the same result
_INT_ARITHMETIC: dict[str, Callable[[int, int], Any]] = {"+": operator.add, "-": operator.sub, "*": operator.mul}

# two integers, or two strings, compare as Python compares them: semantics agrees
_SAME_TYPE_COMPARE: dict[str, Callable[[Any, Any], bool]] = {
    "=": operator.eq,
    "<>": operator.ne,
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
}


def _int_by_constant(op: str, constant: Any) -> Callable[[int, int], Any] | None:
    """What ``integer op constant`` is in Python when semantics gives the same; None when it does not."""
    if type(constant) is not int:
        return None
    if op == "/":
        return sem.int_divide if constant != 0 else None
    if op == "%":
        return sem.int_modulo if constant > 0 else None
    return _INT_ARITHMETIC.get(op)


def _literal(expr: n.Expr) -> Any:
    """The value of a number, string or boolean written in the program; _NO_VALUE for any other expression."""
    return expr.value if isinstance(expr, (n.Number, n.String, n.Boolean)) else _NO_VALUE


def _name_key(expr: n.Expr) -> str | None:
    return ident_key(expr.name) if isinstance(expr, n.Name) else None


def _position(expr: n.Expr) -> tuple[str | None, int]:
    """An index that is a variable, or a variable plus or minus an integer (``t[i]``, ``t[j + 1]``): its key and
    the integer, for a closure that computes it from an integer variable without a call; (None, 0) for any other."""
    if isinstance(expr, n.Binary) and expr.op in ("+", "-") and isinstance(expr.left, n.Name):
        constant = _literal(expr.right)
        if type(constant) is int:
            return ident_key(expr.left.name), constant if expr.op == "+" else -constant
    return _name_key(expr), 0


def _operand_constant(
    fast: Callable[[Any, Any], Any],
    kind: type,
    left_of: Eval,
    key: str | None,
    constant: Any,
    slow: Callable[[Any, Any], Any],
) -> Eval:
    """``x op constant``: ``fast`` when x is of type ``kind``, ``slow`` (semantics) otherwise.

    When x is a variable its cell is looked for in the frame itself first, without the call to
    its closure (which still answers when it lives further up, or is not a variable).
    """
    if key is not None:

        def variable_op_constant(frame: Frame) -> Any:
            cell = frame.vars.get(key)
            left = cell.value if cell is not None else left_of(frame)
            if type(left) is kind:
                return fast(left, constant)
            return slow(left, constant)

        return variable_op_constant

    def op_constant(frame: Frame) -> Any:
        left = left_of(frame)
        if type(left) is kind:
            return fast(left, constant)
        return slow(left, constant)

    return op_constant


# t[i] or t[j + 1] read in a closure of its own: the array's key, the index variable's key, the integer added
# to it, and the closure of the whole expression, which answers whenever the element is not read in place
_Element = tuple[str, str, int, Eval]


def _element_shape(expr: n.Expr, read: Eval) -> _Element | None:
    """``t[i]``, ``t[j + 1]`` (an array variable, an index variable plus or minus an integer); None for any other expression."""
    if not isinstance(expr, n.Index):
        return None
    container_key = _name_key(expr.target)
    index_key, offset = _position(expr.index)
    if container_key is None or index_key is None:
        return None
    return container_key, index_key, offset, read


def _compare_element(
    element: _Element,
    fast: Callable[[Any, Any], bool],
    slow: Callable[[Any, Any], bool],
    right_of: Eval,
    right_key: str | None,
    constant: Any,
) -> Eval:
    """``t[j] > x``, ``t[m] = 5``: the element read as e_index reads it in the commonest case, without calling it.

    The element is read in place only when both variables are the frame's own and the array is a
    WLArray with the index in range (WLArray.get's first case); otherwise the closure of ``t[j]``
    reads it, once (nothing has been evaluated yet: reading two cells has no effect). The right
    side is a variable (read as _operand_constant reads one) or a constant.
    """
    container_key, index_key, offset, element_of = element
    kind = type(constant) if constant is not _NO_VALUE else None

    def compare_element(frame: Frame) -> bool:
        variables = frame.vars
        cell = variables.get(container_key)
        where = variables.get(index_key)
        left = _NO_VALUE
        if cell is not None and where is not None:
            container, position = cell.value, where.value
            if type(container) is WLArray and type(position) is int:
                position += offset
                if position > 0:
                    try:
                        left = container.items[position - 1]
                    except IndexError:  # past the end: WLArray.get explains
                        pass
        if left is _NO_VALUE:
            left = element_of(frame)
        if kind is None:
            cell = variables.get(right_key)
            right = cell.value if cell is not None else right_of(frame)
            same = type(left)
            if same is type(right) and (same is int or same is str):
                return fast(left, right)
            return slow(left, right)
        if type(left) is kind:
            return fast(left, constant)
        return slow(left, constant)

    return compare_element


def _move_element(container_key: str, index_key: str, source_offset: int, offset: int, general: Exec) -> Exec:
    """``t[j + 1] = t[j]``: one element of an array copied to another, both cells read once.

    When both variables are the frame's own, the array a WLArray, the index an integer and both
    positions in range, the element moves in place (WLArray.get's and WLArray.set's first cases);
    anything else goes to the general closure (nothing has been evaluated: reading two cells has no effect).
    """

    def move_element(frame: Frame) -> int:
        variables = frame.vars
        cell = variables.get(container_key)
        where = variables.get(index_key)
        if cell is not None and where is not None:
            container, position = cell.value, where.value
            if type(container) is WLArray and type(position) is int:
                items = container.items
                source, target = position + source_offset, position + offset
                if 0 < source <= len(items) and 0 < target <= len(items):
                    value = items[source - 1]
                    convert = container.convert
                    items[target - 1] = value if convert is None or type(value) is container.plain else convert(value)
                    return GO
        return general(frame)

    return move_element


def _ordering(op: str, constant: Any) -> tuple[bool, int] | None:
    """``x < 3``, ``x >= 1`` for an integer x as one Python comparison written out, without a call to the operator:
    (below, bound) for ``x < bound`` when below, else ``x > bound``; None for = and <> or a constant not an integer.

    ``x <= c`` is ``x < c + 1`` and ``x >= c`` is ``x > c - 1`` for integers."""
    if type(constant) is not int:
        return None
    return {"<": (True, constant), "<=": (True, constant + 1), ">": (False, constant), ">=": (False, constant - 1)}.get(
        op
    )


def _variable_ordered(
    key: str, below: bool, bound: int, left_of: Eval, slow: Callable[[Any, Any], bool], constant: int
) -> Eval:
    """``x < 3``, ``j >= 1`` on a variable: _operand_constant with the comparison written out (see _ordering)."""

    def variable_ordered(frame: Frame) -> bool:
        cell = frame.vars.get(key)
        left = cell.value if cell is not None else left_of(frame)
        if type(left) is int:
            return left < bound if below else left > bound
        return slow(left, constant)

    return variable_ordered


def _variable_plus_integer(
    key: str, addend: int, left_of: Eval, slow: Callable[[Any, Any], Any], constant: int
) -> Eval:
    """``i + 1``, ``n - 2`` on a variable: _operand_constant with the addition written out (``n - 2`` adds -2)."""

    def variable_plus_integer(frame: Frame) -> Any:
        cell = frame.vars.get(key)
        left = cell.value if cell is not None else left_of(frame)
        if type(left) is int:
            return left + addend
        return slow(left, constant)

    return variable_plus_integer


def _variable_against_integer(condition: n.Expr) -> tuple[str, Callable[[int, int], bool], int] | None:
    """``n < 2``: the variable's key, the comparison and the integer, when two integers compare as in Python; else None."""
    if not isinstance(condition, n.Compare) or not isinstance(condition.left, n.Name):
        return None
    constant, fast = _literal(condition.right), _SAME_TYPE_COMPARE.get(condition.op)
    if type(constant) is not int or fast is None:
        return None
    return ident_key(condition.left.name), fast, constant


class Interpreter:
    """Executes one program against one runtime."""

    def __init__(self, program: n.Program, runtime: Runtime, lenient: bool = False):
        self.program = program
        self.rt = runtime
        self.lenient = lenient
        self.globals = new_frame(procedures={ident_key(p.name): p for p in n.internal_procedures(program.body)})
        self.procedures: dict[str, n.Procedure] = {ident_key(p.name): p for p in program.procedures}
        self.trace_hook: Callable[[n.Node, Frame], None] | None = None
        self._internal_cache: dict[int, dict[str, n.Procedure]] = {}
        self._blocks: dict[int, Exec] = {}
        self._block_steps: dict[int, list[tuple[Exec, n.Node]]] = {}
        self._plans: dict[int, _Plan] = {}
        self._keep: list[Any] = []  # the blocks compiled, so that their ids stay theirs
        self._main_loop_keys = _loop_keys(program.body)
        self._internal_keys = _internal_keys(program)

    # ------------------------------------------------------------------ running

    def define(self, name: str, value: Any) -> None:
        """A value from ``--define``: a global that the program may not have declared."""
        self.globals.vars[ident_key(name)] = _variant(value)

    def run(self) -> None:
        """Run the top-level code; a RETURN there ends the program normally."""
        self.block(self.program.body)(self.globals)

    def exec_block(self, block: n.Block, frame: Frame) -> int:
        return self.block(block)(frame)

    def block(self, block: n.Block) -> Exec:
        """The closure running a block's statements in order; it stops at the first BREAK, CONTINUE or RETURN."""
        found = self._blocks.get(id(block))
        if found is not None:
            return found
        steps = [(self.statement(stmt), stmt) for stmt in block if not isinstance(stmt, n.Procedure)]
        self._block_steps[id(block)] = steps
        if len(steps) == 1:
            run = self._single_step(*steps[0])
        elif len(steps) == 2:
            run = self._two_steps(steps)
        else:
            run = self._steps(steps)
        self._blocks[id(block)] = run
        self._keep.append(block)
        return run

    def _steps(self, steps: list[tuple[Exec, n.Node]]) -> Exec:
        interpreter = self

        def run(frame: Frame) -> int:
            hook = interpreter.trace_hook
            for step, stmt in steps:
                if hook is not None:
                    hook(stmt, frame)
                try:
                    code = step(frame)
                except WLRuntimeError as error:
                    if error.span is None:
                        error.span = stmt.span
                    raise
                if code:
                    return code
            return GO

        return run

    def _only_step(self, block: n.Block) -> tuple[Exec, n.Node] | None:
        """The statement of a block of one, for a loop that runs it without the block's closure; else None."""
        self.block(block)
        steps = self._block_steps[id(block)]
        return steps[0] if len(steps) == 1 else None

    def _two_steps(self, steps: list[tuple[Exec, n.Node]]) -> Exec:
        """A block of two statements (a loop's body, often): ``_steps`` unrolled."""
        (first, first_stmt), (second, second_stmt) = steps
        interpreter = self

        def run_two(frame: Frame) -> int:
            hook = interpreter.trace_hook
            if hook is not None:
                hook(first_stmt, frame)
            try:
                code = first(frame)
            except WLRuntimeError as error:
                if error.span is None:
                    error.span = first_stmt.span
                raise
            if code:
                return code
            if hook is not None:
                hook(second_stmt, frame)
            try:
                return second(frame)
            except WLRuntimeError as error:
                if error.span is None:
                    error.span = second_stmt.span
                raise

        return run_two

    def _single_step(self, step: Exec, stmt: n.Node) -> Exec:
        """A block of one statement (a loop's or an IF's body, often): no loop around it."""
        interpreter = self

        def run_one(frame: Frame) -> int:
            hook = interpreter.trace_hook
            if hook is not None:
                hook(stmt, frame)
            try:
                return step(frame)
            except WLRuntimeError as error:
                if error.span is None:
                    error.span = stmt.span
                raise

        return run_one

    # ------------------------------------------------------------------ variables

    def find_cell(self, name: str, frame: Frame) -> Any:
        return _find(frame, ident_key(name))

    def _variant_cell(self, key: str) -> Cell:
        """Lenient mode: an undeclared name is an empty variant, created where it is first met."""
        cell = _variant(None)
        self.globals.vars[key] = cell
        return cell

    def converter(self, type_ref: n.TypeRef | None) -> Converter:
        return obj.converter(type_ref)

    def new_value(self, type_ref: n.TypeRef) -> Any:
        """The value a fresh variable of this type holds."""
        try:
            return obj.new_value(type_ref, self.lenient)
        except WLRuntimeError as error:
            raise _with_span(error, type_ref.span) from None

    def _immutable_fresh(self, type_ref: n.TypeRef) -> Any:
        """The fresh value of a simple type when one value serves every declaration (0, "", False …)."""
        if type_ref.kind != "simple":
            return _NO_VALUE
        try:
            value = obj.new_value(type_ref, self.lenient)
        except WLRuntimeError:
            return _NO_VALUE  # the error belongs to the run, where the declaration is
        return value if type(value) in (int, float, str, bool, type(None)) else _NO_VALUE

    # ------------------------------------------------------------------ statements

    def statement(self, stmt: Any) -> Exec:
        return getattr(self, "s_" + type(stmt).__name__.lower())(stmt)

    def s_declare(self, stmt: n.Declare) -> Exec:
        convert = self.converter(stmt.type)
        init = self.expr(stmt.init) if stmt.init is not None else None
        keys = [ident_key(name) for name in stmt.names]
        kind = cell_class(convert, stmt.type.name)
        by_reference = stmt.by_reference
        interpreter = self
        fresh = self._immutable_fresh(stmt.type)
        if init is not None and len(keys) == 1 and fresh is not _NO_VALUE and not by_reference:
            return self._declare_one(keys[0], kind, init)

        def declare(frame: Frame) -> int:
            target = interpreter.globals if frame.declare_global else frame
            value = init(frame) if init is not None else None
            for key in keys:
                cell = kind()
                cell.value = interpreter.new_value(stmt.type) if fresh is _NO_VALUE else fresh
                if init is not None:
                    if by_reference:
                        cell.value = value
                    else:
                        cell.store(value)
                target.vars[key] = cell
            return GO

        return declare

    def _declare_one(self, key: str, kind: type[Cell], init: Eval) -> Exec:
        """``x is int = expr``, the commonest declaration: Cell.store inlined (a fresh cell is never a constant)."""
        convert, plain = kind.convert, kind.plain
        interpreter = self

        def declare_one(frame: Frame) -> int:
            target = interpreter.globals if frame.declare_global else frame
            value = init(frame)
            cell = kind()
            cell.value = value if type(value) is plain or convert is None else convert(value)
            target.vars[key] = cell
            return GO

        return declare_one

    def s_let(self, stmt: n.Let) -> Exec:
        value_of = self.expr(stmt.value)
        key = ident_key(stmt.name)
        source = ident_key(stmt.value.name) if isinstance(stmt.value, n.Name) else None

        def let(frame: Frame) -> int:
            value = value_of(frame)
            # let x = Total: the type Total was declared with (a real holding 5 is still a real), else the value's
            cell = _find(frame, source) if source is not None else None
            declared = cell.type_name if cell is not None and cell.type_name in sem.CONVERSIONS else ""
            type_name = declared or obj.inferred_type(value)
            convert = obj.converter(n.TypeRef(type_name)) if type_name else None
            frame.vars[key] = new_cell(value, convert, type_name=type_name or "")
            return GO

        return let

    def s_assign(self, stmt: n.Assign) -> Exec:
        value_of = self.expr(stmt.value)
        write = self.target(stmt.target)
        if stmt.op == "=" and isinstance(stmt.target, n.Name):
            key = ident_key(stmt.target.name)

            def assign_name(frame: Frame) -> int:
                value = value_of(frame)
                scope: Frame | None = frame
                while scope is not None:  # _find and Cell.store, inlined: the commonest statement of all
                    cell = scope.vars.get(key)
                    if cell is not None:
                        if type(value) is cell.plain:  # never for a constant (plain is object there)
                            cell.value = value
                        else:
                            cell.store(value)
                        return GO
                    scope = scope.parent
                write(frame, value)  # unknown: the error, or a lenient variant
                return GO

            return assign_name
        if stmt.op == "=" and isinstance(stmt.target, n.Index):
            return self._assign_element(stmt.target, stmt.value, value_of)
        if stmt.op == "=":

            def assign(frame: Frame) -> int:
                write(frame, value_of(frame))
                return GO

            return assign
        combine = _COMPOUND[stmt.op]
        read = self.expr(stmt.target)
        fast = _INT_ARITHMETIC.get(stmt.op[0]) if stmt.op != "/=" else None

        def combined(current: Any, value: Any) -> Any:
            if fast is not None and type(current) is int and type(value) is int:
                return fast(current, value)
            return combine(current, value)

        def compound(frame: Frame) -> int:
            value = value_of(frame)
            write(frame, combined(read(frame), value))
            return GO

        if not isinstance(stmt.target, n.Name):
            return compound
        key = ident_key(stmt.target.name)

        def compound_name(frame: Frame) -> int:
            """``x += value`` on a variable: the value first (it may change x), then x, looked up once."""
            value = value_of(frame)
            cell = frame.vars.get(key) or _find(frame.parent, key)
            if cell is None:  # not a variable: what the general form does, without evaluating the value again
                write(frame, combined(read(frame), value))
                return GO
            current = cell.value
            if fast is not None and type(current) is int and type(value) is int:
                value = fast(current, value)
            else:
                value = combine(current, value)
            if type(value) is cell.plain:  # never for a constant (plain is object there)
                cell.value = value
            else:
                cell.store(value)
            return GO

        return compound_name

    def _assign_element(self, target: n.Index, value: n.Expr, value_of: Eval) -> Exec:
        """``t[i] = value``: the value, then the array, then the index; an element in range of a WLArray is set in place."""
        container_of, index_of = self.expr(target.target), self.expr(target.index)
        span = target.span

        container_key = _name_key(target.target)
        index_key, offset = _position(target.index)
        written = _literal(value)
        literal = written is not _NO_VALUE  # t[i] = True: the value without a call
        # t[j + 1] = t[j]: the element read in place as in _compare_element, else by its closure
        source_array, source_index, source_offset, _read = _element_shape(value, value_of) or ("", "", 0, value_of)
        from_element = bool(source_array)

        def assign_element(frame: Frame) -> int:
            variables = frame.vars  # as in compare_variables: a None key is never found
            if literal:
                value = written
            elif from_element:
                value = _NO_VALUE
                cell = variables.get(source_array)
                where = variables.get(source_index)
                if cell is not None and where is not None:
                    source, position = cell.value, where.value
                    if type(source) is WLArray and type(position) is int:
                        position += source_offset
                        if position > 0:
                            try:
                                value = source.items[position - 1]
                            except IndexError:  # past the end: WLArray.get explains
                                pass
                if value is _NO_VALUE:
                    value = value_of(frame)
            else:
                value = value_of(frame)
            cell = variables.get(container_key)
            container = cell.value if cell is not None else container_of(frame)
            cell = variables.get(index_key)
            if cell is None:
                index = index_of(frame)
            else:
                index = cell.value
                if offset:  # t[j + 1]: j + 1 when j holds an integer, else what the expression's closure makes of it
                    index = index + offset if type(index) is int else index_of(frame)
            try:
                if type(container) is WLArray:
                    items = container.items
                    if type(index) is int and 0 < index <= len(items):  # WLArray.set's first case
                        convert = container.convert
                        items[index - 1] = (
                            value if convert is None or type(value) is container.plain else convert(value)
                        )
                    else:  # past the end (a growable array grows), or an index to convert or refuse
                        container.set(index, value)
                else:
                    obj.set_index(container, index, value)
            except WLRuntimeError as error:
                raise _with_span(error, span) from None
            return GO

        if from_element and (source_array, source_index) == (container_key, index_key):
            return _move_element(container_key, index_key, source_offset, offset, assign_element)
        return assign_element

    def s_incdec(self, stmt: n.IncDec) -> Exec:
        read = self.expr(stmt.target)
        write = self.target(stmt.target)
        delta = 1 if stmt.op == "++" else -1
        combine = sem.add if delta == 1 else sem.subtract

        def incdec(frame: Frame) -> int:
            current = read(frame)
            write(frame, current + delta if type(current) is int else combine(current, 1))
            return GO

        if not isinstance(stmt.target, n.Name):
            return incdec
        key = ident_key(stmt.target.name)

        def incdec_name(frame: Frame) -> int:
            """``x++`` on a variable: its cell looked up once, Cell.store inlined."""
            cell = frame.vars.get(key) or _find(frame.parent, key)
            if cell is None:
                return incdec(frame)  # not a variable: the error, or a lenient variant
            current = cell.value
            value = current + delta if type(current) is int else combine(current, 1)
            if type(value) is cell.plain:  # never for a constant (plain is object there)
                cell.value = value
            else:
                cell.store(value)
            return GO

        return incdec_name

    def s_exprstmt(self, stmt: n.ExprStmt) -> Exec:
        value_of = self.expr(stmt.expr)

        def expression(frame: Frame) -> int:
            value_of(frame)
            return GO

        return expression

    def s_if(self, stmt: n.If) -> Exec:
        branches = [(self.truth(condition), self.block(body)) for condition, body in stmt.branches]
        orelse = self.block(stmt.orelse) if stmt.orelse is not None else None

        if len(branches) == 1:  # IF … [ELSE …] END: no loop over the branches
            test, body = branches[0]
            only = self._only_step(stmt.branches[0][1])
            if orelse is None and only is not None:
                return self._if_then(test, *only, stmt.branches[0][0])
            if orelse is None:
                return lambda frame: body(frame) if test(frame) else GO
            return lambda frame: body(frame) if test(frame) else orelse(frame)
        if len(branches) == 2:  # IF … ELSE IF … [ELSE …] END
            return self._if_else_if(stmt, branches)

        def if_(frame: Frame) -> int:
            for test, body in branches:
                if test(frame):
                    return body(frame)
            return orelse(frame) if orelse is not None else GO

        return if_

    def _if_else_if(self, stmt: n.If, branches: list[tuple[Callable[[Frame], bool], Exec]]) -> Exec:
        """``IF … ELSE IF … [ELSE …] END``: the branch taken, when it is one statement, runs here as its block would
        run it (trace hook, position of errors), a call fewer; a longer branch runs through its block's closure."""
        (test, _body), (second_test, _second_body) = branches
        interpreter = self

        def branch(block: n.Block | None) -> tuple[Exec, n.Node | None]:
            """The one statement of a branch and its node; or its block's closure and None."""
            if block is None:  # no ELSE: nothing to run
                return (lambda frame: GO), None
            only = self._only_step(block)
            return only if only is not None else (self.block(block), None)

        first_branch, second_branch = branch(stmt.branches[0][1]), branch(stmt.branches[1][1])
        last_branch = branch(stmt.orelse)

        def if_else_if(frame: Frame) -> int:
            if test(frame):
                step, node = first_branch
            elif second_test(frame):
                step, node = second_branch
            else:
                step, node = last_branch
            if node is None:
                return step(frame)
            hook = interpreter.trace_hook
            if hook is not None:
                hook(node, frame)
            try:
                return step(frame)
            except WLRuntimeError as error:
                if error.span is None:
                    error.span = node.span
                raise

        return if_else_if

    def _if_then(self, test: Callable[[Frame], bool], step: Exec, stmt: n.Node, condition: n.Expr) -> Exec:
        """``IF c THEN statement``: the statement run as its block would (hook, error position), one call fewer."""
        interpreter = self
        compared = _variable_against_integer(condition)
        if compared is not None:
            key, fast, constant = compared
            ordering = _ordering(condition.op, constant)
            if ordering is not None:
                return self._if_ordered_then(key, *ordering, test, step, stmt)

            def if_variable_then(frame: Frame) -> int:
                """``IF n = 2 THEN …``: an integer variable of the frame's own compared here; else the test's closure."""
                cell = frame.vars.get(key)
                left = cell.value if cell is not None else None
                if not (fast(left, constant) if type(left) is int else test(frame)):
                    return GO
                hook = interpreter.trace_hook
                if hook is not None:
                    hook(stmt, frame)
                try:
                    return step(frame)
                except WLRuntimeError as error:
                    if error.span is None:
                        error.span = stmt.span
                    raise

            return if_variable_then

        def if_then(frame: Frame) -> int:
            if not test(frame):
                return GO
            hook = interpreter.trace_hook
            if hook is not None:
                hook(stmt, frame)
            try:
                return step(frame)
            except WLRuntimeError as error:
                if error.span is None:
                    error.span = stmt.span
                raise

        return if_then

    def _if_ordered_then(
        self, key: str, below: bool, bound: int, test: Callable[[Frame], bool], step: Exec, stmt: n.Node
    ) -> Exec:
        """``IF n < 2 THEN …``: the integer variable compared here with the comparison written out (see _ordering);
        a variable of another frame or a value not an integer goes to the test's closure."""
        interpreter = self
        if isinstance(stmt, n.Result) and stmt.value is not None and isinstance(stmt.value, n.Name):
            return self._if_ordered_then_result(key, below, bound, test, step, stmt, ident_key(stmt.value.name))

        def if_ordered_then(frame: Frame) -> int:
            cell = frame.vars.get(key)
            left = cell.value if cell is not None else None
            if type(left) is int:
                if not (left < bound if below else left > bound):
                    return GO
            elif not test(frame):
                return GO
            hook = interpreter.trace_hook
            if hook is not None:
                hook(stmt, frame)
            try:
                return step(frame)
            except WLRuntimeError as error:
                if error.span is None:
                    error.span = stmt.span
                raise

        return if_ordered_then

    def _if_ordered_then_result(
        self,
        key: str,
        below: bool,
        bound: int,
        test: Callable[[Frame], bool],
        step: Exec,
        stmt: n.Result,
        result_key: str,
    ) -> Exec:
        """``IF n < 2 THEN RESULT n``, a recursion's way out: _if_ordered_then with the RESULT's variable read here
        as result_variable reads it (its closure still answers for a variable of another frame)."""
        interpreter = self

        def if_ordered_then_result(frame: Frame) -> int:
            variables = frame.vars
            cell = variables.get(key)
            left = cell.value if cell is not None else None
            if type(left) is int:
                if not (left < bound if below else left > bound):
                    return GO
            elif not test(frame):
                return GO
            hook = interpreter.trace_hook
            if hook is not None:
                hook(stmt, frame)
            cell = variables.get(result_key)
            if cell is None:
                try:
                    return step(frame)
                except WLRuntimeError as error:
                    if error.span is None:
                        error.span = stmt.span
                    raise
            frame.result = cell.value
            return RETURN

        return if_ordered_then_result

    def truth(self, condition: n.Expr) -> Callable[[Frame], bool]:
        value_of = self.expr(condition)
        if isinstance(condition, _BOOLEAN_NODES):
            return value_of  # already True or False: no test needed
        span = condition.span

        def truth(frame: Frame) -> bool:
            value = value_of(frame)
            if value is True or value is False:
                return value
            try:
                return sem.to_bool(value)
            except WLRuntimeError as error:
                raise _with_span(error, span) from None

        return truth

    def s_switch(self, stmt: n.Switch) -> Exec:
        subject_of = self.expr(stmt.subject)
        cases = [([self._case_test(value) for value in case.values], self.block(case.body)) for case in stmt.cases]
        default = self.block(stmt.default) if stmt.default is not None else None

        def switch(frame: Frame) -> int:
            subject = subject_of(frame)
            for tests, body in cases:
                for test in tests:
                    if test(frame, subject):
                        return body(frame)
            return default(frame) if default is not None else GO

        return switch

    def _case_test(self, case: n.CaseValue) -> Callable[[Frame, Any], bool]:
        value_of = self.expr(case.value)
        if case.kind == "equal":
            return lambda frame, subject: sem.equals(subject, value_of(frame))
        if case.kind == "range":
            high_of = self.expr(case.high)  # type: ignore[arg-type]
            return lambda frame, subject: (
                sem.compare(">=", subject, value_of(frame)) and sem.compare("<=", subject, high_of(frame))
            )
        op = case.op
        return lambda frame, subject: sem.compare(op, subject, value_of(frame))

    # ------------------------------------------------------------------ loops

    def _loop_cell(self, key: str, frame: Frame) -> Any:
        cell = _find(frame, key)
        if cell is None:
            # a loop variable the main code brings into being is the main code's, whichever loop sets it first:
            # a procedure that loops over it before the main code's loop ran sets the same variable
            home = self.globals if key in self._main_loop_keys else frame
            cell = home.vars[key] = _variant(None)
        return cell

    def s_for(self, stmt: n.For) -> Exec:
        key = ident_key(stmt.var)
        start_of = self.expr(stmt.start)
        stop_of = self.expr(stmt.stop)
        step_of = self.expr(stmt.step) if stmt.step is not None else None
        step_span = stmt.step.span if stmt.step is not None else stmt.span
        body = self.block(stmt.body)
        # a body of one statement is run here, as its block would (trace hook, position of errors), one call fewer
        only = self._only_step(stmt.body)
        single, single_stmt = only if only is not None else (None, stmt)
        once = stmt.once
        # a bound written as an integer reads the same on every pass: no need to evaluate it each time
        written = _literal(stmt.stop)
        fixed = written if type(written) is int else None
        interpreter = self

        def for_(frame: Frame) -> int:
            cell = interpreter._loop_cell(key, frame)
            cell.store(start_of(frame))  # a constant refuses here, so the loop never meets one below
            step = sem.to_number(step_of(frame)) if step_of is not None else 1
            if step == 0:
                raise WLRuntimeError("a FOR loop cannot have a STEP of 0", step_span)
            bound = sem.to_number(stop_of(frame)) if once else fixed
            upward = step > 0
            # a counter that takes integers as they are can be counted in Python
            counted = type(step) is int and (cell.convert is None or cell.plain is int)
            while True:
                if bound is None:
                    limit = stop_of(frame)  # FOR … TO re-reads its bound on every pass
                    if type(limit) is not int:
                        limit = sem.to_number(limit)
                else:
                    limit = bound
                current = cell.value
                if type(current) is not int:
                    current = sem.to_number(current)
                if (current > limit) if upward else (current < limit):
                    return GO
                if single is None:
                    code = body(frame)
                else:
                    hook = interpreter.trace_hook
                    if hook is not None:
                        hook(single_stmt, frame)
                    try:
                        code = single(frame)
                    except WLRuntimeError as error:
                        if error.span is None:
                            error.span = single_stmt.span
                        raise
                if code:
                    if code == BREAK:
                        return GO
                    if code == RETURN:
                        return RETURN
                current = cell.value
                if counted and type(current) is int:
                    cell.value = current + step
                else:
                    cell.store(sem.add(sem.to_number(current), step))

        return for_

    def _iterate(self, rows: list[tuple[Any, ...]], cells: list[Any], body: Exec, frame: Frame) -> int:
        for row in rows:
            for cell, value in zip(cells, row):
                cell.value = value
            code = body(frame)
            if code == BREAK:
                return GO
            if code == RETURN:
                return RETURN
        return GO

    def s_foreach(self, stmt: n.ForEach) -> Exec:
        collection_of = self.expr(stmt.iterable)
        keys = [ident_key(name) for name in stmt.names]
        body = self.block(stmt.body)
        span = stmt.iterable.span
        interpreter = self

        def for_each(frame: Frame) -> int:
            collection = collection_of(frame)
            cells = [interpreter._loop_cell(key, frame) for key in keys]
            try:
                rows = obj.rows(collection, interpreter.lenient)
            except WLRuntimeError as error:
                raise _with_span(error, span) from None
            return interpreter._iterate(rows, cells, body, frame)

        return for_each

    def s_foreachstring(self, stmt: n.ForEachString) -> Exec:
        source_of = self.expr(stmt.source)
        separator_of = self.expr(stmt.separator)
        key = ident_key(stmt.var)
        body = self.block(stmt.body)
        interpreter = self

        def for_each_string(frame: Frame) -> int:
            pieces = obj.string_pieces(source_of(frame), separator_of(frame))
            return interpreter._iterate(
                [(piece,) for piece in pieces], [interpreter._loop_cell(key, frame)], body, frame
            )

        return for_each_string

    def s_while(self, stmt: n.While) -> Exec:
        """WHILE, with two shapes folded in where they occur, each saving a call per pass.

        ``a _AND_ b`` (or ``_OR_``) as the condition is tested here, without the closure that joins
        the two tests; a body of one or two statements is run here, as its block would run it
        (trace hook, position of errors).
        """
        condition = stmt.condition
        joined = isinstance(condition, n.Logical) and condition.op in ("AND_SC", "OR_SC")
        test = self.truth(condition) if not joined else None
        left = self.truth(condition.left) if joined else None
        right = self.truth(condition.right) if joined else None
        both = joined and condition.op == "AND_SC"
        body = self.block(stmt.body)
        steps = self._block_steps[id(stmt.body)]
        inline = 0 < len(steps) <= 2
        (first, first_stmt), (second, second_stmt) = (steps + [(None, stmt)] * 2)[:2] if inline else [(None, stmt)] * 2
        compared = _variable_against_integer(condition.left) if both else None
        ordering = _ordering(condition.left.op, compared[2]) if compared else None
        if ordering is not None and len(steps) == 2:
            return self._while_bounded(compared[0], *ordering, left, right, steps)  # type: ignore[arg-type]
        interpreter = self

        def while_(frame: Frame) -> int:
            while True:
                if joined:
                    if not ((left(frame) and right(frame)) if both else (left(frame) or right(frame))):
                        return GO
                elif not test(frame):
                    return GO
                if inline:
                    hook = interpreter.trace_hook
                    if hook is not None:
                        hook(first_stmt, frame)
                    try:
                        code = first(frame)
                    except WLRuntimeError as error:
                        if error.span is None:
                            error.span = first_stmt.span
                        raise
                    if not code and second is not None:
                        if hook is not None:
                            hook(second_stmt, frame)
                        try:
                            code = second(frame)
                        except WLRuntimeError as error:
                            if error.span is None:
                                error.span = second_stmt.span
                            raise
                else:
                    code = body(frame)
                if code:
                    if code == BREAK:
                        return GO
                    if code == RETURN:
                        return RETURN

        return while_

    def _while_bounded(
        self,
        key: str,
        below: bool,
        bound: int,
        left: Callable[[Frame], bool],
        right: Callable[[Frame], bool],
        steps: list[tuple[Exec, n.Node]],
    ) -> Exec:
        """``WHILE j >= 1 _AND_ t[j] > c`` around two statements, the insertion sort's loop: s_while's closure with
        the integer variable on the left compared here (see _ordering), and a second statement ``j--`` or ``j++``
        on an integer variable of the frame's own counted here as incdec_name counts it (a call fewer for each).

        Anything else (a variable of another frame, a value that is not an integer, a variable of another type)
        goes to the closures, as in while_. The hook sees each statement, errors get its position.
        """
        (first, first_stmt), (second, second_stmt) = steps
        counted = isinstance(second_stmt, n.IncDec) and isinstance(second_stmt.target, n.Name)
        counter = ident_key(second_stmt.target.name) if counted else None  # type: ignore[attr-defined]
        delta = 1 if counted and second_stmt.op == "++" else -1  # type: ignore[attr-defined]
        interpreter = self

        def while_bounded(frame: Frame) -> int:
            variables = frame.vars  # a frame's dict is never replaced
            while True:
                cell = variables.get(key)
                value = cell.value if cell is not None else None
                if type(value) is int:
                    if not (value < bound if below else value > bound):
                        return GO
                elif not left(frame):
                    return GO
                if not right(frame):
                    return GO
                hook = interpreter.trace_hook
                if hook is not None:
                    hook(first_stmt, frame)
                try:
                    code = first(frame)
                except WLRuntimeError as error:
                    if error.span is None:
                        error.span = first_stmt.span
                    raise
                if not code:
                    if hook is not None:
                        hook(second_stmt, frame)
                    cell = variables.get(counter)
                    # an int variable holding an integer (never a constant: its plain is object): as Cell.store would
                    if cell is not None and cell.plain is int and type(cell.value) is int:
                        cell.value += delta
                        continue
                    try:
                        code = second(frame)
                    except WLRuntimeError as error:
                        if error.span is None:
                            error.span = second_stmt.span
                        raise
                if code:
                    if code == BREAK:
                        return GO
                    if code == RETURN:
                        return RETURN

        return while_bounded

    def s_loop(self, stmt: n.Loop) -> Exec:
        count_of = self.expr(stmt.count) if stmt.count is not None else None
        body = self.block(stmt.body)

        def loop(frame: Frame) -> int:
            remaining = sem.to_number(count_of(frame)) if count_of is not None else None
            while remaining is None or remaining > 0:
                if remaining is not None:
                    remaining -= 1
                code = body(frame)
                if code == BREAK:
                    return GO
                if code == RETURN:
                    return RETURN
            return GO

        return loop

    def s_break(self, stmt: n.Break) -> Exec:
        return lambda frame: BREAK

    def s_continue(self, stmt: n.Continue) -> Exec:
        return lambda frame: CONTINUE

    def s_return(self, stmt: n.Return) -> Exec:
        def return_(frame: Frame) -> int:
            frame.result = None
            return RETURN

        return return_

    def s_result(self, stmt: n.Result) -> Exec:
        value_of = self.expr(stmt.value) if stmt.value is not None else None

        def result(frame: Frame) -> int:
            frame.result = value_of(frame) if value_of is not None else None
            return RETURN

        key = _name_key(stmt.value) if stmt.value is not None else None
        if key is None:
            return result

        def result_variable(frame: Frame) -> int:
            cell = frame.vars.get(key)  # the frame's own variable without a call (see _operand_constant)
            frame.result = cell.value if cell is not None else value_of(frame)
            return RETURN

        return result_variable

    def s_try(self, stmt: n.Try) -> Exec:
        body = self.block(stmt.body)
        handler = self.block(stmt.handler)
        orelse = self.block(stmt.orelse) if stmt.orelse is not None else None
        interpreter = self

        def try_(frame: Frame) -> int:
            try:
                code = body(frame)
            except RecursionError:
                interpreter.rt.current_exception = WLRuntimeError(
                    "stack overflow: too many nested procedure calls", stmt.span
                )
                return handler(frame)
            except WLRuntimeError as error:
                interpreter.rt.current_exception = error
                return handler(frame)
            if code == GO and orelse is not None:
                return orelse(frame)
            return code

        return try_

    def s_constantblock(self, stmt: n.ConstantBlock) -> Exec:
        constants = [(ident_key(c.name), self.expr(c.value)) for c in stmt.constants]

        def constants_(frame: Frame) -> int:
            for key, value_of in constants:
                frame.vars[key] = new_cell(value_of(frame), constant=True)
            return GO

        return constants_

    def s_scope(self, stmt: n.Scope) -> Exec:
        declare = self.s_declare(stmt.declaration) if stmt.declaration is not None else None
        global_ = stmt.kind == "GLOBAL"

        def scope(frame: Frame) -> int:
            frame.declare_global = global_
            return declare(frame) if declare is not None else GO

        return scope

    def s_compileif(self, stmt: n.CompileIf) -> Exec:
        body = self.block(stmt.body)
        orelse = self.block(stmt.orelse) if stmt.orelse is not None else None
        interpreter = self

        def compile_if(frame: Frame) -> int:
            if compile_condition(stmt.condition, interpreter.rt.options):
                return body(frame)
            return orelse(frame) if orelse is not None else GO

        return compile_if

    # ------------------------------------------------------------------ assignment targets

    def target(self, target: n.Expr) -> Callable[[Frame, Any], None]:
        """A function that stores a value where ``target`` names."""
        if isinstance(target, n.Name):
            return self._name_target(target)
        if isinstance(target, n.Member):
            return self._member_target(target)
        if isinstance(target, n.Index):
            container_of, index_of = self.expr(target.target), self.expr(target.index)
            span = target.span

            def index_target(frame: Frame, value: Any) -> None:
                container = container_of(frame)
                index = index_of(frame)
                try:
                    if type(container) is WLArray:
                        container.set(index, value)
                        return
                    obj.set_index(container, index, value)
                except WLRuntimeError as error:
                    raise _with_span(error, span) from None

            return index_target
        if isinstance(target, n.Substring):
            text_of = self.expr(target.target)
            bounds = self._substring_args(target)
            outer = self.target(target.target)
            mode = target.mode

            def substring_target(frame: Frame, value: Any) -> None:
                text = sem.to_string(text_of(frame))
                start, end = bounds(frame)
                outer(frame, obj.replace_substring(text, mode, start, end, value))

            return substring_target
        span = target.span

        def not_assignable(frame: Frame, value: Any) -> None:
            raise WLRuntimeError("this expression cannot be assigned to", span)

        return not_assignable

    def _name_target(self, target: n.Name) -> Callable[[Frame, Any], None]:
        key = ident_key(target.name)
        name, span = target.name, target.span
        interpreter = self

        def name_target(frame: Frame, value: Any) -> None:
            cell = _find(frame, key)
            if cell is None:
                if not interpreter.lenient:
                    raise WLRuntimeError(f"unknown variable '{name}'", span, diagnostic_code="undeclared")
                cell = interpreter._variant_cell(key)
            cell.store(value)

        return name_target

    def _member_target(self, target: n.Member) -> Callable[[Frame, Any], None]:
        owner_of = self.expr(target.target)
        outer = self.target(target.target)
        name, span = target.name, target.span

        def member_target(frame: Frame, value: Any) -> None:
            owner = owner_of(frame)
            if owner is None:
                # a variant that was never given a value becomes a dynamic object
                owner = DynamicObject()
                outer(frame, owner)
            try:
                obj.set_member(owner, name, value)
            except WLRuntimeError as error:
                raise _with_span(error, span) from None

        return member_target

    # ------------------------------------------------------------------ expressions

    def expr(self, expr: Any) -> Eval:
        return getattr(self, "e_" + type(expr).__name__.lower())(expr)

    def e_number(self, expr: Any) -> Eval:
        value = expr.value
        return lambda frame: value

    e_string = e_boolean = e_number

    def e_null(self, expr: n.Null) -> Eval:
        return lambda frame: None

    def e_duration(self, expr: n.Duration) -> Eval:
        milliseconds = expr.milliseconds
        return lambda frame: WLDuration(milliseconds)

    def e_defaultarg(self, expr: n.DefaultArg) -> Eval:
        span = expr.span

        def default(frame: Frame) -> Any:
            raise WLRuntimeError(
                "'*' keeps a parameter's default value and is only allowed as an argument of a procedure", span
            )

        return default

    def e_name(self, expr: n.Name) -> Eval:
        key = ident_key(expr.name)
        name, span = expr.name, expr.span
        entry = REGISTRY.lookup(name)
        interpreter = self

        def fallback() -> Any:
            if entry is not None:
                if entry.kind == "constant":
                    return entry.value
                if entry.kind == "variable":
                    return entry.impl(interpreter.rt)  # type: ignore[misc]
            if interpreter.lenient:
                return interpreter._variant_cell(key).value
            raise WLRuntimeError(f"unknown variable '{name}'", span, diagnostic_code="undeclared")

        def name_(frame: Frame) -> Any:
            cell = frame.vars.get(key)  # the frame's own variables first: most reads end here
            if cell is not None:
                return cell.value
            scope: Frame | None = frame.parent
            while scope is not None:
                cell = scope.vars.get(key)
                if cell is not None:
                    return cell.value
                scope = scope.parent
            return fallback()

        return name_

    def e_interpolated(self, expr: n.Interpolated) -> Eval:
        parts = [part if isinstance(part, str) else self.expr(part) for part in expr.parts]

        def interpolated(frame: Frame) -> str:
            return "".join(part if isinstance(part, str) else sem.to_string(part(frame)) for part in parts)

        return interpolated

    def e_arrayliteral(self, expr: n.ArrayLiteral) -> Eval:
        items = [self.expr(item) for item in expr.items]
        return lambda frame: WLArray([item(frame) for item in items])

    def e_binary(self, expr: n.Binary) -> Eval:
        left_of, right_of = self.expr(expr.left), self.expr(expr.right)
        operation = _ARITHMETIC[expr.op]
        span = expr.span
        op = expr.op

        def slow(left: Any, right: Any) -> Any:
            if op == "+" and type(left) is str:  # text + text, text + integer: what sem.add gives
                if type(right) is str:
                    return left + right
                if type(right) is int:
                    return left + str(right)
            return _arithmetic(operation, left, right, span)

        constant = _literal(expr.right)
        by_constant = _int_by_constant(op, constant)
        if by_constant is not None:
            left_key = _name_key(expr.left)
            if left_key is not None and op in ("+", "-"):
                return _variable_plus_integer(left_key, constant if op == "+" else -constant, left_of, slow, constant)
            return _operand_constant(by_constant, int, left_of, left_key, constant, slow)
        fast = _INT_ARITHMETIC.get(op)
        left_key, right_key = _name_key(expr.left), _name_key(expr.right)
        if op == "+" and left_key is None and right_key is None:

            def int_sum(frame: Frame) -> Any:
                """``f(a) + f(b)``: int_operation with the addition written out, without a call to the operator."""
                left = left_of(frame)
                right = right_of(frame)
                if type(left) is int and type(right) is int:
                    return left + right
                return slow(left, right)

            return int_sum
        if op == "+" and left_key is not None and right_key is not None:

            def int_sum_variables(frame: Frame) -> Any:
                """``Low + High``: int_operation_variables with the addition written out."""
                variables = frame.vars
                cell = variables.get(left_key)
                left = cell.value if cell is not None else left_of(frame)
                cell = variables.get(right_key)
                right = cell.value if cell is not None else right_of(frame)
                if type(left) is int and type(right) is int:
                    return left + right
                return slow(left, right)

            return int_sum_variables
        if fast is not None:

            def int_operation(frame: Frame) -> Any:
                left = left_of(frame)
                right = right_of(frame)
                if type(left) is int and type(right) is int:
                    return fast(left, right)
                return slow(left, right)

            if left_key is None and right_key is None:
                return int_operation
            if left_key is None:  # a * 31 + b: only the right side is a variable

                def int_operation_with_variable(frame: Frame) -> Any:
                    left = left_of(frame)
                    cell = frame.vars.get(right_key)  # see _operand_constant
                    right = cell.value if cell is not None else right_of(frame)
                    if type(left) is int and type(right) is int:
                        return fast(left, right)
                    return slow(left, right)

                return int_operation_with_variable

            def int_operation_variables(frame: Frame) -> Any:
                variables = frame.vars  # as in compare_variables: a None key is never found
                cell = variables.get(left_key)
                left = cell.value if cell is not None else left_of(frame)
                cell = variables.get(right_key)
                right = cell.value if cell is not None else right_of(frame)
                if type(left) is int and type(right) is int:
                    return fast(left, right)
                return slow(left, right)

            return int_operation_variables

        def binary(frame: Frame) -> Any:
            left = left_of(frame)
            right = right_of(frame)
            try:
                return operation(left, right)
            except WLRuntimeError as error:
                raise _with_span(error, span) from None

        return binary

    def e_logical(self, expr: n.Logical) -> Eval:
        left, right = self.truth(expr.left), self.truth(expr.right)
        op = expr.op
        if op == "AND_SC":
            return lambda frame: left(frame) and right(frame)
        if op == "OR_SC":
            return lambda frame: left(frame) or right(frame)
        if op == "AND":

            def and_(frame: Frame) -> bool:
                first = left(frame)
                second = right(frame)  # AND and OR evaluate both sides (D-LOGIC)
                return first and second

            return and_

        def or_(frame: Frame) -> bool:
            first = left(frame)
            second = right(frame)
            return first or second

        return or_

    def e_not(self, expr: n.Not) -> Eval:
        if isinstance(expr.operand, _BOOLEAN_NODES):
            test = self.expr(expr.operand)
            return lambda frame: not test(frame)
        value_of = self.expr(expr.operand)
        span = expr.operand.span

        def not_(frame: Frame) -> bool:
            """``NOT t[i]``: truth's test folded in, one call fewer."""
            value = value_of(frame)
            if value is False:
                return True
            if value is True:
                return False
            try:
                return not sem.to_bool(value)
            except WLRuntimeError as error:
                raise _with_span(error, span) from None

        return not_

    def e_negate(self, expr: n.Negate) -> Eval:
        value_of = self.expr(expr.operand)
        negative = expr.op == "-"
        span = expr.span

        def negate(frame: Frame) -> Any:
            value = value_of(frame)
            if type(value) is int:
                return -value if negative else value
            try:
                return sem.negate(value) if negative else sem.to_number(value)
            except WLRuntimeError as error:
                raise _with_span(error, span) from None

        return negate

    def e_compare(self, expr: n.Compare) -> Eval:
        left_of, right_of = self.expr(expr.left), self.expr(expr.right)
        op = expr.op
        span = expr.span

        def slow(left: Any, right: Any) -> bool:
            try:
                return sem.compare(op, left, right)
            except WLRuntimeError as error:
                raise _with_span(error, span) from None

        fast = _SAME_TYPE_COMPARE.get(op)
        if fast is None:  # the flexible string comparisons (~=, [= …)
            return lambda frame: slow(left_of(frame), right_of(frame))
        constant = _literal(expr.right)
        element = _element_shape(expr.left, left_of)
        if element is not None and (_name_key(expr.right) is not None or type(constant) in (int, str)):
            return _compare_element(element, fast, slow, right_of, _name_key(expr.right), constant)
        ordering = _ordering(op, constant)
        if ordering is not None and isinstance(expr.left, n.Name):
            return _variable_ordered(ident_key(expr.left.name), *ordering, left_of, slow, constant)
        if type(constant) is int or type(constant) is str:
            return _operand_constant(fast, type(constant), left_of, _name_key(expr.left), constant, slow)

        def compare(frame: Frame) -> bool:
            left = left_of(frame)
            right = right_of(frame)
            kind = type(left)
            if kind is type(right) and (kind is int or kind is str):
                return fast(left, right)
            return slow(left, right)

        left_key, right_key = _name_key(expr.left), _name_key(expr.right)
        if left_key is None and right_key is None:
            return compare
        if left_key is None:  # t[i] > x, f(x) = y: only the right side is a variable

            def compare_with_variable(frame: Frame) -> bool:
                left = left_of(frame)
                cell = frame.vars.get(right_key)  # see _operand_constant
                right = cell.value if cell is not None else right_of(frame)
                kind = type(left)
                if kind is type(right) and (kind is int or kind is str):
                    return fast(left, right)
                return slow(left, right)

            return compare_with_variable

        def compare_variables(frame: Frame) -> bool:
            # a variable side is read from the frame's own cell when it is there (see _operand_constant);
            # the other side's key is None, which no frame holds, so it goes to its closure
            variables = frame.vars
            cell = variables.get(left_key)
            left = cell.value if cell is not None else left_of(frame)
            cell = variables.get(right_key)
            right = cell.value if cell is not None else right_of(frame)
            kind = type(left)
            if kind is type(right) and (kind is int or kind is str):
                return fast(left, right)
            return slow(left, right)

        return compare_variables

    def e_interval(self, expr: n.Interval) -> Eval:
        subject_of, low_of, high_of = self.expr(expr.subject), self.expr(expr.low), self.expr(expr.high)
        low_op, high_op = expr.low_op, expr.high_op

        def interval(frame: Frame) -> bool:
            subject = subject_of(frame)
            low = low_of(frame)
            high = high_of(frame)
            return sem.compare(low_op, low, subject) and sem.compare(high_op, subject, high)

        return interval

    def e_inrange(self, expr: n.InRange) -> Eval:
        subject_of, low_of, high_of = self.expr(expr.subject), self.expr(expr.low), self.expr(expr.high)

        def in_range(frame: Frame) -> bool:
            subject = subject_of(frame)
            return sem.compare(">=", subject, low_of(frame)) and sem.compare("<=", subject, high_of(frame))

        return in_range

    def e_inlist(self, expr: n.InList) -> Eval:
        subject_of = self.expr(expr.subject)
        items = [self.expr(item) for item in expr.items]
        mode = expr.mode

        def in_list(frame: Frame) -> bool:
            subject = subject_of(frame)
            if mode == "IN_SC":
                return any(sem.equals(subject, item(frame)) for item in items)
            values = [item(frame) for item in items]
            found = any(sem.equals(subject, value) for value in values)
            return not found if mode == "NOT_IN" else found

        return in_list

    def e_optionalconcat(self, expr: n.OptionalConcat) -> Eval:
        left_of, separator_of = self.expr(expr.left), self.expr(expr.separator)
        right_of = self.expr(expr.right) if expr.right is not None else None

        def optional_concat(frame: Frame) -> str:
            left = left_of(frame)
            separator = separator_of(frame)
            right = right_of(frame) if right_of is not None else None
            return sem.optional_concat(left, separator, right)

        return optional_concat

    def e_index(self, expr: n.Index) -> Eval:
        container_of, index_of = self.expr(expr.target), self.expr(expr.index)
        span = expr.span
        lenient = self.lenient

        container_key = _name_key(expr.target)
        index_key, offset = _position(expr.index)

        def index(frame: Frame) -> Any:
            variables = frame.vars  # as in compare_variables: a None key is never found
            cell = variables.get(container_key)
            container = cell.value if cell is not None else container_of(frame)
            cell = variables.get(index_key)
            if cell is None:
                position = index_of(frame)
            else:
                position = cell.value
                if offset:  # as in assign_element
                    position = position + offset if type(position) is int else index_of(frame)
            if type(container) is WLArray and type(position) is int and position > 0:
                try:  # WLArray.get's first case; past the end, get explains
                    return container.items[position - 1]
                except IndexError:
                    pass
            try:
                if type(container) is WLArray:
                    return container.get(position)
                return obj.get_index(container, position, lenient)
            except WLRuntimeError as error:
                raise _with_span(error, span) from None

        return index

    def _substring_args(self, expr: n.Substring) -> Callable[[Frame], tuple[Any, Any]]:
        start_of = self.expr(expr.start) if expr.start is not None else None
        end_of = self.expr(expr.end) if expr.end is not None and expr.mode != "at" else None

        def arguments(frame: Frame) -> tuple[Any, Any]:
            start = start_of(frame) if start_of is not None else None
            end = end_of(frame) if end_of is not None else None
            return start, end

        return arguments

    def e_substring(self, expr: n.Substring) -> Eval:
        container_of = self.expr(expr.target)
        arguments = self._substring_args(expr)
        mode = expr.mode

        def substring(frame: Frame) -> Any:
            container = container_of(frame)
            start, end = arguments(frame)
            return obj.substring(container, mode, start, end)

        return substring

    def e_member(self, expr: n.Member) -> Eval:
        owner_of = self.expr(expr.target)
        name, span = expr.name, expr.span
        lenient = self.lenient

        def member(frame: Frame) -> Any:
            owner = owner_of(frame)
            try:
                return obj.get_member(owner, name, lenient)
            except WLRuntimeError as error:
                raise _with_span(error, span) from None

        return member

    # ------------------------------------------------------------------ calls

    def e_call(self, expr: n.Call) -> Eval:
        callee = expr.callee
        span = expr.span
        if isinstance(callee, n.Name):
            fast = self._direct_call(callee, expr)
            if fast is not None:
                return fast  # it adds the call's position to errors itself
            call = self._name_call(callee, expr)
        elif isinstance(callee, n.Member):
            call = self._method_call(callee, expr)
        else:

            def call(frame: Frame) -> Any:
                raise WLRuntimeError("only procedures, functions and methods can be called", span)

        def guarded(frame: Frame) -> Any:
            try:
                return call(frame)
            except WLRuntimeError as error:
                raise _with_span(error, span) from None

        return guarded

    def _direct_call(self, callee: n.Name, expr: n.Call) -> Eval | None:
        """A call whose target is known where it is compiled, run without looking it up; None for the others.

        That is a call no internal procedure can shadow, of a procedure of the program with exactly
        one argument per parameter (no ``*``, no variadic list), or of a built-in function.
        """
        key = ident_key(callee.name)
        if key in self._internal_keys:
            return None
        procedure = self.procedures.get(key)
        if procedure is not None:
            plan = self._plan(procedure)
            if plan.variadic or len(plan.params) != len(expr.args):
                return None
            if any(isinstance(arg, n.DefaultArg) for arg in expr.args):
                return None
            binders = [(binding.key, *self._binder(binding, arg)) for binding, arg in zip(plan.params, expr.args)]
            # a variable passed to a parameter that is not LOCAL: bound in the call itself when it is the caller's own
            sources = [
                ident_key(arg.name) if isinstance(arg, n.Name) and not binding.local else None
                for binding, arg in zip(plan.params, expr.args)
            ]
            # n - 1 passed as a copy: computed in the call from an integer variable of the caller's own frame
            counters = [
                _position(arg) if isinstance(arg, n.Binary) and kind is not None else (None, 0)
                for (_key, _read, kind), arg in zip(binders, expr.args)
            ]
            return self._procedure_call(plan, binders, sources, counters, expr.span)
        entry = REGISTRY.lookup(callee.name)
        if entry is not None and entry.kind == "function":
            return self._builtin_call(entry, [self.expr(arg) for arg in expr.args], expr.span)
        return None

    def _procedure_call(
        self,
        plan: _Plan,
        binders: list[_Binder],
        sources: list[str | None],
        counters: list[tuple[str | None, int]],
        span: Span | None,
    ) -> Eval:
        """What call_procedure does for a plan known in advance: the frame built in place, the body's statements run here.

        The body runs as its block would (trace hook, position of errors), a last ``RESULT expr``
        evaluated here. One or two parameters (most procedures) are bound without a loop and
        without a closure per argument where that is what the binder would do: a copy gets its
        cell here, and a variable of the caller's own frame is shared (or copied into a cell of
        the parameter's type) as ``_reference_binder`` does; a one-parameter call computes ``n - 1`` itself
        from an integer variable of the caller's own frame (``counters``); the binder answers for the rest.
        The closure for each number of parameters holds only what it uses: Python copies every
        variable a closure holds into each call's frame.
        """
        interpreter = self
        globals_ = self.globals
        internal = plan.internal
        count = len(binders)
        if count == 0 or count > 2:
            cells = [(key, _cell_maker(read, kind)) for key, read, kind in binders]

            def bind_all(frame: Frame) -> dict[str, Any]:
                variables = {}
                for key, make in cells:
                    variables[key] = make(frame)
                return variables

            first_bind = second_bind = ("", bind_all, None, None, None, None, None)
        else:
            first_bind = self._inline_binder(plan, binders, sources, 0)
            second_bind = self._inline_binder(plan, binders, sources, 1) if count == 2 else first_bind
        first_key, first, first_kind, first_plain, first_convert, first_source, first_type = first_bind
        second_key, second, second_kind, second_plain, second_convert, second_source, second_type = second_bind

        if count == 1:
            counter, addend = counters[0]

            def call_one(frame: Frame) -> Any:
                lead = plan.lead
                if lead is None:
                    interpreter._ready(plan)
                    lead = plan.lead
                try:
                    # the first argument: Cell.store inlined for a copy (a new cell is never a constant)
                    shared = frame.vars.get(first_source) if first_source is not None else None
                    if shared is not None:
                        if first_type is None or shared.type_name == first_type:
                            value = shared
                        else:
                            value = shared.value
                            cell = first_kind()
                            cell.value = (
                                value if type(value) is first_plain or first_convert is None else first_convert(value)
                            )
                            value = cell
                    else:
                        if counter is not None:  # n - 1, as variable_plus_integer computes it, without the call
                            cell = frame.vars.get(counter)
                            value = cell.value if cell is not None else None
                            value = value + addend if type(value) is int else first(frame)
                        else:
                            value = first(frame)
                        if first_source is None and first_kind is not None:
                            cell = first_kind()
                            cell.value = (
                                value if type(value) is first_plain or first_convert is None else first_convert(value)
                            )
                            value = cell
                    callee = Frame()
                    callee.vars = {first_key: value}
                    callee.parent = globals_
                    callee.procedures = internal
                    callee.declare_global = False
                    callee.result = None
                    hook = interpreter.trace_hook
                    try:
                        for step, stmt in lead:  # the body's block, run here
                            if hook is not None:
                                hook(stmt, callee)
                            try:
                                code = step(callee)
                            except WLRuntimeError as error:
                                if error.span is None:
                                    error.span = stmt.span
                                raise
                            if code:
                                break
                        else:
                            final = plan.final
                            if final is not None:  # RESULT expr, the last statement: as s_result runs it
                                value_of, stmt = final
                                if hook is not None:
                                    hook(stmt, callee)
                                try:
                                    return value_of(callee)
                                except WLRuntimeError as error:
                                    if error.span is None:
                                        error.span = stmt.span
                                    raise
                    except RecursionError:
                        raise WLRuntimeError(
                            f"stack overflow: '{plan.procedure.name}' was called too many times without returning", span
                        ) from None
                except WLRuntimeError as error:
                    raise _with_span(error, span) from None
                return callee.result

            return call_one
        if count == 2:

            def call_two(frame: Frame) -> Any:
                lead = plan.lead
                if lead is None:
                    interpreter._ready(plan)
                    lead = plan.lead
                try:
                    # the first argument: Cell.store inlined for a copy (a new cell is never a constant)
                    shared = frame.vars.get(first_source) if first_source is not None else None
                    if shared is not None:
                        if first_type is None or shared.type_name == first_type:
                            value = shared
                        else:
                            value = shared.value
                            cell = first_kind()
                            cell.value = (
                                value if type(value) is first_plain or first_convert is None else first_convert(value)
                            )
                            value = cell
                    else:
                        value = first(frame)
                        if first_source is None and first_kind is not None:
                            cell = first_kind()
                            cell.value = (
                                value if type(value) is first_plain or first_convert is None else first_convert(value)
                            )
                            value = cell
                    # the second argument: Cell.store inlined for a copy (a new cell is never a constant)
                    shared = frame.vars.get(second_source) if second_source is not None else None
                    if shared is not None:
                        if second_type is None or shared.type_name == second_type:
                            other = shared
                        else:
                            other = shared.value
                            cell = second_kind()
                            cell.value = (
                                other
                                if type(other) is second_plain or second_convert is None
                                else second_convert(other)
                            )
                            other = cell
                    else:
                        other = second(frame)
                        if second_source is None and second_kind is not None:
                            cell = second_kind()
                            cell.value = (
                                other
                                if type(other) is second_plain or second_convert is None
                                else second_convert(other)
                            )
                            other = cell
                    callee = Frame()
                    callee.vars = {first_key: value, second_key: other}
                    callee.parent = globals_
                    callee.procedures = internal
                    callee.declare_global = False
                    callee.result = None
                    hook = interpreter.trace_hook
                    try:
                        for step, stmt in lead:  # the body's block, run here
                            if hook is not None:
                                hook(stmt, callee)
                            try:
                                code = step(callee)
                            except WLRuntimeError as error:
                                if error.span is None:
                                    error.span = stmt.span
                                raise
                            if code:
                                break
                        else:
                            final = plan.final
                            if final is not None:  # RESULT expr, the last statement: as s_result runs it
                                value_of, stmt = final
                                if hook is not None:
                                    hook(stmt, callee)
                                try:
                                    return value_of(callee)
                                except WLRuntimeError as error:
                                    if error.span is None:
                                        error.span = stmt.span
                                    raise
                    except RecursionError:
                        raise WLRuntimeError(
                            f"stack overflow: '{plan.procedure.name}' was called too many times without returning", span
                        ) from None
                except WLRuntimeError as error:
                    raise _with_span(error, span) from None
                return callee.result

            return call_two

        def call(frame: Frame) -> Any:
            lead = plan.lead
            if lead is None:
                interpreter._ready(plan)
                lead = plan.lead
            try:
                callee = Frame()
                callee.vars = first(frame) if count else {}
                callee.parent = globals_
                callee.procedures = internal
                callee.declare_global = False
                callee.result = None
                hook = interpreter.trace_hook
                try:
                    for step, stmt in lead:  # the body's block, run here
                        if hook is not None:
                            hook(stmt, callee)
                        try:
                            code = step(callee)
                        except WLRuntimeError as error:
                            if error.span is None:
                                error.span = stmt.span
                            raise
                        if code:
                            break
                    else:
                        final = plan.final
                        if final is not None:  # RESULT expr, the last statement: as s_result runs it
                            value_of, stmt = final
                            if hook is not None:
                                hook(stmt, callee)
                            try:
                                return value_of(callee)
                            except WLRuntimeError as error:
                                if error.span is None:
                                    error.span = stmt.span
                                raise
                except RecursionError:
                    raise WLRuntimeError(
                        f"stack overflow: '{plan.procedure.name}' was called too many times without returning", span
                    ) from None
            except WLRuntimeError as error:
                raise _with_span(error, span) from None
            return callee.result

        return call

    @staticmethod
    def _inline_binder(plan: _Plan, binders: list[_Binder], sources: list[str | None], position: int) -> tuple:
        """What a call of one or two parameters binds one argument with: its parameter's key, its binder, the class
        of the cell of a copy and its conversion, the caller's variable when the argument is a variable passed by
        reference, and the type a variable must have to be shared (None: any)."""
        key, read, kind = binders[position]
        binding = plan.params[position]
        source = sources[position]
        cell_kind = binding.kind if source is not None else kind
        plain, convert = (cell_kind.plain, cell_kind.convert) if cell_kind is not None else (None, None)
        return key, read, cell_kind, plain, convert, source, None if binding.untyped else binding.type_name

    def _binder(self, binding: _Binding, node: n.Expr) -> tuple[Callable[[Frame], Any], type[Cell] | None]:
        """How one argument becomes the cell of its parameter (``_bind`` for an argument that is not ``*``).

        Either a closure giving the cell, and None; or, for an argument passed as a copy, the closure
        of its value and the class of the cell the caller makes for it.
        """
        if not binding.local and isinstance(node, n.Name):
            return self._reference_binder(binding, node), None
        if not binding.local and isinstance(node, n.Index):
            argument = self.argument(node)
            interpreter = self
            return lambda caller: interpreter._bind(binding, argument, caller, caller), None
        value_of = self.expr(node)
        if not binding.local:
            return value_of, binding.kind
        kind = binding.kind
        convert, plain = kind.convert, kind.plain

        def local_copy(caller: Frame) -> Any:
            value = obj.copied(value_of(caller))
            cell = kind()
            cell.value = value if type(value) is plain or convert is None else convert(value)
            return cell

        return local_copy, None

    def _reference_binder(self, binding: _Binding, node: n.Name) -> Callable[[Frame], Any]:
        """A variable passed to a parameter that is not LOCAL: its own cell when the types agree, else a converted copy."""
        value_of = self.expr(node)
        key = ident_key(node.name)
        kind, untyped, type_name = binding.kind, binding.untyped, binding.type_name
        convert, plain = kind.convert, kind.plain

        def by_reference(caller: Frame) -> Any:
            scope: Frame | None = caller
            while scope is not None:
                shared = scope.vars.get(key)
                if shared is not None:
                    if untyped or shared.type_name == type_name:
                        return shared
                    value = shared.value
                    break
                scope = scope.parent
            else:
                value = value_of(caller)  # not a variable: the name's own error, or a lenient variant
            cell = kind()
            cell.value = value if type(value) is plain or convert is None else convert(value)
            return cell

        return by_reference

    def _builtin_call(self, entry: Builtin, values: list[Eval], span: Span | None) -> Eval:
        """A built-in function called by its name: obj.call_builtin, with what it asks of the entry decided here."""
        impl, can_fail, rt = entry.impl, entry.can_fail, self.rt

        def builtin_call(frame: Frame) -> Any:
            try:
                args = [value(frame) for value in values]
                if can_fail:
                    rt.clear_error()
                return impl(rt, *args)  # type: ignore[misc]
            except WLRuntimeError as error:
                raise _with_span(error, span) from None

        return builtin_call

    def _name_call(self, callee: n.Name, expr: n.Call) -> Eval:
        key = ident_key(callee.name)
        entry = REGISTRY.lookup(callee.name)
        args = [self.argument(arg) for arg in expr.args]
        name, span, callee_span = callee.name, expr.span, callee.span
        interpreter = self

        # no internal procedure has this name anywhere: the procedure it calls is known now, wherever it is called from
        static = key not in self._internal_keys
        known = self.procedures.get(key)

        def call(frame: Frame) -> Any:
            procedure = known if static else interpreter._procedure(key, frame)
            if procedure is not None:
                return interpreter.call_procedure(procedure, args, frame, span)
            if entry is not None:
                return interpreter.call_builtin(entry, [arg.value(frame) for arg in args])
            if interpreter.lenient:
                for arg in args:
                    arg.value(frame)
                return None
            raise WLRuntimeError(f"unknown procedure '{name}'", callee_span, diagnostic_code="unknown-function")

        return call

    def argument(self, node: n.Expr) -> _Argument:
        """An argument as a procedure binds it: a variable or an array element may be passed by reference."""
        argument = _Argument(node, self.expr(node))
        argument.default = isinstance(node, n.DefaultArg)
        if isinstance(node, n.Name):
            argument.key = ident_key(node.name)
        elif isinstance(node, n.Index):
            argument.container = self.expr(node.target)
            argument.index = self.expr(node.index)
        return argument

    def call_builtin(self, entry: Builtin, args: list[Any]) -> Any:
        return obj.call_builtin(self.rt, entry, args)

    def _method_call(self, callee: n.Member, expr: n.Call) -> Eval:
        owner_of = self.expr(callee.target)
        args = [self.expr(arg) for arg in expr.args]
        name, member_span = callee.name, callee.span
        interpreter = self

        def method(frame: Frame) -> Any:
            owner = owner_of(frame)
            values = [arg(frame) for arg in args]
            try:
                return obj.call_method(interpreter.rt, owner, name, values, interpreter.lenient)
            except obj.NoMethod as error:
                raise _with_span(error, member_span) from None

        return method

    def _procedure(self, key: str, frame: Frame) -> n.Procedure | None:
        scope: Frame | None = frame
        while scope is not None:
            procedure = scope.procedures.get(key)
            if procedure is not None:
                return procedure
            scope = scope.parent
        return self.procedures.get(key)

    def find_procedure(self, name: str, frame: Frame) -> n.Procedure | None:
        return self._procedure(ident_key(name), frame)

    def _plan(self, procedure: n.Procedure) -> _Plan:
        found = self._plans.get(id(procedure))
        if found is None:
            found = self._plans[id(procedure)] = _Plan(self, procedure)
        return found

    def _ready(self, plan: _Plan) -> Exec:
        """The plan's body, compiled now if this is the first call."""
        if plan.body is None:
            params = [p for p in plan.procedure.params if not p.variadic]
            for binding, param in zip(plan.params, params):
                binding.default = self.expr(param.default) if param.default is not None else None
            body = self.block(plan.procedure.body)
            steps = self._block_steps[id(plan.procedure.body)]
            last = steps[-1][1] if steps else None
            if isinstance(last, n.Result) and last.value is not None:
                plan.final = (self.expr(last.value), last)
                plan.lead = steps[:-1]
            else:
                plan.lead = steps
            plan.steps = steps
            plan.body = body
        return plan.body

    def call_procedure(self, procedure: n.Procedure, args: list[_Argument], frame: Frame, span: Span | None) -> Any:
        plan = self._plan(procedure)
        body = plan.body or self._ready(plan)
        callee = new_frame(frame if procedure.internal else self.globals, plan.internal)
        variables = callee.vars
        count = len(args)
        for position, binding in enumerate(plan.params):
            variables[binding.key] = self._bind(binding, args[position] if position < count else None, frame, callee)
        if plan.variadic:
            extra = [arg.value(frame) for arg in args[len(plan.params) :]]
            if extra:
                callee.parameters = WLArray([arg.value(frame) for arg in args])
        try:
            body(callee)
        except RecursionError:
            raise WLRuntimeError(
                f"stack overflow: '{procedure.name}' was called too many times without returning", span
            ) from None
        return callee.result

    def _bind(self, binding: _Binding, arg: _Argument | None, caller: Frame, callee: Frame) -> Any:
        param = binding.param
        if arg is None or arg.default:
            if binding.default is None:
                raise WLRuntimeError(
                    f"parameter '{param.name}' has no value and no default", arg.node.span if arg else None
                )
            cell = binding.kind()
            cell.value = None
            cell.store(binding.default(callee))
            return cell
        if not param.local:
            if arg.key is not None:
                shared = _find(caller, arg.key)
                if shared is not None and (binding.untyped or shared.type_name == binding.type_name):
                    return shared  # by reference: the procedure writes to the caller's variable
            elif arg.container is not None and arg.index is not None:
                container = arg.container(caller)
                index = arg.index(caller)
                if binding.untyped and isinstance(container, (WLArray, WLAssociativeArray)):
                    return _ElementRef(container, index)
                cell = binding.kind()
                cell.value = None
                try:
                    cell.store(obj.get_index(container, index, self.lenient))
                except WLRuntimeError as error:
                    raise _with_span(error, arg.node.span) from None
                return cell
        cell = binding.kind()
        cell.value = None
        value = arg.value(caller)
        cell.store(obj.copied(value) if param.local else value)
        return cell

    def _internal_procedures(self, procedure: n.Procedure) -> dict[str, n.Procedure]:
        found = self._internal_cache.get(id(procedure))
        if found is None:
            found = {ident_key(p.name): p for p in n.internal_procedures(procedure.body)}
            self._internal_cache[id(procedure)] = found
        return found
