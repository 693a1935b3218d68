"""The Email and emailAttach types (and the predeclared Email structure): what a message holds, with its WLanguage names.

Python code uses the classes directly (``Email(subject=…, recipients=[…])``); WLanguage reaches the
same attributes through the names registered at the bottom of this module.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path
from typing import Any

from wlinterp import semantics as sem
from wlinterp.errors import WLRuntimeError
from wlinterp.registry import REGISTRY, Idiom, Member, names
from wlinterp.values import WLArray, WLDateTime, WLObject

from .constants import PRIORITY_NORMAL

__all__ = ["Email", "EmailAttach", "EmailStructure", "address_list"]


def _strings(items: Any = None, growable: bool = False) -> WLArray:
    return WLArray(list(items or []), "string", lambda: "", sem.to_string, growable)


def address_list(value: Any, growable: bool = False) -> WLArray:
    """An array of addresses from an array, or from a string holding one or several separated by ';'."""
    if isinstance(value, WLArray):
        return _strings((sem.to_string(v) for v in value.items), growable)
    if value is None:
        return _strings(growable=growable)
    if isinstance(value, (list, tuple)):
        return _strings((sem.to_string(v) for v in value), growable)
    text = sem.to_string(value)
    return _strings((part.strip() for part in text.split(";") if part.strip()), growable)


class EmailAttach(WLObject):
    """An attachment: a name, its content (bytes) and its MIME type."""

    wl_type = "emailAttach"

    def __init__(self, name: str = "", content: bytes | str = b"", content_type: str = "", content_id: str = "",
                 inline: bool = False):
        self.name = name
        self._content = content.encode("utf-8") if isinstance(content, str) else content
        self.content_type = content_type
        self.content_id = content_id
        self.inline = inline

    @property
    def content(self) -> bytes:
        return self._content

    @content.setter
    def content(self, value: Any) -> None:
        self._content = value if isinstance(value, bytes) else sem.to_string(value).encode("utf-8")

    @property
    def size(self) -> int:
        return len(self._content)

    @property
    def mime_type(self) -> str:
        """The MIME type to send: the one given, else guessed from the name."""
        if self.content_type:
            return self.content_type
        guessed, _encoding = mimetypes.guess_type(self.name)
        return guessed or "application/octet-stream"

    @classmethod
    def from_file(cls, path: str | Path, name: str = "") -> EmailAttach:
        file = Path(path)
        try:
            data = file.read_bytes()
        except OSError as exc:
            raise WLRuntimeError(f"cannot read the attachment {path}: {exc.strerror or exc}") from None
        return cls(name or file.name, data)

    def wl_string(self) -> str:
        return self.name

    def copy(self) -> EmailAttach:
        return EmailAttach(self.name, self._content, self.content_type, self.content_id, self.inline)

    def save(self, rt: Any, destination: Any) -> bool:
        """<emailAttach>.Save(file): write the content to disk; False with ErrorInfo() when it cannot."""
        from .reading import save_attachment  # noqa: PLC0415 - the reading module registers after this one

        return save_attachment(rt, self, destination)


class Email(WLObject):
    """One message: who sends it to whom, its subject, bodies and attachments, and what the server said."""

    wl_type = "Email"
    _growable = False

    def __init__(self, sender: str = "", recipients: Any = None, subject: str = "", message: str = "",
                 html: str = "", cc: Any = None, bcc: Any = None, attachments: list[EmailAttach] | None = None):
        self.sender = sender
        self.sender_address = ""
        self._recipients = address_list(recipients, self._growable)
        self._cc = address_list(cc, self._growable)
        self._bcc = address_list(bcc, self._growable)
        self.subject = subject
        self.message = message
        self.html = html
        self._attachments = WLArray(list(attachments or []), "emailAttach", EmailAttach, self._attach, self._growable)
        self.reply_to = ""
        self.priority = PRIORITY_NORMAL
        self.disposition_notification = False
        self.source = ""
        self.message_id = ""
        self.identifier = 0
        self.error = ""
        self.out = False
        self.send_date: WLDateTime | None = None
        self.receive_date: WLDateTime | None = None
        self.headers: list[tuple[str, str]] = []
        # a message read with its headers only gets its body on first use (EmailGetAll's ertHeader)
        self._load_body: Any = None

    @property
    def source(self) -> str:
        pieces = self._source_pieces
        if pieces is not None:  # the bytes just sent, read as text on first use
            self._source = b"".join(pieces).decode("utf-8", "replace")
            self._source_pieces = None
        return self._source

    @source.setter
    def source(self, value: Any) -> None:
        self._source = value
        self._source_pieces = None

    def keep_source(self, pieces: list[bytes]) -> None:
        """Source becomes these bytes, decoded only if it is read: a sent message's bytes are not copied as text."""
        self._source = ""
        self._source_pieces = pieces

    def _loaded(self) -> None:
        loader, self._load_body = self._load_body, None
        if loader is not None:
            loader(self)

    def defer_body(self, loader: Any) -> None:
        """Read the body later, with ``loader(self)``, when a body member is first used."""
        self._load_body = loader

    @property
    def message(self) -> str:
        self._loaded()
        return self._message

    @message.setter
    def message(self, value: Any) -> None:
        self._message = sem.to_string(value)

    @property
    def html(self) -> str:
        self._loaded()
        return self._html

    @html.setter
    def html(self, value: Any) -> None:
        self._html = sem.to_string(value)

    # arrays accept an array, or a string with addresses separated by ';'
    @property
    def recipients(self) -> WLArray:
        return self._recipients

    @recipients.setter
    def recipients(self, value: Any) -> None:
        self._recipients = address_list(value, self._growable)

    @property
    def cc(self) -> WLArray:
        return self._cc

    @cc.setter
    def cc(self, value: Any) -> None:
        self._cc = address_list(value, self._growable)

    @property
    def bcc(self) -> WLArray:
        return self._bcc

    @bcc.setter
    def bcc(self, value: Any) -> None:
        self._bcc = address_list(value, self._growable)

    @property
    def attachments(self) -> WLArray:
        self._loaded()
        return self._attachments

    @attachments.setter
    def attachments(self, value: Any) -> None:
        if not isinstance(value, WLArray):
            raise WLRuntimeError("Attach holds an array of emailAttach")
        self._attachments = WLArray([self._attach(v) for v in value.items], "emailAttach", EmailAttach, self._attach)

    @staticmethod
    def _attach(value: Any) -> EmailAttach:
        if isinstance(value, EmailAttach):
            return value
        if isinstance(value, str):
            return EmailAttach.from_file(value)
        raise WLRuntimeError(f"an attachment is an emailAttach or a file name, not a {sem.type_name_of(value)}")

    @property
    def recipient_count(self) -> int:
        return len(self._recipients)

    @property
    def cc_count(self) -> int:
        return len(self._cc)

    @property
    def bcc_count(self) -> int:
        return len(self._bcc)

    @property
    def attachment_count(self) -> int:
        return len(self.attachments)

    def all_recipients(self) -> list[str]:
        """Every envelope recipient: To, Cc and Bcc, without blanks."""
        return [a for a in (*self._recipients.items, *self._cc.items, *self._bcc.items) if a.strip()]

    def reset(self) -> None:
        self.__init__()  # type: ignore[misc]

    def copy(self) -> Email:
        self._loaded()
        clone = type(self)()
        clone.__dict__.update(self.__dict__)
        clone._recipients = self._recipients.copy()
        clone._cc = self._cc.copy()
        clone._bcc = self._bcc.copy()
        clone._attachments = self._attachments.copy()
        return clone

    def wl_string(self) -> str:
        return self.subject

    def build_source(self, rt: Any, options: Any = 0) -> bool:
        """<Email>.BuildSource([options]): fill Source with the MIME text that would be sent."""
        from .functions import build_source  # noqa: PLC0415 - the functions module registers after this one

        return build_source(rt, self, options)

    def import_source(self, rt: Any) -> bool:
        """<Email>.ImportSource(): fill the members from Source."""
        from .functions import import_source  # noqa: PLC0415

        return import_source(rt, self)


