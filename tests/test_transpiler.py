"""The faithful transpilation: readable Python that runs exactly as the interpreter does (issue 7)."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
import warnings
from pathlib import Path
from typing import Any

import pytest

import wlinterp
from wlinterp.errors import CompileErrors
from wlinterp.pipeline import compile_source, run_compiled, run_transpiled, transpile_compiled
from wlinterp.runtime import RunOptions
from wlinterp.source import Source, read_source

from .test_languages import PROGRAMS

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "samples").glob("*/*.wl"))
SAMPLE_IDS = [str(p.relative_to(ROOT / "samples")) for p in SAMPLES]
# what differs between two runs that send the same mail: where and when the copy was stored
_VOLATILE = ("eml", "date", "message_id", "id", "file")


def _settings(path: Path) -> dict[str, Any]:
    expected = path.with_suffix(".expected.json")
    return json.loads(expected.read_text(encoding="utf-8")).get("options", {}) if expected.exists() else {}


def comparable(report: dict[str, Any]) -> dict[str, Any]:
    """The parts of a run report both engines must agree on (design §6), without storage details."""
    kept = {key: report[key] for key in ("status", "output", "error_occurred", "error_info")}
    kept["messages"] = [{k: v for k, v in m.items() if k not in _VOLATILE} for m in report["messages"]]
    return kept


def both_engines(source: Source, tmp_path: Path, **settings: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    reports = []
    for engine in ("interpreter", "python"):
        options = RunOptions(outbox=str(tmp_path / engine), **settings)
        compiled = compile_source(source, options)
        run = run_compiled if engine == "interpreter" else run_transpiled
        reports.append(run(compiled, options, io.StringIO()).report())
    return reports[0], reports[1]


# ------------------------------------------------------------------------------ differential


@pytest.mark.parametrize("path", SAMPLES, ids=SAMPLE_IDS)
def test_every_sample_reports_the_same_with_both_engines(path: Path, tmp_path: Path):
    settings = _settings(path)
    interpreted, transpiled = both_engines(read_source(path), tmp_path, lenient=settings.get("lenient", False),
                                           defines=settings.get("defines", {}))
    assert comparable(transpiled) == comparable(interpreted)


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_the_language_programs_run_the_same_with_both_engines(name: str, tmp_path: Path):
    interpreted, transpiled = both_engines(Source(PROGRAMS[name][0], f"{name}.wl"), tmp_path, lenient=True)
    assert comparable(transpiled) == comparable(interpreted)


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_english_french_spanish_give_the_same_python(name: str):
    texts = {wlinterp.transpile(text, path="program.wl", lenient=True) for text in PROGRAMS[name]}
    assert len(texts) == 1


# ------------------------------------------------------------------------------ the committed samples


def _committed(path: Path) -> Path:
    return path.with_suffix(".py")


@pytest.mark.parametrize("path", SAMPLES, ids=SAMPLE_IDS)
def test_committed_transpilations_are_up_to_date(path: Path):
    settings = _settings(path)
    compiled = compile_source(read_source(path), RunOptions(lenient=settings.get("lenient", False)))
    text = transpile_compiled(compiled, "faithful", settings.get("lenient", False)).text
    committed = _committed(path)
    assert committed.exists(), f"run: wlinterp transpile {path.relative_to(ROOT)} -o {committed.relative_to(ROOT)}"
    assert committed.read_text(encoding="utf-8") == text, "regenerate it with wlinterp transpile"


def test_committed_transpilations_compile_with_warnings_as_errors():
    for path in SAMPLES:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            compile(_committed(path).read_text(encoding="utf-8"), str(_committed(path)), "exec")


def _ruff() -> list[str]:
    found = shutil.which("ruff")
    if found:
        return [found]
    try:
        import ruff  # noqa: F401
    except ImportError:
        pytest.skip("ruff is not installed (pip install -e '.[test]' installs it)")
    return [sys.executable, "-m", "ruff"]


def ruff_accepts(files: list[str], *, check: bool = True, format_: bool = True) -> None:
    """ruff's default rules find nothing in the files (``check``) and ``ruff format`` would leave them as they are."""
    for wanted, command in ((check, ["check"]), (format_, ["format", "--diff"])):
        if not wanted:
            continue
        done = subprocess.run([*_ruff(), *command[:1], "--isolated", "--no-cache", *command[1:], *files],
                              capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stdout[-6000:] + done.stderr


def test_committed_transpilations_pass_ruff_check_with_its_default_rules():
    ruff_accepts([str(_committed(path)) for path in SAMPLES], format_=False)


def test_committed_transpilations_are_stable_under_ruff_format():
    ruff_accepts([str(_committed(path)) for path in SAMPLES], check=False)


def test_a_committed_transpilation_runs_on_its_own(tmp_path: Path):
    path = ROOT / "samples" / "en" / "send_mail.wl"
    done = subprocess.run([sys.executable, str(_committed(path)), "--outbox", str(tmp_path / "box"),
                           "--report", str(tmp_path / "r.json")], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "Message sent to 1 recipient(s) and 1 in copy\n"
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    interpreted, _ = both_engines(read_source(path), tmp_path)
    assert comparable(report) == comparable(interpreted)
    assert "1 message captured" in done.stderr


# ------------------------------------------------------------------------------ the shape of the Python


def python_of(text: str, **settings: Any) -> str:
    return wlinterp.transpile(text, path="program.wl", **settings)


def test_integers_use_plain_python_and_constant_bounds_a_range():
    text = python_of("Total is int = 0\nFOR i = 1 TO 10\n\tTotal += i * 2\nEND\nTrace(Total)\n")
    assert "for i in range(1, 11):" in text
    assert "Total += i * 2" in text
    assert "sem." not in text


def test_a_bound_that_moves_keeps_the_while_loop():
    text = python_of("Limit is int = 2\nFOR i = 1 TO Limit\n\tIF i = 1 THEN Limit = 4\nEND\n")
    assert "while i <= Limit:" in text and "range(" not in text


def test_unknown_types_go_through_the_semantics_module():
    text = python_of('v is Variant = "3"\nTrace(v + 1, v = 3)\n')
    assert "sem.add(v, 1)" in text and "sem.equals(v, 3)" in text


def test_recursion_over_integers_is_plain_python():
    text = python_of("Trace(Fib(10))\nPROCEDURE Fib(n is int) : int\nIF n < 2 THEN RESULT n\nRESULT Fib(n - 1) + Fib(n - 2)\n")
    assert "return Fib(n - 1) + Fib(n - 2)" in text


def test_parameters_written_by_the_procedure_are_shared_through_a_ref():
    text = python_of("n is int = 1\nBump(n)\nTrace(n)\nPROCEDURE Bump(x)\nx++\n")
    assert "n = Ref(1, \"int\")" in text and "x.set(" in text


def test_comments_come_along():
    text = python_of("// the count\nCount is int = 1 // starts at one\nTrace(Count)\n")
    assert "# the count\n" in text and "Count: int = 1  # starts at one" in text


def test_python_names_that_collide_get_a_suffix():
    text = python_of('list is string = "a"\nid is int = 2\nl is int = 1\nTrace(list, id, l)\n')
    assert "list_: str" in text and "id_: int" in text and "l_: int" in text


def test_placeholders_become_parameters_of_main_filled_by_define(tmp_path: Path):
    text = python_of('Trace("Hello", WHO)\n', lenient=True)
    assert "def main(WHO=None) -> None:" in text
    module = tmp_path / "hello.py"
    module.write_text(text, encoding="utf-8")
    done = subprocess.run([sys.executable, str(module), "--define", "WHO=Ada"], capture_output=True, text=True, timeout=120)
    assert done.stdout == "Hello Ada\n"


def test_runtime_errors_point_at_the_wlanguage_line(tmp_path: Path):
    source = Source('Trace("start")\nx is int = 0\nTrace(10 / x)\n', "ratio.wl")
    interpreted, transpiled = both_engines(source, tmp_path)
    assert comparable(transpiled) == comparable(interpreted)
    (diagnostic,) = transpiled["diagnostics"]
    assert (diagnostic["file"], diagnostic["line"], diagnostic["message"]) == ("ratio.wl", 3, "division by zero")


def test_a_program_with_errors_is_not_transpiled():
    with pytest.raises(CompileErrors) as caught:
        python_of("Trace(Missing)\n")
    assert caught.value.diagnostics[0].code == "undeclared"


def test_the_command_line_writes_the_module(tmp_path: Path):
    source = tmp_path / "hello.wl"
    source.write_text('Trace("Hello from Python")\n', encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "wlinterp", "transpile", str(source), "-o", str(tmp_path / "hello.py")],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    ran = subprocess.run([sys.executable, str(tmp_path / "hello.py")], capture_output=True, text=True, timeout=120)
    assert ran.stdout == "Hello from Python\n"
    engine = subprocess.run([sys.executable, "-m", "wlinterp", "run", "--engine", "python", str(source)],
                            capture_output=True, text=True, timeout=120)
    assert engine.stdout == "Hello from Python\n"


# ------------------------------------------------------------------------------ the seed examples


def _seed_examples() -> list[tuple[str, int, str]]:
    from .test_seeds import EXAMPLES

    return EXAMPLES


@pytest.mark.parametrize(("page", "index", "code"), _seed_examples(), ids=[f"{p[:3]}#{i}" for p, i, _ in _seed_examples()])
def test_seed_examples_transpile_leniently_and_run_the_same(page: str, index: int, code: str, tmp_path: Path):
    import re

    text = wlinterp.transpile(code, path="seed.wl", lenient=True)
    signature = re.search(r"def main\((.*)\) -> None:", text)
    assert signature is not None
    placeholders = [part.split("=")[0] for part in signature.group(1).split(", ") if part]
    defines = {name: f"value of {name}" for name in placeholders}
    interpreted, transpiled = both_engines(Source(code, "seed.wl"), tmp_path, lenient=True, defines=defines)
    assert comparable(transpiled) == comparable(interpreted)


def test_seed_000_placeholders_are_filled_from_define(tmp_path: Path):
    from .conftest import seed_examples

    text = wlinterp.transpile(seed_examples("000")[0], path="seed.wl", lenient=True)
    assert "def main(MySMTPSession=None, UserName=None) -> None:" in text
    module = tmp_path / "seed.py"
    module.write_text(text, encoding="utf-8")
    done = subprocess.run([sys.executable, str(module), "--define", "UserName=ada", "--outbox", str(tmp_path / "box"),
                           "--report", str(tmp_path / "r.json")], capture_output=True, text=True, timeout=120)
    assert "Traceback" not in done.stderr
    interpreted, _ = both_engines(Source(seed_examples("000")[0], "seed.wl"), tmp_path, lenient=True,
                                  defines={"UserName": "ada"})
    assert comparable(json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))) == comparable(interpreted)
