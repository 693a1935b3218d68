"""read_inbox.wl, transpiled by wlinterp (faithful style).

Run it with: python read_inbox.py [--smtp capture|live|HOST:PORT] [--outbox DIR] [--report FILE.json]
"""

import sys

from wlinterp.pyrt import Program, sem

wl = Program("read_inbox.wl")


def main() -> None:
    # Lire tous les messages d'une boîte et afficher qui a envoyé quoi.
    # Hors ligne, la boîte est l'outbox du serveur de capture : le programme s'envoie
    # d'abord trois messages, puis les relit en IMAP.
    Envoi = wl.new("emailSMTPSession")
    Envoi.server_address = "smtp.exemple.fr"
    wl.call(Envoi, "StartSession")
    for Sujet in wl.pieces("Facture 42;Compte rendu;Congés", ";"):
        Note = wl.new("Email")
        Note.sender = "Marie Curie <marie@exemple.fr>"
        wl.call(Note.recipients, "Ajoute", "ada@exemple.fr")
        Note.subject = Sujet
        Note.message = "Détails : " + Sujet
        wl.EmailSendMessage(Envoi, Note)
    wl.EmailCloseSession(Envoi)
    Boîte = wl.new("emailIMAPSession")
    Boîte.server_address = "imap.exemple.fr"
    Boîte.option = wl.optionTLS
    Boîte.name = "ada@exemple.fr"
    Boîte.password = "mot de passe imap"
    if not sem.to_bool(wl.call(Boîte, "StartSession")):
        wl.Error(wl.ErrorInfo())
        return
    wl.Trace(wl.EmailNbMessage(Boîte), "message(s) dans la boîte")
    Reçu = wl.new("Email")
    wl.EmailReadFirst(Boîte, Reçu)
    while not sem.to_bool(Reçu.out):
        wl.Trace(Reçu.subject, "-", Reçu.sender)
        wl.EmailReadNext(Boîte, Reçu)
    wl.EmailCloseSession(Boîte)


# the line of read_inbox.wl each statement above comes from, for the positions of runtime errors
SOURCE_MAP = "17=4 18=5 19=6 20=7 21=8 22=9 23=10 24=11 25=12 26=13 27=15 28=17 29=18 30=19 31=20 32=21 33=22 34=23 35=24 36=26 37=27 38=28 39=29 40=30 41=31 42=33"
wl.source_map(SOURCE_MAP, __file__)


if __name__ == "__main__":
    sys.exit(wl.run(main))
