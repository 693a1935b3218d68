// Los operadores de cadenas: subcadenas, interpolación [% %], concatenación opcional,
// sintaxis con prefijo y cadenas de varias líneas.
Asunto es una cadena = "Factura 2024-117 de marzo"

// [[ ]] extrae una subcadena: un carácter, un intervalo (HASTA) o una longitud (SOBRE)
Trace(Asunto[[1 HASTA 7]])
Trace(Asunto[[9 SOBRE 8]])
Trace(Asunto[[21 HASTA]])
Trace(Asunto[[1]] + Asunto[[Longitud(Asunto)]])

// [% %] inserta el valor de una expresión en una cadena
NoLeídos es un entero = 3
Trace("Tiene [%NoLeídos%] mensajes nuevos, [%NoLeídos * 2%] en total")

// s + [sep] + t solo añade el separador donde falta
Destinatarios es un arreglo de cadenas = ["ada@ejemplo.es", "grace@ejemplo.es", "alan@ejemplo.es"]
LíneaPara es una cadena
PARA CADA Dirección DE Destinatarios
	LíneaPara += [", "] + Dirección
FIN
Trace(LíneaPara)
Carpeta es una cadena = "archivo/"
Trace(Carpeta + ["/"] + "2024")
Trace("archivo" + ["/"] + "2024")

// Sintaxis con prefijo: Asunto.Mayúscula() equivale a Mayúscula(Asunto)
Trace(Asunto.Mayúscula(), Asunto.Longitud(), Asunto.Izquierda(7).Minúscula())

// Una cadena de varias líneas conserva sus saltos de línea
Pie es una cadena = [
Enviado con wlinterp
Por favor, no responda
]
Info(Pie)
