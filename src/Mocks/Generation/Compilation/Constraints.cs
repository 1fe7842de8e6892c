using System.Globalization;
using System.Text.Json;
using ContractKit.Contracts.Documents;
using ContractKit.Contracts.Schemas;

namespace ContractKit.Mocks.Generation.Compilation;

/// <summary>A subschema and where it is in the inlined dataset schema (<c>#/properties/items/items</c>).</summary>
internal sealed record Source(JsonElement Schema, string Location)
{
    public bool IsFalse => Schema.ValueKind == JsonValueKind.False;
}

/// <summary>A choice between ways of satisfying a schema: the branches of anyOf/oneOf, if/then/else, a dependent schema.</summary>
/// <param name="Options">Each option: the schemas to satisfy and the ones the value must then not satisfy.</param>
/// <param name="Keyword">The keyword, for messages.</param>
internal sealed record Disjunction(IReadOnlyList<(IReadOnlyList<Source> Satisfy, IReadOnlyList<Source> Avoid, string? Require, string? Forbid)> Options, string Keyword);

/// <summary>prefixItems/items of one schema.</summary>
internal sealed record ArrayFacet(IReadOnlyList<Source> Prefix, Source? Items);

/// <summary>contains with its counts.</summary>
internal sealed record ContainsRule(Source Schema, int Min, int? Max);

/// <summary>properties/patternProperties/additionalProperties of one schema.</summary>
internal sealed record ObjectFacet(IReadOnlyList<(string Name, Source Schema)> Properties, IReadOnlyList<(string Pattern, Source Schema)> Patterns, Source? Additional);

/// <summary>
/// Everything some set of schemas says about one value, merged: what allOf, and each branch chosen,
/// adds. Numeric bounds and lengths are intersected; object and array keywords are kept per schema
/// (facets) because additionalProperties and items depend on the schema they are written in;
/// anyOf/oneOf/if/dependentSchemas stay pending until <see cref="Variants"/> chooses their branches.
/// </summary>
internal sealed class Constraints
{
    public const int MaxVariants = 256;

    public JsonTypes Types { get; private set; } = JsonTypes.Any;

    public bool TypeDeclared { get; private set; }

    /// <summary>Why no value can satisfy these constraints, when none can.</summary>
    public string? Impossible { get; private set; }

    /// <summary>The enum/const values allowed, when one was given.</summary>
    public List<JsonElement>? Values { get; private set; }

    public decimal? Minimum { get; private set; }

    public bool MinimumExclusive { get; private set; }

    public decimal? Maximum { get; private set; }

    public bool MaximumExclusive { get; private set; }

    public List<decimal> MultipleOf { get; private set; } = [];

    public int MinLength { get; private set; }

    public int? MaxLength { get; private set; }

    public List<(string Pattern, string Location)> Patterns { get; private set; } = [];

    public List<(string Format, string Location)> Formats { get; private set; } = [];

    public int MinItems { get; private set; }

    public int? MaxItems { get; private set; }

    public bool UniqueItems { get; private set; }

    public List<ArrayFacet> ArrayFacets { get; private set; } = [];

    public List<ContainsRule> Contains { get; private set; } = [];

    public Source? UnevaluatedItems { get; private set; }

    public List<ObjectFacet> ObjectFacets { get; private set; } = [];

    public List<string> Required { get; private set; } = [];

    public HashSet<string> Forbidden { get; private set; } = new(StringComparer.Ordinal);

    public List<(string Name, string[] Requires)> DependentRequired { get; private set; } = [];

    public int MinProperties { get; private set; }

    public int? MaxProperties { get; private set; }

    public List<Source> PropertyNames { get; private set; } = [];

    public Source? UnevaluatedProperties { get; private set; }

    /// <summary>Schemas the value must not satisfy (not, the other oneOf branches, a failed if).</summary>
    public List<Source> Avoid { get; private set; } = [];

    public List<Disjunction> Pending { get; private set; } = [];

    /// <summary>Which families of keywords were seen: they suggest the type when none is declared.</summary>
    public JsonTypes Suggested { get; private set; }

