// Une opération email qui échoue n'arrête pas le programme : la fonction renvoie Faux,
// ErreurDétectée vaut Vrai et ErreurInfo() dit ce qui s'est passé.
Session est une emailSessionSMTP
Session.Option = emailProtocolSMTPS
// AdresseServeur est laissée vide exprès
SI Session.OuvreSession() ALORS
	Trace("inattendu")
SINON
	Trace("OuvreSession a échoué ; ErreurDétectée =", ErreurDétectée)
	Trace(ErreurInfo(errMessage))
FIN
// la fonction suivante qui peut échouer remet ErreurDétectée à Faux
Trace(EmailVérifieAdresse("gaston@exemple.fr") = emailAddressValid, ErreurDétectée)
Trace(EmailVérifieAdresse("gaston chez exemple") = emailAddressIncorrectSyntax)

// Une authentification refusée : le fournisseur n'a jamais délivré ce jeton d'accès (en mode
// capture, seul un jeton obtenu par AuthIdentifie pendant cette exécution est accepté)
Session.AdresseServeur = "smtp.exemple.fr"
Session.Nom = "gaston@exemple.fr"
Session.AuthToken = "jeton-de-la-semaine-derniere"
SI PAS Session.OuvreSession() ALORS
	Trace("authentification refusée :", ErreurInfo(errMessage))
FIN

// Les sessions Outlook n'existent que sous Windows
Outlook est une emailSessionOutlook
SI PAS Outlook.OuvreSession() ALORS Trace(ErreurInfo())
