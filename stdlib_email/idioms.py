"""How the idiomatic transpilation writes the email built-ins in plain Python (smtplib, EmailMessage), wired to them in the registry.

Each function takes the transpiler's context and the call's arguments (their code, static
type and, for constants and literals, their value) and returns the Python code; a form it
cannot write says so through ``context.unsupported``, which becomes a diagnostic.
"""

from __future__ import annotations

from typing import Any

from wlinterp.registry import Idiom

from .constants import OPTION_DEFAULT, OPTION_STARTTLS, OPTION_TLS

__all__ = ["SMTP", "close_session", "send_message", "start_session", "start_smtp_session"]

SMTP = ("smtp",)
LEGACY = ("legacy",)
SECURITY_NAMES = {OPTION_DEFAULT: '"plain"', OPTION_STARTTLS: '"starttls"', OPTION_TLS: '"tls"'}


def _is_session(arg: Any) -> bool:
    return arg.type == "emailSMTPSession"


def start_session(context: Any, args: list[Any]) -> str:
    """EmailStartSession(session)."""
    if len(args) == 1 and _is_session(args[0]):
        context.need(*SMTP)
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
    if len(args) == 1 and _is_session(args[0]):
        context.need(*SMTP)
        return context.template("{0}.close()", args)
    context.need(*LEGACY)
    return context.template("sessions.pop({0}).close()", args)


START_SESSION = Idiom(start_session, SMTP, raises=True)
START_SMTP_SESSION = Idiom(start_smtp_session, LEGACY, raises=True)
SEND_MESSAGE = Idiom(send_message, SMTP, raises=True)
CLOSE_SESSION = Idiom(close_session, SMTP, raises=True)
SET_TIMEOUT = Idiom("set_timeout({0})", SMTP)
STATUS = Idiom("email_status({0})", SMTP, note="messages are sent at once here: a message that was sent is 'sent'")
RESET = Idiom("structure.reset()", LEGACY)
CHECK_ADDRESS = Idiom("check_address({0})", ("mail",), note="only the form of the address is checked")
