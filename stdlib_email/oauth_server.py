"""The embedded OAuth2 authorization server: on loopback, it stands in for whatever AuthURL and TokenURL a program names.

Capture mode runs a program's OAuth2 code (``OAuth2Parameters`` + ``AuthIdentify``) offline:
the client side sends every request for, say, ``https://accounts.google.com/o/oauth2/auth``
or ``.../token`` to this server on 127.0.0.1. The path is not significant: a GET carrying
``response_type`` is an authorization request, a POST carrying ``grant_type`` a token
request. Consent is given at once, without a browser (or refused, with ``deny_consent``),
and the tokens issued are real random strings that the capture SMTP server checks through
``validate`` when a client authenticates with XOAUTH2.

The OAuth logic is authlib's (``AuthorizationServer``, the authorization-code grant with
PKCE, the refresh-token grant); this module gives it in-memory stores and a small HTTP/1.1
layer (h11 on asyncio streams, one request per connection) on the run's event loop, like
the capture server: no threads, bounded reads, sizes and stores.

Client secrets, codes, access and refresh tokens never reach a log, an exception or a repr.
authlib itself logs each issued token at DEBUG; a filter on its loggers masks them.
"""

from __future__ import annotations

import asyncio
import http
import json
import logging
import math
import secrets
import time
import traceback
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial
from typing import Any, ClassVar
from urllib.parse import parse_qsl, urlsplit
from wsgiref.headers import Headers

import h11
from authlib.consts import default_json_headers
from authlib.oauth2.rfc6749 import (
    AuthorizationCodeMixin,
    AuthorizationServer,
    ClientMixin,
    InvalidRequestError,
    JsonPayload,
    JsonRequest,
    OAuth2Error,
    OAuth2Payload,
    OAuth2Request,
    TokenMixin,
    grants,
)
from authlib.oauth2.rfc6750 import BearerTokenGenerator
from authlib.oauth2.rfc7636 import CodeChallenge

from .listeners import LOOPBACK, Listeners, ServerLifecycle
from .tls import CertificateAuthority

__all__ = ["CODE_LIFETIME", "EmbeddedAuthorizationServer", "is_loopback_redirect"]

log = logging.getLogger(__name__)

LOOPBACK_HOSTS = frozenset({"localhost", "127.0.0.1", "::1"})
_NOT_IN_URIS = frozenset(' "<>\\^`{|}')
# who gives consent: there is no browser, and so no real person, behind this server
RESOURCE_OWNER = "wlinterp-user"

# RFC 6749 recommends at most 10 minutes; a client that waits a minute is not coming back
CODE_LIFETIME = 60.0
SECRET_BYTES = 32  # 256 bits of randomness per code and token

MAX_HEAD_BYTES = 16 * 1024  # request line and headers; a long authorization URL fits
MAX_BODY_BYTES = 64 * 1024  # a token request is a few hundred bytes
MAX_FIELDS = 100
READ_CHUNK = 4 * 1024
MAX_CONNECTIONS = 64
MAX_CODES = 1_000
MAX_TOKENS = 10_000

REQUEST_TIMEOUT = 10.0  # for the whole request: a client that trickles bytes is cut off
WRITE_TIMEOUT = 10.0
HANDSHAKE_TIMEOUT = 10.0
SSL_SHUTDOWN_TIMEOUT = 2.0
CLOSE_TIMEOUT = 2.0
STOP_TIMEOUT = 5.0

Pairs = list[tuple[str, str]]


# ---------------------------------------------------------------------- HTTP layer


@dataclass
class _HttpRequest:
    """One HTTP request as the OAuth logic needs it: method, where it came in, headers, query and form fields."""

    method: str
    uri: str  # scheme://127.0.0.1:PORT/target: the listener it really reached, not the Host it names
    headers: Headers = field(repr=False)  # Authorization may carry a client secret
    query: Pairs
    form: Pairs = field(repr=False)  # may hold a client secret, a code or a refresh token
    body: bytes = field(repr=False)

    @property
    def path(self) -> str:
        return urlsplit(self.uri).path


