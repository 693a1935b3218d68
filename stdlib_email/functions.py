"""The WLanguage email functions (EmailStartSession, EmailSendMessage …), thin wrappers over the session and message classes.

Each returns WLanguage's answer: True, or False with ErrorOccurred set and ErrorInfo() saying
why (a function returning something else returns its type's empty value on failure).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from wlinterp import semantics as sem
from wlinterp.errors import WLRuntimeError
from wlinterp.registry import REGISTRY
from wlinterp.runtime import Runtime
from wlinterp.values import WLDuration

from . import idioms
from .constants import ADDRESS_INCORRECT_SYNTAX, ADDRESS_VALID, HEADER_BCC, SEND_ERROR
from .errors import EmailFailure
from .message import Email, EmailAttach, EmailStructure, email_structure
from .service import MailService
from .session import NotesSession, OutlookSession, SMTPSession, UnavailableSession, unavailable

function = REGISTRY.function


def _structure(rt: Runtime) -> EmailStructure:
    return email_structure(rt)


def _session(rt: Runtime, target: Any) -> Any:
    """A session variable, or the session opened under a user name (the legacy API)."""
    if isinstance(target, (SMTPSession, UnavailableSession)):
        return target
    if target is not None and not isinstance(target, (str, int, float)):
        raise EmailFailure(f"expected a session variable or a user name, not a {sem.type_name_of(target)}")
    name = sem.to_string(target)
    session = MailService.of(rt).find_named(name)
    if session is None:
        raise EmailFailure(f"no email session is open under the name '{name}': open it first (EmailStartSMTPSession …)")
    return session


# ------------------------------------------------------------------------------ opening and closing


@function("EmailStartSession", "EmailOuvreSession", can_fail=True, idiom=idioms.START_SESSION)
def email_start_session(rt: Runtime, target: Any, password: Any = None, pop3_server: Any = None, smtp_server: Any = None,
                        pop3_port: Any = None, smtp_port: Any = None, asynchronous: Any = False) -> bool:
    """EmailStartSession(session) opens a session variable; EmailStartSession(user, password, POP3 server
    [, SMTP server [, POP3 port [, SMTP port [, asynchronous]]]]) opens a POP3 and an SMTP session under a user name."""
    if password is None and pop3_server is None:
        if isinstance(target, str):
            return rt.fail(unavailable("MS Exchange"))  # EmailStartSession(profile name) is the MAPI form
        if not hasattr(target, "start_session"):
            return rt.fail(f"EmailStartSession needs a session variable, not a {sem.type_name_of(target)}")
        return target.start_session(rt)
    if pop3_server is None:
        return rt.fail("EmailStartSession(user, password, POP3 server …): the POP3 server address is missing")
    from .mailbox import POP3Session  # noqa: PLC0415
    from .reading import open_named as open_receiver  # noqa: PLC0415

    reader = POP3Session()
    reader.name = sem.to_string(target)
    reader.password = password
    reader.server_address = sem.to_string(pop3_server)
    if pop3_port not in (None, "", 0):
        reader.port = pop3_port
    if not open_receiver(rt, reader):
        return False
    session = SMTPSession()
    session.name = sem.to_string(target)
    session.password = password
    # the SMTP half uses the POP3 server when no SMTP server is given, and does not sign in (as in WinDev)
    session.server_address = sem.to_string(smtp_server if smtp_server not in (None, "") else pop3_server)
    if smtp_port not in (None, "", 0):
        session.port = smtp_port
    session.asynchronous = sem.to_bool(asynchronous)
    session.authenticate = False
    return _open_named(rt, session)


def _open_named(rt: Runtime, session: SMTPSession) -> bool:
    service = MailService.of(rt)
    try:
        session.open(service)
    except EmailFailure as failure:
        return rt.fail(str(failure))
    service.name_session(session.name, session)
    return True


@function("EmailStartSMTPSession", "EmailOuvreSessionSMTP", can_fail=True, idiom=idioms.START_SMTP_SESSION)
def email_start_smtp_session(rt: Runtime, user: Any, *rest: Any) -> bool:
    """EmailStartSMTPSession(user [, password], server [, port [, asynchronous [, option]]]); with a password the
    session signs in."""
    values = list(rest)
    if not values:
        return rt.fail("EmailStartSMTPSession needs at least the user name and the SMTP server address")
    password: Any = ""
    # the password is optional in the middle: (user, server, port …) or (user, password, server, port …)
    if len(values) >= 2 and isinstance(values[1], str) and not sem.is_numeric_string(values[1]):
        password = values.pop(0)
    server, port, asynchronous, option = (values + [None, None, None])[:4]
    session = SMTPSession.configured(user, password, server, port, option)
    session.asynchronous = bool(asynchronous) if asynchronous is not None else False
    return _open_named(rt, session)


@function("EmailCloseSession", "EmailFermeSession", can_fail=True, idiom=idioms.CLOSE_SESSION)
def email_close_session(rt: Runtime, target: Any) -> bool:
    """Close a session variable, or every session (sending and reading) opened under a user name."""
    from .mailbox import ReceivingSession  # noqa: PLC0415

    if isinstance(target, (SMTPSession, UnavailableSession, ReceivingSession)):
        return target.close_session(rt)
    service = MailService.of(rt)
    name = sem.to_string(target)
    sender = service.find_named(name)
    reader = service.named_receivers.pop(name.casefold(), None)
    if sender is None and reader is None:
        return rt.fail(f"no email session is open under the name '{name}'")
    if reader is not None and not reader.close_session(rt):
        return False
    if sender is not None:
        sender.close_session(rt)
        service.forget(name)
    return True


@function("EmailStartOutlookSession", "EmailOuvreSessionOutlook", can_fail=True)
def email_start_outlook_session(rt: Runtime, *_args: Any) -> bool:
    return rt.fail(unavailable(OutlookSession.kind))


@function("EmailStartNotesSession", "EmailOuvreSessionNotes", can_fail=True)
def email_start_notes_session(rt: Runtime, *_args: Any) -> bool:
    return rt.fail(unavailable(NotesSession.kind))


# ------------------------------------------------------------------------------ sending


@function("EmailSendMessage", "EmailEnvoieMessage", can_fail=True, idiom=idioms.SEND_MESSAGE)
def email_send_message(rt: Runtime, target: Any, mail: Any = None, options: Any = 0, *_ignored: Any) -> bool:
    """EmailSendMessage(session or user [, Email [, options]]); without an Email, the Email structure is sent."""
    try:
        session = _session(rt, target)
    except EmailFailure as failure:
        return rt.fail(str(failure))
    if mail is None:
        mail = _structure(rt)
    return session.send_message(rt, mail, options)


@function("EmailSend", "EmailEnvoie", can_fail=True)
def email_send(rt: Runtime, target: Any, file_name: Any) -> bool:
    """EmailSend(user, file): send a message whose whole MIME source is in a file."""
    from . import mime  # noqa: PLC0415

    try:
        session = _session(rt, target)
        data = Path(sem.to_string(file_name)).read_bytes()
    except EmailFailure as failure:
        return rt.fail(str(failure))
    except OSError as exc:
        return rt.fail(f"cannot read the message source {sem.to_string(file_name)}: {exc.strerror or exc}")
    mail = Email()
    mime.fill_from_source(mail, data)
    try:
        session.send_raw(MailService.of(rt), mail, data)
    except EmailFailure as failure:
        return rt.fail(str(failure))
    _structure(rt).identifier = mail.identifier
    return True


@function("EmailStatus", "EmailEtat", can_fail=True, idiom=idioms.STATUS)
def email_status(rt: Runtime, identifier: Any) -> int:
    """EmailStatus(id): emailSent, emailPending or emailError for a message sent asynchronously."""
    service = MailService.of(rt)
    key = sem.convert_to("int", identifier)
    status = service.status(key)
    if status == 0:
        rt.fail(f"no message was sent with the identifier {key}")
        return SEND_ERROR
    if status == SEND_ERROR:
        rt.fail(service.failures.get(key, "the message could not be sent"))
    return status


# ------------------------------------------------------------------------------ settings


@function("EmailSetTimeOut", "EmailChangeTimeOut", idiom=idioms.SET_TIMEOUT)
def email_set_timeout(rt: Runtime, timeout: Any) -> None:
    """EmailSetTimeOut(seconds or duration): how long a silent server is waited for (10 min by default)."""
    seconds = timeout.seconds if isinstance(timeout, WLDuration) else sem.to_number(timeout)
    if seconds <= 0:
        raise WLRuntimeError(f"EmailSetTimeOut: the time-out must be positive, not {sem.to_string(timeout)}")
    MailService.of(rt).timeout = float(seconds)


@function("EmailGetTimeOut", "EmailLitTimeOut")
def email_get_timeout(rt: Runtime) -> int:
    return int(MailService.of(rt).timeout)


@function("EmailConfigure", "EmailParamètre", can_fail=True)
def email_configure(rt: Runtime, parameter: Any, value: Any = None) -> Any:
    """EmailConfigure(emailParameterMode, 1): wlinterp always uses the multi-platform implementation, so this only records the value."""
    service = MailService.of(rt)
    previous = service.configured.get(sem.convert_to("int", parameter), 1)
    if value is not None:
        service.configured[sem.convert_to("int", parameter)] = value
    return previous


# ------------------------------------------------------------------------------ messages


def build_source(rt: Runtime, target: Email, options: Any = 0) -> bool:
    """Fill ``target.source`` with the MIME text that would be sent (Bcc in it only with emailOptionHeaderBcc)."""
    from . import mime  # noqa: PLC0415

    try:
        pieces = mime.render(target, bcc_header=bool(sem.convert_to("int", options) & HEADER_BCC))
    except mime.MimeError as failure:
        return rt.fail(str(failure))
    target.source = b"".join(pieces).decode("utf-8", "replace")
    return True


def import_source(rt: Runtime, target: Email) -> bool:
    """Fill an Email's members from its Source."""
    from . import mime  # noqa: PLC0415

    if not target.source.strip():
        return rt.fail("the Email has no Source to import")
    mime.fill_from_source(target, target.source)
    return True


