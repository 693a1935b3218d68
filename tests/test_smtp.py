"""Sending through real SMTP servers on loopback: every security mode, sign-in, certificate policy and failure."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from .bad_certificates import expired_context, self_signed_context, wrong_host_context
from .conftest import run
from .smtp_servers import Behaviour, free_port, make_authority, raw_server, smtp_server, trusted_context

SECRET = "pw-S3CRET-never-shown"

PROGRAM = """
EmailSetTimeOut({timeout})
S is emailSMTPSession
S.ServerAddress = "{host}"
S.Port = {port}
S.Option = {option}
S.Name = "{user}"
S.Password = "{password}"
S.IgnoreError = {flags}
IF S.StartSession() THEN
\tM is Email
\tM.Sender = "Ada <ada@example.com>"
\tM.Recipient.Add("bob@example.com")
\tM.Subject = "hello"
\tM.Message = "body"
\tIF EmailSendMessage(S, M) THEN
\t\tTrace("sent")
\tELSE
\t\tTrace("send failed: " + ErrorInfo())
\tEND
\tS.CloseSession()
ELSE
\tTrace("open failed: " + ErrorInfo())
END
"""


def send(port: int, *, host: str = "127.0.0.1", option: str = "emailOptionDefault", flags: str = "0", user: str = "ada",
         password: str = "", timeout: int = 5, smtp: str = "live", outbox: Path | None = None):
    text = PROGRAM.format(host=host, port=port, option=option, flags=flags, user=user, password=password, timeout=timeout)
    options = {"smtp": smtp}
    if outbox is not None:
        options["outbox"] = str(outbox)
    outcome = run(text, **options)
    assert outcome.status == "ok", outcome.diagnostics
    report = outcome.report()
    lines = [entry["text"] for entry in report["output"]]
    assert SECRET not in repr(report)
    return lines, report


@pytest.fixture
def authority(tmp_path: Path):
    return make_authority(tmp_path / "ca")


@pytest.fixture
def trust(authority, monkeypatch):
    """Make the test CA the one the client trusts in live mode (SSL_CERT_FILE is read by OpenSSL)."""
    monkeypatch.setenv("SSL_CERT_FILE", str(authority.ca_cert_path))
    return authority


# ------------------------------------------------------------------------------ security modes and sign-in


def test_plain_without_sign_in():
    with smtp_server() as (port, handler):
        lines, report = send(port)
    assert lines == ["sent"]
    assert report["error_occurred"] is False
    assert handler.messages[0][:2] == ("ada@example.com", ["bob@example.com"])
    assert report["messages"][0] | {"eml": ""} == {
        "from": "ada@example.com", "to": ["bob@example.com"], "subject": "hello",
        "server": f"127.0.0.1:{port}", "security": "plain", "auth": "none", "user": "", "eml": "",
    }


def test_auth_plain():
    with smtp_server(Behaviour(users={"ada": SECRET})) as (port, handler):
        lines, report = send(port, password=SECRET)
    assert lines == ["sent"]
    assert handler.logins == [("PLAIN", "ada")]
    assert report["messages"][0]["auth"] == "plain"
    assert report["messages"][0]["user"] == "ada"


def test_auth_login_when_the_server_offers_only_login():
    with smtp_server(Behaviour(users={"ada": SECRET}), auth_mechanisms=("LOGIN",)) as (port, handler):
        lines, report = send(port, password=SECRET)
    assert lines == ["sent"]
    assert handler.logins == [("LOGIN", "ada")]
    assert report["messages"][0]["auth"] == "login"


def test_starttls(trust):
    with smtp_server(starttls=trusted_context(trust, "localhost")) as (port, handler):
        lines, report = send(port, host="localhost", option="emailProtocolSMTPS")
    assert lines == ["sent"]
    assert report["messages"][0]["security"] == "starttls"


def test_old_starttls_name(trust):
    with smtp_server(starttls=trusted_context(trust, "localhost")) as (port, _handler):
        lines, _report = send(port, host="localhost", option="emailOptionSecuredTLS")
    assert lines == ["sent"]


def test_implicit_tls(trust):
    with smtp_server(implicit_tls=trusted_context(trust, "localhost")) as (port, _handler):
        lines, report = send(port, host="localhost", option="optionTLS")
    assert lines == ["sent"]
    assert report["messages"][0]["security"] == "tls"


def test_implicit_tls_old_name(trust):
    with smtp_server(implicit_tls=trusted_context(trust, "localhost")) as (port, _handler):
        lines, _report = send(port, host="localhost", option="optionSSL")
    assert lines == ["sent"]


# ------------------------------------------------------------------------------ certificates and IgnoreError


def test_self_signed_certificate_is_refused_unless_ignored():
    context = self_signed_context("localhost")
    with smtp_server(implicit_tls=context) as (port, _):
        lines, report = send(port, host="localhost", option="optionTLS")
    assert lines[0].startswith(f"open failed: the certificate of the SMTP server localhost:{port} was rejected")
    assert "self-signed certificate" in lines[0]
    assert "emailSessionIgnoreCertificateInvalid" in lines[0]
    assert report["error_occurred"] is True
    with smtp_server(implicit_tls=context) as (port, _):
        lines, _ = send(port, host="localhost", option="optionTLS", flags="emailSessionIgnoreCertificateInvalid")
    assert lines == ["sent"]


def test_wrong_host_certificate(trust):
    context = wrong_host_context(trust, "other.example")
    with smtp_server(starttls=context) as (port, _):
        lines, _ = send(port, host="localhost", option="emailProtocolSMTPS")
    assert "Hostname mismatch" in lines[0] and "emailSessionIgnoreNameCertificateInvalid" in lines[0]
    for flags, expected in (
        ("emailSessionIgnoreNameCertificateInvalid", "sent"),
        ("emailSessionIgnoreCertificateExpired", "open failed"),  # each flag on its own
        ("emailSessionIgnoreRevocation", "open failed"),
    ):
        with smtp_server(starttls=context) as (port, _):
            lines, _ = send(port, host="localhost", option="emailProtocolSMTPS", flags=flags)
        assert lines[0].startswith(expected), (flags, lines)


def test_expired_certificate(trust):
    context = expired_context(trust, "localhost")
    with smtp_server(implicit_tls=context) as (port, _):
        lines, _ = send(port, host="localhost", option="optionTLS")
    assert "certificate has expired" in lines[0] and "emailSessionIgnoreCertificateExpired" in lines[0]
    for flags, expected in (
        ("emailSessionIgnoreCertificateExpired", "sent"),
        ("emailSessionIgnoreNameCertificateInvalid", "open failed"),
    ):
        with smtp_server(implicit_tls=context) as (port, _):
            lines, _ = send(port, host="localhost", option="optionTLS", flags=flags)
        assert lines[0].startswith(expected), (flags, lines)


def test_expired_and_wrong_host_needs_both_flags(trust):
    import datetime as dt

    from stdlib_email.tls import server_context_from_pem

    now = dt.datetime.now(dt.UTC)
    context = server_context_from_pem(*trust.sign(["other.example"], not_before=now - dt.timedelta(days=9), not_after=now - dt.timedelta(days=1)))
    with smtp_server(implicit_tls=context) as (port, _):
        lines, _ = send(port, host="localhost", option="optionTLS", flags="emailSessionIgnoreCertificateExpired")
    assert "Hostname mismatch" in lines[0]
    with smtp_server(implicit_tls=context) as (port, _):
        lines, _ = send(port, host="localhost", option="optionTLS",
                        flags="emailSessionIgnoreCertificateExpired + emailSessionIgnoreNameCertificateInvalid")
    assert lines == ["sent"]


# ------------------------------------------------------------------------------ refusals


def test_sign_in_refused():
    with smtp_server(Behaviour(users={"ada": "right"})) as (port, _):
        lines, report = send(port, password=SECRET)
    assert lines[0].startswith(f"open failed: the SMTP server 127.0.0.1:{port} refused the sign-in of user 'ada': 535")
    assert report["error_info"].startswith(f"the SMTP server 127.0.0.1:{port} refused the sign-in")


def test_sender_refused():
    with smtp_server(Behaviour(mail="550 5.7.1 Sender not allowed")) as (port, _):
        lines, _ = send(port)
    assert lines == [f"send failed: the SMTP server 127.0.0.1:{port} refused the sender <ada@example.com>: 550 5.7.1 Sender not allowed"]


def test_recipient_refused():
    with smtp_server(Behaviour(rcpt={"bob@example.com": "550 5.1.1 No such user"})) as (port, handler):
        lines, _ = send(port)
    assert lines == [f"send failed: the SMTP server 127.0.0.1:{port} refused the recipient <bob@example.com>: 550 5.1.1 No such user"]
    assert handler.messages == []


def test_data_refused():
    with smtp_server(Behaviour(data="554 5.6.0 Message rejected")) as (port, _):
        lines, _ = send(port)
    assert lines == [f"send failed: the SMTP server 127.0.0.1:{port} refused the message: 554 5.6.0 Message rejected"]


# ------------------------------------------------------------------------------ network failures, bounded


def test_refused_connection():
    port = free_port()
    lines, _ = send(port)
    assert lines == [
        f"open failed: the SMTP server 127.0.0.1:{port} refused the connection: nothing listens on port {port} "
        "(is the server running, is the port right?)"
    ]


def test_unknown_host():
    lines, _ = send(25, host="no-such-host.invalid")
    assert lines[0].startswith("open failed: cannot find the SMTP server 'no-such-host.invalid' (port 25)")


@pytest.mark.parametrize("script", ["stall", "stall-after-ehlo"])
def test_a_silent_server_fails_within_the_timeout(script: str):
    with raw_server(script) as port:
        start = time.monotonic()
        lines, _ = send(port, timeout=1)
        took = time.monotonic() - start
    assert lines[0].startswith(f"open failed: the SMTP server 127.0.0.1:{port} stopped answering"), lines
    assert "within 1 s" in lines[0]
    assert took < 15  # bounded by EmailSetTimeOut, not by the 10-minute default


def test_server_closing_after_the_greeting():
    with raw_server("greet-then-drop") as port:
        lines, _ = send(port)
    assert lines[0].startswith(f"open failed: the SMTP server 127.0.0.1:{port} closed the connection"), lines


def test_server_closing_during_data():
    with raw_server("drop-at-data") as port:
        lines, _ = send(port, timeout=3)
    assert lines[0].startswith(f"send failed: the SMTP server 127.0.0.1:{port}"), lines
    assert "DATA" in lines[0]


def test_tls_handshake_failure():
    with smtp_server() as (port, _):
        lines, _ = send(port, option="optionTLS")
    assert lines[0].startswith(f"open failed: the TLS handshake with the SMTP server 127.0.0.1:{port} failed"), lines


# ------------------------------------------------------------------------------ misuse


def test_no_server_address():
    outcome = run('S is emailSMTPSession\nIF NOT S.StartSession() THEN Trace(ErrorOccurred, ErrorInfo())\n')
    assert [e["text"] for e in outcome.report()["output"]] == [
        "1 no SMTP server address: set ServerAddress before opening the session"
    ]


def test_sending_without_an_open_session():
    text = 'S is emailSMTPSession\nM is Email\nM.Recipient.Add("a@b.c")\nTrace(EmailSendMessage(S, M), ErrorInfo())\n'
    outcome = run(text)
    assert outcome.report()["output"][0]["text"].startswith("0 the SMTP session is not open")


def test_no_recipient():
    with smtp_server() as (port, _):
        text = f'S is emailSMTPSession\nS.ServerAddress = "127.0.0.1"\nS.Port = {port}\nS.StartSession()\nM is Email\nM.Subject = "x"\nTrace(EmailSendMessage(S, M), ErrorInfo())\n'
        outcome = run(text, smtp="live")
    assert outcome.report()["output"][0]["text"] == "0 the message has no recipient: fill Recipient, Cc or Bcc"


def test_outlook_and_notes_are_not_available_here():
    text = """
O is emailOutlookSession
Trace(O.StartSession(), ErrorOccurred)
Trace(ErrorInfo())
Trace(EmailStartNotesSession("me", "pw"))
"""
    outcome = run(text)
    lines = [e["text"] for e in outcome.report()["output"]]
    assert lines[0] == "0 1"
    assert lines[1].startswith("Outlook sessions are not available on this platform")
    assert lines[2] == "0"


def test_error_occurred_is_cleared_by_the_next_call_that_can_fail():
    with smtp_server() as (port, _):
        text = f"""
S is emailSMTPSession
IF NOT S.StartSession() THEN Trace("first", ErrorOccurred)
S.ServerAddress = "127.0.0.1"
S.Port = {port}
IF S.StartSession() THEN Trace("second", ErrorOccurred)
Trace(ErrorInfo())
"""
        outcome = run(text, smtp="live")
    lines = [e["text"] for e in outcome.report()["output"]]
    assert lines[:2] == ["first 1", "second 0"]
    assert lines[2].startswith("no SMTP server address")  # ErrorInfo keeps the last failure's message
