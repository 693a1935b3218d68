"""A private certificate authority that issues the capture server's TLS certificates for any host name on demand.

Capture mode connects a program that names, say, ``smtp.gmail.com:587`` to a server on
127.0.0.1. For the program's certificate checks to pass (WinDev verifies certificates unless
``IgnoreError`` says otherwise), the capture server must present a certificate for the name
the client asked for (TLS SNI), signed by an authority that only *our* client trusts. This
module is that authority: one key pair kept on disk, leaves minted in memory per host name.

Never install ``ca.pem`` in a system trust store: its key sits unencrypted on this machine and
it signs certificates for any name.
"""

from __future__ import annotations

import ipaddress
import os
import re
import ssl
import tempfile
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

__all__ = [
    "CA_CERT_FILE",
    "CA_KEY_FILE",
    "CertificateAuthority",
    "normalise_host",
    "server_context_from_pem",
]

CA_CERT_FILE = "ca.pem"
CA_KEY_FILE = "ca-key.pem"

CA_LIFETIME = timedelta(days=3650)
LEAF_LIFETIME = timedelta(days=365)
# clocks of the client and of this machine may disagree a little
BACKDATE = timedelta(hours=1)
# the SNI name comes from the client: keep a hostile or buggy one from growing the cache forever
MAX_CACHED_LEAVES = 256

# clients never send an IP address as SNI, so the certificate shown without SNI must also
# cover the loopback addresses a client may have dialled
DEFAULT_NAMES = ("localhost", "127.0.0.1", "::1")

_DNS_LABEL = re.compile(r"^(?!-)[a-z0-9_-]{1,63}(?<!-)$")

Names = Sequence[str]
PemPair = tuple[bytes, bytes]


class CertificateAuthority:
    """A CA key pair that signs short-lived server certificates for whatever host a client names."""

    def __init__(self, certificate: x509.Certificate, key: ec.EllipticCurvePrivateKey, ca_cert_path: Path):
        self.certificate = certificate
        self.ca_cert_path = ca_cert_path
        self._key = key
        self._issued: dict[str, PemPair] = {}
        self._contexts: dict[str, ssl.SSLContext] = {}

    # ------------------------------------------------------------------ the CA on disk

    @classmethod
    def load_or_create(cls, directory: Path) -> CertificateAuthority:
        """The CA kept in ``directory`` (ca.pem, ca-key.pem), made anew if missing, broken or near its end."""
        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        cert_path, key_path = directory / CA_CERT_FILE, directory / CA_KEY_FILE
        loaded = _load_pair(cert_path, key_path)
        if loaded is None:
            loaded = _new_ca()
            _write_private(key_path, _key_pem(loaded[1]))
            _write_public(cert_path, loaded[0].public_bytes(serialization.Encoding.PEM))
        else:
            # an older run, or a copy, may have left the key readable by others
            os.chmod(key_path, 0o600)
        return cls(loaded[0], loaded[1], cert_path)

    # ------------------------------------------------------------------ leaves

    def issue(self, hostname: str) -> PemPair:
        """Leaf certificate and key (PEM) for one DNS name or IP address, valid now for about a year."""
        name = normalise_host(hostname)
        if name not in self._issued:
            _bounded(self._issued)
            self._issued[name] = self.sign([name])
        return self._issued[name]

    def sign(self, names: Names, *, not_before: datetime | None = None, not_after: datetime | None = None) -> PemPair:
        """A new leaf for ``names`` (the first is the subject), not cached; tests use the dates to make bad ones."""
        now = datetime.now(UTC)
        start = not_before or now - BACKDATE
        end = not_after or min(now + LEAF_LIFETIME, self.certificate.not_valid_after_utc)
        key = ec.generate_private_key(ec.SECP256R1())
        normalised = [normalise_host(name) for name in names]
        builder = (
            x509.CertificateBuilder()
            .subject_name(_common_name(normalised[0]))
            .issuer_name(self.certificate.subject)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(start)
            .not_valid_after(end)
        )
        for extension, critical in _leaf_extensions(normalised, key, self.certificate):
            builder = builder.add_extension(extension, critical=critical)
        certificate = builder.sign(self._key, hashes.SHA256())
        return certificate.public_bytes(serialization.Encoding.PEM), _key_pem(key)

    # ------------------------------------------------------------------ TLS contexts

    def server_context(self) -> ssl.SSLContext:
        """A TLS server context that shows each client a certificate for the name it asked for (SNI)."""
        context = server_context_from_pem(*self.sign(DEFAULT_NAMES))
        context.sni_callback = self._present_leaf
        return context

    def client_context(self) -> ssl.SSLContext:
        """A verifying client context (host name checked) that trusts this CA and nothing else."""
        # with a cafile, create_default_context loads only that file, not the system's roots
        return ssl.create_default_context(ssl.Purpose.SERVER_AUTH, cafile=str(self.ca_cert_path))

    def _present_leaf(self, connection: ssl.SSLObject, server_name: str | None, _: ssl.SSLContext) -> None:
        # Without SNI the default (loopback) certificate stays. A name we cannot certify also
        # keeps it: the client then rejects the certificate, which is the honest outcome.
        if server_name is None:
            return
        try:
            connection.context = self._leaf_context(server_name)
        except ValueError:
            return

    def _leaf_context(self, hostname: str) -> ssl.SSLContext:
        name = normalise_host(hostname)
        if name not in self._contexts:
            _bounded(self._contexts)
            self._contexts[name] = server_context_from_pem(*self.issue(name))
        return self._contexts[name]


