"""operators.wl, transpiled by wlinterp (faithful style).

Run it with: python operators.py [--smtp capture|live|HOST:PORT] [--outbox DIR] [--report FILE.json]
"""

import sys

from wlinterp.pyrt import Program, sem

wl = Program("operators.wl")


def main() -> None:
    # Operators: WinDev's precedence, intervals, lists and the flexible string comparisons.
    # Arithmetic: * and / before + and -; a division is exact, % is the remainder
    wl.Trace(
        2 + 3 * 4, (2 + 3) * 4, sem.divide(18, 5), sem.modulo(17, 5), sem.power(2, 10)
    )
    # Compound assignment and increments
    Size: int = 10
    Size += 5
    Size *= 4
    Size -= 10
    Size = sem.convert_to("int", sem.divide(Size, 2))
    Size += 1
    wl.Trace("Size:", Size)
    Size -= 1
    # An interval: the value between two bounds, or "= a TO b"
    if wl.interval(Size, "<", 10, "<=", 30):
        wl.Trace(Size, "KB is a medium message")
    if wl.interval(Size, "<=", 1, "<=", 25):
        wl.Trace(Size, "KB is between 1 and 25")
    # IN and NOT IN compare with each value of a list
    Extension: str = "pdf"
    if wl.in_list(Extension, "pdf", "docx", "odt"):
        wl.Trace("A document")
    if not wl.in_list(Extension, "exe", "bat"):
        wl.Trace("Not a program")
    # AND and OR have the same priority and are read from left to right:
    # True OR False AND False is (True OR False) AND False
    if wl.both(wl.either(True, False), False):
        wl.Trace("OR came first")
    else:
        wl.Trace("read from left to right: False")
    # NOT applies to the whole comparison
    if not Size > 100:
        wl.Trace("Not over 100 KB")
    # _AND_ stops as soon as the answer is known: no division by zero here
    Received: int = 0
    if Received > 0 and sem.compare(">", sem.divide(100, Received), 5):
        wl.Trace("never shown")
    else:
        wl.Trace("Received is 0, the division was skipped")
    # A number compared with a numeric string compares numbers; two strings compare as text
    Port: int = 587
    if sem.equals(Port, "587"):
        wl.Trace('587 = "587"')
    if sem.compare("<", "10", "9"):
        wl.Trace('as text, "10" comes before "9"')
    # Flexible comparisons
    Address: str = "  Ada@Example.COM "
    if sem.compare("~=", Address, "ada@example.com"):
        wl.Trace("~= ignores case and outer spaces")
    if sem.compare("~~", "Re: Réunion d'équipe", "re reunion dequipe"):
        wl.Trace("~~ also ignores accents and punctuation")
    Subject: str = "Re: Minutes of the meeting"
    if sem.compare("[=", Subject, "Re:"):
        wl.Trace("[= starts with")
    if sem.compare("[=]", Subject, "Minutes"):
        wl.Trace("[=] contains")
    if sem.compare("=]", Subject, "meeting"):
        wl.Trace("=] ends with")
    if not sem.compare("[=]", Subject, "minutes"):
        wl.Trace("and they are case-sensitive")


# the line of operators.wl each statement above comes from, for the positions of runtime errors
SOURCE_MAP = "16=4 20=7 21=8 22=8 23=8 24=8 25=9 26=10 27=11 29=14 30=14 31=15 32=15 34=18 35=19 36=19 37=20 38=20 41=24 42=25 44=27 46=30 47=30 49=33 50=34 51=35 53=37 55=41 56=42 57=42 58=43 59=43 61=46 62=47 63=47 64=48 65=48 66=49 67=50 68=50 69=51 70=51 71=52 72=52 73=53 74=53"
wl.source_map(SOURCE_MAP, __file__)


if __name__ == "__main__":
    sys.exit(wl.run(main))
