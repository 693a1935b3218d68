"""Reading mail from a real Dovecot on loopback: POP3, POP3S, IMAP with STARTTLS, IMAPS, XOAUTH2, and messages of every shape."""

from __future__ import annotations

import email.policy
from email.message import EmailMessage
from pathlib import Path

import pytest

from .conftest import run
from .dovecot import ALICE, DEFAULT_USERS, dovecot_fixture  # noqa: F401 - the "dovecot" fixture

PASSWORD = DEFAULT_USERS[ALICE]


@pytest.fixture
def trusting(dovecot, monkeypatch):
    """The client trusts Dovecot's certificate (OpenSSL reads SSL_CERT_FILE)."""
    monkeypatch.setenv("SSL_CERT_FILE", str(dovecot.ca_file))
    return dovecot


def raw(message: EmailMessage) -> bytes:
    return message.as_bytes(policy=email.policy.SMTP)


def plain_message(subject: str, body: str = "body", sender: str = "carol@example.test") -> bytes:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = ALICE
    message["Subject"] = subject
    message["Date"] = "Mon, 23 Nov 2026 10:00:00 +0100"
    message.set_content(body)
    return raw(message)


def session_program(kind: str, port: int, option: str, body: str, *, user: str = ALICE, password: str = PASSWORD) -> str:
    return f"""
EmailSetTimeOut(10)
S is {kind}
S.ServerAddress = "localhost"
S.Port = {port}
S.Option = {option}
S.Name = "{user}"
S.Password = "{password}"
IF NOT S.StartSession() THEN
\tTrace("open failed: " + ErrorInfo())
\tRETURN
END
{body}
S.CloseSession()
"""


READ_ALL = """
Trace(EmailNbMessage(S))
M is Email
EmailReadFirst(S, M)
WHILE NOT M.Out
\tTrace(M.Subject)
\tEmailReadNext(S, M)
END
"""


def lines(outcome) -> list[str]:
    assert outcome.status == "ok", outcome.diagnostics
    return [entry["text"] for entry in outcome.report()["output"]]


@pytest.mark.parametrize(
    ("kind", "port_name", "option"),
    [
        ("emailPOP3Session", "pop3_port", "emailOptionDefault"),
        ("emailPOP3Session", "pop3_port", "emailProtocolSMTPS"),
        ("emailPOP3Session", "pop3s_port", "optionTLS"),
        ("emailIMAPSession", "imap_port", "emailProtocolSMTPS"),
        ("emailIMAPSession", "imaps_port", "optionTLS"),
    ],
)
def test_each_protocol_and_security(trusting, kind: str, port_name: str, option: str):
    for subject in ("first", "second", "third"):
        trusting.add_message(ALICE, plain_message(subject))
    outcome = run(session_program(kind, getattr(trusting, port_name), option, READ_ALL), smtp="live")
    assert lines(outcome) == ["3", "first", "second", "third"]


