using System.Collections.Immutable;
using System.Text.RegularExpressions;
using ContractKit.Contracts.Diagnostics;
using ContractKit.Contracts.Documents;
using ContractKit.Contracts.Values;

namespace ContractKit.Contracts.Schemas;

/// <summary>
/// Loads a dataset's record schema: follows every <c>$ref</c> into local files (relative to the
/// file that holds the reference), checks every keyword is one the validator enforces with a
/// well-formed value, and rejects <c>$ref</c> cycles that never reach data. One loader serves one
/// contract, so schema files shared by its datasets are read once.
/// </summary>
internal sealed class DatasetSchemaLoader
{
    private const int MaxFieldDepth = 8;

    private readonly List<Diagnostic> _diagnostics;
    private readonly Dictionary<Uri, SchemaDocument?> _documents = [];
    private readonly SchemaDocument _contract;

    public DatasetSchemaLoader(SourceDocument contract, List<Diagnostic> diagnostics)
    {
        _diagnostics = diagnostics;
        _contract = new SchemaDocument(FileUri(contract.FullPath), contract);
        _documents[_contract.Uri] = _contract;
    }

    private static Uri FileUri(string fullPath) => new(fullPath, UriKind.Absolute);

    /// <summary>A schema node inside a document: the unit of visiting and of the $ref graph.</summary>
    private sealed record SchemaNode(SchemaDocument Document, DocumentNode Node)
    {
        public (Uri, string) Key => (Document.Uri, Node.Pointer);
    }

    /// <summary>State for one dataset schema.</summary>
    private sealed class Walk
    {
        public Dictionary<(Uri, string), SchemaNode> Visited { get; } = [];

        public Dictionary<(Uri, string), List<(SchemaNode Target, DocumentNode Via)>> InPlace { get; } = [];

        public Dictionary<(Uri, string), SchemaNode> RefTargets { get; } = [];

        public HashSet<Uri> Documents { get; } = [];

        public int Errors { get; set; }
    }

    /// <summary>Loads the schema written at <paramref name="node"/> of the contract.</summary>
    /// <returns>The schema, or null when it has errors (they are added to the diagnostics).</returns>
    public async Task<DatasetSchema?> LoadAsync(DocumentNode node, CancellationToken cancellationToken)
    {
        var walk = new Walk();
        var root = new SchemaNode(_contract, node);
        walk.Documents.Add(_contract.Uri);
        var queue = new Queue<SchemaNode>();
        queue.Enqueue(root);
        var references = new List<(SchemaNode From, DocumentNode Reference)>();
        while (queue.Count > 0)
        {
            VisitTree(queue.Dequeue(), walk, references);

            // Resolve the references found so far; their targets are visited next.
            foreach (var (from, reference) in references)
            {
                var target = await ResolveAsync(from, reference, walk, cancellationToken).ConfigureAwait(false);
                if (target is null)
                {
                    continue;
                }

                walk.RefTargets[from.Key] = target;
                AddInPlace(walk, from, target, reference);
                if (!walk.Visited.ContainsKey(target.Key))
                {
                    queue.Enqueue(target);
                }
            }

            references.Clear();
        }

        FindCycles(root, walk);
        if (walk.Errors > 0)
        {
            return null;
        }

        var documents = walk.Documents
            .Select(uri => _documents[uri]!)
            .ToImmutableDictionary(d => d.Uri);
        var fields = ImmutableArray.CreateBuilder<SchemaField>();
        CollectFields(root, null, required: true, walk, fields, depth: 0);
        var resolved = walk.RefTargets.ToImmutableDictionary(r => r.Key, r => new SchemaNodeRef(r.Value.Document, r.Value.Node));
        return new DatasetSchema(_contract, node.Pointer, node.ToJsonElement(), documents, fields.ToImmutable(), resolved);
    }

    private void Report(Walk walk, Rule rule, SourceSpan span, string message, string? hint = null)
    {
        walk.Errors++;
        _diagnostics.Add(Diagnostic.Create(rule, span, message, hint));
    }

    // ---- Keywords ----------------------------------------------------------------------------

