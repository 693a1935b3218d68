// Les exemples de l'aide utilisent souvent des noms jamais déclarés : UTILISATEUR, MOTDEPASSE,
// un champ comme SAI_Serveur. wlinterp refuse de les exécuter, sauf en mode tolérant :
//     wlinterp run placeholders.wl --lenient --define UTILISATEUR=ada
// UTILISATEUR reçoit alors sa valeur de la ligne de commande. MOTDEPASSE et SAI_Serveur restent
// vides et sont signalés par des avertissements, comme NoteTentative, une procédure qui
// n'existe pas (l'appeler ne fait rien).
Trace("Ouverture d'une session pour", UTILISATEUR)
Adresse est une chaîne = UTILISATEUR + "@exemple.fr"
Trace("Adresse :", Adresse)

SI MOTDEPASSE = "" ALORS Avertissement("Aucun mot de passe pour " + UTILISATEUR)

Serveur est une chaîne = SAI_Serveur
SI Serveur = "" ALORS Serveur = "smtp.exemple.fr"
Trace("Serveur :", Serveur)

NoteTentative(UTILISATEUR, Serveur)
Trace("Terminé")
