"""OAuth 2.0 sign-in for email (OAuth2Parameters, AuthToken, AuthIdentify, AuthRefreshToken) with authlib's client.

AuthIdentify runs the authorization-code flow with PKCE and ``state``: it listens on the
loopback address of ``RedirectionURL``, sends the user's browser to ``AuthURL``, takes the code
that comes back and exchanges it at ``TokenURL``. In capture mode an embedded authorization
server stands in for both URLs and a scripted browser consents, so the flow runs offline and
for real. Tokens are secrets: they are registered with the runtime, which masks them in
everything it shows.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import secrets
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, urlsplit

from wlinterp import semantics as sem
from wlinterp.registry import REGISTRY, Idiom, Member, names
from wlinterp.runtime import Runtime
from wlinterp.values import WLDateTime, WLObject

from . import idioms
from .errors import EmailFailure
from .service import MailService

if TYPE_CHECKING:  # pragma: no cover
    import asyncio

__all__ = ["OAuth2Parameters", "AuthToken", "identify", "refresh"]

RESPONSE_TYPE_CODE = "code"
REGISTRY.constant("oauth2ResponseTypeCode", value=RESPONSE_TYPE_CODE, idiom=Idiom('"code"'))

_LOOPBACK = {"localhost", "127.0.0.1", "::1", "[::1]"}


class OAuth2Parameters(WLObject):
    """What an OAuth 2.0 sign-in needs: the client, the two endpoints, the scope and where the code comes back."""

    wl_type = "OAuth2Parameters"

    def __init__(self) -> None:
        self.client_id = ""
        self.client_secret = ""
        self.auth_url = ""
        self.token_url = ""
        self.scope = ""
        self.redirection_url = ""
        self.response_type: Any = RESPONSE_TYPE_CODE
        self.additional_parameters = ""

    def copy(self) -> OAuth2Parameters:
        clone = OAuth2Parameters()
        clone.__dict__.update(self.__dict__)
        return clone


class AuthToken(WLObject):
    """An access token, with what came with it: expiry, refresh token, scope, the server's answer."""

    wl_type = "AuthToken"

    def __init__(self, value: str = "", refresh: str = "", expires: dt.datetime | None = None, scope: str = "",
                 token_type: str = "Bearer", server_response: str = "", parameters: OAuth2Parameters | None = None):
        self.value = value
        self.refresh = refresh
        self._expires = expires
        self.scope = scope
        self.token_type = token_type
        self.server_response = server_response
        self.parameters = parameters  # to refresh it later

    @property
    def expiration_date(self) -> WLDateTime | None:
        return WLDateTime(self._expires.astimezone().replace(tzinfo=None)) if self._expires else None

    @property
    def valid(self) -> bool:
        """There is a token and it has not expired."""
        return bool(self.value) and (self._expires is None or self._expires > dt.datetime.now(dt.UTC))

    def refresh_token(self, rt: Runtime) -> AuthToken | None:
        """<AuthToken>.RefreshToken(): a new token from the refresh token, or Null with ErrorOccurred."""
        return auth_refresh_token(rt, self)

    def copy(self) -> AuthToken:
        clone = AuthToken()
        clone.__dict__.update(self.__dict__)
        return clone

    def wl_string(self) -> str:
        return "AuthToken"  # never the token itself

    def __repr__(self) -> str:
        return f"AuthToken(valid={self.valid}, expires={self._expires})"

    @classmethod
    def from_response(cls, response: dict[str, Any], parameters: OAuth2Parameters, previous_refresh: str = "") -> AuthToken:
        expires_at = response.get("expires_at")
        expires_in = response.get("expires_in")
        expires: dt.datetime | None = None
        if expires_at:
            expires = dt.datetime.fromtimestamp(float(expires_at), dt.UTC)
        elif expires_in:
            expires = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=float(expires_in))
        shown = {k: ("…" if k in ("access_token", "refresh_token", "id_token") else v) for k, v in response.items()}
        return cls(
            str(response.get("access_token", "")), str(response.get("refresh_token") or previous_refresh), expires,
            str(response.get("scope", "")), str(response.get("token_type", "Bearer")), json.dumps(shown), parameters,
        )


