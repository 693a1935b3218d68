"""Private Dovecot instances (IMAP, IMAPS, POP3, POP3S on free 127.0.0.1 ports) with Maildirs the tests fill.

Usage in a test module (tests/ is a package, so the import is relative; the functions are
registered under the fixture names ``dovecot``, ``dovecot_module`` and ``dovecot_factory``)::

    from .dovecot import ALICE, dovecot_fixture  # noqa: F401 (the fixture "dovecot")

    def test_inbox(dovecot):                       # a fresh instance per test, users ALICE and BOB
        dovecot.add_message(ALICE, b"Subject: hi\r\n\r\nbody\r\n")
        ctx = dovecot.client_context()             # trusts dovecot.cert_file; connect to "localhost"
        with imaplib.IMAP4_SSL("localhost", dovecot.imaps_port, ssl_context=ctx) as imap: ...

When the ``dovecot`` binary is missing the fixtures skip (``apt-get install dovecot-imapd
dovecot-pop3d``), unless ``WLINTERP_REQUIRE_DOVECOT=1`` is set (CI sets it): then they fail.

The instance follows ../shared/reference/mta-recipe.md: its own base directory (a short,
0755 directory under /tmp, because the pytest tmp tree is 0700 and Dovecot's auth and mail
processes run as other users), ``auth_failure_delay = 0``, no file from /etc/dovecot, and the
master stopped through its own pid and process group (0.01-1.5 s). As root the mail processes
run as nobody; as another user, everything runs as that user.

- Passwords are stored base64-encoded, one passwd-file per user, so any password works and a
  user added while the server runs can log in at once (see ``_write_user``).
- XOAUTH2 and OAUTHBEARER are offered too: tokens given to ``add_token`` are checked by a small
  introspection endpoint on loopback that the instance runs for Dovecot's oauth2 passdb.
- Dovecot's per-IP auth penalty (4.5 s, 8.5 s … after repeated failures, and it delays the
  next *successful* login too) is switched off (see ``_wait_until_listening``), so a failed
  login takes ~0.5 s however many came before; ``auth_penalty=True`` keeps it.
- Dovecot serves messages with CRLF line ends; write them with CRLF to read them back byte for byte.
"""

from __future__ import annotations

import atexit
import base64
import contextlib
import datetime as dt
import functools
import grp
import ipaddress
import itertools
import json
import os
import pwd
import shutil
import socket
import ssl
import subprocess
import tempfile
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterator, Mapping
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Self

import pytest

from .mta_process import process_group, stop_group

__all__ = [
    "ALICE",
    "BOB",
    "DEFAULT_USERS",
    "DOVECOT_MISSING",
    "REQUIRE_ENV",
    "DovecotError",
    "DovecotInstance",
    "dovecot_binary",
    "dovecot_factory_fixture",
    "dovecot_fixture",
    "dovecot_module_fixture",
    "instance_processes",
    "require_dovecot",
    "running_dovecot",
]

ALICE = "alice@example.test"
BOB = "bob@example.test"
DEFAULT_USERS = {ALICE: "secret1", BOB: "secret2"}

DOVECOT_MISSING = "Dovecot is not installed: apt-get install dovecot-imapd dovecot-pop3d"
REQUIRE_ENV = "WLINTERP_REQUIRE_DOVECOT"

LOOPBACK = "127.0.0.1"
START_TIMEOUT = 10.0
MASTER_GRACE = 1.5
# where the auth process asks anvil for the per-IP failed-login penalty (relative to base_dir)
ANVIL_PENALTY_SOCKET = "anvil-auth-penalty"
SUPPORTED_VERSION = "2.3."
PORT_ATTEMPTS = 3
# root mode: the mail processes must not run as root (Dovecot refuses uid 0), so they run as nobody
MAIL_UID = MAIL_GID = 65534
MAILDIR_SUBDIRS = ("tmp", "new", "cur")
# Dovecot's default auth_username_chars; the passwd-file format also rules out ':'
USERNAME_CHARS = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ01234567890.-_@")

