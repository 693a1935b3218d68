// Mostrar mensajes, y leer el estado de error de la última operación.

// Info, Advertencia y Error muestran cada parámetro en su propia línea
Info("La bandeja de salida está lista")
Info("3 mensajes en espera:", "2 facturas y 1 recordatorio")
Advertencia("El adjunto pasa de 5 MB")
Error("No se puede contactar con smtp.ejemplo.es", "Compruebe la configuración de red")

// Trace escribe sus parámetros en una línea, separados por un espacio
Trace("Cola:", 3, "mensajes,", 1.5, "MB")
Trace()

// ErrorOcurrido pasa a Verdadero cuando falla una función que puede fallar, y ErrorInfo
// explica el fallo. Ninguna función ha fallado en este programa: los dos están vacíos.
SI ErrorOcurrido ENTONCES
	Trace("Último fallo:", ErrorInfo(errMessage))
SINO
	Trace("Ningún fallo por ahora, código de error", ErrorInfo(errCode))
FIN
SI NO ErrorOcurrido() Y ErrorInfo() = "" Y ErrorInfo(errFullDetails) = "" ENTONCES
	Trace("ErrorInfo no tiene nada que decir")
FIN