@dataclass
class _HttpResponse:
    status: int
    body: bytes = field(repr=False)  # may hold tokens
    headers: Pairs = field(repr=False)  # Location may hold a code


class _BadRequest(Exception):
    """A request this server cannot read; answered with ``status`` and a JSON error."""

    def __init__(self, status: int, description: str):
        super().__init__(description)
        self.status = status
        self.description = description


async def _read_request(connection: h11.Connection, reader: asyncio.StreamReader, origin: str) -> _HttpRequest | None:
    """The next complete request on ``connection``; None if the client closed without sending one."""
    head: h11.Request | None = None
    body = bytearray()
    while True:
        try:
            event = connection.next_event()
        except h11.RemoteProtocolError as error:
            raise _BadRequest(error.error_status_hint, "malformed HTTP request") from None
        if event is h11.NEED_DATA:
            connection.receive_data(await reader.read(READ_CHUNK))
        elif isinstance(event, h11.Request):
            head = event
            _check_sizes(head)
        elif isinstance(event, h11.Data):
            body += event.data
            if len(body) > MAX_BODY_BYTES:
                raise _BadRequest(413, "request body too large")
        elif isinstance(event, h11.EndOfMessage):
            assert head is not None
            return _parse_request(head, bytes(body), origin)
        elif isinstance(event, h11.ConnectionClosed):
            return None


def _check_sizes(head: h11.Request) -> None:
    # h11 bounds a head only while it is incomplete: one that arrives whole in a read gets through
    if len(head.target) + sum(len(name) + len(value) for name, value in head.headers) > MAX_HEAD_BYTES:
        raise _BadRequest(431, "request head too large")
    for name, value in head.headers:
        # h11 has already checked that Content-Length is a number
        if name == b"content-length" and int(value) > MAX_BODY_BYTES:
            raise _BadRequest(413, "request body too large")


def _parse_request(head: h11.Request, body: bytes, origin: str) -> _HttpRequest:
    method = head.method.decode("ascii")
    target = _origin_form(head.target.decode("ascii"))  # h11 lets only visible ASCII through
    headers = Headers([(name.decode("latin-1"), value.decode("latin-1")) for name, value in head.headers])
    query = _fields(urlsplit(target).query)
    form = _fields(body) if method == "POST" and _is_form(headers) else []
    return _HttpRequest(method=method, uri=origin + target, headers=headers, query=query, form=form, body=body)


def _origin_form(target: str) -> str:
    """``/path?query`` from a request target, which a client talking to a proxy may send as a whole URL."""
    if target.startswith("/"):
        return target
    try:
        parts = urlsplit(target)
    except ValueError:  # an unclosed "[" in the authority
        raise _BadRequest(400, "malformed request target") from None
    if parts.scheme not in ("http", "https"):
        raise _BadRequest(400, "unsupported request target")
    return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")


def _is_form(headers: Headers) -> bool:
    content_type = headers.get("Content-Type", "")
    return content_type.split(";")[0].strip().lower() == "application/x-www-form-urlencoded"


def _fields(text: str | bytes) -> Pairs:
    """The fields of a query string or form body; a 400 if they are not UTF-8 or too many."""
    try:
        if isinstance(text, bytes):
            text = text.decode("utf-8")
        return parse_qsl(text, keep_blank_values=True, errors="strict", max_num_fields=MAX_FIELDS)
    except ValueError:  # UnicodeDecodeError included
        raise _BadRequest(400, "request fields are not UTF-8 form-urlencoded, or too many") from None


async def _send(connection: h11.Connection, writer: asyncio.StreamWriter, response: _HttpResponse) -> None:
    """Write ``response`` and end the exchange (``Connection: close``); nothing if the state forbids an answer."""
    if connection.our_state not in (h11.IDLE, h11.SEND_RESPONSE):
        return
    headers = [*response.headers, ("Content-Length", str(len(response.body))), ("Connection", "close")]
    try:
        reason = http.HTTPStatus(response.status).phrase.encode("ascii")
        data = connection.send(h11.Response(status_code=response.status, headers=headers, reason=reason))
        data += connection.send(h11.Data(data=response.body)) if response.body else b""
        data += connection.send(h11.EndOfMessage())
    except h11.LocalProtocolError:
        # h11 knows when no answer is possible any more; then closing is the answer
        return
    writer.write(data)
    await asyncio.wait_for(writer.drain(), WRITE_TIMEOUT)


