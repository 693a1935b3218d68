// Two-factor sign-in: get an OAuth 2.0 token, then send with XOAUTH2.
// Offline (the default), wlinterp's own authorization server stands in for the provider
// and consents at once; with --smtp live, your browser opens on the provider's page.
Provider is OAuth2Parameters
Provider.ClientID = "my-desktop-app"
Provider.ClientSecret = "the application's secret"
Provider.AuthURL = "https://login.example.com/oauth2/authorize"
Provider.TokenURL = "https://login.example.com/oauth2/token"
Provider.Scope = "https://mail.example.com/send"
Provider.RedirectionURL = "http://localhost:9321"
Provider.ResponseType = oauth2ResponseTypeCode

Session is emailSMTPSession
Session.ServerAddress = "smtp.example.com"
Session.Port = 587
Session.Option = emailProtocolSMTPS
Session.Name = "ada@example.com"
Session.AuthToken = AuthIdentify(Provider)

IF Session.AuthToken = Null THEN
	Error("Sign-in failed", ErrorInfo())
	RETURN
END
Trace("Signed in; the token is valid:", Session.AuthToken.Valid)
IF Session.StartSession() THEN
	Report is Email
	Report.Sender = "ada@example.com"
	Report.Recipient.Add("team@example.com")
	Report.Subject = "Weekly report"
	Report.Message = "Sent with an OAuth 2.0 token."
	IF EmailSendMessage(Session, Report) THEN Trace("Report sent")
	EmailCloseSession(Session)
ELSE
	Error(ErrorInfo())
END
