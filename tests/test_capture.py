"""The capture SMTP server, driven by a real client (aiosmtplib) on loopback."""

from __future__ import annotations

import asyncio
import base64
import gc
import json
import logging
import ssl
import threading
from email.message import EmailMessage
from email.policy import SMTP as SMTP_POLICY
from pathlib import Path

import aiosmtplib
import pytest

from stdlib_email.capture import INDEX_FILE, CapturedMessage, CaptureServer
from stdlib_email.tls import CertificateAuthority

from .bad_certificates import expired_context
from .capture_helpers import LOOPBACK, connected, run_bounded, simple_message, watch_loop_errors

PASSWORD = "S3cret-Pässw0rd!"
TOKEN = "ya29.a0-very-secret-token"


@pytest.fixture(scope="module")
def authority(tmp_path_factory: pytest.TempPathFactory) -> CertificateAuthority:
    return CertificateAuthority.load_or_create(tmp_path_factory.mktemp("ca"))


@pytest.fixture
def outbox(tmp_path: Path) -> Path:
    return tmp_path / "outbox"


def xoauth2_blob(user: str, token: str) -> bytes:
    return base64.b64encode(f"user={user}\x01auth=Bearer {token}\x01\x01".encode())


def capture_one(
    outbox: Path,
    authority: CertificateAuthority,
    *,
    security: str = "plain",
    sni: str | None = None,
    label: str | None = None,
    login: tuple[str, str, str] | None = None,
    message: bytes | None = None,
    recipients: tuple[str, ...] = ("bob@example.com",),
    sender: str = "alice@example.com",
) -> CapturedMessage:
    """Send one message through a fresh capture server; the record it made."""
    content = message if message is not None else simple_message()

    async def scenario() -> CapturedMessage:
        async with CaptureServer(outbox, authority) as server:
            async with connected(server, authority, security=security, sni=sni, label=label) as client:
                if login is not None:
                    mechanism, user, secret = login
                    await getattr(client, f"auth_{mechanism}")(user, secret)
                await client.sendmail(sender, list(recipients), content)
            assert len(server.messages) == 1
            return server.messages[0]

    return run_bounded(scenario)


# ---------------------------------------------------------------------- the three ways in


def test_plain_smtp_is_captured_byte_for_byte(outbox: Path, authority: CertificateAuthority) -> None:
    record = capture_one(outbox, authority)
    assert record.path.read_bytes() == simple_message()
    assert record.path.parent == outbox / "new"
    assert (record.mail_from, record.rcpt_tos) == ("alice@example.com", ["bob@example.com"])
    assert (record.subject, record.from_header) == ("Hello", "Alice <alice@example.com>")
    assert (record.security, record.auth, record.user) == ("plain", "none", "")


def test_starttls_presents_a_certificate_for_the_name_the_client_asked_for(outbox, authority) -> None:
    async def scenario() -> tuple[CapturedMessage, dict]:
        async with CaptureServer(outbox, authority) as server:
            # the client verifies the certificate and the host name against our CA only
            async with connected(server, authority, security="starttls", sni="smtp.example.com") as client:
                peer_certificate = client.transport.get_extra_info("peercert")
                await client.sendmail("alice@example.com", ["bob@example.com"], simple_message())
            return server.messages[0], peer_certificate

    record, peer_certificate = run_bounded(scenario)
    assert ("DNS", "smtp.example.com") in peer_certificate["subjectAltName"]
    assert record.security == "starttls"


def test_starttls_to_the_loopback_address_without_a_name(outbox, authority) -> None:
    assert capture_one(outbox, authority, security="starttls").security == "starttls"


def test_implicit_tls_port(outbox, authority) -> None:
    record = capture_one(outbox, authority, security="tls", sni="smtp.gmail.com")
    assert record.security == "tls"
    assert capture_one(outbox, authority, security="tls").security == "tls"  # no SNI: the loopback certificate


