"""The state one run shares between the program and its built-ins: output, error state, event loop, run report.

Generated Python (the transpiler's output) uses this object exactly as the interpreter does,
so both produce the same run report (design §8).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from typing import IO, Any

from .errors import Diagnostic, WLRuntimeError

__all__ = ["OutputEntry", "RunOptions", "Runtime"]


@dataclass
class RunOptions:
    """How a run is set up: the command line's options, in one place."""

    lenient: bool = False
    defines: dict[str, str] = field(default_factory=dict)
    smtp: str = "capture"  # "capture" | "live" | "HOST:PORT"
    # where mail is read from; "" follows --smtp (capture with capture, the real servers otherwise)
    pop3: str = ""
    imap: str = ""
    outbox: str = "wl-outbox"
    lang: str = "auto"
    # where OAuth tokens may be kept between runs; None (the default) keeps them in memory only
    token_cache: str | None = None
    # the <COMPILE IF> configuration: a WinDev desktop executable by default
    configuration: str = "Windows 64-bit executable"
    configuration_type: str = "Windows"


@dataclass
class OutputEntry:
    kind: str  # trace | info | error | warning
    text: str


_LABELS = {"info": "Info", "error": "Error", "warning": "Warning"}


class Runtime:
    """Output, WLanguage error state, the event loop and what a run reports at its end."""

    def __init__(self, options: RunOptions | None = None, stdout: IO[str] | None = None):
        self.options = options or RunOptions()
        self.stdout = stdout if stdout is not None else sys.stdout
        self.output: list[OutputEntry] = []
        self.messages: list[dict[str, Any]] = []
        self.error_occurred = False
        self.error_message = ""
        self.error_code = 0
        self.error_details = ""
        self.current_exception: WLRuntimeError | None = None
        self._loop: Any = None
        self._closers: list[Callable[[], None]] = []
        # per-library state (email sessions …), keyed by the library's name
        self.state: dict[str, Any] = {}
        self._secrets: set[str] = set()

    # ------------------------------------------------------------------ output

    # ------------------------------------------------------------------ secrets

    def register_secret(self, value: str) -> None:
        """A password, token or client secret: it is masked wherever the run shows or reports text."""
        if value and len(value) >= 3:
            self._secrets.add(value)

    def redact(self, text: str) -> str:
        for secret in sorted(self._secrets, key=len, reverse=True):
            if secret in text:
                text = text.replace(secret, "********")
        return text

    def emit(self, kind: str, text: str) -> None:
        """Show one Trace/Info/Error/Warning and keep it for the report."""
        text = self.redact(text.replace("\r\n", "\n").replace("\r", "\n"))
        self.output.append(OutputEntry(kind, text))
        label = _LABELS.get(kind)
        if label is None:
            shown = text
        else:
            indent = " " * (len(label) + 2)
            shown = f"{label}: " + text.replace("\n", "\n" + indent)
        try:
            self.stdout.write(shown + "\n")
            self.stdout.flush()
        except (OSError, ValueError):
            pass  # a closed pipe must not stop the program; the report still has the text

    # ------------------------------------------------------------------ WLanguage error state

    def clear_error(self) -> None:
        """A function that can fail starts by clearing ErrorOccurred (design §4)."""
        self.error_occurred = False

    def fail(self, message: str, code: int = 1, details: str = "") -> bool:
        """Record a failed operation as WLanguage state; returns False for the caller to return."""
        self.error_occurred = True
        self.error_message = message
        self.error_code = code
        self.error_details = details or message
        return False

    # ------------------------------------------------------------------ async built-ins

    def run_async(self, coroutine: Coroutine[Any, Any, Any]) -> Any:
        """Await an async built-in on the run's one event loop (made on first use)."""
        if self._loop is None:
            import asyncio

            self._loop = asyncio.new_event_loop()
        return self._loop.run_until_complete(coroutine)

    @property
    def loop(self) -> Any:
        if self._loop is None:
            import asyncio

            self._loop = asyncio.new_event_loop()
        return self._loop

    def on_close(self, closer: Callable[[], None]) -> None:
        """Run ``closer`` when the run ends (sessions still open are closed then, design §5)."""
        self._closers.append(closer)

    def close(self) -> None:
        while self._closers:
            closer = self._closers.pop()
            try:
                closer()
            except Exception as exc:  # noqa: BLE001 - a failing cleanup must not hide the run's outcome
                self.emit("warning", f"while ending the run: {exc}")
        if self._loop is not None:
            try:
                self._loop.run_until_complete(self._loop.shutdown_asyncgens())
            finally:
                self._loop.close()
                self._loop = None

    # ------------------------------------------------------------------ the run report

    def report(self, status: str, diagnostics: list[Diagnostic]) -> dict[str, Any]:
        return {
            "status": status,
            "diagnostics": [d.as_report() for d in diagnostics],
            "output": [{"kind": e.kind, "text": e.text} for e in self.output],
            "error_occurred": self.error_occurred,
            "error_info": self.redact(self.error_message),
            "messages": list(self.messages),
        }
