"""plain_send.wl, transpiled by wlinterp (faithful style).

Run it with: python plain_send.py [--smtp capture|live|HOST:PORT] [--outbox DIR] [--report FILE.json]
"""

import sys

from wlinterp.pyrt import Program

wl = Program("plain_send.wl")


def main() -> None:
    # The simplest send: an SMTP server on port 25, no encryption, no sign-in,
    # as on a company relay that trusts its local network.
    Relay = wl.new("emailSMTPSession")
    Relay.server_address = "relay.example.com"
    # Port and Option are left as they are: port 25, emailOptionDefault
    if not wl.EmailStartSession(Relay):
        wl.Error("The relay cannot be reached:", wl.ErrorInfo())
        return
    Notice = wl.new("Email")
    Notice.sender = "printer-room@example.com"
    wl.call(Notice.recipients, "Add", "office@example.com")
    Notice.subject = "Printer 2 is out of paper"
    Notice.message = "Tray 1 is empty. Spare paper is in the cupboard."
    if wl.EmailSendMessage(Relay, Notice):
        wl.Trace(
            "Notice sent to", wl.index(Notice.recipients, 1), "through port", Relay.port
        )
    wl.EmailCloseSession(Relay)


# the line of plain_send.wl each statement above comes from, for the positions of runtime errors
SOURCE_MAP = "16=3 17=4 19=7 20=8 21=9 22=12 23=13 24=14 25=15 26=16 27=17 28=18 31=20"
wl.source_map(SOURCE_MAP, __file__)


if __name__ == "__main__":
    sys.exit(wl.run(main))
