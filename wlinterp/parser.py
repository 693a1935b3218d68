"""The parser front-end: loads the cached LALR tables, feeds them the lexer's tokens, and recovers from syntax errors."""

from __future__ import annotations

import difflib
import gc
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from . import nodes as n
from .builder import AstBuilder, BuildContext
from .errors import Diagnostic, TooManyErrors
from .lexer import KeywordUse, Lexer, Token, after_shift
from .source import Source, Span, ident_key
from .tables import RuleShape, Tables, lark_parser, load_tables
from .vocabulary import VOCABULARY

__all__ = ["MAX_ERRORS", "ParseResult", "UnexpectedToken", "lark_parser", "parse"]

MAX_ERRORS = 100

# The lines that open a block, and the minimal line that stands in for a broken one so that
# its END still has something to close (one error, not a cascade).
_OPENER_REPAIRS: dict[str, tuple[str, ...]] = {
    "IF": ("IF", "TRUE", "_NL"),
    "ELSE_IF": ("ELSE_IF", "TRUE", "_NL"),
    "ELSE": ("ELSE", "_NL"),
    "SWITCH": ("SWITCH", "TRUE", "_NL"),
    "CASE": ("CASE", "TRUE", "_NL"),
    "OTHER_CASE": ("OTHER_CASE", "_NL"),
    "FOR": ("LOOP", "_NL"),
    "FOR_EACH": ("LOOP", "_NL"),
    "FOR_EACH_STRING": ("LOOP", "_NL"),
    "WHILE": ("LOOP", "_NL"),
    "LOOP": ("LOOP", "_NL"),
    "WHEN_EXCEPTION_IN": ("WHEN_EXCEPTION_IN", "_NL"),
    "DO": ("DO", "_NL"),
    "INTERNAL_PROCEDURE": ("INTERNAL_PROCEDURE", "NAME", "LPAR", "RPAR", "_NL"),
    "PROCEDURE": ("PROCEDURE", "NAME", "_NL"),
    "COMPILE_IF": ("COMPILE_IF", "TRUE", "DIRECTIVE_CLOSE", "_NL"),
    "CONSTANT": ("CONSTANT", "_NL"),
}
# Tokens that open a block, as they sit on the parser's value stack.
_BLOCK_OPENERS = {
    "IF", "SWITCH", "FOR", "FOR_EACH", "FOR_EACH_STRING", "WHILE", "LOOP",
    "WHEN_EXCEPTION_IN", "CONSTANT", "INTERNAL_PROCEDURE", "COMPILE_IF",
}
# What closes whatever is open, tried in order: END; DO … END for a WHEN EXCEPTION IN still in its
# body; <END> for a <COMPILE IF>.
_CLOSERS = (("END",), ("DO", "_NL", "END"), ("DIRECTIVE_END",))

_DESCRIPTIONS = {
    "_NL": "end of line",
    "$END": "end of file",
    "NAME": "a name",
    "INT": "a number",
    "REAL": "a number",
    "STRING": "a string",
    "BLOCKSTRING": "a string",
    "DURATION": "a duration",
    "DIRECTIVE_CLOSE": "'>'",
    "DIRECTIVE_ELSE": "'<ELSE>'",
    "DIRECTIVE_END": "'<END>'",
}
_PUNCTUATION = {
    "LPAR": "(", "RPAR": ")", "LSQB": "[", "RSQB": "]", "LSUB": "[[", "RSUB": "]]", "COMMA": ",",
    "DOT": ".", "DOTDOT": "..", "COLON": ":", "STAR": "*", "PLUS": "+", "MINUS": "-", "SLASH": "/",
    "PERCENT": "%", "CARET": "^", "EQ": "=", "NE": "<>", "LT": "<", "LE": "<=", "GT": ">",
    "GE": ">=", "PLUSEQ": "+=", "MINUSEQ": "-=", "STAREQ": "*=", "SLASHEQ": "/=", "INC": "++",
    "DEC": "--", "LARROW": "<-",
}
_EXPRESSION_STARTS = {"NAME", "INT", "STRING", "LPAR"}
_OPERAND_TOKENS = _EXPRESSION_STARTS | {
    "REAL", "BLOCKSTRING", "DURATION", "TRUE", "FALSE", "NULL", "LSQB", "MINUS", "PLUS", "NOT",
}
_STATEMENT_STARTS = {"BREAK", "CONTINUE", "RETURN", "RESULT"}
# what may follow the statements of a block, worth naming when a statement was expected
_BLOCK_CONTINUATIONS = {"END", "ELSE", "ELSE_IF", "CASE", "OTHER_CASE", "DO", "PROCEDURE"}


