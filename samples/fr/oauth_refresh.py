"""oauth_refresh.wl, transpiled by wlinterp (faithful style).

Run it with: python oauth_refresh.py [--smtp capture|live|HOST:PORT] [--outbox DIR] [--report FILE.json]
"""

import sys

from wlinterp.pyrt import Program, sem

wl = Program("oauth_refresh.wl")


def main() -> None:
    # Renouveler un jeton avec son jeton d'actualisation plutôt que de se reconnecter.
    Fournisseur = wl.new("OAuth2Parameters")
    Fournisseur.client_id = "mon-application"
    Fournisseur.auth_url = "https://connexion.exemple.fr/oauth2/authorize"
    Fournisseur.token_url = "https://connexion.exemple.fr/oauth2/token"
    Fournisseur.redirection_url = "http://127.0.0.1:9324/fin"
    Jeton = wl.convert("AuthToken", wl.AuthIdentify(Fournisseur))
    if sem.equals(Jeton, None):
        wl.Error(wl.ErrorInfo())
        return
    wl.Trace(
        "premier jeton valide :",
        Jeton.valid,
        "- renouvelable :",
        not sem.equals(Jeton.refresh, ""),
    )
    Nouveau = wl.convert("AuthToken", wl.AuthRefreshToken(Jeton))
    if wl.both(not sem.equals(Nouveau, None), sem.to_bool(Nouveau.valid)):
        wl.Trace(
            "renouvelé, et c'est un nouveau jeton :",
            not sem.equals(Nouveau.value, Jeton.value),
        )
    Encore = wl.convert("AuthToken", wl.call(Nouveau, "RefreshToken"))
    wl.Trace("renouvelé encore :", Encore.valid)


# the line of oauth_refresh.wl each statement above comes from, for the positions of runtime errors
SOURCE_MAP = (
    "15=2 16=3 17=4 18=5 19=6 20=8 21=9 22=10 23=11 24=13 30=14 31=15 32=16 36=18 37=19"
)
wl.source_map(SOURCE_MAP, __file__)


if __name__ == "__main__":
    sys.exit(wl.run(main))