def test_a_custom_tls_context_replaces_the_certificate(outbox, authority) -> None:
    async def scenario() -> None:
        expired = expired_context(authority, "smtp.example.com")
        async with CaptureServer(outbox, authority, tls_context=expired) as server:
            with pytest.raises((ssl.SSLCertVerificationError, aiosmtplib.SMTPConnectError)) as refused:
                async with connected(server, authority, security="tls", sni="smtp.example.com"):
                    pass
            assert "expired" in str(refused.value)
            assert server.messages == []

    run_bounded(scenario)


# ---------------------------------------------------------------------- authentication


@pytest.mark.parametrize("mechanism", ["plain", "login"])
@pytest.mark.parametrize("security", ["plain", "starttls", "tls"])
def test_any_name_and_password_pass_plain_and_login(outbox, authority, mechanism: str, security: str) -> None:
    record = capture_one(outbox, authority, security=security, login=(mechanism, "alice@example.com", PASSWORD))
    assert (record.auth, record.user, record.security) == (mechanism, "alice@example.com", security)


def test_xoauth2_with_the_token_the_validator_accepts(outbox, authority) -> None:
    asked: list[tuple[str, str]] = []

    def validator(user: str, token: str) -> bool:
        asked.append((user, token))
        return token == TOKEN

    async def scenario() -> CapturedMessage:
        async with CaptureServer(outbox, authority, token_validator=validator) as server:
            async with connected(server, authority, security="starttls") as client:
                assert "xoauth2" in client.server_auth_methods
                await client.auth_xoauth2("alice@gmail.com", TOKEN)
                await client.sendmail("alice@gmail.com", ["bob@example.com"], simple_message())
            return server.messages[0]

    record = run_bounded(scenario)
    assert asked == [("alice@gmail.com", TOKEN)]
    assert (record.auth, record.user) == ("xoauth2", "alice@gmail.com")


def test_xoauth2_accepts_any_token_without_a_validator(outbox, authority) -> None:
    record = capture_one(outbox, authority, security="tls", login=("xoauth2", "alice@gmail.com", TOKEN))
    assert (record.auth, record.user) == ("xoauth2", "alice@gmail.com")


def test_xoauth2_refused_the_gmail_way(outbox, authority) -> None:
    async def scenario() -> None:
        server = CaptureServer(outbox, authority, token_validator=lambda user, token: False)
        async with server, connected(server, authority) as client:
            await client.ehlo()
            first = await client.execute_command(b"AUTH", b"XOAUTH2", xoauth2_blob("alice@gmail.com", TOKEN))
            assert first.code == 334  # base64 JSON error, to be answered with an empty line
            assert json.loads(base64.b64decode(first.message))["status"] == "401"
            final = await client.execute_command(b"")
            assert final.code == 535
            with pytest.raises(aiosmtplib.SMTPAuthenticationError) as refused:
                await client.auth_xoauth2("alice@gmail.com", TOKEN)
            assert refused.value.code == 535

    run_bounded(scenario)


def test_xoauth2_refuses_when_the_validator_crashes(outbox, authority, caplog) -> None:
    def broken(user: str, token: str) -> bool:
        raise RuntimeError(f"cannot check {token}")

    async def scenario() -> None:
        server = CaptureServer(outbox, authority, token_validator=broken)
        async with server, connected(server, authority) as client:
            with pytest.raises(aiosmtplib.SMTPAuthenticationError):
                await client.auth_xoauth2("alice@gmail.com", TOKEN)

    run_bounded(scenario)
    assert TOKEN not in caplog.text


def test_xoauth2_by_challenge_with_a_long_token(outbox, authority) -> None:
    long_token = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9." + "x" * 4000  # Microsoft's are this big

    async def scenario() -> CapturedMessage:
        async with CaptureServer(outbox, authority) as server:
            async with connected(server, authority) as client:
                await client.ehlo()
                challenge = await client.execute_command(b"AUTH", b"XOAUTH2")
                assert (challenge.code, challenge.message) == (334, "")
                accepted = await client.execute_command(xoauth2_blob("carol@outlook.com", long_token))
                assert accepted.code == 235
                await client.sendmail("carol@outlook.com", ["bob@example.com"], simple_message())
            async with connected(server, authority) as client:  # and as an initial response
                await client.auth_xoauth2("dave@outlook.com", long_token)
            return server.messages[0]

    assert run_bounded(scenario).user == "carol@outlook.com"


