"""placeholders.wl, transpiled by wlinterp (faithful style).

Run it with: python placeholders.py [--smtp capture|live|HOST:PORT] [--outbox DIR] [--report FILE.json]
"""

import sys

from wlinterp.pyrt import Program, sem

wl = Program("placeholders.wl", lenient=True)


def main(UTILISATEUR=None, MOTDEPASSE=None, SAI_Serveur=None) -> None:
    # not declared in the program (UTILISATEUR, MOTDEPASSE, SAI_Serveur): give them values with --define NAME=…
    # Les exemples de l'aide utilisent souvent des noms jamais déclarés : UTILISATEUR, MOTDEPASSE,
    # un champ comme SAI_Serveur. wlinterp refuse de les exécuter, sauf en mode tolérant :
    #     wlinterp run placeholders.wl --lenient --define UTILISATEUR=ada
    # UTILISATEUR reçoit alors sa valeur de la ligne de commande. MOTDEPASSE et SAI_Serveur restent
    # vides et sont signalés par des avertissements, comme NoteTentative, une procédure qui
    # n'existe pas (l'appeler ne fait rien).
    wl.Trace("Ouverture d'une session pour", UTILISATEUR)
    Adresse: str = sem.convert_to("string", sem.add(UTILISATEUR, "@exemple.fr"))
    wl.Trace("Adresse :", Adresse)
    if sem.equals(MOTDEPASSE, ""):
        wl.Warning("Aucun mot de passe pour " + sem.to_string(UTILISATEUR))
    Serveur: str = sem.convert_to("string", SAI_Serveur)
    if Serveur == "":
        Serveur = "smtp.exemple.fr"
    wl.Trace("Serveur :", Serveur)
    wl.nothing("NoteTentative", UTILISATEUR, Serveur)
    wl.Trace("Terminé")


# the line of placeholders.wl each statement above comes from, for the positions of runtime errors
SOURCE_MAP = "21=7 22=8 23=9 24=11 25=11 26=13 27=14 28=14 29=15 30=17 31=18"
wl.source_map(SOURCE_MAP, __file__)


if __name__ == "__main__":
    sys.exit(wl.run(main))
