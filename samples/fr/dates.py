"""dates.wl, transpiled by wlinterp (faithful style).

Run it with: python dates.py [--smtp capture|live|HOST:PORT] [--outbox DIR] [--report FILE.json]
"""

import sys

from wlinterp.pyrt import Program, sem

wl = Program("dates.wl")


def main() -> None:
    # Dates, heures et durées. La date du jour change chaque jour : cet exemple n'affiche que
    # ce qui reste identique d'une exécution à l'autre.
    # DateDuJour (ou DateSys) donne la date du jour ; DateVersChaîne l'écrit dans un format donné
    Tampon: str = wl.DateToString(wl.Today(), "AAAAMMJJ")
    wl.Trace("Une date écrite AAAAMMJJ a", len(Tampon), "caractères")
    wl.Trace(
        "Écrite JJ/MM/AAAA elle en a", len(wl.DateToString(wl.Today(), "JJ/MM/AAAA"))
    )
    if sem.equals(wl.Today(), wl.Today()):
        wl.Trace("DateDuJour et DateSys donnent le même jour")
    # Une variable Date peut recevoir une date écrite AAAAMMJJ
    Envoi = sem.convert_to("Date", "20240315")
    wl.Trace("Envoyé le", wl.DateToString(Envoi, "JJ/MM/AAAA"))
    if sem.compare("<", Envoi, wl.Today()):
        wl.Trace("Ce message est dans le passé")
    # Maintenant (ou HeureSys) donne l'heure, HHMMSSCC ; DateHeureSys la date et l'heure
    wl.Trace(
        "Une heure a",
        wl.Length(wl.Now()),
        "caractères, une date-heure",
        wl.Length(wl.SysDateTime()),
    )
    Début = sem.convert_to("DateTime", wl.SysDateTime())
    if sem.compare(">=", wl.SysDateTime(), Début):
        wl.Trace("L'horloge ne recule pas")
    if sem.compare("<=", wl.Now(), wl.Now()):
        wl.Trace("Maintenant et HeureSys lisent la même horloge")
    # Les durées s'écrivent avec leurs unités : h, min, s, ms
    Délai = sem.convert_to("Duration", wl.duration(90000))
    Délai = sem.convert_to("Duration", sem.add(Délai, wl.duration(30000)))
    if sem.equals(Délai, wl.duration(120000)):
        wl.Trace("Le délai est maintenant de 2 minutes")
    if sem.equals(wl.duration(128000), wl.duration(128000)):
        wl.Trace("2 min 8 s font 128 s")
    if sem.compare(">", wl.duration(3600000), wl.duration(3540000)):
        wl.Trace("Une heure dure plus que 59 minutes")


# the line of dates.wl each statement above comes from, for the positions of runtime errors
SOURCE_MAP = "17=5 18=6 19=7 22=8 23=8 25=11 26=12 27=13 28=13 30=16 36=17 37=18 38=18 39=19 40=19 42=22 43=23 44=24 45=24 46=25 47=25 48=26 49=26"
wl.source_map(SOURCE_MAP, __file__)


if __name__ == "__main__":
    sys.exit(wl.run(main))
