"""strings.wl, transpiled by wlinterp (faithful style).

Run it with: python strings.py [--smtp capture|live|HOST:PORT] [--outbox DIR] [--report FILE.json]
"""

import sys

from wlinterp.pyrt import Program, sem

wl = Program("strings.wl")


def main() -> None:
    # Las funciones de cadenas, para descomponer una dirección de correo y maquetar un mensaje.
    Dirección: str = "  Ada.Lovelace@Ejemplo.ES  "
    # SinEspacio quita los espacios alrededor del texto; Longitud cuenta los caracteres
    Dirección = wl.NoSpace(Dirección)
    wl.Trace("Dirección:", Dirección, "(" + str(len(Dirección)) + " caracteres)")
    # Posición encuentra la "@"; Izquierda, Medio y Derecha cortan la dirección alrededor
    Arroba: int = wl.Position(Dirección, "@")
    Usuario: str = wl.Left(Dirección, Arroba - 1)
    Dominio: str = wl.Lower(wl.Middle(Dirección, Arroba + 1))
    wl.Trace(
        "Usuario:", Usuario, "- dominio:", Dominio, "- final:", wl.Right(Dominio, 3)
    )
    wl.Trace("En mayúsculas:", wl.Upper(Usuario))
    # ExtraerCadena da el n-ésimo trozo de una cadena cortada por un separador
    wl.Trace(
        "Nombre:",
        wl.ExtractString(Usuario, 1, "."),
        "- apellido:",
        wl.ExtractString(Usuario, 2, "."),
    )
    wl.Trace("Nombre mostrado:", wl.Replace(Usuario, ".", " "))
    if wl.Contains(Dominio, "ejemplo"):
        wl.Trace("Es un dominio de prueba")
    if wl.Position(Dominio, ".org") == 0:
        wl.Trace("No es una dirección .org")
    # CadenaConstruir rellena %1, %2 …; %% escribe un signo de porcentaje
    wl.Trace(
        wl.StringBuild("%1 <%2>", wl.Replace(Usuario, ".", " "), wl.Lower(Dirección))
    )
    wl.Trace(wl.StringBuild("%1%% de los mensajes se entregaron", 98))
    # Completar rellena una cadena hasta un ancho; Repetir la repite
    wl.Trace(wl.Complete("Para", 8, ".") + ": " + wl.Lower(Dirección))
    wl.Trace(wl.Complete("Asunto", 8, ".") + ": Acta")
    wl.Trace(wl.Repeat("=-", 5))
    # Números y cadenas: NuméricoACadena da formato a un número, Val lee un número
    wl.Trace(
        "Mensaje n.º " + wl.NumToString(7, "03d"),
        "- tamaño",
        wl.NumToString(1234.5, "08.2f"),
        "KB",
    )
    wl.Trace(sem.add(wl.Val("42 mensajes"), 1), wl.Val("3.5"), wl.Val("ninguno"))
    # CR pasa a la línea siguiente y TAB inserta una tabulación
    Cuerpo: str = "Hola Ada:" + wl.CR + "Adjunto el acta de la reunión."
    wl.Info(Cuerpo)
    wl.Trace("Nombre" + wl.TAB + "Ada")


# the line of strings.wl each statement above comes from, for the positions of runtime errors
SOURCE_MAP = "15=2 17=5 18=6 20=9 21=10 22=11 23=12 26=13 28=16 34=17 35=18 36=18 37=19 38=19 40=22 43=23 45=26 46=27 47=28 49=31 55=32 57=35 58=36 59=37"
wl.source_map(SOURCE_MAP, __file__)


if __name__ == "__main__":
    sys.exit(wl.run(main))
