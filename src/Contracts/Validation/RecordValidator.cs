using System.Text.Json;
using ContractKit.Contracts.Schemas;
using ContractKit.Contracts.Validation.Compilation;
using ContractKit.Contracts.Validation.Fallback;

namespace ContractKit.Contracts.Validation;

/// <summary>
/// Checks records against a JSON Schema (draft 2020-12). The schema is compiled once into a tree of
/// checks that run directly on System.Text.Json elements; a schema that uses keywords the compiled
/// validator does not implement (<c>unevaluatedProperties</c>, <c>$dynamicRef</c>…) is handed to
/// JsonSchema.Net instead, so every keyword is enforced either way. Thread-safe once created.
/// </summary>
public sealed class RecordValidator
{
    private readonly CompiledSchema? _compiled;
    private readonly DelegatedValidator? _delegated;
    private readonly ValidationOptions _options;

    private RecordValidator(CompiledSchema? compiled, DelegatedValidator? delegated, string? delegationReason, ValidationOptions options)
    {
        _compiled = compiled;
        _delegated = delegated;
        DelegationReason = delegationReason;
        _options = options;
    }

    /// <summary>Which engine checks records.</summary>
    public ValidationEngine Engine => _compiled is not null ? ValidationEngine.Compiled : ValidationEngine.JsonSchemaNet;

    /// <summary>Why the schema was delegated (the keyword that needed it), or null when compiled.</summary>
    public string? DelegationReason { get; }

    /// <summary>A validator for a dataset's record schema, with the files it references.</summary>
    /// <param name="schema">The dataset schema, as loaded with its contract.</param>
    /// <param name="options">Reporting options.</param>
    public static RecordValidator For(DatasetSchema schema, ValidationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(schema);

        // The dataset schema is a document of its own at the contract's URI: "#/$defs/x" means its
        // own $defs, and relative file references resolve from the contract's folder.
        var documents = schema.Documents.Values
            .Where(d => d.Uri != schema.BaseUri)
            .Select(d => (d.Uri.AbsoluteUri, d.Json));
        return Create(schema.Json, schema.BaseUri.AbsoluteUri, documents, options);
    }

    /// <summary>A validator for any schema, with the documents its <c>$ref</c>s may name (nothing is fetched).</summary>
    /// <param name="schema">The schema.</param>
    /// <param name="baseUri">The URI relative references in it resolve against.</param>
    /// <param name="documents">Other documents, by absolute URI.</param>
    /// <param name="options">Reporting options.</param>
    /// <exception cref="InvalidSchemaException">The schema cannot be compiled (a reference to nowhere, a broken pattern).</exception>
    public static RecordValidator Create(JsonElement schema, string baseUri, IEnumerable<(string Uri, JsonElement Content)>? documents = null, ValidationOptions? options = null)
    {
        options ??= ValidationOptions.Default;
        var known = (documents ?? []).ToList();
        var registry = new SchemaRegistry();
        registry.AddDocument(baseUri, schema);
        foreach (var (uri, content) in known)
        {
            registry.AddDocument(uri, content);
        }

        try
        {
            var compiler = new SchemaCompiler(registry, SchemaUri.Normalize(SchemaUri.Split(baseUri).Document), options.AssertFormats);
            var root = compiler.Compile(registry.Root(baseUri)!);
            return new RecordValidator(root, null, null, options);
        }
        catch (UnsupportedKeywordException e)
        {
            return new RecordValidator(null, new DelegatedValidator(schema, baseUri, known, options.AssertFormats), e.Keyword, options);
        }
    }

    /// <summary>True when the record satisfies the schema; stops at the first failure.</summary>
    public bool IsValid(JsonElement record) =>
        _compiled is not null ? _compiled.Evaluate(record, new Evaluation()) : _delegated!.IsValid(record);

    /// <summary>Every way the record breaks the schema.</summary>
    public ValidationResult Validate(JsonElement record)
    {
        if (_compiled is null)
        {
            var delegated = _delegated!.Validate(record);
            return delegated.Count == 0 ? ValidationResult.Valid : new ValidationResult([.. delegated.Take(_options.MaxErrorsPerRecord)], Math.Max(0, delegated.Count - _options.MaxErrorsPerRecord));
        }

        var evaluation = new Evaluation { Errors = [], MaxErrors = _options.MaxErrorsPerRecord };
        return _compiled.Evaluate(record, evaluation) && evaluation.Errors!.Count == 0
            ? ValidationResult.Valid
            : new ValidationResult([.. evaluation.Errors!], evaluation.Suppressed);
    }

    /// <summary>Validates JSON text.</summary>
    /// <exception cref="JsonException">The text is not JSON.</exception>
    public ValidationResult Validate(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Validate(document.RootElement);
    }

    /// <summary>Validates UTF-8 JSON bytes.</summary>
    /// <exception cref="JsonException">The bytes are not JSON.</exception>
    public ValidationResult Validate(ReadOnlyMemory<byte> utf8Json)
    {
        using var document = JsonDocument.Parse(utf8Json);
        return Validate(document.RootElement);
    }

    /// <summary>Validates the JSON in a stream (one document).</summary>
    /// <exception cref="JsonException">The stream is not JSON.</exception>
    public async Task<ValidationResult> ValidateAsync(Stream json, CancellationToken cancellationToken = default)
    {
        using var document = await JsonDocument.ParseAsync(json, cancellationToken: cancellationToken).ConfigureAwait(false);
        return Validate(document.RootElement);
    }

    /// <summary>Validates an object as System.Text.Json serializes it.</summary>
    /// <param name="value">The object.</param>
    /// <param name="serializerOptions">How to serialize it (naming policy, converters); defaults to web defaults (camelCase).</param>
    public ValidationResult ValidateObject<T>(T value, JsonSerializerOptions? serializerOptions = null) =>
        Validate(JsonSerializer.SerializeToElement(value, serializerOptions ?? JsonSerializerOptions.Web));
}
