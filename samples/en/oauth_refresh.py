"""oauth_refresh.wl, transpiled by wlinterp (faithful style).

Run it with: python oauth_refresh.py [--smtp capture|live|HOST:PORT] [--outbox DIR] [--report FILE.json]
"""

import sys

from wlinterp.pyrt import Program, sem

wl = Program("oauth_refresh.wl")


def main() -> None:
    # Renew a token with its refresh token instead of signing in again.
    Provider = wl.new("OAuth2Parameters")
    Provider.client_id = "my-desktop-app"
    Provider.auth_url = "https://login.example.com/oauth2/authorize"
    Provider.token_url = "https://login.example.com/oauth2/token"
    Provider.redirection_url = "http://127.0.0.1:9322/done"
    Token = wl.convert("AuthToken", wl.AuthIdentify(Provider))
    if sem.equals(Token, None):
        wl.Error(wl.ErrorInfo())
        return
    wl.Trace(
        "first token valid:",
        Token.valid,
        "- can be refreshed:",
        not sem.equals(Token.refresh, ""),
    )
    Renewed = wl.convert("AuthToken", wl.AuthRefreshToken(Token))
    if wl.both(not sem.equals(Renewed, None), sem.to_bool(Renewed.valid)):
        wl.Trace(
            "renewed, and it is a new token:",
            not sem.equals(Renewed.value, Token.value),
        )
    # the method form does the same
    Again = wl.convert("AuthToken", wl.call(Renewed, "RefreshToken"))
    wl.Trace("renewed again:", Again.valid)
    # an AuthToken without a refresh token cannot be renewed: Null, and ErrorInfo says why
    Empty = wl.new("AuthToken")
    if sem.equals(wl.AuthRefreshToken(Empty), None):
        wl.Trace(wl.ErrorInfo())


# the line of oauth_refresh.wl each statement above comes from, for the positions of runtime errors
SOURCE_MAP = "15=2 16=3 17=4 18=5 19=6 20=8 21=9 22=10 23=11 24=13 30=14 31=15 32=16 37=19 38=20 40=22 41=23 42=23"
wl.source_map(SOURCE_MAP, __file__)


if __name__ == "__main__":
    sys.exit(wl.run(main))
