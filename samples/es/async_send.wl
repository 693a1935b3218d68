// Envío asíncrono: EmailSendMessage pone el mensaje en cola y vuelve enseguida;
// EmailStatus dice en qué punto está, y cerrar la sesión espera a que la cola se vacíe.
Sesion es un emailSMTPSession
Sesion.ServerAddress = "smtp.ejemplo.es"
Sesion.Asíncrono = Verdadero
Sesion.StartSession()
Identificadores es un arreglo de entero
PARA CADA CADENA Direccion DE "ana@ejemplo.es;bruno@ejemplo.es" SEPARADA POR ";"
	Recordatorio es un Email
	Recordatorio.Sender = "agenda@ejemplo.es"
	Recordatorio.Recipient.Add(Direccion)
	Recordatorio.Subject = "Recordatorio para " + Direccion
	SI EmailSendMessage(Sesion, Recordatorio) ENTONCES Add(Identificadores, Recordatorio.ID)
FIN
EmailCloseSession(Sesion)
PARA CADA Id DE Identificadores
	SI EmailStatus(Id) = emailSent ENTONCES Trace("mensaje", Id, "enviado")
FIN
