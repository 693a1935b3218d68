"""conditions.wl, transpiled by wlinterp (faithful style).

Run it with: python conditions.py [--smtp capture|live|HOST:PORT] [--outbox DIR] [--report FILE.json]
"""

import sys

from wlinterp.pyrt import Program, sem

wl = Program("conditions.wl")


def main() -> None:
    # IF statements: choosing how to file an incoming message.
    Sender: str = "newsletter@shop.example.com"
    Size: int = 2048
    Unread: int = 5
    # A multi-line IF with ELSE IF branches and an ELSE
    if Size > 10000:
        wl.Trace("Large message: download it later")
    elif sem.compare("[=", Sender, "newsletter"):
        wl.Trace("A newsletter: file it in Promotions")
        Folder: str = "Promotions"
    elif sem.compare("=]", Sender, "@example.com"):
        wl.Trace("A colleague: keep it in the Inbox")
    else:
        wl.Trace("Someone else")
    # A variable declared inside a block can still be used after it
    wl.Trace("Folder:", Folder)
    # A single-line IF needs no END; it can have an ELSE on the same line
    if Unread > 0:
        wl.Trace(Unread, "unread messages")
    else:
        wl.Trace("Nothing new")
    if Unread == 0:
        wl.Trace("Inbox zero!")
    else:
        wl.Trace("Still", Unread, "to read")
    if Size < 1024:
        wl.Trace("Small message")
    # A number is a condition by itself: 0 is False, anything else is True
    if sem.to_bool(Unread):
        wl.Trace("Unread is not 0")
    # A long condition may go on after a trailing AND or OR, or after "..."
    if Unread > 0 and Size < 5000:
        wl.Trace("Small and unread: show a preview")
    if sem.compare("=]", Sender, ".com") or sem.compare("=]", Sender, ".org"):
        wl.Trace("A .com or .org sender")
    # Keywords may be written in any case
    if Unread >= 5:
        wl.Trace("Five or more")
    else:
        wl.Trace("Fewer than five")


# the line of conditions.wl each statement above comes from, for the positions of runtime errors
SOURCE_MAP = "15=2 16=3 17=4 19=7 20=8 21=9 22=10 23=11 24=12 25=13 27=15 29=19 31=22 32=22 34=22 35=23 36=23 38=23 39=24 40=24 42=27 43=27 45=30 46=32 47=34 48=35 50=38 51=38 53=38"
wl.source_map(SOURCE_MAP, __file__)


if __name__ == "__main__":
    sys.exit(wl.run(main))
