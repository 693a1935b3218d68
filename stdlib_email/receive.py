"""Talks POP3 and IMAP with the standard library's clients: connects with the session's security, signs in, counts, fetches and deletes.

``poplib`` and ``imaplib`` are blocking, so each exchange runs in the run's executor while the
one event loop goes on (the capture servers live on that loop). Every failure becomes an
``EmailFailure`` naming the server, the port and the step, never a secret.
"""

from __future__ import annotations

import asyncio
import base64
import imaplib
import poplib
import re
import socket
import ssl
from collections.abc import Callable
from typing import Any, TypeVar

from .constants import Security
from .endpoint import Credentials, Endpoint
from .errors import EmailFailure
from .tls_policy import CertificateProblem, client_context, verify_after_handshake

__all__ = ["MailboxConnection", "Pop3Connection", "ImapConnection"]

T = TypeVar("T")


class _Routed:
    """A poplib/imaplib client whose socket goes to the endpoint's target (the capture server in capture
    mode) while SNI and certificate checks use the program's server name."""

    def __init__(self, endpoint: Endpoint, timeout: float, context: ssl.SSLContext | None):
        self._target = (endpoint.host, endpoint.port)
        self._tls_context = context
        super().__init__(endpoint.server_name, endpoint.port, timeout)  # type: ignore[call-arg]

    def _create_socket(self, timeout: float | None = None) -> socket.socket:
        sock = socket.create_connection(self._target, timeout)
        if self._tls_context is not None:
            sock = self._tls_context.wrap_socket(sock, server_hostname=self.host)  # type: ignore[attr-defined]
        return sock


class _POP3(_Routed, poplib.POP3):
    pass


class _IMAP4(_Routed, imaplib.IMAP4):
    pass


def _xoauth2(credentials: Credentials) -> bytes:
    """The XOAUTH2 initial response (before base64), the same for POP3 and IMAP."""
    return f"user={credentials.user}\x01auth=Bearer {credentials.token}\x01\x01".encode()


