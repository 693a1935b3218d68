"""The interpreter's specialised closures (direct calls, typed cells, operators on constants, array access) behave as the general ones do."""

from __future__ import annotations

import io

import pytest

from wlinterp.interpreter import Interpreter
from wlinterp.runtime import RunOptions, Runtime

from .conftest import errors, program, run, traces


def assert_fails_at(text: str, where: tuple[int, int], message: str) -> None:
    """The program stops with this runtime error, reported at this line and column."""
    outcome = run(text)
    assert outcome.status == "runtime-error"
    assert errors(outcome)[0][1:] == (*where, message)


# ------------------------------------------------------------------------------ direct procedure calls


def test_a_variable_of_the_parameters_type_is_passed_by_reference():
    text = "a is int = 1\nBump(a)\nTrace(a)\nPROCEDURE Bump(x is int)\nx += 10\n"
    assert traces(text) == ["11"]


def test_a_variable_of_another_type_is_converted_into_a_copy():
    text = 's is string = "5"\nBump(s)\nTrace(s)\nPROCEDURE Bump(x is int)\nx += 10\nTrace(x)\n'
    assert traces(text) == ["15", "5"]


def test_a_global_passed_from_a_procedure_is_aliased_too():
    text = "Total is int = 1\nOuter()\nTrace(Total)\nPROCEDURE Outer()\nBump(Total)\nPROCEDURE Bump(x)\nx = x * 7\n"
    assert traces(text) == ["7"]


def test_an_expression_argument_is_a_copy_converted_to_the_parameter_type():
    text = "a is int = 4\nTrace(Half(a + 1))\nTrace(a)\nPROCEDURE Half(x is real)\nx = x / 2\nRESULT x\n"
    assert traces(text) == ["2.5", "4"]


def test_a_real_passed_to_an_int_parameter_is_truncated():
    assert traces("Trace(Same(7.9))\nPROCEDURE Same(n is int)\nRESULT n\n") == ["7"]


def test_a_local_array_parameter_is_a_copy_and_an_untyped_one_an_alias():
    text = """
t is array of int = [1, 2]
Change(t, t)
Trace(t[1], t[2])
PROCEDURE Change(LOCAL copy, alias)
copy[1] = 10
alias[2] = 20
"""
    assert traces(text) == ["1 20"]


def test_a_local_variable_hides_a_global_only_once_declared():
    text = """
x is int = 5
Show()
PROCEDURE Show()
Trace(x)
x is int = 3
Trace(x)
"""
    assert traces(text) == ["5", "3"]


def test_an_argument_that_cannot_convert_fails_at_the_call():
    outcome = run('s is string = "abc"\n\nTrace(Next(s))\nPROCEDURE Next(n is int)\nRESULT n + 1\n')
    assert outcome.status == "runtime-error"
    _code, line, _column, message = errors(outcome)[0]
    assert line == 3 and "cannot convert" in message


def test_deep_recursion_names_the_procedure():
    outcome = run("Trace(Down(1))\nPROCEDURE Down(n is int) : int\nRESULT Down(n + 1) + 1\n")
    assert outcome.status == "runtime-error"
    assert "stack overflow: 'Down'" in errors(outcome)[0][3]


def test_a_procedure_without_result_returns_empty():
    assert traces('Trace("[" + Nothing(1) + "]")\nPROCEDURE Nothing(n)\nn = 2\n') == ["[]"]


def test_mutual_recursion():
    text = """
Trace(IsEven(10), IsEven(7))
PROCEDURE IsEven(n is int) : boolean
IF n = 0 THEN RESULT True
RESULT IsOdd(n - 1)
PROCEDURE IsOdd(n is int) : boolean
IF n = 0 THEN RESULT False
RESULT IsEven(n - 1)
"""
    assert traces(text) == ["1 0"]


def test_a_failing_builtin_reports_the_call_position():
    outcome = run("t is array of int\n\nx is int = ArrayCount(t) + t[3]\n")
    assert outcome.status == "runtime-error"
    assert errors(outcome)[0][1] == 3


# ------------------------------------------------------------------------------ operators on variables and constants


def test_integers_do_not_overflow():
    text = "x is int = 9223372036854775807\nTrace(x + 1, x * 3, -x - 2)\n"
    assert traces(text) == ["9223372036854775808 27670116110564327421 -9223372036854775809"]


def test_reals_mixed_with_integer_constants():
    text = "r is real = 2.5\nTrace(r - 1, r * 2, r + 1, r < 3, r = 2.5, r / 2, 5 / 2, 6 / 3, -7 % 3, 7 % -3, 7.5 % 2)\n"
    assert traces(text) == ["1.5 5 3.5 1 1 1.25 2.5 2 -1 1 1.5"]


