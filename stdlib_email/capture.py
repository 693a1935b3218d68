"""The capture SMTP server: on loopback, it stands in for every server a program names and files each message it gets.

It runs on the event loop of the run (design §2: one loop per run), never in a thread of its
own. Two listeners on 127.0.0.1: ``plain_port`` speaks plain SMTP and offers STARTTLS,
``tls_port`` speaks TLS from the first byte (what ``optionTLS`` expects on port 465).
Any name and password pass AUTH PLAIN and LOGIN; XOAUTH2 tokens pass when the validator
agrees. Only the mechanism and the user name are kept: passwords and tokens are never
stored, indexed or logged. Each message is stored byte for byte as DATA carried it (nothing
added, so no Bcc either) in the Maildir ``outbox``, and described by one line of
``outbox/index.jsonl``, which ``outbox.list_messages`` reads back.

About aiosmtpd's own logging (logger ``mail.log``): it masks the argument of an ``AUTH``
command line and does not log the answers to AUTH challenges, but at DEBUG level it logs
every DATA line and, when a client answers a challenge with something that is not base64,
that answer. Nothing in wlinterp turns ``mail.log`` up to DEBUG; keep it that way.
"""

from __future__ import annotations

import asyncio
import binascii
import collections
import json
import logging
import mailbox
import os
import ssl
from base64 import b64decode
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import datetime
from email import policy
from email.parser import BytesHeaderParser
from pathlib import Path
from typing import Any

from aiosmtpd.smtp import MISSING, SMTP, AuthResult, Envelope, LoginPassword, Session, TLSSetupException

from .listeners import LOOPBACK, Listeners, ServerLifecycle
from .tls import CertificateAuthority

__all__ = ["INDEX_FILE", "MAX_MESSAGE_SIZE", "CaptureServer", "CapturedMessage", "TokenValidator"]

log = logging.getLogger(__name__)

INDEX_FILE = "index.jsonl"
MAX_MESSAGE_SIZE = 50 * 1024 * 1024
GREETING_NAME = "localhost"
IDENT = "wlinterp capture server (messages stay on this machine)"
IDLE_TIMEOUT = 300.0
HANDSHAKE_TIMEOUT = 30.0
STOP_TIMEOUT = 5.0
# RFC 5321 allows 1000-octet lines, but an XOAUTH2 line carries a whole access token
# (Microsoft's are JWTs of several kilobytes) and must fit in one line
LINE_LIMIT = 64 * 1024
XOAUTH2_ERROR = b'{"status":"401","schemes":"bearer","scope":"https://mail.google.com/"}'

TokenValidator = Callable[[str, str], bool]


def token_accepted(validator: TokenValidator | None, user: str, token: str) -> bool:
    """An XOAUTH2 token passes when there is no validator or the validator says yes."""
    if validator is None:
        return True
    try:
        return bool(validator(user, token))
    except Exception as error:  # noqa: BLE001 - the validator is the caller's code: a crash in it is a "no"
        log.warning("the XOAUTH2 token validator failed (%s); token refused", type(error).__name__)
        return False


@dataclass
class CapturedMessage:
    """What the capture server received in one DATA, and how the client got there."""

    mail_from: str
    rcpt_tos: list[str]
    subject: str
    from_header: str
    security: str  # plain | starttls | tls
    auth: str  # none | plain | login | xoauth2
    user: str
    server: str  # the server the program named, "smtp.gmail.com:587"; else "127.0.0.1:PORT"
    path: Path  # the stored .eml
    received: str  # ISO 8601, local time with its offset

    def index_record(self, outbox: Path) -> dict[str, Any]:
        """This message as one line of ``index.jsonl`` (its path relative to the outbox)."""
        record = asdict(self)
        record["path"] = _relative(self.path, outbox).as_posix()
        return record

    @classmethod
    def from_index_record(cls, record: dict[str, Any], outbox: Path) -> CapturedMessage:
        """The message an index line describes; KeyError or TypeError if the line is not one."""
        values = {name: record[name] for name in cls.__dataclass_fields__}
        values["rcpt_tos"] = list(values["rcpt_tos"])
        values["path"] = Path(outbox) / values["path"]
        return cls(**values)


@dataclass(frozen=True)
class _Identity:
    """Who authenticated and how; deliberately without the secret they used."""

    mechanism: str
    user: str


