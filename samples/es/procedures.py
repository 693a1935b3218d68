"""procedures.wl, transpiled by wlinterp (faithful style).

Run it with: python procedures.py [--smtp capture|live|HOST:PORT] [--outbox DIR] [--report FILE.json]
"""

import sys

from wlinterp.pyrt import DEFAULT, Program, Ref, sem

wl = Program("procedures.wl")


def main() -> None:
    # Los procedimientos: parámetros por referencia (por defecto) o por valor (LOCAL), valores
    # por defecto, '*' para conservar uno, DEVOLVER y RETORNAR, y un procedimiento interno.
    Asunto = Ref("Reunión", "string")
    Saludo: str = "Hola"
    Enviados = Ref(0, "int")
    # Por referencia: el procedimiento cambia la variable de quien lo llama
    AgregaPrefijo(Asunto)
    wl.Trace(Asunto.value)
    CuentaUno(Enviados)
    CuentaUno(Enviados)
    wl.Trace("Enviados:", Enviados.value)
    # LOCAL: el procedimiento trabaja con una copia
    Grita(Saludo)
    wl.Trace("Fuera:", Saludo)
    # Valores por defecto, y '*' para conservar uno dando el parámetro siguiente
    wl.Trace(Encabezado("Para", "ada@ejemplo.es"))
    wl.Trace(Encabezado("Para", "ada@ejemplo.es", " = "))
    wl.Trace(Encabezado("Cc", DEFAULT, " -> "))
    # RETORNAR sale de un procedimiento antes de su final
    CompruebaDirección("nadie")
    CompruebaDirección("grace@ejemplo.es")
    Lista = wl.new("array of string", "ada@ejemplo.es", "error", "alan@ejemplo.org")
    wl.Trace(CuentaVálidas(Lista, "ejemplo.es"), "dirección(es) en ejemplo.es")


def AgregaPrefijo(Texto):
    Texto.set("Re: " + sem.to_string(Texto.value))


def CuentaUno(Contador):
    Contador.set(Contador.value + 1)


def Grita(Texto):
    Texto = "¡" + wl.Upper(Texto) + "!"
    wl.Trace("Dentro:", Texto)


def Encabezado(Nombre, Valor=DEFAULT, Separador=": "):
    if Valor is DEFAULT:
        Valor = "(ninguno)"
    return Nombre + Separador + Valor


def CompruebaDirección(Dirección):
    if not wl.Contains(Dirección, "@"):
        wl.Warning(Dirección + " no es una dirección de correo")
        return
    wl.Trace(Dirección, "parece correcta")


def CuentaVálidas(Direcciones, Dominio):
    # Un procedimiento interno ve las variables del procedimiento que lo contiene
    def Coincide(Dirección):
        return sem.compare("=]", Dirección, "@" + Dominio)

    Total: int = 0
    for Dirección in list(Direcciones):
        if Coincide(Dirección):
            Total += 1
    return Total


# the line of procedures.wl each statement above comes from, for the positions of runtime errors
SOURCE_MAP = "16=3 17=4 18=5 20=8 21=9 22=10 23=11 24=12 26=15 27=16 29=19 30=20 31=21 33=24 34=25 35=27 36=28 39=30 40=31 43=33 44=34 47=36 48=37 49=38 52=40 55=41 58=43 59=44 60=45 61=46 62=48 65=50 67=53 68=54 70=51 71=56 72=57 73=57 74=59"
wl.source_map(SOURCE_MAP, __file__)


if __name__ == "__main__":
    sys.exit(wl.run(main))
