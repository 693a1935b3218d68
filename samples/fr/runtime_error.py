"""runtime_error.wl, transpiled by wlinterp (faithful style).

Run it with: python runtime_error.py [--smtp capture|live|HOST:PORT] [--outbox DIR] [--report FILE.json]
"""

import sys

from wlinterp.pyrt import Program

wl = Program("runtime_error.wl")


def main() -> None:
    # Une erreur fatale arrête le programme là où elle se produit : ici une exception qu'aucun
    # QUAND EXCEPTION DANS n'intercepte. Le rapport indique "runtime-error", le code de sortie vaut 1.
    wl.Trace("Vérification de la boîte d'envoi")
    VérifieTaille(12000000)
    wl.Trace("jamais affiché : le programme s'est arrêté dans VérifieTaille")


def VérifieTaille(Octets):
    if Octets > 10000000:
        wl.ExceptionThrow(1, "le message est trop gros pour être envoyé")
    wl.Trace("Taille acceptée")


# the line of runtime_error.wl each statement above comes from, for the positions of runtime errors
SOURCE_MAP = "16=3 17=4 18=5 21=7 22=8 23=9 24=11"
wl.source_map(SOURCE_MAP, __file__)


if __name__ == "__main__":
    sys.exit(wl.run(main))
