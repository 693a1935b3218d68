"""Flow-sensitive interval analysis of one function: the values its integer variables hold and the least sizes its arrays keep, wherever they are read.

The transpiler asks it to prove array indexes in range (``t[j + 1]`` under ``WHILE j >= 1``, in an
array filled by a counted loop) and integer divisions exact. It is an abstract interpretation over
the AST the interpreter runs: a state maps each tracked integer variable to an interval and each
tracked array to a least size; branches join states, conditions narrow them, loops are iterated to
a fixed point (widened after a few rounds so that every loop settles). What the program may do that
the analysis does not follow (a procedure writing a variable it was given by reference, a caught
exception) forgets what was known. Every read records the join of all the states it was reached
with, so a recorded fact holds on every run.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol

from . import nodes as n

Bound = int | float  # an int, or -inf / inf
Interval = tuple[Bound, Bound]
TOP: Interval = (-math.inf, math.inf)
# bounds past this are taken as unbounded: the figures stay small and far from where reals lose integers
_LIMIT = 2**52
_WIDEN_AFTER = 2  # rounds of a loop before a bound that keeps moving is let go
_MOST_ROUNDS = 40  # widening settles every loop well before this; past it the loop forgets all it changes


class Context(Protocol):
    """What the analysis needs to know about the function's names and calls."""

    def integer(self, name: n.Name | str) -> object | None:
        """The key of a tracked integer variable (a local ``int`` only this function's own statements write)."""

    def array(self, name: n.Name | str) -> object | None:
        """The key of a tracked array (local, only indexed, counted and appended to)."""

    def is_int(self, expr: Any) -> bool:
        """Whether the expression's static type is ``int``."""

    def changed_by_calls(self, stmt: Any) -> set[object]:
        """The tracked integers the procedure calls of a statement may write (by reference)."""

    def appends_to(self, call: n.Call) -> object | None:
        """The tracked array a call appends exactly one element to (``t.Add(x)``, ``ArrayAdd(t, x)``)."""

    def compiled_branch(self, stmt: n.CompileIf) -> n.Block | None:
        """The branch of a ``<COMPILE IF>`` that is compiled."""


@dataclass
class Facts:
    """What holds at each read: an integer Name's interval, and the least size of an indexed array."""

    names: dict[int, Interval] = field(default_factory=dict)  # by id of the Name node
    sizes: dict[int, int] = field(default_factory=dict)  # by id of the Index node


@dataclass
class State:
    """Known intervals of tracked integers and least sizes of tracked arrays (a missing key: nothing known)."""

    ints: dict[object, Interval] = field(default_factory=dict)
    sizes: dict[object, int] = field(default_factory=dict)

    def copy(self) -> State:
        return State(dict(self.ints), dict(self.sizes))

    def with_int(self, key: object, value: Interval | None) -> State:
        state = self.copy()
        if value is None or value == TOP:
            state.ints.pop(key, None)
        else:
            state.ints[key] = value
        return state

    def forget(self, keys: Iterable[object]) -> State:
        state = self.copy()
        for key in keys:
            state.ints.pop(key, None)
            state.sizes.pop(key, None)
        return state


def join(*states: State | None) -> State | None:
    """The state that holds on every path that reaches a point with one of these states (None: unreachable)."""
    reached = [state for state in states if state is not None]
    if not reached:
        return None
    ints, sizes = reached[0].ints, reached[0].sizes
    for state in reached[1:]:
        if state.ints != ints:  # (most joins meet equal states: a branch that changed nothing followed)
            ints = _join_ints(ints, state.ints)
        if state.sizes != sizes:
            sizes = {key: min(size, state.sizes[key]) for key, size in sizes.items() if key in state.sizes}
    return State(dict(ints), dict(sizes))


def _join_ints(ints: dict[object, Interval], other: dict[object, Interval]) -> dict[object, Interval]:
    joined = dict(ints)
    for key, (low, high) in ints.items() - other.items():  # only the entries that differ need work
        known = other.get(key)
        if known is not None:
            low, high = min(low, known[0]), max(high, known[1])
        if known is None or (low == -math.inf and high == math.inf):
            del joined[key]
        else:
            joined[key] = (low, high)
    return joined


