"""mail_errors.wl, transpiled by wlinterp (faithful style).

Run it with: python mail_errors.py [--smtp capture|live|HOST:PORT] [--outbox DIR] [--report FILE.json]
"""

import sys

from wlinterp.pyrt import Program, sem

wl = Program("mail_errors.wl")


def main() -> None:
    # Une opération email qui échoue n'arrête pas le programme : la fonction renvoie Faux,
    # ErreurDétectée vaut Vrai et ErreurInfo() dit ce qui s'est passé.
    Session = wl.new("emailSMTPSession")
    Session.option = wl.emailProtocolSMTPS
    # AdresseServeur est laissée vide exprès
    if sem.to_bool(wl.call(Session, "StartSession")):
        wl.Trace("inattendu")
    else:
        wl.Trace("OuvreSession a échoué ; ErreurDétectée =", wl.ErrorOccurred)
        wl.Trace(wl.ErrorInfo(wl.errMessage))
    # la fonction suivante qui peut échouer remet ErreurDétectée à Faux
    wl.Trace(
        wl.EmailCheckAddress("gaston@exemple.fr") == wl.emailAddressValid,
        wl.ErrorOccurred,
    )
    wl.Trace(
        wl.EmailCheckAddress("gaston chez exemple") == wl.emailAddressIncorrectSyntax
    )
    # Une authentification refusée : le fournisseur n'a jamais délivré ce jeton d'accès (en mode
    # capture, seul un jeton obtenu par AuthIdentifie pendant cette exécution est accepté)
    Session.server_address = "smtp.exemple.fr"
    Session.name = "gaston@exemple.fr"
    Session.auth_token = "jeton-de-la-semaine-derniere"
    if not sem.to_bool(wl.call(Session, "StartSession")):
        wl.Trace("authentification refusée :", wl.ErrorInfo(wl.errMessage))
    # Les sessions Outlook n'existent que sous Windows
    Outlook = wl.new("emailOutlookSession")
    if not sem.to_bool(wl.call(Outlook, "StartSession")):
        wl.Trace(wl.ErrorInfo())


# the line of mail_errors.wl each statement above comes from, for the positions of runtime errors
SOURCE_MAP = "16=3 17=4 19=6 20=7 22=9 23=10 25=13 29=14 34=18 35=19 36=20 37=21 38=22 40=26 41=27 42=27"
wl.source_map(SOURCE_MAP, __file__)


if __name__ == "__main__":
    sys.exit(wl.run(main))
