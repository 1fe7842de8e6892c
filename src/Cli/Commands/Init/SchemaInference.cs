using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using NJsonSchema;

namespace ContractKit.Cli.Commands.Init;

/// <summary>A JSON Schema 2020-12 inferred from sample values: only the keywords inference can justify.</summary>
/// <param name="Types">The JSON types seen (<c>null</c> last); empty when nothing but null was seen.</param>
/// <param name="Format">A format every string value has, or null.</param>
/// <param name="Properties">For objects: each property, in the order the sample writes them.</param>
/// <param name="Required">For objects: the properties every object has.</param>
/// <param name="Items">For arrays: the schema of every item, or null when every array was empty.</param>
/// <param name="Comment">What the sample could not tell, for the person completing the draft.</param>
internal sealed record InferredSchema(
    ImmutableArray<string> Types,
    string? Format,
    ImmutableArray<InferredProperty> Properties,
    ImmutableArray<string> Required,
    InferredSchema? Items,
    string? Comment)
{
    /// <summary>Every property name in the schema, nested ones included, with the path to it.</summary>
    public IEnumerable<(string Path, string Name)> PropertyNames(string path = "$")
    {
        foreach (var property in Properties)
        {
            var inner = $"{path}[{System.Text.Json.JsonSerializer.Serialize(property.Name)}]";
            yield return (inner, property.Name);
            foreach (var nested in property.Schema.PropertyNames(inner))
            {
                yield return nested;
            }
        }

        foreach (var nested in Items?.PropertyNames(path + "[*]") ?? [])
        {
            yield return nested;
        }
    }

    /// <summary>True when the schema is one JSON type, not null, with no other keyword.</summary>
    public bool IsExactly(string type, string? format) => Types is [var only] && only == type && Format == format;
}

/// <summary>A property of an inferred object schema.</summary>
internal sealed record InferredProperty(string Name, InferredSchema Schema);

/// <summary>
/// Infers a record schema from sample records. NJsonSchema's sample-to-schema drafts it (property
/// order, nested objects, its date and date-time guesses); then every place is fitted to the values
/// the sample really holds, because NJsonSchema looks at one value per field: it types a field from
/// its first value (<c>2</c> then <c>2.5</c> stays integer, a later <c>null</c> is rejected), marks
/// nothing required, and can reuse one object schema for two different objects. After fitting,
/// the schema accepts every sample record.
/// </summary>
internal static partial class SchemaInference
{
    public static InferredSchema Infer(IReadOnlyList<JsonElement> records)
    {
        JsonSchema? draft;
        try
        {
            draft = JsonSchema.FromSampleJson("[" + string.Join(",", records.Select(r => r.GetRawText())) + "]");
        }
        catch (Newtonsoft.Json.JsonException)
        {
            draft = null; // deeper than Json.NET reads: fit from the values alone
        }

        return Fit(draft?.Item, records);
    }

    private static InferredSchema Fit(JsonSchema? hint, IReadOnlyList<JsonElement> values)
    {
        hint = hint?.ActualSchema;
        var kinds = values.Select(KindOf).ToHashSet(StringComparer.Ordinal);
        if (kinds.Contains("number"))
        {
            kinds.Remove("integer");
        }

        var concrete = Order.Where(kinds.Contains).ToList();
        var types = kinds.Contains("null") && concrete.Count > 0 ? [.. concrete, "null"] : concrete.ToImmutableArray();
        var objects = values.Where(v => v.ValueKind == JsonValueKind.Object).ToList();
        var arrays = values.Where(v => v.ValueKind == JsonValueKind.Array).ToList();
        var strings = values.Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToList();

        var (properties, required) = objects.Count > 0 ? FitProperties(hint, objects) : ([], []);
        var elements = arrays.SelectMany(a => a.EnumerateArray()).ToList();
        var items = elements.Count > 0 ? Fit(hint?.Item, elements) : null;
        var comment = concrete.Count == 0 ? "only null in the sample: give it a type"
            : arrays.Count > 0 && elements.Count == 0 ? "only empty arrays in the sample: describe the items"
            : null;
        var format = strings.Count > 0 && strings.Count == values.Count(v => v.ValueKind != JsonValueKind.Null) ? FormatOf(hint?.Format, strings) : null;
        return new InferredSchema(types, format, properties, required, items, comment);
    }

    private static readonly string[] Order = ["object", "array", "string", "integer", "number", "boolean"];

    private static (ImmutableArray<InferredProperty>, ImmutableArray<string>) FitProperties(JsonSchema? hint, List<JsonElement> objects)
    {
        // NJsonSchema's order first, then anything it missed, in the order the sample has it.
        var seen = objects.SelectMany(o => o.EnumerateObject().Select(p => p.Name)).Distinct(StringComparer.Ordinal).ToList();
        var names = (hint?.ActualProperties.Keys ?? []).Where(seen.Contains).Concat(seen).Distinct(StringComparer.Ordinal).ToList();
        var properties = names.Select(name =>
        {
            var values = objects.Where(o => o.TryGetProperty(name, out _)).Select(o => o.GetProperty(name)).ToList();
            var propertyHint = hint?.ActualProperties.GetValueOrDefault(name);
            return new InferredProperty(name, Fit(propertyHint, values));
        });
        var required = names.Where(name => objects.All(o => o.TryGetProperty(name, out _)));
        return ([.. properties], [.. required]);
    }

    private static string KindOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        // Written with a fraction or exponent, a number is meant as one even when it is whole (2.0).
        JsonValueKind.Number => value.GetRawText().AsSpan().IndexOfAny(".eE") < 0 ? "integer" : "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => "null",
    };

    // NJsonSchema's guess when every value has it, else date-time, date or uuid when every value is one.
    private static string? FormatOf(string? guess, List<string> values)
    {
        var candidates = new[] { guess == "guid" ? "uuid" : guess, "date-time", "date", "uuid" };
        return candidates.FirstOrDefault(format => format is not null && values.All(v => Has(format, v)));
    }

    private static bool Has(string format, string value) => format switch
    {
        "date-time" => DateTimePattern().IsMatch(value) && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        "date" => DatePattern().IsMatch(value) && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        "uuid" => value.Length == 36 && Guid.TryParseExact(value, "D", out _),
        _ => false,
    };

    // RFC 3339 date-time, as JSON Schema's format means it: a T, seconds, and Z or an offset.
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex DateTimePattern();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();
}
