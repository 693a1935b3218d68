"""Reading the capture outbox back for people: the list of captured messages, and one message rendered as text.

This backs ``wlinterp outbox [DIR]`` and ``wlinterp outbox show N``. The list comes from the
outbox's ``index.jsonl`` (written by the capture server, one line per message, oldest first);
a missing index is an empty outbox, and a line a crashed run left half-written is skipped.
"""

from __future__ import annotations

import json
import mailbox
import unicodedata
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path

from .capture import INDEX_FILE, CapturedMessage

__all__ = ["MessageNotFound", "format_listing", "list_messages", "show"]

LISTING_COLUMNS = ("#", "Date", "From", "To", "Subject", "Server", "Security", "Auth")
# the widest a column may grow before its cells are cut short with an ellipsis
COLUMN_LIMITS = {"From": 30, "To": 36, "Subject": 40, "Server": 28}


class MessageNotFound(LookupError):
    """The outbox holds no message with that number, or its stored file is gone."""


def list_messages(outbox: Path) -> list[CapturedMessage]:
    """The messages of ``outbox`` in the order they were captured, read from its index."""
    outbox = Path(outbox)
    try:
        lines = (outbox / INDEX_FILE).read_text(encoding="utf-8", errors="replace").splitlines()
    except FileNotFoundError:
        return []
    return [message for line in lines if (message := _parse_line(line, outbox)) is not None]


def format_listing(messages: list[CapturedMessage]) -> str:
    """A text table of ``messages``: number, date, envelope from and to, subject, server, security, auth."""
    if not messages:
        return "No captured messages."
    rows = [LISTING_COLUMNS] + [_listing_row(number, message) for number, message in enumerate(messages, 1)]
    widths = [max(_width(row[column]) for row in rows) for column in range(len(LISTING_COLUMNS))]
    return "\n".join(_table_line(row, widths) for row in rows)


def show(outbox: Path, number: int) -> str:
    """Message ``number`` (1-based, listing order) as text: envelope, connection, headers, body, attachments."""
    messages = list_messages(outbox)
    if not 1 <= number <= len(messages):
        raise MessageNotFound(f"no message {number} in {outbox}: it holds {_count(len(messages))}")
    record = messages[number - 1]
    content = _stored_bytes(Path(outbox), record)
    parsed = BytesParser(policy=policy.default).parsebytes(content)
    sections = [
        _summary(number, len(messages), record),
        _headers(parsed),
        _bodies(parsed),
        _attachments(parsed),
    ]
    return "\n\n".join(section for section in sections if section) + "\n"


# ---------------------------------------------------------------------- the listing


def _parse_line(line: str, outbox: Path) -> CapturedMessage | None:
    if not line.strip():
        return None
    try:
        return CapturedMessage.from_index_record(json.loads(line), outbox)
    except (ValueError, KeyError, TypeError, AttributeError):
        return None  # half-written by a run that died, or not ours


def _listing_row(number: int, message: CapturedMessage) -> tuple[str, ...]:
    cells = {
        "#": str(number),
        "Date": message.received[:16].replace("T", " "),
        "From": message.mail_from,
        "To": ", ".join(message.rcpt_tos),
        "Subject": message.subject,
        "Server": message.server,
        "Security": message.security,
        "Auth": message.auth if message.auth == "none" else f"{message.auth} ({message.user})",
    }
    return tuple(_cut(_one_line(cells[column]), COLUMN_LIMITS.get(column)) for column in LISTING_COLUMNS)


def _table_line(row: tuple[str, ...], widths: list[int]) -> str:
    # the last column is not padded, so that lines carry no trailing blanks
    cells = [cell + " " * (width - _width(cell)) for cell, width in zip(row[:-1], widths)]
    return "  ".join(cells + [row[-1]])


def _cut(text: str, limit: int | None) -> str:
    if limit is None or _width(text) <= limit:
        return text
    while _width(text) > limit - 1:
        text = text[:-1]
    return text + "…"


def _width(text: str) -> int:
    """Columns ``text`` takes in a terminal: wide (CJK) characters take two, combining marks none."""
    return sum(
        0 if unicodedata.combining(char) else 2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text
    )


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _count(number: int) -> str:
    return "1 message" if number == 1 else f"{number} messages"


# ---------------------------------------------------------------------- one message


def _stored_bytes(outbox: Path, record: CapturedMessage) -> bytes:
    try:
        return record.path.read_bytes()
    except FileNotFoundError:
        pass
    # a mail reader may have moved it from new/ to cur/ (adding flags to its name): ask the Maildir
    key = record.path.name.split(":")[0]
    try:
        return mailbox.Maildir(outbox, create=False).get_bytes(key)
    except (KeyError, OSError, mailbox.Error) as error:
        raise MessageNotFound(f"the stored message {record.path} is missing") from error


def _summary(number: int, total: int, record: CapturedMessage) -> str:
    auth = "none" if record.auth == "none" else f"{record.auth}, user {record.user}"
    lines = [
        f"Message {number} of {total}, captured {record.received}",
        f"Server:    {record.server}  (security: {record.security}, auth: {auth})",
        f"Envelope:  MAIL FROM <{record.mail_from}>",
        f"           RCPT TO {', '.join(f'<{address}>' for address in record.rcpt_tos)}",
        f"Stored in: {record.path}",
    ]
    return "\n".join(lines)


def _headers(message: EmailMessage) -> str:
    # policy.default decodes RFC 2047 words (accents, other scripts) as each header is read
    try:
        pairs = [(name, str(value)) for name, value in message.items()]
    except Exception:  # noqa: BLE001 - a header too broken to decode: show the header section as it came
        pairs = list(message.raw_items())
    return "\n".join(f"{name}: {_one_line(value)}" for name, value in pairs)


def _bodies(message: EmailMessage) -> str:
    text_part = message.get_body(preferencelist=("plain",))
    html_part = message.get_body(preferencelist=("html",))
    sections = []
    if text_part is not None:
        sections.append(f"--- text body ---\n{_text_of(text_part).rstrip()}")
    if html_part is not None:
        sections.append(f"--- HTML body: {len(_text_of(html_part))} characters, not shown ---")
    if not sections:
        sections.append("--- no text body ---")
    return "\n".join(sections)


def _attachments(message: EmailMessage) -> str:
    bodies = {id(message.get_body(preferencelist=(kind,))) for kind in ("plain", "html")}
    parts = [part for part in message.walk() if not part.is_multipart() and id(part) not in bodies]
    if not parts:
        return ""
    return "\n".join(["Attachments:"] + [_attachment_line(part) for part in parts])


def _attachment_line(part: EmailMessage) -> str:
    payload = part.get_payload(decode=True) or b""
    name = part.get_filename() or "(no file name)"
    disposition = part.get_content_disposition() or "inline"
    return f"  {name}  ({part.get_content_type()}, {len(payload):,} bytes, {disposition})"


def _text_of(part: EmailMessage) -> str:
    """The decoded text of a part, with the wire's CRLF line ends made plain newlines."""
    try:
        text = part.get_content()
    except (LookupError, UnicodeError, AssertionError):
        # an unknown or lying charset: show what can be shown rather than nothing
        text = (part.get_payload(decode=True) or b"").decode("utf-8", errors="replace")
    return text.replace("\r\n", "\n")
