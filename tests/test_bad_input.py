"""Bad input never ends in a Python traceback or a hang: it ends in diagnostics and exit code 2.

What "bad" covers here: files that are empty, binary, wrongly encoded, cut off in the middle
of a string or comment, blocks never closed, keywords misspelt in every block position,
nesting far deeper than anyone writes, files of 5 MB, missing files, directories, and command
lines that make no sense. Each case runs the real command line in a subprocess with a generous
timeout (a hang fails the test instead of freezing the suite), or, for the many small cases,
the Python API the command line is built on.

Contract (design §6): exit 0 when the program ran to its end, 1 on a fatal runtime error, 2 on
compile errors or bad usage; a compile error is a GCC-style diagnostic with a 1-based line and
column. "internal error in wlinterp" is what the pipeline says when one of *our* Python
exceptions escaped a stage: it keeps the user away from a traceback, but it is a bug all the
same, so every test here treats it as a failure.

Decided here: **an empty file is a valid program** (as is a file of blanks or comments). WinDev
compiles an empty process without a word, a documentation page may hold a snippet that is only
a comment, and "nothing to do" is not a mistake in the program. So it runs, prints nothing,
and exits 0 with no diagnostics.

The property tests at the end mutate the programs in samples/*/*.wl (read at collection time;
more arrive as the project grows) and feed the mutants to ``compile_source`` and, for a smaller
number without loops, to ``run_source``. Whatever the mutant, the call must return normally with
positioned diagnostics.
"""

from __future__ import annotations

import io
import json
import random
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, note, reject, settings
from hypothesis import strategies as st

from grammar.keywords import KEYWORDS
from wlinterp.diagnostics import render_all
from wlinterp.errors import CODES, Diagnostic
from wlinterp.parser import MAX_ERRORS
from wlinterp.pipeline import Compiled, Outcome, compile_source, run_source
from wlinterp.runtime import RunOptions
from wlinterp.source import Source

from .program_gen import TooLong, time_limit

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "samples").glob("*/*.wl"))

# Generous: a healthy wlinterp needs a few seconds for the biggest file here. Only a hang
# (or a quadratic blow-up on a 5 MB file) gets anywhere near this.
TIMEOUT = 120
FIVE_MB = 5_000_000
FORBIDDEN = ("Traceback", "internal error")


# ---------------------------------------------------------------------------- helpers


def wl(*args: str, cwd: Path, timeout: float = TIMEOUT) -> subprocess.CompletedProcess[str]:
    """Run ``python -m wlinterp ARGS``; fail on a hang, a traceback or an internal error."""
    command = [sys.executable, "-m", "wlinterp", *args]
    try:
        done = subprocess.run(
            command, check=False, capture_output=True, text=True, encoding="utf-8", errors="replace", cwd=cwd,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"wlinterp {' '.join(args)} did not finish within {timeout} s (a hang, or far too slow)")
    for word in FORBIDDEN:
        assert word not in done.stdout, f"{word!r} on stdout of wlinterp {' '.join(args)}:\n{done.stdout[-3000:]}"
        assert word not in done.stderr, f"{word!r} on stderr of wlinterp {' '.join(args)}:\n{done.stderr[-3000:]}"
    return done


def read_report(path: Path) -> dict:
    report = json.loads(path.read_text(encoding="utf-8"))
    assert set(report) >= {"status", "diagnostics", "output", "error_occurred", "error_info", "messages"}
    for d in report["diagnostics"]:
        assert set(d) >= {"severity", "code", "file", "line", "col", "message", "hint"}, d
        assert d["severity"] in ("error", "warning"), d
        assert d["code"] in CODES, d
    return report


def errors_by_file(report: dict) -> dict[str, list[tuple[int, int, str]]]:
    found: dict[str, list[tuple[int, int, str]]] = {}
    for d in report["diagnostics"]:
        if d["severity"] == "error":
            found.setdefault(d["file"], []).append((d["line"], d["col"], d["message"]))
    return found


