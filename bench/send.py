"""Sending speed and memory: a WLanguage program sending mail through wlinterp against the Python a user would write.

All contenders send the same 2,000 messages (one sender, a different recipient each, an
accented subject, a 2 KB text body) to one local SMTP sink, in the same run:

* ``wlinterp sync``   a WLanguage loop over a synchronous ``emailSMTPSession`` (``EmailSendMessage``),
                      run through wlinterp's Python API (``run_source`` with ``--smtp 127.0.0.1:PORT``);
* ``smtplib``         a script building each message with ``email.message.EmailMessage`` and sending it
                      with ``smtplib.SMTP.send_message``, one connection;
* ``aiosmtplib``      the same script with ``aiosmtplib.SMTP.send_message``, one connection;
* ``wlinterp async``  the WLanguage loop with ``Asynchronous = True``: each ``EmailSendMessage`` queues
                      the message, ``EmailCloseSession`` drains the queue;
* ``aiosmtplib x8``   the aiosmtplib script on 8 concurrent connections (8 workers sharing the messages).

Every script builds its messages inside the timed loop, as wlinterp does (the WLanguage program
builds an ``Email`` per message). The sink runs in its own process and counts what it receives;
each timed run is checked against those counts (messages, connections).

Rounds are interleaved, the order rotating each round; the machine is shared and noisy, so the
results are medians (min–max in brackets) and ratios of rates measured in the same round, never
one absolute time. Ratios are wlinterp's rate / Python's rate: 1.0 means as fast.

Then the peak memory of sending one message with a 20 MiB attachment, each in a fresh
subprocess: the rise of the process's peak RSS (``ru_maxrss``) over its RSS just before the send
(after a warm-up send), and, in another fresh subprocess, the tracemalloc peak of the same send.

    python bench/send.py                     # 2,000 messages, 5 rounds, the fast sink, memory
    python bench/send.py --sink aiosmtpd     # the same against an aiosmtpd Controller that discards
    python bench/send.py --profile           # also: stage split and cProfile of one wlinterp sync run
    python bench/send.py --rounds 7 --messages 1000 --skip-memory
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import email.utils
import gc
import io
import os
import platform
import pstats
import resource
import smtplib
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import tracemalloc
from collections.abc import Callable
from email.message import EmailMessage
from pathlib import Path

import aiosmtplib

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from wlinterp.pipeline import run_source  # noqa: E402
from wlinterp.runtime import RunOptions  # noqa: E402
from wlinterp.source import Source  # noqa: E402

TARGET_SYNC = 0.9  # wlinterp sync >= 0.9x the aiosmtplib script
TARGET_ASYNC = 0.9  # wlinterp async >= 0.9x aiosmtplib on 8 connections
TARGET_MEMORY = 4.0  # peak memory of a 20 MB send <= 4x the message size
WORKERS = 8
ATTACHMENT_SIZE = 20 * 1024 * 1024

# ====================================================================== the messages
#
# One definition, spelled once in WLanguage and once in Python, so both send the same bytes
# (apart from Date and Message-ID): the sink's byte counts show it.

SENDER = "Bench Sender <sender@example.com>"
LINE = "This is a line of the weekly report, with its figures and comments."
BODY_LINES = 25


def recipient(number: int) -> str:
    # a different recipient per message: a mass mailing, and no cache can help beyond the sender
    return f"reader{number}@example.org"


def subject(number: int) -> str:
    return f"Weekly report {number} — résumé"  # non-ASCII: an RFC 2047 encoded header on both sides


def body(number: int) -> str:
    return f"Hello reader {number},\n\n" + (LINE + "\n") * BODY_LINES


WL_PROGRAM = """
Session is emailSMTPSession
Session.ServerAddress = "smtp.example.com"
Session.Asynchronous = {asynchronous}
IF NOT Session.StartSession() THEN
\tError(ErrorInfo())
\tRETURN
END
Body is string = Repeat("{line}" + CR, {lines})
Sent is int
FOR i = 1 TO {count}
\tMessage is Email
\tMessage.Sender = "{sender}"
\tMessage.Recipient.Add("reader" + i + "@example.org")
\tMessage.Subject = "Weekly report " + i + " — résumé"
\tMessage.Message = "Hello reader " + i + "," + CR + CR + Body
\tIF EmailSendMessage(Session, Message) THEN Sent++
END
EmailCloseSession(Session)
Trace(Sent)
"""


def wl_program(count: int, asynchronous: bool) -> str:
    return WL_PROGRAM.format(asynchronous="True" if asynchronous else "False", line=LINE, lines=BODY_LINES,
                             count=count, sender=SENDER)


def python_message(number: int) -> EmailMessage:
    """What a Python script would build: the headers wlinterp writes (Date and Message-ID included) and the text."""
    message = EmailMessage()
    message["From"] = SENDER
    message["To"] = recipient(number)
    message["Subject"] = subject(number)
    message["Date"] = email.utils.format_datetime(email.utils.localtime())
    message["Message-ID"] = email.utils.make_msgid(domain="example.com")
    message.set_content(body(number))
    return message


# ====================================================================== contenders


def fresh_run_caches() -> None:
    """Forget the addresses wlinterp has checked, as a new ``wlinterp run`` process would start.

    ``mime.parse_address`` keeps its answers for the process; without this, every round after
    the first would find its 2,000 recipients already checked, which no real run does.
    """
    from stdlib_email import mime

    function = mime.parse_address
    while not hasattr(function, "cache_clear") and hasattr(function, "__wrapped__"):  # under --profile's timers
        function = function.__wrapped__
    if hasattr(function, "cache_clear"):  # versions before the cache have nothing to clear
        function.cache_clear()


def wlinterp_send(port: int, count: int, asynchronous: bool = False) -> None:
    fresh_run_caches()
    text = wl_program(count, asynchronous)
    outcome = run_source(Source(text, "send.wl"), RunOptions(smtp=f"127.0.0.1:{port}"), io.StringIO())
    output = [entry.text for entry in outcome.runtime.output] if outcome.runtime else []
    if outcome.status != "ok" or output != [str(count)]:
        raise SystemExit(f"the wlinterp run failed: {outcome.status} {output} {outcome.diagnostics}")


def smtplib_send(port: int, count: int) -> None:
    with smtplib.SMTP("127.0.0.1", port) as smtp:
        for number in range(1, count + 1):
            smtp.send_message(python_message(number))


def aiosmtplib_send(port: int, count: int) -> None:
    async def send_all() -> None:
        smtp = aiosmtplib.SMTP(hostname="127.0.0.1", port=port)
        await smtp.connect()
        for number in range(1, count + 1):
            await smtp.send_message(python_message(number))
        await smtp.quit()

    asyncio.run(send_all())


def aiosmtplib_concurrent_send(port: int, count: int, workers: int = WORKERS) -> None:
    async def send_all() -> None:
        numbers = iter(range(1, count + 1))  # shared: a worker takes the next message when it is free

        async def worker() -> None:
            smtp = aiosmtplib.SMTP(hostname="127.0.0.1", port=port)
            await smtp.connect()
            for number in numbers:
                await smtp.send_message(python_message(number))
            await smtp.quit()

        await asyncio.gather(*(worker() for _ in range(workers)))

    asyncio.run(send_all())


CONTENDERS: dict[str, tuple[Callable[[int, int], None], int]] = {
    # name: (send(port, count), connections the sink must see)
    "wlinterp sync": (lambda port, count: wlinterp_send(port, count, asynchronous=False), 1),
    "smtplib": (smtplib_send, 1),
    "aiosmtplib": (aiosmtplib_send, 1),
    "wlinterp async": (lambda port, count: wlinterp_send(port, count, asynchronous=True), 1),
    f"aiosmtplib x{WORKERS}": (aiosmtplib_concurrent_send, WORKERS),
}
RATIOS = [  # (wlinterp contender, python contender, target or None)
    ("wlinterp sync", "aiosmtplib", TARGET_SYNC),
    ("wlinterp sync", "smtplib", None),
    ("wlinterp async", f"aiosmtplib x{WORKERS}", TARGET_ASYNC),
    ("wlinterp async", "aiosmtplib", None),
]

# ====================================================================== the sink (its own process)
#
# A separate process, not a thread: a sink thread would share the client's GIL, so its work
# would be billed to whichever contender is running and it would interleave with the client's
# event loop in ways that differ between contenders. In its own process it runs on the other
# core; its CPU time per message is printed, so one can see it does not dominate.

SINK_END = b"\r\n.\r\n"
SINK_EHLO = b"250-sink.invalid\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250 SIZE 104857600\r\n"


class SinkStats:
    messages = 0
    octets = 0
    connections = 0


class FastSink(asyncio.Protocol):
    """Just enough ESMTP to take mail and throw it away: one reply per line, DATA counted and dropped."""

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport: asyncio.Transport = transport  # type: ignore[assignment]
        self.pending = b""
        self.in_data = False
        self.tail = b""  # the last bytes of DATA seen, for an end marker split between two reads
        SinkStats.connections += 1
        self.transport.write(b"220 sink.invalid ESMTP\r\n")

    def data_received(self, chunk: bytes) -> None:
        buffer = self.pending + chunk if self.pending else chunk
        while buffer:
            if self.in_data:
                window = self.tail + buffer
                end = window.find(SINK_END)
                if end < 0:  # the message goes on: count it, keep nothing but the tail
                    SinkStats.octets += len(buffer)
                    self.tail = window[-4:]
                    buffer = b""
                    break
                used = end + len(SINK_END) - len(self.tail)
                SinkStats.octets += used
                SinkStats.messages += 1
                buffer = buffer[used:]
                self.in_data = False
                self.transport.write(b"250 2.0.0 OK\r\n")
                continue
            newline = buffer.find(b"\n")
            if newline < 0:
                break
            verb, buffer = buffer[:4].upper(), buffer[newline + 1:]
            if verb in (b"MAIL", b"RCPT", b"RSET", b"NOOP"):
                self.transport.write(b"250 2.0.0 OK\r\n")
            elif verb == b"DATA":
                self.in_data = True
                self.tail = b"\r\n"  # so that an empty message's "." line ends it too
                self.transport.write(b"354 End data with <CR><LF>.<CR><LF>\r\n")
            elif verb in (b"EHLO", b"HELO"):
                self.transport.write(SINK_EHLO)
            elif verb == b"QUIT":
                self.transport.write(b"221 2.0.0 Bye\r\n")
                self.transport.close()
                return
            else:
                self.transport.write(b"502 5.5.2 Not implemented\r\n")
        self.pending = buffer


class DiscardingHandler:
    """aiosmtpd handler: count the message, keep nothing."""

    async def handle_DATA(self, server: object, session: object, envelope: object) -> str:
        SinkStats.messages += 1
        SinkStats.octets += len(envelope.original_content or envelope.content)  # type: ignore[attr-defined]
        return "250 2.0.0 OK"


def sink_child(kind: str) -> int:
    """The sink process: prints its port, then answers 'stats' and 'reset' on stdin until stdin closes."""
    if kind == "aiosmtpd":
        import socket

        from aiosmtpd.controller import Controller
        from aiosmtpd.smtp import SMTP

        class CountingSMTP(SMTP):
            async def _handle_client(self) -> None:  # type: ignore[override]
                SinkStats.connections += 1
                await super()._handle_client()

        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]

        class CountingController(Controller):
            def factory(self) -> SMTP:
                return CountingSMTP(self.handler, data_size_limit=None, hostname="sink.invalid")

        controller = CountingController(DiscardingHandler(), hostname="127.0.0.1", port=port)
        controller.start()
        serve_control(port, threading.Event())
        controller.stop()
        return 0

    async def serve() -> None:
        loop = asyncio.get_running_loop()
        server = await loop.create_server(FastSink, "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        stopped = threading.Event()
        threading.Thread(target=serve_control, args=(port, stopped), daemon=True).start()
        while not stopped.is_set():
            await asyncio.sleep(0.2)
        server.close()

    asyncio.run(serve())
    return 0


def serve_control(port: int, stopped: threading.Event) -> None:
    print(port, flush=True)
    for line in sys.stdin:
        command = line.strip()
        if command == "stats":
            print(SinkStats.messages, SinkStats.octets, SinkStats.connections, f"{time.process_time():.6f}", flush=True)
        elif command == "reset":
            SinkStats.messages = SinkStats.octets = SinkStats.connections = 0
            print("ok", flush=True)
    stopped.set()


class Sink:
    """The sink process, seen from the benchmark."""

    def __init__(self, kind: str):
        self.kind = kind
        self.process = subprocess.Popen([sys.executable, __file__, "--sink-child", kind], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, text=True)
        assert self.process.stdout is not None and self.process.stdin is not None
        self.port = int(self.process.stdout.readline())

    def _ask(self, command: str) -> str:
        assert self.process.stdout is not None and self.process.stdin is not None
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()
        return self.process.stdout.readline().strip()

    def reset(self) -> None:
        self._ask("reset")

    def stats(self) -> tuple[int, int, int, float]:
        messages, octets, connections, cpu = self._ask("stats").split()
        return int(messages), int(octets), int(connections), float(cpu)

    def stop(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        self.process.wait(timeout=10)


# ====================================================================== speed


def timed_run(sink: Sink, name: str, count: int) -> tuple[float, int, float]:
    """One contender's run: (seconds, octets received, sink CPU seconds); checked against the sink's counts."""
    send, connections = CONTENDERS[name]
    gc.collect()  # every run starts from a clean heap, whoever ran before
    sink.reset()
    _, _, _, cpu_before = sink.stats()
    start = time.perf_counter()
    send(sink.port, count)
    elapsed = time.perf_counter() - start
    messages, octets, seen, cpu_after = sink.stats()
    if messages != count or seen != connections:
        raise SystemExit(f"{name}: the sink got {messages} messages over {seen} connections, "
                         f"expected {count} over {connections}")
    return elapsed, octets, cpu_after - cpu_before


def spread(values: list[float], scale: float = 1.0, digits: int = 0) -> str:
    median = statistics.median(values) * scale
    return f"{median:,.{digits}f}  [{min(values) * scale:,.{digits}f}–{max(values) * scale:,.{digits}f}]"


def measure_speed(sink: Sink, count: int, rounds: int) -> None:
    names = list(CONTENDERS)
    for name in names:  # warm-up: imports, the parser cache, first connections
        timed_run(sink, name, min(count, 50))
    rates: dict[str, list[float]] = {name: [] for name in names}
    sizes: dict[str, list[float]] = {name: [] for name in names}
    sink_cpu: dict[str, list[float]] = {name: [] for name in names}
    ratios: dict[tuple[str, str], list[float]] = {(a, b): [] for a, b, _ in RATIOS}
    for round_number in range(rounds):
        shift = round_number % len(names)
        for name in names[shift:] + names[:shift]:  # rotate who goes first
            elapsed, octets, cpu = timed_run(sink, name, count)
            rates[name].append(count / elapsed)
            sizes[name].append(octets / count)
            sink_cpu[name].append(cpu / count)
        for a, b, _ in RATIOS:
            ratios[(a, b)].append(rates[a][-1] / rates[b][-1])
        print(f"  round {round_number + 1}: " + ", ".join(f"{name} {rates[name][-1]:,.0f}/s" for name in names), flush=True)

    print(f"\n{rounds} interleaved rounds of {count:,} messages each (medians; min–max in brackets)")
    print(f"  {'contender':18} {'messages/s':>24}   {'octets/message':>14}   {'sink CPU/message':>16}")
    for name in names:
        print(f"  {name:18} {spread(rates[name]):>24}   {statistics.median(sizes[name]):>14,.0f}   "
              f"{statistics.median(sink_cpu[name]) * 1e6:>13.0f} µs")
    print("ratios (wlinterp rate / Python rate, per round, then the median):")
    for a, b, target in RATIOS:
        values = ratios[(a, b)]
        verdict = ""
        if target is not None:
            verdict = f" — target >= {target}x: {'MET' if statistics.median(values) >= target else 'MISSED'}"
        print(f"  {a} / {b}: {spread(values, digits=2)}x{verdict}")


# ====================================================================== memory (fresh subprocesses)

MEMORY_PROGRAM = """
Session is emailSMTPSession
Session.ServerAddress = "smtp.example.com"
IF NOT Session.StartSession() THEN
\tError(ErrorInfo())
\tRETURN
END
Message is Email
Message.Sender = "{sender}"
Message.Recipient.Add("reader@example.org")
Message.Subject = "The figures"
Message.Message = "The figures are attached."
{attach}
IF NOT EmailSendMessage(Session, Message) THEN Error(ErrorInfo())
EmailCloseSession(Session)
Trace("sent")
"""


def resident() -> int:
    """The process's resident set now, in bytes (Linux)."""
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def memory_child(port: int, path: str, contender: str, mode: str) -> int:
    """One send of the big message, after a warm-up send of a small one; prints 'peak_bytes seconds'."""

    def send(attach: bool) -> None:
        if contender == "wlinterp":
            line = f'EmailLoadAttachment(Message, "{path}")' if attach else ""
            text = MEMORY_PROGRAM.format(sender=SENDER, attach=line)
            outcome = run_source(Source(text, "big.wl"), RunOptions(smtp=f"127.0.0.1:{port}"), io.StringIO())
            if outcome.status != "ok" or outcome.runtime is None or [e.text for e in outcome.runtime.output] != ["sent"]:
                raise SystemExit(f"the wlinterp run failed: {outcome.diagnostics}")
            return
        message = EmailMessage()
        message["From"] = SENDER
        message["To"] = "reader@example.org"
        message["Subject"] = "The figures"
        message["Date"] = email.utils.format_datetime(email.utils.localtime())
        message["Message-ID"] = email.utils.make_msgid(domain="example.com")
        message.set_content("The figures are attached.")
        if attach:
            data = Path(path).read_bytes()
            message.add_attachment(data, maintype="application", subtype="octet-stream", filename=Path(path).name)
            del data  # the message holds it
        if contender == "smtplib":
            with smtplib.SMTP("127.0.0.1", port) as smtp:
                smtp.send_message(message)
        else:
            aiosmtplib_one(port, message)

    send(attach=False)  # warm-up: lazy imports, the event loop, aiosmtplib, the parser cache
    gc.collect()
    if mode == "tracemalloc":
        tracemalloc.start()
    before = resident()
    peak_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    start = time.perf_counter()
    send(attach=True)
    elapsed = time.perf_counter() - start
    if mode == "tracemalloc":
        peak = tracemalloc.get_traced_memory()[1]
    else:
        peak_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
        if peak_after <= peak_before:
            raise SystemExit("the peak RSS did not move: the send's peak is hidden by an earlier one")
        peak = peak_after - before
    print(peak, f"{elapsed:.3f}")
    return 0


