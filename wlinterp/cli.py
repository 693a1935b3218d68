"""The command line: ``wlinterp run``, ``check``, ``transpile`` and ``outbox`` (design §6)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from . import __version__
from .diagnostics import render_all
from .errors import Diagnostic
from .runtime import RunOptions
from .source import Source, SourceError, read_source

__all__ = ["main"]


def _define(text: str) -> tuple[str, str]:
    name, sep, value = text.partition("=")
    if not sep or not name.strip():
        raise argparse.ArgumentTypeError(f"expected NAME=VALUE, got {text!r}")
    return name.strip(), value


def _smtp(text: str) -> str:
    if text in ("capture", "live"):
        return text
    host, sep, port = text.rpartition(":")
    if not sep or not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise argparse.ArgumentTypeError(f"expected capture, live or HOST:PORT, got {text!r}")
    return text


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="wlinterp",
        description="Run and check WLanguage (WinDev/WebDev) email code on any machine.",
    )
    parser.add_argument("--version", action="version", version=f"wlinterp {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True

    def common(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--lenient", action="store_true",
                         help="report undeclared names and unsupported features as warnings and run anyway")
        _add_define_and_report(sub)
        sub.add_argument("--lang", choices=("auto", "en", "fr", "es"), default="auto",
                         help="language of keywords and built-in names in messages (default: the program's)")

    run = commands.add_parser("run", help="run a program")
    run.add_argument("file", metavar="FILE")
    common(run)
    add_run_options(run)
    run.add_argument("--engine", choices=("interpreter", "python"), default="interpreter",
                     help="run by walking the program (default) or by transpiling it to Python and running that")

    transpile = commands.add_parser("transpile", help="write a program as a Python module")
    transpile.add_argument("file", metavar="FILE")
    transpile.add_argument("-o", "--output", metavar="OUT.py", help="where to write it (default: standard output)")
    transpile.add_argument("--style", choices=("faithful", "idiomatic"), default="faithful",
                           help="faithful: runs exactly as wlinterp does (default); idiomatic: the start of a hand port")
    transpile.add_argument("--lenient", action="store_true",
                           help="undeclared names become parameters of main(), filled from --define")

    check = commands.add_parser("check", help="report every problem in programs without running them")
    check.add_argument("files", nargs="+", metavar="FILE")
    common(check)

    outbox = commands.add_parser("outbox", help="list the messages the capture server stored, or show one",
                                 description="wlinterp outbox [DIR] lists; wlinterp outbox show N [DIR] prints message N.")
    outbox.add_argument("words", nargs="*", metavar="[show N] [DIR]")
    return parser


def _add_define_and_report(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("--define", action="append", type=_define, default=[], metavar="NAME=VALUE",
                     help="give a value to a name the program leaves undeclared (repeatable)")
    sub.add_argument("--report", metavar="FILE.json", help="write the run report as JSON")


def add_run_options(run: argparse.ArgumentParser) -> None:
    """The options of a run (where mail goes and is read, the outbox, the token cache)."""
    run.add_argument("--smtp", type=_smtp, default="capture", metavar="capture|live|HOST:PORT",
                     help="where mail goes: the embedded capture server (default), the real servers, or one server")
    run.add_argument("--pop3", type=_smtp, default=None, metavar="capture|live|HOST:PORT",
                     help="where POP3 sessions read mail (default: the outbox in capture mode, else the real servers)")
    run.add_argument("--imap", type=_smtp, default=None, metavar="capture|live|HOST:PORT",
                     help="where IMAP sessions read mail (default: the outbox in capture mode, else the real servers)")
    run.add_argument("--outbox", default="wl-outbox", metavar="DIR", help="where captured mail is stored (default ./wl-outbox)")
    run.add_argument("--token-cache", metavar="DIR",
                     help="keep OAuth tokens between runs in DIR (owner-only files); by default they live in memory only")


def run_options_parser(prog: str) -> argparse.ArgumentParser:
    """The command line of a transpiled program: ``wlinterp run``'s, without the file."""
    parser = argparse.ArgumentParser(prog=prog, description="A WLanguage program transpiled to Python by wlinterp.")
    _add_define_and_report(parser)
    add_run_options(parser)
    return parser


def options_from_args(args: argparse.Namespace) -> RunOptions:
    return RunOptions(
        lenient=getattr(args, "lenient", False),
        defines=dict(args.define),
        smtp=getattr(args, "smtp", "capture"),
        pop3=getattr(args, "pop3", None) or "",
        imap=getattr(args, "imap", None) or "",
        outbox=getattr(args, "outbox", "wl-outbox"),
        lang=getattr(args, "lang", "auto"),
        token_cache=getattr(args, "token_cache", None),
    )



def write_report(path: str | None, report: dict[str, Any]) -> None:
    if not path:
        return
    try:
        Path(path).write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    except OSError as exc:
        sys.stderr.write(f"wlinterp: cannot write the report to {path}: {exc.strerror}\n")


def _unreadable(path: str, error: SourceError) -> Diagnostic:
    return Diagnostic("error", "syntax", str(error), None, "", path)


