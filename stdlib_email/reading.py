"""The WLanguage functions that read mail (EmailStartPOP3Session, EmailReadFirst, EmailGetAll …), over the receiving sessions.

Reading fills an Email variable, or the Email structure when none is given. When there is no
message to read, ``Out`` becomes True and the function still succeeds; a real failure returns
False with ErrorOccurred set and ErrorInfo() saying why.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from wlinterp import semantics as sem
from wlinterp.registry import REGISTRY
from wlinterp.runtime import Runtime
from wlinterp.values import WLArray

from . import idioms
from .errors import EmailFailure
from .mailbox import READ_HEADER, IMAPSession, POP3Session, ReceivingSession
from .message import Email, EmailAttach, EmailStructure, email_structure
from .service import MailService

function = REGISTRY.function


def receiver(rt: Runtime, target: Any) -> ReceivingSession:
    """A receiving session variable, or the one opened under a user name."""
    if isinstance(target, ReceivingSession):
        return target
    if target is not None and not isinstance(target, (str, int, float)):
        raise EmailFailure(f"expected a POP3 or IMAP session or a user name, not a {sem.type_name_of(target)}")
    name = sem.to_string(target)
    session = MailService.of(rt).named_receivers.get(name.casefold())
    if session is None:
        raise EmailFailure(f"no POP3 or IMAP session is open under the name '{name}': open it first (EmailStartPOP3Session …)")
    return session


def open_named(rt: Runtime, session: ReceivingSession) -> bool:
    service = MailService.of(rt)
    try:
        session.open(service)
    except EmailFailure as failure:
        return rt.fail(str(failure))
    service.named_receivers[session.name.casefold()] = session
    return True


def _start(rt: Runtime, kind: type[ReceivingSession], user: Any, password: Any, server: Any, port: Any, option: Any) -> bool:
    return open_named(rt, kind.configured(user, password, server, port, option))


@function("EmailStartPOP3Session", "EmailOuvreSessionPOP3", can_fail=True)
def email_start_pop3_session(rt: Runtime, user: Any, password: Any, server: Any, port: Any = None, option: Any = None) -> bool:
    """EmailStartPOP3Session(user, password, server [, port [, option]]): a read-only POP3 session named by its user."""
    return _start(rt, POP3Session, user, password, server, port, option)


@function("EmailStartIMAPSession", "EmailOuvreSessionIMAP", can_fail=True)
def email_start_imap_session(rt: Runtime, user: Any, password: Any, server: Any, port: Any = None, option: Any = None) -> bool:
    """EmailStartIMAPSession(user, password, server [, port [, option]]): a read-only IMAP session named by its user."""
    return _start(rt, IMAPSession, user, password, server, port, option)


@function("EmailNbMessage", "EmailNbMessage", can_fail=True, idiom=idioms.MESSAGE_COUNT)
def email_nb_message(rt: Runtime, target: Any, *_ignored: Any) -> int:
    """How many messages there are (fixed for a POP3 session, live for IMAP)."""
    try:
        session = receiver(rt, target)
        return session.count(MailService.of(rt))
    except EmailFailure as failure:
        rt.fail(str(failure))
        return 0


def _split(rt: Runtime, rest: tuple[Any, ...]) -> tuple[Email, list[Any]]:
    """The optional Email argument (else the structure), and what follows it."""
    if rest and isinstance(rest[0], Email):
        return rest[0], list(rest[1:])
    return email_structure(rt), list(rest)


def _read_at(rt: Runtime, target: Any, rest: tuple[Any, ...], where: str, headers_only: bool) -> bool:
    mail, _options = _split(rt, rest)
    try:
        session = receiver(rt, target)
        service = MailService.of(rt)
        total = session.count(service)
        number = {
            "first": 1,
            "next": session.position + 1,
            "last": total,
            "previous": session.position - 1,
        }[where]
        if not 1 <= number <= total:
            mail.out = True
            session.position = number if where in ("next", "previous") else session.position
            return True
        session.read(service, number, mail, headers_only)
        return True
    except EmailFailure as failure:
        return rt.fail(str(failure))


def _reader(where: str, headers_only: bool):  # noqa: ANN202 - builds the eight EmailRead… functions
    def read(rt: Runtime, target: Any, *rest: Any) -> bool:
        return _read_at(rt, target, rest, where, headers_only)

    read.__doc__ = f"EmailRead{where.title()}{'Header' if headers_only else ''}(session [, Email [, option]])"
    return read


_READ_IDIOMS = {"first": idioms.READ_FIRST, "next": idioms.READ_NEXT}
for _where, _fr in (("first", "Premier"), ("next", "Suivant"), ("last", "Dernier"), ("previous", "Précédent")):
    function(f"EmailRead{_where.title()}", f"EmailLit{_fr}", can_fail=True,
             idiom=_READ_IDIOMS.get(_where))(_reader(_where, False))
    function(f"EmailRead{_where.title()}Header", f"EmailLit{_fr}Entête", can_fail=True)(_reader(_where, True))


def _numbered(rt: Runtime, target: Any, rest: tuple[Any, ...], headers_only: bool) -> bool:
    mail, remaining = _split(rt, rest)
    if not remaining:
        return rt.fail("the message number is missing")
    try:
        session = receiver(rt, target)
        service = MailService.of(rt)
        number = sem.convert_to("int", remaining[0])
        if not session.read(service, number, mail, headers_only):
            return rt.fail(f"there is no message {number}: the mailbox holds {session.count(service)}")
        return True
    except EmailFailure as failure:
        return rt.fail(str(failure))


@function("EmailReadMessage", "EmailLitMessage", can_fail=True, idiom=idioms.READ_MESSAGE)
def email_read_message(rt: Runtime, target: Any, *rest: Any) -> bool:
    """EmailReadMessage(session [, Email], number): read one message, header, body and attachments."""
    return _numbered(rt, target, rest, False)


@function("EmailReadMessageHeader", "EmailLitEntêteMessage", can_fail=True, idiom=idioms.READ_MESSAGE_HEADER)
def email_read_message_header(rt: Runtime, target: Any, *rest: Any) -> bool:
    """EmailReadMessageHeader(session [, Email], number): only the header (the body comes on first use)."""
    return _numbered(rt, target, rest, True)


@function("EmailMessageSize", "EmailTailleMessage", can_fail=True, idiom=idioms.MESSAGE_SIZE)
def email_message_size(rt: Runtime, target: Any, number: Any) -> int:
    """The size in bytes of message ``number``, to decide before reading it whole."""
    try:
        return receiver(rt, target).size(MailService.of(rt), sem.convert_to("int", number))
    except EmailFailure as failure:
        rt.fail(str(failure))
        return 0


@function("EmailDeleteMessage", "EmailSupprimeMessage", can_fail=True, idiom=idioms.DELETE_MESSAGE)
def email_delete_message(rt: Runtime, target: Any, mail: Any = None) -> bool:
    """Delete the current message (POP3: when the session closes; IMAP: flagged, expunged at close); Out becomes True."""
    current = mail if isinstance(mail, Email) else email_structure(rt)
    try:
        session = receiver(rt, target)
        if session.position < 1:
            return rt.fail("no message has been read yet: read one (EmailReadFirst …) before deleting it")
        session.delete(MailService.of(rt), session.position)
    except EmailFailure as failure:
        return rt.fail(str(failure))
    current.out = True
    return True


@function("EmailGetAll", "EmailRécupèreTout", can_fail=True, idiom=idioms.GET_ALL)
def email_get_all(rt: Runtime, target: Any, options: Any = READ_HEADER) -> WLArray:
    """EmailGetAll(session [, ertHeader | ertFull | ertNotRead]): every message as an array of Email."""
    try:
        session = receiver(rt, target)
    except EmailFailure as failure:
        rt.fail(str(failure))
        return WLArray([], "Email", Email)
    return session.get_all_messages(rt, options)


@function("EmailSaveAttachment", "EmailSauveFichierAttaché", can_fail=True)
def email_save_attachment(rt: Runtime, name: Any, destination: Any, mail: Any = None) -> bool:
    """EmailSaveAttachment(attachment name, file [, Email]): write an attachment of the message read last to disk."""
    source = mail if isinstance(mail, Email) else email_structure(rt)
    wanted = sem.to_string(name)
    attachments: list[EmailAttach] = (
        getattr(source, "received_attachments", []) if isinstance(source, EmailStructure) else list(source.attachments.items)
    )
    found = next((a for a in attachments if a.name == wanted), None)
    if found is None:
        names = ", ".join(a.name for a in attachments) or "none"
        return rt.fail(f"the message has no attachment named '{wanted}' (it has: {names})")
    return found.save(rt, destination)


def save_attachment(rt: Runtime, attachment: EmailAttach, destination: Any) -> bool:
    path = Path(sem.to_string(destination))
    try:
        path.write_bytes(attachment.content)
    except OSError as exc:
        return rt.fail(f"cannot save the attachment to {path}: {exc.strerror or exc}")
    return True
