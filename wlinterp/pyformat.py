"""Lays out generated Python as ruff format would: 4-space blocks, blank lines around functions, lines split at brackets and operators to fit 88 columns.

The transpiler hands over one logical line at a time; this module tokenizes it and, when it
is too long, splits it the way black and ruff do: first at the last opening bracket
(right-hand split), then inside the brackets at the strongest delimiter (commas, with a
trailing comma, then ``or``/``and``, comparisons, ``+``/``-``, ``*``/``/``…). The transpiled
samples are checked against ``ruff format`` in the tests.
"""

from __future__ import annotations

import io
import tokenize
from dataclasses import dataclass, field

from .source import Span

__all__ = ["LINE_LENGTH", "PyFormatter", "py_string"]

LINE_LENGTH = 88
INDENT = "    "


def py_string(text: str) -> str:
    """A Python string literal as ruff format writes it: double quotes unless single quotes need fewer escapes."""
    body_double = _escape(text, '"')
    body_single = _escape(text, "'")
    if body_double.count("\\") > body_single.count("\\"):
        return "'" + body_single + "'"
    return '"' + body_double + '"'


def _escape(text: str, quote: str) -> str:
    out: list[str] = []
    for char in text:
        if char == "\\":
            out.append("\\\\")
        elif char == quote:
            out.append("\\" + quote)
        elif char == "\n":
            out.append("\\n")
        elif char == "\r":
            out.append("\\r")
        elif char == "\t":
            out.append("\\t")
        elif ord(char) < 32 or ord(char) == 127:
            out.append(f"\\x{ord(char):02x}")
        elif 0xD800 <= ord(char) <= 0xDFFF or char in "\u2028\u2029\x85" or not char.isprintable() and ord(char) > 127:
            out.append(f"\\u{ord(char):04x}" if ord(char) <= 0xFFFF else f"\\U{ord(char):08x}")
        else:
            out.append(char)
    return "".join(out)


# ------------------------------------------------------------------------------ splitting long lines
#
# The model follows black's (which ruff format reproduces): a logical line is a list of leaves;
# the value of an assignment, a return or a condition sits in invisible parentheses that a
# split may make visible; a line that is too long is split at its last bracket pair (trying
# first to do without the invisible parentheses), and a line inside brackets is split at its
# strongest delimiter first.

COMMA, TERNARY, LOGIC, STRING, COMPARATOR, DOT = 18, 16, 14, 12, 10, 1
_MATH = {"|": 9, "^": 8, "&": 7, "<<": 6, ">>": 6, "+": 5, "-": 5, "*": 4, "/": 4, "//": 4, "%": 4, "@": 4, "**": 2}
_COMPARATORS = {"<", ">", "==", "!=", "<=", ">="}
_OPENING = {"(": ")", "[": "]", "{": "}"}
_CLOSING = {")", "]", "}"}
_KEYWORDS_BEFORE_UNARY = {"and", "or", "not", "in", "is", "return", "if", "elif", "while", "else", "lambda", "for"}
_PARENS_AFTER = {"return", "if", "elif", "while"}
_ASSIGNMENTS = {"=", "+=", "-=", "*=", "/=", "%=", "//=", "**=", "|=", "&=", "^=", ">>=", "<<=", "@="}


class CannotSplit(Exception):
    """This way of splitting does not apply to the line."""


@dataclass(eq=False)
class _Leaf:
    text: str
    kind: int
    space: bool  # a space before it, unless it starts a line
    bracket: str = ""  # for invisible parentheses: the character they show when made visible
    opening: _Leaf | None = None  # for a closing bracket: its opening bracket

    @property
    def value(self) -> str:
        return self.text

    @property
    def is_opening(self) -> bool:
        return self.kind == tokenize.OP and (self.text in _OPENING or self.bracket == "(")

    @property
    def is_closing(self) -> bool:
        return self.kind == tokenize.OP and (self.text in _CLOSING or self.bracket == ")")

    @property
    def invisible(self) -> bool:
        return bool(self.bracket) and not self.text

    def make_visible(self) -> None:
        if self.bracket:
            self.text = self.bracket