_running: set[DovecotInstance] = set()  # stopped at exit if a test forgot to
_unique = itertools.count(1)


class DovecotError(RuntimeError):
    """The instance could not be started or stopped; the message carries the end of Dovecot's log."""


# ------------------------------------------------------------------ availability


def dovecot_binary() -> str | None:
    """The dovecot executable, also when /usr/sbin is not on PATH (non-root shells on Debian)."""
    found = shutil.which("dovecot")
    if found:
        return found
    for candidate in ("/usr/sbin/dovecot", "/usr/local/sbin/dovecot"):
        if os.access(candidate, os.X_OK):
            return candidate
    return None


@functools.cache
def dovecot_version(binary: str) -> str:
    try:
        answer = subprocess.run([binary, "--version"], capture_output=True, text=True, timeout=10, check=False)
        return answer.stdout.strip()
    except (OSError, subprocess.SubprocessError) as error:
        return f"unknown ({error})"


def require_dovecot() -> str:
    """The binary's path; otherwise skip the test, or fail it when WLINTERP_REQUIRE_DOVECOT=1 (CI)."""
    binary = dovecot_binary()
    if binary is None:
        reason = DOVECOT_MISSING
    elif not dovecot_version(binary).startswith(SUPPORTED_VERSION):
        # 2.4 (Debian 13) changed the configuration language; this instance speaks 2.3's
        reason = f"the Dovecot fixture needs Dovecot 2.3 (Debian 12); {binary} is {dovecot_version(binary)}"
    else:
        return binary
    if os.environ.get(REQUIRE_ENV) == "1":
        pytest.fail(f"{reason} ({REQUIRE_ENV}=1 requires the Dovecot tests to run)", pytrace=False)
    pytest.skip(reason)


# ------------------------------------------------------------------ helpers


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((LOOPBACK, 0))
        return sock.getsockname()[1]


def write_self_signed_certificate(cert_file: Path, key_file: Path) -> None:
    """One self-signed certificate for "localhost" and 127.0.0.1 that clients use as their trust anchor.

    It is its own CA (CA:TRUE, keyCertSign) and carries the key identifiers, so it also passes
    OpenSSL's strict verification (Python 3.13's default contexts set VERIFY_X509_STRICT).
    """
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = dt.datetime.now(dt.UTC)
    public = key.public_key()
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(public)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(hours=1))
        .not_valid_after(now + dt.timedelta(days=2))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True, content_commitment=False, key_encipherment=False, data_encipherment=False,
                key_agreement=False, key_cert_sign=True, crl_sign=False, encipher_only=False, decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(
            x509.SubjectAlternativeName([x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address(LOOPBACK))]),
            critical=False,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(public), critical=False)
        .sign(key, hashes.SHA256())
    )
    cert_file.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    key_file.chmod(0o600)


def _sleep_into_next_second() -> None:
    time.sleep(1.0 - time.time() % 1.0 + 0.01)


def _command_line(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def _live_pids() -> Iterator[tuple[int, int]]:
    """(pid, process group) of every live process; zombies left to a non-reaping PID 1 do not count."""
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            pgrp = process_group(int(entry.name))
            if pgrp is not None:
                yield int(entry.name), pgrp


def _group_members(group: int) -> list[int]:
    return [pid for pid, pgrp in _live_pids() if pgrp == group]


def instance_processes(instance_name: str, group: int | None = None) -> list[int]:
    """Live processes of one instance: in the master's process group, or with its unique name in their command line."""
    return [
        pid for pid, pgrp in _live_pids()
        if (group is not None and pgrp == group) or instance_name in _command_line(pid)
    ]


class _IntrospectionHandler(BaseHTTPRequestHandler):
    """RFC 7662-style token introspection: POST token=… → {"active": true, "username": …} or {"active": false}."""

    server: _IntrospectionServer

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        form = urllib.parse.parse_qs(self.rfile.read(length).decode("utf-8", "replace"))
        token = (form.get("token") or [""])[0]
        user = self.server.tokens.get(token)
        self.server.requests.append(token)
        answer = {"active": True, "username": user} if user else {"active": False}
        body = json.dumps(answer).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


class _IntrospectionServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, tokens: dict[str, str], requests: list[str]):
        super().__init__((LOOPBACK, 0), _IntrospectionHandler)
        self.tokens = tokens
        self.requests = requests


