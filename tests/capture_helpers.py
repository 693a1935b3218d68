"""Helpers for tests that talk to the capture server: bounded scenarios, an aiosmtplib client, messages to send."""

from __future__ import annotations

import asyncio
import contextlib
import socket
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any, TypeVar

import aiosmtplib

from stdlib_email.capture import CaptureServer
from stdlib_email.tls import CertificateAuthority

LOOPBACK = "127.0.0.1"
SCENARIO_TIMEOUT = 30.0
CLIENT_TIMEOUT = 10.0
DEBUG_ONLY_REPORT = "Error on transport creation for incoming connection"

T = TypeVar("T")


def run_bounded(scenario: Callable[[], Awaitable[T]], timeout: float = SCENARIO_TIMEOUT) -> T:
    """Run one async scenario on a fresh event loop, failing rather than hanging after ``timeout``."""

    async def bounded() -> T:
        return await asyncio.wait_for(scenario(), timeout)

    return asyncio.run(bounded())


def watch_loop_errors() -> list[dict[str, Any]]:
    """What the running loop's exception handler receives ("Task exception was never retrieved" …)."""
    errors: list[dict[str, Any]] = []
    loop = asyncio.get_running_loop()

    def record(_: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        # in debug mode (PYTHONASYNCIODEBUG, -X dev) asyncio itself reports each failed TLS
        # handshake on a listening socket; a normal run keeps quiet about them
        if loop.get_debug() and context.get("message") == DEBUG_ONLY_REPORT:
            return
        errors.append(context)

    loop.set_exception_handler(record)
    return errors


@contextlib.asynccontextmanager
async def connected(
    server: CaptureServer,
    authority: CertificateAuthority,
    *,
    security: str = "plain",
    sni: str | None = None,
    label: str | None = None,
) -> AsyncIterator[aiosmtplib.SMTP]:
    """An aiosmtplib client connected to the capture server as ``security`` says, labelled if asked."""
    client = _client(server, authority, security, sni)
    await client.connect()
    if label is not None:
        server.label(client.transport.get_extra_info("sockname")[1], label)
    if security == "starttls":
        await client.starttls(server_hostname=sni or LOOPBACK)
    # aiosmtplib's auth_plain and auth_login send AUTH without greeting first
    await client.ehlo()
    try:
        yield client
    finally:
        if client.is_connected:
            with contextlib.suppress(aiosmtplib.SMTPException, OSError):
                await client.quit()
        client.close()


def _client(server: CaptureServer, authority: CertificateAuthority, security: str, sni: str | None) -> aiosmtplib.SMTP:
    options: dict[str, Any] = {"timeout": CLIENT_TIMEOUT, "tls_context": authority.client_context()}
    if security != "tls":
        return aiosmtplib.SMTP(hostname=LOOPBACK, port=server.plain_port, start_tls=False, **options)
    if sni is None:
        return aiosmtplib.SMTP(hostname=LOOPBACK, port=server.tls_port, use_tls=True, **options)
    # aiosmtplib takes the TLS server name from `hostname`: dial loopback ourselves, name the host
    sock = socket.create_connection((LOOPBACK, server.tls_port), timeout=CLIENT_TIMEOUT)
    return aiosmtplib.SMTP(sock=sock, hostname=sni, use_tls=True, **options)


def simple_message(subject: str = "Hello", sender: str = "alice@example.com", to: str = "bob@example.com") -> bytes:
    """A small message with CRLF line ends, as DATA carries it."""
    lines = [
        f"From: Alice <{sender}>",
        f"To: Bob <{to}>",
        f"Subject: {subject}",
        "Message-ID: <test@example.com>",
        "",
        "Hi Bob,",
        ".a line that starts with a dot (dot-stuffed on the wire)",
        "",
    ]
    return "\r\n".join(lines).encode("ascii")
