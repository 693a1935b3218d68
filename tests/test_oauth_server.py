"""The embedded OAuth2 authorization server, driven by real clients (httpx2, authlib) on loopback."""

from __future__ import annotations

import asyncio
import base64
import contextlib
import hashlib
import logging
import secrets
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx2
import pytest
from authlib.integrations.httpx_client import AsyncOAuth2Client

from stdlib_email import oauth_server
from stdlib_email.oauth_server import EmbeddedAuthorizationServer, is_loopback_redirect
from stdlib_email.tls import CertificateAuthority

from .capture_helpers import LOOPBACK, run_bounded, watch_loop_errors

AUTH_URL = "https://accounts.google.com/o/oauth2/auth"
TOKEN_URL = "https://oauth2.googleapis.com/token"
CLIENT_ID = "1234-wlinterp.apps.googleusercontent.com"
CLIENT_SECRET = "GOCSPX-very-secret-client-secret"
REDIRECT_URI = "http://localhost:9000/callback"
SCOPE = "https://mail.google.com/"
CLIENTS = {CLIENT_ID: CLIENT_SECRET}


@pytest.fixture(scope="module")
def authority(tmp_path_factory: pytest.TempPathFactory) -> CertificateAuthority:
    return CertificateAuthority.load_or_create(tmp_path_factory.mktemp("ca"))


# ---------------------------------------------------------------------- helpers


class LoopbackTransport(httpx2.AsyncBaseTransport):
    """Sends every request to the embedded server, keeping the URL's host name for Host and for TLS SNI."""

    def __init__(self, server: EmbeddedAuthorizationServer, authority: CertificateAuthority):
        self._server = server
        self._inner = httpx2.AsyncHTTPTransport(verify=authority.client_context())

    async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
        host = request.url.host
        secure = request.url.scheme == "https"
        port = self._server.https_port if secure else self._server.http_port
        # the Host header was set from the original URL when the request was built; it stays
        request.url = request.url.copy_with(host=LOOPBACK, port=port)
        if secure:
            # httpcore2 uses it as server_hostname: the SNI sent and the name the certificate is checked against
            request.extensions["sni_hostname"] = host
        return await self._inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self._inner.aclose()


@contextlib.asynccontextmanager
async def serving(
    authority: CertificateAuthority, **options: Any
) -> AsyncIterator[tuple[EmbeddedAuthorizationServer, httpx2.AsyncClient]]:
    """A running server, and an httpx2 client whose every request reaches it."""
    options.setdefault("clients", CLIENTS)
    async with EmbeddedAuthorizationServer(authority, **options) as server:
        transport = LoopbackTransport(server, authority)
        async with httpx2.AsyncClient(transport=transport, timeout=5.0) as client:
            yield server, client


def pkce_pair() -> tuple[str, str]:
    verifier = secrets.token_urlsafe(48)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    return verifier, challenge


def authorization_params(challenge: str | None, **changes: str) -> dict[str, str]:
    params = {
        "response_type": "code",
        "client_id": CLIENT_ID,
        "redirect_uri": REDIRECT_URI,
        "scope": SCOPE,
        "state": "st-4711",
        "access_type": "offline",
    }
    if challenge is not None:
        params |= {"code_challenge": challenge, "code_challenge_method": "S256"}
    params |= changes
    return {name: value for name, value in params.items() if value != ""}


def redirected_to(response: httpx2.Response) -> tuple[str, dict[str, str]]:
    """Where a 302 sends the browser: the URL without its query, and the query's fields."""
    assert response.status_code == 302, response.text
    location = httpx2.URL(response.headers["location"])
    return str(location.copy_with(query=None)), dict(location.params)


async def authorize(client: httpx2.AsyncClient, challenge: str | None = None, **changes: str) -> str:
    """The code of one automatically consented authorization request."""
    response = await client.get(AUTH_URL, params=authorization_params(challenge, **changes))
    _, fields = redirected_to(response)
    return fields["code"]


async def exchange(
    client: httpx2.AsyncClient, code: str, verifier: str | None, *, secret: str = CLIENT_SECRET, basic: bool = True
) -> httpx2.Response:
    data = {"grant_type": "authorization_code", "code": code, "redirect_uri": REDIRECT_URI}
    if verifier is not None:
        data["code_verifier"] = verifier
    if basic:
        return await client.post(TOKEN_URL, data=data, auth=(CLIENT_ID, secret))
    return await client.post(TOKEN_URL, data=data | {"client_id": CLIENT_ID, "client_secret": secret})


