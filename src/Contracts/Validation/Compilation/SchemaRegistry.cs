using System.Globalization;
using System.Text.Json;
using ContractKit.Contracts.Documents;

namespace ContractKit.Contracts.Validation.Compilation;

/// <summary>A schema found in a document: the element, the base URI its references resolve against, and its unique key.</summary>
/// <param name="Element">The schema.</param>
/// <param name="BaseUri">The base URI in force at this schema (after any <c>$id</c>).</param>
/// <param name="Key">The document URI and JSON Pointer from the document root: one key per element.</param>
internal sealed record SchemaEntry(JsonElement Element, string BaseUri, string Key);

/// <summary>
/// Every schema of every known document, addressable the ways <c>$ref</c> addresses them: by
/// document, by <c>$id</c> resource, by JSON Pointer inside a resource, and by <c>$anchor</c>.
/// Nothing is fetched: unknown documents do not resolve.
/// </summary>
internal sealed class SchemaRegistry
{
    private static readonly HashSet<string> SchemaValued =
        ["additionalProperties", "propertyNames", "items", "contains", "not", "if", "then", "else", "unevaluatedItems", "unevaluatedProperties", "contentSchema", "additionalItems"];

    private static readonly HashSet<string> SchemaMaps = ["properties", "patternProperties", "$defs", "definitions", "dependentSchemas", "dependencies"];

    private static readonly HashSet<string> SchemaArrays = ["allOf", "anyOf", "oneOf", "prefixItems", "items"];

    private readonly Dictionary<string, SchemaEntry> _entries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _aliases = new(StringComparer.Ordinal);

    /// <summary>Adds a document and every schema inside it.</summary>
    /// <param name="documentUri">The document's absolute URI.</param>
    /// <param name="root">Its content.</param>
    public void AddDocument(string documentUri, JsonElement root)
    {
        var document = SchemaUri.Normalize(documentUri);
        if (_aliases.ContainsKey(document))
        {
            return;
        }

        Walk(root, document, document, "", document, "");
    }

    /// <summary>The entry for a document's root.</summary>
    public SchemaEntry? Root(string documentUri) =>
        _aliases.TryGetValue(SchemaUri.Normalize(documentUri), out var key) ? _entries[key] : null;

    /// <summary>The entry stored under <paramref name="key"/>, if the walk reached it.</summary>
    public SchemaEntry? Get(string key) => _entries.GetValueOrDefault(key);

    /// <summary>Resolves a <c>$ref</c> written in a schema whose base URI is <paramref name="baseUri"/>.</summary>
    public SchemaEntry? Resolve(string baseUri, string reference)
    {
        if (!SchemaUri.TryResolve(baseUri, reference, out var absolute))
        {
            return null;
        }

        var (document, rawFragment) = SchemaUri.Split(absolute);
        var fragment = Uri.UnescapeDataString(rawFragment);
        if (fragment.Length == 0)
        {
            return _aliases.TryGetValue(document, out var rootKey) ? _entries[rootKey] : null;
        }

        if (!fragment.StartsWith('/'))
        {
            return _aliases.TryGetValue(document + "#" + fragment, out var anchorKey) ? _entries[anchorKey] : null;
        }

        if (_aliases.TryGetValue(document + "#" + fragment, out var key))
        {
            return _entries[key];
        }

        // A pointer to a place the walk did not register as a schema (inside an unknown keyword,
        // say): walk the JSON itself from the resource root.
        if (!_aliases.TryGetValue(document, out var resourceKey) || JsonPointer.Parse(fragment) is not { } tokens)
        {
            return null;
        }

        var resource = _entries[resourceKey];
        var element = resource.Element;
        foreach (var token in tokens)
        {
            if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(token, out var child))
            {
                element = child;
            }
            else if (element.ValueKind == JsonValueKind.Array && int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < element.GetArrayLength())
            {
                element = element[index];
            }
            else
            {
                return null;
            }
        }

        var entry = new SchemaEntry(element, resource.BaseUri, resource.Key + fragment);
        _entries.TryAdd(entry.Key, entry);
        return _entries[entry.Key];
    }

    private void Walk(JsonElement element, string baseUri, string document, string pointer, string resource, string resourcePointer)
    {
        if (element.ValueKind is not (JsonValueKind.Object or JsonValueKind.True or JsonValueKind.False))
        {
            return;
        }

        var key = document + "#" + pointer;

        // Reachable by pointer from the enclosing resource too, even when it starts a resource of its own.
        _aliases.TryAdd(resource + "#" + resourcePointer, key);
        if (pointer.Length == 0)
        {
            _aliases.TryAdd(document, key);
        }

        if (element.ValueKind == JsonValueKind.Object &&
            element.TryGetProperty("$id", out var id) && id.ValueKind == JsonValueKind.String &&
            SchemaUri.TryResolve(baseUri, id.GetString()!, out var identified))
        {
            baseUri = SchemaUri.Split(identified).Document;
            resource = baseUri;
            resourcePointer = "";
        }

        _entries[key] = new SchemaEntry(element, baseUri, key);
        _aliases.TryAdd(resource + "#" + resourcePointer, key);
        if (resourcePointer.Length == 0)
        {
            _aliases.TryAdd(resource, key);
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var anchorKeyword in new[] { "$anchor", "$dynamicAnchor" })
        {
            if (element.TryGetProperty(anchorKeyword, out var anchor) && anchor.ValueKind == JsonValueKind.String)
            {
                _aliases.TryAdd(baseUri + "#" + anchor.GetString(), key);
            }
        }

        foreach (var property in element.EnumerateObject())
        {
            var childPointer = JsonPointer.Append(pointer, property.Name);
            var childResourcePointer = JsonPointer.Append(resourcePointer, property.Name);
            var value = property.Value;
            if (SchemaValued.Contains(property.Name) && value.ValueKind != JsonValueKind.Array)
            {
                Walk(value, baseUri, document, childPointer, resource, childResourcePointer);
            }
            else if (SchemaMaps.Contains(property.Name) && value.ValueKind == JsonValueKind.Object)
            {
                foreach (var entry in value.EnumerateObject())
                {
                    Walk(entry.Value, baseUri, document, JsonPointer.Append(childPointer, entry.Name), resource, JsonPointer.Append(childResourcePointer, entry.Name));
                }
            }
            else if (SchemaArrays.Contains(property.Name) && value.ValueKind == JsonValueKind.Array)
            {
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    Walk(item, baseUri, document, JsonPointer.Append(childPointer, index), resource, JsonPointer.Append(childResourcePointer, index));
                    index++;
                }
            }
        }
    }
}
