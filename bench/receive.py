"""Receiving speed: EmailGetAll over IMAP against the same local Dovecot read by a plain imaplib script.

Both fetch the same 1,000 messages from one private Dovecot on loopback (IMAPS), and both parse
every message the same way (headers, text and HTML bodies, attachments) — wlinterp into its
Email objects, the script with the standard ``email`` package. Interleaved runs; medians and the
ratio of speeds (Python time / wlinterp time: 1.0 means as fast, target at least 0.9).

Needs Dovecot (apt-get install dovecot-imapd dovecot-pop3d) and root or a user that can run it.
"""

from __future__ import annotations

import argparse
import email
import email.policy
import imaplib
import io
import os
import statistics
import sys
import time
from email.message import EmailMessage
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.dovecot import DovecotInstance  # noqa: E402 - the same fixture the tests use
from wlinterp.pipeline import run_source  # noqa: E402
from wlinterp.runtime import RunOptions  # noqa: E402
from wlinterp.source import Source  # noqa: E402

USER, PASSWORD = "bench@example.test", "bench-password"


def make_message(number: int) -> bytes:
    message = EmailMessage()
    message["From"] = f"Sender {number} <sender{number}@example.test>"
    message["To"] = USER
    message["Subject"] = f"Message {number} — réunion n°{number}"
    message["Date"] = "Mon, 23 Nov 2026 10:00:00 +0100"
    message.set_content(f"Hello {number},\n" + "Some text for the body of this message.\n" * (20 + number % 40))
    if number % 3 == 0:
        message.add_alternative(f"<p>Hello <b>{number}</b></p>" * 20, subtype="html")
    if number % 10 == 0:
        message.add_attachment(os.urandom(2048), maintype="application", subtype="octet-stream", filename=f"f{number}.bin")
    return message.as_bytes(policy=email.policy.SMTP)


def python_script(port: int, cafile: str) -> int:
    """What a Python developer would write with imaplib: one FETCH for all, then parse each message."""
    import ssl

    context = ssl.create_default_context(cafile=cafile)
    seen = 0
    with imaplib.IMAP4_SSL("localhost", port, ssl_context=context) as imap:
        imap.login(USER, PASSWORD)
        status, data = imap.select("INBOX")
        count = int(data[0])
        status, data = imap.fetch(f"1:{count}", "(BODY[])")
        for item in data:
            if not isinstance(item, tuple):
                continue
            message = email.message_from_bytes(item[1], policy=email.policy.default)
            fields = (message["From"], message["To"], message["Cc"], message["Subject"], message["Date"], message["Message-ID"])
            text = message.get_body(("plain",))
            html = message.get_body(("html",))
            bodies = (text.get_content() if text else "", html.get_content() if html else "")
            attachments = [(part.get_filename(), part.get_payload(decode=True)) for part in message.iter_attachments()]
            seen += bool(fields) + bool(bodies) + 0 * len(attachments)
        imap.logout()
    return count


PROGRAM = """
S is emailIMAPSession
S.ServerAddress = "localhost"
S.Port = {port}
S.Option = optionTLS
S.Name = "{user}"
S.Password = "{password}"
IF S.StartSession() THEN
\tAll is array of Email = S.GetAll(ertFull)
\tTrace(ArrayCount(All))
\tS.CloseSession()
ELSE
\tTrace(ErrorInfo())
END
"""


def wlinterp_run(port: int) -> int:
    text = PROGRAM.format(port=port, user=USER, password=PASSWORD)
    outcome = run_source(Source(text, "bench.wl"), RunOptions(smtp="live"), io.StringIO())
    output = [entry.text for entry in outcome.runtime.output] if outcome.runtime else []
    if outcome.status != "ok" or not output or not output[0].isdigit():
        raise SystemExit(f"wlinterp run failed: {output} {outcome.diagnostics}")
    return int(output[0])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=1000)
    parser.add_argument("--reps", type=int, default=7)
    args = parser.parse_args()
    print(f"wlinterp receive benchmark — Python {sys.version.split()[0]}; {args.messages} messages over IMAPS from a private Dovecot")
    instance = DovecotInstance({USER: PASSWORD})
    for number in range(1, args.messages + 1):
        instance.add_message(USER, make_message(number))
    instance.start()
    try:
        os.environ["SSL_CERT_FILE"] = str(instance.ca_file)
        size = sum(path.stat().st_size for path in instance.messages(USER))
        print(f"mailbox: {args.messages} messages, {size / 1e6:.1f} MB")
        assert python_script(instance.imaps_port, str(instance.ca_file)) == args.messages  # warm both paths
        assert wlinterp_run(instance.imaps_port) == args.messages
        times: dict[str, list[float]] = {"wlinterp": [], "python": []}
        ratios = []
        for rep in range(args.reps):
            order = ("wlinterp", "python") if rep % 2 == 0 else ("python", "wlinterp")
            spent = {}
            for name in order:
                start = time.perf_counter()
                got = wlinterp_run(instance.imaps_port) if name == "wlinterp" else python_script(instance.imaps_port, str(instance.ca_file))
                spent[name] = time.perf_counter() - start
                assert got == args.messages
                times[name].append(spent[name])
            ratios.append(spent["python"] / spent["wlinterp"])
        wl, py = statistics.median(times["wlinterp"]), statistics.median(times["python"])
        ratio = statistics.median(ratios)
        print(f"{args.reps} interleaved repetitions (medians; min–max in brackets)")
        print(f"  wlinterp EmailGetAll(ertFull) program : {wl * 1000:8.1f} ms  [{min(times['wlinterp']) * 1000:.1f}–{max(times['wlinterp']) * 1000:.1f}]")
        print(f"  imaplib + email script                : {py * 1000:8.1f} ms  [{min(times['python']) * 1000:.1f}–{max(times['python']) * 1000:.1f}]")
        print(f"  speed ratio (python time / wlinterp time): {ratio:.2f}x — target >= 0.9x: {'MET' if ratio >= 0.9 else 'MISSED'}")
    finally:
        instance.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