def test_numeric_strings_with_integer_constants():
    text = 's is string = "10"\nTrace(s + 1, 1 + s, s < 9, s = 10, s > "9", "a" + 1 + 2, 1 + 2 + "a", s * 2)\n'
    assert traces(text) == ["101 11 0 1 0 a12 3 20"]


def test_booleans_are_numbers_not_integers():
    assert traces("b is boolean = True\nTrace(b = 1, b + 1, b < 2, True + True)\n") == ["1 2 1 2"]


def test_strings_compared_with_string_constants():
    assert traces('s is string = "b"\nTrace(s < "c", s = "B", s <> "b", s >= "a", "" = Null)\n') == ["1 0 0 1 1"]


def test_division_and_modulo_by_a_zero_variable_fail_where_they_are():
    for op, message in (("/", "division by zero"), ("%", "modulo by zero")):
        outcome = run(f"x is int = 0\ny is int = 5\n\nTrace(y {op} x)\n")
        assert outcome.status == "runtime-error"
        assert errors(outcome)[0][1:] == (4, 7, message)


def test_an_operator_on_an_array_fails_where_it_is():
    outcome = run("t is array of int\n\nTrace(1 + (t - 1))\n")
    assert errors(outcome)[0][1:] == (3, 12, "a value of type array cannot be used as a number")


def test_a_procedure_reads_a_global_in_an_operation_with_a_constant():
    assert traces(
        "Limit is int = 10\nTrace(Below(3), Below(12))\nPROCEDURE Below(n is int)\nRESULT n < Limit - 1\n"
    ) == ["1 0"]


# ------------------------------------------------------------------------------ loops, counters and array elements


@pytest.mark.parametrize(
    ("text", "printed"),
    [
        ("n is int = 3\nFOR i = 1 TO n\n\tIF i = 1 THEN n = 5\n\tTrace(i)\nEND\n", ["1", "2", "3", "4", "5"]),
        ("n is int = 3\nFOR i = 1 _TO_ n\n\tn = 5\n\tTrace(i)\nEND\n", ["1", "2", "3"]),
        ("FOR x = 1 TO 2 STEP 0.5\n\tTrace(x)\nEND\n", ["1", "1.5", "2"]),
        ("FOR i = 3 TO 1 STEP -1\n\tTrace(i)\nEND\nTrace(i)\n", ["3", "2", "1", "0"]),
        ("i is string\nFOR i = 1 TO 3\n\tTrace(i + 1)\nEND\n", ["11", "21", "31"]),
        ("r is real\nFOR r = 1 TO 2\n\tTrace(r / 2)\nEND\n", ["0.5", "1"]),
        ('n is string = "3"\nFOR i = 1 TO n\n\tTrace(i)\nEND\n', ["1", "2", "3"]),
        ("FOR i = 1 TO 10\n\tTrace(i)\n\ti += 3\nEND\n", ["1", "5", "9"]),
        (
            "FOR i = 1 TO 10\n\tIF i = 2 THEN CONTINUE\n\tIF i = 4 THEN BREAK\n\tTrace(i)\nEND\nTrace(i)\n",
            ["1", "3", "4"],
        ),
        # an array element passed by reference counts a FOR loop as the transpilation does
        ("t is array of int = [0, 0]\nLoopOn(t[2])\nTrace(t[2])\nPROCEDURE LoopOn(x)\nFOR x = 1 TO 3\nEND\n", ["4"]),
        ('s is string = "9"\ns++\nr is real = 1.5\nr--\nb is boolean\nb++\nTrace(s, r, b)\n', ["91 0.5 1"]),
        (
            's is string = "a"\ns += 1\nt is int = 5\nt += "2"\nt -= 1.5\nr is real = 1\nr /= 4\nTrace(s, t, r)\n',
            ["a1 5 0.25"],
        ),
        ('t is array of int = [1, 2, 3]\nt[2] = "7"\nt[3] = 2.9\nTrace(t[1] + t[2] + t[3])\n', ["10"]),
        ('s is string = "abc"\nTrace(s[2], s[9])\n', ["b "]),
        ("t is array of int = [1, 2, 3]\nTrace(t[2.0])\n", ["2"]),
        ('a is associative array of int\na["x"] = 1\na["x"]++\na["x"] += 5\nTrace(a["x"])\n', ["7"]),
        (
            "Total is int\nFOR i = 1 TO 3\n\tTotal += Twice(i)\nEND\nTrace(Total)\nPROCEDURE Twice(n)\nn = n * 2\nRESULT n\n",
            ["8"],
        ),  # i itself doubles: by reference
    ],
)
def test_loops_counters_and_elements(text: str, printed: list[str]):
    assert traces(text) == printed


