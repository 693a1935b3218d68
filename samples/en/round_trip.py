"""round_trip.wl, transpiled by wlinterp (faithful style).

Run it with: python round_trip.py [--smtp capture|live|HOST:PORT] [--outbox DIR] [--report FILE.json]
"""

import sys

from wlinterp.pyrt import Program

wl = Program("round_trip.wl")


def main() -> None:
    # Send a message with an attachment, then read it back with EmailGetAll and save the file.
    Outgoing = wl.new("emailSMTPSession")
    Outgoing.server_address = "smtp.example.com"
    Outgoing.option = wl.emailProtocolSMTPS
    Outgoing.name = "ada@example.com"
    Outgoing.password = "smtp password"
    wl.call(Outgoing, "StartSession")
    Sheet = wl.new("emailAttach")
    Sheet.name = "figures.csv"
    Sheet.content = "month;total" + wl.CR + "November;1234"
    Sent = wl.new("Email")
    Sent.sender = "Ada <ada@example.com>"
    wl.call(Sent.recipients, "Add", "ada@example.com")
    Sent.subject = "Figures — novembre"
    Sent.message = "See the attached figures."
    wl.ArrayAdd(Sent.attachments, Sheet)
    wl.EmailSendMessage(Outgoing, Sent)
    wl.EmailCloseSession(Outgoing)
    Reader = wl.new("emailIMAPSession")
    Reader.server_address = "imap.example.com"
    Reader.option = wl.optionTLS
    Reader.name = "ada@example.com"
    Reader.password = "imap password"
    wl.call(Reader, "StartSession")
    Messages = wl.convert("array of Email", wl.call(Reader, "GetAll", wl.ertFull))
    for Mail in list(Messages):
        wl.Trace(
            wl.get(Mail, "Subject"), "-", wl.get(Mail, "NbAttach"), "attachment(s)"
        )
        for Part in wl.rows(wl.get(Mail, "Attach"), 1):
            wl.Trace(
                wl.get(Part, "Name"),
                wl.ExtractString(wl.get(Part, "Content"), 2, wl.CR),
            )
    wl.EmailCloseSession(Reader)


# the line of round_trip.wl each statement above comes from, for the positions of runtime errors
SOURCE_MAP = "15=2 16=3 17=4 18=5 19=6 20=7 21=8 22=9 23=10 24=11 25=12 26=13 27=14 28=15 29=16 30=17 31=18 32=20 33=21 34=22 35=23 36=24 37=25 38=26 39=27 40=28 43=29 44=30 48=33"
wl.source_map(SOURCE_MAP, __file__)


if __name__ == "__main__":
    sys.exit(wl.run(main))
