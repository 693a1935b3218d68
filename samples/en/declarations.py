"""declarations.wl, transpiled by wlinterp (faithful style).

Run it with: python declarations.py [--smtp capture|live|HOST:PORT] [--outbox DIR] [--report FILE.json]
"""

import sys

from wlinterp.pyrt import Program, sem

wl = Program("declarations.wl")


def main() -> None:
    # Declaring variables: every form WLanguage offers, around one outgoing email.
    # One variable; the article "a"/"an" is optional, and so is the initial value
    Subject: str = ""
    Subject = "Quarterly report"
    Sender: str = "ada@example.com"
    Attempts: int = 3
    IsUrgent: bool = True
    # Several variables of one type on one line; ";" separates two statements
    Width: int = 0
    Height: int = 0
    Width = 640
    Height = 480
    # Type inference: "let" gives the variable the type of its value
    Priority = 2
    Signature = "-- Ada"
    # A typed variable converts what it receives: the string "4" is stored as the number 4
    Attempts = sem.convert_to("int", "4")
    # Arrays: a dynamic one starts empty, a fixed one already holds its elements
    Recipients = wl.new("array of string")
    Recipients.add("grace@example.com")
    Scores = wl.new("array of 5 int")
    Scores.set(2, 40)
    # An associative array looks its values up by a key
    PortOf = wl.new("associative array of int")
    PortOf.set("smtp", 587)
    PortOf.set("imap", 993)
    # LOCAL and GLOBAL lines; a LOCAL line alone opens a group of declarations
    Server: str = "smtp.example.com"
    Retries: int = 2
    Folder: str = "Sent"
    # Constants: a block, or one line
    MAX_RECIPIENTS = 50
    DEFAULT_DOMAIN = "example.com"
    RETRY_DELAY = 30
    wl.Trace(Subject, "from", Sender)
    if IsUrgent:
        wl.Trace("Marked as urgent")
    wl.Trace("Attempts + 1 =", Attempts + 1)
    wl.Trace("Picture size:", wl.StringBuild("%1x%2", Width, Height))
    wl.Trace("Priority", Priority, Signature)
    wl.Trace(Recipients.count, "recipient:", Recipients.get(1))
    wl.Trace(
        "Scores:",
        Scores.count,
        "slots, slot 2 =",
        Scores.get(2),
        "and slot 1 =",
        Scores.get(1),
    )
    wl.Trace("SMTP port", PortOf.get("smtp"), "- IMAP port", PortOf.get("imap"))
    wl.Trace(Server, Retries, Folder)
    wl.Trace(MAX_RECIPIENTS, DEFAULT_DOMAIN, RETRY_DELAY)


# the line of declarations.wl each statement above comes from, for the positions of runtime errors
SOURCE_MAP = "16=4 17=5 18=6 19=7 20=8 22=11 23=11 24=12 25=12 27=15 28=16 30=19 32=22 33=23 34=24 35=25 37=28 38=29 39=30 41=33 42=35 43=36 45=40 46=41 47=43 48=45 49=46 50=46 51=47 52=48 53=49 54=50 55=51 63=52 64=53 65=54"
wl.source_map(SOURCE_MAP, __file__)


if __name__ == "__main__":
    sys.exit(wl.run(main))
