"""The capture outbox seen as one mailbox: its messages oldest first, with UIDs, wire sizes and Maildir flags.

The capture IMAP and POP3 servers both read the outbox through this class, so they agree on
what is there. Every message of the Maildir (``new/`` and ``cur/``) is in the mailbox, whoever
asks: the outbox is one INBOX, not one mailbox per user.

- **Order and UIDs.** The messages found by the first look come oldest first (the delivery time
  in the Maildir key, else the file's time); a message that turns up later comes after them.
  UIDs are handed out in that order and never reused while this object lives; the UIDVALIDITY
  is new for each object, so a client never mixes the UIDs of two runs.
- **Flags** live in the file name, as Maildir says (``key:2,FRS``): ``D`` \\Draft, ``F``
  \\Flagged, ``R`` \\Answered, ``S`` \\Seen, ``T`` \\Deleted. Letters we do not manage (another
  program's keywords) are kept. Setting a flag moves the file from ``new/`` to ``cur/``.
- **Removal** deletes the file: IMAP's EXPUNGE and POP3's QUIT delete as a real server does. The
  outbox's ``index.jsonl`` still lists the message (it is the record of what was sent).
- **On the wire** a message is its stored bytes; a file with bare LF line ends (written by hand)
  is given CRLF ends, and its size is the size of what is sent.
"""

from __future__ import annotations

import logging
import mailbox
import os
import re
import time
from dataclasses import dataclass
from pathlib import Path

__all__ = ["FLAG_LETTERS", "Maildrop", "StoredMessage"]

log = logging.getLogger(__name__)

# IMAP system flag -> Maildir info letter (https://cr.yp.to/proto/maildir.html)
FLAG_LETTERS = {"\\Draft": "D", "\\Flagged": "F", "\\Answered": "R", "\\Seen": "S", "\\Deleted": "T"}
INFO_PREFIX = "2,"
SUBFOLDERS = ("new", "cur")

_DELIVERY_TIME = re.compile(r"^(\d+)(?:\.M(\d+))?")
_BARE_LF = re.compile(rb"(?<!\r)\n")
_last_uid_validity = 0


@dataclass(frozen=True)
class StoredMessage:
    """One message of the outbox as the last look found it."""

    key: str  # the Maildir unique name, without the info
    uid: int
    flags: frozenset[str]  # Maildir info letters: "S", "T" …
    path: Path
    internal_date: float  # when it was delivered (seconds since the epoch)


