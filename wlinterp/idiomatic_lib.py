"""The helpers an idiomatic transpilation copies into the module it writes (never imports): messages built with EmailMessage, sessions over smtplib, imaplib and poplib, and an OAuth 2.0 sign-in.

Each part starts with a ``# part: NAME (needs: OTHER …)`` line; the transpiler copies only the
parts a program uses, in this order. The code is the kind a developer porting the program
would keep: standard library only, exceptions for failures.
"""

# part: imports
from __future__ import annotations

import base64
import email.policy
import hashlib
import http.server
import imaplib
import itertools
import json
import mimetypes
import poplib
import re
import secrets
import smtplib
import ssl
import threading
import time
import urllib.error
import urllib.request
import webbrowser
from dataclasses import dataclass, field
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import formatdate, make_msgid, parseaddr
from urllib.parse import parse_qsl, urlencode, urlsplit

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
    out: bool = False  # a read found no message there (WinDev: Out)

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


# part: connection

DEFAULT_TIMEOUT = 600.0  # seconds, as in WinDev


def set_timeout(seconds: float) -> None:
    """How long a server may stay silent before a session gives up (WinDev: EmailSetTimeOut)."""
    global DEFAULT_TIMEOUT
    DEFAULT_TIMEOUT = seconds


@dataclass
class ServerAccount:
    """A mail server and how to sign in to it: what SMTP, IMAP and POP3 sessions share."""

    server_address: str = ""
    port: int = 0  # 0: the standard port of the security chosen
    security: str = "plain"  # "plain", "starttls" (TLS after connecting) or "tls" (TLS from the start)
    name: str = ""
    password: str = ""
    # an OAuth 2.0 token (or its value): XOAUTH2 instead of the password
    auth_token: object = ""
    ignore_certificate_errors: bool = False
    timeout: float = 0.0  # 0: DEFAULT_TIMEOUT


def tls_context(ignore_certificate_errors: bool) -> ssl.SSLContext:
    """Certificates are checked unless the program said to ignore their errors."""
    context = ssl.create_default_context()
    if ignore_certificate_errors:
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
    return context


def token_value(token: object) -> str:
    """The access token itself, whether the session holds an AuthToken or the bare string."""
    return str(getattr(token, "value", token))


# part: smtp (needs: mail connection)

STANDARD_PORTS = {"plain": 25, "starttls": 587, "tls": 465}
_identifiers = itertools.count(1)
_sent: set[int] = set()


def email_status(identifier: int) -> str:
    """ "sent" for a message sent by a session here (WinDev: EmailStatus; here every send is synchronous)."""
    return "sent" if identifier in _sent else "error"


@dataclass
class SmtpSession(ServerAccount):
    """An SMTP server and how to sign in to it (WinDev: emailSMTPSession)."""

    asynchronous: bool = False  # kept for reference: messages are sent at once here
    connection: smtplib.SMTP | None = None

    def start(self) -> None:
        """Connect, secure the line as asked and sign in when there is a password or a token."""
        if not self.server_address:
            raise MailError("no SMTP server address: set server_address first")
        context = tls_context(self.ignore_certificate_errors)
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
                _xoauth2(smtp, self.name, token_value(self.auth_token))
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


# part: mailbox (needs: mail connection)

MAILBOX_PORTS = {
    "imap": {"plain": 143, "starttls": 143, "tls": 993},
    "pop3": {"plain": 110, "starttls": 110, "tls": 995},
}


def read_into(mail: Mail, raw: bytes, number: int) -> None:
    """Fill ``mail`` from a message as the server sent it: header, text and HTML bodies, attachments."""
    message = email.message_from_bytes(raw, policy=email.policy.default)
    mail.reset()
    mail.identifier = number
    mail.sender = str(message.get("From", ""))
    mail.recipients = _addresses(message, "To")
    mail.cc = _addresses(message, "Cc")
    mail.reply_to = str(message.get("Reply-To", ""))
    mail.subject = str(message.get("Subject", ""))
    text, html = message.get_body(("plain",)), message.get_body(("html",))
    mail.message = str(text.get_content()) if text is not None else ""
    mail.html = str(html.get_content()) if html is not None else ""
    for part in message.iter_attachments():
        # text attachments come back as text, the others as bytes
        content = (
            part.get_content()
            if part.get_content_maintype() == "text"
            else part.get_payload(decode=True)
        )
        mail.attachments.append(
            Attachment(
                part.get_filename() or "", content or b"", part.get_content_type()
            )
        )


def _addresses(message: EmailMessage, name: str) -> list[str]:
    header = message.get(name)
    return [str(address) for address in header.addresses] if header is not None else []