    public Constraints Clone()
    {
        var copy = (Constraints)MemberwiseClone();
        copy.Values = Values is null ? null : [.. Values];
        copy.MultipleOf = [.. MultipleOf];
        copy.Patterns = [.. Patterns];
        copy.Formats = [.. Formats];
        copy.ArrayFacets = [.. ArrayFacets];
        copy.Contains = [.. Contains];
        copy.ObjectFacets = [.. ObjectFacets];
        copy.Required = [.. Required];
        copy.Forbidden = new HashSet<string>(Forbidden, StringComparer.Ordinal);
        copy.DependentRequired = [.. DependentRequired];
        copy.PropertyNames = [.. PropertyNames];
        copy.Avoid = [.. Avoid];
        copy.Pending = [.. Pending];
        return copy;
    }

    /// <summary>Every combination of branches, each with its share of records.</summary>
    /// <exception cref="GenerationException">More than <see cref="MaxVariants"/> combinations.</exception>
    public List<(Constraints Variant, double Weight)> Variants(string location)
    {
        var done = new List<(Constraints, double)>();
        var work = new Stack<(Constraints, double)>();
        work.Push((this, 1.0));
        while (work.Count > 0)
        {
            var (current, weight) = work.Pop();
            if (current.Pending.Count == 0 || current.Impossible is not null)
            {
                done.Add((current, weight));
                if (done.Count > MaxVariants)
                {
                    throw new GenerationException(location, $"anyOf, oneOf, if and dependentSchemas combine into more than {MaxVariants} alternatives; the generator does not enumerate that many");
                }

                continue;
            }

            var disjunction = current.Pending[0];
            foreach (var (satisfy, avoid, require, forbid) in disjunction.Options.Reverse())
            {
                var next = current.Clone();
                next.Pending.RemoveAt(0);
                foreach (var source in satisfy)
                {
                    next.Absorb(source);
                }

                next.Avoid.AddRange(avoid);
                if (require is not null && !next.Required.Contains(require))
                {
                    next.Required.Add(require);
                }

                if (forbid is not null)
                {
                    next.Forbidden.Add(forbid);
                }

                work.Push((next, weight / disjunction.Options.Count));
            }
        }

        return done;
    }

