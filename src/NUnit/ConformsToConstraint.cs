using System.Text.Json;
using System.Text.Json.Nodes;
using ContractKit.Contracts.Validation;
using NUnit.Framework.Constraints;

namespace ContractKit.NUnit;

/// <summary>
/// Checks that a value is a record (or a collection of records) satisfying a dataset's schema.
/// Accepts JSON text, UTF-8 bytes, a stream, <see cref="JsonElement"/>, <see cref="JsonDocument"/>,
/// <see cref="JsonNode"/>, or any object, serialized with System.Text.Json's web defaults (or
/// <see cref="Using"/> options). A failure lists every violation with its JSON Pointer.
/// </summary>
public sealed class ConformsToConstraint : Constraint
{
    private readonly RecordValidator _validator;
    private readonly bool _eachRecord;
    private JsonSerializerOptions _serializerOptions = JsonSerializerOptions.Web;

    internal ConformsToConstraint(string description, RecordValidator validator, bool eachRecord)
    {
        _validator = validator;
        _eachRecord = eachRecord;
        Description = eachRecord ? "every record to be " + description : description;
    }

    /// <inheritdoc />
    public override string Description { get; }

    /// <summary>Serializes objects with these options (naming policy, converters) before validating.</summary>
    public ConformsToConstraint Using(JsonSerializerOptions options)
    {
        _serializerOptions = options;
        return this;
    }

    /// <inheritdoc />
    public override ConstraintResult ApplyTo<TActual>(TActual actual)
    {
        List<(int? Record, ValidationError Error)> violations;
        try
        {
            var element = ToElement(actual);
            violations = _eachRecord ? EachRecord(element) : [.. _validator.Validate(element).Errors.Select(e => ((int?)null, e))];
        }
        catch (JsonException e)
        {
            return new ConformsResult(this, actual, [], $"the value is not JSON: {e.Message}");
        }

        return new ConformsResult(this, actual, violations, null);
    }

    private List<(int?, ValidationError)> EachRecord(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException($"expected an array of records, got {element.ValueKind.ToString().ToLowerInvariant()}");
        }

        var violations = new List<(int?, ValidationError)>();
        var index = 0;
        foreach (var record in element.EnumerateArray())
        {
            violations.AddRange(_validator.Validate(record).Errors.Select(e => ((int?)index, e)));
            index++;
        }

        return violations;
    }

    private JsonElement ToElement<TActual>(TActual actual) => actual switch
    {
        JsonElement element => element,
        JsonDocument document => document.RootElement,
        JsonNode node => JsonSerializer.SerializeToElement(node),
        string text => JsonDocument.Parse(text).RootElement,
        byte[] bytes => JsonDocument.Parse(bytes).RootElement,
        ReadOnlyMemory<byte> memory => JsonDocument.Parse(memory).RootElement,
        Stream stream => JsonDocument.Parse(stream).RootElement,
        null => JsonSerializer.SerializeToElement<object?>(null),
        _ => JsonSerializer.SerializeToElement(actual, _serializerOptions),
    };

    private sealed class ConformsResult(IConstraint constraint, object? actual, List<(int? Record, ValidationError Error)> violations, string? problem)
        : ConstraintResult(constraint, actual, problem is null && violations.Count == 0)
    {
        public override void WriteActualValueTo(MessageWriter writer)
        {
            if (problem is not null)
            {
                writer.Write(problem);
                return;
            }

            writer.Write($"{violations.Count} violation{(violations.Count == 1 ? "" : "s")}:");
            foreach (var (record, error) in violations)
            {
                writer.WriteLine();
                writer.Write($"    {(record is null ? "" : $"record {record}: ")}{error}");
            }
        }
    }
}
