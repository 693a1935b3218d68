"""Source text and positions: what a program file holds and where each piece of it sits."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Source", "SourceError", "Span", "ident_key", "read_source"]


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of source: 1-based line and column of its start, and the position just past its end.

    Columns count characters, so a tab is one column, on the screen as in the run report.
    """

    line: int
    column: int
    end_line: int
    end_column: int

    def to(self, other: Span | None) -> Span:
        """The span from the start of this one to the end of `other`."""
        if other is None:
            return self
        return Span(self.line, self.column, other.end_line, other.end_column)


class SourceError(Exception):
    """The file cannot be read as program text (missing, unreadable, binary)."""


@dataclass(frozen=True)
class Source:
    """A program's text with the name it is reported under."""

    text: str
    path: str = "<input>"

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, without its line break ('' when out of range)."""
        lines = self._lines()
        return lines[line - 1] if 1 <= line <= len(lines) else ""

    def _lines(self) -> list[str]:
        cached = self.__dict__.get("_line_cache")
        if cached is None:
            cached = self.text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
            object.__setattr__(self, "_line_cache", cached)
        return cached


# far beyond any real program (the robustness tests run 5 MB files)
MAX_SOURCE_BYTES = 64_000_000


def read_source(path: str | Path) -> Source:
    """Read a program file: UTF-8 (with or without BOM), else Windows-1252 as older WinDev exports are."""
    file = Path(path)
    try:
        with file.open("rb") as stream:
            data = stream.read(MAX_SOURCE_BYTES + 1)  # bounded: /dev/zero is not a program
    except FileNotFoundError:
        raise SourceError(f"no such file: {path}") from None
    except IsADirectoryError:
        raise SourceError(f"{path} is a directory, not a program file") from None
    except OSError as exc:
        raise SourceError(f"cannot read {path}: {exc.strerror}") from None
    if len(data) > MAX_SOURCE_BYTES:
        raise SourceError(f"{path} is larger than {MAX_SOURCE_BYTES // 1_000_000} MB: not a program wlinterp can read")
    if b"\x00" in data:
        raise SourceError(f"{path} is not a text file (it contains NUL bytes)")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    return Source(text, str(path))


_KEY_CACHE: dict[str, str] = {}


def ident_key(word: str) -> str:
    """The form under which names are compared: case-folded, accents removed.

    WinDev ignores case in every name and accepts keywords and built-in names with or
    without their accents (``chaine`` = ``chaîne``).
    """
    key = _KEY_CACHE.get(word)
    if key is None:
        folded = word.casefold()
        if not folded.isascii():
            decomposed = unicodedata.normalize("NFD", folded)
            folded = "".join(c for c in decomposed if not unicodedata.combining(c))
        key = _KEY_CACHE[word] = folded
    return key
