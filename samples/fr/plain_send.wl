// L'envoi le plus simple : un serveur SMTP sur le port 25, sans chiffrement ni authentification,
// comme un relais d'entreprise qui fait confiance à son réseau local.
Relais est un emailSessionSMTP
Relais.AdresseServeur = "relais.exemple.fr"
// Port et Option gardent leur valeur : port 25, emailOptionDéfaut

SI PAS EmailOuvreSession(Relais) ALORS
	Erreur("Le relais est injoignable :", ErreurInfo())
	RETOUR
FIN

Avis est un Email
Avis.Expéditeur = "salle-impression@exemple.fr"
Avis.Destinataire.Ajoute("accueil@exemple.fr")
Avis.Sujet = "L'imprimante 2 n'a plus de papier"
Avis.Message = "Le bac 1 est vide. Le papier de réserve est dans l'armoire."
SI EmailEnvoieMessage(Relais, Avis) ALORS
	Trace("Avis envoyé à", Avis.Destinataire[1], "par le port", Relais.Port)
FIN
EmailFermeSession(Relais)
