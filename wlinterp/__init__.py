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

__all__ = ["__version__", "check_text", "run_text"]


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
