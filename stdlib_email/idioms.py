"""How the idiomatic transpilation writes the email built-ins in plain Python (smtplib, imaplib, poplib, EmailMessage, urllib for OAuth), wired to them in the registry.

Each function takes the transpiler's context and the call's arguments (their code, static
type and, for constants and literals, their value) and returns the Python code; a form it
cannot write says so through ``context.unsupported``, which becomes a diagnostic.
"""

from __future__ import annotations

from typing import Any

from wlinterp.registry import Idiom

from .constants import OPTION_DEFAULT, OPTION_STARTTLS, OPTION_TLS

__all__ = ["IMAP", "OAUTH", "POP3", "RECEIVE", "SMTP", "close_session", "get_all", "read_numbered", "read_sequential",
           "send_message", "start_session", "start_smtp_session"]

SMTP = ("smtp",)
LEGACY = ("legacy",)
RECEIVE = ("mailbox",)  # the session's own part (imap, pop3) comes with its type
IMAP = ("imap",)
POP3 = ("pop3",)
OAUTH = ("oauth",)
SECURITY_NAMES = {OPTION_DEFAULT: '"plain"', OPTION_STARTTLS: '"starttls"', OPTION_TLS: '"tls"'}
RECEIVING = ("emailPOP3Session", "emailIMAPSession")
MAIL_TYPES = ("Email", "Email structure")


def _is_session(arg: Any) -> bool:
    return arg.type == "emailSMTPSession"


def _is_receiving(arg: Any) -> bool:
    return arg.type in RECEIVING


def start_session(context: Any, args: list[Any]) -> str:
    """EmailStartSession(session)."""
    if len(args) == 1 and (_is_session(args[0]) or _is_receiving(args[0])):
        context.need(*(SMTP if _is_session(args[0]) else RECEIVE))
        return context.template("{0}.start()", args)
    return context.unsupported("EmailStartSession with a user name (POP3 and SMTP together)")


def start_smtp_session(context: Any, args: list[Any]) -> str:
    """EmailStartSMTPSession(user [, password], server [, port [, asynchronous [, option]]])."""
    values = list(args[1:])
    if not values:
        return context.unsupported("EmailStartSMTPSession without a server")
    password = None
    second = values[1].constant if len(values) >= 2 else None
    if len(values) >= 2 and isinstance(second, str) and not second.strip().lstrip("-").isdigit():
        password = values.pop(0)
    server, port, _asynchronous, option = (values + [None, None, None])[:4]
    fields = [f"server_address={server.code}"]
    if port is not None:
        fields.append(f"port={port.code}")
    if option is not None:
        security = SECURITY_NAMES.get(option.constant) if option.constant is not None else None
        if security is None:
            return context.unsupported("EmailStartSMTPSession with an option that is not a constant")
        fields.append(f"security={security}")
    fields.append(f"name={args[0].code}")
    if password is not None:
        fields.append(f"password={password.code}")
    context.need(*LEGACY)
    return f"start_named({args[0].code}, SmtpSession({', '.join(fields)}))"


def send_message(context: Any, args: list[Any]) -> str:
    """EmailSendMessage(session or user [, Email])."""
    if not args:
        return context.unsupported("EmailSendMessage without a session")
    if _is_session(args[0]) and len(args) >= 2:
        context.need(*SMTP)
        return context.template("{0}.send({1})", args[:2])
    context.need(*LEGACY)
    mail = args[1].code if len(args) >= 2 else "structure"
    return f"session_of({args[0].code}).send({mail})"


def close_session(context: Any, args: list[Any]) -> str:
    """EmailCloseSession(session or user)."""
    if len(args) == 1 and (_is_session(args[0]) or _is_receiving(args[0])):
        context.need(*(SMTP if _is_session(args[0]) else RECEIVE))
        return context.template("{0}.close()", args)
    context.need(*LEGACY)
    return context.template("sessions.pop({0}).close()", args)