def _secret(rt: Runtime, *values: str) -> None:
    for value in values:
        if value:
            rt.register_secret(value)


# ------------------------------------------------------------------------------ the flow


class _Redirect:
    """The loopback listener RedirectionURL names: it waits for the browser to bring the code back."""

    def __init__(self, url: str):
        try:
            parts = urlsplit(url)
            host = (parts.hostname or "").lower()
            port = parts.port
        except ValueError:  # "localhost:99999", "localhost:80x", "http://[127.0.0.1:80"
            parts, host, port = urlsplit(""), "", None
        if parts.scheme != "http" or host not in _LOOPBACK or not port:
            raise EmailFailure(
                f"RedirectionURL must be a loopback address with a port, such as http://localhost:9000 "
                f"(got '{url}'): the code comes back to this machine"
            )
        self.url = url
        self.host = "127.0.0.1" if host == "localhost" else host.strip("[]")
        self.port = port
        self.path = parts.path or "/"
        self.arrived: asyncio.Future[str] | None = None
        self._server: asyncio.AbstractServer | None = None

    async def __aenter__(self) -> _Redirect:
        import asyncio  # noqa: PLC0415 - runs without OAuth do not load asyncio

        loop = asyncio.get_running_loop()
        self.arrived = loop.create_future()
        try:
            self._server = await asyncio.start_server(self._handle, self.host, self.port)
        except OSError as exc:
            raise EmailFailure(
                f"cannot listen on {self.host}:{self.port} for the OAuth redirect ({exc.strerror or exc}); "
                "is another program using that port?"
            ) from None
        return self

    async def __aexit__(self, *_exc: object) -> None:
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        import asyncio  # noqa: PLC0415

        try:
            request = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 10)
            target = request.split(b" ", 2)[1].decode("latin-1")
            query = dict(parse_qsl(urlsplit(target).query))
            answered = "code" in query or "error" in query
            page = "You can close this window and return to the program." if answered else "Waiting for the sign-in."
            body = f"<html><body><p>{page}</p></body></html>".encode()
            writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nConnection: close\r\n"
                         + f"Content-Length: {len(body)}\r\n\r\n".encode() + body)
            await writer.drain()
            if answered and self.arrived is not None and not self.arrived.done():
                self.arrived.set_result(f"http://{self.host}:{self.port}{target}")
        except (TimeoutError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, IndexError, OSError):
            pass  # a stray connection (a favicon, a port scan) is not the redirect
        finally:
            writer.close()


Browser = Callable[[str], Awaitable[None] | None]


async def _authorize(parameters: OAuth2Parameters, timeout: float, routing: Any, browser: Browser) -> dict[str, Any]:
    import asyncio  # noqa: PLC0415

    from authlib.integrations.base_client import OAuthError  # noqa: PLC0415 - loaded only for AuthIdentify
    from authlib.integrations.httpx_client import AsyncOAuth2Client  # noqa: PLC0415
    from authlib.oauth2.rfc6749.errors import OAuth2Error  # noqa: PLC0415

    _check(parameters)
    verifier = secrets.token_urlsafe(64)
    extra = dict(parse_qsl(sem.to_string(parameters.additional_parameters).lstrip("?&")))
    async with _Redirect(parameters.redirection_url) as redirect, AsyncOAuth2Client(
        client_id=parameters.client_id, client_secret=parameters.client_secret or None,
        scope=parameters.scope or None, redirect_uri=parameters.redirection_url, code_challenge_method="S256",
        timeout=timeout, **routing.client_options(),
    ) as client:
        response_type = sem.to_string(parameters.response_type) or RESPONSE_TYPE_CODE
        url, state = client.create_authorization_url(parameters.auth_url, code_verifier=verifier,
                                                     response_type=response_type, **extra)
        opened = browser(url)
        visit = asyncio.ensure_future(opened) if opened is not None else None
        try:
            answer = await _wait_for_redirect(redirect, visit, timeout, parameters)
        finally:
            if visit is not None:
                visit.cancel()
                await asyncio.gather(visit, return_exceptions=True)
        query = dict(parse_qsl(urlsplit(answer).query))
        if "error" in query:
            detail = query.get("error_description") or query["error"]
            if query["error"] == "access_denied":
                raise EmailFailure(f"the sign-in was refused at {_host(parameters.auth_url)}: consent denied ({detail})")
            raise EmailFailure(f"the authorization server {_host(parameters.auth_url)} answered: {detail}")
        if query.get("state") != state:
            raise EmailFailure("the sign-in came back with the wrong state: the answer was not for this request; try again")
        try:
            token = await client.fetch_token(parameters.token_url, authorization_response=answer, state=state,
                                             code_verifier=verifier)
        except (OAuthError, OAuth2Error) as error:
            raise _token_failure(parameters.token_url, error) from None
        except Exception as exc:  # noqa: BLE001 - httpx2's transport errors have no common public base here
            raise _network_failure(parameters.token_url, exc) from None
    return dict(token)


