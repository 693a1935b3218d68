// Une erreur fatale arrête le programme là où elle se produit : ici une exception qu'aucun
// QUAND EXCEPTION DANS n'intercepte. Le rapport indique "runtime-error", le code de sortie vaut 1.
Trace("Vérification de la boîte d'envoi")
VérifieTaille(12000000)
Trace("jamais affiché : le programme s'est arrêté dans VérifieTaille")

PROCÉDURE VérifieTaille(Octets est un entier)
SI Octets > 10000000 ALORS
	ExceptionDéclenche(1, "le message est trop gros pour être envoyé")
FIN
Trace("Taille acceptée")
