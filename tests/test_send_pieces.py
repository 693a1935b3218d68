"""Sending without copies: ``mime.render`` gives the bytes ``build().as_bytes()`` gives, DATA carries what aiosmtplib would.

bench/send.py found that sending a 20 MB attachment peaked at 8x the message; the fix renders
attachments outside the email package and sends the message in pieces. These tests hold it to
byte-for-byte the old behaviour.
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import os
import random
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from aiosmtplib.protocol import LINE_ENDINGS_REGEX, PERIOD_REGEX
from hypothesis import given
from hypothesis import strategies as st

import stdlib_email.smtp
from stdlib_email import mime
from stdlib_email.message import Email, EmailAttach, EmailStructure
from stdlib_email.smtp import wire_pieces

from .conftest import run
from .smtp_servers import smtp_server

NOW = dt.datetime(2026, 3, 4, 5, 6, 7, tzinfo=dt.UTC)
BLOCK = 57 * 16384  # the bytes mime encodes per piece


def old_and_new(mail: Email, bcc_header: bool = False) -> tuple[bytes, list[bytes]]:
    """The message as build().as_bytes() made it, and as render's pieces, with the same random boundary."""
    mail.message_id = "<fixed@example.com>"
    random.seed(2026)
    old = mime.build(mail, bcc_header=bcc_header, now=NOW).as_bytes()
    random.seed(2026)
    return old, mime.render(mail, bcc_header=bcc_header, now=NOW)


@pytest.mark.parametrize("size", [0, 1, 2, 3, 56, 57, 58, 1000, BLOCK - 1, BLOCK, BLOCK + 1, 2 * BLOCK + 57])
def test_render_gives_the_bytes_the_email_package_gives(size: int):
    mail = Email("Ada Lovelace <ada@example.com>", ["bob@example.org", "Zoé <zoe@example.fr>"], "Ordre du jour — réunion",
                 "Bonjour,\nvoici l'ordre du jour.", html="<p>Bonjour</p>" if size % 2 else "", bcc=["hidden@example.com"])
    mail.attachments.add(EmailAttach("data.bin", os.urandom(size)))
    mail.attachments.add(EmailAttach("notes.txt", b"line\n.starts with a dot\r\nend", inline=True, content_id="n1"))
    mail.attachments.add(EmailAttach("empty.pdf", b""))
    for bcc_header in (False, True):
        old, pieces = old_and_new(mail, bcc_header)
        assert b"".join(pieces) == old
        assert all(piece.endswith(b"\r\n") for piece in pieces[:-1])  # every piece starts a line
        assert wire_pieces(pieces) == [p for p in pieces if p]  # ready for DATA as they are: nothing copied


def test_attachments_are_cut_in_the_lines_encodebytes_cuts():
    assert mime._BASE64_LINE == base64.MAXBINSIZE == 57 and mime._BASE64_BLOCK % mime._BASE64_LINE == 0


def test_render_without_attachments_and_from_the_legacy_structure(tmp_path: Path):
    plain = Email("ada@example.com", ["bob@example.org"], "hello", "body")
    old, pieces = old_and_new(plain)
    assert pieces == [old]
    file = tmp_path / "report.csv"
    file.write_bytes(b"a;b\n1;2\n" * 5000)
    legacy = EmailStructure()
    legacy.sender = "ada@example.com"
    legacy.recipients = "bob@example.org"
    legacy.attachments = str(file)
    old, pieces = old_and_new(legacy)
    assert b"".join(pieces) == old and len(pieces) > 1


def aiosmtplib_data(data: bytes) -> bytes:
    """What aiosmtplib's own DATA sends before the final '.' line."""
    data = LINE_ENDINGS_REGEX.sub(b"\r\n", data)
    if not data.endswith(b"\r\n"):
        data += b"\r\n"
    return PERIOD_REGEX.sub(b"..", data)


LINE_STUFF = st.sampled_from([b"", b"a", b".", b"..", b"\r", b"\n", b"\r\n", b"\n.", b"x\r", b"\r\r\n", b"From x", b"\xc3\xa9"])


@given(st.lists(st.lists(LINE_STUFF, max_size=12).map(b"".join), max_size=6))
def test_data_pieces_are_what_aiosmtplib_would_send(pieces: list[bytes]):
    assert b"".join(wire_pieces(list(pieces))) == aiosmtplib_data(b"".join(pieces))