# ------------------------------------------------------------------ the instance


class DovecotInstance:
    """One private Dovecot master with four loopback listeners, a passwd-file and a Maildir per user.

    Users, tokens and messages may be added before or after ``start()``. As root the mail
    processes run as nobody (65534) and the files the test writes are handed to that user; as
    another user everything runs as that user.
    """

    def __init__(self, users: Mapping[str, str] | None = None, *, tokens: Mapping[str, str] | None = None,
                 name: str | None = None, auth_penalty: bool = False):
        """``auth_penalty=True`` keeps Dovecot's per-IP delay after failed logins (0.5, 4.5, 8.5 … s, and
        it slows the next successful login too); by default it is switched off, so every failure takes ~0.5 s."""
        self.auth_penalty = auth_penalty
        self._penalty_disabled = False
        self.killed = False  # whether stop() had to SIGKILL the master
        self.binary = dovecot_binary()
        if self.binary is None:
            raise DovecotError(DOVECOT_MISSING)
        self.name = name or f"wldc-{os.getpid()}-{next(_unique)}"
        self.as_root = os.geteuid() == 0
        self.mail_uid, self.mail_gid = (MAIL_UID, MAIL_GID) if self.as_root else (os.getuid(), os.getgid())
        # short, world-traversable, outside pytest's 0700 tree; unix socket paths must stay < 108 bytes
        self.base = Path(tempfile.mkdtemp(prefix=f"{self.name}-", dir="/tmp"))
        self.base.chmod(0o755)
        self.etc = self.base / "etc"
        self.mail_root = self.base / "mail"
        self.etc.mkdir(mode=0o755)
        self.mail_root.mkdir(mode=0o755)
        self._chown(self.mail_root)
        self.config_file = self.etc / "dovecot.conf"
        # one passwd-file per user (see _write_user)
        self.users_dir = self.etc / "users.d"
        self.users_dir.mkdir(mode=0o755)
        self.oauth2_file = self.etc / "oauth2.conf.ext"
        self.log_file = self.base / "dovecot.log"
        self.stderr_file = self.base / "stderr.log"
        self.cert_file = self.etc / "cert.pem"
        self.key_file = self.etc / "key.pem"
        write_self_signed_certificate(self.cert_file, self.key_file)
        self._users: dict[str, str] = {}
        self._stamps: dict[str, int] = {}
        self._tokens: dict[str, str] = {}
        self._token_checks: list[str] = []
        self._introspection: _IntrospectionServer | None = None
        self._process: subprocess.Popen[bytes] | None = None
        self._counter = itertools.count(1)
        self.imap_port = self.imaps_port = self.pop3_port = self.pop3s_port = 0
        for user, password in (users or {}).items():
            self.add_user(user, password)
        for token, user in (tokens or {}).items():
            self.add_token(token, user)

    # -------------------------------------------------------------- accounts

    @property
    def ca_file(self) -> Path:
        """What clients trust: the self-signed certificate itself."""
        return self.cert_file

    @property
    def users(self) -> dict[str, str]:
        return dict(self._users)

    @property
    def token_checks(self) -> list[str]:
        """The bearer tokens Dovecot asked the introspection endpoint about, in order."""
        return list(self._token_checks)

    def add_user(self, user: str, password: str) -> Path:
        """Create (or re-password) an account and its empty Maildir; works while running. Returns the Maildir.

        A new user can log in at once. Changing the password of a running instance's user takes
        up to a second (Dovecot looks at a passwd-file at most once per second), spent here.
        """
        if not user or not set(user) <= USERNAME_CHARS:
            raise ValueError(f"user name {user!r} has characters Dovecot's default auth_username_chars refuses")
        known = user in self._users
        self._users[user] = password
        self._write_user(user)
        if known and self.started:
            _sleep_into_next_second()
        return self._ensure_maildir(user)

    def add_token(self, token: str, user: str) -> None:
        """Accept ``token`` as an XOAUTH2/OAUTHBEARER bearer token for ``user``; works while running."""
        if user not in self._users:
            raise KeyError(f"unknown user {user!r}: add_user first")
        self._tokens[token] = user

    def home(self, user: str) -> Path:
        return self.mail_root / user

    def maildir(self, user: str, mailbox: str = "INBOX") -> Path:
        """The Maildir of a mailbox: INBOX is ~/Maildir itself, "Archive" is ~/Maildir/.Archive (Maildir++)."""
        if user not in self._users:
            raise KeyError(f"unknown user {user!r}")
        root = self.home(user) / "Maildir"
        return root if mailbox.upper() == "INBOX" else root / f".{mailbox.replace('/', '.')}"

    def add_message(self, user: str, raw: bytes, *, seen: bool = False, flags: str = "",
                    mailbox: str = "INBOX", when: float | None = None) -> Path:
        """Deliver one message as a Maildir MDA does (write in tmp/, rename into new/ or cur/).

        Unseen messages without flags go to new/ (Dovecot moves them to cur/ on first access);
        ``seen`` or ``flags`` (Maildir letters: D draft, F flagged, R answered, S seen, T trashed)
        put them straight into cur/ with the ``:2,FLAGS`` suffix. ``when`` sets the file time,
        which Dovecot uses as the INTERNALDATE. Returns the final path.
        """
        letters = set(flags.upper()) | ({"S"} if seen else set())
        if not letters <= set("DFRST"):
            raise ValueError(f"unknown Maildir flags {flags!r}")
        directory = self._ensure_maildir(user, mailbox)
        now = time.time()
        unique = f"{int(now)}.M{int(now * 1e6) % 1_000_000:06d}P{os.getpid()}Q{next(self._counter):06d}.wlinterp-test"
        staged = directory / "tmp" / unique
        staged.write_bytes(raw)
        self._chown(staged)
        staged.chmod(0o600)
        if when is not None:
            os.utime(staged, (when, when))
        final = directory / "cur" / f"{unique}:2,{''.join(sorted(letters))}" if letters else directory / "new" / unique
        os.rename(staged, final)
        return final

    def messages(self, user: str, mailbox: str = "INBOX") -> list[Path]:
        """The message files now in new/ and cur/, sorted by name (so, for added messages, by delivery)."""
        directory = self.maildir(user, mailbox)
        return sorted(
            (path for sub in ("new", "cur") if (directory / sub).is_dir() for path in (directory / sub).iterdir()),
            key=lambda path: path.name,
        )

    # -------------------------------------------------------------- life cycle

    @property
    def started(self) -> bool:
        return self._process is not None

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process else None

    def start(self) -> DovecotInstance:
        if self._process is not None:
            raise DovecotError("this instance was already started")
        self._introspection = _IntrospectionServer(self._tokens, self._token_checks)
        threading.Thread(
            target=self._introspection.serve_forever, kwargs={"poll_interval": 0.05}, name=f"{self.name}-oauth2",
            daemon=True,
        ).start()
        self._write_oauth2_config()
        _running.add(self)
        for attempt in range(1, PORT_ATTEMPTS + 1):
            self._penalty_disabled = False
            self.imap_port, self.imaps_port, self.pop3_port, self.pop3s_port = self._four_free_ports()
            self._write_config()
            self._spawn()
            try:
                self._wait_until_listening()
            except DovecotError:
                in_use = "Address already in use" in self.log_tail()
                self._terminate()
                if in_use and attempt < PORT_ATTEMPTS:
                    continue  # another process took a port between our probe and Dovecot's bind
                self.stop()
                raise
            break
        return self

    def stop(self, *, keep_files: bool = False) -> None:
        """SIGTERM the master and its group (SIGKILL after 1.5 s), end whatever of it is left, remove the files."""
        _running.discard(self)
        try:
            self._terminate()
        finally:
            if self._introspection is not None:
                self._introspection.shutdown()
                self._introspection.server_close()
                self._introspection = None
            if not keep_files:
                shutil.rmtree(self.base, ignore_errors=True)

    def __enter__(self) -> Self:
        if self._process is None:
            self.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def processes(self) -> list[int]:
        """Pids of live processes that belong to this instance (empty once stopped)."""
        return instance_processes(self.name, self._process.pid if self._process else None)

    def log_tail(self, lines: int = 40) -> str:
        text = ""
        for path in (self.stderr_file, self.log_file):
            with contextlib.suppress(OSError):
                text += path.read_text(errors="replace")
        return "\n".join(text.splitlines()[-lines:])

    def client_context(self) -> ssl.SSLContext:
        """A client TLS context that trusts this instance's certificate (hostname checks stay on: use "localhost")."""
        return ssl.create_default_context(cafile=str(self.cert_file))

    # -------------------------------------------------------------- internals

    def _chown(self, path: Path) -> None:
        if self.as_root:
            os.chown(path, self.mail_uid, self.mail_gid)

    def _ensure_maildir(self, user: str, mailbox: str = "INBOX") -> Path:
        directory = self.maildir(user, mailbox)
        home = self.home(user)
        for path in (home, home / "Maildir", directory, *(directory / sub for sub in MAILDIR_SUBDIRS)):
            if not path.is_dir():
                path.mkdir(mode=0o700)
                self._chown(path)
        if mailbox.upper() != "INBOX":
            # Maildir++ marks a folder with this file; Dovecot lists the folder either way
            marker = directory / "maildirfolder"
            if not marker.exists():
                marker.touch(mode=0o600)
                self._chown(marker)
        return directory

    def _write_user(self, user: str) -> None:
        """users.d/USER, one passwd-file line (user:password:uid:gid::home::) with the password base64-encoded.

        Dovecot re-reads a passwd-file at most once per second, and only when its mtime (whole
        seconds) or size changed; a user added to one shared file while the server runs could
        stay unknown. A file per user (``users.d/%u``) is read the first time that user is looked
        up; each rewrite gets a later mtime so that a changed password is seen a second later.
        """
        encoded = base64.b64encode(self._users[user].encode("utf-8")).decode("ascii")
        line = f"{user}:{{PLAIN.b64}}{encoded}:{self.mail_uid}:{self.mail_gid}::{self.home(user)}::\n"
        final = self.users_dir / user
        staged = self.users_dir / f".{user}.new"
        staged.write_text(line, encoding="utf-8")
        staged.chmod(0o644)
        stamp = self._stamps[user] = max(int(time.time()), self._stamps.get(user, 0) + 1)
        os.utime(staged, (stamp, stamp))
        os.replace(staged, final)  # atomic: the auth process never reads half a line

    def _write_oauth2_config(self) -> None:
        assert self._introspection is not None
        port = self._introspection.server_address[1]
        self.oauth2_file.write_text(
            f"introspection_mode = post\n"
            f"introspection_url = http://{LOOPBACK}:{port}/introspect\n"
            f"force_introspection = yes\n"
            f"username_attribute = username\n"
            f"active_attribute = active\n"
            f"active_value = true\n"
            f"timeout_msecs = 5000\n"
        )

    @staticmethod
    def _four_free_ports() -> tuple[int, int, int, int]:
        ports: set[int] = set()
        while len(ports) < 4:
            ports.add(free_port())
        first, second, third, fourth = ports
        return first, second, third, fourth

    def _write_config(self) -> None:
        run = self.base / "run"
        unprivileged = ""
        if not self.as_root:
            user = pwd.getpwuid(os.getuid()).pw_name
            group = grp.getgrgid(os.getgid()).gr_name
            unprivileged = (
                f"default_internal_user = {user}\n"
                f"default_internal_group = {group}\n"
                f"default_login_user = {user}\n"
                "service anvil {\n  chroot =\n}\n"
            )
        login_chroot = "" if self.as_root else "  chroot =\n"
        self.config_file.write_text(f"""\
# generated by tests/dovecot.py for one test instance; includes nothing from /etc/dovecot
base_dir = {run}
state_dir = {run}/state
instance_name = {self.name}
log_path = {self.log_file}
info_log_path = {self.log_file}
protocols = imap pop3
listen = {LOOPBACK}
ssl = yes
ssl_cert = <{self.cert_file}
ssl_key = <{self.key_file}
ssl_min_protocol = TLSv1.2
disable_plaintext_auth = no
auth_mechanisms = plain login xoauth2 oauthbearer
auth_failure_delay = 0
auth_verbose = yes
mail_location = maildir:~/Maildir
first_valid_uid = 1
pop3_uidl_format = %08Xu%08Xv
{unprivileged}
passdb {{
  driver = passwd-file
  mechanisms = plain login
  args = scheme=PLAIN {self.users_dir}/%u
}}
passdb {{
  driver = oauth2
  mechanisms = xoauth2 oauthbearer
  args = {self.oauth2_file}
}}
userdb {{
  driver = passwd-file
  args = {self.users_dir}/%u
}}
service imap-login {{
{login_chroot}  inet_listener imap {{
    address = {LOOPBACK}
    port = {self.imap_port}
  }}
  inet_listener imaps {{
    address = {LOOPBACK}
    port = {self.imaps_port}
    ssl = yes
  }}
}}
service pop3-login {{
{login_chroot}  inet_listener pop3 {{
    address = {LOOPBACK}
    port = {self.pop3_port}
  }}
  inet_listener pop3s {{
    address = {LOOPBACK}
    port = {self.pop3s_port}
    ssl = yes
  }}
}}
""")

    def _spawn(self) -> None:
        self.log_file.unlink(missing_ok=True)
        stderr = self.stderr_file.open("wb")
        try:
            # own session: a Ctrl-C in the terminal reaches pytest, which stops us; and the
            # process group lets stop() find every child, even one that outlived the master
            self._process = subprocess.Popen(
                [self.binary, "-F", "-c", str(self.config_file)],
                stdin=subprocess.DEVNULL, stdout=stderr, stderr=stderr, start_new_session=True, close_fds=True,
            )
        finally:
            stderr.close()

    def _wait_until_listening(self) -> None:
        assert self._process is not None
        deadline = time.monotonic() + START_TIMEOUT
        waiting = [self.imap_port, self.imaps_port, self.pop3_port, self.pop3s_port]
        penalty_socket = self.base / "run" / ANVIL_PENALTY_SOCKET
        while waiting:
            if self._process.poll() is not None:
                raise DovecotError(f"dovecot exited with {self._process.returncode} at start:\n{self.log_tail()}")
            if time.monotonic() > deadline:
                raise DovecotError(f"dovecot did not open ports {waiting} within {START_TIMEOUT} s:\n{self.log_tail()}")
            if not self.auth_penalty and not self._penalty_disabled:
                # Before any client connects, so before the auth process starts: the auth
                # process opens this socket once, at its start, and when the file is missing
                # (ENOENT, which it does not even log) it runs without penalties. Master and
                # anvil keep their listening descriptor; nothing else uses the path.
                if not penalty_socket.exists():
                    time.sleep(0.005)
                    continue
                penalty_socket.unlink()
                self._penalty_disabled = True
            with socket.socket() as probe:
                probe.settimeout(0.5)
                if probe.connect_ex((LOOPBACK, waiting[0])) == 0:
                    waiting.pop(0)
                    continue
            time.sleep(0.01)
        # an open port only means the master has bound it: wait for the greetings, which the
        # login processes send once the auth process answers them (a SIGTERM during startup
        # costs the master 6 s to exit)
        for port, greeting in ((self.imap_port, b"* OK"), (self.pop3_port, b"+OK")):
            self._expect_greeting(port, greeting, deadline)

    def _expect_greeting(self, port: int, greeting: bytes, deadline: float) -> None:
        try:
            with socket.create_connection((LOOPBACK, port), timeout=max(0.1, deadline - time.monotonic())) as client:
                received = b""
                while b"\r\n" not in received:
                    chunk = client.recv(512)
                    if not chunk:
                        break
                    received += chunk
        except OSError as error:
            raise DovecotError(f"no greeting on port {port}: {error}\n{self.log_tail()}") from error
        if not received.startswith(greeting):
            raise DovecotError(f"unexpected greeting on port {port}: {received!r}\n{self.log_tail()}")

    def _terminate(self) -> None:
        process = self._process
        if process is None:
            return
        # Told alone, the master takes ~1 s; with its children told too, 0.01-0.1 s mostly, ~1 s at
        # times, and now and then 6 s: it waits up to 5 s for a process it still counts as
        # available (seen when stopping right after start). The data is disposable, so after
        # MASTER_GRACE the group gets SIGKILL. A login process serving a connected client may
        # outlive the master (recipe pitfall 7): stop_group sees to it.
        killed, leftovers = stop_group(process, MASTER_GRACE, self._leftovers)
        self.killed = self.killed or killed
        if leftovers:
            raise DovecotError(f"processes {leftovers} of {self.name} survived SIGKILL")

    def _leftovers(self, group: int) -> list[int]:
        """Live processes still in the master's group that carry this instance's name (titles do)."""
        return [pid for pid in _group_members(group) if self.name in _command_line(pid)]


