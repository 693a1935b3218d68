"""arrays.wl, transpiled by wlinterp (faithful style).

Run it with: python arrays.py [--smtp capture|live|HOST:PORT] [--outbox DIR] [--report FILE.json]
"""

import sys

from wlinterp.pyrt import Program

wl = Program("arrays.wl")


def main() -> None:
    # Arrays: building a list of recipients, counting it, going through it and emptying it.
    Recipients = wl.new("array of string")
    # Three ways to add an element at the end
    wl.ArrayAdd(Recipients, "ada@example.com")
    wl.ArrayAdd(Recipients, "grace@example.com")
    Recipients.add("alan@example.com")
    # Three ways to count the elements
    wl.Trace("Recipients:", len(Recipients), Recipients.count, Recipients.count)
    # Elements are numbered from 1
    Recipients.set(2, "grace.hopper@example.com")
    for Address, Rank in wl.rows(Recipients, 2):
        wl.Trace(Rank, Address)
    # A fixed-size array already holds its elements, each with the empty value of its type
    Sizes = wl.new("array of 3 int")
    Sizes.set(1, 120)
    Sizes.set(3, 45)
    wl.Trace("Sizes:", Sizes.get(1), Sizes.get(2), Sizes.get(3))
    # An associative array: one value per key, in the order they were added
    Unread = wl.new("associative array of int")
    Unread.set("Inbox", 12)
    Unread.set("Invoices", 2)
    Unread.set("Inbox", Unread.get("Inbox") + 1)
    wl.Trace(Unread.count, "folders")
    for Number, Folder in wl.rows(Unread, 2):
        wl.Trace(Folder, Number)
    # ArrayDeleteAll empties an array
    wl.ArrayDeleteAll(Recipients)
    wl.Trace("After ArrayDeleteAll:", len(Recipients))
    if Recipients.count == 0:
        wl.Info("Nobody to write to")


# the line of arrays.wl each statement above comes from, for the positions of runtime errors
SOURCE_MAP = "15=2 17=5 18=6 19=7 21=10 23=13 24=14 25=15 27=19 28=20 29=21 30=22 32=25 33=26 34=27 35=28 36=29 37=30 38=31 40=35 41=36 42=37 43=37"
wl.source_map(SOURCE_MAP, __file__)


if __name__ == "__main__":
    sys.exit(wl.run(main))
