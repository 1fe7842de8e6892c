using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using ContractKit.Contracts.Documents;
using ContractKit.Contracts.Model.Datasets;
using ContractKit.Contracts.Schemas;

namespace ContractKit.Cli.Commands.Codegen;

/// <summary>A dataset and the C# type of its records.</summary>
/// <param name="Dataset">The dataset's name.</param>
/// <param name="TypeName">The type's name.</param>
internal sealed record DatasetType(string Dataset, string TypeName);

/// <summary>A shape that the C# types cannot carry, at the place the schema says it.</summary>
/// <param name="Span">Where the keyword is written.</param>
/// <param name="Message">What the types do instead.</param>
internal sealed record CodegenNote(SourceSpan Span, string Message);

/// <summary>Dataset schemas rewritten for NJsonSchema: one document whose <c>definitions</c> hold every type.</summary>
/// <param name="Json">The draft-07 document.</param>
/// <param name="Types">The record type of each dataset, in contract order.</param>
/// <param name="Notes">Shapes that become looser types.</param>
internal sealed record SchemaBundle(string Json, ImmutableArray<DatasetType> Types, ImmutableArray<CodegenNote> Notes);

/// <summary>
/// Rewrites JSON Schema 2020-12 dataset schemas into the draft-07 dialect NJsonSchema reads, for
/// code generation only (never for validation). Every <c>$ref</c> — to <c>$defs</c>, to another
/// file the contract loaded, to an <c>$anchor</c> — becomes <c>#/definitions/Name</c> of one bundle,
/// so a schema shared by several datasets is one C# type. <c>type: [T, "null"]</c>,
/// <c>anyOf</c>/<c>oneOf</c> with null, <c>const</c> and <c>prefixItems</c> are rewritten; keywords
/// that only validate are dropped, since C# types cannot carry them.
/// </summary>
internal sealed class SchemaBundler
{
    // Kept as written: NJsonSchema turns them into types, nullability, docs and DataAnnotations.
    private static readonly FrozenSet<string> Copied = new[]
    {
        "required", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minLength",
        "maxLength", "pattern", "format", "minItems", "maxItems", "uniqueItems", "minProperties", "maxProperties",
        "title", "description", "deprecated", "readOnly", "writeOnly",
    }.ToFrozenSet(StringComparer.Ordinal);

    // What may stand beside a $ref without changing the type it names.
    private static readonly FrozenSet<string> Annotations = new[]
    {
        "title", "description", "deprecated", "readOnly", "writeOnly", "default", "examples", "$comment", "$schema", "$id", "$anchor",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly string[] Conditionals = ["if", "dependentSchemas"];

    private readonly ImmutableDictionary<Uri, SchemaDocument> _documents;
    private readonly SourceDocument _contract;
    private readonly Dictionary<(Uri, string), string> _names = [];
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);
    private readonly List<(string Name, JsonNode? Schema)> _definitions = [];
    private readonly List<CodegenNote> _notes = [];

    private SchemaBundler(IReadOnlyCollection<Dataset> datasets)
    {
        _contract = datasets.First().Schema.RootDocument.Source;
        _documents = datasets
            .SelectMany(d => d.Schema.Documents)
            .GroupBy(pair => pair.Key)
            .ToImmutableDictionary(group => group.Key, group => group.First().Value);
    }

    /// <summary>A node of a schema document.</summary>
    private sealed record SchemaNode(SchemaDocument Document, DocumentNode Node)
    {
        public (Uri, string) Key => (Document.Uri, Node.Pointer);
    }

    /// <summary>The C# record type name of a dataset: <c>orders</c> → <c>OrdersRecord</c>.</summary>
    public static string TypeNameOf(string dataset) => CSharpNames.Pascal(dataset, "Dataset") + "Record";

    /// <summary>Bundles the schemas of <paramref name="datasets"/> (at least one, of one contract).</summary>
    public static SchemaBundle Bundle(IReadOnlyCollection<Dataset> datasets)
    {
        var bundler = new SchemaBundler(datasets);
        foreach (var dataset in datasets)
        {
            bundler._taken.Add(TypeNameOf(dataset.Name));
        }

        var types = datasets.Select(bundler.Add).ToImmutableArray();
        var definitions = new JsonObject();
        foreach (var (name, schema) in bundler._definitions)
        {
            definitions[name] = schema;
        }

        var json = new JsonObject { ["definitions"] = definitions }.ToJsonString();
        return new SchemaBundle(json, types, [.. bundler._notes]);
    }

