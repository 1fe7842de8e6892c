using System.Buffers;
using System.Text.Json;
using ContractKit.Contracts.Documents;
using ContractKit.Contracts.Validation.Compilation;

namespace ContractKit.Contracts.Schemas;

/// <summary>
/// Writes a dataset schema with every <c>$ref</c> and <c>$dynamicRef</c> replaced by the schema it
/// names, resolved exactly as the record validator resolves it (<see cref="SchemaRegistry"/>), so
/// readers that walk the schema (generators, docs, codegen) never resolve anything themselves.
/// </summary>
internal sealed class SchemaInliner
{
    // Keywords that only serve resolution: with every reference inlined they mean nothing.
    private static readonly HashSet<string> Dropped =
        ["$ref", "$dynamicRef", "$id", "$anchor", "$dynamicAnchor", "$defs", "definitions", "$schema", "$vocabulary"];

    private readonly SchemaRegistry _registry;
    private readonly int _maxDepth;
    private readonly Dictionary<string, int> _expanding = new(StringComparer.Ordinal);
    private readonly List<string> _scope = [];

    private SchemaInliner(SchemaRegistry registry, int maxDepth)
    {
        _registry = registry;
        _maxDepth = maxDepth;
    }

    public static JsonElement Inline(DatasetSchema schema, int maxDepth)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxDepth);

        // As RecordValidator.For does: the dataset schema is a document of its own at the contract's URI.
        var registry = new SchemaRegistry();
        var baseUri = schema.BaseUri.AbsoluteUri;
        registry.AddDocument(baseUri, schema.Json);
        foreach (var document in schema.Documents.Values.Where(d => d.Uri != schema.BaseUri))
        {
            registry.AddDocument(document.Uri.AbsoluteUri, document.Json);
        }

        var root = registry.Root(baseUri) ?? throw new InvalidOperationException("the dataset schema did not register");
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            var inliner = new SchemaInliner(registry, maxDepth);
            inliner._expanding[root.Key] = 1;
            inliner.Write(writer, root);
        }

        using var inlined = JsonDocument.Parse(buffer.WrittenMemory);
        return inlined.RootElement.Clone();
    }

    private void Write(Utf8JsonWriter writer, SchemaEntry entry)
    {
        var schema = entry.Element;
        if (schema.ValueKind != JsonValueKind.Object)
        {
            schema.WriteTo(writer);
            return;
        }

        var entered = _scope.Count == 0 || _scope[^1] != entry.BaseUri;
        if (entered)
        {
            _scope.Add(entry.BaseUri);
        }

        var targets = new List<SchemaEntry>(1);
        var kept = new HashSet<string>(StringComparer.Ordinal);
        foreach (var keyword in new[] { "$ref", "$dynamicRef" })
        {
            if (Target(entry, keyword, out var unresolved) is { } target)
            {
                targets.Add(target);
            }
            else if (unresolved)
            {
                kept.Add(keyword);
            }
        }

        var others = schema.EnumerateObject().Where(p => !Dropped.Contains(p.Name) || kept.Contains(p.Name)).ToList();
        if (targets.Count == 1 && others.Count == 0)
        {
            // A bare reference is the schema it names.
            WriteReferenced(writer, targets[0]);
        }
        else
        {
            writer.WriteStartObject();
            foreach (var property in others.Where(p => p.Name != "allOf"))
            {
                writer.WritePropertyName(property.Name);
                WriteKeyword(writer, entry, property);
            }

            // Keywords beside a reference apply too: the referenced schema joins allOf.
            var allOf = others.FirstOrDefault(p => p.Name == "allOf");
            if (allOf.Value.ValueKind == JsonValueKind.Array || targets.Count > 0)
            {
                writer.WriteStartArray("allOf");
                if (allOf.Value.ValueKind == JsonValueKind.Array)
                {
                    var index = 0;
                    foreach (var item in allOf.Value.EnumerateArray())
                    {
                        Write(writer, Child(entry, item, JsonPointer.Append("/allOf", index++)));
                    }
                }

                foreach (var target in targets)
                {
                    WriteReferenced(writer, target);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        if (entered)
        {
            _scope.RemoveAt(_scope.Count - 1);
        }
    }

    private void WriteReferenced(Utf8JsonWriter writer, SchemaEntry target)
    {
        var depth = _expanding.GetValueOrDefault(target.Key);
        if (depth >= _maxDepth)
        {
            // Recursion ends here: no value may nest deeper.
            writer.WriteBooleanValue(false);
            return;
        }

        _expanding[target.Key] = depth + 1;
        Write(writer, target);
        _expanding[target.Key] = depth;
    }

    private void WriteKeyword(Utf8JsonWriter writer, SchemaEntry entry, JsonProperty property)
    {
        var value = property.Value;
        var kind = SchemaKeywords.Known.TryGetValue(property.Name, out var known) ? known : (KeywordValue?)null;
        if (property.Name is "patternProperties")
        {
            kind = KeywordValue.SchemaMap;
        }

        var pointer = JsonPointer.Append("", property.Name);
        switch (kind)
        {
            case KeywordValue.Schema when value.ValueKind is JsonValueKind.Object or JsonValueKind.True or JsonValueKind.False:
                Write(writer, Child(entry, value, pointer));
                break;
            case KeywordValue.SchemaMap when value.ValueKind == JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var member in value.EnumerateObject())
                {
                    writer.WritePropertyName(member.Name);
                    Write(writer, Child(entry, member.Value, JsonPointer.Append(pointer, member.Name)));
                }

                writer.WriteEndObject();
                break;
            case KeywordValue.SchemaArray when value.ValueKind == JsonValueKind.Array:
                writer.WriteStartArray();
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    Write(writer, Child(entry, item, JsonPointer.Append(pointer, index++)));
                }

                writer.WriteEndArray();
                break;
            default:
                value.WriteTo(writer);
                break;
        }
    }

    /// <summary>A subschema: the registry knows its base URI when it starts a resource of its own.</summary>
    private SchemaEntry Child(SchemaEntry parent, JsonElement element, string relativePointer)
    {
        var key = parent.Key + relativePointer;
        return _registry.Get(key) ?? new SchemaEntry(element, parent.BaseUri, key);
    }

    private SchemaEntry? Target(SchemaEntry entry, string keyword, out bool unresolved)
    {
        unresolved = false;
        if (!entry.Element.TryGetProperty(keyword, out var reference) || reference.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var text = reference.GetString()!;
        var target = _registry.Resolve(entry.BaseUri, text);
        if (target is null)
        {
            // A meta-schema or a document nobody loaded: kept as written.
            unresolved = true;
            return null;
        }

        if (keyword == "$dynamicRef" && DynamicTarget(text, target) is { } dynamic)
        {
            return dynamic;
        }

        return target;
    }

    // $dynamicRef to a $dynamicAnchor: the outermost resource on the way here that declares the same
    // dynamic anchor wins (JSON Schema 2020-12, section 8.2.3.2).
    private SchemaEntry? DynamicTarget(string reference, SchemaEntry initial)
    {
        var hash = reference.IndexOf('#', StringComparison.Ordinal);
        var anchor = hash < 0 ? "" : reference[(hash + 1)..];
        if (anchor.Length == 0 || anchor[0] == '/' || !DeclaresDynamicAnchor(initial.Element, anchor))
        {
            return null;
        }

        foreach (var resource in _scope)
        {
            if (_registry.Resolve(resource, "#" + anchor) is { } candidate && DeclaresDynamicAnchor(candidate.Element, anchor))
            {
                return candidate;
            }
        }

        return null;
    }

    private static bool DeclaresDynamicAnchor(JsonElement schema, string anchor) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$dynamicAnchor", out var declared) &&
        declared.ValueKind == JsonValueKind.String && declared.GetString() == anchor;
}
