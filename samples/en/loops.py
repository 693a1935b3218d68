"""loops.wl, transpiled by wlinterp (faithful style).

Run it with: python loops.py [--smtp capture|live|HOST:PORT] [--outbox DIR] [--report FILE.json]
"""

import sys

from wlinterp.pyrt import Program

wl = Program("loops.wl")


def main() -> None:
    # Loops: FOR, FOR EACH, WHILE and LOOP, around a small batch of reminders.
    # FOR counts from one bound to the other; its variable needs no declaration
    for i in range(1, 4):
        wl.Trace("Reminder", i)
    # STEP changes the increment, and may be negative
    for i in range(10, -1, -5):
        wl.Trace("Countdown", i)
    # TO reads its bound again on each pass; _TO_ reads it once
    Limit: int = 2
    Passes: int = 0
    i = 1
    while i <= Limit:
        Passes += 1
        if i == 1:
            Limit = 4
        i += 1
    wl.Trace("With TO:", Passes, "passes")
    Limit = 2
    Passes = 0
    for i in range(1, Limit + 1):
        Passes += 1
        if i == 1:
            Limit = 4
    wl.Trace("With _TO_:", Passes, "passes")
    # FOR EACH goes through an array; a second variable receives the index
    Recipients = wl.new("array of string", "ada@example.com", "grace@example.com")
    for Address, Rank in wl.rows(Recipients, 2):
        wl.Trace(Rank, Address)
    for Address in list(Recipients):
        wl.Trace("Sending to", Address)
    # FOR EACH STRING cuts a string at a separator
    for Tag in wl.pieces("urgent;invoice;2024", ";"):
        wl.Trace("Tag:", Tag)
    # WHILE repeats as long as its condition is True
    Pending: int = 3
    while Pending > 0:
        wl.Trace("Still", Pending, "to send")
        Pending -= 1
    # LOOP repeats until BREAK; CONTINUE skips to the next pass
    Attempt: int = 0
    while True:
        Attempt += 1
        if Attempt == 2:
            continue
        wl.Trace("Attempt", Attempt)
        if Attempt >= 3:
            break
    # LOOP (n) repeats n times
    for _ in wl.repeat(2):
        wl.Trace("Ping")


# the line of loops.wl each statement above comes from, for the positions of runtime errors
SOURCE_MAP = "16=4 17=5 19=8 20=9 22=13 23=14 24=15 25=15 26=16 27=17 28=17 30=19 31=20 32=21 33=22 34=23 35=24 36=24 37=26 39=29 40=30 41=31 42=33 43=34 45=38 46=39 48=43 49=44 50=45 51=46 53=50 54=51 55=52 56=53 57=53 58=54 59=55 60=55 62=59 63=60"
wl.source_map(SOURCE_MAP, __file__)


if __name__ == "__main__":
    sys.exit(wl.run(main))
