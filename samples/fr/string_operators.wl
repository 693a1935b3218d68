// Les opérateurs sur les chaînes : extraction, interpolation [% %], concaténation optionnelle,
// syntaxe préfixée et chaînes multilignes.
Sujet est une chaîne = "Facture 2024-117 pour mars"

// [[ ]] extrait une partie de chaîne : un caractère, un intervalle (À) ou une longueur (SUR)
Trace(Sujet[[1 À 7]])
Trace(Sujet[[9 SUR 8]])
Trace(Sujet[[23 À]])
Trace(Sujet[[1]] + Sujet[[Taille(Sujet)]])

// [% %] insère la valeur d'une expression dans une chaîne
NonLus est un entier = 3
Trace("Vous avez [%NonLus%] nouveaux messages, [%NonLus * 2%] au total")

// s + [sép] + t n'ajoute le séparateur que s'il manque
Destinataires est un tableau de chaînes = ["ada@exemple.fr", "grace@exemple.fr", "alan@exemple.fr"]
LigneA est une chaîne
POUR TOUT Adresse DE Destinataires
	LigneA += [", "] + Adresse
FIN
Trace(LigneA)
Dossier est une chaîne = "archives/"
Trace(Dossier + ["/"] + "2024")
Trace("archives" + ["/"] + "2024")

// Syntaxe préfixée : Sujet.Majuscule() équivaut à Majuscule(Sujet)
Trace(Sujet.Majuscule(), Sujet.Taille(), Sujet.Gauche(7).Minuscule())

// Une chaîne multiligne garde ses retours à la ligne
Pied est une chaîne = [
Envoyé avec wlinterp
Merci de ne pas répondre
]
Info(Pied)
