"""dates.wl, transpiled by wlinterp (faithful style).

Run it with: python dates.py [--smtp capture|live|HOST:PORT] [--outbox DIR] [--report FILE.json]
"""

import sys

from wlinterp.pyrt import Program, sem

wl = Program("dates.wl")


def main() -> None:
    # Dates, times and durations. Today's date changes every day, so this example only
    # prints what stays the same from one run to the next.
    # Today (or DateSys) is the current date; DateToString writes it in a given format
    Stamp: str = wl.DateToString(wl.Today(), "YYYYMMDD")
    wl.Trace("A date written YYYYMMDD has", len(Stamp), "characters")
    wl.Trace(
        "Written DD/MM/YYYY it has", len(wl.DateToString(wl.Today(), "DD/MM/YYYY"))
    )
    if sem.equals(wl.Today(), wl.Today()):
        wl.Trace("Today and DateSys give the same day")
    # A Date variable can receive a date written YYYYMMDD
    Sent = sem.convert_to("Date", "20240315")
    wl.Trace(
        "Sent on",
        wl.DateToString(Sent, "DD/MM/YYYY"),
        "-",
        wl.DateToString(Sent, "DDDD D MMMM YYYY"),
    )
    if sem.compare("<", Sent, wl.Today()):
        wl.Trace("That message is in the past")
    # Now (or TimeSys) is the current time, HHMMSSCC; SysDateTime the date and the time
    wl.Trace(
        "A time has",
        wl.Length(wl.Now()),
        "characters, a date-time",
        wl.Length(wl.SysDateTime()),
    )
    Started = sem.convert_to("DateTime", wl.SysDateTime())
    if sem.compare(">=", wl.SysDateTime(), Started):
        wl.Trace("The clock does not go backwards")
    if sem.compare("<=", wl.Now(), wl.Now()):
        wl.Trace("Now and TimeSys read the same clock")
    # Durations are written with units: h, min, s, ms
    Timeout = sem.convert_to("Duration", wl.duration(90000))
    Timeout = sem.convert_to("Duration", sem.add(Timeout, wl.duration(30000)))
    if sem.equals(Timeout, wl.duration(120000)):
        wl.Trace("The timeout is now 2 minutes")
    if sem.equals(wl.duration(128000), wl.duration(128000)):
        wl.Trace("2 min 8 s is 128 s")
    if sem.compare(">", wl.duration(3600000), wl.duration(3540000)):
        wl.Trace("An hour is longer than 59 minutes")


# the line of dates.wl each statement above comes from, for the positions of runtime errors
SOURCE_MAP = "17=5 18=6 19=7 22=8 23=8 25=11 26=12 32=13 33=13 35=16 41=17 42=18 43=18 44=19 45=19 47=22 48=23 49=24 50=24 51=25 52=25 53=26 54=26"
wl.source_map(SOURCE_MAP, __file__)


if __name__ == "__main__":
    sys.exit(wl.run(main))
