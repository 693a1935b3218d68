// Declarar variables: todas las formas del WLanguage, alrededor de un correo por enviar.

// Una variable; el artículo "un"/"una" es opcional, y el valor inicial también
Asunto es cadena
Asunto = "Informe trimestral"
Remitente es una cadena = "ada@ejemplo.es"
Intentos es un entero = 3
EsUrgente es un booleano = Verdadero

// Varias variables del mismo tipo en una línea; ";" separa dos instrucciones
Ancho, Alto son enteros
Ancho = 640; Alto = 480

// Inferencia de tipo: "sea" da a la variable el tipo de su valor
sea Prioridad = 2
sea Firma = "-- Ada"

// Una variable con tipo convierte lo que recibe: la cadena "4" se guarda como el número 4
Intentos = "4"

// Arreglos: uno dinámico empieza vacío, uno de tamaño fijo ya contiene sus elementos
Destinatarios es un arreglo de cadenas
Destinatarios.Agregar("grace@ejemplo.es")
Notas es un arreglo de 5 enteros
Notas[2] = 40

// Un arreglo asociativo busca sus valores por una clave
PuertoDe es un arreglo asociativo de enteros
PuertoDe["smtp"] = 587
PuertoDe["imap"] = 993

// Líneas LOCAL y GLOBAL; LOCAL sola en su línea abre un grupo de declaraciones
GLOBAL Servidor es una cadena = "smtp.ejemplo.es"
LOCAL
	Reintentos es un entero = 2
	Carpeta es una cadena = "Enviados"

// Constantes: en bloque, o en una línea
CONSTANTE
	MAX_DESTINATARIOS = 50
	DOMINIO_POR_DEFECTO = "ejemplo.es"
FIN
CONSTANTE ESPERA_REINTENTO = 30

Trace(Asunto, "de", Remitente)
SI EsUrgente ENTONCES Trace("Marcado como urgente")
Trace("Intentos + 1 =", Intentos + 1)
Trace("Tamaño de la imagen:", CadenaConstruir("%1x%2", Ancho, Alto))
Trace("Prioridad", Prioridad, Firma)
Trace(Destinatarios..Ocurrencia, "destinatario:", Destinatarios[1])
Trace("Notas:", Notas..Ocurrencia, "casillas, casilla 2 =", Notas[2], "y casilla 1 =", Notas[1])
Trace("Puerto SMTP", PuertoDe["smtp"], "- puerto IMAP", PuertoDe["imap"])
Trace(Servidor, Reintentos, Carpeta)
Trace(MAX_DESTINATARIOS, DOMINIO_POR_DEFECTO, ESPERA_REINTENTO)
