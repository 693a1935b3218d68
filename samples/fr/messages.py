"""messages.wl, transpiled by wlinterp (faithful style).

Run it with: python messages.py [--smtp capture|live|HOST:PORT] [--outbox DIR] [--report FILE.json]
"""

import sys

from wlinterp.pyrt import Program, sem

wl = Program("messages.wl")


def main() -> None:
    # Afficher des messages, et lire l'état d'erreur de la dernière opération.
    # Info, Avertissement et Erreur affichent chaque paramètre sur sa propre ligne
    wl.Info("La boîte d'envoi est prête")
    wl.Info("3 messages en attente :", "2 factures et 1 relance")
    wl.Warning("La pièce jointe dépasse 5 Mo")
    wl.Error("Impossible de joindre smtp.exemple.fr", "Vérifiez les paramètres réseau")
    # Trace écrit ses paramètres sur une ligne, séparés par un espace
    wl.Trace("File d'attente :", 3, "messages,", 1.5, "Mo")
    wl.Trace()
    # ErreurDétectée devient Vrai quand une fonction qui peut échouer échoue, et ErreurInfo
    # explique l'échec. Aucune fonction n'a échoué dans ce programme : les deux sont vides.
    if sem.to_bool(wl.ErrorOccurred):
        wl.Trace("Dernier échec :", wl.ErrorInfo(wl.errMessage))
    else:
        wl.Trace("Aucun échec pour l'instant, code d'erreur", wl.ErrorInfo(wl.errCode))
    if wl.both(
        wl.both(not sem.to_bool(wl.ErrorOccurred), sem.equals(wl.ErrorInfo(), "")),
        sem.equals(wl.ErrorInfo(wl.errFullDetails), ""),
    ):
        wl.Trace("ErreurInfo n'a rien à signaler")


# the line of messages.wl each statement above comes from, for the positions of runtime errors
SOURCE_MAP = "16=4 17=5 18=6 19=7 21=10 22=11 25=15 26=16 28=18 29=20 33=21"
wl.source_map(SOURCE_MAP, __file__)


if __name__ == "__main__":
    sys.exit(wl.run(main))
