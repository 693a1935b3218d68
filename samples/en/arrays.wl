// Arrays: building a list of recipients, counting it, going through it and emptying it.
Recipients is array of strings

// Three ways to add an element at the end
ArrayAdd(Recipients, "ada@example.com")
Add(Recipients, "grace@example.com")
Recipients.Add("alan@example.com")

// Three ways to count the elements
Trace("Recipients:", ArrayCount(Recipients), Recipients..Count, Recipients.Count)

// Elements are numbered from 1
Recipients[2] = "grace.hopper@example.com"
FOR EACH Address, Rank OF Recipients
	Trace(Rank, Address)
END

// A fixed-size array already holds its elements, each with the empty value of its type
Sizes is array of 3 int
Sizes[1] = 120
Sizes[3] = 45
Trace("Sizes:", Sizes[1], Sizes[2], Sizes[3])

// An associative array: one value per key, in the order they were added
Unread is associative array of int
Unread["Inbox"] = 12
Unread["Invoices"] = 2
Unread["Inbox"] += 1
Trace(Unread..Count, "folders")
FOR EACH Number, Folder OF Unread
	Trace(Folder, Number)
END

// ArrayDeleteAll empties an array
ArrayDeleteAll(Recipients)
Trace("After ArrayDeleteAll:", ArrayCount(Recipients))
IF Recipients..Count = 0 THEN Info("Nobody to write to")