@pytest.mark.parametrize(
    ("text", "where", "message"),
    [
        (
            "t is array of int = [1, 2, 3]\n\nt[4] = 1\n",
            (3, 1),
            "array index 4 is out of range: valid indexes are 1 to 3",
        ),
        ('t is array of int = [1, 2, 3]\n\nt[1] = "abc"\n', (3, 1), "cannot convert 'abc' to int"),
        (
            "t is array of int = [1, 2, 3]\n\nTrace(t[0])\n",
            (3, 7),
            "array index 0 is out of range: valid indexes are 1 to 3",
        ),
        ("CONSTANT\n\tK = 3\nEND\nFOR K = 1 TO 2\nEND\n", (4, 1), "a constant cannot be changed"),
    ],
)
def test_element_and_counter_errors_keep_their_position(text: str, where: tuple[int, int], message: str):
    assert_fails_at(text, where, message)


# ------------------------------------------------------------------------------ the trace hook


def test_the_trace_hook_sees_every_statement_of_unrolled_blocks_and_loop_bodies():
    text = """t is array of int = [1, 2, 3]
Total is int
FOR i = 1 TO 3
\tTotal += t[i]
END
WHILE Total > 5
\tTotal--
\tIF Total = 7 THEN BREAK
END
IF Total > 0 THEN
\tTrace(Twice(Total))
ELSE IF Total < 0 THEN
\tTrace(0)
END
PROCEDURE Twice(n is int)
RESULT n * 2
"""
    runtime = Runtime(RunOptions(), io.StringIO())
    interpreter = Interpreter(program(text), runtime)
    seen: list[tuple[str, int]] = []
    interpreter.trace_hook = lambda stmt, frame: seen.append((type(stmt).__name__, stmt.span.line))
    interpreter.run()
    assert seen == [
        ("Declare", 1),
        ("Declare", 2),
        ("For", 3),
        ("Assign", 4),
        ("Assign", 4),
        ("Assign", 4),
        ("While", 6),
        ("IncDec", 7),
        ("If", 8),
        ("If", 10),
        ("ExprStmt", 11),
        ("Result", 16),
    ]


# ------------------------------------------------------------------------------ calls of three parameters, LOCAL, IF and WHILE shapes


@pytest.mark.parametrize(
    ("text", "printed"),
    [
        (
            (
                'a is int = 1\nb is string = "2"\nThree(a, b, a + 10)\nTrace(a, b)\n'
                "PROCEDURE Three(x is int, y is int, z is real)\nx = x + z\ny = y + z\nTrace(x, y, z)\n"
            ),
            ["12 13 11", "12 2"],
        ),
        ("a is int = 1\nKeep(a)\nTrace(a)\nPROCEDURE Keep(LOCAL x is int)\nx = 5\n", ["1"]),
        (
            "i is int = 0\nt is array of int = [1, 2]\nWHILE i = 0 _OR_ t[i] < 3\n\ti++\n\tIF i = 2 THEN BREAK\nEND\nTrace(i)\n",
            ["2"],
        ),
        ("i is int = 3\nt is array of int = [1, 2]\nWHILE i <= 2 _AND_ t[i] > 0\n\ti++\nEND\nTrace(i)\n", ["3"]),
        (
            "Trace(Find(3))\nPROCEDURE Find(n is int)\nFOR i = 1 TO 10\n\tIF i = n THEN RESULT i * 10\nEND\nRESULT -1\n",
            ["30"],
        ),
        ('Nothing()\nTrace("ok")\nPROCEDURE Nothing()\n', ["ok"]),
    ],
)
def test_call_and_control_shapes(text: str, printed: list[str]):
    assert traces(text) == printed


@pytest.mark.parametrize(
    ("text", "where", "message"),
    [
        ("x is int = 0\nIF x = 0 THEN Trace(1 / x)\n", (2, 21), "division by zero"),
        ('s is string = "x"\nWHILE s _AND_ True\nEND\n', (2, 7), "the string 'x' cannot be used as a boolean"),
        ("Trace(Bad(0))\nPROCEDURE Bad(n is int)\nm is int = 5\nRESULT m / n\n", (4, 8), "division by zero"),
    ],
)
def test_errors_in_call_and_control_shapes_keep_their_position(text: str, where: tuple[int, int], message: str):
    assert_fails_at(text, where, message)


# ------------------------------------------------------------------------------ t[j + 1] and t[j - 1]


def test_an_index_beside_a_variable_follows_the_variable_type():
    text = "t is array of int = [10, 20, 30]\nj is int = 1\nr is real = 1.0\nt[j + 1] = t[j + 2] + 1\nTrace(t[r + 1], t[j - -1], t[3 - j])\n"
    assert traces(text) == ["31 31 31"]


