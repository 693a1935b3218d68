"""The capture mailboxes: IMAP and POP3 servers on loopback that let a program read back the capture outbox.

In capture mode a program that sends and then reads needs a server to read from; these stand
in for every IMAP and POP3 server the program names, as the capture SMTP server does for SMTP.
They run on the event loop of the run (design §2: one loop per run), never in a thread of
their own, on four free ports of 127.0.0.1:

- ``imap_port``: IMAP4rev1 in the clear, offering STARTTLS (what 143 is elsewhere);
- ``imaps_port``: IMAP in TLS from the first byte (993);
- ``pop3_port``: POP3 in the clear, offering STLS (110);
- ``pop3s_port``: POP3 in TLS from the first byte (995).

TLS certificates come from the capture CA, for the name the client asks for (SNI), so
certificate checks stay on. **Any user name and password pass** (IMAP LOGIN, AUTHENTICATE PLAIN
and LOGIN; POP3 USER/PASS, AUTH PLAIN and LOGIN); an XOAUTH2 token passes when
``token_validator(user, token)`` agrees (any token without a validator). **Every user sees the
same mailbox: the whole outbox as INBOX**, every captured message, oldest first — the outbox
is one mailbox, not one per user. Each login attempt is recorded in ``logins`` (protocol,
mechanism, user, security, the server the program named, accepted or not); passwords and tokens
are never kept, stored or logged.

What each protocol does with the messages (snapshots, deletion, \\Seen) is said in
``capture_pop3`` and ``capture_imap``; how the outbox is read, in ``capture_maildrop``.
"""

from __future__ import annotations

import asyncio
import logging
import ssl
from collections.abc import Awaitable, Callable
from pathlib import Path

from .capture import TokenValidator
from .capture_connection import HANDSHAKE_TIMEOUT, LINE_LIMIT, Connection
from .capture_imap import ImapServer
from .capture_logins import LoginDesk, MailboxLogin
from .capture_maildrop import Maildrop
from .capture_pop3 import Pop3Server
from .listeners import LOOPBACK, Listeners, ServerLifecycle
from .tls import CertificateAuthority

__all__ = ["CaptureMailboxes", "MailboxLogin"]

log = logging.getLogger(__name__)

IDLE_TIMEOUT = 300.0
STOP_TIMEOUT = 5.0
# listener name -> (protocol, implicit TLS)
LISTENERS = {
    "imap": ("imap", False),
    "imaps": ("imap", True),
    "pop3": ("pop3", False),
    "pop3s": ("pop3", True),
}


class CaptureMailboxes(ServerLifecycle):
    """IMAP and POP3 servers on loopback that serve the capture outbox as every user's INBOX."""

    def __init__(
        self,
        outbox: Path,
        authority: CertificateAuthority,
        token_validator: TokenValidator | None = None,
        *,
        tls_context: ssl.SSLContext | None = None,
        idle_timeout: float = IDLE_TIMEOUT,
        handshake_timeout: float = HANDSHAKE_TIMEOUT,
    ):
        """``tls_context`` replaces the CA's SNI context (tests use it to present a bad certificate)."""
        self.outbox = Path(outbox)
        self.authority = authority
        self._tls_context = tls_context
        self._idle_timeout = idle_timeout
        self._handshake_timeout = handshake_timeout
        self._desk = LoginDesk(token_validator, self._server_name)
        self._maildrop = Maildrop(self.outbox)
        self._servers = {"imap": ImapServer(self._maildrop, self._desk), "pop3": Pop3Server(self._maildrop, self._desk)}
        self._listeners = Listeners("capture mailboxes")
        self._clients: dict[asyncio.Task, Connection] = {}
        self._labels: dict[int, str] = {}

    # ------------------------------------------------------------------ life cycle

    async def start(self) -> None:
        """Listen on four free loopback ports, on the running event loop."""
        self._listeners.ensure_stopped()
        context = self._tls_context or self.authority.server_context()
        loop = asyncio.get_running_loop()
        try:
            for name, (protocol, implicit_tls) in LISTENERS.items():
                self._listeners.add(name, await loop.create_server(
                    self._factory(loop, protocol, implicit_tls, context),
                    LOOPBACK,
                    0,
                    ssl=context if implicit_tls else None,
                    ssl_handshake_timeout=self._handshake_timeout if implicit_tls else None,
                ))
        except BaseException:
            await self.stop()
            raise
        log.info(
            "capture mailboxes on %s: IMAP %d (STARTTLS), IMAPS %d, POP3 %d (STLS), POP3S %d",
            LOOPBACK,
            self.imap_port,
            self.imaps_port,
            self.pop3_port,
            self.pop3s_port,
        )

    async def stop(self) -> None:
        """Stop listening, cut the connections still open, and wait (briefly) until they are gone."""

        async def cut() -> None:
            for connection in list(self._clients.values()):
                connection.abort()
            tasks = list(self._clients)
            if tasks:
                _, pending = await asyncio.wait(tasks, timeout=STOP_TIMEOUT)
                for task in pending:
                    task.cancel()
                if pending:
                    await asyncio.wait(pending, timeout=STOP_TIMEOUT)

        await self._listeners.close(cut)
        self._labels.clear()

    @property
    def imap_port(self) -> int:
        """The port of IMAP in the clear, with STARTTLS."""
        return self._port("imap")

    @property
    def imaps_port(self) -> int:
        """The port of IMAP in implicit TLS."""
        return self._port("imaps")

    @property
    def pop3_port(self) -> int:
        """The port of POP3 in the clear, with STLS."""
        return self._port("pop3")

    @property
    def pop3s_port(self) -> int:
        """The port of POP3 in implicit TLS."""
        return self._port("pop3s")

    # ------------------------------------------------------------------ the client's side

    def label(self, local_port: int, server: str) -> None:
        """Name the server the program asked for, for the connection coming from ``local_port``."""
        self._labels[local_port] = server

    @property
    def logins(self) -> list[MailboxLogin]:
        """Every login attempt so far, oldest first, without its password or token."""
        return self._desk.logins

    # ------------------------------------------------------------------ internals

    def _port(self, name: str) -> int:
        return self._listeners.port(name)

    def _server_name(self, connection: Connection) -> str:
        return self._labels.get(connection.peer_port, f"{LOOPBACK}:{connection.local_port}")

    def _factory(
        self, loop: asyncio.AbstractEventLoop, protocol: str, implicit_tls: bool, context: ssl.SSLContext
    ) -> Callable[[], asyncio.StreamReaderProtocol]:
        def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> Awaitable[None]:
            connection = Connection(
                reader,
                writer,
                implicit_tls=implicit_tls,
                tls_context=context,
                idle_timeout=self._idle_timeout,
                handshake_timeout=self._handshake_timeout,
            )
            return self._serve(protocol, connection)

        def make() -> asyncio.StreamReaderProtocol:
            reader = asyncio.StreamReader(limit=LINE_LIMIT, loop=loop)
            return asyncio.StreamReaderProtocol(reader, serve, loop=loop)

        return make

    async def _serve(self, protocol: str, connection: Connection) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._clients[task] = connection
        try:
            await self._servers[protocol].serve(connection)
        except asyncio.CancelledError:
            connection.abort()
            raise
        except Exception:  # the servers catch their own errors; this is the last guard
            log.exception("the capture %s server failed", protocol.upper())
            connection.abort()
        finally:
            self._clients.pop(task, None)
            self._labels.pop(connection.peer_port, None)
