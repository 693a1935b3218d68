"""Private Postfix instances (plain SMTP, submission with STARTTLS, SMTPS on free 127.0.0.1 ports) that deliver into Maildirs.

Usage in a test module (tests/ is a package, so the import is relative; the functions are
registered under the fixture names ``postfix``, ``postfix_module``, ``postfix_sasl`` and
``postfix_factory``)::

    from .postfix import ALICE, postfix_fixture  # noqa: F401 (the fixture "postfix")

    def test_delivery(postfix):                   # a fresh instance per test
        with smtplib.SMTP("127.0.0.1", postfix.smtp_port) as client:
            client.sendmail("zoe@example.org", [ALICE], b"Subject: hi\\r\\n\\r\\nbody\\r\\n")
        (raw,) = postfix.wait_for_messages(ALICE)  # the delivered bytes, Postfix's headers included
        ctx = postfix.client_context()            # trusts postfix.cert_file; connect to "localhost"

Three listeners, as a mail provider has them:

- ``smtp_port`` (port 25 style): no TLS, no AUTH; mail for the mailboxes only (another domain is
  "Relay access denied", an unknown user "User unknown in virtual mailbox table").
- ``submission_port`` (587 style): STARTTLS is required before MAIL FROM.
- ``smtps_port`` (465 style): implicit TLS (``smtpd_tls_wrappermode``).

With a SASL backend (the ``postfix_sasl`` fixture, or ``PostfixInstance(sasl=SaslDovecot(...))``)
the submission and SMTPS ports offer AUTH (PLAIN, LOGIN … as Dovecot offers them, after TLS
only) and *require* it, as a provider's submission service does: without it, every recipient
is refused. The fixture's users are ALICE/secret1 and BOB/secret2 (SASL_USERS).
``smtpd_sasl_authenticated_header`` puts "(Authenticated sender: USER)" in the Received header,
so a delivered message shows whether it came in signed in. The backend is a private Dovecot
(tests/dovecot.py) with one more auth socket, for Postfix.

The mailboxes are ALICE, BOB and CAROL at ``example.com`` by default (not ``example.test``:
wlinterp refuses special-use domains); each gets a Maildir under the instance's base directory,
and their domains are the instance's only destinations. Postfix delivers asynchronously, a few
milliseconds after its 250 to DATA, hence ``wait_for_messages`` and ``wait_for_empty_queue``.
The files have LF line ends (Maildir convention).

When Postfix is missing, or the tests do not run as root (Postfix refuses to start otherwise),
the fixtures skip, unless ``WLINTERP_REQUIRE_POSTFIX=1`` is set (CI sets it): then they fail.

The instance follows ../shared/reference/mta-recipe.md: its own base directory (a short, 0755
directory under /tmp, because Postfix's daemons and its virtual delivery agent run as other
users), nothing from /etc/postfix but Debian's meta files (postfix-files, dynamicmaps.cf), a
``maillog_file`` of its own, and the ``master`` daemon run in the foreground as our child: its
pid is Popen's, it leads its own process group, and stopping it is SIGTERM to that group.
"""

from __future__ import annotations

import atexit
import contextlib
import functools
import itertools
import os
import re
import shutil
import socket
import ssl
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, Self

import pytest

from .dovecot import (
    DovecotInstance,
    free_port,
    require_dovecot,
    write_self_signed_certificate,
)
from .mta_process import process_group, stop_group

__all__ = [
    "ALICE",
    "BOB",
    "CAROL",
    "DEFAULT_MAILBOXES",
    "POSTFIX_MISSING",
    "REQUIRE_ENV",
    "SASL_USERS",
    "PostfixError",
    "PostfixInstance",
    "SaslDovecot",
    "postfix_binary",
    "postfix_factory_fixture",
    "postfix_fixture",
    "postfix_module_fixture",
    "postfix_sasl_fixture",
    "require_postfix",
    "running_postfix",
    "running_sasl_dovecot",
    "sasl_dovecot_fixture",
]

