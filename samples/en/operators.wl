// Operators: WinDev's precedence, intervals, lists and the flexible string comparisons.

// Arithmetic: * and / before + and -; a division is exact, % is the remainder
Trace(2 + 3 * 4, (2 + 3) * 4, 18 / 5, 17 % 5, 2 ^ 10)

// Compound assignment and increments
Size is int = 10
Size += 5; Size *= 4; Size -= 10; Size /= 2
Size++
Trace("Size:", Size)
Size--

// An interval: the value between two bounds, or "= a TO b"
IF 10 < Size <= 30 THEN Trace(Size, "KB is a medium message")
IF Size = 1 TO 25 THEN Trace(Size, "KB is between 1 and 25")

// IN and NOT IN compare with each value of a list
Extension is string = "pdf"
IF Extension IN ("pdf", "docx", "odt") THEN Trace("A document")
IF Extension NOT IN ("exe", "bat") THEN Trace("Not a program")

// AND and OR have the same priority and are read from left to right:
// True OR False AND False is (True OR False) AND False
IF True OR False AND False THEN
	Trace("OR came first")
ELSE
	Trace("read from left to right: False")
END
// NOT applies to the whole comparison
IF NOT Size > 100 THEN Trace("Not over 100 KB")

// _AND_ stops as soon as the answer is known: no division by zero here
Received is int = 0
IF Received > 0 _AND_ 100 / Received > 5 THEN
	Trace("never shown")
ELSE
	Trace("Received is 0, the division was skipped")
END

// A number compared with a numeric string compares numbers; two strings compare as text
Port is int = 587
IF Port = "587" THEN Trace("587 = ""587""")
IF "10" < "9" THEN Trace("as text, ""10"" comes before ""9""")

// Flexible comparisons
Address is string = "  Ada@Example.COM "
IF Address ~= "ada@example.com" THEN Trace("~= ignores case and outer spaces")
IF "Re: Réunion d'équipe" ~~ "re reunion dequipe" THEN Trace("~~ also ignores accents and punctuation")
Subject is string = "Re: Minutes of the meeting"
IF Subject [= "Re:" THEN Trace("[= starts with")
IF Subject [=] "Minutes" THEN Trace("[=] contains")
IF Subject =] "meeting" THEN Trace("=] ends with")
IF NOT Subject [=] "minutes" THEN Trace("and they are case-sensitive")
