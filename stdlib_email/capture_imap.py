"""The capture IMAP4rev1 server (RFC 3501): the capture outbox served as INBOX to any login.

What it speaks, for clients such as Python's ``imaplib``:

- any state: CAPABILITY, NOOP, LOGOUT; before login: STARTTLS, LOGIN, AUTHENTICATE PLAIN, LOGIN
  and XOAUTH2 (SASL-IR initial responses too); after login: SELECT, EXAMINE, STATUS, LIST, LSUB,
  NAMESPACE; in a mailbox: FETCH, STORE, SEARCH, their UID forms, EXPUNGE, CHECK, CLOSE, UNSELECT.
- FETCH items: FLAGS, UID, INTERNALDATE, RFC822.SIZE, ENVELOPE, RFC822, RFC822.HEADER,
  RFC822.TEXT, BODY[…] and BODY.PEEK[…] with the sections "", HEADER, TEXT, HEADER.FIELDS (…),
  HEADER.FIELDS.NOT (…) and partial ranges <o.n>; the macros ALL and FAST. MIME part numbers,
  BODY and BODYSTRUCTURE are answered BAD: fetch the whole message and parse it.
- Flags: \\Seen, \\Answered, \\Flagged, \\Deleted, \\Draft are kept as Maildir letters; keywords
  are not kept (PERMANENTFLAGS says so). Fetching a body without PEEK sets \\Seen (not in EXAMINE).
- EXPUNGE (and CLOSE in SELECT) deletes the \\Deleted messages' files. The count is live: a
  message captured meanwhile is announced (EXISTS) after the next command, a message another
  session removed is announced (EXPUNGE) at the next NOOP, CHECK or EXPUNGE.
- XOAUTH2 refusals go as Gmail's do: a ``+`` continuation carrying a base64 JSON error, the
  client's (empty) answer, then ``NO [AUTHENTICATIONFAILED]``.

Command lines and their literals are bounded (64 KiB each, 256 KiB a command); a malformed
command gets BAD, ten in a row end the connection. Arguments are never logged.

(Written here rather than on pymap 0.36, which was tried: it re-serialises stored messages with
LF line ends, logs LOGIN passwords at DEBUG, has no idle timeout and wants its own user files.)
"""

from __future__ import annotations

import logging
import re
from base64 import b64encode
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from email.header import decode_header, make_header
from email.utils import getaddresses

from .capture import XOAUTH2_ERROR
from .capture_connection import Connection, ConnectionClosed, LineTooLong
from .capture_logins import LoginDesk, decode_sasl, parse_plain, parse_xoauth2
from .capture_maildrop import FLAG_LETTERS, Maildrop

__all__ = ["AUTH_MECHANISMS", "ImapServer"]

log = logging.getLogger(__name__)

AUTH_MECHANISMS = ("PLAIN", "LOGIN", "XOAUTH2")
BASE_CAPABILITIES = ("IMAP4rev1", "SASL-IR", "UNSELECT", "NAMESPACE")
MAX_LITERAL = 64 * 1024
MAX_COMMAND = 256 * 1024
MAX_BAD_COMMANDS = 10
GREETING = b"wlinterp capture IMAP server ready (messages stay on this machine)"
INBOX = "INBOX"
SYSTEM_FLAGS = tuple(FLAG_LETTERS)  # \Draft \Flagged \Answered \Seen \Deleted
LETTER_FLAGS = {letter: flag for flag, letter in FLAG_LETTERS.items()}
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
FETCH_MACROS = {
    "ALL": ("FLAGS", "INTERNALDATE", "RFC822.SIZE", "ENVELOPE"),
    "FAST": ("FLAGS", "INTERNALDATE", "RFC822.SIZE"),
}
SIMPLE_FETCH_ITEMS = {
    "FLAGS",
    "UID",
    "INTERNALDATE",
    "RFC822.SIZE",
    "ENVELOPE",
    "RFC822",
    "RFC822.HEADER",
    "RFC822.TEXT",
}
# SEARCH key -> (Maildir letter, whether the flag must be set)
SEARCH_FLAG_KEYS = {
    "ANSWERED": ("R", True),
    "DELETED": ("T", True),
    "DRAFT": ("D", True),
    "FLAGGED": ("F", True),
    "SEEN": ("S", True),
    "UNANSWERED": ("R", False),
    "UNDELETED": ("T", False),
    "UNDRAFT": ("D", False),
    "UNFLAGGED": ("F", False),
    "UNSEEN": ("S", False),
}
SEARCH_HEADER_KEYS = ("BCC", "CC", "FROM", "SUBJECT", "TO")
# RFC 2822 field names; ENVELOPE's order
ENVELOPE_ADDRESSES = ("from", "sender", "reply-to", "to", "cc", "bcc")

_LITERAL_AT_END = re.compile(rb"\{(\d{1,10})(\+?)\}\r?\n\Z")
_TAG = re.compile(rb"[^\x00-\x20\x7f-\xff(){%*\"\\+]+")
_ATOM = re.compile(rb"[^\x00-\x20\x7f-\xff(){%*\"\\\]]+")
_ASTRING_ATOM = re.compile(rb"[^\x00-\x20\x7f-\xff(){%*\"\\]+")
_LIST_MAILBOX = re.compile(rb"[^\x00-\x20\x7f-\xff(){\"\\]+")
_SEQUENCE_SET = re.compile(rb"[0-9*:,]+")
_NUMBER = re.compile(rb"\d{1,10}")
_FLAG = re.compile(rb"\\?[^\x00-\x20\x7f-\xff(){%*\"\\\]]+")
_FETCH_BODY = re.compile(rb"(BODY\.PEEK|BODY)\[([^\]]*)\](?:<(\d{1,10})(?:\.(\d{1,10}))?>)?", re.IGNORECASE)
_FETCH_ATOM = re.compile(rb"[A-Za-z0-9.]+")
_HEADER_LIST = re.compile(r"^(HEADER\.FIELDS(?:\.NOT)?) \((.*)\)$", re.IGNORECASE)
_DATE = re.compile(rb'"?(\d{1,2})-([A-Za-z]{3})-(\d{4})"?')
_BASE64 = re.compile(rb"[A-Za-z0-9+/=]+")
_FIELD_NAME = re.compile(rb"^([\x21-\x39\x3b-\x7e]+):")


