"""messages.wl, transpiled by wlinterp (faithful style).

Run it with: python messages.py [--smtp capture|live|HOST:PORT] [--outbox DIR] [--report FILE.json]
"""

import sys

from wlinterp.pyrt import Program, sem

wl = Program("messages.wl")


def main() -> None:
    # Mostrar mensajes, y leer el estado de error de la última operación.
    # Info, Advertencia y Error muestran cada parámetro en su propia línea
    wl.Info("La bandeja de salida está lista")
    wl.Info("3 mensajes en espera:", "2 facturas y 1 recordatorio")
    wl.Warning("El adjunto pasa de 5 MB")
    wl.Error(
        "No se puede contactar con smtp.ejemplo.es", "Compruebe la configuración de red"
    )
    # Trace escribe sus parámetros en una línea, separados por un espacio
    wl.Trace("Cola:", 3, "mensajes,", 1.5, "MB")
    wl.Trace()
    # ErrorOcurrido pasa a Verdadero cuando falla una función que puede fallar, y ErrorInfo
    # explica el fallo. Ninguna función ha fallado en este programa: los dos están vacíos.
    if sem.to_bool(wl.ErrorOccurred):
        wl.Trace("Último fallo:", wl.ErrorInfo(wl.errMessage))
    else:
        wl.Trace("Ningún fallo por ahora, código de error", wl.ErrorInfo(wl.errCode))
    if wl.both(
        wl.both(not sem.to_bool(wl.ErrorOccurred), sem.equals(wl.ErrorInfo(), "")),
        sem.equals(wl.ErrorInfo(wl.errFullDetails), ""),
    ):
        wl.Trace("ErrorInfo no tiene nada que decir")


# the line of messages.wl each statement above comes from, for the positions of runtime errors
SOURCE_MAP = "16=4 17=5 18=6 19=7 23=10 24=11 27=15 28=16 30=18 31=20 35=21"
wl.source_map(SOURCE_MAP, __file__)


if __name__ == "__main__":
    sys.exit(wl.run(main))
