// A first look at WLanguage: variables, a loop, a procedure and a condition.
Recipients is array of strings = ["ada@example.com", "grace@example.com"]
Greeting is string = "Welcome"

FOR EACH Address, Position OF Recipients
	Trace(Position, Greeting + ", " + Address)
END

IF ArrayCount(Recipients) > 1 THEN
	Info(StringBuild("%1 addresses are ready", ArrayCount(Recipients)))
ELSE
	Warning("Only one address")
END

Trace("Domain of the first one:", DomainOf(Recipients[1]))

PROCEDURE DomainOf(LOCAL Address is string)
RESULT Middle(Address, Position(Address, "@") + 1)
