// El envío más sencillo: un servidor SMTP en el puerto 25, sin cifrado ni autenticación,
// como un relé de empresa que confía en su red local.
Rele es un emailSMTPSession
Rele.ServerAddress = "rele.ejemplo.es"
// Puerto y Opción se quedan como están: puerto 25, emailOptionDefault

SI NO EmailStartSession(Rele) ENTONCES
	Error("No se puede contactar con el relé:", ErrorInfo())
	RETORNAR
FIN

Aviso es un Email
Aviso.Sender = "sala-impresion@ejemplo.es"
Aviso.Recipient.Add("recepcion@ejemplo.es")
Aviso.Subject = "A la impresora 2 le falta papel"
Aviso.Message = "La bandeja 1 está vacía. Hay papel de reserva en el armario."
SI EmailSendMessage(Rele, Aviso) ENTONCES
	Trace("Aviso enviado a", Aviso.Recipient[1], "por el puerto", Rele.Puerto)
FIN
EmailCloseSession(Rele)
