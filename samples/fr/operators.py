"""operators.wl, transpiled by wlinterp (faithful style).

Run it with: python operators.py [--smtp capture|live|HOST:PORT] [--outbox DIR] [--report FILE.json]
"""

import sys

from wlinterp.pyrt import Program, sem

wl = Program("operators.wl")


def main() -> None:
    # Les opérateurs : priorités du WLangage, intervalles, listes et comparaisons souples.
    # Calcul : * et / avant + et - ; une division est exacte, % donne le reste
    wl.Trace(2 + 3 * 4, (2 + 3) * 4, sem.divide(18, 5), 17 % 5, sem.power(2, 10))
    # Affectations composées et incrémentation
    TailleKo: int = 10
    TailleKo += 5
    TailleKo *= 4
    TailleKo -= 10
    TailleKo = sem.convert_to("int", sem.divide(TailleKo, 2))
    TailleKo += 1
    wl.Trace("Taille :", TailleKo)
    TailleKo -= 1
    # Un intervalle : la valeur entre deux bornes, ou "= a À b"
    if wl.interval(TailleKo, "<", 10, "<=", 30):
        wl.Trace(TailleKo, "Ko : un message moyen")
    if wl.interval(TailleKo, "<=", 1, "<=", 25):
        wl.Trace(TailleKo, "Ko : entre 1 et 25")
    # DANS et PAS DANS comparent avec chaque valeur d'une liste
    Extension: str = "pdf"
    if wl.in_list(Extension, "pdf", "docx", "odt"):
        wl.Trace("Un document")
    if not wl.in_list(Extension, "exe", "bat"):
        wl.Trace("Pas un programme")
    # ET et OU ont la même priorité et se lisent de gauche à droite :
    # Vrai OU Faux ET Faux vaut (Vrai OU Faux) ET Faux
    if wl.both(wl.either(True, False), False):
        wl.Trace("le OU a été évalué en premier")
    else:
        wl.Trace("lu de gauche à droite : Faux")
    # PAS s'applique à toute la comparaison
    if not TailleKo > 100:
        wl.Trace("Pas plus de 100 Ko")
    # _ET_ s'arrête dès que le résultat est connu : pas de division par zéro ici
    Nombre: int = 0
    if Nombre > 0 and sem.compare(">", sem.divide(100, Nombre), 5):
        wl.Trace("jamais affiché")
    else:
        wl.Trace("Nombre vaut 0, la division n'a pas été faite")
    # Un nombre comparé à une chaîne numérique compare des nombres ; deux chaînes se comparent en texte
    Port: int = 587
    if sem.equals(Port, "587"):
        wl.Trace('587 = "587"')
    if sem.compare("<", "10", "9"):
        wl.Trace('en texte, "10" vient avant "9"')
    # Comparaisons souples
    Adresse: str = "  Ada@Exemple.FR "
    if sem.compare("~=", Adresse, "ada@exemple.fr"):
        wl.Trace("~= ignore la casse et les espaces autour")
    if sem.compare("~~", "Re: Réunion d'équipe", "re reunion dequipe"):
        wl.Trace("~~ ignore aussi les accents et la ponctuation")
    Objet: str = "Re: Compte rendu de la réunion"
    if sem.compare("[=", Objet, "Re:"):
        wl.Trace("[= commence par")
    if sem.compare("[=]", Objet, "Compte"):
        wl.Trace("[=] contient")
    if sem.compare("=]", Objet, "réunion"):
        wl.Trace("=] finit par")
    if not sem.compare("[=]", Objet, "compte"):
        wl.Trace("et elles respectent la casse")


# the line of operators.wl each statement above comes from, for the positions of runtime errors
SOURCE_MAP = "16=4 18=7 19=8 20=8 21=8 22=8 23=9 24=10 25=11 27=14 28=14 29=15 30=15 32=18 33=19 34=19 35=20 36=20 39=24 40=25 42=27 44=30 45=30 47=33 48=34 49=35 51=37 53=41 54=42 55=42 56=43 57=43 59=46 60=47 61=47 62=48 63=48 64=49 65=50 66=50 67=51 68=51 69=52 70=52 71=53 72=53"
wl.source_map(SOURCE_MAP, __file__)


if __name__ == "__main__":
    sys.exit(wl.run(main))
