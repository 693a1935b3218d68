"""One program, three languages: English, French and Spanish keywords (and any mix) build equal ASTs."""

from __future__ import annotations

import pytest

from grammar.keywords import LANGUAGES
from wlinterp.vocabulary import VOCABULARY

from .conftest import parsed, program, traces

# (English, French, Spanish), written by hand; identifiers and built-in calls are the same in all three.
PROGRAMS: dict[str, tuple[str, str, str]] = {
    "declarations": (
        """
Count is int = 3
Subject is a string = "Hello"
Sender, Recipient are strings
Attempts is array of 3 int
Names is array of strings
Seen is associative array of boolean
let Total = Count * 2
Count += 2
Count -= 1
Count++
Subject += [" "] + "world"
""",
        """
Count est un entier = 3
Subject est une chaîne = "Hello"
Sender, Recipient sont des chaînes
Attempts est un tableau de 3 entiers
Names est un tableau de chaînes
Seen est un tableau associatif de booléens
soit Total = Count * 2
Count += 2
Count -= 1
Count++
Subject += [" "] + "world"
""",
        """
Count es un entero = 3
Subject es una cadena = "Hello"
Sender, Recipient son cadenas
Attempts es un arreglo de 3 enteros
Names es un arreglo de cadenas
Seen es un arreglo asociativo de booleanos
sea Total = Count * 2
Count += 2
Count -= 1
Count++
Subject += [" "] + "world"
""",
    ),
    "if_blocks": (
        """
IF Size > 10 THEN
\tTrace("big")
ELSE IF Size > 5 THEN
\tTrace("medium")
ELSE IF Size = 0
\tTrace("empty")
ELSE
\tTrace("small")
END
""",
        """
SI Size > 10 ALORS
\tTrace("big")
SINON SI Size > 5 ALORS
\tTrace("medium")
SINON SI Size = 0
\tTrace("empty")
SINON
\tTrace("small")
FIN
""",
        """
SI Size > 10 ENTONCES
\tTrace("big")
SINO SI Size > 5 ENTONCES
\tTrace("medium")
SINO SI Size = 0
\tTrace("empty")
SINO
\tTrace("small")
FIN
""",
    ),
    "single_line_if": (
        'IF Ok THEN Trace("yes") ELSE Trace("no")\nIF NOT Ok THEN RETURN\n',
        'SI Ok ALORS Trace("yes") SINON Trace("no")\nSI PAS Ok ALORS RETOUR\n',
        'SI Ok ENTONCES Trace("yes") SINO Trace("no")\nSI NO Ok ENTONCES RETORNAR\n',
    ),
    "switch": (
        """
SWITCH Code
\tCASE 1, 2: Trace("low")
\tCASE 3 TO 5
\t\tTrace("mid")
\tCASE > 100
\t\tTrace("huge")
\tOTHER CASE
\t\tTrace("other")
END
""",
        """
SELON Code
\tCAS 1, 2: Trace("low")
\tCAS 3 À 5
\t\tTrace("mid")
\tCAS > 100
\t\tTrace("huge")
\tAUTRE CAS
\t\tTrace("other")
FIN
""",
        """
SEGÚN Code
\tCASO 1, 2: Trace("low")
\tCASO 3 HASTA 5
\t\tTrace("mid")
\tCASO > 100
\t\tTrace("huge")
\tOTRO CASO
\t\tTrace("other")
FIN
""",
    ),
    "for_loops": (
        """
FOR i = 1 TO 10 STEP 2
\tTrace(i)
END
FOR j = 10 _TO_ 1 STEP -3
\tTrace(j)
END
""",
        """
POUR i = 1 À 10 PAS 2
\tTrace(i)
FIN
POUR j = 10 _A_ 1 PAS -3
\tTrace(j)
FIN
""",
        """
PARA i = 1 HASTA 10 PASO 2
\tTrace(i)
FIN
PARA j = 10 _HASTA_ 1 PASO -3
\tTrace(j)
FIN
""",
    ),
    "for_each": (
        """
FOR EACH Address, Rank OF Recipients
\tTrace(Rank, Address)
END
FOR EACH ELEMENT Address OF Recipients
\tTrace(Address)
END
FOR EACH STRING Word OF Line SEPARATED BY ";"
\tTrace(Word)
END
""",
        """
POUR TOUT Address, Rank DE Recipients
\tTrace(Rank, Address)
FIN
POUR TOUT ÉLÉMENT Address DE Recipients
\tTrace(Address)
FIN
POUR TOUTE CHAÎNE Word DE Line SÉPARÉE PAR ";"
\tTrace(Word)
FIN
""",
        """
PARA CADA Address, Rank DE Recipients
\tTrace(Rank, Address)
FIN
PARA CADA ELEMENTO Address DE Recipients
\tTrace(Address)
FIN
PARA CADA CADENA Word DE Line SEPARADA POR ";"
\tTrace(Word)
FIN
""",
    ),
    "while": (
        """
WHILE Remaining > 0
\tRemaining--
\tIF Remaining = 5 THEN CONTINUE
\tIF Remaining < 2 THEN BREAK
END
""",
        """
TANTQUE Remaining > 0
\tRemaining--
\tSI Remaining = 5 ALORS CONTINUER
\tSI Remaining < 2 ALORS SORTIR
FIN
""",
        """
MIENTRAS Remaining > 0
\tRemaining--
\tSI Remaining = 5 ENTONCES CONTINUAR
\tSI Remaining < 2 ENTONCES SALIR
FIN
""",
    ),
    "loops": (
        "LOOP\n\tTries++\n\tIF Tries >= 3 THEN BREAK\nEND\nLOOP (2)\n\tTrace(Tries)\nEND\n",
        "BOUCLE\n\tTries++\n\tSI Tries >= 3 ALORS SORTIR\nFIN\nBOUCLE (2)\n\tTrace(Tries)\nFIN\n",
        "BUCLE\n\tTries++\n\tSI Tries >= 3 ENTONCES SALIR\nFIN\nBUCLE (2)\n\tTrace(Tries)\nFIN\n",
    ),
    "exceptions": (
        """
WHEN EXCEPTION IN
\tExceptionThrow(7, "no server")
DO
\tTrace(ExceptionInfo(errMessage))
ELSE
\tTrace("fine")
END
""",
        """
QUAND EXCEPTION DANS
\tExceptionThrow(7, "no server")
FAIRE
\tTrace(ExceptionInfo(errMessage))
SINON
\tTrace("fine")
FIN
""",
        """
CUANDO EXCEPCIÓN EN
\tExceptionThrow(7, "no server")
HACER
\tTrace(ExceptionInfo(errMessage))
SINO
\tTrace("fine")
FIN
""",
    ),
    "procedures": (
        """
Trace(Greet("Ada"))
PROCEDURE Greet(LOCAL Name is string, Greeting = "Hello", *)
IF Name = "" THEN RETURN
RESULT Greeting + " " + Name
PROCEDURE Twice(Value is int): int
RESULT Value * 2
""",
        """
Trace(Greet("Ada"))
PROCÉDURE Greet(LOCAL Name est une chaîne, Greeting = "Hello", *)
SI Name = "" ALORS RETOUR
RENVOYER Greeting + " " + Name
PROCÉDURE Twice(Value est un entier): entier
RENVOYER Value * 2
""",
        """
Trace(Greet("Ada"))
PROCEDIMIENTO Greet(LOCAL Name es una cadena, Greeting = "Hello", *)
SI Name = "" ENTONCES RETORNAR
DEVOLVER Greeting + " " + Name
PROCEDIMIENTO Twice(Value es un entero): entero
DEVOLVER Value * 2
""",
    ),
    "internal_procedure": (
        """
PROCEDURE Outer()
INTERNAL PROCEDURE Inner(x)
\tRESULT x + 1
END
RESULT Inner(1)
""",
        """
PROCÉDURE Outer()
PROCÉDURE INTERNE Inner(x)
\tRENVOYER x + 1
FIN
RENVOYER Inner(1)
""",
        """
PROCEDIMIENTO Outer()
PROCEDIMIENTO INTERNO Inner(x)
\tDEVOLVER x + 1
FIN
DEVOLVER Inner(1)
""",
    ),
    "constants_and_scopes": (
        """
CONSTANT
\tMaxRecipients = 50
\tDefaultPort = 25
END
CONSTANT Timeout = 30
GLOBAL
Shared is int
LOCAL
Mine is string
""",
        """
CONSTANTE
\tMaxRecipients = 50
\tDefaultPort = 25
FIN
CONSTANTE Timeout = 30
GLOBALE
Shared est un entier
LOCAL
Mine est une chaîne
""",
        """
CONSTANTE
\tMaxRecipients = 50
\tDefaultPort = 25
FIN
CONSTANTE Timeout = 30
GLOBAL
Shared es un entero
LOCAL
Mine es una cadena
""",
    ),
    "operators": (
        """
b = x > 1 AND y < 2 OR NOT z
b = x _AND_ y _OR_ z
b = Port IN (25, 465, 587)
b = Port NOT IN (80, 443)
b = Port _IN_ (25, 587)
b = 1 < Port <= 1024
b = Port = 1 TO 1024
s = Subject[[2 TO 4]] + Subject[[1 ON 3]] + Subject[[5 TO]] + Subject[[TO 2]]
b = TRUE OR FALSE
v = NULL
""",
        """
b = x > 1 ET y < 2 OU PAS z
b = x _ET_ y _OU_ z
b = Port DANS (25, 465, 587)
b = Port PAS DANS (80, 443)
b = Port _DANS_ (25, 587)
b = 1 < Port <= 1024
b = Port = 1 À 1024
s = Subject[[2 À 4]] + Subject[[1 SUR 3]] + Subject[[5 À]] + Subject[[À 2]]
b = VRAI OU FAUX
v = NULL
""",
        """
b = x > 1 Y y < 2 O NO z
b = x _Y_ y _O_ z
b = Port EN (25, 465, 587)
b = Port NO EN (80, 443)
b = Port _EN_ (25, 587)
b = 1 < Port <= 1024
b = Port = 1 HASTA 1024
s = Subject[[2 HASTA 4]] + Subject[[1 SOBRE 3]] + Subject[[5 HASTA]] + Subject[[HASTA 2]]
b = VERDADERO O FALSO
v = NULO
""",
    ),
    "compile_if": (
        '<COMPILE IF Configuration = "Linux">\nTrace("linux")\n<ELSE>\nTrace("other")\n<END>\n',
        '<COMPILE SI Configuration = "Linux">\nTrace("linux")\n<SINON>\nTrace("other")\n<FIN>\n',
        '<COMPILAR SI Configuration = "Linux">\nTrace("linux")\n<SINO>\nTrace("other")\n<FIN>\n',
    ),
}


