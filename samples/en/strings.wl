// The string functions, used to take an email address apart and to lay out a message.
Address is string = "  Ada.Lovelace@Example.COM  "

// NoSpace removes the spaces around the text; Length counts the characters
Address = NoSpace(Address)
Trace("Address:", Address, "(" + Length(Address) + " characters)")

// Position finds the "@"; Left, Middle and Right cut the address around it
At is int = Position(Address, "@")
Login is string = Left(Address, At - 1)
Domain is string = Lower(Middle(Address, At + 1))
Trace("Login:", Login, "- domain:", Domain, "- ending:", Right(Domain, 4))
Trace("In capitals:", Upper(Login))

// ExtractString gives the n-th piece of a string cut at a separator
Trace("First name:", ExtractString(Login, 1, "."), "- last name:", ExtractString(Login, 2, "."))
Trace("Display name:", Replace(Login, ".", " "))
IF Contains(Domain, "example") THEN Trace("This is a test domain")
IF Position(Domain, ".org") = 0 THEN Trace("Not an .org address")

// StringBuild fills %1, %2 …; %% writes a percent sign
Trace(StringBuild("%1 <%2>", Replace(Login, ".", " "), Lower(Address)))
Trace(StringBuild("%1%% of the messages were delivered", 98))

// Complete pads a string to a width; Repeat repeats it
Trace(Complete("To", 8, ".") + ": " + Lower(Address))
Trace(Complete("Subject", 8, ".") + ": Minutes")
Trace(Repeat("=-", 5))

// Numbers and strings: NumToString formats a number, Val reads one
Trace("Message #" + NumToString(7, "03d"), "- size", NumToString(1234.5, "08.2f"), "KB")
Trace(Val("42 messages") + 1, Val("3.5"), Val("none"))

// CR starts a new line and TAB inserts a tabulation
Body is string = "Hello Ada," + CR + "The minutes are attached."
Info(Body)
Trace("Name" + TAB + "Ada")