class _Bad(Exception):
    """The command is malformed or not allowed now: tagged BAD."""


class _No(Exception):
    """The command is understood but fails: tagged NO."""


class _LiteralRefused(Exception):
    """The client announced a literal larger than we take."""

    def __init__(self, command: bytes, synchronising: bool):
        super().__init__("literal too large")
        self.command = command
        self.synchronising = synchronising


class ImapServer:
    """Serves the outbox maildrop over IMAP4rev1 to each connection handed to it."""

    def __init__(self, maildrop: Maildrop, desk: LoginDesk):
        self.maildrop = maildrop
        self.desk = desk

    async def serve(self, connection: Connection) -> None:
        """Talk to one client until it logs out, hangs up or idles out; never raises."""
        await _Session(self, connection).run()


# ---------------------------------------------------------------------- one connection


@dataclass
class _Entry:
    """A message of the selected mailbox as this session knows it (its sequence number is its place)."""

    key: str
    uid: int
    internal_date: float
    flags: frozenset[str] = field(default_factory=frozenset)  # Maildir letters last told to the client


class _Session:
    """One IMAP connection: its state, its view of INBOX, and the commands valid in each state."""

    def __init__(self, server: ImapServer, connection: Connection):
        self.server = server
        self.maildrop = server.maildrop
        self.conn = connection
        self.state = "not authenticated"  # → authenticated → selected; logout ends it
        self.read_only = False
        self.view: list[_Entry] = []
        self.recent: set[str] = set()
        self.bad_in_a_row = 0
        self.done = False
        self._command_name = ""

    # ------------------------------------------------------------------ the loop

    async def run(self) -> None:
        try:
            await self._untagged(b"OK [CAPABILITY " + self._capabilities() + b"] " + GREETING)
            while not self.done:
                try:
                    command = await self._read_command()
                except _LiteralRefused as refused:
                    if not refused.synchronising:  # its bytes are already on their way: no way to resync
                        await self._untagged(b"BYE Literal too large")
                        break
                    await self._answer(_tag_of(refused.command), b"BAD", b"Literal too large")
                    continue
                await self._execute(command)
                if self.bad_in_a_row >= MAX_BAD_COMMANDS:
                    await self._untagged(b"BYE Too many invalid commands")
                    break
        except LineTooLong:  # a command line, or a line answering an AUTHENTICATE challenge
            await self._say_goodbye(b"BYE Line too long")
        except ConnectionClosed as closed:
            if self.conn.timed_out:
                await self._say_goodbye(b"BYE Autologout; idle for too long")
            log.debug("IMAP client gone: %s", closed)
        finally:
            await self.conn.close()

    async def _read_command(self) -> bytes:
        """One command with its literals, exactly as the client sent it."""
        command = await self.conn.read_line()
        while literal := _LITERAL_AT_END.search(command):
            size, synchronising = int(literal[1]), not literal[2]
            if size > MAX_LITERAL or len(command) + size > MAX_COMMAND:
                raise _LiteralRefused(command, synchronising)
            if synchronising:
                await self.conn.send(b"+ Ready for literal data\r\n")
            command += await self.conn.read_exactly(size)
            command += await self.conn.read_line()
            if len(command) > MAX_COMMAND:
                raise LineTooLong
        return command

    async def _execute(self, command: bytes) -> None:
        tag_match = _TAG.match(command)
        if tag_match is None or command[tag_match.end() : tag_match.end() + 1] != b" ":
            self.bad_in_a_row += 1
            await self._untagged(b"BAD Missing or invalid tag")
            return
        tag = tag_match.group()
        args = _Arguments(command, tag_match.end() + 1)
        try:
            name = args.atom().decode("ascii").upper()
            handler = self._handler(name)
            if not args.at_end():
                args.space()
            text = await handler(tag, args)
        except _Bad as bad:
            self.bad_in_a_row += 1
            await self._answer(tag, b"BAD", str(bad).encode())
        except _No as no:
            self.bad_in_a_row = 0
            await self._answer(tag, b"NO", str(no).encode())
        except (ConnectionClosed, LineTooLong):
            raise
        except Exception:  # a bug here must cost the client one command, not the server
            log.exception("the capture IMAP server failed on a command")
            await self._answer(tag, b"BAD", b"[SERVERBUG] Internal error of the capture server")
        else:
            self.bad_in_a_row = 0
            if text is not None:
                await self._answer(tag, b"OK", text)

    def _handler(self, name: str) -> Callable:
        by_state = {
            "any": {"CAPABILITY": self._capability, "NOOP": self._noop, "LOGOUT": self._logout},
            "not authenticated": {
                "STARTTLS": self._starttls,
                "LOGIN": self._login,
                "AUTHENTICATE": self._authenticate,
            },
            "authenticated": {
                "SELECT": self._select,
                "EXAMINE": self._select,
                "STATUS": self._status,
                "LIST": self._list,
                "LSUB": self._list,
                "NAMESPACE": self._namespace,
                "SUBSCRIBE": self._subscribe,
                "UNSUBSCRIBE": self._read_only_store,
                "CREATE": self._read_only_store,
                "DELETE": self._read_only_store,
                "RENAME": self._read_only_store,
                "APPEND": self._read_only_store,
            },
            "selected": {
                "CHECK": self._noop,
                "CLOSE": self._close,
                "UNSELECT": self._unselect,
                "EXPUNGE": self._expunge,
                "FETCH": self._fetch,
                "STORE": self._store,
                "SEARCH": self._search,
                "UID": self._uid,
                "COPY": self._read_only_store,
                "MOVE": self._read_only_store,
            },
        }
        states = ["any", self.state] + (["authenticated"] if self.state == "selected" else [])
        for state in states:
            if name in by_state.get(state, {}):
                self._command_name = name
                return by_state[state][name]
        known = any(name in commands for commands in by_state.values())
        if not known:
            raise _Bad("Unknown command")
        if self.state == "not authenticated":
            raise _Bad("Log in first")
        if name in by_state["selected"]:
            raise _Bad("No mailbox selected")
        raise _Bad("Command not valid in this state")

    # ------------------------------------------------------------------ any state

    async def _capability(self, tag: bytes, args: _Arguments) -> bytes:
        args.end()
        await self._untagged(b"CAPABILITY " + self._capabilities())
        return b"CAPABILITY completed"

    async def _noop(self, tag: bytes, args: _Arguments) -> bytes:
        args.end()
        if self.state == "selected":
            await self._update(announce_removals=True)
        return f"{self._command_name} completed".encode()

    async def _logout(self, tag: bytes, args: _Arguments) -> None:
        args.end()
        self.done = True
        # in one write: imaplib hangs up as soon as it has read the BYE
        await self.conn.send(b"* BYE wlinterp capture IMAP server logging out\r\n" + tag + b" OK LOGOUT completed\r\n")

    # ------------------------------------------------------------------ before login

    async def _starttls(self, tag: bytes, args: _Arguments) -> None:
        args.end()
        if self.conn.encrypted:
            raise _Bad("TLS is already on")
        await self.conn.start_tls(tag + b" OK Begin TLS negotiation now\r\n")

    async def _login(self, tag: bytes, args: _Arguments) -> bytes:
        user = args.astring()
        args.space()
        args.astring()  # the password: any passes, and it is not kept
        args.end()
        self.server.desk.password(self.conn, "imap", "login", _text(user))
        return self._logged_in()

    async def _authenticate(self, tag: bytes, args: _Arguments) -> bytes | None:
        mechanism = args.atom().decode("ascii").upper()
        initial = None
        if not args.at_end():
            args.space()
            initial = args.sasl_initial()
        args.end()
        if mechanism not in AUTH_MECHANISMS:
            raise _No("Unsupported authentication mechanism")
        if mechanism == "XOAUTH2":
            return await self._authenticate_xoauth2(tag, initial)
        if mechanism == "PLAIN":
            parsed = parse_plain(await self._sasl_answer(b"", initial))
            if parsed is None:
                raise _Bad("Malformed PLAIN response")
            user = parsed[0]
        else:  # LOGIN: "Username:", then "Password:"
            user = _text(await self._sasl_answer(b"Username:", initial))
            await self._sasl_answer(b"Password:", None)
        self.server.desk.password(self.conn, "imap", mechanism.lower(), user)
        return self._logged_in()

    async def _authenticate_xoauth2(self, tag: bytes, initial: bytes | None) -> bytes | None:
        parsed = parse_xoauth2(await self._sasl_answer(b"", initial))
        if parsed is None:
            raise _Bad("Malformed XOAUTH2 response")
        if self.server.desk.token(self.conn, "imap", *parsed):
            return self._logged_in()
        # Gmail's way: the error as a challenge, whatever the client answers, then NO
        await self.conn.send(b"+ " + b64encode(XOAUTH2_ERROR) + b"\r\n")
        await self.conn.read_line()
        raise _No("[AUTHENTICATIONFAILED] Invalid credentials (Failure)")

    async def _sasl_answer(self, challenge: bytes, initial: bytes | None) -> bytes:
        """The client's decoded answer: its initial response, or its reply to a ``+`` challenge."""
        if initial is None:
            await self.conn.send(b"+ " + b64encode(challenge) + b"\r\n")
            initial = (await self.conn.read_line()).rstrip(b"\r\n")
            if initial == b"*":
                raise _Bad("AUTHENTICATE cancelled")
        answer = decode_sasl(initial)
        if answer is None:
            raise _Bad("Invalid base64 in the authentication answer")
        return answer

    def _logged_in(self) -> bytes:
        self.state = "authenticated"
        return b"[CAPABILITY " + self._capabilities() + b"] Logged in"

    # ------------------------------------------------------------------ after login

    async def _select(self, tag: bytes, args: _Arguments) -> bytes:
        mailbox = args.astring()
        args.end()
        self._leave_mailbox()
        if not _is_inbox(mailbox):
            raise _No("[NONEXISTENT] The capture server has one mailbox: INBOX")
        self.read_only = self._command_name == "EXAMINE"
        messages = self.maildrop.scan()
        self.view = [_Entry(message.key, message.uid, message.internal_date, message.flags) for message in messages]
        keys = [entry.key for entry in self.view]
        if self.read_only:
            self.recent = {key for key in keys if self.maildrop.is_unclaimed_recent(key)}
        else:
            self.recent = self.maildrop.claim_recent(keys)
        self.state = "selected"
        flags = b" ".join(flag.encode() for flag in SYSTEM_FLAGS)
        await self._untagged(b"FLAGS (" + flags + b")")
        await self._untagged(b"%d EXISTS" % len(self.view))
        await self._untagged(b"%d RECENT" % len(self.recent))
        unseen = next((number for number, entry in enumerate(self.view, 1) if "S" not in entry.flags), None)
        if unseen is not None:
            await self._untagged(b"OK [UNSEEN %d] First unseen message" % unseen)
        permanent = b"" if self.read_only else flags
        await self._untagged(b"OK [PERMANENTFLAGS (" + permanent + b")] Flags kept in the Maildir")
        await self._untagged(b"OK [UIDVALIDITY %d] UIDs valid" % self.maildrop.uid_validity)
        await self._untagged(b"OK [UIDNEXT %d] Predicted next UID" % self.maildrop.next_uid)
        access = b"[READ-ONLY]" if self.read_only else b"[READ-WRITE]"
        return access + b" " + self._command_name.encode() + b" completed"

    async def _status(self, tag: bytes, args: _Arguments) -> bytes:
        mailbox = args.astring()
        args.space()
        items = [item.upper().encode("ascii") for item in args.atom_list()]
        args.end()
        if not _is_inbox(mailbox):
            raise _No("[NONEXISTENT] The capture server has one mailbox: INBOX")
        messages = self.maildrop.scan()
        values = {
            b"MESSAGES": len(messages),
            b"RECENT": sum(1 for message in messages if self.maildrop.is_unclaimed_recent(message.key)),
            b"UIDNEXT": self.maildrop.next_uid,
            b"UIDVALIDITY": self.maildrop.uid_validity,
            b"UNSEEN": sum(1 for message in messages if "S" not in message.flags),
        }
        if not items or any(item not in values for item in items):
            raise _Bad("STATUS items are MESSAGES RECENT UIDNEXT UIDVALIDITY UNSEEN")
        answer = b" ".join(b"%s %d" % (item, values[item]) for item in items)
        await self._untagged(b"STATUS INBOX (" + answer + b")")
        return b"STATUS completed"

    async def _list(self, tag: bytes, args: _Arguments) -> bytes:
        reference = args.list_mailbox()
        args.space()
        pattern = args.list_mailbox()
        args.end()
        name = self._command_name.encode()
        if not pattern:
            await self._untagged(name + b' (\\Noselect) "/" ""')
        elif _matches(reference + pattern, INBOX):
            await self._untagged(name + b' (\\HasNoChildren) "/" INBOX')
        return name + b" completed"

    async def _namespace(self, tag: bytes, args: _Arguments) -> bytes:
        args.end()
        await self._untagged(b'NAMESPACE (("" "/")) NIL NIL')
        return b"NAMESPACE completed"

    async def _subscribe(self, tag: bytes, args: _Arguments) -> bytes:
        mailbox = args.astring()
        args.end()
        if not _is_inbox(mailbox):
            raise _No("[NONEXISTENT] The capture server has one mailbox: INBOX")
        return b"SUBSCRIBE completed"

    async def _read_only_store(self, tag: bytes, args: _Arguments) -> None:
        raise _No(f"[CANNOT] {self._command_name} is not available: the capture server has one mailbox, INBOX")

    # ------------------------------------------------------------------ in a mailbox

    async def _close(self, tag: bytes, args: _Arguments) -> bytes:
        args.end()
        if not self.read_only:
            for entry in self.view:
                if "T" in (self.maildrop.flags(entry.key) or ()):
                    self.maildrop.remove(entry.key)
        self._leave_mailbox()
        return b"CLOSE completed"

    async def _unselect(self, tag: bytes, args: _Arguments) -> bytes:
        args.end()
        self._leave_mailbox()
        return b"UNSELECT completed"

    async def _expunge(self, tag: bytes, args: _Arguments) -> bytes:
        args.end()
        if self.read_only:
            raise _No("[READ-ONLY] The mailbox was opened with EXAMINE")
        for entry in self.view:
            if "T" in (self.maildrop.flags(entry.key) or ()):
                self.maildrop.remove(entry.key)
        await self._update(announce_removals=True)
        return b"EXPUNGE completed"

    async def _uid(self, tag: bytes, args: _Arguments) -> bytes:
        name = args.atom().decode("ascii").upper()
        args.space()
        commands = {"FETCH": self._fetch, "STORE": self._store, "SEARCH": self._search}
        if name not in commands:
            raise _Bad("UID takes FETCH, STORE or SEARCH")
        self._command_name = "UID " + name
        return await commands[name](tag, args, by_uid=True)

    async def _fetch(self, tag: bytes, args: _Arguments, *, by_uid: bool = False) -> bytes:
        chosen = self._chosen(args.sequence_set(), by_uid)
        args.space()
        items = _fetch_items(args)
        args.end()
        if by_uid and not any(item.name == "UID" for item in items):
            items.insert(0, _FetchItem("UID"))
        for number, entry in chosen:
            response = self._fetch_one(entry, items)
            if response is not None:
                await self.conn.send(b"* %d FETCH (" % number + response + b")\r\n")
        await self._update(announce_removals=False)
        return self._command_name.encode() + b" completed"

    def _fetch_one(self, entry: _Entry, items: list[_FetchItem]) -> bytes | None:
        """One FETCH response's items, or None if the message went away meanwhile."""
        content = self.maildrop.content(entry.key) if any(item.needs_content for item in items) else b""
        flags = self.maildrop.flags(entry.key)
        if content is None or flags is None:
            return None
        flags_told = False
        if not self.read_only and "S" not in flags and any(item.sets_seen for item in items):
            flags = self.maildrop.change_flags(entry.key, add=frozenset("S")) or flags
        parts = []
        for item in items:
            if item.name == "FLAGS":
                flags_told = True
                parts.append(b"FLAGS (" + self._flag_list(entry.key, flags) + b")")
            elif item.name == "UID":
                parts.append(b"UID %d" % entry.uid)
            elif item.name == "INTERNALDATE":
                parts.append(b'INTERNALDATE "' + _internal_date(entry.internal_date) + b'"')
            elif item.name == "RFC822.SIZE":
                parts.append(b"RFC822.SIZE %d" % (self.maildrop.size(entry.key) or 0))
            elif item.name == "ENVELOPE":
                parts.append(b"ENVELOPE " + _envelope(_split(content)[0]))
            else:
                parts.append(item.response_name() + b" " + _literal(item.extract(content)))
        if flags != entry.flags and not flags_told:
            parts.append(b"FLAGS (" + self._flag_list(entry.key, flags) + b")")
        entry.flags = flags
        return b" ".join(parts)

    async def _store(self, tag: bytes, args: _Arguments, *, by_uid: bool = False) -> bytes:
        chosen = self._chosen(args.sequence_set(), by_uid)
        args.space()
        action = args.atom().decode("ascii").upper()
        silent = action.endswith(".SILENT")
        action = action.removesuffix(".SILENT")
        if action not in ("FLAGS", "+FLAGS", "-FLAGS"):
            raise _Bad("STORE takes FLAGS, +FLAGS or -FLAGS")
        args.space()
        letters = _flag_letters(args.flag_list())
        args.end()
        if self.read_only:
            raise _No("[READ-ONLY] The mailbox was opened with EXAMINE")
        managed = frozenset(LETTER_FLAGS)
        for number, entry in chosen:
            if action == "+FLAGS":
                flags = self.maildrop.change_flags(entry.key, add=letters)
            elif action == "-FLAGS":
                flags = self.maildrop.change_flags(entry.key, remove=letters)
            else:
                flags = self.maildrop.change_flags(entry.key, add=letters, remove=managed - letters)
            if flags is None:
                continue
            entry.flags = flags
            if not silent:
                uid = b"UID %d " % entry.uid if by_uid else b""
                await self._untagged(
                    b"%d FETCH (" % number + uid + b"FLAGS (" + self._flag_list(entry.key, flags) + b"))"
                )
        await self._update(announce_removals=False)
        return self._command_name.encode() + b" completed"

    async def _search(self, tag: bytes, args: _Arguments, *, by_uid: bool = False) -> bytes:
        criteria = _SearchParser(args, self).program()
        args.end()
        found = []
        for number, entry in enumerate(self.view, 1):
            candidate = _Candidate(number, entry, self)
            if candidate.flags is not None and criteria(candidate):
                found.append(entry.uid if by_uid else number)
        await self._untagged(b" ".join([b"SEARCH"] + [b"%d" % value for value in found]))
        await self._update(announce_removals=False)
        return self._command_name.encode() + b" completed"

    # ------------------------------------------------------------------ the view

    def _chosen(self, ranges: list[tuple[int | None, int | None]], by_uid: bool) -> list[tuple[int, _Entry]]:
        """The (sequence number, entry) pairs a sequence set names, in mailbox order."""
        if by_uid:
            largest = self.view[-1].uid if self.view else 0
            bounds = [_bounds(low, high, largest) for low, high in ranges]
            return [
                (number, entry)
                for number, entry in enumerate(self.view, 1)
                if any(low <= entry.uid <= high for low, high in bounds)
            ]
        count = len(self.view)
        for low, high in ranges:
            if any(value is not None and not 1 <= value <= count for value in (low, high)):
                raise _Bad(f"Invalid message sequence number: the mailbox holds {count}")
        bounds = [_bounds(low, high, count) for low, high in ranges]
        return [
            (number, self.view[number - 1])
            for number in range(1, count + 1)
            if any(lo <= number <= hi for lo, hi in bounds)
        ]

    async def _update(self, *, announce_removals: bool) -> None:
        """Tell the client what changed in INBOX since it last heard: new messages, removals, others' flags."""
        messages = self.maildrop.scan()
        present = {message.key: message for message in messages}
        if announce_removals:
            number = 1
            for entry in list(self.view):
                if entry.key in present:
                    number += 1
                    continue
                self.view.remove(entry)
                self.recent.discard(entry.key)
                await self._untagged(b"%d EXPUNGE" % number)
        last_uid = max((entry.uid for entry in self.view), default=0)
        arrivals = [message for message in messages if message.uid > last_uid]
        if arrivals:
            self.view.extend(
                _Entry(message.key, message.uid, message.internal_date, message.flags) for message in arrivals
            )
            if not self.read_only:
                self.recent |= self.maildrop.claim_recent([message.key for message in arrivals])
            await self._untagged(b"%d EXISTS" % len(self.view))
            await self._untagged(b"%d RECENT" % len(self.recent))
        if announce_removals:
            for number, entry in enumerate(self.view, 1):
                now = present[entry.key].flags if entry.key in present else entry.flags
                if now != entry.flags:
                    entry.flags = now
                    await self._untagged(b"%d FETCH (FLAGS (" % number + self._flag_list(entry.key, now) + b"))")

    def _leave_mailbox(self) -> None:
        self.view = []
        self.recent = set()
        self.read_only = False
        if self.state == "selected":
            self.state = "authenticated"

    def _flag_list(self, key: str, letters: frozenset[str]) -> bytes:
        flags = [LETTER_FLAGS[letter] for letter in "DFRST" if letter in letters]
        if key in self.recent:
            flags.append("\\Recent")
        return " ".join(flags).encode()

    # ------------------------------------------------------------------ output

    def _capabilities(self) -> bytes:
        words = list(BASE_CAPABILITIES)
        if self.state == "not authenticated":
            if not self.conn.encrypted:
                words.append("STARTTLS")
            words += [f"AUTH={mechanism}" for mechanism in AUTH_MECHANISMS]
        return " ".join(words).encode()

    async def _untagged(self, text: bytes) -> None:
        await self.conn.send(b"* " + text + b"\r\n")

    async def _answer(self, tag: bytes, status: bytes, text: bytes) -> None:
        await self.conn.send(tag + b" " + status + b" " + text + b"\r\n")

    async def _say_goodbye(self, text: bytes) -> None:
        try:
            await self._untagged(text)
        except ConnectionClosed:
            pass


