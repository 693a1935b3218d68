"""send_mail.wl, transpiled by wlinterp (faithful style).

Run it with: python send_mail.py [--smtp capture|live|HOST:PORT] [--outbox DIR] [--report FILE.json]
"""

import sys

from wlinterp.pyrt import Program, sem

wl = Program("send_mail.wl")


def main() -> None:
    # Envoyer un message par une session SMTP authentifiée, sécurisée par STARTTLS.
    # wlinterp l'exécute hors ligne : le serveur de capture intégré remplace smtp.exemple.fr
    # et garde le message dans ./wl-outbox (pour le lister : wlinterp outbox).
    MaSession = wl.new("emailSMTPSession")
    MaSession.server_address = "smtp.exemple.fr"
    MaSession.port = 587
    MaSession.option = wl.emailProtocolSMTPS
    MaSession.name = "zoe@exemple.fr"
    MaSession.password = "cheval correct agrafe"
    if sem.equals(wl.call(MaSession, "StartSession"), False):
        wl.Error("Impossible d'ouvrir la session SMTP", wl.ErrorInfo(wl.errMessage))
        return
    OrdreDuJour = wl.new("emailAttach")
    OrdreDuJour.name = "ordre du jour.txt"
    OrdreDuJour.content = "1. Accueil" + wl.CR + "2. Budget"
    MonMessage = wl.new("Email")
    MonMessage.sender = "Zoé Dupré <zoe@exemple.fr>"
    wl.ArrayAdd(MonMessage.recipients, "hugo@exemple.fr")
    wl.call(MonMessage.cc, "Ajoute", "lea@exemple.fr")
    wl.call(MonMessage.bcc, "Ajoute", "archives@exemple.fr")
    MonMessage.subject = "Ordre du jour de la réunion de lundi"
    MonMessage.message = "Bonjour," + wl.CR + "l'ordre du jour est en pièce jointe."
    wl.ArrayAdd(MonMessage.attachments, OrdreDuJour)
    if wl.EmailSendMessage(MaSession, MonMessage):
        wl.Trace(
            "Message envoyé à",
            MonMessage.recipient_count,
            "destinataire(s) et",
            MonMessage.cc_count,
            "en copie",
        )
    else:
        wl.Error(wl.ErrorInfo())
    wl.EmailCloseSession(MaSession)


# the line of send_mail.wl each statement above comes from, for the positions of runtime errors
SOURCE_MAP = "17=4 18=5 19=6 20=7 21=8 22=9 23=11 24=12 25=13 26=16 27=17 28=18 29=20 30=21 31=22 32=23 33=24 34=25 35=26 36=27 37=29 38=30 46=32 47=34"
wl.source_map(SOURCE_MAP, __file__)


if __name__ == "__main__":
    sys.exit(wl.run(main))
