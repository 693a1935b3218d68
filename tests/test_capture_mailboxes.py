"""The capture IMAP and POP3 servers, driven by Python's imaplib and poplib (and by raw sockets for the wire details)."""

from __future__ import annotations

import asyncio
import base64
import contextlib
import gc
import imaplib
import logging
import mailbox
import poplib
import re
import socket
import ssl
import threading
import time
from collections.abc import Callable
from email.message import EmailMessage
from email.policy import SMTP as SMTP_POLICY
from pathlib import Path
from typing import Any, TypeVar

import pytest

from stdlib_email.capture import CaptureServer
from stdlib_email.capture_mailboxes import CaptureMailboxes, MailboxLogin
from stdlib_email.tls import CertificateAuthority

from .capture_helpers import LOOPBACK, connected, run_bounded, watch_loop_errors

PASSWORD = "S3cret-Passw0rd!"
TOKEN = "ya29.a0-very-secret-token"
CLIENT_TIMEOUT = 5.0
T = TypeVar("T")


@pytest.fixture(scope="module")
def authority(tmp_path_factory: pytest.TempPathFactory) -> CertificateAuthority:
    return CertificateAuthority.load_or_create(tmp_path_factory.mktemp("ca"))


@pytest.fixture
def outbox(tmp_path: Path) -> Path:
    return tmp_path / "outbox"


# ---------------------------------------------------------------------- helpers


def message(number: int, subject: str | None = None) -> bytes:
    """A small message with CRLF line ends and a line that starts with a dot."""
    lines = [
        "From: Alice <alice@example.com>",
        "To: Bob <bob@example.com>",
        f"Subject: {subject or f'Message {number}'}",
        f"Message-ID: <m{number}@example.com>",
        "",
        f"Body of message {number}.",
        ".a line that starts with a dot",
        "..and one with two",
        "",
    ]
    return "\r\n".join(lines).encode("ascii")


def accented_message() -> bytes:
    mail = EmailMessage()
    mail["From"] = "Élodie Müller <elodie@example.com>"
    mail["To"] = "José Núñez <jose@example.com>"
    mail["Subject"] = "Réunion à 10 h : café ☕"
    mail.set_content("Bonjour José,\n.point en début de ligne\nÀ bientôt.\n")
    return mail.as_bytes(policy=SMTP_POLICY)


def deliver(outbox: Path, content: bytes) -> str:
    """Put a message in the outbox Maildir as the capture server does; its key."""
    maildir = mailbox.Maildir(outbox, create=True)
    key = maildir.add(content)
    time.sleep(0.002)  # distinct delivery times, so "oldest first" is well defined
    return key


def stored_files(outbox: Path) -> list[Path]:
    return sorted(path for folder in ("new", "cur") for path in (outbox / folder).glob("*") if path.is_file())


def serve(
    outbox: Path,
    authority: CertificateAuthority,
    client: Callable[[CaptureMailboxes, Callable[[int, str], None]], T],
    **options: Any,
) -> tuple[T, list[MailboxLogin]]:
    """Run the mailboxes on a fresh loop and ``client`` (blocking: imaplib, poplib) in a thread beside it.

    ``client`` gets the mailboxes and a ``label(local_port, name)`` that it may call from its thread.
    """

    async def scenario() -> tuple[T, list[MailboxLogin]]:
        loop = asyncio.get_running_loop()
        async with CaptureMailboxes(outbox, authority, **options) as boxes:

            def label(local_port: int, name: str) -> None:
                async def on_loop() -> None:
                    boxes.label(local_port, name)

                asyncio.run_coroutine_threadsafe(on_loop(), loop).result(CLIENT_TIMEOUT)

            result = await asyncio.to_thread(client, boxes, label)
            return result, list(boxes.logins)

    return run_bounded(scenario)


class SniIMAP4(imaplib.IMAP4):
    """imaplib that dials loopback whatever its host name, so that STARTTLS asks for (and checks) that name."""

    def _create_socket(self, timeout: float | None) -> socket.socket:
        return socket.create_connection((LOOPBACK, self.port), timeout)


class SniIMAP4_SSL(imaplib.IMAP4_SSL):
    def _create_socket(self, timeout: float | None) -> socket.socket:
        sock = socket.create_connection((LOOPBACK, self.port), timeout)
        return self.ssl_context.wrap_socket(sock, server_hostname=self.host)


class SniPOP3(poplib.POP3):
    def _create_socket(self, timeout: float | None) -> socket.socket:
        return socket.create_connection((LOOPBACK, self.port), timeout)


class SniPOP3_SSL(poplib.POP3_SSL):
    def _create_socket(self, timeout: float | None) -> socket.socket:
        sock = socket.create_connection((LOOPBACK, self.port), timeout)
        return self.context.wrap_socket(sock, server_hostname=self.host)


def imap_client(boxes: CaptureMailboxes, authority: CertificateAuthority, security: str, host: str = LOOPBACK):
    if security == "tls":
        return SniIMAP4_SSL(host, boxes.imaps_port, ssl_context=authority.client_context(), timeout=CLIENT_TIMEOUT)
    client = SniIMAP4(host, boxes.imap_port, timeout=CLIENT_TIMEOUT)
    if security == "starttls":
        client.starttls(authority.client_context())
    return client


def pop3_client(boxes: CaptureMailboxes, authority: CertificateAuthority, security: str, host: str = LOOPBACK):
    if security == "tls":
        return SniPOP3_SSL(host, boxes.pop3s_port, context=authority.client_context(), timeout=CLIENT_TIMEOUT)
    client = SniPOP3(host, boxes.pop3_port, timeout=CLIENT_TIMEOUT)
    if security == "starttls":
        client.stls(authority.client_context())
    return client


def certificate_names(sock: socket.socket) -> list[str]:
    assert isinstance(sock, ssl.SSLSocket)
    return [value for kind, value in sock.getpeercert()["subjectAltName"] if kind == "DNS"]


def fetched_bodies(response: list) -> list[bytes]:
    """The literals of an imaplib FETCH response."""
    return [part[1] for part in response if isinstance(part, tuple)]


def xoauth2(user: str, token: str) -> bytes:
    return f"user={user}\x01auth=Bearer {token}\x01\x01".encode()


def pop3_xoauth2(client: poplib.POP3, user: str, token: str) -> bytes:
    return client._shortcmd("AUTH XOAUTH2 " + base64.b64encode(xoauth2(user, token)).decode())


