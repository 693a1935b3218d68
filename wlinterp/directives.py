"""Evaluates ``<COMPILE IF …>`` conditions against the build configuration (a WinDev desktop executable by default)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from . import nodes as n
from . import semantics as sem
from .errors import WLRuntimeError
from .registry import REGISTRY
from .runtime import RunOptions

__all__ = ["compile_condition"]


def compile_condition(condition: n.Expr, options: RunOptions) -> bool:
    """Is the ``<COMPILE IF>`` branch compiled? Names other than the configuration ones read as their own text
    (``ConfigurationType = Android`` compares with the symbol ``Android``)."""
    return sem.to_bool(_value(condition, options))


def _value(expr: n.Expr, options: RunOptions) -> Any:
    if isinstance(expr, n.Name):
        entry = REGISTRY.lookup(expr.name)
        if entry is not None and entry.kind == "variable":
            try:
                return entry.impl(SimpleNamespace(options=options))  # type: ignore[misc]
            except AttributeError:
                pass  # a run-time variable (ErrorOccurred …) means nothing at compile time
        return expr.name
    if isinstance(expr, (n.String, n.Number, n.Boolean)):
        return expr.value
    if isinstance(expr, n.Compare):
        left, right = _value(expr.left, options), _value(expr.right, options)
        if expr.op in ("=", "<>") and isinstance(left, str) and isinstance(right, str):
            same = sem.compare("~=", left, right)  # configuration names match whatever their case
            return same if expr.op == "=" else not same
        return sem.compare(expr.op, left, right)
    if isinstance(expr, n.Logical):
        left, right = sem.to_bool(_value(expr.left, options)), sem.to_bool(_value(expr.right, options))
        return left and right if expr.op in ("AND", "AND_SC") else left or right
    if isinstance(expr, n.Not):
        return not sem.to_bool(_value(expr.operand, options))
    raise WLRuntimeError("a <COMPILE IF> condition compares Configuration or ConfigurationType with a value", expr.span)

