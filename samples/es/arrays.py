"""arrays.wl, transpiled by wlinterp (faithful style).

Run it with: python arrays.py [--smtp capture|live|HOST:PORT] [--outbox DIR] [--report FILE.json]
"""

import sys

from wlinterp.pyrt import Program

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
        "Destinatarios:", len(Destinatarios), Destinatarios.count, Destinatarios.count
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
    wl.Trace("Tras ArregloEliminarTodo:", len(Destinatarios))
    if Destinatarios.count == 0:
        wl.Info("No hay nadie a quien escribir")


# the line of arrays.wl each statement above comes from, for the positions of runtime errors
SOURCE_MAP = "15=2 17=5 18=6 19=7 21=10 25=13 26=14 27=15 29=19 30=20 31=21 32=22 34=25 35=26 36=27 37=28 38=29 39=30 40=31 42=35 43=36 44=37 45=37"
wl.source_map(SOURCE_MAP, __file__)


if __name__ == "__main__":
    sys.exit(wl.run(main))
