"""Differential fuzzing: the interpreter against the faithful transpilation, on thousands of generated programs.

Each program comes from tests/program_gen.py (the generator behind the hypothesis strategy
of tests/test_generated_programs.py), drawn from ``random.Random(seed)``: seed N always gives
the same program, so a finding is reproduced with ``--seed N -n 1``. Each program is compiled
once and run by both engines; their reports must agree on status, output and error state.

A finding is a program whose reports differ, one that makes an engine raise or report an
internal error (even when both agree), or one that runs past ``--timeout``. Each finding is
saved in ``--out`` as ``seed-N.wl`` (the program) and ``seed-N.txt`` (both reports and the
Python). ``--out`` also keeps ``progress.json``, so ``--resume`` carries on an interrupted run
from where it stopped.

    python bench/fuzz_transpiler.py                    # 10,000 programs, seeds 0 to 9,999
    python bench/fuzz_transpiler.py -n 50000 --seed 10000 --out /tmp/fuzz
    python bench/fuzz_transpiler.py --resume --out /tmp/fuzz
    python bench/fuzz_transpiler.py --seed 1234 -n 1 --show  # print one program and its reports

Exit code 1 when there is at least one finding.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.program_gen import RandomChooser, TooLong, comparable, explain, generate, run_both, time_limit  # noqa: E402

INTERNAL = "internal error in wlinterp"


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("-n", "--count", type=int, default=10_000, help="how many programs (default 10,000)")
    parser.add_argument("--seed", type=int, default=0, help="the seed of the first program (default 0)")
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "wlinterp-fuzz",
                        help="where findings and progress go (default: wlinterp-fuzz in the temporary folder)")
    parser.add_argument("--resume", action="store_true", help="carry on the run recorded in --out/progress.json")
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds one program may take (default 10)")
    parser.add_argument("--show", action="store_true", help="print each program and both reports")
    return parser.parse_args(argv)


class Run:
    """One fuzzing run: its counters, its findings, and the file that lets it resume."""

    def __init__(self, out: Path, first: int, count: int):
        self.out = out
        self.first = first
        self.count = count
        self.next = first
        self.statuses: Counter[str] = Counter()
        self.findings: list[dict[str, Any]] = []
        self.elapsed = 0.0

    @property
    def progress_file(self) -> Path:
        return self.out / "progress.json"

    def save(self) -> None:
        state = {"first": self.first, "count": self.count, "next": self.next, "statuses": dict(self.statuses),
                 "findings": self.findings, "elapsed": self.elapsed}
        temporary = self.progress_file.with_suffix(".tmp")
        temporary.write_text(json.dumps(state, indent=1), encoding="utf-8")
        temporary.replace(self.progress_file)  # never a half-written progress file

    @classmethod
    def resumed(cls, out: Path) -> Run:
        state = json.loads((out / "progress.json").read_text(encoding="utf-8"))
        run = cls(out, state["first"], state["count"])
        run.next, run.elapsed = state["next"], state["elapsed"]
        run.statuses.update(state["statuses"])
        run.findings = state["findings"]
        return run

    def record(self, seed: int, kind: str, text: str, detail: str) -> None:
        self.findings.append({"seed": seed, "kind": kind})
        (self.out / f"seed-{seed}.wl").write_text(text, encoding="utf-8")
        (self.out / f"seed-{seed}.txt").write_text(f"{kind}\n\n{detail}\n", encoding="utf-8")
        print(f"seed {seed}: {kind} (saved in {self.out / f'seed-{seed}.wl'})", flush=True)


def _internal_errors(report: dict[str, Any]) -> list[str]:
    return [d["message"] for d in report.get("diagnostics", []) if INTERNAL in d.get("message", "")]


def check(run: Run, seed: int, timeout: float, show: bool) -> None:
    """Generate, run and compare one program; record what is wrong with it."""
    text = ""
    try:
        text = generate(RandomChooser(random.Random(seed)))
        with time_limit(timeout):
            interpreted, transpiled = run_both(text, str(run.out / "outbox"))
    except TooLong:
        run.statuses["timeout"] += 1
        run.record(seed, f"ran past {timeout} s", text, "")
        return
    except Exception as exc:  # noqa: BLE001 - the generator or the harness broke: still a finding
        run.statuses["crash"] += 1
        run.record(seed, f"crashed: {exc!r}", text, "")
        return
    run.statuses[interpreted["status"]] += 1
    if show:
        print(explain(text, interpreted, transpiled))
    internal = _internal_errors(interpreted) + _internal_errors(transpiled)
    if comparable(interpreted) != comparable(transpiled):
        run.record(seed, "the engines disagree", text, explain(text, interpreted, transpiled))
    elif internal:
        run.record(seed, f"both engines agree, but: {internal[0]}", text, explain(text, interpreted, transpiled))
    elif interpreted["status"].startswith("crash"):
        run.record(seed, interpreted["status"], text, explain(text, interpreted, transpiled))


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    run = Run.resumed(args.out) if args.resume and (args.out / "progress.json").exists() else Run(args.out, args.seed, args.count)
    last = run.first + run.count
    started = time.perf_counter() - run.elapsed
    print(f"programs {run.first} to {last - 1}, starting at {run.next}; findings go to {args.out}", flush=True)
    try:
        while run.next < last:
            check(run, run.next, args.timeout, args.show)
            run.next += 1
            if (run.next - run.first) % 500 == 0 or run.next == last:
                run.elapsed = time.perf_counter() - started
                run.save()
                print(f"  {run.next - run.first} done, {len(run.findings)} finding(s), {run.elapsed:.0f} s", flush=True)
    except KeyboardInterrupt:
        run.elapsed = time.perf_counter() - started
        run.save()
        print(f"interrupted at seed {run.next}: --resume --out {args.out} carries on", flush=True)
        return 130
    done = run.next - run.first
    statuses = ", ".join(f"{status} {number}" for status, number in run.statuses.most_common())
    mismatches = [f for f in run.findings if f["kind"] == "the engines disagree"]
    print(f"\nprograms: {done} ({statuses})")
    print(f"mismatches: {len(mismatches)}" + (f" (seeds {', '.join(str(f['seed']) for f in mismatches[:20])})" if mismatches else ""))
    others = [f for f in run.findings if f["kind"] != "the engines disagree"]
    print(f"other findings (internal errors, crashes, timeouts): {len(others)}"
          + (f" (seeds {', '.join(str(f['seed']) for f in others[:20])})" if others else ""))
    print(f"elapsed: {run.elapsed:.1f} s ({1000 * run.elapsed / max(done, 1):.1f} ms per program)")
    return 1 if run.findings else 0


if __name__ == "__main__":
    sys.exit(main())
