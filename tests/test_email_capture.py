"""The email API end to end in capture mode (the default): every server a program names is stood in for on loopback."""

from __future__ import annotations

import email
import email.policy
import json
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import run, seed_examples
from .smtp_servers import smtp_server

SECRET = "Capture-pw-9f3a"
TOKEN = "ya29.token-value-never-shown"


def capture(text: str, tmp_path: Path, **options):
    outcome = run(text, outbox=str(tmp_path / "outbox"), **options)
    report = outcome.report()
    everything = json.dumps(report) + "".join(p.read_text(errors="replace") for p in (tmp_path / "outbox").rglob("*") if p.is_file())
    assert SECRET not in everything and TOKEN not in everything
    return outcome, report


def stored(report: dict, index: int = 0) -> email.message.EmailMessage:
    return email.message_from_bytes(Path(report["messages"][index]["eml"]).read_bytes(), policy=email.policy.default)


@pytest.mark.parametrize(
    ("option", "port", "security"),
    [("emailOptionDefault", 25, "plain"), ("emailProtocolSMTPS", 587, "starttls"), ("optionTLS", 465, "tls")],
)
def test_each_security_mode_is_captured(tmp_path: Path, option: str, port: int, security: str):
    text = f"""
S is emailSMTPSession
S.ServerAddress = "smtp.mail.example"
S.Option = {option}
S.Name = "ada@mail.example"
S.Password = "{SECRET}"
IF NOT S.StartSession() THEN Error(ErrorInfo())
M is Email
M.Sender = "ada@mail.example"
M.Recipient = "bob@example.org"
M.Subject = "mode test"
M.Message = "hi"
EmailSendMessage(S, M)
EmailCloseSession(S)
"""
    outcome, report = capture(text, tmp_path)
    assert outcome.status == "ok" and report["output"] == []
    message = report["messages"][0]
    assert message["server"] == f"smtp.mail.example:{port}"
    assert (message["security"], message["auth"], message["user"]) == (security, "plain", "ada@mail.example")
    assert stored(report)["Subject"] == "mode test"


def test_accents_bcc_and_attachments_are_encoded_properly(tmp_path: Path):
    attachment = tmp_path / "données été.txt"
    attachment.write_text("contenu", encoding="utf-8")
    text = f"""
S est un emailSessionSMTP
S.AdresseServeur = "smtp.exemple.fr"
S.OuvreSession()
M est un Email
M.Expéditeur = "Zoé Dupré <zoe@exemple.fr>"
Ajoute(M.Destinataire, "Élodie <elodie@exemple.fr>")
M.Cci.Ajoute("cache@exemple.fr")
M.Sujet = "Réunion — café ☕"
M.Message = "Bonjour à tous"
M.HTML = "<p>Bonjour <b>à tous</b></p>"
EmailChargeFichierAttaché(M, "{attachment}")
SI EmailEnvoieMessage(S, M) ALORS Trace("envoyé")
S.FermeSession()
"""
    outcome, report = capture(text, tmp_path)
    assert report["output"] == [{"kind": "trace", "text": "envoyé"}]
    assert report["messages"][0]["to"] == ["elodie@exemple.fr", "cache@exemple.fr"]
    raw = Path(report["messages"][0]["eml"]).read_bytes()
    assert b"cache@exemple.fr" not in raw  # Bcc is delivered, never written in the headers
    assert b"=?utf-8?" in raw  # accented headers are encoded words
    message = stored(report)
    assert str(message["From"]) == "Zoé Dupré <zoe@exemple.fr>"
    assert str(message["Subject"]) == "Réunion — café ☕"
    assert message.get_body(("plain",)).get_content().strip() == "Bonjour à tous"
    assert "<b>à tous</b>" in message.get_body(("html",)).get_content()
    (part,) = list(message.iter_attachments())
    assert part.get_filename() == "données été.txt" and part.get_content() == "contenu"


def test_legacy_api_with_the_email_structure(tmp_path: Path):
    text = f"""
EmailSetTimeOut(20)
IF EmailStartSMTPSession("ada@old.example", "{SECRET}", "smtp.old.example", 587, False, emailOptionSecuredTLS) THEN
\tEmail.Sender = "ada@old.example"
\tEmail.Recipient[1] = "bob@old.example"
\tEmail.Recipient[2] = "carol@old.example"
\tEmail.NbRecipient = 1
\tEmail.Subject = "legacy"
\tEmail.Message = "sent with the Email structure"
\tIF EmailSendMessage("ada@old.example") THEN Trace("sent", EmailGetTimeOut())
\tEmailCloseSession("ada@old.example")
END
Trace(EmailSendMessage("ada@old.example"), ErrorInfo())
"""
    outcome, report = capture(text, tmp_path)
    lines = [e["text"] for e in report["output"]]
    assert lines[0] == "sent 20"
    assert lines[1].startswith("0 no email session is open under the name 'ada@old.example'")
    message = report["messages"][0]
    assert (message["server"], message["security"], message["auth"]) == ("smtp.old.example:587", "starttls", "plain")
    assert message["to"] == ["bob@old.example"]  # NbRecipient = 1 uses only the first one


