"""Renders diagnostics the way GCC does: ``file:line:col: error: message``, the source line, a caret, a hint."""

from __future__ import annotations

import os
from typing import IO

from .errors import Diagnostic
from .source import Source

__all__ = ["render", "render_all", "use_color"]

_COLORS = {"error": "\033[1;31m", "warning": "\033[1;35m", "hint": "\033[1;36m", "caret": "\033[1;32m", "bold": "\033[1m"}
_RESET = "\033[0m"


def use_color(stream: IO[str]) -> bool:
    return "NO_COLOR" not in os.environ and hasattr(stream, "isatty") and stream.isatty()


def render(diagnostic: Diagnostic, source: Source | None, color: bool = False) -> str:
    """One diagnostic as text, without a trailing newline."""

    def paint(kind: str, text: str) -> str:
        return f"{_COLORS[kind]}{text}{_RESET}" if color else text

    span = diagnostic.span
    where = f"{diagnostic.file}:{span.line}:{span.column}" if span else diagnostic.file
    lines = [f"{paint('bold', where + ':')} {paint(diagnostic.severity, diagnostic.severity + ':')} {diagnostic.message}"]
    if span is not None and source is not None:
        text = source.line_text(span.line)
        if text.strip():
            number = str(span.line)
            gutter = " " * len(number)
            width = span.end_column - span.column if span.end_line == span.line else len(text) - span.column + 1
            width = max(1, min(width, len(text) - span.column + 1))
            # keep the source's tabs so that the caret lines up in any terminal
            prefix = "".join(c if c == "\t" else " " for c in text[: span.column - 1])
            lines.append(f" {number} | {text}")
            lines.append(f" {gutter} | {prefix}{paint('caret', '^' + '~' * (width - 1))}")
    if diagnostic.hint:
        lines.append(f"{paint('hint', 'hint:')} {diagnostic.hint}")
    return "\n".join(lines)


def render_all(diagnostics: list[Diagnostic], source: Source | None, stream: IO[str]) -> None:
    color = use_color(stream)
    for diagnostic in diagnostics:
        stream.write(render(diagnostic, source, color) + "\n")
    stream.flush()
