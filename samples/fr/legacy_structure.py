"""legacy_structure.wl, transpiled by wlinterp (faithful style).

Run it with: python legacy_structure.py [--smtp capture|live|HOST:PORT] [--outbox DIR] [--report FILE.json]
"""

import sys

from wlinterp.pyrt import Program, sem

wl = Program("legacy_structure.wl")


def main() -> None:
    # L'API classique : une session nommée par son utilisateur, et la structure Email prédéclarée.
    wl.EmailSetTimeOut(30)
    if sem.equals(
        wl.EmailStartSMTPSession(
            "lettre@exemple.fr", "s3cret", "mail.exemple.fr", 465, False, wl.optionTLS
        ),
        False,
    ):
        wl.Error(wl.ErrorInfo())
        return
    wl.EmailReset()
    wl.Email.sender = "lettre@exemple.fr"
    wl.set_index(wl.Email.recipients, 1, "lecteur1@exemple.fr")
    wl.set_index(wl.Email.recipients, 2, "lecteur2@exemple.fr")
    wl.set(wl.Email, "NbRecipient", 2)
    wl.Email.subject = "Numéro 12"
    wl.Email.message = "Ce mois-ci : envoyer des emails en WLangage."
    if wl.EmailSendMessage("lettre@exemple.fr"):
        wl.Trace("Envoyé avec l'identifiant", wl.Email.identifier)
    wl.EmailCloseSession("lettre@exemple.fr")
    # la session est fermée : un nouvel envoi échoue, et dit pourquoi
    if not wl.EmailSendMessage("lettre@exemple.fr"):
        wl.Trace("ErreurDétectée :", wl.ErrorOccurred)


# the line of legacy_structure.wl each statement above comes from, for the positions of runtime errors
SOURCE_MAP = "15=2 16=3 22=4 23=5 24=7 25=8 26=9 27=10 28=11 29=12 30=13 31=14 32=15 33=17 35=19 36=20"
wl.source_map(SOURCE_MAP, __file__)


if __name__ == "__main__":
    sys.exit(wl.run(main))
