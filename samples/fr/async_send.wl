// Envoi asynchrone : EmailEnvoieMessage met le message en file et rend la main aussitôt ;
// EmailEtat dit où il en est, et fermer la session attend que la file soit vide.
Session est un emailSessionSMTP
Session.AdresseServeur = "smtp.exemple.fr"
Session.Asynchrone = Vrai
Session.OuvreSession()
Identifiants est un tableau d'entiers
POUR TOUTE CHAÎNE Adresse DE "anne@exemple.fr;benoit@exemple.fr" SÉPARÉE PAR ";"
	Rappel est un Email
	Rappel.Expéditeur = "agenda@exemple.fr"
	Rappel.Destinataire.Ajoute(Adresse)
	Rappel.Sujet = "Rappel pour " + Adresse
	SI EmailEnvoieMessage(Session, Rappel) ALORS Ajoute(Identifiants, Rappel.ID)
FIN
EmailFermeSession(Session)
POUR TOUT Id DE Identifiants
	SI EmailEtat(Id) = emailEnvoyé ALORS Trace("message", Id, "envoyé")
FIN