def _run(args: argparse.Namespace) -> int:
    from .pipeline import EXIT_COMPILE, Outcome, compile_source, run_compiled

    options = options_from_args(args)
    try:
        source = read_source(args.file)
    except SourceError as error:
        outcome = Outcome("compile-error", [_unreadable(args.file, error)])
        render_all(outcome.diagnostics, None, sys.stderr)
        write_report(args.report, outcome.report())
        return EXIT_COMPILE
    compiled = compile_source(source, options)
    render_all(compiled.diagnostics, source, sys.stderr)  # warnings before the program's own output
    if args.engine == "python":
        from .pipeline import run_transpiled

        outcome = run_transpiled(compiled, options, sys.stdout)
    else:
        outcome = run_compiled(compiled, options, sys.stdout)
    render_all(outcome.diagnostics[len(compiled.diagnostics):], source, sys.stderr)
    report = outcome.report()
    print_summary(report, options)
    write_report(args.report, report)
    return outcome.exit_code


def _check(args: argparse.Namespace) -> int:
    from .pipeline import EXIT_COMPILE, EXIT_OK, compile_source

    options = options_from_args(args)
    diagnostics: list[Diagnostic] = []
    for path in args.files:
        source: Source | None
        try:
            source = read_source(path)
            found = compile_source(source, options).diagnostics
        except SourceError as error:
            source, found = None, [_unreadable(path, error)]
        render_all(found, source, sys.stderr)
        diagnostics.extend(found)
    failed = any(d.severity == "error" for d in diagnostics)
    write_report(
        args.report,
        {
            "status": "compile-error" if failed else "ok",
            "diagnostics": [d.as_report() for d in diagnostics],
            "output": [],
            "error_occurred": False,
            "error_info": "",
            "messages": [],
        },
    )
    if not failed:
        count = len(args.files)
        sys.stderr.write(f"{count} file{'s' if count != 1 else ''} checked: no errors\n")
    return EXIT_COMPILE if failed else EXIT_OK


def _outbox(args: argparse.Namespace) -> int:
    from stdlib_email.outbox import format_listing, list_messages, show  # noqa: PLC0415

    words = list(args.words)
    number: int | None = None
    if words and words[0] == "show":
        if len(words) < 2 or not words[1].isdigit():
            sys.stderr.write("wlinterp outbox show: give the message number, e.g. wlinterp outbox show 1\n")
            return 2
        number = int(words[1])
        words = words[2:]
    if len(words) > 1:
        sys.stderr.write("wlinterp outbox: expected at most one folder\n")
        return 2
    folder = Path(words[0] if words else "wl-outbox")
    if not folder.is_dir():
        sys.stderr.write(f"wlinterp outbox: no outbox at {folder} (run a program that sends mail first)\n")
        return 2
    if number is None:
        sys.stdout.write(format_listing(list_messages(folder)) + "\n")
        return 0
    try:
        sys.stdout.write(show(folder, number) + "\n")
    except (LookupError, ValueError, OSError) as exc:
        sys.stderr.write(f"wlinterp outbox show: {exc}\n")
        return 2
    return 0


def print_summary(report: dict[str, Any], options: RunOptions) -> None:
    """After a run, say what was sent and where the copies are."""
    messages = report.get("messages") or []
    if not messages:
        return
    count = len(messages)
    noun = "message" if count == 1 else "messages"
    if options.smtp == "capture":
        sys.stderr.write(f"wlinterp: {count} {noun} captured in {options.outbox}/ (see them with: wlinterp outbox {options.outbox})\n")
    else:
        sys.stderr.write(f"wlinterp: {count} {noun} sent\n")


def _transpile(args: argparse.Namespace) -> int:
    from .pipeline import EXIT_COMPILE, EXIT_OK, compile_source, transpile_compiled
    from .transpiler import TranspileError

    options = RunOptions(lenient=args.lenient)
    try:
        source = read_source(args.file)
    except SourceError as error:
        render_all([_unreadable(args.file, error)], None, sys.stderr)
        return EXIT_COMPILE
    compiled = compile_source(source, options)
    render_all(compiled.diagnostics, source, sys.stderr)
    if not compiled.ok:
        return EXIT_COMPILE
    try:
        transpiled = transpile_compiled(compiled, args.style, args.lenient)
    except TranspileError as error:
        render_all(error.diagnostics, source, sys.stderr)
        return EXIT_COMPILE
    render_all(transpiled.diagnostics, source, sys.stderr)
    if not args.output:
        sys.stdout.write(transpiled.text)
        return EXIT_OK
    try:
        Path(args.output).write_text(transpiled.text, encoding="utf-8")
    except OSError as exc:
        sys.stderr.write(f"wlinterp: cannot write {args.output}: {exc.strerror}\n")
        return EXIT_COMPILE
    sys.stderr.write(f"wlinterp: wrote {args.output}\n")
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "outbox":
            return _outbox(args)
        if args.command == "transpile":
            return _transpile(args)
        return _run(args) if args.command == "run" else _check(args)
    except KeyboardInterrupt:
        sys.stderr.write("wlinterp: interrupted\n")
        return 1
