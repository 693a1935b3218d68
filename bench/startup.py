"""Start-up time: ``wlinterp run`` on a one-line program against ``python -c "import lark"``.

Each command runs as a fresh subprocess, interleaved (round-robin, the order rotating each
round), 21 times; medians and ratios are reported, never a single time, because the machine
is shared and noisy. The parser cache is warmed first. Commands timed:

* ``python -m wlinterp run one_line.wl``  (the real interpreter, no pyenv shim in the way)
* ``<bin>/wlinterp run one_line.wl``       (the console script next to sys.executable, if present)
* ``python -c "import lark"``              (the reference: wlinterp cannot start faster than its dependency)
* ``python -c "pass"``                     (the interpreter's own floor, for context)

in two set-ups: the environment as it is, and with a bytecode cache (``PYTHONPYCACHEPREFIX`` in
a temporary folder, ``PYTHONDONTWRITEBYTECODE`` removed) — they differ when the package is
installed editable and PYTHONDONTWRITEBYTECODE is set, as then every run compiles wlinterp's
modules from source. Then ``python -X importtime -m wlinterp run one_line.wl`` once in each
set-up, with the top imports.

    python bench/startup.py [--runs 21] [--top 15]
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET_RATIO = 1.5
PROGRAM = 'Trace("hi")\n'


def run_once(command: list[str], cwd: str, env: dict[str, str], check_output: str | None) -> float:
    t0 = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - t0
    if done.returncode != 0 or (check_output is not None and done.stdout.strip() != check_output):
        raise SystemExit(f"{' '.join(command)} failed (exit {done.returncode}):\n{done.stdout}{done.stderr}")
    return elapsed


def importtime(command: list[str], cwd: str, env: dict[str, str], top: int, setup: str) -> None:
    """Run once under -X importtime; print the top imports by cumulative and by own time."""
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    rows: list[tuple[int, int, str]] = []
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        self_us, cumulative_us, name = line[len("import time:"):].split("|", 2)
        rows.append((int(cumulative_us), int(self_us), name[1:].rstrip()))  # keep the nesting indent
    if not rows:
        print("(no -X importtime output)")
        return
    # top-level imports (no indentation) add up to the whole import time; `site` runs before the
    # program in every Python start (python -c pass pays it too)
    total = sum(cum for cum, _, name in rows if not name.startswith(" "))
    site = sum(cum for cum, _, name in rows if name == "site")
    print(f"\n--- [{setup}] python -X importtime -m wlinterp run (one run, indicative only): {len(rows)} modules, "
          f"{total / 1000:.1f} ms of imports, of which {site / 1000:.1f} ms in site (paid by every python start) ---")
    print(f"top {top} by cumulative time (a package's time includes what it imports):")
    print(f"  {'cumulative':>10}  {'self':>8}  module")
    for cum, own, name in sorted(rows, reverse=True)[:top]:
        print(f"  {cum / 1000:8.1f} ms  {own / 1000:6.1f} ms  {name}")
    print(f"top {top} by own time:")
    for cum, own, name in sorted(rows, key=lambda r: r[1], reverse=True)[:top]:
        print(f"  {own / 1000:8.1f} ms  {name.strip()}")
    groups: dict[str, int] = {}
    for cum, own, name in rows:
        root = name.strip().split(".")[0]
        groups[root] = groups.get(root, 0) + own
    print("own time by top-level package:")
    for root, own in sorted(groups.items(), key=lambda kv: kv[1], reverse=True)[:top]:
        print(f"  {own / 1000:8.1f} ms  {root}")


def project_commit() -> str:
    """The commit measured (figures move with the code), or '?' outside a git checkout."""
    try:
        done = subprocess.run(["git", "describe", "--always", "--dirty"], cwd=Path(__file__).resolve().parent.parent,
                              capture_output=True, text=True, check=False)
    except OSError:
        return "?"
    return done.stdout.strip() or "?"


def main() -> int:
    work = tempfile.mkdtemp(prefix="wlinterp-startup-")
    try:
        return measure(work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def measure(work: str) -> int:
    cli = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    cli.add_argument("--runs", type=int, default=21, help="runs of each command (default 21)")
    cli.add_argument("--top", type=int, default=15, help="rows of import-time output (default 15)")
    args = cli.parse_args()

    python = sys.executable
    program = Path(work) / "one_line.wl"
    program.write_text(PROGRAM, encoding="utf-8")

    # Two set-ups. "as is": this shell's environment. "bytecode cached": .pyc files kept in a
    # private PYTHONPYCACHEPREFIX (so nothing is written into the project). They differ when
    # PYTHONDONTWRITEBYTECODE is set and the package is installed editable: then no .pyc exists
    # for wlinterp and every run compiles all of its modules from source.
    as_is = dict(os.environ)
    as_is.pop("PYTHONPROFILEIMPORTTIME", None)
    cached = dict(as_is)
    cached.pop("PYTHONDONTWRITEBYTECODE", None)
    cached["PYTHONPYCACHEPREFIX"] = str(Path(work) / "pycache")
    setups = {"as is": as_is, "bytecode cached": cached}

    commands: dict[str, tuple[list[str], str | None]] = {
        "python -m wlinterp run": ([python, "-m", "wlinterp", "run", str(program)], "hi"),
    }
    script = Path(python).parent / "wlinterp"
    if script.exists():
        commands["wlinterp run (console script)"] = ([str(script), "run", str(program)], "hi")
    reference = 'python -c "import lark"'
    commands[reference] = ([python, "-c", "import lark"], None)
    commands['python -c "pass"'] = ([python, "-c", "pass"], None)

    shim = shutil.which("wlinterp")
    print(f"wlinterp start-up benchmark — Python {platform.python_version()} at {python}")
    print(f"project commit: {project_commit()}")
    print(f"program: {program.name} = {PROGRAM.strip()!r}; {args.runs} interleaved runs of each command in each set-up")
    print(f"PYTHONDONTWRITEBYTECODE is {'set' if os.environ.get('PYTHONDONTWRITEBYTECODE') else 'not set'} here")
    if shim and Path(shim).resolve() != script.resolve():
        print(f"note: `wlinterp` on PATH is {shim} (a shim or another install), not timed; the console "
              f"script next to the interpreter is")

    # warm-up: the first run may build the parser cache (~/.cache/wlinterp), fill the bytecode
    # cache and the OS file cache
    jobs = [(setup, label) for setup in setups for label in commands]
    for setup, label in jobs:
        command, expected = commands[label]
        run_once(command, work, setups[setup], expected)

    times: dict[tuple[str, str], list[float]] = {job: [] for job in jobs}
    for run in range(args.runs):
        shift = run % len(jobs)
        for setup, label in jobs[shift:] + jobs[:shift]:  # rotate who goes first
            command, expected = commands[label]
            times[(setup, label)].append(run_once(command, work, setups[setup], expected))

    for setup in setups:
        ref_times = times[(setup, reference)]
        ref = statistics.median(ref_times)
        floor = statistics.median(times[(setup, 'python -c "pass"')])
        print(f"\n[{setup}] medians over {args.runs} runs (min–max in brackets)")
        for label in commands:
            values = times[(setup, label)]
            med = statistics.median(values)
            extra = f"  {med / ref:5.2f}x import lark" if label != reference else "  (reference)"
            print(f"  {label:32} {med * 1000:7.1f} ms  [{min(values) * 1000:.1f}–{max(values) * 1000:.1f}]{extra}")
        first = statistics.median(times[(setup, "python -m wlinterp run")])
        print(f"  beyond the bare interpreter (minus python -c pass): import lark {(ref - floor) * 1000:.1f} ms, "
              f"python -m wlinterp run {(first - floor) * 1000:.1f} ms")
        for label in commands:
            if label.startswith(("python -m wlinterp", "wlinterp run")):
                # each run against the reference run of the same round, then the median of those ratios
                ratios = [a / b for a, b in zip(times[(setup, label)], ref_times)]
                ratio = statistics.median(ratios)
                verdict = "MET" if ratio <= TARGET_RATIO else f"MISSED ({ratio / TARGET_RATIO - 1:.0%} over)"
                print(f"  ratio {label} / import lark: {ratio:.2f}x (median of per-round ratios; ratio of "
                      f"medians {statistics.median(times[(setup, label)]) / ref:.2f}x) — target <= {TARGET_RATIO}x: "
                      f"{verdict}")

    for setup, env in setups.items():
        importtime([python, "-X", "importtime", "-m", "wlinterp", "run", str(program)], work, env, args.top, setup)
    return 0


if __name__ == "__main__":
    sys.exit(main())
