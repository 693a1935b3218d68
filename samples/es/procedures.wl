// Los procedimientos: parámetros por referencia (por defecto) o por valor (LOCAL), valores
// por defecto, '*' para conservar uno, DEVOLVER y RETORNAR, y un procedimiento interno.
Asunto es una cadena = "Reunión"
Saludo es una cadena = "Hola"
Enviados es un entero = 0

// Por referencia: el procedimiento cambia la variable de quien lo llama
AgregaPrefijo(Asunto)
Trace(Asunto)
CuentaUno(Enviados)
CuentaUno(Enviados)
Trace("Enviados:", Enviados)

// LOCAL: el procedimiento trabaja con una copia
Grita(Saludo)
Trace("Fuera:", Saludo)

// Valores por defecto, y '*' para conservar uno dando el parámetro siguiente
Trace(Encabezado("Para", "ada@ejemplo.es"))
Trace(Encabezado("Para", "ada@ejemplo.es", " = "))
Trace(Encabezado("Cc", *, " -> "))

// RETORNAR sale de un procedimiento antes de su final
CompruebaDirección("nadie")
CompruebaDirección("grace@ejemplo.es")

Lista es un arreglo de cadenas = ["ada@ejemplo.es", "error", "alan@ejemplo.org"]
Trace(CuentaVálidas(Lista, "ejemplo.es"), "dirección(es) en ejemplo.es")

PROCEDIMIENTO AgregaPrefijo(Texto)
Texto = "Re: " + Texto

PROCEDIMIENTO CuentaUno(Contador es un entero)
Contador++

PROCEDIMIENTO Grita(LOCAL Texto es una cadena)
Texto = "¡" + Mayúscula(Texto) + "!"
Trace("Dentro:", Texto)

PROCEDIMIENTO Encabezado(Nombre es una cadena, Valor es una cadena = "(ninguno)", Separador es una cadena = ": ") : cadena
DEVOLVER Nombre + Separador + Valor

PROCEDIMIENTO CompruebaDirección(Dirección es una cadena)
SI NO Contiene(Dirección, "@") ENTONCES
	Advertencia(Dirección + " no es una dirección de correo")
	RETORNAR
FIN
Trace(Dirección, "parece correcta")

PROCEDIMIENTO CuentaVálidas(Direcciones es un arreglo de cadenas, Dominio es una cadena) : entero
Total es un entero = 0
// Un procedimiento interno ve las variables del procedimiento que lo contiene
PROCEDIMIENTO INTERNO Coincide(Dirección es una cadena) : booleano
	DEVOLVER Dirección =] "@" + Dominio
FIN
PARA CADA Dirección DE Direcciones
	SI Coincide(Dirección) ENTONCES Total++
FIN
DEVOLVER Total
