"""Words that are keywords somewhere (``a``, ``y``, ``de``, ``sea``, ``para`` …) still work as variable names."""

from __future__ import annotations

import pytest

from .conftest import parsed, traces

CORPUS: list[tuple[str, list[str]]] = [
    # Spanish AND/OR/NOT and French TO as plain variables
    ("a is int = 1\ny is int = 2\no is int = 3\nTrace(a + y + o)\n", ["6"]),
    ("a, y, o are int\na = 1; y = 2; o = a + y\nTrace(o)\n", ["3"]),
    # …and as operators right next to the variables of the same name
    ("y, o are boolean\ny = Verdadero; o = Falso\nSI y Y NO o ENTONCES Trace(\"ok\")\n", ["ok"]),
    ("a is int = 4\nPOUR i = 1 A a\n\tTrace(i)\nFIN\n", ["1", "2", "3", "4"]),
    ("a is int = 2\nFOR i = a TO a + 1\n\tTrace(i)\nEND\n", ["2", "3"]),
    # French and Spanish "of", "is", "in", "no"
    ("de, es, en, no are int\nde = 1; es = 2; en = 3; no = 4\nTrace(de * es * en * no)\n", ["24"]),
    ("de is array of int = [1, 2]\nFOR EACH x OF de\n\tTrace(x)\nEND\n", ["1", "2"]),
    ("en is array of int = [5]\nPARA CADA x EN en\n\tTrace(x)\nFIN\n", ["5"]),
    ("no is boolean = False\nIF NOT no THEN Trace(\"negated\")\n", ["negated"]),
    ("no is int = 3\nTrace(no - 1, no + 1)\n", ["2 4"]),
    # substring length and separator words
    ("sur, par are int\nsur = 2; par = 3\nTrace(sur * par)\n", ["6"]),
    ("sur is int = 2\nTrace(Middle(\"abcdef\", sur, sur))\nTrace(\"abcdef\"[[2 SUR sur]])\n", ["bc", "bc"]),
    # Spanish FOR and LET, French LET and STEP/NOT
    ("para is int = 2\npara = para * 5\nTrace(para)\n", ["10"]),
    ("sea is string = \"x\"\nsea = sea + \"y\"\nTrace(sea)\n", ["xy"]),
    ("sea x = 5\nTrace(x)\n", ["5"]),
    ("soit is int = 1\nsoit += 1\nTrace(soit)\n", ["2"]),
    ("pas is int = 2\nPOUR i = 1 A 6 PAS pas\n\tTrace(i)\nFIN\n", ["1", "3", "5"]),
    ("pas is boolean = Faux\nSI PAS pas ALORS Trace(\"pas faux\")\n", ["pas faux"]),
    ("step is int = 3\nFOR i = 0 TO 6 STEP step\n\tTrace(i)\nEND\n", ["0", "3", "6"]),
    # articles, element, est, son, on, of, in
    ("un, une, des, una are int\nun = 1; une = 2; des = 3; una = 4\nTrace(un + une + des + una)\n", ["10"]),
    ("element is string = \"e\"\nt is array of strings = [\"a\"]\nFOR EACH element OF t\n\tTrace(element)\nEND\n", ["a"]),
    ("est is int = 7\nx est un entier = est\nTrace(x)\n", ["7"]),
    ("son is int = 1\nx, z son enteros\nx = son\nTrace(x)\n", ["1"]),
    ("on is string = \"on\"\nof is string = \"of\"\nin is string = \"in\"\nTrace(on + of + in)\n", ["onofin"]),
    ("dans is int = 1\nTrace(dans IN (1, 2))\n", ["1"]),
    ("hasta, paso, sobre are int\nhasta = 3; paso = 1; sobre = 2\nPARA i = paso HASTA hasta PASO paso\n\tTrace(i * sobre)\nFIN\n", ["2", "4", "6"]),
    # a procedure whose parameters are such words
    ("Trace(Sum(1, 2))\nPROCEDURE Sum(a, y)\nRESULT a + y\n", ["3"]),
    ("Trace(Pick(2))\nPROCEDURE Pick(de)\nSWITCH de\n\tCASE 1: RESULT \"one\"\n\tCASE 2: RESULT \"two\"\nEND\n", ["two"]),
]


@pytest.mark.parametrize(("text", "expected"), CORPUS, ids=[f"corpus-{i}" for i in range(len(CORPUS))])
def test_keyword_like_names_parse_and_run(text: str, expected: list[str]):
    result = parsed(text)
    assert result.ok, [d.message for d in result.diagnostics]
    assert traces(text) == expected


def test_the_corpus_covers_the_design_list():
    words = {"a", "y", "o", "de", "es", "en", "no", "sea", "para", "pas", "sur", "par"}
    text = " ".join(program for program, _ in CORPUS).lower()
    assert all(f"{w} " in text or f"{w}\n" in text for w in words)
