// Los operadores: prioridades del WLanguage, intervalos, listas y comparaciones flexibles.

// Cálculo: * y / antes que + y -; una división es exacta, % da el resto
Trace(2 + 3 * 4, (2 + 3) * 4, 18 / 5, 17 % 5, 2 ^ 10)

// Asignaciones compuestas e incrementos
Tamaño es un entero = 10
Tamaño += 5; Tamaño *= 4; Tamaño -= 10; Tamaño /= 2
Tamaño++
Trace("Tamaño:", Tamaño)
Tamaño--

// Un intervalo: el valor entre dos límites, o "= a HASTA b"
SI 10 < Tamaño <= 30 ENTONCES Trace(Tamaño, "KB: un mensaje mediano")
SI Tamaño = 1 HASTA 25 ENTONCES Trace(Tamaño, "KB: entre 1 y 25")

// EN y NO EN comparan con cada valor de una lista
Extensión es una cadena = "pdf"
SI Extensión EN ("pdf", "docx", "odt") ENTONCES Trace("Un documento")
SI Extensión NO EN ("exe", "bat") ENTONCES Trace("No es un programa")

// Y y O tienen la misma prioridad y se leen de izquierda a derecha:
// Verdadero O Falso Y Falso vale (Verdadero O Falso) Y Falso
SI Verdadero O Falso Y Falso ENTONCES
	Trace("el O se evaluó primero")
SINO
	Trace("leído de izquierda a derecha: Falso")
FIN
// NO se aplica a toda la comparación
SI NO Tamaño > 100 ENTONCES Trace("No pasa de 100 KB")

// _Y_ se detiene en cuanto conoce el resultado: aquí no hay división por cero
Recibidos es un entero = 0
SI Recibidos > 0 _Y_ 100 / Recibidos > 5 ENTONCES
	Trace("nunca se muestra")
SINO
	Trace("Recibidos vale 0, la división no se hizo")
FIN

// "y", "o", "a" siguen siendo nombres de variable válidos
x, y son enteros
x = 3; y = 4
SI x < y Y y < 10 ENTONCES Trace("x < y y y < 10")

// Un número comparado con una cadena numérica compara números; dos cadenas se comparan como texto
Puerto es un entero = 587
SI Puerto = "587" ENTONCES Trace("587 = ""587""")
SI "10" < "9" ENTONCES Trace("como texto, ""10"" va antes que ""9""")

// Comparaciones flexibles
Dirección es una cadena = "  Ada@Ejemplo.ES "
SI Dirección ~= "ada@ejemplo.es" ENTONCES Trace("~= ignora mayúsculas y espacios alrededor")
SI "Re: Reunión del equipo" ~~ "re reunion delequipo" ENTONCES Trace("~~ ignora también acentos y puntuación")
Asunto es una cadena = "Re: Acta de la reunión"
SI Asunto [= "Re:" ENTONCES Trace("[= empieza por")
SI Asunto [=] "Acta" ENTONCES Trace("[=] contiene")
SI Asunto =] "reunión" ENTONCES Trace("=] termina por")
SI NO Asunto [=] "acta" ENTONCES Trace("y distinguen mayúsculas de minúsculas")
