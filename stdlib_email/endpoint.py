"""Where a session connects and as whom: the endpoint (socket target, security, certificate policy) and the credentials."""

from __future__ import annotations

from dataclasses import dataclass, field

from .constants import IgnoreError, Security

__all__ = ["Endpoint", "Credentials"]


@dataclass(frozen=True)
class Endpoint:
    """Where a session connects and how.

    ``host``/``port`` are where the socket goes (the capture server in capture mode);
    ``server_name`` is the name certificates are checked against (the program's server);
    ``label`` is what reports say: the server as the program named it, with the effective port.
    """

    host: str
    port: int
    security: Security
    server_name: str
    label: str
    ignore: IgnoreError = IgnoreError.NONE
    trust_file: str | None = None  # an extra CA to trust (the capture server's, in capture mode)
    protocol: str = "SMTP"


@dataclass
class Credentials:
    """Who signs in. Held only to authenticate; never shown, logged or stored."""

    user: str = ""
    password: str = field(default="", repr=False)
    token: str = field(default="", repr=False)

    def __repr__(self) -> str:
        return f"Credentials(user={self.user!r}, password=<hidden>, token=<hidden>)"
