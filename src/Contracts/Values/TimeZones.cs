namespace ContractKit.Contracts.Values;

/// <summary>Finds IANA time zones by name.</summary>
public static class TimeZones
{
    /// <summary>Looks up an IANA zone such as <c>Europe/Berlin</c> or <c>UTC</c>.</summary>
    /// <param name="name">The zone name.</param>
    /// <param name="zone">The zone, when it exists.</param>
    /// <param name="error">Why the name is not a zone.</param>
    public static bool TryFind(string name, out TimeZoneInfo? zone, out string? error)
    {
        zone = null;
        error = null;
        if (name is "UTC" or "Etc/UTC")
        {
            zone = TimeZoneInfo.Utc;
            return true;
        }

        try
        {
            if (name.Contains('/', StringComparison.Ordinal) || name is "GMT")
            {
                zone = TimeZoneInfo.FindSystemTimeZoneById(name);
                return true;
            }
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
        }

        error = $"'{name}' is not an IANA time zone name (like Europe/Berlin or UTC)";
        return false;
    }
}
