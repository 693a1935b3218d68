"""delete_after_reading.wl, transpiled by wlinterp (faithful style).

Run it with: python delete_after_reading.py [--smtp capture|live|HOST:PORT] [--outbox DIR] [--report FILE.json]
"""

import sys

from wlinterp.pyrt import Program, sem

wl = Program("delete_after_reading.wl")


def main() -> None:
    # Lire les messages et supprimer ceux qui sont traités ; en POP3 la suppression a lieu à la fermeture.
    Envoi = wl.new("emailSMTPSession")
    Envoi.server_address = "smtp.exemple.fr"
    wl.call(Envoi, "StartSession")
    for i in range(1, 4):
        Demande = wl.new("Email")
        Demande.sender = "accueil@exemple.fr"
        wl.call(Demande.recipients, "Ajoute", "support@exemple.fr")
        Demande.subject = "Demande " + str(i)
        wl.EmailSendMessage(Envoi, Demande)
    wl.EmailCloseSession(Envoi)
    File = wl.new("emailPOP3Session")
    File.server_address = "pop.exemple.fr"
    File.name = "support@exemple.fr"
    wl.call(File, "StartSession")
    wl.EmailReadFirst(File)
    while not sem.to_bool(wl.Email.out):
        wl.Trace("traitement de", wl.Email.subject)
        wl.EmailDeleteMessage(File)
        wl.EmailReadNext(File)
    wl.Trace("toujours comptés pendant la session :", wl.EmailNbMessage(File))
    wl.EmailCloseSession(File)
    wl.call(File, "StartSession")
    wl.Trace("après la fermeture :", wl.EmailNbMessage(File))
    wl.EmailCloseSession(File)


# the line of delete_after_reading.wl each statement above comes from, for the positions of runtime errors
SOURCE_MAP = "15=2 16=3 17=4 18=5 19=6 20=7 21=8 22=9 23=10 24=12 25=14 26=15 27=16 28=17 29=18 30=19 31=20 32=21 33=22 34=24 35=25 36=27 37=28 38=29"
wl.source_map(SOURCE_MAP, __file__)


if __name__ == "__main__":
    sys.exit(wl.run(main))
