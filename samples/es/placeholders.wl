// Los ejemplos de la ayuda usan a menudo nombres que nunca declaran: USUARIO, CONTRASEÑA,
// un control como EDT_Servidor. wlinterp se niega a ejecutarlos salvo en modo tolerante:
//     wlinterp run placeholders.wl --lenient --define USUARIO=ada
// USUARIO recibe entonces su valor de la línea de comandos. CONTRASEÑA y EDT_Servidor quedan
// vacíos y se señalan con advertencias, igual que AnotaIntento, un procedimiento que no
// existe (llamarlo no hace nada).
Trace("Abriendo una sesión para", USUARIO)
Dirección es una cadena = USUARIO + "@ejemplo.es"
Trace("Dirección:", Dirección)

SI CONTRASEÑA = "" ENTONCES Advertencia("No hay contraseña para " + USUARIO)

Servidor es una cadena = EDT_Servidor
SI Servidor = "" ENTONCES Servidor = "smtp.ejemplo.es"
Trace("Servidor:", Servidor)

AnotaIntento(USUARIO, Servidor)
Trace("Terminado")
