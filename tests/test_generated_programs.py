"""Random well-formed programs print the same with the interpreter and with their faithful Python (issue 7).

``programs()`` (tests/program_gen.py) writes programs that mix ints, reals, strings and
booleans, arrays, every loop, procedures with by-reference, LOCAL and default parameters,
internal procedures, SWITCH, WHEN EXCEPTION IN and runtime errors. Each runs with both
engines; their reports must agree on status, output and error state. The examples are
derandomized and no database is kept, so every run checks the same programs;
``bench/fuzz_transpiler.py`` runs thousands more.

``REGRESSIONS`` holds the smallest programs of the transpiler bugs the generator found.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from wlinterp.pipeline import compile_source
from wlinterp.source import Source

from .program_gen import comparable, explain, programs, run_both, time_limit

# The pipeline raises the recursion limit on its first call; make that call now, so that
# hypothesis does not warn that the limit changed under a test.
compile_source(Source("", "warm-up.wl"))

# A generated program runs in milliseconds; this only stops one that would never end.
TIME_LIMIT = 20.0


def check(text: str, outbox: Path) -> None:
    with time_limit(TIME_LIMIT):
        interpreted, transpiled = run_both(text, str(outbox))
    assert comparable(transpiled) == comparable(interpreted), explain(text, interpreted, transpiled)


@pytest.fixture(scope="module")
def outbox(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("outbox")


@settings(max_examples=300, deadline=None, derandomize=True, database=None, print_blob=False,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example,
                                 HealthCheck.function_scoped_fixture])
@given(text=programs())
def test_generated_programs_run_the_same_with_both_engines(text: str, outbox: Path):
    check(text, outbox)


def test_the_generated_programs_mostly_compile_and_run_to_their_end(outbox: Path):
    """The generator is worth something only if its programs compile and most of them run to their end."""
    import random

    from .program_gen import RandomChooser, generate, run_both

    statuses = []
    for seed in range(60):
        with time_limit(TIME_LIMIT):
            interpreted, _ = run_both(generate(RandomChooser(random.Random(seed))), str(outbox))
        statuses.append(interpreted["status"])
    assert statuses.count("compile-error") <= 2, statuses
    assert statuses.count("ok") >= 36, statuses


# ------------------------------------------------------------------------------ what the generator found

REGRESSIONS = {
    # a parameter without a default after one that has one: not a legal Python signature
    "default then required": "Trace(Pair(*, 2))\nTrace(Pair(3, 4))\nPROCEDURE Pair(a = 1, b)\nRESULT a + b\n",
    # the loop variable exists (empty) after a FOR EACH over an empty array
    "FOR EACH over nothing": "Empty is array of int\nFOR EACH x OF Empty\nEND\nTrace(x + 1)\n",
    # an undeclared loop variable handed by reference to a procedure that writes it needs its Ref
    "FOR EACH variable by reference": "FOR EACH x OF [1, 2]\n\tBump(x)\n\tTrace(x)\nEND\nPROCEDURE Bump(v)\nv = v + 10\n",
    "FOR variable by reference": "FOR i = 1 TO 3\n\tBump(i)\n\tTrace(i)\nEND\nPROCEDURE Bump(v)\nv = v + 10\n",
    # a by-reference parameter is the caller's variable: it changes when that variable changes
    "parameter sees its global change": "Total is int = 1\nShow(Total)\nPROCEDURE Show(n)\nTotal = 5\nTrace(n)\n",
    "one variable passed twice": "x is int = 1\nTwice(x, x)\nPROCEDURE Twice(a, b)\na = 7\nTrace(b)\n",
    # AND evaluates its right side even when the left decides: its error must happen
    "AND evaluates a failing right side":
        'Flag is boolean = False\ns is string = "abc"\nIF Flag AND s THEN Trace("no")\nTrace("not reached")\n',
    "a < b AND b < c evaluates c":
        'n is int = 5\nArr is array of int\nIF n < 3 AND 3 < Arr[1] THEN Trace("in")\nTrace("not reached")\n',
    # a LOCAL parameter the procedure passes on by reference to one that writes it
    "LOCAL parameter passed on": "Outer(1)\nPROCEDURE Outer(LOCAL v is int)\nBump(v)\nTrace(v)\nPROCEDURE Bump(x)\nx++\n",
    # a LOCAL array parameter is the procedure's own copy
    "LOCAL array is a copy":
        "Nums is array of int = [1]\nGrow(Nums)\nTrace(ArrayCount(Nums))\nPROCEDURE Grow(LOCAL a is array of int)\nAdd(a, 2)\n",
    # the interpreter's FOR EACH stores its values unconverted: a typed variable may then hold another type
    "FOR EACH into a typed variable": "s is string\nFOR EACH s OF [1, 2]\nEND\nTrace(s + 1)\n",
    # x = a TO b and CASE a TO b evaluate b only when x >= a
    "TO evaluates its end only past its start":
        'Arr is array of int\nn is int = 0\nIF n = 1 TO Arr[1] THEN Trace("in")\nTrace("done")\n',
    "CASE a TO b evaluates b only past a":
        'Words is array of string\nSWITCH "a"\n\tCASE "b" TO Words[1]: Trace("in")\n\tOTHER CASE: Trace("other")\nEND\n',
    # _TO_ reads its bound once, as a number
    "_TO_ bound held in a string": 'Limit is string = "3"\nFOR i = 1 _TO_ Limit\n\tTrace(i)\nEND\n',
    # the value of an assignment is computed before its target is read or located
    "x += F() reads x after F()":
        "Total is int = 1\nTotal += Reset()\nTrace(Total)\nPROCEDURE Reset()\nTotal = 10\nRESULT 1\n",
    "t[1] = F() writes the array t names after F()":
        "Arr is array of int = [1]\nArr[1] = Swap()\nTrace(Arr[1])\nPROCEDURE Swap()\nArr = [5, 6]\nRESULT 9\n",
    # FOR ... TO re-reads its bound before the variable: a bound that changes the variable counts
    "FOR bound that changes its variable":
        "Count is int\nFOR Count = 0 TO Shift()\n\tTrace(Count)\nEND\nPROCEDURE Shift()\nCount = 100\nRESULT 0\n",
    "FOR bound that changes a real variable":
        "Count is real\nFOR Count = 0 TO Shift()\n\tTrace(Count)\nEND\nPROCEDURE Shift()\nCount = 100\nRESULT 0.5\n",
    # a let variable shared by reference keeps the type of its first value
    "let by reference keeps its type": "let Base = 5\nShrink(Base)\nTrace(Base)\nPROCEDURE Shrink(v)\nv += 2.8\n",
    # a typed parameter that is a variable a FOR EACH filled with another type
    "parameter of an unsure variable":
        "Sub is string\nFOR EACH Sub OF [1, 2]\nEND\nAppend(Sub)\nPROCEDURE Append(s is string)\ns += \"12\"\nTrace(s)\n",
    # a Null default converts to the parameter's type
    "Null default of a string parameter": 'Show()\nPROCEDURE Show(LOCAL s is string = Null)\nTrace("<" + s + ">")\n',
    # a constant handed to a procedure that writes its parameter
    "constant passed to a written parameter": "CONSTANT\n\tLimit = 3\nEND\nBump(Limit)\nPROCEDURE Bump(v)\nv = 4\n",
    # a compound assignment to a variable shared by reference keeps the right side's grouping
    "x -= a + b through a Ref": "Total is int = 100\nShrink(Total)\nTrace(Total)\nPROCEDURE Shrink(v is int)\nTotal -= 0 + v + 1\n",
    # a FOR inside a FOR over the same variable: what the outer body reads after it is its leftover value
    "nested FOR over one variable":
        "Part is int\nFOR Part = 1 TO 9\n\tFOR Part = Part + 4 TO 6\n\tEND\n\tTrace(Part)\nEND\n",
    # a procedure that loops over a variable the main code's loop brings into being sets that one
    "procedure loops over the main code's loop variable":
        "Trace(Last(1))\nTrace(Last(0))\nFOR EACH Value OF [7]\nEND\n"
        "PROCEDURE Last(n)\nFOR i = 1 TO n\n\tFOR EACH Value OF [5, 6]\n\tEND\nEND\nRESULT Value\n",
    # an untyped parameter handed on to a typed one shares the variable behind it when the types agree
    "untyped parameter handed on":
        "Total is real = 1\nPass(Total)\nTrace(Total)\nPROCEDURE Pass(b)\nBump(b)\nPROCEDURE Bump(r is real)\nr++\n",
    # an element handed to an untyped parameter is only read where the procedure reads it
    "element never read": "Data is array of int\nIgnore(Data[2])\nTrace(\"done\")\nPROCEDURE Ignore(a)\nTrace(1)\n",
    # an untyped parameter's variable handed to a typed parameter by value converts (and fails) as it would
    "untyped parameter converted": 'Show(" abc ")\nPROCEDURE Show(s)\nTrace(Half(s))\nPROCEDURE Half(r is real)\nRESULT r / 2\n',
    # a parameter by reference sees its variable change when the procedure hands that variable to one that writes it
    "variable changed through another procedure's parameter":
        'Text is string = "a"\nShow(Text)\nPROCEDURE Show(b)\nAppend(Text)\nTrace(b)\nPROCEDURE Append(s is string)\ns += "x"\n',
    # a parameter that stands for a global through another parameter sees the global change
    "global changed behind two parameters":
        'Flag is string = "a"\nOuter(Flag)\nPROCEDURE Outer(Arg is string)\nInner(Arg)\n'
        'PROCEDURE Inner(Txt is string)\nFlag = "0"\nTrace(Txt)\n',
    # ... and a procedure whose loop over it went through nothing reads it empty
    "procedure reads the main code's loop variable after an empty loop":
        "Trace(Last())\nFOR EACH Value OF [7]\nEND\nPROCEDURE Last()\nEmpty is array of int\nFOR EACH Value OF Empty\nEND\n"
        "RESULT Value\n",
    # a let variable keeps the type of its first value, also once it holds a whole number
    "let real counted in a FOR": "let R = 0.5\nFOR R = 2 TO 5 STEP 1.5\nEND\nTrace(R)\n",
    "let of a type known when it runs": "let V = Half(5)\nV = 2\nV += 1.5\nTrace(V)\nPROCEDURE Half(n)\nRESULT n / 2\n",
    "let from a real variable holding a whole number": "R is real = 5\nlet P = R\nP = 1 / P\nTrace(P)\n",
    # (known limit: a real that holds a whole number is stored as an integer, so let infers int here where WinDev
    # would say real; both engines agree on it)
    "let from a real expression holding a whole number": "R is real = 5\nlet P = R * 1\nP = 1 / P\nTrace(P)\n",
    # an integer too large for a real compared with a real
    "huge integer against a real": 'Big is string = Repeat("9", 400)\nTrace(Val(Big) = 2.5, Val(Big) > 2.5)\n',
    # the index of a compound assignment's element runs when the element is read, then again when it is written
    # (fuzz seeds 930187 and 943395)
    "an element index with a call, compounded": "T is array of 5 int\nn is int = 0\nT[Next()] += 5\nT[Next()]++\n"
                                                 "Trace(T[1], T[2], T[3], T[4], n)\nPROCEDURE Next() : int\nn++\n"
                                                 "Trace(\"next\", n)\nRESULT n\n",
    # a LOCAL parameter the procedure only assigns: its Python name says so (ruff's F841), the store still runs
    "a parameter only assigned": 'x is int = 1\nTrace(P(3, x, "8"), x)\nTrace(P(3, x, "oops"))\n'
                                  "PROCEDURE P(LOCAL a is int, b, c)\na = 7\nb = 2\na = c\nRESULT 1\n",
    # assigning an array copies it (fuzz seed 72509): adding to the copy leaves the original alone
    "an array assigned is copied": "A is array of int = [1, 2]\nB is array of int\nB = A\nB.Add(3)\nTrace(A, B)\n"
                                   "FOR EACH x OF A\n\tB = A\n\tArrayAdd(B, x)\nEND\nTrace(A, B)\n",
}

# Arrays read and written straight through their list where the index is proven in range (the transpiler's
# fast path): the proof must hold, and an index it cannot prove still fails as the interpreter's does.
IN_RANGE = {
    "proven": "T is array of 5 int\nFOR i = 1 TO 5\n\tT[i] = i * i\nEND\nFOR i = 5 TO 1 STEP -2\n\tTrace(T[i], T[6 - i])\nEND\n",
    "variable step": "T is array of 9 int\nFOR s = 1 TO 3\n\tFOR i = s * 2 TO 9 STEP s\n\t\tT[i] = T[i] + s\n\tEND\nEND\n"
                     "FOR i = 1 TO 9\n\tTrace(T[i])\nEND\n",
    "one past the end": "T is array of 3 int\nFOR i = 1 TO 4\n\tT[i] = i\nEND\nTrace(T[3])\n",
    "zero": "T is array of 3 int\nFOR i = 0 TO 2\n\tTrace(T[i + 1], T[i])\nEND\n",
    "value of another type": "T is array of 3 int\nFOR i = 1 TO 3\n\tT[i] = \"7\" + i\nEND\nTrace(T[1] + 1)\n",
    # an integer parameter is bounded by what every call gives it: a remainder of what cannot be negative is Python's %
    "parameter bounds": "FOR i = 1 TO 4\n\tTrace(Rest(i, 2))\nEND\nPROCEDURE Rest(x is int, y is int = 1) : int\n"
                        "T is array of 9 int\nT[x + y] = x\nRESULT (x * 7 + y) % 3 + T[x + y]\n",
    "a call with a negative argument": "FOR i = 1 TO 4\n\tTrace(Rest(i))\nEND\nTrace(Rest(-5))\n"
                                       "PROCEDURE Rest(a is int) : int\nRESULT a % 3\n",
    "a parameter written": "FOR i = 1 TO 4\n\tTrace(Rest(i))\nEND\nPROCEDURE Rest(a is int) : int\na = a - 9\nRESULT a % 3\n",
    # an array that grows with Add: a counted loop fills it, guards keep the indexes in (wlinterp.ranges)
    "sorted by insertion": "V is array of int\nFOR i = 1 TO 6\n\tV.Add((i * 37) % 11)\nEND\nFOR i = 2 TO 6\n"
                           "\tCur is int = V[i]\n\tj is int = i - 1\n\tWHILE j >= 1 _AND_ V[j] > Cur\n\t\tV[j + 1] = V[j]\n"
                           "\t\tj--\n\tEND\n\tV[j + 1] = Cur\nEND\nLow is int = 1\nHigh is int = 6\nWHILE Low <= High\n"
                           "\tMid is int = (Low + High) / 2\n\tTrace(Mid, V[Mid])\n\tIF V[Mid] < 5 THEN Low = Mid + 1 ELSE High = Mid - 1\n"
                           "END\nFOR i = 1 TO 6\n\tTrace(V[i])\nEND\n",
    # AND evaluates both sides: the guard does not protect the right one, which fails when j reaches 0
    "a guard that does not guard": "V is array of int\nFOR i = 1 TO 3\n\tV.Add(i)\nEND\nj is int = 3\n"
                                   "WHILE j >= 1 AND V[j] > 0\n\tj--\nEND\nTrace(j)\n",
    # a loop that may stop early fills an array only partly: nothing is counted
    "a filling loop that breaks": "V is array of int\nFOR i = 1 TO 5\n\tIF i = 4 THEN BREAK\n\tArrayAdd(V, i)\nEND\n"
                                  "FOR i = 1 TO 5\n\tTrace(V[i])\nEND\n",
    # a quotient that may be negative truncates towards zero: not Python's //
    "a negative quotient": "FOR i = -3 TO 3\n\tq is int = (i * 5) / 2\n\tTrace(q)\nEND\n",
    # a list indexed from 1: what is not proven is checked, converted and reported as the array would
    "checked where not proven": "T is array of 4 int\nFOR i = 1 TO 4\n\tT[i] = i\nEND\nk is int = 2\nT[k + 1] = \"7\"\n"
                                "T[k * 1.0] = 5.9\nTrace(T[1], T[2], T[3], T[4], T[k * 2.0])\nk = 5\nTrace(T[k])\n",
    # the handler may start after any statement of the body: what the body assigns is not known there
    "a caught exception": "T is array of 3 int\nFOR n = 1 TO 3\n\tT[n] = n\nEND\ni is int = 1\nWHEN EXCEPTION IN\n"
                          "\ti = 2\n\tTrace(T[5])\nDO\n\tTrace(\"caught\", T[i + 1])\n\tTrace(T[i + 2])\nEND\n",
    # a CONTINUE skips the Add: the loop is not counted
    "a filling loop that skips": "V is array of int\nFOR i = 1 TO 5\n\tIF i = 2 THEN CONTINUE\n\tV.Add(i)\nEND\n"
                                 "FOR i = 1 TO 5\n\tTrace(V[i])\nEND\n",
    # every branch of a SWITCH, joined; nested loops widened until they settle
    "a switch and nested loops": "T is array of 9 int\nFOR i = 1 TO 6\n\tk is int = i\n\tSWITCH i\n\t\tCASE 1, 2: k = i + 2\n"
                                 "\t\tOTHER CASE: k = i - 2\n\tEND\n\tT[k] = i\nEND\na is int = 1\nWHILE a < 9\n"
                                 "\tb is int = a\n\tWHILE b > 1\n\t\tb--\n\t\tT[b] += a\n\tEND\n\ta++\nEND\n"
                                 "FOR i = 1 TO 9\n\tTrace(T[i])\nEND\n",
    # an element handed to a procedure that writes it: the array stays an array
    "an element by reference": "T is array of 3 int\nFOR i = 1 TO 3\n\tT[i] = i\n\tTwice(T[i])\nEND\nTrace(T[1], T[3])\n"
                               "PROCEDURE Twice(x)\nx = x * 2\n",
}


@pytest.mark.parametrize("name", sorted(IN_RANGE))
def test_arrays_indexed_in_range_run_the_same_with_both_engines(name: str, outbox: Path):
    check(IN_RANGE[name], outbox)


def test_the_in_range_fast_path_is_taken_only_where_proven():
    import wlinterp

    proven = wlinterp.transpile(IN_RANGE["proven"])
    assert 'T = wl.one_based("array of 5 int")' in proven
    assert "T[i] = i * i" in proven
    assert "wl.Trace(T[i], T[6 - i])" in proven
    assert "T.items" not in wlinterp.transpile(IN_RANGE["one past the end"])
    assert "return (x * 7 + y) % 3 + T[x + y]" in wlinterp.transpile(IN_RANGE["parameter bounds"])
    assert "sem.modulo(a, 3)" in wlinterp.transpile(IN_RANGE["a call with a negative argument"])
    assert "sem.modulo(a.value, 3)" in wlinterp.transpile(IN_RANGE["a parameter written"])
    assert "wl.Trace(T[i + 1], wl.item(T, i))" in wlinterp.transpile(IN_RANGE["zero"])
    assert "for i in range(s * 2, 10, s):" in wlinterp.transpile(IN_RANGE["variable step"])


def test_what_the_flow_analysis_proves_and_what_it_leaves_alone():
    """wlinterp.ranges: guards, counted loops that fill arrays and exact quotients, and the places they do not hold."""
    import wlinterp

    sorted_ = wlinterp.transpile(IN_RANGE["sorted by insertion"])
    assert "V_items = V.items" in sorted_
    assert "while j >= 1 and V_items[j - 1] > Cur:" in sorted_
    assert "V_items[j] = V_items[j - 1]" in sorted_
    assert "Mid: int = (Low + High) // 2" in sorted_
    assert "wl.Trace(Mid, V_items[Mid - 1])" in sorted_
    assert "V.get(j)" in wlinterp.transpile(IN_RANGE["a guard that does not guard"])
    assert "V.get(i)" in wlinterp.transpile(IN_RANGE["a filling loop that breaks"])
    assert "//" not in wlinterp.transpile(IN_RANGE["a negative quotient"])
    checked = wlinterp.transpile(IN_RANGE["checked where not proven"])
    assert 'wl.put(T, k + 1, "7", "int")' in checked and 'wl.put(T, sem.multiply(k, 1.0), 5.9, "int")' in checked
    assert "wl.Trace(T[1], T[2], T[3], T[4], wl.item(T, sem.multiply(k, 2.0)))" in checked
    assert "wl.item(T, k)" in checked
    assert "one_based" not in wlinterp.transpile(IN_RANGE["an element by reference"])
    caught = wlinterp.transpile(IN_RANGE["a caught exception"])
    assert 'wl.Trace("caught", wl.item(T, i + 1))' in caught and "wl.Trace(wl.item(T, i + 2))" in caught
    assert "V.get(i)" in wlinterp.transpile(IN_RANGE["a filling loop that skips"])
    nested = wlinterp.transpile(IN_RANGE["a switch and nested loops"])
    assert "T[k] = i" in nested and "T[b] = T[b] + a" in nested


@pytest.mark.parametrize("name", sorted(REGRESSIONS))
def test_programs_the_generator_found_run_the_same_with_both_engines(name: str, outbox: Path):
    check(REGRESSIONS[name], outbox)


def test_the_transpilations_of_these_programs_pass_ruff(tmp_path: Path):
    """The corners above (references, aliases, lists read straight, bounds) still give Python that ruff accepts."""
    import wlinterp

    from .test_transpiler import ruff_accepts

    files = []
    for number, text in enumerate(sorted({**REGRESSIONS, **IN_RANGE}.items())):
        module = tmp_path / f"program_{number}.py"
        module.write_text(wlinterp.transpile(text[1]), encoding="utf-8")
        files.append(str(module))
    ruff_accepts(files)


def test_the_transpilations_of_generated_programs_are_stable_under_ruff_format(tmp_path: Path):
    """wlinterp lays out its Python as ruff format would, whatever the program (long calls, lambdas, globals)."""
    import random

    import wlinterp
    from wlinterp.errors import CompileErrors

    from .program_gen import RandomChooser, generate
    from .test_transpiler import ruff_accepts

    files = []
    for seed in range(120):
        try:
            text = wlinterp.transpile(generate(RandomChooser(random.Random(seed))))
        except CompileErrors:
            continue
        module = tmp_path / f"generated_{seed}.py"
        module.write_text(text, encoding="utf-8")
        files.append(str(module))
    assert len(files) >= 100
    ruff_accepts(files, check=False)


# ------------------------------------------------------------------------------ the in-range fast path, fuzzed

from hypothesis import strategies as st  # noqa: E402


@st.composite
def indexed_arrays(draw: st.DrawFn) -> str:
    """A fixed array indexed by FOR variables and by bounded parameters, near and past both of its ends."""
    size = draw(st.integers(1, 6))
    start, stop = draw(st.integers(-1, 8)), draw(st.integers(-1, 8))
    step = draw(st.sampled_from(["", " STEP 2", " STEP -1", " STEP -2", " STEP Jump"]))
    shift, read_shift = draw(st.integers(-2, 2)), draw(st.integers(-2, 2))
    calls = draw(st.lists(st.integers(-2, 8), min_size=1, max_size=3))
    value = draw(st.sampled_from(["i * 3", "i", '"7"', "i + 0.5"]))

    def at(variable: str, offset: int) -> str:
        return variable if offset == 0 else f"{variable} {'+' if offset > 0 else '-'} {abs(offset)}"

    lines = [
        f"T is array of {size} int",
        "Jump is int = 1",
        f"FOR i = {start} TO {stop}{step}",
        f"\tT[{at('i', shift)}] = {value}",
        f"\tTrace(i, T[{at('i', read_shift)}])",
        "END",
        *[f"Trace(Pick({call}))" for call in calls],
        "",
        "PROCEDURE Pick(p is int)",
        f"U is array of {size} int",
        f"U[{at('p', shift)}] = p * 2",
        f"RESULT U[{at('p', read_shift)}] + p % 3",
    ]
    return "\n".join(lines) + "\n"


@st.composite
def guarded_arrays(draw: st.DrawFn) -> str:
    """An array filled by Add in a FOR (which may skip or stop early), then read under WHILE guards that may or
    may not keep the index in range (AND, _AND_, OR, NOT), and by a binary search over any bounds."""
    count = draw(st.integers(0, 6))
    # mostly loops that fill the array on every round, where the analysis has something to prove
    skip = draw(st.sampled_from(["", "", "", "\tIF i = 3 THEN CONTINUE\n", "\tIF i = 4 THEN BREAK\n",
                                 "\tIF i > 9 THEN RESULT\n"]))
    add = draw(st.sampled_from(["V.Add(i * 7 % 5)", "ArrayAdd(V, i - 3)", "V.Add(i)", "IF i <> 2 THEN V.Add(i)"]))
    start = count + draw(st.integers(-2, 1))  # near the end: the walk down has some way to go
    limit = draw(st.sampled_from([1, 1, 0, 2, -1]))
    joined = draw(st.sampled_from(["_AND_", "AND", "OR", "_OR_"]))
    negated = draw(st.booleans())
    shift, read_shift = draw(st.integers(-1, 1)), draw(st.integers(-1, 1))
    low, high = draw(st.sampled_from([1, 1, 0, 2])), count + draw(st.integers(-1, 1))
    threshold = draw(st.integers(-2, 6))

    def at(variable: str, offset: int) -> str:
        return variable if offset == 0 else f"{variable} {'+' if offset > 0 else '-'} {abs(offset)}"

    guard = f"j >= {limit}" if not negated else f"NOT (j < {limit})"
    lines = [
        "V is array of int",
        "Steps is int = 0",
        f"FOR i = 1 TO {count}",
        skip + "\t" + add,
        "END",
        f"j is int = {start}",
        f"WHILE {guard} {joined} V[{at('j', shift)}] > {threshold}",
        "\tSteps++",
        "\tIF Steps > 12 THEN BREAK",
        f"\tTrace(j, V[{at('j', read_shift)}])",
        "\tj--",
        "END",
        f"Low is int = {low}",
        f"High is int = {high}",
        "WHILE Low <= High",
        "\tMid is int = (Low + High) / 2",
        "\tTrace(Mid, V[Mid])",
        f"\tIF V[Mid] < {threshold} THEN Low = Mid + 1 ELSE High = Mid - 1",
        "END",
        f"IF j >= 1 _AND_ j <= {count} THEN Trace(V[j])",
    ]
    return "\n".join(lines) + "\n"


@settings(max_examples=150, deadline=None, derandomize=True, database=None, print_blob=False,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(text=guarded_arrays())
def test_arrays_read_under_guards_run_the_same_with_both_engines(text: str, outbox: Path):
    check(text, outbox)


@settings(max_examples=150, deadline=None, derandomize=True, database=None, print_blob=False,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(text=indexed_arrays())
def test_arrays_indexed_by_bounded_integers_run_the_same_with_both_engines(text: str, outbox: Path):
    check(text, outbox)