class _QuietSession(Session):
    """aiosmtpd's session without the deprecation warning its login_data setter logs."""

    # aiosmtpd assigns the deprecated login_data after every successful AUTH, and the setter
    # logs a WARNING each time, which Python's last-resort handler prints on every run's stderr
    @property
    def login_data(self) -> Any:
        return self._login_data

    @login_data.setter
    def login_data(self, value: Any) -> None:
        self._login_data = value


class _CaptureSMTP(SMTP):
    """aiosmtpd's SMTP protocol with XOAUTH2, room for long AUTH lines, and a note of how the client came in."""

    line_length_limit = LINE_LIMIT

    def __init__(
        self,
        handler: _Handler,
        *,
        implicit_tls: bool,
        token_validator: TokenValidator | None,
        track: Callable[[_CaptureSMTP, bool], None],
        **options: Any,
    ):
        self.implicit_tls = implicit_tls
        self.local_port = 0
        self._token_validator = token_validator
        self._track = track
        super().__init__(handler, **options)
        # aiosmtpd keeps these limits in a dict shared by every instance; give this one its own
        self.command_size_limits = collections.defaultdict(lambda: self.command_size_limit, {"AUTH": LINE_LIMIT})

    def security(self) -> str:
        """plain, starttls or tls: how this connection is protected right now."""
        if self.implicit_tls:
            return "tls"
        # aiosmtpd starts a new session after STARTTLS and fills its ssl attribute
        return "starttls" if self.session is not None and self.session.ssl is not None else "plain"

    def _create_session(self) -> Session:
        return _QuietSession(self.loop)

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        first = self.transport is None  # STARTTLS calls this a second time, with the TLS transport
        super().connection_made(transport)
        if first:
            self.local_port = transport.get_extra_info("sockname")[1]
            self._track(self, True)

    def connection_lost(self, error: Exception | None) -> None:
        self._track(self, False)
        super().connection_lost(error)

    async def auth_XOAUTH2(self, _: SMTP, args: list[str]) -> AuthResult:
        """XOAUTH2 (Google's and Microsoft's SASL for OAuth2 bearer tokens), initial response or challenge."""
        answer = await self._xoauth2_response(args)
        if answer is None:
            return AuthResult(success=False, handled=True)
        parsed = _parse_xoauth2(answer)
        if parsed is None:
            await self.push("501 5.5.2 Malformed XOAUTH2 response")
            return AuthResult(success=False, handled=True)
        user, token = parsed
        if token_accepted(self._token_validator, user, token):
            return AuthResult(success=True, auth_data=_Identity("xoauth2", user))
        # as Gmail does: the refusal is a 334 carrying a JSON error, the client answers with an
        # empty line, and only then comes the 535
        if await self.challenge_auth(XOAUTH2_ERROR) is MISSING:
            return AuthResult(success=False, handled=True)
        return AuthResult(success=False, handled=False)

    async def _xoauth2_response(self, args: list[str]) -> bytes | None:
        if len(args) == 1:
            answer = await self.challenge_auth(b"", encode_to_b64=False)
            return None if answer is MISSING else answer
        try:
            return b64decode(args[1], validate=True)
        except binascii.Error:
            await self.push("501 5.5.2 Can't decode base64")
            return None


class _Handler:
    """aiosmtpd's handler hooks, passed on to the capture server that owns the outbox."""

    def __init__(self, capture: CaptureServer):
        self._capture = capture

    async def handle_DATA(self, server: _CaptureSMTP, session: Session, envelope: Envelope) -> str:
        return self._capture._file(server, session, envelope)

    async def handle_exception(self, error: Exception) -> str:
        # without this hook aiosmtpd logs a full traceback, e.g. each time a client refuses our
        # certificate during STARTTLS, which is exactly what IgnoreError tests make clients do
        if isinstance(error, TLSSetupException):
            log.info("a client gave up during the STARTTLS handshake: %s", error.__cause__)
            return "454 4.7.0 TLS handshake failed"
        if isinstance(error, (ConnectionError, ssl.SSLError)):
            log.info("a client went away: %s", type(error).__name__)
            return "421 4.4.2 Connection lost"
        log.error("capture server error", exc_info=error)
        return "451 4.3.0 Internal error of the capture server"