def test_there_are_enough_programs():
    assert len(PROGRAMS) >= 12


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_three_languages_build_one_ast(name: str):
    english, french, spanish = (program(text) for text in PROGRAMS[name])
    assert english == french
    assert english == spanish


def respell(text: str, choose) -> str:
    """The program with its i-th keyword written in language ``choose(i)`` (spliced, layout kept)."""
    result = parsed(text)
    assert result.ok
    lines = text.split("\n")
    for index, use in reversed(list(enumerate(result.keywords))):
        row = lines[use.span.line - 1]
        start, end = use.span.column - 1, use.span.end_column - 1
        lines[use.span.line - 1] = row[:start] + VOCABULARY.spelling(use.terminal, choose(index)) + row[end:]
    return "\n".join(lines)


@pytest.mark.parametrize("name", sorted(PROGRAMS))
@pytest.mark.parametrize("offset", [0, 1, 2])
def test_a_mix_token_by_token_builds_the_same_ast(name: str, offset: int):
    english = PROGRAMS[name][0]
    mixed = respell(english, lambda i: LANGUAGES[(i + offset) % 3])
    assert mixed != english or offset == 0
    assert program(mixed) == program(english), mixed


def test_mixed_program_runs_like_the_english_one():
    english = "Total is int\nFOR i = 1 TO 4 STEP 1\n\tIF i = 2 THEN CONTINUE\n\tTotal += i\nEND\nTrace(Total)\n"
    mixed = respell(english, lambda i: LANGUAGES[i % 3])
    assert traces(mixed) == traces(english) == ["8"]


def test_keywords_ignore_case_and_accents():
    assert program("si X alors\nfin\n") == program("SI X ALORS\nFIN\n")
    assert program("PROCEDURE P()\nRESULTAT 1\n") == program("PROCÉDURE P()\nRÉSULTAT 1\n")
    assert program("x est une chaine\n") == program("x est une chaîne\n")
