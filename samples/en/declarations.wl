// Declaring variables: every form WLanguage offers, around one outgoing email.

// One variable; the article "a"/"an" is optional, and so is the initial value
Subject is string
Subject = "Quarterly report"
Sender is a string = "ada@example.com"
Attempts is an int = 3
IsUrgent is boolean = True

// Several variables of one type on one line; ";" separates two statements
Width, Height are int
Width = 640; Height = 480

// Type inference: "let" gives the variable the type of its value
let Priority = 2
let Signature = "-- Ada"

// A typed variable converts what it receives: the string "4" is stored as the number 4
Attempts = "4"

// Arrays: a dynamic one starts empty, a fixed one already holds its elements
Recipients is array of strings
Recipients.Add("grace@example.com")
Scores is array of 5 int
Scores[2] = 40

// An associative array looks its values up by a key
PortOf is associative array of int
PortOf["smtp"] = 587
PortOf["imap"] = 993

// LOCAL and GLOBAL lines; a LOCAL line alone opens a group of declarations
GLOBAL Server is string = "smtp.example.com"
LOCAL
	Retries is int = 2
	Folder is string = "Sent"

// Constants: a block, or one line
CONSTANT
	MAX_RECIPIENTS = 50
	DEFAULT_DOMAIN = "example.com"
END
CONSTANT RETRY_DELAY = 30

Trace(Subject, "from", Sender)
IF IsUrgent THEN Trace("Marked as urgent")
Trace("Attempts + 1 =", Attempts + 1)
Trace("Picture size:", StringBuild("%1x%2", Width, Height))
Trace("Priority", Priority, Signature)
Trace(Recipients..Count, "recipient:", Recipients[1])
Trace("Scores:", Scores..Count, "slots, slot 2 =", Scores[2], "and slot 1 =", Scores[1])
Trace("SMTP port", PortOf["smtp"], "- IMAP port", PortOf["imap"])
Trace(Server, Retries, Folder)
Trace(MAX_RECIPIENTS, DEFAULT_DOMAIN, RETRY_DELAY)
