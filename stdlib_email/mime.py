"""Turns an Email into its MIME source and back, with Python's standard ``email`` package."""

from __future__ import annotations

import base64
import datetime as dt
import email.policy
import email.utils
import functools
import os
import re
from email.headerregistry import Address, HeaderRegistry
from email.message import EmailMessage
from email.parser import BytesParser
from typing import Any

from wlinterp.values import WLDateTime

from .constants import PRIORITY_HIGH, PRIORITY_LOW, PRIORITY_NORMAL
from .message import Email, EmailAttach, EmailStructure, address_list

__all__ = ["MimeError", "build", "render", "envelope_sender", "parse_source", "fill_from_source", "parse_address"]


class MimeError(ValueError):
    """The Email cannot be turned into a valid message (a malformed address, nothing to send …)."""


_PRIORITY_HEADERS = {PRIORITY_HIGH: ("1 (Highest)", "high"), PRIORITY_LOW: ("5 (Lowest)", "low")}


class _HeaderClasses(HeaderRegistry):
    """The standard header registry, making each header class once.

    ``HeaderRegistry.__getitem__`` creates a new class with ``type()`` every time a header is set
    (about 17 times per message sent); the class depends only on the header's name, so it is kept.
    """

    def __init__(self) -> None:
        super().__init__()
        self._made: dict[str, type] = {}

    def __getitem__(self, name: str) -> type:
        key = name.lower()
        made = self._made.get(key)
        if made is None:
            made = self._made[key] = super().__getitem__(name)
        return made


# what messages are built with: SMTP's policy (CRLF line ends), with the header classes kept
_POLICY = email.policy.SMTP.clone(header_factory=_HeaderClasses())
# the bytes of an attachment per base64 line, as email.contentmanager cuts them: 57 (76 characters),
# what base64.encodebytes cuts too
_BASE64_LINE = _POLICY.max_line_length // 4 * 3
# attachments are encoded this many lines at a time: pieces of about 1.2 MB
_BASE64_BLOCK = _BASE64_LINE * 16384


@functools.lru_cache(maxsize=4096)
def parse_address(text: str) -> Address:
    """``"Ada <ada@example.com>"``, ``"ada@example.com"`` … as an Address; a malformed one is a MimeError.

    The address itself is checked as SMTP needs it (email-validator, syntax only); a domain in
    another script is kept in its ASCII (IDNA) form, which every server accepts.

    Results are kept (an Address cannot change): sending one message asks for the sender and for
    each recipient twice, and a mailing sends from the same sender again and again.
    """
    from email_validator import EmailNotValidError  # noqa: PLC0415

    shown = text.strip()
    if any(ord(c) < 32 or ord(c) == 127 for c in shown):
        raise MimeError(f"{shown!r} is not an email address: it holds a control character")
    name, addr = email.utils.parseaddr(shown)
    if not addr or "@" not in addr:
        raise MimeError(f"'{shown}' is not an email address")
    try:
        usable = checked_address(addr)
    except EmailNotValidError as problem:
        raise MimeError(f"'{shown}' is not an email address: {problem}") from None
    local, _, domain = usable.rpartition("@")
    try:
        return Address(display_name=name, username=local, domain=domain)
    except (ValueError, IndexError) as exc:
        raise MimeError(f"'{shown}' is not an email address: {exc}") from None


_HOST_LABEL = re.compile(r"(?!-)[A-Za-z0-9-]{1,63}(?<!-)\Z")


def checked_address(addr: str) -> str:
    """The address as SMTP takes it (ASCII domain), or EmailNotValidError saying what is wrong with it.

    email-validator refuses special-use names (``corp.local``, ``example.test``, ``localhost``) and
    domains without a dot, which a mail server delivers to (intranets live on them): such a
    domain is accepted when it is a well-formed host name and the local part is valid.
    """
    from email_validator import EmailNotValidError, validate_email  # noqa: PLC0415

    try:
        checked = validate_email(addr, check_deliverability=False, allow_smtputf8=True)
        return checked.ascii_email or checked.normalized
    except EmailNotValidError as problem:
        local, _, domain = addr.rpartition("@")
        if not domain or not all(_HOST_LABEL.match(label) for label in domain.split(".")):
            raise
        try:
            checked = validate_email(local + "@example.com", check_deliverability=False, allow_smtputf8=True)
        except EmailNotValidError:
            raise problem from None
        return (checked.ascii_email or checked.normalized).rpartition("@")[0] + "@" + domain.lower()