async def _wait_for_redirect(redirect: _Redirect, visit: Any, timeout: float, parameters: OAuth2Parameters) -> str:
    """The URL the browser came back to; a scripted browser that fails ends the wait at once."""
    import asyncio  # noqa: PLC0415

    assert redirect.arrived is not None
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    waiting = {redirect.arrived} | ({visit} if visit is not None else set())
    while not redirect.arrived.done():
        left = deadline - loop.time()
        if left <= 0:
            break
        done, _ = await asyncio.wait(waiting, timeout=left, return_when=asyncio.FIRST_COMPLETED)
        if visit is not None and visit in done:
            waiting.discard(visit)
            problem = visit.exception() if not visit.cancelled() else None
            if problem is not None and not redirect.arrived.done():
                if isinstance(problem, EmailFailure):
                    raise EmailFailure(f"the sign-in at {_host(parameters.auth_url)} failed: {problem}")
                raise EmailFailure(f"the sign-in page {_host(parameters.auth_url)} could not be reached: {problem}")
    if not redirect.arrived.done():
        raise EmailFailure(
            f"the sign-in did not come back to {parameters.redirection_url} within {timeout:g} s "
            "(was the browser window closed?)"
        )
    return redirect.arrived.result()


async def _refresh(token: AuthToken, timeout: float, routing: Any) -> dict[str, Any]:
    from authlib.integrations.base_client import OAuthError  # noqa: PLC0415
    from authlib.integrations.httpx_client import AsyncOAuth2Client  # noqa: PLC0415
    from authlib.oauth2.rfc6749.errors import OAuth2Error  # noqa: PLC0415

    parameters = token.parameters
    if parameters is None or not parameters.token_url:
        raise EmailFailure("this AuthToken does not say which TokenURL issued it, so it cannot be refreshed")
    if not token.refresh:
        raise EmailFailure("this AuthToken has no refresh token: call AuthIdentify again")
    async with AsyncOAuth2Client(client_id=parameters.client_id, client_secret=parameters.client_secret or None,
                                 timeout=timeout, **routing.client_options()) as client:
        try:
            return dict(await client.refresh_token(parameters.token_url, refresh_token=token.refresh))
        except (OAuthError, OAuth2Error) as error:
            raise _token_failure(parameters.token_url, error) from None
        except Exception as exc:  # noqa: BLE001
            raise _network_failure(parameters.token_url, exc) from None


def _check(parameters: OAuth2Parameters) -> None:
    for value, what in ((parameters.client_id, "ClientID"), (parameters.auth_url, "AuthURL"),
                        (parameters.token_url, "TokenURL"), (parameters.redirection_url, "RedirectionURL")):
        if not sem.to_string(value).strip():
            raise EmailFailure(f"OAuth2Parameters.{what} is empty")
    for value, what in ((parameters.auth_url, "AuthURL"), (parameters.token_url, "TokenURL")):
        try:
            parts = urlsplit(value)
            valid = parts.scheme in ("http", "https") and bool(parts.hostname) and parts.port != 0
        except ValueError:  # an unclosed "[", a port out of range
            valid = False
        if not valid or any(c.isspace() for c in value):
            raise EmailFailure(f"OAuth2Parameters.{what} is not a web address: '{value}'")


