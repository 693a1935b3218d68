"""The idiomatic transpilation: plain Python with no wlinterp in it, which sends the same mail as the interpreter (issue 7).

The generated module runs in a subprocess. A ``sitecustomize`` on its path sends every
connection to a well-known port to the capture servers on loopback: SMTP (25 and 587 to the
plain port, 465 to the TLS one), IMAP and POP3 (143, 993, 110, 995) to the capture mailboxes
over the same outbox, and HTTPS (443) to the embedded OAuth provider, which presents a
certificate for whatever name the program asked for. ``SSL_CERT_FILE`` makes it trust the
capture's certificate authority, and ``BROWSER`` names a small script that fetches the sign-in
page and follows its redirect to the program's loopback listener (the provider consents at
once): the module itself carries no test hook. The messages it sends are compared with the
interpreter's (envelope, headers but Date and Message-ID, bodies and attachments), and what it
prints with what the interpreter's Trace wrote.
"""

from __future__ import annotations

import asyncio
import email
import email.policy
import io
import json
import os
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

import wlinterp
from stdlib_email.capture import INDEX_FILE, CaptureServer
from stdlib_email.capture_mailboxes import CaptureMailboxes
from stdlib_email.oauth_server import EmbeddedAuthorizationServer
from stdlib_email.tls import CA_CERT_FILE, CertificateAuthority
from wlinterp.errors import CompileErrors
from wlinterp.pipeline import run_source
from wlinterp.runtime import RunOptions
from wlinterp.source import read_source

ROOT = Path(__file__).resolve().parent.parent


def _samples(*names: str) -> list[Path]:
    return sorted(path for name in names for path in (ROOT / "samples").glob(f"*/{name}.wl"))


# the samples that send mail and that the idiomatic style writes
SENDING = _samples("send_mail", "plain_send", "legacy_structure", "async_send", "oauth_send")
# those that sign in with OAuth 2.0 in the browser
OAUTH = _samples("oauth_send", "oauth_refresh")
# those that send, then read the mail back over IMAP or POP3
RECEIVING = _samples("round_trip", "read_inbox", "read_by_size", "delete_after_reading")
WRITTEN = sorted({*SENDING, *OAUTH, *RECEIVING})
# what the program prints is compared with the interpreter's Trace lines
PRINTING = sorted({*OAUTH, *RECEIVING})


def _ids(paths: list[Path]) -> list[str]:
    return [str(p.relative_to(ROOT / "samples")) for p in paths]


_SITECUSTOMIZE = '''
"""Test harness only: every connection of this process to a mail or HTTPS port goes to the capture servers."""
import os
import socket

_ports = dict(pair.split("=") for pair in os.environ["CAPTURE_PORTS"].split(","))
_create_connection = socket.create_connection


def _redirected(address, *args, **kwargs):
    host, port = address[0], address[1]
    if str(port) in _ports:
        return _create_connection(("127.0.0.1", int(_ports[str(port)])), *args, **kwargs)
    return _create_connection(address, *args, **kwargs)


socket.create_connection = _redirected
'''


# a browser that consents: it fetches the sign-in page, whose answer redirects to the program's listener
_BROWSER = '''#!{python}
"""Test harness only: webbrowser.open runs this with the sign-in address; it follows the redirect back."""
import sys
import urllib.request

with urllib.request.urlopen(sys.argv[1], timeout=30) as answer:
    answer.read()
'''


