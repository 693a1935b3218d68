// La API clásica: una sesión identificada por su usuario y la estructura Email predeclarada.
EmailSetTimeOut(30)
SI EmailStartSMTPSession("boletin@ejemplo.es", "s3cret", "correo.ejemplo.es", 465, Falso, optionTLS) = Falso ENTONCES
	Error(ErrorInfo())
	RETORNAR
FIN
EmailReset()
Email.Sender = "boletin@ejemplo.es"
Email.Recipient[1] = "lector1@ejemplo.es"
Email.Recipient[2] = "lector2@ejemplo.es"
Email.NbRecipient = 2
Email.Subject = "Número 12"
Email.Message = "Este mes: enviar correo desde WLanguage."
SI EmailSendMessage("boletin@ejemplo.es") ENTONCES
	Trace("Enviado con el identificador", Email.MailIdentifier)
FIN
EmailCloseSession("boletin@ejemplo.es")
// la sesión ya está cerrada: un nuevo envío falla, y explica por qué
SI NO EmailSendMessage("boletin@ejemplo.es") ENTONCES
	Trace("ErrorOccurred:", ErrorOccurred)
FIN