@dataclass
class ParseResult:
    """A parsed program with everything the later stages and tools need to know about its text."""

    source: Source
    program: n.Program | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    keywords: list[KeywordUse] = field(default_factory=list)
    comments: list[tuple[Span, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.program is not None and not any(d.severity == "error" for d in self.diagnostics)


class UnexpectedToken(Exception):
    """The parser cannot take this token in its current state."""


class _Inline(list):
    """The children of one of Lark's helper rules (``line*`` …), spliced into the parent's children."""

    __slots__ = ()


def _reducer(shape: RuleShape, builder: AstBuilder) -> Callable[[list], Any]:
    """The function that turns a rule's children into its value, following Lark's shaping of the tree."""
    if not shape.builder:
        method: Callable[[list], Any] = _Inline
    elif hasattr(builder, shape.builder):
        method = getattr(builder, shape.builder)
    elif shape.expand_single:
        method = _never(shape.builder)  # a ?rule always has one child here, so it is never built
    else:
        raise LookupError(f"the AST builder has no method for the grammar rule {shape.builder!r}")
    include, trailing, expand = shape.include, shape.trailing, shape.expand_single
    if include is None:
        if expand:
            return lambda children: children[0] if len(children) == 1 else method(children)
        return method

    def shaped(children: list) -> Any:
        filtered: list = []
        for position, inline, nones in include:
            if nones:
                filtered.extend([None] * nones)
            if inline:
                filtered.extend(children[position])
            else:
                filtered.append(children[position])
        if trailing:
            filtered.extend([None] * trailing)
        if expand and len(filtered) == 1:
            return filtered[0]
        return method(filtered)

    return shaped


def _never(name: str) -> Callable[[list], Any]:
    def build(children: list) -> Any:
        raise AssertionError(f"the grammar rule {name!r} produced {len(children)} children where one was expected")

    return build


class _Machine:
    """The tables with, for each rule, its size, name and reducer: what the LALR loop needs."""

    def __init__(self, tables: Tables, builder: AstBuilder):
        self.tables = tables
        self.states = tables.states
        self.reductions = [(r.size, r.origin, _reducer(r, builder)) for r in tables.rules]
        # rules like `?sum: product` only hand their one child up: a chain of them (expr → … → atom) is
        # done as one step, its end state remembered by (state below, state on top, lookahead)
        self.passes = {i for i, r in enumerate(tables.rules) if r.size == 1 and r.expand_single and r.include is None}
        self.chains: dict[tuple[int, int, str], int] = {}

    def chain_end(self, below: int, top: int, kind: str) -> int:
        key = (below, top, kind)
        end = self.chains.get(key)
        if end is None:
            states, rules, passes = self.states, self.tables.rules, self.passes
            end = top
            action = states[end].get(kind)
            while action is not None and not action[0] and action[1] in passes:
                end = states[below][rules[action[1]].origin][1]
                action = states[end].get(kind)
            self.chains[key] = end
        return end


_BUILDER = AstBuilder()
_MACHINE: _Machine | None = None


def _machine() -> _Machine:
    global _MACHINE
    if _MACHINE is None:
        _MACHINE = _Machine(load_tables(), _BUILDER)
    return _MACHINE


class ParserState:
    """The LALR automaton's stacks; ``feed_token`` shifts a token after the reductions it calls for."""

    __slots__ = ("machine", "tables", "states", "state_stack", "value_stack", "end_state")

    def __init__(self, machine: _Machine, start: str, state_stack: list | None = None, value_stack: list | None = None):
        self.machine = machine
        self.tables = machine.tables
        self.states = machine.states
        self.state_stack = state_stack if state_stack is not None else [machine.tables.start_states[start]]
        self.value_stack = value_stack if value_stack is not None else []
        self.end_state = machine.tables.end_states[start]

    def copy(self) -> ParserState:
        clone = ParserState(self.machine, "program", list(self.state_stack), list(self.value_stack))
        clone.end_state = self.end_state
        return clone

    def feed_token(self, token: Token, is_end: bool = False) -> Any:
        stack = self.state_stack
        values = self.value_stack
        states = self.states
        machine = self.machine
        reductions = machine.reductions
        passes = machine.passes
        kind = token.type
        end_state = self.end_state
        while True:
            action = states[stack[-1]].get(kind)
            if action is None:
                raise UnexpectedToken(token)
            if action[0]:
                stack.append(action[1])
                values.append(token)
                return None
            if action[1] in passes and len(stack) > 1:
                stack[-1] = machine.chain_end(stack[-2], stack[-1], kind)
                if is_end and stack[-1] == end_state:
                    return values[-1]
                continue
            size, origin, reduce = reductions[action[1]]
            if size:
                children = values[-size:]
                del stack[-size:]
                del values[-size:]
            else:
                children = []
            values.append(reduce(children))
            stack.append(states[stack[-1]][origin][1])
            if is_end and stack[-1] == end_state:
                return values[-1]


def parse(
    source: Source,
    type_name: Callable[[str], str] | None = None,
) -> ParseResult:
    """Parse a whole program; every syntax error is reported, the parse goes on after each."""
    if type_name is None:
        from .registry import REGISTRY

        type_name = REGISTRY.canonical_type_name
    result = ParseResult(source, None)
    session = _Session(source, result, type_name)
    # the parse allocates many small objects and makes no cycles: the cyclic collector only slows it
    collecting = gc.isenabled()
    gc.disable()
    try:
        result.program = session.run()
    except TooManyErrors:
        result.program = None
        last = result.diagnostics[-1].span if result.diagnostics else None
        result.diagnostics.append(
            Diagnostic("error", "syntax", f"too many errors ({MAX_ERRORS}); stopping here", last, "", source.path)
        )
    except RecursionError:
        result.program = None
        result.diagnostics.append(
            Diagnostic("error", "syntax", "the program is nested too deeply to read", None, "", source.path)
        )
    finally:
        if collecting:
            gc.enable()
        _BUILDER.context = None  # type: ignore[assignment] - do not keep the last parse alive
    result.keywords = session.lexer.keywords
    result.comments = session.lexer.comments
    return result


# A syntax error sends the parser back to where its line began. The stacks are saved then by their
# height and their top part only: a line's reductions reach at most a few entries below where it
# began, and copying the whole stacks at every line would make deep nesting cost n² time.
_SAVED_TOP = 256


def _save(state: ParserState) -> tuple[int, list, int, list]:
    states, values = state.state_stack, state.value_stack
    return len(states), states[-_SAVED_TOP:], len(values), values[-_SAVED_TOP:]


def _restore(state: ParserState, saved: tuple[int, list, int, list]) -> None:
    height, states_top, value_height, values_top = saved
    del state.state_stack[height - len(states_top):]
    state.state_stack.extend(states_top)
    del state.value_stack[value_height - len(values_top):]
    state.value_stack.extend(values_top)


class _Session:
    """One parse: the parser state, the lexer feeding it, and the error recovery between them."""

    def __init__(self, source: Source, result: ParseResult, type_name: Callable[[str], str]):
        self.source = source
        self.result = result
        self.errors = 0
        self.machine = _machine()
        self.lexer = Lexer(source, self.report)
        _BUILDER.context = BuildContext(source.path, self.report, self.parse_interpolation, type_name)
        self.error_lines: set[int] = set()

    def report(self, diagnostic: Diagnostic) -> None:
        if diagnostic.code == "syntax" and diagnostic.span is not None:
            self.error_lines.add(diagnostic.span.line)  # one syntax error per line is enough
        if diagnostic.severity == "error":
            self.errors += 1
            if self.errors > MAX_ERRORS:
                raise TooManyErrors
        self.result.diagnostics.append(diagnostic)

    def run(self) -> n.Program | None:
        state = ParserState(self.machine, "program")
        snapshot = _save(state)
        line_first: Token | None = None
        at_line_start = True
        last: Token | None = None
        for token in self.lexer.tokens(state):
            if at_line_start:
                snapshot = _save(state)
                line_first = token
            at_line_start = token.type == "_NL"
            last = token
            while True:
                try:
                    state.feed_token(token)
                    break
                except UnexpectedToken:
                    if self._close_open_blocks(state, token):
                        continue  # the block is closed: feed the same token again
                    self._syntax_error(state, token)
                    _restore(state, snapshot)
                    if token.type != "_NL":
                        self.lexer.skip_line()
                    at_line_start = True
                    self._repair_opener(state, line_first, token)
                    break
        end = Token.new_borrow_pos("$END", "", last) if last else Token("$END", "", 0, 1, 1, 1, 1, 0)
        while True:
            try:
                return state.feed_token(end, True)
            except UnexpectedToken:
                if not self._close_open_blocks(state, end):
                    self._syntax_error(state, end)
                    return None

    # ------------------------------------------------------------------ recovery

    def _close_open_blocks(self, state: ParserState, token: Token) -> bool:
        """At the end of the file or of a procedure, report each block never closed and close it."""
        if token.type not in ("$END", "PROCEDURE", "DIRECTIVE_ELSE", "DIRECTIVE_END"):
            return False
        opener = next(
            (v for v in reversed(state.value_stack) if isinstance(v, Token) and v.type in _BLOCK_OPENERS),
            None,
        )
        closing = next((c for c in _CLOSERS if _accepts(state, c[:1])), None)
        if opener is None or closing is None:
            return False
        lang = _language_of(opener)
        wanted = " … ".join(_spelled(kind, lang) for kind in closing if kind != "_NL")
        self.report(
            Diagnostic(
                "error",
                "syntax",
                f"{_opener_name(opener)} opened at line {opener.line} is never closed: expected {wanted}",
                Span(opener.line, opener.column, opener.end_line, opener.end_column),
                f"add {wanted} on a line of its own where the block ends",
                self.source.path,
            )
        )
        for kind in (*closing, "_NL"):
            state.feed_token(Token.new_borrow_pos(kind, "", token))
        return True

    def _repair_opener(self, state: ParserState, first: Token | None, bad: Token) -> None:
        """Stand a minimal opener in for a broken block-opening line so its END still closes something."""
        if first is None or first.type not in _OPENER_REPAIRS:
            return
        if first.type == "IF" and bad.type != "_NL" and self._then_seen_before(first, bad):
            return  # a single-line IF: nothing to close
        saved = _save(state)
        try:
            for kind in _OPENER_REPAIRS[first.type]:
                # the stand-in opener keeps the program's text, so 'never closed' names it as written
                value = first.value if kind == _OPENER_REPAIRS[first.type][0] else "_" if kind == "NAME" else ""
                state.feed_token(Token.new_borrow_pos(kind, value, first))
        except UnexpectedToken:
            _restore(state, saved)

    def _then_seen_before(self, first: Token, bad: Token) -> bool:
        """Did a THEN with something after it come before the bad token? Then the IF is single-line."""
        text = self.source.line_text(first.line)
        for use in self.lexer.keywords[-8:]:
            if use.terminal != "THEN" or use.span.line != first.line or bad.line != first.line:
                continue
            between = text[use.span.end_column - 1 : bad.column - 1]
            if use.span.column < bad.column and between.strip():
                return True
        return False

    # ------------------------------------------------------------------ messages

    def _syntax_error(self, state: ParserState, token: Token) -> None:
        if (token.line or 0) in self.error_lines:
            return
        expected = set(state.states[state.state_stack[-1]].keys())
        message = f"unexpected {_describe(token)}"
        wanted = _describe_expected(expected)
        if wanted:
            message += f"; expected {wanted}"
        hint = _hint_for(token, expected)
        if token.type == "$END":
            span = Span(token.line or 1, token.column or 1, token.line or 1, (token.column or 1) + 1)
        else:
            span = Span(token.line, token.column, token.end_line, token.end_column)
        self.report(Diagnostic("error", "syntax", message, span, hint, self.source.path))

    # ------------------------------------------------------------------ interpolation

    def parse_interpolation(self, text: str, span: Span | None) -> n.Expr | None:
        """Parse the expression inside ``[% … %]``; positions are those of the string holding it."""
        state = ParserState(self.machine, "interpolation")
        line = span.line if span else 1
        col = span.column if span else 1
        inner = Lexer(Source(text, self.source.path), lambda d: None)
        try:
            for token in inner.tokens(state):
                if token.type == "_NL":
                    continue
                token.line, token.end_line = line, line
                token.column, token.end_column = col, col + 1
                state.feed_token(token)
            return state.feed_token(Token("$END", "", 0, line, col, line, col, 0), True)
        except UnexpectedToken:
            self.report(
                Diagnostic(
                    "error", "syntax", f"cannot read the expression [%{text}%] in this string", span,
                    "write [% name %] with a variable or expression between the markers", self.source.path,
                )
            )
            return None


def _accepts(state: ParserState, types: tuple[str, ...]) -> bool:
    """Would the parser take these tokens now? Simulated on the states only (no AST is built), on the
    stack's top part (see _save)."""
    stack: list | None = state.state_stack[-_SAVED_TOP:]
    try:
        for kind in types:
            stack = after_shift(state.tables, stack, kind)
            if stack is None:
                return False
    except IndexError:
        return False
    return True


def _language_of(token: Token) -> str:
    """The language an opener was written in (its stand-in keeps the original text)."""
    words = token.value.lstrip("<").split()
    if not words:
        return "en"
    key = ident_key(words[0])
    found: set[str] = set()
    for (_terminal, spelling), langs in VOCABULARY.languages.items():
        if spelling.split()[0] == key:
            found |= langs
    return next((lang for lang in ("en", "fr", "es") if lang in found), "en")


def _opener_name(token: Token) -> str:
    """An opener as the program wrote it, whole: FOR EACH, WHEN EXCEPTION IN, <COMPILE IF> …"""
    text = " ".join(token.value.split()).upper() or token.type.replace("_", " ")
    if text.startswith("<"):
        return text + ">"
    return text


def _spelled(kind: str, lang: str) -> str:
    if kind == "DIRECTIVE_END":
        return "<" + VOCABULARY.spelling("END", lang) + ">"
    return VOCABULARY.spelling(kind, lang)


def _describe(token: Token) -> str:
    kind = token.type
    if kind in _DESCRIPTIONS and kind not in ("NAME",):
        return _DESCRIPTIONS[kind]
    if kind == "NAME":
        return f"name '{token}'"
    if kind in _PUNCTUATION:
        return f"'{_PUNCTUATION[kind]}'"
    return f"'{token}'" if str(token) else f"'{kind}'"


def _describe_expected(expected: set[str]) -> str:
    described: list[str] = []
    if _STATEMENT_STARTS <= expected:
        described.append("a statement")
        expected = {e for e in expected if e in _BLOCK_CONTINUATIONS}
    elif _EXPRESSION_STARTS <= expected:
        described.append("an expression")
        expected -= _OPERAND_TOKENS
    for kind in sorted(expected):
        if kind.startswith("__") or kind.islower():
            continue
        if kind in _PUNCTUATION:
            described.append(f"'{_PUNCTUATION[kind]}'")
        elif kind in _DESCRIPTIONS:
            described.append(_DESCRIPTIONS[kind])
        else:
            described.append(VOCABULARY.spelling(kind))
        if len(described) >= 6:
            described.append("…")
            break
    if len(described) > 1:
        return ", ".join(described[:-1]) + " or " + described[-1]
    return described[0] if described else ""


def _hint_for(token: Token, expected: set[str]) -> str:
    if token.type == "_NL" and "RPAR" in expected:
        return "a statement continues on the next line only after '...' at the end of the line"
    if token.type == "EQ" and "EQ" not in expected:
        return "WLanguage compares with a single '='"
    if token.type == "NAME":
        keywords = [k for k in expected if k in VOCABULARY.by_terminal]
        spellings = {}
        for k in keywords:
            entry = VOCABULARY.by_terminal[k]
            for lang in ("en", "fr", "es"):
                for s in getattr(entry, lang):
                    spellings[ident_key(s)] = s
        match = difflib.get_close_matches(ident_key(str(token)), list(spellings), n=1, cutoff=0.7)
        if match:
            return f"did you mean '{spellings[match[0]]}'?"
    if token.type == "$END":
        return "the program ends in the middle of a statement"
    return ""
