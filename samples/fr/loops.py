"""loops.wl, transpiled by wlinterp (faithful style).

Run it with: python loops.py [--smtp capture|live|HOST:PORT] [--outbox DIR] [--report FILE.json]
"""

import sys

from wlinterp.pyrt import Program

wl = Program("loops.wl")


def main() -> None:
    # Les boucles : POUR, POUR TOUT, TANTQUE et BOUCLE, autour d'un envoi de relances.
    # POUR compte d'une borne à l'autre ; sa variable n'a pas besoin d'être déclarée
    for i in range(1, 4):
        wl.Trace("Relance", i)
    # PAS change l'incrément, et peut être négatif
    for i in range(10, -1, -5):
        wl.Trace("Compte à rebours", i)
    # À relit sa borne à chaque tour ; _À_ ne la lit qu'une fois
    Limite: int = 2
    Tours: int = 0
    i = 1
    while i <= Limite:
        Tours += 1
        if i == 1:
            Limite = 4
        i += 1
    wl.Trace("Avec À :", Tours, "tours")
    Limite = 2
    Tours = 0
    for i in range(1, Limite + 1):
        Tours += 1
        if i == 1:
            Limite = 4
    wl.Trace("Avec _À_ :", Tours, "tours")
    # POUR TOUT parcourt un tableau ; une seconde variable reçoit l'indice
    Destinataires = wl.new("array of string", "ada@exemple.fr", "grace@exemple.fr")
    for Adresse, Rang in wl.rows(Destinataires, 2):
        wl.Trace(Rang, Adresse)
    for Adresse in list(Destinataires):
        wl.Trace("Envoi à", Adresse)
    # POUR TOUTE CHAÎNE découpe une chaîne à un séparateur
    for Etiquette in wl.pieces("urgent;facture;2024", ";"):
        wl.Trace("Étiquette :", Etiquette)
    # TANTQUE répète tant que sa condition est vraie
    EnAttente: int = 3
    while EnAttente > 0:
        wl.Trace("Encore", EnAttente, "à envoyer")
        EnAttente -= 1
    # BOUCLE répète jusqu'à SORTIR ; CONTINUER passe au tour suivant
    Essai: int = 0
    while True:
        Essai += 1
        if Essai == 2:
            continue
        wl.Trace("Essai", Essai)
        if Essai >= 3:
            break
    # BOUCLE (n) répète n fois
    for _ in wl.repeat(2):
        wl.Trace("Ping")


# the line of loops.wl each statement above comes from, for the positions of runtime errors
SOURCE_MAP = "16=4 17=5 19=8 20=9 22=13 23=14 24=15 25=15 26=16 27=17 28=17 30=19 31=20 32=21 33=22 34=23 35=24 36=24 37=26 39=29 40=30 41=31 42=33 43=34 45=38 46=39 48=43 49=44 50=45 51=46 53=50 54=51 55=52 56=53 57=53 58=54 59=55 60=55 62=59 63=60"
wl.source_map(SOURCE_MAP, __file__)


if __name__ == "__main__":
    sys.exit(wl.run(main))
