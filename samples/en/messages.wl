// Showing messages, and reading the error state of the last operation.

// Info, Warning and Error show each parameter on its own line
Info("The outbox is ready")
Info("3 messages are waiting:", "2 invoices and 1 reminder")
Warning("The attachment is larger than 5 MB")
Error("Could not reach smtp.example.com", "Check the network settings")

// Trace writes its parameters on one line, separated by a space
Trace("Queue:", 3, "messages,", 1.5, "MB")
Trace()

// ErrorOccurred becomes True when a function that can fail fails, and ErrorInfo
// explains the failure. No function has failed in this program, so both are empty.
IF ErrorOccurred THEN
	Trace("Last failure:", ErrorInfo(errMessage))
ELSE
	Trace("No failure so far, error code", ErrorInfo(errCode))
END
IF NOT ErrorOccurred() AND ErrorInfo() = "" AND ErrorInfo(errFullDetails) = "" THEN
	Trace("ErrorInfo has nothing to say")
END
