"""plain_send.wl, transpiled by wlinterp (faithful style).

Run it with: python plain_send.py [--smtp capture|live|HOST:PORT] [--outbox DIR] [--report FILE.json]
"""

import sys

from wlinterp.pyrt import Program

wl = Program("plain_send.wl")


def main() -> None:
    # El envío más sencillo: un servidor SMTP en el puerto 25, sin cifrado ni autenticación,
    # como un relé de empresa que confía en su red local.
    Rele = wl.new("emailSMTPSession")
    Rele.server_address = "rele.ejemplo.es"
    # Puerto y Opción se quedan como están: puerto 25, emailOptionDefault
    if not wl.EmailStartSession(Rele):
        wl.Error("No se puede contactar con el relé:", wl.ErrorInfo())
        return
    Aviso = wl.new("Email")
    Aviso.sender = "sala-impresion@ejemplo.es"
    wl.call(Aviso.recipients, "Add", "recepcion@ejemplo.es")
    Aviso.subject = "A la impresora 2 le falta papel"
    Aviso.message = "La bandeja 1 está vacía. Hay papel de reserva en el armario."
    if wl.EmailSendMessage(Rele, Aviso):
        wl.Trace(
            "Aviso enviado a", wl.index(Aviso.recipients, 1), "por el puerto", Rele.port
        )
    wl.EmailCloseSession(Rele)


# the line of plain_send.wl each statement above comes from, for the positions of runtime errors
SOURCE_MAP = "16=3 17=4 19=7 20=8 21=9 22=12 23=13 24=14 25=15 26=16 27=17 28=18 31=20"
wl.source_map(SOURCE_MAP, __file__)


if __name__ == "__main__":
    sys.exit(wl.run(main))
