using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ContractKit.Contracts.Documents;
using ContractKit.Contracts.Model.Datasets;
using ContractKit.Contracts.Model.Simulation;
using ContractKit.Contracts.Schemas;
using ContractKit.Contracts.Values;
using ContractKit.Mocks.Generation.Compilation;

namespace ContractKit.Mocks.Generation;

/// <summary>A contract violation put into a record on purpose.</summary>
/// <param name="Record">The broken record (a copy: the record given is left as it was).</param>
/// <param name="Kind">What was broken.</param>
/// <param name="Pointer">The JSON Pointer of what was broken (<c>/status</c>; for a missing property, its object: <c>""</c>).</param>
/// <param name="Keyword">
/// The schema keyword the record validator reports at <paramref name="Pointer"/> (<c>type</c>,
/// <c>required</c>, <c>additionalProperties</c>, <c>enum</c>, <c>format</c>); null for
/// <see cref="ViolationKind.EventTimeSkew"/>, which the schema accepts.
/// </param>
/// <param name="Description">What was done, for people and ledgers.</param>
public sealed record InjectedViolation(JsonObject Record, ViolationKind Kind, string Pointer, string? Keyword, string Description);

/// <summary>
/// Breaks valid records in the ways <see cref="ViolationKind"/> names, at a place chosen by a seed
/// among those the schema offers, so a test knows exactly which record, field and rule a consumer
/// should flag. Only places whose rule the validator reports there are used: properties reached
/// through <c>properties</c> and <c>items</c>, not through anyOf/oneOf/allOf/not/if.
/// </summary>
/// <remarks>
/// <see cref="ViolationKind.EventTimeSkew"/> moves the event time 5 to 30 years into the past or the
/// future. The value stays a valid date-time, so the record still satisfies the schema: it is a
/// semantic violation, which freshness and volume checks (and a consumer's sanity checks) catch, and
/// schema validation does not.
/// </remarks>
public sealed class ViolationInjector
{
    private const string ExtraName = "unexpected_field";

    private static readonly string[] Combinators =
        ["anyOf", "oneOf", "allOf", "not", "if", "dependentSchemas", "unevaluatedProperties", "unevaluatedItems", "$ref", "$dynamicRef"];

    private static readonly FrozenDictionary<string, string> Malformed = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["date-time"] = "2024-13-45T25:61:00Z",
        ["date"] = "2024-02-30",
        ["time"] = "25:61:00Z",
        ["duration"] = "P1H30",
        ["uuid"] = "not-a-uuid",
        ["email"] = "no-at-sign.example.com",
        ["idn-email"] = "no-at-sign.example.com",
        ["uri"] = "not a uri",
        ["iri"] = "not an iri",
        ["uri-reference"] = "has spaces and \\backslashes",
        ["iri-reference"] = "has spaces and \\backslashes",
        ["uri-template"] = "https://example.com/{unclosed",
        ["hostname"] = "-bad-.example..com",
        ["idn-hostname"] = "-bad-.example..com",
        ["ipv4"] = "256.1.1.1",
        ["ipv6"] = "12345::zz",
        ["json-pointer"] = "no-leading-slash",
        ["relative-json-pointer"] = "/not-relative",
        ["regex"] = "[unclosed",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private readonly JsonElement _schema;

    private ViolationInjector(DatasetSchema schema, FieldPath? eventTime)
    {
        _schema = schema.Inline();
        EventTimeField = eventTime;
    }

    /// <summary>The field <see cref="ViolationKind.EventTimeSkew"/> moves, if any.</summary>
    public FieldPath? EventTimeField { get; }

    /// <summary>An injector for a dataset's records.</summary>
    public static ViolationInjector For(Dataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return new ViolationInjector(dataset.Schema, dataset.EventTime);
    }

    /// <summary>An injector for records of <paramref name="schema"/>.</summary>
    /// <param name="schema">The schema.</param>
    /// <param name="eventTime">The event-time field, for <see cref="ViolationKind.EventTimeSkew"/>.</param>
    public static ViolationInjector For(DatasetSchema schema, FieldPath? eventTime = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return new ViolationInjector(schema, eventTime);
    }

