"""wlinterp: parse, check and run WLanguage (WinDev/WebDev) email code on any machine.

The Python API mirrors the command line::

    from wlinterp import run_text
    outcome = run_text('Trace("Hello")')
    outcome.report()["output"]   # [{'kind': 'trace', 'text': 'Hello'}]
"""

from __future__ import annotations

from typing import IO, TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:  # pragma: no cover
    from .pipeline import Compiled, Outcome
    from .runtime import RunOptions

__all__ = ["__version__", "check_text", "run_text", "transpile"]


def check_text(text: str, path: str = "<input>", options: RunOptions | None = None) -> Compiled:
    """Parse and check program text; the result's ``diagnostics`` lists every problem."""
    from .pipeline import compile_source
    from .source import Source

    return compile_source(Source(text, path), options)


def run_text(text: str, path: str = "<input>", options: RunOptions | None = None, stdout: IO[str] | None = None,
             **option_values: Any) -> Outcome:
    """Compile and run program text; ``option_values`` are RunOptions fields (``lenient=True`` …)."""
    import io

    from .pipeline import run_source
    from .runtime import RunOptions as _RunOptions
    from .source import Source

    options = options or _RunOptions(**option_values)
    return run_source(Source(text, path), options, stdout if stdout is not None else io.StringIO())


def transpile(source: str, style: str = "faithful", path: str = "<input>.wl", lenient: bool = False) -> str:
    """The program as a Python module (``style`` is ``faithful`` or ``idiomatic``).

    A program with compile errors, or with a construct the transpiler cannot write faithfully,
    raises ``CompileErrors`` carrying the diagnostics.
    """
    from .errors import CompileErrors
    from .pipeline import compile_source, transpile_compiled
    from .runtime import RunOptions as _RunOptions
    from .source import Source
    from .transpiler import TranspileError

    compiled = compile_source(Source(source, path), _RunOptions(lenient=lenient))
    if not compiled.ok:
        raise CompileErrors([d for d in compiled.diagnostics if d.severity == "error"])
    try:
        return transpile_compiled(compiled, style, lenient).text
    except TranspileError as error:
        raise CompileErrors(error.diagnostics) from None
