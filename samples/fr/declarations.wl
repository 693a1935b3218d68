// Déclarer des variables : toutes les formes du WLangage, autour d'un email à envoyer.

// Une variable ; l'article "un"/"une" est facultatif, la valeur initiale aussi
Sujet est une chaîne
Sujet = "Rapport trimestriel"
Expéditeur est une chaîne = "ada@exemple.fr"
Tentatives est un entier = 3
EstUrgent est un booléen = Vrai

// Plusieurs variables du même type sur une ligne ; ";" sépare deux instructions
Largeur, Hauteur sont des entiers
Largeur = 640; Hauteur = 480

// Inférence de type : "soit" donne à la variable le type de sa valeur
soit Priorité = 2
soit Signature = "-- Ada"

// Une variable typée convertit ce qu'elle reçoit : la chaîne "4" devient le nombre 4
Tentatives = "4"

// Tableaux : un tableau dynamique est vide au départ, un tableau fixe contient déjà ses éléments
Destinataires est un tableau de chaînes
Destinataires.Ajoute("grace@exemple.fr")
Notes est un tableau de 5 entiers
Notes[2] = 40

// Un tableau associatif retrouve ses valeurs par une clé
PortDe est un tableau associatif d'entiers
PortDe["smtp"] = 587
PortDe["imap"] = 993

// Lignes LOCAL et GLOBAL ; LOCAL seul sur sa ligne ouvre un groupe de déclarations
GLOBAL Serveur est une chaîne = "smtp.exemple.fr"
LOCAL
	Relances est un entier = 2
	Dossier est une chaîne = "Envoyés"

// Constantes : en bloc, ou sur une ligne
CONSTANTE
	MAX_DESTINATAIRES = 50
	DOMAINE_DEFAUT = "exemple.fr"
FIN
CONSTANTE DELAI_RELANCE = 30

Trace(Sujet, "de", Expéditeur)
SI EstUrgent ALORS Trace("Marqué comme urgent")
Trace("Tentatives + 1 =", Tentatives + 1)
Trace("Taille de l'image :", ChaîneConstruit("%1x%2", Largeur, Hauteur))
Trace("Priorité", Priorité, Signature)
Trace(Destinataires..Occurrence, "destinataire :", Destinataires[1])
Trace("Notes :", Notes..Occurrence, "cases, case 2 =", Notes[2], "et case 1 =", Notes[1])
Trace("Port SMTP", PortDe["smtp"], "- port IMAP", PortDe["imap"])
Trace(Serveur, Relances, Dossier)
Trace(MAX_DESTINATAIRES, DOMAINE_DEFAUT, DELAI_RELANCE)
