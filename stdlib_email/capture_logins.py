"""How the capture mailbox servers take a login: any password passes, XOAUTH2 tokens go to the validator, and each attempt is recorded without its secret.

The SASL helpers decode what a client answers (base64, PLAIN's three fields, XOAUTH2's
``user=…^Aauth=Bearer …^A^A``). A record keeps the protocol, the mechanism, the user name, how the
connection was protected and which server the program named — never the password or the token,
which are dropped as soon as they are checked, and never logged.
"""

from __future__ import annotations

import binascii
import logging
from base64 import b64decode
from collections.abc import Callable
from dataclasses import dataclass

from .capture import TokenValidator, _parse_xoauth2, token_accepted
from .capture_connection import Connection

__all__ = ["LoginDesk", "MailboxLogin", "decode_sasl", "parse_plain", "parse_xoauth2"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class MailboxLogin:
    """One login to a capture mailbox server, deliberately without the secret it used."""

    protocol: str  # imap | pop3
    mechanism: str  # login (IMAP LOGIN, AUTH LOGIN) | user (POP3 USER/PASS) | plain | xoauth2
    user: str
    security: str  # plain | starttls | tls
    server: str  # the server the program named, "imap.gmail.com:993"; else "127.0.0.1:PORT"
    accepted: bool


class LoginDesk:
    """Decides and records the logins of every capture mailbox connection of one run."""

    def __init__(self, token_validator: TokenValidator | None, server_name: Callable[[Connection], str]):
        """``server_name`` says which server the program named for a connection (its label)."""
        self.logins: list[MailboxLogin] = []
        self._token_validator = token_validator
        self._server_name = server_name

    def password(self, connection: Connection, protocol: str, mechanism: str, user: str) -> bool:
        """A login with a password: it passes, whatever the password."""
        self._record(connection, protocol, mechanism, user, accepted=True)
        return True

    def token(self, connection: Connection, protocol: str, user: str, token: str) -> bool:
        """An XOAUTH2 login: it passes if there is no validator or the validator says yes."""
        accepted = token_accepted(self._token_validator, user, token)
        self._record(connection, protocol, "xoauth2", user, accepted=accepted)
        return accepted

    def _record(self, connection: Connection, protocol: str, mechanism: str, user: str, *, accepted: bool) -> None:
        login = MailboxLogin(protocol, mechanism, user, connection.security, self._server_name(connection), accepted)
        self.logins.append(login)
        log.info(
            "%s login of %r (%s, %s) via %s: %s",
            protocol.upper(),
            user,
            mechanism,
            login.security,
            login.server,
            "accepted" if accepted else "refused",
        )


def decode_sasl(answer: bytes) -> bytes | None:
    """A client's base64 SASL answer decoded ("=" is the empty answer); None if it is not base64."""
    text = answer.strip()
    if text == b"=":
        return b""
    try:
        return b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        return None


def parse_plain(answer: bytes) -> tuple[str, str] | None:
    """(user, password) from PLAIN's ``authzid NUL authcid NUL password``; None if malformed."""
    fields = answer.split(b"\x00")
    if len(fields) != 3 or not fields[1]:
        return None
    return fields[1].decode("utf-8", errors="replace"), fields[2].decode("utf-8", errors="replace")


def parse_xoauth2(answer: bytes) -> tuple[str, str] | None:
    """(user, token) from XOAUTH2's ``user=U^Aauth=Bearer T^A^A``; None if malformed (the SMTP capture's parser)."""
    return _parse_xoauth2(answer)