async def tokens(client: httpx2.AsyncClient) -> dict[str, Any]:
    """A whole code flow with PKCE; the token response."""
    verifier, challenge = pkce_pair()
    code = await authorize(client, challenge)
    response = await exchange(client, code, verifier)
    assert response.status_code == 200, response.text
    return response.json()


async def raw_exchange(port: int, data: bytes, *, read: bool = True) -> bytes:
    """Send raw bytes to the plain HTTP port; what comes back before the server closes."""
    reader, writer = await asyncio.open_connection(LOOPBACK, port)
    try:
        writer.write(data)
        await writer.drain()
        return await asyncio.wait_for(reader.read(), 5.0) if read else b""
    finally:
        writer.close()
        with contextlib.suppress(OSError):
            await writer.wait_closed()


# ---------------------------------------------------------------------- the code flow


def test_code_flow_with_pkce_over_https_with_a_foreign_sni_name(authority: CertificateAuthority) -> None:
    async def scenario() -> None:
        async with EmbeddedAuthorizationServer(authority, clients=CLIENTS) as server:
            base = f"https://{LOOPBACK}:{server.https_port}"
            verifier, challenge = pkce_pair()
            # without a custom transport: dial loopback, name Google in Host and SNI
            async with httpx2.AsyncClient(verify=authority.client_context(), timeout=5.0) as client:
                response = await client.get(
                    f"{base}/o/oauth2/auth",
                    params=authorization_params(challenge),
                    headers={"Host": "accounts.google.com"},
                    extensions={"sni_hostname": "accounts.google.com"},
                )
                certificate = response.extensions["network_stream"].get_extra_info("ssl_object").getpeercert()
                assert ("DNS", "accounts.google.com") in certificate["subjectAltName"]
                assert response.reason_phrase == "Found"
                target, fields = redirected_to(response)
                assert target == REDIRECT_URI
                assert fields["state"] == "st-4711"

                response = await client.post(
                    f"{base}/token",
                    data={
                        "grant_type": "authorization_code",
                        "code": fields["code"],
                        "redirect_uri": REDIRECT_URI,
                        "code_verifier": verifier,
                    },
                    auth=(CLIENT_ID, CLIENT_SECRET),
                    headers={"Host": "oauth2.googleapis.com"},
                    extensions={"sni_hostname": "oauth2.googleapis.com"},
                )
            assert response.status_code == 200, response.text
            assert response.headers["cache-control"] == "no-store"
            token = response.json()
            assert token["token_type"] == "Bearer"
            assert token["expires_in"] == 3600
            assert token["scope"] == SCOPE
            assert len(token["access_token"]) >= 40 and len(token["refresh_token"]) >= 40
            assert server.validate("someone@gmail.com", token["access_token"])
            assert not server.validate("someone@gmail.com", "ya29.made-up-token")
            assert not server.validate("someone@gmail.com", token["refresh_token"])

    run_bounded(scenario)


def test_client_secret_post_and_the_plain_http_port(authority: CertificateAuthority) -> None:
    async def scenario() -> None:
        async with serving(authority) as (server, client):
            verifier, challenge = pkce_pair()
            response = await client.get("http://login.example.test/auth", params=authorization_params(challenge))
            code = redirected_to(response)[1]["code"]
            response = await exchange(client, code, verifier, basic=False)
            assert response.status_code == 200, response.text
            assert server.validate("u", response.json()["access_token"])

    run_bounded(scenario)


def test_refresh_issues_a_fresh_access_token_and_rotates_the_refresh_token(authority: CertificateAuthority) -> None:
    async def scenario() -> None:
        async with serving(authority) as (server, client):
            first = await tokens(client)
            data = {"grant_type": "refresh_token", "refresh_token": first["refresh_token"]}
            response = await client.post(TOKEN_URL, data=data, auth=(CLIENT_ID, CLIENT_SECRET))
            assert response.status_code == 200, response.text
            second = response.json()
            assert second["access_token"] != first["access_token"]
            assert second["refresh_token"] != first["refresh_token"]
            assert second["scope"] == SCOPE
            assert server.validate("u", second["access_token"])
            # the refresh token presented is retired
            response = await client.post(TOKEN_URL, data=data, auth=(CLIENT_ID, CLIENT_SECRET))
            assert (response.status_code, response.json()["error"]) == (400, "invalid_grant")

    run_bounded(scenario)


