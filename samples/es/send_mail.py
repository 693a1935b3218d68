"""send_mail.wl, transpiled by wlinterp (faithful style).

Run it with: python send_mail.py [--smtp capture|live|HOST:PORT] [--outbox DIR] [--report FILE.json]
"""

import sys

from wlinterp.pyrt import Program, sem

wl = Program("send_mail.wl")


def main() -> None:
    # Enviar un mensaje por una sesión SMTP autenticada y protegida con STARTTLS.
    # wlinterp lo ejecuta sin red: el servidor de captura integrado sustituye a smtp.ejemplo.es
    # y guarda el mensaje en ./wl-outbox (para listarlo: wlinterp outbox).
    MiSesion = wl.new("emailSMTPSession")
    MiSesion.server_address = "smtp.ejemplo.es"
    MiSesion.port = 587
    MiSesion.option = wl.emailProtocolSMTPS
    MiSesion.name = "ines@ejemplo.es"
    MiSesion.password = "caballo correcto grapa"
    if sem.equals(wl.call(MiSesion, "StartSession"), False):
        wl.Error("No se puede abrir la sesión SMTP", wl.ErrorInfo(wl.errMessage))
        return
    Agenda = wl.new("emailAttach")
    Agenda.name = "agenda.txt"
    Agenda.content = "1. Bienvenida" + wl.CR + "2. Presupuesto"
    MiMensaje = wl.new("Email")
    MiMensaje.sender = "Inés Núñez <ines@ejemplo.es>"
    wl.ArrayAdd(MiMensaje.recipients, "pablo@ejemplo.es")
    wl.call(MiMensaje.cc, "Add", "lucia@ejemplo.es")
    wl.call(MiMensaje.bcc, "Add", "archivo@ejemplo.es")
    MiMensaje.subject = "Agenda de la reunión del lunes"
    MiMensaje.message = "Hola," + wl.CR + "la agenda va adjunta."
    wl.ArrayAdd(MiMensaje.attachments, Agenda)
    if wl.EmailSendMessage(MiSesion, MiMensaje):
        wl.Trace(
            "Mensaje enviado a",
            MiMensaje.recipient_count,
            "destinatario(s) y",
            MiMensaje.cc_count,
            "en copia",
        )
    else:
        wl.Error(wl.ErrorInfo())
    wl.EmailCloseSession(MiSesion)


# the line of send_mail.wl each statement above comes from, for the positions of runtime errors
SOURCE_MAP = "17=4 18=5 19=6 20=7 21=8 22=9 23=11 24=12 25=13 26=16 27=17 28=18 29=20 30=21 31=22 32=23 33=24 34=25 35=26 36=27 37=29 38=30 46=32 47=34"
wl.source_map(SOURCE_MAP, __file__)


if __name__ == "__main__":
    sys.exit(wl.run(main))
