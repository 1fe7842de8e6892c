using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;
using ContractKit.Contracts.Documents;
using ContractKit.Contracts.Schemas;
using ContractKit.Contracts.Validation;
using ContractKit.Mocks.Generation.Nodes;
using ContractKit.Mocks.Generation.Strings;

namespace ContractKit.Mocks.Generation.Compilation;

/// <summary>No value satisfies a (sub)schema. Optional parts are left out; anything else fails construction.</summary>
internal sealed class InfeasibleException(string location, string reason) : Exception(reason)
{
    public string Location { get; } = location;
}

/// <summary>Which field a caller's override replaces.</summary>
internal enum OverrideKind
{
    EventTime,
    Key,
}

/// <summary>
/// Compiles an inlined schema into <see cref="Node"/>s: every set of schemas that applies to one value
/// is merged (<see cref="Constraints"/>), its branch combinations enumerated, and each combination
/// turned into a generator that satisfies it by construction. Where construction cannot promise it
/// (a value that must not match another oneOf branch, a not, an if that must fail), the combination is
/// tried on samples here: kept behind the validator when most samples pass, dropped otherwise.
/// </summary>
/// <param name="overrides">Record pointers whose values the caller sets (key, event time).</param>
/// <param name="nullBudgets">Record pointers with the largest share of records that may lack the value or hold null there.</param>
internal sealed class NodeCompiler(IReadOnlyDictionary<string, OverrideKind> overrides, IReadOnlyDictionary<string, double> nullBudgets)
{
    private const int TrialSamples = 100;
    private const double MinimumPassRate = 0.2;
    private const int PatternSamples = 200;
    private const double OptionalPresence = 0.8;
    private const double ExtraPresence = 0.5;
    private const double NullShare = 0.1;
    private const int DefaultSpan = 1000;
    private const int DefaultIntegerSpan = 100;
    private const int MaxExtraItems = 3;

    private static readonly byte[] Null = "null"u8.ToArray();
    private static readonly byte[][] Booleans = ["true"u8.ToArray(), "false"u8.ToArray()];

    private readonly Dictionary<string, RecordValidator> _patternValidators = new(StringComparer.Ordinal);
    private readonly HashSet<string> _reached = new(StringComparer.Ordinal);

    /// <summary>The record pointers of override fields the compiler met.</summary>
    public IReadOnlySet<string> Reached => _reached;

    /// <summary>The generator of a value that must satisfy every one of <paramref name="sources"/>.</summary>
    /// <param name="sources">The schemas.</param>
    /// <param name="pointer">Where the value is in the record (<c>/items/*/sku</c>), for overrides.</param>
    public Node Compile(IReadOnlyList<Source> sources, string pointer)
    {
        var location = sources.Count > 0 ? sources[0].Location : "#";
        var constraints = new Constraints();
        foreach (var source in sources)
        {
            constraints.Absorb(source);
        }

        Guard? guard = null;
        Guard NodeGuard() => guard ??= Guard.For(sources.Count > 0 ? sources : [new Source(JsonTrue(), location)]);

        var exact = new List<(Node, double)>();
        var trials = new List<(Node Node, double Weight, double Rate)>();
        var reasons = new List<InfeasibleException>();
        foreach (var (variant, weight) in constraints.Variants(location))
        {
            try
            {
                var (node, isExact) = CompileVariant(variant, location, pointer, NodeGuard);
                if (isExact)
                {
                    exact.Add((node, weight));
                }
                else
                {
                    trials.Add((node, weight, PassRate(node, NodeGuard())));
                }
            }
            catch (InfeasibleException e)
            {
                reasons.Add(e);
            }
        }

        var kept = exact.Concat(trials.Where(t => t.Rate >= MinimumPassRate).Select(t => ((Node)new GuardedNode(t.Node, NodeGuard(), location), t.Weight))).ToList();
        if (kept.Count == 0)
        {
            if (trials.Any(t => t.Rate > 0))
            {
                throw new GenerationException(location,
                    $"only {trials.Max(t => t.Rate):P0} of the values drawn satisfy the schema (overlapping oneOf branches, not, or an if that must fail): too few to generate reliably");
            }

            // The innermost reason names the place best.
            throw reasons.Count > 0 ? reasons[0] : new InfeasibleException(location, "no value drawn satisfies the schema");
        }

        var result = kept.Count == 1 ? kept[0].Item1 : new ChoiceNode(kept);
        return overrides.TryGetValue(pointer, out var kind) ? Override(result, kind, location, pointer, NodeGuard()) : result;
    }

