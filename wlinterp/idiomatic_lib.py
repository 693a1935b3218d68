"""The helpers an idiomatic transpilation copies into the module it writes (never imports): messages built with EmailMessage, an SMTP session over smtplib with STARTTLS, TLS, login and XOAUTH2.

Each part starts with a ``# part: NAME (needs: OTHER …)`` line; the transpiler copies only the
parts a program uses, in this order. The code is the kind a developer porting the program
would keep: standard library only, exceptions for failures.
"""

# part: imports
from __future__ import annotations

import base64
import itertools
import mimetypes
import smtplib
import ssl
from dataclasses import dataclass, field
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import formatdate, make_msgid, parseaddr

# part: errors


class MailError(Exception):
    """An email operation that failed (in WinDev the function returns False and ErrorInfo() says why)."""


# part: mail (needs: errors)


@dataclass
class Attachment:
    """A file attached to a message (WinDev: emailAttach)."""

    name: str = ""
    content: bytes | str = b""
    content_type: str = ""  # guessed from the name when empty

    def data(self) -> bytes:
        return (
            self.content.encode("utf-8")
            if isinstance(self.content, str)
            else self.content
        )


@dataclass
class Mail:
    """A message (WinDev: the Email type)."""

    sender: str = ""
    sender_address: str = ""
    recipients: list[str] = field(default_factory=list)
    cc: list[str] = field(default_factory=list)
    bcc: list[str] = field(default_factory=list)
    reply_to: str = ""
    subject: str = ""
    message: str = ""
    html: str = ""
    attachments: list[Attachment] = field(default_factory=list)
    identifier: int = 0

    def reset(self) -> None:
        """Empty the message for the next one (WinDev: EmailReset)."""
        self.__init__()  # type: ignore[misc]

    def as_message(self) -> EmailMessage:
        """The MIME message: Bcc recipients are left out of the headers."""
        message = EmailMessage()
        sender = _address(
            self.sender
            if "@" in self.sender
            else f"{self.sender} <{self.sender_address}>"
        )
        if sender.addr_spec:
            message["From"] = sender
        if self.recipients:
            message["To"] = [_address(text) for text in self.recipients]
        if self.cc:
            message["Cc"] = [_address(text) for text in self.cc]
        if self.reply_to:
            message["Reply-To"] = [_address(text) for text in self.reply_to.split(";")]
        message["Subject"] = self.subject
        message["Date"] = formatdate(localtime=True)
        message["Message-ID"] = make_msgid(domain=sender.domain or None)
        if self.html and self.message:
            message.set_content(self.message)
            message.add_alternative(self.html, subtype="html")
        elif self.html:
            message.set_content(self.html, subtype="html")
        else:
            message.set_content(self.message)
        for attachment in self.attachments:
            kind = (
                attachment.content_type
                or mimetypes.guess_type(attachment.name)[0]
                or "application/octet-stream"
            )
            maintype, _, subtype = kind.partition("/")
            message.add_attachment(
                attachment.data(),
                maintype=maintype,
                subtype=subtype,
                filename=attachment.name or "attachment",
            )
        return message

    def envelope(self) -> tuple[str, list[str]]:
        """MAIL FROM and RCPT TO: every recipient, Cc and Bcc included."""
        sender = parseaddr(self.sender_address or self.sender)[1]
        recipients = [
            parseaddr(address)[1] for address in self.recipients + self.cc + self.bcc
        ]
        if not recipients:
            raise MailError("the message has no recipient: fill recipients, cc or bcc")
        return sender, recipients


def _address(text: str) -> Address:
    """``Ada Lovelace <ada@example.com>`` as an Address: its name and its address."""
    name, addr = parseaddr(text)
    return Address(display_name=name, addr_spec=addr)


def check_address(address: str) -> str:
    """ "valid" or "incorrect syntax": the form of the address is checked, not the mailbox (WinDev: EmailCheckAddress)."""
    addr = parseaddr(address)[1]
    local, at, domain = addr.rpartition("@")
    well_formed = (
        bool(local)
        and bool(at)
        and "." not in (domain[:1], domain[-1:])
        and " " not in addr
    )
    return "valid" if well_formed and domain else "incorrect syntax"


# part: smtp (needs: mail)

STANDARD_PORTS = {"plain": 25, "starttls": 587, "tls": 465}
DEFAULT_TIMEOUT = 600.0  # seconds, as in WinDev
_identifiers = itertools.count(1)
_sent: set[int] = set()


def set_timeout(seconds: float) -> None:
    """How long a server may stay silent before a session gives up (WinDev: EmailSetTimeOut)."""
    global DEFAULT_TIMEOUT
    DEFAULT_TIMEOUT = seconds


