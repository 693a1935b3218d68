"""tri.wl, transpiled by wlinterp (faithful style).

Run it with: python tri.py [--smtp capture|live|HOST:PORT] [--outbox DIR] [--report FILE.json]
"""

import sys

from wlinterp.pyrt import Program, sem

wl = Program("tri.wl")


def main() -> None:
    # Trier et chercher : les tailles des messages d'une boîte, en kilo-octets, mises dans l'ordre
    # (tri par insertion) puis cherchées par moitiés (recherche dichotomique).
    Tailles = wl.new("array of int")
    Tailles_items = Tailles.items  # Tailles[i] is Tailles_items[i - 1]
    Graine: int = 7
    for i in range(1, 13):
        Graine = (Graine * 37 + 11) % 101
        Tailles.add(Graine * 3)
    # Tri par insertion : chaque taille glisse à gauche des plus grandes
    for i in range(2, 13):
        Courante: int = Tailles_items[i - 1]
        j: int = i - 1
        # _ET_ s'arrête au premier côté faux : Tailles[0] n'est jamais lu
        while j >= 1 and Tailles_items[j - 1] > Courante:
            Tailles_items[j] = Tailles_items[j - 1]
            j -= 1
        Tailles_items[j] = Courante
    wl.Trace("La plus petite :", Tailles.get(1), "la plus grande :", Tailles.get(12))
    # Recherche dichotomique : couper en deux la partie du tableau qui peut encore contenir la taille
    for Cherchée in wl.rows(wl.array(57, 273, 100), 1):
        Trouvée: int = 0
        Bas: int = 1
        Haut: int = 12
        while Bas <= Haut:
            Milieu: int = (Bas + Haut) // 2
            if sem.equals(Tailles_items[Milieu - 1], Cherchée):
                Trouvée = Milieu
                break
            elif sem.compare("<", Tailles_items[Milieu - 1], Cherchée):
                Bas = Milieu + 1
            else:
                Haut = Milieu - 1
        if Trouvée == 0:
            wl.Trace(Cherchée, "n'y est pas")
        else:
            wl.Trace(Cherchée, "est la numéro", Trouvée)


# the line of tri.wl each statement above comes from, for the positions of runtime errors
SOURCE_MAP = "16=3 18=4 19=5 20=6 21=7 23=11 24=12 25=13 27=15 28=16 29=17 30=19 31=21 33=24 34=25 35=26 36=27 37=28 38=29 39=30 40=31 41=32 42=33 43=34 45=36 46=39 47=40 49=42"
wl.source_map(SOURCE_MAP, __file__)


if __name__ == "__main__":
    sys.exit(wl.run(main))
