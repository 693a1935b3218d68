"""OAuth2 sign-in for email: AuthIdentify's code flow with PKCE against providers on loopback, offline and live."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import stat
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit

import httpx2
import pytest

from stdlib_email import oauth
from stdlib_email.capture import CaptureServer
from stdlib_email.oauth_server import EmbeddedAuthorizationServer
from stdlib_email.tls import CertificateAuthority

from .conftest import run, seed_examples
from .smtp_servers import free_port

CLIENT_SECRET = "client-SECRET-5c1e"


def program(auth_url: str, token_url: str, redirect: str, *, secret: str = CLIENT_SECRET, timeout: int = 10,
            after: str = "") -> str:
    return f"""
EmailSetTimeOut({timeout})
Params is OAuth2Parameters
Params.ClientID = "wlinterp-tests"
Params.ClientSecret = "{secret}"
Params.AuthURL = "{auth_url}"
Params.TokenURL = "{token_url}"
Params.Scope = "https://mail.example.com/"
Params.RedirectionURL = "{redirect}"
Params.ResponseType = oauth2ResponseTypeCode
Token is AuthToken = AuthIdentify(Params)
IF Token = Null THEN
\tTrace("failed: " + ErrorInfo())
ELSE
\tTrace("token", Token.Valid, Token.Refresh <> "", Token.ExpirationDate > SysDateTime())
{after}
END
"""


def lines(outcome) -> list[str]:
    return [entry["text"] for entry in outcome.report()["output"]]


def no_secrets(outcome, *more: str) -> None:
    text = json.dumps(outcome.report())
    for secret in (CLIENT_SECRET, *more):
        assert secret not in text


# ------------------------------------------------------------------------------ offline (capture mode)


def test_offline_sign_in_then_xoauth2_send_and_refresh(tmp_path: Path):
    after = """
\tS is emailSMTPSession
\tS.ServerAddress = "smtp.gmail.com"
\tS.Port = 587
\tS.Option = emailProtocolSMTPS
\tS.Name = "ada@gmail.com"
\tS.AuthToken = Token
\tIF S.StartSession() THEN
\t\tM is Email
\t\tM.Sender = "ada@gmail.com"
\t\tM.Recipient.Add("bob@example.com")
\t\tM.Subject = "signed in with OAuth"
\t\tTrace(EmailSendMessage(S, M))
\tEND
\tNewToken is AuthToken = AuthRefreshToken(Token)
\tTrace("refreshed", NewToken.Valid, NewToken.Value <> Token.Value)
\tOther is AuthToken = Token.RefreshToken()
\tTrace("refreshed again", Other.Valid)
"""
    text = program("https://accounts.google.com/o/oauth2/auth", "https://oauth2.googleapis.com/token",
                   "http://localhost:" + str(free_port()), after=after)
    outcome = run(text, outbox=str(tmp_path / "outbox"))
    assert lines(outcome) == ["token 1 1 1", "1", "refreshed 1 1", "refreshed again 1"]
    (message,) = outcome.report()["messages"]
    assert (message["auth"], message["user"], message["security"]) == ("xoauth2", "ada@gmail.com", "starttls")
    no_secrets(outcome)


def test_seed_001_runs_verbatim_offline(tmp_path: Path):
    code = seed_examples("001")[0]
    outcome = run(code, lenient=True, outbox=str(tmp_path / "outbox"))
    assert outcome.status == "ok", outcome.diagnostics
    assert outcome.diagnostics == []
    # the token came, the STARTTLS session on 587 opened with XOAUTH2; the example's Email has no
    # recipient (its body is "..."), so the send itself fails and says why
    assert outcome.report()["output"] == []
    assert outcome.report()["error_info"] == "the message has no recipient: fill Recipient, Cc or Bcc"


# ------------------------------------------------------------------------------ live providers on loopback


@contextlib.contextmanager
def provider(tmp_path: Path, **options) -> Iterator[EmbeddedAuthorizationServer]:
    """An authorization server in a thread of its own, standing for a real provider."""
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    server = EmbeddedAuthorizationServer(CertificateAuthority.load_or_create(tmp_path / "provider-ca"), **options)
    asyncio.run_coroutine_threadsafe(server.start(), loop).result(10)
    try:
        yield server
    finally:
        asyncio.run_coroutine_threadsafe(server.stop(), loop).result(10)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(10)
        loop.close()


def scripted_browser(tamper=None, follow: bool = True, calls: list[str] | None = None):
    """A browser that signs in: GET the authorization URL, then follow its redirect to the program's listener."""

    async def browse(url: str) -> None:
        if calls is not None:
            calls.append(url)
        if not follow:
            return
        async with httpx2.AsyncClient() as client:
            answer = await client.get(url)
            location = answer.headers["location"]
            if tamper is not None:
                location = tamper(location)
            await client.get(location)

    return browse


def endpoints(server: EmbeddedAuthorizationServer) -> tuple[str, str]:
    base = f"http://127.0.0.1:{server.http_port}"
    return base + "/authorize", base + "/token"


