"""The email library's failure: an operation that did not succeed, with a message safe to show (it never holds a secret)."""

from __future__ import annotations

__all__ = ["EmailFailure"]


class EmailFailure(Exception):
    """An email operation failed; the text names the server, the port and what to check."""