def _from_address(mail: Email) -> Address | None:
    """The From: the Sender (a name and address, or an address); a bare name takes SenderAddress as its address."""
    sender, address = mail.sender.strip(), mail.sender_address.strip()
    if not sender and not address:
        return None
    if sender and "@" in sender:
        parsed = parse_address(sender)
        if address and not parsed.display_name:
            return parsed
        return parsed
    parsed = parse_address(address) if address else None
    if parsed is None:
        raise MimeError(f"the sender '{sender}' has no email address: set Sender or SenderAddress to an address")
    return Address(display_name=sender or parsed.display_name, username=parsed.username, domain=parsed.domain)


def envelope_sender(mail: Email) -> str:
    """The MAIL FROM address: SenderAddress when set, else the Sender's address ('' for none)."""
    if mail.sender_address.strip():
        return parse_address(mail.sender_address).addr_spec
    sender = _from_address(mail)
    return sender.addr_spec if sender else ""


def _attachments(mail: Email) -> list[EmailAttach]:
    if isinstance(mail, EmailStructure):
        return mail.attachment_objects()
    return list(mail.attachments.items)


def build(mail: Email, *, bcc_header: bool = False, now: dt.datetime | None = None, domain: str | None = None,
          attachments: list[EmailAttach] | None = None) -> EmailMessage:
    """The message to send: headers encoded for any language, text and HTML alternatives, attachments.

    ``attachments`` replaces the Email's own (``render`` passes stand-ins).
    """
    msg = EmailMessage(policy=_POLICY)
    sender = _from_address(mail)
    if sender is not None:
        msg["From"] = sender
    recipients = mail.used(mail.recipients, mail._recipient_count) if isinstance(mail, EmailStructure) else [
        r for r in mail.recipients.items if r.strip()]
    if recipients:
        msg["To"] = [parse_address(r) for r in recipients]
    cc = [r for r in mail.cc.items if r.strip()]
    if cc:
        msg["Cc"] = [parse_address(r) for r in cc]
    bcc = [r for r in mail.bcc.items if r.strip()]
    if bcc_header and bcc:
        msg["Bcc"] = [parse_address(r) for r in bcc]
    if mail.reply_to.strip():
        msg["Reply-To"] = [parse_address(r) for r in mail.reply_to.split(";") if r.strip()]
    msg["Subject"] = mail.subject
    moment = now or dt.datetime.now(dt.UTC).astimezone()
    msg["Date"] = email.utils.format_datetime(moment)
    if not mail.message_id:
        mail.message_id = email.utils.make_msgid(domain=domain or (sender.domain if sender else "wlinterp.invalid"))
    msg["Message-ID"] = mail.message_id
    if mail.priority in _PRIORITY_HEADERS:
        x_priority, importance = _PRIORITY_HEADERS[mail.priority]
        msg["X-Priority"] = x_priority
        msg["Importance"] = importance
    if mail.disposition_notification and sender is not None:
        msg["Disposition-Notification-To"] = sender
    _set_bodies(msg, mail)
    for attach in _attachments(mail) if attachments is None else attachments:
        maintype, _, subtype = attach.mime_type.partition("/")
        msg.add_attachment(
            attach.content, maintype=maintype or "application", subtype=subtype or "octet-stream",
            filename=attach.name or "attachment", disposition="inline" if attach.inline else "attachment",
            cid=f"<{attach.content_id}>" if attach.content_id else None,
        )
    return msg


def render(mail: Email, *, bcc_header: bool = False, now: dt.datetime | None = None,
           domain: str | None = None) -> list[bytes]:
    """The bytes ``build(mail, …).as_bytes()`` gives, in pieces, without the email package ever holding an attachment.

    The email package keeps a base64 attachment as one string, which it makes from a list of
    lines, and generating the message splits it into lines again and copies it twice: with a
    20 MiB attachment, build() peaked 75 MB above the attachment and as_bytes() 58 MB. Here each
    attachment is built as a stand-in, whose content is 48 random bytes (one base64 line that
    cannot occur anywhere else), and its real base64 lines, encoded a block at a time exactly as
    ``email.contentmanager`` cuts them, take the stand-in line's place. The pieces end with CRLF
    except maybe the last, which lets the sender check them one by one.
    """
    attachments = _attachments(mail)
    tokens = [os.urandom(48) for _ in attachments]
    stand_ins = [EmailAttach(a.name, token, a.content_type, a.content_id, a.inline) for a, token in zip(attachments, tokens)]
    skeleton = build(mail, bcc_header=bcc_header, now=now, domain=domain, attachments=stand_ins).as_bytes()
    pieces: list[bytes] = []
    start = 0
    for attach, token in zip(attachments, tokens):
        line = b"\r\n" + base64.b64encode(token) + b"\r\n"
        at = skeleton.find(line, start)
        if at < 0 or skeleton.find(line, at + 1) >= 0:  # never seen; but a wrong splice must not be sent
            return [build(mail, bcc_header=bcc_header, now=now, domain=domain, attachments=attachments).as_bytes()]
        pieces.append(skeleton[start:at + 2])
        pieces.extend(_base64_lines(attach.content))
        start = at + len(line)
    pieces.append(skeleton[start:])
    return pieces