def test_start_smtp_session_without_a_password_does_not_sign_in(tmp_path: Path):
    text = 'EmailStartSMTPSession("me", "smtp.example.com", 25)\nEmail.Recipient[1] = "x@example.com"\nEmail.Sender = "me@example.com"\nEmailSendMessage("me")\n'
    outcome, report = capture(text, tmp_path)
    assert report["messages"][0]["auth"] == "none"


def test_xoauth2_refuses_a_token_the_embedded_provider_did_not_issue(tmp_path: Path):
    text = f"""
S is emailSMTPSession
S.ServerAddress = "smtp.gmail.com"
S.Port = 587
S.Option = emailProtocolSMTPS
S.Name = "ada@gmail.com"
S.AuthToken = "{TOKEN}"
IF NOT S.StartSession() THEN Trace(ErrorInfo())
Trace("{TOKEN}")
"""
    outcome, report = capture(text, tmp_path)
    lines = [e["text"] for e in report["output"]]
    assert lines[0].startswith("the SMTP server smtp.gmail.com:587 refused the sign-in of user 'ada@gmail.com': 535")
    assert "XOAUTH2 accepts only a valid token that AuthIdentify obtained" in lines[0]
    assert lines[1] == "********"  # a token is a secret, even when the program prints it


def test_asynchronous_sends_are_queued_and_drained(tmp_path: Path):
    text = """
S is emailSMTPSession
S.ServerAddress = "smtp.example.com"
S.Asynchronous = True
S.StartSession()
FOR i = 1 TO 3
\tM is Email
\tM.Sender = "a@example.com"
\tM.Recipient.Add("b@example.com")
\tM.Subject = "async " + i
\tIF EmailSendMessage(S, M) THEN Trace(M.ID)
END
Status is int = EmailStatus(M.ID)
Trace(Status = emailPending OR Status = emailSent)
EmailCloseSession(S)
Trace(EmailStatus(M.ID) = emailSent)
"""
    outcome, report = capture(text, tmp_path)
    assert [e["text"] for e in report["output"]] == ["1", "2", "3", "1", "1"]
    assert [m["subject"] for m in report["messages"]] == ["async 1", "async 2", "async 3"]


def test_sessions_left_open_are_closed_at_the_end(tmp_path: Path):
    text = 'S is emailSMTPSession\nS.ServerAddress = "smtp.example.com"\nS.StartSession()\nM is Email\nM.Recipient.Add("b@example.com")\nS.SendMessage(M)\n'
    outcome, report = capture(text, tmp_path)
    assert outcome.status == "ok" and len(report["messages"]) == 1


def test_build_and_import_source(tmp_path: Path):
    text = """
M is Email
M.Sender = "ada@example.com"
M.Recipient.Add("bob@example.com")
M.Bcc.Add("hidden@example.com")
M.Subject = "Résumé"
M.Message = "text"
M.BuildSource()
Trace(Position(M.Source, "hidden@example.com") = 0, Position(M.Source, "Subject:") > 0)
EmailBuildSource(M, emailOptionHeaderBcc)
Trace(Position(M.Source, "hidden@example.com") > 0)
N is Email
N.Source = M.Source
N.ImportSource()
Trace(N.Subject, N.Recipient[1], N.Sender)
"""
    outcome, report = capture(text, tmp_path)
    assert [e["text"] for e in report["output"]] == ["1 1", "1", "Résumé bob@example.com ada@example.com"]


def test_check_address_and_reset(tmp_path: Path):
    text = """
Trace(EmailCheckAddress("ada@example.com") = emailAddressValid, ErrorOccurred)
Trace(EmailCheckAddress("not an address") = emailAddressIncorrectSyntax, ErrorOccurred)
Email.Subject = "x"
EmailReset()
Trace("[" + Email.Subject + "]")
Trace(EmailConfigure(emailParameterMode, 1))
"""
    outcome, report = capture(text, tmp_path)
    assert [e["text"] for e in report["output"]] == ["1 0", "1 0", "[]", "1"]