@contextmanager
def capture_servers(outbox: Path, authority: CertificateAuthority) -> Iterator[dict[str, int]]:
    """The capture SMTP server, the mailboxes over its outbox and the OAuth provider, on one event loop in a thread.

    Yields the ports the subprocess's well-known ports go to. The SMTP server accepts only the
    XOAUTH2 tokens the provider issued, as capture mode does.
    """
    loop = asyncio.new_event_loop()
    provider = EmbeddedAuthorizationServer(authority)
    smtp = CaptureServer(outbox, authority, token_validator=provider.validate)
    boxes = CaptureMailboxes(outbox, authority, token_validator=provider.validate)
    servers = [provider, smtp, boxes]
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    started = []
    try:
        for server in servers:
            asyncio.run_coroutine_threadsafe(server.start(), loop).result(30)
            started.append(server)
        yield {25: smtp.plain_port, 587: smtp.plain_port, 465: smtp.tls_port, 143: boxes.imap_port,
               993: boxes.imaps_port, 110: boxes.pop3_port, 995: boxes.pop3s_port, 443: provider.https_port}
    finally:
        for server in reversed(started):
            asyncio.run_coroutine_threadsafe(server.stop(), loop).result(30)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(30)
        loop.close()


def messages(outbox: Path) -> list[dict[str, Any]]:
    """What was captured, normalised: envelope, headers but Date and Message-ID, bodies, attachments.

    A message a program read and deleted over POP3 or IMAP is gone from the outbox; the index
    still says who sent it to whom and its subject, which is what is compared for it.
    """
    found = []
    index = outbox / INDEX_FILE
    for line in index.read_text(encoding="utf-8").splitlines() if index.exists() else []:
        record = json.loads(line)
        stored = outbox / record["path"]
        if not stored.exists():
            found.append({"from": record["mail_from"], "to": record["rcpt_tos"], "subject": record["subject"],
                          "deleted": True})
            continue
        parsed = email.message_from_bytes(stored.read_bytes(), policy=email.policy.default)
        headers = {name: str(parsed[name]) for name in sorted(set(parsed.keys()))
                   if name not in ("Date", "Message-ID", "Content-Type", "Content-Transfer-Encoding")}
        parts = []
        for part in parsed.walk():
            if part.is_multipart():
                continue
            payload = part.get_payload(decode=True) or b""
            if part.get_content_maintype() == "text" and part.get_filename() is None:
                payload = payload.replace(b"\r\n", b"\n")
            parts.append((part.get_content_type(), part.get_filename(), part.get_content_disposition(), payload))
        found.append({"from": record["mail_from"], "to": record["rcpt_tos"], "headers": headers, "parts": parts})
    return found