def assert_sound(diagnostics: list[Diagnostic], text: str, *, positioned: bool = True) -> None:
    """No internal error; every diagnostic well-formed, inside the file, and printable."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for d in diagnostics:
        assert "internal error" not in d.message, f"{d.message}\n{d.hint}"
        assert d.severity in ("error", "warning"), d
        assert d.code in CODES, d
        if positioned:
            assert d.span is not None, f"diagnostic without a position: {d.message}"
        if d.span is not None:
            assert 1 <= d.span.line <= len(lines), f"line {d.span.line} is past the end ({len(lines)}): {d.message}"
            width = len(lines[d.span.line - 1])
            assert 1 <= d.span.column <= width + 1, f"column {d.span.column} is past the line ({width}): {d.message}"
        json.dumps(d.as_report())
    render_all(diagnostics, Source(text, "t.wl"), io.StringIO())


def compiled(text: str, **options) -> Compiled:
    result = compile_source(Source(text, "t.wl"), RunOptions(**options))
    assert_sound(result.diagnostics, text)
    return result


def error_lines(result: Compiled | Outcome) -> list[int]:
    return [d.span.line if d.span else 0 for d in result.diagnostics if d.severity == "error"]


def describe(result: Compiled | Outcome) -> list[str]:
    return [f"{d.span.line}:{d.span.column} {d.message}" if d.span else f"?:? {d.message}" for d in result.diagnostics]


# ---------------------------------------------------------------------------- empty files


def test_empty_file_is_a_valid_program(tmp_path: Path):
    (tmp_path / "empty.wl").write_bytes(b"")
    done = wl("run", "empty.wl", "--report", "r.json", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
    assert done.stderr == ""
    report = read_report(tmp_path / "r.json")
    assert report["status"] == "ok"
    assert report["diagnostics"] == []
    assert report["output"] == []


def test_blank_and_comment_only_files_are_valid(tmp_path: Path):
    files = {
        "empty.wl": b"",
        "blank.wl": b"\n \t \n\r\n\r   \n",
        "comments.wl": b"// nothing to run here\n/* nor\n   here */\n",
        "bom.wl": b"\xef\xbb\xbf",
        "semicolons.wl": b";;\n ; \n",
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    done = wl("check", *files, "--report", "r.json", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert f"{len(files)} files checked: no errors" in done.stderr
    assert read_report(tmp_path / "r.json")["diagnostics"] == []
    for name, data in files.items():
        text = data.decode("utf-8-sig")
        assert compiled(text).ok, name


# ---------------------------------------------------------------------------- not text at all


def test_binary_file_with_nul_bytes(tmp_path: Path):
    rng = random.Random(20240501)
    data = bytes(rng.randrange(256) for _ in range(8192)) + b"\x00"
    (tmp_path / "binary.wl").write_bytes(data)
    (tmp_path / "utf16.wl").write_bytes('Trace("hello")\n'.encode("utf-16"))
    done = wl("run", "binary.wl", "--report", "r.json", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stdout == ""
    assert "binary.wl" in done.stderr and "not a text file" in done.stderr
    report = read_report(tmp_path / "r.json")
    assert report["status"] == "compile-error"
    assert [(d["severity"], d["code"], d["file"]) for d in report["diagnostics"]] == [("error", "syntax", "binary.wl")]

    done = wl("check", "binary.wl", "utf16.wl", "--report", "r.json", cwd=tmp_path)
    assert done.returncode == 2
    assert set(errors_by_file(read_report(tmp_path / "r.json"))) == {"binary.wl", "utf16.wl"}


def test_binary_garbage_without_nul_bytes(tmp_path: Path):
    rng = random.Random(20240502)
    data = bytes(rng.randrange(1, 256) for _ in range(65536))
    (tmp_path / "garbage.wl").write_bytes(data)
    done = wl("run", "garbage.wl", "--report", "r.json", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stdout == "", "nothing may run when the program does not compile"
    report = read_report(tmp_path / "r.json")
    assert report["status"] == "compile-error"
    errors = [d for d in report["diagnostics"] if d["severity"] == "error"]
    assert errors
    assert len(errors) <= MAX_ERRORS + 1, "the error cap keeps the listing readable"
    assert all(d["line"] >= 1 and d["col"] >= 1 for d in errors), errors[:5]
    assert "garbage.wl:" in done.stderr


# ---------------------------------------------------------------------------- encodings


def test_invalid_utf8_is_read_as_windows_1252(tmp_path: Path):
    # Older WinDev exports are Windows-1252: not valid UTF-8, and still a program.
    (tmp_path / "latin.wl").write_bytes(b'Name is string = "caf\xe9 cr\xe8me \x80"\nTrace(Name)\n')
    done = wl("run", "latin.wl", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "café crème €\n"


def test_invalid_bytes_in_code_are_diagnosed_at_their_line(tmp_path: Path):
    # 0x81 and 0x8D are neither UTF-8 nor Windows-1252: the program is wrong on line 2.
    (tmp_path / "bad_bytes.wl").write_bytes(b"Trace(1)\n\x81\x8d\nTrace(2)\n")
    done = wl("run", "bad_bytes.wl", "--report", "r.json", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stdout == ""
    report = read_report(tmp_path / "r.json")
    assert report["status"] == "compile-error"
    assert [(d["code"], d["line"], d["col"]) for d in report["diagnostics"]] == [("syntax", 2, 1)]


# ---------------------------------------------------------------------------- cut-off literals

UNTERMINATED = [
    ("string", 'Trace(1)\nx is string = "abc\nTrace(x)\n', (2, 15), "unterminated string"),
    ("string at end of file", 'Trace(1)\nTrace("abc', (2, 7), "unterminated string"),
    ("multi-line string", "Trace(1)\nx is string = [\n\tabc\n\tdef\n", (2, 15), "unterminated multi-line string"),
    ("multi-line string, bare [", "Trace(1)\n[\n", (2, 1), "unterminated multi-line string"),
    ("comment", "Trace(1)\n/* abc\nTrace(2)\n", (2, 1), "unterminated comment"),
    ("comment after code", "Trace(1) /* abc\n\nTrace(2)", (1, 10), "unterminated comment"),
]


@pytest.mark.parametrize(("text", "where", "message"), [c[1:] for c in UNTERMINATED], ids=[c[0] for c in UNTERMINATED])
def test_unterminated_literal(text: str, where: tuple[int, int], message: str):
    result = compiled(text)
    assert not result.ok
    first = next(d for d in result.diagnostics if d.severity == "error")
    assert ((first.span.line, first.span.column), first.code) == (where, "syntax"), describe(result)
    assert message in first.message


def test_unterminated_literals_on_the_command_line(tmp_path: Path):
    names = {"string.wl": 0, "block.wl": 2, "comment.wl": 4}
    for name, index in names.items():
        (tmp_path / name).write_text(UNTERMINATED[index][1], encoding="utf-8")
    done = wl("check", *names, "--report", "r.json", cwd=tmp_path)
    assert done.returncode == 2
    found = errors_by_file(read_report(tmp_path / "r.json"))
    for name, index in names.items():
        (line, col), message = UNTERMINATED[index][2], UNTERMINATED[index][3]
        assert (line, col) in [(lin, c) for lin, c, _ in found.get(name, [])], (name, found.get(name))
        assert f"{name}:{line}:{col}: error: {message}" in done.stderr


# ---------------------------------------------------------------------------- blocks never closed

# The prelude declares what the blocks use; the opener is always on line 4.
PRELUDE = "x is int\na is array of int\nTrace(0)\n"
OPENER_LINE = 4

# (id, how the message should name the block, the block without its end)
UNCLOSED = [
    ("IF", "IF", "IF x = 1 THEN\n\tTrace(1)\n"),
    ("IF-ELSE", "IF", "IF x = 1 THEN\n\tTrace(1)\nELSE IF x = 2 THEN\n\tTrace(2)\nELSE\n\tTrace(3)\n"),
    ("SWITCH", "SWITCH", "SWITCH x\n\tCASE 1: Trace(1)\n\tOTHER CASE\n\t\tTrace(2)\n"),
    ("FOR", "FOR", "FOR i = 1 TO 3\n\tTrace(i)\n"),
    ("FOR-EACH", "FOR EACH", "FOR EACH v OF a\n\tTrace(v)\n"),
    ("WHILE", "WHILE", "WHILE x < 3\n\tx++\n"),
    ("LOOP", "LOOP", "LOOP\n\tBREAK\n"),
    ("WHEN-EXCEPTION-IN-DO", "WHEN EXCEPTION IN", "WHEN EXCEPTION IN\n\tTrace(1)\nDO\n\tTrace(2)\n"),
    ("WHEN-EXCEPTION-IN-without-DO", "WHEN EXCEPTION IN", "WHEN EXCEPTION IN\n\tTrace(1)\n"),
    ("INTERNAL-PROCEDURE", "INTERNAL PROCEDURE", "INTERNAL PROCEDURE Twice(n)\n\tRESULT n * 2\n"),
    ("CONSTANT", "CONSTANT", "CONSTANT\n\tLIMIT = 3\n"),
    ("COMPILE-IF", "COMPILE IF", '<COMPILE IF Configuration = "Android">\n\tTrace(1)\n'),
    ("COMPILE-IF-ELSE", "COMPILE IF", '<COMPILE IF Configuration = "Android">\n\tTrace(1)\n<ELSE>\n\tTrace(2)\n'),
    ("SI-fr", "SI", "SI x = 1 ALORS\n\tTrace(1)\n"),
    ("TANTQUE-fr", "TANTQUE", "TANTQUE x < 3\n\tx++\n"),
    ("PARA-CADA-es", "PARA CADA", "PARA CADA v DE a\n\tTrace(v)\n"),
    ("SEGUN-es", "SEGÚN", "SEGÚN x\n\tCASO 1: Trace(1)\n"),
]
UNCLOSED_IDS = [c[0] for c in UNCLOSED]


def _never_closed_at(result: Compiled, line: int) -> list[Diagnostic]:
    return [
        d for d in result.diagnostics
        if d.severity == "error" and d.span and d.span.line == line and "never closed" in d.message
    ]


@pytest.mark.parametrize("block", [c[2] for c in UNCLOSED], ids=UNCLOSED_IDS)
def test_block_never_closed_at_end_of_file(block: str):
    result = compiled(PRELUDE + block)
    assert not result.ok
    assert _never_closed_at(result, OPENER_LINE), describe(result)
    assert all(line >= OPENER_LINE for line in error_lines(result)), describe(result)


@pytest.mark.parametrize("block", [c[2] for c in UNCLOSED], ids=UNCLOSED_IDS)
def test_block_never_closed_at_end_of_procedure(block: str):
    # A PROCEDURE line ends the procedure before it, and every block still open in it.
    text = "Trace(0)\nP()\nPROCEDURE P()\n" + PRELUDE + block + "PROCEDURE Q()\nTrace(1)\n"
    opener = 3 + OPENER_LINE
    result = compiled(text)
    assert not result.ok
    assert _never_closed_at(result, opener), describe(result)
    assert all(line >= opener for line in error_lines(result)), describe(result)


@pytest.mark.parametrize(("keyword", "block"), [c[1:] for c in UNCLOSED], ids=UNCLOSED_IDS)
def test_never_closed_names_the_whole_opener(keyword: str, block: str):
    result = compiled(PRELUDE + block)
    messages = [d.message for d in _never_closed_at(result, OPENER_LINE)]
    pattern = rf"(^|\W){re.escape(keyword)}>? opened at line {OPENER_LINE} is never closed"
    assert any(re.search(pattern, m) for m in messages), messages or describe(result)


def test_unclosed_blocks_on_the_command_line(tmp_path: Path):
    for name, _, block in UNCLOSED:
        (tmp_path / f"{name}.wl").write_text(PRELUDE + block, encoding="utf-8")
    done = wl("check", *(f"{c[0]}.wl" for c in UNCLOSED), "--report", "r.json", cwd=tmp_path)
    assert done.returncode == 2
    found = errors_by_file(read_report(tmp_path / "r.json"))
    missing = [
        (name, found.get(f"{name}.wl"))
        for name in UNCLOSED_IDS
        if not any(line == OPENER_LINE and "never closed" in text for line, _, text in found.get(f"{name}.wl", []))
    ]
    assert missing == [], "no 'never closed' at the opener's line"


@pytest.mark.parametrize(
    "text",
    [
        'Trace(0)\nWHEN EXCEPTION IN\n\tTrace(1)\n\tTrace(2)\n',
        'Trace(0)\n<COMPILE IF Configuration = "Android">\nTrace(1)\n',
        'Trace(0)\n<COMPILE IF Configuration = "Android">\nTrace(1)\n<ELSE>\nTrace(2)\n',
    ],
    ids=["WHEN-without-DO", "COMPILE-IF", "COMPILE-IF-ELSE"],
)
def test_end_of_file_errors_are_not_reported_at_line_1(text: str):
    # Line 1 is a correct Trace; an error about the end of the file belongs at line 2 or later.
    result = compiled(text)
    assert not result.ok
    assert all(line >= 2 for line in error_lines(result)), describe(result)


BROKEN_OPENERS = [
    ("bare-FOR", "FOR\n\tTrace(1)\n"),
    ("FOR-bad-head", "FOR i = 1 TOO 3\n\tTrace(i)\n"),
    ("FOR-EACH-bad-head", "FOR EACH v OFF a\n\tTrace(v)\n"),
    ("bare-WHILE", "WHILE\n\tTrace(1)\n"),
    ("WHILE-bad-condition", "WHILE x <\n\tx++\n"),
    ("IF-bad-condition", "IF x = THEN\n\tTrace(1)\n"),
    ("SWITCH-without-value", "SWITCH\n\tCASE 1: Trace(1)\n"),
    ("LOOP-bad-count", "LOOP (\n\tBREAK\n"),
    ("INTERNAL-PROCEDURE-bad-head", "INTERNAL PROCEDURE (\n\tTrace(1)\n"),
    ("POUR-bad-head-fr", "POUR i = 1 A\n\tTrace(i)\n"),
]


@pytest.mark.parametrize("block", [c[1] for c in BROKEN_OPENERS], ids=[c[0] for c in BROKEN_OPENERS])
@pytest.mark.parametrize("ending", ["", "PROCEDURE Q()\nTrace(1)\n"], ids=["end-of-file", "next-procedure"])
def test_broken_opener_never_closed(block: str, ending: str):
    # The opening line itself is wrong *and* the block has no END.
    result = compiled(PRELUDE + block + ending)
    assert not result.ok
    assert OPENER_LINE in error_lines(result), describe(result)


# ---------------------------------------------------------------------------- depth


def _nested_ifs(depth: int, closed: bool) -> str:
    lines = ["x is int = 1"]
    lines += ["\t" * i + "IF x = 1 THEN" for i in range(depth)]
    lines.append("\t" * depth + 'Trace("deep")')
    if closed:
        lines += ["\t" * i + "END" for i in reversed(range(depth))]
    return "\n".join(lines) + "\n"


def test_500_nested_ifs_run(tmp_path: Path):
    (tmp_path / "deep.wl").write_text(_nested_ifs(500, closed=True), encoding="utf-8")
    done = wl("run", "deep.wl", "--report", "r.json", cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout == "deep\n"
    assert read_report(tmp_path / "r.json")["status"] == "ok"


def test_500_nested_ifs_without_their_ends(tmp_path: Path):
    (tmp_path / "deep.wl").write_text(_nested_ifs(500, closed=False), encoding="utf-8")
    done = wl("check", "deep.wl", "--report", "r.json", cwd=tmp_path)
    assert done.returncode == 2
    errors = [d for d in read_report(tmp_path / "r.json")["diagnostics"] if d["severity"] == "error"]
    assert 1 <= len(errors) <= MAX_ERRORS + 1
    for d in errors:
        if "too many errors" in d["message"]:
            continue
        assert "never closed" in d["message"], d
        assert f"IF opened at line {d['line']} is never closed" in d["message"], d
        assert 2 <= d["line"] <= 501, d


def test_10000_nested_parentheses(tmp_path: Path):
    depth = 10_000
    (tmp_path / "parens.wl").write_text(f"x is int = {'(' * depth}1{')' * depth}\nTrace(x + 1)\n", encoding="utf-8")
    (tmp_path / "open.wl").write_text("Trace(0)\nx is int = " + "(" * depth + "1\nTrace(x)\n", encoding="utf-8")
    done = wl("run", "parens.wl", cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout == "2\n"
    done = wl("check", "open.wl", "--report", "r.json", cwd=tmp_path)
    assert done.returncode == 2
    assert [line for line, _, _ in errors_by_file(read_report(tmp_path / "r.json"))["open.wl"]] == [2]


# ---------------------------------------------------------------------------- 5 MB


def test_5mb_valid_program_runs(tmp_path: Path):
    chunk = (
        "// {i:07d}: a comment line that pads the file the way real code is padded\n"
        'Label = "step {i:07d} of a long program, with a string literal of some length"\n'
        "IF Count < {i} THEN\n"
        "\tCount += 1\n"
        "END\n"
    )
    parts = ["Count is int\nLabel is string\n"]
    size, i = len(parts[0]), 0
    while size < FIVE_MB:
        parts.append(chunk.format(i=i))
        size += len(parts[-1])
        i += 1
    parts.append('Trace(Count, Twice(Count), Label)\nPROCEDURE Twice(n)\nRESULT n * 2\n')
    (tmp_path / "big.wl").write_text("".join(parts), encoding="utf-8")
    done = wl("run", "big.wl", "--report", "r.json", cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    last = i - 1
    assert done.stdout == f"{last} {2 * last} step {last:07d} of a long program, with a string literal of some length\n"


def test_5mb_of_random_bytes(tmp_path: Path):
    rng = random.Random(20240503)
    (tmp_path / "noise.wl").write_bytes(rng.randbytes(FIVE_MB).replace(b"\x00", b"\x01"))
    done = wl("check", "noise.wl", "--report", "r.json", cwd=tmp_path)
    assert done.returncode == 2
    report = read_report(tmp_path / "r.json")
    assert report["status"] == "compile-error"
    assert 1 <= len(report["diagnostics"]) <= MAX_ERRORS + 1


def test_5mb_of_nested_block_openers(tmp_path: Path):
    # Deep nesting must cost time in proportion to the file, not to its square.
    opener = "IF 1 = 1 THEN\n"
    (tmp_path / "openers.wl").write_text(opener * (FIVE_MB // len(opener)), encoding="utf-8")
    done = wl("check", "openers.wl", "--report", "r.json", cwd=tmp_path)
    assert done.returncode == 2
    errors = [d for d in read_report(tmp_path / "r.json")["diagnostics"] if d["severity"] == "error"]
    assert 1 <= len(errors) <= MAX_ERRORS + 1
    expected = ("never closed", "too many errors", "too deeply")
    assert all(any(words in d["message"] for words in expected) for d in errors), errors[:3]


def test_5mb_multiline_string_of_short_lines(tmp_path: Path):
    # A [ … ] string of five million empty lines (LF line ends): linear time, like any other file.
    text = "s is string = [\n" + "\n" * FIVE_MB + "]\nTrace(Length(s) > 0)\n"
    (tmp_path / "lines.wl").write_text(text, encoding="utf-8")
    done = wl("run", "lines.wl", cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout == "1\n"


# ---------------------------------------------------------------------------- misspelt keywords

# (id, program after PRELUDE's first two lines, the line of the misspelt keyword)
MISSPELT = [
    ("ENDD", "IF x = 1 THEN\n\tTrace(1)\nENDD\n", 5),
    ("ELSE-IFF", "IF x = 1 THEN\n\tTrace(1)\nELSE IFF x = 2 THEN\n\tTrace(2)\nEND\n", 5),
    ("THNE", "IF x = 1 THNE\n\tTrace(1)\nEND\n", 3),
    ("ELSEE", "IF x = 1 THEN\n\tTrace(1)\nELSEE\n\tTrace(2)\nEND\n", 5),
    ("SWICH", "SWICH x\n\tCASE 1: Trace(1)\nEND\n", 3),
    ("CASEE", "SWITCH x\n\tCASEE 1: Trace(1)\nEND\n", 4),
    ("CAS-misspelt-fr", "SELON x\n\tCAZ 1 : Trace(1)\nFIN\n", 4),
    ("OTHER-CASEE", "SWITCH x\n\tCASE 1: Trace(1)\n\tOTHER CASEE: Trace(2)\nEND\n", 5),
    ("OTHR-CASE", "SWITCH x\n\tCASE 1: Trace(1)\n\tOTHR CASE\n\t\tTrace(2)\nEND\n", 5),
    ("AUTRE-CAZ-fr", "SELON x\n\tCAS 1 : Trace(1)\n\tAUTRE CAZ : Trace(2)\nFIN\n", 5),
    ("STPE", "FOR i = 1 TO 10 STPE 2\n\tTrace(i)\nEND\n", 3),
    ("TOO", "FOR i = 1 TOO 10\n\tTrace(i)\nEND\n", 3),
    ("FOR-EACHH", "FOR EACHH v OF a\n\tTrace(v)\nEND\n", 3),
    ("OFF-in-FOR-EACH", "FOR EACH v OFF a\n\tTrace(v)\nEND\n", 3),
    ("WHILEE", "WHILEE x < 3\n\tx++\nEND\n", 3),
    ("LOOPP", "LOOPP\n\tBREAK\nEND\n", 3),
    ("BREKA", "LOOP\n\tBREKA\nEND\n", 4),
    ("WHEN-EXCEPTON-IN", "WHEN EXCEPTON IN\n\tTrace(1)\nDO\n\tTrace(2)\nEND\n", 3),
    ("DOO", "WHEN EXCEPTION IN\n\tTrace(1)\nDOO\n\tTrace(2)\nEND\n", 5),
    ("INTERNAL-PROCEDUR", "INTERNAL PROCEDUR P()\n\tTrace(1)\nEND\n", 3),
    ("CONSTANTT", "CONSTANTT\n\tA = 1\nEND\n", 3),
    ("PROCEDUR", "Trace(1)\nPROCEDUR P()\nTrace(2)\n", 4),
    ("RESULTT", "Trace(P())\nPROCEDURE P()\nRESULTT 1\n", 5),
    ("RETRUN", "Trace(P())\nPROCEDURE P()\nRETRUN\n", 5),
    ("COMPILE-IFF", '<COMPILE IFF Configuration = "x">\nTrace(1)\n<END>\n', 3),
    ("ENDD-directive", '<COMPILE IF Configuration = "x">\nTrace(1)\n<ENDD>\n', 5),
    ("ELSEE-directive", '<COMPILE IF Configuration = "x">\nTrace(1)\n<ELSEE>\nTrace(2)\n<END>\n', 5),
    ("FINN-fr", "SI x = 1 ALORS\n\tTrace(1)\nFINN\n", 5),
    ("SINON-SII-fr", "SI x = 1 ALORS\n\tTrace(1)\nSINON SII x = 2 ALORS\n\tTrace(2)\nFIN\n", 5),
    ("POUR-TOUTT-fr", "POUR TOUTT v DE a\n\tTrace(v)\nFIN\n", 3),
    ("ENTONSES-es", "SI x = 1 ENTONSES\n\tTrace(1)\nFIN\n", 3),
    ("HASTAA-es", "PARA i = 1 HASTAA 3\n\tTrace(i)\nFIN\n", 3),
]
MISSPELT_PRELUDE = "x is int\na is array of int\n"


@pytest.mark.parametrize(("body", "line"), [c[1:] for c in MISSPELT], ids=[c[0] for c in MISSPELT])
def test_misspelt_keyword(body: str, line: int):
    result = compiled(MISSPELT_PRELUDE + body)
    assert not result.ok
    assert line in error_lines(result), describe(result)
    assert all(d.code == "syntax" for d in result.diagnostics if d.severity == "error" and d.span.line == line)


def test_misspelt_keywords_on_the_command_line(tmp_path: Path):
    names = {"ENDD", "ELSE-IFF", "THNE", "CAS-misspelt-fr", "OTHER-CASEE", "STPE", "OFF-in-FOR-EACH", "DOO"}
    chosen = [c for c in MISSPELT if c[0] in names]
    for name, body, _ in chosen:
        (tmp_path / f"{name}.wl").write_text(MISSPELT_PRELUDE + body, encoding="utf-8")
    done = wl("check", *(f"{c[0]}.wl" for c in chosen), "--report", "r.json", cwd=tmp_path)
    assert done.returncode == 2
    found = errors_by_file(read_report(tmp_path / "r.json"))
    for name, _, line in chosen:
        assert line in [lin for lin, _, _ in found.get(f"{name}.wl", [])], (name, found.get(f"{name}.wl"))
        assert f"{name}.wl:{line}:" in done.stderr


# ---------------------------------------------------------------------------- odd characters and literals

ODD = [
    ("long-s-as-duration-unit", "Trace(0)\nTrace(1ſ)\n", 2),
    ("dotless-i-in-min", "Trace(0)\nTrace(2 mın)\n", 2),
    ("dotted-I-in-min", "Trace(0)\nTrace(2 mİn)\n", 2),
    ("long-s-in-sec", "Trace(0)\nTrace(1 ſec)\n", 2),
    ("NUL-character", "Trace(0)\nTrace(\x00)\n", 2),
    ("line-separator", "Trace(0)\nTrace(1)\u2028Trace(2)\n", 2),
    ("emoji", "Trace(0)\n\U0001F600\n", 2),
    ("BOM-mid-line", "Trace(0)\nTrace(1)\ufeffTrace(2)\n", 2),
    ("tilde-bracket", "Trace(0)\n~]\n", 2),
    ("tilde-tilde-bracket-as-operand", "Trace(0)\nTrace(~~])\n", 2),
]


@pytest.mark.parametrize(("text", "line"), [c[1:] for c in ODD], ids=[c[0] for c in ODD])
def test_odd_characters(text: str, line: int):
    result = compiled(text)
    assert not result.ok
    assert line in error_lines(result), describe(result)


@pytest.mark.parametrize(
    "text",
    [
        "x is int = " + "1" * 5000 + "\nTrace(x)\n",
        "Trace(" + "9" * 5000 + ")\n",
        "x is int = 0x" + "F" * 5000 + "\nTrace(x)\n",
        "x is real = 1." + "1" * 5000 + "\nTrace(x)\n",
        "Trace(" + "1" * 5000 + " s)\n",
    ],
    ids=["5000-digit-int", "5000-digit-int-argument", "5000-digit-hex", "5000-digit-real", "5000-digit-duration"],
)
def test_huge_number_literals(text: str):
    # Either a positioned diagnostic (the number is too large) or a run: never an internal error.
    result = compiled(text)
    if result.ok:
        outcome = run_source(Source(text, "t.wl"), RunOptions(), io.StringIO())
        assert_sound(outcome.diagnostics, text)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="needs RLIMIT_AS to bound the child's memory")
def test_array_too_large_for_memory(tmp_path: Path):
    # 10^12 elements cannot exist: a positioned error at once, not minutes of allocation
    # ending in MemoryError (or in the OOM killer, on a machine without a memory limit).
    import resource  # POSIX only

    def one_gigabyte() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))

    (tmp_path / "huge.wl").write_text("Trace(0)\nA is array of 999999999999 int\nTrace(1)\n", encoding="utf-8")
    try:
        done = subprocess.run(
            [sys.executable, "-m", "wlinterp", "run", "huge.wl", "--report", "r.json"], check=False,
            capture_output=True, text=True, cwd=tmp_path, timeout=TIMEOUT, preexec_fn=one_gigabyte,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"declaring a huge array did not finish within {TIMEOUT} s")
    assert "internal error" not in done.stderr and "Traceback" not in done.stderr, done.stderr[-2000:]
    assert done.returncode in (1, 2)
    assert 2 in [d["line"] for d in read_report(tmp_path / "r.json")["diagnostics"] if d["severity"] == "error"]


# ---------------------------------------------------------------------------- bad values in email code

_SESSION = (
    "S is emailSMTPSession\n"
    'S.ServerAddress = "{server}"\n'
    "S.Port = 587\n"
    "S.Option = emailProtocolSMTPS\n"
    'S.Name = "ada@example.com"\n'
    'S.Password = "pw"\n'
    "IF NOT S.StartSession({extra}) THEN\n"
    '\tTrace("no session:", ErrorOccurred)\n'
    "\tRETURN\n"
    "END\n"
    "M is Email\n"
    'M.Sender = "ada@example.com"\n'
    'Add(M.Recipient, "{recipient}")\n'
    'M.Subject = "hello"\n'
    'M.Message = "body"\n'
    'Trace("sent:", EmailSendMessage(S, M), ErrorOccurred)\n'
    "EmailCloseSession(S)\n"
)
_OAUTH_FLOW = (
    "Provider is OAuth2Parameters\n"
    'Provider.ClientID = "my-desktop-app"\n'
    'Provider.AuthURL = "{auth}"\n'
    'Provider.TokenURL = "https://login.example.com/oauth2/token"\n'
    'Provider.RedirectionURL = "{redirect}"\n'
    "Token is AuthToken = AuthIdentify(Provider)\n"
    'Trace("done", ErrorOccurred)\n'
)


def _oauth(auth: str = "https://login.example.com/oauth2/authorize", redirect: str = "http://127.0.0.1:9322/done"):
    return _OAUTH_FLOW.format(auth=auth, redirect=redirect)


def _session(server: str = "smtp.example.com", recipient: str = "bob@example.com", extra: str = "") -> str:
    return _SESSION.format(server=server, recipient=recipient, extra=extra)


EMAIL_VALUES = [
    ("non-ASCII-recipient", _session(recipient="bob@exçample.com")),
    ("control-character-in-recipient", _session(recipient="bob@exa\x01mple.com")),
    ("brackets-in-recipient", _session(recipient="bob@exa[mple.com>]")),
    ("empty-label-in-server", _session(server="smtp..example.com")),
    ("NUL-in-server", _session(server="smtp.exa\x00mple.com")),
    ("extra-argument-to-StartSession", _session(extra="1")),
    ("OAuth-redirection-port-out-of-range", _oauth(redirect="http://localhost:93211")),
    ("OAuth-redirection-port-not-a-number", _oauth(redirect="http://localhost:9321x")),
]


@pytest.mark.parametrize("text", [c[1] for c in EMAIL_VALUES], ids=[c[0] for c in EMAIL_VALUES])
def test_bad_values_in_email_code(text: str, tmp_path: Path):
    # A bad address, server or URL is WLanguage state (the call fails, ErrorOccurred says so)
    # or a positioned runtime error; never an internal error.
    outcome = run_source(Source(text, "t.wl"), RunOptions(outbox=str(tmp_path / "outbox")), io.StringIO())
    assert_sound(outcome.diagnostics, text)
    assert outcome.status in ("ok", "runtime-error", "compile-error")  # a wrong argument count is a compile error


OAUTH_HANGS = [
    ("AuthURL-not-a-URL", _oauth(auth="not a url")),
    ("brace-in-RedirectionURL", _oauth(redirect="http://127.0.0.1:9322/{done")),
]


@pytest.mark.parametrize("text", [c[1] for c in OAUTH_HANGS], ids=[c[0] for c in OAUTH_HANGS])
def test_bad_oauth_parameters_do_not_hang(text: str, tmp_path: Path):
    # Offline, wlinterp's own authorization server consents at once (this flow with good
    # parameters takes 0.3 s); parameters it cannot use must make AuthIdentify fail, not wait
    # for ever. 60 s is still 200 times what a healthy run needs.
    (tmp_path / "oauth.wl").write_text(text, encoding="utf-8")
    done = wl("run", "oauth.wl", "--outbox", "outbox", cwd=tmp_path, timeout=60)
    assert done.returncode in (0, 1), done.stderr[-2000:]


# ---------------------------------------------------------------------------- files that are not there


def test_missing_file(tmp_path: Path):
    done = wl("run", "missing.wl", "--report", "r.json", cwd=tmp_path)
    assert done.returncode == 2
    assert "no such file: missing.wl" in done.stderr
    assert read_report(tmp_path / "r.json")["status"] == "compile-error"
    (tmp_path / "ok.wl").write_text("Trace(1)\n", encoding="utf-8")
    done = wl("check", "ok.wl", "missing.wl", "--report", "r.json", cwd=tmp_path)
    assert done.returncode == 2
    assert "no such file: missing.wl" in done.stderr
    assert list(errors_by_file(read_report(tmp_path / "r.json"))) == ["missing.wl"]


def test_directory_as_file(tmp_path: Path):
    (tmp_path / "folder.wl").mkdir()
    done = wl("run", "folder.wl", "--report", "r.json", cwd=tmp_path)
    assert done.returncode == 2
    assert "folder.wl is a directory" in done.stderr
    assert read_report(tmp_path / "r.json")["status"] == "compile-error"
    done = wl("check", "folder.wl", cwd=tmp_path)
    assert done.returncode == 2
    assert "folder.wl is a directory" in done.stderr


# ---------------------------------------------------------------------------- bad command lines

BAD_USAGE = [
    ("no-command", []),
    ("unknown-command", ["frobnicate", "ok.wl"]),
    ("unknown-option", ["run", "ok.wl", "--frobnicate"]),
    ("unknown-option-check", ["check", "ok.wl", "-z"]),
    ("run-without-file", ["run"]),
    ("check-without-file", ["check"]),
    ("define-without-equals", ["run", "ok.wl", "--define", "USER"]),
    ("define-without-name", ["run", "ok.wl", "--define", "=ada"]),
    ("define-without-value", ["run", "ok.wl", "--define"]),
    ("smtp-garbage", ["run", "ok.wl", "--smtp", "¡garbage!"]),
    ("smtp-port-out-of-range", ["run", "ok.wl", "--smtp", "localhost:99999"]),
    ("smtp-without-host", ["run", "ok.wl", "--smtp", ":25"]),
    ("smtp-on-check", ["check", "ok.wl", "--smtp", "capture"]),
    ("lang-unknown", ["check", "ok.wl", "--lang", "de"]),
]


@pytest.mark.parametrize("argv", [c[1] for c in BAD_USAGE], ids=[c[0] for c in BAD_USAGE])
def test_bad_usage_exits_2(argv: list[str], tmp_path: Path):
    (tmp_path / "ok.wl").write_text('Trace("ran")\n', encoding="utf-8")
    done = wl(*argv, cwd=tmp_path)
    assert done.returncode == 2
    assert "ran" not in done.stdout, "nothing may run on bad usage"
    assert "usage:" in done.stderr


# ---------------------------------------------------------------------------- mutated samples (hypothesis)

# The pipeline raises the recursion limit on its first call; make that call now, so that
# hypothesis does not warn that the limit changed under a test.
compile_source(Source("", "warm-up.wl"))

SAMPLE_TEXT = {str(p.relative_to(ROOT)): p.read_text(encoding="utf-8") for p in SAMPLES}
SPELLINGS = sorted({s for k in KEYWORDS for lang in ("en", "fr", "es") for s in getattr(k, lang)})
EXTRA_WORDS = ["<COMPILE IF", "<ELSE>", "<END>", "PROCEDURE P()", "INTERNAL PROCEDURE Q()", "Trace(", "ErrorOccurred"]
NASTY = [
    '"', '""', "[", "]", "[[", "]]", "[%", "%]", "/*", "*/", "//", "...", "(", ")", ":", ";", ",", ".", "..",
    "<", ">", "<>", "=", "+=", "++", "--", "~=", "[=]", "\t", "\r", "\r\n", "\n", "\x00", "\ufeff", "\u2028",
    "é", "ſ", "İ", "𝟘", "{", "}", "&", "'", "0x", "1 s", "2 min", "99999999999999999999", "1.5e", "_",
]
# Loops, as the lexer read them (comments and strings do not count). A mutant with WHILE or
# LOOP may loop for ever, so it is compiled, not run; a mutated FOR may legitimately run long
# (a STEP of 0, a bound that moves), so a FOR that trips the watchdog is set aside, not failed.
UNBOUNDED_LOOPS = {"WHILE", "LOOP"}
BOUNDED_LOOPS = {"FOR", "FOR_EACH", "FOR_EACH_STRING"}

_position = st.integers(min_value=0, max_value=10**7)
MUTATION = st.one_of(
    st.tuples(st.just("delete-line"), _position),
    st.tuples(st.just("duplicate-line"), _position),
    st.tuples(st.just("swap-lines"), _position, _position),
    st.tuples(st.just("insert-text"), _position, st.one_of(st.sampled_from(NASTY), st.text(min_size=1, max_size=4))),
    st.tuples(
        st.just("insert-keyword"), _position, st.sampled_from(SPELLINGS + EXTRA_WORDS), st.sampled_from([" ", "\n", ""])
    ),
    st.tuples(st.just("truncate"), _position),
    st.tuples(st.just("flip-case"), _position),
    st.tuples(st.just("misspell"), _position, st.booleans()),
)


def mutate(text: str, mutations: list[tuple]) -> str:
    """Apply mutations in order; positions wrap around the current text, so every op applies."""
    for op, at, *rest in mutations:
        lines = text.split("\n")
        if op == "delete-line":
            del lines[at % len(lines)]
        elif op == "duplicate-line":
            i = at % len(lines)
            lines.insert(i, lines[i])
        elif op == "swap-lines":
            i, j = at % len(lines), rest[0] % len(lines)
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "insert-text":
            p = at % (len(text) + 1)
            text = text[:p] + rest[0] + text[p:]
            continue
        elif op == "insert-keyword":
            bounds = [m.start() for m in re.finditer(r"\b", text)] or [0]
            p = bounds[at % len(bounds)]
            text = text[:p] + rest[1] + rest[0] + rest[1] + text[p:]
            continue
        elif op == "truncate":
            text = text[: at % (len(text) + 1)]
            continue
        elif op == "flip-case":
            i = at % len(lines)
            lines[i] = lines[i].swapcase()
        elif op == "misspell":
            words = list(re.finditer(r"\w+", text))
            if words:
                w = words[at % len(words)]
                spelt = w.group()[:-1] if rest[0] else w.group() + w.group()[-1]
                text = text[: w.start()] + spelt + text[w.end() :]
            continue
        text = "\n".join(lines)
    return text


needs_samples = pytest.mark.skipif(not SAMPLES, reason="no samples/*/*.wl to mutate yet")


@needs_samples
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.sampled_from(sorted(SAMPLE_TEXT) or ["-"]), mutations=st.lists(MUTATION, min_size=1, max_size=6))
def test_mutated_samples_compile(name: str, mutations: list[tuple]):
    text = mutate(SAMPLE_TEXT[name], mutations)
    note(f"{name} mutated by {mutations}:\n{text!r}")
    for lenient in (False, True):
        result = compile_source(Source(text, "mutant.wl"), RunOptions(lenient=lenient))
        assert_sound(result.diagnostics, text)
        if not result.ok:
            assert any(d.severity == "error" for d in result.diagnostics), "refused without saying why"


@needs_samples
@pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="the watchdog needs SIGALRM")
@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(name=st.sampled_from(sorted(SAMPLE_TEXT) or ["-"]), mutations=st.lists(MUTATION, min_size=1, max_size=4))
def test_mutated_samples_run(name: str, mutations: list[tuple], tmp_path_factory: pytest.TempPathFactory):
    text = mutate(SAMPLE_TEXT[name], mutations)
    options = RunOptions(lenient=True, outbox=str(tmp_path_factory.mktemp("outbox")))
    loops = {use.terminal for use in compile_source(Source(text, "mutant.wl"), options).parsed.keywords}
    if loops & UNBOUNDED_LOOPS:
        reject()
    note(f"{name} mutated by {mutations}:\n{text!r}")
    try:
        with time_limit(30):
            outcome = run_source(Source(text, "mutant.wl"), options, io.StringIO())
    except TooLong:
        if loops & BOUNDED_LOOPS:
            reject()
        pytest.fail("a mutant without any loop ran for more than 30 s")
    event(f"status: {outcome.status}")
    assert outcome.status in ("ok", "runtime-error", "compile-error")
    assert_sound(outcome.diagnostics, text, positioned=outcome.status == "compile-error")
    if outcome.status != "ok":
        assert any(d.severity == "error" for d in outcome.diagnostics), "stopped without saying why"
    json.dumps(outcome.report())


NAMES_AND_VALUES = ["x", "y", "a", "de", "sea", "Trace", "Length", "1", "2.5", '"abc"', "\n", "\n"]
TOKENS = [*SPELLINGS, *EXTRA_WORDS, *NASTY, *NAMES_AND_VALUES]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(TOKENS), max_size=40).map(" ".join))
def test_token_soup_compiles(text: str):
    note(repr(text))
    for lenient in (False, True):
        assert_sound(compile_source(Source(text, "soup.wl"), RunOptions(lenient=lenient)).diagnostics, text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_arbitrary_text_compiles(text: str):
    note(repr(text))
    assert_sound(compile_source(Source(text, "text.wl")).diagnostics, text)