def _host(url: str) -> str:
    try:
        return urlsplit(url).netloc or url
    except ValueError:
        return url


def _token_failure(url: str, error: Any) -> EmailFailure:
    code = getattr(error, "error", "") or type(error).__name__
    description = getattr(error, "description", "") or ""
    if code == "invalid_client":
        return EmailFailure(f"the token endpoint {_host(url)} refused the client: check ClientID and ClientSecret (invalid_client)")
    if code == "invalid_grant":
        return EmailFailure(f"the token endpoint {_host(url)} refused the code or refresh token (invalid_grant{': ' + description if description else ''})")
    return EmailFailure(f"the token endpoint {_host(url)} answered {code}{': ' + description if description else ''}")


def _network_failure(url: str, exc: Exception) -> EmailFailure:
    name = type(exc).__name__
    if "Timeout" in name:
        return EmailFailure(f"the token endpoint {_host(url)} did not answer in time")
    if "Connect" in name:
        return EmailFailure(f"cannot reach the token endpoint {_host(url)} (is TokenURL right? {exc})")
    return EmailFailure(f"talking to the token endpoint {_host(url)} failed: {name}: {exc}")


# ------------------------------------------------------------------------------ routing: live or capture


def open_browser(url: str) -> Awaitable[None] | None:
    """Send the user to the sign-in page; tests replace this with a scripted browser."""
    import webbrowser  # noqa: PLC0415

    if not webbrowser.open(url):
        import sys  # noqa: PLC0415

        sys.stderr.write(f"Open this address in a browser to sign in:\n{url}\n")
    return None


class _Live:
    """The real providers; the browser is the user's own."""

    def client_options(self) -> dict[str, Any]:
        return {}

    def browser(self, rt: Runtime) -> Browser:
        return lambda url: open_browser(url)


class _Capture:
    """The embedded authorization server stands in for every AuthURL and TokenURL; a scripted browser consents."""

    def __init__(self, rt: Runtime):
        from .oauth_server import EmbeddedAuthorizationServer  # noqa: PLC0415

        service = MailService.of(rt)
        server = rt.state.get("oauth.server")
        if server is None:
            authority = service.authority()
            server = EmbeddedAuthorizationServer(authority)
            service.run(server.start())
            rt.state["oauth.server"] = server
            rt.state["oauth.validate"] = server.validate
            rt.on_close(lambda: service.run(server.stop()))
        self.server = server
        self.authority = service.authority()

    def client_options(self) -> dict[str, Any]:
        return {"transport": _to_embedded(self.server, self.authority), "verify": self.authority.client_context()}

    def browser(self, rt: Runtime) -> Browser:
        options = self.client_options()

        async def consent(url: str) -> None:
            import httpx2  # noqa: PLC0415

            async with httpx2.AsyncClient(**options) as outside, httpx2.AsyncClient() as local:
                answer = await outside.get(url)
                location = answer.headers.get("location", "")
                if answer.status_code not in (301, 302, 303, 307) or not location:
                    raise EmailFailure(f"the authorization server refused the request: {_oauth_error(answer)}")
                await local.get(location)  # back to the program's own listener, on loopback

        return consent


def _oauth_error(answer: Any) -> str:
    try:
        body = answer.json()
        return str(body.get("error_description") or body.get("error") or answer.status_code)
    except ValueError:
        return f"HTTP {answer.status_code}"


def _to_embedded(server: Any, authority: Any) -> Any:
    import httpx2  # noqa: PLC0415

    class ToEmbedded(httpx2.AsyncHTTPTransport):
        """Sends every request to the embedded server, keeping the name the program used for SNI and Host."""

        async def handle_async_request(self, request: Any) -> Any:
            original = request.url.host
            secure = request.url.scheme == "https"
            # the Host header keeps the program's name; TLS presents it too, checked against the capture CA
            request.url = request.url.copy_with(host="127.0.0.1", port=server.https_port if secure else server.http_port)
            if secure:
                request.extensions = {**request.extensions, "sni_hostname": original}
            return await super().handle_async_request(request)

    return ToEmbedded(verify=authority.client_context())