class CaptureServer(ServerLifecycle):
    """An SMTP server on loopback that accepts every message and files it in a Maildir outbox."""

    def __init__(
        self,
        outbox: Path,
        authority: CertificateAuthority,
        token_validator: TokenValidator | None = None,
        *,
        tls_context: ssl.SSLContext | None = None,
        max_message_size: int = MAX_MESSAGE_SIZE,
        idle_timeout: float = IDLE_TIMEOUT,
    ):
        """``tls_context`` replaces the CA's SNI context (tests use it to present a bad certificate)."""
        self.outbox = Path(outbox)
        self.authority = authority
        self.messages: list[CapturedMessage] = []
        self._token_validator = token_validator
        self._tls_context = tls_context
        self._max_message_size = max_message_size
        self._idle_timeout = idle_timeout
        self._handler = _Handler(self)
        self._maildir: mailbox.Maildir | None = None
        self._listeners = Listeners("capture server")
        self._connections: set[_CaptureSMTP] = set()
        self._labels: dict[int, str] = {}
        self._callbacks: list[Callable[[CapturedMessage], None]] = []

    # ------------------------------------------------------------------ life cycle

    async def start(self) -> None:
        """Open the outbox and listen on two free loopback ports, on the running event loop."""
        self._listeners.ensure_stopped()
        self._maildir = _open_maildir(self.outbox)
        context = self._tls_context or self.authority.server_context()
        loop = asyncio.get_running_loop()
        self._listeners.add("plain", await loop.create_server(
            lambda: self._protocol(loop, implicit_tls=False, tls_context=context), LOOPBACK, 0
        ))
        self._listeners.add("tls", await loop.create_server(
            lambda: self._protocol(loop, implicit_tls=True, tls_context=None),
            LOOPBACK,
            0,
            ssl=context,
            ssl_handshake_timeout=HANDSHAKE_TIMEOUT,
        ))
        log.info("capture server on %s: plain/STARTTLS %d, TLS %d", LOOPBACK, self.plain_port, self.tls_port)

    async def stop(self) -> None:
        """Stop listening, cut the connections still open, and wait (briefly) until they are gone."""

        async def cut() -> None:
            for connection in list(self._connections):
                if connection.transport is not None:
                    connection.transport.abort()
            await self._drain_connections()

        await self._listeners.close(cut)
        self._labels.clear()
        if self._maildir is not None:
            self._maildir.close()

    @property
    def plain_port(self) -> int:
        """The port of plain SMTP with STARTTLS."""
        return self._port("plain")

    @property
    def tls_port(self) -> int:
        """The port of implicit TLS (SMTPS)."""
        return self._port("tls")

    # ------------------------------------------------------------------ the client's side

    def label(self, local_port: int, server: str) -> None:
        """Name the server the program asked for, for the connection coming from ``local_port``."""
        self._labels[local_port] = server

    def on_message(self, callback: Callable[[CapturedMessage], None]) -> None:
        """Call ``callback`` with each message, once it is stored."""
        self._callbacks.append(callback)

    # ------------------------------------------------------------------ internals

    def _port(self, name: str) -> int:
        return self._listeners.port(name)

    def _protocol(
        self, loop: asyncio.AbstractEventLoop, *, implicit_tls: bool, tls_context: ssl.SSLContext | None
    ) -> _CaptureSMTP:
        return _CaptureSMTP(
            self._handler,
            implicit_tls=implicit_tls,
            token_validator=self._token_validator,
            track=self._track,
            hostname=GREETING_NAME,  # aiosmtpd's default, getfqdn(), can wait on DNS
            ident=IDENT,
            tls_context=tls_context,
            data_size_limit=self._max_message_size,
            enable_SMTPUTF8=True,
            auth_require_tls=False,  # WinDev authenticates on port 25 too
            authenticator=_accept_any_login,
            timeout=self._idle_timeout,
            loop=loop,
        )

    def _track(self, connection: _CaptureSMTP, opened: bool) -> None:
        if opened:
            self._connections.add(connection)
            return
        self._connections.discard(connection)
        peer = connection.session.peer if connection.session else None
        if peer:
            self._labels.pop(peer[1], None)

    async def _drain_connections(self) -> None:
        for _ in range(int(STOP_TIMEOUT / 0.01)):
            if not self._connections:
                break
            await asyncio.sleep(0.01)
        # let aiosmtpd's cancelled command loops run to their end
        await asyncio.sleep(0)

    def _file(self, server: _CaptureSMTP, session: Session, envelope: Envelope) -> str:
        """Store one message and its record; the SMTP reply to DATA."""
        content = envelope.original_content or b""
        try:
            path = self._store(content)
        except OSError as error:
            log.error("the outbox %s could not store a message: %s", self.outbox, error)
            return "451 4.3.0 The capture outbox could not store the message"
        message = self._record(server, session, envelope, content, path)
        self._append_to_index(message)
        self.messages.append(message)
        log.info("captured %s -> %s via %s", message.mail_from, ", ".join(message.rcpt_tos), message.server)
        self._notify(message)
        return f"250 2.0.0 OK: captured as {path.name}"

    def _store(self, content: bytes) -> Path:
        assert self._maildir is not None
        # mailbox writes "\n" as os.linesep; where that is "\r\n", hand it "\n" so that the file
        # still holds the CRLF lines DATA carried
        data = content.replace(b"\r\n", b"\n") if os.linesep == "\r\n" else content
        key = self._maildir.add(data)
        # Maildir.add puts a plain message in new/ under its key
        return self.outbox / "new" / key

    def _record(
        self, server: _CaptureSMTP, session: Session, envelope: Envelope, content: bytes, path: Path
    ) -> CapturedMessage:
        subject, from_header = _subject_and_from(content)
        identity = session.auth_data if session.authenticated else None
        return CapturedMessage(
            mail_from=envelope.mail_from or "",
            rcpt_tos=list(envelope.rcpt_tos),
            subject=subject,
            from_header=from_header,
            security=server.security(),
            auth=identity.mechanism if isinstance(identity, _Identity) else "none",
            user=identity.user if isinstance(identity, _Identity) else "",
            server=self._server_name(server, session),
            path=path,
            received=datetime.now().astimezone().isoformat(timespec="seconds"),
        )

    def _server_name(self, server: _CaptureSMTP, session: Session) -> str:
        peer_port = session.peer[1] if session.peer else None
        return self._labels.get(peer_port, f"{LOOPBACK}:{server.local_port}")

    def _append_to_index(self, message: CapturedMessage) -> None:
        line = json.dumps(message.index_record(self.outbox), ensure_ascii=False) + "\n"
        try:
            with open(self.outbox / INDEX_FILE, "a+b") as index:
                index.write(_after_complete_line(index) + line.encode("utf-8"))
        except OSError as error:
            # the message itself is safe in the Maildir; only the listing will miss it
            log.error("could not append to %s: %s", self.outbox / INDEX_FILE, error)

    def _notify(self, message: CapturedMessage) -> None:
        for callback in self._callbacks:
            try:
                callback(message)
            except Exception:  # a listener's bug must not turn a delivered message into an SMTP error
                log.exception("an on_message callback failed")