    private DatasetType Add(Dataset dataset)
    {
        var schema = dataset.Schema;
        var root = new SchemaNode(schema.RootDocument, schema.RootDocument.Source.Find(schema.Pointer)
            ?? throw new InvalidOperationException($"the schema of dataset '{dataset.Name}' is missing from its contract"));

        // schema: { $ref: file } names the record type after the dataset, not the file.
        for (var hops = 0; hops < 64 && root.Node is MappingNode map && IsPlainReference(map); hops++)
        {
            root = Resolve(root, (ScalarNode)map["$ref"]!);
        }

        return new DatasetType(dataset.Name, _names.TryGetValue(root.Key, out var shared) ? shared : Define(root, TypeNameOf(dataset.Name)));
    }

    private static bool IsPlainReference(MappingNode map) =>
        map["$ref"] is ScalarNode { Kind: ScalarKind.String } && map.Entries.All(e => e.Key == "$ref" || IsAnnotation(e.Key));

    private static bool IsAnnotation(string keyword) => Annotations.Contains(keyword) || keyword.StartsWith("x-", StringComparison.Ordinal);

    private string Define(SchemaNode target, string name)
    {
        // Named before it is converted, so recursive schemas refer to themselves.
        _names[target.Key] = name;
        var slot = _definitions.Count;
        _definitions.Add((name, null));
        _definitions[slot] = (name, Convert(target));
        return name;
    }

    private string NameOf(SchemaNode target)
    {
        if (_names.TryGetValue(target.Key, out var name))
        {
            return name;
        }

        var tokens = JsonPointer.Parse(target.Node.Pointer) ?? [];
        var hint = tokens.Count > 0 ? tokens[^1] : FileStem(target.Document.Source.Path);
        name = CSharpNames.Unique([CSharpNames.Pascal(hint, "Schema")], _taken)[0];
        _taken.Add(name);
        return Define(target, name);
    }

