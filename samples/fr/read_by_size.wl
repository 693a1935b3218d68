// Lire d'abord les en-têtes, et ne télécharger que les messages assez petits (POP3).
Envoi est un emailSessionSMTP
Envoi.AdresseServeur = "smtp.exemple.fr"
Envoi.OuvreSession()
Court est un Email
Court.Expéditeur = "alertes@exemple.fr"
Court.Destinataire.Ajoute("exploitation@exemple.fr")
Court.Sujet = "Disque presque plein"
Court.Message = "Serveur 3 : 91 % utilisés."
EmailEnvoieMessage(Envoi, Court)
Gros est un Email
Gros.Expéditeur = "rapports@exemple.fr"
Gros.Destinataire.Ajoute("exploitation@exemple.fr")
Gros.Sujet = "Archive mensuelle des journaux"
Gros.Message = Répète("ligne de journal" + RC, 5000)
EmailEnvoieMessage(Envoi, Gros)
EmailFermeSession(Envoi)

Boîte est un emailSessionPOP3
Boîte.AdresseServeur = "pop.exemple.fr"
Boîte.Nom = "exploitation@exemple.fr"
Boîte.MotDePasse = "mot de passe pop"
Boîte.OuvreSession()
POUR n = 1 À EmailNbMessage(Boîte)
	EmailLitEntêteMessage(Boîte, n)
	SI EmailTailleMessage(Boîte, n) < 10000 ALORS
		EmailLitMessage(Boîte, n)
		Trace(Email.Sujet, ":", SansEspace(Email.Message))
	SINON
		Trace(Email.Sujet, ": trop gros, laissé sur le serveur")
	FIN
FIN
EmailFermeSession(Boîte)
