"""compile_if.wl, transpiled by wlinterp (faithful style).

Run it with: python compile_if.py [--smtp capture|live|HOST:PORT] [--outbox DIR] [--report FILE.json]
"""

import sys

from wlinterp.pyrt import Program

wl = Program("compile_if.wl")


def main() -> None:
    # <COMPILE IF> keeps or drops code depending on the configuration being compiled.
    # wlinterp compiles like a WinDev executable for Windows, so the Windows branches run.
    Server: str = "smtp.office.example.com"
    wl.Trace("Windows executable: sending through", Server)
    wl.Trace("Not an Android application")
    # The code between the directives is ordinary code
    wl.Trace("Server:", Server)


# the line of compile_if.wl each statement above comes from, for the positions of runtime errors
SOURCE_MAP = "16=4 17=5 18=15 20=19"
wl.source_map(SOURCE_MAP, __file__)


if __name__ == "__main__":
    sys.exit(wl.run(main))