    // click-event.schema.json → click-event
    private static string FileStem(string path)
    {
        var name = Path.GetFileName(path);
        foreach (var extension in new[] { ".json", ".yaml", ".yml", ".schema" })
        {
            if (name.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
            {
                name = name[..^extension.Length];
            }
        }

        return name;
    }

    // ---- Schemas -------------------------------------------------------------------------------

    private JsonObject Convert(SchemaNode schema) => schema.Node switch
    {
        ScalarNode { Kind: ScalarKind.Boolean } flag when IsTrue(flag) => new JsonObject(),
        ScalarNode { Kind: ScalarKind.Boolean } => new JsonObject { ["not"] = new JsonObject() },
        MappingNode map => ConvertMapping(schema.Document, map),
        _ => new JsonObject(), // the loader lets nothing else through
    };

    private static bool IsTrue(ScalarNode flag) => string.Equals(flag.Text, "true", StringComparison.OrdinalIgnoreCase);

    private JsonObject ConvertMapping(SchemaDocument document, MappingNode map)
    {
        if (map.Entry("$dynamicRef") is { } dynamic)
        {
            Note(dynamic.KeySpan, "$dynamicRef is not followed: the value becomes a JsonElement");
            return AnnotationsOf(map);
        }

        var result = ConvertKeywords(document, map);
        if (map["$ref"] is not ScalarNode reference)
        {
            return result;
        }

        var named = new JsonObject { ["$ref"] = "#/definitions/" + NameOf(Resolve(new SchemaNode(document, map), reference)) };
        if (result.All(p => IsAnnotation(p.Key)))
        {
            foreach (var (key, value) in result.ToList())
            {
                result.Remove(key);
                named[key] = value;
            }

            return named;
        }

        // In 2020-12 the keywords beside $ref apply too; NJsonSchema reads that as inheritance.
        return new JsonObject { ["allOf"] = new JsonArray(named, result) };
    }

    private JsonObject ConvertKeywords(SchemaDocument document, MappingNode map)
    {
        var result = new JsonObject();
        foreach (var entry in map.Entries)
        {
            switch (entry.Key)
            {
                case "properties" when entry.Value is MappingNode properties:
                    var converted = new JsonObject();
                    foreach (var property in properties.Entries)
                    {
                        converted[property.Key] = Convert(new SchemaNode(document, property.Value));
                    }

                    result["properties"] = converted;
                    break;

                case "additionalProperties" when entry.Value is ScalarNode { Kind: ScalarKind.Boolean } flag:
                    result["additionalProperties"] = IsTrue(flag);
                    break;

                // A typed map is a dictionary; beside named properties it would be a typed
                // [JsonExtensionData], which System.Text.Json refuses: leave it open there.
                case "additionalProperties" when map["properties"] is null:
                    result["additionalProperties"] = Convert(new SchemaNode(document, entry.Value));
                    break;

                case "allOf" when entry.Value is SequenceNode all:
                    result["allOf"] = new JsonArray([.. all.Items.Select(item => Convert(new SchemaNode(document, item)))]);
                    break;

                case var key when Copied.Contains(key):
                    result[key] = JsonNode.Parse(entry.Value.ToJsonElement().GetRawText());
                    break;

                case var key when Conditionals.Contains(key):
                    Note(entry.KeySpan, $"{key} is not carried into the types: properties it adds end in AdditionalProperties, when the schema allows them");
                    break;
            }
        }

        if (!ApplyType(map, result) || !ApplyEnum(map, result))
        {
            return AnnotationsOf(map);
        }

        ApplyItems(document, map, result);
        foreach (var keyword in new[] { "anyOf", "oneOf" })
        {
            if (map.Entry(keyword) is { Value: SequenceNode alternatives } entry && !ApplyAlternatives(document, alternatives, result))
            {
                Note(entry.KeySpan, $"{keyword} of several schemas becomes a JsonElement: C# has no union type");
                return AnnotationsOf(map);
            }
        }

        return result;
    }

    private static JsonObject AnnotationsOf(MappingNode map)
    {
        var result = new JsonObject();
        foreach (var entry in map.Entries.Where(e => e.Key is "title" or "description"))
        {
            result[entry.Key] = JsonNode.Parse(entry.Value.ToJsonElement().GetRawText());
        }

        return result;
    }

    // type: [string, "null"] → nullable; const → its value's type. False for several types (a union).
    private bool ApplyType(MappingNode map, JsonObject result)
    {
        var types = map["type"] switch
        {
            ScalarNode single => [single.Text],
            SequenceNode many => many.Items.OfType<ScalarNode>().Select(t => t.Text).ToList(),
            _ => map["const"] is { } constant ? [TypeOf(constant)] : null,
        };
        if (types is null)
        {
            return true;
        }

        var nullable = types.Contains("null");
        var concrete = types.Where(t => t != "null").Distinct().ToList();
        if (concrete.Contains("number"))
        {
            concrete.Remove("integer");
        }

        if (concrete.Count > 1)
        {
            Note(map.Entry("type")!.KeySpan, $"a value of several types ({string.Join(", ", concrete)}) becomes a JsonElement: C# has no union type");
            return false;
        }

        // Only null: NJsonSchema would make an empty class of it; no type reads as JsonElement.
        if (concrete.Count == 1)
        {
            result["type"] = nullable ? new JsonArray(concrete[0], "null") : concrete[0];
        }

        return true;
    }

    private static string TypeOf(DocumentNode value) => value switch
    {
        ScalarNode { Kind: ScalarKind.Integer } => "integer",
        ScalarNode { IsNumber: true } => "number",
        ScalarNode { Kind: ScalarKind.Boolean } => "boolean",
        ScalarNode { Kind: ScalarKind.Null } => "null",
        ScalarNode => "string",
        SequenceNode => "array",
        _ => "object",
    };

    // String enums become C# enums; integer enums too. Other value sets keep only their type.
    private bool ApplyEnum(MappingNode map, JsonObject result)
    {
        if (map.Entry("enum") is not { Value: SequenceNode values } entry)
        {
            return true;
        }

        var kinds = values.Items.Select(TypeOf).Where(t => t != "null").Distinct().ToList();
        var nullable = kinds.Count < values.Items.Select(TypeOf).Distinct().Count();
        var declared = result["type"];
        if (kinds is ["string"] && (declared is null || TypeNames(declared).Contains("string")))
        {
            result["enum"] = JsonNode.Parse(values.ToJsonElement().GetRawText());
            result["type"] = declared?.DeepClone() ?? (nullable ? new JsonArray("string", "null") : "string");
        }
        else if (kinds is ["integer"] && !nullable && (declared is null || declared.GetValueKind() == JsonValueKind.String && (string?)declared == "integer"))
        {
            result["enum"] = JsonNode.Parse(values.ToJsonElement().GetRawText());
            result["type"] = "integer";
        }
        else if (declared is null && kinds.Count == 1)
        {
            result["type"] = nullable ? new JsonArray(kinds[0], "null") : kinds[0];
        }
        else if (declared is null && kinds.Count > 1)
        {
            Note(entry.KeySpan, $"an enum of values of several types ({string.Join(", ", kinds)}) becomes a JsonElement: C# has no union type");
            return false;
        }

        return true;
    }

    private static IEnumerable<string?> TypeNames(JsonNode type) =>
        type is JsonArray many ? many.Select(t => (string?)t) : [(string?)type];

    // prefixItems (a tuple) becomes a list: of its one schema when every position has the same one.
    private void ApplyItems(SchemaDocument document, MappingNode map, JsonObject result)
    {
        var items = map["items"] is { } node and not ScalarNode { Kind: ScalarKind.Boolean, Text: "false" or "False" or "FALSE" }
            ? Convert(new SchemaNode(document, node))
            : null;
        if (map.Entry("prefixItems") is { Value: SequenceNode { Items.Length: > 0 } prefix } entry)
        {
            var positions = prefix.Items.Select(item => Convert(new SchemaNode(document, item))).ToList();
            if (items is not null)
            {
                positions.Add(items);
            }

            if (positions.All(p => JsonNode.DeepEquals(p, positions[0])))
            {
                items = positions[0];
            }
            else
            {
                Note(entry.KeySpan, "prefixItems (a tuple) becomes a list of JsonElement: System.Text.Json reads no C# tuple from an array");
                items = new JsonObject();
            }
        }

        if (items is not null)
        {
            result["items"] = items;
        }
    }

    // anyOf/oneOf of one schema and null is that schema, nullable. False when it is a real union.
    private bool ApplyAlternatives(SchemaDocument document, SequenceNode alternatives, JsonObject result)
    {
        var others = alternatives.Items.Where(a => !IsNullSchema(a)).ToList();
        var nullable = others.Count < alternatives.Items.Length;
        if (others.Count == 0)
        {
            return true;
        }

        if (others.Count > 1)
        {
            return false;
        }

        var inner = Convert(new SchemaNode(document, others[0]));
        if (inner.ContainsKey("$ref"))
        {
            result["oneOf"] = nullable ? new JsonArray(inner, new JsonObject { ["type"] = "null" }) : new JsonArray(inner);
            return true;
        }

        foreach (var (key, value) in inner.ToList())
        {
            inner.Remove(key);
            result.TryAdd(key, value);
        }

        if (nullable && result["type"] is JsonValue type && type.GetValueKind() == JsonValueKind.String)
        {
            result["type"] = new JsonArray((string?)type, "null");
        }

        return true;
    }

    private static bool IsNullSchema(DocumentNode schema) => schema is MappingNode map && (
        map["type"] is ScalarNode { Text: "null" } ||
        map["type"] is SequenceNode { Items: [ScalarNode { Text: "null" }] } ||
        map["const"] is ScalarNode { Kind: ScalarKind.Null } ||
        map["enum"] is SequenceNode { Items: [ScalarNode { Kind: ScalarKind.Null }] });

    private void Note(SourceSpan span, string message) => _notes.Add(new CodegenNote(span, message));

    // ---- References ----------------------------------------------------------------------------

    // The same rules as the contract loader, which has checked that every reference resolves.
    private SchemaNode Resolve(SchemaNode from, ScalarNode reference)
    {
        var text = reference.Text;
        var hash = text.IndexOf('#', StringComparison.Ordinal);
        var location = hash < 0 ? text : text[..hash];
        var fragment = Uri.UnescapeDataString(hash < 0 ? "" : text[(hash + 1)..]);
        var document = from.Document;
        if (location.Length > 0)
        {
            var relative = Uri.TryCreate(location, UriKind.Absolute, out var absolute) && absolute.IsFile
                ? absolute.LocalPath
                : Uri.UnescapeDataString(location);
            var folder = Path.GetDirectoryName(from.Document.Source.FullPath)!;
            var uri = new Uri(Path.GetFullPath(Path.Combine(folder, relative)), UriKind.Absolute);
            document = _documents.GetValueOrDefault(uri)
                ?? throw new InvalidOperationException($"'{text}' names a file the contract loader did not load");
        }

        DocumentNode? node;
        if (fragment.Length == 0 || fragment[0] == '/')
        {
            // In the contract, #/pointer may be relative to the dataset schema it is written in.
            node = document.Source.Find(fragment);
            if (node is null && document.Source == _contract)
            {
                node = document.Source.Find(SchemaRootOf(from.Node.Pointer) + fragment);
            }
        }
        else
        {
            node = FindAnchor(document.Source.Root, fragment);
        }

        return new SchemaNode(document, node ?? throw new InvalidOperationException($"'{text}' points at nothing, though the contract loaded"));
    }

    private static string SchemaRootOf(string pointer)
    {
        var tokens = JsonPointer.Parse(pointer) ?? [];
        var index = tokens.ToList().IndexOf("schema");
        return index < 0 ? "" : tokens.Take(index + 1).Aggregate(JsonPointer.Root, JsonPointer.Append);
    }

    private static DocumentNode? FindAnchor(DocumentNode node, string anchor) => node switch
    {
        MappingNode map when map["$anchor"] is ScalarNode { Text: var name } && name == anchor => map,
        MappingNode map => map.Entries.Select(e => FindAnchor(e.Value, anchor)).FirstOrDefault(found => found is not null),
        SequenceNode list => list.Items.Select(i => FindAnchor(i, anchor)).FirstOrDefault(found => found is not null),
        _ => null,
    };
}
