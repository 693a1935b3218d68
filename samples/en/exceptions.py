"""exceptions.wl, transpiled by wlinterp (faithful style).

Run it with: python exceptions.py [--smtp capture|live|HOST:PORT] [--outbox DIR] [--report FILE.json]
"""

import sys

from wlinterp.pyrt import Program, sem

wl = Program("exceptions.wl")


def main() -> None:
    # WHEN EXCEPTION IN … DO … ELSE … END catches the errors that would stop the program:
    # exceptions raised with ExceptionThrow and fatal errors such as a division by zero.
    # An exception raised in a procedure is caught by the caller's handler
    try:
        Deliver("ada@example.com")
        Deliver("")
        wl.Trace("never shown: the block stops at the exception")
    except wl.Failure as _error:
        wl.caught(_error)
        wl.Trace(
            wl.StringBuild(
                "Exception %1: %2",
                wl.ExceptionInfo(wl.errCode),
                wl.ExceptionInfo(wl.errMessage),
            )
        )
        if wl.Contains(
            wl.ExceptionInfo(wl.errFullDetails), wl.ExceptionInfo(wl.errMessage)
        ):
            wl.Trace("The full details repeat the message")
    else:
        wl.Trace("never shown: ELSE runs only when nothing went wrong")
    # When nothing goes wrong, the ELSE part runs
    try:
        Deliver("grace@example.com")
    except wl.Failure as _error:
        wl.caught(_error)
        wl.Trace("never shown")
    else:
        wl.Trace("All messages delivered")
    # A division by zero is caught the same way
    Total: int = 12
    Failures: int = 0
    try:
        wl.Trace("Success rate:", sem.divide(Total, Failures))
    except wl.Failure as _error:
        wl.caught(_error)
        if not sem.equals(wl.ExceptionInfo(wl.errMessage), ""):
            wl.Trace("The division failed, with an explanation")
    # The program goes on after END
    wl.Trace("Done")


def Deliver(Address):
    if Address == "":
        wl.ExceptionThrow(12, "the recipient is empty")
    wl.Trace("Delivered to", Address)


# the line of exceptions.wl each statement above comes from, for the positions of runtime errors
SOURCE_MAP = "17=5 18=6 19=7 20=8 23=10 30=11 33=12 35=15 37=19 38=20 41=22 43=24 45=28 46=29 47=30 48=31 51=33 52=33 54=37 57=39 58=40 59=40 60=41"
wl.source_map(SOURCE_MAP, __file__)


if __name__ == "__main__":
    sys.exit(wl.run(main))