async def _close(writer: asyncio.StreamWriter) -> None:
    """Close gently (TLS close_notify and all), but never linger: abort when it takes too long or we are stopped."""
    writer.close()
    try:
        await asyncio.wait_for(writer.wait_closed(), CLOSE_TIMEOUT)
    except asyncio.CancelledError:
        writer.transport.abort()
        raise
    except (TimeoutError, OSError):
        writer.transport.abort()


def _json_error(status: int, error: str, description: str) -> _HttpResponse:
    body = json.dumps({"error": error, "error_description": description}).encode()
    return _HttpResponse(status, body, list(default_json_headers))


# ---------------------------------------------------------------------- what the server remembers


@dataclass(frozen=True)
class _Client(ClientMixin):
    """A client as authlib sees it; ``secret`` None accepts any secret (no client list), "" marks a public client."""

    client_id: str
    secret: str | None = field(repr=False)
    refresh_tokens: bool

    def get_client_id(self) -> str:
        return self.client_id

    def get_default_redirect_uri(self) -> None:
        # a loopback client chooses its port at run time: it must always say where to come back
        return None

    def get_allowed_scope(self, scope: str | None) -> str:
        # any scope is granted as asked: what matters offline is that the flow completes
        return scope or ""

    def check_redirect_uri(self, redirect_uri: str) -> bool:
        return is_loopback_redirect(redirect_uri)

    def check_client_secret(self, client_secret: str) -> bool:
        if self.secret is None:
            return True
        return bool(self.secret) and secrets.compare_digest(self.secret.encode(), client_secret.encode())

    def check_endpoint_auth_method(self, method: str, endpoint: str) -> bool:
        if endpoint != "token" or self.secret is None:
            return True
        if self.secret == "":
            return method == "none"
        return method in ("client_secret_basic", "client_secret_post")

    def check_response_type(self, response_type: str) -> bool:
        return response_type == "code"

    def check_grant_type(self, grant_type: str) -> bool:
        return grant_type == "authorization_code" or (grant_type == "refresh_token" and self.refresh_tokens)


@dataclass(frozen=True)
class _AuthorizationCode(AuthorizationCodeMixin):
    """What a code stands for; the code itself is the key it is stored under."""

    client_id: str
    redirect_uri: str
    scope: str
    user: str
    code_challenge: str | None
    code_challenge_method: str | None
    expires_at: float

    def get_redirect_uri(self) -> str:
        return self.redirect_uri

    def get_scope(self) -> str:
        return self.scope


@dataclass(frozen=True)
class _IssuedToken(TokenMixin):
    """One token response, kept to check its access token and to honour its refresh token."""

    access_token: str = field(repr=False)
    refresh_token: str | None = field(repr=False)
    client_id: str
    scope: str
    user: str
    expires_at: float

    def check_client(self, client: _Client) -> bool:
        return client.client_id == self.client_id

    def get_scope(self) -> str:
        return self.scope

    def get_expires_in(self) -> int:
        return max(0, math.ceil(self.expires_at - time.monotonic()))

    def is_expired(self) -> bool:
        return time.monotonic() >= self.expires_at

    def is_revoked(self) -> bool:
        return False

    def get_user(self) -> str:
        return self.user


