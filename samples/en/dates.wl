// Dates, times and durations. Today's date changes every day, so this example only
// prints what stays the same from one run to the next.

// Today (or DateSys) is the current date; DateToString writes it in a given format
Stamp is string = DateToString(Today(), "YYYYMMDD")
Trace("A date written YYYYMMDD has", Length(Stamp), "characters")
Trace("Written DD/MM/YYYY it has", Length(DateToString(DateSys(), "DD/MM/YYYY")))
IF Today() = DateSys() THEN Trace("Today and DateSys give the same day")

// A Date variable can receive a date written YYYYMMDD
Sent is Date = "20240315"
Trace("Sent on", DateToString(Sent, "DD/MM/YYYY"), "-", DateToString(Sent, "DDDD D MMMM YYYY"))
IF Sent < Today() THEN Trace("That message is in the past")

// Now (or TimeSys) is the current time, HHMMSSCC; SysDateTime the date and the time
Trace("A time has", Length(Now()), "characters, a date-time", Length(SysDateTime()))
Started is DateTime = SysDateTime()
IF SysDateTime() >= Started THEN Trace("The clock does not go backwards")
IF Now() <= TimeSys() THEN Trace("Now and TimeSys read the same clock")

// Durations are written with units: h, min, s, ms
Timeout is Duration = 1 min 30 s
Timeout += 30 s
IF Timeout = 2 min THEN Trace("The timeout is now 2 minutes")
IF 2 min 8 s = 128 s THEN Trace("2 min 8 s is 128 s")
IF 1 h > 59 min THEN Trace("An hour is longer than 59 minutes")
