// L'API classique : une session nommée par son utilisateur, et la structure Email prédéclarée.
EmailChangeTimeOut(30)
SI EmailOuvreSessionSMTP("lettre@exemple.fr", "s3cret", "mail.exemple.fr", 465, Faux, optionTLS) = Faux ALORS
	Erreur(ErreurInfo())
	RETOUR
FIN
EmailRAZ()
Email.Expéditeur = "lettre@exemple.fr"
Email.Destinataire[1] = "lecteur1@exemple.fr"
Email.Destinataire[2] = "lecteur2@exemple.fr"
Email.NbDestinataire = 2
Email.Sujet = "Numéro 12"
Email.Message = "Ce mois-ci : envoyer des emails en WLangage."
SI EmailEnvoieMessage("lettre@exemple.fr") ALORS
	Trace("Envoyé avec l'identifiant", Email.IdentifiantMail)
FIN
EmailFermeSession("lettre@exemple.fr")
// la session est fermée : un nouvel envoi échoue, et dit pourquoi
SI PAS EmailEnvoieMessage("lettre@exemple.fr") ALORS
	Trace("ErreurDétectée :", ErreurDétectée)
FIN
