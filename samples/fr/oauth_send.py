"""oauth_send.wl, transpiled by wlinterp (faithful style).

Run it with: python oauth_send.py [--smtp capture|live|HOST:PORT] [--outbox DIR] [--report FILE.json]
"""

import sys

from wlinterp.pyrt import Program, sem

wl = Program("oauth_send.wl")


def main() -> None:
    # Authentification à deux facteurs : obtenir un jeton OAuth 2.0, puis envoyer avec XOAUTH2.
    # Hors ligne (par défaut), le serveur d'autorisation de wlinterp remplace le fournisseur
    # et consent aussitôt ; avec --smtp live, votre navigateur s'ouvre sur la page du fournisseur.
    Fournisseur = wl.new("OAuth2Parameters")
    Fournisseur.client_id = "mon-application"
    Fournisseur.client_secret = "le secret de l'application"
    Fournisseur.auth_url = "https://connexion.exemple.fr/oauth2/authorize"
    Fournisseur.token_url = "https://connexion.exemple.fr/oauth2/token"
    Fournisseur.scope = "https://mail.exemple.fr/envoi"
    Fournisseur.redirection_url = "http://localhost:9323"
    Fournisseur.response_type = wl.oauth2ResponseTypeCode
    MaSession = wl.new("emailSMTPSession")
    MaSession.server_address = "smtp.exemple.fr"
    MaSession.port = 587
    MaSession.option = wl.emailProtocolSMTPS
    MaSession.name = "zoe@exemple.fr"
    MaSession.auth_token = wl.AuthIdentify(Fournisseur)
    if sem.equals(MaSession.auth_token, None):
        wl.Error("Échec de l'authentification", wl.ErrorInfo())
        return
    wl.Trace("Authentifiée ; jeton valide :", wl.get(MaSession.auth_token, "Valid"))
    if sem.to_bool(wl.call(MaSession, "StartSession")):
        Rapport = wl.new("Email")
        Rapport.sender = "zoe@exemple.fr"
        wl.call(Rapport.recipients, "Ajoute", "equipe@exemple.fr")
        Rapport.subject = "Rapport hebdomadaire"
        Rapport.message = "Envoyé avec un jeton OAuth 2.0."
        if wl.EmailSendMessage(MaSession, Rapport):
            wl.Trace("Rapport envoyé")
        wl.EmailCloseSession(MaSession)
    else:
        wl.Error(wl.ErrorInfo())


# the line of oauth_send.wl each statement above comes from, for the positions of runtime errors
SOURCE_MAP = "17=4 18=5 19=6 20=7 21=8 22=9 23=10 24=11 25=13 26=14 27=15 28=16 29=17 30=18 31=20 32=21 33=22 34=24 35=25 36=26 37=27 38=28 39=29 40=30 41=31 42=31 43=32 45=34"
wl.source_map(SOURCE_MAP, __file__)


if __name__ == "__main__":
    sys.exit(wl.run(main))