def test_malformed_xoauth2_is_a_syntax_error(outbox, authority) -> None:
    async def scenario() -> None:
        async with CaptureServer(outbox, authority) as server, connected(server, authority) as client:
            await client.ehlo()
            no_bearer = base64.b64encode(b"user=alice\x01auth=Basic abc\x01\x01")
            assert (await client.execute_command(b"AUTH", b"XOAUTH2", no_bearer)).code == 501
            assert (await client.execute_command(b"AUTH", b"XOAUTH2", b"%%%")).code == 501

    run_bounded(scenario)


def test_secrets_are_never_stored_indexed_or_logged(outbox, authority, caplog) -> None:
    caplog.set_level(logging.DEBUG)  # aiosmtpd's mail.log at its most talkative included

    async def scenario() -> list[CapturedMessage]:
        async with CaptureServer(outbox, authority) as server:
            for security, mechanism, secret in [
                ("plain", "plain", PASSWORD),
                ("starttls", "login", PASSWORD),
                ("tls", "xoauth2", TOKEN),
            ]:
                async with connected(server, authority, security=security) as client:
                    await getattr(client, f"auth_{mechanism}")("alice@example.com", secret)
                    await client.sendmail("alice@example.com", ["bob@example.com"], simple_message())
            return server.messages

    records = run_bounded(scenario)
    assert [record.auth for record in records] == ["plain", "login", "xoauth2"]
    secrets = [
        PASSWORD,
        TOKEN,
        base64.b64encode(PASSWORD.encode()).decode(),
        base64.b64encode(f"\0alice@example.com\0{PASSWORD}".encode()).decode(),
        xoauth2_blob("alice@example.com", TOKEN).decode(),
    ]
    stored = [(outbox / INDEX_FILE).read_text(encoding="utf-8"), repr(records)]
    stored += [record.path.read_text(encoding="utf-8") for record in records]
    for secret in secrets:
        assert all(secret not in text for text in stored), secret
        assert secret not in caplog.text, secret
        assert all(secret not in repr(record.args) for record in caplog.records), secret


def test_a_successful_login_logs_no_warning(outbox, authority, caplog) -> None:
    # aiosmtpd's Session.login_data setter would log a deprecation warning on each AUTH
    capture_one(outbox, authority, login=("plain", "alice", PASSWORD))
    assert [record.getMessage() for record in caplog.records if record.levelno >= logging.WARNING] == []


# ---------------------------------------------------------------------- what is recorded


def test_bcc_recipients_are_envelope_only(outbox, authority) -> None:
    message = simple_message(to="bob@example.com")
    record = capture_one(outbox, authority, message=message, recipients=("bob@example.com", "hidden@example.com"))
    assert record.rcpt_tos == ["bob@example.com", "hidden@example.com"]
    stored = record.path.read_bytes()
    assert stored == message  # nothing added: no Bcc, no Received, no Return-Path
    assert b"hidden@example.com" not in stored


def test_utf8_message_and_address(outbox, authority) -> None:
    message = EmailMessage(policy=SMTP_POLICY)
    message["From"] = "Zoé Dupré <zoé@exemple.fr>"
    message["To"] = "Ørjan <orjan@example.no>"
    message["Subject"] = "Réunion à 10 h — café ☕"
    message.set_content("Bonjour à tous,\nl'ordre du jour est joint.\n", cte="8bit")
    content = message.as_bytes()

    async def scenario() -> CapturedMessage:
        async with CaptureServer(outbox, authority) as server:
            async with connected(server, authority, security="starttls") as client:
                assert client.supports_extension("smtputf8")
                await client.sendmail("zoé@exemple.fr", ["orjan@example.no"], content, mail_options=["SMTPUTF8"])
            return server.messages[0]

    record = run_bounded(scenario)
    assert record.path.read_bytes() == content
    assert b"=?utf-8?" in content  # the subject travels RFC 2047-encoded …
    assert record.subject == "Réunion à 10 h — café ☕"  # … and is recorded decoded
    assert record.from_header == "Zoé Dupré <zoé@exemple.fr>"
    assert record.mail_from == "zoé@exemple.fr"


