"""oauth_send.wl, transpiled by wlinterp (faithful style).

Run it with: python oauth_send.py [--smtp capture|live|HOST:PORT] [--outbox DIR] [--report FILE.json]
"""

import sys

from wlinterp.pyrt import Program, sem

wl = Program("oauth_send.wl")


def main() -> None:
    # Two-factor sign-in: get an OAuth 2.0 token, then send with XOAUTH2.
    # Offline (the default), wlinterp's own authorization server stands in for the provider
    # and consents at once; with --smtp live, your browser opens on the provider's page.
    Provider = wl.new("OAuth2Parameters")
    Provider.client_id = "my-desktop-app"
    Provider.client_secret = "the application's secret"
    Provider.auth_url = "https://login.example.com/oauth2/authorize"
    Provider.token_url = "https://login.example.com/oauth2/token"
    Provider.scope = "https://mail.example.com/send"
    Provider.redirection_url = "http://localhost:9321"
    Provider.response_type = wl.oauth2ResponseTypeCode
    Session = wl.new("emailSMTPSession")
    Session.server_address = "smtp.example.com"
    Session.port = 587
    Session.option = wl.emailProtocolSMTPS
    Session.name = "ada@example.com"
    Session.auth_token = wl.AuthIdentify(Provider)
    if sem.equals(Session.auth_token, None):
        wl.Error("Sign-in failed", wl.ErrorInfo())
        return
    wl.Trace("Signed in; the token is valid:", wl.get(Session.auth_token, "Valid"))
    if sem.to_bool(wl.call(Session, "StartSession")):
        Report = wl.new("Email")
        Report.sender = "ada@example.com"
        wl.call(Report.recipients, "Add", "team@example.com")
        Report.subject = "Weekly report"
        Report.message = "Sent with an OAuth 2.0 token."
        if wl.EmailSendMessage(Session, Report):
            wl.Trace("Report sent")
        wl.EmailCloseSession(Session)
    else:
        wl.Error(wl.ErrorInfo())


# the line of oauth_send.wl each statement above comes from, for the positions of runtime errors
SOURCE_MAP = "17=4 18=5 19=6 20=7 21=8 22=9 23=10 24=11 25=13 26=14 27=15 28=16 29=17 30=18 31=20 32=21 33=22 34=24 35=25 36=26 37=27 38=28 39=29 40=30 41=31 42=31 43=32 45=34"
wl.source_map(SOURCE_MAP, __file__)


if __name__ == "__main__":
    sys.exit(wl.run(main))