class MailboxConnection:
    """What the reading functions need from a POP3 or IMAP server."""

    protocol = "POP3"

    def __init__(self, endpoint: Endpoint, timeout: float, on_socket: Callable[[int], None] | None = None):
        self.endpoint = endpoint
        self.timeout = timeout
        self.on_socket = on_socket
        self.auth = "none"
        self.user = ""

    def _where(self) -> str:
        return f"the {self.protocol} server {self.endpoint.label}"

    async def _call(self, step: str, action: Callable[[], T]) -> T:
        """Run a blocking exchange in the executor, turning every library error into an EmailFailure."""
        loop = asyncio.get_running_loop()
        try:
            return await loop.run_in_executor(None, action)
        except EmailFailure:
            raise
        except CertificateProblem as problem:
            raise EmailFailure(f"the certificate of {self._where()} was rejected: {problem}") from None
        except (UnicodeError, ValueError) as exc:
            raise EmailFailure(f"cannot talk to {self._where()} during {step}: {exc}") from None
        except Exception as exc:  # noqa: BLE001 - poplib/imaplib raise many kinds; each is explained below
            raise self._explain(exc, step) from None

    def _secured(self, sock: Any) -> None:
        if isinstance(sock, ssl.SSLSocket):
            self._peer_port(sock)
            verify_after_handshake(sock, self.endpoint.server_name, self.endpoint.ignore, self.endpoint.trust_file)  # type: ignore[arg-type]

    def _peer_port(self, sock: socket.socket) -> None:
        if self.on_socket is not None:
            self.on_socket(sock.getsockname()[1])
            self.on_socket = None

    def _context(self) -> ssl.SSLContext:
        return client_context(self.endpoint.ignore, self.endpoint.trust_file)

    def _explain(self, exc: BaseException, step: str) -> EmailFailure:
        where = self._where()
        endpoint = self.endpoint
        if isinstance(exc, socket.gaierror):
            return EmailFailure(
                f"cannot find the {self.protocol} server '{endpoint.server_name}' (port {endpoint.port}): "
                "the name does not resolve; check ServerAddress"
            )
        if isinstance(exc, ConnectionRefusedError):
            return EmailFailure(
                f"{where} refused the connection: nothing listens on port {endpoint.port} "
                "(is the server running, is the port right?)"
            )
        if isinstance(exc, ssl.SSLCertVerificationError):
            from .smtp import _certificate_reason  # noqa: PLC0415 - one wording for every protocol

            return EmailFailure(f"the certificate of {where} was rejected: {_certificate_reason(exc)}")
        if isinstance(exc, ssl.SSLError):
            return EmailFailure(
                f"the TLS handshake with {where} failed ({exc.reason or exc}); check that Option matches what the port expects"
            )
        if isinstance(exc, (socket.timeout, TimeoutError)):
            return EmailFailure(f"{where} stopped answering during {step}: no reply within {self.timeout:g} s")
        if isinstance(exc, (ConnectionResetError, BrokenPipeError, EOFError)) or "EOF" in str(exc) or "socket error" in str(exc):
            return EmailFailure(f"{where} closed the connection during {step}")
        text = _server_text(exc)
        if step == "sign-in":
            return EmailFailure(f"{where} refused the sign-in of user '{self.user}': {text}")
        return EmailFailure(f"{where} answered '{text}' during {step}")

    async def open(self, credentials: Credentials) -> None:
        """Connect with the endpoint's security, sign in (password or XOAUTH2), then get the mailbox ready."""
        endpoint = self.endpoint
        self.user = credentials.user
        implicit = endpoint.security is Security.TLS

        def connect() -> Any:
            client = self._new_client(self._context() if implicit else None)
            self._peer_port(client.sock)
            self._secured(client.sock)
            return client

        client = await self._call("connecting", connect)
        self._client = client
        if endpoint.security is Security.STARTTLS:
            await self._call(self.starttls_verb, lambda: self._starttls(client, self._context()))
            self._secured(client.sock)
        if credentials.token and not credentials.user:
            raise EmailFailure(f"{self._where()}: an XOAUTH2 sign-in needs the mailbox address in Name")

        def sign_in() -> None:
            if credentials.token:
                self._sign_in_xoauth2(client, _xoauth2(credentials))
            else:
                self._sign_in_password(client, credentials)

        await self._call("sign-in", sign_in)
        self.auth = "xoauth2" if credentials.token else self.password_mechanism
        await self._ready(client)

    # subclasses
    starttls_verb = "STARTTLS"
    password_mechanism = "login"
    _client: Any = None

    def _new_client(self, context: ssl.SSLContext | None) -> Any:  # pragma: no cover - interface
        raise NotImplementedError

    def _starttls(self, client: Any, context: ssl.SSLContext) -> None:  # pragma: no cover - interface
        raise NotImplementedError

    def _sign_in_xoauth2(self, client: Any, payload: bytes) -> None:  # pragma: no cover - interface
        raise NotImplementedError

    def _sign_in_password(self, client: Any, credentials: Credentials) -> None:  # pragma: no cover - interface
        raise NotImplementedError

    async def _ready(self, client: Any) -> None:  # pragma: no cover - interface
        raise NotImplementedError

    async def count(self) -> int:  # pragma: no cover
        raise NotImplementedError

    async def size(self, number: int) -> int:  # pragma: no cover
        raise NotImplementedError

    async def fetch(self, number: int, headers_only: bool = False) -> bytes:  # pragma: no cover
        raise NotImplementedError

    async def delete(self, number: int) -> None:  # pragma: no cover
        raise NotImplementedError

    async def unseen(self) -> list[int]:
        return list(range(1, await self.count() + 1))

    async def fetch_many(self, numbers: list[int], headers_only: bool = False) -> dict[int, bytes]:
        """Several messages; protocols that can fetch them in one exchange do."""
        return {number: await self.fetch(number, headers_only) for number in numbers}

    async def close(self) -> None:  # pragma: no cover
        raise NotImplementedError


def _server_text(exc: BaseException) -> str:
    text = exc.args[0] if exc.args else str(exc)
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    # imaplib quotes the server's words as a list of bytes: [b'…'] → …
    text = re.sub(r"""\[b(['"])(.*?)\1\]""", r"\2", str(text))
    return text.strip() or type(exc).__name__


class Pop3Connection(MailboxConnection):
    """A POP3 maildrop: its count and sizes are fixed at sign-in; deletions happen at QUIT."""

    protocol = "POP3"

    def __init__(self, endpoint: Endpoint, timeout: float, on_socket: Callable[[int], None] | None = None):
        super().__init__(endpoint, timeout, on_socket)
        self._client: _POP3 | None = None
        self._sizes: list[int] = []

    starttls_verb = "STLS"
    password_mechanism = "user"

    def _new_client(self, context: ssl.SSLContext | None) -> _POP3:
        return _POP3(self.endpoint, self.timeout, context)

    def _starttls(self, client: _POP3, context: ssl.SSLContext) -> None:
        client.stls(context)

    def _sign_in_xoauth2(self, client: _POP3, payload: bytes) -> None:
        client._shortcmd("AUTH XOAUTH2 " + base64.b64encode(payload).decode("ascii"))  # poplib has no AUTH

    def _sign_in_password(self, client: _POP3, credentials: Credentials) -> None:
        client.user(credentials.user)
        client.pass_(credentials.password)

    async def _ready(self, client: _POP3) -> None:
        listing = await self._call("LIST", client.list)
        self._sizes = [int(line.split()[1]) for line in listing[1]]

    def _need(self) -> _POP3:
        if self._client is None:
            raise EmailFailure(f"the session with {self._where()} is closed: open it again")
        return self._client

    async def count(self) -> int:
        self._need()
        return len(self._sizes)

    async def size(self, number: int) -> int:
        self._need()
        return self._sizes[number - 1]

    async def fetch(self, number: int, headers_only: bool = False) -> bytes:
        client = self._need()
        if headers_only:
            _, lines, _ = await self._call("TOP", lambda: client.top(number, 0))
        else:
            _, lines, _ = await self._call("RETR", lambda: client.retr(number))
        return b"\r\n".join(lines) + b"\r\n"

    async def delete(self, number: int) -> None:
        client = self._need()
        await self._call("DELE", lambda: client.dele(number))

    async def close(self) -> None:
        client, self._client = self._client, None
        if client is None:
            return
        try:
            await self._call("QUIT", client.quit)  # the deletions are committed here
        except EmailFailure:
            client.close()