ALICE = "alice@example.com"
BOB = "bob@example.com"
CAROL = "carol@example.com"
DEFAULT_MAILBOXES = (ALICE, BOB, CAROL)
SASL_USERS = {ALICE: "secret1", BOB: "secret2"}
MAILBOX_PATTERN = re.compile(r"[a-z0-9._-]+@[a-z0-9-]+(\.[a-z0-9-]+)+")

POSTFIX_MISSING = "Postfix is not installed: apt-get install postfix (debconf main_mailer_type 'No configuration')"
REQUIRE_ENV = "WLINTERP_REQUIRE_POSTFIX"

LOOPBACK = "127.0.0.1"
# compatibility_level 3.6 and smtpd_sasl_mechanism_filter need 3.6; Debian 12 ships 3.7
SUPPORTED_VERSION = (3, 6)
COMMAND_TIMEOUT = 30.0  # postfix check, postconf
START_TIMEOUT = 10.0
MASTER_GRACE = 3.0
DELIVERY_TIMEOUT = 10.0
PORT_ATTEMPTS = 3
# virtual(8) refuses to deliver as root (virtual_minimum_uid 100): the Maildirs belong to nobody
MAIL_UID = MAIL_GID = 65534

_running: set[PostfixInstance] = set()  # stopped at exit if a test forgot to
_unique = itertools.count(1)


class PostfixError(RuntimeError):
    """The instance could not be started or stopped; the message carries the end of Postfix's log."""


# ------------------------------------------------------------------ availability


def postfix_binary() -> str | None:
    """The postfix command, also when /usr/sbin is not on PATH."""
    found = shutil.which("postfix")
    if found:
        return found
    for candidate in ("/usr/sbin/postfix", "/usr/local/sbin/postfix"):
        if os.access(candidate, os.X_OK):
            return candidate
    return None


def _postconf(binary: str, *arguments: str) -> str:
    """``postconf -d -h NAME`` beside the postfix command: -d reads no main.cf (there is none with 'No configuration')."""
    postconf = str(Path(binary).with_name("postconf"))
    answer = subprocess.run([postconf, *arguments], capture_output=True, text=True, timeout=COMMAND_TIMEOUT,
                            check=False)
    if answer.returncode != 0:
        raise PostfixError(f"{postconf} {' '.join(arguments)} failed: {answer.stderr.strip()}")
    return answer.stdout.strip()


@functools.cache
def postfix_version(binary: str) -> str:
    try:
        return _postconf(binary, "-d", "-h", "mail_version")
    except (OSError, subprocess.SubprocessError, PostfixError) as error:
        return f"unknown ({error})"


def _version_tuple(version: str) -> tuple[int, ...]:
    match = re.match(r"(\d+)\.(\d+)", version)
    return (int(match.group(1)), int(match.group(2))) if match else (0,)


def require_postfix() -> str:
    """The postfix command's path; otherwise skip the test, or fail it when WLINTERP_REQUIRE_POSTFIX=1 (CI)."""
    binary = postfix_binary()
    if binary is None:
        reason = POSTFIX_MISSING
    elif os.geteuid() != 0:
        reason = "the Postfix fixture needs root: the postfix command is reserved for the superuser"
    elif _version_tuple(postfix_version(binary)) < SUPPORTED_VERSION:
        reason = f"the Postfix fixture needs Postfix 3.6 or later; {binary} is {postfix_version(binary)}"
    else:
        return binary
    if os.environ.get(REQUIRE_ENV) == "1":
        pytest.fail(f"{reason} ({REQUIRE_ENV}=1 requires the Postfix tests to run)", pytrace=False)
    pytest.skip(reason)


# ------------------------------------------------------------------ processes


def _environment_has(pid: int, entry: bytes) -> bool:
    try:
        return entry in Path(f"/proc/{pid}/environ").read_bytes().split(b"\0")
    except OSError:
        return False


def _instance_pids(group: int, marker: bytes) -> list[int]:
    """Live processes in the master's process group that carry the instance's MAIL_CONFIG (a reused group id does not)."""
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and process_group(int(entry.name)) == group and _environment_has(int(entry.name), marker):
            pids.append(int(entry.name))
    return pids