# ---------------------------------------------------------------------- argument parsing


class _Arguments:
    """A cursor over one command (its literals inline, as sent) that reads RFC 3501's argument grammar."""

    def __init__(self, data: bytes, position: int):
        self.data = data
        self.position = position

    def at_end(self) -> bool:
        return self.data[self.position :] in (b"\r\n", b"\n", b"")

    def end(self) -> None:
        if not self.at_end():
            raise _Bad("Unexpected extra arguments")

    def space(self) -> None:
        if self.data[self.position : self.position + 1] != b" ":
            raise _Bad("Missing argument")
        self.position += 1

    def peek(self) -> bytes:
        return self.data[self.position : self.position + 1]

    def take(self, text: bytes) -> bool:
        """Consume ``text`` (case-insensitively) if it comes next."""
        if self.data[self.position : self.position + len(text)].upper() == text.upper():
            self.position += len(text)
            return True
        return False

    def match(self, pattern: re.Pattern[bytes], what: str) -> bytes:
        found = pattern.match(self.data, self.position)
        if found is None:
            raise _Bad(f"Expected {what}")
        self.position = found.end()
        return found.group()

    def atom(self) -> bytes:
        return self.match(_ATOM, "an atom")

    def sasl_initial(self) -> bytes:
        """A SASL initial response (RFC 4959): base64 text, or "=" for an empty one."""
        return self.match(_BASE64, "a base64 initial response")

    def number(self) -> int:
        return int(self.match(_NUMBER, "a number"))

    def astring(self) -> bytes:
        if self.peek() in (b'"', b"{"):
            return self.string()
        return self.match(_ASTRING_ATOM, "a string")

    def string(self) -> bytes:
        if self.peek() == b'"':
            return self._quoted()
        if self.peek() == b"{":
            return self._literal()
        raise _Bad("Expected a string")

    def list_mailbox(self) -> str:
        if self.peek() in (b'"', b"{"):
            return _text(self.string())
        return _text(self.match(_LIST_MAILBOX, "a mailbox name"))

    def atom_list(self) -> list[str]:
        """``(a b c)`` as a list of texts."""
        if not self.take(b"("):
            raise _Bad("Expected a parenthesised list")
        words = []
        while not self.take(b")"):
            if words:
                self.space()
            words.append(self.atom().decode("ascii"))
        return words

    def flag_list(self) -> list[str]:
        """``(\\Seen \\Deleted)`` or the same flags without parentheses."""
        if self.take(b"("):
            flags: list[str] = []
            while not self.take(b")"):
                if flags:
                    self.space()
                flags.append(self.match(_FLAG, "a flag").decode("ascii"))
            return flags
        flags = [self.match(_FLAG, "a flag").decode("ascii")]
        while self.peek() == b" ":
            self.space()
            flags.append(self.match(_FLAG, "a flag").decode("ascii"))
        return flags

    def sequence_set(self) -> list[tuple[int | None, int | None]]:
        """``2,4:6,9:*`` as (low, high) pairs, None standing for ``*``."""
        text = self.match(_SEQUENCE_SET, "a sequence set").decode("ascii")
        ranges = []
        for part in text.split(","):
            ends = part.split(":")
            if len(ends) > 2 or not all(re.fullmatch(r"\*|[1-9]\d{0,9}", end) for end in ends):
                raise _Bad("Invalid sequence set")
            values = [None if end == "*" else int(end) for end in ends]
            ranges.append((values[0], values[-1]))
        return ranges

    def _quoted(self) -> bytes:
        self.position += 1
        text = bytearray()
        while True:
            char = self.data[self.position : self.position + 1]
            if char in (b"", b"\r", b"\n"):
                raise _Bad("Unterminated quoted string")
            self.position += 1
            if char == b'"':
                return bytes(text)
            if char == b"\\":
                char = self.data[self.position : self.position + 1]
                if char not in (b"\\", b'"'):
                    raise _Bad("Invalid escape in a quoted string")
                self.position += 1
            text += char

    def _literal(self) -> bytes:
        found = re.compile(rb"\{(\d{1,10})\+?\}\r?\n").match(self.data, self.position)
        if found is None:
            raise _Bad("Invalid literal")
        start = found.end()
        end = start + int(found[1])
        if end > len(self.data):
            raise _Bad("Literal shorter than announced")
        self.position = end
        return self.data[start:end]


