"""WinDev's value rules (design §4), tested on the one semantics module and through programs."""

from __future__ import annotations

import pytest

from wlinterp import semantics as sem
from wlinterp.errors import WLRuntimeError
from wlinterp.values import WLDuration

from .conftest import errors, run, traces


@pytest.mark.parametrize(
    ("left", "right", "expected"),
    [
        ("n=", 3, "n=3"),
        ("x", 2.50, "x2.5"),
        ("v", 1 / 4, "v0.25"),
        (1, "2", 3),
        (1, "abc", 1),  # a non-numeric string counts as 0, like Val
        (1.5, 2, 3.5),
        ("", True, "1"),
        (None, "a", "a"),
    ],
)
def test_add(left, right, expected):
    assert sem.add(left, right) == expected


def test_numbers_format_without_trailing_zeros():
    assert sem.to_string(3.0) == "3"
    assert sem.to_string(0.1 + 0.2) == "0.3"
    assert sem.to_string(-2.5) == "-2.5"
    assert sem.to_string(1e20) == "100000000000000000000"
    assert sem.to_string(True) == "1" and sem.to_string(False) == "0"


def test_division_is_exact_and_zero_is_fatal():
    assert sem.divide(18, 5) == 3.6
    assert sem.divide(10, 2) == 5 and isinstance(sem.divide(10, 2), int)
    with pytest.raises(WLRuntimeError, match="division by zero"):
        sem.divide(1, 0)


def test_val():
    assert sem.val("abc") == 0
    assert sem.val("12abc") == 12
    assert sem.val(" -3.5 ") == -3.5


@pytest.mark.parametrize(
    ("op", "left", "right", "expected"),
    [
        ("=", 10, "10", True),  # number and numeric string: numerically
        ("=", 10, "10.0", True),
        ("<", 9, "10", True),
        ("=", "10", "10.0", False),  # two strings: text, even when both look like numbers
        ("<", "9", "10", False),
        ("=", 5, "abc", False),  # number and non-numeric string: as text
        ("=", 0.1 + 0.2, 0.3, True),  # reals within 1e-6
        ("=", True, 1, True),
        ("~=", "  Élan ", "elan", True),
        ("~~", "e-mail address", "EMailAddress", True),
        ("[=", "Subject: hi", "Subject", True),
        ("[~", "SUBJECT: hi", "subject", True),
        ("[=]", "a@b.c", "@", True),
        ("=]", "report.pdf", ".pdf", True),
        ("~]", "REPORT.PDF", ".pdf", True),
        ("<>", "a", "b", True),
        ("=", None, "", True),
        ("=", None, None, True),
        ("=", None, 0, False),
    ],
)
def test_compare(op, left, right, expected):
    assert sem.compare(op, left, right) is expected


def test_truthiness():
    assert sem.to_bool(0) is False and sem.to_bool(2) is True and sem.to_bool(None) is False
    with pytest.raises(WLRuntimeError, match="cannot be used as a boolean"):
        sem.to_bool("yes")


def test_optional_concatenation():
    assert sem.optional_concat("C:\\dir", "\\", "file") == "C:\\dir\\file"
    assert sem.optional_concat("C:\\dir\\", "\\", "file") == "C:\\dir\\file"
    assert sem.optional_concat("", ", ", "a") == "a"
    assert sem.optional_concat("a", ", ") == "a, "
    assert sem.optional_concat("a, ", ", ") == "a, "


def test_typed_storage_converts():
    assert sem.convert_to("int", "993") == 993
    assert sem.convert_to("int", 2.9) == 2
    assert sem.convert_to("string", 25) == "25"
    assert sem.convert_to("boolean", 1) is True
    assert sem.convert_to("Duration", 1500) == WLDuration(1500)
    with pytest.raises(WLRuntimeError, match="cannot convert 'abc' to int"):
        sem.convert_to("int", "abc")


def test_modulo_and_power():
    assert sem.modulo(7, 3) == 1 and sem.modulo(-7, 3) == -1
    assert sem.power(2, 10) == 1024


# --------------------------------------------------------------------------- through programs


def test_assignment_to_typed_variable_converts():
    assert traces('Port is int\nPort = "993"\nTrace(Port + 1)\n') == ["994"]


def test_impossible_conversion_is_a_runtime_error_with_position():
    outcome = run('Port is int\nText is string = "abc"\nPort = Text\n')
    assert outcome.status == "runtime-error" and outcome.exit_code == 1
    assert errors(outcome) == [("type", 3, 1, "cannot convert 'abc' to int")]


