using System.Collections.Immutable;
using System.Text.Json;
using ContractKit.Contracts.Documents;
using ContractKit.Contracts.Values;

namespace ContractKit.Contracts.Schemas;

/// <summary>
/// The JSON Schema (draft 2020-12) of one record of a dataset, with every <c>$ref</c> it reaches
/// already loaded and checked, so validators need no file access.
/// </summary>
public sealed class DatasetSchema
{
    internal DatasetSchema(SchemaDocument root, string pointer, JsonElement json, ImmutableDictionary<Uri, SchemaDocument> documents, ImmutableArray<SchemaField> fields, ImmutableDictionary<(Uri, string), SchemaNodeRef> references)
    {
        RootDocument = root;
        Pointer = pointer;
        Json = json;
        Documents = documents;
        Fields = fields;
        References = references;
    }

    /// <summary>The document the schema is written in (the contract, for an inline schema).</summary>
    public SchemaDocument RootDocument { get; }

    /// <summary>Where the schema is inside <see cref="RootDocument"/> (<c>/datasets/0/schema</c>).</summary>
    public string Pointer { get; }

    /// <summary>The schema itself.</summary>
    public JsonElement Json { get; }

    /// <summary>The base URI <c>$ref</c>s in <see cref="Json"/> resolve against.</summary>
    public Uri BaseUri => RootDocument.Uri;

    /// <summary>Every document the schema reaches, by URI (without fragment), including the root one.</summary>
    public ImmutableDictionary<Uri, SchemaDocument> Documents { get; }

    /// <summary>The record's fields: top-level properties and the properties of nested objects.</summary>
    public ImmutableArray<SchemaField> Fields { get; }

    /// <summary>The field at <paramref name="path"/>, or null.</summary>
    public SchemaField? FindField(FieldPath path) => Fields.FirstOrDefault(f => f.Path.Equals(path));

    /// <summary>The schema node at the root of the record schema.</summary>
    internal SchemaNodeRef Root => new(RootDocument, RootDocument.Source.Find(Pointer)!);

    /// <summary>
    /// Where each <c>$ref</c> the loader resolved points: keyed by the document and pointer of
    /// the schema that holds the <c>$ref</c>. Diff and docs follow references through this map
    /// instead of resolving them a second time.
    /// </summary>
    internal ImmutableDictionary<(Uri Document, string Pointer), SchemaNodeRef> References { get; }

    /// <summary>The target of the <c>$ref</c> in <paramref name="schema"/>, or null when it has none.</summary>
    internal SchemaNodeRef? ResolveReference(SchemaNodeRef schema) =>
        References.TryGetValue((schema.Document.Uri, schema.Node.Pointer), out var target) ? target : null;

    /// <summary>
    /// The schema as one self-contained document: every <c>$ref</c> and <c>$dynamicRef</c> is replaced
    /// by the schema it names (in <c>$defs</c>, at an <c>$anchor</c>, in another of
    /// <see cref="Documents"/>), resolved as the record validator resolves it. A reference with
    /// keywords beside it becomes an <c>allOf</c> entry, since both apply. <c>$id</c>, <c>$anchor</c>,
    /// <c>$dynamicAnchor</c>, <c>$defs</c>, <c>definitions</c> and <c>$schema</c> are left out: nothing
    /// refers to them any more. A reference that names no loaded document (a meta-schema) is kept.
    /// </summary>
    /// <param name="maxDepth">
    /// How many times one referenced schema may be expanded inside itself. A recursive reference met
    /// deeper than that is written as <c>false</c>, the schema that accepts nothing: every value of
    /// the result also satisfies the original, nesting at most <paramref name="maxDepth"/> levels
    /// (except under <c>not</c> or <c>if</c>, where <c>false</c> loosens instead).
    /// </param>
    /// <returns>The inlined schema; a new element on every call.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDepth"/> is negative.</exception>
    public JsonElement Inline(int maxDepth = 8) => SchemaInliner.Inline(this, maxDepth);
}

/// <summary>A schema node and the document it is written in.</summary>
/// <param name="Document">The document.</param>
/// <param name="Node">The node.</param>
internal sealed record SchemaNodeRef(SchemaDocument Document, DocumentNode Node);

/// <summary>A file that holds schemas (the contract itself, or a referenced schema file).</summary>
public sealed class SchemaDocument
{
    private readonly Lazy<JsonElement> _json;

    internal SchemaDocument(Uri uri, SourceDocument source)
    {
        Uri = uri;
        Source = source;
        _json = new Lazy<JsonElement>(() => source.Root.ToJsonElement());
    }

    /// <summary>Its file URI.</summary>
    public Uri Uri { get; }

    /// <summary>Its positioned tree.</summary>
    public SourceDocument Source { get; }

    /// <summary>Its JSON, built on first use (lint never needs it).</summary>
    public JsonElement Json => _json.Value;
}
