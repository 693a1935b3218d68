"""async_send.wl, transpiled by wlinterp (faithful style).

Run it with: python async_send.py [--smtp capture|live|HOST:PORT] [--outbox DIR] [--report FILE.json]
"""

import sys

from wlinterp.pyrt import Program

wl = Program("async_send.wl")


def main() -> None:
    # Envío asíncrono: EmailSendMessage pone el mensaje en cola y vuelve enseguida;
    # EmailStatus dice en qué punto está, y cerrar la sesión espera a que la cola se vacíe.
    Sesion = wl.new("emailSMTPSession")
    Sesion.server_address = "smtp.ejemplo.es"
    Sesion.asynchronous = True
    wl.call(Sesion, "StartSession")
    Identificadores = wl.new("array of int")
    for Direccion in wl.pieces("ana@ejemplo.es;bruno@ejemplo.es", ";"):
        Recordatorio = wl.new("Email")
        Recordatorio.sender = "agenda@ejemplo.es"
        wl.call(Recordatorio.recipients, "Add", Direccion)
        Recordatorio.subject = "Recordatorio para " + Direccion
        if wl.EmailSendMessage(Sesion, Recordatorio):
            wl.ArrayAdd(Identificadores, Recordatorio.identifier)
    wl.EmailCloseSession(Sesion)
    for Id in list(Identificadores):
        if wl.EmailStatus(Id) == wl.emailSent:
            wl.Trace("mensaje", Id, "enviado")


# the line of async_send.wl each statement above comes from, for the positions of runtime errors
SOURCE_MAP = "16=3 17=4 18=5 19=6 20=7 21=8 22=9 23=10 24=11 25=12 26=13 27=13 28=15 29=16 30=17 31=17"
wl.source_map(SOURCE_MAP, __file__)


if __name__ == "__main__":
    sys.exit(wl.run(main))
