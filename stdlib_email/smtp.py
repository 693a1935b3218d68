"""Talks SMTP with aiosmtplib: connects with the session's security, signs in, sends, and says plainly what failed.

Every failure becomes an ``EmailFailure`` whose text names the server, the port and the step that
failed, and never holds a password or token. The WLanguage functions turn it into
``ErrorOccurred``/``ErrorInfo()``.
"""

from __future__ import annotations

import asyncio
import re
import socket
import ssl
from collections.abc import Callable

import aiosmtplib

from .constants import Security
from .endpoint import Credentials, Endpoint
from .errors import EmailFailure
from .tls_policy import CertificateProblem, client_context, verify_after_handshake

__all__ = ["SmtpConnection"]


class SmtpConnection:
    """One SMTP session with a server, from connect to QUIT."""

    def __init__(self, endpoint: Endpoint, timeout: float, on_socket: Callable[[int], None] | None = None):
        self.endpoint = endpoint
        self.timeout = timeout
        self.on_socket = on_socket
        self.auth = "none"
        self.user = ""
        self._smtp: aiosmtplib.SMTP | None = None
        self._lock = asyncio.Lock()

    @property
    def is_open(self) -> bool:
        return self._smtp is not None and self._smtp.is_connected

    def _where(self) -> str:
        return f"the SMTP server {self.endpoint.label}"

    # ------------------------------------------------------------------ opening

    async def open(self, credentials: Credentials) -> None:
        """Connect, say EHLO, secure the line as asked, and sign in when credentials are given."""
        endpoint = self.endpoint
        sock = await self._connect_socket()
        if self.on_socket is not None:
            self.on_socket(sock.getsockname()[1])
        context = client_context(endpoint.ignore, endpoint.trust_file)
        smtp = aiosmtplib.SMTP(
            hostname=endpoint.server_name, sock=sock, timeout=self.timeout,
            use_tls=endpoint.security is Security.TLS, start_tls=False, tls_context=context,
        )
        try:
            await smtp.connect()
            self._check_peer(smtp)
            await smtp.ehlo()
            if endpoint.security is Security.STARTTLS:
                if not smtp.supports_extension("starttls"):
                    raise EmailFailure(f"{self._where()} does not offer STARTTLS, which Option asks for")
                await smtp.starttls(server_hostname=endpoint.server_name, tls_context=context)
                self._check_peer(smtp)
                await smtp.ehlo()  # the extensions (AUTH among them) are announced again over TLS
            self._smtp = smtp
            await self._sign_in(smtp, credentials)
        except EmailFailure:
            smtp.close()
            self._smtp = None
            raise
        except (TimeoutError, aiosmtplib.SMTPException, OSError) as exc:
            smtp.close()
            self._smtp = None
            raise self._explain(exc, "connecting") from None
        except (ValueError, UnicodeError) as exc:  # a server name TLS cannot carry (empty label, NUL …)
            smtp.close()
            self._smtp = None
            raise EmailFailure(f"cannot connect to {self._where()}: '{endpoint.server_name}' is not a valid server name ({exc})") from None

    async def _connect_socket(self) -> socket.socket:
        endpoint = self.endpoint
        loop = asyncio.get_running_loop()
        try:
            infos = await asyncio.wait_for(
                loop.getaddrinfo(endpoint.host, endpoint.port, type=socket.SOCK_STREAM), self.timeout
            )
        except (UnicodeError, ValueError):
            raise EmailFailure(f"'{endpoint.server_name}' is not a valid server name; check ServerAddress") from None
        except socket.gaierror:
            raise EmailFailure(
                f"cannot find the SMTP server '{endpoint.server_name}' (port {endpoint.port}): the name does not resolve; "
                "check ServerAddress"
            ) from None
        except TimeoutError:
            raise EmailFailure(f"looking up '{endpoint.server_name}' took longer than {self._seconds()}") from None
        last: Exception | None = None
        for family, kind, proto, _name, address in infos:
            sock = socket.socket(family, kind, proto)
            sock.setblocking(False)
            try:
                await asyncio.wait_for(loop.sock_connect(sock, address), self.timeout)
                return sock
            except (TimeoutError, OSError) as exc:
                sock.close()
                last = exc
        if isinstance(last, asyncio.TimeoutError):
            raise EmailFailure(
                f"{self._where()} did not answer within {self._seconds()}; check the address, the port "
                f"and the firewall on port {endpoint.port}"
            )
        if isinstance(last, ConnectionRefusedError):
            raise EmailFailure(
                f"{self._where()} refused the connection: nothing listens on port {endpoint.port} "
                "(is the server running, is the port right?)"
            )
        raise EmailFailure(f"cannot connect to {self._where()}: {getattr(last, 'strerror', None) or last}")

    def _check_peer(self, smtp: aiosmtplib.SMTP) -> None:
        """Checks Python's TLS layer cannot make with one flag alone (an expired certificate that is accepted)."""
        transport = smtp.transport
        ssl_object = transport.get_extra_info("ssl_object") if transport is not None else None
        if ssl_object is None:
            return
        try:
            verify_after_handshake(ssl_object, self.endpoint.server_name, self.endpoint.ignore, self.endpoint.trust_file)
        except CertificateProblem as problem:
            raise EmailFailure(self._certificate_message(str(problem))) from None

    async def _sign_in(self, smtp: aiosmtplib.SMTP, credentials: Credentials) -> None:
        if not credentials.token and not credentials.password:
            return
        offered = {m.lower() for m in smtp.server_auth_methods}
        user = credentials.user
        try:
            if credentials.token:
                if "xoauth2" not in offered:
                    raise EmailFailure(f"{self._where()} does not offer XOAUTH2 sign-in, which AuthToken needs")
                await smtp.auth_xoauth2(user, credentials.token)
                self.auth = "xoauth2"
            elif "plain" in offered:
                await smtp.auth_plain(user, credentials.password)
                self.auth = "plain"
            elif "login" in offered:
                await smtp.auth_login(user, credentials.password)
                self.auth = "login"
            else:
                shown = ", ".join(sorted(offered)) or "none"
                raise EmailFailure(
                    f"{self._where()} offers no sign-in this session can use (it offers: {shown}); "
                    "a password needs PLAIN or LOGIN"
                )
        except aiosmtplib.SMTPAuthenticationError as exc:
            raise EmailFailure(
                f"{self._where()} refused the sign-in of user '{user}': {exc.code} {_first_line(exc.message)}"
            ) from None
        self.user = user

    # ------------------------------------------------------------------ sending

    async def send(self, sender: str, recipients: list[str], data: bytes | list[bytes]) -> None:
        """MAIL, RCPT for each recipient, DATA; any refusal fails the whole message before DATA.

        ``data`` is the message, or the pieces it is made of, sent one after the other.
        """
        if not recipients:
            raise EmailFailure("the message has no recipient: fill Recipient, Cc or Bcc")
        if self._smtp is None or not self._smtp.is_connected:
            raise EmailFailure(f"the session with {self._where()} is closed: open it again before sending")
        smtp = self._smtp
        international = not all(address.isascii() for address in (sender, *recipients))
        if international and not smtp.supports_extension("smtputf8"):
            raise EmailFailure(
                f"{self._where()} does not accept addresses written outside ASCII (no SMTPUTF8), "
                "and one of this message's addresses needs it"
            )
        mail_options = ["SMTPUTF8"] if international else []
        async with self._lock:
            step = "MAIL FROM"
            try:
                await smtp.mail(sender, options=mail_options)
                for recipient in recipients:
                    step = f"RCPT TO <{recipient}>"
                    await smtp.rcpt(recipient)
                step = "DATA"
                await _send_data(smtp, [data] if isinstance(data, bytes) else data, self.timeout)
            except aiosmtplib.SMTPSenderRefused as exc:
                await self._reset(smtp)
                raise EmailFailure(f"{self._where()} refused the sender <{sender}>: {exc.code} {_first_line(exc.message)}") from None
            except aiosmtplib.SMTPRecipientRefused as exc:
                await self._reset(smtp)
                raise EmailFailure(
                    f"{self._where()} refused the recipient <{exc.recipient}>: {exc.code} {_first_line(exc.message)}"
                ) from None
            except aiosmtplib.SMTPDataError as exc:
                raise EmailFailure(f"{self._where()} refused the message: {exc.code} {_first_line(exc.message)}") from None
            except (TimeoutError, aiosmtplib.SMTPException, OSError) as exc:
                raise self._explain(exc, step) from None
            except (ValueError, UnicodeError) as exc:  # aiosmtplib refuses what SMTP cannot carry
                raise EmailFailure(f"cannot send to {self._where()} during {step}: {exc}") from None

    async def _reset(self, smtp: aiosmtplib.SMTP) -> None:
        try:
            await smtp.rset()
        except (TimeoutError, aiosmtplib.SMTPException, OSError):
            pass  # the failure already reported matters more than a failed RSET

    async def close(self) -> None:
        smtp, self._smtp = self._smtp, None
        if smtp is None:
            return
        try:
            if smtp.is_connected:
                await smtp.quit()
        except (TimeoutError, aiosmtplib.SMTPException, OSError):
            pass  # the server went away first: the session is closed either way
        finally:
            smtp.close()

    # ------------------------------------------------------------------ messages

    def _seconds(self) -> str:
        seconds = self.timeout
        return f"{seconds:g} s" if seconds < 120 else f"{seconds / 60:g} min"

    def _certificate_message(self, reason: str) -> str:
        return f"the certificate of {self._where()} was rejected: {reason}"

    def _explain(self, exc: BaseException, step: str) -> EmailFailure:
        """A person-readable failure for an aiosmtplib or socket error during ``step``."""
        cause: BaseException = exc
        while cause.__cause__ is not None:
            cause = cause.__cause__
        if isinstance(cause, ssl.SSLCertVerificationError):
            return EmailFailure(self._certificate_message(_certificate_reason(cause)))
        if isinstance(cause, ssl.SSLError):
            return EmailFailure(
                f"the TLS handshake with {self._where()} failed ({cause.reason or cause}); "
                "check that Option matches what the port expects (STARTTLS on 587, TLS on 465)"
            )
        if isinstance(exc, (aiosmtplib.SMTPTimeoutError, asyncio.TimeoutError)) or isinstance(cause, asyncio.TimeoutError):
            return EmailFailure(f"{self._where()} stopped answering during {step}: no reply within {self._seconds()}")
        if isinstance(exc, aiosmtplib.SMTPServerDisconnected) or isinstance(cause, (ConnectionResetError, BrokenPipeError)):
            return EmailFailure(f"{self._where()} closed the connection during {step}")
        if isinstance(exc, aiosmtplib.SMTPConnectResponseError):
            return EmailFailure(f"{self._where()} turned the connection away: {exc.code} {_first_line(exc.message)}")
        if isinstance(exc, aiosmtplib.SMTPResponseException):
            return EmailFailure(f"{self._where()} answered {exc.code} {_first_line(exc.message)} during {step}")
        return EmailFailure(f"{step} with {self._where()} failed: {exc}")


