// Les boucles : POUR, POUR TOUT, TANTQUE et BOUCLE, autour d'un envoi de relances.

// POUR compte d'une borne à l'autre ; sa variable n'a pas besoin d'être déclarée
POUR i = 1 À 3
	Trace("Relance", i)
FIN
// PAS change l'incrément, et peut être négatif
POUR i = 10 À 0 PAS -5
	Trace("Compte à rebours", i)
FIN

// À relit sa borne à chaque tour ; _À_ ne la lit qu'une fois
Limite est un entier = 2
Tours est un entier = 0
POUR i = 1 À Limite
	Tours++
	SI i = 1 ALORS Limite = 4
FIN
Trace("Avec À :", Tours, "tours")
Limite = 2
Tours = 0
POUR i = 1 _À_ Limite
	Tours++
	SI i = 1 ALORS Limite = 4
FIN
Trace("Avec _À_ :", Tours, "tours")

// POUR TOUT parcourt un tableau ; une seconde variable reçoit l'indice
Destinataires est un tableau de chaînes = ["ada@exemple.fr", "grace@exemple.fr"]
POUR TOUT Adresse, Rang DE Destinataires
	Trace(Rang, Adresse)
FIN
POUR TOUT ÉLÉMENT Adresse DANS Destinataires
	Trace("Envoi à", Adresse)
FIN

// POUR TOUTE CHAÎNE découpe une chaîne à un séparateur
POUR TOUTE CHAÎNE Etiquette DE "urgent;facture;2024" SÉPARÉE PAR ";"
	Trace("Étiquette :", Etiquette)
FIN

// TANTQUE répète tant que sa condition est vraie
EnAttente est un entier = 3
TANTQUE EnAttente > 0
	Trace("Encore", EnAttente, "à envoyer")
	EnAttente--
FIN

// BOUCLE répète jusqu'à SORTIR ; CONTINUER passe au tour suivant
Essai est un entier = 0
BOUCLE
	Essai++
	SI Essai = 2 ALORS CONTINUER
	Trace("Essai", Essai)
	SI Essai >= 3 ALORS SORTIR
FIN

// BOUCLE (n) répète n fois
BOUCLE (2)
	Trace("Ping")
FIN
