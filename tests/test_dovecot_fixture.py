"""The private Dovecot fixture, proved with the standard library's own IMAP and POP3 clients."""

from __future__ import annotations

import base64
import email.policy
import imaplib
import itertools
import poplib
import socket
import ssl
import time
from email.message import EmailMessage

import pytest

from . import dovecot as dovecot_helpers
from .dovecot import (
    ALICE,
    BOB,
    DOVECOT_MISSING,
    REQUIRE_ENV,
    DovecotInstance,
    dovecot_factory_fixture,  # noqa: F401 (the fixture "dovecot_factory")
    dovecot_fixture,  # noqa: F401 (the fixture "dovecot")
    dovecot_module_fixture,  # noqa: F401 (the fixture "dovecot_module")
    instance_processes,
    require_dovecot,
)

HOST = "localhost"  # the name the certificate carries; it resolves to 127.0.0.1
TIMEOUT = 10.0
PASSWORD = "s3cret:colon=%{x}"  # the passwd-file stores it base64-encoded, so any character goes
_users = itertools.count(1)


@pytest.fixture
def user(dovecot_module: DovecotInstance) -> str:
    """A fresh account with an empty Maildir on the module's shared instance."""
    name = f"user{next(_users)}@example.test"
    dovecot_module.add_user(name, PASSWORD)
    return name


def imap_starttls(instance: DovecotInstance) -> imaplib.IMAP4:
    client = imaplib.IMAP4(HOST, instance.imap_port, timeout=TIMEOUT)
    assert "STARTTLS" in client.capabilities
    client.starttls(ssl_context=instance.client_context())
    return client


def imaps(instance: DovecotInstance) -> imaplib.IMAP4_SSL:
    return imaplib.IMAP4_SSL(HOST, instance.imaps_port, ssl_context=instance.client_context(), timeout=TIMEOUT)


def pop3_stls(instance: DovecotInstance) -> poplib.POP3:
    client = poplib.POP3(HOST, instance.pop3_port, timeout=TIMEOUT)
    assert "STLS" in client.capa()
    client.stls(context=instance.client_context())
    return client


def pop3s(instance: DovecotInstance) -> poplib.POP3_SSL:
    return poplib.POP3_SSL(HOST, instance.pop3s_port, context=instance.client_context(), timeout=TIMEOUT)


def accented_message_with_attachment() -> bytes:
    """CRLF throughout (as Dovecot serves it), RFC 2047 headers, an 8-bit body with a dot-led line, a PDF."""
    message = EmailMessage(policy=email.policy.SMTP)
    message["From"] = "Zoé Dupré <zoe@example.test>"
    message["To"] = "Renée Lefèvre <renee@example.test>"
    message["Subject"] = "Réunion d'été — ordre du jour"
    message["Message-ID"] = "<fixture-1@example.test>"
    message.set_content("Bonjour à tous,\n.une ligne qui commence par un point\nÀ bientôt.\n", cte="8bit")
    message.add_attachment(b"%PDF-1.4\n" + bytes(range(256)) * 4, maintype="application", subtype="pdf",
                           filename="résumé.pdf")
    raw = message.as_bytes()
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")
    return raw


def pop3_retr(client: poplib.POP3, number: int) -> bytes:
    _, lines, _ = client.retr(number)  # poplib undoes the dot-stuffing and strips the CRLFs
    return b"".join(line + b"\r\n" for line in lines)


# ---------------------------------------------------------------- connecting, four ways


def test_imap_over_starttls_and_imaps(dovecot_module: DovecotInstance, user: str) -> None:
    dovecot_module.add_message(user, b"Subject: one\r\n\r\n1\r\n")
    dovecot_module.add_message(user, b"Subject: two\r\n\r\n2\r\n", seen=True)
    for connect in (imap_starttls, imaps):
        with connect(dovecot_module) as client:
            assert isinstance(client.sock, ssl.SSLSocket)
            assert client.login(user, PASSWORD)[0] == "OK"
            assert client.select("INBOX") == ("OK", [b"2"])
            assert client.search(None, "UNSEEN") == ("OK", [b"1"])
            client.logout()


def test_pop3_over_stls_and_pop3s(dovecot_module: DovecotInstance, user: str) -> None:
    dovecot_module.add_message(user, b"Subject: one\r\n\r\n1\r\n")
    for connect in (pop3_stls, pop3s):
        client = connect(dovecot_module)
        try:
            assert isinstance(client.sock, ssl.SSLSocket)
            client.user(user)
            client.pass_(PASSWORD)
            assert client.stat() == (1, len(b"Subject: one\r\n\r\n1\r\n"))
        finally:
            client.quit()