def test_without_refresh_tokens(authority: CertificateAuthority) -> None:
    async def scenario() -> None:
        async with serving(authority, refresh_tokens=False) as (_, client):
            token = await tokens(client)
            assert "refresh_token" not in token
            data = {"grant_type": "refresh_token", "refresh_token": "anything"}
            response = await client.post(TOKEN_URL, data=data, auth=(CLIENT_ID, CLIENT_SECRET))
            assert (response.status_code, response.json()["error"]) == (400, "unsupported_grant_type")

    run_bounded(scenario)


def test_access_tokens_expire(authority: CertificateAuthority) -> None:
    async def scenario() -> None:
        async with serving(authority, token_lifetime=0.2) as (server, client):
            token = await tokens(client)
            assert token["expires_in"] == 1  # whole seconds, rounded up
            assert server.validate("u", token["access_token"])
            await asyncio.sleep(0.3)
            assert not server.validate("u", token["access_token"])

    run_bounded(scenario)


def test_public_client_needs_pkce_and_no_secret(authority: CertificateAuthority) -> None:
    async def scenario() -> None:
        async with serving(authority, clients={"desktop-app": ""}) as (server, client):
            verifier, challenge = pkce_pair()
            code = await authorize(client, challenge, client_id="desktop-app")
            data = {"grant_type": "authorization_code", "code": code, "redirect_uri": REDIRECT_URI}
            response = await client.post(TOKEN_URL, data=data | {"client_id": "desktop-app", "code_verifier": verifier})
            assert response.status_code == 200, response.text
            assert server.validate("u", response.json()["access_token"])

            code = await authorize(client, None, client_id="desktop-app")
            response = await client.post(TOKEN_URL, data=data | {"code": code, "client_id": "desktop-app"})
            assert (response.status_code, response.json()["error"]) == (400, "invalid_request")

    run_bounded(scenario)


def test_without_a_client_list_any_client_passes(authority: CertificateAuthority) -> None:
    async def scenario() -> None:
        async with serving(authority, clients=None) as (server, client):
            verifier, challenge = pkce_pair()
            code = await authorize(client, challenge, client_id="whatever-the-program-says")
            data = {"grant_type": "authorization_code", "code": code, "redirect_uri": REDIRECT_URI}
            data |= {"code_verifier": verifier}
            response = await client.post(TOKEN_URL, data=data, auth=("whatever-the-program-says", "any secret"))
            assert response.status_code == 200, response.text
            assert server.validate("u", response.json()["access_token"])

    run_bounded(scenario)


# ---------------------------------------------------------------------- refusals


def test_denied_consent_redirects_with_access_denied(authority: CertificateAuthority) -> None:
    async def scenario() -> None:
        async with serving(authority, deny_consent=True) as (_, client):
            _, challenge = pkce_pair()
            response = await client.get(AUTH_URL, params=authorization_params(challenge))
            target, fields = redirected_to(response)
            assert target == REDIRECT_URI
            assert fields["error"] == "access_denied"
            assert fields["error_description"]
            assert fields["state"] == "st-4711"
            assert "code" not in fields

    run_bounded(scenario)


@pytest.mark.parametrize("basic", [True, False], ids=["client_secret_basic", "client_secret_post"])
def test_wrong_client_secret_is_invalid_client(authority: CertificateAuthority, basic: bool) -> None:
    async def scenario() -> None:
        async with serving(authority) as (_, client):
            verifier, challenge = pkce_pair()
            code = await authorize(client, challenge)
            response = await exchange(client, code, verifier, secret="not-the-secret", basic=basic)
            assert response.status_code == 401
            assert response.json()["error"] == "invalid_client"
            assert response.headers["www-authenticate"].startswith("Basic ")

    run_bounded(scenario)