class _Line:
    """Leaves at one indentation, with black's bracket tracking: depths and delimiters of this line."""

    def __init__(self, leaves: list[_Leaf], depth: int, inside: bool = False):
        self.leaves = leaves
        self.depth = depth
        self.inside = inside
        self.delimiters: dict[int, int] = {}
        self.bracket_depth: dict[int, int] = {}
        self.invisible: list[_Leaf] = []
        self._track()

    def _track(self) -> None:
        depth = 0
        stack: list[_Leaf] = []
        previous: _Leaf | None = None
        for_depths: list[int] = []
        lambda_depths: list[int] = []
        for leaf in self.leaves:
            if depth == 0 and leaf.is_closing and (leaf.opening is None or leaf.opening not in stack):
                continue  # closes a bracket opened on an earlier line
            if for_depths and for_depths[-1] == depth and leaf.kind == tokenize.NAME and leaf.text == "in":
                depth -= 1
                for_depths.pop()
            if lambda_depths and lambda_depths[-1] == depth and leaf.kind == tokenize.OP and leaf.text == ":":
                depth -= 1
                lambda_depths.pop()
            if leaf.is_closing:
                depth -= 1
                if stack:
                    stack.pop()
                if leaf.bracket:
                    self.invisible.append(leaf)
            self.bracket_depth[id(leaf)] = depth
            if depth == 0:
                before = _split_before(leaf, previous)
                if before and previous is not None:
                    self.delimiters[id(previous)] = before
                elif leaf.kind == tokenize.OP and leaf.text == ",":
                    self.delimiters[id(leaf)] = COMMA
            if leaf.is_opening:
                stack.append(leaf)
                depth += 1
                if leaf.bracket:
                    self.invisible.append(leaf)
            previous = leaf
            if leaf.kind == tokenize.NAME and leaf.text == "lambda":
                depth += 1
                lambda_depths.append(depth)
            if leaf.kind == tokenize.NAME and leaf.text == "for":
                depth += 1
                for_depths.append(depth)

    def __str__(self) -> str:
        parts: list[str] = []
        for leaf in self.leaves:
            if parts and leaf.space:
                parts.append(" ")
            if leaf.text or parts:
                parts.append(leaf.text)
            elif leaf.space and not parts:
                pass
        text = "".join(parts)
        return INDENT * self.depth + text.lstrip(" ")

    def lengths(self) -> list[int]:
        """Each leaf's share of the line: its text and the space before it (none for the first)."""
        result = []
        for position, leaf in enumerate(self.leaves):
            result.append(len(leaf.text) + (1 if leaf.space and position else 0))
        return result

    @property
    def magic_trailing_comma(self) -> bool:
        return any(leaf.is_closing and leaf.text and position and self.leaves[position - 1].text == ","
                   for position, leaf in enumerate(self.leaves))

    def max_priority(self, exclude: set[int] | None = None) -> int:
        values = [p for key, p in self.delimiters.items() if not exclude or key not in exclude]
        if not values:
            raise ValueError("no delimiters")
        return max(values)

    def count_priority(self, priority: int) -> int:
        return sum(1 for p in self.delimiters.values() if p == priority)


def _split_before(leaf: _Leaf, previous: _Leaf | None) -> int:
    """The priority of breaking the line before ``leaf`` (0: not a place to break)."""
    text = leaf.text
    if leaf.kind == tokenize.OP and text == "." and previous is not None and previous.is_closing:
        return DOT
    if leaf.kind == tokenize.OP and text in _MATH and previous is not None and _binary_after(previous):
        return _MATH[text]
    if leaf.kind == tokenize.OP and text in _COMPARATORS:
        return COMPARATOR
    if leaf.kind == tokenize.STRING and previous is not None and previous.kind == tokenize.STRING:
        return STRING
    if leaf.kind != tokenize.NAME:
        return 0
    if text == "is":
        return COMPARATOR
    if text == "in" and not (previous is not None and previous.kind == tokenize.NAME and previous.text == "not"):
        return COMPARATOR
    if text in ("and", "or"):
        return LOGIC
    return 0


