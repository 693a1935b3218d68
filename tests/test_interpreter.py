"""Statements and procedures run as WinDev runs them."""

from __future__ import annotations

from .conftest import errors, run, traces


def test_parameters_are_by_reference_unless_local():
    text = """
a, b are int
a = 1; b = 1
Bump(a, b)
Trace(a, b)
PROCEDURE Bump(x, LOCAL y)
x++
y++
"""
    assert traces(text) == ["2 1"]


def test_by_reference_array_element():
    text = "t is array of int = [1, 2]\nDouble(t[2])\nTrace(t[2])\nPROCEDURE Double(v)\nv = v * 2\n"
    assert traces(text) == ["4"]


def test_expression_arguments_are_copies():
    assert traces("a is int = 1\nBump(a + 0)\nTrace(a)\nPROCEDURE Bump(x)\nx++\n") == ["1"]


def test_typed_parameter_converts_a_value_of_another_type():
    assert traces('s is string = "41"\nTrace(Next(s))\nTrace(s)\nPROCEDURE Next(n is int)\nn++\nRESULT n\n') == ["42", "41"]


def test_defaults_and_star():
    text = """
Trace(Greet("Ada"))
Trace(Greet("Ada", "Hi"))
Trace(Greet("Ada", *, "!"))
PROCEDURE Greet(Name, Greeting = "Hello", Mark = ".")
RESULT Greeting + " " + Name + Mark
"""
    assert traces(text) == ["Hello Ada.", "Hi Ada.", "Hello Ada!"]


def test_recursion_and_result():
    assert traces("Trace(Fact(10))\nPROCEDURE Fact(n)\nIF n <= 1 THEN RESULT 1\nRESULT n * Fact(n - 1)\n") == ["3628800"]


def test_runaway_recursion_is_a_runtime_error_not_a_crash():
    outcome = run("Trace(Down(1))\nPROCEDURE Down(n)\nRESULT Down(n + 1)\n")
    assert outcome.status == "runtime-error"
    assert "stack overflow" in errors(outcome)[0][3]


def test_internal_procedures_see_the_enclosing_variables():
    text = """
Trace(Outer())
PROCEDURE Outer()
Base is int = 40
INTERNAL PROCEDURE AddTwo(x)
\tRESULT x + Base
END
RESULT AddTwo(2)
"""
    assert traces(text) == ["42"]


def test_globals_are_visible_in_procedures():
    assert traces("Server is string = \"smtp.example.com\"\nShow()\nPROCEDURE Show()\nTrace(Server)\n") == ["smtp.example.com"]


def test_return_at_top_level_ends_the_program():
    assert traces('Trace("a")\nRETURN\nTrace("b")\n') == ["a"]


def test_switch():
    text = """
FOR EACH Code OF [1, 4, 7, 250, 9]
\tSWITCH Code
\t\tCASE 1, 2: Trace("low")
\t\tCASE 3 TO 5
\t\t\tTrace("mid")
\t\tCASE 7
\t\tCASE > 100: Trace("huge")
\t\tOTHER CASE: Trace("other")
\tEND
END
"""
    assert traces(text) == ["low", "mid", "huge", "other"]


def test_loops():
    text = """
n is int
LOOP
\tn++
\tIF n = 2 THEN CONTINUE
\tIF n > 4 THEN BREAK
\tTrace(n)
END
LOOP (2)
\tTrace("twice")
END
WHILE n > 2
\tn -= 2
END
Trace(n)
FOR i = 3 TO 1 STEP -1
\tTrace(i)
END
Trace(i)
"""
    assert traces(text) == ["1", "3", "4", "twice", "twice", "1", "3", "2", "1", "0"]


def test_for_each_string():
    assert traces('FOR EACH STRING Part OF "a;b;;c" SEPARATED BY ";"\n\tTrace("[" + Part + "]")\nEND\n') == ["[a]", "[b]", "[]", "[c]"]


def test_associative_arrays():
    text = 'Ages is associative array of int\nAges["Ada"] = 36\nAges["Ada"] += 1\nAges["ada"] = 1\nFOR EACH Age, Name OF Ages\n\tTrace(Name, Age)\nEND\nTrace(Ages..Count)\n'
    assert traces(text) == ["Ada 37", "ada 1", "2"]


