// Asynchronous sending: EmailSendMessage queues the message and returns at once;
// EmailStatus tells where it is, and closing the session waits for the queue.
Session is emailSMTPSession
Session.ServerAddress = "smtp.example.com"
Session.Asynchronous = True
Session.StartSession()
Ids is array of int
FOR EACH STRING Address OF "ann@example.com;bob@example.com" SEPARATED BY ";"
	Reminder is Email
	Reminder.Sender = "events@example.com"
	Reminder.Recipient.Add(Address)
	Reminder.Subject = "Reminder for " + Address
	IF EmailSendMessage(Session, Reminder) THEN Add(Ids, Reminder.ID)
END
EmailCloseSession(Session)
FOR EACH Id OF Ids
	IF EmailStatus(Id) = emailSent THEN Trace("message", Id, "sent")
END