def test_live_flow_with_a_scripted_browser(tmp_path: Path, monkeypatch):
    calls: list[str] = []
    monkeypatch.setattr(oauth, "open_browser", scripted_browser(calls=calls))
    with provider(tmp_path, clients={"wlinterp-tests": CLIENT_SECRET}) as server:
        auth, token = endpoints(server)
        outcome = run(program(auth, token, f"http://127.0.0.1:{free_port()}/cb"), smtp="live")
    assert lines(outcome) == ["token 1 1 1"]
    query = dict(parse_qsl(urlsplit(calls[0]).query))
    assert query["code_challenge_method"] == "S256" and query["state"] and query["code_challenge"]
    no_secrets(outcome)


def test_live_sign_in_then_xoauth2_with_a_provider_checked_smtp_server(tmp_path: Path, monkeypatch):
    monkeypatch.setattr(oauth, "open_browser", scripted_browser())
    with provider(tmp_path, clients={"wlinterp-tests": CLIENT_SECRET}) as server:
        loop = asyncio.new_event_loop()
        thread = threading.Thread(target=loop.run_forever, daemon=True)
        thread.start()
        smtp = CaptureServer(tmp_path / "mailbox", server.authority, server.validate)
        asyncio.run_coroutine_threadsafe(smtp.start(), loop).result(10)
        try:
            auth, token = endpoints(server)
            after = f"""
\tS is emailSMTPSession
\tS.ServerAddress = "127.0.0.1"
\tS.Port = {smtp.plain_port}
\tS.Name = "ada@example.com"
\tS.AuthToken = Token
\tIF S.StartSession() THEN
\t\tM is Email
\t\tM.Recipient.Add("bob@example.com")
\t\tTrace(EmailSendMessage(S, M))
\tELSE
\t\tTrace(ErrorInfo())
\tEND
"""
            outcome = run(program(auth, token, f"http://localhost:{free_port()}", after=after), smtp="live")
        finally:
            asyncio.run_coroutine_threadsafe(smtp.stop(), loop).result(10)
            loop.call_soon_threadsafe(loop.stop)
            thread.join(10)
            loop.close()
    assert lines(outcome) == ["token 1 1 1", "1"]
    assert outcome.report()["messages"][0]["auth"] == "xoauth2"
    assert smtp.messages[0].auth == "xoauth2"


def test_consent_denied(tmp_path: Path, monkeypatch):
    monkeypatch.setattr(oauth, "open_browser", scripted_browser())
    with provider(tmp_path, deny_consent=True) as server:
        auth, token = endpoints(server)
        port = server.http_port
        outcome = run(program(auth, token, f"http://localhost:{free_port()}"), smtp="live")
    (line,) = lines(outcome)
    assert line.startswith(f"failed: the sign-in was refused at 127.0.0.1:{port}: consent denied")
    assert outcome.report()["error_occurred"] is True


def test_state_mismatch(tmp_path: Path, monkeypatch):
    def forge(location: str) -> str:
        parts = urlsplit(location)
        query = dict(parse_qsl(parts.query))
        query["state"] = "forged"
        return parts._replace(query=urlencode(query)).geturl()

    monkeypatch.setattr(oauth, "open_browser", scripted_browser(tamper=forge))
    with provider(tmp_path) as server:
        auth, token = endpoints(server)
        outcome = run(program(auth, token, f"http://localhost:{free_port()}"), smtp="live")
    assert lines(outcome) == ["failed: the sign-in came back with the wrong state: the answer was not for this request; try again"]


def test_wrong_client_secret(tmp_path: Path, monkeypatch):
    monkeypatch.setattr(oauth, "open_browser", scripted_browser())
    with provider(tmp_path, clients={"wlinterp-tests": "the-right-one"}) as server:
        auth, token = endpoints(server)
        port = server.http_port
        outcome = run(program(auth, token, f"http://localhost:{free_port()}"), smtp="live")
    assert lines(outcome) == [
        f"failed: the token endpoint 127.0.0.1:{port} refused the client: check ClientID and ClientSecret (invalid_client)"
    ]
    no_secrets(outcome, "the-right-one")


def test_unreachable_token_endpoint(tmp_path: Path, monkeypatch):
    monkeypatch.setattr(oauth, "open_browser", scripted_browser())
    nowhere = free_port()
    with provider(tmp_path) as server:
        auth, _token = endpoints(server)
        outcome = run(program(auth, f"http://127.0.0.1:{nowhere}/token", f"http://localhost:{free_port()}"), smtp="live")
    (line,) = lines(outcome)
    assert line.startswith(f"failed: cannot reach the token endpoint 127.0.0.1:{nowhere}")


def test_a_redirect_that_never_comes_is_bounded_by_the_email_timeout(tmp_path: Path, monkeypatch):
    monkeypatch.setattr(oauth, "open_browser", scripted_browser(follow=False))
    redirect = f"http://localhost:{free_port()}"
    with provider(tmp_path) as server:
        auth, token = endpoints(server)
        outcome = run(program(auth, token, redirect, timeout=1), smtp="live")
    assert lines(outcome) == [f"failed: the sign-in did not come back to {redirect} within 1 s (was the browser window closed?)"]


