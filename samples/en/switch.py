"""switch.wl, transpiled by wlinterp (faithful style).

Run it with: python switch.py [--smtp capture|live|HOST:PORT] [--outbox DIR] [--report FILE.json]
"""

import sys

from wlinterp.pyrt import Program, sem

wl = Program("switch.wl")


def main() -> None:
    # SWITCH: reading the reply codes of an SMTP server.
    # A CASE takes one value, several values, a range (TO) or a comparison.
    Codes = wl.new("array of int", 250, 354, 421, 550, 221, 999, 199)
    for Code in list(Codes):
        if Code == 250:
            wl.Trace(Code, "requested action completed")
        elif Code == 221 or Code == 354:
            wl.Trace(Code, "the server waits for the next step")
        elif 400 <= Code <= 499:
            wl.Trace(Code, "temporary failure: try again later")
        elif 500 <= Code <= 599:
            wl.Trace(Code, "permanent failure")
        elif sem.compare(">", Code, 900):
            wl.Trace(Code, "is not an SMTP code")
        else:
            wl.Trace(Code, "unexpected")
    # A SWITCH on a string; the colon after the values is optional
    Extension: str = "JPG"
    _subject = wl.Lower(Extension)
    if _subject == "pdf" or _subject == "odt":
        wl.Trace("a document")
    elif _subject == "jpg" or _subject == "png":
        wl.Trace("a picture")
    else:
        wl.Trace("an attachment of another kind")


# the line of switch.wl each statement above comes from, for the positions of runtime errors
SOURCE_MAP = "16=3 17=5 18=7 19=7 20=8 21=9 22=10 23=11 24=12 25=12 26=13 27=14 29=16 31=21 32=22 33=23 34=24 35=25 36=26 38=27"
wl.source_map(SOURCE_MAP, __file__)


if __name__ == "__main__":
    sys.exit(wl.run(main))