@pytest.mark.parametrize(
    ("text", "where", "message"),
    [
        (
            't is array of int = [10, 20, 30]\ns is string = "2"\nTrace(t[s + 1])\n',
            (3, 7),
            "array index must be an integer, not '21'",
        ),
        (
            "t is array of int = [10, 20, 30]\nj is int = 3\n\nTrace(t[j + 1])\n",
            (4, 7),
            "array index 4 is out of range: valid indexes are 1 to 3",
        ),
        (
            "t is array of int = [10, 20, 30]\nj is int = 3\n\nt[j + 1] = 5\n",
            (4, 1),
            "array index 4 is out of range: valid indexes are 1 to 3",
        ),
    ],
)
def test_an_index_beside_a_variable_fails_as_the_expression_does(text: str, where: tuple[int, int], message: str):
    assert_fails_at(text, where, message)


def test_an_element_or_a_result_against_a_variable_of_another_type():
    text = (
        't is array of string = ["5", "a"]\nn is int = 5\nr is real = 0.5\ns is string = "x"\n'
        "Trace(t[1] = n, t[2] < s, n * 2 + r, Length(s) + n, t[1] + n, 10 - n + s)\n"
    )
    assert traces(text) == ["1 1 10.5 6 55 5"]


# ------------------------------------------------------------------------------ t[j] compared in place, t[j + 1] = t[j]


@pytest.mark.parametrize(
    ("text", "printed"),
    [
        # the element against a variable or a constant of its own type, of another type, or of no fast type
        (
            (
                't is array of int = [3, 7]\nj is int = 2\nc is int = 5\ns is string = "7"\n'
                'Trace(t[j] > c, t[j - 1] > c, t[j] = s, t[j] = 7, t[j] = "7", t[j] < 7.5)\n'
            ),
            ["1 0 1 1 1 1"],
        ),
        ('t is array of string = ["b", "a"]\nj is int = 1\nTrace(t[j] > "a", t[j + 1] = "a", t[j] < 2)\n', ["1 1 0"]),
        # an index of another type, an associative array, a string: their closures answer
        ("t is array of int = [3, 7]\nr is real = 1.0\nTrace(t[r] = 3, t[r + 1] > 5)\n", ["1 1"]),
        ('a is associative array of int\na["k"] = 4\nk is string = "k"\nTrace(a[k] = 4)\n', ["1"]),
        ('w is string = "abc"\ni is int = 2\nTrace(w[i] = "b")\n', ["1"]),
        # the array or the index a global read from a procedure
        (
            "t is array of int = [3, 7]\nj is int = 2\nShow()\nPROCEDURE Show()\nTrace(t[j] = 7)\nk is int = 1\nTrace(t[k] = 3)\n",
            ["1", "1"],
        ),
        # t[j + 1] = t[j] moves, converting into the element type
        (
            "t is array of int = [1, 2, 3]\nj is int = 1\nt[j + 1] = t[j]\nt[j + 2] = t[j + 1]\nTrace(t[1], t[2], t[3])\n",
            ["1 1 1"],
        ),
        ('t is array of string = ["x", "y"]\nj is int = 1\nt[j] = t[j + 1]\nTrace(t[1] + t[2])\n', ["yy"]),
        ("t is array of int = [1, 2]\nr is real = 1.0\nt[r + 1] = t[r]\nTrace(t[2])\n", ["1"]),
        (
            "t is array of int = [1, 2]\nu is array of real = [0.5, 1.5]\nj is int = 1\nt[j] = u[j + 1]\nTrace(t[1])\n",
            ["1"],
        ),
        # in a procedure, the array an aliased parameter and the index a local
        (
            "t is array of int = [1, 2]\nShift(t)\nTrace(t[2])\nPROCEDURE Shift(a)\nj is int = 1\na[j + 1] = a[j]\n",
            ["1"],
        ),
    ],
)
def test_elements_compared_and_moved_in_place(text: str, printed: list[str]):
    assert traces(text) == printed


@pytest.mark.parametrize(
    ("text", "where", "message"),
    [
        (
            "t is array of int = [1, 2]\nj is int = 2\nc is int = 0\n\nIF t[j + 1] > c THEN Trace(1)\n",
            (5, 4),
            "array index 3 is out of range: valid indexes are 1 to 2",
        ),
        (
            "t is array of int = [1, 2]\nj is int = 0\n\nTrace(t[j] = 1)\n",
            (4, 7),
            "array index 0 is out of range: valid indexes are 1 to 2",
        ),
        (
            "t is array of int = [1, 2]\nj is int = 2\n\nt[j - 1] = t[j + 1]\n",
            (4, 12),
            "array index 3 is out of range: valid indexes are 1 to 2",
        ),
        (
            "t is array of int = [1, 2]\nj is int = 0\n\nt[j] = t[j + 1]\n",
            (4, 1),
            "array index 0 is out of range: valid indexes are 1 to 2",
        ),
        (
            't is array of int = [3, 7]\ns is string = "2"\n\nTrace(t[s] = 7)\n',
            (4, 7),
            "array index must be an integer, not '2'",
        ),
        (
            "t is array of int\nt.Add(5)\nj is int = 1\n\nt[j + 1] = t[j]\n",
            (5, 1),
            "array index 2 is out of range: valid indexes are 1 to 1",
        ),
        (
            't is array of int = [1, 2]\nu is array of string = ["a", "b"]\nj is int = 1\n\nt[j] = u[j]\n',
            (5, 1),
            "cannot convert 'a' to int",
        ),
    ],
)
def test_elements_compared_and_moved_fail_where_they_are(text: str, where: tuple[int, int], message: str):
    assert_fails_at(text, where, message)