    private void VisitTree(SchemaNode schema, Walk walk, List<(SchemaNode, DocumentNode)> references)
    {
        if (!walk.Visited.TryAdd(schema.Key, schema))
        {
            return;
        }

        switch (schema.Node)
        {
            case ScalarNode { Kind: ScalarKind.Boolean }:
                return;
            case MappingNode:
                break;
            default:
                Report(walk, Rules.SchemaInvalid, schema.Node.Span,
                    $"a schema is an object or true/false, not {Article(schema.Node.JsonTypeName)}");
                return;
        }

        // $ref paths resolve against the file they are written in; $id does not move them, since
        // nothing is fetched and every schema a contract uses is a local file.
        var mapping = (MappingNode)schema.Node;
        foreach (var entry in mapping.Entries)
        {
            VisitKeyword(schema, entry, walk, references);
        }

        CheckContradictions(mapping, walk);
    }

    private void VisitKeyword(SchemaNode schema, MappingEntry entry, Walk walk, List<(SchemaNode, DocumentNode)> references)
    {
        var (key, value) = (entry.Key, entry.Value);
        if (key.StartsWith("x-", StringComparison.Ordinal))
        {
            if (key == "x-pii" && value is not ScalarNode { Kind: ScalarKind.Boolean })
            {
                Report(walk, Rules.SchemaInvalid, value.Span, "x-pii is true or false", "write x-pii: true");
            }

            return;
        }

        if (SchemaKeywords.Unenforced.TryGetValue(key, out var unenforced))
        {
            Report(walk, Rules.SchemaUnenforcedKeyword, entry.KeySpan, unenforced);
            return;
        }

        if (!SchemaKeywords.Known.TryGetValue(key, out var kind))
        {
            var hint = SchemaKeywords.Misfits.TryGetValue(key, out var misfit)
                ? misfit
                : Suggestions.Closest(key, SchemaKeywords.Known.Keys) is { } closest
                    ? $"did you mean '{closest}'?"
                    : "use a JSON Schema 2020-12 keyword, or prefix your own annotation with x-";
            Report(walk, Rules.SchemaUnknownKeyword, entry.KeySpan,
                $"'{key}' is not a JSON Schema keyword the validator enforces; records would pass it unchecked", hint);
            return;
        }

        var document = schema.Document;
        switch (kind)
        {
            case KeywordValue.Schema:
                VisitChild(document, value, walk, references);
                break;

            case KeywordValue.SchemaMap when value is MappingNode map:
                foreach (var child in map.Entries)
                {
                    VisitChild(document, child.Value, walk, references);
                }

                break;

            case KeywordValue.RegexMap when value is MappingNode map:
                foreach (var child in map.Entries)
                {
                    CheckRegex(child.Key, child.KeySpan, walk);
                    VisitChild(document, child.Value, walk, references);
                }

                break;

            case KeywordValue.SchemaArray when value is SequenceNode { Items.Length: > 0 } list:
                foreach (var item in list.Items)
                {
                    VisitChild(document, item, walk, references);
                }

                break;

            case KeywordValue.Reference when value is ScalarNode { Kind: ScalarKind.String }:
                references.Add((schema, value));
                break;

            case KeywordValue.Text when value is ScalarNode { Kind: ScalarKind.String } text:
                if (key == "$schema" && !SchemaKeywords.Dialects.Contains(text.Text))
                {
                    Report(walk, Rules.SchemaInvalid, value.Span,
                        $"'{text.Text}' is not a dialect ContractKit validates; dataset schemas are JSON Schema draft 2020-12",
                        "write $schema: https://json-schema.org/draft/2020-12/schema, or leave it out");
                }

                break;

            case KeywordValue.Regex when value is ScalarNode { Kind: ScalarKind.String } pattern:
                CheckRegex(pattern.Text, value.Span, walk);
                break;

            case KeywordValue.Types:
                CheckTypes(value, walk);
                break;

            case KeywordValue.Count when value is ScalarNode { Kind: ScalarKind.Integer } count && !count.Text.StartsWith('-'):
                break;

            case KeywordValue.Number when value is ScalarNode { IsNumber: true }:
                break;

            case KeywordValue.PositiveNumber when value is ScalarNode scalar && scalar.TryGetDecimal(out var number) && number > 0:
                break;

            case KeywordValue.Boolean when value is ScalarNode { Kind: ScalarKind.Boolean }:
                break;

            case KeywordValue.UniqueStrings when value is SequenceNode strings && strings.Items.All(i => i is ScalarNode { Kind: ScalarKind.String }):
                foreach (var duplicate in strings.Items.Cast<ScalarNode>().GroupBy(i => i.Text).Where(g => g.Count() > 1))
                {
                    Report(walk, Rules.SchemaInvalid, duplicate.Skip(1).First().Span, $"'{duplicate.Key}' is listed twice in {key}");
                }

                break;

            case KeywordValue.NonEmptyArray when value is SequenceNode { Items.Length: > 0 }:
            case KeywordValue.Array when value is SequenceNode:
            case KeywordValue.Anything:
                break;

            case KeywordValue.StringArrayMap when value is MappingNode map &&
                map.Entries.All(e => e.Value is SequenceNode s && s.Items.All(i => i is ScalarNode { Kind: ScalarKind.String })):
                break;

            case KeywordValue.Format when value is ScalarNode { Kind: ScalarKind.String } format:
                if (!SchemaKeywords.EnforcedFormats.Contains(format.Text))
                {
                    var closest = Suggestions.Closest(format.Text, SchemaKeywords.EnforcedFormats);
                    Report(walk, Rules.SchemaUnenforcedKeyword, value.Span,
                        $"format '{format.Text}' is not one the validator checks; records would pass it unchecked",
                        closest is not null ? $"did you mean '{closest}'?" : "use pattern for your own formats");
                }

                break;

            default:
                Report(walk, Rules.SchemaInvalid, value.Span, $"{key} must be {Expected(kind)}, not {Article(value.JsonTypeName)}");
                break;
        }
    }