def test_wrong_code_verifier_reused_and_expired_codes_are_invalid_grant(authority: CertificateAuthority) -> None:
    async def scenario() -> None:
        async with serving(authority, code_lifetime=0.2) as (_, client):
            verifier, challenge = pkce_pair()
            code = await authorize(client, challenge)
            response = await exchange(client, code, pkce_pair()[0])
            assert (response.status_code, response.json()["error"]) == (400, "invalid_grant")
            # one attempt per code: the right verifier comes too late
            response = await exchange(client, code, verifier)
            assert (response.status_code, response.json()["error"]) == (400, "invalid_grant")

            code = await authorize(client, challenge)
            assert (await exchange(client, code, verifier)).status_code == 200
            response = await exchange(client, code, verifier)
            assert (response.status_code, response.json()["error"]) == (400, "invalid_grant")

            code = await authorize(client, challenge)
            await asyncio.sleep(0.3)
            response = await exchange(client, code, verifier)
            assert (response.status_code, response.json()["error"]) == (400, "invalid_grant")

            code = await authorize(client, challenge)
            data = {"grant_type": "authorization_code", "code": code, "redirect_uri": "http://localhost:9001/other"}
            response = await client.post(
                TOKEN_URL, data=data | {"code_verifier": verifier}, auth=(CLIENT_ID, CLIENT_SECRET)
            )
            assert (response.status_code, response.json()["error"]) == (400, "invalid_grant")

    run_bounded(scenario)


@pytest.mark.parametrize(
    "redirect_uri",
    [
        "https://evil.example/callback",
        "http://localhost.evil.example:9000/cb",
        "http://user@localhost:9000/cb",
        "http://localhost:9000/cb#fragment",
        "http://localhost:notaport/cb",
        "urn:ietf:wg:oauth:2.0:oob",
        'http://localhost:9000/"quoted"',
    ],
)
def test_non_loopback_redirect_uri_is_refused_without_redirecting(
    authority: CertificateAuthority, redirect_uri: str
) -> None:
    async def scenario() -> None:
        async with serving(authority) as (_, client):
            _, challenge = pkce_pair()
            response = await client.get(AUTH_URL, params=authorization_params(challenge, redirect_uri=redirect_uri))
            assert response.status_code == 400
            assert "location" not in response.headers
            assert response.json()["error"] == "invalid_request"

    run_bounded(scenario)


def test_loopback_redirect_uris() -> None:
    for good in ("http://localhost:9000/cb", "http://127.0.0.1:50123/", "http://[::1]:8080/x?y=1", "http://localhost/"):
        assert is_loopback_redirect(good), good
    for bad in ("https://localhost:9000/", "http://127.0.0.2.nip.io/", "http://localhost:9000/é", "http://[::1", ""):
        assert not is_loopback_redirect(bad), bad


@pytest.mark.parametrize(
    ("changes", "error"),
    [
        ({"client_id": "unknown-client"}, "invalid_client"),
        ({"redirect_uri": ""}, "invalid_request"),
        ({"code_challenge_method": "plain"}, "invalid_request"),
        ({"code_challenge_method": ""}, "invalid_request"),  # a challenge without a method means plain
        ({"code_challenge": "too-short"}, "invalid_request"),
        ({"response_type": "token"}, "unsupported_response_type"),
    ],
)
def test_bad_authorization_requests(authority: CertificateAuthority, changes: dict[str, str], error: str) -> None:
    async def scenario() -> None:
        async with serving(authority) as (_, client):
            _, challenge = pkce_pair()
            response = await client.get(AUTH_URL, params=authorization_params(challenge, **changes))
            if response.status_code == 302:  # the redirect URI was valid: the error goes back to the client
                _, fields = redirected_to(response)
                assert (fields["error"], fields["state"]) == (error, "st-4711")
            else:
                assert (response.status_code, response.json()["error"]) == (400, error)

    run_bounded(scenario)


# ---------------------------------------------------------------------- robustness


