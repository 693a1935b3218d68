// Trier et chercher : les tailles des messages d'une boîte, en kilo-octets, mises dans l'ordre
// (tri par insertion) puis cherchées par moitiés (recherche dichotomique).
Tailles est un tableau d'entiers
Graine est un entier = 7
POUR i = 1 À 12
	Graine = (Graine * 37 + 11) % 101
	Tailles.Ajoute(Graine * 3)
FIN

// Tri par insertion : chaque taille glisse à gauche des plus grandes
POUR i = 2 À 12
	Courante est un entier = Tailles[i]
	j est un entier = i - 1
	// _ET_ s'arrête au premier côté faux : Tailles[0] n'est jamais lu
	TANTQUE j >= 1 _ET_ Tailles[j] > Courante
		Tailles[j + 1] = Tailles[j]
		j--
	FIN
	Tailles[j + 1] = Courante
FIN
Trace("La plus petite :", Tailles[1], "la plus grande :", Tailles[12])

// Recherche dichotomique : couper en deux la partie du tableau qui peut encore contenir la taille
POUR TOUT Cherchée DE [57, 273, 100]
	Trouvée est un entier = 0
	Bas est un entier = 1
	Haut est un entier = 12
	TANTQUE Bas <= Haut
		Milieu est un entier = (Bas + Haut) / 2
		SI Tailles[Milieu] = Cherchée ALORS
			Trouvée = Milieu
			SORTIR
		SINON SI Tailles[Milieu] < Cherchée ALORS
			Bas = Milieu + 1
		SINON
			Haut = Milieu - 1
		FIN
	FIN
	SI Trouvée = 0 ALORS
		Trace(Cherchée, "n'y est pas")
	SINON
		Trace(Cherchée, "est la numéro", Trouvée)
	FIN
FIN
