using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using ContractKit.Contracts.Documents;
using ContractKit.Contracts.Schemas;
using ContractKit.Contracts.Validation.Compilation.Checks;
using ContractKit.Contracts.Validation.Formats;

namespace ContractKit.Contracts.Validation.Compilation;

/// <summary>Raised while compiling when a schema needs a keyword the compiled validator does not implement.</summary>
internal sealed class UnsupportedKeywordException(string keyword)
    : Exception($"the compiled validator does not implement {keyword}")
{
    public string Keyword { get; } = keyword;
}

/// <summary>
/// Compiles JSON Schema 2020-12 into <see cref="CompiledSchema"/> trees, once per schema location,
/// so a <c>$ref</c> cycle compiles into a cycle of nodes rather than an endless expansion.
/// </summary>
internal sealed class SchemaCompiler(SchemaRegistry registry, string rootDocument, bool assertFormats)
{
    /// <summary>Keywords that need annotation tracking or dynamic scope; schemas using them are delegated.</summary>
    public static readonly IReadOnlySet<string> Delegated = new HashSet<string>(StringComparer.Ordinal)
    {
        "unevaluatedProperties", "unevaluatedItems", "$dynamicRef", "$dynamicAnchor", "$recursiveRef", "$recursiveAnchor", "$vocabulary",
    };

    private static readonly HashSet<string> Dialects =
        ["https://json-schema.org/draft/2020-12/schema", "https://json-schema.org/draft/2020-12/schema#"];

    private readonly Dictionary<string, CompiledSchema> _compiled = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Regex> _patterns = new(StringComparer.Ordinal);

    public CompiledSchema Compile(SchemaEntry entry)
    {
        if (_compiled.TryGetValue(entry.Key, out var known))
        {
            return known;
        }

        var node = new CompiledSchema(Display(entry.Key));
        _compiled[entry.Key] = node;
        switch (entry.Element.ValueKind)
        {
            case JsonValueKind.True:
                node.CompleteConstant(true);
                return node;
            case JsonValueKind.False:
                node.CompleteConstant(false);
                return node;
            case JsonValueKind.Object:
                node.Complete(Checks(entry, node.Location), entry.Element.TryGetProperty("x-pii", out var pii) && pii.ValueKind == JsonValueKind.True);
                return node;
            default:
                throw new InvalidSchemaException($"{node.Location} is {entry.Element.ValueKind.ToString().ToLowerInvariant()}, not a schema");
        }
    }

    private string Display(string key)
    {
        var (document, pointer) = SchemaUri.Split(key);
        return document == rootDocument ? "#" + pointer : $"{Path.GetFileName(new Uri(document).AbsolutePath)}#{pointer}";
    }

    private List<Check> Checks(SchemaEntry entry, string location)
    {
        var schema = entry.Element;
        foreach (var property in schema.EnumerateObject())
        {
            if (Delegated.Contains(property.Name))
            {
                throw new UnsupportedKeywordException(property.Name);
            }
        }

        if (schema.TryGetProperty("$schema", out var dialect) && !Dialects.Contains(dialect.GetString() ?? ""))
        {
            throw new UnsupportedKeywordException($"$schema {dialect.GetString()}");
        }

        var checks = new List<Check>();
        if (schema.TryGetProperty("$ref", out var reference))
        {
            var target = registry.Resolve(entry.BaseUri, reference.GetString() ?? "");
            if (target is null && SchemaUri.TryResolve(entry.BaseUri, reference.GetString() ?? "", out var absolute) &&
                absolute.StartsWith("https://json-schema.org/", StringComparison.Ordinal))
            {
                // The meta-schemas are built on $dynamicRef and vocabularies: JsonSchema.Net carries them.
                throw new UnsupportedKeywordException("$ref to a JSON Schema meta-schema");
            }

            if (target is null)
            {
                throw new InvalidSchemaException($"{location}/$ref: '{reference.GetString()}' does not resolve");
            }

            checks.Add(new RefCheck(Compile(target)));
        }

        if (schema.TryGetProperty("type", out var type))
        {
            checks.Add(new TypeCheck(Types(type), location + "/type"));
        }

        if (schema.TryGetProperty("enum", out var values))
        {
            checks.Add(new EnumCheck(values, location + "/enum"));
        }

        if (schema.TryGetProperty("const", out var constant))
        {
            checks.Add(new ConstCheck(constant, location + "/const"));
        }

        AddNumberCheck(schema, location, checks);
        AddStringCheck(schema, location, checks);
        AddArrayCheck(entry, location, checks);
        AddObjectCheck(entry, location, checks);
        AddCombinators(entry, location, checks);
        return checks;
    }

