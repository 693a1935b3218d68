"""Reading the outbox back: the listing from index.jsonl, and one message rendered for people."""

from __future__ import annotations

import json
import mailbox
from email.message import EmailMessage
from email.policy import SMTP as SMTP_POLICY
from pathlib import Path

import pytest

from stdlib_email.capture import INDEX_FILE, CapturedMessage, CaptureServer
from stdlib_email.outbox import MessageNotFound, format_listing, list_messages, show
from stdlib_email.tls import CertificateAuthority

from .capture_helpers import connected, run_bounded, simple_message

PASSWORD = "hunter2-Ünïcode"


@pytest.fixture(scope="module")
def authority(tmp_path_factory: pytest.TempPathFactory) -> CertificateAuthority:
    return CertificateAuthority.load_or_create(tmp_path_factory.mktemp("ca"))


@pytest.fixture
def outbox(tmp_path: Path) -> Path:
    return tmp_path / "wl-outbox"


def rich_message() -> EmailMessage:
    message = EmailMessage(policy=SMTP_POLICY)
    message["From"] = "Zoé Dupré <zoe@exemple.fr>"
    message["To"] = "Bob <bob@example.com>"
    message["Cc"] = "Ørjan <orjan@example.no>"
    message["Subject"] = "Réunion à 10 h : l'été arrive"
    message["Message-ID"] = "<reunion@exemple.fr>"
    message.set_content("Bonjour à tous,\nvoici le rapport de l'été.\n")
    message.add_alternative("<p>Bonjour à tous,<br>voici le rapport de l'été.</p>", subtype="html")
    message.add_attachment(
        b"%PDF-1.4 " + b"x" * 12336, maintype="application", subtype="pdf", filename="rapport été.pdf"
    )
    message.add_attachment("a few notes\n", filename="notes.txt")
    return message


def capture(outbox: Path, authority: CertificateAuthority, messages: list[bytes]) -> list[CapturedMessage]:
    """Send ``messages`` through a capture server, as a program naming smtp.gmail.com:587 would."""

    async def scenario() -> list[CapturedMessage]:
        async with CaptureServer(outbox, authority) as server:
            async with connected(
                server, authority, security="starttls", sni="smtp.gmail.com", label="smtp.gmail.com:587"
            ) as client:
                await client.auth_login("alice@gmail.com", PASSWORD)
                for content in messages:
                    await client.sendmail("zoe@exemple.fr", ["bob@example.com", "hidden@example.com"], content)
            return server.messages

    return run_bounded(scenario)


def file_by_hand(outbox: Path, content: bytes, **fields: object) -> CapturedMessage:
    """Put a message and its index line in the outbox without a server (for odd cases)."""
    key = mailbox.Maildir(outbox, create=True).add(content)
    values: dict[str, object] = {
        "mail_from": "a@example.com",
        "rcpt_tos": ["b@example.com"],
        "subject": "Odd",
        "from_header": "",
        "security": "plain",
        "auth": "none",
        "user": "",
        "server": "127.0.0.1:2525",
        "path": outbox / "new" / key,
        "received": "2024-05-01T09:30:00+02:00",
    }
    values.update(fields)
    record = CapturedMessage(**values)
    with open(outbox / INDEX_FILE, "a", encoding="utf-8") as index:
        index.write(json.dumps(record.index_record(outbox), ensure_ascii=False) + "\n")
    return record


# ---------------------------------------------------------------------- list_messages


def test_lists_what_the_server_captured(outbox: Path, authority: CertificateAuthority) -> None:
    records = capture(outbox, authority, [simple_message("one"), simple_message("two")])
    assert list_messages(outbox) == records
    assert [message.subject for message in list_messages(outbox)] == ["one", "two"]


def test_an_outbox_without_index_is_empty(tmp_path: Path) -> None:
    assert list_messages(tmp_path / "nowhere") == []
    assert list_messages(tmp_path) == []


def test_skips_lines_a_crashed_run_or_a_stranger_left(outbox: Path) -> None:
    first = file_by_hand(outbox, simple_message("first"), subject="first")
    with open(outbox / INDEX_FILE, "a", encoding="utf-8") as index:
        index.write('\n   \nnot json at all\n[1, 2]\n"text"\n{"mail_from": "no other field"}\n')
    second = file_by_hand(outbox, simple_message("second"), subject="second")
    with open(outbox / INDEX_FILE, "a", encoding="utf-8") as index:
        index.write('{"mail_from": "half a li')  # the run died while writing
    assert list_messages(outbox) == [first, second]


# ---------------------------------------------------------------------- format_listing


