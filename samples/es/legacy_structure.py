"""legacy_structure.wl, transpiled by wlinterp (faithful style).

Run it with: python legacy_structure.py [--smtp capture|live|HOST:PORT] [--outbox DIR] [--report FILE.json]
"""

import sys

from wlinterp.pyrt import Program, sem

wl = Program("legacy_structure.wl")


def main() -> None:
    # La API clásica: una sesión identificada por su usuario y la estructura Email predeclarada.
    wl.EmailSetTimeOut(30)
    if sem.equals(
        wl.EmailStartSMTPSession(
            "boletin@ejemplo.es",
            "s3cret",
            "correo.ejemplo.es",
            465,
            False,
            wl.optionTLS,
        ),
        False,
    ):
        wl.Error(wl.ErrorInfo())
        return
    wl.EmailReset()
    wl.Email.sender = "boletin@ejemplo.es"
    wl.set_index(wl.Email.recipients, 1, "lector1@ejemplo.es")
    wl.set_index(wl.Email.recipients, 2, "lector2@ejemplo.es")
    wl.set(wl.Email, "NbRecipient", 2)
    wl.Email.subject = "Número 12"
    wl.Email.message = "Este mes: enviar correo desde WLanguage."
    if wl.EmailSendMessage("boletin@ejemplo.es"):
        wl.Trace("Enviado con el identificador", wl.Email.identifier)
    wl.EmailCloseSession("boletin@ejemplo.es")
    # la sesión ya está cerrada: un nuevo envío falla, y explica por qué
    if not wl.EmailSendMessage("boletin@ejemplo.es"):
        wl.Trace("ErrorOccurred:", wl.ErrorOccurred)


# the line of legacy_structure.wl each statement above comes from, for the positions of runtime errors
SOURCE_MAP = "15=2 16=3 27=4 28=5 29=7 30=8 31=9 32=10 33=11 34=12 35=13 36=14 37=15 38=17 40=19 41=20"
wl.source_map(SOURCE_MAP, __file__)


if __name__ == "__main__":
    sys.exit(wl.run(main))