def _quiet_http_logs() -> None:
    """httpx2 logs every URL at INFO and httpcore2 every header at DEBUG: the redirect to the listener
    carries the authorization code, so these loggers stay at WARNING."""
    import logging  # noqa: PLC0415

    for name in ("httpcore2", "httpcore", "httpx2", "httpx"):
        logger = logging.getLogger(name)
        if logger.level < logging.WARNING:
            logger.setLevel(logging.WARNING)


def _routing(rt: Runtime) -> Any:
    _quiet_http_logs()
    return _Capture(rt) if rt.options.smtp == "capture" else _Live()


# ------------------------------------------------------------------------------ token cache (opt-in)


def _cache_file(rt: Runtime, parameters: OAuth2Parameters) -> Path | None:
    folder = getattr(rt.options, "token_cache", None)
    if not folder:
        return None
    import hashlib  # noqa: PLC0415

    key = hashlib.sha256("\n".join((parameters.client_id, parameters.auth_url, parameters.scope)).encode()).hexdigest()[:24]
    return Path(folder) / f"token-{key}.json"


def _load_cached(path: Path | None, parameters: OAuth2Parameters) -> AuthToken | None:
    if path is None or not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return AuthToken.from_response(data, parameters)


def _store_cached(path: Path | None, response: dict[str, Any]) -> None:
    if path is None:
        return
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        json.dump(response, handle)
    os.chmod(path, 0o600)  # an existing file keeps its old mode through O_TRUNC


# ------------------------------------------------------------------------------ WLanguage functions


def _remember(rt: Runtime, parameters: OAuth2Parameters, token: AuthToken) -> AuthToken:
    rt.state.setdefault("oauth.tokens", {})[_identity(parameters)] = token
    return token


def _identity(parameters: OAuth2Parameters) -> tuple[str, str, str]:
    return (parameters.client_id, parameters.auth_url, parameters.scope)


def verify(rt: Runtime, parameters: OAuth2Parameters) -> AuthToken:
    """The sign-in this run (or the token cache) already holds for these parameters, without any browser;
    an empty, invalid AuthToken when there is none."""
    held = rt.state.get("oauth.tokens", {}).get(_identity(parameters))
    if held is None:
        held = _load_cached(_cache_file(rt, parameters), parameters)
    return held if held is not None else AuthToken(parameters=parameters.copy())


def identify(rt: Runtime, parameters: OAuth2Parameters) -> AuthToken:
    """The Python API of AuthIdentify: a token, or EmailFailure."""
    _secret(rt, parameters.client_secret)
    service = MailService.of(rt)
    cache = _cache_file(rt, parameters)
    cached = _load_cached(cache, parameters)
    if cached is not None and cached.valid:
        _secret(rt, cached.value, cached.refresh)
        return cached
    if cached is not None and cached.refresh:
        try:
            return refresh(rt, cached)
        except EmailFailure:
            pass  # the refresh token is stale too: sign in again
    routing = _routing(rt)
    response = service.run(_authorize(parameters, service.timeout, routing, routing.browser(rt)))
    token = AuthToken.from_response(response, parameters.copy())
    _secret(rt, token.value, token.refresh)
    _store_cached(cache, response)
    return _remember(rt, parameters, token)


def refresh(rt: Runtime, token: AuthToken) -> AuthToken:
    service = MailService.of(rt)
    response = service.run(_refresh(token, service.timeout, _routing(rt)))
    renewed = AuthToken.from_response(response, token.parameters or OAuth2Parameters(), token.refresh)
    _secret(rt, renewed.value, renewed.refresh)
    # providers rotate refresh tokens: the old AuthToken keeps working for the next refresh
    token.refresh = renewed.refresh
    if token.parameters is not None:
        _store_cached(_cache_file(rt, token.parameters), {**response, "refresh_token": renewed.refresh})
    return renewed


