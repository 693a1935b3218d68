"""dates.wl, transpiled by wlinterp (faithful style).

Run it with: python dates.py [--smtp capture|live|HOST:PORT] [--outbox DIR] [--report FILE.json]
"""

import sys

from wlinterp.pyrt import Program, sem

wl = Program("dates.wl")


def main() -> None:
    # Fechas, horas y duraciones. La fecha de hoy cambia cada día: este ejemplo solo muestra
    # lo que no cambia de una ejecución a otra.
    # Hoy (o FechaSis) da la fecha actual; FechaACadena la escribe con un formato dado
    Sello: str = wl.DateToString(wl.Today(), "YYYYMMDD")
    wl.Trace("Una fecha escrita YYYYMMDD tiene", len(Sello), "caracteres")
    wl.Trace("Escrita DD/MM/YYYY tiene", len(wl.DateToString(wl.Today(), "DD/MM/YYYY")))
    if sem.equals(wl.Today(), wl.Today()):
        wl.Trace("Hoy y FechaSis dan el mismo día")
    # Una variable Fecha puede recibir una fecha escrita YYYYMMDD
    Envío = sem.convert_to("Date", "20240315")
    wl.Trace("Enviado el", wl.DateToString(Envío, "DD/MM/YYYY"))
    if sem.compare("<", Envío, wl.Today()):
        wl.Trace("Ese mensaje es del pasado")
    # Ahora (o HoraSis) da la hora, HHMMSSCC; FechaHoraSis la fecha y la hora
    wl.Trace(
        "Una hora tiene",
        wl.Length(wl.Now()),
        "caracteres, una fecha-hora",
        wl.Length(wl.SysDateTime()),
    )
    Inicio = sem.convert_to("DateTime", wl.SysDateTime())
    if sem.compare(">=", wl.SysDateTime(), Inicio):
        wl.Trace("El reloj no va hacia atrás")
    if sem.compare("<=", wl.Now(), wl.Now()):
        wl.Trace("Ahora y HoraSis leen el mismo reloj")
    # Las duraciones se escriben con sus unidades: h, min, s, ms
    Espera = sem.convert_to("Duration", wl.duration(90000))
    Espera = sem.convert_to("Duration", sem.add(Espera, wl.duration(30000)))
    if sem.equals(Espera, wl.duration(120000)):
        wl.Trace("La espera es ahora de 2 minutos")
    if sem.equals(wl.duration(128000), wl.duration(128000)):
        wl.Trace("2 min 8 s son 128 s")
    if sem.compare(">", wl.duration(3600000), wl.duration(3540000)):
        wl.Trace("Una hora dura más que 59 minutos")


# the line of dates.wl each statement above comes from, for the positions of runtime errors
SOURCE_MAP = "17=5 18=6 19=7 20=8 21=8 23=11 24=12 25=13 26=13 28=16 34=17 35=18 36=18 37=19 38=19 40=22 41=23 42=24 43=24 44=25 45=25 46=26 47=26"
wl.source_map(SOURCE_MAP, __file__)


if __name__ == "__main__":
    sys.exit(wl.run(main))
