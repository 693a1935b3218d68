"""string_operators.wl, transpiled by wlinterp (faithful style).

Run it with: python string_operators.py [--smtp capture|live|HOST:PORT] [--outbox DIR] [--report FILE.json]
"""

import sys

from wlinterp.pyrt import Program, sem

wl = Program("string_operators.wl")


def main() -> None:
    # Les opérateurs sur les chaînes : extraction, interpolation [% %], concaténation optionnelle,
    # syntaxe préfixée et chaînes multilignes.
    Sujet: str = "Facture 2024-117 pour mars"
    # [[ ]] extrait une partie de chaîne : un caractère, un intervalle (À) ou une longueur (SUR)
    wl.Trace(wl.substring(Sujet, "range", 1, 7))
    wl.Trace(wl.substring(Sujet, "count", 9, 8))
    wl.Trace(wl.substring(Sujet, "from", 23))
    wl.Trace(wl.substring(Sujet, "at", 1) + wl.substring(Sujet, "at", len(Sujet)))
    # [% %] insère la valeur d'une expression dans une chaîne
    NonLus: int = 3
    wl.Trace(
        "Vous avez "
        + sem.to_string(NonLus)
        + " nouveaux messages, "
        + sem.to_string(NonLus * 2)
        + " au total"
    )
    # s + [sép] + t n'ajoute le séparateur que s'il manque
    Destinataires = wl.new(
        "array of string", "ada@exemple.fr", "grace@exemple.fr", "alan@exemple.fr"
    )
    LigneA: str = ""
    for Adresse in list(Destinataires):
        LigneA = sem.optional_concat(LigneA, ", ", Adresse)
    wl.Trace(LigneA)
    Dossier: str = "archives/"
    wl.Trace(sem.optional_concat(Dossier, "/", "2024"))
    wl.Trace(sem.optional_concat("archives", "/", "2024"))
    # Syntaxe préfixée : Sujet.Majuscule() équivaut à Majuscule(Sujet)
    wl.Trace(
        wl.call(Sujet, "Upper"),
        wl.call(Sujet, "Taille"),
        wl.call(wl.call(Sujet, "Left", 7), "Lower"),
    )
    # Une chaîne multiligne garde ses retours à la ligne
    Pied: str = "Envoyé avec wlinterp\r\nMerci de ne pas répondre"
    wl.Info(Pied)


# the line of string_operators.wl each statement above comes from, for the positions of runtime errors
SOURCE_MAP = "16=3 18=6 19=7 20=8 21=9 23=12 24=13 32=16 35=17 36=18 37=19 38=21 39=22 40=23 41=24 43=27 49=30 50=34"
wl.source_map(SOURCE_MAP, __file__)


if __name__ == "__main__":
    sys.exit(wl.run(main))
