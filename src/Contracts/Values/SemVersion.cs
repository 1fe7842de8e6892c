using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ContractKit.Contracts.Values;

/// <summary>A Semantic Versioning 2.0.0 version, ordered by semver precedence (build metadata ignored).</summary>
public sealed partial class SemVersion : IComparable<SemVersion>, IEquatable<SemVersion>
{
    private SemVersion(int major, int minor, int patch, ImmutableArray<string> prerelease, string build)
    {
        Major = major;
        Minor = minor;
        Patch = patch;
        Prerelease = prerelease;
        Build = build;
    }

    /// <summary>The major version: a breaking change raises it.</summary>
    public int Major { get; }

    /// <summary>The minor version: a compatible addition raises it.</summary>
    public int Minor { get; }

    /// <summary>The patch version: a change that alters no promise raises it.</summary>
    public int Patch { get; }

    /// <summary>Pre-release identifiers (<c>rc</c>, <c>1</c> in <c>2.0.0-rc.1</c>); empty for a release.</summary>
    public ImmutableArray<string> Prerelease { get; }

    /// <summary>Build metadata after <c>+</c>; ignored by ordering.</summary>
    public string Build { get; }

    /// <summary>True for a pre-release.</summary>
    public bool IsPrerelease => !Prerelease.IsEmpty;

    /// <summary>Creates a release version.</summary>
    public static SemVersion Create(int major, int minor, int patch) =>
        major < 0 || minor < 0 || patch < 0
            ? throw new ArgumentOutOfRangeException(nameof(major), "version numbers are not negative")
            : new SemVersion(major, minor, patch, [], "");

    /// <summary>Parses <c>2.1.0</c>, <c>2.0.0-rc.1</c>, <c>1.0.0+build.5</c>.</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="value">The version, when the text is one.</param>
    /// <param name="error">Why the text is not a version.</param>
    public static bool TryParse(string text, out SemVersion? value, out string? error)
    {
        value = null;
        var match = Pattern().Match(text);
        if (!match.Success ||
            !int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var major) ||
            !int.TryParse(match.Groups[2].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var minor) ||
            !int.TryParse(match.Groups[3].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var patch))
        {
            error = $"'{text}' is not a semantic version: write MAJOR.MINOR.PATCH, e.g. 2.1.0";
            return false;
        }

        var prerelease = match.Groups[4].Success ? match.Groups[4].Value.Split('.').ToImmutableArray() : [];
        value = new SemVersion(major, minor, patch, prerelease, match.Groups[5].Value);
        error = null;
        return true;
    }

    /// <summary>Parses or throws <see cref="FormatException"/>; for code and tests, not user input.</summary>
    public static SemVersion Parse(string text) =>
        TryParse(text, out var value, out var error) ? value! : throw new FormatException(error);

    /// <inheritdoc />
    public override string ToString() =>
        $"{Major}.{Minor}.{Patch}" + (IsPrerelease ? "-" + string.Join('.', Prerelease) : "") + (Build.Length > 0 ? "+" + Build : "");

    /// <inheritdoc />
    public int CompareTo(SemVersion? other)
    {
        if (other is null)
        {
            return 1;
        }

        var byNumbers = (Major, Minor, Patch).CompareTo((other.Major, other.Minor, other.Patch));
        if (byNumbers != 0)
        {
            return byNumbers;
        }

        // A release outranks its pre-releases; pre-releases compare identifier by identifier.
        if (IsPrerelease != other.IsPrerelease)
        {
            return IsPrerelease ? -1 : 1;
        }

        for (var i = 0; i < Math.Min(Prerelease.Length, other.Prerelease.Length); i++)
        {
            var a = Prerelease[i];
            var b = other.Prerelease[i];
            var aNumeric = long.TryParse(a, NumberStyles.None, CultureInfo.InvariantCulture, out var an);
            var bNumeric = long.TryParse(b, NumberStyles.None, CultureInfo.InvariantCulture, out var bn);
            var byPart = (aNumeric, bNumeric) switch
            {
                (true, true) => an.CompareTo(bn),
                (true, false) => -1,
                (false, true) => 1,
                _ => string.CompareOrdinal(a, b),
            };
            if (byPart != 0)
            {
                return byPart;
            }
        }

        return Prerelease.Length.CompareTo(other.Prerelease.Length);
    }

    /// <inheritdoc />
    public bool Equals(SemVersion? other) => other is not null && CompareTo(other) == 0;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is SemVersion other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Major, Minor, Patch, string.Join('.', Prerelease));

    /// <summary>Equality by precedence.</summary>
    public static bool operator ==(SemVersion? left, SemVersion? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Inequality by precedence.</summary>
    public static bool operator !=(SemVersion? left, SemVersion? right) => !(left == right);

    /// <summary>Lower precedence.</summary>
    public static bool operator <(SemVersion left, SemVersion right) => left.CompareTo(right) < 0;

    /// <summary>Higher precedence.</summary>
    public static bool operator >(SemVersion left, SemVersion right) => left.CompareTo(right) > 0;

    /// <summary>Lower or equal precedence.</summary>
    public static bool operator <=(SemVersion left, SemVersion right) => left.CompareTo(right) <= 0;

    /// <summary>Higher or equal precedence.</summary>
    public static bool operator >=(SemVersion left, SemVersion right) => left.CompareTo(right) >= 0;

    // The official semver.org regular expression.
    [GeneratedRegex(@"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
