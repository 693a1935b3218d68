// Les opérateurs : priorités du WLangage, intervalles, listes et comparaisons souples.

// Calcul : * et / avant + et - ; une division est exacte, % donne le reste
Trace(2 + 3 * 4, (2 + 3) * 4, 18 / 5, 17 % 5, 2 ^ 10)

// Affectations composées et incrémentation
TailleKo est un entier = 10
TailleKo += 5; TailleKo *= 4; TailleKo -= 10; TailleKo /= 2
TailleKo++
Trace("Taille :", TailleKo)
TailleKo--

// Un intervalle : la valeur entre deux bornes, ou "= a À b"
SI 10 < TailleKo <= 30 ALORS Trace(TailleKo, "Ko : un message moyen")
SI TailleKo = 1 À 25 ALORS Trace(TailleKo, "Ko : entre 1 et 25")

// DANS et PAS DANS comparent avec chaque valeur d'une liste
Extension est une chaîne = "pdf"
SI Extension DANS ("pdf", "docx", "odt") ALORS Trace("Un document")
SI Extension PAS DANS ("exe", "bat") ALORS Trace("Pas un programme")

// ET et OU ont la même priorité et se lisent de gauche à droite :
// Vrai OU Faux ET Faux vaut (Vrai OU Faux) ET Faux
SI Vrai OU Faux ET Faux ALORS
	Trace("le OU a été évalué en premier")
SINON
	Trace("lu de gauche à droite : Faux")
FIN
// PAS s'applique à toute la comparaison
SI PAS TailleKo > 100 ALORS Trace("Pas plus de 100 Ko")

// _ET_ s'arrête dès que le résultat est connu : pas de division par zéro ici
Nombre est un entier = 0
SI Nombre > 0 _ET_ 100 / Nombre > 5 ALORS
	Trace("jamais affiché")
SINON
	Trace("Nombre vaut 0, la division n'a pas été faite")
FIN

// Un nombre comparé à une chaîne numérique compare des nombres ; deux chaînes se comparent en texte
Port est un entier = 587
SI Port = "587" ALORS Trace("587 = ""587""")
SI "10" < "9" ALORS Trace("en texte, ""10"" vient avant ""9""")

// Comparaisons souples
Adresse est une chaîne = "  Ada@Exemple.FR "
SI Adresse ~= "ada@exemple.fr" ALORS Trace("~= ignore la casse et les espaces autour")
SI "Re: Réunion d'équipe" ~~ "re reunion dequipe" ALORS Trace("~~ ignore aussi les accents et la ponctuation")
Objet est une chaîne = "Re: Compte rendu de la réunion"
SI Objet [= "Re:" ALORS Trace("[= commence par")
SI Objet [=] "Compte" ALORS Trace("[=] contient")
SI Objet =] "réunion" ALORS Trace("=] finit par")
SI PAS Objet [=] "compte" ALORS Trace("et elles respectent la casse")