# ------------------------------------------------------------------------------ calls binding in place, a last RESULT, IF n < 2, x / 2 and x % 97


@pytest.mark.parametrize(
    ("text", "printed"),
    [
        # a variable of the caller's own frame: shared when the types agree, else a converted copy; a global from a procedure
        (
            "a is int = 1\nb is int = 2\nSwap(a, b)\nTrace(a, b)\nPROCEDURE Swap(x is int, y is int)\nt is int = x\nx = y\ny = t\n",
            ["2 1"],
        ),
        (
            's is string = "4"\nr is real = 2.5\nTrace(Sum(s, r), s, r)\nPROCEDURE Sum(x is int, y is int)\nx++\ny++\nRESULT x + y\n',
            ["8 4 2.5"],
        ),
        ("g is int = 1\nOuter()\nTrace(g)\nPROCEDURE Outer()\nBump(g)\nPROCEDURE Bump(x is int)\nx += 5\n", ["6"]),
        (
            "FOR i = 1 TO 2\n\tTrace(Twice(i, i))\nEND\nPROCEDURE Twice(x is int, y)\nx = x * 10\ny = y + 1\nRESULT x + y\n",
            ["12"],  # y aliases i: the loop ends,
        ),
        ("a is int = 3\nTrace(One(a), a)\nPROCEDURE One(LOCAL x is int)\nx = 9\nRESULT x\n", ["9 3"]),
        # the last RESULT computed by the call, after an earlier RESULT and a RETURN
        (
            "Trace(Sign(-3), Sign(0), Sign(4))\nPROCEDURE Sign(n)\nIF n < 0 THEN RESULT -1\nIF n = 0 THEN RETURN\nRESULT 1\n",
            ["-1  1"],
        ),
        # IF n < 2 THEN with n a real, a string, a global
        (
            'r is real = 1.5\ns is string = "1"\nIF r < 2 THEN Trace("r")\nIF s < 2 THEN Trace("s")\nShow()\nPROCEDURE Show()\nIF r > 1 THEN Trace("g")\n',
            ["r", "s", "g"],
        ),
        # an integer divided by or modulo a constant: exact, the remainder with the dividend's sign
        (
            'a is int = 7\nb is int = -7\nr is real = 7.5\ns is string = "9"\nTrace(a / 2, (a + 1) / 2, b % 3, (b - 1) % 3, r % 2, s / 3, (a * 2) % 5)\n',
            ["3.5 4 -1 -2 1.5 3 4"],
        ),
    ],
)
def test_call_binding_result_and_operator_shapes(text: str, printed: list[str]):
    assert traces(text) == printed


@pytest.mark.parametrize(
    ("text", "where", "message"),
    [
        ("Trace(Half(0))\nPROCEDURE Half(n is int)\nm is int = 1\nRESULT m / n\n", (4, 8), "division by zero"),
        ("Trace(Last(2))\nPROCEDURE Last(n is int)\nRESULT 10 / (n - 2)\n", (3, 8), "division by zero"),
        (
            'x is string = "a"\n\nTrace(Twice(x, 1))\nPROCEDURE Twice(a is int, b is int)\nRESULT a * 2\n',
            (3, 7),
            "cannot convert 'a' to int",
        ),
        ("t is array of int = [1]\n\nIF t < 2 THEN Trace(1)\n", (3, 4), None),
        ("t is array of int = [1]\n\nTrace((t + 1) % 3)\n", (3, 8), None),
    ],
)
def test_call_binding_result_and_operator_shapes_fail_where_they_are(
    text: str, where: tuple[int, int], message: str | None
):
    outcome = run(text)
    assert outcome.status == "runtime-error"
    assert errors(outcome)[0][1:3] == where
    if message is not None:
        assert errors(outcome)[0][3] == message


def test_the_trace_hook_sees_the_last_result_of_a_procedure():
    text = "Trace(Fib(2))\nPROCEDURE Fib(n is int)\nIF n < 2 THEN RESULT n\nRESULT Fib(n - 1) + Fib(n - 2)\n"
    runtime = Runtime(RunOptions(), io.StringIO())
    interpreter = Interpreter(program(text), runtime)
    seen: list[tuple[str, int]] = []
    interpreter.trace_hook = lambda stmt, frame: seen.append((type(stmt).__name__, stmt.span.line))
    interpreter.run()
    assert seen == [("ExprStmt", 1), ("If", 3), ("Result", 4), ("If", 3), ("Result", 3), ("If", 3), ("Result", 3)]


