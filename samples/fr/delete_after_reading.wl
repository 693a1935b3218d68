// Lire les messages et supprimer ceux qui sont traités ; en POP3 la suppression a lieu à la fermeture.
Envoi est un emailSessionSMTP
Envoi.AdresseServeur = "smtp.exemple.fr"
Envoi.OuvreSession()
POUR i = 1 À 3
	Demande est un Email
	Demande.Expéditeur = "accueil@exemple.fr"
	Demande.Destinataire.Ajoute("support@exemple.fr")
	Demande.Sujet = "Demande " + i
	EmailEnvoieMessage(Envoi, Demande)
FIN
EmailFermeSession(Envoi)

File est un emailSessionPOP3
File.AdresseServeur = "pop.exemple.fr"
File.Nom = "support@exemple.fr"
File.OuvreSession()
EmailLitPremier(File)
TANTQUE PAS Email.EnDehors
	Trace("traitement de", Email.Sujet)
	EmailSupprimeMessage(File)
	EmailLitSuivant(File)
FIN
Trace("toujours comptés pendant la session :", EmailNbMessage(File))
EmailFermeSession(File)

File.OuvreSession()
Trace("après la fermeture :", EmailNbMessage(File))
EmailFermeSession(File)
