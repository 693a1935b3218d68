// SEGÚN: leer los códigos de respuesta de un servidor SMTP.
// Un CASO acepta un valor, varios valores, un intervalo (HASTA) o una comparación.
// Las tildes de las palabras clave son opcionales: SEGUN es SEGÚN.
Códigos es un arreglo de enteros = [250, 354, 421, 550, 221, 999, 199]

PARA CADA Código DE Códigos
	SEGUN Código
		CASO 250: Trace(Código, "acción solicitada completada")
		CASO 221, 354
			Trace(Código, "el servidor espera el paso siguiente")
		CASO 400 HASTA 499
			Trace(Código, "fallo temporal: reintentar más tarde")
		CASO 500 HASTA 599: Trace(Código, "fallo permanente")
		CASO > 900
			Trace(Código, "no es un código SMTP")
		OTRO CASO
			Trace(Código, "inesperado")
	FIN
FIN

// Un SEGÚN sobre una cadena; los dos puntos tras los valores son opcionales
Extensión es una cadena = "JPG"
SEGÚN Minúscula(Extensión)
	CASO "pdf", "odt"
		Trace("un documento")
	CASO "jpg", "png"
		Trace("una imagen")
	OTRO CASO: Trace("un adjunto de otro tipo")
FIN
