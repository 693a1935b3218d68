// Dates, heures et durées. La date du jour change chaque jour : cet exemple n'affiche que
// ce qui reste identique d'une exécution à l'autre.

// DateDuJour (ou DateSys) donne la date du jour ; DateVersChaîne l'écrit dans un format donné
Tampon est une chaîne = DateVersChaîne(DateDuJour(), "AAAAMMJJ")
Trace("Une date écrite AAAAMMJJ a", Taille(Tampon), "caractères")
Trace("Écrite JJ/MM/AAAA elle en a", Taille(DateVersChaîne(DateSys(), "JJ/MM/AAAA")))
SI DateDuJour() = DateSys() ALORS Trace("DateDuJour et DateSys donnent le même jour")

// Une variable Date peut recevoir une date écrite AAAAMMJJ
Envoi est une Date = "20240315"
Trace("Envoyé le", DateVersChaîne(Envoi, "JJ/MM/AAAA"))
SI Envoi < DateDuJour() ALORS Trace("Ce message est dans le passé")

// Maintenant (ou HeureSys) donne l'heure, HHMMSSCC ; DateHeureSys la date et l'heure
Trace("Une heure a", Taille(Maintenant()), "caractères, une date-heure", Taille(DateHeureSys()))
Début est une DateHeure = DateHeureSys()
SI DateHeureSys() >= Début ALORS Trace("L'horloge ne recule pas")
SI Maintenant() <= HeureSys() ALORS Trace("Maintenant et HeureSys lisent la même horloge")

// Les durées s'écrivent avec leurs unités : h, min, s, ms
Délai est une Durée = 1 min 30 s
Délai += 30 s
SI Délai = 2 min ALORS Trace("Le délai est maintenant de 2 minutes")
SI 2 min 8 s = 128 s ALORS Trace("2 min 8 s font 128 s")
SI 1 h > 59 min ALORS Trace("Une heure dure plus que 59 minutes")
