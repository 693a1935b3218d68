// Afficher des messages, et lire l'état d'erreur de la dernière opération.

// Info, Avertissement et Erreur affichent chaque paramètre sur sa propre ligne
Info("La boîte d'envoi est prête")
Info("3 messages en attente :", "2 factures et 1 relance")
Avertissement("La pièce jointe dépasse 5 Mo")
Erreur("Impossible de joindre smtp.exemple.fr", "Vérifiez les paramètres réseau")

// Trace écrit ses paramètres sur une ligne, séparés par un espace
Trace("File d'attente :", 3, "messages,", 1.5, "Mo")
Trace()

// ErreurDétectée devient Vrai quand une fonction qui peut échouer échoue, et ErreurInfo
// explique l'échec. Aucune fonction n'a échoué dans ce programme : les deux sont vides.
SI ErreurDétectée ALORS
	Trace("Dernier échec :", ErreurInfo(errMessage))
SINON
	Trace("Aucun échec pour l'instant, code d'erreur", ErreurInfo(errCode))
FIN
SI PAS ErreurDétectée() ET ErreurInfo() = "" ET ErreurInfo(errComplet) = "" ALORS
	Trace("ErreurInfo n'a rien à signaler")
FIN
