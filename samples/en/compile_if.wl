// <COMPILE IF> keeps or drops code depending on the configuration being compiled.
// wlinterp compiles like a WinDev executable for Windows, so the Windows branches run.
<COMPILE IF ConfigurationType = Windows>
	Server is string = "smtp.office.example.com"
	Trace("Windows executable: sending through", Server)
<ELSE>
	Trace("Another platform")
<END>

<COMPILE IF ConfigurationType = Android OR ConfigurationType = iOS>
	Trace("Mobile only: this line is not compiled")
<END>

<COMPILE IF ConfigurationType <> Android>
	Trace("Not an Android application")
<END>

// The code between the directives is ordinary code
Trace("Server:", Server)