def _delivery_time(path: Path) -> tuple[int, int]:
    """When virtual(8) delivered a file, from its name SECONDS.VdevIinodeMmicroseconds.HOST (the inode orders nothing)."""
    match = re.match(r"(\d+)\.V[0-9a-f]+I[0-9a-f]+M(\d+)\.", path.name)
    if match:
        return int(match.group(1)), int(match.group(2))
    stamp = path.stat().st_mtime_ns
    return stamp // 1_000_000_000, stamp // 1000 % 1_000_000


# ------------------------------------------------------------------ SASL backend


class SaslDovecot(DovecotInstance):
    """A private Dovecot whose auth service also listens on a socket for Postfix's ``smtpd_sasl_type = dovecot``.

    Same users, passwords and life cycle as DovecotInstance (its IMAP and POP3 listeners run
    too, unused). The socket is mode 0666 because smtpd runs as the postfix user.
    """

    AUTH_SOCKET = "auth-postfix"

    @property
    def auth_socket(self) -> Path:
        return self.base / "run" / self.AUTH_SOCKET

    def _write_config(self) -> None:
        # DovecotInstance writes the whole file on each start attempt; one more block on top
        super()._write_config()
        with self.config_file.open("a") as config:
            config.write(
                "service auth {\n"
                f"  unix_listener {self.AUTH_SOCKET} {{\n"
                "    mode = 0666\n"
                "  }\n"
                "}\n"
            )

    def start(self) -> SaslDovecot:
        super().start()
        # the master creates the listener at start; wait for it rather than trust the order
        deadline = time.monotonic() + START_TIMEOUT
        while not self.auth_socket.exists():
            if time.monotonic() > deadline:
                raise PostfixError(f"Dovecot made no {self.auth_socket} within {START_TIMEOUT} s:\n{self.log_tail()}")
            time.sleep(0.01)
        return self


# ------------------------------------------------------------------ the instance


