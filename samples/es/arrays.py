"""arrays.wl, transpiled by wlinterp (faithful style).

Run it with: python arrays.py [--smtp capture|live|HOST:PORT] [--outbox DIR] [--report FILE.json]
"""

import sys

from wlinterp.pyrt import Program, sem

wl = Program("arrays.wl")


def main() -> None:
    # Los arreglos: formar una lista de destinatarios, contarla, recorrerla y vaciarla.
    Destinatarios = wl.new("array of string")
    # Tres maneras de añadir un elemento al final
    wl.ArrayAdd(Destinatarios, "ada@ejemplo.es")
    wl.ArrayAdd(Destinatarios, "grace@ejemplo.es")
    Destinatarios.add("alan@ejemplo.es")
    # Tres maneras de contar los elementos
    wl.Trace(
        "Destinatarios:",
        wl.ArrayCount(Destinatarios),
        Destinatarios.count,
        Destinatarios.count,
    )
    # Los elementos se numeran a partir de 1
    Destinatarios.set(2, "grace.hopper@ejemplo.es")
    for Dirección, Rango in wl.rows(Destinatarios, 2):
        wl.Trace(Rango, Dirección)
    # Un arreglo de tamaño fijo ya contiene sus elementos, cada uno con el valor vacío de su tipo
    Tamaños = wl.new("array of 3 int")
    Tamaños.set(1, 120)
    Tamaños.set(3, 45)
    wl.Trace("Tamaños:", Tamaños.get(1), Tamaños.get(2), Tamaños.get(3))
    # Un arreglo asociativo: un valor por clave, en el orden en que se añadieron
    NoLeídos = wl.new("associative array of int")
    NoLeídos.set("Entrada", 12)
    NoLeídos.set("Facturas", 2)
    NoLeídos.set("Entrada", NoLeídos.get("Entrada") + 1)
    wl.Trace(NoLeídos.count, "carpetas")
    for Cantidad, Carpeta in wl.rows(NoLeídos, 2):
        wl.Trace(Carpeta, Cantidad)
    # ArregloEliminarTodo vacía un arreglo
    wl.ArrayDeleteAll(Destinatarios)
    wl.Trace("Tras ArregloEliminarTodo:", wl.ArrayCount(Destinatarios))
    if sem.equals(Destinatarios.count, 0):
        wl.Info("No hay nadie a quien escribir")


# the line of arrays.wl each statement above comes from, for the positions of runtime errors
SOURCE_MAP = "15=2 17=5 18=6 19=7 21=10 28=13 29=14 30=15 32=19 33=20 34=21 35=22 37=25 38=26 39=27 40=28 41=29 42=30 43=31 45=35 46=36 47=37 48=37"
wl.source_map(SOURCE_MAP, __file__)


if __name__ == "__main__":
    sys.exit(wl.run(main))
