"""messages.wl, transpiled by wlinterp (faithful style).

Run it with: python messages.py [--smtp capture|live|HOST:PORT] [--outbox DIR] [--report FILE.json]
"""

import sys

from wlinterp.pyrt import Program, sem

wl = Program("messages.wl")


def main() -> None:
    # Showing messages, and reading the error state of the last operation.
    # Info, Warning and Error show each parameter on its own line
    wl.Info("The outbox is ready")
    wl.Info("3 messages are waiting:", "2 invoices and 1 reminder")
    wl.Warning("The attachment is larger than 5 MB")
    wl.Error("Could not reach smtp.example.com", "Check the network settings")
    # Trace writes its parameters on one line, separated by a space
    wl.Trace("Queue:", 3, "messages,", 1.5, "MB")
    wl.Trace()
    # ErrorOccurred becomes True when a function that can fail fails, and ErrorInfo
    # explains the failure. No function has failed in this program, so both are empty.
    if sem.to_bool(wl.ErrorOccurred):
        wl.Trace("Last failure:", wl.ErrorInfo(wl.errMessage))
    else:
        wl.Trace("No failure so far, error code", wl.ErrorInfo(wl.errCode))
    if wl.both(
        wl.both(not sem.to_bool(wl.ErrorOccurred), sem.equals(wl.ErrorInfo(), "")),
        sem.equals(wl.ErrorInfo(wl.errFullDetails), ""),
    ):
        wl.Trace("ErrorInfo has nothing to say")


# the line of messages.wl each statement above comes from, for the positions of runtime errors
SOURCE_MAP = "16=4 17=5 18=6 19=7 21=10 22=11 25=15 26=16 28=18 29=20 33=21"
wl.source_map(SOURCE_MAP, __file__)


if __name__ == "__main__":
    sys.exit(wl.run(main))
