// Loops: FOR, FOR EACH, WHILE and LOOP, around a small batch of reminders.

// FOR counts from one bound to the other; its variable needs no declaration
FOR i = 1 TO 3
	Trace("Reminder", i)
END
// STEP changes the increment, and may be negative
FOR i = 10 TO 0 STEP -5
	Trace("Countdown", i)
END

// TO reads its bound again on each pass; _TO_ reads it once
Limit is int = 2
Passes is int = 0
FOR i = 1 TO Limit
	Passes++
	IF i = 1 THEN Limit = 4
END
Trace("With TO:", Passes, "passes")
Limit = 2
Passes = 0
FOR i = 1 _TO_ Limit
	Passes++
	IF i = 1 THEN Limit = 4
END
Trace("With _TO_:", Passes, "passes")

// FOR EACH goes through an array; a second variable receives the index
Recipients is array of strings = ["ada@example.com", "grace@example.com"]
FOR EACH Address, Rank OF Recipients
	Trace(Rank, Address)
END
FOR EACH ELEMENT Address IN Recipients
	Trace("Sending to", Address)
END

// FOR EACH STRING cuts a string at a separator
FOR EACH STRING Tag OF "urgent;invoice;2024" SEPARATED BY ";"
	Trace("Tag:", Tag)
END

// WHILE repeats as long as its condition is True
Pending is int = 3
WHILE Pending > 0
	Trace("Still", Pending, "to send")
	Pending--
END

// LOOP repeats until BREAK; CONTINUE skips to the next pass
Attempt is int = 0
LOOP
	Attempt++
	IF Attempt = 2 THEN CONTINUE
	Trace("Attempt", Attempt)
	IF Attempt >= 3 THEN BREAK
END

// LOOP (n) repeats n times
LOOP (2)
	Trace("Ping")
END
