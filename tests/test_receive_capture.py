"""Reading in capture mode: the outbox is served over IMAP and POP3, so a program can send and then read with no outside server."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import run, seed_examples

SEND = """
Out is emailSMTPSession
Out.ServerAddress = "smtp.example.com"
Out.StartSession()
FOR EACH STRING Subject OF "Première;Second;Third" SEPARATED BY ";"
\tM is Email
\tM.Sender = "Zoé <zoe@example.com>"
\tM.Recipient.Add("ada@example.com")
\tM.Subject = Subject
\tM.Message = "About " + Subject
\tEmailSendMessage(Out, M)
END
Out.CloseSession()
"""


def lines(outcome) -> list[str]:
    assert outcome.status == "ok", outcome.diagnostics
    return [entry["text"] for entry in outcome.report()["output"]]


@pytest.mark.parametrize(
    ("kind", "option"),
    [
        ("emailPOP3Session", "emailOptionDefault"),
        ("emailPOP3Session", "optionTLS"),
        ("emailIMAPSession", "emailProtocolSMTPS"),
        ("emailIMAPSession", "optionTLS"),
    ],
)
def test_send_then_read(tmp_path: Path, kind: str, option: str):
    text = SEND + f"""
In is {kind}
In.ServerAddress = "mail.example.com"
In.Option = {option}
In.Name = "ada@example.com"
In.Password = "whatever"
IF In.StartSession() THEN
\tTrace(EmailNbMessage(In))
\tR is Email
\tEmailReadFirst(In, R)
\tWHILE NOT R.Out
\t\tTrace(R.Subject + " from " + R.Sender + ": " + NoSpace(R.Message))
\t\tEmailReadNext(In, R)
\tEND
\tIn.CloseSession()
ELSE
\tTrace(ErrorInfo())
END
"""
    outcome = run(text, outbox=str(tmp_path / "outbox"))
    assert lines(outcome) == [
        "3",
        "Première from Zoé <zoe@example.com>: About Première",
        "Second from Zoé <zoe@example.com>: About Second",
        "Third from Zoé <zoe@example.com>: About Third",
    ]


def test_delete_after_reading_over_pop3_then_imap_sees_what_is_left(tmp_path: Path):
    text = SEND + """
P is emailPOP3Session
P.ServerAddress = "pop.example.com"
P.Name = "ada"
P.StartSession()
EmailReadFirst(P)
WHILE NOT Email.Out
\tIF Email.Subject = "Second" THEN EmailDeleteMessage(P)
\tEmailReadNext(P)
END
Trace("during the POP3 session:", EmailNbMessage(P))
EmailCloseSession(P)
I is emailIMAPSession
I.ServerAddress = "imap.example.com"
I.Name = "ada"
I.StartSession()
Trace("after it:", EmailNbMessage(I))
All is array of Email = EmailGetAll(I)
FOR EACH M OF All
\tTrace(M.Subject)
END
"""
    assert lines(run(text, outbox=str(tmp_path / "outbox"))) == [
        "during the POP3 session: 3", "after it: 2", "Première", "Third",
    ]


def test_legacy_start_session_opens_pop3_and_smtp(tmp_path: Path):
    text = """
IF EmailStartSession("ada@example.com", "pw", "pop.example.com", "smtp.example.com") THEN
\tEmail.Sender = "ada@example.com"
\tEmail.Recipient[1] = "ada@example.com"
\tEmail.Subject = "to myself"
\tEmailSendMessage("ada@example.com")
\tTrace(EmailNbMessage("ada@example.com"))
\tEmailCloseSession("ada@example.com")
END
"""
    outcome = run(text, outbox=str(tmp_path / "outbox"))
    assert lines(outcome) == ["0"]  # a POP3 count is fixed at sign-in, before the message was sent
    message = outcome.report()["messages"][0]
    assert (message["server"], message["auth"]) == ("smtp.example.com:25", "none")  # the SMTP half does not sign in


def test_seed_004_imap_example_runs_offline(tmp_path: Path):
    code = next(example for example in seed_examples("004") if "IMAP" in example)
    outcome = run(code, lenient=True, outbox=str(tmp_path / "outbox"))
    assert outcome.status == "ok"
    assert [(d.code, d.severity) for d in outcome.diagnostics] == [("undeclared", "warning")]
    # the token is obtained offline; the example never sets Name, which XOAUTH2 needs, so the
    # session does not open and the (empty) ELSE branch runs, as it would against Gmail
    assert outcome.report()["output"] == []
    assert outcome.report()["error_info"] == (
        "the IMAP server imap.gmail.com:993: an XOAUTH2 sign-in needs the mailbox address in Name"
    )


def test_the_same_example_with_a_name_opens_the_session(tmp_path: Path):
    code = next(example for example in seed_examples("004") if "IMAP" in example)
    code = code.replace("gMyIMAPSession.Option = optionSSL", 'gMyIMAPSession.Option = optionSSL\ngMyIMAPSession.Name = "me@gmail.com"')
    code = code.replace("\t// Session started", '\tTrace("opened", EmailNbMessage(gMyIMAPSession))')
    outcome = run(code, lenient=True, outbox=str(tmp_path / "outbox"))
    assert [e["text"] for e in outcome.report()["output"]] == ["opened 0"]
