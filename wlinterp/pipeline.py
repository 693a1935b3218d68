"""Takes a program through its stages in order: parse, check, run; and says how the run ended."""

from __future__ import annotations

import sys
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from .checker import CheckResult, check
from .errors import Diagnostic, WLException, WLRuntimeError
from .interpreter import Interpreter
from .parser import ParseResult, parse
from .runtime import RunOptions, Runtime
from .source import Source
from .vocabulary import VOCABULARY

__all__ = [
    "EXIT_COMPILE", "EXIT_OK", "EXIT_RUNTIME", "Compiled", "Outcome", "compile_source", "deep_enough",
    "fatal_diagnostic", "internal_diagnostic", "run_compiled", "run_source", "run_transpiled", "transpile_compiled",
]

EXIT_OK, EXIT_RUNTIME, EXIT_COMPILE = 0, 1, 2

# Deep but legal programs (500 nested IFs, deep recursion) need more than Python's default.
_RECURSION_LIMIT = 20_000


@dataclass
class Compiled:
    """A parsed and checked program."""

    source: Source
    parsed: ParseResult
    checked: CheckResult | None
    diagnostics: list[Diagnostic]

    @property
    def ok(self) -> bool:
        return self.parsed.program is not None and not any(d.severity == "error" for d in self.diagnostics)


@dataclass
class Outcome:
    """How a run ended, with everything its report holds."""

    status: str  # "ok" | "runtime-error" | "compile-error"
    diagnostics: list[Diagnostic]
    runtime: Runtime | None = None
    compiled: Compiled | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def exit_code(self) -> int:
        return {"ok": EXIT_OK, "runtime-error": EXIT_RUNTIME}.get(self.status, EXIT_COMPILE)

    def report(self) -> dict[str, Any]:
        if self.runtime is not None:
            return self.runtime.report(self.status, self.diagnostics)
        return {
            "status": self.status,
            "diagnostics": [d.as_report() for d in self.diagnostics],
            "output": [],
            "error_occurred": False,
            "error_info": "",
            "messages": [],
        }


def deep_enough() -> None:
    if sys.getrecursionlimit() < _RECURSION_LIMIT:
        sys.setrecursionlimit(_RECURSION_LIMIT)


def compile_source(source: Source, options: RunOptions | None = None) -> Compiled:
    """Parse and check; every problem found is in ``diagnostics``, sorted by position."""
    options = options or RunOptions()
    deep_enough()
    try:
        parsed = parse(source)
    except Exception as exc:  # noqa: BLE001 - a bug of ours must still end as a diagnostic
        parsed = ParseResult(source, None, [internal_diagnostic(exc, "syntax", source.path)])
    diagnostics = list(parsed.diagnostics)
    checked = None
    if parsed.ok:
        try:
            checked = check(parsed.program, source.path, options, parsed.keywords)  # type: ignore[arg-type]
            diagnostics.extend(checked.diagnostics)
        except RecursionError:
            diagnostics.append(Diagnostic("error", "syntax", "the program is nested too deeply to check", None, "", source.path))
        except Exception as exc:  # noqa: BLE001
            diagnostics.append(internal_diagnostic(exc, "syntax", source.path))
    diagnostics.sort(key=lambda d: (d.span.line, d.span.column) if d.span else (0, 0))
    return Compiled(source, parsed, checked, diagnostics)