# ---------------------------------------------------------------------- helpers


def _open_maildir(outbox: Path) -> mailbox.Maildir:
    """The outbox as a Maildir, made complete if needed."""
    # mailbox only creates tmp/, new/ and cur/ along with a folder that does not exist yet,
    # and --outbox may name an existing, empty one
    for folder in (outbox, outbox / "tmp", outbox / "new", outbox / "cur"):
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return mailbox.Maildir(outbox, create=False)


def _accept_any_login(
    server: SMTP, session: Session, envelope: Envelope, mechanism: str, auth_data: LoginPassword
) -> AuthResult:
    """aiosmtpd authenticator for PLAIN and LOGIN: any credentials pass; only the user name is kept."""
    user = auth_data.login.decode("utf-8", errors="replace")
    return AuthResult(success=True, auth_data=_Identity(mechanism.lower(), user))


def _parse_xoauth2(answer: bytes) -> tuple[str, str] | None:
    """(user, token) from ``user=U^Aauth=Bearer T^A^A``, or None if it is not that."""
    text = answer.decode("utf-8", errors="replace")
    fields = dict(part.split("=", 1) for part in text.split("\x01") if "=" in part)
    scheme, _, token = fields.get("auth", "").partition(" ")
    user = fields.get("user", "")
    if not user or scheme.lower() != "bearer" or not token.strip():
        return None
    return user, token.strip()


def _subject_and_from(content: bytes) -> tuple[str, str]:
    """The decoded Subject and From headers (RFC 2047 and all), "" where missing or unreadable."""
    try:
        headers = BytesHeaderParser(policy=policy.default).parsebytes(content)
        return str(headers.get("Subject", "")), str(headers.get("From", ""))
    except Exception:  # noqa: BLE001 - a header we cannot decode must not cost the program its message
        return "", ""


def _after_complete_line(index: Any) -> bytes:
    """A newline if the index ends in the middle of a line (a run that died while writing)."""
    index.seek(0, os.SEEK_END)
    if index.tell() == 0:
        return b""
    index.seek(-1, os.SEEK_END)
    return b"" if index.read(1) == b"\n" else b"\n"


def _relative(path: Path, outbox: Path) -> Path:
    try:
        return Path(path).relative_to(outbox)
    except ValueError:
        return Path(path)