MALFORMED = {
    "garbage": (b"NONSENSE\r\n\r\n", b"400"),
    "header too large": (b"GET /auth HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 20_000 + b"\r\n\r\n", b"431"),
    "declared body too large": (b"POST /token HTTP/1.1\r\nHost: x\r\nContent-Length: 10000000\r\n\r\n", b"413"),
    "chunked body too large": (
        b"POST /token HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
        + (b"4000\r\n" + b"a" * 0x4000 + b"\r\n") * 5,
        b"413",
    ),
    "form not UTF-8": (
        (
            b"POST /token HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
            b"Content-Length: 20\r\n\r\ngrant_type=%ff%fe%fd"
        ),
        b"400",
    ),
    "query not UTF-8": (b"GET /auth?response_type=code&client_id=%ff HTTP/1.1\r\nHost: x\r\n\r\n", b"400"),
    "too many fields": (
        b"GET /auth?" + b"&".join(b"f%d=1" % i for i in range(200)) + b" HTTP/1.1\r\nHost: x\r\n\r\n",
        b"400",
    ),
    "neither authorization nor token": (b"GET /favicon.ico HTTP/1.1\r\nHost: x\r\n\r\n", b"400"),
    "no grant_type": (b"POST /token HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n", b"400"),
    "other method": (b"DELETE /token HTTP/1.1\r\nHost: x\r\n\r\n", b"400"),
    "bad basic credentials": (
        (
            b"POST /token HTTP/1.1\r\nHost: x\r\nAuthorization: Basic !!!notbase64\r\n"
            b"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 38\r\n\r\n"
            b"grant_type=authorization_code&code=abc"
        ),
        b"401",
    ),
    "asterisk target": (b"OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n", b"400"),
}


def test_malformed_requests_are_answered_without_tracebacks(
    authority: CertificateAuthority, caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]
) -> None:
    caplog.set_level(logging.DEBUG)

    async def scenario() -> dict[str, bytes]:
        loop_errors = watch_loop_errors()
        answers = {}
        async with EmbeddedAuthorizationServer(authority, clients=CLIENTS) as server:
            for name, (request, _) in MALFORMED.items():
                answers[name] = await raw_exchange(server.http_port, request)
            # clients that go away: before, during and after their request
            await raw_exchange(server.http_port, b"", read=False)
            await raw_exchange(server.http_port, b"GET /auth?response_type=co", read=False)
            await raw_exchange(server.http_port, b"GET /x HTTP/1.1\r\nHost: x\r\n\r\n", read=False)
            reader, writer = await asyncio.open_connection(LOOPBACK, server.https_port)  # no TLS at all
            writer.write(b"GET / HTTP/1.1\r\n\r\n")
            await asyncio.wait_for(reader.read(), 5.0)
            writer.close()
            await asyncio.sleep(0.05)
            # still serving
            response = await raw_exchange(server.http_port, b"GET /x HTTP/1.1\r\nHost: x\r\n\r\n")
            assert response.startswith(b"HTTP/1.1 400 ")
        assert loop_errors == []
        return answers

    answers = run_bounded(scenario)
    for name, (_, status) in MALFORMED.items():
        assert answers[name].startswith(b"HTTP/1.1 " + status + b" "), (name, answers[name][:200])
    assert not [record for record in caplog.records if record.levelno >= logging.ERROR]
    # in debug mode (-X dev) asyncio itself logs each failed TLS handshake with its traceback, at DEBUG
    ours = [record for record in caplog.records if record.name != "asyncio"]
    assert not [record for record in ours if record.exc_info or "Traceback" in record.getMessage()]
    assert "Traceback" not in capsys.readouterr().err


