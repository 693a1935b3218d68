"""The examples of the seed pages (read from ../shared/seeds at test time, never copied here)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import SEEDS, parsed, seed_examples


def _all_examples() -> list[tuple[str, int, str]]:
    if not SEEDS.is_dir():
        return []
    found = []
    for page in sorted(SEEDS.glob("*.txt")):
        import re

        for index, code in enumerate(re.findall(r"```wl\n(.*?)```", page.read_text(encoding="utf-8"), flags=re.DOTALL)):
            found.append((page.name, index, code))
    return found


EXAMPLES = _all_examples()


def test_the_seed_pages_are_here():
    if not SEEDS.is_dir():
        pytest.skip(f"the seed pages are not here ({SEEDS}); they live in ../shared/seeds beside the project")
    assert len(EXAMPLES) >= 5


@pytest.mark.parametrize(("page", "index", "code"), EXAMPLES, ids=[f"{p}#{i}" for p, i, _ in EXAMPLES])
def test_every_seed_example_parses(page: str, index: int, code: str):
    result = parsed(code)
    assert [d for d in result.diagnostics if d.code == "syntax"] == []
    assert result.program is not None


def _write(tmp_path: Path, code: str, name: str = "seed.wl") -> Path:
    path = tmp_path / name
    path.write_text(code, encoding="utf-8")
    return path


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "wlinterp", *args], capture_output=True, text=True, cwd=cwd, timeout=120)


def test_seed_000_reports_the_misnamed_session(tmp_path: Path):
    code = seed_examples("000")[0]
    path = _write(tmp_path, code)
    done = _cli("check", str(path), "--report", "report.json", cwd=tmp_path)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert f"{path}:4:13: error: unknown variable 'MySMTPSession'" in done.stderr
    assert "hint: did you mean 'MyEmailSMTPSession' (declared at line 2)?" in done.stderr
    report = json.loads((tmp_path / "report.json").read_text())
    assert report["status"] == "compile-error"
    wrong = [d for d in report["diagnostics"] if "MySMTPSession'" in d["message"]]
    assert wrong == [
        {
            "severity": "error", "code": "undeclared", "file": str(path), "line": 4, "col": 13,
            "message": "unknown variable 'MySMTPSession'",
            "hint": "did you mean 'MyEmailSMTPSession' (declared at line 2)?",
        }
    ]


def test_seed_000_runs_leniently_with_a_warning(tmp_path: Path):
    code = seed_examples("000")[0]
    path = _write(tmp_path, code)
    done = _cli("run", "--lenient", str(path), "--report", "report.json", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert "warning: unknown variable 'MySMTPSession'" in done.stderr
    report = json.loads((tmp_path / "report.json").read_text())
    assert report["status"] == "ok"
    warnings = [d for d in report["diagnostics"] if d["line"] == 4 and d["col"] == 13]
    assert [d["severity"] for d in warnings] == ["warning"]
    # no server address: the ELSE branch runs and the error is shown
    assert report["output"] == [{"kind": "error", "text": "Unable to establish the connection"}]


def test_seed_002_french_example_names_its_session_right():
    code = seed_examples("002")[0]
    from .conftest import checked

    found = checked(code).diagnostics
    assert not [d for d in found if "MaSessionEmailSMTP" in d.message]


def test_seed_004_reports_the_misnamed_imap_session(tmp_path: Path):
    examples = seed_examples("004")
    code = next(example for example in examples if "IMAP" in example)
    from .conftest import checked

    found = [d for d in checked(code).diagnostics if "MyIMAPSession'" in d.message]
    assert len(found) == 1
    assert found[0].code == "undeclared"
    assert found[0].hint.startswith("did you mean 'gMyIMAPSession'")
