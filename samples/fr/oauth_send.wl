// Authentification à deux facteurs : obtenir un jeton OAuth 2.0, puis envoyer avec XOAUTH2.
// Hors ligne (par défaut), le serveur d'autorisation de wlinterp remplace le fournisseur
// et consent aussitôt ; avec --smtp live, votre navigateur s'ouvre sur la page du fournisseur.
Fournisseur est un OAuth2Paramètres
Fournisseur.ClientID = "mon-application"
Fournisseur.ClientSecret = "le secret de l'application"
Fournisseur.URLAuth = "https://connexion.exemple.fr/oauth2/authorize"
Fournisseur.URLToken = "https://connexion.exemple.fr/oauth2/token"
Fournisseur.Scope = "https://mail.exemple.fr/envoi"
Fournisseur.URLRedirection = "http://localhost:9323"
Fournisseur.TypeRéponse = oauth2ResponseTypeCode

MaSession est un emailSessionSMTP
MaSession.AdresseServeur = "smtp.exemple.fr"
MaSession.Port = 587
MaSession.Option = emailProtocolSMTPS
MaSession.Nom = "zoe@exemple.fr"
MaSession.AuthToken = AuthIdentifie(Fournisseur)

SI MaSession.AuthToken = Null ALORS
	Erreur("Échec de l'authentification", ErreurInfo())
	RETOUR
FIN
Trace("Authentifiée ; jeton valide :", MaSession.AuthToken.Valide)
SI MaSession.OuvreSession() ALORS
	Rapport est un Email
	Rapport.Expéditeur = "zoe@exemple.fr"
	Rapport.Destinataire.Ajoute("equipe@exemple.fr")
	Rapport.Sujet = "Rapport hebdomadaire"
	Rapport.Message = "Envoyé avec un jeton OAuth 2.0."
	SI EmailEnvoieMessage(MaSession, Rapport) ALORS Trace("Rapport envoyé")
	EmailFermeSession(MaSession)
SINON
	Erreur(ErreurInfo())
FIN
