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
