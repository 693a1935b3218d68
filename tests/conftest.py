"""Shared helpers for the test suite: parse, check and run program text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from wlinterp import check_text, run_text
from wlinterp.parser import ParseResult, parse
from wlinterp.pipeline import Compiled, Outcome
from wlinterp.source import Source

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"


def parsed(text: str) -> ParseResult:
    return parse(Source(text, "test.wl"))


def program(text: str):
    result = parsed(text)
    assert result.ok, [f"{d.span.line}:{d.span.column} {d.message}" for d in result.diagnostics]
    return result.program


def checked(text: str, **options) -> Compiled:
    from wlinterp.runtime import RunOptions

    return check_text(text, "test.wl", RunOptions(**options))


def run(text: str, **options) -> Outcome:
    return run_text(text, "test.wl", **options)


def traces(text: str, **options) -> list[str]:
    """What the program printed, after asserting that it ran to its end."""
    outcome = run(text, **options)
    assert outcome.status == "ok", [f"{d.span and d.span.line}: {d.message}" for d in outcome.diagnostics]
    return [entry["text"] for entry in outcome.report()["output"]]


def errors(compiled_or_outcome) -> list[tuple[str, int, int, str]]:
    return [
        (d.code, d.span.line if d.span else 0, d.span.column if d.span else 0, d.message)
        for d in compiled_or_outcome.diagnostics
        if d.severity == "error"
    ]


def seed_examples(name_part: str) -> list[str]:
    """The ```wl code blocks of a seed page, read at test time (never copied into the project)."""
    if not SEEDS.is_dir():
        pytest.skip(f"the seed pages are not here ({SEEDS}); they live in ../shared/seeds beside the project")
    matches = sorted(SEEDS.glob(f"{name_part}*.txt"))
    if not matches:
        pytest.skip(f"no seed page {name_part}* in {SEEDS}")
    text = matches[0].read_text(encoding="utf-8")
    return re.findall(r"```wl\n(.*?)```", text, flags=re.DOTALL)
