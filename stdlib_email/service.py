"""One run's email state: where mail goes, the capture server, the timeout, sessions named by user, queued sends."""

from __future__ import annotations

from collections.abc import Coroutine
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wlinterp.source import ident_key

from .constants import SEND_ERROR, SEND_PENDING, SEND_SENT, IgnoreError, Security
from .endpoint import Endpoint
from .errors import EmailFailure

if TYPE_CHECKING:  # pragma: no cover
    import asyncio

    from wlinterp.runtime import Runtime

    from .capture import CapturedMessage, CaptureServer

__all__ = ["MailService", "DEFAULT_TIMEOUT"]

# WinDev waits 10 minutes for a silent server unless EmailSetTimeOut says otherwise.
DEFAULT_TIMEOUT = 600.0


def _check_server_name(server: str) -> None:
    """A ServerAddress that no DNS or TLS layer can carry is refused before anything connects."""
    problem = ""
    if any(ord(c) < 33 or ord(c) == 127 for c in server):
        problem = "it holds a space or a control character"
    else:
        try:
            server.encode("idna")
        except UnicodeError:
            problem = "a part of it is empty or too long"
    if problem:
        raise EmailFailure(f"{server!r} is not a valid server name: {problem}; check ServerAddress")


def _authority_folder(outbox: Path) -> Path:
    """Where the capture CA lives: the user's cache (its key must not travel with a shared outbox)."""
    import os  # noqa: PLC0415

    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    folder = Path(base) / "wlinterp" / "capture-ca"
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        return folder
    except OSError:
        return outbox / "wlinterp-ca"