def test_certificate_is_checked_against_the_name(dovecot_module: DovecotInstance) -> None:
    # the system's authorities do not know the instance's certificate
    with pytest.raises(ssl.SSLCertVerificationError):
        imaplib.IMAP4_SSL(HOST, dovecot_module.imaps_port, ssl_context=ssl.create_default_context(), timeout=TIMEOUT)
    # trusted, but the wrong name: hostname checking is on
    with (
        socket.create_connection(("127.0.0.1", dovecot_module.pop3s_port), timeout=TIMEOUT) as raw,
        pytest.raises(ssl.SSLCertVerificationError),
    ):
        dovecot_module.client_context().wrap_socket(raw, server_hostname="mail.example.test")


# ---------------------------------------------------------------- messages come back byte for byte


def test_message_round_trips_byte_identical_over_imap_and_pop3(dovecot_module: DovecotInstance, user: str) -> None:
    raw = accented_message_with_attachment()
    dovecot_module.add_message(user, raw)
    with imaps(dovecot_module) as client:
        client.login(user, PASSWORD)
        client.select("INBOX", readonly=True)
        status, data = client.fetch("1", "(BODY.PEEK[])")
        assert status == "OK"
        assert data[0][1] == raw
    client = pop3s(dovecot_module)
    try:
        client.user(user)
        client.pass_(PASSWORD)
        assert client.stat() == (1, len(raw))
        assert pop3_retr(client, 1) == raw
    finally:
        client.quit()


def test_maildir_filled_before_start(dovecot_factory) -> None:
    instance = dovecot_factory(started=False)
    raw = accented_message_with_attachment()
    unseen = instance.add_message(ALICE, raw)
    seen = instance.add_message(ALICE, b"Subject: read\r\n\r\nold\r\n", seen=True, flags="F")
    archived = instance.add_message(ALICE, b"Subject: kept\r\n\r\narchived\r\n", mailbox="Archive")
    assert unseen.parent.name == "new" and seen.parent.name == "cur" and seen.name.endswith(":2,FS")
    assert archived.parent.parent.name == ".Archive"
    instance.start()
    with imap_starttls(instance) as client:
        client.login(ALICE, "secret1")
        assert client.select("INBOX") == ("OK", [b"2"])
        _, flags = client.fetch("1:2", "(FLAGS)")
        assert b"\\Seen" not in flags[0] and b"\\Seen" in flags[1] and b"\\Flagged" in flags[1]
        _, data = client.fetch("1", "(BODY.PEEK[])")
        assert data[0][1] == raw
        assert client.select("Archive", readonly=True) == ("OK", [b"1"])
        client.logout()
    # Dovecot moved the message it has now seen from new/ to cur/
    assert [path.parent.name for path in instance.messages(ALICE)] == ["cur", "cur"]


def test_message_added_while_a_session_is_open_shows_up(dovecot_module: DovecotInstance, user: str) -> None:
    with imaps(dovecot_module) as client:
        client.login(user, PASSWORD)
        assert client.select("INBOX") == ("OK", [b"0"])
        dovecot_module.add_message(user, b"Subject: late\r\n\r\narrived\r\n")
        client.noop()
        assert client.search(None, "ALL") == ("OK", [b"1"])
        client.logout()


# ---------------------------------------------------------------- deletions reach the Maildir


def test_pop3_dele_then_quit_removes_the_file(dovecot_module: DovecotInstance, user: str) -> None:
    first = dovecot_module.add_message(user, b"Subject: delete me\r\n\r\nx\r\n")
    dovecot_module.add_message(user, b"Subject: keep me\r\n\r\ny\r\n")
    client = pop3_stls(dovecot_module)
    client.user(user)
    client.pass_(PASSWORD)
    client.dele(1)
    assert len(dovecot_module.messages(user)) == 2  # nothing happens before QUIT
    client.quit()
    remaining = dovecot_module.messages(user)
    assert len(remaining) == 1
    assert first.name.split(":")[0] not in remaining[0].name
    assert b"keep me" in remaining[0].read_bytes()


def test_imap_store_deleted_then_expunge_removes_the_file(dovecot_module: DovecotInstance, user: str) -> None:
    dovecot_module.add_message(user, b"Subject: delete me\r\n\r\nx\r\n")
    dovecot_module.add_message(user, b"Subject: keep me\r\n\r\ny\r\n")
    with imap_starttls(dovecot_module) as client:
        client.login(user, PASSWORD)
        client.select("INBOX")
        assert client.store("1", "+FLAGS", "\\Deleted")[0] == "OK"
        assert len(dovecot_module.messages(user)) == 2
        assert client.expunge() == ("OK", [b"1"])
        client.logout()
    remaining = dovecot_module.messages(user)
    assert len(remaining) == 1
    assert b"keep me" in remaining[0].read_bytes()


# ---------------------------------------------------------------- authentication


