"""strings.wl, transpiled by wlinterp (faithful style).

Run it with: python strings.py [--smtp capture|live|HOST:PORT] [--outbox DIR] [--report FILE.json]
"""

import sys

from wlinterp.pyrt import Program, sem

wl = Program("strings.wl")


def main() -> None:
    # The string functions, used to take an email address apart and to lay out a message.
    Address: str = "  Ada.Lovelace@Example.COM  "
    # NoSpace removes the spaces around the text; Length counts the characters
    Address = wl.NoSpace(Address)
    wl.Trace("Address:", Address, "(" + str(len(Address)) + " characters)")
    # Position finds the "@"; Left, Middle and Right cut the address around it
    At: int = wl.Position(Address, "@")
    Login: str = wl.Left(Address, At - 1)
    Domain: str = wl.Lower(wl.Middle(Address, At + 1))
    wl.Trace("Login:", Login, "- domain:", Domain, "- ending:", wl.Right(Domain, 4))
    wl.Trace("In capitals:", wl.Upper(Login))
    # ExtractString gives the n-th piece of a string cut at a separator
    wl.Trace(
        "First name:",
        wl.ExtractString(Login, 1, "."),
        "- last name:",
        wl.ExtractString(Login, 2, "."),
    )
    wl.Trace("Display name:", wl.Replace(Login, ".", " "))
    if wl.Contains(Domain, "example"):
        wl.Trace("This is a test domain")
    if wl.Position(Domain, ".org") == 0:
        wl.Trace("Not an .org address")
    # StringBuild fills %1, %2 …; %% writes a percent sign
    wl.Trace(wl.StringBuild("%1 <%2>", wl.Replace(Login, ".", " "), wl.Lower(Address)))
    wl.Trace(wl.StringBuild("%1%% of the messages were delivered", 98))
    # Complete pads a string to a width; Repeat repeats it
    wl.Trace(wl.Complete("To", 8, ".") + ": " + wl.Lower(Address))
    wl.Trace(wl.Complete("Subject", 8, ".") + ": Minutes")
    wl.Trace(wl.Repeat("=-", 5))
    # Numbers and strings: NumToString formats a number, Val reads one
    wl.Trace(
        "Message #" + wl.NumToString(7, "03d"),
        "- size",
        wl.NumToString(1234.5, "08.2f"),
        "KB",
    )
    wl.Trace(sem.add(wl.Val("42 messages"), 1), wl.Val("3.5"), wl.Val("none"))
    # CR starts a new line and TAB inserts a tabulation
    Body: str = "Hello Ada," + wl.CR + "The minutes are attached."
    wl.Info(Body)
    wl.Trace("Name" + wl.TAB + "Ada")


# the line of strings.wl each statement above comes from, for the positions of runtime errors
SOURCE_MAP = "15=2 17=5 18=6 20=9 21=10 22=11 23=12 24=13 26=16 32=17 33=18 34=18 35=19 36=19 38=22 39=23 41=26 42=27 43=28 45=31 51=32 53=35 54=36 55=37"
wl.source_map(SOURCE_MAP, __file__)


if __name__ == "__main__":
    sys.exit(wl.run(main))
