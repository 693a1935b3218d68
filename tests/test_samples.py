"""Golden tests: every samples/<lang>/NAME.wl runs and its report matches NAME.expected.json.

The expected file holds the parts of the run report that must match (design §7):
``status``, ``output`` (exactly, in order), ``error_occurred``, ``error_info``, and
``diagnostics`` given as ``{"severity", "code", "line", "col"}`` (messages may be reworded).
An optional ``options`` object sets ``lenient``, ``defines`` and ``lang`` for the run;
``exit_code`` is checked when present.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wlinterp.pipeline import run_source
from wlinterp.runtime import RunOptions
from wlinterp.source import read_source

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
PROGRAMS = sorted(SAMPLES.glob("*/*.wl"))


def test_every_language_has_samples():
    for lang in ("en", "fr", "es"):
        assert list((SAMPLES / lang).glob("*.wl")), f"samples/{lang} is empty"


def test_every_sample_has_an_expected_outcome():
    missing = [str(p.relative_to(SAMPLES)) for p in PROGRAMS if not p.with_suffix(".expected.json").exists()]
    assert missing == []


@pytest.mark.parametrize("path", PROGRAMS, ids=[str(p.relative_to(SAMPLES)) for p in PROGRAMS])
def test_sample(path: Path, tmp_path: Path):
    expected = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
    settings = expected.get("options", {})
    options = RunOptions(
        lenient=settings.get("lenient", False),
        defines=settings.get("defines", {}),
        lang=settings.get("lang", "auto"),
        outbox=str(tmp_path / "outbox"),
    )
    import io

    outcome = run_source(read_source(path), options, io.StringIO())
    report = outcome.report()
    for key in ("status", "output", "error_occurred", "error_info"):
        if key in expected:
            assert report[key] == expected[key], key
    if "diagnostics" in expected:
        got = [{k: d[k] for k in ("severity", "code", "line", "col")} for d in report["diagnostics"]]
        assert got == expected["diagnostics"]
    if "exit_code" in expected:
        assert outcome.exit_code == expected["exit_code"]
    if "messages" in expected:
        got_messages = [{k: m[k] for k in ("from", "to", "subject", "server", "security", "auth", "user")} for m in report["messages"]]
        assert got_messages == expected["messages"]
