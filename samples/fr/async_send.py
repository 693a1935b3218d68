"""async_send.wl, transpiled by wlinterp (faithful style).

Run it with: python async_send.py [--smtp capture|live|HOST:PORT] [--outbox DIR] [--report FILE.json]
"""

import sys

from wlinterp.pyrt import Program

wl = Program("async_send.wl")


def main() -> None:
    # Envoi asynchrone : EmailEnvoieMessage met le message en file et rend la main aussitôt ;
    # EmailEtat dit où il en est, et fermer la session attend que la file soit vide.
    Session = wl.new("emailSMTPSession")
    Session.server_address = "smtp.exemple.fr"
    Session.asynchronous = True
    wl.call(Session, "StartSession")
    Identifiants = wl.new("array of int")
    for Adresse in wl.pieces("anne@exemple.fr;benoit@exemple.fr", ";"):
        Rappel = wl.new("Email")
        Rappel.sender = "agenda@exemple.fr"
        wl.call(Rappel.recipients, "Ajoute", Adresse)
        Rappel.subject = "Rappel pour " + Adresse
        if wl.EmailSendMessage(Session, Rappel):
            wl.ArrayAdd(Identifiants, Rappel.identifier)
    wl.EmailCloseSession(Session)
    for Id in list(Identifiants):
        if wl.EmailStatus(Id) == wl.emailSent:
            wl.Trace("message", Id, "envoyé")


# the line of async_send.wl each statement above comes from, for the positions of runtime errors
SOURCE_MAP = "16=3 17=4 18=5 19=6 20=7 21=8 22=9 23=10 24=11 25=12 26=13 27=13 28=15 29=16 30=17 31=17"
wl.source_map(SOURCE_MAP, __file__)


if __name__ == "__main__":
    sys.exit(wl.run(main))
