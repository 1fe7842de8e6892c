using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using ContractKit.Contracts.Documents;
using ContractKit.Contracts.Schemas;

namespace ContractKit.Contracts.Compatibility;

/// <summary>
/// Compares two versions of a dataset's record schema keyword by keyword, following <c>$ref</c>s
/// through what the loader resolved, and names each difference by a <see cref="ChangeRules"/> rule
/// (Confluent Schema Registry's JSON Schema difference types, see <see cref="ChangeRules"/>).
/// Keywords it does not reason about are reported as <c>keyword-changed</c>, breaking in every
/// mode, rather than passed.
/// </summary>
internal sealed class SchemaComparer
{
    private const int MaxReferenceChain = 32;

    private static readonly (string Keyword, bool Upper)[] Bounds =
    [
        ("minimum", false), ("exclusiveMinimum", false), ("maximum", true), ("exclusiveMaximum", true),
        ("minLength", false), ("maxLength", true), ("minItems", false), ("maxItems", true),
        ("minProperties", false), ("maxProperties", true), ("minContains", false), ("maxContains", true),
    ];

    private static readonly string[] Children = ["items", "contains", "propertyNames", "not"];

    private static readonly string[] Combinators = ["allOf", "anyOf", "oneOf"];

    private static readonly string[] Annotations = ["title", "description", "default", "examples", "deprecated", "readOnly", "writeOnly"];

    private static readonly FrozenSet<string> Handled = new[]
    {
        "type", "enum", "const", "pattern", "format", "multipleOf", "uniqueItems", "required", "properties", "additionalProperties",
        "prefixItems", "$ref", "$schema", "$id", "$anchor", "$dynamicAnchor", "$defs", "definitions", "$comment",
    }.Concat(Bounds.Select(b => b.Keyword)).Concat(Children).Concat(Combinators).Concat(Annotations).ToFrozenSet(StringComparer.Ordinal);

    private readonly DatasetSchema _old;
    private readonly DatasetSchema _new;
    private readonly string _dataset;
    private readonly List<Change> _changes = [];
    private readonly HashSet<(Uri, string, Uri, string, bool)> _visited = [];

    private SchemaComparer(string dataset, DatasetSchema old, DatasetSchema @new)
    {
        _dataset = dataset;
        _old = old;
        _new = @new;
    }

    public static ImmutableArray<Change> Compare(string dataset, DatasetSchema old, DatasetSchema @new)
    {
        var comparer = new SchemaComparer(dataset, old, @new);
        comparer.CompareSchemas(old.Root, @new.Root, "", null, inverted: false);
        return [.. comparer._changes];
    }

    // ---- Views -------------------------------------------------------------------------------

    /// <summary>A schema with its <c>$ref</c> chain folded in: the keywords that apply to the value.</summary>
    private sealed record View(SchemaNodeRef Origin, bool IsFalse, Dictionary<string, SchemaNodeRef> Keywords)
    {
        public SchemaNodeRef? this[string keyword] => Keywords.GetValueOrDefault(keyword);

        public DocumentNode? Value(string keyword) => Keywords.GetValueOrDefault(keyword)?.Node;

        public SourceSpan SpanOf(string keyword) => (this[keyword]?.Node ?? Origin.Node).Span;
    }

    private static View ViewOf(SchemaNodeRef schema, DatasetSchema owner)
    {
        var keywords = new Dictionary<string, SchemaNodeRef>(StringComparer.Ordinal);
        var isFalse = false;
        var current = schema;
        for (var depth = 0; current is not null && depth < MaxReferenceChain; depth++)
        {
            if (current.Node is ScalarNode { Kind: ScalarKind.Boolean } flag)
            {
                isFalse |= !ScalarResolver.IsTrue(flag.Text);
                break;
            }

            if (current.Node is not MappingNode mapping)
            {
                break;
            }

            foreach (var entry in mapping.Entries)
            {
                keywords.TryAdd(entry.Key, new SchemaNodeRef(current.Document, entry.Value));
            }

            current = mapping["$ref"] is null ? null : owner.ResolveReference(current);
        }

        return new View(schema, isFalse, keywords);
    }

    // ---- Walk --------------------------------------------------------------------------------

