"""CPU-bound WLanguage programs run by the interpreter, by the faithful transpilation (``--engine python``) and as hand-written Python, in one run.

Five programs, each with the Python a developer would write by hand for it:

- ``sieve``: the primes below 200,000 with an array of booleans;
- ``strings``: building text from numbers (``"…" + i``), measuring and cutting it;
- ``recursion``: a recursive Fibonacci procedure;
- ``sort``: insertion sort of 1,500 pseudo-random integers, then 14,286 binary searches;
- ``calls``: 300 x 300 nested loops calling a small procedure.

Each round runs every contender on every program, in a rotating order; medians and min–max
of the per-round times are printed with the ratios to the hand-written Python (the targets:
the transpilation at most 1.5x, the interpreter at most 15x). Parsing and transpiling are
done once, before timing: the figures are about running. ``--profile NAME`` prints where the
interpreter spends its time on one program.

    python bench/compute.py [--rounds 5] [--only sieve,sort] [--profile sort]
"""

from __future__ import annotations

import argparse
import gc
import io
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from wlinterp.pipeline import Compiled, compile_source, run_compiled, transpile_compiled  # noqa: E402
from wlinterp.runtime import RunOptions  # noqa: E402
from wlinterp.source import Source  # noqa: E402

PROGRAMS: dict[str, tuple[str, str]] = {
    "sieve": (
        """
Flags is array of 200000 boolean
Count is int = 0
FOR i = 2 TO 200000
	IF NOT Flags[i] THEN
		Count++
		FOR j = i * 2 TO 200000 STEP i
			Flags[j] = True
		END
	END
END
Trace(Count)
""",
        """
def main():
    flags = [False] * 200001
    count = 0
    for i in range(2, 200001):
        if not flags[i]:
            count += 1
            for j in range(i * 2, 200001, i):
                flags[j] = True
    print(count)
""",
    ),
    "strings": (
        """
Text is string = ""
Total is int = 0
FOR i = 1 TO 40000
	Text = Text + i + ";"
	IF Length(Text) > 1000 THEN
		Total += Length(Text)
		Text = ""
	END
END
Trace(Total, Length(Text))
""",
        """
def main():
    text = ""
    total = 0
    for i in range(1, 40001):
        text = text + str(i) + ";"
        if len(text) > 1000:
            total += len(text)
            text = ""
    print(total, len(text))
""",
    ),
    "recursion": (
        """
Trace(Fib(24))

PROCEDURE Fib(n is int) : int
IF n < 2 THEN RESULT n
RESULT Fib(n - 1) + Fib(n - 2)
""",
        """
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def main():
    print(fib(24))
""",
    ),
    "sort": (
        """
Values is array of int
Seed is int = 12345
FOR i = 1 TO 1500
	Seed = (Seed * 1103515245 + 12345) % 2147483648
	Values.Add(Seed % 100000)
END
FOR i = 2 TO 1500
	Current is int = Values[i]
	j is int = i - 1
	WHILE j >= 1 _AND_ Values[j] > Current
		Values[j + 1] = Values[j]
		j--
	END
	Values[j + 1] = Current
END
Found is int = 0
FOR k = 0 TO 99999 STEP 7
	Low is int = 1
	High is int = 1500
	WHILE Low <= High
		Middle is int = (Low + High) / 2
		IF Values[Middle] = k THEN
			Found++
			BREAK
		ELSE IF Values[Middle] < k THEN
			Low = Middle + 1
		ELSE
			High = Middle - 1
		END
	END
END
Trace(Found)
""",
        """
def main():
    values = []
    seed = 12345
    for _ in range(1500):
        seed = (seed * 1103515245 + 12345) % 2147483648
        values.append(seed % 100000)
    for i in range(1, 1500):
        current = values[i]
        j = i - 1
        while j >= 0 and values[j] > current:
            values[j + 1] = values[j]
            j -= 1
        values[j + 1] = current
    found = 0
    for k in range(0, 100000, 7):
        low, high = 0, 1499
        while low <= high:
            middle = (low + high) // 2
            if values[middle] == k:
                found += 1
                break
            elif values[middle] < k:
                low = middle + 1
            else:
                high = middle - 1
    print(found)
""",
    ),
    "calls": (
        """
Total is int = 0
FOR i = 1 TO 300
	FOR j = 1 TO 300
		Total += Mix(i, j)
	END
END
Trace(Total)

PROCEDURE Mix(a is int, b is int) : int
RESULT (a * 31 + b) % 97
""",
        """
def mix(a, b):
    return (a * 31 + b) % 97


def main():
    total = 0
    for i in range(1, 301):
        for j in range(1, 301):
            total += mix(i, j)
    print(total)
""",
    ),
}

CONTENDERS = ("interpreter", "transpiled", "python")


def _compiled(name: str) -> Compiled:
    compiled = compile_source(Source(PROGRAMS[name][0], f"{name}.wl"), RunOptions())
    if not compiled.ok:
        raise SystemExit(f"{name}: {[d.message for d in compiled.diagnostics]}")
    return compiled


