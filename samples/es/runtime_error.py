"""runtime_error.wl, transpiled by wlinterp (faithful style).

Run it with: python runtime_error.py [--smtp capture|live|HOST:PORT] [--outbox DIR] [--report FILE.json]
"""

import sys

from wlinterp.pyrt import Program

wl = Program("runtime_error.wl")


def main() -> None:
    # Un error fatal detiene el programa donde ocurre: aquí se lee un elemento que el arreglo
    # no tiene. El informe dice "runtime-error" y el código de salida es 1.
    Destinatarios = wl.new("array of string", "ada@ejemplo.es", "grace@ejemplo.es")
    for i in range(1, 4):
        wl.Trace("Envío a", Destinatarios.get(i))
    wl.Trace("nunca se muestra: el programa se detuvo en la tercera vuelta")


# the line of runtime_error.wl each statement above comes from, for the positions of runtime errors
SOURCE_MAP = "16=3 17=5 18=6 19=8"
wl.source_map(SOURCE_MAP, __file__)


if __name__ == "__main__":
    sys.exit(wl.run(main))
