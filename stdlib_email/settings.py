"""The connection settings every email session shares: server, port, security option, credentials and certificate policy."""

from __future__ import annotations

from typing import Any, ClassVar, Self

from wlinterp import semantics as sem
from wlinterp.errors import WLRuntimeError
from wlinterp.runtime import Runtime
from wlinterp.values import WLObject

from .constants import OPTION_DEFAULT, OPTION_SECURITY, STANDARD_PORTS, IgnoreError, Security
from .endpoint import Credentials
from .errors import EmailFailure

__all__ = ["SessionSettings", "token_text"]


def token_text(token: Any) -> str:
    """The access token an AuthToken (or a plain string) carries, for XOAUTH2."""
    if token is None:
        return ""
    value = getattr(token, "value", token)
    return sem.to_string(value) if value is not None else ""


class SessionSettings(WLObject):
    """ServerAddress, Port, Option, Name, Password, AuthToken and IgnoreError, as SMTP, POP3 and IMAP sessions have them."""

    protocol: ClassVar[str]  # the key of STANDARD_PORTS: "smtp", "pop3", "imap"
    option_hint: ClassVar[str] = "use emailOptionDefault or optionTLS"

    def __init__(self) -> None:
        self.server_address = ""
        self._port: int | None = None
        self.name = ""
        self._password = ""
        self._option = OPTION_DEFAULT
        self.auth_token: Any = None
        self._ignore_error = IgnoreError.NONE

    @classmethod
    def configured(cls, user: Any, password: Any, server: Any, port: Any = None, option: Any = None) -> Self:
        """A session set up as the function forms (EmailStartSession, EmailStartPOP3Session …) describe it."""
        session = cls()
        session.name = sem.to_string(user)
        session.password = password
        session.server_address = sem.to_string(server)
        session.option = OPTION_DEFAULT if option is None else option
        if port not in (None, "", 0):
            session.port = port
        return session

    def required_server(self) -> str:
        """ServerAddress, which opening a session cannot do without."""
        server = self.server_address.strip()
        if not server:
            raise EmailFailure(
                f"no {self.protocol.upper()} server address: set ServerAddress before opening the session"
            )
        return server

    @property
    def password(self) -> str:
        return self._password

    @password.setter
    def password(self, value: Any) -> None:
        self._password = sem.to_string(value)

    @property
    def option(self) -> int:
        return self._option

    @option.setter
    def option(self, value: Any) -> None:
        option = sem.convert_to("int", value)
        if option not in OPTION_SECURITY:
            raise WLRuntimeError(f"{option} is not a valid Option of {self.wl_type}", hint=self.option_hint)
        self._option = option

    @property
    def security(self) -> Security:
        return OPTION_SECURITY[self._option]

    @property
    def port(self) -> int:
        """The port set, else the protocol's standard one for the security chosen (SMTP: 25, 587 or 465)."""
        return self._port if self._port else STANDARD_PORTS[self.protocol][self.security]

    @port.setter
    def port(self, value: Any) -> None:
        self._port = sem.convert_to("int", value)

    @property
    def ignore_error(self) -> int:
        return int(self._ignore_error)

    @ignore_error.setter
    def ignore_error(self, value: Any) -> None:
        self._ignore_error = IgnoreError(sem.convert_to("int", value) & 0xF)

    def credentials(self, rt: Runtime, *, with_password: bool = True) -> Credentials:
        """Who signs in; the password and token become secrets of the run first, so no output can show them."""
        token = token_text(self.auth_token)
        rt.register_secret(self._password)
        rt.register_secret(token)
        return Credentials(self.name, self._password if with_password else "", token)