# ---------------------------------------------------------------------- FETCH


@dataclass
class _FetchItem:
    """One thing FETCH asked for; body items carry their section and partial range."""

    name: str  # FLAGS, UID, …, RFC822, RFC822.HEADER, RFC822.TEXT, BODY
    section: str = ""  # "", HEADER, TEXT, HEADER.FIELDS, HEADER.FIELDS.NOT
    fields: tuple[str, ...] = ()
    peek: bool = False
    origin: int | None = None
    length: int | None = None
    spelled: str = ""  # the section as the response names it

    @property
    def needs_content(self) -> bool:
        return self.name in ("ENVELOPE", "RFC822", "RFC822.HEADER", "RFC822.TEXT", "BODY")

    @property
    def sets_seen(self) -> bool:
        return self.name in ("RFC822", "RFC822.TEXT") or (self.name == "BODY" and not self.peek)

    def response_name(self) -> bytes:
        if self.name != "BODY":
            return self.name.encode()
        partial = f"<{self.origin}>" if self.origin is not None else ""
        return f"BODY[{self.spelled}]{partial}".encode()

    def extract(self, content: bytes) -> bytes:
        header, text = _split(content)
        if self.name == "RFC822":
            return content
        if self.name == "RFC822.HEADER":
            return header
        if self.name == "RFC822.TEXT":
            return text
        part = {"": content, "HEADER": header, "TEXT": text}.get(self.section)
        if part is None:
            part = _header_fields(header, self.fields, keep=self.section == "HEADER.FIELDS")
        if self.origin is not None:
            part = part[self.origin :]
            if self.length is not None:
                part = part[: self.length]
        return part


