// IF statements: choosing how to file an incoming message.
Sender is string = "newsletter@shop.example.com"
Size is int = 2048
Unread is int = 5

// A multi-line IF with ELSE IF branches and an ELSE
IF Size > 10000 THEN
	Trace("Large message: download it later")
ELSE IF Sender [= "newsletter" THEN
	Trace("A newsletter: file it in Promotions")
	Folder is string = "Promotions"
ELSE IF Sender =] "@example.com"
	Trace("A colleague: keep it in the Inbox")
ELSE
	Trace("Someone else")
END

// A variable declared inside a block can still be used after it
Trace("Folder:", Folder)

// A single-line IF needs no END; it can have an ELSE on the same line
IF Unread > 0 THEN Trace(Unread, "unread messages") ELSE Trace("Nothing new")
IF Unread = 0 THEN Trace("Inbox zero!") ELSE Trace("Still", Unread, "to read")
IF Size < 1024 THEN Trace("Small message")

// A number is a condition by itself: 0 is False, anything else is True
IF Unread THEN Trace("Unread is not 0")

// A long condition may go on after a trailing AND or OR, or after "..."
IF Unread > 0 AND
	Size < 5000 THEN
	Trace("Small and unread: show a preview")
END
IF Sender =] ".com" OR ...
	Sender =] ".org" THEN Trace("A .com or .org sender")

// Keywords may be written in any case
if Unread >= 5 then Trace("Five or more") else Trace("Fewer than five")