def test_label_names_the_server_the_program_asked_for(outbox, authority) -> None:
    async def scenario() -> list[str]:
        async with CaptureServer(outbox, authority) as server:
            async with connected(
                server, authority, security="starttls", sni="smtp.gmail.com", label="smtp.gmail.com:587"
            ) as client:
                await client.sendmail("a@example.com", ["b@example.com"], simple_message("one"))
                await client.sendmail("a@example.com", ["b@example.com"], simple_message("two"))
            async with connected(server, authority, security="tls", label="smtp.office365.com:465") as client:
                await client.sendmail("a@example.com", ["b@example.com"], simple_message("three"))
            async with connected(server, authority) as client:
                await client.sendmail("a@example.com", ["b@example.com"], simple_message("four"))
            fallback = f"{LOOPBACK}:{server.plain_port}"
            return [message.server for message in server.messages] + [fallback]

    *servers, fallback = run_bounded(scenario)
    assert servers == ["smtp.gmail.com:587", "smtp.gmail.com:587", "smtp.office365.com:465", fallback]


def test_index_holds_one_line_per_message(outbox, authority) -> None:
    async def scenario() -> list[CapturedMessage]:
        async with CaptureServer(outbox, authority) as server:
            async with connected(server, authority, security="starttls", label="mail.example.com:587") as client:
                await client.auth_login("alice", PASSWORD)
                for subject in ["first", "second"]:
                    await client.sendmail("alice@example.com", ["bob@example.com"], simple_message(subject))
            return server.messages

    records = run_bounded(scenario)
    lines = (outbox / INDEX_FILE).read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2
    first = json.loads(lines[0])
    assert set(first) == set(CapturedMessage.__dataclass_fields__)
    assert first["path"] == records[0].path.relative_to(outbox).as_posix()
    assert (first["subject"], first["server"], first["auth"], first["user"]) == (
        "first",
        "mail.example.com:587",
        "login",
        "alice",
    )
    assert [CapturedMessage.from_index_record(json.loads(line), outbox) for line in lines] == records


def test_index_survives_a_half_written_line(outbox, authority) -> None:
    outbox.mkdir()
    (outbox / INDEX_FILE).write_text('{"mail_from": "cut sh', encoding="utf-8")
    capture_one(outbox, authority)
    lines = (outbox / INDEX_FILE).read_text(encoding="utf-8").splitlines()
    assert lines[0] == '{"mail_from": "cut sh'
    assert json.loads(lines[1])["mail_from"] == "alice@example.com"


def test_on_message_callbacks_see_each_message_in_order(outbox, authority, caplog) -> None:
    seen: list[str] = []

    def broken(message: CapturedMessage) -> None:
        raise ValueError("a listener's bug")

    async def scenario() -> None:
        async with CaptureServer(outbox, authority) as server:
            server.on_message(broken)
            server.on_message(lambda message: seen.append(message.subject))
            async with connected(server, authority) as client:
                for subject in ["one", "two"]:
                    await client.sendmail("a@example.com", ["b@example.com"], simple_message(subject))

    run_bounded(scenario)
    assert seen == ["one", "two"]
    assert "on_message callback failed" in caplog.text


# ---------------------------------------------------------------------- bounded and robust


