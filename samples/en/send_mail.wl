// Send a message through an authenticated SMTP session secured with STARTTLS.
// wlinterp runs it offline: the embedded capture server stands in for smtp.example.com
// and keeps the message in ./wl-outbox (list it with: wlinterp outbox).
MySession is emailSMTPSession
MySession.ServerAddress = "smtp.example.com"
MySession.Port = 587
MySession.Option = emailProtocolSMTPS
MySession.Name = "ada@example.com"
MySession.Password = "correct horse battery staple"

IF MySession.StartSession() = False THEN
	Error("Cannot open the SMTP session", ErrorInfo(errMessage))
	RETURN
END

Notes is emailAttach
Notes.Name = "agenda.txt"
Notes.Content = "1. Welcome" + CR + "2. Budget"

MyMessage is Email
MyMessage.Sender = "Ada Lovelace (Bibliothèque) <ada@example.com>"
Add(MyMessage.Recipient, "Charles Babbage <charles@example.com>")
MyMessage.Cc.Add("Mary Somerville <mary@example.com>")
MyMessage.Bcc.Add("archive@example.com")
MyMessage.Subject = "Agenda for Monday's meeting at the Café Zoë"
MyMessage.Message = "Hello," + CR + "the agenda is attached."
Add(MyMessage.Attach, Notes)

IF EmailSendMessage(MySession, MyMessage) THEN
	Trace("Message sent to", MyMessage..NbRecipient, "recipient(s) and", MyMessage.NbCc, "in copy")
ELSE
	Error(ErrorInfo())
END
EmailCloseSession(MySession)
