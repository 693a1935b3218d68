"""delete_after_reading.wl, transpiled by wlinterp (faithful style).

Run it with: python delete_after_reading.py [--smtp capture|live|HOST:PORT] [--outbox DIR] [--report FILE.json]
"""

import sys

from wlinterp.pyrt import Program, sem

wl = Program("delete_after_reading.wl")


def main() -> None:
    # Read the messages, delete the ones handled; POP3 deletes them when the session closes.
    Outgoing = wl.new("emailSMTPSession")
    Outgoing.server_address = "smtp.example.com"
    wl.call(Outgoing, "StartSession")
    for i in range(1, 4):
        Ticket = wl.new("Email")
        Ticket.sender = "desk@example.com"
        wl.call(Ticket.recipients, "Add", "support@example.com")
        Ticket.subject = "Ticket " + str(i)
        wl.EmailSendMessage(Outgoing, Ticket)
    wl.EmailCloseSession(Outgoing)
    Queue = wl.new("emailPOP3Session")
    Queue.server_address = "pop.example.com"
    Queue.name = "support@example.com"
    wl.call(Queue, "StartSession")
    wl.EmailReadFirst(Queue)
    while not sem.to_bool(wl.Email.out):
        wl.Trace("handling", wl.Email.subject)
        wl.EmailDeleteMessage(Queue)
        wl.EmailReadNext(Queue)
    wl.Trace("still counted during the session:", wl.EmailNbMessage(Queue))
    wl.EmailCloseSession(Queue)
    # a new session sees an empty mailbox
    wl.call(Queue, "StartSession")
    wl.Trace("after closing:", wl.EmailNbMessage(Queue))
    wl.EmailCloseSession(Queue)


# the line of delete_after_reading.wl each statement above comes from, for the positions of runtime errors
SOURCE_MAP = "15=2 16=3 17=4 18=5 19=6 20=7 21=8 22=9 23=10 24=12 25=14 26=15 27=16 28=17 29=18 30=19 31=20 32=21 33=22 34=24 35=25 37=28 38=29 39=30"
wl.source_map(SOURCE_MAP, __file__)


if __name__ == "__main__":
    sys.exit(wl.run(main))