@dataclass
class MailboxSession(ServerAccount):
    """What IMAP and POP3 sessions share: the server, how to sign in, and the message read last."""

    position: int = 0  # the message read last: read_next reads the one after
    protocol = "imap"
    failures = (OSError,)  # what the protocol's library raises when the server fails us

    def where(self) -> str:
        return f"{self.server_address}:{self.port or MAILBOX_PORTS[self.protocol][self.security]}"

    def connect(self) -> None:
        raise NotImplementedError

    def count(self) -> int:
        raise NotImplementedError

    def fetch(self, number: int, headers_only: bool = False) -> bytes:
        raise NotImplementedError

    def start(self) -> None:
        """Connect, secure the line as asked and sign in (WinDev: StartSession)."""
        if not self.server_address:
            raise MailError(
                f"no {self.protocol.upper()} server address: set server_address first"
            )
        self.position = 0
        try:
            self.connect()
        except self.failures as error:
            raise MailError(
                f"cannot open the {self.protocol.upper()} session with {self.where()}: {error}"
            ) from error

    def read(self, number: int, mail: Mail, headers_only: bool = False) -> None:
        """Read message ``number`` (1 is the oldest) into ``mail`` (WinDev: EmailReadMessage)."""
        if not 1 <= number <= self.count():
            raise MailError(
                f"there is no message {number}: the mailbox holds {self.count()}"
            )
        try:
            raw = self.fetch(number, headers_only)
        except self.failures as error:
            raise MailError(
                f"{self.where()} did not send message {number}: {error}"
            ) from error
        read_into(mail, raw, number)
        self.position = number

    def read_header(self, number: int, mail: Mail) -> None:
        """Only the header of message ``number``: the body is left empty (WinDev: EmailReadMessageHeader)."""
        self.read(number, mail, headers_only=True)

    def read_first(self, mail: Mail) -> None:
        """The oldest message; ``mail.out`` is True when there is none (WinDev: EmailReadFirst)."""
        self._read_or_out(1, mail)

    def read_next(self, mail: Mail) -> None:
        """The message after the one read last; ``mail.out`` is True past the last one (WinDev: EmailReadNext)."""
        self._read_or_out(self.position + 1, mail)

    def _read_or_out(self, number: int, mail: Mail) -> None:
        if 1 <= number <= self.count():
            self.read(number, mail)
        else:
            mail.out = True

    def get_all(self) -> list[Mail]:
        """Every message, oldest first (WinDev: GetAll with ertFull)."""
        found = []
        for number in range(1, self.count() + 1):
            mail = Mail()
            self.read(number, mail)
            found.append(mail)
        return found


# part: imap (needs: mailbox)


@dataclass
class ImapSession(MailboxSession):
    """The INBOX of an IMAP server (WinDev: emailIMAPSession); deleted messages go when the session closes."""

    connection: imaplib.IMAP4 | None = None
    deleted: bool = False
    protocol = "imap"
    failures = (OSError, imaplib.IMAP4.error)

    def connect(self) -> None:
        context = tls_context(self.ignore_certificate_errors)
        port = self.port or MAILBOX_PORTS["imap"][self.security]
        timeout = self.timeout or DEFAULT_TIMEOUT
        if self.security == "tls":
            imap: imaplib.IMAP4 = imaplib.IMAP4_SSL(
                self.server_address, port, ssl_context=context, timeout=timeout
            )
        else:
            imap = imaplib.IMAP4(self.server_address, port, timeout=timeout)
            if self.security == "starttls":
                imap.starttls(ssl_context=context)
        if self.auth_token:
            bearer = f"user={self.name}\x01auth=Bearer {token_value(self.auth_token)}\x01\x01"
            imap.authenticate("XOAUTH2", lambda _challenge: bearer.encode())
        else:
            imap.login(self.name, self.password)
        imap.select("INBOX")
        self.connection, self.deleted = imap, False

    def _imap(self) -> imaplib.IMAP4:
        if self.connection is None:
            raise MailError("the IMAP session is not open: call start() first")
        return self.connection

    def count(self) -> int:
        """How many messages the INBOX holds now (selecting it again answers that)."""
        _status, data = self._imap().select("INBOX")
        return int(data[0] or 0)

    def fetch(self, number: int, headers_only: bool = False) -> bytes:
        # PEEK leaves a message whose header alone was read unseen
        wanted = "(BODY.PEEK[HEADER])" if headers_only else "(BODY[])"
        _status, data = self._imap().fetch(str(number), wanted)
        for item in data:
            if isinstance(item, tuple):
                return item[1]
        raise MailError(f"{self.where()} sent no message {number}")

    def size(self, number: int) -> int:
        """The size of message ``number`` in bytes (WinDev: EmailMessageSize)."""
        _status, data = self._imap().fetch(str(number), "(RFC822.SIZE)")
        found = re.search(
            rb"RFC822\.SIZE (\d+)", data[0] if isinstance(data[0], bytes) else b""
        )
        return int(found.group(1)) if found else 0

    def delete(self) -> None:
        """Mark the message read last as deleted; it goes when the session closes (WinDev: EmailDeleteMessage)."""
        self._imap().store(str(self.position), "+FLAGS", "\\Deleted")
        self.deleted = True

    def close(self) -> None:
        if self.connection is not None:
            try:
                if self.deleted:
                    self.connection.expunge()
                self.connection.logout()
            except (OSError, imaplib.IMAP4.error):
                self.connection.shutdown()
            self.connection = None