@atexit.register
def _stop_forgotten_instances() -> None:
    for instance in list(_running):
        with contextlib.suppress(Exception):
            instance.stop()


# ------------------------------------------------------------------ pytest fixtures


@contextlib.contextmanager
def running_dovecot(users: Mapping[str, str] | None = None, *, started: bool = True,
                    **options: Any) -> Iterator[DovecotInstance]:
    """An instance, started unless ``started=False``, always stopped; skips or fails the test without Dovecot."""
    require_dovecot()
    instance = DovecotInstance(DEFAULT_USERS if users is None else users, **options)
    try:
        if started:
            instance.start()
        yield instance
    finally:
        instance.stop()


@pytest.fixture(name="dovecot")
def dovecot_fixture() -> Iterator[DovecotInstance]:
    """A fresh, running instance per test, with DEFAULT_USERS (ALICE/secret1, BOB/secret2) and empty Maildirs."""
    with running_dovecot() as instance:
        yield instance


@pytest.fixture(name="dovecot_module", scope="module")
def dovecot_module_fixture() -> Iterator[DovecotInstance]:
    """One running instance shared by a module's tests: give each test its own user (``add_user``)."""
    with running_dovecot() as instance:
        yield instance


@pytest.fixture(name="dovecot_factory")
def dovecot_factory_fixture() -> Iterator[Callable[..., DovecotInstance]]:
    """``make(users=None, *, tokens=None, started=True)`` → an instance; all are stopped after the test.

    ``started=False`` gives one to fill before ``instance.start()``.
    """
    with contextlib.ExitStack() as stack:

        def make(users: Mapping[str, str] | None = None, **options: Any) -> DovecotInstance:
            return stack.enter_context(running_dovecot(users, **options))

        yield make
