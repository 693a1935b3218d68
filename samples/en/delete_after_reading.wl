// Read the messages, delete the ones handled; POP3 deletes them when the session closes.
Outgoing is emailSMTPSession
Outgoing.ServerAddress = "smtp.example.com"
Outgoing.StartSession()
FOR i = 1 TO 3
	Ticket is Email
	Ticket.Sender = "desk@example.com"
	Ticket.Recipient.Add("support@example.com")
	Ticket.Subject = "Ticket " + i
	EmailSendMessage(Outgoing, Ticket)
END
EmailCloseSession(Outgoing)

Queue is emailPOP3Session
Queue.ServerAddress = "pop.example.com"
Queue.Name = "support@example.com"
Queue.StartSession()
EmailReadFirst(Queue)
WHILE NOT Email.Out
	Trace("handling", Email.Subject)
	EmailDeleteMessage(Queue)
	EmailReadNext(Queue)
END
Trace("still counted during the session:", EmailNbMessage(Queue))
EmailCloseSession(Queue)

// a new session sees an empty mailbox
Queue.StartSession()
Trace("after closing:", EmailNbMessage(Queue))
EmailCloseSession(Queue)
