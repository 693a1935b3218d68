"""WinDev's value rules, in one place: conversions, truthiness, comparisons and arithmetic.

Plain functions of values, usable without an interpreter: the interpreter calls them, and so
will the transpiled Python. The rules are those of design §4 and the language reference §5;
where WinDev's behaviour is undocumented the choice made here is stated next to the code.
"""

from __future__ import annotations

import math
import re
import unicodedata
from typing import Any

from .errors import WLRuntimeError
from .values import (
    DynamicObject,
    WLArray,
    WLAssociativeArray,
    WLDate,
    WLDateTime,
    WLDuration,
    WLTime,
)

__all__ = [
    "REAL_TOLERANCE",
    "add",
    "compare",
    "divide",
    "equals",
    "format_number",
    "is_numeric_string",
    "modulo",
    "multiply",
    "negate",
    "optional_concat",
    "power",
    "subtract",
    "to_bool",
    "to_number",
    "to_string",
    "type_name_of",
    "val",
]

# Reals compare equal within this distance (language reference §5.2, D-REAL).
REAL_TOLERANCE = 1e-6

_NUMERIC = re.compile(r"[ \t]*[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?[ \t]*\Z")


def format_number(number: float) -> str:
    """A number as WinDev writes it in a string: no trailing zeros, '.' as decimal point."""
    if isinstance(number, bool):
        return "1" if number else "0"
    if isinstance(number, int):
        return str(number)
    if math.isnan(number) or math.isinf(number):
        return "0"
    if number == int(number) and abs(number) < 1e15:
        return str(int(number))
    text = format(number, ".15g")
    if "e" in text:
        text = format(number, ".15f").rstrip("0").rstrip(".")
    return text


def to_string(value: Any) -> str:
    """The text of a value where a string is needed (``"n=" + 3``, Trace, a string variable)."""
    if isinstance(value, str):
        return value
    if value is None:
        return ""
    if isinstance(value, (bool, int, float)):
        return format_number(value)
    if isinstance(value, (WLDuration, WLDate, WLTime, WLDateTime)):
        return str(value)
    if isinstance(value, (bytes, bytearray)):
        return bytes(value).decode("utf-8", "replace")  # a buffer read as text
    if isinstance(value, WLArray):
        raise WLRuntimeError("an array cannot be used as a string", hint="use one element: t[i]")
    if hasattr(value, "wl_string"):
        return value.wl_string()
    raise WLRuntimeError(f"a value of type {type_name_of(value)} cannot be used as a string")


def is_numeric_string(text: str) -> bool:
    return bool(_NUMERIC.match(text))


def _parse_number(text: str) -> int | float:
    stripped = text.strip()
    try:
        return int(stripped)
    except ValueError:
        number = float(stripped)  # a real, or an integer too long for int()
    if math.isinf(number):
        raise WLRuntimeError(f"the number {stripped[:12]}… is too large")
    return number


def val(value: Any) -> int | float:
    """``Val``: the number a string starts with; 0 when it holds none (design §4)."""
    if not isinstance(value, str):
        return to_number(value)
    m = re.match(r"[ \t]*[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?", value)
    return _parse_number(m.group()) if m else 0


def to_number(value: Any) -> int | float:
    """The number a value stands for in arithmetic; non-numeric text counts as 0 like ``Val``."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, (int, float)):
        return value
    if value is None:
        return 0
    if isinstance(value, str):
        return _parse_number(value) if _NUMERIC.match(value) else val(value)
    if isinstance(value, WLDuration):
        return value.milliseconds
    raise WLRuntimeError(f"a value of type {type_name_of(value)} cannot be used as a number")


def to_bool(value: Any) -> bool:
    """A condition's truth: booleans, and numbers (0 is False); a string is an error (D-LOGIC)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return value != 0
    if value is None:
        return False
    if isinstance(value, str):
        raise WLRuntimeError(
            f"the string {value!r} cannot be used as a boolean",
            hint='compare it instead, e.g. IF s <> "" THEN',
        )
    raise WLRuntimeError(f"a value of type {type_name_of(value)} cannot be used as a boolean")