def test_email_send_with_a_raw_source(tmp_path: Path):
    source = tmp_path / "message.eml"
    source.write_bytes(b"From: ada@example.com\r\nTo: bob@example.com\r\nSubject: raw\r\n\r\nhello\r\n")
    text = f'EmailStartSMTPSession("ada", "smtp.example.com")\nTrace(EmailSend("ada", "{source}"))\n'
    outcome, report = capture(text, tmp_path)
    assert report["output"][0]["text"] == "1"
    assert Path(report["messages"][0]["eml"]).read_bytes().endswith(b"hello\r\n")


def test_copying_an_email_variable_copies_it(tmp_path: Path):
    text = 'A is Email\nA.Subject = "one"\nB is Email\nB = A\nB.Subject = "two"\nC is Email <- A\nC.Subject = "three"\nTrace(A.Subject, B.Subject)\n'
    outcome, report = capture(text, tmp_path)
    assert report["output"][0]["text"] == "three two"


def test_redirect_to_one_server(tmp_path: Path):
    with smtp_server() as (port, handler):
        text = 'S is emailSMTPSession\nS.ServerAddress = "smtp.far-away.example"\nS.StartSession()\nM is Email\nM.Recipient.Add("b@example.com")\nEmailSendMessage(S, M)\n'
        outcome, report = capture(text, tmp_path, smtp=f"127.0.0.1:{port}")
    assert len(handler.messages) == 1
    assert report["messages"][0]["server"] == "smtp.far-away.example:25"


def test_unknown_member_is_a_compile_error_with_a_hint():
    from .conftest import checked

    found = checked('S is emailSMTPSession\nS.ServerAdress = "x"\n').diagnostics
    assert [(d.code, d.message, d.hint) for d in found] == [
        ("type", "emailSMTPSession has no property 'ServerAdress'", "did you mean 'ServerAddress'?")
    ]


def test_run_prints_a_summary_and_outbox_lists_it(tmp_path: Path):
    program = tmp_path / "send.wl"
    program.write_text(
        'S is emailSMTPSession\nS.ServerAddress = "smtp.example.com"\nS.StartSession()\nM is Email\n'
        'M.Sender = "a@example.com"\nM.Recipient.Add("b@example.com")\nM.Subject = "listed"\nEmailSendMessage(S, M)\n',
        encoding="utf-8",
    )
    done = subprocess.run([sys.executable, "-m", "wlinterp", "run", str(program)], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "1 message captured in wl-outbox/" in done.stderr
    listing = subprocess.run([sys.executable, "-m", "wlinterp", "outbox"], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert "listed" in listing.stdout and "smtp.example.com:25" in listing.stdout
    shown = subprocess.run([sys.executable, "-m", "wlinterp", "outbox", "show", "1"], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert "Subject: listed" in shown.stdout
    missing = subprocess.run([sys.executable, "-m", "wlinterp", "outbox", "show", "9"], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert missing.returncode == 2 and "Traceback" not in missing.stderr


# ------------------------------------------------------------------------------ the seed pages


def test_seed_000_runs_in_capture_mode_and_takes_the_else_branch(tmp_path: Path):
    code = seed_examples("000")[0]
    outcome, report = capture(code, tmp_path, lenient=True)
    assert outcome.status == "ok"
    assert report["output"] == [{"kind": "error", "text": "Unable to establish the connection"}]
    assert report["error_occurred"] is True
    assert report["error_info"] == "no SMTP server address: set ServerAddress before opening the session"
    assert [d.code for d in outcome.diagnostics] == ["undeclared", "undeclared"]


def test_seed_002_french_runs_the_same_way(tmp_path: Path):
    code = seed_examples("002")[0]
    outcome, report = capture(code, tmp_path, lenient=True)
    assert report["output"] == [{"kind": "error", "text": "Impossible d'établir la connexion"}]
    assert [d.code for d in outcome.diagnostics] == ["undeclared"]  # NomUser, a placeholder


def test_special_use_domains_are_addresses(tmp_path: Path):
    text = (
        'S is emailSMTPSession\nS.ServerAddress = "smtp.example.com"\nS.StartSession()\n'
        'M is Email\nM.Sender = "zoe@corp.local"\nM.Recipient.Add("ada@localhost")\nM.Subject = "x"\n'
        "Trace(EmailSendMessage(S, M))\n"
        'Trace(EmailCheckAddress("bob@example.test") = emailAddressValid)\n'
        'Trace(EmailCheckAddress("bob@-bad-.local") = emailAddressValid, EmailCheckAddress("b b@corp.local") = emailAddressValid)\n'
    )
    outcome = run(text, outbox=str(tmp_path / "box"))
    assert [e["text"] for e in outcome.report()["output"]] == ["1", "1", "0 0"]
    assert outcome.report()["messages"][0]["to"] == ["ada@localhost"]
