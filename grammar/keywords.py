"""The keyword table: every reserved word's canonical terminal and its EN/FR/ES spellings.

This module is data only. The lexer reads it to turn words into terminals, the grammar names
the terminals, the tests generate their tables from it, and the translation tools will read it
to respell a program. Matching ignores case and accents, so one accented spelling covers its
unaccented form (``RÉSULTAT`` also matches ``RESULTAT``).

A spelling listed in ``soft`` is also an ordinary identifier in real code (``a``, ``y``, ``de``,
``para`` …): the lexer makes it a keyword only where the parser can take that keyword.
A few spellings belong to two terminals (French ``PAS`` is NOT and STEP, ``A`` is TO and the
English article); ``SHARED_SPELLINGS`` lists them, and a test proves from the parse table that
no parser state accepts both meanings.
"""

from __future__ import annotations

from typing import NamedTuple


class Keyword(NamedTuple):
    """One reserved word: its terminal in the grammar and how each language spells it."""

    terminal: str
    en: tuple[str, ...]
    fr: tuple[str, ...]
    es: tuple[str, ...]
    soft: tuple[str, ...] = ()
    # A prefix operator is taken only when an operand (not a binary operator) follows it.
    prefix: bool = False


LANGUAGES: tuple[str, ...] = ("en", "fr", "es")