def _binary_after(previous: _Leaf) -> bool:
    """Whether an operator after ``previous`` is binary (``a - b``) rather than unary (``-b``)."""
    if previous.kind == tokenize.OP:
        return previous.is_closing
    return not (previous.kind == tokenize.NAME and previous.text in _KEYWORDS_BEFORE_UNARY)


def _short(line: _Line, limit: int = LINE_LENGTH) -> bool:
    return len(str(line)) <= limit


def _transform(line: _Line, force_parens: bool = False) -> list[_Line]:
    """A line as black lays it out: as it is when it fits, else split."""
    line_str = str(line)
    if not line.magic_trailing_comma and len(line_str) <= LINE_LENGTH:
        return [line]
    transformers = [_delimiter_split, _rhs] if line.inside else [_rhs]
    for transform in transformers:
        try:
            return _run(line, transform, force_parens, line_str)
        except CannotSplit:
            continue
    return [line]


def _run(line: _Line, transform, force_parens: bool, line_str: str) -> list[_Line]:  # type: ignore[no-untyped-def]
    result: list[_Line] = []
    for produced in transform(line, force_parens):
        if str(produced) == line_str:
            raise CannotSplit("unchanged")
        result.extend(_transform(produced, force_parens))
    if (force_parens or transform is not _rhs or not line.invisible or any(b.text for b in line.invisible)
            or _short(result[0])):
        return result
    # a second opinion with the optional parentheses kept, taken if every line then fits
    copy = _Line(line.leaves, line.depth, line.inside)
    second = _run(copy, transform, True, line_str)
    if all(_short(piece) for piece in second):
        return second
    return result


def _rhs(line: _Line, force_parens: bool) -> list[_Line]:
    for omit in _trailers_to_omit(line):
        lines = _right_hand_split(line, force_parens, omit)
        if _short(lines[0]):
            return lines
    return _right_hand_split(line, force_parens, set())


def _trailers_to_omit(line: _Line):  # type: ignore[no-untyped-def]
    """Sets of closing brackets to skip, so that a split may happen on an earlier trailer (black's generate_trailers_to_omit)."""
    omit: set[int] = set()
    if not line.magic_trailing_comma:
        yield set(omit)
    length = len(INDENT) * line.depth
    opening: _Leaf | None = None
    closing: _Leaf | None = None
    inner: set[int] = set()
    lengths = line.lengths()
    for index in range(len(line.leaves) - 1, -1, -1):
        leaf = line.leaves[index]
        length += lengths[index]
        if length > LINE_LENGTH:
            break
        if opening is not None:
            if leaf is opening:
                opening = None
            elif leaf.is_closing:
                previous = line.leaves[index - 1] if index > 0 else None
                if previous is not None and previous.text == ",":
                    break
                inner.add(id(leaf))
        elif leaf.is_closing:
            previous = line.leaves[index - 1] if index > 0 else None
            if previous is not None and previous.is_opening:
                inner.add(id(leaf))
                continue
            if closing is not None:
                omit.add(id(closing))
                omit.update(inner)
                inner.clear()
                yield set(omit)
            if previous is not None and previous.text == ",":
                break
            if leaf.text:
                opening = leaf.opening
                closing = leaf


@dataclass
class _RHS:
    head: _Line
    body: _Line
    tail: _Line
    opening: _Leaf
    closing: _Leaf


def _first_rhs(line: _Line, omit: set[int]) -> _RHS:
    tail: list[_Leaf] = []
    body: list[_Leaf] = []
    head: list[_Leaf] = []
    current = tail
    opening: _Leaf | None = None
    closing: _Leaf | None = None
    for leaf in reversed(line.leaves):
        if current is body and leaf is opening:
            current = head if body else tail
        current.append(leaf)
        if current is tail and leaf.is_closing and id(leaf) not in omit and leaf.opening is not None:
            opening = leaf.opening
            closing = leaf
            current = body
    if opening is None or closing is None or not head:
        raise CannotSplit("no brackets")
    tail.reverse()
    body.reverse()
    head.reverse()
    result = _RHS(_Line(head, line.depth), _Line(body, line.depth + 1, True), _Line(tail, line.depth), opening, closing)
    tail_length = len(str(result.tail).strip())
    if not body:
        if tail_length == 0:
            raise CannotSplit("same line")
        if tail_length < 3:
            raise CannotSplit("not worth it")
    return result