class Raw:
    """A bare line client on the loop, for what imaplib and poplib hide (literals, stuffing, bad input)."""

    opened: list[Raw] = []  # noqa: RUF012 - closed by raw_scenario at the end of each scenario

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter):
        self.reader = reader
        self.writer = writer
        Raw.opened.append(self)

    @classmethod
    async def open(cls, port: int) -> Raw:
        reader, writer = await asyncio.open_connection(LOOPBACK, port)
        return cls(reader, writer)

    @classmethod
    async def close_all(cls) -> None:
        while cls.opened:
            raw = cls.opened.pop()
            with contextlib.suppress(Exception):
                raw.writer.close()
                await raw.writer.wait_closed()

    async def line(self) -> bytes:
        return await asyncio.wait_for(self.reader.readline(), CLIENT_TIMEOUT)

    async def send(self, data: bytes) -> None:
        self.writer.write(data)
        await self.writer.drain()

    async def command(self, text: bytes) -> bytes:
        await self.send(text + b"\r\n")
        return await self.line()

    async def tagged(self, tag: bytes, text: bytes | None = None) -> list[bytes]:
        """Send ``tag text`` (if given) and read every line up to the tagged answer, included."""
        if text is not None:
            await self.send(tag + b" " + text + b"\r\n")
        lines = []
        while True:
            line = await self.line()
            assert line, f"the server hung up; lines so far: {lines}"
            lines.append(line)
            if line.startswith(tag + b" "):
                return lines

    async def multiline(self) -> list[bytes]:
        """A POP3 multi-line body up to its "." line, as sent (stuffing kept)."""
        lines = []
        while (line := await self.line()) != b".\r\n":
            assert line, "the server hung up in a multi-line response"
            lines.append(line)
        return lines

    async def eof(self) -> bool:
        return await asyncio.wait_for(self.reader.read(), CLIENT_TIMEOUT) == b""


def raw_scenario(outbox: Path, authority: CertificateAuthority, body: Callable, **options: Any) -> Any:
    async def scenario() -> Any:
        try:
            async with CaptureMailboxes(outbox, authority, **options) as boxes:
                return await body(boxes)
        finally:
            await Raw.close_all()

    return run_bounded(scenario)