def test_messages_come_back_intact(trusting):
    mixed = EmailMessage()
    mixed["From"] = "Zoé Dupré <zoe@example.test>"
    mixed["To"] = ALICE
    mixed["Subject"] = "Réunion — café ☕"
    mixed.set_content("Bonjour à tous")
    mixed.add_alternative("<p>Bonjour <b>à tous</b></p>", subtype="html")
    mixed.add_attachment(b"\x00\x01binary\xff", maintype="application", subtype="octet-stream", filename="données.bin")
    html_only = EmailMessage()
    html_only["From"] = "h@example.test"
    html_only["To"] = ALICE
    html_only["Subject"] = "html only"
    html_only.set_content("<h1>Titre</h1>", subtype="html")
    latin = (
        b"From: =?iso-8859-1?q?Ren=E9?= <rene@example.test>\r\nTo: alice@example.test\r\n"
        b"Subject: =?iso-8859-1?q?Caf=E9_cr=E8me?=\r\nMIME-Version: 1.0\r\n"
        b"Content-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
        b"D\xe9j\xe0 vu\r\n"
    )
    for message in (raw(mixed), raw(html_only), latin):
        trusting.add_message(ALICE, message)
    body = """
M is Email
FOR n = 1 TO EmailNbMessage(S)
\tEmailReadMessage(S, M, n)
\tTrace(M.Sender + " | " + M.Subject + " | " + NoSpace(M.Message) + " | " + M.HTML + " | " + M.NbAttach)
\tFOR EACH A OF M.Attach
\t\tTrace(A.Name, Length(A.Content))
\tEND
END
"""
    outcome = run(session_program("emailIMAPSession", trusting.imaps_port, "optionTLS", body), smtp="live")
    assert lines(outcome) == [
        "Zoé Dupré <zoe@example.test> | Réunion — café ☕ | Bonjour à tous | <p>Bonjour <b>à tous</b></p>\n | 1",
        "données.bin 9",
        "h@example.test | html only |  | <h1>Titre</h1>\n | 0",
        "René <rene@example.test> | Café crème | Déjà vu |  | 0",
    ]


def test_pop3_deletes_at_quit(trusting):
    for subject in ("keep", "drop", "keep too"):
        trusting.add_message(ALICE, plain_message(subject))
    body = """
M is Email
EmailReadFirst(S, M)
WHILE NOT M.Out
\tIF M.Subject = "drop" THEN
\t\tEmailDeleteMessage(S, M)
\t\tTrace("deleted; still counted:", EmailNbMessage(S))
\tEND
\tEmailReadNext(S, M)
END
"""
    outcome = run(session_program("emailPOP3Session", trusting.pop3s_port, "optionTLS", body), smtp="live")
    assert lines(outcome) == ["deleted; still counted: 3"]
    assert len(trusting.messages(ALICE)) == 2  # removed when the session closed


def test_imap_deletes_and_expunges_at_close(trusting):
    for subject in ("a", "b"):
        trusting.add_message(ALICE, plain_message(subject))
    body = """
M is Email
EmailReadFirst(S, M)
EmailDeleteMessage(S, M)
Trace(M.Out)
"""
    outcome = run(session_program("emailIMAPSession", trusting.imap_port, "emailProtocolSMTPS", body), smtp="live")
    assert lines(outcome) == ["1"]
    assert len(trusting.messages(ALICE)) == 1


def test_get_all_reads_headers_first_and_bodies_on_use(trusting):
    for subject in ("one", "two"):
        trusting.add_message(ALICE, plain_message(subject, body=f"body of {subject}"))
    body = """
All is array of Email = EmailGetAll(S)
Trace(ArrayCount(All))
FOR EACH M OF All
\tTrace(M.Subject, NoSpace(M.Message))
END
Full is array of Email = S.GetAll(ertFull)
Trace(NoSpace(Full[2].Message))
"""
    outcome = run(session_program("emailIMAPSession", trusting.imaps_port, "optionTLS", body), smtp="live")
    assert lines(outcome) == ["2", "one body of one", "two body of two", "body of two"]


def test_headers_then_size_then_the_whole_message(trusting):
    trusting.add_message(ALICE, plain_message("small"))
    trusting.add_message(ALICE, plain_message("large", body="x" * 50_000))
    body = """
FOR n = 1 TO EmailNbMessage(S)
\tEmailReadMessageHeader(S, n)
\tIF EmailMessageSize(S, n) < 10000 THEN
\t\tEmailReadMessage(S, n)
\t\tTrace(Email.Subject, "read:", NoSpace(Email.Message))
\tELSE
\t\tTrace(Email.Subject, "skipped")
\tEND
END
"""
    outcome = run(session_program("emailPOP3Session", trusting.pop3_port, "emailOptionDefault", body), smtp="live")
    assert lines(outcome) == ["small read: body", "large skipped"]


