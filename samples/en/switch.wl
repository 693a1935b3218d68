// SWITCH: reading the reply codes of an SMTP server.
// A CASE takes one value, several values, a range (TO) or a comparison.
Codes is array of int = [250, 354, 421, 550, 221, 999, 199]

FOR EACH Code OF Codes
	SWITCH Code
		CASE 250: Trace(Code, "requested action completed")
		CASE 221, 354
			Trace(Code, "the server waits for the next step")
		CASE 400 TO 499
			Trace(Code, "temporary failure: try again later")
		CASE 500 TO 599: Trace(Code, "permanent failure")
		CASE > 900
			Trace(Code, "is not an SMTP code")
		OTHER CASE
			Trace(Code, "unexpected")
	END
END

// A SWITCH on a string; the colon after the values is optional
Extension is string = "JPG"
SWITCH Lower(Extension)
	CASE "pdf", "odt"
		Trace("a document")
	CASE "jpg", "png"
		Trace("a picture")
	OTHER CASE: Trace("an attachment of another kind")
END
