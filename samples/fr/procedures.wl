// Les procédures : paramètres par référence (par défaut) ou par valeur (LOCAL), valeurs
// par défaut, '*' pour garder une valeur par défaut, RENVOYER et RETOUR, procédure interne.
// Les accents des mots-clés sont facultatifs : PROCEDURE vaut PROCÉDURE, RESULTAT vaut RÉSULTAT.
Sujet est une chaîne = "Réunion"
Salutation est une chaîne = "Bonjour"
Envoyés est un entier = 0

// Par référence : la procédure modifie la variable de l'appelant
AjoutePréfixe(Sujet)
Trace(Sujet)
CompteUn(Envoyés)
CompteUn(Envoyés)
Trace("Envoyés :", Envoyés)

// LOCAL : la procédure travaille sur une copie
Crie(Salutation)
Trace("Dehors :", Salutation)

// Valeurs par défaut, et '*' pour en garder une tout en passant le paramètre suivant
Trace(EnTête("À", "ada@exemple.fr"))
Trace(EnTête("À", "ada@exemple.fr", " = "))
Trace(EnTête("Cc", *, " -> "))

// RETOUR quitte une procédure avant sa fin
VérifieAdresse("personne")
VérifieAdresse("grace@exemple.fr")

Liste est un tableau de chaînes = ["ada@exemple.fr", "erreur", "alan@exemple.org"]
Trace(CompteValides(Liste, "exemple.fr"), "adresse(s) en exemple.fr")

PROCÉDURE AjoutePréfixe(Texte)
Texte = "Re: " + Texte

PROCEDURE CompteUn(Compteur est un entier)
Compteur++

PROCÉDURE Crie(LOCAL Texte est une chaine)
Texte = Majuscule(Texte) + " !"
Trace("Dedans :", Texte)

PROCÉDURE EnTête(Nom est une chaîne, Valeur est une chaîne = "(aucun)", Séparateur est une chaîne = ": ") : chaîne
RENVOYER Nom + Séparateur + Valeur

PROCÉDURE VérifieAdresse(Adresse est une chaîne)
SI PAS Contient(Adresse, "@") ALORS
	Avertissement(Adresse + " n'est pas une adresse email")
	RETOUR
FIN
Trace(Adresse, "semble correcte")

PROCÉDURE CompteValides(Adresses est un tableau de chaînes, Domaine est une chaîne) : entier
Total est un entier = 0
// Une procédure interne voit les variables de la procédure qui la contient
PROCÉDURE INTERNE Correspond(Adresse est une chaîne) : booléen
	RESULTAT Adresse =] "@" + Domaine
FIN
POUR TOUT Adresse DE Adresses
	SI Correspond(Adresse) ALORS Total++
FIN
RENVOYER Total