KEYWORDS: tuple[Keyword, ...] = (
    # --- conditions -------------------------------------------------------------------
    Keyword("IF", ("IF",), ("SI",), ("SI",)),
    Keyword("THEN", ("THEN",), ("ALORS",), ("ENTONCES",)),
    Keyword("ELSE_IF", ("ELSE IF",), ("SINON SI",), ("SINO SI",)),
    Keyword("ELSE", ("ELSE",), ("SINON",), ("SINO",)),
    Keyword("END", ("END",), ("FIN",), ("FIN",)),
    Keyword("SWITCH", ("SWITCH",), ("SELON",), ("SEGÚN",)),
    Keyword("CASE", ("CASE",), ("CAS",), ("CASO",)),
    Keyword("OTHER_CASE", ("OTHER CASE",), ("AUTRE CAS", "AUTRES CAS"), ("OTRO CASO",)),
    # --- loops ------------------------------------------------------------------------
    Keyword("FOR", ("FOR",), ("POUR",), ("PARA",), soft=("PARA",)),
    Keyword("TO", ("TO",), ("À",), ("HASTA",), soft=("À", "HASTA")),
    Keyword("TO_ONCE", ("_TO_",), ("_À_",), ("_HASTA_",)),
    Keyword("STEP", ("STEP",), ("PAS",), ("PASO",), soft=("STEP", "PAS", "PASO")),
    Keyword(
        "FOR_EACH",
        ("FOR EACH", "FOR ALL"),
        ("POUR TOUT", "POUR TOUS", "POUR TOUTE"),
        ("PARA CADA", "PARA TODO", "PARA TODOS", "PARA TODA"),
    ),
    Keyword(
        "FOR_EACH_STRING",
        ("FOR EACH STRING", "FOR ALL STRING"),
        ("POUR TOUTE CHAÎNE",),
        ("PARA CADA CADENA",),
    ),
    Keyword("ELEMENT", ("ELEMENT",), ("ÉLÉMENT",), ("ELEMENTO",), soft=("ELEMENT", "ÉLÉMENT", "ELEMENTO")),
    Keyword("OF", ("OF",), ("DE",), ("DE",), soft=("OF", "DE")),
    Keyword("IN", ("IN",), ("DANS",), ("EN",), soft=("IN", "DANS", "EN")),
    Keyword("SEPARATED_BY", ("SEPARATED BY",), ("SÉPARÉE PAR", "SÉPARÉ PAR"), ("SEPARADA POR",)),
    Keyword("WHILE", ("WHILE",), ("TANTQUE",), ("MIENTRAS",)),
    Keyword("LOOP", ("LOOP",), ("BOUCLE",), ("BUCLE",)),
    Keyword("BREAK", ("BREAK",), ("SORTIR",), ("SALIR",)),
    Keyword("CONTINUE", ("CONTINUE",), ("CONTINUER",), ("CONTINUAR",)),
    # --- procedures and exits ---------------------------------------------------------
    Keyword("PROCEDURE", ("PROCEDURE", "FUNCTION"), ("PROCÉDURE", "FONCTION"), ("PROCEDIMIENTO", "FUNCIÓN")),
    Keyword("INTERNAL_PROCEDURE", ("INTERNAL PROCEDURE",), ("PROCÉDURE INTERNE",), ("PROCEDIMIENTO INTERNO",)),
    Keyword("RETURN", ("RETURN",), ("RETOUR",), ("RETORNAR",)),
    Keyword("RESULT", ("RESULT",), ("RENVOYER", "RÉSULTAT"), ("DEVOLVER",)),
    Keyword("WHEN_EXCEPTION_IN", ("WHEN EXCEPTION IN",), ("QUAND EXCEPTION DANS",), ("CUANDO EXCEPCIÓN EN",)),
    Keyword("DO", ("DO",), ("FAIRE",), ("HACER",)),
    # --- declarations -----------------------------------------------------------------
    Keyword("IS", ("IS",), ("EST",), ("ES",), soft=("EST", "ES")),
    Keyword("ARE", ("ARE",), ("SONT",), ("SON",), soft=("SON",)),
    Keyword("ARTICLE", ("A", "AN"), ("UN", "UNE", "DES"), ("UN", "UNA", "UNOS", "UNAS"), soft=("A", "AN", "UN", "UNE", "DES", "UNA", "UNOS", "UNAS")),
    Keyword("LET", ("LET",), ("SOIT",), ("SEA",), soft=("LET", "SOIT", "SEA")),
    Keyword("ARRAY_OF", ("ARRAY OF",), ("TABLEAU DE", "TABLEAU D'"), ("ARREGLO DE",)),
    Keyword(
        "ASSOCIATIVE_ARRAY_OF",
        ("ASSOCIATIVE ARRAY OF",),
        ("TABLEAU ASSOCIATIF DE", "TABLEAU ASSOCIATIF D'"),
        ("ARREGLO ASOCIATIVO DE",),
    ),
    Keyword("LOCAL", ("LOCAL",), ("LOCAL",), ("LOCAL",)),
    Keyword("GLOBAL", ("GLOBAL",), ("GLOBAL", "GLOBALE"), ("GLOBAL",)),
    Keyword("CONSTANT", ("CONSTANT",), ("CONSTANTE",), ("CONSTANTE",)),
    # --- operators written as words ---------------------------------------------------
    Keyword("AND", ("AND",), ("ET",), ("Y",), soft=("Y",)),
    Keyword("OR", ("OR",), ("OU",), ("O",), soft=("O",)),
    Keyword("NOT", ("NOT",), ("PAS",), ("NO",), soft=("PAS", "NO"), prefix=True),
    Keyword("AND_SC", ("_AND_",), ("_ET_",), ("_Y_",)),
    Keyword("OR_SC", ("_OR_",), ("_OU_",), ("_O_",)),
    Keyword("IN_SC", ("_IN_",), ("_DANS_",), ("_EN_",)),
    Keyword("NOT_IN", ("NOT IN",), ("PAS DANS",), ("NO EN",)),
    Keyword("ON", ("ON",), ("SUR",), ("SOBRE",), soft=("ON", "SUR", "SOBRE")),
    Keyword("TRUE", ("TRUE",), ("VRAI",), ("VERDADERO",)),
    Keyword("FALSE", ("FALSE",), ("FAUX",), ("FALSO",)),
    Keyword("NULL", ("NULL",), ("NULL",), ("NULO",)),
    # --- conditional compilation (between < and > at the start of a line) -------------
    Keyword("COMPILE_IF", ("COMPILE IF",), ("COMPILE SI",), ("COMPILAR SI",)),
)

# Spellings that stand for two terminals; the grammar never accepts both in one state.
SHARED_SPELLINGS: dict[str, tuple[str, ...]] = {
    "PAS": ("NOT", "STEP"),
    "A": ("ARTICLE", "TO"),
}

# Units that may follow a number to make a duration literal (``2 min 8 s``), in milliseconds.
DURATION_UNITS: dict[str, int] = {
    "ms": 1,
    "s": 1000,
    "sec": 1000,
    "min": 60_000,
    "h": 3_600_000,
    "d": 86_400_000,
    "j": 86_400_000,
}
