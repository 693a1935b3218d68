"""One client of a capture mailbox server: bounded line reads and writes over asyncio streams, in the clear or in TLS.

Every wait on the client is bounded (``idle_timeout`` for each read and write, a separate bound
for a TLS handshake), every line is bounded (``LINE_LIMIT``), and a client that goes away,
idles out or sends an endless line ends up as one of the two exceptions below, never as a
traceback. The connection also knows how it is protected (plain, starttls, tls) and which ports
it joins, for the login records.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import ssl

__all__ = ["LINE_LIMIT", "Connection", "ConnectionClosed", "LineTooLong"]

log = logging.getLogger(__name__)

# a command line can carry a whole XOAUTH2 token (Microsoft's are JWTs of several kilobytes)
LINE_LIMIT = 64 * 1024
HANDSHAKE_TIMEOUT = 30.0
CLOSE_TIMEOUT = 2.0


class ConnectionClosed(Exception):
    """The client hung up, broke the TLS layer, or stayed silent longer than the idle timeout."""


class LineTooLong(Exception):
    """The client sent a line longer than LINE_LIMIT; the rest of it may still be on its way."""


class Connection:
    """One accepted client: its streams, how they are protected, and reads and writes that cannot hang."""

    def __init__(
        self,
        reader: asyncio.StreamReader,
        writer: asyncio.StreamWriter,
        *,
        implicit_tls: bool,
        tls_context: ssl.SSLContext,
        idle_timeout: float,
        handshake_timeout: float = HANDSHAKE_TIMEOUT,
    ):
        self.reader = reader
        self.writer = writer
        self.security = "tls" if implicit_tls else "plain"
        self.idle_timeout = idle_timeout
        self._tls_context = tls_context
        self._handshake_timeout = handshake_timeout
        self.local_port = _port(writer.get_extra_info("sockname"))
        self.peer_port = _port(writer.get_extra_info("peername"))
        self.timed_out = False

    @property
    def encrypted(self) -> bool:
        """Whether the connection runs in TLS now (implicit, or after STARTTLS/STLS)."""
        return self.security != "plain"

    async def read_line(self) -> bytes:
        """The next line, its line end included; LineTooLong, or ConnectionClosed when the client is gone or idle."""
        try:
            line = await asyncio.wait_for(self.reader.readline(), self.idle_timeout)
        except TimeoutError as error:
            self.timed_out = True
            raise ConnectionClosed("idle timeout") from error
        except ValueError as error:  # asyncio's "Separator is not found, and chunk exceed the limit"
            raise LineTooLong from error
        except (ConnectionError, ssl.SSLError) as error:
            raise ConnectionClosed(type(error).__name__) from error
        if not line.endswith(b"\n"):
            raise ConnectionClosed("end of stream")
        return line

    async def read_exactly(self, size: int) -> bytes:
        """The next ``size`` bytes (an IMAP literal); ConnectionClosed as for read_line."""
        try:
            return await asyncio.wait_for(self.reader.readexactly(size), self.idle_timeout)
        except TimeoutError as error:
            self.timed_out = True
            raise ConnectionClosed("idle timeout") from error
        except (asyncio.IncompleteReadError, ConnectionError, ssl.SSLError) as error:
            raise ConnectionClosed(type(error).__name__) from error

    async def send(self, data: bytes) -> None:
        """Write ``data`` and wait until it is on its way; ConnectionClosed if the client does not take it."""
        if self.writer.is_closing():
            raise ConnectionClosed("closed")
        self.writer.write(data)
        try:
            await asyncio.wait_for(self.writer.drain(), self.idle_timeout)
        except TimeoutError as error:
            self.timed_out = True
            raise ConnectionClosed("the client does not read") from error
        except (ConnectionError, ssl.SSLError) as error:
            raise ConnectionClosed(type(error).__name__) from error

    async def start_tls(self, go_ahead: bytes) -> None:
        """Send ``go_ahead`` (the answer to STARTTLS/STLS) and upgrade to TLS; ConnectionClosed if that fails."""
        transport = self.writer.transport
        # Stop reading before the go-ahead leaves: the client's TLS hello must reach the TLS layer,
        # not the plain-text buffer, however fast it comes back.
        transport.pause_reading()
        # RFC 3207/2595: what the client sent in the clear after the command is discarded, or an
        # attacker could inject commands that would run as if they had come over TLS.
        # (StreamReader has no public way to empty its buffer.)
        buffered = getattr(self.reader, "_buffer", None)
        if isinstance(buffered, bytearray):
            buffered.clear()
        await self.send(go_ahead)
        try:
            # asyncio's start_tls resumes reading once the TLS layer is in place
            await self.writer.start_tls(self._tls_context, ssl_handshake_timeout=self._handshake_timeout)
        except (ConnectionError, ssl.SSLError, TimeoutError, OSError) as error:
            log.info("a client gave up during the TLS upgrade: %s", type(error).__name__)
            raise ConnectionClosed("TLS handshake failed") from error
        self.security = "starttls"

    async def close(self) -> None:
        """Hang up, waiting briefly for the goodbye to leave."""
        self.writer.close()
        with contextlib.suppress(Exception):
            await asyncio.wait_for(self.writer.wait_closed(), CLOSE_TIMEOUT)

    def abort(self) -> None:
        """Cut the connection at once (the server is stopping)."""
        if self.writer.transport is not None:
            self.writer.transport.abort()


def _port(address: object) -> int:
    return address[1] if isinstance(address, tuple) and len(address) >= 2 else 0
