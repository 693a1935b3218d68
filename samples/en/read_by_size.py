"""read_by_size.wl, transpiled by wlinterp (faithful style).

Run it with: python read_by_size.py [--smtp capture|live|HOST:PORT] [--outbox DIR] [--report FILE.json]
"""

import sys

from wlinterp.pyrt import Program

wl = Program("read_by_size.wl")


def main() -> None:
    # Read the headers first, and download only the messages small enough (POP3).
    Outgoing = wl.new("emailSMTPSession")
    Outgoing.server_address = "smtp.example.com"
    wl.call(Outgoing, "StartSession")
    Short = wl.new("Email")
    Short.sender = "alerts@example.com"
    wl.call(Short.recipients, "Add", "ops@example.com")
    Short.subject = "Disk almost full"
    Short.message = "Server 3: 91% used."
    wl.EmailSendMessage(Outgoing, Short)
    Large = wl.new("Email")
    Large.sender = "reports@example.com"
    wl.call(Large.recipients, "Add", "ops@example.com")
    Large.subject = "Monthly log archive"
    Large.message = wl.Repeat("log line" + wl.CR, 5000)
    wl.EmailSendMessage(Outgoing, Large)
    wl.EmailCloseSession(Outgoing)
    Mailbox = wl.new("emailPOP3Session")
    Mailbox.server_address = "pop.example.com"
    Mailbox.name = "ops@example.com"
    Mailbox.password = "pop password"
    wl.call(Mailbox, "StartSession")
    n = 1
    while n <= wl.EmailNbMessage(Mailbox):
        wl.EmailReadMessageHeader(Mailbox, n)
        if wl.EmailMessageSize(Mailbox, n) < 10000:
            wl.EmailReadMessage(Mailbox, n)
            wl.Trace(wl.Email.subject, ":", wl.NoSpace(wl.Email.message))
        else:
            wl.Trace(wl.Email.subject, ": too large, left on the server")
        n += 1
    wl.EmailCloseSession(Mailbox)


# the line of read_by_size.wl each statement above comes from, for the positions of runtime errors
SOURCE_MAP = "15=2 16=3 17=4 18=5 19=6 20=7 21=8 22=9 23=10 24=11 25=12 26=13 27=14 28=15 29=16 30=17 31=19 32=20 33=21 34=22 35=23 36=24 37=24 38=25 39=26 40=27 41=28 43=30 45=33"
wl.source_map(SOURCE_MAP, __file__)


if __name__ == "__main__":
    sys.exit(wl.run(main))
