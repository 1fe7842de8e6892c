using System.Text.Json;
using Json.Schema;

namespace ContractKit.Contracts.Validation.Fallback;

/// <summary>
/// Validation by JsonSchema.Net 8 (MIT; never 9 or newer, which charge companies), for schemas the
/// compiled validator cannot take. Slower, but it enforces every keyword of 2020-12.
/// </summary>
internal sealed class DelegatedValidator
{
    private readonly JsonSchema _schema;
    private readonly EvaluationOptions _detailed;

    public DelegatedValidator(JsonElement schema, string baseUri, IEnumerable<(string Uri, JsonElement Content)> documents, bool assertFormats)
    {
        // Always the hierarchical output: in Flag mode JsonSchema.Net 8.0.5 skips the annotation
        // collection unevaluatedProperties depends on, and gives different verdicts (suite: 6 cases).
        _detailed = new EvaluationOptions { OutputFormat = OutputFormat.Hierarchical, RequireFormatValidation = assertFormats };

        // A fresh registry per schema (the suite and real contracts reuse $ids), and the 2020-12
        // dialect, whose unknown keywords are annotations (JsonSchema.Net's default rejects them).
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry(), Dialect = Dialect.Draft202012 };
        foreach (var (uri, content) in documents)
        {
            var documentUri = new Uri(uri);
            options.SchemaRegistry.Register(documentUri, JsonSchema.Build(content, options, documentUri));
        }

        _schema = JsonSchema.Build(schema, options, new Uri(baseUri));
    }

    public bool IsValid(JsonElement record) => _schema.Evaluate(record, _detailed).IsValid;

    public List<ValidationError> Validate(JsonElement record)
    {
        var results = _schema.Evaluate(record, _detailed);
        var errors = new List<ValidationError>();
        foreach (var failed in JsonSchemaNetOutput.FailedLeaves(results))
        {
            if (failed.Errors is not { Count: > 0 })
            {
                var path = failed.EvaluationPath.ToString();
                var keyword = path[(path.LastIndexOf('/') + 1)..];
                errors.Add(new ValidationError(failed.InstanceLocation.ToString(), keyword, "#" + path, $"fails {keyword}"));
                continue;
            }

            foreach (var (keyword, message) in failed.Errors)
            {
                errors.Add(new ValidationError(failed.InstanceLocation.ToString(), keyword, "#" + failed.EvaluationPath, message));
            }
        }

        return errors;
    }
}
