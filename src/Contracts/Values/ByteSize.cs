using System.Globalization;
using System.Text.RegularExpressions;

namespace ContractKit.Contracts.Values;

/// <summary>
/// An amount of bytes: <c>64MB</c>, <c>512kB</c>, <c>1GiB</c>. Units follow PostgreSQL, whose
/// sizes these usually are: kB, MB, GB and TB are powers of 1024 (KiB, MiB, GiB and TiB are accepted too).
/// </summary>
public readonly partial record struct ByteSize : IComparable<ByteSize>
{
    private ByteSize(long bytes) => Bytes = bytes;

    /// <summary>The size in bytes.</summary>
    public long Bytes { get; }

    /// <summary>A size in bytes.</summary>
    public static ByteSize FromBytes(long bytes) =>
        bytes < 0 ? throw new ArgumentOutOfRangeException(nameof(bytes), "a size is not negative") : new ByteSize(bytes);

    /// <summary>Parses <c>64MB</c>.</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="value">The size, when the text is one.</param>
    /// <param name="error">Why the text is not a size.</param>
    public static bool TryParse(string text, out ByteSize value, out string? error)
    {
        value = default;
        var match = Pattern().Match(text);
        if (!match.Success || !long.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            error = $"'{text}' is not a size: write a whole number and a unit (B, kB, MB, GB, TB), e.g. 64MB";
            return false;
        }

        var unit = match.Groups[2].Value switch
        {
            "B" => 1L,
            "kB" or "KB" or "KiB" => 1L << 10,
            "MB" or "MiB" => 1L << 20,
            "GB" or "GiB" => 1L << 30,
            _ => 1L << 40,
        };
        if (amount > long.MaxValue / unit)
        {
            error = $"'{text}' is too large";
            return false;
        }

        value = new ByteSize(amount * unit);
        error = null;
        return true;
    }

    /// <summary>Parses or throws <see cref="FormatException"/>; for code and tests, not user input.</summary>
    public static ByteSize Parse(string text) =>
        TryParse(text, out var value, out var error) ? value : throw new FormatException(error);

    /// <inheritdoc />
    public int CompareTo(ByteSize other) => Bytes.CompareTo(other.Bytes);

    /// <summary>Less than.</summary>
    public static bool operator <(ByteSize left, ByteSize right) => left.Bytes < right.Bytes;

    /// <summary>More than.</summary>
    public static bool operator >(ByteSize left, ByteSize right) => left.Bytes > right.Bytes;

    /// <summary>At most.</summary>
    public static bool operator <=(ByteSize left, ByteSize right) => left.Bytes <= right.Bytes;

    /// <summary>At least.</summary>
    public static bool operator >=(ByteSize left, ByteSize right) => left.Bytes >= right.Bytes;

    /// <summary>The largest exact unit: 64MB, 1536kB, 100B.</summary>
    public override string ToString()
    {
        foreach (var (shift, unit) in new[] { (40, "TB"), (30, "GB"), (20, "MB"), (10, "kB") })
        {
            if (Bytes != 0 && Bytes % (1L << shift) == 0)
            {
                return string.Create(CultureInfo.InvariantCulture, $"{Bytes >> shift}{unit}");
            }
        }

        return string.Create(CultureInfo.InvariantCulture, $"{Bytes}B");
    }

    [GeneratedRegex(@"^([0-9]+)(B|kB|KB|MB|GB|TB|KiB|MiB|GiB|TiB)$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
