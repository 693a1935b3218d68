"""send_mail.wl, transpiled by wlinterp (faithful style).

Run it with: python send_mail.py [--smtp capture|live|HOST:PORT] [--outbox DIR] [--report FILE.json]
"""

import sys

from wlinterp.pyrt import Program, sem

wl = Program("send_mail.wl")


def main() -> None:
    # Send a message through an authenticated SMTP session secured with STARTTLS.
    # wlinterp runs it offline: the embedded capture server stands in for smtp.example.com
    # and keeps the message in ./wl-outbox (list it with: wlinterp outbox).
    MySession = wl.new("emailSMTPSession")
    MySession.server_address = "smtp.example.com"
    MySession.port = 587
    MySession.option = wl.emailProtocolSMTPS
    MySession.name = "ada@example.com"
    MySession.password = "correct horse battery staple"
    if sem.equals(wl.call(MySession, "StartSession"), False):
        wl.Error("Cannot open the SMTP session", wl.ErrorInfo(wl.errMessage))
        return
    Notes = wl.new("emailAttach")
    Notes.name = "agenda.txt"
    Notes.content = "1. Welcome" + wl.CR + "2. Budget"
    MyMessage = wl.new("Email")
    MyMessage.sender = "Ada Lovelace (Bibliothèque) <ada@example.com>"
    wl.ArrayAdd(MyMessage.recipients, "Charles Babbage <charles@example.com>")
    wl.call(MyMessage.cc, "Add", "Mary Somerville <mary@example.com>")
    wl.call(MyMessage.bcc, "Add", "archive@example.com")
    MyMessage.subject = "Agenda for Monday's meeting at the Café Zoë"
    MyMessage.message = "Hello," + wl.CR + "the agenda is attached."
    wl.ArrayAdd(MyMessage.attachments, Notes)
    if wl.EmailSendMessage(MySession, MyMessage):
        wl.Trace(
            "Message sent to",
            MyMessage.recipient_count,
            "recipient(s) and",
            MyMessage.cc_count,
            "in copy",
        )
    else:
        wl.Error(wl.ErrorInfo())
    wl.EmailCloseSession(MySession)


# the line of send_mail.wl each statement above comes from, for the positions of runtime errors
SOURCE_MAP = "17=4 18=5 19=6 20=7 21=8 22=9 23=11 24=12 25=13 26=16 27=17 28=18 29=20 30=21 31=22 32=23 33=24 34=25 35=26 36=27 37=29 38=30 46=32 47=34"
wl.source_map(SOURCE_MAP, __file__)


if __name__ == "__main__":
    sys.exit(wl.run(main))
