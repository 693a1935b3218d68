"""placeholders.wl, transpiled by wlinterp (faithful style).

Run it with: python placeholders.py [--smtp capture|live|HOST:PORT] [--outbox DIR] [--report FILE.json]
"""

import sys

from wlinterp.pyrt import Program, sem

wl = Program("placeholders.wl", lenient=True)


def main(USER=None, PASSWORD=None, EDT_Server=None) -> None:
    # not declared in the program (USER, PASSWORD, EDT_Server): give them values with --define NAME=…
    # Help-page snippets often use names they never declare: USER, PASSWORD, a control such
    # as EDT_Server. wlinterp refuses to run them unless told to be lenient:
    #     wlinterp run placeholders.wl --lenient --define USER=ada
    # USER then gets its value from the command line. PASSWORD and EDT_Server stay empty
    # and are reported as warnings, and so is LogAttempt, a procedure that does not exist
    # (calling it does nothing).
    wl.Trace("Opening a session for", USER)
    Address: str = sem.convert_to("string", sem.add(USER, "@example.com"))
    wl.Trace("Address:", Address)
    if sem.equals(PASSWORD, ""):
        wl.Warning("No password given for " + sem.to_string(USER))
    Server: str = sem.convert_to("string", EDT_Server)
    if Server == "":
        Server = "smtp.example.com"
    wl.Trace("Server:", Server)
    wl.nothing("LogAttempt", USER, Server)
    wl.Trace("Done")


# the line of placeholders.wl each statement above comes from, for the positions of runtime errors
SOURCE_MAP = "21=7 22=8 23=9 24=11 25=11 26=13 27=14 28=14 29=15 30=17 31=18"
wl.source_map(SOURCE_MAP, __file__)


if __name__ == "__main__":
    sys.exit(wl.run(main))