class _Store:
    """Codes and tokens in memory, each kind bounded: expired entries go first, then the oldest."""

    def __init__(self, token_lifetime: float, code_lifetime: float):
        self.token_lifetime = token_lifetime
        self.code_lifetime = code_lifetime
        self._codes: dict[str, _AuthorizationCode] = {}
        self._access: dict[str, _IssuedToken] = {}
        self._refresh: dict[str, _IssuedToken] = {}

    def save_code(self, code: str, request: OAuth2Request) -> None:
        data = request.payload.data
        record = _AuthorizationCode(
            client_id=request.client.get_client_id(),
            redirect_uri=request.payload.redirect_uri,
            scope=request.scope or "",
            user=request.user,
            code_challenge=data.get("code_challenge"),
            code_challenge_method=data.get("code_challenge_method"),
            expires_at=time.monotonic() + self.code_lifetime,
        )
        _remember(self._codes, code, record, MAX_CODES, lambda item: item.expires_at <= time.monotonic())

    def take_code(self, code: str, client: _Client) -> _AuthorizationCode | None:
        """The code's record if it is live and the client's; either way the code is spent (one attempt per code)."""
        record = self._codes.pop(code, None)
        if record is None or record.expires_at <= time.monotonic() or record.client_id != client.client_id:
            return None
        return record

    def save_token(self, token: dict[str, Any], client: _Client, user: str) -> None:
        record = _IssuedToken(
            access_token=token["access_token"],
            refresh_token=token.get("refresh_token"),
            client_id=client.client_id,
            scope=token.get("scope", ""),
            user=user,
            expires_at=time.monotonic() + self.token_lifetime,
        )
        _remember(self._access, record.access_token, record, MAX_TOKENS, _IssuedToken.is_expired)
        if record.refresh_token:
            # refresh tokens do not expire (Google's neither): only rotation and the bound retire them
            _remember(self._refresh, record.refresh_token, record, MAX_TOKENS, lambda _: False)

    def by_refresh_token(self, refresh_token: str) -> _IssuedToken | None:
        return self._refresh.get(refresh_token)

    def retire_refresh_token(self, record: _IssuedToken) -> None:
        if record.refresh_token:
            self._refresh.pop(record.refresh_token, None)

    def is_live_access_token(self, access_token: str) -> bool:
        record = self._access.get(access_token)
        return record is not None and not record.is_expired()


def _remember(store: dict[str, Any], key: str, value: Any, limit: int, expired: Callable[[Any], bool]) -> None:
    if len(store) >= limit:
        for stale in [name for name, item in store.items() if expired(item)]:
            del store[stale]
    while len(store) >= limit:
        # dicts keep insertion order: drop the oldest
        del store[next(iter(store))]
    store[key] = value


def is_loopback_redirect(uri: str) -> bool:
    """True for ``http://localhost[:PORT]/…``, ``http://127.0.0.1[:PORT]/…`` or ``http://[::1][:PORT]/…`` (RFC 8252 §7.3)."""
    # it goes back out in a Location header: only what RFC 3986 allows in a URI
    if not uri.isascii() or not uri.isprintable() or any(char in _NOT_IN_URIS for char in uri):
        return False
    try:
        parts = urlsplit(uri)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number in range
    except ValueError:
        return False
    # no user info (a phishing trick), no fragment (RFC 6749 §3.1.2)
    return (
        parts.scheme == "http"
        and parts.hostname in LOOPBACK_HOSTS
        and "@" not in parts.netloc
        and not parts.fragment
        and "#" not in uri
    )


def _new_secret(**_: Any) -> str:
    return secrets.token_urlsafe(SECRET_BYTES)


# ---------------------------------------------------------------------- authlib, wired to the above


class _Payload(OAuth2Payload):
    """The request's fields (query, then form) as authlib reads them; the first of repeated fields wins."""

    def __init__(self, pairs: Iterable[tuple[str, str]]):
        self._datalist: defaultdict[str, list[str]] = defaultdict(list)
        for name, value in pairs:
            self._datalist[name].append(value)
        self._data = {name: values[0] for name, values in self._datalist.items()}

    @property
    def data(self) -> dict[str, str]:
        return self._data

    @property
    def datalist(self) -> defaultdict[str, list[str]]:
        return self._datalist


class _OAuth2Request(OAuth2Request):
    def __init__(self, request: _HttpRequest):
        super().__init__(request.method, request.uri, headers=request.headers)
        self.payload = _Payload([*request.query, *request.form])
        self._args = _Payload(request.query).data
        self._form = _Payload(request.form).data

    @property
    def args(self) -> dict[str, str]:
        return self._args

    @property
    def form(self) -> dict[str, str]:
        return self._form


class _JsonPayload(JsonPayload):
    """A JSON body as authlib's JSON endpoints read it (none is registered today); ValueError if it is not JSON."""

    def __init__(self, request: _HttpRequest):
        self._body = request.body

    @property
    def data(self) -> Any:
        return json.loads(self._body or b"{}")


