// Envoyer un message avec une pièce jointe, puis le relire avec RécupèreTout.
Envoi est un emailSessionSMTP
Envoi.AdresseServeur = "smtp.exemple.fr"
Envoi.Option = emailProtocolSMTPS
Envoi.Nom = "ada@exemple.fr"
Envoi.MotDePasse = "mot de passe smtp"
Envoi.OuvreSession()
Tableur est un emailPièceJointe
Tableur.Nom = "chiffres.csv"
Tableur.Contenu = "mois;total" + RC + "novembre;1234"
Envoyé est un Email
Envoyé.Expéditeur = "Ada <ada@exemple.fr>"
Envoyé.Destinataire.Ajoute("ada@exemple.fr")
Envoyé.Sujet = "Chiffres de novembre"
Envoyé.Message = "Voir les chiffres joints."
Ajoute(Envoyé.Attache, Tableur)
EmailEnvoieMessage(Envoi, Envoyé)
EmailFermeSession(Envoi)

Lecture est un emailSessionIMAP
Lecture.AdresseServeur = "imap.exemple.fr"
Lecture.Option = optionTLS
Lecture.Nom = "ada@exemple.fr"
Lecture.OuvreSession()
Messages est un tableau d'Email = Lecture.RécupèreTout(ertComplet)
POUR TOUT Courrier DE Messages
	Trace(Courrier.Sujet, "-", Courrier.NbAttache, "pièce(s) jointe(s)")
	POUR TOUT Partie DE Courrier.Attache
		Trace(Partie.Nom, ExtraitChaîne(Partie.Contenu, 2, RC))
	FIN
FIN
EmailFermeSession(Lecture)