def aiosmtplib_one(port: int, message: EmailMessage) -> None:
    async def send() -> None:
        async with aiosmtplib.SMTP(hostname="127.0.0.1", port=port) as smtp:
            await smtp.send_message(message)

    asyncio.run(send())


def measure_memory(sink: Sink, repeats: int) -> None:
    with tempfile.TemporaryDirectory(prefix="wlinterp-send-") as work:
        path = Path(work) / "figures.bin"
        path.write_bytes(os.urandom(ATTACHMENT_SIZE))  # random: base64 cannot shrink it, no compression helps
        print(f"\npeak memory of sending one message with a {ATTACHMENT_SIZE / 2**20:.0f} MiB attachment "
              f"({ATTACHMENT_SIZE:,} bytes), each figure a fresh subprocess, {repeats} times (median; min–max):")
        results: dict[tuple[str, str], list[float]] = {}
        times: dict[str, list[float]] = {}
        for _ in range(repeats):
            for contender in ("wlinterp", "aiosmtplib", "smtplib"):
                for mode in ("rss", "tracemalloc"):
                    sink.reset()
                    done = subprocess.run([sys.executable, __file__, "--memory-child", str(sink.port), str(path),
                                           contender, mode], capture_output=True, text=True, check=False)
                    if done.returncode != 0:
                        raise SystemExit(f"memory child {contender} {mode} failed:\n{done.stdout}{done.stderr}")
                    peak, seconds = done.stdout.split()
                    results.setdefault((contender, mode), []).append(int(peak))
                    if mode == "rss":
                        times.setdefault(contender, []).append(float(seconds))
        big = sink_message_size(sink, path)
        print(f"  the message on the wire: {big:,} bytes ({big / 2**20:.1f} MiB, base64 and headers)")
        for contender in ("wlinterp", "aiosmtplib", "smtplib"):
            rss = results[(contender, "rss")]
            traced = results[(contender, "tracemalloc")]
            print(f"  {contender:10} RSS rise {spread(rss, 1 / 2**20, 1)} MiB = "
                  f"{statistics.median(rss) / big:.2f}x the message ({statistics.median(rss) / ATTACHMENT_SIZE:.2f}x the "
                  f"attachment); tracemalloc peak {spread(traced, 1 / 2**20, 1)} MiB = "
                  f"{statistics.median(traced) / big:.2f}x; send time {spread(times[contender], 1000)} ms")
        ratio = statistics.median(results[("wlinterp", "rss")]) / big
        print(f"  wlinterp peak (RSS rise) / message size: {ratio:.2f}x — target <= {TARGET_MEMORY}x: "
              f"{'MET' if ratio <= TARGET_MEMORY else 'MISSED'}")


