// CUANDO EXCEPCIÓN EN … HACER … SINO … FIN captura los errores que detendrían el programa:
// las excepciones lanzadas con ExceptionLanzar y los errores fatales, como una división por cero.

// Una excepción lanzada en un procedimiento la captura el tratamiento de quien lo llama
CUANDO EXCEPCIÓN EN
	Entrega("ada@ejemplo.es")
	Entrega("")
	Trace("nunca se muestra: el bloque se detiene en la excepción")
HACER
	Trace(CadenaConstruir("Excepción %1: %2", ExceptionInfo(errCode), ExceptionInfo(errMessage)))
	SI Contiene(ExceptionInfo(errFullDetails), ExceptionInfo(errMessage)) ENTONCES
		Trace("El detalle completo repite el mensaje")
	FIN
SINO
	Trace("nunca se muestra: SINO solo se ejecuta si todo fue bien")
FIN

// Cuando todo va bien, se ejecuta la parte SINO
CUANDO EXCEPCIÓN EN
	Entrega("grace@ejemplo.es")
HACER
	Trace("nunca se muestra")
SINO
	Trace("Todos los mensajes se entregaron")
FIN

// Una división por cero se captura de la misma manera
Total es un entero = 12
Fallos es un entero = 0
CUANDO EXCEPCIÓN EN
	Trace("Tasa de éxito:", Total / Fallos)
HACER
	SI ExceptionInfo(errMessage) <> "" ENTONCES Trace("La división falló, con una explicación")
FIN

// El programa sigue después de FIN
Trace("Terminado")

PROCEDIMIENTO Entrega(Dirección es una cadena)
SI Dirección = "" ENTONCES ExceptionLanzar(12, "el destinatario está vacío")
Trace("Entregado a", Dirección)