    private void CompareSchemas(SchemaNodeRef o, SchemaNodeRef n, string pointer, string? field, bool inverted)
    {
        // Recursive schemas (a tree through $ref) end here: the pair is being compared already.
        if (!_visited.Add((o.Document.Uri, o.Node.Pointer, n.Document.Uri, n.Node.Pointer, inverted)))
        {
            return;
        }

        var ov = ViewOf(o, _old);
        var nv = ViewOf(n, _new);
        var at = new Site(this, ov, nv, pointer, field, inverted);
        if (ov.IsFalse || nv.IsFalse)
        {
            if (ov.IsFalse != nv.IsFalse)
            {
                at.Add(ov.IsFalse ? ChangeRules.TypeExtended : ChangeRules.TypeNarrowed, "", ov.IsFalse ? "false" : "schema", nv.IsFalse ? "false" : "schema",
                    ov.IsFalse ? "the schema accepted nothing and now accepts values" : "the schema now accepts nothing");
            }

            return;
        }

        if (!CompareTypes(at))
        {
            return;
        }

        CompareEnum(at);
        CompareBounds(at);
        CompareText(at, "pattern", ChangeRules.PatternAdded, ChangeRules.PatternRemoved, ChangeRules.PatternChanged);
        CompareText(at, "format", ChangeRules.FormatAdded, ChangeRules.FormatRemoved, ChangeRules.FormatChanged);
        CompareMultipleOf(at);
        CompareUniqueItems(at);
        CompareProperties(at);
        CompareAdditionalProperties(at);
        CompareChildren(at);
        ComparePrefixItems(at);
        CompareCombinators(at);
        CompareAnnotations(at);
        CompareRest(at);
    }

    /// <summary>Where a comparison stands: both views, the logical pointer and field, and the direction.</summary>
    private sealed record Site(SchemaComparer Comparer, View Old, View New, string Pointer, string? Field, bool Inverted)
    {
        /// <summary>Records a change at <paramref name="keyword"/> of this schema (or at the nodes given: a property that was added or removed).</summary>
        public void Add(ChangeRule rule, string keyword, string? oldText, string? newText, string message, bool invertible = true, DocumentNode? oldAt = null, DocumentNode? newAt = null)
        {
            var kind = Inverted && invertible ? Invert(rule.Kind) : rule.Kind;
            var pointer = keyword.Length == 0 ? Pointer : Pointer + "/" + keyword;
            Comparer._changes.Add(new Change(rule, kind, Comparer._dataset, Field, pointer, oldText, newText,
                oldAt?.Span ?? (keyword.Length == 0 ? Old.Origin.Node.Span : Old.SpanOf(keyword)),
                newAt?.Span ?? (keyword.Length == 0 ? New.Origin.Node.Span : New.SpanOf(keyword)), message));
        }

        public string Child(string segment) => JsonPointer.Append(Pointer, segment);

        private static ChangeKind Invert(ChangeKind kind) => kind switch
        {
            ChangeKind.Widens => ChangeKind.Narrows,
            ChangeKind.Narrows => ChangeKind.Widens,
            _ => kind,
        };
    }

    // ---- Types and values --------------------------------------------------------------------

    private static bool CompareTypes(Site at)
    {
        var (o, n) = (TypesOf(at.Old), TypesOf(at.New));
        if (o == n)
        {
            return true;
        }

        var (oText, nText) = (JsonTypeNames.Format(o), JsonTypeNames.Format(n));
        if ((o & n) == o)
        {
            at.Add(ChangeRules.TypeExtended, "type", oText, nText, $"type extended from {oText} to {nText}");
            return true;
        }

        if ((o & n) == n)
        {
            at.Add(ChangeRules.TypeNarrowed, "type", oText, nText, $"type narrowed from {oText} to {nText}");
            return true;
        }

        at.Add(ChangeRules.TypeChanged, "type", oText, nText, $"type changed from {oText} to {nText}");
        return false;
    }

