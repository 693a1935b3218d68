// Las instrucciones SI: decidir dónde archivar un mensaje recibido.
Remitente es una cadena = "boletin@tienda.ejemplo.es"
TamañoMensaje es un entero = 2048
NoLeídos es un entero = 5

// Un SI de varias líneas, con ramas SINO SI y un SINO
SI TamañoMensaje > 10000 ENTONCES
	Trace("Mensaje grande: descargarlo más tarde")
SINO SI Remitente [= "boletin" ENTONCES
	Trace("Un boletín: a la carpeta Promociones")
	Carpeta es una cadena = "Promociones"
SINO SI Remitente =] "@ejemplo.es"
	Trace("Un compañero: se queda en la bandeja de entrada")
SINO
	Trace("Otra persona")
FIN

// Una variable declarada dentro de un bloque se puede usar después del bloque
Trace("Carpeta:", Carpeta)

// Un SI de una sola línea no lleva FIN; puede tener un SINO en la misma línea
SI NoLeídos > 0 ENTONCES Trace(NoLeídos, "mensajes sin leer") SINO Trace("Nada nuevo")
SI NoLeídos = 0 ENTONCES Trace("¡Bandeja vacía!") SINO Trace("Quedan", NoLeídos, "por leer")
SI TamañoMensaje < 1024 ENTONCES Trace("Mensaje pequeño")

// Un número es una condición por sí mismo: 0 es Falso, cualquier otro valor es Verdadero
SI NoLeídos ENTONCES Trace("NoLeídos no vale 0")

// Una condición larga puede seguir tras un Y u O al final de la línea, o tras "..."
SI NoLeídos > 0 Y
	TamañoMensaje < 5000 ENTONCES
	Trace("Pequeño y sin leer: mostrar una vista previa")
FIN
SI Remitente =] ".es" O ...
	Remitente =] ".org" ENTONCES Trace("Un remitente .es o .org")

// Las palabras clave se escriben indistintamente en mayúsculas o en minúsculas
si NoLeídos >= 5 entonces Trace("Cinco o más") sino Trace("Menos de cinco")
