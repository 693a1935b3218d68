"""Server TLS contexts with deliberately bad certificates, for tests of certificate checks and IgnoreError.

Each returns a server-side ``ssl.SSLContext`` to give to ``CaptureServer(..., tls_context=...)``
or to any asyncio server; a client that trusts the authority (``authority.client_context()``)
must refuse each of them, for the reason its name says.
"""

from __future__ import annotations

import ssl
from datetime import UTC, datetime, timedelta

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from stdlib_email.tls import CertificateAuthority, normalise_host, server_context_from_pem

__all__ = ["expired_context", "self_signed_context", "wrong_host_context"]


def self_signed_context(hostname: str) -> ssl.SSLContext:
    """A certificate for the right name, signed by its own key: no trusted authority vouches for it."""
    name = normalise_host(hostname)
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = datetime.now(UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(hours=1))
        .not_valid_after(now + timedelta(days=30))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName(name)]), critical=False)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .sign(key, hashes.SHA256())
    )
    key_pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    return server_context_from_pem(certificate.public_bytes(serialization.Encoding.PEM), key_pem)


def wrong_host_context(authority: CertificateAuthority, cert_hostname: str) -> ssl.SSLContext:
    """A valid certificate from the authority, but for ``cert_hostname``, whatever name the client asks for."""
    return server_context_from_pem(*authority.sign([cert_hostname]))


def expired_context(authority: CertificateAuthority, hostname: str) -> ssl.SSLContext:
    """A certificate from the authority for the right name, which expired yesterday."""
    now = datetime.now(UTC)
    return server_context_from_pem(
        *authority.sign([hostname], not_before=now - timedelta(days=30), not_after=now - timedelta(days=1))
    )
