"""The two error channels' Python side: diagnostics about the program, and the exceptions that carry them."""

from __future__ import annotations

from dataclasses import dataclass, field

from .source import Span

__all__ = [
    "CODES",
    "CompileErrors",
    "Diagnostic",
    "TooManyErrors",
    "WLException",
    "WLRuntimeError",
]

# The diagnostic codes of the run report (design §6).
CODES = ("syntax", "undeclared", "unknown-function", "arity", "type", "runtime", "unsupported")
# a message quoting a 5 MB token must not be 5 MB long
MESSAGE_LIMIT = 500


def _shortened(text: str) -> str:
    return text if len(text) <= MESSAGE_LIMIT else text[: MESSAGE_LIMIT - 1] + "…"


@dataclass(frozen=True)
class Diagnostic:
    """One problem in the program, at a place, with an optional hint."""

    severity: str  # "error" | "warning"
    code: str
    message: str
    span: Span | None
    hint: str = ""
    file: str = "<input>"

    def __post_init__(self) -> None:
        object.__setattr__(self, "message", _shortened(self.message))
        object.__setattr__(self, "hint", _shortened(self.hint))

    def as_report(self) -> dict[str, object]:
        return {
            "severity": self.severity,
            "code": self.code,
            "file": self.file,
            "line": self.span.line if self.span else 0,
            "col": self.span.column if self.span else 0,
            "message": self.message,
            "hint": self.hint,
        }


class CompileErrors(Exception):
    """The program cannot run: it holds these diagnostics (at least one error)."""

    def __init__(self, diagnostics: list[Diagnostic]):
        super().__init__(f"{sum(d.severity == 'error' for d in diagnostics)} error(s)")
        self.diagnostics = diagnostics


class TooManyErrors(Exception):
    """Raised inside a stage when it has reported as many errors as anyone will read."""


@dataclass
class WLRuntimeError(Exception):
    """A fatal WLanguage error while running: it becomes an exception the program can catch.

    ``code`` follows WinDev's error numbers where they are known; ``span`` is filled in by the
    interpreter at the statement that failed when the raiser did not know it.
    """

    message: str
    span: Span | None = None
    code: int = 0
    hint: str = ""
    diagnostic_code: str = "runtime"
    procedure: str = ""
    frames: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        return self.message


class WLException(WLRuntimeError):
    """An exception thrown by the program itself with ExceptionThrow."""
