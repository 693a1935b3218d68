// Renew a token with its refresh token instead of signing in again.
Provider is OAuth2Parameters
Provider.ClientID = "my-desktop-app"
Provider.AuthURL = "https://login.example.com/oauth2/authorize"
Provider.TokenURL = "https://login.example.com/oauth2/token"
Provider.RedirectionURL = "http://127.0.0.1:9322/done"

Token is AuthToken = AuthIdentify(Provider)
IF Token = Null THEN
	Error(ErrorInfo())
	RETURN
END
Trace("first token valid:", Token.Valid, "- can be refreshed:", Token.Refresh <> "")
Renewed is AuthToken = AuthRefreshToken(Token)
IF Renewed <> Null AND Renewed.Valid THEN
	Trace("renewed, and it is a new token:", Renewed.Value <> Token.Value)
END
// the method form does the same
Again is AuthToken = Renewed.RefreshToken()
Trace("renewed again:", Again.Valid)
// an AuthToken without a refresh token cannot be renewed: Null, and ErrorInfo says why
Empty is AuthToken
IF AuthRefreshToken(Empty) = Null THEN Trace(ErrorInfo())