def test_runs_on_the_current_loop_without_threads(outbox, authority) -> None:
    async def scenario() -> None:
        before = threading.active_count()
        async with CaptureServer(outbox, authority) as server:
            assert threading.active_count() == before
            assert server.plain_port != server.tls_port
            with pytest.raises(RuntimeError):
                await server.start()
        with pytest.raises(RuntimeError, match="not running"):
            _ = server.plain_port

    run_bounded(scenario)


def test_too_big_a_message_is_refused(outbox, authority) -> None:
    async def scenario() -> None:
        async with CaptureServer(outbox, authority, max_message_size=1000) as server:
            async with connected(server, authority) as client:
                with pytest.raises(aiosmtplib.SMTPResponseException) as refused:
                    await client.sendmail("a@example.com", ["b@example.com"], simple_message() + b"x" * 2000)
                assert refused.value.code == 552
                # and a client that does not announce the size is stopped at DATA
                await client.mail("a@example.com")
                await client.rcpt("b@example.com")
                with pytest.raises(aiosmtplib.SMTPDataError) as too_much:
                    await client.data(simple_message() + b"y" * 2000)
                assert too_much.value.code == 552
            assert server.messages == []

    run_bounded(scenario)


def test_clients_that_vanish_leave_no_traceback(outbox, authority, caplog) -> None:
    untrusting = ssl.create_default_context()  # trusts the system's roots, not our CA

    async def scenario() -> tuple[list, list[CapturedMessage]]:
        errors = watch_loop_errors()
        async with CaptureServer(outbox, authority) as server:
            # hangs up in the middle of DATA
            _, writer = await asyncio.open_connection(LOOPBACK, server.plain_port)
            for line in [
                b"EHLO me",
                b"MAIL FROM:<a@example.com>",
                b"RCPT TO:<b@example.com>",
                b"DATA",
                b"Subject: cut",
            ]:
                writer.write(line + b"\r\n")
            await writer.drain()
            await asyncio.sleep(0.05)
            writer.transport.abort()
            # hangs up at once, twice
            for port in (server.plain_port, server.tls_port):
                _, writer = await asyncio.open_connection(LOOPBACK, port)
                writer.transport.abort()
            # refuses our certificate during STARTTLS, then on the TLS port
            client = aiosmtplib.SMTP(
                hostname=LOOPBACK, port=server.plain_port, start_tls=True, tls_context=untrusting, timeout=5
            )
            with pytest.raises((aiosmtplib.SMTPException, ssl.SSLError)):
                await client.connect()
            client.close()
            client = aiosmtplib.SMTP(
                hostname=LOOPBACK, port=server.tls_port, use_tls=True, tls_context=untrusting, timeout=5
            )
            with pytest.raises((aiosmtplib.SMTPException, ssl.SSLError)):
                await client.connect()
            await asyncio.sleep(0.1)
            # the server still works
            async with connected(server, authority, security="starttls") as client:
                await client.sendmail("a@example.com", ["b@example.com"], simple_message())
            messages = list(server.messages)
        gc.collect()  # "Task exception was never retrieved" is reported when a task is collected
        await asyncio.sleep(0)
        return errors, messages

    errors, messages = run_bounded(scenario)
    assert errors == []
    assert len(messages) == 1
    problems = [record for record in caplog.records if record.levelno >= logging.WARNING or record.exc_info]
    assert problems == []


def test_stop_closes_connections_still_open(outbox, authority) -> None:
    async def scenario() -> None:
        server = CaptureServer(outbox, authority)
        await server.start()
        port = server.plain_port
        reader, writer = await asyncio.open_connection(LOOPBACK, port)
        assert (await reader.readline()).startswith(b"220 ")
        # and one that never starts its TLS handshake
        _, silent = await asyncio.open_connection(LOOPBACK, server.tls_port)
        await asyncio.wait_for(server.stop(), 10)
        assert await asyncio.wait_for(reader.read(), 5) == b""  # the server hung up
        writer.close()
        silent.close()
        with pytest.raises(OSError):
            await asyncio.open_connection(LOOPBACK, port)

    run_bounded(scenario)