    private static JsonTypes Types(JsonElement type) =>
        type.ValueKind == JsonValueKind.Array
            ? type.EnumerateArray().Aggregate(JsonTypes.None, (all, t) => all | JsonTypeNames.Parse(t.GetString() ?? ""))
            : JsonTypeNames.Parse(type.GetString() ?? "");

    private static void AddNumberCheck(JsonElement schema, string location, List<Check> checks)
    {
        JsonNumber? Read(string keyword) =>
            schema.TryGetProperty(keyword, out var value) && value.ValueKind == JsonValueKind.Number ? JsonNumber.From(value) : null;

        var (minimum, maximum, exclusiveMinimum, exclusiveMaximum, multipleOf) =
            (Read("minimum"), Read("maximum"), Read("exclusiveMinimum"), Read("exclusiveMaximum"), Read("multipleOf"));
        if (minimum is not null || maximum is not null || exclusiveMinimum is not null || exclusiveMaximum is not null || multipleOf is not null)
        {
            checks.Add(new NumberCheck(minimum, maximum, exclusiveMinimum, exclusiveMaximum, multipleOf, location));
        }
    }

    private void AddStringCheck(JsonElement schema, string location, List<Check> checks)
    {
        var minLength = Count(schema, "minLength");
        var maxLength = Count(schema, "maxLength");
        var patternText = schema.TryGetProperty("pattern", out var p) ? p.GetString() : null;
        Func<string, bool>? format = null;
        string? formatName = null;

        // Unknown formats are annotations (the linter rejects them in contracts; the validator cannot check them).
        if (assertFormats && schema.TryGetProperty("format", out var f) && f.GetString() is { } name && FormatCheckers.TryGet(name, out var check))
        {
            format = check;
            formatName = name;
        }

        if (minLength is not null || maxLength is not null || patternText is not null || format is not null)
        {
            checks.Add(new StringCheck(minLength, maxLength, patternText is null ? null : Pattern(patternText), patternText, format, formatName, location));
        }
    }

    private void AddArrayCheck(SchemaEntry entry, string location, List<Check> checks)
    {
        var schema = entry.Element;
        var prefixItems = schema.TryGetProperty("prefixItems", out var prefix)
            ? prefix.EnumerateArray().Select((item, i) => Child(entry, item, $"/prefixItems/{i}")).ToArray()
            : [];
        var items = schema.TryGetProperty("items", out var itemsSchema) ? Child(entry, itemsSchema, "/items") : null;
        var contains = schema.TryGetProperty("contains", out var containsSchema) ? Child(entry, containsSchema, "/contains") : null;
        var minContains = Count(schema, "minContains");
        var maxContains = Count(schema, "maxContains");
        var minItems = Count(schema, "minItems");
        var maxItems = Count(schema, "maxItems");
        var unique = schema.TryGetProperty("uniqueItems", out var u) && u.ValueKind == JsonValueKind.True;
        if (prefixItems.Length > 0 || items is not null || contains is not null || minItems is not null || maxItems is not null || unique)
        {
            checks.Add(new ArrayCheck(prefixItems, items, contains, minContains ?? 1, maxContains, minItems, maxItems, unique, location));
        }
    }

