"""Sending through a real Postfix on loopback with ``--smtp HOST:PORT``: each security mode, sign-in, refusals, and what arrives.

The programs name a provider's servers as users write them (smtp.example.com, port 25, 587 or
465); the run routes every session to one Postfix listener, the way ``wlinterp run --smtp
127.0.0.1:2525`` does. Certificates are checked against the routed host ("localhost"), and the
client trusts the instance's self-signed certificate through SSL_CERT_FILE, as the Dovecot
tests do. Each test reads what Postfix delivered into its Maildirs.
"""

from __future__ import annotations

import email.policy
import json
import smtplib
import socket
import ssl
import subprocess
import sys
import time
from email.message import EmailMessage
from pathlib import Path

import pytest

from . import postfix as postfix_helpers
from .conftest import run
from .postfix import (
    ALICE,
    BOB,
    CAROL,
    POSTFIX_MISSING,
    REQUIRE_ENV,
    SASL_USERS,
    PostfixInstance,
    postfix_factory_fixture,  # noqa: F401 (the fixture "postfix_factory")
    postfix_fixture,  # noqa: F401 (the fixture "postfix")
    postfix_sasl_fixture,  # noqa: F401 (the fixture "postfix_sasl")
    require_postfix,
    sasl_dovecot_fixture,  # noqa: F401 (the fixture "sasl_dovecot", which "postfix_sasl" uses)
)

PASSWORD = SASL_USERS[ALICE]
SENDER = "zoe@example.org"
TIMEOUT = 10  # EmailSetTimeOut in every program: a test can only wait that long on a silent server
# a run that must fail fast is allowed this long: generous, it only says "did not hang"
HANG_BOUND = 30.0


# ---------------------------------------------------------------- programs and helpers


def wl_string(text: str) -> str:
    """A WLanguage string literal ("" is the only escape; CR joins the lines)."""
    return ' + CR + '.join('"' + line.replace('"', '""') + '"' for line in text.split("\n"))


def open_session(*, port: int, option: str = "emailOptionDefault", user: str = "", password: str = "",
                 flags: str = "0", timeout: int = TIMEOUT, server: str = "smtp.example.com") -> str:
    """Declare S and open it; on failure trace the reason and stop the program."""
    return f"""
EmailSetTimeOut({timeout})
S is emailSMTPSession
S.ServerAddress = "{server}"
S.Port = {port}
S.Option = {option}
S.Name = "{user}"
S.Password = "{password}"
S.IgnoreError = {flags}
IF NOT S.StartSession() THEN
\tTrace("open failed:", ErrorOccurred, ErrorInfo())
\tRETURN
END
"""


def send_message(var: str = "M", *, to: tuple[str, ...] = (ALICE,), cc: tuple[str, ...] = (), bcc: tuple[str, ...] = (),
                 subject: str = "hello", body: str = "body", sender: str = SENDER, extra: str = "") -> str:
    """Build the Email ``var`` and send it on S; trace "sent" or the failure."""
    lines = [f"{var} is Email", f"{var}.Sender = {wl_string(sender)}"]
    lines += [f"{var}.Recipient.Add({wl_string(address)})" for address in to]
    lines += [f"{var}.Cc.Add({wl_string(address)})" for address in cc]
    lines += [f"{var}.Bcc.Add({wl_string(address)})" for address in bcc]
    lines += [f"{var}.Subject = {wl_string(subject)}", f"{var}.Message = {wl_string(body)}"]
    if extra:
        lines.append(extra)
    lines += [
        f"IF EmailSendMessage(S, {var}) THEN",
        '\tTrace("sent")',
        "ELSE",
        '\tTrace("send failed:", ErrorOccurred, ErrorInfo())',
        "END",
    ]
    return "\n".join(lines) + "\n"


CLOSE = "EmailCloseSession(S)\n"


def run_routed(text: str, host: str, port: int) -> tuple[list[str], dict]:
    """Run with every SMTP session routed to host:port; the lines traced and the run report."""
    outcome = run(text, smtp=f"{host}:{port}")
    assert outcome.status == "ok", [d.message for d in outcome.diagnostics]
    report = outcome.report()
    return [entry["text"] for entry in report["output"]], report