    /// <summary>
    /// The weight of the null option beside weight 1 for each other type: the default share, or —
    /// for a field under a null budget — half the budget (absence takes the other half), none for 0%.
    /// </summary>
    private double NullWeight(string pointer)
    {
        if (!nullBudgets.TryGetValue(pointer, out var budget))
        {
            return NullShare;
        }

        var share = budget / 2;
        return share <= 0 ? 0 : share / (1 - share);
    }

    private static JsonElement JsonTrue()
    {
        using var document = JsonDocument.Parse("true");
        return document.RootElement.Clone();
    }

    private static double PassRate(Node node, Guard guard)
    {
        var passed = 0;
        var context = new WriteContext(null);
        for (var i = 0; i < TrialSamples; i++)
        {
            var rng = new Prng(Prng.Mix((ulong)i + 0xC0FFEE));
            var scratch = context.Rent();
            try
            {
                node.Write(scratch.Writer, ref rng, context);
                passed += guard.Accepts(scratch.Written) ? 1 : 0;
            }
            catch (GenerationException)
            {
                // A nested generator gave up on this draw: it counts as a failed draw.
            }
            finally
            {
                context.Return(scratch);
            }
        }

        return passed / (double)TrialSamples;
    }

    // ---- One combination of branches -----------------------------------------------------------

    private (Node Node, bool Exact) CompileVariant(Constraints variant, string location, string pointer, Func<Guard> guard)
    {
        if (variant.Impossible is { } impossible)
        {
            throw new InfeasibleException(location, impossible);
        }

        if (variant.Values is { } values)
        {
            // Exact by filtering: every candidate passed the validator on all the schemas here.
            var allowed = values.Where(v => guard().Accepts(v)).Select(v => Encoding.UTF8.GetBytes(v.GetRawText())).ToList();
            return allowed.Count > 0
                ? (new ConstantNode(allowed), true)
                : throw new InfeasibleException(location, "no value of the enum/const satisfies the other keywords on it");
        }

        var types = variant.TypeDeclared ? variant.Types : Inferred(variant.Suggested);
        var options = new List<(Node Node, double Weight)>();
        var reasons = new List<InfeasibleException>();
        var exact = true;
        ObjectNode? objectNode = null;
        foreach (var type in new[] { JsonTypes.Null, JsonTypes.Boolean, JsonTypes.Integer, JsonTypes.Number, JsonTypes.String, JsonTypes.Array, JsonTypes.Object })
        {
            if (!types.HasFlag(type) || (type == JsonTypes.Integer && types.HasFlag(JsonTypes.Number)))
            {
                continue;
            }

            try
            {
                var (node, typeExact) = type switch
                {
                    JsonTypes.Null => (new ConstantNode([Null]), true),
                    JsonTypes.Boolean => (new ConstantNode(Booleans), true),
                    JsonTypes.Integer or JsonTypes.Number => (CompileNumber(variant, location, integer: type == JsonTypes.Integer), true),
                    JsonTypes.String => CompileString(variant, location),
                    JsonTypes.Array => CompileArray(variant, location, pointer),
                    _ => CompileObject(variant, location, pointer),
                };
                objectNode = node as ObjectNode ?? objectNode;
                exact &= typeExact;
                options.Add((node, type == JsonTypes.Null ? NullWeight(pointer) : 1.0));
            }
            catch (InfeasibleException e)
            {
                reasons.Add(e);
            }
        }

        if (options.Count == 0)
        {
            throw reasons.Count > 0 ? reasons[0] : new InfeasibleException(location, $"no type is left ({JsonTypeNames.Format(types)})");
        }

        if (options.Count == 1)
        {
            options[0] = (options[0].Node, 1.0);
        }

        var generated = types;
        exact &= variant.Avoid.All(avoid => Disjoint(avoid, generated, options.Count, objectNode));
        return (options.Count == 1 ? options[0].Node : new ChoiceNode(options), exact);
    }

    // Without a type keyword, the keywords present say what the value is; with none, a string, number or boolean.
    private static JsonTypes Inferred(JsonTypes suggested) =>
        suggested == JsonTypes.None ? JsonTypes.String | JsonTypes.Integer | JsonTypes.Boolean
        : suggested.HasFlag(JsonTypes.Number) ? suggested | JsonTypes.Integer : suggested;

