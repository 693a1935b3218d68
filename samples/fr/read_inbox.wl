// Lire tous les messages d'une boîte et afficher qui a envoyé quoi.
// Hors ligne, la boîte est l'outbox du serveur de capture : le programme s'envoie
// d'abord trois messages, puis les relit en IMAP.
Envoi est un emailSessionSMTP
Envoi.AdresseServeur = "smtp.exemple.fr"
Envoi.OuvreSession()
POUR TOUTE CHAÎNE Sujet DE "Facture 42;Compte rendu;Congés" SÉPARÉE PAR ";"
	Note est un Email
	Note.Expéditeur = "Marie Curie <marie@exemple.fr>"
	Note.Destinataire.Ajoute("ada@exemple.fr")
	Note.Sujet = Sujet
	Note.Message = "Détails : " + Sujet
	EmailEnvoieMessage(Envoi, Note)
FIN
EmailFermeSession(Envoi)

Boîte est un emailSessionIMAP
Boîte.AdresseServeur = "imap.exemple.fr"
Boîte.Option = optionTLS
Boîte.Nom = "ada@exemple.fr"
Boîte.MotDePasse = "mot de passe imap"
SI PAS Boîte.OuvreSession() ALORS
	Erreur(ErreurInfo())
	RETOUR
FIN
Trace(EmailNbMessage(Boîte), "message(s) dans la boîte")
Reçu est un Email
EmailLitPremier(Boîte, Reçu)
TANTQUE PAS Reçu.EnDehors
	Trace(Reçu.Sujet, "-", Reçu.Expéditeur)
	EmailLitSuivant(Boîte, Reçu)
FIN
EmailFermeSession(Boîte)
