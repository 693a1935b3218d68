"""legacy_structure.wl, transpiled by wlinterp (faithful style).

Run it with: python legacy_structure.py [--smtp capture|live|HOST:PORT] [--outbox DIR] [--report FILE.json]
"""

import sys

from wlinterp.pyrt import Program, sem

wl = Program("legacy_structure.wl")


def main() -> None:
    # The classic API: a session named by its user, and the predeclared Email structure.
    wl.EmailSetTimeOut(30)
    if sem.equals(
        wl.EmailStartSMTPSession(
            "newsletter@example.com",
            "s3cret",
            "mail.example.com",
            465,
            False,
            wl.optionTLS,
        ),
        False,
    ):
        wl.Error(wl.ErrorInfo())
        return
    wl.EmailReset()
    wl.Email.sender = "newsletter@example.com"
    wl.set_index(wl.Email.recipients, 1, "reader1@example.com")
    wl.set_index(wl.Email.recipients, 2, "reader2@example.com")
    wl.set(wl.Email, "NbRecipient", 2)
    wl.Email.subject = "Issue #12"
    wl.Email.message = "This month: sending mail from WLanguage."
    if wl.EmailSendMessage("newsletter@example.com"):
        wl.Trace("Sent with identifier", wl.Email.identifier)
    wl.EmailCloseSession("newsletter@example.com")
    # the session is closed now: sending again fails, and says why
    if not wl.EmailSendMessage("newsletter@example.com"):
        wl.Trace("ErrorOccurred:", wl.ErrorOccurred)


# the line of legacy_structure.wl each statement above comes from, for the positions of runtime errors
SOURCE_MAP = "15=2 16=3 27=4 28=5 29=7 30=8 31=9 32=10 33=11 34=12 35=13 36=14 37=15 38=17 40=19 41=20"
wl.source_map(SOURCE_MAP, __file__)


if __name__ == "__main__":
    sys.exit(wl.run(main))