@pytest.mark.parametrize("redirect", ["https://example.com/callback", "http://192.0.2.7:9000", "http://localhost",
                                      "http://[127.0.0.1:9322/done", "http://localhost:99999"])
def test_redirection_url_must_be_on_loopback(tmp_path: Path, monkeypatch, redirect: str):
    calls: list[str] = []
    monkeypatch.setattr(oauth, "open_browser", scripted_browser(calls=calls))
    outcome = run(program("http://127.0.0.1:1/a", "http://127.0.0.1:1/t", redirect), smtp="live")
    (line,) = lines(outcome)
    assert line.startswith("failed: RedirectionURL must be a loopback address with a port")
    assert calls == []  # nothing was opened


@pytest.mark.parametrize(("field", "url"), [("AuthURL", "https://[login.example.com/a"),
                                             ("TokenURL", "https://login.example.com:99999/t"),
                                             ("TokenURL", "mailto:someone@example.com")])
def test_malformed_provider_urls_fail_in_wlanguage_terms(tmp_path: Path, monkeypatch, field: str, url: str):
    calls: list[str] = []
    monkeypatch.setattr(oauth, "open_browser", scripted_browser(calls=calls))
    urls = {"AuthURL": "http://127.0.0.1:1/a", "TokenURL": "http://127.0.0.1:1/t", field: url}
    outcome = run(program(urls["AuthURL"], urls["TokenURL"], f"http://localhost:{free_port()}"), smtp="live")
    assert lines(outcome) == [f"failed: OAuth2Parameters.{field} is not a web address: '{url}'"]
    assert calls == []


def test_expired_tokens_are_refused_by_the_capture_server(tmp_path: Path):
    with provider(tmp_path, token_lifetime=0.5) as server:
        loop = asyncio.new_event_loop()
        thread = threading.Thread(target=loop.run_forever, daemon=True)
        thread.start()

        async def fetch() -> dict:
            auth, token_url = endpoints(server)
            from authlib.integrations.httpx_client import AsyncOAuth2Client

            redirect = f"http://localhost:{free_port()}"
            async with AsyncOAuth2Client("c", "s", redirect_uri=redirect, code_challenge_method="S256") as client:
                verifier = "v" * 64
                url, state = client.create_authorization_url(auth, code_verifier=verifier)
                answer = await client.request("GET", url, withhold_token=True)
                return await client.fetch_token(token_url, authorization_response=answer.headers["location"],
                                                state=state, code_verifier=verifier)

        token = asyncio.run_coroutine_threadsafe(fetch(), loop).result(10)
        assert server.validate("ada", token["access_token"]) is True
        import time

        time.sleep(2.2)  # expires_in is whole seconds, and authlib counts from a whole second
        assert server.validate("ada", token["access_token"]) is False
        wl = oauth.AuthToken.from_response(dict(token), oauth.OAuth2Parameters())
        assert wl.valid is False
        loop.call_soon_threadsafe(loop.stop)
        thread.join(10)
        loop.close()


def test_token_cache_is_opt_in_and_owner_only(tmp_path: Path, monkeypatch):
    calls: list[str] = []
    monkeypatch.setattr(oauth, "open_browser", scripted_browser(calls=calls))
    cache = tmp_path / "tokens"
    with provider(tmp_path) as server:
        auth, token = endpoints(server)
        text = program(auth, token, f"http://localhost:{free_port()}")
        first = run(text, smtp="live", token_cache=str(cache))
        second = run(text, smtp="live", token_cache=str(cache))
        third = run(text, smtp="live")
    assert lines(first) == lines(second) == lines(third) == ["token 1 1 1"]
    assert len(calls) == 2  # the second run took the cached token; the third had no cache
    (stored,) = list(cache.iterdir())
    assert stat.S_IMODE(os.stat(stored).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(cache).st_mode) == 0o700


def test_verify_authentication_answers_without_a_browser(tmp_path: Path):
    # a free port: a fixed one may still be held in TIME-WAIT by an earlier connection
    text = f"""
P is OAuth2Parameters
P.ClientID = "app"
P.AuthURL = "https://login.example.com/a"
P.TokenURL = "https://login.example.com/t"
P.RedirectionURL = "http://localhost:{free_port()}"
Before is AuthToken = AuthVerifyAuthentication(P)
Trace("before:", Before.Valid)
T is AuthToken = AuthIdentify(P)
After is AuthToken = AuthVerifyAuthentication(P)
Trace("after:", After.Valid, After.Value = T.Value)
"""
    outcome = run(text, outbox=str(tmp_path / "outbox"))
    assert lines(outcome) == ["before: 0", "after: 1 1"]


def test_a_profile_name_alone_is_ms_exchange_and_fails_here():
    outcome = run('Trace(EmailStartSession("Outlook profile"), ErrorInfo())\n')
    assert lines(outcome)[0].startswith("0 MS Exchange sessions are not available on this platform")