class _S256Only(CodeChallenge):
    """PKCE with S256 alone: ``plain`` (also what a challenge without a method means) is refused."""

    SUPPORTED_CODE_CHALLENGE_METHOD: ClassVar[list[str]] = ["S256"]

    def validate_code_challenge(self, grant: grants.AuthorizationCodeGrant, redirect_uri: str) -> None:
        super().validate_code_challenge(grant, redirect_uri)
        data = grant.request.payload.data
        if data.get("code_challenge") and data.get("code_challenge_method") != "S256":
            raise InvalidRequestError("Unsupported 'code_challenge_method': use S256")


# "none" lets public clients (PKCE, no secret) in; confidential ones refuse it in check_endpoint_auth_method
_TOKEN_ENDPOINT_AUTH_METHODS = ["client_secret_basic", "client_secret_post", "none"]


class _CodeGrant(grants.AuthorizationCodeGrant):
    TOKEN_ENDPOINT_AUTH_METHODS: ClassVar[list[str]] = _TOKEN_ENDPOINT_AUTH_METHODS
    server: _Engine

    @staticmethod
    def validate_authorization_redirect_uri(request: OAuth2Request, client: _Client) -> str:
        # authlib's own message puts the URI in the error description, where some characters make it raise
        redirect_uri = request.payload.redirect_uri
        if not redirect_uri:
            raise InvalidRequestError("Missing 'redirect_uri' in request.", state=request.payload.state)
        if not client.check_redirect_uri(redirect_uri):
            raise InvalidRequestError(
                "'redirect_uri' must be a loopback URL: http://localhost:PORT/..., "
                "http://127.0.0.1:PORT/... or http://[::1]:PORT/...",
                state=request.payload.state,
            )
        return redirect_uri

    def generate_authorization_code(self) -> str:
        return _new_secret()

    def save_authorization_code(self, code: str, request: OAuth2Request) -> None:
        self.server.store.save_code(code, request)

    def query_authorization_code(self, code: str, client: _Client) -> _AuthorizationCode | None:
        return self.server.store.take_code(code, client)

    def delete_authorization_code(self, authorization_code: _AuthorizationCode) -> None:
        # take_code already spent it
        pass

    def authenticate_user(self, authorization_code: _AuthorizationCode) -> str:
        return authorization_code.user


class _RefreshGrant(grants.RefreshTokenGrant):
    TOKEN_ENDPOINT_AUTH_METHODS: ClassVar[list[str]] = _TOKEN_ENDPOINT_AUTH_METHODS
    # rotate: each refresh answers with a new refresh token and retires the one presented
    INCLUDE_NEW_REFRESH_TOKEN = True
    server: _Engine

    def authenticate_refresh_token(self, refresh_token: str) -> _IssuedToken | None:
        return self.server.store.by_refresh_token(refresh_token)

    def authenticate_user(self, refresh_token: _IssuedToken) -> str:
        return refresh_token.user

    def revoke_old_credential(self, refresh_token: _IssuedToken) -> None:
        self.server.store.retire_refresh_token(refresh_token)


