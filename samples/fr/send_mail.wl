// Envoyer un message par une session SMTP authentifiée, sécurisée par STARTTLS.
// wlinterp l'exécute hors ligne : le serveur de capture intégré remplace smtp.exemple.fr
// et garde le message dans ./wl-outbox (pour le lister : wlinterp outbox).
MaSession est un emailSessionSMTP
MaSession.AdresseServeur = "smtp.exemple.fr"
MaSession.Port = 587
MaSession.Option = emailProtocolSMTPS
MaSession.Nom = "zoe@exemple.fr"
MaSession.MotDePasse = "cheval correct agrafe"

SI MaSession.OuvreSession() = Faux ALORS
	Erreur("Impossible d'ouvrir la session SMTP", ErreurInfo(errMessage))
	RETOUR
FIN

OrdreDuJour est un emailPièceJointe
OrdreDuJour.Nom = "ordre du jour.txt"
OrdreDuJour.Contenu = "1. Accueil" + RC + "2. Budget"

MonMessage est un Email
MonMessage.Expéditeur = "Zoé Dupré <zoe@exemple.fr>"
Ajoute(MonMessage.Destinataire, "hugo@exemple.fr")
MonMessage.Cc.Ajoute("lea@exemple.fr")
MonMessage.Cci.Ajoute("archives@exemple.fr")
MonMessage.Sujet = "Ordre du jour de la réunion de lundi"
MonMessage.Message = "Bonjour," + RC + "l'ordre du jour est en pièce jointe."
Ajoute(MonMessage.Attache, OrdreDuJour)

SI EmailEnvoieMessage(MaSession, MonMessage) ALORS
	Trace("Message envoyé à", MonMessage..NbDestinataire, "destinataire(s) et", MonMessage.NbCc, "en copie")
SINON
	Erreur(ErreurInfo())
FIN
EmailFermeSession(MaSession)
