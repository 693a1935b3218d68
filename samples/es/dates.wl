// Fechas, horas y duraciones. La fecha de hoy cambia cada día: este ejemplo solo muestra
// lo que no cambia de una ejecución a otra.

// Hoy (o FechaSis) da la fecha actual; FechaACadena la escribe con un formato dado
Sello es una cadena = FechaACadena(Hoy(), "YYYYMMDD")
Trace("Una fecha escrita YYYYMMDD tiene", Longitud(Sello), "caracteres")
Trace("Escrita DD/MM/YYYY tiene", Longitud(FechaACadena(FechaSis(), "DD/MM/YYYY")))
SI Hoy() = FechaSis() ENTONCES Trace("Hoy y FechaSis dan el mismo día")

// Una variable Fecha puede recibir una fecha escrita YYYYMMDD
Envío es una Fecha = "20240315"
Trace("Enviado el", FechaACadena(Envío, "DD/MM/YYYY"))
SI Envío < Hoy() ENTONCES Trace("Ese mensaje es del pasado")

// Ahora (o HoraSis) da la hora, HHMMSSCC; FechaHoraSis la fecha y la hora
Trace("Una hora tiene", Longitud(Ahora()), "caracteres, una fecha-hora", Longitud(FechaHoraSis()))
Inicio es una FechaHora = FechaHoraSis()
SI FechaHoraSis() >= Inicio ENTONCES Trace("El reloj no va hacia atrás")
SI Ahora() <= HoraSis() ENTONCES Trace("Ahora y HoraSis leen el mismo reloj")

// Las duraciones se escriben con sus unidades: h, min, s, ms
Espera es una Duración = 1 min 30 s
Espera += 30 s
SI Espera = 2 min ENTONCES Trace("La espera es ahora de 2 minutos")
SI 2 min 8 s = 128 s ENTONCES Trace("2 min 8 s son 128 s")
SI 1 h > 59 min ENTONCES Trace("Una hora dura más que 59 minutos")