def run_compiled(compiled: Compiled, options: RunOptions, stdout: IO[str] | None = None) -> Outcome:
    """Run a program that compiled; a fatal WLanguage error ends it with status runtime-error."""
    if not compiled.ok:
        return Outcome("compile-error", compiled.diagnostics, compiled=compiled)
    runtime = Runtime(options, stdout)
    interpreter = Interpreter(compiled.parsed.program, runtime, lenient=options.lenient)  # type: ignore[arg-type]
    for name, value in options.defines.items():
        interpreter.define(name, value)
    diagnostics = list(compiled.diagnostics)
    status = "ok"
    try:
        interpreter.run()
    except WLRuntimeError as error:
        status = "runtime-error"
        lang = compiled.checked.language if compiled.checked else "en"
        diagnostics.append(fatal_diagnostic(error, compiled.source.path, lang))
    except RecursionError:
        status = "runtime-error"
        diagnostics.append(Diagnostic("error", "runtime", "stack overflow: procedure calls or expressions nested too deeply", None, "", compiled.source.path))
    except MemoryError:
        status = "runtime-error"
        diagnostics.append(Diagnostic("error", "runtime", "the program ran out of memory", None,
                                      "look for an array or a string that grows without end", compiled.source.path))
    except Exception as exc:  # noqa: BLE001 - a bug of ours must still end as a diagnostic and a report
        status = "runtime-error"
        diagnostics.append(internal_diagnostic(exc, "runtime", compiled.source.path))
    finally:
        runtime.close()
    return Outcome(status, diagnostics, runtime, compiled)


def fatal_diagnostic(error: WLRuntimeError, path: str, lang: str) -> Diagnostic:
    message = error.message
    thrown = isinstance(error, WLException)
    if thrown and error.code:
        message = f"exception {error.code} not handled: {message}"
    hint = error.hint
    if not hint and thrown:
        words = [VOCABULARY.spelling(t, lang) for t in ("WHEN_EXCEPTION_IN", "DO", "END")]
        hint = "catch it with {} … {} … {}".format(*words)
    return Diagnostic("error", error.diagnostic_code, message, error.span, hint, path)


def internal_diagnostic(exc: Exception, code: str, path: str) -> Diagnostic:
    """A bug in wlinterp itself: said plainly, with what to report, never as a traceback."""
    where = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
    at = f" ({Path(where.filename).name}:{where.lineno})" if where else ""
    return Diagnostic(
        "error", code, f"internal error in wlinterp: {type(exc).__name__}: {exc}{at}", None,
        "this is a bug in wlinterp, not in your program; please report it with the program that caused it", path,
    )


def run_source(source: Source, options: RunOptions | None = None, stdout: IO[str] | None = None) -> Outcome:
    """Compile and run in one go (what ``wlinterp run`` does)."""
    options = options or RunOptions()
    return run_compiled(compile_source(source, options), options, stdout)


def transpile_compiled(compiled: Compiled, style: str = "faithful", lenient: bool = False) -> Any:
    """The Python module for a program that compiled (a ``Transpiled``); TranspileError says what cannot be written."""
    from .transpiler import TranspileError, transpile_program

    if style == "idiomatic":
        from .idiomatic import transpile_idiomatic

        return transpile_idiomatic(compiled, lenient=lenient)
    if style != "faithful":
        raise TranspileError([Diagnostic(
            "error", "unsupported", f"there is no {style} style: faithful or idiomatic", None, "", compiled.source.path,
        )])
    if not compiled.ok:
        raise TranspileError([d for d in compiled.diagnostics if d.severity == "error"])
    return transpile_program(compiled.parsed.program, compiled.parsed.comments,  # type: ignore[arg-type]
                             compiled.source.path, lenient=lenient)


def run_transpiled(compiled: Compiled, options: RunOptions, stdout: IO[str] | None = None) -> Outcome:
    """``wlinterp run --engine python``: transpile, then run the Python; the same output and report as the interpreter."""
    from .transpiler import TranspileError

    if not compiled.ok:
        return Outcome("compile-error", compiled.diagnostics, compiled=compiled)
    try:
        transpiled = transpile_compiled(compiled, "faithful", options.lenient)
    except TranspileError as error:
        return Outcome("compile-error", compiled.diagnostics + error.diagnostics, compiled=compiled)
    filename = f"<{compiled.source.path} transpiled>"
    namespace: dict[str, Any] = {"__name__": "wlinterp_transpiled", "__file__": filename}
    exec(compile(transpiled.text, filename, "exec"), namespace)  # noqa: S102 - our own generated module
    program = namespace["wl"]
    program.source_name = compiled.source.path  # diagnostics name the file as the interpreter's do
    outcome = program.execute(namespace["main"], options, stdout)
    outcome.diagnostics[:0] = compiled.diagnostics
    outcome.compiled = compiled
    return outcome