    private static JsonTypes TypesOf(View view)
    {
        static JsonTypes Widen(JsonTypes type) => type == JsonTypes.Number ? JsonTypes.Number | JsonTypes.Integer : type;
        return view.Value("type") switch
        {
            ScalarNode single => Widen(JsonTypeNames.Parse(single.Text)),
            SequenceNode many => many.Items.OfType<ScalarNode>().Aggregate(JsonTypes.None, (all, t) => all | Widen(JsonTypeNames.Parse(t.Text))),
            _ => JsonTypes.Any,
        };
    }

    private static void CompareEnum(Site at)
    {
        var o = EnumValues(at.Old);
        var n = EnumValues(at.New);
        var keyword = at.New.Value("enum") is not null || at.Old.Value("enum") is not null ? "enum" : "const";
        if (o is null && n is null)
        {
            return;
        }

        if (o is null)
        {
            at.Add(ChangeRules.EnumAdded, keyword, null, string.Join(", ", n!), $"values limited to {string.Join(", ", n!)}");
            return;
        }

        if (n is null)
        {
            at.Add(ChangeRules.EnumRemoved, keyword, string.Join(", ", o), null, "values no longer limited to an enum");
            return;
        }

        foreach (var added in n.Where(v => !o.Contains(v)))
        {
            at.Add(ChangeRules.EnumValueAdded, keyword, null, added, $"enum value {added} added");
        }

        foreach (var removed in o.Where(v => !n.Contains(v)))
        {
            at.Add(ChangeRules.EnumValueRemoved, keyword, removed, null, $"enum value {removed} removed");
        }
    }

    /// <summary>The allowed values as JSON text (<c>enum</c>, or <c>const</c> as a one-value enum), or null.</summary>
    private static List<string>? EnumValues(View view) => view.Value("enum") switch
    {
        SequenceNode values => [.. values.Items.Select(JsonText).Distinct(StringComparer.Ordinal)],
        _ => view.Value("const") is { } constant ? [JsonText(constant)] : null,
    };

    private static void CompareBounds(Site at)
    {
        foreach (var (keyword, upper) in Bounds)
        {
            var o = Number(at.Old.Value(keyword));
            var n = Number(at.New.Value(keyword));
            if (o == n)
            {
                continue;
            }

            var loosened = n is null || (o is not null && (n > o) == upper);
            var (oText, nText) = (Text(o), Text(n));
            var message = o is null ? $"{keyword} {nText} added" : n is null ? $"{keyword} {oText} removed" : $"{keyword} {(n > o ? "raised" : "lowered")} from {oText} to {nText}";
            at.Add(loosened ? ChangeRules.BoundLoosened : ChangeRules.BoundTightened, keyword, oText, nText, message);
        }
    }

    private static void CompareText(Site at, string keyword, ChangeRule added, ChangeRule removed, ChangeRule changed)
    {
        var o = (at.Old.Value(keyword) as ScalarNode)?.Text;
        var n = (at.New.Value(keyword) as ScalarNode)?.Text;
        if (o == n)
        {
            return;
        }

        if (o is null)
        {
            at.Add(added, keyword, null, n, $"{keyword} {n} added");
        }
        else if (n is null)
        {
            at.Add(removed, keyword, o, null, $"{keyword} {o} removed");
        }
        else
        {
            at.Add(changed, keyword, o, n, $"{keyword} changed from {o} to {n}");
        }
    }

    private static void CompareMultipleOf(Site at)
    {
        var o = Number(at.Old.Value("multipleOf"));
        var n = Number(at.New.Value("multipleOf"));
        if (o == n)
        {
            return;
        }

        var (oText, nText) = (Text(o), Text(n));
        var (rule, message) = (o, n) switch
        {
            (null, _) => (ChangeRules.MultipleOfAdded, $"values must be multiples of {nText}"),
            (_, null) => (ChangeRules.MultipleOfRemoved, $"values no longer need to be multiples of {oText}"),
            _ when n.Value % o.Value == 0 => (ChangeRules.MultipleOfExpanded, $"multipleOf raised from {oText} to {nText}, a multiple of it"),
            _ when o.Value % n.Value == 0 => (ChangeRules.MultipleOfReduced, $"multipleOf lowered from {oText} to {nText}, a divisor of it"),
            _ => (ChangeRules.MultipleOfChanged, $"multipleOf changed from {oText} to {nText}"),
        };
        at.Add(rule, "multipleOf", oText, nText, message);
    }