def test_a_big_attachment_arrives_whole_and_source_is_what_was_sent(tmp_path: Path):
    big = tmp_path / "big.bin"
    big.write_bytes(os.urandom(3 * 1024 * 1024 + 5))  # more than the socket takes at once: the send waits for it to drain
    text = """
S is emailSMTPSession
S.ServerAddress = "127.0.0.1"
S.Port = {port}
S.StartSession()
M is Email
M.Sender = "ada@example.com"
M.Recipient.Add("bob@example.org")
M.Subject = "big"
M.Message = "see attached" + CR + ".a line with a dot"
EmailLoadAttachment(M, "{path}")
IF EmailSendMessage(S, M) THEN Trace(M.Source)
S.CloseSession()
"""
    with smtp_server() as (port, handler):
        outcome = run(text.format(port=port, path=big), smtp="live")
        assert outcome.status == "ok", outcome.diagnostics
    received = handler.messages[0][2]  # as aiosmtpd hands it over: dots unstuffed
    source = outcome.runtime.output[0].text
    assert received == source.replace("\n", "\r\n").encode()  # the output turns CRLF into LF
    assert b"\r\n.a line with a dot\r\n" in received
    attachment = mime.parse_source(received).get_payload()[1]
    assert attachment.get_payload(decode=True) == big.read_bytes()


def test_source_reads_the_sent_bytes_and_can_be_assigned():
    mail = Email()
    mail.keep_source([b"Subject: x\r\n", b"\r\nbody \xc3\xa9\r\n"])
    assert mail.source == "Subject: x\r\n\r\nbody é\r\n"
    copy = mail.copy()
    mail.source = "replaced"
    assert mail.source == "replaced" and copy.source == "Subject: x\r\n\r\nbody é\r\n"


# ------------------------------------------------------------------------------ a server slower than the client


@contextlib.contextmanager
def reluctant_server(pause: float) -> Iterator[tuple[int, list[bytes]]]:
    """An SMTP server that, after answering DATA, waits ``pause`` seconds before reading the message
    (forever if ``pause`` is negative); yields its port and the messages it read."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    listener.settimeout(5)
    messages: list[bytes] = []
    stop = threading.Event()

    def serve() -> None:
        try:
            conn, _ = listener.accept()
        except OSError:
            return
        with conn, conn.makefile("rb") as reader:
            conn.sendall(b"220 slow\r\n")
            for line in reader:
                verb = line[:4].upper()
                if verb == b"DATA":
                    conn.sendall(b"354 go ahead\r\n")
                    stop.wait(pause if pause >= 0 else 30)
                    if stop.is_set():
                        return
                    lines = []
                    for data_line in reader:
                        if data_line == b".\r\n":
                            break
                        lines.append(data_line)
                    messages.append(b"".join(lines))
                    conn.sendall(b"250 OK\r\n")
                elif verb == b"QUIT":
                    conn.sendall(b"221 bye\r\n")
                    return
                elif verb == b"EHLO":
                    conn.sendall(b"250-slow\r\n250 8BITMIME\r\n")
                else:
                    conn.sendall(b"250 OK\r\n")

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1], messages
    finally:
        stop.set()
        listener.close()
        thread.join(timeout=5)


class SmallBufferSocket(socket.socket):
    """A client socket with a small send buffer, so that a big message fills it and the send has to wait."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 65536)


BIG_SEND = """
EmailSetTimeOut({timeout})
S is emailSMTPSession
S.ServerAddress = "127.0.0.1"
S.Port = {port}
S.StartSession()
M is Email
M.Sender = "ada@example.com"
M.Recipient.Add("bob@example.org")
EmailLoadAttachment(M, "{path}")
IF EmailSendMessage(S, M) THEN
\tTrace("sent")
ELSE
\tTrace(ErrorInfo())
END
S.CloseSession()
"""


def test_a_big_message_waits_for_a_slow_server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(stdlib_email.smtp.socket, "socket", SmallBufferSocket)
    big = tmp_path / "big.bin"
    big.write_bytes(os.urandom(2 * 1024 * 1024))
    with reluctant_server(pause=0.3) as (port, messages):
        outcome = run(BIG_SEND.format(timeout=10, port=port, path=big), smtp="live")
    assert [e["text"] for e in outcome.report()["output"]] == ["sent"]
    assert mime.parse_source(messages[0]).get_payload()[1].get_payload(decode=True) == big.read_bytes()


def test_a_server_that_stops_reading_the_message_times_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(stdlib_email.smtp.socket, "socket", SmallBufferSocket)
    big = tmp_path / "big.bin"
    big.write_bytes(os.urandom(4 * 1024 * 1024))
    started = time.monotonic()
    with reluctant_server(pause=-1) as (port, _messages):
        outcome = run(BIG_SEND.format(timeout=1, port=port, path=big), smtp="live")
    lines = [e["text"] for e in outcome.report()["output"]]
    assert len(lines) == 1 and "stopped answering during DATA" in lines[0], lines
    assert time.monotonic() - started < 10