# ------------------------------------------------------------------------------ DATA
#
# aiosmtplib's DATA turns every line end into CRLF and doubles a leading dot with two re.sub
# over the whole message, and appends the final ".": three copies, and the first re.sub gathers
# every line in a list on the way (4.7x the message at its peak, for a 20 MiB attachment). A
# message wlinterp built is already CRLF throughout and has no line starting with a dot, so it
# can go as it is, piece by piece, waiting while the socket is full rather than copying what it
# cannot take yet. What goes on the wire is byte for byte what aiosmtplib would send.

_LINE_ENDS = re.compile(rb"\r\n|\n|\r(?!\n)")  # aiosmtplib's own patterns, for a source that needs them
_LEADING_DOT = re.compile(rb"(?m)^\.")
_JOIN_BELOW = 64 * 1024  # a message smaller than this goes in one write (one system call, one packet)


def _ready(piece: bytes) -> bool:
    """Every CR is followed by LF and every LF preceded by CR, and no line starts with a dot."""
    crlf = piece.count(b"\r\n")
    return (piece.count(b"\r") == crlf and piece.count(b"\n") == crlf
            and not piece.startswith(b".") and b"\n." not in piece)


def wire_pieces(pieces: list[bytes]) -> list[bytes]:
    """What DATA carries for a message in pieces, the closing "." line excepted: CRLF line ends, leading dots doubled.

    Pieces already so are kept as they are (no copy) when each but the last ends a line, so that
    every piece starts a line; otherwise the message is joined and converted as aiosmtplib does.
    """
    pieces = [piece for piece in pieces if piece]
    if all(piece.endswith(b"\r\n") for piece in pieces[:-1]) and all(_ready(piece) for piece in pieces):
        if not pieces or not pieces[-1].endswith(b"\r\n"):
            pieces.append(b"\r\n")
        return pieces
    data = _LINE_ENDS.sub(b"\r\n", b"".join(pieces))
    if not data.endswith(b"\r\n"):
        data += b"\r\n"
    return [_LEADING_DOT.sub(b"..", data)]