    /// <summary>
    /// True when the schema offers something to break this way (an enum for unknownEnum, a closed
    /// object for extraField…). A record may still lack it (an optional field left out): then
    /// <see cref="Inject(JsonObject, ViolationKind, ulong)"/> returns null.
    /// </summary>
    public bool IsApplicable(ViolationKind kind)
    {
        if (kind == ViolationKind.EventTimeSkew)
        {
            return EventTimeField is not null;
        }

        var sites = new List<Site>();
        Walk(_schema, null, "", null, null, false, sites);
        return sites.Any(s => Offers(s, kind, schemaOnly: true));
    }

    /// <summary>Breaks a copy of <paramref name="record"/>; null when it offers nothing to break this way.</summary>
    /// <param name="record">A valid record.</param>
    /// <param name="kind">What to break.</param>
    /// <param name="seed">Chooses the place and the value.</param>
    public InjectedViolation? Inject(JsonObject record, ViolationKind kind, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(record);
        var copy = (JsonObject)record.DeepClone();
        var rng = new Prng(seed);
        if (kind == ViolationKind.EventTimeSkew)
        {
            return Skew(copy, ref rng);
        }

        var sites = new List<Site>();
        Walk(_schema, copy, "", null, null, false, sites);
        var candidates = sites.Where(s => s.Value is not null || s.Parent is JsonObject { } parent && parent.ContainsKey(s.Name!)).Where(s => Offers(s, kind, schemaOnly: false)).ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        var site = candidates[rng.Next(candidates.Count)];
        return kind switch
        {
            ViolationKind.WrongType => WrongType(copy, site),
            ViolationKind.MissingRequired => MissingRequired(copy, site, ref rng),
            ViolationKind.ExtraField => ExtraField(copy, site),
            ViolationKind.UnknownEnum => UnknownEnum(copy, site),
            ViolationKind.NullInRequired => NullInRequired(copy, site),
            ViolationKind.BadFormat => BadFormat(copy, site),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a violation kind"),
        };
    }

    /// <inheritdoc cref="Inject(JsonObject, ViolationKind, ulong)"/>
    public InjectedViolation? Inject(JsonElement record, ViolationKind kind, ulong seed) =>
        Inject(JsonObject.Create(record) ?? throw new ArgumentException("the record is not a JSON object", nameof(record)), kind, seed);

    /// <summary>A value in a record, with the subschema that describes it.</summary>
    private sealed record Site(JsonElement Schema, JsonNode? Value, string Pointer, JsonNode? Parent, string? Name, int Index, bool Required);

    // Schema-only (record null): every declared place. With a record: the places it has.
    private static void Walk(JsonElement schema, JsonNode? value, string pointer, JsonNode? parent, string? name, bool required, List<Site> sites, int index = -1, bool schemaOnly = false)
    {
        if (schema.ValueKind != JsonValueKind.Object || Combinators.Any(c => schema.TryGetProperty(c, out _)))
        {
            return;
        }

        schemaOnly |= parent is null && value is null && pointer.Length == 0;
        sites.Add(new Site(schema, value, pointer, parent, name, index, required));
        var requiredNames = schema.TryGetProperty("required", out var list) ? list.EnumerateArray().Select(r => r.GetString()).ToHashSet() : [];
        if (schema.TryGetProperty("properties", out var properties) && (schemaOnly || value is JsonObject))
        {
            foreach (var property in properties.EnumerateObject())
            {
                var child = value is JsonObject obj && obj.TryGetPropertyValue(property.Name, out var v) ? v : null;
                if (schemaOnly || (value is JsonObject o && o.ContainsKey(property.Name)))
                {
                    Walk(property.Value, child, JsonPointer.Append(pointer, property.Name), value, property.Name, requiredNames.Contains(property.Name), sites, schemaOnly: schemaOnly);
                }
            }
        }

        if (schema.TryGetProperty("items", out var items) && !schema.TryGetProperty("prefixItems", out _) && (schemaOnly || value is JsonArray { Count: > 0 }))
        {
            Walk(items, (value as JsonArray)?[0], pointer + "/0", value, null, false, sites, index: 0, schemaOnly: schemaOnly);
        }
    }

