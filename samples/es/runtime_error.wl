// Un error fatal detiene el programa donde ocurre: aquí se lee un elemento que el arreglo
// no tiene. El informe dice "runtime-error" y el código de salida es 1.
Destinatarios es un arreglo de cadenas = ["ada@ejemplo.es", "grace@ejemplo.es"]

PARA i = 1 HASTA 3
	Trace("Envío a", Destinatarios[i])
FIN
Trace("nunca se muestra: el programa se detuvo en la tercera vuelta")
