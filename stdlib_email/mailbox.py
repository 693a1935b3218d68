"""The receiving session types, emailPOP3Session and emailIMAPSession: connect, count, read in order, delete; with their WLanguage names.

A session keeps a reading position for EmailReadFirst/Next/Last/Previous. POP3 fixes the count
for the whole session and deletes at close; IMAP's count follows the server and deleted
messages go when the session closes (EXPUNGE), as the WinDev help describes.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from wlinterp import semantics as sem
from wlinterp.registry import REGISTRY, Idiom, Member, names
from wlinterp.runtime import Runtime
from wlinterp.values import WLArray, WLDateTime

from . import idioms
from .errors import EmailFailure
from .message import Email
from .service import MailService
from .settings import SessionSettings

__all__ = ["POP3Session", "IMAPSession", "ReceivingSession"]

# EmailGetAll's read options
READ_HEADER, READ_FULL, READ_NOT_READ, READ_ASYNCHRONOUS = 1, 2, 4, 8
REGISTRY.constant("ertHeader", "ertEntête", value=READ_HEADER)
REGISTRY.constant("ertFull", "ertComplet", value=READ_FULL)
REGISTRY.constant("ertNotRead", "ertNonLus", value=READ_NOT_READ)
REGISTRY.constant("ertAsynchronous", "ertAsynchrone", value=READ_ASYNCHRONOUS)
REGISTRY.constant("emailAll", value=0)


class ReceivingSession(SessionSettings):
    """What POP3 and IMAP sessions share: the connection settings and the reading position."""

    wl_type = "email receiving session"
    protocol = "pop3"

    def __init__(self) -> None:
        super().__init__()
        self._connection: Any = None
        self.position = 0
        self.count_at_open = 0

    # ------------------------------------------------------------------ properties

    @property
    def is_open(self) -> bool:
        return self._connection is not None

    # ------------------------------------------------------------------ Python API

    def _new_connection(self, endpoint: Any, timeout: float, connected: Any) -> Any:  # pragma: no cover - interface
        raise NotImplementedError

    def open(self, service: MailService) -> None:
        if self.is_open:
            return
        server = self.required_server()
        endpoint = service.receiving_endpoint(self.protocol, server, self.port, self.security, self._ignore_error)
        connection = self._new_connection(endpoint, service.timeout, lambda port: service.label_mailbox(port, endpoint.label))
        service.run(connection.open(self.credentials(service.rt)))
        self._connection = connection
        self.position = 0
        self.count_at_open = service.run(connection.count())
        service.rt.state.setdefault("email.open_sessions", []).append(lambda: self.close(service))

    def _need(self) -> Any:
        if self._connection is None:
            raise EmailFailure(f"the {self.protocol.upper()} session is not open: call StartSession (or EmailStartSession) first")
        return self._connection

    def count(self, service: MailService) -> int:
        return service.run(self._need().count())

    def size(self, service: MailService, number: int) -> int:
        self._check_number(service, number)
        return service.run(self._need().size(number))

    def _check_number(self, service: MailService, number: int) -> None:
        total = self.count(service)
        if not 1 <= number <= total:
            raise EmailFailure(f"there is no message {number}: the mailbox holds {total}")

    def read(self, service: MailService, number: int, target: Email, headers_only: bool = False) -> bool:
        """Read message ``number`` into ``target``; False (and Out set) when there is no such message."""
        from . import mime  # noqa: PLC0415

        connection = self._need()
        if not 1 <= number <= self.count(service):
            target.out = True
            return False
        raw = service.run(connection.fetch(number, headers_only))
        target.reset()
        mime.fill_from_source(target, raw)
        target.receive_date = target.send_date or WLDateTime(dt.datetime.now())
        target.identifier = number
        self.position = number
        if headers_only:
            target.defer_body(lambda mail: self._load_body(service, number, mail))
        return True

    def _load_body(self, service: MailService, number: int, mail: Email) -> None:
        from . import mime  # noqa: PLC0415

        if self._connection is None:
            return  # the session is gone: the body stays empty, as the header was all that was read
        keep = (mail.sender, mail.subject)
        mime.fill_from_source(mail, service.run(self._connection.fetch(number)))
        mail.sender, mail.subject = keep

    def delete(self, service: MailService, number: int) -> None:
        self._check_number(service, number)
        service.run(self._need().delete(number))

    def get_all(self, service: MailService, options: int = READ_HEADER) -> WLArray:
        """Every message (or the unread ones), oldest first; headers only unless ertFull (bodies then load on use)."""
        from . import mime  # noqa: PLC0415

        connection = self._need()
        numbers = service.run(connection.unseen()) if options & READ_NOT_READ else list(range(1, self.count(service) + 1))
        headers_only = not options & READ_FULL
        sources = service.run(connection.fetch_many(numbers, headers_only))
        mails: list[Email] = []
        for number in numbers:
            mail = Email()
            mime.fill_from_source(mail, sources.get(number, b""))
            mail.receive_date = mail.send_date or WLDateTime(dt.datetime.now())
            mail.identifier = number
            if headers_only:
                mail.defer_body(lambda target, number=number: self._load_body(service, number, target))
            mails.append(mail)
        if numbers:
            self.position = numbers[-1]
        return WLArray(mails, "Email", Email)

    def close(self, service: MailService) -> None:
        connection, self._connection = self._connection, None
        if connection is not None:
            service.run(connection.close())

    # ------------------------------------------------------------------ methods (WLanguage)

    def start_session(self, rt: Runtime) -> bool:
        try:
            self.open(MailService.of(rt))
        except EmailFailure as failure:
            return rt.fail(str(failure))
        return True

    def close_session(self, rt: Runtime) -> bool:
        try:
            self.close(MailService.of(rt))
        except EmailFailure as failure:
            return rt.fail(str(failure))
        return True

    def get_all_messages(self, rt: Runtime, options: Any = READ_HEADER) -> WLArray:
        try:
            return self.get_all(MailService.of(rt), sem.convert_to("int", options))
        except EmailFailure as failure:
            rt.fail(str(failure))
            return WLArray([], "Email", Email)


class POP3Session(ReceivingSession):
    """A POP3 maildrop (port 110, or 995 with optionTLS)."""

    wl_type = "emailPOP3Session"
    protocol = "pop3"

    def _new_connection(self, endpoint: Any, timeout: float, connected: Any) -> Any:
        from .receive import Pop3Connection  # noqa: PLC0415 - poplib loads only when mail is read

        return Pop3Connection(endpoint, timeout, connected)

    def count(self, service: MailService) -> int:
        self._need()
        return self.count_at_open  # fixed for the whole POP3 session


class IMAPSession(ReceivingSession):
    """An IMAP mailbox (port 143, or 993 with optionTLS); signs in with XOAUTH2 when AuthToken is set."""

    wl_type = "emailIMAPSession"
    protocol = "imap"

    def _new_connection(self, endpoint: Any, timeout: float, connected: Any) -> Any:
        from .receive import ImapConnection  # noqa: PLC0415 - imaplib loads only when mail is read

        return ImapConnection(endpoint, timeout, connected)


# ------------------------------------------------------------------------------ WLanguage names


def _prop(attribute: str, en: Any, fr: Any = (), es: Any = (), **extra: Any) -> Member:
    return Member("property", names(en, fr, es), attribute, **extra)


def _method(attribute: str, en: Any, fr: Any = ()) -> Member:
    return Member("method", names(en, fr), attribute, can_fail=True, runtime=True)


RECEIVING_MEMBERS = [
    _prop("server_address", "ServerAddress", "AdresseServeur", type="string"),
    _prop("port", "Port", "Port", "Puerto", type="int"),
    _prop("name", "Name", "Nom", type="string"),
    _prop("password", "Password", "MotDePasse", "Contraseña", type="string"),
    _prop("option", "Option", "Option", "Opción", type="int"),
    _prop("auth_token", "AuthToken", "AuthToken"),
    _prop("ignore_error", "IgnoreError", "IgnoreErreur", type="int"),
    _method("start_session", ("StartSession", "OpenSession"), "OuvreSession"),
    _method("close_session", "CloseSession", "FermeSession"),
    _method("get_all_messages", "GetAll", "RécupèreTout"),
]

# how the idiomatic transpilation writes these members: its ImapSession and Pop3Session classes (imaplib, poplib)
_IDIOMS = {
    "server_address": "server_address", "port": "port", "name": "name", "password": "password",
    "option": "security", "auth_token": "auth_token", "ignore_error": "ignore_certificate_errors",
    "start_session": "{owner}.start()", "close_session": "{owner}.close()",
}
for _member in RECEIVING_MEMBERS:
    if _member.attribute == "get_all_messages":
        _member.idiom = Idiom(lambda context, args, owner: idioms.get_all(context, args, owner), idioms.RECEIVE, raises=True)
    else:
        _member.idiom = Idiom(_IDIOMS[_member.attribute], idioms.RECEIVE, raises=_member.kind == "method",
                              type="AuthToken" if _member.attribute == "auth_token" else "")

REGISTRY.type("emailPOP3Session", "emailSessionPOP3", make=POP3Session, python_class=POP3Session, members=RECEIVING_MEMBERS,
              idiom=Idiom("Pop3Session()", idioms.POP3))
REGISTRY.type("emailIMAPSession", "emailSessionIMAP", make=IMAPSession, python_class=IMAPSession, members=RECEIVING_MEMBERS,
              idiom=Idiom("ImapSession()", idioms.IMAP))