def _fetch_items(args: _Arguments) -> list[_FetchItem]:
    if args.take(b"("):
        items = [_fetch_item(args)]
        while not args.take(b")"):
            args.space()
            items.append(_fetch_item(args))
        return items
    position = args.position
    word = args.match(_FETCH_ATOM, "a FETCH item").decode("ascii").upper()
    if word in FETCH_MACROS:
        return [_FetchItem(name) for name in FETCH_MACROS[word]]
    args.position = position
    return [_fetch_item(args)]


def _fetch_item(args: _Arguments) -> _FetchItem:
    body = _FETCH_BODY.match(args.data, args.position)
    if body is not None:
        args.position = body.end()
        section, fields, spelled = _section(body[2].decode("ascii", errors="replace"))
        origin = int(body[3]) if body[3] is not None else None
        length = int(body[4]) if body[4] is not None else None
        return _FetchItem("BODY", section, fields, body[1].upper() == b"BODY.PEEK", origin, length, spelled)
    word = args.match(_FETCH_ATOM, "a FETCH item").decode("ascii").upper()
    if word in SIMPLE_FETCH_ITEMS:
        return _FetchItem(word)
    if word in ("BODY", "BODYSTRUCTURE", "FULL") or word.startswith("BINARY"):
        raise _Bad(f"{word} is not supported by the capture server: fetch BODY.PEEK[] and parse the message")
    raise _Bad(f"Unknown FETCH item {word}")