class PostfixInstance:
    """One private Postfix master with three loopback listeners and a Maildir per mailbox.

    ``sasl`` (a started or unstarted SaslDovecot, started here if needed and never stopped here)
    turns on AUTH on the submission and SMTPS ports, and requires it there. ``sasl_mechanisms``
    narrows what Postfix offers (``("login",)`` makes a client use LOGIN); by default it offers
    what Dovecot offers.
    """

    def __init__(self, mailboxes: Sequence[str] = DEFAULT_MAILBOXES, *, sasl: SaslDovecot | None = None,
                 sasl_mechanisms: Sequence[str] | None = None, name: str | None = None):
        binary = postfix_binary()
        if binary is None:
            raise PostfixError(POSTFIX_MISSING)
        self.binary = binary
        self.master_binary = str(Path(_postconf(binary, "-d", "-h", "daemon_directory")) / "master")
        for mailbox in mailboxes:
            if not MAILBOX_PATTERN.fullmatch(mailbox):
                raise ValueError(f"mailbox {mailbox!r} must be a simple lower-case address")
        self.mailboxes = tuple(mailboxes)
        self.sasl = sasl
        self.sasl_mechanisms = tuple(sasl_mechanisms) if sasl_mechanisms else None
        self.name = name or f"wlpf-{os.getpid()}-{next(_unique)}"
        self.killed = False  # whether stop() had to SIGKILL the master
        # short, world-traversable, outside pytest's 0700 tree (recipe pitfall 3)
        self.base = Path(tempfile.mkdtemp(prefix=f"{self.name}-", dir="/tmp"))
        self.base.chmod(0o755)
        self.etc = self.base / "etc"
        self.spool = self.base / "spool"
        self.data = self.base / "data"
        self.mail_root = self.base / "mail"
        for directory in (self.etc, self.spool, self.data, self.mail_root):
            directory.mkdir(mode=0o755)
        shutil.chown(self.data, "postfix", "postfix")
        os.chown(self.mail_root, MAIL_UID, MAIL_GID)
        self.main_cf = self.etc / "main.cf"
        self.master_cf = self.etc / "master.cf"
        self.vmailbox = self.etc / "vmailbox"
        self.maillog = self.base / "maillog"
        self.stderr_file = self.base / "stderr.log"
        self.cert_file = self.etc / "cert.pem"
        self.key_file = self.etc / "key.pem"
        write_self_signed_certificate(self.cert_file, self.key_file)
        # the master passes MAIL_CONFIG to every child: how leftovers are told from strangers
        self._marker = f"MAIL_CONFIG={self.etc}".encode()
        self._process: subprocess.Popen[bytes] | None = None
        self.smtp_port = self.submission_port = self.smtps_port = 0

    # -------------------------------------------------------------- mailboxes

    @property
    def ca_file(self) -> Path:
        """What clients trust: the self-signed certificate itself."""
        return self.cert_file

    def maildir(self, mailbox: str) -> Path:
        if mailbox not in self.mailboxes:
            raise KeyError(f"unknown mailbox {mailbox!r}")
        return self.mail_root / self._maildir_path(mailbox)

    @staticmethod
    def _maildir_path(mailbox: str) -> str:
        """DOMAIN/LOCAL/Maildir/, relative to virtual_mailbox_base (the trailing / asks virtual(8) for a Maildir)."""
        local, domain = mailbox.split("@")
        return f"{domain}/{local}/Maildir/"

    def messages(self, mailbox: str) -> list[Path]:
        """The delivered message files (Maildir new/), oldest first; empty before the first delivery."""
        new = self.maildir(mailbox) / "new"
        if not new.is_dir():
            return []
        return sorted(new.iterdir(), key=_delivery_time)

    def wait_for_messages(self, mailbox: str, count: int = 1, timeout: float = DELIVERY_TIMEOUT) -> list[bytes]:
        """The bytes of the first ``count`` messages delivered to ``mailbox``, once that many are there."""
        deadline = time.monotonic() + timeout
        while len(found := self.messages(mailbox)) < count:
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"{len(found)} message(s) delivered to {mailbox} within {timeout} s, expected {count}; "
                    f"end of the maillog:\n{self.log_tail()}"
                )
            time.sleep(0.02)
        return [path.read_bytes() for path in found[:count]]

    def queued(self) -> list[Path]:
        """Queue files of messages accepted and not yet delivered or bounced (deferred ones included)."""
        # in the order a message moves through them, so one moving on while we look is still seen
        return [
            path for sub in ("maildrop", "incoming", "active", "deferred", "hold")
            if (self.spool / sub).is_dir() for path in (self.spool / sub).rglob("*") if path.is_file()
        ]

    def wait_for_empty_queue(self, timeout: float = DELIVERY_TIMEOUT) -> None:
        """Until every message Postfix accepted has been delivered: then the Maildirs hold all there will be.

        smtpd answers 250 to DATA only once the queue file is written, so after a client's
        send returns, an empty queue means no delivery is still on its way.
        """
        deadline = time.monotonic() + timeout
        while queued := self.queued():
            if time.monotonic() > deadline:
                raise AssertionError(f"{len(queued)} message(s) still queued after {timeout} s; "
                                     f"end of the maillog:\n{self.log_tail()}")
            time.sleep(0.02)

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

    def start(self) -> PostfixInstance:
        if self._process is not None:
            raise PostfixError("this instance was already started")
        if self.sasl is not None and not self.sasl.running:
            self.sasl.start()
        _running.add(self)
        for attempt in range(1, PORT_ATTEMPTS + 1):
            self.smtp_port, self.submission_port, self.smtps_port = self._three_free_ports()
            self._write_config()
            if attempt == 1:
                self._check()
            self._spawn()
            try:
                self._wait_until_listening()
            except PostfixError:
                self._terminate()
                if self._ports_taken() and attempt < PORT_ATTEMPTS:
                    continue  # another process took a port between our probe and the master's bind
                self.stop()
                raise
            break
        return self

    def stop(self, *, keep_files: bool = False) -> None:
        """SIGTERM the master's process group (SIGKILL after 3 s), end whatever of it is left, remove the files."""
        _running.discard(self)
        try:
            self._terminate()
        finally:
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
        return _instance_pids(self._process.pid, self._marker) if self._process else []

    def log_tail(self, lines: int = 40) -> str:
        text = ""
        for path in (self.stderr_file, self.maillog):
            with contextlib.suppress(OSError):
                text += path.read_text(errors="replace")
        return "\n".join(text.splitlines()[-lines:])

    def client_context(self) -> ssl.SSLContext:
        """A client TLS context that trusts this instance's certificate (hostname checks stay on: use "localhost")."""
        return ssl.create_default_context(cafile=str(self.cert_file))

    # -------------------------------------------------------------- internals

    @staticmethod
    def _three_free_ports() -> tuple[int, int, int]:
        ports: set[int] = set()
        while len(ports) < 3:
            ports.add(free_port())
        first, second, third = ports
        return first, second, third

    def _ports_taken(self) -> bool:
        """Whether another process listens on one of our ports (checked once our master is gone).

        The master logs nothing when its bind fails (postlogd is not running yet: it dies
        silently after ~5 s), so the ports are tried instead. SO_REUSEADDR, as the master
        sets it, so that our own probes' TIME-WAIT sockets do not count.
        """
        for port in (self.smtp_port, self.submission_port, self.smtps_port):
            with socket.socket() as sock:
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                try:
                    sock.bind((LOOPBACK, port))
                except OSError:
                    return True
        return False

    def _sasl_options(self) -> str:
        """The ``-o`` overrides that make a listener demand AUTH (after TLS only), or nothing without a backend."""
        if self.sasl is None:
            return ""
        options = (
            " -o smtpd_sasl_auth_enable=yes -o smtpd_tls_auth_only=yes"
            # a provider's submission service: signed-in clients only, whatever the recipient
            " -o smtpd_relay_restrictions=permit_sasl_authenticated,reject"
        )
        if self.sasl_mechanisms:
            options += f" -o smtpd_sasl_mechanism_filter={','.join(self.sasl_mechanisms)}"
        return options

    def _write_config(self) -> None:
        b = self.base
        sasl_path = f"smtpd_sasl_path = {self.sasl.auth_socket}\n" if self.sasl is not None else ""
        # main.cf takes '#' comments only at the start of a line (recipe §3)
        self.main_cf.write_text(f"""\
# generated by tests/postfix.py for one test instance; reads nothing from /etc/postfix
compatibility_level = 3.6
queue_directory = {self.spool}
data_directory = {self.data}
maillog_file = {self.maillog}
maillog_file_prefixes = {b}
myhostname = mta.test
mydomain = mta.test
myorigin = $myhostname
inet_interfaces = {LOOPBACK}
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
mydestination =
local_transport = error:local delivery disabled
alias_maps =
alias_database =
relayhost =
relay_domains =
default_transport = error:outbound mail disabled in test instance
# no permit_mynetworks: a loopback client may not relay, so "Relay access denied" can be tested
smtpd_relay_restrictions = permit_sasl_authenticated reject_unauth_destination
smtpd_recipient_restrictions =
virtual_mailbox_domains = {' '.join(sorted({m.split('@')[1] for m in self.mailboxes}))}
virtual_mailbox_base = {self.mail_root}
virtual_mailbox_maps = texthash:{self.vmailbox}
virtual_uid_maps = static:{MAIL_UID}
virtual_gid_maps = static:{MAIL_GID}
smtpd_tls_cert_file = {self.cert_file}
smtpd_tls_key_file = {self.key_file}
smtpd_tls_security_level = may
smtpd_tls_loglevel = 1
smtp_tls_security_level = none
smtpd_sasl_type = dovecot
{sasl_path}smtpd_sasl_authenticated_header = yes
# answers come at once: no tarpit after a client's errors, so failing tests stay quick
smtpd_error_sleep_time = 0
biff = no
""")
        # texthash needs no postmap
        self.vmailbox.write_text("".join(f"{m} {self._maildir_path(m)}\n" for m in self.mailboxes))
        sasl = self._sasl_options()
        # the first three lines are the listeners; the rest is the recipe's master.cf, chroot 'n' everywhere
        self.master_cf.write_text(f"""\
{LOOPBACK}:{self.smtp_port} inet n - n - - smtpd -o smtpd_tls_security_level=none -o smtpd_sasl_auth_enable=no
{LOOPBACK}:{self.submission_port} inet n - n - - smtpd -o smtpd_tls_security_level=encrypt{sasl}
{LOOPBACK}:{self.smtps_port} inet n - n - - smtpd -o smtpd_tls_wrappermode=yes -o smtpd_tls_security_level=encrypt{sasl}
pickup    unix  n       -       n       60      1       pickup
cleanup   unix  n       -       n       -       0       cleanup
qmgr      unix  n       -       n       300     1       qmgr
tlsmgr    unix  -       -       n       1000?   1       tlsmgr
rewrite   unix  -       -       n       -       -       trivial-rewrite
bounce    unix  -       -       n       -       0       bounce
defer     unix  -       -       n       -       0       bounce
trace     unix  -       -       n       -       0       bounce
verify    unix  -       -       n       -       1       verify
flush     unix  n       -       n       1000?   0       flush
proxymap  unix  -       -       n       -       -       proxymap
proxywrite unix -       -       n       -       1       proxymap
smtp      unix  -       -       n       -       -       smtp
relay     unix  -       -       n       -       -       smtp
showq     unix  n       -       n       -       -       showq
error     unix  -       -       n       -       -       error
retry     unix  -       -       n       -       -       error
discard   unix  -       -       n       -       -       discard
local     unix  -       n       n       -       -       local
virtual   unix  -       n       n       -       -       virtual
anvil     unix  -       -       n       -       1       anvil
scache    unix  -       -       n       -       1       scache
postlog   unix-dgram n  -       n       -       1       postlogd
""")
        # Postfix reads a file again, 0.3 s later, as long as its mtime is within a second of the
        # read (it could be half-written): freshly written files cost every command ~2 s
        settled = time.time() - 10
        for path in (self.main_cf, self.master_cf, self.vmailbox):
            os.utime(path, (settled, settled))

    def _check(self) -> None:
        """``postfix check`` makes the queue directories with their owners; it fails silently without a tty (pitfall 1)."""
        try:
            answer = subprocess.run([self.binary, "-c", str(self.etc), "check"], capture_output=True, text=True,
                                    stdin=subprocess.DEVNULL, timeout=COMMAND_TIMEOUT, check=False)
        except subprocess.TimeoutExpired as error:
            raise PostfixError(f"postfix check took more than {COMMAND_TIMEOUT} s") from error
        if answer.returncode != 0:
            raise PostfixError(
                f"postfix check failed ({answer.returncode}): {answer.stdout}{answer.stderr}\n{self.log_tail()}"
            )

    def _spawn(self) -> None:
        self.maillog.unlink(missing_ok=True)
        stderr = self.stderr_file.open("wb")
        try:
            # master -s: in the foreground, as our child, so Popen's pid IS the master (postfix
            # start-fg would leave a shell in between, recipe pitfall 2). Its own session: a
            # Ctrl-C reaches pytest, which stops us, and the group holds all its children.
            self._process = subprocess.Popen(
                [self.master_binary, "-c", str(self.etc), "-s"],
                stdin=subprocess.DEVNULL, stdout=stderr, stderr=stderr, start_new_session=True, close_fds=True,
            )
        finally:
            stderr.close()

    def _wait_until_listening(self) -> None:
        """Until each listener greets: an open port only means the master bound it; 220 means smtpd runs."""
        assert self._process is not None
        deadline = time.monotonic() + START_TIMEOUT
        for port, tls in ((self.smtp_port, False), (self.submission_port, False), (self.smtps_port, True)):
            while True:
                if self._process.poll() is not None:
                    raise PostfixError(f"the Postfix master exited with {self._process.returncode} at start:\n"
                                       f"{self.log_tail()}")
                if time.monotonic() > deadline:
                    raise PostfixError(f"Postfix did not greet on port {port} within {START_TIMEOUT} s:\n"
                                       f"{self.log_tail()}")
                if self._greets(port, tls, deadline):
                    break
                time.sleep(0.01)

    def _greets(self, port: int, tls: bool, deadline: float) -> bool:
        try:
            with contextlib.ExitStack() as stack:
                timeout = max(0.1, deadline - time.monotonic())
                client = stack.enter_context(socket.create_connection((LOOPBACK, port), timeout=timeout))
                if tls:  # also proves that smtpd loaded the certificate and its key
                    client = stack.enter_context(self.client_context().wrap_socket(client, server_hostname="localhost"))
                received = b""
                while b"\r\n" not in received:
                    chunk = client.recv(512)
                    if not chunk:
                        return False
                    received += chunk
                client.sendall(b"QUIT\r\n")
        except ConnectionRefusedError:
            return False
        except (OSError, ssl.SSLError) as error:
            raise PostfixError(f"no greeting on port {port}: {error}\n{self.log_tail()}") from error
        if not received.startswith(b"220 "):
            raise PostfixError(f"unexpected greeting on port {port}: {received!r}\n{self.log_tail()}")
        return True

    def _terminate(self) -> None:
        process = self._process
        if process is None:
            return
        # SIGTERM to the group: the master passes it on to its children too ("postfix abort"); the
        # data is disposable, so no graceful "postfix stop" is needed
        killed, leftovers = stop_group(process, MASTER_GRACE, lambda group: _instance_pids(group, self._marker))
        self.killed = self.killed or killed
        if leftovers:
            raise PostfixError(f"processes {leftovers} of {self.name} survived SIGKILL")


