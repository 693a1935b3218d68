"""The capture server's private certificate authority, and the deliberately bad certificates tests rely on."""

from __future__ import annotations

import asyncio
import ssl
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.x509.oid import ExtendedKeyUsageOID

from stdlib_email.tls import CA_CERT_FILE, CA_KEY_FILE, CertificateAuthority, normalise_host

from .bad_certificates import expired_context, self_signed_context, wrong_host_context
from .capture_helpers import LOOPBACK, run_bounded

POSIX_ONLY = pytest.mark.skipif(sys.platform == "win32", reason="file modes are POSIX")


@pytest.fixture
def authority(tmp_path: Path) -> CertificateAuthority:
    return CertificateAuthority.load_or_create(tmp_path / "ca")


def handshake(server_context: ssl.SSLContext, client_context: ssl.SSLContext, server_name: str | None) -> dict:
    """The certificate a client sees after a TLS handshake with a server on loopback (raises if it refuses it)."""

    async def scenario() -> dict:
        async def greet(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            writer.close()

        server = await asyncio.start_server(greet, LOOPBACK, 0, ssl=server_context)
        port = server.sockets[0].getsockname()[1]
        try:
            options = {"server_hostname": server_name} if server_name is not None else {}
            _, writer = await asyncio.wait_for(
                asyncio.open_connection(LOOPBACK, port, ssl=client_context, **options), 10
            )
            certificate = writer.get_extra_info("peercert")
            writer.close()
            return certificate
        finally:
            server.close()
            await server.wait_closed()

    return run_bounded(scenario)


def strict_client(authority: CertificateAuthority) -> ssl.SSLContext:
    # what newer Pythons' create_default_context() sets by default: certificates must be well formed
    context = authority.client_context()
    context.verify_flags |= ssl.VERIFY_X509_STRICT
    return context


def san(certificate: dict) -> list[tuple[str, str]]:
    return list(certificate["subjectAltName"])


# ---------------------------------------------------------------------- the CA on disk


def test_creates_then_reuses_the_authority(tmp_path: Path) -> None:
    first = CertificateAuthority.load_or_create(tmp_path / "ca")
    assert first.ca_cert_path == tmp_path / "ca" / CA_CERT_FILE
    assert (tmp_path / "ca" / CA_KEY_FILE).is_file()
    again = CertificateAuthority.load_or_create(tmp_path / "ca")
    assert again.certificate == first.certificate
    constraints = first.certificate.extensions.get_extension_for_class(x509.BasicConstraints)
    assert constraints.critical and constraints.value.ca


@POSIX_ONLY
def test_the_key_is_private(tmp_path: Path) -> None:
    CertificateAuthority.load_or_create(tmp_path / "ca")
    key_file = tmp_path / "ca" / CA_KEY_FILE
    assert key_file.stat().st_mode & 0o777 == 0o600
    key_file.chmod(0o644)
    CertificateAuthority.load_or_create(tmp_path / "ca")
    assert key_file.stat().st_mode & 0o777 == 0o600
    assert not list((tmp_path / "ca").glob(".*.tmp"))


@pytest.mark.parametrize("damage", ["garbage certificate", "garbage key", "missing key", "key of another CA"])
def test_a_broken_authority_is_made_anew(tmp_path: Path, damage: str) -> None:
    first = CertificateAuthority.load_or_create(tmp_path / "ca")
    cert_file, key_file = tmp_path / "ca" / CA_CERT_FILE, tmp_path / "ca" / CA_KEY_FILE
    if damage == "garbage certificate":
        cert_file.write_text("not a certificate")
    elif damage == "garbage key":
        key_file.write_text("not a key")
    elif damage == "missing key":
        key_file.unlink()
    else:
        other = CertificateAuthority.load_or_create(tmp_path / "other")
        key_file.write_bytes((tmp_path / "other" / CA_KEY_FILE).read_bytes())
        assert other.certificate != first.certificate
    renewed = CertificateAuthority.load_or_create(tmp_path / "ca")
    assert renewed.certificate != first.certificate
    handshake(renewed.server_context(), renewed.client_context(), "smtp.example.com")


# ---------------------------------------------------------------------- leaves


def test_issues_a_server_certificate_for_a_dns_name(authority: CertificateAuthority) -> None:
    cert_pem, key_pem = authority.issue("smtp.example.com")
    assert b"PRIVATE KEY" in key_pem
    certificate = x509.load_pem_x509_certificate(cert_pem)
    certificate.verify_directly_issued_by(authority.certificate)
    names = certificate.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    assert names.get_values_for_type(x509.DNSName) == ["smtp.example.com"]
    usage = certificate.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
    assert list(usage) == [ExtendedKeyUsageOID.SERVER_AUTH]
    assert not certificate.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    now = datetime.now(UTC)
    assert timedelta(minutes=55) < now - certificate.not_valid_before_utc < timedelta(minutes=65)
    assert timedelta(days=360) < certificate.not_valid_after_utc - now < timedelta(days=366)


def test_issues_for_an_ip_address(authority: CertificateAuthority) -> None:
    certificate = x509.load_pem_x509_certificate(authority.issue("192.0.2.7")[0])
    names = certificate.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    assert [str(address) for address in names.get_values_for_type(x509.IPAddress)] == ["192.0.2.7"]
    assert names.get_values_for_type(x509.DNSName) == []


def test_leaves_are_cached_per_normalised_name(authority: CertificateAuthority) -> None:
    assert authority.issue("SMTP.Example.com.") is authority.issue("smtp.example.com")
    assert authority.issue("smtp.example.com") != authority.issue("smtp.example.org")


@pytest.mark.parametrize("name", ["", "smtp..example.com", "-bad.example.com", "a b.com", "x" * 64 + ".com"])
def test_refuses_what_is_not_a_host_name(authority: CertificateAuthority, name: str) -> None:
    with pytest.raises(ValueError):
        authority.issue(name)


def test_normalise_host() -> None:
    assert normalise_host(" Smtp.Gmail.COM. ") == "smtp.gmail.com"
    assert normalise_host("[::1]") == "::1"
    assert normalise_host("courriel.exämple.fr") == "courriel.xn--exmple-cua.fr"


# ---------------------------------------------------------------------- TLS contexts


@pytest.mark.parametrize("name", ["smtp.gmail.com", "smtp.office365.com", "localhost", "mail.xn--exmple-cua.fr"])
def test_sni_gets_a_certificate_for_the_name_asked(authority: CertificateAuthority, name: str) -> None:
    certificate = handshake(authority.server_context(), strict_client(authority), name)
    assert ("DNS", name) in san(certificate)


def test_without_sni_the_loopback_certificate_is_shown(authority: CertificateAuthority) -> None:
    # a client that dials 127.0.0.1 sends no SNI (IP addresses never are) and checks the IP address
    certificate = handshake(authority.server_context(), strict_client(authority), None)
    assert ("IP Address", LOOPBACK) in san(certificate)
    assert ("DNS", "localhost") in san(certificate)


def test_the_client_context_verifies_and_trusts_only_this_authority(tmp_path: Path) -> None:
    ours = CertificateAuthority.load_or_create(tmp_path / "ours")
    theirs = CertificateAuthority.load_or_create(tmp_path / "theirs")
    context = ours.client_context()
    assert context.verify_mode == ssl.CERT_REQUIRED and context.check_hostname
    assert len(context.get_ca_certs()) == 1
    with pytest.raises(ssl.SSLCertVerificationError):
        handshake(theirs.server_context(), context, "smtp.example.com")


# ---------------------------------------------------------------------- the bad certificates


def test_a_self_signed_certificate_is_refused(authority: CertificateAuthority) -> None:
    with pytest.raises(ssl.SSLCertVerificationError) as refused:
        handshake(self_signed_context("smtp.example.com"), authority.client_context(), "smtp.example.com")
    assert refused.value.verify_code == 18  # X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT


def test_a_certificate_for_another_host_is_refused(authority: CertificateAuthority) -> None:
    bad = wrong_host_context(authority, "other.example.net")
    with pytest.raises(ssl.SSLCertVerificationError) as refused:
        handshake(bad, authority.client_context(), "smtp.example.com")
    assert refused.value.verify_code == 62  # X509_V_ERR_HOSTNAME_MISMATCH
    # nothing else is wrong with it
    lenient = authority.client_context()
    lenient.check_hostname = False
    assert ("DNS", "other.example.net") in san(handshake(bad, lenient, "smtp.example.com"))


def test_an_expired_certificate_is_refused(authority: CertificateAuthority) -> None:
    with pytest.raises(ssl.SSLCertVerificationError) as refused:
        handshake(expired_context(authority, "smtp.example.com"), authority.client_context(), "smtp.example.com")
    assert refused.value.verify_code == 10  # X509_V_ERR_CERT_HAS_EXPIRED


def test_bad_certificates_pass_when_checks_are_off(authority: CertificateAuthority) -> None:
    # what the IgnoreError flags amount to on the client's side
    unchecked = ssl.create_default_context()
    unchecked.check_hostname = False
    unchecked.verify_mode = ssl.CERT_NONE
    for bad in (self_signed_context("smtp.example.com"), expired_context(authority, "smtp.example.com")):
        assert handshake(bad, unchecked, "smtp.example.com") == {}  # (unverified: no parsed certificate)
