// Los bucles: PARA, PARA CADA, MIENTRAS y BUCLE, alrededor de un envío de recordatorios.

// PARA cuenta de un límite al otro; su variable no necesita declararse
PARA i = 1 HASTA 3
	Trace("Recordatorio", i)
FIN
// PASO cambia el incremento, y puede ser negativo
PARA i = 10 HASTA 0 PASO -5
	Trace("Cuenta atrás", i)
FIN

// HASTA vuelve a leer su límite en cada vuelta; _HASTA_ lo lee una sola vez
Límite es un entero = 2
Vueltas es un entero = 0
PARA i = 1 HASTA Límite
	Vueltas++
	SI i = 1 ENTONCES Límite = 4
FIN
Trace("Con HASTA:", Vueltas, "vueltas")
Límite = 2
Vueltas = 0
PARA i = 1 _HASTA_ Límite
	Vueltas++
	SI i = 1 ENTONCES Límite = 4
FIN
Trace("Con _HASTA_:", Vueltas, "vueltas")

// PARA CADA recorre un arreglo; una segunda variable recibe el índice
Destinatarios es un arreglo de cadenas = ["ada@ejemplo.es", "grace@ejemplo.es"]
PARA CADA Dirección, Rango DE Destinatarios
	Trace(Rango, Dirección)
FIN
PARA CADA ELEMENTO Dirección EN Destinatarios
	Trace("Envío a", Dirección)
FIN

// PARA CADA CADENA corta una cadena por un separador
PARA CADA CADENA Etiqueta DE "urgente;factura;2024" SEPARADA POR ";"
	Trace("Etiqueta:", Etiqueta)
FIN

// MIENTRAS repite mientras su condición sea verdadera
Pendientes es un entero = 3
MIENTRAS Pendientes > 0
	Trace("Quedan", Pendientes, "por enviar")
	Pendientes--
FIN

// BUCLE repite hasta SALIR; CONTINUAR pasa a la vuelta siguiente
Intento es un entero = 0
BUCLE
	Intento++
	SI Intento = 2 ENTONCES CONTINUAR
	Trace("Intento", Intento)
	SI Intento >= 3 ENTONCES SALIR
FIN

// BUCLE (n) repite n veces
BUCLE (2)
	Trace("Ping")
FIN