class _Engine(AuthorizationServer):
    """authlib's authorization server, given our clients and stores, and speaking through our HTTP layer."""

    def __init__(self, clients: dict[str, str] | None, store: _Store, *, refresh_tokens: bool):
        super().__init__()
        self.store = store
        self._clients = None if clients is None else dict(clients)
        self._refresh_tokens = refresh_tokens
        # the token response says whole seconds; the store keeps the exact lifetime
        expires_in = max(1, math.ceil(store.token_lifetime))
        generator = BearerTokenGenerator(
            access_token_generator=_new_secret,
            refresh_token_generator=_new_secret if refresh_tokens else None,
            expires_generator=lambda client, grant_type: expires_in,
        )
        self.register_token_generator("default", generator)
        self.register_grant(_CodeGrant, [_S256Only(required=True)])
        if refresh_tokens:
            self.register_grant(_RefreshGrant)

    def query_client(self, client_id: str) -> _Client | None:
        if self._clients is None:
            return _Client(client_id, None, self._refresh_tokens)
        if client_id not in self._clients:
            return None
        return _Client(client_id, self._clients[client_id], self._refresh_tokens)

    def save_token(self, token: dict[str, Any], request: OAuth2Request) -> None:
        self.store.save_token(token, request.client, request.user)

    def send_signal(self, name: str, *args: Any, **kwargs: Any) -> None:
        # the base class raises NotImplementedError, and every token request sends one
        pass

    def create_oauth2_request(self, request: _HttpRequest | OAuth2Request) -> OAuth2Request:
        return request if isinstance(request, OAuth2Request) else _OAuth2Request(request)

    def create_json_request(self, request: _HttpRequest) -> JsonRequest:
        json_request = JsonRequest(request.method, request.uri, request.headers)
        json_request.payload = _JsonPayload(request)
        return json_request

    def handle_response(self, status: int, body: Any, headers: Pairs) -> _HttpResponse:
        if isinstance(body, dict):
            body = json.dumps(body)
        return _HttpResponse(status, (body or "").encode("utf-8"), list(headers))