def _widen(old: State, new: State) -> State:
    """Let go of the bounds that moved since the last round, so that a loop reaches its fixed point."""
    ints = dict(new.ints)
    for key, (low, high) in new.ints.items() - old.ints.items():
        known = old.ints.get(key)
        if known is not None:
            low, high = (low if low >= known[0] else -math.inf), (high if high <= known[1] else math.inf)
        if known is None or (low == -math.inf and high == math.inf):
            del ints[key]
        else:
            ints[key] = (low, high)
    sizes = {key: size for key, size in new.sizes.items() if key in old.sizes and size >= old.sizes[key]}
    return State(ints, sizes)


def _hull(a: Interval, b: Interval) -> Interval:
    return (min(a[0], b[0]), max(a[1], b[1]))


def _clamp(low: Bound, high: Bound) -> Interval:
    return (low if low >= -_LIMIT else -math.inf, high if high <= _LIMIT else math.inf)


def _times(a: Bound, b: Bound) -> Bound:
    return 0 if a == 0 or b == 0 else a * b  # 0 x inf is 0 here: the variable is a finite integer


def add(a: Interval, b: Interval) -> Interval:
    return _clamp(a[0] + b[0], a[1] + b[1])


def subtract(a: Interval, b: Interval) -> Interval:
    return _clamp(a[0] - b[1], a[1] - b[0])


def multiply(a: Interval, b: Interval) -> Interval:
    products = [_times(x, y) for x in a for y in b]
    return _clamp(min(products), max(products))


def truncated_quotient(a: Interval, divisor: int) -> Interval:
    """``int(a / divisor)`` for a positive divisor: WinDev truncates a real stored in an integer (monotonic)."""

    def one(bound: Bound) -> Bound:
        return bound if math.isinf(bound) else int(bound / divisor) if bound % divisor else bound // divisor

    return one(a[0]), one(a[1])


def remainder(a: Interval, divisor: int) -> Interval:
    """``a % divisor`` for a positive divisor: the remainder has the sign of the dividend."""
    top = divisor - 1
    low = 0 if a[0] >= 0 else max(-top, a[0])
    high = 0 if a[1] <= 0 else min(top, a[1]) if a[0] >= 0 else top
    return (low, high)


def positive_literal(expr: Any) -> int | None:
    if isinstance(expr, n.Number) and type(expr.value) is int and expr.value > 0:
        return expr.value
    return None


_FLIPPED = {"<": ">", "<=": ">=", ">": "<", ">=": "<=", "=": "=", "<>": "<>"}
_NEGATED = {"<": ">=", "<=": ">", ">": "<=", ">=": "<", "=": "<>", "<>": "="}


def _narrow(value: Interval, op: str, other: Interval) -> Interval | None:
    """What ``value op other`` being true leaves of ``value`` (None: it cannot be true)."""
    low, high = value
    if op == "<":
        high = min(high, other[1] - 1)
    elif op == "<=":
        high = min(high, other[1])
    elif op == ">":
        low = max(low, other[0] + 1)
    elif op == ">=":
        low = max(low, other[0])
    elif op == "=":
        low, high = max(low, other[0]), min(high, other[1])
    elif op == "<>" and other[0] == other[1]:  # an end of the interval that the value is not
        low, high = (low + 1 if low == other[0] else low), (high - 1 if high == other[0] else high)
    return (low, high) if low <= high else None


_LOOPS = (n.For, n.While, n.Loop, n.ForEach, n.ForEachString)


