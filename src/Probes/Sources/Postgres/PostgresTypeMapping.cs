using System.Collections.Frozen;
using System.Collections.Immutable;
using ContractKit.Contracts.Schemas;
using ContractKit.Probes.Sources.Postgres.Internal;

namespace ContractKit.Probes.Sources.Postgres;

/// <summary>How well a column's type fits a schema field.</summary>
internal enum TypeFit
{
    /// <summary>Every value the column can hold is a value the field accepts (as far as types and formats go).</summary>
    Match,

    /// <summary>The values fit, with a caveat (no UTC offset) or the probe cannot tell (an unmapped type): compatible drift, a warning.</summary>
    Caveat,

    /// <summary>The column can hold values the field rejects: breaking.</summary>
    Mismatch,
}

/// <summary>A verdict and, unless it is a match, why.</summary>
/// <param name="Fit">The verdict.</param>
/// <param name="Reason">Why, for the finding; null for a match.</param>
internal sealed record TypeVerdict(TypeFit Fit, string? Reason);

/// <summary>
/// What a PostgreSQL type's values look like in a JSON record: their JSON type and, for strings, the
/// JSON Schema formats they satisfy.
/// </summary>
/// <param name="Json">The JSON type of the values (json/jsonb: object or array).</param>
/// <param name="FreeText">True for text types: any string format fits, since the database stores whatever string it is given.</param>
/// <param name="Formats">For typed strings, the formats they satisfy: null value when exactly, else the caveat.</param>
internal sealed record ColumnShape(JsonTypes Json, bool FreeText, ImmutableDictionary<string, string?> Formats);

/// <summary>
/// The JSON-Schema ↔ PostgreSQL type mapping, in one place (the README's table says the same). A
/// column fits a field when every value of the column, written as JSON the way <c>to_jsonb</c>
/// writes it, has a type the field allows: <c>int4</c> values are integers, <c>numeric</c> values
/// are numbers that may have fractions, <c>timestamptz</c> values are date-time strings, and so on.
/// Nullability is compared separately.
/// </summary>
internal static class PostgresTypeMapping
{
    private const string NoOffset = "has no UTC offset; the probe reads its values as UTC, and records written from it carry no offset";

    private static readonly ColumnShape Text = new(JsonTypes.String, true, ImmutableDictionary<string, string?>.Empty);

    /// <summary>Shapes by the base type's <c>pg_type.typname</c>. Arrays, composites and enums are recognized by kind instead.</summary>
    internal static FrozenDictionary<string, ColumnShape> ByTypeName { get; } = new Dictionary<string, ColumnShape>(StringComparer.Ordinal)
    {
        ["bool"] = Shape(JsonTypes.Boolean),
        ["int2"] = Shape(JsonTypes.Integer),
        ["int4"] = Shape(JsonTypes.Integer),
        ["int8"] = Shape(JsonTypes.Integer),
        ["numeric"] = Shape(JsonTypes.Number),
        ["float4"] = Shape(JsonTypes.Number),
        ["float8"] = Shape(JsonTypes.Number),
        ["text"] = Text,
        ["varchar"] = Text,
        ["bpchar"] = Text,
        ["char"] = Text,
        ["name"] = Text,
        ["citext"] = Text,
        ["uuid"] = Typed(("uuid", null)),
        ["timestamptz"] = Typed(("date-time", null)),
        ["timestamp"] = Typed(("date-time", $"timestamp without time zone {NoOffset}")),
        ["date"] = Typed(("date", null)),
        ["timetz"] = Typed(("time", null)),
        ["time"] = Typed(("time", $"time without time zone {NoOffset}")),
        ["interval"] = Typed(("duration", "intervals are written in PostgreSQL's interval style; ISO 8601 durations only with IntervalStyle = iso_8601")),
        ["inet"] = Typed(("ipv4", "inet holds IPv4 and IPv6 addresses, optionally with a netmask"), ("ipv6", "inet holds IPv4 and IPv6 addresses, optionally with a netmask")),
        ["json"] = Shape(JsonTypes.Object | JsonTypes.Array),
        ["jsonb"] = Shape(JsonTypes.Object | JsonTypes.Array),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The shape of a column's values, or null when the probe does not map its type.</summary>
    public static ColumnShape? ShapeOf(ColumnFacts column) => column switch
    {
        { Category: 'A' } => Shape(JsonTypes.Array),
        { TypeType: 'c' } => Shape(JsonTypes.Object),
        { TypeType: 'e' } => Text,
        { NumericScale: 0 } => Shape(JsonTypes.Integer),
        _ => ByTypeName.GetValueOrDefault(column.TypeName),
    };

    /// <summary>How the column's type fits the field's types, format and enum.</summary>
    public static TypeVerdict Compare(SchemaField field, ColumnFacts column)
    {
        var wanted = field.Types & ~JsonTypes.Null;
        if (wanted == JsonTypes.None || (wanted | JsonTypes.Null) == JsonTypes.Any)
        {
            return new TypeVerdict(TypeFit.Match, null);
        }

        if (ShapeOf(column) is not { } shape)
        {
            return new TypeVerdict(TypeFit.Caveat, $"the probe does not map the PostgreSQL type {column.DisplayType} to JSON types, so it was not compared with {Describe(field)}");
        }

        var fits = shape.Json switch
        {
            JsonTypes.Integer => (wanted & (JsonTypes.Integer | JsonTypes.Number)) != 0,
            JsonTypes.Number => wanted.HasFlag(JsonTypes.Number),
            _ => (wanted & shape.Json) != 0,
        };
        if (!fits)
        {
            var why = shape.Json == JsonTypes.Number && wanted.HasFlag(JsonTypes.Integer)
                ? "its values may have fractions"
                : shape.Json == (JsonTypes.Object | JsonTypes.Array) ? "its values are JSON documents (objects or arrays)"
                : $"its values are JSON {JsonTypeNames.Format(shape.Json)}s";
            return new TypeVerdict(TypeFit.Mismatch, $"{column.DisplayType} does not fit {Describe(field)}: {why}");
        }

        if (shape.Json == JsonTypes.String && field.Format is { } format && !shape.FreeText)
        {
            if (!shape.Formats.TryGetValue(format, out var caveat))
            {
                return new TypeVerdict(TypeFit.Mismatch, $"{column.DisplayType} values are not {format} strings");
            }

            if (caveat is not null)
            {
                return new TypeVerdict(TypeFit.Caveat, caveat);
            }
        }

        if (!column.EnumLabels.IsEmpty && !field.EnumValues.IsEmpty)
        {
            var extra = column.EnumLabels.Where(label => !field.EnumValues.Contains(label, StringComparer.Ordinal)).ToList();
            if (extra.Count > 0)
            {
                return new TypeVerdict(TypeFit.Mismatch,
                    $"the enum type {column.DisplayType} allows {string.Join(", ", extra.Select(v => $"'{v}'"))}, which the field's enum does not");
            }
        }

        return new TypeVerdict(TypeFit.Match, null);
    }

    private static string Describe(SchemaField field) =>
        $"the field's type {JsonTypeNames.Format(field.Types)}{(field.Format is null ? "" : $" ({field.Format})")}";

    private static ColumnShape Shape(JsonTypes json) => new(json, false, ImmutableDictionary<string, string?>.Empty);

    private static ColumnShape Typed(params (string Format, string? Caveat)[] formats) =>
        new(JsonTypes.String, false, formats.ToImmutableDictionary(f => f.Format, f => f.Caveat, StringComparer.Ordinal));
}