def run_idiomatic(module: Path, outbox: Path, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    authority = CertificateAuthority.load_or_create(tmp_path / "ca")
    harness = tmp_path / "harness"
    harness.mkdir(exist_ok=True)
    (harness / "sitecustomize.py").write_text(_SITECUSTOMIZE, encoding="utf-8")
    browser = harness / "consent"
    browser.write_text(_BROWSER.format(python=sys.executable), encoding="utf-8")
    browser.chmod(0o700)
    with capture_servers(outbox, authority) as ports:
        env = {**os.environ, "CAPTURE_PORTS": ",".join(f"{port}={to}" for port, to in ports.items()),
               "PYTHONPATH": str(harness), "SSL_CERT_FILE": str(tmp_path / "ca" / CA_CERT_FILE),
               "BROWSER": str(browser)}
        return subprocess.run([sys.executable, str(module)], capture_output=True, text=True, timeout=120, env=env,
                              cwd=tmp_path)


def idiomatic_of(path: Path) -> str:
    return wlinterp.transpile(path.read_text(encoding="utf-8"), style="idiomatic", path=path.name)


def run_both(path: Path, tmp_path: Path) -> tuple[Any, subprocess.CompletedProcess[str]]:
    """The interpreter's run of the sample (capture mode, in this process), then its idiomatic module's."""
    module = tmp_path / path.with_suffix(".py").name
    module.write_text(idiomatic_of(path), encoding="utf-8")
    interpreted = run_source(read_source(path), RunOptions(outbox=str(tmp_path / "interpreter")), io.StringIO())
    assert interpreted.status == "ok"
    done = run_idiomatic(module, tmp_path / "idiomatic", tmp_path)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    return interpreted, done


@pytest.mark.parametrize("path", [*SENDING, *RECEIVING], ids=_ids([*SENDING, *RECEIVING]))
def test_the_idiomatic_transpilation_sends_the_same_mail(path: Path, tmp_path: Path):
    _interpreted, done = run_both(path, tmp_path)
    sent = messages(tmp_path / "idiomatic")
    assert sent, done.stdout + done.stderr
    assert sent == messages(tmp_path / "interpreter")


def _as_windev_prints(line: str) -> str:
    """Python's print writes a boolean True/False where WinDev's Trace writes 1/0 (the module says so in a note)."""
    return re.sub(r"\b(True|False)\b", lambda m: "1" if m.group(1) == "True" else "0", line)


@pytest.mark.parametrize("path", PRINTING, ids=_ids(PRINTING))
def test_the_idiomatic_transpilation_prints_what_the_interpreter_traces(path: Path, tmp_path: Path):
    interpreted, done = run_both(path, tmp_path)
    traced = [entry["text"] for entry in interpreted.report()["output"] if entry["kind"] == "trace"]
    assert traced
    # every line is a Trace in these samples (none fails): the two outputs are the same lines but for booleans
    assert [_as_windev_prints(line) for line in done.stdout.splitlines()] == traced
    # the secrets the program holds never reach what it prints
    source = path.read_text(encoding="utf-8")
    for secret in re.findall(r'(?:ClientSecret|Password|MotDePasse)\s*=\s*"([^"]+)"', source):
        assert secret not in done.stdout + done.stderr


@pytest.mark.parametrize("path", WRITTEN, ids=_ids(WRITTEN))
def test_the_idiomatic_transpilation_imports_nothing_from_wlinterp(path: Path):
    text = idiomatic_of(path)
    assert "wlinterp import" not in text and "import wlinterp" not in text and "stdlib_email" not in text
    compile(text, path.name, "exec")


def test_what_it_cannot_write_is_an_unsupported_diagnostic():
    with pytest.raises(CompileErrors) as caught:
        wlinterp.transpile('x is int = 1\nBump(x)\nPROCEDURE Bump(n)\nn++\n', style="idiomatic")
    (diagnostic,) = caught.value.diagnostics
    assert diagnostic.code == "unsupported" and diagnostic.span is not None and diagnostic.span.line == 3


def test_a_tested_failure_becomes_try_except():
    text = wlinterp.transpile(
        'S is emailSMTPSession\nS.ServerAddress = "smtp.example.com"\n'
        'IF NOT S.StartSession() THEN\n\tError(ErrorInfo())\n\tRETURN\nEND\nEmailCloseSession(S)\n',
        style="idiomatic",
    )
    assert "    try:\n        s.start()\n    except MailError as error:\n        print(\"Error:\", str(error))\n" in text


def test_the_idiomatic_samples_pass_ruff_and_are_stable_under_ruff_format(tmp_path: Path):
    from .test_transpiler import ruff_accepts

    paths = [*WRITTEN, *_samples("mail_errors")]
    files = []
    for path in paths:
        module = tmp_path / f"{path.parent.name}_{path.stem}.py"
        module.write_text(idiomatic_of(path), encoding="utf-8")
        files.append(str(module))
    ruff_accepts(files)


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_failures_are_exceptions_the_program_handles(language: str, tmp_path: Path):
    path = ROOT / "samples" / language / "mail_errors.wl"
    module = tmp_path / "mail_errors.py"
    module.write_text(idiomatic_of(path), encoding="utf-8")
    done = run_idiomatic(module, tmp_path / "box", tmp_path)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    assert "no SMTP server address" in done.stdout
    assert "535" in done.stdout  # the refused XOAUTH2 sign-in
    if language != "es":  # the Spanish sample has no Outlook session
        assert "not available here" in done.stdout
    assert messages(tmp_path / "box") == []