    private static void CompareUniqueItems(Site at)
    {
        var o = at.Old.Value("uniqueItems") is ScalarNode { Kind: ScalarKind.Boolean } a && ScalarResolver.IsTrue(a.Text);
        var n = at.New.Value("uniqueItems") is ScalarNode { Kind: ScalarKind.Boolean } b && ScalarResolver.IsTrue(b.Text);
        if (o != n)
        {
            at.Add(n ? ChangeRules.UniqueItemsAdded : ChangeRules.UniqueItemsRemoved, "uniqueItems", o ? "true" : "false", n ? "true" : "false",
                n ? "array items must now be unique" : "array items no longer need to be unique");
        }
    }

    // ---- Objects -----------------------------------------------------------------------------

    private void CompareProperties(Site at)
    {
        var oProperties = Properties(at.Old);
        var nProperties = Properties(at.New);
        var oRequired = Required(at.Old);
        var nRequired = Required(at.New);
        var names = oProperties.Keys.Concat(nProperties.Keys).Concat(oRequired).Concat(nRequired).Distinct(StringComparer.Ordinal).ToList();
        foreach (var name in names)
        {
            var pointer = JsonPointer.Append(at.Child("properties"), name);
            var field = at.Field is null ? name : at.Field + "." + name;
            var property = at with { Pointer = pointer, Field = field };
            var (o, n) = (oProperties.GetValueOrDefault(name), nProperties.GetValueOrDefault(name));
            var (wasRequired, isRequired) = (oRequired.Contains(name), nRequired.Contains(name));
            if (o is not null && n is not null || o is null && n is null)
            {
                if (wasRequired != isRequired)
                {
                    var hasDefault = n is not null && ViewOf(n, _new).Value("default") is not null;
                    var rule = !isRequired ? ChangeRules.PropertyMadeOptional : hasDefault ? ChangeRules.PropertyMadeRequiredWithDefault : ChangeRules.PropertyMadeRequired;
                    property.Add(rule, "", wasRequired ? "required" : "optional", isRequired ? "required" : "optional",
                        isRequired ? $"{name} became required" : $"{name} became optional", oldAt: o?.Node ?? at.Old.Value("required"), newAt: n?.Node ?? at.New.Value("required"));
                }

                if (o is not null && n is not null)
                {
                    CompareSchemas(o, n, pointer, field, at.Inverted);
                }
            }
            else if (n is not null)
            {
                PropertyAdded(at, property, name, n, isRequired);
            }
            else
            {
                PropertyRemoved(at, property, name, o!, wasRequired);
            }
        }
    }

    private void PropertyAdded(Site at, Site property, string name, SchemaNodeRef schema, bool required)
    {
        var model = ContentModel(at.Old);
        var fallback = Fallback(at.Old, name);
        var what = required ? "required property" : "optional property";
        if (model == Model.Open)
        {
            var any = IsEmpty(ViewOf(schema, _new));
            property.Add(any ? ChangeRules.PropertyWithAnySchemaAdded : ChangeRules.PropertyAddedToOpenModel, "", null, JsonText(schema.Node),
                $"{what} {name} added to an open object", newAt: schema.Node);
        }
        else if (fallback is not null)
        {
            CompareSchemas(fallback, schema, property.Pointer, property.Field, at.Inverted);
            property.Add(ChangeRules.PropertyAddedToPartiallyOpenModel, "", null, JsonText(schema.Node), $"{what} {name} added; compared with additionalProperties", newAt: schema.Node);
            if (required && ViewOf(schema, _new).Value("default") is null)
            {
                property.Add(ChangeRules.PropertyMadeRequired, "", "optional", "required", $"{name} became required", newAt: schema.Node);
            }
        }
        else
        {
            var rule = !required ? ChangeRules.OptionalPropertyAddedToClosedModel
                : ViewOf(schema, _new).Value("default") is not null ? ChangeRules.RequiredPropertyWithDefaultAddedToClosedModel
                : ChangeRules.RequiredPropertyAddedToClosedModel;
            property.Add(rule, "", null, JsonText(schema.Node), $"{what} {name} added to a closed object", newAt: schema.Node);
        }
    }

