"""The grammar's LALR tables: computed by Lark from grammar/wlanguage.lark, cached as plain data so a run needs no Lark.

Lark does the grammar analysis once (the first run, or after the grammar changes) and the
tables it produces — states, actions and, for each rule, how its children are shaped — are
written with ``marshal`` to the user's cache. Later runs load them in a millisecond or two and
drive them with wlinterp's own LALR loop (wlinterp/parser.py).
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import grammar

__all__ = ["Tables", "RuleShape", "load_tables", "lark_parser", "START_SYMBOLS"]

START_SYMBOLS = ("program", "interpolation")
# bump when the cached format changes
_FORMAT = 2


@dataclass(frozen=True)
class RuleShape:
    """How one grammar rule turns its children into a value (Lark's tree-shaping rules, precomputed).

    ``include`` lists (child index, inline it, placeholders to insert before it); ``trailing`` is
    the number of placeholders after the last child; ``builder`` is the AST builder method to
    call, or "" for Lark's internal helper rules, whose children are inlined into the parent.
    """

    origin: str
    size: int
    builder: str
    expand_single: bool
    include: tuple[tuple[int, bool, int], ...] | None
    trailing: int


@dataclass
class Tables:
    """Actions by state: terminal or rule name → (True, next state) to shift or (False, rule index) to reduce."""

    states: dict[int, dict[str, tuple[bool, int]]]
    rules: list[RuleShape]
    start_states: dict[str, int]
    end_states: dict[str, int]


_TABLES: Tables | None = None


def _cache_file(text: str) -> Path | None:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    folder = Path(base) / "wlinterp"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    digest = hashlib.sha256(f"{_FORMAT}\n{sys.version_info[:2]}\n{text}".encode()).hexdigest()[:20]
    return folder / f"tables-{digest}.marshal"


def load_tables() -> Tables:
    """The tables, from the cache when the grammar has not changed, else built with Lark (and cached)."""
    global _TABLES
    if _TABLES is None:
        text = grammar.grammar_text()
        path = _cache_file(text)
        data = _read(path)
        if data is None:
            data = _build(text)
            _write(path, data)
        states, rules, starts, ends = data
        _TABLES = Tables(states, [RuleShape(*rule) for rule in rules], starts, ends)
    return _TABLES


def _read(path: Path | None) -> Any:
    if path is None or not path.is_file():
        return None
    try:
        return marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None  # a damaged cache is rebuilt


def _write(path: Path | None, data: Any) -> None:
    if path is None:
        return
    temporary = path.with_suffix(f".{os.getpid()}.tmp")
    try:
        temporary.write_bytes(marshal.dumps(data))
        os.replace(temporary, path)
    except OSError:
        pass  # an unwritable cache only costs the next run the build


def lark_parser() -> Any:
    """The Lark LALR parser for the grammar (for building tables and for tests that inspect the grammar)."""
    import lark  # noqa: PLC0415 - only when the tables are (re)built

    class _NoLexer(lark.lexer.Lexer):
        def __init__(self, conf: Any) -> None:
            pass

        def lex(self, state: Any, parser_state: Any) -> Any:  # pragma: no cover - tokens come from wlinterp's lexer
            raise NotImplementedError

    return lark.Lark(grammar.grammar_text(), parser="lalr", lexer=_NoLexer, start=list(START_SYMBOLS),
                     maybe_placeholders=True, strict=True)


def _build(text: str) -> Any:
    from lark.parse_tree_builder import maybe_create_child_filter  # noqa: PLC0415
    from lark.parsers.lalr_analysis import Shift  # noqa: PLC0415

    parser = lark_parser()
    table = parser.parser.parser.parser.parse_table
    rules = list(parser.rules)
    index = {id(rule): position for position, rule in enumerate(rules)}
    shapes = []
    for rule in rules:
        options = rule.options
        child_filter = maybe_create_child_filter(rule.expansion, options.keep_all_tokens, False, options.empty_indices)
        include, trailing = None, 0
        if child_filter is not None:
            arguments = child_filter.args
            if len(arguments) == 2:
                include, trailing = tuple(tuple(x) for x in arguments[0]), arguments[1]
            else:
                include = tuple((i, expand, 0) for i, expand in arguments[0])
        name = str(rule.alias or rule.origin.name)  # Lark's names are str subclasses, which marshal refuses
        builder = "" if name.startswith("_") else name
        shapes.append((str(rule.origin.name), len(rule.expansion), builder, bool(options.expand1 and not rule.alias),
                       include, int(trailing)))
    states = {}
    for state, actions in table.states.items():
        states[state] = {
            str(symbol): (True, int(arg)) if action is Shift else (False, index[id(arg)])
            for symbol, (action, arg) in actions.items()
        }
    starts = {str(k): int(v) for k, v in table.start_states.items()}
    ends = {str(k): int(v) for k, v in table.end_states.items()}
    return states, shapes, starts, ends
