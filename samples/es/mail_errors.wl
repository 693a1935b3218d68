// Una operación de correo fallida no detiene el programa: la función devuelve Falso,
// ErrorOccurred vale Verdadero y ErrorInfo() explica lo ocurrido.
Sesion es un emailSMTPSession
Sesion.Opción = emailProtocolSMTPS
// ServerAddress se deja vacío a propósito
SI Sesion.StartSession() ENTONCES
	Trace("inesperado")
SINO
	Trace("StartSession ha fallado; ErrorOccurred =", ErrorOccurred)
	Trace(ErrorInfo(errMessage))
FIN
Trace(EmailCheckAddress("ines@ejemplo.es") = emailAddressValid, ErrorOccurred)