@REGISTRY.function("AuthIdentify", "AuthIdentifie", can_fail=True, idiom=idioms.AUTH_IDENTIFY)
def auth_identify(rt: Runtime, parameters: Any, *_callback: Any) -> AuthToken | None:
    """AuthIdentify(OAuth2Parameters): an AuthToken, or Null with ErrorOccurred and ErrorInfo() saying why."""
    if not isinstance(parameters, OAuth2Parameters):
        rt.fail(f"AuthIdentify needs an OAuth2Parameters variable, not a {sem.type_name_of(parameters)}")
        return None
    try:
        return identify(rt, parameters)
    except EmailFailure as failure:
        rt.fail(str(failure))
        return None


@REGISTRY.function("AuthVerifyAuthentication", "AuthVérifieAuthentification", can_fail=True)
def auth_verify_authentication(rt: Runtime, parameters: Any) -> AuthToken | None:
    """AuthVerifyAuthentication(OAuth2Parameters): is the user still signed in? The token held for these
    parameters, without opening a browser; its Valid property answers."""
    if not isinstance(parameters, OAuth2Parameters):
        rt.fail(f"AuthVerifyAuthentication needs an OAuth2Parameters variable, not a {sem.type_name_of(parameters)}")
        return None
    token = verify(rt, parameters)
    _secret(rt, token.value, token.refresh)
    return token


@REGISTRY.function("AuthRefreshToken", "AuthRenouvelleToken", can_fail=True, idiom=idioms.AUTH_REFRESH)
def auth_refresh_token(rt: Runtime, token: Any) -> AuthToken | None:
    """AuthRefreshToken(token): a new token from its refresh token, or Null with ErrorOccurred."""
    if not isinstance(token, AuthToken):
        rt.fail(f"AuthRefreshToken needs an AuthToken, not a {sem.type_name_of(token)}")
        return None
    try:
        return refresh(rt, token)
    except EmailFailure as failure:
        rt.fail(str(failure))
        return None


def _prop(attribute: str, en: Any, fr: Any = (), idiom: str = "", kind: str = "", **extra: Any) -> Member:
    # how the idiomatic transpilation writes it: an attribute of its OAuth2Provider or AuthToken classes (of type kind)
    return Member("property", names(en, fr), attribute, idiom=Idiom(idiom, idioms.OAUTH, type=kind) if idiom else None,
                  **extra)


REGISTRY.type(
    "OAuth2Parameters", "OAuth2Paramètres", make=OAuth2Parameters, python_class=OAuth2Parameters,
    members=[
        _prop("client_id", "ClientID", "ClientID", "client_id", type="string"),
        _prop("client_secret", "ClientSecret", "ClientSecret", "client_secret", type="string"),
        _prop("auth_url", "AuthURL", "URLAuth", "auth_url", type="string"),
        _prop("token_url", "TokenURL", "URLToken", "token_url", type="string"),
        _prop("scope", "Scope", "Scope", "scope", type="string"),
        _prop("redirection_url", "RedirectionURL", "URLRedirection", "redirect_url", type="string"),
        _prop("response_type", "ResponseType", "TypeRéponse", "response_type"),
        _prop("additional_parameters", "AdditionalParameters", "ParamètresSupplémentaires", type="string"),
    ],
    idiom=Idiom("OAuth2Provider()", idioms.OAUTH),
)
REGISTRY.type(
    "AuthToken", "AuthToken", make=AuthToken, python_class=AuthToken,
    members=[
        _prop("value", "Value", "Valeur", "value", "string", read_only=True),
        _prop("valid", "Valid", "Valide", "valid", "boolean", read_only=True),
        _prop("expiration_date", "ExpirationDate", "DateExpiration", read_only=True),
        _prop("refresh", "Refresh", "Actualisation", "refresh", "string", read_only=True),
        _prop("scope", "Scope", "Scope", read_only=True),
        _prop("token_type", "TokenType", "TypeToken", read_only=True),
        _prop("server_response", "ServerResponse", "RéponseServeur", read_only=True),
        Member("method", names("RefreshToken", "RenouvelleToken"), "refresh_token", can_fail=True, runtime=True,
               idiom=Idiom("refresh({owner})", idioms.OAUTH, raises=True, type="AuthToken")),
    ],
    idiom=Idiom("AuthToken()", idioms.OAUTH),
)
