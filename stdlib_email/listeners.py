"""The named loopback listeners an embedded server runs on: their ports, and closing them cleanly."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Self

__all__ = ["HANDSHAKE_GRACE", "LOOPBACK", "Listeners"]

LOOPBACK = "127.0.0.1"
# Before Python 3.13 (abort_clients) a connection still in its TLS handshake cannot be cut:
# a stopping server gives it this long, not the handshake's own time-out
HANDSHAKE_GRACE = 1.0

log = logging.getLogger("wlinterp.capture")


class Listeners:
    """A server's asyncio listeners by name ("plain", "tls", "imaps" …), each on a free loopback port."""

    def __init__(self, what: str):
        self.what = what
        self._servers: dict[str, asyncio.Server] = {}

    def __bool__(self) -> bool:
        return bool(self._servers)

    def add(self, name: str, server: asyncio.Server) -> None:
        self._servers[name] = server

    def port(self, name: str) -> int:
        if name not in self._servers:
            raise RuntimeError(f"the {self.what} is not running")
        return self._servers[name].sockets[0].getsockname()[1]

    def ensure_stopped(self) -> None:
        if self._servers:
            raise RuntimeError(f"the {self.what} is already running")

    async def close(self, cut_connections: Callable[[], Awaitable[None]]) -> None:
        """Stop listening, let the owner cut its open connections, then wait (briefly) for the listeners."""
        servers, self._servers = list(self._servers.values()), {}
        for server in servers:
            server.close()
            if hasattr(server, "abort_clients"):  # Python 3.13+: also cuts connections still in a TLS handshake
                server.abort_clients()
        await cut_connections()
        for server in servers:
            try:
                await asyncio.wait_for(server.wait_closed(), HANDSHAKE_GRACE)
            except TimeoutError:
                log.info("%s stopped with a TLS handshake still pending", self.what)


class ServerLifecycle:
    """``async with server:`` starts and stops an embedded server."""

    async def start(self) -> None:  # pragma: no cover - interface
        raise NotImplementedError

    async def stop(self) -> None:  # pragma: no cover - interface
        raise NotImplementedError

    async def __aenter__(self) -> Self:
        await self.start()
        return self

    async def __aexit__(self, *_: object) -> None:
        await self.stop()
