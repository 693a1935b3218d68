// Les instructions SI : choisir où ranger un message reçu.
Expéditeur est une chaîne = "lettre@boutique.exemple.fr"
TailleMessage est un entier = 2048
NonLus est un entier = 5

// Un SI sur plusieurs lignes, avec des branches SINON SI et un SINON
SI TailleMessage > 10000 ALORS
	Trace("Message volumineux : à télécharger plus tard")
SINON SI Expéditeur [= "lettre" ALORS
	Trace("Une lettre d'information : dossier Promotions")
	Dossier est une chaîne = "Promotions"
SINON SI Expéditeur =] "@exemple.fr"
	Trace("Un collègue : on le garde dans la boîte de réception")
SINON
	Trace("Quelqu'un d'autre")
FIN

// Une variable déclarée dans un bloc reste utilisable après le bloc
Trace("Dossier :", Dossier)

// Un SI sur une ligne n'a pas de FIN ; il peut avoir un SINON sur la même ligne
SI NonLus > 0 ALORS Trace(NonLus, "messages non lus") SINON Trace("Rien de nouveau")
SI NonLus = 0 ALORS Trace("Boîte vide !") SINON Trace("Encore", NonLus, "à lire")
SI TailleMessage < 1024 ALORS Trace("Petit message")

// Un nombre est une condition à lui seul : 0 vaut Faux, toute autre valeur Vrai
SI NonLus ALORS Trace("NonLus ne vaut pas 0")

// Une longue condition peut continuer après un ET ou un OU en fin de ligne, ou après "..."
SI NonLus > 0 ET
	TailleMessage < 5000 ALORS
	Trace("Petit et non lu : afficher un aperçu")
FIN
SI Expéditeur =] ".fr" OU ...
	Expéditeur =] ".org" ALORS Trace("Un expéditeur en .fr ou en .org")

// Les mots-clés s'écrivent indifféremment en majuscules ou en minuscules
si NonLus >= 5 alors Trace("Cinq ou plus") sinon Trace("Moins de cinq")