# part: pop3 (needs: mailbox)


@dataclass
class Pop3Session(MailboxSession):
    """A POP3 maildrop (WinDev: emailPOP3Session); deleted messages go when the session closes."""

    connection: poplib.POP3 | None = None
    sizes: list[int] = field(default_factory=list)
    protocol = "pop3"
    failures = (OSError, poplib.error_proto)

    def connect(self) -> None:
        if self.auth_token:
            raise MailError(
                "poplib has no XOAUTH2 sign-in: read this mailbox over IMAP"
            )
        context = tls_context(self.ignore_certificate_errors)
        port = self.port or MAILBOX_PORTS["pop3"][self.security]
        timeout = self.timeout or DEFAULT_TIMEOUT
        if self.security == "tls":
            pop: poplib.POP3 = poplib.POP3_SSL(
                self.server_address, port, timeout=timeout, context=context
            )
        else:
            pop = poplib.POP3(self.server_address, port, timeout=timeout)
            if self.security == "starttls":
                pop.stls(context=context)
        pop.user(self.name)
        pop.pass_(self.password)
        # a POP3 maildrop is fixed for the session: its list is taken once
        self.sizes = [int(line.split()[1]) for line in pop.list()[1]]
        self.connection = pop

    def _pop(self) -> poplib.POP3:
        if self.connection is None:
            raise MailError("the POP3 session is not open: call start() first")
        return self.connection

    def count(self) -> int:
        """How many messages there were when the session opened; deleting does not change it."""
        self._pop()
        return len(self.sizes)

    def fetch(self, number: int, headers_only: bool = False) -> bytes:
        pop = self._pop()
        _answer, lines, _octets = (
            pop.top(number, 0) if headers_only else pop.retr(number)
        )
        return b"\r\n".join(lines) + b"\r\n"

    def size(self, number: int) -> int:
        """The size of message ``number`` in bytes (WinDev: EmailMessageSize)."""
        self._pop()
        return self.sizes[number - 1]

    def delete(self) -> None:
        """Mark the message read last as deleted; it goes when the session closes (WinDev: EmailDeleteMessage)."""
        self._pop().dele(self.position)

    def close(self) -> None:
        if self.connection is not None:
            try:
                self.connection.quit()  # the deletions are made here
            except (OSError, poplib.error_proto):
                self.connection.close()
            self.connection = None


# part: oauth (needs: errors)

# seconds the user has to sign in, and the token endpoint to answer
OAUTH_TIMEOUT = 300.0


@dataclass
class OAuth2Provider:
    """Where and how to sign in with OAuth 2.0 (WinDev: OAuth2Parameters)."""

    client_id: str = ""
    client_secret: str = field(default="", repr=False)
    auth_url: str = ""
    token_url: str = ""
    scope: str = ""
    redirect_url: str = ""  # http://localhost:PORT, where the code comes back
    response_type: str = "code"


@dataclass
class AuthToken:
    """An OAuth 2.0 access token and what came with it (WinDev: AuthToken); its secrets stay out of repr()."""

    value: str = field(default="", repr=False)
    refresh: str = field(default="", repr=False)
    expiry: float = 0.0  # time.time() when it expires; 0: the server did not say
    provider: OAuth2Provider | None = None  # who issued it, to refresh it

    @property
    def valid(self) -> bool:
        return bool(self.value) and (not self.expiry or time.time() < self.expiry)