def test_exceptions():
    text = """
WHEN EXCEPTION IN
\tExceptionThrow(12, "server down")
\tTrace("not reached")
DO
\tTrace(ExceptionInfo(errCode), ExceptionInfo())
ELSE
\tTrace("no exception")
END
WHEN EXCEPTION IN
\tTrace("quiet")
DO
\tTrace("handler")
ELSE
\tTrace("else branch")
END
WHEN EXCEPTION IN
\tx is int = 1 / 0
DO
\tTrace("caught:", ExceptionInfo())
END
"""
    assert traces(text) == ["12 server down", "quiet", "else branch", "caught: division by zero"]


def test_uncaught_exception_ends_the_run():
    outcome = run('Trace("start")\nExceptionThrow(3, "stop here")\nTrace("never")\n')
    assert outcome.status == "runtime-error" and outcome.exit_code == 1
    assert outcome.report()["output"] == [{"kind": "trace", "text": "start"}]
    assert errors(outcome) == [("runtime", 2, 1, "exception 3 not handled: stop here")]


def test_constants_cannot_change():
    outcome = run("CONSTANT\n\tLimit = 3\nEND\nLimit = 4\n")
    assert outcome.status == "compile-error"
    assert errors(outcome)[0][:3] == ("type", 4, 1)


def test_compile_if_picks_the_desktop_branch_and_does_not_check_the_other():
    text = """
<COMPILE IF ConfigurationType = Android>
\tAndroidOnlyFunction()
<ELSE>
\tTrace("desktop")
<END>
<COMPILE IF Configuration <> "Java archive">
\tTrace("not java")
<END>
"""
    assert traces(text) == ["desktop", "not java"]


def test_error_state_functions():
    text = "Trace(ErrorOccurred, ErrorOccurred(), ErrorInfo())\n"
    assert traces(text) == ["0 0 "]


def test_messages_go_to_the_report_in_order():
    outcome = run('Trace("a", 1)\nInfo("line 1", "line 2")\nError("bad")\nWarning()\n')
    assert outcome.report()["output"] == [
        {"kind": "trace", "text": "a 1"},
        {"kind": "info", "text": "line 1\nline 2"},
        {"kind": "error", "text": "bad"},
        {"kind": "warning", "text": ""},
    ]


def test_lenient_mode_runs_placeholders_as_empty_variants():
    text = 'Trace("[" + USER + "]")\nSession.Port = 993\nTrace(Session.Port)\nNotAProcedure(1)\nTrace("end")\n'
    outcome = run(text, lenient=True)
    assert outcome.status == "ok"
    assert [e["text"] for e in outcome.report()["output"]] == ["[]", "993", "end"]
    assert {d.code for d in outcome.diagnostics} == {"undeclared", "unknown-function"}
    assert all(d.severity == "warning" for d in outcome.diagnostics)


def test_defines_fill_placeholders():
    outcome = run('Trace(USER + "@" + Domain)\n', defines={"USER": "ada", "Domain": "example.com"})
    assert outcome.status == "ok" and outcome.diagnostics == []
    assert outcome.report()["output"] == [{"kind": "trace", "text": "ada@example.com"}]


def test_unsupported_features_are_reported_as_such():
    outcome = run('EDT_Name = "x"\nHReadFirst(Customer)\n')
    codes = [(d.code, d.severity) for d in outcome.diagnostics]
    assert ("unsupported", "error") in codes
    lenient = run('EDT_Name = "x"\nTrace("ran")\n', lenient=True)
    assert lenient.status == "ok" and [d.severity for d in lenient.diagnostics] == ["warning"]


def test_arity_errors():
    outcome = run('Trace(Left("abc"))\nP(1, 2)\nPROCEDURE P(a)\n')
    assert [e[0] for e in errors(outcome)] == ["arity", "arity"]


def test_did_you_mean_for_functions():
    outcome = run('Trace(Lenght("abc"))\n')
    assert outcome.diagnostics[0].hint == "did you mean 'Length'?"


def test_internal_procedures_of_the_main_code_are_callable_from_it():
    text = "Trace(Twice(4))\nINTERNAL PROCEDURE Twice(x)\n\tRESULT x * 2\nEND\n"
    assert traces(text) == ["8"]