    /// <summary>Adds what one schema says.</summary>
    /// <exception cref="GenerationException">The schema uses something the generator cannot read.</exception>
    public void Absorb(Source source)
    {
        var schema = source.Schema;
        if (schema.ValueKind == JsonValueKind.True)
        {
            return;
        }

        if (schema.ValueKind == JsonValueKind.False)
        {
            Impossible ??= $"the schema at {source.Location} is false: no value satisfies it";
            return;
        }

        var at = source.Location;
        foreach (var property in schema.EnumerateObject())
        {
            var value = property.Value;
            var location = JsonPointer.Append(at, property.Name);
            switch (property.Name)
            {
                case "type":
                    Types &= TypesOf(value);
                    TypeDeclared = true;
                    if (Types == JsonTypes.None)
                    {
                        Impossible ??= $"the types at {location} leave no type a value could have";
                    }

                    break;
                case "enum":
                    Restrict([.. value.EnumerateArray()], location);
                    break;
                case "const":
                    Restrict([value], location);
                    break;
                case "minimum":
                    Lower(Number(value, location, lower: true), exclusive: false);
                    break;
                case "exclusiveMinimum":
                    Lower(Number(value, location, lower: true), exclusive: true);
                    break;
                case "maximum":
                    Upper(Number(value, location, lower: false), exclusive: false);
                    break;
                case "exclusiveMaximum":
                    Upper(Number(value, location, lower: false), exclusive: true);
                    break;
                case "multipleOf":
                    MultipleOf.Add(Number(value, location, lower: true) ?? throw new GenerationException(location, "multipleOf is beyond the range of exact decimals (±7.9e28, 28 decimal places)"));
                    Suggested |= JsonTypes.Number;
                    break;
                case "minLength":
                    MinLength = Math.Max(MinLength, Count(value));
                    Suggested |= JsonTypes.String;
                    break;
                case "maxLength":
                    MaxLength = Math.Min(MaxLength ?? int.MaxValue, Count(value));
                    Suggested |= JsonTypes.String;
                    break;
                case "pattern":
                    Patterns.Add((value.GetString()!, location));
                    Suggested |= JsonTypes.String;
                    break;
                case "format":
                    Formats.Add((value.GetString()!, location));
                    break;
                case "minItems":
                    MinItems = Math.Max(MinItems, Count(value));
                    Suggested |= JsonTypes.Array;
                    break;
                case "maxItems":
                    MaxItems = Math.Min(MaxItems ?? int.MaxValue, Count(value));
                    Suggested |= JsonTypes.Array;
                    break;
                case "uniqueItems":
                    UniqueItems |= value.ValueKind == JsonValueKind.True;
                    break;
                case "contains":
                    var min = schema.TryGetProperty("minContains", out var minContains) ? Count(minContains) : 1;
                    int? max = schema.TryGetProperty("maxContains", out var maxContains) ? Count(maxContains) : null;
                    Contains.Add(new ContainsRule(new Source(value, location), min, max));
                    Suggested |= JsonTypes.Array;
                    break;
                case "unevaluatedItems":
                    UnevaluatedItems = new Source(value, location);
                    break;
                case "required":
                    foreach (var name in value.EnumerateArray().Select(n => n.GetString()!).Where(n => !Required.Contains(n)))
                    {
                        Required.Add(name);
                    }

                    Suggested |= JsonTypes.Object;
                    break;
                case "dependentRequired":
                    DependentRequired.AddRange(value.EnumerateObject().Select(d => (d.Name, d.Value.EnumerateArray().Select(n => n.GetString()!).ToArray())));
                    break;
                case "minProperties":
                    MinProperties = Math.Max(MinProperties, Count(value));
                    Suggested |= JsonTypes.Object;
                    break;
                case "maxProperties":
                    MaxProperties = Math.Min(MaxProperties ?? int.MaxValue, Count(value));
                    Suggested |= JsonTypes.Object;
                    break;
                case "propertyNames":
                    PropertyNames.Add(new Source(value, location));
                    break;
                case "unevaluatedProperties":
                    UnevaluatedProperties = new Source(value, location);
                    break;
                case "allOf":
                    var index = 0;
                    foreach (var item in value.EnumerateArray())
                    {
                        Absorb(new Source(item, location + "/" + index++.ToString(CultureInfo.InvariantCulture)));
                    }

                    break;
                case "anyOf" or "oneOf":
                    var branches = Items(value, location);
                    var exclusive = property.Name == "oneOf";
                    Pending.Add(new Disjunction(
                        [.. branches.Select(b => ((IReadOnlyList<Source>)[b], exclusive ? (IReadOnlyList<Source>)[.. branches.Where(o => o != b)] : [], (string?)null, (string?)null))],
                        property.Name));
                    break;
                case "not":
                    Avoid.Add(new Source(value, location));
                    break;
                case "if":
                    AddCondition(schema, new Source(value, location), at);
                    break;
                case "dependentSchemas":
                    foreach (var dependent in value.EnumerateObject())
                    {
                        var then = new Source(dependent.Value, JsonPointer.Append(location, dependent.Name));
                        Pending.Add(new Disjunction([([], [], null, dependent.Name), ([then], [], dependent.Name, null)], "dependentSchemas"));
                    }

                    break;
                case "$ref" or "$dynamicRef":
                    throw new GenerationException(location, $"'{value.GetString()}' names no document the contract loaded (a meta-schema?); the generator follows only references it can inline");
                default:
                    break; // annotations, then/else (read with if), minContains/maxContains (read with contains), x-…
            }
        }

        AbsorbFacets(schema, at);
    }