def type_name_of(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "int"
    if isinstance(value, float):
        return "real"
    if isinstance(value, str):
        return "string"
    if isinstance(value, (bytes, bytearray)):
        return "buffer"
    if value is None:
        return "Null"
    if isinstance(value, WLArray):
        return "array"
    if isinstance(value, WLAssociativeArray):
        return "associative array"
    if isinstance(value, DynamicObject):
        return "variant"
    return getattr(value, "wl_type", type(value).__name__)


# ------------------------------------------------------------------------------ arithmetic


def _is_text(value: Any) -> bool:
    return isinstance(value, str) or isinstance(value, (WLDate, WLTime, WLDateTime))


def add(left: Any, right: Any) -> Any:
    """``+``: text when the left side is text, otherwise a sum (design §4)."""
    if _is_text(left):
        return to_string(left) + to_string(right)
    if isinstance(left, WLDuration) or isinstance(right, WLDuration):
        return WLDuration(_duration_ms(left) + _duration_ms(right))
    if left is None and _is_text(right):
        return to_string(right)
    return _tidy(to_number(left) + to_number(right))


def _duration_ms(value: Any) -> int | float:
    return value.milliseconds if isinstance(value, WLDuration) else to_number(value)


def subtract(left: Any, right: Any) -> Any:
    if isinstance(left, WLDuration) or isinstance(right, WLDuration):
        return WLDuration(_duration_ms(left) - _duration_ms(right))
    return _tidy(to_number(left) - to_number(right))


def multiply(left: Any, right: Any) -> Any:
    if isinstance(left, WLDuration):
        return WLDuration(left.milliseconds * to_number(right))
    return _tidy(to_number(left) * to_number(right))


def divide(left: Any, right: Any) -> Any:
    """``/`` is exact: ``18 / 5`` is 3.6; dividing by zero is a fatal error."""
    divisor = to_number(right)
    if divisor == 0:
        raise WLRuntimeError("division by zero")
    dividend = to_number(left)
    if isinstance(dividend, int) and isinstance(divisor, int):
        return int_divide(dividend, divisor)
    return dividend / divisor


def int_divide(left: int, right: int) -> int | float:
    """``/`` of two integers, the divisor not 0: exact, an integer when it divides evenly."""
    return left // right if left % right == 0 else left / right


def modulo(left: Any, right: Any) -> Any:
    """``%``: the remainder takes the sign of the dividend (as in C; WinDev's rule is undocumented)."""
    if type(left) is int and type(right) is int and right > 0:  # the usual case, without conversions
        return int_modulo(left, right)
    divisor = to_number(right)
    if divisor == 0:
        raise WLRuntimeError("modulo by zero")
    dividend = to_number(left)
    if isinstance(dividend, int) and isinstance(divisor, int):
        remainder = abs(dividend) % abs(divisor)
        return -remainder if dividend < 0 else remainder
    return _tidy(math.fmod(dividend, divisor))


def int_modulo(left: int, right: int) -> int:
    """``%`` of two integers, the divisor positive: the remainder takes the dividend's sign."""
    return left % right if left >= 0 else -(-left % right)


def power(left: Any, right: Any) -> Any:
    base = to_number(left)
    exponent = to_number(right)
    try:
        result = base**exponent
    except OverflowError:
        raise WLRuntimeError("the result of ^ is too large") from None
    except ZeroDivisionError:
        raise WLRuntimeError("0 cannot be raised to a negative power") from None
    if isinstance(result, complex):
        raise WLRuntimeError("a negative number cannot be raised to a fractional power")
    return _tidy(result)


def negate(value: Any) -> Any:
    if isinstance(value, WLDuration):
        return WLDuration(-value.milliseconds)
    return _tidy(-to_number(value))


def _tidy(number: float) -> int | float:
    if isinstance(number, float) and math.isinf(number):
        raise WLRuntimeError("numeric overflow")
    return number


def optional_concat(left: Any, separator: Any, right: Any = None) -> str:
    """``left + [sep] + right``: the separator only where it is missing (D-STROPS).

    It is left out when ``left`` is empty or already ends with it, and when ``right`` already
    starts with it.
    """
    text = to_string(left)
    sep = to_string(separator)
    tail = "" if right is None else to_string(right)
    if text and sep and not text.endswith(sep) and not tail.startswith(sep):
        text += sep
    return text + tail


# ------------------------------------------------------------------------------ comparison


def _fold(text: str, very: bool) -> str:
    """The form two strings are compared under by ~= (case, accents, outer spaces) and ~~ (also punctuation and inner spaces)."""
    folded = unicodedata.normalize("NFD", text.casefold())
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    if very:
        return "".join(c for c in folded if c.isalnum())
    return folded.strip()


def _numeric_pair(left: Any, right: Any) -> tuple[Any, Any] | None:
    """Both sides as numbers when a number meets a numeric string (design §4), else None."""
    left_num = isinstance(left, (int, float)) and not isinstance(left, bool) or isinstance(left, bool)
    right_num = isinstance(right, (int, float)) and not isinstance(right, bool) or isinstance(right, bool)
    if left_num and right_num:
        return left, right
    if left_num and isinstance(right, str) and is_numeric_string(right):
        return left, _parse_number(right)
    if right_num and isinstance(left, str) and is_numeric_string(left):
        return _parse_number(left), right
    return None


def _close(a: float, b: float) -> bool:
    """Reals equal within the tolerance; an integer too large for a real is far from any real."""
    try:
        return abs(a - b) < REAL_TOLERANCE
    except OverflowError:
        return False


def equals(left: Any, right: Any) -> bool:
    """``=`` between any two values."""
    if left is None or right is None:
        return left is right or _is_empty(left if right is None else right)
    pair = _numeric_pair(left, right)
    if pair is not None:
        a, b = pair
        if isinstance(a, float) or isinstance(b, float):
            return _close(a, b)
        return a == b
    if isinstance(left, str) or isinstance(right, str):
        return to_string(left) == to_string(right)
    if isinstance(left, WLDuration) and isinstance(right, WLDuration):
        return left.milliseconds == right.milliseconds
    return left is right or left == right


def _is_empty(value: Any) -> bool:
    """Null equals an empty string and an unset variant (a string is a nullable type, D-STRTYPE)."""
    return value == "" if isinstance(value, str) else False


def _order(left: Any, right: Any) -> int:
    pair = _numeric_pair(left, right)
    if pair is None and (left is None or right is None):
        pair = (to_number(left), to_number(right)) if not (_is_text(left) or _is_text(right)) else None
    if pair is not None:
        a, b = pair
        if (isinstance(a, float) or isinstance(b, float)) and _close(a, b):
            return 0
        return (a > b) - (a < b)
    if isinstance(left, WLDuration) and isinstance(right, WLDuration):
        return (left.milliseconds > right.milliseconds) - (left.milliseconds < right.milliseconds)
    a_text, b_text = to_string(left), to_string(right)
    return (a_text > b_text) - (a_text < b_text)


def compare(op: str, left: Any, right: Any) -> bool:
    """Any comparison operator of WLanguage, by its written form."""
    if op == "=":
        return equals(left, right)
    if op == "<>":
        return not equals(left, right)
    if op in _ORDERS:
        return _ORDERS[op](_order(left, right))
    return _STRING_TESTS[op](to_string(left), to_string(right))


_ORDERS = {
    "<": lambda c: c < 0,
    "<=": lambda c: c <= 0,
    ">": lambda c: c > 0,
    ">=": lambda c: c >= 0,
}

_STRING_TESTS = {
    "~=": lambda a, b: _fold(a, False) == _fold(b, False),
    "~~": lambda a, b: _fold(a, True) == _fold(b, True),
    "[=": lambda a, b: a.startswith(b),
    "[~": lambda a, b: _fold(a, False).startswith(_fold(b, False)),
    "[~~": lambda a, b: _fold(a, True).startswith(_fold(b, True)),
    "[=]": lambda a, b: b in a,
    "[~]": lambda a, b: _fold(b, False) in _fold(a, False),
    "[~~]": lambda a, b: _fold(b, True) in _fold(a, True),
    "=]": lambda a, b: a.endswith(b),
    "~]": lambda a, b: _fold(a, False).endswith(_fold(b, False)),
    "~~]": lambda a, b: _fold(a, True).endswith(_fold(b, True)),
}


# ------------------------------------------------------------------------------ typed storage


def _to_int(value: Any) -> int:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value)  # WinDev truncates a real stored in an integer
    if value is None:
        return 0
    if isinstance(value, str) and is_numeric_string(value):
        return int(_parse_number(value))
    if isinstance(value, WLDuration):
        return int(value.milliseconds)
    raise _cannot(value, "int")


