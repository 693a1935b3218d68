"""The capture POP3 server (RFC 1939 with CAPA, STLS and AUTH): the capture outbox served as the maildrop of any login.

What it speaks: CAPA, STLS, USER/PASS, AUTH PLAIN, LOGIN and XOAUTH2 (with or without an initial
response; ``AUTH`` alone lists them), then STAT, LIST, UIDL, RETR, TOP, DELE, RSET, NOOP, QUIT.

- **The maildrop is a snapshot taken at login**: its count, numbers and sizes stay fixed for the
  session, even if a message is captured meanwhile (it shows at the next login), as RFC 1939
  and WinDev's EmailNbMessage say.
- **DELE only marks**; RSET unmarks; QUIT deletes the marked messages' files. A connection that
  drops or idles out deletes nothing.
- Sizes are the octets of the message as sent (CRLF line ends), before byte-stuffing; RETR and
  TOP stuff lines that start with "." and end with the "." line.
- RETR marks the message \\Seen (the Maildir ``S`` flag), as Dovecot does; TOP does not.
- UIDL gives the Maildir key (or its SHA-1 when the key is not a valid POP3 unique-id).
- A refused XOAUTH2 token gets ``-ERR [AUTH] …`` at once (no JSON challenge, unlike IMAP).

Lines are bounded (64 KiB: an XOAUTH2 line carries a whole token); a malformed command gets
``-ERR``, ten in a row end the connection. Arguments are never logged.
"""

from __future__ import annotations

import hashlib
import logging
import re
from base64 import b64encode
from dataclasses import dataclass

from .capture_connection import Connection, ConnectionClosed, LineTooLong
from .capture_logins import LoginDesk, decode_sasl, parse_plain, parse_xoauth2
from .capture_maildrop import Maildrop

__all__ = ["AUTH_MECHANISMS", "Pop3Server"]

log = logging.getLogger(__name__)

AUTH_MECHANISMS = ("PLAIN", "LOGIN", "XOAUTH2")
GREETING = b"+OK wlinterp capture POP3 server ready (messages stay on this machine)\r\n"
MAX_BAD_COMMANDS = 10
# RFC 1939: a unique-id is 1 to 70 characters from 0x21 to 0x7E
_UNIQUE_ID = re.compile(r"[\x21-\x7e]{1,70}")
_LINE_START_DOT = re.compile(rb"^\.", re.MULTILINE)


class _Error(Exception):
    """The command fails: ``-ERR`` and this text."""


@dataclass
class _Drop:
    """One message of the session's snapshot."""

    key: str
    size: int
    unique_id: str
    deleted: bool = False


class Pop3Server:
    """Serves the outbox maildrop over POP3 to each connection handed to it."""

    def __init__(self, maildrop: Maildrop, desk: LoginDesk):
        self.maildrop = maildrop
        self.desk = desk

    async def serve(self, connection: Connection) -> None:
        """Talk to one client until it quits, hangs up or idles out; never raises."""
        await _Session(self, connection).run()


