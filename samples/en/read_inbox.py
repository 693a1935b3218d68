"""read_inbox.wl, transpiled by wlinterp (faithful style).

Run it with: python read_inbox.py [--smtp capture|live|HOST:PORT] [--outbox DIR] [--report FILE.json]
"""

import sys

from wlinterp.pyrt import Program, sem

wl = Program("read_inbox.wl")


def main() -> None:
    # Read every message of a mailbox and show who sent what.
    # Offline, the capture server's outbox is the mailbox: this program first sends
    # itself three messages, then reads them back over IMAP.
    Outgoing = wl.new("emailSMTPSession")
    Outgoing.server_address = "smtp.example.com"
    wl.call(Outgoing, "StartSession")
    for Topic in wl.pieces("Invoice 42;Meeting notes;Holiday plans", ";"):
        Note = wl.new("Email")
        Note.sender = "Grace Hopper <grace@example.com>"
        wl.call(Note.recipients, "Add", "ada@example.com")
        Note.subject = Topic
        Note.message = "Details about: " + Topic
        wl.EmailSendMessage(Outgoing, Note)
    wl.EmailCloseSession(Outgoing)
    Inbox = wl.new("emailIMAPSession")
    Inbox.server_address = "imap.example.com"
    Inbox.option = wl.optionTLS
    Inbox.name = "ada@example.com"
    Inbox.password = "imap password"
    if not sem.to_bool(wl.call(Inbox, "StartSession")):
        wl.Error(wl.ErrorInfo())
        return
    wl.Trace(wl.EmailNbMessage(Inbox), "message(s) in the inbox")
    Received = wl.new("Email")
    wl.EmailReadFirst(Inbox, Received)
    while not sem.to_bool(Received.out):
        wl.Trace(Received.subject, "-", Received.sender)
        wl.EmailReadNext(Inbox, Received)
    wl.EmailCloseSession(Inbox)


# the line of read_inbox.wl each statement above comes from, for the positions of runtime errors
SOURCE_MAP = "17=4 18=5 19=6 20=7 21=8 22=9 23=10 24=11 25=12 26=13 27=15 28=17 29=18 30=19 31=20 32=21 33=22 34=23 35=24 36=26 37=27 38=28 39=29 40=30 41=31 42=33"
wl.source_map(SOURCE_MAP, __file__)


if __name__ == "__main__":
    sys.exit(wl.run(main))
