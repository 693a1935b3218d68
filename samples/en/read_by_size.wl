// Read the headers first, and download only the messages small enough (POP3).
Outgoing is emailSMTPSession
Outgoing.ServerAddress = "smtp.example.com"
Outgoing.StartSession()
Short is Email
Short.Sender = "alerts@example.com"
Short.Recipient.Add("ops@example.com")
Short.Subject = "Disk almost full"
Short.Message = "Server 3: 91% used."
EmailSendMessage(Outgoing, Short)
Large is Email
Large.Sender = "reports@example.com"
Large.Recipient.Add("ops@example.com")
Large.Subject = "Monthly log archive"
Large.Message = Repeat("log line" + CR, 5000)
EmailSendMessage(Outgoing, Large)
EmailCloseSession(Outgoing)

Mailbox is emailPOP3Session
Mailbox.ServerAddress = "pop.example.com"
Mailbox.Name = "ops@example.com"
Mailbox.Password = "pop password"
Mailbox.StartSession()
FOR n = 1 TO EmailNbMessage(Mailbox)
	EmailReadMessageHeader(Mailbox, n)
	IF EmailMessageSize(Mailbox, n) < 10000 THEN
		EmailReadMessage(Mailbox, n)
		Trace(Email.Subject, ":", NoSpace(Email.Message))
	ELSE
		Trace(Email.Subject, ": too large, left on the server")
	END
END
EmailCloseSession(Mailbox)
