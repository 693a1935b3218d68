"""declarations.wl, transpiled by wlinterp (faithful style).

Run it with: python declarations.py [--smtp capture|live|HOST:PORT] [--outbox DIR] [--report FILE.json]
"""

import sys

from wlinterp.pyrt import Program, sem

wl = Program("declarations.wl")


def main() -> None:
    # Déclarer des variables : toutes les formes du WLangage, autour d'un email à envoyer.
    # Une variable ; l'article "un"/"une" est facultatif, la valeur initiale aussi
    Sujet: str = ""
    Sujet = "Rapport trimestriel"
    Expéditeur: str = "ada@exemple.fr"
    Tentatives: int = 3
    EstUrgent: bool = True
    # Plusieurs variables du même type sur une ligne ; ";" sépare deux instructions
    Largeur: int = 0
    Hauteur: int = 0
    Largeur = 640
    Hauteur = 480
    # Inférence de type : "soit" donne à la variable le type de sa valeur
    Priorité = 2
    Signature = "-- Ada"
    # Une variable typée convertit ce qu'elle reçoit : la chaîne "4" devient le nombre 4
    Tentatives = sem.convert_to("int", "4")
    # Tableaux : un tableau dynamique est vide au départ, un tableau fixe contient déjà ses éléments
    Destinataires = wl.new("array of string")
    Destinataires.add("grace@exemple.fr")
    Notes = wl.new("array of 5 int")
    Notes.set(2, 40)
    # Un tableau associatif retrouve ses valeurs par une clé
    PortDe = wl.new("associative array of int")
    PortDe.set("smtp", 587)
    PortDe.set("imap", 993)
    # Lignes LOCAL et GLOBAL ; LOCAL seul sur sa ligne ouvre un groupe de déclarations
    Serveur: str = "smtp.exemple.fr"
    Relances: int = 2
    Dossier: str = "Envoyés"
    # Constantes : en bloc, ou sur une ligne
    MAX_DESTINATAIRES = 50
    DOMAINE_DEFAUT = "exemple.fr"
    DELAI_RELANCE = 30
    wl.Trace(Sujet, "de", Expéditeur)
    if EstUrgent:
        wl.Trace("Marqué comme urgent")
    wl.Trace("Tentatives + 1 =", Tentatives + 1)
    wl.Trace("Taille de l'image :", wl.StringBuild("%1x%2", Largeur, Hauteur))
    wl.Trace("Priorité", Priorité, Signature)
    wl.Trace(Destinataires.count, "destinataire :", Destinataires.get(1))
    wl.Trace(
        "Notes :",
        Notes.count,
        "cases, case 2 =",
        Notes.get(2),
        "et case 1 =",
        Notes.get(1),
    )
    wl.Trace("Port SMTP", PortDe.get("smtp"), "- port IMAP", PortDe.get("imap"))
    wl.Trace(Serveur, Relances, Dossier)
    wl.Trace(MAX_DESTINATAIRES, DOMAINE_DEFAUT, DELAI_RELANCE)


# the line of declarations.wl each statement above comes from, for the positions of runtime errors
SOURCE_MAP = "16=4 17=5 18=6 19=7 20=8 22=11 23=11 24=12 25=12 27=15 28=16 30=19 32=22 33=23 34=24 35=25 37=28 38=29 39=30 41=33 42=35 43=36 45=40 46=41 47=43 48=45 49=46 50=46 51=47 52=48 53=49 54=50 55=51 63=52 64=53 65=54"
wl.source_map(SOURCE_MAP, __file__)


if __name__ == "__main__":
    sys.exit(wl.run(main))