def _section(text: str) -> tuple[str, tuple[str, ...], str]:
    """(section, header field names, the section as the response spells it)."""
    upper = text.upper()
    if upper in ("", "HEADER", "TEXT"):
        return upper, (), upper
    listed = _HEADER_LIST.match(text)
    if listed is not None:
        names = tuple(name.strip('"').upper() for name in listed[2].split())
        if not names:
            raise _Bad("HEADER.FIELDS needs at least one field name")
        return listed[1].upper(), names, f"{listed[1].upper()} ({' '.join(names)})"
    raise _Bad("MIME part sections are not supported by the capture server: fetch BODY.PEEK[] and parse the message")


def _split(content: bytes) -> tuple[bytes, bytes]:
    """(header with its empty line, text) of a message with CRLF line ends."""
    if content.startswith(b"\r\n"):
        return b"\r\n", content[2:]
    position = content.find(b"\r\n\r\n")
    if position < 0:
        return content, b""
    return content[: position + 4], content[position + 4 :]


def _header_lines(header: bytes) -> list[tuple[str, bytes]]:
    """(lower-case field name, the whole field with its folded lines) for each field of a header."""
    fields: list[tuple[str, bytes]] = []
    for line in header.split(b"\r\n")[:-1]:
        if not line:
            continue
        if line[:1] in (b" ", b"\t") and fields:
            name, text = fields[-1]
            fields[-1] = (name, text + b"\r\n" + line)
            continue
        found = _FIELD_NAME.match(line)
        fields.append((found[1].decode("ascii").lower() if found else "", line))
    return fields


