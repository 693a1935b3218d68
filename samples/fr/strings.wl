// Les fonctions de chaînes, pour décomposer une adresse email et mettre en page un message.
Adresse est une chaîne = "  Ada.Lovelace@Exemple.FR  "

// SansEspace retire les espaces autour du texte ; Taille compte les caractères
Adresse = SansEspace(Adresse)
Trace("Adresse :", Adresse, "(" + Taille(Adresse) + " caractères)")

// Position trouve le "@" ; Gauche, Milieu et Droite découpent l'adresse autour
Arobase est un entier = Position(Adresse, "@")
Identifiant est une chaîne = Gauche(Adresse, Arobase - 1)
Domaine est une chaîne = Minuscule(Milieu(Adresse, Arobase + 1))
Trace("Identifiant :", Identifiant, "- domaine :", Domaine, "- fin :", Droite(Domaine, 3))
Trace("En capitales :", Majuscule(Identifiant))

// ExtraitChaîne donne le n-ième morceau d'une chaîne coupée à un séparateur
Trace("Prénom :", ExtraitChaîne(Identifiant, 1, "."), "- nom :", ExtraitChaîne(Identifiant, 2, "."))
Trace("Nom affiché :", Remplace(Identifiant, ".", " "))
SI Contient(Domaine, "exemple") ALORS Trace("C'est un domaine de test")
SI Position(Domaine, ".org") = 0 ALORS Trace("Ce n'est pas une adresse .org")

// ChaîneConstruit remplace %1, %2 … ; %% écrit un signe pourcent
Trace(ChaîneConstruit("%1 <%2>", Remplace(Identifiant, ".", " "), Minuscule(Adresse)))
Trace(ChaîneConstruit("%1%% des messages ont été remis", 98))

// Complète remplit une chaîne jusqu'à une largeur ; Répète la répète
Trace(Complète("À", 8, ".") + ": " + Minuscule(Adresse))
Trace(Complète("Objet", 8, ".") + ": Compte rendu")
Trace(Répète("=-", 5))

// Nombres et chaînes : NumériqueVersChaîne met un nombre en forme, Val lit un nombre
Trace("Message n°" + NumériqueVersChaîne(7, "03d"), "- taille", NumériqueVersChaîne(1234.5, "08.2f"), "Ko")
Trace(Val("42 messages") + 1, Val("3.5"), Val("aucun"))

// RC passe à la ligne et TAB insère une tabulation
Corps est une chaîne = "Bonjour Ada," + RC + "Le compte rendu est en pièce jointe."
Info(Corps)
Trace("Nom" + TAB + "Ada")
