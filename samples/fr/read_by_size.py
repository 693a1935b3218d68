"""read_by_size.wl, transpiled by wlinterp (faithful style).

Run it with: python read_by_size.py [--smtp capture|live|HOST:PORT] [--outbox DIR] [--report FILE.json]
"""

import sys

from wlinterp.pyrt import Program

wl = Program("read_by_size.wl")


def main() -> None:
    # Lire d'abord les en-têtes, et ne télécharger que les messages assez petits (POP3).
    Envoi = wl.new("emailSMTPSession")
    Envoi.server_address = "smtp.exemple.fr"
    wl.call(Envoi, "StartSession")
    Court = wl.new("Email")
    Court.sender = "alertes@exemple.fr"
    wl.call(Court.recipients, "Ajoute", "exploitation@exemple.fr")
    Court.subject = "Disque presque plein"
    Court.message = "Serveur 3 : 91 % utilisés."
    wl.EmailSendMessage(Envoi, Court)
    Gros = wl.new("Email")
    Gros.sender = "rapports@exemple.fr"
    wl.call(Gros.recipients, "Ajoute", "exploitation@exemple.fr")
    Gros.subject = "Archive mensuelle des journaux"
    Gros.message = wl.Repeat("ligne de journal" + wl.CR, 5000)
    wl.EmailSendMessage(Envoi, Gros)
    wl.EmailCloseSession(Envoi)
    Boîte = wl.new("emailPOP3Session")
    Boîte.server_address = "pop.exemple.fr"
    Boîte.name = "exploitation@exemple.fr"
    Boîte.password = "mot de passe pop"
    wl.call(Boîte, "StartSession")
    n = 1
    while n <= wl.EmailNbMessage(Boîte):
        wl.EmailReadMessageHeader(Boîte, n)
        if wl.EmailMessageSize(Boîte, n) < 10000:
            wl.EmailReadMessage(Boîte, n)
            wl.Trace(wl.Email.subject, ":", wl.NoSpace(wl.Email.message))
        else:
            wl.Trace(wl.Email.subject, ": trop gros, laissé sur le serveur")
        n += 1
    wl.EmailCloseSession(Boîte)


# the line of read_by_size.wl each statement above comes from, for the positions of runtime errors
SOURCE_MAP = "15=2 16=3 17=4 18=5 19=6 20=7 21=8 22=9 23=10 24=11 25=12 26=13 27=14 28=15 29=16 30=17 31=19 32=20 33=21 34=22 35=23 36=24 37=24 38=25 39=26 40=27 41=28 43=30 45=33"
wl.source_map(SOURCE_MAP, __file__)


if __name__ == "__main__":
    sys.exit(wl.run(main))