def test_a_slow_client_is_cut_off(authority: CertificateAuthority, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(oauth_server, "REQUEST_TIMEOUT", 0.2)

    async def scenario() -> None:
        async with EmbeddedAuthorizationServer(authority) as server:
            reader, writer = await asyncio.open_connection(LOOPBACK, server.http_port)
            writer.write(b"POST /token HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\ngrant_type=")
            answer = await asyncio.wait_for(reader.read(), 5.0)
            assert answer.startswith(b"HTTP/1.1 408 ")
            writer.close()

            reader, writer = await asyncio.open_connection(LOOPBACK, server.http_port)
            writer.write(b"GET /auth?resp")
            answer = await asyncio.wait_for(reader.read(), 5.0)
            assert answer.startswith(b"HTTP/1.1 408 ")
            writer.close()

    run_bounded(scenario)


def test_stop_cuts_open_connections(authority: CertificateAuthority) -> None:
    async def scenario() -> None:
        loop_errors = watch_loop_errors()
        server = EmbeddedAuthorizationServer(authority)
        await server.start()
        _, plain = await asyncio.open_connection(LOOPBACK, server.http_port)
        plain.write(b"GET /auth?response_type=code HTTP/1.1\r\n")
        context = authority.client_context()
        _, tls = await asyncio.open_connection(
            LOOPBACK, server.https_port, ssl=context, server_hostname="accounts.google.com"
        )
        await asyncio.sleep(0.05)
        started = asyncio.get_running_loop().time()
        await server.stop()
        assert asyncio.get_running_loop().time() - started < 2.0
        for writer in (plain, tls):
            writer.close()
        await asyncio.sleep(0.05)
        assert loop_errors == []
        with pytest.raises(RuntimeError):
            _ = server.https_port

    run_bounded(scenario)


@pytest.fixture
def quiet_httpcore2() -> Iterator[None]:
    """httpcore2 (the client's side, not this server) logs response headers at DEBUG, the Location that carries the code included."""
    logger = logging.getLogger("httpcore2")
    level = logger.level
    logger.setLevel(logging.INFO)
    yield
    logger.setLevel(level)


@pytest.mark.usefixtures("quiet_httpcore2")
def test_no_secret_reaches_the_logs(authority: CertificateAuthority, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    secrets_seen: list[str] = [CLIENT_SECRET]

    async def scenario() -> EmbeddedAuthorizationServer:
        async with serving(authority) as (server, client):
            verifier, challenge = pkce_pair()
            code = await authorize(client, challenge)
            response = await exchange(client, code, verifier)
            first = response.json()
            response = await client.post(
                TOKEN_URL,
                data={"grant_type": "refresh_token", "refresh_token": first["refresh_token"]},
                auth=(CLIENT_ID, CLIENT_SECRET),
            )
            second = response.json()
            await exchange(client, code, verifier)  # reused
            await exchange(client, await authorize(client, challenge), verifier, secret="wrong-" + CLIENT_SECRET)
            secrets_seen.extend([verifier, code, first["access_token"], first["refresh_token"]])
            secrets_seen.extend([second["access_token"], second["refresh_token"]])
            return server

    server = run_bounded(scenario)
    assert "Issue token" in caplog.text, "authlib's token log is expected (masked)"
    logged = caplog.text + "\n".join(repr(record.args) for record in caplog.records)
    for secret in secrets_seen:
        assert secret not in logged
        assert secret not in repr(server) and secret not in repr(server.__dict__)


# ---------------------------------------------------------------------- authlib's own client


def test_authlib_async_oauth2_client_against_the_server(authority: CertificateAuthority) -> None:
    async def scenario() -> None:
        async with EmbeddedAuthorizationServer(authority, clients=CLIENTS) as server:
            client = AsyncOAuth2Client(
                client_id=CLIENT_ID,
                client_secret=CLIENT_SECRET,
                scope=SCOPE,
                redirect_uri=REDIRECT_URI,
                code_challenge_method="S256",
                transport=LoopbackTransport(server, authority),
                timeout=5.0,
            )
            async with client:
                verifier = secrets.token_urlsafe(48)
                url, state = client.create_authorization_url(AUTH_URL, code_verifier=verifier, access_type="offline")
                response = await client.request("GET", url, withhold_token=True)
                assert response.status_code == 302
                token = await client.fetch_token(
                    TOKEN_URL, authorization_response=response.headers["location"], code_verifier=verifier, state=state
                )
                assert server.validate("me@gmail.com", token["access_token"])
                refreshed = await client.refresh_token(TOKEN_URL)
                assert refreshed["access_token"] != token["access_token"]
                assert server.validate("me@gmail.com", refreshed["access_token"])

                # a verifier that does not match the challenge is authlib's OAuthError "invalid_grant"
                url, state = client.create_authorization_url(AUTH_URL, code_verifier=verifier)
                response = await client.request("GET", url, withhold_token=True)
                with pytest.raises(Exception, match="invalid_grant"):
                    await client.fetch_token(
                        TOKEN_URL,
                        authorization_response=response.headers["location"],
                        code_verifier=secrets.token_urlsafe(48),
                        state=state,
                    )

    run_bounded(scenario)


def test_the_module_says_what_it_owns() -> None:
    source = Path(oauth_server.__file__).read_text(encoding="utf-8")
    assert oauth_server.__doc__ and oauth_server.__doc__.splitlines()[0].endswith(".")
    assert "print(" not in source
