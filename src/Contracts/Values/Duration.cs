using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ContractKit.Contracts.Values;

/// <summary>
/// A length of time as contracts write it: a whole number and a unit (<c>800ms</c>, <c>30s</c>,
/// <c>15m</c>, <c>1h</c>, <c>7d</c>), or several of them (<c>1h30m</c>). Millisecond precision.
/// </summary>
public readonly partial struct Duration : IComparable<Duration>, IEquatable<Duration>
{
    private const long MillisecondsPerSecond = 1000;
    private const long MillisecondsPerMinute = 60 * MillisecondsPerSecond;
    private const long MillisecondsPerHour = 60 * MillisecondsPerMinute;
    private const long MillisecondsPerDay = 24 * MillisecondsPerHour;

    // Ten years: anything longer in a contract is a typo, and the bound keeps arithmetic safe.
    private const long MaxMilliseconds = 3650 * MillisecondsPerDay;

    private readonly long _milliseconds;

    private Duration(long milliseconds) => _milliseconds = milliseconds;

    /// <summary>No time at all.</summary>
    public static Duration Zero => default;

    /// <summary>The length in milliseconds.</summary>
    public long TotalMilliseconds => _milliseconds;

    /// <summary>The length in seconds.</summary>
    public double TotalSeconds => _milliseconds / 1000.0;

    /// <summary>A duration of whole milliseconds.</summary>
    public static Duration FromMilliseconds(long milliseconds) => new(Check(milliseconds));

    /// <summary>A duration of whole seconds.</summary>
    public static Duration FromSeconds(long seconds) => new(Check(seconds * MillisecondsPerSecond));

    /// <summary>A duration of whole minutes.</summary>
    public static Duration FromMinutes(long minutes) => new(Check(minutes * MillisecondsPerMinute));

    /// <summary>A duration of whole hours.</summary>
    public static Duration FromHours(long hours) => new(Check(hours * MillisecondsPerHour));

    /// <summary>A duration of whole days.</summary>
    public static Duration FromDays(long days) => new(Check(days * MillisecondsPerDay));

    /// <summary>Converts to <see cref="TimeSpan"/>.</summary>
    public TimeSpan ToTimeSpan() => TimeSpan.FromMilliseconds(_milliseconds);

    /// <summary>Parses <c>15m</c>, <c>1h30m</c>, <c>800ms</c>…</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="value">The duration, when the text is one.</param>
    /// <param name="error">Why the text is not a duration.</param>
    public static bool TryParse(string text, out Duration value, out string? error)
    {
        value = default;
        if (!Pattern().IsMatch(text))
        {
            error = $"'{text}' is not a duration: write a whole number and a unit (ms, s, m, h, d), e.g. 15m or 1h30m";
            return false;
        }

        long total = 0;
        foreach (Match part in Part().Matches(text))
        {
            if (!long.TryParse(part.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var amount) ||
                amount > MaxMilliseconds)
            {
                error = $"'{text}' is longer than the 3650 days a duration may be";
                return false;
            }

            total += amount * part.Groups[2].Value switch
            {
                "ms" => 1,
                "s" => MillisecondsPerSecond,
                "m" => MillisecondsPerMinute,
                "h" => MillisecondsPerHour,
                _ => MillisecondsPerDay,
            };
            if (total > MaxMilliseconds)
            {
                error = $"'{text}' is longer than the 3650 days a duration may be";
                return false;
            }
        }

        value = new Duration(total);
        error = null;
        return true;
    }

    /// <summary>Parses a duration or throws <see cref="FormatException"/>; for code and tests, not user input.</summary>
    public static Duration Parse(string text) =>
        TryParse(text, out var value, out var error) ? value : throw new FormatException(error);

    /// <summary>The shortest canonical text: <c>90m</c> prints as <c>1h30m</c>.</summary>
    public override string ToString()
    {
        if (_milliseconds == 0)
        {
            return "0s";
        }

        var text = new StringBuilder();
        var rest = _milliseconds;
        foreach (var (size, unit) in Units)
        {
            if (rest >= size)
            {
                text.Append(CultureInfo.InvariantCulture, $"{rest / size}{unit}");
                rest %= size;
            }
        }

        return text.ToString();
    }

    /// <summary>Words for people: "15 minutes", "1 hour 30 minutes".</summary>
    public string ToWords()
    {
        if (_milliseconds == 0)
        {
            return "0 seconds";
        }

        var words = new List<string>();
        var rest = _milliseconds;
        foreach (var (size, unit) in Units)
        {
            if (rest >= size)
            {
                var amount = rest / size;
                var name = unit switch { "d" => "day", "h" => "hour", "m" => "minute", "s" => "second", _ => "millisecond" };
                words.Add(string.Create(CultureInfo.InvariantCulture, $"{amount} {name}{(amount == 1 ? "" : "s")}"));
                rest %= size;
            }
        }

        return string.Join(' ', words);
    }

    private static readonly (long Size, string Unit)[] Units =
        [(MillisecondsPerDay, "d"), (MillisecondsPerHour, "h"), (MillisecondsPerMinute, "m"), (MillisecondsPerSecond, "s"), (1, "ms")];

    private static long Check(long milliseconds) =>
        milliseconds is < 0 or > MaxMilliseconds
            ? throw new ArgumentOutOfRangeException(nameof(milliseconds), "a duration is between 0 and 3650 days")
            : milliseconds;

    /// <inheritdoc />
    public int CompareTo(Duration other) => _milliseconds.CompareTo(other._milliseconds);

    /// <inheritdoc />
    public bool Equals(Duration other) => _milliseconds == other._milliseconds;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Duration other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _milliseconds.GetHashCode();

    /// <summary>Equality.</summary>
    public static bool operator ==(Duration left, Duration right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(Duration left, Duration right) => !left.Equals(right);

    /// <summary>Shorter than.</summary>
    public static bool operator <(Duration left, Duration right) => left._milliseconds < right._milliseconds;

    /// <summary>Longer than.</summary>
    public static bool operator >(Duration left, Duration right) => left._milliseconds > right._milliseconds;

    /// <summary>At most.</summary>
    public static bool operator <=(Duration left, Duration right) => left._milliseconds <= right._milliseconds;

    /// <summary>At least.</summary>
    public static bool operator >=(Duration left, Duration right) => left._milliseconds >= right._milliseconds;

    [GeneratedRegex(@"^(?:[0-9]+(?:ms|s|m|h|d))+$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    [GeneratedRegex(@"([0-9]+)(ms|s|m|h|d)", RegexOptions.CultureInvariant)]
    private static partial Regex Part();
}
