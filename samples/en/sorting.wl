// Sorting and searching: the sizes of a mailbox's messages, in kilobytes, put in order
// (insertion sort) and then searched by halves (binary search).
Sizes is array of int
Seed is int = 7
FOR i = 1 TO 12
	Seed = (Seed * 37 + 11) % 101
	Sizes.Add(Seed * 3)
END

// Insertion sort: each size slides left past the larger ones
FOR i = 2 TO 12
	Current is int = Sizes[i]
	j is int = i - 1
	// _AND_ stops at the first false side: Sizes[0] is never read
	WHILE j >= 1 _AND_ Sizes[j] > Current
		Sizes[j + 1] = Sizes[j]
		j--
	END
	Sizes[j + 1] = Current
END
Trace("Smallest:", Sizes[1], "largest:", Sizes[12])

// Binary search: halve the part of the array that can still hold the size
FOR EACH Wanted OF [57, 273, 100]
	Found is int = 0
	Low is int = 1
	High is int = 12
	WHILE Low <= High
		Middle is int = (Low + High) / 2
		IF Sizes[Middle] = Wanted THEN
			Found = Middle
			BREAK
		ELSE IF Sizes[Middle] < Wanted THEN
			Low = Middle + 1
		ELSE
			High = Middle - 1
		END
	END
	IF Found = 0 THEN
		Trace(Wanted, "is not there")
	ELSE
		Trace(Wanted, "is number", Found)
	END
END