@atexit.register
def _stop_forgotten_instances() -> None:
    for instance in list(_running):
        with contextlib.suppress(Exception):
            instance.stop()


# ------------------------------------------------------------------ pytest fixtures


@contextlib.contextmanager
def running_postfix(mailboxes: Sequence[str] = DEFAULT_MAILBOXES, *, started: bool = True,
                    **options: Any) -> Iterator[PostfixInstance]:
    """An instance, started unless ``started=False``, always stopped; skips or fails the test without Postfix."""
    require_postfix()
    instance = PostfixInstance(mailboxes, **options)
    try:
        if started:
            instance.start()
        yield instance
    finally:
        instance.stop()


@contextlib.contextmanager
def running_sasl_dovecot() -> Iterator[SaslDovecot]:
    """A started SASL backend with SASL_USERS (ALICE/secret1, BOB/secret2); skips or fails without Dovecot."""
    require_postfix()  # the reason to skip that matters most comes first
    require_dovecot()
    backend = SaslDovecot(SASL_USERS)
    try:
        backend.start()
        yield backend
    finally:
        backend.stop()


@pytest.fixture(name="postfix")
def postfix_fixture() -> Iterator[PostfixInstance]:
    """A fresh, running instance per test, with empty Maildirs for ALICE, BOB and CAROL; no AUTH."""
    with running_postfix() as instance:
        yield instance


