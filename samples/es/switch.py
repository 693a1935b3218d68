"""switch.wl, transpiled by wlinterp (faithful style).

Run it with: python switch.py [--smtp capture|live|HOST:PORT] [--outbox DIR] [--report FILE.json]
"""

import sys

from wlinterp.pyrt import Program, sem

wl = Program("switch.wl")


def main() -> None:
    # SEGÚN: leer los códigos de respuesta de un servidor SMTP.
    # Un CASO acepta un valor, varios valores, un intervalo (HASTA) o una comparación.
    # Las tildes de las palabras clave son opcionales: SEGUN es SEGÚN.
    Códigos = wl.new("array of int", 250, 354, 421, 550, 221, 999, 199)
    for Código in list(Códigos):
        if Código == 250:
            wl.Trace(Código, "acción solicitada completada")
        elif Código == 221 or Código == 354:
            wl.Trace(Código, "el servidor espera el paso siguiente")
        elif 400 <= Código <= 499:
            wl.Trace(Código, "fallo temporal: reintentar más tarde")
        elif 500 <= Código <= 599:
            wl.Trace(Código, "fallo permanente")
        elif sem.compare(">", Código, 900):
            wl.Trace(Código, "no es un código SMTP")
        else:
            wl.Trace(Código, "inesperado")
    # Un SEGÚN sobre una cadena; los dos puntos tras los valores son opcionales
    Extensión: str = "JPG"
    _subject = wl.Lower(Extensión)
    if _subject == "pdf" or _subject == "odt":
        wl.Trace("un documento")
    elif _subject == "jpg" or _subject == "png":
        wl.Trace("una imagen")
    else:
        wl.Trace("un adjunto de otro tipo")


# the line of switch.wl each statement above comes from, for the positions of runtime errors
SOURCE_MAP = "17=4 18=6 19=8 20=8 21=9 22=10 23=11 24=12 25=13 26=13 27=14 28=15 30=17 32=22 33=23 34=24 35=25 36=26 37=27 39=28"
wl.source_map(SOURCE_MAP, __file__)


if __name__ == "__main__":
    sys.exit(wl.run(main))