def test_listing_table(outbox: Path, authority: CertificateAuthority) -> None:
    capture(outbox, authority, [simple_message("=?utf-8?q?R=C3=A9union?="), simple_message("x" * 100)])
    lines = format_listing(list_messages(outbox)).splitlines()
    assert lines[0].split() == ["#", "Date", "From", "To", "Subject", "Server", "Security", "Auth"]
    assert lines[1].startswith("1  ")
    assert lines[2].startswith("2  ")
    for expected in [
        "zoe@exemple.fr",
        "bob@example.com, hidden@example.com",
        "Réunion",
        "smtp.gmail.com:587",
        "starttls",
        "login (alice@gmail.com)",
    ]:
        assert expected in lines[1]
    assert "x" * 39 + "…" in lines[2] and "x" * 41 not in lines[2]
    # columns line up
    assert len({line.index("smtp.gmail.com:587") for line in lines[1:]}) == 1
    assert lines[0].index("Server") == lines[1].index("smtp.gmail.com:587")
    assert all(line == line.rstrip() for line in lines)


def test_listing_date_and_wide_characters(outbox: Path) -> None:
    file_by_hand(outbox, simple_message(), subject="会議の件", received="2024-05-01T09:30:00+02:00")
    file_by_hand(outbox, simple_message(), subject="plain", received="2024-05-02T10:00:00+02:00")
    lines = format_listing(list_messages(outbox)).splitlines()
    assert "2024-05-01 09:30" in lines[1]
    # a CJK character takes two columns: the server column still starts at one place
    # (four code points taking eight columns, against "plain" and three blanks)
    assert lines[1].index("127.0.0.1") == lines[2].index("127.0.0.1") - 4


def test_listing_of_nothing() -> None:
    assert format_listing([]) == "No captured messages."


# ---------------------------------------------------------------------- show


def test_show_renders_a_message_for_reading(outbox: Path, authority: CertificateAuthority) -> None:
    capture(outbox, authority, [simple_message("first"), rich_message().as_bytes()])
    text = show(outbox, 2)
    assert text.startswith("Message 2 of 2, captured ")
    assert "Server:    smtp.gmail.com:587  (security: starttls, auth: login, user alice@gmail.com)" in text
    assert "MAIL FROM <zoe@exemple.fr>" in text
    assert "RCPT TO <bob@example.com>, <hidden@example.com>" in text
    # headers, decoded from RFC 2047
    assert "Subject: Réunion à 10 h : l'été arrive" in text
    assert "From: Zoé Dupré <zoe@exemple.fr>" in text
    assert "Cc: Ørjan <orjan@example.no>" in text
    assert "=?utf-8?" not in text
    assert "Bcc" not in text and "hidden@example.com>" not in text.split("Stored in:")[1]
    # bodies and attachments
    assert "--- text body ---\nBonjour à tous,\nvoici le rapport de l'été." in text
    assert "--- HTML body: 53 characters, not shown ---" in text  # 52 and the newline set_content adds
    assert "rapport été.pdf  (application/pdf, 12,345 bytes, attachment)" in text
    assert "notes.txt  (text/plain, 13 bytes, attachment)" in text  # as sent: with a CRLF
    assert PASSWORD not in text


def test_show_numbers_from_one_in_listing_order(outbox: Path, authority: CertificateAuthority) -> None:
    capture(outbox, authority, [simple_message("one"), simple_message("two")])
    assert "Subject: one" in show(outbox, 1)
    assert "Subject: two" in show(outbox, 2)
    for number in (0, 3, -1):
        with pytest.raises(MessageNotFound, match="holds 2 messages"):
            show(outbox, number)


def test_show_a_message_with_no_text_part(outbox: Path) -> None:
    message = EmailMessage()
    message["Subject"] = "HTML only"
    message.set_content("<h1>Bonjour</h1>", subtype="html")
    file_by_hand(outbox, message.as_bytes())
    text = show(outbox, 1)
    assert "HTML body: 17 characters, not shown" in text
    assert "Attachments" not in text


def test_show_survives_an_unknown_charset(outbox: Path) -> None:
    content = b"Subject: odd\r\nContent-Type: text/plain; charset=x-unknown\r\n\r\ncaf\xe9 ok\r\n"
    file_by_hand(outbox, content)
    assert "caf\N{REPLACEMENT CHARACTER} ok" in show(outbox, 1)


def test_show_finds_a_message_a_reader_moved_to_cur(outbox: Path) -> None:
    record = file_by_hand(outbox, simple_message("moved"))
    record.path.rename(outbox / "cur" / f"{record.path.name}:2,S")
    assert "Subject: moved" in show(outbox, 1)


def test_show_reports_a_missing_message_file(outbox: Path) -> None:
    file_by_hand(outbox, simple_message()).path.unlink()
    with pytest.raises(MessageNotFound, match="missing"):
        show(outbox, 1)
