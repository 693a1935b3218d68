"""procedures.wl, transpiled by wlinterp (faithful style).

Run it with: python procedures.py [--smtp capture|live|HOST:PORT] [--outbox DIR] [--report FILE.json]
"""

import sys

from wlinterp.pyrt import DEFAULT, Program, Ref, sem

wl = Program("procedures.wl")


def main() -> None:
    # Procedures: parameters by reference (the default) or by value (LOCAL), default values,
    # '*' to keep a default, RESULT and RETURN, and an internal procedure.
    Subject = Ref("Meeting", "string")
    Greeting: str = "Hello"
    Sent = Ref(0, "int")
    # By reference: the procedure changes the caller's variable
    AddPrefix(Subject)
    wl.Trace(Subject.value)
    CountOne(Sent)
    CountOne(Sent)
    wl.Trace("Sent:", Sent.value)
    # LOCAL: the procedure works on a copy
    Shout(Greeting)
    wl.Trace("Outside:", Greeting)
    # Default values, and '*' to keep one while giving the next parameter
    wl.Trace(Header("To", "ada@example.com"))
    wl.Trace(Header("To", "ada@example.com", " = "))
    wl.Trace(Header("Cc", DEFAULT, " -> "))
    # RETURN leaves a procedure early
    CheckAddress("nobody")
    CheckAddress("grace@example.com")
    List = wl.new("array of string", "ada@example.com", "wrong", "alan@example.org")
    wl.Trace(CountValid(List, "example.com"), "address(es) at example.com")


def AddPrefix(Text):
    Text.set("Re: " + sem.to_string(Text.value))


def CountOne(Counter):
    Counter.set(Counter.value + 1)


def Shout(Text):
    Text = wl.Upper(Text) + "!"
    wl.Trace("Inside:", Text)


def Header(Name, Value=DEFAULT, Separator=": "):
    if Value is DEFAULT:
        Value = "(none)"
    return Name + Separator + Value


def CheckAddress(Address):
    if not wl.Contains(Address, "@"):
        wl.Warning(Address + " is not an email address")
        return
    wl.Trace(Address, "looks fine")


def CountValid(Addresses, Domain):
    # An internal procedure sees the variables of the procedure around it
    def Matches(Address):
        return sem.compare("=]", Address, "@" + Domain)

    Total: int = 0
    for Address in list(Addresses):
        if Matches(Address):
            Total += 1
    return Total


# the line of procedures.wl each statement above comes from, for the positions of runtime errors
SOURCE_MAP = "16=3 17=4 18=5 20=8 21=9 22=10 23=11 24=12 26=15 27=16 29=19 30=20 31=21 33=24 34=25 35=27 36=28 39=30 40=31 43=33 44=34 47=36 48=37 49=38 52=40 55=41 58=43 59=44 60=45 61=46 62=48 65=50 67=53 68=54 70=51 71=56 72=57 73=57 74=59"
wl.source_map(SOURCE_MAP, __file__)


if __name__ == "__main__":
    sys.exit(wl.run(main))