    /// <summary>True when no generated value can satisfy <paramref name="avoid"/>, so no check is needed.</summary>
    private static bool Disjoint(Source avoid, JsonTypes generated, int typeCount, ObjectNode? objectNode)
    {
        var schema = avoid.Schema;
        if (schema.ValueKind == JsonValueKind.False)
        {
            return true;
        }

        if (schema.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        if (schema.TryGetProperty("type", out var type))
        {
            if ((Constraints.TypesOf(type) & generated) == JsonTypes.None)
            {
                return true;
            }
        }

        if (objectNode is null || typeCount != 1)
        {
            return false;
        }

        // A discriminator: a required property whose values lie outside the other branch's const/enum.
        if (schema.TryGetProperty("properties", out var properties))
        {
            foreach (var property in properties.EnumerateObject())
            {
                var plan = objectNode.Properties.FirstOrDefault(p => p.Name.Value == property.Name);
                if (plan is { Required: true, Node: ConstantNode constant } && AllowedValues(property.Value) is { } other &&
                    constant.Values.All(v => !other.Any(o => JsonElement.DeepEquals(o, JsonSerializer.Deserialize<JsonElement>(v)))))
                {
                    return true;
                }
            }
        }

        // A property the other branch requires and these objects never have.
        return schema.TryGetProperty("required", out var required) &&
            required.EnumerateArray().Any(r => objectNode.Properties.All(p => p.Name.Value != r.GetString()));
    }

    private static List<JsonElement>? AllowedValues(JsonElement schema) =>
        schema.ValueKind != JsonValueKind.Object ? null
        : schema.TryGetProperty("const", out var constant) ? [constant]
        : schema.TryGetProperty("enum", out var values) ? [.. values.EnumerateArray()]
        : null;

    // ---- Numbers -------------------------------------------------------------------------------

    private static NumberNode CompileNumber(Constraints c, string location, bool integer)
    {
        var steps = c.MultipleOf.ToList();
        if (integer)
        {
            steps.Add(1m);
        }

        try
        {
            var step = steps.Count > 0 ? LeastCommonMultiple(steps) : 0.01m;
            for (var refinements = 0; ; refinements++)
            {
                var (first, last, limit) = Range(c, step, integer ? DefaultIntegerSpan : DefaultSpan);
                if (first <= last)
                {
                    return new NumberNode(step, first, last, limit);
                }

                // No multipleOf: a finer grid may fit between close bounds.
                if (steps.Count > 0 || refinements == 10)
                {
                    throw new InfeasibleException(location,
                        $"no {(integer ? "integer" : "number")}{(steps.Count > 0 ? " multiple of " + step.ToString(CultureInfo.InvariantCulture) : "")} lies between {Bound(c.Minimum, c.MinimumExclusive, "(", "[")} and {Bound(c.Maximum, c.MaximumExclusive, ")", "]")}");
                }

                step /= 10;
            }
        }
        catch (OverflowException)
        {
            throw new GenerationException(location, "the bounds and multipleOf are too far apart for exact decimals");
        }
    }

    private static string Bound(decimal? value, bool exclusive, string open, string closed) =>
        value is null ? "unbounded" : (exclusive ? open : closed) + value.Value.ToString(CultureInfo.InvariantCulture);

    // The k range [first, last] drawn from (a realistic window where the schema leaves a side open),
    // and the largest k the schema allows (keys count up to it).
    private static (decimal First, decimal Last, decimal Limit) Range(Constraints c, decimal step, int span)
    {
        var (low, high) = (c.Minimum, c.Maximum);
        var (lowExclusive, highExclusive) = (c.MinimumExclusive, c.MaximumExclusive);
        var first = low is { } l ? Ceiling(l / step, l, step, lowExclusive) : (decimal?)null;
        var limit = high is { } h ? Floor(h / step, h, step, highExclusive) : decimal.Floor(long.MaxValue / Math.Max(step, 1m));
        if (first is null)
        {
            var top = high ?? span;
            var bottom = top > 0 ? Math.Max(0, top - span) : top - span;
            first = decimal.Ceiling(bottom / step);
        }

        var windowTop = high ?? checked((first.Value * step) + span);
        var last = Math.Min(limit, Floor(windowTop / step, windowTop, step, high is not null && highExclusive));
        return (first.Value, last, limit);
    }

    private static decimal Ceiling(decimal quotient, decimal bound, decimal step, bool exclusive)
    {
        var k = decimal.Ceiling(quotient);
        return exclusive && k * step == bound ? k + 1 : k;
    }

    private static decimal Floor(decimal quotient, decimal bound, decimal step, bool exclusive)
    {
        var k = decimal.Floor(quotient);
        return exclusive && k * step == bound ? k - 1 : k;
    }

    private static decimal LeastCommonMultiple(List<decimal> steps)
    {
        var scale = steps.Max(s => (int)s.Scale);
        var lcm = BigInteger.One;
        foreach (var step in steps)
        {
            var whole = Mantissa(step) * BigInteger.Pow(10, scale - step.Scale);
            lcm = lcm / BigInteger.GreatestCommonDivisor(lcm, whole) * whole;
        }

        return (decimal)lcm / (decimal)BigInteger.Pow(10, scale);
    }

    private static BigInteger Mantissa(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        return BigInteger.Abs(((BigInteger)(uint)bits[2] << 64) | ((BigInteger)(uint)bits[1] << 32) | (uint)bits[0]);
    }

    // ---- Strings -------------------------------------------------------------------------------

    private (Node Node, bool Exact) CompileString(Constraints c, string location)
    {
        var min = c.MinLength;
        var max = c.MaxLength ?? int.MaxValue;
        if (min > max)
        {
            throw new InfeasibleException(location, $"minLength {min} is above maxLength {max}");
        }

        var formats = c.Formats.Select(f => f.Format).Where(FormatValues.IsKnown).Distinct(StringComparer.Ordinal).ToList();
        if (c.Patterns.Count > 0)
        {
            StringAutomaton automaton;
            try
            {
                automaton = StringAutomaton.ForPatterns([.. c.Patterns.Select(p => p.Pattern)]);
            }
            catch (UnsupportedPatternException e)
            {
                var culprit = c.Patterns.FirstOrDefault(p => Unsupported(p.Pattern), c.Patterns[0]);
                throw new GenerationException(culprit.Location, $"pattern '{culprit.Pattern}' cannot be generated: {e.Message}");
            }

            if (automaton.ShortestLength is not { } shortest)
            {
                throw new InfeasibleException(location, $"no string matches {string.Join(" and ", c.Patterns.Select(p => "'" + p.Pattern + "'"))}");
            }

            var low = Math.Max(min, shortest);
            if (low > max || automaton.LongestLength < min)
            {
                throw new InfeasibleException(location, $"no string of length {min} to {max} matches {string.Join(" and ", c.Patterns.Select(p => "'" + p.Pattern + "'"))}");
            }

            var preferredMax = (int)Math.Min(Math.Min(max, (long)low + 16), automaton.LongestLength ?? int.MaxValue);
            var node = new PatternNode(automaton, min, max, preferredMax, location);
            VerifyPatterns(node, c.Patterns);
            return (node, formats.Count == 0);
        }

        if (formats.Count > 0)
        {
            return (new FormatNode(formats[0]), formats.Count == 1 && min == 0 && max == int.MaxValue);
        }

        var high = (int)Math.Min(max, Math.Max(min, 4) + 20L);
        return (new TextNode(min, high, max), true);
    }

    private static bool Unsupported(string pattern)
    {
        try
        {
            EcmaPattern.Translate(pattern);
            return false;
        }
        catch (UnsupportedPatternException)
        {
            return true;
        }
    }

    /// <summary>Every pattern is checked once: samples of its generator must all pass the product's validator.</summary>
    private void VerifyPatterns(PatternNode node, List<(string Pattern, string Location)> patterns)
    {
        var context = new WriteContext(null);
        var scratch = context.Rent();
        for (var i = 0; i < PatternSamples; i++)
        {
            scratch.Reset();
            var rng = new Prng(Prng.Mix((ulong)i + 0xFACADE));
            try
            {
                node.Write(scratch.Writer, ref rng, context);
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException)
            {
                throw new GenerationException(patterns[0].Location, $"pattern '{patterns[0].Pattern}' leads to text that is not valid UTF-16 ({e.Message})");
            }

            using var sample = JsonDocument.Parse(scratch.Written);
            foreach (var (pattern, location) in patterns)
            {
                if (!PatternValidator(pattern).Validate(sample.RootElement).IsValid)
                {
                    throw new GenerationException(location,
                        $"pattern '{pattern}' is read differently by the generator: it produced {sample.RootElement.GetRawText()}, which the validator says does not match");
                }
            }
        }
    }

    private RecordValidator PatternValidator(string pattern)
    {
        if (!_patternValidators.TryGetValue(pattern, out var validator))
        {
            using var schema = JsonDocument.Parse(JsonSerializer.Serialize(new Dictionary<string, string> { ["pattern"] = pattern }));
            validator = RecordValidator.Create(schema.RootElement.Clone(), "urn:contractkit:pattern");
            _patternValidators[pattern] = validator;
        }

        return validator;
    }

    private bool Matches(string pattern, string text) => PatternValidator(pattern).IsValid(JsonSerializer.SerializeToElement(text));

    // ---- Arrays --------------------------------------------------------------------------------

    private (Node Node, bool Exact) CompileArray(Constraints c, string location, string pointer)
    {
        var facets = c.ArrayFacets;
        var prefix = facets.Select(f => f.Prefix.Count).DefaultIfEmpty(0).Max();
        var capacity = facets.Where(f => f.Items?.IsFalse == true).Select(f => f.Prefix.Count).DefaultIfEmpty(int.MaxValue).Min();
        var anyItems = facets.Any(f => f.Items is not null);
        if (c.UnevaluatedItems is { IsFalse: true } && !anyItems)
        {
            capacity = Math.Min(capacity, prefix);
        }

        var itemPointer = pointer + "/*";
        var positions = new List<Node>();
        for (var i = 0; i <= prefix && i < capacity; i++)
        {
            try
            {
                positions.Add(Compile(PositionSources(c, i), itemPointer));
            }
            catch (InfeasibleException)
            {
                capacity = i;
            }
        }

        var min = c.MinItems;
        var max = (long)(c.MaxItems ?? int.MaxValue);
        if (c.UniqueItems && positions.Count > prefix && positions[prefix] is ConstantNode finite)
        {
            capacity = (int)Math.Min(capacity, (long)prefix + finite.Values.Count);
        }

        var plans = new List<ContainsPlan>();
        foreach (var rule in c.Contains)
        {
            var atPosition = new Node[Math.Min(prefix + 1, Math.Max(1, Math.Min(capacity, prefix + 1)))];
            for (var i = 0; i < atPosition.Length; i++)
            {
                atPosition[i] = Compile([.. PositionSources(c, i), rule.Schema], itemPointer);
            }

            var most = rule.Max ?? rule.Min + (rule.Min == 0 ? 1 : 0);
            plans.Add(new ContainsPlan(atPosition, rule.Min, Math.Max(rule.Min, most)));
            min = Math.Max(min, plans.Sum(p => p.Min));
        }

        var high = (int)Math.Min(Math.Min(max, capacity), min + (long)MaxExtraItems);
        if (min > high)
        {
            throw new InfeasibleException(location, capacity < min
                ? $"arrays here hold at most {capacity} item(s) (items, prefixItems, uniqueItems over {capacity} values) but need {min}"
                : $"minItems {min} is above maxItems {max}");
        }

        if (positions.Count == 0)
        {
            positions.Add(new ConstantNode([Null])); // never used: arrays here are empty
        }

        var exact = c.Contains.All(r => r.Max is null);
        return (new ArrayNode([.. positions], min, high, [.. plans], c.UniqueItems, location), exact);
    }

    private static List<Source> PositionSources(Constraints c, int index)
    {
        var sources = new List<Source>();
        var evaluated = false;
        foreach (var facet in c.ArrayFacets)
        {
            if (index < facet.Prefix.Count)
            {
                sources.Add(facet.Prefix[index]);
                evaluated = true;
            }
            else if (facet.Items is not null)
            {
                sources.Add(facet.Items);
                evaluated = true;
            }
        }

        if (!evaluated && c.UnevaluatedItems is { } unevaluated)
        {
            sources.Add(unevaluated);
        }

        return sources;
    }

    // ---- Objects -------------------------------------------------------------------------------

    private (Node Node, bool Exact) CompileObject(Constraints c, string location, string pointer)
    {
        var names = new List<string>();
        void Name(string name)
        {
            if (!names.Contains(name))
            {
                names.Add(name);
            }
        }

        foreach (var facet in c.ObjectFacets)
        {
            foreach (var (name, _) in facet.Properties)
            {
                Name(name);
            }
        }

        c.Required.ForEach(Name);
        foreach (var (name, requires) in c.DependentRequired)
        {
            Name(name);
            Array.ForEach(requires, Name);
        }

        var extras = ExtraNames(c, names);
        names.AddRange(extras);

        var plans = new List<(string Name, Node Node, bool Required, double Presence)>();
        foreach (var name in names)
        {
            var childPointer = JsonPointer.Append(pointer, name);
            var required = c.Required.Contains(name) || overrides.Keys.Any(o => o == childPointer || o.StartsWith(childPointer + "/", StringComparison.Ordinal));
            var sources = PropertySources(c, name);
            var forbidden = c.Forbidden.Contains(name) || sources.Any(s => s.IsFalse) || !NameAllowed(c, name);
            if (forbidden)
            {
                if (required)
                {
                    throw new InfeasibleException(location, $"the property '{name}' is required but not allowed here");
                }

                continue;
            }

            try
            {
                var presence = nullBudgets.TryGetValue(childPointer, out var budget) ? 1 - (budget / 2)
                    : extras.Contains(name) ? ExtraPresence
                    : OptionalPresence;
                plans.Add((name, Compile(sources, childPointer), required, presence));
            }
            catch (InfeasibleException) when (!required)
            {
                // An optional property no value fits: objects leave it out.
            }
        }

        // dependentRequired: a property comes with what it requires (transitively), or not at all.
        var closures = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (name, _, _, _) in plans)
        {
            var closure = new HashSet<string>(StringComparer.Ordinal);
            var queue = new Queue<string>([name]);
            while (queue.Count > 0)
            {
                foreach (var (_, needed) in c.DependentRequired.Where(d => d.Name == queue.Peek()))
                {
                    foreach (var n in needed.Where(n => n != name && closure.Add(n)))
                    {
                        queue.Enqueue(n);
                    }
                }

                queue.Dequeue();
            }

            closures[name] = closure;
        }

        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var plan in plans.ToList())
            {
                var missing = closures[plan.Name].FirstOrDefault(n => plans.All(p => p.Name != n));
                if (missing is not null)
                {
                    if (plan.Required)
                    {
                        throw new InfeasibleException(location, $"'{plan.Name}' is required and requires '{missing}', which cannot be generated here");
                    }

                    plans.Remove(plan);
                    changed = true;
                }
            }
        }

        var pulledIn = plans.Where(p => p.Required).SelectMany(p => closures[p.Name]).ToHashSet(StringComparer.Ordinal);
        var final = plans.Select(p => new PropertyPlan(
            JsonEncodedText.Encode(p.Name),
            p.Node,
            p.Required || pulledIn.Contains(p.Name),
            p.Presence,
            [.. closures[p.Name].Select(n => plans.FindIndex(q => q.Name == n))])).ToArray();

        var requiredCount = final.Count(p => p.Required);
        var maxProperties = c.MaxProperties ?? int.MaxValue;
        if (requiredCount > maxProperties || final.Length < c.MinProperties)
        {
            throw new InfeasibleException(location, requiredCount > maxProperties
                ? $"{requiredCount} properties are required but maxProperties is {maxProperties}"
                : $"minProperties is {c.MinProperties} but only {final.Length} properties can be generated here");
        }

        // Filling up to minProperties may be cut short by maxProperties with dependentRequired: check those.
        var exact = c.MinProperties <= requiredCount || (c.MaxProperties is null && c.DependentRequired.Count == 0);
        return (new ObjectNode(final, c.MinProperties, maxProperties), exact);
    }

    private List<Source> PropertySources(Constraints c, string name)
    {
        var sources = new List<Source>();
        var evaluated = false;
        foreach (var facet in c.ObjectFacets)
        {
            var matched = false;
            foreach (var (declared, schema) in facet.Properties)
            {
                if (declared == name)
                {
                    sources.Add(schema);
                    matched = true;
                }
            }

            foreach (var (pattern, schema) in facet.Patterns)
            {
                if (Matches(pattern, name))
                {
                    sources.Add(schema);
                    matched = true;
                }
            }

            if (!matched && facet.Additional is { } additional)
            {
                sources.Add(additional);
                matched = true;
            }

            evaluated |= matched;
        }

        if (!evaluated && c.UnevaluatedProperties is { } unevaluated)
        {
            sources.Add(unevaluated);
        }

        return sources;
    }

    private static bool NameAllowed(Constraints c, string name)
    {
        if (c.PropertyNames.Count == 0)
        {
            return true;
        }

        var value = JsonSerializer.SerializeToElement(name);
        return c.PropertyNames.All(s => Guard.For([s]).Accepts(value));
    }

    // Maps (objects without declared properties) get entries; so do objects that need more than they declare.
    private List<string> ExtraNames(Constraints c, List<string> declared)
    {
        var needed = Math.Max(c.MinProperties - declared.Count, 0);
        var isMap = declared.Count == 0 && c.ObjectFacets.Any(f => f.Patterns.Count > 0 || f.Additional is { IsFalse: false });
        if (!isMap && needed == 0)
        {
            return [];
        }

        var count = Math.Max(needed, MaxExtraItems);
        var names = new List<string>();
        var patterns = c.ObjectFacets.SelectMany(f => f.Patterns).Select(p => p.Pattern).ToList();
        Span<char> buffer = stackalloc char[64];
        for (var i = 0; names.Count < count && i < count * 20; i++)
        {
            var rng = new Prng(Prng.Mix((ulong)i + 0xBEEF));
            string name;
            if (patterns.Count > 0 && i % 2 == 0)
            {
                var automaton = StringAutomaton.ForPatterns([patterns[i / 2 % patterns.Count]]);
                var length = automaton.Walk(ref rng, 1, 64, 8, buffer);
                if (length < 0)
                {
                    continue;
                }

                name = new string(buffer[..length]);
            }
            else
            {
                name = Vocabulary.Words[i % Vocabulary.Words.Length] + (i < Vocabulary.Words.Length ? "" : "_" + i.ToString(CultureInfo.InvariantCulture));
            }

            if (!declared.Contains(name) && !names.Contains(name))
            {
                names.Add(name);
            }
        }

        return names;
    }

    // ---- Overrides -----------------------------------------------------------------------------

    private Node Override(Node generated, OverrideKind kind, string location, string pointer, Guard guard)
    {
        _reached.Add(pointer);
        var context = new WriteContext(null);
        var scratch = context.Rent();
        if (kind == OverrideKind.EventTime)
        {
            EventTimeNode.WriteTime(scratch.Writer, new DateTimeOffset(2025, 3, 14, 9, 26, 53, 589, TimeSpan.Zero));
            if (!guard.Accepts(scratch.Written))
            {
                throw new GenerationException(location, "the event-time field does not accept an RFC 3339 UTC date-time (2025-03-14T09:26:53.589Z), so the simulator cannot set event times");
            }

            return new EventTimeNode(generated);
        }

        var encoder = KeyEncoderFor(generated, location);
        foreach (var sequence in new long[] { 0, 1, 2, 9, 10, 99, 12345, 1L << 31 })
        {
            scratch.Reset();
            try
            {
                encoder.Write(scratch.Writer, sequence);
            }
            catch (ArgumentOutOfRangeException) when (sequence > 10)
            {
                break; // a small key space: the values it has were fine
            }

            var result = guard.Check(scratch.Written);
            if (!result.IsValid)
            {
                throw new GenerationException(location, $"the key field cannot take values derived from a sequence number: for {sequence} it would be {Encoding.UTF8.GetString(scratch.Written.Span)}, which breaks {result.Errors[0].Keyword}");
            }
        }

        return new KeyNode(generated, encoder);
    }

    private static KeyEncoder KeyEncoderFor(Node generated, string location)
    {
        foreach (var node in Leaves(generated))
        {
            switch (node)
            {
                case FormatNode { Format: "uuid" }:
                    return new UuidKey();
                case FormatNode format when FormattedKey.Supports(format.Format):
                    return new FormattedKey(format.Format);
                case NumberNode number:
                    return new NumberKey(number);
                case PatternNode pattern:
                    return new PatternKey(pattern.Automaton, pattern.MinLength, pattern.MaxLength);
                case TextNode text:
                    return new DigitsKey(text.MinLength, text.MaxLength);
                default:
                    break;
            }
        }

        throw new GenerationException(location, "a key field must be a uuid, an integer, a number, or a string (plain, with a pattern, or an email, hostname or URI) to take a value unique to each record; this one is not (an enum, a boolean, an object…)");
    }

    private static IEnumerable<Node> Leaves(Node node) => node switch
    {
        ChoiceNode choice => choice.Options.SelectMany(Leaves),
        _ => [node],
    };
}
