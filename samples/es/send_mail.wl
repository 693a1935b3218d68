// Enviar un mensaje por una sesión SMTP autenticada y protegida con STARTTLS.
// wlinterp lo ejecuta sin red: el servidor de captura integrado sustituye a smtp.ejemplo.es
// y guarda el mensaje en ./wl-outbox (para listarlo: wlinterp outbox).
MiSesion es un emailSMTPSession
MiSesion.ServerAddress = "smtp.ejemplo.es"
MiSesion.Puerto = 587
MiSesion.Opción = emailProtocolSMTPS
MiSesion.Name = "ines@ejemplo.es"
MiSesion.Contraseña = "caballo correcto grapa"

SI MiSesion.StartSession() = Falso ENTONCES
	Error("No se puede abrir la sesión SMTP", ErrorInfo(errMessage))
	RETORNAR
FIN

Agenda es un emailAttach
Agenda.Name = "agenda.txt"
Agenda.Content = "1. Bienvenida" + CR + "2. Presupuesto"

MiMensaje es un Email
MiMensaje.Sender = "Inés Núñez <ines@ejemplo.es>"
Add(MiMensaje.Recipient, "pablo@ejemplo.es")
MiMensaje.Cc.Add("lucia@ejemplo.es")
MiMensaje.Bcc.Add("archivo@ejemplo.es")
MiMensaje.Subject = "Agenda de la reunión del lunes"
MiMensaje.Message = "Hola," + CR + "la agenda va adjunta."
Add(MiMensaje.Attach, Agenda)

SI EmailSendMessage(MiSesion, MiMensaje) ENTONCES
	Trace("Mensaje enviado a", MiMensaje..NbRecipient, "destinatario(s) y", MiMensaje.NbCc, "en copia")
SINO
	Error(ErrorInfo())
FIN
EmailCloseSession(MiSesion)
