"""The command line contract (design §6): commands, exit codes, the report file, diagnostics on stderr."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest


def cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "wlinterp", *args], capture_output=True, text=True, cwd=cwd, timeout=120)


@pytest.fixture
def files(tmp_path: Path) -> Path:
    (tmp_path / "ok.wl").write_text('Trace("hello", 1 + 1)\nInfo("done")\n', encoding="utf-8")
    (tmp_path / "fatal.wl").write_text('Trace("start")\nx is int = 1 / 0\n', encoding="utf-8")
    (tmp_path / "bad.wl").write_text("IF x THEN\n\tTrace(y)\n", encoding="utf-8")
    (tmp_path / "fr.wl").write_text("SI Vrai ALORS\n\tTrace(Taille(\"abc\"))\nFIN\n", encoding="utf-8")
    return tmp_path


def test_run_ok(files: Path):
    done = cli("run", "ok.wl", "--report", "r.json", cwd=files)
    assert done.returncode == 0
    assert done.stdout == "hello 2\nInfo: done\n"
    report = json.loads((files / "r.json").read_text())
    assert report == {
        "status": "ok",
        "diagnostics": [],
        "output": [{"kind": "trace", "text": "hello 2"}, {"kind": "info", "text": "done"}],
        "error_occurred": False,
        "error_info": "",
        "messages": [],
    }


def test_runtime_error_exits_1(files: Path):
    done = cli("run", "fatal.wl", "--report", "r.json", cwd=files)
    assert done.returncode == 1
    assert done.stdout == "start\n"
    assert "fatal.wl:2:12: error: division by zero" in done.stderr
    report = json.loads((files / "r.json").read_text())
    assert report["status"] == "runtime-error"
    assert report["diagnostics"][0]["code"] == "runtime"


def test_compile_errors_exit_2_and_nothing_runs(files: Path):
    done = cli("run", "bad.wl", "--report", "r.json", cwd=files)
    assert done.returncode == 2
    assert done.stdout == ""
    report = json.loads((files / "r.json").read_text())
    assert report["status"] == "compile-error"
    assert [(d["code"], d["line"]) for d in report["diagnostics"]] == [("syntax", 1)]
    assert "IF opened at line 1 is never closed: expected END" in done.stderr


def test_check_several_files(files: Path):
    done = cli("check", "ok.wl", "fr.wl", cwd=files)
    assert done.returncode == 0
    assert "2 files checked: no errors" in done.stderr
    done = cli("check", "ok.wl", "bad.wl", "--report", "r.json", cwd=files)
    assert done.returncode == 2
    assert json.loads((files / "r.json").read_text())["status"] == "compile-error"


def test_messages_speak_the_program_language(files: Path):
    (files / "fr_bad.wl").write_text("SI Vrai ALORS\n\tTrace(1)\n", encoding="utf-8")
    done = cli("check", "fr_bad.wl", cwd=files)
    assert "SI opened at line 1 is never closed: expected FIN" in done.stderr


def test_version_and_usage(files: Path):
    assert cli("--version", cwd=files).stdout.startswith("wlinterp ")
    assert cli(cwd=files).returncode == 2
    assert cli("run", "ok.wl", "--smtp", "nowhere", cwd=files).returncode == 2
    assert cli("run", "ok.wl", "--define", "NOEQUALS", cwd=files).returncode == 2


def test_missing_file(files: Path):
    done = cli("run", "nope.wl", "--report", "r.json", cwd=files)
    assert done.returncode == 2
    assert "no such file: nope.wl" in done.stderr
    assert json.loads((files / "r.json").read_text())["status"] == "compile-error"


def test_console_script_is_installed():
    script = Path(sys.executable).parent / "wlinterp"
    if not script.exists():
        pytest.skip("the wlinterp console script is not next to this Python")
    done = subprocess.run([str(script), "--version"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0


def test_a_device_that_never_ends_is_refused(tmp_path: Path):
    done = cli("run", "/dev/zero", cwd=tmp_path)
    assert done.returncode == 2
    assert "is larger than 64 MB" in done.stderr


def test_a_huge_name_gives_a_bounded_message(tmp_path: Path):
    (tmp_path / "huge.wl").write_text("Trace(" + "x" * 200_000 + ")\n", encoding="utf-8")
    done = cli("check", "huge.wl", "--report", "r.json", cwd=tmp_path)
    assert done.returncode == 2
    (diagnostic,) = json.loads((tmp_path / "r.json").read_text())["diagnostics"]
    assert diagnostic["code"] == "undeclared" and len(diagnostic["message"]) <= 500
    assert diagnostic["message"].endswith("…")