# ---------------------------------------------------------------------- helpers


def server_context_from_pem(cert_pem: bytes, key_pem: bytes) -> ssl.SSLContext:
    """A TLS server context holding one certificate chain given as PEM bytes."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    # ssl can only load a chain from files: hand it a private temporary copy, gone at once
    with tempfile.TemporaryDirectory(prefix="wlinterp-tls-") as folder:
        cert_file, key_file = Path(folder) / "cert.pem", Path(folder) / "key.pem"
        _write_public(cert_file, cert_pem)
        _write_private(key_file, key_pem)
        context.load_cert_chain(cert_file, key_file)
    return context


def normalise_host(hostname: str) -> str:
    """The canonical form of a DNS name (lower case A-labels, no final dot) or IP address; ValueError if neither."""
    text = hostname.strip().rstrip(".").lower()
    try:
        return str(ipaddress.ip_address(text.strip("[]")))
    except ValueError:
        pass
    try:
        text = text.encode("idna").decode("ascii")
    except UnicodeError as error:
        raise ValueError(f"not a host name: {hostname!r}") from error
    labels = text.split(".")
    if not text or len(text) > 253 or not all(_DNS_LABEL.match(label) for label in labels):
        raise ValueError(f"not a host name: {hostname!r}")
    return text


def _new_ca() -> tuple[x509.Certificate, ec.EllipticCurvePrivateKey]:
    key = ec.generate_private_key(ec.SECP256R1())
    now = datetime.now(UTC)
    subject = x509.Name(
        [
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "wlinterp"),
            x509.NameAttribute(NameOID.COMMON_NAME, "wlinterp capture CA (this machine only)"),
        ]
    )
    certificate = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - BACKDATE)
        .not_valid_after(now + CA_LIFETIME)
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(_key_usage(cert_sign=True), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    return certificate, key


def _leaf_extensions(names: list[str], key: ec.EllipticCurvePrivateKey, issuer: x509.Certificate):
    # what a strict verifier (OpenSSL's X509_STRICT, browsers) expects of a server leaf
    issuer_key_id = issuer.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value
    yield x509.SubjectAlternativeName([_general_name(name) for name in names]), False
    yield x509.BasicConstraints(ca=False, path_length=None), True
    yield _key_usage(cert_sign=False), True
    yield x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), False
    yield x509.SubjectKeyIdentifier.from_public_key(key.public_key()), False
    yield x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(issuer_key_id), False


def _general_name(name: str) -> x509.GeneralName:
    try:
        return x509.IPAddress(ipaddress.ip_address(name))
    except ValueError:
        return x509.DNSName(name)


def _common_name(name: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])


def _key_usage(*, cert_sign: bool) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=not cert_sign,
        content_commitment=False,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=cert_sign,
        crl_sign=cert_sign,
        encipher_only=False,
        decipher_only=False,
    )


def _load_pair(cert_path: Path, key_path: Path) -> tuple[x509.Certificate, ec.EllipticCurvePrivateKey] | None:
    """The stored CA if both files are there, match, and will outlive any leaf issued today."""
    try:
        certificate = x509.load_pem_x509_certificate(cert_path.read_bytes())
        key = serialization.load_pem_private_key(key_path.read_bytes(), password=None)
        constraints = certificate.extensions.get_extension_for_class(x509.BasicConstraints).value
        certificate.extensions.get_extension_for_class(x509.SubjectKeyIdentifier)
    except (OSError, ValueError, TypeError, x509.ExtensionNotFound):
        return None
    if not isinstance(key, ec.EllipticCurvePrivateKey) or not constraints.ca:
        return None
    if _public_bytes(key.public_key()) != _public_bytes(certificate.public_key()):
        return None
    now = datetime.now(UTC)
    if certificate.not_valid_before_utc > now or certificate.not_valid_after_utc < now + LEAF_LIFETIME:
        return None
    return certificate, key


def _public_bytes(public_key) -> bytes:
    return public_key.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)


def _key_pem(key: ec.EllipticCurvePrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


def _write_private(path: Path, data: bytes) -> None:
    _write_atomically(path, data, 0o600)


def _write_public(path: Path, data: bytes) -> None:
    _write_atomically(path, data, 0o644)


def _write_atomically(path: Path, data: bytes, mode: int) -> None:
    # created with its final mode (a key is never readable by others, not even for a moment),
    # then renamed into place so that a concurrent run never reads half a file
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
    try:
        with os.fdopen(descriptor, "wb") as file:
            file.write(data)
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _bounded(cache: dict) -> None:
    # dicts keep insertion order: drop the oldest entry
    if len(cache) >= MAX_CACHED_LEAVES:
        del cache[next(iter(cache))]
