// Las funciones de cadenas, para descomponer una dirección de correo y maquetar un mensaje.
Dirección es una cadena = "  Ada.Lovelace@Ejemplo.ES  "

// SinEspacio quita los espacios alrededor del texto; Longitud cuenta los caracteres
Dirección = SinEspacio(Dirección)
Trace("Dirección:", Dirección, "(" + Longitud(Dirección) + " caracteres)")

// Posición encuentra la "@"; Izquierda, Medio y Derecha cortan la dirección alrededor
Arroba es un entero = Posición(Dirección, "@")
Usuario es una cadena = Izquierda(Dirección, Arroba - 1)
Dominio es una cadena = Minúscula(Medio(Dirección, Arroba + 1))
Trace("Usuario:", Usuario, "- dominio:", Dominio, "- final:", Derecha(Dominio, 3))
Trace("En mayúsculas:", Mayúscula(Usuario))

// ExtraerCadena da el n-ésimo trozo de una cadena cortada por un separador
Trace("Nombre:", ExtraerCadena(Usuario, 1, "."), "- apellido:", ExtraerCadena(Usuario, 2, "."))
Trace("Nombre mostrado:", Reemplazar(Usuario, ".", " "))
SI Contiene(Dominio, "ejemplo") ENTONCES Trace("Es un dominio de prueba")
SI Posición(Dominio, ".org") = 0 ENTONCES Trace("No es una dirección .org")

// CadenaConstruir rellena %1, %2 …; %% escribe un signo de porcentaje
Trace(CadenaConstruir("%1 <%2>", Reemplazar(Usuario, ".", " "), Minúscula(Dirección)))
Trace(CadenaConstruir("%1%% de los mensajes se entregaron", 98))

// Completar rellena una cadena hasta un ancho; Repetir la repite
Trace(Completar("Para", 8, ".") + ": " + Minúscula(Dirección))
Trace(Completar("Asunto", 8, ".") + ": Acta")
Trace(Repetir("=-", 5))

// Números y cadenas: NuméricoACadena da formato a un número, Val lee un número
Trace("Mensaje n.º " + NuméricoACadena(7, "03d"), "- tamaño", NuméricoACadena(1234.5, "08.2f"), "KB")
Trace(Val("42 mensajes") + 1, Val("3.5"), Val("ninguno"))

// CR pasa a la línea siguiente y TAB inserta una tabulación
Cuerpo es una cadena = "Hola Ada:" + CR + "Adjunto el acta de la reunión."
Info(Cuerpo)
Trace("Nombre" + TAB + "Ada")