def parse(raw: bytes) -> EmailMessage:
    message = email.message_from_bytes(raw, policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    return message


def received(message: EmailMessage) -> str:
    """Postfix's own Received header (the first one), unfolded."""
    return " ".join(str(message["Received"]).split())


@pytest.fixture
def trusting(postfix: PostfixInstance, monkeypatch: pytest.MonkeyPatch) -> PostfixInstance:
    """The client trusts Postfix's self-signed certificate (OpenSSL reads SSL_CERT_FILE)."""
    monkeypatch.setenv("SSL_CERT_FILE", str(postfix.ca_file))
    return postfix


@pytest.fixture
def trusting_sasl(postfix_sasl: PostfixInstance, monkeypatch: pytest.MonkeyPatch) -> PostfixInstance:
    monkeypatch.setenv("SSL_CERT_FILE", str(postfix_sasl.ca_file))
    return postfix_sasl


# ---------------------------------------------------------------- the fixture itself (smtplib)


def test_listeners_behave_as_documented(postfix: PostfixInstance) -> None:
    """Plain port: no STARTTLS, no AUTH. Submission: STARTTLS required. SMTPS: TLS for "localhost" at once."""
    raw = b"From: zoe@example.org\r\nSubject: probe\r\n\r\nbody\r\n"
    with smtplib.SMTP("127.0.0.1", postfix.smtp_port, timeout=TIMEOUT) as client:
        client.ehlo()
        assert not client.has_extn("starttls") and not client.has_extn("auth")
        client.sendmail(SENDER, [ALICE], raw)
    with smtplib.SMTP("127.0.0.1", postfix.submission_port, timeout=TIMEOUT) as client:
        client.ehlo()
        assert client.has_extn("starttls")
        assert client.mail(SENDER)[0] == 530
    with smtplib.SMTP_SSL("localhost", postfix.smtps_port, context=postfix.client_context(), timeout=TIMEOUT) as client:
        assert isinstance(client.sock, ssl.SSLSocket)
        client.sendmail(SENDER, [BOB], raw)
    assert b"Subject: probe" in postfix.wait_for_messages(ALICE)[0]
    assert b"Subject: probe" in postfix.wait_for_messages(BOB)[0]


def test_sasl_is_offered_after_tls_only(postfix_sasl: PostfixInstance) -> None:
    with smtplib.SMTP("localhost", postfix_sasl.submission_port, timeout=TIMEOUT) as client:
        client.ehlo()
        assert not client.has_extn("auth")
        client.starttls(context=postfix_sasl.client_context())
        client.ehlo()
        assert {"PLAIN", "LOGIN"} <= set(client.esmtp_features["auth"].upper().split())


def test_stop_leaves_no_process_even_with_a_client_connected(postfix_factory) -> None:
    instance = postfix_factory()
    client = socket.create_connection(("127.0.0.1", instance.smtp_port), timeout=TIMEOUT)
    try:
        assert client.recv(512).startswith(b"220 ")  # an smtpd now serves this client
        assert instance.processes()
        ports = (instance.smtp_port, instance.submission_port, instance.smtps_port)
        started = time.monotonic()
        instance.stop()
        assert time.monotonic() - started < HANG_BOUND
    finally:
        client.close()
    assert not instance.running
    assert instance.processes() == []
    assert not instance.base.exists()
    for port in ports:
        with socket.socket() as probe:
            assert probe.connect_ex(("127.0.0.1", port)) != 0


def test_missing_postfix_skips_with_the_install_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(postfix_helpers, "postfix_binary", lambda: None)
    monkeypatch.delenv(REQUIRE_ENV, raising=False)
    with pytest.raises(pytest.skip.Exception, match="apt-get install postfix"):
        require_postfix()


def test_missing_postfix_fails_when_ci_requires_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(postfix_helpers, "postfix_binary", lambda: None)
    monkeypatch.setenv(REQUIRE_ENV, "1")
    with pytest.raises(pytest.fail.Exception, match=POSTFIX_MISSING.split(":")[0]):
        require_postfix()


def test_non_root_skips_with_the_reason(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(postfix_helpers, "postfix_binary", lambda: "/usr/sbin/postfix")
    monkeypatch.setattr(postfix_helpers.os, "geteuid", lambda: 1000)
    monkeypatch.delenv(REQUIRE_ENV, raising=False)
    with pytest.raises(pytest.skip.Exception, match="needs root"):
        require_postfix()


# ---------------------------------------------------------------- each security mode


def test_plain_send_on_the_plain_port(postfix: PostfixInstance) -> None:
    text = open_session(port=25) + send_message(subject="plain hello", body="plain body") + CLOSE
    lines, report = run_routed(text, "127.0.0.1", postfix.smtp_port)
    assert lines == ["sent"]
    assert report["error_occurred"] is False
    assert report["messages"] == [{
        "from": SENDER, "to": [ALICE], "subject": "plain hello", "server": "smtp.example.com:25",
        "security": "plain", "auth": "none", "user": "", "eml": "",
    }]
    (raw,) = postfix.wait_for_messages(ALICE)
    message = parse(raw)
    assert message["Subject"] == "plain hello"
    assert message["From"] == SENDER and message["To"] == ALICE
    assert message.get_content().strip() == "plain body"
    assert message["Return-Path"] == f"<{SENDER}>"  # the envelope sender wlinterp gave MAIL FROM
    assert " with ESMTP id " in received(message)  # not ESMTPS: no TLS on this port


@pytest.mark.parametrize("option", ["emailProtocolSMTPS", "emailOptionSecuredTLS"])
def test_starttls_send_on_the_submission_port(trusting: PostfixInstance, option: str) -> None:
    text = open_session(port=587, option=option) + send_message(subject="over STARTTLS") + CLOSE
    lines, report = run_routed(text, "localhost", trusting.submission_port)
    assert lines == ["sent"]
    assert report["messages"][0]["security"] == "starttls"
    assert report["messages"][0]["server"] == "smtp.example.com:587"
    message = parse(trusting.wait_for_messages(ALICE)[0])
    assert message["Subject"] == "over STARTTLS"
    assert " with ESMTPS id " in received(message)  # Postfix saw the message over TLS


@pytest.mark.parametrize("option", ["optionTLS", "optionSSL"])
def test_implicit_tls_send_on_the_smtps_port(trusting: PostfixInstance, option: str) -> None:
    text = open_session(port=465, option=option) + send_message(subject="over TLS") + CLOSE
    lines, report = run_routed(text, "localhost", trusting.smtps_port)
    assert lines == ["sent"]
    assert report["messages"][0]["security"] == "tls"
    message = parse(trusting.wait_for_messages(ALICE)[0])
    assert message["Subject"] == "over TLS"
    assert " with ESMTPS id " in received(message)


def test_untrusted_certificate_is_refused_unless_ignored(postfix: PostfixInstance,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """Postfix's self-signed certificate, not trusted: refused; with emailSessionIgnoreCertificateInvalid, sent."""
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    text = open_session(port=587, option="emailProtocolSMTPS") + send_message(subject="checked") + CLOSE
    lines, report = run_routed(text, "localhost", postfix.submission_port)
    assert len(lines) == 1 and lines[0].startswith("open failed: 1 ")
    assert "the certificate of the SMTP server smtp.example.com:587 was rejected" in lines[0]
    assert "emailSessionIgnoreCertificateInvalid" in lines[0]  # the hint says how to accept it
    assert report["messages"] == []
    ignoring = open_session(port=587, option="emailProtocolSMTPS", flags="emailSessionIgnoreCertificateInvalid")
    lines, _ = run_routed(ignoring + send_message(subject="accepted") + CLOSE, "localhost", postfix.submission_port)
    assert lines == ["sent"]
    assert parse(postfix.wait_for_messages(ALICE)[0])["Subject"] == "accepted"


# ---------------------------------------------------------------- security that does not match the port


def test_plain_option_on_the_submission_port_is_refused_at_mail_from(trusting: PostfixInstance) -> None:
    text = open_session(port=587) + send_message() + CLOSE
    lines, report = run_routed(text, "127.0.0.1", trusting.submission_port)
    assert lines == [
        ("send failed: 1 the SMTP server smtp.example.com:587 refused the sender <zoe@example.org>: "
         "530 5.7.0 Must issue a STARTTLS command first")
    ]
    assert report["messages"] == []
    assert report["error_info"] == lines[0].removeprefix("send failed: 1 ")  # kept after the session closed


def test_starttls_option_on_a_port_without_starttls(trusting: PostfixInstance) -> None:
    text = open_session(port=25, option="emailProtocolSMTPS") + send_message() + CLOSE
    lines, _ = run_routed(text, "localhost", trusting.smtp_port)
    assert lines == [
        "open failed: 1 the SMTP server smtp.example.com:25 does not offer STARTTLS, which Option asks for"
    ]


def test_tls_option_on_the_plain_port_fails_at_the_handshake(trusting: PostfixInstance) -> None:
    text = open_session(port=465, option="optionTLS") + send_message() + CLOSE
    started = time.monotonic()
    lines, _ = run_routed(text, "localhost", trusting.smtp_port)
    assert time.monotonic() - started < HANG_BOUND
    assert len(lines) == 1
    assert lines[0].startswith("open failed: 1 the TLS handshake with the SMTP server smtp.example.com:465 failed")
    assert "check that Option matches what the port expects" in lines[0]


def test_plain_option_on_the_smtps_port_times_out_without_hanging(trusting: PostfixInstance) -> None:
    """Both sides wait: the client for a greeting, Postfix for a TLS ClientHello. EmailSetTimeOut ends it."""
    text = open_session(port=25, timeout=1) + send_message() + CLOSE
    started = time.monotonic()
    lines, report = run_routed(text, "127.0.0.1", trusting.smtps_port)
    assert time.monotonic() - started < HANG_BOUND
    assert lines == [
        "open failed: 1 the SMTP server smtp.example.com:25 stopped answering during connecting: no reply within 1 s"
    ]
    assert report["error_occurred"] is True


# ---------------------------------------------------------------- refusals


def test_unknown_recipient_fails_the_whole_message_and_the_session_goes_on(postfix: PostfixInstance) -> None:
    text = (
        open_session(port=25)
        + send_message("First", to=(ALICE, "nobody@example.com"), subject="refused")
        + send_message("Second", to=(ALICE,), subject="after the refusal")
        + CLOSE
    )
    lines, report = run_routed(text, "127.0.0.1", postfix.smtp_port)
    assert lines == [
        ("send failed: 1 the SMTP server smtp.example.com:25 refused the recipient <nobody@example.com>: "
         "550 5.1.1 <nobody@example.com>: Recipient address rejected: User unknown in virtual mailbox table"),
        "sent",
    ]
    assert [m["subject"] for m in report["messages"]] == ["after the refusal"]
    # the refused message never reached DATA: once the queue is empty, the one delivered is the second
    postfix.wait_for_empty_queue()
    (only,) = postfix.messages(ALICE)
    assert parse(only.read_bytes())["Subject"] == "after the refusal"


def test_relay_to_another_domain_is_refused(postfix: PostfixInstance) -> None:
    text = open_session(port=25) + send_message(to=("someone@example.net",)) + CLOSE
    lines, report = run_routed(text, "127.0.0.1", postfix.smtp_port)
    assert lines == [
        ("send failed: 1 the SMTP server smtp.example.com:25 refused the recipient <someone@example.net>: "
         "554 5.7.1 <someone@example.net>: Relay access denied")
    ]
    assert report["messages"] == []
    postfix.wait_for_empty_queue()
    assert postfix.messages(ALICE) == []


# ---------------------------------------------------------------- what arrives


def test_accented_headers_body_and_attachment_arrive_intact(postfix: PostfixInstance, tmp_path: Path) -> None:
    payload = bytes(range(256)) * 40 + b"\r\n.\r\n..\r\nend"  # binary, with lines SMTP must dot-stuff
    attachment = tmp_path / "résumé été.pdf"
    attachment.write_bytes(payload)
    subject = "Réunion d'été — café ☕ à 10 h"
    body = "Bonjour à tous,\n.une ligne qui commence par un point\nÀ bientôt — Zoé"
    text = (
        open_session(port=25)
        + send_message(
            to=(f"Renée Lefèvre <{ALICE}>",), sender=f"Zoé Dupré <{SENDER}>",
            subject=subject, body=body,
            extra=f"IF NOT EmailLoadAttachment(M, {wl_string(str(attachment))}) THEN Trace(ErrorInfo())",
        )
        + CLOSE
    )
    lines, report = run_routed(text, "127.0.0.1", postfix.smtp_port)
    assert lines == ["sent"]
    assert report["messages"][0]["subject"] == subject
    (raw,) = postfix.wait_for_messages(ALICE)
    headers = raw.split(b"\n\n", 1)[0]
    assert headers.isascii()  # accented names and subject travel RFC 2047-encoded
    message = parse(raw)
    assert message["Subject"] == subject
    assert (message["From"].addresses[0].display_name, message["From"].addresses[0].addr_spec) == (
        "Zoé Dupré", SENDER)
    assert (message["To"].addresses[0].display_name, message["To"].addresses[0].addr_spec) == (
        "Renée Lefèvre", ALICE)
    text_part = message.get_body(("plain",))
    assert text_part is not None
    assert text_part.get_content().replace("\r\n", "\n").rstrip("\n") == body
    (part,) = message.iter_attachments()
    assert part.get_filename() == "résumé été.pdf"
    assert part.get_content() == payload


def test_bcc_recipients_get_the_message_but_no_header_names_them(postfix: PostfixInstance) -> None:
    text = open_session(port=25) + send_message(to=(ALICE,), cc=(BOB,), bcc=(CAROL,), subject="with a blind copy") + CLOSE
    lines, report = run_routed(text, "127.0.0.1", postfix.smtp_port)
    assert lines == ["sent"]
    assert sorted(report["messages"][0]["to"]) == sorted([ALICE, BOB, CAROL])  # the envelope has all three
    postfix.wait_for_empty_queue()
    copies = {}
    for mailbox in (ALICE, BOB, CAROL):
        (path,) = postfix.messages(mailbox)  # one copy each, Carol's included
        copies[mailbox] = path.read_bytes()
    for mailbox, raw in copies.items():
        message = parse(raw)
        assert message["Subject"] == "with a blind copy"
        assert message["Bcc"] is None
        assert message["To"] == ALICE and message["Cc"] == BOB
        if mailbox != CAROL:
            assert b"carol" not in raw.lower()  # not in any header, Postfix's included
    # Carol's copy says where it went only in the trace headers Postfix adds on delivery
    assert parse(copies[CAROL])["Delivered-To"] == CAROL


def test_asynchronous_sends_are_delivered_when_the_session_closes(postfix: PostfixInstance) -> None:
    text = (
        open_session(port=25)
        + "S.Asynchronous = True\n"
        + send_message("First", subject="queued 1")
        + send_message("Second", subject="queued 2")
        + CLOSE
        + 'Trace(EmailStatus(First.ID) = emailSent, EmailStatus(Second.ID) = emailSent)\n'
    )
    lines, report = run_routed(text, "127.0.0.1", postfix.smtp_port)
    assert lines == ["sent", "sent", "1 1"]
    assert sorted(m["subject"] for m in report["messages"]) == ["queued 1", "queued 2"]
    delivered = sorted(parse(raw)["Subject"] for raw in postfix.wait_for_messages(ALICE, 2))
    assert delivered == ["queued 1", "queued 2"]


def test_the_command_line_routes_to_postfix(postfix: PostfixInstance, tmp_path: Path) -> None:
    """``wlinterp run FILE --smtp 127.0.0.1:PORT --report FILE`` as a user types it."""
    program = tmp_path / "send.wl"
    program.write_text(open_session(port=25) + send_message(subject="from the command line") + CLOSE, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "wlinterp", "run", str(program), "--smtp", f"127.0.0.1:{postfix.smtp_port}",
         "--report", str(tmp_path / "report.json")],
        capture_output=True, text=True, cwd=tmp_path, timeout=120, check=False,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert [entry["text"] for entry in report["output"]] == ["sent"]
    assert report["messages"][0]["server"] == "smtp.example.com:25"
    assert parse(postfix.wait_for_messages(ALICE)[0])["Subject"] == "from the command line"
    assert not (tmp_path / "wl-outbox").exists()  # routed mail is not captured


# ---------------------------------------------------------------- SMTP AUTH (Dovecot SASL behind Postfix)


def test_auth_plain_on_the_submission_port(trusting_sasl: PostfixInstance) -> None:
    text = (open_session(port=587, option="emailProtocolSMTPS", user=ALICE, password=PASSWORD)
            + send_message(to=(BOB,), subject="signed in") + CLOSE)
    lines, report = run_routed(text, "localhost", trusting_sasl.submission_port)
    assert lines == ["sent"]
    assert (report["messages"][0]["auth"], report["messages"][0]["user"]) == ("plain", ALICE)
    assert PASSWORD not in json.dumps(report)
    message = parse(trusting_sasl.wait_for_messages(BOB)[0])
    assert f"(Authenticated sender: {ALICE})" in received(message)
    assert " with ESMTPSA id " in received(message)


def test_auth_login_when_postfix_offers_only_login(postfix_factory, sasl_dovecot,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    instance = postfix_factory(sasl=sasl_dovecot, sasl_mechanisms=("login",))
    monkeypatch.setenv("SSL_CERT_FILE", str(instance.ca_file))
    text = (open_session(port=465, option="optionTLS", user=BOB, password=SASL_USERS[BOB])
            + send_message(to=(ALICE,), subject="signed in with LOGIN") + CLOSE)
    lines, report = run_routed(text, "localhost", instance.smtps_port)
    assert lines == ["sent"]
    assert (report["messages"][0]["auth"], report["messages"][0]["user"]) == ("login", BOB)
    assert f"(Authenticated sender: {BOB})" in received(parse(instance.wait_for_messages(ALICE)[0]))


def test_wrong_password_is_refused_and_never_shown(trusting_sasl: PostfixInstance) -> None:
    wrong = "not-the-Password-42"
    text = (open_session(port=587, option="emailProtocolSMTPS", user=ALICE, password=wrong)
            + send_message(subject="never sent") + CLOSE)
    started = time.monotonic()
    lines, report = run_routed(text, "localhost", trusting_sasl.submission_port)
    assert time.monotonic() - started < HANG_BOUND
    assert lines == [
        ("open failed: 1 the SMTP server smtp.example.com:587 refused the sign-in of user 'alice@example.com': "
         "535 5.7.8 Error: authentication failed: (reason unavailable)")
    ]
    assert report["error_occurred"] is True and report["messages"] == []
    assert wrong not in json.dumps(report)


def test_submission_without_sign_in_is_refused(trusting_sasl: PostfixInstance) -> None:
    text = open_session(port=587, option="emailProtocolSMTPS") + send_message(subject="anonymous") + CLOSE
    lines, report = run_routed(text, "localhost", trusting_sasl.submission_port)
    assert lines == [
        ("send failed: 1 the SMTP server smtp.example.com:587 refused the recipient <alice@example.com>: "
         "554 5.7.1 <alice@example.com>: Recipient address rejected: Access denied")
    ]
    assert report["messages"] == []


def test_legacy_email_start_smtp_session_signs_in(trusting_sasl: PostfixInstance) -> None:
    """EmailStartSMTPSession(user, password, server, port, async, option) then EmailSendMessage(user) with the Email structure."""
    text = f"""
EmailSetTimeOut({TIMEOUT})
IF NOT EmailStartSMTPSession("{ALICE}", "{PASSWORD}", "smtp.example.com", 587, False, emailProtocolSMTPS) THEN
\tTrace("open failed:", ErrorInfo())
\tRETURN
END
EmailReset()
Email.Sender = "{ALICE}"
Email.Recipient[1] = "{BOB}"
Email.NbRecipient = 1
Email.Subject = "legacy structure"
Email.Message = "sent the old way"
IF EmailSendMessage("{ALICE}") THEN Trace("sent") ELSE Trace("send failed:", ErrorInfo())
EmailCloseSession("{ALICE}")
"""
    lines, report = run_routed(text, "localhost", trusting_sasl.submission_port)
    assert lines == ["sent"]
    assert report["messages"][0]["auth"] == "plain"
    message = parse(trusting_sasl.wait_for_messages(BOB)[0])
    assert message["Subject"] == "legacy structure"
    assert f"(Authenticated sender: {ALICE})" in received(message)



# ---------------------------------------------------------------- special-use domains


def test_addresses_in_special_use_domains_are_sent(postfix_factory) -> None:
    dave = "dave@example.test"
    instance = postfix_factory(mailboxes=(ALICE, dave))
    text = open_session(port=25) + send_message(to=(dave,), sender="zoe@corp.local", subject="special-use") + CLOSE
    lines, _ = run_routed(text, "127.0.0.1", instance.smtp_port)
    assert lines == ["sent"]
    assert parse(instance.wait_for_messages(dave)[0])["Subject"] == "special-use"