def _right_hand_split(line: _Line, force_parens: bool, omit: set[int]) -> list[_Line]:
    return _maybe_omit_optional_parens(_first_rhs(line, omit), line, force_parens, omit)


def _maybe_omit_optional_parens(rhs: _RHS, line: _Line, force_parens: bool, omit: set[int]) -> list[_Line]:
    if (not force_parens and rhs.opening.bracket and rhs.opening.invisible and rhs.closing.bracket
            and rhs.closing.invisible and _can_omit_invisible(rhs)):
        omit = {id(rhs.closing), *omit}
        try:
            without = _first_rhs(line, omit)
            if _prefer_without_parens(without, rhs):
                return _maybe_omit_optional_parens(without, line, force_parens, omit)
        except CannotSplit:
            if not _can_be_split(rhs.body) and not _short(rhs.body):
                raise CannotSplit("the body is still too long and cannot be split") from None
    rhs.opening.make_visible()
    rhs.closing.make_visible()
    return [piece for piece in (rhs.head, rhs.body, rhs.tail) if piece.leaves]


def _prefer_without_parens(without: _RHS, rhs: _RHS) -> bool:
    head = rhs.head.leaves
    if not (len(head) >= 2 and head[-2].kind == tokenize.OP and head[-2].text == "="):
        return True
    if not any(leaf.is_opening or leaf.is_closing for leaf in head[:-1]):
        return True
    if not _short(rhs.head, LINE_LENGTH - 1):
        return True
    if rhs.head.magic_trailing_comma:
        return True
    closing_after_assign = False
    for leaf in reversed(without.head.leaves):
        if leaf.kind == tokenize.OP and leaf.text == "=":
            break
        if leaf.is_closing:
            closing_after_assign = True
            break
    return closing_after_assign or (
        any(leaf.kind == tokenize.OP and leaf.text == "=" for leaf in without.head.leaves) and _short(without.head)
    )


def _can_be_split(line: _Line) -> bool:
    leaves = line.leaves
    if len(leaves) < 2:
        return False
    if leaves[0].kind == tokenize.STRING and leaves[1].text == ".":
        calls = dots = 0
        following = leaves[-1]
        for leaf in leaves[-2::-1]:
            if leaf.is_opening:
                if not following.is_closing:
                    return False
                calls += 1
            elif leaf.text == ".":
                dots += 1
            elif leaf.kind == tokenize.NAME:
                if not (following.text == "." or following.is_opening):
                    return False
            elif not leaf.is_closing:
                return False
            if dots > 1 and calls > 1:
                return False
            following = leaf
    return True


def _can_omit_invisible(rhs: _RHS) -> bool:
    body = rhs.body
    if not body.delimiters:
        return True
    strongest = body.max_priority()
    if body.count_priority(strongest) > 1:
        return False
    if strongest == DOT:
        return True
    first, second = body.leaves[0], body.leaves[1]
    if first.is_opening and not second.is_closing and _can_omit_opening(body, first):
        return True
    penultimate, last = body.leaves[-2], body.leaves[-1]
    if last.text in (")", "}"):
        if penultimate.is_opening:
            return False
        if _can_omit_closing(body, last):
            return True
    return False


def _can_omit_opening(line: _Line, first: _Leaf) -> bool:
    remainder = False
    length = len(INDENT) * line.depth
    lengths = line.lengths()
    index = -1
    for index, leaf in enumerate(line.leaves):
        if leaf.is_closing and leaf.opening is first:
            remainder = True
        if remainder:
            length += lengths[index]
            if length > LINE_LENGTH:
                return False
            if leaf.is_opening:
                remainder = False
    return len(line.leaves) == index + 1


def _can_omit_closing(line: _Line, last: _Leaf) -> bool:
    length = len(INDENT) * line.depth
    seen_other_brackets = False
    lengths = line.lengths()
    for index, leaf in enumerate(line.leaves):
        length += lengths[index]
        if leaf is last.opening:
            if seen_other_brackets or length <= LINE_LENGTH:
                return True
        elif leaf.is_opening:
            seen_other_brackets = True
    return False


