"""Certificate checking for the email sessions: on by default, and each ``IgnoreError`` flag honoured on its own.

Python's TLS layer checks the chain, the dates and the name together. Ignoring the name alone or
the whole certificate maps onto its switches; ignoring only the dates does not, so then the
handshake runs without OpenSSL's check and ``verify_after_handshake`` checks the chain and the
name itself, leaving the dates out. Revocation is never checked (Python does not fetch CRLs),
so ``emailSessionIgnoreRevocation`` changes nothing.
"""

from __future__ import annotations

import ipaddress
import ssl
from functools import lru_cache
from pathlib import Path

from cryptography import x509
from cryptography.x509.oid import ExtensionOID, NameOID

from .constants import IgnoreError

__all__ = ["CertificateProblem", "client_context", "verify_after_handshake"]


class CertificateProblem(Exception):
    """The server's certificate fails a check the session did not ask to skip."""


def _checks_dates_itself(ignore: IgnoreError) -> bool:
    return bool(ignore & IgnoreError.EXPIRED) and not ignore & IgnoreError.CERTIFICATE_INVALID


def client_context(ignore: IgnoreError = IgnoreError.NONE, trust_file: str | None = None) -> ssl.SSLContext:
    """The TLS context a session connects with."""
    context = ssl.create_default_context()
    if trust_file:
        context.load_verify_locations(cafile=trust_file)
    if ignore & IgnoreError.CERTIFICATE_INVALID or _checks_dates_itself(ignore):
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
    elif ignore & IgnoreError.NAME_INVALID:
        context.check_hostname = False
    return context


def verify_after_handshake(
    ssl_object: ssl.SSLObject, server_name: str, ignore: IgnoreError, trust_file: str | None = None
) -> None:
    """When only the dates are to be ignored: check the chain up to a trusted root, and the name unless ignored too."""
    if not _checks_dates_itself(ignore):
        return
    chain = _peer_chain(ssl_object)
    if not chain:
        raise CertificateProblem("the server sent no certificate")
    roots = _roots(ssl.get_default_verify_paths().cafile, trust_file)
    for certificate, issuer in zip(chain, chain[1:]):
        _signed_by(certificate, issuer)
    top = chain[-1]
    issuer = next((root for root in roots if root.subject == top.issuer), None)
    if issuer is None:
        if len(chain) == 1 and top.issuer == top.subject:
            raise CertificateProblem("self-signed certificate (to accept it, add emailSessionIgnoreCertificateInvalid to IgnoreError)")
        raise CertificateProblem(
            "unable to get local issuer certificate (to accept it, add emailSessionIgnoreCertificateInvalid to IgnoreError)"
        )
    _signed_by(top, issuer)
    if not ignore & IgnoreError.NAME_INVALID and not _names_match(chain[0], server_name):
        raise CertificateProblem(
            f"Hostname mismatch, certificate is not valid for '{server_name}' "
            "(to accept it, add emailSessionIgnoreNameCertificateInvalid to IgnoreError)"
        )


def _peer_chain(ssl_object: ssl.SSLObject) -> list[x509.Certificate]:
    get_chain = getattr(ssl_object, "get_unverified_chain", None)  # Python 3.13+
    if get_chain is not None:
        return [x509.load_der_x509_certificate(c.public_bytes(ssl.ENCODING_DER)) for c in get_chain()]
    leaf = ssl_object.getpeercert(binary_form=True)
    return [x509.load_der_x509_certificate(leaf)] if leaf else []


def _signed_by(certificate: x509.Certificate, issuer: x509.Certificate) -> None:
    try:
        certificate.verify_directly_issued_by(issuer)
    except (ValueError, TypeError, Exception) as exc:  # noqa: BLE001 - cryptography raises several kinds
        raise CertificateProblem(f"certificate signature failure ({type(exc).__name__})") from None


@lru_cache(maxsize=8)
def _roots(default: str | None, trust_file: str | None) -> tuple[x509.Certificate, ...]:
    """The certificates trusted: the system's bundle (or SSL_CERT_FILE's) and the extra file."""
    pem = b""
    for path in (default, trust_file):
        if path and Path(path).is_file():
            pem += Path(path).read_bytes() + b"\n"
    try:
        return tuple(x509.load_pem_x509_certificates(pem)) if pem.strip() else ()
    except ValueError:
        return ()


def _names_match(certificate: x509.Certificate, server_name: str) -> bool:
    try:
        alternative = certificate.extensions.get_extension_for_oid(ExtensionOID.SUBJECT_ALTERNATIVE_NAME).value
        dns_names = alternative.get_values_for_type(x509.DNSName)
        ip_names = [str(ip) for ip in alternative.get_values_for_type(x509.IPAddress)]
    except x509.ExtensionNotFound:
        dns_names = [a.value for a in certificate.subject.get_attributes_for_oid(NameOID.COMMON_NAME)]  # type: ignore[misc]
        ip_names = []
    try:
        return str(ipaddress.ip_address(server_name)) in ip_names
    except ValueError:
        pass
    wanted = server_name.lower().rstrip(".")
    for name in dns_names:
        pattern = str(name).lower().rstrip(".")
        if pattern == wanted:
            return True
        if pattern.startswith("*.") and "." in wanted and wanted.split(".", 1)[1] == pattern[2:]:
            return True
    return False