def sink_message_size(sink: Sink, path: Path) -> int:
    """The size of the big message as DATA carries it: one wlinterp send, counted by the sink."""
    sink.reset()
    text = MEMORY_PROGRAM.format(sender=SENDER, attach=f'EmailLoadAttachment(Message, "{path}")')
    outcome = run_source(Source(text, "big.wl"), RunOptions(smtp=f"127.0.0.1:{sink.port}"), io.StringIO())
    assert outcome.status == "ok"
    messages, octets, _, _ = sink.stats()
    assert messages == 1
    return octets


# ====================================================================== profile


def profile(sink: Sink, count: int) -> None:
    """Where a synchronous wlinterp run spends its time: a stage split (timers, no profiler), then cProfile."""
    from stdlib_email import mime, session, smtp

    # label: the functions whose own time it counts (a function missing from this version is skipped);
    # times are exclusive: render calls build, which calls parse_address, and each second counts once
    stages: dict[str, list[tuple[object, str]]] = {
        "address checks (mime.parse_address)": [(mime, "parse_address")],
        "MIME: Email to bytes (mime.render / build, as_bytes)": [(mime, "render"), (mime, "build"),
                                                                  (EmailMessage, "as_bytes")],
        "SMTP exchange (SmtpConnection.send, MAIL to the 250)": [(smtp.SmtpConnection, "send")],
        "EmailSendMessage's own (session glue, the event-loop turn)": [(session.SMTPSession, "send")],
    }
    spent = {label: 0.0 for label in stages}
    stack: list[list[float]] = []  # per active call: [start, time spent in timed calls below it]
    originals: list[tuple[object, str, object]] = []

    def enter() -> None:
        stack.append([time.perf_counter(), 0.0])

    def leave(label: str) -> None:
        start, inner = stack.pop()
        elapsed = time.perf_counter() - start
        spent[label] += elapsed - inner
        if stack:
            stack[-1][1] += elapsed

    def wrap(owner: object, attribute: str, label: str) -> None:
        original = getattr(owner, attribute)
        originals.append((owner, attribute, original))
        if asyncio.iscoroutinefunction(original):
            async def timed_async(*args: object, **kwargs: object) -> object:
                enter()  # a synchronous run awaits one send at a time, so the stack stays nested
                try:
                    return await original(*args, **kwargs)
                finally:
                    leave(label)
            setattr(owner, attribute, timed_async)
            return

        def timed(*args: object, **kwargs: object) -> object:
            enter()
            try:
                return original(*args, **kwargs)
            finally:
                leave(label)
        timed.__wrapped__ = original  # type: ignore[attr-defined]  # for fresh_run_caches
        setattr(owner, attribute, timed)

    for label, targets in stages.items():
        for owner, attribute in targets:
            if hasattr(owner, attribute):
                wrap(owner, attribute, label)
    runs = []
    try:
        for _ in range(3):
            for label in spent:
                spent[label] = 0.0
            start = time.perf_counter()
            wlinterp_send(sink.port, count)
            runs.append((time.perf_counter() - start, dict(spent)))
    finally:
        for owner, attribute, original in reversed(originals):
            setattr(owner, attribute, original)
    total, split = sorted(runs, key=lambda run: run[0])[1]  # the median of three runs
    print(f"\nstage split of one wlinterp sync run of {count:,} messages (median of 3 runs, timers only, own time "
          f"of each stage): {total * 1e6 / count:.0f} µs per message")
    for label, seconds in split.items():
        print(f"  {label:60} {seconds * 1e6 / count:6.0f} µs  {seconds / total:6.1%}")
    rest = total - sum(split.values())
    print(f"  {'the rest (interpreter, Email objects, run start and end)':60} {rest * 1e6 / count:6.0f} µs  {rest / total:6.1%}")

    profiler = cProfile.Profile()
    profiler.enable()
    wlinterp_send(sink.port, count)
    profiler.disable()
    print("\ncProfile of one wlinterp sync run, top 25 by own time:")
    pstats.Stats(profiler, stream=sys.stdout).sort_stats("tottime").print_stats(25)