def _mailbox(context: Any, args: list[Any], what: str) -> None:
    if not args or not _is_receiving(args[0]):
        context.unsupported(f"{what} on a session named by its user (declare an emailPOP3Session or emailIMAPSession)")
    context.need(*RECEIVE)


def _mail(context: Any, args: list[Any]) -> tuple[str, list[Any]]:
    """The Email argument that follows the session (else the predeclared structure), and the arguments after it."""
    if len(args) >= 2 and args[1].type in MAIL_TYPES:
        return args[1].code, args[2:]
    context.need(*LEGACY)
    return "structure", args[1:]


def read_sequential(where: str) -> Any:
    """EmailReadFirst / EmailReadNext (session [, Email]): fill the message, or set its ``out``."""

    def form(context: Any, args: list[Any]) -> str:
        _mailbox(context, args, f"EmailRead{where.title()}")
        mail, rest = _mail(context, args)
        if rest:
            return context.unsupported(f"EmailRead{where.title()} with options")
        return f"{args[0].code}.read_{where}({mail})"

    return form


def read_numbered(method: str) -> Any:
    """EmailReadMessage / EmailReadMessageHeader (session [, Email], number)."""

    def form(context: Any, args: list[Any]) -> str:
        _mailbox(context, args, "reading a message by its number")
        mail, rest = _mail(context, args)
        if len(rest) != 1:
            return context.unsupported("reading a message without its number")
        return f"{args[0].code}.{method}({rest[0].code}, {mail})"

    return form


def delete_message(context: Any, args: list[Any]) -> str:
    """EmailDeleteMessage(session [, Email]): the message read last."""
    _mailbox(context, args, "EmailDeleteMessage")
    return f"{args[0].code}.delete()"


def get_all(context: Any, args: list[Any], owner: str | None = None) -> str:
    """EmailGetAll(session, ertFull) or session.GetAll(ertFull): every message, read whole."""
    from .mailbox import READ_FULL, READ_HEADER  # here, not at the top: mailbox imports this module

    if owner is None:
        _mailbox(context, args, "EmailGetAll")
        owner, args = args[0].code, args[1:]
    context.need(*RECEIVE)
    option = args[0].constant if args else READ_HEADER
    if option not in (READ_FULL, READ_HEADER):
        return context.unsupported("GetAll with an option other than ertFull or ertHeader")
    if option == READ_HEADER:
        context.notes.append("get_all() reads whole messages; WinDev's ertHeader reads each body when first used")
    return f"{owner}.get_all()"


START_SESSION = Idiom(start_session, SMTP, raises=True)
START_SMTP_SESSION = Idiom(start_smtp_session, LEGACY, raises=True)
SEND_MESSAGE = Idiom(send_message, SMTP, raises=True)
CLOSE_SESSION = Idiom(close_session, SMTP, raises=True)
SET_TIMEOUT = Idiom("set_timeout({0})", SMTP)
STATUS = Idiom("email_status({0})", SMTP, note="messages are sent at once here: a message that was sent is 'sent'")
RESET = Idiom("structure.reset()", LEGACY)
CHECK_ADDRESS = Idiom("check_address({0})", ("mail",), note="only the form of the address is checked")
READ_FIRST = Idiom(read_sequential("first"), RECEIVE, raises=True)
READ_NEXT = Idiom(read_sequential("next"), RECEIVE, raises=True)
READ_MESSAGE = Idiom(read_numbered("read"), RECEIVE, raises=True)
READ_MESSAGE_HEADER = Idiom(read_numbered("read_header"), RECEIVE, raises=True)
MESSAGE_COUNT = Idiom("{0}.count()", RECEIVE, raises=True)
MESSAGE_SIZE = Idiom("{0}.size({1})", RECEIVE, raises=True)
DELETE_MESSAGE = Idiom(delete_message, RECEIVE, raises=True)
GET_ALL = Idiom(get_all, RECEIVE, raises=True)
AUTH_IDENTIFY = Idiom("authorize({0})", OAUTH, raises=True, type="AuthToken")
AUTH_REFRESH = Idiom("refresh({0})", OAUTH, raises=True, type="AuthToken")