class EmailStructure(Email):
    """The predeclared ``Email`` structure of the legacy API: its arrays grow when written past their end,
    ``Attach`` holds file names, and ``NbRecipient`` says how many recipients are used."""

    wl_type = "Email structure"
    _growable = True

    def __init__(self) -> None:
        super().__init__()
        self._attachments = _strings(growable=True)
        self._recipient_count: int | None = None

    @property
    def attachments(self) -> WLArray:
        return self._attachments

    @attachments.setter
    def attachments(self, value: Any) -> None:
        self._attachments = address_list(value, growable=True)

    @property
    def recipient_count(self) -> int:
        if self._recipient_count is not None:
            return self._recipient_count
        return len([r for r in self._recipients.items if r])

    @recipient_count.setter
    def recipient_count(self, value: Any) -> None:
        self._recipient_count = sem.convert_to("int", value)

    def used(self, array: WLArray, count: int | None = None) -> list[str]:
        items = [a for a in array.items if a.strip()]
        return items[:count] if count is not None else items

    def all_recipients(self) -> list[str]:
        return [*self.used(self._recipients, self._recipient_count), *self.used(self._cc), *self.used(self._bcc)]

    def attachment_objects(self) -> list[EmailAttach]:
        return [EmailAttach.from_file(name) for name in self._attachments.items if name.strip()]


# ------------------------------------------------------------------------------ WLanguage names


def _prop(attribute: str, en: Any, fr: Any = (), es: Any = (), *, type_: str | None = None, read_only: bool = False) -> Member:
    return Member("property", names(en, fr, es), attribute, type=type_, read_only=read_only)


def _method(attribute: str, en: Any, fr: Any = (), es: Any = (), *, can_fail: bool = True) -> Member:
    return Member("method", names(en, fr, es), attribute, can_fail=can_fail, runtime=True)


