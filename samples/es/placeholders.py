"""placeholders.wl, transpiled by wlinterp (faithful style).

Run it with: python placeholders.py [--smtp capture|live|HOST:PORT] [--outbox DIR] [--report FILE.json]
"""

import sys

from wlinterp.pyrt import Program, sem

wl = Program("placeholders.wl", lenient=True)


def main(USUARIO=None, CONTRASEÑA=None, EDT_Servidor=None) -> None:
    # not declared in the program (USUARIO, CONTRASEÑA, EDT_Servidor): give them values with --define NAME=…
    # Los ejemplos de la ayuda usan a menudo nombres que nunca declaran: USUARIO, CONTRASEÑA,
    # un control como EDT_Servidor. wlinterp se niega a ejecutarlos salvo en modo tolerante:
    #     wlinterp run placeholders.wl --lenient --define USUARIO=ada
    # USUARIO recibe entonces su valor de la línea de comandos. CONTRASEÑA y EDT_Servidor quedan
    # vacíos y se señalan con advertencias, igual que AnotaIntento, un procedimiento que no
    # existe (llamarlo no hace nada).
    wl.Trace("Abriendo una sesión para", USUARIO)
    Dirección: str = sem.convert_to("string", sem.add(USUARIO, "@ejemplo.es"))
    wl.Trace("Dirección:", Dirección)
    if sem.equals(CONTRASEÑA, ""):
        wl.Warning("No hay contraseña para " + sem.to_string(USUARIO))
    Servidor: str = sem.convert_to("string", EDT_Servidor)
    if Servidor == "":
        Servidor = "smtp.ejemplo.es"
    wl.Trace("Servidor:", Servidor)
    wl.nothing("AnotaIntento", USUARIO, Servidor)
    wl.Trace("Terminado")


# the line of placeholders.wl each statement above comes from, for the positions of runtime errors
SOURCE_MAP = "21=7 22=8 23=9 24=11 25=11 26=13 27=14 28=14 29=15 30=17 31=18"
wl.source_map(SOURCE_MAP, __file__)


if __name__ == "__main__":
    sys.exit(wl.run(main))
