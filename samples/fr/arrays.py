"""arrays.wl, transpiled by wlinterp (faithful style).

Run it with: python arrays.py [--smtp capture|live|HOST:PORT] [--outbox DIR] [--report FILE.json]
"""

import sys

from wlinterp.pyrt import Program

wl = Program("arrays.wl")


def main() -> None:
    # Les tableaux : constituer une liste de destinataires, la compter, la parcourir et la vider.
    Destinataires = wl.new("array of string")
    # Trois façons d'ajouter un élément à la fin
    wl.ArrayAdd(Destinataires, "ada@exemple.fr")
    wl.ArrayAdd(Destinataires, "grace@exemple.fr")
    Destinataires.add("alan@exemple.fr")
    # Trois façons de compter les éléments
    wl.Trace(
        "Destinataires :", len(Destinataires), Destinataires.count, Destinataires.count
    )
    # Les éléments sont numérotés à partir de 1
    Destinataires.set(2, "grace.hopper@exemple.fr")
    for Adresse, Rang in wl.rows(Destinataires, 2):
        wl.Trace(Rang, Adresse)
    # Un tableau de taille fixe contient déjà ses éléments, chacun avec la valeur vide de son type
    Tailles = wl.new("array of 3 int")
    Tailles.set(1, 120)
    Tailles.set(3, 45)
    wl.Trace("Tailles :", Tailles.get(1), Tailles.get(2), Tailles.get(3))
    # Un tableau associatif : une valeur par clé, dans l'ordre où elles ont été ajoutées
    NonLus = wl.new("associative array of int")
    NonLus.set("Réception", 12)
    NonLus.set("Factures", 2)
    NonLus.set("Réception", NonLus.get("Réception") + 1)
    wl.Trace(NonLus.count, "dossiers")
    for Nombre, Dossier in wl.rows(NonLus, 2):
        wl.Trace(Dossier, Nombre)
    # TableauSupprimeTout vide un tableau
    wl.ArrayDeleteAll(Destinataires)
    wl.Trace("Après TableauSupprimeTout :", len(Destinataires))
    if Destinataires.count == 0:
        wl.Info("Personne à qui écrire")


# the line of arrays.wl each statement above comes from, for the positions of runtime errors
SOURCE_MAP = "15=2 17=5 18=6 19=7 21=10 25=13 26=14 27=15 29=19 30=20 31=21 32=22 34=25 35=26 36=27 37=28 38=29 39=30 40=31 42=35 43=36 44=37 45=37"
wl.source_map(SOURCE_MAP, __file__)


if __name__ == "__main__":
    sys.exit(wl.run(main))