def test_legacy_functions(trusting):
    trusting.add_message(ALICE, plain_message("legacy"))
    text = f"""
IF EmailStartPOP3Session("{ALICE}", "{PASSWORD}", "localhost", {trusting.pop3s_port}, optionTLS) THEN
\tTrace(EmailNbMessage("{ALICE}"))
\tEmailReadFirst("{ALICE}")
\tTrace(Email.Subject, Email.Out)
\tEmailReadNext("{ALICE}")
\tTrace(Email.Out)
\tEmailCloseSession("{ALICE}")
ELSE
\tTrace(ErrorInfo())
END
IF EmailStartIMAPSession("{ALICE}", "{PASSWORD}", "localhost", {trusting.imaps_port}, optionTLS) THEN
\tTrace(EmailNbMessage("{ALICE}"))
\tEmailCloseSession("{ALICE}")
END
"""
    assert lines(run(text, smtp="live")) == ["1", "legacy 0", "1", "1"]


def test_xoauth2_for_imap(trusting):
    trusting.add_token("ya29.dovecot-token", ALICE)
    trusting.add_message(ALICE, plain_message("via oauth"))
    text = f"""
S is emailIMAPSession
S.ServerAddress = "localhost"
S.Port = {trusting.imaps_port}
S.Option = optionTLS
S.Name = "{ALICE}"
S.AuthToken = "ya29.dovecot-token"
IF S.StartSession() THEN
\tEmailReadFirst(S)
\tTrace(Email.Subject)
ELSE
\tTrace(ErrorInfo())
END
"""
    assert lines(run(text, smtp="live")) == ["via oauth"]


def test_wrong_password_and_unknown_message(trusting):
    outcome = run(session_program("emailIMAPSession", trusting.imaps_port, "optionTLS", "", password="wrong"), smtp="live")
    (line,) = lines(outcome)
    assert line.startswith(f"open failed: the IMAP server localhost:{trusting.imaps_port} refused the sign-in of user '{ALICE}'")
    assert "wrong" not in line.split(":", 1)[1].replace("wrong password", "")
    body = 'Trace(EmailReadMessage(S, 5), ErrorInfo())\n'
    outcome = run(session_program("emailPOP3Session", trusting.pop3_port, "emailOptionDefault", body), smtp="live")
    assert lines(outcome) == ["0 there is no message 5: the mailbox holds 0"]


def test_certificate_checks_apply_to_receiving(dovecot):
    # not trusting Dovecot's self-signed certificate: refused, unless IgnoreError says so
    body = "Trace(EmailNbMessage(S))"
    outcome = run(session_program("emailIMAPSession", dovecot.imaps_port, "optionTLS", body), smtp="live")
    assert "self-signed certificate" in lines(outcome)[0]
    text = session_program("emailIMAPSession", dovecot.imaps_port, "optionTLS", body).replace(
        "S.Option = optionTLS", "S.Option = optionTLS\nS.IgnoreError = emailSessionIgnoreCertificateInvalid")
    assert lines(run(text, smtp="live")) == ["0"]


def test_save_attachment(trusting, tmp_path: Path):
    message = EmailMessage()
    message["From"] = "a@example.test"
    message["To"] = ALICE
    message["Subject"] = "with a file"
    message.set_content("see attached")
    message.add_attachment(b"report data", maintype="text", subtype="plain", filename="report.txt")
    trusting.add_message(ALICE, raw(message))
    target = tmp_path / "saved.txt"
    body = f"""
EmailReadFirst(S)
Trace(Email.Attach[1], EmailSaveAttachment("report.txt", "{target}"))
M is Email
EmailReadFirst(S, M)
Trace(M.Attach[1].Save("{target}.2"))
"""
    outcome = run(session_program("emailPOP3Session", trusting.pop3_port, "emailOptionDefault", body), smtp="live")
    assert lines(outcome) == ["report.txt 1", "1"]
    assert target.read_bytes() == b"report data"
    assert Path(f"{target}.2").read_bytes() == b"report data"
