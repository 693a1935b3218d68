"""conditions.wl, transpiled by wlinterp (faithful style).

Run it with: python conditions.py [--smtp capture|live|HOST:PORT] [--outbox DIR] [--report FILE.json]
"""

import sys

from wlinterp.pyrt import Program, sem

wl = Program("conditions.wl")


def main() -> None:
    # Les instructions SI : choisir où ranger un message reçu.
    Expéditeur: str = "lettre@boutique.exemple.fr"
    TailleMessage: int = 2048
    NonLus: int = 5
    # Un SI sur plusieurs lignes, avec des branches SINON SI et un SINON
    if TailleMessage > 10000:
        wl.Trace("Message volumineux : à télécharger plus tard")
    elif sem.compare("[=", Expéditeur, "lettre"):
        wl.Trace("Une lettre d'information : dossier Promotions")
        Dossier: str = "Promotions"
    elif sem.compare("=]", Expéditeur, "@exemple.fr"):
        wl.Trace("Un collègue : on le garde dans la boîte de réception")
    else:
        wl.Trace("Quelqu'un d'autre")
    # Une variable déclarée dans un bloc reste utilisable après le bloc
    wl.Trace("Dossier :", Dossier)
    # Un SI sur une ligne n'a pas de FIN ; il peut avoir un SINON sur la même ligne
    if NonLus > 0:
        wl.Trace(NonLus, "messages non lus")
    else:
        wl.Trace("Rien de nouveau")
    if NonLus == 0:
        wl.Trace("Boîte vide !")
    else:
        wl.Trace("Encore", NonLus, "à lire")
    if TailleMessage < 1024:
        wl.Trace("Petit message")
    # Un nombre est une condition à lui seul : 0 vaut Faux, toute autre valeur Vrai
    if sem.to_bool(NonLus):
        wl.Trace("NonLus ne vaut pas 0")
    # Une longue condition peut continuer après un ET ou un OU en fin de ligne, ou après "..."
    if NonLus > 0 and TailleMessage < 5000:
        wl.Trace("Petit et non lu : afficher un aperçu")
    if sem.compare("=]", Expéditeur, ".fr") or sem.compare("=]", Expéditeur, ".org"):
        wl.Trace("Un expéditeur en .fr ou en .org")
    # Les mots-clés s'écrivent indifféremment en majuscules ou en minuscules
    if NonLus >= 5:
        wl.Trace("Cinq ou plus")
    else:
        wl.Trace("Moins de cinq")


# the line of conditions.wl each statement above comes from, for the positions of runtime errors
SOURCE_MAP = "15=2 16=3 17=4 19=7 20=8 21=9 22=10 23=11 24=12 25=13 27=15 29=19 31=22 32=22 34=22 35=23 36=23 38=23 39=24 40=24 42=27 43=27 45=30 46=32 47=34 48=35 50=38 51=38 53=38"
wl.source_map(SOURCE_MAP, __file__)


if __name__ == "__main__":
    sys.exit(wl.run(main))