    private void VisitChild(SchemaDocument document, DocumentNode node, Walk walk, List<(SchemaNode, DocumentNode)> references) =>
        VisitTree(new SchemaNode(document, node), walk, references);

    private void CheckRegex(string pattern, SourceSpan span, Walk walk)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException e)
        {
            Report(walk, Rules.SchemaInvalid, span, $"'{pattern}' is not a valid regular expression: {e.Message.Split(" - ").Last().TrimEnd('.')}");
        }
    }

    private void CheckTypes(DocumentNode value, Walk walk)
    {
        var names = value switch
        {
            ScalarNode { Kind: ScalarKind.String } single => [single],
            SequenceNode { Items.Length: > 0 } many when many.Items.All(i => i is ScalarNode { Kind: ScalarKind.String }) => many.Items.Cast<ScalarNode>().ToList(),
            _ => null,
        };
        if (names is null)
        {
            Report(walk, Rules.SchemaInvalid, value.Span, "type is a type name or a list of them");
            return;
        }

        foreach (var name in names.Where(n => JsonTypeNames.Parse(n.Text) == JsonTypes.None))
        {
            var closest = Suggestions.Closest(name.Text, ["string", "number", "integer", "boolean", "object", "array", "null"]);
            Report(walk, Rules.SchemaInvalid, name.Span, $"'{name.Text}' is not a JSON type",
                closest is not null ? $"did you mean '{closest}'?" : "use string, number, integer, boolean, object, array or null");
        }
    }

    private void CheckContradictions(MappingNode mapping, Walk walk)
    {
        foreach (var (low, high) in new[] { ("minimum", "maximum"), ("minLength", "maxLength"), ("minItems", "maxItems"), ("minProperties", "maxProperties"), ("minContains", "maxContains") })
        {
            if (mapping[low] is ScalarNode lowNode && mapping[high] is ScalarNode highNode &&
                lowNode.TryGetDecimal(out var lowValue) && highNode.TryGetDecimal(out var highValue) && lowValue > highValue)
            {
                Report(walk, Rules.SchemaInvalid, lowNode.Span,
                    $"{low} {lowNode.Text} is above {high} {highNode.Text}: no value can pass", $"lower {low} or raise {high}");
            }
        }
    }

    // ---- References --------------------------------------------------------------------------

    private async Task<SchemaNode?> ResolveAsync(SchemaNode from, DocumentNode reference, Walk walk, CancellationToken cancellationToken)
    {
        var text = ((ScalarNode)reference).Text;

        // Split by hand: System.Uri does not parse fragments of file URIs.
        var hash = text.IndexOf('#', StringComparison.Ordinal);
        var location = hash < 0 ? text : text[..hash];
        var fragment = Uri.UnescapeDataString(hash < 0 ? "" : text[(hash + 1)..]);
        if (Uri.TryCreate(location, UriKind.Absolute, out var absolute) && !absolute.IsFile)
        {
            Report(walk, Rules.RefUnresolved, reference.Span,
                $"'{text}' is remote; contracts are self-contained and nothing is fetched",
                "copy the schema next to the contract and reference it by relative path");
            return null;
        }

        SchemaDocument? document;
        Uri documentUri;
        if (location.Length == 0)
        {
            document = from.Document;
            documentUri = document.Uri;
        }
        else
        {
            var relative = absolute?.IsFile == true ? absolute.LocalPath : Uri.UnescapeDataString(location);
            var folder = Path.GetDirectoryName(from.Document.Source.FullPath)!;
            documentUri = FileUri(Path.GetFullPath(Path.Combine(folder, relative)));
            document = await GetDocumentAsync(documentUri, walk, cancellationToken).ConfigureAwait(false);
            if (document is null)
            {
                Report(walk, Rules.RefUnresolved, reference.Span,
                    $"'{text}' names {DisplayPath(documentUri)}, which cannot be read",
                    "check the path; it is relative to the file the $ref is in");
                return null;
            }
        }

        walk.Documents.Add(document.Uri);
        DocumentNode? node;
        if (fragment.Length == 0 || fragment.StartsWith('/'))
        {
            // A pointer is relative to the document root, or to the dataset schema for a contract-local ref.
            node = document.Source.Find(fragment);
            if (node is null && document == _contract && from.Node.Pointer.Length > 0)
            {
                var schemaRoot = RootOf(from);
                node = document.Source.Find(schemaRoot + fragment);
            }
        }
        else
        {
            node = FindAnchor(document.Source.Root, fragment);
        }

        if (node is null)
        {
            Report(walk, Rules.RefUnresolved, reference.Span,
                $"'{text}' points at nothing: {DisplayPath(documentUri)} has no {(fragment.StartsWith('/') ? "'" + fragment + "'" : "anchor '" + fragment + "'")}",
                "correct the #/pointer or anchor");
            return null;
        }

        if (node is not (MappingNode or ScalarNode { Kind: ScalarKind.Boolean }))
        {
            Report(walk, Rules.RefUnresolved, reference.Span, $"'{text}' points at {Article(node.JsonTypeName)}, not a schema");
            return null;
        }

        return new SchemaNode(document, node);
    }

    // A contract-local "#/$defs/x" is relative to the dataset schema it sits in, as if that schema were its own document.
    private static string RootOf(SchemaNode from)
    {
        var tokens = JsonPointer.Parse(from.Node.Pointer) ?? [];
        var schemaIndex = tokens.ToList().IndexOf("schema");
        return schemaIndex < 0 ? "" : string.Concat(tokens.Take(schemaIndex + 1).Select(t => JsonPointer.Append("", t)));
    }

    private static DocumentNode? FindAnchor(DocumentNode node, string anchor)
    {
        switch (node)
        {
            case MappingNode mapping:
                if (mapping["$anchor"] is ScalarNode a && a.Text == anchor || mapping["$dynamicAnchor"] is ScalarNode d && d.Text == anchor)
                {
                    return mapping;
                }

                foreach (var entry in mapping.Entries)
                {
                    if (FindAnchor(entry.Value, anchor) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case SequenceNode sequence:
                return sequence.Items.Select(i => FindAnchor(i, anchor)).FirstOrDefault(f => f is not null);
            default:
                return null;
        }
    }

    private async Task<SchemaDocument?> GetDocumentAsync(Uri uri, Walk walk, CancellationToken cancellationToken)
    {
        if (_documents.TryGetValue(uri, out var known))
        {
            return known;
        }

        var result = await DocumentReader.ReadFileAsync(DisplayPath(uri), uri.LocalPath, cancellationToken).ConfigureAwait(false);
        if (result.Document is null)
        {
            // A missing file is reported at the $ref; a broken one at its own line and column.
            if (result.Diagnostics.Any(d => d.Rule != Rules.FileUnreadable))
            {
                foreach (var diagnostic in result.Diagnostics)
                {
                    _diagnostics.Add(diagnostic);
                    walk.Errors++;
                }
            }

            _documents[uri] = null;
            return null;
        }

        var document = new SchemaDocument(uri, result.Document);
        _documents[uri] = document;
        return document;
    }

    /// <summary>The path to print for a referenced file: relative the same way the contract's own path is.</summary>
    private string DisplayPath(Uri uri)
    {
        var fullPath = uri.LocalPath;
        var contractFull = _contract.Source.FullPath;
        var contractShown = _contract.Source.Path;
        if (Path.IsPathRooted(contractShown))
        {
            return fullPath;
        }

        // Shown path = contract's shown folder + the path from the contract's folder to the file.
        var contractDirectory = Path.GetDirectoryName(contractFull)!;
        var relative = Path.GetRelativePath(contractDirectory, fullPath);
        var shownDirectory = Path.GetDirectoryName(contractShown) ?? "";
        return Path.Combine(shownDirectory, relative);
    }

    private static void AddInPlace(Walk walk, SchemaNode from, SchemaNode to, DocumentNode via)
    {
        if (!walk.InPlace.TryGetValue(from.Key, out var edges))
        {
            walk.InPlace[from.Key] = edges = [];
        }

        edges.Add((to, via));
    }

    // ---- Cycles ------------------------------------------------------------------------------

    /// <summary>
    /// A cycle through $ref and in-place applicators (allOf, not, if…) never reaches data: the
    /// validator would recurse forever. Recursion through properties or items is fine.
    /// </summary>
    private void FindCycles(SchemaNode root, Walk walk)
    {
        // Add the in-place applicator edges that are not references.
        foreach (var schema in walk.Visited.Values)
        {
            if (schema.Node is not MappingNode mapping)
            {
                continue;
            }

            foreach (var entry in mapping.Entries.Where(e => SchemaKeywords.InPlace.Contains(e.Key)))
            {
                IEnumerable<DocumentNode> children = entry.Value switch
                {
                    SequenceNode list => list.Items,
                    MappingNode map when entry.Key == "dependentSchemas" => map.Entries.Select(e => e.Value),
                    _ => [entry.Value],
                };
                foreach (var child in children)
                {
                    AddInPlace(walk, schema, new SchemaNode(schema.Document, child), child);
                }
            }
        }

        var state = new Dictionary<(Uri, string), bool>(); // false: on the stack, true: done
        var reported = new HashSet<DocumentNode>();
        foreach (var schema in walk.Visited.Values.Prepend(root))
        {
            Visit(schema);
        }

        void Visit(SchemaNode schema)
        {
            if (state.ContainsKey(schema.Key))
            {
                return;
            }

            state[schema.Key] = false;
            foreach (var (target, via) in walk.InPlace.GetValueOrDefault(schema.Key) ?? [])
            {
                if (state.TryGetValue(target.Key, out var done) && !done)
                {
                    if (reported.Add(via))
                    {
                        Report(walk, Rules.RefCycle, via.Span,
                            "this $ref closes a cycle of schemas that never reaches data; validation would never end",
                            "make one schema in the cycle describe data, or recurse through properties or items");
                    }

                    continue;
                }

                Visit(target);
            }

            state[schema.Key] = true;
        }
    }

    // ---- Fields ------------------------------------------------------------------------------

    private static void CollectFields(SchemaNode schema, FieldPath? prefix, bool required, Walk walk, ImmutableArray<SchemaField>.Builder fields, int depth)
    {
        if (depth > MaxFieldDepth)
        {
            return;
        }

        var properties = new List<(string Name, SchemaNode Schema)>();
        var requiredNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in InPlaceParts(schema, walk))
        {
            if (part.Node is not MappingNode mapping)
            {
                continue;
            }

            if (mapping["properties"] is MappingNode map)
            {
                properties.AddRange(map.Entries
                    .Where(e => properties.All(p => p.Name != e.Key))
                    .Select(e => (e.Key, new SchemaNode(part.Document, e.Value))));
            }

            if (mapping["required"] is SequenceNode list)
            {
                requiredNames.UnionWith(list.Items.OfType<ScalarNode>().Select(i => i.Text));
            }
        }

        foreach (var (name, property) in properties)
        {
            var path = FieldPath.FromSegments(prefix is null ? [name] : prefix.Segments.Append(name));
            var parts = InPlaceParts(property, walk).Select(p => p.Node).OfType<MappingNode>().ToList();
            var types = JsonTypes.Any;
            string? format = null;
            string? description = null;
            bool? pii = null;
            var enumValues = ImmutableArray<string>.Empty;
            foreach (var part in parts)
            {
                types &= TypesOf(part);
                format ??= (part["format"] as ScalarNode)?.Text;
                description ??= (part["description"] as ScalarNode)?.Text;
                pii ??= part["x-pii"] is ScalarNode { Kind: ScalarKind.Boolean } flag ? flag.Text is "true" or "True" or "TRUE" : null;
                if (enumValues.IsEmpty && part["enum"] is SequenceNode values)
                {
                    enumValues = [.. values.Items.Select(v => v is ScalarNode s ? s.Text : v.JsonTypeName)];
                }
            }

            var isRequired = required && requiredNames.Contains(name);
            fields.Add(new SchemaField(path, types, format, isRequired, pii == true, pii is not null, description, enumValues, property.Node.Span)
            {
                Constraints = [.. parts.SelectMany(FieldConstraints.Of).Distinct(StringComparer.Ordinal)],
                Example = parts.Select(FieldConstraints.ExampleOf).FirstOrDefault(e => e is not null),
            });
            if (types.HasFlag(JsonTypes.Object) && types != JsonTypes.Any)
            {
                CollectFields(property, path, isRequired, walk, fields, depth + 1);
            }
        }
    }

    /// <summary>The schema and everything that applies to the same value through $ref and allOf.</summary>
    private static List<SchemaNode> InPlaceParts(SchemaNode schema, Walk walk)
    {
        var parts = new List<SchemaNode>();
        var seen = new HashSet<(Uri, string)>();
        var pending = new Stack<SchemaNode>();
        pending.Push(schema);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            if (!seen.Add(current.Key))
            {
                continue;
            }

            parts.Add(current);
            if (walk.RefTargets.TryGetValue(current.Key, out var target))
            {
                pending.Push(target);
            }

            if (current.Node is MappingNode { } mapping && mapping["allOf"] is SequenceNode all)
            {
                foreach (var item in all.Items)
                {
                    pending.Push(new SchemaNode(current.Document, item));
                }
            }
        }

        return parts;
    }

    private static JsonTypes TypesOf(MappingNode schema)
    {
        switch (schema["type"])
        {
            case ScalarNode single:
                return Widen(JsonTypeNames.Parse(single.Text));
            case SequenceNode many:
                return many.Items.OfType<ScalarNode>().Aggregate(JsonTypes.None, (all, t) => all | Widen(JsonTypeNames.Parse(t.Text)));
        }

        if (schema["const"] is ScalarNode constant)
        {
            return ScalarType(constant);
        }

        if (schema["enum"] is SequenceNode values && values.Items.All(v => v is ScalarNode))
        {
            return values.Items.Cast<ScalarNode>().Aggregate(JsonTypes.None, (all, v) => all | ScalarType(v));
        }

        return JsonTypes.Any;
    }

    // "number" allows integers; "integer" is a subset of "number".
    private static JsonTypes Widen(JsonTypes type) => type == JsonTypes.Number ? JsonTypes.Number | JsonTypes.Integer : type;

    private static JsonTypes ScalarType(ScalarNode scalar) => scalar.Kind switch
    {
        ScalarKind.Null => JsonTypes.Null,
        ScalarKind.Boolean => JsonTypes.Boolean,
        ScalarKind.Integer => JsonTypes.Integer | JsonTypes.Number,
        ScalarKind.Float => JsonTypes.Number,
        _ => JsonTypes.String,
    };

    private static string Expected(KeywordValue kind) => kind switch
    {
        KeywordValue.Schema => "a schema (an object or true/false)",
        KeywordValue.SchemaMap or KeywordValue.RegexMap => "an object of schemas",
        KeywordValue.SchemaArray => "a non-empty list of schemas",
        KeywordValue.Reference or KeywordValue.Text or KeywordValue.Regex or KeywordValue.Format => "a string",
        KeywordValue.Count => "a whole number of at least 0",
        KeywordValue.Number => "a number",
        KeywordValue.PositiveNumber => "a number above 0",
        KeywordValue.Boolean => "true or false",
        KeywordValue.UniqueStrings => "a list of property names",
        KeywordValue.NonEmptyArray => "a non-empty list",
        KeywordValue.Array => "a list",
        KeywordValue.StringArrayMap => "an object whose values are lists of property names",
        _ => "something else",
    };

    private static string Article(string noun) =>
        noun is "array" or "object" or "integer" ? "an " + noun : noun == "null" ? noun : "a " + noun;
}