def _base64_lines(content: bytes) -> list[bytes]:
    """``content`` as the email package writes an attachment: base64 lines of 76 characters, CRLF after each."""
    view = memoryview(content)
    # encodebytes cuts 57-byte lines too (base64.MAXBINSIZE), and each block holds whole lines
    return [
        base64.encodebytes(view[at:at + _BASE64_BLOCK]).replace(b"\n", b"\r\n")
        for at in range(0, len(content), _BASE64_BLOCK)
    ]


def _set_bodies(msg: EmailMessage, mail: Email) -> None:
    text, html = mail.message, mail.html
    if html and text:
        msg.set_content(text)
        msg.add_alternative(html, subtype="html")
    elif html:
        msg.set_content(html, subtype="html")
    else:
        msg.set_content(text or "")


# ------------------------------------------------------------------------------ reading


def parse_source(source: bytes | str) -> EmailMessage:
    data = source.encode("utf-8", "surrogateescape") if isinstance(source, str) else source
    return BytesParser(policy=email.policy.default).parsebytes(data)  # type: ignore[return-value]


def _header(msg: EmailMessage, name: str) -> str:
    value = msg.get(name)
    return str(value) if value is not None else ""


def _addresses(msg: EmailMessage, name: str) -> list[str]:
    header = msg.get(name)
    if header is None:
        return []
    addresses = getattr(header, "addresses", None)
    if addresses is None:
        return [str(header)]
    return [str(a) for a in addresses]


def fill_from_source(mail: Email, source: bytes | str) -> None:
    """Fill an Email from a MIME source: sender, recipients, subject, bodies in any charset, attachments, dates."""
    msg = parse_source(source)
    mail.source = source.decode("utf-8", "replace") if isinstance(source, bytes) else source
    mail.sender = _header(msg, "From")
    senders = _addresses(msg, "From")
    mail.sender_address = email.utils.parseaddr(senders[0])[1] if senders else ""
    growable = isinstance(mail, EmailStructure)
    mail._recipients = address_list(_addresses(msg, "To"), growable)
    mail._cc = address_list(_addresses(msg, "Cc"), growable)
    mail._bcc = address_list(_addresses(msg, "Bcc"), growable)
    mail.subject = _header(msg, "Subject")
    mail.reply_to = "; ".join(_addresses(msg, "Reply-To"))
    mail.message_id = _header(msg, "Message-ID")
    mail.disposition_notification = msg.get("Disposition-Notification-To") is not None
    mail.priority = _priority_of(msg)
    date = msg.get("Date")
    if date is not None and getattr(date, "datetime", None) is not None:
        mail.send_date = WLDateTime(date.datetime.replace(tzinfo=None))
    text = msg.get_body(preferencelist=("plain",))
    html = msg.get_body(preferencelist=("html",))
    mail.message = _text_of(text) if text is not None else ""
    mail.html = _text_of(html) if html is not None else ""
    attachments = [_attachment_of(part) for part in msg.iter_attachments()]
    if isinstance(mail, EmailStructure):
        mail._attachments = address_list([a.name for a in attachments], growable=True)
        mail.received_attachments = attachments  # type: ignore[attr-defined]
    else:
        mail.attachments.items[:] = attachments
    mail.out = False


def _text_of(part: Any) -> str:
    try:
        return part.get_content()
    except (LookupError, UnicodeDecodeError):  # an unknown or lying charset: keep what can be read
        payload = part.get_payload(decode=True) or b""
        return payload.decode("latin-1", "replace")


def _attachment_of(part: Any) -> EmailAttach:
    payload = part.get_payload(decode=True) or b""
    cid = (part.get("Content-ID") or "").strip("<>")
    return EmailAttach(part.get_filename() or "attachment", payload, part.get_content_type(), cid,
                       part.get_content_disposition() == "inline")


def _priority_of(msg: EmailMessage) -> int:
    x_priority = _header(msg, "X-Priority").strip()[:1]
    importance = _header(msg, "Importance").strip().lower()
    if x_priority in ("1", "2") or importance == "high":
        return PRIORITY_HIGH
    if x_priority in ("4", "5") or importance == "low":
        return PRIORITY_LOW
    return PRIORITY_NORMAL
