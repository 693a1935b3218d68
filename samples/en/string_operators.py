"""string_operators.wl, transpiled by wlinterp (faithful style).

Run it with: python string_operators.py [--smtp capture|live|HOST:PORT] [--outbox DIR] [--report FILE.json]
"""

import sys

from wlinterp.pyrt import Program, sem

wl = Program("string_operators.wl")


def main() -> None:
    # The string operators: substrings, [% %] interpolation, the optional concatenation,
    # the prefixed syntax and multi-line strings.
    Subject: str = "Invoice 2024-117 for March"
    # [[ ]] extracts a substring: one character, a range (TO), or a length (ON)
    wl.Trace(wl.substring(Subject, "range", 1, 7))
    wl.Trace(wl.substring(Subject, "count", 9, 8))
    wl.Trace(wl.substring(Subject, "from", 22))
    wl.Trace(wl.substring(Subject, "at", 1) + wl.substring(Subject, "at", len(Subject)))
    # [% %] inserts the value of an expression in a string
    Unread: int = 3
    wl.Trace(
        "You have "
        + sem.to_string(Unread)
        + " new messages, "
        + sem.to_string(Unread * 2)
        + " in total"
    )
    # s + [sep] + t adds the separator only where it is missing
    Recipients = wl.new(
        "array of string", "ada@example.com", "grace@example.com", "alan@example.com"
    )
    ToLine: str = ""
    for Address in list(Recipients):
        ToLine = sem.optional_concat(ToLine, ", ", Address)
    wl.Trace(ToLine)
    Folder: str = "archive/"
    wl.Trace(sem.optional_concat(Folder, "/", "2024"))
    wl.Trace(sem.optional_concat("archive", "/", "2024"))
    # Prefixed syntax: Subject.Upper() is Upper(Subject)
    wl.Trace(
        wl.call(Subject, "Upper"),
        wl.call(Subject, "Length"),
        wl.call(wl.call(Subject, "Left", 7), "Lower"),
    )
    # A multi-line string keeps its line breaks
    Footer: str = "Sent with wlinterp\r\nPlease do not reply"
    wl.Info(Footer)


# the line of string_operators.wl each statement above comes from, for the positions of runtime errors
SOURCE_MAP = "16=3 18=6 19=7 20=8 21=9 23=12 24=13 32=16 35=17 36=18 37=19 38=21 39=22 40=23 41=24 43=27 49=30 50=34"
wl.source_map(SOURCE_MAP, __file__)


if __name__ == "__main__":
    sys.exit(wl.run(main))