# ------------------------------------------------------------------------------ comparisons and sums written out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("x is int = 3\nTrace(x < 3, x <= 3, x > 2, x >= 4, x < 4, x > 3)", ["0 1 1 0 1 0"]),
        ("x is real = 2.5\nTrace(x < 3, x <= 2, x > 2, x >= 3)", ["1 0 1 0"]),
        ('s is string = "10"\nTrace(s < 9, s <= 10, s > 9, s >= 11)', ["0 1 1 0"]),
        ("v is boolean = True\nTrace(v > 0, v >= 1, v < 1)", ["1 1 0"]),
        ("x is int = -5\nTrace(x < -4, x <= -5, x > -6, x >= -5)", ["1 1 1 1"]),
        ("x is int = 4\nShow()\nPROCEDURE Show()\nTrace(x < 5, x >= 5)", ["1 0"]),
        ("i is int = 7\nTrace(i + 1, i - 2, i - -3)", ["8 5 10"]),
        ("r is real = 1.5\nTrace(r + 1, r - 2)", ["2.5 -0.5"]),
        ('s is string = "ab"\nTrace(s + 1)', ["ab1"]),
        ("i is int = 7\nShow()\nPROCEDURE Show()\nTrace(i + 1, i - 1)", ["8 6"]),
        ("i is int = 9223372036854775807\nTrace(i + 1)", ["9223372036854775808"]),
        ("a is int = 2\nb is int = 40\nTrace(a + b, Id(a) + Id(b))\nPROCEDURE Id(x)\nRESULT x", ["42 42"]),
        (
            'a is string = "x"\nb is int = 4\nTrace(a + b, Id(a) + Id(b), Id(b) + Id(a))\nPROCEDURE Id(x)\nRESULT x',
            ["x4 x4 4"],
        ),
        ("a is real = 0.5\nb is int = 4\nTrace(a + b, Id(a) + Id(b))\nPROCEDURE Id(x)\nRESULT x", ["4.5 4.5"]),
        ("a is int = 1\nShow()\nPROCEDURE Show()\nb is int = 2\nTrace(a + b, b + a)", ["3 3"]),
        (
            "Trace(Fib(10), Fib(1), Fib(0))\nPROCEDURE Fib(n is int)\nIF n < 2 THEN RESULT n\nRESULT Fib(n - 1) + Fib(n - 2)",
            ["55 1 0"],
        ),
        ("Trace(F(1.5), F(3.5))\nPROCEDURE F(n is real)\nIF n <= 2 THEN RESULT n\nRESULT -1", ["1.5 -1"]),
        ('Trace(F("1"), F("7"))\nPROCEDURE F(n)\nIF n >= 2 THEN RESULT n\nRESULT "low"', ["low 7"]),
        (
            "Limit is int = 5\nTrace(F(3), F(8))\nPROCEDURE F(n is int)\nIF Limit > n THEN RESULT Limit\nRESULT n",
            ["5 8"],
        ),
        ("Trace(F(3), F(8))\nPROCEDURE F(n is int)\nIF n > 4 THEN RESULT n * 2\nRESULT n", ["3 16"]),
        ("Trace(F(3), F(8))\nPROCEDURE F(n is int)\nm is int = n + 1\nIF n > 4 THEN RESULT m\nRESULT n", ["3 9"]),
        ("g is int = 11\nTrace(F(3))\nPROCEDURE F(n is int)\nIF n < 4 THEN RESULT g\nRESULT n", ["11"]),
        ("Trace(Down(5))\nPROCEDURE Down(n is int)\nIF n <= 0 THEN RESULT 0\nRESULT n + Down(n - 1)", ["15"]),
        (
            "Trace(Half(3.5 + 0))\nx is real = 3.5\nTrace(Half(x - 1), Half(x + 1))\nPROCEDURE Half(n is int)\nRESULT n",
            ["3", "2 4"],
        ),
        ('s is string = "4"\nTrace(Show(s + 1), Show(s - 1))\nPROCEDURE Show(n)\nRESULT n', ["41 3"]),
        ("k is int = 3\nTrace(Keep(k - 1))\nTrace(k)\nPROCEDURE Keep(n is int)\nn = 100\nRESULT n", ["100", "3"]),
        ("k is int = 3\nRun()\nPROCEDURE Run()\nTrace(Keep(k + 2))\nPROCEDURE Keep(n is int)\nRESULT n * 10", ["50"]),
        ("Trace(Cut(5))\nPROCEDURE Cut(LOCAL n is int)\nIF n > 1 THEN RESULT Cut(n - 2)\nRESULT n", ["1"]),
        ("Trace(Cut(5))\nPROCEDURE Cut(n is string)\nIF Length(n) > 3 THEN RESULT n\nRESULT Cut(n + 1)", ["5111"]),
    ],
)
def test_integer_comparisons_sums_and_counted_arguments_written_out_agree_with_semantics(
    text: str, expected: list[str]
):
    """x < 3 and x >= 1 (a bound moved by one), i + 1 and n - 2 (an addend), f(a) + f(b), a + b, IF n < 2 THEN
    RESULT n and a call computing n - 1 itself: integers, reals, strings, and variables of another frame."""
    assert traces(text + "\n") == expected