async def _send_data(smtp: aiosmtplib.SMTP, pieces: list[bytes], timeout: float) -> None:
    """DATA, the message, the final "." and the server's verdict, with what aiosmtplib's ``data`` does around them.

    It speaks through aiosmtplib's protocol object (the command, writes, the reply); an
    aiosmtplib without what it needs gets the joined message through its own ``data``.
    """
    protocol = smtp.protocol
    if protocol is None or not all(hasattr(protocol, name) for name in ("execute_command", "write", "read_response",
                                                                        "_drain_helper")):
        await smtp.data(b"".join(pieces))
        return
    wire = wire_pieces(pieces)
    if sum(map(len, wire)) < _JOIN_BELOW:
        wire = [b"".join(wire) + b".\r\n"]
    else:
        wire.append(b".\r\n")
    try:
        start = await protocol.execute_command(b"DATA", timeout=timeout)
        if start.code != 354:
            raise aiosmtplib.SMTPDataError(start.code, start.message)
        # aiosmtplib (5.x) drops what the server says while no reply is awaited; as its own DATA does,
        # a reply is awaited from the first byte of the message on
        protocol._response_pending = True
        for piece in wire:
            protocol.write(piece)
            if getattr(protocol, "_paused", False):  # the socket is full: wait rather than buffer a copy
                await asyncio.wait_for(protocol._drain_helper(), timeout)
        response = await protocol.read_response(timeout=timeout)
    except (aiosmtplib.SMTPServerDisconnected, aiosmtplib.SMTPTimeoutError, TimeoutError, ConnectionError):
        smtp.close()  # as aiosmtplib's data does: the exchange is out of step, the connection cannot be used again
        raise
    if response.code != 250:
        raise aiosmtplib.SMTPDataError(response.code, response.message)


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0] if text.strip() else ""


def _certificate_reason(error: ssl.SSLCertVerificationError) -> str:
    reason = error.verify_message or str(error)
    if "hostname" in reason.lower() or error.verify_code == 62:
        return f"{reason} (to accept it, add emailSessionIgnoreNameCertificateInvalid to IgnoreError)"
    if "expired" in reason.lower() or error.verify_code == 10:
        return f"{reason} (to accept it, add emailSessionIgnoreCertificateExpired to IgnoreError)"
    return f"{reason} (to accept it, add emailSessionIgnoreCertificateInvalid to IgnoreError)"