class ImapConnection(MailboxConnection):
    """An IMAP INBOX: its count is live; deleted messages go at EXPUNGE (done when the session closes)."""

    protocol = "IMAP"

    def __init__(self, endpoint: Endpoint, timeout: float, on_socket: Callable[[int], None] | None = None,
                 folder: str = "INBOX"):
        super().__init__(endpoint, timeout, on_socket)
        self._client: _IMAP4 | None = None
        self.folder = folder
        self._deleted = False

    def _new_client(self, context: ssl.SSLContext | None) -> _IMAP4:
        return _IMAP4(self.endpoint, self.timeout, context)

    def _starttls(self, client: _IMAP4, context: ssl.SSLContext) -> None:
        client.starttls(context)

    def _sign_in_xoauth2(self, client: _IMAP4, payload: bytes) -> None:
        client.authenticate("XOAUTH2", lambda _challenge: payload)

    def _sign_in_password(self, client: _IMAP4, credentials: Credentials) -> None:
        client.login(credentials.user, credentials.password)

    async def _ready(self, client: _IMAP4) -> None:
        await self._call(f"SELECT {self.folder}", lambda: _ok(client.select(self.folder)))

    def _need(self) -> _IMAP4:
        if self._client is None:
            raise EmailFailure(f"the session with {self._where()} is closed: open it again")
        return self._client

    async def count(self) -> int:
        client = self._need()
        data = await self._call("NOOP", lambda: (client.noop(), client.select(self.folder))[1])
        return int(_ok(data)[0] or 0)

    async def size(self, number: int) -> int:
        client = self._need()
        data = await self._call("FETCH", lambda: _ok(client.fetch(str(number), "(RFC822.SIZE)")))
        match = re.search(rb"RFC822\.SIZE (\d+)", data[0] if isinstance(data[0], bytes) else data[0][0])
        return int(match.group(1)) if match else 0

    async def fetch(self, number: int, headers_only: bool = False) -> bytes:
        client = self._need()
        part = "(BODY.PEEK[HEADER])" if headers_only else "(BODY[])"
        data = await self._call("FETCH", lambda: _ok(client.fetch(str(number), part)))
        for item in data:
            if isinstance(item, tuple):
                return item[1]
        raise EmailFailure(f"{self._where()} sent no message {number}")

    async def fetch_many(self, numbers: list[int], headers_only: bool = False) -> dict[int, bytes]:
        """One FETCH for a whole range of messages, instead of one exchange per message."""
        if not numbers:
            return {}
        client = self._need()
        part = "(BODY.PEEK[HEADER])" if headers_only else "(BODY[])"
        contiguous = numbers == list(range(numbers[0], numbers[0] + len(numbers)))
        wanted = f"{numbers[0]}:{numbers[-1]}" if contiguous else ",".join(str(n) for n in numbers)
        data = await self._call("FETCH", lambda: _ok(client.fetch(wanted, part)))
        found: dict[int, bytes] = {}
        for item in data:
            if isinstance(item, tuple):
                match = re.match(rb"(\d+) ", item[0])
                if match:
                    found[int(match.group(1))] = item[1]
        return found

    async def delete(self, number: int) -> None:
        client = self._need()
        await self._call("STORE", lambda: _ok(client.store(str(number), "+FLAGS", "(\\Deleted)")))
        self._deleted = True

    async def unseen(self) -> list[int]:
        client = self._need()
        data = await self._call("SEARCH", lambda: _ok(client.search(None, "UNSEEN")))
        return [int(n) for n in (data[0] or b"").split()]

    async def close(self) -> None:
        client, self._client = self._client, None
        if client is None:
            return

        def finish() -> None:
            if self._deleted:
                client.expunge()
            client.logout()

        try:
            await self._call("LOGOUT", finish)
        except EmailFailure:
            client.shutdown()


def _ok(answer: tuple[str, list[Any]]) -> list[Any]:
    status, data = answer
    if status != "OK":
        detail = data[0].decode("utf-8", "replace") if data and isinstance(data[0], bytes) else str(data)
        raise imaplib.IMAP4.error(detail)
    return data
