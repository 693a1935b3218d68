"""sorting.wl, transpiled by wlinterp (faithful style).

Run it with: python sorting.py [--smtp capture|live|HOST:PORT] [--outbox DIR] [--report FILE.json]
"""

import sys

from wlinterp.pyrt import Program, sem

wl = Program("sorting.wl")


def main() -> None:
    # Sorting and searching: the sizes of a mailbox's messages, in kilobytes, put in order
    # (insertion sort) and then searched by halves (binary search).
    Sizes = wl.new("array of int")
    Sizes_items = Sizes.items  # Sizes[i] is Sizes_items[i - 1]
    Seed: int = 7
    for i in range(1, 13):
        Seed = (Seed * 37 + 11) % 101
        Sizes.add(Seed * 3)
    # Insertion sort: each size slides left past the larger ones
    for i in range(2, 13):
        Current: int = Sizes_items[i - 1]
        j: int = i - 1
        # _AND_ stops at the first false side: Sizes[0] is never read
        while j >= 1 and Sizes_items[j - 1] > Current:
            Sizes_items[j] = Sizes_items[j - 1]
            j -= 1
        Sizes_items[j] = Current
    wl.Trace("Smallest:", Sizes.get(1), "largest:", Sizes.get(12))
    # Binary search: halve the part of the array that can still hold the size
    for Wanted in wl.rows(wl.array(57, 273, 100), 1):
        Found: int = 0
        Low: int = 1
        High: int = 12
        while Low <= High:
            Middle: int = (Low + High) // 2
            if sem.equals(Sizes_items[Middle - 1], Wanted):
                Found = Middle
                break
            elif sem.compare("<", Sizes_items[Middle - 1], Wanted):
                Low = Middle + 1
            else:
                High = Middle - 1
        if Found == 0:
            wl.Trace(Wanted, "is not there")
        else:
            wl.Trace(Wanted, "is number", Found)


# the line of sorting.wl each statement above comes from, for the positions of runtime errors
SOURCE_MAP = "16=3 18=4 19=5 20=6 21=7 23=11 24=12 25=13 27=15 28=16 29=17 30=19 31=21 33=24 34=25 35=26 36=27 37=28 38=29 39=30 40=31 41=32 42=33 43=34 45=36 46=39 47=40 49=42"
wl.source_map(SOURCE_MAP, __file__)


if __name__ == "__main__":
    sys.exit(wl.run(main))