def _delimiter_split(line: _Line, force_parens: bool) -> list[_Line]:
    if not line.leaves:
        raise CannotSplit("empty")
    last = line.leaves[-1]
    try:
        strongest = line.max_priority({id(last)})
    except ValueError:
        raise CannotSplit("no delimiters") from None
    if strongest == DOT and line.count_priority(DOT) == 1:
        raise CannotSplit("a single attribute stays with its owner")
    lines: list[_Line] = []
    current: list[_Leaf] = []
    for leaf in line.leaves:
        current.append(leaf)
        if line.delimiters.get(id(leaf)) == strongest:
            lines.append(_Line(current, line.depth, line.inside))
            current = []
    if current:
        if strongest == COMMA and current[-1].text != ",":
            current.append(_Leaf(",", tokenize.OP, False))
        lines.append(_Line(current, line.depth, line.inside))
    return lines


def _tokenize(code: str) -> list[_Leaf]:
    leaves: list[_Leaf] = []
    previous_end = None
    stack: list[_Leaf] = []
    for token in tokenize.generate_tokens(io.StringIO(code).readline):
        if token.type in (tokenize.NEWLINE, tokenize.NL, tokenize.ENDMARKER, tokenize.INDENT, tokenize.DEDENT):
            continue
        space = previous_end is not None and token.start != previous_end
        leaf = _Leaf(token.string, tokenize.OP if token.type == tokenize.OP else token.type, space)
        if leaf.kind == tokenize.OP and leaf.text in _OPENING:
            stack.append(leaf)
        elif leaf.kind == tokenize.OP and leaf.text in _CLOSING and stack:
            leaf.opening = stack.pop()
        leaves.append(leaf)
        previous_end = token.end
    return leaves


def _lambda_bodies(leaves: list[_Leaf]) -> list[tuple[int, int]]:
    """The body of each lambda (after its ``:``, up to the comma or bracket that ends it): ruff parenthesises one it splits."""
    found = []
    for index, leaf in enumerate(leaves):
        if not (leaf.kind == tokenize.NAME and leaf.text == "lambda"):
            continue
        depth, colon = 0, None
        for position in range(index + 1, len(leaves)):
            item = leaves[position]
            if item.kind == tokenize.OP and item.text in _OPENING:
                depth += 1
            elif item.kind == tokenize.OP and item.text in _CLOSING:
                if depth == 0:
                    if colon is not None:
                        found.append((colon + 1, position))
                    break
                depth -= 1
            elif depth == 0 and item.kind == tokenize.OP and item.text == ":" and colon is None:
                colon = position
            elif depth == 0 and item.kind == tokenize.OP and item.text == "," and colon is not None:
                found.append((colon + 1, position))
                break
        else:
            if colon is not None:
                found.append((colon + 1, len(leaves)))
    return found


def _wrap_invisible(leaves: list[_Leaf]) -> list[_Leaf]:
    """Put invisible parentheses where black does: around an assignment's value, a return value, a condition, a for's target and iterable."""
    if not leaves:
        return leaves
    ranges: list[tuple[int, int]] = []
    first = leaves[0]
    end = len(leaves) - 1 if leaves[-1].kind == tokenize.OP and leaves[-1].text == ":" else len(leaves)
    if first.kind == tokenize.NAME and first.text in _PARENS_AFTER:
        ranges.append((1, end))
    elif first.kind == tokenize.NAME and first.text == "for":
        split = next((i for i, leaf in enumerate(leaves) if leaf.kind == tokenize.NAME and leaf.text == "in"), None)
        if split is not None:
            ranges.extend([(1, split), (split + 1, end)])
    else:
        depth = 0
        for index, leaf in enumerate(leaves):
            if leaf.kind == tokenize.OP and leaf.text in _OPENING:
                depth += 1
            elif leaf.kind == tokenize.OP and leaf.text in _CLOSING:
                depth -= 1
            elif depth == 0 and leaf.kind == tokenize.OP and leaf.text in _ASSIGNMENTS:
                ranges.append((index + 1, len(leaves)))
                break
    ranges.extend(_lambda_bodies(leaves))
    # by their first and last leaves: wrapping one range moves the positions of those around it
    spans = [(leaves[start], leaves[stop - 1]) for start, stop in sorted(ranges, reverse=True) if stop > start]
    for first_leaf, last_leaf in spans:
        start = next(i for i, leaf in enumerate(leaves) if leaf is first_leaf)
        stop = next(i for i, leaf in enumerate(leaves) if leaf is last_leaf) + 1
        inner = leaves[start:stop]
        if inner[0].text == "(" and inner[-1].opening is inner[0]:
            continue  # already in brackets of its own
        opening = _Leaf("", tokenize.OP, inner[0].space, bracket="(")
        closing = _Leaf("", tokenize.OP, False, bracket=")", opening=opening)
        inner[0].space = False  # the parenthesis takes the space: "x = (" or "x = value"
        leaves[start:stop] = [opening, *inner, closing]
    return leaves


