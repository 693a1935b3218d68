"""Stopping a private mail server (Dovecot, Postfix) started as the leader of its own process group.

Both fixtures start their master with ``start_new_session=True``: the master leads a process
group, and its children join it. Stopping one means SIGTERM to the group, SIGKILL when the
master does not go within its grace, then the same for any child still serving a client (it
may outlive the master). The master is not reaped before the group is signalled, so the group
id cannot belong to anyone else meanwhile.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

KILL_TIMEOUT = 5.0
LEFTOVER_GRACE = 1.0


def process_group(pid: int) -> int | None:
    """The process group of a live (non-zombie) process, or None."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    # the command name is in parentheses and may hold spaces: parse after the last ')'
    fields = stat[stat.rindex(")") + 2:].split()
    return None if fields[0] in ("Z", "X") else int(fields[2])


def stop_group(process: subprocess.Popen[bytes], grace: float,
               leftovers: Callable[[int], list[int]]) -> tuple[bool, list[int]]:
    """Stop the master's group; returns whether the master needed SIGKILL, and the processes that survived everything.

    ``leftovers(group)`` lists the live processes of this instance still in the group (each
    fixture knows how to tell its own from a stranger that reused an id).
    """
    group = process.pid
    killed = False
    if process.poll() is None:
        os.killpg(group, signal.SIGTERM)
        try:
            process.wait(grace)
        except subprocess.TimeoutExpired:
            killed = True
            os.killpg(group, signal.SIGKILL)
            process.wait(KILL_TIMEOUT)
    # politely first, then not
    _signal_leftovers(group, signal.SIGTERM, LEFTOVER_GRACE, leftovers)
    _signal_leftovers(group, signal.SIGKILL, KILL_TIMEOUT, leftovers)
    return killed, leftovers(group)


def _signal_leftovers(group: int, signum: int, timeout: float, leftovers: Callable[[int], list[int]]) -> None:
    members = leftovers(group)
    for pid in members:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signum)
    deadline = time.monotonic() + timeout
    while members and time.monotonic() < deadline:
        time.sleep(0.02)
        members = leftovers(group)
