"""loops.wl, transpiled by wlinterp (faithful style).

Run it with: python loops.py [--smtp capture|live|HOST:PORT] [--outbox DIR] [--report FILE.json]
"""

import sys

from wlinterp.pyrt import Program

wl = Program("loops.wl")


def main() -> None:
    # Los bucles: PARA, PARA CADA, MIENTRAS y BUCLE, alrededor de un envío de recordatorios.
    # PARA cuenta de un límite al otro; su variable no necesita declararse
    for i in range(1, 4):
        wl.Trace("Recordatorio", i)
    # PASO cambia el incremento, y puede ser negativo
    for i in range(10, -1, -5):
        wl.Trace("Cuenta atrás", i)
    # HASTA vuelve a leer su límite en cada vuelta; _HASTA_ lo lee una sola vez
    Límite: int = 2
    Vueltas: int = 0
    i = 1
    while i <= Límite:
        Vueltas += 1
        if i == 1:
            Límite = 4
        i += 1
    wl.Trace("Con HASTA:", Vueltas, "vueltas")
    Límite = 2
    Vueltas = 0
    for i in range(1, Límite + 1):
        Vueltas += 1
        if i == 1:
            Límite = 4
    wl.Trace("Con _HASTA_:", Vueltas, "vueltas")
    # PARA CADA recorre un arreglo; una segunda variable recibe el índice
    Destinatarios = wl.new("array of string", "ada@ejemplo.es", "grace@ejemplo.es")
    for Dirección, Rango in wl.rows(Destinatarios, 2):
        wl.Trace(Rango, Dirección)
    for Dirección in list(Destinatarios):
        wl.Trace("Envío a", Dirección)
    # PARA CADA CADENA corta una cadena por un separador
    for Etiqueta in wl.pieces("urgente;factura;2024", ";"):
        wl.Trace("Etiqueta:", Etiqueta)
    # MIENTRAS repite mientras su condición sea verdadera
    Pendientes: int = 3
    while Pendientes > 0:
        wl.Trace("Quedan", Pendientes, "por enviar")
        Pendientes -= 1
    # BUCLE repite hasta SALIR; CONTINUAR pasa a la vuelta siguiente
    Intento: int = 0
    while True:
        Intento += 1
        if Intento == 2:
            continue
        wl.Trace("Intento", Intento)
        if Intento >= 3:
            break
    # BUCLE (n) repite n veces
    for _ in wl.repeat(2):
        wl.Trace("Ping")


# the line of loops.wl each statement above comes from, for the positions of runtime errors
SOURCE_MAP = "16=4 17=5 19=8 20=9 22=13 23=14 24=15 25=15 26=16 27=17 28=17 30=19 31=20 32=21 33=22 34=23 35=24 36=24 37=26 39=29 40=30 41=31 42=33 43=34 45=38 46=39 48=43 49=44 50=45 51=46 53=50 54=51 55=52 56=53 57=53 58=54 59=55 60=55 62=59 63=60"
wl.source_map(SOURCE_MAP, __file__)


if __name__ == "__main__":
    sys.exit(wl.run(main))
