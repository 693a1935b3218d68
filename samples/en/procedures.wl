// Procedures: parameters by reference (the default) or by value (LOCAL), default values,
// '*' to keep a default, RESULT and RETURN, and an internal procedure.
Subject is string = "Meeting"
Greeting is string = "Hello"
Sent is int = 0

// By reference: the procedure changes the caller's variable
AddPrefix(Subject)
Trace(Subject)
CountOne(Sent)
CountOne(Sent)
Trace("Sent:", Sent)

// LOCAL: the procedure works on a copy
Shout(Greeting)
Trace("Outside:", Greeting)

// Default values, and '*' to keep one while giving the next parameter
Trace(Header("To", "ada@example.com"))
Trace(Header("To", "ada@example.com", " = "))
Trace(Header("Cc", *, " -> "))

// RETURN leaves a procedure early
CheckAddress("nobody")
CheckAddress("grace@example.com")

List is array of strings = ["ada@example.com", "wrong", "alan@example.org"]
Trace(CountValid(List, "example.com"), "address(es) at example.com")

PROCEDURE AddPrefix(Text)
Text = "Re: " + Text

PROCEDURE CountOne(Counter is int)
Counter++

PROCEDURE Shout(LOCAL Text is string)
Text = Upper(Text) + "!"
Trace("Inside:", Text)

PROCEDURE Header(Name is string, Value is string = "(none)", Separator is string = ": ") : string
RESULT Name + Separator + Value

PROCEDURE CheckAddress(Address is string)
IF NOT Contains(Address, "@") THEN
	Warning(Address + " is not an email address")
	RETURN
END
Trace(Address, "looks fine")

PROCEDURE CountValid(Addresses is array of strings, Domain is string) : int
Total is int = 0
// An internal procedure sees the variables of the procedure around it
INTERNAL PROCEDURE Matches(Address is string) : boolean
	RESULT Address =] "@" + Domain
END
FOR EACH Address OF Addresses
	IF Matches(Address) THEN Total++
END
RESULT Total
