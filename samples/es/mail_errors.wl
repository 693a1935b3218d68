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

// Un inicio de sesión rechazado: el proveedor nunca emitió este token de acceso (en modo
// captura solo vale un token obtenido con AuthIdentify en esta ejecución)
Sesion.ServerAddress = "smtp.ejemplo.es"
Sesion.Name = "ines@ejemplo.es"
Sesion.AuthToken = "token-de-la-semana-pasada"
SI NO Sesion.StartSession() ENTONCES
	Trace("inicio de sesión rechazado:", ErrorInfo(errMessage))
FIN