# ------------------------------------------------------------------------------ WHILE j >= 1 _AND_ … around two statements


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "t is array of int = [5, 2, 9, 1, 7]\nFOR i = 2 TO 5\n\tc is int = t[i]\n\tj is int = i - 1\n\tWHILE j >= 1 _AND_ t[j] > c\n\t\tt[j + 1] = t[j]\n\t\tj--\n\tEND\n\tt[j + 1] = c\nEND\nTrace(t[1], t[2], t[3], t[4], t[5])",
            ["1 2 5 7 9"],
        ),
        ("j is int = 0\nn is int = 0\nWHILE j < 5 _AND_ n < 100\n\tn += j\n\tj++\nEND\nTrace(j, n)", ["5 10"]),
        ("j is int = 0\nn is int = 0\nWHILE j <= 5 _AND_ n < 100\n\tn += j\n\tj++\nEND\nTrace(j, n)", ["6 15"]),
        ("j is int = 9\nWHILE j > 3 _AND_ True\n\tTrace(j)\n\tj -= 2\nEND\nTrace(j)", ["9", "7", "5", "3"]),
        (
            "j is real = 4.5\nWHILE j >= 1 _AND_ True\n\tTrace(j)\n\tj--\nEND\nTrace(j)",
            ["4.5", "3.5", "2.5", "1.5", "0.5"],
        ),
        ('j is string = "3"\nWHILE j > 0 _AND_ True\n\tTrace(j)\n\tj--\nEND\nTrace(j)', ["3", "2", "1", "0"]),
        ("j is Variant = 3\nWHILE j > 0 _AND_ True\n\tTrace(j)\n\tj--\nEND\nTrace(j)", ["3", "2", "1", "0"]),
        (
            "j is int = 3\nRun()\nTrace(j)\nPROCEDURE Run()\nWHILE j > 0 _AND_ True\n\tTrace(j)\n\tj--\nEND",
            ["3", "2", "1", "0"],
        ),
        (
            "k is int = 0\nRun()\nTrace(k)\nPROCEDURE Run()\nj is int = 0\nWHILE j < 3 _AND_ True\n\tk += 10\n\tk++\n\tj++\nEND",
            ["33"],
        ),
        ("j is int = 0\nWHILE j < 10 _AND_ True\n\tIF j = 4 THEN BREAK\n\tj++\nEND\nTrace(j)", ["4"]),
        (
            "Trace(Find(7))\nPROCEDURE Find(x is int)\nj is int = 0\nWHILE j < 100 _AND_ True\n\tIF j = x THEN RESULT j * 2\n\tj++\nEND\nRESULT -1",
            ["14"],
        ),
        ("j is int = 0\nn is int = 0\nWHILE j < 6 _AND_ n >= 0\n\tj++\n\tIF j = 2 THEN CONTINUE\nEND\nTrace(j)", ["6"]),
        ("j is int = 0\nWHILE j < 3 _OR_ False\n\tTrace(j)\n\tj++\nEND", ["0", "1", "2"]),
        ("j is int = 5\nWHILE j >= 1 _AND_ j <> 2\n\tTrace(j)\n\tj--\nEND", ["5", "4", "3"]),
    ],
)
def test_a_bounded_while_agrees_with_the_general_loop(text: str, expected: list[str]):
    """The variable on the left of _AND_ compared in place and a last ``j--`` counted in place: integers, a real,
    a string, a variant, a global seen from a procedure, another last statement, BREAK, RESULT, CONTINUE, _OR_."""
    assert traces(text + "\n") == expected


@pytest.mark.parametrize(
    ("body", "line"),
    [("\tt[j] = 1 / 0\n\tj--\n", 4), ("\tt[j] = 0\n\tj = j / 0\n", 5)],
)
def test_a_bounded_while_gives_errors_the_position_of_their_statement(body: str, line: int):
    outcome = run("t is array of int = [3, 1]\nj is int = 2\nWHILE j >= 1 _AND_ t[j] > 0\n" + body + "END\n")
    assert outcome.status == "runtime-error"
    assert errors(outcome)[0][1] == line


