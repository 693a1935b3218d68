// Les tableaux : constituer une liste de destinataires, la compter, la parcourir et la vider.
Destinataires est un tableau de chaînes

// Trois façons d'ajouter un élément à la fin
TableauAjoute(Destinataires, "ada@exemple.fr")
Ajoute(Destinataires, "grace@exemple.fr")
Destinataires.Ajoute("alan@exemple.fr")

// Trois façons de compter les éléments
Trace("Destinataires :", TableauOccurrence(Destinataires), Destinataires..Occurrence, Destinataires.Occurrence)

// Les éléments sont numérotés à partir de 1
Destinataires[2] = "grace.hopper@exemple.fr"
POUR TOUT Adresse, Rang DE Destinataires
	Trace(Rang, Adresse)
FIN

// Un tableau de taille fixe contient déjà ses éléments, chacun avec la valeur vide de son type
Tailles est un tableau de 3 entiers
Tailles[1] = 120
Tailles[3] = 45
Trace("Tailles :", Tailles[1], Tailles[2], Tailles[3])

// Un tableau associatif : une valeur par clé, dans l'ordre où elles ont été ajoutées
NonLus est un tableau associatif d'entiers
NonLus["Réception"] = 12
NonLus["Factures"] = 2
NonLus["Réception"] += 1
Trace(NonLus..Occurrence, "dossiers")
POUR TOUT Nombre, Dossier DE NonLus
	Trace(Dossier, Nombre)
FIN

// TableauSupprimeTout vide un tableau
TableauSupprimeTout(Destinataires)
Trace("Après TableauSupprimeTout :", TableauOccurrence(Destinataires))
SI Destinataires..Occurrence = 0 ALORS Info("Personne à qui écrire")
