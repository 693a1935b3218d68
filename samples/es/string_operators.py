"""string_operators.wl, transpiled by wlinterp (faithful style).

Run it with: python string_operators.py [--smtp capture|live|HOST:PORT] [--outbox DIR] [--report FILE.json]
"""

import sys

from wlinterp.pyrt import Program, sem

wl = Program("string_operators.wl")


def main() -> None:
    # Los operadores de cadenas: subcadenas, interpolación [% %], concatenación opcional,
    # sintaxis con prefijo y cadenas de varias líneas.
    Asunto: str = "Factura 2024-117 de marzo"
    # [[ ]] extrae una subcadena: un carácter, un intervalo (HASTA) o una longitud (SOBRE)
    wl.Trace(wl.substring(Asunto, "range", 1, 7))
    wl.Trace(wl.substring(Asunto, "count", 9, 8))
    wl.Trace(wl.substring(Asunto, "from", 21))
    wl.Trace(wl.substring(Asunto, "at", 1) + wl.substring(Asunto, "at", len(Asunto)))
    # [% %] inserta el valor de una expresión en una cadena
    NoLeídos: int = 3
    wl.Trace(
        "Tiene "
        + sem.to_string(NoLeídos)
        + " mensajes nuevos, "
        + sem.to_string(NoLeídos * 2)
        + " en total"
    )
    # s + [sep] + t solo añade el separador donde falta
    Destinatarios = wl.new(
        "array of string", "ada@ejemplo.es", "grace@ejemplo.es", "alan@ejemplo.es"
    )
    LíneaPara: str = ""
    for Dirección in list(Destinatarios):
        LíneaPara = sem.optional_concat(LíneaPara, ", ", Dirección)
    wl.Trace(LíneaPara)
    Carpeta: str = "archivo/"
    wl.Trace(sem.optional_concat(Carpeta, "/", "2024"))
    wl.Trace(sem.optional_concat("archivo", "/", "2024"))
    # Sintaxis con prefijo: Asunto.Mayúscula() equivale a Mayúscula(Asunto)
    wl.Trace(
        wl.call(Asunto, "Upper"),
        wl.call(Asunto, "Length"),
        wl.call(wl.call(Asunto, "Left", 7), "Lower"),
    )
    # Una cadena de varias líneas conserva sus saltos de línea
    Pie: str = "Enviado con wlinterp\r\nPor favor, no responda"
    wl.Info(Pie)


# the line of string_operators.wl each statement above comes from, for the positions of runtime errors
SOURCE_MAP = "16=3 18=6 19=7 20=8 21=9 23=12 24=13 32=16 35=17 36=18 37=19 38=21 39=22 40=23 41=24 43=27 49=30 50=34"
wl.source_map(SOURCE_MAP, __file__)


if __name__ == "__main__":
    sys.exit(wl.run(main))
