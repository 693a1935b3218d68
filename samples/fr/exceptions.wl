// QUAND EXCEPTION DANS … FAIRE … SINON … FIN intercepte les erreurs qui arrêteraient le
// programme : les exceptions levées par ExceptionDéclenche et les erreurs fatales, comme
// une division par zéro.

// Une exception levée dans une procédure est interceptée par le traitement de l'appelant
QUAND EXCEPTION DANS
	Remet("ada@exemple.fr")
	Remet("")
	Trace("jamais affiché : le bloc s'arrête à l'exception")
FAIRE
	Trace(ChaîneConstruit("Exception %1 : %2", ExceptionInfo(errCode), ExceptionInfo(errMessage)))
	SI Contient(ExceptionInfo(errComplet), ExceptionInfo(errMessage)) ALORS
		Trace("Le détail complet reprend le message")
	FIN
SINON
	Trace("jamais affiché : SINON ne s'exécute que si tout s'est bien passé")
FIN

// Quand tout se passe bien, la partie SINON s'exécute
QUAND EXCEPTION DANS
	Remet("grace@exemple.fr")
FAIRE
	Trace("jamais affiché")
SINON
	Trace("Tous les messages ont été remis")
FIN

// Une division par zéro s'intercepte de la même façon
Total est un entier = 12
Échecs est un entier = 0
QUAND EXCEPTION DANS
	Trace("Taux de réussite :", Total / Échecs)
FAIRE
	SI ExceptionInfo(errMessage) <> "" ALORS Trace("La division a échoué, avec une explication")
FIN

// Le programme continue après FIN
Trace("Terminé")

PROCÉDURE Remet(Adresse est une chaîne)
SI Adresse = "" ALORS ExceptionDéclenche(12, "le destinataire est vide")
Trace("Remis à", Adresse)
