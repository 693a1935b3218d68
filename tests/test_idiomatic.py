"""The idiomatic transpilation: plain Python with no wlinterp in it, which sends the same mail as the interpreter (issue 7).

The generated module runs in a subprocess. A ``sitecustomize`` on its path sends every SMTP
connection to a capture server on loopback (25 and 587 to the plain port, 465 to the TLS
one), and ``SSL_CERT_FILE`` makes it trust the capture's certificate authority: the module
itself carries no test hook. The messages it sends are compared with the interpreter's:
envelope, headers (but Date and Message-ID), bodies and attachments.
"""

from __future__ import annotations

import asyncio
import email
import email.policy
import io
import json
import os
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
from stdlib_email.tls import CA_CERT_FILE, CertificateAuthority
from wlinterp.errors import CompileErrors
from wlinterp.pipeline import run_source
from wlinterp.runtime import RunOptions
from wlinterp.source import read_source

ROOT = Path(__file__).resolve().parent.parent
# the samples that send mail and that the idiomatic style writes
SENDING = sorted(
    path for name in ("send_mail", "plain_send", "legacy_structure", "async_send")
    for path in (ROOT / "samples").glob(f"*/{name}.wl")
)

_SITECUSTOMIZE = '''
"""Test harness only: every SMTP connection of this process goes to the capture server."""
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


@contextmanager
def capture_server(outbox: Path, authority: CertificateAuthority) -> Iterator[CaptureServer]:
    """A capture server on its own event loop in a thread, for a subprocess to send to."""
    loop = asyncio.new_event_loop()
    # no OAuth provider here: any XOAUTH2 token is refused, as capture mode refuses one it did not issue
    server = CaptureServer(outbox, authority, token_validator=lambda user, token: False)
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    try:
        asyncio.run_coroutine_threadsafe(server.start(), loop).result(30)
        yield server
    finally:
        asyncio.run_coroutine_threadsafe(server.stop(), loop).result(30)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(30)
        loop.close()


def messages(outbox: Path) -> list[dict[str, Any]]:
    """What was captured, normalised: envelope, headers but Date and Message-ID, bodies, attachments."""
    found = []
    index = outbox / INDEX_FILE
    for line in index.read_text(encoding="utf-8").splitlines() if index.exists() else []:
        record = json.loads(line)
        parsed = email.message_from_bytes((outbox / record["path"]).read_bytes(), policy=email.policy.default)
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
    with capture_server(outbox, authority) as server:
        ports = f"25={server.plain_port},587={server.plain_port},465={server.tls_port}"
        env = {**os.environ, "CAPTURE_PORTS": ports, "PYTHONPATH": str(harness),
               "SSL_CERT_FILE": str(tmp_path / "ca" / CA_CERT_FILE)}
        return subprocess.run([sys.executable, str(module)], capture_output=True, text=True, timeout=120, env=env,
                              cwd=tmp_path)


def idiomatic_of(path: Path) -> str:
    return wlinterp.transpile(path.read_text(encoding="utf-8"), style="idiomatic", path=path.name)


@pytest.mark.parametrize("path", SENDING, ids=[str(p.relative_to(ROOT / "samples")) for p in SENDING])
def test_the_idiomatic_transpilation_sends_the_same_mail(path: Path, tmp_path: Path):
    module = tmp_path / path.with_suffix(".py").name
    module.write_text(idiomatic_of(path), encoding="utf-8")
    interpreted = run_source(read_source(path), RunOptions(outbox=str(tmp_path / "interpreter")), io.StringIO())
    assert interpreted.status == "ok"
    done = run_idiomatic(module, tmp_path / "idiomatic", tmp_path)
    assert "Traceback" not in done.stderr, done.stderr
    sent = messages(tmp_path / "idiomatic")
    assert sent, done.stdout + done.stderr
    assert sent == messages(tmp_path / "interpreter")


@pytest.mark.parametrize("path", SENDING, ids=[str(p.relative_to(ROOT / "samples")) for p in SENDING])
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
    from .test_transpiler import _ruff

    paths = [*SENDING, *sorted((ROOT / "samples").glob("*/mail_errors.wl"))]
    files = []
    for path in paths:
        module = tmp_path / f"{path.parent.name}_{path.stem}.py"
        module.write_text(idiomatic_of(path), encoding="utf-8")
        files.append(str(module))
    checked = subprocess.run([*_ruff(), "check", "--isolated", "--no-cache", *files], capture_output=True, text=True,
                             timeout=120)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    formatted = subprocess.run([*_ruff(), "format", "--isolated", "--no-cache", "--diff", *files], capture_output=True,
                               text=True, timeout=120)
    assert formatted.returncode == 0, formatted.stdout + formatted.stderr


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
