"""runtime_error.wl, transpiled by wlinterp (faithful style).

Run it with: python runtime_error.py [--smtp capture|live|HOST:PORT] [--outbox DIR] [--report FILE.json]
"""

import sys

from wlinterp.pyrt import Program, sem

wl = Program("runtime_error.wl")


def main() -> None:
    # A fatal error stops the program where it happens: here a division by zero that no
    # WHEN EXCEPTION IN catches. Run it: the report says "runtime-error" and the exit code is 1.
    Delivered: int = 18
    Failed: int = 0
    wl.Trace("Delivered:", Delivered, "- failed:", Failed)
    wl.Trace("Ratio:", sem.divide(Delivered, Failed))
    wl.Trace("never shown: the program stopped on the line above")


# the line of runtime_error.wl each statement above comes from, for the positions of runtime errors
SOURCE_MAP = "16=3 17=4 18=6 19=7 20=8"
wl.source_map(SOURCE_MAP, __file__)


if __name__ == "__main__":
    sys.exit(wl.run(main))
