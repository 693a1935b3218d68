"""plain_send.wl, transpiled by wlinterp (faithful style).

Run it with: python plain_send.py [--smtp capture|live|HOST:PORT] [--outbox DIR] [--report FILE.json]
"""

import sys

from wlinterp.pyrt import Program

wl = Program("plain_send.wl")


def main() -> None:
    # L'envoi le plus simple : un serveur SMTP sur le port 25, sans chiffrement ni authentification,
    # comme un relais d'entreprise qui fait confiance à son réseau local.
    Relais = wl.new("emailSMTPSession")
    Relais.server_address = "relais.exemple.fr"
    # Port et Option gardent leur valeur : port 25, emailOptionDéfaut
    if not wl.EmailStartSession(Relais):
        wl.Error("Le relais est injoignable :", wl.ErrorInfo())
        return
    Avis = wl.new("Email")
    Avis.sender = "salle-impression@exemple.fr"
    wl.call(Avis.recipients, "Ajoute", "accueil@exemple.fr")
    Avis.subject = "L'imprimante 2 n'a plus de papier"
    Avis.message = "Le bac 1 est vide. Le papier de réserve est dans l'armoire."
    if wl.EmailSendMessage(Relais, Avis):
        wl.Trace(
            "Avis envoyé à", wl.index(Avis.recipients, 1), "par le port", Relais.port
        )
    wl.EmailCloseSession(Relais)


# the line of plain_send.wl each statement above comes from, for the positions of runtime errors
SOURCE_MAP = "16=3 17=4 19=7 20=8 21=9 22=12 23=13 24=14 25=15 26=16 27=17 28=18 31=20"
wl.source_map(SOURCE_MAP, __file__)


if __name__ == "__main__":
    sys.exit(wl.run(main))
