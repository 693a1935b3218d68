"""The keyword table indexed for the lexer and the tools: spelling → terminal, terminal → spellings."""

from __future__ import annotations

from dataclasses import dataclass, field

from grammar.keywords import KEYWORDS, LANGUAGES, Keyword

from .source import ident_key

__all__ = ["VOCABULARY", "Vocabulary"]


@dataclass
class Vocabulary:
    """Lookup tables derived from ``grammar.keywords.KEYWORDS``; built once at import."""

    # single-word spelling key → terminals it can stand for, in table order
    single: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # first word key → (following word keys, terminal), longest first
    multi: dict[str, list[tuple[tuple[str, ...], str]]] = field(default_factory=dict)
    # (spelling key, terminal) pairs that are also ordinary identifiers
    soft: set[tuple[str, str]] = field(default_factory=set)
    prefix: set[str] = field(default_factory=set)
    # (terminal, spelling key) → languages that spell the terminal so
    languages: dict[tuple[str, str], frozenset[str]] = field(default_factory=dict)
    by_terminal: dict[str, Keyword] = field(default_factory=dict)

    def spelling(self, terminal: str, lang: str = "en") -> str:
        """How ``lang`` writes ``terminal`` (its first spelling), e.g. ``spelling('END', 'fr') == 'FIN'``."""
        entry = self.by_terminal.get(terminal)
        if entry is None:
            return terminal
        return getattr(entry, lang if lang in LANGUAGES else "en")[0]

    def is_keyword(self, word: str) -> bool:
        return ident_key(word) in self.single


def _build() -> Vocabulary:
    vocab = Vocabulary()
    single: dict[str, list[str]] = {}
    for entry in KEYWORDS:
        vocab.by_terminal[entry.terminal] = entry
        if entry.prefix:
            vocab.prefix.add(entry.terminal)
        soft_keys = {ident_key(s) for s in entry.soft}
        for lang in LANGUAGES:
            for spelling in getattr(entry, lang):
                words = tuple(ident_key(w) for w in spelling.replace("'", "' ").split())
                key = " ".join(words)
                langs = vocab.languages.get((entry.terminal, key), frozenset())
                vocab.languages[(entry.terminal, key)] = langs | {lang}
                if len(words) == 1:
                    terminals = single.setdefault(words[0], [])
                    if entry.terminal not in terminals:
                        terminals.append(entry.terminal)
                    if words[0] in soft_keys:
                        vocab.soft.add((words[0], entry.terminal))
                else:
                    options = vocab.multi.setdefault(words[0], [])
                    if (words[1:], entry.terminal) not in options:
                        options.append((words[1:], entry.terminal))
    vocab.single = {key: tuple(terms) for key, terms in single.items()}
    for options in vocab.multi.values():
        options.sort(key=lambda option: -len(option[0]))
    return vocab


VOCABULARY = _build()
