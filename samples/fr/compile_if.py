"""compile_if.wl, transpiled by wlinterp (faithful style).

Run it with: python compile_if.py [--smtp capture|live|HOST:PORT] [--outbox DIR] [--report FILE.json]
"""

import sys

from wlinterp.pyrt import Program

wl = Program("compile_if.wl")


def main() -> None:
    # <COMPILE SI> garde ou écarte du code selon la configuration compilée.
    # wlinterp compile comme un exécutable WinDev pour Windows : les branches Windows s'exécutent.
    Serveur: str = "smtp.bureau.exemple.fr"
    wl.Trace("Exécutable Windows : envoi par", Serveur)
    wl.Trace("Ce n'est pas une application Android")
    # Le code entre les directives est du code ordinaire
    wl.Trace("Serveur :", Serveur)


# the line of compile_if.wl each statement above comes from, for the positions of runtime errors
SOURCE_MAP = "16=4 17=5 18=15 20=19"
wl.source_map(SOURCE_MAP, __file__)


if __name__ == "__main__":
    sys.exit(wl.run(main))