# ------------------------------------------------------------------------------ the module being written


@dataclass
class _Entry:
    text: str
    span: Span | None = None
    statement: bool = False


@dataclass
class PyFormatter:
    """The lines of a module as they are written, with where each statement came from."""

    entries: list[_Entry] = field(default_factory=list)
    depth: int = 0
    _pending_blank: int = 0

    def indent(self) -> None:
        self.depth += 1
        self._pending_blank = 0

    def dedent(self) -> None:
        self.depth -= 1

    def blank(self, count: int = 1) -> None:
        self._pending_blank = max(self._pending_blank, count)

    def mark(self) -> int:
        return len(self.entries)

    def has_statement_since(self, mark: int) -> bool:
        return any(entry.statement for entry in self.entries[mark:])

    def insert(self, mark: int, lines: list[str]) -> None:
        self.entries[mark:mark] = [_Entry(text) for text in lines]

    def line(self, text: str, span: Span | None = None, fn_span: Span | None = None) -> None:
        """A line as it is (a comment, ``else:``, a ``def``…)."""
        self._flush_blank()
        statement = not text.lstrip().startswith("#")
        self.entries.append(_Entry(INDENT * self.depth + text if text else "", span, statement))

    def statement(self, text: str, span: Span | None = None, comment: str = "") -> None:
        """One logical line of code, split to fit if it is too long; a comment that would not fit goes above it."""
        self._flush_blank()
        if comment and len(INDENT * self.depth + text + "  " + comment) > LINE_LENGTH:
            self.entries.append(_Entry(INDENT * self.depth + comment))
            comment = ""
        pieces = layout(text, self.depth)
        if comment:
            pieces[0] += "  " + comment
        for piece in pieces:
            self.entries.append(_Entry(piece, span, True))
            span = None

    def _flush_blank(self) -> None:
        if self._pending_blank and self.entries:
            self.entries.extend(_Entry("") for _ in range(self._pending_blank))
        self._pending_blank = 0

    def text(self) -> str:
        lines = [entry.text.rstrip() for entry in self.entries]
        while lines and not lines[-1]:
            lines.pop()
        return "\n".join(lines) + "\n"

    def source_map_text(self) -> str:
        """``PY=LINE`` for every statement line (lines only: the columns differ between an English and a French program, as Program.source_map reads it (lines counted from 1)."""
        pairs: list[str] = []
        number = 1
        for entry in self.entries:
            if entry.span is not None:
                pairs.append(f"{number}={entry.span.line}")
            number += entry.text.count("\n") + 1
        return " ".join(pairs)


def layout(code: str, depth: int) -> list[str]:
    """One logical line of code at this indentation, split as ruff format would if it is too long."""
    flat = INDENT * depth + code
    if len(flat) <= LINE_LENGTH:
        return [flat]
    try:
        leaves = _tokenize(code)
    except (tokenize.TokenError, IndentationError, SyntaxError):
        return [flat]
    if any(leaf.kind == tokenize.COMMENT for leaf in leaves):
        return [flat]
    line = _Line(_wrap_invisible(leaves), depth)
    return [str(piece) for piece in _transform(line)]