    private void AddObjectCheck(SchemaEntry entry, string location, List<Check> checks)
    {
        var schema = entry.Element;
        var properties = schema.TryGetProperty("properties", out var props)
            ? props.EnumerateObject().Select(p => (p.Name, Child(entry, p.Value, "/properties/" + Escape(p.Name)))).ToArray()
            : [];
        var patternProperties = schema.TryGetProperty("patternProperties", out var patterns)
            ? patterns.EnumerateObject().Select(p => (Pattern(p.Name), Child(entry, p.Value, "/patternProperties/" + Escape(p.Name)))).ToArray()
            : [];
        var additional = schema.TryGetProperty("additionalProperties", out var add) ? Child(entry, add, "/additionalProperties") : null;
        var required = schema.TryGetProperty("required", out var req) ? req.EnumerateArray().Select(r => r.GetString()!).ToArray() : [];
        var propertyNames = schema.TryGetProperty("propertyNames", out var names) ? Child(entry, names, "/propertyNames") : null;
        var dependentRequired = schema.TryGetProperty("dependentRequired", out var dr)
            ? dr.EnumerateObject().Select(d => (d.Name, d.Value.EnumerateArray().Select(v => v.GetString()!).ToArray())).ToArray()
            : [];
        var dependentSchemas = schema.TryGetProperty("dependentSchemas", out var ds)
            ? ds.EnumerateObject().Select(d => (d.Name, Child(entry, d.Value, "/dependentSchemas/" + Escape(d.Name)))).ToArray()
            : [];
        var (minProperties, maxProperties) = (Count(schema, "minProperties"), Count(schema, "maxProperties"));
        if (properties.Length > 0 || patternProperties.Length > 0 || additional is not null || required.Length > 0 || propertyNames is not null ||
            dependentRequired.Length > 0 || dependentSchemas.Length > 0 || minProperties is not null || maxProperties is not null)
        {
            checks.Add(new ObjectCheck(properties, patternProperties, additional, required, minProperties, maxProperties, propertyNames, dependentRequired, dependentSchemas, location));
        }
    }

    private void AddCombinators(SchemaEntry entry, string location, List<Check> checks)
    {
        var schema = entry.Element;
        CompiledSchema[] Many(string keyword) =>
            schema.TryGetProperty(keyword, out var list) ? [.. list.EnumerateArray().Select((s, i) => Child(entry, s, $"/{keyword}/{i}"))] : [];

        if (Many("allOf") is { Length: > 0 } all)
        {
            checks.Add(new AllOfCheck(all));
        }

        if (Many("anyOf") is { Length: > 0 } any)
        {
            checks.Add(new AnyOfCheck(any, location + "/anyOf"));
        }

        if (Many("oneOf") is { Length: > 0 } one)
        {
            checks.Add(new OneOfCheck(one, location + "/oneOf"));
        }

        if (schema.TryGetProperty("not", out var not))
        {
            checks.Add(new NotCheck(Child(entry, not, "/not"), location + "/not"));
        }

        if (schema.TryGetProperty("if", out var condition))
        {
            var then = schema.TryGetProperty("then", out var t) ? Child(entry, t, "/then") : null;
            var otherwise = schema.TryGetProperty("else", out var e) ? Child(entry, e, "/else") : null;
            if (then is not null || otherwise is not null)
            {
                checks.Add(new IfThenElseCheck(Child(entry, condition, "/if"), then, otherwise));
            }
        }
    }

    /// <summary>A subschema: the registry knows its base URI when the walk reached it.</summary>
    private CompiledSchema Child(SchemaEntry parent, JsonElement element, string relativePointer)
    {
        var key = parent.Key + relativePointer;
        var entry = registry.Get(key) ?? new SchemaEntry(element, parent.BaseUri, key);
        return Compile(entry);
    }

    private Regex Pattern(string pattern)
    {
        if (!_patterns.TryGetValue(pattern, out var regex))
        {
            try
            {
                regex = EcmaRegex.Create(pattern);
            }
            catch (ArgumentException e)
            {
                throw new InvalidSchemaException($"'{pattern}' is not a valid regular expression: {e.Message}");
            }

            _patterns[pattern] = regex;
        }

        return regex;
    }

    private static int? Count(JsonElement schema, string keyword) =>
        schema.TryGetProperty(keyword, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var count)
            ? (int)Math.Min(count, int.MaxValue)
            : null;

    private static string Escape(string name) => JsonPointer.Append("", name)[1..];
}

/// <summary>A schema that cannot be compiled at all (a $ref to nowhere, a broken regex).</summary>
public sealed class InvalidSchemaException(string message) : Exception(message);
