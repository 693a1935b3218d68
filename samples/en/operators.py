"""operators.wl, transpiled by wlinterp (faithful style).

Run it with: python operators.py [--smtp capture|live|HOST:PORT] [--outbox DIR] [--report FILE.json]
"""

import sys

from wlinterp.pyrt import Program, sem

wl = Program("operators.wl")


def main() -> None:
    # Operators: WinDev's precedence, intervals, lists and the flexible string comparisons.
    # Arithmetic: * and / before + and -; a division is exact, % is the remainder
    wl.Trace(2 + 3 * 4, (2 + 3) * 4, sem.divide(18, 5), 17 % 5, sem.power(2, 10))
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
SOURCE_MAP = "16=4 18=7 19=8 20=8 21=8 22=8 23=9 24=10 25=11 27=14 28=14 29=15 30=15 32=18 33=19 34=19 35=20 36=20 39=24 40=25 42=27 44=30 45=30 47=33 48=34 49=35 51=37 53=41 54=42 55=42 56=43 57=43 59=46 60=47 61=47 62=48 63=48 64=49 65=50 66=50 67=51 68=51 69=52 70=52 71=53 72=53"
wl.source_map(SOURCE_MAP, __file__)


if __name__ == "__main__":
    sys.exit(wl.run(main))
