// Los arreglos: formar una lista de destinatarios, contarla, recorrerla y vaciarla.
Destinatarios es un arreglo de cadenas

// Tres maneras de añadir un elemento al final
ArregloAgregar(Destinatarios, "ada@ejemplo.es")
Agregar(Destinatarios, "grace@ejemplo.es")
Destinatarios.Agregar("alan@ejemplo.es")

// Tres maneras de contar los elementos
Trace("Destinatarios:", ArregloOcurrencia(Destinatarios), Destinatarios..Ocurrencia, Destinatarios.Ocurrencia)

// Los elementos se numeran a partir de 1
Destinatarios[2] = "grace.hopper@ejemplo.es"
PARA CADA Dirección, Rango DE Destinatarios
	Trace(Rango, Dirección)
FIN

// Un arreglo de tamaño fijo ya contiene sus elementos, cada uno con el valor vacío de su tipo
Tamaños es un arreglo de 3 enteros
Tamaños[1] = 120
Tamaños[3] = 45
Trace("Tamaños:", Tamaños[1], Tamaños[2], Tamaños[3])

// Un arreglo asociativo: un valor por clave, en el orden en que se añadieron
NoLeídos es un arreglo asociativo de enteros
NoLeídos["Entrada"] = 12
NoLeídos["Facturas"] = 2
NoLeídos["Entrada"] += 1
Trace(NoLeídos..Ocurrencia, "carpetas")
PARA CADA Cantidad, Carpeta DE NoLeídos
	Trace(Carpeta, Cantidad)
FIN

// ArregloEliminarTodo vacía un arreglo
ArregloEliminarTodo(Destinatarios)
Trace("Tras ArregloEliminarTodo:", ArregloOcurrencia(Destinatarios))
SI Destinatarios..Ocurrencia = 0 ENTONCES Info("No hay nadie a quien escribir")
