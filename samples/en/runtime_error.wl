// A fatal error stops the program where it happens: here a division by zero that no
// WHEN EXCEPTION IN catches. Run it: the report says "runtime-error" and the exit code is 1.
Delivered is int = 18
Failed is int = 0

Trace("Delivered:", Delivered, "- failed:", Failed)
Trace("Ratio:", Delivered / Failed)
Trace("never shown: the program stopped on the line above")
