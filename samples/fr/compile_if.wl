// <COMPILE SI> garde ou écarte du code selon la configuration compilée.
// wlinterp compile comme un exécutable WinDev pour Windows : les branches Windows s'exécutent.
<COMPILE SI TypeConfiguration = Windows>
	Serveur est une chaîne = "smtp.bureau.exemple.fr"
	Trace("Exécutable Windows : envoi par", Serveur)
<SINON>
	Trace("Une autre plateforme")
<FIN>

<COMPILE SI TypeConfiguration = Android OU TypeConfiguration = iOS>
	Trace("Mobile seulement : cette ligne n'est pas compilée")
<FIN>

<COMPILE SI TypeConfiguration <> Android>
	Trace("Ce n'est pas une application Android")
<FIN>

// Le code entre les directives est du code ordinaire
Trace("Serveur :", Serveur)
