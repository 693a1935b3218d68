// SELON : lire les codes de réponse d'un serveur SMTP.
// Un CAS accepte une valeur, plusieurs valeurs, un intervalle (À) ou une comparaison.
Codes est un tableau d'entiers = [250, 354, 421, 550, 221, 999, 199]

POUR TOUT Code DE Codes
	SELON Code
		CAS 250 : Trace(Code, "action demandée effectuée")
		CAS 221, 354
			Trace(Code, "le serveur attend l'étape suivante")
		CAS 400 À 499
			Trace(Code, "échec temporaire : réessayer plus tard")
		CAS 500 À 599 : Trace(Code, "échec définitif")
		CAS > 900
			Trace(Code, "n'est pas un code SMTP")
		AUTRE CAS
			Trace(Code, "inattendu")
	FIN
FIN

// Un SELON sur une chaîne ; les deux-points après les valeurs sont facultatifs
Extension est une chaîne = "JPG"
SELON Minuscule(Extension)
	CAS "pdf", "odt"
		Trace("un document")
	CAS "jpg", "png"
		Trace("une image")
	AUTRE CAS : Trace("une pièce jointe d'un autre type")
FIN