class _HideTokens(logging.Filter):
    """Replaces the token dicts authlib's grants log at DEBUG ("Issue token %r to %r") with a placeholder."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple) and any(isinstance(arg, dict) for arg in record.args):
            record.args = tuple("<token hidden>" if isinstance(arg, dict) else arg for arg in record.args)
        return True


def _hide_tokens_in_authlib_logs() -> None:
    # a logger's filters see only the records logged on that very logger, so each one gets it
    for grant in ("authorization_code", "refresh_token", "implicit", "client_credentials"):
        logger = logging.getLogger(f"authlib.oauth2.rfc6749.grants.{grant}")
        if not any(isinstance(existing, _HideTokens) for existing in logger.filters):
            logger.addFilter(_HideTokens())


_hide_tokens_in_authlib_logs()


# ---------------------------------------------------------------------- the server


class EmbeddedAuthorizationServer(ServerLifecycle):
    """An OAuth2 authorization server on loopback that consents by itself and checks the tokens it issues."""

    def __init__(
        self,
        authority: CertificateAuthority,
        *,
        clients: dict[str, str] | None = None,
        token_lifetime: float = 3600,
        refresh_tokens: bool = True,
        deny_consent: bool = False,
        code_lifetime: float = CODE_LIFETIME,
    ):
        """``clients`` maps client ids to secrets ("" for a public client); None accepts any id and secret."""
        self.authority = authority
        self.deny_consent = deny_consent
        self._store = _Store(token_lifetime, code_lifetime)
        self._engine = _Engine(clients, self._store, refresh_tokens=refresh_tokens)
        self._listeners = Listeners("OAuth2 server")
        self._connections: dict[asyncio.Task[Any], asyncio.StreamWriter] = {}

    # ------------------------------------------------------------------ life cycle

    async def start(self) -> None:
        """Listen on two free loopback ports, HTTPS and plain HTTP, on the running event loop."""
        self._listeners.ensure_stopped()
        self._listeners.add("https", await asyncio.start_server(
            partial(self._serve, "https"),
            LOOPBACK,
            0,
            ssl=self.authority.server_context(),
            ssl_handshake_timeout=HANDSHAKE_TIMEOUT,
            ssl_shutdown_timeout=SSL_SHUTDOWN_TIMEOUT,
        ))
        self._listeners.add("http", await asyncio.start_server(partial(self._serve, "http"), LOOPBACK, 0))
        log.info("OAuth2 server on %s: https %d, http %d", LOOPBACK, self.https_port, self.http_port)

    async def stop(self) -> None:
        """Stop listening, cut the connections still open, and wait (briefly) until they are gone."""

        async def cut() -> None:
            # abort rather than cancel: Python 3.11's asyncio reports a cancelled connection task as an
            # error of the loop ("Exception in callback StreamReaderProtocol...")
            for writer in self._connections.values():
                writer.transport.abort()
            if self._connections:
                await asyncio.wait(list(self._connections), timeout=STOP_TIMEOUT)

        await self._listeners.close(cut)

    @property
    def https_port(self) -> int:
        """The HTTPS port; it shows each client a certificate for the name it sends as SNI."""
        return self._port("https")

    @property
    def http_port(self) -> int:
        """The plain HTTP port, for programs whose AuthURL or TokenURL is http://."""
        return self._port("http")

    # ------------------------------------------------------------------ tokens

    def validate(self, user: str, token: str) -> bool:
        """True if ``token`` is an access token this server issued and it has not expired; any ``user`` goes."""
        return self._store.is_live_access_token(token)

    # ------------------------------------------------------------------ internals

    def _port(self, name: str) -> int:
        return self._listeners.port(name)

    async def _serve(self, scheme: str, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        """One connection: one request, one response, then close; never raises but for cancellation."""
        task = asyncio.current_task()
        if len(self._connections) >= MAX_CONNECTIONS:
            log.warning("OAuth2 server: too many connections, one refused")
            writer.transport.abort()
            return
        assert task is not None
        self._connections[task] = writer
        try:
            await self._exchange(scheme, reader, writer)
        except asyncio.CancelledError:
            writer.transport.abort()
            raise
        except OSError as error:  # the client went away (ssl.SSLError included)
            log.debug("an OAuth2 client went away: %s", type(error).__name__)
            writer.transport.abort()
        except Exception as error:  # noqa: BLE001 - a bug here must cost one connection, not the run
            log.error("OAuth2 server connection failed: %s", _where(error))
            writer.transport.abort()
        else:
            await _close(writer)
        finally:
            self._connections.pop(task, None)

    async def _exchange(self, scheme: str, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        connection = h11.Connection(h11.SERVER, max_incomplete_event_size=MAX_HEAD_BYTES)
        origin = f"{scheme}://{LOOPBACK}:{writer.get_extra_info('sockname')[1]}"
        try:
            async with asyncio.timeout(REQUEST_TIMEOUT):
                request = await _read_request(connection, reader, origin)
        except _BadRequest as error:
            response = _json_error(error.status, "invalid_request", error.description)
        except TimeoutError:
            response = _json_error(408, "invalid_request", "the request did not arrive in time")
        else:
            if request is None:
                return
            response = self._respond(request)
            # the path only: the query of an authorization request is the client's business
            log.debug("OAuth2 %s %s %s -> %d", scheme, request.method, request.path, response.status)
        await _send(connection, writer, response)

    def _respond(self, request: _HttpRequest) -> _HttpResponse:
        """The answer to one request: the path is not significant, its fields say what it is."""
        try:
            if request.method == "GET" and any(name == "response_type" for name, _ in request.query):
                return self._authorize(request)
            if request.method == "POST":
                return self._engine.create_token_response(request)
            return _json_error(400, "invalid_request", "not an OAuth2 authorization or token request")
        except ValueError:
            # authlib refuses some inputs by raising it (e.g. a character it will not echo in an error)
            return _json_error(400, "invalid_request", "malformed OAuth2 request")
        except Exception as error:  # noqa: BLE001 - a bug here must cost one request, not the run
            log.error("OAuth2 server failed on a request: %s", _where(error))
            return _json_error(500, "server_error", "the embedded OAuth2 server failed")

    def _authorize(self, request: _HttpRequest) -> _HttpResponse:
        """Validate an authorization request, then consent (or refuse) at once, as no browser will ask anyone."""
        try:
            grant = self._engine.get_consent_grant(request)
        except OAuth2Error as error:
            return self._engine.handle_error_response(request, error)
        client_id = grant.request.client.get_client_id()
        log.info(
            "OAuth2 authorization for client %s: consent %s", client_id, "refused" if self.deny_consent else "given"
        )
        owner = None if self.deny_consent else RESOURCE_OWNER
        return self._engine.create_authorization_response(grant.request, grant_user=owner, grant=grant)


def _where(error: BaseException) -> str:
    """The exception's type and the line that raised it, without its message (it could quote a secret)."""
    frames = traceback.extract_tb(error.__traceback__)
    if not frames:
        return type(error).__name__
    return f"{type(error).__name__} at {frames[-1].filename}:{frames[-1].lineno}"
