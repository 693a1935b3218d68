// The simplest send: an SMTP server on port 25, no encryption, no sign-in,
// as on a company relay that trusts its local network.
Relay is emailSMTPSession
Relay.ServerAddress = "relay.example.com"
// Port and Option are left as they are: port 25, emailOptionDefault

IF NOT EmailStartSession(Relay) THEN
	Error("The relay cannot be reached:", ErrorInfo())
	RETURN
END

Notice is Email
Notice.Sender = "printer-room@example.com"
Notice.Recipient.Add("office@example.com")
Notice.Subject = "Printer 2 is out of paper"
Notice.Message = "Tray 1 is empty. Spare paper is in the cupboard."
IF EmailSendMessage(Relay, Notice) THEN
	Trace("Notice sent to", Notice.Recipient[1], "through port", Relay.Port)
END
EmailCloseSession(Relay)
