using System.Globalization;
using System.Text.RegularExpressions;

namespace ContractKit.Contracts.Values;

/// <summary>A share from 0% to 100%, written with a percent sign: <c>99.9%</c>, <c>0%</c>.</summary>
public readonly partial struct Percentage : IComparable<Percentage>, IEquatable<Percentage>
{
    private readonly decimal _percent;

    private Percentage(decimal percent) => _percent = percent;

    /// <summary>0%.</summary>
    public static Percentage Zero => default;

    /// <summary>100%.</summary>
    public static Percentage Hundred => new(100m);

    /// <summary>The value in percent (99.9 for 99.9%).</summary>
    public decimal Percent => _percent;

    /// <summary>The value as a fraction (0.999 for 99.9%).</summary>
    public double Fraction => (double)(_percent / 100m);

    /// <summary>A percentage from a value in percent.</summary>
    public static Percentage FromPercent(decimal percent) =>
        percent is < 0m or > 100m
            ? throw new ArgumentOutOfRangeException(nameof(percent), "a percentage is between 0 and 100")
            : new Percentage(percent);

    /// <summary>Parses <c>99.9%</c>.</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="value">The percentage, when the text is one.</param>
    /// <param name="error">Why the text is not a percentage.</param>
    public static bool TryParse(string text, out Percentage value, out string? error)
    {
        value = default;
        if (!Pattern().IsMatch(text) ||
            !decimal.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percent))
        {
            error = $"'{text}' is not a percentage: write a number from 0 to 100 followed by %, e.g. 99.9%";
            return false;
        }

        if (percent > 100m)
        {
            error = $"'{text}' is more than 100%";
            return false;
        }

        value = new Percentage(percent);
        error = null;
        return true;
    }

    /// <summary>Parses or throws <see cref="FormatException"/>; for code and tests, not user input.</summary>
    public static Percentage Parse(string text) =>
        TryParse(text, out var value, out var error) ? value : throw new FormatException(error);

    /// <inheritdoc />
    public override string ToString() => _percent.ToString("0.############", CultureInfo.InvariantCulture) + "%";

    /// <inheritdoc />
    public int CompareTo(Percentage other) => _percent.CompareTo(other._percent);

    /// <inheritdoc />
    public bool Equals(Percentage other) => _percent == other._percent;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Percentage other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _percent.GetHashCode();

    /// <summary>Equality.</summary>
    public static bool operator ==(Percentage left, Percentage right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(Percentage left, Percentage right) => !left.Equals(right);

    /// <summary>Less than.</summary>
    public static bool operator <(Percentage left, Percentage right) => left._percent < right._percent;

    /// <summary>More than.</summary>
    public static bool operator >(Percentage left, Percentage right) => left._percent > right._percent;

    /// <summary>At most.</summary>
    public static bool operator <=(Percentage left, Percentage right) => left._percent <= right._percent;

    /// <summary>At least.</summary>
    public static bool operator >=(Percentage left, Percentage right) => left._percent >= right._percent;

    [GeneratedRegex(@"^[0-9]+(?:\.[0-9]+)?%$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
