"""strings.wl, transpiled by wlinterp (faithful style).

Run it with: python strings.py [--smtp capture|live|HOST:PORT] [--outbox DIR] [--report FILE.json]
"""

import sys

from wlinterp.pyrt import Program, sem

wl = Program("strings.wl")


def main() -> None:
    # Les fonctions de chaînes, pour décomposer une adresse email et mettre en page un message.
    Adresse: str = "  Ada.Lovelace@Exemple.FR  "
    # SansEspace retire les espaces autour du texte ; Taille compte les caractères
    Adresse = wl.NoSpace(Adresse)
    wl.Trace("Adresse :", Adresse, "(" + str(len(Adresse)) + " caractères)")
    # Position trouve le "@" ; Gauche, Milieu et Droite découpent l'adresse autour
    Arobase: int = wl.Position(Adresse, "@")
    Identifiant: str = wl.Left(Adresse, Arobase - 1)
    Domaine: str = wl.Lower(wl.Middle(Adresse, Arobase + 1))
    wl.Trace(
        "Identifiant :",
        Identifiant,
        "- domaine :",
        Domaine,
        "- fin :",
        wl.Right(Domaine, 3),
    )
    wl.Trace("En capitales :", wl.Upper(Identifiant))
    # ExtraitChaîne donne le n-ième morceau d'une chaîne coupée à un séparateur
    wl.Trace(
        "Prénom :",
        wl.ExtractString(Identifiant, 1, "."),
        "- nom :",
        wl.ExtractString(Identifiant, 2, "."),
    )
    wl.Trace("Nom affiché :", wl.Replace(Identifiant, ".", " "))
    if wl.Contains(Domaine, "exemple"):
        wl.Trace("C'est un domaine de test")
    if wl.Position(Domaine, ".org") == 0:
        wl.Trace("Ce n'est pas une adresse .org")
    # ChaîneConstruit remplace %1, %2 … ; %% écrit un signe pourcent
    wl.Trace(
        wl.StringBuild("%1 <%2>", wl.Replace(Identifiant, ".", " "), wl.Lower(Adresse))
    )
    wl.Trace(wl.StringBuild("%1%% des messages ont été remis", 98))
    # Complète remplit une chaîne jusqu'à une largeur ; Répète la répète
    wl.Trace(wl.Complete("À", 8, ".") + ": " + wl.Lower(Adresse))
    wl.Trace(wl.Complete("Objet", 8, ".") + ": Compte rendu")
    wl.Trace(wl.Repeat("=-", 5))
    # Nombres et chaînes : NumériqueVersChaîne met un nombre en forme, Val lit un nombre
    wl.Trace(
        "Message n°" + wl.NumToString(7, "03d"),
        "- taille",
        wl.NumToString(1234.5, "08.2f"),
        "Ko",
    )
    wl.Trace(sem.add(wl.Val("42 messages"), 1), wl.Val("3.5"), wl.Val("aucun"))
    # RC passe à la ligne et TAB insère une tabulation
    Corps: str = "Bonjour Ada," + wl.CR + "Le compte rendu est en pièce jointe."
    wl.Info(Corps)
    wl.Trace("Nom" + wl.TAB + "Ada")


# the line of strings.wl each statement above comes from, for the positions of runtime errors
SOURCE_MAP = "15=2 17=5 18=6 20=9 21=10 22=11 23=12 31=13 33=16 39=17 40=18 41=18 42=19 43=19 45=22 48=23 50=26 51=27 52=28 54=31 60=32 62=35 63=36 64=37"
wl.source_map(SOURCE_MAP, __file__)


if __name__ == "__main__":
    sys.exit(wl.run(main))