def _runners(name: str) -> dict[str, Callable[[], str]]:
    """For each contender, a function that runs the program once and returns what it printed."""
    compiled = _compiled(name)
    options = RunOptions()
    transpiled = transpile_compiled(compiled).text
    module_code = compile(transpiled, f"<{name} transpiled>", "exec")
    handwritten = compile(PROGRAMS[name][1], f"<{name} by hand>", "exec")

    def interpreter() -> str:
        out = io.StringIO()
        outcome = run_compiled(compiled, options, out)
        assert outcome.status == "ok", outcome.report()
        return out.getvalue()

    def transpiled_run() -> str:
        namespace: dict[str, Any] = {"__name__": "bench", "__file__": f"<{name} transpiled>"}
        exec(module_code, namespace)  # noqa: S102 - our own generated module
        out = io.StringIO()
        outcome = namespace["wl"].execute(namespace["main"], options, out)
        assert outcome.status == "ok", outcome.report()
        return out.getvalue()

    def python() -> str:
        namespace: dict[str, Any] = {"__name__": "bench"}
        exec(handwritten, namespace)  # noqa: S102 - the reference program above
        out = io.StringIO()
        saved, sys.stdout = sys.stdout, out
        try:
            namespace["main"]()
        finally:
            sys.stdout = saved
        return out.getvalue()

    return {"interpreter": interpreter, "transpiled": transpiled_run, "python": python}


def _timed(run: Callable[[], str]) -> tuple[float, str]:
    gc.collect()
    start = time.perf_counter()
    printed = run()
    return time.perf_counter() - start, printed


def measure(names: list[str], rounds: int) -> dict[str, dict[str, list[float]]]:
    times: dict[str, dict[str, list[float]]] = {name: {c: [] for c in CONTENDERS} for name in names}
    runners = {name: _runners(name) for name in names}
    for name in names:  # the three must print the same before any of it counts
        outputs = {c: runners[name][c]() for c in CONTENDERS}
        if len(set(outputs.values())) != 1:
            raise SystemExit(f"{name}: the contenders printed different things: {outputs}")
        print(f"  {name}: all three print {outputs['python'].strip()!r}")
    for round_number in range(rounds):
        order = CONTENDERS[round_number % 3:] + CONTENDERS[: round_number % 3]
        for name in names:
            for contender in order:
                elapsed, _ = _timed(runners[name][contender])
                times[name][contender].append(elapsed)
    return times


def report(times: dict[str, dict[str, list[float]]]) -> None:
    print()
    header = f"{'program':<10} {'interpreter':>14} {'transpiled':>14} {'python':>12} {'interp/py':>10} {'transp/py':>10}"
    print(header)
    print("-" * len(header))
    ratios: dict[str, list[float]] = {"interpreter": [], "transpiled": []}
    for name, by_contender in times.items():
        medians = {c: statistics.median(by_contender[c]) for c in CONTENDERS}
        per_round = {c: statistics.median(a / b for a, b in zip(by_contender[c], by_contender["python"]))
                     for c in ("interpreter", "transpiled")}
        for c in ratios:
            ratios[c].append(per_round[c])
        print(f"{name:<10} {medians['interpreter'] * 1000:>11.1f} ms {medians['transpiled'] * 1000:>11.1f} ms "
              f"{medians['python'] * 1000:>9.1f} ms {per_round['interpreter']:>9.2f}x {per_round['transpiled']:>9.2f}x")
        for c in CONTENDERS:
            low, high = min(by_contender[c]) * 1000, max(by_contender[c]) * 1000
            print(f"{'':<10}   {c}: {low:.1f}–{high:.1f} ms")
    print()
    for contender, target in (("transpiled", 1.5), ("interpreter", 15.0)):
        worst = max(ratios[contender])
        geometric = statistics.geometric_mean(ratios[contender])
        verdict = "MET" if worst <= target else "MISSED"
        print(f"{contender}: worst {worst:.2f}x, geometric mean {geometric:.2f}x the hand-written Python "
              f"(target <= {target:g}x on every program): {verdict}")


def profile(name: str) -> None:
    import cProfile
    import pstats

    runner = _runners(name)["interpreter"]
    profiler = cProfile.Profile()
    profiler.runcall(runner)
    pstats.Stats(profiler).sort_stats("tottime").print_stats(20)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--only", default="", help="comma-separated program names")
    parser.add_argument("--profile", metavar="NAME", help="profile the interpreter on one program instead")
    args = parser.parse_args()
    if args.profile:
        profile(args.profile)
        return
    names = [n for n in args.only.split(",") if n] or list(PROGRAMS)
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    print(f"wlinterp compute benchmark — Python {sys.version.split()[0]}, commit {commit.stdout.strip() or '?'}")
    print(f"{args.rounds} interleaved rounds; times are medians")
    report(measure(names, args.rounds))


if __name__ == "__main__":
    main()