def test_literal_that_cannot_convert_is_a_compile_error():
    outcome = run('Port is int = "abc"\n')
    assert outcome.status == "compile-error"
    assert errors(outcome) == [("type", 1, 15, "cannot convert 'abc' to int")]


def test_string_condition_is_a_runtime_error():
    outcome = run('s is string = "yes"\nIF s THEN Trace(1)\n')
    assert outcome.status == "runtime-error"
    assert errors(outcome)[0][:3] == ("runtime", 2, 4)


def test_numbers_as_conditions():
    assert traces("n is int = 2\nIF n THEN Trace(\"non-zero\")\nn = 0\nIF NOT n THEN Trace(\"zero\")\n") == ["non-zero", "zero"]


def test_and_or_evaluate_both_sides_short_circuit_ones_do_not():
    text = """
Calls is int
IF False AND Touch() THEN Trace("never")
IF True OR Touch() THEN Trace(Calls)
IF False _AND_ Touch() THEN Trace("never")
IF True _OR_ Touch() THEN Trace(Calls)
PROCEDURE Touch()
Calls++
RESULT True
"""
    assert traces(text) == ["2", "2"]


def test_and_or_share_one_precedence_level_left_to_right():
    # (True OR True) AND False: no AND-before-OR priority in WLanguage
    assert traces("IF True OR True AND False THEN\n\tTrace(\"and first\")\nELSE\n\tTrace(\"left to right\")\nEND\n") == ["left to right"]


def test_not_binds_looser_than_comparison():
    assert traces("x is int = 3\nIF NOT x IN (1, 2) THEN Trace(\"not in\")\nIF NOT x = 4 THEN Trace(\"ne\")\n") == ["not in", "ne"]


def test_intervals_and_ranges():
    text = "x is int = 5\nTrace(1 < x <= 5, 5 < x < 9, x = 1 TO 5, x = 6 TO 9)\n"
    assert traces(text) == ["1 0 1 0"]


def test_arrays_are_one_based_and_bounded():
    assert traces("t is array of strings = [\"a\", \"b\"]\nTrace(t[1], t[2], ArrayCount(t), t..Count, t.Count)\n") == ["a b 2 2 2"]
    outcome = run("t is array of int\nt[1] = 5\n")
    assert outcome.status == "runtime-error"
    assert "out of range" in errors(outcome)[0][3]


def test_array_add_and_delete_all():
    text = "t is array of int\nAdd(t, 3)\nArrayAdd(t, \"4\")\nt.Add(5)\nTrace(ArrayCount(t), t[2] + 1)\nArrayDeleteAll(t)\nTrace(ArrayCount(t))\n"
    assert traces(text) == ["3 5", "0"]


def test_array_assignment_copies_and_arrow_shares():
    text = """
a is array of int = [1, 2]
b is array of int
b = a
b[1] = 9
c is array of int <- a
c[2] = 7
Trace(a[1], a[2], b[1])
"""
    assert traces(text) == ["1 7 9"]


def test_variables_declared_in_a_block_stay_visible():
    assert traces("IF True THEN\n\tMessage is string = \"inside\"\nEND\nTrace(Message)\n") == ["inside"]


def test_durations():
    # a duration reads DDHHMMSSCCC in a string, as in WinDev
    assert traces("d is Duration = 2 min 8 s\nTrace(d)\nIF d = 128 s THEN Trace(\"same\")\n") == ["00000208000", "same"]


def test_substrings():
    text = 'Text is string = "San Francisco"\nTrace(Text[[5]], Text[[5 TO 10]], Text[[5 TO]], Text[[TO 10]], Text[[10 ON 4]])\n'
    assert traces(text) == ["F Franci Francisco San Franci isco"]


def test_interpolation():
    assert traces('Name is string = "Ada"\nn is int = 2\nTrace("Hi [%Name%], you have [% n + 1 %] mails")\n') == ["Hi Ada, you have 3 mails"]


def test_for_re_reads_its_bound_and_to_once_does_not():
    text = """
Limit is int = 3
Seen is int
FOR i = 1 TO Limit
\tIF i = 1 THEN Limit = 5
\tSeen++
END
Limit = 3
Once is int
FOR j = 1 _TO_ Limit
\tIF j = 1 THEN Limit = 5
\tOnce++
END
Trace(Seen, Once)
"""
    assert traces(text) == ["5 3"]


def test_array_literal_takes_the_declared_element_type():
    assert traces('t is array of int = [1, "2"]\nTrace(t[1] + t[2])\nAdd(t, "3")\nTrace(t[3] * 2)\n') == ["3", "6"]
