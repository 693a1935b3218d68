// <COMPILAR SI> conserva o descarta código según la configuración que se compila.
// wlinterp compila como un ejecutable WinDev para Windows: se ejecutan las ramas Windows.
<COMPILAR SI TipoConfiguración = Windows>
	Servidor es una cadena = "smtp.oficina.ejemplo.es"
	Trace("Ejecutable Windows: envío por", Servidor)
<SINO>
	Trace("Otra plataforma")
<FIN>

<COMPILAR SI TipoConfiguración = Android O TipoConfiguración = iOS>
	Trace("Solo móvil: esta línea no se compila")
<FIN>

<COMPILAR SI TipoConfiguración <> Android>
	Trace("No es una aplicación Android")
<FIN>

// El código entre las directivas es código normal
Trace("Servidor:", Servidor)
