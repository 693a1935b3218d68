"""The interpreter's specialised closures (direct calls, typed cells, operators on constants, array access) behave as the general ones do."""

from __future__ import annotations

from .conftest import errors, run, traces

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
    text = 'a is int = 4\nTrace(Half(a + 1))\nTrace(a)\nPROCEDURE Half(x is real)\nx = x / 2\nRESULT x\n'
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
    outcome = run('t is array of int\n\nx is int = ArrayCount(t) + t[3]\n')
    assert outcome.status == "runtime-error"
    assert errors(outcome)[0][1] == 3
