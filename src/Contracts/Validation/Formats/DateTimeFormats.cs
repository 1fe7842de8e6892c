namespace ContractKit.Contracts.Validation.Formats;

/// <summary>
/// <c>date-time</c>, <c>date</c>, <c>time</c> (RFC 3339 section 5.6) and <c>duration</c> (RFC 3339
/// Appendix A). Dates are real calendar dates (Gregorian leap years, proleptic before 1582) and a
/// leap second is accepted only where the time, moved to UTC, is 23:59:60.
/// </summary>
internal static class DateTimeFormats
{
    private const int MinutesPerDay = 24 * 60;
    private const int LastMinuteOfDay = MinutesPerDay - 1;

    /// <summary><c>full-date "T" full-time</c>; <c>T</c> and <c>Z</c> may be lower case (RFC 3339 section 5.6 note).</summary>
    public static bool IsDateTime(string value)
    {
        var text = value.AsSpan();
        return text.Length > 11 && IsFullDate(text[..10]) && text[10] is 'T' or 't' && IsFullTime(text[11..]);
    }

    /// <summary><c>full-date</c>: <c>YYYY-MM-DD</c>.</summary>
    public static bool IsDate(string value) => IsFullDate(value);

    /// <summary><c>full-time</c>: <c>HH:MM:SS[.fraction]</c> and an offset, which is required.</summary>
    public static bool IsTime(string value) => IsFullTime(value);

    /// <summary>
    /// An ISO 8601 duration as RFC 3339 Appendix A writes it: <c>P</c> then years, months and days
    /// (each present unit followed by the next smaller one only), then <c>T</c> and hours, minutes and
    /// seconds the same way; or weeks alone. Whole numbers only, designators in upper case.
    /// </summary>
    public static bool IsDuration(string value)
    {
        var text = value.AsSpan();
        if (text.Length < 3 || text[0] != 'P')
        {
            return false;
        }

        var index = 1;
        var dateUnits = 0;
        var previous = -1;
        while (index < text.Length && text[index] != 'T')
        {
            if (!TryReadElement(text, ref index, out var designator))
            {
                return false;
            }

            if (designator == 'W')
            {
                // dur-week stands alone: no other element before or after it.
                return dateUnits == 0 && index == text.Length;
            }

            var unit = designator switch { 'Y' => 0, 'M' => 1, 'D' => 2, _ => -1 };
            if (unit < 0 || (previous >= 0 && unit != previous + 1))
            {
                return false;
            }

            previous = unit;
            dateUnits++;
        }

        if (index == text.Length)
        {
            return dateUnits > 0;
        }

        index++; // 'T'
        var timeUnits = 0;
        previous = -1;
        while (index < text.Length)
        {
            if (!TryReadElement(text, ref index, out var designator))
            {
                return false;
            }

            var unit = designator switch { 'H' => 0, 'M' => 1, 'S' => 2, _ => -1 };
            if (unit < 0 || (previous >= 0 && unit != previous + 1))
            {
                return false;
            }

            previous = unit;
            timeUnits++;
        }

        return timeUnits > 0;
    }

    /// <summary>Reads <c>1*DIGIT</c> and the designator after it.</summary>
    private static bool TryReadElement(ReadOnlySpan<char> text, ref int index, out char designator)
    {
        var start = index;
        while (index < text.Length && char.IsAsciiDigit(text[index]))
        {
            index++;
        }

        if (index == start || index == text.Length)
        {
            designator = default;
            return false;
        }

        designator = text[index++];
        return true;
    }

    private static bool IsFullDate(ReadOnlySpan<char> text)
    {
        if (text.Length != 10 || text[4] != '-' || text[7] != '-' ||
            !TryReadNumber(text[..4], out var year) ||
            !TryReadNumber(text.Slice(5, 2), out var month) ||
            !TryReadNumber(text.Slice(8, 2), out var day))
        {
            return false;
        }

        return month is >= 1 and <= 12 && day >= 1 && day <= DaysInMonth(year, month);
    }

    private static bool IsFullTime(ReadOnlySpan<char> text)
    {
        // HH:MM:SS, then an optional fraction, then Z or ±HH:MM.
        if (text.Length < 9 || text[2] != ':' || text[5] != ':' ||
            !TryReadNumber(text[..2], out var hour) ||
            !TryReadNumber(text.Slice(3, 2), out var minute) ||
            !TryReadNumber(text.Slice(6, 2), out var second) ||
            hour > 23 || minute > 59 || second > 60)
        {
            return false;
        }

        var index = 8;
        if (text[index] == '.')
        {
            var start = ++index;
            while (index < text.Length && char.IsAsciiDigit(text[index]))
            {
                index++;
            }

            if (index == start || index == text.Length)
            {
                return false;
            }
        }

        int offsetMinutes;
        var offset = text[index..];
        if (offset is ['Z' or 'z'])
        {
            offsetMinutes = 0;
        }
        else if (offset.Length == 6 && offset[0] is '+' or '-' && offset[3] == ':' &&
                 TryReadNumber(offset.Slice(1, 2), out var offsetHour) && offsetHour <= 23 &&
                 TryReadNumber(offset.Slice(4, 2), out var offsetMinute) && offsetMinute <= 59)
        {
            offsetMinutes = (offset[0] == '-' ? -1 : 1) * ((offsetHour * 60) + offsetMinute);
        }
        else
        {
            return false;
        }

        if (second < 60)
        {
            return true;
        }

        // A leap second is inserted at 23:59:60 UTC; local time is UTC plus the offset.
        var utcMinute = ((hour * 60) + minute - offsetMinutes + MinutesPerDay) % MinutesPerDay;
        return utcMinute == LastMinuteOfDay;
    }

    /// <summary>Reads a fixed-width run of ASCII digits (never other scripts' digits).</summary>
    private static bool TryReadNumber(ReadOnlySpan<char> digits, out int number)
    {
        number = 0;
        foreach (var digit in digits)
        {
            if (!char.IsAsciiDigit(digit))
            {
                return false;
            }

            number = (number * 10) + (digit - '0');
        }

        return true;
    }

    private static int DaysInMonth(int year, int month) => month switch
    {
        2 => IsLeapYear(year) ? 29 : 28,
        4 or 6 or 9 or 11 => 30,
        _ => 31,
    };

    private static bool IsLeapYear(int year) => year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
}
