"""The keyword table drives these tests: every spelling, every terminal, every parser state."""

from __future__ import annotations

import pytest

from grammar.keywords import KEYWORDS, LANGUAGES, SHARED_SPELLINGS
from wlinterp.parser import lark_parser
from wlinterp.source import ident_key

from .conftest import parsed

# A program in which the keyword stands where the grammar expects it; {kw} marks the spot.
TEMPLATES = {
    "IF": "{kw} x THEN\nEND\n",
    "THEN": "IF x {kw}\nEND\n",
    "ELSE_IF": "IF x THEN\n{kw} y THEN\nEND\n",
    "ELSE": "IF x THEN\n{kw}\nEND\n",
    "END": "IF x THEN\n{kw}\n",
    "SWITCH": "{kw} x\nCASE 1\nEND\n",
    "CASE": "SWITCH x\n{kw} 1\nEND\n",
    "OTHER_CASE": "SWITCH x\n{kw}\nEND\n",
    "FOR": "{kw} i = 1 TO 2\nEND\n",
    "TO": "FOR i = 1 {kw} 2\nEND\n",
    "TO_ONCE": "FOR i = 1 {kw} 2\nEND\n",
    "STEP": "FOR i = 1 TO 2 {kw} 1\nEND\n",
    "FOR_EACH": "{kw} v OF t\nEND\n",
    "FOR_EACH_STRING": '{kw} v OF t SEPARATED BY ","\nEND\n',
    "ELEMENT": "FOR EACH {kw} v OF t\nEND\n",
    "OF": "FOR EACH v {kw} t\nEND\n",
    "IN": "FOR EACH v {kw} t\nEND\n",
    "SEPARATED_BY": 'FOR EACH STRING v OF t {kw} ","\nEND\n',
    "WHILE": "{kw} x\nEND\n",
    "LOOP": "{kw}\nEND\n",
    "BREAK": "LOOP\n{kw}\nEND\n",
    "CONTINUE": "LOOP\n{kw}\nEND\n",
    "PROCEDURE": "{kw} P()\n",
    "INTERNAL_PROCEDURE": "PROCEDURE P()\n{kw} Q()\nEND\n",
    "RETURN": "{kw}\n",
    "RESULT": "{kw} 1\n",
    "WHEN_EXCEPTION_IN": "{kw}\nDO\nEND\n",
    "DO": "WHEN EXCEPTION IN\n{kw}\nEND\n",
    "IS": "x {kw} int\n",
    "ARE": "x, y {kw} int\n",
    "ARTICLE": "x IS {kw} int\n",
    "LET": "{kw} x = 1\n",
    "ARRAY_OF": "x IS {kw} int\n",
    "ASSOCIATIVE_ARRAY_OF": "x IS {kw} int\n",
    "LOCAL": "{kw}\n",
    "GLOBAL": "{kw}\n",
    "CONSTANT": "{kw}\nX = 1\nEND\n",
    "AND": "b = x {kw} y\n",
    "OR": "b = x {kw} y\n",
    "NOT": "b = {kw} x\n",
    "AND_SC": "b = x {kw} y\n",
    "OR_SC": "b = x {kw} y\n",
    "IN_SC": "b = x {kw} (1, 2)\n",
    "NOT_IN": "b = x {kw} (1, 2)\n",
    "ON": "s = t[[1 {kw} 2]]\n",
    "TRUE": "b = {kw}\n",
    "FALSE": "b = {kw}\n",
    "NULL": "b = {kw}\n",
    "COMPILE_IF": "<{kw} x = 1>\nTrace(1)\n<END>\n",
}


def _strip_accents(text: str) -> str:
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def _cases():
    for entry in KEYWORDS:
        for lang in LANGUAGES:
            for spelling in getattr(entry, lang):
                for variant in {spelling, spelling.lower(), spelling.title(), _strip_accents(spelling)}:
                    yield pytest.param(entry.terminal, variant, id=f"{entry.terminal}-{lang}-{variant}")


def test_every_terminal_has_a_template():
    assert {entry.terminal for entry in KEYWORDS} == set(TEMPLATES)


@pytest.mark.parametrize(("terminal", "spelling"), list(_cases()))
def test_every_spelling_lexes_to_its_terminal(terminal: str, spelling: str):
    template = TEMPLATES[terminal]
    glue = spelling if spelling.endswith("'") else spelling + " "
    text = template.replace("{kw} ", glue).replace("{kw}", spelling)
    result = parsed(text)
    assert result.ok, [d.message for d in result.diagnostics]
    line = next(i for i, row in enumerate(template.splitlines(), 1) if "{kw}" in row)
    column = template.splitlines()[line - 1].index("{kw}") + 1
    found = [k.terminal for k in result.keywords if (k.span.line, k.span.column) == (line, column)]
    assert found == [terminal], f"{spelling!r} in {text!r} became {found}"


def _spelling_owners() -> dict[str, set[str]]:
    owners: dict[str, set[str]] = {}
    for entry in KEYWORDS:
        for lang in LANGUAGES:
            for spelling in getattr(entry, lang):
                owners.setdefault(ident_key(spelling), set()).add(entry.terminal)
    return owners


def test_shared_spellings_are_declared():
    shared = {key: terms for key, terms in _spelling_owners().items() if len(terms) > 1}
    declared = {ident_key(k): set(v) for k, v in SHARED_SPELLINGS.items()}
    assert shared == declared


def test_no_parser_state_accepts_two_meanings_of_one_spelling():
    table = lark_parser().parser.parser.parser.parse_table
    for spelling, terminals in SHARED_SPELLINGS.items():
        for state, actions in table.states.items():
            accepted = [t for t in terminals if t in actions]
            assert len(accepted) <= 1, f"state {state} accepts {accepted} for {spelling!r}"


def test_every_keyword_is_used_by_the_grammar():
    used = {symbol.name for rule in lark_parser().rules for symbol in rule.expansion}
    missing = [entry.terminal for entry in KEYWORDS if entry.terminal not in used]
    assert missing == []


def test_every_entry_has_all_three_languages():
    for entry in KEYWORDS:
        for lang in LANGUAGES:
            assert getattr(entry, lang), f"{entry.terminal} has no {lang} spelling"
