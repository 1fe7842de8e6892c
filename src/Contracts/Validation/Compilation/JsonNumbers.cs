using System.Text.Json;

namespace ContractKit.Contracts.Validation.Compilation;

/// <summary>
/// JSON numbers as JSON Schema reads them: exact decimals where they fit (0.1 + 0.2 style errors
/// would fail multipleOf), doubles beyond, and 1.0 counts as an integer.
/// </summary>
internal readonly struct JsonNumber
{
    private JsonNumber(decimal? exact, double approximate)
    {
        Exact = exact;
        Approximate = approximate;
    }

    public decimal? Exact { get; }

    public double Approximate { get; }

    public static JsonNumber From(JsonElement element) =>
        element.TryGetDecimal(out var exact) ? new JsonNumber(exact, (double)exact) : new JsonNumber(null, element.GetDouble());

    public int CompareTo(JsonNumber other) =>
        Exact is { } a && other.Exact is { } b ? a.CompareTo(b) : Approximate.CompareTo(other.Approximate);

    public bool IsMultipleOf(JsonNumber divisor)
    {
        if (Exact is { } value && divisor.Exact is { } by)
        {
            try
            {
                return value % by == 0;
            }
            catch (OverflowException)
            {
            }
        }

        var quotient = Approximate / divisor.Approximate;
        if (double.IsFinite(quotient))
        {
            return Math.Abs(quotient - Math.Round(quotient)) < 1e-9;
        }

        // The quotient overflows (1e308 / 0.5): the remainder still answers.
        var remainder = Math.IEEERemainder(Approximate, divisor.Approximate);
        return double.IsFinite(remainder) && Math.Abs(remainder) <= Math.Abs(divisor.Approximate) * 1e-9;
    }

    public override string ToString() =>
        Exact?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? Approximate.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}

internal static class JsonNumbers
{
    public static bool IsInteger(JsonElement element)
    {
        if (element.TryGetInt64(out _))
        {
            return true;
        }

        if (element.TryGetDecimal(out var exact))
        {
            return decimal.Truncate(exact) == exact;
        }

        var approximate = element.GetDouble();
        return double.IsFinite(approximate) && Math.Floor(approximate) == approximate;
    }
}
