"""conditions.wl, transpiled by wlinterp (faithful style).

Run it with: python conditions.py [--smtp capture|live|HOST:PORT] [--outbox DIR] [--report FILE.json]
"""

import sys

from wlinterp.pyrt import Program, sem

wl = Program("conditions.wl")


def main() -> None:
    # Las instrucciones SI: decidir dónde archivar un mensaje recibido.
    Remitente: str = "boletin@tienda.ejemplo.es"
    TamañoMensaje: int = 2048
    NoLeídos: int = 5
    # Un SI de varias líneas, con ramas SINO SI y un SINO
    if TamañoMensaje > 10000:
        wl.Trace("Mensaje grande: descargarlo más tarde")
    elif sem.compare("[=", Remitente, "boletin"):
        wl.Trace("Un boletín: a la carpeta Promociones")
        Carpeta: str = "Promociones"
    elif sem.compare("=]", Remitente, "@ejemplo.es"):
        wl.Trace("Un compañero: se queda en la bandeja de entrada")
    else:
        wl.Trace("Otra persona")
    # Una variable declarada dentro de un bloque se puede usar después del bloque
    wl.Trace("Carpeta:", Carpeta)
    # Un SI de una sola línea no lleva FIN; puede tener un SINO en la misma línea
    if NoLeídos > 0:
        wl.Trace(NoLeídos, "mensajes sin leer")
    else:
        wl.Trace("Nada nuevo")
    if NoLeídos == 0:
        wl.Trace("¡Bandeja vacía!")
    else:
        wl.Trace("Quedan", NoLeídos, "por leer")
    if TamañoMensaje < 1024:
        wl.Trace("Mensaje pequeño")
    # Un número es una condición por sí mismo: 0 es Falso, cualquier otro valor es Verdadero
    if sem.to_bool(NoLeídos):
        wl.Trace("NoLeídos no vale 0")
    # Una condición larga puede seguir tras un Y u O al final de la línea, o tras "..."
    if NoLeídos > 0 and TamañoMensaje < 5000:
        wl.Trace("Pequeño y sin leer: mostrar una vista previa")
    if sem.compare("=]", Remitente, ".es") or sem.compare("=]", Remitente, ".org"):
        wl.Trace("Un remitente .es o .org")
    # Las palabras clave se escriben indistintamente en mayúsculas o en minúsculas
    if NoLeídos >= 5:
        wl.Trace("Cinco o más")
    else:
        wl.Trace("Menos de cinco")


# the line of conditions.wl each statement above comes from, for the positions of runtime errors
SOURCE_MAP = "15=2 16=3 17=4 19=7 20=8 21=9 22=10 23=11 24=12 25=13 27=15 29=19 31=22 32=22 34=22 35=23 36=23 38=23 39=24 40=24 42=27 43=27 45=30 46=32 47=34 48=35 50=38 51=38 53=38"
wl.source_map(SOURCE_MAP, __file__)


if __name__ == "__main__":
    sys.exit(wl.run(main))
