"""declarations.wl, transpiled by wlinterp (faithful style).

Run it with: python declarations.py [--smtp capture|live|HOST:PORT] [--outbox DIR] [--report FILE.json]
"""

import sys

from wlinterp.pyrt import Program, sem

wl = Program("declarations.wl")


def main() -> None:
    # Declarar variables: todas las formas del WLanguage, alrededor de un correo por enviar.
    # Una variable; el artículo "un"/"una" es opcional, y el valor inicial también
    Asunto: str = ""
    Asunto = "Informe trimestral"
    Remitente: str = "ada@ejemplo.es"
    Intentos: int = 3
    EsUrgente: bool = True
    # Varias variables del mismo tipo en una línea; ";" separa dos instrucciones
    Ancho: int = 0
    Alto: int = 0
    Ancho = 640
    Alto = 480
    # Inferencia de tipo: "sea" da a la variable el tipo de su valor
    Prioridad = 2
    Firma = "-- Ada"
    # Una variable con tipo convierte lo que recibe: la cadena "4" se guarda como el número 4
    Intentos = sem.convert_to("int", "4")
    # Arreglos: uno dinámico empieza vacío, uno de tamaño fijo ya contiene sus elementos
    Destinatarios = wl.new("array of string")
    Destinatarios.add("grace@ejemplo.es")
    Notas = wl.new("array of 5 int")
    Notas.set(2, 40)
    # Un arreglo asociativo busca sus valores por una clave
    PuertoDe = wl.new("associative array of int")
    PuertoDe.set("smtp", 587)
    PuertoDe.set("imap", 993)
    # Líneas LOCAL y GLOBAL; LOCAL sola en su línea abre un grupo de declaraciones
    Servidor: str = "smtp.ejemplo.es"
    Reintentos: int = 2
    Carpeta: str = "Enviados"
    # Constantes: en bloque, o en una línea
    MAX_DESTINATARIOS = 50
    DOMINIO_POR_DEFECTO = "ejemplo.es"
    ESPERA_REINTENTO = 30
    wl.Trace(Asunto, "de", Remitente)
    if EsUrgente:
        wl.Trace("Marcado como urgente")
    wl.Trace("Intentos + 1 =", Intentos + 1)
    wl.Trace("Tamaño de la imagen:", wl.StringBuild("%1x%2", Ancho, Alto))
    wl.Trace("Prioridad", Prioridad, Firma)
    wl.Trace(Destinatarios.count, "destinatario:", Destinatarios.get(1))
    wl.Trace(
        "Notas:",
        Notas.count,
        "casillas, casilla 2 =",
        Notas.get(2),
        "y casilla 1 =",
        Notas.get(1),
    )
    wl.Trace("Puerto SMTP", PuertoDe.get("smtp"), "- puerto IMAP", PuertoDe.get("imap"))
    wl.Trace(Servidor, Reintentos, Carpeta)
    wl.Trace(MAX_DESTINATARIOS, DOMINIO_POR_DEFECTO, ESPERA_REINTENTO)


# the line of declarations.wl each statement above comes from, for the positions of runtime errors
SOURCE_MAP = "16=4 17=5 18=6 19=7 20=8 22=11 23=11 24=12 25=12 27=15 28=16 30=19 32=22 33=23 34=24 35=25 37=28 38=29 39=30 41=33 42=35 43=36 45=40 46=41 47=43 48=45 49=46 50=46 51=47 52=48 53=49 54=50 55=51 63=52 64=53 65=54"
wl.source_map(SOURCE_MAP, __file__)


if __name__ == "__main__":
    sys.exit(wl.run(main))
