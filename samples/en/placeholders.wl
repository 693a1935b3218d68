// Help-page snippets often use names they never declare: USER, PASSWORD, a control such
// as EDT_Server. wlinterp refuses to run them unless told to be lenient:
//     wlinterp run placeholders.wl --lenient --define USER=ada
// USER then gets its value from the command line. PASSWORD and EDT_Server stay empty
// and are reported as warnings, and so is LogAttempt, a procedure that does not exist
// (calling it does nothing).
Trace("Opening a session for", USER)
Address is string = USER + "@example.com"
Trace("Address:", Address)

IF PASSWORD = "" THEN Warning("No password given for " + USER)

Server is string = EDT_Server
IF Server = "" THEN Server = "smtp.example.com"
Trace("Server:", Server)

LogAttempt(USER, Server)
Trace("Done")
