"""exceptions.wl, transpiled by wlinterp (faithful style).

Run it with: python exceptions.py [--smtp capture|live|HOST:PORT] [--outbox DIR] [--report FILE.json]
"""

import sys

from wlinterp.pyrt import Program, sem

wl = Program("exceptions.wl")


def main() -> None:
    # CUANDO EXCEPCIÓN EN … HACER … SINO … FIN captura los errores que detendrían el programa:
    # las excepciones lanzadas con ExceptionLanzar y los errores fatales, como una división por cero.
    # Una excepción lanzada en un procedimiento la captura el tratamiento de quien lo llama
    try:
        Entrega("ada@ejemplo.es")
        Entrega("")
        wl.Trace("nunca se muestra: el bloque se detiene en la excepción")
    except wl.Failure as _error:
        wl.caught(_error)
        wl.Trace(
            wl.StringBuild(
                "Excepción %1: %2",
                wl.ExceptionInfo(wl.errCode),
                wl.ExceptionInfo(wl.errMessage),
            )
        )
        if wl.Contains(
            wl.ExceptionInfo(wl.errFullDetails), wl.ExceptionInfo(wl.errMessage)
        ):
            wl.Trace("El detalle completo repite el mensaje")
    else:
        wl.Trace("nunca se muestra: SINO solo se ejecuta si todo fue bien")
    # Cuando todo va bien, se ejecuta la parte SINO
    try:
        Entrega("grace@ejemplo.es")
    except wl.Failure as _error:
        wl.caught(_error)
        wl.Trace("nunca se muestra")
    else:
        wl.Trace("Todos los mensajes se entregaron")
    # Una división por cero se captura de la misma manera
    Total: int = 12
    Fallos: int = 0
    try:
        wl.Trace("Tasa de éxito:", sem.divide(Total, Fallos))
    except wl.Failure as _error:
        wl.caught(_error)
        if not sem.equals(wl.ExceptionInfo(wl.errMessage), ""):
            wl.Trace("La división falló, con una explicación")
    # El programa sigue después de FIN
    wl.Trace("Terminado")


def Entrega(Dirección):
    if Dirección == "":
        wl.ExceptionThrow(12, "el destinatario está vacío")
    wl.Trace("Entregado a", Dirección)


# the line of exceptions.wl each statement above comes from, for the positions of runtime errors
SOURCE_MAP = "17=5 18=6 19=7 20=8 23=10 30=11 33=12 35=15 37=19 38=20 41=22 43=24 45=28 46=29 47=30 48=31 51=33 52=33 54=37 57=39 58=40 59=40 60=41"
wl.source_map(SOURCE_MAP, __file__)


if __name__ == "__main__":
    sys.exit(wl.run(main))