    private void PropertyRemoved(Site at, Site property, string name, SchemaNodeRef schema, bool wasRequired)
    {
        var model = ContentModel(at.New);
        var fallback = Fallback(at.New, name);
        var what = wasRequired ? "required property" : "optional property";
        if (model == Model.Open)
        {
            property.Add(ChangeRules.PropertyRemovedFromOpenModel, "", JsonText(schema.Node), null, $"{what} {name} removed from an open object", oldAt: schema.Node);
        }
        else if (fallback is not null)
        {
            CompareSchemas(schema, fallback, property.Pointer, property.Field, at.Inverted);
            property.Add(ChangeRules.PropertyRemovedFromPartiallyOpenModel, "", JsonText(schema.Node), null, $"{what} {name} removed; compared with additionalProperties", oldAt: schema.Node);
            if (wasRequired)
            {
                property.Add(ChangeRules.PropertyMadeOptional, "", "required", "optional", $"{name} became optional", oldAt: schema.Node);
            }
        }
        else
        {
            property.Add(wasRequired ? ChangeRules.RequiredPropertyRemovedFromClosedModel : ChangeRules.PropertyRemovedFromClosedModel, "",
                JsonText(schema.Node), null, $"{what} {name} removed from a closed object", oldAt: schema.Node);
        }
    }

    private enum Model
    {
        Open,
        Closed,
        Schema,
    }

    /// <summary>What an undeclared property meets: <see cref="AdditionalState"/>, except that patternProperties make an open object partially open.</summary>
    private static Model ContentModel(View view) => AdditionalState(view) switch
    {
        Model.Open when view.Value("patternProperties") is MappingNode { Entries.Length: > 0 } => Model.Schema,
        var state => state,
    };

    /// <summary>The schema an undeclared property <paramref name="name"/> must match: a matching patternProperties entry, else additionalProperties when it is a schema.</summary>
    private static SchemaNodeRef? Fallback(View view, string name)
    {
        if (view["patternProperties"] is { Node: MappingNode patterns } holder)
        {
            foreach (var entry in patterns.Entries)
            {
                if (Regex.IsMatch(name, entry.Key, RegexOptions.None, TimeSpan.FromSeconds(1)))
                {
                    return new SchemaNodeRef(holder.Document, entry.Value);
                }
            }
        }

        return view["additionalProperties"] is { Node: MappingNode } additional ? additional : null;
    }

    private void CompareAdditionalProperties(Site at)
    {
        var (o, n) = (AdditionalState(at.Old), AdditionalState(at.New));
        if (o == Model.Schema && n == Model.Schema)
        {
            CompareSchemas(at.Old["additionalProperties"]!, at.New["additionalProperties"]!, at.Child("additionalProperties"), at.Field, at.Inverted);
            return;
        }

        var rule = (o, n) switch
        {
            (Model.Open, Model.Closed) => ChangeRules.AdditionalPropertiesForbidden,
            (Model.Closed, Model.Open) => ChangeRules.AdditionalPropertiesAllowed,
            (Model.Open, Model.Schema) or (Model.Schema, Model.Closed) => ChangeRules.AdditionalPropertiesNarrowed,
            (Model.Schema, Model.Open) or (Model.Closed, Model.Schema) => ChangeRules.AdditionalPropertiesExtended,
            _ => null,
        };
        if (rule is not null)
        {
            at.Add(rule, "additionalProperties", Describe(o), Describe(n), $"additionalProperties changed from {Describe(o)} to {Describe(n)}");
        }

        static string Describe(Model model) => model switch { Model.Open => "open", Model.Closed => "false", _ => "a schema" };
    }

    private static Model AdditionalState(View view) => view.Value("additionalProperties") switch
    {
        MappingNode => Model.Schema,
        ScalarNode { Kind: ScalarKind.Boolean } flag when !ScalarResolver.IsTrue(flag.Text) => Model.Closed,
        _ => Model.Open,
    };

    private static Dictionary<string, SchemaNodeRef> Properties(View view) =>
        view["properties"] is { Node: MappingNode map } holder
            ? map.Entries.ToDictionary(e => e.Key, e => new SchemaNodeRef(holder.Document, e.Value), StringComparer.Ordinal)
            : new Dictionary<string, SchemaNodeRef>(StringComparer.Ordinal);

