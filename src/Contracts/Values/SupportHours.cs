using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ContractKit.Contracts.Values;

/// <summary>
/// When a source team answers: <c>Mon-Fri 09:00-17:00 Europe/Berlin</c>, or <c>24/7</c>.
/// </summary>
public sealed partial class SupportHours
{
    private static readonly string[] DayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

    private SupportHours(string text, ImmutableArray<DayOfWeek> days, TimeOnly start, TimeOnly? end, TimeZoneInfo zone)
    {
        Text = text;
        Days = days;
        Start = start;
        End = end;
        TimeZone = zone;
    }

    /// <summary>The hours as written.</summary>
    public string Text { get; }

    /// <summary>The days with support.</summary>
    public ImmutableArray<DayOfWeek> Days { get; }

    /// <summary>Start of the day's support.</summary>
    public TimeOnly Start { get; }

    /// <summary>End of the day's support; null means midnight at the end of the day (24:00).</summary>
    public TimeOnly? End { get; }

    /// <summary>The zone the hours are in.</summary>
    public TimeZoneInfo TimeZone { get; }

    /// <summary>True for round-the-clock support.</summary>
    public bool IsAlways => Days.Length == 7 && Start == TimeOnly.MinValue && End is null;

    /// <summary>Parses <c>Mon-Fri 09:00-17:00 Europe/Berlin</c>, <c>Mon,Wed 08:00-12:00 UTC</c> or <c>24/7</c>.</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="value">The hours, when the text is valid.</param>
    /// <param name="error">Why it is not.</param>
    public static bool TryParse(string text, out SupportHours? value, out string? error)
    {
        value = null;
        if (text == "24/7")
        {
            value = new SupportHours(text, [.. Enum.GetValues<DayOfWeek>()], TimeOnly.MinValue, null, TimeZoneInfo.Utc);
            error = null;
            return true;
        }

        var match = Pattern().Match(text);
        if (!match.Success)
        {
            error = $"'{text}' is not support hours: write days, hours and a time zone, e.g. \"Mon-Fri 09:00-17:00 Europe/Berlin\", or \"24/7\"";
            return false;
        }

        var days = ParseDays(match.Groups[1].Value);
        if (days is null)
        {
            error = $"'{match.Groups[1].Value}' is not a list of days: use Mon, Tue, Wed, Thu, Fri, Sat, Sun with - for ranges and , between";
            return false;
        }

        if (!TimeOnly.TryParseExact(match.Groups[2].Value, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start) ||
            !(match.Groups[3].Value == "24:00" || TimeOnly.TryParseExact(match.Groups[3].Value, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)))
        {
            error = $"'{match.Groups[2].Value}-{match.Groups[3].Value}' is not a time range: write HH:MM-HH:MM, e.g. 09:00-17:00";
            return false;
        }

        TimeOnly? end = match.Groups[3].Value == "24:00" ? null : TimeOnly.ParseExact(match.Groups[3].Value, "HH:mm", CultureInfo.InvariantCulture);
        if (end is { } e && e <= start)
        {
            error = $"support ends at {match.Groups[3].Value}, not after it starts at {match.Groups[2].Value}";
            return false;
        }

        if (!TimeZones.TryFind(match.Groups[4].Value, out var zone, out error))
        {
            return false;
        }

        value = new SupportHours(text, days.Value, start, end, zone!);
        return true;
    }

    private static ImmutableArray<DayOfWeek>? ParseDays(string text)
    {
        var days = new SortedSet<DayOfWeek>();
        foreach (var part in text.Split(','))
        {
            var range = part.Split('-');
            var first = Array.IndexOf(DayNames, range[0]);
            var last = range.Length == 2 ? Array.IndexOf(DayNames, range[1]) : first;
            if (range.Length > 2 || first < 0 || last < 0)
            {
                return null;
            }

            // Week ranges may wrap: Sat-Sun, Fri-Mon.
            for (var day = first; ; day = (day + 1) % 7)
            {
                days.Add((DayOfWeek)day);
                if (day == last)
                {
                    break;
                }
            }
        }

        return [.. days];
    }

    /// <inheritdoc />
    public override string ToString() => Text;

    [GeneratedRegex(@"^([A-Za-z,\-]+) ([0-9]{2}:[0-9]{2})-([0-9]{2}:[0-9]{2}) (\S+)$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