def _mail(rt: Runtime, mail: Any) -> Email:
    if mail is None:
        return _structure(rt)
    if not isinstance(mail, Email):
        raise EmailFailure(f"expected an Email variable, not a {sem.type_name_of(mail)}")
    return mail


@function("EmailBuildSource", "EmailConstruitSource", can_fail=True)
def email_build_source(rt: Runtime, mail: Any = None, options: Any = 0) -> bool:
    """EmailBuildSource([Email [, options]]): fill Source with the MIME text (the Email structure's when no Email)."""
    try:
        target = _mail(rt, mail)
    except EmailFailure as failure:
        return rt.fail(str(failure))
    return build_source(rt, target, options)


@function("EmailImportSource", "EmailImporteSource", can_fail=True)
def email_import_source(rt: Runtime, mail: Any = None) -> bool:
    try:
        target = _mail(rt, mail)
    except EmailFailure as failure:
        return rt.fail(str(failure))
    return import_source(rt, target)


@function("EmailReset", ("EmailRAZ", "EmailRaz"), idiom=idioms.RESET)
def email_reset(rt: Runtime, mail: Any = None) -> None:
    _structure(rt).reset() if mail is None else _mail(rt, mail).reset()


@function("EmailLoadAttachment", "EmailChargeFichierAttaché", can_fail=True)
def email_load_attachment(rt: Runtime, first: Any, second: Any = None, name: Any = None) -> bool:
    """EmailLoadAttachment([Email,] file [, name]): attach a file (to the Email structure when no Email is given)."""
    mail, file_name = (first, second) if isinstance(first, Email) else (_structure(rt), first)
    if file_name is None:
        return rt.fail("EmailLoadAttachment needs the name of the file to attach")
    try:
        if isinstance(mail, EmailStructure):
            Path(sem.to_string(file_name)).stat()
            mail.attachments.add(sem.to_string(file_name))
        else:
            mail.attachments.add(EmailAttach.from_file(sem.to_string(file_name), sem.to_string(name) if name else ""))
    except OSError as exc:
        return rt.fail(f"cannot attach {sem.to_string(file_name)}: {exc.strerror or exc}")
    except WLRuntimeError as exc:
        return rt.fail(exc.message)
    return True


@function("EmailCheckAddress", "EmailVérifieAdresse", can_fail=True, idiom=idioms.CHECK_ADDRESS)
def email_check_address(rt: Runtime, address: Any) -> int:
    """EmailCheckAddress(address): emailAddressValid or emailAddressIncorrectSyntax (the syntax is checked, not the mailbox)."""
    from email_validator import EmailNotValidError  # noqa: PLC0415

    from .mime import checked_address  # noqa: PLC0415

    try:
        checked_address(sem.to_string(address).strip())
    except EmailNotValidError:
        return ADDRESS_INCORRECT_SYNTAX  # an answer, not a failure: ErrorOccurred stays False
    return ADDRESS_VALID