    private static HashSet<string> Required(View view) =>
        view.Value("required") is SequenceNode list
            ? list.Items.OfType<ScalarNode>().Select(i => i.Text).ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>(StringComparer.Ordinal);

    private static bool IsEmpty(View view) => !view.IsFalse && view.Keywords.Keys.All(k => k.StartsWith("x-", StringComparison.Ordinal) || Annotations.Contains(k) || k == "$comment");

    // ---- Nested and combined schemas ----------------------------------------------------------

    private void CompareChildren(Site at)
    {
        foreach (var keyword in Children)
        {
            var (o, n) = (at.Old[keyword], at.New[keyword]);
            if (o is not null && n is not null)
            {
                var field = keyword == "items" ? (at.Field ?? "") + "[]" : at.Field;
                CompareSchemas(o, n, at.Child(keyword), field, keyword == "not" ? !at.Inverted : at.Inverted);
            }
            else if (o is not null || n is not null)
            {
                at.Add(n is not null ? ChangeRules.SubschemaAdded : ChangeRules.SubschemaRemoved, keyword,
                    o is null ? null : JsonText(o.Node), n is null ? null : JsonText(n.Node), $"{keyword} {(n is not null ? "added" : "removed")}");
            }
        }
    }

    private void ComparePrefixItems(Site at)
    {
        var o = (at.Old["prefixItems"]?.Node as SequenceNode)?.Items ?? [];
        var n = (at.New["prefixItems"]?.Node as SequenceNode)?.Items ?? [];
        for (var i = 0; i < Math.Max(o.Length, n.Length); i++)
        {
            var pointer = JsonPointer.Append(at.Child("prefixItems"), i);
            var field = $"{at.Field}[{i}]";
            if (i < o.Length && i < n.Length)
            {
                CompareSchemas(new SchemaNodeRef(at.Old["prefixItems"]!.Document, o[i]), new SchemaNodeRef(at.New["prefixItems"]!.Document, n[i]), pointer, field, at.Inverted);
            }
            else
            {
                var item = at with { Pointer = pointer, Field = field };
                item.Add(i < n.Length ? ChangeRules.SubschemaAdded : ChangeRules.SubschemaRemoved, "", i < o.Length ? JsonText(o[i]) : null, i < n.Length ? JsonText(n[i]) : null,
                    $"prefixItems item {i} {(i < n.Length ? "added" : "removed")}");
            }
        }
    }

    private void CompareCombinators(Site at)
    {
        var oldOnly = Combinators.Where(k => at.Old[k] is not null && at.New[k] is null).ToList();
        var newOnly = Combinators.Where(k => at.New[k] is not null && at.Old[k] is null).ToList();
        foreach (var keyword in Combinators.Where(k => at.Old[k] is not null && at.New[k] is not null))
        {
            CompareAlternatives(at, at.Old[keyword]!, at.New[keyword]!, keyword);
        }

        // A combinator that became another: oneOf → anyOf widens, any other switch alters.
        while (oldOnly.Count > 0 && newOnly.Count > 0)
        {
            var (from, to) = (oldOnly[0], newOnly[0]);
            oldOnly.RemoveAt(0);
            newOnly.RemoveAt(0);
            at.Add(to == "anyOf" ? ChangeRules.CombinedTypeExtended : ChangeRules.CombinedTypeChanged, to, from, to, $"{from} became {to}");
            CompareAlternatives(at, at.Old[from]!, at.New[to]!, to);
        }

        foreach (var keyword in newOnly)
        {
            at.Add(ChangeRules.ProductTypeExtended, keyword, null, JsonText(at.New.Value(keyword)!), $"{keyword} added");
        }

        foreach (var keyword in oldOnly)
        {
            at.Add(ChangeRules.ProductTypeNarrowed, keyword, JsonText(at.Old.Value(keyword)!), null, $"{keyword} removed");
        }
    }