def _header_fields(header: bytes, names: tuple[str, ...], *, keep: bool) -> bytes:
    wanted = {name.lower() for name in names}
    chosen = [text for name, text in _header_lines(header) if (name in wanted) == keep and name]
    return b"".join(text + b"\r\n" for text in chosen) + b"\r\n"


def _header_value(header: bytes, name: str) -> bytes | None:
    """The first ``name`` field's value, unfolded, as bytes; None if absent."""
    for field_name, text in _header_lines(header):
        if field_name == name:
            value = text.split(b":", 1)[1]
            return re.sub(rb"\r\n([ \t])", rb"\1", value).strip()
    return None


def _envelope(header: bytes) -> bytes:
    def value(name: str) -> bytes:
        return _nstring(_header_value(header, name))

    addresses = {name: _addresses(_header_value(header, name)) for name in ENVELOPE_ADDRESSES}
    for defaulted in ("sender", "reply-to"):
        if addresses[defaulted] == b"NIL":
            addresses[defaulted] = addresses["from"]
    parts = [value("date"), value("subject")]
    parts += [addresses[name] for name in ENVELOPE_ADDRESSES]
    parts += [value("in-reply-to"), value("message-id")]
    return b"(" + b" ".join(parts) + b")"


def _addresses(value: bytes | None) -> bytes:
    if value is None:
        return b"NIL"
    pairs = getaddresses([value.decode("utf-8", errors="surrogateescape")])
    entries = []
    for name, address in pairs:
        if not address:
            continue
        mailbox, at, host = address.rpartition("@")
        if not at:
            mailbox, host = address, ""
        encoded = [part.encode("utf-8", errors="surrogateescape") for part in (name, mailbox, host)]
        entries.append(
            b"("
            + _nstring(encoded[0] or None)
            + b" NIL "
            + _nstring(encoded[1])
            + b" "
            + _nstring(encoded[2] or None)
            + b")"
        )
    return b"(" + b"".join(entries) + b")" if entries else b"NIL"


def _internal_date(timestamp: float) -> bytes:
    moment = datetime.fromtimestamp(timestamp).astimezone()
    return f"{moment.day:2d}-{MONTHS[moment.month - 1]}-{moment.year:04d} {moment:%H:%M:%S %z}".encode("ascii")


# ---------------------------------------------------------------------- STORE


def _flag_letters(flags: list[str]) -> frozenset[str]:
    """The Maildir letters of the system flags among ``flags``; keywords are not kept (nor refused)."""
    letters = set()
    for flag in flags:
        if flag.startswith("\\"):
            known = {name.lower(): letter for name, letter in FLAG_LETTERS.items()}
            if flag.lower() not in known:
                raise _Bad(f"{flag} cannot be stored")
            letters.add(known[flag.lower()])
    return frozenset(letters)


# ---------------------------------------------------------------------- SEARCH


class _Candidate:
    """A message SEARCH looks at, reading its content only if a criterion needs it."""

    def __init__(self, number: int, entry: _Entry, session: _Session):
        self.number = number
        self.uid = entry.uid
        self.key = entry.key
        self.recent = entry.key in session.recent
        self.flags = session.maildrop.flags(entry.key)
        self.internal_day = datetime.fromtimestamp(entry.internal_date).date()
        self._maildrop = session.maildrop
        self._content: bytes | None = None

    @property
    def content(self) -> bytes:
        if self._content is None:
            self._content = self._maildrop.content(self.key) or b""
        return self._content

    def header_text(self, name: str) -> str:
        value = _header_value(_split(self.content)[0], name.lower())
        return "" if value is None else _decoded(value)


Criterion = Callable[[_Candidate], bool]


