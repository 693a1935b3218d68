"""welcome.wl, transpiled by wlinterp (faithful style).

Run it with: python welcome.py [--smtp capture|live|HOST:PORT] [--outbox DIR] [--report FILE.json]
"""

import sys

from wlinterp.pyrt import Program

wl = Program("welcome.wl")


def main() -> None:
    # A first look at WLanguage: variables, a loop, a procedure and a condition.
    Recipients = wl.new("array of string", "ada@example.com", "grace@example.com")
    Greeting: str = "Welcome"
    for Address, Position in wl.rows(Recipients, 2):
        wl.Trace(Position, Greeting + ", " + Address)
    if len(Recipients) > 1:
        wl.Info(wl.StringBuild("%1 addresses are ready", len(Recipients)))
    else:
        wl.Warning("Only one address")
    wl.Trace("Domain of the first one:", DomainOf(Recipients.get(1)))


def DomainOf(Address):
    return wl.Middle(Address, wl.Position(Address, "@") + 1)


# the line of welcome.wl each statement above comes from, for the positions of runtime errors
SOURCE_MAP = "15=2 16=3 17=5 18=6 19=9 20=10 22=12 23=15 26=17 27=18"
wl.source_map(SOURCE_MAP, __file__)


if __name__ == "__main__":
    sys.exit(wl.run(main))