class _Session:
    """One POP3 connection: AUTHORIZATION, then TRANSACTION over a snapshot, then UPDATE at QUIT."""

    def __init__(self, server: Pop3Server, connection: Connection):
        self.server = server
        self.maildrop = server.maildrop
        self.conn = connection
        self.state = "authorization"
        self.user: str | None = None
        self.drops: list[_Drop] = []
        self.bad_in_a_row = 0
        self.done = False

    async def run(self) -> None:
        try:
            await self.conn.send(GREETING)
            while not self.done and self.bad_in_a_row < MAX_BAD_COMMANDS:
                line = await self.conn.read_line()
                await self._execute(line.rstrip(b"\r\n"))
            if self.bad_in_a_row >= MAX_BAD_COMMANDS:
                await self._error("too many invalid commands, goodbye")
        except LineTooLong:  # a command line, or a line answering an AUTH challenge
            try:
                await self._error("line too long")
            except ConnectionClosed:
                pass
        except ConnectionClosed as closed:
            # RFC 1939: a session that ends without QUIT does not enter the UPDATE state
            log.debug("POP3 client gone: %s", closed)
        finally:
            await self.conn.close()

    async def _execute(self, line: bytes) -> None:
        keyword, _, argument = line.partition(b" ")
        name = keyword.decode("ascii", errors="replace").upper()
        handler = self._handler(name)
        try:
            if handler is None:
                raise _Error("not allowed now" if name in _ALL_COMMANDS else "unknown command")
            await handler(argument)
        except _Error as error:
            self.bad_in_a_row += 1
            await self._error(str(error))
        except (ConnectionClosed, LineTooLong):
            raise
        except Exception:  # a bug here must cost the client one command, not the server
            log.exception("the capture POP3 server failed on a command")
            self.bad_in_a_row += 1
            await self._error("internal error of the capture server")
        else:
            self.bad_in_a_row = 0

    def _handler(self, name: str):
        commands = {
            "authorization": {
                "CAPA": self._capa,
                "STLS": self._stls,
                "USER": self._user,
                "PASS": self._pass,
                "AUTH": self._auth,
                "QUIT": self._quit,
            },
            "transaction": {
                "CAPA": self._capa,
                "STAT": self._stat,
                "LIST": self._list,
                "UIDL": self._uidl,
                "RETR": self._retr,
                "TOP": self._top,
                "DELE": self._dele,
                "RSET": self._rset,
                "NOOP": self._noop,
                "QUIT": self._quit,
            },
        }
        return commands[self.state].get(name)

    # ------------------------------------------------------------------ AUTHORIZATION

    async def _capa(self, argument: bytes) -> None:
        _no_argument(argument)
        words = ["USER", "TOP", "UIDL", "RESP-CODES", "AUTH-RESP-CODE", "PIPELINING"]
        if self.state == "authorization":
            words.append("SASL " + " ".join(AUTH_MECHANISMS))
            if not self.conn.encrypted:
                words.append("STLS")
        words.append("IMPLEMENTATION wlinterp-capture")
        await self._ok("Capability list follows", lines=[word.encode() for word in words])

    async def _stls(self, argument: bytes) -> None:
        _no_argument(argument)
        if self.conn.encrypted:
            raise _Error("TLS is already on")
        await self.conn.start_tls(b"+OK Begin TLS negotiation\r\n")
        self.user = None  # RFC 2595: what came before the upgrade is forgotten

    async def _user(self, argument: bytes) -> None:
        if not argument:
            raise _Error("USER needs a name")
        self.user = argument.decode("utf-8", errors="replace")
        await self._ok("send your password")

    async def _pass(self, argument: bytes) -> None:
        # the argument (the password) is not looked at, kept or logged: any password passes
        if self.user is None:
            raise _Error("USER first")
        user, self.user = self.user, None
        self.server.desk.password(self.conn, "pop3", "user", user)
        await self._enter_transaction()

    async def _auth(self, argument: bytes) -> None:
        if not argument:
            await self._ok("SASL mechanisms follow", lines=[name.encode() for name in AUTH_MECHANISMS])
            return
        mechanism, _, initial = argument.partition(b" ")
        name = mechanism.decode("ascii", errors="replace").upper()
        if name not in AUTH_MECHANISMS:
            raise _Error("unsupported authentication mechanism")
        first = initial.strip() or None
        if name == "PLAIN":
            parsed = parse_plain(await self._sasl_answer(b"", first))
            if parsed is None:
                raise _Error("malformed PLAIN response")
            self.server.desk.password(self.conn, "pop3", "plain", parsed[0])
        elif name == "LOGIN":
            user = (await self._sasl_answer(b"Username:", first)).decode("utf-8", errors="replace")
            await self._sasl_answer(b"Password:", None)
            self.server.desk.password(self.conn, "pop3", "login", user)
        else:
            parsed = parse_xoauth2(await self._sasl_answer(b"", first))
            if parsed is None:
                raise _Error("malformed XOAUTH2 response")
            if not self.server.desk.token(self.conn, "pop3", *parsed):
                raise _Error("[AUTH] Invalid credentials")
        await self._enter_transaction()

    async def _sasl_answer(self, challenge: bytes, initial: bytes | None) -> bytes:
        if initial is None:
            await self.conn.send(b"+ " + b64encode(challenge) + b"\r\n")
            initial = (await self.conn.read_line()).strip()
            if initial == b"*":
                raise _Error("authentication cancelled")
        answer = decode_sasl(initial)
        if answer is None:
            raise _Error("invalid base64 in the authentication answer")
        return answer

    async def _enter_transaction(self) -> None:
        self.drops = []
        for message in self.maildrop.scan():
            size = self.maildrop.size(message.key)
            if size is not None:
                self.drops.append(_Drop(message.key, size, _unique_id(message.key)))
        self.state = "transaction"
        await self._ok(f"maildrop has {len(self.drops)} messages ({sum(drop.size for drop in self.drops)} octets)")

    # ------------------------------------------------------------------ TRANSACTION

    async def _stat(self, argument: bytes) -> None:
        _no_argument(argument)
        kept = self._kept()
        await self._ok(f"{len(kept)} {sum(drop.size for _, drop in kept)}")

    async def _list(self, argument: bytes) -> None:
        if argument:
            number, drop = self._drop(argument)
            await self._ok(f"{number} {drop.size}")
            return
        kept = self._kept()
        lines = [f"{number} {drop.size}".encode() for number, drop in kept]
        await self._ok(f"{len(kept)} messages ({sum(drop.size for _, drop in kept)} octets)", lines=lines)

    async def _uidl(self, argument: bytes) -> None:
        if argument:
            number, drop = self._drop(argument)
            await self._ok(f"{number} {drop.unique_id}")
            return
        await self._ok(
            "unique-id listing follows", lines=[f"{n} {drop.unique_id}".encode() for n, drop in self._kept()]
        )

    async def _retr(self, argument: bytes) -> None:
        number, drop = self._drop(argument)
        content = self._content(number, drop)
        self.maildrop.change_flags(drop.key, add=frozenset("S"))
        await self.conn.send(f"+OK {drop.size} octets\r\n".encode() + _multiline(content))

    async def _top(self, argument: bytes) -> None:
        which, _, count = argument.partition(b" ")
        if not re.fullmatch(rb"\d{1,9}", count):
            raise _Error("TOP needs a message number and a number of lines")
        number, drop = self._drop(which)
        content = self._content(number, drop)
        header_end = content.find(b"\r\n\r\n")
        if header_end < 0:
            top = content
        else:
            header, body = content[: header_end + 4], content[header_end + 4 :]
            top = header + b"".join(body.splitlines(keepends=True)[: int(count)])
        await self.conn.send(b"+OK top of message follows\r\n" + _multiline(top))

    async def _dele(self, argument: bytes) -> None:
        number, drop = self._drop(argument)
        drop.deleted = True
        await self._ok(f"message {number} deleted")

    async def _rset(self, argument: bytes) -> None:
        _no_argument(argument)
        for drop in self.drops:
            drop.deleted = False
        await self._ok(f"maildrop has {len(self.drops)} messages ({sum(drop.size for drop in self.drops)} octets)")

    async def _noop(self, argument: bytes) -> None:
        _no_argument(argument)
        await self._ok("")

    async def _quit(self, argument: bytes) -> None:
        self.done = True
        if self.state != "transaction":
            await self._ok("wlinterp capture POP3 server signing off")
            return
        # the UPDATE state: only now do the marked messages go
        for drop in self.drops:
            if drop.deleted:
                self.maildrop.remove(drop.key)
        left = sum(1 for drop in self.drops if not drop.deleted)
        await self._ok(f"wlinterp capture POP3 server signing off ({left} messages left)")

    # ------------------------------------------------------------------ helpers

    def _kept(self) -> list[tuple[int, _Drop]]:
        return [(number, drop) for number, drop in enumerate(self.drops, 1) if not drop.deleted]

    def _drop(self, argument: bytes) -> tuple[int, _Drop]:
        if not re.fullmatch(rb"\d{1,9}", argument):
            raise _Error("invalid message number")
        number = int(argument)
        if not 1 <= number <= len(self.drops):
            raise _Error(f"no such message, only {len(self.drops)} messages in maildrop")
        drop = self.drops[number - 1]
        if drop.deleted:
            raise _Error(f"message {number} already deleted")
        return number, drop

    def _content(self, number: int, drop: _Drop) -> bytes:
        content = self.maildrop.content(drop.key)
        if content is None:
            raise _Error(f"message {number} was removed by another session")
        return content

    async def _ok(self, text: str, *, lines: list[bytes] | None = None) -> None:
        head = b"+OK " + text.encode() + b"\r\n" if text else b"+OK\r\n"
        if lines is None:
            await self.conn.send(head)
        else:
            await self.conn.send(head + _multiline(b"".join(line + b"\r\n" for line in lines)))

    async def _error(self, text: str) -> None:
        await self.conn.send(b"-ERR " + text.encode() + b"\r\n")


_ALL_COMMANDS = {
    "CAPA",
    "STLS",
    "USER",
    "PASS",
    "AUTH",
    "QUIT",
    "STAT",
    "LIST",
    "UIDL",
    "RETR",
    "TOP",
    "DELE",
    "RSET",
    "NOOP",
}


def _no_argument(argument: bytes) -> None:
    if argument.strip():
        raise _Error("this command takes no argument")


def _multiline(content: bytes) -> bytes:
    """A multi-line response body: lines starting with "." doubled, then the terminating "." line."""
    if content and not content.endswith(b"\r\n"):
        content += b"\r\n"
    return _LINE_START_DOT.sub(b"..", content) + b".\r\n"


def _unique_id(key: str) -> str:
    return key if _UNIQUE_ID.fullmatch(key) else hashlib.sha1(key.encode()).hexdigest()
