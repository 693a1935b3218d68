"""procedures.wl, transpiled by wlinterp (faithful style).

Run it with: python procedures.py [--smtp capture|live|HOST:PORT] [--outbox DIR] [--report FILE.json]
"""

import sys

from wlinterp.pyrt import DEFAULT, Program, Ref, sem

wl = Program("procedures.wl")


def main() -> None:
    # Les procédures : paramètres par référence (par défaut) ou par valeur (LOCAL), valeurs
    # par défaut, '*' pour garder une valeur par défaut, RENVOYER et RETOUR, procédure interne.
    # Les accents des mots-clés sont facultatifs : PROCEDURE vaut PROCÉDURE, RESULTAT vaut RÉSULTAT.
    Sujet = Ref("Réunion", "string")
    Salutation: str = "Bonjour"
    Envoyés = Ref(0, "int")
    # Par référence : la procédure modifie la variable de l'appelant
    AjoutePréfixe(Sujet)
    wl.Trace(Sujet.value)
    CompteUn(Envoyés)
    CompteUn(Envoyés)
    wl.Trace("Envoyés :", Envoyés.value)
    # LOCAL : la procédure travaille sur une copie
    Crie(Salutation)
    wl.Trace("Dehors :", Salutation)
    # Valeurs par défaut, et '*' pour en garder une tout en passant le paramètre suivant
    wl.Trace(EnTête("À", "ada@exemple.fr"))
    wl.Trace(EnTête("À", "ada@exemple.fr", " = "))
    wl.Trace(EnTête("Cc", DEFAULT, " -> "))
    # RETOUR quitte une procédure avant sa fin
    VérifieAdresse("personne")
    VérifieAdresse("grace@exemple.fr")
    Liste = wl.new("array of string", "ada@exemple.fr", "erreur", "alan@exemple.org")
    wl.Trace(CompteValides(Liste, "exemple.fr"), "adresse(s) en exemple.fr")


def AjoutePréfixe(Texte):
    Texte.set("Re: " + sem.to_string(Texte.value))


def CompteUn(Compteur):
    Compteur.set(Compteur.value + 1)


def Crie(Texte):
    Texte = wl.Upper(Texte) + " !"
    wl.Trace("Dedans :", Texte)


def EnTête(Nom, Valeur=DEFAULT, Séparateur=": "):
    if Valeur is DEFAULT:
        Valeur = "(aucun)"
    return Nom + Séparateur + Valeur


def VérifieAdresse(Adresse):
    if not wl.Contains(Adresse, "@"):
        wl.Warning(Adresse + " n'est pas une adresse email")
        return
    wl.Trace(Adresse, "semble correcte")


def CompteValides(Adresses, Domaine):
    # Une procédure interne voit les variables de la procédure qui la contient
    def Correspond(Adresse):
        return sem.compare("=]", Adresse, "@" + Domaine)

    Total: int = 0
    for Adresse in list(Adresses):
        if Correspond(Adresse):
            Total += 1
    return Total


# the line of procedures.wl each statement above comes from, for the positions of runtime errors
SOURCE_MAP = "17=4 18=5 19=6 21=9 22=10 23=11 24=12 25=13 27=16 28=17 30=20 31=21 32=22 34=25 35=26 36=28 37=29 40=31 41=32 44=34 45=35 48=37 49=38 50=39 53=41 56=42 59=44 60=45 61=46 62=47 63=49 66=51 68=54 69=55 71=52 72=57 73=58 74=58 75=60"
wl.source_map(SOURCE_MAP, __file__)


if __name__ == "__main__":
    sys.exit(wl.run(main))
