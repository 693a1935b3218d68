"""Turns source text into the parser's terminals, deciding from the parser's state whether a word is a keyword.

Two layers. ``_scan`` cuts the text into raw pieces (words, numbers, strings, operators, line
ends), folding line continuations and the ``<COMPILE IF …>`` directive markers. ``tokens`` turns
those pieces into Lark tokens while the parser consumes them: a word that the keyword table
lists becomes that keyword only where the parser can take it, so ``a``, ``de`` or ``sea`` stay
ordinary names wherever the grammar expects a name (design §3).
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from grammar.keywords import DURATION_UNITS

from .errors import Diagnostic
from .source import Source, Span, ident_key
from .vocabulary import VOCABULARY

__all__ = ["KeywordUse", "Lexer", "Token", "after_shift", "duration_milliseconds", "number_value", "string_value"]


class Token:
    """A terminal as the parser sees it: its type, its text and where it is (1-based, end exclusive)."""

    __slots__ = ("column", "end_column", "end_line", "end_pos", "line", "start_pos", "type", "value")

    def __init__(self, type_: str, value: str, start_pos: int = 0, line: int = 0, column: int = 0,
                 end_line: int = 0, end_column: int = 0, end_pos: int = 0):
        self.type = type_
        self.value = value
        self.start_pos = start_pos
        self.line = line
        self.column = column
        self.end_line = end_line
        self.end_column = end_column
        self.end_pos = end_pos

    @classmethod
    def new_borrow_pos(cls, type_: str, value: str, other: Token) -> Token:
        return cls(type_, value, other.start_pos, other.line, other.column, other.end_line, other.end_column, other.end_pos)

    def __str__(self) -> str:
        return self.value

    def __repr__(self) -> str:
        return f"Token({self.type!r}, {self.value!r}, {self.line}:{self.column})"


@dataclass(frozen=True, slots=True)
class KeywordUse:
    """Where a keyword was written and how: the translation tools respell programs from these."""

    terminal: str
    text: str
    span: Span


_OPERATORS: dict[str, str] = {
    "(": "LPAR", ")": "RPAR", "[": "LSQB", "]": "RSQB", "[[": "LSUB", "]]": "RSUB",
    ",": "COMMA", ".": "DOT", "..": "DOTDOT", ":": "COLON", "*": "STAR", "+": "PLUS",
    "-": "MINUS", "/": "SLASH", "%": "PERCENT", "^": "CARET", "=": "EQ", "<>": "NE",
    "<": "LT", "<=": "LE", ">": "GT", ">=": "GE", "~=": "FEQ", "~~": "VFEQ", "[=": "STARTS",
    "[~": "FSTARTS", "[~~": "VFSTARTS", "[=]": "CONTAINS", "[~]": "FCONTAINS",
    "[~~]": "VFCONTAINS", "=]": "ENDS", "~]": "FENDS", "~~]": "VFENDS", "+=": "PLUSEQ",
    "-=": "MINUSEQ", "*=": "STAREQ", "/=": "SLASHEQ", "++": "INC", "--": "DEC", "<-": "LARROW",
    ";": "SEMI",
}

# Operators that only make sense right after an operand; elsewhere their leading "[" opens a bracket.
_AFTER_OPERAND_ONLY = {"[[", "[=", "[~", "[~~", "[=]", "[~]", "[~~]", "=]", "~]", "~~]"}

_UNSUPPORTED_CHARS = {
    "{": "indirection with { } is not supported by wlinterp",
    "}": "indirection with { } is not supported by wlinterp",
    "&": "the address operator & is not supported by wlinterp",
}

_UNITS = "|".join(sorted((re.escape(u) for u in DURATION_UNITS), key=len, reverse=True))
_NUMBER = r"(?:\d{1,3}(?:[ ]\d{3})+(?![\d])|\d(?:_?\d)*)(?:\.\d+)?"

_SCAN = re.compile(
    rf"""
    (?P<ws>[ \t\f\v\u00a0\ufeff]+)
  | (?P<nl>\r\n|\n|\r)
  | (?P<comment>//[^\r\n]*)
  | (?P<bcomment>/\*)
  | (?P<cont>\.\.\.)
  | (?P<hex>0[xX][0-9A-Fa-f](?:_?[0-9A-Fa-f])*)
  | (?P<duration>{_NUMBER}[ \t]*(?ai:{_UNITS})(?![\w'])(?:[ \t]*{_NUMBER}[ \t]*(?ai:{_UNITS})(?![\w']))*)
  | (?P<num>{_NUMBER})
  | (?P<str>"(?:[^"\r\n]|"")*")
  | (?P<badstr>"[^\r\n]*)
  | (?P<word>[^\W\d]\w*(?:'(?=\w))?)
  | (?P<op>\[~~\]|\[~~|\[=\]|\[~\]|\[=|\[~|~~\]|~~|~=|~\]|=\]|<>|<=|>=|<-|\+=|-=|\*=|/=|\+\+|--|\.\.|\[\[|\]\]|[-+*/%^()\[\],.:;=<>])
  | (?P<bad>.)
    """,
    re.VERBOSE | re.IGNORECASE,
)
# units match without case but only in ASCII: "ſ" (long s) is no "s", "mın" no "min"
_DURATION_PART = re.compile(rf"({_NUMBER})[ \t]*((?ai:{_UNITS}))(?![\w'])")
_DIRECTIVE = re.compile(r"<[ \t]*([^\W\d]\w*)(?:[ \t]+([^\W\d]\w*))?[ \t]*(>?)")
_LINE_BREAK = re.compile(r"[\r\n]")
_REST_OF_LINE_BLANK = re.compile(r"[ \t]*(?://[^\r\n]*)?(?:\r\n|\n|\r|$)")

# Raw piece: (kind, value, start, end, line, column, end_line, end_column)
Raw = tuple[str, str, int, int, int, int, int, int]

_LITERAL_WORDS = {"TRUE", "FALSE", "NULL"}
_CONTINUES_LINE = {"AND", "OR", "AND_SC", "OR_SC"}
_OPERAND_START_OPS = {"LPAR", "LSQB"}


def _reserved_keys() -> frozenset[str]:
    """Spellings that are never names and never start an operand (``IF``, ``FIN`` …)."""
    keys = set()
    for key, terminals in VOCABULARY.single.items():
        if all((key, t) not in VOCABULARY.soft for t in terminals) and not set(terminals) & _LITERAL_WORDS:
            keys.add(key)
    return frozenset(keys)


_RESERVED = _reserved_keys()
_COMPILE_FIRST = {words[0] for words in (k.split() for (t, k) in VOCABULARY.languages if t == "COMPILE_IF")}


def _spellings_of(terminal: str) -> frozenset[str]:
    return frozenset(key for (term, key) in VOCABULARY.languages if term == terminal)


_ELSE_KEYS = _spellings_of("ELSE")
_END_KEYS = _spellings_of("END")
_COMPILE_IF_KEYS = _spellings_of("COMPILE_IF")


class Lexer:
    """Reads one source; ``tokens`` feeds the parser, ``skip_line`` drops the rest of a bad line."""

    def __init__(self, source: Source, report: Callable[[Diagnostic], None]):
        self.source = source
        self.text = source.text
        self._report = report
        self.keywords: list[KeywordUse] = []
        self.comments: list[tuple[Span, str]] = []
        self._skipping = False
        self._raw: Iterator[Raw] = self._scan()
        self._pending: deque[Raw] = deque()

    # ------------------------------------------------------------------ diagnostics

    def _error(self, message: str, span: Span, hint: str = "", code: str = "syntax") -> None:
        self._report(Diagnostic("error", code, message, span, hint, self.source.path))

    # ------------------------------------------------------------------ raw layer

    def _scan(self) -> Iterator[Raw]:
        text = self.text
        match = _SCAN.match
        pos = 0
        line = 1
        line_start = 0
        size = len(text)
        brackets: list[str] = []
        prev_operand = False  # does the previous piece end an operand?
        prev_kind = "nl"
        continuation = False  # a "..." was seen: the next line break does not end the statement
        directive_close = -1  # position of the ">" that closes a <COMPILE IF …> line
        at_line_start = True
        last_bad = -2
        while pos < size:
            m = match(text, pos)
            kind = m.lastgroup
            end = m.end()
            col = pos - line_start + 1
            if kind == "ws":
                pos = end
                continue
            if kind == "nl":
                if continuation:
                    continuation = False
                else:
                    yield ("nl", "", pos, end, line, col, line, col + 1)
                    prev_operand = False
                    at_line_start = True
                    brackets.clear()
                line += 1
                line_start = pos = end
                directive_close = -1
                continue
            if kind == "word":
                value = m.group()
                yield ("word", value, pos, end, line, col, line, col + len(value))
                prev_operand = ident_key(value) not in _RESERVED
                at_line_start = False
                continuation = False
                pos = end
                continue
            if kind == "op":
                value = m.group()
                if at_line_start and value == "<":
                    directive = self._directive(pos, line, col)
                    if directive is not None:
                        piece, end, directive_close = directive
                        yield piece
                        at_line_start = False
                        prev_operand = False
                        pos = end
                        continue
                if value in _AFTER_OPERAND_ONLY and not prev_operand:
                    value = text[pos]
                    end = pos + 1
                    if value not in _OPERATORS:  # a "~" that starts no operator here
                        self._error(f"unexpected character '{value}'", Span(line, col, line, col + 1))
                        pos = end
                        continue
                if value == "]]":
                    if brackets and brackets[-1] == "[[":
                        brackets.pop()
                    else:
                        value, end = "]", pos + 1
                if value == ">" and pos == directive_close:
                    yield ("op", "DIRECTIVE_CLOSE", pos, end, line, col, line, col + 1)
                    prev_operand = False
                    pos = end
                    continue
                if value == "[" and not prev_operand and _REST_OF_LINE_BLANK.match(text, end):
                    piece, end, line, line_start = self._block_string(pos, line, col, line_start)
                    yield piece
                    prev_operand = True
                    at_line_start = False
                    pos = end
                    continue
                if value in ("[", "[["):
                    brackets.append(value)
                elif value == "]" and brackets:
                    brackets.pop()
                kind_name = _OPERATORS[value]
                yield ("op", kind_name, pos, end, line, col, line, col + (end - pos))
                prev_operand = kind_name in ("RPAR", "RSQB", "RSUB")
                at_line_start = kind_name == "SEMI"
                continuation = False
                pos = end
                continue
            if kind == "num" or kind == "hex":
                value = m.group()
                real = kind == "num" and "." in value
                yield ("real" if real else "int", value, pos, end, line, col, line, col + len(value))
                prev_operand = True
                at_line_start = False
                continuation = False
                pos = end
                continue
            if kind == "str":
                value = m.group()
                yield ("string", value, pos, end, line, col, line, col + len(value))
                prev_operand = True
                at_line_start = False
                continuation = False
                pos = end
                continue
            if kind == "comment":
                self.comments.append((Span(line, col, line, col + (end - pos)), m.group()))
                pos = end
                continue
            if kind == "cont":
                continuation = True
                pos = end
                continue
            if kind == "duration":
                value = m.group()
                yield ("duration", value, pos, end, line, col, line, col + len(value))
                prev_operand = True
                at_line_start = False
                continuation = False
                pos = end
                continue
            if kind == "badstr":
                value = m.group()
                span = Span(line, col, line, col + len(value))
                self._error(
                    "unterminated string",
                    span,
                    'close it with " on the same line; a string spanning lines is written [ … ] with [ and ] on lines of their own',
                )
                yield ("string", value + '"', pos, end, line, col, line, col + len(value))
                prev_operand = True
                pos = end
                continue
            if kind == "bcomment":
                close = text.find("*/", end)
                stop = size if close < 0 else close + 2
                if close < 0:
                    self._error("unterminated comment: /* has no matching */", Span(line, col, line, col + 2))
                body = text[pos:stop]
                self.comments.append((Span(line, col, line, col + len(body)), body))
                breaks = body.count("\n") + body.count("\r") - body.count("\r\n")
                if breaks:
                    yield ("nl", "", pos, stop, line, col, line, col + 1)
                    prev_operand = False
                    at_line_start = True
                    line += breaks
                    line_start = max(body.rfind("\n"), body.rfind("\r")) + pos + 1
                pos = stop
                continue
            # a character that starts nothing: report each run once
            char = m.group()
            if pos != last_bad + 1:
                span = Span(line, col, line, col + 1)
                if char in _UNSUPPORTED_CHARS:
                    self._error(_UNSUPPORTED_CHARS[char], span, code="unsupported")
                else:
                    shown = char if char.isprintable() else f"U+{ord(char):04X}"
                    self._error(f"unexpected character '{shown}'", span)
            last_bad = pos
            pos = end
        if prev_kind:
            yield ("eof", "", size, size, line, size - line_start + 1, line, size - line_start + 1)

    def _directive(self, pos: int, line: int, col: int) -> tuple[Raw, int, int] | None:
        """``<COMPILE IF``, ``<ELSE>`` or ``<END>`` at the start of a line, in any of their spellings."""
        m = _DIRECTIVE.match(self.text, pos)
        if m is None:
            return None
        first = ident_key(m.group(1))
        second = ident_key(m.group(2)) if m.group(2) else ""
        closed = bool(m.group(3))
        if f"{first} {second}" in _COMPILE_IF_KEYS:
            end = m.end(2)
            line_end = self._line_end(pos)
            content = self.text[end:line_end]
            comment = content.find("//")
            if comment >= 0:
                content = content[:comment]
            close = content.rfind(">")
            close_at = end + close if close >= 0 else -1
            self._keyword_use("COMPILE_IF", m.group(1) + " " + m.group(2), line, col + m.start(1) - pos, m.end(2) - m.start(1))
            return ("kw", "COMPILE_IF", pos, end, line, col, line, col + end - pos), end, close_at
        if not second and closed and first in _ELSE_KEYS | _END_KEYS:
            terminal = "ELSE" if first in _ELSE_KEYS else "END"
            self._keyword_use(terminal, m.group(1), line, col + m.start(1) - pos, len(m.group(1)))
            kind = "DIRECTIVE_ELSE" if terminal == "ELSE" else "DIRECTIVE_END"
            return ("kw", kind, pos, m.end(), line, col, line, col + m.end() - pos), m.end(), -1
        return None

    def _line_end(self, pos: int) -> int:
        found = _LINE_BREAK.search(self.text, pos)  # one scan for either \r or \n, not two to the end
        return found.start() if found else len(self.text)

    def _block_string(self, pos: int, line: int, col: int, line_start: int) -> tuple[Raw, int, int, int]:
        """A multi-line string: ``[`` ending a line, text lines, then ``]`` starting a line."""
        text = self.text
        cursor = self._line_end(pos)
        lines: list[str] = []
        first_line = line
        while True:
            if cursor >= len(text):
                self._error(
                    "unterminated multi-line string: [ has no matching ] on a line of its own",
                    Span(first_line, col, first_line, col + 1),
                )
                end = len(text)
                break
            cursor += 2 if text.startswith("\r\n", cursor) else 1
            line += 1
            line_start = cursor
            stop = self._line_end(cursor)
            content = text[cursor:stop]
            if content.lstrip(" \t").startswith("]"):
                end = cursor + len(content) - len(content.lstrip(" \t")) + 1
                break
            lines.append(content)
            cursor = stop
        value = _dedent(lines)
        end_col = end - line_start + 1
        return ("block", value, pos, end, first_line, col, line, end_col), end, line, line_start

    # ------------------------------------------------------------------ token layer

    def skip_line(self) -> None:
        """Drop what is left of the current logical line (after a syntax error on it)."""
        self._skipping = True

    def _next_raw(self) -> Raw:
        if self._pending:
            return self._pending.popleft()
        return next(self._raw)

    def _peek(self, n: int = 0) -> Raw:
        while len(self._pending) <= n:
            self._pending.append(next(self._raw))
        return self._pending[n]

    def tokens(self, pstate: Any) -> Iterator[Token]:
        """The terminals of the program, chosen against ``pstate``, the live parser state."""
        states = pstate.states
        stack = pstate.state_stack
        self._tables = pstate.tables
        line_has_tokens = False
        prev_type = ""
        while True:
            raw = self._next_raw()
            kind = raw[0]
            if kind == "eof":
                if line_has_tokens and not self._skipping:
                    yield Token("_NL", "", raw[2], raw[4], raw[5], raw[6], raw[7], raw[3])
                return
            if kind == "nl" or (kind == "op" and raw[1] == "SEMI"):
                if self._skipping:
                    self._skipping = False
                    line_has_tokens = False
                    continue
                if line_has_tokens and prev_type not in _CONTINUES_LINE:
                    line_has_tokens = False
                    prev_type = "_NL"
                    yield Token("_NL", "", raw[2], raw[4], raw[5], raw[6], raw[7], raw[3])
                continue
            if self._skipping:
                continue
            if kind == "word":
                type_, raw = self._resolve_word(raw, states[stack[-1]], stack, states, prev_type)
            elif kind == "op":
                type_ = raw[1]
                if type_ == "LARROW" and "LARROW" not in states[stack[-1]]:
                    # "x<-1" compares x with -1
                    yield Token("LT", "<", raw[2], raw[4], raw[5], raw[4], raw[5] + 1, raw[2] + 1)
                    raw = ("op", "MINUS", raw[2] + 1, raw[3], raw[4], raw[5] + 1, raw[6], raw[7])
                    type_ = "MINUS"
            elif kind == "kw":
                type_ = raw[1]
            else:
                type_ = _RAW_TYPES[kind]
            line_has_tokens = True
            prev_type = type_
            value = raw[1] if kind != "op" and kind != "kw" else self.text[raw[2] : raw[3]]
            yield Token(type_, value, raw[2], raw[4], raw[5], raw[6], raw[7], raw[3])

    def _resolve_word(
        self, raw: Raw, actions: dict, stack: list, states: dict, prev_type: str
    ) -> tuple[str, Raw]:
        """Keyword or NAME for a word, given what the parser can take now (``actions``)."""
        key = ident_key(raw[1])
        vocab = VOCABULARY
        if prev_type in ("DOT", "DOTDOT"):
            return "NAME", raw  # a member name: `.Name`, `..End` are names whatever they spell
        options = vocab.multi.get(key)
        if options:
            merged = self._try_multiword(raw, options, actions)
            if merged is not None:
                return merged
        terminals = vocab.single.get(key)
        if not terminals:
            return "NAME", raw
        wanted = [t for t in terminals if t in actions]
        soft = any((key, t) in vocab.soft for t in terminals)
        if not wanted:
            if soft:
                return "NAME", raw
            self._keyword_use(terminals[0], raw[1], raw[4], raw[5], len(raw[1]))
            return terminals[0], raw
        terminal = wanted[0]
        if soft and "NAME" in actions and not self._keyword_fits(terminal, stack, states):
            return "NAME", raw
        self._keyword_use(terminal, raw[1], raw[4], raw[5], len(raw[1]))
        return terminal, raw

    def _keyword_fits(self, terminal: str, stack: list, states: dict) -> bool:
        """Where both a keyword and a name could come, does the keyword reading go on further than the name one?"""
        after = self._peek()
        if terminal in VOCABULARY.prefix:
            # NOT/PAS/NO is the operator only before an operand, not before a binary + or -
            return _starts_operand(after)
        if self._reads_on(terminal, stack, states):
            return True
        return not self._reads_on("NAME", stack, states)

    def _reads_on(self, first: str, stack: list, states: dict, depth: int = 4) -> bool:
        """Can the parser take ``first`` and then the next few pieces of the line (each read its likeliest way)?"""
        simulated = after_shift(self._tables, stack, first)
        for i in range(depth):
            if simulated is None:
                return False
            piece = self._peek(i)
            candidates = _candidate_types(piece)
            actions = states[simulated[-1]]
            chosen = next((t for t in sorted(candidates, key=lambda t: t == "NAME") if t in actions), None)
            if chosen is None:
                return False
            if piece[0] in ("nl", "eof") or (piece[0] == "op" and piece[1] == "SEMI"):
                return True
            simulated = after_shift(self._tables, simulated, chosen)
        return simulated is not None

    def _try_multiword(self, raw: Raw, options: list, actions: dict) -> tuple[str, Raw] | None:
        for rest, terminal in options:
            if terminal not in actions:
                continue
            pieces = []
            for i, word_key in enumerate(rest):
                nxt = self._peek(i)
                if nxt[0] != "word" or ident_key(nxt[1]) != word_key:
                    break
                pieces.append(nxt)
            else:
                for _ in rest:
                    self._pending.popleft()
                last = pieces[-1]
                merged = ("word", self.text[raw[2] : last[3]], raw[2], last[3], raw[4], raw[5], last[6], last[7])
                self._keyword_use(terminal, merged[1], raw[4], raw[5], last[7] - raw[5])
                return terminal, merged
        return None

    def _keyword_use(self, terminal: str, text: str, line: int, col: int, width: int) -> None:
        self.keywords.append(KeywordUse(terminal, text, Span(line, col, line, col + width)))


_RAW_TYPES = {
    "int": "INT",
    "real": "REAL",
    "string": "STRING",
    "block": "BLOCKSTRING",
    "duration": "DURATION",
}


def _starts_operand(raw: Raw) -> bool:
    kind = raw[0]
    if kind == "word":
        return ident_key(raw[1]) not in _RESERVED
    if kind == "op":
        return raw[1] in _OPERAND_START_OPS
    return kind in _RAW_TYPES


def _candidate_types(raw: Raw) -> set[str]:
    """The terminals a raw piece might become (all readings of a word)."""
    kind = raw[0]
    if kind == "word":
        key = ident_key(raw[1])
        types = set(VOCABULARY.single.get(key, ()))
        types.update(t for _, t in VOCABULARY.multi.get(key, ()))
        if key not in _RESERVED:
            types.add("NAME")
        return types
    if kind == "op" and raw[1] == "SEMI":
        return {"_NL"}
    if kind == "op" or kind == "kw":
        return {raw[1]}
    if kind in ("nl", "eof"):
        return {"_NL"}
    return {_RAW_TYPES[kind]}


def after_shift(tables: Any, stack: list, terminal: str) -> list | None:
    """The state stack after the parser takes ``terminal`` (with its reductions), or None if it cannot."""
    states = tables.states
    rules = tables.rules
    stack = list(stack)
    while True:
        action = states[stack[-1]].get(terminal)
        if action is None:
            return None
        shift, arg = action
        if shift:
            stack.append(arg)
            return stack
        rule = rules[arg]
        if rule.size:
            del stack[-rule.size:]
        stack.append(states[stack[-1]][rule.origin][1])


def _dedent(lines: list[str]) -> str:
    indents = [len(x) - len(x.lstrip(" \t")) for x in lines if x.strip()]
    cut = min(indents) if indents else 0
    return "\r\n".join(x[cut:] for x in lines)


# ---------------------------------------------------------------------- literal values


def duration_milliseconds(text: str) -> int | float:
    """The value of a duration literal such as ``2 min 8 s``."""
    total: int | float = 0
    for number, unit in _DURATION_PART.findall(text):
        total += number_value(number) * DURATION_UNITS[unit.lower()]
    return total


MAX_DIGITS = 40  # WinDev's widest number (numeric) holds 38 significant digits


def number_value(text: str) -> int | float:
    """An integer, real or hexadecimal literal, with its ``_`` and space separators.

    A literal longer than any WinDev number can hold raises OverflowError.
    """
    cleaned = text.replace("_", "").replace(" ", "")
    digits = cleaned[2:] if cleaned[:2].lower() == "0x" else cleaned.replace(".", "")
    if len(digits) > MAX_DIGITS:
        raise OverflowError(f"the number {cleaned[:12]}… has {len(digits)} digits; WinDev numbers hold at most 38")
    if cleaned[:2].lower() == "0x":
        return int(cleaned[2:], 16)
    if "." in cleaned:
        return float(cleaned)
    return int(cleaned)


def string_value(text: str) -> str:
    """The content of a quoted literal: quotes removed, ``""`` read as one ``"``."""
    return text[1:-1].replace('""', '"')