def _to_real(value: Any) -> float | int:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, (int, float)):
        return value
    if value is None:
        return 0
    if isinstance(value, str) and is_numeric_string(value):
        return _parse_number(value)
    raise _cannot(value, "real")


def _to_boolean(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return value != 0
    if value is None:
        return False
    if isinstance(value, str) and is_numeric_string(value):
        return _parse_number(value) != 0
    raise _cannot(value, "boolean")


def _to_text(value: Any) -> str:
    return to_string(value)


def _to_date(value: Any) -> WLDate:
    import datetime as dt

    if isinstance(value, WLDate):
        return value
    if isinstance(value, WLDateTime):
        return WLDate(value.value.date())
    text = to_string(value).strip()
    try:
        return WLDate(dt.datetime.strptime(text[:8], "%Y%m%d").date())
    except ValueError:
        raise _cannot(value, "Date", "a date is written YYYYMMDD") from None


def _to_time(value: Any) -> WLTime:
    import datetime as dt

    if isinstance(value, WLTime):
        return value
    if isinstance(value, WLDateTime):
        return WLTime(value.value.time())
    text = to_string(value).strip().ljust(8, "0")
    try:
        base = dt.datetime.strptime(text[:6], "%H%M%S")
        return WLTime(base.time().replace(microsecond=int(text[6:8]) * 10_000))
    except ValueError:
        raise _cannot(value, "Time", "a time is written HHMMSSCC") from None


def _to_datetime(value: Any) -> WLDateTime:
    import datetime as dt

    if isinstance(value, WLDateTime):
        return value
    if isinstance(value, WLDate):
        return WLDateTime(dt.datetime.combine(value.value, dt.time()))
    text = to_string(value).strip().ljust(17, "0")
    try:
        base = dt.datetime.strptime(text[:14], "%Y%m%d%H%M%S")
        return WLDateTime(base.replace(microsecond=int(text[14:17]) * 1000))
    except ValueError:
        raise _cannot(value, "DateTime", "a date-time is written YYYYMMDDHHMMSSCCC") from None


def _to_duration(value: Any) -> WLDuration:
    if isinstance(value, WLDuration):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return WLDuration(value)
    if isinstance(value, str) and is_numeric_string(value):
        return WLDuration(_parse_number(value))
    raise _cannot(value, "Duration")


def _cannot(value: Any, target: str, hint: str = "") -> WLRuntimeError:
    shown = repr(value) if isinstance(value, str) else type_name_of(value)
    return WLRuntimeError(f"cannot convert {shown} to {target}", hint=hint, diagnostic_code="type")


# The conversion applied when a value is stored in a variable or property of a simple type.
CONVERSIONS = {
    "int": _to_int,
    "real": _to_real,
    "numeric": _to_real,
    "currency": _to_real,
    "string": _to_text,
    "boolean": _to_boolean,
    "Date": _to_date,
    "Time": _to_time,
    "DateTime": _to_datetime,
    "Duration": _to_duration,
    "buffer": _to_text,
}


def convert_to(kind: str, value: Any) -> Any:
    """Store ``value`` as a ``kind`` (``int``, ``string`` …): ``Port = "993"`` stores 993 (design §4)."""
    return CONVERSIONS[kind](value)
