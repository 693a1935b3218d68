// The string operators: substrings, [% %] interpolation, the optional concatenation,
// the prefixed syntax and multi-line strings.
Subject is string = "Invoice 2024-117 for March"

// [[ ]] extracts a substring: one character, a range (TO), or a length (ON)
Trace(Subject[[1 TO 7]])
Trace(Subject[[9 ON 8]])
Trace(Subject[[22 TO]])
Trace(Subject[[1]] + Subject[[Length(Subject)]])

// [% %] inserts the value of an expression in a string
Unread is int = 3
Trace("You have [%Unread%] new messages, [%Unread * 2%] in total")

// s + [sep] + t adds the separator only where it is missing
Recipients is array of strings = ["ada@example.com", "grace@example.com", "alan@example.com"]
ToLine is string
FOR EACH Address OF Recipients
	ToLine += [", "] + Address
END
Trace(ToLine)
Folder is string = "archive/"
Trace(Folder + ["/"] + "2024")
Trace("archive" + ["/"] + "2024")

// Prefixed syntax: Subject.Upper() is Upper(Subject)
Trace(Subject.Upper(), Subject.Length(), Subject.Left(7).Lower())

// A multi-line string keeps its line breaks
Footer is string = [
Sent with wlinterp
Please do not reply
]
Info(Footer)