class MailService:
    """Shared by every email built-in of one run; ``MailService.of(rt)`` finds or makes it."""

    def __init__(self, rt: Runtime):
        self.rt = rt
        self.timeout = DEFAULT_TIMEOUT
        self.named: dict[str, Any] = {}  # sessions opened with a user name (the legacy API)
        self.statuses: dict[int, int] = {}
        self.failures: dict[int, str] = {}
        self._next_id = 0
        self._capture: CaptureServer | None = None
        self._authority: Any = None
        self._mailboxes: Any = None
        self.named_receivers: dict[str, Any] = {}
        self._captured_by_server: dict[str, list[CapturedMessage]] = {}
        self._pending: set[asyncio.Task[Any]] = set()
        self.configured: dict[int, Any] = {}
        rt.on_close(self.shutdown)

    @classmethod
    def of(cls, rt: Runtime) -> MailService:
        service = rt.state.get("email.service")
        if service is None:
            service = rt.state["email.service"] = cls(rt)
        return service

    # ------------------------------------------------------------------ running coroutines

    def run(self, coroutine: Coroutine[Any, Any, Any]) -> Any:
        return self.rt.run_async(coroutine)

    # ------------------------------------------------------------------ where mail goes

    @property
    def mode(self) -> str:
        return self.rt.options.smtp

    def outbox(self) -> Path:
        return Path(self.rt.options.outbox)

    def endpoint(self, server: str, port: int, security: Security, ignore: IgnoreError) -> Endpoint:
        """Where a session named ``server:port`` really connects, under ``--smtp``."""
        _check_server_name(server)
        label = f"{server}:{port}"
        mode = self.mode
        if mode == "capture":
            capture = self.capture()
            target = capture.tls_port if security is Security.TLS else capture.plain_port
            return Endpoint("127.0.0.1", target, security, server, label, ignore, str(capture.authority.ca_cert_path))
        if mode == "live":
            return Endpoint(server, port, security, server, label, ignore)
        host, _, redirect_port = mode.rpartition(":")
        return Endpoint(host, int(redirect_port), security, host, label, ignore)

    def authority(self) -> Any:
        """The private CA of the capture servers (SMTP and OAuth), loaded once per run."""
        if self._authority is None:
            from .tls import CertificateAuthority  # noqa: PLC0415 - runs that send nothing do not pay for it

            try:
                self._authority = CertificateAuthority.load_or_create(_authority_folder(self.outbox()))
            except OSError as exc:
                raise EmailFailure(f"cannot prepare the capture certificate authority: {exc.strerror or exc}") from None
        return self._authority

    def capture(self) -> CaptureServer:
        """The embedded capture server, started on the first session that needs it."""
        if self._capture is None:
            from .capture import CaptureServer  # noqa: PLC0415 - runs that send nothing do not pay for it

            outbox = self.outbox()
            try:
                outbox.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise EmailFailure(f"cannot prepare the outbox {outbox}: {exc.strerror or exc}") from None
            server = CaptureServer(outbox, self.authority(), self.token_validator())
            server.on_message(self._captured)
            self.run(server.start())
            self._capture = server
        return self._capture

    def token_validator(self) -> Any:
        """The capture server accepts an XOAUTH2 token only if the embedded OAuth server issued it and it is
        still valid; it asks at sign-in time, so AuthIdentify may run before or after the session exists."""

        def validate(user: str, token: str) -> bool:
            check = self.rt.state.get("oauth.validate")
            return bool(check is not None and check(user, token))

        return validate

    def _captured(self, message: CapturedMessage) -> None:
        # the capture server names each message's server with the label its connection was given
        self._captured_by_server.setdefault(message.server, []).append(message)

    def label_connection(self, local_port: int, label: str) -> None:
        if self._capture is not None:
            self._capture.label(local_port, label)

    # ------------------------------------------------------------------ where mail is read

    def receiving_mode(self, protocol: str) -> str:
        """--pop3/--imap when given; else capture with a capture --smtp, and the real servers otherwise."""
        chosen = getattr(self.rt.options, protocol, "") or ""
        if chosen:
            return chosen
        return "capture" if self.mode == "capture" else "live"

    def receiving_endpoint(self, protocol: str, server: str, port: int, security: Security, ignore: IgnoreError) -> Endpoint:
        _check_server_name(server)
        label = f"{server}:{port}"
        mode = self.receiving_mode(protocol)
        name = protocol.upper()
        if mode == "capture":
            boxes = self.mailboxes()
            ports = {
                ("imap", False): boxes.imap_port, ("imap", True): boxes.imaps_port,
                ("pop3", False): boxes.pop3_port, ("pop3", True): boxes.pop3s_port,
            }
            target = ports[(protocol, security is Security.TLS)]
            return Endpoint("127.0.0.1", target, security, server, label, ignore, str(self.authority().ca_cert_path), name)
        if mode == "live":
            return Endpoint(server, port, security, server, label, ignore, protocol=name)
        host, _, redirect_port = mode.rpartition(":")
        return Endpoint(host, int(redirect_port), security, host, label, ignore, protocol=name)

    def mailboxes(self) -> Any:
        """The outbox served over IMAP and POP3, started on the first receiving session that needs it."""
        if self._mailboxes is None:
            from .capture_mailboxes import CaptureMailboxes  # noqa: PLC0415

            outbox = self.outbox()
            try:
                outbox.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise EmailFailure(f"cannot prepare the outbox {outbox}: {exc.strerror or exc}") from None
            boxes = CaptureMailboxes(outbox, self.authority(), self.token_validator())
            self.run(boxes.start())
            self._mailboxes = boxes
        return self._mailboxes

    def label_mailbox(self, local_port: int, label: str) -> None:
        if self._mailboxes is not None:
            self._mailboxes.label(local_port, label)

    # ------------------------------------------------------------------ what was sent

    def new_identifier(self) -> int:
        self._next_id += 1
        return self._next_id

    def record(self, sender: str, recipients: list[str], subject: str, endpoint: Endpoint, auth: str, user: str) -> None:
        """One sent message in the run report's ``messages`` (with the stored copy's path in capture mode)."""
        eml = ""
        arrived = self._captured_by_server.get(endpoint.label) or []
        if arrived:
            eml = str(arrived.pop(0).path)
        self.rt.messages.append({
            "from": sender,
            "to": list(recipients),
            "subject": subject,
            "server": endpoint.label,
            "security": endpoint.security.value,
            "auth": auth,
            "user": user,
            "eml": eml,
        })

    # ------------------------------------------------------------------ asynchronous sends

    def queue(self, identifier: int, coroutine: Coroutine[Any, Any, Any]) -> None:
        """Send in the background: the send moves on whenever the run's loop turns, and at the end."""
        self.statuses[identifier] = SEND_PENDING
        task = self.rt.loop.create_task(coroutine)
        self._pending.add(task)

        def finished(done: asyncio.Task[Any]) -> None:
            self._pending.discard(done)
            failure = done.exception() if not done.cancelled() else EmailFailure("the send was cancelled")
            if failure is None:
                self.statuses[identifier] = SEND_SENT
            else:
                self.statuses[identifier] = SEND_ERROR
                self.failures[identifier] = str(failure)

        task.add_done_callback(finished)

    def status(self, identifier: int) -> int:
        if self._pending:
            import asyncio  # noqa: PLC0415 - only runs that queue sends need it

            self.run(asyncio.sleep(0.01))  # give queued sends a turn before answering
        return self.statuses.get(identifier, 0)

    def drain(self) -> None:
        if self._pending:
            import asyncio  # noqa: PLC0415

            self.run(asyncio.gather(*list(self._pending), return_exceptions=True))

    # ------------------------------------------------------------------ session names

    def find_named(self, user: str) -> Any:
        return self.named.get(ident_key(user))

    def name_session(self, user: str, session: Any) -> None:
        self.named[ident_key(user)] = session

    def forget(self, user: str) -> None:
        self.named.pop(ident_key(user), None)

    def shutdown(self) -> None:
        """The end of the run: drain queued sends, close what is open, stop the capture server."""
        self.drain()
        for closer in list(self.rt.state.get("email.open_sessions", [])):
            closer()
        if self._capture is not None:
            self.run(self._capture.stop())
            self._capture = None
        if self._mailboxes is not None:
            self.run(self._mailboxes.stop())
            self._mailboxes = None
