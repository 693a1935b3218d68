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

// A refused sign-in: this access token was never issued by the provider (in capture mode,
// only a token AuthIdentify obtained in this run is accepted), so the server says no
Session.ServerAddress = "smtp.example.com"
Session.Name = "grace@example.com"
Session.AuthToken = "token-from-last-week"
IF NOT Session.StartSession() THEN
	Trace("sign-in refused:", ErrorInfo(errMessage))
END

// Outlook sessions exist only on Windows
Outlook is emailOutlookSession
IF NOT Outlook.StartSession() THEN Trace(ErrorInfo())
