// A failed email operation is not a crash: the function returns False,
// ErrorOccurred is True and ErrorInfo() says what went wrong.
Session is emailSMTPSession
Session.Option = emailProtocolSMTPS
// ServerAddress is left empty on purpose
IF Session.StartSession() THEN
	Trace("unexpected")
ELSE
	Trace("StartSession failed; ErrorOccurred =", ErrorOccurred)
	Trace(ErrorInfo(errMessage))
END
// the next function that can fail clears ErrorOccurred
Trace(EmailCheckAddress("grace@example.com") = emailAddressValid, ErrorOccurred)
Trace(EmailCheckAddress("grace at example") = emailAddressIncorrectSyntax)
// Outlook sessions exist only on Windows
Outlook is emailOutlookSession
IF NOT Outlook.StartSession() THEN Trace(ErrorInfo())
