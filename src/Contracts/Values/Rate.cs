using System.Globalization;
using System.Text.RegularExpressions;

namespace ContractKit.Contracts.Values;

/// <summary>A count per length of time: <c>200/h</c>, <c>5/s</c>, <c>1000/15m</c>.</summary>
public readonly partial record struct Rate
{
    private Rate(long count, Duration per)
    {
        Count = count;
        Per = per;
    }

    /// <summary>How many.</summary>
    public long Count { get; }

    /// <summary>In how long.</summary>
    public Duration Per { get; }

    /// <summary>The rate per second.</summary>
    public double PerSecond => Count / Per.TotalSeconds;

    /// <summary>A rate of <paramref name="count"/> per <paramref name="per"/>.</summary>
    public static Rate Create(long count, Duration per) =>
        count < 0 || per == Duration.Zero
            ? throw new ArgumentOutOfRangeException(nameof(count), "a rate is a non-negative count per positive duration")
            : new Rate(count, per);

    /// <summary>Parses <c>200/h</c>; a bare unit means one of it.</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="value">The rate, when the text is one.</param>
    /// <param name="error">Why the text is not a rate.</param>
    public static bool TryParse(string text, out Rate value, out string? error)
    {
        value = default;
        var match = Pattern().Match(text);
        if (!match.Success || !long.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            error = $"'{text}' is not a rate: write a count per duration, e.g. 200/h or 1000/15m";
            return false;
        }

        var perText = match.Groups[2].Value;
        if (char.IsLetter(perText[0]))
        {
            perText = "1" + perText;
        }

        if (!Duration.TryParse(perText, out var per, out _) || per == Duration.Zero)
        {
            error = $"'{text}' is not a rate: the part after / must be a positive duration, e.g. h or 15m";
            return false;
        }

        value = new Rate(count, per);
        error = null;
        return true;
    }

    /// <summary>Parses or throws <see cref="FormatException"/>; for code and tests, not user input.</summary>
    public static Rate Parse(string text) =>
        TryParse(text, out var value, out var error) ? value : throw new FormatException(error);

    /// <inheritdoc />
    public override string ToString()
    {
        // "200/h" rather than "200/1h": a single unit reads as "per hour".
        var per = Per.ToString();
        var single = per.Length > 1 && per[0] == '1' && per[1..].All(char.IsLetter);
        return $"{Count}/{(single ? per[1..] : per)}";
    }

    [GeneratedRegex(@"^([0-9]+)/([0-9]*(?:ms|s|m|h|d)(?:[0-9]+(?:ms|s|m|h|d))*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
