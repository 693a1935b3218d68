"""round_trip.wl, transpiled by wlinterp (faithful style).

Run it with: python round_trip.py [--smtp capture|live|HOST:PORT] [--outbox DIR] [--report FILE.json]
"""

import sys

from wlinterp.pyrt import Program

wl = Program("round_trip.wl")


def main() -> None:
    # Envoyer un message avec une pièce jointe, puis le relire avec RécupèreTout.
    Envoi = wl.new("emailSMTPSession")
    Envoi.server_address = "smtp.exemple.fr"
    Envoi.option = wl.emailProtocolSMTPS
    Envoi.name = "ada@exemple.fr"
    Envoi.password = "mot de passe smtp"
    wl.call(Envoi, "StartSession")
    Tableur = wl.new("emailAttach")
    Tableur.name = "chiffres.csv"
    Tableur.content = "mois;total" + wl.CR + "novembre;1234"
    Envoyé = wl.new("Email")
    Envoyé.sender = "Ada <ada@exemple.fr>"
    wl.call(Envoyé.recipients, "Ajoute", "ada@exemple.fr")
    Envoyé.subject = "Chiffres de novembre"
    Envoyé.message = "Voir les chiffres joints."
    wl.ArrayAdd(Envoyé.attachments, Tableur)
    wl.EmailSendMessage(Envoi, Envoyé)
    wl.EmailCloseSession(Envoi)
    Lecture = wl.new("emailIMAPSession")
    Lecture.server_address = "imap.exemple.fr"
    Lecture.option = wl.optionTLS
    Lecture.name = "ada@exemple.fr"
    wl.call(Lecture, "StartSession")
    Messages = wl.convert("array of Email", wl.call(Lecture, "GetAll", wl.ertFull))
    for Courrier in list(Messages):
        wl.Trace(
            wl.get(Courrier, "Subject"),
            "-",
            wl.get(Courrier, "NbAttach"),
            "pièce(s) jointe(s)",
        )
        for Partie in wl.rows(wl.get(Courrier, "Attach"), 1):
            wl.Trace(
                wl.get(Partie, "Name"),
                wl.ExtractString(wl.get(Partie, "Content"), 2, wl.CR),
            )
    wl.EmailCloseSession(Lecture)


# the line of round_trip.wl each statement above comes from, for the positions of runtime errors
SOURCE_MAP = "15=2 16=3 17=4 18=5 19=6 20=7 21=8 22=9 23=10 24=11 25=12 26=13 27=14 28=15 29=16 30=17 31=18 32=20 33=21 34=22 35=23 36=24 37=25 38=26 39=27 45=28 46=29 50=32"
wl.source_map(SOURCE_MAP, __file__)


if __name__ == "__main__":
    sys.exit(wl.run(main))
