using System.Text.Json;
using ContractKit.Contracts.Schemas;
using Json.Schema;

namespace ContractKit.Cli.Tests.Support;

/// <summary>
/// Validates records with JsonSchema.Net 8.0.5 (formats enforced), a reference implementation of
/// JSON Schema 2020-12 that is independent of contractkit's own validator.
/// </summary>
internal static class ReferenceValidator
{
    private static readonly EvaluationOptions Options = new() { RequireFormatValidation = true, OutputFormat = OutputFormat.List };

    /// <summary>Each violation as "pointer: message"; empty when the record is valid.</summary>
    public static IReadOnlyList<string> Violations(DatasetSchema schema, JsonElement record)
    {
        // A fresh registry per schema: the files a schema references are registered by their URI.
        // Draft 2020-12 explicitly: JsonSchema.Net 8 defaults to a dialect that rejects x- annotations.
        var build = new BuildOptions { SchemaRegistry = new SchemaRegistry(), Dialect = Dialect.Draft202012 };
        foreach (var (uri, document) in schema.Documents.Where(d => d.Key != schema.BaseUri))
        {
            JsonSchema.Build(document.Json, build, uri);
        }

        var result = JsonSchema.Build(schema.Json, build, schema.BaseUri).Evaluate(record, Options);
        return result.IsValid
            ? []
            : [.. (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))];
    }
}