EMAIL_MEMBERS = [
    _prop("sender", "Sender", ("Expéditeur",)),
    _prop("sender_address", "SenderAddress", "AdresseExpéditeur"),
    _prop("recipients", "Recipient", "Destinataire"),
    _prop("cc", "Cc", "Cc"),
    _prop("bcc", "Bcc", "Cci"),
    _prop("subject", "Subject", "Sujet"),
    _prop("message", "Message", "Message"),
    _prop("html", "HTML", "HTML"),
    _prop("attachments", "Attach", "Attache"),
    _prop("reply_to", "ReplyTo", "RépondreA"),
    _prop("priority", "Priority", "Priorité", type_="int"),
    _prop("disposition_notification", "DispositionNotification", "AccuséRéception", type_="boolean"),
    _prop("source", "Source", "Source"),
    _prop("message_id", "MessageID"),
    _prop("identifier", ("ID", "MailIdentifier"), ("ID", "IdentifiantMail"), type_="int"),
    _prop("error", "Error", "Erreur", read_only=True),
    _prop("out", "Out", "EnDehors", read_only=True),
    _prop("send_date", "SendDate", "DateEnvoi"),
    _prop("receive_date", "ReceiveDate", "DateRéception", read_only=True),
    _prop("recipient_count", "NbRecipient", "NbDestinataire", read_only=True),
    _prop("cc_count", "NbCc", "NbCc", read_only=True),
    _prop("bcc_count", "NbBcc", "NbCci", read_only=True),
    _prop("attachment_count", "NbAttach", "NbAttache", read_only=True),
    _method("build_source", "BuildSource", "ConstruitSource"),
    _method("import_source", "ImportSource", "ImporteSource"),
]

ATTACH_MEMBERS = [
    _method("save", "Save", "Sauve"),
    _prop("name", "Name", "Nom"),
    _prop("content", "Content", "Contenu"),
    _prop("content_type", "ContentType", "TypeContenu"),
    _prop("content_id", "ID", "ID"),
    _prop("size", "Size", "Taille", read_only=True),
]

def _copy_of(kind: type) -> Any:
    """Assigning one Email (or attachment) variable to another copies it, as WinDev does; ``<-`` shares it."""

    def convert(value: Any) -> Any:
        if isinstance(value, kind):
            return value.copy()
        if value is None:
            return kind()
        raise WLRuntimeError(f"cannot store a {sem.type_name_of(value)} in a {kind.wl_type} variable", diagnostic_code="type")

    return convert


# how the idiomatic transpilation writes these members: the attributes of its Mail and Attachment classes
_IDIOMS = {
    "sender": "sender", "sender_address": "sender_address", "recipients": "recipients", "cc": "cc", "bcc": "bcc",
    "subject": "subject", "message": "message", "html": "html", "attachments": "attachments",
    "reply_to": "reply_to", "identifier": "identifier", "recipient_count": "len({owner}.recipients)",
    "cc_count": "len({owner}.cc)", "bcc_count": "len({owner}.bcc)", "attachment_count": "len({owner}.attachments)",
    "name": "name", "content": "content", "content_type": "content_type", "out": "out",
}
# the lists, and what they hold (FOR EACH gives its variable that type)
_LISTS = {"recipients": "array of string", "cc": "array of string", "bcc": "array of string",
          "attachments": "array of emailAttach"}
for _member in (*EMAIL_MEMBERS, *ATTACH_MEMBERS):
    if _member.kind == "property" and _member.attribute in _IDIOMS:
        _member.idiom = Idiom(_IDIOMS[_member.attribute], ("mail",), type=_LISTS.get(_member.attribute, ""))

REGISTRY.type("emailAttach", "emailPièceJointe", make=EmailAttach, convert=_copy_of(EmailAttach),
              python_class=EmailAttach, members=ATTACH_MEMBERS, idiom=Idiom("Attachment()", ("mail",)))
REGISTRY.type("Email", "Email", make=Email, convert=_copy_of(Email), python_class=Email, members=EMAIL_MEMBERS,
              idiom=Idiom("Mail()", ("mail",)))
_STRUCTURE_COUNT = _prop("recipient_count", "NbRecipient", "NbDestinataire", type_="int")
# the structure's count is written too: how many of the Recipient entries are used
_STRUCTURE_COUNT.idiom = Idiom(("len({owner}.recipients)", "del {owner}.recipients[{value}:]"), ("legacy",))
REGISTRY.type(
    "Email structure", "structure Email", make=EmailStructure, python_class=EmailStructure,
    members=[m if m.attribute != "recipient_count" else _STRUCTURE_COUNT for m in EMAIL_MEMBERS],
)


@REGISTRY.variable("Email", "Email", "Email", idiom=Idiom("structure", ("legacy",), type="Email structure"),
                   holds="Email")
def email_structure(rt: Any) -> EmailStructure:
    """The predeclared global Email structure of the legacy API, one per run."""
    structure = rt.state.get("email.structure")
    if structure is None:
        structure = rt.state["email.structure"] = EmailStructure()
    return structure
