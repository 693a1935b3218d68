"""WLanguage's surface syntax as data: the LALR grammar file and the keyword table."""

from importlib import resources

__all__ = ["grammar_text"]


def grammar_text() -> str:
    """The text of wlanguage.lark."""
    return resources.files(__name__).joinpath("wlanguage.lark").read_text(encoding="utf-8")
