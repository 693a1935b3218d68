"""operators.wl, transpiled by wlinterp (faithful style).

Run it with: python operators.py [--smtp capture|live|HOST:PORT] [--outbox DIR] [--report FILE.json]
"""

import sys

from wlinterp.pyrt import Program, sem

wl = Program("operators.wl")


def main() -> None:
    # Los operadores: prioridades del WLanguage, intervalos, listas y comparaciones flexibles.
    # Cálculo: * y / antes que + y -; una división es exacta, % da el resto
    wl.Trace(2 + 3 * 4, (2 + 3) * 4, sem.divide(18, 5), 17 % 5, sem.power(2, 10))
    # Asignaciones compuestas e incrementos
    Tamaño: int = 10
    Tamaño += 5
    Tamaño *= 4
    Tamaño -= 10
    Tamaño = sem.convert_to("int", sem.divide(Tamaño, 2))
    Tamaño += 1
    wl.Trace("Tamaño:", Tamaño)
    Tamaño -= 1
    # Un intervalo: el valor entre dos límites, o "= a HASTA b"
    if wl.interval(Tamaño, "<", 10, "<=", 30):
        wl.Trace(Tamaño, "KB: un mensaje mediano")
    if wl.interval(Tamaño, "<=", 1, "<=", 25):
        wl.Trace(Tamaño, "KB: entre 1 y 25")
    # EN y NO EN comparan con cada valor de una lista
    Extensión: str = "pdf"
    if wl.in_list(Extensión, "pdf", "docx", "odt"):
        wl.Trace("Un documento")
    if not wl.in_list(Extensión, "exe", "bat"):
        wl.Trace("No es un programa")
    # Y y O tienen la misma prioridad y se leen de izquierda a derecha:
    # Verdadero O Falso Y Falso vale (Verdadero O Falso) Y Falso
    if wl.both(wl.either(True, False), False):
        wl.Trace("el O se evaluó primero")
    else:
        wl.Trace("leído de izquierda a derecha: Falso")
    # NO se aplica a toda la comparación
    if not Tamaño > 100:
        wl.Trace("No pasa de 100 KB")
    # _Y_ se detiene en cuanto conoce el resultado: aquí no hay división por cero
    Recibidos: int = 0
    if Recibidos > 0 and sem.compare(">", sem.divide(100, Recibidos), 5):
        wl.Trace("nunca se muestra")
    else:
        wl.Trace("Recibidos vale 0, la división no se hizo")
    # "y", "o", "a" siguen siendo nombres de variable válidos
    x: int = 0
    y: int = 0
    x = 3
    y = 4
    if x < y < 10:
        wl.Trace("x < y y y < 10")
    # Un número comparado con una cadena numérica compara números; dos cadenas se comparan como texto
    Puerto: int = 587
    if sem.equals(Puerto, "587"):
        wl.Trace('587 = "587"')
    if sem.compare("<", "10", "9"):
        wl.Trace('como texto, "10" va antes que "9"')
    # Comparaciones flexibles
    Dirección: str = "  Ada@Ejemplo.ES "
    if sem.compare("~=", Dirección, "ada@ejemplo.es"):
        wl.Trace("~= ignora mayúsculas y espacios alrededor")
    if sem.compare("~~", "Re: Reunión del equipo", "re reunion delequipo"):
        wl.Trace("~~ ignora también acentos y puntuación")
    Asunto: str = "Re: Acta de la reunión"
    if sem.compare("[=", Asunto, "Re:"):
        wl.Trace("[= empieza por")
    if sem.compare("[=]", Asunto, "Acta"):
        wl.Trace("[=] contiene")
    if sem.compare("=]", Asunto, "reunión"):
        wl.Trace("=] termina por")
    if not sem.compare("[=]", Asunto, "acta"):
        wl.Trace("y distinguen mayúsculas de minúsculas")


# the line of operators.wl each statement above comes from, for the positions of runtime errors
SOURCE_MAP = "16=4 18=7 19=8 20=8 21=8 22=8 23=9 24=10 25=11 27=14 28=14 29=15 30=15 32=18 33=19 34=19 35=20 36=20 39=24 40=25 42=27 44=30 45=30 47=33 48=34 49=35 51=37 53=41 54=41 55=42 56=42 57=43 58=43 60=46 61=47 62=47 63=48 64=48 66=51 67=52 68=52 69=53 70=53 71=54 72=55 73=55 74=56 75=56 76=57 77=57 78=58 79=58"
wl.source_map(SOURCE_MAP, __file__)


if __name__ == "__main__":
    sys.exit(wl.run(main))
