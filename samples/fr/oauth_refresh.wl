// Renouveler un jeton avec son jeton d'actualisation plutôt que de se reconnecter.
Fournisseur est un OAuth2Paramètres
Fournisseur.ClientID = "mon-application"
Fournisseur.URLAuth = "https://connexion.exemple.fr/oauth2/authorize"
Fournisseur.URLToken = "https://connexion.exemple.fr/oauth2/token"
Fournisseur.URLRedirection = "http://127.0.0.1:9324/fin"

Jeton est un AuthToken = AuthIdentifie(Fournisseur)
SI Jeton = Null ALORS
	Erreur(ErreurInfo())
	RETOUR
FIN
Trace("premier jeton valide :", Jeton.Valide, "- renouvelable :", Jeton.Actualisation <> "")
Nouveau est un AuthToken = AuthRenouvelleToken(Jeton)
SI Nouveau <> Null ET Nouveau.Valide ALORS
	Trace("renouvelé, et c'est un nouveau jeton :", Nouveau.Valeur <> Jeton.Valeur)
FIN
Encore est un AuthToken = Nouveau.RenouvelleToken()
Trace("renouvelé encore :", Encore.Valide)