def authorize(provider: OAuth2Provider) -> AuthToken:
    """Sign in in the user's browser (authorization code with PKCE) and get a token (WinDev: AuthIdentify)."""
    redirect = urlsplit(provider.redirect_url)
    if (
        redirect.scheme != "http"
        or redirect.hostname not in ("localhost", "127.0.0.1")
        or not redirect.port
    ):
        raise MailError(
            f"the redirect URL must be http://localhost:PORT, not '{provider.redirect_url}'"
        )
    state = secrets.token_urlsafe(16)
    verifier = secrets.token_urlsafe(64)
    challenge = (
        base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest())
        .rstrip(b"=")
        .decode()
    )
    query = urlencode(
        {
            "response_type": provider.response_type,
            "client_id": provider.client_id,
            "redirect_uri": provider.redirect_url,
            "scope": provider.scope,
            "state": state,
            "code_challenge": challenge,
            "code_challenge_method": "S256",
        }
    )
    answer = _browser_sign_in(
        f"{provider.auth_url}?{query}", redirect.port, redirect.path or "/"
    )
    if answer.get("state") != state:
        raise MailError(
            "the sign-in came back with the wrong state: the answer was not for this request"
        )
    if "code" not in answer:
        raise MailError(
            f"the sign-in was refused: {answer.get('error_description') or answer.get('error')}"
        )
    return _token_request(
        provider,
        {
            "grant_type": "authorization_code",
            "code": answer["code"],
            "redirect_uri": provider.redirect_url,
            "code_verifier": verifier,
        },
    )


def refresh(token: AuthToken) -> AuthToken:
    """A new token from the refresh token, without the browser (WinDev: AuthRefreshToken)."""
    if token.provider is None or not token.provider.token_url:
        raise MailError(
            "this AuthToken does not say which TokenURL issued it, so it cannot be refreshed"
        )
    if not token.refresh:
        raise MailError("this AuthToken has no refresh token: sign in again")
    renewed = _token_request(
        token.provider, {"grant_type": "refresh_token", "refresh_token": token.refresh}
    )
    renewed.refresh = renewed.refresh or token.refresh
    token.refresh = (
        renewed.refresh
    )  # providers rotate refresh tokens: the old one is spent
    return renewed


def _browser_sign_in(url: str, port: int, path: str) -> dict[str, str]:
    """Open ``url`` in the browser and wait until it comes back to http://127.0.0.1:PORT/PATH with the answer."""
    answers: list[dict[str, str]] = []

    class Redirect(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            target = urlsplit(self.path)
            fields = dict(parse_qsl(target.query))
            arrived = target.path == path and ("code" in fields or "error" in fields)
            if arrived:
                answers.append(fields)
            page = (
                "You can close this window and return to the program."
                if arrived
                else "Waiting for the sign-in."
            )
            body = f"<html><body><p>{page}</p></body></html>".encode()
            self.send_response(200 if arrived else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, message_format: str, *args: object) -> None:
            pass  # the request line carries the authorization code: keep it off the terminal

    deadline = time.monotonic() + OAUTH_TIMEOUT
    with http.server.HTTPServer(("127.0.0.1", port), Redirect) as server:
        server.timeout = (
            1.0  # each wait for a request ends within a second, to check the deadline
        )

        def serve() -> None:
            while not answers and time.monotonic() < deadline:
                server.handle_request()

        # the listener runs beside the browser: a browser command may wait for the page to load
        listener = threading.Thread(target=serve, daemon=True)
        listener.start()
        if not webbrowser.open(url):
            print("Open this address in a browser to sign in:", url)
        listener.join(OAUTH_TIMEOUT + 5)
    if not answers:
        raise MailError(
            f"the sign-in did not come back to port {port} within {OAUTH_TIMEOUT:g} s"
        )
    return answers[0]


def _token_request(provider: OAuth2Provider, fields: dict[str, str]) -> AuthToken:
    """POST to the token endpoint; the answer is a JSON token (RFC 6749 section 5.1)."""
    fields = {**fields, "client_id": provider.client_id}
    if provider.client_secret:
        fields["client_secret"] = provider.client_secret
    request = urllib.request.Request(
        provider.token_url,
        data=urlencode(fields).encode(),
        headers={"Accept": "application/json"},
    )
    host = urlsplit(provider.token_url).netloc
    try:
        with urllib.request.urlopen(request, timeout=OAUTH_TIMEOUT) as response:
            answer = json.load(response)
    except urllib.error.HTTPError as error:
        try:
            detail = json.load(error).get("error", error.code)
        except ValueError:
            detail = error.code
        raise MailError(
            f"the token endpoint {host} refused the request ({detail})"
        ) from None
    except (OSError, ValueError) as error:
        raise MailError(f"cannot get a token from {host}: {error}") from None
    expires_in = float(answer.get("expires_in") or 0)
    return AuthToken(
        value=str(answer.get("access_token", "")),
        refresh=str(answer.get("refresh_token") or ""),
        expiry=time.time() + expires_in if expires_in else 0.0,
        provider=provider,
    )
