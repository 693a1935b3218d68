// WHEN EXCEPTION IN … DO … ELSE … END catches the errors that would stop the program:
// exceptions raised with ExceptionThrow and fatal errors such as a division by zero.

// An exception raised in a procedure is caught by the caller's handler
WHEN EXCEPTION IN
	Deliver("ada@example.com")
	Deliver("")
	Trace("never shown: the block stops at the exception")
DO
	Trace(StringBuild("Exception %1: %2", ExceptionInfo(errCode), ExceptionInfo(errMessage)))
	IF Contains(ExceptionInfo(errFullDetails), ExceptionInfo(errMessage)) THEN
		Trace("The full details repeat the message")
	END
ELSE
	Trace("never shown: ELSE runs only when nothing went wrong")
END

// When nothing goes wrong, the ELSE part runs
WHEN EXCEPTION IN
	Deliver("grace@example.com")
DO
	Trace("never shown")
ELSE
	Trace("All messages delivered")
END

// A division by zero is caught the same way
Total is int = 12
Failures is int = 0
WHEN EXCEPTION IN
	Trace("Success rate:", Total / Failures)
DO
	IF ExceptionInfo(errMessage) <> "" THEN Trace("The division failed, with an explanation")
END

// The program goes on after END
Trace("Done")

PROCEDURE Deliver(Address is string)
IF Address = "" THEN ExceptionThrow(12, "the recipient is empty")
Trace("Delivered to", Address)