class Maildrop:
    """The outbox Maildir as one IMAP/POP3 mailbox, shared by every connection of one run."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        # a UIDVALIDITY must change whenever UIDs may have been given anew: each object gives anew
        self.uid_validity = _new_uid_validity()
        self.colon = mailbox.Maildir.colon
        self._uids: dict[str, int] = {}
        self._next_uid = 1
        self._paths: dict[str, Path] = {}
        self._sizes: dict[str, int] = {}
        self._unclaimed_recent: set[str] = set()

    @property
    def next_uid(self) -> int:
        """The UID the next new message will get (IMAP's UIDNEXT)."""
        return self._next_uid

    def scan(self) -> list[StoredMessage]:
        """The messages now in the outbox, in UID order; a new one gets its UID here."""
        found: dict[str, tuple[Path, str, float]] = {}
        for subfolder in SUBFOLDERS:
            for entry in _entries(self.folder / subfolder):
                key, _, info = entry.name.partition(self.colon)
                found[key] = (Path(entry.path), info, _delivery_time(key, entry))
        for key in sorted((key for key in found if key not in self._uids), key=lambda key: (found[key][2], key)):
            self._uids[key] = self._next_uid
            self._next_uid += 1
            self._unclaimed_recent.add(key)
        for gone in [key for key in self._uids if key not in found]:
            self._forget(gone)
        self._paths = {key: path for key, (path, _, _) in found.items()}
        messages = [
            StoredMessage(key, self._uids[key], _flags_of(info), path, when)
            for key, (path, info, when) in found.items()
        ]
        return sorted(messages, key=lambda message: message.uid)

    def claim_recent(self, keys: list[str]) -> set[str]:
        """Those of ``keys`` no IMAP session has seen yet: they are \\Recent for the caller only."""
        claimed = self._unclaimed_recent.intersection(keys)
        self._unclaimed_recent -= claimed
        return claimed

    def is_unclaimed_recent(self, key: str) -> bool:
        """Whether no IMAP session has claimed ``key`` as \\Recent yet (what EXAMINE and STATUS show)."""
        return key in self._unclaimed_recent

    def content(self, key: str) -> bytes | None:
        """The message as it goes on the wire (CRLF line ends), or None if it is gone."""
        path = self._locate(key)
        if path is None:
            return None
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            return None
        wire = _BARE_LF.sub(b"\r\n", raw)
        self._sizes[key] = len(wire)
        return wire

    def size(self, key: str) -> int | None:
        """The size of the message on the wire, or None if it is gone."""
        if key in self._sizes and self._locate(key) is not None:
            return self._sizes[key]
        content = self.content(key)
        return None if content is None else len(content)

    def flags(self, key: str) -> frozenset[str] | None:
        """The Maildir letters of ``key`` now, or None if it is gone."""
        path = self._locate(key)
        return None if path is None else _flags_of(path.name.partition(self.colon)[2])

    def change_flags(
        self, key: str, *, add: frozenset[str] = frozenset(), remove: frozenset[str] = frozenset()
    ) -> frozenset[str] | None:
        """Add and remove Maildir letters of ``key`` (a rename into ``cur/``); its letters after, None if gone."""
        path = self._locate(key)
        if path is None:
            return None
        before = _flags_of(path.name.partition(self.colon)[2])
        after = (before | add) - remove
        if after == before:
            return after
        target = self.folder / "cur" / f"{key}{self.colon}{INFO_PREFIX}{''.join(sorted(after))}"
        try:
            target.parent.mkdir(mode=0o700, exist_ok=True)
            os.replace(path, target)
        except FileNotFoundError:
            self._forget(key)
            return None
        self._paths[key] = target
        return after

    def remove(self, key: str) -> bool:
        """Delete the message's file; False if it was already gone."""
        path = self._locate(key)
        self._forget(key)
        if path is None:
            return False
        try:
            path.unlink()
        except FileNotFoundError:
            return False
        log.info("removed %s from the capture outbox", key)
        return True

    # ------------------------------------------------------------------ internals

    def _locate(self, key: str) -> Path | None:
        """Where ``key`` is now: the path last seen, else a fresh look (another session renamed it)."""
        path = self._paths.get(key)
        if path is not None and path.exists():
            return path
        for subfolder in SUBFOLDERS:
            for entry in _entries(self.folder / subfolder):
                if entry.name == key or entry.name.startswith(key + self.colon):
                    self._paths[key] = Path(entry.path)
                    return self._paths[key]
        self._paths.pop(key, None)
        return None

    def _forget(self, key: str) -> None:
        self._uids.pop(key, None)
        self._paths.pop(key, None)
        self._sizes.pop(key, None)
        self._unclaimed_recent.discard(key)


def _new_uid_validity() -> int:
    """The time in seconds, but never twice the same in one process (two runs in one second)."""
    global _last_uid_validity
    _last_uid_validity = max(int(time.time()) & 0xFFFFFFFF, _last_uid_validity + 1)
    return _last_uid_validity


def _entries(folder: Path) -> list[os.DirEntry]:
    # Maildir readers skip names starting with a dot (half-written files of some tools)
    try:
        with os.scandir(folder) as entries:
            return [entry for entry in entries if not entry.name.startswith(".") and entry.is_file()]
    except FileNotFoundError:
        return []


def _flags_of(info: str) -> frozenset[str]:
    return frozenset(info[len(INFO_PREFIX) :]) if info.startswith(INFO_PREFIX) else frozenset()


def _delivery_time(key: str, entry: os.DirEntry) -> float:
    """When the message was delivered: the time in its Maildir key ("1700000000.M123456P…"), else its file's."""
    match = _DELIVERY_TIME.match(key)
    if match:
        return int(match[1]) + int(match[2] or 0) / 1_000_000
    try:
        return entry.stat().st_mtime
    except FileNotFoundError:
        return 0.0