def test_wrong_password_is_refused_quickly_over_imap(dovecot: DovecotInstance) -> None:
    with imaps(dovecot) as client:
        started = time.monotonic()
        with pytest.raises(imaplib.IMAP4.error, match="AUTHENTICATIONFAILED"):
            client.login(ALICE, "not-the-password")
        assert time.monotonic() - started < 3
        client.logout()


def test_wrong_password_is_refused_quickly_over_pop3(dovecot: DovecotInstance) -> None:
    client = pop3s(dovecot)
    try:
        client.user(ALICE)
        started = time.monotonic()
        with pytest.raises(poplib.error_proto, match="Authentication failed"):
            client.pass_("not-the-password")
        assert time.monotonic() - started < 3
    finally:
        client.close()


def test_repeated_failures_do_not_slow_later_logins(dovecot_module: DovecotInstance, user: str) -> None:
    """Dovecot's per-IP penalty is off: failures stay at ~0.5 s and the right password gets in at once."""
    for attempt in ("wrong-1", "wrong-2", "wrong-3"):
        client = pop3s(dovecot_module)
        try:
            client.user(user)
            started = time.monotonic()
            with pytest.raises(poplib.error_proto):
                client.pass_(attempt)
            assert time.monotonic() - started < 1.5
        finally:
            client.close()
    with imaps(dovecot_module) as client:
        started = time.monotonic()
        client.login(user, PASSWORD)
        assert time.monotonic() - started < 0.5
        client.logout()


def test_user_added_while_running_can_log_in(dovecot: DovecotInstance) -> None:
    dovecot.add_user("carol@example.test", "secret3")
    dovecot.add_message("carol@example.test", b"Subject: hi\r\n\r\nhello\r\n")
    client = pop3s(dovecot)
    try:
        client.user("carol@example.test")
        client.pass_("secret3")
        assert client.stat()[0] == 1
    finally:
        client.quit()


def xoauth2(user: str, token: str) -> bytes:
    return f"user={user}\x01auth=Bearer {token}\x01\x01".encode()


def test_xoauth2_over_imap_and_pop3(dovecot: DovecotInstance) -> None:
    dovecot.add_token("ya29.good-token", ALICE)
    dovecot.add_message(ALICE, b"Subject: oauth\r\n\r\nhi\r\n")
    with imaps(dovecot) as client:
        assert "AUTH=XOAUTH2" in client.capabilities
        assert client.authenticate("XOAUTH2", lambda _: xoauth2(ALICE, "ya29.good-token"))[0] == "OK"
        assert client.select("INBOX", readonly=True) == ("OK", [b"1"])
        client.logout()
    client = pop3s(dovecot)
    try:
        assert "XOAUTH2" in client.capa()["SASL"]
        answer = client._shortcmd("AUTH XOAUTH2 " + base64.b64encode(xoauth2(ALICE, "ya29.good-token")).decode())
        assert answer.startswith(b"+OK")
        assert client.stat()[0] == 1
    finally:
        client.quit()
    assert dovecot.token_checks == ["ya29.good-token", "ya29.good-token"]
    # a token for someone else, then an unknown token: both refused
    for user, token in ((BOB, "ya29.good-token"), (ALICE, "ya29.unknown")):
        with imaps(dovecot) as client:
            with pytest.raises(imaplib.IMAP4.error, match="AUTHENTICATIONFAILED"):
                client.authenticate("XOAUTH2", lambda _, user=user, token=token: xoauth2(user, token))
            client.logout()


# ---------------------------------------------------------------- stopping and skipping


def test_stop_leaves_no_process_even_with_a_client_connected(dovecot_factory) -> None:
    instance = dovecot_factory()
    client = imaps(instance)  # left connected on purpose (recipe pitfall 7)
    client.login(ALICE, "secret1")
    client.select("INBOX")
    assert instance.processes()
    ports = (instance.imap_port, instance.imaps_port, instance.pop3_port, instance.pop3s_port)
    started = time.monotonic()
    try:
        instance.stop()
    finally:
        client.shutdown()
    assert time.monotonic() - started < 5
    assert not instance.running
    assert instance_processes(instance.name) == []
    assert not instance.base.exists()
    for port in ports:
        with socket.socket() as probe:
            assert probe.connect_ex(("127.0.0.1", port)) != 0


def test_missing_dovecot_skips_with_the_install_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dovecot_helpers, "dovecot_binary", lambda: None)
    monkeypatch.delenv(REQUIRE_ENV, raising=False)
    with pytest.raises(pytest.skip.Exception, match="apt-get install dovecot-imapd dovecot-pop3d"):
        require_dovecot()


def test_missing_dovecot_fails_when_ci_requires_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dovecot_helpers, "dovecot_binary", lambda: None)
    monkeypatch.setenv(REQUIRE_ENV, "1")
    with pytest.raises(pytest.fail.Exception, match=DOVECOT_MISSING.split(":")[0]):
        require_dovecot()
