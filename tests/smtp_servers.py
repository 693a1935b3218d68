"""SMTP servers for the tests, on 127.0.0.1 and free ports: well-behaved, refusing, stalling and dropping ones."""

from __future__ import annotations

import contextlib
import socket
import ssl
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from stdlib_email.tls import CertificateAuthority, server_context_from_pem


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Behaviour:
    """What the test server answers; None means 'accept'."""

    users: dict[str, str] = field(default_factory=dict)  # empty: any login is accepted
    mail: str | None = None
    rcpt: dict[str, str] = field(default_factory=dict)  # address → refusal
    data: str | None = None


class RecordingHandler:
    def __init__(self, behaviour: Behaviour):
        self.behaviour = behaviour
        self.messages: list[tuple[str, list[str], bytes]] = []
        self.logins: list[tuple[str, str]] = []

    async def handle_MAIL(self, server, session, envelope, address, options):
        if self.behaviour.mail:
            return self.behaviour.mail
        envelope.mail_from = address
        return "250 OK"

    async def handle_RCPT(self, server, session, envelope, address, options):
        refusal = self.behaviour.rcpt.get(address)
        if refusal:
            return refusal
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.behaviour.data:
            return self.behaviour.data
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.original_content or envelope.content))
        return "250 Message accepted"

    def authenticate(self, server, session, envelope, mechanism, auth_data):
        if isinstance(auth_data, LoginPassword):
            user, password = auth_data.login.decode(), auth_data.password.decode()
        else:
            return AuthResult(success=False, handled=False)
        self.logins.append((mechanism, user))
        expected = self.behaviour.users
        accepted = not expected or expected.get(user) == password
        return AuthResult(success=accepted, handled=False)


@contextlib.contextmanager
def smtp_server(
    behaviour: Behaviour | None = None, *, starttls: ssl.SSLContext | None = None, implicit_tls: ssl.SSLContext | None = None,
    auth_mechanisms: tuple[str, ...] = (),
) -> Iterator[tuple[int, RecordingHandler]]:
    """A real aiosmtpd server in a thread; yields (port, handler)."""
    handler = RecordingHandler(behaviour or Behaviour())
    port = free_port()
    kwargs = {"auth_require_tls": False, "authenticator": handler.authenticate}
    if starttls is not None:
        kwargs["tls_context"] = starttls
        kwargs["require_starttls"] = False
    if auth_mechanisms:
        kwargs["auth_exclude_mechanism"] = [m for m in ("PLAIN", "LOGIN") if m not in auth_mechanisms]
    controller = Controller(handler, hostname="127.0.0.1", port=port, ssl_context=implicit_tls, **kwargs)
    controller.start()
    try:
        yield port, handler
    finally:
        controller.stop()


@contextlib.contextmanager
def raw_server(script: str) -> Iterator[int]:
    """A socket server playing ``script``: 'stall' (never greets), 'greet-then-drop' (greets, then closes on
    the first command), 'drop-at-data' (answers until DATA's content, then closes), 'stall-after-ehlo'."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(5)
    listener.settimeout(0.2)
    port = listener.getsockname()[1]
    stop = threading.Event()

    def serve_one(conn: socket.socket) -> None:
        conn.settimeout(0.2)
        with conn:
            if script == "stall":
                stop.wait(30)
                return
            conn.sendall(b"220 test ready\r\n")
            buffer = b""
            in_data = False
            while not stop.is_set():
                try:
                    chunk = conn.recv(4096)
                except TimeoutError:
                    continue
                except OSError:
                    return
                if not chunk:
                    return
                buffer += chunk
                while b"\r\n" in buffer:
                    line, buffer = buffer.split(b"\r\n", 1)
                    command = line.upper()
                    if script == "greet-then-drop":
                        return
                    if in_data:
                        if script == "drop-at-data":
                            return
                        continue
                    if command.startswith(b"EHLO"):
                        if script == "stall-after-ehlo":
                            stop.wait(30)
                            return
                        conn.sendall(b"250-test\r\n250 8BITMIME\r\n")
                    elif command.startswith(b"DATA"):
                        conn.sendall(b"354 go ahead\r\n")
                        in_data = True
                    elif command.startswith(b"QUIT"):
                        conn.sendall(b"221 bye\r\n")
                        return
                    else:
                        conn.sendall(b"250 OK\r\n")

    def accept_loop() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            threading.Thread(target=serve_one, args=(conn,), daemon=True).start()

    thread = threading.Thread(target=accept_loop, daemon=True)
    thread.start()
    try:
        yield port
    finally:
        stop.set()
        listener.close()
        thread.join(timeout=5)


# ------------------------------------------------------------------------------ certificates


def trusted_context(authority: CertificateAuthority, name: str) -> ssl.SSLContext:
    """A good certificate for ``name`` from the test authority."""
    return server_context_from_pem(*authority.sign([name]))


def make_authority(folder: Path) -> CertificateAuthority:
    return CertificateAuthority.load_or_create(folder)