    // Schema-only: the schema offers the place. Otherwise the record has it, in a shape that can be broken.
    private static bool Offers(Site site, ViolationKind kind, bool schemaOnly)
    {
        var schema = site.Schema;
        var isProperty = site.Name is not null || site.Index >= 0;
        var isObject = schemaOnly || site.Value is JsonObject;
        return kind switch
        {
            ViolationKind.WrongType => isProperty && OtherType(schema) is not null,
            ViolationKind.MissingRequired => isObject && schema.TryGetProperty("required", out var required) &&
                required.EnumerateArray().Any(r => schemaOnly || ((JsonObject)site.Value!).ContainsKey(r.GetString()!)),
            ViolationKind.ExtraField => isObject && schema.TryGetProperty("additionalProperties", out var additional) &&
                additional.ValueKind == JsonValueKind.False && !schema.TryGetProperty("patternProperties", out _),
            ViolationKind.UnknownEnum => isProperty && schema.TryGetProperty("enum", out _) && OutsideEnum(schema) is not null,
            ViolationKind.NullInRequired => site.Required && Types(schema) is { } types && !types.HasFlag(JsonTypes.Null),
            ViolationKind.BadFormat => isProperty && schema.TryGetProperty("format", out var format) && Malformed.ContainsKey(format.GetString() ?? "") &&
                (schemaOnly || site.Value?.GetValueKind() == JsonValueKind.String),
            _ => false,
        };
    }

    private static JsonTypes? Types(JsonElement schema)
    {
        if (!schema.TryGetProperty("type", out var type))
        {
            return null;
        }

        return Constraints.TypesOf(type);
    }

    // A value of a type the schema does not allow.
    private static JsonNode? OtherType(JsonElement schema)
    {
        if (Types(schema) is not { } types)
        {
            return null;
        }

        if (!types.HasFlag(JsonTypes.String))
        {
            return JsonValue.Create("not-a-" + JsonTypeNames.Format(types).Replace(" | ", "-or-", StringComparison.Ordinal));
        }

        if (!types.HasFlag(JsonTypes.Integer))
        {
            return JsonValue.Create(12345);
        }

        if (!types.HasFlag(JsonTypes.Boolean))
        {
            return JsonValue.Create(true);
        }

        return !types.HasFlag(JsonTypes.Object) ? new JsonObject() : !types.HasFlag(JsonTypes.Array) ? new JsonArray() : null;
    }

    // A value of the enum's own type that the enum does not list.
    private static JsonValue? OutsideEnum(JsonElement schema)
    {
        var values = schema.GetProperty("enum").EnumerateArray().ToList();
        var types = Types(schema) ?? JsonTypes.Any;
        if (types.HasFlag(JsonTypes.String))
        {
            var text = "unknown_value";
            for (var i = 2; values.Any(v => v.ValueKind == JsonValueKind.String && v.GetString() == text); i++)
            {
                text = "unknown_value_" + i.ToString(CultureInfo.InvariantCulture);
            }

            return JsonValue.Create(text);
        }

        if (types.HasFlag(JsonTypes.Integer))
        {
            var numbers = values.Where(v => v.ValueKind == JsonValueKind.Number).Select(v => v.GetDecimal()).DefaultIfEmpty(0);
            return JsonValue.Create(decimal.Floor(numbers.Max()) + 1);
        }

        return null;
    }

    private static InjectedViolation WrongType(JsonObject record, Site site)
    {
        var replacement = OtherType(site.Schema)!;
        var before = Describe(site.Value);
        Set(site, replacement);
        return new InjectedViolation(record, ViolationKind.WrongType, site.Pointer, "type",
            $"{Field(site)} holds {replacement.ToJsonString()} ({Describe(replacement)}) instead of {before}");
    }