def problems(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    """Warnings and tracebacks, less asyncio debug mode's notes about slow steps (a TLS handshake can be one)."""
    return [
        record
        for record in caplog.records
        if (record.levelno >= logging.WARNING or record.exc_info)
        and not (record.name == "asyncio" and record.msg.startswith("Executing"))
    ]


# ---------------------------------------------------------------------- the ways in


@pytest.mark.parametrize("security", ["plain", "starttls", "tls"])
def test_imap_serves_the_outbox_byte_for_byte(outbox, authority, security) -> None:
    contents = [message(1), message(2)]
    for content in contents:
        deliver(outbox, content)

    def client(boxes, label):
        imap = imap_client(boxes, authority, security, "imap.example.com")
        label(imap.sock.getsockname()[1], "imap.example.com:993")
        names = certificate_names(imap.sock) if security != "plain" else []
        imap.login("joe@example.com", PASSWORD)
        _, exists = imap.select("INBOX")
        _, bodies = imap.fetch("1:*", "(BODY.PEEK[])")
        _, sizes = imap.fetch("1:*", "(RFC822.SIZE)")
        imap.logout()
        return names, exists, fetched_bodies(bodies), sizes

    (names, exists, bodies, sizes), logins = serve(outbox, authority, client)
    assert exists == [b"2"]
    assert bodies == contents
    assert [int(re.search(rb"RFC822.SIZE (\d+)", size)[1]) for size in sizes] == [len(c) for c in contents]
    if security != "plain":
        assert names == ["imap.example.com"]  # the certificate was issued for the name the client asked for
    assert logins == [MailboxLogin("imap", "login", "joe@example.com", security, "imap.example.com:993", True)]


@pytest.mark.parametrize("security", ["plain", "starttls", "tls"])
def test_pop3_serves_the_outbox_byte_for_byte(outbox, authority, security) -> None:
    contents = [message(1), message(2)]
    for content in contents:
        deliver(outbox, content)

    def client(boxes, label):
        pop = pop3_client(boxes, authority, security, "pop.example.com")
        label(pop.sock.getsockname()[1], "pop.example.com:995")
        names = certificate_names(pop.sock) if security != "plain" else []
        pop.user("joe@example.com")
        pop.pass_(PASSWORD)
        stat = pop.stat()
        _, listing, _ = pop.list()
        retrieved = [pop.retr(number)[1] for number in (1, 2)]
        pop.quit()
        return names, stat, listing, retrieved

    (names, stat, listing, retrieved), logins = serve(outbox, authority, client)
    assert stat == (2, sum(len(c) for c in contents))
    assert listing == [f"{n} {len(c)}".encode() for n, c in enumerate(contents, 1)]
    # poplib gives the lines without their CRLF and with the dot-stuffing undone
    assert [b"\r\n".join(lines) + b"\r\n" for lines in retrieved] == contents
    if security != "plain":
        assert names == ["pop.example.com"]
    assert logins == [MailboxLogin("pop3", "user", "joe@example.com", security, "pop.example.com:995", True)]


def test_messages_captured_over_smtp_come_back_identical(outbox, authority) -> None:
    """Send through the capture SMTP server, read back over IMAP and POP3: the same bytes, accents and all."""
    sent = [accented_message(), message(2)]

    async def scenario():
        async with CaptureServer(outbox, authority) as smtp, CaptureMailboxes(outbox, authority) as boxes:
            async with connected(smtp, authority, security="starttls") as client:
                for content in sent:
                    await client.sendmail("elodie@example.com", ["jose@example.com"], content)

            def read():
                imap = imap_client(boxes, authority, "tls")
                imap.login("jose", PASSWORD)
                imap.select("INBOX")
                _, bodies = imap.fetch("1:*", "(BODY.PEEK[])")
                _, subjects = imap.fetch("1", "(BODY.PEEK[HEADER.FIELDS (SUBJECT)])")
                imap.logout()
                pop = pop3_client(boxes, authority, "tls")
                pop.user("jose")
                pop.pass_(PASSWORD)
                retrieved = [b"\r\n".join(pop.retr(n)[1]) + b"\r\n" for n in (1, 2)]
                sizes = pop.list()[1]
                pop.quit()
                return fetched_bodies(bodies), fetched_bodies(subjects), retrieved, sizes

            return await asyncio.to_thread(read), [path.read_bytes() for path in stored_files(outbox)]

    (bodies, subjects, retrieved, sizes), stored = run_bounded(scenario)
    assert sorted(stored) == sorted(sent)
    assert bodies == sent
    assert retrieved == sent
    assert sizes == [f"{n} {len(c)}".encode() for n, c in enumerate(sent, 1)]
    # the header comes as stored (RFC 2047 words), and decodes to the accented subject
    from email.header import decode_header, make_header

    subject = subjects[0].decode("ascii").split(":", 1)[1].strip()
    assert str(make_header(decode_header(subject))) == "Réunion à 10 h : café ☕"


def test_every_user_sees_the_whole_outbox_oldest_first(outbox, authority) -> None:
    for number in (1, 2, 3):
        deliver(outbox, message(number))

    def client(boxes, label):
        seen = []
        for user in ("alice", "bob@example.com"):
            imap = imap_client(boxes, authority, "plain")
            imap.login(user, "whatever")
            imap.select("INBOX")
            _, subjects = imap.fetch("1:*", "(BODY.PEEK[HEADER.FIELDS (SUBJECT)])")
            imap.logout()
            seen.append(fetched_bodies(subjects))
        return seen

    (alice, bob), logins = serve(outbox, authority, client)
    assert alice == bob == [f"Subject: Message {n}\r\n\r\n".encode() for n in (1, 2, 3)]
    assert [login.user for login in logins] == ["alice", "bob@example.com"]


# ---------------------------------------------------------------------- POP3 semantics


def test_pop3_count_is_fixed_for_the_session(outbox, authority) -> None:
    deliver(outbox, message(1))

    def client(boxes, label):
        pop = pop3_client(boxes, authority, "plain")
        pop.user("joe")
        pop.pass_("pw")
        before = pop.stat()
        deliver(outbox, message(2))  # captured while the session is open
        after = pop.stat()
        listing = pop.list()[1]
        with pytest.raises(poplib.error_proto, match="no such message"):
            pop.retr(2)
        pop.quit()
        second = pop3_client(boxes, authority, "plain")
        second.user("joe")
        second.pass_("pw")
        next_session = second.stat()
        second.quit()
        return before, after, listing, next_session

    (before, after, listing, next_session), _ = serve(outbox, authority, client)
    assert before == after == (1, len(message(1)))
    assert listing == [f"1 {len(message(1))}".encode()]
    assert next_session[0] == 2


def test_pop3_deletes_only_at_quit(outbox, authority) -> None:
    keys = [deliver(outbox, message(n)) for n in (1, 2, 3)]

    def client(boxes, label):
        pop = pop3_client(boxes, authority, "plain")
        pop.user("joe")
        pop.pass_("pw")
        pop.dele(1)
        pop.dele(3)
        with pytest.raises(poplib.error_proto, match="already deleted"):
            pop.retr(1)
        during = (len(stored_files(outbox)), pop.stat(), pop.list()[1])
        pop.rset()  # unmarks both
        after_rset = pop.stat()
        pop.dele(2)
        pop.quit()
        return during, after_rset

    (during, after_rset), _ = serve(outbox, authority, client)
    assert during[0] == 3  # nothing deleted before QUIT
    assert during[1] == (1, len(message(2)))
    assert during[2] == [f"2 {len(message(2))}".encode()]
    assert after_rset[0] == 3
    remaining = stored_files(outbox)
    assert [path.name.split(":")[0] for path in remaining] == sorted([keys[0], keys[2]])


def test_pop3_dropped_connection_deletes_nothing(outbox, authority) -> None:
    deliver(outbox, message(1))

    async def body(boxes):
        raw = await Raw.open(boxes.pop3_port)
        assert (await raw.line()).startswith(b"+OK")
        assert (await raw.command(b"USER joe")).startswith(b"+OK")
        assert (await raw.command(b"PASS pw")).startswith(b"+OK")
        assert (await raw.command(b"DELE 1")).startswith(b"+OK")
        raw.writer.transport.abort()  # no QUIT
        for _ in range(100):
            if not boxes._clients:
                break
            await asyncio.sleep(0.01)
        return len(stored_files(outbox))

    assert raw_scenario(outbox, authority, body) == 1


def test_pop3_idle_timeout_deletes_nothing(outbox, authority) -> None:
    deliver(outbox, message(1))

    async def body(boxes):
        raw = await Raw.open(boxes.pop3_port)
        await raw.line()
        await raw.command(b"USER joe")
        await raw.command(b"PASS pw")
        assert (await raw.command(b"DELE 1")).startswith(b"+OK")
        started = time.monotonic()
        assert await raw.eof()  # the server hangs up, saying nothing (RFC 1939)
        return time.monotonic() - started

    waited = raw_scenario(outbox, authority, body, idle_timeout=0.3)
    assert 0.2 < waited < 3
    assert len(stored_files(outbox)) == 1


def test_pop3_retr_and_top_on_the_wire(outbox, authority) -> None:
    """Sizes count the message's octets; RETR and TOP stuff lines starting with a dot."""
    content = message(1)
    key = deliver(outbox, content)

    async def body(boxes):
        raw = await Raw.open(boxes.pop3_port)
        await raw.line()
        await raw.command(b"USER joe")
        await raw.command(b"PASS pw")
        listed = await raw.command(b"LIST 1")
        uidl = await raw.command(b"UIDL 1")
        retr_status = await raw.command(b"RETR 1")
        retr = await raw.multiline()
        assert (await raw.command(b"TOP 1 1")).startswith(b"+OK")
        top = await raw.multiline()
        assert (await raw.command(b"TOP 1 0")).startswith(b"+OK")
        top_zero = await raw.multiline()
        assert (await raw.command(b"QUIT")).startswith(b"+OK")
        return listed, uidl, retr_status, retr, top, top_zero

    listed, uidl, retr_status, retr, top, top_zero = raw_scenario(outbox, authority, body)
    assert listed == f"+OK 1 {len(content)}\r\n".encode()
    assert uidl == f"+OK 1 {key}\r\n".encode()
    assert retr_status == f"+OK {len(content)} octets\r\n".encode()
    assert b"..a line that starts with a dot\r\n" in retr
    assert b"...and one with two\r\n" in retr
    assert b"".join(retr).replace(b"\r\n..", b"\r\n.") == content
    header = content.split(b"\r\n\r\n")[0] + b"\r\n\r\n"
    assert b"".join(top) == header + b"Body of message 1.\r\n"
    assert b"".join(top_zero) == header
    # RETR marked the message seen (Maildir S flag); TOP alone would not have
    assert stored_files(outbox)[0].name.endswith(":2,S")


def test_pop3_capabilities_and_sasl(outbox, authority) -> None:
    deliver(outbox, message(1))

    def client(boxes, label):
        pop = pop3_client(boxes, authority, "plain")
        before_tls = pop.capa()
        pop.stls(authority.client_context())
        after_tls = pop.capa()
        plain = base64.b64encode(b"\x00carol\x00" + PASSWORD.encode()).decode()
        answer = pop._shortcmd("AUTH PLAIN " + plain)
        after_login = pop.capa()
        pop.quit()
        # AUTH LOGIN by challenges, and AUTH alone listing the mechanisms
        pop = pop3_client(boxes, authority, "plain")
        mechanisms = pop._longcmd("AUTH")[1]
        pop._putcmd("AUTH LOGIN")
        assert pop._getline()[0] == b"+ " + base64.b64encode(b"Username:")
        pop._putcmd(base64.b64encode(b"dave").decode())
        assert pop._getline()[0] == b"+ " + base64.b64encode(b"Password:")
        pop._putcmd(base64.b64encode(PASSWORD.encode()).decode())
        login_answer = pop._getresp()
        pop.quit()
        return before_tls, after_tls, answer, after_login, mechanisms, login_answer

    (before_tls, after_tls, answer, after_login, mechanisms, login_answer), logins = serve(outbox, authority, client)
    assert "STLS" in before_tls and "STLS" not in after_tls
    assert before_tls["SASL"] == ["PLAIN", "LOGIN", "XOAUTH2"]
    assert {"TOP", "UIDL", "USER"} <= set(before_tls)
    assert answer.startswith(b"+OK maildrop has 1 messages")
    assert "SASL" not in after_login and "STLS" not in after_login
    assert mechanisms == [b"PLAIN", b"LOGIN", b"XOAUTH2"]
    assert login_answer.startswith(b"+OK")
    assert [(login.mechanism, login.user, login.security) for login in logins] == [
        ("plain", "carol", "starttls"),
        ("login", "dave", "plain"),
    ]


def test_pop3_xoauth2_is_put_to_the_validator(outbox, authority) -> None:
    seen: list[tuple[str, str]] = []

    def validator(user: str, token: str) -> bool:
        seen.append((user, token))
        return token == TOKEN

    def client(boxes, label):
        pop = pop3_client(boxes, authority, "tls")
        accepted = pop3_xoauth2(pop, "joe@example.com", TOKEN)
        pop.quit()
        pop = pop3_client(boxes, authority, "tls")
        with pytest.raises(poplib.error_proto, match=r"\[AUTH\]") as refused:
            pop3_xoauth2(pop, "joe@example.com", "wrong-token")
        pop.quit()
        return accepted, refused.value.args[0]

    (accepted, refused), logins = serve(outbox, authority, client, token_validator=validator)
    assert accepted.startswith(b"+OK")
    assert refused.startswith(b"-ERR [AUTH]")
    assert seen == [("joe@example.com", TOKEN), ("joe@example.com", "wrong-token")]
    assert [(login.mechanism, login.accepted) for login in logins] == [("xoauth2", True), ("xoauth2", False)]


# ---------------------------------------------------------------------- IMAP semantics


def test_imap_deleted_then_expunge_removes_the_file(outbox, authority) -> None:
    keys = [deliver(outbox, message(n)) for n in (1, 2, 3)]

    def client(boxes, label):
        imap = imap_client(boxes, authority, "plain")
        imap.login("joe", "pw")
        imap.select("INBOX")
        _, stored = imap.store("2", "+FLAGS", "(\\Deleted)")
        names_after_store = [path.name for path in stored_files(outbox)]
        _, deleted = imap.search(None, "DELETED")
        _, undeleted = imap.search(None, "UNDELETED")
        _, expunged = imap.expunge()
        _, count = imap.select("INBOX")
        imap.logout()
        return stored, names_after_store, deleted, undeleted, expunged, count

    (stored, names, deleted, undeleted, expunged, count), _ = serve(outbox, authority, client)
    assert b"\\Deleted" in stored[0]
    assert f"{keys[1]}:2,T" in names  # the flag is kept in the Maildir file name
    assert deleted == [b"2"] and undeleted == [b"1 3"]
    assert expunged == [b"2"]
    assert count == [b"2"]
    assert [path.name.split(":")[0] for path in stored_files(outbox)] == sorted([keys[0], keys[2]])


def test_imap_close_expunges_and_unselect_does_not(outbox, authority) -> None:
    for n in (1, 2):
        deliver(outbox, message(n))

    def client(boxes, label):
        imap = imap_client(boxes, authority, "plain")
        imap.login("joe", "pw")
        imap.select("INBOX")
        imap.store("1", "+FLAGS", "\\Deleted")
        imap.unselect()
        after_unselect = len(stored_files(outbox))
        imap.select("INBOX")
        imap.close()
        after_close = len(stored_files(outbox))
        imap.logout()
        return after_unselect, after_close

    assert serve(outbox, authority, client)[0] == (2, 1)


def test_imap_count_is_live(outbox, authority) -> None:
    deliver(outbox, message(1))

    def client(boxes, label):
        imap = imap_client(boxes, authority, "plain")
        imap.login("joe", "pw")
        _, first = imap.select("INBOX")
        first = list(first)
        imap.response("EXISTS")  # imaplib keeps adding to the list it returned: start afresh
        deliver(outbox, message(2))  # captured during the session
        imap.noop()
        exists = imap.response("EXISTS")
        _, second = imap.fetch("2", "(BODY.PEEK[])")
        # another session removes message 1: announced at the next NOOP
        other = imap_client(boxes, authority, "plain")
        other.login("joe", "pw")
        other.select("INBOX")
        other.store("1", "+FLAGS", "\\Deleted")
        other.expunge()
        other.logout()
        imap.noop()
        expunged = imap.response("EXPUNGE")
        _, remaining = imap.fetch("1:*", "(UID)")
        imap.logout()
        return first, exists, fetched_bodies(second), expunged, remaining

    (first, exists, second, expunged, remaining), _ = serve(outbox, authority, client)
    assert first == [b"1"]
    assert exists == ("EXISTS", [b"2"])
    assert second == [message(2)]
    assert expunged == ("EXPUNGE", [b"1"])
    assert remaining == [b"1 (UID 2)"]


def test_imap_a_capture_during_the_session_shows_after_the_next_command(outbox, authority) -> None:
    """End to end: the program sends through the capture SMTP server while its IMAP session is open."""

    async def scenario():
        async with CaptureServer(outbox, authority) as smtp, CaptureMailboxes(outbox, authority) as boxes:
            imap = await asyncio.to_thread(imap_client, boxes, authority, "plain")
            await asyncio.to_thread(imap.login, "joe", "pw")
            _, empty = await asyncio.to_thread(imap.select, "INBOX")
            empty = list(empty)
            imap.response("EXISTS")  # imaplib keeps adding to the list it returned: start afresh
            async with connected(smtp, authority) as client:
                await client.sendmail("a@example.com", ["b@example.com"], message(1))
            await asyncio.to_thread(imap.noop)
            exists = imap.response("EXISTS")
            _, body = await asyncio.to_thread(imap.fetch, "1", "(RFC822)")
            await asyncio.to_thread(imap.logout)
            return empty, exists, fetched_bodies(body)

    empty, exists, body = run_bounded(scenario)
    assert empty == [b"0"]
    assert exists == ("EXISTS", [b"1"])
    assert body == [message(1)]


def test_imap_seen_flag(outbox, authority) -> None:
    for n in (1, 2, 3):
        deliver(outbox, message(n))

    def client(boxes, label):
        imap = imap_client(boxes, authority, "plain")
        imap.login("joe", "pw")
        imap.select("INBOX", readonly=True)  # EXAMINE
        imap.fetch("1", "(BODY[])")  # read-only: no \Seen
        after_examine = [path.name for path in stored_files(outbox)]
        imap.select("INBOX")
        _, unseen_before = imap.search(None, "UNSEEN")
        imap.fetch("1", "(BODY.PEEK[] RFC822.HEADER BODY.PEEK[HEADER])")
        _, unseen_after_peek = imap.search(None, "UNSEEN")
        _, seen_fetch = imap.fetch("2", "(BODY[])")
        imap.fetch("3", "(BODY[TEXT])")
        _, unseen_after_read = imap.search(None, "UNSEEN")
        _, flags = imap.fetch("1:3", "(FLAGS)")
        imap.store("2", "-FLAGS", "\\Seen")
        _, unseen_after_store = imap.search(None, "UNSEEN")
        imap.logout()
        return after_examine, unseen_before, unseen_after_peek, seen_fetch, unseen_after_read, flags, unseen_after_store

    (after_examine, before, after_peek, seen_fetch, after_read, flags, after_store), _ = serve(
        outbox, authority, client
    )
    assert not any(":2," in name for name in after_examine)
    assert before == after_peek == [b"1 2 3"]
    assert b"\\Seen" in seen_fetch[-1]  # the FETCH that set \Seen says so
    assert after_read == [b"1"]
    assert [b"\\Seen" in line for line in flags] == [False, True, True]
    assert after_store == [b"1 2"]
    assert sum(path.name.endswith(":2,S") for path in stored_files(outbox)) == 1


def test_imap_uids_sequence_sets_and_flags_persist(outbox, authority) -> None:
    for n in range(1, 7):
        deliver(outbox, message(n))

    def client(boxes, label):
        imap = imap_client(boxes, authority, "plain")
        imap.login("joe", "pw")
        _, _ = imap.select("INBOX")
        validity = imap.response("UIDVALIDITY")
        uidnext = imap.response("UIDNEXT")
        _, some = imap.fetch("2,4:6", "(UID)")
        _, reversed_range = imap.fetch("3:2", "(UID)")
        _, by_uid = imap.uid("FETCH", "5:*", "(UID RFC822.SIZE)")
        _, beyond = imap.uid("FETCH", "100:*", "(UID)")  # n:* always names the last message
        imap.uid("STORE", "2,3", "+FLAGS", "(\\Flagged \\Answered)")
        _, flagged = imap.uid("SEARCH", None, "FLAGGED")
        _, search_range = imap.search(None, "2:4", "UNFLAGGED")
        imap.logout()
        again = imap_client(boxes, authority, "plain")
        again.login("joe", "pw")
        again.select("INBOX")
        _, flags_next_session = again.fetch("1:3", "(FLAGS)")
        _, bad = None, None
        try:
            again.fetch("7", "(UID)")
        except imaplib.IMAP4.error as error:
            bad = str(error)
        again.logout()
        return validity, uidnext, some, reversed_range, by_uid, beyond, flagged, search_range, flags_next_session, bad

    result, _ = serve(outbox, authority, client)
    validity, uidnext, some, reversed_range, by_uid, beyond, flagged, search_range, flags_next, bad = result
    assert int(validity[1][0]) > 0
    assert uidnext == ("UIDNEXT", [b"7"])
    assert some == [b"2 (UID 2)", b"4 (UID 4)", b"5 (UID 5)", b"6 (UID 6)"]
    assert reversed_range == [b"2 (UID 2)", b"3 (UID 3)"]
    assert [line.split(b" (")[0] for line in by_uid] == [b"5", b"6"]
    assert by_uid[0] == f"5 (UID 5 RFC822.SIZE {len(message(5))})".encode()
    assert beyond == [b"6 (UID 6)"]
    assert flagged == [b"2 3"]
    assert search_range == [b"4"]
    assert b"\\Flagged" not in flags_next[0] and b"\\Answered \\Flagged" not in flags_next[0]
    assert all(b"\\Answered" in line and b"\\Flagged" in line for line in flags_next[1:])
    assert bad is not None and "BAD" in bad


def test_imap_fetch_items(outbox, authority) -> None:
    content = accented_message()
    deliver(outbox, content)

    def client(boxes, label):
        imap = imap_client(boxes, authority, "plain")
        imap.login("joe", "pw")
        imap.select("INBOX")
        _, everything = imap.fetch(
            "1",
            "(UID FLAGS INTERNALDATE RFC822.SIZE ENVELOPE RFC822.HEADER BODY.PEEK[HEADER] BODY.PEEK[TEXT]"
            " BODY.PEEK[HEADER.FIELDS (FROM SUBJECT)] BODY.PEEK[HEADER.FIELDS.NOT (FROM SUBJECT)] BODY.PEEK[]<0.10>)",
        )
        _, fast = imap.fetch("1", "FAST")
        _, internal = imap.fetch("1", "(INTERNALDATE)")
        imap.logout()
        return everything, fast, internal

    (everything, fast, internal), _ = serve(outbox, authority, client)
    header, text = content.split(b"\r\n\r\n", 1)
    header += b"\r\n\r\n"
    literals = fetched_bodies(everything)
    assert literals[0] == header  # RFC822.HEADER
    assert literals[1] == header  # BODY[HEADER]
    assert literals[2] == text
    picked = literals[3].decode("ascii")
    assert picked.startswith("From: ") and "Subject: " in picked and "To:" not in picked
    assert picked.endswith("\r\n\r\n")
    assert "To: " in literals[4].decode("ascii") and "Subject:" not in literals[4].decode("ascii")
    assert literals[5] == content[:10]
    first_line = everything[0][0]
    assert b"ENVELOPE (" in first_line and b'"elodie" "example.com"' in first_line
    assert b"BODY[]<0> {10}" in everything[5][0]
    assert b"FLAGS (\\Recent) INTERNALDATE" in fast[0] and f"RFC822.SIZE {len(content)}".encode() in fast[0]
    date = re.search(rb'INTERNALDATE "([^"]+)"', internal[0])[1].decode()
    assert imaplib.Internaldate2tuple(b'INTERNALDATE "' + date.encode() + b'"') is not None


def test_imap_search_keys(outbox, authority) -> None:
    deliver(outbox, accented_message())
    deliver(outbox, message(2, subject="Invoice 42"))

    def client(boxes, label):
        imap = imap_client(boxes, authority, "plain")
        imap.login("joe", "pw")
        imap.select("INBOX")
        answers = {}
        for name, criteria in {
            "all": ("ALL",),
            "subject": ("SUBJECT", "invoice"),
            "accented": ("CHARSET", "UTF-8", "SUBJECT", '"café"'),
            "from": ("FROM", "elodie"),
            "body": ("BODY", '"message 2"'),
            "not": ("NOT", "SUBJECT", "invoice"),
            "or": ("OR", "SUBJECT", "invoice", "FROM", "elodie"),
            "larger": ("LARGER", "250"),
            "since": ("SINCE", "1-Jan-2000"),
            "before": ("BEFORE", "1-Jan-2000"),
            "new": ("NEW",),
            "uid": ("UID", "2"),
        }.items():
            if name == "accented":
                imap.literal = "café".encode()
                answers[name] = imap.search("UTF-8", "SUBJECT")[1]
            else:
                answers[name] = imap.search(None, *criteria)[1]
        imap.logout()
        return answers

    answers, _ = serve(outbox, authority, client)
    assert answers["all"] == [b"1 2"]
    assert answers["subject"] == [b"2"]
    assert answers["accented"] == [b"1"]
    assert answers["from"] == [b"1"]
    assert answers["body"] == [b"2"]
    assert answers["not"] == [b"1"]
    assert answers["or"] == [b"1 2"]
    assert answers["larger"] == [b"1"]
    assert answers["since"] == [b"1 2"] and answers["before"] == [b""]
    assert answers["new"] == [b"1 2"]
    assert answers["uid"] == [b"2"]


def test_imap_mailboxes_other_than_inbox(outbox, authority) -> None:
    deliver(outbox, message(1))

    def client(boxes, label):
        imap = imap_client(boxes, authority, "plain")
        imap.login("joe", "pw")
        listing = imap.list()
        pattern = imap.list('""', "%")
        status = imap.status("INBOX", "(MESSAGES UNSEEN UIDNEXT UIDVALIDITY RECENT)")
        sent = imap.select("Sent")
        lowercase = imap.select("inbox")
        create = imap.create("Archive")
        examine = imap.select("INBOX", readonly=True)
        store = imap.store("1", "+FLAGS", "\\Seen")
        imap.logout()
        return listing, pattern, status, sent, lowercase, create, examine, store

    (listing, pattern, status, sent, lowercase, create, examine, store), _ = serve(outbox, authority, client)
    assert listing == ("OK", [b'(\\HasNoChildren) "/" INBOX'])
    assert pattern == listing
    assert status[0] == "OK" and b"MESSAGES 1 UNSEEN 1 UIDNEXT 2" in status[1][0]
    assert sent[0] == "NO"
    assert lowercase == ("OK", [b"1"])
    assert create[0] == "NO"
    assert examine == ("OK", [b"1"])
    assert store[0] == "NO" and b"[READ-ONLY]" in store[1][0]


def test_imap_capabilities_and_authenticate(outbox, authority) -> None:
    def client(boxes, label):
        imap = imap_client(boxes, authority, "plain")
        before_tls = imap.capabilities
        imap.starttls(authority.client_context())
        after_tls = imap.capabilities
        answer = imap.authenticate("PLAIN", lambda _: b"\x00alice\x00" + PASSWORD.encode())
        imap.logout()
        imap = imap_client(boxes, authority, "tls")
        challenges = []

        def login_mechanism(challenge: bytes) -> bytes:
            challenges.append(challenge)
            return b"bob" if challenge == b"Username:" else PASSWORD.encode()

        imap.authenticate("LOGIN", login_mechanism)
        imap.logout()
        return before_tls, after_tls, answer, challenges

    (before_tls, after_tls, answer, challenges), logins = serve(outbox, authority, client)
    assert "STARTTLS" in before_tls and "STARTTLS" not in after_tls
    assert {"IMAP4REV1", "AUTH=PLAIN", "AUTH=LOGIN", "AUTH=XOAUTH2", "SASL-IR"} <= set(before_tls)
    assert answer[0] == "OK"
    assert challenges == [b"Username:", b"Password:"]
    assert [(login.mechanism, login.user, login.security) for login in logins] == [
        ("plain", "alice", "starttls"),
        ("login", "bob", "tls"),
    ]


def test_imap_xoauth2_is_put_to_the_validator(outbox, authority) -> None:
    def validator(user: str, token: str) -> bool:
        return token == TOKEN

    def client(boxes, label):
        imap = imap_client(boxes, authority, "tls", "imap.gmail.com")
        answer = imap.authenticate("XOAUTH2", lambda _: xoauth2("joe@gmail.com", TOKEN))
        imap.logout()
        imap = imap_client(boxes, authority, "tls")
        challenges = []

        def mechanism(challenge: bytes) -> bytes:
            challenges.append(challenge)
            return xoauth2("joe@gmail.com", "expired") if not challenges[1:] else b""

        with pytest.raises(imaplib.IMAP4.error, match="AUTHENTICATIONFAILED"):
            imap.authenticate("XOAUTH2", mechanism)
        state = imap.state
        imap.logout()
        return answer, challenges, state

    (answer, challenges, state), logins = serve(outbox, authority, client, token_validator=validator)
    assert answer[0] == "OK"
    # the refusal comes as Gmail's does: a JSON error as a challenge, then NO
    assert challenges[0] == b"" and b'"status":"401"' in challenges[1]
    assert state == "NONAUTH"
    assert [(login.mechanism, login.user, login.accepted) for login in logins] == [
        ("xoauth2", "joe@gmail.com", True),
        ("xoauth2", "joe@gmail.com", False),
    ]


def test_imap_xoauth2_by_initial_response(outbox, authority) -> None:
    async def body(boxes):
        raw = await Raw.open(boxes.imap_port)
        await raw.line()
        blob = base64.b64encode(xoauth2("joe", TOKEN))
        return await raw.tagged(b"a1", b"AUTHENTICATE XOAUTH2 " + blob)

    answer = raw_scenario(outbox, authority, body)
    assert answer[-1].startswith(b"a1 OK ")


def test_imap_literals_in_arguments(outbox, authority) -> None:
    deliver(outbox, message(1))

    async def body(boxes):
        raw = await Raw.open(boxes.imap_port)
        await raw.line()
        await raw.send(b"a1 LOGIN {8}\r\n")
        continuation = await raw.line()
        await raw.send(b'j "o" e\\ {12}\r\n')
        second = await raw.line()
        await raw.send(b'pass "w\\rd"\r\n')
        login = await raw.tagged(b"a1")
        select = await raw.tagged(b"a2", b'SELECT "INBOX"')
        # a non-synchronising literal (LITERAL+) is taken too
        search = await raw.tagged(b"a3", b"SEARCH CHARSET UTF-8 SUBJECT {7+}\r\nMessage")
        fetch = await raw.tagged(b"a4", b"FETCH 1 (BODY.PEEK[])")
        await raw.tagged(b"a5", b"LOGOUT")
        return continuation, second, login, select, search, fetch, boxes.logins

    continuation, second, login, select, search, fetch, logins = raw_scenario(outbox, authority, body)
    assert continuation.startswith(b"+ ") and second.startswith(b"+ ")
    assert login[-1].startswith(b"a1 OK")
    assert logins[0].user == 'j "o" e\\'
    assert select[-1].startswith(b"a2 OK [READ-WRITE]")
    assert search == [b"* SEARCH 1\r\n", b"a3 OK SEARCH completed\r\n"]
    size = len(message(1))
    assert fetch[0] == b"* 1 FETCH (BODY[] {%d}\r\n" % size
    assert b"".join(fetch[1:-1]) == message(1) + b")\r\n"


# ---------------------------------------------------------------------- secrets, errors, bounds


def test_secrets_are_never_recorded_stored_or_logged(outbox, authority, tmp_path, caplog) -> None:
    caplog.set_level(logging.DEBUG)
    deliver(outbox, message(1))

    def client(boxes, label):
        imap = imap_client(boxes, authority, "starttls")
        imap.login("joe", PASSWORD)
        imap.select("INBOX")
        imap.fetch("1", "(BODY[])")
        imap.logout()
        imap = imap_client(boxes, authority, "plain")
        imap.authenticate("PLAIN", lambda _: b"\x00joe\x00" + PASSWORD.encode())
        imap.logout()
        imap = imap_client(boxes, authority, "plain")
        imap.authenticate("XOAUTH2", lambda _: xoauth2("joe", TOKEN))
        imap.logout()
        pop = pop3_client(boxes, authority, "plain")
        pop.user("joe")
        pop.pass_(PASSWORD)
        pop.quit()
        pop = pop3_client(boxes, authority, "plain")
        pop._shortcmd("AUTH PLAIN " + base64.b64encode(b"\x00joe\x00" + PASSWORD.encode()).decode())
        pop.quit()
        pop = pop3_client(boxes, authority, "plain")
        pop3_xoauth2(pop, "joe", TOKEN)
        pop.quit()

    _, logins = serve(outbox, authority, client)
    assert len(logins) == 6
    secrets = [PASSWORD, TOKEN]
    encoded = [
        base64.b64encode(xoauth2("joe", TOKEN)).decode(),
        base64.b64encode(b"\x00joe\x00" + PASSWORD.encode()).decode(),
    ]
    for secret in secrets + encoded:
        assert secret not in repr(logins)
        assert secret not in caplog.text
        for path in tmp_path.rglob("*"):
            if path.is_file():
                assert secret.encode() not in path.read_bytes(), path
    assert any("IMAP login of 'joe'" in record.getMessage() for record in caplog.records)


def test_malformed_imap_commands_get_bad_without_tracebacks(outbox, authority, caplog) -> None:
    deliver(outbox, message(1))

    async def body(boxes):
        errors = watch_loop_errors()
        raw = await Raw.open(boxes.imap_port)
        await raw.line()
        answers = [
            await raw.command(b"no-space-after-tag"),
            await raw.command(b"+plus BAD TAG"),
            (await raw.tagged(b"a1", b"FROBNICATE"))[-1],
            (await raw.tagged(b"a2", b"SELECT INBOX"))[-1],  # before login
            (await raw.tagged(b"a3", b"LOGIN onlyuser"))[-1],
            (await raw.tagged(b"a4", b'LOGIN "unterminated pass'))[-1],
            (await raw.tagged(b"a5", b"AUTHENTICATE CRAM-MD5"))[-1],
            (await raw.tagged(b"a6", b"AUTHENTICATE PLAIN !!!notbase64"))[-1],
            (await raw.tagged(b"a7", b"LOGIN joe pw"))[-1],
            (await raw.tagged(b"a8", b"FETCH 1 (FLAGS)"))[-1],  # no mailbox selected
            (await raw.tagged(b"a9", b"SELECT INBOX"))[-1],
            (await raw.tagged(b"b1", b"FETCH 1:x (FLAGS)"))[-1],
            (await raw.tagged(b"b2", b"FETCH 5 (FLAGS)"))[-1],
            (await raw.tagged(b"b3", b"FETCH 1 (BODYSTRUCTURE)"))[-1],
            (await raw.tagged(b"b4", b"FETCH 1 (BODY.PEEK[1.MIME])"))[-1],
            (await raw.tagged(b"b5", b"STORE 1 +FLAGS (\\Recent)"))[-1],
            (await raw.tagged(b"b6", b"SEARCH SENTSINCE 1-Jan-2000"))[-1],
            (await raw.tagged(b"b7", b"UID EXPUNGE 1"))[-1],
            (await raw.tagged(b"b8", b"LOGIN {999999}"))[-1],  # a literal too large: refused before it comes
            (await raw.tagged(b"b9", b"NOOP extra"))[-1],
            (await raw.tagged(b"c1", b"FETCH 1 (UID)"))[-1],  # still working
        ]
        # ten bad commands in a row end the connection
        for number in range(10):
            await raw.send(b"z%d BOGUS\r\n" % number)
        tail = []
        while line := await raw.line():
            tail.append(line)
        return answers, tail, errors

    answers, tail, errors = raw_scenario(outbox, authority, body)
    assert answers[0] == b"* BAD Missing or invalid tag\r\n"
    assert answers[1] == b"* BAD Missing or invalid tag\r\n"
    expected = [b"a1 BAD", b"a2 BAD", b"a3 BAD", b"a4 BAD", b"a5 NO", b"a6 BAD", b"a7 OK", b"a8 BAD", b"a9 OK"]
    expected += [b"b1 BAD", b"b2 BAD", b"b3 BAD", b"b4 BAD", b"b5 BAD", b"b6 BAD", b"b7 BAD", b"b8 BAD", b"b9 BAD"]
    expected += [b"c1 OK"]
    assert [answer[: len(prefix)] for answer, prefix in zip(answers[2:], expected, strict=True)] == expected
    assert tail[-1] == b"* BYE Too many invalid commands\r\n"
    assert errors == []
    assert problems(caplog) == []


def test_malformed_pop3_commands_get_err_without_tracebacks(outbox, authority, caplog) -> None:
    deliver(outbox, message(1))

    async def body(boxes):
        raw = await Raw.open(boxes.pop3_port)
        await raw.line()
        answers = [
            await raw.command(b"FROB"),
            await raw.command(b"STAT"),  # before login
            await raw.command(b"PASS pw"),  # before USER
            await raw.command(b"USER"),
            await raw.command(b"AUTH CRAM-MD5"),
            await raw.command(b"AUTH PLAIN !!!"),
            await raw.command(b"AUTH XOAUTH2 " + base64.b64encode(b"not xoauth2")),
            await raw.command(b"USER joe"),
            await raw.command(b"PASS pw"),
            await raw.command(b"RETR"),
            await raw.command(b"RETR x"),
            await raw.command(b"RETR 0"),
            await raw.command(b"RETR 2"),
            await raw.command(b"TOP 1"),
            await raw.command(b"TOP 1 -1"),
            await raw.command(b"STAT now"),
            await raw.command(b"STLS"),  # only before login
            await raw.command(b"NOOP"),
        ]
        for _ in range(10):
            await raw.send(b"BOGUS\r\n")
        tail = []
        while line := await raw.line():
            tail.append(line)
        return answers, tail

    answers, tail = raw_scenario(outbox, authority, body)
    oks = [answer.startswith(b"+OK") for answer in answers]
    assert oks == [False] * 7 + [True, True] + [False] * 8 + [True]
    assert all(answer.startswith((b"+OK", b"-ERR ")) for answer in answers)
    assert tail[-1] == b"-ERR too many invalid commands, goodbye\r\n"
    assert len(stored_files(outbox)) == 1
    assert problems(caplog) == []


def test_long_lines_and_literals_end_the_connection(outbox, authority, caplog) -> None:
    async def body(boxes):
        results = []
        for port, line in [
            (boxes.imap_port, b"a1 LOGIN " + b"x" * 70_000 + b" pw\r\n"),
            (boxes.pop3_port, b"USER " + b"x" * 70_000 + b"\r\n"),
            (boxes.imap_port, b"a1 LOGIN {999999+}\r\n"),  # non-synchronising: its bytes would follow
            (boxes.imap_port, b"a1 AUTHENTICATE XOAUTH2\r\n" + b"x" * 70_000 + b"\r\n"),  # an answer to "+"
            (boxes.pop3_port, b"AUTH XOAUTH2\r\n" + b"x" * 70_000 + b"\r\n"),
        ]:
            raw = await Raw.open(port)
            await raw.line()
            await raw.send(line)
            answer = await raw.line()
            if answer.startswith(b"+ "):  # the challenge comes first
                answer = await raw.line()
            results.append((answer, await raw.eof()))
        return results

    results = raw_scenario(outbox, authority, body)
    assert results == [
        (b"* BYE Line too long\r\n", True),
        (b"-ERR line too long\r\n", True),
        (b"* BYE Literal too large\r\n", True),
        (b"* BYE Line too long\r\n", True),
        (b"-ERR line too long\r\n", True),
    ]
    assert problems(caplog) == []


def test_imap_idle_timeout_says_bye(outbox, authority) -> None:
    async def body(boxes):
        raw = await Raw.open(boxes.imap_port)
        await raw.line()
        started = time.monotonic()
        bye = await raw.line()
        return bye, await raw.eof(), time.monotonic() - started

    bye, eof, waited = raw_scenario(outbox, authority, body, idle_timeout=0.3)
    assert bye == b"* BYE Autologout; idle for too long\r\n" and eof
    assert 0.2 < waited < 3


def test_starttls_discards_what_was_sent_in_the_clear_after_it(outbox, authority) -> None:
    """RFC 2595/3501: commands piggy-backed on STARTTLS in the clear must not run inside TLS."""

    async def body(boxes):
        raw = await Raw.open(boxes.imap_port)
        await raw.line()
        await raw.send(b"a1 STARTTLS\r\na2 LOGIN mallory pw\r\n")
        assert (await raw.line()).startswith(b"a1 OK")
        await asyncio.sleep(0.05)
        await raw.writer.start_tls(authority.client_context(), server_hostname="imap.example.com")
        answer = await raw.tagged(b"a3", b"NOOP")
        pop = await Raw.open(boxes.pop3_port)
        await pop.line()
        await pop.send(b"STLS\r\nUSER mallory\r\nPASS pw\r\n")
        assert (await pop.line()).startswith(b"+OK")
        await asyncio.sleep(0.05)
        await pop.writer.start_tls(authority.client_context(), server_hostname="pop.example.com")
        stat = await pop.command(b"STAT")
        return answer, stat, list(boxes.logins)

    answer, stat, logins = raw_scenario(outbox, authority, body)
    assert answer == [b"a3 OK NOOP completed\r\n"]  # no a2 answer: it was dropped
    assert stat.startswith(b"-ERR")  # still not logged in
    assert logins == []


def test_clients_that_vanish_or_refuse_the_certificate_leave_no_traceback(outbox, authority, caplog) -> None:
    untrusting = ssl.create_default_context()  # trusts the system's roots, not our CA

    async def scenario():
        errors = watch_loop_errors()
        async with CaptureMailboxes(outbox, authority) as boxes:
            for port in (boxes.imap_port, boxes.imaps_port, boxes.pop3_port, boxes.pop3s_port):
                _, writer = await asyncio.open_connection(LOOPBACK, port)
                writer.transport.abort()
            for port in (boxes.imaps_port, boxes.pop3s_port):
                with pytest.raises(ssl.SSLError):
                    await asyncio.open_connection(LOOPBACK, port, ssl=untrusting, server_hostname="imap.example.com")
            raw = await Raw.open(boxes.imap_port)
            await raw.line()
            await raw.tagged(b"a1", b"STARTTLS")
            with pytest.raises(ssl.SSLError):
                await raw.writer.start_tls(untrusting, server_hostname="imap.example.com")
            raw.writer.transport.abort()
            await asyncio.sleep(0.1)

            def still_works():
                imap = imap_client(boxes, authority, "starttls")
                imap.login("joe", "pw")
                imap.logout()

            await asyncio.to_thread(still_works)
            logins = list(boxes.logins)
            await Raw.close_all()
        gc.collect()
        await asyncio.sleep(0)
        return errors, logins

    errors, logins = run_bounded(scenario)
    assert errors == []
    assert len(logins) == 1
    assert problems(caplog) == []


def test_runs_on_the_current_loop_without_threads(outbox, authority) -> None:
    async def scenario():
        before = threading.active_count()
        boxes = CaptureMailboxes(outbox, authority)
        with pytest.raises(RuntimeError, match="not running"):
            _ = boxes.imap_port
        async with boxes:
            assert threading.active_count() == before
            ports = {boxes.imap_port, boxes.imaps_port, boxes.pop3_port, boxes.pop3s_port}
            assert len(ports) == 4
            with pytest.raises(RuntimeError):
                await boxes.start()
        with pytest.raises(RuntimeError, match="not running"):
            _ = boxes.pop3_port

    run_bounded(scenario)


def test_stop_closes_connections_still_open(outbox, authority) -> None:
    async def scenario():
        boxes = CaptureMailboxes(outbox, authority)
        await boxes.start()
        imap, pop = await Raw.open(boxes.imap_port), await Raw.open(boxes.pop3_port)
        await imap.line()
        await pop.line()
        _, silent = await asyncio.open_connection(LOOPBACK, boxes.imaps_port)  # never starts its handshake
        port = boxes.imap_port
        started = time.monotonic()
        await asyncio.wait_for(boxes.stop(), 10)
        took = time.monotonic() - started
        assert await imap.eof() and await pop.eof()
        silent.close()
        await Raw.close_all()
        with pytest.raises(OSError):
            await asyncio.open_connection(LOOPBACK, port)
        return took

    assert run_bounded(scenario) < 3


def test_a_file_with_bare_line_feeds_is_served_with_crlf(outbox, authority) -> None:
    """A message dropped into the Maildir by hand (LF line ends) still goes out as the protocols require."""
    deliver(outbox, message(1).replace(b"\r\n", b"\n"))

    def client(boxes, label):
        imap = imap_client(boxes, authority, "plain")
        imap.login("joe", "pw")
        imap.select("INBOX")
        _, fetched = imap.fetch("1", "(RFC822.SIZE BODY.PEEK[])")
        imap.logout()
        pop = pop3_client(boxes, authority, "plain")
        pop.user("joe")
        pop.pass_("pw")
        size = pop.list(1)
        pop.quit()
        return fetched, size

    (fetched, size), _ = serve(outbox, authority, client)
    assert fetched_bodies(fetched) == [message(1)]
    assert f"RFC822.SIZE {len(message(1))}".encode() in fetched[0][0]
    assert size == f"+OK 1 {len(message(1))}".encode()


def test_a_validator_that_crashes_refuses_the_token(outbox, authority, caplog) -> None:
    def validator(user: str, token: str) -> bool:
        raise RuntimeError(f"boom {token}")

    def client(boxes, label):
        imap = imap_client(boxes, authority, "plain")
        with pytest.raises(imaplib.IMAP4.error, match="AUTHENTICATIONFAILED"):
            imap.authenticate("XOAUTH2", lambda _: xoauth2("joe", TOKEN))
        imap.logout()

    _, logins = serve(outbox, authority, client, token_validator=validator)
    assert [login.accepted for login in logins] == [False]
    assert "validator failed (RuntimeError)" in caplog.text
    assert TOKEN not in caplog.text
