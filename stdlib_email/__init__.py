"""The WLanguage email library: sessions, messages, transports and the capture server (registered as built-ins on import).

Python code can use the classes directly::

    from stdlib_email import Email, SMTPSession

Importing the package registers the WLanguage names; the network modules (aiosmtplib, TLS, the
capture server) load only when a session opens.
"""

from . import constants, functions, mailbox, message, oauth, reading, session  # noqa: F401 - importing registers the built-ins
from .message import Email, EmailAttach, EmailStructure
from .session import SMTPSession

__all__ = ["Email", "EmailAttach", "EmailStructure", "SMTPSession"]
