"""compile_if.wl, transpiled by wlinterp (faithful style).

Run it with: python compile_if.py [--smtp capture|live|HOST:PORT] [--outbox DIR] [--report FILE.json]
"""

import sys

from wlinterp.pyrt import Program

wl = Program("compile_if.wl")


def main() -> None:
    # <COMPILAR SI> conserva o descarta código según la configuración que se compila.
    # wlinterp compila como un ejecutable WinDev para Windows: se ejecutan las ramas Windows.
    Servidor: str = "smtp.oficina.ejemplo.es"
    wl.Trace("Ejecutable Windows: envío por", Servidor)
    wl.Trace("No es una aplicación Android")
    # El código entre las directivas es código normal
    wl.Trace("Servidor:", Servidor)


# the line of compile_if.wl each statement above comes from, for the positions of runtime errors
SOURCE_MAP = "16=4 17=5 18=15 20=19"
wl.source_map(SOURCE_MAP, __file__)


if __name__ == "__main__":
    sys.exit(wl.run(main))