@pytest.fixture(name="postfix_module", scope="module")
def postfix_module_fixture() -> Iterator[PostfixInstance]:
    """One running instance (no AUTH) shared by a module's tests: count messages, do not expect empty Maildirs."""
    with running_postfix() as instance:
        yield instance


@pytest.fixture(name="sasl_dovecot", scope="module")
def sasl_dovecot_fixture() -> Iterator[SaslDovecot]:
    """The SASL backend shared by a module's tests (Dovecot stops in ~1 s, Postfix in milliseconds)."""
    with running_sasl_dovecot() as backend:
        yield backend


@pytest.fixture(name="postfix_sasl")
def postfix_sasl_fixture(sasl_dovecot: SaslDovecot) -> Iterator[PostfixInstance]:
    """A fresh instance per test whose submission and SMTPS ports require AUTH (ALICE/secret1, BOB/secret2)."""
    with running_postfix(sasl=sasl_dovecot) as instance:
        yield instance


@pytest.fixture(name="postfix_factory")
def postfix_factory_fixture() -> Iterator[Callable[..., PostfixInstance]]:
    """``make(mailboxes=DEFAULT_MAILBOXES, *, sasl=None, sasl_mechanisms=None, started=True)``; all stopped after the test."""
    with contextlib.ExitStack() as stack:

        def make(mailboxes: Sequence[str] = DEFAULT_MAILBOXES, **options: Any) -> PostfixInstance:
            return stack.enter_context(running_postfix(mailboxes, **options))

        yield make