def email_status(identifier: int) -> str:
    """ "sent" for a message sent by a session here (WinDev: EmailStatus; here every send is synchronous)."""
    return "sent" if identifier in _sent else "error"


@dataclass
class SmtpSession:
    """An SMTP server and how to sign in to it (WinDev: emailSMTPSession)."""

    server_address: str = ""
    port: int = 0  # 0: the standard port of the security chosen
    security: str = "plain"  # "plain", "starttls" (TLS after connecting) or "tls" (TLS from the start)
    name: str = ""
    password: str = ""
    auth_token: str = ""  # an OAuth2 access token: XOAUTH2 instead of the password
    ignore_certificate_errors: bool = False
    asynchronous: bool = False  # kept for reference: messages are sent at once here
    timeout: float = 0.0  # 0: DEFAULT_TIMEOUT
    connection: smtplib.SMTP | None = None

    def start(self) -> None:
        """Connect, secure the line as asked and sign in when there is a password or a token."""
        if not self.server_address:
            raise MailError("no SMTP server address: set server_address first")
        context = ssl.create_default_context()
        if self.ignore_certificate_errors:
            context.check_hostname = False
            context.verify_mode = ssl.CERT_NONE
        port = self.port or STANDARD_PORTS[self.security]
        timeout = self.timeout or DEFAULT_TIMEOUT
        try:
            if self.security == "tls":
                smtp: smtplib.SMTP = smtplib.SMTP_SSL(
                    self.server_address, port, timeout=timeout, context=context
                )
            else:
                smtp = smtplib.SMTP(self.server_address, port, timeout=timeout)
                if self.security == "starttls":
                    smtp.starttls(context=context)
            if self.auth_token:
                smtp.ehlo_or_helo_if_needed()
                _xoauth2(smtp, self.name, self.auth_token)
            elif self.password:
                smtp.login(self.name, self.password)
        except (OSError, smtplib.SMTPException) as error:
            raise MailError(
                f"cannot open the SMTP session with {self.server_address}:{port}: {error}"
            ) from error
        self.connection = smtp

    def send(self, mail: Mail) -> int:
        """Send the message; returns its identifier (WinDev's EmailStatus takes it)."""
        if self.connection is None:
            raise MailError("the SMTP session is not open: call start() first")
        sender, recipients = mail.envelope()
        try:
            self.connection.send_message(
                mail.as_message(), from_addr=sender, to_addrs=recipients
            )
        except (OSError, smtplib.SMTPException) as error:
            raise MailError(
                f"{self.server_address} did not take the message: {error}"
            ) from error
        mail.identifier = next(_identifiers)
        _sent.add(mail.identifier)
        return mail.identifier

    def close(self) -> None:
        if self.connection is not None:
            try:
                self.connection.quit()
            except (OSError, smtplib.SMTPException):
                self.connection.close()
            self.connection = None


def _xoauth2(smtp: smtplib.SMTP, user: str, token: str) -> None:
    """AUTH XOAUTH2 (RFC 7628's Google/Microsoft form), which smtplib does not offer by name."""
    answer = base64.b64encode(
        f"user={user}\x01auth=Bearer {token}\x01\x01".encode()
    ).decode("ascii")
    code, reply = smtp.docmd("AUTH", "XOAUTH2 " + answer)
    if code == 334:  # the server explains the refusal, then waits for an empty line
        code, reply = smtp.docmd("")
    if code != 235:
        raise smtplib.SMTPAuthenticationError(code, reply)


# part: legacy (needs: smtp)

# WinDev's classic API names sessions by their user and fills one predeclared Email structure
sessions: dict[str, SmtpSession] = {}


structure = Mail()  # the predeclared Email structure


def start_named(user: str, session: SmtpSession) -> None:
    """Open a session and keep it under its user's name (WinDev: EmailStartSMTPSession)."""
    session.start()
    sessions[user] = session


def session_of(user: str) -> SmtpSession:
    if user not in sessions:
        raise MailError(
            f"no email session is open under the name '{user}': open it first"
        )
    return sessions[user]


def put(addresses: list[str], position: int, value: str) -> None:
    """``Email.Recipient[n] = value``: the structure's lists grow to reach the position."""
    while len(addresses) < position:
        addresses.append("")
    addresses[position - 1] = value


# part: unavailable (needs: errors)


class UnavailableSession:
    """An Outlook or Lotus Notes session: WinDev drives those only on Windows, through the installed client."""

    name: str = ""
    password: str = ""

    def start(self) -> None:
        raise MailError(
            "Outlook and Lotus Notes sessions are not available here: use an SMTP session"
        )

    def send(self, mail: object) -> int:
        raise MailError("Outlook and Lotus Notes sessions are not available here")

    def close(self) -> None:
        return None
