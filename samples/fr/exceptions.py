"""exceptions.wl, transpiled by wlinterp (faithful style).

Run it with: python exceptions.py [--smtp capture|live|HOST:PORT] [--outbox DIR] [--report FILE.json]
"""

import sys

from wlinterp.pyrt import Program, sem

wl = Program("exceptions.wl")


def main() -> None:
    # QUAND EXCEPTION DANS … FAIRE … SINON … FIN intercepte les erreurs qui arrêteraient le
    # programme : les exceptions levées par ExceptionDéclenche et les erreurs fatales, comme
    # une division par zéro.
    # Une exception levée dans une procédure est interceptée par le traitement de l'appelant
    try:
        Remet("ada@exemple.fr")
        Remet("")
        wl.Trace("jamais affiché : le bloc s'arrête à l'exception")
    except wl.Failure as _error:
        wl.caught(_error)
        wl.Trace(
            wl.StringBuild(
                "Exception %1 : %2",
                wl.ExceptionInfo(wl.errCode),
                wl.ExceptionInfo(wl.errMessage),
            )
        )
        if wl.Contains(
            wl.ExceptionInfo(wl.errFullDetails), wl.ExceptionInfo(wl.errMessage)
        ):
            wl.Trace("Le détail complet reprend le message")
    else:
        wl.Trace("jamais affiché : SINON ne s'exécute que si tout s'est bien passé")
    # Quand tout se passe bien, la partie SINON s'exécute
    try:
        Remet("grace@exemple.fr")
    except wl.Failure as _error:
        wl.caught(_error)
        wl.Trace("jamais affiché")
    else:
        wl.Trace("Tous les messages ont été remis")
    # Une division par zéro s'intercepte de la même façon
    Total: int = 12
    Échecs: int = 0
    try:
        wl.Trace("Taux de réussite :", sem.divide(Total, Échecs))
    except wl.Failure as _error:
        wl.caught(_error)
        if not sem.equals(wl.ExceptionInfo(wl.errMessage), ""):
            wl.Trace("La division a échoué, avec une explication")
    # Le programme continue après FIN
    wl.Trace("Terminé")


def Remet(Adresse):
    if Adresse == "":
        wl.ExceptionThrow(12, "le destinataire est vide")
    wl.Trace("Remis à", Adresse)


# the line of exceptions.wl each statement above comes from, for the positions of runtime errors
SOURCE_MAP = "18=6 19=7 20=8 21=9 24=11 31=12 34=13 36=16 38=20 39=21 42=23 44=25 46=29 47=30 48=31 49=32 52=34 53=34 55=38 58=40 59=41 60=41 61=42"
wl.source_map(SOURCE_MAP, __file__)


if __name__ == "__main__":
    sys.exit(wl.run(main))
