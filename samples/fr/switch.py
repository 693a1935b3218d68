"""switch.wl, transpiled by wlinterp (faithful style).

Run it with: python switch.py [--smtp capture|live|HOST:PORT] [--outbox DIR] [--report FILE.json]
"""

import sys

from wlinterp.pyrt import Program, sem

wl = Program("switch.wl")


def main() -> None:
    # SELON : lire les codes de réponse d'un serveur SMTP.
    # Un CAS accepte une valeur, plusieurs valeurs, un intervalle (À) ou une comparaison.
    Codes = wl.new("array of int", 250, 354, 421, 550, 221, 999, 199)
    for Code in list(Codes):
        if Code == 250:
            wl.Trace(Code, "action demandée effectuée")
        elif Code == 221 or Code == 354:
            wl.Trace(Code, "le serveur attend l'étape suivante")
        elif 400 <= Code <= 499:
            wl.Trace(Code, "échec temporaire : réessayer plus tard")
        elif 500 <= Code <= 599:
            wl.Trace(Code, "échec définitif")
        elif sem.compare(">", Code, 900):
            wl.Trace(Code, "n'est pas un code SMTP")
        else:
            wl.Trace(Code, "inattendu")
    # Un SELON sur une chaîne ; les deux-points après les valeurs sont facultatifs
    Extension: str = "JPG"
    _subject = wl.Lower(Extension)
    if _subject == "pdf" or _subject == "odt":
        wl.Trace("un document")
    elif _subject == "jpg" or _subject == "png":
        wl.Trace("une image")
    else:
        wl.Trace("une pièce jointe d'un autre type")


# the line of switch.wl each statement above comes from, for the positions of runtime errors
SOURCE_MAP = "16=3 17=5 18=7 19=7 20=8 21=9 22=10 23=11 24=12 25=12 26=13 27=14 29=16 31=21 32=22 33=23 34=24 35=25 36=26 38=27"
wl.source_map(SOURCE_MAP, __file__)


if __name__ == "__main__":
    sys.exit(wl.run(main))
