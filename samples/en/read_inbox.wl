// Read every message of a mailbox and show who sent what.
// Offline, the capture server's outbox is the mailbox: this program first sends
// itself three messages, then reads them back over IMAP.
Outgoing is emailSMTPSession
Outgoing.ServerAddress = "smtp.example.com"
Outgoing.StartSession()
FOR EACH STRING Topic OF "Invoice 42;Meeting notes;Holiday plans" SEPARATED BY ";"
	Note is Email
	Note.Sender = "Grace Hopper <grace@example.com>"
	Note.Recipient.Add("ada@example.com")
	Note.Subject = Topic
	Note.Message = "Details about: " + Topic
	EmailSendMessage(Outgoing, Note)
END
EmailCloseSession(Outgoing)

Inbox is emailIMAPSession
Inbox.ServerAddress = "imap.example.com"
Inbox.Option = optionTLS
Inbox.Name = "ada@example.com"
Inbox.Password = "imap password"
IF NOT Inbox.StartSession() THEN
	Error(ErrorInfo())
	RETURN
END
Trace(EmailNbMessage(Inbox), "message(s) in the inbox")
Received is Email
EmailReadFirst(Inbox, Received)
WHILE NOT Received.Out
	Trace(Received.Subject, "-", Received.Sender)
	EmailReadNext(Inbox, Received)
END
EmailCloseSession(Inbox)