# ====================================================================== main


def project_commit() -> str:
    """The commit measured (figures move with the code), or '?' outside a git checkout."""
    try:
        done = subprocess.run(["git", "describe", "--always", "--dirty"], cwd=ROOT, capture_output=True, text=True,
                              check=False)
    except OSError:
        return "?"
    return done.stdout.strip() or "?"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--sink", choices=("fast", "aiosmtpd"), default="fast")
    parser.add_argument("--memory-repeats", type=int, default=3)
    parser.add_argument("--skip-speed", action="store_true")
    parser.add_argument("--skip-memory", action="store_true")
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--sink-child", help=argparse.SUPPRESS)
    parser.add_argument("--memory-child", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.sink_child:
        return sink_child(args.sink_child)
    if args.memory_child:
        port, path, contender, mode = args.memory_child
        return memory_child(int(port), path, contender, mode)

    print(f"wlinterp send benchmark — Python {platform.python_version()}, aiosmtplib {aiosmtplib.__version__}, "
          f"{os.cpu_count()} CPUs")
    print(f"project commit: {project_commit()}")
    sink = Sink(args.sink)
    try:
        print(f"sink: {args.sink} ({'an asyncio protocol that answers and discards' if args.sink == 'fast' else 'aiosmtpd Controller, discarding handler'}), "
              f"own process, 127.0.0.1:{sink.port}; plain SMTP, no TLS, no AUTH")
        if not args.skip_speed:
            print(f"{args.messages:,} messages per run; contenders: {', '.join(CONTENDERS)}")
            measure_speed(sink, args.messages, args.rounds)
        if args.profile:
            profile(sink, args.messages)
        if not args.skip_memory:
            measure_memory(sink, args.memory_repeats)
    finally:
        sink.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
