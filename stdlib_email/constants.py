"""The email constants of WLanguage, registered under their EN/FR names (old names included), with the Python values the library uses.

French spellings are listed only where PC SOFT's French pages print them; elsewhere French code
uses the English name, as it does for errMessage.
"""

from __future__ import annotations

from enum import Enum, IntFlag

from wlinterp.registry import REGISTRY, Idiom

__all__ = [
    "Security",
    "IgnoreError",
    "OPTION_DEFAULT",
    "OPTION_STARTTLS",
    "OPTION_TLS",
    "STANDARD_PORTS",
    "SEND_SENT",
    "SEND_PENDING",
    "SEND_ERROR",
    "ENCODE_HEADER",
    "HEADER_BCC",
    "PRIORITY_HIGH",
    "PRIORITY_NORMAL",
    "PRIORITY_LOW",
    "ADDRESS_VALID",
    "ADDRESS_INCORRECT_SYNTAX",
    "ADDRESS_REFUSED",
    "ADDRESS_ERROR",
    "PARAMETER_MODE",
]


class Security(str, Enum):
    """How a connection is protected, as the run report spells it."""

    PLAIN = "plain"
    STARTTLS = "starttls"
    TLS = "tls"


# <session>.Option values: plain (25), STARTTLS after a plain connect (587), implicit TLS (465)
OPTION_DEFAULT, OPTION_STARTTLS, OPTION_TLS = 0, 1, 2
REGISTRY.constant("emailOptionDefault", value=OPTION_DEFAULT, idiom=Idiom('"plain"'))
REGISTRY.constant(("emailProtocolSMTPS", "emailOptionSecuredTLS"), value=OPTION_STARTTLS, idiom=Idiom('"starttls"'))
REGISTRY.constant(("optionTLS", "optionSSL", "emailOptionTLS"), value=OPTION_TLS, idiom=Idiom('"tls"'))

OPTION_SECURITY = {OPTION_DEFAULT: Security.PLAIN, OPTION_STARTTLS: Security.STARTTLS, OPTION_TLS: Security.TLS}

# The port a protocol uses when the program sets none, by security.
STANDARD_PORTS = {
    "smtp": {Security.PLAIN: 25, Security.STARTTLS: 587, Security.TLS: 465},
    "pop3": {Security.PLAIN: 110, Security.STARTTLS: 110, Security.TLS: 995},
    "imap": {Security.PLAIN: 143, Security.STARTTLS: 143, Security.TLS: 993},
}


class IgnoreError(IntFlag):
    """<session>.IgnoreError: the certificate checks a session skips, each flag on its own."""

    NONE = 0
    CERTIFICATE_INVALID = 1
    NAME_INVALID = 2
    EXPIRED = 4
    REVOCATION = 8


REGISTRY.constant("emailSessionIgnoreCertificateInvalid", value=int(IgnoreError.CERTIFICATE_INVALID),
                  idiom=Idiom("True"))
REGISTRY.constant("emailSessionIgnoreNameCertificateInvalid", value=int(IgnoreError.NAME_INVALID), idiom=Idiom("True"))
REGISTRY.constant("emailSessionIgnoreCertificateExpired", value=int(IgnoreError.EXPIRED), idiom=Idiom("True"))
REGISTRY.constant("emailSessionIgnoreRevocation", value=int(IgnoreError.REVOCATION))

# asynchronous sending and EmailStatus
REGISTRY.constant("emailAsynchronous", "emailAsynchrone", value=True)
REGISTRY.constant("emailSynchronous", "emailSynchrone", value=False)
SEND_SENT, SEND_PENDING, SEND_ERROR = 1, 2, 3
REGISTRY.constant("emailSent", "emailEnvoyé", value=SEND_SENT, idiom=Idiom('"sent"'))
REGISTRY.constant("emailPending", "emailEnAttente", value=SEND_PENDING, idiom=Idiom('"pending"'))
REGISTRY.constant("emailError", "emailErreur", value=SEND_ERROR, idiom=Idiom('"error"'))

# advanced options of EmailSendMessage / EmailBuildSource
ENCODE_HEADER, HEADER_BCC = 1, 2
REGISTRY.constant("emailOptionEncodeHeader", "emailOptionEncodeEntête", value=ENCODE_HEADER)
REGISTRY.constant("emailOptionHeaderBcc", value=HEADER_BCC)

# Email.Priority
PRIORITY_HIGH, PRIORITY_NORMAL, PRIORITY_LOW = 1, 3, 5
REGISTRY.constant("emailHighPriority", value=PRIORITY_HIGH)
REGISTRY.constant("emailNormalPriority", value=PRIORITY_NORMAL)
REGISTRY.constant("emailLowPriority", value=PRIORITY_LOW)

# EmailCheckAddress results
ADDRESS_VALID, ADDRESS_INCORRECT_SYNTAX, ADDRESS_REFUSED, ADDRESS_ERROR = 1, 2, 3, 4
REGISTRY.constant("emailAddressValid", value=ADDRESS_VALID, idiom=Idiom('"valid"'))
REGISTRY.constant("emailAddressIncorrectSyntax", value=ADDRESS_INCORRECT_SYNTAX, idiom=Idiom('"incorrect syntax"'))
REGISTRY.constant("emailAddressRefused", value=ADDRESS_REFUSED)
REGISTRY.constant("emailAddressError", value=ADDRESS_ERROR)

# EmailConfigure(emailParameterMode, 1): the multi-platform implementation, which is the only one here
PARAMETER_MODE = 1
REGISTRY.constant("emailParameterMode", "emailParamètreMode", value=PARAMETER_MODE)
