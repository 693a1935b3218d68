"""async_send.wl, transpiled by wlinterp (faithful style).

Run it with: python async_send.py [--smtp capture|live|HOST:PORT] [--outbox DIR] [--report FILE.json]
"""

import sys

from wlinterp.pyrt import Program

wl = Program("async_send.wl")


def main() -> None:
    # Asynchronous sending: EmailSendMessage queues the message and returns at once;
    # EmailStatus tells where it is, and closing the session waits for the queue.
    Session = wl.new("emailSMTPSession")
    Session.server_address = "smtp.example.com"
    Session.asynchronous = True
    wl.call(Session, "StartSession")
    Ids = wl.new("array of int")
    for Address in wl.pieces("ann@example.com;bob@example.com", ";"):
        Reminder = wl.new("Email")
        Reminder.sender = "events@example.com"
        wl.call(Reminder.recipients, "Add", Address)
        Reminder.subject = "Reminder for " + Address
        if wl.EmailSendMessage(Session, Reminder):
            wl.ArrayAdd(Ids, Reminder.identifier)
    wl.EmailCloseSession(Session)
    for Id in list(Ids):
        if wl.EmailStatus(Id) == wl.emailSent:
            wl.Trace("message", Id, "sent")


# the line of async_send.wl each statement above comes from, for the positions of runtime errors
SOURCE_MAP = "16=3 17=4 18=5 19=6 20=7 21=8 22=9 23=10 24=11 25=12 26=13 27=13 28=15 29=16 30=17 31=17"
wl.source_map(SOURCE_MAP, __file__)


if __name__ == "__main__":
    sys.exit(wl.run(main))
