"""mail_errors.wl, transpiled by wlinterp (faithful style).

Run it with: python mail_errors.py [--smtp capture|live|HOST:PORT] [--outbox DIR] [--report FILE.json]
"""

import sys

from wlinterp.pyrt import Program, sem

wl = Program("mail_errors.wl")


def main() -> None:
    # Una operación de correo fallida no detiene el programa: la función devuelve Falso,
    # ErrorOccurred vale Verdadero y ErrorInfo() explica lo ocurrido.
    Sesion = wl.new("emailSMTPSession")
    Sesion.option = wl.emailProtocolSMTPS
    # ServerAddress se deja vacío a propósito
    if sem.to_bool(wl.call(Sesion, "StartSession")):
        wl.Trace("inesperado")
    else:
        wl.Trace("StartSession ha fallado; ErrorOccurred =", wl.ErrorOccurred)
        wl.Trace(wl.ErrorInfo(wl.errMessage))
    wl.Trace(
        wl.EmailCheckAddress("ines@ejemplo.es") == wl.emailAddressValid,
        wl.ErrorOccurred,
    )
    # Un inicio de sesión rechazado: el proveedor nunca emitió este token de acceso (en modo
    # captura solo vale un token obtenido con AuthIdentify en esta ejecución)
    Sesion.server_address = "smtp.ejemplo.es"
    Sesion.name = "ines@ejemplo.es"
    Sesion.auth_token = "token-de-la-semana-pasada"
    if not sem.to_bool(wl.call(Sesion, "StartSession")):
        wl.Trace("inicio de sesión rechazado:", wl.ErrorInfo(wl.errMessage))


# the line of mail_errors.wl each statement above comes from, for the positions of runtime errors
SOURCE_MAP = "16=3 17=4 19=6 20=7 22=9 23=10 24=12 30=16 31=17 32=18 33=19 34=20"
wl.source_map(SOURCE_MAP, __file__)


if __name__ == "__main__":
    sys.exit(wl.run(main))