    private void CompareAlternatives(Site at, SchemaNodeRef oHolder, SchemaNodeRef nHolder, string keyword)
    {
        var o = ((oHolder.Node as SequenceNode)?.Items ?? []).Select(i => new SchemaNodeRef(oHolder.Document, i)).ToList();
        var n = ((nHolder.Node as SequenceNode)?.Items ?? []).Select(i => new SchemaNodeRef(nHolder.Document, i)).ToList();

        // Identical alternatives pair up wherever they stand; the rest pair by position.
        foreach (var same in o.ToList())
        {
            var match = n.FirstOrDefault(x => JsonText(x.Node) == JsonText(same.Node));
            if (match is not null)
            {
                o.Remove(same);
                n.Remove(match);
            }
        }

        for (var i = 0; i < Math.Min(o.Count, n.Count); i++)
        {
            CompareSchemas(o[i], n[i], JsonPointer.Append(at.Child(keyword), i), at.Field, at.Inverted);
        }

        var product = keyword == "allOf";
        foreach (var added in n.Skip(o.Count))
        {
            at.Add(product ? ChangeRules.ProductTypeExtended : ChangeRules.SumTypeExtended, keyword, null, JsonText(added.Node),
                product ? "allOf gained a schema" : $"{keyword} gained an alternative");
        }

        foreach (var removed in o.Skip(n.Count))
        {
            at.Add(product ? ChangeRules.ProductTypeNarrowed : ChangeRules.SumTypeNarrowed, keyword, JsonText(removed.Node), null,
                product ? "allOf lost a schema" : $"{keyword} lost an alternative");
        }
    }

    // ---- Annotations and the rest --------------------------------------------------------------

    private static void CompareAnnotations(Site at)
    {
        foreach (var keyword in Annotations)
        {
            var (o, n) = (at.Old.Value(keyword), at.New.Value(keyword));
            if (!SameJson(o, n))
            {
                at.Add(ChangeRules.AnnotationChanged, keyword, o is null ? null : JsonText(o), n is null ? null : JsonText(n), $"{keyword} changed");
            }
        }

        var (wasPii, isPii) = (IsPii(at.Old), IsPii(at.New));
        if (wasPii && !isPii)
        {
            at.Add(ChangeRules.PiiMarkingRemoved, "x-pii", "true", at.New.Value("x-pii") is null ? null : "false",
                $"{at.Field ?? "the record"} is no longer marked as personal data", invertible: false);
        }
        else if (!wasPii && isPii)
        {
            at.Add(ChangeRules.PiiMarkingAdded, "x-pii", at.Old.Value("x-pii") is null ? null : "false", "true",
                $"{at.Field ?? "the record"} is now marked as personal data", invertible: false);
        }
    }

    private static bool IsPii(View view) => view.Value("x-pii") is ScalarNode { Kind: ScalarKind.Boolean } flag && ScalarResolver.IsTrue(flag.Text);

    private static void CompareRest(Site at)
    {
        var keywords = at.Old.Keywords.Keys.Concat(at.New.Keywords.Keys)
            .Where(k => !Handled.Contains(k) && !k.StartsWith("x-", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        foreach (var keyword in keywords)
        {
            var (o, n) = (at.Old.Value(keyword), at.New.Value(keyword));
            if (!SameJson(o, n))
            {
                at.Add(ChangeRules.KeywordChanged, keyword, o is null ? null : JsonText(o), n is null ? null : JsonText(n),
                    $"{keyword} changed; diff does not reason about it, so it counts as breaking", invertible: false);
            }
        }
    }

    // ---- Values ------------------------------------------------------------------------------

    private static bool SameJson(DocumentNode? a, DocumentNode? b) =>
        a is null ? b is null : b is not null && JsonText(a) == JsonText(b);

    internal static string JsonText(DocumentNode node) => node switch
    {
        ScalarNode { Kind: ScalarKind.String } s => System.Text.Json.JsonSerializer.Serialize(s.Text, RelaxedJson),
        ScalarNode s => s.ToJsonElement().GetRawText(),
        _ => node.ToJsonElement().GetRawText(),
    };

    private static readonly System.Text.Json.JsonSerializerOptions RelaxedJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static decimal? Number(DocumentNode? node) => node is ScalarNode scalar && scalar.TryGetDecimal(out var value) ? value : null;

    private static string? Text(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);
}