def test_the_trace_hook_sees_both_statements_of_a_bounded_while():
    text = "t is array of int = [3, 1]\nj is int = 2\nWHILE j >= 1 _AND_ t[j] > 0\n\tt[j] = 0\n\tj--\nEND\n"
    runtime = Runtime(RunOptions(), io.StringIO())
    interpreter = Interpreter(program(text), runtime)
    seen: list[tuple[str, int]] = []
    interpreter.trace_hook = lambda stmt, frame: seen.append((type(stmt).__name__, stmt.span.line))
    interpreter.run()
    assert seen == [
        ("Declare", 1),
        ("Declare", 2),
        ("While", 3),
        ("Assign", 4),
        ("IncDec", 5),
        ("Assign", 4),
        ("IncDec", 5),
    ]


# ------------------------------------------------------------------------------ IF … ELSE IF … ELSE, a branch of one statement run in place


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'FOR i = 1 TO 4\n\tIF i = 1 THEN\n\t\tTrace("one")\n\tELSE IF i = 2 THEN\n\t\tTrace("two")\n\tELSE\n\t\tTrace("more", i)\n\tEND\nEND',
            ["one", "two", "more 3", "more 4"],
        ),
        (
            'FOR i = 1 TO 3\n\tIF i = 1 THEN\n\t\tTrace("one")\n\tELSE IF i = 2 THEN\n\t\tTrace("two")\n\tEND\nEND\nTrace("end")',
            ["one", "two", "end"],
        ),
        (
            'FOR i = 1 TO 5\n\tIF i = 2 THEN\n\t\tTrace("two")\n\t\tCONTINUE\n\tELSE IF i = 4 THEN\n\t\tBREAK\n\tELSE\n\t\tTrace(i)\n\t\tTrace("x")\n\tEND\nEND',
            ["1", "x", "two", "3", "x"],
        ),
        (
            'Trace(Pick(1), Pick(2), Pick(3))\nPROCEDURE Pick(n is int)\nIF n = 1 THEN\n\tRESULT "a"\nELSE IF n = 2 THEN\n\tRESULT "b"\nELSE\n\tRESULT "c"\nEND',
            ["a b c"],
        ),
        (
            'Trace(Pick(1), Pick(2), Pick(3))\nPROCEDURE Pick(n is int)\nIF n = 1 THEN\nELSE IF n = 2 THEN\n\tRESULT "b"\nELSE\nEND\nRESULT "z"',
            ["z b z"],
        ),
    ],
)
def test_if_else_if_runs_each_kind_of_branch_as_its_block(text: str, expected: list[str]):
    """Branches of one statement (run in place), of two, empty, a missing ELSE; CONTINUE, BREAK and RESULT from them."""
    assert traces(text + "\n") == expected


@pytest.mark.parametrize(
    ("body", "line"),
    [
        ("IF x = 1 THEN\n\tx = 1 / 0\nELSE IF x = 2 THEN\n\tx = 2\nEND\n", 3),
        ("IF x = 0 THEN\n\tx = 2\nELSE IF x = 1 THEN\n\tTrace(1)\n\tx = x / 0\nEND\n", 6),
        ("IF x = 0 THEN\nELSE IF x = 2 THEN\nELSE\n\tx = 1 / 0\nEND\n", 5),
    ],
)
def test_if_else_if_gives_errors_the_position_of_their_statement(body: str, line: int):
    outcome = run("x is int = 1\n" + body)
    assert outcome.status == "runtime-error"
    assert errors(outcome)[0][1] == line


def test_the_trace_hook_sees_the_statement_of_the_branch_taken():
    text = "FOR i = 1 TO 3\n\tIF i = 1 THEN\n\t\ti = 1\n\tELSE IF i = 2 THEN\n\t\ti = 2\n\t\ti = 2\n\tELSE\n\t\ti = 3\n\tEND\nEND\n"
    runtime = Runtime(RunOptions(), io.StringIO())
    interpreter = Interpreter(program(text), runtime)
    seen: list[int] = []
    interpreter.trace_hook = lambda stmt, frame: seen.append(stmt.span.line)
    interpreter.run()
    assert seen == [1, 2, 3, 2, 5, 6, 2, 8]


# ------------------------------------------------------------------------------ a real stored in an int variable


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("x is int = 7 / 2\ny is int = -7 / 2\nz is int = 8 / 2\nTrace(x, y, z)", ["3 -3 4"]),
        ("x is int = 0\nx = -7 / 2\nTrace(x)\nx = 2.99\nTrace(x)", ["-3", "2"]),
        ("x is real = 7 / 2\ns is string = 7 / 2\nb is boolean = 1 / 2\nTrace(x, s, b)", ["3.5 3.5 1"]),
        ("g is int\nSet()\nTrace(g)\nPROCEDURE Set()\ng = 9 / 4", ["2"]),
        ("v is Variant = 7 / 2\nTrace(v)", ["3.5"]),
    ],
)
def test_a_real_declared_or_assigned_into_an_int_is_truncated_as_semantics_does(text: str, expected: list[str]):
    """x is int = a / 2 and x = a / 2 truncate in place; other types still go through their converter."""
    assert traces(text + "\n") == expected
