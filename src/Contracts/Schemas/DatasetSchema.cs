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
    internal DatasetSchema(SchemaDocument root, string pointer, JsonElement json, ImmutableDictionary<Uri, SchemaDocument> documents, ImmutableArray<SchemaField> fields)
    {
        RootDocument = root;
        Pointer = pointer;
        Json = json;
        Documents = documents;
        Fields = fields;
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
}

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