    private void AbsorbFacets(JsonElement schema, string at)
    {
        var hasPrefix = schema.TryGetProperty("prefixItems", out var prefix);
        var hasItems = schema.TryGetProperty("items", out var items);
        if (hasPrefix || hasItems)
        {
            ArrayFacets.Add(new ArrayFacet(
                hasPrefix ? Items(prefix, at + "/prefixItems") : [],
                hasItems ? new Source(items, at + "/items") : null));
            Suggested |= JsonTypes.Array;
        }

        var hasProperties = schema.TryGetProperty("properties", out var properties);
        var hasPatterns = schema.TryGetProperty("patternProperties", out var patterns);
        var hasAdditional = schema.TryGetProperty("additionalProperties", out var additional);
        if (hasProperties || hasPatterns || hasAdditional)
        {
            ObjectFacets.Add(new ObjectFacet(
                hasProperties ? [.. properties.EnumerateObject().Select(p => (p.Name, new Source(p.Value, JsonPointer.Append(at + "/properties", p.Name))))] : [],
                hasPatterns ? [.. patterns.EnumerateObject().Select(p => (p.Name, new Source(p.Value, JsonPointer.Append(at + "/patternProperties", p.Name))))] : [],
                hasAdditional ? new Source(additional, at + "/additionalProperties") : null));
            Suggested |= JsonTypes.Object;
        }
    }

    // if/then/else: either the value satisfies if (and then), or it satisfies else and not if.
    private void AddCondition(JsonElement schema, Source condition, string at)
    {
        var then = schema.TryGetProperty("then", out var t) ? new Source(t, at + "/then") : null;
        var otherwise = schema.TryGetProperty("else", out var e) ? new Source(e, at + "/else") : null;
        if (then is null && otherwise is null)
        {
            return;
        }

        IReadOnlyList<Source> whenTrue = then is null ? [condition] : [condition, then];
        IReadOnlyList<Source> whenFalse = otherwise is null ? [] : [otherwise];
        IReadOnlyList<Source> avoid = then is null ? [] : [condition];
        Pending.Add(new Disjunction([(whenTrue, [], null, null), (whenFalse, avoid, null, null)], "if"));
    }

    private void Restrict(List<JsonElement> values, string location)
    {
        Values = Values is null ? values : [.. Values.Where(v => values.Any(w => JsonElement.DeepEquals(v, w)))];
        if (Values.Count == 0)
        {
            Impossible ??= $"no value of the enum or const at {location} satisfies the other enum or const on the same value";
        }
    }

    private void Lower(decimal? bound, bool exclusive)
    {
        Suggested |= JsonTypes.Number;
        if (bound is not { } value)
        {
            return;
        }

        if (Minimum is null || value > Minimum || (value == Minimum && exclusive))
        {
            (Minimum, MinimumExclusive) = (value, exclusive);
        }
    }

    private void Upper(decimal? bound, bool exclusive)
    {
        Suggested |= JsonTypes.Number;
        if (bound is not { } value)
        {
            return;
        }

        if (Maximum is null || value < Maximum || (value == Maximum && exclusive))
        {
            (Maximum, MaximumExclusive) = (value, exclusive);
        }
    }

    // A bound beyond decimals: an upper bound of 1e300 bounds nothing we generate; a lower one cannot be met.
    private static decimal? Number(JsonElement value, string location, bool lower)
    {
        if (value.TryGetDecimal(out var exact))
        {
            return exact;
        }

        var approximate = value.GetDouble();
        if ((lower && approximate > 0) || (!lower && approximate < 0))
        {
            throw new GenerationException(location, $"{value.GetRawText()} is beyond the range of exact decimals (±7.9e28); the generator writes numbers as decimals");
        }

        return null;
    }

    private static int Count(JsonElement value) =>
        value.TryGetDecimal(out var count) ? (int)Math.Min(count, int.MaxValue) : int.MaxValue;

    private static List<Source> Items(JsonElement array, string location) =>
        [.. array.EnumerateArray().Select((item, i) => new Source(item, location + "/" + i.ToString(CultureInfo.InvariantCulture)))];

    /// <summary>The types a <c>type</c> keyword allows; <c>number</c> includes <c>integer</c>.</summary>
    public static JsonTypes TypesOf(JsonElement type)
    {
        var types = type.ValueKind == JsonValueKind.Array
            ? type.EnumerateArray().Aggregate(JsonTypes.None, (all, t) => all | JsonTypeNames.Parse(t.GetString() ?? ""))
            : JsonTypeNames.Parse(type.GetString() ?? "");
        return types.HasFlag(JsonTypes.Number) ? types | JsonTypes.Integer : types;
    }
}
