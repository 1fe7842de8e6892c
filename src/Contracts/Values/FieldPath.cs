using System.Collections.Immutable;
using System.Text.Json;
using ContractKit.Contracts.Documents;

namespace ContractKit.Contracts.Values;

/// <summary>
/// A field of a record: a top-level property (<c>order_id</c>) or a nested one, with dots
/// (<c>customer.email</c>). Keys, event time and quality checks name fields this way.
/// </summary>
public sealed class FieldPath : IEquatable<FieldPath>
{
    private FieldPath(ImmutableArray<string> segments) => Segments = segments;

    /// <summary>The property names from the record's root.</summary>
    public ImmutableArray<string> Segments { get; }

    /// <summary>The last property name.</summary>
    public string Name => Segments[^1];

    /// <summary>True for a top-level property.</summary>
    public bool IsTopLevel => Segments.Length == 1;

    /// <summary>Parses <c>a</c> or <c>a.b.c</c>.</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="value">The path, when the text is one.</param>
    /// <param name="error">Why the text is not a path.</param>
    public static bool TryParse(string text, out FieldPath? value, out string? error)
    {
        value = null;
        var segments = text.Split('.');
        if (text.Length == 0 || segments.Any(s => s.Length == 0 || s.Trim() != s))
        {
            error = $"'{text}' is not a field name: write a property name, or names joined by dots for nested fields";
            return false;
        }

        value = new FieldPath([.. segments]);
        error = null;
        return true;
    }

    /// <summary>
    /// A path from property names exactly as a schema declares them. Unlike <see cref="TryParse"/>
    /// it accepts any name (empty, padded, dotted): schemas may use them; contracts cannot name them.
    /// </summary>
    internal static FieldPath FromSegments(IEnumerable<string> segments) => new([.. segments]);

    /// <summary>Parses or throws <see cref="FormatException"/>; for code and tests, not user input.</summary>
    public static FieldPath Parse(string text) =>
        TryParse(text, out var value, out var error) ? value! : throw new FormatException(error);

    /// <summary>The JSON Pointer of the field's value inside a record (<c>/customer/email</c>).</summary>
    public string ToRecordPointer() => Segments.Aggregate(JsonPointer.Root, JsonPointer.Append);

    /// <summary>The field's value inside <paramref name="record"/>; false when a segment is missing or not an object.</summary>
    public bool TryFind(JsonElement record, out JsonElement value)
    {
        value = record;
        foreach (var segment in Segments)
        {
            if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty(segment, out value))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override string ToString() => string.Join('.', Segments);

    /// <inheritdoc />
    public bool Equals(FieldPath? other) => other is not null && Segments.SequenceEqual(other.Segments, StringComparer.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is FieldPath other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToString());
}
