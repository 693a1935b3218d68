"""The session types (emailSMTPSession, and the Outlook/Lotus Notes sessions WinDev offers only on Windows), with their WLanguage names."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from wlinterp import semantics as sem
from wlinterp.registry import REGISTRY, Idiom, Member, names
from wlinterp.runtime import Runtime
from wlinterp.values import WLObject

from .constants import (
    HEADER_BCC,
)
from .errors import EmailFailure
from .message import Email
from .service import MailService
from .settings import SessionSettings

if TYPE_CHECKING:  # pragma: no cover
    from .smtp import SmtpConnection

__all__ = ["SMTPSession", "UnavailableSession"]


class SMTPSession(SessionSettings):
    """An SMTP connection described by properties; ``start_session`` connects and signs in."""

    wl_type = "emailSMTPSession"

    protocol = "smtp"
    option_hint = "use emailOptionDefault, emailProtocolSMTPS or optionTLS"

    def __init__(self) -> None:
        super().__init__()
        self.asynchronous = False
        self._connection: SmtpConnection | None = None
        self._local_port: int | None = None
        self.authenticate = True  # the legacy EmailStartSession form does not sign in its SMTP half

    @property
    def is_open(self) -> bool:
        return self._connection is not None and self._connection.is_open

    # ------------------------------------------------------------------ methods (WLanguage)

    def start_session(self, rt: Runtime) -> bool:
        """Open the session: True, or False with ErrorOccurred set and ErrorInfo() saying why."""
        try:
            self.open(MailService.of(rt))
        except EmailFailure as failure:
            return rt.fail(str(failure))
        return True

    def send_message(self, rt: Runtime, mail: Any = None, options: Any = 0) -> bool:
        service = MailService.of(rt)
        if mail is None:
            mail = service.rt.state.get("email.structure") or Email()
        if not isinstance(mail, Email):
            return rt.fail(f"SendMessage sends an Email, not a {sem.type_name_of(mail)}")
        try:
            self.send(service, mail, sem.convert_to("int", options))
        except EmailFailure as failure:
            mail.error = str(failure)
            return rt.fail(str(failure))
        return True

    def close_session(self, rt: Runtime) -> bool:
        self.close(MailService.of(rt))
        return True

    # ------------------------------------------------------------------ Python API

    def open(self, service: MailService) -> None:
        if self.is_open:
            return
        server = self.required_server()
        from .smtp import SmtpConnection  # noqa: PLC0415 - aiosmtplib and TLS load only when mail is sent

        endpoint = service.endpoint(server, self.port, self.security, self._ignore_error)

        def connected(local_port: int) -> None:
            self._local_port = local_port
            service.label_connection(local_port, endpoint.label)

        connection = SmtpConnection(endpoint, service.timeout, connected)
        credentials = self.credentials(service.rt, with_password=self.authenticate)
        try:
            service.run(connection.open(credentials))
        except EmailFailure as failure:
            if credentials.token and service.mode == "capture" and "refused the sign-in" in str(failure):
                raise EmailFailure(
                    f"{failure} (in capture mode, XOAUTH2 accepts only a valid token that AuthIdentify obtained in this run)"
                ) from None
            raise
        self._connection = connection
        service.rt.state.setdefault("email.open_sessions", []).append(lambda: self.close(service))

    def send(self, service: MailService, mail: Email, options: int = 0) -> int:
        """Send ``mail``; returns its identifier (the one EmailStatus takes)."""
        connection = self._connection
        if connection is None or not connection.is_open:
            raise EmailFailure("the SMTP session is not open: call StartSession (or EmailStartSession) first")
        from . import mime  # noqa: PLC0415

        try:
            recipients = [mime.parse_address(r).addr_spec for r in mail.all_recipients()]
            pieces = mime.render(mail, bcc_header=bool(options & HEADER_BCC))
            sender = mime.envelope_sender(mail)
        except mime.MimeError as problem:
            raise EmailFailure(str(problem)) from None
        if not recipients:
            raise EmailFailure("the message has no recipient: fill Recipient, Cc or Bcc")
        return self.send_raw(service, mail, pieces, sender, recipients)

    def send_raw(self, service: MailService, mail: Email, data: bytes | list[bytes], sender: str | None = None,
                 recipients: list[str] | None = None) -> int:
        """Send a MIME source as it is (EmailSend); the envelope comes from its headers unless given.

        ``data`` is the source, or the pieces it is made of (``mime.render``): they go to the
        server one after the other and are never joined, so a big attachment is not copied again.
        """
        from . import mime  # noqa: PLC0415

        connection = self._connection
        if connection is None or not connection.is_open:
            raise EmailFailure("the SMTP session is not open: call StartSession (or EmailStartSession) first")
        try:
            if recipients is None:
                recipients = [mime.parse_address(r).addr_spec for r in mail.all_recipients()]
            if sender is None:
                sender = mime.envelope_sender(mail)
        except mime.MimeError as problem:
            raise EmailFailure(str(problem)) from None
        if not recipients:
            raise EmailFailure("the message has no recipient: fill Recipient, Cc or Bcc")
        pieces = [data] if isinstance(data, bytes) else data
        mail.keep_source(pieces)
        identifier = service.new_identifier()
        mail.identifier = identifier

        async def deliver() -> None:
            await connection.send(sender, recipients, pieces)
            service.record(sender, recipients, mail.subject, connection.endpoint, connection.auth, connection.user)

        if self.asynchronous:
            service.queue(identifier, deliver())
        else:
            service.run(deliver())
            service.statuses[identifier] = 1
        return identifier

    def close(self, service: MailService) -> None:
        connection, self._connection = self._connection, None
        self._local_port = None
        if connection is not None:
            service.drain()
            service.run(connection.close())


class UnavailableSession(WLObject):
    """A session kind WinDev offers only on Windows (Outlook, Lotus Notes, MS Exchange): opening it fails, as on Linux."""

    wl_type = "email session"
    kind = "this"

    def __init__(self) -> None:
        self.name = ""
        self.password = ""

    def start_session(self, rt: Runtime) -> bool:
        return rt.fail(unavailable(self.kind))

    def send_message(self, rt: Runtime, *_args: Any) -> bool:
        return rt.fail(unavailable(self.kind))

    def close_session(self, rt: Runtime) -> bool:
        return rt.fail(unavailable(self.kind))


def unavailable(kind: str) -> str:
    return (
        f"{kind} sessions are not available on this platform: WinDev manages them only on Windows; "
        "use an SMTP, POP3 or IMAP session instead"
    )


class OutlookSession(UnavailableSession):
    wl_type = "emailOutlookSession"
    kind = "Outlook"


class NotesSession(UnavailableSession):
    wl_type = "emailNotesSession"
    kind = "Lotus Notes"


# ------------------------------------------------------------------------------ WLanguage names


def _prop(attribute: str, en: Any, fr: Any = (), es: Any = (), **extra: Any) -> Member:
    return Member("property", names(en, fr, es), attribute, **extra)


def _method(attribute: str, en: Any, fr: Any = (), es: Any = ()) -> Member:
    return Member("method", names(en, fr, es), attribute, can_fail=True, runtime=True)


SESSION_METHODS = [
    _method("start_session", ("StartSession", "OpenSession"), "OuvreSession"),
    _method("send_message", "SendMessage", "EnvoieMessage"),
    _method("close_session", "CloseSession", "FermeSession"),
]

# Spanish names as printed on the Spanish help page of emailSMTPSession (machine translations included).
SMTP_MEMBERS = [
    _prop("server_address", "ServerAddress", "AdresseServeur", type="string"),
    _prop("port", "Port", "Port", "Puerto", type="int"),
    _prop("name", "Name", "Nom", "denominar", type="string"),
    _prop("password", "Password", "MotDePasse", "Contraseña", type="string"),
    _prop("option", "Option", "Option", "Opción", type="int"),
    _prop("asynchronous", "Asynchronous", "Asynchrone", "Asíncrono", type="boolean"),
    _prop("auth_token", "AuthToken", "AuthToken", "AuthToken"),
    _prop("ignore_error", "IgnoreError", "IgnoreErreur", type="int"),
    *SESSION_METHODS,
]

# how the idiomatic transpilation writes these members: its SmtpSession class (smtplib underneath)
_IDIOMS = {
    "server_address": "server_address", "port": "port", "name": "name", "password": "password",
    "option": "security", "asynchronous": "asynchronous", "auth_token": "auth_token",
    "ignore_error": "ignore_certificate_errors", "start_session": "{owner}.start()", "send_message": "{owner}.send({0})",
    "close_session": "{owner}.close()",
}
for _member in SMTP_MEMBERS:
    _member.idiom = Idiom(_IDIOMS[_member.attribute], ("smtp",), raises=_member.kind == "method",
                          type="AuthToken" if _member.attribute == "auth_token" else "")

REGISTRY.type("emailSMTPSession", "emailSessionSMTP", make=SMTPSession, python_class=SMTPSession, members=SMTP_MEMBERS,
              idiom=Idiom("SmtpSession()", ("smtp",)))
for _cls, _en, _fr in ((OutlookSession, "emailOutlookSession", "emailSessionOutlook"),
                       (NotesSession, "emailNotesSession", "emailSessionNotes")):
    REGISTRY.type(_en, _fr, make=_cls, python_class=_cls, members=[
        _prop("name", "Name", "Nom", type="string"), _prop("password", "Password", "MotDePasse", type="string"),
        *SESSION_METHODS,
    ], idiom=Idiom("UnavailableSession()", ("unavailable",)))