class _SearchParser:
    """SEARCH criteria (RFC 3501 §6.4.4, without SENT* dates) as one predicate."""

    def __init__(self, args: _Arguments, session: _Session):
        self.args = args
        self.session = session
        self.charset = "utf-8"

    def program(self) -> Criterion:
        if self.args.take(b"CHARSET "):
            charset = _text(self.args.astring()).lower()
            if charset not in ("utf-8", "us-ascii"):
                raise _No("[BADCHARSET (UTF-8 US-ASCII)] Unsupported charset")
            self.args.space()
        criteria = [self.key()]
        while self.args.peek() == b" ":
            self.args.space()
            criteria.append(self.key())
        return lambda candidate: all(criterion(candidate) for criterion in criteria)

    def key(self) -> Criterion:
        args = self.args
        if args.take(b"("):
            inner = [self.key()]
            while not args.take(b")"):
                args.space()
                inner.append(self.key())
            return lambda candidate: all(criterion(candidate) for criterion in inner)
        if args.peek() in (b"*",) or args.peek().isdigit():
            ranges = args.sequence_set()
            return self._in_sequence(ranges)
        word = args.atom().decode("ascii").upper()
        if word == "ALL":
            return lambda candidate: True
        if word in SEARCH_FLAG_KEYS:
            letter, wanted = SEARCH_FLAG_KEYS[word]
            return lambda candidate: (letter in (candidate.flags or ())) == wanted
        if word in ("NEW", "OLD", "RECENT"):
            return {
                "NEW": lambda candidate: candidate.recent and "S" not in (candidate.flags or ()),
                "OLD": lambda candidate: not candidate.recent,
                "RECENT": lambda candidate: candidate.recent,
            }[word]
        if word in ("KEYWORD", "UNKEYWORD"):
            args.space()
            args.atom()
            return lambda candidate: word == "UNKEYWORD"  # keywords are never kept
        if word == "NOT":
            args.space()
            inner_criterion = self.key()
            return lambda candidate: not inner_criterion(candidate)
        if word == "OR":
            args.space()
            left = self.key()
            args.space()
            right = self.key()
            return lambda candidate: left(candidate) or right(candidate)
        if word == "UID":
            args.space()
            ranges = args.sequence_set()
            return self._in_uids(ranges)
        if word in ("LARGER", "SMALLER"):
            args.space()
            limit = args.number()
            if word == "LARGER":
                return lambda candidate: len(candidate.content) > limit
            return lambda candidate: len(candidate.content) < limit
        if word in SEARCH_HEADER_KEYS or word == "HEADER":
            name = word
            if word == "HEADER":
                args.space()
                name = _text(args.astring())
            args.space()
            wanted = self._string()
            return lambda candidate: wanted in candidate.header_text(name).casefold()
        if word in ("BODY", "TEXT"):
            args.space()
            wanted = self._string()
            return self._in_text(word, wanted)
        if word in ("BEFORE", "ON", "SINCE"):
            args.space()
            day = _search_date(args)
            return {
                "BEFORE": lambda candidate: candidate.internal_day < day,
                "ON": lambda candidate: candidate.internal_day == day,
                "SINCE": lambda candidate: candidate.internal_day >= day,
            }[word]
        raise _Bad(f"Unsupported SEARCH key {word}")

    def _string(self) -> str:
        return self.args.astring().decode(self.charset, errors="replace").casefold()

    def _in_text(self, word: str, wanted: str) -> Criterion:
        def test(candidate: _Candidate) -> bool:
            header, text = _split(candidate.content)
            if wanted in text.decode("utf-8", errors="replace").casefold():
                return True
            return word == "TEXT" and wanted in _decoded(header).casefold()

        return test

    def _in_sequence(self, ranges: list[tuple[int | None, int | None]]) -> Criterion:
        count = len(self.session.view)
        bounds = [_bounds(low, high, count) for low, high in ranges]
        return lambda candidate: any(low <= candidate.number <= high for low, high in bounds)

    def _in_uids(self, ranges: list[tuple[int | None, int | None]]) -> Criterion:
        largest = self.session.view[-1].uid if self.session.view else 0
        bounds = [_bounds(low, high, largest) for low, high in ranges]
        return lambda candidate: any(low <= candidate.uid <= high for low, high in bounds)


def _search_date(args: _Arguments) -> date:
    found = args.match(_DATE, "a date such as 1-Feb-2024")
    day, month, year = _DATE.fullmatch(found).groups()
    try:
        return date(int(year), MONTHS.index(month.decode().title()) + 1, int(day))
    except ValueError as error:
        raise _Bad("Invalid date") from error


# ---------------------------------------------------------------------- small helpers


def _tag_of(command: bytes) -> bytes:
    found = _TAG.match(command)
    return found.group() if found else b"*"


def _bounds(low: int | None, high: int | None, largest: int) -> tuple[int, int]:
    """A sequence range with ``*`` made ``largest``, its ends in order (``5:2`` is ``2:5``)."""
    first = largest if low is None else low
    last = largest if high is None else high
    return min(first, last), max(first, last)


def _is_inbox(name: bytes) -> bool:
    return _text(name).upper() == INBOX


def _matches(pattern: str, name: str) -> bool:
    """Whether a LIST pattern (``*`` anything, ``%`` anything but the hierarchy delimiter) names ``name``."""
    expression = "".join(".*" if char == "*" else "[^/]*" if char == "%" else re.escape(char) for char in pattern)
    return re.fullmatch(expression, name, re.IGNORECASE) is not None


def _text(value: bytes) -> str:
    return value.decode("utf-8", errors="replace")


def _decoded(value: bytes) -> str:
    """A header value with its RFC 2047 words decoded (raw UTF-8 is read as such)."""
    text = value.decode("utf-8", errors="replace")
    try:
        return str(make_header(decode_header(text)))
    except (LookupError, ValueError, UnicodeError):
        return text


def _literal(value: bytes) -> bytes:
    return b"{%d}\r\n" % len(value) + value


def _nstring(value: bytes | None) -> bytes:
    """NIL, a quoted string, or a literal where quoting cannot carry the bytes."""
    if value is None:
        return b"NIL"
    if len(value) > 1000 or re.search(rb"[\x00\r\n\x80-\xff]", value):
        return _literal(value)
    return b'"' + value.replace(b"\\", b"\\\\").replace(b'"', b'\\"') + b'"'