    private static InjectedViolation MissingRequired(JsonObject record, Site site, ref Prng rng)
    {
        var target = (JsonObject)site.Value!;
        var present = site.Schema.GetProperty("required").EnumerateArray().Select(r => r.GetString()!).Where(target.ContainsKey).ToList();
        var name = present[rng.Next(present.Count)];
        target.Remove(name);
        return new InjectedViolation(record, ViolationKind.MissingRequired, site.Pointer, "required",
            $"the required property '{name}' was removed from {(site.Pointer.Length == 0 ? "the record" : site.Pointer)}");
    }

    private static InjectedViolation ExtraField(JsonObject record, Site site)
    {
        var target = (JsonObject)site.Value!;
        var name = ExtraName;
        for (var i = 2; target.ContainsKey(name) || Declares(site.Schema, name); i++)
        {
            name = ExtraName + "_" + i.ToString(CultureInfo.InvariantCulture);
        }

        target[name] = "injected";
        var pointer = JsonPointer.Append(site.Pointer, name);
        return new InjectedViolation(record, ViolationKind.ExtraField, pointer, "additionalProperties",
            $"the property '{name}', which the schema does not allow, was added to {(site.Pointer.Length == 0 ? "the record" : site.Pointer)}");
    }

    private static bool Declares(JsonElement schema, string name) =>
        schema.TryGetProperty("properties", out var properties) && properties.TryGetProperty(name, out _);

    private static InjectedViolation UnknownEnum(JsonObject record, Site site)
    {
        var replacement = OutsideEnum(site.Schema)!;
        var before = site.Value?.ToJsonString() ?? "null";
        Set(site, replacement);
        return new InjectedViolation(record, ViolationKind.UnknownEnum, site.Pointer, "enum",
            $"{Field(site)} holds {replacement.ToJsonString()}, which its enum does not list (was {before})");
    }

    private static InjectedViolation NullInRequired(JsonObject record, Site site)
    {
        Set(site, null);
        return new InjectedViolation(record, ViolationKind.NullInRequired, site.Pointer, "type",
            $"the required {Field(site)} is null, which its type ({JsonTypeNames.Format(Types(site.Schema)!.Value)}) does not allow");
    }

    private static InjectedViolation BadFormat(JsonObject record, Site site)
    {
        var format = site.Schema.GetProperty("format").GetString()!;
        Set(site, JsonValue.Create(Malformed[format]));
        return new InjectedViolation(record, ViolationKind.BadFormat, site.Pointer, "format",
            $"{Field(site)} holds '{Malformed[format]}', which is not a valid {format}");
    }

    private InjectedViolation? Skew(JsonObject record, ref Prng rng)
    {
        if (EventTimeField is null)
        {
            return null;
        }

        JsonNode? parent = record;
        foreach (var segment in EventTimeField.Segments.SkipLast(1))
        {
            parent = parent is JsonObject o && o.TryGetPropertyValue(segment, out var next) ? next : null;
        }

        if (parent is not JsonObject owner || !owner.TryGetPropertyValue(EventTimeField.Name, out var value) ||
            value?.GetValueKind() != JsonValueKind.String ||
            !DateTimeOffset.TryParse(value.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            return null;
        }

        var years = (int)rng.Between(5, 30) * (rng.Chance(0.5) ? -1 : 1);
        var skewed = time.UtcDateTime.AddYears(years);
        var text = skewed.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture) + "Z";
        owner[EventTimeField.Name] = text;
        return new InjectedViolation(record, ViolationKind.EventTimeSkew, EventTimeField.ToRecordPointer(), null,
            $"the event time {EventTimeField} moved {Math.Abs(years)} years into the {(years < 0 ? "past" : "future")}: {value.GetValue<string>()} → {text} (still a valid date-time; freshness and volume checks catch it)");
    }

    private static void Set(Site site, JsonNode? value)
    {
        switch (site.Parent)
        {
            case JsonObject parent:
                parent[site.Name!] = value;
                break;
            case JsonArray array:
                array[site.Index] = value;
                break;
            default:
                throw new InvalidOperationException("the record itself cannot be replaced");
        }
    }

    private static string Field(Site site) => site.Name is null ? $"the item at {site.Pointer}" : $"the field {site.Pointer}";

    private static string Describe(JsonNode? value) => value?.GetValueKind() switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        _ => "null",
    };
}
