// Send a message with an attachment, then read it back with EmailGetAll and save the file.
Outgoing is emailSMTPSession
Outgoing.ServerAddress = "smtp.example.com"
Outgoing.Option = emailProtocolSMTPS
Outgoing.Name = "ada@example.com"
Outgoing.Password = "smtp password"
Outgoing.StartSession()
Sheet is emailAttach
Sheet.Name = "figures.csv"
Sheet.Content = "month;total" + CR + "November;1234"
Sent is Email
Sent.Sender = "Ada <ada@example.com>"
Sent.Recipient.Add("ada@example.com")
Sent.Subject = "Figures — novembre"
Sent.Message = "See the attached figures."
Add(Sent.Attach, Sheet)
EmailSendMessage(Outgoing, Sent)
EmailCloseSession(Outgoing)

Reader is emailIMAPSession
Reader.ServerAddress = "imap.example.com"
Reader.Option = optionTLS
Reader.Name = "ada@example.com"
Reader.Password = "imap password"
Reader.StartSession()
Messages is array of Email = Reader.GetAll(ertFull)
FOR EACH Mail OF Messages
	Trace(Mail.Subject, "-", Mail.NbAttach, "attachment(s)")
	FOR EACH Part OF Mail.Attach
		Trace(Part.Name, ExtractString(Part.Content, 2, CR))
	END
END
EmailCloseSession(Reader)
