using System.Text.Json;
using ContractKit.Contracts.Model.Datasets;
using ContractKit.Contracts.Schemas;
using ContractKit.Contracts.Validation;
using ContractKit.Contracts.Values;
using ContractKit.Probes.Observations;
using ContractKit.Probes.Sources.Postgres.Internal;

namespace ContractKit.Probes.Sources.Postgres;

/// <summary>
/// A table's columns against the top-level fields of the dataset schema: missing columns, types by
/// <see cref="PostgresTypeMapping"/>, nullable columns for required fields, and columns the schema
/// does not name. Breaking findings come first, so the check's message names the worst one.
/// </summary>
internal static class ColumnComparison
{
    private static readonly ValidationOptions ExtraColumnProbe = new() { MaxErrorsPerRecord = 1000, AssertFormats = false };

    /// <summary>Compares; the table must exist.</summary>
    public static SchemaObservation Compare(Dataset dataset, TableName table, TableFacts facts)
    {
        var findings = new List<SchemaFinding>();
        var fields = dataset.Schema.Fields.Where(f => f.Path.IsTopLevel).ToList();
        foreach (var field in fields)
        {
            var name = field.Path.Name;
            var location = $"{table}.{name}";
            if (facts.Column(name) is not { } column)
            {
                var nearly = facts.Columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
                var hint = nearly is null ? "" : $" (column {nearly.Name} differs only in case; PostgreSQL folds unquoted names to lower case)";
                findings.Add(new SchemaFinding(
                    $"column {name} is missing; the field is {(field.Required ? "required" : "optional")}{hint}", field.Required, location, null));
                continue;
            }

            var verdict = PostgresTypeMapping.Compare(field, column);
            if (verdict.Fit != TypeFit.Match)
            {
                findings.Add(new SchemaFinding($"column {name}: {verdict.Reason}", verdict.Fit == TypeFit.Mismatch, location, null));
            }

            if (facts.HasNotNullConstraints && !column.NotNull && field.Required && !field.Nullable)
            {
                findings.Add(new SchemaFinding(
                    $"column {name} allows nulls, but the field is required and its type ({JsonTypeNames.Format(field.Types)}) does not allow null",
                    true, location, null));
            }
        }

        var named = fields.Select(f => f.Path.Name).ToHashSet(StringComparer.Ordinal);
        var extra = facts.Columns.Where(c => !named.Contains(c.Name)).ToList();
        if (extra.Count > 0)
        {
            var validator = RecordValidator.For(dataset.Schema, ExtraColumnProbe);
            foreach (var column in extra)
            {
                var refused = Refuses(validator, column.Name);
                findings.Add(new SchemaFinding(
                    refused
                        ? $"column {column.Name} ({column.DisplayType}) is not in the schema, which allows no other properties"
                        : $"column {column.Name} ({column.DisplayType}) is not in the schema",
                    refused, $"{table}.{column.Name}", null));
            }
        }

        var ordered = findings.OrderByDescending(f => f.Breaking).ToList();
        return new SchemaObservation(facts.Columns.Length, "columns", ordered.Count(f => f.Breaking), [.. ordered]);
    }

    /// <summary>
    /// Whether the schema refuses a record that has the column as a property. The validator answers,
    /// so <c>additionalProperties</c>, <c>patternProperties</c>, <c>$ref</c>, <c>allOf</c> and
    /// <c>unevaluatedProperties</c> count exactly as they do for records.
    /// </summary>
    private static bool Refuses(RecordValidator validator, string column)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteNull(column);
            json.WriteEndObject();
        }

        return validator.Validate(stream.ToArray()).Errors
            .Any(e => e.Keyword is "additionalProperties" or "unevaluatedProperties" or "propertyNames");
    }
}
