// The classic API: a session named by its user, and the predeclared Email structure.
EmailSetTimeOut(30)
IF EmailStartSMTPSession("newsletter@example.com", "s3cret", "mail.example.com", 465, False, optionTLS) = False THEN
	Error(ErrorInfo())
	RETURN
END
EmailReset()
Email.Sender = "newsletter@example.com"
Email.Recipient[1] = "reader1@example.com"
Email.Recipient[2] = "reader2@example.com"
Email.NbRecipient = 2
Email.Subject = "Issue #12"
Email.Message = "This month: sending mail from WLanguage."
IF EmailSendMessage("newsletter@example.com") THEN
	Trace("Sent with identifier", Email.MailIdentifier)
END
EmailCloseSession("newsletter@example.com")
// the session is closed now: sending again fails, and says why
IF NOT EmailSendMessage("newsletter@example.com") THEN
	Trace("ErrorOccurred:", ErrorOccurred)
END
