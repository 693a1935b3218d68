"""mail_errors.wl, transpiled by wlinterp (faithful style).

Run it with: python mail_errors.py [--smtp capture|live|HOST:PORT] [--outbox DIR] [--report FILE.json]
"""

import sys

from wlinterp.pyrt import Program, sem

wl = Program("mail_errors.wl")


def main() -> None:
    # A failed email operation is not a crash: the function returns False,
    # ErrorOccurred is True and ErrorInfo() says what went wrong.
    Session = wl.new("emailSMTPSession")
    Session.option = wl.emailProtocolSMTPS
    # ServerAddress is left empty on purpose
    if sem.to_bool(wl.call(Session, "StartSession")):
        wl.Trace("unexpected")
    else:
        wl.Trace("StartSession failed; ErrorOccurred =", wl.ErrorOccurred)
        wl.Trace(wl.ErrorInfo(wl.errMessage))
    # the next function that can fail clears ErrorOccurred
    wl.Trace(
        wl.EmailCheckAddress("grace@example.com") == wl.emailAddressValid,
        wl.ErrorOccurred,
    )
    wl.Trace(wl.EmailCheckAddress("grace at example") == wl.emailAddressIncorrectSyntax)
    # A refused sign-in: this access token was never issued by the provider (in capture mode,
    # only a token AuthIdentify obtained in this run is accepted), so the server says no
    Session.server_address = "smtp.example.com"
    Session.name = "grace@example.com"
    Session.auth_token = "token-from-last-week"
    if not sem.to_bool(wl.call(Session, "StartSession")):
        wl.Trace("sign-in refused:", wl.ErrorInfo(wl.errMessage))
    # Outlook sessions exist only on Windows
    Outlook = wl.new("emailOutlookSession")
    if not sem.to_bool(wl.call(Outlook, "StartSession")):
        wl.Trace(wl.ErrorInfo())


# the line of mail_errors.wl each statement above comes from, for the positions of runtime errors
SOURCE_MAP = "16=3 17=4 19=6 20=7 22=9 23=10 25=13 29=14 32=18 33=19 34=20 35=21 36=22 38=26 39=27 40=27"
wl.source_map(SOURCE_MAP, __file__)


if __name__ == "__main__":
    sys.exit(wl.run(main))