class Analyser:
    """Walks one function body once per loop round, recording what each read may see."""

    def __init__(self, context: Context):
        self.cx = context
        self.facts = Facts()
        self._breaks: list[list[State]] = []
        self._continues: list[list[State]] = []
        self._seen: dict[tuple[int, frozenset[Any], frozenset[Any]], State | None] = {}

    # ------------------------------------------------------------------ expressions

    def value(self, expr: Any, state: State) -> Interval | None:
        """The interval of an integer expression in this state (None: unknown, or not an integer)."""
        if isinstance(expr, n.Number):
            return (expr.value, expr.value) if type(expr.value) is int else None
        if isinstance(expr, n.Name):
            key = self.cx.integer(expr)
            return state.ints.get(key) if key is not None else None
        if isinstance(expr, n.Negate) and self.cx.is_int(expr.operand):
            inner = self.value(expr.operand, state)
            if inner is None:
                return None
            return inner if expr.op == "+" else (-inner[1], -inner[0])
        if isinstance(expr, n.Binary) and self.cx.is_int(expr.left) and self.cx.is_int(expr.right):
            return self._binary(expr, state)
        return None

    def _binary(self, expr: n.Binary, state: State) -> Interval | None:
        left = self.value(expr.left, state)
        if expr.op == "%":
            divisor = positive_literal(expr.right)
            return remainder(left or TOP, divisor) if divisor is not None else None
        right = self.value(expr.right, state)
        if left is None or right is None:
            return None
        operations: dict[str, Callable[[Interval, Interval], Interval]] = {"+": add, "-": subtract, "*": multiply}
        operation = operations.get(expr.op)
        return operation(left, right) if operation is not None else None

    def stored(self, expr: Any, state: State) -> Interval | None:
        """The interval of the value an integer variable holds once ``expr`` is stored into it."""
        if isinstance(expr, n.Binary) and expr.op == "/" and self.cx.is_int(expr.left):
            divisor = positive_literal(expr.right)
            left = self.value(expr.left, state)
            if divisor is not None and left is not None:
                return truncated_quotient(left, divisor)
            return None
        return self.value(expr, state) if self.cx.is_int(expr) else None

    def read(self, expr: Any, state: State | None) -> None:
        """Record what the reads inside an expression see (a short-circuit operand: only when it is evaluated)."""
        if state is None or expr is None:
            return
        if isinstance(expr, n.Name):
            key = self.cx.integer(expr)
            if key is not None:
                seen = state.ints.get(key, TOP)
                known = self.facts.names.get(id(expr))
                self.facts.names[id(expr)] = seen if known is None else _hull(known, seen)
            return
        if isinstance(expr, n.Logical) and expr.op in ("AND_SC", "OR_SC"):
            self.read(expr.left, state)
            self.read(expr.right, self.refine(state, expr.left, expr.op == "AND_SC"))
            return
        if isinstance(expr, n.Index) and isinstance(expr.target, n.Name):
            key = self.cx.array(expr.target)
            if key is not None:
                size = state.sizes.get(key, 0)
                known = self.facts.sizes.get(id(expr))
                self.facts.sizes[id(expr)] = size if known is None else min(known, size)
        for child in n.children(expr):
            self.read(child, state)

    # ------------------------------------------------------------------ conditions

    def refine(self, state: State | None, cond: Any, truth: bool) -> State | None:
        """The state in which ``cond`` has just been found ``truth`` (None: it cannot be)."""
        if state is None:
            return None
        if isinstance(cond, n.Not):
            return self.refine(state, cond.operand, not truth)
        if isinstance(cond, n.Boolean):
            return state if cond.value == truth else None
        if isinstance(cond, n.Logical):
            both = cond.op in ("AND", "AND_SC")
            if both == truth:  # AND true, OR false: each side has that truth
                return self.refine(self.refine(state, cond.left, truth), cond.right, truth)
            return join(self.refine(state, cond.left, truth),
                        self.refine(self.refine(state, cond.left, not truth), cond.right, truth))
        if isinstance(cond, n.Compare) and cond.op in _NEGATED:
            if not (self.cx.is_int(cond.left) and self.cx.is_int(cond.right)):
                return state
            op = cond.op if truth else _NEGATED[cond.op]
            state = self._narrow_side(state, cond.left, op, cond.right)
            return self._narrow_side(state, cond.right, _FLIPPED[op], cond.left)
        if isinstance(cond, n.InRange) and truth and all(self.cx.is_int(e) for e in (cond.subject, cond.low, cond.high)):
            state = self._narrow_side(state, cond.subject, ">=", cond.low)
            return self._narrow_side(state, cond.subject, "<=", cond.high)
        return state

    def _narrow_side(self, state: State | None, side: Any, op: str, other: Any) -> State | None:
        if state is None or not isinstance(side, n.Name):
            return state
        return self._narrow_key(state, self.cx.integer(side), op, self.value(other, state))

    @staticmethod
    def _narrow_key(state: State, key: object | None, op: str, other: Interval | None) -> State | None:
        if key is None:
            return state
        narrowed = _narrow(state.ints.get(key, TOP), op, other or TOP)
        return None if narrowed is None else state.with_int(key, narrowed)

    # ------------------------------------------------------------------ statements

    def block(self, block: n.Block, state: State | None) -> State | None:
        for stmt in block:
            if state is None:
                return None  # what follows a BREAK, RETURN … is not reached this way
            state = self.statement(stmt, state)
        return state

    def statement(self, stmt: Any, state: State) -> State | None:
        changed = self.cx.changed_by_calls(stmt)
        if changed:
            state = state.forget(changed)
        method = getattr(self, f"s_{type(stmt).__name__.lower()}", None)
        if isinstance(stmt, _LOOPS):
            # a loop inside a loop is walked again on each round of the outer one, mostly from the same state:
            # the same state gives the same result and records the same facts
            seen = (id(stmt), frozenset(state.ints.items()), frozenset(state.sizes.items()))
            if seen not in self._seen:
                self._seen[seen] = method(stmt, state)
            return self._seen[seen]
        if method is None:  # a statement the analysis does not follow: it reads and may change what it names
            for expr in n.statement_exprs(stmt):
                self.read(expr, state)
            return state.forget(self._assigned(stmt))
        return method(stmt, state)

    def s_declare(self, stmt: n.Declare, state: State) -> State:
        self.read(stmt.init, state)
        stored = self.stored(stmt.init, state) if stmt.init is not None else (0, 0)
        grown = self._appended(stmt.init, state)
        for name in stmt.names:
            key = self.cx.integer(name)
            if key is not None:
                grown = grown.with_int(key, stored)
            array = self.cx.array(name)
            if array is not None:
                grown = grown.copy()
                grown.sizes[array] = stmt.type.size or 0
        return grown

    def s_scope(self, stmt: n.Scope, state: State) -> State:
        return self.s_declare(stmt.declaration, state) if stmt.declaration is not None else state

    def s_assign(self, stmt: n.Assign, state: State) -> State:
        self.read(stmt.value, state)
        target = stmt.target
        if not isinstance(target, n.Name):
            self.read(target, state)
            return self._appended(stmt.value, state)
        key = self.cx.integer(target)
        after = self._appended(stmt.value, state)
        if key is None:
            return after
        if stmt.op == "=":
            return after.with_int(key, self.stored(stmt.value, state))
        combined = n.Binary(stmt.op[0], target, stmt.value)
        if stmt.op == "/=":
            return after.with_int(key, self.stored(combined, state))
        return after.with_int(key, self.value(combined, state) if self.cx.is_int(stmt.value) else None)

    def s_incdec(self, stmt: n.IncDec, state: State) -> State:
        self.read(stmt.target, state)
        key = self.cx.integer(stmt.target) if isinstance(stmt.target, n.Name) else None
        if key is None:
            return state
        known = state.ints.get(key)
        step = (1, 1) if stmt.op == "++" else (-1, -1)
        return state.with_int(key, add(known, step) if known is not None else None)

    def s_exprstmt(self, stmt: n.ExprStmt, state: State) -> State:
        self.read(stmt.expr, state)
        return self._appended(stmt.expr, state)

    def _appended(self, expr: Any, state: State) -> State:
        """After a statement whose value is ``t.Add(x)``: the array holds one more element."""
        if not isinstance(expr, n.Call):
            return state
        array = self.cx.appends_to(expr)
        if array is None or array not in state.sizes:
            return state
        grown = state.copy()
        grown.sizes[array] += 1
        return grown

    def s_if(self, stmt: n.If, state: State) -> State | None:
        ends: list[State | None] = []
        rest: State | None = state
        for cond, body in stmt.branches:
            self.read(cond, rest)
            ends.append(self.block(body, self.refine(rest, cond, True)))
            rest = self.refine(rest, cond, False)
        ends.append(self.block(stmt.orelse, rest) if stmt.orelse is not None else rest)
        return join(*ends)

    def s_switch(self, stmt: n.Switch, state: State) -> State | None:
        self.read(stmt.subject, state)
        ends: list[State | None] = []
        for case in stmt.cases:
            for value in case.values:
                self.read(value.value, state)
                self.read(value.high, state)
            ends.append(self.block(case.body, self._case(state, stmt.subject, case)))
        ends.append(self.block(stmt.default, self._no_case(state, stmt)) if stmt.default is not None else state)
        return join(*ends)

    def _no_case(self, state: State, stmt: n.Switch) -> State | None:
        """The state in which OTHER CASE is taken: an integer subject is none of the single values above."""
        if not (isinstance(stmt.subject, n.Name) and self.cx.integer(stmt.subject) is not None):
            return state
        rest: State | None = state
        for case in stmt.cases:
            for value in case.values:
                if value.kind in ("equal", "compare") and value.op in _NEGATED and self.cx.is_int(value.value):
                    rest = self._narrow_side(rest, stmt.subject, _NEGATED[value.op], value.value)
        return rest

    def _case(self, state: State, subject: Any, case: n.Case) -> State | None:
        """The state in which a CASE of an integer subject is taken: the subject within one of its values."""
        if not (isinstance(subject, n.Name) and self.cx.integer(subject) is not None and self.cx.is_int(subject)):
            return state
        taken: list[State | None] = []
        for value in case.values:
            if not self.cx.is_int(value.value) or (value.high is not None and not self.cx.is_int(value.high)):
                return state
            if value.kind == "range" and value.high is not None:
                taken.append(self._narrow_side(self._narrow_side(state, subject, ">=", value.value), subject, "<=",
                                               value.high))
            elif value.kind in ("equal", "compare") and value.op in _NEGATED:
                taken.append(self._narrow_side(state, subject, value.op, value.value))
            else:
                return state
        return join(*taken)

    def s_compileif(self, stmt: n.CompileIf, state: State) -> State | None:
        branch = self.cx.compiled_branch(stmt)
        return self.block(branch, state) if branch is not None else state

    def s_break(self, stmt: n.Break, state: State) -> None:
        if self._breaks:
            self._breaks[-1].append(state)

    def s_continue(self, stmt: n.Continue, state: State) -> None:
        if self._continues:
            self._continues[-1].append(state)

    def s_return(self, stmt: n.Return, state: State) -> None:
        return None

    def s_result(self, stmt: n.Result, state: State) -> None:
        self.read(stmt.value, state)

    def s_procedure(self, stmt: n.Procedure, state: State) -> State:
        return state  # an internal procedure is a function of its own

    def s_try(self, stmt: n.Try, state: State) -> State | None:
        done = self.block(stmt.body, state)
        if stmt.orelse is not None:
            done = self.block(stmt.orelse, done)
        # the handler may start after any statement of the body: what the body changes is not known there
        caught = self.block(stmt.handler, state.forget(self._assigned(stmt)))
        return join(done, caught)

    # ------------------------------------------------------------------ loops

    def _loop(self, entry: State, stmt: Any, round_: Callable[[State], tuple[State | None, State | None]]) -> State | None:
        """Iterate a loop to its fixed point. ``round_(head)`` walks one round from the loop's head and gives the
        state in which the loop leaves by its test and the state that goes back to the head."""
        head = entry
        for number in range(_MOST_ROUNDS):
            self._breaks.append([])
            self._continues.append([])
            leaving, back = round_(head)
            breaks, continues = self._breaks.pop(), self._continues.pop()
            following = join(entry, back, *continues)
            assert following is not None
            if number >= _WIDEN_AFTER:
                following = _widen(head, following)
            if following == head:
                return join(leaving, *breaks)
            head = following
        # not settled (never seen): go round once more knowing nothing of what the loop changes
        forgotten = entry.forget(self._assigned(stmt))
        self._breaks.append([])
        self._continues.append([])
        round_(forgotten)
        self._breaks.pop()
        self._continues.pop()
        return forgotten

    def s_while(self, stmt: n.While, state: State) -> State | None:
        def round_(head: State) -> tuple[State | None, State | None]:
            self.read(stmt.condition, head)
            back = self.block(stmt.body, self.refine(head, stmt.condition, True))
            return self.refine(head, stmt.condition, False), back

        return self._loop(state, stmt, round_)

    def s_loop(self, stmt: n.Loop, state: State) -> State | None:
        self.read(stmt.count, state)

        def round_(head: State) -> tuple[State | None, State | None]:
            return (head if stmt.count is not None else None), self.block(stmt.body, head)

        return self._loop(state, stmt, round_)

    def s_foreach(self, stmt: n.ForEach, state: State) -> State | None:
        self.read(stmt.iterable, state)
        return self._each(stmt, list(stmt.names), state)

    def s_foreachstring(self, stmt: n.ForEachString, state: State) -> State | None:
        self.read(stmt.source, state)
        self.read(stmt.separator, state)
        return self._each(stmt, [stmt.var], state)

    def _each(self, stmt: Any, names: list[str], state: State) -> State | None:
        keys = [key for key in (self.cx.integer(name) for name in names) if key is not None]

        def round_(head: State) -> tuple[State | None, State | None]:
            return head, self.block(stmt.body, head.forget(keys))

        return self._loop(state, stmt, round_)

    def s_for(self, stmt: n.For, state: State) -> State | None:
        for part in (stmt.start, stmt.stop, stmt.step):
            self.read(part, state)
        key = self.cx.integer(stmt.var)
        step = self.value(stmt.step, state) if stmt.step is not None else (1, 1)
        upward = step is not None and step[0] > 0
        downward = step is not None and step[1] < 0
        once = self.value(stmt.stop, state) if stmt.once else None
        entry = state.with_int(key, self.stored(stmt.start, state)) if key is not None else state

        def round_(head: State) -> tuple[State | None, State | None]:
            if not stmt.once:
                self.read(stmt.stop, head)
            bound = once if stmt.once else self.value(stmt.stop, head)
            inside: State | None = head
            if key is not None and (upward or downward):
                inside = self._narrow_key(head, key, "<=" if upward else ">=", bound)
            back = join(self.block(stmt.body, inside), *self._continues[-1])
            self._continues[-1].clear()  # a CONTINUE goes on with the next value, as the end of the body does
            if back is not None and key is not None:
                current = back.ints.get(key)
                back = back.with_int(key, add(current, step) if current is not None and step is not None else None)
            return head, back

        left = self._loop(entry, stmt, round_)
        return self._counted(stmt, state, left)

    def _counted(self, stmt: n.For, before: State, left: State | None) -> State | None:
        """A FOR over fixed bounds that always runs to its end appends to an array once per round for each
        ``t.Add(x)`` at the top of its body: the array holds that many more elements afterwards."""
        if left is None:
            return None
        start, stop = self.value(stmt.start, before), self.value(stmt.stop, before)
        step = 1 if stmt.step is None else positive_literal(stmt.step)
        if start is None or stop is None or step is None or start[0] != start[1] or stop[0] != stop[1]:
            return left
        if not isinstance(stmt.stop, n.Number) or _leaves_early(stmt.body) or self._writes_var(stmt):
            return left
        rounds = max(0, (stop[0] - start[0]) // step + 1)
        counts: dict[object, int] = {}
        for inner in stmt.body:
            if isinstance(inner, n.ExprStmt) and isinstance(inner.expr, n.Call):
                array = self.cx.appends_to(inner.expr)
                if array is not None:
                    counts[array] = counts.get(array, 0) + 1
        declared = {self.cx.array(name) for inner in n.walk(stmt.body) if isinstance(inner, n.Declare)
                    for name in inner.names}
        grown = left.copy()
        for array, count in counts.items():
            if array not in declared:
                grown.sizes[array] = max(left.sizes.get(array, 0), before.sizes.get(array, 0) + count * rounds)
        return grown

    def _writes_var(self, stmt: n.For) -> bool:
        key = self.cx.integer(stmt.var)
        return key is None or key in self._assigned_block(stmt.body)

    # ------------------------------------------------------------------ what a statement may change

    def _assigned(self, stmt: Any) -> set[object]:
        return self._assigned_block((stmt,))

    def _assigned_block(self, block: n.Block) -> set[object]:
        keys: set[object] = set()
        for stmt in n.walk(block):
            names: list[Any] = []
            if isinstance(stmt, (n.Declare, n.Scope)):
                declared = stmt if isinstance(stmt, n.Declare) else stmt.declaration
                names = list(declared.names) if declared is not None else []
            elif isinstance(stmt, (n.Assign, n.IncDec)) and isinstance(stmt.target, n.Name):
                names = [stmt.target]
            elif isinstance(stmt, (n.For, n.ForEachString)):
                names = [stmt.var]
            elif isinstance(stmt, n.ForEach):
                names = list(stmt.names)
            for name in names:
                keys.add(self.cx.integer(name))
                keys.add(self.cx.array(name))
            keys |= self.cx.changed_by_calls(stmt)
            for expr in n.statement_exprs(stmt):
                for node in n.walk_expr(expr):
                    if isinstance(node, n.Call):
                        keys.add(self.cx.appends_to(node))
        keys.discard(None)
        return keys


def _leaves_early(block: n.Block) -> bool:
    """Whether a loop body may end its loop before its last round or skip part of a round (exceptions aside)."""
    return any(isinstance(stmt, (n.Break, n.Continue, n.Return, n.Result, n.Try)) for stmt in n.walk(block))


def analyse(body: n.Block, context: Context, initial: dict[object, Interval] | None = None) -> Facts:
    """The facts of one function body, starting from what is known of its parameters."""
    analyser = Analyser(context)
    analyser.block(body, State(dict(initial or {})))
    return analyser.facts
